/**
 * A payment made in equal annual instalments ("…; provided that such payment will be made in three (3) equal annual
 * installments, one in each Calendar Year … in which such threshold continues to be reached or exceeded."): the
 * "payable by" sentence and the proviso read back as the same terms and against the AST schema; a condition not
 * measured per calendar year is refused; the SQL path refuses the field by name; each instalment is one k-th of the
 * whole and they add up to it; on random ledgers the instalments fall on exactly the first years the same sentence
 * without the proviso pays.
 */
import { SEED, runs } from '../support/clause-arbitraries';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { parse } from '../../src/language/parse';
import { validate } from '../../src/language/check';
import { format, termsOf } from '../../src/language/format';
import { draftTerms } from '../../src/language/draft';
import { evaluate, type EvaluationSuccess } from '../../src/evaluation/evaluate';
import { calculateInstalment } from '../../src/evaluation/payments/instalment-calculation';
import { planEvaluation } from '../../src/sql/plan';
import { Dec } from '../../src/values/money';
import type { LedgerRecord } from '../../src/ledger/rows';

const ROOT = path.resolve(__dirname, '..', '..');
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validateAst = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas/ast.schema.json'), 'utf8')));

const LEAD = 'The milestone payment of $300,000 shall be payable by Acme to Beta when Net Sales in a Calendar Year first reach or exceed $1,000';
const proviso = (n: string, noun = 'installments'): string =>
  `; provided that such payment will be made in ${n} equal annual ${noun}, one in each Calendar Year (beginning with the Calendar Year in which the threshold is first reached) in which such threshold continues to be reached or exceeded`;

describe('the "payable by" sentence and instalments', () => {
  test.each([
    ['three instalments', `${LEAD}${proviso('three (3)')}.`],
    ['the other spelling, with a heading', `Sales Milestone Payment. ${LEAD}${proviso('two (2)', 'instalments')}.`],
    // Without instalments, 'first' in a calendar year has two readings (refused below): the round trip drops it.
    ['no instalments', `${LEAD.replace('first reach', 'reach')}.`],
  ])('%s: one parse, valid against the schema, format and draft read back as the same terms', (_name, text) => {
    const parsed = parse(text);
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const ast = parsed.ast!;
    expect(validateAst(JSON.parse(JSON.stringify(ast)))).toBe(true);
    expect(ast.clauses[0].sentence).toBe('payable-by');
    const canonical = format(ast);
    expect(termsOf(parse(canonical).ast!)).toEqual(termsOf(ast));
    const drafted = draftTerms(JSON.parse(JSON.stringify(termsOf(ast))));
    expect(drafted.ok).toBe(true);
    if (drafted.ok) expect(termsOf(parse(drafted.text as string).ast!)).toEqual(termsOf(ast));
  });

  test('without instalments, \'first\' in a calendar year is refused at the word (paid once, or every year)', () => {
    const text = `${LEAD}.`;
    const d = validate(text).diagnostics.filter((e) => e.code === 'first-in-recurring-period');
    expect(d.map((e) => [e.offset, e.severity])).toEqual([[text.indexOf('first reach'), 'error']]);
  });

  test('the count is the payment\'s instalments, as an explicit field', () => {
    const payment = parse(`${LEAD}${proviso('three (3)')}.`).ast!.clauses[0].milestones[0].payment;
    expect(payment).toMatchObject({ kind: 'fixed', amount: { amount: '300000' }, instalments: { kind: 'instalments', count: 3, share: 'equal', every: 'calendar-year', trigger: 'each-period-met' } });
  });

  test('instalments after a condition measured per quarter are refused where the proviso is written', () => {
    const text = `The milestone payment of $300,000 shall be payable by Acme to Beta when Net Sales in each calendar quarter exceed $1,000${proviso('three (3)')}.`;
    const d = validate(text).diagnostics.filter((e) => e.code === 'unsupported-construct');
    expect(d).toHaveLength(1);
    expect(d[0].offset).toBe(text.indexOf('; provided'));
  });

  test('the SQL path plans the instalments: the query stops after the met year owing the last', () => {
    const ast = parse(`The milestone payment of $300,000 shall be payable by Acme to Beta when Net Sales in each year exceed $1,000${proviso('three (3)')}.`).ast!;
    const planned = planEvaluation(ast, { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2027-12-31' });
    if (!planned.ok) throw new Error(planned.message);
    expect(planned.plan.milestones.map((m) => m.stopsAfterMet)).toEqual([3]);
  });
});

describe('instalment amounts', () => {
  test('the instalments of a whole add up to it, each a k-th rounded half-up but the last', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 2, max: 12 }), (cents, count) => {
        const whole = new Dec(cents).dividedBy(100);
        const parts = Array.from({ length: count }, (_, i) => calculateInstalment(whole, 'USD', i + 1, count, (d) => d.toFixed(2)).amount);
        expect(parts.reduce((a, b) => a.plus(b), new Dec(0)).equals(whole)).toBe(true);
        const share = whole.dividedBy(count).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
        for (const p of parts.slice(0, -1)) expect(p.equals(share)).toBe(true);
      }),
      { seed: SEED },
    );
  });
});

describe('instalments on random ledgers', () => {
  const OPTIONS = { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2031-12-31' };
  const genLedger = fc.array(fc.record({ day: fc.integer({ min: 0, max: 6 * 365 - 1 }), amount: fc.integer({ min: -400, max: 900 }) }), { minLength: 1, maxLength: 30 });
  const records = (rows: { day: number; amount: number }[]): LedgerRecord[] =>
    rows.map((r, i) => ({ id: `R${i + 1}`, date: new Date(Date.UTC(2026, 0, 1 + r.day)).toISOString().slice(0, 10), amount: r.amount.toFixed(2) }));
  const run = (text: string, rows: LedgerRecord[]): EvaluationSuccess => {
    const report = evaluate(parse(text).ast!, rows, OPTIONS);
    if (!report.ok) throw new Error(JSON.stringify(report.errors));
    return report;
  };

  test('the instalments fall on the first years the sentence without the proviso pays, and add up to the whole once all are owed', () => {
    fc.assert(
      fc.property(genLedger, fc.integer({ min: 2, max: 4 }), (rows, count) => {
        const ledger = records(rows);
        const every = run(`${LEAD}.`, ledger);
        const parted = run(`${LEAD}${proviso(String(count))}.`, ledger);
        const firsts = every.obligations.slice(0, count);
        expect(parted.obligations.map((o) => [o.triggeredAt, o.triggeredBy])).toEqual(firsts.map((o) => [o.triggeredAt, o.triggeredBy]));
        // Each instalment is an equal part of the $300,000 (exact for 2, 3 and 4 parts), owed in its year and due by that
        // year's last day ("one in each Calendar Year", no other time written); all of them sum to the payment.
        const part = new Dec(300000).dividedBy(count);
        parted.obligations.forEach((o, k) => {
          expect([o.amount, o.currency, o.dueDate]).toEqual([part.toFixed(2), 'USD', `${o.triggeredAt.slice(0, 4)}-12-31`]);
          expect(o.calculation).toMatchObject({ kind: 'instalment', index: k + 1, count });
        });
        const sum = parted.obligations.reduce((a, o) => a.plus(o.amount ?? '0'), new Dec(0));
        expect(sum.equals(part.times(parted.obligations.length))).toBe(true);
        if (parted.obligations.length === count) expect(sum.equals(300000)).toBe(true);
        // The years reported: every year up to the one of the last instalment (all, while instalments remain).
        const last = parted.obligations.length === count ? parted.obligations[count - 1].triggeredAt.slice(0, 4) : '2031';
        expect(parted.milestones.map((m) => m.windowStart.slice(0, 4))).toEqual(every.milestones.map((m) => m.windowStart.slice(0, 4)).filter((y) => y <= last));
      }),
      { seed: SEED, numRuns: runs(25) },
    );
  });
});
