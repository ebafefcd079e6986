/**
 * The parser's work on a text, counted as Earley states: a measure that does not depend on the
 * machine, so that tests and the benchmark can bound the parser's cost by work, not by time.
 */
import nearley from 'nearley';
import grammarRules from '../../grammar/clause.generated';

const grammar = nearley.Grammar.fromCompiled(grammarRules);

/** Earley states created, the widest column, the number of tokens read, and the parses found. */
export function earleyWork(text: string): { states: number; widest: number; tokens: number; results: number } {
  // keepHistory: nearley otherwise drops finished columns, and the count would see only the last ones
  const parser = new nearley.Parser(grammar, { keepHistory: true });
  try {
    parser.feed(text);
  } catch {
    // a syntax error: the work done up to it still counts
  }
  const table = (parser as unknown as { table: { states: unknown[] }[] }).table;
  const sizes = table.map((column) => column.states.length);
  return { states: sizes.reduce((a, b) => a + b, 0), widest: Math.max(...sizes), tokens: table.length - 1, results: parser.results?.length ?? 0 };
}
