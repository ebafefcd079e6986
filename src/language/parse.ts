/**
 * Text → AST: one result or diagnostics, never an exception for user input. nearley returns
 * every parse; this wrapper turns zero parses into a positioned syntax error and more than one
 * into an internal error, since the grammar is meant to be unambiguous (kach/nearley issue #53).
 */
import nearley from 'nearley';
import grammarRules from '../../grammar/clause.generated';
import type { DocumentNode, Range } from './ast';
import { diagnostic, type Diagnostic, type Fix } from '../diagnostics';
import { describeNonterminal, expectationAt, joinAlternatives } from './expected';
import { hintAtEnd, hintFor } from './hints';
import { pointRange } from './positions';
import { nearest } from './suggest';
import { recogniseUnsupported } from './unsupported';
import { laterProblems } from './recovery';
import { profitMeasureRefusal } from './profit-measures';
import { tokenize, type Token } from '../../grammar/lexer';
import { finishDocument, type DocumentDraft } from '../../grammar/builders';
import { nameOrdinalPeriods } from './ordinal-period-names';
import { resolveAfterParse } from './after-parse';

const grammar = nearley.Grammar.fromCompiled(grammarRules);

/** Larger clause documents are refused before parsing: no contract clause comes close. */
export const MAX_CLAUSE_CHARS = 2_000_000;

/**
 * The most bytes a clause file may have: a UTF-8 character takes at most 3 bytes per UTF-16 unit, so a
 * larger file has more than MAX_CLAUSE_CHARS characters and is refused before it is read whole (a 600 MB
 * file would not even fit in a string).
 */
export const MAX_CLAUSE_BYTES = 3 * MAX_CLAUSE_CHARS + 3;

/** The `input-too-large` result for a clause file over MAX_CLAUSE_BYTES, unread. */
export function tooLargeFile(): ParseResult {
  const message = `The file is larger than ${MAX_CLAUSE_BYTES.toLocaleString('en-US')} bytes, so it has more than the ${MAX_CLAUSE_CHARS.toLocaleString('en-US')} characters clause documents are limited to.`;
  return { ast: null, diagnostics: [diagnostic('input-too-large', pointRange('', 0), message)] };
}

export interface ParseResult {
  /** The document, or null when the text has a syntax error. */
  ast: DocumentNode | null;
  diagnostics: Diagnostic[];
}

interface ParserInternals {
  /** Earley columns: column i holds the states before the i-th token (whitespace is not a token). */
  table: { states: { rule: { name: string; symbols: unknown[] }; dot: number; reference: number }[] }[];
  /** Drafts: the builders leave lists as cons lists, joined by `finishDocument` (linear time). */
  results: DocumentDraft[];
}

/**
 * Longer texts report their first syntax problem only: recovery parses the text once more per
 * problem, and no clause document comes close to this.
 */
export const MAX_RECOVERY_CHARS = 100_000;

export function parse(text: string): ParseResult {
  const result = parseOnce(text);
  const first = result.diagnostics[0];
  if (result.ast === null && first !== undefined && first.code !== 'input-too-large' && text.length <= MAX_RECOVERY_CHARS) {
    result.diagnostics.push(...laterProblems(text, first, (t) => {
      const again = parseOnce(t);
      return again.ast === null ? again.diagnostics[0] ?? null : null;
    }));
  }
  const fixes = result.diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
  // Several typos: each fix alone leaves the others, so "did you mean" stays when the fixes together make the text parse.
  const together = fixes.length > 1 && fixesParse(text, fixes);
  for (const d of result.diagnostics) {
    if (!d.fix || fixParses(text, d.fix)) continue;
    // A "did you mean" is the fix in words: offered only when the word it names makes the text parse (with the other fixes).
    if (!together && d.suggestion?.startsWith('did you mean')) delete d.suggestion;
    delete d.fix;
  }
  return result;
}

/** Whether the text parses with every fix applied (fixes that overlap one another: no). */
function fixesParse(text: string, fixes: readonly Fix[]): boolean {
  const sorted = [...fixes].sort((a, b) => a.offset - b.offset);
  let fixed = '';
  let at = 0;
  for (const f of sorted) {
    if (f.offset < at) return false;
    fixed += text.slice(at, f.offset) + f.text;
    at = f.endOffset;
  }
  return parseOnce(fixed + text.slice(at)).ast !== null;
}

/**
 * A quick fix is offered only if the text it gives parses: a fix that moves the error one word on
 * ("One (1) Million Dollars …" failing at "Dollars") points the wrong way. Syntax errors are rare
 * and this parses once more per fix, on the error path only.
 */
function fixParses(text: string, fix: Fix): boolean {
  const fixed = text.slice(0, fix.offset) + fix.text + text.slice(fix.endOffset);
  return parseOnce(fixed).ast !== null;
}

function parseOnce(text: string): ParseResult {
  if (text.length > MAX_CLAUSE_CHARS) {
    const message = `The text is ${text.length.toLocaleString('en-US')} characters long; clause documents are limited to ${MAX_CLAUSE_CHARS.toLocaleString('en-US')}.`;
    return { ast: null, diagnostics: [diagnostic('input-too-large', pointRange(text, 0), message)] };
  }
  // A fresh parser per parse: nearley parsers are stateful (kach/nearley issue #129).
  const parser = new nearley.Parser(grammar);
  const internals = parser as unknown as ParserInternals;
  try {
    parser.feed(text);
  } catch (error) {
    const token = (error as { token?: Token }).token;
    if (!token) throw error; // not a syntax error: a bug, let it surface
    const column = internals.table[internals.table.length - 2];
    const refused = profitMeasureRefusal(text);
    return { ast: null, diagnostics: [refused ?? outsideTheLanguage(text, misreadPartyWord(text, token, internals.table) ?? unexpectedToken(token, column.states, text, internals.table))] };
  }
  const results = internals.results;
  if (results.length === 0) {
    const column = internals.table[internals.table.length - 1];
    return { ast: null, diagnostics: [profitMeasureRefusal(text) ?? outsideTheLanguage(text, unexpectedEnd(text, column.states))] };
  }
  if (results.length > 1) {
    const message = `The grammar reads this text in ${results.length} ways; this is a bug in clause-engine, please report it with the text.`;
    return { ast: resolveAfterParse(finishDocument(results[0])), diagnostics: [diagnostic('ambiguous-parse', results[0].range, message)] };
  }
  return { ast: nameOrdinalPeriods(resolveAfterParse(finishDocument(results[0]))), diagnostics: [] };
}

/**
 * A syntax error in a sentence of a kind the language does not read (a payer-pays sentence, a
 * heading, a definition) becomes `unsupported-construct`, naming the kind of sentence and the
 * construct, at the same position; the parser's expectation stays at the end of the message.
 */
function outsideTheLanguage(text: string, d: Diagnostic): Diagnostic {
  const found = recogniseUnsupported(text, d.offset);
  if (!found) return d;
  const rest = text.slice(d.offset, d.offset + 60).split(/(?<=[^\d][.;:])\s|\n/)[0];
  const words = rest.length < 40 ? rest : `${rest.slice(0, 40).replace(/\s+\S*$/, '')}…`;
  const part = d.offset >= text.trimEnd().length ? 'the end of the text' : `'${words}'`;
  const message =
    `This reads as ${found.sentence}; the part not supported is ${part} at ${d.line}:${d.column}` +
    `${found.construct ? `: ${found.construct}` : ''}. (${d.message})`;
  const range = { start: { line: d.line, column: d.column, offset: d.offset }, end: { line: d.endLine, column: d.endColumn, offset: d.endOffset } };
  // The fix goes with its suggestion, so that parse() offers both only when the word makes the text parse.
  return diagnostic('unsupported-construct', range, message, { ...(d.suggestion ? { suggestion: d.suggestion } : {}), ...(d.fix ? { fix: d.fix } : {}) });
}

function tokenRange(token: Token, length = token.text.length): Range {
  return {
    start: { line: token.line, column: token.col, offset: token.offset },
    end: { line: token.line, column: token.col + length, offset: token.offset + length },
  };
}

const WORD_TOKEN = /^[A-Za-z\u00c0-\u024f]/;

/** Text quoted in a message, at most 60 characters: a 1 MB quoted string must not make a 1 MB message. */
const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 40)}…${text.slice(-10)}` : text);

/** Keywords that may be words of a party name ("Sales Agent", "Party A"): never a correction there. */
const PARTY_KEYWORDS: ReadonlySet<string> = new Set(
  grammar.rules
    .filter((rule) => rule.name === 'partyWord' || rule.name === 'partyFirstWord')
    .flatMap((rule) => rule.symbols)
    .map((symbol) => (typeof symbol === 'object' && symbol !== null && 'type' in symbol ? String(symbol.type).replace(/_$/, '') : ''))
    .filter((word) => word !== '' && word !== 'word'),
);

/** The party name being read when the parser stopped, as tokens, or null when none was. */
function partyInProgress(text: string, token: Token, table: ParserInternals['table']): Token[] | null {
  const at = table.length - 2;
  const state = table[at].states.find((s) => s.rule.name === 'partyWords' && s.dot === 1);
  if (!state) return null;
  const tokens = tokenize(text).filter((t) => t.type !== 'ws');
  if (tokens[at]?.offset !== token.offset) return null; // columns and tokens out of step: say nothing more
  return tokens.slice(state.reference, at);
}

/**
 * Any capitalised or unknown word can be part of a party name, so a misspelt verb after the name
 * ("The Seller agress to meet …") is read as one more word of it and the parser stops later, at
 * "to". Look back over the words read as the party name for a near miss of a keyword that was
 * expected in its place, and report that word instead.
 */
function misreadPartyWord(text: string, token: Token, table: ParserInternals['table']): Diagnostic | null {
  const words = partyInProgress(text, token, table);
  if (!words || words.length === 0) return null;
  // nearley drops the columns behind the parser; on this error path only, parse again keeping them.
  const history = historyUpTo(text, table.length - 1);
  if (!history) return null;
  const start = table.length - 2 - words.length;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const expected = expectationAt(grammar, history[start + i].states);
    const guess = nearest(word.value, expected.words.filter((w) => !PARTY_KEYWORDS.has(w)));
    if (!guess) continue;
    const name = words.slice(0, i).map((t) => t.value).join(' ');
    const phrases = expected.phrases.filter((p) => p !== describeNonterminal('partyWord'));
    const replacement = matchCase(guess, word.text);
    return diagnostic(
      'unexpected-token',
      tokenRange(word),
      `Unexpected word '${clip(word.text)}'${name ? ` after the party name '${clip(name)}'` : ''}: expected ${joinAlternatives(phrases)}.`,
      {
        suggestion: `did you mean '${replacement}'?`,
        fix: { title: `Replace '${word.text}' with '${replacement}'`, offset: word.offset, endOffset: word.offset + word.text.length, text: replacement },
      },
    );
  }
  return null;
}

/** The Earley columns of a parse of `text` that keeps its history, or null if it has fewer than `columns`. */
function historyUpTo(text: string, columns: number): ParserInternals['table'] | null {
  const parser = new nearley.Parser(grammar, { keepHistory: true });
  try {
    parser.feed(text);
  } catch {
    // the same syntax error as before: the columns up to it are what we want
  }
  const table = (parser as unknown as ParserInternals).table;
  return table.length >= columns ? table : null;
}

/** The phrases expected before a token, plus "the end of the text" where the text could end. */
function phrasesAt(states: ParserInternals['table'][number]['states']): string[] {
  const phrases = expectationAt(grammar, states).phrases;
  const complete = states.some((s) => s.rule.name === grammar.start && s.reference === 0 && s.dot === s.rule.symbols.length);
  return complete ? [...phrases, 'the end of the text'] : phrases;
}

/** Invisible characters the lexer reads as nothing inside a word and as a space elsewhere. */
const INVISIBLE_NAMES: Readonly<Record<string, string>> = {
  '\u00ad': 'SOFT HYPHEN', '\u200b': 'ZERO WIDTH SPACE', '\u200c': 'ZERO WIDTH NON-JOINER', '\u200d': 'ZERO WIDTH JOINER',
  '\u200e': 'LEFT-TO-RIGHT MARK', '\u200f': 'RIGHT-TO-LEFT MARK', '\u2060': 'WORD JOINER', '\u202a': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202b': 'RIGHT-TO-LEFT EMBEDDING', '\u202c': 'POP DIRECTIONAL FORMATTING', '\u202d': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202e': 'RIGHT-TO-LEFT OVERRIDE', '\ufeff': 'ZERO WIDTH NO-BREAK SPACE',
};

/**
 * " There is an invisible character … right after it": where an invisible character touches the
 * offending token, it (not the visible text) is usually the problem ("$5,\u200b000").
 */
function invisibleNote(text: string, start: number, end: number): string {
  const at = text[end] in INVISIBLE_NAMES ? end : text[start - 1] in INVISIBLE_NAMES ? start - 1 : -1;
  if (at === -1) return '';
  const code = text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
  return ` There is an invisible character, U+${code} ${INVISIBLE_NAMES[text[at]]}, right ${at === end ? 'after' : 'before'} it: it splits what looks like one word or number, so delete it.`;
}

function unexpectedToken(token: Token, states: ParserInternals['table'][number]['states'], text: string, table: ParserInternals['table']): Diagnostic {
  if (token.type === 'error') {
    const char = String.fromCodePoint(token.text.codePointAt(0) ?? 0);
    const shown = /[\x00-\x1f\x7f-\x9f]/.test(char) ? `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : `'${char}'`;
    return diagnostic(
      'unexpected-character',
      tokenRange(token, char.length),
      `Unexpected character ${shown}: expected ${joinAlternatives(phrasesAt(states))}.${invisibleNote(text, token.offset, token.offset + char.length)}`,
    );
  }
  const expected = expectationAt(grammar, states);
  const found = WORD_TOKEN.test(token.text) ? `word '${clip(token.text)}'` : `'${clip(token.text)}'`;
  const party = partyInProgress(text, token, table);
  const readAs = party && party.length > 1 ? ` ('${clip(party.map((t) => t.text).join(' '))}' was read as the party name)` : '';
  const message = `Unexpected ${found}: expected ${joinAlternatives(phrasesAt(states))}${readAs}.${invisibleNote(text, token.offset, token.offset + token.text.length)}`;
  const range = tokenRange(token);
  const guess = WORD_TOKEN.test(token.text) ? nearest(token.value, expected.words) : null;
  if (!guess) {
    const hint = hintFor(token, expected.types, text);
    return hint ? diagnostic('unexpected-token', range, message, hint) : diagnostic('unexpected-token', range, message);
  }
  const replacement = matchCase(guess, token.text);
  return diagnostic('unexpected-token', range, message, {
    suggestion: `did you mean '${replacement}'?`,
    fix: { title: `Replace '${token.text}' with '${replacement}'`, offset: token.offset, endOffset: token.offset + token.text.length, text: replacement },
  });
}

/** Keeps the author's capitalisation when offering a corrected word ("Scond" → "Second"). */
function matchCase(word: string, typed: string): string {
  if (typed === typed.toUpperCase() && typed.length > 1) return word.toUpperCase();
  if (typed[0] === typed[0].toUpperCase()) return word[0].toUpperCase() + word.slice(1);
  return word;
}

function unexpectedEnd(text: string, states: ParserInternals['table'][number]['states']): Diagnostic {
  const expectation = expectationAt(grammar, states);
  const expected = joinAlternatives(expectation.phrases);
  // What the lexer skips, not just JS whitespace: a text of spaces and a zero-width space is empty.
  let end = text.length;
  while (end > 0 && /[\s\u00ad\u200b-\u200f\u2060\u202a-\u202e\ufeff]/.test(text[end - 1])) end--; // linear, unlike a /[…]+$/ regex
  // Definitions alone make no document, so an empty text is missing a clause, whatever else may open one.
  if (end === 0) return diagnostic('unexpected-end', pointRange(text, 0), `The text is empty: expected ${describeNonterminal('clauses')}.`);
  const hint = hintAtEnd(expectation.types, end);
  const message = `The text ends too early: expected ${expected}.`;
  return hint ? diagnostic('unexpected-end', pointRange(text, end), message, hint) : diagnostic('unexpected-end', pointRange(text, end), message);
}
