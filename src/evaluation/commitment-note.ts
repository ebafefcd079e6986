/**
 * The note on the products a purchase commitment counts ("… no less than 1,000 units of the Products …"): every row's
 * units, no product column filtered. Both engines write it from here, once per milestone after its periods' reading.
 */
import type { CommitmentNode } from '../language/ast';

export function commitmentNote(name: string, c: CommitmentNode): string | null {
  return c.productWords ? `${name}: "of the ${c.productWords}" is read as the agreement's products: every row's units count (no product column is filtered)` : null;
}
