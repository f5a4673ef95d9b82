// The picture of a call flow's graph: boxes (nodes: id and type) and arrows (edges),
// laid out by dagre in a Web Worker (dist/layout.js), drawn as SVG. An edge naming a
// missing node points to a red placeholder; nodes and edges with issues are outlined
// in the error or warning colour; nodes no path from the start reaches are marked.
// Clicking an item (or Enter on it) calls onActivate; the picture is one tab stop,
// arrow keys move between its items. The form's node and edge lists are its text
// alternative, and a status line says what it shows in words.
import { flowGraph } from './graph-model.js';

const SVG = 'http://www.w3.org/2000/svg';
const NODE_W = 168;
const NODE_H = 48;
// Layout times measured in headless Chromium on this project's 2-core machine (dagre
// in the worker): 300 nodes 0.2 s; 1,000 nodes in a tree 0.3 s, with 100 more
// crossing edges 0.35 s, with 500 more 5.2 s; 2,500 nodes 1.4 s; 5,000 nodes 3.4 s.
/** Past this size, a notice: a layout takes a moment, and the picture waits for a pause in typing. */
export const SLOW = { nodes: 400, edges: 600 };
/** Past this size, no automatic layout (seconds each): a button draws it. */
export const AUTO_MAX = { nodes: 2500, edges: 4000 };
const past = (m, limit) => m.nodes.length > limit.nodes || m.edges.length > limit.edges;
const LAYOUT_URL = new URL('./dist/layout.js', import.meta.url);

const s = (tag, attrs = {}, ...kids) => {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null && v !== false) el.setAttribute(k, v === true ? '' : String(v));
  for (const k of kids) if (k) el.append(k);
  return el;
};
const plural = (n, word) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
const clip = (t, n) => (t.length > n ? t.slice(0, n - 1) + '…' : t);
const names = (list, n = 8) => list.slice(0, n).join(', ') + (list.length > n ? ` and ${list.length - n} more` : '');
const nodeName = (n) => (n.id === null || n.id === '' ? `node ${n.index + 1} (no id)` : n.id);

/** Runs layouts in a worker, one at a time; a request made while one runs replaces any waiting one. */
function layoutRunner() {
  let worker = null;
  let useWorker = typeof Worker === 'function';
  let busy = null; // { resolve, reject }
  let waiting = null; // { graph, resolve, reject }
  let seq = 0;
  const direct = async (graph) => (await import(LAYOUT_URL.href)).layout(graph);
  const start = (job) => {
    if (!useWorker) {
      direct(job.graph).then(job.resolve, job.reject);
      return;
    }
    try {
      if (!worker) {
        worker = new Worker(LAYOUT_URL, { type: 'module', name: 'flow-layout' });
        worker.onmessage = (e) => {
          const job = busy;
          busy = null;
          if (job && e.data.id === job.id) {
            if (e.data.error) job.reject(new Error(e.data.error));
            else job.resolve(e.data.result);
          }
          if (waiting) {
            const next = waiting;
            waiting = null;
            start(next);
          }
        };
        worker.onerror = (e) => {
          // the worker could not start (or crashed): lay out on the page from now on
          e.preventDefault?.();
          worker?.terminate();
          worker = null;
          useWorker = false;
          const jobs = [busy, waiting].filter(Boolean);
          busy = waiting = null;
          for (const j of jobs) direct(j.graph).then(j.resolve, j.reject);
        };
      }
      job.id = ++seq;
      busy = job;
      worker.postMessage({ id: job.id, graph: job.graph });
    } catch {
      useWorker = false;
      busy = null;
      direct(job.graph).then(job.resolve, job.reject);
    }
  };
  return (graph) =>
    new Promise((resolve, reject) => {
      const job = { graph, resolve, reject };
      if (busy) {
        waiting?.resolve(null); // superseded
        waiting = job;
      } else start(job);
    });
}

/**
 * Fills `root` (the graph card) and returns { update(flowData, issues), model }.
 * `root` holds #graph-canvas, #graph-status, #graph-notice and the zoom buttons.
 */
export function createFlowGraph(root, { onActivate = () => {} } = {}) {
  const canvas = root.querySelector('.graph-canvas');
  const status = root.querySelector('.graph-status');
  const notice = root.querySelector('.graph-notice');
  const runLayout = layoutRunner();
  let model = null;
  let laid = null; // { signature, pos }
  let pending = null; // signature being laid out
  let forced = null; // a signature the user asked to draw past AUTO_MAX
  let timer = 0;
  let zoom = null; // null: fit to the width (at least 0.5) at each new layout
  let focusKey = null; // the item with tabindex 0
  let drawnLook = '';
  let items = [];
  let prefix = '';
  let fresh = false; // a new layout: scroll to the start once drawn
  let slowTimer = 0;

  const svgRoot = () => canvas.querySelector('svg');

  function setNotice(text, button) {
    notice.hidden = !text;
    notice.replaceChildren(text ?? '');
    if (button) notice.append(' ', button);
  }

  function describe(m) {
    if (!m.nodes.length && !m.edges.length) return 'No nodes or edges yet.';
    const parts = [`${plural(m.nodes.length, 'node')}, ${plural(m.edges.length, 'edge')}.`];
    if (m.starts.length) parts.push(`Start: ${names(m.starts.map(nodeName))}.`);
    const missing = m.placeholders.map((p) => (p.id === '' ? '(no node id)' : p.id));
    if (missing.length) parts.push(`${missing.length === 1 ? 'An edge names a missing node' : 'Edges name missing nodes'}: ${names(missing)}.`);
    if (m.unreachable.length) parts.push(`Not reached from the start: ${names(m.unreachable.map(nodeName))}.`);
    const bad = m.nodes.filter((n) => n.severity).length + m.edges.filter((e) => e.severity).length;
    if (bad) parts.push(`${plural(bad, 'item')} with issues, outlined.`);
    return parts.join(' ');
  }

  function applyZoom(fit) {
    const svg = svgRoot();
    if (!svg || !laid) return;
    const { width, height } = laid.pos;
    const fitZoom = Math.min(1, Math.max(0.05, (canvas.clientWidth - 4) / Math.max(width, 1)));
    if (fit) zoom = fitZoom;
    const z = zoom ?? Math.max(fitZoom, 0.5);
    svg.setAttribute('width', String(Math.ceil(width * z)));
    svg.setAttribute('height', String(Math.ceil(height * z)));
    root.dataset.zoom = z.toFixed(3);
  }

  function draw() {
    const m = model;
    const { pos } = laid;
    const hadFocus = canvas.contains(document.activeElement);
    const svg = s('svg', {
      viewBox: `0 0 ${Math.ceil(pos.width)} ${Math.ceil(pos.height)}`,
      role: 'group',
      'aria-label': 'Flow graph',
      'aria-describedby': status.id,
      class: 'graph-svg',
    });
    svg.append(
      s(
        'defs',
        {},
        ...['plain', 'error', 'warning'].map((kind) =>
          s('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrow arrow-${kind}` })),
        ),
      ),
    );
    const edgeLayer = s('g', { class: 'edges' });
    const nodeLayer = s('g', { class: 'nodes' });
    items = [];
    const box = (key, x, y, cls, label, lines, extra = {}) => {
      const g = s('g', { class: `gitem gnode ${cls}`, 'data-key': key, transform: `translate(${x - NODE_W / 2},${y - NODE_H / 2})`, role: 'button', tabindex: -1, 'aria-label': label, ...extra });
      g.append(s('rect', { width: NODE_W, height: NODE_H, rx: 7, class: 'box' }));
      lines.forEach(([text, c], i) => {
        const t = s('text', { x: 10, y: i === 0 ? 20 : 37, class: c });
        t.textContent = text;
        g.append(t);
      });
      g.append(s('title', {}, document.createTextNode(label)));
      return g;
    };
    for (const n of m.nodes) {
      const p = pos.nodes[n.key];
      if (!p) continue;
      const cls = [n.severity ? `is-${n.severity}` : '', n.start ? 'is-start' : '', n.unreachable ? 'is-unreachable' : ''].join(' ');
      const idText = n.id === null || n.id === '' ? '(no id)' : n.id;
      const typeText = n.type === null || n.type === '' ? 'no type' : `type: ${n.type}`;
      const state = [n.start ? 'start' : '', n.unreachable ? 'not reached from the start' : '', n.severity ? `${n.messages.length} ${n.severity === 'error' ? 'with errors' : 'with warnings'}` : ''].filter(Boolean).join(', ');
      const label = `Node ${idText}, ${typeText}${state ? `, ${state}` : ''}`;
      const g = box(n.key, p.x, p.y, cls, label, [
        [clip(idText, 20), 'gid'],
        [clip(typeText, 24), 'gtype'],
      ], { 'data-kind': 'node', 'data-index': n.index, 'data-id': n.id ?? '' });
      if (n.unreachable) {
        const t = s('text', { x: NODE_W - 8, y: -5, class: 'gflag', 'text-anchor': 'end' });
        t.textContent = 'unreachable';
        g.append(t);
      } else if (n.start) {
        const t = s('text', { x: NODE_W - 8, y: -5, class: 'gflag gflag-start', 'text-anchor': 'end' });
        t.textContent = 'start';
        g.append(t);
      }
      nodeLayer.append(g);
      items.push(g);
    }
    for (const ph of m.placeholders) {
      const p = pos.nodes[ph.key];
      if (!p) continue;
      const idText = ph.id === '' ? '(no node id)' : ph.id;
      const first = m.edges.find((e) => e.from === ph.key || e.to === ph.key);
      const g = box(ph.key, p.x, p.y, 'is-missing is-error', `Missing node ${idText}: no node has this id`, [
        [clip(idText, 20), 'gid'],
        ['missing node', 'gtype'],
      ], { 'data-kind': 'placeholder', 'data-index': first?.index ?? '', 'data-id': ph.id });
      nodeLayer.append(g);
      items.push(g);
    }
    for (const e of m.edges) {
      const pts = pos.edges[e.key];
      if (!pts?.length) continue;
      const d = pts.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
      const missing = e.from.startsWith('p') || e.to.startsWith('p');
      const sev = e.severity ?? (missing ? 'error' : null);
      const label = `Edge ${e.id ? `${e.id} ` : ''}from ${e.source || '(none)'} to ${e.target || '(none)'}${sev ? `, ${sev === 'error' ? 'with errors' : 'with warnings'}` : ''}`;
      const g = s('g', { class: `gitem gedge${sev ? ` is-${sev}` : ''}`, 'data-key': e.key, 'data-kind': 'edge', 'data-index': e.index, role: 'button', tabindex: -1, 'aria-label': label });
      g.append(s('path', { d, class: 'hit' }), s('path', { d, class: 'line', 'marker-end': `url(#arrow-${sev ?? 'plain'})` }), s('title', {}, document.createTextNode(label)));
      edgeLayer.append(g);
      items.push(g);
    }
    svg.append(edgeLayer, nodeLayer);
    canvas.replaceChildren(svg);
    const keep = items.find((g) => g.dataset.key === focusKey) ?? items[0];
    if (keep) {
      keep.setAttribute('tabindex', '0');
      focusKey = keep.dataset.key;
      if (hadFocus) keep.focus({ preventScroll: true });
    }
    applyZoom(false);
    if (fresh) {
      fresh = false;
      const start = pos.nodes[m.starts[0]?.key];
      const z = Number(root.dataset.zoom) || 1;
      if (start) canvas.scrollTo({ left: Math.max(0, start.x * z - canvas.clientWidth / 2), top: Math.max(0, (start.y - NODE_H) * z - 8), behavior: 'instant' });
    }
    root.dataset.nodes = String(m.nodes.length);
    root.dataset.drawn = 'true';
  }

  const lookOf = (m) =>
    m.signature +
    '|' +
    m.nodes.map((n) => `${n.id}\u0000${n.type}\u0000${n.severity}\u0000${n.unreachable}\u0000${n.start}`).join('\u0001') +
    '|' +
    m.edges.map((e) => `${e.id}\u0000${e.source}\u0000${e.target}\u0000${e.severity}`).join('\u0001') +
    '|' +
    m.placeholders.map((p) => p.id).join('\u0001');

  function show() {
    const m = model;
    status.textContent = prefix + describe(m);
    if (laid && laid.signature === m.signature) {
      const look = lookOf(m);
      if (look !== drawnLook || !svgRoot()) {
        draw();
        drawnLook = look;
      }
    }
  }

  function requestLayout(m) {
    const signature = m.signature;
    if (pending === signature) return;
    pending = signature;
    root.dataset.state = 'layout';
    const graph = {
      nodes: [...m.nodes, ...m.placeholders].map((n) => ({ key: n.key, width: NODE_W, height: NODE_H })),
      edges: m.edges.map((e) => ({ key: e.key, source: e.from, target: e.to })),
    };
    const t0 = performance.now();
    if (past(m, SLOW)) setNotice(`Laying out ${plural(m.nodes.length, 'node')}…`);
    // a layout slower than expected (many crossing edges) says so
    clearTimeout(slowTimer);
    slowTimer = setTimeout(() => {
      if (pending === signature) setNotice(`Still laying out ${plural(m.nodes.length, 'node')} and ${plural(m.edges.length, 'edge')}; the page stays usable meanwhile.`);
    }, 1000);
    runLayout(graph).then(
      (pos) => {
        if (!pos || pending !== signature) return; // superseded
        pending = null;
        clearTimeout(slowTimer);
        const total = performance.now() - t0;
        laid = { signature, pos };
        root.dataset.state = 'ready';
        root.dataset.layoutMs = String(Math.round(pos.ms));
        root.dataset.layoutTotalMs = String(Math.round(total));
        if (past(m, SLOW)) {
          setNotice(
            `This flow has ${plural(m.nodes.length, 'node')}: laying it out took ${(pos.ms / 1000).toFixed(1)} s, so the picture follows your edits after a pause in typing.`,
          );
        } else setNotice('');
        fresh = true;
        if (model?.signature === signature) show();
      },
      (err) => {
        if (pending !== signature) return;
        pending = null;
        clearTimeout(slowTimer);
        root.dataset.state = 'failed';
        setNotice(`The graph could not be laid out (${err?.message ?? err}). The node and edge lists in the form show the same flow.`);
      },
    );
  }

  /** Draws `flowData` with its payload's issues. `note`: a sentence put before the status. */
  function update(flowData, issues, { note = '' } = {}) {
    model = flowGraph(flowData, issues);
    const m = model;
    prefix = note ? `${note} ` : '';
    clearTimeout(timer);
    if (!m.nodes.length && !m.edges.length) {
      laid = null;
      pending = null;
      drawnLook = '';
      canvas.replaceChildren(Object.assign(document.createElement('p'), { className: 'graph-empty', textContent: 'No nodes yet: add them under “Flow data” in the form, or in the JSON.' }));
      setNotice('');
      status.textContent = prefix + describe(m);
      root.dataset.state = 'empty';
      root.dataset.nodes = '0';
      return m;
    }
    if (laid?.signature === m.signature) {
      if (!past(m, SLOW)) setNotice('');
      show();
      return m;
    }
    status.textContent = prefix + describe(m);
    if (past(m, AUTO_MAX) && forced !== m.signature) {
      const btn = Object.assign(document.createElement('button'), { type: 'button', className: 'graph-draw', textContent: `Draw ${plural(m.nodes.length, 'node')}` });
      btn.addEventListener('click', () => {
        forced = m.signature;
        setNotice(`Laying out ${plural(m.nodes.length, 'node')}…`);
        requestLayout(model);
      });
      setNotice(`This flow has ${plural(m.nodes.length, 'node')} and ${plural(m.edges.length, 'edge')}: a layout would take several seconds, so it is not drawn as you type.`, btn);
      root.dataset.state = 'too-large';
      return m;
    }
    if (!past(m, SLOW)) setNotice('');
    // small graphs follow each edit; large ones wait for a pause
    if (past(m, SLOW) && laid) timer = setTimeout(() => requestLayout(model), 400);
    else requestLayout(m);
    return m;
  }

  // ------------------------------------------------------------ interaction

  const itemOf = (target) => target?.closest?.('.gitem');
  function activate(g) {
    if (!g) return;
    const kind = g.dataset.kind;
    const index = g.dataset.index === '' ? null : Number(g.dataset.index);
    if (kind === 'placeholder') {
      if (index !== null) onActivate({ kind: 'edge', index, field: 'missing', id: g.dataset.id });
    } else onActivate({ kind, index });
  }
  function moveTo(g) {
    if (!g) return;
    for (const el of canvas.querySelectorAll('.gitem[tabindex="0"]')) el.setAttribute('tabindex', '-1');
    g.setAttribute('tabindex', '0');
    focusKey = g.dataset.key;
    g.focus({ preventScroll: true });
    g.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }
  canvas.addEventListener('click', (e) => {
    const g = itemOf(e.target);
    if (!g) return;
    moveTo(g);
    activate(g);
  });
  canvas.addEventListener('keydown', (e) => {
    const g = itemOf(e.target);
    if (!g) return;
    const i = items.indexOf(g);
    const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: items.length - 1 }[e.key];
    if (to !== undefined) {
      e.preventDefault();
      moveTo(items[Math.max(0, Math.min(to, items.length - 1))]);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate(g);
    }
  });
  root.querySelector('[data-zoom=in]')?.addEventListener('click', () => {
    zoom = Math.min(2, (Number(root.dataset.zoom) || 1) * 1.25);
    applyZoom(false);
  });
  root.querySelector('[data-zoom=out]')?.addEventListener('click', () => {
    zoom = Math.max(0.05, (Number(root.dataset.zoom) || 1) / 1.25);
    applyZoom(false);
  });
  root.querySelector('[data-zoom=fit]')?.addEventListener('click', () => applyZoom(true));

  return {
    update,
    get model() {
      return model;
    },
  };
}
