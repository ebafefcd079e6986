/**
 * Text outside the language: before reporting tokens, recognise what kind of sentence the parser
 * stopped in and which construct there the language does not read, so that the error names the
 * construct ("this reads as a payer-pays bonus sentence; the part not supported is a comparative,
 * 'exceed'") instead of listing words to type. The patterns are the forms a corpus of public
 * agreements writes (spec/conformance/corpus); none of them is read here, only named.
 */

export interface Unsupported {
  /** The kind of sentence, in words: "a payer-pays sentence ('<Company> shall pay <Agent> … when …')". */
  sentence: string;
  /** The construct at or after the error that the language does not read, in words, or null. */
  construct: string | null;
}

/** Kinds of sentence, tried in order on the sentence holding the error. */
const SENTENCE_KINDS: readonly [RegExp, string][] = [
  [/^\s*["“][^"”\n]{1,80}["”]\s+means\b/i, "a definition ('\"Net Sales\" means …')"],
  [/^\s*(?:if|in the event that|should|where|provided that)\b/i, "a conditional sentence ('If Net Sales in any calendar quarter exceed $X, <Company> shall pay …')"],
  [/\b(?:shall|will|agrees? to|must)\s+(?:also\s+)?(?:pay|make|grant|contribute|compensate|provide|allow)\b/i, "a payer-pays sentence ('<Company> shall pay <Agent> a bonus of $X when …')"],
  [/\b(?:shall|will)\s+(?:be\s+(?:eligible|entitled)\s+to\s+)?(?:earn|receive)\b|\bearns?\b/i, "an earning sentence ('<Agent> shall earn a commission of …')"],
  [/\b(?:for (?:each|every)|on a (?:quarterly|monthly|annual) basis)\b/i, "a per-period or per-increment payment sentence ('For each calendar quarter in which …')"],
  [/\b(?:commits?|undertakes?|shall purchase|shall comply)\b/i, "a minimum-commitment sentence ('<Distributor> commits to achieve …')"],
  [/\b(?:bonus(?:es)?|commissions?|incentives?|rebates?|discounts?|royalt(?:y|ies)|rewards?|quota|milestones?)\b/i, "a sentence about a bonus or commission in a form the language does not have"],
  // "For avoidance of doubt, each rate applies only to that portion of the Net Sales …": it restates how the sentence
  // before it is read, which the language reads only in the forms it has ("For the avoidance of doubt, this milestone …").
  [/^\s*for\s+(?:the\s+)?(?:avoidance\s+of\s+doubt|purposes\s+of\s+clarity|clarity)\b/i, "a clarifying sentence ('For the avoidance of doubt, …')"],
];

/** A clause heading at the start of a sentence: "4.2 Performance Bonus.", "Article 6.2 Target Bonus.", "Sales Bonus.". */
const HEADING = /^\s*(?:(?:[Aa]rticle|[Ss]ection|§)\s*)?(?:\d+(?:\.\d+)*(?:\([a-z0-9]+\))*\.?\s+)?(?:(?:[A-Z][\w'’-]*|of|for|in|on|and|the|to)\s+){0,7}[A-Z][\w'’-]*\.(?=\s|$)/;
const SECTION_NUMBER = /^\s*(?:(?:article|section|§)\s*)?\d+(?:\.\d+)*(?:\([a-z0-9]+\))*\.?\s/i;

/** Constructs, in the order they are looked for after the error. */
const CONSTRUCTS: readonly [RegExp, string][] = [
  // Only at the error itself: a redacted payment amount later in the sentence is read.
  [/^\s*[$€£¥]?\s*\[\s*\*[\s*]*\]/, "a redacted value where the language does not read one (it reads '$[***]' as a payment amount)"],
  // A discount or credit the payer allows is not a payment the evaluator owes ("shall allow the Authority a retrospective discount").
  [/^\s*allow\b/i, "a discount or credit allowed rather than a payment ('shall allow <party> a discount on …')"],
  [/\b(?:within|following)\s+(?:\w+\s+)?\(?\d*\)?\s*days?\s+(?:following|after)\s+(?:the\s+)?(?:attainment|achievement)\b/i, "a payment due a number of days after the achievement ('within sixty (60) days following attainment of …')"],
  // Calendar periods after 'in any/each', 'for each … in which', 'the first … in which' are read; these are not.
  // Fiscal periods after 'in any/each', 'per', 'FY2027', 'the Fiscal Year beginning <date>' are read too.
  [/\b(?:calendar|fiscal)\s+(?:month|quarter|year|half-year)s?\s+(?:ending|beginning|commencing|during|occurring|then|of|that|which)\b|\bcalendar\s+half\b/i, "a calendar or fiscal period in a form not read yet ('the fiscal year that starts on …', 'the Calendar Year ending …')"],
  [/\bFY\s?\d{2}\b|\bQ[1-4]\b(?!\s*\d{4})|\bhalf-year(?!\s+period\s*\()|\bsemi-annual\s+period/i, "a named period in a form not read yet ('FY27', 'Q3' without its year, 'semi-annual period')"],
  // "during the first Contract Year", "in each Contract Year", "during the Measuring Period" are read; these are not.
  [/\bsuch\s+(?:[A-Z][\w'’-]*\s+)+(?:Year|Period|Quarter|Month)\b|\b(?:contract|royalty|sales|measuring)\s+(?:year|period)\s+\d|\b(?:royalty|sales|measuring)\s+(?:year|period)s\b/i, "a defined period in a form not read yet ('for such Contract Year', 'Contract Year 1')"],
  // "the 12 month period commencing on June 1, 2026 / on the Effective Date" is read; a start named by another event is not.
  [/\b(?:commencing|beginning|starting)\s+(?:on\s+|with\s+)?(?!(?:on\s+)?(?:the\s+Effective\s+Date|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\d))/i, "a window with its own start in a form not read yet ('commencing on the First Commercial Sale Date', 'beginning with the first full Calendar Quarter')"],
  [/\b(?:first|aggregate|cumulative)\s+(?:[A-Z]\w+\s+)*(?:reach|achieve|meet)/i, "a first-achievement condition in a sentence form not read yet ('At such time as …')"],
  // "equal to $25,000 multiplied by the percentage of the target … achieved in such year." is read with the sentence
  // that says below what share nothing is paid ("If less than 50% of the target is achieved in a year, …").
  [/\bmultiplied by the percentage of\b/i, "a bonus pro-rated by the share of a target, without the sentence that says below what share nothing is paid ('If less than 50% of the target is achieved in a year, no bonus is payable for that year.')"],
  [/\bper\s?cent\s*\(|\d+(?:\.\d+)?\s*%\)?\s+of\b|^\s*%\)?\s+of\b/i, "a rate in a payer-pays sentence ('ten percent (10%) of Net Sales')"],
  [/\b(?:consolidated|annual|monthly|quarterly)\s+(?:(?:net|gross)\s+)?(?:sales|revenues?|turnover)\b/i, "a metric with words the language does not read yet ('annual Net Sales', 'monthly Revenue')"],
  [/\b(?:portion|tiers?|bands?|up to and including|between)\b/i, "tiered rates or bands"],
  [/\bshall not exceed\b|\bcap(?:ped)?\b|\bmaximum\b/i, "a cap on payments"],
  [/\b(?:quota|plan|forecast|target bonus|attainment)\b/i, "a target relative to a quota or plan"],
  [/\b(?:shortfall|difference)\b/i, "a shortfall payment"],
  [/\bExhibit\b|\bSchedule\b|\bAnnex\b|\bset (?:forth|out) (?:below|above|in|on)\b/i, "a target or payment set out elsewhere ('set forth in Exhibit C')"],
  [/\b(?:exceed(?:s|ing|ed)?|in excess of|more than|greater than|over)\b/i, "a comparison in a sentence form not read yet ('… exceed …', 'in excess of')"],
  [/\b(?:at least|not less than|no less than|or more|or greater|equal(?:s)? or exceed|reach(?:es)? or exceed|equal to)\b/i, "a comparison in a sentence form not read yet ('… at least …', 'not less than')"],
  [/\b(?:Net|Gross)\s+(?:Sales|Revenues?|Turnover)\b|\bBookings\b|\bRevenues?\b|\bPurchases\b|\bUnits\b/, "a defined metric ('Net Sales', 'Bookings')"],
  // "a one-time payment" is read (a qualifier); a sentence saying it apart is not yet.
  [/\bonly once\b|\bonly upon the first achievement\b|\bsubsequent or repeated achievements?\b/i, "a once-only sentence ('shall be paid only once')"],
  [/\b(?:Territory|Affiliates?|Sublicensees?|Products?)\b/, "a scope phrase ('in the Territory', 'of Products')"],
  [/\d+(?:\.\d+)?\s*%/, "a percentage rate"],
];

/** A sentence ends at '.', ';' or ':' before white space (not the dot of "4.2", "3." at a line's start, or "Inc."). */
const SENTENCE_END = /(?<!^\s*\d{1,3}|\n\s*\d{1,3}|\b(?:Inc|Co|Corp|Ltd|No|Art|Sec))[.;:](?=\s|$)/g;

/** Only a full stop ends it: the whole sentence, list items and all. */
const FULL_STOP = /(?<!^\s*\d{1,3}|\n\s*\d{1,3}|\b(?:Inc|Co|Corp|Ltd|No|Art|Sec))\.(?=\s|$)/g;

/** The sentence of `text` holding `offset`: from after the previous sentence end to the next one. */
function sentenceAround(text: string, offset: number, ends = SENTENCE_END): { start: number; text: string } {
  const from = Math.max(0, offset - 400);
  let start = from;
  ends.lastIndex = 0; // matchAll starts where the last exec left the shared expression
  for (const m of text.slice(from, offset).matchAll(ends)) start = from + m.index + 1;
  while (start < offset && /\s/.test(text[start])) start++;
  ends.lastIndex = offset;
  const next = ends.exec(text);
  const end = next && next.index - offset < 400 ? next.index + 1 : Math.min(text.length, offset + 400);
  return { start, text: text.slice(start, end) };
}

/**
 * The language's own sentence shapes: an error in one of them is a near miss (a typo, a missing
 * word), which the parser's own message and "did you mean" describe better.
 */
const OWN_SHAPES: readonly RegExp[] = [
  /\bthe following\s+(?:sales\s+)?mile\w*\b(?!\s+pay)/i,
  /^\s*upon\s+\S+(?:\s+of)?\s+(?:each\s+milestone|the\s+milestone|milestone\b)/i,
  /^\s*[-•*–—]?\s*(?:month|quarter|year)\s+\d+\s+(?:milestone|goal|target)\b/i,
  /^\s*[-•*–—]?\s*(?:quarterly|annual|yearly)\s+(?:milestone|goal|target)\b/i,
];

const kindOf = (sentence: string): string | null => SENTENCE_KINDS.find(([re]) => re.test(sentence))?.[1] ?? null;

/** What the sentence holding `offset` is, and the construct there the language does not read; null if not recognised. */
export function recogniseUnsupported(text: string, offset: number): Unsupported | null {
  // The text ending too early after a full stop: the sentence the parser wanted more of is the last one.
  const end = text.trimEnd().length;
  if (offset >= end && end > 0 && text[end - 1] === '.') offset = end - 1;
  const sentence = sentenceAround(text, offset);
  const whole = sentenceAround(text, offset, FULL_STOP);
  const pays = /\b(?:shall|will)\s+(?:pay|make|grant)\b/i.test(whole.text);
  if (!pays && OWN_SHAPES.some((re) => re.test(whole.text))) return null;
  const heading = HEADING.exec(sentence.text);
  if (heading && heading[0].trimEnd().length >= sentence.text.trimEnd().length) {
    const after = sentenceAround(text, Math.min(text.length, sentence.start + sentence.text.length + 1));
    const next = after.start >= sentence.start + sentence.text.length ? kindOf(after.text) : null;
    return {
      sentence: `a clause heading ('${heading[0].trim()}')${next ? ` before ${next}` : ''}`,
      construct: SECTION_NUMBER.test(sentence.text) ? "a section number and heading ('4.2 Sales Milestones.')" : "a clause heading ('Sales Bonus.')",
    };
  }
  // An item of a list ("(a) within sixty (60) days following …:") is of the kind of the sentence holding the list.
  const kind = kindOf(sentence.text) ?? kindOf(whole.text);
  if (!kind) return null;
  if (SECTION_NUMBER.test(sentence.text) && offset - sentence.start < 12) return { sentence: kind, construct: "a section number ('4.2') before the clause" };
  // After the error within its part of the sentence, then on to the full stop (an error at a ';' lies before the
  // proviso it starts), and only then anywhere in the sentence.
  const places = [text.slice(offset, sentence.start + sentence.text.length), text.slice(offset, whole.start + whole.text.length), sentence.text];
  const found = places.map((place) => CONSTRUCTS.find(([re]) => re.test(place))).find((c) => c !== undefined);
  return { sentence: kind, construct: found ? found[1] : null };
}
