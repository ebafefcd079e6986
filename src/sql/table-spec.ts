/**
 * A ledger table as an engine describes it (column names and SQL types) → the spec the compiler
 * needs: which of the ledger's columns exist under which names, and how the date is typed.
 * Column names match case-insensitively, like a CSV header.
 */
import { sourceName, type DateColumnType, type LedgerSource, type LedgerTableSpec } from './compile';
import { SqlUnsupportedError } from './unsupported';

export interface DescribedColumn {
  name: string;
  /** The engine's type name, e.g. `DECIMAL(18,2)`, `numeric`, `timestamp with time zone`, `VARCHAR`. */
  type: string;
}

const LEDGER_COLUMNS = ['id', 'date', 'amount', 'units', 'currency', 'product', 'customer'] as const;

const TEXT = /^(varchar|text|character varying|string|char)/i;

/** The columns whose cells are read as values, never as a summary row's label (src/ledger/ledger-reading.ts). */
const NOT_LABELS = new Set(['date', 'amount', 'units', 'currency']);

/** Float types hold amounts inexactly: they are refused, never summed. */
const FLOAT = /^(double|float|real|float4|float8|double precision)\b/i;

function dateType(type: string): DateColumnType {
  const t = type.trim().toLowerCase();
  if (t === 'date') return 'date';
  if (t === 'timestamp with time zone' || t === 'timestamptz') return 'timestamptz';
  if (/^timestamp(_(s|ms|ns))?( without time zone)?(\(\d\))?$/.test(t) || /^timestamp\(\d\) without time zone$/.test(t)) return 'timestamp';
  if (/^(varchar|text|character varying|string|char)/.test(t)) return 'text';
  throw new SqlUnsupportedError('date column type', `the date column has type ${type}: use DATE, TIMESTAMP, TIMESTAMP WITH TIME ZONE, or text in the ledger's date forms`);
}

export function tableSpec(source: LedgerSource, columns: readonly DescribedColumn[], orderBy: string | null): LedgerTableSpec {
  const table = sourceName(source);
  const byName = new Map<string, DescribedColumn>();
  for (const c of columns) if (!byName.has(c.name.toLowerCase())) byName.set(c.name.toLowerCase(), c);
  const find = (name: string): DescribedColumn | null => byName.get(name.toLowerCase()) ?? null;
  const date = find('date');
  if (!date) throw new SqlUnsupportedError('date column', `the table ${table} has no 'date' column (columns: ${columns.map((c) => c.name).join(', ')})`);
  const order = orderBy === null ? find('row') : find(orderBy);
  if (!order) {
    throw new SqlUnsupportedError(
      'order column',
      orderBy === null
        ? `the table ${table} has no 'row' column: ties between sales at the same instant are broken by input order, so give a unique row-number column, or name one with --order-by`
        : `the table ${table} has no column '${orderBy}' for --order-by`,
    );
  }
  if (!/int|numeric|decimal/i.test(order.type)) {
    throw new SqlUnsupportedError('order column type', `the order column '${order.name}' has type ${order.type}: it must be an integer row number`);
  }
  for (const name of ['amount', 'units']) {
    const c = find(name);
    if (c && FLOAT.test(c.type)) {
      throw new SqlUnsupportedError(
        `${name} column type`,
        `the ${name} column has the binary floating-point type ${c.type}, which cannot hold decimal amounts exactly: store it as DECIMAL/NUMERIC (or text)`,
      );
    }
  }
  const spec: LedgerTableSpec = {
    source,
    columns: { order: order.name, date: date.name },
    dateType: dateType(date.type),
    textColumns: columns.filter((c) => TEXT.test(c.type.trim())).map((c) => c.name),
    // A total's label sits in a text column: in the date, amount, units or currency column it is already that cell's error (as the reader has it).
    labelColumns: columns.filter((c) => TEXT.test(c.type.trim()) && c.name !== order.name && !NOT_LABELS.has(c.name.trim().toLowerCase())).map((c) => c.name),
  };
  for (const name of LEDGER_COLUMNS) {
    if (name === 'date') continue;
    const c = find(name);
    if (c) spec.columns[name] = c.name;
  }
  return spec;
}
