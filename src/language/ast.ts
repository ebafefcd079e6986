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
  /**
   * Definition sentences written before the first clause or after the last one ('"Contract Year"
   * means …'); absent when the text has none. Their terms are read wherever a window names them.
   */
  definitions?: DefinitionNode[];
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
   * `shortfall`: "If <Payer> fails to purchase <minimum> <period>, it shall pay <Payee> <share of the
   * shortfall>.": one milestone, the minimum, whose payment runs from the party that missed it.
   * `attainment`: "<Payer> shall pay <Payee>, <period>, a bonus based on attainment of the quota of <amount>
   * in <metric> as follows: <band>: <payout>; …": one milestone, the quota, paid by the table's band.
   * `commitment`: "<Party> shall purchase no less than 3,000 units of the Product ("Units") per month.", with an
   * optional escalation sentence after it: one milestone that states no payment (met or missed, nothing owed).
   * `payment-definition`: '"Net Sales Payment" means, for any calendar quarter, an amount equal to …': a payment
   * defined in a definition sentence, which names no payer and no payee (see `definition`).
   * `defined-milestones`: milestones defined in sentences of their own ('"Milestone 1" means the first achievement of
   * annual Net Sales of at least $2,000,000 during …'), then one sentence paying each by its term ("Upon the
   * achievement of Milestone 1, Parent shall pay $250,000, and upon the achievement of Milestone 2, …"): one milestone
   * per definition (label: the term), one payment term per payment (scope: the term it names).
   */
  form: 'enumerated' | 'headed' | 'payer-pays' | 'conditional' | 'shortfall' | 'attainment' | 'commitment' | 'payment-definition' | 'defined-milestones';
  /** The clause's own title, "4.2 Performance Bonus.", when one is written before it. */
  heading?: ClauseHeadingNode;
  /** A phrase before the sentence ("In addition to the Base Commission,", "Commencing January 1, 2026,", "For each Calendar Year,"). */
  opening?: OpeningNode;
  /** Context written after the payee: "the Principal shall pay the Agent, in addition to the commissions under Article 6.1, …". */
  aside?: ContextOpeningNode;
  /** Who pays, in the payer-pays and conditional forms (then `party` is who is paid). */
  payer?: PartyNode;
  /** The obligated party; null for the headed form, which names none. */
  party: PartyNode | null;
  milestones: MilestoneNode[];
  /** The "Upon achieving …, the Seller will receive …" sentences that follow the milestones. */
  payments: PaymentTermNode[];
  /** When the payments of a payer-pays clause fall due, in a sentence after it ("Each amount is payable within …"). */
  timing?: PaymentTimingNode;
  /** "Bonuses are paid on the 15th day of the month following the month in which they are earned.": each payment's due day. */
  payDay?: PaymentDayNode;
  /**
   * "Commissions paid on sales later refunded shall be offset against future commissions." (or "shall be repaid",
   * "shall be charged back"): a payment whose milestone refunds later undo is owed back.
   */
  clawback?: ClawbackNode;
  /**
   * "Any product returns shall be deducted from the Sales Representative's commission in the quarter during which the return
   * occurs.": a refund counts in the period of its own date, not in the period of the sale it returns (see ReturnsNode).
   */
  returns?: ReturnsNode;
  /**
   * "Commission payments shall be paid within thirty (30) days following the end of each calendar quarter.": a due sentence
   * not applied to the amounts (after the parse it becomes each amount's due date, src/language/period-due.ts, where it can:
   * an amount counted in its own periods, with no due date of its own); present only when it could not be, which is an error.
   */
  periodDue?: DueNode;
  /**
   * "Net Sales in excess of a calendar quarter's target shall carry forward to the next calendar quarter.": the excess
   * of each period's total over the target is credited to the next period's total (src/evaluation/carry-forward.ts).
   */
  carryForward?: CarryForwardNode;
  /** In the shortfall form: how the minimum was stated, for the canonical text. */
  minimum?: MinimumConditionNode;
  /** In the commitment form: how the commitment was stated, and its escalation. */
  commitment?: CommitmentNode;
  /** In the payment-definition form: the defined name, the period it is stated for, and a cumulative level that stops it. */
  definition?: PaymentDefinitionNode;
  /**
   * A rate chosen by the plan level reached, on the excess over a plan: the sentences as written (see PlanLevelsNode).
   * The clause's milestones are its levels, in order (the payer-pays form, naming no payer: the party earns).
   */
  planLevels?: PlanLevelsNode;
  /**
   * In a payer-pays clause with a computed amount: the minimum that amount must reach in each period, and the payment
   * of the difference when it does not ("If Licensee's Earned Royalties for any calendar year are less than $100,000,
   * … a payment … equal to the difference …").
   */
  topUp?: MinimumTopUpNode | RoyaltyUndertakingNode;
  /**
   * "… will make each of the following one-time Sales Milestone Payments when worldwide aggregate Net Sales … in a given
   * Calendar Year first meet the corresponding threshold: (a) …": the condition the list states for all its items.
   */
  listCondition?: ListConditionNode;
  /** "… achievement of a Milestone Event triggers all prior Milestone Events not previously triggered and paid.": catch-up. */
  catchUp?: CatchUpNode;
  /** In the commitment form: a commitment to sales targets set out in an exhibit written in the text, and its remedies (not a payment). */
  salesMinimum?: SalesMinimumNode;
  /** A plan of one amount per calendar quarter, set out below the sentence whose condition is a share of it. */
  planTable?: PlanTableNode;
  /** Rates in bands of a plan the lead sentence states, with a one-time bonus among them (the clause's milestone). */
  planBands?: PlanBandsNode;
  /** "for distribution to the Holders", "for the benefit of the Holders": for whom the payee receives (words only, not a party paid). */
  beneficiary?: BeneficiaryNode;
  /** `payable-by`: the payer-pays form written payment first ("The … payment of $X shall be payable by <Payer> to <Payee> when …"). */
  sentence?: 'payable-by';
  range: Range;
}

/** "for distribution to the Holders", "for the benefit of the Holders": for whom the payee receives the payments. */
export interface BeneficiaryNode {
  kind: 'beneficiary';
  written: 'for distribution to' | 'for the benefit of';
  party: PartyNode;
  range: Range;
}

/**
 * "Distributor hereby commits to Supplier to achieve, at a minimum, the sales targets set forth on Exhibit C for each
 * Contract Year during the Term (the "Sales Minimum"). If Distributor fails to achieve the Sales Minimum in any period
 * specified in Exhibit C, Supplier may, at its discretion, either (i) terminate this Agreement in accordance with Section
 * 9.1, or (ii) revoke the exclusive appointment granted under Section 1.3. Exhibit C - Sales Minimum: Contract Year 1 (the
 * twelve months starting on the Effective Date): $600,000; Contract Year 2: $900,000.": the words of the three sentences;
 * the exhibit's rows are the clause's milestones (one per period, in order). The remedies are not payments: nothing
 * is owed either way.
 */
export interface SalesMinimumNode {
  kind: 'sales-minimum';
  /** "commits to Supplier": the party the commitment is made to. */
  beneficiary: PartyNode;
  /** '(the "Sales Minimum")': the name of the targets. */
  name: string;
  /** "set forth on Exhibit C": the exhibit's id. */
  exhibit: string;
  /** "for each Contract Year": the period the targets are per. */
  each: string;
  /** "If Distributor fails to achieve the Sales Minimum in any period specified in Exhibit C": the party, the name and the exhibit as written there. */
  failing: PartyNode;
  failedName: string;
  periodExhibit: string;
  /** "Supplier may, at its discretion, either …": the party that may exercise the remedies, and the remedies. */
  holder: PartyNode;
  remedies: RemedyNode[];
  /** "Exhibit C - Sales Minimum:": the table's exhibit and name. */
  tableExhibit: string;
  tableName: string;
  /** "Contract Year 1 (the twelve months starting on the Effective Date)": the first row says what its period is. */
  firstDefined?: true;
  range: Range;
}

/** "(i) terminate this Agreement in accordance with Section 9.1": a remedy that is not a payment. */
export interface RemedyNode {
  kind: 'remedy';
  /** The enumerator without brackets ("i"). */
  label: string;
  verb: 'terminate' | 'revoke';
  /** The words after the verb, as written. */
  words: string;
  range: Range;
}

/**
 * An undertaking of a minimum of royalties owed under another provision, topped up: "During the year commencing six (6)
 * months from the date hereof, Operator undertakes to pay Licensor total royalties of not less than US $11,500. Should
 * the royalties under Paragraph 9(a) (eight percent (8%) of Gross Revenues) be insufficient to achieve such minimum,
 * Operator shall contribute the difference within forty-five (45) days after the end of that twelve (12) month period."
 * The milestone's payment is the rate restated in brackets (`owedUnder` the provision): this clause owes only the
 * difference, once the window is over.
 */
export interface RoyaltyUndertakingNode {
  kind: 'royalty-undertaking';
  /** "not less than": how the minimum is compared. */
  comparator: ComparatorNode;
  minimum: MoneyNode;
  /** "US $11,500": "US" written before a dollar amount. */
  usWritten?: true;
  /** "Paragraph 9(a)": where the royalties are owed, as written. */
  under: string;
  /** "Operator shall contribute the difference": the party that contributes (the payer, else an error). */
  contributor: PartyNode;
  /** "within forty-five (45) days after the end of that twelve (12) month period": the days, and the period's length in months as written. */
  days: number;
  periodLength: number;
  range: Range;
}

/**
 * "If Executive achieves the Annual Board Plan ($2,500,000 of Bookings for 2026) but less than the Sales Plan
 * ($3,000,000), Executive earns a commission of two percent (2%); if Executive achieves or exceeds the Sales Plan,
 * Executive earns a commission of five percent (5%). The commission applies to all Bookings in excess of the Annual
 * Board Plan.": levels of a year's total, each between a plan and the next one, each with its rate; the rate of the
 * level reached applies to the excess over the plan the last sentence names, once the year is over. Plans are named
 * in the text and defined once, in brackets where first written; the first definition gives the metric and the year.
 * Each level is one milestone (target: its plan, met when reached); only the level the year's total ends in pays.
 */
export interface PlanLevelsNode {
  kind: 'plan-levels';
  levels: PlanLevelNode[];
  /** The metric as written after "applies to all" ("Bookings"). */
  appliesTo: string;
  /** The plan the rate applies on the excess over. */
  excessOver: PlanRefNode;
  range: Range;
}

/** One level: "<party> achieves <plan> but less than <next plan>, <party> earns a commission of <rate>" (`below`), or "… achieves or exceeds <plan>, …". */
export interface PlanLevelNode {
  kind: 'plan-level';
  /** The party whose total counts, as written after "if". */
  achiever: PartyNode;
  /** The verb as written, lower case ("achieves", "reaches"). */
  verb: 'achieves' | 'reaches' | 'generates' | 'achieve' | 'reach' | 'generate' | 'generating';
  /** `between`: "achieves <from> but less than <below>"; `or exceeds`: "achieves or exceeds <from>" (open above). */
  written: 'between' | 'or exceeds';
  from: PlanRefNode;
  below: PlanRefNode | null;
  /** The party that earns, as written after the comma. */
  earner: PartyNode;
  percent: string;
  range: Range;
}

/** A plan by its name ("the Sales Plan"), with its definition in brackets where written ("($2,500,000 of Bookings for 2026)"). */
export interface PlanRefNode {
  kind: 'plan-ref';
  /** The name as written, without "the" ("Annual Board Plan"). */
  name: string;
  amount: MoneyNode | null;
  /** "of Bookings": the metric as written in the definition, or null. */
  metric: string | null;
  /** "for 2026": the calendar year the plan is for, or null. */
  year: number | null;
  /** "of Net Bookings": the gross/net word of the metric written with the plan; absent when no metric is written. */
  basis?: SalesBasis;
  range: Range;
}

/**
 * '"Net Sales Payment" means, for any calendar quarter, an amount equal to fifteen percent (15%) of Net Sales … during
 * such calendar quarter': a payment defined by a definition sentence. The amount is the clause's one milestone's
 * payment; `period` is the period the definition states it for ("for any calendar quarter", "with respect to the First
 * Net Sales Measuring Period"), which the amount's "such calendar quarter" refers to. The sentence names no payer and
 * no payee (the paying sentence lies elsewhere in the agreement): the obligations name none and a warning says so.
 */
export interface PaymentDefinitionNode {
  kind: 'payment-definition';
  /** The defined name without quotes ("Net Sales Payment"). */
  name: string;
  /** The words that introduce the period: "for any" (a calendar period) or "with respect to" (a defined period). */
  periodWritten: 'for any' | 'with respect to';
  period: WindowNode;
  /** "; provided that the Net Sales Payment for the calendar quarter during which cumulative Net Sales reach $1,500,000 shall be prorated …". */
  stop?: LevelStopNode;
  range: Range;
}

/**
 * "provided that the Net Sales Payment for the calendar quarter during which cumulative Net Sales reach $1,500,000
 * shall be prorated to apply only to Net Sales during the period up to the time that such cumulative amount is
 * achieved, and no Net Sales Payment shall accrue thereafter": the amount is counted only on sales up to the moment the
 * running total from the effective date reaches `amount` (the crossing sale counted up to the level), and nothing
 * accrues after it. The clause's milestone is that level (its target, comparator and open window).
 */
export interface LevelStopNode {
  kind: 'level-stop';
  /** The payment's name as the proviso writes it, twice ("Net Sales Payment"); the checker compares them with the defined name. */
  names: [string, string];
  /** "for the calendar quarter during which": the period the proration applies to. */
  unit: CalendarUnit;
  /** The metric whose running total is compared ("cumulative Net Sales"), as written. */
  term: string;
  /** The metric the prorated amount applies to ("Net Sales"), as written. */
  appliesTo: string;
  comparator: ComparatorNode;
  amount: MoneyNode;
  range: Range;
}

/**
 * A minimum of the clause's computed amount per period, topped up: "If Licensee's Earned Royalties for any calendar
 * year are less than One Hundred Thousand Dollars ($100,000) (the "Minimum Royalty"), Licensee shall make a payment
 * to Foundation within sixty (60) days after the end of such calendar year equal to the difference between the
 * Minimum Royalty and the Earned Royalties for that calendar year." Once a period is over, the payer owes the
 * minimum less the amount computed for the period (never below zero), besides the amount itself.
 */
export interface MinimumTopUpNode {
  kind: 'minimum-top-up';
  /** The computed amount's name as written in the minimum sentence ("Earned Royalties"): the amount's `definedAs`. */
  subject: string;
  /** Whose amount, as written before it ("Licensee's"). */
  owner: string;
  minimum: MoneyNode;
  /** '(the "Minimum Royalty")': the minimum's own name, without quotes. */
  minimumName: string;
  /** The period each minimum is judged over: "for any calendar year". */
  window: WindowNode;
  /** "within sixty (60) days after the end of such calendar year": when the difference falls due. */
  due: DueNode;
  /** "Licensee shall make a payment to Foundation": the parties as the sentence names them (the clause's, else an error). */
  payer: PartyNode;
  payee: PartyNode;
  /** "the difference between the Minimum Royalty and the Earned Royalties": the two names, in order. */
  between: [string, string];
  /** "for that calendar year": the period the difference is for (the minimum's, else an error). */
  forPeriod: WindowNode;
  range: Range;
}

/**
 * "For the sake of clarity, Milestone Events are cumulative: achievement of a Milestone Event triggers all prior Milestone
 * Events not previously triggered and paid.": when a milestone of the list is achieved, every earlier one (in the list's
 * order) not yet achieved is triggered that day, by the same row, and paid once (src/evaluation/catch-up.ts).
 */
export interface CatchUpNode {
  kind: 'catch-up';
  range: Range;
}

/**
 * The condition a payment list states before its items: "when worldwide aggregate Net Sales of Licensed Products by or on
 * behalf of Pharmara, its Affiliates or Sublicensees in a given Calendar Year first meet the corresponding threshold".
 * Its window is every item's that writes none (each milestone's `window` holds it); each item's own metric, comparator and
 * amount are the item's ("(a) first time annual Net Sales of Licensed Products exceed $1,000,000: $[***]").
 */
export interface ListConditionNode {
  kind: 'list-condition';
  /** The metric as written ("worldwide aggregate Net Sales"). */
  term: string;
  basis: 'gross' | 'net' | null;
  /** A scope phrase as written ("of Licensed Products by or on behalf of Pharmara, its Affiliates or Sublicensees"). */
  scope?: string;
  window: WindowNode;
  range: Range;
}

/**
 * How a shortfall sentence states its minimum: "the Distributor fails to purchase the Annual Minimum
 * of $500,000 in each year" (`failure`, with the party), or "Net Sales in each year are less than
 * $100,000" (`less-than`, after a metric). The minimum itself is the milestone's target.
 */
export interface MinimumConditionNode {
  kind: 'minimum-condition';
  /** `fails to` or `does not` before the verb (party form), or `less than` (metric form). */
  failure: 'fails to' | 'does not' | 'less than';
  /** The verb after "fails to" / "does not", lower case; null in the metric form. */
  verb: 'purchase' | 'achieve' | 'meet' | 'reach' | 'generate' | 'sell' | null;
  /** The metric form's verb before "less than". */
  be: 'is' | 'are' | null;
  /** The minimum's own name as written ("Annual Minimum" from "the Annual Minimum of $500,000"), or null. */
  name: string | null;
  /** True when the payer is written "it" (the party that failed), false when named again. */
  payerIsIt: boolean;
  range: Range;
}

/**
 * "Distributor shall purchase no less than 3,000 units of the Product ("Units") per month. The minimum purchase volume
 * shall increase by ten percent (10%) on every annual anniversary of the Effective Date of this Agreement.": the
 * product words as written ("Product", not a product filter on the ledger: every row's units count), the defined
 * term, and the escalation.
 */
export interface CommitmentNode {
  kind: 'commitment';
  verb: 'purchase';
  /** The words after "of the" ("Product"), or null. */
  productWords: string | null;
  /** The quoted term defined after them ("Units"), or null. */
  defined: string | null;
  escalation: EscalationNode | null;
  range: Range;
}

/**
 * "The minimum purchase volume shall increase by ten percent (10%) on every annual anniversary of the Effective Date
 * of this Agreement.": the minimum of a period that starts on or after the k-th anniversary is the minimum written
 * times (1 + percent/100)^k (each increase on the minimum then in force).
 */
export interface EscalationNode {
  kind: 'escalation';
  /** What increases, as written ("minimum purchase volume"). */
  subject: string;
  percent: string;
  range: Range;
}

/**
 * "Each amount is payable within sixty (60) days after the end of the Royalty Period in which the revenue
 * milestone is achieved.": `n` days or months after the end of a period named in words. The evaluator
 * gives no due date from it when the clause does not define that period, and says so.
 */
export interface PaymentTimingNode {
  kind: 'payment-timing';
  n: number;
  unit: 'day' | 'month';
  /** The period as written: "Royalty Period", "fiscal quarter of Company". */
  period: string;
  range: Range;
}

/**
 * "Bonuses are paid on the 15th day of the month following the month in which they are earned.": each
 * obligation of the clause falls due on that day of the calendar month after the one it is triggered in
 * (the last day of that month when it is shorter).
 */
export interface PaymentDayNode {
  kind: 'payment-day';
  /** The day of the month, 1 to 31. */
  day: number;
  /** The plural noun as written, lower case. */
  noun: 'bonuses' | 'commissions' | 'payments';
  range: Range;
}

/**
 * "Commissions paid on sales later refunded shall be offset against future commissions.": what is owed back
 * when refunds after a payment's trigger undo what earned it, and how it is recovered.
 */
export interface ClawbackNode {
  kind: 'clawback';
  /** The plural noun as written, lower case. */
  noun: 'bonuses' | 'commissions' | 'payments';
  /** "sales later refunded" or "sales that are later refunded". */
  that: boolean;
  /** `offset` against future payments (the noun after "future" kept in `futureNoun`), `repaid`, or `charged-back`. */
  remedy: 'offset' | 'repaid' | 'charged-back';
  futureNoun: 'bonuses' | 'commissions' | 'payments' | null;
  range: Range;
}

/** A period named in a carry-forward sentence: "calendar quarter" (`calendar`), "quarter". */
export interface CarryPeriod {
  calendar: boolean;
  unit: PeriodUnit;
}

/**
 * "Net Sales in excess of a calendar quarter's target shall carry forward to the next calendar quarter.", "Net Sales in
 * excess of the target for any quarter shall be credited toward the target of the next quarter, including amounts
 * carried forward.": the excess of a period's total over its target is added to the next period's total.
 */
export interface CarryForwardNode {
  kind: 'carry-forward';
  /** "Net Sales" (`net`), "Gross Sales" (`gross`), "Sales" (null). */
  basis: 'gross' | 'net' | null;
  /** How the period of the excess is written: "a calendar quarter's target" (`possessive`) or "the target for a calendar quarter" (`target-for`). */
  targetWritten: 'possessive' | 'target-for';
  /** "a", "any" or "each", lower case. */
  determiner: 'a' | 'any' | 'each';
  /** The period whose target the excess is over. */
  period: CarryPeriod;
  /** The verb as written. */
  verb: 'carry forward to' | 'be carried forward to' | 'be credited toward' | 'be credited towards' | 'be applied toward' | 'be applied towards';
  /** "… toward the target of the next calendar quarter" (true) or "… toward the next calendar quarter". */
  nextTarget: boolean;
  /** The period the excess goes to ("the next calendar quarter"). */
  next: CarryPeriod;
  /**
   * Whether an amount carried into a period counts toward that period's own excess: ", including amounts carried forward"
   * (`including`: it may carry again), ", excluding amounts carried forward" (`excluding`: only the period's own sales
   * carry), or null (not written: the engine warns, `carry-forward-chain-unstated`, and reads `including`).
   */
  again: 'including' | 'excluding' | null;
  range: Range;
}

/** "First Commercial Sale", "First Commercial Sale of the first Product". */
export interface SaleEventNode {
  kind: 'sale-event';
  /** The words as written, single spaces ("First Commercial Sale of the first Product"). */
  words: string;
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

/**
 * A phrase written before a sentence, ending with a comma. Three kinds, by what it means:
 * `context-opening` ("In addition to the Base Commission,", "As partial consideration for the rights
 * granted under Section 3.1,") relates the payment to something outside the clause: recorded and stated
 * in the notes, never evaluated; `start-opening` ("Commencing January 1, 2026,", "Beginning with the fiscal
 * year that starts on July 1, 2026,"): no sales before the date count and no period ending before it is
 * tested; `period-opening` ("For each Calendar Year,", "For each calendar quarter,", "On a quarterly
 * basis,"): the period in which the sentence's condition or amount is measured, which is then its window.
 */
export type OpeningNode = ContextOpeningNode | StartOpeningNode | PeriodOpeningNode;

export interface ContextOpeningNode {
  kind: 'context-opening';
  /** "In addition to …" or "As partial consideration for …". */
  relation: 'in-addition-to' | 'as-consideration-for';
  /** The words after "to" / "for", as written, joined by single spaces ("the Base Commission"). */
  subject: string;
  range: Range;
}

export interface StartOpeningNode {
  kind: 'start-opening';
  /** The verb as written, lower case. */
  verb: 'commencing' | 'beginning' | 'starting';
  /** The first day that counts, ISO `YYYY-MM-DD`. */
  date: string;
  /** Written "with the fiscal year that starts on <date>": the date is also a fiscal year's first day. */
  fiscalYear: boolean;
  range: Range;
}

export interface PeriodOpeningNode {
  kind: 'period-opening';
  /** `for-each`: "For each calendar quarter,"; `basis`: "On a quarterly basis,". */
  written: 'for-each' | 'basis';
  /**
   * The period: "in each calendar quarter". For `basis` the text names no calendar: it is read as the
   * calendar period of its unit (the checker warns unless the sentence itself says calendar).
   * `for-each` may also name a period the text defines ("For each Fortnight (each consecutive fourteen-day period
   * beginning on the Commencement Date),"): a `defined-period` window with `which: "each"`.
   */
  window: CalendarPeriodWindowNode | DefinedPeriodWindowNode;
  /**
   * The period's definition written in brackets right after its name ("(each consecutive fourteen-day period beginning
   * on the Commencement Date)"): read exactly as a definition sentence of the same term (src/language/period-definitions.ts).
   */
  definition?: PeriodDefinitionNode;
  /** For `basis`, the adjective as written, lower case ("quarterly"); null for `for-each`. */
  adjective: 'monthly' | 'quarterly' | 'annual' | 'yearly' | null;
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
  /**
   * "First Commercial Sale of the first Product": an event, not a figure. Its target is one sale (a row with a
   * positive amount) in an open window: the first one after the effective date meets it, and a later refund
   * does not undo it.
   */
  event?: SaleEventNode;
  /** Written once-only words ("one-time", "paid only once"): a recurring window then pays its first met period only. */
  once?: OnceOnlyNode;
  /** "… a bonus of $4,000 for such Calendar Quarter": the period the payment is for, which must be the condition's. */
  periodReference?: PeriodReferenceNode;
  /**
   * ", provided that Net Sales in such quarter exceed $250,000" after a computed amount: the condition written after the
   * amount, on the amount's own period. The milestone's window is the amount's period; `such` is the period the proviso
   * names, which must be that one (src/language/check-period-proviso.ts).
   */
  periodProviso?: PeriodProvisoNode;
  /** The name the text gives the payment in brackets after it ('(the "Quarterly Net Sales Milestone Payment")'), without quotes. */
  paymentName?: string;
  /** "100% of the Participant's FY2027 Quota of $1,200,000": the target is that share of a quota written in the text. */
  quota?: QuotaNode;
  /** "exceeds the Target Sales Threshold of $150,000": the name the text gives the target, as written; an amount may refer to it by name. */
  targetName?: string;
  /**
   * `payment`: no condition is written; the milestone is the payment's own measure ("shall pay … ten
   * percent (10%) of Net Sales in each quarter"): its window, its metric, and as target the
   * payment's threshold (zero for a rate on all). Absent for a milestone with a written condition.
   */
  condition?: 'payment';
  /**
   * "… exceed $500,000 and at least 10 new customers …", "either … or …": the condition has more parts. The
   * milestone's own target, window and comparator are its first part; `compound.parts` are the others.
   */
  compound?: CompoundConditionNode;
  /**
   * "100% of the Quarterly Board Plan Bookings": the target is that share of one row of the plan the clause's
   * `planTable` sets out below the sentence (this milestone is that row's period); `target.amount` is the share of the row's amount.
   */
  plan?: PlanShareNode;
  range: Range;
}

/**
 * A share of a plan set out in a table below the sentence ("100% of the Quarterly Board Plan Bookings"). On a
 * milestone it names the row of its own period; on a year-to-date part ("100% of the Board Plan Bookings
 * year-to-date"), the rows of the year up to and including that one, summed.
 */
export interface PlanShareNode {
  kind: 'plan-share';
  /** The share as a decimal string ("100" for 100%). */
  percent: string;
  /** The plan's name as written after "of the", its metric noun included ("Quarterly Board Plan Bookings"). */
  name: string;
  /** The row of the clause's plan table this target is read from (1 for the first row); a year-to-date part sums rows 1..row. */
  row: number;
  range: Range;
}

/**
 * "Quarterly Board Plan Bookings for 2026: Q1 $500,000; Q2 $600,000; Q3 $600,000; Q4 $800,000.": a plan of one
 * amount per calendar quarter of a year, written after the sentence that pays on it. The clause has one milestone
 * per row, in the row's quarter, in the rows' order.
 */
export interface PlanTableNode {
  kind: 'plan-table';
  /** The table's name as written before "for" ("Quarterly Board Plan Bookings"). */
  name: string;
  /** The calendar year the rows are for, as written. */
  year: number;
  rows: PlanRowNode[];
  /** The periods the sentence tests, as written ("for each calendar quarter in which"): each row's milestone is one of them. */
  window: CalendarPeriodWindowNode;
  range: Range;
}

/**
 * "The following bonus opportunities apply to new sales generated in 2026 against the 2026 sales plan of $1,000,000: (1) five
 * percent (5%) of every new sales dollar generated up to 50% of sales plan achievement; (2) …; (3) a one-time bonus of $10,000
 * upon 100% achievement of sales plan; and (4) fifteen percent (15%) of every new sales dollar in excess of sales plan
 * achievement.": rates on the year's sales in bands of the plan (a tiered payment, owed once the year is over), and a
 * one-time bonus among the items, which is the clause's one milestone (its target the share of the plan).
 */
export interface PlanBandsNode {
  kind: 'plan-bands';
  /** The words between "The following" and "apply", as written ("bonus opportunities"). */
  noun: string;
  /** The metric after "apply to", as written ("new sales"): "new" is not told from the ledger (the checker warns). */
  metric: string;
  /** "in 2026": the calendar year whose sales count. */
  year: number;
  /** "the 2026 sales plan of $1,000,000": the plan the bands and the bonus are shares of. */
  plan: StatedPlanNode;
  /** The rate items, in order: each band's label and words; `payment.bands` holds the bands in the same order. */
  items: PlanBandItemNode[];
  /** The bands as one tiered payment on the year's total (marginal: "every … dollar" in each band earns its rate). */
  payment: TieredPaymentNode;
  /** Where the bonus item stands among all the items, 0-based ((3) of four: 2). */
  bonusAt: number;
  /** The bonus item's label ("(3)"): the milestone itself has none, since the items' labels run across rates and bonus. */
  bonusLabel: LabelSourceNode;
  range: Range;
}

/** "the 2026 sales plan of $1,000,000". */
export interface StatedPlanNode {
  kind: 'stated-plan';
  /** The plan's name as written, without the year ("sales plan"). */
  name: string;
  /** The year written before the name. */
  year: number;
  amount: MoneyNode;
  range: Range;
}

/** "(1) five percent (5%) of every new sales dollar generated up to 50% of sales plan achievement". */
export interface PlanBandItemNode {
  kind: 'plan-band-item';
  label: LabelSourceNode;
  /** "generated" written after "dollar". */
  generated: boolean;
  range: Range;
}

/** "Q1 $500,000": the plan of one calendar quarter. */
export interface PlanRowNode {
  kind: 'plan-row';
  /** The quarter as written (1-4). */
  quarter: number;
  amount: MoneyNode;
  range: Range;
}

/**
 * A condition of several parts joined by "and" / "or", perhaps framed by "either … or …" or "both … and …".
 * Met when all parts hold ("and"), or any ("or"); "and" and "or" mixed without a frame is read with "and"
 * binding first, which the checker warns is one of two readings.
 */
export interface CompoundConditionNode {
  kind: 'compound-condition';
  /** "either" or "both" written before the first part, or null. */
  framing: 'either' | 'both' | null;
  /** The parts after the first, in order (at least one). */
  parts: ConditionPartNode[];
  range: Range;
}

/** One part of a compound condition after the first: "and at least 10 new customers", ", or Net Sales … year-to-date …". */
export interface ConditionPartNode {
  kind: 'condition-part';
  /** The word that joins it to the part before. */
  connective: 'and' | 'or';
  /** A comma written before the connective. */
  comma: boolean;
  /** What the part counts; a revenue target carries its metric words (`term`), a count its noun. */
  target: TargetNode;
  comparator: ComparatorNode;
  /** The part's own window as written, or null: the first part's window (the checker requires them to agree). */
  window: WindowNode | null;
  /** The party whose sales count, when the part names one. */
  achiever?: PartyNode;
  /**
   * "Net Sales year-to-date": the total from the start of the year that holds the tested period to the end of
   * the tested period (the calendar or fiscal year of a calendar period).
   */
  span?: 'year-to-date';
  /** "measured at the end of such quarter": the part is tested on its total at the period's end, and holds from that day. */
  measuredAtEnd?: MeasuredAtEndNode;
  /** "100% of the Board Plan Bookings year-to-date": the target is that share of the plan table's rows of the year so far, summed. */
  plan?: PlanShareNode;
  range: Range;
}

/** "measured at the end of such quarter". */
export interface MeasuredAtEndNode {
  kind: 'measured-at-end';
  /** The period noun as written after "such", lower case ("quarter", "calendar quarter"). */
  period: string;
  range: Range;
}

/**
 * A quota or plan written in the text and the share of it a condition asks for: "100% of the Participant's FY2027 Quota
 * of $1,200,000". The milestone's target amount is `percent` % of `amount`, exactly.
 */
export interface QuotaNode {
  kind: 'quota';
  /** The share as a decimal string ("100" for 100%). */
  percent: string;
  /** The quota's name as written ("FY2027 Quota"). */
  name: string;
  /** Whose quota it is ("the Participant's"), or null. */
  owner: PartyNode | null;
  amount: MoneyNode;
  range: Range;
}

/** "exceed", "in excess of", "more than" (strict: greater than); "at least", "not less than", "or more", "reaches" (greater or equal). */
export interface ComparatorNode {
  kind: 'comparator';
  strict: boolean;
  /** The words as written, lower case ("in excess of", "or more"). */
  words: string;
  /**
   * "first exceed": the word "first" written before the verb. On a total counted from one start it adds nothing;
   * in a recurring period it may mean the first period only (check-calendar.ts).
   */
  first?: Range;
  range: Range;
}

export interface LabelSourceNode {
  kind: 'label';
  /**
   * `parenthesised`: "(i)", "(a)", "(1)"; `dotted`: "1."; `heading`: "Month 1 Milestone:"; `defined`: the quoted
   * term of a milestone definition ('"Milestone 1" means …'), `text` without the quotes.
   * Whether "(i)" is a roman numeral or a letter is decided by the checker from its neighbours.
   */
  style: 'parenthesised' | 'dotted' | 'heading' | 'defined';
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
  /**
   * "of a Licensed Product" among the scope words: the total is counted for each product on its own (the ledger's
   * `product` column), and the target is met when one product's own total meets it. The words stay in `scope` too.
   */
  perProduct?: PerProductNode;
  /**
   * A period adjective among the metric's words ("annual Net Sales", "Monthly Sales"); `term` keeps it.
   * What it means for the window is src/language/period-word.ts's business.
   */
  periodWord?: PeriodWordNode;
  range: Range;
}

/**
 * "of a Licensed Product": a metric counted for each product on its own. `noun` is the product noun as written
 * ("Licensed Product"); the products are the values of the ledger's `product` column.
 */
export interface PerProductNode {
  kind: 'per-product';
  /** `of-a`: "of a Licensed Product". */
  written: 'of-a';
  noun: string;
  range: Range;
}

/** The period adjective of a metric, "annual" in "aggregate annual Net Sales": the metric is one such period's total. */
export interface PeriodWordNode {
  kind: 'period-word';
  /** The word as written, lower case. */
  word: 'annual' | 'yearly' | 'quarterly' | 'monthly' | 'fortnightly' | 'weekly';
  unit: 'year' | 'quarter' | 'month' | 'fortnight' | 'week';
  range: Range;
}

export interface UnitsTargetNode {
  kind: 'units';
  count: string;
  /** The product named in quotes, or null for units of anything. */
  product: string | null;
  /** A scope phrase as written ("of Products"), in a payer-pays sentence: not applied to the ledger, and warned. */
  scope?: string;
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
export type WindowNode =
  | EndOfPeriodWindowNode
  | ByDateWindowNode
  | WithinWindowNode
  | PeriodWindowNode
  | RecurringWindowNode
  | SpanWindowNode
  | DateRangeWindowNode
  | TermWindowNode
  | DefinedPeriodWindowNode
  | CalendarPeriodWindowNode
  | OpenWindowNode;

/**
 * No deadline written ("when aggregate Net Sales first reach $2,000,000."): cumulative from the
 * effective date for as long as the ledger runs; never missed, pending until met. Its range is the
 * empty range where a deadline would have been written.
 */
export interface OpenWindowNode {
  kind: 'open';
  range: Range;
}

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

// --- windows with their own start, and defined periods ------------------------------------------

/** The windows that are not counted in contract periods from the effective date alone (src/time/own-windows.ts reads them). */
export type OwnWindowNode = SpanWindowNode | DateRangeWindowNode | TermWindowNode | DefinedPeriodWindowNode;

/**
 * Where a window with its own start begins: a date written in the text, the effective date, or `n` months after the
 * date of the agreement ("six (6) months from the date hereof"), which is read as the effective date (the notes and
 * the warning `date-hereof-reading` say so).
 */
export type SpanStart = { kind: 'date'; date: string } | { kind: 'effective-date' } | { kind: 'after-date-hereof'; n: number; unit: 'month' };

/**
 * A window of `n` days, months or years from a start of its own: "the twelve (12) month period
 * commencing June 1, 2026" (`written: 'period'`), "the first twelve (12) months after the Effective
 * Date" (`written: 'first'`). Its total counts the window's own sales, not a running total from E.
 */
export interface SpanWindowNode {
  kind: 'span';
  n: number;
  unit: 'day' | 'month' | 'year';
  start: SpanStart;
  /** `fiscal year`: "the Fiscal Year beginning April 1, 2026", twelve months from that date. */
  /** `the year`: "the year commencing six (6) months from the date hereof" (one year). */
  written: 'period' | 'first' | 'fiscal year' | 'the year';
  range: Range;
}

/** "the period from June 1, 2026 to May 31, 2027": both days included. */
export interface DateRangeWindowNode {
  kind: 'date-range';
  from: string;
  to: string;
  range: Range;
}

/** "during the term" ("during the Term of this Agreement"): from the effective date, with no end the clause states. */
export interface TermWindowNode {
  kind: 'term';
  range: Range;
}

/**
 * A period the text names by a defined term: "during the first Contract Year" (`which: 1`),
 * "in each Contract Year" (`each`), "during the Measuring Period" (`the`). What the term means
 * comes from its definition in the document (`DocumentNode.definitions`), or, for the contract
 * periods ("Contract Year", "Contract Quarter", "Contract Month") that the text leaves undefined,
 * from the default reading the checker warns about.
 */
export interface DefinedPeriodWindowNode {
  kind: 'defined-period';
  /** The term as written, words joined by single spaces ("Contract Year"). */
  term: string;
  which: number | 'each' | 'the';
  /**
   * "in any Contract Year", "in a Contract Year": the word written before the term when it is not "each" or "every".
   * With a fixed sum it leaves open whether every such period pays or only the first (check-calendar.ts warns).
   */
  written?: 'any' | 'a';
  range: Range;
}

/** A definition sentence, or a statement of when the fiscal year starts or ends. */
export type DefinitionNode =
  | PeriodDefinitionNode
  | FiscalYearStatementNode
  | FiscalLabelDefinitionNode
  | MetricBasisStatementNode
  | CustomerDefinitionNode
  | ItemSetDefinitionNode
  | SeveralPaymentsStatementNode
  | EventDateStatementNode
  | MetricDefinitionNode;

/**
 * '"Annual Net Sales" means the Net Sales of a Licensed Product in a Calendar Year.': a metric term defined as another
 * metric in a period, perhaps per product. A milestone whose metric is the term is counted in the definition's periods
 * (each one's own total), and per product when the definition says "of a <product>".
 */
export interface MetricDefinitionNode {
  kind: 'metric-definition';
  /** The defined term without its quotes ("Annual Net Sales"). */
  term: string;
  /** The metric it means, as written after "the" ("Net Sales"), and its gross/net word. */
  metric: string;
  basis: 'gross' | 'net' | null;
  /** The scope words as written ("of a Licensed Product"), or absent. */
  scope?: string;
  perProduct?: PerProductNode;
  /** The period written ("in a Calendar Year"): a calendar period. */
  window: CalendarPeriodWindowNode;
  range: Range;
}

/**
 * "Nothing herein shall preclude multiple milestone payments in a given twelve-month period.", "If more than one
 * unmet Sales Milestone is achieved in a given Calendar Year, a Sales Milestone Payment will be made for each.":
 * several milestones met in one period are each paid. That is how every milestone is evaluated (each is paid when
 * it is met, whatever else is met in the period); the statement is recorded and the notes say the reading agrees.
 */
export interface SeveralPaymentsStatementNode {
  kind: 'several-payments-statement';
  /** `nothing-precludes`: "Nothing herein shall preclude multiple …"; `made-for-each`: "If more than one … a … will be made for each". */
  written: 'nothing-precludes' | 'made-for-each';
  /** The period named, as written, single spaces ("twelve-month period", "Calendar Year"). */
  period: string;
  range: Range;
}

/** "The Closing Date is February 10, 2026.": the date of an event a period definition counts from. */
export interface EventDateStatementNode {
  kind: 'event-date';
  /** The event's name as written ("Closing Date"). */
  event: string;
  /** `YYYY-MM-DD` as written (possibly impossible: the checker reports it). */
  date: string;
  range: Range;
}

/**
 * "the four (4) consecutive Calendar Quarters beginning with the first full Calendar Quarter after the Closing Date": `n`
 * calendar quarters from the first one that begins after the event's date (src/language/event-periods.ts dates it).
 */
/**
 * "the period commencing on the First Commercial Sale Date, being March 17, 2026, and ending on the last day of the
 * twelfth (12th) full calendar month thereafter": from the event's day, written in the definition, to the last day of
 * the `n`-th calendar month wholly after that day (src/language/event-periods.ts).
 */
export interface FullMonthsAfterEventNode {
  kind: 'full-months-after-event';
  /** The event's date as written after "being", `YYYY-MM-DD`. */
  date: string;
  /** The event as written ("First Commercial Sale Date"). */
  event: string;
  /** Which full calendar month ends the period ("twelfth"). */
  n: number;
  /** The figure in brackets after the ordinal word ("(12th)"), when written; it must agree with `n`. */
  figure?: number;
  range: Range;
}

export interface QuartersAfterEventNode {
  kind: 'quarters-after-event';
  n: number;
  /** The event's name as written ("Closing Date"); its date is stated in an event-date statement. */
  event: string;
  range: Range;
}

/**
 * "each consecutive fourteen-day period beginning on the Commencement Date": consecutive periods of `n` days (months,
 * years) from an event whose date an event-date statement gives ("The Commencement Date is March 2, 2026."). `start`
 * is the event as written; the evaluation dates it (src/language/event-periods.ts) into `{ kind: "date", date, event }`
 * before any window is, so a parsed document always holds the `event` form.
 */
export interface PeriodsFromEventNode {
  kind: 'periods-from-event';
  n: number;
  unit: 'day' | 'month' | 'year';
  start: { kind: 'event'; event: string } | { kind: 'date'; date: string; event: string };
  range: Range;
}

/**
 * "For purposes of this Section 4.3, annual Net Sales shall be calculated on a calendar year basis.":
 * the periods of a metric with a period word are calendar periods (src/language/period-word.ts).
 */
export interface MetricBasisStatementNode {
  kind: 'metric-basis-statement';
  /** The metric as written ("annual Net Sales"). */
  term: string;
  periodWord: PeriodWordNode;
  /** The calendar period the statement names ("calendar year"). */
  unit: 'year' | 'quarter' | 'month';
  /** What the statement is for, as written after "For purposes of" ("this Section 4.3"), or null. */
  purpose: string | null;
  range: Range;
}

/**
 * '"New Client" means a client that is not and has never been party to a Sale Agreement.': who counts as a
 * new customer. Read as the engine counts new customers (their first positive-amount row in the whole ledger),
 * each row being what they were never party to before; the checker warns when no count uses the term.
 */
export interface CustomerDefinitionNode {
  kind: 'customer-definition';
  /** The defined term without its quotes ("New Client"). */
  term: string;
  noun: 'customers' | 'clients';
  /** "is not and has never been" (true), or "has never been" (false). */
  isNot: boolean;
  /** What such a customer was never party to, as written: "a Sale Agreement". */
  never: string;
  range: Range;
}

/**
 * '"Products" means the Model X and Model Y systems listed in Exhibit A, excluding accessories and spare parts.',
 * '"Introduced Customers" means Acme, Inc. and Beta Holdings, LLC.': a set of products or of customers named in the
 * text. A scope that names the term ("units of Products", "net sales revenue from Eligible Products") or a party
 * that is the term ("the Introduced Customers first generating …") counts only the ledger rows whose product or
 * customer is one of the members (src/language/item-sets.ts says which and how names are matched).
 */
export interface ItemSetDefinitionNode {
  kind: 'item-set-definition';
  /** The defined term without its quotes ("Eligible Products"). */
  term: string;
  /** Which ledger column the members name: from the term's last word (Products, Customers, Clients). */
  field: 'product' | 'customer';
  members: ItemSetMemberNode[];
  /** The noun after the names, as written in lower case ("systems", "product lines"), or null (a list of company names). */
  noun: string | null;
  /** Where the text says the members are listed ("Exhibit A"), or null: the names written are the ones read. */
  listedIn: string | null;
  /** What the text says is left out, as written ("accessories and spare parts"), or null. */
  excluding: string | null;
  range: Range;
}

/** One name of an item set, as written ("Model X", "Acme, Inc."). */
export interface ItemSetMemberNode {
  kind: 'set-member';
  name: string;
  range: Range;
}

/** "The Company's fiscal year begins on July 1.", "… fiscal year ends on September 30": month and day. */
export interface FiscalYearStatementNode {
  kind: 'fiscal-year-statement';
  edge: 'begins' | 'ends';
  month: number;
  day: number;
  range: Range;
}

/** '"FY2027" means the fiscal year ending January 31, 2027': which fiscal year a label names. */
export interface FiscalLabelDefinitionNode {
  kind: 'fiscal-label-definition';
  /** The label's year as written ("FY2027" → 2027). */
  label: number;
  edge: 'beginning' | 'ending';
  date: string;
  range: Range;
}

/** '"Contract Year" means each twelve (12) month period commencing on the Effective Date or an anniversary thereof.' */
export interface PeriodDefinitionNode {
  kind: 'period-definition';
  /** The defined term without its quotes. */
  term: string;
  /** A `by-date` window: "the period beginning on the Effective Date and ending on December 31, 2027". */
  meaning: SuccessivePeriodsNode | SpanWindowNode | DateRangeWindowNode | ByDateWindowNode | CalendarPeriodsNode | QuartersAfterEventNode | PeriodsFromEventNode | FullMonthsAfterEventNode;
  range: Range;
}

/**
 * "each semi-annual period ending on June 30 or December 31": periods of the calendar named by the
 * days they end on. A window "in a Royalty Period" so defined is tested on each such period's own
 * total, like "in each calendar half-year" (the year starts the day after the last of `ends`).
 */
export interface CalendarPeriodsNode {
  kind: 'calendar-periods';
  unit: 'half-year' | 'quarter';
  /** The word that gives the length, as written in lower case ("semi-annual", "quarterly", "six-month", "three-month"). */
  written: string;
  /** The days the periods end on, "MM-DD", in the order written. */
  ends: string[];
  range: Range;
}

/**
 * "each (successive) twelve (12) month period beginning on the Effective Date or an anniversary
 * of it": consecutive periods of `n` months or years from the effective date (days are the checker's error).
 */
export interface SuccessivePeriodsNode {
  kind: 'successive-periods';
  n: number;
  unit: 'day' | 'month' | 'year';
  range: Range;
}

/** The length of a calendar period: a month, a quarter, a half-year or a year. */
export type CalendarUnit = 'month' | 'quarter' | 'half-year' | 'year';

/**
 * Periods aligned to the calendar in the contract's zone, not to the effective date: "in any
 * calendar quarter", "for each calendar month in which …", "the first Calendar Year in which …",
 * "Q3 2026", "calendar year 2027", "each half-year period (January to June and July to December)".
 * A year starts on `yearStart` ("MM-DD", "01-01" for calendar periods; a fiscal year is the same node
 * with its own start), and every month, quarter and half-year is counted from it. The period holding
 * the effective date is partial: it starts at the effective date.
 */
export interface CalendarPeriodWindowNode {
  kind: 'calendar-period';
  unit: CalendarUnit;
  /**
   * The year's first month and day, "MM-DD": "01-01" for calendar periods. `fiscal` for a fiscal
   * period ("in each fiscal quarter", "FY2027"): the fiscal year's start comes from the text's own
   * sentence ("The Company's fiscal year begins on July 1.") or from the evaluation's
   * `fiscalYearStart`, and is resolved before any date is computed (src/language/fiscal-year.ts).
   * A `named` fiscal year's `year` is its label as written ("FY2027" → 2027).
   */
  yearStart: string;
  /**
   * Which periods count: `each` period on its own (one instance per period); the `first` period
   * whose own total meets the target (paid once); or one `named` period ("Q3 2026").
   */
  selection: CalendarSelectionNode;
  /** The words that introduce the period, kept for the canonical text. */
  written: CalendarPeriodWording;
  /**
   * Months written to name the periods, in order: "half-year period (January to June and July to
   * December)" gives [1, 6, 7, 12]. The checker compares them with `yearStart` and the unit.
   */
  statedMonths?: number[];
  /**
   * "In each fiscal year … during the Employment Period": the named term the periods lie in, as written. No
   * definition dates it, so it is read as the term of the agreement (from the effective date), and the notes say so.
   */
  during?: string;
  /**
   * "in any calendar quarter occurring before January 1, 2028", "during any Calendar Year ending on or
   * before December 31, 2027": only the periods that end before (or on) the date count.
   */
  bound?: PeriodBoundNode;
  /**
   * "during the Calendar Year ending on December 31, 2026": a `named` period written by its last day, as written
   * (ISO). The checker holds it to the named period's last day.
   */
  endsOn?: string;
  range: Range;
}

/** The last day a bounded calendar period may end on, as written: before `date`, or on or before it. */
export interface PeriodBoundNode {
  kind: 'period-bound';
  written: 'occurring before' | 'ending before' | 'ending on or before';
  date: string;
  range: Range;
}

/** How a calendar period was introduced: "in any", "in each", "during any", "per", "for each … in which", "in a", "in a given", "the first … in which". */
export type CalendarPeriodWording =
  | 'in any'
  | 'in each'
  | 'during any'
  | 'during each'
  | 'per'
  | 'in a'
  | 'in a given'
  | 'during a'
  | 'for each in which'
  | 'first in which'
  | 'named';

export type CalendarSelectionNode =
  | { kind: 'each' }
  | { kind: 'first' }
  /**
   * One period: `year` is the year as written ("2026" in "Q3 2026", "calendar year 2027"); `n` is
   * the quarter (1-4), half (1-2) or month (1-12) within that year, 1 for a whole year.
   */
  | { kind: 'named'; year: number; n: number };

/**
 * "one-time", "non-refundable", "paid only once", "payable only upon the first achievement": the
 * payment is made once, for the first period that meets the target, even when every period is tested.
 */
export interface OnceOnlyNode {
  kind: 'once-only';
  /** The words as written, lower case ("one-time", "paid only once"). */
  words: string;
  /**
   * Written as a sentence of its own after the clause: "Such payment shall be payable only upon the first achievement
   * of such milestone" (`first-achievement`), with ", and no amount shall be due for subsequent or repeated
   * achievements" (`first-achievement-no-repeat`). Its `words` are then "payable only upon the first achievement".
   */
  sentence?: 'first-achievement' | 'first-achievement-no-repeat' | 'even-if-others';
  /**
   * "For the avoidance of doubt, this milestone shall be payable only once, even if other Licensed Products achieve Annual
   * Net Sales exceeding $1,000,000." (`even-if-others`): the product noun of "other …" and the condition restated.
   */
  others?: { noun: string; term: string; comparator: ComparatorNode; amount: MoneyNode };
  /**
   * "… and no amounts shall be due for subsequent or repeated achievements of such milestone in subsequent Calendar
   * Years": the later periods named, which must be the condition's own (src/language/check-once-repeat.ts).
   */
  repeatPeriods?: { unit: 'year' | 'quarter'; range: Range };
  range: Range;
}

/** "for such Calendar Quarter", "for that calendar year", written after a payment. */
export interface PeriodReferenceNode {
  kind: 'period-reference';
  unit: CalendarUnit;
  /** "such" or "that", as written in lower case. */
  word: 'such' | 'that';
  range: Range;
}

/** ", provided that <metric> in such <period> <comparison>": the period the proviso names, as written. */
export interface PeriodProvisoNode {
  kind: 'period-proviso';
  such: { preposition: 'in'; calendar: boolean; unit: PeriodUnit };
  range: Range;
}

/** What is paid when a milestone is met. */
export type PaymentNode = UnlimitedPaymentNode | LimitedPaymentNode | TimedPaymentNode;

/** A payment without a cap or floor of its own. */
export type UnlimitedPaymentNode =
  | FixedPaymentNode
  | UnstatedPaymentNode
  | SectionPaymentNode
  | RatePaymentNode
  | RateOnExcessPaymentNode
  | TieredPaymentNode
  | PerIncrementPaymentNode
  | EachIncrementPaymentNode
  | ShortfallPaymentNode
  | AttainmentPaymentNode
  | ChosenRatePaymentNode;

/**
 * "an additional commission on Net Sales above the Quarterly Plan of Five Hundred Thousand Dollars ($500,000), at one
 * percent (1%) if Net Sales for such quarter are at least 100% of the Quarterly Plan, two percent (2%) if they are at
 * least 105% of the Quarterly Plan, and five percent (5%) if they are at least 110% of the Quarterly Plan": one rate on
 * the part of the period's total above the threshold, chosen by conditions on that total. The conditions rise; the rate
 * of the last one the total meets applies (src/language/rate-choices.ts), and nothing is owed when it meets none.
 */
export interface ChosenRatePaymentNode {
  kind: 'chosen-rate';
  /** The words before "on", as written: the article, qualifiers ("additional") and the noun. */
  article: 'a' | 'an';
  qualifiers?: string[];
  noun: MeasuredNoun | 'commission' | 'bonus' | 'commission payment';
  /** What the rate is on ("Net Sales"); its window is the clause's period (an opening such as "For each calendar quarter,"). */
  measure: MeasureNode;
  comparator: 'in excess of' | 'above' | 'over';
  /** The threshold the rate is on the excess over, with the name the text gives it ("the Quarterly Plan of $500,000"). */
  threshold: MoneyNode;
  thresholdName: string;
  choices: RateChoiceNode[];
  range: Range;
}

/** One rate and its condition: "two percent (2%) if they are at least 105% of the Quarterly Plan". */
export interface RateChoiceNode {
  kind: 'rate-choice';
  percent: string;
  /** What the condition tests, as written: the metric ("Net Sales for such quarter") or "they" (the metric named before). */
  subject: { kind: 'metric'; term: string; basis: SalesBasis; such: PeriodUnit | null } | { kind: 'they' };
  /** "are", when written before the comparator. */
  verb: 'is' | 'are' | null;
  comparator: ComparatorNode;
  /** The bound: an amount, or a share of the threshold by its name ("105% of the Quarterly Plan"). */
  bound: MoneyNode | { kind: 'threshold-share'; percent: string; name: string; range: Range };
  range: Range;
}

/**
 * A payout by attainment of a quota, as a table of bands: "as follows: below 80%: nothing; 80%: $6,000;
 * from 80% to 100%: interpolated on a straight-line basis; 100% or more: $12,000". Attainment is the
 * period's total over the quota (the milestone's target), in percent; the band that holds it gives the
 * payout, judged once the period is over. A band's payout is an amount, nothing, a percentage of an
 * amount ("50% of $12,000"), or interpolated on a straight line between its neighbours' payouts.
 */
export interface AttainmentPaymentNode {
  kind: 'attainment';
  noun: 'commission' | 'bonus' | 'commission payment' | 'payment' | 'fee' | 'incentive';
  bands: AttainmentBandNode[];
  /**
   * "The Participant's target incentive is $12,000 per calendar quarter at 100% attainment of the quarterly Bookings
   * quota of $300,000. No incentive is paid for attainment below 80% of quota. At 80% attainment the Participant earns
   * 50% of target; …": the table written as sentences about a target incentive, each band's share being of it.
   */
  targetIncentive?: MoneyNode;
  /**
   * A table whose payouts are percentages of one amount named once ("as a percentage of Base Salary
   * ($200,000)"): that amount's name and value, and how the sentence was written. Absent for the quota
   * table ("… based on attainment of the quota of … as follows: <range>: <payout>; …"). Every band's
   * payout is then `nothing` or a `share` of `base.amount`.
   */
  base?: AttainmentBaseNode;
  /**
   * A reward table: bounds are counts of the target's own unit (the period's total itself, not a
   * percentage of the target), and a band pays only when the period's total meets the target (the
   * objective). Absent for tables of attainment.
   */
  reward?: AttainmentRewardNode;
  /**
   * A bonus pro-rated by the share of a target achieved, in sentences after a period opening ("a Performance Bonus of up
   * to $25,000, equal to $25,000 multiplied by the percentage of the performance target of $2,000,000 of Net Sales
   * achieved in such year (for example, 50% of the target earns $12,500). If less than 50% of the performance target is
   * achieved in a year, no Performance Bonus is payable for that year."): the words as written; the bands are the table
   * they state. Absent for the other tables.
   */
  proRata?: ProRataNode;
  range: Range;
}

/** The sentences of a pro-rated bonus (AttainmentPaymentNode.proRata), checked by src/language/check-pro-rata.ts. */
export interface ProRataNode {
  kind: 'pro-rata';
  /** Words before the noun, as written ("Performance"). */
  qualifiers: string[];
  /** "of up to $25,000": the most it pays. */
  maximum: MoneyNode;
  /** "equal to $25,000 multiplied by …": the amount multiplied, which must be the maximum. */
  multiplied: MoneyNode;
  /** "performance target" or "target", lower case. */
  target: string;
  /** "achieved in such year": the period, which must be the opening's. */
  unit: 'month' | 'quarter' | 'year';
  /** "(for example, 50% of the target earns $12,500)", which must agree with the formula. */
  example: { percent: string; amount: MoneyNode; range: Range } | null;
  /** "If less than 50% of the performance target is achieved in a year, no … is payable for that year.". */
  floor: { percent: string; target: string; unit: 'month' | 'quarter' | 'year'; thatUnit: 'month' | 'quarter' | 'year'; range: Range };
  range: Range;
}

/**
 * "Reward for accomplishment of the monthly sales quota: a Class A regional distributor that accomplishes its sales
 * objective for the current month (400 units) shall receive a reward based on its actual sales volume, as follows:
 * RMB 1,000.00 for sales of less than 500 units; RMB 2,500.00 for sales of more than 500 units but less than 1,000
 * units; …": the words before the colon as written (`lead`).
 */
export interface AttainmentRewardNode {
  kind: 'attainment-reward';
  lead: string;
  range: Range;
}

/**
 * The amount an attainment table's payouts are percentages of, and the sentence that names it:
 * `conditions`: "The Executive's bonus for 2026, as a percentage of Base Salary ($200,000), shall be
 * determined by performance relative to the revenue target of $10,000,000 as follows: 0% if revenue is
 * <95% of revenue target; 50% if >95% and <100% of revenue target; …"; `points`: "The Participant's bonus
 * for the Fiscal Year beginning April 1, 2026 shall be the percentage of the Target Bonus ($40,000) set out below
 * opposite the Percent of Net Revenues plan ($2,000,000) achieved: Percent of Net Revenues / Bonus: 85.0% - Zero;
 * 90.0% - 50.0%; …" (a payout at each listed attainment only); `quarter-ends`: "At the end of each fiscal quarter
 * (October 31, January 31, April 30 and July 31) the commission is calculated based on achievement of the quarterly
 * Revenue Goal of $200,000 and is expressed as a percentage of the base salary earned in the quarter ($25,000):
 * Attainment of Revenue Goal / Commission Payable: 0-50%: 10%; 51-60%: 15%; >70%-80%: 30%; …" (no party named).
 */
export interface AttainmentBaseNode {
  kind: 'attainment-base';
  layout: 'conditions' | 'points' | 'quarter-ends';
  /** In the `quarter-ends` layout: the quarters' last days as written, "MM-DD" ("10-31", "01-31", "04-30", "07-31"). */
  periodEnds?: string[];
  /** The amount's name as written ("Base Salary"). */
  name: string;
  amount: MoneyNode;
  /** The quota's noun after its metric ("revenue target"). */
  quotaNoun: 'target' | 'plan' | 'goal';
  range: Range;
}

/**
 * One line of an attainment table. `from`/`to` are percentages of the quota (decimal strings), null for
 * an open end; `fromStrict`/`toStrict` say whether the bound itself is outside ("more than 100%",
 * "below 80%"). A point ("80%") has `from` equal to `to`, both inclusive.
 */
export interface AttainmentBandNode {
  kind: 'attainment-band';
  /**
   * How the range was written. With signs, in a `conditions` table: `sign below` "<95%", `sign above`
   * ">115%", `sign between` ">95% and <100%" (all strict). With a dash, in a `quarter-ends` table: `dash` "51-60%"
   * or "61%-70%" (both ends included), `sign dash` ">70%-80%" (above 70%, up to and including 80%). In a reward
   * table the bounds are counts: `less than`, `more than`, `more than but less than` ("more than 500 units but less
   * than 1,000 units").
   */
  written: 'below' | 'less than' | 'point' | 'or more' | 'more than' | 'from to' | 'sign below' | 'sign above' | 'sign between' | 'dash' | 'sign dash' | 'more than but less than';
  from: string | null;
  fromStrict: boolean;
  to: string | null;
  toStrict: boolean;
  payout: AttainmentPayoutNode;
  range: Range;
}

/** What a band pays: an amount, nothing, a percentage of an amount, or a straight line between its neighbours. */
export type AttainmentPayoutNode =
  | { kind: 'amount'; amount: MoneyNode }
  | { kind: 'nothing' }
  | { kind: 'share'; percent: string; of: MoneyNode }
  | { kind: 'interpolated' };

/**
 * "the shortfall", "the difference", "twenty percent (20%) of the shortfall", "the shortfall at $12.50
 * per unit": what the party that missed a minimum pays once the period is over: the minimum (the
 * milestone's target) less the period's total, never below zero, times `percent` (the whole of it
 * when null), and for a count times `unitPrice`. The words as written are kept for the canonical text.
 */
export interface ShortfallPaymentNode {
  kind: 'shortfall';
  written: 'shortfall' | 'difference';
  /** Introduced by "a payment equal to". */
  intro: boolean;
  /** The percentage of the shortfall as a decimal string ("20" for 20%), or null for all of it. */
  percent: string | null;
  /** The price per unit a count shortfall is paid at ("at $12.50 per unit"), or null. */
  unitPrice: MoneyNode | null;
  range: Range;
}

/** "a bonus of $5,000", "a commission payment of €2,000". */
export interface FixedPaymentNode {
  kind: 'fixed';
  /** "allowance": "a marketing allowance of Three Thousand Dollars ($3,000)", in a payer-pays sentence only. */
  noun: 'commission' | 'bonus' | 'commission payment' | 'payment' | 'fee' | 'allowance';
  /** "Executive will earn $20,000 for each …": the amount written alone, with no noun (`noun` is then "payment"). */
  bare?: true;
  /** Words before the noun in a payer-pays sentence, as written ("one-time", "launch"). */
  qualifiers?: string[];
  amount: MoneyNode;
  /** "…; provided that such payment will be made in three (3) equal annual installments, …": the amount is paid in parts. */
  instalments?: InstalmentsNode;
  range: Range;
}

/**
 * "…; provided that such payment will be made in three (3) equal annual installments, one in each Calendar Year
 * (beginning with the Calendar Year in which the threshold is first reached) in which such threshold continues to be
 * reached or exceeded.": the payment is owed in `count` parts, each an equal share of it, one for each calendar year in
 * which the milestone's condition is met, the first for the year of its first achievement. Each instalment is an
 * obligation of its own, triggered in its year (src/evaluation/instalments.ts).
 */
export interface InstalmentsNode {
  kind: 'instalments';
  /** How many instalments ("three (3)"). */
  count: number;
  /** Each instalment's amount: an equal share of the payment (the last takes what rounding leaves). */
  share: 'equal';
  /** Each instalment falls in a calendar year of its own ("annual installments, one in each Calendar Year"). */
  every: 'calendar-year';
  /** What triggers each: a calendar year in which the milestone's condition is met again, the first being the year of first achievement. */
  trigger: 'each-period-met';
  /** The noun as written. */
  noun: 'installments' | 'instalments';
  range: Range;
}

/**
 * A payment whose amount the clause does not state: redacted ("$[***]", "[******]") or set out
 * elsewhere ("the milestone bonus set forth opposite such milestone in Schedule 4.2"). The amount is
 * the schedule's payment for the milestone's label; without one it is unresolved, never zero.
 */
export interface UnstatedPaymentNode {
  kind: 'unstated';
  /** `redacted`: the figure is blanked out; `elsewhere`: another part of the contract gives it. */
  how: 'redacted' | 'elsewhere';
  /** The currency the text shows ("$[***]" is USD), or null when it shows none. */
  currency: string | null;
  /** What was written: "$[***]", "[******]", "Schedule 4.2", "Exhibit C". */
  text: string;
  /** Words before the noun of a redacted payment, as written ("one-time", "milestone"). */
  qualifiers?: string[];
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
/** "since the previous milestone" ("preceding", "prior", "last"): see RatePaymentNode.since. */
export interface SincePreviousNode {
  kind: 'since-previous';
  /** The word before "milestone", lower case, for the format round trip. */
  word: 'previous' | 'preceding' | 'prior' | 'last';
  range: Range;
}

export interface RatePaymentNode {
  kind: 'rate';
  /** The percentage as a decimal string ("2" for 2%). */
  percent: string;
  basis: 'gross' | 'net' | null;
  /** In a payer-pays sentence, the words before the rate ("a commission of"), when written. */
  intro?: PaymentIntro;
  /** In a payer-pays sentence, what the rate is of, as written; see MeasureNode. */
  measure?: MeasureNode;
  /** '(the "Sales Incentive")': the name the text gives the amount, as written. */
  definedAs?: string;
  /** '("Earned Royalties")': the name was written without "the". */
  definedBare?: true;
  /** ", payable annually": the amount is settled once a year (the period a minimum of it names). */
  payable?: 'annually';
  /**
   * "… of the gross sales revenue since the previous milestone": the rate is on the sales after the
   * previous milestone's window only, so that each sale earns it once across running-total milestones.
   */
  since?: SincePreviousNode;
  /** "the royalties under Paragraph 9(a) (eight percent (8%) of Gross Revenues)": owed under that provision, not by this clause. */
  owedUnder?: string;
  range: Range;
}

/**
 * What a computed amount in a payer-pays sentence is counted on, as written after the rate: "all
 * purchases of Products made in such Calendar Year", "Net Sales in each quarter", "such net sales
 * revenue". The amount is owed for a window instance's whole total, so it is settled at the end of
 * the window (src/evaluation/payments/settlement.ts), not at the row that meets the condition.
 */
export interface MeasureNode {
  kind: 'measure';
  /** The metric as written ("Net Sales", "purchases", "net sales revenue"); its gross/net word decides `basis`. */
  term: string;
  basis: SalesBasis;
  /** A scope phrase as written ("of Products"): like a condition's, not applied to the ledger. */
  scope?: string;
  /** Whose metric it is, as written before it ("Distributor's" in "Distributor's purchases"): words only, not applied. */
  owner?: string;
  /** "such Net Sales", "all Net Sales": the words before the metric, kept for the canonical text. */
  determiner: 'such' | 'all' | 'all such' | 'the' | null;
  /** A period adjective among the metric's words ("Fortnightly Sales"): it must agree with the period measured in (check-openings.ts). */
  periodWord?: PeriodWordNode;
  /** The window written with the measure ("in each quarter"), or null: then the condition's. */
  window: WindowNode | null;
  /** "in such Calendar Year", "during such quarter": the condition's window, named again. */
  such?: { preposition: 'in' | 'during' | 'for'; calendar: boolean; unit: PeriodUnit };
  range: Range;
}

/**
 * "Any product returns shall be deducted from the Sales Representative's commission in the quarter during which the return
 * occurs.": each refund row lowers the total of the period holding its own date (the ledger's own reading of refunds, which
 * the note states); `unit` is the period as written, which must be the amount's.
 */
export interface ReturnsNode {
  kind: 'returns-in-period';
  /** "Any product returns" (`product`) or "Any returns". */
  product: boolean;
  /** Whose commission it is deducted from, as written ("Sales Representative's"). */
  owner: string;
  calendar: boolean;
  unit: PeriodUnit;
  range: Range;
}

/** The words that introduce a computed payment: "a commission of", "a bonus equal to"; null when the rate stands alone ("2% of Net Sales"). */
export type PaymentIntro = {
  noun: 'commission' | 'bonus' | 'commission payment' | MeasuredNoun;
  link: 'equal to' | 'of';
  /** Words before the noun in a payer-pays sentence, as written ("annual", "sales"). */
  qualifiers?: string[];
  /** "earned royalties of": the noun in the plural, with no article. */
  plural?: true;
  /**
   * "a commission on all sales completed by the Sales Representative within the Territory of": which sales the amount is
   * on, as written (the party and the place); words only, not applied to the ledger (the checker warns).
   */
  salesCounted?: { by: string; within?: string };
} | null;

/** The nouns a payer-pays sentence may give a computed amount besides those of the enumerated form. */
export type MeasuredNoun = 'payment' | 'fee' | 'rebate' | 'royalty' | 'incentive' | 'amount';

/** What a rate or an increment is counted on: the milestone window's revenue, gross or net. */
export type SalesBasis = 'gross' | 'net' | null;

/**
 * "1% of Net Sales in excess of $30,000,000", "5% of Net Sales above the target": the rate on
 * the part of the base beyond the threshold only.
 */
export interface RateOnExcessPaymentNode {
  kind: 'rate-on-excess';
  intro: PaymentIntro;
  percent: string;
  basis: SalesBasis;
  /** The words before the threshold, kept for the canonical text. */
  comparator: 'in excess of' | 'above' | 'over';
  threshold: ThresholdNode;
  /**
   * "the Sales Forecast of $600,000 for such Contract Year": the name the text gives the threshold (its
   * words as written) and, when written, the period it is stated for ("Contract Year", "calendar year"),
   * which must be the measure's.
   */
  thresholdName?: { name: string; forSuch?: string };
  /** '(the "Additional Royalty")': the name the text gives the amount, as written. */
  definedAs?: string;
  /** In a payer-pays sentence, what the amount is counted on, as written; see MeasureNode. */
  measure?: MeasureNode;
  /**
   * A plan level's rate (PlanLevelsNode): owed only when the window's total ends below this plan (the next level's,
   * whose own rate then applies instead); null for the top level. Absent for a rate on the excess written alone.
   */
  levelBelow?: { name: string; amount: MoneyNode } | null;
  /** "of that portion of Net Sales during … that exceeds $1,000,000": the words of a payment definition (the comparator is then 'in excess of'). */
  portion?: true;
  range: Range;
}

/** A threshold: an amount, or the milestone's own target ("the target"). */
export type ThresholdNode = MoneyNode | TargetReferenceNode | PriorPeriodReferenceNode;

/**
 * "the increase in quarter-to-quarter growth, comparing sales in a calendar quarter of one year with sales in the same
 * calendar quarter of the preceding year, starting with 2026 as the base year": the threshold of each quarter is the
 * total of the same calendar quarter one year before, so the rate is on the increase over it (nothing on a decrease).
 * The quarters of the base year and before are the base only: none of them is tested or paid.
 */
export interface PriorPeriodReferenceNode {
  kind: 'prior-period';
  unit: 'quarter';
  baseYear: number;
  /** The metric as written after "with" ("sales"); the checker requires the measure's own. */
  metric: string;
  range: Range;
}

export interface TargetReferenceNode {
  kind: 'target-reference';
  /** "the Target Sales Threshold": the condition's target by the name it gives it; absent for "the target". */
  name?: string;
  range: Range;
}

/**
 * Bands of the base, each at its rate: "5% on Net Sales up to $1,000,000 and 7% on Net Sales
 * above $1,000,000". `method` is what the text states in so many words ("on a marginal basis",
 * "on a retroactive basis"); null when it does not, and the checker then reads the bands'
 * wording (`quantifier`) or warns.
 */
export interface TieredPaymentNode {
  kind: 'tiered';
  intro: PaymentIntro;
  bands: TierBandNode[];
  method: 'marginal' | 'retroactive' | null;
  /**
   * The words that state the method when they are not ", on a marginal basis" ("applying the tiered royalty rates below
   * to the portion of Net Sales within each level"), for the notes; the canonical text writes the method itself.
   */
  methodWords?: string;
  /**
   * `levels`: written as levels after the sentence that pays them ("… applying the tiered royalty rates below …: Annual Net
   * Sales up to …: 8%; …"). `rate-after`: each band's range first, its rate after a comma, in a list "as follows" ("a Sales
   * Bonus calculated cumulatively on the Store's Fortnightly Sales as follows: on Fortnightly Sales from $0 to $280,000,
   * 0.100%; on the portion from $280,000 to $465,000, 0.075%; …"): the first band names the measure, the others "the portion".
   */
  layout?: 'levels' | 'rate-after' | 'portions';
  /**
   * For `portions` ("royalties on the Total Annual Net Sales in each Calendar Year at the Applicable Royalty Rate, applied to
   * each portion of Total Annual Net Sales as follows: less than or equal to $5 million: 5%; > $5 million and …"): the noun,
   * the rate's name and the metric after "each portion of", as written; the bands follow, each bounded with words or signs.
   */
  portions?: { noun: string; rate: string; metric: { term: string; basis: SalesBasis } };
  /** For `rate-after`: the words between the noun and "as follows", kept for the notes and the canonical text. */
  calculated?: { words: 'calculated cumulatively on' | 'calculated on'; noun: string };
  /** In a payer-pays sentence, what the amount is counted on, as written; see MeasureNode. */
  measure?: MeasureNode;
  /**
   * Written as a rate raised by a proviso ("4% of Net Sales in each Calendar Quarter; provided that if Net Sales
   * in a Calendar Quarter exceed £200,000, the commission for that Calendar Quarter shall be 6% of all Net Sales
   * in that Calendar Quarter"): two bands read retroactively, the milestone is the proviso's condition.
   */
  proviso?: StepProvisoNode;
  range: Range;
}

/** The proviso of a raised rate: the period its condition names ("in a Calendar Quarter") and the one it refers to ("for that Calendar Quarter"). */
export interface StepProvisoNode {
  kind: 'step-proviso';
  window: WindowNode;
  unit: CalendarUnit;
  range: Range;
}

/**
 * One band. `from` is null when the band starts where the previous one ends (or at zero for
 * the first); `to` is null for an open band. `lower` and `upper` are the words used.
 */
export interface TierBandNode {
  kind: 'tier-band';
  percent: string;
  basis: SalesBasis;
  /** "the portion of", "the first …", "all additional": words that tell the band's reading. */
  quantifier: 'portion' | 'first' | 'all' | 'additional' | null;
  /** `>`: written with a sign ("> $5 million and less than or equal to $10 million"), the start excluded like "above". */
  lower: 'in excess of' | 'above' | 'over' | 'from' | 'between' | '>' | null;
  from: MoneyNode | null;
  /** `below`: the band stops short of its end (a raised rate that applies from the amount itself, "at least"). */
  upper: 'up to' | 'up to and including' | 'to' | 'and' | 'first' | 'below' | 'less than or equal to' | null;
  to: MoneyNode | null;
  /**
   * In a payer-pays or earning sentence, what this band is counted on, as written ("the first $100,000
   * of Distributor's purchases in such Calendar Year"); the payment's `measure` is derived from the bands'.
   */
  measure?: MeasureNode;
  /** The start written as a share of a quota ("in excess of the Quarterly Quota"): `from` is then that share of it. */
  fromQuota?: QuotaBoundNode;
  /** The end written as a share of a quota ("up to 100% of the Quarterly Quota ($200,000)"): `to` is then that share of it. */
  toQuota?: QuotaBoundNode;
  /** The rate written as a multiple of the base rate ("1.5 times the base rate"): `percent` is then that multiple of it (rate-multiples.ts). */
  multiple?: RateMultipleNode;
  range: Range;
}

/** "1.5 times the base rate", "2x the base commission rate": an accelerated band's rate, a multiple of the base band's. */
export interface RateMultipleNode {
  kind: 'rate-multiple';
  /** The factor as a decimal string ("1.5"). */
  factor: string;
  /** "times" or "x" ("1.5x"), for the format round trip. */
  written: 'times' | 'x';
  /** "the base commission rate" rather than "the base rate". */
  commission: boolean;
  range: Range;
}

/**
 * A band's bound written as a share of a quota or plan: "100% of the Quarterly Quota ($200,000)", "the
 * Quarterly Quota" (100% of it), "50% of sales plan achievement". The band's `from` or `to` is the share
 * of the quota's amount, exact; a bound that names the quota without its amount takes the amount stated
 * for the same name elsewhere in the sentence (`amount` null here), or stays null (the checker's
 * `quota-unresolved`).
 */
export interface QuotaBoundNode {
  kind: 'quota-bound';
  /** The share as a decimal string ("100" for 100%); null when the quota is named alone (100% of it). */
  percent: string | null;
  /** The quota's name as written ("Quarterly Quota", "sales plan"). */
  name: string;
  /** "the" before the name, kept for the canonical text. */
  article: boolean;
  /** The quota's amount as written at this bound ("($200,000)", "of $200,000"), or null. */
  amount: MoneyNode | null;
  /** How the amount is written after the name: in brackets, or "of $X"; null without one. */
  amountWritten: 'brackets' | 'of' | null;
  range: Range;
}

/**
 * "a bonus of $1,000 for each $100,000 of Net Sales above $500,000": whole increments of the
 * excess (of the whole base when no threshold is written), or a share of one when `proRata`.
 */
export interface PerIncrementPaymentNode {
  kind: 'per-increment';
  /** Null for an amount written alone in a payer-pays sentence ("$1,000 for each $100,000 increment of such excess"). */
  noun: 'commission' | 'bonus' | 'commission payment' | null;
  amount: MoneyNode;
  /** "for each full $100,000": the word "full", kept for the canonical text. */
  full: boolean;
  increment: MoneyNode;
  basis: SalesBasis;
  comparator: 'in excess of' | 'above' | 'over' | null;
  threshold: MoneyNode | null;
  proRata: boolean;
  /** In a payer-pays sentence, what the amount is counted on, as written; see MeasureNode. */
  measure?: MeasureNode;
  /** "for each $100,000 increment of such excess": the increments of the excess over the condition's threshold (`threshold`), as written. */
  excessOf?: 'such';
  range: Range;
}

/**
 * An amount owed increment by increment, each when it is completed: "a bonus of $1,000 for each full one
 * hundred (100) Units of Products sold … in any Calendar Quarter in excess of five hundred (500) Units",
 * "For every $100,000 of Net Sales achieved in a Calendar Year, … a bonus of $2,500", "£1,000 for each New
 * Client in excess of five (5) … in any Calendar Quarter". The milestone is the threshold (its target,
 * comparator, metric and window); each whole increment of the milestone's metric beyond the threshold is
 * one obligation of `amount`, triggered at the row that completes it. With no threshold written
 * (`from: 'zero'`) increments count from zero and the milestone's target is the first increment.
 */
export interface EachIncrementPaymentNode {
  kind: 'each-increment';
  /** "a bonus of $1,000": the noun; null for an amount written alone ("One Thousand Pounds (£1,000)"). */
  noun: 'commission' | 'bonus' | 'commission payment' | 'payment' | 'fee' | null;
  amount: MoneyNode;
  /** "for each" or "for every", kept for the canonical text. */
  quantifier: 'each' | 'every';
  /** "for each full …": the word "full", kept for the canonical text (whole increments are counted either way). */
  full: boolean;
  /** The increment in the milestone's metric, a decimal string: "100000" for each $100,000, "100" for each 100 Units, "1" for each New Client. */
  size: string;
  /** `threshold`: counted beyond the milestone's target; `zero`: from zero, the target being the first increment. */
  from: 'threshold' | 'zero';
  /** "with which a Sale Agreement is entered into": what makes a new customer count, as written after the threshold; null when not written. */
  counted?: string;
  range: Range;
}

/** A payment with the time it falls due: "…, payable within 30 days after the end of the quarter in which the milestone is achieved". */
export interface TimedPaymentNode {
  kind: 'timed';
  payment: UnlimitedPaymentNode | LimitedPaymentNode;
  due: DueNode;
  range: Range;
}

/**
 * When a payment falls due: `days` after the day the milestone is met (`after: "achievement"`), or
 * after the last day of the period holding that day: a contract period counted from the effective
 * date, or a calendar one (`calendar: true`).
 */
export interface DueNode {
  kind: 'due';
  days: number;
  after: 'achievement' | PeriodUnit;
  calendar: boolean;
  /**
   * "within 45 days after the end of such Calendar Year": after the end of the window the amount is
   * owed for (whose last day is the day it is triggered), not the period holding a crossing.
   */
  such?: boolean;
  range: Range;
}

/** A payment with a cap, a floor or both: "…, not to exceed $15,000 in any year". */
export interface LimitedPaymentNode {
  kind: 'limited';
  payment: UnlimitedPaymentNode;
  cap: LimitNode | null;
  floor: LimitNode | null;
  /**
   * "provided that no commission is paid for a quarter in which the commission earned is less than
   * $75.00": an amount below it is not paid at all (a floor raises it instead).
   */
  minimumPayout?: LimitNode;
  range: Range;
}

/**
 * A cap or floor. `per` is the period it applies to: `payment` (each obligation on its own) or a
 * contract month, quarter or year (the obligations triggered in one such period together).
 */
export interface LimitNode {
  kind: 'limit';
  /** The words used: "not to exceed", "up to a maximum of", "a minimum of". */
  written: 'not to exceed' | 'up to a maximum of' | 'with a minimum of' | 'shall not exceed' | 'less than';
  amount: MoneyNode;
  per: 'payment' | PeriodUnit;
  /** How the period was introduced: "in any year", "per year", "in each year"; null for `payment`. */
  perWritten: 'in any' | 'per' | 'in each' | 'for any' | 'for a' | null;
  /** A calendar month, quarter or year ("in any Calendar Quarter"), not a contract one. */
  calendar?: boolean;
  /**
   * "The sum of the quarterly Sales Incentives for any calendar year shall not exceed $5,000.": a cap in
   * a sentence of its own, on the amounts it names (the words after "the sum of the").
   */
  sumOf?: string;
  /** "in any fiscal year": counted by fiscal year; "fiscal" as parsed, the year's start MM-DD once the evaluation dates fiscal periods. */
  yearStart?: string;
  range: Range;
}

/** "Upon achieving each milestone, the Seller will be entitled to receive …". */
export interface PaymentTermNode {
  kind: 'payment-term';
  /** Which milestones it covers: all of them (`each`, also "the milestone"), or one by label. */
  scope: { kind: 'each' } | { kind: 'milestone'; label: string; range: Range };
  party: PartyNode | null;
  /** Who pays, when the sentence names it for this payment ("upon the achievement of Milestone 2, Parent shall pay …"). */
  payer?: PartyNode;
  payment: PaymentNode;
  range: Range;
}

export type AnyNode =
  | DocumentNode
  | ClauseNode
  | ClauseHeadingNode
  | ContextOpeningNode
  | StartOpeningNode
  | PeriodOpeningNode
  | ComparatorNode
  | PaymentTimingNode
  | PaymentDayNode
  | SaleEventNode
  | PartyNode
  | MilestoneNode
  | LabelSourceNode
  | TargetNode
  | MoneyNode
  | WindowNode
  | PaymentNode
  | TargetReferenceNode
  | TierBandNode
  | LimitNode
  | OnceOnlyNode
  | PeriodReferenceNode
  | InstalmentsNode
  | FullMonthsAfterEventNode
  | PeriodBoundNode
  | MeasureNode
  | DueNode
  | PaymentTermNode
  | DefinitionNode
  | SuccessivePeriodsNode
  | CalendarPeriodsNode
  | MinimumConditionNode
  | AttainmentBandNode
  | QuotaNode
  | QuotaBoundNode
  | AttainmentBaseNode
  | AttainmentRewardNode
  | CommitmentNode
  | EscalationNode
  | PaymentDefinitionNode
  | LevelStopNode
  | EventDateStatementNode
  | QuartersAfterEventNode
  | CustomerDefinitionNode
  | PlanLevelsNode
  | PlanLevelNode
  | PlanRefNode
  | PriorPeriodReferenceNode
  | ItemSetDefinitionNode
  | ItemSetMemberNode
  | MinimumTopUpNode
  | RoyaltyUndertakingNode
  | ListConditionNode
  | CatchUpNode
  | CompoundConditionNode
  | ConditionPartNode
  | MeasuredAtEndNode
  | ClawbackNode
  | CarryForwardNode
  | SalesMinimumNode
  | RemedyNode
  | BeneficiaryNode;

/** For exhaustive switches over a `kind`: a new variant becomes a compile error here. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
