/**
 * Measured payments on the SQL path: an amount counted on a window instance's whole total ("10% of Net
 * Sales in each quarter", "3% of such Net Sales in excess of $150,000") is settled when the window ends,
 * triggered on its last day (src/evaluation/payments/settlement.ts), and one that comes to zero is no
 * obligation. The query gives each instance's total, crossing row and revenue; when and whether the amount
 * is owed is the evaluator's own `settlementOf`, and the amount its own calculation (report.ts).
 */
import type { MilestoneNode, PaymentNode } from '../language/ast';
import { paymentParts } from '../language/payment-parts';
import { accruingTiers } from '../evaluation/payments/accrual';
import { isSettledAtWindowEnd, settlementOf, type Settlement } from '../evaluation/payments/settlement';
import type { WindowInstance } from '../time/periods';
import { SqlUnsupportedError } from './unsupported';

/**
 * Tiers on the running total with no period are owed day by day as the sales come in (payments/accrual.ts),
 * one obligation per day that raises the amount, which the query's per-instance totals do not give: refused by name.
 */
export function checkMeasuredMilestone(m: MilestoneNode): void {
  if (accruingTiers(m) !== null) {
    throw new SqlUnsupportedError(
      'tiers accruing on the running total',
      'the SQL engines do not support tiers on a running total with no period, owed day by day as the sales come in, yet; evaluate this clause with the in-memory engine',
    );
  }
}

/**
 * When the payment of an instance is owed, if it is settled at the window's end; null when it is owed at the
 * crossing row as any other. `met`: the crossing row and day, when the condition was met; `growth`: a rate on the growth.
 */
export function measuredSettlement(written: PaymentNode | null, window: WindowInstance, asOfDay: number, met: { by: string; at: string } | null, growth = false): Settlement | null {
  if (written === null || !isSettledAtWindowEnd(written)) return null;
  const base = paymentParts(written).base;
  // A raised rate is owed at the lower rate when its condition is not met; a rate on the growth is settled on every
  // quarter once it is over (an increase of zero or a decrease comes to nothing).
  const raised = base.kind === 'tiered' && base.proviso !== undefined;
  return settlementOf(window, asOfDay, met, raised || growth);
}

