/**
 * The terms of a payment applied to a report's obligations once all are known: caps and floors (a
 * cap per period needs every obligation of that period) and the due date. Each obligation of a
 * payment with a cap or floor gets its bounded amount and `limit`; of a timed payment, `dueDate`;
 * and a note in words for each.
 */
import type { LimitedPaymentNode, PaymentNode } from '../../language/ast';
import { paymentParts } from '../../language/payment-parts';
import { parseIsoDate, type CalendarDate, type ContractCalendar } from '../../time/periods';
import { Dec, decimalString, moneyString } from '../../values/money';
import type { Obligation } from '../report';
import { dueDateOf } from './due-date';
import { applyLimits } from './limits';

export interface PaymentObligation {
  obligation: Obligation;
  payment: PaymentNode;
  /** How notes name the milestone instance. */
  name: string;
}

/** Applies the payments' terms to the obligations in place; returns the notes. */
export function settleObligations(all: readonly PaymentObligation[], calendar: ContractCalendar): string[] {
  const notes: string[] = [];
  const limited = all.flatMap((entry) => {
    const bounds = paymentParts(entry.payment).limited;
    return bounds ? [{ ...entry, bounds }] : [];
  });
  const bounded = applyLimits(
    limited.map(({ obligation, bounds }) => ({
      amount: obligation.amount === null ? null : new Dec(obligation.amount),
      currency: obligation.currency,
      triggered: parseIsoDate(obligation.triggeredAt) as CalendarDate,
      payment: bounds as LimitedPaymentNode,
    })),
    calendar,
  );
  limited.forEach(({ obligation, name }, i) => {
    const { amount, limit, text } = bounded[i];
    obligation.amount = amount === null ? null : obligation.currency === null ? decimalString(amount) : moneyString(amount, obligation.currency);
    obligation.limit = limit;
    obligation.explanation = `${obligation.explanation}; ${text}`;
    notes.push(`${name}: ${text}`);
  });
  for (const { obligation, payment, name } of all) {
    const due = paymentParts(payment).due;
    if (!due) continue;
    const { dueDate, text } = dueDateOf(due, parseIsoDate(obligation.triggeredAt) as CalendarDate, calendar);
    obligation.dueDate = dueDate;
    obligation.explanation = `${obligation.explanation}; ${text}`;
    notes.push(`${name}: ${text}`);
  }
  return notes;
}
