/**
 * The dialect of a CSV export, judged from its first bytes: the delimiter (from the header line) and
 * whether the bytes are UTF-8 (and if not, which encoding they most likely are). The delimiter is
 * stated in the notes; an encoding is never guessed into use, only named in the error.
 *
 * Pure and browser-safe.
 */

export type Delimiter = ',' | ';' | '\t' | '|';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

export type LedgerEncoding = 'utf-8' | 'windows-1252' | 'latin1' | 'utf-16le';
export const ENCODINGS: readonly LedgerEncoding[] = ['utf-8', 'windows-1252', 'latin1', 'utf-16le'];

/** `--delimiter` values: the character itself, or a name for the ones hard to type. */
export function parseDelimiter(text: string): Delimiter | null {
  const named: Record<string, Delimiter> = { comma: ',', semicolon: ';', tab: '\t', '\\t': '\t', pipe: '|' };
  const value = named[text.toLowerCase()] ?? text;
  return (DELIMITERS as readonly string[]).includes(value) ? (value as Delimiter) : null;
}

export function parseEncoding(text: string): LedgerEncoding | null {
  const lower = text.toLowerCase().replace(/_/g, '-');
  const aliases: Record<string, LedgerEncoding> = { utf8: 'utf-8', cp1252: 'windows-1252', 'iso-8859-1': 'latin1', 'latin-1': 'latin1', utf16le: 'utf-16le', 'utf-16': 'utf-16le' };
  const value = aliases[lower] ?? lower;
  return (ENCODINGS as readonly string[]).includes(value) ? (value as LedgerEncoding) : null;
}

export const delimiterName = (d: Delimiter): string => ({ ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' })[d];

/**
 * The delimiter of a header line: the candidate that occurs most often outside quotes (a comma when
 * none occurs: a one-column header). A tie is not guessed: null.
 */
export function detectDelimiter(headerLine: string): Delimiter | null {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, (counts.get(ch as Delimiter) as number) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked[0][1] === 0) return ',';
  if (ranked[1][1] === ranked[0][1]) return null;
  return ranked[0][0];
}

/** The first line of a text (without its line end), skipping a BOM and blank lines. */
export function firstLine(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (const line of body.split(/\r\n|\n|\r/)) if (line.trim() !== '') return line;
  return '';
}

/**
 * What the first bytes of a ledger that is not UTF-8 most likely are: UTF-16 (a byte-order mark, or
 * every other byte zero), else Windows-1252 (Excel's CSV on Windows: bytes 0x80–0x9F are its curly
 * quotes, dashes and €). Null: the bytes are valid UTF-8.
 */
export function likelyEncoding(bytes: Uint8Array, validUtf8: boolean): LedgerEncoding | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  let zeros = 0;
  const n = Math.min(bytes.length, 4096);
  for (let i = 1; i < n; i += 2) if (bytes[i] === 0) zeros++;
  if (n >= 4 && zeros >= n / 4) return 'utf-16le';
  // Windows-1252 decodes every byte Latin-1 does the same way, except 0x80–0x9F, which Latin-1 leaves as
  // control characters no export means: so it is the likelier of the two either way.
  return validUtf8 ? null : 'windows-1252';
}

/** What to do about a ledger that is not UTF-8: the option naming its likely encoding. */
export function encodingAdvice(utf16: boolean): string {
  return utf16
    ? 'Pass --encoding utf-16le, or save it as UTF-8.'
    : "It is most likely Windows-1252 (Excel's CSV on Windows): pass --encoding windows-1252 (or --encoding latin1), or save it as UTF-8.";
}
