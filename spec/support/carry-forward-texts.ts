/** The clause and the carry-forward sentences that the carry-forward tests read (spec/unit/carry-forward*.test.ts). */
export const CLAUSE = 'If Net Sales exceed $1,000 in each calendar quarter, the Company shall pay the Agent a bonus of $500.';
export const SENTENCES = [
  "Net Sales in excess of a calendar quarter's target shall carry forward to the next calendar quarter, including amounts carried forward.",
  'Net Sales in excess of the target for any calendar quarter shall be credited toward the target of the next calendar quarter, excluding amounts carried forward.',
  "Net Sales in excess of each calendar quarter's target shall be carried forward to the next calendar quarter, including amounts carried forward.",
  'Net Sales in excess of the target for a calendar quarter shall be applied towards the next calendar quarter, excluding amounts carried forward.',
];
