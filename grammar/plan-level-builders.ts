/**
 * Postprocessors for rates chosen by the plan level reached: "If Executive achieves the Annual Board Plan ($2,500,000
 * of Bookings for 2026) but less than the Sales Plan ($3,000,000), Executive earns a commission of two percent (2%);
 * if Executive achieves or exceeds the Sales Plan, Executive earns a commission of five percent (5%). The commission
 * applies to all Bookings in excess of the Annual Board Plan." (src/language/ast.ts PlanLevelsNode). They build the
 * levels as written and one milestone per level; whether every plan is defined once, the levels follow each other
 * and the year is written is decided by the checker (src/language/check-plan-levels.ts).
 */
import type {
  CalendarPeriodWindowNode, ComparatorNode, MilestoneNode, MoneyNode, OpenWindowNode, PartyNode, PlanLevelNode, PlanLevelsNode, PlanRefNode,
  RateOnExcessPaymentNode, Range, SalesBasis,
} from '../src/language/ast';
import { cons, digits, span, toArray, type ClauseDraft, type Data, type List } from './builders';
import type { Token } from './lexer';

type Metric = { term: string; basis: SalesBasis; range: Range };

/** "the Annual Board Plan", "the Annual Board Plan ($2,500,000 of Bookings for 2026)", "the Sales Plan ($3,000,000)". */
export function planRef(d: Data): PlanRefNode & { basis?: SalesBasis } {
  const words = toArray(d[1] as List<Token>);
  const amount = (d[3] as MoneyNode | undefined) ?? null;
  const of = (d[4] as [Token, Metric, Token, Token] | null | undefined) ?? null;
  return {
    kind: 'plan-ref',
    name: words.map((t) => t.value).join(' '),
    amount,
    metric: of ? of[1].term : null,
    year: of ? Number(digits(of[3])) : null,
    ...(of ? { basis: of[1].basis } : {}),
    range: span(d),
  };
}

interface Reach { written: PlanLevelNode['written']; verb: string; from: PlanRefNode; below: PlanRefNode | null; range: Range }

/** "achieves <plan> but less than <plan>". */
export function between(d: Data): Reach {
  const [verb, from, , , , below] = d as [Token[], PlanRefNode, Token, Token, Token, PlanRefNode];
  return { written: 'between', verb: verb[0].value.toLowerCase(), from, below, range: span(d) };
}

/** "achieves or exceeds <plan>". */
export function orExceeds(d: Data): Reach {
  const [verb, , , from] = d as [Token[], Token, Token, PlanRefNode];
  return { written: 'or exceeds', verb: `${verb[0].value.toLowerCase()} or exceeds`, from, below: null, range: span(d) };
}

type Level = PlanLevelNode & { words: string };

/** "<party> <reach>, <party> earns a commission of <rate>". */
export function planLevel(d: Data): Level {
  const [achiever, reach, , earner, , , , , rate] = d as [PartyNode, Reach, Token, PartyNode, Token, Token, Token, Token, Token];
  return {
    kind: 'plan-level', achiever, written: reach.written, from: reach.from, below: reach.below, earner,
    verb: reach.verb.split(' ')[0] as PlanLevelNode['verb'], percent: digits(rate, true), words: reach.verb, range: span(d),
  };
}

/** The levels, the closing sentence, and one milestone per level. */
export function planLevelsClause(d: Data): ClauseDraft {
  const [, head, more, , excess] = d as [unknown, Level, List<Level>, Token, [Token, Token, Token, Token, Token, Metric, Token, Token, Token, PlanRefNode & { basis?: SalesBasis }, Token]];
  const written = [head, ...toArray(more)];
  const applies = excess[5];
  const excessOver = strip(excess[9]);
  const refs = [...written.flatMap((l) => (l.below ? [l.from, l.below] : [l.from])), excessOver];
  // A plan's amount, metric and year are where it is defined (the checker requires one definition each).
  const defined = (name: string): PlanRefNode | undefined => refs.find((r) => r.name === name && r.amount !== null);
  const first = refs.find((r) => r.metric !== null) as (PlanRefNode & { basis?: SalesBasis }) | undefined;
  const year = refs.find((r) => r.year !== null)?.year ?? null;
  const currency = refs.find((r) => r.amount !== null)?.amount?.currency ?? 'USD';
  const amountOf = (ref: PlanRefNode): MoneyNode => defined(ref.name)?.amount ?? { kind: 'money', amount: '0', currency, text: ref.name, range: ref.range };
  const range = span(d);
  const levels: PlanLevelNode[] = written.map(({ words: _words, ...level }) => ({ ...level, from: strip(level.from), below: level.below ? strip(level.below) : null }));
  const planLevels: PlanLevelsNode = { kind: 'plan-levels', levels, appliesTo: applies.term, excessOver, range };
  const milestones = written.map((level): MilestoneNode => {
    const comparator: ComparatorNode = { kind: 'comparator', strict: false, words: level.words, range: level.range };
    const payment: RateOnExcessPaymentNode = {
      kind: 'rate-on-excess',
      intro: { noun: 'commission', link: 'of' },
      percent: level.percent,
      basis: applies.basis,
      comparator: 'in excess of',
      threshold: amountOf(excessOver),
      thresholdName: { name: excessOver.name },
      measure: { kind: 'measure', term: applies.term, basis: applies.basis, determiner: 'all', window: null, range: excess[5].range },
      levelBelow: level.below ? { name: level.below.name, amount: amountOf(level.below) } : null,
      range: level.range,
    };
    return {
      kind: 'milestone', label: null, labelSource: null,
      target: { kind: 'revenue', amount: amountOf(level.from), basis: first?.basis ?? applies.basis, term: first?.metric ?? applies.term, range: level.from.range },
      window: yearWindow(year, level.range),
      payment, comparator, achiever: level.achiever, range: level.range,
    };
  });
  return { kind: 'clause', form: 'payer-pays', party: written[0].earner, milestones: toList(milestones), payments: null, planLevels, range };
}

/** The plan as a node of the AST (the basis is the milestone's business). */
function strip(ref: PlanRefNode & { basis?: SalesBasis }): PlanRefNode {
  const { basis: _basis, ...rest } = ref;
  return rest;
}

/** "for 2026": that calendar year; with no year written, an open window (the checker reports it). */
function yearWindow(year: number | null, range: Range): CalendarPeriodWindowNode | OpenWindowNode {
  if (year === null) return { kind: 'open', range };
  return { kind: 'calendar-period', unit: 'year', yearStart: '01-01', selection: { kind: 'named', year, n: 1 }, written: 'named', range };
}

function toList<T>(items: T[]): List<T> {
  return items.reduce<List<T>>((list, item) => cons(list, item), null);
}
