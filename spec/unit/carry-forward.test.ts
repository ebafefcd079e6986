/**
 * Carry-forward: the sentence's forms read back as the same terms, and where the sentence is an error. Its laws on
 * random ledgers are the slow tier's (carry-forward-laws.slow.test.ts).
 */
import { parse } from '../../src/language/parse';
import { validate } from '../../src/language/check';
import { format, termsOf } from '../../src/language/format';
import { draftTerms } from '../../src/language/draft';
import { CLAUSE, SENTENCES } from '../support/carry-forward-texts';

describe('carry-forward sentences', () => {
  test.each(SENTENCES)('%s reads back as the same terms', (sentence) => {
    const checked = validate(`${CLAUSE} ${sentence}`);
    expect(checked.diagnostics).toEqual([]);
    const ast = checked.ast!;
    expect(ast.clauses[0].carryForward).toBeDefined();
    const text = format(ast);
    expect(termsOf(parse(text).ast!)).toEqual(termsOf(ast));
    expect(format(parse(text).ast!)).toBe(text);
    // Drafted from its terms (schemas/terms.schema.json), the same text.
    const drafted = draftTerms(JSON.parse(JSON.stringify(termsOf(ast))));
    expect(drafted.problems).toEqual([]);
    expect(drafted.text).toBe(text);
  });

  it('after a recurring period of another length, or a computed payment, is an error', () => {
    const other = validate(`If Net Sales exceed $1,000 in each calendar month, the Company shall pay the Agent a bonus of $500. ${SENTENCES[0]}`);
    expect(other.diagnostics.map((d) => d.code)).toContain('carry-forward-period-mismatch');
    const rate = validate(`If Net Sales exceed $1,000 in each calendar quarter, the Company shall pay the Agent 2% of Net Sales. ${SENTENCES[0]}`);
    expect(rate.valid).toBe(false);
    expect(rate.diagnostics.map((d) => d.code)).toContain('unsupported-construct');
  });
});
