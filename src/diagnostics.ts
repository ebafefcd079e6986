import type { Range } from './language/ast';

export type Severity = 'error' | 'warning' | 'info';

/**
 * Every code the engine reports. Codes are stable: tools and tests match on them, so a code is
 * never renamed or reused for another meaning; new ones are added at the end of their group.
 */
export const DIAGNOSTIC_CODES = {
  // text → tokens → AST
  'unexpected-token': 'error',
  'unexpected-end': 'error',
  'unexpected-character': 'error',
  'ambiguous-parse': 'error',
  'input-too-large': 'error',
  'unsupported-construct': 'error',
  // checked AST
  'malformed-amount': 'error',
  'impossible-date': 'error',
  'duplicate-label': 'error',
  'non-positive-target': 'error',
  'mixed-currencies': 'error',
  'fractional-count': 'error',
  'invalid-period': 'error',
  'unknown-milestone-reference': 'error',
  'rate-needs-revenue': 'error',
  'decreasing-targets': 'warning',
  'deadlines-out-of-order': 'warning',
  'placeholder-reference': 'warning',
  'labels-out-of-sequence': 'warning',
  'party-not-capitalised': 'warning',
  'conflicting-payments': 'warning',
  'no-payment': 'info',
  'date-out-of-range': 'error',
  'unusual-year': 'warning',
  'ambiguous-number': 'error',
  'equal-targets': 'warning',
  'heading-period-reading': 'warning',
  'heading-window-mismatch': 'warning',
  'cumulative-period-reading': 'warning',
  'payment-beyond-minor-unit': 'warning',
  'amount-beyond-minor-unit': 'warning',
  'end-of-year-reading': 'warning',
  'rate-on-cumulative': 'warning',
  'since-previous-window': 'error',
  'base-rate-reading': 'warning',
  'number-notation': 'info',
  'words-figure-mismatch': 'error',
  'words-currency-mismatch': 'error',
  'unmeasurable-metric': 'error',
  'cap-subject-mismatch': 'error',
  'scope-not-applied': 'warning',
  /** A definition of new customers that no count of the clauses uses. */
  'definition-not-used': 'warning',
  // payment mechanics
  'tier-reading': 'warning',
  'tier-period-reading': 'warning',
  'tier-reading-conflict': 'error',
  'tier-bands': 'error',
  /** A rate chosen by conditions on the period's total whose conditions cannot tell one rate for every total. */
  'rate-choices': 'error',
  /** "For avoidance of doubt, each rate applies only to that portion of …" after a sentence without tiers, or on another metric. */
  'portion-statement': 'error',
  'quota-unresolved': 'error',
  'tier-whole-unit-gap': 'warning',
  'each-item-not-split': 'warning',
  'quota-amount-conflict': 'error',
  'quota-amount-reading': 'warning',
  'quota-period-mismatch': 'warning',
  'payment-currency': 'error',
  'non-positive-increment': 'error',
  'cap-below-floor': 'error',
  // windows with their own start, defined periods
  'undefined-period': 'error',
  'contract-year-reading': 'warning',
  'period-not-named': 'error',
  'single-period-definition': 'error',
  'inverted-range': 'error',
  'duplicate-definition': 'error',
  // fiscal periods
  'fy-label-reading': 'warning',
  'fiscal-year-start-conflict': 'error',
  // minimums and shortfalls
  'shortfall-unpriced': 'error',
  'shortfall-price-on-money': 'error',
  'shortfall-it-unresolved': 'error',
  'shortfall-reading': 'info',
  // a minimum of a computed amount, topped up
  'top-up-mismatch': 'error',
  'top-up-reading': 'info',
  'date-hereof-reading': 'warning',
  // a commitment to sales targets in an exhibit, with remedies that are not payments
  'sales-minimum-mismatch': 'error',
  'remedy-not-payment': 'info',
  // calendar periods
  'once-or-each': 'warning',
  'any-period-reading': 'warning',
  'first-in-recurring-period': 'error',
  // a payment made in instalments, one per calendar year that meets the condition
  'instalment-missed-year': 'warning',
  'instalment-due-reading': 'warning',
  // period words of metrics ("annual Net Sales")
  'period-word-mismatch': 'error',
  'period-word-reading': 'warning',
  // attainment tables
  'attainment-gap': 'warning',
  'attainment-points': 'warning',
  'attainment-owner': 'error',
  // commitments
  'escalation-window': 'error',
  'escalation-reading': 'warning',
  'attainment-overlap': 'error',
  'attainment-interpolation': 'error',
  // computed amounts in payer-pays sentences
  'measure-window-mismatch': 'error',
  'measure-metric-mismatch': 'error',
  // "the increase in quarter-to-quarter growth": the increase in sales, or of the growth rate
  'growth-increase-reading': 'warning',
  'settlement-period-mismatch': 'error',
  'target-without-condition': 'error',
  // openings before a sentence
  'opening-period-conflict': 'error',
  'basis-opening-reading': 'warning',
  // tiers in payer-pays sentences
  'tier-measure-mismatch': 'error',
  // payments defined in a definition sentence
  'definition-parties-unstated': 'warning',
  'definition-name-mismatch': 'error',
  'definition-period-mismatch': 'error',
  'level-stop-reading': 'warning',
  'undefined-event': 'error',
  'event-quarter-reading': 'warning',
  'event-month-reading': 'warning',
  'list-condition-mismatch': 'error',
  // rates chosen by the plan level reached
  'plan-undefined': 'error',
  'plan-defined-twice': 'error',
  'plan-year-missing': 'error',
  'plan-levels-gap': 'error',
  // a share of a plan set out in a table below the sentence
  'plan-table-rows': 'error',
  // sets of products or customers named in a definition
  'duplicate-set-member': 'warning',
  /** An amount's threshold names a target ("the Target Sales Threshold") that the condition does not. */
  'target-name-mismatch': 'error',
  /** A target named for a quarter or a year ("the quarterly quota") in a condition tested in periods of another length. */
  'target-period-mismatch': 'warning',
  // milestones defined in sentences of their own
  'period-end-mismatch': 'error',
  // compound conditions
  'compound-condition-reading': 'warning',
  'compound-window-mismatch': 'error',
  // clawbacks
  'clawback-not-applied': 'warning',
  // carry-forward of the excess over a period's target
  'carry-forward-without-periods': 'error',
  'carry-forward-period-mismatch': 'error',
  'carry-forward-metric-mismatch': 'error',
  'carry-forward-chain-unstated': 'warning',
  // totals counted per product ("of a Licensed Product")
  /** The words leave it unclear whether sales of several products are pooled or counted per product. */
  'per-product-reading': 'warning',
  /** "even if other Licensed Products achieve …" restates a condition other than the milestone's. */
  'once-restatement-mismatch': 'error',
  /** A metric term whose definition names another gross/net basis than the term's own words. */
  'metric-definition-basis': 'error',
  /** The sentences of a pro-rated bonus disagree: the amount multiplied, the example, the floor's target or period. */
  'pro-rata-mismatch': 'error',
} as const satisfies Record<string, Severity>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** A replacement that fixes the problem, offered as a quick fix by editors. */
export interface Fix {
  title: string;
  offset: number;
  endOffset: number;
  text: string;
}

/**
 * One finding about the input. Positions are 1-based lines and columns of the offending token's
 * start and (exclusive) end, plus 0-based UTF-16 offsets for editors.
 */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
  /** A plain-words hint, e.g. "did you mean 'second'?". */
  suggestion?: string;
  fix?: Fix;
}

export function diagnostic(
  code: DiagnosticCode,
  range: Range,
  message: string,
  extra: { suggestion?: string; fix?: Fix } = {},
): Diagnostic {
  return {
    code,
    severity: DIAGNOSTIC_CODES[code],
    message,
    line: range.start.line,
    column: range.start.column,
    endLine: range.end.line,
    endColumn: range.end.column,
    offset: range.start.offset,
    endOffset: range.end.offset,
    ...extra,
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Orders diagnostics by position, then errors before warnings, so output is stable. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return diagnostics.sort((a, b) => a.offset - b.offset || rank[a.severity] - rank[b.severity] || a.code.localeCompare(b.code));
}

/**
 * Where a finding is: a range of the clause text, a row of the ledger (and a column and the value
 * read there, when the finding is about one cell; row 0 is the ledger as a whole), a milestone of
 * the clause (by label), or the evaluation's inputs as a whole (context, schedule).
 */
export type FindingLocation =
  | { kind: 'text'; line: number; column: number; endLine: number; endColumn: number; offset: number; endOffset: number }
  | { kind: 'row'; row: number; column?: string; value?: string }
  | { kind: 'milestone'; label: string | null }
  | { kind: 'input' };

/**
 * The one shape every stage's findings share: clause diagnostics, evaluation diagnostics and ledger
 * row issues keep their own fields (and their `--json` output), and each has a view as a Finding
 * (`clauseFinding` here, `evaluationFinding` in src/evaluation/report.ts, `rowFinding` in
 * src/ledger/rows.ts), so that a tool can list them all alike.
 */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  location: FindingLocation;
}

export function clauseFinding(d: Diagnostic): Finding {
  const { line, column, endLine, endColumn, offset, endOffset } = d;
  return { code: d.code, severity: d.severity, message: d.message, location: { kind: 'text', line, column, endLine, endColumn, offset, endOffset } };
}
