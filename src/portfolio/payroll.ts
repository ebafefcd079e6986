/**
 * Payroll lines: one line per obligation (contract, payee, milestone, period, trigger, amount),
 * with a stable obligation id, so that monthly runs pay each obligation once: a pay period keeps
 * the obligations triggered in it, and the lines of earlier runs (`paid`) are subtracted by id.
 *
 * The id names the obligation, not its amount: `<contract>/<clause>/<milestone label>[/<period>]`. An obligation
 * triggered by another row than the milestone's crossing (a later increment, an instalment, a clawback) adds
 * `@<row id>` (or `@<date>` without a row), and several owed at one row add `/2`, `/3`, …: an id shared by two
 * obligations would let a payment of one count as a payment of the other, and an id that counted the obligations
 * before it would change when an earlier one appears.
 * A rate's amount grows with later sales in its window, so an obligation paid at one amount and
 * owed at another gives a line for the difference (`paid_before` says what was paid), never a
 * silent drop and never the whole amount twice.
 */
import Papa from 'papaparse';
import type { EvaluationSuccess, Obligation, ObligationBasis } from '../evaluation/evaluate';
import { Dec, moneyString } from '../values/money';
import { csvCell, csvTextValue } from '../csv-output';
import { lineParties, type Direction } from '../evaluation/parties';

export interface ObligationLine {
  obligationId: string;
  contract: string;
  /** Who pays: the clause's payer for a payment to the performer, the performer for a shortfall ('' when not named). */
  payer: string;
  payee: string;
  /** `to-performer` or `from-performer` (src/evaluation/parties.ts). */
  direction: Direction;
  /** The label as written ("i", "Month 1"), or "#n" (its position in the clause) when it has none. */
  milestone: string;
  period: number | null;
  triggeredDate: string;
  /** The row that triggered it, or null for an amount owed at a period's end. */
  triggeredBy: string | null;
  /** Owed on this line: the whole amount, or the difference to `paidBefore`; null when undefined. */
  amount: string | null;
  currency: string | null;
  basis: ObligationBasis;
  explanation: string;
  asOf: string;
  /** What earlier runs paid for this obligation (null: nothing). */
  paidBefore: string | null;
}

/** The columns of the obligations CSV, in order. */
export const OBLIGATION_COLUMNS = [
  'obligation_id',
  'contract',
  'payee',
  'milestone',
  'period',
  'triggered_date',
  'triggered_by',
  'amount',
  'currency',
  'basis',
  'explanation',
  'as_of',
  'paid_before',
  // Added after the first release's columns, so that imports reading columns by position keep working.
  'payer',
  'direction',
] as const;

/** The positions of the columns of amounts and counts: plain decimals there stay numbers in a spreadsheet. */
const NUMERIC_COLUMNS: ReadonlySet<number> = new Set(['period', 'amount', 'paid_before'].map((c) => OBLIGATION_COLUMNS.indexOf(c as (typeof OBLIGATION_COLUMNS)[number])));

/** The milestone instance an obligation belongs to: the one it names by label, else by its position among the clause's milestones. */
function instanceOf(report: EvaluationSuccess, o: Obligation): { name: string; crossing: boolean } {
  const inClause = report.milestones.filter((m) => m.clause === o.clause);
  const crossedBy = (m: (typeof inClause)[number]): boolean => (o.triggeredBy === null ? m.deadline === o.triggeredAt : m.achievedAt === o.triggeredAt && m.achievedBy === o.triggeredBy);
  const same = (m: (typeof inClause)[number]): boolean => m.label === o.label && m.period === o.period;
  const exact = inClause.findIndex((m) => same(m) && crossedBy(m));
  // An obligation triggered by another row than the milestone's crossing (a later increment, an instalment, a clawback) is the same period's.
  const at = exact >= 0 ? exact : inClause.findIndex(same);
  return { name: o.label ?? `#${at + 1}`, crossing: exact >= 0 };
}

export function obligationId(contract: string, clause: number, milestone: string, period: number | null): string {
  return `${contract}/${clause}/${milestone}${period === null ? '' : `/${period}`}`;
}

/** One line per obligation of an evaluation; `payee` names the contract's performer (lineParties). */
export function obligationLines(contract: string, payee: string, report: EvaluationSuccess): ObligationLine[] {
  const seen = new Map<string, number>();
  return report.obligations.map((o) => {
    const { name: milestone, crossing } = instanceOf(report, o);
    // A clawback takes back the obligation of the same milestone and period: its own id, beside that one's. An
    // obligation triggered by another row than the crossing names that row, so its id does not depend on which
    // other obligations the ledger has produced so far.
    const trigger = crossing ? '' : `@${o.triggeredBy ?? o.triggeredAt}`;
    const base = `${obligationId(contract, o.clause, milestone, o.period)}${o.basis === 'clawback' ? '/clawback' : ''}${trigger}`;
    // One row completing several increments owes several obligations: numbered in the order it completes them.
    const nth = (seen.get(base) ?? 0) + 1;
    seen.set(base, nth);
    return {
      obligationId: nth === 1 ? base : `${base}/${nth}`,
      contract,
      ...lineParties(payee, o),
      direction: o.direction,
      milestone,
      period: o.period,
      triggeredDate: o.triggeredAt,
      triggeredBy: o.triggeredBy,
      amount: o.amount,
      currency: o.currency,
      basis: o.basis,
      explanation: o.explanation,
      asOf: report.asOf,
      paidBefore: null,
    };
  });
}

/** The first and last local day (inclusive, `YYYY-MM-DD`) whose triggered obligations a run lists. */
export interface PayPeriod {
  since: string | null;
  until: string | null;
}

/** `2026-03` → March 2026, or null when not a `YYYY-MM` month. */
export function payPeriodOfMonth(month: string): PayPeriod | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (m === null) return null;
  const y = Number(m[1]), mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { since: `${m[1]}-${m[2]}-01`, until: `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}` };
}

/** Amounts already paid per obligation id, read from earlier runs' obligations CSVs. */
export type PaidAmounts = ReadonlyMap<string, { amount: Dec | null; currency: string | null }>;

export type PaidResult = { ok: true; paid: PaidAmounts } | { ok: false; message: string };

/** Reads obligations CSVs of earlier runs (this module's columns; `obligation_id` and `amount` are used). */
export function readPaid(texts: readonly string[]): PaidResult {
  const paid = new Map<string, { amount: Dec | null; currency: string | null }>();
  for (const text of texts) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const parsed = Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim().toLowerCase() });
    const fields = parsed.meta.fields ?? [];
    if (!fields.includes('obligation_id') || !fields.includes('amount')) {
      return { ok: false, message: `a paid-obligations file needs the columns obligation_id and amount (as --obligations-csv writes them); its header is: ${fields.join(', ') || '(none)'}` };
    }
    for (const [i, row] of parsed.data.entries()) {
      const id = csvTextValue((row.obligation_id ?? '').trim());
      if (id === '') continue;
      const text = (row.amount ?? '').trim();
      let amount: Dec | null = null;
      if (text !== '') {
        try {
          amount = new Dec(text);
        } catch {
          return { ok: false, message: `row ${i + 1} of a paid-obligations file: amount '${text}' is not a plain decimal` };
        }
      }
      const before = paid.get(id);
      const sum = before === undefined ? amount : before.amount === null ? amount : amount === null ? before.amount : before.amount.plus(amount);
      paid.set(id, { amount: sum, currency: (row.currency ?? '').trim() || (before?.currency ?? null) });
    }
  }
  return { ok: true, paid };
}

export interface PayrollRun {
  /** What is owed now, in the order of the evaluation. */
  lines: ObligationLine[];
  /** Obligations left out because earlier runs paid them in full. */
  alreadyPaid: number;
  /** Obligations left out because they were triggered outside the pay period. */
  outsidePeriod: number;
  /** Ids earlier runs paid that the evaluation no longer finds (a refund may have undone a milestone). */
  paidNotFound: string[];
}

/**
 * What a run owes: obligations triggered in the period, less what earlier runs paid. A paid
 * obligation whose amount has changed gives its difference whatever the period, since the payment
 * it corrects was made.
 */
export function payroll(all: readonly ObligationLine[], period: PayPeriod, paid: PaidAmounts): PayrollRun {
  const lines: ObligationLine[] = [];
  let alreadyPaid = 0;
  let outsidePeriod = 0;
  const seen = new Set<string>();
  for (const line of all) {
    seen.add(line.obligationId);
    const before = paid.get(line.obligationId);
    if (before !== undefined) {
      if (line.amount === null || before.amount === null) {
        // Listed before without an amount: owed in full once it has one; still undefined: listed already.
        if (line.amount === null || before.amount !== null) alreadyPaid++;
        else lines.push(line);
        continue;
      }
      const owed = new Dec(line.amount).minus(before.amount);
      if (owed.isZero()) {
        alreadyPaid++;
        continue;
      }
      const paidText = line.currency === null ? before.amount.toFixed() : moneyString(before.amount, line.currency);
      lines.push({
        ...line,
        amount: line.currency === null ? owed.toFixed() : moneyString(owed, line.currency),
        paidBefore: paidText,
        explanation: `${line.explanation}; ${paidText} was paid before for this obligation, whose amount is now ${line.amount}: this line is the difference`,
      });
      continue;
    }
    const inPeriod = (period.since === null || line.triggeredDate >= period.since) && (period.until === null || line.triggeredDate <= period.until);
    if (!inPeriod) {
      outsidePeriod++;
      continue;
    }
    lines.push(line);
  }
  const paidNotFound = [...paid.keys()].filter((id) => !seen.has(id));
  return { lines, alreadyPaid, outsidePeriod, paidNotFound };
}

/** The lines as CSV (header row, LF line ends, UTF-8): the one place obligations become CSV. */
export function obligationsCsv(lines: readonly ObligationLine[]): string {
  const out = [OBLIGATION_COLUMNS.join(',')];
  for (const l of lines) {
    const cells = [
      l.obligationId,
      l.contract,
      l.payee,
      l.milestone,
      l.period,
      l.triggeredDate,
      l.triggeredBy,
      l.amount,
      l.currency,
      l.basis,
      l.explanation,
      l.asOf,
      l.paidBefore,
      l.payer,
      l.direction,
    ];
    out.push(cells.map((cell, i) => csvCell(cell, NUMERIC_COLUMNS.has(i))).join(','));
  }
  return `${out.join('\n')}\n`;
}
