/**
 * The words before a payment's noun ("one-time", "Founder’s") are kept the same way in every sentence form that
 * writes them: normalised as text (a typographic apostrophe is the straight one), as the payment-list and
 * payer-pays forms keep them. A form that kept them raw would name the same payment in two spellings.
 */
import { parse } from '../../src/language/parse';
import type { MilestoneNode, PaymentNode } from '../../src/language/ast';

const PLAN_BANDS =
  'The following bonus opportunities apply to new sales generated in 2026 against the 2026 sales plan of $400,000: (1) five percent (5%) of every new ' +
  'sales dollar generated up to 50% of sales plan achievement; (2) ten percent (10%) of every new sales dollar generated between 50% and 100% of sales ' +
  'plan achievement; (3) a QUALIFIER bonus of $5,000 upon 100% achievement of sales plan; and (4) fifteen percent (15%) of every new sales dollar in ' +
  'excess of sales plan achievement.';
const PAYABLE_BY =
  'The QUALIFIER payment of $100,000 shall be payable by Acme to Beta when Net Sales in a Calendar Year first reach or exceed $1,000; provided that ' +
  'such payment will be made in three (3) equal annual instalments, one in each Calendar Year (beginning with the Calendar Year in which the threshold ' +
  'is first reached) in which such threshold continues to be reached or exceeded.';
const EVENT =
  'ARX Corp. shall pay to Aegon Labs, LLC within thirty (30) days after its achievement the following QUALIFIER payment: First Commercial Sale of the ' +
  'first Product: $500,000.';
const LIST = 'Acme shall pay Beta the following QUALIFIER payments: (a) $1,000 if Net Sales exceed $10,000 in calendar year 2026; (b) $2,000 if Net Sales exceed $20,000 in calendar year 2026.';

function qualifiersOf(template: string, qualifier: string): string[] | undefined {
  const { ast, diagnostics } = parse(template.replace('QUALIFIER', qualifier));
  expect(diagnostics).toEqual([]);
  const milestone = ast!.clauses[0].milestones[0] as MilestoneNode;
  const payment = milestone.payment as PaymentNode;
  const paid = payment.kind === 'timed' ? payment.payment : payment;
  return 'qualifiers' in paid ? paid.qualifiers : undefined;
}

describe('payment qualifiers', () => {
  it.each([
    ['a plan-band bonus', PLAN_BANDS],
    ['a payment payable by a party', PAYABLE_BY],
    ['an event payment', EVENT],
    ['a payment list', LIST],
  ])('%s keeps the words before its noun normalised', (_form, template) => {
    expect(qualifiersOf(template, 'Founder’s one-time')).toEqual(["Founder's", 'one-time']);
    expect(qualifiersOf(template, "Founder's one-time")).toEqual(["Founder's", 'one-time']);
  });
});
