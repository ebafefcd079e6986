import type moo from 'moo';

type Token = moo.Token;

/**
 * Words of windows with their own start and of period definitions ("period", "commencing", "term",
 * "anniversary", "means"), matched by their text as test symbols rather than made keywords: as
 * keywords they would stop being words everywhere else (party names, headings, scope phrases), and
 * "period" cannot be a keyword at all, since `period` is the type of the full stop.
 */
/** A test symbol; `samples` are texts it accepts, for the tests that generate sentences from the grammar. */
export interface WordMatcher {
  test: (token: Token) => boolean;
  samples: readonly string[];
}

const wordIn = (...words: string[]): WordMatcher => {
  const set = new Set(words);
  return { test: (token: Token): boolean => token.type === 'word' && set.has(token.value.toLowerCase()), samples: words };
};

export const periodNoun = wordIn('period');
export const startVerb = wordIn('commencing', 'beginning', 'starting');
export const rangeEndWord = wordIn('through', 'until');
export const termNoun = wordIn('term');
export const anWord = wordIn('an');
export const anniversaryWord = wordIn('anniversary');
export const thereofWord = wordIn('thereof');
export const itWord = wordIn('it');
export const successiveWord = wordIn('successive', 'consecutive');
export const meansWord = wordIn('means');
export const yearsWord = wordIn('years');
export const fiscalWord = wordIn('fiscal');
export const fiscalEdgeVerb = wordIn('begins', 'starts', 'commences', 'ends');
export const endingWord = wordIn('ending', 'beginning', 'starting');
/** Period adjectives of a metric: the keywords "annual", "quarterly", "yearly", and the words "monthly", "fortnightly", "weekly". */
const PERIOD_KEYWORDS = new Set(['annual', 'quarterly', 'yearly']);
const PERIOD_WORDS = new Set(['monthly', 'fortnightly', 'weekly']);
export const metricPeriodWord: WordMatcher = {
  test: (token: Token): boolean => PERIOD_KEYWORDS.has(token.type ?? '') || (token.type === 'word' && PERIOD_WORDS.has(token.value.toLowerCase())),
  samples: ['annual', 'Monthly', 'quarterly'],
};

/** "Company's", "Licensee’s": whose fiscal year a statement is about. */
export const possessiveWord: WordMatcher = {
  test: (token: Token): boolean => token.type === 'word' && /^[A-Z].*['’]s$/.test(token.value),
  samples: ["Company's", 'Licensee’s'],
};

/** "quarter's", "Quarter's", "month's", "year's": the period whose target an excess is over ("a calendar quarter's target"). */
export const periodPossessive: WordMatcher = {
  test: (token: Token): boolean => token.type === 'word' && /^(month|quarter|year)['’]s$/i.test(token.value),
  samples: ["quarter's", 'Year’s'],
};

/** "twelve-month", "12-month", "three-year": a length written as one hyphenated word. */
export const HYPHENATED_LENGTH = /^([a-z]+|\d+)-(day|month|year)$/i;
export const hyphenatedLength: WordMatcher = {
  test: (token: Token): boolean => token.type === 'word' && HYPHENATED_LENGTH.test(token.value),
  samples: ['twelve-month', 'three-year'],
};

/** The ordinal "first" only: "the first twelve (12) months after the Effective Date". */
export const firstWord: WordMatcher = { test: (token: Token): boolean => token.type === 'ordinal' && token.value.toLowerCase() === 'first', samples: ['first'] };

/**
 * A word of a defined period's name ("Contract", "Measuring", "Sales", "Milestone"): capitalised,
 * and not a word that names a calendar or fiscal period, whose own rules read those.
 */
const NAME_KEYWORDS = new Set(['sales', 'milestone', 'net', 'gross', 'revenue', 'performance', 'target']);
const NOT_NAMES = new Set(['fiscal', 'calendar', 'financial', 'period', 'term']);
export const periodNameWord: WordMatcher = {
  test: (token: Token): boolean =>
    /^[A-Z]/.test(token.value) &&
    ((token.type === 'word' && !NOT_NAMES.has(token.value.toLowerCase())) || NAME_KEYWORDS.has(token.type ?? '')),
  samples: ['Contract', 'Measuring', 'Sales'],
};

/** "since the previous milestone": words that name the milestone before, not keywords, so party names and scope words keep them. */
export const sinceWord = wordIn('since');
export const previousWord = wordIn('previous', 'preceding', 'prior', 'last');
/** "1.5 times the base rate", "2x the base commission rate": words of a band rate written as a multiple. */
export const timesWord = wordIn('times', 'x');
export const baseWord = wordIn('base');
export const rateWord = wordIn('rate');

/** A period named by one capitalised word the text defines ("Fortnight", "Week"); other names end in Year, Quarter, Month or Period. */
export const soleNameWord: WordMatcher = {
  test: (token: Token): boolean => token.type === 'word' && (token.value === 'Fortnight' || token.value === 'Week'),
  samples: ['Fortnight', 'Week'],
};

/**
 * A word of a threshold's name ("the Target Sales Threshold"): any word but "made", which starts the window
 * of the sales counted ("in excess of the Target made during the Term"), never ends a name.
 */
export const thresholdNameWord: WordMatcher = {
  test: (token: Token): boolean => token.type === 'word' && token.value.toLowerCase() !== 'made',
  samples: ['Threshold', 'Forecast', 'Sub-Distributor'],
};

/**
 * A word of a scope ("in the Territory", "of each Product", "by Licensee"): any word but "term", "period"
 * and a period's sole name, since "in the term", "in the Royalty Period" and "in the Fortnight" are
 * windows, never places.
 */
const NOT_SCOPE_WORDS = new Set(['term', 'period']);
export const scopeWord: WordMatcher = {
  test: (token: Token): boolean => token.type === 'word' && !NOT_SCOPE_WORDS.has(token.value.toLowerCase()) && !soleNameWord.test(token),
  samples: ['Territory', 'Products', 'Affiliates'],
};

/**
 * A word of a product's name in a set definition ("the Model X and Model Y systems"): any word but
 * "excluding", which starts the words the set leaves out, never a name.
 */
export const setNameWord: WordMatcher = {
  test: (token: Token): boolean => token.type === 'word' && token.value.toLowerCase() !== 'excluding',
  samples: ['Model', 'X', 'Widget'],
};

/** The test symbols above, by the names the grammar gives them. */
export const PERIOD_WORD_MATCHERS: readonly string[] = [
  'periodNoun', 'startVerb', 'rangeEndWord', 'termNoun', 'anWord', 'anniversaryWord', 'thereofWord', 'itWord', 'successiveWord',
  'meansWord', 'yearsWord', 'fiscalWord', 'fiscalEdgeVerb', 'endingWord', 'metricPeriodWord', 'possessiveWord', 'hyphenatedLength', 'firstWord', 'periodNameWord',
  'soleNameWord', 'periodPossessive', 'sinceWord', 'previousWord', 'timesWord', 'baseWord', 'rateWord',
  'thresholdNameWord', 'scopeWord', 'setNameWord',
];
