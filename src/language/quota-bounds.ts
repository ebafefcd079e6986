/**
 * The amounts of tier bounds written as shares of a quota or plan ("up to 100% of the Quarterly Quota
 * ($200,000)", "in excess of the Quarterly Quota"). One rule: a bound's quota is the amount written at it, else
 * the amount written for the same name at another bound of the sentence, else the plan the sentence states
 * ("against the 2026 sales plan of $1,000,000"); the bound is that share of it (100% when no share is written),
 * exact. A bound whose quota has no amount stays null, which the checker reports (`quota-unresolved`).
 */
import type { MoneyNode, QuotaBoundNode, TierBandNode } from './ast';
import { Dec } from '../values/money';
import { textKey } from '../values/text-key';

/** A quota's amount as stated somewhere in the sentence, by name. */
export interface StatedQuota {
  name: string;
  amount: MoneyNode;
}

/** Every quota amount written at a bound of `bands`, by name. */
function statedAt(bands: readonly TierBandNode[]): StatedQuota[] {
  const out: StatedQuota[] = [];
  for (const b of bands) {
    for (const q of [b.fromQuota, b.toQuota]) if (q?.amount) out.push({ name: q.name, amount: q.amount });
  }
  return out;
}

/** The quota amount a bound rests on: its own, or the first one stated for its name. */
export function quotaAmountOf(q: QuotaBoundNode, stated: readonly StatedQuota[]): MoneyNode | null {
  if (q.amount) return q.amount;
  return stated.find((s) => textKey(s.name) === textKey(q.name))?.amount ?? null;
}

/** The bound's amount: its share of the quota, exact, in the quota's currency. */
function boundAmount(q: QuotaBoundNode, stated: readonly StatedQuota[]): MoneyNode | null {
  const quota = quotaAmountOf(q, stated);
  if (!quota) return null;
  const amount = new Dec(quota.amount).times(q.percent ?? '100').dividedBy(100).toFixed();
  return { kind: 'money', amount, currency: quota.currency, text: quota.text, range: q.range };
}

/** `bands` with each quota bound's `from` or `to` filled in; `plans` are quotas the sentence states outside its bands. */
export function withQuotaAmounts(bands: TierBandNode[], plans: readonly StatedQuota[] = []): TierBandNode[] {
  if (!bands.some((b) => b.fromQuota || b.toQuota)) return bands;
  const stated = [...statedAt(bands), ...plans];
  return bands.map((b) => ({
    ...b,
    ...(b.fromQuota ? { from: boundAmount(b.fromQuota, stated) } : {}),
    ...(b.toQuota ? { to: boundAmount(b.toQuota, stated) } : {}),
  }));
}

/** The currency of the first bound of `bands` with an amount: a quota bound's is its quota's, found as `withQuotaAmounts` finds it. */
export function firstBoundCurrency(bands: readonly TierBandNode[]): string | null {
  const stated = statedAt(bands);
  for (const b of bands) {
    const money = (b.fromQuota ? quotaAmountOf(b.fromQuota, stated) : b.from) ?? (b.toQuota ? quotaAmountOf(b.toQuota, stated) : b.to);
    if (money) return money.currency;
  }
  return null;
}

/** "100% of the Quarterly Quota": a bound as a share of its quota, for notes and descriptions. */
export function quotaBoundWords(q: QuotaBoundNode): string {
  return `${q.percent ?? '100'}% of the ${q.name}`;
}

/** " (ends at 100% of the Quarterly Quota)", or "" for a band whose bounds are amounts. */
export function quotaBoundsWords(b: TierBandNode): string {
  const parts = [
    b.fromQuota ? `starts at ${quotaBoundWords(b.fromQuota)}${b.from === null ? ', whose amount is not stated' : ''}` : null,
    b.toQuota ? `ends at ${quotaBoundWords(b.toQuota)}${b.to === null ? ', whose amount is not stated' : ''}` : null,
  ].filter((x) => x !== null);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}
