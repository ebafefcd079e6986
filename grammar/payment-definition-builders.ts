/**
 * Postprocessors for payments defined in a definition sentence: '"Net Sales Payment" means, for any calendar quarter,
 * an amount equal to fifteen percent (15%) of Net Sales of the Product during such calendar quarter; provided that …'.
 * Like grammar/builders.ts they only build nodes: whether the proviso names the defined payment, and what "such
 * calendar quarter" refers to, is the checker's (src/language/check-payment-definition.ts).
 */
import type { ComparatorNode, EventDateStatementNode, LevelStopNode, QuartersAfterEventNode, RateOnExcessPaymentNode, MilestoneNode, MoneyNode, PaymentDefinitionNode, PaymentNode, WindowNode } from '../src/language/ast';
import { cons, digits, span, toArray, type ClauseDraft, type Data, type List } from './builders';
import * as cb from './period-builders';
import { excessThreshold, measureOf } from './measured-builders';
import type { Token } from './lexer';
import { NO_CURRENCY } from '../src/values/money';
import { normalizeText } from '../src/values/text-key';

interface PeriodNoun { unit: string; yearStart: string; range: PaymentDefinitionNode['range'] }
interface DefinitionPeriod { written: PaymentDefinitionNode['periodWritten']; window: WindowNode }
/** The level, with the gross/net word of its running total for the milestone's target (not kept on the node). */
type WrittenStop = LevelStopNode & { basis: 'gross' | 'net' | null };
interface DefinitionBody { period: DefinitionPeriod; payment: PaymentNode; stop: WrittenStop | null }

const wordsOf = (list: List<Token>): string => toArray(list).map((t) => t.value).join(' ');

/** "for any calendar quarter": one instance per calendar quarter (canonically "in any calendar quarter"). */
export function forAnyPeriod(d: Data): DefinitionPeriod {
  const [, any, noun] = d as [Token, Token, PeriodNoun];
  const each = cb.calendarEachChoice([[any], noun]);
  return { written: 'for any', window: { ...each, written: 'in any', range: span(d) } };
}

/** "with respect to the First Net Sales Measuring Period": a defined period (its name read against the definitions in src/language/ordinal-period-names.ts). */
export function withRespectTo(d: Data): DefinitionPeriod {
  return { written: 'with respect to', window: { ...(d[4] as WindowNode), range: span(d) } };
}

/** "…, an amount equal to forty percent (40%) of that portion of Net Sales during … that exceeds One Million Dollars ($1,000,000)". */
export function portionBody(d: Data): DefinitionBody {
  const [period, , intro, percent, , , , , measure, , , threshold] = d as [
    DefinitionPeriod, Token, { intro: RateOnExcessPaymentNode['intro'] }, Token, Token, Token, Token, Token, RateOnExcessPaymentNode['measure'], Token, Token, Parameters<typeof excessThreshold>[0],
  ];
  // A named threshold ("the Sales Target of $1,000,000") is its amount, with the name kept, as after any rate on the excess.
  const written = excessThreshold(threshold);
  const payment: RateOnExcessPaymentNode = {
    kind: 'rate-on-excess', intro: intro.intro, percent: digits(percent, true), basis: measure?.basis ?? null, comparator: 'in excess of', threshold: written.threshold,
    ...(written.thresholdName ? { thresholdName: written.thresholdName } : {}),
    measure, portion: true, range: span(d.slice(2)),
  };
  return { period, payment, stop: null };
}

/** "the four (4) consecutive Calendar Quarters beginning with the first full Calendar Quarter after the Closing Date". */
export function quartersAfterEvent(d: Data): QuartersAfterEventNode {
  return { kind: 'quarters-after-event', n: Number(digits(d[1] as Token)), event: d[d.length - 1] as string, range: span(d) };
}

export const eventName = (d: Data): string => (d as Token[]).map((t) => t.value).join(' ');

/** "Closing Date is February 10, 2026." (after "The"). */
export function eventDate(d: Data): EventDateStatementNode[] {
  const [word, dateWord, , date] = d as [Token, Token, Token, { date: string }];
  return [{ kind: 'event-date', event: `${word.value} ${dateWord.value}`, date: date.date, range: span(d) }];
}

export function definitionBody(d: Data): DefinitionBody {
  const [period, , payment, stop] = d as [DefinitionPeriod, Token, PaymentNode, WrittenStop | null];
  return { period, payment, stop };
}

/**
 * "; provided that the Net Sales Payment for the calendar quarter during which cumulative Net Sales reach $1,500,000
 * shall be prorated to apply only to Net Sales during the period up to the time that such cumulative amount is
 * achieved, and no Net Sales Payment shall accrue thereafter".
 */
export function levelStop(d: Data): LevelStopNode & { basis: 'gross' | 'net' | null } {
  const first = d[4] as List<Token>;
  const noun = d[7] as PeriodNoun;
  const running = d[10] as { term: string; basis: 'gross' | 'net' | null };
  const comparator = d[11] as ComparatorNode;
  const amount = d[12] as MoneyNode;
  const applies = d[20] as { term: string };
  const second = d[d.length - 4] as List<Token>;
  return {
    kind: 'level-stop',
    names: [wordsOf(first), wordsOf(second)],
    unit: noun.unit as LevelStopNode['unit'],
    term: running.term,
    appliesTo: applies.term,
    comparator,
    amount,
    basis: running.basis,
    range: span(d),
  };
}

/**
 * The definition as a clause. Without a level, its one milestone is the amount's own measure, as in a payer-pays
 * sentence with no condition (grammar/measured-builders.ts measuredClause): the threshold of a rate on the excess, or
 * zero; the window the measure's, or the definition's period where the measure says "such". With a level, the
 * milestone is the level: the running total of its metric from the effective date reaching it.
 */
export function paymentDefinition(d: Data): ClauseDraft {
  const [term, , , body] = d as [Token, Token, Token, DefinitionBody];
  const { measure: m, threshold } = measureOf(body.payment);
  const definition: PaymentDefinitionNode = {
    kind: 'payment-definition',
    name: normalizeText(term.value.slice(1, -1)),
    periodWritten: body.period.written,
    period: body.period.window,
    ...(body.stop ? { stop: withoutBasis(body.stop) } : {}),
    range: span(d),
  };
  let milestone: MilestoneNode;
  if (body.stop) {
    const s = body.stop;
    milestone = {
      kind: 'milestone', label: null, labelSource: null,
      target: { kind: 'revenue', amount: s.amount, basis: s.basis, term: s.term, range: span(s.amount) },
      window: { kind: 'open', range: { start: s.range.start, end: s.range.start } },
      payment: body.payment,
      comparator: s.comparator,
      range: span(d),
    };
  } else {
    const money = threshold?.kind === 'money' ? threshold : null;
    const amount: MoneyNode = money ?? { kind: 'money', amount: '0', currency: NO_CURRENCY, text: '0', range: m.range };
    milestone = {
      kind: 'milestone', label: null, labelSource: null,
      target: { kind: 'revenue', amount, basis: m.basis, term: m.term, ...(m.scope !== undefined ? { scope: m.scope } : {}), range: m.range },
      window: m.window ?? body.period.window,
      payment: body.payment,
      comparator: { kind: 'comparator', strict: true, words: money !== null ? 'in excess of' : 'more than', range: m.range },
      condition: 'payment',
      range: span(d),
    };
  }
  return { kind: 'clause', form: 'payment-definition', party: null, definition, milestones: cons(null, milestone), payments: null, range: span(d) };
}

function withoutBasis(stop: WrittenStop): LevelStopNode {
  const { basis: _basis, ...node } = stop;
  return node;
}
