/**
 * Profit and income measures (src/language/profit-measures.ts): a text that does not parse and measures one is refused
 * at the measure; a text that parses is never refused for such words, and a text without one keeps the grammar's own
 * error.
 */
import { firstProfitMeasure } from '../../src/language/profit-measures';
import { parse } from '../../src/language/parse';

describe('the measures named', () => {
  test.each([
    ['positive EBITDA for the quarter', 'EBITDA'],
    ['Adjusted EBITDA of $1,000,000', 'Adjusted EBITDA'],
    ['the Net Pre-Tax Income of the Corporation', 'Net Pre-Tax Income'],
    ['Pre-Tax Net Income above $500,000', 'Pre-Tax Net Income'],
    ['if Operating Income exceeds', 'Operating Income'],
    ['5% of Gross Margin', 'Gross Margin'],
    ['the Contribution Profit of the Business', 'Contribution Profit'],
    ['earnings before interest and taxes', 'earnings before'],
  ])('%s: %s', (text, words) => {
    expect(firstProfitMeasure(text)?.words).toBe(words);
  });

  test.each(['7% on Net Sales above $1,200,000, on a marginal basis', 'Gross Revenue of the Franchised Business', 'Net Sales less returns', 'Gross Margin Partners LLC', 'the EBITDA Division'])('not a measure: %s', (text) => {
    expect(firstProfitMeasure(text)).toBeNull();
  });
});

describe('parsing', () => {
  test('a text that does not parse is refused at its first profit measure, across lines', () => {
    const text = 'Corporate Bonus Plan 2027.\nIf total revenue for 2027 exceeds $4,175,000 and EBITDA is positive, the Company shall pay the Participant $40,000.';
    const { ast, diagnostics } = parse(text);
    expect(ast).toBeNull();
    expect(diagnostics[0]).toMatchObject({ code: 'unsupported-construct', line: 2, column: text.split('\n')[1].indexOf('EBITDA') + 1 });
    expect(diagnostics[0].endColumn - diagnostics[0].column).toBe('EBITDA'.length);
    expect(diagnostics[0].message).toMatch(/^This reads as .+; the part not supported is 'EBITDA' at 2:\d+: a measure of profit or income/);
  });

  test('a text that parses is not refused for a party or a scope named with such words', () => {
    for (const text of [
      'Operating Income Fund shall pay the Agent a bonus of $5,000 if Net Sales exceed $100,000 in the first year.',
      'The Company shall pay the Agent a bonus of $5,000 if Net Sales of the EBITDA Division exceed $100,000 in the first year.',
    ]) {
      const { ast, diagnostics } = parse(text);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(ast).not.toBeNull();
    }
  });

  test('a name with such words in a text that does not parse is not taken for a measure', () => {
    const text = 'Operating Income Fund shall pay the Agent a bonus of $5,000 if Net Sales exceed $100,000 in the first year, at its sole discretion.';
    expect(parse(text).diagnostics[0].message).not.toContain('a measure of profit or income');
  });

  test('a text without a profit measure keeps the error where the grammar stops', () => {
    const text = 'The Company shall pay the Agent a bonus of $5,000 if Net Sales exceed $100,000 in the first year, at its sole discretion.';
    const { diagnostics } = parse(text);
    expect(diagnostics[0].message).not.toContain('a measure of profit or income');
    expect(diagnostics[0].offset).toBe(text.indexOf('at its'));
  });
});
