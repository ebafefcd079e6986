/**
 * What qualifies an evaluation's report besides its own readings, for the command line and the library alike: how
 * the export was read (the ledger translator's notes: mapped columns, formats, delimiter) and a time zone written as
 * an abbreviation (`EST` read as UTC−5 all year: a `zone-abbreviation` warning naming the IANA zone meant).
 */
import { zoneAbbreviationWarning } from '../time/zone-abbreviations';
import type { EvaluationReport } from './report';

export function qualifyReport(report: EvaluationReport, ledgerNotes: readonly string[], timeZone: string): EvaluationReport {
  if (report.ok) for (const note of ledgerNotes) report.notes.push(note);
  const zoneWarning = zoneAbbreviationWarning(timeZone);
  if (zoneWarning !== null) report.diagnostics.push({ code: 'zone-abbreviation', severity: 'warning', message: zoneWarning });
  return report;
}
