/**
 * Ledgers at the edges: empty ledgers, JSON numbers that JSON.parse would round, and amounts longer
 * than the documented limit (spec/cli/ledger-limits.test.ts has the command line's side).
 */
import { parse } from '../../src/language/parse';
import { evaluate } from '../../src/evaluation/evaluate';
import { parseLedgerText } from '../../src/ledger/text-readers';

const CLAUSE = 'The Seller agrees to meet the following sales milestones: (i) $1,000 in sales revenue by the end of the first month, for a bonus of $100.';
const ctx = { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-03-01' };

function ast() {
  const parsed = parse(CLAUSE);
  if (!parsed.ast) throw new Error('no AST');
  return parsed.ast;
}

function evaluateText(text: string, format: 'csv' | 'json' | 'ndjson') {
  const ledger = parseLedgerText(text, format);
  return evaluate(ast(), ledger.records, { ...ctx, readIssues: ledger.issues });
}

describe('an empty ledger is an error; a header without rows is a warning', () => {
  test.each([
    ['csv', ''],
    ['csv', '\n\r\n  \n'],
    ['json', '[]'],
    ['json', ' [ ] '],
    ['ndjson', ''],
    ['ndjson', '\n\n'],
  ] as const)('%s %j → empty-ledger at row 0', (format, text) => {
    const r = evaluateText(text, format);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => ({ code: e.code, row: e.row, column: e.column }))).toEqual([{ code: 'empty-ledger', row: 0, column: '*' }]);
    expect(r.errorCount).toBe(1);
  });

  test('a header-only CSV evaluates with a no-rows warning', () => {
    const r = evaluateText('id,date,amount\n', 'csv');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.rows.total).toBe(0);
    expect(r.diagnostics.filter((d) => d.code === 'no-rows').map((d) => d.severity)).toEqual(['warning']);
  });

  test('a ledger with rows has no no-rows warning', () => {
    const r = evaluateText('id,date,amount\n1,2026-01-05,10\n', 'csv');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.diagnostics.map((d) => d.code)).not.toContain('no-rows');
  });
});

describe('JSON numbers that JSON.parse may have rounded are row errors', () => {
  test.each([
    ['9007199254740993', 'amount'],
    ['9007199254740992', 'amount'],
    ['9007199254740991', 'amount'],
    ['1000000000000000', 'amount'],
    ['100000000000000000001', 'amount'],
    ['-12345678901234567', 'amount'],
    ['0.30000000000000004', 'amount'],
    ['1234567890.1234567', 'amount'],
  ])('amount %s (written bare) → inexact-json-number at row 2', (written, column) => {
    const text = `[{"id":"a","date":"2026-01-05","amount":5},{"id":"b","date":"2026-01-06","amount":${written}}]`;
    for (const [format, body] of [['json', text], ['ndjson', text.slice(1, -1).replace('},{', '}\n{')]] as const) {
      const r = evaluateText(body, format);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.errors.map((e) => ({ row: e.row, column: e.column, code: e.code }))).toEqual([{ row: 2, column, code: 'inexact-json-number' }]);
      expect(r.errors[0].message).toContain('quote the amount as a string to keep every digit');
    }
  });

  test('units too', () => {
    const parsed = parse('The Seller agrees to meet the following sales milestones: (i) 10 units sold by the end of the first month.');
    const ledger = parseLedgerText('[{"date":"2026-01-05","units":12345678901234567890}]', 'json');
    const r = evaluate(parsed.ast!, ledger.records, { ...ctx, readIssues: ledger.issues });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([[1, 'units', 'inexact-json-number']]);
    expect(r.errors[0].message).toContain('quote the units as a string');
  });

  test.each(['123456789012345', '999999999999999', '0.1', '-1234567890.12345', '1e-7', '99999999999.9999'])('%s (at most 15 significant digits) is read', (written) => {
    const r = evaluateText(`[{"date":"2026-01-05","amount":${written}}]`, 'json');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.rows.total).toBe(1);
  });

  test('the same digits quoted as a string are read exactly', () => {
    const r = evaluateText('[{"date":"2026-01-05","amount":"9007199254740993"}]', 'json');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.milestones[0].total).toBe('9007199254740993');
  });
});

describe('ledger values longer than the documented limit are row errors (number-too-long)', () => {
  const digits = (n: number, d = '7') => d.repeat(n);
  test.each([
    ['41 integer digits', digits(41)],
    ['61 integer digits', digits(61, '9')],
    ['11 decimals', `1.${digits(11)}`],
    ['31 integer digits and 10 decimals', `${digits(31)}.${digits(10)}`],
    ['a negative 41-digit refund', `-${digits(41)}`],
    ['12 decimals below 1', `0.${'0'.repeat(11)}1`],
  ])('%s', (_name, amount) => {
    const r = evaluateText(`id,date,amount\n1,2026-01-04,5\n2,2026-01-05,${amount}\n`, 'csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => ({ row: e.row, column: e.column, code: e.code }))).toEqual([{ row: 2, column: 'amount', code: 'number-too-long' }]);
    expect(r.errors[0].message).toContain('the limit is 40 digits, at most 10 decimals');
  });

  test.each([
    ['40 integer digits', digits(40)],
    ['30 integer digits and 10 decimals', `${digits(30)}.${digits(10)}`],
    ['trailing zeros and leading zeros do not count', `000${digits(40)}.0000000000000`],
    ['10 decimals', `0.${digits(10)}`],
  ])('%s is read exactly', (_name, amount) => {
    const r = evaluateText(`id,date,amount\n1,2026-01-05,${amount}\n2,2026-01-06,${amount}\n`, 'csv');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const n = amount.replace(/^0+(?=\d)/, '');
    // Twice the value, by hand on the digits: 7…7 + 7…7 = 15…54, exact.
    const twice = (BigInt(n.replace('.', '')) * 2n).toString();
    const decimals = n.includes('.') ? n.length - n.indexOf('.') - 1 : 0;
    const expected = decimals === 0 ? twice : `${twice.slice(0, -decimals) || '0'}.${twice.slice(-decimals).padStart(decimals, '0')}`.replace(/\.?0+$/, '');
    expect(r.milestones[0].total).toBe(expected);
  });

  test('units, and a JSON number whose form is short but has too many decimals', () => {
    const parsed = parse('The Seller agrees to meet the following sales milestones: (i) 10 units sold by the end of the first month.');
    const ledger = parseLedgerText(`[{"date":"2026-01-05","units":"${digits(41)}"},{"date":"2026-01-05","units":1e-11}]`, 'json');
    const r = evaluate(parsed.ast!, ledger.records, { ...ctx, readIssues: ledger.issues });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'units', 'number-too-long'],
      [2, 'units', 'number-too-long'],
    ]);
  });

  test('a sum of many 40-digit amounts stays exact', () => {
    const big = `9${'9'.repeat(29)}.${'9'.repeat(10)}`;
    const rows = Array.from({ length: 1000 }, (_, i) => `${i + 1},2026-01-05,${big}`).join('\n');
    const r = evaluateText(`id,date,amount\n${rows}\n`, 'csv');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    // 1000 × (10^30 − 10^-10) = 10^33 − 10^-7.
    expect(r.milestones[0].total).toBe(`${'9'.repeat(33)}.${'9'.repeat(7)}`);
  });
});

describe('wording: counts agree with their nouns', () => {
  test.each([
    [1, '1 row before the effective date is not counted, but still marks its customer as already seen'],
    [2, '2 rows before the effective date are not counted, but still mark their customers as already seen'],
  ])('%i row(s) before the effective date', (n, text) => {
    const before = Array.from({ length: n }, (_, i) => `b${i},2025-12-${20 + i},10`).join('\n');
    const r = evaluateText(`id,date,amount\n${before}\na,2026-01-05,10\n`, 'csv');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.notes).toContain(text);
    expect(r.notes.join('\n')).not.toMatch(/1 row before the effective date is not counted, but still mark their/);
  });

  test('the portfolio report says "1 contract" and "2 contracts", never "contract(s)"', async () => {
    const { humanPortfolio } = await import('../../src/cli/portfolio-report');
    const contract = (id: string) => ({ id, payee: 'P', sellers: [id], clause: null, ok: false, result: { ok: false, contextError: 'bad date' } });
    const report = (n: number) =>
      ({ ok: false, contracts: Array.from({ length: n }, (_, i) => contract(`c${i + 1}`)), obligations: [], rows: { total: 1, assigned: 0, unassigned: 0, unreadable: 1 }, failed: Array.from({ length: n }, (_, i) => `c${i + 1}`), sellerProblems: [] }) as unknown as Parameters<typeof humanPortfolio>[0];
    const one = humanPortfolio(report(1), 1);
    expect(one).toContain('Portfolio: 1 contract, 1 ledger row (');
    expect(one).toContain('1 row could not be read and names no known seller');
    expect(one).toContain('1 contract failed: c1.');
    const two = humanPortfolio(report(2), 2);
    expect(two).toContain('Portfolio: 2 contracts, 1 ledger row (');
    expect(two).toContain('2 rows could not be read and name no known seller');
    expect(two).toContain('2 contracts failed: c1, c2.');
    expect(one + two).not.toContain('(s)');
  });
});
