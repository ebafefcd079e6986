/**
 * Checks of tiers in payer-pays and earning sentences, whose bands each name what they are counted
 * on: one amount is counted on one total, so every band must name the same metric (its gross or net
 * word included) and, where a band names a window, the same window as the others.
 */
import type { ClauseNode, MeasureNode, MilestoneNode, TieredPaymentNode } from './ast';
import { windowPeriod } from './check-measured';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { paymentParts } from './payment-parts';

const withoutRanges = (x: unknown): string => JSON.stringify(x, (key, value: unknown) => (key === 'range' ? undefined : value));
const windowOf = (m: MeasureNode): string | null => (m.window !== null ? withoutRanges(m.window) : m.such ? withoutRanges(m.such) : null);

/** A metric's words without the modifiers that do not change what is counted ("aggregate Net Sales" is Net Sales). */
const metricKey = (term: string): string => term.toLowerCase().replace(/^(?:(?:aggregate|cumulative|worldwide|consolidated)\s+)+/, '');

export function checkTierMeasures(clause: ClauseNode, out: Diagnostic[]): void {
  checkPortionStatement(clause, out);
  for (const m of clause.milestones) {
    const base = m.payment ? paymentParts(m.payment).base : null;
    if (base?.kind === 'tiered' && base.measure) checkBands(base, out);
    // A period opening ("For each calendar quarter,") gives the tiers their period: the evaluation measures each one on its own.
    if (base?.kind === 'tiered' && base.measure && m.condition === 'payment' && m.window.kind === 'open' && clause.opening?.kind !== 'period-opening') periodReading(base, out);
    if (base?.kind === 'tiered' && base.proviso) checkProviso(m, base, out);
  }
}

/**
 * Tiers that name no period split one running total from the effective date that never resets; an
 * agreement may mean each year's sales to start again from the first band. Both readings are named.
 */
function periodReading(p: TieredPaymentNode, out: Diagnostic[]): void {
  out.push(
    diagnostic(
      'tier-period-reading',
      p.range,
      'The tiers name no period: they are read as one running total from the effective date that never resets (the first band is filled once, over the whole agreement). ' +
        'If each period\'s sales start again from the first band, name the period in each band ("of the first $100,000 of Net Sales in each Calendar Year").',
    ),
  );
}

function checkBands(p: TieredPaymentNode, out: Diagnostic[]): void {
  // The amount's own measure ("based on the aggregate Net Sales …" before levels), else the first band's.
  const first = p.measure ?? (p.bands[0].measure as MeasureNode);
  // A raised rate's bands name their periods apart ("in each Calendar Quarter", "in that Calendar Quarter"): checkProviso compares them.
  const window = p.measure && !p.proviso ? windowOf(p.measure) : null;
  for (const band of p.bands) {
    const m = band.measure;
    if (!m || m === first) continue;
    if (metricKey(m.term) !== metricKey(first.term) || m.basis !== first.basis) {
      out.push(
        diagnostic(
          'tier-measure-mismatch',
          m.range,
          `This band is counted on ${m.term} but the first band on ${first.term}: the bands of one amount split one total, so write the same metric in every band ("all additional ${first.term}").`,
        ),
      );
    }
    const own = windowOf(m);
    if (own !== null && window !== null && own !== window && !refersBack(m, p.measure!)) {
      out.push(diagnostic('tier-measure-mismatch', m.range, 'This band names a period other than the other bands\': the bands of one amount split one period\'s total, so name the same period in each (or in one only).'));
    }
  }
  const own = windowOf(first);
  if (own !== null && window !== null && own !== window) {
    out.push(diagnostic('tier-measure-mismatch', first.range, 'This band names a period other than the other bands\': the bands of one amount split one period\'s total, so name the same period in each (or in one only).'));
  }
}

/**
 * "… up to $100,000 in each calendar quarter and seven percent (7%) of Net Sales above $100,000 in such calendar quarter":
 * a later band's "such" period names the period the amount's window recurs in, so it is that period, not another.
 */
function refersBack(band: MeasureNode, amount: MeasureNode): boolean {
  if (band.window !== null || !band.such || amount.window === null) return false;
  const period = windowPeriod(amount.window);
  return period !== null && period.unit === band.such.unit && (period.calendar || !band.such.calendar);
}

/** A raised rate's proviso must test, and refer to, the period the rate is counted in. */
function checkProviso(m: MilestoneNode, p: TieredPaymentNode, out: Diagnostic[]): void {
  const proviso = p.proviso!;
  const rate = windowPeriod(m.window);
  const condition = windowPeriod(proviso.window);
  const same = (x: { unit: string; calendar: boolean } | null): boolean => x !== null && rate !== null && x.unit === rate.unit && x.calendar === rate.calendar;
  if (!rate || !same(condition) || rate.unit !== proviso.unit) {
    out.push(
      diagnostic(
        'measure-window-mismatch',
        proviso.range,
        `The proviso names a period other than the rate's: the raised rate replaces the rate of one period, so write the rate's period in the condition and after "for that" (${rate ? `each ${rate.calendar ? 'calendar ' : ''}${rate.unit}` : 'a calendar period'}).`,
      ),
    );
  }
}

/**
 * "For avoidance of doubt, each rate applies only to that portion of the Net Sales …": it states the method of the tiers
 * before it (tier-band-resolution.ts), so there must be tiers, on the metric it names, and none stated retroactive.
 */
function checkPortionStatement(clause: ClauseNode, out: Diagnostic[]): void {
  const s = clause.portionStatement;
  if (!s) return;
  const tiers = clause.milestones.map((m) => (m.payment ? paymentParts(m.payment).base : null)).filter((p): p is TieredPaymentNode => p?.kind === 'tiered');
  if (tiers.length === 0) {
    out.push(diagnostic('portion-statement', s.range, 'This sentence says how tiered rates apply, but the sentence before it has no tiers: write the rates as bands ("4% of the first $1,000,000 of such Net Sales and 6% of such Net Sales above $1,000,000") or leave the sentence out.'));
    return;
  }
  for (const p of tiers) {
    const term = p.measure?.term ?? p.bands[0].measure?.term ?? null;
    if (term !== null && metricKey(term) !== metricKey(s.term)) {
      out.push(diagnostic('portion-statement', s.range, `This sentence speaks of portions of the ${s.term}, but the tiers are on ${term}: write the metric the tiers are on.`));
    }
    if (p.method === 'retroactive') {
      out.push(diagnostic('tier-reading-conflict', s.range, "The tiers are stated to apply on a retroactive basis (all sales at the rate of the band reached), but this sentence gives each rate to its own portion only. Remove one of the two."));
    }
  }
}
