/**
 * The chart: for each metric, the running total over time against each milestone's target and
 * deadline, with a marker where a milestone was met. Drawn as inline SVG from the evaluation report
 * and the engine's per-day series (exact, from the same sums as the report); numbers are made of
 * them only to place points on the drawing.
 */
import { runningTotals, type ChartSeries, type EvaluationSuccess, type MilestoneResult } from '@engine/evaluation/evaluate';
import type { DocumentNode, LimitedPaymentNode, UnlimitedPaymentNode } from '@engine/language/ast';
import { paymentFor, statedMoney } from '@engine/language/describe';
import { paymentParts } from '@engine/language/payment-parts';
import { resolveBands } from '@engine/language/tier-bands';
import { calculate, type ComputedPayment } from '@engine/evaluation/payments/calculation';
import { computedThreshold, paymentBaseMetric } from '@engine/evaluation/payments/computed-payment';
import { Dec } from '@engine/values/money';
import { dayNumber, fromDayNumber, formatIsoDate, parseIsoDate } from '@engine/time/periods';
import { h, s } from './dom';

const METRIC_NAME: Record<MilestoneResult['metric'], string> = {
  'gross-revenue': 'Gross sales revenue',
  'net-revenue': 'Net sales revenue',
  units: 'Units sold',
  deals: 'Deals (rows with a positive amount)',
  'new-customers': 'New customers',
};

const COLORS = ['#1f5fbf', '#b2431a', '#1d7a3e', '#7a3ea1', '#8a6d00', '#006d77'];

const day = (iso: string): number => {
  const d = parseIsoDate(iso);
  return d ? dayNumber(d) : NaN;
};

interface Line {
  from: number;
  to: number;
  points: Array<[number, number]>;
  /** The exact total at the end of the line (the engine's figure), and as a number for drawing. */
  exact: string;
  total: number;
}

/** The step line of the running total over days [from, to], inclusive, from the engine's exact totals. */
function runningLine(series: ChartSeries | undefined, from: number, to: number): Line {
  const points: Array<[number, number]> = [[from, 0]];
  if (series === undefined) return { from, to, points: [...points, [to + 1, 0]], exact: '0', total: 0 };
  const { steps, total } = runningTotals(series, formatIsoDate(fromDayNumber(from)), formatIsoDate(fromDayNumber(to)));
  let previous = 0;
  for (const step of steps) {
    const d = day(step.date);
    const value = Number(step.total);
    points.push([d, previous], [d, value]);
    previous = value;
  }
  points.push([to + 1, previous]);
  return { from, to, points, exact: total, total: Number(total) };
}

/** The engine's series for a chart panel's metric and product (products compared as the engine does). */
function seriesOf(all: readonly ChartSeries[], metric: MilestoneResult['metric'], product: string | null): ChartSeries | undefined {
  const key = (p: string | null): string | null => (p === null ? null : p.trim().toLowerCase());
  return all.find((c) => c.metric === metric && key(c.product) === key(product));
}

/** A round step for about `count` intervals up to `max`: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(max: number, count: number): number {
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((m) => m >= rough) ?? 10 * power;
  return count > 1 && max / step < 2 ? step / 2 : step;
}

/** Day numbers of the 1st of each month in [from, to), thinned to at most `max` of them. */
function monthTicks(from: number, to: number, max: number): number[] {
  const start = fromDayNumber(from);
  const out: number[] = [];
  for (let y = start.year, m = start.month; ; m === 12 ? (y++, (m = 1)) : m++) {
    const d = dayNumber({ year: y, month: m, day: 1 });
    if (d >= to) break;
    if (d >= from) out.push(d);
  }
  const every = Math.ceil(out.length / max);
  return out.filter((_, i) => i % every === 0);
}

function compact(value: number): string {
  return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}


/** A horizontal reference line over a window: a tier band boundary, a threshold, a cap or a floor. */
interface RefLine {
  kind: 'tier-boundary' | 'threshold' | 'cap' | 'floor';
  /** The exact level (decimal string), as the clause states it. */
  value: string;
  from: number;
  to: number;
  label: string;
}

/** What the chart draws for one milestone's payment, read from the clause with the library's own rules. */
interface PaymentView {
  base: UnlimitedPaymentNode;
  limited: LimitedPaymentNode | null;
  /** The metric the payment is computed on (the evaluator's metric table), or null for a fixed amount or a section. */
  metric: MilestoneResult['metric'] | null;
}

function paymentView(ast: DocumentNode, m: MilestoneResult): PaymentView | null {
  const clause = ast.clauses[m.clause - 1];
  if (!clause) return null;
  const node = clause.milestones.find((x) => x.label === m.label) ?? (clause.milestones.length === 1 ? clause.milestones[0] : undefined);
  if (!node) return null;
  const found = paymentFor(node, clause);
  if (!found) return null;
  const parts = paymentParts(found.payment);
  return { base: parts.base, limited: parts.limited, metric: paymentBaseMetric(parts.base) };
}

/** Where a computed payment's rate changes, on its base: tier band boundaries and the threshold of an excess or an increment. */
function baseLevels(view: PaymentView, m: MilestoneResult, currency: string): Array<Pick<RefLine, 'kind' | 'value' | 'label'>> {
  const money = (v: string): string => statedMoney(v, currency);
  const p = view.base;
  switch (p.kind) {
    case 'tiered':
      return resolveBands(p)
        .filter((b) => b.index > 0)
        .map((b) => ({ kind: 'tier-boundary' as const, value: new Dec(b.from).toFixed(), label: `band ${b.index + 1}: ${b.percent}% ${b.fromInclusive ? 'from' : 'above'} ${money(b.from)}` }));
    case 'rate-on-excess':
    case 'per-increment': {
      if (m.target === null) return [];
      const t = computedThreshold(p, new Dec(m.target));
      if (t === null || t.isZero()) return [];
      const what = p.kind === 'rate-on-excess' ? `${p.percent}% above` : `${money(p.amount.amount)} per ${money(p.increment.amount)} above`;
      return [{ kind: 'threshold', value: t.toFixed(), label: `${what} ${money(t.toFixed())}` }];
    }
    default:
      return [];
  }
}

interface Panel {
  key: string;
  metric: MilestoneResult['metric'];
  product: string | null;
  currency: string | null;
  /** Milestones whose targets this panel draws. */
  milestones: MilestoneResult[];
  refs: RefLine[];
}

const W = 960;
const PANEL_H = 210;
const M = { left: 64, right: 96, top: 40, bottom: 34 };

export function renderChart(container: HTMLElement, report: EvaluationSuccess, allSeries: readonly ChartSeries[], ast: DocumentNode | null): void {
  const effectiveDay = day(report.effectiveDate);
  const asOfDay = day(report.asOf);
  const panels = new Map<string, Panel>();
  const panelOf = (metric: MilestoneResult['metric'], product: string | null, currency: string | null): Panel => {
    const key = `${metric}\u0000${product ?? ''}`;
    let p = panels.get(key);
    if (!p) panels.set(key, (p = { key, metric, product, currency, milestones: [], refs: [] }));
    return p;
  };
  for (const m of report.milestones) panelOf(m.metric, m.product, m.currency).milestones.push(m);
  // Tier boundaries and thresholds go on the panel of the metric the payment is computed on, over each
  // window it is computed for; caps and floors on a panel of the payment itself.
  const payments: Array<{ m: MilestoneResult; view: PaymentView; currency: string }> = [];
  for (const m of report.milestones) {
    const view = ast ? paymentView(ast, m) : null;
    if (!view || view.metric === null) continue;
    const currency = m.currency ?? report.obligations.find((o) => o.clause === m.clause && o.label === m.label)?.currency ?? null;
    if (currency === null) continue;
    const from = day(m.windowStart);
    const to = day(m.deadline) + 1;
    const panel = panelOf(view.metric, null, currency);
    for (const level of baseLevels(view, m, currency)) {
      if (!panel.refs.some((r) => r.value === level.value && r.from === from && r.to === to)) panel.refs.push({ ...level, from, to });
    }
    if (view.limited) payments.push({ m, view, currency });
  }
  const paymentPanels = new Map<string, typeof payments>();
  for (const entry of payments) {
    const key = `${entry.m.clause}\u0000${entry.m.label ?? ''}`;
    paymentPanels.set(key, [...(paymentPanels.get(key) ?? []), entry]);
  }
  if (panels.size === 0) {
    container.replaceChildren(h('p', { class: 'muted' }, 'No milestones to chart.'));
    return;
  }
  const lastDay = Math.max(asOfDay, ...report.milestones.map((m) => day(m.deadline))) + 1;
  const height = (panels.size + paymentPanels.size) * PANEL_H;
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${height}`,
    width: '100%',
    role: 'img',
    'aria-labelledby': 'chart-title chart-desc',
    class: 'chart-svg',
    preserveAspectRatio: 'xMidYMin meet',
  });
  svg.append(
    s('title', { id: 'chart-title' }, 'Running totals against milestone targets'),
    s(
      'desc',
      { id: 'chart-desc' },
      `From ${report.effectiveDate} to ${formatIsoDate(fromDayNumber(lastDay - 1))}, one panel per metric${paymentPanels.size ? ', and one per capped payment' : ''}. The results table has the same figures as text.`,
    ),
  );
  const x = (d: number): number => M.left + ((d - effectiveDay) / Math.max(1, lastDay - effectiveDay)) * (W - M.left - M.right);
  const frame = { x, effectiveDay, asOfDay, lastDay, report };
  let top = 0;
  for (const panel of panels.values()) {
    svg.append(metricPanel(panel, seriesOf(allSeries, panel.metric, panel.product), top, frame));
    top += PANEL_H;
  }
  for (const entries of paymentPanels.values()) {
    svg.append(paymentPanel(entries, allSeries, top, frame));
    top += PANEL_H;
  }
  container.replaceChildren(
    svg,
    h(
      'p',
      { class: 'chart-legend' },
      h('span', { class: 'legend-line' }, '—'),
      ' running total from the effective date (black) and within each period window (in the milestone\'s colour)  ',
      h('span', { class: 'legend-dash' }, '- -'),
      ' target over its window, ending at the deadline  ● met  ✕ missed  ',
      h('span', { class: 'legend-asof' }, '┆'),
      ' as-of date  ',
      h('span', { class: 'legend-ref' }, '···'),
      ' tier band boundary, threshold, cap or minimum of a payment',
    ),
  );
}

interface Frame {
  x: (d: number) => number;
  effectiveDay: number;
  asOfDay: number;
  lastDay: number;
  report: EvaluationSuccess;
}

/** The axes, grid, date ticks and as-of line of a panel whose values run to `highest`; returns the y scale. */
function axes(g: SVGElement, top: number, highest: number, counted: boolean, f: Frame): { y: (v: number) => number; maxY: number; bottom: number } {
  const step = counted ? Math.max(1, Math.round(niceStep(highest, 4))) : niceStep(highest, 4);
  const maxY = Math.ceil((highest * 1.05) / step) * step;
  const y = (v: number): number => top + M.top + (1 - v / maxY) * (PANEL_H - M.top - M.bottom);
  const bottom = top + PANEL_H - M.bottom;
  g.append(s('line', { x1: M.left, x2: W - M.right, y1: bottom, y2: bottom, class: 'axis' }));
  g.append(s('line', { x1: M.left, x2: M.left, y1: top + M.top, y2: bottom, class: 'axis' }));
  for (let v = 0; v <= maxY + step / 2; v += step) {
    g.append(s('line', { x1: M.left - 4, x2: W - M.right, y1: y(v), y2: y(v), class: 'grid' }));
    g.append(s('text', { x: M.left - 8, y: y(v) + 4, class: 'tick', 'text-anchor': 'end' }, compact(v)));
  }
  const { x } = f;
  let lastTick = -Infinity;
  for (const d of [f.effectiveDay, ...monthTicks(f.effectiveDay + 1, f.lastDay, 12)]) {
    if (x(d) - lastTick < 80 || x(d) > W - M.right - 30) continue; // keep labels apart
    lastTick = x(d);
    g.append(s('line', { x1: x(d), x2: x(d), y1: bottom, y2: bottom + 4, class: 'axis' }));
    g.append(s('text', { x: x(d), y: bottom + 16, class: 'tick', 'text-anchor': d === f.effectiveDay ? 'start' : 'middle' }, formatIsoDate(fromDayNumber(d))));
  }
  g.append(s('line', { x1: x(f.asOfDay + 1), x2: x(f.asOfDay + 1), y1: top + M.top - 6, y2: bottom, class: 'asof' }));
  // (the heading sits above the as-of label: top + 16 against top + M.top - 9)
  g.append(s('text', { x: x(f.asOfDay + 1), y: top + M.top - 9, class: 'tick', 'text-anchor': 'middle' }, `as of ${f.report.asOf}`));
  return { y, maxY, bottom };
}

/** Reference lines: dotted, labelled at their left end, with the exact level in `data-value`. */
function drawRefs(g: SVGElement, refs: readonly RefLine[], y: (v: number) => number, f: Frame): void {
  // A level repeated over many windows (a band boundary in each month) is labelled once.
  const labelled = new Set<string>();
  for (const r of refs) {
    const x1 = f.x(r.from);
    const x2 = f.x(Math.min(r.to, f.lastDay));
    const ref = s('g', { class: `ref-line ${r.kind}`, 'data-kind': r.kind, 'data-value': r.value });
    ref.append(s('line', { x1, x2, y1: y(Number(r.value)), y2: y(Number(r.value)) }, s('title', {}, r.label)));
    if (!labelled.has(r.label)) ref.append(s('text', { x: x1 + 4, y: y(Number(r.value)) - 4, class: 'ref-label' }, r.label));
    labelled.add(r.label);
    g.append(ref);
  }
}

function metricPanel(panel: Panel, series: ChartSeries | undefined, top: number, f: Frame): SVGElement {
  const { x, effectiveDay, asOfDay } = f;
  const milestones = panel.milestones;
  const lines = new Map<string, Line & { color: string }>();
  milestones.forEach((m, i) => {
    const from = day(m.windowStart);
    const to = Math.min(day(m.deadline), asOfDay);
    if (to < from) return;
    const key = `${from}:${to}`;
    if (!lines.has(key)) lines.set(key, { ...runningLine(series, from, to), color: COLORS[i % COLORS.length] });
  });
  // The payment windows of a panel drawn only for a payment's base.
  for (const r of panel.refs) {
    const to = Math.min(r.to - 1, asOfDay);
    const key = `${r.from}:${to}`;
    if (to >= r.from && !lines.has(key)) lines.set(key, { ...runningLine(series, r.from, to), color: COLORS[lines.size % COLORS.length] });
  }
  // The cumulative line to the as-of date, so progress beyond the last deadline shows too.
  const whole = runningLine(series, effectiveDay, asOfDay);
  const highest = Math.max(1, whole.total, ...[...lines.values()].map((l) => l.total), ...milestones.map((m) => Number(m.target ?? 0)), ...panel.refs.map((r) => Number(r.value)));
  const counted = panel.metric === 'deals' || panel.metric === 'new-customers';
  const g = s('g', { class: 'chart-panel', 'data-metric': panel.metric });
  const titleText = `${METRIC_NAME[panel.metric]}${panel.product ? ` of "${panel.product}"` : ''}${panel.currency ? ` (${panel.currency})` : ''}`;
  g.append(s('text', { x: M.left, y: top + 16, class: 'chart-heading' }, titleText));
  const { y, maxY, bottom } = axes(g, top, highest, counted, f);
  drawRefs(g, panel.refs, y, f);
  // the running totals
  const path = (l: Line): string => l.points.map(([d, v], i) => `${i === 0 ? 'M' : 'L'}${x(d).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  g.append(s('path', { d: path(whole), class: 'running whole' }, s('title', {}, `Running total from the effective date: ${compact(whole.total)}`)));
  for (const l of lines.values()) {
    if (l.from === effectiveDay) continue; // the same as the start of the cumulative line
    g.append(s('path', { d: path(l), class: 'running window', style: `stroke: ${l.color}` }, s('title', {}, `Running total in the window ${formatIsoDate(fromDayNumber(l.from))} to ${formatIsoDate(fromDayNumber(l.to))}: ${compact(l.total)}`)));
  }
  // targets, deadlines and markers
  milestones.forEach((m, i) => {
    // A target that cannot be told (a growth over a quarter before the effective date) has no line to draw.
    if (m.target === null) return;
    const color = COLORS[i % COLORS.length];
    const from = day(m.windowStart);
    const deadline = day(m.deadline) + 1;
    const target = Number(m.target);
    const name = `${m.label ? `(${m.label})` : 'milestone'}${m.period !== null ? ` #${m.period}` : ''}`;
    const drawn = lines.get(`${from}:${Math.min(day(m.deadline), asOfDay)}`)?.exact ?? '0';
    // What the chart drew for this window, beside what the engine computed: they must agree.
    const gm = s('g', { class: `milestone status-${m.status}`, 'data-label': m.label ?? '', 'data-drawn-total': drawn, 'data-total': m.total });
    gm.append(s('line', { x1: x(from), x2: x(deadline), y1: y(target), y2: y(target), stroke: color, class: 'target' }));
    gm.append(s('line', { x1: x(deadline), x2: x(deadline), y1: y(target) - 6, y2: bottom, stroke: color, class: 'deadline' }));
    if (m.period === null || milestones.length <= 4) {
      gm.append(s('text', { x: x(deadline) + 4, y: y(target) - 5, fill: color, class: 'target-label' }, `${name} ${compact(target)}`));
    }
    if (m.status === 'met' && m.achievedAt) {
      const at = day(m.achievedAt);
      gm.append(s('circle', { cx: x(at), cy: y(target), r: 5.5, fill: color, class: 'met-marker' }, s('title', {}, `${name} met on ${m.achievedAt} by row ${m.achievedBy}`)));
    } else if (m.status === 'missed') {
      const cx = x(deadline), cy = y(Math.min(Number(m.total), maxY));
      gm.append(
        s('path', { d: `M${cx - 5},${cy - 5} L${cx + 5},${cy + 5} M${cx - 5},${cy + 5} L${cx + 5},${cy - 5}`, stroke: color, class: 'missed-marker' }, s('title', {}, `${name} missed: ${m.total} of ${m.target} by ${m.deadline}`)),
      );
    }
    g.append(gm);
  });
  return g;
}

/**
 * A capped or floored payment: over each window it is computed for, the amount the window's base
 * would pay so far before the cap and floor (the library's own calculation at each day the base
 * changes), against the cap and the minimum as reference lines.
 */
function paymentPanel(entries: ReadonlyArray<{ m: MilestoneResult; view: PaymentView; currency: string }>, allSeries: readonly ChartSeries[], top: number, f: Frame): SVGElement {
  const { x, asOfDay } = f;
  const first = entries[0];
  const { view, currency } = first;
  const series = view.metric === null ? undefined : seriesOf(allSeries, view.metric, null);
  const name = first.m.label ? `(${first.m.label})` : 'the milestone';
  const refs: RefLine[] = [];
  const from = Math.min(...entries.map((e) => day(e.m.windowStart)));
  const to = Math.max(...entries.map((e) => day(e.m.deadline) + 1));
  const cap = view.limited?.cap;
  const floor = view.limited?.floor;
  if (cap) refs.push({ kind: 'cap', value: new Dec(cap.amount.amount).toFixed(), from, to, label: `cap ${statedMoney(cap.amount.amount, currency)}${cap.per === 'payment' ? ' a payment' : ` in each contract ${cap.per}`}` });
  if (floor) refs.push({ kind: 'floor', value: new Dec(floor.amount.amount).toFixed(), from, to, label: `minimum ${statedMoney(floor.amount.amount, currency)}` });
  const paths: Array<{ points: Array<[number, number]>; exact: string }> = [];
  for (const { m } of entries) {
    const start = day(m.windowStart);
    const end = Math.min(day(m.deadline), asOfDay);
    if (end < start) continue;
    const line = runningLine(series, start, end);
    const amountAt = (base: number | string): string =>
      isComputed(view.base) ? calculate(view.base, new Dec(base), thresholdOf(view, m), currency).calculation.amount : '0';
    // The base's exact totals step by step; each is paid through the library's calculation.
    const { steps } = series ? runningTotals(series, m.windowStart, formatIsoDate(fromDayNumber(end))) : { steps: [] };
    const points: Array<[number, number]> = [[start, Number(amountAt(0))]];
    let previous = points[0][1];
    let exact = amountAt(0);
    for (const step of steps) {
      exact = amountAt(step.total);
      const value = Number(exact);
      points.push([day(step.date), previous], [day(step.date), value]);
      previous = value;
    }
    points.push([line.to + 1, previous]);
    paths.push({ points, exact });
  }
  const highest = Math.max(1, ...paths.flatMap((p) => p.points.map(([, v]) => v)), ...refs.map((r) => Number(r.value)));
  const g = s('g', { class: 'chart-panel payment-panel', 'data-metric': 'payment', 'data-label': first.m.label ?? '' });
  g.append(s('text', { x: M.left, y: top + 16, class: 'chart-heading' }, `Payment for ${name} before its cap and minimum (${currency})`));
  const { y } = axes(g, top, highest, false, f);
  drawRefs(g, refs, y, f);
  for (const p of paths) {
    const d = p.points.map(([dd, v], i) => `${i === 0 ? 'M' : 'L'}${x(dd).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    g.append(s('path', { d, class: 'running payment', 'data-uncapped': p.exact }, s('title', {}, `Payment before the cap and minimum: ${statedMoney(p.exact, currency)}`)));
  }
  return g;
}

function thresholdOf(view: PaymentView, m: MilestoneResult): Dec | null {
  const p = view.base;
  if (m.target === null) return null;
  return p.kind === 'rate-on-excess' || p.kind === 'per-increment' || p.kind === 'tiered' ? computedThreshold(p, new Dec(m.target)) : null;
}

/** A payment the library's `calculate` computes from a base of sales. */
function isComputed(p: UnlimitedPaymentNode): p is ComputedPayment {
  return p.kind === 'rate' || p.kind === 'rate-on-excess' || p.kind === 'tiered' || p.kind === 'per-increment';
}
