/**
 * A period from a dated event to the last day of the n-th full calendar month after it ("the period commencing on the
 * First Commercial Sale Date, being March 17, 2026, and ending on the last day of the twelfth (12th) full calendar month
 * thereafter"): the definition reads back as the same terms and against the AST schema, and the end day is the last day
 * of the month n months after the event's own month, for any date.
 */
import { SEED } from '../support/clause-arbitraries';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { parse } from '../../src/language/parse';
import { validate } from '../../src/language/check';
import { format, termsOf } from '../../src/language/format';
import { lastDayOfFullMonthsAfter } from '../../src/language/event-periods';
import { daysInMonth } from '../../src/time/calendar-date';

const ROOT = path.resolve(__dirname, '..', '..');
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validateAst = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas/ast.schema.json'), 'utf8')));

const text = (ordinal: string, date = 'March 17, 2026'): string =>
  `"Sales Milestone" means cumulative Net Sales of the Product worldwide during the Sales Milestone Period exceeding $1.25 million. "Sales Milestone Period" means the period commencing on the First Commercial Sale Date, being ${date}, and ending on the last day of the ${ordinal} full calendar month thereafter. Upon the achievement of the Sales Milestone, Parent shall pay the Rights Agent, for the benefit of the Holders, a Sales Milestone Payment of $200,000.`;

describe('a period ending with the n-th full calendar month after an event', () => {
  test.each(['twelfth (12th)', 'twelfth', '12th', 'first (1st)'])('"%s": one parse, valid against the schema, format reads back as the same terms', (ordinal) => {
    const checked = validate(text(ordinal));
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const ast = checked.ast!;
    expect(validateAst(JSON.parse(JSON.stringify(ast)))).toBe(true);
    expect(termsOf(parse(format(ast)).ast!)).toEqual(termsOf(ast));
  });

  test('a word and a figure that differ are an error at the definition', () => {
    const t = text('twelfth (11th)');
    const d = validate(t).diagnostics.filter((e) => e.code === 'words-figure-mismatch');
    expect(d).toHaveLength(1);
    expect(d[0].offset).toBe(t.indexOf('the period commencing'));
  });

  test('the end is the last day of the month n months after the event\'s own month, and that month is wholly after the event', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 240 }), (year, month, day0, n) => {
        const day = Math.min(day0, daysInMonth(year, month));
        const end = lastDayOfFullMonthsAfter({ year, month, day }, n);
        expect(end.day).toBe(daysInMonth(end.year, end.month));
        expect((end.year - year) * 12 + (end.month - month)).toBe(n);
      }),
      { seed: SEED },
    );
  });
});
