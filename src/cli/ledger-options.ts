/**
 * The options of `clause evaluate` that say how to read a ledger exported by a spreadsheet or a CRM:
 * `--columns`, `--mapping`, `--delimiter`, `--encoding`, `--date-format`, `--decimal-comma`, `--sheet`,
 * `--amount-unit`, `--hidden-rows`.
 * A mapping file gives defaults; options given on the command line win.
 */
import type { Command } from 'commander';
import { DATE_FORMATS_SHOWN, parseDateFormat } from '../ledger/cell-formats';
import { parseColumnsOption } from '../ledger/column-mapping';
import { parseDelimiter, parseEncoding } from '../ledger/ledger-dialect';
import type { LedgerReading } from '../ledger/ledger-reading';
import { HIDDEN_ROWS, type HiddenRows } from '../ledger/workbook-reading';
import type * as MappingFile from '../ledger/mapping-file';
import { readText, UsageError } from '../node/io';

export interface LedgerOptions {
  columns?: string;
  mapping?: string;
  delimiter?: string;
  encoding?: string;
  dateFormat?: string;
  decimalComma?: boolean;
  sheet?: string;
  amountUnit?: string;
  hiddenRows?: string;
}

export function addLedgerOptions(command: Command): Command {
  return command
    .option('--columns <pairs>', 'which header column is which ledger column: date="Close Date",amount="Amount (USD)",id="Invoice #"')
    .option('--mapping <file>', 'a JSON ledger mapping (schemas/ledger-mapping.schema.json): columns, delimiter, encoding, dateFormat, decimalComma, sheet, amountUnit, hiddenRows')
    .option('--delimiter <char>', "CSV delimiter: ',' ';' tab '|' (default: found in the header line)")
    .option('--encoding <name>', 'ledger encoding: utf-8 (default), windows-1252, latin1 or utf-16le')
    .option('--date-format <format>', `how dates are written when not YYYY-MM-DD: ${DATE_FORMATS_SHOWN.replace('YYYY-MM-DD (default), ', '')}`)
    .option('--decimal-comma', "amounts use a decimal comma (1.234,56): '.', space or ' group thousands")
    .option('--sheet <name>', 'XLSX: the worksheet to read (default: the first the workbook shows)')
    .option('--amount-unit <unit>', "'minor': amounts are whole numbers of the currency's smallest unit (a payment API's 60000 is 600.00 USD); 'major': as written")
    .option('--hidden-rows <reading>', "XLSX: 'skip' leaves out rows the sheet hides (a filter, a collapsed group), 'count' counts them; without it each hidden row is an error");
}

/** The reading the options describe; a bad value is a usage error (exit 2) naming what is accepted. */
export function ledgerReading(options: LedgerOptions): LedgerReading {
  let reading: LedgerReading = {};
  if (options.mapping !== undefined) {
    const text = readText(options.mapping);
    let data: unknown;
    try {
      data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (e) {
      throw new UsageError(`the mapping ${options.mapping} is not valid JSON: ${(e as Error).message}`);
    }
    // ajv loads only for a mapping file: every evaluation would otherwise pay for loading it.
    const { readMappingFile } = require('../ledger/mapping-file') as typeof MappingFile;
    const read = readMappingFile(data);
    if (!read.ok) throw new UsageError(`the mapping ${options.mapping} is not valid:\n${read.errors.map((e) => `  ${e}`).join('\n')}`);
    reading = { ...read.reading };
  }
  if (options.columns !== undefined) {
    const parsed = parseColumnsOption(options.columns);
    if (!parsed.ok) throw new UsageError(`${parsed.message}.`);
    reading.columns = { ...reading.columns, ...parsed.mapping };
  }
  if (options.delimiter !== undefined) {
    const d = parseDelimiter(options.delimiter);
    if (d === null) throw new UsageError(`--delimiter must be ',', ';', tab or '|', not '${options.delimiter}'.`);
    reading.delimiter = d;
  }
  if (options.encoding !== undefined) {
    const e = parseEncoding(options.encoding);
    if (e === null) throw new UsageError(`--encoding must be utf-8, windows-1252, latin1 or utf-16le, not '${options.encoding}'.`);
    reading.encoding = e;
  }
  if (options.dateFormat !== undefined) {
    if (parseDateFormat(options.dateFormat) === null) throw new UsageError(`--date-format must be one of ${DATE_FORMATS_SHOWN}, not '${options.dateFormat}'.`);
    reading.dateFormat = options.dateFormat;
  }
  if (options.decimalComma) reading.decimalComma = true;
  if (options.sheet !== undefined) reading.sheet = options.sheet;
  if (options.amountUnit !== undefined) {
    if (options.amountUnit !== 'minor' && options.amountUnit !== 'major') throw new UsageError(`--amount-unit must be 'minor' or 'major', not '${options.amountUnit}'.`);
    reading.amountUnit = options.amountUnit;
  }
  if (options.hiddenRows !== undefined) {
    if (!(HIDDEN_ROWS as readonly string[]).includes(options.hiddenRows)) throw new UsageError(`--hidden-rows must be 'skip' or 'count', not '${options.hiddenRows}'.`);
    reading.hiddenRows = options.hiddenRows as HiddenRows;
  }
  return reading;
}
