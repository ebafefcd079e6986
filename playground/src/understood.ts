/** "What the engine understood": the diagnostics list, the milestones table, notes and the AST. */
import type { DocumentNode } from '@engine/language/ast';
import type { Diagnostic, Fix } from '@engine/diagnostics';
import { summariseClause } from '@engine/language/describe';
import { h, table } from './dom';

const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

export function renderDiagnostics(
  list: HTMLElement,
  empty: HTMLElement,
  diagnostics: readonly Diagnostic[],
  onJump: (d: Diagnostic) => void,
  onFix: (fix: Fix) => void,
): void {
  list.replaceChildren(
    ...diagnostics.map((d) =>
      h(
        'li',
        { class: `diag diag-${d.severity}`, 'data-code': d.code, 'data-line': d.line, 'data-column': d.column },
        h(
          'button',
          { type: 'button', class: 'diag-jump', title: 'Show in the editor', onclick: () => onJump(d) },
          h('span', { class: `badge badge-${d.severity}` }, SEVERITY_WORD[d.severity]),
          ' ',
          h('span', { class: 'diag-where' }, `Line ${d.line}, column ${d.column}`),
          ' ',
          h('code', { class: 'diag-code' }, d.code),
          h('span', { class: 'diag-message' }, d.message),
          d.suggestion ? h('span', { class: 'diag-suggestion' }, `Hint: ${d.suggestion}`) : null,
        ),
        d.fix ? h('button', { type: 'button', class: 'diag-fix', onclick: () => onFix(d.fix!) }, `Quick fix: ${d.fix.title}`) : null,
      ),
    ),
  );
  empty.hidden = diagnostics.length > 0;
}

const WINDOW_WORD = { cumulative: 'Cumulative', period: 'One period', recurring: 'Recurring' } as const;

export function renderMilestones(container: HTMLElement, notes: HTMLElement, ast: DocumentNode | null, onShow: (offset: number, endOffset: number) => void): void {
  if (!ast) {
    container.replaceChildren(h('p', { class: 'muted' }, 'Nothing understood yet: fix the errors above and the milestones appear here.'));
    notes.replaceChildren();
    return;
  }
  // Every word of the explanation comes from the library's describe functions (src/language/describe.ts).
  const rows: Array<Array<Node | string>> = [];
  const rules = new Map<string, string>();
  const clauses = ast.clauses.map((clause, c) => {
    const summary = summariseClause(clause);
    summary.milestones.forEach((s, i) => {
      const m = clause.milestones[i];
      rules.set(s.metric, s.metricRule);
      rows.push([
        String(c + 1),
        h(
          'button',
          { type: 'button', class: 'link', title: 'Show this milestone in the clause', onclick: () => onShow(m.range.start.offset, m.range.end.offset) },
          s.label ? `(${s.label})` : 'show',
        ),
        s.target,
        h('span', { class: `comparison comparison-${m.comparator?.strict ? 'strict' : 'inclusive'}` }, s.comparison),
        h('span', { class: `pill pill-${s.windowType}` }, WINDOW_WORD[s.windowType] ?? s.windowType),
        s.deadline,
        s.payment,
      ]);
    });
    const count = `${clause.milestones.length} milestone${clause.milestones.length === 1 ? '' : 's'}`;
    return h(
      'li',
      { 'data-form': clause.form },
      `Clause ${c + 1}`,
      summary.heading ? h('span', { class: 'clause-heading' }, ` “${summary.heading}”`) : null,
      `: ${summary.parties}; ${summary.form}; ${count}`,
    );
  });
  container.replaceChildren(
    h('ul', { class: 'clause-list' }, ...clauses),
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Milestones understood' },
      table(
        { 'data-testid': 'milestones', class: 'data' },
        'Milestones the engine understood',
        ['Clause', 'Label', 'Target', 'Compared', 'Kind', 'Deadline rule', 'Payment'],
        rows,
      ),
    ),
  );
  notes.replaceChildren(
    ...[...rules.entries()].map(([metric, rule]) => h('li', {}, h('strong', {}, metric), `: ${rule}`)),
    h('li', {}, 'Contract months run from the effective date by the corresponding-day rule (the same day of the month, or the 1st of the next month when it has no such day); "the quarter" and "the year" mean the first one.'),
    h('li', {}, 'A milestone "by" a deadline counts everything from the effective date; one "in the second month" counts that period only; one "in each month" is met (and paid) separately in every period.'),
  );
}

/** The AST as nested, collapsible JSON: objects and arrays are <details>, ranges start closed. */
export function renderJsonTree(container: HTMLElement, value: unknown): void {
  container.replaceChildren(node(null, value, 0));
}

function node(key: string | null, value: unknown, depth: number): Node {
  const keyPart = key === null ? null : h('span', { class: 'json-key' }, `${JSON.stringify(key)}: `);
  if (value === null || typeof value !== 'object') {
    const kind = value === null ? 'null' : typeof value;
    return h('div', { class: 'json-leaf' }, keyPart, h('span', { class: `json-${kind}` }, JSON.stringify(value)));
  }
  const isArray = Array.isArray(value);
  const entries = isArray ? (value as unknown[]).map((v, i) => [String(i), v] as const) : Object.entries(value as object);
  const kind = !isArray && typeof (value as { kind?: unknown }).kind === 'string' ? ` ${(value as { kind: string }).kind}` : '';
  const summary = isArray ? `[ ${entries.length} item${entries.length === 1 ? '' : 's'} ]` : `{${kind} }`;
  const open = key !== 'range' && key !== 'start' && key !== 'end' && depth < 4;
  return h(
    'details',
    { class: 'json-node', open },
    h('summary', {}, keyPart, h('span', { class: 'json-summary' }, summary)),
    h('div', { class: 'json-children' }, ...entries.map(([k, v]) => node(isArray ? null : k, v, depth + 1))),
  );
}
