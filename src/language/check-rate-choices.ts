/**
 * Checks of a rate chosen by conditions on the period's total (ChosenRatePaymentNode): every condition tests the metric
 * the rate is on, in the clause's own period; a share names the threshold by its name; and the conditions rise, each
 * bound above the one before, so that the rate of the highest condition met is one rate for every total. Without these,
 * which rate a total gets cannot be told.
 */
import type { ClauseNode, WindowNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { formatMoney } from '../values/money';
import { choiceBounds } from './rate-choices';
import { openedWindow } from './openings';
import { paymentParts } from './payment-parts';

/** The unit of a window that is one calendar period at a time ("in each calendar quarter"), else null. */
function calendarUnitOf(w: WindowNode): string | null {
  return w.kind === 'calendar-period' ? w.unit : null;
}

export function checkRateChoices(clause: ClauseNode, out: Diagnostic[]): void {
  for (const m of clause.milestones) {
    const p = m.payment ? paymentParts(m.payment).base : null;
    if (p?.kind !== 'chosen-rate') continue;
    const unit = calendarUnitOf(openedWindow(m, clause.opening));
    if (unit === null) {
      out.push(diagnostic('rate-choices', p.range, `A rate chosen by the period's total needs the period: begin the sentence with it ("For each calendar quarter, …").`));
    }
    let previous: { bound: string; text: string } | null = null;
    for (const c of choiceBounds(p)) {
      const s = c.choice.subject;
      if (s.kind === 'metric' && s.term.toLowerCase() !== p.measure.term.toLowerCase()) {
        out.push(diagnostic('rate-choices', c.choice.range, `This condition tests ${s.term}, but the rate is on ${p.measure.term}: write the same metric in both, so that one total chooses the rate.`));
      }
      if (s.kind === 'metric' && s.such !== null && unit !== null && s.such !== unit) {
        out.push(diagnostic('rate-choices', c.choice.range, `This condition tests the total "for such ${s.such}", but the rate is owed for each calendar ${unit}: write "for such ${unit}".`));
      }
      if (c.bound === null) {
        const b = c.choice.bound;
        out.push(diagnostic('rate-choices', b.range, `'${b.kind === 'money' ? b.text : b.name}' is not the threshold the rate is on the excess over (the ${p.thresholdName}), so its amount is unknown: write a share of the ${p.thresholdName} or an amount.`));
        continue;
      }
      if (previous !== null && !c.bound.greaterThan(previous.bound)) {
        out.push(diagnostic('rate-choices', c.choice.range, `The conditions must rise, each above the one before, so that a total meeting several gets the rate of the highest; this one (${formatMoney(c.bound.toFixed(), p.threshold.currency)}) is not above the one before (${formatMoney(previous.bound, p.threshold.currency)}). Write the conditions from the lowest to the highest.`));
      }
      previous = { bound: c.bound.toFixed(), text: c.choice.comparator.words };
    }
    if (p.choices[0]?.subject.kind === 'they') {
      out.push(diagnostic('rate-choices', p.choices[0].range, `'they' names no metric yet: write the metric in the first condition ("if Net Sales for such quarter are at least …").`));
    }
  }
}
