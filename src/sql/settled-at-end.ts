/**
 * Amounts settled on a window's whole total once it is over (a top-up's amount itself, plan bands): one that comes to
 * zero is no obligation. As in memory (src/evaluation/evaluation.ts), it is dropped once every obligation is settled,
 * with a note saying why nothing is owed.
 */
import { Dec } from '../values/money';
import type { Notes } from '../evaluation/notes';
import type { Obligation } from '../evaluation/report';

export function dropSettledZeros(obligations: Obligation[], settled: ReadonlyMap<Obligation, string>, notes: Notes): void {
  const nothingOwed = new Set<Obligation>();
  for (const [obligation, instName] of settled) {
    if (obligation.amount === null || !new Dec(obligation.amount).isZero()) continue;
    nothingOwed.add(obligation);
    notes.add(`${instName}: nothing is owed for the window ending ${obligation.triggeredAt}: ${obligation.explanation}`);
  }
  if (nothingOwed.size === 0) return;
  let kept = 0;
  for (const o of obligations) if (!nothingOwed.has(o)) obligations[kept++] = o;
  obligations.length = kept;
}
