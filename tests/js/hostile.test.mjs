// Hostile JavaScript values (issue #10): Proxies with throwing traps, revoked
// Proxies, getters, shared references, endless forms, and the catalogue of
// non-JSON values in docs/DECISIONS.md. For each: no throw, the exact code at
// the right path, the input unchanged, no prototype pollution, and the module
// still gives the normal result afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeEntry } from './helpers.mjs';

const api = await nodeEntry(); // pkg/node.mjs (TRILLET_WASM=size: with the size build)

const S = { name: 'Support', direction: 'outbound' };
const revocable = Proxy.revocable({}, {});
revocable.revoke();
const REVOKED = revocable.proxy;
const TRAPS = ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'isExtensible', 'preventExtensions', 'defineProperty', 'deleteProperty', 'set', 'setPrototypeOf'];

/** A Proxy over `target` whose `trap` throws `thrown`. */
const throwing = (target, trap, thrown) => new Proxy(target, { [trap]() { throw thrown; } });
/** An object whose getPrototypeOf throws (so `instanceof` on it throws too). */
const protoThrows = new Proxy({}, { getPrototypeOf() { throw new Error('no prototype'); } });

/** The same data (a structured copy keeps cycles but drops classes: compare as JSON where it can be). */
function assertSameData(actual, copy, message) {
  const text = (v) => JSON.stringify(v, (k, x) => (typeof x === 'bigint' ? `${x}n` : x));
  let a;
  try {
    a = text(actual);
  } catch {
    return assert.deepStrictEqual(actual, copy, message); // a cycle: the copy keeps it
  }
  assert.equal(a, text(copy), message);
}

/** The normal result of a normal call, for "the module still works". */
const NORMAL = JSON.stringify(api.normalizeCallFlow(S));

const ENTRIES = [
  ['validate', (v) => api.validateCallFlow(v), 'valid'],
  ['normalize', (v) => api.normalizeCallFlow(v), 'ok'],
  ['build', (v) => api.buildCallFlowRequest(v, { apiKey: 'tk_test_0123456789', workspaceId: '6764d172953253138a3a70f4' }), 'ok'],
  ['Standard Schema', (v) => {
    const r = api.callFlowSchema['~standard'].validate(v);
    return { ok: !r.issues, issues: r.issues ?? [] };
  }, 'ok'],
];

/**
 * Runs `make()` through every entry: never throws, gives `code` at `pointer`
 * (the first issue there), pollutes nothing, and the module works afterwards.
 */
function hostile(name, make, code, pointer, { received } = {}) {
  test(`hostile: ${name}`, () => {
    for (const [entry, call, flag] of ENTRIES) {
      const input = make();
      let before;
      try {
        before = structuredClone(input); // where it can be copied: compared after the call
      } catch {
        before = undefined;
      }
      let res;
      assert.doesNotThrow(() => { res = call(input); }, `${entry} threw`);
      if (before !== undefined) assertSameData(input, before, `${entry}: input unchanged`);
      assert.equal(res[flag], false, `${entry}: ${flag} is false`);
      const at = res.issues.filter((i) => i.pointer === pointer);
      assert.ok(at.length > 0, `${entry}: an issue at ${pointer}, got ${JSON.stringify(res.issues.map((i) => [i.code, i.pointer]))}`);
      assert.equal(at[0].code, code, `${entry}: code at ${pointer}`);
      assert.ok(!/value value|a null\b|undefined undefined/.test(at[0].message), `${entry}: message reads well: ${at[0].message}`);
      if (received && at[0].received !== undefined) assert.equal(at[0].received, received, `${entry}: received`);
      assert.equal(({}).polluted, undefined, 'Object.prototype untouched');
      assert.equal(Object.getPrototypeOf({}), Object.prototype);
      assert.equal(JSON.stringify(api.normalizeCallFlow(S)), NORMAL, `${entry}: the module works afterwards`);
    }
  });
}

// ---- Proxies: every trap, thrown errors and thrown revoked proxies -------------------------
// A trap the reader calls makes the value unreadable: an issue at the value's own path.
// (An array is read through get and has; an object through ownKeys,
// getOwnPropertyDescriptor, getPrototypeOf, and get for each key.)
const THROWN = [['an Error', new Error('trap')], ['a revoked Proxy', REVOKED], ['an object whose getPrototypeOf throws', protoThrows]];
const READ = [
  ['array', 'get', '/settings/transfers'],
  ['array', 'has', '/settings/transfers'],
  ['object', 'ownKeys', '/settings/security'],
  ['object', 'getOwnPropertyDescriptor', '/settings/security'],
  ['object', 'getPrototypeOf', '/settings/security'],
  ['object', 'get', '/settings/security/hipaaCompliance'],
];
const payload = (kind, proxy) => (kind === 'array'
  ? { ...S, settings: { transfers: proxy } }
  : { ...S, settings: { security: proxy } });
const target = (kind) => (kind === 'array' ? [1, { a: 2 }] : { hipaaCompliance: true });
for (const [kind, trap, pointer] of READ) {
  for (const [what, thrown] of THROWN) {
    hostile(`an ${kind} whose ${trap} trap throws ${what}`, () => payload(kind, throwing(target(kind), trap, thrown)), 'invalid_type', pointer);
  }
}
// Every other trap is never called: the value reads as it is.
test('hostile: traps the reader never calls leave the value as it is', () => {
  for (const kind of ['array', 'object']) {
    for (const trap of TRAPS.filter((t) => !READ.some(([k, r]) => k === kind && r === t))) {
      for (const [, thrown] of THROWN) {
        const r = api.normalizeCallFlow(payload(kind, throwing(target(kind), trap, thrown)));
        assert.equal(r.ok, true, `${kind} ${trap}`);
        const got = kind === 'array' ? r.value.settings.transfers : r.value.settings.security;
        assert.deepEqual(got, target(kind), `${kind} ${trap}`);
      }
    }
  }
});
hostile('a revoked Proxy as the payload', () => REVOKED, 'invalid_type', '', { received: 'revoked proxy' });
hostile('a revoked Proxy as settings', () => ({ ...S, settings: REVOKED }), 'invalid_type', '/settings', { received: 'revoked proxy' });
hostile('an object whose getPrototypeOf throws', () => ({ ...S, settings: protoThrows }), 'invalid_type', '/settings');
hostile('a Proxy whose ownKeys throws a revoked Proxy', () => ({ ...S, settings: throwing({}, 'ownKeys', REVOKED) }), 'invalid_type', '/settings');
hostile('a getter that throws a revoked Proxy', () => ({ ...S, get description() { throw REVOKED; } }), 'invalid_type', '/description', { received: 'throwing getter' });

// ---- the catalogue of non-JSON values (docs/DECISIONS.md) ------------------------------------
const CATALOGUE = [
  ['a BigInt', () => 1n, 'bigint'],
  ['a Symbol', () => Symbol('s'), 'symbol'],
  ['a function', () => () => 1, 'function'],
  ['a Date', () => new Date(0), 'Date'],
  ['a Map', () => new Map([['a', 1]]), 'Map'],
  ['a Set', () => new Set([1]), 'Set'],
  ['a class instance', () => new (class Thing {})(), 'Thing'],
  ['a boxed string', () => new String('x'), 'String'],
  ['a typed array', () => new Uint8Array(2), 'Uint8Array'],
  ['a RegExp', () => /x/, 'RegExp'],
  ['an Error', () => new Error('e'), 'Error'],
  ['a WeakMap', () => new WeakMap(), 'WeakMap'],
  ['a Promise', () => Promise.resolve(1), 'Promise'],
];
for (const [name, make, received] of CATALOGUE) {
  hostile(`${name} as a string field`, () => ({ ...S, description: make() }), 'invalid_type', '/description', { received });
}
hostile('a cyclic reference', () => {
  const o = { ...S, settings: {} };
  o.settings.security = o;
  return o;
}, 'invalid_type', '/settings/security', { received: 'cyclic reference' });
hostile('an array hole', () => ({ ...S, webhooks: [, { name: 'w', url: 'https://x.io' }] }), 'invalid_type', '/webhooks/0'); // eslint-disable-line no-sparse-arrays
hostile('an array-like of length 2^32 - 1', () => ({ ...S, settings: { transfers: new Proxy([], { get: (t, k) => (k === 'length' ? 2 ** 32 - 1 : t[k]) }) } }), 'too_large', '/settings/transfers');
hostile('NaN in a number field', () => ({ ...S, settings: { welcomeMessageDelay: NaN } }), 'too_small', '/settings/welcomeMessageDelay');
hostile('a function under a known key of settings', () => ({ ...S, settings: { security: { hipaaCompliance() { throw REVOKED; } } } }), 'invalid_type', '/settings/security/hipaaCompliance', { received: 'function' });

test('hostile: a getter that changes the object while it is read gives one consistent result, input left as it was', () => {
  let reads = 0;
  const input = { ...S, get description() { reads++; if (reads === 1) delete input.prompt; return 'd'; }, prompt: 'p' };
  const r = api.normalizeCallFlow(input);
  assert.equal(typeof r.ok, 'boolean');
  assert.equal(JSON.stringify(api.normalizeCallFlow(S)), NORMAL);
});

test('hostile: a null-prototype object and a frozen object are plain data', () => {
  const bare = Object.assign(Object.create(null), S);
  assert.equal(api.normalizeCallFlow(bare).ok, true);
  const frozen = Object.freeze({ ...S, settings: Object.freeze({ customerLocation: 'x' }) });
  assert.deepEqual(api.normalizeCallFlow(frozen).value.settings.customerLocation, 'x');
});

test('hostile: __proto__ and constructor keys are data, never a way to the prototype', () => {
  const input = JSON.parse('{"name":"S","direction":"outbound","__proto__":{"polluted":1},"settings":{"constructor":{"prototype":{"polluted":1}}}}');
  const before = JSON.stringify(input);
  const r = api.normalizeCallFlow(input, { unknownKeys: 'keep' });
  assert.equal(r.ok, true);
  assert.equal(({}).polluted, undefined);
  assert.ok(Object.hasOwn(r.value, '__proto__'), '__proto__ kept as an own key');
  assert.equal(JSON.stringify(input), before, 'input unchanged');
});

// ---- shared references: the cost is bounded ------------------------------------------------
test('hostile: a DAG (each object referring to the next twice, 2^30 paths) is too_large where the reading stops, quickly', () => {
  let o = { leaf: 1 };
  for (let i = 0; i < 30; i++) o = { a: o, b: o };
  const input = { ...S, flowData: { nodes: [{ id: 'n', data: o }], edges: [] } };
  for (const [entry, call, flag] of ENTRIES) {
    const r = call(input);
    assert.equal(r[flag], false, entry);
    assert.equal(r.issues.length, 1, `${entry}: one issue`);
    assert.equal(r.issues[0].code, 'too_large', entry);
    assert.match(r.issues[0].pointer, /^\/flowData\/nodes\/0\/data(\/[ab])+$/, entry);
    assert.match(r.issues[0].message, /passed 1,000,000 values/, entry);
  }
  // A shared object that appears a few times is fine: each appearance is read.
  const shared = { x: 1 };
  const ok = api.normalizeCallFlow({ ...S, flowData: { nodes: [{ id: 'a', data: shared }, { id: 'b', data: shared }], edges: [] } });
  assert.equal(ok.ok, true);
  assert.deepEqual(ok.value.flowData.nodes.map((n) => n.data), [{ x: 1 }, { x: 1 }]);
});

// ---- forms ---------------------------------------------------------------------------------
test('hostile: a form whose entries() never ends does not hang, and the module works afterwards', () => {
  const endless = { append() {}, getAll() {}, *entries() { let i = 0; for (;;) yield [`webhooks[${i}].name`, `w${i++}`]; } };
  const r = api.callFlowFromForm(endless);
  assert.equal(r.ok, false);
  assert.ok(r.issues.some((i) => i.code === 'too_large'), JSON.stringify(r.issues.slice(0, 3)));
  assert.equal(JSON.stringify(api.normalizeCallFlow(S)), NORMAL);
});

test('hostile: a form whose entries() throws a revoked Proxy is an issue at the root', () => {
  const bad = { append() {}, getAll() {}, entries() { throw REVOKED; } };
  const r = api.callFlowFromForm(bad);
  assert.equal(r.ok, false);
  assert.deepEqual(r.issues.map((i) => [i.code, i.pointer]), [['invalid_type', '']]);
});

test('hostile: a form given as a revoked Proxy or with a throwing getter', () => {
  assert.deepEqual(api.callFlowFromForm(REVOKED).issues.map((i) => [i.code, i.pointer]), [['invalid_type', '']]);
  const r = api.callFlowFromForm({ ...S, get prompt() { throw REVOKED; } });
  assert.deepEqual(r.issues.map((i) => [i.code, i.pointer]), [['invalid_type', '/prompt']]);
});

// ---- options -------------------------------------------------------------------------------
test('hostile: options that are a revoked Proxy or have throwing getters do not throw', () => {
  for (const [options, expected] of [
    [REVOKED, [['invalid_type', '/options']]],
    [{ get unknownKeys() { throw REVOKED; } }, [['invalid_enum', '/options/unknownKeys']]],
    [throwing({}, 'ownKeys', REVOKED), []],
    [throwing({}, 'get', REVOKED), [['invalid_enum', '/options/unknownKeys'], ['invalid_type', '/options/maxBytes'], ['invalid_type', '/options/maxDepth'], ['invalid_type', '/options/maxItems']]],
  ]) {
    let r;
    assert.doesNotThrow(() => { r = api.normalizeCallFlow(S, options); });
    assert.deepEqual(r.issues.map((i) => [i.code, i.pointer]), expected); // never internal_error
    assert.equal(r.ok, expected.length === 0);
  }
  assert.equal(JSON.stringify(api.normalizeCallFlow(S)), NORMAL);
});

test('hostile: a toJSON on an array or an object is never called', () => {
  let called = 0;
  const transfers = [1, 2];
  transfers.toJSON = () => { called++; return 'replaced'; };
  const r = api.normalizeCallFlow({ ...S, settings: { transfers, security: { hipaaCompliance: true, toJSON() { called++; return {}; } } } });
  assert.equal(called, 0, 'toJSON was called');
  assert.deepEqual(r.value?.settings.transfers ?? r.issues, [1, 2]);
  assert.equal(r.value.settings.security.hipaaCompliance, true);
});
