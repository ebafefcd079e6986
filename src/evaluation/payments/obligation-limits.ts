/**
 * Caps and floors applied to a report's obligations: each obligation of a payment with a cap or
 * floor gets its bounded amount, what the bound did (`limit`), and a note in words.
 */
import type { LimitedPaymentNode } from '../../language/ast';
import { ContractCalendar, parseIsoDate, type CalendarDate } from '../../time/periods';
import { Dec, decimalString, moneyString } from '../../values/money';
import type { Obligation } from '../report';
import { applyLimits } from './limits';

export interface LimitedObligation {
  obligation: Obligation;
  payment: LimitedPaymentNode;
  /** How notes name the milestone instance. */
  name: string;
}

/** Bounds the obligations in place; returns one note per obligation. */
export function boundObligations(limited: readonly LimitedObligation[], calendar: ContractCalendar): string[] {
  const bounded = applyLimits(
    limited.map(({ obligation, payment }) => ({
      amount: obligation.amount === null ? null : new Dec(obligation.amount),
      currency: obligation.currency,
      triggered: parseIsoDate(obligation.triggeredAt) as CalendarDate,
      payment,
    })),
    calendar,
  );
  return limited.map(({ obligation, name }, i) => {
    const { amount, limit, text } = bounded[i];
    obligation.amount = amount === null ? null : obligation.currency === null ? decimalString(amount) : moneyString(amount, obligation.currency);
    obligation.limit = limit;
    obligation.explanation = `${obligation.explanation}; ${text}`;
    return `${name}: ${text}`;
  });
}
