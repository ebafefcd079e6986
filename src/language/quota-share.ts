/**
 * A target written as a share of a quota or plan ("100% of the Participant's FY2027 Quota of $1,200,000", "a bonus …
 * upon 100% achievement of sales plan"): that share of the quota's amount, exact, in the quota's currency. The amount's
 * text is the quota's as written, for messages.
 */
import type { MoneyNode, QuotaNode } from './ast';
import { Dec } from '../values/money';

export function quotaShareAmount(quota: QuotaNode): MoneyNode {
  const amount = new Dec(quota.amount.amount).times(quota.percent).dividedBy(100).toFixed();
  return { kind: 'money', amount, currency: quota.amount.currency, text: quota.amount.text, range: quota.range };
}
