/**
 * Measures of profit or income ("Net Pre-Tax Income", "EBITDA", "Operating Income", "Gross Margin") are not sales
 * figures: a ledger of sales and refunds holds no costs, so no ledger the engine reads can give one, whatever the form of
 * the sentence around it. A text that does not parse and measures such a figure is refused at the measure's first use,
 * naming it, rather than at the first word the grammar could not take: that word may lie before the measure (a heading,
 * a period phrase) in a form the language would read once the measure were a sales one, and the reader would fix it only
 * to meet the measure next. A text that parses is never refused here: there the words are a name or a scope, not a
 * measure.
 */
import { diagnostic, type Diagnostic } from '../diagnostics';
import { positionAt } from './positions';
import { recogniseUnsupported } from './unsupported';

/**
 * The measures, as agreements write them. "marginal" (a way of applying rates) is not "margin"; "gross income" is left
 * out, since some agreements use it for gross receipts.
 */
const PROFIT_MEASURE =
  /\b(?:adjusted\s+)?EBITDA\b|\bEBIT\b|\b(?:net\s+)?pre-?tax\s+(?:net\s+)?(?:income|profits?|earnings)\b|\b(?:net|operating|gross|contribution)\s+(?:income|profits?|margin)\b|\bearnings\s+(?:before|per\s+share)\b/i;

/** Words that make such a phrase part of a name ("Operating Income Fund", "the EBITDA Division"), not a measure. */
const NAME_WORD = /^\s+(?:Partners|Division|Group|Holdings|Fund|Capital|Trust|LLC|L\.?P\.?|Inc|Ltd|Limited|Corp|Corporation|Company|Co)\b/;

/** The first profit or income measure of `text`, as written, with its offset; null when it has none. */
export function firstProfitMeasure(text: string): { offset: number; length: number; words: string } | null {
  const measures = new RegExp(PROFIT_MEASURE.source, 'gi');
  for (let match = measures.exec(text); match !== null; match = measures.exec(text)) {
    if (NAME_WORD.test(text.slice(match.index + match[0].length, match.index + match[0].length + 40))) continue;
    return { offset: match.index, length: match[0].length, words: match[0].replace(/\s+/g, ' ') };
  }
  return null;
}

/** The refusal of a text that did not parse and measures profit or income, at the measure; null when it measures none. */
export function profitMeasureRefusal(text: string): Diagnostic | null {
  const found = firstProfitMeasure(text);
  if (found === null) return null;
  const start = positionAt(text, found.offset);
  const end = positionAt(text, found.offset + found.length);
  const kind = recogniseUnsupported(text, found.offset)?.sentence ?? 'a sentence that measures a payment or its condition';
  const message =
    `This reads as ${kind}; the part not supported is '${found.words}' at ${start.line}:${start.column}: a measure of profit or income, ` +
    'which a ledger of sales and refunds cannot give (it holds no costs), so the payment cannot be computed from a ledger.';
  return diagnostic('unsupported-construct', { start, end }, message, {
    suggestion: 'measure the payment and its conditions on a sales figure (Net Sales, Gross Revenue, Bookings, Purchases), or compute the profit-based part outside the engine',
  });
}
