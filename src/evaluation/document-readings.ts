/**
 * The document as both engines evaluate it, and the notes that state how it was read, in the one order both engines
 * write them: a period opening gives its window to the conditions that write none (its notes come first); fiscal
 * periods are dated (their year start from the text or the option, or the evaluation fails saying why); periods
 * counted from a dated event and defined calendar periods become the windows they stand for; then the readings of the
 * document's definitions, statements, ledger and plans.
 */
import type { DocumentNode } from '../language/ast';
import { resolveOpenings } from '../language/openings';
import { resolveFiscalPeriods } from '../language/fiscal-year';
import { resolveEventPeriods } from '../language/event-periods';
import { resolveDefinedCalendarPeriods } from '../language/defined-calendar-periods';
import { customerDefinitionReading, customerDefinitions } from '../language/check-customer-definition';
import { severalPaymentsReading, severalPaymentsStatements } from '../language/several-payments';
import { listConditionReadings } from '../language/list-condition';
import { planTableReadings } from './plan-table-note';
import { planBandsReadings } from './plan-bands-note';

export interface ReadPeriods {
  /** The document with its periods read; without its fiscal periods dated when their year start is unknown. */
  document: DocumentNode;
  openingNotes: string[];
  /** How fiscal, event and defined calendar periods were read. */
  periodNotes: string[];
  fiscalError: { code: 'fiscal-year-start-unknown' | 'fiscal-year-start-conflict' | 'invalid-context'; message: string } | null;
}

export function readPeriods(written: DocumentNode, fiscalYearStart: string | undefined): ReadPeriods {
  const opened = resolveOpenings(written);
  const fiscal = resolveFiscalPeriods(opened.document, fiscalYearStart);
  const events = resolveEventPeriods(fiscal.ok ? fiscal.document : opened.document);
  const defined = resolveDefinedCalendarPeriods(events.document);
  return {
    document: defined.document,
    openingNotes: opened.notes,
    periodNotes: [...(fiscal.ok ? fiscal.notes : []), ...events.notes, ...defined.notes],
    fiscalError: fiscal.ok ? null : { code: fiscal.code, message: fiscal.message },
  };
}

/** The notes after the openings', in order: the periods', then the definitions', statements', ledger's (`holds`, `currency`) and plans'. */
export function documentReadings(document: DocumentNode, periodNotes: readonly string[], holds: string | null, currency: string | null): string[] {
  return [
    ...periodNotes,
    ...customerDefinitions(document).map(customerDefinitionReading),
    ...severalPaymentsStatements(document).map(severalPaymentsReading),
    ...listConditionReadings(document),
    ...(holds ? [holds] : []),
    ...(currency ? [currency] : []),
    ...planTableReadings(document),
    ...planBandsReadings(document),
  ];
}
