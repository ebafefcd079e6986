import { isNotASale, notASaleIssue } from '../../src/ledger/sale-states';

describe('stage and status cells that say a row is no sale', () => {
  test.each(['Failed', 'failed', 'Declined', 'Canceled', 'Cancelled', 'Voided', 'Closed Lost', 'closedlost', 'closed_lost', 'Lost', 'Expired', 'Uncaptured', ' Failed '])('%p', (cell) => {
    expect(isNotASale(cell)).toBe(true);
  });

  test.each(['Paid', 'Succeeded', 'Closed Won', 'closedwon', 'Refunded', 'Partially refunded', 'paid', 'Open', 'Lost and found', 'Failed over', ''])('%p is not such a state', (cell) => {
    expect(isNotASale(cell)).toBe(false);
  });

  test('the error names the row, the column and the state', () => {
    expect(notASaleIssue(3, 'Stage', 'Closed Lost')).toMatchObject({ row: 3, column: 'Stage', value: 'Closed Lost', code: 'not-a-sale' });
  });
});

test("'Open' is no sale only in a column whose header names a deal (Pipedrive's `Deal - Status`); an invoice's Open status is a sale billed", () => {
  expect(isNotASale('open', 'Deal - Status')).toBe(true);
  expect(isNotASale(' Open ', 'deal stage')).toBe(true);
  expect(isNotASale('Open', 'Status')).toBe(false);
  expect(isNotASale('Open', 'Invoice Status')).toBe(false);
  expect(isNotASale('deleted', 'Deal - Status')).toBe(true);
  expect(isNotASale('Opened', 'Deal - Status')).toBe(false);
});
