/**
 * What the grammar's builders leave for after the parse: they only build nodes from the words, and the meaning that
 * needs more than one phrase is worked out here, once, on the finished document: plans named by the levels
 * (plan-level-names.ts), the plan-band bonus's target (plan-band-bonus.ts), a plan table's targets
 * (plan-table-targets.ts), and tier bands' amounts and rates (tier-band-resolution.ts). Each works on nodes of its
 * own, so their order does not change the result.
 */
import type { DocumentNode } from './ast';
import { resolvePlanLevels } from './plan-level-names';
import { resolvePlanBandBonus } from './plan-band-bonus';
import { resolvePlanTableTargets } from './plan-table-targets';
import { resolveTierBands } from './tier-band-resolution';

export function resolveAfterParse(document: DocumentNode): DocumentNode {
  return { ...document, clauses: document.clauses.map((clause) => resolveTierBands(resolvePlanTableTargets(resolvePlanBandBonus(resolvePlanLevels(clause))))) };
}
