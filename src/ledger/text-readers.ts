/**
 * Reading a whole ledger text (CSV, JSON, NDJSON) into records. No Node built-ins: the playground
 * reads ledgers with these too. src/node/ has the streaming readers for files of any size.
 */
import Papa from 'papaparse';
import { parseJsonText } from '../json-text';
import { duplicateColumnIssue, repeatedJsonKey, repeatedKeyInRow, repeatedName } from './duplicate-columns';
import { detectDelimiter, firstLine, type Delimiter } from './ledger-dialect';
import { notAnObjectValue, emptyLedgerIssue, type LedgerFormat, type LedgerRecord, type ParsedLedger, type RowIssue } from './rows';

/** How a CSV reading's records were split: with ';' an amount such as 1.234 may group thousands. */
export interface CsvSplit {
  delimiter: Delimiter;
  /** Given by the caller (true), or found in the header line (false). */
  given: boolean;
}

/**
 * How each CSV reading's records were split, for the evaluation's ledger checks, which must know it even when a
 * caller hands over `records` alone and not the whole result.
 */
const splits = new WeakMap<readonly LedgerRecord[], CsvSplit>();

/** How `parseCsvLedger` or `parseLedgerText` split these records; undefined for records read otherwise. */
export function csvSplitOf(records: readonly LedgerRecord[]): CsvSplit | undefined {
  return splits.get(records);
}

/**
 * CSV with a header row; BOM, CRLF and quoted fields (with delimiters, quotes and line breaks) are
 * handled. `header` is the header's names (trimmed, lower-cased), for a ledger reading to resolve.
 */
export function parseCsvLedger(text: string, delimiter?: Delimiter): ParsedLedger & { header?: string[] } {
  return readCsv(text, { delimiter: delimiter ?? ',', given: delimiter !== undefined });
}

function readCsv(text: string, split: CsvSplit): ParsedLedger & { header?: string[] } {
  const { delimiter } = split;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { records: [], issues: [emptyLedgerIssue('csv')] };
  const result = Papa.parse<Record<string, string>>(body, {
    header: true,
    delimiter,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const issues: RowIssue[] = [];
  // papaparse renames a repeated header ("amount_1") and reads on: one header error instead.
  const repeated = Object.values(result.meta.renamedHeaders ?? {})[0];
  if (repeated !== undefined) issues.push(duplicateColumnIssue(0, repeated));
  for (const error of result.errors) {
    const row = (error.row ?? 0) + 1;
    issues.push({ row, column: '*', value: '', code: 'malformed-row', message: `malformed CSV: ${error.message}` });
  }
  splits.set(result.data, split);
  return { records: result.data, issues, header: result.meta.fields };
}

/** A JSON array of objects. */
export function parseJsonLedger(text: string): ParsedLedger {
  const json = parseJsonText(text);
  if (!json.ok) return { records: [], issues: [{ row: 0, column: '*', value: '', code: 'malformed-row', message: json.message }] };
  const data = json.value;
  if (!Array.isArray(data)) {
    return { records: [], issues: [{ row: 0, column: '*', value: '', code: 'malformed-row', message: 'a JSON ledger must be an array of objects' }] };
  }
  if (data.length === 0) return { records: [], issues: [emptyLedgerIssue('json')] };
  const parsed = collect(data.map((item, i) => ({ item, row: i + 1 })));
  // An exact repeat is gone after JSON.parse and is found on the text; a repeat in another case on the keys.
  const exact = repeatedJsonKey(text);
  const row = parsed.records.findIndex((r) => repeatedKeyOf(r) !== null);
  if (exact !== null && (row === -1 || exact.element <= row + 1)) parsed.issues.unshift(duplicateColumnIssue(exact.element, exact.name));
  else if (row !== -1) parsed.issues.unshift(duplicateColumnIssue(row + 1, repeatedKeyOf(parsed.records[row]) as string));
  return parsed;
}

/** One JSON object per line; blank lines are skipped and do not count as rows. */
export function parseNdjsonLedger(text: string): ParsedLedger {
  const items: Array<{ item: unknown; row: number; error?: string }> = [];
  let row = 0;
  let reported = false;
  let duplicate: RowIssue | null = null;
  for (const line of stripBom(text).split(/\r?\n/)) {
    if (line.trim() === '') continue;
    row++;
    try {
      items.push({ item: JSON.parse(line), row });
      const item = items[items.length - 1].item;
      const repeated = reported || item === null || typeof item !== 'object' ? null : repeatedKeyInRow(line, item);
      if (repeated !== null) {
        reported = true;
        duplicate = duplicateColumnIssue(row, repeated);
      }
    } catch (e) {
      items.push({ item: undefined, row, error: (e as Error).message });
    }
  }
  if (items.length === 0) return { records: [], issues: [emptyLedgerIssue('ndjson')] };
  const parsed = collect(items);
  if (duplicate !== null) parsed.issues.unshift(duplicate);
  return parsed;
}

/**
 * A ledger text in a format. A CSV's delimiter is `delimiter`, else the one its header line shows (as the command
 * line finds it); a header line that shows none for sure is one error asking for it, never a guess.
 */
export function parseLedgerText(text: string, format: LedgerFormat, delimiter?: Delimiter): ParsedLedger & { header?: string[] } {
  switch (format) {
    case 'csv': {
      const split = delimiter ?? detectDelimiter(firstLine(text));
      if (split === null) {
        const message = "cannot tell the CSV's delimiter from its header line (two of ',' ';' tab '|' occur in it as often as each other): give it as parseLedgerText's third argument";
        return { records: [], issues: [{ row: 0, column: '*', value: firstLine(text).slice(0, 80), code: 'malformed-row', message }] };
      }
      return readCsv(text, { delimiter: split, given: delimiter !== undefined });
    }
    case 'json':
      return parseJsonLedger(text);
    case 'ndjson':
      return parseNdjsonLedger(text);
  }
}

function collect(items: Array<{ item: unknown; row: number; error?: string }>): ParsedLedger {
  const records: LedgerRecord[] = [];
  const issues: RowIssue[] = [];
  for (const { item, row, error } of items) {
    if (error !== undefined) {
      issues.push({ row, column: '*', value: '', code: 'malformed-row', message: `not valid JSON: ${error}` });
      records.push({});
    } else if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      issues.push({ row, column: '*', value: notAnObjectValue(item), code: 'malformed-row', message: 'each row must be a JSON object' });
      records.push({});
    } else {
      records.push(item as LedgerRecord);
    }
  }
  return { records, issues };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Keys of one parsed row that name one column twice ("Amount" and "amount"). */
function repeatedKeyOf(item: unknown): string | null {
  return item !== null && typeof item === 'object' && !Array.isArray(item) ? repeatedName(Object.keys(item)) : null;
}

