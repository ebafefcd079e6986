/** "Try it": contract context + ledger (+ schedule) → milestone results, obligations and a chart. */
import type { DocumentNode } from '@engine/language/ast';
import type { ChartSeries, EvaluationReport, EvaluationSuccess, Obligation } from '@engine/evaluation/evaluate';
import type { LedgerFormat } from '@engine/ledger/rows';
import type { Schedule } from '@engine/evaluation/schedule';
import { formatMoney } from '@engine/values/money';
import { byId, download, h, table } from './dom';
import { LEDGERS, SCHEDULES, type CorpusCase } from './examples';
import { loadContext, saveContext, type Context } from './storage';

type Engine = typeof import('./evaluation');
/** Columns of the downloads that hold decimals or counts: kept numeric, not escaped as text. */
const NUMERIC_COLUMNS = new Set(['clause', 'period', 'amount', 'target', 'total', 'progress', 'achievedByRow']);
let enginePromise: Promise<Engine> | null = null;
const loadEngine = (): Promise<Engine> => (enginePromise ??= import('./evaluation'));

interface Ledger {
  name: string;
  text: string;
  format: LedgerFormat;
}

export interface TryIt {
  /** Called with each new analysis: re-evaluates when a ledger is loaded. */
  setDocument(ast: DocumentNode | null, valid: boolean): void;
  /** The clause's milestone labels, for the schedule template. */
  setLabels(labels: string[], currency: string | null): void;
  /** A corpus case's ledger, context and schedule (the clause goes to the editor). */
  loadSample(name: string, sample: CorpusCase): void;
}

function formatOf(name: string): LedgerFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  if (lower.endsWith('.json')) return 'json';
  return 'csv';
}

/** Rows of a ledger text, for the status line: lines less the header, lines, or a JSON array's length. */
function rowCount(l: Ledger): string {
  const lines = l.text.split(/\r?\n/).filter((line) => line.trim() !== '').length;
  if (l.format === 'csv') return String(lines - 1);
  if (l.format === 'ndjson') return String(lines);
  try {
    const parsed: unknown = JSON.parse(l.text);
    return Array.isArray(parsed) ? String(parsed.length) : '?';
  } catch {
    return '?';
  }
}

const STATUS_WORD = { met: 'Met', missed: 'Missed', pending: 'Pending' } as const;

export function setupTryIt(): TryIt {
  const form = byId<HTMLFormElement>('tryit-form');
  const effective = byId<HTMLInputElement>('effective-date');
  const zone = byId<HTMLInputElement>('time-zone');
  const asOf = byId<HTMLInputElement>('as-of');
  const sample = byId<HTMLSelectElement>('ledger-sample');
  const file = byId<HTMLInputElement>('ledger-file');
  const drop = byId('ledger-drop');
  const ledgerInfo = byId('ledger-info');
  const schedule = byId<HTMLTextAreaElement>('schedule');
  const scheduleSample = byId<HTMLSelectElement>('schedule-sample');
  const templateButton = byId<HTMLButtonElement>('schedule-template');
  const status = byId('eval-status');
  const errors = byId('eval-errors');
  const results = byId('results-area');
  const obligations = byId('obligations-area');
  const notes = byId('eval-notes');
  const chart = byId('chart');
  const downloads = byId('downloads');

  const zones = byId<HTMLDataListElement>('zones');
  try {
    const names = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
    zones.replaceChildren(...['UTC', ...names].map((n) => h('option', { value: n })));
  } catch {
    /* an old browser: free text only */
  }

  for (const l of LEDGERS) sample.append(h('option', { value: l.file }, l.file));
  for (const s of SCHEDULES) scheduleSample.append(h('option', { value: s.file }, s.file));

  const saved = loadContext();
  effective.value = saved.effectiveDate;
  zone.value = saved.timeZone;
  asOf.value = saved.asOf;
  schedule.value = saved.schedule;

  let ledger: Ledger | null = null;
  let ast: DocumentNode | null = null;
  let valid = false;
  let labels: string[] = [];
  let currency: string | null = null;
  let report: EvaluationReport | null = null;
  /** Evaluation options a loaded corpus case gives beyond the three fields (a fiscal year start, …), passed as they are. */
  let extraOptions: Record<string, unknown> = {};
  let awaitingClause = false;

  const context = (): Context => ({ effectiveDate: effective.value, timeZone: zone.value.trim() || 'UTC', asOf: asOf.value, schedule: schedule.value, ledgerSample: ledger && LEDGERS.some((l) => l.file === ledger!.name) ? ledger.name : '' });

  const useLedger = (next: Ledger | null): void => {
    ledger = next;
    if (!next || !next.name.startsWith('corpus:')) extraOptions = {};
    if (next) {
      ledgerInfo.textContent = `Ledger: ${next.name} (${next.format.toUpperCase()}, ${rowCount(next)} rows)`;
    } else {
      ledgerInfo.textContent = 'No ledger loaded yet.';
    }
    saveContext(context());
    run();
  };

  sample.addEventListener('change', () => {
    const found = LEDGERS.find((l) => l.file === sample.value);
    useLedger(found ? { name: found.file, text: found.text, format: formatOf(found.file) } : null);
  });
  scheduleSample.addEventListener('change', () => {
    const found = SCHEDULES.find((s) => s.file === scheduleSample.value);
    if (found) {
      schedule.value = found.text;
      changed();
    }
    scheduleSample.value = '';
  });
  const readFile = async (f: File): Promise<void> => {
    sample.value = '';
    useLedger({ name: f.name, text: await f.text(), format: formatOf(f.name) });
  };
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (f) void readFile(f);
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('dragging');
    const f = e.dataTransfer?.files?.[0];
    if (f) void readFile(f);
  });
  // A file dropped elsewhere on the page must not replace the page (and lose the work).
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());
  templateButton.addEventListener('click', () => {
    const payments = Object.fromEntries(labels.map((l) => [l, '0.00']));
    schedule.value = JSON.stringify({ currency: currency ?? 'USD', payments }, null, 2);
    changed();
    schedule.focus();
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = (): void => {
    saveContext(context());
    clearTimeout(timer);
    timer = setTimeout(run, 300);
  };
  for (const el of [effective, zone, asOf, schedule]) el.addEventListener('input', changed);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    saveContext(context());
    run();
  });

  /** The JSON download is offered for failures too (it lists the problems); the CSVs only for results. */
  function showDownloads(complete: boolean): void {
    downloads.hidden = false;
    for (const id of ['download-csv', 'download-obligations-csv']) byId<HTMLButtonElement>(id).hidden = !complete;
  }

  function clearOutput(message: string): void {
    report = null;
    status.textContent = message;
    errors.replaceChildren();
    results.replaceChildren();
    obligations.replaceChildren();
    notes.replaceChildren();
    chart.replaceChildren();
    downloads.hidden = true;
  }

  let runs = 0;
  function run(): void {
    clearTimeout(timer);
    const ticket = ++runs;
    if (awaitingClause) return clearOutput('Reading the clause…');
    if (!ledger) return clearOutput('Load a ledger to evaluate the clause.');
    if (!ast || !valid) return clearOutput('The clause has errors: fix them to evaluate it.');
    if (!effective.value) return clearOutput('Enter the effective date.');
    loadEngine().then(
      (engine) => {
        if (ticket === runs) runWith(engine);
      },
      (e: Error) => clearOutput(`The evaluator could not be loaded: ${e.message}`),
    );
  }

  function runWith({ evaluateWithSeries, parseLedgerText, parseSchedule, renderChart }: Engine): void {
    if (!ledger || !ast) return;
    let parsedSchedule: Schedule | null = null;
    if (schedule.value.trim() !== '') {
      const read = parseSchedule(schedule.value);
      if (!read.ok) {
        clearOutput('The schedule is not valid.');
        errors.replaceChildren(h('ul', {}, ...read.errors.map((e) => h('li', {}, `Schedule: ${e}`))));
        return;
      }
      parsedSchedule = read.schedule;
    }
    const parsed = parseLedgerText(ledger.text, ledger.format);
    const started = performance.now();
    let series: ChartSeries[] = [];
    try {
      // The whole reading (records, the reader's problems, the CSV's delimiter), checked as the command line checks an export.
      ({ report, series } = evaluateWithSeries(ast, parsed, {
        ...extraOptions,
        effectiveDate: effective.value,
        timeZone: zone.value.trim() || 'UTC',
        asOf: asOf.value || undefined,
        schedule: parsedSchedule,
      }));
    } catch (e) {
      clearOutput(`The evaluator failed: ${(e as Error).message}`);
      return;
    }
    const millis = performance.now() - started;
    if (!report.ok) {
      const failure = report;
      clearOutput(`The evaluation failed: ${failure.errorCount} problem${failure.errorCount === 1 ? '' : 's'} in the inputs.`);
      errors.replaceChildren(
        h(
          'ul',
          {},
          ...failure.errors.map((e) => h('li', {}, e.row ? `Row ${e.row}${e.column ? `, column ${e.column}` : ''}${e.value ? ` ('${e.value}')` : ''}: ` : '', e.message)),
          failure.errorCount > failure.errors.length ? h('li', {}, `… and ${failure.errorCount - failure.errors.length} more`) : null,
        ),
      );
      report = failure;
      showDownloads(false);
      return;
    }
    renderReport(report, millis);
    renderChart(chart, report, series, ast);
  }

  function renderReport(r: EvaluationSuccess, millis: number): void {
    const met = r.milestones.filter((m) => m.status === 'met').length;
    status.textContent = `Evaluated as of ${r.asOf} in ${r.timeZone}: ${met} of ${r.milestones.length} milestone${r.milestones.length === 1 ? '' : 's'} met, ${r.obligations.length} obligation${r.obligations.length === 1 ? '' : 's'}; ${r.rows.used} of ${r.rows.total} rows used (${millis.toFixed(0)} ms).`;
    errors.replaceChildren(...(r.diagnostics.length ? [h('ul', { class: 'eval-warnings' }, ...r.diagnostics.map((d) => h('li', { class: `diag-${d.severity}`, 'data-code': d.code }, h('span', { class: `badge badge-${d.severity}` }, d.severity), ' ', h('code', { class: 'diag-code' }, d.code), ' ', d.message)))] : []));
    const amount = (value: string, cur: string | null): string => (cur && /^-?\d+(\.\d+)?$/.test(value) ? formatMoney(value, cur) : value);
    results.replaceChildren(
      h(
        'div',
        { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Milestone results' },
        table(
          { 'data-testid': 'results', class: 'data' },
          'Milestone results',
          ['Clause', 'Label', 'Period', 'Metric', 'Target', 'Window', 'Status', 'Achieved on', 'By row', 'Total', 'Progress'],
          r.milestones.map((m) => [
            String(m.clause),
            m.label ? `(${m.label})` : '—',
            m.period === null ? '—' : String(m.period),
            `${m.metric}${m.product ? ` "${m.product}"` : ''}`,
            m.target === null ? 'unknown' : amount(m.target, m.currency),
            `${m.windowStart} to ${m.deadline}`,
            h('span', { class: `status status-${m.status}` }, STATUS_WORD[m.status]),
            m.achievedAt ?? '—',
            m.achievedBy ?? '—',
            amount(m.total, m.currency),
            m.progress === null ? '—' : `${m.progress}%`,
          ]),
          // The engine's exact figures, for tests and for copying.
          r.milestones.map((m) => ({ 'data-label': m.label ?? '', 'data-status': m.status, 'data-total': m.total, 'data-window-start': m.windowStart, 'data-deadline': m.deadline, 'data-achieved-at': m.achievedAt ?? '', 'data-achieved-by': m.achievedBy ?? '' })),
        ),
      ),
    );
    obligations.replaceChildren(
      ...[r.obligations.length === 0
        ? h('p', { class: 'muted' }, 'No obligations: no milestone with a payment has been met.')
        : h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Obligations' }, obligationsTable(r.obligations, amount)),
      r.totals.length
        ? h('p', { class: 'totals' }, 'Total: ', r.totals.map((t) => `${t.amount === null ? '—' : amount(t.amount, t.currency)}${t.unresolved ? ` (+ ${t.unresolved} with no amount)` : ''}`).join('; '))
        : null,
      ].filter((n) => n !== null),
    );
    notes.replaceChildren(...r.notes.map((n) => h('li', {}, n)));
    showDownloads(true);
  }

  byId('download-json').addEventListener('click', () => {
    if (report) download('evaluation.json', `${JSON.stringify(report, null, 2)}\n`, 'application/json');
  });
  byId('download-csv').addEventListener('click', async () => {
    if (!report?.ok) return;
    const { csvTable } = await loadEngine();
    const rows = report.milestones.map(({ crossing: _crossing, ...m }) => m as unknown as Record<string, unknown>);
    download('milestones.csv', csvTable(Object.keys(rows[0] ?? {}), rows, NUMERIC_COLUMNS), 'text/csv');
  });
  byId('download-obligations-csv').addEventListener('click', async () => {
    if (!report?.ok) return;
    const { csvTable } = await loadEngine();
    const base = ['clause', 'label', 'period', 'amount', 'currency', 'payer', 'payee', 'direction', 'dueDate', 'triggeredAt', 'triggeredBy', 'basis', 'calculationText', 'explanation'];
    // Fields the report gains (who pays whom, …) follow, as they are.
    const more = [...new Set(report.obligations.flatMap((o) => otherFields(o).map(([key]) => key)))];
    const fields = [...base, ...more];
    download('obligations.csv', csvTable(fields, report.obligations as unknown as Record<string, unknown>[], NUMERIC_COLUMNS), 'text/csv');
  });

  if (saved.ledgerSample) {
    const found = LEDGERS.find((l) => l.file === saved.ledgerSample);
    if (found) {
      sample.value = found.file;
      ledger = { name: found.file, text: found.text, format: formatOf(found.file) };
      ledgerInfo.textContent = `Ledger: ${found.file}`;
    }
  }
  clearOutput(ledger ? 'Waiting for the clause…' : 'Load a ledger to evaluate the clause.');

  return {
    setDocument(nextAst, nextValid) {
      awaitingClause = false;
      ast = nextAst;
      valid = nextValid;
      if (ledger) {
        // What is on show belongs to the previous text: cleared until the new one is evaluated.
        clearOutput('Evaluating…');
        clearTimeout(timer);
        timer = setTimeout(run, 100);
      } else clearOutput('Load a ledger to evaluate the clause.');
    },
    setLabels(next, cur) {
      labels = next;
      currency = cur;
    },
    loadSample(name, c) {
      const { effectiveDate, timeZone, asOf: caseAsOf, ...rest } = c.context;
      effective.value = effectiveDate;
      zone.value = timeZone ?? 'UTC';
      asOf.value = caseAsOf;
      schedule.value = c.schedule === undefined ? '' : JSON.stringify(c.schedule, null, 2);
      sample.value = '';
      extraOptions = rest;
      // The case's clause is on its way to the editor: no evaluation of the previous clause against this ledger.
      awaitingClause = true;
      useLedger({ name: `corpus:${name}.json`, text: JSON.stringify(c.ledger), format: 'json' });
    },
  };
}

const OBLIGATION_HEADERS = ['Clause', 'Label', 'Period', 'Amount', 'Who pays whom', 'Due', 'Triggered on', 'By row', 'Basis', 'How'];

/**
 * One row per obligation and, under a computed, capped or timed one, a line with its calculation as the
 * engine wrote it (`calculationText`), what the cap or floor did (`limit`) and when it falls due.
 */
function obligationsTable(list: readonly Obligation[], amount: (value: string, currency: string | null) => string): HTMLTableElement {
  const rows: HTMLTableRowElement[] = [];
  for (const o of list) {
    const cells = [
      String(o.clause),
      o.label ? `(${o.label})` : '—',
      o.period === null ? '—' : String(o.period),
      o.amount === null ? 'undefined' : amount(o.amount, o.currency),
      h('span', { class: `direction direction-${o.direction}` }, `${o.payer ?? 'payer not named'} → ${o.payee ?? 'payee not named'}`),
      o.dueDate ?? '—',
      o.triggeredAt,
      o.triggeredBy ?? '—',
      o.basis,
      o.explanation,
    ];
    const data = { 'data-label': o.label ?? '', 'data-period': o.period ?? '', 'data-amount': o.amount ?? '', 'data-currency': o.currency ?? '', 'data-triggered-at': o.triggeredAt, 'data-triggered-by': o.triggeredBy ?? '', 'data-due-date': o.dueDate ?? '', 'data-payer': o.payer ?? '', 'data-payee': o.payee ?? '', 'data-direction': o.direction };
    rows.push(h('tr', { class: 'obligation', ...data }, ...cells.map((c, i) => h('td', { 'data-label': OBLIGATION_HEADERS[i] }, c))));
    const lines = [
      o.calculationText ? h('span', { class: 'calc-text', 'data-testid': 'calculation' }, h('span', { class: 'calc-label' }, 'Calculation'), o.calculationText) : null,
      o.limit ? h('span', { class: 'limit-text', 'data-testid': 'limit', 'data-applied': o.limit.applied ?? 'none' }, limitWords(o, amount)) : null,
      o.dueDate ? h('span', { class: 'due-text' }, `Due ${o.dueDate}`) : null,
      ...otherFields(o).map(([key, value]) => h('span', { class: 'other-field', 'data-field': key }, h('span', { class: 'calc-label' }, key), value)),
    ].filter((n) => n !== null);
    if (lines.length > 0) rows.push(h('tr', { class: 'calc-line' }, h('td', { colspan: OBLIGATION_HEADERS.length, 'data-label': 'Calculation' }, h('div', {}, ...lines))));
  }
  return h(
    'table',
    { 'data-testid': 'obligations', class: 'data' },
    h('caption', { class: 'visually-hidden' }, 'Commission obligations'),
    h('thead', {}, h('tr', {}, ...OBLIGATION_HEADERS.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...rows),
  );
}

/** The fields this page shows in their own places. */
const SHOWN_FIELDS: ReadonlySet<string> = new Set(['clause', 'label', 'period', 'amount', 'currency', 'payer', 'payee', 'direction', 'dueDate', 'triggeredAt', 'triggeredBy', 'basis', 'explanation', 'calculation', 'calculationText', 'limit']);

/**
 * Any other field the engine reports on an obligation (who pays whom, a direction, the rows it rests
 * on, …), shown as it is, so that a field the report gains is on the page without a change here.
 */
function otherFields(o: Obligation): Array<[string, string]> {
  return Object.entries(o as unknown as Record<string, unknown>)
    .filter(([key, value]) => !SHOWN_FIELDS.has(key) && value !== undefined && value !== null)
    .map(([key, value]) => [key, typeof value === 'object' ? JSON.stringify(value) : String(value)]);
}

/** What a cap or floor did, from the obligation's `limit` data: the amount before it, the bound and the result. */
function limitWords(o: Obligation, amount: (value: string, currency: string | null) => string): string {
  const l = o.limit as NonNullable<Obligation['limit']>;
  const money = (v: string | null): string => (v === null ? 'undefined' : amount(v, o.currency));
  const cap = l.cap === null ? null : l.per === 'payment' ? `cap ${money(l.cap)} a payment` : `cap ${money(l.cap)} in contract ${l.per} ${l.periodStart} to ${l.periodEnd} (${money(l.capRemaining)} of it left)`;
  const floor = l.floor === null ? null : `minimum ${money(l.floor)}`;
  const result = l.applied === null ? 'neither changed it' : `the ${l.applied === 'cap' ? 'cap' : 'minimum'} applied: ${money(o.amount)}`;
  return `Uncapped ${money(l.uncappedAmount)}; ${[cap, floor].filter((x) => x !== null).join(', ')}; ${result}.`;
}
