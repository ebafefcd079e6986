/**
 * Postprocessors for windows with their own start, defined periods and definition sentences. Like
 * grammar/builders.ts, they only build nodes; what a defined term means is looked up, and checked,
 * after parsing (src/language/period-definitions.ts).
 */
import type {
  CalendarPeriodWindowNode, CalendarUnit, FiscalLabelDefinitionNode, FiscalYearStatementNode, Range,
  DateRangeWindowNode, DefinitionNode, PeriodDefinitionNode, SpanStart, SpanWindowNode, SuccessivePeriodsNode, WindowNode,
} from '../src/language/ast';
import { wordsValue } from '../src/values/number-words';
import { normalizeText } from '../src/values/text-key';
import { digits, lower, span, toArray, type Data, type DocumentDraft, type List } from './builders';
import { MONTH_NAMES, ORDINAL_WORDS, type Token } from './lexer';
import { HYPHENATED_LENGTH } from './period-words';

interface Length { n: number; unit: 'day' | 'month' | 'year'; range: ReturnType<typeof span> }

const unitOf = (word: string): Length['unit'] => (word.startsWith('day') ? 'day' : word.startsWith('month') ? 'month' : 'year');

export function spanLength(d: Data): Length {
  const [n, unit] = d as [Token, Token];
  return { n: Number(digits(n)), unit: unitOf(lower(unit)), range: span(d) };
}

/** "twelve-month", "12-month": a number word or figure joined to the unit. Not a number word: NaN, the checker's error. */
export function hyphenatedLength(d: Data): Length {
  const t = d[0] as Token;
  const [, number, unit] = HYPHENATED_LENGTH.exec(t.value) ?? ['', '', 'month'];
  const value = /^\d+$/.test(number) ? number : wordsValue(number);
  return { n: value === null ? Number.NaN : Number(value), unit: unitOf(unit.toLowerCase()), range: span(d) };
}

interface WrittenDate { date: string }

export const dateStart = (d: Data): SpanStart => ({ kind: 'date', date: (d[0] as WrittenDate).date });
export const effectiveStart = (): SpanStart => ({ kind: 'effective-date' });

function spanNode(length: Length, start: SpanStart, written: SpanWindowNode['written'], d: Data): SpanWindowNode {
  return { kind: 'span', n: length.n, unit: length.unit, start, written, range: span(d) };
}

/** A window with the words before it: its range starts at the preposition ("during", "the"). */
export function withPreposition(d: Data): WindowNode {
  return { ...(d[1] as WindowNode), range: span(d) };
}

/** "twelve (12) month period commencing June 1, 2026" (after "during the"). */
export function spanWindow(d: Data): WindowNode {
  return spanNode(d[0] as Length, d[4] as SpanStart, 'period', d);
}

/** "first twelve (12) months after the Effective Date". */
export function firstSpanWindow(d: Data): WindowNode {
  return spanNode(d[1] as Length, { kind: 'effective-date' }, 'first', d);
}

function dateRange(from: WrittenDate, to: WrittenDate, d: Data): DateRangeWindowNode {
  return { kind: 'date-range', from: from.date, to: to.date, range: span(d) };
}

/** "period from June 1, 2026 to May 31, 2027". */
export function dateRangeWindow(d: Data): WindowNode {
  return dateRange(d[2] as WrittenDate, d[4] as WrittenDate, d);
}

/** "term", "Term of this Agreement". */
export function termWindow(d: Data): WindowNode {
  return { kind: 'term', range: span(d) };
}

interface PeriodName { term: string; range: ReturnType<typeof span> }

export function periodName(d: Data): PeriodName {
  const [words, head] = d as [List<Token>, Token];
  return { term: normalizeText([...toArray(words), head].map((t) => t.value).join(' ')), range: span(d) };
}

function ordinalValue(t: Token): number {
  const word = ORDINAL_WORDS.indexOf(lower(t) as (typeof ORDINAL_WORDS)[number]);
  return word >= 0 ? word + 1 : parseInt(t.value, 10);
}

/** "first Contract Year". */
export function definedOrdinal(d: Data): WindowNode {
  return { kind: 'defined-period', term: (d[1] as PeriodName).term, which: ordinalValue(d[0] as Token), range: span(d) };
}

/** "Measuring Period". */
export function definedThe(d: Data): WindowNode {
  return { kind: 'defined-period', term: (d[0] as PeriodName).term, which: 'the', range: span(d) };
}

/** "in each Contract Year", "every Contract Year", "any Contract Year": one instance per period; "any" and "a" are kept as written. */
export function definedEach(d: Data): WindowNode {
  const first = d[0] as Token;
  const written: { written?: 'any' | 'a' } = first.type === 'any' || first.type === 'a' ? { written: first.type } : {};
  return { kind: 'defined-period', term: (d[d.length - 1] as PeriodName).term, which: 'each', ...written, range: span(d) };
}

// --- fiscal periods ---------------------------------------------------------------------------

/** A calendar period noun whose year is the fiscal year: "fiscal quarter", "Fiscal Year". */
export function fiscalNoun(d: Data): { unit: CalendarUnit; yearStart: string; range: Range } {
  const unit = d[1] as Token;
  return { unit: /^half/i.test(unit.value) ? 'half-year' : (lower(unit) as CalendarUnit), yearStart: 'fiscal', range: span(d) };
}

/** "FY2027", "fiscal year 2027": the fiscal year that label names (the label's reading is the checker's and the notes'). */
export function fiscalLabel(d: Data): CalendarPeriodWindowNode {
  const n = d[d.length - 1] as Token;
  return { kind: 'calendar-period', unit: 'year', yearStart: 'fiscal', selection: { kind: 'named', year: Number(digits(n)), n: 1 }, written: 'named', range: span(d) };
}

/** "Fiscal Year beginning April 1, 2026": the twelve months from that date. */
export function fiscalYearSpan(d: Data): WindowNode {
  return { kind: 'span', n: 12, unit: 'month', start: { kind: 'date', date: (d[d.length - 1] as WrittenDate).date }, written: 'fiscal year', range: span(d) };
}

/** "fiscal year begins on July 1[, and "FY2027" means …]." (after "The Company's"): the statement, and the label it defines. */
export function fiscalSentence(d: Data): DefinitionNode[] {
  const [fiscal, , verb, , month, day, label] = d as [Token, Token, Token, Token, Token, Token, FiscalLabelDefinitionNode | null];
  const statement: FiscalYearStatementNode = {
    kind: 'fiscal-year-statement', edge: lower(verb) === 'ends' ? 'ends' : 'begins', month: MONTH_NAMES[lower(month)], day: Number(digits(day)), range: span(fiscal, day),
  };
  return label ? [statement, label] : [statement];
}

/** The statement's range starts at the words before it ("The", "Company's"). */
export function withLead(d: Data): DefinitionNode[] {
  const [statement, ...rest] = d[1] as DefinitionNode[];
  return [{ ...statement, range: span(d[0], statement) }, ...rest];
}

export const third = (d: Data): unknown => d[2];

/** "the fiscal year ending January 31, 2027": what a label means. */
interface FiscalLabelBody { kind: 'fiscal-label-body'; edge: 'beginning' | 'ending'; date: string; range: Range }

export function fiscalLabelBody(d: Data): FiscalLabelBody {
  const [, , , edge, date] = d as [Token, Token, Token, Token, WrittenDate];
  return { kind: 'fiscal-label-body', edge: lower(edge) === 'ending' ? 'ending' : 'beginning', date: date.date, range: span(d) };
}

function labelDefinition(label: Token, body: FiscalLabelBody, range: Range): FiscalLabelDefinitionNode {
  const year = /(\d{2,4})\s*$/.exec(label.value.slice(1, -1))?.[1];
  return { kind: 'fiscal-label-definition', label: year === undefined ? Number.NaN : Number(year), edge: body.edge, date: body.date, range };
}

/** '"FY2027" means the fiscal year ending January 31, 2027' after a statement's ", and". */
export function fiscalLabelDefinition(d: Data): FiscalLabelDefinitionNode {
  const [label, , the, , , edge, date] = d as [Token, Token, Token, Token, Token, Token, WrittenDate];
  return labelDefinition(label, { kind: 'fiscal-label-body', edge: lower(edge) === 'ending' ? 'ending' : 'beginning', date: date.date, range: span(the, date) }, span(d));
}

/** '"<Term>" means …': a defined period, or what a fiscal-year label names. */
export function definitionSentence(d: Data): DefinitionNode {
  const [term, , meaning] = d as [Token, unknown, PeriodDefinitionNode['meaning'] | FiscalLabelBody];
  if (meaning.kind === 'fiscal-label-body') return labelDefinition(term, meaning, span(d));
  return { kind: 'period-definition', term: normalizeText(term.value.slice(1, -1)), meaning, range: span(d) };
}

// --- definitions -------------------------------------------------------------------------------

/** "the twelve (12) month period commencing on …", as a definition's meaning. */
export function definedSpan(d: Data): SpanWindowNode {
  return spanNode(d[1] as Length, d[5] as SpanStart, 'period', d);
}

/** "the twelve (12) months beginning on the Effective Date": the span "the twelve (12) month period beginning on …" states. */
export function definedSpanNoPeriod(d: Data): SpanWindowNode {
  return spanNode(d[1] as Length, d[4] as SpanStart, 'period', d);
}

export function definedRange(d: Data): DateRangeWindowNode {
  return dateRange(d[3] as WrittenDate, d[5] as WrittenDate, d);
}

export function successivePeriods(d: Data): SuccessivePeriodsNode {
  const length = d[2] as Length;
  return { kind: 'successive-periods', n: length.n, unit: length.unit, range: span(d) };
}


function withDefinitions(before: List<DefinitionNode | DefinitionNode[]>, clauses: DocumentDraft['clauses'], after: List<DefinitionNode | DefinitionNode[]>, d: Data): DocumentDraft {
  const draft: DocumentDraft = { kind: 'document', clauses, range: span(d) };
  return before || after ? { ...draft, definitionLists: [before, after] } : draft;
}

/** The document, with the definition sentences after its clauses (none: no `definitions` field). */
export function document(d: Data): DocumentDraft {
  const [, clauses, after] = d as [unknown, DocumentDraft['clauses'], List<DefinitionNode | DefinitionNode[]>];
  return withDefinitions(null, clauses, after, d);
}

/** The document that opens with definition sentences. */
export function definedFirst(d: Data): DocumentDraft {
  const [before, clauses, after] = d as [List<DefinitionNode | DefinitionNode[]>, DocumentDraft['clauses'], List<DefinitionNode | DefinitionNode[]>];
  return withDefinitions(before, clauses, after, d);
}
