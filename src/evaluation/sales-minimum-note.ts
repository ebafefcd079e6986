/**
 * The note for a milestone of a sales minimum set out in an exhibit, whose remedies are not payments ("… Supplier may …
 * either (i) terminate this Agreement …, or (ii) revoke …"): nothing is owed, met or missed. Both engines write it from here.
 */
import type { SalesMinimumNode } from '../language/ast';

export function salesMinimumNote(name: string, s: SalesMinimumNode): string {
  return (
    `${name}: the ${s.name} of Exhibit ${s.exhibit}: missing it lets ${s.holder.name} ` +
    `${s.remedies.map((r) => `(${r.label}) ${r.verb} ${r.words}`).join(', or ')}, which is not a payment: nothing is owed, met or missed`
  );
}
