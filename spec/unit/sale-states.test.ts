import { isNotASale, isWonStage, judgedStageColumns, notASaleIssue, openDealIssue } from '../../src/ledger/sale-states';

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

describe("a deal's stage column: only a won stage is a sale", () => {
  test.each(['Closed Won', 'closedwon', 'Closed - Won', 'closed_won', 'Won', ' won ', 'Deal Won'])('%p is won', (cell) => {
    expect(isWonStage(cell)).toBe(true);
  });

  test.each(['Negotiation/Review', 'Prospecting', 'Qualification', 'contractsent', 'Proposal/Price Quote', 'Closed Lost', 'Won back?', 'Not won', ''])('%p is not won', (cell) => {
    expect(isWonStage(cell)).toBe(false);
  });

  test("a stage column is judged by its won states, unless a deal's status column beside it decides (Pipedrive keeps a won deal's last pipeline stage)", () => {
    expect(judgedStageColumns(['Stage'])).toEqual([true]);
    expect(judgedStageColumns(['Deal Stage', 'Status'])).toEqual([true, false]);
    expect(judgedStageColumns(['Deal - Stage', 'Deal - Status'])).toEqual([false, false]);
    expect(judgedStageColumns(['Financial Status'])).toEqual([false]);
  });

  test('the error names the row, the column, the stage and both ways out', () => {
    const issue = openDealIssue(4, 'Stage', 'Qualification');
    expect(issue).toMatchObject({ row: 4, column: 'Stage', value: 'Qualification', code: 'open-deal' });
    expect(issue.message).toMatch(/Filter the export to won deals.*if 'Qualification' means won in your CRM, rename the column 'Stage'/);
    expect(openDealIssue(5, 'Stage', '').message).toMatch(/^row 5's Stage is empty, not a won stage: the export does not say whether the deal was won/);
  });
});
