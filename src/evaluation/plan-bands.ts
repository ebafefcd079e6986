/**
 * Rates in bands of a plan stated in the lead sentence, for one year: owed on the year's total once the year is over,
 * whether or not the bonus among them (the clause's milestone) is met, else nothing yet. Both engines settle the bands
 * here, in these words; each passes how it computes the tiered payment on the year's total (`owe`).
 */
import type { PlanBandsNode, TieredPaymentNode } from '../language/ast';
import type { Notes } from './notes';
import type { Obligation } from './report';

export function planBandsOwed(
  bands: PlanBandsNode,
  over: boolean,
  at: { instName: string; windowStart: string; deadline: string; asOf: string },
  owe: (payment: TieredPaymentNode, source: string) => Obligation | null,
  notes: Notes,
): Obligation | null {
  const items = bands.items.map((i) => i.label.text).join(', ');
  if (!over) {
    notes.add(`${at.instName}: the rates of items ${items} are counted on the whole year ${at.windowStart} to ${at.deadline}, so they are owed only once it ends: nothing is owed for them as of ${at.asOf}`);
    return null;
  }
  const obligation = owe(bands.payment, `the rates of items ${items}, on the year's total`);
  if (obligation) notes.add(`${at.instName}: ${obligation.explanation}`);
  return obligation;
}
