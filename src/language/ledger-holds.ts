/**
 * What the ledger's rows are. A ledger of sales (the default) cannot tell bookings or the other
 * party's purchases from sales, so a clause measured in Bookings or Purchases is refused against it
 * (`unmeasurable-metric`) rather than read from the sales amounts. A ledger declared to hold bookings
 * or purchases (library context `ledgerHolds`, CLI `--ledger-holds`, portfolio contract field
 * `ledgerHolds`) measures that metric from its amounts, with a note; against it, any other revenue
 * metric ("Net Sales") is the one it cannot give. One place decides every direction, for `validate`
 * and for both evaluations (in memory and SQL).
 */
import type { DocumentNode, PaymentNode, Range } from './ast';
import { paymentParts } from './payment-parts';

export type LedgerHolds = 'sales' | 'bookings' | 'purchases';
export const LEDGER_HOLDS: readonly LedgerHolds[] = ['sales', 'bookings', 'purchases'];

export const isLedgerHolds = (x: unknown): x is LedgerHolds => typeof x === 'string' && (LEDGER_HOLDS as readonly string[]).includes(x);

/** The metric words that only a ledger of that kind measures, and why a ledger of sales cannot. */
const NOT_SALES: readonly { holds: LedgerHolds; word: RegExp; why: string }[] = [
  { holds: 'bookings', word: /\bbookings\b/i, why: "bookings are not sales: the ledger would need a 'type' column marking each row as a booking, or to hold bookings only" },
  {
    holds: 'purchases',
    word: /\bpurchases\b/i,
    why: "purchases are the other party's buying: the ledger would need a 'type' column marking each row as a purchase, or to hold those purchases only",
  },
];

/** The ledger a metric written as `term` is measured from (undefined: "sales revenue", no defined term). */
export function ledgerFor(term: string | undefined): LedgerHolds {
  return (term !== undefined && NOT_SALES.find((n) => n.word.test(term))?.holds) || 'sales';
}

/** How to declare a ledger of `holds`, in each of the three places an evaluation is set up. */
export const declare = (holds: LedgerHolds): string =>
  `declare that the ledger holds ${holds} (--ledger-holds ${holds}; ledgerHolds: '${holds}' in the library context or a portfolio contract)`;

/** A revenue metric the clause measures, as written. */
interface MetricWords {
  term: string | undefined;
  range: Range;
}

/** The revenue metrics of `document`: the milestones' targets and the computed payments' measures, each range once. */
function revenueMetrics(document: DocumentNode): MetricWords[] {
  const out: MetricWords[] = [];
  const add = (m: MetricWords | undefined): void => {
    if (m && !out.some((o) => o.range.start.offset === m.range.start.offset)) out.push(m);
  };
  for (const clause of document.clauses) {
    for (const m of clause.milestones) {
      if (m.target.kind === 'revenue') add({ term: m.target.term, range: m.target.range });
      if (m.payment) add(measureOf(m.payment));
    }
    for (const term of clause.payments) add(measureOf(term.payment));
  }
  return out;
}

function measureOf(payment: PaymentNode): MetricWords | undefined {
  const base = paymentParts(payment).base;
  return 'measure' in base && base.measure ? { term: base.measure.term, range: base.measure.range } : undefined;
}

/** A metric the declared ledger cannot measure, with why. */
export interface LedgerMismatch {
  range: Range;
  message: string;
}

/** The revenue metrics of `document` that a ledger holding `holds` cannot measure. */
export function ledgerMismatches(document: DocumentNode, holds: LedgerHolds): LedgerMismatch[] {
  const out: LedgerMismatch[] = [];
  for (const m of revenueMetrics(document)) {
    const needs = ledgerFor(m.term);
    if (needs === holds) continue;
    const words = m.term ?? 'sales revenue';
    const message =
      holds === 'sales'
        ? `'${words}' cannot be measured from a sales ledger: ${NOT_SALES.find((n) => n.holds === needs)!.why}; for a ledger of ${needs}, ${declare(needs)}. It is never read as sales revenue.`
        : `'${words}' cannot be measured from a ledger declared to hold ${holds}: its rows are not ${needs === 'sales' ? 'sales' : needs}. ` +
          (needs === 'sales' ? 'Give a ledger of sales (leave out ledgerHolds) for this metric.' : `Give a ledger of ${needs} and ${declare(needs)}.`);
    out.push({ range: m.range, message });
  }
  return out;
}

/**
 * What an evaluation makes of the declared ledger for `document`: refused (`unmeasurable-metric`, or
 * `invalid-context` for a value that is not one of LEDGER_HOLDS) or read, with the note that states
 * the reading when the ledger is not one of sales.
 */
export function ledgerHoldsReading(
  document: DocumentNode,
  holds: unknown,
): { ok: true; note: string | null } | { ok: false; code: 'unmeasurable-metric' | 'invalid-context'; message: string } {
  if (holds !== undefined && !isLedgerHolds(holds)) {
    return { ok: false, code: 'invalid-context', message: `ledgerHolds '${String(holds)}' is not one of ${LEDGER_HOLDS.map((h) => `'${h}'`).join(', ')}` };
  }
  const declared: LedgerHolds = holds ?? 'sales';
  const mismatch = ledgerMismatches(document, declared)[0];
  if (mismatch) return { ok: false, code: 'unmeasurable-metric', message: mismatch.message };
  if (declared === 'sales') return { ok: true, note: null };
  const metric = declared === 'bookings' ? 'Bookings are' : 'Purchases are';
  return { ok: true, note: `${metric} measured from the ledger's amounts: the ledger is declared to hold ${declared} (ledgerHolds: '${declared}'), so each row's amount is read as one of them on its date` };
}
