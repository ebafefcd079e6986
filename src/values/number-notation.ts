/**
 * How a figure groups its thousands. Contracts drafted in English write "1,500,000.00"; those
 * drafted in continental Europe write "1.500.000,00", and Swiss ones "1'500'000.00". A figure
 * such as "50.000" is fifty thousand in the one and fifty in the other, so the notation is
 * decided here, in one place, for the lexer (which takes the figure as one token), the grammar's
 * builders (which read its value) and the checker (which says which reading was taken, or that
 * it cannot tell).
 */

/** Dots between groups of three digits, optionally a decimal comma: "50.000", "1.500.000,00". */
export const DOT_GROUPED = /\d{1,3}(?:\.\d{3})+(?:,\d+)?/;
/** Apostrophes between groups of three digits (Swiss): "1'000", "1’500’000.50". */
export const APOSTROPHE_GROUPED = /\d{1,3}(?:['’]\d{3})+(?:\.\d+)?/;
/** The English notation the language has always read: "1,500,000.00", "4.2", "500". */
export const COMMA_GROUPED = /\d+(?:,+\d+)*(?:\.\d+)?/;

export type Notation = 'comma' | 'dot' | 'apostrophe';

const WHOLE_DOT = new RegExp(`^${DOT_GROUPED.source}$`);
const WHOLE_APOSTROPHE = new RegExp(`^${APOSTROPHE_GROUPED.source}$`);

/** The notation of a figure as the lexer took it. */
export function notationOf(figure: string): Notation {
  if (WHOLE_APOSTROPHE.test(figure)) return 'apostrophe';
  if (WHOLE_DOT.test(figure)) return 'dot';
  return 'comma';
}

/**
 * A dot-grouped figure that is also an ordinary decimal: one group of three digits after a single
 * dot and no decimal comma ("50.000", "1.500"). "1.500.000" and "1.500,00" can only be grouping.
 */
export function dotCouldBeDecimal(figure: string): boolean {
  return /^\d{1,3}\.\d{3}$/.test(figure);
}

/**
 * The value of a figure as an exact decimal string. A figure that could be a decimal is read as
 * one when `decimalIfPossible` (before a multiplier: "$1.500 million" is one and a half million);
 * otherwise dots (or apostrophes) group thousands. The checker reports the reading taken.
 */
export function figureValue(figure: string, decimalIfPossible = false): string {
  switch (notationOf(figure)) {
    case 'apostrophe':
      return figure.replace(/['’]/g, '');
    case 'dot':
      if (decimalIfPossible && dotCouldBeDecimal(figure)) return figure;
      return figure.replace(/\./g, '').replace(',', '.');
    case 'comma':
      return figure.replace(/,/g, '');
  }
}

/** The figure in English notation, for messages: "1.500.000,00" → "1,500,000.00". */
export function inEnglishNotation(figure: string): string {
  const value = figureValue(figure);
  const [whole, fraction] = value.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
