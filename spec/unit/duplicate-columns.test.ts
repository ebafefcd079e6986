/** Column names given twice are one header error, in the library's readers as in the CLI's streaming ones. */
import { parseLedgerText } from '../../src/ledger/text-readers';
import { CleanKeys, repeatedJsonKey, repeatedKeyInRow } from '../../src/ledger/duplicate-columns';

const codes = (text: string, format: 'csv' | 'json' | 'ndjson'): unknown[] => parseLedgerText(text, format).issues.map((i) => [i.row, i.column, i.code]);

test('CSV: one error at row 0, not one per row', () => {
  expect(codes('id,date,amount,Amount\n1,2026-01-05,1,2\n2,2026-01-06,3,4\n', 'csv')).toEqual([[0, 'amount', 'duplicate-column']]);
  expect(codes('id,date,amount\n1,2026-01-05,1\n', 'csv')).toEqual([]);
});

test('JSON and NDJSON: the first row that repeats a key, exactly or in another case; once', () => {
  const rows = ['{"id":"1","date":"2026-01-05","amount":"1"}', '{"id":"2","date":"2026-01-05","amount":"1","amount":"2"}', '{"id":"3","date":"2026-01-05","AMOUNT":"1","amount":"2"}'];
  expect(codes(`[${rows.join(',')}]`, 'json')).toEqual([[2, 'amount', 'duplicate-column']]);
  expect(codes(rows.join('\n'), 'ndjson')).toEqual([[2, 'amount', 'duplicate-column']]);
  expect(codes(`[${[rows[0], rows[2]].join(',')}]`, 'json')).toEqual([[2, 'amount', 'duplicate-column']]);
  // A key inside a string value or a nested object is not a repeat of the row's keys.
  expect(codes('[{"id":"x\\":","date":"2026-01-05","amount":"1","note":{"amount":"2"}}]', 'json')).toEqual([]);
});

test('repeatedJsonKey decodes escaped keys and counts top-level elements', () => {
  expect(repeatedJsonKey('[{"a":1},{"b":2,"\\u0062":3}]')).toEqual({ name: 'b', element: 2 });
  expect(repeatedJsonKey('[{"a":"x,y"},{"a":1,"b":{"a":2}}]')).toBeNull();
});

test('a row with the keys of the last clean row is still checked for an exact repeat and for other keys', () => {
  const lines = [
    '{"id":"1","date":"2026-01-05","amount":"1"}',
    '{"id":"2","date":"2026-01-05","amount":"1"}',
    '{"id":"3","date":"2026-01-05","amount":"1","amount":"2"}', // JSON.parse gives the clean row's keys
    '{"id":"4","date":"2026-01-05","Amount":"1"}',
    '{"id":"5","date":"2026-01-05","Amount":"1","amount":"2"}',
    '{"date":"2026-01-05","id":"6","amount":"1"}',
    '{"id":"7","date":"2026-01-05","amount":"1","note":{"amount":"2"}}',
    '{"id":"8","date":"2026-01-05","amount":"x\\":"}',
  ];
  const clean = new CleanKeys();
  for (const line of lines) {
    const item = JSON.parse(line) as object;
    expect([line, repeatedKeyInRow(line, item, clean)]).toEqual([line, repeatedKeyInRow(line, item)]);
  }
  expect(lines.map((line) => repeatedKeyInRow(line, JSON.parse(line) as object, clean))).toEqual([null, null, 'amount', null, 'amount', null, null, null]);
});
