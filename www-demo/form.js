// Builds the form of a payload from the library's field catalogue
// (callFlowFields, messageFlowFields: labels, help, options, defaults and form
// hints all come from the schema), reads it back, and converts between the
// form's model (strings) and a JSON payload.
//
// The form's model is the payload's shape with string leaves; header objects are
// lists of { key, value } rows. Every control carries data-path (its place in the
// model), a name in the library's form naming (`webhooks[0].url`), data-pointer
// (the JSON pointer issues use) and an id derived from its path.

export const h = (tag, attrs = {}, ...children) => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('data-') || k.startsWith('aria-') || k === 'role' || k === 'for') el.setAttribute(k, v === true ? '' : v);
    else el[k] = v;
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
};

export const pointerOf = (path) => path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');

export function nameOf(path) {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${seg}` : seg;
  return s;
}

export const idOf = (path) =>
  'f-' + path.map((s) => String(s).replace(/[^A-Za-z0-9_]/g, (c) => '_' + c.codePointAt(0).toString(16))).join('-');

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function getIn(obj, path) {
  let cur = obj;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[seg];
  }
  return cur;
}

function setIn(obj, path, value) {
  let cur = obj;
  path.forEach((seg, i) => {
    if (i === path.length - 1) {
      cur[seg] = value;
      return;
    }
    if (cur[seg] === undefined) cur[seg] = typeof path[i + 1] === 'number' ? [] : {};
    cur = cur[seg];
  });
}

const singular = (node) => node.item ?? node.title;

// ---------------------------------------------------------------- from the catalogue

// The form's description, a tree of nodes made from the catalogue:
//   { kind: 'field', key, label, type, hint?, required?, options?, dflt?, mono?, sms? }
//       type: text | textarea | id | url | number | time | timezone | select | bool
//   { kind: 'group', key?, title, hint?, plain?, inline?, children }   a section that folds open
//       (key: the object it stands for; without key, a catalogue section of fields;
//       plain: a fieldset that is always open, for the sections of the top level;
//       a section stands where its first field does, or last when it says so)
//   { kind: 'list', key, title, item, hint?, children }      add/remove items (objects)
//   { kind: 'strings', key, title, item, hint? }             add/remove items (strings)
//   { kind: 'headers', key, title, hint? }                   name/value pairs of an object

const isChildOf = (path, base) => path.length === base.length + 1 && base.every((seg, i) => path[i] === seg);

/** The form's description of a payload, from its catalogue. */
export function specFromCatalogue(fields) {
  return nodesAt(fields, []);
}

/** The nodes of the object at `base`, whose fields (and theirs) are in `list`. */
function nodesAt(list, base) {
  const out = [];
  const last = [];
  const sections = new Map();
  for (const f of list) {
    if (!isChildOf(f.path, base)) continue;
    const node = nodeOf(f, list);
    const section = f.ui.section;
    if (!section) {
      out.push(node);
      continue;
    }
    // A section gathers its fields where its first field stands.
    let group = sections.get(section.title);
    if (!group) {
      group = { kind: 'group', title: section.title, hint: section.help || undefined, plain: base.length === 0, children: [] };
      sections.set(section.title, group);
      (section.last ? last : out).push(group);
    }
    group.children.push(node);
  }
  return [...out, ...last];
}

const FORMAT_TYPES = { id: 'id', url: 'url', time: 'time', timezone: 'timezone' };

function nodeOf(f, list) {
  const { key } = f;
  const hint = f.help || undefined;
  if (f.format === 'headers') return { kind: 'headers', key, title: f.label, item: f.ui.item ?? 'Header', hint };
  if (f.items) {
    return { kind: 'list', key, title: f.label, item: f.ui.item ?? f.label, hint, children: [...nodesAt(f.items, [...f.path, '[]']), ...extraNodes(f.ui.extras)] };
  }
  if (f.type === 'object') return { kind: 'group', key, title: f.label, hint, inline: f.ui.inline || undefined, children: nodesAt(list, f.path) };
  if (f.type === 'array') return { kind: 'strings', key, title: f.label, item: f.ui.item ?? f.label, hint };
  const node = { kind: 'field', key, label: f.label, type: 'text', hint, required: f.required || undefined };
  if (f.enum) {
    const unset = f.required ? 'Choose…' : f.default !== null ? `Not set (default: ${f.default})` : 'Not set';
    node.type = 'select';
    node.options = [
      ['', unset],
      ...f.enum.map((o) => [o.value, o.meaning ? `${o.value}: ${o.meaning}` : o.value]),
      // Refused values stay on offer, so that choosing one shows why it is refused.
      ...f.ui.refused.map((o) => [o.value, o.value]),
    ];
  } else if (f.type === 'boolean') {
    node.type = 'bool';
    if (f.default !== null) node.dflt = String(f.default);
  } else if (f.type === 'number') node.type = 'number';
  else if (FORMAT_TYPES[f.format]) node.type = FORMAT_TYPES[f.format];
  else if (f.ui.control === 'textarea' || f.ui.control === 'message' || f.ui.control === 'code') {
    node.type = 'textarea';
    if (f.ui.control === 'code') node.mono = true;
    if (f.ui.control === 'message') node.sms = true;
  }
  return node;
}

/** Fields for pass-through properties of an item (a flow node's `type`, `data.prompt`). */
function extraNodes(extras) {
  const out = [];
  for (const x of extras) {
    const field = { kind: 'field', key: x.path.at(-1), label: x.label, type: x.control === 'text' ? 'text' : 'textarea', mono: x.control === 'code' || undefined };
    let at = out;
    for (const k of x.path.slice(0, -1)) {
      let group = at.find((n) => n.kind === 'group' && n.key === k);
      if (!group) {
        group = { kind: 'group', key: k, inline: true, children: [] };
        at.push(group);
      }
      at = group.children;
    }
    at.push(field);
  }
  return out;
}

// ---------------------------------------------------------------- rendering

/** Renders the form of `spec` (specFromCatalogue) filled from `model` into `form` (replacing its content). */
export function renderForm(form, spec, model, { openState = new Set() } = {}) {
  form.replaceChildren(
    h('div', { class: 'msgs form-msgs', id: 'form-msgs', 'data-pointer': '', 'data-msgs': 'form-msgs', tabIndex: -1 }),
    ...spec.map((node) => renderNode(node, [], model, 0)),
  );
  for (const d of form.querySelectorAll('details[data-fold]')) if (openState.has(d.dataset.fold)) d.open = true;
}

/** The set of folded sections that are open, to keep them open across a re-render. */
export function openSections(form) {
  return new Set([...form.querySelectorAll('details[data-fold]')].filter((d) => d.open).map((d) => d.dataset.fold));
}

function renderNode(node, base, model, depth) {
  switch (node.kind) {
    case 'field':
      return renderField(node, [...base, node.key], getIn(model, [...base, node.key]));
    case 'group':
      return renderGroup(node, base, model, depth);
    case 'list':
      return renderList(node, [...base, node.key], model, depth);
    case 'strings':
      return renderStrings(node, [...base, node.key], model);
    case 'headers':
      return renderHeaders(node, [...base, node.key], model);
    default:
      throw new Error(`unknown node kind ${node.kind}`);
  }
}

function msgsFor(id) {
  return h('div', { class: 'msgs', id, role: 'group', 'aria-label': 'Issues' });
}

function renderGroup(node, base, model, depth) {
  const path = node.key ? [...base, node.key] : base;
  const kids = node.children.map((c) => renderNode(c, path, model, depth + 1));
  if (node.inline) return h('div', { class: 'inline-group' }, kids);
  const hint = node.hint ? h('p', { class: 'hint section-hint', text: node.hint }) : null;
  if (node.plain) {
    return h('fieldset', { class: 'section plain' }, h('legend', { text: node.title }), hint, h('div', { class: 'grid' }, kids));
  }
  const fold = node.key ? pointerOf(path) : `${pointerOf(path)}#${node.title}`;
  const msgId = idOf(path) + (node.key ? '' : '-' + node.title.replace(/\W+/g, '_')) + '-sec-msg';
  return h(
    'details',
    {
      class: `section depth-${Math.min(depth, 3)}`,
      'data-fold': fold,
      'data-pointer': node.key ? pointerOf(path) : undefined,
      'data-msgs': node.key ? msgId : undefined,
    },
    h('summary', {}, h('span', { class: 'summary-title', text: node.title }), h('span', { class: 'badges' })),
    h('div', { class: 'section-body' }, hint, node.key ? msgsFor(msgId) : null, h('div', { class: 'grid' }, kids)),
  );
}

function controlFor(node, path, value, id, describedBy) {
  const common = {
    id,
    name: nameOf(path),
    'data-path': JSON.stringify(path),
    'data-pointer': pointerOf(path),
    'data-msgs': id + '-msg',
    'aria-describedby': describedBy,
    'aria-required': node.required ? 'true' : undefined,
  };
  const v = value ?? '';
  let el;
  if (node.type === 'select' || node.type === 'bool') {
    const options =
      node.type === 'bool'
        ? [
            ['', node.dflt ? `Not set (default: ${node.dflt})` : 'Not set'],
            ['true', 'true'],
            ['false', 'false'],
          ]
        : node.options;
    el = h('select', common, options.map(([val, label]) => h('option', { value: val, text: label })));
    if (!options.some(([val]) => val === v)) el.append(h('option', { value: v, text: `${v} (not allowed)` }));
    el.value = v;
    return el;
  }
  if (node.type === 'textarea') {
    el = h('textarea', { ...common, rows: node.mono ? 3 : 2, spellcheck: !node.mono, class: node.mono ? 'mono' : undefined });
  } else {
    const extra = {
      id: { spellcheck: false, autocomplete: 'off', class: 'mono' },
      url: { inputMode: 'url', spellcheck: false, autocomplete: 'off', placeholder: 'https://' },
      number: { inputMode: 'decimal', autocomplete: 'off' },
      time: { placeholder: 'HH:MM', autocomplete: 'off', class: 'mono narrow' },
      timezone: { spellcheck: false, autocomplete: 'off', 'list': undefined, placeholder: 'UTC' },
    }[node.type] ?? {};
    el = h('input', { ...common, type: 'text', ...extra });
    if (node.type === 'timezone') el.setAttribute('list', 'tz-list');
  }
  el.value = v;
  return el;
}

function renderField(node, path, value) {
  const id = idOf(path);
  const hintId = node.hint ? id + '-hint' : null;
  const smsId = node.sms ? id + '-sms' : null;
  const describedBy = [hintId, smsId, id + '-msg'].filter(Boolean).join(' ');
  const control = controlFor(node, path, typeof value === 'string' ? value : value === undefined ? '' : String(value), id, describedBy);
  const wide = node.type === 'textarea' ? ' wide' : '';
  return h(
    'div',
    { class: 'field' + wide, 'data-field': pointerOf(path) },
    h('label', { for: id }, node.label, node.required ? h('span', { class: 'req', 'aria-hidden': 'true', text: ' *' }) : null),
    control,
    node.hint ? h('p', { class: 'hint', id: hintId, text: node.hint }) : null,
    smsId ? h('p', { class: 'sms-meter', id: smsId, 'aria-live': 'polite' }) : null,
    msgsFor(id + '-msg'),
  );
}

function listFrame(node, path, depth, items, addLabel) {
  const pointer = pointerOf(path);
  const msgId = idOf(path) + '-list-msg';
  const body = h(
    'div',
    { class: 'list-body' },
    node.hint ? h('p', { class: 'hint section-hint', text: node.hint }) : null,
    msgsFor(msgId),
    h('div', { class: 'items' }, items),
    h('button', {
      type: 'button',
      class: 'add',
      'data-action': 'add',
      'data-path': JSON.stringify(path),
      'data-kind': node.kind,
      text: addLabel,
    }),
  );
  const count = h('span', { class: 'count', text: String(items.length) });
  if (depth === 0) {
    return h(
      'details',
      { class: 'section list', 'data-fold': pointer, 'data-pointer': pointer, 'data-msgs': msgId },
      h('summary', {}, h('span', { class: 'summary-title', text: node.title }), count, h('span', { class: 'badges' })),
      h('div', { class: 'section-body' }, body),
    );
  }
  return h(
    'div',
    { class: 'sublist wide', 'data-pointer': pointer, 'data-msgs': msgId, tabIndex: -1 },
    h('h4', {}, node.title, ' ', count),
    body,
  );
}

function renderList(node, path, model, depth) {
  const arr = getIn(model, path);
  const items = (Array.isArray(arr) ? arr : []).map((_, i) => {
    const itemPath = [...path, i];
    const msgId = idOf(itemPath) + '-item-msg';
    return h(
      'div',
      { class: 'item', 'data-pointer': pointerOf(itemPath), 'data-msgs': msgId, tabIndex: -1 },
      h(
        'div',
        { class: 'item-head' },
        h('span', { class: 'item-title', text: `${singular(node)} ${i + 1}` }),
        h('button', {
          type: 'button',
          class: 'remove',
          'data-action': 'remove',
          'data-path': JSON.stringify(itemPath),
          'aria-label': `Remove ${singular(node).toLowerCase()} ${i + 1}`,
          text: 'Remove',
        }),
      ),
      msgsFor(msgId),
      h('div', { class: 'grid' }, node.children.map((c) => renderNode(c, itemPath, model, depth + 1))),
    );
  });
  return listFrame(node, path, depth, items, `Add ${singular(node).toLowerCase()}`);
}

function renderStrings(node, path, model) {
  const arr = getIn(model, path);
  const items = (Array.isArray(arr) ? arr : []).map((v, i) => {
    const itemPath = [...path, i];
    const id = idOf(itemPath);
    return h(
      'div',
      { class: 'row' },
      h('label', { for: id, class: 'visually-hidden', text: `${singular(node)} ${i + 1}` }),
      h('input', {
        type: 'text',
        id,
        name: nameOf(itemPath),
        value: v ?? '',
        'data-path': JSON.stringify(itemPath),
        'data-pointer': pointerOf(itemPath),
        'data-msgs': id + '-msg',
        'aria-describedby': id + '-msg',
        placeholder: `${singular(node)} ${i + 1}`,
      }),
      h('button', {
        type: 'button',
        class: 'remove',
        'data-action': 'remove',
        'data-path': JSON.stringify(itemPath),
        'aria-label': `Remove ${singular(node).toLowerCase()} ${i + 1}`,
        text: 'Remove',
      }),
      msgsFor(id + '-msg'),
    );
  });
  return listFrame(node, path, 1, items, `Add ${singular(node).toLowerCase()}`);
}

/** The form name of a header's value: `webhooks[0].headers[X-Token]`. */
const headerName = (path, key) => `${nameOf(path)}[${key}]`;

function renderHeaders(node, path, model) {
  const arr = getIn(model, path);
  const rows = (Array.isArray(arr) ? arr : []).map((row, i) => {
    const rowPath = [...path, i];
    const id = idOf(rowPath);
    const key = row?.key ?? '';
    return h(
      'div',
      { class: 'row header-row' },
      h('label', { for: id + '-key', class: 'visually-hidden', text: `Header ${i + 1} name` }),
      h('input', {
        type: 'text',
        id: id + '-key',
        value: key,
        placeholder: 'Name',
        spellcheck: false,
        autocomplete: 'off',
        class: 'mono',
        'data-path': JSON.stringify([...rowPath, 'key']),
        'data-pointer': pointerOf([...path, key]),
        'data-msgs': id + '-msg',
        'data-header-key': '',
        'aria-describedby': id + '-msg',
      }),
      h('label', { for: id + '-value', class: 'visually-hidden', text: `Header ${i + 1} value` }),
      h('input', {
        type: 'text',
        id: id + '-value',
        name: headerName(path, key),
        value: row?.value ?? '',
        placeholder: 'Value',
        spellcheck: false,
        autocomplete: 'off',
        'data-path': JSON.stringify([...rowPath, 'value']),
        'aria-describedby': id + '-msg',
      }),
      h('button', {
        type: 'button',
        class: 'remove',
        'data-action': 'remove',
        'data-path': JSON.stringify(rowPath),
        'aria-label': `Remove header ${i + 1}`,
        text: 'Remove',
      }),
      msgsFor(id + '-msg'),
    );
  });
  return listFrame(node, path, 1, rows, 'Add header');
}

/** After a header name was edited: renames its value input and re-points its issues. */
export function syncHeaderRow(keyInput) {
  const rowPath = JSON.parse(keyInput.dataset.path).slice(0, -1);
  const headersPath = rowPath.slice(0, -1);
  keyInput.dataset.pointer = pointerOf([...headersPath, keyInput.value]);
  const value = keyInput.closest('.header-row').querySelector('input:not([data-header-key])');
  value.name = headerName(headersPath, keyInput.value);
}

// ---------------------------------------------------------------- reading

/** The form's model (string leaves, header rows as { key, value }). */
export function readModel(form) {
  const model = {};
  for (const el of form.querySelectorAll('[data-path]')) {
    if (el.tagName === 'BUTTON') continue;
    setIn(model, JSON.parse(el.dataset.path), el.value);
  }
  return model;
}

/** Adds an empty item to the list at `path` of the model. */
export function addItem(model, path, kind) {
  let arr = getIn(model, path);
  if (!Array.isArray(arr)) {
    arr = [];
    setIn(model, path, arr);
  }
  arr.push(kind === 'strings' ? '' : kind === 'headers' ? { key: '', value: '' } : {});
  return arr.length - 1;
}

/** Removes the item at `path` (the last segment is its index); later items move up. */
export function removeItem(model, path) {
  const arr = getIn(model, path.slice(0, -1));
  if (Array.isArray(arr)) arr.splice(path.at(-1), 1);
}

/**
 * The form's entries for the library's `...FromForm`. An optional field left empty
 * is absent for the library, but its name still creates the object it sits in
 * (`settings.security.publicAccess=""` gives `settings.security: {}`, and an empty
 * working-hours section gets its defaults filled): an empty entry is left out when
 * every entry of the object it belongs to is empty. List items are always kept.
 */
export function formEntries(form) {
  const entries = [...new FormData(form).entries()].filter(([, v]) => typeof v === 'string');
  const parentOf = (name) => {
    const dot = name.lastIndexOf('.');
    if (dot < 0 || name.endsWith(']')) return null;
    const parent = name.slice(0, dot);
    return parent.endsWith(']') ? null : parent;
  };
  const allEmpty = new Map();
  const emptyUnder = (parent) => {
    if (!allEmpty.has(parent)) {
      allEmpty.set(
        parent,
        entries.every(([n, v]) => v === '' || !(n.startsWith(parent + '.') || n.startsWith(parent + '['))),
      );
    }
    return allEmpty.get(parent);
  };
  const out = new FormData();
  for (const [n, v] of entries) {
    const parent = v === '' ? parentOf(n) : null;
    if (parent && emptyUnder(parent)) continue;
    out.append(n, v);
  }
  return out;
}

// ---------------------------------------------------------------- model <-> payload

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The JSON payload the form stands for, typed as the library's form coercion
 * types it: booleans and numbers from their text, empty optional fields absent,
 * empty required text kept as "" (so it is reported as empty).
 */
export function modelToPayload(spec, model) {
  const out = {};
  walkTo(spec, model ?? {}, out);
  return out;
}

function walkTo(nodes, src, out) {
  for (const node of nodes) {
    if (node.kind === 'group' && !node.key) {
      walkTo(node.children, src, out);
      continue;
    }
    const v = src?.[node.key];
    if (node.kind === 'field') {
      if (v === undefined) continue;
      if (v === '') {
        if (node.required && !['select', 'bool'].includes(node.type)) out[node.key] = '';
        else if (node.key === 'customWelcomeMessage' && src.welcomeMessage === 'ai_custom') out[node.key] = '';
        continue;
      }
      if (node.type === 'bool' && (v === 'true' || v === 'false')) out[node.key] = v === 'true';
      else if (node.type === 'number' && NUMBER.test(v)) out[node.key] = Number(v);
      else out[node.key] = v;
    } else if (node.kind === 'group') {
      const sub = {};
      walkTo(node.children, v, sub);
      if (Object.keys(sub).length) out[node.key] = sub;
    } else if (node.kind === 'list') {
      if (!Array.isArray(v) || !v.length) continue;
      out[node.key] = v.map((item) => {
        const o = {};
        walkTo(node.children, item, o);
        return o;
      });
    } else if (node.kind === 'strings') {
      if (Array.isArray(v) && v.length) out[node.key] = v.slice();
    } else if (node.kind === 'headers') {
      if (!Array.isArray(v) || !v.length) continue;
      const o = {};
      for (const row of v) if (row.value !== '' || row.key !== '') o[row.key] = row.value;
      out[node.key] = o;
    }
  }
}

/**
 * The form's model for a JSON payload. Returns { model, left, textified }: `left`
 * lists the pointers of values the form has no field for (they stay in the JSON
 * view only); `textified` those of objects the form shows (and sends) as text.
 */
export function payloadToModel(spec, payload) {
  const model = {};
  const used = new Set();
  const containers = new Set(['']);
  const textified = [];
  walkFrom(spec, payload, model, [], used, containers, textified);
  const left = [];
  const visit = (value, path) => {
    if (!isObject(value) && !Array.isArray(value)) return;
    for (const [k, v] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
      const p = [...path, k];
      const ptr = pointerOf(p);
      if (used.has(ptr)) continue;
      if (containers.has(ptr)) visit(v, p);
      else left.push(ptr);
    }
  };
  if (isObject(payload)) visit(payload, []);
  else left.push('');
  return { model, left, textified };
}

const asText = (v) => (v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

function walkFrom(nodes, src, out, path, used, containers, textified) {
  if (!isObject(src)) return;
  for (const node of nodes) {
    if (node.kind === 'group' && !node.key) {
      walkFrom(node.children, src, out, path, used, containers, textified);
      continue;
    }
    const v = src[node.key];
    if (v === undefined) continue;
    const p = [...path, node.key];
    const ptr = pointerOf(p);
    if (node.kind === 'field') {
      const textual = node.type === 'textarea' && node.mono;
      if (v !== null && typeof v === 'object' && !textual) continue; // left over
      if (v !== null && typeof v === 'object') textified.push(ptr);
      out[node.key] = asText(v);
      used.add(ptr);
    } else if (node.kind === 'group') {
      if (v === null) {
        used.add(ptr);
        continue;
      }
      if (!isObject(v)) continue;
      containers.add(ptr);
      out[node.key] = {};
      walkFrom(node.children, v, out[node.key], p, used, containers, textified);
    } else if (node.kind === 'list') {
      if (v === null) {
        used.add(ptr);
        continue;
      }
      if (!Array.isArray(v)) continue;
      containers.add(ptr);
      out[node.key] = v.map((item, i) => {
        const o = {};
        if (isObject(item)) {
          containers.add(pointerOf([...p, i]));
          walkFrom(node.children, item, o, [...p, i], used, containers, textified);
        }
        return o;
      });
    } else if (node.kind === 'strings') {
      if (v === null) {
        used.add(ptr);
        continue;
      }
      if (!Array.isArray(v)) continue;
      containers.add(ptr);
      out[node.key] = [];
      v.forEach((item, i) => {
        if (item !== null && typeof item === 'object') return; // left over
        out[node.key].push(asText(item));
        used.add(pointerOf([...p, i]));
      });
    } else if (node.kind === 'headers') {
      if (v === null) {
        used.add(ptr);
        continue;
      }
      if (!isObject(v)) continue;
      containers.add(ptr);
      out[node.key] = [];
      for (const [key, value] of Object.entries(v)) {
        if (value !== null && typeof value === 'object') continue;
        out[node.key].push({ key, value: asText(value) });
        used.add(pointerOf([...p, key]));
      }
    }
  }
}
