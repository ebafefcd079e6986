/**
 * Postprocessors for computed amounts in payer-pays sentences: a rate of a measure ("ten percent
 * (10%) of Net Sales in each quarter"), with what follows the amount (when it falls due, provisos
 * that cap it or set a minimum payout). Like grammar/builders.ts they only build nodes: whether a
 * measure's window agrees with the condition's, and what a sentence without a condition means, is
 * decided by the checker (src/language/check-measured.ts) and the evaluator.
 */
import type {
  ClauseNode, DueNode, LimitNode, LimitedPaymentNode, MeasureNode, MeasuredNoun, MilestoneNode, MoneyNode, PartyNode, PaymentIntro, PaymentNode,
  PeriodUnit, Range, RateOnExcessPaymentNode, ThresholdNode, TimedPaymentNode, UnlimitedPaymentNode, WindowNode,
} from '../src/language/ast';
import { cons, digits, lower, span, toArray, type Data, type List } from './builders';
import * as b from './builders';
import * as cb from './period-builders';
import type { Token } from './lexer';
import { NO_CURRENCY } from '../src/values/money';
import { firstBoundCurrency } from '../src/language/quota-bounds';

const words = (tokens: Token[]): string => tokens.map(lower).join(' ');

type Noun = Exclude<PaymentIntro, null>['noun'];

interface Intro { intro: PaymentIntro; range: Range }

/** "commission", "commission payment", "rebate": the noun's words, lower case. */
export function nounWords(d: Data): Noun {
  const first = d[0] as Token | Token[];
  return words(Array.isArray(first) ? first : [first]) as Noun;
}

/** "an annual bonus equal to", "a rebate of", "a sales incentive equal to". */
export function measuredIntro(d: Data): Intro {
  const [, qualifiers, noun, link] = d as [Token, List<Token>, Noun, Token[]];
  const q = toArray(qualifiers).map((t) => t.value);
  return { intro: { noun, link: words(link) as 'equal to' | 'of', ...(q.length ? { qualifiers: q } : {}) }, range: span(d) };
}

type Determiner = MeasureNode['determiner'];
export const determiner = (d: Data): Determiner => words(d as Token[]) as Determiner;

/** A window written with the measure, or "in such Calendar Year": the condition's. */
interface MeasureWindow { window: WindowNode | null; such: MeasureNode['such'] | undefined; range: Range }
export const ownWindow = (d: Data): MeasureWindow => ({ window: d[0] as WindowNode, such: undefined, range: span(d) });
export function suchWindow(d: Data): MeasureWindow {
  const [preposition, , calendar, unit] = d as [Token | Token[], Token, Token | null, Token];
  // periodPreposition hands over its token in a list; "for" is the token itself.
  const prep = Array.isArray(preposition) ? preposition[0] : preposition;
  return { window: null, such: { preposition: lower(prep) as 'in' | 'during' | 'for', calendar: calendar !== null, unit: lower(unit) as PeriodUnit }, range: span(d) };
}

/** "for each calendar quarter" after a measure: the calendar window "in each calendar quarter" (its canonical words). */
export function forEachWindow(d: Data): MeasureWindow {
  const [forWord, each, noun] = d as [Token, Token, unknown];
  const window = cb.calendarWindow([[{ ...forWord, value: 'in' }], cb.calendarEachChoice([[each], noun])]);
  return { window, such: undefined, range: span(d) };
}

export function measure(d: Data): MeasureNode {
  const [det, metric, scopes, where] = d as [Determiner | null, { term: string; basis: 'gross' | 'net' | null }, List<{ text: string }>, MeasureWindow | WindowNode | null];
  const scope = scopes ? toArray(scopes).map((x) => x.text).join(' ') : null;
  const w: MeasureWindow | null = where === null ? null : 'kind' in where ? { window: where, such: undefined, range: where.range } : where;
  return {
    kind: 'measure',
    term: metric.term,
    basis: metric.basis,
    ...(scope !== null ? { scope } : {}),
    determiner: det ?? null,
    window: w?.window ?? null,
    ...(w?.such ? { such: w.such } : {}),
    range: span(d),
  };
}

export function measuredRate(d: Data): PaymentNode {
  const [intro, percent, , m] = d as [Intro | null, Token, Token, MeasureNode];
  return { kind: 'rate', percent: digits(percent, true), basis: m.basis, ...(intro ? { intro: intro.intro } : {}), measure: m, range: span(d) };
}

/** A threshold the text names: "the Sales Forecast of $600,000 for such Contract Year". */
interface NamedThreshold { named: true; money: MoneyNode; name: string; forSuch: string | null; range: Range }

export function namedThreshold(d: Data): NamedThreshold {
  const [, names, , money, forSuch] = d as [Token, List<Token>, Token, MoneyNode, string | null];
  return { named: true, money, name: toArray(names).map((t) => t.value).join(' '), forSuch, range: span(d) };
}

/** "for such Contract Year": the defined period's name as written. */
export const thresholdForDefined = (d: Data): string => (d[2] as { term: string }).term;
/** "for such calendar year": the unit, with "calendar" when written. */
export const thresholdForUnit = (d: Data): string => `${d[2] ? 'calendar ' : ''}${lower(d[3] as Token)}`;

/** "to Customers", "to the clients". */
export function customerScope(d: Data): { text: string; range: Range } {
  return { text: (d as Array<Token | null>).filter((t): t is Token => t !== null).map((t) => t.value).join(' '), range: span(d) };
}

/** "of the Company and its Subsidiaries". */
export function joinedScope(d: Data): { text: string; range: Range } {
  const [preposition, the, first, and, its, second] = d as [Token[], Token | null, List<Token>, Token, Token, List<Token>];
  const tokens = [...preposition, ...(the ? [the] : []), ...toArray(first), and, its, ...toArray(second)];
  return { text: tokens.map((t) => t.value).join(' ').replace(/\s+/g, ' '), range: span(d) };
}

/** A threshold as written after "in excess of": an amount, or a named one ("the Sales Target of $1,000,000"), whose amount is the threshold and whose name is kept. */
export function excessThreshold(written: ThresholdNode | NamedThreshold): { threshold: ThresholdNode; thresholdName?: RateOnExcessPaymentNode['thresholdName'] } {
  if (!('named' in written)) return { threshold: written };
  return { threshold: written.money, thresholdName: { name: written.name, ...(written.forSuch !== null ? { forSuch: written.forSuch } : {}) } };
}

export function measuredExcess(d: Data): PaymentNode {
  const [intro, percent, , m, excess, written, trailing] = d as [Intro | null, Token, Token, MeasureNode, { comparator: 'in excess of' | 'above' | 'over' }, ThresholdNode | NamedThreshold, WindowNode | null];
  const { threshold, thresholdName } = excessThreshold(written);
  // A window written after the threshold ("… in excess of $3,000,000 in each year") belongs to the measure too.
  const withWindow: MeasureNode = trailing ? { ...m, window: trailing, range: span(m, trailing) } : m;
  return {
    kind: 'rate-on-excess', intro: intro?.intro ?? null, percent: digits(percent, true), basis: m.basis, comparator: excess.comparator, threshold,
    ...(thresholdName ? { thresholdName } : {}),
    measure: withWindow, range: span(d),
  };
}

// --- sentences ---------------------------------------------------------------------------------

export interface MeasuredSentence { payer: PartyNode | null; payee: PartyNode | null; payment: PaymentNode; range: Range }

/** "<Payer> shall pay [to] <Payee> <amount>", or with no party paid written: "Licensee shall pay an additional royalty of …". */
export function paySentence(d: Data): MeasuredSentence {
  const [payer, , , payee, payment] = d as [PartyNode, unknown, Token, PartyNode | null, PaymentNode];
  return { payer, payee, payment, range: span(d) };
}

export function earnSentence(d: Data): MeasuredSentence {
  const [payee, , , payment] = d as [PartyNode, unknown, Token, PaymentNode];
  return { payer: null, payee, payment, range: span(d) };
}

// --- what follows the amount -------------------------------------------------------------------

interface Tail { due: DueNode | null; provisos: Array<Proviso>; range: Range }
type Proviso = ({ cap: LimitNode } | { minimumPayout: LimitNode }) & { range: Range };

export const tailDue = (d: Data): Tail => ({ due: d[1] as DueNode, provisos: [], range: span(d) });
export const tailDueProvisos = (d: Data): Tail => ({ due: d[1] as DueNode, provisos: toArray(d[2] as List<Proviso>), range: span(d) });
export const tailProvisos = (d: Data): Tail => ({ due: null, provisos: toArray(d[0] as List<Proviso>), range: span(d) });

/** "within forty-five (45) days after the end of such Calendar Year": after the end of the window the amount is owed for. */
export function dueAfterSuch(d: Data): DueNode {
  const calendar = d[8] as Token | null;
  return { kind: 'due', days: Number(digits(d[1] as Token)), after: lower(d[9] as Token) as PeriodUnit, calendar: calendar !== null, such: true, range: span(d) };
}

interface CapPeriod { per: PeriodUnit; perWritten: 'in any' | 'for any'; calendar: boolean; yearStart?: string; range: Range }
export function capPeriod(d: Data): CapPeriod {
  const [prep, , calendar, unit] = d as [Token, Token, Token | null, Token];
  return { per: lower(unit) as PeriodUnit, perWritten: `${lower(prep)} any` as 'in any' | 'for any', calendar: calendar !== null, range: span(d) };
}

/** "; provided that commissions earned in any Calendar Quarter shall not exceed $40,000". */
export function provisoCap(d: Data): Proviso {
  const before = d[5] as CapPeriod | null;
  const after = d[10] as CapPeriod | null;
  const period = before ?? after;
  const cap: LimitNode = {
    kind: 'limit', written: 'shall not exceed', amount: d[9] as MoneyNode, per: period?.per ?? 'payment', perWritten: period?.perWritten ?? null,
    ...(period ? { calendar: period.calendar } : {}), ...(period?.yearStart ? { yearStart: period.yearStart } : {}), range: span(d),
  };
  return { cap, range: cap.range };
}

/** "; provided, however, that the Agent shall not receive any commission payment for a quarter in which the commission earned is less than $75.00". */
export function provisoMinimumPayout(d: Data): Proviso {
  const calendar = d[12] as Token | null;
  const unit = d[13] as Token;
  const minimumPayout: LimitNode = {
    kind: 'limit', written: 'less than', amount: d[d.length - 1] as MoneyNode, per: lower(unit) as PeriodUnit, perWritten: 'for a', calendar: calendar !== null,
    range: span(d),
  };
  return { minimumPayout, range: minimumPayout.range };
}

/** '(the "Sales Incentive")': the name without its quotes. */
export function amountName(d: Data): { name: string; range: Range } {
  return { name: (d[2] as Token).value.slice(1, -1).replace(/\s+/g, ' ').trim(), range: span(d) };
}

/** "The sum of the quarterly Sales Incentives for any calendar year shall not exceed $5,000.": a cap per period, in its own sentence. */
export function sumCap(d: Data): Proviso {
  const words = toArray(d[4] as List<Token>).map((t) => t.value).join(' ');
  const period = d[5] as CapPeriod;
  const cap: LimitNode = {
    kind: 'limit', written: 'shall not exceed', amount: d[9] as MoneyNode, per: period.per, perWritten: period.perWritten, calendar: period.calendar, sumOf: words,
    range: span(d),
  };
  return { cap, range: cap.range };
}

/** The amount with the name the text gives it. */
function named(payment: PaymentNode, name: { name: string } | null): PaymentNode {
  return name && (payment.kind === 'rate' || payment.kind === 'rate-on-excess') ? { ...payment, definedAs: name.name } : payment;
}

export function namedMeasuredClause(d: Data): b.ClauseDraft {
  const [sentence, name, tail, period] = d as [MeasuredSentence, { name: string }, Tail | null, Token];
  return measuredClause([{ ...sentence, payment: named(sentence.payment, name) }, tail, period]);
}

export function sumCappedClause(d: Data): b.ClauseDraft {
  const [sentence, name, tail, period, cap] = d as [MeasuredSentence, { name: string } | null, Tail | null, Token, Proviso];
  const withCap: Tail = tail ? { ...tail, provisos: [...tail.provisos, cap], range: span(tail, cap) } : { due: null, provisos: [cap], range: cap.range };
  const clause = measuredClause([{ ...sentence, payment: named(sentence.payment, name) }, withCap, period]);
  return { ...clause, range: span(d) };
}

/** The amount with its tail: provisos bound it (a cap, a minimum payout; the grammar admits one of each), then the due date times it. */
function withTail(payment: PaymentNode, tail: Tail | null): PaymentNode {
  if (!tail) return payment;
  let out: PaymentNode = payment;
  let cap: LimitNode | null = null;
  let minimumPayout: LimitNode | undefined;
  for (const p of tail.provisos) {
    if ('cap' in p) cap ??= p.cap;
    else minimumPayout ??= p.minimumPayout;
  }
  if (cap || minimumPayout) {
    const limited: LimitedPaymentNode = {
      kind: 'limited', payment: payment as UnlimitedPaymentNode, cap, floor: null, ...(minimumPayout ? { minimumPayout } : {}), range: span(payment, tail),
    };
    out = limited;
  }
  if (tail.due) {
    const timed: TimedPaymentNode = { kind: 'timed', payment: out as TimedPaymentNode['payment'], due: tail.due, range: span(payment, tail.due) };
    out = timed;
  }
  return out;
}

/** "If …, the Supplier shall pay the Distributor 10% of …, within 45 days after the end of such Calendar Year." */
export function tailedPayerClause(d: Data): b.ClauseDraft {
  const [sentence, tail] = d as [{ payment: PaymentNode; range: Range }, Tail];
  return b.payerClause([{ ...sentence, payment: withTail(sentence.payment, tail), range: span(sentence, tail) }, d[2]]);
}

/** The measure of an amount with no condition written: what the milestone counts and its threshold. */
export function measureOf(p: PaymentNode): { measure: MeasureNode; threshold: ThresholdNode | null } {
  const base = p.kind === 'timed' ? (p.payment.kind === 'limited' ? p.payment.payment : p.payment) : p.kind === 'limited' ? p.payment : p;
  if (base.kind === 'rate-on-excess') return { measure: base.measure as MeasureNode, threshold: base.threshold };
  // A rate chosen by the total is on the excess over its threshold: nothing is owed until the total passes it.
  if (base.kind === 'chosen-rate') return { measure: base.measure, threshold: base.threshold };
  return { measure: (base as { measure: MeasureNode }).measure, threshold: null };
}

/**
 * A payer-pays or earning sentence with no condition: its one milestone is the amount's measure —
 * the measure's metric and window, and as target the threshold of a rate on the excess, or zero for a
 * rate on all (the currency then from the amount's other figures, or none); passed, not reached.
 */
export function measuredClause(d: Data): b.ClauseDraft {
  const [sentence, tail] = d as [MeasuredSentence, Tail | null];
  const payment = withTail(sentence.payment, tail);
  const { measure: m, threshold } = measureOf(sentence.payment);
  const money = threshold?.kind === 'money' ? threshold : null;
  const amount: MoneyNode = money ?? { kind: 'money', amount: '0', currency: bandCurrency(sentence.payment) ?? firstCurrency(tail) ?? NO_CURRENCY, text: '0', range: m.range };
  const milestone: MilestoneNode = {
    kind: 'milestone', label: null, labelSource: null,
    target: { kind: 'revenue', amount, basis: m.basis, term: m.term, ...(m.scope !== undefined ? { scope: m.scope } : {}), range: m.range },
    // No window written (only tiers may leave it out): cumulative from the effective date, with no end.
    window: m.window ?? ({ kind: 'open', range: { start: sentence.payment.range.end, end: sentence.payment.range.end } } as WindowNode),
    payment,
    // Strict: a rate on the excess is owed once the total passes the threshold; a rate on all once it passes zero.
    comparator: { kind: 'comparator', strict: true, words: money !== null ? 'in excess of' : 'more than', range: m.range },
    condition: 'payment',
    range: span(sentence, tail),
  };
  const clause: b.ClauseDraft = {
    kind: 'clause', form: 'payer-pays', ...(sentence.payer ? { payer: sentence.payer } : {}), party: sentence.payee,
    milestones: cons(null, milestone), payments: null, range: span(d),
  } as b.ClauseDraft;
  return clause;
}


/** The currency of a tiered amount's first band bound (a share of a quota: the quota's, whose amount is worked out after the parse). */
function bandCurrency(payment: PaymentNode): string | null {
  // Through a due date written with the amount ("payable annually within sixty (60) days …, … the tiered royalty rates below …").
  const p = payment.kind === 'timed' && payment.payment.kind === 'tiered' ? payment.payment : payment;
  return p.kind === 'tiered' ? firstBoundCurrency(p.bands) : null;
}

function firstCurrency(tail: Tail | null): string | null {
  for (const p of tail?.provisos ?? []) {
    const limit = 'cap' in p ? p.cap : p.minimumPayout;
    return limit.amount.currency;
  }
  return null;
}

export type { MeasuredNoun, ClauseNode };
