import Decimal from 'decimal.js';

/**
 * Exact decimal arithmetic for money and counts. A private clone so that the engine's precision
 * and rounding never depend on (or change) what the host application configured globally.
 * 60 significant digits hold any realistic sum of amounts exactly; rounding happens once, at
 * the documented points (`roundMoney`), always half-up.
 */
export const Dec = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 });
export type Dec = Decimal;

/**
 * ISO 4217 minor units. Rounding must follow the currency (0, 2, 3 or 4 minor digits);
 * every code not listed in ZERO/THREE/FOUR has 2.
 */
const ZERO = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE = 'BHD IQD JOD KWD LYD OMR TND';
const FOUR = 'CLF UYW';
const TWO =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
  'GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD ' +
  'LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN ' +
  'PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB ' +
  'TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG';

const MINOR_UNITS: ReadonlyMap<string, number> = new Map([
  ...ZERO.split(' ').map((c) => [c, 0] as const),
  ...TWO.split(' ').map((c) => [c, 2] as const),
  ...THREE.split(' ').map((c) => [c, 3] as const),
  ...FOUR.split(' ').map((c) => [c, 4] as const),
]);

export function isCurrencyCode(code: string): boolean {
  return MINOR_UNITS.has(code);
}

/** Abbreviations written in place of an ISO code, and the code they stand for: "RMB 1,000.00" is renminbi, CNY. */
const CURRENCY_ABBREVIATIONS: Readonly<Record<string, string>> = { RMB: 'CNY' };

/** Whether `word` is an abbreviation written in place of an ISO code ("RMB"). */
export function isCurrencyAbbreviation(word: string): boolean {
  return Object.hasOwn(CURRENCY_ABBREVIATIONS, word);
}

/** The ISO code a written code stands for: itself, or the code of an abbreviation ("RMB" → "CNY"). */
export function currencyOfCode(code: string): string {
  return CURRENCY_ABBREVIATIONS[code] ?? code;
}

/** Digits after the decimal point for `currency`; throws for an unknown code (callers check first). */
export function minorUnits(currency: string): number {
  const digits = MINOR_UNITS.get(currency);
  if (digits === undefined) throw new Error(`Unknown currency code ${currency}`);
  return digits;
}

/** Currency symbols the clause language accepts, and what they stand for. */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };

/** The currency a symbol as written stands for: "US$" is the dollar sign with its country, US dollars. */
export function currencyOfSymbol(symbol: string): string | undefined {
  return symbol === 'US$' ? 'USD' : CURRENCY_SYMBOLS[symbol];
}

/** Currency names that drafting writes before a figure in brackets ("Two Thousand Dollars ($2,000)"), and what they stand for. */
const CURRENCY_NAMES: readonly [RegExp, string][] = [[/dollar/i, 'USD'], [/euro/i, 'EUR'], [/pound/i, 'GBP'], [/yen/i, 'JPY'], [/franc/i, 'CHF']];

/** The currency words name ("Dollars", "Pounds Sterling", "Swiss Francs"), or undefined when they name none. */
export function currencyOfName(words: string): string | undefined {
  return CURRENCY_NAMES.find(([re]) => re.test(words))?.[1];
}

const SYMBOL_OF: ReadonlyMap<string, string> = new Map(Object.entries(CURRENCY_SYMBOLS).map(([s, c]) => [c, s]));

/** The one rounding point for money: half-up to the currency's minor units. */
export function roundMoney(amount: Dec, currency: string): Dec {
  return amount.toDecimalPlaces(minorUnits(currency), Dec.ROUND_HALF_UP);
}

/** A plain decimal string with exactly the currency's minor digits ("1500.00"). */
export function moneyString(amount: Dec, currency: string): string {
  return roundMoney(amount, currency).toFixed(minorUnits(currency));
}

/** For people: "$1,500.00", "€50,000.00", "CHF 1,200.50". */
export function formatMoney(amount: string | Dec, currency: string): string {
  const value = new Dec(amount);
  const fixed = value.abs().toFixed(minorUnits(currency));
  const [whole, fraction] = fixed.split('.');
  const grouped = groupThousands(whole);
  const body = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  const sign = value.isNegative() && !value.isZero() ? '-' : '';
  const symbol = SYMBOL_OF.get(currency);
  return symbol ? `${sign}${symbol}${body}` : `${sign}${currency} ${body}`;
}

/** "1234567" → "1,234,567". Linear in the length (a lookahead regex took minutes on a 1.9M-digit amount). */
export function groupThousands(digits: string): string {
  if (!/^\d+$/.test(digits)) return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const head = digits.length % 3 || 3;
  const parts = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) parts.push(digits.slice(i, i + 3));
  return parts.join(',');
}

/** A canonical decimal string without exponent or trailing zeros ("1500000", "0.5", "12.25"). */
export function decimalString(value: Dec): string {
  return value.toFixed();
}

/**
 * ISO 4217's code for "no currency": the currency of a zero target that no amount in the clause
 * names (a rate on all with no figure); the sales' own currency is used for it.
 */
export const NO_CURRENCY = 'XXX';
