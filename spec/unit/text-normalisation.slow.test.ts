/**
 * One normalisation for every name the engine compares (src/values/text-key.ts): the clause's product
 * names and the ledger's products, customers, ids and sellers. A cell with any Unicode whitespace, quote
 * or invisible variant of a name compares equal to the name.
 */
import fc from 'fast-check';
import { validate } from '../../src/language/check';
import { evaluate } from '../../src/evaluation/evaluate';
import { normalizeText, textKey } from '../../src/values/text-key';

const SPACES = [' ', '\u00a0', '\u2007', '\u202f', '\u2009', '\u3000', '\t', '\u2002'];
const INVISIBLE = ['\u200b', '\u00ad', '\u2060', '\ufeff', '\u200e'];
const APOSTROPHES = ["'", '\u2019', '\u2018', '\u2032'];

/** A name as normalizeText leaves it: words of letters and apostrophes, one space between. */
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9']{0,6}$/);
const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));

/** The same name as pasted: any spaces between words and at the ends, curly apostrophes, invisible marks at the ends. */
function variant(n: string): fc.Arbitrary<string> {
  const words = n.split(' ');
  return fc
    .record({
      gaps: fc.array(fc.array(fc.constantFrom(...SPACES), { minLength: 1, maxLength: 3 }), { minLength: words.length - 1, maxLength: words.length - 1 }),
      lead: fc.array(fc.constantFrom(...SPACES, ...INVISIBLE), { maxLength: 2 }),
      trail: fc.array(fc.constantFrom(...SPACES, ...INVISIBLE), { maxLength: 2 }),
      apostrophe: fc.constantFrom(...APOSTROPHES),
    })
    .map(({ gaps, lead, trail, apostrophe }) => {
      const body = words.map((w, i) => (i === 0 ? '' : gaps[i - 1].join('')) + w.replace(/'/g, apostrophe)).join('');
      return lead.join('') + body + trail.join('');
    });
}

test('property: normalizeText of any variant is the name; textKey ignores case as well', () => {
  fc.assert(
    fc.property(name.chain((n) => fc.tuple(fc.constant(n), variant(n))), ([n, v]) => {
      expect(normalizeText(v)).toBe(n);
      expect(textKey(v.toUpperCase())).toBe(n.toLowerCase());
    }),
    { numRuns: 500, seed: 16 },
  );
});

test('property: text already normal is returned as it is, and any other text as the full rule gives it', () => {
  // The rule written out: normalizeText skips it only for text it would not change.
  const rule = (t: string): string =>
    t.replace(/[\u00ad\u200b-\u200f\u2060\u202a-\u202e\ufeff]/g, '').replace(/\s+/g, ' ').trim().replace(/[\u2018\u2019\u201b\u2032\uff07]/g, "'").replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02]/g, '"');
  const unit = fc.constantFrom(' ', '  ', 'a', 'Z', '~', '!', '\u007f', '\u00a0', '\t', '\u2019', 'é', '\u200b', '\n', '1');
  fc.assert(fc.property(fc.array(unit, { maxLength: 8 }).map((u) => u.join('')), (t) => expect(normalizeText(t)).toBe(rule(t))), { numRuns: 2000 });
  for (const t of ['', ' ', 'a', 'a ', ' a', 'a  b', 'a b', 'a\tb', 'é', '~!', 'a b c']) expect(normalizeText(t)).toBe(rule(t));
});

test('property: a ledger whose product, customer and id cells are variants evaluates exactly as the canonical ledger', () => {
  const arb = fc
    .tuple(name, name, fc.array(fc.tuple(name, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 12 }))
    .chain(([product, customer, rows]) =>
      fc.tuple(
        fc.constant(product),
        fc.constant(rows.map(([id, units, day], i) => ({ id: `${id} ${i}`, units, day }))),
        fc.array(fc.tuple(variant(product), variant(customer)), { minLength: rows.length, maxLength: rows.length }),
        fc.constant(customer),
      ),
    )
    .chain(([product, rows, cells, customer]) =>
      fc.tuple(fc.constant(product), fc.constant(customer), fc.constant(rows), fc.constant(cells), fc.tuple(...rows.map((r) => variant(r.id)))),
    );
  fc.assert(
    fc.property(arb, ([product, customer, rows, cells, ids]) => {
      const clause = `The Seller agrees to meet the following sales milestones: (i) 6 units of "${product.replace(/'/g, '\u2019').replace(/ /g, '\u00a0')}" by the end of the first month, (ii) 2 new customers by the end of the second month. Upon achieving each milestone, the Seller will receive a bonus of $10.`;
      const checked = validate(clause);
      expect(checked.valid).toBe(true);
      const date = (day: number): string => new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10);
      const canonical = rows.map((r) => ({ id: r.id, date: date(r.day), units: String(r.units), amount: '10.00', product, customer }));
      const pasted = rows.map((r, i) => ({ id: ids[i], date: date(r.day), units: String(r.units), amount: '10.00', product: cells[i][0], customer: cells[i][1] }));
      const options = { effectiveDate: '2026-01-01', asOf: '2026-03-31' };
      const a = evaluate(checked.ast!, canonical, options);
      const b = evaluate(checked.ast!, pasted, options);
      expect(b).toEqual(a);
      expect(a.ok).toBe(true);
      if (a.ok) expect(a.milestones[0].total).toBe(String(rows.filter((r) => r.day <= 31).reduce((s, r) => s + r.units, 0)));
    }),
    { numRuns: 200, seed: 16 },
  );
});

test('the cases of the report: Widget+NBSP counts, Acme+NBSP is no new customer, A1 and A1+NBSP are one id', () => {
  const checked = validate('The Seller agrees to meet the following sales milestones: (i) 2 units of "Widget" by the end of the first month, (ii) 2 new customers by the end of the first month. Upon achieving each milestone, the Seller will receive a bonus of $10.');
  const report = evaluate(
    checked.ast!,
    [
      { id: 'A1', date: '2026-01-05', units: '1', amount: '5', product: 'Widget', customer: 'Acme' },
      { id: 'A2', date: '2026-01-06', units: '1', amount: '5', product: 'Widget\u00a0', customer: 'Acme\u00a0' },
      { id: 'A1\u00a0', date: '2026-01-07', units: '1', amount: '5', product: 'Widget', customer: 'Beta' },
    ],
    { effectiveDate: '2026-01-01', asOf: '2026-03-31' },
  );
  expect(report.ok).toBe(false);
  if (!report.ok) expect(report.errors.map((e) => [e.row, e.code])).toEqual([[3, 'duplicate-id']]);
  const fine = evaluate(
    checked.ast!,
    [
      { id: 'A1', date: '2026-01-05', units: '1', amount: '5', product: 'Widget', customer: 'Acme' },
      { id: 'A2', date: '2026-01-06', units: '1', amount: '5', product: 'Widget\u00a0', customer: 'Acme\u00a0' },
    ],
    { effectiveDate: '2026-01-01', asOf: '2026-03-31' },
  );
  expect(fine.ok && fine.milestones.map((m) => [m.status, m.total])).toEqual([
    ['met', '2'],
    ['missed', '1'],
  ]);
});
