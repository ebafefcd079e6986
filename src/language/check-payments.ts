/**
 * Checks of payment mechanics: tier bands that join up and say which reading they take, one
 * currency per clause, positive increments, a cap above its floor, and a threshold "the target"
 * only where the milestone has a revenue target.
 */
import type { ClauseNode, LimitNode, MilestoneNode, MoneyNode, PaymentNode, TieredPaymentNode, UnlimitedPaymentNode } from './ast';
import { assertNever } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { Dec, formatMoney } from '../values/money';
import { paymentFor } from './describe';
import { conflictingWords, resolveBands, tierReading } from './tier-bands';
import { unresolvedQuota } from './check-quota-bounds';
import { paymentParts } from './payment-parts';

export function checkPaymentMechanics(clause: ClauseNode, out: Diagnostic[]): void {
  const seen = new Set<PaymentNode>();
  const payments = [...clause.milestones.map((m) => m.payment), ...clause.payments.map((t) => t.payment)];
  const currency = clauseCurrency(clause);
  for (const p of payments) {
    if (p === null || seen.has(p)) continue;
    seen.add(p);
    const { base, limited } = paymentParts(p);
    checkComputed(base, out);
    for (const money of amountsOf(p)) {
      if (currency !== null && money.currency !== currency) {
        out.push(diagnostic('payment-currency', money.range, `${money.text} is in ${money.currency} but the clause's targets are in ${currency}: a payment is computed in the currency of the sales it is counted on, without conversion.`));
      }
    }
    if (limited) checkLimits(limited.cap, limited.floor, out);
  }
  for (const m of clause.milestones) {
    const applies = paymentFor(m, clause);
    if (applies) checkThresholdTarget(applies.payment, m, out);
  }
}

function clauseCurrency(clause: ClauseNode): string | null {
  for (const m of clause.milestones) if (m.target.kind === 'revenue') return m.target.amount.currency;
  return null;
}

/** Every amount written in a payment, for the currency check. */
export function amountsOf(p: PaymentNode): MoneyNode[] {
  switch (p.kind) {
    case 'fixed':
    case 'section':
    case 'unstated':
    case 'rate':
      return [];
    case 'rate-on-excess':
      return p.threshold.kind === 'money' ? [p.threshold] : [];
    case 'tiered':
      return p.bands.flatMap((b) => [b.from, b.to]).filter((m): m is MoneyNode => m !== null);
    case 'per-increment':
      return [p.amount, p.increment, ...(p.threshold ? [p.threshold] : [])];
    case 'each-increment':
      return [p.amount];
    case 'shortfall':
      return p.unitPrice ? [p.unitPrice] : [];
    case 'attainment':
      return p.bands.flatMap((b) => (b.payout.kind === 'amount' ? [b.payout.amount] : b.payout.kind === 'share' ? [b.payout.of] : []));
    case 'chosen-rate':
      return [p.threshold, ...p.choices.flatMap((c) => (c.bound.kind === 'money' ? [c.bound] : []))];
    case 'limited':
      return [...amountsOf(p.payment), ...[p.cap?.amount, p.floor?.amount, p.minimumPayout?.amount].filter((m): m is MoneyNode => m !== undefined)];
    case 'timed':
      return amountsOf(p.payment);
    default:
      return assertNever(p);
  }
}

function checkComputed(p: UnlimitedPaymentNode, out: Diagnostic[]): void {
  switch (p.kind) {
    case 'fixed':
    case 'section':
    case 'unstated':
    case 'rate':
    case 'rate-on-excess':
      return;
    case 'tiered':
      checkTiers(p, out);
      return;
    case 'per-increment':
      if (new Dec(p.increment.amount).isZero()) {
        out.push(diagnostic('non-positive-increment', p.increment.range, `An increment of ${p.increment.text} never completes: write the size of each step, such as '$100,000'.`));
      }
      return;
    case 'each-increment':
      if (!new Dec(p.size).greaterThan(0)) {
        out.push(diagnostic('non-positive-increment', p.range, `An increment of ${p.size} never completes: write the size of each step, such as '$100,000' or '100 Units'.`));
      }
      return;
    case 'shortfall':
      // Whether the shortfall can be priced depends on the minimum: src/language/check-shortfall.ts.
      return;
    case 'attainment':
      // Gaps, overlaps and interpolation ends: src/language/check-attainment.ts.
      return;
    case 'chosen-rate':
      // Its conditions are checked against the clause's period: src/language/check-rate-choices.ts.
      return;
    default:
      assertNever(p);
  }
}

const money = (amount: string, currency: string | null): string => (currency ? formatMoney(amount, currency) : amount);

/** The band checks of any tiered payment, also one written outside a milestone (check-plan-bands.ts). */
export const checkTierBands = (p: TieredPaymentNode, out: Diagnostic[]): void => checkTiers(p, out);

function checkTiers(p: TieredPaymentNode, out: Diagnostic[]): void {
  // A bound whose quota has no amount is reported by check-quota-bounds.ts; the bands cannot be judged without it.
  if (unresolvedQuota(p)) return;
  const bands = resolveBands(p);
  for (let i = 1; i < bands.length; i++) {
    const prev = bands[i - 1];
    const band = bands[i];
    if (prev.to === null) {
      out.push(diagnostic('tier-bands', band.band.range, `The band before this one has no upper end, so no sales are left for this band: give the earlier band an end ('up to $…').`));
      return;
    }
    const gap = new Dec(band.from).comparedTo(prev.to);
    if (gap !== 0) {
      const currency = band.currency ?? prev.currency;
      out.push(
        diagnostic(
          'tier-bands',
          band.band.range,
          gap > 0
            ? `This band starts at ${money(band.from, currency)} but the one before it ends at ${money(prev.to, currency)}: sales between the two would earn no rate. Start this band where the other ends ('above ${money(prev.to, currency)}').`
            : `This band starts at ${money(band.from, currency)}, inside the band before it (which ends at ${money(prev.to, currency)}): the same sales would earn two rates. Start this band where the other ends ('above ${money(prev.to, currency)}').`,
        ),
      );
      return;
    }
  }
  for (const band of bands) {
    if (band.writtenFrom === undefined) continue;
    const prev = bands[band.index - 1];
    const currency = band.currency ?? prev.currency;
    out.push(
      diagnostic(
        'tier-whole-unit-gap',
        band.band.range,
        `This band starts at ${money(band.writtenFrom, currency)}, one unit above the end of the band before it (${money(band.from, currency)}, included there): ` +
          `read as bounds in whole units, this band starts just above ${money(band.from, currency)}, so an amount between the two (${money(band.from, currency)} and a fraction) is in this band and its share is counted from ${money(band.from, currency)}. ` +
          `Read literally, such an amount would earn no rate. To say the reading taken, start the band with 'over ${money(band.from, currency)}'.`,
      ),
    );
  }
  const last = bands[bands.length - 1];
  if (last.to !== null) {
    out.push(diagnostic('tier-bands', last.band.range, `The last band ends at ${money(last.to, last.currency)}: sales above it would earn no rate. If that is meant, add a band at 0% ('and 0% on Net Sales above ${money(last.to, last.currency)}').`));
  }
  const conflict = conflictingWords(p);
  if (conflict !== null) {
    out.push(diagnostic('tier-reading-conflict', p.range, `The tiers are stated to apply on a retroactive basis (all sales at the rate of the band reached), but a band says '${conflict}', which gives each band's rate to its own sales only. Remove one of the two.`));
    return;
  }
  const reading = tierReading(p);
  if (reading.source === 'default') {
    const first = bands[0];
    const second = bands[1];
    out.push(
      diagnostic(
        'tier-reading',
        p.range,
        `The tiers do not say whether each rate applies only to the sales within its band (marginal) or to all sales once a band is reached (retroactive); ` +
          `they are read as marginal: ${first.percent}% on the sales in the first band, ${second.percent}% on the sales in the next, and so on. ` +
          `Add ', on a marginal basis' or ', on a retroactive basis' after the bands to say which is meant.`,
      ),
    );
  }
}

function checkLimits(cap: LimitNode | null, floor: LimitNode | null, out: Diagnostic[]): void {
  if (cap && floor && new Dec(cap.amount.amount).lessThan(floor.amount.amount)) {
    out.push(diagnostic('cap-below-floor', cap.range, `The cap ${cap.amount.text} is below the minimum ${floor.amount.text}: no amount can meet both.`));
  }
}

function checkThresholdTarget(p: PaymentNode, m: MilestoneNode, out: Diagnostic[]): void {
  const inner = paymentParts(p).base;
  if (inner.kind === 'rate-on-excess' && inner.threshold.kind === 'target-reference' && m.target.kind !== 'revenue') {
    out.push(diagnostic('rate-needs-revenue', inner.threshold.range, `'the target' as a threshold needs a revenue milestone, but ${m.label ? `milestone '${m.label}'` : 'the milestone'} counts ${m.target.kind}.`));
  }
}
