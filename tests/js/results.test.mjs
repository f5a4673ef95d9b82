// The result objects (issue #15, cheap results): built in JavaScript from
// the core's compact form (js/bridge.js `empty` and `result`), not parsed
// from JSON text. Each call gets fresh objects that nothing else holds; the
// keys come in the documented order; every string (astral characters, NUL,
// quotes, backslashes, U+2028, `__proto__`) and number (indexes, line,
// column) arrives exactly. Also the object input's fast path: a lone
// surrogate, which the plain walk no longer looks for, still becomes U+FFFD.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeEntry, pointerOf } from './helpers.mjs';

const m = await nodeEntry(); // pkg/node.mjs (TRILLET_WASM=size: with the size build)

const CALL = { name: 'Support', direction: 'outbound' };
const MESSAGE = { name: 'M', direction: 'outbound', agent: '676b8e123456789012345679', initiationMessage: 'Hi', prompt: 'P', messageChannel: 'SMS' };
const CREDENTIALS = { apiKey: 'tk_test_0123456789', workspaceId: '6764d172953253138a3a70f4' };

/** Every entry, called on a payload with no issues. */
const CLEAN = [
  ['validateCallFlow', () => m.validateCallFlow(CALL)],
  ['validateCallFlowJson', () => m.validateCallFlowJson(JSON.stringify(CALL))],
  ['validateMessageFlow', () => m.validateMessageFlow(MESSAGE)],
  ['validateMessageFlowJson', () => m.validateMessageFlowJson(JSON.stringify(MESSAGE))],
  ['normalizeCallFlow', () => m.normalizeCallFlow(CALL)],
  ['normalizeCallFlowJson', () => m.normalizeCallFlowJson(JSON.stringify(CALL))],
  ['normalizeMessageFlow', () => m.normalizeMessageFlow(MESSAGE)],
  ['buildCallFlowRequest', () => m.buildCallFlowRequest(CALL, CREDENTIALS)],
  ['callFlowFromForm', () => m.callFlowFromForm(CALL)],
  ['callFlowFromResponse', () => m.callFlowFromResponse(CALL)],
];

/** Changes everything reachable in a result: its flags, arrays and objects. */
function scribble(v, depth = 0) {
  if (v === null || typeof v !== 'object' || depth > 20) return;
  for (const k of Object.keys(v)) {
    scribble(v[k], depth + 1);
    if (Array.isArray(v)) continue;
    if (typeof v[k] === 'boolean') v[k] = !v[k];
    else if (typeof v[k] === 'string') v[k] += ' changed';
  }
  if (Array.isArray(v)) v.push('added');
  else v.added = true;
}

test('a result with no issues is a fresh object each call; changing it changes no later result', () => {
  for (const [name, call] of CLEAN) {
    const first = call();
    const pristine = structuredClone(first);
    assert.deepStrictEqual(first.issues, [], `${name}: no issues`);
    const second = call();
    assert.notEqual(second, first, `${name}: a new result object`);
    assert.notEqual(second.issues, first.issues, `${name}: a new issues array`);
    if ('value' in first) assert.notEqual(second.value, first.value, `${name}: a new value`);
    if ('request' in first) assert.notEqual(second.request, first.request, `${name}: a new request`);
    scribble(first);
    Object.freeze(second);
    Object.freeze(second.issues);
    const third = call();
    assert.deepStrictEqual(third, pristine, `${name}: the next result is as the first was`);
    third.issues.push(1); // not frozen: a frozen earlier result is not shared
    assert.deepStrictEqual(call(), pristine, `${name}: and the one after`);
  }
});

test('a result with issues is fresh too, down to each issue and its path', () => {
  const bad = { ...CALL, name: ' ', webhooks: [{ name: 'w', url: 'ftp://x' }], extra: 1 };
  for (const call of [() => m.validateCallFlow(bad), () => m.normalizeCallFlow(bad), () => m.validateCallFlowJson(JSON.stringify(bad))]) {
    const first = call();
    const pristine = structuredClone(first);
    assert.equal(first.issues.length, 3);
    const second = call();
    first.issues.forEach((i, n) => {
      assert.notEqual(second.issues[n], i);
      assert.notEqual(second.issues[n].path, i.path);
    });
    scribble(first);
    assert.deepStrictEqual(call(), pristine);
  }
});

test('result and issue keys come in the documented order', () => {
  const keys = (v) => Object.keys(v).join(',');
  assert.equal(keys(m.validateCallFlow(CALL)), 'valid,issues');
  assert.equal(keys(m.validateCallFlow({})), 'valid,issues');
  assert.equal(keys(m.normalizeCallFlow(CALL)), 'ok,value,issues');
  assert.equal(keys(m.normalizeCallFlow({})), 'ok,issues');
  assert.equal(keys(m.buildCallFlowRequest(CALL, CREDENTIALS)), 'ok,request,issues');
  assert.equal(keys(m.buildCallFlowRequest(CALL, {})), 'ok,issues');
  assert.equal(keys(m.buildCallFlowRequest(CALL, CREDENTIALS).request), 'method,url,headers,body');
  const [issue] = m.validateCallFlowJson('{"name":"S","direction":"in"}').issues;
  assert.equal(keys(issue), 'path,pointer,code,message,severity,expected,received,line,column');
  const [plain] = m.validateCallFlow({ ...CALL, extra: 1 }).issues;
  assert.equal(keys(plain), 'path,pointer,code,message,severity');
  assert.equal(Object.getPrototypeOf(issue), Object.prototype);
  assert.ok(Array.isArray(issue.path));
});

// Keys the core reports as unknown_key, each at its own path: every kind of
// character a string can hold, as UTF-16 lengths must count them.
const ODD_KEYS = ['😀é\u0000"\\\u2028', '', '__proto__', 'constructor', '0', 'a/b~c', 'ü'.repeat(300), '\uFEFFbom', '𝔘𝔫𝔦'];

test('issue strings arrive exactly: astral characters, NUL, quotes, U+2028, __proto__, long keys', () => {
  const input = { ...CALL, settings: {} };
  for (const k of ODD_KEYS) {
    Object.defineProperty(input, k, { value: 1, enumerable: true, writable: true, configurable: true });
    Object.defineProperty(input.settings, k, { value: [k], enumerable: true, writable: true, configurable: true });
  }
  // In document order: integer-like keys first, as JavaScript orders them.
  const expected = Object.keys(input).filter((k) => !Object.hasOwn(CALL, k))
    .flatMap((k) => (k === 'settings' ? Object.keys(input.settings).map((s) => ['settings', s]) : [[k]]));
  assert.equal(expected.length, 2 * ODD_KEYS.length);
  for (const r of [m.validateCallFlow(input), m.validateCallFlowJson(JSON.stringify(input))]) {
    const unknown = r.issues.filter((i) => i.code === 'unknown_key');
    assert.deepStrictEqual(unknown.map((i) => i.path), expected);
    for (const i of unknown) {
      assert.equal(i.pointer, pointerOf(i.path));
      assert.ok(i.message.includes('is not a field of the Create Call Flow request'), i.message);
      assert.equal(i.severity, 'warning');
    }
  }
  // The message quotes the key as JSON does (display path): the same text through both inputs.
  const viaObject = m.validateCallFlow(input).issues.map((i) => i.message);
  assert.deepStrictEqual(m.validateCallFlowJson(JSON.stringify(input)).issues.map((i) => i.message), viaObject);
  const odd = m.validateCallFlow(input).issues.find((i) => i.path.length === 1 && i.path[0] === ODD_KEYS[0]);
  assert.equal(odd.message, '`["😀é\\u0000\\"\\\\\u2028"]` is not a field of the Create Call Flow request; remove it (normalize drops it).');
});

test('indexes, lines and columns are numbers, counted in UTF-16 units', () => {
  const text = '{\n  "name": "😀😀",\n  "direction": "outbound",\n  "webhooks": [{}, {"name": "w", "url": "ftp://x"}]\n}';
  const r = m.validateCallFlowJson(text);
  const url = r.issues.find((i) => i.pointer === '/webhooks/1/url');
  assert.deepStrictEqual(url.path, ['webhooks', 1, 'url']);
  assert.equal(url.line, 4);
  assert.equal(url.column, text.split('\n')[3].indexOf('"ftp://x"') + 1);
  const big = m.validateCallFlow({ ...CALL, webhooks: Array.from({ length: 70000 }, () => null) }, { maxItems: 100000 });
  assert.deepStrictEqual(big.issues.at(-1).path, ['webhooks', 69999]);
});

test('a value built from JSON text keeps __proto__ an own key, and nothing is polluted', () => {
  const input = JSON.parse('{"name":"S","direction":"outbound","__proto__":{"polluted":1}}');
  const r = m.normalizeCallFlow(input, { unknownKeys: 'keep' });
  assert.ok(Object.hasOwn(r.value, '__proto__'));
  assert.equal(Object.getPrototypeOf(r.value), Object.prototype);
  assert.equal(({}).polluted, undefined);
});

test('options left out, undefined, null and {} give the same result', () => {
  const input = { ...CALL, extra: 1 };
  const want = m.normalizeCallFlow(input);
  for (const o of [undefined, null, {}]) {
    assert.deepStrictEqual(m.normalizeCallFlow(input, o), want);
    assert.deepStrictEqual(m.validateCallFlowJson(JSON.stringify(input), o), m.validateCallFlowJson(JSON.stringify(input)));
  }
});

test('object input: a lone surrogate becomes U+FFFD, in values and keys, as in the careful path', () => {
  const input = { ...CALL, description: 'cut \uD83D emoji \uDE00', settings: { customerLocation: 'x\uDBFF' } };
  const r = m.normalizeCallFlow(input);
  assert.equal(r.ok, true, JSON.stringify(r.issues));
  assert.equal(r.value.description, 'cut \uFFFD emoji \uFFFD');
  assert.equal(r.value.settings.customerLocation, 'x\uFFFD');
  const key = m.validateCallFlow({ ...CALL, ['k\uDC00']: 1 }).issues;
  assert.deepStrictEqual(key.map((i) => i.path), [['k\uFFFD']]);
  // A well-formed pair stays; so does text that only looks like an escape.
  for (const s of ['pair 😀', 'C:\\udp\\ud800 \\\\ud83d', '\\u0041']) {
    assert.equal(m.normalizeCallFlow({ ...CALL, description: s }).value.description, s);
  }
});
