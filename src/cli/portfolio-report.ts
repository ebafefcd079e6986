/** The human report of `clause evaluate --portfolio`: contracts, obligations per payee, failures. */
import type { PortfolioReport } from '../portfolio/portfolio';
import { formatMoney } from '../values/money';

/** "1 contract", "2 contracts", "12,000 ledger rows". */
function count(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function pad(cells: string[][]): string[] {
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return cells.map((r) => `  ${r.map((c, i) => c.padEnd(widths[i])).join('  ')}`.trimEnd());
}

export function humanPortfolio(report: PortfolioReport, unreadable: number): string {
  const out: string[] = [];
  out.push(`Portfolio: ${count(report.contracts.length, 'contract')}, ${count(report.rows.total, 'ledger row')} ` +
    `(${report.rows.assigned.toLocaleString('en-US')} assigned to a contract by seller, ${report.rows.unassigned.toLocaleString('en-US')} to none)`, '');
  if (report.ledgerNotes !== undefined) out.push('How the ledger was read', ...report.ledgerNotes.map((n) => `  ${n}`), '');
  const rows: string[][] = [['contract', 'payee', 'status', 'milestones met', 'obligations']];
  for (const c of report.contracts) {
    const r = c.result;
    if ('milestones' in r) {
      const met = r.milestones.filter((m) => m.status === 'met').length;
      const totals = r.totals.map((t) => (t.amount === null ? `${t.unresolved} undefined` : t.currency === null ? t.amount : formatMoney(t.amount, t.currency))).join(', ');
      rows.push([c.id, c.payee, 'evaluated', `${met} of ${r.milestones.length}`, totals || '-']);
    } else {
      rows.push([c.id, c.payee, 'FAILED', '-', '-']);
    }
  }
  out.push(...pad(rows), '');
  out.push('Obligations per payee and currency');
  if (report.obligations.length === 0) out.push('  none');
  else {
    const lines = [['payee', 'currency', 'amount', 'obligations', 'undefined amounts']];
    for (const l of report.obligations) {
      lines.push([l.payee, l.currency ?? '-', l.amount === null ? '-' : l.currency === null ? l.amount : formatMoney(l.amount, l.currency), String(l.obligations), String(l.unresolved)]);
    }
    out.push(...pad(lines));
  }
  for (const c of report.contracts) {
    if (c.ok) continue;
    const r = c.result;
    out.push('', `Contract ${c.id} failed:`);
    if ('valid' in r) for (const d of r.diagnostics) out.push(`  ${d.severity} [${d.code}] ${c.clause ?? 'clauseText'}:${d.line}:${d.column}: ${d.message}`);
    else if ('scheduleErrors' in r) for (const e of r.scheduleErrors) out.push(`  schedule: ${e}`);
    else if ('contextError' in r) out.push(`  ${r.contextError}`);
    else if ('errors' in r) {
      for (const e of r.errors) out.push(`  ${e.severity} [${e.code}] ${e.row !== undefined ? `row ${e.row}${e.column ? `, ${e.column}` : ''}: ` : ''}${e.message}`);
      if (r.errorCount > r.errors.length) out.push(`  … and ${r.errorCount - r.errors.length} more`);
    }
  }
  if (report.sellerProblems.length > 0) {
    out.push('', report.sellerProblems.some((p) => p.severity === 'error') ? 'Sellers not found (errors, --strict):' : 'Sellers not found (warnings; --strict makes them errors):');
    for (const p of report.sellerProblems) out.push(`  ${p.severity} [${p.kind === 'near-miss' ? 'seller-near-miss' : 'seller-not-found'}] ${p.message}`);
  }
  if (unreadable > 0) {
    out.push('', `${count(unreadable, 'row')} could not be read and ${unreadable === 1 ? 'names' : 'name'} no known seller: the portfolio is incomplete.`);
  }
  out.push(
    '',
    report.failed.length > 0
      ? `${count(report.failed.length, 'contract')} failed: ${report.failed.join(', ')}.`
      : report.sellerProblems.length > 0
        ? `All contracts evaluated; ${count(report.sellerProblems.length, 'seller')} of the portfolio matched no ledger row.`
        : 'All contracts evaluated.',
  );
  return `${out.join('\n')}\n`;
}
