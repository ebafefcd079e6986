/**
 * The note that states how rates chosen by the plan level reached are read (PlanLevelsNode): each level is a milestone
 * (its plan reached), the year's total decides the one level it ends in, and only that level's rate is owed, on all of
 * the total in excess of the plan named for it, once the year is over: not each rate on its own band (marginal).
 */
import type { PlanLevelsNode } from '../../language/ast';
import { decimalString, Dec } from '../../values/money';

export function planLevelsNote(clauseName: string, p: PlanLevelsNode): string {
  const amounts = new Map<string, string>();
  for (const l of p.levels) for (const r of [l.from, l.below]) if (r?.amount) amounts.set(r.name, `${decimalString(new Dec(r.amount.amount))} ${r.amount.currency}`);
  if (p.excessOver.amount) amounts.set(p.excessOver.name, `${decimalString(new Dec(p.excessOver.amount.amount))} ${p.excessOver.amount.currency}`);
  const plan = (name: string): string => `the ${name} (${amounts.get(name) ?? 'undefined'})`;
  const levels = p.levels.map((l, i) =>
    `milestone ${i + 1}: ${l.percent}% when the year's total is at least ${plan(l.from.name)}${l.below ? ` and below ${plan(l.below.name)}` : ''}`,
  );
  return (
    `${clauseName}plan levels: ${levels.join('; ')}. The rate of the one level the year's ${p.appliesTo} total ends in applies to all of it in excess of ${plan(p.excessOver.name)}, ` +
    'owed once the year is over; a level the total passed beyond pays nothing (the rates are not applied band by band)'
  );
}
