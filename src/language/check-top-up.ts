/**
 * Checks of a computed amount with a minimum per period, topped up ("… earned royalties of 5% of Net Sales ("Earned
 * Royalties"), payable annually. If Licensee's Earned Royalties for any calendar year are less than $100,000 (the
 * "Minimum Royalty"), Licensee shall make a payment to Foundation … equal to the difference between the Minimum
 * Royalty and the Earned Royalties for that calendar year."). The minimum sentence must speak of the amount the first
 * sentence names, of the payer's own amount, between the same parties, and of one period throughout (the minimum's,
 * the difference's, the due date's, and "annually"); otherwise the top-up could be read against another amount or
 * period than the one meant. The clause also gets one note saying how it is read.
 */
import type { ClauseNode, RoyaltyUndertakingNode, WindowNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { paymentParts } from './payment-parts';

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

function periodOf(w: WindowNode): { unit: string; calendar: boolean } | null {
  return w.kind === 'calendar-period' ? { unit: w.unit, calendar: true } : null;
}

export function checkTopUp(clause: ClauseNode, out: Diagnostic[]): void {
  const t = clause.topUp;
  if (!t) return;
  if (t.kind === 'royalty-undertaking') {
    checkUndertaking(clause, t, out);
    return;
  }
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

/**
 * "During the year commencing six (6) months from the date hereof, Operator undertakes to pay Licensor total royalties of
 * not less than US $11,500. Should the royalties under Paragraph 9(a) (…) be insufficient …, Operator shall contribute the
 * difference within forty-five (45) days after the end of that twelve (12) month period.": the party that contributes
 * is the one that undertakes, "that … period" is the year, the minimum is inclusive, and "US" goes with dollars.
 */
function checkUndertaking(clause: ClauseNode, t: RoyaltyUndertakingNode, out: Diagnostic[]): void {
  const m = clause.milestones[0];
  const mismatch = (range: typeof t.range, message: string): void => void out.push(diagnostic('top-up-mismatch', range, message));
  const payer = clause.payer?.name ?? '';
  if (!same(t.contributor.name, payer)) mismatch(t.contributor.range, `${t.contributor.name} contributes the difference, but ${payer || 'no party'} undertakes the minimum: name the same party.`);
  const w = m?.window;
  const months = w?.kind === 'span' ? (w.unit === 'year' ? w.n * 12 : w.unit === 'month' ? w.n : null) : null;
  if (months !== t.periodLength) mismatch(t.range, `The difference falls due after the end of "that ${t.periodLength} month period", but the minimum is for ${months === null ? 'another period' : `${months} months`}: write the period's length as the window's.`);
  if (t.comparator.strict) mismatch(t.comparator.range, `A minimum is reached by an amount equal to it: write "not less than" (the royalties must be at least the minimum).`);
  if (t.usWritten === true && t.minimum.currency !== 'USD') mismatch(t.minimum.range, `"US" before ${t.minimum.text} names dollars, but the amount is in ${t.minimum.currency}: write "US $…" or the amount alone.`);
  if (w?.kind === 'span' && w.start.kind === 'after-date-hereof') {
    out.push(
      diagnostic(
        'date-hereof-reading',
        w.range,
        '"the date hereof" is the date of the agreement; it is read as the effective date the evaluation is given, and the window starts ' +
          `${w.start.n} months after it (corresponding day). If the agreement is dated otherwise than its effective date, evaluate with the agreement's date as the effective date.`,
      ),
    );
  }
  out.push(
    diagnostic(
      'top-up-reading',
      t.range,
      `Read as a minimum of the royalties under ${t.under}: those royalties are owed under that provision, not by this clause; once the window is over, when they ` +
        `(as restated in brackets, on the window's whole total) are below the minimum, ${payer} owes ${clause.party?.name ?? 'the payee'} the difference, on the window's last day ` +
        '(royalties of exactly the minimum meet it). While the window is open nothing is owed.',
    ),
  );
}
