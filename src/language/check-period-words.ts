/**
 * Checks of metrics' period words ("annual Net Sales"): a written window of another length is an
 * error (two periods at once); alone, a word whose periods the text does not call calendar ones is
 * read as contract periods, one of two readings, so a warning names both and how to write each.
 * The readings themselves are src/language/period-word.ts's.
 */
import type { DocumentNode, PeriodWordNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { PERIOD_WORD_UNIT_NAMES, periodWordReading } from './period-word';

const WINDOW_WORDS: Readonly<Record<string, string>> = {
  'calendar-period': 'a calendar or fiscal period of another length',
  recurring: 'periods of another length',
  period: 'a contract period of another length',
  span: 'a period of another length',
  'defined-period': 'a defined period of another length',
  'end-of-period': 'a running total to the end of a period',
  'by-date': 'a running total to a date',
  within: 'a running total over a number of days or months',
  'date-range': 'the period between two dates',
  term: 'the whole term',
};

const calendarWords = (unit: PeriodWordNode['unit']): string => `in each Calendar ${PERIOD_WORD_UNIT_NAMES[unit][0].toUpperCase()}${PERIOD_WORD_UNIT_NAMES[unit].slice(1)}`;

export function checkPeriodWords(document: DocumentNode, out: Diagnostic[]): void {
  for (const d of document.definitions ?? []) {
    if (d.kind === 'metric-basis-statement' && d.periodWord.unit !== d.unit) {
      out.push(
        diagnostic('period-word-mismatch', d.range, `'${d.term}' is a ${PERIOD_WORD_UNIT_NAMES[d.periodWord.unit]}'s total, but the sentence calculates it on a calendar ${d.unit} basis.`, {
          suggestion: `write 'on a calendar ${PERIOD_WORD_UNIT_NAMES[d.periodWord.unit]} basis'`,
        }),
      );
    }
  }
  for (const clause of document.clauses) {
    for (const m of clause.milestones) {
      const reading = periodWordReading(m, document);
      const unit = reading.kind === 'none' || reading.word === null ? null : PERIOD_WORD_UNIT_NAMES[reading.word.unit];
      switch (reading.kind) {
        case 'none':
        case 'agrees':
        case 'defined':
          break;
        case 'mismatch':
          out.push(
            diagnostic(
              'period-word-mismatch',
              m.window.range,
              `'${reading.word.word}' makes the metric one ${unit}'s total, but the window is ${WINDOW_WORDS[reading.window] ?? 'of another length'}: the text names two periods and the engine will not choose.`,
              { suggestion: `leave out '${reading.word.word}', or write the window as one ${unit} ('${calendarWords(reading.word.unit)}')` },
            ),
          );
          break;
        case 'unsupported':
          out.push(
            diagnostic(
              'unsupported-construct',
              reading.word.range,
              `'${reading.word.word}' alone does not say when each ${unit} starts (there is no calendar ${unit}); the language reads it only with a window written.`,
              { suggestion: `write the ${unit}s as a period of their own, such as 'in each 14 day period commencing on the Effective Date'` },
            ),
          );
          break;
        case 'from-word':
          if (!reading.calendar) {
            out.push(
              diagnostic(
                'period-word-reading',
                reading.word.range,
                `'${reading.word.word}' with no period written has two readings: each contract ${unit} counted from the effective date, or each calendar ${unit}. ` +
                  `It is read as each contract ${unit}; the first ${unit} whose own total meets the target is paid, once.`,
                { suggestion: `for calendar ${unit}s add the sentence '${m.target.kind === 'revenue' ? m.target.term : ''} shall be calculated on a calendar ${unit} basis.'` },
              ),
            );
          }
          break;
        default: {
          const never: never = reading;
          throw new Error(`unknown reading ${String(never)}`);
        }
      }
    }
  }
}
