/**
 * Upper bounds of the parser's work that tests assert instead of a time, from the examples with
 * ample headroom: on average 8-22 Earley states per token there, at most about 100 in one column
 * (the column where a sentence starts predicts every sentence form, so it widens as the language
 * gains forms; it stays fixed as a text grows). An ambiguity or a catch-all rule would multiply
 * these with the input's length.
 */
export const STATES_PER_TOKEN = 60;
export const WIDEST_COLUMN = 320;

/**
 * The states of the first column: it predicts the start of every clause form (enumerated, headed,
 * payer-pays, conditional, clause headings, definitions), so it is a fixed cost that grows with the
 * language, not with the text; 121 with the forms of the real-clause corpus, bounded with headroom.
 */
export const START_COLUMN = 180;

/** The most Earley states a text of `tokens` tokens may take: linear, plus the fixed first column. */
export const statesBound = (tokens: number): number => STATES_PER_TOKEN * tokens + START_COLUMN;
