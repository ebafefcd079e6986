/**
 * The interpretation notes of an evaluation: every reading the engine chose, stated once, in a
 * fixed order: how dates are read, how each metric is read (one note per reading, naming its
 * milestones), the as-of cut, then windows, refunds after a milestone was met, obligations, and rows
 * before the effective date.
 */
import type { CalendarPeriodWindowNode, MilestoneNode, WindowNode } from '../language/ast';
import { calendarUnitWords, namedPeriodWords } from '../language/calendar-words';
import { onceOnly } from '../language/once-only';

export class Notes {
  private readonly notes: string[] = [];
  /** The texts already in `notes`: a recurring milestone adds one note per instance, tens of thousands. */
  private readonly seen = new Set<string>();
  /** Reading → the milestones read that way, in order of first appearance. */
  private readonly readings = new Map<string, string[]>();

  constructor(zone: string, asOf: string) {
    this.add(
      `dates are read in ${zone}: a date without a time is that whole local day; a date-time without an offset is local time ` +
        `in ${zone}; one with an offset or Z is converted`,
    );
    this.add(`as of ${asOf}: rows after the whole local day ${asOf} are not counted`);
  }

  /** A note, unless the same text is already there. */
  add(text: string): void {
    if (this.seen.has(text)) return;
    this.seen.add(text);
    this.notes.push(text);
  }

  /** How milestone `name`'s metric is read: "(i), (ii): revenue read as gross …". */
  reading(text: string, name: string): void {
    this.readings.set(text, [...(this.readings.get(text) ?? []), name]);
  }

  /** How a written comparator is read: "'exceed' is read as strictly more than the target …". */
  comparator(name: string, words: string, strict: boolean): void {
    this.add(
      `${name}: '${words}' is read as ${strict ? 'strictly more than' : 'at least'} the target, so a total of exactly ` +
        `the target ${strict ? 'does not meet' : 'meets'} it`,
    );
  }

  /** How a milestone's window recurs, if it does: each contract period, or each calendar period. */
  windowReading(name: string, window: WindowNode, asOf: string): void {
    if (window.kind === 'recurring') this.recurring(name, window.unit, asOf);
    if (window.kind === 'calendar-period') this.calendarPeriod(name, window, asOf);
  }

  /** Where a calendar window's periods lie when the text names an undated term, and whether only the first met period pays (`once`). */
  periodsReading(name: string, milestone: MilestoneNode, once: boolean): void {
    const w = milestone.window;
    if (w.kind === 'calendar-period' && w.during !== undefined) {
      this.add(`${name}: the periods lie "during the ${w.during}", which the text does not date: read as the term of the agreement, from the effective date to the as-of date`);
    }
    if (once) this.onceOnly(name, milestone);
  }

  recurring(name: string, unit: string, asOf: string): void {
    this.add(`${name} recurs each ${unit}: one instance per contract ${unit} that has started by ${asOf}, each counted on its own`);
  }

  /** How a calendar-period window is read: aligned to the calendar, the first period partial, each tested on its own total. */
  calendarPeriod(name: string, window: CalendarPeriodWindowNode, asOf: string): void {
    const unit = calendarUnitWords(window);
    const which =
      // A year with its own start (a fiscal year, resolved here to its start month-day) is not named by a
      // calendar name: "FY2027" from July 1 is not "calendar year 2026". The instance note gives its dates.
      window.selection.kind === 'named'
        ? window.yearStart === '01-01' ? `only ${namedPeriodWords(window.unit, window.selection.year, window.selection.n)}` : `only the ${unit} named in the text`
        : `one instance per ${unit} that has started by ${asOf}`;
    this.add(
      `${name}: ${unit}s are aligned to the calendar in the contract's zone, not to the effective date (${which}); a ${unit} that ` +
        `began before the effective date is partial and counts sales from the effective date only; each ${unit} is tested on ` +
        `its own total, so a refund later in the same ${unit} can take it back below the target (it is then not met), and ` +
        `the day it was met is that of the row after which the total stayed passing`,
    );
  }

  /** A milestone paid once: which words say so, and what happens to the later periods. */
  onceOnly(name: string, milestone: MilestoneNode): void {
    const w = milestone.window;
    const why =
      w.kind === 'calendar-period' && w.selection.kind === 'first'
        ? `it pays for the first ${calendarUnitWords(w)} in which the target is met`
        : `'${onceOnly(milestone)?.words ?? 'once'}' is read as paid once`;
    this.add(`${name}: ${why}; later periods are not tested, reported or paid`);
  }

  metAndRefunded(instance: string, achievedAt: string | null, id: string, total: string): void {
    this.add(
      `${instance} was met on ${achievedAt} by row ${id}; later refunds bring the total to ` +
        `${total}, below the target, but a milestone once met stays met (the refund is reported, not reversed)`,
    );
  }

  rowsBeforeEffectiveDate(count: number): void {
    if (count === 0) return;
    this.add(
      count === 1
        ? '1 row before the effective date is not counted, but still marks its customer as already seen'
        : `${count.toLocaleString('en-US')} rows before the effective date are not counted, but still mark their customers as already seen`,
    );
  }

  /** The notes in order: the readings go after the first two (dates, as-of). */
  list(): string[] {
    const out = [...this.notes];
    out.splice(2, 0, ...[...this.readings].map(([text, names]) => `${names.join(', ')}: ${text}`));
    return out;
  }
}
