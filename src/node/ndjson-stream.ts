/** An incremental NDJSON reader from a file or standard input, one record at a time. */
import { notAnObjectValue, type LedgerRecord } from '../ledger/rows';
import type { RecordSink } from './ledger-sinks';
import { CleanKeys, duplicateColumnIssue, repeatedKeyInRow } from '../ledger/duplicate-columns';
import { TextStreamParser, type RowStarts } from './utf8-stream';
import { NdjsonRowScanner, textCodes, type TextCodes } from './ndjson-row-scanner';

const CR = 13;

/** An incremental NDJSON reader: one JSON object per line; blank lines are skipped and not counted. */
export class NdjsonStreamParser extends TextStreamParser {
  private readonly sink: RecordSink;
  private row = 0;
  /** A repeated key is reported once, at the first row that has one. */
  private duplicateReported = false;
  private readonly cleanKeys = new CleanKeys();
  /** Reads lines of the shape of the last clean row without JSON.parse (ndjson-row-scanner.ts). */
  private readonly scanner = new NdjsonRowScanner();
  /** The character codes of the text being scanned (null: not made yet). */
  private codes: TextCodes | null = null;

  constructor(sink: RecordSink, positions: RowStarts | null = null) {
    super(positions);
    this.sink = sink;
  }

  protected pendingRow(): number {
    return this.row + 1;
  }

  protected scan(text: string, final: boolean): number {
    // The scanner reads character codes: the ASCII bytes the text was decoded from, or the text's
    // own (made when a line is first scanned).
    const bytes = this.asciiBytes();
    this.codes = bytes !== null ? { codes: bytes, at: this.asciiByte() } : null;
    let pos = 0;
    let nl = text.indexOf('\n');
    while (nl !== -1) {
      this.line(text, pos, nl);
      pos = nl + 1;
      nl = text.indexOf('\n', pos);
    }
    if (!final) return pos;
    if (pos < text.length) this.line(text, pos, text.length);
    return text.length;
  }

  private line(text: string, from: number, to: number): void {
    const end = to > from && text.charCodeAt(to - 1) === CR ? to - 1 : to;
    // A line of the last clean row's keys, in order, and plain values: the object JSON.parse would
    // give, and no repeated key (the keys are that row's), so nothing else below applies to it.
    const scanned = this.scanner.learnt ? this.scanner.read(text, (this.codes ??= { codes: textCodes(text), at: 0 }), from, end) : null;
    if (scanned !== null) {
      const row = ++this.row;
      this.rowStart(row, from);
      this.sink.record(scanned, row);
      return;
    }
    const line = text.slice(from, end);
    if (line.trim() === '') return;
    const row = ++this.row;
    this.rowStart(row, from);
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch (e) {
      this.sink.issue({ row, column: '*', value: '', code: 'malformed-row', message: `not valid JSON: ${(e as Error).message}` });
      this.sink.record({}, row);
      return;
    }
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      this.sink.issue({ row, column: '*', value: notAnObjectValue(item), code: 'malformed-row', message: 'each row must be a JSON object' });
      this.sink.record({}, row);
      return;
    }
    if (!this.duplicateReported) {
      const repeated = repeatedKeyInRow(line, item, this.cleanKeys);
      if (repeated !== null) {
        this.duplicateReported = true;
        this.sink.issue(duplicateColumnIssue(row, repeated));
      } else {
        // Found clean: lines with these keys in this order can be scanned from now on.
        const keys = Object.keys(item);
        if (!this.scanner.knows(keys)) this.scanner.learn(keys);
      }
    }
    this.sink.record(item as LedgerRecord, row);
  }
}
