/**
 * '"Sales Milestone Period" means the period beginning on the Effective Date and ending on December 31, 2027.': the
 * period from the effective date through that whole local day, the window "by December 31, 2027" also names.
 */
import type { ByDateWindowNode } from '../src/language/ast';
import { span, type Data } from './builders';

interface WrittenDate { date: string }

export function effectiveThrough(d: Data): ByDateWindowNode {
  return { kind: 'by-date', date: (d[d.length - 1] as WrittenDate).date, range: span(d) };
}
