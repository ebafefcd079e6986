/**
 * Portfolios (issue 4): many contracts evaluated against one sales ledger in one pass over the
 * rows (plus at most one more, to name the crossing rows).
 *
 * Each contract covers the rows whose `seller` cell is one of its seller values (trimmed, compared
 * case-insensitively), and its result is exactly the evaluation of its clause over those rows
 * alone, with their row numbers in the whole ledger: rows are dispatched by seller to per-contract
 * `Evaluation`s, so a row is normalized once per contract that covers it (once, when sellers are
 * not shared), never once per contract in the portfolio. A contract whose clause does not
 * validate is reported with its diagnostics and does not stop the others.
 *
 * Browser-safe like the evaluator: file reading (clause files, schedules) lives in the CLI, which
 * hands over texts.
 */
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../spec/schemas/portfolio.schema.json';
import { validate, type ValidationResult } from './check';
import type { Diagnostic } from './diagnostics';
import { createEvaluation, type Evaluation, type EvaluationReport } from './evaluate';
import type { LedgerRecord, RowIssue } from './ledger';
import { Dec, moneyString } from './money';
import { resolveContext } from './periods';
import { readSchedule, type Schedule } from './schedule';

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
  schedule?: string | Record<string, unknown>;
}

export interface PortfolioInput {
  asOf?: string;
  timeZone?: string;
  contracts: PortfolioContractInput[];
}

export type PortfolioReadResult = { ok: true; portfolio: PortfolioInput } | { ok: false; errors: string[] };

let validator: ValidateFunction | null = null;

/** Validates a parsed portfolio file against spec/schemas/portfolio.schema.json, then ids are unique. */
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
          const text = readFile(c.schedule);
          data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
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
}

interface Live {
  contract: ResolvedContract;
  checked: ValidationResult;
  evaluation: Evaluation;
}

function sellerKey(value: string): string {
  return value.trim().toLowerCase();
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
  const text = String(value).trim();
  return text === '' ? null : text;
}

/**
 * The portfolio evaluation: `addRecord` for every row, then (when `needsCrossingPass()`)
 * `addCrossingRecord` for every row again, then `finish`.
 */
export class PortfolioEvaluation {
  private readonly reports: Array<ContractReport | null> = [];
  private readonly live: Array<Live | null> = [];
  private readonly bySeller = new Map<string, Live[]>();
  private rowTotal = 0;
  private assigned = 0;
  private unreadable = 0;
  private crossing: Map<string, Live[]> | null = null;

  constructor(contracts: readonly ResolvedContract[]) {
    for (const contract of contracts) {
      const base = { id: contract.id, sellers: contract.sellers, payee: contract.payee, clause: contract.clauseFile };
      const checked = validate(contract.clauseText);
      if (!checked.valid || !checked.ast) {
        this.reports.push({ ...base, ok: false, result: { ok: false, valid: false, diagnostics: checked.diagnostics } });
        this.live.push(null);
        continue;
      }
      if (contract.scheduleErrors !== undefined) {
        this.reports.push({ ...base, ok: false, result: { ok: false, scheduleErrors: contract.scheduleErrors } });
        this.live.push(null);
        continue;
      }
      const context = resolveContext({ effectiveDate: contract.effectiveDate, timeZone: contract.timeZone, asOf: contract.asOf });
      if (!context.ok) {
        this.reports.push({ ...base, ok: false, result: { ok: false, contextError: context.message } });
        this.live.push(null);
        continue;
      }
      const evaluation = createEvaluation(checked.ast, {
        effectiveDate: contract.effectiveDate,
        timeZone: context.context.zone,
        asOf: contract.asOf,
        schedule: contract.schedule,
      });
      const live: Live = { contract, checked, evaluation };
      this.reports.push(null);
      this.live.push(live);
      for (const seller of new Set(contract.sellers.map(sellerKey))) {
        const list = this.bySeller.get(seller);
        if (list) list.push(live);
        else this.bySeller.set(seller, [live]);
      }
    }
  }

  private contractsFor(record: LedgerRecord): Live[] | undefined {
    const seller = sellerCell(record);
    return seller === null ? undefined : this.bySeller.get(sellerKey(seller));
  }

  /** Pass 1: one record, any order. */
  addRecord(record: LedgerRecord, row: number): void {
    this.rowTotal++;
    const list = this.contractsFor(record);
    if (list === undefined) return;
    this.assigned++;
    for (let i = 0; i < list.length; i++) list[i].evaluation.addRecord(record, row);
  }

  /**
   * A row the reader could not read (malformed CSV or JSON). It goes to the contracts of its
   * seller cell when one can be read; otherwise it is counted as unreadable and the portfolio
   * fails, since it might have belonged to any contract.
   */
  addReadIssue(issue: RowIssue, record: LedgerRecord): void {
    const list = this.contractsFor(record);
    if (list === undefined) {
      this.unreadable++;
      this.unreadableIssues.push(issue);
      return;
    }
    for (const live of list) live.evaluation.addReadIssue(issue);
  }

  private readonly unreadableIssues: RowIssue[] = [];

  /** Ends pass 1; whether any contract needs the rows again to name its crossing rows. */
  needsCrossingPass(): boolean {
    this.crossing = new Map();
    for (const [seller, list] of this.bySeller) {
      const wanting = list.filter((live) => live.evaluation.crossingDays().length > 0);
      if (wanting.length > 0) this.crossing.set(seller, wanting);
    }
    return this.crossing.size > 0;
  }

  /** Pass 2: the same records again. */
  addCrossingRecord(record: LedgerRecord, row: number): void {
    if (this.crossing === null) this.needsCrossingPass();
    const seller = sellerCell(record);
    if (seller === null) return;
    const list = (this.crossing as Map<string, Live[]>).get(sellerKey(seller));
    if (list === undefined) return;
    for (let i = 0; i < list.length; i++) list[i].evaluation.addCrossingRecord(record, row);
  }

  finish(): PortfolioReport {
    const contracts: ContractReport[] = this.live.map((live, k) => {
      if (live === null) return this.reports[k] as ContractReport;
      const report = live.evaluation.finish();
      const { contract } = live;
      return {
        id: contract.id,
        sellers: contract.sellers,
        payee: contract.payee,
        clause: contract.clauseFile,
        ok: report.ok,
        result: { ...report, clauseDiagnostics: live.checked.diagnostics },
      };
    });
    const failed = contracts.filter((c) => !c.ok).map((c) => c.id);
    return {
      ok: failed.length === 0 && this.unreadable === 0,
      contracts,
      obligations: rollup(contracts),
      rows: { total: this.rowTotal, assigned: this.assigned, unassigned: this.rowTotal - this.assigned - this.unreadable, unreadable: this.unreadable },
      failed,
    };
  }

  /** Read problems that no contract could be charged with (no readable seller). */
  get unassignedIssues(): readonly RowIssue[] {
    return this.unreadableIssues;
  }
}

/** Sums obligations per payee and currency, payees and currencies in order of first appearance. */
export function rollup(contracts: readonly ContractReport[]): RollupLine[] {
  const lines = new Map<string, { line: RollupLine; sum: Dec | null }>();
  for (const c of contracts) {
    if (!c.ok || !('obligations' in c.result)) continue;
    for (const o of c.result.obligations) {
      const key = JSON.stringify([c.payee, o.currency]);
      let entry = lines.get(key);
      if (!entry) {
        entry = { line: { payee: c.payee, currency: o.currency, amount: null, obligations: 0, unresolved: 0, contracts: [] }, sum: null };
        lines.set(key, entry);
      }
      entry.line.obligations++;
      if (!entry.line.contracts.includes(c.id)) entry.line.contracts.push(c.id);
      if (o.amount === null) entry.line.unresolved++;
      else entry.sum = (entry.sum ?? new Dec(0)).plus(o.amount);
    }
  }
  return [...lines.values()].map(({ line, sum }) => ({
    ...line,
    amount: sum === null ? null : line.currency === null ? sum.toFixed() : moneyString(sum, line.currency),
  }));
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The roll-up as CSV for a payroll or accounts-payable import (header row, CRLF-free, UTF-8). */
export function rollupCsv(lines: readonly RollupLine[]): string {
  const out = ['payee,currency,amount,obligations,unresolved,contracts'];
  for (const l of lines) {
    out.push([l.payee, l.currency ?? '', l.amount ?? '', String(l.obligations), String(l.unresolved), l.contracts.join(';')].map(csvField).join(','));
  }
  return `${out.join('\n')}\n`;
}
