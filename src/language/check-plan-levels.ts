/**
 * Checks of rates chosen by the plan level reached (PlanLevelsNode): every plan named is defined once, with its amount
 * in brackets; the first definition states the metric and the calendar year; the levels follow each other (each ends
 * where the next starts, the last is open above) with rising plans; the rate applies to the same metric the plans are
 * of; and the plan the excess is over is a defined one. Without these, which rate applies to which total cannot be told.
 */
import type { ClauseNode, PlanRefNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { Dec } from '../values/money';

export function checkPlanLevels(clause: ClauseNode, out: Diagnostic[]): void {
  const p = clause.planLevels;
  if (!p) return;
  const refs: PlanRefNode[] = [...p.levels.flatMap((l) => (l.below ? [l.from, l.below] : [l.from])), p.excessOver];
  const definitions = new Map<string, PlanRefNode>();
  for (const ref of refs) {
    if (ref.amount === null) continue;
    if (definitions.has(ref.name)) {
      out.push(diagnostic('plan-defined-twice', ref.range, `The ${ref.name} is defined twice: give its amount in brackets where it is first written only, and name it without brackets after that ("the ${ref.name}").`));
      continue;
    }
    definitions.set(ref.name, ref);
  }
  for (const ref of refs) {
    if (ref.amount === null && !definitions.has(ref.name)) {
      out.push(diagnostic('plan-undefined', ref.range, `The ${ref.name} is not defined, so its amount is unknown: write its amount in brackets where it is first named ("the ${ref.name} ($1,000,000)").`));
    }
  }
  const first = refs.find((r) => r.amount !== null);
  if (first && (first.metric === null || first.year === null)) {
    out.push(
      diagnostic(
        'plan-year-missing',
        first.range,
        `The ${first.name} states no metric and year, so the period whose total is compared with the plans cannot be told: write them in its brackets ("($2,500,000 of Bookings for 2026)").`,
      ),
    );
  }
  const late = refs.find((r) => r !== first && (r.metric !== null || r.year !== null));
  if (late) out.push(diagnostic('plan-year-missing', late.range, `Only the first plan states the metric and year (all plans are of one total): write the ${late.name} with its amount only.`));
  if (first?.metric && first.metric.toLowerCase() !== p.appliesTo.toLowerCase()) {
    out.push(diagnostic('measure-metric-mismatch', p.range, `The plans are of ${first.metric} but the commission applies to ${p.appliesTo}: write the same metric in both.`));
  }
  const amount = (ref: PlanRefNode): Dec | null => {
    const d = definitions.get(ref.name)?.amount;
    return d ? new Dec(d.amount) : null;
  };
  p.levels.forEach((level, i) => {
    const last = i === p.levels.length - 1;
    if (last !== (level.below === null)) {
      out.push(
        diagnostic(
          'plan-levels-gap',
          level.range,
          last
            ? `The last level is bounded above, so a total at or above the ${level.below?.name} falls in no level: end with "if <party> achieves or exceeds the ${level.below?.name}, …".`
            : `A level open above ("achieves or exceeds") must be the last one: write "achieves the ${level.from.name} but less than the <next plan>".`,
        ),
      );
    }
    const next = p.levels[i + 1];
    if (level.below && next && next.from.name !== level.below.name) {
      out.push(diagnostic('plan-levels-gap', next.range, `This level starts at the ${next.from.name}, but the level before it ends at the ${level.below.name}: each level starts where the one before it ends.`));
    }
    const from = amount(level.from);
    const below = level.below ? amount(level.below) : null;
    if (from && below && !below.greaterThan(from)) {
      out.push(diagnostic('plan-levels-gap', level.range, `The ${level.below?.name} is not above the ${level.from.name}, so no total falls in this level: the plans rise from level to level.`));
    }
  });
}
