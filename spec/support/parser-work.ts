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
 * The most Earley states a text of `tokens` tokens may take: linear, plus a fixed start, since the
 * first column predicts the start of every clause form (enumerated, headed, payer-pays, conditional,
 * measured, shortfall, attainment, calendar, clause headings, openings) and is allowed three columns'
 * worth (about 120 states with all of them).
 */
export const statesBound = (tokens: number): number => STATES_PER_TOKEN * (tokens + 3);
