/**
 * What the grammar's builders leave for after the parse: they only build nodes from the words, and the meaning that
 * needs more than one phrase is worked out here, once, on the finished document: plans named by the levels
 * (plan-level-names.ts), the plan-band bonus's target (plan-band-bonus.ts), a plan table's targets
 * (plan-table-targets.ts), tier bands' amounts and rates (tier-band-resolution.ts), and a due sentence after an amount
 * (period-due.ts). Each works on nodes of its
 * own, so their order does not change the result.
 */
import type { DocumentNode } from './ast';
import { resolvePlanLevels } from './plan-level-names';
import { resolvePlanBandBonus } from './plan-band-bonus';
import { resolvePlanTableTargets } from './plan-table-targets';
import { resolveTierBands } from './tier-band-resolution';
import { resolvePeriodDue } from './period-due';

export function resolveAfterParse(document: DocumentNode): DocumentNode {
  return { ...document, clauses: document.clauses.map((clause) => resolvePeriodDue(resolveTierBands(resolvePlanTableTargets(resolvePlanBandBonus(resolvePlanLevels(clause)))))) };
}
