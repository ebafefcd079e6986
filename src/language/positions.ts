/**
 * Offsets → 1-based lines and columns, counting lines at LF as the lexer does. The line starts of
 * the last text asked about are kept, so reporting many positions in one text stays linear.
 */
import type { Position, Range } from './ast';

let lineIndex: { text: string; starts: number[] } | null = null;

/** The offset at which each line of `text` starts. */
export function lineStarts(text: string): number[] {
  if (lineIndex?.text !== text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineIndex = { text, starts };
  }
  return lineIndex.starts;
}

export function positionAt(text: string, offset: number): Position {
  const starts = lineStarts(text);
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low] + 1, offset };
}

/** A zero-width range at `offset`. */
export function pointRange(text: string, offset: number): Range {
  const point = positionAt(text, offset);
  return { start: point, end: point };
}
