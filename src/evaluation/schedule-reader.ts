/**
 * Reading payment schedules supplied as JSON (the types and the label lookup are src/evaluation/schedule.ts).
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
  if (!check(data)) return { ok: false, errors: (check.errors ?? []).map(describe) };
  const value = data as { currency: string; payments: Record<string, string | number> };
  if (!isCurrencyCode(value.currency)) return { ok: false, errors: [`currency '${value.currency}' is not an ISO 4217 code`] };
  const payments = new Map<string, Dec>();
  const errors: string[] = [];
  // Labels that name one milestone ("(i)" and "I") would pay whichever key came first.
  const byKey = new Map<string, string>();
  for (const [label, amount] of Object.entries(value.payments)) {
    const same = byKey.get(labelKey(label));
    if (same !== undefined) errors.push(`payments: '${same}' and '${label}' name the same milestone; keep one of them`);
    else byKey.set(labelKey(label), label);
    if (typeof amount === 'number' && inexactJsonNumber(amount)) {
      errors.push(`payments.${label} is a JSON number that may have been rounded when read (${amount}); quote the amount as a string to keep every digit`);
    }
    payments.set(label, new Dec(String(amount)));
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, schedule: { currency: value.currency, payments } };
}

/** Parses and validates a schedule text. */
export function parseSchedule(text: string): ScheduleResult {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, errors: [json.message] };
  return readSchedule(json.value);
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the schedule' : error.instancePath.slice(1).replace(/\//g, '.');
  switch (error.keyword) {
    case 'required':
      return `${where} needs '${(error.params as { missingProperty: string }).missingProperty}'`;
    case 'additionalProperties':
      return `${where} has an unknown field '${(error.params as { additionalProperty: string }).additionalProperty}'`;
    case 'pattern':
      return `${where} ${where.startsWith('currency') ? 'must be a three-letter ISO 4217 code such as USD' : 'must be a non-negative plain decimal such as "5000.00"'}`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}
