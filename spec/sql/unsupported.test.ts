/**
 * What the SQL path refuses, and how: a clause feature it does not know is an error naming the
 * feature, never a query that answers another question; a name that is not a plain identifier
 * never reaches SQL.
 */
import { parse } from '../../src/language/parse';
import type { DocumentNode } from '../../src/language/ast';
import { planEvaluation } from '../../src/sql/plan';
import { quoteIdentifier } from '../../src/sql/identifier';
import { SqlUnsupportedError } from '../../src/sql/unsupported';

const SEED = 'The Seller agrees to meet the following sales milestones: (i) $100,000 in net sales revenue by the end of the first month, for a bonus of $5,000.';
const options = { effectiveDate: '2026-01-01', timeZone: 'America/New_York', asOf: '2026-04-15' };

function seed(): DocumentNode {
  const ast = parse(SEED).ast;
  if (!ast) throw new Error('no AST');
  return JSON.parse(JSON.stringify(ast)) as DocumentNode;
}

function refusal(ast: DocumentNode): SqlUnsupportedError {
  try {
    planEvaluation(ast, options);
  } catch (error) {
    if (error instanceof SqlUnsupportedError) return error;
    throw error;
  }
  throw new Error('the plan was accepted');
}

describe('computed amounts of payer-pays sentences (owed at the window\'s end) are planned; tiers accruing on a running total are refused by name', () => {
  const parsed = (text: string): DocumentNode => {
    const ast = parse(text).ast;
    if (!ast) throw new Error('no AST');
    return ast;
  };

  /** What a plan says of each milestone and each period, in words a reader checks against the clause. */
  const summary = (planned: ReturnType<typeof planEvaluation>) => {
    if (!planned.ok) throw new Error(planned.message);
    return {
      milestones: planned.plan.milestones.map((m) => ({ metric: m.metric, target: m.target, strict: m.strict, payment: m.payment.kind, written: m.written?.kind ?? null })),
      periods: planned.plan.instances.map((i) => [i.window.windowStart, i.window.deadline, i.target]),
    };
  };

  it('an amount with no condition: its milestone is the amount\'s measure', () => {
    // 10% of all net sales: owed once the quarter's total passes zero, in each contract quarter from the effective date (the as-of date is in the second).
    expect(summary(planEvaluation(parsed('The Agent shall earn a commission of 10% of Net Sales in each quarter.'), options))).toEqual({
      milestones: [{ metric: 'net-revenue', target: '0', strict: true, payment: 'rate', written: 'rate' }],
      periods: [['2026-01-01', '2026-03-31', '0'], ['2026-04-01', '2026-06-30', '0']],
    });
  });

  it('an amount after a condition, counted on "such Net Sales"', () => {
    const text = 'If Net Sales exceed $150,000 in each quarter, the Company shall pay the Agent a commission equal to 3% of such Net Sales in excess of the target.';
    // "exceed" is strict; the amount is 3% of the excess over the target, computed on each quarter's own sales.
    expect(summary(planEvaluation(parsed(text), options))).toEqual({
      milestones: [{ metric: 'net-revenue', target: '150000', strict: true, payment: 'computed', written: 'rate-on-excess' }],
      periods: [['2026-01-01', '2026-03-31', '150000'], ['2026-04-01', '2026-06-30', '150000']],
    });
  });

  it('tiers on the running total with no period, owed day by day as the sales come in', () => {
    const e = refusal(parsed('The Licensee shall pay the Licensor three percent (3%) of the first $100,000 of Net Sales and two percent (2%) of all additional Net Sales.'));
    expect(e.feature).toBe('tiers accruing on the running total');
    expect(e.message).toContain('in-memory engine');
  });
});

describe('features the SQL path does not know are refused by name', () => {
  it('accepts the language as it is', () => {
    expect(planEvaluation(seed(), options).ok).toBe(true);
  });

  it('a new field on a target (a comparator, say)', () => {
    const ast = seed();
    Object.assign(ast.clauses[0].milestones[0].target, { comparator: 'more-than' });
    const e = refusal(ast);
    expect(e.feature).toBe("target 'revenue' field 'comparator'");
    expect(e.message).toContain("'comparator'");
    expect(e.message).toContain('in-memory engine');
  });

  it('a new window kind (a fiscal period, say)', () => {
    const ast = seed();
    (ast.clauses[0].milestones[0] as { window: unknown }).window = { kind: 'fiscal-period', unit: 'quarter', n: 1, startMonth: 4, range: ast.range };
    expect(refusal(ast).feature).toBe("window 'fiscal-period'");
  });

  it('plans calendar periods on their own totals, and a recurring milestone paid once, as the evaluator reads them', () => {
    const calendar = parse('If Net Sales in any calendar quarter exceed $1,000, the Company shall pay the Agent a bonus of $100.').ast as DocumentNode;
    const planned = planEvaluation(calendar, options);
    expect(planned.ok && planned.plan.milestones.map((m) => [m.periodTotal, m.once, m.instances.length])).toEqual([[true, false, 2]]);
    const once = parse('If Net Sales exceed $1,000 in each quarter, the Company shall pay the Agent a one-time bonus of $100.').ast as DocumentNode;
    const paidOnce = planEvaluation(once, options);
    expect(paidOnce.ok && paidOnce.plan.milestones.map((m) => [m.periodTotal, m.once])).toEqual([[false, true]]);
  });

  it('a new value of a known field (a revenue basis other than gross or net)', () => {
    const ast = seed();
    Object.assign(ast.clauses[0].milestones[0].target, { basis: 'invoiced' });
    expect(refusal(ast).feature).toBe("target 'revenue' basis 'invoiced'");
  });

  it('a new payment kind, and a new field on a payment sentence', () => {
    const ast = seed();
    (ast.clauses[0].milestones[0] as { payment: unknown }).payment = { kind: 'profit-share', pool: '10', range: ast.range };
    expect(refusal(ast).feature).toBe("payment 'profit-share'");
    const withTerm = parse(`${SEED.replace(', for a bonus of $5,000', '')} Upon achieving each milestone, the Seller will receive a bonus of $1,000.`).ast as DocumentNode;
    Object.assign(withTerm.clauses[0].payments[0], { cap: '10000' });
    expect(refusal(withTerm).feature).toBe("payment sentence 'payment-term' field 'cap'");
  });
});

describe('the parts of newer clauses are checked field by field too', () => {
  const CAPPED =
    'The Seller agrees to meet the following sales milestones: (i) $500,000 in net sales revenue in each quarter. Upon achieving each milestone, ' +
    'the Seller will receive a bonus of $1,000 for each $100,000 of Net Sales above $500,000, not to exceed $3,000 in any year.';

  it('accepts an amount per increment with a cap per year', () => {
    const ast = parse(CAPPED).ast as DocumentNode;
    expect(ast.clauses[0].payments[0].payment.kind).toBe('limited');
    expect(planEvaluation(ast, options).ok).toBe(true);
  });

  it('a new field on a cap, on the payment inside it, and on a comparator', () => {
    const capped = (): DocumentNode => JSON.parse(JSON.stringify(parse(CAPPED).ast)) as DocumentNode;
    const a = capped();
    const limited = a.clauses[0].payments[0].payment as { cap: object; payment: object };
    Object.assign(limited.cap, { rollover: true });
    expect(refusal(a).feature).toBe("limit 'limit' field 'rollover'");
    const b = capped();
    Object.assign((b.clauses[0].payments[0].payment as { payment: object }).payment, { clawback: true });
    expect(refusal(b).feature).toBe("payment 'per-increment' field 'clawback'");
    const c = seed();
    Object.assign(c.clauses[0].milestones[0], { comparator: { kind: 'comparator', strict: true, words: 'exceed', margin: '5', range: c.range } });
    expect(refusal(c).feature).toBe("comparator 'comparator' field 'margin'");
  });
});

describe('identifiers', () => {
  it.each(['sales', 'warehouse.sales', 'db.warehouse.sales', '_t1'])('%s is quoted', (name) => {
    expect(quoteIdentifier(name)).toBe(name.split('.').map((p) => `"${p}"`).join('.'));
  });
  it.each(['', 'sales; DROP TABLE x', 'a"b', 'a b', '1sales', 'a..b', 'a.b.c.d', 'é', `x${'y'.repeat(63)}`])('%j is refused', (name) => {
    expect(() => quoteIdentifier(name)).toThrow(SqlUnsupportedError);
  });
});

describe('constructs of the language the SQL path does not compute yet are refused by name', () => {
  it('a fiscal period whose year start neither the text nor the options give: the evaluator\'s error, not a guess', () => {
    const ast = seed();
    (ast.clauses[0].milestones[0] as { window: unknown }).window = {
      kind: 'calendar-period',
      unit: 'quarter',
      yearStart: 'fiscal',
      selection: { kind: 'each' },
      written: 'in each',
      range: ast.range,
    };
    expect(planEvaluation(ast, options)).toMatchObject({ ok: false, code: 'fiscal-year-start-unknown' });
    const dated = planEvaluation(ast, { ...options, fiscalYearStart: '04-01' });
    expect(dated.ok && dated.plan.instances.map((i) => [i.window.windowStart, i.window.deadline])).toEqual([['2026-01-01', '2026-03-31'], ['2026-04-01', '2026-06-30']]);
  });

  it('a shortfall sentence is planned as the evaluator reads it: owed on the period total, by the party that missed it', () => {
    const ast = parse('If the Distributor fails to purchase $500,000 in each year, it shall pay the Company twenty percent (20%) of the shortfall.').ast;
    expect(ast).not.toBeNull();
    const planned = planEvaluation(ast as DocumentNode, options);
    expect(planned.ok && planned.plan.milestones.map((m) => [m.payment.kind, m.stopsAtFirstMet])).toEqual([['shortfall', false]]);
  });

  it('catch-up over a minimum with a shortfall (judged on the period total, not at a crossing row)', () => {
    const ast = parse('If the Distributor fails to purchase $500,000 in each year, it shall pay the Company twenty percent (20%) of the shortfall.').ast as DocumentNode;
    ast.clauses[0].catchUp = { kind: 'catch-up', range: ast.range };
    expect(refusal(ast).feature).toBe('catch-up with a shortfall payment');
  });
});
