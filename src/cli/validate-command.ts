import { codeFrameColumns } from '@babel/code-frame';
import type { Command } from 'commander';
import { validate } from '../check';
import type { Diagnostic } from '../diagnostics';
import { summariseMilestone } from '../describe';
import { EXIT, readText } from './io';

/** One diagnostic for people: where, what, the line with a caret, and the suggestion. */
export function formatDiagnostic(d: Diagnostic, text: string, file: string): string {
  const frame = codeFrameColumns(
    text,
    { start: { line: d.line, column: d.column }, end: d.endLine === d.line && d.endColumn > d.column ? { line: d.endLine, column: d.endColumn } : undefined },
    { highlightCode: false, linesAbove: 1, linesBelow: 1 },
  );
  const lines = [`${file}:${d.line}:${d.column}: ${d.severity} [${d.code}] ${d.message}`, frame];
  if (d.suggestion) lines.push(`  hint: ${d.suggestion}`);
  return lines.join('\n');
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
