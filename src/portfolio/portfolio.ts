/**
 * Portfolios: many contracts evaluated against one sales ledger in one pass over the
 * rows (plus at most one more, to name the crossing rows).
 *
 * Each contract covers the rows whose `seller` cell is one of its seller values (trimmed, compared
 * case-insensitively), and its result is exactly the evaluation of its clause over those rows
 * alone, with their row numbers in the whole ledger: rows are dispatched by seller to per-contract
 * evaluations, so a row is normalized once per contract that covers it (once, when sellers are
 * not shared), never once per contract in the portfolio. A contract whose clause does not
 * validate is reported with its diagnostics and does not stop the others.
 *
 * Browser-safe like the evaluator: file reading (clause files, schedules) lives in the CLI, which
 * hands over texts.
 */
import { lineParties } from '../evaluation/parties';
import { csvCell, csvListCell } from '../csv-output';
import { normalizeText, textKey } from '../values/text-key';
import { parseJsonText } from '../json-text';
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../schemas/portfolio.schema.json';
import { validate, type ValidationResult } from '../language/check';
import type { LedgerHolds } from '../language/ledger-holds';
import type { Diagnostic } from '../diagnostics';
import type { EvaluationOptions, EvaluationReport } from '../evaluation/report';
import type { DocumentNode } from '../language/ast';
import { ContractEvaluation } from '../evaluation/evaluation';
import { runInMemory, type SecondPassNeeds, type TwoPassEvaluation } from '../evaluation/two-pass';
import { hashId } from '../evaluation/id-hash';
import { IdIndex } from '../evaluation/id-index';
import { columnLayout, idCellOfCells, idCellText, sellerIndex, type ColumnLayout } from '../ledger/normalize';
import type { LedgerRecord, ParsedLedger, RowIssue } from '../ledger/rows';
import { Dec, moneyString } from '../values/money';
import { dayNumber, resolveContext } from '../time/periods';
import type { Schedule } from '../evaluation/schedule';
import { readSchedule } from '../evaluation/schedule-reader';
import { sellerProblemMessage, UnmatchedSellers, type SellerProblem } from './seller-coverage';
import { zoneAbbreviationWarning } from '../time/zone-abbreviations';
import type { CellFormats } from '../ledger/cell-formats';
import { LedgerTranslator, readingWith, translateLedger, type LedgerReading } from '../ledger/ledger-reading';
import { csvSplitOf } from '../ledger/text-readers';
import { documentCurrency } from '../evaluation/plan';
import { readingEvaluation } from '../evaluation/reading-evaluation';
import type { ScratchFiles } from '../evaluation/scratch-file';
import { SpillBudget } from '../evaluation/spill-budget';

/** A contract as written in the portfolio file. */
export interface PortfolioContractInput {
  id: string;
  clause?: string;
  clauseText?: string;
  seller: string | string[];
  payee?: string;
  effectiveDate: string;
  timeZone?: string;
  asOf?: string;
  /** When the contract's fiscal year starts, MM-DD, for fiscal periods whose text does not say. */
  fiscalYearStart?: string;
  /** What the contract's ledger rows are: sales (default) or bookings (src/language/ledger-holds.ts). */
  ledgerHolds?: LedgerHolds;
  schedule?: string | Record<string, unknown>;
}

export interface PortfolioInput {
  asOf?: string;
  timeZone?: string;
  contracts: PortfolioContractInput[];
}

export type PortfolioReadResult = { ok: true; portfolio: PortfolioInput } | { ok: false; errors: string[] };

let validator: ValidateFunction | null = null;

/** Validates a parsed portfolio file against schemas/portfolio.schema.json, then ids are unique. */
export function readPortfolio(data: unknown): PortfolioReadResult {
  validator ??= new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  if (!validator(data)) return { ok: false, errors: (validator.errors ?? []).map(describeError) };
  const portfolio = data as PortfolioInput;
  const seen = new Set<string>();
  const errors: string[] = [];
  for (const c of portfolio.contracts) {
    if (seen.has(c.id)) errors.push(`contract id '${c.id}' appears more than once`);
    seen.add(c.id);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, portfolio };
}

function describeError(e: ErrorObject): string {
  const where = e.instancePath === '' ? 'the portfolio' : e.instancePath.slice(1).replace(/\//g, '.');
  if (e.keyword === 'required') return `${where} needs '${(e.params as { missingProperty: string }).missingProperty}'`;
  if (e.keyword === 'additionalProperties') return `${where} has an unknown field '${(e.params as { additionalProperty: string }).additionalProperty}'`;
  if (e.keyword === 'oneOf' && /contracts\.\d+$/.test(where)) return `${where} needs exactly one of 'clause' (a file) and 'clauseText'`;
  return `${where} ${e.message ?? 'is invalid'}`;
}

/** A contract ready to evaluate: its clause text and schedule already read by the caller. */
export interface ResolvedContract {
  id: string;
  sellers: string[];
  payee: string;
  /** Where the clause came from, for messages (a file name, or null for inline text). */
  clauseFile: string | null;
  clauseText: string;
  effectiveDate: string;
  timeZone: string;
  asOf?: string;
  fiscalYearStart?: string;
  ledgerHolds?: LedgerHolds;
  /** A schedule, or the errors that made it unusable (the contract then fails). */
  schedule: Schedule | null;
  scheduleErrors?: string[];
}

/** Fills defaults from the portfolio; `readFile` reads clause and schedule files (paths as written). */
export function resolveContracts(portfolio: PortfolioInput, readFile: (path: string) => string): ResolvedContract[] {
  return portfolio.contracts.map((c) => {
    const sellers = typeof c.seller === 'string' ? [c.seller] : c.seller;
    let schedule: Schedule | null = null;
    let scheduleErrors: string[] | undefined;
    if (c.schedule !== undefined) {
      let data: unknown = c.schedule;
      if (typeof c.schedule === 'string') {
        try {
          const json = parseJsonText(readFile(c.schedule));
          data = json.ok ? json.value : undefined;
          if (!json.ok) scheduleErrors = [`the schedule ${c.schedule} is ${json.message}`];
        } catch (e) {
          data = undefined;
          scheduleErrors = [`cannot read the schedule ${c.schedule}: ${(e as Error).message}`];
        }
      }
      if (scheduleErrors === undefined) {
        const result = readSchedule(data);
        if (result.ok) schedule = result.schedule;
        else scheduleErrors = result.errors;
      }
    }
    return {
      id: c.id,
      sellers,
      payee: c.payee ?? sellers.join(' + '),
      clauseFile: c.clause ?? null,
      clauseText: c.clauseText ?? readFile(c.clause as string),
      effectiveDate: c.effectiveDate,
      timeZone: c.timeZone ?? portfolio.timeZone ?? 'UTC',
      asOf: c.asOf ?? portfolio.asOf,
      ...(c.fiscalYearStart !== undefined ? { fiscalYearStart: c.fiscalYearStart } : {}),
      ...(c.ledgerHolds !== undefined ? { ledgerHolds: c.ledgerHolds } : {}),
      schedule,
      scheduleErrors,
    };
  });
}

/** One contract's outcome: `result` is what `clause evaluate --json` prints for it alone. */
export interface ContractReport {
  id: string;
  sellers: string[];
  payee: string;
  clause: string | null;
  ok: boolean;
  result: ContractResult;
}

export type ContractResult =
  | (EvaluationReport & { clauseDiagnostics: Diagnostic[] })
  | { ok: false; valid: false; diagnostics: Diagnostic[] }
  | { ok: false; scheduleErrors: string[] }
  | { ok: false; contextError: string };

/** Obligations owed to one payee in one currency, summed over the portfolio's contracts. */
export interface RollupLine {
  payee: string;
  currency: string | null;
  /** Exact sum of the resolved amounts, with the currency's minor digits. */
  amount: string | null;
  obligations: number;
  /** Obligations whose amount the clause leaves undefined (not counted in `amount`). */
  unresolved: number;
  contracts: string[];
}

export interface PortfolioReport {
  ok: boolean;
  contracts: ContractReport[];
  /** Obligations of the contracts that evaluated, per payee and currency. */
  obligations: RollupLine[];
  rows: { total: number; assigned: number; unassigned: number; unreadable: number };
  /** Ids of the contracts that failed (invalid clause, schedule, context or data). */
  failed: string[];
  /**
   * Seller values of the portfolio that no ledger row has, per contract, with the closest ledger
   * names; also among that contract's diagnostics. Errors (and `ok: false`) with `strict`.
   */
  sellerProblems: Array<SellerProblem & { contract: string; severity: 'warning' | 'error'; message: string }>;
  /** How an export was read (mapped columns, formats, delimiter), when it was not the plain ledger. */
  ledgerNotes?: string[];
  /** The first 20 problems of rows that could not be given to a contract (no seller to route them by: a Total row, a repeated header). */
  unreadableRows?: RowIssue[];
}

export interface PortfolioOptions {
  /** A seller that matches no ledger row is an error, not a warning. */
  strict?: boolean;
  /** How the ledger writes dates and amounts (`CellFormats.of(reading)`); `evaluatePortfolio` reads it as a `reading`. */
  cellFormats?: CellFormats | null;
  /** `evaluatePortfolio`: how to read an export, as the command line's ledger options say it (src/ledger/ledger-reading.ts). */
  reading?: LedgerReading;
  /** The most contract-days kept at once; MAX_PORTFOLIO_DAYS unless given (tests give less). */
  maxContractDays?: number;
  /**
   * Where the contracts' customer tables may spill (the command line gives a temporary file); the
   * contracts share one memory budget (src/evaluation/spill-budget.ts). Absent: tables stay in memory.
   */
  scratchFiles?: ScratchFiles;
}

/** A contract whose clause, schedule and context are valid: it is being evaluated. */
interface OpenContract {
  contract: ResolvedContract;
  checked: ValidationResult;
  evaluation: ContractEvaluation;
}

/** How a seller cell and a contract's seller value are compared: normalized text, case-folded. */
export function sellerKey(value: string): string {
  return textKey(value);
}

/** The `seller` cell of a record (keys in any case), trimmed, or null. */
function sellerCell(record: LedgerRecord): string | null {
  let value = record.seller;
  if (value === undefined) {
    for (const key in record) {
      if (key.trim().toLowerCase() === 'seller') {
        value = record[key];
        break;
      }
    }
  }
  if (value === undefined || value === null) return null;
  const text = normalizeText(String(value));
  return text === '' ? null : text;
}

/**
 * The portfolio evaluation, a two-pass evaluation (two-pass.ts) like one contract's. A row's read
 * problem (`readIssue`) is reported just before the row itself.
 */
/**
 * The most contract-days (effective date to as-of date, summed over a portfolio's contracts) evaluated at once:
 * about 40 bytes a day each, so 10,000,000 days stay near 400 MB (300 contracts of 90 years each).
 */
export const MAX_PORTFOLIO_DAYS = 10_000_000;

export class PortfolioEvaluation implements TwoPassEvaluation<PortfolioReport> {
  /** Contracts have their own zones: rows are not fetched by day. */
  readonly rowDays = false;
  private readonly reports: Array<ContractReport | null> = [];
  private readonly live: Array<OpenContract | null> = [];
  private readonly bySeller = new Map<string, OpenContract[]>();
  /** Raw seller cell → contracts (a few hundred distinct sellers recur across millions of rows). */
  private readonly sellerCache = new Map<string, OpenContract[] | null>();
  /** One id index for all contracts, filled once per assigned row (see ContractEvaluation's constructor). */
  private readonly ids = new IdIndex();
  private crossing: Map<string, OpenContract[]> | null = null;
  private needs: SecondPassNeeds | null = null;
  private sawSecondPass = false;
  private readonly crossingCache = new Map<string, OpenContract[] | null>();
  private layout: ColumnLayout | null = null;
  private sellerAt = -1;
  private pending: RowIssue[] = [];
  private readonly unreadableIssues: RowIssue[] = [];
  private rowTotal = 0;
  private assigned = 0;
  private unreadable = 0;
  /** Seller keys that some row had, and the names of rows no contract covers (for suggestions). */
  private readonly matchedSellers = new Set<string>();
  private readonly unmatched = new UnmatchedSellers();
  private readonly strict: boolean;

  constructor(contracts: readonly ResolvedContract[], options: PortfolioOptions = {}) {
    this.strict = options.strict === true;
    for (const opened of openContracts(contracts, options)) {
      if ('failed' in opened) {
        this.reports.push(opened.failed);
        this.live.push(null);
        continue;
      }
      const { contract, checked, evaluation: evaluationOptions } = opened;
      const evaluation = new ContractEvaluation(checked.ast as DocumentNode, evaluationOptions, this.ids);
      const live: OpenContract = { contract, checked, evaluation };
      this.reports.push(null);
      this.live.push(live);
      for (const seller of new Set(contract.sellers.map(sellerKey))) {
        const list = this.bySeller.get(seller);
        if (list) list.push(live);
        else this.bySeller.set(seller, [live]);
      }
    }
  }

  /** The currencies the contracts being evaluated name (a ledger in minor units is read with their digits). */
  currencies(): string[] {
    const named = new Set<string>();
    for (const live of this.live) {
      const currency = live === null ? null : documentCurrency(live.checked.ast as DocumentNode);
      if (currency !== null) named.add(currency);
    }
    return [...named];
  }

  private lookup(raw: unknown, map: Map<string, OpenContract[]>, cache: Map<string, OpenContract[] | null>): OpenContract[] | null {
    if (raw === undefined || raw === null) return null;
    const text = typeof raw === 'string' ? raw : String(raw);
    let list = cache.get(text);
    if (list === undefined) {
      const key = sellerKey(text);
      list = map.get(key) ?? null;
      if (cache.size < 100_000) cache.set(text, list);
      // Once per distinct cell (while the cache has room): which sellers the ledger has.
      if (map === this.bySeller) {
        if (list === null) this.unmatched.add(text);
        else this.matchedSellers.add(key);
      }
    }
    return list;
  }

  /** A problem the reader found in the next row (sent just before it). */
  readIssue(issue: RowIssue): void {
    // Row 0 is the ledger as a whole (empty, not JSON): every contract fails with it.
    if (issue.row === 0) {
      for (const live of this.live) live?.evaluation.readIssue(issue);
      return;
    }
    this.pending.push(issue);
  }

  /** Routes pending read problems of `row` to its contracts; true when there were some. */
  private routeIssues(list: OpenContract[] | null, row: number): void {
    const mine = this.pending.filter((i) => i.row === row);
    this.pending = this.pending.filter((i) => i.row > row);
    if (mine.length === 0) return;
    if (list === null) {
      this.unreadable++;
      for (const issue of mine) if (this.unreadableIssues.length < 20) this.unreadableIssues.push(issue);
      return;
    }
    for (const live of list) for (const issue of mine) live.evaluation.readIssue(issue);
  }

  /** Returns NaN: a portfolio's rows have a day per contract zone, none for the reader (`rowDays` is false). */
  record(record: LedgerRecord, row: number): number {
    this.rowTotal++;
    const list = this.lookup(sellerCell(record), this.bySeller, this.sellerCache);
    if (this.pending.length > 0) this.routeIssues(list, row);
    if (list === null) return Number.NaN;
    this.assigned++;
    const id = idCellText(record);
    if (id !== null) this.ids.add(id);
    for (let i = 0; i < list.length; i++) list[i].evaluation.record(record, row);
    return Number.NaN;
  }

  header(names: readonly string[]): void {
    this.layout = columnLayout(names);
    this.sellerAt = sellerIndex(this.layout);
    for (const live of this.live) live?.evaluation.header(names);
  }

  cells(cells: readonly string[], row: number): number {
    this.rowTotal++;
    const at = this.sellerAt;
    const list = at >= 0 && at < cells.length ? this.lookup(cells[at], this.bySeller, this.sellerCache) : null;
    if (this.pending.length > 0) this.routeIssues(list, row);
    if (list === null) return Number.NaN;
    this.assigned++;
    const id = idCellOfCells(cells, this.layout as ColumnLayout);
    if (id !== null) this.ids.add(id);
    for (let i = 0; i < list.length; i++) list[i].evaluation.cells(cells, row);
    return Number.NaN;
  }

  /** Ends pass 1 (once): the sellers whose contracts need the rows again (crossing rows, suspect ids). */
  private endFirstPass(): Map<string, OpenContract[]> {
    if (this.crossing === null) {
      for (const issue of this.pending) if (this.unreadableIssues.length < 20) this.unreadableIssues.push(issue);
      this.unreadable += new Set(this.pending.map((i) => i.row)).size;
      this.pending = [];
      this.crossing = new Map();
      for (const [seller, list] of this.bySeller) {
        const wanting = list.filter((live) => live.evaluation.endPass1() !== null);
        if (wanting.length > 0) this.crossing.set(seller, wanting);
      }
    }
    return this.crossing;
  }

  /**
   * Ends pass 1: null when no contract needs the rows again; else, per seller (as `hashId` of its
   * key), the days its contracts need, and the ids that must be compared (as `hashId`).
   */
  endPass1(): SecondPassNeeds | null {
    const crossing = this.endFirstPass();
    if (crossing.size === 0) return null;
    if (this.needs === null) {
      const sellerDays = new Map<number, Set<number>>();
      for (const [seller, list] of crossing) {
        const h = hashId(seller);
        let days = sellerDays.get(h);
        if (days === undefined) sellerDays.set(h, (days = new Set()));
        for (const live of list) for (const d of (live.evaluation.endPass1() as SecondPassNeeds).days) days.add(d);
      }
      this.needs = { days: new Set(), suspectIdHashes: this.ids.suspects.size > 0 ? this.ids.suspectHashIds() : null, sellerDays };
    }
    return this.needs;
  }

  crossingRecord(record: LedgerRecord, row: number): void {
    const list = this.lookup(sellerCell(record), this.endFirstPass(), this.crossingCache);
    if (list === null) return;
    this.sawSecondPass = true;
    for (let i = 0; i < list.length; i++) list[i].evaluation.crossingRecord(record, row);
  }

  crossingCells(cells: readonly string[], row: number): void {
    const crossing = this.endFirstPass();
    const at = this.sellerAt;
    if (at < 0 || at >= cells.length) return;
    const list = this.lookup(cells[at], crossing, this.crossingCache);
    if (list === null) return;
    this.sawSecondPass = true;
    for (let i = 0; i < list.length; i++) list[i].evaluation.crossingCells(cells, row);
  }

  finish(): PortfolioReport {
    this.endFirstPass();
    // The ids' suspects are the whole portfolio's: a contract none of whose rows came back in the
    // second pass had none of them, which is an answer, not a skipped pass.
    if (this.sawSecondPass) for (const live of this.live) live?.evaluation.secondPassRead();
    const contracts: ContractReport[] = this.live.map((live, k) => {
      if (live === null) return this.reports[k] as ContractReport;
      return contractReport(live.contract, live.checked, live.evaluation.finish());
    });
    const sellerProblems = sellerProblemsOf(contracts, this.live.map((live) => live?.contract ?? null), this.matchedSellers, this.unmatched, this.strict);
    return portfolioReport(contracts, sellerProblems, { total: this.rowTotal, assigned: this.assigned, unreadable: this.unreadable }, this.strict);
  }

  /** Read problems no contract could be charged with (no known seller); the first 20. */
  get unassignedIssues(): readonly RowIssue[] {
    return this.unreadableIssues;
  }
}

/** A contract of a portfolio ready to evaluate (clause valid, schedule and context usable), or its failure report. */
export type OpenedContract =
  | { failed: ContractReport }
  | { contract: ResolvedContract; checked: ValidationResult & { ast: DocumentNode }; evaluation: EvaluationOptions };

/**
 * Checks each contract before any row is read, whichever engine evaluates it: its clause (each distinct
 * text parsed once), schedule, context, and the portfolio's day limit.
 */
export function openContracts(contracts: readonly ResolvedContract[], options: PortfolioOptions = {}): OpenedContract[] {
  // Contracts drawn from one template share its text: parse and check it once (never mutated).
  const checkedTexts = new Map<string, ValidationResult>();
  let contractDays = 0;
  const given = options.scratchFiles;
  const scratchFiles = given === undefined ? undefined : { ...given, budget: given.budget ?? new SpillBudget() };
  return contracts.map((contract): OpenedContract => {
    const base = { id: contract.id, sellers: contract.sellers, payee: contract.payee, clause: contract.clauseFile };
    // What the ledger holds changes the checks (a metric it cannot give), so it is part of the key.
    const key = `${contract.ledgerHolds ?? 'sales'}\u0000${contract.clauseText}`;
    let checked = checkedTexts.get(key);
    if (checked === undefined) checkedTexts.set(key, (checked = validate(contract.clauseText, { ledgerHolds: contract.ledgerHolds })));
    if (!checked.valid || !checked.ast) return { failed: { ...base, ok: false, result: { ok: false, valid: false, diagnostics: checked.diagnostics } } };
    if (contract.scheduleErrors !== undefined) return { failed: { ...base, ok: false, result: { ok: false, scheduleErrors: contract.scheduleErrors } } };
    const context = resolveContext({ effectiveDate: contract.effectiveDate, timeZone: contract.timeZone, asOf: contract.asOf });
    if (!context.ok) return { failed: { ...base, ok: false, result: { ok: false, contextError: context.message } } };
    // Each contract keeps a few numbers per day from its effective date to its as-of date: bound the sum
    // before allocating, so that a portfolio of contracts spanning millennia fails plainly instead of running
    // out of memory.
    const span = dayNumber(context.context.asOf) - dayNumber(context.context.effective) + 1;
    const maxDays = options.maxContractDays ?? MAX_PORTFOLIO_DAYS;
    if (span > 0 && contractDays + span > maxDays) {
      const message =
        `the portfolio's contracts span more than ${maxDays.toLocaleString('en-US')} days from effective date to as-of date in all ` +
        `(portfolio-too-large); this contract adds ${span.toLocaleString('en-US')}: split the portfolio or bring the dates closer`;
      return { failed: { ...base, ok: false, result: { ok: false, contextError: message } } };
    }
    if (span > 0) contractDays += span;
    return {
      contract,
      checked: checked as ValidationResult & { ast: DocumentNode },
      evaluation: {
        effectiveDate: contract.effectiveDate,
        timeZone: context.context.zone,
        asOf: contract.asOf,
        fiscalYearStart: contract.fiscalYearStart,
        ledgerHolds: contract.ledgerHolds,
        schedule: contract.schedule,
        cellFormats: options.cellFormats,
        scratchFiles,
      },
    };
  });
}

/** The report of one evaluated contract, as a portfolio lists it. */
export function contractReport(contract: ResolvedContract, checked: ValidationResult, report: EvaluationReport): ContractReport {
  return {
    id: contract.id,
    sellers: contract.sellers,
    payee: contract.payee,
    clause: contract.clauseFile,
    ok: report.ok,
    result: { ...report, clauseDiagnostics: checked.diagnostics },
  };
}

/**
 * Each evaluated contract's seller values that no row had, as diagnostics of that contract
 * (replacing `no-rows`, whose "the ledger has no rows" is not what happened) and as a list.
 * `evaluated[k]` is the k-th contract when it was evaluated, else null; `matched` the seller keys some row had.
 */
export function sellerProblemsOf(
  contracts: ContractReport[],
  evaluated: ReadonlyArray<ResolvedContract | null>,
  matched: ReadonlySet<string>,
  unmatched: UnmatchedSellers,
  strict: boolean,
): PortfolioReport['sellerProblems'] {
  const out: PortfolioReport['sellerProblems'] = [];
  const severity = strict ? 'error' : 'warning';
  contracts.forEach((c, k) => {
    const contract = evaluated[k];
    const result = c.result;
    if (contract === null || !('diagnostics' in result) || !('timeZone' in result)) return;
    const zoneWarning = zoneAbbreviationWarning(contract.timeZone);
    if (zoneWarning !== null) result.diagnostics.push({ code: 'zone-abbreviation', severity: 'warning', message: `contract ${c.id}: ${zoneWarning}` });
    const missing = [...new Set(contract.sellers)].filter((s) => !matched.has(sellerKey(s)));
    if (missing.length === 0) return;
    const matchedAny = missing.length < new Set(contract.sellers.map(sellerKey)).size;
    if (!matchedAny) result.diagnostics.splice(0, result.diagnostics.length, ...result.diagnostics.filter((d) => d.code !== 'no-rows'));
    for (const seller of missing) {
      const problem = unmatched.problem(seller);
      const message = sellerProblemMessage(c.id, problem, matchedAny);
      result.diagnostics.push({ code: problem.kind === 'near-miss' ? 'seller-near-miss' : 'seller-not-found', severity, message });
      out.push({ ...problem, contract: c.id, severity, message });
    }
  });
  return out;
}

/** The portfolio's report from its contracts' reports and the row counts. */
export function portfolioReport(
  contracts: ContractReport[],
  sellerProblems: PortfolioReport['sellerProblems'],
  rows: { total: number; assigned: number; unreadable: number },
  strict: boolean,
): PortfolioReport {
  const failed = contracts.filter((c) => !c.ok).map((c) => c.id);
  return {
    ok: failed.length === 0 && rows.unreadable === 0 && !(strict && sellerProblems.length > 0),
    contracts,
    obligations: rollup(contracts),
    rows: { total: rows.total, assigned: rows.assigned, unassigned: rows.total - rows.assigned - rows.unreadable, unreadable: rows.unreadable },
    failed,
    sellerProblems,
  };
}

/**
 * A portfolio's evaluation and the ledger translator it reads through (the command line's and the library's): only
 * the date is required of the header, since contracts differ in what they need (the rest is checked per contract and
 * row), and amounts in minor units are read with the digits of the contracts' currencies.
 */
export function portfolioReading(contracts: readonly ResolvedContract[], reading: LedgerReading, options: PortfolioOptions = {}): { evaluation: PortfolioEvaluation; translator: LedgerTranslator } {
  const translator: LedgerTranslator = new LedgerTranslator(reading, { required: ['date'], currency: null, currencies: () => evaluation.currencies() });
  const evaluation = new PortfolioEvaluation(contracts, { ...options, cellFormats: translator.formats });
  return { evaluation, translator };
}

/**
 * A portfolio over a ledger read whole (records and the reader's problems): both passes in memory,
 * each read problem routed just before its row; the ledger read as the command line reads it (ledger-reading.ts),
 * how it was read in `ledgerNotes`.
 */
export function evaluatePortfolio(contracts: readonly ResolvedContract[], ledger: ParsedLedger, options: PortfolioOptions = {}): PortfolioReport {
  const reading = readingWith(options.reading, options.cellFormats);
  const { evaluation, translator } = portfolioReading(contracts, reading, options);
  const split = reading.delimiter !== undefined ? { delimiter: reading.delimiter, given: true } : csvSplitOf(ledger.records);
  if (split !== undefined) translator.delimiterNote(split.delimiter, split.given);
  return withReading(readWhole(evaluation, translateLedger(ledger, translator)), translator, evaluation);
}

/**
 * The streaming entry of a portfolio, as `startEvaluation` is of one contract: the rows fed to it are read through
 * the portfolio's ledger translator as `evaluatePortfolio` reads them (cells split on `reading.delimiter`, a comma
 * when not given), how they were read in `ledgerNotes`.
 */
export function startPortfolioEvaluation(contracts: readonly ResolvedContract[], options: PortfolioOptions = {}): TwoPassEvaluation<PortfolioReport> {
  const reading = readingWith(options.reading, options.cellFormats);
  const { evaluation, translator } = portfolioReading(contracts, reading, options);
  if (reading.delimiter !== undefined) translator.delimiterNote(reading.delimiter, true);
  const read = readingEvaluation(evaluation, translator);
  return { ...read, finish: () => withReading(read.finish(), translator, evaluation) };
}

/**
 * What a portfolio's report says of its ledger besides each contract's result (the command line's and the
 * library's): how the export was read, and the rows no contract could be given.
 */
export function withReading(report: PortfolioReport, translator: LedgerTranslator, evaluation: PortfolioEvaluation): PortfolioReport {
  if (translator.notes.length > 0) report.ledgerNotes = translator.notes;
  if (evaluation.unassignedIssues.length > 0) report.unreadableRows = evaluation.unassignedIssues.slice(0, 20);
  return report;
}

/** `evaluatePortfolio` on a given evaluation (whose `unassignedIssues` the caller reads after). */
export function readWhole(evaluation: PortfolioEvaluation, ledger: ParsedLedger): PortfolioReport {
  const issues = new Map<number, RowIssue[]>();
  for (const issue of ledger.issues) issues.set(issue.row, [...(issues.get(issue.row) ?? []), issue]);
  for (const issue of issues.get(0) ?? []) evaluation.readIssue(issue);
  const routed: TwoPassEvaluation<PortfolioReport> = {
    rowDays: false,
    readIssue: (issue) => evaluation.readIssue(issue),
    header: (names) => evaluation.header(names),
    cells: (cells, row) => evaluation.cells(cells, row),
    record(record, row) {
      for (const issue of issues.get(row) ?? []) evaluation.readIssue(issue);
      return evaluation.record(record, row);
    },
    endPass1: () => evaluation.endPass1(),
    crossingCells: (cells, row) => evaluation.crossingCells(cells, row),
    crossingRecord: (record, row) => evaluation.crossingRecord(record, row),
    finish: () => evaluation.finish(),
  };
  return runInMemory(routed, ledger.records);
}

/** Sums obligations per payee and currency, payees and currencies in order of first appearance. */
export function rollup(contracts: readonly ContractReport[]): RollupLine[] {
  const entries: RollupEntry[] = [];
  for (const c of contracts) {
    if (!c.ok || !('obligations' in c.result)) continue;
    for (const o of c.result.obligations) entries.push({ payee: lineParties(c.payee, o).payee, contract: c.id, amount: o.amount, currency: o.currency });
  }
  return rollupOf(entries);
}

/** One amount owed to a payee under a contract (null: undefined by the clause). */
export interface RollupEntry {
  payee: string;
  contract: string;
  amount: string | null;
  currency: string | null;
}

/** Sums entries per payee and currency, in order of first appearance. */
export function rollupOf(entries: readonly RollupEntry[]): RollupLine[] {
  const lines = new Map<string, { line: RollupLine; sum: Dec | null }>();
  for (const e of entries) {
    const key = JSON.stringify([e.payee, e.currency]);
    let entry = lines.get(key);
    if (!entry) {
      entry = { line: { payee: e.payee, currency: e.currency, amount: null, obligations: 0, unresolved: 0, contracts: [] }, sum: null };
      lines.set(key, entry);
    }
    entry.line.obligations++;
    if (!entry.line.contracts.includes(e.contract)) entry.line.contracts.push(e.contract);
    if (e.amount === null) entry.line.unresolved++;
    else entry.sum = (entry.sum ?? new Dec(0)).plus(e.amount);
  }
  return [...lines.values()].map(({ line, sum }) => ({
    ...line,
    amount: sum === null ? null : line.currency === null ? sum.toFixed() : moneyString(sum, line.currency),
  }));
}

/** The roll-up as CSV for a payroll or accounts-payable import (header row, CRLF-free, UTF-8). */
export function rollupCsv(lines: readonly RollupLine[]): string {
  const out = ['payee,currency,amount,obligations,unresolved,contracts'];
  for (const l of lines) {
    out.push([csvCell(l.payee), csvCell(l.currency), csvCell(l.amount, true), csvCell(l.obligations), csvCell(l.unresolved), csvListCell(l.contracts)].join(','));
  }
  return `${out.join('\n')}\n`;
}
