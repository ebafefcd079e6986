import { resolveHeader, stageNote, unreadRefundNote, unreadStatusNote } from '../../src/ledger/column-mapping';

const statusNotes = (header: string[], mapping = {}): string[] =>
  resolveHeader(header, mapping, ['date', 'amount']).notes.filter((n) => n.includes('is not read') || n.includes("deal's stage"));

describe('a stage or status column the ledger does not read', () => {
  test('is named in a note, as written in the header', () => {
    expect(statusNotes(['Opportunity ID', 'Stage', 'Close Date', 'Amount'])).toEqual([stageNote('Stage')]);
    expect(statusNotes(['Record ID', 'Deal Stage', 'Close Date', 'Amount'])).toEqual([stageNote('Deal Stage')]);
    expect(statusNotes(['dealstage', 'closedate', 'date', 'amount'])).toEqual([stageNote('dealstage')]);
    expect(statusNotes(['Deal - Stage', 'Deal - Status', 'date', 'amount'])).toEqual([unreadStatusNote('Deal - Stage'), unreadStatusNote('Deal - Status')]);
    expect(statusNotes(['Order Status', 'date', 'amount', 'payment_status'])).toEqual([unreadStatusNote('Order Status'), unreadStatusNote('payment_status')]);
  });

  test('the note says which rows are errors, that every other row counts, and what to do', () => {
    expect(unreadStatusNote('Status')).toBe(
      "column 'Status' is not read as a ledger column: a row it marks failed, declined, cancelled, voided, lost or (a deal's) open or deleted is that row's error, and every other row counts as a sale or a refund whatever it says there; filter the export to the rows that count first",
    );
    expect(stageNote('Stage')).toMatch(/^column 'Stage' is read as each deal's stage: a deal counts as a sale only at a won stage/);
  });

  test('other words and a column read as a ledger column give no such note', () => {
    expect(statusNotes(['date', 'amount', 'Stagecoach Route', 'Statuses', 'Backstage'])).toEqual([]);
    expect(statusNotes(['date', 'amount', 'Status'], { customer: 'Status' })).toEqual([]);
  });
});

describe('exports as payment processors and accounting tools write them', () => {
  const read = (header: string[], mapping = {}) => resolveHeader(header, mapping, ['date', 'amount']);

  test("a creation date is read only when no other date name fits: Stripe's `Created date (UTC)`, but a CRM's Close Date before its Created Date", () => {
    const stripe = read(['id', 'Created date (UTC)', 'Amount', 'Amount Refunded', 'Currency', 'Status']);
    expect(stripe.problem).toBeNull();
    expect(stripe.names[1]).toBe('date');
    expect(stripe.datesInUtc).toBe(true);
    expect(stripe.refundColumn).toBe(3);
    const salesforce = read(['Opportunity ID', 'Created Date', 'Close Date', 'Amount']);
    expect(salesforce.problem).toBeNull();
    expect(salesforce.names).toEqual(['id', 'created date', 'date', 'amount']);
    expect(salesforce.datesInUtc).toBe(false);
  });

  test("the column of amounts refunded is the one named after the amount column, else the only one; another is named in a note as not read", () => {
    const stripe = read(['id', 'Created date (UTC)', 'Amount', 'Amount Refunded', 'Currency', 'Converted Amount', 'Converted Amount Refunded']);
    expect(stripe.refundColumn).toBe(3);
    expect(stripe.notes).toContain(unreadRefundNote('Converted Amount Refunded'));
    const two = read(['date', 'Total', 'Refunded Amount', 'Refunds']);
    expect(two.refundColumn).toBe(-1);
    expect(two.notes).toEqual(expect.arrayContaining([unreadRefundNote('Refunded Amount'), unreadRefundNote('Refunds')]));
    expect(read(['date', 'Converted Amount', 'Converted Amount Refunded', 'Amount Refunded'], { amount: 'Converted Amount' }).refundColumn).toBe(2);
    expect(read(['Name', 'Paid at', 'Total', 'Refunded Amount'], { date: 'Paid at' }).refundColumn).toBe(3);
    expect(read(['date', 'amount_refunded', 'amount']).refundColumn).toBe(1);
    expect(read(['date', 'amount']).refundColumn).toBe(-1);
  });

  test('a date header naming UTC or GMT makes its times UTC; other headers do not', () => {
    expect(read(['Date (UTC)', 'amount']).datesInUtc).toBe(true);
    expect(read(['Date [GMT]', 'amount']).datesInUtc).toBe(true);
    expect(read(['date', 'amount', 'Created (UTC)']).datesInUtc).toBe(false);
    expect(read(['Close Date', 'amount']).datesInUtc).toBe(false);
  });

  test('a report title above the header is one error saying so (not for a one-column header that is a header)', () => {
    const titled = read(['Acme Books LLC']);
    expect(titled.problem).toMatchObject({ row: 0, column: 'date', code: 'missing-column' });
    expect(titled.problem?.message).toBe(
      "the header has no 'date' column; the first line ('Acme Books LLC') is not a header but a title or note above it: delete the lines above the header row (or, in a workbook, the rows above it)",
    );
    expect(read(['Sales Report', '', '']).problem?.message).toMatch(/the first line \('Sales Report'\) is not a header/);
    expect(read(['date']).problem?.message).not.toMatch(/title/);
  });

  test('one row per line item with the order total as the amount: one header error, unless the order number is the id', () => {
    const shopify = ['Name', 'Created at', 'Total', 'Lineitem quantity', 'Lineitem name', 'Lineitem price'];
    expect(read(shopify).problem).toMatchObject({ row: 0, column: 'amount', code: 'order-total-per-line', value: 'Total' });
    expect(read(shopify, { id: 'Name' }).problem).toBeNull();
    expect(read(shopify, { amount: 'Lineitem price' }).problem).toBeNull();
    expect(read(['Order ID', 'Order Date', 'Total', 'Line Item SKU']).problem).toBeNull();
  });
});
