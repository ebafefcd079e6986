/**
 * What the ledger's rows are. A sales ledger (the default) cannot tell bookings from sales, so a
 * clause measured in Bookings is refused against it (`unmeasurable-metric`) rather than read from
 * the sales amounts. A ledger declared to hold bookings (library context `ledgerHolds: 'bookings'`,
 * CLI `--ledger-holds bookings`, portfolio contract field `ledgerHolds`) measures Bookings from its
 * amounts, and then it is a revenue metric other than Bookings ("Net Sales") that the ledger cannot
 * give. One place decides both ways, for `validate` and for the evaluation.
 */
import type { DocumentNode, Range } from './ast';
import { paymentParts } from './payment-parts';

export type LedgerHolds = 'sales' | 'bookings';
export const LEDGER_HOLDS: readonly LedgerHolds[] = ['sales', 'bookings'];

export const isLedgerHolds = (x: unknown): x is LedgerHolds => typeof x === 'string' && (LEDGER_HOLDS as readonly string[]).includes(x);

const BOOKINGS = /\bbookings\b/i;

/** How to declare a ledger of bookings, in each of the three places an evaluation is set up. */
export const DECLARE_BOOKINGS = "declare that the ledger holds bookings (--ledger-holds bookings; ledgerHolds: 'bookings' in the library context or a portfolio contract)";

/** A revenue metric the clause measures, as written (undefined: "sales revenue" with no defined term). */
interface MetricWords {
  term: string | undefined;
  range: Range;
}

function revenueMetrics(document: DocumentNode): MetricWords[] {
  const out: MetricWords[] = [];
  for (const clause of document.clauses) {
    for (const m of clause.milestones) {
      if (m.target.kind === 'revenue') out.push({ term: m.target.term, range: m.target.range });
      const measure = m.payment ? measureOf(m.payment) : undefined;
      if (measure) out.push(measure);
    }
    for (const term of clause.payments) {
      const measure = measureOf(term.payment);
      if (measure) out.push(measure);
    }
  }
  return out;
}

function measureOf(payment: Parameters<typeof paymentParts>[0]): MetricWords | undefined {
  const base = paymentParts(payment).base;
  return 'measure' in base && base.measure ? { term: base.measure.term, range: base.measure.range } : undefined;
}

export const measuresBookings = (term: string | undefined): boolean => term !== undefined && BOOKINGS.test(term);

/** A metric the declared ledger cannot measure, with why, or none. */
export interface LedgerMismatch {
  term: string;
  range: Range;
  message: string;
}

/**
 * The revenue metrics of `document` that a ledger holding `holds` cannot measure. Bookings against a
 * sales ledger is left to the defined-metric check (check-readings.ts), which names it with the other
 * metrics a sales ledger cannot give; this returns the other direction only.
 */
export function bookingsLedgerMismatches(document: DocumentNode, holds: LedgerHolds): LedgerMismatch[] {
  if (holds !== 'bookings') return [];
  return revenueMetrics(document)
    .filter((m) => !measuresBookings(m.term))
    .map((m) => ({
      term: m.term ?? 'sales revenue',
      range: m.range,
      message: `'${m.term ?? 'sales revenue'}' cannot be measured from a ledger declared to hold bookings: bookings are not sales. Give a ledger of sales (leave out ledgerHolds, or --ledger-holds sales) for this metric.`,
    }));
}

/** The note stating the reading, when the ledger holds bookings and the clause measures them; else null. */
export function bookingsNote(document: DocumentNode, holds: LedgerHolds | undefined): string | null {
  if (holds !== 'bookings' || !revenueMetrics(document).some((m) => measuresBookings(m.term))) return null;
  return "Bookings are measured from the ledger's amounts: the ledger is declared to hold bookings (ledgerHolds: 'bookings'), so each row's amount is read as a booking on its date";
}

/**
 * What an evaluation makes of the declared ledger for `document`: refused (`unmeasurable-metric`, or
 * `invalid-context` for a value that is not one of LEDGER_HOLDS) or read, with the note that states
 * the reading when there is one. The in-memory and the SQL evaluations both ask here.
 */
export function ledgerHoldsReading(
  document: DocumentNode,
  holds: unknown,
): { ok: true; note: string | null } | { ok: false; code: 'unmeasurable-metric' | 'invalid-context'; message: string } {
  if (holds !== undefined && !isLedgerHolds(holds)) {
    return { ok: false, code: 'invalid-context', message: `ledgerHolds '${String(holds)}' is not one of ${LEDGER_HOLDS.map((h) => `'${h}'`).join(', ')}` };
  }
  const declared: LedgerHolds = holds ?? 'sales';
  if (declared === 'sales') {
    const bookings = revenueMetrics(document).find((m) => measuresBookings(m.term));
    if (bookings) {
      return { ok: false, code: 'unmeasurable-metric', message: `'${bookings.term}' cannot be measured from a sales ledger: bookings are not sales; for a ledger of bookings, ${DECLARE_BOOKINGS}` };
    }
    return { ok: true, note: null };
  }
  const mismatch = bookingsLedgerMismatches(document, declared)[0];
  if (mismatch) return { ok: false, code: 'unmeasurable-metric', message: mismatch.message };
  return { ok: true, note: bookingsNote(document, declared) };
}
