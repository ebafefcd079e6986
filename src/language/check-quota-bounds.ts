/**
 * Checks of tier bounds written as shares of a quota or plan (src/language/quota-bounds.ts): every bound's
 * quota must have an amount in the sentence, one name one amount, and a bracketed amount after a share other
 * than 100% is doubtful (the quota's amount, or the bound's own?): the reading taken is named with the other.
 */
import type { ClauseNode, QuotaBoundNode, TierBandNode, TieredPaymentNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { paymentParts } from './payment-parts';
import { Dec, formatMoney } from '../values/money';
import { textKey } from '../values/text-key';
import { windowPeriod } from './check-measured';

const boundsOf = (b: TierBandNode): QuotaBoundNode[] => [b.fromQuota, b.toQuota].filter((q): q is QuotaBoundNode => q !== undefined);

export function checkQuotaBounds(clause: ClauseNode, out: Diagnostic[]): void {
  for (const m of clause.milestones) {
    const base = m.payment ? paymentParts(m.payment).base : null;
    if (base?.kind !== 'tiered') continue;
    checkBounds(base, out);
    // The period the tiers are measured in: the milestone's own, else a period opening's ("For each calendar quarter,").
    const window = m.window.kind === 'open' && clause.opening?.kind === 'period-opening' ? clause.opening.window : m.window;
    checkQuotaPeriods(base, windowPeriod(window), out);
  }
}

/** The period a quota's name gives it ("Quarterly Quota", "Annual Quota"), or null. */
const QUOTA_PERIOD: Readonly<Record<string, string>> = { quarterly: 'quarter', annual: 'year', yearly: 'year', monthly: 'month' };

/**
 * "For each calendar year, … up to 100% of the Quarterly Quota ($200,000)": a quota named for one period bounding a
 * total of another; the amount is used as written (not scaled), which the warning says, with the other reading.
 */
function checkQuotaPeriods(p: TieredPaymentNode, period: { unit: string } | null, out: Diagnostic[]): void {
  if (period === null) return;
  const warned = new Set<string>();
  for (const band of p.bands) {
    for (const q of boundsOf(band)) {
      const named = QUOTA_PERIOD[q.name.split(' ')[0].toLowerCase()];
      if (named === undefined || named === period.unit || warned.has(textKey(q.name))) continue;
      warned.add(textKey(q.name));
      out.push(
        diagnostic(
          'quota-period-mismatch',
          q.range,
          `The ${q.name} is named for a ${named}, but the tiers are measured in each ${period.unit}: its amount is used as written for each ${period.unit}'s total, not scaled to a ${period.unit}. ` +
            `If a ${period.unit}'s bound is the ${q.name} times the number of ${named}s in it, write that amount; if the tiers are meant per ${named}, name that period ('each calendar ${named}').`,
        ),
      );
    }
  }
}

/** Whether a band's quota bound is still without an amount (the other tier checks then wait for it). */
export function unresolvedQuota(p: TieredPaymentNode): boolean {
  return p.bands.some((b) => (b.fromQuota !== undefined && b.from === null) || (b.toQuota !== undefined && b.to === null));
}

/** The quota-bound checks of any tiered payment, also one written outside a milestone (check-plan-bands.ts). */
export const checkQuotaBoundAmounts = (p: TieredPaymentNode, out: Diagnostic[]): void => checkBounds(p, out);

function checkBounds(p: TieredPaymentNode, out: Diagnostic[]): void {
  const amounts = new Map<string, { text: string; amount: string; currency: string }>();
  for (const band of p.bands) {
    for (const q of boundsOf(band)) {
      if (q.amount) {
        const key = textKey(q.name);
        const seen = amounts.get(key);
        if (seen && (!new Dec(seen.amount).equals(q.amount.amount) || seen.currency !== q.amount.currency)) {
          out.push(diagnostic('quota-amount-conflict', q.amount.range, `The ${q.name} is ${q.amount.text} here but ${seen.text} at an earlier band: one quota has one amount. Write the same amount, or name the two quotas apart.`));
        } else if (!seen) {
          amounts.set(key, { text: q.amount.text, amount: q.amount.amount, currency: q.amount.currency });
        }
        if (q.amountWritten === 'brackets' && q.percent !== null && !new Dec(q.percent).equals(100)) {
          const share = formatMoney(new Dec(q.amount.amount).times(q.percent).dividedBy(100).toFixed(), q.amount.currency);
          out.push(
            diagnostic(
              'quota-amount-reading',
              q.amount.range,
              `${q.amount.text} in brackets is read as the amount of the ${q.name}, so this bound is ${q.percent}% of it (${share}); it may instead be the bound itself (${q.percent}% of the ${q.name} being ${q.amount.text}). ` +
                `To say which, write '${q.percent}% of the ${q.name} of ${q.amount.text}' for the first reading, or the bound as an amount ('up to ${q.amount.text}') for the second.`,
            ),
          );
        }
      }
    }
  }
  for (const band of p.bands) {
    for (const q of boundsOf(band)) {
      const resolved = q === band.fromQuota ? band.from : band.to;
      if (resolved === null) {
        out.push(diagnostic('quota-unresolved', q.range, `The ${q.name} has no amount in this sentence, so this band's bound is unknown: write its amount once, in brackets after its name ('the ${q.name} ($200,000)').`));
      }
    }
  }
}
