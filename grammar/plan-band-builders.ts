/**
 * Postprocessors for rates in bands of a plan stated in the lead sentence, with a one-time bonus among them: "The following
 * bonus opportunities apply to new sales generated in 2026 against the 2026 sales plan of $1,000,000: (1) five percent (5%)
 * of every new sales dollar generated up to 50% of sales plan achievement; …; (3) a one-time bonus of $10,000 upon 100%
 * achievement of sales plan; and (4) …". The rate items are the bands of one tiered payment (each bound a share of the
 * plan, whose amount is worked out after the parse like any quota bound: src/language/tier-band-resolution.ts); the
 * bonus is the clause's one milestone, whose target (its share of the plan) is worked out after the parse too
 * (src/language/plan-band-bonus.ts). Whether the years and plan names agree is the checker's
 * (src/language/check-plan-bands.ts).
 */
import type {
  CalendarPeriodWindowNode, ComparatorNode, FixedPaymentNode, LabelSourceNode, MilestoneNode, MoneyNode, PlanBandItemNode, PlanBandsNode, QuotaBoundNode,
  QuotaNode, Range, StatedPlanNode, TierBandNode, TieredPaymentNode,
} from '../src/language/ast';
import { cons, digits, qualifierWords, span, toArray, type ClauseDraft, type Data, type List } from './builders';
import type { Token } from './lexer';
import { normalizeText } from '../src/values/text-key';

type Bounds = Pick<TierBandNode, 'lower' | 'upper' | 'fromQuota' | 'toQuota'>;
interface RateItem { kind: 'rate'; label: LabelSourceNode; percent: string; generated: boolean; bounds: Bounds; range: Range }
interface BonusItem { kind: 'bonus'; label: LabelSourceNode; qualifiers: string[]; amount: MoneyNode; percent: string; planName: string; range: Range }
type Item = RateItem | BonusItem;

const words = (tokens: Token[]): string => normalizeText(tokens.map((t) => t.value).join(' '));

function label(t: Token): LabelSourceNode {
  return { kind: 'label', style: 'parenthesised', text: t.value, range: span(t) };
}

/** "50% of sales plan": a share of the plan, named without an article; its amount is the lead sentence's. */
function share(percent: Token | null, name: Token[], d: Data): QuotaBoundNode {
  return { kind: 'quota-bound', percent: percent === null ? null : digits(percent, true), name: words(name), article: false, amount: null, amountWritten: null, range: span(d) };
}

/** "up to 50% of sales plan achievement". */
export function upToShare(d: Data): Bounds {
  const [, , percent, , s, plan] = d as Token[];
  return { lower: null, upper: 'up to', toQuota: share(percent, [s, plan], d.slice(2, 6)) };
}

/** "between 50% and 100% of sales plan achievement". */
export function betweenShares(d: Data): Bounds {
  const [, from, , to, , s, plan] = d as Token[];
  return { lower: 'between', upper: 'and', fromQuota: share(from, [s, plan], [from]), toQuota: share(to, [s, plan], d.slice(3, 7)) };
}

/** "in excess of sales plan achievement": above the whole plan. */
export function aboveWhole(d: Data): Bounds {
  const [, , , s, plan] = d as Token[];
  return { lower: 'in excess of', upper: null, fromQuota: share(null, [s, plan], d.slice(3, 5)) };
}

/** "(1) five percent (5%) of every new sales dollar generated up to 50% of sales plan achievement". */
export function rateItem(d: Data): RateItem {
  const [enumerator, percent, , , , , , generated, bounds] = d as [Token, Token, Token, Token, Token, Token, Token, Token | null, Bounds];
  return { kind: 'rate', label: label(enumerator), percent: digits(percent, true), generated: generated !== null, bounds, range: span(d) };
}

/** "(3) a one-time bonus of $10,000 upon 100% achievement of sales plan". */
export function bonusItem(d: Data): BonusItem {
  const [enumerator, , qualifiers, , , amount, , percent, , , s, plan] = d as [Token, Token, List<Token> | null, Token, Token, MoneyNode, Token, Token, Token, Token, Token, Token];
  return {
    kind: 'bonus', label: label(enumerator), qualifiers: qualifierWords(toArray(qualifiers)), amount, percent: digits(percent, true),
    planName: words([s, plan]), range: span(d),
  };
}

/** "<rate items> ; <bonus item> [; [and] <rate items>]": the items in order. */
export function items(d: Data): Item[] {
  const [before, , bonus, after] = d as [List<RateItem>, unknown, BonusItem, List<RateItem> | null];
  return [...toArray(before), bonus, ...(after ? toArray(after) : [])];
}
export const rateTail = (d: Data): List<RateItem> => d[1] as List<RateItem>;

/** The whole sentence: positions in grammar/clause.ne. */
export function planBandsClause(d: Data): ClauseDraft {
  const noun = [d[2] as Token, d[3] as Token];
  const newWord = d[6] as Token | null;
  const metricTokens = [...(newWord ? [newWord] : []), d[7] as Token];
  const year = Number(digits(d[10] as Token));
  const planYear = d[13] as Token;
  const planName = [d[14] as Token, d[15] as Token];
  const amount = d[17] as MoneyNode;
  const all = d[19] as Item[];
  const plan: StatedPlanNode = { kind: 'stated-plan', name: words(planName), year: Number(digits(planYear)), amount, range: span(d.slice(12, 18)) };
  const rates = all.filter((i): i is RateItem => i.kind === 'rate');
  const bonusAt = all.findIndex((i) => i.kind === 'bonus');
  const bonus = all[bonusAt] as BonusItem;
  const bands: TierBandNode[] = rates.map((r) => ({ kind: 'tier-band', percent: r.percent, basis: null, quantifier: null, from: null, to: null, ...r.bounds, range: r.range }) as TierBandNode);
  const payment: TieredPaymentNode = { kind: 'tiered', intro: null, bands, method: 'marginal', methodWords: 'of every new sales dollar', range: span(rates[0], rates[rates.length - 1]) };
  const bandItems: PlanBandItemNode[] = rates.map((r) => ({ kind: 'plan-band-item', label: r.label, generated: r.generated, range: r.range }));
  const node: PlanBandsNode = { kind: 'plan-bands', noun: words(noun), metric: words(metricTokens).toLowerCase(), year, plan, items: bandItems, payment, bonusAt, bonusLabel: bonus.label, range: span(d) };
  const window: CalendarPeriodWindowNode = {
    kind: 'calendar-period', unit: 'year', yearStart: '01-01', selection: { kind: 'named', year, n: 1 }, written: 'named', range: span(d[9], d[10]),
  };
  const quota: QuotaNode = { kind: 'quota', percent: bonus.percent, name: bonus.planName, owner: null, amount, range: bonus.range };
  // The plan's amount until its share is worked out (src/language/plan-band-bonus.ts).
  const target: MoneyNode = { ...amount, range: bonus.range };
  const comparator: ComparatorNode = { kind: 'comparator', strict: false, words: 'upon achievement of', range: bonus.range };
  const paid: FixedPaymentNode = { kind: 'fixed', noun: 'bonus', ...(bonus.qualifiers.length > 0 ? { qualifiers: bonus.qualifiers } : {}), amount: bonus.amount, range: bonus.range };
  const milestone: MilestoneNode = {
    kind: 'milestone', label: null, labelSource: null,
    target: { kind: 'revenue', amount: target, basis: null, term: node.metric, range: bonus.range },
    window, payment: paid, comparator, quota, range: bonus.range,
  };
  return { kind: 'clause', form: 'payer-pays', party: null, milestones: cons(null, milestone), payments: null, planBands: node, range: span(d) } as ClauseDraft;
}
