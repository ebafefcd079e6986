/**
 * The clause-level explanation (summariseClause, describeComparator) and the metric a computed payment
 * is counted on (paymentBaseMetric), which the evaluator sums and evaluateWithSeries hands to a chart.
 */
import { validate } from '../../src/language/check';
import { describeComparator, summariseClause } from '../../src/language/describe';
import { paymentParts } from '../../src/language/payment-parts';
import { paymentBaseMetric } from '../../src/evaluation/payments/computed-payment';
import { evaluateWithSeries, runningTotals } from '../../src/evaluation/evaluate';
import type { DocumentNode, UnlimitedPaymentNode } from '../../src/language/ast';
import { Dec } from '../../src/values/money';

const S = 'The Seller agrees to meet the following sales milestones: ';

function ast(text: string): DocumentNode {
  const r = validate(text);
  if (!r.ast || !r.valid) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.ast;
}

function payments(text: string): UnlimitedPaymentNode[] {
  return ast(text).clauses.flatMap((c) => [...c.milestones.flatMap((m) => (m.payment ? [m.payment] : [])), ...c.payments.map((p) => p.payment)]).map((p) => paymentParts(p).base);
}

test('a conditional clause: its heading, its form and who pays whom; the comparison strict', () => {
  const doc = ast('Launch Bonus. If Reseller generates Net Revenue in excess of $50,000 within ninety (90) days after the Effective Date, Vendor shall pay Reseller a bonus of $2,500.');
  const s = summariseClause(doc.clauses[0]);
  expect(s.heading).toBe('Launch Bonus');
  expect(s.parties).toBe('Vendor pays Reseller');
  expect(s.form).toMatch(/^a conditional sentence/);
  expect(s.milestones).toHaveLength(1);
  expect(s.milestones[0].comparison).toBe("more than, strict ('in excess of': a total equal to the target does not meet it)");
  expect(s.milestones[0].target).toMatch(/^more than \$50,000\.00 in net sales revenue/);
});

test('a payer-pays clause with "at least" is inclusive; an enumerated one names its party, and no comparison is written', () => {
  const payer = ast('4.2 Performance Bonus. The Company shall pay to the Sales Agent a bonus of $5,000 when Gross Sales during the first year are at least $250,000.');
  expect(summariseClause(payer.clauses[0]).heading).toBe('4.2 Performance Bonus');
  expect(describeComparator(payer.clauses[0].milestones[0])).toBe("at least, inclusive ('at least': a total equal to the target meets it)");
  const seed = ast(`${S}(i) $100,000 in sales revenue by the end of the first month, for a bonus of $500.`);
  const s = summariseClause(seed.clauses[0]);
  expect([s.heading, s.parties]).toEqual([null, 'Seller']);
  expect(s.milestones[0].comparison).toBe('at least (no comparison written: a total equal to the target meets it)');
});

test('the metric a payment is counted on: net when it says so, else gross; none for a fixed amount', () => {
  const text =
    `${S}(i) $100,000 in sales revenue by the end of the first month, (ii) $200,000 in sales revenue by the end of the second month, and (iii) $300,000 in sales revenue by the end of the third month. ` +
    'Upon achieving milestone (i), the Seller will receive a commission of 2% of net sales revenue. ' +
    'Upon achieving milestone (ii), the Seller will receive a commission of 5% on Net Sales up to $100,000 and 7% on Net Sales above $100,000, on a marginal basis. ' +
    'Upon achieving milestone (iii), the Seller will receive a bonus of $1,000.';
  expect(payments(text).map(paymentBaseMetric)).toEqual(['net-revenue', 'net-revenue', null]);
  expect(payments(`${S}(i) $100,000 in sales revenue by the end of the first month. Upon achieving each milestone, the Seller will receive a commission of 2% of sales revenue.`).map(paymentBaseMetric)).toEqual(['gross-revenue']);
});

test('evaluateWithSeries adds the series a payment is counted on, and the obligation is the rate of its total', () => {
  const doc = ast(`${S}(i) $100,000 in sales revenue by the end of the first month. Upon achieving each milestone, the Seller will receive a commission of 2% of net sales revenue.`);
  const rows = [
    { id: 'A', date: '2026-01-05', amount: '120000' },
    { id: 'B', date: '2026-01-20', amount: '-20000' },
  ];
  const { report, series } = evaluateWithSeries(doc, rows, { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-01-31' });
  if (!report.ok) throw new Error('evaluation failed');
  expect(series.map((s) => s.metric)).toEqual(['gross-revenue', 'net-revenue']);
  const net = series.find((s) => s.metric === 'net-revenue')!;
  const { total } = runningTotals(net, '2026-01-01', '2026-01-31');
  expect(total).toBe('100000');
  expect(report.obligations.map((o) => o.amount)).toEqual([new Dec(total).times('0.02').toFixed(2)]);
  expect(report.obligations[0].amount).toBe('2000.00');
});

test('a cap per calendar or fiscal year is described as such, never as a contract year', () => {
  const { describePayment } = jest.requireActual<typeof import('../../src/language/describe')>('../../src/language/describe');
  const calendar = ast('Refiner shall pay Marketer 1% of Net Sales in each calendar quarter (the "Sales Incentive"). The sum of the quarterly Sales Incentives for any calendar year shall not exceed $5,000.');
  expect(describePayment(calendar.clauses[0].milestones[0].payment!)).toMatch(/at most \$5,000\.00 in each calendar year \(on the sum of the quarterly Sales Incentives\)/);
  const contract = ast('The Salesperson shall earn a commission of eight percent (8%) of Net Sales in each quarter; provided that commissions earned in any year shall not exceed Forty Thousand Dollars ($40,000).');
  expect(describePayment(contract.clauses[0].milestones[0].payment!)).toMatch(/at most \$40,000\.00 in each contract year$/);
});
