import { codeFrameColumns } from '@babel/code-frame';
import type { Command } from 'commander';
import { validate } from '../check';
import type { Diagnostic } from '../diagnostics';
import { summariseMilestone } from '../describe';
import { EXIT, readText } from './io';

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
  // Only the lines around the diagnostic go to the code frame: given the whole text, it splits all
  // of it for every diagnostic (quadratic on a long document with many diagnostics).
  const lineStart = d.offset - (d.column - 1);
  const firstLine = d.line > 1 ? d.line - 1 : d.line;
  const from = d.line === 1 ? 0 : lineStart >= 2 ? text.lastIndexOf('\n', lineStart - 2) + 1 : 0;
  const endOfLast = text.indexOf('\n', d.endOffset);
  const next = endOfLast === -1 ? -1 : text.indexOf('\n', endOfLast + 1);
  const to = endOfLast === -1 ? text.length : next === -1 ? text.length : next;
  let lines = text.slice(from, to).split('\n').map((l) => l.replace(/\r$/, ''));
  // Cut long lines (a 10,000-item list on one line) to a window around the caret.
  let column = d.column;
  let endColumn = d.endLine === d.line && d.endColumn > d.column ? d.endColumn : undefined;
  if (lines.some((l) => l.length > FRAME_WIDTH)) {
    const start = Math.max(0, d.column - 1 - 40);
    lines = lines.map((l) => (start > 0 ? '…' : '') + l.slice(start, start + FRAME_WIDTH) + (l.length > start + FRAME_WIDTH ? '…' : ''));
    const shift = start > 0 ? start - 1 : 0;
    column -= shift;
    if (endColumn !== undefined) endColumn = Math.min(endColumn - shift, FRAME_WIDTH + 2);
  }
  const frame = codeFrameColumns(
    lines.map(showable).join('\n'),
    { start: { line: d.line, column }, end: endColumn !== undefined ? { line: d.line, column: endColumn } : undefined },
    { highlightCode: false, linesAbove: 1, linesBelow: 1, startLine: firstLine } as Parameters<typeof codeFrameColumns>[2], // startLine: in @babel/code-frame, not in its types
  );
  const out = [`${file}:${d.line}:${d.column}: ${d.severity} [${d.code}] ${showable(d.message)}`, frame];
  if (d.suggestion) out.push(`  hint: ${showable(d.suggestion)}`);
  return out.join('\n');
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a clause file and show what the engine understood')
    .argument('<file>', "clause text file, or '-' for standard input")
    .option('--json', 'print { valid, diagnostics, clauses } as JSON')
    .addHelpText('after', '\nExit codes: 0 no errors (warnings allowed), 1 the clause has errors, 2 usage error.')
    .action((file: string, options: { json?: boolean }) => {
      const text = readText(file);
      const result = validate(text);
      const shown = file === '-' ? '<stdin>' : file;
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ valid: result.valid, diagnostics: result.diagnostics, clauses: result.ast?.clauses ?? [] }, null, 2)}\n`);
      } else {
        process.stdout.write(humanReport(result, text, shown));
      }
      process.exitCode = result.valid ? EXIT.ok : EXIT.invalid;
    });
}

function humanReport(result: ReturnType<typeof validate>, text: string, file: string): string {
  const out: string[] = [];
  for (const d of result.diagnostics) out.push(formatDiagnostic(d, text, file), '');
  if (result.ast) {
    result.ast.clauses.forEach((clause, i) => {
      const who = clause.party ? `${clause.party.name}` : 'no party named (headed form)';
      out.push(`Clause ${i + 1}: ${who}, ${clause.milestones.length} milestone${clause.milestones.length === 1 ? '' : 's'}`);
      for (const m of clause.milestones) {
        const s = summariseMilestone(m, clause);
        out.push(`  ${s.label ? `(${s.label})` : '-'} ${s.target}`);
        out.push(`      deadline: ${s.deadline}`);
        out.push(`      measured: ${s.metricRule}`);
        out.push(`      payment:  ${s.payment}`);
      }
    });
    out.push('');
  }
  const count = (severity: Diagnostic['severity']): number => result.diagnostics.filter((d) => d.severity === severity).length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const tally = `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}`;
  out.push(result.valid ? `Valid (${tally}).` : `Not valid (${tally}).`);
  return `${out.join('\n')}\n`;
}
