/**
 * fast-check generators of clause ASTs and clause texts, for the round-trip and fuzz properties
 * (spec/unit/format.test.ts, spec/unit/fuzz.slow.test.ts). Generated ASTs are the ones `format` can write:
 * every target, window, payment and label style, clause headings, payer-pays and conditional
 * sentences with their comparators, and currencies with 0, 2, 3 and 4 minor digits.
 * Ranges are dummies: `termsOf` ignores them.
 */
import fc from 'fast-check';
import type {
  ClauseHeadingNode, ClauseNode, DocumentNode, DueNode, LabelSourceNode, LimitedPaymentNode, LimitNode, MilestoneNode, MoneyNode, PartyNode, PaymentIntro, PaymentNode,
  PaymentTermNode, Range, CalendarUnit, CalendarPeriodWording, FixedPaymentNode, PeriodUnit, TargetNode, ThresholdNode, TierBandNode, UnlimitedPaymentNode, WindowNode,
} from '../../src/language/ast';

/** Property-test settings: a fixed seed, and run counts scaled by FUZZ_RUNS (see `npm run fuzz`). */
export const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
export function runs(normal: number): number {
  const scale = Number(process.env.FUZZ_RUNS ?? 0);
  return scale > 0 ? Math.max(normal, scale) : normal;
}

const point = { line: 1, column: 1, offset: 0 };
const RANGE: Range = { start: point, end: point };

const partyWord = fc.constantFrom('Seller', 'Distributor', 'Sales', 'Agent', 'Licensee', 'Sub-Distributor', "O'Brien", 'Müller', 'Net', 'Target', 'New');
const partyTail = fc.constantFrom('Seller', 'Agent', 'Representative', 'of', 'the', 'Territory', 'Group', 'A');
export const party: fc.Arbitrary<PartyNode> = fc
  .tuple(partyWord, fc.array(partyTail, { maxLength: 3 }))
  .map(([first, tail]) => ({ kind: 'party', name: [first, ...tail].join(' '), range: RANGE }));

/** Currencies by minor digits: JPY 0, USD/EUR/GBP/CHF 2, BHD/KWD 3, CLF 4. */
export const currency = fc.constantFrom('USD', 'EUR', 'GBP', 'JPY', 'CHF', 'BHD', 'KWD', 'CLF');

const digitString = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...'0123456789'.split('')), { minLength: min, maxLength: max }).map((d) => d.join(''));

/** Decimal strings, including leading zeros, trailing zeros and 40-digit amounts. */
export const amount: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.integer({ min: 1, max: 9 }), digitString(0, 8)).map(([a, b]) => `${a}${b}`) },
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 1, max: 9 }), digitString(0, 8), digitString(1, 5)).map(([a, b, c]) => `${a}${b}.${c}`) },
  { weight: 1, arbitrary: digitString(40, 40).map((d) => `9${d.slice(1)}`) },
  { weight: 2, arbitrary: fc.constantFrom('0100000', '100000.00', '0.5', '1500000') },
);

const count: fc.Arbitrary<string> = fc.oneof(fc.integer({ min: 1, max: 5_000_000 }).map(String), fc.constantFrom('007', '1000', '1', '1.0'));
const unitsCount: fc.Arbitrary<string> = fc.oneof(count, fc.constantFrom('2.5', '12.75'));

export const money: fc.Arbitrary<MoneyNode> = fc.record({
  kind: fc.constant('money' as const),
  amount,
  currency,
  text: fc.constant(''),
  range: fc.constant(RANGE),
});

const basis = fc.constantFrom('gross' as const, 'net' as const, null);
const product = fc.constantFrom(null, 'Aurora Espresso Machine', "Men's Trail Runner", 'Café Crème 2000', 'X', 'Widget (large)');

export const target: fc.Arbitrary<TargetNode> = fc.oneof(
  fc.record({ kind: fc.constant('revenue' as const), amount: money, basis, range: fc.constant(RANGE) }),
  fc.record({ kind: fc.constant('units' as const), count: unitsCount, product, range: fc.constant(RANGE) }),
  fc.record({ kind: fc.constant('new-customers' as const), count, noun: fc.constantFrom('customers' as const, 'clients' as const), range: fc.constant(RANGE) }),
  fc.record({ kind: fc.constant('deals' as const), count, noun: fc.constantFrom('sales' as const, 'deals' as const, 'closed deals' as const), range: fc.constant(RANGE) }),
);

const unit = fc.constantFrom('month' as const, 'quarter' as const, 'year' as const);
const pad = (n: number, w: number): string => String(n).padStart(w, '0');
/** Calendar dates, and some impossible ones the grammar must still carry (2026-02-30, day 00). */
const date = fc.oneof(
  fc.tuple(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${pad(m, 2)}-${pad(d, 2)}`),
  fc.constantFrom('2026-02-30', '2026-12-31', '2028-02-29', '2026-04-00', '0026-03-05'),
);

export const window: fc.Arbitrary<WindowNode> = fc.oneof(
  fc.record({
    kind: fc.constant('end-of-period' as const),
    unit,
    n: fc.integer({ min: 1, max: 40 }),
    written: fc.constantFrom('ordinal' as const, 'number' as const, 'the' as const, 'implied' as const),
    range: fc.constant(RANGE),
  }),
  fc.record({ kind: fc.constant('by-date' as const), date, range: fc.constant(RANGE) }),
  fc.record({
    kind: fc.constant('within' as const),
    n: fc.integer({ min: 1, max: 1000 }),
    unit: fc.constantFrom('day' as const, 'month' as const),
    relation: fc.constantFrom('of' as const, 'after' as const, 'from' as const),
    range: fc.constant(RANGE),
  }),
  fc.record({ kind: fc.constant('period' as const), unit, n: fc.integer({ min: 1, max: 40 }), range: fc.constant(RANGE) }),
  fc.record({ kind: fc.constant('recurring' as const), unit, range: fc.constant(RANGE) }),
  // Calendar periods: every one, a named one, half-years named by their months.
  fc.record({
    kind: fc.constant('calendar-period' as const),
    unit: fc.constantFrom<CalendarUnit>('month', 'quarter', 'half-year', 'year'),
    yearStart: fc.constant('01-01'),
    selection: fc.constant({ kind: 'each' as const }),
    written: fc.constantFrom<CalendarPeriodWording>('in any', 'in each', 'per', 'during any', 'in a given', 'in a'),
    range: fc.constant(RANGE),
  }),
  fc
    .tuple(fc.constantFrom<[CalendarUnit, number]>(['month', 12], ['quarter', 4], ['half-year', 2], ['year', 1]), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1990, max: 2100 }))
    .map(([[u, per], n, year]): WindowNode => ({
      kind: 'calendar-period', unit: u, yearStart: '01-01', selection: { kind: 'named', year, n: ((n - 1) % per) + 1 }, written: 'named', range: RANGE,
    })),
  fc.constantFrom<[string, number[]]>(['01-01', [1, 6, 7, 12]], ['04-01', [4, 9, 10, 3]], ['07-01', [7, 12, 1, 6]]).map(([yearStart, statedMonths]): WindowNode => ({
    kind: 'calendar-period', unit: 'half-year', yearStart, selection: { kind: 'each' }, written: 'for each in which', statedMonths, range: RANGE,
  })),
);

const paymentNoun = fc.constantFrom('commission' as const, 'bonus' as const, 'commission payment' as const);
export const fixedPayment: fc.Arbitrary<PaymentNode> = fc.record({ kind: fc.constant('fixed' as const), noun: paymentNoun, amount: money, range: fc.constant(RANGE) });
const percent = fc.constantFrom('2', '0.5', '12.25', '100');
const intro: fc.Arbitrary<PaymentIntro> = fc.option(fc.record({ noun: paymentNoun, link: fc.constantFrom('equal to' as const, 'of' as const) }), { freq: 3 });
const comparator = fc.constantFrom('in excess of' as const, 'above' as const, 'over' as const);
const quantifier = fc.constantFrom(null, 'portion' as const, 'all' as const);
const band = (fields: fc.Arbitrary<Omit<TierBandNode, 'kind' | 'percent' | 'basis' | 'range'>>): fc.Arbitrary<TierBandNode> =>
  fc.tuple(percent, basis, fields).map(([p, b, f]) => ({ kind: 'tier-band' as const, percent: p, basis: b, ...f, range: RANGE }));
/** Every band the grammar writes: up to, above (with or without an amount), from/between, the first, additional. */
const tierBand: fc.Arbitrary<TierBandNode> = fc.oneof(
  band(fc.record({ quantifier, lower: fc.constant(null), from: fc.constant(null), upper: fc.constantFrom('up to' as const, 'up to and including' as const), to: money })),
  band(fc.record({ quantifier, lower: comparator, from: fc.option(money, { freq: 3 }), upper: fc.constant(null), to: fc.constant(null) })),
  band(
    fc.tuple(quantifier, fc.constantFrom(['from', 'to'] as const, ['between', 'and'] as const), money, money).map(([q, [lower, upper], from, to]) => ({ quantifier: q, lower, from, upper, to })),
  ),
  band(fc.record({ quantifier: fc.constant('first' as const), lower: fc.constant(null), from: fc.constant(null), upper: fc.constant('first' as const), to: money })),
  band(fc.record({ quantifier: fc.constant('additional' as const), lower: fc.constant(null), from: fc.constant(null), upper: fc.constant(null), to: fc.constant(null) })),
);
const unlimitedPayment: fc.Arbitrary<UnlimitedPaymentNode> = fc.oneof(
  fixedPayment as fc.Arbitrary<UnlimitedPaymentNode>,
  fc.constantFrom('4.2', '7(b)', '12(a)(iii)', '[X]', '[Section to be agreed]', '3').map((ref) => ({ kind: 'section' as const, ref, placeholder: ref.startsWith('['), range: RANGE })),
  fc.record({ kind: fc.constant('rate' as const), percent, basis, range: fc.constant(RANGE) }),
  fc.record({
    kind: fc.constant('rate-on-excess' as const),
    intro,
    percent,
    basis,
    comparator,
    threshold: fc.oneof(money as fc.Arbitrary<ThresholdNode>, fc.constant({ kind: 'target-reference' as const, range: RANGE })),
    range: fc.constant(RANGE),
  }),
  fc.record({
    kind: fc.constant('tiered' as const),
    intro,
    bands: fc.array(tierBand, { minLength: 2, maxLength: 4 }),
    method: fc.constantFrom(null, 'marginal' as const, 'retroactive' as const),
    range: fc.constant(RANGE),
  }),
  fc
    .record({ noun: paymentNoun, amount: money, full: fc.boolean(), increment: money, basis, threshold: fc.option(fc.tuple(comparator, money), { freq: 2 }), proRata: fc.boolean() })
    .map(({ threshold, ...rest }) => ({ kind: 'per-increment' as const, ...rest, comparator: threshold ? threshold[0] : null, threshold: threshold ? threshold[1] : null, range: RANGE })),
);
const limit = (written: fc.Arbitrary<LimitNode['written']>, periodic: boolean): fc.Arbitrary<LimitNode> =>
  fc
    .tuple(written, money, periodic ? fc.option(fc.tuple(unit, fc.constantFrom('in any' as const, 'per' as const, 'in each' as const, 'for any' as const)), { freq: 2 }) : fc.constant(null))
    .map(([w, amount, per]) => ({ kind: 'limit' as const, written: w, amount, per: per ? per[0] : ('payment' as const), perWritten: per ? per[1] : null, range: RANGE }));
const cap = limit(fc.constantFrom('not to exceed' as const, 'up to a maximum of' as const), true);
const floor = limit(fc.constant('with a minimum of' as const), false);
const boundedPayment: fc.Arbitrary<UnlimitedPaymentNode | LimitedPaymentNode> = fc.oneof(
  { arbitrary: unlimitedPayment as fc.Arbitrary<UnlimitedPaymentNode | LimitedPaymentNode>, weight: 4 },
  {
    arbitrary: fc
      .tuple(unlimitedPayment, fc.constantFrom('cap', 'floor', 'both'), cap, floor)
      .map(([inner, which, c, f]): LimitedPaymentNode => ({ kind: 'limited', payment: inner, cap: which === 'floor' ? null : c, floor: which === 'cap' ? null : f, range: RANGE })),
    weight: 1,
  },
);
const due: fc.Arbitrary<DueNode> = fc
  .tuple(fc.integer({ min: 0, max: 365 }), fc.constantFrom('achievement' as const, 'month' as const, 'quarter' as const, 'year' as const), fc.boolean())
  .map(([days, after, calendar]) => ({ kind: 'due' as const, days, after, calendar: after !== 'achievement' && calendar, range: RANGE }));
export const payment: fc.Arbitrary<PaymentNode> = fc.oneof(
  { arbitrary: boundedPayment as fc.Arbitrary<PaymentNode>, weight: 4 },
  { arbitrary: fc.tuple(boundedPayment, due).map(([inner, d]): PaymentNode => ({ kind: 'timed', payment: inner, due: d, range: RANGE })), weight: 1 },
);

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];
type LabelStyle = 'roman' | 'alpha' | 'ALPHA' | 'number' | 'dotted' | 'none';

function enumeratedLabel(style: LabelStyle, i: number): { label: string | null; labelSource: LabelSourceNode | null } {
  const make = (label: string, s: LabelSourceNode['style']) => ({
    label,
    labelSource: { kind: 'label' as const, style: s, text: s === 'dotted' ? `${label}.` : `(${label})`, range: RANGE },
  });
  switch (style) {
    case 'roman':
      return make(ROMAN[i], 'parenthesised');
    case 'alpha':
      return make(String.fromCharCode(97 + i), 'parenthesised');
    case 'ALPHA':
      return make(String.fromCharCode(65 + i), 'parenthesised');
    case 'number':
      return make(String(i + 1), 'parenthesised');
    case 'dotted':
      return make(String(i + 1), 'dotted');
    case 'none':
      return { label: null, labelSource: null };
  }
}

const item = fc.record({ target, window, payment: fc.option(fixedPayment, { freq: 3 }) });

function paymentTerms(labels: string[]): fc.Arbitrary<PaymentTermNode[]> {
  const scope: fc.Arbitrary<PaymentTermNode['scope']> =
    labels.length > 0
      ? fc.oneof(fc.constant({ kind: 'each' as const }), fc.constantFrom(...labels).map((label) => ({ kind: 'milestone' as const, label, range: RANGE })))
      : fc.constant({ kind: 'each' as const });
  return fc.array(
    fc.record({ kind: fc.constant('payment-term' as const), scope, party: fc.option(party, { freq: 4 }), payment, range: fc.constant(RANGE) }),
    { maxLength: 3 },
  );
}

/** Clause headings: "Sales Bonus.", "4.2 Performance Bonus.", "Article 6.2 Target Bonus.", "3. Launch Bonus." */
export const clauseHeading: fc.Arbitrary<ClauseHeadingNode> = fc.record({
  kind: fc.constant('clause-heading' as const),
  number: fc.constantFrom(null, '4.2', '2.3(a)', 'Article 6.2', '3.', 'Section 7', '12'),
  title: fc.constantFrom('Sales Bonus', 'Performance Bonus', 'Net Sales Milestone', 'Calculation of Commissions', 'Launch Bonus', 'Quarterly Incentive'),
  range: fc.constant(RANGE),
});
const withHeading = (clause: ClauseNode, h: ClauseHeadingNode | null): ClauseNode => (h ? { ...clause, heading: h } : clause);

export const enumeratedClause: fc.Arbitrary<ClauseNode> = fc
  .tuple(party, fc.constantFrom<LabelStyle>('roman', 'alpha', 'ALPHA', 'number', 'dotted', 'none'), fc.array(item, { minLength: 1, maxLength: 6 }), fc.option(clauseHeading, { freq: 4 }))
  .chain(([who, style, items, h]) => {
    const milestones: MilestoneNode[] = items.map((it, i) => ({ kind: 'milestone', ...enumeratedLabel(style, i), ...it, range: RANGE }));
    const labels = milestones.map((m) => m.label).filter((l): l is string => l !== null);
    return paymentTerms(labels).map((payments): ClauseNode => withHeading({ kind: 'clause', form: 'enumerated', party: who, milestones, payments, range: RANGE }, h));
  });

/** Metrics as defined terms, with the basis their words give. */
const metricTerm = fc.constantFrom(
  { term: 'Net Sales', basis: 'net' as const }, { term: 'Gross Sales', basis: 'gross' as const }, { term: 'Revenue', basis: null },
  { term: 'Net Revenues', basis: 'net' as const }, { term: 'aggregate Net Sales', basis: 'net' as const }, { term: 'Turnover', basis: null },
  { term: 'cumulative Gross Revenue', basis: 'gross' as const }, { term: 'net sales revenue', basis: 'net' as const },
);
const scope = fc.constantFrom(undefined, 'of Products', 'in the Territory', 'of Licensed Products in the Territory', 'from sales of the Products');
const qualifiers = fc.constantFrom<string[] | undefined>(undefined, ['one-time'], ['one-time', 'launch'], ['lump-sum', 'target'], ['performance'], ['non-refundable', 'milestone']);
const paidNoun = fc.constantFrom('commission' as const, 'bonus' as const, 'commission payment' as const, 'payment' as const, 'fee' as const);

/** "If Net Sales exceed $X in the first year, the Company shall pay the Agent a bonus of $Y." and the payment-first order. */
export const payerClause: fc.Arbitrary<ClauseNode> = fc
  .record({
    form: fc.constantFrom('payer-pays' as const, 'conditional' as const),
    payer: party,
    payee: party,
    achiever: fc.option(party, { freq: 3 }),
    metric: metricTerm,
    scope,
    amount: money,
    window,
    strict: fc.boolean(),
    noun: paidNoun,
    qualifiers,
    paid: money,
    redacted: fc.option(fc.constantFrom({ text: '$[***]', currency: 'USD' }, { text: '[******]', currency: null }), { freq: 4 }),
    open: fc.boolean(),
    heading: fc.option(clauseHeading, { freq: 2 }),
    calendar: fc.constantFrom<'none' | 'first' | 'first-due' | 'reference'>('none', 'none', 'first', 'first-due', 'reference'),
    calendarUnit: fc.constantFrom<PeriodUnit>('month', 'quarter', 'year'),
    days: fc.integer({ min: 0, max: 120 }),
  })
  .map((x): ClauseNode => {
    // The sentences only calendar periods have: the first period in which, and "for such <period>".
    if (x.calendar === 'first' || x.calendar === 'first-due') {
      x.form = 'payer-pays';
      x.window = { kind: 'calendar-period', unit: x.calendarUnit, yearStart: '01-01', selection: { kind: 'first' }, written: 'first in which', range: RANGE };
    } else if (x.calendar === 'reference') {
      x.form = 'conditional';
      x.window = { kind: 'calendar-period', unit: x.calendarUnit, yearStart: '01-01', selection: { kind: 'each' }, written: 'in any', range: RANGE };
    }
    const fixed: PaymentNode = { kind: 'fixed', noun: x.noun, ...(x.qualifiers ? { qualifiers: x.qualifiers } : {}), amount: x.paid, range: RANGE };
    const milestone: MilestoneNode = {
      kind: 'milestone',
      label: null,
      labelSource: null,
      target: { kind: 'revenue', amount: x.amount, basis: x.metric.basis, term: x.metric.term, ...(x.scope ? { scope: x.scope } : {}), range: RANGE },
      window: x.calendar === 'none' && x.open ? { kind: 'open', range: RANGE } : x.window,
      payment:
        x.calendar === 'first-due'
          ? { kind: 'timed', payment: fixed as FixedPaymentNode, due: { kind: 'due', days: x.days, after: x.calendarUnit, calendar: true, range: RANGE }, range: RANGE }
          : x.redacted && x.calendar === 'none'
            ? { kind: 'unstated', how: 'redacted', currency: x.redacted.currency, text: x.redacted.text, ...(x.qualifiers ? { qualifiers: x.qualifiers } : {}), range: RANGE }
            : fixed,
      comparator: { kind: 'comparator', strict: x.strict, words: '', range: RANGE },
      ...(x.achiever ? { achiever: x.achiever } : {}),
      ...(x.calendar === 'reference' ? { periodReference: { kind: 'period-reference' as const, unit: x.calendarUnit, word: 'such' as const, range: RANGE } } : {}),
      range: RANGE,
    };
    return withHeading({ kind: 'clause', form: x.form, payer: x.payer, party: x.payee, milestones: [milestone], payments: [], range: RANGE }, x.heading);
  });

const heading = fc.oneof(
  fc.tuple(fc.constantFrom('Month', 'Quarter', 'Year'), fc.integer({ min: 1, max: 24 }), fc.constantFrom('Milestone', 'Goal', 'Target')).map(([u, n, noun]) => ({
    label: `${u} ${n}`,
    text: `${u} ${n} ${noun}`,
    implied: { unit: u.toLowerCase() as 'month' | 'quarter' | 'year', n },
  })),
  fc.tuple(fc.constantFrom('Quarterly', 'Annual', 'Yearly'), fc.constantFrom('Milestone', 'Goal', 'Target')).map(([adj, noun]) => ({
    label: `${adj} ${noun}`,
    text: `${adj} ${noun}`,
    implied: { unit: adj === 'Quarterly' ? ('quarter' as const) : ('year' as const), n: 1 },
  })),
);

const headedItem: fc.Arbitrary<MilestoneNode> = fc.tuple(heading, item, fc.boolean()).map(([h, it, implied]) => ({
  kind: 'milestone',
  label: h.label,
  labelSource: { kind: 'label', style: 'heading', text: h.text, range: RANGE },
  target: it.target,
  window: implied ? { kind: 'end-of-period', unit: h.implied.unit, n: h.implied.n, written: 'implied', range: RANGE } : it.window,
  payment: it.payment,
  range: RANGE,
}));

export const headedClause: fc.Arbitrary<ClauseNode> = fc
  .array(headedItem, { minLength: 1, maxLength: 5 })
  .chain((milestones) => paymentTerms([]).map((payments): ClauseNode => ({ kind: 'clause', form: 'headed', party: null, milestones, payments, range: RANGE })));

const filler: PaymentTermNode = {
  kind: 'payment-term',
  scope: { kind: 'each' },
  party: null,
  payment: { kind: 'section', ref: '4.2', placeholder: false, range: RANGE },
  range: RANGE,
};

/** Documents of 1-3 clauses; a headed clause before another one gets a payment sentence (else they would read as one). */
export const document: fc.Arbitrary<DocumentNode> = fc
  .array(fc.oneof({ weight: 3, arbitrary: enumeratedClause }, { weight: 2, arbitrary: headedClause }, { weight: 2, arbitrary: payerClause }), { minLength: 1, maxLength: 3 })
  .map((clauses) => {
    // A headed clause without payment sentences joins a headed clause after it, and takes no clause heading after it.
    const fixed = clauses.map((c, i) =>
      c.form === 'headed' && c.payments.length === 0 && (clauses[i + 1]?.form === 'headed' || clauses[i + 1]?.heading) ? { ...c, payments: [filler] } : c,
    );
    return { kind: 'document', clauses: fixed, range: RANGE };
  });
