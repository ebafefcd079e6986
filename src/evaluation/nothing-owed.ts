/**
 * Amounts settled on a window's whole total once it is over (a measured rate, a top-up, plan bands) and
 * increments owed one by one: one that comes to zero (no excess, below the minimum payout, the cap used up)
 * is no obligation. It is dropped once every obligation is settled and has its due day, with a note saying
 * why nothing is owed. Both engines call this, so their notes come in the same order.
 */
import { Dec } from '../values/money';
import type { Obligation } from './report';

export function dropNothingOwed(
  obligations: Obligation[],
  settledAtEnd: ReadonlyMap<Obligation, string>,
  incrementsOwed: ReadonlyMap<Obligation, string>,
  note: (text: string) => void,
): void {
  const nothingOwed = new Set<Obligation>();
  const drop = (owed: ReadonlyMap<Obligation, string>, what: string): void => {
    for (const [obligation, instName] of owed) {
      if (obligation.amount === null || !new Dec(obligation.amount).isZero()) continue;
      nothingOwed.add(obligation);
      note(`${instName}: nothing is owed for ${what} ${obligation.triggeredAt}: ${obligation.explanation}`);
    }
  };
  drop(settledAtEnd, 'the window ending');
  drop(incrementsOwed, 'the increment completed on');
  if (nothingOwed.size === 0) return;
  let kept = 0;
  for (const o of obligations) if (!nothingOwed.has(o)) obligations[kept++] = o;
  obligations.length = kept;
}
