/**
 * How rates in bands of a plan stated in the lead sentence are read (PlanBandsNode), for the notes: each band's bounds as
 * shares of the plan and as amounts, marginal ("every new sales dollar" in a band earns its rate), owed on the year's total
 * once the year is over whether or not the bonus among them is met, and the bonus itself.
 */
import type { DocumentNode, PlanBandsNode, QuotaBoundNode } from '../language/ast';
import { formatMoney } from '../values/money';

const share = (q: QuotaBoundNode | undefined): string => `${q?.percent ?? '100'}% of the plan`;

function reading(p: PlanBandsNode, prefix: string): string {
  const money = (amount: string): string => formatMoney(amount, p.plan.amount.currency);
  const bands = p.payment.bands.map((b, i) => {
    const label = p.items[i]?.label.text ?? '';
    const from = b.from ? `above ${money(b.from.amount)} (${share(b.fromQuota)})` : 'from the first dollar';
    const to = b.to ? ` up to and including ${money(b.to.amount)} (${share(b.toQuota)})` : '';
    return `${label} ${b.percent}% of each dollar ${from}${to}`;
  });
  return (
    `${prefix}the rates are marginal bands of the ${p.year} total of ${p.metric} against the ${p.plan.year} ${p.plan.name} of ${money(p.plan.amount.amount)} ` +
    `("every … dollar" in a band earns that band's rate): ${bands.join('; ')}; they are owed on the year's total once the year is over, whether or not the bonus ` +
    `${p.bonusLabel.text} is met, and the bonus ${p.bonusLabel.text} is owed on the day the year's total first reaches its share of the plan`
  );
}

/** The notes stating how each clause's plan bands are read. */
export function planBandsReadings(ast: DocumentNode): string[] {
  return ast.clauses.flatMap((clause, c) => (clause.planBands ? [reading(clause.planBands, ast.clauses.length > 1 ? `clause ${c + 1}: ` : '')] : []));
}
