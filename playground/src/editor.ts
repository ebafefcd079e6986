/**
 * The clause editor: CodeMirror 6 with highlighting from the engine's own lexer and live
 * diagnostics from the engine's own validator (the same source files the CLI runs).
 */
import { EditorState, RangeSetBuilder, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  ViewPlugin,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  placeholder,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { forceLinting, linter, lintGutter, lintKeymap, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { tokenize, KEYWORDS, keywordTokenType } from '@grammar/lexer';
import type { Diagnostic, Fix } from '@engine/diagnostics';
import { analyse, type Analysis } from './analysis';

const KEYWORD_TYPES: ReadonlySet<string> = new Set(KEYWORDS.map(keywordTokenType));
const MULTIPLIERS = new Set(['thousand', 'million', 'billion']);
/** Token types that carry no meaning of their own: punctuation, whitespace, plain words, lexer errors. */
const PLAIN_TYPES: ReadonlySet<string> = new Set(['ws', 'word', 'colon', 'comma', 'semicolon', 'period', 'lparen', 'rparen', 'bullet', 'quote', 'error']);

/**
 * The CSS class for a token type of the clause lexer (grammar/lexer.ts), read from the type's name so
 * that a type the lexer gains later is highlighted without a change here: every keyword is a keyword,
 * a type naming money, a currency or a percentage is money (`currencySymbol`, `draftedMoney`,
 * `draftedPercent`), one naming a date or month is a date, an ordinal an ordinal, a number a number,
 * a placeholder or redaction a placeholder, and any other type a literal.
 */
export function tokenClass(type: string): string | null {
  if (type === 'date') return 'tok-keyword'; // the keyword "date" ("the Effective Date"), not a date
  if (KEYWORD_TYPES.has(type)) return 'tok-keyword';
  if (PLAIN_TYPES.has(type)) return null;
  if (/money|currency|percent/i.test(type)) return 'tok-money';
  if (/date|month|year|quarter|period/i.test(type)) return 'tok-date';
  if (/ordinal/i.test(type)) return 'tok-ordinal';
  if (/enumerator|label/i.test(type)) return 'tok-enumerator';
  if (/placeholder|redact/i.test(type)) return 'tok-placeholder';
  if (/string|quoted|term|name/i.test(type)) return 'tok-string';
  if (/number/i.test(type)) return 'tok-number';
  return 'tok-literal';
}

function highlight(text: string): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  let tokens: ReturnType<typeof tokenize>;
  try {
    tokens = tokenize(text);
  } catch {
    return builder.finish();
  }
  const visible = tokens.filter((t) => t.type !== 'ws');
  visible.forEach((token, i) => {
    let cls = tokenClass(token.type ?? '');
    if (!cls) return;
    // A number next to a currency or a multiplier is an amount of money: "$1.5 million", "100,000 USD".
    const prev = visible[i - 1];
    const next = visible[i + 1];
    if (token.type === 'number' && (prev?.type === 'currencySymbol' || next?.type === 'currencyCode' || next?.type === 'percent')) cls = 'tok-money';
    if (MULTIPLIERS.has(token.type ?? '') && prev?.type === 'number' && visible[i - 2]?.type === 'currencySymbol') cls = 'tok-money';
    // `data-token` names the lexer's type, so a reader (and a test) can see which token a word was read as.
    builder.add(token.offset, token.offset + token.text.length, Decoration.mark({ class: cls, attributes: { 'data-token': token.type ?? '' } }));
  });
  return builder.finish();
}

const clauseHighlighting = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = highlight(view.state.doc.toString());
    }
    update(update: ViewUpdate): void {
      if (update.docChanged) this.decorations = highlight(update.state.doc.toString());
    }
  },
  { decorations: (v) => v.decorations },
);

/** Replaces the diagnostic's range with the fix's text and puts the cursor after it. */
export function applyFix(view: EditorView, fix: Fix): void {
  const length = view.state.doc.length;
  const from = Math.min(fix.offset, length);
  const to = Math.min(fix.endOffset, length);
  view.dispatch({
    changes: { from, to, insert: fix.text },
    selection: { anchor: from + fix.text.length },
    userEvent: 'input.fix',
    scrollIntoView: true,
  });
  view.focus();
}

function toCm(d: Diagnostic, length: number): CmDiagnostic {
  const from = Math.min(d.offset, length);
  const to = Math.min(Math.max(d.endOffset, d.offset), length);
  const fix = d.fix;
  return {
    from,
    to,
    severity: d.severity,
    source: d.code,
    message: d.suggestion ? `${d.message} Hint: ${d.suggestion}` : d.message,
    renderMessage: () => {
      const box = document.createElement('div');
      box.className = 'cm-diag-message';
      box.textContent = d.message;
      if (d.suggestion) {
        const hint = document.createElement('div');
        hint.className = 'cm-diag-suggestion';
        hint.textContent = `Hint: ${d.suggestion}`;
        box.append(hint);
      }
      return box;
    },
    actions: fix ? [{ name: fix.title, apply: (view) => applyFix(view, fix) }] : undefined,
  };
}

/** Ctrl-. / Cmd-.: applies the quick fix of the diagnostic under the cursor, if there is one. */
function fixAtCursor(view: EditorView, current: () => Analysis | null): boolean {
  const pos = view.state.selection.main.head;
  const analysis = current();
  const d = analysis?.diagnostics.find((x) => x.fix && x.offset <= pos && pos <= Math.max(x.endOffset, x.offset));
  if (!d?.fix) return false;
  applyFix(view, d.fix);
  return true;
}

const theme = EditorView.theme({
  '&': { fontSize: '15px', border: '1px solid var(--border)', borderRadius: '6px', background: 'var(--editor-bg)' },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '1px' },
  '.cm-content': { fontFamily: 'var(--mono)', minHeight: '12em', padding: '8px 0', caretColor: 'var(--fg)' },
  '.cm-scroller': { lineHeight: '1.6' },
  '.cm-gutters': { background: 'var(--gutter-bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { background: 'var(--active-line)' },
  '.cm-activeLineGutter': { background: 'var(--active-line)' },
  '.cm-tooltip.cm-tooltip-lint': { maxWidth: '36em' },
  '.cm-diagnostic': { whiteSpace: 'normal', fontFamily: 'var(--sans)' },
});

export interface ClauseEditor {
  view: EditorView;
  setText(text: string): void;
  /** Selects a range and scrolls to it, focusing the editor. */
  reveal(offset: number, endOffset: number): void;
  relint(): void;
}

export function createEditor(parent: HTMLElement, initial: string, labelId: string, onAnalysis: (a: Analysis) => void): ClauseEditor {
  let latest: Analysis | null = null;
  const extensions: Extension[] = [
    lineNumbers(),
    highlightActiveLineGutter(),
    lintGutter(),
    history(),
    drawSelection(),
    highlightActiveLine(),
    EditorView.lineWrapping,
    EditorState.tabSize.of(4),
    placeholder('Paste a sales-milestone clause here…'),
    keymap.of([
      { key: 'Mod-.', run: (view) => fixAtCursor(view, () => latest) },
      ...lintKeymap,
      ...historyKeymap,
      ...defaultKeymap,
    ]),
    EditorView.contentAttributes.of({
      'data-testid': 'clause-input',
      'aria-labelledby': labelId,
      'aria-describedby': 'editor-help',
      'aria-multiline': 'true',
      role: 'textbox',
      spellcheck: 'false',
    }),
    clauseHighlighting,
    linter(
      (view) => {
        const text = view.state.doc.toString();
        latest = analyse(text);
        onAnalysis(latest);
        return latest.diagnostics.map((d) => toCm(d, text.length));
      },
      { delay: 250 },
    ),
    theme,
  ];
  const view = new EditorView({ parent, state: EditorState.create({ doc: initial, extensions }) });
  return {
    view,
    setText(text: string) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 } });
    },
    reveal(offset: number, endOffset: number) {
      const length = view.state.doc.length;
      const from = Math.min(offset, length);
      const to = Math.min(Math.max(endOffset, offset), length);
      view.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true });
      view.focus();
    },
    relint() {
      forceLinting(view);
    },
  };
}
