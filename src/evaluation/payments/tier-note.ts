/**
 * The note that states which reading of a tiered amount the evaluation took (marginal: each band's
 * rate on the sales within the band; retroactive: all of the base at the rate of the band reached),
 * and what decided it: the words stated, a band's words, or the default the checker warns about.
 */
import type { TieredPaymentNode } from '../../language/ast';
import { tierReading } from '../../language/tier-bands';

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
  return `${name}: tiers read as ${what}, ${why}`;
}
