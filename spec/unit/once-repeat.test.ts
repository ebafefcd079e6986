/**
 * The once-only sentence as licences write it (corpus case 095): "Such milestone payment …", "no amounts shall be due
 * …", and "… of such milestone in subsequent Calendar Years", which must name the periods the condition is tested in.
 */
import { parse } from '../../src/language/parse';
import { validate } from '../../src/language/check';
import { format, termsOf } from '../../src/language/format';
import { evaluate, type EvaluationSuccess } from '../../src/evaluation/evaluate';

const CONDITION = 'If annual Net Sales in any Calendar Year equal or exceed $5,000,000, Licensee shall pay Licensor an Annual Net Sales-Based Milestone Payment of $500,000.';
const ONCE = 'Such milestone payment shall be payable only upon the first achievement of such milestone, and no amounts shall be due for subsequent or repeated achievements';

describe('the once-only sentence after a condition on each calendar year', () => {
  test('"in subsequent Calendar Years" after a yearly condition: valid, once-only, and the canonical text reads back the same', () => {
    const text = `${CONDITION} ${ONCE} of such milestone in subsequent Calendar Years.`;
    const checked = validate(text);
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const m = checked.ast!.clauses[0].milestones[0];
    expect(m.once).toMatchObject({ sentence: 'first-achievement-no-repeat', repeatPeriods: { unit: 'year' } });
    expect(m.payment).toMatchObject({ kind: 'fixed', qualifiers: ['Annual', 'Net', 'Sales-Based', 'Milestone'] });
    const canonical = format(checked.ast!);
    expect(canonical).toContain('of such milestone in subsequent Calendar Years.');
    const back = parse(canonical);
    expect(back.diagnostics).toEqual([]);
    expect(termsOf(back.ast!)).toEqual(termsOf(checked.ast!));
  });

  test('without the later periods the sentence reads the same way (paid once)', () => {
    const a = validate(`${CONDITION} ${ONCE}.`);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.ast!.clauses[0].milestones[0].once).toMatchObject({ sentence: 'first-achievement-no-repeat' });
    expect(a.ast!.clauses[0].milestones[0].once?.repeatPeriods).toBeUndefined();
  });

  test('a repeat in a later year pays nothing: one obligation, on the day of the first achievement', () => {
    const text = `${CONDITION} ${ONCE} of such milestone in subsequent Calendar Years.`;
    const ledger = [
      { id: 'S1', date: '2026-06-01', amount: '4000000.00' },
      { id: 'S2', date: '2027-09-01', amount: '5000000.00' },
      { id: 'S3', date: '2028-05-01', amount: '6000000.00' },
    ];
    const r = evaluate(validate(text).ast!, ledger, { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2029-01-31', readIssues: [] }) as EvaluationSuccess;
    expect(r.ok).toBe(true);
    expect(r.obligations.map((o) => [o.amount, o.triggeredAt])).toEqual([['500000.00', '2027-09-01']]);
  });

  test('"in subsequent Calendar Years" after a condition tested each calendar quarter: refused at the phrase, naming both readings', () => {
    const text = `If Net Sales in any calendar quarter exceed $500,000, Licensee shall pay Licensor a milestone payment of $50,000. ${ONCE} of such milestone in subsequent Calendar Years.`;
    const errors = validate(text).diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'unsupported-construct', offset: text.indexOf('of such milestone in subsequent') });
    expect(errors[0].message).toContain('one payment ever, or one in each calendar year');
  });
});
