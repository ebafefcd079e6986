/**
 * The lexer and the grammar agree on token types, and the token rules of grammar/README.md hold.
 */
import grammarRules from '../../grammar/clause.generated';
import { KEYWORDS, TOKEN_TYPES, keywordTokenType, tokenize } from '../../grammar/lexer';

/** Token types the grammar refers to (`%name`). */
const grammarTypes = new Set(
  grammarRules.ParserRules.flatMap((rule) => rule.symbols).flatMap((symbol) =>
    typeof symbol === 'object' && symbol !== null && 'type' in symbol ? [String((symbol as { type: string }).type)] : [],
  ),
);

const significant = (text: string): [string, string][] => tokenize(text).filter((t) => t.type !== 'ws').map((t) => [t.type!, t.value]);

describe('lexer and grammar agree', () => {
  test('no two lexer rules or keywords share a token type', () => {
    const seen = new Set<string>();
    const duplicates = TOKEN_TYPES.filter((t) => (seen.has(t) ? true : (seen.add(t), false)));
    expect(duplicates).toEqual([]);
  });

  test('every token type the grammar uses is one the lexer produces', () => {
    expect([...grammarTypes].filter((t) => !TOKEN_TYPES.includes(t))).toEqual([]);
  });

  test('every keyword is used by the grammar (an unused keyword only stops a word being a party name)', () => {
    expect(KEYWORDS.map(keywordTokenType).filter((t) => !grammarTypes.has(t))).toEqual([]);
  });

  test('the ISO date type is not the keyword "date"', () => {
    expect(significant('2026-03-31 Date')).toEqual([
      ['isoDate', '2026-03-31'],
      ['date', 'Date'],
    ]);
  });
});

describe('token rules', () => {
  test('whitespace of every kind separates tokens and is dropped', () => {
    expect(significant('by\tthe\u00a0end\r\nof\u2003the\u200b\ufeff quarter')).toEqual(
      ['by', 'the', 'end', 'of', 'the', 'quarter'].map((w) => [w, w]),
    );
  });

  test('invisible characters inside a word are dropped from its value, not from its text', () => {
    const [token] = tokenize('mile\u200bstones');
    expect([token.type, token.value, token.text]).toEqual(['milestones', 'milestones', 'mile\u200bstones']);
  });

  test('keywords are case-insensitive, and keep the text written', () => {
    expect(significant('MONTH Month month')).toEqual([
      ['month', 'MONTH'],
      ['month', 'Month'],
      ['month', 'month'],
    ]);
  });

  test('currency codes only in capitals', () => {
    expect(significant('USD usd ALL')).toEqual([
      ['currencyCode', 'USD'],
      ['word', 'usd'],
      ['currencyCode', 'ALL'],
    ]);
  });

  test('grouping commas are taken only between digits; bad grouping is one number', () => {
    expect(significant('$100,000, and $100,,000 $1,00')).toEqual([
      ['currencySymbol', '$'],
      ['number', '100,000'],
      ['comma', ','],
      ['and', 'and'],
      ['currencySymbol', '$'],
      ['number', '100,,000'],
      ['currencySymbol', '$'],
      ['number', '1,00'],
    ]);
  });

  test('a quote that cannot close before a colon is a lone quote; names may use either quotes', () => {
    expect(significant('\u201cThe Seller: "Widget" \u2018Men\u2019s Shoes\u2019 \'Men\'s\'\u201d')).toEqual([
      ['quote', '\u201c'],
      ['the', 'The'],
      ['word', 'Seller'],
      ['colon', ':'],
      ['string', '"Widget"'],
      ['string', '\u2018Men\u2019s Shoes\u2019'],
      ['string', "'Men's'"],
      ['quote', '\u201d'],
    ]);
  });

  test('enumerators, dotted labels, ordinals, placeholders', () => {
    expect(significant('(iv) (B) (12) 3. 22nd [X] 7(b)')).toEqual([
      ['enumerator', '(iv)'],
      ['enumerator', '(B)'],
      ['enumerator', '(12)'],
      ['number', '3'],
      ['period', '.'],
      ['ordinalNumber', '22nd'],
      ['placeholder', '[X]'],
      ['number', '7'],
      ['enumerator', '(b)'],
    ]);
  });

  test('line numbers count LF, so CRLF text has the lines of LF text', () => {
    const token = tokenize('a\r\nb\r\n\r\n  c').find((t) => t.text === 'c')!;
    expect([token.line, token.col]).toEqual([4, 3]);
  });

  test('an unknown character is an error token', () => {
    expect(significant('$5 @')[2][0]).toBe('error');
  });
});

describe('spelled numbers', () => {
  test.each([
    ['ninety (90)', '90'],
    ['Ten (10)', '10'],
    ['one hundred and twenty (120)', '120'],
    ['twenty-five (25)', '25'],
    ['One Thousand\n(1,000)', '1,000'],
  ])('"%s" is one number token with the figure %s as its value', (text, figure) => {
    expect(significant(text)).toEqual([['number', figure]]);
  });

  test.each(['milestone (1)', 'tenants (1)', 'someone (1)'])('"%s" is a word and an enumerator', (text) => {
    expect(significant(text).map(([type]) => type)).toEqual([expect.not.stringMatching(/^number$/), 'enumerator']);
  });

  test('number words without a figure are words', () => {
    expect(significant('ninety days')).toEqual([
      ['word', 'ninety'],
      ['days', 'days'],
    ]);
  });
});
