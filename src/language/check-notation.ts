/**
 * The notation of the figures in a clause document: which figures group thousands with dots or
 * apostrophes, which reading the engine took (an info diagnostic, so that the reading is stated
 * beside every evaluation), and which figures it cannot read without being told (an error that
 * names both readings and how to write each). A dot-grouped figure is never read silently: the
 * same "50.000" is fifty thousand in European drafting and fifty in English.
 */
import type { DocumentNode, MoneyNode, Range, TargetNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { formatMoney, isCurrencyCode, minorUnits } from '../values/money';
import { APOSTROPHE_GROUPED, COMMA_GROUPED, DOT_GROUPED, dotCouldBeDecimal, figureValue, inEnglishNotation, notationOf } from '../values/number-notation';
import { positionAt } from './positions';
import { moneyNodesOf } from './money-nodes';

/** Any figure, grouped forms first (as the lexer tries them). */
export const FIGURE = new RegExp(`${APOSTROPHE_GROUPED.source}|${DOT_GROUPED.source}|${COMMA_GROUPED.source}`);

/** The figure written at the start of `range` (or inside it for "$…"), with its own range. */
export function figureIn(text: string, range: Range): { text: string; range: Range } | null {
  const slice = text.slice(range.start.offset, range.end.offset);
  const match = FIGURE.exec(slice);
  if (!match) return null;
  const start = range.start.offset + match.index;
  return { text: match[0], range: { start: positionAt(text, start), end: positionAt(text, start + match[0].length) } };
}

interface Figure {
  text: string;
  range: Range;
  /** The currency of an amount; null for a count. */
  currency: string | null;
  /** Written before "thousand", "million" or "billion". */
  multiplied: boolean;
  /** The whole amount as written ("€50.000"), for messages. */
  written: string;
}

/** A figure that only the English notation writes: comma groups, or a decimal point not before three digits. */
function englishOnly(f: Figure): boolean {
  if (notationOf(f.text) !== 'comma') return false;
  return /\d,\d{3}/.test(f.text) || /\.(?:\d{1,2}|\d{4,})$/.test(f.text) || (f.multiplied && f.text.includes('.'));
}

function figuresOf(document: DocumentNode, text: string): Figure[] {
  const out: Figure[] = [];
  const seen = new Set<number>();
  const push = (f: Figure): void => {
    if (seen.has(f.range.start.offset)) return;
    seen.add(f.range.start.offset);
    out.push(f);
  };
  const money = (m: MoneyNode): void => {
    // An amount computed from a share of a quota ("0.00001% of the Quarterly Quota of $1") spans the share, whose own
    // figure is a percent: the amount's figure is the one in its written text, the last such text in its range.
    const slice = text.slice(m.range.start.offset, m.range.end.offset);
    const at = slice.lastIndexOf(m.text);
    const range = at <= 0 ? m.range : { start: positionAt(text, m.range.start.offset + at), end: m.range.end };
    const found = figureIn(text, range);
    if (found) push({ ...found, currency: m.currency, multiplied: /(?:thousand|million|billion)/i.test(m.text), written: m.text });
  };
  const target = (t: TargetNode): void => {
    if (t.kind === 'revenue') return;
    const found = figureIn(text, t.range);
    if (found) push({ ...found, currency: null, multiplied: false, written: found.text });
  };
  for (const clause of document.clauses) for (const m of clause.milestones) target(m.target);
  for (const m of moneyNodesOf(document, [])) money(m);
  return out.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

const show = (f: Figure, value: string): string => (f.currency && isCurrencyCode(f.currency) ? formatMoney(value, f.currency) : inEnglishNotation(value));

export function checkNotation(document: DocumentNode, text: string, out: Diagnostic[]): void {
  const figures = figuresOf(document, text);
  const english = figures.find(englishOnly);
  for (const f of figures) {
    const notation = notationOf(f.text);
    if (notation === 'comma') continue;
    const grouped = figureValue(f.text);
    if (notation === 'apostrophe') {
      out.push(diagnostic('number-notation', f.range, `'${f.written}' is read as ${show(f, grouped)}: the apostrophes group thousands (Swiss notation).`));
      continue;
    }
    if (f.multiplied && dotCouldBeDecimal(f.text)) continue; // "$1.500 million": a decimal, as the builder reads it
    const decimal = f.text.replace(/0+$/, '').replace(/\.$/, '');
    const reason = !dotCouldBeDecimal(f.text)
      ? null
      : f.currency === null
        ? 'a count has no currency to tell which notation is meant'
        : isCurrencyCode(f.currency) && minorUnits(f.currency) >= 3
          ? `${f.currency} amounts have ${minorUnits(f.currency)} decimal places, so both readings are amounts a clause could state`
          : english
            ? `this document also writes '${english.written}' in English notation, where a dot is a decimal point`
            : null;
    if (reason) {
      const asGrouped = f.written.replace(f.text, inEnglishNotation(grouped));
      const asDecimal = f.written.replace(f.text, decimal);
      out.push(
        diagnostic(
          'ambiguous-number',
          f.range,
          `'${f.written}' could be ${show(f, grouped)} (dots grouping thousands, European notation) or ${f.currency ? show(f, decimal) : decimal} (a decimal point): ${reason}. Write '${asGrouped}' for the one, '${asDecimal}' for the other.`,
          { suggestion: `write '${asGrouped}' or '${asDecimal}'` },
        ),
      );
      continue;
    }
    const comma = f.text.includes(',') ? ' and the comma marks the decimals' : '';
    const why = dotCouldBeDecimal(f.text) ? `, since a ${f.currency} amount is not written to three decimal places` : '';
    out.push(diagnostic('number-notation', f.range, `'${f.written}' is read as ${show(f, grouped)}: the dots group thousands${comma} (European notation)${why}.`));
  }
}
