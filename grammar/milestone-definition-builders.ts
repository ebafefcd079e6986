/**
 * Postprocessors for milestones defined in sentences of their own and for the once-only sentence after a payment:
 * '"Milestone 1" means the first achievement of annual Net Sales of at least $2,000,000 during …', 'Upon the
 * achievement of Milestone 1, Parent shall pay $250,000, …', 'Such payment shall be payable only upon the first
 * achievement of such milestone.'. Like grammar/builders.ts they only build nodes: which definition a payment
 * names is the checker's (src/language/check-milestone-definitions.ts).
 */
import { withPeriodAfter, type PeriodAfterNode } from './period-after-builders';
import type {
  ClawbackNode,
  BeneficiaryNode, CalendarPeriodWindowNode, CarryForwardNode, ComparatorNode, DefinitionNode, MilestoneNode, MoneyNode, OnceOnlyNode, PartyNode, PaymentNode, PaymentTermNode, PeriodReferenceNode,
  PaymentDayNode, PaymentTimingNode, PeriodUnit, PortionStatementNode, Range, WindowNode,
} from '../src/language/ast';
import { cons, lower, paymentOfValue, span, subjectTarget, toArray, type ClauseDraft, type Condition, type Data, type List, type Subject, type Unstated } from './builders';
import { firstDueTail, type CalendarTail } from './period-builders';
import { withTiming } from './builders';
import { withPaymentDay } from './opening-builders';
import { withClawback } from './clawback-builders';
import { withCarryForward } from './carry-forward-builders';
import type { Token } from './lexer';

/** "any of its Affiliates": the words of one party of a "by …" scope. */
export function anyOfItsParty(d: Data): Token[] {
  const [any, of, its, names] = d as [Token, Token, Token, List<Token>];
  return [any, of, its, ...toArray(names)];
}

/** "Such payment shall be payable only upon the first achievement of such milestone[, and no amount shall be due …].". */
export function onceSentence(d: Data): OnceOnlyNode {
  const noRepeat = d[d.length - 2] as NoRepeat | null;
  const node: OnceOnlyNode = { kind: 'once-only', words: 'payable only upon the first achievement', sentence: noRepeat ? 'first-achievement-no-repeat' : 'first-achievement', range: span(d) };
  return noRepeat?.repeatPeriods ? { ...node, repeatPeriods: noRepeat.repeatPeriods } : node;
}

/** ", and no amount(s) shall be due for subsequent or repeated achievements[ of such milestone in subsequent Calendar Years]". */
interface NoRepeat {
  repeatPeriods: NonNullable<OnceOnlyNode['repeatPeriods']> | null;
}

export function noRepeat(d: Data): NoRepeat {
  return { repeatPeriods: (d[d.length - 1] as NoRepeat['repeatPeriods']) ?? null };
}

/** "of such milestone in subsequent Calendar Years": the unit of the later periods named. */
export function repeatPeriods(d: Data): NonNullable<OnceOnlyNode['repeatPeriods']> {
  const unit = (d[6] as Token).value.toLowerCase() === 'years' ? 'year' : 'quarter';
  return { unit, range: span(d) };
}

/** A payer-pays clause and the sentence after it: its payments' timing, their pay day, or that they are made once. */
export function withAfterSentence(d: Data): ClauseDraft {
  const [clause, after] = d as [ClauseDraft, PaymentTimingNode | PaymentDayNode | OnceOnlyNode | ClawbackNode | CarryForwardNode | PeriodAfterNode | PortionStatementNode];
  switch (after.kind) {
    case 'period-after':
      return withPeriodAfter(clause, after);
    case 'payment-timing':
      return withTiming([clause, after]);
    case 'payment-day':
      return withPaymentDay([clause, after]);
    case 'once-only':
      return withOnceSentence([clause, after]);
    case 'clawback':
      return withClawback([clause, after]);
    case 'carry-forward':
      return withCarryForward([clause, after]);
    case 'portion-statement':
      return { ...clause, portionStatement: after, range: span(clause, after) };
  }
}

/** The clause before a once-only sentence: each of its milestones is paid once. */
export function withOnceSentence(d: Data): ClauseDraft {
  const [clause, once] = d as [ClauseDraft, OnceOnlyNode];
  const milestones = toArray(clause.milestones).reduce<List<MilestoneNode>>((list, m) => cons(list, { ...m, once }), null);
  return { ...clause, milestones, range: span(clause, once) };
}

// --- milestones defined in sentences of their own ------------------------------------------------

interface WrittenDate { date: string; range: Range }
/** What a milestone definition means, before its term is known. */
type Meaning = Omit<MilestoneNode, 'label' | 'labelSource' | 'payment' | 'range'> & { range: Range };

/** "worldwide" after the metric ("Net Sales of the Product worldwide"): a scope, recorded as written. */
export function worldwideScope(d: Data): { text: string; range: Range } {
  return { text: lower(d[0] as Token), range: span(d) };
}

/** "during the Calendar Year ending on December 31, 2026": the calendar year named by its last day. */
export function yearEndingOn(d: Data): CalendarPeriodWindowNode {
  const date = d[6] as WrittenDate;
  return {
    kind: 'calendar-period', unit: 'year', yearStart: '01-01', selection: { kind: 'named', year: Number(date.date.slice(0, 4)), n: 1 },
    written: 'named', endsOn: date.date, range: span(d),
  };
}


/** "the first achievement of annual Net Sales of at least $2,000,000 during …": paid once, on the first achievement. */
export function firstAchievementMeaning(d: Data): Meaning {
  const [the, first, achievement, , s, , comparator, amount, window] = d as [Token, Token, Token, Token, Subject, Token, ComparatorNode, MoneyNode, WindowNode];
  const once: OnceOnlyNode = { kind: 'once-only', words: 'the first achievement', range: span(the, first, achievement) };
  return {
    kind: 'milestone', target: subjectTarget(s, amount, span(s, amount)), window, comparator, ...(s.achiever ? { achiever: s.achiever } : {}), once, range: span(d),
  };
}

/** "cumulative Net Sales of the Product worldwide during the Sales Milestone Period exceeding $1.25 million". */
export function conditionMeaning(d: Data): Meaning {
  const [c] = d as [Condition];
  const { subject: s, comparison, window } = c;
  return {
    kind: 'milestone', target: subjectTarget(s, comparison.amount, span(s, comparison)), window, comparator: comparison.comparator,
    ...(s.achiever ? { achiever: s.achiever } : {}), ...(comparison.quota ? { quota: comparison.quota } : {}), range: c.range,
  };
}

/** '"Milestone 1" means …': the milestone, labelled by its term (without the quotes). */
export function milestoneDefinition(d: Data): MilestoneNode {
  const [term, , meaning] = d as [Token, Token, Meaning];
  const words = term.value.slice(1, -1);
  const { range: _range, ...rest } = meaning;
  void _range;
  return { ...rest, label: words, labelSource: { kind: 'label', style: 'defined', text: words, range: span(term) }, payment: null, range: span(d) };
}

/** "Milestone 1", "the Sales Milestone": the term a payment names. */
export function milestoneRef(d: Data): { label: string; range: Range } {
  const [, words] = d as [Token | null, List<Token>];
  const tokens = toArray(words);
  return { label: tokens.map((t) => t.value).join(' '), range: span(tokens) };
}

export function beneficiary(d: Data): BeneficiaryNode {
  const who = d[d.length - 1] as PartyNode;
  return { kind: 'beneficiary', written: d.length === 4 ? 'for distribution to' : 'for the benefit of', party: who, range: span(d) };
}

interface Payee { party: PartyNode; beneficiary: BeneficiaryNode | null }

export function uponPayee(d: Data): Payee {
  return { party: d[1] as PartyNode, beneficiary: (d[3] as BeneficiaryNode | undefined) ?? null };
}

interface UponPayment { ref: { label: string; range: Range }; payer: PartyNode; payee: Payee | null; payment: PaymentNode; range: Range }

/** "Upon the achievement of Milestone 1, Parent shall pay $250,000": a bare amount is a payment of it. */
export function uponPayment(d: Data): UponPayment {
  const [, , , , ref, , payer, , payee, paid] = d as [Token, Token, Token, Token, UponPayment['ref'], Token, PartyNode, Token, Payee | null, PaymentNode | MoneyNode | Unstated];
  const payment: PaymentNode = paid.kind === 'money' || paid.kind === 'unstated-value' ? paymentOfValue(paid, 'payment', [], paid.range) : paid;
  return { ref, payer, payee, payment, range: span(d) };
}

interface UponDraft { payments: List<UponPayment>; party: PartyNode | null; beneficiary: BeneficiaryNode | null; range: Range }

export function uponSentence(d: Data): UponDraft {
  return { payments: d[0] as List<UponPayment>, party: null, beneficiary: null, range: span(d) };
}

/** "…, in each case to the Rights Agent for distribution to the Holders.": the payee of every payment. */
export function inEachCaseSentence(d: Data): UponDraft {
  const [payments, , , , , , party, benefit] = d as [List<UponPayment>, Token, Token, Token, Token, Token, PartyNode, BeneficiaryNode | null];
  return { payments, party, beneficiary: benefit, range: span(d) };
}

/**
 * The clause: the milestones in the order defined, the definitions between them for the document, and one payment term
 * per payment, naming its milestone by the term. Which term names which definition is the checker's.
 */
export function definedMilestonesClause(d: Data): ClauseDraft {
  const [term, means, meaning, period, written, upon] = d as [Token, Token, Meaning, Token, List<MilestoneNode | DefinitionNode | DefinitionNode[]>, UponDraft];
  const items = [milestoneDefinition([term, means, meaning, period]), ...toArray(written)];
  const milestones = items.filter((x): x is MilestoneNode => !Array.isArray(x) && x.kind === 'milestone');
  const asides = items.filter((x): x is DefinitionNode | DefinitionNode[] => Array.isArray(x) || x.kind !== 'milestone').flat();
  const paid = toArray(upon.payments);
  const first = paid[0];
  const benefit = upon.beneficiary ?? paid.find((p) => p.payee?.beneficiary)?.payee?.beneficiary ?? null;
  const terms = paid.reduce<List<PaymentTermNode>>((list, p) => cons(list, {
    kind: 'payment-term', scope: { kind: 'milestone', label: p.ref.label, range: p.ref.range }, party: p.payee?.party ?? null, payer: p.payer, payment: p.payment, range: p.range,
  }), null);
  return {
    kind: 'clause', form: 'defined-milestones', payer: first.payer, party: upon.party ?? first.payee?.party ?? null,
    ...(benefit ? { beneficiary: benefit } : {}), milestones: milestones.reduce<List<MilestoneNode>>((list, m) => cons(list, m), null), payments: terms,
    ...(asides.length ? { asides } : {}), range: span(d),
  };
}

// --- the first calendar period during which … --------------------------------------------------------

/** "of the first Licensed Product": the scope as written (not applied to the ledger, like every scope). */
export function firstScope(d: Data): { text: string; range: Range } {
  const [of, the, first, names] = d as [Token, Token, Token, List<Token>];
  return { text: [of, the, first, ...toArray(names)].map((t) => t.value).join(' '), range: span(d) };
}

/** "for such year", "for such calendar year" after the condition: the period its figure is for. */
export function forSuchPeriod(d: Data): PeriodReferenceNode {
  const unit = lower(d[d.length - 1] as Token) as PeriodUnit;
  return { kind: 'period-reference', unit, word: 'such', range: span(d) };
}

/** "within sixty (60) days following the end of the first calendar year during which <condition> [for such year]". */
export function firstDuringTail(d: Data): CalendarTail {
  const tail = firstDueTail(d.slice(0, 14));
  const reference = (d[14] as PeriodReferenceNode | null) ?? null;
  return reference === null ? tail : { ...tail, extra: { periodReference: reference }, range: span(d) };
}
