/**
 * Amounts and percentages in the drafting style, "Two Thousand Five Hundred Dollars ($2,500)" and
 * "five percent (5%)": the grammar reads the figure; here the words are compared with it, and a
 * disagreement is an error that points at both, since either could be the one meant.
 */
import type { DocumentNode, MoneyNode, PaymentNode, Range } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { currencyOfName, currencyOfSymbol, Dec } from '../values/money';
import { wordsValue } from '../values/number-words';
import { figureValue } from '../values/number-notation';
import { tokenize } from '../../grammar/lexer';
import { positionAt } from './positions';

/** "Two Thousand Dollars ($2,000)" → words "Two Thousand", figure "2,000"; null when not in that style. */
const DRAFTED = /^(.*?)\s+(?:(?:US|U\.S\.)\s+)?(?:dollars?|euros?|pounds?(?:\s+sterling)?|yen|(?:swiss\s+)?francs?|per\s?cent)\s*\((?:US)?[$€£¥]?\s?([\d.,'’]+)\s?%?\)$/i;

/** Fractions that contracts write after a whole number or of one percent, with their exact value. */
const FRACTIONS: Readonly<Record<string, string>> = { half: '0.5', halves: '0.5', quarter: '0.25', quarters: '0.25', fourth: '0.25', fourths: '0.25', tenth: '0.1', tenths: '0.1' };

/**
 * The value of number words, with the fractions drafting writes: "one and one-half" (1.5), "seven and a half" (7.5),
 * "one-half of one" (0.5), "three-quarters of one" (0.75). Null when the words are not read (thirds have no exact
 * decimal figure, so they are not compared).
 */
function spokenValue(words: string): string | null {
  const whole = wordsValue(words);
  if (whole !== null) return whole;
  const w = words.toLowerCase().replace(/\s+/g, ' ').trim();
  const part = (numerator: string, noun: string): Dec | null => {
    const n = numerator === 'a' ? '1' : wordsValue(numerator);
    const f = FRACTIONS[noun];
    return n === null || f === undefined ? null : new Dec(n).times(f);
  };
  const mixed = /^(.+?) and (a|[a-z]+)[- ]([a-z]+)$/.exec(w);
  if (mixed) {
    const n = wordsValue(mixed[1]);
    const f = part(mixed[2], mixed[3]);
    return n === null || f === null ? null : new Dec(n).plus(f).toFixed();
  }
  const ofOne = /^([a-z]+)-([a-z]+) of (?:one|a)$/.exec(w);
  if (ofOne) return part(ofOne[1], ofOne[2])?.toFixed() ?? null;
  return null;
}

function compare(written: string, range: Range, out: Diagnostic[]): void {
  const m = DRAFTED.exec(written.replace(/\s+/g, ' ').trim());
  if (!m) return;
  const words = spokenValue(m[1]);
  if (words === null) return; // thirds in words have no exact figure to compare
  const figure = figureValue(m[2]);
  if (!/^\d+(?:\.\d+)?$/.test(figure) || new Dec(words).equals(new Dec(figure))) return;
  out.push(
    diagnostic(
      'words-figure-mismatch',
      range,
      `The words '${m[1]}' say ${new Dec(words).toFixed()} but the figure in brackets says ${m[2]}: which one is meant cannot be told. Correct the one that is wrong.`,
    ),
  );
}

function money(m: MoneyNode, out: Diagnostic[]): void {
  compare(m.text, m.range, out);
}

function payment(p: PaymentNode, text: string, out: Diagnostic[]): void {
  if (p.kind === 'fixed') money(p.amount, out);
  if (p.kind === 'rate') {
    const source = text.slice(p.range.start.offset, p.range.end.offset);
    const at = /(?:equal to|of)\s+(.+?\(\s*[\d.]+\s?%\s*\))/i.exec(source);
    if (at) compare(at[1], p.range, out);
  }
}

/** The currency name at the end of a drafted amount's words ("One Hundred Thousand Euros" → "Euros"). */
const CURRENCY_NAME = /((?:(?:US|U\.S\.)\s+)?(?:dollars?|euros?|pounds?(?:\s+sterling)?|yen|(?:swiss\s+)?francs?))\s*$/i;

/**
 * "One Hundred Thousand Euros ($100,000)": the grammar takes the currency of the bracket's sign, so words naming
 * another currency are an error naming both, as words naming another number are.
 */
function compareCurrency(written: string, range: Range, out: Diagnostic[]): void {
  const at = written.lastIndexOf('(');
  const name = CURRENCY_NAME.exec(written.slice(0, at).trim())?.[1]?.replace(/\s+/g, ' ');
  const figure = written.slice(at + 1, -1).trim();
  const sign = /^(US\$|[$€£¥])/.exec(figure)?.[1];
  if (name === undefined || sign === undefined) return;
  const named = currencyOfName(name);
  const signed = currencyOfSymbol(sign);
  if (named === undefined || signed === undefined || named === signed) return;
  out.push(
    diagnostic(
      'words-currency-mismatch',
      range,
      `The words '${name}' name ${named} but the figure in brackets, '${figure}', is in ${signed}: which currency is meant cannot be told. Write the same currency in the words and in the brackets.`,
      { suggestion: `write '${name}' with the sign of ${named} in the brackets, or the words of ${signed} with '${sign}'` },
    ),
  );
}

export function checkDrafted(document: DocumentNode, text: string, out: Diagnostic[]): void {
  const found: Diagnostic[] = [];
  for (const clause of document.clauses) {
    for (const m of clause.milestones) {
      if (m.target.kind === 'revenue') money(m.target.amount, found);
      if (m.payment) payment(m.payment, text, found);
    }
    for (const t of clause.payments) payment(t.payment, text, found);
  }
  // Every other number, amount or percent written in words with its figure ("within ninety (60) days", "ten percent
  // (15%)" in a tier, "twelve (6) month period"): the grammar reads the figure alone, so the words are compared here,
  // wherever the token stands.
  const currencies: Diagnostic[] = [];
  for (const token of tokenize(text)) {
    const spelled = token.type === 'number' && token.text.includes('(');
    if (!spelled && token.type !== 'draftedPercent' && token.type !== 'draftedMoney') continue;
    if (token.type === 'draftedMoney') {
      compareCurrency(token.text, { start: positionAt(text, token.offset), end: positionAt(text, token.offset + token.text.length) }, currencies);
    }
    if (found.some((d) => d.offset <= token.offset && token.offset < d.endOffset)) continue;
    const range = { start: positionAt(text, token.offset), end: positionAt(text, token.offset + token.text.length) };
    if (!spelled) {
      compare(token.text, range, found);
      continue;
    }
    const at = token.text.lastIndexOf('(');
    const words = spokenValue(token.text.slice(0, at).trim());
    const figure = token.text.slice(at + 1, -1).replace(/,/g, '');
    if (words === null || new Dec(words).equals(new Dec(figure))) continue;
    found.push(
      diagnostic(
        'words-figure-mismatch',
        range,
        `The words '${token.text.slice(0, at).trim()}' say ${new Dec(words).toFixed()} but the figure in brackets says ${token.text.slice(at + 1, -1)}: which one is meant cannot be told. Correct the one that is wrong.`,
      ),
    );
  }
  out.push(...found, ...currencies);
}
