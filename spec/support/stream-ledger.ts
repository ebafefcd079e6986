/** The clause and context the streaming tests evaluate on generated ledgers: four targets, one of each kind of count. */
export const CLAUSE =
  'The Seller agrees to meet the following sales milestones: (i) $500,000 in sales revenue by the end of the first month, ' +
  '(ii) $1,500,000 in net sales revenue by the end of the second month, (iii) 1,500 deals by the end of the quarter, and ' +
  '(iv) 60 new customers by the end of month 3. Upon achieving each milestone, the Seller will be entitled to receive a ' +
  'commission payment of $1,000.';
export const OPTIONS = { effectiveDate: '2025-12-10', timeZone: 'America/New_York', asOf: '2026-03-31' };
export const ROWS = 3000;
