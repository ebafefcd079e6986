/**
 * The AST in plain words: what the engine understood, for `clause validate`, the playground and
 * evaluation reports. One function per node family, each an exhaustive switch.
 */
import { itemSetUse, type ItemSetUse } from './item-sets';
import { openedWindow, openingWords } from './openings';
import type { AttainmentBandNode, AttainmentPayoutNode, ClauseNode, DocumentNode, DueNode, LimitNode, MilestoneNode, PaymentNode, PaymentTermNode, SalesBasis, TargetNode, ThresholdNode, TierBandNode, WindowNode } from './ast';
import { resolveBands, tierReading } from './tier-bands';
import { choiceBounds } from './rate-choices';
import { quotaBoundsWords } from './quota-bounds';
import { assertNever } from './ast';
import { describeCalendarWindow } from './calendar-words';
import { PERIOD_WORD_UNIT_NAMES, periodWordReading } from './period-word';
import { CURRENCY_SYMBOLS, Dec, formatMoney, groupThousands, isCurrencyCode, minorUnits, NO_CURRENCY } from '../values/money';

/**
 * An amount stated in a clause, for people: like `formatMoney` ("$1,500.00"), but never rounded, since
 * a summary that shows "$100.01" for a written "$100.005" misreads the clause.
 */
export function statedMoney(amount: string, currency: string): string {
  // A zero target no amount of the clause gives a currency to (a rate on all): the sales' own currency is used.
  if (currency === NO_CURRENCY) return `${new Dec(amount).toFixed()} (in the sales' currency: the clause names none)`;
  if (!isCurrencyCode(currency) || new Dec(amount).decimalPlaces() <= minorUnits(currency)) return formatMoney(amount, currency);
  const [whole, fraction] = new Dec(amount).toFixed().split('.');
  const symbol = Object.keys(CURRENCY_SYMBOLS).find((s) => CURRENCY_SYMBOLS[s] === currency);
  const body = `${groupThousands(whole)}.${fraction}`;
  return symbol ? `${symbol}${body}` : `${currency} ${body}`;
}

const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

export function ordinalWord(n: number): string {
  if (ORDINALS[n]) return ORDINALS[n];
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

const count = (value: string): string => {
  const [whole, fraction] = value.split('.');
  return fraction ? `${groupThousands(whole)}.${fraction}` : groupThousands(whole);
};

/** The metric a target measures, as the evaluator names it. */
export type Metric = 'gross-revenue' | 'net-revenue' | 'units' | 'deals' | 'new-customers';

export function metricOf(target: TargetNode): Metric {
  switch (target.kind) {
    case 'revenue':
      return target.basis === 'net' ? 'net-revenue' : 'gross-revenue';
    case 'units':
    case 'new-customers':
    case 'deals':
      return target.kind;
    default:
      return assertNever(target);
  }
}

/** "1 new customer", "2 new customers": the grammar reads both numbers of the noun. */
export function countNoun(count: string, plural: string): string {
  return /^0*1(\.0*)?$/.test(count) ? plural.slice(0, -1) : plural;
}

export function describeTarget(target: TargetNode): string {
  switch (target.kind) {
    case 'revenue':
      return `${statedMoney(target.amount.amount, target.amount.currency)} in ${target.basis === 'net' ? 'net' : 'gross'} sales revenue${target.term ? ` ('${target.term}'${target.scope ? ` ${target.scope}` : ''})` : ''}`;
    case 'units':
      return `${count(target.count)} ${countNoun(target.count, 'units')}${target.product ? ` of "${target.product}"` : ''} sold`;
    case 'new-customers':
      return `${count(target.count)} new ${countNoun(target.count, target.noun)}`;
    case 'deals':
      return `${count(target.count)} ${countNoun(target.count, target.noun)}`;
    default:
      return assertNever(target);
  }
}

/** How the metric is computed, stated so that a reader knows which reading was taken. */
export function describeMetric(target: TargetNode): string {
  switch (target.kind) {
    case 'revenue':
      return target.basis === 'net'
        ? 'net revenue: the sum of all amounts, refunds subtracted'
        : `gross revenue: the sum of positive amounts, refunds not subtracted${target.basis === null ? ' (the clause does not say gross or net; gross is the default reading)' : ''}`;
    case 'units':
      return `units: the sum of positive units${target.product ? ` on rows whose product is "${target.product}" (trimmed, any case)` : ' of any product'}`;
    case 'new-customers':
      return "new customers: customers whose first sale in the whole ledger falls in the window; a customer seen before the effective date is never new";
    case 'deals':
      return 'deals: the number of rows with a positive amount';
    default:
      return assertNever(target);
  }
}

export type WindowType = 'cumulative' | 'period' | 'recurring';

export function windowType(window: WindowNode): WindowType {
  switch (window.kind) {
    case 'end-of-period':
    case 'by-date':
    case 'within':
    case 'open':
      return 'cumulative';
    case 'period':
      return 'period';
    case 'recurring':
      return 'recurring';
    case 'span':
      return window.start.kind === 'effective-date' ? 'cumulative' : 'period';
    case 'term':
      return 'cumulative';
    case 'date-range':
      return 'period';
    case 'defined-period':
      return window.which === 'each' ? 'recurring' : 'period';
    case 'calendar-period':
      return window.selection.kind === 'named' ? 'period' : 'recurring';
    default:
      return assertNever(window);
  }
}

export function describeWindow(window: WindowNode): string {
  switch (window.kind) {
    case 'end-of-period':
      return `cumulative from the effective date to the end of the ${ordinalWord(window.n)} contract ${window.unit}${window.written === 'implied' ? ' (implied by the heading)' : ''}`;
    case 'by-date':
      return `cumulative from the effective date to the end of ${window.date}`;
    case 'within':
      return window.unit === 'day'
        ? `cumulative from the effective date to the end of the day ${window.n} days after it`
        : `cumulative from the effective date to the end of the ${ordinalWord(window.n)} contract month`;
    case 'period':
      return `in the ${ordinalWord(window.n)} contract ${window.unit} only`;
    case 'recurring':
      return `in each contract ${window.unit}, separately`;
    case 'open':
      return 'cumulative from the effective date, with no deadline';
    case 'span': {
      const length = `${window.n} ${window.unit}${window.n === 1 ? '' : 's'}`;
      if (window.start.kind === 'after-date-hereof') return `the ${length} from ${window.start.n} months after the date hereof (read as the effective date), its own sales only`;
      return window.start.kind === 'effective-date' ? `the first ${length} from the effective date` : `the ${length} from ${window.start.date}, its own sales only`;
    }
    case 'date-range':
      return `from ${window.from} through ${window.to}, its own sales only`;
    case 'term':
      return 'cumulative from the effective date through the term (no end stated)';
    case 'defined-period':
      return window.which === 'each'
        ? `in each ${window.term}, separately`
        : window.which === 'the'
          ? `during the ${window.term}, as the text defines it`
          : `in the ${ordinalWord(window.which)} ${window.term} only`;
    case 'calendar-period':
      return describeCalendarWindow(window);
    default:
      return assertNever(window);
  }
}

export function describePayment(payment: PaymentNode): string {
  switch (payment.kind) {
    case 'fixed': {
      const whole = `${/^[aeiou]/.test(payment.noun) ? 'an' : 'a'} ${payment.noun} of ${statedMoney(payment.amount.amount, payment.amount.currency)}`;
      const parts = payment.instalments;
      return parts
        ? `${whole}, in ${parts.count} equal instalments: one for each calendar year whose total meets the condition, the first for the year of first achievement`
        : whole;
    }
    case 'section':
      return payment.placeholder
        ? `the commission payment in Section ${payment.ref}, a placeholder: amount undefined`
        : `the commission payment in Section ${payment.ref} (amount from a payment schedule)`;
    case 'unstated':
      return payment.how === 'redacted'
        ? `a redacted amount ('${payment.text}'): from the payment schedule, else unresolved`
        : `the amount set out in ${payment.text}: from the payment schedule, else unresolved`;
    case 'rate':
      return payment.since
        ? `${payment.percent}% of the milestone's ${payment.basis === 'net' ? 'net' : 'gross'} sales revenue since the previous milestone: the sales after the previous milestone's deadline (for the first milestone, its whole window), so that each sale earns it once`
        : `${payment.percent}% of the milestone's ${payment.basis === 'net' ? 'net' : 'gross'} sales revenue`;
    case 'rate-on-excess':
      return `${payment.percent}% of the milestone's ${basisWord(payment.basis)} sales revenue above ${describeThreshold(payment.threshold)}`;
    case 'tiered': {
      const reading = tierReading(payment);
      const bands = resolveBands(payment).map((b) => `${b.percent}%${multipleWords(b.band)} ${describeBand(b.from, b.to, b.currency)}${quotaBoundsWords(b.band)}`);
      const how =
        reading.source === 'stated' ? `${reading.method}, as stated` : reading.source === 'wording' ? `marginal, from the words '${reading.words}'` : 'read as marginal: the clause does not say';
      return `tiers on the milestone's ${basisWord(payment.bands[0].basis)} sales revenue (${how}): ${bands.join('; ')}`;
    }
    case 'per-increment': {
      const above = payment.threshold ? ` above ${statedMoney(payment.threshold.amount, payment.threshold.currency)}` : '';
      const how = payment.proRata ? 'pro rata for a part increment' : 'whole increments only';
      return `${statedMoney(payment.amount.amount, payment.amount.currency)} for each ${statedMoney(payment.increment.amount, payment.increment.currency)} of the milestone's ${basisWord(payment.basis)} sales revenue${above} (${how})`;
    }
    case 'each-increment': {
      const from = payment.from === 'zero' ? 'counted from zero' : "beyond the milestone's threshold";
      return `${statedMoney(payment.amount.amount, payment.amount.currency)} for each whole increment of ${payment.size} of the milestone's measure ${from}, each owed at the row that completes it`;
    }
    case 'attainment': {
      const bands = payment.bands.map((b) => `${describeAttainmentRange(b)}: ${describeAttainmentPayout(b.payout)}`);
      return `a ${payment.noun} by attainment of the milestone's target (the period's total over it, in percent), judged once the period is over: ${bands.join('; ')}`;
    }
    case 'shortfall': {
      const share = payment.percent === null ? 'the whole shortfall' : `${payment.percent}% of the shortfall`;
      const price = payment.unitPrice ? ` at ${statedMoney(payment.unitPrice.amount, payment.unitPrice.currency)} per unit` : '';
      return `${share}${price} (the minimum less the period's total, never below zero), paid by the party that missed the minimum once the period is over`;
    }
    case 'limited': {
      const limits = [payment.cap ? `at most ${describeLimit(payment.cap)}` : null, payment.floor ? `at least ${describeLimit(payment.floor)}` : null].filter((x) => x !== null);
      return `${describePayment(payment.payment)}, ${limits.join(' and ')}`;
    }
    case 'timed':
      return `${describePayment(payment.payment)}, due ${describeDue(payment.due)}`;
    case 'chosen-rate': {
      const rates = choiceBounds(payment).map((c) => `${c.percent}% once the total is ${c.strict ? 'above' : 'at least'} ${c.bound === null ? '(an amount not stated)' : statedMoney(c.bound.toFixed(), payment.threshold.currency)}`);
      return (
        `one rate on the milestone's ${basisWord(payment.measure.basis)} sales revenue above ${statedMoney(payment.threshold.amount, payment.threshold.currency)} (the ${payment.thresholdName}), ` +
        `chosen by the period's total: the rate of the highest condition it meets (${rates.join('; ')}); nothing when it meets none`
      );
    }
    default:
      return assertNever(payment);
  }
}

function describeAttainmentRange(b: AttainmentBandNode): string {
  const low = b.from === null ? null : `${b.fromStrict ? 'more than' : 'at least'} ${b.from}%`;
  const high = b.to === null ? null : `${b.toStrict ? 'below' : 'at most'} ${b.to}%`;
  if (b.from !== null && b.from === b.to) return `exactly ${b.from}%`;
  return [low, high].filter((x) => x !== null).join(' and ');
}

function describeAttainmentPayout(p: AttainmentPayoutNode): string {
  switch (p.kind) {
    case 'amount':
      return statedMoney(p.amount.amount, p.amount.currency);
    case 'nothing':
      return 'nothing';
    case 'share':
      return `${p.percent}% of ${statedMoney(p.of.amount, p.of.currency)}`;
    case 'interpolated':
      return 'on a straight line between the payouts of the bands on either side';
    default:
      return assertNever(p);
  }
}

const basisWord = (basis: SalesBasis): string => (basis === 'net' ? 'net' : 'gross');

function describeThreshold(t: ThresholdNode): string {
  if (t.kind === 'prior-period') return `the total of the same calendar ${t.unit} of the year before (the quarters of ${t.baseYear} and earlier are the base)`;
  return t.kind === 'money' ? statedMoney(t.amount, t.currency) : "the milestone's target";
}

function describeBand(from: string, to: string | null, currency: string | null): string {
  const amount = (value: string): string => (currency ? statedMoney(value, currency) : value);
  if (to === null) return `above ${amount(from)}`;
  return new Dec(from).isZero() ? `up to ${amount(to)}` : `from ${amount(from)} to ${amount(to)}`;
}

export function describeDue(due: DueNode): string {
  const days = `${due.days} day${due.days === 1 ? '' : 's'}`;
  if (due.after === 'achievement') return `${days} after the day the milestone is met`;
  return `${days} after the end of the ${due.calendar ? 'calendar' : 'contract'} ${due.after} in which the milestone is met`;
}

function describeLimit(limit: LimitNode): string {
  const amount = statedMoney(limit.amount.amount, limit.amount.currency);
  if (limit.per === 'payment') return `${amount} a payment`;
  // The cap counts over the period the text names: a calendar or fiscal one is not the contract's own.
  const kind = limit.yearStart !== undefined ? 'fiscal' : limit.calendar ? 'calendar' : 'contract';
  return `${amount} in each ${kind} ${limit.per}${limit.sumOf !== undefined ? ` (on the sum of the ${limit.sumOf})` : ''}`;
}

/** The payment that applies to a milestone: its own, then a sentence naming it, then "each milestone". */
/** " (1.5 times the base rate)" for a band rate written as a multiple; "" otherwise. */
function multipleWords(band: TierBandNode): string {
  return band.multiple ? ` (${band.multiple.factor} times the base rate)` : '';
}

export function paymentFor(milestone: MilestoneNode, clause: ClauseNode): { payment: PaymentNode; term: PaymentTermNode | null } | null {
  if (milestone.payment) return { payment: milestone.payment, term: null };
  const label = milestone.label?.toLowerCase();
  const named = clause.payments.find((t) => t.scope.kind === 'milestone' && t.scope.label.toLowerCase() === label);
  const each = clause.payments.find((t) => t.scope.kind === 'each');
  const term = named ?? each;
  return term ? { payment: term.payment, term } : null;
}

export interface MilestoneSummary {
  label: string | null;
  target: string;
  metric: Metric;
  metricRule: string;
  windowType: WindowType;
  deadline: string;
  payment: string;
  /** How the total is compared with the target, strict or inclusive, with the words written. */
  comparison: string;
}

/** How the total is compared with the target: "more than" for "exceed", else "at least" (also when unwritten). */
export function describeComparator(milestone: MilestoneNode): string {
  const c = milestone.comparator;
  if (!c) return 'at least (no comparison written: a total equal to the target meets it)';
  return c.strict
    ? `more than, strict ('${c.words}': a total equal to the target does not meet it)`
    : `at least, inclusive ('${c.words}': a total equal to the target meets it)`;
}

/** The deadline in words; with `document`, a window that a period word gives ("annual Net Sales" alone) is described as read. */
function describeDeadline(milestone: MilestoneNode, clause: ClauseNode, document: DocumentNode | null | undefined): string {
  const reading = document ? periodWordReading(milestone, document) : null;
  if (reading?.kind === 'defined') return describeWindow(reading.window);
  const opened = openedWindow(milestone, clause.opening);
  // A period opening ("For each calendar quarter,") gives a condition with no window of its own its period.
  if (opened !== milestone.window && clause.opening) return `${describeWindow(opened)} (from the opening '${openingWords(clause.opening)},')`;
  if (reading?.kind !== 'from-word') return describeWindow(milestone.window);
  const unit = PERIOD_WORD_UNIT_NAMES[reading.word.unit];
  return `no deadline; '${reading.word.word}' gives the periods: ${reading.calendar ? `each calendar ${unit}, as the text states` : `each contract ${unit} from the effective date`}, ` +
    `met in the first ${unit} whose own total meets the target, paid once`;
}

/** A metric counted on a defined set's rows says so (src/language/item-sets.ts). */
function withSet(rule: string, use: ItemSetUse | null): string {
  if (use === null) return rule;
  const d = use.definition;
  const rows = `only the rows whose ${d.field} is one of "${d.term}" (${d.members.map((x) => `"${x.name}"`).join(', ')})`;
  return `${rule.replace(' of any product', '')}, ${rows}`;
}

export function summariseMilestone(milestone: MilestoneNode, clause: ClauseNode, document?: DocumentNode | null): MilestoneSummary {
  const applies = paymentFor(milestone, clause);
  const reading = document ? periodWordReading(milestone, document) : null;
  return {
    label: milestone.label,
    target: `${milestone.comparator?.strict ? 'more than ' : ''}${describeTarget(milestone.target)}`,
    metric: metricOf(milestone.target),
    metricRule: withSet(describeMetric(milestone.target), document ? itemSetUse(milestone, document) : null),
    windowType: windowType(reading?.kind === 'from-word' || reading?.kind === 'defined' ? reading.window : openedWindow(milestone, clause.opening)),
    deadline: describeDeadline(milestone, clause, document),
    payment: applies ? describePayment(applies.payment) : 'none stated',
    comparison: describeComparator(milestone),
  };
}

const FORM_WORDS: Record<ClauseNode['form'], string> = {
  enumerated: 'enumerated milestones ("<Party> agrees to meet the following sales milestones: (i) …")',
  headed: 'headed milestone lines ("Month 1 Milestone: …")',
  'payer-pays': 'a payer-pays sentence ("<Payer> shall pay <Payee> <payment> if/when/upon <condition>")',
  conditional: 'a conditional sentence ("If <condition>, <Payer> shall pay <Payee> <payment>")',
  shortfall: 'a shortfall sentence ("If <Payer> fails to purchase <minimum> <period>, it shall pay <Payee> <share of the shortfall>"): the party that misses the minimum pays',
  commitment: 'a commitment ("<Party> shall purchase no less than <count> units per <period>"[, with an escalation "… shall increase by <P>% on every annual anniversary of the Effective Date"]): met or missed, nothing owed',
  'payment-definition': 'a payment definition (\'"<Name>" means, for any calendar quarter, an amount equal to <rate> of <metric> during such calendar quarter\'[, with a cumulative level that stops it]): names no payer or payee',
  'defined-milestones': 'milestones defined in sentences of their own (\'"Milestone 1" means the first achievement of …\'), each paid by a sentence naming it ("Upon the achievement of Milestone 1, <Payer> shall pay <amount>")',
  attainment: 'an attainment table ("<Payer> shall pay <Payee>, <period>, a bonus based on attainment of the quota of <amount> in <metric> as follows: <band>: <payout>; …"): paid by the band that holds the period\'s total over the quota',
};

/** A clause as a whole, in words: its heading, its form, who pays whom, and each milestone. */
export interface ClauseSummary {
  /** "4.2 Performance Bonus", or null when the clause has no heading. */
  heading: string | null;
  form: string;
  /** "Vendor pays Reseller", the obligated party's name ("Seller"), or "no party named (headed form)". */
  parties: string;
  milestones: MilestoneSummary[];
}

export function summariseClause(clause: ClauseNode, document?: DocumentNode): ClauseSummary {
  const heading = clause.heading ? [clause.heading.number, clause.heading.title].filter((x) => x !== null && x !== '').join(' ') : null;
  const parties = clause.payer && clause.party ? `${clause.payer.name} pays ${clause.party.name}` : clause.party ? clause.party.name : 'no party named (headed form)';
  return { heading, form: FORM_WORDS[clause.form], parties, milestones: clause.milestones.map((m) => summariseMilestone(m, clause, document)) };
}
