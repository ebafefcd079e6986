/** "Try it": contract context + ledger (+ schedule) → milestone results, obligations and a chart. */
import type { DocumentNode } from '@engine/language/ast';
import type { ChartSeries, EvaluationReport, EvaluationSuccess } from '@engine/evaluation/evaluate';
import type { LedgerFormat } from '@engine/ledger/rows';
import type { Schedule } from '@engine/evaluation/schedule';
import { formatMoney } from '@engine/values/money';
import { byId, download, h, table } from './dom';
import { LEDGERS, SCHEDULES } from './examples';
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
}

function formatOf(name: string): LedgerFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  if (lower.endsWith('.json')) return 'json';
  return 'csv';
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

  const context = (): Context => ({ effectiveDate: effective.value, timeZone: zone.value.trim() || 'UTC', asOf: asOf.value, schedule: schedule.value, ledgerSample: ledger && LEDGERS.some((l) => l.file === ledger!.name) ? ledger.name : '' });

  const useLedger = (next: Ledger | null): void => {
    ledger = next;
    if (next) {
      const lines = next.text.split(/\r?\n/).filter((l) => l.trim() !== '').length;
      ledgerInfo.textContent = `Ledger: ${next.name} (${next.format.toUpperCase()}, ${next.format === 'csv' ? lines - 1 : lines} rows)`;
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
      ({ report, series } = evaluateWithSeries(ast, parsed.records, {
        effectiveDate: effective.value,
        timeZone: zone.value.trim() || 'UTC',
        asOf: asOf.value || undefined,
        schedule: parsedSchedule,
        readIssues: parsed.issues,
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
    renderChart(chart, report, series);
  }

  function renderReport(r: EvaluationSuccess, millis: number): void {
    const met = r.milestones.filter((m) => m.status === 'met').length;
    status.textContent = `Evaluated as of ${r.asOf} in ${r.timeZone}: ${met} of ${r.milestones.length} milestone${r.milestones.length === 1 ? '' : 's'} met, ${r.obligations.length} obligation${r.obligations.length === 1 ? '' : 's'}; ${r.rows.used} of ${r.rows.total} rows used (${millis.toFixed(0)} ms).`;
    errors.replaceChildren(...(r.diagnostics.length ? [h('ul', { class: 'eval-warnings' }, ...r.diagnostics.map((d) => h('li', { class: `diag-${d.severity}` }, h('span', { class: `badge badge-${d.severity}` }, d.severity), ' ', d.message)))] : []));
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
            amount(m.target, m.currency),
            `${m.windowStart} to ${m.deadline}`,
            h('span', { class: `status status-${m.status}` }, STATUS_WORD[m.status]),
            m.achievedAt ?? '—',
            m.achievedBy ?? '—',
            amount(m.total, m.currency),
            `${m.progress}%`,
          ]),
        ),
      ),
    );
    obligations.replaceChildren(
      ...[r.obligations.length === 0
        ? h('p', { class: 'muted' }, 'No obligations: no milestone with a payment has been met.')
        : h(
            'div',
            { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Obligations' },
            table(
              { 'data-testid': 'obligations', class: 'data' },
              'Commission obligations',
              ['Clause', 'Label', 'Period', 'Amount', 'Triggered on', 'By row', 'Basis', 'How'],
              r.obligations.map((o) => [
                String(o.clause),
                o.label ? `(${o.label})` : '—',
                o.period === null ? '—' : String(o.period),
                o.amount === null ? 'undefined' : amount(o.amount, o.currency),
                o.triggeredAt,
                o.triggeredBy,
                o.basis,
                o.explanation,
              ]),
            ),
          ),
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
    const fields = ['clause', 'label', 'period', 'amount', 'currency', 'triggeredAt', 'triggeredBy', 'basis', 'explanation'];
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
      ast = nextAst;
      valid = nextValid;
      if (ledger) {
        clearTimeout(timer);
        timer = setTimeout(run, 100);
      } else clearOutput('Load a ledger to evaluate the clause.');
    },
    setLabels(next, cur) {
      labels = next;
      currency = cur;
    },
  };
}
