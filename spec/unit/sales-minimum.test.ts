/**
 * Sales targets set out in an exhibit, with remedies that are not payments: a remedy that states a payment is not read
 * (never as no payment), rows out of order are an error, and the SQL path takes the clause (spec/sql/fixtures.test.ts compares its reports).
 */
import { validate } from '../../src/language/check';
import { checkSupported } from '../../src/sql/plan';

const clause = (remedy: string, rows: string): string =>
  'Distributor hereby commits to Supplier to achieve, at a minimum, the sales targets set forth on Exhibit C for each Contract Year during the Term (the "Sales Minimum"). ' +
  `If Distributor fails to achieve the Sales Minimum in any period specified in Exhibit C, Supplier may, at its discretion, either (i) terminate this Agreement in accordance with Section 9.1, or (ii) ${remedy}. ` +
  `Exhibit C - Sales Minimum: ${rows}.`;
const ROWS = 'Contract Year 1: $600,000; Contract Year 2: $900,000';

describe('a commitment to sales targets in an exhibit', () => {
  test('read: one milestone per row, no payment', () => {
    const r = validate(clause('revoke the exclusive appointment granted under Section 1.3', ROWS));
    expect(r.valid).toBe(true);
    expect(r.ast!.clauses[0].milestones.map((m) => [m.window.kind === 'defined-period' && m.window.which, m.payment])).toEqual([[1, null], [2, null]]);
  });

  test('a remedy that is a payment is not read as a remedy that is not', () => {
    const r = validate(clause('pay Supplier the difference within thirty (30) days', ROWS));
    expect(r.valid).toBe(false);
    const text = clause('pay Supplier the difference within thirty (30) days', ROWS);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    // The error is at the payment remedy itself, named as a shortfall payment.
    expect(errors[0]).toMatchObject({ code: 'unsupported-construct', line: 1, offset: text.indexOf('pay Supplier the difference') });
    expect(errors[0].column).toBe(errors[0].offset + 1);
    expect(errors[0].message).toContain('a shortfall payment');
  });

  test('rows out of order are sales-minimum-mismatch', () => {
    const r = validate(clause('revoke the exclusive appointment granted under Section 1.3', 'Contract Year 2: $900,000; Contract Year 1: $600,000'));
    expect(r.diagnostics.filter((d) => d.code === 'sales-minimum-mismatch')).toHaveLength(2);
  });

  test('the SQL path takes it', () => {
    const ast = validate(clause('revoke the exclusive appointment granted under Section 1.3', ROWS)).ast!;
    expect(() => checkSupported(ast)).not.toThrow();
  });
});
