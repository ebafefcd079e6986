/**
 * What the SQL query must compute, decided in TypeScript before any SQL is written: the contract's
 * windows (src/time/periods.ts, the same calendar code as `evaluate`), each milestone's metric and
 * target, and each payment's kind and constant amount. The query receives all of it as bound
 * parameters; no calendar logic is repeated in SQL.
 *
 * Every AST feature is checked here against what the SQL path can express. A node kind or a field
 * this file does not know is refused with `SqlUnsupportedError` naming it, so a language extension
 * never reaches a database as a different question.
 */
import { perProductReading } from '../language/per-product';
import { itemSetUse, rowSetOf, type ItemSetUse, type RowSet } from '../language/item-sets';
import type { SetCells } from './item-sets';
import { ledgerHoldsReading, type LedgerHolds } from '../language/ledger-holds';
import type {
  AttainmentPaymentNode,
  ClauseNode,
  DefinitionNode,
  DocumentNode,
  EachIncrementPaymentNode,
  MeasureNode,
  MilestoneNode,
  PaymentNode,
  PaymentTermNode,
  PriorPeriodReferenceNode,
  ShortfallPaymentNode,
  TargetNode,
  WindowNode,
} from '../language/ast';
import { assertNever } from '../language/ast';
import { metricOf, paymentFor, type Metric } from '../language/describe';
import { Dec, minorUnits, moneyString, roundMoney } from '../values/money';
import { ContractCalendar, dayNumber, resolveContext, type ContractContext, type WindowInstance } from '../time/periods';
import { milestoneWindowInstances } from '../time/own-windows';
import { scheduledAmount, type Schedule } from '../evaluation/schedule';
import { instanceCount, MAX_MILESTONE_INSTANCES, tooManyInstances } from '../evaluation/plan';
import { paymentSource, type ScheduledPayment } from '../evaluation/obligations';
import { paymentParts } from '../language/payment-parts';
import { computedBasis, type FormulaPayment } from '../evaluation/payments/computed-payment';
import { periodReading } from '../evaluation/plan';
import { evaluatedWindow, readPeriodsForCheck, resolvePeriods, startCut } from './period-readings';
import { milestoneParties, type ObligationParties } from '../evaluation/parties';
import { SqlUnsupportedError, withoutParties } from './unsupported';
import { checkCatchUp } from './catch-up';
import { checkMeasuredMilestone } from './measured';
import { currencyReading } from '../evaluation/ledger-currency';
import { ATTAINMENT_FIELDS, checkAttainment } from './attainment';
import { checkCommitment, COMMITMENT_FIELDS, escalatedInstanceTarget } from './commitment';
import { checkQuota, QUOTA_FIELDS } from './quota';
import { checkSalesMinimum, SALES_MINIMUM_FIELDS } from './sales-minimum';
import { checkPlanBands, PLAN_BANDS_FIELDS } from './plan-bands';
import { checkTopUp, TOP_UP_FIELDS, topUpCheckedView, topUpQueryTarget } from './top-up';
import { startMeets } from '../evaluation/met-from-start';
import { instalmentsOf } from '../language/check-instalments';
import { sincePreviousStart, type SinceStart } from '../evaluation/since-previous';
import { sqlLevelStop, type SqlLevelStop } from './level-stop';
import { PeriodSums, type PeriodSum } from './period-sums';
import type { NameCells } from './text-cells';
import { priorPeriodOf, priorPeriodSpan, type PriorSpan } from '../evaluation/payments/prior-period';

export interface SqlPlanOptions {
  effectiveDate: string;
  timeZone?: string;
  asOf?: string;
  /** When the fiscal year starts ("MM-DD"), for fiscal periods the text does not date (as `evaluate` takes it). */
  fiscalYearStart?: string;
  schedule?: Schedule | null;
  now?: () => number;
  /** What the ledger's rows are (src/language/ledger-holds.ts): the same reading and note as in memory. */
  ledgerHolds?: LedgerHolds;
  /** The ledger's currency for a clause that names none (src/evaluation/ledger-currency.ts): the same reading as in memory. */
  ledgerCurrency?: string;
}

/** How an obligation's amount is found once its milestone instance is met. */
export type SqlPayment =
  | { kind: 'none' }
  /** A constant: written in the item or a sentence, or the schedule's amount for a section reference. */
  | { kind: 'constant'; amount: string; currency: string; basis: 'item' | 'sentence' | 'schedule'; payment: PaymentNode; source: string }
  /** A section reference, a redacted amount or one set out elsewhere, with no schedule: undefined, never zero. */
  | { kind: 'unresolved'; payment: ScheduledPayment; source: string }
  /** Such a payment whose label the schedule lacks: the evaluation fails. */
  | { kind: 'schedule-missing'; label: string; payment: ScheduledPayment }
  | { kind: 'rate'; percent: string; factor: string; basis: 'gross' | 'net'; payment: PaymentNode & { kind: 'rate' }; source: string }
  /** A rate on the excess, tiers or an amount per increment: computed in TypeScript from the window's revenue, which the query gives. */
  | { kind: 'computed'; basis: 'gross' | 'net'; payment: FormulaPayment; source: string }
  /** An amount per increment owed increment by increment, each at the row completing it (increments.ts). */
  | { kind: 'increments'; payment: EachIncrementPaymentNode; source: string }
  /** A minimum's shortfall: owed by the party that missed it, on the period's total once the period is over (src/evaluation/minimum.ts). */
  | { kind: 'shortfall'; payment: ShortfallPaymentNode; source: string }
  /** An attainment table: paid by the band that holds the period's final total, once the period is over (src/sql/attainment.ts). */
  | { kind: 'attainment'; payment: AttainmentPaymentNode; source: string };

/** Whether the payment is counted on the window's revenue (the query then reads amounts and gives the revenue). */
export function paysOnRevenue(payment: SqlPayment): boolean {
  return payment.kind === 'rate' || payment.kind === 'computed';
}

export interface SqlInstance {
  /** Position in `SqlPlan.instances`, the key the query's rows carry. */
  id: number;
  milestone: SqlMilestone;
  window: WindowInstance;
  /** The target this instance is tested against: the milestone's, or its period's escalated minimum (src/sql/commitment.ts). */
  target: string;
  /** How many anniversaries raised the minimum, and the last one (0 and null without an escalation). */
  escalation: { anniversaries: number; since: string | null };
  /** Evaluated local days `[fromDay, toDay)`: the window cut to `[E, A]` (may be empty). */
  fromDay: number;
  toDay: number;
  /** The first local day a rate is counted from: `fromDay`, or later for a rate since the previous milestone. */
  payFrom: number;
  /** For a rate on the growth: the quarter a year before and the index of its total (null: it begins before E, no total). */
  prior: { span: PriorSpan; sum: number | null } | null;
}

export interface SqlMilestone {
  index: number;
  clauseIndex: number;
  clause: ClauseNode;
  milestone: MilestoneNode;
  /** The window it is evaluated in: its own, or the one its metric's period word gives ("annual Net Sales"); period-readings.ts. */
  window: WindowNode;
  /** The window comes from the period word alone: a period that falls short is neither missed nor reported. */
  firstAchievement: boolean;
  /** What the period word means here, in the evaluator's words, or null. */
  periodWordNote: string | null;
  metric: Metric;
  /** Units of a product: its key (trimmed, lower case), else null. */
  productKey: string | null;
  /** A defined set whose rows alone count (src/language/item-sets.ts), and its index in `SqlPlan.sets`; null when none. */
  setUse: ItemSetUse | null;
  set: number | null;
  target: string;
  payment: SqlPayment;
  /** The payment as written, with its cap, floor and due date (settled once every obligation is known); null when none applies. */
  written: PaymentNode | null;
  /** A rate on the growth over the same quarter a year before, else null. */
  growth: PriorPeriodReferenceNode | null;
  /** A rate owed per period of a payment definition until a level (level-stop.ts), else null. */
  levelStop: SqlLevelStop | null;
  /** A rate "since the previous milestone": from the day after its deadline (`from` a local day number), else null. */
  since: SinceStart | null;
  /** Who pays whom (milestoneParties, read once here), or null when the clause names neither. */
  parties: ObligationParties | null;
  /** Written "exceed", "in excess of", "more than": the total must pass the target, not reach it. */
  strict: boolean;
  /** Tested on each period's own total (calendar periods): met by the row after which the total stays passing (evaluation/plan.ts periodReading). */
  periodTotal: boolean;
  /** Read as paid once (the notes say so). */
  once: boolean;
  /** Stops at the first met instance: those after it are not reported, paid or counted as used (a shortfall is judged in every period). */
  stopsAtFirstMet: boolean;
  /** How many met instances it stops after: 1 when paid once, an instalment count, else 0 (never). */
  stopsAfterMet: number;
  instances: SqlInstance[];
}

export interface SqlPlan {
  /** The document as evaluated: fiscal periods dated (src/language/fiscal-year.ts). */
  ast: DocumentNode;
  /** How the document's openings were read, then its periods (the fiscal year's start, events, defined periods): the evaluator's readPeriods. */
  openingNotes: string[];
  periodNotes: string[];
  options: SqlPlanOptions;
  context: ContractContext;
  eDay: number;
  aDay: number;
  /** The currency rows must be in (the first revenue target's, else the first fixed payment's), or null. */
  currency: string | null;
  milestones: SqlMilestone[];
  instances: SqlInstance[];
  /** Distinct product keys of unit milestones, in order of first use. */
  products: string[];
  wantsCustomers: boolean;
  wantsAmount: boolean;
  wantsUnits: boolean;
  /** A rate is paid but the clause names no currency: the first row's currency is needed. */
  wantsRowCurrency: boolean;
  /** Totals over days that are no instance's window (period-sums.ts). */
  periodSums: PeriodSum[];
  /** The defined sets milestones count (one per distinct column and members), in order of first use. */
  sets: RowSet[];
  /** The ledger's cells of each set's column, judged against its members (item-sets.ts): found before the query is compiled. */
  setCells?: SetCells;
  /** The ledger's unusual id, product and customer cells read by the in-memory rule (text-cells.ts): found before the query is compiled. */
  nameCells?: NameCells;
}

export type PlanResult =
  | { ok: true; plan: SqlPlan }
  | { ok: false; message: string; code?: 'too-many-instances' | 'unmeasurable-metric' | 'invalid-context' | 'fiscal-year-start-unknown' | 'fiscal-year-start-conflict' };

/** Fields each node kind may carry; any other field with a value is a feature the SQL path does not know. */
const KNOWN_FIELDS: Readonly<Record<string, readonly string[]>> = {
  // Definitions give defined periods their windows, computed by the evaluator's own code (src/time/own-windows.ts).
  document: ['kind', 'clauses', 'definitions', 'range'],
  // `heading` and `payer` only describe the clause: the evaluator reads neither.
  // An opening is compiled only when it is context ("In addition to …"), which changes no figure; a start
  // or a period opening changes the windows, and is refused by its kind.
  // `minimum` only words a shortfall clause's condition ("fails to purchase the Annual Minimum of …"): the payment decides.
  // `sentence` only says how a payer-pays sentence was worded ("… shall be payable by …"): the evaluator does not read it.
  // A commitment, a sales minimum, plan bands and a top-up: src/sql/commitment.ts, sales-minimum.ts, plan-bands.ts, top-up.ts.
  // A clawback owes back a sum paid for a milestone whose window ends below its target, by the refund that undid it (clawback.ts).
  // Catch-up triggers an earlier milestone of the list by a later one's achievement (catch-up.ts).
  'catch-up': ['kind', 'range'],
  clawback: ['kind', 'noun', 'that', 'remedy', 'futureNoun', 'range'],
  // `timing` ("payable within 60 days after the end of the Royalty Period …") gives no due date, and `payDay` ("paid on
  // the 15th day of the month following …") a due day per obligation: both by the evaluator's own code (pay-day.ts).
  // `beneficiary` ("for the benefit of the Holders") only says for whom the payee receives: the evaluator does not read it.
  clause: [
    'kind', 'form', 'heading', 'opening', 'aside', 'payer', 'party', 'minimum', 'milestones', 'payments', 'sentence', 'timing', 'payDay', 'beneficiary', 'listCondition',
    // A portion statement only states the tiers' method, which the tiers carry after the parse (tier-band-resolution.ts).
    'portionStatement',
    'commitment', 'salesMinimum', 'planBands', 'topUp', 'clawback', 'catchUp', 'definition', 'planLevels', 'returns', 'range',
  ],
  // Plan levels are resolved into the milestones when read (src/language/plan-level-names.ts): each a rate on the excess
  // whose `levelBelow` the evaluator's own calculation applies; the sentences only give the note (planLevelsNote).
  'plan-levels': ['kind', 'levels', 'appliesTo', 'excessOver', 'range'],
  'plan-level': ['kind', 'achiever', 'verb', 'written', 'from', 'below', 'earner', 'percent', 'range'],
  'plan-ref': ['kind', 'name', 'amount', 'metric', 'year', 'basis', 'range'],
  // A payment definition ('"Net Sales Payment" means, for any calendar quarter, …') names the payment its milestone
  // already holds (its window and amount); a cumulative level that stops it (`stop`) owes the rate per period (level-stop.ts).
  'payment-definition': ['kind', 'name', 'periodWritten', 'period', 'stop', 'range'],
  'level-stop': ['kind', 'names', 'unit', 'term', 'appliesTo', 'comparator', 'amount', 'range'],
  // A returns sentence states how refunds count (in the period of their own date), which both engines do; its note is shared (returns-note.ts).
  'returns-in-period': ['kind', 'product', 'owner', 'calendar', 'unit', 'range'],
  // A payment list's condition gives each item its window (the items' own windows, checked as theirs); it changes no figure (its note says how it is read).
  'list-condition': ['kind', 'term', 'basis', 'scope', 'window', 'range'],
  beneficiary: ['kind', 'written', 'party', 'range'],
  'payment-timing': ['kind', 'n', 'unit', 'period', 'range'],
  'payment-day': ['kind', 'day', 'noun', 'range'],
  'minimum-condition': ['kind', 'failure', 'verb', 'be', 'name', 'payerIsIt', 'range'],
  'clause-heading': ['kind', 'number', 'title', 'range'],
  'context-opening': ['kind', 'relation', 'subject', 'range'],
  // A start opening cuts the clause's windows and a period opening gives its window to the conditions that write
  // none, both as in memory (period-readings.ts); the opening's own window and bracketed definition are checked below.
  'start-opening': ['kind', 'verb', 'date', 'fiscalYear', 'range'],
  'period-opening': ['kind', 'written', 'window', 'definition', 'adjective', 'range'],
  party: ['kind', 'name', 'range'],
  // `achiever` is not applied to the ledger by the evaluator either (every row counts); `comparator` is compiled.
  // `once` on a one-instance window is what the evaluator does anyway (a milestone pays on first
  // achievement); on a recurring window it changes which periods pay, and is refused below.
  // `paymentName` only names the payment ('(the "Milestone Payment")'): the evaluator does not read it.
  // `quota`: the target as a share of a quota, already computed when read (src/sql/quota.ts).
  // `periodReference` only names the condition's period again ("for such Calendar Quarter"): the evaluator does not read it.
  // `condition: 'payment'`: no condition is written, the milestone is the payment's own measure (its window, metric and threshold).
  // `targetName` only names the target ("the Target Sales Threshold of $10,000"): the checks compare it with the payment's words, the evaluator does not read it.
  // `sameSentence` only says the amount was written second in its sentence: its window is already the first amount's.
  milestone: ['kind', 'label', 'labelSource', 'target', 'window', 'payment', 'comparator', 'achiever', 'once', 'paymentName', 'quota', 'periodReference', 'periodProviso', 'event', 'condition', 'targetName', 'sameSentence', 'range'],
  'period-reference': ['kind', 'unit', 'word', 'range'],
  // A sale event ("First Commercial Sale of the first Product") is a milestone of one deal in an open window; its reading is the opening notes' (period-readings.ts).
  'sale-event': ['kind', 'words', 'range'],
  // `sentence` only says where the once-only words were written (a sentence after the clause): `once` decides.
  // `repeatPeriods` only restates the condition's own periods (src/language/check-once-repeat.ts): the milestone is paid once either way.
  'once-only': ['kind', 'words', 'sentence', 'repeatPeriods', 'range'],
  // `first` ("first reach") is wording wherever the checks accept it: neither engine reads it.
  comparator: ['kind', 'strict', 'words', 'first', 'range'],
  label: ['kind', 'style', 'text', 'range'],
  // `term` has decided `basis` when the clause was read; `scope` is not applied to the ledger unless it names a defined set (the checker warns).
  // `periodWord` ("annual Net Sales") gives the window when none is written, as in memory (period-readings.ts).
  revenue: ['kind', 'amount', 'basis', 'term', 'scope', 'periodWord', 'range'],
  'period-word': ['kind', 'word', 'unit', 'range'],
  // Said of a period word ("annual Net Sales shall be calculated on a calendar year basis"): read by the period word's reading.
  'metric-basis-statement': ['kind', 'term', 'periodWord', 'unit', 'purpose', 'range'],
  // Every milestone is evaluated and paid on its own anyway: the statement changes no figure (its note says so).
  'several-payments-statement': ['kind', 'written', 'period', 'range'],
  // The date of an event periods are counted from: those periods are dated before any window is (period-readings.ts).
  'event-date': ['kind', 'event', 'date', 'range'],
  // `scope` ("of Products") is not applied to the ledger unless it names a defined set, as in memory (the checker warns).
  units: ['kind', 'count', 'product', 'scope', 'range'],
  'new-customers': ['kind', 'count', 'noun', 'range'],
  deals: ['kind', 'count', 'noun', 'range'],
  money: ['kind', 'amount', 'currency', 'text', 'range'],
  'end-of-period': ['kind', 'unit', 'n', 'written', 'range'],
  'by-date': ['kind', 'date', 'range'],
  within: ['kind', 'n', 'unit', 'relation', 'range'],
  period: ['kind', 'unit', 'n', 'range'],
  recurring: ['kind', 'unit', 'range'],
  // Windows with their own start and defined periods are day ranges like the others.
  span: ['kind', 'n', 'unit', 'start', 'written', 'range'],
  'date-range': ['kind', 'from', 'to', 'range'],
  'defined-period': ['kind', 'term', 'which', 'written', 'range'],
  'period-definition': ['kind', 'term', 'meaning', 'range'],
  // A defined set of products or customers: a milestone that names it counts its rows only, matched by the in-memory rule (item-sets.ts).
  'item-set-definition': ['kind', 'term', 'field', 'members', 'noun', 'listedIn', 'excluding', 'range'],
  'set-member': ['kind', 'name', 'range'],
  // Who counts as a new customer ('"New Client" means a client that is not and has never been party to a Sale Agreement.'):
  // the engines' own rule, stated in the document's notes (documentReadings); it changes no figure.
  'customer-definition': ['kind', 'term', 'noun', 'isNot', 'never', 'range'],
  'successive-periods': ['kind', 'n', 'unit', 'range'],
  // Calendar-defined periods are calendar windows by the time windows are dated (src/language/defined-calendar-periods.ts).
  'calendar-periods': ['kind', 'unit', 'written', 'ends', 'range'],
  // Periods from an event, once the event's date is read into `start` (src/language/event-periods.ts).
  'periods-from-event': ['kind', 'n', 'unit', 'start', 'range'],
  // Calendar and fiscal periods: the instances are the evaluator's (src/time/calendar-windows.ts), each
  // tested on its own total; a fiscal year's start is resolved first, as in memory (src/language/fiscal-year.ts).
  'calendar-period': ['kind', 'unit', 'yearStart', 'selection', 'written', 'statedMonths', 'during', 'bound', 'endsOn', 'range'],
  'period-bound': ['kind', 'written', 'date', 'range'],
  // Windows with no end the clause states: pending, never missed, until met (windowOver).
  term: ['kind', 'range'],
  open: ['kind', 'range'],
  'fiscal-year-statement': ['kind', 'edge', 'month', 'day', 'range'],
  'fiscal-label-definition': ['kind', 'label', 'edge', 'date', 'range'],
  // Instalments: one share of the amount per calendar year met, the evaluator's own InstalmentSeries (report.ts); the query stops at the last.
  fixed: ['kind', 'noun', 'qualifiers', 'amount', 'instalments', 'range'],
  instalments: ['kind', 'count', 'share', 'every', 'trigger', 'noun', 'range'],
  section: ['kind', 'ref', 'placeholder', 'range'],
  unstated: ['kind', 'how', 'currency', 'text', 'qualifiers', 'range'],
  // `intro` only words the payment ("a commission of"); a measure ("of Net Sales in each quarter") settles the amount at the window's end (measured.ts).
  // `definedAs` and `definedBare` only name the amount ('(the "Sales Incentive")'): the evaluator does not read them.
  // `since` ("of the sales since the previous milestone"): counted from the previous milestone's deadline (since-previous.ts), the query's `pay_from`.
  rate: ['kind', 'percent', 'basis', 'intro', 'measure', 'definedAs', 'definedBare', 'since', 'range'],
  'since-previous': ['kind', 'word', 'range'],
  // What a payer-pays sentence's amount is counted on: scope and owner are words only, as in memory; so is a period word
  // ("the Store's Fortnightly Sales"), which the checks hold to the opening's periods (check-opening-period.ts).
  measure: ['kind', 'term', 'basis', 'scope', 'owner', 'determiner', 'window', 'such', 'periodWord', 'range'],
  // A shortfall is owed on the period's final total once the period is over (src/evaluation/minimum.ts).
  shortfall: ['kind', 'written', 'intro', 'percent', 'unitPrice', 'range'],
  // Computed payments, caps, floors and due dates: the query gives the window's revenue, and the
  // amounts are computed in TypeScript by the evaluator's own functions (src/evaluation/payments/).
  // `thresholdName` only names the threshold ("the Sales Forecast of $600,000 for such Contract Year"): the amount is the threshold.
  // `portion` only words a payment definition's excess ("of that portion of Net Sales … that exceeds …"): the evaluator does not read it.
  'rate-on-excess': ['kind', 'intro', 'percent', 'basis', 'comparator', 'threshold', 'thresholdName', 'definedAs', 'measure', 'portion', 'levelBelow', 'range'],
  // `name` only names the target ("in excess of the Target Sales Threshold"): the threshold is the milestone's target, as in memory.
  'target-reference': ['kind', 'name', 'range'],
  // A rate on the growth over the same quarter a year before: that quarter's total is a period sum of the query (period-sums.ts).
  'prior-period': ['kind', 'unit', 'baseYear', 'metric', 'range'],
  // A raised rate's proviso is the milestone (its window and unit): the lower rate is owed when it is not met (settlementOf).
  // `methodWords`, `layout`, `calculated` and `portions` only word the bands for the notes (the evaluator's tierNote).
  tiered: ['kind', 'intro', 'bands', 'method', 'methodWords', 'layout', 'calculated', 'portions', 'measure', 'proviso', 'range'],
  'step-proviso': ['kind', 'window', 'unit', 'range'],
  // `fromQuota`/`toQuota`: a bound written as a share of a quota, already computed into `from`/`to` (the tier note words it).
  // A rate written as a multiple of the base rate has its `percent` filled in when read (rate-multiples.ts); the notes word it (tierNote).
  'tier-band': ['kind', 'percent', 'basis', 'quantifier', 'lower', 'from', 'upper', 'to', 'fromQuota', 'toQuota', 'measure', 'multiple', 'range'],
  'quota-bound': ['kind', 'percent', 'name', 'article', 'amount', 'amountWritten', 'range'],
  'rate-multiple': ['kind', 'factor', 'written', 'commission', 'range'],
  // Owed increment by increment: each increment is a target of its own in the query (increments.ts); `counted` words a new customer, noted as in memory.
  'each-increment': ['kind', 'noun', 'amount', 'quantifier', 'full', 'size', 'from', 'counted', 'range'],
  // `excessOf` only says the increments are of "such excess" (the threshold is written in `threshold`).
  'per-increment': ['kind', 'noun', 'amount', 'full', 'increment', 'basis', 'comparator', 'threshold', 'proRata', 'measure', 'excessOf', 'range'],
  // A minimum payout ("no commission is paid for a quarter below $500") is applied by the evaluator's own applyLimits.
  limited: ['kind', 'payment', 'cap', 'floor', 'minimumPayout', 'range'],
  // A cap per calendar or fiscal year is counted by the evaluator's own applyLimits (settleObligations).
  // `sumOf` names the amounts a cap in a sentence of its own is on: it is the clause's payment's cap, as in memory.
  limit: ['kind', 'written', 'amount', 'per', 'perWritten', 'calendar', 'yearStart', 'sumOf', 'range'],
  timed: ['kind', 'payment', 'due', 'range'],
  // `such` ("within 45 days after the end of such Calendar Year"): counted from the day the amount is triggered, by the evaluator's own dueDateOf.
  due: ['kind', 'days', 'after', 'calendar', 'such', 'range'],
  // A payment sentence's own payer ("upon the achievement of Milestone 2, Parent shall pay …") is read by milestoneParties, as in memory.
  'payment-term': ['kind', 'scope', 'party', 'payer', 'payment', 'range'],
  ...ATTAINMENT_FIELDS,
  ...COMMITMENT_FIELDS,
  ...QUOTA_FIELDS,
  ...SALES_MINIMUM_FIELDS,
  ...PLAN_BANDS_FIELDS,
  ...TOP_UP_FIELDS,
};

/** Values a field may hold and still mean what the fields above mean. */
const KNOWN_VALUES: Readonly<Record<string, readonly unknown[]>> = {
  'unit': ['month', 'quarter', 'half-year', 'year', 'day'],
  'basis': ['gross', 'net', null],
};

function requireKnown(node: object, role: string, knownValues: Readonly<Record<string, readonly unknown[]>> = KNOWN_VALUES): void {
  const kind = (node as { kind?: unknown }).kind;
  const known = typeof kind === 'string' ? KNOWN_FIELDS[kind] : undefined;
  if (!known) throw new SqlUnsupportedError(`${role} '${String(kind)}'`, `the SQL engines do not support the ${role} '${String(kind)}' yet; evaluate this clause with the in-memory engine`);
  for (const [key, value] of Object.entries(node)) {
    if (value === undefined || value === null || value === false) continue;
    if (!known.includes(key)) {
      throw new SqlUnsupportedError(
        `${role} '${kind}' field '${key}'`,
        `the SQL engines do not support '${key}' on a ${role} ('${kind}') yet; evaluate this clause with the in-memory engine`,
      );
    }
    const values = knownValues[key];
    if (values && !values.includes(value)) {
      throw new SqlUnsupportedError(
        `${role} '${kind}' ${key} '${String(value)}'`,
        `the SQL engines do not support the ${key} '${String(value)}' of a ${role} ('${kind}') yet; evaluate this clause with the in-memory engine`,
      );
    }
  }
}

function checkTarget(target: TargetNode): void {
  requireKnown(target, 'target');
  if (target.kind === 'revenue') {
    requireKnown(target.amount, 'amount');
    if (target.periodWord) requireKnown(target.periodWord, 'period word');
  }
}

function checkWindow(window: WindowNode): void {
  switch (window.kind) {
    case 'end-of-period':
    case 'by-date':
    case 'within':
    case 'period':
    case 'recurring':
    case 'calendar-period':
    case 'span':
    case 'date-range':
    case 'term':
    case 'defined-period':
    case 'open':
      // Known kinds are checked field by field; the ones the SQL path does not compile are refused there by name.
      requireKnown(window, 'window');
      if (window.kind === 'calendar-period' && window.bound) requireKnown(window.bound, 'period bound');
      return;
    default:
      // An AST from outside the parser may hold a window kind this version does not know: refused by name, never a crash.
      requireKnown(window as never, 'window');
      assertNever(window);
  }
}

/** What a payer-pays sentence's amount is counted on: its fields, and the window written with it. */
function checkMeasure(measure: MeasureNode | undefined): void {
  if (!measure) return;
  requireKnown(measure, 'measure');
  if (measure.window) checkWindow(measure.window);
  // Its unit ("Fortnightly") is words: the periods are the opening's, whatever their length.
  if (measure.periodWord) requireKnown(measure.periodWord, 'period word', {});
}

function checkPayment(payment: PaymentNode): void {
  requireKnown(payment, 'payment');
  switch (payment.kind) {
    case 'fixed':
      requireKnown(payment.amount, 'amount');
      break;
    // A redacted or elsewhere-set amount ("$[***]", "set forth in Schedule 4.2") is read like a section reference: from the schedule, else undefined.
    case 'section':
    case 'unstated':
      break;
    case 'rate':
      checkMeasure(payment.measure);
      break;
    case 'rate-on-excess':
      requireKnown(payment.threshold, 'threshold');
      checkMeasure(payment.measure);
      break;
    case 'tiered':
      checkMeasure(payment.measure);
      if (payment.proviso) {
        requireKnown(payment.proviso, 'proviso');
        checkWindow(payment.proviso.window);
      }
      for (const band of payment.bands) {
        requireKnown(band, 'tier band');
        checkMeasure(band.measure);
        if (band.multiple) requireKnown(band.multiple, 'rate multiple');
        if (band.from) requireKnown(band.from, 'amount');
        if (band.to) requireKnown(band.to, 'amount');
        for (const q of [band.fromQuota, band.toQuota]) if (q) requireKnown(q, 'quota bound');
      }
      break;
    case 'per-increment':
      requireKnown(payment.amount, 'amount');
      requireKnown(payment.increment, 'amount');
      if (payment.threshold) requireKnown(payment.threshold, 'amount');
      checkMeasure(payment.measure);
      break;
    case 'limited':
      for (const limit of [payment.cap, payment.floor, payment.minimumPayout ?? null]) {
        if (!limit) continue;
        requireKnown(limit, 'limit');
        requireKnown(limit.amount, 'amount');
      }
      checkPayment(payment.payment);
      break;
    case 'timed':
      requireKnown(payment.due, 'due date');
      checkPayment(payment.payment);
      break;
    case 'shortfall':
      if (payment.unitPrice) requireKnown(payment.unitPrice, 'amount');
      break;
    case 'attainment':
      checkAttainment(payment, requireKnown);
      break;
    case 'each-increment':
      requireKnown(payment.amount, 'amount');
      break;
    case 'chosen-rate':
      throw new SqlUnsupportedError("payment 'chosen-rate'", "the SQL engines do not choose a rate by conditions on the period's total yet; evaluate this clause with the in-memory engine");
    default:
      assertNever(payment);
  }
}

function checkTerm(term: PaymentTermNode): void {
  requireKnown(term, 'payment sentence');
  if (term.scope.kind !== 'each' && term.scope.kind !== 'milestone') {
    throw new SqlUnsupportedError(`payment scope '${(term.scope as { kind: string }).kind}'`, `the SQL engines do not support the payment scope '${(term.scope as { kind: string }).kind}' yet`);
  }
  if (term.party) requireKnown(term.party, 'party');
  if (term.payer) requireKnown(term.payer, 'party');
  checkPayment(term.payment);
}

function checkDefinition(definition: DefinitionNode): void {
  requireKnown(definition, 'definition');
  if (definition.kind === 'period-definition') requireKnown(definition.meaning, 'definition meaning');
  if (definition.kind === 'item-set-definition') for (const member of definition.members) requireKnown(member, 'set member');
  if (definition.kind === 'metric-basis-statement') requireKnown(definition.periodWord, 'period word');
}

/** Refuses, naming it, anything in the AST the SQL path cannot express (its periods read as the evaluator reads them). */
export function checkSupported(written: DocumentNode): void {
  checkResolved(readPeriodsForCheck(written));
}

/** Refuses, naming it, anything in a document whose openings and periods are read (period-readings.ts) that the SQL path cannot express. */
function checkResolved(ast: DocumentNode): void {
  requireKnown(ast, 'document');
  // A total counted per product (its own words, or its term's definition): the query sums one series for all rows, which would be the pooled total.
  for (const clause of ast.clauses) {
    for (const m of clause.milestones) {
      if (perProductReading(m, ast)) throw new SqlUnsupportedError("target 'revenue' field 'perProduct'", "the SQL engines do not count a total per product ('of a Licensed Product') yet; evaluate this clause with the in-memory engine");
    }
  }
  for (const definition of ast.definitions ?? []) checkDefinition(definition);
  for (const clause of ast.clauses) {
    requireKnown(clause, 'clause');
    checkCommitment(clause, requireKnown);
    checkSalesMinimum(clause, requireKnown);
    checkPlanBands(clause, requireKnown, checkPayment);
    checkTopUp(clause, requireKnown);
    if (clause.heading) requireKnown(clause.heading, 'heading');
    if (clause.timing) requireKnown(clause.timing, 'payment timing');
    if (clause.payDay) requireKnown(clause.payDay, 'payment day');
    if (clause.opening) {
      requireKnown(clause.opening, 'opening');
      if (clause.opening.kind === 'period-opening') {
        checkWindow(clause.opening.window);
        if (clause.opening.definition) checkDefinition(clause.opening.definition);
      }
    }
    if (clause.aside) requireKnown(clause.aside, 'opening');
    if (clause.payer) requireKnown(clause.payer, 'party');
    if (clause.party) requireKnown(clause.party, 'party');
    if (clause.beneficiary) requireKnown(clause.beneficiary, 'beneficiary');
    if (clause.listCondition) {
      requireKnown(clause.listCondition, 'list condition');
      checkWindow(clause.listCondition.window);
    }
    if (clause.definition) {
      requireKnown(clause.definition, 'payment definition');
      checkWindow(clause.definition.period);
      if (clause.definition.stop) {
        requireKnown(clause.definition.stop, 'level');
        requireKnown(clause.definition.stop.comparator, 'comparator');
        requireKnown(clause.definition.stop.amount, 'amount');
      }
    }
    if (clause.planLevels) {
      requireKnown(clause.planLevels, 'plan levels');
      const refs = [clause.planLevels.excessOver, ...clause.planLevels.levels.flatMap((level) => [level.from, level.below])];
      for (const level of clause.planLevels.levels) {
        requireKnown(level, 'plan level');
        requireKnown(level.achiever, 'party');
        requireKnown(level.earner, 'party');
      }
      for (const ref of refs) {
        if (!ref) continue;
        requireKnown(ref, 'plan');
        if (ref.amount) requireKnown(ref.amount, 'amount');
      }
    }
    if (clause.clawback) requireKnown(clause.clawback, 'clawback');
    if (clause.returns) requireKnown(clause.returns, 'returns sentence');
    if (clause.catchUp) requireKnown(clause.catchUp, 'catch-up');
    for (const written of clause.milestones) {
      // A top-up's milestone: its rate's words, its measure and the unwritten condition are the top-up's (src/sql/top-up.ts).
      const m = topUpCheckedView(clause, written);
      requireKnown(m, 'milestone');
      if (m.labelSource) requireKnown(m.labelSource, 'label');
      if (m.event) requireKnown(m.event, 'event');
      if (m.comparator) requireKnown(m.comparator, 'comparator');
      if (m.achiever) requireKnown(m.achiever, 'party');
      // Paid once (periodReading): the report stops at the first met instance, as the evaluator does.
      if (m.once) requireKnown(m.once, 'once-only words');
      checkQuota(m, requireKnown);
      checkTarget(m.target);
      checkWindow(m.window);
      if (m.payment) checkPayment(m.payment);
      checkMeasuredMilestone(m);
    }
    for (const term of clause.payments) checkTerm(term);
  }
}

function targetText(target: TargetNode): string {
  return target.kind === 'revenue' ? target.amount.amount : target.count;
}

function paymentOf(clause: ClauseNode, milestone: MilestoneNode, index: number, schedule: Schedule | null, parties: ObligationParties | null): SqlPayment {
  const found = paymentSource(clause, milestone);
  if (!found) return { kind: 'none' };
  const source = found.source;
  const payment = paymentParts(found.payment).base;
  switch (payment.kind) {
    case 'fixed':
      return {
        kind: 'constant',
        amount: moneyString(new Dec(payment.amount.amount), payment.amount.currency),
        currency: payment.amount.currency,
        basis: found.inItem ? 'item' : 'sentence',
        payment,
        source,
      };
    case 'section':
    case 'unstated': {
      if (!schedule) return { kind: 'unresolved', payment, source };
      const label = milestone.label ?? String(index + 1);
      const amount = scheduledAmount(schedule, label);
      if (amount === undefined) return { kind: 'schedule-missing', label, payment };
      return { kind: 'constant', amount: moneyString(roundMoney(amount, schedule.currency), schedule.currency), currency: schedule.currency, basis: 'schedule', payment, source };
    }
    case 'rate':
      return { kind: 'rate', percent: payment.percent, factor: new Dec(payment.percent).dividedBy(100).toFixed(), basis: payment.basis ?? 'gross', payment, source };
    case 'rate-on-excess':
    case 'tiered':
    case 'per-increment':
      return { kind: 'computed', basis: computedBasis(payment) ?? 'gross', payment, source };
    case 'shortfall':
      if (!parties) throw withoutParties('shortfall payment');
      return { kind: 'shortfall', payment, source };
    case 'attainment':
      if (!parties) throw withoutParties('attainment table');
      return { kind: 'attainment', payment, source };
    case 'each-increment':
      return { kind: 'increments', payment, source };
    case 'chosen-rate':
      throw new SqlUnsupportedError("payment 'chosen-rate'", "the SQL engines do not choose a rate by conditions on the period's total yet; evaluate this clause with the in-memory engine");
    default:
      return assertNever(payment);
  }
}

/** A growth instance's quarter a year before, and its total's index when it begins on or after E (else it has none). */
function priorOf(window: WindowInstance, basis: 'gross' | 'net', eDay: number, sums: PeriodSums): { span: PriorSpan; sum: number | null } {
  const span = priorPeriodSpan(window);
  return { span, sum: span.start < eDay ? null : sums.add(basis, span.start, span.end) };
}

/** The plan for one contract: context checked, windows computed, features checked. */
export function planEvaluation(written: DocumentNode, options: SqlPlanOptions): PlanResult {
  // Openings, fiscal periods, event periods and defined calendar periods are read first, as in memory (or the evaluation fails saying why).
  const periods = resolvePeriods(written, options.fiscalYearStart);
  if (periods.ok) checkResolved(periods.document);
  else checkSupported(written);
  const resolved = resolveContext(options, options.now);
  if (!resolved.ok) return { ok: false, message: resolved.message };
  if (!periods.ok) return { ok: false, code: periods.code, message: periods.message };
  const ast = periods.document;
  const holds = ledgerHoldsReading(ast, options.ledgerHolds);
  if (!holds.ok) return holds;
  const context = resolved.context;
  // The same limit as the in-memory evaluator, counted before any instance is made.
  const count = instanceCount(ast, context);
  if (count > MAX_MILESTONE_INSTANCES) return { ok: false, ...tooManyInstances(count) };
  const eDay = dayNumber(context.effective);
  const aDay = dayNumber(context.asOf);
  const calendar = new ContractCalendar(context.effective);
  const schedule = options.schedule ?? null;
  const milestones: SqlMilestone[] = [];
  const instances: SqlInstance[] = [];
  const products: string[] = [];
  const periodSums = new PeriodSums();
  const sets: RowSet[] = [];
  let wantsCustomers = false;
  let wantsAmount = false;
  let wantsUnits = false;
  let wantsRate = false;
  ast.clauses.forEach((clause, c) => {
    const cut = startCut(clause, eDay);
    for (const milestone of clause.milestones) {
      const metric = metricOf(milestone.target);
      const productKey = milestone.target.kind === 'units' && milestone.target.product !== null ? milestone.target.product.trim().toLowerCase() : null;
      if (productKey !== null && !products.includes(productKey)) products.push(productKey);
      if (metric === 'units') wantsUnits = true;
      else wantsAmount = true;
      if (metric === 'new-customers') wantsCustomers = true;
      const index = milestones.length;
      const setUse = itemSetUse(milestone, ast);
      let set: number | null = null;
      if (setUse) {
        const rowSet = rowSetOf(setUse.definition);
        set = sets.findIndex((s) => s.key === rowSet.key);
        if (set === -1) set = sets.push(rowSet) - 1;
      }
      const parties = milestoneParties(clause, milestone);
      const payment = paymentOf(clause, milestone, index, schedule, parties);
      if (paysOnRevenue(payment)) wantsRate = true;
      const evaluated = evaluatedWindow(milestone, ast);
      const reading = periodReading(milestone, evaluated.window, evaluated.firstAchievement);
      // A top-up's milestone is tested against the sales that give its minimum, as the evaluator plans it.
      const topUpTarget = topUpQueryTarget(clause, milestone, parties);
      const growth = payment.kind === 'computed' ? priorPeriodOf(payment.payment) : null;
      const last = milestones[milestones.length - 1];
      const since = sincePreviousStart(clause, milestone, last?.clause === clause ? last : undefined, 0) ?? null;
      const stopsAtFirstMet = reading.once && payment.kind !== 'shortfall' && payment.kind !== 'attainment' && topUpTarget === null;
      const sqlMilestone: SqlMilestone = {
        index,
        clauseIndex: c + 1,
        clause,
        milestone,
        ...evaluated,
        metric,
        productKey,
        setUse,
        set,
        target: new Dec(topUpTarget ?? targetText(milestone.target)).toFixed(),
        payment,
        written: paymentFor(milestone, clause)?.payment ?? null,
        parties,
        levelStop: sqlLevelStop(clause, payment.kind === 'rate' ? payment : null, { calendar, asOf: context.asOf, ast, firstCounted: cut.firstCounted, aDay }, periodSums),
        growth,
        since,
        strict: milestone.comparator?.strict === true,
        ...reading,
        stopsAtFirstMet,
        stopsAfterMet: stopsAtFirstMet ? 1 : (instalmentsOf(milestone)?.instalments.count ?? 0),
        instances: [],
      };
      if (setUse) checkSetMilestone(sqlMilestone);
      // A target the empty total meets is met from the window's start, by no row (src/evaluation/met-from-start.ts): the query finds crossing rows only.
      if (startMeets(new Dec(sqlMilestone.target), sqlMilestone.strict)) {
        throw new SqlUnsupportedError('target met before any sale', `the SQL engines do not read a target of ${sqlMilestone.target} that a total of zero already meets; evaluate this clause with the in-memory engine`);
      }
      for (const window of milestoneWindowInstances(evaluated.window, calendar, context.asOf, ast)) {
        if (!cut.tested(window.endDay)) continue;
        const escalated = escalatedInstanceTarget(clause, sqlMilestone.target, window, calendar);
        const instance: SqlInstance = {
          id: instances.length,
          milestone: sqlMilestone,
          target: escalated.target,
          escalation: { anniversaries: escalated.anniversaries, since: escalated.since },
          window,
          fromDay: Math.max(window.startDay, cut.firstCounted),
          toDay: Math.min(window.endDay, aDay + 1),
          payFrom: Math.max(window.startDay, cut.firstCounted, since?.from ?? 0),
          prior: growth && payment.kind === 'computed' ? priorOf(window, payment.basis, eDay, periodSums) : null,
        };
        sqlMilestone.instances.push(instance);
        instances.push(instance);
      }
      milestones.push(sqlMilestone);
    }
  });
  checkCatchUp(milestones);
  const reading = currencyReading(ast, options.ledgerCurrency);
  if (!reading.ok) return { ok: false, message: reading.message, code: reading.code };
  const currency = reading.currency;
  if (currency !== null) minorUnits(currency); // an unknown code is the checker's error; fail loudly here
  return {
    ok: true,
    plan: {
      ast,
      openingNotes: periods.openingNotes,
      periodNotes: periods.periodNotes,
      options,
      context,
      eDay,
      aDay,
      currency,
      milestones,
      instances,
      products,
      wantsCustomers,
      wantsAmount,
      // A rate is a percentage of revenue: it reads amounts even under a units milestone.
      wantsUnits,
      wantsRowCurrency: wantsRate && currency === null,
      periodSums: periodSums.list,
      sets,
    },
  };
}

/**
 * A set's rows count for the instance's own total and its payment's revenue (compile.ts); totals over other days (a growth's
 * year before, a level's periods) and new customers are not counted within a set by the query: refused by name.
 */
function checkSetMilestone(m: SqlMilestone): void {
  const refuse = (what: string): never => {
    throw new SqlUnsupportedError(`defined set with ${what}`, `the SQL engines do not count ${what} within a defined set ("${m.setUse?.definition.term}") yet; evaluate this clause with the in-memory engine`);
  };
  if (m.metric === 'new-customers') refuse('new customers');
  if (m.growth) refuse('a rate on the growth');
  if (m.levelStop) refuse('a rate stopped at a level');
}
