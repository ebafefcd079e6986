/**
 * Reporting every independent syntax problem of a document, not only the first. nearley stops at
 * the first token it cannot take, so after it the parser knows nothing. Recovery blanks out the
 * item or sentence holding the problem (spaces for every character but line breaks, so that every
 * later position stays where it was) and parses again: the next problem found beyond the blanked
 * part is independent of the first and is reported too. A problem found inside or right at the end
 * of a blanked part is a consequence of the blanking, and the whole sentence is blanked instead.
 */
import type { Diagnostic } from '../diagnostics';
import { tokenize, type Token } from '../../grammar/lexer';

/** The most problems one document reports: each costs one more parse of the text. */
export const MAX_REPORTED_PROBLEMS = 20;

/** Where a sentence ends: a full stop before white space (not the dot of "Inc." or of "4.2", nor "3." at a line's start). */
const FULL_STOP = /(?<!^\s*\d{1,3}|\n\s*\d{1,3}|\b(?:Inc|Co|Corp|Ltd|No|Art|Sec))\.(?=\s|$)/g;

interface Segment {
  start: number;
  end: number;
}

/** The sentence holding `offset`: from after the previous full stop to just after the next one. */
export function sentenceSegment(text: string, offset: number): Segment {
  let start = 0;
  let end = text.length;
  FULL_STOP.lastIndex = 0;
  for (let m = FULL_STOP.exec(text); m !== null; m = FULL_STOP.exec(text)) {
    if (m.index < offset) start = m.index + 1;
    else {
      end = m.index + 1;
      break;
    }
  }
  return { start, end };
}

/**
 * The list item holding `offset` ("(b) …;" up to the next label), or null when the problem is not in
 * an item. The last item takes the separator before it ("; and (c) …"), so that what is left reads
 * as a complete list.
 */
export function itemSegment(text: string, offset: number, sentence: Segment): Segment | null {
  const tokens = tokenize(text.slice(sentence.start, sentence.end)).filter((t) => t.type !== 'ws');
  const colon = tokens.findIndex((t) => t.type === 'colon');
  if (colon === -1) return null;
  const at = (t: Token): number => sentence.start + t.offset;
  const labels = tokens.map((t, i) => ({ t, i })).filter(({ t, i }) => i > colon && t.type === 'enumerator');
  let own = -1;
  for (let k = 0; k < labels.length; k++) if (at(labels[k].t) <= offset) own = k;
  if (own === -1) return null;
  const next = labels[own + 1];
  if (next) return { start: at(labels[own].t), end: at(next.t) };
  // The last item: from the separator after the item before it to the sentence's final full stop.
  let start = at(labels[own].t);
  for (let i = labels[own].i - 1; i > (own > 0 ? labels[own - 1].i : colon); i--) {
    const t = tokens[i];
    if (t.type === 'semicolon' || t.type === 'comma') {
      start = at(t);
      break;
    }
  }
  const stop = tokens[tokens.length - 1];
  const end = stop.type === 'period' ? at(stop) : sentence.end;
  return own === 0 ? null : { start, end };
}

/** A payment sentence that reads only after the milestones it pays ("Upon achieving each milestone, …"). */
const PAYMENT_SENTENCE = /^\s*upon\s+(?:achieving|meeting|reaching|achievement\s+of)\b/i;

/** A sentence with the payment sentences after it that depend on it: blanked together. */
function withDependents(text: string, sentence: Segment): Segment {
  let end = sentence.end;
  while (end < text.length && PAYMENT_SENTENCE.test(text.slice(end, end + 40))) end = sentenceSegment(text, nextWord(text, end)).end;
  return { start: sentence.start, end };
}

/** `text` with `[start, end)` replaced by spaces, line breaks kept. */
export function blank(text: string, segment: Segment): string {
  return text.slice(0, segment.start) + text.slice(segment.start, segment.end).replace(/[^\n]/g, ' ') + text.slice(segment.end);
}

/** The first non-space offset at or after `offset`. */
function nextWord(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/**
 * The problems after `first` that are independent of it, found by parsing `text` with each
 * problem's item (or sentence) blanked out. `parseFirst` gives the first problem of a text, or null
 * when it parses.
 */
export function laterProblems(text: string, first: Diagnostic, parseFirst: (text: string) => Diagnostic | null): Diagnostic[] {
  const found: Diagnostic[] = [];
  let current = text;
  let problem: Diagnostic | null = first;
  while (problem !== null && found.length < MAX_REPORTED_PROBLEMS - 1) {
    if (problem.offset >= nextWord(current, 0) + current.slice(nextWord(current, 0)).trimEnd().length) break; // the end of the text: nothing after it
    const sentence = sentenceSegment(current, problem.offset);
    const item = itemSegment(current, problem.offset, sentence);
    let next: Diagnostic | null = null;
    let blanked = current;
    let reported = false;
    for (const segment of item ? [item, withDependents(current, sentence)] : [withDependents(current, sentence)]) {
      blanked = blank(current, segment);
      next = parseFirst(blanked);
      // At or before the blanked part's next word, the new problem is the blanking's own doing.
      if (next !== null && next.offset <= nextWord(blanked, segment.end)) {
        if (segment !== item) {
          // The sentence after depended on this one ("Upon achieving each milestone, …" after a broken list):
          // blank it too, without reporting it.
          const dependent = sentenceSegment(blanked, next.offset);
          blanked = blank(blanked, dependent);
          next = parseFirst(blanked);
          reported = next !== null && next.offset > dependent.end;
        }
        continue;
      }
      reported = next !== null;
      break;
    }
    if (!reported || next === null) break;
    found.push(next);
    current = blanked;
    problem = next;
  }
  return found;
}
