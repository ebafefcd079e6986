/**
 * The one sanitiser for text meant for people on a terminal: reports, notes, tables, errors, echoed
 * arguments and file names. Ledger cells, ids, product names, placeholders and portfolio ids reach these
 * lines, and a terminal would act on an escape sequence in any of them (recolour, move the cursor, set
 * the window title, hide the rest of a line).
 *
 * Characters a terminal would act on or that would hide or reorder text: C0 and C1 control characters
 * except tab and line feed (escape sequences, carriage returns), line and paragraph separators (which
 * code frames count as line breaks, unlike the engine), bidirectional and zero-width marks, lone
 * surrogates. They are shown as U+FFFD one for one, so columns stay right; messages name the code point.
 * JSON output is data and is left exact (JSON.stringify escapes the C0 controls itself).
 */
const UNSHOWABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function forTerminal(text: string): string {
  return text.replace(UNSHOWABLE, '\ufffd');
}
