/** Every independent syntax problem of a document is reported, with its code and position. */
import { validate } from '../../src/language/check';
import { parse } from '../../src/language/parse';
import { blank, itemSegment, sentenceSegment } from '../../src/language/recovery';

const SEED_LIST = 'The Seller agrees to meet the following sales milestones: ';
const PAYMENT = ' Upon achieving each milestone, the Seller will receive a bonus of $1,000.';
const PAYER = ' The Company shall pay the Agent a bonus of $5,000 if Net Sales exceed $100,000 by the end of the frist year.';

const problems = (text: string) =>
  validate(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => ({ code: d.code, line: d.line, column: d.column, word: text.slice(d.offset, d.endOffset) }));

describe('recovery at sentence and item boundaries', () => {
  test('two bad sentences: both reported, each at its own word', () => {
    const text = `${SEED_LIST}(i) $100,000 in sales revenue by the end of the first month.${PAYMENT}${PAYER}`.replace('agrees', 'agress');
    expect(problems(text)).toEqual([
      { code: 'unexpected-token', line: 1, column: 12, word: 'agress' },
      { code: 'unsupported-construct', line: 1, column: text.indexOf('frist') + 1, word: 'frist' },
    ]);
  });

  test('two bad items of one list: both reported; the good item between them is not', () => {
    const text = `${SEED_LIST}(i) $100,000 in sales revenue by the end of the frist month; (ii) $200,000 in sales revenue by the end of the second month; and (iii) $300,000 in salse revenue by the end of the third month.${PAYMENT}`;
    expect(problems(text)).toEqual([
      { code: 'unexpected-token', line: 1, column: text.indexOf('frist') + 1, word: 'frist' },
      { code: 'unexpected-token', line: 1, column: text.indexOf('salse') + 1, word: 'salse' },
    ]);
  });

  test('a bad last item and a bad sentence on another line: line and column of each', () => {
    const text = `${SEED_LIST}(i) $100,000 in sales revenue by the end of the first month; and (ii) $200,000 in sales revenue by the end of the secnd month.${PAYMENT}\n\nThe Company shall pay the Agent a bonus of $5,000 if Net Sales exceed $100,000 by the end of the frist year.`;
    const found = problems(text);
    expect(found.map((p) => [p.code, p.line, p.word])).toEqual([
      ['unexpected-token', 1, 'secnd'],
      ['unsupported-construct', 3, 'frist'],
    ]);
    expect(found[1].column).toBe('The Company shall pay the Agent a bonus of $5,000 if Net Sales exceed $100,000 by the end of the '.length + 1);
  });

  test('the payment sentence after a broken clause depends on it and is not reported', () => {
    const text = `The Seller agress to meet the following sales milestones: (i) $100,000 in sales revenue by the end of the first month.${PAYMENT}`;
    expect(problems(text).map((p) => p.word)).toEqual(['agress']);
  });

  test('one problem stays one problem; a valid text has none', () => {
    expect(problems(`${SEED_LIST}(i) $100,000 in sales revenue by the end of the frist month.${PAYMENT}`).map((p) => p.word)).toEqual(['frist']);
    expect(parse(`${SEED_LIST}(i) $100,000 in sales revenue by the end of the first month.${PAYMENT}`).diagnostics).toEqual([]);
  });

  test('blanking keeps every later position: line breaks stay, the rest become spaces', () => {
    const text = 'A b.\nC d. E f.';
    const s = sentenceSegment(text, 6);
    expect(s).toEqual({ start: 4, end: 9 });
    expect(blank(text, s)).toBe('A b.\n     E f.');
    expect(blank(text, s).length).toBe(text.length);
  });

  test('an item segment runs to the next label; the last takes the separator before it', () => {
    const text = `${SEED_LIST}(i) x; (ii) y; and (iii) z.`;
    const sentence = sentenceSegment(text, 0);
    expect(text.slice(...Object.values(itemSegment(text, text.indexOf('y'), sentence)!) as [number, number])).toBe('(ii) y; and ');
    expect(text.slice(...Object.values(itemSegment(text, text.indexOf('z'), sentence)!) as [number, number])).toBe('; and (iii) z');
  });
});
