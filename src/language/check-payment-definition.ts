/**
 * Checks of payments defined in a definition sentence ('"Net Sales Payment" means, for any calendar quarter, an amount
 * equal to …'). The sentence names no payer or payee, so the obligations cannot name them: a warning says so. "such
 * calendar quarter" and the proviso's "for the calendar quarter during which …" refer to the definition's period; the
 * proviso must name the payment being defined; and how the sale that reaches the level is counted is a reading the
 * words leave open, stated as a warning.
 */
import type { ClauseNode, PaymentDefinitionNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { measureOf, windowPeriod } from './check-measured';
import { formatMoney } from '../values/money';

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function checkPaymentDefinition(clause: ClauseNode, out: Diagnostic[]): void {
  const def = clause.definition;
  if (clause.form !== 'payment-definition' || !def) return;
  out.push(
    diagnostic(
      'definition-parties-unstated',
      def.range,
      `"${def.name}" is defined, but this sentence says neither who pays it nor to whom: the obligations name no payer or payee, and an amount ` +
        `counted on a party's own ${measureTerm(clause)} is read as owed by that party (as a royalty), not to it. The agreement's paying sentence decides; check the parties there.`,
    ),
  );
  const period = windowPeriod(def.period);
  const measure = measureOf(clause.milestones[0]?.payment ?? null);
  if (measure?.such && period && measure.such.unit !== period.unit) {
    out.push(
      diagnostic(
        'definition-period-mismatch',
        measure.range,
        `"such ${measure.such.calendar ? 'calendar ' : ''}${measure.such.unit}" refers to the definition's period, but the definition is stated for each ${period.calendar ? 'calendar ' : ''}${period.unit}: write the same period in both.`,
      ),
    );
  }
  if (def.stop) checkStop(def, period, out);
}

function measureTerm(clause: ClauseNode): string {
  return measureOf(clause.milestones[0]?.payment ?? null)?.term ?? 'sales';
}

function checkStop(def: PaymentDefinitionNode, period: { unit: string } | null, out: Diagnostic[]): void {
  const stop = def.stop as NonNullable<PaymentDefinitionNode['stop']>;
  for (const name of stop.names) {
    if (sameName(name, def.name)) continue;
    out.push(diagnostic('definition-name-mismatch', stop.range, `The proviso names "${name}", but the sentence defines "${def.name}": write the defined name in the proviso.`));
  }
  if (period && stop.unit !== period.unit) {
    out.push(
      diagnostic(
        'definition-period-mismatch',
        stop.range,
        `The proviso prorates the payment "for the calendar ${stop.unit} during which" the level is reached, but the payment is defined for each ${period.unit}: write the same period in both.`,
      ),
    );
  }
  const level = formatMoney(stop.amount.amount, stop.amount.currency);
  out.push(
    diagnostic(
      'level-stop-reading',
      stop.range,
      `Read as: the ${stop.unit} in which ${stop.term} reach ${level} counts its ${stop.appliesTo} only up to that level, so the sale that reaches it counts only ` +
        `for the part up to ${level}, and nothing accrues after it (not even if refunds bring the total below ${level} again). "Up to the time that such cumulative ` +
        `amount is achieved" may instead mean the sales before that sale only, or that sale in full; the figures then differ by the part of that sale on either side of the level.`,
    ),
  );
}
