/**
 * Postprocessors for rates chosen by the plan level reached: "If Executive achieves the Annual Board Plan ($2,500,000
 * of Bookings for 2026) but less than the Sales Plan ($3,000,000), Executive earns a commission of two percent (2%);
 * if Executive achieves or exceeds the Sales Plan, Executive earns a commission of five percent (5%). The commission
 * applies to all Bookings in excess of the Annual Board Plan." (src/language/ast.ts PlanLevelsNode). They build the
 * levels as written and one milestone per level; what each plan's name refers to is resolved after the parse
 * (src/language/plan-level-names.ts), and whether every plan is defined once, the levels follow each other and the year
 * is written is decided by the checker (src/language/check-plan-levels.ts).
 */
import type {
  ComparatorNode, MilestoneNode, MoneyNode, PartyNode, PlanLevelNode, PlanLevelsNode, PlanRefNode, RateOnExcessPaymentNode, Range, SalesBasis,
} from '../src/language/ast';
import { NO_CURRENCY } from '../src/values/money';
import { cons, digits, span, toArray, type ClauseDraft, type Data, type List } from './builders';
import type { Token } from './lexer';

type Metric = { term: string; basis: SalesBasis; range: Range };

/** "the Annual Board Plan", "the Annual Board Plan ($2,500,000 of Bookings for 2026)", "the Sales Plan ($3,000,000)". */
export function planRef(d: Data): PlanRefNode {
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

/**
 * The levels, the closing sentence, and one milestone per level as written: each level's milestone names its plans by
 * their written amounts (a name alone has none yet), the rate's metric and no year. Which plan a name refers to, the
 * metric and year written with another plan, and the currency are resolved once the parse is done
 * (src/language/plan-level-names.ts), from the plans as the levels write them.
 */
export function planLevelsClause(d: Data): ClauseDraft {
  const [, head, more, , excess] = d as [unknown, Level, List<Level>, Token, [Token, Token, Token, Token, Token, Metric, Token, Token, Token, PlanRefNode, Token]];
  const written = [head, ...toArray(more)];
  const applies = excess[5];
  const excessOver = excess[9];
  const range = span(d);
  const levels: PlanLevelNode[] = written.map(({ words: _words, ...level }) => level);
  const planLevels: PlanLevelsNode = { kind: 'plan-levels', levels, appliesTo: applies.term, excessOver, range };
  const milestones = written.map((level): MilestoneNode => {
    const comparator: ComparatorNode = { kind: 'comparator', strict: false, words: level.words, range: level.range };
    const payment: RateOnExcessPaymentNode = {
      kind: 'rate-on-excess',
      intro: { noun: 'commission', link: 'of' },
      percent: level.percent,
      basis: applies.basis,
      comparator: 'in excess of',
      threshold: writtenAmount(excessOver),
      thresholdName: { name: excessOver.name },
      measure: { kind: 'measure', term: applies.term, basis: applies.basis, determiner: 'all', window: null, range: excess[5].range },
      levelBelow: level.below ? { name: level.below.name, amount: writtenAmount(level.below) } : null,
      range: level.range,
    };
    return {
      kind: 'milestone', label: null, labelSource: null,
      target: { kind: 'revenue', amount: writtenAmount(level.from), basis: applies.basis, term: applies.term, range: level.from.range },
      window: { kind: 'open', range: level.range },
      payment, comparator, achiever: level.achiever, range: level.range,
    };
  });
  return { kind: 'clause', form: 'payer-pays', party: written[0].earner, milestones: toList(milestones), payments: null, planLevels, range };
}

/** The amount written with a plan, or, for a plan named without one, 0 showing its name until names are resolved. */
function writtenAmount(ref: PlanRefNode): MoneyNode {
  return ref.amount ?? { kind: 'money', amount: '0', currency: NO_CURRENCY, text: ref.name, range: ref.range };
}

function toList<T>(items: T[]): List<T> {
  return items.reduce<List<T>>((list, item) => cons(list, item), null);
}
