/**
 * Drafting: structured terms (the AST without ranges, as JSON) → canonical clause text.
 *
 * The terms are validated with the shipped JSON Schema (schemas/terms.schema.json), then
 * written with `format`, then the text is read back with `validate`: errors in it (a $0 target,
 * an impossible date, duplicate labels) are reported at the JSON pointer of the terms node they
 * are about, and the terms read back must equal the input (`termsOf`), so a draft never says
 * something other than the terms. Runs in browsers too (no Node built-ins).
 */
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../schemas/terms.schema.json';
import type { DocumentNode } from './ast';
import { validate } from './check';
import type { Diagnostic } from '../diagnostics';
import { format, FormatError, termsOf } from './format';

/** One problem with the terms: a JSON pointer into them ("" for the whole) and what is wrong. */
export interface TermsProblem {
  path: string;
  message: string;
  /** The diagnostic code when the problem was found by reading the drafted text back. */
  code?: string;
  severity: 'error' | 'warning';
}

export interface DraftResult {
  /** True when there is no error; `text` is then the clause text. */
  ok: boolean;
  text: string | null;
  /** Errors, and warnings about the drafted text (e.g. an unresolved "Section [X]"). */
  problems: TermsProblem[];
}

let validator: ValidateFunction | null = null;
let firstErrorValidator: ValidateFunction | null = null;

function schemaCheck(): ValidateFunction {
  validator ??= new Ajv2020({ allErrors: true, strict: true, discriminator: true, verbose: true }).compile(schema);
  return validator;
}

/**
 * Above this many milestones, invalid terms report their first problem only. ajv's `allErrors` mode
 * concatenates each referenced schema's errors onto all the errors so far, which is quadratic in the
 * number of problems (20,000 empty milestones took minutes); stopping at the first problem is linear.
 */
export const MAX_MILESTONES_FOR_ALL_PROBLEMS = 500;

function milestoneCount(data: unknown): number {
  const clauses = (data as { clauses?: unknown } | null)?.clauses;
  if (!Array.isArray(clauses)) return 0;
  let n = 0;
  for (const c of clauses) {
    const milestones = (c as { milestones?: unknown } | null)?.milestones;
    if (Array.isArray(milestones)) n += milestones.length;
  }
  return n;
}

/** Checks terms against the schema; null when they conform. */
export function checkTerms(data: unknown): TermsProblem[] | null {
  if (milestoneCount(data) > MAX_MILESTONES_FOR_ALL_PROBLEMS) {
    firstErrorValidator ??= new Ajv2020({ allErrors: false, strict: true, discriminator: true, verbose: true }).compile(schema);
    if (firstErrorValidator(data)) return null;
    const first = (firstErrorValidator.errors ?? [])[0];
    const note = ` (terms with more than ${MAX_MILESTONES_FOR_ALL_PROBLEMS} milestones report their first problem only)`;
    return [{ path: first?.instancePath ?? '', message: `${first ? describe(first) : 'does not match the schema'}${note}`, severity: 'error' }];
  }
  const check = schemaCheck();
  if (check(data)) return null;
  const seen = new Set<string>();
  const problems: TermsProblem[] = [];
  for (const error of check.errors ?? []) {
    if (error.keyword === 'if') continue; // always comes with the errors of the branch taken, which say more
    const problem = { path: error.instancePath, message: describe(error), severity: 'error' as const };
    const key = `${problem.path} ${problem.message}`;
    if (!seen.has(key)) problems.push(problem);
    seen.add(key);
  }
  return problems;
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  switch (error.keyword) {
    case 'required':
      return `missing the field '${String(params.missingProperty)}'`;
    case 'additionalProperties':
      return `unknown field '${String(params.additionalProperty)}'`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, not ${JSON.stringify(error.data)}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}, not ${JSON.stringify(error.data)}`;
    case 'discriminator':
      return params.error === 'mapping'
        ? `'kind' must be one of ${kindsOf(error.parentSchema)}, not ${JSON.stringify(params.tagValue)}`
        : `'kind' must be one of ${kindsOf(error.parentSchema)}`;
    case 'pattern':
    case 'type':
    case 'minimum':
    case 'maximum':
    case 'minLength':
      return description ? `must be ${description}, not ${JSON.stringify(error.data)}` : `${error.message ?? 'is invalid'}, not ${JSON.stringify(error.data)}`;
    default:
      return description ? `${error.message ?? 'is invalid'}: ${description}` : error.message ?? 'is invalid';
  }
}

/** The kinds a discriminated `oneOf` allows, for messages: '"revenue", "units", …'. */
function kindsOf(schemaNode: unknown): string {
  const branches = ((schemaNode as { oneOf?: unknown[] } | undefined)?.oneOf ?? []) as { $ref?: string; properties?: { kind?: { const?: string } } }[];
  const resolve = (b: (typeof branches)[number]): typeof b => (b.$ref ? ((schema.$defs as Record<string, unknown>)[b.$ref.split('/').pop()!] as typeof b) : b);
  return branches.map((b) => JSON.stringify(resolve(b).properties?.kind?.const)).join(', ');
}

const NUMBERED_HEADING = /^(Month|Quarter|Year) \d/;

/** Fills the optional spelling field `labelSource.text` from the label, as the grammar would build it. */
function completeLabels(document: DocumentNode): void {
  for (const clause of document.clauses) {
    for (const m of clause.milestones) {
      const source = m.labelSource;
      if (!source || typeof source.text === 'string' || m.label === null) continue;
      source.text =
        source.style === 'parenthesised' ? `(${m.label})` : source.style === 'dotted' ? `${m.label}.` : NUMBERED_HEADING.test(m.label) ? `${m.label} Milestone` : m.label;
    }
  }
}

/** The first JSON pointer at which two JSON values differ, or null when they are equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (a === b) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return path;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  if (Array.isArray(a) && (a as unknown[]).length !== (b as unknown[]).length) return path;
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}/${key}`);
    if (found !== null) return found;
  }
  return null;
}

/** The JSON pointer of the innermost node of `node` whose range holds `offset`. */
export function pathAt(node: unknown, offset: number, path = ''): string {
  if (node === null || typeof node !== 'object') return path;
  for (const [key, child] of Object.entries(node)) {
    if (key === 'range' || child === null || typeof child !== 'object') continue;
    const items: [string, unknown][] = Array.isArray(child) ? child.map((c, i) => [`${key}/${i}`, c]) : [[key, child]];
    for (const [sub, value] of items) {
      const range = (value as { range?: { start: { offset: number }; end: { offset: number } } }).range;
      if (range && range.start.offset <= offset && offset < Math.max(range.end.offset, range.start.offset + 1)) return pathAt(value, offset, `${path}/${sub}`);
    }
  }
  return path;
}

const valueAt = (root: unknown, pointer: string): unknown =>
  pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), root);

/**
 * The terms node a line of the canonical text was written from (see `format`): clauses separated
 * by a blank line; an enumerated clause's first line names its party, then one line per milestone;
 * a headed clause has one line per milestone; then one line per payment sentence.
 */
export function pathOfLine(document: DocumentNode, line: number): string {
  let first = 1;
  for (let c = 0; c < document.clauses.length; c++) {
    const clause = document.clauses[c];
    const intro = clause.form === 'enumerated' ? 1 : 0;
    const lines = intro + clause.milestones.length + clause.payments.length;
    if (line < first + lines) {
      const i = line - first;
      if (i < intro) return `/clauses/${c}/party/name`;
      if (i < intro + clause.milestones.length) return `/clauses/${c}/milestones/${i - intro}`;
      return `/clauses/${c}/payments/${i - intro - clause.milestones.length}`;
    }
    first += lines + 1;
  }
  return '';
}

/** Up to 60 characters of the line around `offset`, for messages. */
function excerpt(text: string, offset: number): string {
  const start = Math.max(text.lastIndexOf('\n', offset - 1) + 1, offset - 30);
  const lineEnd = text.indexOf('\n', offset);
  const end = Math.min(lineEnd === -1 ? text.length : lineEnd, start + 60);
  return `${start > 0 && text[start - 1] !== '\n' ? '…' : ''}${text.slice(start, end)}${end < (lineEnd === -1 ? text.length : lineEnd) ? '…' : ''}`;
}

/** Terms (parsed JSON) → clause text, or the problems that prevent it. Never throws on user input. */
export function draftTerms(data: unknown): DraftResult {
  const invalid = checkTerms(data);
  if (invalid) return { ok: false, text: null, problems: invalid };
  // Only the clauses: the other top-level fields of `clause validate --json` output are ignored.
  const definitions = (data as DocumentNode).definitions;
  const document = {
    kind: 'document',
    clauses: structuredClone((data as DocumentNode).clauses),
    ...(definitions !== undefined ? { definitions: structuredClone(definitions) } : {}),
  } as DocumentNode;
  completeLabels(document);
  let text: string;
  try {
    text = format(document);
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    return { ok: false, text: null, problems: [{ path: error.path, message: error.message.slice(error.message.indexOf(': ') + 2), severity: 'error' }] };
  }
  const read = validate(text);
  const problems: TermsProblem[] = read.diagnostics
    .filter((d): d is Diagnostic & { severity: 'error' | 'warning' } => d.severity !== 'info')
    .map((d) => ({
      path: read.ast ? pathAt(read.ast, d.offset) : pathOfLine(document, d.line),
      message: read.ast ? d.message : `the drafted text does not read back as a clause, at line ${d.line}, column ${d.column} ("${excerpt(text, d.offset)}"): ${d.message}`,
      code: d.code,
      severity: d.severity,
    }));
  if (read.ast) {
    const differs = firstDifference(termsOf(document), termsOf(read.ast));
    if (differs !== null) {
      problems.push({
        path: differs,
        message: `cannot be written as clause text that reads back the same: the text says ${JSON.stringify(valueAt(termsOf(read.ast), differs))} here instead of ${JSON.stringify(valueAt(termsOf(document), differs))}`,
        severity: 'error',
      });
    }
  }
  const ok = read.ast !== null && !problems.some((p) => p.severity === 'error');
  return { ok, text: ok ? text : null, problems };
}
