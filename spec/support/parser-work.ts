/**
 * Upper bounds of the parser's work that tests assert instead of a time, from the examples with
 * ample headroom: on average 8-22 Earley states per token there, at most about 160 in one column
 * (the column where a sentence starts predicts every sentence form, so it widens as the language
 * gains forms; it stays fixed as a text grows). An ambiguity or a catch-all rule would multiply
 * these with the input's length; the doubling test in spec/unit/linear-parser-work.test.ts asserts that the work
 * stays linear, which the width of one column cannot show.
 */
export const STATES_PER_TOKEN = 60;
export const WIDEST_COLUMN = 400;

/**
 * The most Earley states a text of `tokens` tokens may take: linear, plus a fixed start, since the
 * first column predicts the start of every clause form (enumerated, headed, payer-pays, conditional,
 * measured, shortfall, attainment, calendar, tables, commitments, clause headings, openings, and the
 * definitions that define a payment, a milestone or a set) and is allowed six columns' worth (the columns
 * after it predict the forms that continue after a party name or a quoted term, and widen with them).
 */
export const statesBound = (tokens: number): number => STATES_PER_TOKEN * (tokens + 6);
