// The flow graph of a call flow's flowData, as the picture draws it (no DOM here):
// its nodes, the placeholders of node ids that edges name but no node has, its edges,
// the start nodes, the nodes no path from a start reaches, and the worst issue of
// each node and edge.
//
// The start (docs/DECISIONS.md): every node of type "start" (the seed example's
// first node is { id: "node1", type: "start" }); with no such node, the first node.

const str = (v) => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null);
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

const NODE_AT = /^\/flowData\/nodes\/(\d+)(?:\/|$)/;
const EDGE_AT = /^\/flowData\/edges\/(\d+)(?:\/|$)/;
const rank = { warning: 1, error: 2 };

/**
 * flowData (any value) and the issues of its payload to
 * { nodes, placeholders, edges, starts, unreachable, signature }:
 *   nodes[i]:        { index, key, id, type, severity, messages, start, unreachable }
 *   placeholders[k]: { key, id, severity: 'error' }   (id: the name an edge gave, '' if none)
 *   edges[j]:        { index, key, id, source, target, from, to, severity, messages }
 *                    (from/to: the key of the node or placeholder it joins)
 * `signature` changes only when what the layout depends on changes (the boxes
 * and which arrows join them), not when a label or an issue does.
 */
export function flowGraph(flowData, issues = []) {
  const rawNodes = isObject(flowData) && Array.isArray(flowData.nodes) ? flowData.nodes : [];
  const rawEdges = isObject(flowData) && Array.isArray(flowData.edges) ? flowData.edges : [];

  const nodes = rawNodes.map((n, index) => ({
    index,
    key: `n${index}`,
    id: isObject(n) ? str(n.id) : null,
    type: isObject(n) ? str(n.type) : null,
    severity: null,
    messages: [],
    start: false,
    unreachable: false,
  }));
  const byId = new Map();
  for (const n of nodes) if (n.id !== null && n.id !== '' && !byId.has(n.id)) byId.set(n.id, n);

  const placeholders = [];
  const placeholderOf = new Map();
  const endpoint = (name) => {
    const node = name !== null && name !== '' ? byId.get(name) : undefined;
    if (node) return node.key;
    const id = name ?? '';
    if (!placeholderOf.has(id)) {
      const p = { key: `p${placeholders.length}`, id, severity: 'error' };
      placeholders.push(p);
      placeholderOf.set(id, p);
    }
    return placeholderOf.get(id).key;
  };
  const edges = rawEdges.map((e, index) => {
    const source = isObject(e) ? str(e.source) : null;
    const target = isObject(e) ? str(e.target) : null;
    return {
      index,
      key: `e${index}`,
      id: isObject(e) ? str(e.id) : null,
      source,
      target,
      from: endpoint(source),
      to: endpoint(target),
      severity: null,
      messages: [],
    };
  });

  // starts and reachability (from the starts, along edges)
  let starts = nodes.filter((n) => n.type === 'start');
  if (!starts.length && nodes.length) starts = [nodes[0]];
  for (const n of starts) n.start = true;
  const next = new Map();
  for (const e of edges) {
    if (!next.has(e.from)) next.set(e.from, []);
    next.get(e.from).push(e.to);
  }
  const seen = new Set(starts.map((n) => n.key));
  const queue = starts.map((n) => n.key);
  while (queue.length) {
    for (const k of next.get(queue.pop()) ?? []) {
      if (!seen.has(k)) {
        seen.add(k);
        queue.push(k);
      }
    }
  }
  const unreachable = [];
  for (const n of nodes) {
    if (!seen.has(n.key)) {
      n.unreachable = true;
      unreachable.push(n);
    }
  }

  // issues
  for (const issue of issues) {
    const pointer = issue?.pointer ?? '';
    let m = NODE_AT.exec(pointer);
    const item = m ? nodes[Number(m[1])] : (m = EDGE_AT.exec(pointer)) ? edges[Number(m[1])] : null;
    if (!item) continue;
    item.messages.push(issue);
    if ((rank[issue.severity] ?? 0) > (rank[item.severity] ?? 0)) item.severity = issue.severity;
  }

  // the layout depends on the boxes and the arrows between them, not on their labels
  const signature = `${nodes.length}/${placeholders.length}/${edges.map((e) => `${e.from}>${e.to}`).join(',')}`;
  return { nodes, placeholders, edges, starts, unreachable, signature };
}
