/**
 * The payroll side of `clause evaluate` (one contract or a portfolio): `--obligations-csv` (one
 * line per obligation owed now), `--rollup-csv` (per payee and currency), `--since` or
 * `--pay-period` (obligations triggered in that period), `--paid` (earlier runs' obligation CSVs,
 * subtracted by obligation id).
 */
import { parseIsoDate } from '../time/periods';
import { rollupCsv, rollupOf } from '../portfolio/portfolio';
import { obligationsCsv, payPeriodOfMonth, payroll, readPaid, type ObligationLine, type PaidAmounts, type PayPeriod, type PayrollRun } from '../portfolio/payroll';
import { formatMoney } from '../values/money';
import { readText, UsageError } from '../node/io';
import { writeOutput, type WriteOptions } from '../node/write-output';

export interface PayrollOptions {
  obligationsCsv?: string;
  rollupCsv?: string;
  since?: string;
  payPeriod?: string;
  paid?: string[];
}

export interface PayrollPlan {
  period: PayPeriod;
  paid: PaidAmounts;
  /** Whether the run was asked to filter (a period or paid files): then the output says what is owed now. */
  filtered: boolean;
  options: PayrollOptions;
}

/** Checks the options before anything is evaluated: a bad date or paid file is a usage error (exit 2). */
export function planPayroll(options: PayrollOptions): PayrollPlan {
  if (options.since !== undefined && options.payPeriod !== undefined) throw new UsageError('give either --since or --pay-period, not both.');
  let period: PayPeriod = { since: null, until: null };
  if (options.since !== undefined) {
    if (parseIsoDate(options.since) === null) throw new UsageError(`--since '${options.since}' is not a real calendar date in the form YYYY-MM-DD.`);
    period = { since: options.since, until: null };
  }
  if (options.payPeriod !== undefined) {
    const month = payPeriodOfMonth(options.payPeriod);
    if (month === null) throw new UsageError(`--pay-period '${options.payPeriod}' is not a month in the form YYYY-MM (such as 2026-03).`);
    period = month;
  }
  const files = options.paid ?? [];
  const read = readPaid(files.map((f) => readText(f)));
  if (!read.ok) throw new UsageError(`--paid: ${read.message}.`);
  return { period, paid: read.paid, filtered: period.since !== null || files.length > 0, options };
}

/** The output files the options name (`--obligations-csv`, `--rollup-csv`). */
export function payrollFiles(options: PayrollOptions | undefined): string[] {
  return [options?.obligationsCsv, options?.rollupCsv].filter((f): f is string => f !== undefined);
}

export interface PayrollWrite {
  /** Whether every contract evaluated: files missing some would pass for the whole, so they are written only then. */
  complete: boolean;
  /** Why they are not written when not complete (a clause of the sentence that says so). */
  why: string;
  inputs: WriteOptions['inputs'];
}

/**
 * Writes the CSV files asked for (safely: see write-output.ts), only when the run is complete; returns the run
 * (what is owed now) and, when files were asked for but not written, the line that says so.
 */
export function writePayroll(plan: PayrollPlan, all: readonly ObligationLine[], write: PayrollWrite): { run: PayrollRun; notWritten: string } {
  const run = payroll(all, plan.period, plan.paid);
  const files = payrollFiles(plan.options);
  if (!write.complete) {
    return { run, notWritten: files.map((f) => `${f}: not written, because ${write.why}.\n`).join('') };
  }
  if (plan.options.obligationsCsv !== undefined) writeOutput(plan.options.obligationsCsv, obligationsCsv(run.lines), { inputs: write.inputs });
  if (plan.options.rollupCsv !== undefined) writeOutput(plan.options.rollupCsv, rollupCsv(rollupOf(run.lines)), { inputs: write.inputs });
  return { run, notWritten: '' };
}

/** The run for `--json` (only when filtered: otherwise the obligations are the evaluation's own). */
export function payrollJson(plan: PayrollPlan, run: PayrollRun): object {
  return { since: plan.period.since, until: plan.period.until, owed: run.lines, alreadyPaid: run.alreadyPaid, outsidePeriod: run.outsidePeriod, paidNotFound: run.paidNotFound };
}

/** The text section: what is owed now and what was left out, and why. */
export function payrollText(plan: PayrollPlan, run: PayrollRun): string {
  const out: string[] = ['', 'Owed now'];
  const period =
    plan.period.since === null ? 'any date' : plan.period.until === null ? `on or after ${plan.period.since}` : `${plan.period.since} to ${plan.period.until}`;
  out.push(`  Obligations triggered ${period}, less those paid in the --paid files:`);
  if (run.lines.length === 0) out.push('  nothing');
  for (const total of rollupOf(run.lines)) {
    const amount = total.amount === null ? '-' : total.currency === null ? total.amount : formatMoney(total.amount, total.currency);
    out.push(`  ${total.payee}: ${amount}${total.currency === null ? '' : ` ${total.currency}`} (${total.obligations} line${total.obligations === 1 ? '' : 's'}${total.unresolved > 0 ? `, ${total.unresolved} with an undefined amount` : ''})`);
  }
  out.push(`  Left out: ${run.alreadyPaid} already paid, ${run.outsidePeriod} triggered outside the period.`);
  if (run.paidNotFound.length > 0) {
    out.push(`  Paid before but no longer owed (a later refund or a changed ledger?): ${run.paidNotFound.join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}
