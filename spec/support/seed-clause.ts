/** The seed's clause as pasted (with its quotation marks), and a parse that must succeed without diagnostics. */
import type { DocumentNode } from '../../src/language/ast';
import { parse } from '../../src/language/parse';

export function parsed(text: string): DocumentNode {
  const r = parse(text);
  expect(r.diagnostics).toEqual([]);
  if (!r.ast) throw new Error('no AST');
  return r.ast;
}

export const SEED_CLAUSE =
  '“The Seller agrees to meet the following sales milestones as part of the performance targets for this Agreement: (i) $100,000 in sales revenue by the end of the first month, (ii) $250,000 in sales revenue by the end of the second month, and (iii) $500,000 in sales revenue by the end of the quarter. Upon achieving each milestone, the Seller will be entitled to receive the corresponding commission payment as outlined in Section [X].”';
