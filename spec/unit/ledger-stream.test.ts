/**
 * The streaming ledger readers (src/node/csv-stream.ts, ndjson-stream.ts, byte-prefilter.ts) against the in-memory text readers of
 * src/ledger/text-readers.ts: same records, same row numbers, same problems, however the bytes are cut.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { LedgerRecord, RowIssue } from '../../src/ledger/rows';
import { parseCsvLedger, parseNdjsonLedger } from '../../src/ledger/text-readers';
import { hashId } from '../../src/evaluation/id-hash';
import { HEADER, LedgerGenerator } from '../../bench/generate';
import { CsvFilteredParser, hashAsciiId, type ByteRowFilter } from '../../src/node/byte-prefilter';
import { CsvStreamParser } from '../../src/node/csv-stream';
import { streamLedgerRecords } from '../../src/node/ledger-file-reader';
import { recordsFromCells, type RecordSink } from '../../src/node/ledger-sinks';
import { openLedgerSource } from '../../src/node/ledger-source';
import { NdjsonStreamParser } from '../../src/node/ndjson-stream';
import { MAX_RECORD_CHARS, RecordTooLongError, Utf8StreamError } from '../../src/node/utf8-stream';
import { encodingAdvice } from '../../src/ledger/ledger-dialect';
import { encodingProblem, firstInvalidUtf8, UsageError } from '../../src/node/io';
import { runs, SEED } from '../support/clause-arbitraries';

/** io.ts's message for a file that is not UTF-8, with a ledger's advice (the option naming its likely encoding) for the last sentence. */
function ledgerMessage(bytes: Buffer): string {
  const message = encodingProblem(bytes)!.message;
  return message.replace('Save it as UTF-8 and try again.', encodingAdvice(/UTF-16/.test(message)));
}

interface Collected {
  records: Array<{ row: number; record: LedgerRecord }>;
  issues: RowIssue[];
}

function collector(): RecordSink & Collected {
  const records: Collected['records'] = [];
  const issues: RowIssue[] = [];
  return { records, issues, record: (record, row) => records.push({ row, record }), issue: (i) => issues.push(i) };
}

/** Feeds `bytes` to a new parser in pieces cut at `cuts` (byte offsets). */
function feed(make: (sink: RecordSink) => CsvStreamParser | NdjsonStreamParser, bytes: Buffer, cuts: number[]): Collected {
  const sink = collector();
  const parser = make(sink);
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    parser.pushBytes(bytes.subarray(from, cut));
    from = cut;
  }
  parser.end();
  return { records: sink.records, issues: sink.issues };
}

const readCsv = (bytes: Buffer, cuts: number[]): Collected => feed((sink) => new CsvStreamParser(recordsFromCells(sink)), bytes, cuts);
const readNdjson = (bytes: Buffer, cuts: number[]): Collected => feed((sink) => new NdjsonStreamParser(sink), bytes, cuts);

/** What the in-memory reader gives, in the same shape (papaparse drops `__parsed_extra` only for extras). */
function expectedCsv(text: string): Collected {
  const parsed = parseCsvLedger(text);
  const records = parsed.records.map((record, i) => {
    const copy: Record<string, unknown> = { ...record };
    delete copy.__parsed_extra;
    return { row: i + 1, record: copy };
  });
  return { records, issues: [...parsed.issues].sort((a, b) => a.row - b.row) };
}

function expectedNdjson(text: string): Collected {
  const parsed = parseNdjsonLedger(text);
  return { records: parsed.records.map((record, i) => ({ row: i + 1, record })), issues: parsed.issues };
}

function sortIssues(c: Collected): Collected {
  return { records: c.records, issues: [...c.issues].sort((a, b) => a.row - b.row) };
}

const DIALECT_CASES: Record<string, string> = {
  'plain LF': 'id,date,amount\n1,2026-01-05,100\n2,2026-01-06,-20.5\n',
  'CRLF line ends': 'id,date,amount\r\n1,2026-01-05,100\r\n2,2026-01-06,-20.5\r\n',
  BOM: '\ufeffid,date,amount\n1,2026-01-05,100\n',
  'BOM and CRLF': '\ufeffId , DATE,Amount\r\n1,2026-01-05,100\r\n',
  'quoted fields with commas and quotes': 'id,customer,amount\n1,"Acme, Inc.",100\n2,"The ""Best"" Shop",5\n3,"",7\n',
  'quoted field with line breaks': 'id,customer,amount\r\n1,"two\r\nlines",100\r\n2,"lf\nonly",3\r\n',
  'trailing empty line': 'id,date,amount\n1,2026-01-05,100\n\n',
  'no final newline': 'id,date,amount\n1,2026-01-05,100',
  'blank and whitespace lines between rows': 'id,date,amount\n1,2026-01-05,100\n\n   \n,,\n2,2026-01-06,3\n',
  'multibyte characters': 'id,customer,amount\n1,Société Générale,100\n2,"東京, 株式会社",200\n3,Café 🚀 ☕,3\n',
  'too few and too many fields': 'id,date,amount\n1,2026-01-05\n2,2026-01-06,3,extra\n3,2026-01-07,4\n',
  'empty cells': 'id,date,amount,units\n1,2026-01-05,,\n,2026-01-06,5,\n',
  'quoted last field before CRLF': 'id,customer\r\n1,"a,b"\r\n2,"c"\r\n',
  'quote inside an unquoted field is literal': 'id,customer\n1,O"Brien\n',
  'one column (no delimiter after the header)': 'amount\n100\n-20.5\n\n7\n8',
  'an empty last cell, an empty middle cell': 'id,date,amount\n1,2026-01-05,\n2,,3\n3,2026-01-07,\n',
};

describe('CSV stream reader: dialect cases, compared with the in-memory reader', () => {
  for (const [name, text] of Object.entries(DIALECT_CASES)) {
    test(name, () => {
      expect(sortIssues(readCsv(Buffer.from(text, 'utf8'), []))).toEqual(expectedCsv(text));
    });
  }

  test('the BOM is dropped and headers are trimmed and lower-cased', () => {
    const got = readCsv(Buffer.from(DIALECT_CASES['BOM and CRLF'], 'utf8'), []);
    expect(got.records).toEqual([{ row: 1, record: { id: '1', date: '2026-01-05', amount: '100' } }]);
  });

  test('quoted commas, doubled quotes and line breaks are kept in the cell', () => {
    const got = readCsv(Buffer.from(DIALECT_CASES['quoted fields with commas and quotes'] + '4,"x\r\ny",1\n', 'utf8'), []);
    expect(got.records.map((r) => r.record.customer)).toEqual(['Acme, Inc.', 'The "Best" Shop', '', 'x\r\ny']);
    expect(got.issues).toEqual([]);
  });

  test('rows with the wrong number of cells are reported with their row numbers', () => {
    const got = readCsv(Buffer.from(DIALECT_CASES['too few and too many fields'], 'utf8'), []);
    expect(got.issues.map((i) => [i.row, i.code, i.message])).toEqual([
      [1, 'malformed-row', 'malformed CSV: Too few fields: expected 3 fields but parsed 2'],
      [2, 'malformed-row', 'malformed CSV: Too many fields: expected 3 fields but parsed 4'],
    ]);
  });

  test('mixed line ends: a lone LF ends a record in a CRLF file too (papaparse would keep it in the cell)', () => {
    const got = readCsv(Buffer.from('id,amount\r\n1,3\n2,4\r\n', 'utf8'), []);
    expect(got.records).toEqual([
      { row: 1, record: { id: '1', amount: '3' } },
      { row: 2, record: { id: '2', amount: '4' } },
    ]);
    expect(got.issues).toEqual([]);
  });

  test('an unterminated quote is reported', () => {
    const got = readCsv(Buffer.from('id,customer\n1,"open\n2,x\n', 'utf8'), []);
    expect(got.issues.map((i) => i.message)).toContain('malformed CSV: Quoted field unterminated');
    expect(parseCsvLedger('id,customer\n1,"open\n2,x\n').issues.map((i) => i.message)).toContain('malformed CSV: Quoted field unterminated');
  });
});

describe('CSV stream reader: any cut of the bytes gives the same records', () => {
  const all = Object.values(DIALECT_CASES).filter((t) => !t.includes('extra'));
  for (const [k, text] of all.entries()) {
    test(`case ${k + 1}: every single cut, and chunks of 1 to 7 bytes`, () => {
      const bytes = Buffer.from(text, 'utf8');
      const whole = readCsv(bytes, []);
      expect(whole).toEqual(expectedCsv(text));
      for (let cut = 0; cut <= bytes.length; cut++) expect(readCsv(bytes, [cut])).toEqual(whole);
      for (let size = 1; size <= 7; size++) {
        const cuts: number[] = [];
        for (let c = size; c < bytes.length; c += size) cuts.push(c);
        expect(readCsv(bytes, cuts)).toEqual(whole);
      }
    });
  }

  test('the named hard cuts: mid-line, mid-character, between CR and LF', () => {
    const text = 'id,customer,amount\r\n1,Zoë,10\r\n2,"a\r\nb",20\r\n';
    const bytes = Buffer.from(text, 'utf8');
    const midChar = bytes.indexOf(Buffer.from('ë', 'utf8')) + 1; // inside the two bytes of ë
    const midCrlf = bytes.indexOf('\r\n2') + 1; // after the CR, before the LF
    const midQuotedCrlf = bytes.indexOf('a\r\nb') + 2;
    const midLine = bytes.indexOf(',10');
    for (const cut of [midChar, midCrlf, midQuotedCrlf, midLine]) {
      const got = readCsv(bytes, [cut]);
      expect(got).toEqual(expectedCsv(text));
      expect(got.records.map((r) => r.record.customer)).toEqual(['Zoë', 'a\r\nb']);
    }
  });
});

describe('CSV stream reader: quoted records, property', () => {
  // Cells quoted or not, holding delimiters, doubled quotes, line breaks (of the file's own kind, so
  // that papaparse's guess of the line end is the file's) and quotes inside unquoted cells; one line
  // end a file; cut anywhere. Records that hold a quote are read by their own loop (unquoted cells
  // by searching for the delimiter up to the line end, or walked after a quoted line break): it must
  // give papaparse's cells, row numbers and problems.
  const text = (units: fc.Arbitrary<string>, maxLength: number): fc.Arbitrary<string> => fc.array(units, { maxLength }).map((u) => u.join(''));
  const plain = text(fc.constantFrom('a', 'B', ' ', '1', '.', '-', 'é'), 5);
  const cell = (eol: string): fc.Arbitrary<string> =>
    fc.oneof(
      plain,
      fc.tuple(fc.constantFrom('a', 'Z', '7'), fc.constantFrom('"', 'x"y', '""')).map(([a, b]) => a + b),
      text(fc.constantFrom('a', ',', '""', ' ', eol, 'é'), 6).map((t) => `"${t}"`),
    );
  const file = fc.constantFrom('\n', '\r\n').chain((eol) =>
    fc.integer({ min: 1, max: 4 }).chain((width) =>
      fc.tuple(
        fc.constant(eol),
        fc.constant(width),
        fc.array(fc.array(cell(eol), { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 3 }),
      ),
    ),
  );
  test('give the in-memory reader\'s records however the bytes are cut', () => {
    fc.assert(
      fc.property(file, ([eol, width, rows, finalEol, cutSeeds]) => {
        const header = Array.from({ length: width }, (_, k) => `c${k}`).join(',');
        const text = [header, ...rows.map((r) => r.join(','))].join(eol) + (finalEol ? eol : '');
        const bytes = Buffer.from(text, 'utf8');
        const cuts = [...new Set(cutSeeds.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        expect(readCsv(bytes, cuts)).toEqual(expectedCsv(text));
      }),
      { seed: SEED, numRuns: runs(400) },
    );
  });
});

describe('NDJSON stream reader', () => {
  const text = '\ufeff{"id":"a","date":"2026-01-05","amount":"10"}\r\n\r\n{"id":"b","customer":"Zoë 🚀","amount":-3}\nnot json\n[1]\n{"id":"c"}';
  test('same records, row numbers and problems as the in-memory reader', () => {
    expect(readNdjson(Buffer.from(text, 'utf8'), [])).toEqual(expectedNdjson(text));
  });
  test('every single cut gives the same result', () => {
    const bytes = Buffer.from(text, 'utf8');
    const whole = readNdjson(bytes, []);
    for (let cut = 0; cut <= bytes.length; cut++) expect(readNdjson(bytes, [cut])).toEqual(whole);
  });
});

/** Bytes from a string where `\xNN` stands for one byte (the rest is UTF-8). */
function bytesOf(spec: string): Buffer {
  const parts = spec.split(/(\\x[0-9A-F]{2})/);
  return Buffer.concat(parts.map((p) => (/^\\x[0-9A-F]{2}$/.test(p) ? Buffer.from([parseInt(p.slice(2), 16)]) : Buffer.from(p, 'utf8'))));
}

/** Ledgers that are not UTF-8: Windows-1252, cut-off, overlong, surrogate, stray continuation and invalid lead bytes. */
const NOT_UTF8: Record<string, string> = {
  'Windows-1252 é': 'id,customer,amount\n1,Caf\\xE9 Noir,100\n',
  'a character cut off by the end of the file': 'id,customer,amount\n1,Zoë,100\n2,Euro \\xE2\\x82',
  'a 4-byte start cut off by the end of the file': 'id,customer\n1,🚀\\xF0\\x9F\\x9A',
  'a 3-byte start followed by ASCII': 'id,customer,amount\n1,\\xE2\\x82A,3\n',
  'a surrogate encoded in UTF-8': 'id,customer\n1,東京\\xED\\xA0\\x80x\n',
  'an overlong slash': 'id,customer\n1,a\\xC0\\xAFb\n',
  'a lone continuation byte after é': 'id,customer\n1,é\\x80\n',
  'a byte that starts nothing': 'id,customer\n1,\\xF8\\x88\\x80\\x80\\x80\n',
  'the first byte': '\\xFFid,customer\n',
};

/** Every cut into two pieces, and chunks of 1 to 4 bytes. */
function cutsOf(length: number): number[][] {
  const all: number[][] = [[]];
  for (let cut = 0; cut <= length; cut++) all.push([cut]);
  for (let size = 1; size <= 4; size++) {
    const cuts: number[] = [];
    for (let c = size; c < length; c += size) cuts.push(c);
    all.push(cuts);
  }
  return all;
}

function utf8Failure(read: () => unknown): { byte: number; value: number; truncated: boolean } | null {
  try {
    read();
  } catch (error) {
    if (!(error instanceof Utf8StreamError)) throw error;
    expect(error).toBeInstanceOf(UsageError); // exit 2 even when a parser is used on its own
    return { byte: error.byte, value: error.value, truncated: error.truncated };
  }
  return null;
}

describe('stream readers: bytes that are not UTF-8 are refused, wherever the chunks are cut', () => {
  for (const [name, spec] of Object.entries(NOT_UTF8)) {
    test(`${name}: the same first bad byte as io.ts finds in the whole file, for CSV and NDJSON`, () => {
      const bytes = bytesOf(spec);
      const bad = firstInvalidUtf8(bytes)!;
      expect(bad).not.toBeNull();
      const want = { byte: bad.at, value: bytes[bad.at], truncated: bad.truncated };
      for (const cuts of cutsOf(bytes.length)) {
        expect([cuts, utf8Failure(() => readCsv(bytes, cuts))]).toEqual([cuts, want]);
        expect([cuts, utf8Failure(() => readNdjson(bytes, cuts))]).toEqual([cuts, want]);
      }
    });
  }

  test('the cut-off cases are reported as cut off, the others as bytes of no character', () => {
    const truncated = Object.entries(NOT_UTF8).filter(([, spec]) => firstInvalidUtf8(bytesOf(spec))!.truncated).map(([name]) => name);
    expect(truncated).toEqual(['a character cut off by the end of the file', 'a 4-byte start cut off by the end of the file']);
  });

  test('2-, 3- and 4-byte characters split between chunks at every place are valid and read whole', () => {
    const text = 'id,customer,amount\n1,é東🚀,1\n2,"ß, €",2\n3,𝄞,3';
    const bytes = Buffer.from(text, 'utf8');
    for (const cuts of cutsOf(bytes.length)) {
      const got = readCsv(bytes, cuts);
      expect(got.records.map((r) => r.record.customer)).toEqual(['é東🚀', 'ß, €', '𝄞']);
      expect(got.issues).toEqual([]);
    }
    const ndjson = Buffer.from('{"c":"é東🚀"}\n{"c":"𝄞"}', 'utf8');
    for (const cuts of cutsOf(ndjson.length)) {
      expect(readNdjson(ndjson, cuts).records.map((r) => r.record.c)).toEqual(['é東🚀', '𝄞']);
    }
  });

  test('no record after the bad byte reaches the sink', () => {
    const sink = collector();
    const parser = new CsvStreamParser(recordsFromCells(sink));
    expect(() => parser.pushBytes(bytesOf('id,c\n1,a\n2,\\xE9\n3,b\n'))).toThrow(Utf8StreamError);
    expect(sink.records).toEqual([]);
  });
});

describe('files and standard input', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-stream-test-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const csv = Object.values(DIALECT_CASES)[0] + '3,"Zoë, ☕",4\n4,2026-02-01,5\n';

  test('a file read in 3-byte chunks equals the in-memory reader', async () => {
    const file = path.join(dir, 'l.csv');
    writeFileSync(file, csv);
    const sink = collector();
    let lastBytes = 0;
    await streamLedgerRecords(file, 'csv', sink, { chunkSize: 3, onBytes: (b) => (lastBytes = b) });
    expect(sortIssues({ records: sink.records, issues: sink.issues })).toEqual(expectedCsv(csv));
    expect(lastBytes).toBe(Buffer.byteLength(csv));
  });

  test('a file of several read blocks (1 MiB each) equals the in-memory reader in any chunk size', async () => {
    // Rows of varied lengths, non-ASCII among them, so that blocks and chunks end inside rows and characters.
    const ndjson = Array.from({ length: 40_000 }, (_, i) => JSON.stringify({ id: `T${i}`, date: '2026-03-01', amount: `${i}.25`, product: i % 7 === 0 ? 'Zoë ☕ 東' : 'p'.repeat(i % 90) })).join('\n') + '\n';
    const file = path.join(dir, 'blocks.ndjson');
    writeFileSync(file, ndjson);
    expect(Buffer.byteLength(ndjson)).toBeGreaterThan(3 << 20);
    const want = parseNdjsonLedger(ndjson);
    for (const chunkSize of [undefined, 4093, 1 << 16, (1 << 20) + 5]) {
      const sink = collector();
      let lastBytes = 0;
      await streamLedgerRecords(file, 'ndjson', sink, { chunkSize, onBytes: (b) => (lastBytes = b) });
      expect(sink.issues).toEqual([]);
      expect(sink.records.length).toBe(want.records.length);
      expect(sink.records.every(({ row, record }) => JSON.stringify(record) === JSON.stringify(want.records[row - 1]))).toBe(true);
      expect(lastBytes).toBe(Buffer.byteLength(ndjson));
    }
  });

  test('a file that is not UTF-8: the usage error of io.ts (line, column, byte), in any chunk size', async () => {
    const cases: Buffer[] = [
      ...Object.values(NOT_UTF8).map(bytesOf),
      bytesOf('id,customer\r\n1,🚀 Zoë\r\n2,"two\nlines 東\\x9C"\n'),
      Buffer.from('\ufeffid,amount\n1,2\n', 'utf16le'),
      Buffer.concat([Buffer.from('id,customer,amount\n' + '1,Société Générale,100\n'.repeat(60_000)), bytesOf('2,Caf\\xE9,3\n')]),
    ];
    for (const [k, bytes] of cases.entries()) {
      const file = path.join(dir, `bad-${k}.csv`);
      writeFileSync(file, bytes);
      const want = `Cannot read '${file}': ${ledgerMessage(bytes)}`;
      for (const format of ['csv', 'ndjson'] as const) {
        for (const chunkSize of bytes.length > 1 << 20 ? [4093, 1 << 20] : [3, 1 << 20]) {
          await expect(streamLedgerRecords(file, format, collector(), { chunkSize })).rejects.toThrow(new UsageError(want));
        }
      }
    }
    expect(encodingProblem(cases[cases.length - 2])!.message).toMatch(/UTF-16/);
    expect(encodingProblem(cases[cases.length - 1])!.message).toMatch(/line 60002, column 6 \(byte 1620025 of the file\)/);
  });

  test('standard input that is not UTF-8 is named as standard input', async () => {
    const bytes = bytesOf('id,customer\n1,Caf\\xE9\n');
    const source = await openLedgerSource('-', Readable.from([bytes]));
    try {
      await expect(streamLedgerRecords(source.path, 'csv', collector())).rejects.toThrow(
        new UsageError(`Cannot read standard input: ${ledgerMessage(bytes)}`),
      );
    } finally {
      source.dispose();
    }
  });

  test('standard input is spooled to a file that can be read twice, then removed', async () => {
    const source = await openLedgerSource('-', Readable.from([Buffer.from(csv.slice(0, 10)), Buffer.from(csv.slice(10))]));
    expect(readFileSync(source.path, 'utf8')).toBe(csv);
    expect(source.size).toBe(Buffer.byteLength(csv));
    const first = collector();
    const second = collector();
    await streamLedgerRecords(source.path, 'csv', first);
    await streamLedgerRecords(source.path, 'csv', second);
    expect(second.records).toEqual(first.records);
    source.dispose();
    expect(() => readFileSync(source.path)).toThrow();
  });
});

describe('CSV second-pass reader (byte filter)', () => {
  /** The filter's rule, on the decoded cells (the reference). */
  function wanted(cells: string[], filter: ByteRowFilter): boolean {
    const date = (cells[filter.dateIndex] ?? '').trim();
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
    if (m && filter.dateKeys.has(Number(m[1] + m[2] + m[3]))) return true;
    const id = (cells[filter.idIndex] ?? '').trim();
    return filter.idHashes !== null && id !== '' && filter.idHashes.has(hashId(id));
  }

  function readAll(bytes: Buffer, cuts: number[]): Array<{ row: number; cells: string[] }> {
    const out: Array<{ row: number; cells: string[] }> = [];
    const parser = new CsvStreamParser({ header: () => undefined, cells: (cells, row) => out.push({ row, cells }), issue: () => undefined });
    feed(parser, bytes, cuts);
    return out;
  }

  function readFiltered(bytes: Buffer, cuts: number[], filter: ByteRowFilter): { header: readonly string[] | null; rows: Array<{ row: number; cells: string[] }> } {
    const rows: Array<{ row: number; cells: string[] }> = [];
    let header: readonly string[] | null = null;
    const parser = new CsvFilteredParser({ header: (h) => (header = h), cells: (cells, row) => rows.push({ row, cells }), issue: () => undefined }, filter);
    feed(parser, bytes, cuts);
    return { header, rows };
  }

  function feed(parser: { pushBytes(b: Buffer): void; end(): void }, bytes: Buffer, cuts: number[]): void {
    let from = 0;
    for (const cut of [...cuts, bytes.length]) {
      parser.pushBytes(bytes.subarray(from, cut));
      from = cut;
    }
    parser.end();
  }

  function check(text: string, filter: ByteRowFilter, cutsList: number[][]): number {
    const bytes = Buffer.from(text, 'utf8');
    const all = readAll(bytes, []);
    const byRow = new Map(all.map((r) => [r.row, r.cells]));
    const mustKeep = all.filter((r) => wanted(r.cells, filter)).map((r) => r.row);
    for (const cuts of cutsList) {
      const got = readFiltered(bytes, cuts, filter);
      // Every kept row is a real row with the same cells; every wanted row is kept.
      for (const r of got.rows) expect(r.cells).toEqual(byRow.get(r.row));
      expect(got.rows.map((r) => r.row)).toEqual(expect.arrayContaining(mustKeep));
      expect(new Set(got.rows.map((r) => r.row)).size).toBe(got.rows.length);
    }
    return mustKeep.length;
  }

  const header = 'id,date,amount,customer\r\n';
  const body = [
    'A1,2026-03-01,10,Zoë',
    'A2,2026-03-02T10:00:00Z,20,"Acme, Inc."',
    '',
    ' , , , ',
    'A3,2026-03-05,30,"two\r\nlines"',
    '\u00a0',
    'A4, 2026-03-01,40,padded date',
    'A5,2026-03-09,50,O"Brien',
    'A1,2026-04-01,60,duplicate id',
    'A6,2026-03-01T23:30:00-05:00,70,',
    'A7,2026-03-20,80,plain and unwanted',
  ].join('\r\n');
  const text = `\ufeff${header}${body}\n`;

  test('kept rows have the same row numbers and cells as a full read; wanted rows are all kept', () => {
    const filter: ByteRowFilter = { dateIndex: 1, idIndex: 0, dateKeys: new Set([20260301]), idHashes: new Set([hashId('A1')]) };
    const bytes = Buffer.from(text, 'utf8');
    const cutsList: number[][] = [[]];
    for (let cut = 0; cut <= bytes.length; cut++) cutsList.push([cut]);
    for (let size = 1; size <= 5; size++) cutsList.push(Array.from({ length: Math.floor(bytes.length / size) }, (_, k) => (k + 1) * size));
    expect(check(text, filter, cutsList)).toBe(4); // A1, A4 (padded: kept as unsure), A1 again, A6
    const got = readFiltered(bytes, [], filter);
    expect(got.header).toEqual(['id', 'date', 'amount', 'customer']);
    // Rows the filter can judge on bytes and does not want are skipped.
    expect(got.rows.map((r) => r.cells[0])).not.toContain('A7');
  });

  test('on a generated ledger, only the wanted rows (and a few unsure ones) are decoded', () => {
    const gen = new LedgerGenerator({ rows: 3000, seed: 7 });
    const lines = [HEADER + '\n'];
    gen.order(false).forEach((i) => lines.push(gen.csvLine(i, i % 3 === 0 ? '\r\n' : '\n')));
    const csv = lines.join('');
    const dates = new Set<number>([Number(gen.row(5).date.slice(0, 10).replace(/-/g, ''))]);
    const filter: ByteRowFilter = { dateIndex: 1, idIndex: 0, dateKeys: dates, idHashes: new Set([hashId('T17')]) };
    const wantedCount = check(csv, filter, [[], [1000, 5000, 5001], Array.from({ length: 50 }, (_, k) => 1 + k * 3001)]);
    expect(wantedCount).toBeGreaterThan(1);
    const got = readFiltered(Buffer.from(csv), [], filter);
    expect(got.rows.length).toBeLessThan(wantedCount + 60); // quoted records (about 1%) are read in full
  });

  test('per-seller date keys: a row is kept for its own seller\'s dates only', () => {
    const csv = 'id,date,seller\nA,2026-03-01,Ann\nB,2026-03-01,bob\nC,2026-03-02, BOB \nD,2026-03-02,Zoë\nE,2026-03-02,Ann\n';
    const filter: ByteRowFilter = {
      dateIndex: 1,
      idIndex: 0,
      dateKeys: new Set(),
      idHashes: null,
      sellerIndex: 2,
      sellerDateKeys: new Map([
        [hashId('ann'), new Set([20260301])],
        [hashId('bob'), new Set([20260302])],
      ]),
    };
    const got = readFiltered(Buffer.from(csv), [], filter);
    // A (Ann's date), C (Bob's date, seller padded and in capitals), D (non-ASCII seller: unsure).
    expect(got.rows.map((r) => [r.row, r.cells[0]])).toEqual([[1, 'A'], [3, 'C'], [4, 'D']]);
  });

  test('hashAsciiId equals hashId on ASCII ids', () => {
    for (const id of ['T1', 'INV-2001', 'x', '0123456789abcdefXYZ']) {
      expect(hashAsciiId(Buffer.from(id), 0, id.length)).toBe(hashId(id));
    }
  });
});

describe('stream readers: long records', () => {
  const cellSink = { header: () => undefined, issue: () => undefined, cells: () => undefined };

  test('a line spanning many chunks is read once, not again with every chunk', () => {
    // 1 MiB cell in 1 KiB chunks: reading the carried text again per chunk would scan about 512 MiB.
    const text = `id,date,amount,customer\nT1,2026-01-02,1.00,${'x'.repeat(1 << 20)}\nT2,2026-01-03,2.00,C2\n`;
    const bytes = Buffer.from(text);
    const rows: string[][] = [];
    const parser = new CsvStreamParser({ ...cellSink, cells: (cells) => rows.push(cells) });
    for (let at = 0; at < bytes.length; at += 1024) parser.pushBytes(bytes.subarray(at, at + 1024));
    parser.end();
    expect(rows.map((r) => [r[0], r[3].length])).toEqual([['T1', 1 << 20], ['T2', 2]]);
    expect(parser.decoded).toBeLessThanOrEqual(2 * text.length);
  });

  test('the same for an NDJSON line', () => {
    const text = `{"id":"T1","date":"2026-01-02","amount":"1","customer":"${'x'.repeat(1 << 20)}"}\n{"id":"T2","date":"2026-01-03","amount":"2"}\n`;
    const bytes = Buffer.from(text);
    const sink = collector();
    const parser = new NdjsonStreamParser(sink);
    for (let at = 0; at < bytes.length; at += 1024) parser.pushBytes(bytes.subarray(at, at + 1024));
    parser.end();
    expect(sink.records.map((r) => r.record.id)).toEqual(['T1', 'T2']);
    expect(parser.decoded).toBeLessThanOrEqual(2 * text.length);
  });

  test('a file whose records end with a lone CR (no LF at all) is read record by record, however long', () => {
    // Each chunk is read up to its last line end, CR included: the file is not one long record.
    const rows = 1 + Math.ceil(MAX_RECORD_CHARS / 20);
    const lines = ['id,date,amount'];
    for (let k = 1; k <= rows; k++) lines.push(`T${k},2026-01-02,${k}.50`);
    const bytes = Buffer.from(`${lines.join('\r')}\r`, 'latin1');
    expect(bytes.length).toBeGreaterThan(MAX_RECORD_CHARS);
    let read = 0;
    let last: string[] = [];
    const parser = new CsvStreamParser({
      ...cellSink,
      cells(cells) {
        read++;
        last = cells;
      },
    });
    for (let at = 0; at < bytes.length; at += 1 << 16) parser.pushBytes(bytes.subarray(at, at + (1 << 16)));
    parser.end();
    expect(read).toBe(rows);
    expect(last).toEqual([`T${rows}`, '2026-01-02', `${rows}.50`]);
  });

  test('a record longer than MAX_RECORD_CHARS stops the reader with row-too-long, naming the row', () => {
    const parser = new CsvStreamParser(cellSink);
    parser.push('id,date,amount\nT1,2026-01-02,1.00\nT2,2026-01-03,"');
    const piece = 'y'.repeat(1 << 20);
    let error: unknown;
    try {
      for (let i = 0; i <= MAX_RECORD_CHARS / piece.length; i++) parser.push(`${piece}\n`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RecordTooLongError);
    expect((error as RecordTooLongError).code).toBe('row-too-long');
    expect((error as RecordTooLongError).row).toBe(2);
    expect((error as Error).message).toMatch(/^row 2 is longer than 16,777,216 characters \(row-too-long\)/);
  });

  test('through a file: a usage error naming the file and the row', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'long-record-'));
    try {
      const file = path.join(dir, 'long.csv');
      writeFileSync(file, `id,date,amount\nT1,2026-01-02,${'9'.repeat(MAX_RECORD_CHARS + 10)}\n`);
      await expect(streamLedgerRecords(file, 'csv', collector())).rejects.toThrow(new UsageError(`Cannot read '${file}': row 1 is longer than 16,777,216 characters (row-too-long). A quote that is opened and never closed makes the rest of a CSV file one row: check the quotes on that row.`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
