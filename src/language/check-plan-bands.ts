/**
 * Checks of rates in bands of a plan stated in the lead sentence, with a one-time bonus among them (PlanBandsNode): the plan
 * is for the year whose sales count; every band and the bonus name that plan; the bands follow each other to the top
 * (the tier checks every tiered payment has); and "new sales", which no ledger column tells from other sales, is warned.
 */
import type { ClauseNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { textKey } from '../values/text-key';
import { checkTierBands } from './check-payments';
import { checkQuotaBoundAmounts } from './check-quota-bounds';

export function checkPlanBands(clause: ClauseNode, out: Diagnostic[]): void {
  const p = clause.planBands;
  if (!p) return;
  if (p.plan.year !== p.year) {
    out.push(
      diagnostic('measure-window-mismatch', p.plan.range, `The ${p.plan.name} is the ${p.plan.year} plan, but the sales counted are those of ${p.year}: write the plan of the year whose sales count ("the ${p.year} ${p.plan.name}").`),
    );
  }
  const bonus = clause.milestones[0];
  if (bonus?.quota && textKey(bonus.quota.name) !== textKey(p.plan.name)) {
    out.push(diagnostic('plan-undefined', bonus.quota.range, `The ${bonus.quota.name} is not the plan the sentence states (the ${p.plan.name}): name the same plan.`));
  }
  if (p.payment.bands.length < 2) {
    out.push(diagnostic('tier-bands', p.payment.range, 'Bands of a plan need two rates or more, each from where the one before it ends: write the rate above the last bound too.'));
    return;
  }
  checkQuotaBoundAmounts(p.payment, out);
  checkTierBands(p.payment, out);
  if (/^new /.test(p.metric)) {
    out.push(
      diagnostic(
        'scope-not-applied',
        p.range,
        `'${p.metric}' is read as every sale in the ledger: no ledger column tells new sales from renewals or repeat sales, so every row is counted as a new sale. Give a ledger of the new sales only, or check the result against it.`,
      ),
    );
  }
}
