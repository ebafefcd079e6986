/**
 * Reading schedules (payment amounts and targets by milestone label) supplied as JSON (the types and the label lookup are src/evaluation/schedule.ts).
 *
 * Validated with the shipped JSON Schema (schemas/schedule.schema.json) so that tools
 * writing schedules can use the same contract; the checks ajv cannot express (a known currency
 * code) follow.
 */
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../schemas/schedule.schema.json';
import { Dec, isCurrencyCode } from '../values/money';
import { parseJsonText } from '../json-text';
import { inexactJsonNumber } from '../ledger/normalize';
import { labelKey, type Schedule } from './schedule';

export type ScheduleResult = { ok: true; schedule: Schedule } | { ok: false; errors: string[] };

let validator: ValidateFunction | null = null;

function validate(): ValidateFunction {
  // Compiled on first use: the playground loads this module even when no schedule is given.
  validator ??= new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  return validator;
}

/** Validates a parsed JSON value as a schedule. */
export function readSchedule(data: unknown): ScheduleResult {
  const check = validate();
  if (!check(data)) return { ok: false, errors: describeAll(check.errors ?? [], data) };
  const value = data as { currency: string; payments?: Record<string, string | number>; targets?: Record<string, string | number> };
  if (!isCurrencyCode(value.currency)) return { ok: false, errors: [`currency at /currency: '${value.currency}' is not an ISO 4217 code (such as USD, EUR, GBP)`] };
  const errors: string[] = [];
  const payments = figuresOf('payments', 'amount', value.payments, errors);
  const targets = figuresOf('targets', 'target', value.targets, errors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, schedule: { currency: value.currency, payments, targets } };
}

/** One field of figures by label, exact; what cannot be read exactly is added to `errors`. */
function figuresOf(field: string, what: string, figures: Record<string, string | number> | undefined, errors: string[]): Map<string, Dec> {
  const out = new Map<string, Dec>();
  // Labels that name one milestone ("(i)" and "I") would give whichever key came first.
  const byKey = new Map<string, string>();
  for (const [label, amount] of Object.entries(figures ?? {})) {
    const same = byKey.get(labelKey(label));
    if (same !== undefined) errors.push(`${field}: '${same}' and '${label}' name the same milestone; keep one of them`);
    else byKey.set(labelKey(label), label);
    if (typeof amount === 'number' && inexactJsonNumber(amount)) {
      errors.push(`${field}.${label} is a JSON number that may have been rounded when read (${amount}); quote the ${what} as a string to keep every digit`);
    }
    out.set(label, new Dec(String(amount)));
  }
  return out;
}

/** Parses and validates a schedule text. */
export function parseSchedule(text: string): ScheduleResult {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, errors: [json.message] };
  return readSchedule(json.value);
}

/**
 * One sentence per place that is wrong, in words, with its JSON pointer. ajv reports a bad amount
 * several times (each `oneOf` branch, then the `oneOf` itself); those become one message.
 */
function describeAll(errors: readonly ErrorObject[], data: unknown): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const error of errors) {
    const message = describe(error, data);
    if (!seen.has(message)) {
      seen.add(message);
      out.push(message);
    }
  }
  return out;
}

function describe(error: ErrorObject, data: unknown): string {
  const pointer = error.instancePath;
  const at = pointer === '' ? 'the schedule' : pointer;
  const figure = /^\/(payments|targets)\/(.+)$/.exec(pointer);
  if (figure !== null) {
    const label = figure[2].replace(/~1/g, '/').replace(/~0/g, '~');
    const what = figure[1] === 'payments' ? 'amount' : 'target';
    return `${figure[1]}.${label} at ${pointer}: the ${what} for milestone '${label}' must be a non-negative plain decimal such as "2500.00" (a string keeps it exact) or a JSON number, not ${shown(valueAt(data, pointer))}`;
  }
  switch (error.keyword) {
    case 'required':
      return `${pointer === '' ? 'the schedule' : at} needs '${(error.params as { missingProperty: string }).missingProperty}' (a schedule is { "currency": "USD", "payments": { "i": "2500.00" } })`;
    case 'minProperties':
      if (pointer !== '') return `${pointer.slice(1)} at ${pointer} is empty: give each milestone label with its figure, such as { "i": "2500.00" }`;
      // The top level's two fields are the currency and at least one of the figures.
      return `the schedule needs "payments" (amounts by milestone label), "targets" (targets by milestone label) or both, such as { "currency": "USD", "targets": { "a": "1000000" } }`;
    case 'additionalProperties':
      return `${at} has an unknown field '${(error.params as { additionalProperty: string }).additionalProperty}': a schedule has only "currency", "payments" and "targets"`;
    case 'propertyNames':
      return `${pointer.slice(1)} at ${pointer} has an empty label: use the milestone's label, such as "i" or "Month 1"`;
    default:
      if (pointer === '/currency') return `currency at /currency must be a three-letter ISO 4217 code such as USD, not ${shown(valueAt(data, pointer))}`;
      if (pointer === '/payments') return `payments at /payments must be an object of milestone label to amount, such as { "i": "2500.00" }`;
      if (pointer === '/targets') return `targets at /targets must be an object of milestone label to target, such as { "a": "1000000" }`;
      if (pointer === '') return 'the schedule must be a JSON object such as { "currency": "USD", "payments": { "i": "2500.00" } }';
      return `${at} ${error.message ?? 'is invalid'}`;
  }
}

/** The value a JSON pointer names, or undefined. */
function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const part of pointer.split('/').slice(1)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

function shown(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
