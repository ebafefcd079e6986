import { resolveHeader, unreadStatusNote } from '../../src/ledger/column-mapping';

const statusNotes = (header: string[], mapping = {}): string[] =>
  resolveHeader(header, mapping, ['date', 'amount']).notes.filter((n) => n.includes('is not read'));

describe('a stage or status column the ledger does not read', () => {
  test('is named in a note, as written in the header', () => {
    expect(statusNotes(['Opportunity ID', 'Stage', 'Close Date', 'Amount'])).toEqual([unreadStatusNote('Stage')]);
    expect(statusNotes(['Record ID', 'Deal Stage', 'Close Date', 'Amount'])).toEqual([unreadStatusNote('Deal Stage')]);
    expect(statusNotes(['dealstage', 'closedate', 'date', 'amount'])).toEqual([unreadStatusNote('dealstage')]);
    expect(statusNotes(['Order Status', 'date', 'amount', 'payment_status'])).toEqual([unreadStatusNote('Order Status'), unreadStatusNote('payment_status')]);
  });

  test('the note says every row counts and what to do', () => {
    expect(unreadStatusNote('Stage')).toBe(
      "column 'Stage' is not read: every row counts as a sale or a refund whatever it says there, including deals marked lost, open or cancelled; filter the export to the rows that count first",
    );
  });

  test('other words and a column read as a ledger column give no such note', () => {
    expect(statusNotes(['date', 'amount', 'Stagecoach Route', 'Statuses', 'Backstage'])).toEqual([]);
    expect(statusNotes(['date', 'amount', 'Status'], { customer: 'Status' })).toEqual([]);
  });
});
