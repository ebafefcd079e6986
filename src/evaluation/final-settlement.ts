/**
 * How both engines settle a report's obligations once every one is known, in this order: caps, floors and due dates
 * (settleObligations); each clause's pay day ("Bonuses are paid on the 15th day of the month following …"); then the
 * amounts settled at a window's end or owed by increment that come to nothing are dropped, each with its note.
 */
import { ContractCalendar, type ContractContext } from '../time/periods';
import type { PaymentDayNode } from '../language/ast';
import { settleObligations, type PaymentObligation } from './payments/obligation-terms';
import { applyPayDays } from './payments/pay-day';
import { dropNothingOwed } from './nothing-owed';
import type { Obligation } from './report';

export function finalSettlement(
  effective: ContractContext['effective'],
  payDays: ReadonlyArray<PaymentDayNode | null>,
  obligations: Obligation[],
  owed: { timing: PaymentObligation[]; settledAtEnd: ReadonlyMap<Obligation, string>; incrementsOwed: ReadonlyMap<Obligation, string> },
  note: (text: string) => void,
): void {
  for (const text of settleObligations(owed.timing, new ContractCalendar(effective))) note(text);
  applyPayDays(payDays, obligations, note);
  dropNothingOwed(obligations, owed.settledAtEnd, owed.incrementsOwed, note);
}
