// A module that survives a trap: a deliberately trapping build of the
// package's wasm (binaryen rewrites one function of the module's export
// `call` so that it breaks the stack pointer, then traps, as a stack overflow or a wild write would), loaded by
// the Node entry and by the browser entry. The trapping call returns an
// `internal_error` issue, and the next call works, because the JS layer
// instantiates a fresh module from the compiled one. A control shows the
// broken build really leaves the module unusable without that restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import binaryen from 'binaryen';
import { PKG } from './helpers.mjs';

const CALL = { name: 'Support', direction: 'outbound' };
const INTERNAL = {
  path: [], pointer: '', code: 'internal_error', severity: 'error',
  message: 'trillet-flows failed on this input (a bug: please report it); it was restarted, so other calls work.',
};

// Each entry's own build: the Node entry's (inlined; the speed build, or the
// size build with TRILLET_WASM=size) and the browser entry's (the size build).
const NODE_WASM = Buffer.from(createRequire(import.meta.url)(join(PKG, 'trillet_flows_wasm.cjs')), 'base64');
const BROWSER_WASM = readFileSync(join(PKG, 'trillet_flows_bg.wasm'));

// The numbers of the functions these tests break, in the module's export
// `call(op, a, b)` (src/wasm.rs, `functions!`).
const OP = { validateMessageFlow: 1, validateCallFlowJson: 2, normalizeMessageFlow: 5, buildCallFlowRequest: 8, callFlowFromForm: 10 };

/**
 * A build's wasm (the Node entry's by default) whose function `name` (the
 * export `call` with its number) sets the stack pointer to 16 and traps;
 * the other functions run as built.
 */
function trappingWasm(name, bytes = NODE_WASM) {
  const mod = binaryen.readBinary(bytes);
  // The package strips its target-features section: name what wasm-bindgen's output uses.
  const F = binaryen.Features;
  mod.setFeatures(F.MutableGlobals | F.NontrappingFPToInt | F.SignExt | F.BulkMemory | F.BulkMemoryOpt |
    F.ReferenceTypes | F.Multivalue);
  try {
    const sp = binaryen.getGlobalInfo(mod.getGlobalByIndex(0));
    assert.equal(sp.mutable, true, 'global 0 is the (mutable) stack pointer');
    const fn = mod.getFunction(binaryen.getExportInfo(mod.getExport('call')).value);
    const info = binaryen.getFunctionInfo(fn);
    const trap = mod.block(null, [mod.global.set(sp.name, mod.i32.const(16)), mod.unreachable()]);
    binaryen.Function.setBody(fn, mod.block(null, [
      mod.if(mod.i32.eq(mod.local.get(0, binaryen.i32), mod.i32.const(OP[name])), trap),
      info.body,
    ], info.results));
    assert.ok(mod.validate(), 'the patched module validates');
    return mod.emitBinary();
  } finally {
    mod.dispose();
  }
}

/** A copy of pkg/ whose Node entry inlines `wasm`. */
function pkgWith(wasm) {
  const dir = mkdtempSync(join(tmpdir(), 'trillet-trap-'));
  cpSync(PKG, dir, { recursive: true });
  writeFileSync(join(dir, 'trillet_flows_wasm.cjs'), `module.exports = '${Buffer.from(wasm).toString('base64')}';\n`);
  return dir;
}

const wasm = trappingWasm('validateCallFlowJson');

test('control: without a restart, the trapping build breaks every later call', (t) => {
  const dir = pkgWith(wasm);
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const glue = createRequire(join(dir, 'x.cjs'))('./trillet_flows.cjs'); // the raw wasm-bindgen glue
  glue.initSync({ module: wasm });
  assert.throws(() => glue.call(OP.validateCallFlowJson, '{}'), WebAssembly.RuntimeError);
  assert.throws(() => glue.call(0, CALL), WebAssembly.RuntimeError, 'the module stays broken (validateCallFlow)');
});

test('Node entry: the trapping call is an internal_error issue; the module restarts and the next calls work', (t) => {
  const dir = pkgWith(wasm);
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const m = createRequire(join(dir, 'x.cjs'))('./node.cjs');
  assert.deepStrictEqual(m.validateCallFlow(CALL), { valid: true, issues: [] });
  for (let round = 0; round < 3; round++) {
    assert.deepStrictEqual(m.validateCallFlowJson('{"name":"S"}'), { valid: false, issues: [INTERNAL] });
    assert.deepStrictEqual(m.validateCallFlow(CALL), { valid: true, issues: [] });
    const n = m.normalizeCallFlow(CALL);
    assert.equal(n.ok, true);
    assert.equal(n.value.promptType, 'simple');
    assert.equal(m.buildCallFlowRequest(CALL, { apiKey: 'k_0123456789', workspaceId: 'w' }).ok, true);
    assert.deepStrictEqual(m.callFlowSchema['~standard'].validate(CALL), { value: n.value });
  }
});

test('the result shape of a failed call follows the function (ok: false for normalize, build, forms)', (t) => {
  for (const [name, call, flag] of [
    ['normalizeMessageFlow', (m) => m.normalizeMessageFlow({}), 'ok'],
    ['buildCallFlowRequest', (m) => m.buildCallFlowRequest(CALL, { apiKey: 'k', workspaceId: 'w' }), 'ok'],
    ['callFlowFromForm', (m) => m.callFlowFromForm({ name: 'S' }), 'ok'],
    ['validateMessageFlow', (m) => m.validateMessageFlow({}), 'valid'],
  ]) {
    const dir = pkgWith(trappingWasm(name));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const m = createRequire(join(dir, 'x.cjs'))('./node.cjs');
    assert.deepStrictEqual(call(m), { [flag]: false, issues: [INTERNAL] }, name);
    assert.deepStrictEqual(m.validateCallFlow(CALL), { valid: true, issues: [] }, `${name}: the next call works`);
  }
});

test('browser entry (index.js, initSync with the bytes): same recovery', async () => {
  const m = await import(pathToFileURL(join(PKG, 'index.js')).href + '?trap');
  assert.throws(() => m.validateCallFlow(CALL), /`await init\(\)` once before the first call/);
  m.initSync(trappingWasm('validateCallFlowJson', BROWSER_WASM));
  assert.deepStrictEqual(m.validateCallFlowJson('{}'), { valid: false, issues: [INTERNAL] });
  assert.deepStrictEqual(m.validateCallFlow(CALL), { valid: true, issues: [] });
  assert.deepStrictEqual(m.validateCallFlowJson('{}'), { valid: false, issues: [INTERNAL] });
  assert.equal(m.normalizeCallFlow(CALL).ok, true);
});
