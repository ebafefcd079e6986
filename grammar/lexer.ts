import moo from 'moo';
import { isCurrencyAbbreviation, isCurrencyCode } from '../src/values/money';
import { INVISIBLE_CHARS } from '../src/values/text-key';
import { APOSTROPHE_GROUPED, DOT_GROUPED } from '../src/values/number-notation';
import { PERIOD_WORD_MATCHERS } from './period-words';

/**
 * The clause lexer. Whitespace of every kind is skipped here, not in the grammar, so the grammar
 * never has `_` rules that could make parses ambiguous (kach/nearley issues #292, #462).
 * Keywords are case-insensitive: a word's type is looked up in lower case, so "Month", "MONTH"
 * and "month" are all the `month` keyword, while its text keeps the case the author wrote (party
 * names are captured as written).
 */

/** Keywords whose token type is the word itself. */
export const KEYWORDS = [
  'a', 'achieve', 'achievement', 'achieving', 'after', 'agreement', 'agrees', 'and', 'annual', 'as', 'be',
  'billion', 'bonus', 'by', 'client', 'clients', 'close', 'closed', 'commission', 'corresponding', 'customer', 'customers', 'date',
  'day', 'days', 'deal', 'deals', 'described', 'during', 'each', 'effective', 'end', 'entitled', 'equal', 'every', 'following',
  'for', 'from', 'generate', 'goal', 'gross', 'in', 'meet', 'meeting', 'milestone', 'milestones', 'million', 'month',
  'months', 'net', 'new', 'of', 'outlined', 'part', 'payment', 'per', 'performance', 'provided', 'quarter',
  'quarterly', 'reach', 'reaching', 'receive', 'revenue', 'sale', 'sales', 'section', 'sell', 'set', 'shall', 'sold',
  'specified', 'target', 'targets', 'the', 'this', 'thousand', 'to', 'unit', 'units', 'upon', 'will', 'within', 'year',
  'yearly', 'out',
  // payer-pays and conditional sentences, comparatives, defined metrics, calendar periods
  'aggregate', 'achieves', 'are', 'at', 'bookings', 'cumulative', 'equals', 'event', 'exceed', 'exceeds',
  'excess', 'fee', 'generates', 'greater', 'if', 'is', 'least', 'less', 'more', 'no', 'not', 'or', 'pay', 'purchases',
  'reaches', 'revenues', 'should', 'than', 'that', 'turnover', 'when',
  // Payment mechanics: rates on the excess, tiers, increments, caps and floors, due dates.
  'above', 'over', 'up', 'including', 'maximum', 'minimum', 'any', 'portion', 'all',
  'additional', 'pro', 'rata', 'full', 'on', 'marginal', 'retroactive', 'basis', 'with', 'between',
  'payable', 'which', 'achieved', 'calendar',
  // Sentence forms of real clauses: lists of payments, "upon <Party>'s achievement of each of the following",
  // metric words, amounts set out elsewhere.
  'make', 'worldwide', 'such', 'its', 'generating', 'forth', 'opposite', 'schedule', 'exhibit',
  'payments', 'bonuses', 'exceeding',
  // Shortfall sentences: "If the Distributor fails to purchase …, it shall pay … the shortfall".
  'shortfall', 'difference', 'fails', 'does', 'purchase',
  // Attainment tables: "based on attainment of the quota of … as follows: below 80%: nothing; …".
  'based', 'attainment', 'quota', 'follows', 'below', 'nothing', 'interpolated',
  // "… Net Sales … were at least …": a past tense before a comparator (a keyword, so that no scope word takes it).
  'were',
] as const;

/** Ordinal words, in order: "first" is 1. */
export const ORDINAL_WORDS = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
] as const;

/** Month names and their common abbreviations, mapped to month numbers. */
export const MONTH_NAMES: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10,
  nov: 11, dec: 12,
};

/**
 * The token type of a keyword is the word itself, except for words that nearley's TypeScript
 * output cannot declare as variables (reserved words), which get a trailing underscore.
 */
const RESERVED = new Set(['for', 'if', 'in', 'new', 'this', 'with']);
export const keywordTokenType = (word: string): string => (RESERVED.has(word) ? `${word}_` : word);

const keywordType = moo.keywords({
  ...Object.fromEntries(KEYWORDS.map((k) => [keywordTokenType(k), k])),
  ordinal: [...ORDINAL_WORDS],
  monthName: Object.keys(MONTH_NAMES),
});

/**
 * Invisible characters that arrive with text pasted from web pages and word processors: soft
 * hyphen, zero-width spaces and joiners, bidirectional marks, word joiner, BOM. Between tokens they
 * are whitespace; inside a word they are nothing, since the reader sees one word ("mile\u200bstones"
 * is "milestones"): such a word's `value` is its text without them.
 */
const INVISIBLE = INVISIBLE_CHARS;
const INVISIBLES = new RegExp(`[${INVISIBLE}]`, 'g');
const withoutInvisibles = (text: string): string => text.replace(INVISIBLES, '');

/** ISO codes are recognised only in capitals, so that English words such as "all" or "top" stay words. */
function wordType(text: string): string {
  const word = withoutInvisibles(text);
  if (/^[A-Z]{3}$/.test(word) && (isCurrencyCode(word) || isCurrencyAbbreviation(word))) return 'currencyCode';
  return keywordType(word.toLowerCase());
}

/**
 * Characters treated as whitespace: everything JavaScript's \s covers (spaces, tabs, CR, LF,
 * no-break and other Unicode spaces, BOM) plus the invisible characters above.
 */
const WHITESPACE = new RegExp(`[\\s${INVISIBLE}]+`);
const LETTER = 'A-Za-z\u00c0-\u024f';

/**
 * A number in words with its figure in brackets, the drafting style "ninety (90) days", "ten (10)
 * new customers", "one hundred and twenty (120)": one `number` token whose value is the figure.
 * Only number words may precede the bracket, so "milestone (1)" stays a word and a label.
 */
const NUMBER_WORDS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty',
  'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'million', 'billion',
];
/** A case-insensitive pattern for a word (moo refuses the /i flag). */
const anyCase = (word: string): string => [...word].map((c) => `[${c}${c.toUpperCase()}]`).join('');
const NUMBER_WORD = `(?:${[...NUMBER_WORDS].sort((a, b) => b.length - a.length).map(anyCase).join('|')})`;
/**
 * The most number words one spelled number may have: "nine hundred ninety-nine billion nine hundred
 * ninety-nine million nine hundred ninety-nine thousand nine hundred ninety-nine" has 19. The bound keeps
 * the lexer linear: at every word of a run of number words not followed by a figure, the rule scans at most
 * this many words before it fails (unbounded, it rescanned the rest of the run at every word).
 */
export const MAX_NUMBER_WORDS = 24;
/** The number words of a spelled number, without the figure: what the rule scans before it can fail. */
export const SPELLED_NUMBER_RUN = `${NUMBER_WORD}(?:(?:-|\\s+(?:${anyCase('and')}\\s+)?)${NUMBER_WORD}){0,${MAX_NUMBER_WORDS - 1}}`;
const SPELLED_NUMBER = new RegExp(`${SPELLED_NUMBER_RUN}\\s*\\(\\d+(?:,+\\d+)*(?:\\.\\d+)?\\)`);
/**
 * An amount in words with its figure in brackets, the drafting style "Two Thousand Five Hundred
 * Dollars ($2,500)" and "five percent (5%)": one token whose value is the figure; the words are
 * compared with it by the checker (src/language/check-drafted.ts).
 */
const CURRENCY_NAME = `(?:(?:${anyCase('us')}|U\\.S\\.)\\s+)?(?:${['dollars', 'dollar', 'euros', 'euro', 'pounds sterling', 'pounds', 'pound', 'yen', 'swiss francs', 'francs'].map((w) => w.split(' ').map(anyCase).join('\\s+')).join('|')})`;
// Bounded like the spelled numbers' run, for the same reason: linear lexing of long runs of number words.
const NUMBER_WORDS_RUN = SPELLED_NUMBER_RUN;
const DRAFTED_MONEY = new RegExp(`${NUMBER_WORDS_RUN}\\s+${CURRENCY_NAME}\\s*\\((?:US)?[$€£¥]?\\s?\\d[\\d.,'’]*\\)`);
/** "one-half of one percent (0.5%)": a fraction of one percent, in words before the figure. */
const FRACTION_OF_ONE = `${NUMBER_WORD}-(?:${['halves', 'half', 'thirds', 'third', 'quarters', 'quarter', 'fourths', 'fourth', 'tenths', 'tenth'].map(anyCase).join('|')})\\s+${anyCase('of')}\\s+(?:${anyCase('one')}|${anyCase('a')})`;
const DRAFTED_PERCENT = new RegExp(`(?:${NUMBER_WORDS_RUN}(?:\\s+${anyCase('and')}\\s+[\\w-]+)?|${FRACTION_OF_ONE})\\s+${anyCase('per')}\\s?${anyCase('cent')}\\s*\\(\\d+(?:\\.\\d+)?\\s?%\\)`);
/** The text in the brackets: "Two Dollars ($2)" → "$2". */
const bracketed = (text: string): string => text.slice(text.lastIndexOf('(') + 1, -1).trim();

/** The figure of a spelled number: "ninety (90)" → "90". */
const figureOf = (text: string): string => text.slice(text.lastIndexOf('(') + 1, -1);

const RULES = {
  ws: { match: WHITESPACE, lineBreaks: true },
  // Not named `date`: that is the keyword type of the word "date" ("the Effective Date").
  isoDate: /\d{4}-\d{2}-\d{2}(?![\d-])/,
  ordinalNumber: /\d+(?:st|nd|rd|th)(?![A-Za-z])/,
  // Figures grouped with dots ("€50.000", "1.500.000,00") or apostrophes ("CHF 1'000") are one
  // number token, so that no part of them is read as a smaller number; which value they have is
  // decided in src/values/number-notation.ts. Not when more digits follow: "7.100.2" stays a section.
  groupedNumber: {
    match: new RegExp(`(?:${APOSTROPHE_GROUPED.source}|${DOT_GROUPED.source})(?![\\d'’]|[.,]\\d)`),
    type: () => 'number',
  },
  // "7.1.2": a section number of three or more parts, one token, so that the dots inside it are
  // never read as the period ending a sentence ("… Section 4.2. 3. Sales Bonus." is then unambiguous).
  dottedNumber: /\d+(?:\.\d+){2,}(?!\d|\.\d)/,
  // Commas are only taken between digits, so "$100,000, and" leaves the separator alone; bad
  // grouping ("100,,000", "1,00") is lexed whole and reported by the checker at this token.
  number: /\d+(?:,+\d+)*(?:\.\d+)?/,
  enumerator: /\((?:[ivxlcdmIVXLCDM]+|[a-zA-Z]|\d+)\)/,
  placeholder: /\[[^\]\n]*\]/,
  // "US$5,000,000": the dollar sign with the country before it, one symbol (for US dollars).
  currencySymbol: /(?<![A-Za-z])US\$|[$€£¥]/,
  // A quoted product name. It cannot span a colon, so the quotes around a whole pasted clause
  // (the enumerated and headed forms always have one) are lexed as lone quotes instead.
  // Nor can it end with a period: that is a whole sentence in quotes ("“Licensee shall pay … .”"),
  // such as a pasted payer-pays clause, whose quotes are lone quotes too.
  string: { match: /["“”„‟«»][^"“”„‟«»\n:]*(?<!\.\s*)["“”„‟«»]/, value: withoutInvisibles },
  // The same in single quotes ('Widget', ‘Men’s Shoes’). A word never starts with an apostrophe,
  // so a quote here opens a name; inside it an apostrophe followed by a letter is part of a word.
  singleQuoted: { match: /['‘’](?:[^'‘’\n:"“”]|['’](?=[A-Za-z]))*['‘’](?![A-Za-z])/, type: () => 'string', value: withoutInvisibles },
  quote: /["“”„‟«»]/,
  draftedMoney: { match: DRAFTED_MONEY, lineBreaks: true, value: bracketed },
  draftedPercent: { match: DRAFTED_PERCENT, lineBreaks: true, value: (text: string) => bracketed(text).replace(/\s?%$/, '') },
  spelledNumber: {
    match: SPELLED_NUMBER,
    lineBreaks: true,
    type: () => 'number',
    value: figureOf,
  },
  word: {
    // Word processors write hyphens as U+2010 HYPHEN or U+2011 NON-BREAKING HYPHEN ("Non‑Exclusive").
    match: new RegExp(`[${LETTER}](?:[${LETTER}'’\u2010\u2011-]|[${INVISIBLE}]+(?=[${LETTER}]))*`),
    type: wordType,
    value: withoutInvisibles,
  },
  colon: ':',
  comma: ',',
  semicolon: ';',
  period: '.',
  percent: '%',
  bullet: /[-‐‑•*–—]/,
  lparen: '(',
  rparen: ')',
  // Strict bounds of attainment bands written with signs: "50% if >95% and <100% of revenue target".
  lessSign: '<',
  greaterSign: '>',
  // Between a table's column headings: "Percent of Net Revenues / Bonus:".
  slash: '/',
  error: moo.error,
};
const tokenizer = moo.compile(RULES);

/**
 * Every token type the lexer can produce, whitespace and errors included. A type appears once:
 * a keyword whose type equals a rule's name would make the grammar accept one for the other.
 */
export const TOKEN_TYPES: readonly string[] = [
  ...Object.keys(RULES).filter((rule) => rule !== 'singleQuoted' && rule !== 'spelledNumber' && rule !== 'groupedNumber'), // typed 'string', 'number'
  'currencyCode',
  'ordinal',
  'monthName',
  ...KEYWORDS.map(keywordTokenType),
];

export type Token = moo.Token;

/**
 * Keywords that titles use ("Net Sales Milestone", "Calculation of Commissions"). The grammar matches
 * them with one test symbol (`%titleKeyword`) instead of one alternative per keyword, since every
 * alternative is an Earley state wherever a clause heading may start.
 */
const TITLE_KEYWORDS: ReadonlySet<string> = new Set(
  [
    'achievement', 'aggregate', 'agreement', 'and', 'annual', 'worldwide', 'schedule', 'exhibit', 'payments', 'bonuses', 'bonus', 'bookings', 'client', 'clients', 'commission',
    'cumulative', 'customer', 'customers', 'deal', 'deals', 'fee', 'for', 'goal', 'gross', 'in', 'milestone', 'milestones', 'month',
    'net', 'new', 'of', 'payment', 'performance', 'purchases', 'quarter', 'quarterly', 'revenue', 'revenues', 'sale', 'sales',
    'target', 'targets', 'turnover', 'unit', 'units', 'year', 'yearly',
    // "Annual Minimum.", "Minimum Purchase Volume.", "Quota Attainment Bonus."
    'minimum', 'purchase', 'shortfall', 'quota', 'attainment',
    // "Additional Royalty."
    'additional',
  ].map(keywordTokenType),
);
export const titleKeyword = { test: (token: Token): boolean => TITLE_KEYWORDS.has(token.type ?? '') };
/** Any token a heading may hold: a plain word, an ordinal, a month, a currency code or a title keyword. */
const HEADING_TYPES: ReadonlySet<string> = new Set(['word', 'ordinal', 'monthName', 'currencyCode']);
export const headingToken = {
  test: (token: Token): boolean => HEADING_TYPES.has(token.type ?? '') || TITLE_KEYWORDS.has(token.type ?? ''),
  samples: ['Sales', 'of', 'Bonus', 'Net', 'Second', 'March', 'EUR'],
};
/** A bracketed placeholder of asterisks only ("[***]", "[* * *]"): a redacted figure. */
export const redaction = { test: (token: Token): boolean => token.type === 'placeholder' && /^\[[\s*]+\]$/.test(token.value), samples: ['[***]'] };
/**
 * A plain word before a payment's noun ("one-time", "launch"), except "an": that is the article, and as a
 * word it would let "the a an bonus" split two ways (party "the a" + "an", or party "the" + "a" + "an").
 */
export const qualifierWord = { test: (token: Token): boolean => token.type === 'word' && token.value.toLowerCase() !== 'an', samples: ['one-time', 'launch'] };
/** "Section", "Article" or "ARTICLE" before a clause heading's number ("Article 6.2 Target Bonus."). */
export const sectionPrefixWord = {
  test: (token: Token): boolean => token.type === 'section' || (token.type === 'word' && (token.value === 'Article' || token.value === 'ARTICLE')),
  samples: ['Section', 'Article', 'ARTICLE'],
};
/** Grammar symbols that are test symbols defined here, not token types of the lexer. */
const MATCHERS: ReadonlySet<string> = new Set(['titleKeyword', 'redaction', 'qualifierWord', 'sectionPrefixWord', 'headingToken', 'hundredFigure', ...PERIOD_WORD_MATCHERS]);

/** The lexer nearley uses: the tokenizer with whitespace tokens dropped. */
export const lexer = {
  reset(chunk: string, state?: moo.LexerState): void {
    tokenizer.reset(chunk, state);
  },
  next(): Token | undefined {
    let token = tokenizer.next();
    while (token && token.type === 'ws') token = tokenizer.next();
    return token;
  },
  save: (): moo.LexerState => tokenizer.save(),
  formatError: (token: Token, message?: string): string => tokenizer.formatError(token, message),
  // False for a test symbol, so that the compiled grammar uses the matcher of that name.
  has: (type: string): boolean => !MATCHERS.has(type) && tokenizer.has(type),
};

/** All tokens of `text`, whitespace included: for editors' highlighting and for tests. */
export function tokenize(text: string): Token[] {
  tokenizer.reset(text);
  return Array.from(tokenizer);
}
