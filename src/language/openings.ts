/**
 * What a sentence's opening phrase means (grammar: `openingPhrase`). A context opening ("In addition
 * to the Base Commission,") relates the payment to something the clause does not define: it changes
 * no figure and is stated in the notes. A start opening ("Commencing January 1, 2026,") is the first
 * day whose sales count: the plan cuts every window there (src/evaluation/plan.ts). A period opening
 * ("For each Calendar Year,") is the period the sentence is measured in: a condition with no window
 * of its own takes it; one with the same window agrees; any other window is a conflict the checker
 * reports (src/language/check-openings.ts).
 */
import type { CalendarPeriodWindowNode, ClauseNode, DefinedPeriodWindowNode, DocumentNode, MilestoneNode, OpeningNode, PeriodOpeningNode, WindowNode } from './ast';
import { termKey } from './period-definitions';
import { assertNever } from './ast';
import { calendarUnitWords } from './calendar-words';

/** The opening as written, for notes and messages: "In addition to the Base Commission". */
export function openingWords(o: OpeningNode): string {
  switch (o.kind) {
    case 'context-opening':
      return `${o.relation === 'in-addition-to' ? 'In addition to' : 'As partial consideration for'} ${o.subject}`;
    case 'start-opening':
      return o.fiscalYear ? `${capital(o.verb)} with the fiscal year that starts on ${o.date}` : `${capital(o.verb)} ${o.date}`;
    case 'period-opening':
      return o.written === 'basis' ? `On a ${o.adjective ?? ''} basis` : `For each ${openingPeriodWords(o)}`;
    default:
      return assertNever(o);
  }
}

/** The period a period opening names: "calendar quarter", or the defined term ("Fortnight"). */
export function openingPeriodWords(o: PeriodOpeningNode): string {
  return o.window.kind === 'defined-period' ? o.window.term : calendarUnitWords(o.window);
}

const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/** Whether `w` is the opening's period: each period of the same unit and year. */
export function samePeriod(w: WindowNode, opening: CalendarPeriodWindowNode | DefinedPeriodWindowNode): boolean {
  if (opening.kind === 'defined-period') return w.kind === 'defined-period' && w.which === 'each' && termKey(w.term) === termKey(opening.term);
  return w.kind === 'calendar-period' && w.selection.kind === 'each' && w.unit === opening.unit && w.yearStart === opening.yearStart;
}

/** The window a milestone is measured in under a period opening: its own, or the opening's when it writes none. */
export function openedWindow(m: MilestoneNode, opening: OpeningNode | undefined): WindowNode {
  if (opening?.kind !== 'period-opening' || m.window.kind !== 'open') return m.window;
  return opening.window;
}

/** The first day a start opening lets count, ISO; null without one. */
export function startDate(clause: ClauseNode): string | null {
  return clause.opening?.kind === 'start-opening' ? clause.opening.date : null;
}

function note(clause: ClauseNode, index: number, count: number): string | null {
  const o = clause.opening ?? clause.aside;
  if (o === undefined) return null;
  const which = count > 1 ? `clause ${index + 1}: ` : '';
  const words = `'${openingWords(o)}'`;
  switch (o.kind) {
    case 'context-opening':
      return (
        `${which}${words} is context only: it says how this payment relates to ${o.subject}, which the clause does not define; ` +
        `it changes no figure here and ${o.subject} is not evaluated`
      );
    case 'start-opening':
      return (
        `${which}${words} is read as the first day whose sales count (${o.date}): rows before it are not counted for this clause, ` +
        `periods ending before it are not tested, and a period running across it counts from it only`
      );
    case 'period-opening': {
      const period = openingPeriodWords(o);
      const basis = o.written === 'basis' ? `; '${o.adjective} basis' names no calendar: it is read as each ${period} (aligned to the calendar, not to the effective date)` : '';
      return `${which}${words} gives the period: the sentence is measured in each ${period} on its own${basis}`;
    }
    default:
      return assertNever(o);
  }
}

/**
 * `document` with each period opening's window given to the conditions that write none, and the
 * notes that state every opening's reading.
 */
export function resolveOpenings(document: DocumentNode): { document: DocumentNode; notes: string[] } {
  const notes: string[] = [];
  const count = document.clauses.length;
  const clauses = document.clauses.map((clause, i) => {
    const text = note(clause, i, count);
    if (text !== null) notes.push(text);
    for (const m of clause.milestones) {
      if (m.event === undefined) continue;
      notes.push(
        `${count > 1 ? `clause ${i + 1}: ` : ''}'${m.event.words}' is an event, read as the first sale after the effective date: the first row with a ` +
          `positive amount (every row of the ledger is read as a commercial sale of a Product); a later refund does not undo it, and it is paid once`,
      );
    }
    // An opening and an aside in one clause: the aside's note too.
    const aside = clause.opening !== undefined && clause.aside !== undefined ? note({ ...clause, opening: undefined }, i, count) : null;
    if (aside !== null) notes.push(aside);
    if (clause.opening?.kind !== 'period-opening') return clause;
    return { ...clause, milestones: clause.milestones.map((m) => ({ ...m, window: openedWindow(m, clause.opening) })) };
  });
  return { document: clauses.every((c, i) => c === document.clauses[i]) ? document : { ...document, clauses }, notes };
}
