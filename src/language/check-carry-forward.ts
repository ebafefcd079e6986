/**
 * Checks of a carry-forward sentence ("Net Sales in excess of a calendar quarter's target shall carry forward to the
 * next calendar quarter."). A carry needs periods that follow one another: the milestone's window must be recurring
 * ("in any calendar quarter", "in each quarter"), and the sentence must name that period twice; otherwise the error
 * `carry-forward-without-periods` (or `carry-forward-period-mismatch`), never a nearby reading. The excess is counted in
 * the milestone's own metric, so the sentence's metric must be it. A carried amount pays only a sum owed when a period is
 * met: with a computed payment (a rate, tiers, increments) whether the carried sales are paid again is not written, so
 * that is `unsupported-construct`, as are the constructs that decide a crossing another way (compound conditions,
 * catch-up, clawbacks, a first period only). When the text does not say whether a carried amount may carry again,
 * the warning `carry-forward-chain-unstated` names both readings and the one taken.
 */
import type { CarryForwardNode, CarryPeriod, ClauseNode, MilestoneNode, WindowNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { paymentParts } from './payment-parts';
import { windowType } from './describe';

const periodWords = (p: CarryPeriod): string => `${p.calendar ? 'calendar ' : ''}${p.unit}`;

/** The period a window repeats, as a carry-forward sentence names it; null for a window of one period only. */
export function repeatedPeriod(window: WindowNode): CarryPeriod | null {
  if (window.kind === 'recurring') return { calendar: false, unit: window.unit };
  if (window.kind === 'calendar-period' && window.selection.kind === 'each' && window.yearStart === '01-01' && window.unit !== 'half-year') {
    return { calendar: true, unit: window.unit };
  }
  return null;
}

const samePeriod = (a: CarryPeriod, b: CarryPeriod): boolean => a.calendar === b.calendar && a.unit === b.unit;

function milestoneProblem(m: MilestoneNode, clause: ClauseNode): string | null {
  if (m.compound) return 'a condition of several parts';
  if (clause.catchUp) return 'catch-up';
  if (clause.clawback) return 'a clawback sentence';
  if (m.once) return 'a payment made once only';
  if (m.payment) {
    const kind = paymentParts(m.payment).base.kind;
    if (kind !== 'fixed' && kind !== 'unstated' && kind !== 'section') return 'a computed payment (whether the carried sales are paid again is not written)';
  }
  return null;
}

export function checkCarryForward(clause: ClauseNode, out: Diagnostic[]): void {
  const node: CarryForwardNode | undefined = clause.carryForward;
  if (!node) return;
  if (!samePeriod(node.period, node.next)) {
    out.push(diagnostic('carry-forward-period-mismatch', node.range, `The excess is over a ${periodWords(node.period)}'s target but carries to the next ${periodWords(node.next)}: write the same period twice.`));
    return;
  }
  for (const m of clause.milestones) {
    const repeated = repeatedPeriod(m.window);
    if (repeated === null && windowType(m.window) === 'recurring') {
      // Fiscal periods, half-years and defined periods repeat too, but the sentence names only months, quarters and years.
      out.push(diagnostic('unsupported-construct', node.range, 'A carry-forward sentence after fiscal periods, half-years or defined periods is not read: write calendar months, quarters or years, or contract periods from the effective date.'));
      continue;
    }
    if (repeated === null) {
      out.push(
        diagnostic(
          'carry-forward-without-periods',
          node.range,
          'Sales carry forward only from one period to the next, and this milestone is tested in one window, not in a recurring period.',
          { suggestion: `test the milestone in each period, for example "in any ${periodWords(node.period)}"` },
        ),
      );
      continue;
    }
    if (!samePeriod(repeated, node.period)) {
      out.push(diagnostic('carry-forward-period-mismatch', node.range, `The milestone is tested in each ${periodWords(repeated)}, but the excess is over a ${periodWords(node.period)}'s target: write the milestone's period.`));
      continue;
    }
    if (m.target.kind !== 'revenue' || (node.basis !== null && m.target.basis !== node.basis)) {
      const counted = m.target.kind === 'revenue' ? `${m.target.basis} sales` : m.target.kind.replace('-', ' ');
      out.push(diagnostic('carry-forward-metric-mismatch', node.range, `The milestone counts ${counted}, but the sentence carries ${node.basis ?? 'plain'} sales forward: write the milestone's metric.`));
      continue;
    }
    const problem = milestoneProblem(m, clause);
    if (problem !== null) {
      out.push(diagnostic('unsupported-construct', node.range, `A carry-forward sentence with ${problem} is not read.`));
      continue;
    }
    if (node.again === null) {
      out.push(
        diagnostic(
          'carry-forward-chain-unstated',
          node.range,
          'The text does not say whether an amount carried into a period counts toward that period\'s own excess (and so may carry again) or only that period\'s own sales carry on; ' +
            'the engine reads it as counting (an amount may carry again).',
          { suggestion: 'add ", including amounts carried forward" or ", excluding amounts carried forward" before the period' },
        ),
      );
    }
  }
}
