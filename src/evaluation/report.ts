/**
 * What an evaluation takes (the contract's context and schedule) and what it reports: milestone
 * results, obligations, totals, row counts, notes and diagnostics. The `--json` output is exactly
 * these objects.
 */
import type { LedgerHolds } from '../language/ledger-holds';
import type { CellFormats } from '../ledger/cell-formats';
import type { AccruedCalculation, Calculation } from './payments/calculation';
import type { ShortfallCalculation } from './payments/shortfall';
import type { AttainmentCalculation } from './payments/attainment';
import type { IncrementCalculation } from './payments/increment-calculation';
import type { InstalmentCalculation } from './payments/instalment-calculation';
import type { LevelStopCalculation } from './payments/level-stop-calculation';
import type { Direction } from './parties';
import type { LimitApplied } from './payments/limits';
import type { Metric, WindowType } from '../language/describe';
import type { ScratchFiles } from './scratch-file';
import type { Diagnostic, Finding, FindingLocation } from '../diagnostics';
import type { RowIssue } from '../ledger/rows';
import { Dec, decimalString, moneyString } from '../values/money';
import type { Schedule } from './schedule';

export interface EvaluationOptions {
  /** Effective date E, `YYYY-MM-DD`. */
  effectiveDate: string;
  /** IANA zone; default UTC. */
  timeZone?: string;
  /** As-of date A, `YYYY-MM-DD`; default today in the zone. */
  asOf?: string;
  schedule?: Schedule | null;
  /** Problems found while reading the ledger text; those rows are not normalized again. */
  readIssues?: readonly RowIssue[];
  /** For tests: the clock that defines "today". */
  now?: () => number;
  /** How the ledger writes dates and amounts when not in the ledger's own forms (`CellFormats.of(reading)`). */
  cellFormats?: CellFormats | null;
  /**
   * When the fiscal year starts, "MM-DD", for clauses with fiscal periods whose text does not say
   * (`--fiscal-year-start`); a text that says otherwise is an error, never overridden.
   */
  fiscalYearStart?: string;
  /**
   * What the ledger's rows are: `sales` (the default) or `bookings`, when a clause measures Bookings
   * (src/language/ledger-holds.ts).
   */
  ledgerHolds?: LedgerHolds;
  /**
   * The currency of the ledger's amounts, an ISO code, for a clause that names none (src/evaluation/ledger-currency.ts):
   * amounts are read and paid in it; a clause naming another is an error.
   */
  ledgerCurrency?: string;
  /**
   * Where a table that grows with the ledger's distinct customers may be set aside once it outgrows
   * its memory budget (the command line gives temporary files); without it the table stays in memory.
   */
  scratchFiles?: ScratchFiles;
}

export type { Metric };
export type Status = 'met' | 'missed' | 'pending';
export type IgnoreReason = 'before-effective-date' | 'after-as-of' | 'outside-every-window';

export interface ExplainRow {
  id: string;
  row: number;
  date: string;
  /** This row's contribution to the metric (decimal string). */
  contribution: string;
  /** Running total after this row. */
  runningTotal: string;
}

export interface MilestoneResult {
  clause: number;
  label: string | null;
  period: number | null;
  metric: Metric;
  /** For units, the product ("Widget") or null for any. */
  product: string | null;
  /**
   * The target as a decimal string; null when it cannot be told (a growth over a quarter that begins before the
   * effective date: its total is not counted, and "0" would read as a base of nothing).
   */
  target: string | null;
  /** Currency of a revenue target, else null. */
  currency: string | null;
  /** `cumulative` from E, one `period`, or one instance of a `recurring` window. */
  windowType: WindowType;
  windowStart: string;
  deadline: string;
  status: Status;
  achievedAt: string | null;
  achievedBy: string | null;
  /** Row number of the crossing row. */
  achievedByRow: number | null;
  total: string;
  /** total / target in percent, one decimal, half-up; null with a target that cannot be told. */
  progress: string | null;
  /** The crossing row and up to three contributing rows before it (that day or the last earlier active day), with running totals. */
  crossing: { runningTotalBeforeDay: string; rows: ExplainRow[] } | null;
  /**
   * With a carry-forward sentence: the amount carried in from the period before, the period's own total (`total` is
   * their sum, the credited total) and the excess carried to the next period (null while the period is not over).
   */
  carry?: { carriedIn: string; periodTotal: string; carriedOut: string | null };
}

/**
 * Where an obligation's amount came from: written in the milestone `item`, a fixed amount in a
 * payment `sentence`, the `schedule` for a section reference, a `rate` of revenue, or
 * `increment` (one whole increment of an amount owed increment by increment), or `unresolved` (a section
 * reference with no schedule given: amount null).
 */
export type ObligationBasis = 'item' | 'sentence' | 'schedule' | 'rate' | 'shortfall' | 'attainment' | 'increment' | 'unresolved' | 'clawback';

/** What every obligation carries besides its amount: where it comes from and who pays whom. */
export type ObligationCommon = Pick<Obligation, 'clause' | 'label' | 'period' | 'triggeredAt' | 'triggeredBy' | 'payer' | 'payee' | 'direction'>;

export interface Obligation {
  clause: number;
  label: string | null;
  period: number | null;
  /** Decimal string with the currency's minor digits, or null when the clause leaves it undefined. */
  amount: string | null;
  currency: string | null;
  triggeredAt: string;
  /** Row id of the sale that met the milestone; null for an amount owed at a period's end (a shortfall). */
  triggeredBy: string | null;
  /** Who pays, as the clause names it; null when the clause names no payer (src/evaluation/parties.ts). */
  payer: string | null;
  /** Who is paid, as the clause names it; null when the clause names none. */
  payee: string | null;
  /** `to-performer`: paid to the party whose sales are measured; `from-performer`: paid by it (a shortfall). */
  direction: Direction;
  basis: ObligationBasis;
  /** How the amount was found, in words. */
  explanation: string;
  /** For a rate on the excess, tiers or increments: the calculation as data (payments/calculation.ts). */
  calculation?: Calculation | ShortfallCalculation | AttainmentCalculation | IncrementCalculation | AccruedCalculation | LevelStopCalculation | InstalmentCalculation;
  /** The same calculation as one line of words with the figures. */
  calculationText?: string;
  /** For a payment with a cap or floor: the amount before it and what it did (payments/limits.ts). */
  limit?: LimitApplied;
  /** For a payment that says when it falls due: that day, `YYYY-MM-DD` (payments/due-date.ts). */
  dueDate?: string;
  /** For a clawback (a negative adjustment): the obligation it takes back, by its trigger and amount. */
  adjusts?: { triggeredAt: string; triggeredBy: string | null; amount: string | null };
}

export type EvaluationCode =
  | RowIssue['code']
  | 'invalid-context'
  | 'schedule-missing-label'
  | 'unresolved-payment'
  | 'schedule-currency'
  | 'no-payment'
  /** Payments fall due after a period the clause names but does not define ("the Royalty Period"): no due date is given. */
  | 'due-date-unknown'
  | 'unknown-rate-currency'
  | 'no-rows'
  /** A ledger's local time skipped by a daylight-saving change, moved forward by the gap into the next local day. */
  | 'skipped-time-next-day'
  /** "in the second quarter" read as a contract quarter where the calendar quarter differs. */
  | 'contract-quarter-reading'
  | 'second-pass-mismatch'
  /** A rate's base is below zero after refunds; the clause states no clawback, so the amount is 0.00. */
  | 'negative-base-no-clawback'
  | 'since-previous-order'
  /** A minimum whose period is still open and whose total is below it so far: no shortfall is owed yet. */
  | 'pending-shortfall'
  /** A minimum or quota judged on a calendar period that began before E: the full figure on part of a period, or prorated. */
  | 'partial-period-minimum'
  /** An attainment no band of the table holds (a gap between bands): the payout is undetermined, not zero. */
  | 'attainment-undetermined'
  /** More milestone instances (milestones × recurring periods up to the as-of date) than one evaluation handles. */
  | 'too-many-instances'
  /** A payment owed increment by increment completes more increments than one evaluation follows. */
  | 'too-many-increments'
  /** A milestone counted per product, and the ledger holds more distinct products than one evaluation follows. */
  | 'too-many-products'
  | 'zone-abbreviation'
  | 'seller-near-miss'
  | 'seller-not-found'
  /** A SQL ledger table whose order column repeats a value (src/sql): ties could not be broken by input order. */
  | 'duplicate-order'
  /** Fiscal periods, and neither the text nor the options say when the fiscal year starts (src/language/fiscal-year.ts). */
  | 'fiscal-year-start-unknown'
  /** The text gives two fiscal-year starts, or one the option contradicts. */
  | 'fiscal-year-start-conflict'
  /** A metric the declared ledger cannot give: Bookings from a sales ledger, or sales from a ledger of bookings. */
  | 'unmeasurable-metric'
  /** A rate on the growth over the year before whose prior quarter begins before the effective date: its total cannot be told. */
  | 'growth-base-incomplete'
  /** A ledger name that nearly matches a member of a defined set ("Acme Inc" for "Acme, Inc."): not counted, and said so. */
  | 'set-near-miss'
  /** "payable annually" read as the calendar years a minimum names, for a contract that does not start on January 1: contract years are the other reading. */
  | 'payable-annually-reading'
  /** A cap on a topped-up amount below its minimum: the minimum compared with the amount before the cap or after it. */
  | 'top-up-cap-reading'
  /** A minimum missed with a period total below zero: short of the whole minimum, or (literally) of more than it. */
  | 'negative-total-shortfall'
  /** An evaluated quarter that a plan table below the sentence sets out no plan for: not tested. */
  | 'plan-table-ends'
  /** The as-of date is before the effective date: nothing can count yet (as-of-before-effective.ts). */
  | 'as-of-before-effective-date'
  /** The library was handed a document its checks refuse (checked-evaluate.ts): it is not evaluated. */
  | 'invalid-clause';

/** A finding of the evaluation (its view in the shared shape: `evaluationFinding`). */
export interface EvaluationDiagnostic {
  code: EvaluationCode;
  severity: 'error' | 'warning' | 'info';
  message: string;
  row?: number;
  column?: string;
  value?: string;
  label?: string | null;
}

export interface RowCounts {
  total: number;
  used: number;
  ignored: Record<IgnoreReason, number>;
}

export interface EvaluationSuccess {
  ok: true;
  asOf: string;
  effectiveDate: string;
  timeZone: string;
  milestones: MilestoneResult[];
  obligations: Obligation[];
  /** Sum of obligation amounts per currency; `unresolved` counts obligations with no amount. */
  totals: Array<{ currency: string | null; amount: string | null; unresolved: number }>;
  rows: RowCounts;
  notes: string[];
  diagnostics: EvaluationDiagnostic[];
  /** The library's `evaluate`: the clause's own diagnostics (warnings), as `validate` gives them; they qualify the result. */
  clauseDiagnostics?: Diagnostic[];
}

export interface EvaluationFailure {
  ok: false;
  asOf: string | null;
  effectiveDate: string;
  timeZone: string;
  /** The first `MAX_REPORTED_ERRORS` errors, in row order. */
  errors: EvaluationDiagnostic[];
  /** All errors, including those not listed. */
  errorCount: number;
  diagnostics: EvaluationDiagnostic[];
  /** The library's `evaluate`: the check diagnostics, as `validate` gives them (of a document the checks refuse, its errors among them). */
  clauseDiagnostics?: Diagnostic[];
}

export type EvaluationReport = EvaluationSuccess | EvaluationFailure;

export const MAX_REPORTED_ERRORS = 20;

/** Sum of obligation amounts per currency, in order of first appearance. */
export function totalsOf(obligations: Obligation[]): EvaluationSuccess['totals'] {
  const byCurrency = new Map<string | null, { amount: Dec | null; unresolved: number }>();
  for (const o of obligations) {
    const entry = byCurrency.get(o.currency) ?? { amount: null, unresolved: 0 };
    if (o.amount === null) entry.unresolved++;
    else entry.amount = (entry.amount ?? new Dec(0)).plus(o.amount);
    byCurrency.set(o.currency, entry);
  }
  return [...byCurrency].map(([currency, e]) => ({
    currency,
    amount: e.amount === null ? null : currency === null ? decimalString(e.amount) : moneyString(e.amount, currency),
    unresolved: e.unresolved,
  }));
}


/** An evaluation diagnostic as a Finding (src/diagnostics.ts): at its row, its milestone, or the inputs. */
export function evaluationFinding(d: EvaluationDiagnostic): Finding {
  const location: FindingLocation =
    d.row !== undefined
      ? { kind: 'row', row: d.row, ...(d.column !== undefined ? { column: d.column } : {}), ...(d.value !== undefined ? { value: d.value } : {}) }
      : d.label !== undefined
        ? { kind: 'milestone', label: d.label }
        : { kind: 'input' };
  return { code: d.code, severity: d.severity, message: d.message, location };
}
