/**
 * Reading a JSON text given by a user (schedules, portfolios, draft terms, JSON ledgers): one place for
 * the byte-order mark, the nesting limit and the error message.
 *
 * The message never quotes the text: JSON.parse's own ("Unexpected token 'r', "root:x:0:0:…" is not valid
 * JSON") would echo the first characters of whatever file a path named. Nesting is counted before parsing,
 * so a value nested a million deep is refused in one linear scan instead of overflowing the stack of
 * whatever walks it next (a schema validator, an error message).
 */

/** Deeper than any schedule, portfolio, terms file or ledger row needs (terms nest about 8 deep). */
export const MAX_JSON_DEPTH = 64;

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; code: 'invalid-json' | 'too-deeply-nested'; message: string };

export function parseJsonText(text: string, maxDepth = MAX_JSON_DEPTH): JsonTextResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const deep = depthBeyond(body, maxDepth);
  if (deep !== null) {
    const { line, column } = lineAndColumn(body, deep);
    return { ok: false, code: 'too-deeply-nested', message: `nested more than ${maxDepth} levels deep (at line ${line}, column ${column})` };
  }
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const at = /at position (\d+)/.exec((error as Error).message);
    if (at) {
      const { line, column } = lineAndColumn(body, Number(at[1]));
      return { ok: false, code: 'invalid-json', message: `not valid JSON: an error at line ${line}, column ${column}` };
    }
    const end = /end of JSON input/.test((error as Error).message);
    return { ok: false, code: 'invalid-json', message: end ? 'not valid JSON: it ends too early' : 'not valid JSON: a syntax error' };
  }
}

/** The offset of the first bracket that opens level `maxDepth + 1`, outside strings; null if none. */
function depthBeyond(text: string, maxDepth: number): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
