/**
 * Periods counted in days from a dated event ("For each Fortnight (each consecutive fourteen-day period beginning on the
 * Commencement Date),") and bands written range first, rate after: both forms parse once to an AST the schema accepts,
 * `format` writes them back to the same terms, the SQL path takes them, and the periods tile the days: every
 * counted day falls in exactly one period, each `n` days long, one after another from the event's day.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { validate } from '../../src/language/check';
import { format, termsOf } from '../../src/language/format';
import { parse } from '../../src/language/parse';
import { evaluate } from '../../src/evaluation/evaluate';
import { checkSupported, planEvaluation } from '../../src/sql/plan';
import { SqlUnsupportedError } from '../../src/sql/unsupported';
import { addDays, dayNumber, formatIsoDate, fromDayNumber, parseIsoDate } from '../../src/time/calendar-date';
import { runs, SEED } from '../support/clause-arbitraries';

const ROOT = path.resolve(__dirname, '..', '..');
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validateAst = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas/ast.schema.json'), 'utf8')));

const BANDS = 'the Manager shall receive a Sales Bonus calculated on Net Sales as follows: on Net Sales from $0 to $1,000, 1%; and on the portion above $1,000, 2%.';
const TEXTS = [
  `Sales Bonus. For each Fortnight (each consecutive fourteen-day period beginning on the Commencement Date), the Manager shall receive a Sales Bonus calculated cumulatively on the Store's Fortnightly Sales as follows: on Fortnightly Sales from $0 to $280,000, 0.100%; on the portion from $280,000 to $465,000, 0.075%; and on the portion above $465,000, 0.025%. The Commencement Date is March 2, 2026.`,
  `"Fortnight" means each consecutive fourteen (14) day period beginning on the Commencement Date. For each Fortnight, ${BANDS} The Commencement Date is February 20, 2026.`,
  `For each Settlement Period (each 10 day period starting on the Launch Date), ${BANDS} The Launch Date is 2026-05-01.`,
];

/**
 * What the SQL path makes of each text, worked out by hand: the n-day periods from the event's day up to the as-of date
 * (2026-04-15; a period that starts after it is the one the as-of date falls before), or the construct it refuses.
 */
const SQL_READINGS = new Map<string, { periods: [string, string][] } | { refused: string }>([
  // A period word inside the measure ("on the Store's Fortnightly Sales") is words: the periods are the opening's, fourteen
  // days from Monday 2026-03-02: Mar 2-15, Mar 16-29, Mar 30-Apr 12, Apr 13-26 (holds the as-of date).
  [TEXTS[0], { periods: [['2026-03-02', '2026-03-15'], ['2026-03-16', '2026-03-29'], ['2026-03-30', '2026-04-12'], ['2026-04-13', '2026-04-26']] }],
  // Fourteen days from Friday 2026-02-20: Feb 20-Mar 5, Mar 6-19, Mar 20-Apr 2, Apr 3-16 (holds the as-of date).
  [TEXTS[1], { periods: [['2026-02-20', '2026-03-05'], ['2026-03-06', '2026-03-19'], ['2026-03-20', '2026-04-02'], ['2026-04-03', '2026-04-16']] }],
  // Ten days from 2026-05-01, after the as-of date: the first period only.
  [TEXTS[2], { periods: [['2026-05-01', '2026-05-10']] }],
]);

describe.each(TEXTS)('%s', (text) => {
  const parsed = parse(text);
  test('parses once, checks clean, and the AST is valid against the schema', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(validate(text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(validateAst(JSON.parse(JSON.stringify(parsed.ast)))).toBe(true);
  });
  test('format writes it back to the same terms', () => {
    const ast = parsed.ast as NonNullable<typeof parsed.ast>;
    const again = parse(format(ast));
    expect(again.diagnostics).toEqual([]);
    expect(termsOf(again.ast as NonNullable<typeof again.ast>)).toEqual(termsOf(ast));
  });
  test('the SQL path reads the periods and the event as the evaluator does, or refuses another construct by name', () => {
    const ast = parsed.ast as NonNullable<typeof parsed.ast>;
    const expected = SQL_READINGS.get(text);
    if (expected === undefined) throw new Error('no SQL reading stated for this text');
    if ('refused' in expected) {
      expect(() => checkSupported(ast)).toThrow(SqlUnsupportedError);
      try {
        checkSupported(ast);
      } catch (error) {
        expect((error as SqlUnsupportedError).feature).toBe(expected.refused);
      }
      return;
    }
    const options = { effectiveDate: '2026-03-01', timeZone: 'UTC', asOf: '2026-04-15' };
    const planned = planEvaluation(ast, options);
    if (!planned.ok) throw new Error(planned.message);
    expect(planned.plan.instances.map((i) => [i.window.windowStart, i.window.deadline])).toEqual(expected.periods);
    const report = evaluate(ast, [{ id: 'R1', date: '2026-03-10', amount: '1500' }], options);
    if (!report.ok) throw new Error(JSON.stringify(report.errors));
    expect(report.milestones.map((m) => [m.windowStart, m.deadline])).toEqual(expected.periods);
  });
});

describe('periods of n days from an event tile the days', () => {
  test('each counted day is in exactly one period; the periods are n days long, one after another from the event', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: -60, max: 60 }),
        fc.integer({ min: 0, max: 120 }),
        fc.array(fc.integer({ min: 0, max: 150 }), { minLength: 1, maxLength: 12 }),
        (n, eventOffset, span, rowOffsets) => {
          const effective = parseIsoDate('2026-03-01');
          if (effective === null) throw new Error('date');
          const event = formatIsoDate(addDays(effective, eventOffset));
          const asOf = addDays(effective, span);
          const text = `For each Settlement Period (each ${n} day period beginning on the Launch Date), ${BANDS} The Launch Date is ${event}.`;
          const parsed = parse(text);
          if (!parsed.ast) throw new Error(JSON.stringify(parsed.diagnostics));
          const rows = rowOffsets.map((o, i) => ({ id: `R${i}`, date: formatIsoDate(addDays(effective, o)), amount: '1' }));
          const report = evaluate(parsed.ast, rows, { effectiveDate: '2026-03-01', timeZone: 'UTC', asOf: formatIsoDate(asOf) });
          if (!report.ok) throw new Error(JSON.stringify(report.errors));
          const first = Math.max(dayNumber(effective), dayNumber(effective) + eventOffset);
          const counted = rowOffsets.filter((o) => dayNumber(effective) + o >= first && o <= span).length;
          const total = report.milestones.reduce((sum, m) => sum + Number(m.total), 0);
          expect(total).toBe(counted);
          report.milestones.forEach((m, i) => {
            const start = dayNumber(parseIsoDate(m.windowStart as string) as NonNullable<ReturnType<typeof parseIsoDate>>);
            const end = dayNumber(parseIsoDate(m.deadline as string) as NonNullable<ReturnType<typeof parseIsoDate>>);
            expect(end - start + 1).toBe(n);
            expect((start - (dayNumber(effective) + eventOffset)) % n).toBe(0);
            if (i > 0) expect(formatIsoDate(fromDayNumber(start - 1))).toBe(report.milestones[i - 1].deadline);
          });
          const last = report.milestones[report.milestones.length - 1];
          expect(dayNumber(parseIsoDate(last.deadline as string) as NonNullable<ReturnType<typeof parseIsoDate>>)).toBeGreaterThanOrEqual(Math.max(dayNumber(asOf), first));
        },
      ),
      { seed: SEED, numRuns: runs(50) },
    );
  });
});
