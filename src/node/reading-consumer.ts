/**
 * Puts a ledger reading (column mapping and the checks for problems that would repeat on every row:
 * src/ledger/ledger-reading.ts) between a streamed reader and a two-pass consumer, so the streamed path
 * reads exports exactly as the in-memory one does; the cells' formats are read by the evaluation's
 * normalizer (`translator.formats`). After a problem that would repeat on every row (`translator.fatal`) the
 * consumer gets that one error and no more rows.
 */
import type { LedgerTranslator } from '../ledger/ledger-reading';
import type { TwoPassConsumer } from './stream-evaluate';

export function readingConsumer(inner: TwoPassConsumer, translator: LedgerTranslator): TwoPassConsumer {
  let stopped = false;
  /** True when the translator has just found the ledger's one error: it is passed on, the rest is not. */
  const halted = (): boolean => {
    if (stopped) return true;
    if (translator.fatal === null) return false;
    stopped = true;
    inner.readIssue(translator.fatal);
    return true;
  };
  return {
    readIssue(issue) {
      if (!stopped) inner.readIssue(issue);
    },
    header(names) {
      const mapped = translator.header(names);
      if (!halted()) inner.header(mapped);
    },
    cells(cells, row) {
      if (stopped) return;
      translator.cells(cells, row);
      if (!halted()) inner.cells(cells, row);
    },
    record(record, row) {
      if (stopped) return;
      const renamed = translator.record(record, row);
      if (!halted()) inner.record(renamed, row);
    },
    needsSecondPass: () => !stopped && inner.needsSecondPass(),
    rowFilter: () => inner.rowFilter(),
    crossingCells(cells, row) {
      if (!stopped) inner.crossingCells(cells, row);
    },
    crossingRecord(record, row) {
      if (!stopped) inner.crossingRecord(translator.record(record, row), row);
    },
    ...(inner.rowDay !== undefined ? { rowDay: () => (inner.rowDay as () => number)() } : {}),
    ...(inner.secondPassDays !== undefined ? { secondPassDays: () => (inner.secondPassDays as () => ReadonlySet<number> | null)() } : {}),
  };
}
