/**
 * The clause AST: what the grammar builds and every later pass reads.
 *
 * Every node is plain JSON (no classes, no Dates, no Decimals) so that an AST can be stored, sent
 * to a browser or compared in a fixture. Amounts and counts are decimal strings, ordinals are
 * integers, dates are ISO `YYYY-MM-DD` strings (possibly impossible ones such as `2026-02-30`:
 * the grammar records what was written and the checker reports it).
 */

/** A point in the source text: 1-based line and column (UTF-16 code units), 0-based offset. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A half-open source range: `end` is just past the last character. */
export interface Range {
  start: Position;
  end: Position;
}

export interface DocumentNode {
  kind: 'document';
  clauses: ClauseNode[];
  range: Range;
}

/**
 * One milestone clause. `form` tells which of the two written forms it came from:
 * `enumerated` ("The Seller agrees to meet the following sales milestones: (i) …") or
 * `headed` (lines such as "Month 1 Milestone: Close $150,000 in sales revenue.").
 */
export interface ClauseNode {
  kind: 'clause';
  /**
   * `payer-pays`: "<Payer> shall pay <Payee> <payment> if/when/upon <condition>."; `conditional`:
   * "If <condition>, <Payer> shall pay <Payee> <payment>." Both hold one milestone: the condition.
   */
  form: 'enumerated' | 'headed' | 'payer-pays' | 'conditional';
  /** The clause's own title, "4.2 Performance Bonus.", when one is written before it. */
  heading?: ClauseHeadingNode;
  /** Who pays, in the payer-pays and conditional forms (then `party` is who is paid). */
  payer?: PartyNode;
  /** The obligated party; null for the headed form, which names none. */
  party: PartyNode | null;
  milestones: MilestoneNode[];
  /** The "Upon achieving …, the Seller will receive …" sentences that follow the milestones. */
  payments: PaymentTermNode[];
  range: Range;
}

/** "4.2 Performance Bonus.", "Article 6.2 Target Bonus.", "Sales Bonus.". */
export interface ClauseHeadingNode {
  kind: 'clause-heading';
  /** The section number as written ("4.2", "2.3(a)", "Article 6.2", "3."), or null. */
  number: string | null;
  /** The title's words, joined by single spaces, without the final period. */
  title: string;
  range: Range;
}

export interface PartyNode {
  kind: 'party';
  /** The name as written, words joined by single spaces ("Sales Agent"). */
  name: string;
  range: Range;
}

export interface MilestoneNode {
  kind: 'milestone';
  /**
   * How the milestone is referred to: the enumerator without brackets or dot ("i", "a", "1"),
   * the heading in the headed form ("Month 1", "Quarterly Goal"), or null when there is none.
   */
  label: string | null;
  /** Where the label was written, and in which style; null when the milestone has no label. */
  labelSource: LabelSourceNode | null;
  target: TargetNode;
  window: WindowNode;
  /** A payment written in the item itself (", for a bonus of $5,000"), or the payment of a payer-pays sentence. */
  payment: PaymentNode | null;
  /**
   * How the total is compared with the target, when the words say ("exceed", "at least"). Absent,
   * the target is met when the total reaches it (greater or equal).
   */
  comparator?: ComparatorNode;
  /** The party whose sales count, when a condition names one ("If Reseller generates Net Revenue …"). */
  achiever?: PartyNode;
  range: Range;
}

/** "exceed", "in excess of", "more than" (strict: greater than); "at least", "not less than", "or more", "reaches" (greater or equal). */
export interface ComparatorNode {
  kind: 'comparator';
  strict: boolean;
  /** The words as written, lower case ("in excess of", "or more"). */
  words: string;
  range: Range;
}

export interface LabelSourceNode {
  kind: 'label';
  /**
   * `parenthesised`: "(i)", "(a)", "(1)"; `dotted`: "1."; `heading`: "Month 1 Milestone:".
   * Whether "(i)" is a roman numeral or a letter is decided by the checker from its neighbours.
   */
  style: 'parenthesised' | 'dotted' | 'heading';
  /** The text as written, e.g. "(ii)" or "Month 1 Milestone". */
  text: string;
  range: Range;
}

export type TargetNode = RevenueTargetNode | UnitsTargetNode | NewCustomersTargetNode | DealsTargetNode;

export interface RevenueTargetNode {
  kind: 'revenue';
  amount: MoneyNode;
  /** "gross" or "net" as written; null when the clause does not say (evaluated as gross). */
  basis: 'gross' | 'net' | null;
  /**
   * The metric as a defined term, as written in a payer-pays or conditional sentence ("Net Sales",
   * "aggregate Net Revenue", "Bookings"); its gross/net word decides `basis`.
   */
  term?: string;
  /** A scope phrase as written ("of Products in the Territory"): not applied to the ledger, and warned. */
  scope?: string;
  range: Range;
}

export interface UnitsTargetNode {
  kind: 'units';
  count: string;
  /** The product named in quotes, or null for units of anything. */
  product: string | null;
  range: Range;
}

export interface NewCustomersTargetNode {
  kind: 'new-customers';
  count: string;
  /** The noun used ("customers" or "clients"), kept so that text can be written back faithfully. */
  noun: 'customers' | 'clients';
  range: Range;
}

export interface DealsTargetNode {
  kind: 'deals';
  count: string;
  noun: 'sales' | 'deals' | 'closed deals';
  range: Range;
}

export interface MoneyNode {
  kind: 'money';
  /** The amount as an exact decimal string with any multiplier applied ("1500000" for "$1.5 million"). */
  amount: string;
  /** ISO 4217 code ("USD"); symbols are mapped ($→USD, €→EUR, £→GBP, ¥→JPY). */
  currency: string;
  /** The text as written, for messages. */
  text: string;
  range: Range;
}

export type PeriodUnit = 'month' | 'quarter' | 'year';

/**
 * When a milestone must be reached. The first four are cumulative from the effective date;
 * `period` covers one contract period only; `recurring` repeats every period.
 */
export type WindowNode = EndOfPeriodWindowNode | ByDateWindowNode | WithinWindowNode | PeriodWindowNode | RecurringWindowNode;

/** "by the end of the second month", "by the end of month 2", "by the end of the quarter". */
export interface EndOfPeriodWindowNode {
  kind: 'end-of-period';
  unit: PeriodUnit;
  /** Which period, 1-based. */
  n: number;
  /**
   * How the deadline was given: `ordinal` ("the second month"), `number` ("month 2"), `the`
   * ("the quarter", meaning the first), or `implied` (from a heading "Month 2 Milestone" with no deadline written).
   */
  written: 'ordinal' | 'number' | 'the' | 'implied';
  range: Range;
}

/** "by March 31, 2026": the whole local day is included. */
export interface ByDateWindowNode {
  kind: 'by-date';
  date: string;
  range: Range;
}

/** "within 90 days of the Effective Date". */
export interface WithinWindowNode {
  kind: 'within';
  n: number;
  unit: 'day' | 'month';
  /** The preposition as written: "of", "after" or "from". */
  relation: 'of' | 'after' | 'from';
  range: Range;
}

/** "in the second quarter", "during the first month", "in month 3": that period alone. */
export interface PeriodWindowNode {
  kind: 'period';
  unit: PeriodUnit;
  n: number;
  range: Range;
}

/** "in each month", "every quarter", "per month": one instance per period. */
export interface RecurringWindowNode {
  kind: 'recurring';
  unit: PeriodUnit;
  range: Range;
}

/** What is paid when a milestone is met. */
export type PaymentNode = FixedPaymentNode | SectionPaymentNode | RatePaymentNode;

/** "a bonus of $5,000", "a commission payment of €2,000". */
export interface FixedPaymentNode {
  kind: 'fixed';
  noun: 'commission' | 'bonus' | 'commission payment' | 'payment' | 'fee';
  /** Words before the noun in a payer-pays sentence, as written ("one-time", "launch"). */
  qualifiers?: string[];
  amount: MoneyNode;
  range: Range;
}

/** "the corresponding commission payment as outlined in Section 4.2" (or "Section [X]"). */
export interface SectionPaymentNode {
  kind: 'section';
  /** The reference as written, without "Section": "4.2", "7(b)", "[X]". */
  ref: string;
  /** True for a bracketed placeholder such as "[X]": the amount is then undefined. */
  placeholder: boolean;
  range: Range;
}

/** "a commission equal to 2% of the net sales revenue". */
export interface RatePaymentNode {
  kind: 'rate';
  /** The percentage as a decimal string ("2" for 2%). */
  percent: string;
  basis: 'gross' | 'net' | null;
  range: Range;
}

/** "Upon achieving each milestone, the Seller will be entitled to receive …". */
export interface PaymentTermNode {
  kind: 'payment-term';
  /** Which milestones it covers: all of them (`each`, also "the milestone"), or one by label. */
  scope: { kind: 'each' } | { kind: 'milestone'; label: string; range: Range };
  party: PartyNode | null;
  payment: PaymentNode;
  range: Range;
}

export type AnyNode =
  | DocumentNode
  | ClauseNode
  | ClauseHeadingNode
  | ComparatorNode
  | PartyNode
  | MilestoneNode
  | LabelSourceNode
  | TargetNode
  | MoneyNode
  | WindowNode
  | PaymentNode
  | PaymentTermNode;

/** For exhaustive switches over a `kind`: a new variant becomes a compile error here. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
