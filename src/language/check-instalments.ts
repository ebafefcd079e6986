/**
 * Checks of a payment made in instalments ("…; provided that such payment will be made in three (3) equal annual
 * installments, one in each Calendar Year (beginning with the Calendar Year in which the threshold is first reached) in
 * which such threshold continues to be reached or exceeded."). Each instalment is owed for a calendar year in which the
 * milestone's condition is met, so the condition must be measured per calendar year; and the text leaves open what a
 * year that falls short does to the instalments still unpaid: a warning names both readings and the one taken. With no
 * due time written, "one in each Calendar Year" makes each instalment due by the last day of its year, while "annual
 * installments" could also be read as due on each anniversary of the first achievement: a warning names both.
 */
import type { ClauseNode, FixedPaymentNode, InstalmentsNode, MilestoneNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';

/** The instalments of a milestone's own payment, when it is paid in instalments. */
export function instalmentsOf(m: MilestoneNode): { payment: FixedPaymentNode; instalments: InstalmentsNode } | null {
  const p = m.payment;
  return p?.kind === 'fixed' && p.instalments ? { payment: p, instalments: p.instalments } : null;
}

export function checkInstalments(clause: ClauseNode, out: Diagnostic[]): void {
  for (const m of clause.milestones) {
    const found = instalmentsOf(m);
    if (!found) continue;
    const { instalments } = found;
    const w = m.window;
    if (w.kind !== 'calendar-period' || w.unit !== 'year' || w.selection.kind !== 'each' || m.compound || m.once) {
      out.push(
        diagnostic(
          'unsupported-construct',
          instalments.range,
          'Instalments "one in each Calendar Year" are read only with a condition measured in each calendar year ("annual Net Sales in a Calendar Year … reach …"), without once-only words or a condition of several parts.',
        ),
      );
      continue;
    }
    if (!Number.isInteger(instalments.count) || instalments.count < 2) {
      out.push(diagnostic('unsupported-construct', instalments.range, `A payment in ${instalments.count} instalment${instalments.count === 1 ? '' : 's'} is not read: write two or more.`));
      continue;
    }
    if (!clause.timing && !clause.payDay) {
      out.push(
        diagnostic(
          'instalment-due-reading',
          instalments.range,
          `The text gives no time for paying the ${instalments.noun} beyond "one in each Calendar Year": each is read as due by the last day of the calendar year whose total meets the condition (made in that year). ` +
            `"annual ${instalments.noun}" could also be read as due on each anniversary of the first achievement, which the engine does not compute.`,
          {
            suggestion:
              'state when each falls due, e.g. "Payments are paid on the 15th day of the month following the month in which they are earned." after the sentence; ' +
              'the engine does not read an anniversary due date, so if one is meant check the due dates against it',
          },
        ),
      );
    }
    out.push(
      diagnostic(
        'instalment-missed-year',
        instalments.range,
        `The text does not say what happens to the unpaid ${instalments.noun} when a calendar year after the first falls short of the threshold: ` +
          `either the instalment waits for the next year that reaches it (paid later), or it is lost (only the ${instalments.count} calendar years from the first achievement count). ` +
          `It is read as paid later: instalment 2 of ${instalments.count} is owed in the next calendar year whose total meets the condition, and so on until all ${instalments.count} are paid.`,
        {
          suggestion:
            `if a year that falls short loses its instalment, write the years out ("one in each of the ${instalments.count} Calendar Years beginning with …, and no installment is payable for a Calendar Year in which the threshold is not reached"); ` +
            'the engine does not read that form yet, so check the figures against it',
        },
      ),
    );
  }
}
