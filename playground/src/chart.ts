/**
 * The chart: for each metric, the running total over time against each milestone's target and
 * deadline, with a marker where a milestone was met. Drawn as inline SVG from the evaluation report
 * and the engine's per-day series (exact, from the same sums as the report); numbers are made of
 * them only to place points on the drawing.
 */
import { runningTotals, type ChartSeries, type EvaluationSuccess, type MilestoneResult } from '@engine/evaluation/evaluate';
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

const W = 960;
const PANEL_H = 210;
const M = { left: 64, right: 96, top: 40, bottom: 34 };

export function renderChart(container: HTMLElement, report: EvaluationSuccess, allSeries: readonly ChartSeries[]): void {
  const effectiveDay = day(report.effectiveDate);
  const asOfDay = day(report.asOf);
  const groups = new Map<string, MilestoneResult[]>();
  for (const m of report.milestones) {
    const key = `${m.metric}\u0000${m.product ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  if (groups.size === 0) {
    container.replaceChildren(h('p', { class: 'muted' }, 'No milestones to chart.'));
    return;
  }
  const lastDay = Math.max(asOfDay, ...report.milestones.map((m) => day(m.deadline))) + 1;
  const height = groups.size * PANEL_H;
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
    s('desc', { id: 'chart-desc' }, `From ${report.effectiveDate} to ${formatIsoDate(fromDayNumber(lastDay - 1))}, one panel per metric. The results table has the same figures as text.`),
  );
  const x = (d: number): number => M.left + ((d - effectiveDay) / Math.max(1, lastDay - effectiveDay)) * (W - M.left - M.right);
  let panel = 0;
  for (const [, milestones] of groups) {
    const top = panel * PANEL_H;
    const first = milestones[0];
    const series = seriesOf(allSeries, first.metric, first.product);
    const lines = new Map<string, Line & { color: string }>();
    milestones.forEach((m, i) => {
      const from = day(m.windowStart);
      const to = Math.min(day(m.deadline), asOfDay);
      if (to < from) return;
      const key = `${from}:${to}`;
      if (!lines.has(key)) lines.set(key, { ...runningLine(series, from, to), color: COLORS[i % COLORS.length] });
    });
    // The cumulative line to the as-of date, so progress beyond the last deadline shows too.
    const whole = runningLine(series, effectiveDay, asOfDay);
    const highest = Math.max(1, whole.total, ...[...lines.values()].map((l) => l.total), ...milestones.map((m) => Number(m.target)));
    const counted = first.metric === 'deals' || first.metric === 'new-customers';
    const step = counted ? Math.max(1, Math.round(niceStep(highest, 4))) : niceStep(highest, 4);
    const maxY = Math.ceil((highest * 1.05) / step) * step;
    const y = (v: number): number => top + M.top + (1 - v / maxY) * (PANEL_H - M.top - M.bottom);
    const g = s('g', { class: 'chart-panel', 'data-metric': first.metric });
    const titleText = `${METRIC_NAME[first.metric]}${first.product ? ` of "${first.product}"` : ''}${first.currency ? ` (${first.currency})` : ''}`;
    g.append(s('text', { x: M.left, y: top + 16, class: 'chart-heading' }, titleText));
    // axes
    const bottom = top + PANEL_H - M.bottom;
    g.append(s('line', { x1: M.left, x2: W - M.right, y1: bottom, y2: bottom, class: 'axis' }));
    g.append(s('line', { x1: M.left, x2: M.left, y1: top + M.top, y2: bottom, class: 'axis' }));
    for (let v = 0; v <= maxY + step / 2; v += step) {
      g.append(s('line', { x1: M.left - 4, x2: W - M.right, y1: y(v), y2: y(v), class: 'grid' }));
      g.append(s('text', { x: M.left - 8, y: y(v) + 4, class: 'tick', 'text-anchor': 'end' }, compact(v)));
    }
    let lastTick = -Infinity;
    for (const d of [effectiveDay, ...monthTicks(effectiveDay + 1, lastDay, 12)]) {
      if (x(d) - lastTick < 80 || x(d) > W - M.right - 30) continue; // keep labels apart
      lastTick = x(d);
      g.append(s('line', { x1: x(d), x2: x(d), y1: bottom, y2: bottom + 4, class: 'axis' }));
      g.append(s('text', { x: x(d), y: bottom + 16, class: 'tick', 'text-anchor': d === effectiveDay ? 'start' : 'middle' }, formatIsoDate(fromDayNumber(d))));
    }
    // as-of
    g.append(s('line', { x1: x(asOfDay + 1), x2: x(asOfDay + 1), y1: top + M.top - 6, y2: bottom, class: 'asof' }));
    // (the heading sits above the as-of label: top + 16 against top + M.top - 9)
    g.append(s('text', { x: x(asOfDay + 1), y: top + M.top - 9, class: 'tick', 'text-anchor': 'middle' }, `as of ${report.asOf}`));
    // the running totals
    const path = (l: Line): string => l.points.map(([d, v], i) => `${i === 0 ? 'M' : 'L'}${x(d).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    g.append(s('path', { d: path(whole), class: 'running whole' }, s('title', {}, `Running total from the effective date: ${compact(whole.total)}`)));
    for (const l of lines.values()) {
      if (l.from === effectiveDay) continue; // the same as the start of the cumulative line
      g.append(s('path', { d: path(l), class: 'running window', style: `stroke: ${l.color}` }, s('title', {}, `Running total in the window ${formatIsoDate(fromDayNumber(l.from))} to ${formatIsoDate(fromDayNumber(l.to))}: ${compact(l.total)}`)));
    }
    // targets, deadlines and markers
    milestones.forEach((m, i) => {
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
        gm.append(
          s('circle', { cx: x(at), cy: y(target), r: 5.5, fill: color, class: 'met-marker' }, s('title', {}, `${name} met on ${m.achievedAt} by row ${m.achievedBy}`)),
        );
      } else if (m.status === 'missed') {
        const cx = x(deadline), cy = y(Math.min(Number(m.total), maxY));
        gm.append(
          s('path', { d: `M${cx - 5},${cy - 5} L${cx + 5},${cy + 5} M${cx - 5},${cy + 5} L${cx + 5},${cy - 5}`, stroke: color, class: 'missed-marker' }, s('title', {}, `${name} missed: ${m.total} of ${m.target} by ${m.deadline}`)),
        );
      }
      g.append(gm);
    });
    svg.append(g);
    panel++;
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
      ' as-of date',
    ),
  );
}
