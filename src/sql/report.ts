/**
 * The rows of a compiled query → the report `evaluate` gives for the same clause, context and
 * ledger (the same `EvaluationReport` shape, notes and diagnostics), so that the CLI renders SQL
 * results with the same renderer and `--json` is the same object.
 */
import { asOfBeforeEffective } from '../evaluation/as-of-before-effective';
import { quarterReadingWarnings } from '../evaluation/quarter-reading';
import type { ClockShifts } from '../time/clock-shifts';
import { ledgerHoldsReading } from '../language/ledger-holds';
import { currencyReading } from '../evaluation/ledger-currency';
import { assertNever } from '../language/ast';
import { Dec, decimalString, formatMoney, moneyString, NO_CURRENCY } from '../values/money';
import { dayNumber, formatIsoDate, parseIsoDate, type CalendarDate } from '../time/periods';
import { settleLevelStop } from '../evaluation/payments/level-stop';
import { planLevelsNote } from '../evaluation/payments/plan-level-note';
import { isBaseQuarter, priorTotalOf, type PriorTotal } from '../evaluation/payments/prior-period';
import { growthNote, growthStatus } from '../evaluation/growth';
import { windowOver } from '../time/window-instance';
import { computedOrGrowthObligation, rateObligation, referenceWords, unresolvedSectionObligation, unresolvedSectionWarning } from '../evaluation/obligations';
import { partiesNote, UNNAMED_PARTIES, type ObligationParties } from '../evaluation/parties';
import { minimumStatus, shortfallObligation } from '../evaluation/minimum';
import { plainStatus } from '../evaluation/plain-status';
import { clawbackNote } from '../evaluation/clawback';
import { returnsNote } from '../evaluation/returns-note';
import { clawbackOf, sqlClawback } from './clawback';
import { catchUpNote } from '../evaluation/catch-up';
import { partialPeriodMinimum } from '../evaluation/partial-period';
import { progressOf } from '../evaluation/progress';
import { tierNote } from '../evaluation/payments/tier-note';
import { timingWarnings } from '../evaluation/payments/pay-day';
import { paymentParts } from '../language/payment-parts';
import type { PaymentObligation } from '../evaluation/payments/obligation-terms';
import {
  MAX_REPORTED_ERRORS,
  type EvaluationDiagnostic,
  type EvaluationReport,
  type ExplainRow,
  type MilestoneResult,
  type Obligation,
  type Status,
} from '../evaluation/evaluate';
import { windowType } from '../language/describe';
import { Notes } from '../evaluation/notes';
import { MAX_NEAR, METRICS } from '../evaluation/metrics';
import { itemSetNotes, setMetricReading } from '../evaluation/item-set-notes';
import { meets } from '../values/quantity';
import { totalsOf, type ObligationCommon } from '../evaluation/report';
import { classifyCell } from './cell-checks';
import { summaryRowIssue } from '../ledger/summary-rows';
import { measuredSettlement } from './measured';
import { finalSettlement } from '../evaluation/final-settlement';
import { incrementObligations, incrementsWanted, stepId } from './increments';
import { countedNote, noIncrementNote } from '../evaluation/increments';
import { attainmentInstance } from './attainment';
import { commitmentNote } from '../evaluation/commitment-note';
import { escalationNote } from '../evaluation/escalation';
import { quotaNote } from '../evaluation/quota-note';
import { salesMinimumNote } from '../evaluation/sales-minimum-note';
import { planBandsInstance } from './plan-bands';
import { topUpInstance, topUpNotes, topUpPeriod } from './top-up';
import { documentReadings } from '../evaluation/document-readings';
import { InstalmentSeries, instalmentsNote } from '../evaluation/instalments';
import { instalmentsOf } from '../language/check-instalments';
import { sinceOrderWarning } from '../evaluation/since-previous';
import type { SqlInstance, SqlMilestone, SqlPlan } from './plan';

/** One row of the query's result, with every value as text or a number (see compile.ts for the kinds). */
export interface SqlResultRow {
  kind: 'instance' | 'explain' | 'rows' | 'issue' | 'refund' | 'caught' | 'sum' | 'near' | 'blank';
  iid: number | null;
  seq: number | null;
  row_id: string | null;
  row_number: number | null;
  day: string | null;
  v1: string | null;
  v2: string | null;
  v3: string | null;
  v4: string | null;
  v5: string | null;
  label: string | null;
}

function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return Number(value);
}

/** Driver values (bigint, numbers, strings) → the row shape above. */
export function normalizeResultRow(raw: Record<string, unknown>): SqlResultRow {
  const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  return {
    kind: String(raw.kind) as SqlResultRow['kind'],
    iid: num(raw.iid),
    seq: num(raw.seq),
    row_id: text(raw.row_id),
    row_number: num(raw.row_number),
    day: text(raw.day),
    v1: text(raw.v1),
    v2: text(raw.v2),
    v3: text(raw.v3),
    v4: text(raw.v4),
    v5: text(raw.v5),
    label: text(raw.label),
  };
}

const dec = (text: string | null): Dec => new Dec(text ?? '0');
const decText = (text: string | null): string => decimalString(dec(text));

function labelName(m: SqlMilestone, clauses: number): string {
  const label = m.milestone.label;
  const own = label === null ? `milestone ${m.index + 1}` : /\s/.test(label) ? label : `(${label})`;
  return clauses > 1 ? `clause ${m.clauseIndex} ${own}` : own;
}

/** The parties a shortfall, top-up or table is settled between: plan.ts refuses one without them (withoutParties). */
function plannedParties(m: SqlMilestone): ObligationParties {
  if (!m.parties) throw new Error(`a ${m.payment.kind} payment without parties is refused when planned`);
  return m.parties;
}

const ISSUE_MESSAGES: Record<string, (column: string, value: string, firstRow: number | null, plan: SqlPlan, row: number) => string> = {
  'missing-column': (column) => `required column '${column}' is missing`,
  'missing-value': (column) => `required column '${column}' is empty`,
  'currency-mismatch': (_c, value, _f, plan) =>
    `currency ${value} differs from the clause's ${plan.currency}; amounts in different currencies are never summed`,
  'duplicate-id': (_c, value, firstRow) => `id ${value} was already used by row ${firstRow}; each sale must be counted once`,
  'unusual-name': (column, value) =>
    `${column} ${JSON.stringify(value)} holds Unicode spaces, doubled spaces, curly quotes, invisible marks or letters outside ASCII, which a query compiled alone does not read as the ledger reader does; evaluate with clause evaluate (with or without --engine)`,
  'summary-row': (column, value, _f, _p, row) => summaryRowIssue(row, column, value).message,
};

/** The report for a plan and its query's rows. */
/**
 * `shifts`: the ledger's local times a daylight-saving change skips or repeats, from the rows `compileClockShiftRows`
 * names (a caller that runs only the evaluation query passes none, and the report has no such note).
 */
export function reportFromRows(plan: SqlPlan, rows: readonly SqlResultRow[], shifts?: ClockShifts): EvaluationReport {
  const ctx = plan.context;
  const asOf = formatIsoDate(ctx.asOf);
  const base = { effectiveDate: plan.options.effectiveDate, timeZone: ctx.zone };
  const instances = new Map<number, SqlResultRow>();
  const explains = new Map<number, SqlResultRow[]>();
  let counts: SqlResultRow | null = null;
  const issues: SqlResultRow[] = [];
  const refunds = new Map<number, SqlResultRow>();
  /** Instances triggered by catch-up, and the instance whose crossing triggers each (catch-up.ts). */
  const caught = new Map<number, number>();
  /** The planned totals over days that are no instance's window, by index (period-sums.ts). */
  const periodTotals = new Map<number, Dec>();
  /** A set's near cells with their first evaluated row, and each set column's count of evaluated rows with no name (item-sets.ts). */
  const nearRows: SqlResultRow[] = [];
  const blankRows = new Map<string, number>();
  const periodTotal = (k: number): Dec => {
    const found = periodTotals.get(k);
    if (found === undefined) throw new Error(`the query returned no total ${k}`);
    return found;
  };
  for (const r of rows) {
    switch (r.kind) {
      case 'instance':
        instances.set(r.iid as number, r);
        break;
      case 'explain': {
        const list = explains.get(r.iid as number) ?? [];
        list.push(r);
        explains.set(r.iid as number, list);
        break;
      }
      case 'rows':
        counts = r;
        break;
      case 'issue':
        issues.push(r);
        break;
      case 'refund':
        refunds.set(r.iid as number, r);
        break;
      case 'caught':
        caught.set(r.iid as number, r.seq as number);
        break;
      case 'sum':
        periodTotals.set(r.seq as number, dec(r.v1));
        break;
      case 'near':
        nearRows.push(r);
        break;
      case 'blank':
        blankRows.set(r.label as string, Number(r.v1));
        break;
    }
  }
  const nearOf = setNear(plan, nearRows);
  if (!counts) throw new Error('the query returned no row counts');

  const errors: EvaluationDiagnostic[] = [];
  let errorCount = 0;
  const error = (e: EvaluationDiagnostic): void => {
    errorCount++;
    if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
  };
  issues.sort((a, b) => (a.row_number as number) - (b.row_number as number));
  for (const issue of issues) {
    const code = issue.label as string;
    const column = issue.row_id as string;
    const value = issue.day ?? '';
    if (code === 'cell') {
      error(classifyCell(plan, issue.row_number as number, column, value));
      continue;
    }
    const message = ISSUE_MESSAGES[code](column, value, issue.seq, plan, issue.row_number as number);
    // Key order as the ledger reader writes issues, so that --json is the same text.
    error({ row: issue.row_number as number, column, value, code: code as EvaluationDiagnostic['code'], message, severity: 'error' });
  }
  if (issues.length > 0) errorCount = Number(issues[0].v1);
  for (const m of plan.milestones) {
    if (m.payment.kind === 'schedule-missing') {
      error({
        code: 'schedule-missing-label',
        severity: 'error',
        label: m.milestone.label,
        message: `the schedule has no payment for milestone '${m.payment.label}' (${referenceWords(m.payment.payment)} refers to it)`,
      });
    }
  }
  const repeats = Number(counts.v4 ?? '0');
  if (repeats > 0) {
    error({
      code: 'duplicate-order',
      severity: 'error',
      message: `the order column repeats ${repeats} value${repeats === 1 ? '' : 's'}: ties between sales at the same instant cannot be broken by input order; give a unique row number`,
    });
  }
  // Past the evaluator's limit on increments followed, its error (the query follows at most that many per instance).
  const tooMany = errorCount === 0 ? incrementsWanted(plan.instances.flatMap((i) => (i.milestone.payment.kind === 'increments' ? [{ payment: i.milestone.payment.payment, target: i.milestone.target, total: dec(instances.get(i.id)?.v1 ?? null) }] : []))) : null;
  if (tooMany) error(tooMany);
  if (errorCount > 0) {
    const sorted = [...errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    return { ok: false, asOf, ...base, errors: sorted, errorCount, diagnostics: [] };
  }

  const total = Number(counts.seq ?? 0);
  const diagnostics: EvaluationDiagnostic[] = [];
  if (total === 0) {
    diagnostics.push({
      code: 'no-rows',
      severity: 'warning',
      message: 'the ledger has no rows (a header and nothing else): every total is 0; check that the export is complete',
    });
  }
  const notStarted = asOfBeforeEffective(ctx.effective, ctx.asOf);
  if (notStarted) diagnostics.push(notStarted);
  diagnostics.push(...quarterReadingWarnings(plan.ast, ctx.effective));
  const notes = new Notes(ctx.zone, asOf);
  // How the document was read (openings, periods, definitions, ledger, plans): the evaluator's notes, in its order.
  const holds = ledgerHoldsReading(plan.ast, plan.options.ledgerHolds);
  const currency = currencyReading(plan.ast, plan.options.ledgerCurrency);
  for (const text of [...plan.openingNotes, ...documentReadings(plan.ast, plan.periodNotes, holds.ok ? holds.note : null, currency.ok ? currency.note : null)]) notes.add(text);
  if (shifts !== undefined) {
    for (const text of shifts.notes(ctx.zone)) notes.add(text);
    const nextDay = shifts.nextDayWarning(ctx.zone);
    if (nextDay !== null) {
      diagnostics.push({ code: 'skipped-time-next-day', severity: 'warning', message: nextDay });
      notes.add(nextDay);
    }
  }

  // "payable within 60 days after the end of the Royalty Period …": no due date the clause lets tell (as in memory).
  for (const warning of timingWarnings(plan.ast.clauses.map((clause) => clause.timing ?? null))) {
    diagnostics.push(warning);
    notes.add(warning.message);
  }

  const clauses = plan.ast.clauses.length;
  const milestones: MilestoneResult[] = [];
  const obligations: Obligation[] = [];
  const warned = new Set<SqlMilestone>();
  const timing: PaymentObligation[] = [];
  const settledAtEnd = new Map<Obligation, string>();
  const incrementsOwed = new Map<Obligation, string>();
  const nearWarned = new Set<string>();
  for (const m of plan.milestones) {
    const name = labelName(m, clauses);
    const parties = m.parties;
    if (parties) notes.add(partiesNote(name, parties));
    const rowSet = m.set === null ? null : plan.sets[m.set];
    notes.reading(setMetricReading(METRICS[m.metric].reading(m.milestone.target), rowSet), name);
    const base = m.written ? paymentParts(m.written).base : null;
    if (base?.kind === 'tiered') notes.add(tierNote(name, base));
    if (m.clause.planLevels && m.milestone === m.clause.milestones[0]) notes.add(planLevelsNote(clauses > 1 ? `clause ${m.clauseIndex}: ` : '', m.clause.planLevels));
    const comparator = m.milestone.comparator;
    // With no condition written, the comparator is the payment's threshold, stated in its calculation.
    if (comparator && m.milestone.condition !== 'payment') notes.comparator(name, comparator.words, comparator.strict);
    if (m.periodWordNote !== null) notes.add(`${name}: ${m.periodWordNote}`);
    topUpNotes(name, m, ctx, notes, diagnostics);
    const w = m.window;
    notes.windowReading(name, w, asOf);
    if (m.payment.kind === 'increments' && m.payment.payment.counted !== undefined) notes.add(countedNote(name, m.payment.payment.counted));
    if (m.milestone.quota) notes.add(quotaNote(name, m.milestone.quota, new Dec(m.target)));
    notes.periodsReading(name, m.milestone, m.once && !m.firstAchievement);
    if (m.clause.salesMinimum) notes.add(salesMinimumNote(name, m.clause.salesMinimum));
    const committed = m.clause.commitment ? commitmentNote(name, m.clause.commitment) : null;
    if (committed) notes.add(committed);
    if (m.setUse && rowSet && m.set !== null) {
      const counts = { near: nearOf(m.set), blank: blankRows.get(rowSet.field) ?? 0 };
      itemSetNotes(name, m.setUse, rowSet, m.payment.kind === 'rate' || m.payment.kind === 'computed', counts, { notes, diagnostics, nearWarned });
    }
    if (m.growth) notes.add(`${name}: ${growthNote(m.growth)}`);
    if (m.clause.clawback) notes.add(`${name}: ${clawbackNote(m.clause.clawback)}`);
    if (m.clause.returns) notes.add(`${name}: ${returnsNote(m.clause.returns)}`);
    const clawback = sqlClawback(m);
    // Paid in instalments: the evaluator's own series gives each met year its share, its words and its due date.
    const parted = instalmentsOf(m.milestone);
    const dueAtYearEnd = !m.clause.timing && !m.clause.payDay;
    const series = parted ? new InstalmentSeries(parted.instalments, parted.payment, dueAtYearEnd) : null;
    if (parted) notes.add(instalmentsNote(name, parted.instalments, parted.payment, dueAtYearEnd));
    // A rate owed per period until a level: settled once after the instances, from the first crossing among them.
    const level = m.levelStop ? { crossingDay: null as number | null, instName: null as string | null } : null;
    for (const inst of m.instances) {
      // A base year's quarter is only what a later quarter is compared with: its rows are used, the quarter is not tested.
      if (m.growth && isBaseQuarter(m.growth, inst.window)) continue;
      notes.add(`${name}: ${inst.window.explanation}`);
      const escalated = escalationNote(name, m.milestone, m.clause.commitment?.escalation, inst.window, { target: inst.target, ...inst.escalation });
      if (escalated) notes.add(escalated);
      const own = instances.get(inst.id);
      if (!own) throw new Error(`the query returned no row for instance ${inst.id}`);
      // Triggered by catch-up: the crossing (row, day, the total before it, the rows before it) is the triggering instance's; the totals stay its own.
      const by = caught.get(inst.id);
      const byRow = by === undefined ? undefined : instances.get(by);
      const row: SqlResultRow = byRow ? { ...byRow, v1: own.v1, v4: own.v4, v5: own.v5 } : own;
      const reached = row.row_id !== null;
      const totalDec = dec(row.v1);
      const targetDec = new Dec(inst.target);
      const over = windowOver(inst.window, plan.aDay);
      const shortfall = m.payment.kind === 'shortfall' ? m.payment : null;
      // A minimum is judged on the period's total once the period is over (minimum.ts); a reward is met at its crossing row.
      const topUp = topUpPeriod(m.clause, m.milestone, totalDec, over, plan.currency, counts.label);
      // A rate on the growth: the quarter a year before, its total from the query (none when it begins before E).
      const prior = inst.prior ? priorTotalOf(inst.prior.span, plan.eDay, () => periodTotal(inst.prior?.sum as number)) : null;
      const status: Status = prior ? growthStatus(prior, totalDec, over) : topUp ? topUp.status : shortfall || m.payment.kind === 'attainment' ? minimumStatus(reached, totalDec, targetDec, over) : plainStatus(reached, over);
      // A minimum missed on the period's total was not achieved, whatever row once reached it.
      // A growth is known once the quarter is over, on its whole total: no row achieves it.
      const met = reached && status === 'met' && !prior;
      const shownTarget = prior?.kind === 'total' ? prior.total : targetDec;
      const explain: ExplainRow[] = (explains.get(by ?? inst.id) ?? [])
        .sort((a, b) => (b.seq as number) - (a.seq as number))
        .map((e) => ({ id: e.row_id as string, row: e.row_number as number, date: e.day as string, contribution: decText(e.v1), runningTotal: decText(e.v2) }));
      const result: MilestoneResult = {
        clause: m.clauseIndex,
        label: m.milestone.label,
        period: inst.window.period,
        metric: m.metric,
        product: m.milestone.target.kind === 'units' ? m.milestone.target.product : null,
        // A growth over a quarter whose total is not counted has no target to show: not "0", and no progress.
        target: prior?.kind === 'incomplete' ? null : decimalString(shownTarget),
        currency: m.milestone.target.kind === 'revenue' && m.milestone.target.amount.currency !== NO_CURRENCY ? m.milestone.target.amount.currency : null,
        windowType: windowType(w),
        windowStart: inst.window.windowStart,
        deadline: inst.window.deadline,
        status,
        achievedAt: met ? row.day : prior && status === 'met' ? inst.window.deadline : null,
        achievedBy: met ? row.row_id : null,
        achievedByRow: met ? row.row_number : null,
        total: decimalString(totalDec),
        progress: prior?.kind === 'incomplete' ? null : progressOf(totalDec, shownTarget, m.strict),
        crossing: met ? { runningTotalBeforeDay: decText(row.v3), rows: explain } : null,
      };
      // A period word's window has no deadline: a period that falls short is not a missed milestone.
      if (m.firstAchievement && status === 'missed') continue;
      milestones.push(result);
      const instName = inst.window.period === null ? name : `${name} instance ${inst.window.period}`;
      const byInstance = by === undefined ? undefined : plan.instances[by];
      if (byInstance) notes.add(catchUpNote(instName, result.achievedAt, labelName(byInstance.milestone, clauses), row.row_id as string, result.total));
      if (shortfall) {
        if (status === 'missed') partialPeriodMinimum(instName, inst.window, result, 'minimum', diagnostics, notes);
        const owed = shortfallObligation(m.milestone, shortfall.payment, result, {
          common: { clause: m.clauseIndex, label: m.milestone.label, period: inst.window.period, ...plannedParties(m) },
          name: instName,
          diagnostics,
        });
        notes.add(owed.note);
        if (owed.obligation) obligations.push(owed.obligation);
        continue;
      }
      if (topUp) {
        const common = { clause: m.clauseIndex, label: m.milestone.label, period: inst.window.period, ...plannedParties(m) };
        const rateOwed = (owed: MilestoneResult): Obligation | null => obligationOf(plan, m, inst, owed, row, counts.label, name, diagnostics, warned);
        const owed = topUpInstance(topUp, result, inst.window, over, rateOwed, { common, name: instName, asOf, diagnostics, notes });
        obligations.push(...owed.obligations);
        if (owed.settledAtEnd) settledAtEnd.set(owed.settledAtEnd, instName);
        continue;
      }
      if (m.payment.kind === 'attainment') {
        const common = { clause: m.clauseIndex, label: m.milestone.label, period: inst.window.period, ...plannedParties(m) };
        const owed = attainmentInstance(m.milestone, m.payment.payment, result, inst.window, over, { common, name: instName, diagnostics, notes });
        if (owed) obligations.push(owed);
        continue;
      }
      if (met && !clawback && !byInstance && !meets(totalDec, targetDec, m.strict)) notes.metAndRefunded(instName, result.achievedAt, result.achievedBy as string, result.total);
      if (level) {
        level.crossingDay ??= met ? dayNumber(parseIsoDate(row.day as string) as CalendarDate) : null;
        level.instName ??= instName;
        continue;
      }
      if (m.payment.kind === 'increments') {
        // One obligation per completed increment, at the row completing it (its step instance's crossing); none at the threshold's own.
        const owed = incrementObligations(
          { iid: inst.id, payment: m.payment.payment, target: m.target, milestone: m.milestone },
          totalDec,
          (k) => {
            const step = instances.get(stepId(inst.id, k));
            return step && step.row_id !== null && step.day !== null ? { day: step.day, id: step.row_id } : null;
          },
          { clause: m.clauseIndex, label: m.milestone.label, period: inst.window.period, ...(parties ?? UNNAMED_PARTIES) },
          m.payment.source,
        );
        if (owed.steps === 0) notes.add(noIncrementNote(instName, result.total));
        for (const obligation of owed.obligations) {
          obligations.push(obligation);
          notes.add(`${instName}: ${obligation.explanation}`);
          if (m.written) timing.push({ obligation, payment: m.written, name: instName });
          incrementsOwed.set(obligation, instName);
        }
        if (met && m.stopsAtFirstMet) break;
        continue;
      }
      // A measured amount is settled at the window's end (measured.ts); any other is owed at the crossing row.
      const settlement = measuredSettlement(m.written, inst.window, plan.aDay, met ? { by: row.row_id as string, at: result.achievedAt as string } : null, prior !== null);
      if (settlement?.kind === 'open' || settlement?.kind === 'accruing') notes.add(`${instName}: ${settlement.note}`);
      if (settlement ? settlement.kind === 'owed' || settlement.kind === 'accruing' : met) {
        const owed = settlement?.kind === 'owed' || settlement?.kind === 'accruing' ? { ...result, achievedAt: settlement.at, achievedBy: settlement.by } : result;
        const whole = obligationOf(plan, m, inst, owed, row, counts.label, name, diagnostics, warned, prior);
        const obligation = whole && series && m.payment.kind === 'constant' ? series.instalment(whole, result.deadline, m.payment.source) : whole;
        if (obligation) {
          obligations.push(obligation);
          notes.add(`${instName}: ${obligation.explanation}`);
          if (m.written) timing.push({ obligation, payment: m.written, name: instName });
          const back = byInstance ? null : clawbackOf(clawback, obligation, refunds.get(inst.id), result.total);
          if (back) {
            obligations.push(back);
            notes.add(`${instName}: ${back.explanation}`);
          }
          if (settlement) settledAtEnd.set(obligation, instName);
        }
      }
      const bands = planBandsInstance(m.clause, result, inst.window, dec(row.v4), over, {
        common: { clause: m.clauseIndex, label: m.milestone.label, period: inst.window.period, triggeredAt: result.deadline, triggeredBy: null, ...(parties ?? UNNAMED_PARTIES) },
        target: targetDec, currency: plan.currency ?? counts.label, countedTo: Math.min(inst.window.endDay - 1, plan.aDay), name, instName, asOf, diagnostics, notes,
      });
      if (bands) {
        obligations.push(bands);
        settledAtEnd.set(bands, instName);
      }
      // Paid once: the periods after the first met one are neither reported nor paid; in instalments, after the last one.
      if (met && m.stopsAtFirstMet) break;
      if (series?.done) break;
    }
    if (m.levelStop && level && level.instName !== null) {
      const settled = settleLevelStop({
        stop: m.levelStop.stop,
        paymentName: m.clause.definition?.name ?? name,
        percent: m.levelStop.percent,
        level: new Dec(m.target),
        periodTotal: (p) => periodTotal(m.levelStop?.sums[m.levelStop.periods.indexOf(p)] as number),
        periods: m.levelStop.periods,
        crossingIndex: level.crossingDay,
        asOfDay: plan.aDay,
        currency: plan.currency ?? counts.label,
        clause: m.clauseIndex,
        label: m.milestone.label,
        parties,
        name,
        instName: level.instName,
      });
      for (const text of settled.notes) notes.add(text);
      for (const obligation of settled.obligations) {
        obligations.push(obligation);
        if (m.written) timing.push({ obligation, payment: m.written, name: level.instName });
      }
      diagnostics.push(...settled.diagnostics);
    }
  }
  // Caps, floors, due dates, pay days and amounts that come to nothing, once every obligation is known: the evaluator's own code.
  finalSettlement(ctx.effective, plan.ast.clauses.map((clause) => clause.payDay ?? null), obligations, { timing, settledAtEnd, incrementsOwed }, (text) => notes.add(text));
  const before = Number(counts.v1);
  const after = Number(counts.v2);
  const used = Number(counts.v3);
  notes.rowsBeforeEffectiveDate(before);
  return {
    ok: true,
    asOf,
    effectiveDate: formatIsoDate(ctx.effective),
    timeZone: ctx.zone,
    milestones,
    obligations,
    totals: totalsOf(obligations),
    rows: {
      total,
      used,
      ignored: { 'before-effective-date': before, 'after-as-of': after, 'outside-every-window': total - before - after - used },
    },
    notes: notes.list(),
    diagnostics,
  };
}

function obligationOf(
  plan: SqlPlan,
  m: SqlMilestone,
  inst: SqlInstance,
  result: MilestoneResult,
  row: SqlResultRow,
  firstRowCurrency: string | null,
  name: string,
  diagnostics: EvaluationDiagnostic[],
  warned: Set<SqlMilestone>,
  prior: PriorTotal | null = null,
): Obligation | null {
  const common: ObligationCommon = {
    clause: m.clauseIndex,
    label: m.milestone.label,
    period: inst.window.period,
    triggeredAt: result.achievedAt as string,
    triggeredBy: result.achievedBy as string,
    ...(m.parties ?? UNNAMED_PARTIES),
  };
  const pay = m.payment;
  switch (pay.kind) {
    case 'none':
      if (!warned.has(m)) {
        warned.add(m);
        diagnostics.push({ code: 'no-payment', severity: 'info', label: m.milestone.label, message: `${name} is met but the clause states no payment for it` });
      }
      return null;
    case 'constant': {
      if (pay.basis === 'schedule' && plan.currency !== null && pay.currency !== plan.currency && !warned.has(m)) {
        warned.add(m);
        diagnostics.push({
          code: 'schedule-currency',
          severity: 'warning',
          label: m.milestone.label,
          message: `the schedule is in ${pay.currency} but the clause is in ${plan.currency}; obligations are reported in ${pay.currency}`,
        });
      }
      // The item's own amount (a row triggered by catch-up carries the triggering milestone's).
      const amount = new Dec(pay.amount);
      const explanation =
        pay.basis === 'schedule' && (pay.payment.kind === 'section' || pay.payment.kind === 'unstated')
          ? `${formatMoney(amount, pay.currency)} from the schedule for '${m.milestone.label ?? String(m.index + 1)}' (${referenceWords(pay.payment)}, ${pay.source})`
          : `${formatMoney(amount, pay.currency)}, ${pay.source}`;
      return { ...common, amount: moneyString(amount, pay.currency), currency: pay.currency, basis: pay.basis, explanation };
    }
    case 'unresolved': {
      if (!warned.has(m)) {
        warned.add(m);
        diagnostics.push(unresolvedSectionWarning(name, m.milestone.label, pay.payment));
      }
      return { ...common, ...unresolvedSectionObligation(pay.payment, pay.source, plan.currency) };
    }
    case 'schedule-missing':
      throw new Error('a schedule without the label fails the evaluation before obligations');
    case 'rate': {
      const order = m.since && !warned.has(m) ? sinceOrderWarning(m.since, inst.window, name, m.milestone.label) : null;
      if (order) {
        warned.add(m);
        diagnostics.push(order);
      }
      // The revenue comes from the query (from `payFrom` for a rate since the previous milestone); the amount, its rounding and its words are the evaluator's.
      return rateObligation(pay.percent, pay.basis, dec(row.v4), {
        common,
        currency: plan.currency ?? firstRowCurrency,
        window: inst.window,
        countedTo: Math.min(inst.window.endDay - 1, plan.aDay),
        name,
        diagnostics,
        ...(m.since ? { since: m.since } : {}),
      });
    }
    case 'shortfall':
      throw new Error('a shortfall is owed on the period total, not at a crossing row');
    case 'increments':
      throw new Error('an amount per increment is owed at the rows completing the increments, not at the crossing row');
    case 'attainment':
      throw new Error('an attainment table is paid on the period total, not at a crossing row');
    case 'computed':
      return computedOrGrowthObligation(pay.payment, dec(row.v4), prior ?? undefined, {
        common,
        target: new Dec(m.target),
        currency: plan.currency ?? firstRowCurrency,
        window: inst.window,
        countedTo: Math.min(inst.window.endDay - 1, plan.aDay),
        source: pay.source,
        name,
        diagnostics,
      });
    default:
      return assertNever(pay);
  }
}

/**
 * Each set's near cells as the evaluator keeps them (SetSums.near): by the name the reader makes of the cell, in the order
 * of its first evaluated row, at most MAX_NEAR names.
 */
function setNear(plan: SqlPlan, rows: readonly SqlResultRow[]): (set: number) => Array<readonly [string, string]> {
  return (set) => {
    const judged = plan.setCells?.near[set] ?? [];
    const first = new Map<string, { row: number; member: string }>();
    for (const r of rows) {
      if (r.seq !== set) continue;
      const cell = judged.find((x) => x.cell === r.label);
      if (!cell) throw new Error(`the query returned a near cell the plan did not bind: ${r.label}`);
      const row = r.row_number as number;
      const seen = first.get(cell.name);
      if (!seen || row < seen.row) first.set(cell.name, { row, member: cell.member });
    }
    return [...first.entries()].sort((a, b) => a[1].row - b[1].row).slice(0, MAX_NEAR).map(([name, x]) => [name, x.member] as const);
  };
}
