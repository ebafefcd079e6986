import { validate } from '../../src/language/check';

const codes = (text: string): string[] => validate(text).diagnostics.map((d) => d.code);
const MILESTONE = (target: string): string =>
  `The Seller agrees to meet the following sales milestones: (i) ${target} in sales revenue by the end of the first quarter. Upon achieving the milestone, the Seller will be entitled to receive a commission of $100.`;

describe('an amount written to more decimal places than its currency has', () => {
  test('a target of $100,000.005 is a warning naming the two amounts beside it', () => {
    const found = validate(MILESTONE('$100,000.005')).diagnostics.filter((d) => d.code === 'amount-beyond-minor-unit');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain("Write '$100,000.00' or '$100,000.01', the amount meant.");
  });

  test('a threshold in a payer-pays sentence is warned; the fixed payment keeps its own warning, once', () => {
    const c = codes('The Company shall pay the Agent a bonus of $5,000.005 if Net Sales exceed $100,000.125.');
    expect(c.filter((x) => x === 'amount-beyond-minor-unit')).toHaveLength(1);
    expect(c.filter((x) => x === 'payment-beyond-minor-unit')).toHaveLength(1);
  });

  test('amounts within the minor unit, and a currency of three decimals, are not warned', () => {
    expect(codes(MILESTONE('$100,000.50'))).not.toContain('amount-beyond-minor-unit');
    expect(codes(MILESTONE('$100,000'))).not.toContain('amount-beyond-minor-unit');
    expect(codes(MILESTONE('JPY 100,000'))).not.toContain('amount-beyond-minor-unit');
  });
});
