/**
 * Checks of a period opening that names a defined period ("For each Fortnight (each consecutive fourteen-day period
 * beginning on the Commencement Date),"): the text must define the term as successive periods, and a period adjective
 * of the metric measured ("Fortnightly Sales") must name the same length, else the sentence says two periods at once.
 */
import type { ClauseNode, DocumentNode, MeasureNode, PeriodDefinitionNode, PeriodOpeningNode, PeriodWordNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { definitionsOf, periodMeaning, termKey, type PeriodMeaning } from './period-definitions';
import { paymentParts } from './payment-parts';
import { openingPeriodWords } from './openings';
import { windowPeriod } from './check-measured';

const MONTHS = { month: 1, quarter: 3, year: 12 };

/** Days in each period a period word names, where it names a fixed number of them. */
const WORD_DAYS: Partial<Record<PeriodWordNode['unit'], number>> = { fortnight: 14, week: 7 };
const WORD_MONTHS: Partial<Record<PeriodWordNode['unit'], number>> = { month: 1, quarter: 3, year: 12 };

/** Whether periods of `n` units are the length `word` names. */
function agrees(word: PeriodWordNode, length: { n: number; unit: 'day' | 'month' | 'year' }): boolean {
  if (length.unit === 'day') return WORD_DAYS[word.unit] === length.n;
  return WORD_MONTHS[word.unit] === (length.unit === 'year' ? 12 * length.n : length.n);
}

/** The length of each period `meaning` names (an event's periods before the event is dated too), or null. */
function lengthOf(definition: PeriodDefinitionNode | undefined, meaning: PeriodMeaning | null): { n: number; unit: 'day' | 'month' | 'year' } | null {
  if (definition?.meaning.kind === 'periods-from-event') return { n: definition.meaning.n, unit: definition.meaning.unit };
  if (meaning?.kind === 'successive') return { n: meaning.months, unit: 'month' };
  return null;
}

function measuresOf(clause: ClauseNode): MeasureNode[] {
  const out: MeasureNode[] = [];
  for (const m of clause.milestones) {
    const base = m.payment ? paymentParts(m.payment).base : null;
    if (base?.kind !== 'tiered') continue;
    if (base.measure) out.push(base.measure);
    for (const band of base.bands) if (band.measure) out.push(band.measure);
  }
  return out;
}

export function checkOpeningPeriod(clause: ClauseNode, o: PeriodOpeningNode, document: DocumentNode, out: Diagnostic[]): void {
  const w = o.window;
  if (w.kind !== 'defined-period') return;
  const definitions = definitionsOf(document);
  const meaning = periodMeaning(w.term, definitions);
  const definition = definitions.get(termKey(w.term));
  const length = lengthOf(definition, meaning);
  if (meaning === null && length === null) {
    // A definition with an error of its own is reported there.
    if (definition !== undefined) return;
    out.push(
      diagnostic('undefined-period', w.range, `'${w.term}' is not defined in the text, so its dates are unknown.`, {
        suggestion: `define it in brackets after the name: 'For each ${w.term} (each consecutive fourteen-day period beginning on the Commencement Date),'`,
      }),
    );
    return;
  }
  if (meaning?.kind === 'window') {
    out.push(diagnostic('single-period-definition', w.range, `'${w.term}' is defined as one period, so there is no 'each'.`, { suggestion: `write 'during the ${w.term}' after the condition` }));
    return;
  }
  checkWords(clause, length, w.term, out);
}

/** A measure's period word checked against the period `length` the sentence measures in (null: none the word can be held to). */
function checkWords(clause: ClauseNode, length: { n: number; unit: 'day' | 'month' | 'year' } | null, period: string, out: Diagnostic[]): void {
  for (const measure of measuresOf(clause)) {
    const word = measure.periodWord;
    if (word === undefined || (length !== null && agrees(word, length))) continue;
    out.push(
      diagnostic(
        'period-word-mismatch',
        word.range,
        `'${word.word}' names periods of another length than each ${period} the opening measures in: the text says two periods at once, and neither is taken.`,
        { suggestion: `write the metric without '${word.word}', or measure in periods of that length` },
      ),
    );
  }
}

/**
 * A period word in a tiered amount's measure ("the Store's Fortnightly Sales") with no defined-period opening: with a
 * calendar opening it must name the same length; with none, nothing says when the periods start, so it is an error, never
 * a running total that ignores the word.
 */
export function checkMeasurePeriodWords(clause: ClauseNode, out: Diagnostic[]): void {
  const o = clause.opening;
  if (o?.kind === 'period-opening') {
    const w = o.window;
    if (w.kind === 'defined-period') return; // checkOpeningPeriod compares them
    const months = { month: 1, quarter: 3, 'half-year': 6, year: 12 }[w.unit];
    checkWords(clause, { n: months, unit: 'month' }, openingPeriodWords(o), out);
    return;
  }
  for (const measure of measuresOf(clause)) {
    const word = measure.periodWord;
    if (word === undefined) continue;
    // "the Total Annual Net Sales in each Calendar Year": the measure's own window names the periods, of the word's length.
    const own = measure.window !== null ? windowPeriod(measure.window) : null;
    if (own !== null && own.unit in MONTHS && agrees(word, { n: MONTHS[own.unit as keyof typeof MONTHS], unit: 'month' })) continue;
    if (own !== null) {
      out.push(
        diagnostic('period-word-mismatch', word.range, `'${word.word}' names periods of another length than each ${own.calendar ? 'calendar ' : ''}${own.unit} the measure is counted in: the text says two periods at once, and neither is taken.`, {
          suggestion: `write the metric without '${word.word}', or measure in periods of that length`,
        }),
      );
      continue;
    }
    out.push(
      diagnostic('period-word-mismatch', word.range, `'${word.word}' names a period, but the sentence names none to measure in: when its periods start is not stated, and no reading is taken.`, {
        suggestion: "open the sentence with the period: 'For each Fortnight (each consecutive fourteen-day period beginning on the Commencement Date),'",
      }),
    );
  }
}
