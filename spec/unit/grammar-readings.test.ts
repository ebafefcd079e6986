/**
 * Sentences the generated-sentence sweep (grammar.slow.test.ts) once found with two parses: each now parses one
 * way, read as written.
 */
import { earleyWork } from '../../src/language/earley-work';
import { parse } from '../../src/language/parse';

// Found by the generated sentences: "made" was both the last word of a threshold's name and the start of the
// window of the sales counted, so the sentence had two parses and was refused as ambiguous.
test('"over the Sales Target made in each Calendar Quarter": the name ends before "made", which starts the window', () => {
  const text = 'Distributor shall pay Agent five percent (5%) on Net Sales over the Sales Target made in each Calendar Quarter.';
  expect(earleyWork(text).results).toBe(1);
  const { ast, diagnostics } = parse(text);
  expect(diagnostics).toEqual([]);
  expect(JSON.stringify(ast)).toContain('"threshold":{"kind":"target-reference","name":"Sales Target"');
  expect(JSON.stringify(ast)).toContain('"window":{"kind":"calendar-period","unit":"quarter"');
});

// Found by the steered sentences: "in the term" was both a scope ("in the Territory") and the term window.
test('"If Net Sales in the term first exceed …": "in the term" is the window, never a scope', () => {
  const text = 'If Net Sales in the term first exceed $100,000, Distributor shall pay Agent a bonus of $5,000.';
  expect(earleyWork(text).results).toBe(1);
  const { ast, diagnostics } = parse(text);
  expect(diagnostics).toEqual([]);
  expect(JSON.stringify(ast)).toContain('"window":{"kind":"term"');
  expect(JSON.stringify(ast)).not.toContain('"scope"');
});

// Found by sentences whose word places take the grammar's own words: "in the Fortnight" was both a scope and
// the window of a period named by one word.
test('"If Net Sales in the Fortnight exceed …": "in the Fortnight" is the window, never a scope', () => {
  const text = 'If Net Sales in the Fortnight exceed $100,000, Distributor shall pay Agent a bonus of $5,000.';
  expect(earleyWork(text).results).toBe(1);
  expect(JSON.stringify(parse(text).ast)).not.toContain('"scope"');
});

// Found by the steered sentences: "in the Royalty Period" was both a scope and the window of a defined period.
test('"If Net Sales in the Royalty Period exceed …": "in the Royalty Period" is the window, never a scope', () => {
  const text = 'If Net Sales in the Royalty Period exceed $100,000, Distributor shall pay Agent a bonus of $5,000.';
  expect(earleyWork(text).results).toBe(1);
  expect(JSON.stringify(parse(text).ast)).not.toContain('"scope"');
});

// Found by the steered sentences: "excluding" was also read as the first word of one more product name.
test('"the Model X systems, excluding Model Y products": the excluded words, never one more name', () => {
  const text =
    '"Products" means the Model X systems, excluding Model Y products. If Net Sales of Products in any calendar quarter exceed $100,000, Distributor shall pay Agent a bonus of $5,000.';
  expect(earleyWork(text).results).toBe(1);
});
