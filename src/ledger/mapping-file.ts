/**
 * A ledger mapping file (`--mapping file.json`, schemas/ledger-mapping.schema.json): the column
 * mapping and reading options of `clause evaluate` kept with an export's format. Problems are
 * sentences with the JSON pointer of the place.
 */
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../schemas/ledger-mapping.schema.json';
import { parseDateFormat, DATE_FORMATS_SHOWN } from './cell-formats';
import type { LedgerReading } from './ledger-reading';
import { LEDGER_COLUMNS } from './column-mapping';

export type MappingFileResult = { ok: true; reading: LedgerReading } | { ok: false; errors: string[] };

let validator: ValidateFunction | null = null;

export function readMappingFile(data: unknown): MappingFileResult {
  validator ??= new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  if (!validator(data)) return { ok: false, errors: (validator.errors ?? []).map(describe) };
  const reading = data as LedgerReading;
  if (reading.dateFormat !== undefined && parseDateFormat(reading.dateFormat) === null) {
    return { ok: false, errors: [`dateFormat at /dateFormat: '${reading.dateFormat}' is not one of ${DATE_FORMATS_SHOWN}`] };
  }
  return { ok: true, reading };
}

function describe(e: ErrorObject): string {
  const at = e.instancePath === '' ? 'the mapping' : `${e.instancePath.slice(1).replace(/\//g, '.')} at ${e.instancePath}`;
  switch (e.keyword) {
    case 'additionalProperties': {
      const field = (e.params as { additionalProperty: string }).additionalProperty;
      return e.instancePath === '/columns'
        ? `${at} names '${field}', which is not a ledger column: use ${LEDGER_COLUMNS.join(', ')}`
        : `${at} has an unknown field '${field}': a mapping has columns, delimiter, encoding, dateFormat, decimalComma, sheet, amountUnit and hiddenRows`;
    }
    case 'enum':
      return `${at} must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `${at} must be ${e.instancePath === '' || e.instancePath === '/columns' ? 'an object' : `a ${(e.params as { type: string }).type}`}`;
    case 'minLength':
      return `${at} must not be empty`;
    case 'minProperties':
      return `${at} is empty: map at least one column, such as { "date": "Close Date" }`;
    default:
      return `${at} ${e.message ?? 'is invalid'}`;
  }
}
