/**
 * A bonus pro-rated by the share of a target achieved ("a Performance Bonus of up to $25,000, equal to $25,000
 * multiplied by the percentage of the performance target of $2,000,000 of Net Sales achieved in such year (for example,
 * 50% of the target earns $12,500). If less than 50% of the performance target is achieved in a year, no Performance
 * Bonus is payable for that year."): the sentences state one table only when their figures agree. The amount multiplied
 * is the maximum; the example is the formula's; the floor is a share of the target between 0% and 100%, of the same
 * target; "such year", "in a year" and "that year" are the period opening's calendar period. Otherwise a careful reader
 * could not tell which figure is meant, so each disagreement is an error (`pro-rata-mismatch`) naming both.
 */
import type { ClauseNode, MoneyNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { Dec, formatMoney } from '../values/money';

const sameMoney = (a: MoneyNode, b: MoneyNode): boolean => a.currency === b.currency && new Dec(a.amount).equals(b.amount);
const money = (m: MoneyNode): string => formatMoney(new Dec(m.amount), m.currency);

export function checkProRata(clause: ClauseNode, out: Diagnostic[]): void {
  for (const m of clause.milestones) {
    const p = m.payment;
    if (p?.kind !== 'attainment' || p.proRata === undefined) continue;
    const r = p.proRata;
    if (!sameMoney(r.multiplied, r.maximum)) {
      out.push(diagnostic('pro-rata-mismatch', r.multiplied.range, `the bonus is "up to ${money(r.maximum)}" but the amount multiplied is ${money(r.multiplied)}: write the same amount in both places.`));
    }
    const floor = new Dec(r.floor.percent);
    if (!floor.greaterThan(0) || !floor.lessThan(100)) {
      out.push(diagnostic('pro-rata-mismatch', r.floor.range, `the floor of ${r.floor.percent}% must lie between 0% and 100% of the target: below it nothing is paid, from it up to the full target the bonus is pro-rated.`));
    }
    if (r.floor.target !== r.target) {
      out.push(diagnostic('pro-rata-mismatch', r.floor.range, `the floor is a share of the "${r.floor.target}" but the bonus is pro-rated on the "${r.target}": name the same target in both sentences.`));
    }
    // The milestone's window is where "such year" stands: the opening gives the period.
    const opening = clause.opening?.kind === 'period-opening' && clause.opening.window.kind === 'calendar-period' ? clause.opening.window.unit : null;
    for (const [unit, words, range] of [[r.unit, `such ${r.unit}`, m.window.range], [r.floor.unit, `in a ${r.floor.unit}`, r.floor.range], [r.floor.thatUnit, `for that ${r.floor.thatUnit}`, r.floor.range]] as const) {
      if (opening === unit) continue;
      out.push(
        diagnostic(
          'pro-rata-mismatch',
          range,
          opening === null
            ? `"${words}" refers to the period the bonus is measured in, but no opening names one: begin the sentence "For each calendar ${unit}, …".`
            : `"${words}" must be the opening's period, but the opening names each calendar ${opening}: write the same period in both.`,
        ),
      );
      break;
    }
    if (r.example !== null) {
      const percent = new Dec(r.example.percent);
      const owed = new Dec(r.maximum.amount).times(percent).dividedBy(100);
      const paysNothing = percent.lessThan(r.floor.percent);
      const agrees = r.example.amount.currency === r.maximum.currency && (paysNothing ? new Dec(r.example.amount.amount).isZero() : owed.equals(r.example.amount.amount));
      if (!agrees || percent.greaterThan(100)) {
        out.push(
          diagnostic(
            'pro-rata-mismatch',
            r.example.range,
            `the example says ${r.example.percent}% of the target earns ${money(r.example.amount)}, but the formula gives ${paysNothing ? 'nothing (below the floor)' : money({ ...r.maximum, amount: owed.toString() })}: ` +
              'the engine cannot tell which is meant. Correct the example or the amounts.',
          ),
        );
      }
    }
  }
}
