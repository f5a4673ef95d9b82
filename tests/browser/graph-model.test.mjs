// Unit tests of the demo's pure helpers (no browser): the flow graph model
// (www-demo/graph-model.js) and the JSON places and tokens (www-demo/jsonloc.js).
//   node --test tests/browser/graph-model.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flowGraph } from '../../www-demo/graph-model.js';
import { closest, locate, places, tokenAt } from '../../www-demo/jsonloc.js';

test('graph: nodes, edges, a placeholder per missing id, starts and unreachable nodes', () => {
  const g = flowGraph({
    nodes: [
      { id: 'a', type: 'prompt' },
      { id: 'b', type: 'start' },
      { id: 'c' },
      { id: 'd', type: 'end' },
      { id: 'e' },
      { type: 'x' },
    ],
    edges: [
      { source: 'b', target: 'a' },
      { source: 'a', target: 'c' },
      { source: 'a', target: 'gone' },
      { source: 'gone', target: 'c' },
      { source: 'd', target: 'e' },
      { source: 'b' },
    ],
  });
  assert.deepEqual(g.nodes.map((n) => [n.key, n.id, n.type]), [
    ['n0', 'a', 'prompt'],
    ['n1', 'b', 'start'],
    ['n2', 'c', null],
    ['n3', 'd', 'end'],
    ['n4', 'e', null],
    ['n5', null, 'x'],
  ]);
  assert.deepEqual(g.placeholders, [
    { key: 'p0', id: 'gone', severity: 'error' },
    { key: 'p1', id: '', severity: 'error' },
  ]);
  assert.deepEqual(g.edges.map((e) => [e.from, e.to]), [
    ['n1', 'n0'],
    ['n0', 'n2'],
    ['n0', 'p0'],
    ['p0', 'n2'],
    ['n3', 'n4'],
    ['n1', 'p1'],
  ]);
  // the start is the node of type "start", not the first node
  assert.deepEqual(g.starts.map((n) => n.id), ['b']);
  // d has no incoming edge; e is reached only from d; the node without id from nothing
  assert.deepEqual(g.unreachable.map((n) => n.key), ['n3', 'n4', 'n5']);
  assert.equal(g.nodes[0].unreachable, false);
});

test('graph: with no node of type start, the first node is the start; a cycle away from it is unreachable', () => {
  const g = flowGraph({
    nodes: [{ id: 's' }, { id: 'x' }, { id: 'y' }],
    edges: [
      { source: 'x', target: 'y' },
      { source: 'y', target: 'x' },
    ],
  });
  assert.deepEqual(g.starts.map((n) => n.id), ['s']);
  assert.deepEqual(g.unreachable.map((n) => n.id), ['x', 'y']);
});

test('graph: issues outline their node or edge with the worst severity; odd flowData gives an empty graph', () => {
  const g = flowGraph(
    { nodes: [{ id: 'a' }, { id: 'a' }], edges: [{ source: 'a', target: 'z' }] },
    [
      { pointer: '/flowData/nodes/1/id', severity: 'warning', code: 'x' },
      { pointer: '/flowData/nodes/1/id', severity: 'error', code: 'duplicate' },
      { pointer: '/flowData/edges/0/target', severity: 'error', code: 'dangling_reference' },
      { pointer: '/flowData/nodes/10', severity: 'error', code: 'y' },
      { pointer: '/flowData/nodes', severity: 'error', code: 'z' },
    ],
  );
  assert.deepEqual(g.nodes.map((n) => n.severity), [null, 'error']);
  assert.deepEqual(g.nodes[1].messages.map((i) => i.code), ['x', 'duplicate']);
  assert.equal(g.edges[0].severity, 'error');
  // a duplicate id: edges join its first node
  assert.equal(g.edges[0].from, 'n0');
  for (const v of [undefined, null, 'x', [], { nodes: 'no', edges: {} }]) {
    const e = flowGraph(v);
    assert.deepEqual([e.nodes.length, e.edges.length, e.placeholders.length, e.starts.length], [0, 0, 0, 0]);
  }
});

test('graph: the layout signature follows the structure, not labels or issues', () => {
  const a = flowGraph({ nodes: [{ id: 'a', type: 't' }, { id: 'b' }], edges: [{ source: 'a', target: 'b' }] });
  const b = flowGraph({ nodes: [{ id: 'a', type: 'other' }, { id: 'b' }], edges: [{ id: 'e1', source: 'a', target: 'b' }] }, [
    { pointer: '/flowData/nodes/0', severity: 'error' },
  ]);
  const c = flowGraph({ nodes: [{ id: 'a' }, { id: 'b' }], edges: [{ source: 'b', target: 'a' }] });
  assert.equal(a.signature, b.signature);
  assert.notEqual(a.signature, c.signature);
});

test('jsonloc: places of keys and values, closest parent, locate', () => {
  const text = '{\n  "name": "x",\n  "a\\/b": [1, {"k": true}],\n  "o": {}\n}';
  const map = places(text);
  const at = (p) => {
    const v = map.get(p);
    return v && [text.slice(v.start, v.end), v.keyStart === undefined ? null : text.slice(v.keyStart, v.keyEnd)];
  };
  assert.deepEqual(at('/name'), ['"x"', '"name"']);
  assert.deepEqual(at('/a~1b/1/k'), ['true', '"k"']);
  assert.deepEqual(at('/a~1b/0'), ['1', null]);
  assert.deepEqual(at('/o'), ['{}', '"o"']);
  assert.equal(closest(map, '/o/missing/deeper'), map.get('/o'));
  assert.equal(closest(map, '/nope'), map.get(''));
  const member = locate(text, '/name');
  assert.equal(text.slice(member.start, member.end), '"name": "x"');
  assert.equal(places('{"a": 1,}'), null);
  assert.equal(locate('{', ''), null);
});

test('jsonloc: the token at an offset', () => {
  const text = '{"name": "a \\" b", "n": -1.5e3, "t": true, \'x\': undefined,}';
  const tok = (needle, from = 0) => {
    const [s, e] = tokenAt(text, text.indexOf(needle, from));
    return text.slice(s, e);
  };
  assert.equal(tok('"name"'), '"name"');
  assert.equal(tok('"a'), '"a \\" b"');
  assert.equal(tok('-1'), '-1.5e3');
  assert.equal(tok('true'), 'true');
  assert.equal(tok("'x'"), "'x'");
  assert.equal(tok('undefined'), 'undefined');
  assert.equal(tok('}'), '}');
  assert.equal(tok(','), ',');
  assert.deepEqual(tokenAt(text, text.length), [text.length, text.length]);
  assert.deepEqual(tokenAt(text, 1e9), [text.length, text.length]);
  // an unterminated string ends at its line's end; a surrogate pair is one token
  assert.deepEqual(tokenAt('"abc\n}', 0), [0, 4]);
  assert.deepEqual(tokenAt('😀', 0), [0, 2]);
});
