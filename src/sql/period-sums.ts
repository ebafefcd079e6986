/**
 * Totals of gross or net revenue over local days that are not a milestone instance's window: the periods of a payment
 * definition stopped at a level (level-stop.ts), the same quarter a year before for a rate on the growth. Planned in
 * TypeScript (each an index), summed by the query from its day sums (result rows of kind 'sum': seq the index, v1 the
 * total), and read back by index in the report.
 */
import { formatIsoDate, fromDayNumber } from '../time/periods';
import type { SqlDialect } from './dialect';

export interface PeriodSum {
  basis: 'gross' | 'net';
  /** Local days `[from, to)`; empty when `to <= from`. */
  from: number;
  to: number;
}

export class PeriodSums {
  readonly list: PeriodSum[] = [];

  /** The index of the total of `basis` over `[from, to)`, the key of its result row. */
  add(basis: 'gross' | 'net', from: number, to: number): number {
    this.list.push({ basis, from, to });
    return this.list.length - 1;
  }
}

/** The CTE and result rows of every planned total; none when no total is planned. */
export function periodSumsSql(sums: readonly PeriodSum[], p: { bind(value: string | number, type: string): string }, dialect: SqlDialect): { ctes: string[]; selects: string[] } {
  if (sums.length === 0) return { ctes: [], selects: [] };
  const day = (n: number): string => p.bind(formatIsoDate(fromDayNumber(n)), 'DATE');
  const rows = sums.map((s, k) => `(${p.bind(k, dialect.integer)}, ${p.bind(s.basis === 'net' ? 1 : 0, dialect.integer)}, ${day(s.from)}, ${day(s.to)})`);
  const D = dialect.decimal;
  const T = dialect.text;
  const nullText = `CAST(NULL AS ${T})`;
  return {
    ctes: [`period_sums (k, net, from_day, to_day) AS (\n  VALUES\n    ${rows.join(',\n    ')}\n)`],
    selects: [
      `SELECT 'sum', CAST(NULL AS ${dialect.integer}), ps.k, ${nullText}, CAST(NULL AS ${dialect.integer}), ${nullText}, ` +
        `CAST(COALESCE(SUM(CASE WHEN ps.net = 1 THEN dd.net ELSE dd.gross END), CAST(0 AS ${D})) AS ${T}), ${nullText}, ${nullText}, ${nullText}, ${nullText}, ${nullText}\n` +
        `  FROM period_sums AS ps LEFT JOIN days AS dd ON dd.d >= ps.from_day AND dd.d < ps.to_day GROUP BY ps.k`,
    ],
  };
}
