/**
 * Who pays whom, for every obligation. A clause measures one party's sales (the performer) and
 * most payments run to that party (a commission, a bonus, a rebate); some run the other way (a
 * shortfall when a minimum is missed, a royalty the seller pays on its own sales). The report never
 * leaves the reader to guess: each obligation names its payer, its payee and its direction, and a
 * party the clause does not name is null, said so in the notes, never filled in.
 */
import { assertNever, type ClauseNode, type MilestoneNode, type PaymentNode, type PaymentTermNode } from '../language/ast';
import { paymentParts } from '../language/payment-parts';
import { paymentFor } from '../language/describe';

/**
 * `to-performer`: paid to the party whose sales are measured; `from-performer`: paid by it (a
 * shortfall, or a payment whose payer is the party whose sales are measured).
 */
export type Direction = 'to-performer' | 'from-performer';

export interface ObligationParties {
  /** The payer as the clause names it, or null when it names none (the enumerated and headed forms). */
  payer: string | null;
  /** The payee as the clause names it, or null when it names none. */
  payee: string | null;
  direction: Direction;
}

/** The parties of an obligation whose clause names neither payer nor payee: owed to the performer. */
export const UNNAMED_PARTIES: ObligationParties = { payer: null, payee: null, direction: 'to-performer' };

/**
 * The parties of a payment defined in a definition sentence ('"Net Sales Payment" means … of Net Sales', with or without
 * a level it stops at), which names neither: a share of a party's own sales, read as owed by that party (a royalty),
 * unlike the enumerated and headed forms, whose payment sentence ("the Seller will receive") names the performer as
 * payee. The checker's `definition-parties-unstated` warning states this reading, and the notes state the direction.
 */
export const DEFINITION_PARTIES: ObligationParties = { payer: null, payee: null, direction: 'from-performer' };

/** Whether a payment is owed by the performer by its kind alone (a shortfall is; a reward is not). */
export function paidByPerformer(payment: PaymentNode): boolean {
  const base = paymentParts(payment).base;
  switch (base.kind) {
    case 'shortfall':
      return true;
    case 'fixed':
    case 'section':
    case 'unstated':
    case 'rate':
    case 'rate-on-excess':
    case 'tiered':
    case 'per-increment':
    case 'each-increment':
    case 'attainment':
    case 'chosen-rate':
      return false;
    default:
      return assertNever(base);
  }
}

const sameParty = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The parties of a milestone's obligation. In the enumerated and headed forms the named party
 * (or the payment sentence's "the Seller will receive") is the performer and the payee, and the
 * payer is not named. In a payer-pays or conditional sentence the payer and payee are as written;
 * the payment runs from the performer when it is a shortfall or when the condition names the payer
 * as the party whose sales count ("If Licensee's Net Sales …, Licensee shall pay …").
 */
export function obligationParties(clause: ClauseNode, milestone: MilestoneNode, payment: PaymentNode, term: PaymentTermNode | null): ObligationParties {
  const reverse = paidByPerformer(payment);
  switch (clause.form) {
    case 'enumerated':
    case 'headed':
    case 'commitment': {
      const performer = term?.party?.name ?? clause.party?.name ?? null;
      return reverse ? { payer: performer, payee: null, direction: 'from-performer' } : { payer: null, payee: performer, direction: 'to-performer' };
    }
    case 'payer-pays':
    case 'conditional':
    case 'shortfall':
    case 'attainment': {
      const payer = clause.payer?.name ?? null;
      const payee = clause.party?.name ?? null;
      const achiever = milestone.achiever?.name ?? null;
      // "Licensee shall pay an additional royalty of 2% of Net Sales …", "Pharmara will make each of the following …
      // Payments when … Net Sales … by or on behalf of Pharmara …" name no party paid: the only party whose sales the
      // amount can be counted on is the payer (a royalty or milestone on its own sales).
      const ownSales = payee === null && payer !== null;
      // A minimum of "Licensee's Earned Royalties": the amount and its top-up are paid on the payer's own sales.
      // Royalties owed under another provision and topped up here are the payer's royalties on its own sales too.
      const ownAmount = clause.topUp !== undefined && payer !== null && (clause.topUp.kind === 'royalty-undertaking' || sameParty(clause.topUp.owner.replace(/['’]s$/, ''), payer));
      const payerPerforms = reverse || ownSales || ownAmount || (achiever !== null && payer !== null && sameParty(achiever, payer));
      return { payer, payee, direction: payerPerforms ? 'from-performer' : 'to-performer' };
    }
    case 'payment-definition':
      return DEFINITION_PARTIES;
    case 'defined-milestones': {
      // Each payment names its payee ("Parent shall pay the Rights Agent …"), or the sentence does once ("in each case to …").
      const payer = term?.payer?.name ?? clause.payer?.name ?? null;
      const payee = term?.party?.name ?? clause.party?.name ?? null;
      const achiever = milestone.achiever?.name ?? null;
      const payerPerforms = reverse || (achiever !== null && payer !== null && sameParty(achiever, payer));
      return { payer, payee, direction: payerPerforms ? 'from-performer' : 'to-performer' };
    }
    default:
      return assertNever(clause.form);
  }
}

/** The parties of the payment that applies to a milestone, or null when the clause states none. */
export function milestoneParties(clause: ClauseNode, milestone: MilestoneNode): ObligationParties | null {
  const found = paymentFor(milestone, clause);
  return found ? obligationParties(clause, milestone, found.payment, found.term) : null;
}

/** The note that states an obligation's parties, once per milestone. */
export function partiesNote(name: string, p: ObligationParties): string {
  const payer = p.payer ?? 'a payer the clause does not name';
  const payee = p.payee ?? 'a payee the clause does not name';
  const way = p.direction === 'to-performer' ? 'to the party whose sales are measured' : 'by the party whose sales are measured';
  return `${name}: paid by ${payer} to ${payee} (${way})`;
}

/**
 * The payer and payee of a payroll line, where `party` is the name the run gives the contract's
 * performer (a portfolio's payee or the contract id): a payment to the performer is paid to `party`;
 * one from the performer (a shortfall) is paid by `party` to the payee the clause names, so that it is
 * never summed with the performer's commissions. An unnamed party is an empty string.
 */
export function lineParties(party: string, o: ObligationParties): { payer: string; payee: string } {
  return o.direction === 'to-performer' ? { payer: o.payer ?? '', payee: party } : { payer: party, payee: o.payee ?? '' };
}
