// Option mistakes are issues, never silent: an unknown key (with the option
// it probably meant), a limit past its hard ceiling; and the small message
// fixes of issue #12 (one issue for `apiKey: 123`, "not null").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PKG } from './helpers.mjs';

const m = createRequire(import.meta.url)(join(PKG, 'node.cjs'));
const CALL = { name: 'Support', direction: 'outbound' };
const MSG = { name: 'SMS', direction: 'inbound', agent: '0123456789abcdef01234567', initiationMessage: 'Hi', prompt: 'Help', messageChannel: 'SMS' };
const BUILD = { apiKey: 'tk_test_0123456789', workspaceId: 'ws_1' };
const brief = (issues) => issues.map((i) => [i.code, i.pointer, i.severity]);

test('a misspelled option is an error with the option it probably meant', () => {
  const r = m.validateCallFlow({ ...CALL, extra: 1 }, { unknownkeys: 'reject' });
  assert.equal(r.valid, false);
  assert.deepStrictEqual(r.issues[0], {
    path: ['options', 'unknownkeys'], pointer: '/options/unknownkeys', code: 'unknown_key', severity: 'error',
    message: '`options.unknownkeys` is not an option, so it would be ignored; did you mean `unknownKeys`?',
  });
  // The misspelled option was not applied: the payload's unknown key stays a warning.
  assert.deepStrictEqual(brief(r.issues.slice(1)), [['unknown_key', '/extra', 'warning']]);
  const typo = m.normalizeMessageFlow(MSG, { maxDeth: 10 });
  assert.equal(typo.ok, false);
  assert.equal(typo.issues[0].message, '`options.maxDeth` is not an option, so it would be ignored; did you mean `maxDepth`?');
});

test('an option with no near name lists the options; build lists its own', () => {
  const r = m.normalizeCallFlowJson(JSON.stringify(CALL), { strict: true });
  assert.equal(r.ok, false);
  assert.deepStrictEqual(r.issues.map((i) => i.message), [
    '`options.strict` is not an option, so it would be ignored; the options are unknownKeys, maxBytes, maxDepth and maxItems.',
  ]);
  const b = m.buildCallFlowRequest(CALL, { ...BUILD, apikey: 'x', retries: 3 });
  assert.equal(b.ok, false);
  assert.deepStrictEqual(b.issues.map((i) => [i.pointer, i.message]), [
    ['/options/apikey', '`options.apikey` is not an option, so it would be ignored; did you mean `apiKey`?'],
    ['/options/retries', '`options.retries` is not an option, so it would be ignored; the options are apiKey, workspaceId, baseUrl, unknownKeys, maxBytes, maxDepth and maxItems.'],
  ]);
  // The form functions take the validate options; build's keys are not among them.
  const f = m.callFlowFromForm({ name: 'S', direction: 'outbound' }, { apiKey: 'k' });
  assert.deepStrictEqual(brief(f.issues), [['unknown_key', '/options/apiKey', 'error']]);
});

test('every known option is accepted; undefined values and symbol keys are not options', () => {
  const all = { unknownKeys: 'strip', maxBytes: 1000, maxDepth: 20, maxItems: 50 };
  assert.deepStrictEqual(m.validateCallFlow(CALL, all), { valid: true, issues: [] });
  assert.deepStrictEqual(m.validateCallFlow(CALL, { ...all, extra: undefined, [Symbol('s')]: 1 }), { valid: true, issues: [] });
  const b = m.buildCallFlowRequest(CALL, { ...BUILD, ...all, baseUrl: 'https://api.example.com' });
  assert.equal(b.ok, true, JSON.stringify(b.issues));
  // Inherited properties are read (as before) and never reported as unknown.
  const inherited = Object.create({ unknownKeys: 'reject' });
  assert.deepStrictEqual(brief(m.validateCallFlow({ ...CALL, x: 1 }, inherited).issues), [['unknown_key', '/x', 'error']]);
});

test('maxDepth past its hard ceiling (127) says so and fails; 127 itself is fine', () => {
  const r = m.validateCallFlow(CALL, { maxDepth: 1000 });
  assert.deepStrictEqual(r, {
    valid: false,
    issues: [{
      path: ['options', 'maxDepth'], pointer: '/options/maxDepth', code: 'too_large', severity: 'error',
      message: '`options.maxDepth` is past its hard limit of 127, which no option can raise; give at most 127.',
      expected: 'at most 127',
    }],
  });
  assert.deepStrictEqual(m.validateCallFlow(CALL, { maxDepth: 127 }), { valid: true, issues: [] });
  // At the ceiling, a too-deep value is not told to raise the option.
  let deep = 0;
  for (let i = 0; i < 200; i++) deep = [deep];
  const d = m.validateCallFlow({ ...CALL, settings: { transfers: deep } }, { maxDepth: 127 });
  assert.deepStrictEqual(brief(d.issues).map((x) => x[0]), ['too_large']);
  assert.doesNotMatch(d.issues[0].message, /maxDepth/);
  assert.match(d.issues[0].message, /127 levels, the hard limit/);
  const text = m.validateCallFlowJson(`{"name":"S","direction":"outbound","settings":{"transfers":${'['.repeat(200)}${']'.repeat(200)}}}`, { maxDepth: 127 });
  assert.equal(text.issues[0].code, 'too_large');
  assert.doesNotMatch(text.issues[0].message, /raise/);
  // Below the ceiling the hint stays.
  const low = m.validateCallFlow({ ...CALL, settings: { transfers: deep } }, { maxDepth: 10 });
  assert.match(low.issues[0].message, /raise the maxDepth option/);
});

test('options that are not an object (an array included) are one invalid_type issue', () => {
  for (const bad of [[], 'strict', 5, true]) {
    const r = m.validateCallFlow(CALL, bad);
    assert.deepStrictEqual(brief(r.issues), [['invalid_type', '/options', 'error']], JSON.stringify(bad));
  }
});

test('apiKey: 123 is one issue at apiKey (invalid_type), not also `required`', () => {
  for (const [key, value] of [['apiKey', 123], ['workspaceId', false], ['apiKey', {}]]) {
    const r = m.buildCallFlowRequest(CALL, { ...BUILD, [key]: value });
    assert.deepStrictEqual(brief(r.issues), [['invalid_type', `/${key}`, 'error']], `${key}: ${JSON.stringify(value)}`);
  }
  // Missing is still `required`.
  assert.deepStrictEqual(brief(m.buildCallFlowRequest(CALL, { workspaceId: 'w' }).issues), [['required', '/apiKey', 'error']]);
});

test('a root of the wrong type reads "The payload must be an object, not null"', () => {
  assert.equal(m.validateCallFlow(null).issues[0].message, 'The payload must be an object, not null; give an object.');
  assert.equal(m.validateMessageFlow([]).issues[0].message, 'The payload must be an object, not an array; give an object.');
  assert.equal(m.validateCallFlow({ ...CALL, webhooks: [null] }).issues[0].message, '`webhooks[0]` must be an object, not null; give an object.');
});

// Options are read into Deserialize types from a copy the bridge makes
// (src/wasm.rs, js/bridge.js): getters and Proxy traps run only there.
const revocable = Proxy.revocable({}, {});
revocable.revoke();
const full = (issues) => issues.map((i) => [i.code, i.pointer, i.severity, i.message, i.expected, i.received].filter((x) => x !== undefined));

test('a revoked Proxy as options is one invalid_type at /options, not a failure of the module', () => {
  const r = m.validateCallFlow(CALL, revocable.proxy);
  assert.deepStrictEqual(r, {
    valid: false,
    issues: [{
      path: ['options'], pointer: '/options', code: 'invalid_type', severity: 'error',
      message: '`options` must be an object such as { unknownKeys: "strip" }; leave it out for the defaults.',
      expected: 'object',
    }],
  });
  // build: the same, and the credentials it could not read are required.
  assert.deepStrictEqual(brief(m.buildCallFlowRequest(CALL, revocable.proxy).issues), [
    ['invalid_type', '/options', 'error'], ['required', '/apiKey', 'error'], ['required', '/workspaceId', 'error'],
  ]);
  assert.deepStrictEqual(brief(m.validateCallFlow(CALL, () => 1).issues), [['invalid_type', '/options', 'error']]);
});

test('an option whose getter throws is reported at its path, as a value of the wrong type', () => {
  const opts = { get unknownKeys() { throw new Error('boom'); }, get maxDepth() { throw revocable.proxy; } };
  assert.deepStrictEqual(full(m.validateCallFlow(CALL, opts).issues), [
    ['invalid_enum', '/options/unknownKeys', 'error', '`options.unknownKeys` must be "strip", "keep" or "reject".', 'strip | keep | reject'],
    ['invalid_type', '/options/maxDepth', 'error', '`options.maxDepth` must be a whole number of at least 1; leave it out for the default (64).', 'number'],
  ]);
  const b = m.buildCallFlowRequest(CALL, { ...BUILD, get apiKey() { throw new Error('no'); } });
  assert.deepStrictEqual(full(b.issues), [['invalid_type', '/apiKey', 'error', '`apiKey` must be a string.', 'string', 'throwing getter']]);
  // An unknown key is reported even when its getter throws; a Proxy whose
  // every get throws has all four options wrong.
  assert.deepStrictEqual(brief(m.validateCallFlow(CALL, { get strict() { throw new Error('x'); } }).issues), [['unknown_key', '/options/strict', 'error']]);
  const trap = new Proxy({}, { get() { throw new Error('trap'); } });
  assert.deepStrictEqual(brief(m.validateCallFlow(CALL, trap).issues), [
    ['invalid_enum', '/options/unknownKeys', 'error'], ['invalid_type', '/options/maxBytes', 'error'],
    ['invalid_type', '/options/maxDepth', 'error'], ['invalid_type', '/options/maxItems', 'error'],
  ]);
  // A Proxy whose ownKeys throws: no key to check, the options read through get.
  const keysThrow = new Proxy({ unknownKeys: 'reject' }, { ownKeys() { throw new Error('keys'); } });
  assert.deepStrictEqual(brief(m.validateCallFlow({ ...CALL, x: 1 }, keysThrow).issues), [['unknown_key', '/x', 'error']]);
});

test('each wrong option value is its own issue; only whole numbers from 1 to 1e15 are limits', () => {
  for (const bad of [0, -1, 1.5, NaN, Infinity, 2e15, 1e21, '5', null, true, 10n, [], {}, new Date(0), Symbol('s')]) {
    const r = m.validateCallFlow(CALL, { maxItems: bad });
    assert.deepStrictEqual(brief(r.issues), [['invalid_type', '/options/maxItems', 'error']], String(bad));
  }
  for (const ok of [64, 2 ** 32, 1e12, 1e15]) assert.deepStrictEqual(m.validateCallFlow(CALL, { maxBytes: ok, maxItems: ok }).issues, [], String(ok));
  assert.deepStrictEqual(brief(m.validateCallFlow(CALL, { maxItems: 1 }).issues), [['too_large', '', 'error']]); // 1 is taken
  for (const bad of [null, 'Strip', 'strip ', 1, {}, ['strip']]) {
    assert.deepStrictEqual(brief(m.validateCallFlow(CALL, { unknownKeys: bad }).issues), [['invalid_enum', '/options/unknownKeys', 'error']], String(bad));
  }
  const all = m.validateCallFlow(CALL, { unknownKeys: 1, maxBytes: 0, maxDepth: 200, maxItems: 'x', strict: 1 });
  assert.deepStrictEqual(brief(all.issues), [
    ['unknown_key', '/options/strict', 'error'], ['invalid_enum', '/options/unknownKeys', 'error'],
    ['invalid_type', '/options/maxBytes', 'error'], ['invalid_type', '/options/maxItems', 'error'],
    ['too_large', '/options/maxDepth', 'error'],
  ]);
});

test('build credentials: null is left out; any other non-string says what it was', () => {
  assert.deepStrictEqual(brief(m.buildCallFlowRequest(CALL, { ...BUILD, apiKey: null }).issues), [['required', '/apiKey', 'error']]);
  assert.equal(m.buildCallFlowRequest(CALL, { ...BUILD, baseUrl: null }).ok, true);
  for (const [value, received] of [[1.5, 'number'], [NaN, 'number'], [true, 'boolean'], [[], 'array'], [{}, 'object'], [new Date(0), 'Date'], [10n, 'bigint'], [Symbol('s'), 'symbol'], [revocable.proxy, 'unreadable object']]) {
    const r = m.buildCallFlowRequest(CALL, { ...BUILD, workspaceId: value });
    assert.deepStrictEqual(full(r.issues), [['invalid_type', '/workspaceId', 'error', '`workspaceId` must be a string.', 'string', received]], received);
  }
  // Inherited credentials are read, as the other options are.
  assert.equal(m.buildCallFlowRequest(CALL, Object.create(BUILD)).ok, true);
});

test('unknown keys: own ones (enumerable or not) are reported in order, inherited ones are not', () => {
  const opts = Object.create({ inherited: 1 });
  opts.zeta = 1;
  Object.defineProperty(opts, 'hidden', { value: 2, enumerable: false });
  opts.maxDeph = 3;
  assert.deepStrictEqual(m.validateCallFlow(CALL, opts).issues.map((i) => [i.pointer, i.message]), [
    ['/options/zeta', '`options.zeta` is not an option, so it would be ignored; the options are unknownKeys, maxBytes, maxDepth and maxItems.'],
    ['/options/hidden', '`options.hidden` is not an option, so it would be ignored; the options are unknownKeys, maxBytes, maxDepth and maxItems.'],
    ['/options/maxDeph', '`options.maxDeph` is not an option, so it would be ignored; did you mean `maxDepth`?'],
  ]);
  // A key with a lone surrogate is reported, well-formed.
  assert.deepStrictEqual(brief(m.validateCallFlow(CALL, { 'a\uD800': 1 }).issues), [['unknown_key', '/options/a\uFFFD', 'error']]);
});

test('the clone functions take their options (the third argument), from an object and from text', async () => {
  const { nodeEntry } = await import('./helpers.mjs');
  const m = await nodeEntry();
  const response = { _id: 'x', name: 'Support Line', direction: 'outbound', extra: 1 };
  const text = JSON.stringify(response);
  for (const [name, input] of [['callFlowFromResponse', response], ['callFlowFromResponseJson', text]]) {
    const strip = m[name](input, undefined, undefined);
    assert.equal(strip.ok, true, name);
    assert.deepEqual(strip.issues.map((i) => [i.code, i.pointer, i.severity]), [['unknown_key', '/extra', 'warning']], name);
    const reject = m[name](input, undefined, { unknownKeys: 'reject' });
    assert.equal(reject.ok, false, name);
    assert.deepEqual(reject.issues.map((i) => [i.code, i.pointer, i.severity]), [['unknown_key', '/extra', 'error']], name);
  }
  const small = m.callFlowFromResponseJson(text, {}, { maxBytes: 10 });
  assert.deepEqual(small.issues.map((i) => i.code), ['too_large']);
});
