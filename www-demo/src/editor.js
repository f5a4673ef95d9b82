// The demo's JSON editor: CodeMirror 6 with JSON highlighting, the validator's issues
// as marks (underlined in place, message on hover, a gutter mark per line), search,
// undo, bracket matching and folding. Bundled into dist/editor.js by build.mjs.
//
// Why CodeMirror 6 and not Monaco: the page needs a JSON editor with marks and hover
// messages, loaded from the served folder with no network. CodeMirror's lint package
// does exactly that (ranges, hover, gutter) in an ES module bundle of about 130 KB
// gzipped; Monaco is several MB, wants web workers and AMD or special bundler plugins
// for its languages, and brings a JSON language service the page does not use (the
// issues come from trillet-flows). CodeMirror also renders only the visible lines,
// so a 1 MB payload stays responsive, and its contenteditable works with screen readers.
import { Annotation, EditorSelection, EditorState } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, defaultHighlightStyle, foldGutter, foldKeymap, syntaxHighlighting } from '@codemirror/language';
import { forEachDiagnostic, lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';

/** Marks a change made by the page (not the user): no change event for it. */
const fromPage = Annotation.define();

const theme = EditorView.theme({
  '&': { fontSize: '13px', border: '1px solid var(--line-strong)', borderRadius: '6px', background: 'var(--surface)' },
  '&.cm-focused': { outline: '3px solid color-mix(in srgb, var(--accent) 55%, transparent)', outlineOffset: '2px', borderColor: 'var(--accent)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5', minHeight: '24rem', maxHeight: '70vh' },
  '.cm-gutters': { background: 'var(--bg)', borderRight: '1px solid var(--line)', borderRadius: '6px 0 0 6px' },
  // errors: a red wavy underline; warnings: an amber dashed one (apart by colour and by shape)
  '.cm-lintRange': { backgroundImage: 'none', paddingBottom: '0' },
  '.cm-lintRange-error': {
    textDecoration: 'underline wavy var(--error)',
    textDecorationThickness: '1.5px',
    textUnderlineOffset: '3px',
    textDecorationSkipInk: 'none',
    backgroundColor: 'var(--error-bg)',
  },
  '.cm-lintRange-warning': {
    textDecoration: 'underline dashed #c27c00',
    textDecorationThickness: '2px',
    textUnderlineOffset: '3px',
    textDecorationSkipInk: 'none',
    backgroundColor: 'var(--warning-bg)',
  },
  '.cm-lintPoint-error:after': { borderBottomColor: 'var(--error)' },
  '.cm-lintPoint-warning:after': { borderBottomColor: '#c27c00' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--error)' },
  '.cm-diagnostic-warning': { borderLeftColor: '#c27c00' },
  '.cm-diagnostic': { maxWidth: '60ch', whiteSpace: 'normal' },
  '.cm-diagnosticSource': { fontFamily: 'var(--mono)', opacity: '0.75' },
  '.cm-tooltip': { borderRadius: '6px' },
});

/**
 * Creates the editor in `parent`. `onChange()` is called after each change the user
 * makes (typing, paste, undo), not after `setText`.
 * `contentAttributes`: attributes of the editable element (aria-labelledby, ...).
 */
export function createJsonEditor(parent, { onChange = () => {}, contentAttributes = {} } = {}) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: '',
      extensions: [
        lineNumbers(),
        foldGutter(),
        lintGutter(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        EditorState.allowMultipleSelections.of(false),
        EditorState.tabSize.of(2),
        json(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        // no Tab binding: Tab moves focus on, as everywhere else in the page
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, ...lintKeymap]),
        EditorView.contentAttributes.of({ spellcheck: 'false', autocorrect: 'off', autocapitalize: 'off', ...contentAttributes }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && !u.transactions.every((t) => t.annotation(fromPage))) onChange();
        }),
        theme,
      ],
    }),
  });

  const doc = () => view.state.doc;
  const api = {
    view,
    get text() {
      return doc().toString();
    },
    get length() {
      return doc().length;
    },
    /** Replaces the whole text (no change event, no undo step mixing with the user's). */
    setText(text) {
      if (text === api.text) return;
      view.dispatch({
        changes: { from: 0, to: doc().length, insert: text },
        selection: EditorSelection.cursor(0),
        annotations: fromPage.of(true),
      });
      view.dispatch(setDiagnostics(view.state, []));
    },
    /** The offset of a 1-based line and UTF-16 column (clamped to the line). */
    offsetOf(line, column) {
      const d = doc();
      if (!(line >= 1)) return 0;
      if (line > d.lines) return d.length;
      const l = d.line(line);
      return Math.min(l.from + Math.max(column - 1, 0), l.to);
    },
    /** 1-based line and UTF-16 column of an offset. */
    lineColumnOf(offset) {
      const l = doc().lineAt(Math.max(0, Math.min(offset, doc().length)));
      return { line: l.number, column: offset - l.from + 1 };
    },
    /**
     * Shows marks: [{ from, to, severity: 'error' | 'warning', message, source?,
     * renderMessage? }] (offsets into the current text).
     */
    setMarks(marks) {
      const len = doc().length;
      const diagnostics = marks.map((m) => ({
        ...m,
        from: Math.max(0, Math.min(m.from, len)),
        to: Math.max(0, Math.min(Math.max(m.to, m.from), len)),
      }));
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    /** The marks shown now, with their places (for the tests and the page). */
    marks() {
      const out = [];
      forEachDiagnostic(view.state, (d, from, to) => {
        const { line, column } = api.lineColumnOf(from);
        out.push({ from, to, line, column, severity: d.severity, message: d.message, source: d.source, text: view.state.sliceDoc(from, to) });
      });
      return out;
    },
    /** Focuses the editor with the cursor at `from` (or `from`–`to` selected), scrolled into view. */
    select(from, to = from) {
      const len = doc().length;
      const a = Math.max(0, Math.min(from, len));
      const b = Math.max(0, Math.min(to, len));
      view.dispatch({ selection: EditorSelection.single(a, b), effects: EditorView.scrollIntoView(b, { y: 'center' }) });
      view.focus();
    },
    get selection() {
      const r = view.state.selection.main;
      return { from: r.from, to: r.to, head: r.head };
    },
    focus() {
      view.focus();
    },
  };
  parent.jsonEditor = api; // reachable from the page's element (tests read marks through it)
  return api;
}
