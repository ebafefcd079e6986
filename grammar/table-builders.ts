/**
 * Postprocessors for payments set out in a table after the sentence: "At such time as the cumulative Net
 * Sales … over the term of this Agreement first reach the Net Sales sums set forth below, Company will pay
 * to Licensor the following milestone payments: Cumulative Net Sales US $2,000,000 - Milestone Payment US
 * $100,000; …". Each row is one milestone: the sentence's subject, window and comparator with the row's
 * amount as target, and the row's payment. The rows' own words only label them and are not kept.
 */
import type { ComparatorNode, MoneyNode, PartyNode, WindowNode } from '../src/language/ast';
import {
  payerClause, paymentList, span, toArray, type Condition, type Data, type List, type PayerSentence, type Subject,
} from './builders';
import type { Token } from './lexer';

/** The condition the rows complete: whose total, in which window, compared how. */
interface TableCondition { subject: Subject; window: WindowNode; comparator: ComparatorNode; range: ReturnType<typeof span> }

/** One row: the threshold and the payment. */
interface TableRow { threshold: MoneyNode; paid: MoneyNode; range: ReturnType<typeof span> }

/** "the cumulative Net Sales by Company … over the term of this Agreement first reach the Net Sales sums set forth below". */
export function tableCondition(d: Data): TableCondition {
  const [subject, window, , comparator] = d as [Subject, WindowNode, Token | null, ComparatorNode];
  return { subject, window, comparator, range: span(d) };
}

/** "Cumulative Net Sales US $2,000,000 - Milestone Payment US $100,000". */
export function tableRow(d: Data): TableRow {
  const threshold = d[2] as MoneyNode;
  const paid = d[5] as MoneyNode;
  return { threshold, paid, range: span(d) };
}

/** A list item of the rows, in the shape of a payment list's items. */
function rowItems(rows: List<TableRow>, condition: TableCondition): List<{ label: null; paid: MoneyNode; condition: Condition; range: ReturnType<typeof span> }> {
  return toArray(rows).reduce<List<{ label: null; paid: MoneyNode; condition: Condition; range: ReturnType<typeof span> }>>((list, row) => {
    const comparison = { comparator: condition.comparator, amount: row.threshold, range: row.threshold.range };
    const item = { label: null, paid: row.paid, condition: { subject: condition.subject, comparison, window: condition.window, range: condition.range }, range: row.range };
    return { prev: list, value: item, first: list ? list.first : item };
  }, null);
}

/** "At such time as <table condition>, <Payer> will pay to <Payee> the following milestone payments: <rows>." */
export function tableClause(d: Data): ReturnType<typeof payerClause> {
  return payerClause([tableSentence(d.slice(0, -1)), d[d.length - 1]]);
}

function tableSentence(d: Data): PayerSentence {
  const condition = d[4] as TableCondition;
  const payer = d[6] as PartyNode;
  const payee = d[9] as PartyNode;
  const entries = paymentList([...(d.slice(10, 15) as unknown[]), rowItems(d[15] as List<TableRow>, condition)]);
  const first = (entries as NonNullable<typeof entries>).first;
  return { form: 'payer-pays', payer, payee, payment: first.payment, condition: first.condition, entries, range: span(d) };
}
