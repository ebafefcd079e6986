/**
 * The one text normalisation for names the engine compares: product names written in a clause and in a
 * ledger, customers, ids, sellers, party names. Text pasted from word processors, spreadsheets and web
 * pages carries no-break and other Unicode spaces, curly quotes and apostrophes and invisible marks that a
 * reader does not see; two cells a reader sees as the same name must compare equal.
 *
 * - invisible characters (soft hyphen, zero-width spaces and joiners, bidirectional marks, word joiner,
 *   BOM) are removed;
 * - every run of Unicode whitespace (JavaScript's `\s`: no-break, thin, ideographic spaces, tabs, line
 *   breaks) becomes one space, and the ends are trimmed;
 * - apostrophes and single quotes (’ ‘ ‛ ′ ＇) become `'`, double quotes (“ ” „ ‟ « » ″ ＂) become `"`.
 *
 * Case is kept: `textKey` adds case folding for the comparisons whose rule ignores case (products,
 * customers, sellers); ids compare with `normalizeText` alone.
 */

/** The invisible characters, as a character-class body (the clause lexer treats them alike). */
export const INVISIBLE_CHARS = '\u00ad\u200b-\u200f\u2060\u202a-\u202e\ufeff';

const INVISIBLES = new RegExp(`[${INVISIBLE_CHARS}]`, 'g');
const SPACES = /\s+/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201b\u2032\uff07]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02]/g;
/**
 * Whether the text is already normal: printable ASCII, no space at either end, no two spaces in a
 * row. A loop over the code units, not a regular expression: it runs on every id and customer cell
 * of a ledger, and the loop costs a third of the expression's match.
 */
function alreadyNormal(text: string): boolean {
  // `space`: the previous unit was a space, or there is none yet (a space may not start the text).
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (space) return false;
      space = true;
    } else if (c < 33 || c > 126) return false;
    else space = false;
  }
  return !space;
}

export function normalizeText(text: string): string {
  if (alreadyNormal(text)) return text;
  return text.replace(INVISIBLES, '').replace(SPACES, ' ').trim().replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
}

/** `normalizeText`, case-folded: the key of a comparison that ignores case. */
export function textKey(text: string): string {
  return normalizeText(text).toLowerCase();
}
