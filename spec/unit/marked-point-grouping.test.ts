/**
 * An amount with a currency mark and a point before three digits (`1.500 €`, `€12.500`, `$1.500`, `1.500 kr`): most of
 * Europe writes 1500 so, and the clause reader itself reads `€1.500` in a clause as €1,500.00 (`number-notation`),
 * since EUR is not written to three decimal places. The ledger reader does not read it as 1.5 without a word: it is
 * one error naming both readings, in a ';'-separated export as a bare `1.234` already was, and in any other, since
 * the mark says which currency the figure is in. A currency written to three decimal places (`BHD 1.500`) reads it as
 * a decimal. The library and the command line agree.
 */
import { evaluateInProcess } from '../cli/evaluate-in-process';
import { evaluate, parseLedgerText, validate, type EvaluationReport, type LedgerFormat } from '../../src/index';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const EUR = 'The Company shall pay the Agent a bonus of €500 if Net Sales in each calendar quarter exceed €2.000.';
const USD = 'The Company shall pay the Agent a bonus of $500 if Net Sales in each calendar quarter exceed $2,000.';
const BHD = 'The Company shall pay the Agent a bonus of BHD 500 if Net Sales in each calendar quarter exceed BHD 2,000.';
const CONTEXT = { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-03-31' };
const dir = mkdtempSync(path.join(tmpdir(), 'marked-grouping-'));

function library(clause: string, text: string, format: LedgerFormat, decimalComma = false): EvaluationReport {
  return evaluate(validate(clause), parseLedgerText(text, format), { ...CONTEXT, reading: { decimalComma } });
}

interface CliResult {
  ok: boolean;
  milestones?: Array<{ total: string }>;
  errors?: Array<{ row: number; column: string; code: string; message: string }>;
}

let n = 0;
function cli(clause: string, text: string, format: LedgerFormat, decimalComma = false): CliResult {
  n++;
  const clauseFile = path.join(dir, `c${n}.clause`);
  const ledgerFile = path.join(dir, `l${n}.${format}`);
  writeFileSync(clauseFile, clause);
  writeFileSync(ledgerFile, text);
  return JSON.parse(evaluateInProcess(clauseFile, { ...CONTEXT, json: true }, ['--sales', ledgerFile, ...(decimalComma ? ['--decimal-comma'] : [])])) as CliResult;
}

type Outcome = { total: string } | { error: [number, string, string]; message: RegExp };

function check(clause: string, text: string, format: LedgerFormat, expected: Outcome, decimalComma = false): void {
  const lib = library(clause, text, format, decimalComma);
  const cmd = cli(clause, text, format, decimalComma);
  expect(lib.ok).toBe(cmd.ok);
  if ('total' in expected) {
    if (!lib.ok) throw new Error(JSON.stringify(lib.errors));
    expect(lib.milestones[0].total).toBe(expected.total);
    expect(cmd.milestones?.[0].total).toBe(expected.total);
    return;
  }
  if (lib.ok) throw new Error(`read without an error: total ${lib.milestones[0].total}`);
  expect(lib.errors.map((e) => [e.row, e.column, e.code])).toEqual([expected.error]);
  expect(cmd.errors?.map((e) => [e.row, e.column, e.code])).toEqual([expected.error]);
  expect(lib.errors[0].message).toMatch(expected.message);
  expect(cmd.errors?.[0].message).toBe(lib.errors[0].message);
}

describe('an amount with a currency mark and a point before three digits', () => {
  test.each<[string, string, string, LedgerFormat, RegExp]>([
    ["'1.500 €' in a ';'-separated export", EUR, 'date;amount\n2026-01-05;1.500 €\n2026-01-09;1.500 €\n', 'csv', /^amount '1\.500 €' \(row 1\) may be 1500 € \(.*\) or 1\.500 € \(a decimal point\): /],
    ["'€1.500' in a ','-separated export", EUR, 'date,amount\n2026-01-05,€1.500\n2026-01-09,€1.500\n', 'csv', /may be €1500 .* or €1\.500 \(a decimal point\): EUR is not written to three decimal places.*pass --decimal-comma/],
    ["'EUR 12.500' in a JSON ledger", EUR, '[{"date":"2026-01-05","amount":"EUR 12.500"}]', 'json', /may be EUR 12500 .* or EUR 12\.500/],
    ["'-1.500 €' (a credit)", EUR, 'date,amount\n2026-01-05,-1.500 €\n', 'csv', /may be -1500 € .* or -1\.500 €/],
    ["'$1.500' in a ','-separated export", USD, 'date,amount\n2026-01-05,$1.500\n', 'csv', /USD is not written to three decimal places/],
  ])('%s is one error naming both readings', (_what, clause, text, format, message) => {
    check(clause, text, format, { error: [1, 'amount', 'non-numeric-amount'], message });
  });

  test("with --decimal-comma, '1.500 €' is 1500", () => {
    check(EUR, 'date;amount\n2026-01-05;1.500 €\n2026-01-09;1.500 €\n', 'csv', { total: '3000' }, true);
  });

  test('a currency written to three decimal places reads the point as a decimal point', () => {
    check(BHD, 'date,amount\n2026-01-05,BHD 1.500\n2026-01-09,BHD 2\n', 'csv', { total: '3.5' });
  });

  test('amounts that cannot be thousands are read as before', () => {
    check(EUR, 'date,amount\n2026-01-05,€1.50\n2026-01-09,1.234\n2026-01-10,€1234.5\n', 'csv', { total: '1237.234' });
    check(USD, 'date,amount\n2026-01-05,"$1,500.000"\n2026-01-09,$0.125\n', 'csv', { total: '1500.125' });
  });
});
