/**
 * Checks of a computed amount with a minimum per period, topped up ("… earned royalties of 5% of Net Sales ("Earned
 * Royalties"), payable annually. If Licensee's Earned Royalties for any calendar year are less than $100,000 (the
 * "Minimum Royalty"), Licensee shall make a payment to Foundation … equal to the difference between the Minimum
 * Royalty and the Earned Royalties for that calendar year."). The minimum sentence must speak of the amount the first
 * sentence names, of the payer's own amount, between the same parties, and of one period throughout (the minimum's,
 * the difference's, the due date's, and "annually"); otherwise the top-up could be read against another amount or
 * period than the one meant. The clause also gets one note saying how it is read.
 */
import type { ClauseNode, WindowNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { paymentParts } from './payment-parts';

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

function periodOf(w: WindowNode): { unit: string; calendar: boolean } | null {
  return w.kind === 'calendar-period' ? { unit: w.unit, calendar: true } : null;
}

export function checkTopUp(clause: ClauseNode, out: Diagnostic[]): void {
  const t = clause.topUp;
  if (!t) return;
  const m = clause.milestones[0];
  const base = m?.payment ? paymentParts(m.payment).base : null;
  if (!m || base?.kind !== 'rate' || !base.measure) {
    out.push(diagnostic('top-up-mismatch', t.range, 'A minimum topped up by "the difference" needs a rate of sales before it (\'royalties of 5% of Net Sales ("Earned Royalties")\') to be the minimum of.'));
    return;
  }
  const mismatch = (range: typeof t.range, message: string): void => void out.push(diagnostic('top-up-mismatch', range, message));
  if (base.measure.window !== null || base.measure.such !== undefined) {
    mismatch(base.measure.range, `The amount names its own period, but the minimum names "any calendar ${periodOf(t.window)?.unit ?? 'period'}": write the period once, in the minimum sentence.`);
  }
  const name = base.definedAs ?? '';
  if (!same(t.subject, name)) mismatch(t.range, `The minimum is of "${t.subject}", but the amount before it is named "${name}": write the same name in both, or the minimum could be of another amount.`);
  if (!same(t.between[0], t.minimumName) || !same(t.between[1], name)) {
    mismatch(t.range, `"the difference between the ${t.between[0]} and the ${t.between[1]}" must name the minimum ("${t.minimumName}") and then the amount ("${name}").`);
  }
  const payer = clause.payer?.name ?? '';
  const payee = clause.party?.name ?? '';
  if (!same(t.owner.replace(/['’]s$/, ''), payer)) mismatch(t.range, `The minimum is of ${t.owner} amount, but ${payer || 'no party'} pays it: a minimum of another party's amount is not read.`);
  if (!same(t.payer.name, payer) || !same(t.payee.name, payee)) {
    mismatch(t.payer.range, `The difference is paid by ${t.payer.name} to ${t.payee.name}, but the amount by ${payer} to ${payee}: name the same parties in both sentences.`);
  }
  const period = periodOf(t.window);
  const reference = periodOf(t.forPeriod);
  if (period === null || reference === null || period.unit !== reference.unit) mismatch(t.forPeriod.range, 'The difference must be "for that" period the minimum names.');
  if (period !== null && (t.due.after !== period.unit || !t.due.such)) mismatch(t.due.range, `The difference falls due "after the end of such ${t.due.calendar ? 'calendar ' : ''}${t.due.after}", but the minimum is per calendar ${period.unit}.`);
  if (base.payable === 'annually' && period !== null && period.unit !== 'year') mismatch(base.range, `The amount is "payable annually", but the minimum is per calendar ${period.unit}: an amount settled once a year cannot be held to a minimum per ${period.unit}.`);
  out.push(
    diagnostic(
      'top-up-reading',
      t.range,
      `Read as a minimum of the ${name}: each ${period ? `calendar ${period.unit}` : 'period'} owes its ${name}, computed on the period's whole total once it is over, and when they are ` +
        `below the ${t.minimumName} also the difference, paid by ${payer} to ${payee} on the period's last day (a period's ${name} of exactly the minimum meet it). ` +
        'While the period is open nothing is owed.',
    ),
  );
}
