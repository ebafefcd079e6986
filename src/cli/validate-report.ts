/** The human report of `clause validate`: diagnostics, then what the engine understood of each clause. */
import type { validate } from '../language/check';
import type { Diagnostic } from '../diagnostics';
import { summariseClause, summariseMilestone } from '../language/describe';
import { compoundNote, compoundReading } from '../language/compound-condition';
import { formatDiagnostic } from './diagnostic-report';

export function humanReport(result: ReturnType<typeof validate>, text: string, file: string): string {
  const out: string[] = [];
  for (const d of result.diagnostics) out.push(formatDiagnostic(d, text, file), '');
  if (result.ast) {
    result.ast.clauses.forEach((clause, i) => {
      const who = summariseClause(clause).parties;
      out.push(`Clause ${i + 1}: ${who}, ${clause.milestones.length} milestone${clause.milestones.length === 1 ? '' : 's'}`);
      for (const m of clause.milestones) {
        const s = summariseMilestone(m, clause, result.ast);
        out.push(`  ${s.label ? `(${s.label})` : '-'} ${s.target}`);
        // The target line names the first part only; a condition of several parts is stated whole, as evaluation reads it.
        if (m.compound) out.push(`      condition: ${compoundNote(m, compoundReading(m.compound))}`);
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
