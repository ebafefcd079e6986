/**
 * Wordings with two plausible readings. The engine takes one (the one the grammar reference
 * documents) and says so with a warning that names both readings and how to write each, so that
 * the choice is never silent.
 */
import type { ClauseNode, DocumentNode, MilestoneNode, PaymentNode, Range } from './ast';
import { itemSetUse } from './item-sets';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { metricOf, paymentFor, windowType } from './describe';

const ADJECTIVE_UNIT: Readonly<Record<string, 'quarter' | 'year'>> = { quarterly: 'quarter', annual: 'year', yearly: 'year' };

/** The source text of a range, one line, for quoting in a message. */
const quoted = (text: string, range: Range): string => text.slice(range.start.offset, range.end.offset).replace(/\s+/g, ' ');

export function checkReadings(clause: ClauseNode, text: string, out: Diagnostic[], document?: DocumentNode): void {
  for (const m of clause.milestones) {
    adjectiveHeading(m, text, out);
    headingDeadline(m, text, out);
    cumulativeInPeriod(m, text, out);
    endOfTheYear(m, out);
    definedMetric(m, out, document);
  }
  rateOnRunningTotals(clause, out);
}

/**
 * A metric written as a defined term ("Net Sales of Products in the Territory"): a scope phrase,
 * which no ledger column states, is warned, since every row is counted. (A metric the ledger cannot
 * measure at all is ledger-holds.ts's.)
 */
function definedMetric(m: MilestoneNode, out: Diagnostic[], document?: DocumentNode): void {
  const t = m.target;
  // A scope that names a set defined in the text is applied (src/language/item-sets.ts): only its words after the term are not.
  const use = document ? itemSetUse(m, document) : null;
  if (use !== null && use.via === 'scope') {
    if (use.rest !== null) {
      out.push(
        diagnostic(
          'scope-not-applied',
          t.range,
          `The scope '${use.rest}' is not applied to the ledger: the rows of "${use.definition.term}" are counted, as the definition names them, but not narrowed by '${use.rest}'. Give a ledger of the sales in that scope, or check the result against it.`,
        ),
      );
    }
    return;
  }
  if (t.kind === 'units' && t.scope !== undefined) {
    out.push(
      diagnostic(
        'scope-not-applied',
        t.range,
        `The scope '${t.scope}' is not applied to the ledger: every row's units are counted, as if the ledger held only those units. Give a ledger of the units in that scope, or check the result against it.`,
      ),
    );
  }
  if (t.kind !== 'revenue' || t.term === undefined) return;
  // "of a Licensed Product" is applied: each product's rows are counted on their own (src/language/per-product.ts).
  const rest = t.perProduct && t.scope !== undefined ? t.scope.replace(`of a ${t.perProduct.noun}`, '').replace(/\s+/g, ' ').trim() : t.scope;
  if (rest !== undefined && rest !== '') {
    out.push(
      diagnostic(
        'scope-not-applied',
        t.range,
        `The scope '${rest}' is not applied to the ledger: every row is counted, as if the ledger held only those sales. Give a ledger of the sales in that scope (products, territory, affiliates), or check the result against it.`,
      ),
    );
  }
}

/**
 * "Quarterly Target: $500,000 …" with no window: the first contract quarter (a running total to
 * its end), or every quarter? Plans write it for both; the heading alone does not say.
 */
function adjectiveHeading(m: MilestoneNode, text: string, out: Diagnostic[]): void {
  if (m.labelSource?.style !== 'heading' || m.window.kind !== 'end-of-period' || m.window.written !== 'implied') return;
  const adjective = m.labelSource.text.split(' ')[0].toLowerCase();
  const unit = ADJECTIVE_UNIT[adjective];
  if (!unit) return;
  const target = quoted(text, m.target.range);
  out.push(
    diagnostic(
      'heading-period-reading',
      m.labelSource.range,
      `'${m.labelSource.text}' with no window is read as one target for the first contract ${unit} (a running total from the effective date to its end, paid once). If the target applies to every ${unit}, each on its own, write '${target} in each ${unit}'; to keep the first ${unit} only, write '${target} by the end of the first ${unit}'.`,
      { suggestion: `write '${target} in each ${unit}' for every ${unit}, or '${target} by the end of the first ${unit}' for the first only` },
    ),
  );
}

const HEADING_UNIT_MONTHS: Readonly<Record<string, number>> = { month: 1, quarter: 3, year: 12 };
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

/**
 * "Month 2 Milestone: Close $150,000 … by the end of the first month": the heading names one contract period and the
 * window written ends with another. The window written is used (a written window wins over the heading), and the
 * warning names both and how to write each. A window that ends where the heading's period ends ("Month 3 Milestone: …
 * by the end of the quarter") agrees with it.
 */
function headingDeadline(m: MilestoneNode, text: string, out: Diagnostic[]): void {
  if (m.labelSource?.style !== 'heading' || m.label === null) return;
  // The grammar writes a numbered heading's label as "<Unit> <n>" ("Month 2").
  const heading = /^(Month|Quarter|Year) (\d+)$/.exec(m.label);
  const w = m.window;
  if (!heading || (w.kind !== 'end-of-period' && w.kind !== 'period') || (w.kind === 'end-of-period' && w.written === 'implied')) return;
  const unit = heading[1].toLowerCase();
  const n = Number(heading[2]);
  const headingEnd = HEADING_UNIT_MONTHS[unit] * n;
  const windowEnd = HEADING_UNIT_MONTHS[w.unit] * w.n;
  if (headingEnd === windowEnd) return;
  const endsWith = `${w.unit} ${w.n}`;
  const ordinal = ORDINALS[n - 1] ?? null;
  // A single period stays one ("in month 2"); a running total keeps its deadline form.
  const byEnd = w.kind === 'period' ? `in ${unit} ${n}` : ordinal ? `by the end of the ${ordinal} ${unit}` : `by the end of ${unit} ${n}`;
  out.push(
    diagnostic(
      'heading-window-mismatch',
      w.range,
      `'${m.labelSource.text}' names ${unit} ${n}, but the window written, '${quoted(text, w.range)}', ${w.kind === 'period' ? 'is' : 'ends with'} ${endsWith}: the window written is used. If ${unit} ${n} is meant, write '${byEnd}' or leave the window out; otherwise correct the heading.`,
      { suggestion: `write '${byEnd}' or leave the window out, or correct the heading` },
    ),
  );
}

/**
 * "if cumulative Net Sales in each calendar quarter exceed $100,000": each quarter is tested on its own total, but
 * "cumulative" may mean the running total from the effective date to each quarter's end. A window with its own bounds
 * ("during the Sales Milestone Period") or counted from the effective date is cumulative either way, and is not warned.
 */
function cumulativeInPeriod(m: MilestoneNode, text: string, out: Diagnostic[]): void {
  const t = m.target;
  if (t.kind !== 'revenue' || t.term === undefined || !/\bcumulative\b/i.test(t.term)) return;
  const w = m.window;
  const recurring = windowType(w) === 'recurring';
  if (!recurring && !(w.kind === 'period' && w.n > 1)) return;
  const window = quoted(text, w.range);
  out.push(
    diagnostic(
      'cumulative-period-reading',
      w.range,
      `'${t.term}' with '${window}' has two readings: the total of ${recurring ? 'each period' : 'that period'} alone, or the running total from the effective date to ${recurring ? "each period's" : 'its'} end. It is read as ${recurring ? "each period's" : "that period's"} own total.`,
      { suggestion: recurring ? "for each period's own total, leave out 'cumulative'; the running total to each period's end is not read yet" : `for that period's own total, leave out 'cumulative'; for the running total, write 'by the end of the ${w.kind === 'period' ? `${ORDINALS[w.n - 1] ?? w.n} ${w.unit}` : 'period'}'` },
    ),
  );
}

/** "by the end of the year": the first contract year, or 31 December? */
function endOfTheYear(m: MilestoneNode, out: Diagnostic[]): void {
  const w = m.window;
  if (w.kind !== 'end-of-period' || w.written !== 'the' || w.unit !== 'year') return;
  out.push(
    diagnostic(
      'end-of-year-reading',
      w.range,
      "'by the end of the year' is read as the end of the first contract year (twelve months from the effective date), not 31 December. For the calendar year's end write the date ('by December 31, 2026'); to keep the contract year, write 'by the end of the first year'.",
      { suggestion: "write 'by the end of the first year' (contract year) or a date such as 'by December 31, 2026' (calendar year)" },
    ),
  );
}

/**
 * A rate on each of several running-total milestones of one metric: each commission is on its
 * milestone's whole total since the effective date, so a sale before the first deadline earns the
 * rate again under every later milestone. Warned once per payment.
 */
function rateOnRunningTotals(clause: ClauseNode, out: Diagnostic[]): void {
  const byPayment = new Map<PaymentNode, Map<string, MilestoneNode[]>>();
  for (const m of clause.milestones) {
    const applies = paymentFor(m, clause);
    // "since the previous milestone" counts each sale once: check-since-previous.ts checks it instead.
    if (!applies || applies.payment.kind !== 'rate' || applies.payment.since || windowType(m.window) !== 'cumulative') continue;
    const metrics = byPayment.get(applies.payment) ?? new Map<string, MilestoneNode[]>();
    byPayment.set(applies.payment, metrics);
    const key = metricOf(m.target);
    metrics.set(key, [...(metrics.get(key) ?? []), m]);
  }
  for (const [payment, metrics] of byPayment) {
    if (payment.kind !== 'rate') continue;
    const overlapping = [...metrics.values()].find((ms) => ms.length > 1);
    if (!overlapping) continue;
    const names = overlapping.map((m, i) => (m.label ? `'${m.label}'` : `${i + 1}`));
    const listedNames = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    const times = overlapping.length === 2 ? 'twice' : `${overlapping.length} times`;
    const last = overlapping[overlapping.length - 1];
    const lastName = last.labelSource && last.labelSource.style !== 'heading' ? `milestone ${last.labelSource.style === 'parenthesised' ? last.labelSource.text : last.label}` : 'the milestone';
    out.push(
      diagnostic(
        'rate-on-cumulative',
        payment.range,
        `The ${payment.percent}% commission applies to milestones ${listedNames}, which count running totals from the effective date: each commission is on its milestone's whole total, so the same sales earn the rate once under each of them (${payment.percent}% ${times} on sales before the first deadline). If the rate is meant once on each sale, write '… sales revenue since the previous milestone', state it for one milestone only ('Upon achieving ${lastName}, …') and fixed bonuses for the others, or give each milestone its own period ('in the second month').`,
      ),
    );
  }
}
