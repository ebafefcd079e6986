/**
 * What the grammar's builders leave for after the parse: they only build nodes from the words, and the meaning that
 * needs more than one phrase is worked out here, once, on the finished document: plans named by the levels
 * (plan-level-names.ts), the plan-band bonus's target (plan-band-bonus.ts), and tier bands' amounts and rates
 * (tier-band-resolution.ts). Plan levels come first: their milestones' amounts are not bands, and nothing else reads them.
 */
import type { DocumentNode } from './ast';
import { resolvePlanLevels } from './plan-level-names';
import { resolvePlanBandBonus } from './plan-band-bonus';
import { resolveTierBands } from './tier-band-resolution';

export function resolveAfterParse(document: DocumentNode): DocumentNode {
  return { ...document, clauses: document.clauses.map((clause) => resolveTierBands(resolvePlanBandBonus(resolvePlanLevels(clause)))) };
}
