import { validate } from '../../src/index';
import { quarterReadingWarnings } from '../../src/evaluation/quarter-reading';
import type { DocumentNode } from '../../src/language/ast';

const doc = (text: string): DocumentNode => {
  const checked = validate(text);
  if (checked.ast === null) throw new Error(JSON.stringify(checked.diagnostics));
  return checked.ast;
};
const PAYS = (window: string): DocumentNode => doc(`The Company shall pay the Agent a bonus of $5,000 if Net Sales exceed $100,000 ${window}.`);

describe("'in the second quarter': the contract quarter, or the calendar's", () => {
  test('a contract not starting on January 1: one warning naming both readings and the calendar form to write', () => {
    const [w, ...rest] = quarterReadingWarnings(PAYS('in the second quarter'), { year: 2026, month: 2, day: 1 });
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ code: 'contract-quarter-reading', severity: 'warning' });
    expect(w.message).toContain("'the second quarter' is read as the second contract quarter, three months counted from the effective date 2026-02-01");
    expect(w.message).toContain("not the calendar's second quarter (April to June)");
    expect(w.message).toContain("For the calendar quarter write 'in Q2 2026'");
  });

  test("the calendar quarter named is the first that ends on or after the effective date", () => {
    expect(quarterReadingWarnings(PAYS('in the first quarter'), { year: 2026, month: 8, day: 15 })[0].message).toContain("'in Q1 2027'");
    expect(quarterReadingWarnings(PAYS('in quarter 3'), { year: 2026, month: 8, day: 15 })[0].message).toContain("'in Q3 2026'");
  });

  test('no warning where the readings agree (a contract from January 1), for a fifth or later quarter, or for a calendar window', () => {
    expect(quarterReadingWarnings(PAYS('in the second quarter'), { year: 2026, month: 1, day: 1 })).toEqual([]);
    expect(quarterReadingWarnings(PAYS('in quarter 5'), { year: 2026, month: 2, day: 1 })).toEqual([]);
    expect(quarterReadingWarnings(PAYS('in Q2 2026'), { year: 2026, month: 2, day: 1 })).toEqual([]);
    expect(quarterReadingWarnings(PAYS('in the second month'), { year: 2026, month: 2, day: 1 })).toEqual([]);
  });
});
