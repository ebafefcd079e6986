/**
 * Postprocessors for quotas and plans written in the text: "100% of the Participant's FY2027 Quota of $1,200,000".
 * They build the QuotaNode and the comparison's amount, the stated share of the quota (src/language/quota-share.ts:
 * the comparison may be a part of a compound condition, which keeps no quota); what the quota means for the notes is
 * the evaluator's.
 */
import type { ComparatorNode, MoneyNode, QuotaNode } from '../src/language/ast';
import { digits, span, toArray, type Data, type List } from './builders';
import type { Comparison } from './builders';
import type { Token } from './lexer';
import { quotaShareAmount } from '../src/language/quota-share';
import { normalizeText } from '../src/values/text-key';

/** "100% of the Participant's FY2027 Quota of $1,200,000". */
export function quotaShare(d: Data): QuotaNode {
  const [percent, , , name, , amount] = d as [Token, Token, Token | null, List<Token>, Token, MoneyNode];
  const tokens = toArray(name);
  // "the Participant's FY2027 Quota": a first word with an apostrophe-s names whose quota it is.
  const owner = tokens.length > 1 && /^[A-Z].*['’]s$/.test(tokens[0].value) ? tokens[0] : null;
  const words = (owner ? tokens.slice(1) : tokens).map((t) => t.value);
  const ownerNode = owner ? { kind: 'party' as const, name: normalizeText(owner.value.replace(/['’]s$/, '')), range: span(owner) } : null;
  return { kind: 'quota', percent: digits(percent, true), name: normalizeText(words.join(' ')), owner: ownerNode, amount, range: span(d) };
}

/** "<comparator> <share of a quota>": the target is that share of the quota, in the quota's currency. */
export function quotaComparison(d: Data): Comparison {
  const [, comparator, quota] = d as [unknown, ComparatorNode, QuotaNode];
  return { comparator, amount: quotaShareAmount(quota), quota, range: span(d) };
}
