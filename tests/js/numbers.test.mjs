// Numbers pass through exactly (issue #10): 100,000 random finite doubles, random
// bit patterns included, in flow node data come out of normalize unchanged
// (Object.is on each), from objects and from JSON text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomFillSync } from 'node:crypto';
import { nodeEntry } from './helpers.mjs';

const api = await nodeEntry(); // pkg/node.mjs (TRILLET_WASM=size: with the size build)

function randomDoubles(n) {
  const out = [];
  const bits = new Float64Array(1024);
  while (out.length < n) {
    randomFillSync(new Uint8Array(bits.buffer));
    for (const d of bits) if (Number.isFinite(d) && out.length < n / 2) out.push(d);
    // Math.random()-like values and their scaled forms, the ones that used to change
    for (let i = 0; i < 512 && out.length < n; i++) out.push(Math.random() * 10 ** Math.floor(Math.random() * 40 - 20));
  }
  out.push(0, -0, 5e-324, -5e-324, 1.7976931348623157e308, 0.1, 6.7e25, 123456789012345680000, 0.20046571798452242, 227277.28495374322);
  return out;
}

test('100,000 random finite doubles in node data come out of normalize unchanged, from objects and from JSON text', () => {
  const xs = randomDoubles(100_000);
  // 100 nodes of 1,000 numbers each (under the 10,000 items of one array).
  const nodes = [];
  for (let i = 0; i < xs.length; i += 1000) nodes.push({ id: `n${i}`, data: { values: xs.slice(i, i + 1000) } });
  const input = { name: 'Numbers', direction: 'outbound', flowData: { nodes, edges: [] } };
  for (const [how, run] of [
    ['object', () => api.normalizeCallFlow(input)],
    ['JSON text', () => api.normalizeCallFlowJson(JSON.stringify(input), { maxBytes: 8 << 20 })], // about 2 MB of text
  ]) {
    const r = run();
    assert.equal(r.ok, true, how);
    const got = r.value.flowData.nodes.flatMap((n) => n.data.values);
    assert.equal(got.length, xs.length, how);
    let changed = 0;
    let first;
    for (let i = 0; i < xs.length; i++) {
      // -0 goes through JSON as 0 (JSON.stringify writes it so): compare as JSON does.
      const want = Object.is(xs[i], -0) ? 0 : xs[i];
      if (!Object.is(got[i], want)) {
        changed++;
        first ??= `${xs[i]} -> ${got[i]}`;
      }
    }
    assert.equal(changed, 0, `${how}: ${changed} numbers changed, first ${first}`);
  }
});
