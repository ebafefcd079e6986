/**
 * Checks of computed amounts in payer-pays sentences (their measure: MeasureNode). An amount that
 * names its own window after a condition must name the condition's ("such Net Sales", "in such
 * Calendar Year"), since one amount is settled per window instance; a measure of another metric than
 * the condition's would be counted on sales the milestone does not count; a minimum payout or a due
 * date "after the end of such quarter" must name the period the amount is owed for.
 */
import type { ClauseNode, DueNode, LimitNode, MeasureNode, MilestoneNode, OpeningNode, PaymentNode, WindowNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { paymentParts } from './payment-parts';

/** The measure of a payment's amount, when it is a computed amount of a payer-pays sentence. */
export function measureOf(p: PaymentNode | null): MeasureNode | null {
  if (p === null) return null;
  const base = paymentParts(p).base;
  return 'measure' in base && base.measure ? base.measure : null;
}

/** The period one instance of a window covers: its unit, and whether it is a calendar one; null for a cumulative window. */
export function windowPeriod(w: WindowNode): { unit: string; calendar: boolean } | null {
  if (w.kind === 'recurring' || w.kind === 'period') return { unit: w.unit, calendar: false };
  // Calendar and fiscal windows carry their unit too ("calendar quarter").
  const other = w as { kind: string; unit?: unknown };
  if (typeof other.unit === 'string' && other.kind.startsWith('calendar')) return { unit: other.unit, calendar: true };
  return null;
}

/** Whether "for such <words>" names the period of `w`: a defined period by its name, a calendar or contract one by its unit. */
function namesPeriodOf(words: string, w: WindowNode | null): boolean {
  if (w === null) return false;
  if (w.kind === 'defined-period') return w.term.toLowerCase() === words.toLowerCase();
  const period = windowPeriod(w);
  return period !== null && periodWords(period) === words.toLowerCase();
}

const withoutRanges = (w: WindowNode): string => JSON.stringify(w, (key, value: unknown) => (key === 'range' ? undefined : value));
const same = (a: WindowNode, b: WindowNode): boolean => withoutRanges(a) === withoutRanges(b);
const periodWords = (p: { unit: string; calendar: boolean }): string => `${p.calendar ? 'calendar ' : ''}${p.unit}`;

export function checkMeasured(clause: ClauseNode, out: Diagnostic[]): void {
  for (const m of clause.milestones) {
    const measure = measureOf(m.payment);
    if (!measure || !m.payment) continue;
    // A definition's "such calendar quarter" is its own period's, checked with the definition (check-payment-definition.ts).
    if (clause.form !== 'payment-definition') checkMeasureWindow(m, measure, out, clause.opening);
    if (m.condition !== 'payment' && m.target.kind === 'revenue' && measure.basis !== null && m.target.basis !== null && measure.basis !== m.target.basis) {
      out.push(
        diagnostic(
          'measure-metric-mismatch',
          measure.range,
          `The amount is counted on ${measure.term} (${measure.basis}) but the condition counts ${m.target.term ?? 'sales'} (${m.target.basis}): write the same metric in both (or "such ${m.target.term ?? 'sales'}").`,
        ),
      );
    }
    const { limited, due, base } = paymentParts(m.payment);
    if (limited?.cap?.sumOf !== undefined) checkSumCap(limited.cap, 'definedAs' in base ? base.definedAs : undefined, out);
    const period = windowPeriod(m.window);
    if (limited?.minimumPayout) checkOwnPeriod(limited.minimumPayout, period, 'A minimum payout', out);
    if (due?.such) checkDuePeriod(due, period, out);
  }
}

/**
 * "The sum of the quarterly Sales Incentives …": the sum must be of the amount the sentence names
 * ('(the "Sales Incentive")'), or the cap could bound some other amount of the contract.
 */
function checkSumCap(cap: LimitNode, name: string | undefined, out: Diagnostic[]): void {
  const words = (cap.sumOf as string).toLowerCase();
  if (name !== undefined && namesOnly(words, name.toLowerCase())) return;
  if (name !== undefined && words.includes(name.toLowerCase())) {
    // "the sum of the Incentive Bonuses" after an amount named "Incentive": the words name more than this amount, and a
    // cap over several amounts together would be applied to this one alone.
    out.push(
      diagnostic(
        'cap-subject-mismatch',
        cap.range,
        `The cap is on "the sum of the ${cap.sumOf}", which names more than the amount "${name}": a cap on several amounts together is not read (applied to "${name}" alone it would bound less than it says). Write a cap on this amount alone (its name, "${name}", after "the sum of the"), or evaluate the amounts it names together by hand.`,
      ),
    );
    return;
  }
  out.push(
    diagnostic(
      'cap-subject-mismatch',
      cap.range,
      name === undefined
        ? `The cap is on "the sum of the ${cap.sumOf}", but the amount before it is not given that name: name it ('(the "…")' after the amount), or write the cap as a proviso ("; provided that commissions earned in any year shall not exceed …").`
        : `The cap is on "the sum of the ${cap.sumOf}", but the amount before it is named "${name}": write the same name in both.`,
    ),
  );
}

/** Words a sum may put before the amount's name: the period each amount is for ("the quarterly Sales Incentives"). */
const PERIOD_ADJECTIVES = new Set(['monthly', 'quarterly', 'annual', 'yearly']);

/** Whether the words of a sum are the amount's name alone (singular or plural), after period adjectives. */
function namesOnly(words: string, name: string): boolean {
  const forms = (w: string): boolean => w === name || w === `${name}s` || w === `${name}es` || (name.endsWith('y') && w === `${name.slice(0, -1)}ies`);
  const list = words.split(/\s+/);
  while (list.length > 1 && PERIOD_ADJECTIVES.has(list[0]) && !forms(list.join(' '))) list.shift();
  return forms(list.join(' '));
}

/** "For each Calendar Year, … in such Calendar Year": the opening is the period "such" refers to. */
function openedBy(opening: OpeningNode | undefined, unit: string): boolean {
  return opening?.kind === 'period-opening' && opening.window.kind === 'calendar-period' && opening.window.unit === unit;
}

function checkMeasureWindow(m: MilestoneNode, measure: MeasureNode, out: Diagnostic[], clauseOpening?: OpeningNode): void {
  if (m.condition === 'payment') {
    const base = m.payment ? paymentParts(m.payment).base : null;
    if (base?.kind === 'rate-on-excess' && base.threshold.kind === 'target-reference') {
      out.push(diagnostic('target-without-condition', base.threshold.range, base.threshold.name !== undefined ? `"the ${base.threshold.name}" refers to the target of a condition, but this sentence has none: write the amount ("in excess of $100,000").` : '"the target" refers to the target of a condition, but this sentence has none: write the amount ("in excess of $100,000").'));
    }
    const forSuch = base?.kind === 'rate-on-excess' ? base.thresholdName?.forSuch : undefined;
    if (forSuch !== undefined && !namesPeriodOf(forSuch, measure.window)) {
      out.push(
        diagnostic(
          'measure-window-mismatch',
          base!.range,
          `The threshold is stated "for such ${forSuch}", but the amount is counted ${measure.window ? 'in another period' : 'with no period'}: write the same period for both ("in each ${forSuch}").`,
        ),
      );
    }
    if (m.sameSentence && measure.such) {
      // "…, and an incentive bonus of 2% of Total Sales in such quarter …": the first amount's period, whose window it has.
      const period = windowPeriod(m.window);
      if (!period || period.unit !== measure.such.unit || (measure.such.calendar && !period.calendar)) {
        out.push(diagnostic('measure-window-mismatch', measure.range, `"${measure.such.preposition} such ${periodWords(measure.such)}" refers to the period of the amount before it, but that amount ${period ? `is counted in each ${periodWords(period)}` : 'names no recurring period'}: write the same period.`));
      }
    } else if (measure.such && !openedBy(clauseOpening, measure.such.unit)) {
      out.push(diagnostic('measure-window-mismatch', measure.range, `"${measure.such.preposition} such ${measure.such.unit}" refers to the period of a condition, but this sentence has none: write the period ("in each ${measure.such.unit}").`));
    }
    return;
  }
  if (measure.window && !same(measure.window, m.window)) {
    out.push(
      diagnostic(
        'measure-window-mismatch',
        measure.window.range,
        'The amount names a period other than the condition\'s: one amount is owed per period the condition tests, so write the same period, or "in such …" to refer to it.',
      ),
    );
  }
  if (measure.such) {
    const period = windowPeriod(m.window);
    if (!period || period.unit !== measure.such.unit || period.calendar !== measure.such.calendar) {
      out.push(
        diagnostic(
          'measure-window-mismatch',
          measure.range,
          `"such ${periodWords(measure.such)}" must refer to the condition's period, but the condition ${period ? `tests each ${periodWords(period)}` : 'has no recurring period'}.`,
        ),
      );
    }
  }
}

/** "for a quarter" names the window's own quarter, calendar or contract; "for a Calendar Quarter" a calendar one only. */
function samePeriod(own: { unit: string; calendar: boolean }, period: { unit: string; calendar: boolean } | null): boolean {
  return period !== null && period.unit === own.unit && (!own.calendar || period.calendar);
}

function checkOwnPeriod(limit: LimitNode, period: { unit: string; calendar: boolean } | null, what: string, out: Diagnostic[]): void {
  const own = { unit: limit.per, calendar: limit.calendar === true };
  if (!samePeriod(own, period)) {
    out.push(
      diagnostic(
        'settlement-period-mismatch',
        limit.range,
        `${what} "for a ${periodWords(own)}" needs the amount to be owed per ${periodWords(own)}, but it is owed ${period ? `per ${periodWords(period)}` : 'over a cumulative window'}: write the period the amount is counted in.`,
      ),
    );
  }
}

function checkDuePeriod(due: DueNode, period: { unit: string; calendar: boolean } | null, out: Diagnostic[]): void {
  const own = { unit: due.after, calendar: due.calendar };
  if (!samePeriod(own, period)) {
    out.push(
      diagnostic(
        'settlement-period-mismatch',
        due.range,
        `"after the end of such ${periodWords(own)}" needs the amount to be owed per ${periodWords(own)}, but it is owed ${period ? `per ${periodWords(period)}` : 'over a cumulative window'}.`,
      ),
    );
  }
}
