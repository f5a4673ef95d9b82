// The demo page: a form and a JSON editor of a call flow or message flow payload,
// checked by the trillet-flows package (its browser entry) as the user types, and a
// picture of a call flow's graph. The JSON editor (CodeMirror) and the graph layout
// (dagre) are bundled into dist/ by build.mjs; without them, a plain text box stands in.
import init, {
  buildCallFlowRequest,
  buildMessageFlowRequest,
  callFlowFields,
  callFlowFromForm,
  callFlowFromResponseJson,
  messageFlowFromResponseJson,
  messageFlowFields,
  messageFlowFromForm,
  normalizeCallFlowJson,
  normalizeMessageFlowJson,
} from '../pkg/index.js';
import { CALL_FLOW_EXAMPLE, MESSAGE_FLOW_EXAMPLE } from './examples.js';
import * as F from './form.js';
import { setupClone } from './clone.js';
import { createFlowGraph } from './graph.js';
import { closest, offsetOf, places, tokenAt } from './jsonloc.js';
import { curlSnippet, fetchSnippet, mask, scrub, shownHeaders } from './snippets.js';
import { smsSummary } from './sms.js';

const { h } = F;
const $ = (id) => document.getElementById(id);

const FLOWS = {
  call: {
    label: 'call flow',
    spec: F.specFromCatalogue(callFlowFields),
    example: CALL_FLOW_EXAMPLE,
    fromForm: callFlowFromForm,
    fromJson: normalizeCallFlowJson,
    build: buildCallFlowRequest,
  },
  message: {
    label: 'message flow',
    spec: F.specFromCatalogue(messageFlowFields),
    example: MESSAGE_FLOW_EXAMPLE,
    fromForm: messageFlowFromForm,
    fromJson: normalizeMessageFlowJson,
    build: buildMessageFlowRequest,
  },
};

const blank = () => ({ model: {}, json: '{}', view: 'form', formDirty: true, jsonDirty: false, left: [], open: new Set(), notice: '' });
const state = { flow: 'call', ready: false, flows: { call: blank(), message: blank() }, placed: [] };
const cur = () => state.flows[state.flow];
const api = () => FLOWS[state.flow];

const form = $('flow-form');
const apiKey = $('api-key');
const workspaceId = $('workspace-id');
const baseUrl = $('base-url');

// ---------------------------------------------------------------- the JSON editor

/** A plain text box with the editor's interface, when dist/editor.js is not built. */
function plainEditor(host, onChange) {
  const ta = h('textarea', { id: 'json-text', class: 'mono', spellcheck: false, autocomplete: 'off', rows: 22, 'aria-labelledby': 'json-label', 'aria-describedby': 'json-hint json-status' });
  host.replaceChildren(ta);
  ta.addEventListener('input', onChange);
  const api = {
    get text() {
      return ta.value;
    },
    get length() {
      return ta.value.length;
    },
    setText(t) {
      ta.value = t;
    },
    offsetOf: (line, column) => offsetOf(ta.value, line, column),
    lineColumnOf(offset) {
      const before = ta.value.slice(0, offset);
      return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
    },
    setMarks() {},
    marks: () => [],
    select(from, to = from) {
      ta.focus();
      ta.setSelectionRange(from, to);
    },
    get selection() {
      return { from: ta.selectionStart, to: ta.selectionEnd, head: ta.selectionEnd };
    },
    focus: () => ta.focus(),
  };
  host.jsonEditor = api;
  return api;
}

const editorHost = $('json-editor');
let editor;
try {
  const { createJsonEditor } = await import('./dist/editor.js');
  editor = createJsonEditor(editorHost, {
    onChange: onJsonInput,
    contentAttributes: { 'aria-labelledby': 'json-label', 'aria-describedby': 'json-hint json-status', 'aria-multiline': 'true' },
  });
  editorHost.dataset.state = 'editor';
} catch (e) {
  editor = plainEditor(editorHost, onJsonInput);
  editorHost.dataset.state = 'plain';
  editorHost.before(
    h('p', { class: 'notice', text: `The JSON editor is not built (${e?.message ?? e}): run \`node www-demo/build.mjs\`. A plain text box stands in; issues are listed above it.` }),
  );
}
$('json-label').addEventListener('click', () => editor.focus());

// ---------------------------------------------------------------- the flow graph

const graphCard = $('graph-card');
const graph = createFlowGraph(graphCard, { onActivate: focusGraphItem });

// ---------------------------------------------------------------- text helpers

/** A library message, with `code` spans as <code>. */
function richText(message) {
  return message.split('`').map((part, i) => (i % 2 ? h('code', { text: part }) : document.createTextNode(part)));
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const secrets = () => [apiKey.value, workspaceId.value];

function issueLine(issue) {
  return h(
    'p',
    { class: `msg msg-${issue.severity}`, 'data-code': issue.code },
    h('span', { class: 'sev', text: issue.severity === 'error' ? 'Error: ' : 'Warning: ' }),
    ...richText(scrub(issue.message, secrets())),
  );
}

// ---------------------------------------------------------------- rendering a flow

function renderFlow() {
  const fs = cur();
  F.renderForm(form, api().spec, fs.model, { openState: fs.open });
  editor.setText(fs.json);
  lastGraph = null;
  document.body.dataset.flow = state.flow;
  graphCard.hidden = state.flow !== 'call';
  $(`flow-${state.flow}`).checked = true;
  showView(fs.view, false);
  showNotice();
  $('sms-card').hidden = state.flow !== 'message';
}

function saveFlow() {
  const fs = cur();
  fs.model = F.readModel(form);
  fs.open = F.openSections(form);
  fs.json = editor.text;
}

/** What the form could not take over from a JSON payload, in words. */
function carryNotice(left, textified) {
  const parts = [];
  if (left.length) parts.push(`The form has no field for ${left.join(', ')}: these stay only in the JSON text, until the form is edited.`);
  if (textified.length) parts.push(`The form shows ${textified.join(', ')} as text and sends it as a string; keep an object there in the JSON view.`);
  return parts.join(' ');
}

function showNotice() {
  const fs = cur();
  const el = $('form-notice');
  el.hidden = !fs.notice;
  el.textContent = fs.notice;
}

// ---------------------------------------------------------------- tabs

function selectTab(tab, focus) {
  const list = tab.closest('[role=tablist]');
  for (const t of list.querySelectorAll('[role=tab]')) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !on;
  }
  if (focus) tab.focus();
}

function wireTabs(list, onSelect) {
  list.addEventListener('click', (e) => {
    const tab = e.target.closest('[role=tab]');
    if (tab) onSelect(tab);
  });
  list.addEventListener('keydown', (e) => {
    const tabs = [...list.querySelectorAll('[role=tab]')];
    const i = tabs.indexOf(document.activeElement);
    if (i < 0) return;
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    onSelect(tabs[(next + tabs.length) % tabs.length], true);
  });
}

/** Switches between the form and the JSON view, carrying the payload over. */
function showView(view, convert = true) {
  const fs = cur();
  const spec = api().spec;
  if (convert && view !== fs.view) {
    if (view === 'json' && fs.formDirty) {
      editor.setText(JSON.stringify(F.modelToPayload(spec, F.readModel(form)), null, 2));
      fs.formDirty = false;
      fs.jsonDirty = false;
      fs.notice = '';
      showNotice();
    } else if (view === 'form' && fs.jsonDirty) {
      let parsed;
      let ok = true;
      try {
        parsed = JSON.parse(editor.text);
      } catch {
        ok = false;
      }
      if (ok && parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const { model, left, textified } = F.payloadToModel(spec, parsed);
        fs.model = model;
        fs.left = left;
        fs.notice = carryNotice(left, textified);
        F.renderForm(form, spec, model, { openState: F.openSections(form) });
        fs.formDirty = false;
      } else {
        fs.notice = 'The JSON text is not a JSON object, so the form keeps its previous values.';
      }
      fs.jsonDirty = false;
      showNotice();
    }
  }
  fs.view = view;
  selectTab($(view === 'form' ? 'tab-form' : 'tab-json'));
  document.body.dataset.view = view;
}

// ---------------------------------------------------------------- issues

/** The element that shows an issue: its field, else the closest enclosing one. */
function targetFor(pointer, byPointer) {
  let p = pointer;
  for (;;) {
    if (byPointer.has(p)) return byPointer.get(p);
    if (p === '') return null;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

function labelOf(el) {
  if (!el) return '';
  if (el.labels?.length) return el.labels[0].textContent.replace(/\s*\*$/, '');
  if (el.tagName === 'DETAILS') return el.querySelector('.summary-title')?.textContent ?? '';
  return el.querySelector(':scope > .item-head .item-title, :scope > h4')?.textContent ?? '';
}

function placeInForm(issues) {
  // clear
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of form.querySelectorAll('.is-error, .is-warning')) el.classList.remove('is-error', 'is-warning');
  for (const el of form.querySelectorAll('.msgs')) el.replaceChildren();
  for (const el of form.querySelectorAll('.badges')) el.replaceChildren();

  const byPointer = new Map();
  for (const el of form.querySelectorAll('[data-pointer]')) if (!byPointer.has(el.dataset.pointer)) byPointer.set(el.dataset.pointer, el);
  const counts = new Map();
  const placed = issues.map((issue) => {
    const target = targetFor(issue.pointer, byPointer) ?? $('form-msgs');
    const msgs = $(target.dataset.msgs) ?? $('form-msgs');
    msgs.append(issueLine(issue));
    const isControl = /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);
    if (isControl) {
      if (issue.severity === 'error') target.setAttribute('aria-invalid', 'true');
      target.classList.add(issue.severity === 'error' ? 'is-error' : 'is-warning');
    }
    for (let d = target.closest('details'); d; d = d.parentElement.closest('details')) {
      const c = counts.get(d) ?? { error: 0, warning: 0 };
      c[issue.severity] += 1;
      counts.set(d, c);
    }
    return { issue, target, where: labelOf(target), exact: target.dataset.pointer === issue.pointer };
  });
  for (const [d, c] of counts) {
    const badges = d.querySelector(':scope > summary .badges');
    if (c.error) badges.append(h('span', { class: 'badge badge-error', text: plural(c.error, 'error') }));
    if (c.warning) badges.append(h('span', { class: 'badge badge-warning', text: plural(c.warning, 'warning') }));
  }
  return placed;
}

function showSummary(issues, placed) {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const summary = $('summary');
  summary.dataset.state = errors ? 'invalid' : warnings ? 'warnings' : 'valid';
  $('summary-counts').textContent = errors
    ? `${plural(errors, 'error')}, ${plural(warnings, 'warning')}: the ${api().label} is not valid yet`
    : warnings
      ? `Valid, with ${plural(warnings, 'warning')}`
      : `Valid: no issues`;
  $('summary-list').replaceChildren(
    ...placed.map((p, i) => {
      const { issue } = p;
      const where =
        cur().view === 'json' && p.line
          ? `line ${p.line}, column ${p.column}`
          : issue.code === 'invalid_json' && issue.line
            ? `line ${issue.line}, column ${issue.column}`
            : p.where && cur().view === 'form'
              ? p.where
              : '';
      return h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: `issue issue-${issue.severity}`, 'data-index': i, 'data-pointer': issue.pointer, 'data-code': issue.code },
          h('span', { class: 'sev', text: issue.severity === 'error' ? 'Error' : 'Warning' }),
          where ? h('span', { class: 'where', text: where }) : null,
          h('code', { class: 'ptr', text: issue.pointer || '(whole payload)' }),
          h('span', { class: 'text' }, richText(scrub(issue.message, secrets()))),
        ),
      );
    }),
  );
}

/** Moves focus to where an issue is: its form field, or its mark in the JSON editor. */
function focusIssue(index) {
  const p = state.placed[index];
  if (!p) return;
  if (cur().view === 'json') {
    editor.select(p.from ?? 0);
    return;
  }
  const el = p.target?.isConnected ? p.target : null;
  if (!el) return;
  for (let d = el.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
  const focusable = el.tagName === 'DETAILS' ? el.querySelector(':scope > summary') : el;
  focusable.focus({ preventScroll: true });
  focusable.scrollIntoView({ block: 'center', behavior: 'instant' });
}

// ---------------------------------------------------------------- outputs

function showJsonStatus(issues) {
  const status = $('json-status');
  const bad = issues.find((i) => i.code === 'invalid_json' || i.code === 'too_large');
  status.className = 'json-status ' + (bad ? 'is-error' : '');
  status.replaceChildren(
    bad
      ? h('span', {}, h('strong', { text: `Invalid JSON at line ${bad.line}, column ${bad.column}. ` }), ...richText(bad.message))
      : h('span', { text: editor.length ? 'The text is valid JSON; the issues above are about its content.' : '' }),
  );
}

function currentSmsText() {
  if (cur().view === 'form') {
    const msg = form.querySelector('[name="initiationMessage"]');
    const channel = form.querySelector('[name="messageChannel"]');
    return { text: msg?.value ?? '', channel: channel?.value ?? '' };
  }
  try {
    const v = JSON.parse(editor.text);
    const s = v?.settings ?? {};
    const text = typeof v?.initiationMessage === 'string' ? v.initiationMessage : typeof s.initiationMessage === 'string' ? s.initiationMessage : '';
    const channel = typeof v?.messageChannel === 'string' ? v.messageChannel : typeof s.messageChannel === 'string' ? s.messageChannel : '';
    return { text, channel };
  } catch {
    return { text: '', channel: '' };
  }
}

function showSms() {
  if (state.flow !== 'message') return;
  const { text, channel } = currentSmsText();
  const { info, text: line } = smsSummary(text);
  const out =
    channel === 'Email'
      ? `${plural(info.length, 'character')}. The channel is Email, so SMS segments do not apply.`
      : line;
  $('sms-summary').textContent = out;
  $('sms-summary').dataset.segments = String(info.segments);
  $('sms-summary').dataset.encoding = info.encoding;
  const inline = form.querySelector('.sms-meter');
  if (inline) inline.textContent = out;
}

function showOutputs(res) {
  const errors = res.issues.filter((i) => i.severity === 'error').length;
  const waiting = `Nothing yet: fix ${plural(errors, 'error')} first.`;
  const keys = secrets();
  $('out-normalized').textContent = res.ok ? scrub(JSON.stringify(res.value, null, 2), keys) : waiting;

  for (const id of ['api-key-msg', 'workspace-id-msg', 'base-url-msg']) $(id).replaceChildren();
  for (const el of [apiKey, workspaceId, baseUrl]) el.removeAttribute('aria-invalid');
  if (!res.ok) {
    $('out-fetch').textContent = waiting;
    $('out-curl').textContent = waiting;
    return;
  }
  const key = apiKey.value;
  const ws = workspaceId.value;
  // Placeholders stand in for empty settings; only masks of real values are shown.
  const built = api().build(res.value, {
    apiKey: key || 'placeholder-api-key',
    workspaceId: ws || 'placeholder-workspace-id',
    baseUrl: baseUrl.value.trim() || undefined,
  });
  const fieldOf = { apiKey: [apiKey, 'api-key-msg'], workspaceId: [workspaceId, 'workspace-id-msg'], baseUrl: [baseUrl, 'base-url-msg'] };
  for (const issue of built.issues) {
    const [input, msgId] = fieldOf[issue.path[0]] ?? [];
    if (!input) continue;
    $(msgId).append(issueLine(issue));
    if (issue.severity === 'error') input.setAttribute('aria-invalid', 'true');
  }
  if (!built.ok) {
    const t = 'Nothing yet: fix the request settings first.';
    $('out-fetch').textContent = t;
    $('out-curl').textContent = t;
    return;
  }
  const headers = shownHeaders(built.request, {
    'x-api-key': key ? mask(key) : '<your api key>',
    'x-workspace-id': ws ? mask(ws) : '<your workspace id>',
  });
  $('out-fetch').textContent = scrub(fetchSnippet(built.request, headers), keys);
  $('out-curl').textContent = scrub(curlSnippet(built.request, headers), keys);
}

// ---------------------------------------------------------------- marks in the JSON text

/** Codes about a key itself (its name or its place), marked on the key. */
const KEY_CODES = new Set(['unknown_key', 'read_only', 'moved']);

/**
 * Where each issue goes in the JSON text: { from, to } of the token its mark underlines.
 * The library's line and column when the issue has them; else its pointer, found in
 * the text (jsonloc.js): the key for key codes and for object or array values, else
 * the value's first token; a missing member marks its closest existing parent.
 */
function placeInText(issues, text) {
  let map;
  return issues.map((issue) => {
    let at;
    map ??= places(text) ?? new Map();
    const place = map.size ? closest(map, issue.pointer ?? '') : undefined;
    // The library's line and column say where the text breaks (invalid_json, the byte
    // limit) and where each value starts; the key-or-value extent of a mark comes
    // from the member's place in the text.
    if (!place && issue.line >= 1 && issue.column >= 1) at = tokenAt(text, editor.offsetOf(issue.line, issue.column));
    else {
      if (!place) at = tokenAt(text, 0);
      else {
        const exact = map.get(issue.pointer) === place;
        const first = tokenAt(text, place.start);
        const container = text[place.start] === '{' || text[place.start] === '[';
        at = place.keyStart !== undefined && (KEY_CODES.has(issue.code) || container || !exact) ? [place.keyStart, place.keyEnd] : first;
      }
    }
    const [from, to] = at;
    const { line, column } = editor.lineColumnOf(from);
    return { issue, target: null, where: '', from, to, line, column };
  });
}

function markText(placed) {
  const keys = secrets();
  editor.setMarks(
    placed.map(({ issue, from, to }) => {
      const message = scrub(issue.message, keys);
      return {
        from,
        to,
        severity: issue.severity === 'error' ? 'error' : 'warning',
        message,
        source: issue.code,
        renderMessage: () => h('span', {}, richText(message)),
      };
    }),
  );
}

// ---------------------------------------------------------------- the graph

let lastGraph = null; // { flowData, issues } of the last JSON text that parsed

function showGraph(res, text) {
  if (state.flow !== 'call') return;
  if (cur().view === 'form') {
    graph.update(F.readModel(form).flowData, res.issues);
    return;
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    // keep the last picture while the text does not parse
    graph.update(lastGraph?.flowData, lastGraph?.issues ?? [], { note: 'The JSON text does not parse: the picture shows its last version that did.' });
    return;
  }
  lastGraph = { flowData: parsed?.flowData, issues: res.issues };
  graph.update(parsed?.flowData, res.issues);
}

/** A click (or Enter) on the graph: focus the item's row in the form, or its place in the JSON. */
function focusGraphItem({ kind, index, field }) {
  const m = graph.model;
  const item = kind === 'node' ? m?.nodes[index] : m?.edges[index];
  if (!item) return;
  let key = 'id';
  if (kind === 'edge') {
    if (field === 'missing') key = item.to.startsWith('p') ? 'target' : 'source';
    else key = ['source', 'target', 'id'].find((k) => item.messages.some((i) => i.pointer.startsWith(`/flowData/edges/${index}/${k}`))) ?? 'source';
  }
  const list = kind === 'node' ? 'nodes' : 'edges';
  if (cur().view === 'json') {
    const text = editor.text;
    const place = closest(places(text) ?? new Map(), `/flowData/${list}/${index}/${key}`);
    editor.select(place ? (place.keyStart ?? place.start) : 0);
    return;
  }
  const el = form.querySelector(`[name="flowData.${list}[${index}].${key}"]`);
  if (!el) return;
  for (let d = el.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'center', behavior: 'instant' });
}

// ---------------------------------------------------------------- the check

function update() {
  if (!state.ready) return;
  const fs = cur();
  const text = fs.view === 'json' ? editor.text : '';
  const t0 = performance.now();
  const res = fs.view === 'form' ? api().fromForm(F.formEntries(form)) : api().fromJson(text);
  document.body.dataset.validateMs = (performance.now() - t0).toFixed(1);
  let placed;
  if (fs.view === 'form') placed = placeInForm(res.issues);
  else {
    placeInForm([]);
    placed = placeInText(res.issues, text);
    markText(placed);
    showJsonStatus(res.issues);
  }
  state.placed = placed;
  showSummary(res.issues, placed);
  showOutputs(res);
  showSms();
  showGraph(res, text);
  document.body.dataset.checked = String((Number(document.body.dataset.checked) || 0) + 1);
}

/** Past this size a change waits for a pause in typing before the check (1 MB takes tens of ms). */
const LARGE_TEXT = 100_000;
let scheduled = false;
let timer = 0;
function scheduleUpdate() {
  if (cur().view === 'json' && editor.length > LARGE_TEXT) {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
    return;
  }
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    update();
  });
}

function onJsonInput() {
  cur().jsonDirty = true;
  scheduleUpdate();
}

// ---------------------------------------------------------------- actions

/** Puts a payload into the editor of `flow` (switching to it), in both views. */
function loadPayload(flow, payload) {
  if (state.flow !== flow) {
    saveFlow();
    state.flow = flow;
    document.getElementById(`flow-${flow}`).checked = true;
  }
  const fs = cur();
  const { model, left, textified } = F.payloadToModel(api().spec, payload);
  Object.assign(fs, { model, left, json: JSON.stringify(payload, null, 2), formDirty: false, jsonDirty: false });
  fs.notice = carryNotice(left, textified);
  renderFlow();
  update();
}

function loadExample(flow) {
  loadPayload(flow, FLOWS[flow].example);
}

function reset() {
  const view = cur().view;
  state.flows[state.flow] = { ...blank(), view };
  renderFlow();
  update();
}

function focusFirstIn(path) {
  const prefix = JSON.stringify(path).slice(0, -1);
  const el = [...form.querySelectorAll('[data-path]:not(button)')].find(
    (e) => e.dataset.path === prefix + ']' || e.dataset.path.startsWith(prefix + ','),
  );
  el?.focus();
}

form.addEventListener('click', (e) => {
  const btn = e.target.closest('button[data-action]');
  if (!btn) return;
  const fs = cur();
  const path = JSON.parse(btn.dataset.path);
  const model = F.readModel(form);
  const open = F.openSections(form);
  if (btn.dataset.action === 'add') {
    const i = F.addItem(model, path, btn.dataset.kind);
    F.renderForm(form, api().spec, model, { openState: open });
    focusFirstIn([...path, i]);
  } else {
    F.removeItem(model, path);
    const listPath = JSON.stringify(path.slice(0, -1));
    F.renderForm(form, api().spec, model, { openState: open });
    form.querySelector(`button[data-action=add][data-path="${CSS.escape(listPath)}"]`)?.focus();
  }
  fs.model = model;
  fs.formDirty = true;
  update();
});

form.addEventListener('submit', (e) => e.preventDefault());
form.addEventListener('input', (e) => {
  if (e.target.matches('[data-header-key]')) F.syncHeaderRow(e.target);
  cur().formDirty = true;
  scheduleUpdate();
});
for (const el of [apiKey, workspaceId, baseUrl]) el.addEventListener('input', scheduleUpdate);
$('request-form').addEventListener('submit', (e) => e.preventDefault());

$('summary-list').addEventListener('click', (e) => {
  const btn = e.target.closest('button[data-index]');
  if (btn) focusIssue(Number(btn.dataset.index));
});

for (const radio of document.querySelectorAll('input[name=flow]')) {
  radio.addEventListener('change', () => {
    if (!radio.checked || radio.value === state.flow) return;
    saveFlow();
    state.flow = radio.value;
    renderFlow();
    update();
  });
}

wireTabs(document.querySelector('#editor [role=tablist]'), (tab, focus) => {
  showView(tab.id === 'tab-json' ? 'json' : 'form');
  if (focus) tab.focus();
  update();
});
wireTabs(document.querySelector('.output [role=tablist]'), (tab, focus) => selectTab(tab, focus));

$('example-call').addEventListener('click', () => loadExample('call'));
$('example-message').addEventListener('click', () => loadExample('message'));
$('reset').addEventListener('click', reset);
setupClone({
  fromResponse: { call: callFlowFromResponseJson, message: messageFlowFromResponseJson },
  ready: () => state.ready,
  flow: () => state.flow,
  onCloned: loadPayload,
});
$('json-format').addEventListener('click', () => {
  try {
    editor.setText(JSON.stringify(JSON.parse(editor.text), null, 2));
    cur().jsonDirty = true;
    update();
  } catch {
    /* the status line already says where the text is wrong */
  }
});

// ---------------------------------------------------------------- start

try {
  const zones = Intl.supportedValuesOf?.('timeZone') ?? [];
  $('tz-list').replaceChildren(...['UTC', ...zones].map((z) => h('option', { value: z })));
} catch {
  /* no list of zones: the field still works */
}

renderFlow();
init().then(
  () => {
    state.ready = true;
    document.body.dataset.ready = 'true';
    update();
  },
  (e) => {
    const el = $('load-error');
    el.hidden = false;
    el.textContent = `The validator could not be loaded (${e?.message ?? e}). Serve the page over http with the built package in ../pkg/.`;
    $('summary-counts').textContent = 'The validator is not available.';
  },
);
