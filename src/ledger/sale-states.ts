/**
 * States in a stage or status column that say a row is no sale: a failed or declined payment (Stripe's
 * payments export keeps them, with `Status` Failed), a cancelled or voided order, a lost deal
 * (Salesforce's `Closed Lost`, HubSpot's `closedlost`), an uncaptured charge. The ledger counts every row as a sale or a refund,
 * so such a row is that row's error, never counted and never dropped without a word: the export is
 * filtered by the user, who knows which rows count.
 *
 * Pure and browser-safe.
 */
import type { RowIssue } from './rows';

const NOT_A_SALE = /^(failed|declined|canceled|cancelled|voided|void|closed[ _-]?lost|lost|expired|blocked|rejected|abandoned|uncaptured|incomplete|requires_payment_method|deleted)$/i;

/**
 * A deal's status column (Pipedrive's `Deal - Status`: open, won, lost, deleted) says `open` for a deal not yet
 * won. An invoice's `Open` is a sale billed and not yet paid, so only a column whose header names a deal reads it so.
 */
const DEAL_HEADER = /(^|[^a-z])deals?([^a-z]|$)/i;
const OPEN = /^\s*open\s*$/i;

/** The first letters of those states (lower-cased), so that most cells are judged by one character. */
const FIRST = new Set(['f', 'd', 'c', 'v', 'l', 'e', 'b', 'r', 'a', 'u', 'i', 'o'].map((c) => c.charCodeAt(0)));

/** Whether a stage or status cell says the row is no sale; `header` is its column's name. */
export function isNotASale(cell: string, header = ''): boolean {
  if (cell.length < 4 || !FIRST.has(cell.trimStart().charCodeAt(0) | 0x20)) return false;
  return NOT_A_SALE.test(cell.trim()) || (OPEN.test(cell) && DEAL_HEADER.test(header));
}

export function notASaleIssue(row: number, column: string, state: string): RowIssue {
  return {
    row,
    column,
    value: state,
    code: 'not-a-sale',
    message:
      `row ${row}'s ${column} is '${state}': ${/^[aeiou]/i.test(state) ? 'an' : 'a'} ${state.toLowerCase()} payment, order or deal is not a sale, and the ledger counts every row as one. ` +
      `Filter the export to the rows that count (or delete the column '${column}' if it does not say whether a sale was made)`,
  };
}

/**
 * A CRM deal's stage column ("Stage" in Salesforce and Zoho, HubSpot's "Deal Stage", "Opportunity Stage"): a deal is
 * a sale once won, and every other stage (Prospecting, Qualification, Negotiation/Review, Contract Sent, …) is a deal
 * still open. Open stages are many and each CRM lets users name their own, so the column is read by the won states
 * it names, and any other stage is the row's error: counting an open deal as a sale is a misreading a careful
 * reader would not make, and treating an unknown won stage as open is one the user sees and fixes.
 */
const STAGE_HEADER = /(^|[^a-z])(deal)?stage([^a-z]|$)/i;

/** Whether a header names a deal's stage column. */
export function isStageHeader(header: string): boolean {
  return STAGE_HEADER.test(header);
}

/**
 * The stage columns whose cells say whether each deal is won: every stage column, unless a status column beside it
 * says so (Pipedrive's `Deal - Status` open/won/lost beside `Deal - Stage`, where a won deal keeps its last
 * pipeline stage, such as "Negotiations Started").
 */
export function judgedStageColumns(headers: readonly string[]): boolean[] {
  // `headers` are the export's stage and status columns.
  const status = headers.some((h) => !isStageHeader(h) && DEAL_HEADER.test(h));
  return headers.map((h) => isStageHeader(h) && !status);
}

/** A stage that says a deal is won: "Closed Won" (Salesforce, Zoho, HubSpot's label), `closedwon`, "Won", "Deal Won". */
export function isWonStage(cell: string): boolean {
  const letters = cell.toLowerCase().replace(/[^a-z]/g, '');
  return letters === 'closedwon' || letters === 'won' || letters === 'dealwon';
}

export function openDealIssue(row: number, column: string, stage: string): RowIssue {
  const said = stage === '' ? 'empty' : `'${stage}'`;
  return {
    row,
    column,
    value: stage,
    code: 'open-deal',
    message:
      `row ${row}'s ${column} is ${said}, not a won stage: ${stage === '' ? 'the export does not say whether the deal was won' : 'the deal is still open'}, and the engine does not count it as a sale (read as one, its amount would count before the deal is won). ` +
      `Filter the export to won deals (Stage 'Closed Won'); if ${stage === '' ? 'such a row' : `'${stage}'`} means won in your CRM, rename the column '${column}' so that it is not read as a deal stage`,
  };
}
