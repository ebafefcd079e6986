/** Clause diagnostics for people: where, what, the line with a caret, and the suggestion. */
import type * as CodeFrame from '@babel/code-frame';
import type { Diagnostic } from '../diagnostics';
import { lineStarts } from '../language/positions';

/** The widest source line a code frame shows; longer lines are cut around the caret. */
const FRAME_WIDTH = 120;

/**
 * Characters a terminal would act on or that would hide or reorder the frame: control characters
 * (escape sequences in binary input), line and paragraph separators (which code frames count as
 * line breaks, unlike the engine), bidirectional and zero-width marks, lone surrogates. Frames and
 * messages show them as U+FFFD, one for one, so columns stay right; messages name the code point.
 */
const UNSHOWABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const showable = (s: string): string => s.replace(UNSHOWABLE, '\ufffd');

/** One diagnostic for people: where, what, the line with a caret, and the suggestion. */
export function formatDiagnostic(d: Diagnostic, text: string, file: string): string {
  // Only the diagnostic's line and its neighbours go to the code frame, each cut to a window
  // around the caret when a line is long: the cost per diagnostic is bounded whatever the text
  // (given the whole text, code-frame splits all of it for every diagnostic).
  const starts = lineStarts(text);
  const firstLine = Math.max(1, d.line - 1);
  const lastLine = Math.min(starts.length, d.line + 1);
  const bounds = [];
  for (let line = firstLine; line <= lastLine; line++) {
    const start = starts[line - 1];
    let end = line < starts.length ? starts[line] - 1 : text.length;
    if (end > start && text[end - 1] === '\r') end--;
    bounds.push({ start, end });
  }
  const long = bounds.some((b) => b.end - b.start > FRAME_WIDTH);
  const cut = long ? Math.max(0, d.column - 1 - 40) : 0;
  const lines = bounds.map((b) => {
    if (!long) return text.slice(b.start, b.end);
    const from = Math.min(b.start + cut, b.end);
    const to = Math.min(b.end, from + FRAME_WIDTH);
    return (cut > 0 && from < b.end ? '…' : '') + text.slice(from, to) + (to < b.end ? '…' : '');
  });
  const shift = cut > 0 ? cut - 1 : 0;
  const column = d.column - shift;
  const endColumn = d.endLine === d.line && d.endColumn > d.column ? Math.min(d.endColumn - shift, FRAME_WIDTH + 2) : undefined;
  // Loaded on first use: only a clause with diagnostics needs it, and every start-up would pay.
  const { codeFrameColumns } = require('@babel/code-frame') as typeof CodeFrame;
  const frame = codeFrameColumns(
    lines.map(showable).join('\n'),
    { start: { line: d.line, column }, end: endColumn !== undefined ? { line: d.line, column: endColumn } : undefined },
    { highlightCode: false, linesAbove: 1, linesBelow: 1, startLine: firstLine } as Parameters<typeof codeFrameColumns>[2], // startLine: in @babel/code-frame, not in its types
  );
  const out = [`${file}:${d.line}:${d.column}: ${d.severity} [${d.code}] ${showable(d.message)}`, frame];
  if (d.suggestion) out.push(`  hint: ${showable(d.suggestion)}`);
  return out.join('\n');
}
