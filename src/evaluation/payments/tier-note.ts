/**
 * The note that states which reading of a tiered amount the evaluation took (marginal: each band's
 * rate on the sales within the band; retroactive: all of the base at the rate of the band reached),
 * and what decided it: the words stated, a band's words, or the default the checker warns about.
 */
import type { QuotaBoundNode, TieredPaymentNode } from '../../language/ast';
import { resolveBands, tierReading } from '../../language/tier-bands';
import { quotaBoundWords } from '../../language/quota-bounds';
import { rateMultipleWords } from '../../language/rate-multiples';
import { formatMoney } from '../../values/money';

export function tierNote(name: string, payment: TieredPaymentNode): string {
  const reading = tierReading(payment);
  const what =
    reading.method === 'marginal'
      ? 'marginal: each band\'s rate applies only to the part of the base within that band'
      : 'retroactive: once a band is reached, its rate applies to the whole base';
  const why =
    reading.source === 'stated'
      ? `as the clause states ('${reading.words}')`
      : reading.source === 'wording'
        ? `as the words '${reading.words}' say`
        : 'by default: the clause does not say which (warning tier-reading)';
  return `${name}: tiers read as ${what}, ${why}${quotaBounds(payment)}${rateMultiples(payment)}${wholeUnitGaps(payment)}${rateAfter(payment)}`;
}

/**
 * "; 'calculated cumulatively on' is read as the bands' amounts added up …": bands written range first and rate after
 * ("on the portion from $280,000 to $465,000, 0.075%") say "the portion" without "of"; "cumulatively" is read as the
 * sum over the bands within each period, not as a total carried from one period to the next.
 */
function rateAfter(payment: TieredPaymentNode): string {
  if (payment.layout !== 'rate-after' || !payment.calculated) return '';
  const portion = payment.bands.some((b) => b.quantifier === 'portion') ? "; 'on the portion <range>' is the part of the same measure within the range" : '';
  const cumulative = payment.calculated.words === 'calculated cumulatively on'
    ? "; 'calculated cumulatively' is read as the bands' amounts added up within each period measured, not as a total carried from one period into the next"
    : '';
  return `${portion}${cumulative}`;
}

/** "; band 2 is written from $5,000,001 after a band ending at $5,000,000 (included): read as starting above $5,000,000, …". */
function wholeUnitGaps(payment: TieredPaymentNode): string {
  const parts = resolveBands(payment)
    .filter((b) => b.writtenFrom !== undefined)
    .map((b) => {
      const currency = b.currency as string;
      return `band ${b.index + 1} is written from ${formatMoney(b.writtenFrom as string, currency)} after a band ending at ${formatMoney(b.from, currency)} (included): read as bounds in whole units, it starts just above ${formatMoney(b.from, currency)} and its portion is counted from there (warning tier-whole-unit-gap)`;
    });
  return parts.length > 0 ? `; ${parts.join('; ')}` : '';
}

/**
 * "; band 1 ends at 100% of the Quarterly Quota ($200,000 as written there) = $200,000.00": each bound written as
 * a share of a quota, the quota's amount and where it is written, and the figure the evaluation uses.
 */
function quotaBounds(payment: TieredPaymentNode): string {
  const parts: string[] = [];
  const one = (index: number, edge: 'starts above' | 'ends at', q: QuotaBoundNode, value: { amount: string; currency: string } | null): void => {
    if (value === null) return;
    const where = q.amount ? `${q.amount.text} as written there` : `the amount written for the ${q.name} at another bound`;
    parts.push(`band ${index + 1} ${edge} ${quotaBoundWords(q)} (${where}) = ${formatMoney(value.amount, value.currency)}`);
  };
  payment.bands.forEach((b, i) => {
    if (b.fromQuota) one(i, 'starts above', b.fromQuota, b.from);
    if (b.toQuota) one(i, 'ends at', b.toQuota, b.to);
  });
  return parts.length > 0 ? `; ${parts.join('; ')}` : '';
}

/** "; band 2's 15% is 1.5 times the base rate (band 1's 10%)": each band rate written as a multiple, and the rate it comes to. */
function rateMultiples(payment: TieredPaymentNode): string {
  const parts = payment.bands.map((_, i) => rateMultipleWords(payment.bands, i)).filter((w) => w !== '');
  return parts.length > 0 ? `; ${parts.join('; ')}` : '';
}
