/**
 * The amount a computed payment comes to for one base (the milestone window's revenue): a rate
 * on all of it or on its excess over a threshold, tiers, or an amount per increment. Pure: the
 * base and the threshold come in as exact decimals, the result is the calculation as data, one
 * line of words with the figures, and the amount rounded once, half-up, to the currency's minor
 * digits. Caps and floors are applied afterwards (limits.ts), to this rounded amount.
 */
import { assertNever, type ChosenRatePaymentNode, type PerIncrementPaymentNode, type RateOnExcessPaymentNode, type RatePaymentNode, type TieredPaymentNode } from '../../language/ast';
import { resolveBands, tierReading } from '../../language/tier-bands';
import { chosenCondition } from '../../language/rate-choices';
import { Dec, groupThousands, minorUnits, moneyString, roundMoney } from '../../values/money';
import { CURRENCY_SYMBOLS } from '../../values/money';

/** The calculation of one day's rise: the amount on the running total, less what was already owed. */
export interface AccruedCalculation {
  kind: 'accrued';
  /** The tiered amount on the running total after the day. */
  cumulative: Calculation;
  alreadyOwed: string;
  amount: string;
}

export type ComputedPayment = RatePaymentNode | RateOnExcessPaymentNode | TieredPaymentNode | PerIncrementPaymentNode | ChosenRatePaymentNode;

/** One band's share under the marginal reading: `rate` × `portion` = `amount` (exact, not rounded). */
export interface BandShare {
  band: number;
  rate: string;
  from: string;
  to: string | null;
  portion: string;
  amount: string;
}

/** The calculation as data: rates as fractions ("0.01" for 1%), figures as decimal strings. */
export type Calculation =
  | { kind: 'rate-on-all'; rate: string; base: string; amount: string }
  | {
      kind: 'rate-on-excess';
      rate: string;
      base: string;
      threshold: string;
      excess: string;
      /** A plan level's rate: the next plan, and whether the base reached it (then this level owes nothing). */
      nextLevel?: { name: string; amount: string; reached: boolean };
      amount: string;
    }
  | { kind: 'tiered'; method: 'marginal'; base: string; bands: BandShare[]; amount: string }
  | { kind: 'tiered'; method: 'retroactive'; base: string; band: number; rate: string; from: string; to: string | null; amount: string }
  | {
      kind: 'chosen-rate';
      base: string;
      threshold: string;
      /** The condition met whose rate applies (1 for the first written), or null when the total meets none. */
      condition: number | null;
      rate: string | null;
      excess: string;
      amount: string;
    }
  | {
      kind: 'per-increment';
      perIncrement: string;
      increment: string;
      base: string;
      threshold: string;
      /** Whole increments, or the exact share of increments when pro rata. */
      increments: string;
      proRata: boolean;
      amount: string;
    };

/** Omit distributed over the union, so each variant keeps its own fields. */
type WithoutAmount<T> = T extends unknown ? Omit<T, 'amount'> : never;

export interface CalculationResult {
  calculation: Calculation;
  /** One line of words with the figures: "1% × ($42,000,000.00 − $30,000,000.00) = $120,000.00". */
  text: string;
  /** Rounded once, half-up, to the currency's minor digits. */
  amount: Dec;
}

/**
 * An exact figure for people: the currency's minor digits at least, more when the figure has
 * them (a base of $100.005 is never shown as $100.01 in a calculation that used $100.005).
 */
export function figure(value: Dec, currency: string): string {
  const digits = Math.max(minorUnits(currency), value.decimalPlaces());
  const fixed = value.abs().toFixed(digits);
  const [whole, fraction] = fixed.split('.');
  const body = fraction === undefined ? groupThousands(whole) : `${groupThousands(whole)}.${fraction}`;
  const sign = value.isNegative() && !value.isZero() ? '−' : '';
  const symbol = Object.keys(CURRENCY_SYMBOLS).find((s) => CURRENCY_SYMBOLS[s] === currency);
  return symbol ? `${sign}${symbol}${body}` : `${sign}${currency} ${body}`;
}

/** A plain decimal string with the currency's minor digits at least ("42000000.00"). */
export function amountString(value: Dec, currency: string): string {
  return value.toFixed(Math.max(minorUnits(currency), value.decimalPlaces()));
}

const rateOf = (percent: string): Dec => new Dec(percent).dividedBy(100);
const zero = new Dec(0);
const max0 = (d: Dec): Dec => (d.isNegative() ? zero : d);

/**
 * `threshold` is the amount written, or the milestone's target for "the target"; it is given for
 * a rate on the excess and an increment with a threshold, and ignored otherwise.
 */
export function calculate(payment: ComputedPayment, base: Dec, threshold: Dec | null, currency: string): CalculationResult {
  const money = (d: Dec): string => figure(d, currency);
  const plain = (d: Dec): string => amountString(d, currency);
  const done = (calculation: WithoutAmount<Calculation>, exact: Dec, words: string): CalculationResult => {
    const amount = roundMoney(exact, currency);
    const rounded = exact.equals(amount) ? '' : ` (${figure(exact, currency)} rounded half-up)`;
    return { calculation: { ...calculation, amount: moneyString(amount, currency) } as Calculation, text: `${words} = ${money(amount)}${rounded}`, amount };
  };
  switch (payment.kind) {
    case 'rate': {
      const exact = base.times(rateOf(payment.percent));
      return done({ kind: 'rate-on-all', rate: rateOf(payment.percent).toFixed(), base: plain(base) }, exact, `${payment.percent}% × ${money(base)}`);
    }
    case 'rate-on-excess': {
      const t = threshold ?? zero;
      // A plan level's rate is owed only when the total ends below the next plan, whose own level's rate applies instead.
      const next = payment.levelBelow ? new Dec(payment.levelBelow.amount.amount) : null;
      if (payment.levelBelow && next !== null && base.greaterThanOrEqualTo(next)) {
        return done(
          {
            kind: 'rate-on-excess', rate: rateOf(payment.percent).toFixed(), base: plain(base), threshold: plain(t), excess: plain(max0(base.minus(t))),
            nextLevel: { name: payment.levelBelow.name, amount: plain(next), reached: true },
          },
          zero,
          `0 (${money(base)} reaches the ${payment.levelBelow.name} of ${money(next)}, so the ${payment.percent}% rate of this level does not apply: the next level's does)`,
        );
      }
      const excess = max0(base.minus(t));
      const exact = excess.times(rateOf(payment.percent));
      const words = base.greaterThan(t)
        ? `${payment.percent}% × (${money(base)} − ${money(t)})`
        : `${payment.percent}% × 0 (${money(base)} is not above ${money(t)})`;
      const level = payment.levelBelow && next !== null ? { nextLevel: { name: payment.levelBelow.name, amount: plain(next), reached: false } } : {};
      return done({ kind: 'rate-on-excess', rate: rateOf(payment.percent).toFixed(), base: plain(base), threshold: plain(t), excess: plain(excess), ...level }, exact, words);
    }
    case 'tiered': {
      const bands = resolveBands(payment);
      const reading = tierReading(payment);
      const positive = max0(base);
      if (reading.method === 'retroactive') {
        const reached = bands.find((b) => (b.to === null || (b.toInclusive ? positive.lessThanOrEqualTo(b.to) : positive.lessThan(b.to))) && (b.fromInclusive ? positive.greaterThanOrEqualTo(b.from) : positive.greaterThan(b.from) || b.index === 0)) ?? bands[0];
        const exact = positive.times(rateOf(reached.percent));
        const where =
          reached.to === null
            ? `${reached.fromInclusive ? 'from' : 'above'} ${money(new Dec(reached.from))}`
            : `${reached.toInclusive ? 'up to' : 'below'} ${money(new Dec(reached.to))}`;
        return done(
          { kind: 'tiered', method: 'retroactive', base: plain(base), band: reached.index + 1, rate: rateOf(reached.percent).toFixed(), from: plain(new Dec(reached.from)), to: reached.to === null ? null : plain(new Dec(reached.to)) },
          exact,
          `${reached.percent}% × ${money(positive)} (all of it, at the rate of band ${reached.index + 1}, ${where})`,
        );
      }
      const shares: BandShare[] = [];
      const words: string[] = [];
      let exact = zero;
      for (const b of bands) {
        const from = new Dec(b.from);
        const top = b.to === null ? positive : Dec.min(positive, new Dec(b.to));
        const portion = max0(top.minus(from));
        const share = portion.times(rateOf(b.percent));
        shares.push({ band: b.index + 1, rate: rateOf(b.percent).toFixed(), from: plain(from), to: b.to === null ? null : plain(new Dec(b.to)), portion: plain(portion), amount: plain(share) });
        if (portion.greaterThan(0) || words.length === 0) words.push(from.isZero() ? `${b.percent}% × ${money(portion)}` : `${b.percent}% × (${money(top)} − ${money(from)})`);
        exact = exact.plus(share);
      }
      return done({ kind: 'tiered', method: 'marginal', base: plain(base), bands: shares }, exact, words.join(' + '));
    }
    case 'chosen-rate': {
      const t = threshold ?? zero;
      const excess = max0(base.minus(t));
      const chosen = chosenCondition(payment, base);
      if (chosen === null || chosen.bound === null) {
        return done(
          { kind: 'chosen-rate', base: plain(base), threshold: plain(t), condition: null, rate: null, excess: plain(excess) },
          zero,
          `0 (${money(base)} meets none of the conditions that choose the rate)`,
        );
      }
      const rate = rateOf(chosen.percent);
      const bound = `${chosen.strict ? 'above' : 'at least'} ${money(chosen.bound)}`;
      const words = base.greaterThan(t)
        ? `${chosen.percent}% × (${money(base)} − ${money(t)}) (the rate of condition ${chosen.index + 1}: ${bound})`
        : `${chosen.percent}% × 0 (${money(base)} is not above ${money(t)})`;
      return done({ kind: 'chosen-rate', base: plain(base), threshold: plain(t), condition: chosen.index + 1, rate: rate.toFixed(), excess: plain(excess) }, excess.times(rate), words);
    }
    case 'per-increment': {
      const t = threshold ?? zero;
      const size = new Dec(payment.increment.amount);
      const per = new Dec(payment.amount.amount);
      const excess = max0(base.minus(t));
      const share = size.isZero() ? zero : excess.dividedBy(size);
      const increments = payment.proRata ? share : share.floor();
      const exact = per.times(increments);
      const over = t.isZero() ? money(base) : `(${money(base)} − ${money(t)})`;
      const words = payment.proRata
        ? `${money(per)} × ${over} ÷ ${money(size)}`
        : `${money(per)} × ${increments.toFixed()} (whole ${money(size)} increments in ${over})`;
      return done(
        { kind: 'per-increment', perIncrement: plain(per), increment: plain(size), base: plain(base), threshold: plain(t), increments: increments.toFixed(), proRata: payment.proRata },
        exact,
        words,
      );
    }
    default:
      return assertNever(payment);
  }
}
