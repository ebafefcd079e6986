/**
 * How a clause with a minimum topped up is read, in one note per milestone: what the amount is, the period it is
 * computed per, who pays what, what "payable annually" and "the date hereof" were read as, and the milestone's target.
 */
import { assertNever, type ClauseNode, type WindowNode } from '../language/ast';
import { formatIsoDate, type ContractContext } from '../time/periods';
import type { EvaluationDiagnostic } from './report';
import { Dec, decimalString, formatMoney } from '../values/money';
import { toDec, type Quantity } from '../values/quantity';
import type { TopUpReading } from './top-up';

export function topUpNote(name: string, clause: ClauseNode, reading: TopUpReading, target: Quantity): string {
  const t = clause.topUp;
  const { terms, rate } = reading;
  const minimum = formatMoney(new Dec(terms.minimum.amount), terms.minimum.currency);
  const sales = `the sales that give it (${minimum} ÷ ${rate.percent}% = ${decimalString(toDec(target))})`;
  const metric = rate.measure?.term ?? 'sales';
  switch (t?.kind) {
    case 'minimum-top-up': {
      const period = t.window.kind === 'calendar-period' ? `calendar ${t.window.unit}` : 'period';
      return (
        `${name}: the ${t.subject} (${rate.percent}% of ${metric}, "payable annually") are read as computed per ${period}, the period the ${t.minimumName} names; ` +
        `each ${period} owes its ${t.subject}, and when they are below the ${t.minimumName} of ${minimum} also the difference, ` +
        `paid by ${t.payer.name} to ${t.payee.name} (${t.owner} own ${t.subject}); the milestone is the ${t.subject} reaching the minimum, and its target is ${sales}`
      );
    }
    case 'royalty-undertaking':
      return (
        `${name}: the royalties under ${t.under} (${rate.percent}% of ${metric}, as the brackets restate them) are owed under that provision, not by this clause; ` +
        `this clause owes only the difference when the window's royalties are below ${minimum}, contributed by ${t.contributor.name} to ${clause.party?.name ?? 'the payee'} ` +
        `on its own ${metric}; "the date hereof" is read as the effective date; the milestone is the royalties reaching the minimum, and its target is ${sales}`
      );
    case undefined:
      return '';
    default:
      return assertNever(t);
  }
}

/**
 * With a contract year that is not the calendar year, "payable annually" could mean either: the warning naming both
 * readings and how to check, or null. Both engines write it from here, after the top-up's note.
 */
export function payableAnnuallyWarning(name: string, label: string | null, reading: TopUpReading, window: WindowNode, effective: ContractContext['effective']): EvaluationDiagnostic | null {
  if (reading.rate.payable !== 'annually' || window.kind !== 'calendar-period' || (effective.month === 1 && effective.day === 1)) return null;
  const message =
    `${name}: "payable annually" is read as each calendar year, the period the ${reading.terms.minimumName} names, so the ${reading.terms.subject} are settled per calendar year; ` +
    `the contract's years start on ${formatIsoDate(effective).slice(5)}, and "annually" may instead mean each contract year from the effective date, which this clause's ` +
    `minimum does not use: if that is meant, the engine does not read it, so check the figures against the contract years`;
  return { code: 'payable-annually-reading', severity: 'warning', label, message };
}
