/**
 * Checks of shortfall sentences: a shortfall of a count is money only at a price per unit; a price
 * per unit on a money minimum means nothing; "it" as the payer needs a party named before it. Each
 * clause with a minimum also gets one note saying how it is read, since a reader may expect the
 * shortfall at the first row or a reward when the minimum is met.
 */
import type { ClauseNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';

export function checkShortfall(clause: ClauseNode, text: string, out: Diagnostic[]): void {
  if (clause.form !== 'shortfall' || !clause.minimum) return;
  const m = clause.milestones[0];
  const p = m?.payment;
  if (!m || !p || p.kind !== 'shortfall') return;
  if (m.target.kind === 'revenue' && p.unitPrice) {
    out.push(
      diagnostic(
        'shortfall-price-on-money',
        p.unitPrice.range,
        `The minimum is an amount of money, so its shortfall is money already: a price per unit does not apply. Remove 'at ${p.unitPrice.text} per unit', or state the minimum in units.`,
      ),
    );
  }
  if (m.target.kind !== 'revenue' && !p.unitPrice) {
    out.push(
      diagnostic(
        'shortfall-unpriced',
        p.range,
        `The minimum is a count, so its shortfall is a count, not money: give the price each missing unit is paid at, such as '${text.slice(p.range.start.offset, p.range.end.offset)} at $10 per unit'.`,
      ),
    );
  }
  if (clause.minimum.failure === 'less than' && clause.payer?.name.toLowerCase() === 'it') {
    out.push(diagnostic('shortfall-it-unresolved', clause.payer.range, `'it' must refer to a party named earlier in the sentence, and this one names none: name the party that pays, such as 'the Licensee'.`));
  }
  out.push(
    diagnostic(
      'shortfall-reading',
      clause.minimum.range,
      'Read as a minimum: judged on the period\'s total once the period is over (a total of exactly the minimum meets it); the shortfall is the minimum less that total, paid by the party that missed it, dated the period\'s last day. While the period is open, a total below the minimum is reported as a pending shortfall, not owed.',
    ),
  );
}
