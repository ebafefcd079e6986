/**
 * An amount other than a fixed payment written to more decimal places than its currency has ("a target of
 * $100,000.005", a threshold, a tier bound, a cap): the evaluation compares it exactly as written, a figure no
 * amount in that currency can equal, so the drafter meant one of the two amounts beside it, and which one decides
 * whether sales of exactly the lower one reach it. A warning names both. A fixed payment has its own warning
 * (check-payment-precision.ts: it is paid rounded); a price per unit may be a fraction of the minor unit
 * ("$0.005 per unit"), multiplied before any rounding, so it is not checked.
 */
import type { DocumentNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { moneyNodesOf } from './money-nodes';
import { Dec, formatMoney, isCurrencyCode, minorUnits } from '../values/money';

const plural = (n: number): string => `${n} decimal place${n === 1 ? '' : 's'}`;

/** Prices per unit are not checked (see above). */
const UNIT_PRICES: ReadonlySet<string> = new Set(['unitPrice']);

/** `paid`: offsets of the fixed payments already reported by payment-beyond-minor-unit. */
export function checkAmountPrecision(document: DocumentNode, paid: ReadonlySet<number>, out: Diagnostic[]): void {
  const found = moneyNodesOf(document.clauses, [], UNIT_PRICES);
  const seen = new Set<number>(paid);
  for (const amount of found) {
    if (!isCurrencyCode(amount.currency) || seen.has(amount.range.start.offset)) continue;
    // Only a figure written so: an amount worked out from a share ("50% of the quota") is not the drafter's figure.
    const written = /\d\.(\d+)/.exec(amount.text.replace(/,/g, ''));
    const places = minorUnits(amount.currency);
    const value = new Dec(amount.amount);
    if (value.decimalPlaces() <= places || written === null || written[1].length <= places) continue;
    seen.add(amount.range.start.offset);
    const below = formatMoney(value.toDecimalPlaces(places, Dec.ROUND_FLOOR), amount.currency);
    const above = formatMoney(value.toDecimalPlaces(places, Dec.ROUND_CEIL), amount.currency);
    out.push(
      diagnostic(
        'amount-beyond-minor-unit',
        amount.range,
        `'${amount.text}' is written to ${plural(value.decimalPlaces())}, but ${amount.currency} amounts have ${plural(places)}: it is used exactly as written, so ${below} falls short of it and ${above} reaches it. ` +
          `Write '${below}' or '${above}', the amount meant.`,
        { suggestion: `write '${below}' or '${above}'` },
      ),
    );
  }
}
