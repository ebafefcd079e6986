/**
 * Checks of compound conditions ("… exceed $500,000 and at least 10 new customers …", "either … or …"):
 * "and" and "or" mixed with no comma to group them (two readings: a warning naming both), a part whose
 * window is not the first part's, a part in another currency, and the combinations the evaluation does
 * not read (a payment computed from the condition's own measure, a year-to-date part outside a calendar
 * period), which are errors rather than a nearby reading.
 */
import type { ClauseNode, MilestoneNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { compoundReading, conditionParts, groupingWords, partWords, sameWindow } from './compound-condition';
import { paymentParts } from './payment-parts';

/** The payments a compound condition may carry: a sum, or a rate on the window's sales, owed when the condition holds. */
const PAID_WHEN_MET = new Set(['fixed', 'unstated', 'section', 'rate']);

export function checkCompound(clause: ClauseNode, out: Diagnostic[]): void {
  for (const m of clause.milestones) if (m.compound) checkOne(m, out);
}

function checkOne(m: MilestoneNode, out: Diagnostic[]): void {
  const compound = m.compound as NonNullable<MilestoneNode['compound']>;
  const reading = compoundReading(compound);
  if (reading.ambiguous && reading.other) {
    const taken = groupingWords(reading.groups, reading.outer);
    const other = groupingWords(reading.other, reading.inner);
    out.push(
      diagnostic(
        'compound-condition-reading',
        compound.range,
        `"and" and "or" in one condition, with no comma to group them, have two readings: ${taken}, the one taken ("and" binds first), and ${other} (${conditionParts(m).map((p, i) => `part ${i + 1}: ${partWords(p)}`).join('; ')}).`,
        { suggestion: 'put a comma before each connective that joins the larger groups and none before the others: "A and B, or C" for (A and B) or C; "A, and B or C" for A and (B or C)' },
      ),
    );
  }
  compound.parts.forEach((p, i) => {
    if (p.window !== null && !sameWindow(p.window, m.window)) {
      out.push(
        diagnostic('compound-window-mismatch', p.window.range, `Part ${i + 2} of the condition names its own window, which is not the first part's: the parts of one condition are tested in one window.`, {
          suggestion: 'write the window once, after the first part',
        }),
      );
    }
    if (p.target.kind === 'revenue' && m.target.kind === 'revenue' && p.target.amount.currency !== m.target.amount.currency) {
      out.push(diagnostic('mixed-currencies', p.target.amount.range, `${p.target.amount.text} is in ${p.target.amount.currency} but ${m.target.amount.text} is in ${m.target.amount.currency}: the parts of one condition must use one currency.`));
    }
    const calendarUnit = m.window.kind === 'calendar-period' ? m.window.unit : null;
    if (p.span === 'year-to-date' && calendarUnit === null) {
      out.push(diagnostic('unsupported-construct', p.range, 'A year-to-date part is read in a calendar or fiscal period ("in any Calendar Quarter"): the condition names no such period, so the year it runs from is not known.'));
    }
    const measured = p.measuredAtEnd;
    if (measured && (calendarUnit === null || measured.period.split(' ').pop() !== (calendarUnit === 'half-year' ? 'half-year' : calendarUnit))) {
      out.push(diagnostic('unsupported-construct', measured.range, `"measured at the end of such ${measured.period}" names a period the condition is not tested in${calendarUnit ? ` (each calendar ${calendarUnit})` : ''}.`));
    }
  });
  const base = m.payment ? paymentParts(m.payment).base : null;
  if (m.condition === 'payment' || (base !== null && !PAID_WHEN_MET.has(base.kind))) {
    out.push(
      diagnostic('unsupported-construct', compound.range, `A condition of several parts is read with a sum or a rate owed when it holds; this payment (${base?.kind ?? 'none'}) is measured from the condition itself, which a compound condition does not give.`, {
        suggestion: 'state the amount as a sum ("a bonus of $5,000") or as a rate ("2% of Net Sales")',
      }),
    );
  }
}
