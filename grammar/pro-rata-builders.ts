/**
 * Postprocessors for a bonus pro-rated by the share of a target achieved, written after a period opening: "For each
 * calendar year, the Company shall pay the Employee a Performance Bonus of up to $25,000, equal to $25,000 multiplied
 * by the percentage of the performance target of $2,000,000 of Net Sales achieved in such year (for example, 50% of
 * the target earns $12,500). If less than 50% of the performance target is achieved in a year, no Performance Bonus is
 * payable for that year." They build the attainment table those sentences state (below the floor nothing; at the floor
 * its share of the maximum; a straight line from there to the full target; the maximum at the target or more), with
 * the words as written in `proRata`; whether the figures agree (the amount multiplied is the maximum, the example is
 * the formula's, the periods are the opening's) is the checker's (src/language/check-pro-rata.ts).
 */
import type { AttainmentBandNode, MilestoneNode, MoneyNode, PartyNode, PaymentNode, ProRataNode, TargetNode } from '../src/language/ast';
import { cons, digits, lower, span, toArray, type ClauseDraft, type Data, type List } from './builders';
import type { Token } from './lexer';

type Unit = ProRataNode['unit'];
const unitOf = (t: Token): Unit => lower(t) as Unit;
const targetWords = (words: (Token | null)[]): string => words.filter((t): t is Token => t !== null).map((t) => t.value.toLowerCase()).join(' ');

/** "(for example, 50% of the target earns $12,500)". */
export function proRataExample(d: Data): NonNullable<ProRataNode['example']> {
  const [, , , , percent, , , , , amount] = d as [Token, Token, Token, Token, Token, Token, Token, Token, Token, MoneyNode];
  return { percent: digits(percent, true), amount, range: span(d) };
}

/** "If less than 50% of the performance target is achieved in a year, no Performance Bonus is payable for that year.". */
export interface Floor {
  percent: string;
  target: string;
  unit: Unit;
  thatUnit: Unit;
  range: ProRataNode['range'];
}

export function proRataFloor(d: Data): Floor {
  const [, , , percent, , , target, , , , , unit, , , , , , , , , that] = d as [
    Token, Token, Token, Token, Token, Token, [Token | null, Token], Token, Token, Token, Token, Token, Token, Token, unknown, Token, Token, Token, Token, Token, Token, Token,
  ];
  return { percent: digits(percent, true), target: targetWords(target), unit: unitOf(unit), thatUnit: unitOf(that), range: span(d) };
}

export function proRataClause(d: Data): ClauseDraft {
  const [payer, , , payee, , qualifiers, noun, , , , maximum, , , , multiplied, , , , , , , target, , quota, , metric, , , , such, example, , floor] = d as [
    PartyNode, unknown, Token, PartyNode, Token, List<Token> | null, Token, Token, Token, Token, MoneyNode, Token, Token, Token, MoneyNode, Token, Token, Token, Token, Token, Token,
    [Token | null, Token], Token, MoneyNode, Token, { term: string; basis: 'gross' | 'net' | null; range: ProRataNode['range'] }, Token, Token, Token, Token, ProRataNode['example'] | null, Token, Floor,
  ];
  const goal: TargetNode = { kind: 'revenue', amount: quota, basis: metric.basis, term: metric.term, range: span(quota, metric) };
  const share = (percent: string) => ({ kind: 'share' as const, percent, of: maximum });
  const bands: AttainmentBandNode[] = [
    { kind: 'attainment-band', written: 'below', from: null, fromStrict: false, to: floor.percent, toStrict: true, payout: { kind: 'nothing' }, range: floor.range },
    { kind: 'attainment-band', written: 'point', from: floor.percent, fromStrict: false, to: floor.percent, toStrict: false, payout: share(floor.percent), range: span(d) },
    { kind: 'attainment-band', written: 'from to', from: floor.percent, fromStrict: false, to: '100', toStrict: false, payout: { kind: 'interpolated' }, range: span(d) },
    { kind: 'attainment-band', written: 'or more', from: '100', fromStrict: false, to: null, toStrict: false, payout: share('100'), range: span(d) },
  ];
  const proRata: ProRataNode = {
    kind: 'pro-rata',
    qualifiers: toArray(qualifiers).map((t) => t.value),
    maximum,
    multiplied,
    target: targetWords(target),
    unit: unitOf(such),
    example: example ?? null,
    floor: { percent: floor.percent, target: floor.target, unit: floor.unit, thatUnit: floor.thatUnit, range: floor.range },
    range: span(d),
  };
  const payment: PaymentNode = { kind: 'attainment', noun: lower(noun) as 'bonus', bands, proRata, range: span(d) };
  const milestone: MilestoneNode = { kind: 'milestone', label: null, labelSource: null, target: goal, window: { kind: 'open', range: span(such) }, payment, range: span(d) };
  return { kind: 'clause', form: 'attainment', payer, party: payee, milestones: cons(null, milestone), payments: null, range: span(d) };
}
