/**
 * `clause evaluate --portfolio contracts.json --sales ledger.csv [--obligations-csv out.csv] [--json]`
 * (issue 4): every contract of a portfolio against one ledger, in one streaming pass over the
 * rows (plus one more for the crossing rows), with a roll-up of obligations per payee and currency.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LedgerFormat } from '../ledger/rows';
import { parseLedgerText } from '../ledger/text-readers';
import { formatMoney } from '../values/money';
import { PortfolioEvaluation, readPortfolio, resolveContracts, rollupCsv, type PortfolioReport } from '../portfolio/portfolio';
import { EXIT, isFileError, readError, readText, UsageError } from '../node/io';
import { openLedgerSource } from '../node/ledger-source';
import { driveTwoPasses, type TwoPassConsumer } from '../node/stream-evaluate';
import { columnLayout } from '../ledger/normalize';
import { filterColumns } from '../node/byte-prefilter';

export interface PortfolioOptions {
  sales: string;
  format: LedgerFormat;
  json?: boolean;
  obligationsCsv?: string;
  progress?: boolean;
}

export interface CommandOutput {
  code: number;
  stdout: string;
  stderr: string;
}

function readPortfolioFile(file: string): { report: PortfolioEvaluation } {
  const text = readText(file);
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new UsageError(`the portfolio ${file} is not valid JSON: ${(e as Error).message}`);
  }
  const read = readPortfolio(data);
  if (!read.ok) throw new UsageError(`the portfolio ${file} is not valid:\n${read.errors.map((e) => `  ${e}`).join('\n')}`);
  const base = path.dirname(file);
  const contracts = resolveContracts(read.portfolio, (p) => readText(path.isAbsolute(p) ? p : path.join(base, p)));
  return { report: new PortfolioEvaluation(contracts) };
}

/** Evaluates a portfolio file against a ledger; usage problems throw UsageError. */
export async function runPortfolio(portfolioFile: string, options: PortfolioOptions): Promise<CommandOutput> {
  const { report: evaluation } = readPortfolioFile(portfolioFile);
  if (options.format === 'json') {
    // A JSON array cannot be streamed here: read it whole.
    const ledger = parseLedgerText(readText(options.sales), 'json');
    const issues = new Map<number, typeof ledger.issues>();
    for (const issue of ledger.issues) issues.set(issue.row, [...(issues.get(issue.row) ?? []), issue]);
    for (const issue of issues.get(0) ?? []) evaluation.addReadIssue(issue);
    ledger.records.forEach((record, i) => {
      for (const issue of issues.get(i + 1) ?? []) evaluation.addReadIssue(issue);
      evaluation.addRecord(record, i + 1);
    });
    if (evaluation.needsCrossingPass()) ledger.records.forEach((record, i) => evaluation.addCrossingRecord(record, i + 1));
  } else {
    let source;
    try {
      source = await openLedgerSource(options.sales);
    } catch (e) {
      throw readError(options.sales, e);
    }
    try {
      await driveTwoPasses(
        source,
        options.format,
        portfolioConsumer(evaluation),
        { label: path.basename(options.sales), progress: options.progress },
      );
    } catch (e) {
      throw isFileError(e) ? readError(options.sales, e) : e;
    } finally {
      source.dispose();
    }
  }
  const report = evaluation.finish();
  const unassignedIssues = evaluation.unassignedIssues;
  if (options.obligationsCsv !== undefined) writeFileSync(options.obligationsCsv, rollupCsv(report.obligations));
  const code = report.ok ? EXIT.ok : EXIT.invalid;
  if (options.json) {
    const json = unassignedIssues.length > 0 ? { ...report, unreadableRows: unassignedIssues.slice(0, 20) } : report;
    return { code, stdout: `${JSON.stringify(json, null, 2)}\n`, stderr: '' };
  }
  return { code, stdout: humanPortfolio(report, unassignedIssues.length), stderr: '' };
}

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
  if (unreadable > 0) {
    out.push('', `${count(unreadable, 'row')} could not be read and ${unreadable === 1 ? 'names' : 'name'} no known seller: the portfolio is incomplete.`);
  }
  out.push('', report.ok ? 'All contracts evaluated.' : `${count(report.failed.length, 'contract')} failed: ${report.failed.join(', ')}.`);
  return `${out.join('\n')}\n`;
}

/** Streams a ledger into a portfolio: cells for CSV, records for NDJSON. */
export function portfolioConsumer(evaluation: PortfolioEvaluation): TwoPassConsumer {
  let columns = filterColumns([]);
  return {
    readIssue: (issue) => evaluation.addReadIssue(issue),
    header(names) {
      columns = filterColumns(names);
      evaluation.setLayout(columnLayout(names));
    },
    cells: (cells, row) => evaluation.addCells(cells, row),
    record: (record, row) => evaluation.addRecord(record, row),
    needsSecondPass: () => evaluation.needsCrossingPass(),
    rowFilter() {
      if (columns.dateIndex < 0) return null;
      return { ...columns, ...evaluation.secondPassFilter() };
    },
    crossingCells: (cells, row) => evaluation.addCrossingCells(cells, row),
    crossingRecord: (record, row) => evaluation.addCrossingRecord(record, row),
  };
}
