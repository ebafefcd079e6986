/**
 * The note for a returns sentence ("Any product returns shall be deducted from the Sales Representative's commission in the
 * quarter during which the return occurs."): both engines state it in these words.
 */
import type { ReturnsNode } from '../language/ast';

export function returnsNote(r: ReturnsNode): string {
  const period = `${r.calendar ? 'calendar ' : ''}${r.unit}`;
  return `returns are deducted in the ${period} during which they occur, as the clause says: each refund row lowers the total of the ${period} holding its own date, not that of the sale it returns`;
}
