/**
 * The payout of an attainment table for one period: attainment is the period's total over the quota,
 * in percent; the band that holds it pays its amount, nothing, its share of an amount, or a straight
 * line between the payouts of the bands on either side. Bounds are compared exactly (total × 100
 * against bound × quota, never a rounded percentage), and the amount is rounded once, half-up. A value
 * no band holds has no payout: the caller reports it as undetermined, never as zero.
 */
import type { AttainmentPaymentNode, AttainmentPayoutNode } from '../../language/ast';
import { fixedPayout, holds, interpolationEnds } from '../../language/attainment-bands';
import { Dec, moneyString, roundMoney } from '../../values/money';
import { figure } from './calculation';

/** The calculation as data. `attainment` is the percentage for reading (attainmentText): exact, or "about" and four decimals. */
export interface AttainmentCalculation {
  kind: 'attainment';
  quota: string;
  total: string;
  attainment: string;
  /** 1-based band in the order written, or null when no band holds the attainment. */
  band: number | null;
  payout: AttainmentPayoutNode['kind'] | null;
  amount: string | null;
}

export interface AttainmentResult {
  calculation: AttainmentCalculation;
  text: string;
  /** Null when no band holds the attainment. */
  amount: Dec | null;
}

/**
 * The attainment in percent for people: exact when it has at most four decimals, else "about" and four
 * decimals, so that 79.9997% is never shown as 80.00%, the bound it does not reach.
 */
export function attainmentText(total: Dec, quota: Dec): string {
  if (quota.isZero()) return '-';
  const exact = total.times(100).dividedBy(quota);
  return exact.decimalPlaces() <= 4 ? exact.toFixed() : `about ${exact.toFixed(4, Dec.ROUND_HALF_UP)}`;
}

export function calculateAttainment(payment: AttainmentPaymentNode, total: Dec, quota: Dec, currency: string, unit = 'units'): AttainmentResult {
  const percentText = attainmentText(total, quota);
  const base = { kind: 'attainment' as const, quota: quota.toFixed(), total: total.toFixed(), attainment: percentText };
  // A reward table's bounds are the total itself ("more than 500 units"): compared as a percentage of 100.
  const counted = payment.reward !== undefined;
  const index = payment.bands.findIndex((b) => holds(b, total, counted ? new Dec(100) : quota));
  const ratio = counted ? `${total.toFixed()} ${unit} (objective ${quota.toFixed()} met)` : `${figure(total, currency)} of ${figure(quota, currency)} = ${percentText}%`;
  if (index < 0) {
    return { calculation: { ...base, band: null, payout: null, amount: null }, text: `${ratio}: no band of the table holds it, so the payout is undetermined (not zero)`, amount: null };
  }
  const band = payment.bands[index];
  let exact: Dec;
  let words: string;
  if (band.payout.kind === 'interpolated') {
    const ends = interpolationEnds(payment.bands, index);
    if (!ends || band.from === null || band.to === null) {
      return { calculation: { ...base, band: index + 1, payout: 'interpolated', amount: null }, text: `${ratio}: band ${index + 1} interpolates between neighbours that do not both pay a fixed amount`, amount: null };
    }
    const from = new Dec(band.from);
    const to = new Dec(band.to);
    // low + (high − low) × (attainment − from) / (to − from), with attainment = 100 × total / quota: one division.
    exact = ends.low.plus(ends.high.minus(ends.low).times(total.times(100).minus(from.times(quota))).dividedBy(to.minus(from).times(quota)));
    words = `${figure(ends.low, currency)} + (${figure(ends.high, currency)} − ${figure(ends.low, currency)}) × (${percentText}% − ${from.toFixed()}%) ÷ (${to.toFixed()}% − ${from.toFixed()}%), on a straight line`;
  } else {
    exact = fixedPayout(band.payout) as Dec;
    words = band.payout.kind === 'share' ? `${band.payout.percent}% × ${figure(new Dec(band.payout.of.amount), currency)}` : figure(exact, currency);
  }
  const amount = roundMoney(exact, currency);
  const rounded = exact.equals(amount) ? '' : ` (${figure(exact, currency)} rounded half-up)`;
  return {
    calculation: { ...base, band: index + 1, payout: band.payout.kind, amount: moneyString(amount, currency) },
    text: `${ratio}, band ${index + 1}: ${words} = ${figure(amount, currency)}${rounded}`,
    amount,
  };
}
