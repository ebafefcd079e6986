/** Clause diagnostics for people: where, what, the line with a caret, and the suggestion. */
import type * as CodeFrame from '@babel/code-frame';
import type { Diagnostic } from '../diagnostics';
import { lineStarts } from '../language/positions';
import { forTerminal } from '../node/terminal-text';

/** The widest source line a code frame shows; longer lines are cut around the caret. */
const FRAME_WIDTH = 120;

/** Frames are sanitised line by line before code-frame sees them (it would count U+2028 as a line break). */
const showable = forTerminal;

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
