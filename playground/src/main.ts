import './style.css';
import type { DocumentNode } from '@engine/language/ast';
import { byId, h } from './dom';
import { applyFix, createEditor } from './editor';
import { CORPUS_SAMPLES, EXAMPLES, SEED_EXAMPLE, title } from './examples';
import { loadContext, loadText, saveText, sharedText, shareUrl } from './storage';
import { renderDiagnostics, renderJsonTree, renderMilestones } from './understood';
import { setupTryIt } from './tryit';
import type { Analysis } from './analysis';

const seed = EXAMPLES.find((e) => e.name === SEED_EXAMPLE)?.text ?? EXAMPLES[0]?.text ?? '';
const initial = sharedText() ?? loadText() ?? seed;

const examples = byId<HTMLSelectElement>('examples');
for (const e of EXAMPLES) examples.append(h('option', { value: e.name }, title(e.name)));
// Real clauses from the corpus, each with its ledger and context: choosing one evaluates it at once.
const CORPUS_PREFIX = 'corpus:';
const GROUP_LABEL = { corpus: 'Real clauses, with a ledger', forms: 'Newer forms, with a ledger' } as const;
for (const group of ['corpus', 'forms'] as const) {
  const samples = CORPUS_SAMPLES.filter((c) => c.group === group);
  if (samples.length) examples.append(h('optgroup', { label: GROUP_LABEL[group] }, ...samples.map((c) => h('option', { value: `${CORPUS_PREFIX}${c.name}` }, c.title))));
}
/** The corpus case last loaded, so the menu keeps naming it while its text is unchanged. */
let loadedCase: { value: string; text: string } | null = null;
examples.value = EXAMPLES.find((e) => e.text === initial)?.name ?? '';

const diagList = byId<HTMLOListElement>('diagnostics');
const diagEmpty = byId('no-diagnostics');
const diagCount = byId('diag-count');
const engineStatus = byId('engine-status');
const milestonesArea = byId('milestones-area');
const notes = byId('understood-notes');
const astTree = byId('ast');

const tryIt = setupTryIt();
let lastAst: DocumentNode | null = null;
let lastAnalysis: Analysis | null = null;

function labelsOf(ast: DocumentNode | null): { labels: string[]; currency: string | null } {
  const labels: string[] = [];
  let currency: string | null = null;
  for (const clause of ast?.clauses ?? []) {
    for (const m of clause.milestones) {
      if (m.label && !labels.includes(m.label)) labels.push(m.label);
      if (!currency && m.target.kind === 'revenue') currency = m.target.amount.currency;
    }
  }
  return { labels, currency };
}

const normalise = (text: string): string => text.replace(/\r\n?/g, '\n');

function onAnalysis(a: Analysis): void {
  lastAnalysis = a;
  saveText(a.text);
  // The menu names the example only while the text is still that example.
  examples.value = EXAMPLES.find((e) => normalise(e.text) === a.text)?.name ?? (loadedCase && normalise(loadedCase.text) === a.text ? loadedCase.value : '');
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of a.diagnostics) counts[d.severity]++;
  diagCount.textContent = `${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} note${counts.info === 1 ? '' : 's'}`;
  engineStatus.textContent = a.text.trim() === '' ? 'Empty.' : a.valid ? `Valid (checked in ${a.millis.toFixed(0)} ms).` : 'Not valid: see the diagnostics.';
  engineStatus.className = a.valid ? 'ok' : 'bad';
  renderDiagnostics(diagList, diagEmpty, a.diagnostics, (d) => editor.reveal(d.offset, d.endOffset), (fix) => {
    editor.reveal(fix.offset, fix.endOffset);
    applyFix(editor.view, fix);
  });
  if (a.ast !== lastAst) {
    lastAst = a.ast;
    renderMilestones(milestonesArea, notes, a.ast, (from, to) => editor.reveal(from, to));
    renderJsonTree(astTree, a.ast ?? null);
    const { labels, currency } = labelsOf(a.ast);
    tryIt.setLabels(labels, currency);
  }
  tryIt.setDocument(a.ast, a.valid);
}

const editor = createEditor(byId('editor'), initial, 'editor-heading', onAnalysis);

examples.addEventListener('change', () => {
  const value = examples.value;
  const sample = CORPUS_SAMPLES.find((c) => `${CORPUS_PREFIX}${c.name}` === value);
  if (sample) {
    void sample.load().then((c) => {
      if (examples.value !== value) return; // another choice came first
      loadedCase = { value, text: c.clause };
      tryIt.loadSample(sample.name, c);
      if (normalise(c.clause) === editor.view.state.doc.toString() && lastAnalysis) tryIt.setDocument(lastAnalysis.ast, lastAnalysis.valid);
      else editor.setText(c.clause);
      editor.view.focus();
    });
    return;
  }
  const found = EXAMPLES.find((e) => e.name === value);
  if (found) {
    editor.setText(found.text);
    editor.view.focus();
  }
});

const shareStatus = byId('share-status');
const shareField = byId<HTMLInputElement>('share-url');
byId('share').addEventListener('click', async () => {
  const context = loadContext();
  const url = shareUrl(editor.view.state.doc.toString(), context);
  history.replaceState(null, '', url);
  shareField.value = url;
  shareField.hidden = false;
  try {
    await navigator.clipboard.writeText(url);
    shareStatus.textContent = 'Link copied to the clipboard.';
  } catch {
    shareStatus.textContent = 'Copy the link from the box.';
    shareField.select();
  }
});

byId('copy-ast').addEventListener('click', async () => {
  const text = JSON.stringify(lastAst, null, 2);
  try {
    await navigator.clipboard.writeText(text);
    byId('copy-ast-status').textContent = 'Copied.';
  } catch {
    byId('copy-ast-status').textContent = 'Copying is not allowed here.';
  }
});

window.addEventListener('hashchange', () => {
  const text = sharedText();
  if (text !== null && text !== editor.view.state.doc.toString()) editor.setText(text);
});

// For the end-to-end tests and the curious: the editor view, and the text the panels were last drawn for.
(window as unknown as { clausePlayground: unknown }).clausePlayground = { editor, analysedText: () => lastAnalysis?.text ?? null };
