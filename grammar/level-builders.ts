/**
 * Postprocessors for tiers written as levels after the sentence that pays them: "Licensee will make royalty
 * payments, payable annually within sixty (60) days after the end of each Calendar Year, based on the aggregate
 * Net Sales of each Product in such Calendar Year, applying the tiered royalty rates below to the portion of Net
 * Sales within each level: Annual Net Sales up to and including US$5,000,000: eight percent (8%); …". They build
 * the same measured sentence as "Licensee shall pay a royalty of 8% of … up to and including $5,000,000, … within
 * sixty (60) days after the end of such calendar year": a tiered amount counted in each calendar year, each band
 * on the sentence's measure (with the band's own metric words, which the checker compares), due after the year.
 */
import type { DueNode, MeasureNode, MoneyNode, PartyNode, PaymentNode, Range, TierBandNode, TimedPaymentNode, WindowNode } from '../src/language/ast';
import { digits, span, toArray, type Data, type List } from './builders';
import * as cb from './period-builders';
import type { MeasuredSentence } from './measured-builders';
import * as qb from './measured-builders';
import * as ra from './rate-after-builders';
import type { Token } from './lexer';

interface LevelDue { due: DueNode; window: WindowNode }

/** "payable annually within sixty (60) days after the end of each Calendar Year": the due date, and the year each amount is for. */
export function annualDue(d: Data): LevelDue {
  const days = d[3] as Token;
  const each = d[9] as Token;
  const noun = cb.calendarNoun([d[10], d[11]]);
  const inWord = { ...each, value: 'in' };
  const window = cb.calendarWindow([[inWord], cb.calendarEachChoice([[each], noun])]);
  const due: DueNode = { kind: 'due', days: Number(digits(days)), after: 'year', calendar: true, such: true, range: span(d) };
  return { due, window };
}

interface LevelBand { band: Omit<TierBandNode, 'measure'>; metric: { term: string; basis: 'gross' | 'net' | null; range: Range } }
interface Bounds { lower: TierBandNode['lower']; from: MoneyNode | null; upper: TierBandNode['upper']; to: MoneyNode | null }

/** "Annual Net Sales between US$5,000,001 and US$10,000,000: ten percent (10%)". */
export function levelBand(d: Data): LevelBand {
  const [, metric, bounds, , percent] = d as [Token, LevelBand['metric'], Bounds, Token, Token];
  return {
    band: { kind: 'tier-band', percent: digits(percent, true), basis: metric.basis, quantifier: null, lower: bounds.lower, from: bounds.from, upper: bounds.upper, to: bounds.to, range: span(d) },
    metric,
  };
}

/** What follows the modal: "earn <amount>", or "make <noun> payments, …: <levels>". */
type AfterModal = { kind: 'earn'; data: Data } | { kind: 'levels'; data: Data } | ReturnType<typeof ra.receivePart>;
export const earnPart = (d: Data): AfterModal => ({ kind: 'earn', data: d });
export const levelPart = (d: Data): AfterModal => ({ kind: 'levels', data: d });

/** "<Party> shall earn …" (an earning sentence) or "<Party> will make royalty payments, … : <levels>". */
export function earnOrLevels(d: Data): MeasuredSentence {
  const [party, modal, after] = d as [PartyNode, unknown, AfterModal];
  if (after.kind === 'earn') return qb.earnSentence([party, modal, ...after.data]);
  if (after.kind === 'receive') return ra.receiveSentence(party, after.payment, span(d));
  return levelSentence(party, after.data, span(d));
}

/** The sentence: a royalty of the levels' rates, each counted on the measure "based on …" names, in each calendar year. */
function levelSentence(payer: PartyNode, d: Data, range: Range): MeasuredSentence {
  const noun = d[1] as string;
  const due = d[4] as LevelDue;
  const measure = d[8] as MeasureNode;
  const levels = d[25] as List<LevelBand>;
  const list = toArray(levels);
  // "in such Calendar Year": the year of "each Calendar Year" before it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { such: _such, ...rest } = measure;
  const own: MeasureNode = { ...rest, window: due.window };
  // Each band on the sentence's measure with the band's own metric words ("Annual Net Sales"), which the checker compares.
  const bands: TierBandNode[] = list.map((l) => ({ ...l.band, measure: { ...own, term: l.metric.term, basis: l.metric.basis, range: l.metric.range } }));
  // "applying the tiered royalty rates below to the portion of Net Sales within each level": each rate on its own level's sales.
  const methodWords = `applying the tiered ${noun} rates below to the portion of ${(d[20] as { term: string }).term} within each level`;
  const tiered: PaymentNode = { kind: 'tiered', intro: { noun: noun as 'royalty', link: 'of' }, bands, method: 'marginal', methodWords, layout: 'levels', measure: own, range: span(d) };
  const payment: TimedPaymentNode = { kind: 'timed', payment: tiered as TimedPaymentNode['payment'], due: due.due, range: span(d) };
  return { payer, payee: null, payment, range };
}
