// Cost of adversarial JavaScript values (issue #10), as a ratio in one run, never a
// timed limit: shared references (a DAG) against an ordinary tree holding as many
// values, and a form with long and deep names against one with ordinary names of the
// same size. Fails above 20×. (The Rust shapes: tests/cost.rs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeEntry } from './helpers.mjs';

const api = await nodeEntry(); // pkg/node.mjs (TRILLET_WASM=size: with the size build)

const S = { name: 'Support', direction: 'outbound' };

/** The median time of `f` over `n` runs, in ms (after one warm-up). */
function median(f, n = 5) {
  f();
  const t = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[n >> 1];
}

test('cost: a DAG of shared references costs at most 20x an ordinary tree of as many values', () => {
  let dag = { leaf: 1 };
  for (let i = 0; i < 30; i++) dag = { a: dag, b: dag }; // 2^31 values by paths; the reader stops at 1,000,000
  // An ordinary payload of about the same number of values: 100 nodes of 10,000 numbers.
  const nodes = [];
  for (let i = 0; i < 100; i++) nodes.push({ id: `n${i}`, data: Array.from({ length: 9_990 }, (_, k) => k) });
  const tree = { ...S, flowData: { nodes, edges: [] } };
  const adversarial = { ...S, flowData: { nodes: [{ id: 'n', data: dag }], edges: [] } };
  assert.equal(api.validateCallFlow(adversarial).issues[0].code, 'too_large');
  assert.equal(api.validateCallFlow(tree).valid, true);
  const a = median(() => api.validateCallFlow(adversarial), 3);
  const o = median(() => api.validateCallFlow(tree), 3);
  console.log(`DAG ${a.toFixed(1)} ms, ordinary tree ${o.toFixed(1)} ms: ${(a / o).toFixed(2)}x`);
  assert.ok(a / o <= 20, `DAG ${a.toFixed(1)} ms vs ${o.toFixed(1)} ms`);
});

test('cost: forms with long and deep names cost at most 20x ordinary forms of the same size', () => {
  const deep = { name: 'S', direction: 'outbound', ['settings' + '.a'.repeat(5000)]: 'v' };
  const plain = { name: 'S', direction: 'outbound', description: 'x'.repeat(10_000) };
  const long = {};
  for (let i = 0; i < 2_000; i++) long[`webhooks[${i}].${'n'.repeat(40)}`] = 'v';
  const ordinary = {};
  for (let i = 0; i < 2_000; i++) ordinary[`webhooks[${i}].name`] = 'v'.repeat(40);
  assert.equal(api.callFlowFromForm(deep).issues.some((i) => i.code === 'too_large'), true);
  for (const [label, adversarial, same] of [['deep name', deep, plain], ['long names', long, ordinary]]) {
    const a = median(() => api.callFlowFromForm(adversarial));
    const o = median(() => api.callFlowFromForm(same));
    console.log(`${label}: ${a.toFixed(2)} ms vs ${o.toFixed(2)} ms: ${(a / o).toFixed(2)}x`);
    assert.ok(a / o <= 20, `${label}: ${a.toFixed(2)} ms vs ${o.toFixed(2)} ms`);
  }
});
