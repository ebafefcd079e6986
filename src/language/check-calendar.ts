/**
 * Checks of calendar-period windows: a named period must exist ("Q5 2026" does not) and lie in the
 * years 1 to 9999, and the year must start on a real month-day.
 */
import type { CalendarPeriodWindowNode, ClauseNode, MilestoneNode, PaymentNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { onceOnly } from './once-only';
import { ANY_WORDINGS, calendarNounText } from './calendar-words';
import { MONTHS_PER_CALENDAR_UNIT, parseYearStart, periodsPerYear } from '../time/calendar-periods';

/** Years outside these are almost always a typing slip ("calendar year 227"): a warning, never a silent reading. */
const FIRST_LIKELY_YEAR = 1900;
const LAST_LIKELY_YEAR = 2199;

export function checkCalendarPeriod(window: CalendarPeriodWindowNode, _text: string, out: Diagnostic[]): void {
  // A fiscal period's start is dated when it is evaluated (src/language/fiscal-year.ts); its other checks are the same.
  if (window.yearStart !== 'fiscal' && parseYearStart(window.yearStart) === null) {
    out.push(diagnostic('invalid-period', window.range, `'${window.yearStart}' is not a month and day (MM-DD) on which a year can start.`));
    return;
  }
  if (window.statedMonths && window.yearStart !== 'fiscal') checkStatedMonths(window, out);
  const selection = window.selection;
  if (selection.kind !== 'named') return;
  const perYear = periodsPerYear(window.unit);
  if (!Number.isInteger(selection.n) || selection.n < 1 || selection.n > perYear) {
    out.push(diagnostic('invalid-period', window.range, `A year has ${perYear} ${window.unit}${perYear === 1 ? '' : 's'}: ${window.unit} ${selection.n} does not exist.`));
  } else if (!Number.isInteger(selection.year) || selection.year < 1 || selection.year > 9999) {
    out.push(diagnostic('date-out-of-range', window.range, `The year ${selection.year} is outside the years 1 to 9999 that dates are limited to.`));
  } else if (selection.year < FIRST_LIKELY_YEAR || selection.year > LAST_LIKELY_YEAR) {
    out.push(
      diagnostic('unusual-year', window.range, `The period is in the year ${selection.year}, far from any contract's dates (a digit missing or extra?); it is read as written.`, {
        suggestion: 'write the year in full, such as 2026',
      }),
    );
  }
}

const MONTH_WORDS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Months written to name the periods ("January to June and July to December") must be the year's
 * periods in order, each as long as the unit: a first and last month per period, the first one the
 * year's start. Anything else ("January to March and July to December") names other periods than
 * the ones the engine would compute, so it is an error rather than a reading.
 */
function checkStatedMonths(window: CalendarPeriodWindowNode, out: Diagnostic[]): void {
  const months = window.statedMonths ?? [];
  const k = MONTHS_PER_CALENDAR_UNIT[window.unit];
  const start = Number(window.yearStart.slice(0, 2));
  const ok = months.length === 2 * periodsPerYear(window.unit) && months.every((m, i) => {
    const period = Math.floor(i / 2);
    const first = ((start - 1 + period * k) % 12) + 1;
    return m === (i % 2 === 0 ? first : ((first - 1 + k - 1) % 12) + 1);
  });
  if (!ok) {
    const expected: string[] = [];
    for (let p = 0; p < periodsPerYear(window.unit); p++) {
      const first = ((start - 1 + p * k) % 12) + 1;
      expected.push(`${MONTH_WORDS[first - 1]} to ${MONTH_WORDS[(first - 1 + k - 1) % 12]}`);
    }
    out.push(diagnostic('invalid-period', window.range, `The months written do not divide the year into ${window.unit}s of ${k} months each; write them in order, such as (${expected.join(' and ')}).`));
  }
}

/** "… for such Calendar Quarter" must name the condition's own period; another one is an error, never ignored. */
export function checkPeriodReference(m: MilestoneNode, out: Diagnostic[]): void {
  const ref = m.periodReference;
  if (!ref) return;
  const w = m.window;
  if (w.kind !== 'calendar-period' || w.unit !== ref.unit) {
    const condition = w.kind === 'calendar-period' ? `a ${w.unit}` : 'no calendar period';
    out.push(diagnostic('invalid-period', ref.range, `The payment is 'for ${ref.word} ${ref.unit}', but the condition is tested in ${condition}: write the same period in both places.`));
  }
}

/** Words that say every period pays: "for each calendar month in which", "in each", "per". */
const EACH_WORDS: ReadonlySet<string> = new Set(['for each in which', 'in each', 'during each', 'per']);

/**
 * "a one-time bonus … for each calendar month in which …" says both "once" and "each": two readings.
 * The once-only words are followed (the first met period pays, the notes say so), and a warning names
 * both and how to write each. With "in any calendar quarter" the once-only words leave no doubt.
 */
export function checkOnceOrEach(m: MilestoneNode, out: Diagnostic[]): void {
  const w = m.window;
  const once = onceOnly(m);
  if (!once || w.kind !== 'calendar-period' || w.selection.kind !== 'each' || !EACH_WORDS.has(w.written)) return;
  const noun = calendarNounText(w) ?? `${w.unit}`;
  out.push(
    diagnostic(
      'once-or-each',
      once.range,
      `'${once.words}' says the payment is made once, but '${w.written === 'for each in which' ? `for each ${noun} in which` : `${w.written} ${noun}`}' says every ${w.unit} pays: it is read as paid once, for the first ${w.unit} that meets the target.`,
      { suggestion: `to pay every ${w.unit}, remove '${once.words}'; to pay once, write 'the first ${noun} in which'` },
    ),
  );
}


/** A sum paid as a whole (a bonus of $4,000), also inside a timed or limited payment: rates and increments are per period by nature. */
function isFixedSum(payment: PaymentNode | null | undefined): boolean {
  if (!payment) return false;
  switch (payment.kind) {
    case 'fixed':
      return true;
    case 'timed':
    case 'limited':
      return isFixedSum(payment.payment);
    default:
      return false;
  }
}

/**
 * "If Net Sales in any Calendar Quarter exceed $125,000, the Company shall pay the Agent a bonus of $4,000."
 * says neither "for such Calendar Quarter" nor "one-time": a fixed sum may be meant for every quarter that
 * meets the target or once, the first time one does. Every such quarter pays (the reading of "in each"),
 * and a warning names both readings and how to write each.
 */
export function checkAnyPeriod(clause: ClauseNode, m: MilestoneNode, out: Diagnostic[]): void {
  const w = m.window;
  if (w.kind === 'defined-period') return checkAnyDefinedPeriod(clause, m, out);
  if (w.kind !== 'calendar-period' || w.selection.kind !== 'each' || !ANY_WORDINGS.has(w.written)) return;
  // Instalments say which: one for each calendar year that meets the condition, until all are paid (check-instalments.ts).
  if (m.periodReference || onceOnly(m) || (m.payment?.kind === 'fixed' && m.payment.instalments)) return;
  const fixed = m.payment ? isFixedSum(m.payment) : clause.payments.some((t) => isFixedSum(t.payment));
  if (!fixed) return;
  const noun = calendarNounText(w) ?? w.unit;
  out.push(
    diagnostic(
      'any-period-reading',
      w.range,
      `'${w.written} ${noun}' with a fixed sum and neither 'for such ${noun}' nor a once-only word ('one-time') has two readings: paid for every ${w.unit} that meets the target, or paid once, the first time a ${w.unit} does. It is read as paid for every ${w.unit}.`,
      { suggestion: `to pay every ${w.unit}, write 'in each ${noun}' or add 'for such ${noun}'; to pay once, write 'a one-time bonus' or 'the first ${noun} in which'` },
    ),
  );
}

/**
 * "If Net Sales in any Contract Year exceed $100,000, the Company shall pay the Agent a bonus of $5,000.": the same two
 * readings as "in any calendar quarter", for a period the text names by a defined term. Every such period pays (the
 * reading of "in each Contract Year"), and the warning names both.
 */
function checkAnyDefinedPeriod(clause: ClauseNode, m: MilestoneNode, out: Diagnostic[]): void {
  const w = m.window;
  if (w.kind !== 'defined-period' || w.which !== 'each' || w.written === undefined) return;
  if (m.periodReference || onceOnly(m) || (m.payment?.kind === 'fixed' && m.payment.instalments)) return;
  const fixed = m.payment ? isFixedSum(m.payment) : clause.payments.some((t) => isFixedSum(t.payment));
  if (!fixed) return;
  out.push(
    diagnostic(
      'any-period-reading',
      w.range,
      `'${w.written} ${w.term}' with a fixed sum and no once-only word ('one-time') has two readings: paid for every ${w.term} that meets the target, or paid once, the first time a ${w.term} does. It is read as paid for every ${w.term}.`,
      { suggestion: `to pay every ${w.term}, write 'in each ${w.term}'; to pay once, write 'a one-time bonus'` },
    ),
  );
}

/**
 * "If Net Sales in any calendar quarter first exceed $250,000, the Company shall pay … 5% of such Net Sales": in a
 * period tested again and again, "first" may mean the first quarter that exceeds the amount (paid once) or each
 * quarter's own first crossing (paid for every such quarter). Paying every quarter would drop the word, and paying
 * once would read more than the sentence's grammar says, so the clause is refused at "first" with both readings and
 * how to write each; a once-only sentence or instalments say which, and are read as they are.
 */
export function checkFirstInRecurringPeriod(m: MilestoneNode, out: Diagnostic[]): void {
  const first = m.comparator?.first;
  if (first === undefined) return;
  const w = m.window;
  const recurring = (w.kind === 'calendar-period' && w.selection.kind === 'each') || w.kind === 'recurring';
  if (!recurring || onceOnly(m) || (m.payment?.kind === 'fixed' && m.payment.instalments)) return;
  const noun = w.kind === 'calendar-period' ? (calendarNounText(w) ?? w.unit) : w.unit;
  out.push(
    diagnostic(
      'first-in-recurring-period',
      first,
      `'first' in a condition tested for each ${noun} has two readings: paid once, for the first ${w.unit} that meets the condition, or paid for every ${w.unit} that meets it (each ${w.unit}'s first crossing); the engine cannot tell which is meant.`,
      { suggestion: `to pay once, add the sentence 'Such payment shall be payable only upon the first achievement of such milestone.'; to pay for every ${w.unit}, leave out 'first'` },
    ),
  );
}
