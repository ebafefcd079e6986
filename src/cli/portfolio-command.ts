/**
 * `clause evaluate --portfolio contracts.json --sales ledger.csv [--obligations-csv out.csv] [--json]`
 * (issue 4): every contract of a portfolio against one ledger, in one streaming pass over the
 * rows (plus one more for the crossing rows), with a roll-up of obligations per payee and currency.
 */
import path from 'node:path';
import type { InputFormat } from './evaluate-command';
import { parseLedgerText } from '../ledger/text-readers';
import { formatMoney } from '../values/money';
import { feedRecords } from '../portfolio/evaluate-portfolio';
import { PortfolioEvaluation, readPortfolio, resolveContracts, type PortfolioReport } from '../portfolio/portfolio';
import { obligationLines } from '../portfolio/payroll';
import { LedgerTranslator, translateLedger, type LedgerReading } from '../ledger/ledger-reading';
import { fileDialect, readLedgerText } from '../node/ledger-dialect-file';
import { readingConsumer } from '../node/reading-consumer';
import { payrollJson, payrollText, planPayroll, writePayroll, type PayrollOptions } from './payroll-output';
import { EXIT, isFileError, readError, readText, UsageError } from '../node/io';
import { openLedgerSource } from '../node/ledger-source';
import { driveTwoPasses, type TwoPassConsumer } from '../node/stream-evaluate';
import { columnLayout } from '../ledger/normalize';
import { filterColumns } from '../node/byte-prefilter';

export interface PortfolioOptions {
  sales: string;
  format: InputFormat;
  json?: boolean;
  progress?: boolean;
  /** A seller that matches no ledger row is an error (exit EXIT.unmatchedSeller). */
  strict?: boolean;
  payroll?: PayrollOptions;
  /** How to read an export (column mapping, delimiter, encoding, formats). */
  reading?: LedgerReading;
}

export interface CommandOutput {
  code: number;
  stdout: string;
  stderr: string;
}

function readPortfolioFile(file: string, strict: boolean, translator: LedgerTranslator): { report: PortfolioEvaluation } {
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
  return { report: new PortfolioEvaluation(contracts, { strict, cellFormats: translator.formats }) };
}

/** Evaluates a portfolio file against a ledger; usage problems throw UsageError. */
export async function runPortfolio(portfolioFile: string, options: PortfolioOptions): Promise<CommandOutput> {
  const payrollPlan = planPayroll(options.payroll ?? {});
  const reading = options.reading ?? {};
  // Contracts differ in what they need: only the date is required of the header; the rest is checked per contract and row.
  const translator = new LedgerTranslator(reading, { required: ['date'], currency: null });
  const { report: evaluation } = readPortfolioFile(portfolioFile, options.strict === true, translator);
  const shown = options.sales === '-' ? 'standard input' : `'${options.sales}'`;
  if (options.format === 'json') {
    // A JSON array cannot be streamed here: read it whole.
    const ledger = translateLedger(parseLedgerText(readLedgerText(options.sales, shown, reading.encoding), 'json'), translator);
    feedRecords(evaluation, ledger.records, ledger.issues);
  } else {
    let source;
    try {
      source = await openLedgerSource(options.sales);
    } catch (e) {
      throw readError(options.sales, e);
    }
    try {
      const dialect = options.format === 'csv' ? fileDialect(source.path, shown, reading.delimiter, reading.encoding) : null;
      if (dialect !== null) translator.delimiterNote(dialect.delimiter, dialect.delimiterGiven);
      await driveTwoPasses(
        source,
        options.format,
        readingConsumer(portfolioConsumer(evaluation), translator),
        { label: path.basename(options.sales), progress: options.progress, delimiter: dialect?.delimiter, encoding: reading.encoding, sheet: reading.sheet },
      );
    } catch (e) {
      throw isFileError(e) ? readError(options.sales, e) : e;
    } finally {
      source.dispose();
    }
  }
  const report = evaluation.finish();
  if (translator.notes.length > 0) report.ledgerNotes = translator.notes;
  const unassignedIssues = evaluation.unassignedIssues;
  const lines = report.contracts.flatMap((c) => (c.ok && 'obligations' in c.result ? obligationLines(c.id, c.payee, c.result) : []));
  const run = writePayroll(payrollPlan, lines);
  const failedOtherwise = report.failed.length > 0 || report.rows.unreadable > 0;
  const code = report.ok ? EXIT.ok : failedOtherwise ? EXIT.invalid : EXIT.unmatchedSeller;
  if (options.json) {
    const json = {
      ...report,
      ...(unassignedIssues.length > 0 ? { unreadableRows: unassignedIssues.slice(0, 20) } : {}),
      ...(payrollPlan.filtered ? { payroll: payrollJson(payrollPlan, run) } : {}),
    };
    return { code, stdout: `${JSON.stringify(json, null, 2)}\n`, stderr: '' };
  }
  const text = humanPortfolio(report, unassignedIssues.length) + (payrollPlan.filtered ? payrollText(payrollPlan, run) : '');
  return { code, stdout: text, stderr: '' };
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
