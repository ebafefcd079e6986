/**
 * AST → canonical clause text: the reverse of `parse`, for drafting (`clause draft`) and for
 * normalising pasted clauses (`clause format`).
 *
 * The canonical text:
 * - enumerated clauses as "The <Party> agrees to meet the following sales milestones:", then one
 *   milestone per line, separated by ';' with '; and' before the last, the last ending in '.';
 * - headed clauses as one "<Heading>: <Verb> <target> [<deadline>]." line per milestone, the
 *   deadline left out when it is the one the heading implies ("Month 2 Milestone" → end of month 2);
 * - then one "Upon achieving …, the <Party> will receive …." sentence per line;
 * - money as `$100,000.00`: the currency's symbol ($ € £ ¥) or its ISO code ("BHD 1,000.000"),
 *   thousands grouped, at least the currency's minor digits, and never fewer digits than the
 *   amount has (an amount is never rounded here: "$100.005" stays exact, written "$100.0050", since
 *   up to three whole digits and exactly three decimals would read as dots grouping thousands);
 * - counts and percentages as plain decimals with grouped thousands ("1,000 units", "2.5%");
 * - deadlines with ordinals in words ("by the end of the second month"; "13th" beyond twelfth),
 *   dates as "March 31, 2026";
 * - clauses separated by a blank line, the text ending with a newline.
 *
 * Round trip: `termsOf(parse(format(ast)).ast)` equals `termsOf(ast)` for every AST that `format`
 * accepts, and `format` is idempotent. `termsOf` drops what is only *spelling* — how something
 * was written rather than what it says — and the canonical text may spell it differently:
 * - every `range` (positions in the source);
 * - `MoneyNode.text` (the amount as written: "$1.5 million" becomes "$1,500,000.00");
 * - `EndOfPeriodWindowNode.written` ("month 2", "the 2nd month" and "the second month" are one
 *   deadline; a heading's implied deadline is written out or left out as canonical);
 * - the notation of decimal strings (`MoneyNode.amount`, target `count`, rate `percent`): compared
 *   by value, so "100000", "100000.00" and "0100000" are the same amount.
 * Everything else is kept exactly: party names, labels and their style, heading nouns ("Goal"),
 * nouns ("clients", "closed deals", "bonus"), gross/net/unspecified, the within relation
 * ("of"/"after"/"from"), section references, and the order of everything.
 *
 * `format` throws a `FormatError` (with a JSON pointer to the node) for an AST that has no text
 * in the language, e.g. a party name with a digit, or a headed clause right after a headed clause
 * with no payment sentence (which would read as one clause);
 * ASTs from `parse` never do.
 */
import type {
  PeriodWordNode, ConditionPartNode, ClawbackNode, CarryForwardNode, CarryPeriod, SeveralPaymentsStatementNode, CalendarPeriodWindowNode,
  CalendarUnit, ClauseHeadingNode, ReturnsNode, OpeningNode, PaymentDayNode, ClauseNode, DateRangeWindowNode, DefinitionNode, DocumentNode, DueNode, SpanWindowNode, LimitNode, MeasureNode, MilestoneNode, MoneyNode, PartyNode, PaymentIntro, PriorPeriodReferenceNode, PaymentNode, PaymentTermNode, PaymentTimingNode, ShortfallPaymentNode, PeriodUnit, SalesBasis, TargetNode, AttainmentBandNode, AttainmentBaseNode, AttainmentPaymentNode, AttainmentPayoutNode, AttainmentRewardNode,
  MinimumTopUpNode, QuotaBoundNode, RoyaltyUndertakingNode, SalesMinimumNode, RateOnExcessPaymentNode, ThresholdNode, TierBandNode, WindowNode,
} from './ast';
import { assertNever } from './ast';
import type { ChosenRatePaymentNode, PeriodsFromEventNode, TieredPaymentNode, PlanBandsNode, PlanLevelsNode, PlanRefNode, PlanTableNode, RateMultipleNode, RevenueTargetNode } from './ast';
import type { InstalmentsNode, ItemSetDefinitionNode, MetricDefinitionNode, OnceOnlyNode, PeriodProvisoNode, ProRataNode } from './ast';
import { countNoun, ordinalWord } from './describe';
import { calendarNounText, calendarWindowText } from './calendar-words';
import { CURRENCY_SYMBOLS, Dec, isCurrencyCode, minorUnits } from '../values/money';
import { titleKeyword, tokenize } from '../../grammar/lexer';
import { periodNameWord, periodNoun } from '../../grammar/period-words';
import { paymentParts } from './payment-parts';
import { checkFirstInRecurringPeriod } from './check-calendar';
import type { Diagnostic } from '../diagnostics';

export class FormatError extends Error {
  /** A JSON pointer to the offending node or field, e.g. "/clauses/0/party/name". */
  readonly path: string;
  constructor(message: string, path: string) {
    super(`${path || '/'}: ${message}`);
    this.name = 'FormatError';
    this.path = path;
  }
}

/** The canonical text of a document (see the module comment). */
export function format(ast: DocumentNode): string {
  if (!ast || !Array.isArray(ast.clauses) || ast.clauses.length === 0) throw new FormatError('a document needs at least one clause', '/clauses');
  const blocks = ast.clauses.map((clause, i) => {
    const path = `/clauses/${i}`;
    const before = ast.clauses[i - 1];
    if (clause.form === 'headed' && before?.form === 'headed' && before.payments.length === 0) {
      throw new FormatError('a headed clause cannot follow a headed clause without payment sentences: the two would read as one clause', path);
    }
    if (clause.heading !== undefined && before?.form === 'headed' && before.payments.length === 0) {
      throw new FormatError('a clause heading cannot follow a headed clause without payment sentences: it would read as the end of its last line', `${path}/heading`);
    }
    firstInRecurringPeriod(clause, path);
    return formatClause(clause, path);
  });
  if (ast.definitions !== undefined) {
    if (!Array.isArray(ast.definitions) || ast.definitions.length === 0) throw new FormatError('definitions, when present, are a non-empty list', '/definitions');
    blocks.push(ast.definitions.map((d, i) => definitionText(d, `/definitions/${i}`)).join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

/**
 * The canonical text leaves out "first" before a verb ("first reach"): on a total counted from one start, or with a
 * once-only sentence or instalments, it adds nothing. Where it would have two readings (check-calendar.ts), dropping
 * it would turn a clause the checks refuse into one they accept, so there is no canonical text.
 */
function firstInRecurringPeriod(clause: ClauseNode, path: string): void {
  clause.milestones.forEach((m, j) => {
    const found: Diagnostic[] = [];
    checkFirstInRecurringPeriod(m, found);
    if (found.length > 0) throw new FormatError(`'first' before the verb has two readings in a recurring period (${found[0].message}); write the sentence as one of them first`, `${path}/milestones/${j}/comparator/first`);
  });
}

function formatClause(clause: ClauseNode, path: string): string {
  if (!Array.isArray(clause.milestones) || clause.milestones.length === 0) throw new FormatError('a clause needs at least one milestone', `${path}/milestones`);
  const lines: string[] = [];
  if (clause.form === 'enumerated') {
    if (!clause.party) throw new FormatError('an enumerated clause needs a party', `${path}/party`);
    const noun = clause.milestones.length === 1 ? 'milestone' : 'milestones';
    lines.push(`The ${partyName(clause.party, `${path}/party`)} agrees to meet the following sales ${noun}:`);
    const last = clause.milestones.length - 1;
    clause.milestones.forEach((m, i) => {
      const end = i === last ? '.' : i === last - 1 ? '; and' : ';';
      lines.push(`${enumeratedItem(m, `${path}/milestones/${i}`)}${end}`);
    });
  } else if (clause.form === 'headed') {
    if (clause.party) throw new FormatError('a headed clause names no party (the party appears in its payment sentences)', `${path}/party`);
    clause.milestones.forEach((m, i) => lines.push(headedItem(m, `${path}/milestones/${i}`)));
  } else if (clause.form === 'payer-pays' && clause.topUp?.kind === 'royalty-undertaking') {
    lines.push(undertakingText(clause, path));
  } else if (clause.form === 'payer-pays' || clause.form === 'conditional') {
    lines.push(payerSentence(clause, path));
    if (clause.topUp !== undefined) lines.push(topUpText(clause, `${path}/topUp`));
  } else if (clause.form === 'shortfall') {
    lines.push(shortfallSentence(clause, path));
  } else if (clause.form === 'attainment') {
    lines.push(attainmentSentence(clause, path));
  } else if (clause.form === 'commitment' && clause.salesMinimum !== undefined) {
    lines.push(salesMinimumText(clause, path));
  } else if (clause.form === 'commitment') {
    lines.push(...commitmentSentences(clause, path));
  } else if (clause.form === 'payment-definition') {
    lines.push(paymentDefinitionSentence(clause, path));
  } else if (clause.form === 'defined-milestones') {
    lines.push(...definedMilestoneSentences(clause, path));
  } else {
    throw new FormatError(`unknown clause form '${String((clause as { form: unknown }).form)}'`, `${path}/form`);
  }
  const sentence = clause.form === 'payer-pays' || clause.form === 'conditional' || clause.form === 'shortfall' || clause.form === 'attainment' || clause.form === 'commitment' || clause.form === 'payment-definition' || clause.form === 'defined-milestones';
  if (clause.form !== 'defined-milestones' && clause.beneficiary !== undefined) throw new FormatError('a beneficiary is written only in a clause of defined milestones', `${path}/beneficiary`);
  if (!sentence && clause.payer !== undefined) {
    throw new FormatError(`a ${clause.form} clause names no payer`, `${path}/payer`);
  }
  if (clause.form !== 'shortfall' && clause.minimum !== undefined) throw new FormatError(`a ${clause.form} clause states no minimum`, `${path}/minimum`);
  if (clause.topUp !== undefined && (clause.form !== 'payer-pays' || clause.milestones[0]?.condition !== 'payment')) throw new FormatError('a minimum topped up follows only a payer-pays sentence with a computed amount', `${path}/topUp`);
  if (clause.form !== 'commitment' && clause.commitment !== undefined) throw new FormatError(`a ${clause.form} clause states no commitment`, `${path}/commitment`);
  if (clause.form !== 'payment-definition' && clause.definition !== undefined) throw new FormatError(`a ${clause.form} clause defines no payment`, `${path}/definition`);
  if (clause.form === 'commitment' && clause.payer !== undefined) throw new FormatError('a commitment names no payer', `${path}/payer`);
  if (!sentence) {
    clause.milestones.forEach((m, i) => {
      const at = `${path}/milestones/${i}`;
      if (m.comparator !== undefined) throw new FormatError(`a comparator is written only in a payer-pays or conditional sentence`, `${at}/comparator`);
      if (m.achiever !== undefined) throw new FormatError(`an achieving party is written only in a payer-pays or conditional sentence`, `${at}/achiever`);
      if (m.target.kind === 'revenue' && (m.target.term !== undefined || m.target.scope !== undefined)) {
        throw new FormatError(`a defined metric and a scope are written only in a payer-pays or conditional sentence`, `${at}/target`);
      }
    });
  }
  // A clause of defined milestones writes its payments in its own sentence (definedMilestoneSentences).
  if (clause.form !== 'defined-milestones') clause.payments.forEach((term, i) => lines.push(paymentTerm(term, clause, `${path}/payments/${i}`)));
  const onceLine = onceSentenceText(clause, path);
  if (onceLine !== null) lines.push(onceLine);
  if (clause.timing !== undefined) {
    if (clause.form !== 'payer-pays' && clause.form !== 'conditional') throw new FormatError('a payment-timing sentence follows only a payer-pays or conditional sentence', `${path}/timing`);
    lines.push(timingSentence(clause.timing, `${path}/timing`));
  }
  if (clause.payDay !== undefined) {
    if (clause.form !== 'payer-pays' && clause.form !== 'conditional') throw new FormatError('a payment-day sentence follows only a payer-pays or conditional sentence', `${path}/payDay`);
    lines.push(payDaySentence(clause.payDay, `${path}/payDay`));
  }
  if (clause.clawback !== undefined) {
    if ((clause.form !== 'payer-pays' && clause.form !== 'conditional') || clause.timing !== undefined || clause.payDay !== undefined) {
      throw new FormatError('a clawback sentence follows only a payer-pays or conditional sentence without a payment-timing or payment-day sentence', `${path}/clawback`);
    }
    lines.push(clawbackSentence(clause.clawback, `${path}/clawback`));
  }
  if (clause.carryForward !== undefined) {
    if ((clause.form !== 'payer-pays' && clause.form !== 'conditional') || clause.timing !== undefined || clause.payDay !== undefined || clause.clawback !== undefined || onceLine !== null) {
      throw new FormatError('a carry-forward sentence follows only a payer-pays or conditional sentence without another sentence after it', `${path}/carryForward`);
    }
    lines.push(carryForwardSentence(clause.carryForward, `${path}/carryForward`));
  }
  if (clause.periodDue !== undefined) throw new FormatError('a due sentence not read as the amount\'s due date (the checker refuses it)', `${path}/periodDue`);
  if (clause.returns !== undefined) {
    if (clause.form !== 'payer-pays' || clause.timing !== undefined || clause.payDay !== undefined || clause.clawback !== undefined || clause.carryForward !== undefined || onceLine !== null) {
      throw new FormatError('a returns sentence follows only a payer-pays sentence without another sentence after it', `${path}/returns`);
    }
    lines.push(returnsSentence(clause.returns, `${path}/returns`));
  }
  if (clause.opening !== undefined) {
    if (clause.form === 'headed') throw new FormatError('an opening is written before a sentence, not before headed lines', `${path}/opening`);
    lines[0] = `${openingText(clause.opening, `${path}/opening`)} ${lines[0].replace(/^(The|If) /, (w) => w.toLowerCase())}`;
  }
  if (clause.aside !== undefined) {
    if (clause.form !== 'conditional' || !clause.party) throw new FormatError('an aside is written only after the payee of a conditional sentence', `${path}/aside`);
    const payee = `shall pay the ${partyName(clause.party, `${path}/party`)} `;
    const aside = openingText(clause.aside, `${path}/aside`).replace(/^In/, 'in').replace(/,$/, '');
    lines[0] = (lines[0] ?? '').replace(payee, `${payee.trimEnd()}, ${aside}, `);
  }
  if (clause.heading !== undefined) lines.unshift(clauseHeading(clause.heading, `${path}/heading`));
  return lines.join('\n');
}

/** "Any product returns shall be deducted from the Sales Representative's commission in the quarter during which the return occurs." */
function returnsSentence(r: ReturnsNode, path: string): string {
  if (typeof r.owner !== 'string' || !/^(?:[A-Z][A-Za-z-]* )*[A-Z][A-Za-z-]*['’]s$/.test(r.owner)) badField(`the owner '${String(r.owner)}' (capitalised words ending in 's, such as "Sales Representative's")`, `${path}/owner`);
  const unit = oneOf(r.unit, ['month', 'quarter', 'year'], `${path}/unit`);
  return `Any ${r.product === true ? 'product ' : ''}returns shall be deducted from the ${r.owner} commission in the ${r.calendar === true ? 'calendar ' : ''}${unit} during which the return occurs.`;
}

/**
 * "Such payment shall be payable only upon the first achievement of such milestone[, and no amount shall be due for
 * subsequent or repeated achievements].": written once after a payer-pays or conditional sentence whose every
 * milestone carries it; null when none does.
 */
function onceSentenceText(clause: ClauseNode, path: string): string | null {
  const sentences = clause.milestones.map((m) => m.once?.sentence);
  if (sentences.every((x) => x === undefined)) return null;
  if (clause.form !== 'payer-pays' && clause.form !== 'conditional') throw new FormatError('a once-only sentence follows only a payer-pays or conditional sentence', `${path}/milestones/0/once`);
  const first = sentences[0];
  if (first === 'even-if-others') return evenIfOthersText(clause, path);
  sentences.forEach((x, i) => {
    if (x !== first) throw new FormatError('a once-only sentence covers every milestone of its clause: give each the same', `${path}/milestones/${i}/once`);
    if (clause.milestones[i].once?.words !== 'payable only upon the first achievement') throw new FormatError(`the words of a once-only sentence are 'payable only upon the first achievement'`, `${path}/milestones/${i}/once/words`);
  });
  const noRepeat = oneOf(String(first), ['first-achievement', 'first-achievement-no-repeat'], `${path}/milestones/0/once/sentence`) === 'first-achievement-no-repeat';
  const repeat = repeatPeriodsText(clause, noRepeat, path);
  const tail = noRepeat ? `, and no amount shall be due for subsequent or repeated achievements${repeat}` : '';
  return `Such payment shall be payable only upon the first achievement of such milestone${tail}.`;
}

/** " of such milestone in subsequent Calendar Years", when every milestone names the same later periods. */
function repeatPeriodsText(clause: ClauseNode, noRepeat: boolean, path: string): string {
  const units = clause.milestones.map((m) => m.once?.repeatPeriods?.unit);
  if (units.every((u) => u === undefined)) return '';
  if (!noRepeat) throw new FormatError('the later periods follow "no amount shall be due for subsequent or repeated achievements"', `${path}/milestones/0/once/repeatPeriods`);
  units.forEach((u, i) => {
    if (u !== units[0]) throw new FormatError('a once-only sentence covers every milestone of its clause: give each the same later periods', `${path}/milestones/${i}/once/repeatPeriods`);
  });
  const unit = oneOf(String(units[0]), ['year', 'quarter'], `${path}/milestones/0/once/repeatPeriods/unit`);
  return ` of such milestone in subsequent Calendar ${unit === 'year' ? 'Years' : 'Quarters'}`;
}

/** "For the avoidance of doubt, this milestone shall be payable only once, even if other Licensed Products achieve Annual Net Sales exceeding $1,000,000." */
function evenIfOthersText(clause: ClauseNode, path: string): string {
  const at = `${path}/milestones/0/once`;
  if (clause.milestones.length !== 1) throw new FormatError('"this milestone shall be payable only once, even if other …" follows a sentence of one milestone', at);
  const once = clause.milestones[0].once as OnceOnlyNode;
  if (once.words !== 'payable only once') badField(`the words '${String(once.words)}' (write "payable only once")`, `${at}/words`);
  const o = once.others;
  if (!o) throw new FormatError('the sentence restates the condition: give `others`', `${at}/others`);
  const noun = typeof o.noun === 'string' ? o.noun.split(' ') : [];
  if (noun.length === 0 || !noun.every(isPlainWord)) badField(`a product noun '${String(o.noun)}' of plain words`, `${at}/others/noun`);
  if (!METRIC.exec(String(o.term))) badField(`a metric '${String(o.term)}' such as "Annual Net Sales"`, `${at}/others/term`);
  if (!o.comparator || !STRICT_WORDS.has(o.comparator.words) || o.comparator.strict !== true) badField('a comparator written "exceeding"', `${at}/others/comparator`);
  return `For the avoidance of doubt, this milestone shall be payable only once, even if other ${o.noun} achieve ${o.term} ${o.comparator.words} ${formatAmount(o.amount, `${at}/others/amount`)}.`;
}

const STRICT_WORDS = new Set(['exceeding']);

/**
 * "If Licensee's Earned Royalties for any calendar year are less than $100,000.00 (the "Minimum Royalty"), the Licensee
 * shall make a payment to the Foundation within 60 days after the end of such Calendar Year equal to the difference
 * between the Minimum Royalty and the Earned Royalties for that calendar year."
 */
function topUpText(clause: ClauseNode, path: string): string {
  const t = clause.topUp as MinimumTopUpNode;
  if (t.kind !== 'minimum-top-up') badField(`a top-up of kind '${String(t.kind)}'`, `${path}/kind`);
  const name = (value: unknown, at: string): string =>
    typeof value === 'string' && /^[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*$/.test(value) ? value : badField(`a name '${String(value)}' (capitalised words)`, at);
  const period = (w: WindowNode, at: string): string => {
    if (w?.kind !== 'calendar-period' || w.selection.kind !== 'each' || w.yearStart !== '01-01' || w.statedMonths !== undefined || !UNITS.includes(w.unit as PeriodUnit)) {
      badField('a period other than a calendar month, quarter or year', at);
    }
    return `calendar ${w.unit}`;
  };
  if (!Array.isArray(t.between) || t.between.length !== 2) badField('a difference between other than two names', `${path}/between`);
  return (
    `If ${ownerText(t.owner, `${path}/owner`)} ${name(t.subject, `${path}/subject`)} for any ${period(t.window, `${path}/window`)} are less than ` +
    `${formatAmount(t.minimum, `${path}/minimum`)} (the ${quotedTerm(t.minimumName, `${path}/minimumName`)}), the ${partyName(t.payer, `${path}/payer`)} shall make a payment to the ` +
    `${partyName(t.payee, `${path}/payee`)} ${dueText(t.due, `${path}/due`)} equal to the difference between the ${name(t.between[0], `${path}/between/0`)} and the ` +
    `${name(t.between[1], `${path}/between/1`)} for that ${period(t.forPeriod, `${path}/forPeriod`)}.`
  );
}

// --- milestones defined in sentences of their own ---------------------------------------------------

/**
 * '"Milestone 1" means the first achievement of annual Net Sales of at least $2,000,000.00 during the calendar year
 * ending on December 31, 2026.' for each milestone, then 'Upon the achievement of Milestone 1, the Parent shall pay the
 * Rights Agent, for distribution to the Holders, a payment of $250,000.00, and upon …' (or '…, in each case to the
 * Rights Agent …' when no payment names its payee).
 */
function definedMilestoneSentences(clause: ClauseNode, path: string): string[] {
  if (!clause.payer) throw new FormatError('a clause of defined milestones names its payer', `${path}/payer`);
  partyName(clause.payer, `${path}/payer`);
  const lines = clause.milestones.map((m, i) => milestoneDefinitionText(m, `${path}/milestones/${i}`));
  if (clause.payments.length === 0) throw new FormatError('a clause of defined milestones has a sentence paying them', `${path}/payments`);
  const named = clause.payments.every((t) => t.party !== null);
  if (!named && clause.payments.some((t) => t.party !== null)) throw new FormatError('either every payment names its payee or none does (then the clause does, "in each case to …")', `${path}/payments`);
  if (!named && !clause.party) throw new FormatError('a clause of defined milestones whose payments name no payee names it once ("in each case to …")', `${path}/party`);
  const benefit = clause.beneficiary === undefined ? '' : beneficiaryText(clause.beneficiary, `${path}/beneficiary`);
  const parts = clause.payments.map((t, i) => {
    const at = `${path}/payments/${i}`;
    if (t.scope.kind !== 'milestone') throw new FormatError('each payment of a clause of defined milestones names its milestone', `${at}/scope`);
    const ref = refText(t.scope.label, `${at}/scope/label`);
    const payee = t.party === null ? '' : ` the ${partyName(t.party, `${at}/party`)}${i === 0 && benefit !== '' ? `, ${benefit},` : ''}`;
    const payer = partyName(t.payer ?? (clause.payer as PartyNode), `${at}/payer`);
    return `${i === 0 ? 'Upon' : 'upon'} the achievement of ${ref}, the ${payer} shall pay${payee} ${paidAmount(t.payment, `${at}/payment`)}`;
  });
  const tail = named ? '' : `, in each case to the ${partyName(clause.party as PartyNode, `${path}/party`)}${benefit === '' ? '' : ` ${benefit}`}`;
  if (named && benefit !== '' && clause.payments[0]?.party === null) throw new FormatError('a beneficiary is written after a payee', `${path}/beneficiary`);
  lines.push(`${parts.join(', and ')}${tail}.`);
  return lines;
}

/** "Milestone 1", "Sales Milestone": words a payment may name a defined milestone by. */
const REF_WORDS = /^[A-Za-z0-9][A-Za-z0-9'’-]*(?: [A-Za-z0-9][A-Za-z0-9'’-]*)*$/;
function refText(label: string, path: string): string {
  if (typeof label !== 'string' || !REF_WORDS.test(label) || label.split(' ').some((w) => SENTENCE_WORDS.has(w.toLowerCase()))) {
    throw new FormatError(`'${String(label)}' cannot name a defined milestone: use words and figures such as "Milestone 1"`, path);
  }
  return label;
}

function beneficiaryText(b: NonNullable<ClauseNode['beneficiary']>, path: string): string {
  return `${oneOf(b.written, ['for distribution to', 'for the benefit of'], `${path}/written`)} the ${partyName(b.party, `${path}/party`)}`;
}

/** One definition sentence: the first-achievement form for a milestone paid once, the condition form otherwise. */
function milestoneDefinitionText(m: MilestoneNode, at: string): string {
  if (m.labelSource?.style !== 'defined' || typeof m.label !== 'string') throw new FormatError('a milestone of a clause of defined milestones is labelled by its defined term', `${at}/labelSource`);
  refText(m.label, `${at}/label`);
  if (m.payment !== null) throw new FormatError('a defined milestone is paid by the sentence that names it, not in its definition', `${at}/payment`);
  if (m.achiever !== undefined) throw new FormatError('a defined milestone names no achieving party', `${at}/achiever`);
  if (!m.comparator || typeof m.comparator.strict !== 'boolean') throw new FormatError('a defined milestone needs a comparator', `${at}/comparator`);
  const { t, scope, written: amount } = revenueTarget(m, at, 'a defined milestone');
  const w = m.window;
  const window = w.kind === 'calendar-period' && w.endsOn !== undefined ? `during the calendar year ending on ${dateText(w.endsOn, `${at}/window/endsOn`)}` : windowText(w, `${at}/window`);
  const strict = m.comparator.strict;
  const meaning = m.once !== undefined
    ? `the first achievement of ${t.term}${scope} of ${strict ? 'more than' : 'at least'} ${amount}${window === '' ? '' : ` ${window}`}`
    : `${t.term}${scope} ${strict ? 'exceeding' : 'are at least'} ${amount}${window === '' ? '' : ` ${window}`}`;
  return `${quotedTerm(m.label, `${at}/label`)} means ${meaning}.`;
}

/** "Commissions paid on sales later refunded shall be offset against future commissions." */
function clawbackSentence(c: ClawbackNode, path: string): string {
  const noun = oneOf(c.noun, ['bonuses', 'commissions', 'payments'], `${path}/noun`);
  const remedy = c.remedy === 'offset'
    ? `offset against future ${oneOf(c.futureNoun ?? '', ['bonuses', 'commissions', 'payments'], `${path}/futureNoun`)}`
    : c.remedy === 'repaid' ? 'repaid' : c.remedy === 'charged-back' ? 'charged back' : badField(`remedy '${String(c.remedy)}'`, `${path}/remedy`);
  if (c.remedy !== 'offset' && c.futureNoun !== null) badField('a future noun without an offset', `${path}/futureNoun`);
  return `${noun.charAt(0).toUpperCase()}${noun.slice(1)} paid on sales ${c.that ? 'that are ' : ''}later refunded shall be ${remedy}.`;
}

/** "Net Sales in excess of a calendar quarter's target shall carry forward to the next calendar quarter." */
function carryForwardSentence(c: CarryForwardNode, path: string): string {
  const period = (p: CarryPeriod, at: string): string => `${p.calendar ? 'calendar ' : ''}${oneOf(p.unit, ['month', 'quarter', 'year'], at)}`;
  const metric = c.basis === null ? 'Sales' : `${oneOf(c.basis, ['net', 'gross'], `${path}/basis`) === 'net' ? 'Net' : 'Gross'} Sales`;
  const determiner = oneOf(c.determiner, ['a', 'any', 'each'], `${path}/determiner`);
  const target = c.targetWritten === 'possessive'
    ? `${determiner} ${period(c.period, `${path}/period/unit`)}'s target`
    : c.targetWritten === 'target-for' ? `the target for ${determiner} ${period(c.period, `${path}/period/unit`)}` : badField(`targetWritten '${String(c.targetWritten)}'`, `${path}/targetWritten`);
  const verb = oneOf(c.verb, ['carry forward to', 'be carried forward to', 'be credited toward', 'be credited towards', 'be applied toward', 'be applied towards'], `${path}/verb`);
  const again = c.again === null ? '' : `, ${oneOf(c.again, ['including', 'excluding'], `${path}/again`)} amounts carried forward`;
  return `${metric} in excess of ${target} shall ${verb} the ${c.nextTarget ? 'target of the ' : ''}next ${period(c.next, `${path}/next/unit`)}${again}.`;
}

/**
 * "The Distributor hereby commits to the Supplier to achieve, at a minimum, the sales targets set forth on Exhibit C for each
 * Contract Year during the Term (the "Sales Minimum"). If the Distributor fails to achieve the Sales Minimum in any period
 * specified in Exhibit C, the Supplier may, at its discretion, either (i) terminate this Agreement in accordance with Section
 * 9.1, or (ii) revoke the exclusive appointment granted under Section 1.3. Exhibit C - Sales Minimum: Contract Year 1 (the
 * twelve months starting on the Effective Date): $600,000.00; Contract Year 2: $900,000.00."
 */
function salesMinimumText(clause: ClauseNode, path: string): string {
  const s = clause.salesMinimum as SalesMinimumNode;
  const at = `${path}/salesMinimum`;
  if (s.kind !== 'sales-minimum') badField(`a commitment of kind '${String(s.kind)}'`, `${at}/kind`);
  if (!clause.party || clause.payer !== undefined || clause.commitment !== undefined || clause.payments.length !== 0) {
    throw new FormatError('a commitment to sales targets names the committed party only, and no payment', `${path}/party`);
  }
  const words = (value: unknown, pattern: RegExp, what: string, where: string): string => (typeof value === 'string' && pattern.test(value) ? value : badField(`${what} '${String(value)}'`, where));
  const NAME = /^[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*$/;
  const ID = /^[A-Z0-9][A-Za-z0-9]*$/;
  const REMEDY = /^[A-Za-z0-9][A-Za-z0-9.]*(?: [A-Za-z0-9][A-Za-z0-9.]*)*$/;
  const exhibit = (value: unknown, where: string): string => words(value, ID, 'an exhibit id', where);
  const name = (value: unknown, where: string): string => words(value, NAME, 'a name', where);
  if (!Array.isArray(s.remedies) || s.remedies.length === 0) badField('no remedy', `${at}/remedies`);
  const remedies = s.remedies.map((r, i) => {
    const where = `${at}/remedies/${i}`;
    if (typeof r.label !== 'string' || !ENUMERATOR_INNER.test(r.label)) badField(`a label '${String(r.label)}'`, `${where}/label`);
    return `(${r.label}) ${oneOf(r.verb, ['terminate', 'revoke'], `${where}/verb`)} ${words(r.words, REMEDY, 'remedy words', `${where}/words`)}`;
  });
  const rows = clause.milestones.map((m, i) => {
    const where = `${path}/milestones/${i}`;
    const w = m.window;
    if (w.kind !== 'defined-period' || typeof w.which !== 'number' || m.payment !== null || m.target.kind !== 'revenue' || m.target.basis !== null || m.target.term !== 'sales') {
      badField('a row other than "<Period> <n>: <amount>" of sales', where);
    }
    const first = i === 0 && s.firstDefined === true ? ' (the twelve months starting on the Effective Date)' : '';
    return `${periodNameText(w.term, `${where}/window/term`)} ${wholeNumber(w.which, `${where}/window/which`)}${first}: ${formatAmount(m.target.amount, `${where}/target/amount`)}`;
  });
  return (
    `The ${partyName(clause.party, `${path}/party`)} hereby commits to the ${partyName(s.beneficiary, `${at}/beneficiary`)} to achieve, at a minimum, the sales targets set forth on ` +
    `Exhibit ${exhibit(s.exhibit, `${at}/exhibit`)} for each ${periodNameText(s.each, `${at}/each`)} during the Term (the ${quotedTerm(s.name, `${at}/name`)}). ` +
    `If the ${partyName(s.failing, `${at}/failing`)} fails to achieve the ${name(s.failedName, `${at}/failedName`)} in any period specified in Exhibit ` +
    `${exhibit(s.periodExhibit, `${at}/periodExhibit`)}, the ${partyName(s.holder, `${at}/holder`)} may, at its discretion, either ${remedies.join(', or ')}. ` +
    `Exhibit ${exhibit(s.tableExhibit, `${at}/tableExhibit`)} - ${name(s.tableName, `${at}/tableName`)}: ${rows.join('; ')}.`
  );
}

/** The comparators an undertaking of a minimum may write. */
const MINIMUM_COMPARATORS = ['not less than', 'no less than', 'at least'];

/**
 * "During the year commencing 6 months from the date hereof, the Operator undertakes to pay the Licensor total royalties
 * of not less than US $11,500.00. Should the royalties under Paragraph 9(a) (8% of Gross Revenues) be insufficient to
 * achieve such minimum, the Operator shall contribute the difference within 45 days after the end of that 12 month period."
 */
function undertakingText(clause: ClauseNode, path: string): string {
  const t = clause.topUp as RoyaltyUndertakingNode;
  const at = `${path}/milestones/0`;
  const m = clause.milestones[0];
  if (clause.milestones.length !== 1 || clause.payments.length !== 0 || m.label !== null || m.condition !== 'payment') badField('an undertaking with other than one unlabelled milestone', `${path}/milestones`);
  const w = m.window;
  if (w.kind !== 'span' || w.start?.kind !== 'after-date-hereof' || w.n !== 1 || w.unit !== 'year' || w.written !== 'the year') {
    badField('an undertaking window other than "the year commencing <n> months from the date hereof"', `${at}/window`);
  }
  const p = m.payment;
  if (!p || p.kind !== 'rate' || !p.measure || p.owedUnder !== t.under || p.intro !== undefined || p.definedAs !== undefined || p.payable !== undefined) {
    badField('an undertaking whose payment is not the rate owed under its provision', `${at}/payment`);
  }
  if (!clause.payer || !clause.party) throw new FormatError('an undertaking names the party that undertakes and the party paid', `${path}/payer`);
  if (typeof t.under !== 'string' || !/^(?:Paragraph|Section) \d+(?:\.\d+)*(?:\([A-Za-z0-9]+\))*$/.test(t.under)) badField(`a provision '${String(t.under)}'`, `${path}/topUp/under`);
  const comparator = oneOf(t.comparator?.words, MINIMUM_COMPARATORS, `${path}/topUp/comparator/words`);
  const amount = formatAmount(t.minimum, `${path}/topUp/minimum`);
  if (t.usWritten === true && !amount.startsWith('$')) badField('"US" before an amount not in dollars', `${path}/topUp/usWritten`);
  return (
    `During the year commencing ${wholeNumber(w.start.n, `${at}/window/start/n`)} months from the date hereof, the ${partyName(clause.payer, `${path}/payer`)} undertakes to pay ` +
    `the ${partyName(clause.party, `${path}/party`)} total royalties of ${comparator} ${t.usWritten === true ? 'US ' : ''}${amount}. Should the royalties under ${t.under} ` +
    `(${percentText(p.percent, `${at}/payment/percent`)} of ${measureText(p.measure, `${at}/payment/measure`)}) be insufficient to achieve such minimum, the ` +
    `${partyName(t.contributor, `${path}/topUp/contributor`)} shall contribute the difference within ${wholeNumber(t.days, `${path}/topUp/days`)} days after the end of that ` +
    `${wholeNumber(t.periodLength, `${path}/topUp/periodLength`)} month period.`
  );
}

/** "Bonuses are paid on the 15th day of the month following the month in which they are earned." */
function payDaySentence(p: PaymentDayNode, path: string): string {
  const noun = oneOf(p.noun, ['bonuses', 'commissions', 'payments'], `${path}/noun`);
  const day = Number(wholeNumber(p.day, `${path}/day`));
  if (day < 1 || day > 31) throw new FormatError('a day of the month is 1 to 31', `${path}/day`);
  const suffix = day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th';
  return `${noun.charAt(0).toUpperCase()}${noun.slice(1)} are paid on the ${day}${suffix} day of the month following the month in which they are earned.`;
}

const SALE_EVENT = /^First Commercial Sale(?: of the first [A-Za-z]+)?$/;

/** "The ARX Corp. shall pay to the Aegon Labs, LLC within 30 days after its achievement the following one-time milestone payment: First Commercial Sale: $500,000.00." */
function eventSentence(m: MilestoneNode, path: string, payer: string, payee: string): string {
  const event = m.event!;
  if (typeof event.words !== 'string' || !SALE_EVENT.test(event.words)) throw new FormatError(`'${String(event.words)}' cannot be written as a sale event: use "First Commercial Sale" or "First Commercial Sale of the first Product"`, `${path}/event/words`);
  if (m.target.kind !== 'deals' || m.target.count !== '1' || m.window.kind !== 'open') throw new FormatError('a sale event is one sale with no deadline', `${path}/target`);
  const p = m.payment;
  if (p?.kind !== 'timed' || p.due.after !== 'achievement' || p.payment.kind !== 'fixed') throw new FormatError('a sale event\'s payment is a fixed amount due a number of days after its achievement', `${path}/payment`);
  const fixed = p.payment;
  const words = [...(fixed.qualifiers ?? []), oneOf(fixed.noun, PAID_NOUNS, `${path}/payment/payment/noun`)].join(' ');
  return `The ${payer} shall pay to the ${payee} within ${wholeNumber(p.due.days, `${path}/payment/due/days`)} days after its achievement the following ${words}: ${event.words}: ${formatAmount(fixed.amount, `${path}/payment/payment/amount`)}.`;
}

// --- openings ------------------------------------------------------------------------------------

/** Token types a context opening's words may lex as (grammar: contextWord). */
const CONTEXT_TOKENS = new Set(['word', 'the', 'of', 'commission', 'bonus', 'payment', 'payments', 'fee', 'sales', 'section', 'number', 'dottedNumber', 'enumerator', 'this_', 'agreement']);
const BASIS_ADJECTIVES = ['monthly', 'quarterly', 'annual', 'yearly'];

function openingText(o: OpeningNode, path: string): string {
  switch (o.kind) {
    case 'context-opening': {
      const lead = o.relation === 'in-addition-to' ? 'In addition to' : o.relation === 'as-consideration-for' ? 'As partial consideration for' : badField('an opening relation', `${path}/relation`);
      const tokens = typeof o.subject === 'string' ? tokenize(o.subject).filter((t) => t.type !== 'ws') : [];
      if (tokens.length === 0 || !tokens.every((t) => CONTEXT_TOKENS.has(t.type ?? ""))) {
        throw new FormatError(`'${String(o.subject)}' cannot be written after '${lead}': use words, section numbers and 'the' or 'of', without commas`, `${path}/subject`);
      }
      return `${lead} ${o.subject},`;
    }
    case 'start-opening': {
      const verb = oneOf(o.verb, ['commencing', 'beginning', 'starting'], `${path}/verb`);
      const Verb = verb.charAt(0).toUpperCase() + verb.slice(1);
      const date = dateText(o.date, `${path}/date`);
      return o.fiscalYear ? `${Verb} with the fiscal year that starts on ${date},` : `${Verb} ${date},`;
    }
    case 'period-opening': {
      if (o.written === 'basis') {
        const adjective = oneOf(o.adjective as string, BASIS_ADJECTIVES, `${path}/adjective`);
        return `On a ${adjective} basis,`;
      }
      if (o.written !== 'for-each') return badField('an opening form', `${path}/written`);
      if (o.window?.kind === 'defined-period') {
        if (o.window.which !== 'each') badField('a period opening names each period', `${path}/window/which`);
        const d = o.definition;
        if (d !== undefined && (d.kind !== 'period-definition' || d.term !== o.window.term || d.meaning?.kind !== 'periods-from-event')) {
          badField('a definition in brackets names the opening\'s period and periods from an event', `${path}/definition`);
        }
        const inline = d?.meaning.kind === 'periods-from-event' ? ` (${eventPeriodsText(d.meaning, `${path}/definition/meaning`)})` : '';
        return `For each ${periodNameText(o.window.term, `${path}/window/term`)}${inline},`;
      }
      const text = o.window?.kind === 'calendar-period' && o.window.selection.kind === 'each' ? calendarWindowText(o.window) : null;
      if (text === null) throw new FormatError('a period opening names each calendar, fiscal or half-year period', `${path}/window`);
      return `For ${text.replace(/^in /, '')},`;
    }
    default:
      return assertNever(o);
  }
}

// --- clause headings and payer-pays sentences ---------------------------------------------------

/** Words that cannot be words of a clause heading or a scope, since they begin or carry a sentence. */
const SENTENCE_WORDS = new Set(['the', 'this', 'is', 'are', 'a', 'shall', 'will', 'agrees', 'to', 'upon', 'if', 'should', 'when', 'pay', 'receive', 'be', 'entitled']);
const SECTION_NUMBER = /^(?:(?:Article|ARTICLE|Section|section) )?\d+(?:,\d{3})*(?:\.\d+)*(?:\((?:[ivxlcdmIVXLCDM]+|[a-zA-Z]|\d+)\))*\.?$/;

function clauseHeading(h: ClauseHeadingNode, path: string): string {
  const words = typeof h.title === 'string' ? h.title.split(' ') : [];
  if (words.length === 0 || !words.every((w) => WORD.test(w) && !SENTENCE_WORDS.has(w.toLowerCase()))) {
    throw new FormatError(`'${h.title}' cannot be written as a clause heading: use words separated by single spaces, none of ${[...SENTENCE_WORDS].join(', ')}`, `${path}/title`);
  }
  if (h.number !== null && (typeof h.number !== 'string' || !SECTION_NUMBER.test(h.number))) {
    throw new FormatError(`'${String(h.number)}' cannot be written as a section number: use "4.2", "2.3(a)", "Article 6.2" or "3."`, `${path}/number`);
  }
  return `${h.number === null ? '' : `${h.number} `}${h.title}.`;
}

/** A word the lexer reads as a plain word (not a keyword, ordinal or month): scope phrases are made of them. */
const isPlainWord = (w: string): boolean => WORD.test(w) && tokenize(w).every((t) => t.type === 'word');

const METRIC = /^(?:(?:aggregate|cumulative|worldwide|consolidated|such) )*(?:(?:annual|yearly|quarterly|monthly|fortnightly|weekly) )?(?:(gross|net) )?(?:sales revenue|sales|revenues?|turnover|bookings|purchases)$/i;
const SCOPE = /^(?:of|in|from sales of|from) (?:the )?(.+)$/;
const CUSTOMER_SCOPE = /^to (?:the )?(?:customers|clients|customer|client)$/i;
/** "by Licensee, its Affiliates and Sublicensees": parties of plain words, joined by ",", "and", "or". */
const BY_SCOPE = /^by (?:or on behalf of )?(.+)$/;
const QUALIFIER_KEYWORDS = new Set(['performance', 'target', 'milestone', 'sales', 'annual', 'quarterly', 'additional', 'quota', 'achievement', 'net']);
const PAID_NOUNS = ['commission', 'bonus', 'commission payment', 'payment', 'fee'];

function scopeText(scope: string, path: string): string {
  // "of Products in the Territory": phrases each starting with of / in / from sales of.
  const phrases: string[] = [];
  for (const word of scope.split(' ')) {
    const last = phrases[phrases.length - 1];
    // "by Vistara or any of its Affiliates": 'of' after 'any' stays in the party.
    const anyOf = word === 'of' && last !== undefined && last.startsWith('by ') && last.endsWith(' any');
    // "of the Product worldwide": 'worldwide' is a scope phrase of its own (where the sales count).
    if (word === 'worldwide' || last === 'worldwide') {
      phrases.push(word);
      continue;
    }
    if (phrases.length === 0 || (!anyOf && ['of', 'in', 'from', 'by', 'received', 'to'].includes(word) && last !== 'from sales' && last !== 'received' && !/(?:^| )behalf$/.test(last) && last !== 'by')) phrases.push(word);
    else phrases[phrases.length - 1] = `${last} ${word}`;
  }
  for (const raw of phrases) {
    // "received by Licensee or its Affiliates": whose receipts count, a "by" phrase after "received".
    const phrase = raw.startsWith('received by ') ? raw.slice('received '.length) : raw;
    const by = BY_SCOPE.exec(phrase);
    if (by) {
      const parties = by[1].split(/,? (?:and|or) |, /);
      if (parties.every((p) => p.replace(/^(?:any of )?its /, '').split(' ').every(isPlainWord))) continue;
    }
    // "to Customers": whose purchases count.
    if (CUSTOMER_SCOPE.test(phrase)) continue;
    if (phrase === 'worldwide') continue;
    // "of each Product": counted per item.
    if (/^of each /.test(phrase) && phrase.slice('of each '.length).split(' ').every(isPlainWord)) continue;
    // "of a Licensed Product": counted per product.
    if (/^of a /.test(phrase) && phrase.slice('of a '.length).split(' ').every(isPlainWord)) continue;
    // "of the first Licensed Product": an ordinal before the words.
    const firstOf = /^of the first (.+)$/.exec(phrase);
    if (firstOf && firstOf[1].split(' ').every(isPlainWord)) continue;
    const m = SCOPE.exec(phrase);
    // "of the Company and its Subsidiaries": one party and its own.
    if (!m || !m[1].split(' and its ').every((part) => part.split(' ').every(isPlainWord))) {
      throw new FormatError(`'${scope}' cannot be written as a scope: use "of <Words>", "in the <Words>", "from sales of the <Words>" or "by <Party>, its <Words> and <Words>", each word a plain word`, path);
    }
  }
  return scope;
}

/** "$[***]", "[******]": a redacted figure as the grammar reads one. */
const REDACTED = /^(?:[$€£¥]|[A-Z]{3})?\[[\s*]+\]$/;
/** "Schedule 4.2", "Exhibit C": where an amount set out elsewhere is. */
const ELSEWHERE = /^(?:Schedule|Exhibit) (?:\d+(?:\.\d+)*|[A-Za-z][A-Za-z'’-]*)$/;

function paidAmount(p: PaymentNode, path: string): string {
  if (p.kind !== 'fixed' && p.kind !== 'unstated' && measureOfPayment(p)) {
    if (p.kind === 'limited' || p.kind === 'timed') throw new FormatError('a payer-pays sentence with a condition after the amount cannot bound or time it: write the condition first ("If …, the Company shall pay …")', `${path}/kind`);
    return measuredAmount(p, path);
  }
  const qualifiers = p.kind === 'fixed' || p.kind === 'unstated' ? p.qualifiers ?? [] : [];
  if (!Array.isArray(qualifiers) || !qualifiers.every((q) => typeof q === 'string' && (isPlainWord(q) || QUALIFIER_KEYWORDS.has(q.toLowerCase())))) {
    throw new FormatError('qualifiers must be plain words such as "one-time" or "launch"', `${path}/qualifiers`);
  }
  const before = qualifiers.length ? `${qualifiers.join(' ')} ` : '';
  // "an additional bonus", "an annual bonus": the article the first word takes (the grammar reads both).
  const a = /^(?!one|uni|use)[aeiou]/i.test(before) ? 'an' : 'a';
  if (p.kind === 'unstated') {
    if (p.how === 'redacted' && typeof p.text === 'string' && REDACTED.test(p.text)) return `${a} ${before}payment of ${p.text}`;
    throw new FormatError(`'${String(p.text)}' cannot be written as a redacted amount: use "$[***]" or "[***]"`, `${path}/text`);
  }
  if (p.kind !== 'fixed') throw new FormatError(`a payer-pays sentence pays a fixed amount ("a bonus of $5,000"), not a ${p.kind} payment`, `${path}/kind`);
  if (p.instalments !== undefined) throw new FormatError('a payment in instalments is written only in a "payable by" sentence ("The … payment of $X shall be payable by …")', `${path}/instalments`);
  return `${a} ${before}${oneOf(p.noun, [...PAID_NOUNS, 'allowance'], `${path}/noun`)} of ${formatAmount(p.amount, `${path}/amount`)}`;
}

/**
 * "Upon Distributor's achievement of each of the following sales milestones, the Company shall pay the
 * Distributor the bonus set forth in Schedule 4.2: (a) …; and (b) ….": labelled milestones sharing one
 * amount set out elsewhere and one achieving party. Null for any other clause.
 */
function achievementList(clause: ClauseNode, path: string, payer: string, payee: string): string | null {
  const first = clause.milestones[0];
  const p = first.payment;
  if (p?.kind !== 'unstated' || p.how !== 'elsewhere' || !first.achiever || first.label === null) return null;
  const text = p.text;
  const achiever = first.achiever.name;
  if (!clause.milestones.every((m) => m.payment?.kind === 'unstated' && m.payment.how === 'elsewhere' && m.payment.text === text && m.achiever?.name === achiever && m.label !== null)) {
    throw new FormatError('an amount set out elsewhere is written for a list of labelled milestones with one achieving party and one place ("Schedule 4.2")', `${path}/milestones`);
  }
  if (typeof text !== 'string' || !ELSEWHERE.test(text)) throw new FormatError(`'${String(text)}' cannot be written as where an amount is set out: use "Schedule 4.2" or "Exhibit C"`, `${path}/milestones/0/payment/text`);
  if (clause.form !== 'payer-pays') throw new FormatError('a list of milestones is written in a payer-pays clause', `${path}/form`);
  const last = clause.milestones.length - 1;
  const items = clause.milestones.map((m, i) => {
    const at = `${path}/milestones/${i}`;
    if (m.labelSource?.style !== 'parenthesised' || !ENUMERATOR_INNER.test(m.label as string)) {
      throw new FormatError(`'${String(m.label)}' cannot be written as a label of a milestone list: use "(a)", "(ii)" or "(1)"`, `${at}/label`);
    }
    return `(${m.label}) ${payerCondition(m, at, false).condition}${i === last ? '.' : i === last - 1 ? '; and' : ';'}`;
  });
  const who = partyName(first.achiever, `${path}/milestones/0/achiever`);
  return [`Upon ${who}'s achievement of each of the following sales milestones, the ${payer} shall pay the ${payee} the bonus set forth in ${text}:`, ...items].join('\n');
}


/** The condition of one milestone of a payer-pays sentence: "Net Sales of Products exceed $X by …". */
/** A milestone's amount of a metric ("Net Sales … of $X"), checked as the sentence of `what` writes it: the term, its scope words and the amount. */
function revenueTarget(m: MilestoneNode, at: string, what: string): { t: RevenueTargetNode; scope: string; written: string } {
  const t = m.target;
  if (t.kind !== 'revenue' || typeof t.term !== 'string') throw new FormatError(`the target of ${what} is an amount of a metric such as "Net Sales"`, `${at}/target`);
  const metric = METRIC.exec(t.term);
  if (!metric) throw new FormatError(`'${t.term}' cannot be written as a metric: use "Net Sales", "Gross Revenue", "Turnover" …`, `${at}/target/term`);
  periodMetricText(t.term, t.periodWord, `${at}/target/term`);
  if ((metric[1]?.toLowerCase() ?? null) !== t.basis) throw new FormatError(`the term '${t.term}' does not say '${String(t.basis)}'`, `${at}/target/basis`);
  const scope = t.scope === undefined ? '' : ` ${scopeText(t.scope, `${at}/target/scope`)}`;
  if ((t.perProduct !== undefined) !== (t.scope !== undefined && / ?of a /.test(` ${t.scope}`))) badField('per product exactly when the scope says "of a <Product>"', `${at}/target/perProduct`);
  const written = m.quota === undefined ? formatAmount(t.amount, `${at}/target/amount`) : quotaText(m, at);
  return { t, scope, written };
}

function payerCondition(m: MilestoneNode, at: string, withAchiever = true): { subject: string; condition: string; frame: string; tail: string } {
  if (!m.payment) throw new FormatError('the milestone of a payer-pays sentence needs its payment', `${at}/payment`);
  if (!m.comparator || typeof m.comparator.strict !== 'boolean') throw new FormatError('the milestone of a payer-pays sentence needs a comparator', `${at}/comparator`);
  const { t, scope, written } = revenueTarget(m, at, 'a payer-pays sentence');
  const amount = m.targetName === undefined ? written : `the ${namedTargetText(m.targetName, `${at}/targetName`)} of ${written}`;
  const strict = m.comparator.strict;
  const subject = m.achiever && withAchiever
    ? `the ${partyName(m.achiever, `${at}/achiever`)} generates ${t.term}${scope} ${strict ? 'in excess of' : 'at least'} ${amount}`
    : `${t.term}${scope} ${strict ? 'exceed' : 'are at least'} ${amount}`;
  // The calendar forms ("for the first calendar quarter in which …") write their window themselves.
  const calendarFirst = m.window.kind === 'calendar-period' && m.window.selection.kind === 'first';
  const window = calendarFirst || m.periodReference !== undefined ? '' : windowText(m.window, `${at}/window`);
  const condition = window === '' ? subject : `${subject} ${window}`;
  if (!m.compound) return { subject, condition, frame: '', tail: '' };
  const c = m.compound;
  if (c.framing !== null && m.achiever && withAchiever) badField('"either" or "both" before a party\'s condition', `${at}/compound/framing`);
  const frame = c.framing === null ? '' : `${oneOf(c.framing, ['either', 'both'], `${at}/compound/framing`)} `;
  const tail = c.parts.map((p, i) => conditionPartText(p, `${at}/compound/parts/${i}`)).join('');
  return { subject, condition: `${frame}${condition}${tail}`, frame, tail };
}

/** ", or Net Sales year-to-date are at least $X measured at the end of such calendar quarter", " and at least 10 new customers". */
function conditionPartText(p: ConditionPartNode, at: string): string {
  const join = `${p.comma ? ',' : ''} ${oneOf(p.connective, ['and', 'or'], `${at}/connective`)} `;
  if (typeof p.comparator?.strict !== 'boolean') badField('a part without a comparator', `${at}/comparator`);
  const strict = p.comparator.strict;
  const window = p.window === null ? '' : ` ${windowText(p.window, `${at}/window`)}`;
  const t = p.target;
  if (t.kind !== 'revenue') {
    if (p.span !== undefined || p.measuredAtEnd !== undefined || p.achiever !== undefined) badField('a count part with a party, a year-to-date span or a measuring day', at);
    return `${join}${strict ? 'more than' : 'at least'} ${target(t, `${at}/target`, false)}${window}`;
  }
  if (typeof t.term !== 'string' || !METRIC.test(t.term)) badField(`a part's metric '${String(t.term)}'`, `${at}/target/term`);
  const scope = t.scope === undefined ? '' : ` ${scopeText(t.scope, `${at}/target/scope`)}`;
  const amount = formatAmount(t.amount, `${at}/target/amount`);
  if (p.span === 'year-to-date') {
    if (p.window !== null || p.achiever !== undefined) badField('a year-to-date part with its own window or party', at);
    const measured = p.measuredAtEnd === undefined ? '' : ` measured at the end of such ${oneOf(p.measuredAtEnd.period, MEASURED_PERIODS, `${at}/measuredAtEnd/period`)}`;
    return `${join}${t.term}${scope} year-to-date ${strict ? 'exceed' : 'are at least'} ${amount}${measured}`;
  }
  if (p.measuredAtEnd !== undefined) badField('a measuring day on a part that is not year-to-date', `${at}/measuredAtEnd`);
  const subject = p.achiever
    ? `the ${partyName(p.achiever, `${at}/achiever`)} generates ${t.term}${scope} ${strict ? 'in excess of' : 'at least'} ${amount}`
    : `${t.term}${scope} ${strict ? 'exceed' : 'are at least'} ${amount}`;
  return `${join}${subject}${window}`;
}

const MEASURED_PERIODS = ['month', 'quarter', 'year', 'calendar month', 'calendar quarter', 'calendar year'];

/** What the quota's name may be: plain words or figures ending with "Quota" ("FY 2027 Quota", "Annual Quota"). */
const QUOTA_NAME = /^(?:[A-Za-z][A-Za-z'’-]*[A-Za-z] |[A-Za-z] |\d+ )*[Qq]uota$/;

/** "100% of the Participant's FY2027 Quota of $1,200,000": the share of the quota the target is. */
function quotaText(m: MilestoneNode, at: string): string {
  const q = m.quota as NonNullable<MilestoneNode['quota']>;
  const t = m.target;
  if (typeof q.name !== 'string' || !QUOTA_NAME.test(q.name)) badField(`a quota named '${String(q.name)}'`, `${at}/quota/name`);
  const derived = new Dec(q.amount.amount).times(q.percent).dividedBy(100);
  if (t.kind !== 'revenue' || !derived.equals(t.amount.amount) || q.amount.currency !== t.amount.currency) badField('a target that is not the stated share of its quota', `${at}/target/amount`);
  const owner = q.owner ? `${partyName(q.owner, `${at}/quota/owner`)}'s ` : '';
  return `${percentText(q.percent, `${at}/quota/percent`)} of the ${owner}${q.name} of ${formatAmount(q.amount, `${at}/quota/amount`)}`;
}

/**
 * "If Net Sales exceed $X in the first year, the Company shall pay the Agent a bonus of $Y.", the
 * payment-first order, several unlabelled payments joined by ", and", or a labelled list
 * ("… the following payments: (a) a bonus of $Y if …; and (b) …").
 */
function payerSentence(clause: ClauseNode, path: string): string {
  if (clause.planLevels !== undefined) return planLevelsSentences(clause, clause.planLevels, `${path}/planLevels`);
  if (clause.planTable !== undefined) return planTableSentences(clause, clause.planTable, `${path}/planTable`);
  if (clause.planBands !== undefined) return planBandsSentence(clause, clause.planBands, `${path}/planBands`);
  const growth = clause.milestones[0]?.payment ? paymentParts(clause.milestones[0].payment).base : null;
  if (growth?.kind === 'rate-on-excess' && growth.threshold?.kind === 'prior-period') return growthSentence(clause, growth, growth.threshold, path);
  if (clause.milestones[0]?.periodProviso !== undefined) return provisoSentence(clause, path);
  if (clause.milestones[0]?.condition === 'payment') return measuredSentence(clause, path);
  const first = clause.milestones[0]?.payment;
  if (first && paymentParts(first).base.kind === 'each-increment') return incrementSentence(clause, path);
  const firstBase = first ? paymentParts(first).base : null;
  if (firstBase?.kind === 'per-increment' && firstBase.excessOf !== undefined) return excessIncrementSentence(clause, path);
  const stepped = steppedSentence(clause, path);
  if (stepped !== null) return stepped;
  if (!clause.payer) throw new FormatError(`a ${clause.form} clause needs a payer`, `${path}/payer`);
  if (clause.payments.length !== 0) throw new FormatError(`a ${clause.form} clause has no payment sentences: its payment is the milestone's`, `${path}/payments`);
  const payer = partyName(clause.payer, `${path}/payer`);
  // A list with a condition of its own may name no payee ("Pharmara will make each of the following … Payments when …").
  if (!clause.party && clause.listCondition !== undefined && clause.form === 'payer-pays') return listSentences(clause, path, payer, null);
  if (clause.listCondition !== undefined && clause.form !== 'payer-pays') throw new FormatError('a list condition is written only in a payer-pays list', `${path}/listCondition`);
  if (!clause.party) throw new FormatError(`a ${clause.form} clause needs a party to be paid`, `${path}/party`);
  const payee = partyName(clause.party, `${path}/party`);
  if (clause.sentence !== undefined) return payableBySentence(clause, path, payer, payee);
  const labelled = clause.milestones.map((m) => m.label !== null || m.labelSource !== null);
  if (labelled.some((l) => l !== labelled[0])) throw new FormatError('the milestones of a payer-pays sentence are all labelled (a list) or none is', `${path}/milestones`);
  if (clause.milestones.length === 1 && clause.milestones[0].event !== undefined) return eventSentence(clause.milestones[0], `${path}/milestones/0`, payer, payee);
  if (clause.milestones.length === 1 && !labelled[0] && clause.milestones[0].target.kind === 'units') return unitsPeriodSentence(clause, `${path}/milestones/0`, payer, payee);
  const elsewhere = achievementList(clause, path, payer, payee);
  if (elsewhere !== null) return elsewhere;
  if (clause.milestones.length === 1 && !labelled[0]) {
    const m = clause.milestones[0];
    const at = `${path}/milestones/0`;
    const condition = payerCondition(m, at);
    const calendar = calendarSentence(clause, m, { subject: condition.subject, frame: condition.frame, tail: condition.tail, payer, payee }, at);
    if (calendar !== null) return calendar;
  }
  if (labelled[0] && clause.form === 'payer-pays') return listSentences(clause, path, payer, payee);
  if (clause.listCondition !== undefined) throw new FormatError('a list condition is written only before labelled items', `${path}/listCondition`);
  const parts = clause.milestones.map((m, i) => {
    const at = `${path}/milestones/${i}`;
    // A conditional sentence writes its amount with its tail (paidWithTail below); the payment-first forms have none.
    const paid = clause.form === 'conditional' ? '' : paidAmount(m.payment as PaymentNode, `${at}/payment`);
    return { m, at, paid, condition: payerCondition(m, at).condition };
  });
  if (clause.form === 'conditional' || labelled[0]) {
    const named = parts.find((p) => p.m.paymentName !== undefined);
    if (named) throw new FormatError('a payment name in brackets is written only in a payer-pays sentence without labels', `${named.at}/paymentName`);
  }
  if (clause.form === 'conditional') {
    if (parts.length !== 1 || labelled[0]) throw new FormatError('a conditional clause has exactly one milestone, without a label', `${path}/milestones`);
    const lead = firstTimeLead(parts[0].m, parts[0].at);
    return `${lead} ${parts[0].condition}, the ${payer} shall pay the ${payee} ${paidWithTail(parts[0].m.payment as PaymentNode, clause, `${parts[0].at}/payment`)}.`;
  }
  return `The ${payer} shall pay the ${payee} ${parts.map((p) => `${p.paid}${paymentNameText(p.m, p.at)} if ${p.condition}`).join(', and ')}.`;
}

/**
 * "The sales milestone payment of $300,000 shall be payable by the BMX to the Ambrose when … in a calendar year[; provided
 * that such payment will be made in 3 equal annual installments, one in each Calendar Year (beginning with …) …].".
 */
function payableBySentence(clause: ClauseNode, path: string, payer: string, payee: string): string {
  oneOf(clause.sentence ?? '', ['payable-by'], `${path}/sentence`);
  if (clause.form !== 'payer-pays' || clause.milestones.length !== 1) throw new FormatError('a "payable by" sentence is a payer-pays clause of one milestone', `${path}/milestones`);
  const m = clause.milestones[0];
  const at = `${path}/milestones/0`;
  if (m.label !== null || m.labelSource !== null || m.paymentName !== undefined || m.periodReference !== undefined || m.once !== undefined || m.event !== undefined) {
    throw new FormatError('a "payable by" sentence has no label, payment name, period reference, once-only words or event', at);
  }
  const p = m.payment;
  if (!p || p.kind !== 'fixed') throw new FormatError('a "payable by" sentence pays a fixed amount', `${at}/payment`);
  const { instalments, ...whole } = p;
  const amount = paidAmount(whole, `${at}/payment`).replace(/^an? /, 'The ');
  const proviso = instalments === undefined ? '' : instalmentsText(instalments, `${at}/payment/instalments`);
  return `${amount} shall be payable by the ${payer} to the ${payee} when ${payerCondition(m, at).condition}${proviso}.`;
}

/** "; provided that such payment will be made in 3 equal annual installments, one in each Calendar Year (…) in which …". */
function instalmentsText(node: InstalmentsNode, path: string): string {
  const n = wholeNumber(node.count, `${path}/count`);
  oneOf(node.share, ['equal'], `${path}/share`);
  oneOf(node.every, ['calendar-year'], `${path}/every`);
  oneOf(node.trigger, ['each-period-met'], `${path}/trigger`);
  const noun = oneOf(node.noun, ['installments', 'instalments'], `${path}/noun`);
  return (
    `; provided that such payment will be made in ${n} equal annual ${noun}, one in each Calendar Year (beginning with the Calendar Year in which ` +
    'the threshold is first reached) in which such threshold continues to be reached or exceeded'
  );
}

/** "(a)" or "1.": a list item's label as written. */
function listLabel(m: MilestoneNode, at: string): string {
  if (typeof m.label === 'string' && m.labelSource?.style === 'parenthesised' && ENUMERATOR_INNER.test(m.label)) return `(${m.label})`;
  if (typeof m.label === 'string' && m.labelSource?.style === 'dotted' && /^\d+$/.test(m.label)) return `${m.label}.`;
  throw new FormatError(`'${String(m.label)}' cannot be written as a label of a payment list: use "(a)", "(ii)", "(1)" or "1."`, `${at}/label`);
}

/** The days after its achievement a payment falls due, when it is timed so; null for an untimed payment. */
function daysAfterAchievement(p: PaymentNode, at: string): number | null {
  if (p.kind !== 'timed') return null;
  const due = p.due;
  if (due.after !== 'achievement' || due.calendar || due.such) throw new FormatError('a payment of a list falls due a number of days after the achievement of its milestone', `${at}/due`);
  return Number(wholeNumber(due.days, `${at}/due/days`));
}

/**
 * A labelled payment list: "The Company shall pay the Agent the following payments: (a) a bonus of $Y if …; and (b) …".
 * When every payment falls due the same number of days after its milestone is achieved: "… shall pay each of the
 * following payments to the Agent within 30 days after the achievement of such milestone: …"; when the items' due
 * times differ, each item states its own: "(a) within 60 days following attainment of Net Sales are at least $X: $Y".
 * "Each of the milestones shall be paid only once." when every milestone carries a once-only sentence.
 */
function listSentences(clause: ClauseNode, path: string, payer: string, payee: string | null): string {
  const last = clause.milestones.length - 1;
  const end = (i: number): string => (i === last ? '.' : i === last - 1 ? '; and' : ';');
  const lead = clause.listCondition === undefined ? null : listLeadText(clause, path);
  const parts = clause.milestones.map((m, i) => {
    const at = `${path}/milestones/${i}`;
    if (m.paymentName !== undefined) throw new FormatError('a payment name in brackets is written only in a payer-pays sentence without labels', `${at}/paymentName`);
    const payment = m.payment as PaymentNode;
    const days = daysAfterAchievement(payment, `${at}/payment`);
    // Under a list condition the items write no window: theirs is the condition's.
    const condition = lead === null ? listCondition(m, at) : payerCondition(m, at, true).subject;
    return { m, at, days, condition, inner: payment.kind === 'timed' ? payment.payment : payment, innerAt: payment.kind === 'timed' ? `${at}/payment/payment` : `${at}/payment` };
  });
  const onceCount = clause.milestones.filter((m) => m.once !== undefined).length;
  if (onceCount !== 0 && onceCount !== clause.milestones.length) throw new FormatError('a once-only sentence after a list covers every milestone of it', `${path}/milestones`);
  const once = onceCount === 0 ? [] : ['Each of the milestones shall be paid only once.'];
  if (clause.catchUp !== undefined) once.push('For the sake of clarity, Milestone Events are cumulative: achievement of a Milestone Event triggers all prior Milestone Events not previously triggered and paid.');
  // "(i) first Calendar Quarter in which Net Sales exceed $300,000: $25,000": such an item is written with its amount last.
  const firstIn = (m: MilestoneNode): boolean => m.window.kind === 'calendar-period' && m.window.selection.kind === 'first';
  const days = parts[0].days;
  const shared = parts.every((p) => p.days === days);
  const leadText = lead === null ? '' : ` ${lead}`;
  if (payee !== null && shared && !clause.milestones.some(firstIn)) {
    const items = parts.map((p, i) => `${listLabel(p.m, p.at)} ${paidAmount(p.inner, p.innerAt)} if ${p.condition}${end(i)}`);
    const due = days === null ? '' : ` within ${days} days after the achievement of such milestone`;
    const head = days === null && lead === null ? `The ${payer} shall pay the ${payee} the following payments:` : `The ${payer} shall pay each of the following payments to the ${payee}${due}${leadText}:`;
    return [head, ...items, ...once].join('\n');
  }
  if (payee === null && days === null && shared && !clause.milestones.some(firstIn)) {
    const items = parts.map((p, i) => `${listLabel(p.m, p.at)} ${paidAmount(p.inner, p.innerAt)} if ${p.condition}${end(i)}`);
    return [`The ${payer} will make each of the following payments${leadText}:`, ...items, ...once].join('\n');
  }
  // Due times differ (or no payee names who the list's due time is for): each item states its own, its amount after the
  // condition; the list's words give the amounts' words.
  const words = listWords(parts.map((p) => ({ payment: p.inner, at: p.innerAt })));
  const items = parts.map((p, i) => {
    if (firstIn(p.m)) {
      if (p.days !== null || lead !== null) throw new FormatError('an item "first calendar quarter in which …" states no due time of its own and no list condition', `${p.at}/window`);
      const noun = calendarNounText(p.m.window as CalendarPeriodWindowNode);
      if (noun === null) throw new FormatError('an item "first … in which" names a calendar or fiscal period', `${p.at}/window`);
      return `${listLabel(p.m, p.at)} first ${noun} in which ${payerCondition(p.m, p.at).subject}: ${listValue(p.inner, p.innerAt)}${end(i)}`;
    }
    if (p.days === null) return `${listLabel(p.m, p.at)} ${p.condition}: ${listValue(p.inner, p.innerAt)}${end(i)}`;
    // "attainment of annual Net Sales equal to ¥100,000,000": the inclusive comparator as such items write it.
    const condition = p.condition.replace(/ are at least /, ' equal to ');
    return `${listLabel(p.m, p.at)} within ${p.days} days following attainment of ${condition}: ${listValue(p.inner, p.innerAt)}${end(i)}`;
  });
  const head =
    payee === null
      ? `The ${payer} will make each of the following ${words}${leadText}:`
      : lead === null
        ? `The ${payer} shall pay the ${payee} the following ${words}:`
        : `The ${payer} shall pay each of the following ${words} to the ${payee}${leadText}:`;
  return [head, ...items, ...once].join('\n');
}

/**
 * "when worldwide aggregate Net Sales of Licensed Products in a given calendar year first meet the corresponding
 * threshold": the list's condition, whose window every item has.
 */
function listLeadText(clause: ClauseNode, path: string): string {
  const lead = clause.listCondition as NonNullable<ClauseNode['listCondition']>;
  const at = `${path}/listCondition`;
  const metric = typeof lead.term === 'string' ? METRIC.exec(lead.term) : null;
  if (!metric) throw new FormatError(`'${String(lead.term)}' cannot be written as a metric: use "Net Sales", "aggregate Net Sales" …`, `${at}/term`);
  if ((metric[1]?.toLowerCase() ?? null) !== lead.basis) throw new FormatError(`the term '${lead.term}' does not say '${String(lead.basis)}'`, `${at}/basis`);
  if (PERIOD_WORD.test(`${lead.term} `)) throw new FormatError(`a list condition's metric has no period word: its window gives the period`, `${at}/term`);
  const window = JSON.stringify(termsOf(lead.window as never));
  clause.milestones.forEach((m, i) => {
    if (JSON.stringify(termsOf(m.window as never)) !== window) throw new FormatError("every item of a list with a condition has the condition's window", `${path}/milestones/${i}/window`);
  });
  const scope = lead.scope === undefined ? '' : ` ${scopeText(lead.scope, `${at}/scope`)}`;
  let text = windowText(lead.window, `${at}/window`);
  // Milestones paid once, tested in every calendar period: "in any", as in listCondition below.
  const w = lead.window;
  if (clause.milestones.every((m) => m.once !== undefined) && w.kind === 'calendar-period' && w.selection.kind === 'each' && w.bound === undefined) text = text.replace(/^in each /, 'in any ');
  return `when ${lead.term}${scope} ${text} first meet the corresponding threshold`;
}

/**
 * An item's condition. A milestone paid once and tested in every calendar period is written "in any calendar year": the
 * once-only sentence then reads without the each-period reading's warning ("in each" says every period pays).
 */
function listCondition(m: MilestoneNode, at: string): string {
  const condition = payerCondition(m, at).condition;
  const w = m.window;
  if (m.once === undefined || w.kind !== 'calendar-period' || w.selection.kind !== 'each' || w.bound !== undefined) return condition;
  return condition.replace(/ in each ([^ ]+ [^ ]+)$/, ' in any $1');
}

/** The words of a list whose items state bare amounts: the qualifiers every amount shares, then "payments". */
function listWords(payments: { payment: PaymentNode; at: string }[]): string {
  const qualifiersOf = (p: PaymentNode): string[] => (p.kind === 'fixed' || p.kind === 'unstated' ? p.qualifiers ?? [] : []);
  const first = qualifiersOf(payments[0].payment);
  for (const { payment, at } of payments) {
    if ((payment.kind !== 'fixed' || payment.noun !== 'payment') && payment.kind !== 'unstated') throw new FormatError('an item that states its own due time pays a bare amount ("$150,000", "[***]")', `${at}/kind`);
    if (qualifiersOf(payment).join(' ') !== first.join(' ')) throw new FormatError('the amounts of a list whose items state their own due times share the list\'s words ("one-time milestone")', `${at}/qualifiers`);
  }
  if (!first.every((q) => typeof q === 'string' && (isPlainWord(q) || QUALIFIER_KEYWORDS.has(q.toLowerCase())))) throw new FormatError('qualifiers must be plain words such as "one-time" or "launch"', `${payments[0].at}/qualifiers`);
  return [...first, 'payments'].join(' ');
}

/** "$150,000.00", "[******]": an item's bare amount. */
function listValue(p: PaymentNode, at: string): string {
  if (p.kind === 'fixed') return formatAmount(p.amount, `${at}/amount`);
  if (p.kind === 'unstated' && p.how === 'redacted' && typeof p.text === 'string' && REDACTED.test(p.text)) return p.text;
  throw new FormatError('an item that states its own due time pays a bare amount ("$150,000", "[***]")', `${at}/kind`);
}

/**
 * "If Executive achieves the Annual Board Plan ($2,500,000 of Bookings for 2026) but less than the Sales Plan ($3,000,000),
 * Executive earns a commission of 2%; if Executive achieves or exceeds the Sales Plan, Executive earns a commission of 5%.
 * The commission applies to all Bookings in excess of the Annual Board Plan." The milestones are the levels'.
 */
function planLevelsSentences(clause: ClauseNode, p: PlanLevelsNode, path: string): string {
  if (!Array.isArray(p.levels) || p.levels.length === 0) badField('plan levels without a level', `${path}/levels`);
  if (clause.milestones.length !== p.levels.length) throw new FormatError('a clause of plan levels has one milestone per level', `${path}/levels`);
  if (clause.payer !== undefined) throw new FormatError('plan levels name no payer (the party earns)', `${path.replace(/\/planLevels$/, '')}/payer`);
  const levels = p.levels.map((l, i) => {
    const at = `${path}/levels/${i}`;
    const verb = oneOf(l.verb, ['achieves', 'reaches', 'generates', 'achieve', 'reach', 'generate', 'generating'], `${at}/verb`);
    const reach =
      oneOf(l.written, ['between', 'or exceeds'], `${at}/written`) === 'between'
        ? `${verb} ${planRefText(l.from, `${at}/from`)} but less than ${planRefText(l.below ?? badField('a level between two plans without its upper plan', `${at}/below`), `${at}/below`)}`
        : `${verb} or exceeds ${planRefText(l.from, `${at}/from`)}`;
    return `${i === 0 ? 'If' : 'if'} ${partyName(l.achiever, `${at}/achiever`)} ${reach}, ${partyName(l.earner, `${at}/earner`)} earns a commission of ${percentText(l.percent, `${at}/percent`)}`;
  });
  if (!METRIC.test(p.appliesTo)) throw new FormatError(`'${p.appliesTo}' cannot be written as a metric: use "Net Sales", "Bookings" …`, `${path}/appliesTo`);
  return `${levels.join('; ')}. The commission applies to all ${p.appliesTo} in excess of ${planRefText(p.excessOver, `${path}/excessOver`)}.`;
}

const PLAN_VERBS = ['achieves', 'reaches', 'generates', 'achieve', 'reach', 'generate', 'generating'];
const PLAN_METRIC_NOUNS = new Set(['sales', 'revenue', 'revenues', 'turnover', 'bookings', 'purchases']);

/** A plan table's name: plain words, its metric noun last ("Quarterly Board Plan Bookings"); `term` must be that noun. */
function planNameText(name: unknown, term: unknown, path: string): string {
  const tokens = typeof name === 'string' ? tokenize(name).filter((t) => t.type !== 'ws') : [];
  const last = tokens[tokens.length - 1];
  const plain = tokens.slice(0, -1).every((t) => t.type === 'word' || t.type === 'quarterly' || t.type === 'annual');
  if (tokens.length < 2 || !plain || !PLAN_METRIC_NOUNS.has(last.type ?? '') || tokens.map((t) => t.value).join(' ') !== name) {
    throw new FormatError(`'${String(name)}' cannot be written as a plan's name: use plain words and a metric noun last ("Quarterly Board Plan Bookings")`, path);
  }
  if (term !== undefined && term !== last.value) throw new FormatError(`a plan's metric is the last word of its name ('${last.value}')`, path);
  return name as string;
}

/**
 * "The Executive shall earn $20,000.00 for each calendar quarter in which the Executive achieves 100% of the Quarterly Board Plan
 * Bookings, or 100% of the Board Plan Bookings year-to-date measured at the end of such quarter. Quarterly Board Plan Bookings for
 * 2026: Q1 $500,000.00; …": one milestone per row, each the stated share of its row (and of the rows so far, summed).
 */
function planTableSentences(clause: ClauseNode, t: PlanTableNode, path: string): string {
  const clausePath = path.replace(/\/planTable$/, '');
  if (clause.payer !== undefined) throw new FormatError('a plan table sentence names no payer (the party earns)', `${clausePath}/payer`);
  if (!clause.party) throw new FormatError('a plan table sentence needs the party that earns', `${clausePath}/party`);
  if (clause.form !== 'payer-pays') badField(`a plan table in a ${clause.form} clause`, `${clausePath}/form`);
  if (!Array.isArray(t.rows) || t.rows.length === 0 || clause.milestones.length !== t.rows.length) throw new FormatError('a plan table has one milestone per row', `${path}/rows`);
  const w = t.window;
  if (w?.kind !== 'calendar-period' || w.selection.kind !== 'each' || w.yearStart !== '01-01' || w.unit !== 'quarter' || w.statedMonths !== undefined || w.bound !== undefined) {
    badField('a plan table window other than "for each calendar quarter in which"', `${path}/window`);
  }
  const first = clause.milestones[0];
  const at0 = `${clausePath}/milestones/0`;
  const payment = first.payment;
  if (payment?.kind !== 'fixed' || payment.bare !== true || payment.noun !== 'payment' || payment.qualifiers !== undefined) badField('a plan table payment other than an amount written alone', `${at0}/payment`);
  const achiever = first.achiever ?? badField('a plan table condition without the party that achieves it', `${at0}/achiever`);
  const comparator = first.comparator ?? badField('a plan table condition without its verb', `${at0}/comparator`);
  const verb = oneOf(comparator.words as (typeof PLAN_VERBS)[number], PLAN_VERBS, `${at0}/comparator/words`);
  if (comparator.strict !== false) badField('a strict plan verb', `${at0}/comparator/strict`);
  const share = first.plan ?? badField('a plan table milestone without its share of the plan', `${at0}/plan`);
  const ytd = first.compound?.parts[0];
  const year = wholeNumber(t.year, `${path}/year`);
  let sum = new Dec(0);
  clause.milestones.forEach((m, i) => {
    const at = `${clausePath}/milestones/${i}`;
    const row = t.rows[i];
    if (row?.kind !== 'plan-row' || !Number.isInteger(row.quarter) || row.quarter < 1 || row.quarter > 4) badField('a plan row other than "Q1"-"Q4" and an amount', `${path}/rows/${i}`);
    sum = sum.plus(row.amount.amount);
    const mw = m.window;
    if (mw.kind !== 'calendar-period' || mw.selection.kind !== 'named' || mw.selection.year !== t.year || mw.selection.n !== row.quarter || mw.unit !== w.unit || mw.yearStart !== w.yearStart) {
      badField("a plan table milestone outside its row's period", `${at}/window`);
    }
    if (m.label !== null || m.labelSource !== null || m.once !== undefined || m.quota !== undefined || m.targetName !== undefined || m.condition !== undefined || m.periodReference !== undefined || m.paymentName !== undefined || m.event !== undefined) {
      badField('a plan table milestone with fields its sentence does not write', at);
    }
    if (JSON.stringify(termsOf({ m: [m.payment, m.achiever, m.comparator] } as never)) !== JSON.stringify(termsOf({ m: [payment, achiever, comparator] } as never))) {
      badField('plan table milestones that differ in payment, party or verb', at);
    }
    const p = m.plan;
    if (p?.kind !== 'plan-share' || p.percent !== share.percent || p.name !== share.name || p.row !== i + 1) badField('a plan share other than the sentence\'s, for its own row', `${at}/plan`);
    const target = m.target;
    if (target.kind !== 'revenue' || target.basis !== null || target.scope !== undefined || target.periodWord !== undefined || target.amount.currency !== row.amount.currency || !new Dec(target.amount.amount).equals(new Dec(row.amount.amount).times(p.percent).dividedBy(100))) {
      badField("a target other than the stated share of its row's plan", `${at}/target`);
    }
    planNameText(p.name, target.term, `${at}/plan/name`);
    const part = m.compound?.parts[0];
    if ((part === undefined) !== (ytd === undefined) || (m.compound !== undefined && (m.compound.parts.length !== 1 || m.compound.framing !== null))) badField('plan table milestones whose conditions differ', `${at}/compound`);
    if (part && ytd) {
      const pp = part.plan;
      if (part.connective !== 'or' || part.comma !== ytd.comma || part.span !== 'year-to-date' || part.window !== null || pp?.kind !== 'plan-share' || pp.row !== i + 1 || pp.percent !== ytd.plan?.percent || pp.name !== ytd.plan?.name) {
        badField('a year-to-date part other than ", or <share> of the <plan> year-to-date", for its own row', `${at}/compound/parts/0`);
      }
      if (JSON.stringify(termsOf({ m: [part.achiever, part.comparator, part.measuredAtEnd] } as never)) !== JSON.stringify(termsOf({ m: [achiever, comparator, ytd.measuredAtEnd] } as never))) badField('a year-to-date part whose party, verb or measuring day differ', `${at}/compound/parts/0`);
      const pt = part.target;
      if (pt.kind !== 'revenue' || pt.basis !== null || pt.scope !== undefined || pt.amount.currency !== row.amount.currency || !new Dec(pt.amount.amount).equals(sum.times(pp.percent).dividedBy(100))) {
        badField("a year-to-date target other than the stated share of the rows so far, summed", `${at}/compound/parts/0/target`);
      }
      planNameText(pp.name, pt.term, `${at}/compound/parts/0/plan/name`);
    }
  });
  const ytdText = ytd && ytd.plan
    ? `${ytd.comma ? ',' : ''} or ${percentText(ytd.plan.percent, `${at0}/compound/parts/0/plan/percent`)} of the ${ytd.plan.name} year-to-date` +
      (ytd.measuredAtEnd ? ` measured at the end of such ${oneOf(ytd.measuredAtEnd.period, MEASURED_PERIODS, `${at0}/compound/parts/0/measuredAtEnd/period`)}` : '')
    : '';
  const rows = t.rows.map((r, i) => `Q${r.quarter} ${formatAmount(r.amount, `${path}/rows/${i}/amount`)}`);
  return (
    `The ${partyName(clause.party, `${clausePath}/party`)} shall earn ${formatAmount(payment.amount, `${at0}/payment/amount`)} for each calendar quarter in which the ` +
    `${partyName(achiever, `${at0}/achiever`)} ${verb} ${percentText(share.percent, `${at0}/plan/percent`)} of the ${share.name}${ytdText}. ` +
    `${planNameText(t.name, undefined, `${path}/name`)} for ${year}: ${rows.join('; ')}.`
  );
}

const PLAN_BAND_LABEL = /^\((?:[ivxlcdmIVXLCDM]+|[a-zA-Z]|\d+)\)$/;

/**
 * "The following bonus opportunities apply to new sales generated in 2026 against the 2026 sales plan of $1,000,000.00: (1) 5%
 * of every new sales dollar generated up to 50% of sales plan achievement; …; (3) a one-time bonus of $10,000.00 upon 100%
 * achievement of sales plan; and (4) 15% of every new sales dollar in excess of sales plan achievement."
 */
function planBandsSentence(clause: ClauseNode, p: PlanBandsNode, path: string): string {
  const clausePath = path.replace(/\/planBands$/, '');
  if (clause.payer !== undefined || clause.party !== null) throw new FormatError('bonus opportunities name no party', `${clausePath}/party`);
  if (clause.form !== 'payer-pays') badField(`bonus opportunities in a ${clause.form} clause`, `${clausePath}/form`);
  if (clause.milestones.length !== 1) throw new FormatError('bonus opportunities have one milestone: the one-time bonus among them', `${clausePath}/milestones`);
  if (p.noun !== 'bonus opportunities') badField(`'${String(p.noun)}' before "apply"`, `${path}/noun`);
  const metric = oneOf(p.metric, ['new sales', 'sales'], `${path}/metric`);
  const plan = p.plan;
  if (plan?.kind !== 'stated-plan' || plan.name !== 'sales plan') badField('a plan other than "the <year> sales plan of <amount>"', `${path}/plan`);
  const pay = p.payment;
  if (pay?.kind !== 'tiered' || pay.intro !== null || pay.method !== 'marginal' || pay.methodWords !== 'of every new sales dollar' || pay.measure !== undefined || pay.proviso !== undefined || pay.layout !== undefined) {
    badField('bands other than marginal rates "of every new sales dollar"', `${path}/payment`);
  }
  if (!Array.isArray(p.items) || p.items.length === 0 || p.items.length !== pay.bands.length) throw new FormatError('bonus opportunities have one item per band', `${path}/items`);
  if (!Number.isInteger(p.bonusAt) || p.bonusAt < 1 || p.bonusAt > p.items.length) badField('a bonus that is not after the first rate', `${path}/bonusAt`);
  const share = (q: QuotaBoundNode | undefined, at: string, whole: boolean): string => {
    if (q?.kind !== 'quota-bound' || q.name !== plan.name || q.article || q.amount !== null || q.amountWritten !== null || (q.percent === null) !== whole) badField('a bound other than a share of the sales plan', at);
    return q.percent === null ? '' : percentText(q.percent, `${at}/percent`);
  };
  const bound = (amount: MoneyNode | null, q: QuotaBoundNode | undefined, at: string): void => {
    const expected = q ? new Dec(plan.amount.amount).times(q.percent ?? '100').dividedBy(100) : null;
    if (expected === null ? amount !== null : amount === null || amount.currency !== plan.amount.currency || !expected.equals(amount.amount)) badField('a bound other than its share of the plan', at);
  };
  const rates = pay.bands.map((b, i) => {
    const at = `${path}/payment/bands/${i}`;
    const item = p.items[i];
    if (item?.kind !== 'plan-band-item' || typeof item.generated !== 'boolean' || item.label?.style !== 'parenthesised' || !PLAN_BAND_LABEL.test(item.label.text)) badField('an item other than "(<label>) …"', `${path}/items/${i}`);
    if (b.quantifier !== null || b.basis !== null || b.measure !== undefined) badField('a band with words other than "of every new sales dollar"', at);
    bound(b.from, b.fromQuota, `${at}/from`);
    bound(b.to, b.toQuota, `${at}/to`);
    let range: string;
    if (b.lower === null && b.upper === 'up to' && !b.fromQuota) range = `up to ${share(b.toQuota, `${at}/toQuota`, false)} of sales plan achievement`;
    else if (b.lower === 'between' && b.upper === 'and') range = `between ${share(b.fromQuota, `${at}/fromQuota`, false)} and ${share(b.toQuota, `${at}/toQuota`, false)} of sales plan achievement`;
    else if (b.lower === 'in excess of' && b.upper === null && !b.toQuota) range = `in excess of sales plan achievement${share(b.fromQuota, `${at}/fromQuota`, true)}`;
    else badField('a band other than "up to P%", "between P% and Q%" or "in excess of" sales plan achievement', at);
    return `${item.label.text} ${percentText(b.percent, `${at}/percent`)} of every new sales dollar${item.generated ? ' generated' : ''} ${range}`;
  });
  const m = clause.milestones[0];
  const at = `${clausePath}/milestones/0`;
  const q = m.quota;
  const w = m.window;
  if (w.kind !== 'calendar-period' || w.unit !== 'year' || w.yearStart !== '01-01' || w.selection.kind !== 'named' || w.selection.year !== p.year || w.selection.n !== 1) badField('a bonus outside the year the sentence names', `${at}/window`);
  if (q?.kind !== 'quota' || q.name !== plan.name || q.owner !== null || q.amount.currency !== plan.amount.currency || !new Dec(q.amount.amount).equals(plan.amount.amount)) badField('a bonus other than a share of the sales plan', `${at}/quota`);
  const t = m.target;
  if (t.kind !== 'revenue' || t.basis !== null || t.term !== metric || t.scope !== undefined || t.amount.currency !== plan.amount.currency || !new Dec(t.amount.amount).equals(new Dec(q.amount.amount).times(q.percent).dividedBy(100))) {
    badField('a bonus target other than its share of the plan', `${at}/target`);
  }
  if (m.comparator?.strict !== false) badField('a bonus other than "upon P% achievement of sales plan" (reaching it)', `${at}/comparator`);
  const paid = m.payment;
  if (paid?.kind !== 'fixed' || paid.noun !== 'bonus' || paid.bare !== undefined) badField('a bonus other than "a <qualifiers> bonus of <amount>"', `${at}/payment`);
  if (p.bonusLabel?.style !== 'parenthesised' || !PLAN_BAND_LABEL.test(p.bonusLabel.text)) badField('a bonus item without its "(<label>)"', `${path}/bonusLabel`);
  if (m.label !== null || m.labelSource !== null) badField('a bonus milestone with a label of its own (its item\'s label is the plan bands\')', `${at}/label`);
  if (m.achiever !== undefined || m.compound !== undefined || m.once !== undefined || m.condition !== undefined || m.plan !== undefined || m.targetName !== undefined || m.periodReference !== undefined) badField('a bonus with fields its item does not write', at);
  const qualifiers = paid.qualifiers ?? [];
  if (!qualifiers.every((q) => typeof q === 'string' && (isPlainWord(q) || QUALIFIER_KEYWORDS.has(q.toLowerCase())))) throw new FormatError('qualifiers must be plain words such as "one-time"', `${at}/payment/qualifiers`);
  const bonusText = `${p.bonusLabel.text} a ${[...qualifiers, 'bonus'].join(' ')} of ${formatAmount(paid.amount, `${at}/payment/amount`)} upon ${percentText(q.percent, `${at}/quota/percent`)} achievement of sales plan`;
  const all = [...rates.slice(0, p.bonusAt), bonusText, ...rates.slice(p.bonusAt)];
  const list = all.map((text, i) => (i === 0 ? text : i === all.length - 1 ? `; and ${text}` : `; ${text}`)).join('');
  return (
    `The following bonus opportunities apply to ${metric} generated in ${wholeNumber(p.year, `${path}/year`)} against the ${wholeNumber(plan.year, `${path}/plan/year`)} sales plan of ` +
    `${formatAmount(plan.amount, `${path}/plan/amount`)}: ${list}.`
  );
}

/**
 * "The Employee shall receive 1.5% of the increase in quarter-to-quarter growth, comparing sales in a calendar quarter of one
 * year with sales in the same calendar quarter of the preceding year, starting with 2026 as the base year."
 */
function growthSentence(clause: ClauseNode, p: RateOnExcessPaymentNode, t: PriorPeriodReferenceNode, path: string): string {
  const at = `${path}/milestones/0/payment`;
  if (clause.milestones.length !== 1 || clause.milestones[0].payment !== p) throw new FormatError('a rate on the growth over the year before is the one payment of its sentence, without a cap or due term', at);
  if (clause.payer !== undefined || !clause.party) throw new FormatError('a rate on the growth names the party that receives it, and no payer', `${path}/payer`);
  const term = p.measure?.term;
  if (typeof term !== 'string' || !METRIC.test(term)) throw new FormatError(`'${String(term)}' cannot be written as a metric`, `${at}/measure/term`);
  if (typeof t.metric !== 'string' || !METRIC.test(t.metric)) throw new FormatError(`'${String(t.metric)}' cannot be written as a metric`, `${at}/threshold/metric`);
  oneOf(t.unit, ['quarter'], `${at}/threshold/unit`);
  return (
    `${partyName(clause.party, `${path}/party`)} shall receive ${percentText(p.percent, `${at}/percent`)} of the increase in quarter-to-quarter growth, ` +
    `comparing ${term} in a calendar quarter of one year with ${t.metric} in the same calendar quarter of the preceding year, ` +
    `starting with ${wholeNumber(t.baseYear, `${at}/threshold/baseYear`)} as the base year.`
  );
}

/** "the Sales Plan", "the Annual Board Plan ($2,500,000 of Bookings for 2026)". */
function planRefText(r: PlanRefNode, path: string): string {
  const words = typeof r.name === 'string' ? r.name.split(' ') : [];
  if (words.length === 0 || !words.every((w) => /^[A-Z][A-Za-z-]*$/.test(w))) throw new FormatError(`'${String(r.name)}' cannot be written as a plan's name: use capitalised words ("Sales Plan")`, `${path}/name`);
  if (r.amount === null) {
    if (r.metric !== null || r.year !== null) throw new FormatError('a plan states its metric and year only with its amount', `${path}/amount`);
    return `the ${r.name}`;
  }
  if ((r.metric === null) !== (r.year === null)) throw new FormatError('a plan states its metric and its year together ("of Bookings for 2026")', `${path}/year`);
  if (r.metric !== null && !METRIC.test(r.metric)) throw new FormatError(`'${r.metric}' cannot be written as a metric`, `${path}/metric`);
  const of = r.metric === null ? '' : ` of ${r.metric} for ${wholeNumber(r.year as number, `${path}/year`)}`;
  return `the ${r.name} (${formatAmount(r.amount, `${path}/amount`)}${of})`;
}

/** ' (the "Milestone Payment")' after a payment the text names, or ''. */
function paymentNameText(m: MilestoneNode, path: string): string {
  return m.paymentName === undefined ? '' : ` (the ${quotedTerm(m.paymentName, `${path}/paymentName`)})`;
}

/** "If", or "The first time" when the milestone's once-only words are those ("The first time Net Sales … exceed …, …"). */
function firstTimeLead(m: MilestoneNode, path: string): string {
  if (m.once === undefined || m.once.sentence !== undefined) return 'If';
  if (m.once.words !== 'the first time') throw new FormatError(`once-only words on a milestone are written 'the first time' before a conditional sentence`, `${path}/once/words`);
  return 'The first time';
}

// --- computed amounts in payer-pays sentences ------------------------------------------------------

function measureOfPayment(p: PaymentNode): MeasureNode | null {
  const base = p.kind === 'timed' ? (p.payment.kind === 'limited' ? p.payment.payment : p.payment) : p.kind === 'limited' ? p.payment : p;
  return 'measure' in base && base.measure ? base.measure : null;
}

const MEASURED_NOUNS = [...PAID_NOUNS, 'rebate', 'royalty', 'incentive', 'amount'];

function measuredIntro(value: PaymentIntro | undefined, path: string): string {
  if (!value) return '';
  const qualifiers = value.qualifiers ?? [];
  if (!qualifiers.every((q) => typeof q === 'string' && (isPlainWord(q) || QUALIFIER_KEYWORDS.has(q.toLowerCase()) || q.toLowerCase() === 'bonus'))) {
    throw new FormatError('qualifiers must be plain words such as "annual" or "Bonus"', `${path}/qualifiers`);
  }
  const words = [...qualifiers, oneOf(value.noun, MEASURED_NOUNS, `${path}/noun`)].join(' ');
  if (value.plural === true) {
    // "earned royalties of": the one plural intro the grammar reads.
    if (value.noun !== 'royalty' || value.link !== 'of' || qualifiers.length !== 1 || qualifiers[0] !== 'earned') badField('a plural intro other than "earned royalties of"', `${path}/plural`);
    return 'earned royalties of ';
  }
  if (value.salesCounted !== undefined) {
    // "a commission on all sales completed by the Sales Representative within the Territory of".
    const c = value.salesCounted;
    if (value.link !== 'of' || typeof c.by !== 'string' || !/^[A-Z][A-Za-z-]*(?: [A-Z][A-Za-z-]*)*$/.test(c.by)) badField('the sales an amount is on: "on all sales completed by <Party> [within the <Place>] of"', `${path}/salesCounted`);
    if (c.within !== undefined && (typeof c.within !== 'string' || !/^[A-Z][A-Za-z-]*(?: [A-Z][A-Za-z-]*)*$/.test(c.within))) badField(`a place '${String(c.within)}' (capitalised words such as "Territory")`, `${path}/salesCounted/within`);
    return `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words} on all sales completed by the ${c.by}${c.within !== undefined ? ` within the ${c.within}` : ''} of `;
  }
  return `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words} ${oneOf(value.link, ['equal to', 'of'], `${path}/link`)} `;
}

function measureText(m: MeasureNode, path: string): string {
  const metric = METRIC.exec(m.term);
  if (!metric) throw new FormatError(`'${m.term}' cannot be written as a metric: use "Net Sales", "Gross Revenue", "Turnover" …`, `${path}/term`);
  if ((metric[1]?.toLowerCase() ?? null) !== m.basis) throw new FormatError(`the term '${m.term}' does not say '${String(m.basis)}'`, `${path}/basis`);
  const determiner = m.determiner === null ? '' : `${oneOf(m.determiner, ['such', 'all', 'all such', 'the'], `${path}/determiner`)} `;
  const scope = m.scope === undefined ? '' : ` ${scopeText(m.scope, `${path}/scope`)}`;
  if (m.window && m.such) throw new FormatError('a measure names either its own window or "such" period, not both', `${path}/such`);
  const window = m.window
    ? ` ${windowText(m.window, `${path}/window`)}`
    : m.such
      ? ` ${oneOf(m.such.preposition, ['in', 'during', 'for'], `${path}/such/preposition`)} such ${calendarUnit(m.such.calendar, oneOf(m.such.unit, UNITS, `${path}/such/unit`))}`
      : '';
  const owner = m.owner === undefined ? '' : `${ownerText(m.owner, `${path}/owner`)} `;
  return `${determiner}${owner}${m.term}${scope}${window}`;
}

/**
 * "The Principal shall pay the Agent a commission of 4% of Net Sales in each calendar quarter; provided that if Net
 * Sales in a calendar quarter exceed £200,000.00, the commission for that Calendar Quarter shall be 6% of all Net
 * Sales in that Calendar Quarter.", or null for another sentence.
 */
function steppedSentence(clause: ClauseNode, path: string): string | null {
  const m = clause.milestones[0];
  const p = m?.payment ? paymentParts(m.payment).base : null;
  if (!m || p?.kind !== 'tiered' || !p.proviso) return null;
  const at = `${path}/milestones/0`;
  if (clause.milestones.length !== 1 || m.payment !== p) throw new FormatError('a raised rate is one unbounded payment of one milestone', `${at}/payment`);
  if (!clause.payer || !clause.party) throw new FormatError('a raised rate is paid by a payer to a payee', `${path}/payer`);
  if (p.bands.length !== 2 || !p.bands[0].measure || !p.bands[1].measure) badField('a raised rate with other than two measured bands', `${at}/payment/bands`);
  const [low, high] = p.bands;
  const unit = oneOf(p.proviso.unit, UNITS, `${at}/payment/proviso/unit`) as PeriodUnit;
  const { subject } = payerCondition(m, at, false);
  const condition = `${subject.replace(/ (?:exceed|are at least) .*$/, '')} ${windowText(p.proviso.window, `${at}/payment/proviso/window`)} ${subject.slice(subject.search(/ (?:exceed|are at least) /) + 1)}`;
  const raised = `${percentText(high.percent, `${at}/payment/bands/1/percent`)} of ${high.quantifier === 'all' ? 'all ' : ''}${(high.measure as MeasureNode).term}`;
  return (
    `The ${partyName(clause.payer, `${path}/payer`)} shall pay the ${partyName(clause.party, `${path}/party`)} ` +
    `${measuredIntro(p.intro ?? undefined, `${at}/payment/intro`)}${percentText(low.percent, `${at}/payment/bands/0/percent`)} of ${measureText(low.measure as MeasureNode, `${at}/payment/bands/0/measure`)}; ` +
    `provided that if ${condition}, the commission for that ${calendarUnit(true, unit)} shall be ${raised} in that ${calendarUnit(true, unit)}.`
  );
}

/**
 * '"Net Sales Payment" means, for any calendar quarter, an amount equal to 15% of Net Sales of the Product during such
 * Calendar Quarter; provided that the Net Sales Payment for the Calendar Quarter during which cumulative Net Sales reach
 * $1,500,000.00 shall be prorated to apply only to Net Sales during the period up to the time that such cumulative amount
 * is achieved, and no Net Sales Payment shall accrue thereafter.'
 */
function paymentDefinitionSentence(clause: ClauseNode, path: string): string {
  const def = clause.definition;
  if (!def || def.kind !== 'payment-definition') throw new FormatError('a payment definition needs its definition', `${path}/definition`);
  const at = `${path}/milestones/0`;
  const m = clause.milestones[0];
  if (clause.milestones.length !== 1 || !m.payment) throw new FormatError('a payment definition has one milestone, with the payment defined', `${path}/milestones`);
  if (clause.party !== null || clause.payer !== undefined) throw new FormatError('a payment definition names no payer or payee', `${path}/party`);
  if (clause.payments.length > 0) throw new FormatError('a payment definition has no payment sentences', `${path}/payments`);
  const name = quotedTerm(def.name, `${path}/definition/name`);
  const w = def.period;
  const payment = measuredAmount(m.payment, `${at}/payment`);
  if (def.periodWritten === 'with respect to') {
    if (w.kind !== 'defined-period' || w.which !== 'the' || def.stop) throw new FormatError('a payment definition "with respect to" names one defined period, with no level', `${path}/definition/period`);
    return `${name} means, with respect to the ${periodNameText(w.term, `${path}/definition/period/term`)}, ${payment}.`;
  }
  if (def.periodWritten !== 'for any' || w.kind !== 'calendar-period' || w.selection.kind !== 'each' || w.yearStart !== '01-01' || w.bound !== undefined || w.during !== undefined) {
    throw new FormatError('a payment definition is stated "for any calendar <month|quarter|year>"', `${path}/definition/period`);
  }
  const unit = calendarUnit(true, oneOf(w.unit, UNITS, `${path}/definition/period/unit`) as PeriodUnit);
  const stop = def.stop;
  if (!stop) return `${name} means, for any ${unit}, ${payment}.`;
  const s = `${path}/definition/stop`;
  const t = m.target;
  if (t.kind !== 'revenue' || t.amount.amount !== stop.amount.amount || t.amount.currency !== stop.amount.currency || t.term !== stop.term || m.window.kind !== 'open') {
    throw new FormatError('the milestone of a payment definition with a level is that level, in an open window', `${at}/target`);
  }
  for (const [i, n] of stop.names.entries()) {
    if (typeof n !== 'string' || !/^[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*$/.test(n)) badField(`a payment's name '${String(n)}'`, `${s}/names/${i}`);
  }
  if (!METRIC.test(stop.term) || !METRIC.test(stop.appliesTo)) badField('a level\'s metric', `${s}/term`);
  const stopUnit = calendarUnit(true, oneOf(stop.unit, UNITS, `${s}/unit`) as PeriodUnit);
  return (
    `${name} means, for any ${unit}, ${payment}; provided that the ${stop.names[0]} for the ${stopUnit} during which ${stop.term} ` +
    `${stop.comparator.strict ? 'exceed' : 'reach'} ${formatAmount(stop.amount, `${s}/amount`)} shall be prorated to apply only to ${stop.appliesTo} ` +
    `during the period up to the time that such cumulative amount is achieved, and no ${stop.names[1]} shall accrue thereafter.`
  );
}

/** "Distributor's": a capitalised word ending in 's. */
function ownerText(owner: string, path: string): string {
  if (typeof owner !== 'string' || !/^[A-Z][A-Za-z-]*['’]s$/.test(owner)) throw new FormatError(`'${String(owner)}' cannot be written as an owner: use a capitalised name with 's ("Distributor's")`, path);
  return owner;
}

/** "a commission of ten percent (10%) of Net Sales in each quarter", "3% of such Net Sales in excess of the target". */
function measuredAmount(p: PaymentNode, path: string): string {
  const measure = measureOfPayment(p) as MeasureNode;
  switch (p.kind) {
    case 'rate':
      if (p.since !== undefined) badField('"since the previous milestone" after a measured rate', `${path}/since`);
      return `${measuredIntro(p.intro, `${path}/intro`)}${percentText(p.percent, `${path}/percent`)} of ${measureText(measure, `${path}/measure`)}`;
    case 'rate-on-excess':
      if (p.portion) {
        if (p.comparator !== 'in excess of' || !p.intro) badField('"that portion of … that exceeds" with other words', `${path}/portion`);
        return (
          `${measuredIntro(p.intro ?? undefined, `${path}/intro`)}${percentText(p.percent, `${path}/percent`)} of that portion of ${measureText(measure, `${path}/measure`)} ` +
          `that exceeds ${namedThresholdText(p, path)}`
        );
      }
      return (
        `${measuredIntro(p.intro ?? undefined, `${path}/intro`)}${percentText(p.percent, `${path}/percent`)} of ${measureText(measure, `${path}/measure`)} ` +
        `${comparatorText(p.comparator, `${path}/comparator`)} ${namedThresholdText(p, path)}`
      );
    case 'tiered': {
      if (p.layout === 'portions') return portionAmountText(p, path);
      if (!Array.isArray(p.bands) || p.bands.length < 2) badField('a tiered payment with fewer than two bands', `${path}/bands`);
      if (p.bands[0]?.multiple) badField('a first band whose rate is a multiple of a base rate no band before it states', `${path}/bands/0/multiple`);
      const bands = p.bands.map((b, i) => measuredBand(b, `${path}/bands/${i}`));
      const method = p.method === null ? '' : `, on a ${oneOf(p.method, ['marginal', 'retroactive'], `${path}/method`)} basis`;
      return `${measuredIntro(p.intro ?? undefined, `${path}/intro`)}${bands.slice(0, -1).join(', ')} and ${bands[bands.length - 1]}${method}`;
    }
    case 'chosen-rate':
      return chosenRateText(p, path);
    default:
      throw new FormatError(`a ${p.kind} payment is not written in a payer-pays sentence yet`, `${path}/kind`);
  }
}

/**
 * "an additional commission on Net Sales above the Quarterly Plan of $500,000.00, at 1% if Net Sales for such quarter are at
 * least 100% of the Quarterly Plan, 2% if they are at least 105% of the Quarterly Plan and 5% if they are at least 110% of the
 * Quarterly Plan".
 */
function chosenRateText(p: ChosenRatePaymentNode, path: string): string {
  const qualifiers = p.qualifiers ?? [];
  if (!qualifiers.every((q) => typeof q === 'string' && (isPlainWord(q) || QUALIFIER_KEYWORDS.has(q.toLowerCase())))) badField('qualifiers other than plain words', `${path}/qualifiers`);
  const words = [...qualifiers, oneOf(p.noun, MEASURED_NOUNS, `${path}/noun`)].join(' ');
  const name = p.thresholdName;
  const nameWord = (w: string): boolean => /^[A-Z]/.test(w) && (isPlainWord(w) || ['quarterly', 'annual', 'sales', 'target', 'quota'].includes(w.toLowerCase()));
  if (typeof name !== 'string' || !name.split(' ').every(nameWord)) badField(`a threshold's name '${String(name)}' (capitalised words such as "Quarterly Plan")`, `${path}/thresholdName`);
  if (!Array.isArray(p.choices) || p.choices.length < 2) badField('a chosen rate with fewer than two rates', `${path}/choices`);
  const choices = p.choices.map((c, i) => {
    const at = `${path}/choices/${i}`;
    const s = c.subject;
    let subject: string;
    if (s.kind === 'they') {
      if (i === 0) badField('"they" before a metric is named', `${at}/subject`);
      subject = 'they';
    } else {
      subject = measureText({ kind: 'measure', term: s.term, basis: s.basis, determiner: null, window: null, range: c.range }, `${at}/subject`);
      if (s.such !== null) subject += ` for such ${oneOf(s.such, UNITS, `${at}/subject/such`)}`;
    }
    const verb = c.verb === null ? '' : ` ${oneOf(c.verb, ['is', 'are'], `${at}/verb`)}`;
    const comparator = oneOf(c.comparator.words, c.comparator.strict ? ['exceed', 'exceeds', 'more than', 'greater than', 'in excess of'] : ['at least', 'not less than'], `${at}/comparator/words`);
    const b = c.bound;
    const bound = b.kind === 'money' ? formatAmount(b, `${at}/bound`) : `${percentText(b.percent, `${at}/bound/percent`)} of the ${b.name === name ? name : badField('a share of another amount than the threshold', `${at}/bound/name`)}`;
    return `${percentText(c.percent, `${at}/percent`)} if ${subject}${verb} ${comparator} ${bound}`;
  });
  return (
    `${p.article === 'an' || /^[aeiou]/i.test(words) ? 'an' : 'a'} ${words} on ${measureText(p.measure, `${path}/measure`)} ${comparatorText(p.comparator, `${path}/comparator`)} ` +
    `the ${name} of ${formatAmount(p.threshold, `${path}/threshold`)}, at ${choices.slice(0, -1).join(', ')} and ${choices[choices.length - 1]}`
  );
}

/** "Total Annual Net Sales": a metric with "Total" and a period adjective before it. */
const PORTION_METRIC = /^(?:Total )?(?:(?:annual|yearly|quarterly|monthly|fortnightly|weekly) )?(?:(gross|net) )?(?:sales revenue|sales|revenues?|turnover|bookings|purchases)$/i;

/**
 * "royalties on the Total Annual Net Sales in each Calendar Year at the Applicable Royalty Rate, applied to each portion of
 * Total Annual Net Sales as follows: less than or equal to $5,000,000.00: 5%; > $5,000,000.00 and less than or equal to …".
 */
function portionAmountText(p: TieredPaymentNode, path: string): string {
  const unranged = (x: unknown): string => JSON.stringify(x, (key, value: unknown) => (key === 'range' ? undefined : value));
  const sameMeasure = (a: MeasureNode | undefined, b: MeasureNode): boolean => a !== undefined && unranged(a) === unranged(b);
  const o = p.portions;
  const m = p.measure;
  if (!o || !m || p.intro !== null || p.method !== 'marginal' || p.proviso !== undefined || p.calculated !== undefined) badField('rates applied to each portion name their measure and are marginal', path);
  if (o.noun !== 'royalties') badField(`the noun '${String(o.noun)}' (only "royalties")`, `${path}/portions/noun`);
  if (typeof o.rate !== 'string' || !/^[A-Z][A-Za-z-]*(?: [A-Z][A-Za-z-]*)*$/.test(o.rate)) badField(`the rate's name '${String(o.rate)}' (capitalised words such as "Applicable Royalty Rate")`, `${path}/portions/rate`);
  const metricText = (term: string, basis: SalesBasis, at: string): string => {
    const words = PORTION_METRIC.exec(term);
    if (!words || (words[1]?.toLowerCase() ?? null) !== basis) badField(`a metric '${String(term)}' (such as "Total Annual Net Sales")`, at);
    return term;
  };
  if (!m.window || m.such !== undefined || m.scope !== undefined || m.owner !== undefined || (m.determiner !== null && m.determiner !== 'the')) badField('the measure of rates applied to each portion is a metric and its window', `${path}/measure`);
  const measure = `${m.determiner === 'the' ? 'the ' : ''}${metricText(m.term, m.basis, `${path}/measure/term`)} ${windowText(m.window, `${path}/measure/window`)}`;
  if (!Array.isArray(p.bands) || p.bands.length < 2) badField('a tiered payment with fewer than two bands', `${path}/bands`);
  const bands = p.bands.map((b, i) => {
    const bp = `${path}/bands/${i}`;
    if (b.quantifier !== null || b.multiple || b.toQuota || b.fromQuota || !sameMeasure(b.measure, m)) badField('a band applied to a portion is a range and a rate, on the amount\'s measure', bp);
    const to = b.upper === 'less than or equal to' ? `less than or equal to ${formatAmount(b.to as MoneyNode, `${bp}/to`)}` : null;
    const from = b.lower === '>' ? `> ${formatAmount(b.from as MoneyNode, `${bp}/from`)}` : null;
    if ((b.upper !== null && to === null) || (b.lower !== null && from === null) || (to === null && from === null) || (i === 0 && from !== null)) badField('a band written with "less than or equal to" or ">"', bp);
    return `${[from, to].filter((x) => x !== null).join(' and ')}: ${percentText(b.percent, `${bp}/percent`)}`;
  });
  const metric = metricText(o.metric.term, o.metric.basis, `${path}/portions/metric/term`);
  return `royalties on ${measure} at the ${o.rate}, applied to each portion of ${metric} as follows: ${bands.join('; ')}`;
}

/** "3% on the first $100,000 of Net Sales in each year", "2% of all additional Revenues", "5% of Bookings in excess of $200,000". */
function measuredBand(b: TierBandNode, path: string): string {
  if (!b.measure) throw new FormatError('a band of a tiered amount in a payer-pays sentence names what it is counted on', `${path}/measure`);
  const rate = `${b.multiple ? rateMultipleText(b.multiple, `${path}/multiple`) : percentText(b.percent, `${path}/percent`)} ${b.multiple ? 'on' : 'of'}`;
  if (b.multiple && b.quantifier !== null) badField('a band rate written as a multiple with "the first" or "all additional"', `${path}/quantifier`);
  const measure = measureText(b.measure, `${path}/measure`);
  if (b.quantifier === 'first') return `${rate} the first ${formatAmount(b.to as MoneyNode, `${path}/to`)} of ${measure}`;
  if (b.quantifier === 'additional') return `${rate} all additional ${measure}`;
  if (b.quantifier !== null) badField(`quantifier '${String(b.quantifier)}' in a payer-pays sentence`, `${path}/quantifier`);
  const range = bandRange(b, path);
  // The window after the bound, as agreements write it: "5% of Net Sales above $100,000 in each year".
  const unwindowed = measureText({ ...b.measure, window: null, such: undefined }, `${path}/measure`);
  return `${rate} ${unwindowed} ${range}${measure.slice(unwindowed.length)}`;
}

/** The amount, then when it falls due and its provisos: "…, within 30 days after the end of such quarter; provided that …". */
function paidWithTail(p: PaymentNode, clause: ClauseNode, path: string): string {
  if (!measureOfPayment(p)) return paidAmount(p, path);
  const { base, limited, due } = paymentParts(p);
  const basePath = p.kind === 'timed' ? (p.payment.kind === 'limited' ? `${path}/payment/payment` : `${path}/payment`) : p.kind === 'limited' ? `${path}/payment` : path;
  let text = measuredAmount(base, basePath);
  const definedAs = 'definedAs' in base ? base.definedAs : undefined;
  if (definedAs !== undefined) {
    if (typeof definedAs !== 'string' || !/^[A-Za-z][A-Za-z -]*$/.test(definedAs)) badField(`an amount's name '${String(definedAs)}'`, `${basePath}/definedAs`);
    text += 'definedBare' in base && base.definedBare === true ? ` ("${definedAs}")` : ` (the "${definedAs}")`;
  }
  if ('payable' in base && base.payable !== undefined) {
    if (base.payable !== 'annually' || p !== base) badField('"payable annually" on an amount with other terms', `${basePath}/payable`);
    text += ', payable annually';
  }
  if (due) text += `, ${dueText(due, p.kind === 'timed' ? `${path}/due` : path)}`;
  if (limited) {
    const at = p.kind === 'timed' ? `${path}/payment` : path;
    if (limited.floor) badField('a floor in a payer-pays sentence', `${at}/floor`);
    if (limited.cap && limited.cap.sumOf === undefined) text += `; provided that ${provisoCapText(limited.cap, `${at}/cap`)}`;
    if (limited.minimumPayout) {
      const l = limited.minimumPayout;
      if (l.written !== 'less than' || l.per === 'payment') badField('a minimum payout needs its period', `${at}/minimumPayout`);
      const payee = partyName(clause.party as PartyNode, '/party');
      text +=
        `; provided that the ${payee} shall not receive any commission for a ${calendarUnit(l.calendar === true, oneOf(l.per as PeriodUnit, UNITS, `${at}/minimumPayout/per`))} ` +
        `in which the commission earned is less than ${formatAmount(l.amount, `${at}/minimumPayout/amount`)}`;
    }
    if (!limited.cap && !limited.minimumPayout) badField('a limited payment with neither cap nor minimum payout', at);
    // "The sum of the quarterly Sales Incentives for any calendar year shall not exceed $5,000.": its own sentence, last.
    if (limited.cap?.sumOf !== undefined) text += `. ${sumCapText(limited.cap, `${at}/cap`)}`;
  }
  return text;
}

/** What makes a new customer count, as the grammar reads it: "a Sale Agreement". */
const COUNTED = /^an? [A-Za-z][A-Za-z'’-]*(?: [A-Za-z][A-Za-z'’-]*)*$/;

/**
 * "The Company shall pay the Distributor a bonus of $1,000 for each full 100 Units of Products sold by the
 * Distributor in any Calendar Quarter in excess of 500 Units.", "… $1,000 for each new client in excess of 5 with
 * which a Sale Agreement is entered into in any Calendar Quarter.", "For every $100,000 of Net Sales in a Calendar
 * Year, the Company shall pay the Representative a bonus of $2,500.", each with its cap proviso.
 */
function incrementSentence(clause: ClauseNode, path: string): string {
  if (!clause.payer || !clause.party) throw new FormatError('an amount owed increment by increment is paid by a payer to a party', `${path}/payer`);
  if (clause.milestones.length !== 1 || clause.payments.length !== 0) throw new FormatError('an amount owed increment by increment is one sentence with one milestone', `${path}/milestones`);
  const at = `${path}/milestones/0`;
  const m = clause.milestones[0];
  const p = m.payment as PaymentNode;
  const { base, limited, due } = paymentParts(p);
  if (base.kind !== 'each-increment') throw new FormatError('expected an amount owed increment by increment', `${at}/payment`);
  const basePath = limited ? `${at}/payment/payment` : `${at}/payment`;
  if (due) badField('a due date on an amount owed increment by increment', `${at}/payment/due`);
  if (!m.comparator) throw new FormatError('the threshold of an amount owed increment by increment needs a comparator', `${at}/comparator`);
  const payer = partyName(clause.payer, `${path}/payer`);
  const payee = partyName(clause.party, `${path}/party`);
  const amount = formatAmount(base.amount, `${basePath}/amount`);
  const paid = base.noun === null ? amount : `a ${oneOf(base.noun, PAID_NOUNS, `${basePath}/noun`)} of ${amount}`;
  const window = windowText(m.window, `${at}/window`);
  const size = decimalText(base.size, `${basePath}/size`);
  const t = m.target;
  let sentence: string;
  if (base.from === 'zero') {
    if (clause.form !== 'conditional' || t.kind !== 'revenue' || typeof t.term !== 'string') throw new FormatError('increments counted from zero are written "For every $X of <metric> <period>, …"', `${at}/target`);
    if (m.comparator.strict || m.achiever !== undefined || t.scope !== undefined || base.full || base.counted !== undefined) badField('a comparator, party, scope, "full" or count words with increments counted from zero', at);
    if (canonicalDecimal(t.amount.amount) !== canonicalDecimal(base.size)) badField('increments counted from zero whose target is not the first increment', `${at}/target/amount`);
    sentence = `For ${oneOf(base.quantifier, ['each', 'every'], `${basePath}/quantifier`)} ${formatAmount(t.amount, `${at}/target/amount`)} of ${t.term} ${window}, the ${payer} shall pay the ${payee} ${paid}`;
  } else {
    if (clause.form !== 'payer-pays' || !m.comparator.strict || base.quantifier !== 'each') badField('increments beyond a threshold are written "… for each … in excess of …" in a payer-pays sentence', at);
    const full = base.full ? 'full ' : '';
    if (t.kind === 'units') {
      if (t.product !== null || base.counted !== undefined) badField('a product or count words with increments of units', `${at}/target`);
      const scope = t.scope === undefined ? '' : ` ${scopeText(t.scope, `${at}/target/scope`)}`;
      const by = m.achiever ? ` sold by the ${partyName(m.achiever, `${at}/achiever`)}` : '';
      sentence = `The ${payer} shall pay the ${payee} ${paid} for each ${full}${size} Units${scope}${by} ${window} in excess of ${decimalText(t.count, `${at}/target/count`)} Units`;
    } else if (t.kind === 'revenue' && typeof t.term === 'string') {
      if (m.achiever !== undefined || base.counted !== undefined) badField('a party or count words with increments of revenue', at);
      const scope = t.scope === undefined ? '' : ` ${scopeText(t.scope, `${at}/target/scope`)}`;
      sentence = `The ${payer} shall pay the ${payee} ${paid} for each ${full}${formatAmount({ amount: base.size, currency: t.amount.currency }, `${basePath}/size`)} of ${t.term}${scope} ${window} in excess of ${formatAmount(t.amount, `${at}/target/amount`)}`;
    } else if (t.kind === 'new-customers') {
      if (m.achiever !== undefined || base.full || canonicalDecimal(base.size) !== '1') badField('a party, "full" or a size other than one with increments of new customers', at);
      const noun = oneOf(t.noun, ['customers', 'clients'], `${at}/target/noun`) === 'clients' ? 'client' : 'customer';
      let counted = '';
      if (base.counted !== undefined) {
        if (typeof base.counted !== 'string' || !COUNTED.test(base.counted)) badField(`count words '${String(base.counted)}'`, `${basePath}/counted`);
        counted = ` with which ${base.counted} is entered into`;
      }
      sentence = `The ${payer} shall pay the ${payee} ${paid} for each new ${noun} in excess of ${decimalText(t.count, `${at}/target/count`)}${counted} ${window}`;
    } else {
      throw new FormatError(`increments of a ${t.kind} target are not written yet`, `${at}/target`);
    }
  }
  if (limited) {
    const lat = `${at}/payment`;
    if (limited.floor) badField('a floor on an amount owed increment by increment', `${lat}/floor`);
    if (limited.minimumPayout) badField('a minimum payout on an amount owed increment by increment', `${lat}/minimumPayout`);
    if (!limited.cap) badField('a limited payment with no cap', lat);
    sentence += `; provided that ${provisoCapText(limited.cap, `${lat}/cap`)}`;
  }
  return `${sentence}.`;
}

/**
 * "In each fiscal year during the Employment Period in which the Company's Gross Revenues equal or exceed $1,200,000, the
 * Company shall pay the Executive $1,000 for each $100,000 increment of such excess; provided that …". A fiscal-year
 * statement written inside the clause is among the document's definitions, written after it.
 */
function excessIncrementSentence(clause: ClauseNode, path: string): string {
  if (!clause.payer || !clause.party || clause.form !== 'conditional') throw new FormatError('increments of such excess are written in a conditional sentence with a payer and a party', `${path}/form`);
  if (clause.milestones.length !== 1 || clause.payments.length !== 0) throw new FormatError('increments of such excess are one sentence with one milestone', `${path}/milestones`);
  const at = `${path}/milestones/0`;
  const m = clause.milestones[0];
  const { base, limited, due } = paymentParts(m.payment as PaymentNode);
  if (base.kind !== 'per-increment') throw new FormatError('expected an amount per increment', `${at}/payment`);
  const basePath = limited ? `${at}/payment/payment` : `${at}/payment`;
  if (due) badField('a due date on increments of such excess', `${at}/payment/due`);
  const w = m.window;
  if (w.kind !== 'calendar-period' || w.selection.kind !== 'each') throw new FormatError('increments of such excess are counted in each calendar or fiscal period', `${at}/window`);
  const noun = calendarNounText({ unit: w.unit, yearStart: w.yearStart, statedMonths: w.statedMonths });
  if (noun === null) throw new FormatError(`this period (year starting ${w.yearStart}) has no canonical text yet`, `${at}/window`);
  const t = m.target;
  if (t.kind !== 'revenue' || typeof t.term !== 'string' || !m.comparator) throw new FormatError('the condition of increments of such excess is an amount of a metric', `${at}/target`);
  if (base.threshold === null || canonicalDecimal(base.threshold.amount) !== canonicalDecimal(t.amount.amount) || base.proRata || base.full || base.comparator !== null) {
    badField('increments of such excess count whole increments over the condition\'s own amount', basePath);
  }
  const during = w.during === undefined ? '' : ` during the ${periodNameText(w.during, `${at}/window/during`)}`;
  const whose = m.achiever ? `the ${partyName(m.achiever, `${at}/achiever`)}'s ` : '';
  const compare = m.comparator.strict ? 'exceed' : 'equal or exceed';
  const amount = formatAmount(base.amount, `${basePath}/amount`);
  const paid = base.noun === null ? amount : `a ${oneOf(base.noun, PAYMENT_NOUNS, `${basePath}/noun`)} of ${amount}`;
  let sentence =
    `In each ${noun}${during} in which ${whose}${t.term} ${compare} ${formatAmount(t.amount, `${at}/target/amount`)}, the ${partyName(clause.payer, `${path}/payer`)} ` +
    `shall pay the ${partyName(clause.party, `${path}/party`)} ${paid} for each ${formatAmount(base.increment, `${basePath}/increment`)} increment of such excess`;
  if (limited) {
    const lat = `${at}/payment`;
    if (limited.floor || limited.minimumPayout || !limited.cap) badField('increments of such excess are bounded by a cap proviso only', lat);
    sentence += `; provided that ${provisoCapText(limited.cap, `${lat}/cap`)}`;
  }
  return `${sentence}.`;
}

/**
 * "The Participant's target incentive is $12,000 per calendar quarter at 100% attainment of the Bookings quota of
 * $300,000. No incentive is paid for attainment below 80% of quota. At 80% attainment the Participant earns 50% of
 * target; between 80% and 100% attainment the payout is pro-rated on a straight-line basis; at 100% attainment or more
 * the Participant earns 100% of target."
 */
function incentiveSentences(clause: ClauseNode, p: AttainmentPaymentNode, incentive: MoneyNode, path: string): string {
  if (clause.payer !== undefined || !clause.party || clause.milestones.length !== 1 || clause.payments.length !== 0) badField('a target incentive names its party only, with one milestone', path);
  const at = `${path}/milestones/0`;
  const m = clause.milestones[0];
  const t = m.target;
  if (t.kind !== 'revenue' || typeof t.term !== 'string' || m.comparator !== undefined || m.achiever !== undefined || p.noun !== 'incentive') badField('a target incentive of a quota of a metric', at);
  const party = partyName(clause.party, `${path}/party`);
  const amount = formatAmount(incentive, `${at}/payment/targetIncentive`);
  const [floor, ...rest] = p.bands;
  if (!floor || floor.written !== 'below' || floor.payout.kind !== 'nothing' || floor.to === null || rest.length === 0) badField('a target incentive table starts with "no incentive below N%"', `${at}/payment/bands`);
  const bands = rest.map((b, i) => {
    const bp = `${at}/payment/bands/${i + 1}`;
    const share = (): string => {
      if (b.payout.kind !== 'share' || b.payout.of.amount !== incentive.amount || b.payout.of.currency !== incentive.currency) badField('a share of the target incentive', `${bp}/payout`);
      return `${percentText(b.payout.percent, `${bp}/payout/percent`)} of target`;
    };
    if (b.written === 'point') return `at ${percentText(b.from as string, `${bp}/from`)} attainment the ${party} earns ${share()}`;
    if (b.written === 'or more') return `at ${percentText(b.from as string, `${bp}/from`)} attainment or more the ${party} earns ${share()}`;
    if (b.written === 'from to' && b.payout.kind === 'interpolated') {
      return `between ${percentText(b.from as string, `${bp}/from`)} and ${percentText(b.to as string, `${bp}/to`)} attainment the payout is pro-rated on a straight-line basis`;
    }
    return badField(`a '${b.written}' band in a target incentive`, bp);
  });
  const first = bands.join('; ');
  return (
    `The ${party}'s target incentive is ${amount} ${windowText(m.window, `${at}/window`)} at 100% attainment of the ${t.term} quota of ${formatAmount(t.amount, `${at}/target/amount`)}. ` +
    `No incentive is paid for attainment below ${percentText(floor.to as string, `${at}/payment/bands/0/to`)} of quota. ${first[0].toUpperCase()}${first.slice(1)}.`
  );
}

/**
 * "The Company shall pay the Employee a Performance Bonus of up to $25,000, equal to $25,000 multiplied by the percentage
 * of the performance target of $2,000,000 of Net Sales achieved in such year (for example, 50% of the target earns
 * $12,500). If less than 50% of the performance target is achieved in a year, no Performance Bonus is payable for that
 * year.": after its period opening (written before it by formatClause); the bands must be the table these sentences state.
 */
function proRataSentences(clause: ClauseNode, p: AttainmentPaymentNode, r: ProRataNode, path: string): string {
  if (!clause.payer || !clause.party || clause.milestones.length !== 1 || clause.payments.length !== 0) badField('a pro-rated bonus names its payer and payee, with one milestone', path);
  const at = `${path}/milestones/0`;
  const rp = `${at}/payment/proRata`;
  const m = clause.milestones[0];
  const t = m.target;
  if (t.kind !== 'revenue' || typeof t.term !== 'string' || t.scope !== undefined || m.comparator !== undefined || m.achiever !== undefined || p.noun !== 'bonus') badField('a pro-rated bonus on a target amount of a metric', at);
  const metric = METRIC.exec(t.term);
  if (!metric || (metric[1]?.toLowerCase() ?? null) !== t.basis) badField(`the metric '${t.term}' such as "Net Sales"`, `${at}/target/term`);
  if (m.window.kind !== 'open') badField('a pro-rated bonus is measured in its opening\'s period ("achieved in such year")', `${at}/window`);
  const floor = r.floor?.percent;
  const share = (percent: string) => ({ kind: 'share', percent, of: r.maximum });
  const expected = [
    { written: 'below', from: null, fromStrict: false, to: floor, toStrict: true, payout: { kind: 'nothing' } },
    { written: 'point', from: floor, fromStrict: false, to: floor, toStrict: false, payout: share(floor) },
    { written: 'from to', from: floor, fromStrict: false, to: '100', toStrict: false, payout: { kind: 'interpolated' } },
    { written: 'or more', from: '100', fromStrict: false, to: null, toStrict: false, payout: share('100') },
  ];
  const shape = (x: unknown): string => JSON.stringify(x, (key, value: unknown) => (key === 'range' || key === 'kind' && value === 'attainment-band' ? undefined : key === 'text' ? undefined : value));
  if (!Array.isArray(p.bands) || shape(p.bands) !== shape(expected)) badField('the bands a pro-rated bonus states: nothing below the floor, its share at it, a straight line to 100%, the maximum at 100% or more', `${at}/payment/bands`);
  const qualifiers = Array.isArray(r.qualifiers) ? r.qualifiers : [];
  if (!qualifiers.every((q) => typeof q === 'string' && (isPlainWord(q) || QUALIFIER_KEYWORDS.has(q.toLowerCase())))) badField('qualifiers must be plain words such as "Performance"', `${rp}/qualifiers`);
  const noun = [...qualifiers, 'bonus'].join(' ');
  const article = /^[aeiou]/i.test(noun) ? 'an' : 'a';
  const target = oneOf(String(r.target), ['target', 'performance target'], `${rp}/target`);
  const floorTarget = oneOf(String(r.floor.target), ['target', 'performance target'], `${rp}/floor/target`);
  const unit = (u: unknown, up: string): string => oneOf(String(u), ['month', 'quarter', 'year'], up);
  const example = r.example === null ? '' : ` (for example, ${percentText(r.example.percent, `${rp}/example/percent`)} of the target earns ${formatAmount(r.example.amount, `${rp}/example/amount`)})`;
  return (
    `The ${partyName(clause.payer, `${path}/payer`)} shall pay the ${partyName(clause.party, `${path}/party`)} ${article} ${noun} of up to ${formatAmount(r.maximum, `${rp}/maximum`)}, ` +
    `equal to ${formatAmount(r.multiplied, `${rp}/multiplied`)} multiplied by the percentage of the ${target} of ${formatAmount(t.amount, `${at}/target/amount`)} of ${t.term} achieved in such ${unit(r.unit, `${rp}/unit`)}${example}. ` +
    `If less than ${percentText(r.floor.percent, `${rp}/floor/percent`)} of the ${floorTarget} is achieved in a ${unit(r.floor.unit, `${rp}/floor/unit`)}, no ${noun} is payable for that ${unit(r.floor.thatUnit, `${rp}/floor/thatUnit`)}.`
  );
}

/** "Calendar Quarter" as agreements capitalise it, or the plain unit. */
const calendarUnit = (calendar: boolean, unit: PeriodUnit): string => (calendar ? `Calendar ${unit[0].toUpperCase()}${unit.slice(1)}` : unit);

function sumCapText(cap: LimitNode, path: string): string {
  const words = typeof cap.sumOf === 'string' && /^[A-Za-z][A-Za-z -]*$/.test(cap.sumOf) ? cap.sumOf : badField(`the words of a sum '${String(cap.sumOf)}'`, `${path}/sumOf`);
  if (cap.per === 'payment') badField('a cap on a sum needs its period', `${path}/per`);
  const unit = oneOf(cap.per, UNITS, `${path}/per`);
  return `The sum of the ${words} for any ${cap.calendar ? 'calendar ' : ''}${unit} shall not exceed ${formatAmount(cap.amount, `${path}/amount`)}`;
}

function provisoCapText(cap: LimitNode, path: string): string {
  if (cap.written !== 'shall not exceed') badField(`a proviso cap written '${String(cap.written)}'`, `${path}/written`);
  const amount = formatAmount(cap.amount, `${path}/amount`);
  if (cap.per === 'payment') return `commissions earned shall not exceed ${amount}`;
  const per = oneOf(cap.perWritten ?? 'in any', ['in any', 'for any'], `${path}/perWritten`);
  if (cap.yearStart !== undefined) {
    if (cap.yearStart !== 'fiscal' || cap.per !== 'year' || per !== 'in any' || cap.calendar === true) badField('a fiscal cap is written "in any fiscal year"', `${path}/yearStart`);
    return `commissions earned in any fiscal year shall not exceed ${amount}`;
  }
  return `commissions earned ${per} ${calendarUnit(cap.calendar === true, oneOf(cap.per, UNITS, `${path}/per`))} shall not exceed ${amount}`;
}

/** "The Company shall pay the Agent ten percent (10%) of Net Sales in each quarter." and "The Agent shall earn …": no condition. */
function measuredSentence(clause: ClauseNode, path: string): string {
  if (!clause.party && !clause.payer) throw new FormatError('a payer-pays clause needs a party to be paid', `${path}/party`);
  if (clause.milestones.length !== 1) throw new FormatError('a payer-pays clause has exactly one milestone', `${path}/milestones`);
  if (clause.payments.length !== 0) throw new FormatError('a payer-pays clause has no payment sentences', `${path}/payments`);
  const at = `${path}/milestones/0`;
  const m = clause.milestones[0];
  if (!m.payment || !measureOfPayment(m.payment)) throw new FormatError('a milestone with no condition is the measure of a computed amount', `${at}/payment`);
  const levels = levelSentence(clause, m.payment, `${at}/payment`);
  if (levels !== null) return levels;
  const paid = paidWithTail(m.payment, clause, `${at}/payment`);
  // "Licensee shall pay an additional royalty of …": a payer with no party paid written.
  if (!clause.party) return `The ${partyName(clause.payer as PartyNode, `${path}/payer`)} shall pay ${paid}.`;
  const payee = partyName(clause.party, `${path}/party`);
  return clause.payer ? `The ${partyName(clause.payer, `${path}/payer`)} shall pay the ${payee} ${paid}.` : `The ${payee} shall earn ${paid}.`;
}

/** "The Distributor shall earn a commission of 5% of Net Sales in each calendar quarter, provided that Net Sales in such quarter exceed $250,000.00." */
function provisoSentence(clause: ClauseNode, path: string): string {
  if (clause.form !== 'payer-pays' || clause.milestones.length !== 1 || clause.payments.length !== 0) badField('a proviso on the period follows one computed amount in a payer-pays sentence', path);
  const at = `${path}/milestones/0`;
  const m = clause.milestones[0];
  const proviso = m.periodProviso as PeriodProvisoNode;
  if (m.condition !== undefined || m.label !== null || m.compound || m.achiever || m.periodReference || m.paymentName !== undefined) badField('a proviso on the period with other condition words', at);
  if (!m.payment || !measureOfPayment(m.payment) || m.payment.kind === 'timed' || m.payment.kind === 'limited') badField('a proviso on the period follows a computed amount with no due date or limit', `${at}/payment`);
  if (!m.comparator || typeof m.comparator.strict !== 'boolean') badField('a proviso needs a comparator', `${at}/comparator`);
  const { t, scope, written } = revenueTarget(m, at, 'a proviso on the period');
  const amount = m.targetName === undefined ? written : `the ${namedTargetText(m.targetName, `${at}/targetName`)} of ${written}`;
  const unit = oneOf(proviso.such.unit, ['month', 'quarter', 'year'], `${at}/periodProviso/such/unit`);
  const such = `such ${proviso.such.calendar ? 'calendar ' : ''}${unit}`;
  const sentence = measuredSentence({ ...clause, milestones: [{ ...m, condition: 'payment' }] }, path).slice(0, -1);
  return `${sentence}, provided that ${t.term}${scope} in ${such} ${m.comparator.strict ? 'exceed' : 'are at least'} ${amount}.`;
}

/**
 * "The Licensee shall make royalty payments, payable annually within 60 days after the end of each calendar year, based on
 * the aggregate Net Sales of Products in such calendar year, applying the tiered royalty rates below to the portion of Net
 * Sales within each level: Annual Net Sales up to and including $5,000,000.00: 8%; …", or null for tiers written otherwise.
 */
function levelSentence(clause: ClauseNode, payment: PaymentNode, path: string): string | null {
  const p = paymentParts(payment).base;
  if (p.kind !== 'tiered' || p.layout === undefined || p.layout === 'portions') return null;
  if (p.layout === 'rate-after') return rateAfterSentence(clause, p, payment, path);
  if (p.layout !== 'levels') badField(`layout '${String(p.layout)}'`, `${path}/layout`);
  const due = payment.kind === 'timed' && payment.payment === p ? payment.due : null;
  if (!due || due.after !== 'year' || due.calendar !== true || due.such !== true) badField('levels are paid within a number of days after the end of each calendar year', `${path}/due`);
  if (!clause.payer || clause.party) badField('levels are paid by a payer to a payee the sentence does not name', `${path}/../../../party`);
  if (p.method !== 'marginal' || !p.measure || !p.intro || p.intro.noun !== 'royalty') badField('levels are marginal royalty rates counted on a measure', `${path}/payment`);
  const w = p.measure.window;
  if (!w || w.kind !== 'calendar-period' || w.unit !== 'year' || w.selection.kind !== 'each' || w.yearStart !== '01-01') badField('levels are counted in each calendar year', `${path}/payment/measure/window`);
  if (!Number.isSafeInteger(due.days) || due.days < 0) badField(`days '${String(due.days)}'`, `${path}/due/days`);
  const measure = measureText({ ...p.measure, window: null, such: { preposition: 'in', calendar: true, unit: 'year' } }, `${path}/payment/measure`);
  const bands = p.bands.map((b, i) => {
    const bp = `${path}/payment/bands/${i}`;
    if (!b.measure || b.quantifier !== null || b.toQuota || b.fromQuota) badField('a level is a metric and a range', bp);
    if (!METRIC.test(b.measure.term)) badField(`a level counted on '${b.measure.term}'`, `${bp}/measure/term`);
    return `Annual ${b.measure.term} ${bandRange(b, bp)}: ${percentText(b.percent, `${bp}/percent`)}`;
  });
  const portion = (p.bands[0].measure as MeasureNode).term;
  return (
    `The ${partyName(clause.payer, '/payer')} shall make royalty payments, payable annually within ${due.days} days after the end of each calendar year, ` +
    `based on ${measure}, applying the tiered royalty rates below to the portion of ${portion} within each level: ${bands.join('; ')}.`
  );
}

/**
 * "The Manager shall receive a Sales Bonus calculated cumulatively on the Store's Fortnightly Sales as follows: on
 * Fortnightly Sales from $0.00 to $280,000.00, 0.1%; on the portion from $280,000.00 to $465,000.00, 0.075%; …".
 */
function rateAfterSentence(clause: ClauseNode, p: TieredPaymentNode, payment: PaymentNode, path: string): string {
  if (payment !== p) badField('bands written rate after range have no cap, floor or due date', path);
  if (clause.payer || !clause.party) badField('bands written rate after range are received by the party the sentence names', `${path}/../../../party`);
  if (p.method !== null || p.intro !== null || !p.measure || !p.calculated) badField('bands written rate after range state no method and no intro, and name their measure', path);
  const c = p.calculated;
  const words = oneOf(c.words, ['calculated cumulatively on', 'calculated on'], `${path}/calculated/words`);
  const nameTokens = typeof c.noun === 'string' ? tokenize(c.noun).filter((t) => t.type !== 'ws') : [];
  if (nameTokens.length === 0 || !nameTokens.every((t) => ['bonus', 'commission', 'sales', 'word'].includes(t.type ?? '')) || nameTokens.map((t) => t.text).join(' ') !== c.noun) {
    badField(`an amount's name '${String(c.noun)}' (words such as "Sales Bonus")`, `${path}/calculated/noun`);
  }
  if (p.measure.window || p.measure.such || p.measure.scope !== undefined) badField('the measure of bands written rate after range is measured in the opening\'s period', `${path}/measure`);
  periodMetricText(p.measure.term, p.measure.periodWord, `${path}/measure/term`);
  const measure = measureText(p.measure, `${path}/measure`);
  const bands = p.bands.map((b, i) => {
    const bp = `${path}/bands/${i}`;
    if (b.toQuota || b.fromQuota) badField('a band written rate after range is bounded by amounts', bp);
    const range = bandRange(b, bp);
    const rate = percentText(b.percent, `${bp}/percent`);
    if (b.quantifier === 'portion' && !b.measure) return `on the portion ${range}, ${rate}`;
    if (b.quantifier !== null || !b.measure) badField('a band is "on <measure> <range>" or "on the portion <range>"', bp);
    if (b.measure.window || b.measure.such || b.measure.scope !== undefined) badField('a band\'s measure has no window or scope of its own', `${bp}/measure`);
    periodMetricText(b.measure.term, b.measure.periodWord, `${bp}/measure/term`);
    return `on ${measureText(b.measure, `${bp}/measure`)} ${range}, ${rate}`;
  });
  if (bands.length < 2) badField('two bands or more', `${path}/bands`);
  const list = `${bands.slice(0, -1).join('; ')}; and ${bands[bands.length - 1]}`;
  return `The ${partyName(clause.party, `${path}/../../../party`)} shall receive a ${c.noun} ${words} ${measure} as follows: ${list}.`;
}

/**
 * "If the Distributor fails to purchase the Annual Minimum of $500,000 in each year, it shall pay the
 * Company 20% of the shortfall." and "If Net Sales in each year are less than $100,000, the Licensee
 * shall pay the Licensor the difference."
 */
function shortfallSentence(clause: ClauseNode, path: string): string {
  const c = clause.minimum;
  if (!c) throw new FormatError('a shortfall clause needs its minimum condition', `${path}/minimum`);
  if (!clause.payer) throw new FormatError('a shortfall clause needs a payer', `${path}/payer`);
  if (!clause.party) throw new FormatError('a shortfall clause needs a party to be paid', `${path}/party`);
  if (clause.milestones.length !== 1) throw new FormatError('a shortfall clause has exactly one milestone', `${path}/milestones`);
  if (clause.payments.length !== 0) throw new FormatError('a shortfall clause has no payment sentences: its payment is the milestone\'s', `${path}/payments`);
  const at = `${path}/milestones/0`;
  const m = clause.milestones[0];
  if (m.label !== null || m.labelSource !== null) throw new FormatError('the milestone of a shortfall sentence has no label', `${at}/label`);
  if (m.comparator !== undefined) throw new FormatError('a minimum is met at the amount itself: a shortfall sentence has no comparator', `${at}/comparator`);
  if (!m.payment || m.payment.kind !== 'shortfall') throw new FormatError('a shortfall sentence pays a share of the shortfall', `${at}/payment`);
  const t = m.target;
  const window = windowText(m.window, `${at}/window`);
  let condition: string;
  if (c.failure === 'less than') {
    if (m.achiever !== undefined) throw new FormatError('the metric form of a shortfall sentence names no achieving party', `${at}/achiever`);
    const minimum = revenueTarget(m, at, 'the metric form of a shortfall sentence');
    condition = `${minimum.t.term}${minimum.scope} ${window} ${oneOf(c.be ?? '', ['is', 'are'], `${path}/minimum/be`)} less than ${minimum.written}`;
    if (c.payerIsIt) throw new FormatError('"it" refers to a party named before it: the metric form names none', `${path}/minimum/payerIsIt`);
  } else {
    if (!m.achiever) throw new FormatError('a shortfall sentence names the party that must reach the minimum', `${at}/achiever`);
    const failure = oneOf(c.failure, ['fails to', 'does not'], `${path}/minimum/failure`);
    const verb = oneOf(c.verb ?? '', ['purchase', 'achieve', 'meet', 'reach', 'generate', 'sell'], `${path}/minimum/verb`);
    if (t.kind === 'revenue' && (t.term !== undefined || t.scope !== undefined)) throw new FormatError('the minimum after a verb is an amount or a target such as "$500,000 in net sales revenue"', `${at}/target`);
    const quantity = t.kind === 'revenue' && t.basis === null ? formatAmount(t.amount, `${at}/target/amount`) : target(t, `${at}/target`, true);
    let name = '';
    if (c.name !== null) {
      const words = typeof c.name === 'string' ? c.name.split(' ') : [];
      if (words.length === 0 || !words.every((w) => WORD.test(w) && tokenize(w).every((tok) => MINIMUM_NAME_TOKENS.has(tok.type ?? '')))) {
        throw new FormatError(`'${String(c.name)}' cannot be written as the name of a minimum: use words such as "Annual Minimum"`, `${path}/minimum/name`);
      }
      name = `the ${c.name} of `;
    }
    condition = `the ${partyName(m.achiever, `${at}/achiever`)} ${failure} ${verb} ${name}${quantity} ${window}`;
  }
  const payer = c.payerIsIt ? 'it' : `the ${partyName(clause.payer, `${path}/payer`)}`;
  if (c.payerIsIt && m.achiever && m.achiever.name !== clause.payer.name) throw new FormatError('"it" is the party that failed: the payer must be that party', `${path}/payer`);
  return `If ${condition}, ${payer} shall pay the ${partyName(clause.party, `${path}/party`)} ${shortfallText(m.payment, `${at}/payment`)}.`;
}

/** The one milestone of an attainment clause, with no label, comparator or achieving party of its own. */
function attainmentMilestone(clause: ClauseNode, path: string): MilestoneNode {
  if (clause.milestones.length !== 1) throw new FormatError('an attainment clause has exactly one milestone', `${path}/milestones`);
  if (clause.payments.length !== 0) throw new FormatError('an attainment clause has no payment sentences', `${path}/payments`);
  const at = `${path}/milestones/0`;
  const m = clause.milestones[0];
  if (m.label !== null || m.labelSource !== null) throw new FormatError('the milestone of an attainment clause has no label', `${at}/label`);
  if (m.comparator !== undefined || m.achiever !== undefined) throw new FormatError('an attainment clause has no comparator and no achieving party', `${at}`);
  return m;
}

/** "The Company shall pay the Agent, in each quarter, a bonus based on attainment of the quota of $300,000 in Net Sales as follows: …". */
function attainmentSentence(clause: ClauseNode, path: string): string {
  const table = clause.milestones[0]?.payment;
  if (table?.kind === 'attainment' && table.reward !== undefined) return rewardSentence(clause, table, table.reward, path);
  if (table?.kind === 'attainment' && table.proRata !== undefined) return proRataSentences(clause, table, table.proRata, path);
  if (table?.kind === 'attainment' && table.targetIncentive !== undefined) return incentiveSentences(clause, table, table.targetIncentive, path);
  if (table?.kind === 'attainment' && table.base !== undefined) return conditionsSentence(clause, table, table.base, path);
  if (!clause.payer) throw new FormatError('an attainment clause needs a payer', `${path}/payer`);
  if (!clause.party) throw new FormatError('an attainment clause needs a party to be paid', `${path}/party`);
  const at = `${path}/milestones/0`;
  const m = attainmentMilestone(clause, path);
  if (!m.payment || m.payment.kind !== 'attainment') throw new FormatError('an attainment clause pays by its table', `${at}/payment`);
  const t = m.target;
  if (t.kind !== 'revenue' || typeof t.term !== 'string' || t.scope !== undefined) throw new FormatError('the quota is an amount of a metric such as "Net Sales"', `${at}/target`);
  const metric = METRIC.exec(t.term);
  if (!metric) throw new FormatError(`'${t.term}' cannot be written as a metric: use "Net Sales", "Gross Revenue", "Turnover" …`, `${at}/target/term`);
  periodMetricText(t.term, t.periodWord, `${at}/target/term`);
  if ((metric[1]?.toLowerCase() ?? null) !== t.basis) throw new FormatError(`the term '${t.term}' does not say '${String(t.basis)}'`, `${at}/target/basis`);
  const p = m.payment;
  if (!Array.isArray(p.bands) || p.bands.length === 0) badField('an attainment table with no band', `${at}/payment/bands`);
  const bands = p.bands.map((b, i) => {
    if (SIGN_RANGES.has(b.written) || DASH_RANGES.has(b.written)) throw new FormatError('a band written with signs or a dash (">95% and <100%", "51-60%") belongs to a table of percentages of one amount', `${at}/payment/bands/${i}/written`);
    return `${attainmentRange(b, `${at}/payment/bands/${i}`)}: ${attainmentPayout(b.payout, `${at}/payment/bands/${i}/payout`)}`;
  });
  return (
    `The ${partyName(clause.payer, `${path}/payer`)} shall pay the ${partyName(clause.party, `${path}/party`)}, ${windowText(m.window, `${at}/window`)}, ` +
    `a ${oneOf(p.noun, PAID_NOUNS, `${at}/payment/noun`)} based on attainment of the quota of ${formatAmount(t.amount, `${at}/target/amount`)} in ${t.term} as follows: ${bands.join('; ')}.`
  );
}

const SIGN_RANGES: ReadonlySet<string> = new Set(['sign below', 'sign above', 'sign between']);
/** The strictness each way of writing a range gives its bounds: a band whose flags differ has no text. */
const RANGE_STRICTNESS: Readonly<Record<AttainmentBandNode['written'], [boolean, boolean]>> = {
  below: [false, true], 'less than': [false, true], point: [false, false], 'or more': [false, false], 'more than': [true, false], 'from to': [false, false],
  'sign below': [false, true], 'sign above': [true, false], 'sign between': [true, true], dash: [false, false], 'sign dash': [true, false],
  'more than but less than': [true, true],
};
const DASH_RANGES: ReadonlySet<string> = new Set(['dash', 'sign dash']);
const MONTH_NAMES_TEXT = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "October 31, January 31, April 30 and July 31": the quarters' last days, each the last day of its month, three months apart, the year starting after the last. */
function quarterEndsText(ends: unknown, yearStart: string, path: string): string {
  if (!Array.isArray(ends) || ends.length !== 4) throw new FormatError('a fiscal quarter table names the four quarters\' last days', path);
  const months = ends.map((e, i) => {
    const m = typeof e === 'string' ? /^(\d{2})-(\d{2})$/.exec(e) : null;
    const month = m ? Number(m[1]) : 0;
    const lastDay = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    if (!m || lastDay === undefined || Number(m[2]) !== lastDay) throw new FormatError(`'${String(e)}' is not the last day of a month ("10-31")`, `${path}/${i}`);
    return month;
  });
  if (!months.every((m, i) => i === 0 || m === ((months[i - 1] + 2) % 12) + 1)) throw new FormatError('the quarters\' last days are three months apart, in order', path);
  if (yearStart !== `${String((months[3] % 12) + 1).padStart(2, '0')}-01`) throw new FormatError('the fiscal year starts the day after the last quarter end written', path);
  const words = (ends as string[]).map((e) => `${MONTH_NAMES_TEXT[Number(e.slice(0, 2)) - 1]} ${Number(e.slice(3))}`);
  return `${words.slice(0, 3).join(', ')} and ${words[3]}`;
}

/**
 * "The Executive's bonus for 2026, as a percentage of Base Salary ($200,000), shall be determined by performance
 * relative to the revenue target of $10,000,000 as follows: 0% if <95%; 50% if >95% and <100%; …".
 */
function conditionsSentence(clause: ClauseNode, p: AttainmentPaymentNode, base: AttainmentBaseNode, path: string): string {
  const layout = oneOf(base.layout, ['conditions', 'points', 'quarter-ends'], `${path}/milestones/0/payment/base/layout`);
  if (clause.payer !== undefined) throw new FormatError('a table of percentages of one amount names no payer', `${path}/payer`);
  if (layout === 'quarter-ends' && clause.party !== null) throw new FormatError('"At the end of each fiscal quarter … the commission is calculated …" names no party', `${path}/party`);
  if (layout !== 'quarter-ends' && !clause.party) throw new FormatError('an attainment clause needs a party to be paid', `${path}/party`);
  if (layout !== 'quarter-ends' && base.periodEnds !== undefined) throw new FormatError('only a fiscal quarter table names its quarters\' last days', `${path}/milestones/0/payment/base/periodEnds`);
  const at = `${path}/milestones/0`;
  const m = attainmentMilestone(clause, path);
  const w = m.window;
  let period: string;
  if (layout === 'quarter-ends') {
    if (w.kind !== 'calendar-period' || w.unit !== 'quarter' || w.selection.kind !== 'each' || w.written !== 'in each' || w.statedMonths !== undefined) {
      throw new FormatError('this table is for each fiscal quarter', `${at}/window`);
    }
    period = quarterEndsText(base.periodEnds, w.yearStart, `${at}/payment/base/periodEnds`);
  } else if (layout === 'conditions') {
    if (w.kind !== 'calendar-period' || w.unit !== 'year' || w.yearStart !== '01-01' || w.selection.kind !== 'named' || w.written !== 'named' || w.statedMonths !== undefined) {
      throw new FormatError('this table is for one calendar year, written "for 2026"', `${at}/window`);
    }
    period = wholeNumber(w.selection.year, `${at}/window/selection/year`);
  } else {
    if (w.kind !== 'span' || w.written !== 'fiscal year') throw new FormatError('this table is for one fiscal year, written "for the Fiscal Year beginning April 1, 2026"', `${at}/window`);
    period = spanText(w, `${at}/window`);
  }
  const t = m.target;
  if (t.kind !== 'revenue' || typeof t.term !== 'string' || t.scope !== undefined) throw new FormatError('the quota is an amount of a metric such as "revenue"', `${at}/target`);
  const metric = METRIC.exec(t.term);
  if (!metric) throw new FormatError(`'${t.term}' cannot be written as a metric: use "revenue", "Net Sales" …`, `${at}/target/term`);
  if ((metric[1]?.toLowerCase() ?? null) !== t.basis) throw new FormatError(`the term '${t.term}' does not say '${String(t.basis)}'`, `${at}/target/basis`);
  const words = typeof base.name === 'string' ? base.name.split(' ') : [];
  if (words.length === 0 || !words.every((x) => WORD.test(x) && tokenize(x).every((k) => BASE_NAME_TOKENS.has(k.type ?? '')))) {
    throw new FormatError(`'${String(base.name)}' cannot be written as the name of an amount: use words such as "Base Salary"`, `${at}/payment/base/name`);
  }
  const amount = formatAmount(base.amount, `${at}/payment/base/amount`);
  if (!Array.isArray(p.bands) || p.bands.length === 0) badField('an attainment table with no band', `${at}/payment/bands`);
  const bands = p.bands.map((b, i) => {
    const bp = `${at}/payment/bands/${i}`;
    const written = layout === 'conditions' ? SIGN_RANGES.has(b.written) : layout === 'points' ? b.written === 'point' : DASH_RANGES.has(b.written);
    if (!written) throw new FormatError(layout === 'conditions' ? 'each band of this table is written with signs ("<95%", ">95% and <100%", ">115%")' : layout === 'points' ? 'each line of this table is one point ("90.0% - 50.0%")' : 'each line of this table is a range with a dash ("51-60%", ">70%-80%")', `${bp}/written`);
    const [fromStrict, toStrict] = RANGE_STRICTNESS[b.written];
    if (b.fromStrict !== fromStrict || b.toStrict !== toStrict) throw new FormatError(`a bound written as '${b.written}' is ${fromStrict || toStrict ? 'strict' : 'inclusive'}`, `${bp}`);
    if (b.written === 'point' && b.from !== b.to) throw new FormatError('a point has one value', `${bp}/to`);
    if (layout === 'points' && b.payout.kind === 'nothing') return `${attainmentRange(b, bp)} - Zero`;
    if (b.payout.kind !== 'share' || formatAmount(b.payout.of, `${bp}/payout/of`) !== amount || b.payout.of.currency !== base.amount.currency) {
      throw new FormatError(`each band pays a percentage of ${base.name}`, `${bp}/payout`);
    }
    const share = percentText(b.payout.percent, `${bp}/payout/percent`);
    return layout === 'conditions' ? `${share} if ${attainmentRange(b, bp)}` : layout === 'points' ? `${attainmentRange(b, bp)} - ${share}` : `${attainmentRange(b, bp)}: ${share}`;
  });
  const quotaNoun = oneOf(base.quotaNoun, ['target', 'plan', 'goal'], `${at}/payment/base/quotaNoun`);
  const noun = oneOf(p.noun, PAID_NOUNS, `${at}/payment/noun`);
  const quota = formatAmount(t.amount, `${at}/target/amount`);
  if (layout === 'quarter-ends') {
    const heading = noun.charAt(0).toUpperCase() + noun.slice(1);
    const goal = quotaNoun.charAt(0).toUpperCase() + quotaNoun.slice(1);
    return (
      `At the end of each fiscal quarter (${period}) the ${noun} is calculated based on achievement of the quarterly ${t.term} ${goal} of ${quota} and is expressed as a percentage ` +
      `of the ${base.name} earned in the quarter (${amount}): Attainment of ${t.term} ${goal} / ${heading} Payable: ${bands.join('; ')}.`
    );
  }
  const whose = `The ${partyName(clause.party as PartyNode, `${path}/party`)}'s ${noun} for ${period}`;
  if (layout === 'points') {
    const heading = noun.charAt(0).toUpperCase() + noun.slice(1);
    return (
      `${whose} shall be the percentage of the ${base.name} (${amount}) set out below opposite the Percent of ${t.term} ${quotaNoun} (${quota}) achieved: ` +
      `Percent of ${t.term} / ${heading}: ${bands.join('; ')}.`
    );
  }
  return `${whose}, as a percentage of ${base.name} (${amount}), shall be determined by performance relative to the ${t.term} ${quotaNoun} of ${quota} as follows: ${bands.join('; ')}.`;
}

/** Token types of a heading word (grammar/lexer.ts `headingToken`), for the words before a reward table's colon. */
const HEADING_TOKEN_TYPES: ReadonlySet<string> = new Set(['word', 'ordinal', 'monthName', 'currencyCode']);

/** A count as the grammar reads one: a whole or decimal figure with thousands separators. */
function countText(value: string | null, path: string): string {
  if (value === null || !/^\d+(?:\.\d+)?$/.test(value)) throw new FormatError('a count of units', path);
  const [whole, fraction] = value.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * "Reward for accomplishment of the monthly sales quota: a Class A regional distributor that accomplishes its sales
 * objective for the current month (400 units) shall receive a reward based on its actual sales volume, as follows: …".
 */
function rewardSentence(clause: ClauseNode, p: AttainmentPaymentNode, reward: AttainmentRewardNode, path: string): string {
  const at = `${path}/milestones/0`;
  if (clause.payer !== undefined) throw new FormatError('a reward table names no payer', `${path}/payer`);
  if (!clause.party) throw new FormatError('a reward table names the party rewarded', `${path}/party`);
  if (clause.milestones.length !== 1 || clause.payments.length !== 0) throw new FormatError('a reward table has one milestone and no payment sentences', `${path}/milestones`);
  const m = clause.milestones[0];
  if (m.label !== null || m.labelSource !== null || m.comparator !== undefined || m.achiever !== undefined) throw new FormatError('the milestone of a reward table has no label, comparator or achieving party', at);
  if (p.base !== undefined || p.noun !== 'payment') throw new FormatError('a reward table pays amounts, named "a reward"', `${at}/payment`);
  const words = typeof reward.lead === 'string' ? reward.lead.split(' ') : [];
  const types = words.map((w) => (WORD.test(w) || /^\w+$/.test(w) ? tokenize(w).filter((k) => k.type !== 'ws') : []));
  const theAt = words.findIndex((w) => w.toLowerCase() === 'the');
  const headingOk = types.every((k, i) => k.length === 1 && (i === theAt || HEADING_TOKEN_TYPES.has(k[0].type ?? '') || titleKeyword.test(k[0])));
  if (words.length === 0 || !headingOk || theAt === 0 || theAt === words.length - 1 || words.filter((w) => w.toLowerCase() === 'the').length > 1) {
    throw new FormatError(`'${String(reward.lead)}' cannot be written before a reward table's colon: use heading words, with "the" at most once inside`, `${at}/payment/reward/lead`);
  }
  const w = m.window;
  if (w.kind !== 'calendar-period' || w.yearStart !== '01-01' || w.selection.kind !== 'each' || w.written !== 'in each' || w.statedMonths !== undefined || !['month', 'quarter', 'year'].includes(w.unit)) {
    throw new FormatError('a reward table is for each calendar month, quarter or year ("for the current month")', `${at}/window`);
  }
  const t = m.target;
  if (t.kind !== 'units' || t.product !== null) throw new FormatError('the objective of a reward table is a number of units', `${at}/target`);
  const bands = p.bands.map((b, i) => {
    const bp = `${at}/payment/bands/${i}`;
    if (b.payout.kind !== 'amount') throw new FormatError('each band of a reward table pays an amount', `${bp}/payout`);
    const amount = formatAmount(b.payout.amount, `${bp}/payout/amount`);
    const expected = b.written === 'less than' ? [false, true] : b.written === 'more than' ? [true, false] : b.written === 'more than but less than' ? [true, true] : null;
    if (!expected || b.fromStrict !== expected[0] || b.toStrict !== expected[1] || (b.written === 'less than' ? b.from !== null : b.written === 'more than' ? b.to !== null : b.from === null || b.to === null)) {
      throw new FormatError('a band of a reward table is "less than N units", "more than N units" or "more than N units but less than M units"', `${bp}/written`);
    }
    const range =
      b.written === 'less than' ? `less than ${countText(b.to, `${bp}/to`)} units` : b.written === 'more than' ? `more than ${countText(b.from, `${bp}/from`)} units` : `more than ${countText(b.from, `${bp}/from`)} units but less than ${countText(b.to, `${bp}/to`)} units`;
    return `${amount} for sales of ${range}`;
  });
  return (
    `${reward.lead}: a ${partyName(clause.party, `${path}/party`)} that accomplishes its sales objective for the current ${w.unit} (${countText(t.count, `${at}/target/count`)} units) ` +
    `shall receive a reward based on its actual sales volume, as follows: ${bands.join('; ')}.`
  );
}

/**
 * "The Distributor shall purchase no less than 3,000 units of the Product ("Units") per month." and its escalation
 * "The minimum purchase volume shall increase by 10% on every annual anniversary of the Effective Date.".
 */
function commitmentSentences(clause: ClauseNode, path: string): string[] {
  const c = clause.commitment;
  if (!c) throw new FormatError('a commitment clause states its commitment', `${path}/commitment`);
  if (!clause.party) throw new FormatError('a commitment names the party committed', `${path}/party`);
  if (clause.milestones.length !== 1 || clause.payments.length !== 0) throw new FormatError('a commitment has one milestone and no payment sentences', `${path}/milestones`);
  const at = `${path}/milestones/0`;
  const m = clause.milestones[0];
  if (m.label !== null || m.labelSource !== null || m.payment !== null || m.achiever !== undefined) throw new FormatError('the milestone of a commitment has no label, payment or achieving party', at);
  if (!m.comparator) throw new FormatError('a commitment states its comparison ("no less than")', `${at}/comparator`);
  if (typeof m.comparator.strict !== 'boolean') badField('a comparator', `${at}/comparator/strict`);
  const comparator = m.comparator.strict ? 'more than' : 'no less than';
  if (m.target.kind !== 'units' || m.target.product !== null) throw new FormatError('a commitment is a number of units', `${at}/target`);
  oneOf(c.verb, ['purchase'], `${path}/commitment/verb`);
  let product = '';
  if (c.productWords !== null) {
    const words = typeof c.productWords === 'string' ? c.productWords.split(' ') : [];
    if (words.length === 0 || !words.every((w) => WORD.test(w) && tokenize(w).every((k) => k.type === 'word'))) {
      throw new FormatError(`'${String(c.productWords)}' cannot be written as the product of a commitment: use plain words such as "Product"`, `${path}/commitment/productWords`);
    }
    product = ` of the ${c.productWords}`;
    if (c.defined !== null) {
      if (typeof c.defined !== 'string' || c.defined === '' || /["“”:\n]/.test(c.defined)) throw new FormatError('a defined term is text without quotes or colons', `${path}/commitment/defined`);
      product += ` ("${c.defined}")`;
    }
  } else if (c.defined !== null) {
    throw new FormatError('a defined term follows the product words', `${path}/commitment/defined`);
  }
  const lines = [`The ${partyName(clause.party, `${path}/party`)} shall purchase ${comparator} ${countText(m.target.count, `${at}/target/count`)} units${product} ${windowText(m.window, `${at}/window`)}.`];
  if (c.escalation !== null) {
    const e = c.escalation;
    const words = typeof e.subject === 'string' ? e.subject.split(' ') : [];
    if (words.length === 0 || !words.every((w) => WORD.test(w) && tokenize(w).every((k) => MINIMUM_NAME_TOKENS.has(k.type ?? '')))) {
      throw new FormatError(`'${String(e.subject)}' cannot be written as what increases: use words such as "minimum purchase volume"`, `${path}/commitment/escalation/subject`);
    }
    lines.push(`The ${e.subject} shall increase by ${percentText(e.percent, `${path}/commitment/escalation/percent`)} on every annual anniversary of the Effective Date.`);
  }
  return lines;
}

/** The tokens the name of a table's amount may hold (grammar/clause.ne `baseWord`). */
const BASE_NAME_TOKENS: ReadonlySet<string> = new Set(['word', 'target', 'bonus']);

function attainmentRange(b: AttainmentBandNode, path: string): string {
  const pct = (v: string | null, at: string): string => (v === null ? badField('a band bound', at) : percentText(v, at));
  switch (b.written) {
    case 'below':
    case 'less than':
      return `${b.written} ${pct(b.to, `${path}/to`)}`;
    case 'point':
      return pct(b.from, `${path}/from`);
    case 'or more':
      return `${pct(b.from, `${path}/from`)} or more`;
    case 'more than':
      return `more than ${pct(b.from, `${path}/from`)}`;
    case 'from to':
      return `from ${pct(b.from, `${path}/from`)} to ${pct(b.to, `${path}/to`)}`;
    case 'sign below':
      return `<${pct(b.to, `${path}/to`)}`;
    case 'sign above':
      return `>${pct(b.from, `${path}/from`)}`;
    case 'sign between':
      return `>${pct(b.from, `${path}/from`)} and <${pct(b.to, `${path}/to`)}`;
    case 'more than but less than':
      throw new FormatError('"more than … but less than …" bounds counts, in a reward table', `${path}/written`);
    case 'dash':
      return `${pct(b.from, `${path}/from`)}-${pct(b.to, `${path}/to`)}`;
    case 'sign dash':
      return `>${pct(b.from, `${path}/from`)}-${pct(b.to, `${path}/to`)}`;
    default:
      return assertNever(b.written);
  }
}

function attainmentPayout(p: AttainmentPayoutNode, path: string): string {
  switch (p.kind) {
    case 'amount':
      return formatAmount(p.amount, `${path}/amount`);
    case 'nothing':
      return 'nothing';
    case 'share':
      return `${percentText(p.percent, `${path}/percent`)} of ${formatAmount(p.of, `${path}/of`)}`;
    case 'interpolated':
      return 'interpolated on a straight-line basis';
    default:
      return assertNever(p);
  }
}

/** The tokens a minimum's name may hold (grammar/clause.ne `minimumWord`). */
const MINIMUM_NAME_TOKENS: ReadonlySet<string> = new Set(['word', 'annual', 'quarterly', 'minimum', 'purchase', 'purchases', 'sales', 'target', 'net', 'gross']);

function shortfallText(p: ShortfallPaymentNode, path: string): string {
  const word = oneOf(p.written, ['shortfall', 'difference'], `${path}/written`);
  const share = p.percent === null ? `the ${word}` : `${percentText(p.percent, `${path}/percent`)} of the ${word}`;
  const price = p.unitPrice === null ? '' : ` at ${formatAmount(p.unitPrice, `${path}/unitPrice`)} per unit`;
  return `${p.intro ? 'a payment equal to ' : ''}${share}${price}`;
}

/** Words a period of a payment-timing sentence may have: plain words, "quarter", "month", "year", "of", "calendar". */
const TIMING_WORD_TYPES = new Set(['word', 'quarter', 'month', 'year', 'of', 'calendar']);

function timingSentence(t: PaymentTimingNode, path: string): string {
  const words = typeof t.period === 'string' ? t.period.split(' ') : [];
  if (words.length === 0 || !words.every((w) => WORD.test(w) && tokenize(w).every((k) => TIMING_WORD_TYPES.has(k.type ?? '')))) {
    throw new FormatError(`'${String(t.period)}' cannot be written as the period of a payment-timing sentence: use words such as "Royalty Period"`, `${path}/period`);
  }
  const unit = oneOf(t.unit, ['day', 'month'], `${path}/unit`);
  return `Each payment is payable within ${wholeNumber(t.n, `${path}/n`)} ${unit}s after the end of the ${t.period} in which the milestone is achieved.`;
}

/**
 * The sentences only a calendar period has: "… for the first calendar quarter in which <condition>"
 * (with "within N days after the end of" when the payment falls due then), and a conditional sentence
 * ending "for such calendar quarter". Null for every other milestone.
 */
function calendarSentence(clause: ClauseNode, m: MilestoneNode, words: { subject: string; frame: string; tail: string; payer: string; payee: string }, at: string): string | null {
  const w = m.window;
  const ref = m.periodReference;
  const first = w.kind === 'calendar-period' && w.selection.kind === 'first';
  if (!first && ref === undefined) return null;
  if (m.paymentName !== undefined) throw new FormatError('a payment name in brackets is written only in a payer-pays sentence with its condition after the payment', `${at}/paymentName`);
  if (w.kind !== 'calendar-period') throw new FormatError('a period reference ("for such calendar quarter") needs a calendar-period condition', `${at}/periodReference`);
  const noun = calendarNounText(w);
  if (noun === null) throw new FormatError(`this calendar period (year starting ${w.yearStart}) has no canonical text yet`, `${at}/window`);
  const payment = m.payment as PaymentNode;
  if (first) {
    if (m.compound) throw new FormatError('a condition of several parts is written in an "If …," sentence, not with "the first calendar period in which"', `${at}/compound`);
    if (clause.form !== 'payer-pays') throw new FormatError('the first period in which a target is met is written in a payer-pays sentence', `${path0(at)}/form`);
    // "… within 60 days after the end of the first calendar year during which … for such calendar year": only with a due date.
    if (ref !== undefined && payment.kind !== 'timed') throw new FormatError('a period reference is written only in a conditional sentence, or after the condition of the first period in which a target is met with a due date', `${at}/periodReference`);
    if (ref !== undefined && ref.unit !== w.unit) throw new FormatError('the period reference names another period than the condition', `${at}/periodReference/unit`);
    if (payment.kind === 'timed') {
      const due = payment.due;
      if (!due.calendar || due.after !== w.unit || w.yearStart !== '01-01' || w.statedMonths !== undefined) {
        throw new FormatError('a due date with the first period in which a target is met is "within N days after the end of" that calendar period', `${at}/payment/due`);
      }
      const days = wholeNumber(due.days, `${at}/payment/due/days`);
      if (ref !== undefined) {
        oneOf(ref.word, ['such'], `${at}/periodReference/word`);
        return `The ${words.payer} shall pay the ${words.payee} ${paidAmount(payment.payment, `${at}/payment/payment`)} within ${days} days after the end of the first ${noun} during which ${words.subject} for such ${noun}.`;
      }
      return `The ${words.payer} shall pay the ${words.payee} ${paidAmount(payment.payment, `${at}/payment/payment`)} within ${days} days after the end of the first ${noun} in which ${words.subject}.`;
    }
    return `The ${words.payer} shall pay the ${words.payee} ${paidAmount(payment, `${at}/payment`)} for the first ${noun} in which ${words.subject}.`;
  }
  if (clause.form !== 'conditional') throw new FormatError('a period reference ("for such calendar quarter") is written only in a conditional sentence', `${at}/periodReference`);
  const refNoun = calendarNounText({ unit: ref!.unit, yearStart: w.yearStart, statedMonths: w.statedMonths });
  if (ref!.unit !== w.unit || refNoun === null) throw new FormatError('the period reference names another period than the condition', `${at}/periodReference/unit`);
  const condition = `${words.frame}${words.subject} ${windowText(w, `${at}/window`)}${words.tail}`;
  return `If ${condition}, the ${words.payer} shall pay the ${words.payee} ${paidAmount(payment, `${at}/payment`)} for ${oneOf(ref!.word, ['such', 'that'], `${at}/periodReference/word`)} ${refNoun}.`;
}

/**
 * "For each calendar quarter in which the Distributor purchases not less than 5,000 units of Products for resale in
 * the Territory, the Supplier shall pay the Distributor a marketing allowance of $3,000.00.": a count of units bought
 * by a party in each calendar period, the one form a units condition is written in.
 */
function unitsPeriodSentence(clause: ClauseNode, at: string, payer: string, payee: string): string {
  const m = clause.milestones[0];
  const t = m.target;
  const w = m.window;
  if (t.kind !== 'units' || t.product !== null) throw new FormatError('a units condition counts units without a quoted product (a set from a definition is named by its scope)', `${at}/target/product`);
  if (clause.form !== 'conditional' || w.kind !== 'calendar-period' || w.selection.kind !== 'each' || w.written !== 'for each in which') {
    throw new FormatError('a units condition is written "For each calendar quarter in which the <Party> purchases …"', `${at}/window`);
  }
  if (!m.achiever) throw new FormatError('a units condition names the party whose purchases count', `${at}/achiever`);
  if (!m.comparator || typeof m.comparator.strict !== 'boolean') throw new FormatError('a units condition needs a comparator', `${at}/comparator`);
  const noun = calendarNounText(w);
  if (noun === null) throw new FormatError(`this calendar period (year starting ${w.yearStart}) has no canonical text yet`, `${at}/window`);
  const scope = t.scope === undefined ? '' : ` ${unitsScopeText(t.scope, `${at}/target/scope`)}`;
  const comparator = m.comparator.strict ? 'more than' : 'not less than';
  return `For each ${noun} in which the ${partyName(m.achiever, `${at}/achiever`)} purchases ${comparator} ${decimalText(t.count, `${at}/target/count`)} units${scope}, the ${payer} shall pay the ${payee} ${paidAmount(m.payment as PaymentNode, `${at}/payment`)}.`;
}

/** "of Products for resale in the Territory": phrases of plain words after of / in / from, and at most one "for" phrase after the first. */
function unitsScopeText(scope: string, path: string): string {
  const words = typeof scope === 'string' ? scope.split(' ') : [];
  let phrase = false;
  let purpose = false;
  let ok = words.length > 1 && ['of', 'in', 'from'].includes(words[0]);
  for (let i = 0; ok && i < words.length; i++) {
    const w = words[i];
    if (['of', 'in', 'from'].includes(w)) phrase = false;
    else if (w === 'for' && i > 0 && !purpose) { purpose = true; phrase = false; }
    else if (w === 'the' && !phrase && words[i - 1] !== 'for') continue;
    else if (isPlainWord(w)) { phrase = true; continue; }
    else ok = false;
    if (ok && (i === words.length - 1 || !isPlainWord(words[i + 1]) && words[i + 1] !== 'the')) ok = false;
  }
  if (!ok || !phrase) throw new FormatError(`'${String(scope)}' cannot be written as the scope of units: use "of <Words>", "in the <Words>", optionally with "for <Words>" after the first`, path);
  return scope;
}

const path0 = (at: string): string => at.replace(/\/milestones\/0$/, '');

// --- parties and labels ------------------------------------------------------------------------

/** A word as the lexer reads it. */
const WORD = /^[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’-]*$/;

/** Company forms after a name: ", Inc.", " Co.", ", LLC". */
const COMPANY_FORM = /(?:,? (?:Inc|Co|Corp|Ltd)\.|, (?:LLC|LLP|LP|Ltd|GmbH|AG|plc))$/;

function partyName(party: PartyNode, path: string): string {
  let base = typeof party.name === 'string' ? party.name : '';
  for (let m = COMPANY_FORM.exec(base); m && m.index > 0; m = COMPANY_FORM.exec(base)) base = base.slice(0, m.index);
  const words = base.split(' ');
  if (base === '' || !words.every((w) => WORD.test(w))) {
    throw new FormatError(`'${party.name}' cannot be written as a party name: use words of letters, apostrophes and hyphens separated by single spaces, and a company form such as ", Inc." or ", LLC" at the end`, `${path}/name`);
  }
  return party.name;
}

const ENUMERATOR_INNER = /^(?:[ivxlcdmIVXLCDM]+|[a-zA-Z]|\d+)$/;
const NUMBER = /^\d+(?:,+\d+)*(?:\.\d+)?$/;
const NUMBERED_HEADING = /^(Month|Quarter|Year) (\d+(?:,+\d+)*(?:\.\d+)?)$/;
const ADJECTIVE_HEADING = /^(Quarterly|Annual|Yearly) (Milestone|Goal|Target)$/;
const GOAL_NOUNS = ['Milestone', 'Goal', 'Target'];

function enumeratedItem(m: MilestoneNode, path: string): string {
  let label = '';
  if (m.label !== null || m.labelSource !== null) {
    if (m.label === null || m.labelSource === null) throw new FormatError('a milestone with a label needs both label and labelSource', `${path}/labelSource`);
    if (m.labelSource.style === 'parenthesised' && ENUMERATOR_INNER.test(m.label)) label = `(${m.label}) `;
    else if (m.labelSource.style === 'dotted' && NUMBER.test(m.label)) label = `${m.label}. `;
    else throw new FormatError(`'${m.label}' cannot be written as a ${m.labelSource.style} label of an enumerated milestone`, `${path}/label`);
  }
  const payment = m.payment ? inlinePayment(m.payment, `${path}/payment`) : '';
  return `${label}${target(m.target, `${path}/target`, false)} ${windowText(m.window, `${path}/window`)}${payment}`;
}

/** The deadline a heading implies when none is written ("Month 2 Milestone": the end of month 2). */
function impliedWindow(label: string): { unit: PeriodUnit; n: number } | null {
  const numbered = NUMBERED_HEADING.exec(label);
  if (numbered) return { unit: numbered[1].toLowerCase() as PeriodUnit, n: Number(numbered[2].replace(/,/g, '')) };
  const adjective = ADJECTIVE_HEADING.exec(label);
  if (adjective) return { unit: adjective[1] === 'Quarterly' ? 'quarter' : 'year', n: 1 };
  return null;
}

const HEADED_VERB: Record<TargetNode['kind'], string> = { revenue: 'Close', units: 'Sell', 'new-customers': 'Reach', deals: 'Achieve' };

function headedItem(m: MilestoneNode, path: string): string {
  if (m.label === null || m.labelSource === null || m.labelSource.style !== 'heading') {
    throw new FormatError('every milestone of a headed clause needs a heading label such as "Month 1"', `${path}/labelSource`);
  }
  const implied = impliedWindow(m.label);
  if (!implied) throw new FormatError(`'${m.label}' cannot be written as a heading: use "Month <n>", "Quarter <n>", "Year <n>" or "Quarterly Goal"-style labels`, `${path}/label`);
  let heading = m.label;
  if (NUMBERED_HEADING.test(m.label)) {
    const noun = typeof m.labelSource.text === 'string' ? m.labelSource.text.split(' ').pop() ?? '' : '';
    heading = `${m.label} ${GOAL_NOUNS.includes(noun) ? noun : 'Milestone'}`;
  }
  const w = m.window;
  const isImplied = w.kind === 'end-of-period' && w.unit === implied.unit && w.n === implied.n;
  const deadline = isImplied ? '' : ` ${windowText(w, `${path}/window`)}`;
  const payment = m.payment ? inlinePayment(m.payment, `${path}/payment`) : '';
  return `${heading}: ${HEADED_VERB[m.target.kind]} ${target(m.target, `${path}/target`, true)}${deadline}${payment}.`;
}

// --- targets and numbers -----------------------------------------------------------------------

/** A decimal string without leading zeros or trailing fraction zeros ("007.50" → "7.5"). */
export function canonicalDecimal(value: string, path = ''): string {
  const m = typeof value === 'string' ? /^(\d+)(?:\.(\d+))?$/.exec(value) : null;
  if (!m) throw new FormatError(`'${String(value)}' is not a decimal number such as "1500" or "2.5"`, path);
  const whole = m[1].replace(/^0+(?=\d)/, '');
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** "1234567" → "1,234,567", in linear time whatever the length. */
function group(whole: string): string {
  const head = whole.length % 3 || 3;
  const parts = [whole.slice(0, head)];
  for (let i = head; i < whole.length; i += 3) parts.push(whole.slice(i, i + 3));
  return parts.join(',');
}

function decimalText(value: string, path: string, minDigits = 0, dotMayGroup = true): string {
  const [whole, fraction = ''] = canonicalDecimal(value, path).split('.');
  let digits = fraction.length < minDigits ? fraction.padEnd(minDigits, '0') : fraction;
  // "12.345" would read as 12,345 (a dot grouping thousands, src/values/number-notation.ts) or be
  // ambiguous; a fourth decimal digit leaves only the decimal reading. Percentages are always decimals.
  if (dotMayGroup && whole.length <= 3 && digits.length === 3) digits += '0';
  return digits ? `${group(whole)}.${digits}` : group(whole);
}

const SYMBOL_OF: ReadonlyMap<string, string> = new Map(Object.entries(CURRENCY_SYMBOLS).map(([symbol, code]) => [code, symbol]));

/** "$100,000.00", "¥5,000", "BHD 1,000.500": never rounded, at least the currency's minor digits. */
export function formatAmount(money: Pick<MoneyNode, 'amount' | 'currency'>, path = ''): string {
  if (typeof money.currency !== 'string' || !isCurrencyCode(money.currency)) {
    throw new FormatError(`'${String(money.currency)}' is not an ISO 4217 currency code such as "USD"`, `${path}/currency`);
  }
  const body = decimalText(money.amount, `${path}/amount`, minorUnits(money.currency));
  const symbol = SYMBOL_OF.get(money.currency);
  return symbol ? `${symbol}${body}` : `${money.currency} ${body}`;
}

/** Characters a quoted product name cannot hold: quotes end it, and the lexer stops it at ':' and line breaks. */
const PRODUCT = /^(?:[^"“”„‟«»’:\s](?:[^"“”„‟«»’:\n\r]*[^"“”„‟«»’:\s])?)?$/;

function target(t: TargetNode, path: string, headed: boolean): string {
  switch (t.kind) {
    case 'revenue': {
      const basis = t.basis === null ? '' : t.basis === 'gross' || t.basis === 'net' ? `${t.basis} ` : badField(`basis '${String(t.basis)}'`, `${path}/basis`);
      return `${formatAmount(t.amount, `${path}/amount`)} in ${basis}sales revenue`;
    }
    case 'units': {
      let product = '';
      if (t.product !== null) {
        if (typeof t.product !== 'string' || !PRODUCT.test(t.product)) {
          throw new FormatError(`'${String(t.product)}' cannot be written as a quoted product name: no quotes, curly apostrophes, colons, line breaks or surrounding spaces`, `${path}/product`);
        }
        product = ` of "${t.product}"`;
      }
      return `${decimalText(t.count, `${path}/count`)} ${countNoun(t.count, 'units')}${product}${headed ? '' : ' sold'}`;
    }
    case 'new-customers':
      return `${decimalText(t.count, `${path}/count`)} new ${countNoun(t.count, oneOf(t.noun, ['customers', 'clients'], `${path}/noun`))}`;
    case 'deals':
      return `${decimalText(t.count, `${path}/count`)} ${countNoun(t.count, oneOf(t.noun, ['sales', 'deals', 'closed deals'], `${path}/noun`))}`;
    default:
      return assertNever(t);
  }
}

function oneOf<T extends string>(value: T, allowed: readonly string[], path: string): T {
  if (!allowed.includes(value)) badField(`'${String(value)}' (expected ${allowed.map((a) => `"${a}"`).join(', ')})`, path);
  return value;
}

function badField(what: string, path: string): never {
  throw new FormatError(`cannot write ${what}`, path);
}

// --- windows -----------------------------------------------------------------------------------

/** A whole number as written in a clause; the AST holds these as JS numbers. */
function wholeNumber(n: number, path: string): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new FormatError(`${String(n)} is not a whole number of periods or days`, path);
  return String(n);
}

function ordinal(n: number, path: string): string {
  const digits = wholeNumber(n, path);
  return n >= 1 ? ordinalWord(n) : `${digits}th`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "March 31, 2026". The grammar pads what it reads ("March 5, 26" → "0026-03-05"), so the day and
 * year are written back so that padding gives the same string. Months outside 1-12 have no name
 * and stay ISO ("2026-13-01"), which the checker then reports.
 */
function dateText(date: string, path: string): string {
  const m = typeof date === 'string' ? /^(\d{4,})-(\d{2})-(\d{2,})$/.exec(date) : null;
  if (!m) throw new FormatError(`'${String(date)}' is not a date written YYYY-MM-DD`, path);
  const [, year, month, day] = m;
  const name = MONTHS[Number(month) - 1];
  if (!name) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
    throw new FormatError(`'${date}' has no month 1-12 and cannot be written as a date`, path);
  }
  return `${name} ${day.length === 2 ? String(Number(day)) : day}, ${year}`;
}

const UNITS: readonly PeriodUnit[] = ['month', 'quarter', 'year'];
const CALENDAR_UNITS: readonly CalendarUnit[] = ['month', 'quarter', 'half-year', 'year'];

function windowText(w: WindowNode, path: string): string {
  switch (w.kind) {
    case 'end-of-period':
      return `by the end of the ${ordinal(w.n, `${path}/n`)} ${oneOf(w.unit, UNITS, `${path}/unit`)}`;
    case 'by-date':
      return `by ${dateText(w.date, `${path}/date`)}`;
    case 'within': {
      const n = wholeNumber(w.n, `${path}/n`);
      const unit = oneOf(w.unit, ['day', 'month'], `${path}/unit`);
      return `within ${n} ${unit}${w.n === 1 ? '' : 's'} ${oneOf(w.relation, ['of', 'after', 'from'], `${path}/relation`)} the Effective Date`;
    }
    case 'period':
      return `in the ${ordinal(w.n, `${path}/n`)} ${oneOf(w.unit, UNITS, `${path}/unit`)}`;
    case 'recurring':
      return `in each ${oneOf(w.unit, UNITS, `${path}/unit`)}`;
    case 'open':
      return '';
    case 'span':
      return `during ${spanText(w, path)}`;
    case 'date-range':
      return `during ${dateRangeText(w, path)}`;
    case 'term':
      return 'during the term';
    case 'defined-period': {
      const term = periodNameText(w.term, `${path}/term`);
      if (w.which === 'each') return `in each ${term}`;
      if (w.which === 'the') return `during the ${term}`;
      return `during the ${ordinal(w.which, `${path}/which`)} ${term}`;
    }
    case 'calendar-period': {
      oneOf(w.unit, CALENDAR_UNITS, `${path}/unit`);
      const text = calendarWindowText(w);
      if (text === null) throw new FormatError(`this calendar period (${w.selection.kind}, year starting ${w.yearStart}) is written as a payer-pays sentence, not in a milestone item`, path);
      if (w.bound === undefined) return text;
      if (w.selection.kind !== 'each') throw new FormatError('a bound ("occurring before <date>") is written only after each period', `${path}/bound`);
      // "in any" keeps the once-only words of a one-time payment free of the each-period reading's warning.
      const lead = w.written === 'in any' || w.written === 'during any' ? text.replace(/^in each/, w.written) : text;
      return `${lead} ${oneOf(w.bound.written, ['occurring before', 'ending before', 'ending on or before'], `${path}/bound/written`)} ${dateText(w.bound.date, `${path}/bound/date`)}`;
    }
    default:
      return assertNever(w);
  }
}

// --- windows with their own start, and definitions ------------------------------------------------

const LENGTH_UNITS = ['day', 'month', 'year'];

/** "the 12 month period commencing on June 1, 2026", "the first 12 months after the Effective Date". */
function spanText(w: SpanWindowNode, path: string): string {
  const n = wholeNumber(w.n, `${path}/n`);
  const unit = oneOf(w.unit, LENGTH_UNITS, `${path}/unit`);
  const start = w.start?.kind === 'effective-date' ? 'the Effective Date' : w.start?.kind === 'date' ? dateText(w.start.date, `${path}/start/date`) : badField('a window start', `${path}/start`);
  if (w.written === 'fiscal year') {
    if (w.start.kind !== 'date' || w.n !== 12 || w.unit !== 'month') throw new FormatError('"the Fiscal Year beginning …" is twelve months from a date', path);
    return `the Fiscal Year beginning on ${start}`;
  }
  if (w.written === 'first') {
    if (w.start.kind !== 'effective-date') throw new FormatError('"the first … after" is written only from the Effective Date', `${path}/start`);
    return `the first ${n} ${unit}s after the Effective Date`;
  }
  oneOf(w.written, ['period', 'first', 'fiscal year'], `${path}/written`);
  return `the ${n} ${unit} period commencing on ${start}`;
}

function dateRangeText(w: DateRangeWindowNode, path: string): string {
  return `the period from ${dateText(w.from, `${path}/from`)} to ${dateText(w.to, `${path}/to`)}`;
}

/** A defined period's name as the grammar reads one: capitalised words, then Year, Quarter, Month or Period. */
function periodNameText(term: string, path: string): string {
  // "Fortnight": a period named by one word (grammar/period-words.ts soleNameWord).
  if (term === 'Fortnight' || term === 'Week') return term;
  const tokens = typeof term === 'string' ? tokenize(term).filter((t) => t.type !== 'ws') : [];
  const head = tokens[tokens.length - 1];
  const headOk = head !== undefined && (['year', 'quarter', 'month'].includes(head.type ?? '') || periodNoun.test(head));
  // "First Net Sales Measuring Period": a capitalised ordinal may open a defined name (read back by src/language/ordinal-period-names.ts).
  const named = tokens.slice(0, -1).filter((t, i) => !(i === 0 && t.type === 'ordinal' && /^[A-Z]/.test(t.text) && tokens.length > 2));
  if (tokens.length < 2 || !headOk || !named.every((t) => periodNameWord.test(t)) || tokens.map((t) => t.text).join(' ') !== term) {
    throw new FormatError(`'${String(term)}' cannot be written as a defined period: capitalised words, then Year, Quarter, Month or Period ("Contract Year")`, path);
  }
  return term;
}

/** A term in quotes as the lexer reads one: no quotes, colon or line break inside, not ending with a period. */
const SET_NOUNS = ['systems', 'products', 'product lines'];
/** A product name: words (and figures after the first), single spaces; the keywords a name may hold are the grammar's setWord. */
const SET_NAME = /^[^\s"]+(?: [^\s"]+)*$/;
const SET_NAME_TOKENS = new Set(['word', 'pro', 'maximum', 'minimum', 'full', 'net', 'gross', 'new_', 'unit', 'number']);

/**
 * '"Products" means the Model X and Model Y systems listed in Exhibit A, excluding accessories and spare parts.' and
 * '"Introduced Customers" means Acme, Inc. and Beta Holdings, LLC.': the members as written, joined by "and".
 */
function itemSetDefinitionText(d: ItemSetDefinitionNode, path: string): string {
  const term = quotedTerm(d.term, `${path}/term`);
  const expected = CUSTOMER_TERM.test(d.term.split(' ').pop() ?? '') ? 'customer' : 'product';
  if (d.field !== expected) badField(`a set of ${String(d.field)}s named "${d.term}" (the term's last word says ${expected}s)`, `${path}/field`);
  if (!Array.isArray(d.members) || d.members.length === 0) badField('a set without members', `${path}/members`);
  if (d.noun === null) {
    if (d.listedIn !== null || d.excluding !== null) badField('"listed in" or "excluding" without a noun after the names', `${path}/noun`);
    const names = d.members.map((x, i) => partyName({ kind: 'party', name: x.name, range: x.range }, `${path}/members/${i}`));
    // "… and Beta, Inc.": the period of the last company form also ends the sentence.
    const text = names.join(' and ');
    return `${term} means ${text}${text.endsWith('.') ? '' : '.'}`;
  }
  const names = d.members.map((x, i) => {
    if (typeof x.name !== 'string' || !SET_NAME.test(x.name) || !tokenize(x.name).filter((t) => t.type !== 'ws').every((t, k) => SET_NAME_TOKENS.has(t.type ?? '') && (k > 0 || t.type !== 'number'))) badField(`a product name '${String(x.name)}' (plain words only)`, `${path}/members/${i}/name`);
    return x.name;
  });
  const noun = oneOf(d.noun, SET_NOUNS, `${path}/noun`);
  const listed = d.listedIn === null ? '' : ` listed in ${elsewhereText(d.listedIn, `${path}/listedIn`)}`;
  const excluding = d.excluding === null ? '' : `, excluding ${excludedText(d.excluding, `${path}/excluding`)}`;
  return `${term} means the ${names.join(' and ')} ${noun}${listed}${excluding}.`;
}

const CUSTOMER_TERM = /^(?:customers?|clients?|accounts?)$/i;

function elsewhereText(text: string, path: string): string {
  if (typeof text !== 'string' || !(ELSEWHERE.test(text) || /^Exhibit A$/i.test(text))) badField(`'${String(text)}' as where the members are listed (use "Exhibit A" or "Schedule 3")`, path);
  return text;
}

function excludedText(text: string, path: string): string {
  const words = typeof text === 'string' ? text.split(' ') : [''];
  if (words[0] === 'and' || words[words.length - 1] === 'and' || !words.every((w) => w === 'and' || isPlainWord(w))) badField(`'${String(text)}' as what is excluded (plain words joined by "and")`, path);
  return text;
}

function quotedTerm(term: string, path: string): string {
  if (typeof term !== 'string' || !/^[^"“”„‟«»\n:]+$/.test(term) || /\.\s*$/.test(term) || term.trim() !== term || term === '') {
    throw new FormatError(`'${String(term)}' cannot be written as a defined term in quotes`, path);
  }
  return `"${term}"`;
}

const MONTH_DAY = (month: number, day: number, path: string): string => {
  const name = MONTHS[month - 1];
  if (name === undefined || !Number.isSafeInteger(day) || day < 1) throw new FormatError(`${month}-${day} is not a month and day`, path);
  return `${name} ${day}`;
};

const PURPOSE = /^this (?:(?:Section|section) \d+(?:\.\d+)*(?:\((?:[ivxlcdmIVXLCDM]+|[a-zA-Z]|\d+)\))*|Agreement|agreement)$/;

function purposeText(purpose: string, path: string): string {
  if (typeof purpose !== 'string' || !PURPOSE.test(purpose)) throw new FormatError(`'${String(purpose)}' cannot be written after "For purposes of": use "this Section 4.3" or "this Agreement"`, path);
  return purpose;
}

/** A metric whose words hold its period word ("annual Net Sales"): the word must be among them. */
function periodMetricText(term: string, word: PeriodWordNode | undefined, path: string): string {
  const metric = typeof term === 'string' ? METRIC.exec(term) : null;
  if (!metric) throw new FormatError(`'${String(term)}' cannot be written as a metric: use "Net Sales", "annual Net Sales" …`, path);
  const found = PERIOD_WORD.exec(term)?.[1]?.toLowerCase();
  if (found !== word?.word) throw new FormatError(`the term '${term}' and its period word '${String(word?.word)}' disagree`, path);
  return term;
}
const PERIOD_WORD = /(?:^| )(annual|yearly|quarterly|monthly|fortnightly|weekly) /i;

const TWELVE_MONTHS = /^(?:[a-z]+|\d+)-(?:day|month|year) period$/i;
const CALENDAR_PERIOD = /^calendar (?:month|quarter|year)$/i;

/** "Nothing herein shall preclude multiple milestone payments in a given twelve-month period.", "If more than one unmet milestone …". */
function severalPaymentsText(d: SeveralPaymentsStatementNode, path: string): string {
  if (d.written === 'nothing-precludes') {
    if (typeof d.period !== 'string' || !TWELVE_MONTHS.test(d.period)) badField(`a period '${String(d.period)}' (write "twelve-month period")`, `${path}/period`);
    return `Nothing herein shall preclude multiple milestone payments in a given ${d.period}.`;
  }
  if (d.written !== 'made-for-each') return badField('a several-payments statement form', `${path}/written`);
  if (typeof d.period !== 'string' || !CALENDAR_PERIOD.test(d.period)) badField(`a period '${String(d.period)}' (write "Calendar Year")`, `${path}/period`);
  return `If more than one unmet milestone is achieved in a given ${d.period}, a payment will be made for each.`;
}

/** '"Annual Net Sales" means the Net Sales of a Licensed Product in a Calendar Year.' */
function metricDefinitionText(d: MetricDefinitionNode, path: string): string {
  const metric = METRIC.exec(String(d.metric));
  if (!metric || PERIOD_WORD.test(`${d.metric} `)) badField(`a metric '${String(d.metric)}' such as "Net Sales", without a period word`, `${path}/metric`);
  if ((metric?.[1]?.toLowerCase() ?? null) !== d.basis) badField(`the basis of '${String(d.metric)}'`, `${path}/basis`);
  const scope = d.scope === undefined ? '' : ` ${scopeText(d.scope, `${path}/scope`)}`;
  if ((d.perProduct !== undefined) !== (d.scope !== undefined && / ?of a /.test(` ${d.scope}`))) badField('per product exactly when the scope says "of a <Product>"', `${path}/perProduct`);
  const w = d.window;
  if (!w || w.kind !== 'calendar-period' || w.selection?.kind !== 'each' || w.bound !== undefined || w.during !== undefined) badField('a calendar period written "in a Calendar Year"', `${path}/window`);
  return `${quotedTerm(d.term, `${path}/term`)} means the ${d.metric}${scope} ${windowText(w, `${path}/window`)}.`;
}

function definitionText(d: DefinitionNode, path: string): string {
  if (d.kind === 'fiscal-year-statement') {
    return `The fiscal year ${oneOf(d.edge, ['begins', 'ends'], `${path}/edge`)} on ${MONTH_DAY(d.month, d.day, path)}.`;
  }
  if (d.kind === 'fiscal-label-definition') {
    return `"FY${wholeNumber(d.label, `${path}/label`)}" means the fiscal year ${oneOf(d.edge, ['beginning', 'ending'], `${path}/edge`)} ${dateText(d.date, `${path}/date`)}.`;
  }
  if (d.kind === 'metric-basis-statement') {
    const purpose = d.purpose === null ? '' : `For purposes of ${purposeText(d.purpose, `${path}/purpose`)}, `;
    const metric = periodMetricText(d.term, d.periodWord, `${path}/term`);
    if (!/^(?:annual|yearly|quarterly|monthly|fortnightly|weekly) /i.test(metric)) throw new FormatError(`a calendar-basis statement starts with the period word ("annual Net Sales"), not '${metric}'`, `${path}/term`);
    return `${purpose}${metric} shall be calculated on a calendar ${oneOf(d.unit, ['year', 'quarter', 'month'], `${path}/unit`)} basis.`;
  }
  if (d.kind === 'event-date') return `The ${eventText(d.event, `${path}/event`)} is ${dateText(d.date, `${path}/date`)}.`;
  if (d.kind === 'customer-definition') {
    const noun = oneOf(d.noun, ['customers', 'clients'], `${path}/noun`) === 'clients' ? 'client' : 'customer';
    if (typeof d.never !== 'string' || !COUNTED.test(d.never)) badField(`what a new ${noun} was never party to, '${String(d.never)}'`, `${path}/never`);
    return `${quotedTerm(d.term, `${path}/term`)} means a ${noun} that ${d.isNot ? 'is not and ' : ''}has never been party to ${d.never}.`;
  }
  if (d.kind === 'item-set-definition') return itemSetDefinitionText(d, path);
  if (d.kind === 'metric-definition') return metricDefinitionText(d, path);
  if (d.kind === 'several-payments-statement') return severalPaymentsText(d, path);
  if (d.kind !== 'period-definition') throw new FormatError(`unknown definition '${String((d as { kind: unknown }).kind)}'`, `${path}/kind`);
  const term = quotedTerm(d.term, `${path}/term`);
  const m = d.meaning;
  const at = `${path}/meaning`;
  switch (m.kind) {
    case 'successive-periods':
      return `${term} means each ${wholeNumber(m.n, `${at}/n`)} ${oneOf(m.unit, LENGTH_UNITS, `${at}/unit`)} period beginning on the Effective Date or an anniversary of it.`;
    case 'span':
      if (m.written !== 'period') throw new FormatError('a definition is written "the 12 month period commencing on …"', `${at}/written`);
      return `${term} means ${spanText(m, at)}.`;
    case 'date-range':
      return `${term} means ${dateRangeText(m, at)}.`;
    case 'by-date':
      return `${term} means the period beginning on the Effective Date and ending on ${dateText(m.date, `${at}/date`)}.`;
    case 'calendar-periods': {
      if (m.written === 'calendar quarter') {
        if (m.unit !== 'quarter' || !Array.isArray(m.ends) || m.ends.join(',') !== '03-31,06-30,09-30,12-31') badField('"each calendar quarter" with other periods than the calendar\'s quarters', `${at}/ends`);
        return `${term} means each calendar quarter.`;
      }
      const word = oneOf(m.written, m.unit === 'quarter' ? ['quarterly', 'three-month'] : ['semi-annual', 'semiannual', 'six-month'], `${at}/written`);
      if (!Array.isArray(m.ends) || m.ends.length < 2) throw new FormatError('calendar periods are named by two or more last days', `${at}/ends`);
      const days = m.ends.map((e, i) => {
        const md = /^(\d{2})-(\d{2})$/.exec(e);
        if (!md) throw new FormatError(`'${e}' is not a month-day written MM-DD`, `${at}/ends/${i}`);
        return MONTH_DAY(Number(md[1]), Number(md[2]), `${at}/ends/${i}`);
      });
      return `${term} means each ${word} period ending on ${days.slice(0, -1).join(', ')} or ${days[days.length - 1]}.`;
    }
    case 'full-months-after-event': {
      if (m.event !== 'First Commercial Sale Date') badField(`an event '${String(m.event)}' (write "First Commercial Sale Date")`, `${at}/event`);
      const n = Number(wholeNumber(m.n, `${at}/n`));
      if (n < 1) badField(`a month '${String(m.n)}'`, `${at}/n`);
      const figure = m.figure === undefined ? '' : ` (${wholeNumber(m.figure, `${at}/figure`)}${ordinalSuffix(m.figure)})`;
      return `${term} means the period commencing on the ${m.event}, being ${dateText(m.date, `${at}/date`)}, and ending on the last day of the ${ordinal(n, `${at}/n`)}${figure} full calendar month thereafter.`;
    }
    case 'periods-from-event':
      return `${term} means ${eventPeriodsText(m, at)}.`;
    case 'quarters-after-event':
      if (!Number.isSafeInteger(m.n) || m.n < 1) badField(`a number of quarters '${String(m.n)}'`, `${at}/n`);
      return `${term} means the ${m.n} consecutive Calendar Quarters beginning with the first full Calendar Quarter after the ${eventText(m.event, `${at}/event`)}.`;
    default:
      return assertNever(m);
  }
}

/** "st", "nd", "rd" or "th" after a figure ("12th", "21st"). */
function ordinalSuffix(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return teen ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
}

/** "each consecutive 14 day period beginning on the Commencement Date": the event as written, also once dated. */
function eventPeriodsText(m: PeriodsFromEventNode, path: string): string {
  const event = m.start?.event;
  return `each consecutive ${wholeNumber(m.n, `${path}/n`)} ${oneOf(m.unit, LENGTH_UNITS, `${path}/unit`)} period beginning on the ${eventText(event, `${path}/start/event`)}`;
}

/** "Closing Date": a capitalised word, then "Date". */
function eventText(event: string, path: string): string {
  return typeof event === 'string' && /^[A-Z][A-Za-z]* Date$/.test(event) ? event : badField(`an event '${String(event)}' (write "<Word> Date")`, path);
}

// --- payments ----------------------------------------------------------------------------------

const PAYMENT_NOUNS = ['commission', 'bonus', 'commission payment'];

function inlinePayment(p: PaymentNode, path: string): string {
  if (p.kind !== 'fixed') throw new FormatError(`a payment written in a milestone must be a fixed amount ("for a bonus of $5,000"), not a ${p.kind} payment: put it in a payment sentence`, `${path}/kind`);
  if (p.qualifiers !== undefined) throw new FormatError('qualifiers are written only in a payer-pays sentence', `${path}/qualifiers`);
  return `, for a ${oneOf(p.noun, PAYMENT_NOUNS, `${path}/noun`)} of ${formatAmount(p.amount, `${path}/amount`)}`;
}

/** "4.2", "7(b)", "[X]": a number or a bracketed placeholder, then any "(b)"-style parts. */
const SECTION_REF = /^(?:\[[^\]\n]*\]|\d+(?:,+\d+)*(?:\.\d+)*)(?:\((?:[ivxlcdmIVXLCDM]+|[a-zA-Z]|\d+)\))*$/;

function payment(p: PaymentNode, path: string): string {
  switch (p.kind) {
    case 'fixed':
      if (p.qualifiers !== undefined) throw new FormatError('qualifiers are written only in a payer-pays sentence', `${path}/qualifiers`);
      return `a ${oneOf(p.noun, PAYMENT_NOUNS, `${path}/noun`)} of ${formatAmount(p.amount, `${path}/amount`)}`;
    case 'section':
      if (typeof p.ref !== 'string' || !SECTION_REF.test(p.ref)) {
        throw new FormatError(`'${String(p.ref)}' cannot be written as a section reference: use a number such as "4.2" or "7(b)", or a placeholder such as "[X]"`, `${path}/ref`);
      }
      return `the corresponding commission payment as outlined in Section ${p.ref}`;
    case 'unstated':
      throw new FormatError('a redacted or elsewhere-set amount is written only in a payer-pays sentence', `${path}/kind`);
    case 'rate': {
      const basis = p.basis === null ? '' : p.basis === 'gross' || p.basis === 'net' ? `${p.basis} ` : badField(`basis '${String(p.basis)}'`, `${path}/basis`);
      const since = p.since === undefined ? '' : ` since the ${oneOf(p.since.word, ['previous', 'preceding', 'prior', 'last'], `${path}/since/word`)} milestone`;
      return `a commission equal to ${decimalText(p.percent, `${path}/percent`, 0, false)}% of the ${basis}sales revenue${since}`;
    }
    case 'rate-on-excess':
      return `${intro(p.intro, `${path}/intro`)}${percentText(p.percent, `${path}/percent`)} of ${salesText(p.basis, `${path}/basis`)} ${comparatorText(p.comparator, `${path}/comparator`)} ${thresholdText(p.threshold, `${path}/threshold`)}`;
    case 'tiered': {
      if (p.layout === 'portions') return portionAmountText(p, path);
      if (!Array.isArray(p.bands) || p.bands.length < 2) badField('a tiered payment with fewer than two bands', `${path}/bands`);
      if (p.bands[0]?.multiple) badField('a first band whose rate is a multiple of a base rate no band before it states', `${path}/bands/0/multiple`);
      const bands = p.bands.map((b, i) => band(b, `${path}/bands/${i}`));
      const method = p.method === null ? '' : `, on a ${oneOf(p.method, ['marginal', 'retroactive'], `${path}/method`)} basis`;
      return `${intro(p.intro, `${path}/intro`)}${bands.slice(0, -1).join(', ')} and ${bands[bands.length - 1]}${method}`;
    }
    case 'per-increment': {
      if (p.noun === null || p.excessOf !== undefined) throw new FormatError('an amount per increment of such excess is written only in its own sentence ("In each fiscal year in which …, … $1,000 for each $100,000 increment of such excess")', `${path}/noun`);
      const above = p.threshold === null ? '' : ` ${comparatorText(p.comparator ?? 'above', `${path}/comparator`)} ${formatAmount(p.threshold, `${path}/threshold`)}`;
      return (
        `a ${oneOf(p.noun, PAYMENT_NOUNS, `${path}/noun`)} of ${formatAmount(p.amount, `${path}/amount`)} for each ${p.full ? 'full ' : ''}` +
        `${formatAmount(p.increment, `${path}/increment`)} of ${salesText(p.basis, `${path}/basis`)}${above}${p.proRata ? ', pro rata' : ''}`
      );
    }
    case 'limited': {
      if ((p.payment as PaymentNode | undefined)?.kind === 'limited') badField('a limited payment inside another', `${path}/payment`);
      const parts = [p.cap ? limitText(p.cap, `${path}/cap`) : null, p.floor ? limitText(p.floor, `${path}/floor`) : null].filter((x) => x !== null);
      if (parts.length === 0) badField('a limited payment with neither cap nor floor', path);
      return `${payment(p.payment, `${path}/payment`)}, ${parts.join(' and ')}`;
    }
    case 'timed': {
      const inner = p.payment as PaymentNode | undefined;
      if (inner?.kind === 'timed') badField('a timed payment inside another', `${path}/payment`);
      return `${payment(p.payment, `${path}/payment`)}, ${dueText(p.due, `${path}/due`)}`;
    }
    case 'each-increment':
      throw new FormatError('an amount owed increment by increment is paid only in its own sentence ("… a bonus of $1,000 for each 100 Units … in excess of 500 Units")', `${path}/kind`);
    case 'attainment':
      throw new FormatError('an attainment table is paid only in its own sentence ("… a bonus based on attainment of the quota of … as follows: …")', `${path}/kind`);
    case 'shortfall':
      throw new FormatError('a share of a shortfall is paid only in a shortfall sentence ("If the Distributor fails to purchase …, it shall pay …")', `${path}/kind`);
    case 'chosen-rate':
      throw new FormatError('a rate chosen by conditions on the period\'s total is paid only in a payer-pays sentence ("… an additional commission on Net Sales above the Quarterly Plan of $500,000, at 1% if …")', `${path}/kind`);
    default:
      return assertNever(p);
  }
}

// --- payment mechanics -------------------------------------------------------------------------

function intro(value: PaymentIntro, path: string): string {
  if (value === null) return '';
  return `a ${oneOf(value.noun, PAYMENT_NOUNS, `${path}/noun`)} ${oneOf(value.link, ['equal to', 'of'], `${path}/link`)} `;
}

const percentText = (percent: string, path: string): string => `${decimalText(percent, path, 0, false)}%`;

function salesText(basis: SalesBasis, path: string): string {
  const word = basis === null ? '' : basis === 'gross' || basis === 'net' ? `${basis} ` : badField(`basis '${String(basis)}'`, path);
  return `the ${word}sales revenue`;
}

const comparatorText = (c: string, path: string): string => oneOf(c, ['in excess of', 'above', 'over'], path);

/** "the Sales Forecast of $600,000 for such Contract Year", or the threshold alone when it has no name. */
function namedThresholdText(p: RateOnExcessPaymentNode, path: string): string {
  const amount = thresholdText(p.threshold, `${path}/threshold`);
  const named = p.thresholdName;
  if (named === undefined) return amount;
  if (p.threshold?.kind !== 'money') badField('a named threshold that is not an amount', `${path}/threshold`);
  const name = /^[A-Z][A-Za-z-]*(?: [A-Z][A-Za-z-]*)*$/.test(named.name) ? named.name : badField(`threshold name '${String(named.name)}'`, `${path}/thresholdName/name`);
  const forSuch = named.forSuch === undefined ? '' : ` for such ${/^[A-Za-z]+(?: [A-Za-z]+)*$/.test(named.forSuch) ? named.forSuch : badField(`period '${String(named.forSuch)}'`, `${path}/thresholdName/forSuch`)}`;
  return `the ${name} of ${amount}${forSuch}`;
}

/** "Target Sales Threshold": two words or more, each a word a threshold's name may hold. */
const NAMED_TARGET_TOKENS = new Set(['word', 'sales', 'target', 'annual', 'minimum']);
function namedTargetText(name: string, path: string): string {
  const tokens = typeof name === 'string' && /^\S+(?: \S+)+$/.test(name) ? tokenize(name).filter((t) => t.type !== 'ws') : [];
  if (tokens.length < 2 || !tokens.every((t) => NAMED_TARGET_TOKENS.has(t.type ?? ''))) badField(`a target named '${String(name)}' (two words or more, such as "Target Sales Threshold")`, path);
  return name;
}

function thresholdText(t: ThresholdNode, path: string): string {
  if (t?.kind === 'prior-period') throw new FormatError('a rate on the growth over the year before is written only as its own sentence', path);
  if (t?.kind === 'target-reference') return t.name === undefined ? 'the target' : `the ${namedTargetText(t.name, `${path}/name`)}`;
  return formatAmount(t, path);
}

/** A band's bounds as written: "from $0 to $280,000", "between … and …", "above $100,000", "up to $1,000,000". */
/** "100% of the Quarterly Quota ($200,000.00)", "the Quarterly Quota": a bound as a share of a quota. */
function quotaBoundText(q: QuotaBoundNode, path: string): string {
  if (typeof q.name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9'’ -]*$/.test(q.name) || !QUOTA_NAME.test(q.name)) badField(`a quota named '${String(q.name)}'`, `${path}/name`);
  if (q.percent === null && !q.article) badField('a quota named alone takes "the"', `${path}/article`);
  const share = q.percent === null ? '' : `${percentText(q.percent, `${path}/percent`)} of `;
  const written = q.amount ? oneOf(q.amountWritten as string, ['brackets', 'of'], `${path}/amountWritten`) : null;
  const amount = q.amount ? (written === 'of' ? ` of ${formatAmount(q.amount, `${path}/amount`)}` : ` (${formatAmount(q.amount, `${path}/amount`)})`) : '';
  return `${share}${q.article ? 'the ' : ''}${q.name}${amount}`;
}

function bandRange(b: TierBandNode, path: string): string {
  if (b.toQuota) return `${oneOf(b.upper as string, ['up to', 'up to and including'], `${path}/upper`)} ${quotaBoundText(b.toQuota, `${path}/toQuota`)}`;
  if (b.fromQuota) return `${comparatorText(b.lower as string, `${path}/lower`)} ${quotaBoundText(b.fromQuota, `${path}/fromQuota`)}`;
  if (b.lower === 'from' || b.lower === 'between') {
    return `${b.lower} ${formatAmount(b.from as MoneyNode, `${path}/from`)} ${b.lower === 'from' ? 'to' : 'and'} ${formatAmount(b.to as MoneyNode, `${path}/to`)}`;
  }
  if (b.lower !== null) {
    return b.from === null ? comparatorText(b.lower, `${path}/lower`) : `${comparatorText(b.lower, `${path}/lower`)} ${formatAmount(b.from, `${path}/from`)}`;
  }
  if (b.upper === 'up to' || b.upper === 'up to and including') return `${b.upper} ${formatAmount(b.to as MoneyNode, `${path}/to`)}`;
  return badField('a band without a range', path);
}

/** "1.5 times the base rate", "2x the base commission rate": a band's rate as a multiple of the base band's. */
function rateMultipleText(m: RateMultipleNode, path: string): string {
  const factor = decimalText(m.factor, `${path}/factor`, 0, false);
  return `${factor}${oneOf(m.written, ['times', 'x'], `${path}/written`) === 'x' ? 'x' : ' times'} the base ${m.commission ? 'commission ' : ''}rate`;
}

function band(b: TierBandNode, path: string): string {
  const rate = `${b.multiple ? rateMultipleText(b.multiple, `${path}/multiple`) : percentText(b.percent, `${path}/percent`)} on`;
  if (b.quantifier === 'first') return `${rate} the first ${formatAmount(b.to as MoneyNode, `${path}/to`)} of ${salesText(b.basis, `${path}/basis`)}`;
  if (b.quantifier === 'additional') return `${rate} all additional ${salesText(b.basis, `${path}/basis`).slice(4)}`;
  const quantifier = b.quantifier === 'portion' ? 'the portion of ' : b.quantifier === 'all' ? 'all ' : b.quantifier === null ? '' : badField(`quantifier '${String(b.quantifier)}'`, `${path}/quantifier`);
  const sales = quantifier === '' ? salesText(b.basis, `${path}/basis`) : salesText(b.basis, `${path}/basis`).slice(4);
  const range = bandRange(b, path);
  return `${rate} ${quantifier}${sales} ${range}`;
}

function dueText(due: DueNode, path: string): string {
  if (!Number.isSafeInteger(due?.days) || due.days < 0) badField(`days '${String(due?.days)}'`, `${path}/days`);
  if (due.such) return `within ${due.days} days after the end of such ${calendarUnit(due.calendar, oneOf(due.after as PeriodUnit, UNITS, `${path}/after`))}`;
  if (due.after === 'achievement') return `payable within ${due.days} days after the milestone is achieved`;
  return `payable within ${due.days} days after the end of the ${due.calendar ? 'calendar ' : ''}${oneOf(due.after, UNITS, `${path}/after`)} in which the milestone is achieved`;
}

function limitText(l: LimitNode, path: string): string {
  const written = oneOf(l.written, ['not to exceed', 'up to a maximum of', 'with a minimum of'], `${path}/written`);
  const amount = formatAmount(l.amount, `${path}/amount`);
  if (l.per === 'payment') return `${written} ${amount}`;
  if (written === 'with a minimum of') badField('a minimum per period', `${path}/per`);
  const per = oneOf(l.perWritten ?? 'in any', ['in any', 'per', 'in each', 'for any'], `${path}/perWritten`);
  return `${written} ${amount} ${per} ${oneOf(l.per, UNITS, `${path}/per`)}`;
}

/** "milestone (a)", or "milestone 3" when milestone 3 is labelled "3." (dotted), as it is written there. */
function paymentTerm(term: PaymentTermNode, clause: ClauseNode, path: string): string {
  let scope: string;
  const dotted = term.scope.kind === 'milestone' && clause.milestones.some((m) => m.label === (term.scope as { label: string }).label && m.labelSource?.style === 'dotted');
  if (term.scope.kind === 'each') scope = 'each milestone';
  else if (term.scope.kind === 'milestone' && typeof term.scope.label === 'string' && ENUMERATOR_INNER.test(term.scope.label) && !dotted) scope = `milestone (${term.scope.label})`;
  else if (term.scope.kind === 'milestone' && typeof term.scope.label === 'string' && NUMBER.test(term.scope.label)) scope = `milestone ${term.scope.label}`;
  else throw new FormatError('a payment sentence can name a milestone only by an enumerator label such as "a", "ii" or "3"', `${path}/scope`);
  const who = term.party ? `the ${partyName(term.party, `${path}/party`)} ` : '';
  return `Upon achieving ${scope}, ${who}will receive ${payment(term.payment, `${path}/payment`)}.`;
}

// --- comparison --------------------------------------------------------------------------------

const DECIMAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  money: ['amount'],
  units: ['count'],
  'new-customers': ['count'],
  deals: ['count'],
  'each-increment': ['size'],
  rate: ['percent'],
  'rate-on-excess': ['percent'],
  'tier-band': ['percent'],
  shortfall: ['percent'],
  'attainment-band': ['from', 'to'],
  share: ['percent'],
  'plan-share': ['percent'],
};

/**
 * The terms of a document: the AST without ranges and without spelling (see the module comment),
 * decimals in canonical notation. Two documents say the same thing exactly when their terms are
 * deeply equal; this is what the round trip `parse(format(ast))` preserves.
 */
export function termsOf(node: DocumentNode): unknown {
  return strip(node);
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  const node = value as Record<string, unknown>;
  const kind = typeof node.kind === 'string' ? node.kind : '';
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(node)) {
    if (key === 'range') continue;
    if (kind === 'money' && key === 'text') continue;
    if (kind === 'end-of-period' && key === 'written') continue;
    if (kind === 'comparator' && (key === 'words' || key === 'first')) continue;
    if (kind === 'tiered' && key === 'methodWords') continue;
    if ((kind === 'calendar-period' || kind === 'defined-period') && key === 'written') continue;
    if (kind === 'once-only' && key === 'words') continue;
    if (DECIMAL_FIELDS[kind]?.includes(key) && typeof field === 'string' && /^\d+(?:\.\d+)?$/.test(field)) {
      out[key] = canonicalDecimal(field);
      continue;
    }
    out[key] = strip(field);
  }
  return out;
}
