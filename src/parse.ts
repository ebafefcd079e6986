/**
 * Text → AST: one result or diagnostics, never an exception for user input. nearley returns
 * every parse; this wrapper turns zero parses into a positioned syntax error and more than one
 * into an internal error, since the grammar is meant to be unambiguous (field notes: nearley #53).
 */
import nearley from 'nearley';
import grammarRules from '../grammar/clause.generated';
import type { DocumentNode, Range } from './ast';
import { diagnostic, type Diagnostic } from './diagnostics';
import { expectationAt, joinAlternatives } from './expected';
import { nearest } from './suggest';
import type { Token } from '../grammar/lexer';
import { finishDocument, type DocumentDraft } from '../grammar/builders';

const grammar = nearley.Grammar.fromCompiled(grammarRules);

/** Larger clause documents are refused before parsing: no contract clause comes close. */
export const MAX_CLAUSE_CHARS = 2_000_000;

export interface ParseResult {
  /** The document, or null when the text has a syntax error. */
  ast: DocumentNode | null;
  diagnostics: Diagnostic[];
}

interface ParserInternals {
  table: { states: { rule: { name: string; symbols: unknown[] }; dot: number }[] }[];
  /** Drafts: the builders leave lists as cons lists, joined by `finishDocument` (linear time). */
  results: DocumentDraft[];
}

export function parse(text: string): ParseResult {
  if (text.length > MAX_CLAUSE_CHARS) {
    const message = `The text is ${text.length.toLocaleString('en-US')} characters long; clause documents are limited to ${MAX_CLAUSE_CHARS.toLocaleString('en-US')}.`;
    return { ast: null, diagnostics: [diagnostic('input-too-large', pointRange(text, 0), message)] };
  }
  // A fresh parser per parse: nearley parsers are stateful (field notes: nearley #129).
  const parser = new nearley.Parser(grammar);
  const internals = parser as unknown as ParserInternals;
  try {
    parser.feed(text);
  } catch (error) {
    const token = (error as { token?: Token }).token;
    if (!token) throw error; // not a syntax error: a bug, let it surface
    const column = internals.table[internals.table.length - 2];
    return { ast: null, diagnostics: [unexpectedToken(token, column.states)] };
  }
  const results = internals.results;
  if (results.length === 0) {
    const column = internals.table[internals.table.length - 1];
    return { ast: null, diagnostics: [unexpectedEnd(text, column.states)] };
  }
  if (results.length > 1) {
    const message = `The grammar reads this text in ${results.length} ways; this is a bug in clause-engine, please report it with the text.`;
    return { ast: finishDocument(results[0]), diagnostics: [diagnostic('ambiguous-parse', results[0].range, message)] };
  }
  return { ast: finishDocument(results[0]), diagnostics: [] };
}

function tokenRange(token: Token, length = token.text.length): Range {
  return {
    start: { line: token.line, column: token.col, offset: token.offset },
    end: { line: token.line, column: token.col + length, offset: token.offset + length },
  };
}

/** A zero-width range at `offset`, with its line and column counted from the text. */
function pointRange(text: string, offset: number): Range {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  const point = { line, column, offset };
  return { start: point, end: point };
}

const WORD_TOKEN = /^[A-Za-z\u00c0-\u024f]/;

function unexpectedToken(token: Token, states: ParserInternals['table'][number]['states']): Diagnostic {
  if (token.type === 'error') {
    const char = String.fromCodePoint(token.text.codePointAt(0) ?? 0);
    const shown = /[\x00-\x1f\x7f-\x9f]/.test(char) ? `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : `'${char}'`;
    const expected = expectationAt(grammar, states);
    return diagnostic(
      'unexpected-character',
      tokenRange(token, char.length),
      `Unexpected character ${shown}: expected ${joinAlternatives(expected.phrases)}.`,
    );
  }
  const expected = expectationAt(grammar, states);
  const found = WORD_TOKEN.test(token.text) ? `word '${token.text}'` : `'${token.text}'`;
  const message = `Unexpected ${found}: expected ${joinAlternatives(expected.phrases)}.`;
  const range = tokenRange(token);
  const guess = WORD_TOKEN.test(token.text) ? nearest(token.text, expected.words) : null;
  if (!guess) return diagnostic('unexpected-token', range, message);
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
  const expected = joinAlternatives(expectationAt(grammar, states).phrases);
  const end = text.trimEnd().length;
  if (end === 0) return diagnostic('unexpected-end', pointRange(text, 0), `The text is empty: expected ${expected}.`);
  return diagnostic('unexpected-end', pointRange(text, end), `The text ends too early: expected ${expected}.`);
}
