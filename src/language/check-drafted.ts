/**
 * Amounts and percentages in the drafting style, "Two Thousand Five Hundred Dollars ($2,500)" and
 * "five percent (5%)": the grammar reads the figure; here the words are compared with it, and a
 * disagreement is an error that points at both, since either could be the one meant.
 */
import type { DocumentNode, MoneyNode, PaymentNode, Range } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { Dec } from '../values/money';
import { wordsValue } from '../values/number-words';
import { figureValue } from '../values/number-notation';

/** "Two Thousand Dollars ($2,000)" → words "Two Thousand", figure "2,000"; null when not in that style. */
const DRAFTED = /^(.*?)\s+(?:(?:US|U\.S\.)\s+)?(?:dollars?|euros?|pounds?(?:\s+sterling)?|yen|(?:swiss\s+)?francs?|per\s?cent)\s*\((?:US)?[$€£¥]?\s?([\d.,'’]+)\s?%?\)$/i;

function compare(written: string, range: Range, out: Diagnostic[]): void {
  const m = DRAFTED.exec(written.replace(/\s+/g, ' ').trim());
  if (!m) return;
  const words = wordsValue(m[1]);
  if (words === null) return; // "one and one-half percent (1.5%)": fractions in words are not compared
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

export function checkDrafted(document: DocumentNode, text: string, out: Diagnostic[]): void {
  for (const clause of document.clauses) {
    for (const m of clause.milestones) {
      if (m.target.kind === 'revenue') money(m.target.amount, out);
      if (m.payment) payment(m.payment, text, out);
    }
    for (const t of clause.payments) payment(t.payment, text, out);
  }
}
