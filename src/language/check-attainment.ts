/**
 * Checks of attainment tables: bands that leave a gap (an attainment no band holds gets no payout, which
 * a reader of the table may not have noticed: warned, and the evaluation reports such a period as
 * undetermined, never zero), bands that overlap with different payouts (two readings: refused), and an
 * interpolated band whose neighbours do not both pay a fixed amount (no straight line to draw).
 */
import type { AttainmentBandNode, ClauseNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { Dec } from '../values/money';
import { fixedPayout, interpolationEnds, orderedBands } from './attainment-bands';

const bound = (value: string, strict: boolean, side: 'low' | 'high'): string =>
  side === 'low' ? `${strict ? 'above' : 'from'} ${value}%` : `${strict ? 'below' : 'up to'} ${value}%`;

export function checkAttainment(clause: ClauseNode, text: string, out: Diagnostic[]): void {
  if (clause.form !== 'attainment') return;
  const p = clause.milestones[0]?.payment;
  if (!p || p.kind !== 'attainment') return;
  // A table of percentages of one amount names whose bonus it is ("The Executive's bonus"); without the possessive,
  // "The Company bonus" might name a pool rather than a payee, so the party is not taken from it.
  if (p.base !== undefined && clause.party && !/['’]s$/.test(text.slice(clause.party.range.start.offset, clause.party.range.end.offset))) {
    out.push(diagnostic('attainment-owner', clause.party.range, `Whose ${p.noun} this is cannot be told from '${clause.party.name}': write the party with a possessive ("The ${clause.party.name}'s ${p.noun} for …").`));
  }
  const ordered = orderedBands(p.bands);
  // The covered range so far: its upper end (null: open) and whether that end is included.
  let top: { value: Dec; included: boolean; band: AttainmentBandNode } | null = null;
  let open = false;
  for (const [i, { band }] of ordered.entries()) {
    if (i === 0 && band.from !== null && !new Dec(band.from).isZero()) {
      out.push(diagnostic('attainment-gap', band.range, `No band holds an attainment below ${band.from}%: such a period's payout is undetermined, not zero. Add a band such as 'below ${band.from}%: nothing' if nothing is paid.`));
    }
    if (i > 0 && open) {
      out.push(diagnostic('attainment-overlap', band.range, `An earlier band has no upper end ('… or more'), so it also holds every attainment this band holds, with a different payout: which one applies cannot be told. Give the earlier band an end ('from … to …').`));
    } else if (i > 0 && top !== null) {
      const from = band.from === null ? null : new Dec(band.from);
      const c = from === null ? -1 : from.comparedTo(top.value);
      if (c > 0 || (c === 0 && !top.included && band.fromStrict)) {
        out.push(
          diagnostic(
            'attainment-gap',
            band.range,
            `No band holds an attainment ${c === 0 ? `of exactly ${band.from}%` : `${bound(top.value.toFixed(), top.included, 'low')} ${bound(band.from as string, !band.fromStrict, 'high')}`}: ` +
              `such a period's payout is undetermined, not zero (the evaluation warns and reports no amount). Close the gap with the bounds the agreement means ('… or more', 'from … to …').`,
          ),
        );
      } else if (c < 0 || (c === 0 && top.included && !band.fromStrict)) {
        const a = fixedPayout(top.band.payout);
        const b = fixedPayout(band.payout);
        const samePoint = c === 0 && (a === null || b === null || a.equals(b));
        if (!samePoint) {
          out.push(
            diagnostic(
              'attainment-overlap',
              band.range,
              `This band and an earlier one both hold ${c === 0 ? `exactly ${band.from}%` : `attainments from ${band.from ?? '0'}%`} with different payouts: which one applies cannot be told. Make one bound strict ('more than …', 'below …').`,
            ),
          );
        }
      }
    }
    if (band.to === null) open = true;
    else if (top === null || new Dec(band.to).comparedTo(top.value) >= 0) top = { value: new Dec(band.to), included: !band.toStrict, band };
  }
  if (p.base?.layout === 'points' && p.bands.length > 1) {
    const points = ordered.map(({ band }) => `${band.from ?? ''}%`);
    out.push(
      diagnostic(
        'attainment-points',
        p.range,
        `The table lists points only (${points.join(', ')}): between two points it may mean the payout of the point below (steps) or a straight line between ` +
          `the two payouts (pro-rating), and the table does not say which. The engine pays only at a listed point and reports any other attainment as undetermined, ` +
          `never a guess. To say which is meant, write the table as ranges, e.g. 'from ${points[0]} to ${points[1]}: interpolated on a straight-line basis' for a line, or 'from ${points[0]} to ${points[1]}: …' with the lower point's payout for steps.`,
      ),
    );
  }
  p.bands.forEach((band, index) => {
    if (band.payout.kind !== 'interpolated') return;
    if (band.from === null || band.to === null || band.from === band.to || interpolationEnds(p.bands, index) === null) {
      out.push(
        diagnostic(
          'attainment-interpolation',
          band.range,
          `A straight line needs a band from one percentage to another ('from 80% to 100%') with a band paying a fixed amount on each side ('80%: $6,000', '100% or more: $12,000').`,
        ),
      );
    }
  });
}
