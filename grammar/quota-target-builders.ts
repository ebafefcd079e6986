/**
 * Postprocessor for a target named as a quota after a comparator: "… reach the quarterly quota of $150,000". It only
 * builds the named amount; whether the name's period word agrees with the condition's window is checked after parsing
 * (src/language/check-target-period.ts).
 */
import type { MoneyNode } from '../src/language/ast';
import { span, toArray, type Data, type List } from './builders';
import type { Token } from './lexer';
import { normalizeText } from '../src/values/text-key';

/** "the quarterly quota of $150,000": the amount, and the quota's name as written ("quarterly quota"). */
export function quotaTarget(d: Data): { kind: 'named-amount'; name: string; amount: MoneyNode; range: ReturnType<typeof span> } {
  const [, name, , amount] = d as [Token, List<Token>, Token, MoneyNode];
  return { kind: 'named-amount', name: normalizeText(toArray(name).map((t) => t.value).join(' ')), amount, range: span(d) };
}
