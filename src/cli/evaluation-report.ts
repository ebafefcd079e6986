/**
 * The evaluation for people: a milestone table, the obligations with their total, how the clause
 * was read, and what happened to every row, so that an auditor can follow each payment back to
 * the sale that triggered it.
 */
import type { EvaluationDiagnostic, EvaluationFailure, EvaluationSuccess, IgnoreReason, MilestoneResult } from '../evaluation/evaluate';
import { Dec, formatMoney, groupThousands } from '../values/money';

const REASONS: Record<IgnoreReason, string> = {
  'before-effective-date': 'before the effective date',
  'after-as-of': 'after the as-of date',
  'outside-every-window': 'outside every window',
};

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => `  ${cells.map((c, i) => c.padEnd(widths[i])).join('  ')}`.trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

function labelText(label: string | null, period: number | null): string {
  const base = label === null ? '-' : /\s/.test(label) ? label : `(${label})`;
  return period === null ? base : `${base} #${period}`;
}

/** A metric value: money for revenue, a grouped count otherwise. */
function quantityText(m: MilestoneResult, value: string): string {
  if (m.currency !== null) return formatMoney(value, m.currency);
  const [whole, fraction] = new Dec(value).toFixed().split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = groupThousands(whole.replace('-', ''));
  return `${sign}${digits}${fraction === undefined ? '' : `.${fraction}`}`;
}

function targetText(m: MilestoneResult): string {
  if (m.target === null) return 'unknown (see the notes)';
  switch (m.metric) {
    case 'gross-revenue':
      return `${quantityText(m, m.target as string)} gross revenue`;
    case 'net-revenue':
      return `${quantityText(m, m.target as string)} net revenue`;
    case 'units':
      return `${quantityText(m, m.target as string)} units${m.product === null ? '' : ` of "${m.product}"`}`;
    case 'deals':
      return `${quantityText(m, m.target as string)} deals`;
    case 'new-customers':
      return `${quantityText(m, m.target as string)} new customers`;
  }
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function diagnosticLine(d: EvaluationDiagnostic): string {
  // Row 0 is the ledger as a whole (e.g. JSON that does not parse).
  const where = d.row !== undefined && d.row > 0 ? `row ${d.row}${d.column && d.column !== '*' ? `, ${d.column}` : ''}${d.value ? ` '${d.value}'` : ''}: ` : '';
  return `  ${d.severity} [${d.code}] ${where}${d.message}`;
}

export function renderEvaluation(report: EvaluationSuccess, options: { explain: boolean; clauseFile: string }): string {
  const out: string[] = [];
  out.push(`${options.clauseFile}: evaluated as of ${report.asOf} (effective date ${report.effectiveDate}, time zone ${report.timeZone})`, '');

  out.push('Milestones');
  const multiClause = new Set(report.milestones.map((m) => m.clause)).size > 1;
  out.push(
    ...table(
      [...(multiClause ? ['Clause'] : []), 'Milestone', 'Target', 'Window', 'Deadline', 'Status', 'Achieved', 'By row', 'Total', 'Progress'],
      report.milestones.map((m) => [
        ...(multiClause ? [String(m.clause)] : []),
        labelText(m.label, m.period),
        targetText(m),
        // "cumulative from …", "period from …", "recurring from …" (one instance: see the Milestone column).
        `${m.windowType} from ${m.windowStart}`,
        m.deadline,
        m.status,
        m.achievedAt ?? '-',
        m.achievedBy ?? '-',
        quantityText(m, m.total),
        m.progress === null ? '-' : `${m.progress}%`,
      ]),
    ),
  );
  out.push('');

  if (options.explain) {
    out.push('How each milestone was met');
    for (const m of report.milestones) {
      if (!m.crossing) continue;
      out.push(
        `  ${labelText(m.label, m.period)}: met on ${m.achievedAt} by row ${m.achievedByRow} (id ${m.achievedBy}); running total at the start of that day ` +
          `${quantityText(m, m.crossing.runningTotalBeforeDay)}; the last rows that count, in time order:`,
      );
      for (const r of m.crossing.rows) {
        const mark = r.id === m.achievedBy && r.row === m.achievedByRow ? '  <- reaches the target' : '';
        out.push(`    row ${r.row} (id ${r.id}) ${r.date}: ${r.contribution.startsWith('-') ? '' : '+'}${quantityText(m, r.contribution)} = ${quantityText(m, r.runningTotal)}${mark}`);
      }
    }
    if (!report.milestones.some((m) => m.crossing)) out.push('  no milestone was met');
    out.push('');
  }

  out.push('Obligations');
  if (report.obligations.length === 0) out.push('  none: no milestone with a payment was met');
  else {
    out.push(
      ...table(
        ['Milestone', 'Triggered', 'By row', 'Paid by', 'Paid to', 'Amount', 'Basis'],
        report.obligations.map((o) => [
          labelText(o.label, o.period),
          o.triggeredAt,
          o.triggeredBy ?? 'period end',
          o.payer ?? '-',
          o.payee ?? '-',
          o.amount === null ? 'undefined' : o.currency === null ? o.amount : formatMoney(o.amount, o.currency),
          o.basis,
        ]),
      ),
    );
    const calculated = report.obligations.filter((o) => o.calculationText !== undefined || o.limit !== undefined || o.dueDate !== undefined);
    if (calculated.length > 0) {
      out.push('  Calculations');
      for (const o of calculated) {
        const cap = o.limit?.applied ? `; ${o.limit.applied === 'cap' ? 'capped' : 'raised to the minimum'}: ${o.currency && o.amount !== null ? formatMoney(o.amount, o.currency) : o.amount}` : '';
        const amount = o.calculationText ?? (o.limit?.uncappedAmount ?? o.amount) ?? null;
        const shown = amount === null ? 'amount undefined' : o.calculationText ?? (o.currency ? formatMoney(amount, o.currency) : amount);
        out.push(`    ${labelText(o.label, o.period)}: ${shown}${cap}${o.dueDate ? `; due ${o.dueDate}` : ''}`);
      }
    }
    for (const t of report.totals) {
      const amount = t.amount === null ? 'nothing defined' : t.currency === null ? t.amount : formatMoney(t.amount, t.currency);
      const undefinedPart = t.unresolved > 0 ? ` plus ${plural(t.unresolved, 'obligation')} with an undefined amount` : '';
      out.push(`  Total${t.currency ? ` ${t.currency}` : ''}: ${amount}${undefinedPart}`);
    }
  }
  out.push('');

  out.push('How the clause was read');
  for (const n of report.notes) out.push(`  - ${n}`);
  out.push('');

  const r = report.rows;
  const ignored = Object.entries(r.ignored).filter(([, n]) => n > 0);
  out.push(
    `Rows: ${plural(r.total, 'row')} read, ${r.used.toLocaleString('en-US')} used` +
      (ignored.length === 0 ? '' : `, ignored: ${ignored.map(([reason, n]) => `${n.toLocaleString('en-US')} ${REASONS[reason as IgnoreReason]}`).join(', ')}`),
  );
  if (report.diagnostics.length > 0) {
    out.push('', 'Warnings and notes');
    for (const d of report.diagnostics) out.push(diagnosticLine(d));
  }
  return `${out.join('\n')}\n`;
}

export function renderFailure(report: EvaluationFailure): string {
  const out = [`The evaluation failed with ${plural(report.errorCount, 'error')}; nothing was evaluated:`];
  for (const e of report.errors) out.push(diagnosticLine(e));
  if (report.errorCount > report.errors.length) out.push(`  ... and ${plural(report.errorCount - report.errors.length, 'more error')}`);
  return `${out.join('\n')}\n`;
}
