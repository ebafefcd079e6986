/**
 * AST → checked AST: the meaning-level checks the grammar leaves out on purpose (nearley runs
 * postprocessors for dead parses too, so they must not judge). Each check reports diagnostics
 * with the range of the words it is about; none of them throws.
 */
import { checkCompound } from './check-compound';
import { checkClawback } from './check-clawback';
import { checkReturns } from './check-returns';
import { checkPeriodDue } from './check-period-due';
import { checkSalesCounted } from './check-sales-counted';
import { checkInstalments } from './check-instalments';
import { checkCarryForward } from './check-carry-forward';
import type { ClauseNode, DocumentNode, MilestoneNode, MoneyNode, PaymentNode, PaymentTermNode, QuotaNode, Range, TargetNode, WindowNode } from './ast';
import { checkAnyPeriod, checkCalendarPeriod, checkFirstInRecurringPeriod, checkOnceOrEach, checkPeriodReference } from './check-calendar';
import { assertNever } from './ast';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics';
import { Dec, formatMoney, NO_CURRENCY } from '../values/money';
import { parse } from './parse';
import { MONTHS_PER_UNIT, parseIsoDate } from '../time/periods';
import { positionAt } from './positions';
import { checkNotation, figureIn } from './check-notation';
import { checkReadings } from './check-readings';
import { checkSincePrevious } from './check-since-previous';
import { checkRateMultiples } from './check-rate-multiples';
import { amountsOf, checkPaymentMechanics } from './check-payments';
import { checkMeasured } from './check-measured';
import { checkPeriodProviso } from './check-period-proviso';
import { checkOnceRepeat } from './check-once-repeat';
import { checkProRata } from './check-pro-rata';
import { checkTierMeasures } from './check-tiers';
import { checkQuotaBounds } from './check-quota-bounds';
import { checkEachScope } from './check-each-scope';
import { checkPerProduct } from './check-per-product';
import { paymentParts } from './payment-parts';
import { checkDrafted } from './check-drafted';
import { checkPaymentPrecision, fixedPaymentAmounts } from './check-payment-precision';
import { checkAmountPrecision } from './check-amount-precision';
import { checkShortfall } from './check-shortfall';
import { checkTopUp } from './check-top-up';
import { checkSalesMinimum } from './check-sales-minimum';
import { checkAttainment } from './check-attainment';
import { checkCommitment } from './check-commitment';
import { checkPlanLevels } from './check-plan-levels';
import { checkRateChoices } from './check-rate-choices';
import { checkGrowth } from './check-growth';
import { checkPlanTable } from './check-plan-table';
import { checkPlanBands } from './check-plan-bands';
import { checkPaymentDefinition } from './check-payment-definition';
import { notationOf } from '../values/number-notation';
import { checkOwnWindows } from './check-own-windows';
import { checkCustomerDefinitions } from './check-customer-definition';
import { checkItemSets } from './check-item-sets';
import { checkNamedTargets } from './check-named-target';
import { checkTargetPeriods } from './check-target-period';
import { checkFiscal } from './check-fiscal';
import { checkPeriodWords } from './check-period-words';
import { periodDefinitions } from './period-definitions';
import { checkOpening } from './check-openings';
import { checkMeasurePeriodWords } from './check-opening-period';
import { checkMilestoneDefinitions } from './check-milestone-definitions';
import { checkListCondition } from './list-condition';
import { ledgerMismatches, type LedgerHolds } from './ledger-holds';

export interface ValidationResult {
  /** True when there is no error (warnings and notes allowed). */
  valid: boolean;
  ast: DocumentNode | null;
  diagnostics: Diagnostic[];
}

/** What the checks know of the evaluation to come: what the ledger holds (ledger-holds.ts). */
export interface CheckOptions {
  ledgerHolds?: LedgerHolds;
}

/** Parses and checks a clause document. Never throws on user input. */
export function validate(text: string, options: CheckOptions = {}): ValidationResult {
  const parsed = parse(text);
  const diagnostics = parsed.ast ? [...parsed.diagnostics, ...check(parsed.ast, text, options)] : parsed.diagnostics;
  sortDiagnostics(diagnostics);
  return { valid: !hasErrors(diagnostics), ast: parsed.ast, diagnostics };
}

/** The semantic checks on a parsed document; `text` is the source the ranges point into. */
export function check(document: DocumentNode, text: string, options: CheckOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const clause of document.clauses) checkClause(clause, text, out);
  checkDocumentCurrency(document, out);
  checkNotation(document, text, out);
  checkDrafted(document, text, out);
  checkPaymentPrecision(document, out);
  checkAmountPrecision(document, new Set(fixedPaymentAmounts(document).map((m) => m.range.start.offset)), out);
  for (const clause of document.clauses) checkReadings(clause, text, out, document);
  for (const m of ledgerMismatches(document, options.ledgerHolds ?? 'sales')) out.push(diagnostic('unmeasurable-metric', m.range, m.message));
  for (const clause of document.clauses) checkPaymentMechanics(clause, out);
  for (const clause of document.clauses) checkSincePrevious(clause, out);
  for (const clause of document.clauses) checkRateMultiples(clause, out);
  // A definition's length is checked like a window's; the rest of it in check-own-windows.ts.
  for (const d of periodDefinitions(document)) {
    const m = d.meaning;
    if (m.kind === 'calendar-periods' || m.kind === 'quarters-after-event' || m.kind === 'full-months-after-event') continue;
    checkWindow(m.kind === 'successive-periods' || m.kind === 'periods-from-event' ? { kind: 'span', n: m.n, unit: m.unit, start: { kind: 'effective-date' }, written: 'period', range: m.range } : m, text, out);
  }
  checkOwnWindows(document, out);
  checkCustomerDefinitions(document, out);
  checkItemSets(document, out);
  for (const clause of document.clauses) checkNamedTargets(clause, out);
  for (const clause of document.clauses) checkTargetPeriods(clause, out);
  checkFiscal(document, out);
  checkPeriodWords(document, out);
  for (const clause of document.clauses) checkShortfall(clause, text, out);
  for (const clause of document.clauses) checkTopUp(clause, out);
  for (const clause of document.clauses) checkListCondition(clause, out);
  for (const clause of document.clauses) checkSalesMinimum(clause, out);
  for (const clause of document.clauses) checkAttainment(clause, text, out);
  for (const clause of document.clauses) checkCommitment(clause, out);
  for (const clause of document.clauses) checkPlanLevels(clause, out);
  for (const clause of document.clauses) checkRateChoices(clause, out);
  for (const clause of document.clauses) checkGrowth(clause, out);
  for (const clause of document.clauses) checkPlanTable(clause, out);
  for (const clause of document.clauses) checkPlanBands(clause, out);
  for (const clause of document.clauses) checkPaymentDefinition(clause, out);
  for (const clause of document.clauses) checkMeasured(clause, out);
  for (const clause of document.clauses) checkPeriodProviso(clause, out);
  for (const clause of document.clauses) checkOnceRepeat(clause, out);
  for (const clause of document.clauses) checkProRata(clause, out);
  for (const clause of document.clauses) checkOpening(clause, document, out);
  for (const clause of document.clauses) checkMeasurePeriodWords(clause, out);
  for (const clause of document.clauses) checkTierMeasures(clause, out);
  for (const clause of document.clauses) checkMilestoneDefinitions(clause, out);
  for (const clause of document.clauses) checkCompound(clause, out);
  for (const clause of document.clauses) checkClawback(clause, out);
  for (const clause of document.clauses) checkReturns(clause, out);
  for (const clause of document.clauses) checkPeriodDue(clause, out);
  for (const clause of document.clauses) checkSalesCounted(clause, out);
  for (const clause of document.clauses) checkInstalments(clause, out);
  for (const clause of document.clauses) checkCarryForward(clause, out);
  for (const clause of document.clauses) checkQuotaBounds(clause, out);
  for (const clause of document.clauses) checkEachScope(clause, out);
  checkPerProduct(document, out);
  return out;
}

function checkClause(clause: ClauseNode, text: string, out: Diagnostic[]): void {
  if (clause.party) checkParty(clause.party.name, clause.party.range, out);
  if (clause.payer) checkParty(clause.payer.name, clause.payer.range, out);
  for (const m of clause.milestones) if (m.achiever) checkParty(m.achiever.name, m.achiever.range, out);
  for (const term of clause.payments) if (term.party) checkParty(term.party.name, term.party.range, out);
  for (const m of clause.milestones) {
    // A milestone that is a payment's own measure has as target its threshold, zero for a rate on all.
    if (m.condition !== 'payment' || !(m.target.kind === 'revenue' && isZero(m.target.amount.amount))) checkTarget(m.target, text, out, m.quota);
    checkWindow(m.window, text, out);
    checkPeriodReference(m, out);
    checkOnceOrEach(m, out);
    checkAnyPeriod(clause, m, out);
    checkFirstInRecurringPeriod(m, out);
    if (m.payment?.kind === 'fixed') checkAmount(m.payment.amount, text, out);
  }
  for (const term of clause.payments) {
    if (term.payment.kind === 'fixed') checkAmount(term.payment.amount, text, out);
    for (const money of amountsOf(term.payment)) checkAmount(money, text, out);
    if (term.payment.kind === 'section' && term.payment.placeholder) {
      out.push(
        diagnostic(
          'placeholder-reference',
          trailingRange(term.payment.range, term.payment.ref.length, text),
          `Section ${term.payment.ref} is a placeholder: the payment amount is undefined until the section is filled in. Evaluations report these payments with no amount unless a payment schedule is given.`,
        ),
      );
    }
  }
  checkLabels(clause, out);
  checkCurrencies(clause, out);
  checkPayments(clause, out);
  checkProgression(clause, out);
}

function checkParty(name: string, range: Range, out: Diagnostic[]): void {
  const lowercase = name.split(' ').filter((w) => /^[a-z]/.test(w) && !['of', 'the', 'and'].includes(w));
  if (lowercase.length > 0) {
    out.push(diagnostic('party-not-capitalised', range, `The party name '${name}' has lower-case words (${lowercase.join(', ')}); party names are normally capitalised defined terms, so check this is the party you mean.`));
  }
}

// --- amounts and counts --------------------------------------------------------------------

/** Grouping commas must separate thousands: "100,000" yes, "100,,000" and "1,00" no. */
function malformedGrouping(number: string): string | null {
  if (!number.includes(',')) return null;
  const whole = number.split('.')[0];
  const groups = whole.split(',');
  if (groups.some((g) => g === '')) return 'it has two commas in a row';
  if (groups[0].length > 3 || groups.slice(1).some((g) => g.length !== 3)) return 'commas must separate groups of three digits';
  return null;
}

/** A range without its first word: the date of "by 31 April 2026". */
function afterFirstWord(range: Range, text: string): Range {
  const slice = text.slice(range.start.offset, range.end.offset);
  const skip = /^\S+\s+/.exec(slice)?.[0].length ?? 0;
  return { start: positionAt(text, range.start.offset + skip), end: range.end };
}

/** The last `length` characters of a range: the placeholder "[X]" ending a payment phrase. */
function trailingRange(range: Range, length: number, text: string): Range {
  return { start: positionAt(text, range.end.offset - length), end: range.end };
}

function checkNumberText(text: string, range: Range, what: string, out: Diagnostic[]): void {
  const found = figureIn(text, range);
  if (!found || notationOf(found.text) !== 'comma') return;
  const problem = malformedGrouping(found.text);
  if (problem) {
    const fixed = found.text.replace(/,/g, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    out.push(
      diagnostic('malformed-amount', found.range, `'${found.text}' is not a well-formed ${what}: ${problem}.`, {
        suggestion: `did you mean '${fixed}'?`,
        fix: { title: `Write '${fixed}'`, offset: found.range.start.offset, endOffset: found.range.end.offset, text: fixed },
      }),
    );
  }
}

function checkAmount(money: MoneyNode, text: string, out: Diagnostic[]): void {
  checkNumberText(text, money.range, 'amount', out);
}

/**
 * Zero, decided on the digits: a JS number would call "0.000…01" (beyond 324 places) zero and
 * "10000000000000000.5" whole.
 */
const isZero = (decimal: string): boolean => /^[0,]*(?:\.0*)?$/.test(decimal);

function checkTarget(target: TargetNode, text: string, out: Diagnostic[], quota?: QuotaNode): void {
  switch (target.kind) {
    case 'revenue': {
      checkAmount(target.amount, text, out);
      // A share of a quota is written with the quota's figure: the message names the share, whose target is zero.
      const written = quota ? `${quota.percent}% of the ${quota.name} of ${quota.amount.text}, ${formatMoney(new Dec(0), quota.amount.currency)},` : target.amount.text;
      if (isZero(target.amount.amount)) out.push(diagnostic('non-positive-target', target.amount.range, `A target of ${written} is met before any sale: targets must be greater than zero.`));
      return;
    }
    case 'units':
    case 'new-customers':
    case 'deals': {
      checkNumberText(text, target.range, 'number', out);
      if (isZero(target.count)) out.push(diagnostic('non-positive-target', target.range, `A target of 0 is met before any sale: targets must be greater than zero.`));
      else if (target.kind !== 'units' && /\.\d*[1-9]/.test(target.count)) {
        out.push(diagnostic('fractional-count', target.range, `${target.count} is not a whole number: ${target.kind === 'deals' ? 'deals' : 'customers'} are counted one by one.`));
      }
      return;
    }
    default:
      assertNever(target);
  }
}

/**
 * Dates are limited to the years 1 to 9999 (ISO 8601's four-digit years). A period longer than that whole
 * range ends after 9999 from any effective date, so it is refused on the clause alone, before any date
 * arithmetic (month 10^9 used to take seconds and print NaN dates); the evaluation context bounds the rest.
 */
export const MAX_SPAN_MONTHS = 9999 * 12;
export const MAX_SPAN_DAYS = 3_652_059;
/** Deadlines outside these years are almost always a typing slip ("March 31, 226"): a warning, never a silent reading. */
const FIRST_LIKELY_YEAR = 1900;
const LAST_LIKELY_YEAR = 2199;

function checkWindow(window: WindowNode, text: string, out: Diagnostic[]): void {
  switch (window.kind) {
    case 'by-date': {
      const date = parseIsoDate(window.date);
      if (date === null) out.push(diagnostic('impossible-date', afterFirstWord(window.range, text), `${window.date} is not a date in the calendar.`));
      else if (date.year < FIRST_LIKELY_YEAR || date.year > LAST_LIKELY_YEAR) {
        out.push(
          diagnostic(
            'unusual-year',
            afterFirstWord(window.range, text),
            `The deadline is in the year ${date.year}, far from any contract's dates (a digit missing or extra?); it is read as written, so a deadline before the effective date lets no sale count.`,
            { suggestion: `write the year in full, such as ${date.year < FIRST_LIKELY_YEAR ? '2026' : String(date.year).slice(0, 4)}` },
          ),
        );
      }
      return;
    }
    case 'end-of-period':
    case 'period':
    case 'within':
    case 'span':
      if (!Number.isInteger(window.n) || window.n < 1) {
        out.push(diagnostic('invalid-period', window.range, `${window.n} is not a period number: periods are counted 1, 2, 3, … from the effective date.`));
      } else if (!Number.isSafeInteger(window.n)) {
        // read into a JS number, so beyond 2^53 the digits written are no longer the number held
        out.push(diagnostic('invalid-period', window.range, `The number of ${window.unit}s is too large to be read exactly (the limit is ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')}).`));
      } else if (window.unit === 'day' ? window.n > MAX_SPAN_DAYS : window.n * MONTHS_PER_UNIT[window.unit] > MAX_SPAN_MONTHS) {
        out.push(
          diagnostic(
            'date-out-of-range',
            window.range,
            `${window.n.toLocaleString('en-US')} ${window.unit}s from any effective date ends after the year 9999: dates are limited to the years 1 to 9999.`,
          ),
        );
      }
      return;
    case 'recurring':
    case 'open':
      return;
    case 'date-range':
    case 'term':
    case 'defined-period':
      return; // check-own-windows.ts, which knows the document's definitions
    case 'calendar-period':
      checkCalendarPeriod(window, text, out);
      return;
    default:
      assertNever(window);
  }
}

// --- labels ----------------------------------------------------------------------------------

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx'];

function expectedLabel(style: 'roman' | 'alpha' | 'number', index: number): string {
  if (style === 'roman') return ROMAN[index] ?? '';
  if (style === 'alpha') return index < 26 ? String.fromCharCode(97 + index) : '';
  return String(index + 1);
}

function checkLabels(clause: ClauseNode, out: Diagnostic[]): void {
  const seen = new Map<string, MilestoneNode>();
  let duplicated = false;
  for (const m of clause.milestones) {
    if (m.label === null) continue;
    const key = m.label.toLowerCase();
    if (seen.has(key)) {
      duplicated = true;
      out.push(diagnostic('duplicate-label', m.labelSource?.range ?? m.range, `Milestone '${m.label}' is labelled twice in this clause: labels must be unique so payments and reports can name each milestone.`));
    } else seen.set(key, m);
  }
  // A repeated label is already reported; saying it is also out of sequence would be noise.
  if (duplicated) return;
  const enumerated = clause.milestones.filter((m) => m.labelSource && m.labelSource.style !== 'heading' && m.labelSource.style !== 'defined');
  if (enumerated.length === 0) return;
  const labels = enumerated.map((m) => m.label!.toLowerCase());
  const styles = (['roman', 'alpha', 'number'] as const).filter((s) => expectedLabel(s, 0) === labels[0] || labels.every((l, i) => l === expectedLabel(s, i)));
  const style = styles.find((s) => labels.every((l, i) => l === expectedLabel(s, i)));
  if (style) return;
  const guess = styles[0] ?? (/^\d+$/.test(labels[0]) ? 'number' : /^[ivx]+$/.test(labels[0]) ? 'roman' : 'alpha');
  const at = labels.findIndex((l, i) => l !== expectedLabel(guess, i));
  const m = enumerated[at];
  out.push(diagnostic('labels-out-of-sequence', m.labelSource!.range, `Milestone '${m.label}' is out of sequence: expected '${expectedLabel(guess, at)}' here.`));
}

// --- currencies and payments -----------------------------------------------------------------

function checkCurrencies(clause: ClauseNode, out: Diagnostic[]): void {
  const amounts = clause.milestones.flatMap((m) => (m.target.kind === 'revenue' && m.target.amount.currency !== NO_CURRENCY ? [m.target.amount] : []));
  const first = amounts[0];
  const other = amounts.find((a) => a.currency !== first?.currency);
  if (first && other) {
    out.push(diagnostic('mixed-currencies', other.range, `${other.text} is in ${other.currency} but ${first.text} is in ${first.currency}: the milestones of one clause must use one currency, so that sales can be summed without conversion.`));
  }
}

/**
 * Every amount of a document (targets and fixed payments, in every clause) in one currency: the evaluator
 * reads one ledger against the whole document, so a USD clause beside a EUR clause would sum the same rows
 * toward both. Within one clause the targets are already checked above; this reports the first amount of
 * another clause whose currency differs from the document's first.
 */
function checkDocumentCurrency(document: DocumentNode, out: Diagnostic[]): void {
  const amounts: MoneyNode[][] = document.clauses.map((clause) => [
    ...clause.milestones.flatMap((m) => (m.target.kind === 'revenue' && m.target.amount.currency !== NO_CURRENCY ? [m.target.amount] : [])),
    ...clause.milestones.flatMap((m) => (m.payment?.kind === 'fixed' ? [m.payment.amount] : [])),
    ...clause.payments.flatMap((p) => (p.payment.kind === 'fixed' ? [p.payment.amount] : [])),
  ]);
  const first = amounts.flat()[0];
  if (!first) return;
  for (let i = 1; i < amounts.length; i++) {
    const other = amounts[i].find((a) => a.currency !== first.currency);
    if (other) {
      out.push(
        diagnostic(
          'mixed-currencies',
          other.range,
          `${other.text} is in ${other.currency} but ${first.text} (clause 1) is in ${first.currency}: the clauses of one document are evaluated against one ledger, so they must use one currency; put the clauses of each currency in their own document.`,
        ),
      );
      return;
    }
  }
}

/** At most ten items of a list, for messages: "i, ii, iii, … and 97 more". */
function listed(items: string[]): string {
  return items.length <= 10 ? items.join(', ') : `${items.slice(0, 10).join(', ')} and ${items.length - 10} more`;
}

const TARGET_NOUNS: Readonly<Record<TargetNode['kind'], string>> = {
  revenue: 'revenue',
  units: 'units sold',
  'new-customers': 'new customers',
  deals: 'deals',
};

function checkPayments(clause: ClauseNode, out: Diagnostic[]): void {
  const labels = new Set(clause.milestones.map((m) => m.label?.toLowerCase()).filter((l): l is string => !!l));
  for (const term of clause.payments) {
    if (term.scope.kind === 'milestone' && !labels.has(term.scope.label.toLowerCase())) {
      out.push(diagnostic('unknown-milestone-reference', term.scope.range, `There is no milestone '${term.scope.label}' in this clause${labels.size ? ` (its milestones are ${listed([...labels])})` : ''}.`));
    }
  }
  // Terms by the label they name, so that a clause with thousands of milestones stays linear.
  const named = new Map<string, PaymentTermNode[]>();
  for (const t of clause.payments) {
    const key = t.scope.kind === 'each' ? '' : t.scope.label.toLowerCase();
    const list = named.get(key);
    if (list) list.push(t);
    else named.set(key, [t]);
  }
  for (const m of clause.milestones) {
    const label = m.label?.toLowerCase();
    const terms = clause.payments.length === 0 ? [] : [...(named.get('') ?? []), ...(label ? named.get(label) ?? [] : [])];
    const payments = [...(m.payment ? [m.payment] : []), ...terms.map((t) => t.payment)];
    const name = m.label ? `Milestone '${m.label}'` : 'The milestone';
    if (payments.length === 0) out.push(diagnostic('no-payment', m.range, `${name} states no payment: an evaluation reports whether it was met, with no obligation.`));
    else if (payments.length > 1 && (m.payment || terms.some((t) => t.scope.kind === 'milestone'))) {
      out.push(diagnostic('conflicting-payments', m.range, `${name} has more than one payment; the most specific is used (a payment in the item itself, then one naming the milestone, then one for each milestone).`));
    }
    for (const p of payments) {
      if (countsRevenue(p) && m.target.kind !== 'revenue') {
        out.push(diagnostic('rate-needs-revenue', p.range, `A commission as a percentage of sales revenue needs a revenue milestone, but ${name.toLowerCase()} counts ${TARGET_NOUNS[m.target.kind]}.`));
      }
    }
  }
}

/** Whether a payment is computed from the milestone's sales revenue (a rate, tiers, increments). */
function countsRevenue(p: PaymentNode): boolean {
  const inner = paymentParts(p).base;
  return inner.kind === 'rate' || inner.kind === 'rate-on-excess' || inner.kind === 'tiered' || inner.kind === 'per-increment';
}

// --- progression of cumulative milestones ----------------------------------------------------

/** A cumulative deadline on a scale where deadlines can be compared without the effective date. */
function comparableDeadline(w: WindowNode): { scale: string; value: number } | null {
  switch (w.kind) {
    case 'end-of-period':
      return { scale: 'months', value: w.n * MONTHS_PER_UNIT[w.unit] };
    case 'within':
      return w.unit === 'month' ? { scale: 'months', value: w.n } : { scale: 'days', value: w.n };
    case 'by-date':
      return { scale: 'date', value: Date.parse(w.date) };
    case 'period':
    case 'recurring':
    case 'open':
    case 'date-range':
    case 'defined-period':
    case 'term':
    case 'calendar-period':
      return null;
    case 'span':
      return w.start.kind === 'effective-date' ? (w.unit === 'day' ? { scale: 'days', value: w.n - 1 } : { scale: 'months', value: w.n * (w.unit === 'year' ? 12 : 1) }) : null;
    default:
      return assertNever(w);
  }
}

/** Targets can be compared only within one metric. */
function metricKey(t: TargetNode): string {
  switch (t.kind) {
    case 'revenue':
      return `revenue:${t.basis ?? 'gross'}:${t.amount.currency}`;
    case 'units':
      return `units:${t.product?.toLowerCase() ?? ''}`;
    case 'new-customers':
    case 'deals':
      return t.kind;
    default:
      return assertNever(t);
  }
}

/** A target's exact value (decimal strings compared as decimals, not as floating point). */
const targetValue = (t: TargetNode): Dec => new Dec(t.kind === 'revenue' ? t.amount.amount : t.count);

function targetText(t: TargetNode): string {
  return t.kind === 'revenue' ? formatMoney(t.amount.amount, t.amount.currency) : `${t.count}`;
}

type Dated = { m: MilestoneNode; deadline: { scale: string; value: number } };

/**
 * Deadlines out of order and decreasing targets, in O(n log n): a clause may have thousands of
 * milestones. Each milestone gets at most one warning of each kind, so the output stays
 * proportional to the input too.
 */
function checkProgression(clause: ClauseNode, out: Diagnostic[]): void {
  const cumulative = clause.milestones
    .map((m) => ({ m, deadline: comparableDeadline(m.window) }))
    .filter((x): x is Dated => x.deadline !== null && !Number.isNaN(x.deadline.value));
  const lastOnScale = new Map<string, number>();
  for (const later of cumulative) {
    const earlier = lastOnScale.get(later.deadline.scale);
    if (earlier !== undefined && later.deadline.value < earlier) {
      out.push(diagnostic('deadlines-out-of-order', later.m.window.range, `This deadline comes before the one of the milestone listed above it; milestones are usually listed in deadline order, so check the order or the deadlines.`));
    }
    lastOnScale.set(later.deadline.scale, later.deadline.value);
  }
  // Per scale and metric, in deadline order: the highest target of any strictly earlier deadline.
  const groups = new Map<string, Dated[]>();
  for (const x of cumulative) {
    const key = `${x.deadline.scale}|${metricKey(x.m.target)}`;
    const group = groups.get(key);
    if (group) group.push(x);
    else groups.set(key, [x]);
  }
  for (const group of groups.values()) {
    const values = new Map(group.map((x) => [x, targetValue(x.m.target)]));
    const sorted = [...group].sort((a, b) => a.deadline.value - b.deadline.value);
    let highest: Dated | null = null;
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      while (j < sorted.length && sorted[j].deadline.value === sorted[i].deadline.value) j++;
      const same = sorted.slice(i, j);
      for (const b of same) {
        if (highest && values.get(b)!.eq(values.get(highest)!)) out.push(equalTargets(b.m, highest.m));
        else if (highest && values.get(b)!.lt(values.get(highest)!)) {
          out.push(
            diagnostic(
              'decreasing-targets',
              b.m.target.range,
              `This target (${targetText(b.m.target)}) is lower than an earlier deadline's (${targetText(highest.m.target)}). Targets "by" a deadline are running totals from the effective date, so this one is met whenever the earlier one is; check whether a per-period target was meant ("in the second month").`,
            ),
          );
        }
      }
      for (const a of same) if (!highest || values.get(a)!.gt(values.get(highest)!)) highest = a;
      i = j;
    }
  }
}

/** How to write a milestone's window as its own period alone, where there is one. */
function ownPeriod(w: WindowNode): string {
  return w.kind === 'end-of-period' ? `'in ${w.unit} ${w.n}'` : `a period of its own ('in the second month')`;
}

/**
 * Equal running totals: a later milestone with the same target as an earlier deadline's is met
 * the moment the earlier one is. Headed lines ("Month 1 Milestone: $50,000 …", "Month 2 Milestone:
 * $50,000 …") are usually per-month targets, but the language reads them as running totals.
 */
function equalTargets(later: MilestoneNode, earlier: MilestoneNode): Diagnostic {
  const name = (m: MilestoneNode): string => (m.label ? `'${m.label}'` : 'listed above');
  return diagnostic(
    'equal-targets',
    later.target.range,
    `This target (${targetText(later.target)}) is the same as that of milestone ${name(earlier)}, whose deadline is earlier. Targets "by" a deadline are running totals from the effective date, so this milestone is met the moment that one is. If each period has a target of its own, write the window as that period alone, ${ownPeriod(later.window)}; if the running total is meant, raise the target.`,
  );
}
