/**
 * Hints for syntax errors that are not typos: a drafting habit the language spells another way
 * ("$100K", "ninety days", "the end of Q1", "March 31st, 2026"). Each rule looks at the token
 * the parser stopped on and what it expected there, and says what to write instead; the
 * "did you mean" of a misspelt keyword is left to src/language/suggest.ts.
 */
import type { Token } from '../../grammar/lexer';
import type { Fix } from '../diagnostics';

export interface Hint {
  suggestion: string;
  fix?: Fix;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};

const MULTIPLIER_ABBREVIATIONS: Readonly<Record<string, string>> = {
  k: 'thousand', m: 'million', mm: 'million', mn: 'million', b: 'billion', bn: 'billion',
};

function replace(token: Token, text: string, title: string): Fix {
  return { title, offset: token.offset, endOffset: token.offset + token.text.length, text };
}

/**
 * Drafting style: an amount in words with its figure in brackets, "One Million Dollars
 * ($1,000,000)", "five percent (5%)". The words before the bracket are not read; the figure is.
 */
const SPELLED = `(?:${[...Object.keys(NUMBER_WORDS), 'thousand', 'million', 'billion', 'and'].join('|')})`;
const CURRENCY_WORDS = '(?:(?:US|U\\.S\\.|United\\s+States)\\s+)?(?:dollars?|euros?|pounds?(?:\\s+sterling)?|yen|francs?)';
const WORDS_THEN_FIGURE = new RegExp(
  `^${SPELLED}(?:[\\s-]+${SPELLED})*(?:\\s+(?:${CURRENCY_WORDS}|percent|per\\s+cent))?\\s*\\(([^()\\n]{1,40})\\)`,
  'i',
);

function wordsThenFigure(token: Token, source: string): Hint | null {
  const match = WORDS_THEN_FIGURE.exec(source.slice(token.offset, token.offset + 200));
  if (!match) return null;
  const figure = match[1].trim();
  return {
    suggestion: `write the figure alone, '${figure}': the amount in words before it is the drafting style, which is not read`,
    fix: { title: `Write '${figure}'`, offset: token.offset, endOffset: token.offset + match[0].length, text: figure },
  };
}

/** A hint for `token` where the parser expected one of `types`, or null. */
export function hintFor(token: Token, types: readonly string[], source: string): Hint | null {
  const word = token.text.toLowerCase();
  const expects = (type: string): boolean => types.includes(type);

  if (expects('number') && word in NUMBER_WORDS) {
    const drafted = wordsThenFigure(token, source);
    if (drafted) return drafted;
  }

  if (expects('number') && word in NUMBER_WORDS) {
    const figure = String(NUMBER_WORDS[word]);
    return {
      suggestion: `write the figure: '${figure}', or '${token.text} (${figure})' in the drafting style`,
      fix: replace(token, `${token.text} (${figure})`, `Add the figure: '${token.text} (${figure})'`),
    };
  }
  if (expects('thousand') && word in MULTIPLIER_ABBREVIATIONS && /\d$/.test(source.slice(0, token.offset))) {
    const multiplier = MULTIPLIER_ABBREVIATIONS[word];
    return {
      suggestion: `write the multiplier in words: '${multiplier}' ('${token.text}' is not read as one)`,
      fix: replace(token, ` ${multiplier}`, `Write '${multiplier}'`),
    };
  }
  if ((expects('ordinal') || expects('quarter')) && /^q[1-4]?$/.test(word)) {
    // The lexer reads "Q3" as the word "Q" and the number 3: the quarter's number follows the token.
    const written = /^q\s*([1-4])(?!\d)/i.exec(source.slice(token.offset, token.offset + 4));
    if (!written) return { suggestion: "write the quarter as 'the first quarter' … 'the fourth quarter' (counted from the effective date), or its last day as a date" };
    const n = Number(written[1]);
    const ordinal = ['first', 'second', 'third', 'fourth'][n - 1];
    const lastDay = ['March 31', 'June 30', 'September 30', 'December 31'][n - 1];
    return {
      suggestion: `'Q${n}' has two readings: the ${ordinal} quarter counted from the effective date (write 'the ${ordinal} quarter'), or calendar Q${n} (write its last day as a date, such as 'by ${lastDay}, 2026', or 'in Q${n} 2026' for that quarter's own sales)`,
    };
  }
  if ((expects('month') || expects('quarter')) && (word === 'calendar' || word === 'fiscal')) {
    return {
      suggestion:
        word === 'calendar'
          ? "contract periods are counted from the effective date; for a calendar period write its last day as a date, such as 'by March 31, 2026', or 'in Q1 2026' for that quarter's own sales, or 'in each calendar quarter' for every one"
          : `contract periods are counted from the effective date; for a ${word} period write its last day as a date, such as 'by March 31, 2026'`,
    };
  }
  if (expects('number') && token.type === 'ordinalNumber') {
    const figure = token.text.replace(/\D+$/, '');
    return { suggestion: `write the day as a number: '${figure}'`, fix: replace(token, figure, `Write '${figure}'`) };
  }
  return null;
}

/** A hint for text that ends where the parser wanted more, or null. */
export function hintAtEnd(types: readonly string[], end: number): Hint | null {
  if (types.includes('period')) {
    return {
      suggestion: "end the list of milestones (or the sentence) with a period '.'",
      fix: { title: "Add '.'", offset: end, endOffset: end, text: '.' },
    };
  }
  return null;
}
