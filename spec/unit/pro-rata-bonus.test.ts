/**
 * A bonus pro-rated by the share of a target achieved, in sentences after a period opening (corpus case 091): the
 * attainment table it states, paid as a careful reader computes it, its canonical text read back as the same terms, and
 * every disagreement between its figures an error.
 */
import { parse } from '../../src/language/parse';
import { validate } from '../../src/language/check';
import { format, termsOf } from '../../src/language/format';
import { evaluate, type EvaluationSuccess } from '../../src/evaluation/evaluate';

const clause = (o: { maximum?: string; multiplied?: string; example?: string; floor?: string; such?: string; opening?: string } = {}): string =>
  `${o.opening ?? 'For each calendar year, the Company'} shall pay the Employee a Performance Bonus of up to ${o.maximum ?? '$25,000'}, equal to ${o.multiplied ?? '$25,000'} multiplied by the ` +
  `percentage of the performance target of $2,000,000 of Net Sales achieved in such ${o.such ?? 'year'}${o.example ?? ' (for example, 50% of the target earns $12,500)'}. ` +
  `If less than ${o.floor ?? '50%'} of the performance target is achieved in a year, no Performance Bonus is payable for that year.`;

const errorsOf = (text: string) => validate(text).diagnostics.filter((d) => d.severity === 'error');

describe('a bonus pro-rated by the share of a target achieved', () => {
  test('valid, one attainment table, and the canonical text reads back as the same terms', () => {
    const checked = validate(clause());
    expect(errorsOf(clause())).toEqual([]);
    const ast = checked.ast!;
    const c = ast.clauses[0];
    expect(c.form).toBe('attainment');
    expect(c.milestones[0].payment).toMatchObject({ kind: 'attainment', noun: 'bonus', proRata: { kind: 'pro-rata', target: 'performance target', unit: 'year' } });
    const text = format(ast);
    expect(text).toMatch(/^For each calendar year, the Company shall pay the Employee a Performance bonus of up to \$25,000\.00/);
    const back = parse(text);
    expect(back.diagnostics).toEqual([]);
    expect(termsOf(back.ast!)).toEqual(termsOf(ast));
    expect(format(back.ast!)).toBe(text);
  });

  test('paid in proportion from the floor to the full target, capped there, nothing below the floor', () => {
    const ledger = [
      { id: 'S1', date: '2026-04-01', amount: '1500000.00' }, // 75%: 18,750
      { id: 'S2', date: '2027-06-01', amount: '900000.00' }, // 45%: nothing
      { id: 'S3', date: '2028-03-01', amount: '1000000.00' }, // exactly the floor: 12,500
      { id: 'S4', date: '2029-03-01', amount: '3000000.00' }, // 150%: the maximum
    ];
    const r = evaluate(validate(clause()).ast!, ledger, { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2030-01-31', readIssues: [] }) as EvaluationSuccess;
    expect(r.ok).toBe(true);
    expect(r.obligations.map((o) => [o.amount, o.triggeredAt])).toEqual([
      ['18750.00', '2026-12-31'],
      ['12500.00', '2028-12-31'],
      ['25000.00', '2029-12-31'],
    ]);
  });

  test.each([
    ['the amount multiplied is not the maximum', { multiplied: '$20,000' }, '$20,000'],
    ['the example is not the formula', { example: ' (for example, 50% of the target earns $10,000)' }, '(for example'],
    ['the floor is not below the full target', { floor: '120%' }, 'If less than'],
    ['"such quarter" after an opening on each calendar year', { such: 'quarter' }, 'such quarter'],
  ])('%s: pro-rata-mismatch', (_name, o, at) => {
    const text = clause(o);
    const errors = errorsOf(text);
    expect(errors.map((d) => d.code)).toContain('pro-rata-mismatch');
    expect(errors.some((d) => d.offset <= text.indexOf(at) + at.length)).toBe(true);
  });

  test('without a period opening, "such year" names no period: an error, not a guess', () => {
    const text = clause({ opening: 'The Company' });
    expect(errorsOf(text).map((d) => d.code)).toContain('pro-rata-mismatch');
  });
});
