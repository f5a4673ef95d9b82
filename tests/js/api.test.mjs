// The JS API of the built package (pkg/), through `import` (node.mjs) and
// `require` (node.cjs): exports, Standard Schema, forms, hostile values, the
// api key, fresh outputs. Contract: docs/JS-API.md, docs/DECISIONS.md.
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PKG, ROOT, WASM_BUILD, nodeEntry, pointerOf } from './helpers.mjs';

// pkg/ (TRILLET_WASM=size: its copy whose Node entry loads the size build).
const esm = await nodeEntry();
const require = createRequire(import.meta.url);
const cjs = require(join(PKG, 'node.cjs'));

const FUNCTIONS = [
  'validateCallFlow', 'validateMessageFlow', 'validateCallFlowJson', 'validateMessageFlowJson',
  'normalizeCallFlow', 'normalizeMessageFlow', 'normalizeCallFlowJson', 'normalizeMessageFlowJson',
  'buildCallFlowRequest', 'buildMessageFlowRequest', 'callFlowFromForm', 'messageFlowFromForm',
  'callFlowFromResponse', 'callFlowFromResponseJson', 'messageFlowFromResponse', 'messageFlowFromResponseJson',
  'callFlowJsonSchema', 'messageFlowJsonSchema', 'init', 'initSync',
];
const SCHEMAS = ['callFlowSchema', 'messageFlowSchema', 'callFlowFormSchema', 'messageFlowFormSchema'];
const CATALOGUES = ['callFlowFields', 'messageFlowFields'];

const CALL = Object.freeze({ name: 'Support Line', direction: 'outbound' });
const MESSAGE = Object.freeze({
  name: 'SMS Support', direction: 'inbound', agent: '6764d172953253138a3a70f4',
  initiationMessage: 'Hi! How can we help?', prompt: 'You are a helpful assistant.', messageChannel: 'SMS',
});
const API_KEY = 'tk_live_9f8e7d6c5b4a3210';
const WORKSPACE = '6764d172953253138a3a70f4';
const BUILD = Object.freeze({ apiKey: API_KEY, workspaceId: WORKSPACE });

// Object.prototype and friends must never change (prototype pollution).
const protoSnapshot = () => [Object.prototype, Array.prototype, Function.prototype]
  .map((p) => Object.getOwnPropertyNames(p).sort().join(','));
const PROTO_BEFORE = protoSnapshot();
after(() => {
  assert.deepStrictEqual(protoSnapshot(), PROTO_BEFORE, 'a prototype gained or lost a property');
  for (const k of ['isAdmin', 'polluted']) assert.equal(({})[k], undefined, `Object.prototype.${k} polluted`);
});

/** A plain JSON tree: objects with Object.prototype (never Map), arrays, finite numbers. */
function assertPlain(v, where = 'result') {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return;
  if (typeof v === 'number') return assert.ok(Number.isFinite(v), `${where} is a finite number`);
  assert.equal(typeof v, 'object', `${where} is JSON (got ${typeof v})`);
  if (Array.isArray(v)) {
    assert.equal(Object.getPrototypeOf(v), Array.prototype, `${where} is a plain array`);
    return v.forEach((x, i) => assertPlain(x, `${where}[${i}]`));
  }
  assert.ok(!(v instanceof Map), `${where} is a Map`);
  assert.equal(Object.getPrototypeOf(v), Object.prototype, `${where} has Object.prototype`);
  for (const k of Reflect.ownKeys(v)) {
    assert.equal(typeof k, 'string', `${where} has a symbol key`);
    const d = Object.getOwnPropertyDescriptor(v, k);
    assert.ok('value' in d, `${where}.${k} is an accessor`);
    assertPlain(d.value, `${where}.${k}`);
  }
}

/** An issue with this pointer and code (and received, when given). */
function hasIssue(issues, pointer, code, received) {
  return issues.some((i) => i.pointer === pointer && i.code === code && (received === undefined || i.received === received));
}
function assertIssue(issues, pointer, code, received) {
  assert.ok(hasIssue(issues, pointer, code, received),
    `no ${code} at "${pointer}"${received === undefined ? '' : ` received ${received}`}: ${JSON.stringify(issues)}`);
}
function assertIssueShape(issues) {
  assert.ok(Array.isArray(issues));
  for (const i of issues) {
    assert.equal(i.pointer, pointerOf(i.path), `pointer and path disagree: ${JSON.stringify(i)}`);
    assert.equal(typeof i.message, 'string');
    assert.ok(i.message.length > 0);
    assert.ok(i.severity === 'error' || i.severity === 'warning');
  }
}

/** A generic Standard Schema v1 consumer, as a form library would write it. */
function standardParse(schema, value) {
  const std = schema?.['~standard'];
  if (!std || std.version !== 1 || typeof std.validate !== 'function') throw new TypeError('not a Standard Schema v1');
  const result = std.validate(value);
  if (result && typeof result.then === 'function') throw new TypeError('async validation not supported here');
  if (result.issues) {
    return {
      success: false,
      errors: result.issues.map((i) => ({
        field: (i.path ?? []).map((s) => (typeof s === 'object' && s !== null ? s.key : s)).join('.'),
        message: i.message,
      })),
    };
  }
  return { success: true, data: result.value };
}

// Values that JSON cannot carry, at their path. [label, make(), pointer, code, received?]
const deepObject = (n) => { let v = {}; for (let i = 0; i < n; i++) v = { a: v }; return v; };
const deepArray = (n) => { let v = []; for (let i = 0; i < n; i++) v = [v]; return v; };
class Foo { constructor() { this.x = 1; } }
function hostileCases() {
  const cyclicNode = { ...CALL, flowData: { nodes: [] } };
  cyclicNode.flowData.nodes.push({ id: 'a', data: cyclicNode });
  const cyclicTransfer = { ...CALL, settings: { transfers: [] } };
  cyclicTransfer.settings.transfers.push(cyclicTransfer);
  const revokedRoot = Proxy.revocable({ ...CALL }, {});
  revokedRoot.revoke();
  const revokedNested = Proxy.revocable({}, {});
  revokedNested.revoke();
  return [
    ['BigInt', () => ({ ...CALL, description: 10n }), '/description', 'invalid_type', 'bigint'],
    ['Symbol', () => ({ ...CALL, description: Symbol('x') }), '/description', 'invalid_type', 'symbol'],
    ['function', () => ({ ...CALL, description: () => 1 }), '/description', 'invalid_type', 'function'],
    ['Date', () => ({ ...CALL, description: new Date(0) }), '/description', 'invalid_type', 'Date'],
    ['Map', () => ({ ...CALL, settings: new Map([['welcomeMessageDelay', 1]]) }), '/settings', 'invalid_type', 'Map'],
    ['Set', () => ({ ...CALL, settings: { transfers: new Set([1]) } }), '/settings/transfers', 'invalid_type', 'Set'],
    ['WeakMap', () => ({ ...CALL, description: new WeakMap() }), '/description', 'invalid_type', 'WeakMap'],
    ['Promise', () => ({ ...CALL, description: Promise.resolve('x') }), '/description', 'invalid_type', 'Promise'],
    ['RegExp', () => ({ ...CALL, description: /x/ }), '/description', 'invalid_type', 'RegExp'],
    ['typed array', () => ({ ...CALL, settings: { transfers: new Uint8Array(2) } }), '/settings/transfers', 'invalid_type', 'Uint8Array'],
    ['class instance', () => ({ ...CALL, settings: new Foo() }), '/settings', 'invalid_type', 'Foo'],
    ['class instance in pass-through', () => ({ ...CALL, flowData: { nodes: [{ id: 'a', data: new Foo() }] } }), '/flowData/nodes/0/data', 'invalid_type', 'Foo'],
    ['boxed Boolean', () => ({ ...CALL, isActive: new Boolean(true) }), '/isActive', 'invalid_type', 'Boolean'],
    ['boxed String', () => ({ ...CALL, name: new String('x') }), '/name', 'invalid_type', 'String'],
    ['NaN in a number field', () => ({ ...CALL, settings: { welcomeMessageDelay: NaN } }), '/settings/welcomeMessageDelay', 'too_small', 'NaN'],
    ['Infinity in a number field', () => ({ ...CALL, settings: { welcomeMessageDelay: Infinity } }), '/settings/welcomeMessageDelay', 'too_small', 'Infinity'],
    ['-Infinity in a number field', () => ({ ...CALL, settings: { callSettings: { endCallOnSilence: -Infinity } } }), '/settings/callSettings/endCallOnSilence', 'too_small'],
    ['NaN in a string field', () => ({ ...CALL, name: NaN }), '/name', 'invalid_type', 'NaN'],
    ['NaN in pass-through', () => ({ ...CALL, flowData: { nodes: [{ id: 'a', data: NaN }] } }), '/flowData/nodes/0/data', 'invalid_type', 'NaN'],
    ['BigInt in pass-through', () => ({ ...CALL, flowData: { nodes: [{ id: 'a', data: 1n }] } }), '/flowData/nodes/0/data', 'invalid_type', 'bigint'],
    ['undefined array item', () => ({ ...CALL, settings: { transfers: [undefined] } }), '/settings/transfers/0', 'invalid_type', 'undefined'],
    ['array hole', () => ({ ...CALL, settings: { transfers: [1, , 2] } }), '/settings/transfers/1', 'invalid_type', 'undefined'], // eslint-disable-line no-sparse-arrays
    ['throwing getter', () => ({ ...CALL, get description() { throw new Error('boom'); } }), '/description', 'invalid_type', 'throwing getter'],
    ['throwing getter deep', () => ({ ...CALL, settings: { callSettings: { get maxCallDuration() { throw new Error('boom'); } } } }), '/settings/callSettings/maxCallDuration', 'invalid_type'],
    ['toJSON that throws (not called)', () => ({ ...CALL, settings: { transfers: [{ toJSON() { throw new Error('boom'); } }] } }), '/settings/transfers/0/toJSON', 'invalid_type', 'function'],
    ['Proxy whose get trap throws', () => new Proxy({ ...CALL }, { get(t, k) { if (k === 'name') throw new Error('trap'); return t[k]; } }), '/name', 'invalid_type'],
    ['Proxy whose ownKeys trap throws', () => ({ ...CALL, settings: new Proxy({}, { ownKeys() { throw new Error('trap'); } }) }), '/settings', 'invalid_type'],
    ['Proxy whose getPrototypeOf trap throws', () => new Proxy({ ...CALL }, { getPrototypeOf() { throw new Error('trap'); } }), '', 'invalid_type'],
    ['revoked Proxy as the payload', () => revokedRoot.proxy, '', 'invalid_type', 'revoked proxy'],
    ['revoked Proxy in a field', () => ({ ...CALL, settings: revokedNested.proxy }), '/settings', 'invalid_type', 'revoked proxy'],
    ['cyclic object in pass-through', () => cyclicNode, '/flowData/nodes/0/data', 'invalid_type', 'cyclic reference'],
    ['cyclic object in an array', () => cyclicTransfer, '/settings/transfers/0', 'invalid_type', 'cyclic reference'],
    ['object with a custom prototype', () => Object.create({ ...CALL }), '', 'invalid_type'],
    ['undefined payload', () => undefined, '', 'invalid_type', 'undefined'],
    ['null payload', () => null, '', 'invalid_type', 'null'],
    ['BigInt payload', () => 10n, '', 'invalid_type', 'bigint'],
    ['Symbol payload', () => Symbol('x'), '', 'invalid_type', 'symbol'],
    ['function payload', () => function payload() {}, '', 'invalid_type', 'function'],
    ['array payload', () => [{ ...CALL }], '', 'invalid_type', 'array'],
    ['string payload', () => JSON.stringify(CALL), '', 'invalid_type', 'string'],
    ['100,000-deep object as the payload', () => deepObject(100_000), '/a'.repeat(64), 'too_large'],
    ['100,000-deep object in pass-through', () => ({ ...CALL, flowData: { nodes: [{ id: 'x', data: deepObject(100_000) }] } }), null, 'too_large'],
    ['100,000-deep arrays', () => ({ ...CALL, settings: { transfers: deepArray(100_000) } }), null, 'too_large'],
    ['1,000,000-item array', () => ({ ...CALL, settings: { transfers: new Array(1_000_000).fill(0) } }), '/settings/transfers', 'too_large'],
    ['1,000,000-hole array', () => ({ ...CALL, settings: { transfers: new Array(1_000_000) } }), '/settings/transfers', 'too_large'],
    ['1,000,000-item array as the payload', () => new Array(1_000_000).fill(CALL), '', 'too_large'],
  ];
}

const flavors = [['import (pkg/node.mjs)', esm], ['require (pkg/node.cjs)', cjs]];

for (const [flavor, m] of flavors) {
  describe(flavor, () => {
    const stillWorks = () => {
      const v = m.validateCallFlow(CALL);
      assert.deepStrictEqual(v, { valid: true, issues: [] }, 'the module no longer works');
      const n = m.normalizeMessageFlow(MESSAGE);
      assert.equal(n.ok, true, 'the module no longer works');
    };

    describe('exports', () => {
      test('every function, the Standard Schemas and the catalogues are exported', () => {
        for (const name of FUNCTIONS) assert.equal(typeof m[name], 'function', name);
        for (const name of SCHEMAS) assert.equal(typeof m[name], 'object', name);
        for (const name of CATALOGUES) assert.ok(Array.isArray(m[name]) && Object.isFrozen(m[name]), name);
        assert.equal(m.default, m.init, 'default export is init');
      });

      test('init() resolves, twice, and the API works after it', async () => {
        const p1 = m.init();
        assert.ok(p1 instanceof Promise);
        assert.equal(await p1, undefined);
        assert.equal(await m.init(), undefined);
        assert.equal(await m.default(), undefined);
        stillWorks();
      });

      test('every function works without options, with undefined and with {}', () => {
        const r = [m.normalizeCallFlow(CALL), m.normalizeCallFlow(CALL, undefined), m.normalizeCallFlow(CALL, {})];
        assert.deepStrictEqual(r[1], r[0]);
        assert.deepStrictEqual(r[2], r[0]);
        assert.equal(r[0].ok, true);
        assert.equal(m.validateMessageFlow(MESSAGE).valid, true);
        assert.equal(m.validateCallFlowJson(JSON.stringify(CALL)).valid, true);
        assert.equal(m.validateMessageFlowJson(JSON.stringify(MESSAGE)).valid, true);
        assert.equal(m.normalizeCallFlowJson(JSON.stringify(CALL)).ok, true);
        assert.equal(m.normalizeMessageFlowJson(JSON.stringify(MESSAGE)).ok, true);
        assert.equal(m.callFlowFromForm(new URLSearchParams(CALL)).ok, true);
        assert.equal(m.messageFlowFromForm(new URLSearchParams(MESSAGE)).ok, true);
        assert.equal(m.buildCallFlowRequest(CALL, BUILD).ok, true);
        assert.equal(m.buildMessageFlowRequest(MESSAGE, BUILD).ok, true);
      });
    });

    describe('result shapes', () => {
      test('validate gives { valid, issues }', () => {
        const r = m.validateCallFlow({ name: '', direction: 'inbound' });
        assert.deepStrictEqual(Object.keys(r), ['valid', 'issues']);
        assert.equal(r.valid, false);
        assertIssue(r.issues, '/name', 'empty');
        assertIssue(r.issues, '/direction', 'invalid_enum', 'inbound');
        assertIssueShape(r.issues);
        assertPlain(r);
      });

      test('normalize gives { ok: true, value, issues } or { ok: false, issues }', () => {
        const good = m.normalizeCallFlow(CALL);
        assert.equal(good.ok, true);
        assert.equal(good.value.promptType, 'simple');
        assert.equal(good.value.isActive, true);
        assert.equal(good.value.isPreConfigured, false);
        assert.equal(good.value.welcomeMessage, 'user_initiated');
        assert.deepStrictEqual(good.value.settings, { welcomeMessage: 'user_initiated' });
        assertPlain(good);
        const bad = m.normalizeCallFlow({ name: 'x' });
        assert.equal(bad.ok, false);
        assert.ok(!('value' in bad), 'a failed normalize has no value');
        assertIssue(bad.issues, '/direction', 'required');
      });

      test('message flow defaults are filled', () => {
        const r = m.normalizeMessageFlow(MESSAGE);
        assert.equal(r.ok, true);
        assert.equal(r.value.isActive, false);
        assert.equal(r.value.autopilot, false);
        assert.ok(!('settings' in r.value), 'settings appear only when given');
      });

      test('invalid_json carries line and column', () => {
        const r = m.validateCallFlowJson('{\n  "name": 1,,\n}');
        assert.equal(r.valid, false);
        assert.equal(r.issues.length, 1);
        assert.equal(r.issues[0].code, 'invalid_json');
        assert.equal(r.issues[0].pointer, '');
        assert.equal(r.issues[0].line, 2);
        assert.equal(typeof r.issues[0].column, 'number');
        const n = m.normalizeMessageFlowJson('{"name": "x",}');
        assert.equal(n.ok, false);
        assert.equal(n.issues[0].code, 'invalid_json');
      });

      test('the ...Json functions take only text', () => {
        for (const notText of [{}, 5, null, undefined, 10n, Symbol('s'), [JSON.stringify(CALL)], new String('{}')]) {
          for (const f of [m.validateCallFlowJson, m.normalizeCallFlowJson, m.validateMessageFlowJson, m.normalizeMessageFlowJson]) {
            const r = f(notText);
            assert.ok(r.valid === false || r.ok === false, `${f.name} accepted ${String(typeof notText)}`);
            assertIssue(r.issues, '', 'invalid_type');
          }
        }
        stillWorks();
      });

      test('bad options are issues at /options/..., never a throw', () => {
        const r = m.validateCallFlow(CALL, { unknownKeys: 'nope', maxDepth: -1, maxItems: 1.5, maxBytes: 'big' });
        assert.equal(r.valid, false);
        assertIssue(r.issues, '/options/unknownKeys', 'invalid_enum');
        assertIssue(r.issues, '/options/maxDepth', 'invalid_type');
        assertIssue(r.issues, '/options/maxItems', 'invalid_type');
        assertIssue(r.issues, '/options/maxBytes', 'invalid_type');
        const revoked = Proxy.revocable({}, {});
        revoked.revoke();
        const hostileOptions = [null, 5, 'keep', 10n, revoked.proxy, new Proxy({}, { get() { throw new Error('trap'); } }),
          { get unknownKeys() { throw new Error('boom'); } }, { maxDepth: 10n }, { maxItems: NaN }];
        for (const [k, opts] of hostileOptions.entries()) {
          for (const f of [m.validateCallFlow, m.normalizeCallFlow, m.callFlowFromForm]) {
            assert.doesNotThrow(() => f(CALL, opts), `${f.name} threw on options #${k}`);
          }
          assert.doesNotThrow(() => m.validateCallFlowJson(JSON.stringify(CALL), opts));
          assert.doesNotThrow(() => m.buildCallFlowRequest(CALL, opts));
          stillWorks();
        }
      });

      test('unknownKeys strip / keep / reject', () => {
        const input = { ...CALL, extra: 1 };
        const strip = m.normalizeCallFlow(input);
        assert.equal(strip.ok, true);
        assert.ok(!('extra' in strip.value));
        assertIssue(strip.issues, '/extra', 'unknown_key');
        const keep = m.normalizeCallFlow(input, { unknownKeys: 'keep' });
        assert.equal(keep.value.extra, 1);
        assert.equal(Object.keys(keep.value).at(-1), 'extra', 'kept keys come after the known keys');
        const reject = m.normalizeCallFlow(input, { unknownKeys: 'reject' });
        assert.equal(reject.ok, false);
        assert.ok(reject.issues.some((i) => i.code === 'unknown_key' && i.severity === 'error'));
      });

      test('unknownKeys keep: the unknown_key message does not say that normalize drops the key', () => {
        const keep = m.normalizeCallFlow({ ...CALL, extra: 1 }, { unknownKeys: 'keep' });
        assert.equal(keep.value.extra, 1);
        const issue = keep.issues.find((i) => i.code === 'unknown_key');
        assert.ok(!/drops it/.test(issue.message), `the message is wrong in keep mode: ${issue.message}`);
      });

      test('build gives a request fetch() accepts, with the normalized body', async () => {
        const r = m.buildCallFlowRequest({ ...CALL, welcomeMessage: 'ai_dynamic' }, { ...BUILD, baseUrl: 'https://eu.example.com/prefix//' });
        assert.equal(r.ok, true, JSON.stringify(r.issues));
        assert.deepStrictEqual(Object.keys(r.request).sort(), ['body', 'headers', 'method', 'url']);
        assert.equal(r.request.method, 'POST');
        assert.equal(r.request.url, 'https://eu.example.com/prefix/v1/api/call-flows');
        assert.deepStrictEqual(r.request.headers, { 'Content-Type': 'application/json', 'x-api-key': API_KEY, 'x-workspace-id': WORKSPACE });
        const n = m.normalizeCallFlow({ ...CALL, welcomeMessage: 'ai_dynamic' });
        assert.equal(r.request.body, JSON.stringify(n.value));
        const req = new Request(r.request.url, r.request);
        assert.equal(req.method, 'POST');
        assert.equal(req.headers.get('x-api-key'), API_KEY);
        assert.deepStrictEqual(JSON.parse(await req.text()), n.value);
        const msg = m.buildMessageFlowRequest(MESSAGE, BUILD);
        assert.equal(msg.request.url, 'https://api.trillet.ai/v1/api/message-flows');
        assertPlain(r);
        assertPlain(msg);
      });

      test('build refuses an invalid payload, missing credentials and bad options without throwing', () => {
        const bad = m.buildCallFlowRequest({ name: 'x' }, BUILD);
        assert.equal(bad.ok, false);
        assert.ok(!('request' in bad));
        for (const opts of [undefined, null, {}, { apiKey: API_KEY }, { workspaceId: WORKSPACE }, { apiKey: 5, workspaceId: 6 }]) {
          const r = m.buildCallFlowRequest(CALL, opts);
          assert.equal(r.ok, false);
          assert.ok(r.issues.some((i) => i.pointer === '/apiKey' || i.pointer === '/workspaceId'), JSON.stringify(r.issues));
        }
      });
    });

    describe('Standard Schema v1', () => {
      for (const [name, good, bad] of [
        ['callFlowSchema', CALL, { name: '', direction: 'inbound' }],
        ['messageFlowSchema', MESSAGE, { ...MESSAGE, messageChannel: 'sms' }],
      ]) {
        test(`${name}: ~standard has version 1, a vendor and a validate function`, () => {
          const std = m[name]['~standard'];
          assert.equal(std.version, 1);
          assert.equal(typeof std.vendor, 'string');
          assert.ok(std.vendor.length > 0);
          assert.equal(typeof std.validate, 'function');
        });

        test(`${name}: a valid value gives { value } (the normalized payload), synchronously`, () => {
          const r = m[name]['~standard'].validate(good);
          assert.ok(!(r instanceof Promise) && typeof r.then !== 'function', 'validate is synchronous');
          assert.equal(r.issues, undefined);
          const n = name === 'callFlowSchema' ? m.normalizeCallFlow(good) : m.normalizeMessageFlow(good);
          assert.deepStrictEqual(r.value, n.value);
          assert.equal(JSON.stringify(r.value), JSON.stringify(n.value));
          assertPlain(r.value);
        });

        test(`${name}: an invalid value gives { issues } with message and path`, () => {
          const r = m[name]['~standard'].validate(bad);
          assert.ok(!(r instanceof Promise));
          assert.ok(!('value' in r), 'no value on failure');
          assert.ok(Array.isArray(r.issues) && r.issues.length > 0);
          for (const i of r.issues) {
            assert.equal(typeof i.message, 'string');
            assert.ok(i.message.length > 0);
            assert.ok(Array.isArray(i.path), 'path is an array');
            for (const s of i.path) assert.ok(['string', 'number', 'symbol'].includes(typeof s) || (typeof s === 'object' && 'key' in s));
            assert.equal(i.severity, 'error', 'only errors fail a Standard Schema');
          }
        });

        test(`${name}: usable by a generic Standard Schema consumer`, () => {
          const ok = standardParse(m[name], good);
          assert.equal(ok.success, true);
          assert.equal(ok.data.name, good.name);
          const ko = standardParse(m[name], bad);
          assert.equal(ko.success, false);
          assert.ok(ko.errors.length > 0);
          assert.ok(ko.errors.every((e) => typeof e.field === 'string' && e.message));
        });
      }

      test('warnings alone do not fail validation', () => {
        const r = m.callFlowSchema['~standard'].validate({ ...CALL, agent: 'not-an-object-id', extra: 1 });
        assert.equal(r.issues, undefined);
        assert.equal(r.value.agent, 'not-an-object-id');
        assert.ok(!('extra' in r.value));
      });

      test('issue paths point at the field', () => {
        const r = m.callFlowSchema['~standard'].validate({ ...CALL, webhooks: [{ name: 'w', url: 'ftp://x' }] });
        const ko = standardParse(m.callFlowSchema, { ...CALL, webhooks: [{ name: 'w', url: 'ftp://x' }] });
        assert.deepStrictEqual(r.issues.map((i) => i.path), [['webhooks', 0, 'url']]);
        assert.deepStrictEqual(ko.errors.map((e) => e.field), ['webhooks.0.url']);
      });

      test('hostile values never make validate throw', () => {
        for (const [label, make] of hostileCases()) {
          let r;
          assert.doesNotThrow(() => { r = m.callFlowSchema['~standard'].validate(make()); }, label);
          assert.ok(Array.isArray(r.issues) && r.issues.length > 0, `${label}: accepted`);
          assert.doesNotThrow(() => m.messageFlowSchema['~standard'].validate(make()), label);
          stillWorks();
        }
      });
    });

    describe('forms', () => {
      const fields = [
        ['name', 'Support Line'], ['direction', 'bidirectional'], ['isActive', 'off'], ['isPreConfigured', '0'],
        ['welcomeMessage', 'ai_custom'], ['customWelcomeMessage', 'Hello!'],
        ['settings.welcomeMessageDelay', '1.5'], ['settings.enableHumanLikeVoiceAndTone', 'on'],
        ['settings.callSettings.trilletVoiceGuard', 'true'], ['settings.callSettings.maxCallDuration', '600'],
        ['settings.security.hipaaCompliance', '1'], ['settings.security.publicAccess', 'false'],
        ['webhooks[0].name', 'lookup'], ['webhooks[0].url', 'https://hooks.example.com/lookup'],
        ['webhooks[0].method', 'POST'], ['description', ''],
      ];
      const expected = {
        name: 'Support Line', direction: 'bidirectional', isActive: false, isPreConfigured: false,
        welcomeMessage: 'ai_custom', customWelcomeMessage: 'Hello!',
        settings: {
          welcomeMessageDelay: 1.5, enableHumanLikeVoiceAndTone: true,
          callSettings: { trilletVoiceGuard: true, maxCallDuration: 600 },
          security: { hipaaCompliance: true, publicAccess: false },
        },
        webhooks: [{ name: 'lookup', url: 'https://hooks.example.com/lookup', method: 'POST' }],
      };
      const fd = () => { const f = new FormData(); for (const [k, v] of fields) f.append(k, v); return f; };

      test('URLSearchParams, FormData and a record give the same coerced payload', () => {
        const a = m.callFlowFromForm(new URLSearchParams(fields));
        const b = m.callFlowFromForm(fd());
        const c = m.callFlowFromForm(Object.fromEntries(fields));
        assert.equal(a.ok, true, JSON.stringify(a.issues));
        assert.deepStrictEqual(b, a);
        assert.deepStrictEqual(c, a);
        const v = a.value;
        for (const k of ['name', 'direction', 'isActive', 'isPreConfigured', 'welcomeMessage', 'customWelcomeMessage']) {
          assert.equal(v[k], expected[k], k);
        }
        assert.ok(!('description' in v), 'an empty optional field is absent');
        assert.equal(v.settings.welcomeMessageDelay, 1.5);
        assert.equal(v.settings.enableHumanLikeVoiceAndTone, true);
        assert.deepStrictEqual(v.settings.callSettings, expected.settings.callSettings);
        assert.deepStrictEqual(v.settings.security, expected.settings.security);
        assert.deepStrictEqual(v.webhooks, expected.webhooks);
        assertPlain(a);
      });

      test('message flow forms', () => {
        const r = m.messageFlowFromForm(new URLSearchParams({
          ...MESSAGE, isActive: 'on', autopilot: '1', 'settings.responseSettings.delay': '2.5',
        }));
        assert.equal(r.ok, true, JSON.stringify(r.issues));
        assert.equal(r.value.isActive, true);
        assert.equal(r.value.autopilot, true);
        assert.equal(r.value.settings.responseSettings.delay, 2.5);
      });

      test('a value that cannot be coerced is invalid_type at its field', () => {
        const r = m.callFlowFromForm({ ...CALL, isActive: 'yes', 'settings.welcomeMessageDelay': 'soon' });
        assert.equal(r.ok, false);
        assertIssue(r.issues, '/isActive', 'invalid_type');
        assertIssue(r.issues, '/settings/welcomeMessageDelay', 'invalid_type');
      });

      test('FormData with a File value is invalid_type at that field', () => {
        const f = new FormData();
        f.append('name', 'n');
        f.append('direction', 'outbound');
        f.append('prompt', new File(['x'], 'prompt.txt', { type: 'text/plain' }));
        const r = m.callFlowFromForm(f);
        assert.equal(r.ok, false);
        assertIssue(r.issues, '/prompt', 'invalid_type');
        stillWorks();
      });

      test('FormData with a Blob value in a nested field is invalid_type at that field (structured path)', () => {
        const f = new FormData();
        f.append('name', 'n');
        f.append('direction', 'outbound');
        f.append('webhooks[0].name', 'w');
        f.append('webhooks[0].url', new Blob(['https://hooks.example.com/x']));
        const r = m.callFlowFromForm(f);
        assert.equal(r.ok, false);
        const at = r.issues.filter((i) => i.code === 'invalid_type');
        assert.equal(at.length, 1, JSON.stringify(r.issues));
        assert.deepStrictEqual(at[0].path, ['webhooks', 0, 'url'], `the issue names the form field, not its path: ${JSON.stringify(at[0])}`);
        assert.equal(at[0].pointer, '/webhooks/0/url');
      });

      test('a record with a non-string value in a nested field is invalid_type at that field (structured path)', () => {
        const r = m.callFlowFromForm({ ...CALL, 'settings.welcomeMessageDelay': 5 });
        assert.equal(r.ok, false);
        assertIssue(r.issues, '/settings/welcomeMessageDelay', 'invalid_type');
        for (const i of r.issues) assert.equal(i.pointer, pointerOf(i.path));
      });

      test('a record with a non-string value is invalid_type at that field', () => {
        for (const v of [true, 5, 10n, {}, [], new Map(), () => 1]) {
          const r = m.callFlowFromForm({ ...CALL, prompt: v });
          assert.equal(r.ok, false, `accepted a ${typeof v}`);
          assertIssue(r.issues, '/prompt', 'invalid_type');
        }
        const g = m.callFlowFromForm({ ...CALL, get prompt() { throw new Error('boom'); } });
        assertIssue(g.issues, '/prompt', 'invalid_type');
        stillWorks();
      });

      test('what is not a form is invalid_type at the root, never a throw', () => {
        const revoked = Proxy.revocable({}, {});
        revoked.revoke();
        for (const v of [null, undefined, 3, 'name=n', 10n, Symbol('s'), revoked.proxy]) {
          let r;
          assert.doesNotThrow(() => { r = m.callFlowFromForm(v); });
          assert.equal(r.ok, false);
          assertIssue(r.issues, '', 'invalid_type');
          assert.doesNotThrow(() => m.messageFlowFromForm(v));
        }
        stillWorks();
      });

      test('a Map is not a form: invalid_type at the root (not silently empty)', () => {
        const r = m.callFlowFromForm(new Map(Object.entries(CALL)));
        assert.equal(r.ok, false);
        assertIssue(r.issues, '', 'invalid_type');
      });

      test('a lone surrogate in one field does not discard the other fields', () => {
        const r = m.callFlowFromForm({ name: 'Support \uD83D', direction: 'outbound' });
        assert.ok(!hasIssue(r.issues, '/direction', 'required'), `direction was given but reported missing: ${JSON.stringify(r.issues)}`);
        assert.ok(!hasIssue(r.issues, '/name', 'required'), `name was given but reported missing: ${JSON.stringify(r.issues)}`);
      });
    });

    describe('hostile values: never a throw, an issue at their path, the module still works', () => {
      for (const [label, make, pointer, code, received] of hostileCases()) {
        test(label, () => {
          const input = make();
          for (const [fname, f, extra] of [
            ['validateCallFlow', m.validateCallFlow], ['normalizeCallFlow', m.normalizeCallFlow],
            ['buildCallFlowRequest', m.buildCallFlowRequest, BUILD],
          ]) {
            let r;
            assert.doesNotThrow(() => { r = f(input, extra); }, `${fname} threw`);
            assert.ok(r.valid === false || r.ok === false, `${fname} accepted it: ${JSON.stringify(r)}`);
            assert.ok(!('value' in r) && !('request' in r), `${fname} gave a value`);
            if (pointer === null) assert.ok(r.issues.some((i) => i.code === code), `${fname}: no ${code}: ${JSON.stringify(r.issues)}`);
            else assertIssue(r.issues, pointer, code, received);
            assertIssueShape(r.issues);
            assertPlain(r);
            stillWorks();
          }
          const threw = [];
          for (const f of [m.validateMessageFlow, m.normalizeMessageFlow, m.buildMessageFlowRequest, m.validateCallFlowJson,
            m.normalizeMessageFlowJson, m.callFlowFromForm, m.messageFlowFromForm, m.callFlowSchema['~standard'].validate]) {
            try {
              f(input, BUILD);
            } catch (e) {
              threw.push(`${f.name || 'schema validate'}: ${e}`);
            }
            stillWorks();
          }
          assert.deepStrictEqual(threw, [], 'these threw');
        });
      }

      test('non-JSON values under unknown keys are invalid_type when kept', () => {
        const self = { ...CALL };
        self.self = self;
        for (const [input, pointer] of [[self, '/self'], [{ ...CALL, extra: { x: 1n } }, '/extra/x'], [{ ...CALL, extra: () => 1 }, '/extra']]) {
          const keep = m.normalizeCallFlow(input, { unknownKeys: 'keep' });
          assert.equal(keep.ok, false);
          assertIssue(keep.issues, pointer, 'invalid_type');
          const strip = m.normalizeCallFlow(input);
          if (strip.ok) assertPlain(strip.value);
          stillWorks();
        }
      });

      test('a lone surrogate in a string field is an issue at that field, not invalid_json of the whole payload', () => {
        for (const [f, input, pointer] of [
          [m.validateCallFlow, { ...CALL, description: 'cut emoji \uD83D' }, '/description'],
          [m.validateMessageFlow, { ...MESSAGE, prompt: '\uDC00 prompt' }, '/prompt'],
        ]) {
          const r = f(input);
          assert.ok(!r.issues.some((i) => i.code === 'invalid_json'), `a value input reported invalid_json: ${JSON.stringify(r.issues)}`);
          assert.ok(r.valid || r.issues.some((i) => i.pointer === pointer), `no issue at ${pointer}: ${JSON.stringify(r.issues)}`);
        }
        stillWorks();
      });

      test('Proxy of a valid payload is read like the object', () => {
        const r = m.normalizeCallFlow(new Proxy({ ...CALL, settings: new Proxy({ welcomeMessageDelay: 2 }, {}) }, {}));
        assert.equal(r.ok, true, JSON.stringify(r.issues));
        assert.equal(r.value.settings.welcomeMessageDelay, 2);
        assertPlain(r);
      });

      test('Object.create(null) objects are plain objects; outputs have Object.prototype', () => {
        const input = Object.assign(Object.create(null), CALL, {
          settings: Object.assign(Object.create(null), { welcomeMessageDelay: 1 }),
          flowData: { nodes: [Object.assign(Object.create(null), { id: 'a' })] },
        });
        const r = m.normalizeCallFlow(input);
        assert.equal(r.ok, true, JSON.stringify(r.issues));
        assertPlain(r);
        const f = m.callFlowFromForm(Object.assign(Object.create(null), CALL));
        assert.equal(f.ok, true, JSON.stringify(f.issues));
        assertPlain(f);
      });

      test('undefined properties are missing; symbol keys and non-enumerable properties are ignored', () => {
        const r = m.normalizeCallFlow({ ...CALL, description: undefined, [Symbol('s')]: 1 });
        assert.equal(r.ok, true);
        assert.ok(!('description' in r.value));
        assert.deepStrictEqual(r.issues, []);
        const v = m.validateCallFlow({ name: undefined, direction: 'outbound' });
        assert.deepStrictEqual(v.issues.map((i) => [i.code, i.pointer]), [['required', '/name']]);
      });

      test('-0 is written as 0', () => {
        const r = m.normalizeCallFlow({ ...CALL, settings: { welcomeMessageDelay: -0 } });
        assert.ok(Object.is(r.value.settings.welcomeMessageDelay, 0));
      });

      test('__proto__ keys from JSON.parse are data, never a prototype', () => {
        const text = '{"name":"n","direction":"outbound","__proto__":{"isAdmin":true},'
          + '"flowData":{"nodes":[{"id":"a","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}]}}';
        const strip = m.normalizeCallFlow(JSON.parse(text));
        assert.equal(strip.ok, true);
        assertIssue(strip.issues, '/__proto__', 'unknown_key');
        assert.ok(!Object.hasOwn(strip.value, '__proto__'));
        assertPlain(strip);
        const node = strip.value.flowData.nodes[0];
        assert.ok(Object.hasOwn(node, '__proto__'), 'pass-through __proto__ kept as an own key');
        assert.deepStrictEqual(Object.getOwnPropertyDescriptor(node, '__proto__').value, { polluted: 1 });
        assert.equal(node.polluted, undefined, 'a node got a prototype from its data');

        const keep = m.normalizeCallFlow(JSON.parse(text), { unknownKeys: 'keep' });
        assert.equal(keep.ok, true);
        assert.ok(Object.hasOwn(keep.value, '__proto__'), '__proto__ kept as an own key');
        assert.equal(Object.getPrototypeOf(keep.value), Object.prototype);
        assert.equal(keep.value.isAdmin, undefined);
        assert.equal(({}).isAdmin, undefined);
        assert.equal(({}).polluted, undefined);
        // Idempotent with the own __proto__ key.
        const again = m.normalizeCallFlow(keep.value, { unknownKeys: 'keep' });
        assert.equal(JSON.stringify(again.value), JSON.stringify(keep.value));

        const json = m.normalizeCallFlowJson(text, { unknownKeys: 'keep' });
        assert.ok(Object.hasOwn(json.value, '__proto__'));
        assert.equal(Object.getPrototypeOf(json.value), Object.prototype);
        const form = m.callFlowFromForm(new URLSearchParams([['name', 'n'], ['direction', 'outbound'], ['__proto__.isAdmin', 'true'], ['constructor.prototype.isAdmin', 'true']]));
        assert.doesNotThrow(() => assertPlain(form));
        assert.equal(({}).isAdmin, undefined);
      });
    });

    describe('the api key never appears in an issue', () => {
      const K = API_KEY;
      const leaks = (r, key = K) => JSON.stringify(r.issues).includes(key);
      const pasted = [
        ['call flow', m.buildCallFlowRequest, {
          name: K, direction: K, agent: K, folderId: K, description: K, prompt: K,
          [K]: K, agentWebhookUrl: K, inboundWebhookUrl: `ftp://${K}`, welcomeMessage: K,
          webhooks: [
            { name: K, url: `http://${K}.example.com/${K}`, method: K, headers: { [K]: `${K}\n`, [`${K} x`]: K } },
            { name: K, url: K },
          ],
          dynamicVariableCollections: [{ id: K, name: K, variables: [{ key: K }, { key: K }] }, { id: K, name: K, isDefault: K }],
          flowData: { nodes: [{ id: K }, { id: K }], edges: [{ source: K, target: `${K}-missing` }] },
          settings: { welcomeMessage: 'ai_dynamic', [K]: { [K]: 1 }, welcomeMessageDelay: K, customerLocation: 5, callSetting: { maxCallDuration: K } },
        }],
        ['message flow', m.buildMessageFlowRequest, {
          name: K, direction: K, agent: K, initiationMessage: K, prompt: K, messageChannel: K, [K]: 1,
          settings: { prompt: `${K}!`, responseSettings: { delay: K, workingHours: { enabled: true, start: K, end: K, timezone: K, outOfHoursMessage: '' } } },
        }],
      ];
      for (const [label, build, input] of pasted) {
        test(`${label}: pasted into every kind of field`, () => {
          const r = build(input, BUILD);
          assert.equal(r.ok, false);
          assert.ok(r.issues.length >= 5, JSON.stringify(r.issues));
          assert.ok(!leaks(r), `the api key leaks: ${JSON.stringify(r.issues)}`);
          const json = build(JSON.parse(JSON.stringify(input)), { ...BUILD, unknownKeys: 'reject' });
          assert.ok(!leaks(json), 'the api key leaks (reject mode)');
          const noWs = build(input, { apiKey: K });
          assert.ok(!leaks(noWs), 'the api key leaks when the workspace id is missing');
          const badBase = build(input, { ...BUILD, baseUrl: `https://x.example.com/?key=${K}` });
          assert.ok(!leaks(badBase), 'the api key leaks through a bad baseUrl');
          stillWorks();
        });
      }

      test('a valid request: only the x-api-key header (and the caller\'s body) holds it', () => {
        const r = m.buildCallFlowRequest({ ...CALL, agent: K }, BUILD);
        assert.equal(r.ok, true);
        assert.ok(!leaks(r));
        assert.ok(!r.request.url.includes(K));
        const { 'x-api-key': key, ...others } = r.request.headers;
        assert.equal(key, K);
        assert.ok(!JSON.stringify(others).includes(K));
      });

      test('an invalid api key (CR/LF) never leaks', () => {
        const r = m.buildCallFlowRequest(CALL, { ...BUILD, apiKey: `${K}\r\nX-Evil: 1` });
        assert.equal(r.ok, false);
        assertIssue(r.issues, '/apiKey', 'invalid_header');
        assert.ok(!leaks(r, K) && !leaks(r, 'X-Evil'));
      });

      for (const [label, key] of [['trailing CR/LF', `${K}\r\n`], ['trailing space', `${K} `]]) {
        test(`an api key with a ${label} (copy-paste) is scrubbed too, when pasted into the payload`, () => {
          const r = m.buildCallFlowRequest({ ...CALL, direction: K, agent: K }, { ...BUILD, apiKey: key });
          assert.ok(!leaks(r, K), `the api key leaks: ${JSON.stringify(r.issues)}`);
        });
      }
    });

    describe('outputs are fresh objects', () => {
      test('mutating a normalize result does not affect the next call', () => {
        const input = { ...CALL, flowData: { nodes: [{ id: 'a', data: { x: 1 } }] }, webhooks: [{ name: 'w', url: 'https://h.example.com', headers: { A: 'b' } }] };
        const first = m.normalizeCallFlow(input);
        const pristine = structuredClone(first);
        first.value.name = 'changed';
        first.value.settings.welcomeMessage = 'ai_custom';
        first.value.flowData.nodes[0].data.x = 2;
        first.value.webhooks[0].headers.A = 'c';
        first.issues.push({ code: 'x' });
        Object.freeze(first.value);
        const second = m.normalizeCallFlow(input);
        assert.deepStrictEqual(second, pristine);
        assert.notEqual(second.value, first.value);
      });

      test('outputs do not alias the input', () => {
        const node = { id: 'a', data: { x: 1 } };
        const transfers = [{ to: '+15550100' }];
        const input = { ...CALL, flowData: { nodes: [node] }, settings: { transfers } };
        const before = structuredClone(input);
        const r = m.normalizeCallFlow(input);
        assert.notEqual(r.value.flowData.nodes[0], node);
        assert.notEqual(r.value.flowData.nodes[0].data, node.data);
        assert.notEqual(r.value.settings.transfers, transfers);
        r.value.flowData.nodes[0].data.x = 99;
        r.value.settings.transfers[0].to = 'x';
        assert.deepStrictEqual(input, before, 'the input changed');
      });

      test('validate, form, build and schema results are fresh too', () => {
        const v1 = m.validateCallFlow({ name: 1 });
        v1.issues[0].message = 'changed';
        v1.issues.length = 0;
        assert.notDeepStrictEqual(m.validateCallFlow({ name: 1 }), v1);
        const b1 = m.buildCallFlowRequest(CALL, BUILD);
        b1.request.headers['x-api-key'] = 'other';
        b1.request.url = 'x';
        const b2 = m.buildCallFlowRequest(CALL, BUILD);
        assert.equal(b2.request.headers['x-api-key'], API_KEY);
        assert.equal(b2.request.url, 'https://api.trillet.ai/v1/api/call-flows');
        const s1 = m.callFlowSchema['~standard'].validate(CALL);
        s1.value.name = 'changed';
        assert.equal(m.callFlowSchema['~standard'].validate(CALL).value.name, CALL.name);
        const f1 = m.callFlowFromForm(CALL);
        f1.value.settings.x = 1;
        assert.deepStrictEqual(m.callFlowFromForm(CALL).value.settings, { welcomeMessage: 'user_initiated' });
      });

      test('big and small calls in turn give the same results as the first time (the per-call arena)', () => {
        // A payload far bigger than the arena's first 256 KiB block, with an
        // issue near its end, between small calls; text and object input.
        const big = { ...CALL, webhooks: Array.from({ length: 3000 }, (_, i) => ({ name: `w${i}`, url: `https://h${i}.example.com/hook`, description: 'x'.repeat(40) })) };
        big.webhooks[2999].url = 'ftp://bad';
        const text = JSON.stringify(big);
        const opts = { maxBytes: 16 << 20 };
        const firstBig = m.validateCallFlowJson(text, opts);
        assert.equal(firstBig.valid, false);
        assert.deepStrictEqual(firstBig.issues.map((i) => [i.pointer, i.code]), [['/webhooks/2999/url', 'invalid_url']]);
        const firstSmall = m.normalizeCallFlow(CALL);
        const firstNorm = m.normalizeCallFlow(big);
        for (let round = 0; round < 3; round++) {
          assert.deepStrictEqual(m.validateCallFlowJson(text, opts), firstBig);
          assert.deepStrictEqual(m.normalizeCallFlow(CALL), firstSmall);
          assert.deepStrictEqual(m.normalizeCallFlow(big), firstNorm);
          assert.deepStrictEqual(m.validateCallFlow({ name: 1 }).issues.map((i) => i.code), ['invalid_type', 'required']);
        }
      });

      test('the input is never mutated, frozen input is fine', () => {
        const input = structuredClone({ ...CALL, settings: { callSetting: { maxCallDuration: 60 } }, webhooks: [{ name: 'w', url: 'https://h.example.com', headers: [{ name: 'A', value: 'b' }], variables: [{ name: 'v' }] }] });
        const before = structuredClone(input);
        const deepFreeze = (o) => { Object.freeze(o); for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v); return o; };
        deepFreeze(input);
        const r = m.normalizeCallFlow(input);
        assert.equal(r.ok, true, JSON.stringify(r.issues));
        assert.deepStrictEqual(input, before);
        assert.deepStrictEqual(r.value.webhooks[0].headers, { A: 'b' }, 'headers moved into an object');
        assertPlain(r);
      });
    });
  });
}

test('import and require give the same results', () => {
  const inputs = [CALL, { name: '' }, { ...CALL, webhooks: [{ name: 'w', url: 'http://h.example.com' }] }, null];
  for (const x of inputs) {
    assert.deepStrictEqual(cjs.validateCallFlow(x), esm.validateCallFlow(x));
    assert.deepStrictEqual(cjs.normalizeCallFlow(x), esm.normalizeCallFlow(x));
    assert.deepStrictEqual(cjs.normalizeMessageFlow(x), esm.normalizeMessageFlow(x));
    assert.deepStrictEqual(cjs.buildCallFlowRequest(x, BUILD), esm.buildCallFlowRequest(x, BUILD));
    assert.deepStrictEqual(cjs.callFlowSchema['~standard'].validate(x), esm.callFlowSchema['~standard'].validate(x));
  }
  const names = (mod) => Object.keys(mod).filter((k) => k !== 'default' && k !== '__esModule').sort();
  assert.deepStrictEqual(names(cjs), names(esm));
});

test('the package name resolves through the exports map (node import + require)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trillet-flows-resolve-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(PKG, join(dir, 'node_modules', 'trillet-flows'), 'dir');
    writeFileSync(join(dir, 'package.json'), '{"type":"module","private":true}');
    writeFileSync(join(dir, 'check.mjs'), `
      import { createRequire } from 'node:module';
      import * as esm from 'trillet-flows';
      import init from 'trillet-flows';
      const require = createRequire(import.meta.url);
      const cjs = require('trillet-flows');
      console.log(JSON.stringify({
        importResolved: import.meta.resolve('trillet-flows'),
        requireResolved: require.resolve('trillet-flows'),
        wasmResolved: import.meta.resolve('trillet-flows/trillet_flows_bg.wasm'),
        pkgVersion: require('trillet-flows/package.json').version,
        esmValid: esm.validateCallFlow(${JSON.stringify(CALL)}).valid,
        cjsValid: cjs.validateCallFlow(${JSON.stringify(CALL)}).valid,
        initResolves: (await init()) === undefined,
      }));
    `);
    const r = spawnSync(process.execPath, [join(dir, 'check.mjs')], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1));
    assert.match(out.importResolved, /\/node\.mjs$/);
    assert.match(out.requireResolved, /\/node\.cjs$/);
    assert.match(out.wasmResolved, /\/trillet_flows_bg\.wasm$/);
    assert.equal(typeof out.pkgVersion, 'string');
    assert.equal(out.esmValid, true);
    assert.equal(out.cjsValid, true);
    assert.equal(out.initResolves, true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the browser entry (pkg/index.js) loads with init(bytes) in a fresh process; a failed init can be retried', () => {
  const script = `
    import { readFileSync } from 'node:fs';
    const web = await import(${JSON.stringify(pathToFileURL(join(PKG, 'index.js')).href)});
    const bytes = readFileSync(new URL(${JSON.stringify(pathToFileURL(join(PKG, 'trillet_flows_bg.wasm')).href)}));
    const out = {};
    out.badInitRejects = await web.init(new Uint8Array([0, 1, 2, 3])).then(() => false, () => true);
    out.init1 = (await web.init(bytes)) === undefined;
    out.init2 = (await web.init()) === undefined;
    out.init3 = (await web.default(bytes)) === undefined;
    out.valid = web.validateCallFlow(${JSON.stringify(CALL)}).valid;
    out.schema = web.callFlowSchema['~standard'].validate(${JSON.stringify(CALL)}).value.promptType;
    out.msgSchema = web.messageFlowSchema['~standard'].validate({}).issues.length > 0;
    out.initSync = typeof web.initSync;
    console.log(JSON.stringify(out));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.deepStrictEqual(JSON.parse(r.stdout.trim().split('\n').at(-1)), {
    badInitRejects: true, init1: true, init2: true, init3: true, valid: true, schema: 'simple', msgSchema: true, initSync: 'function',
  });
});

test(`two builds: the Node entry inlines the ${WASM_BUILD} build, the browser entry ships the size build; one glue fits both`, () => {
  // target/size.json: what scripts/build-pkg.mjs built (each build's wasm after wasm-opt, and its hash).
  const { builds } = JSON.parse(readFileSync(join(ROOT, 'target', 'size.json'), 'utf8'));
  const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
  const nodeWasm = Buffer.from(require(join(PKG, 'trillet_flows_wasm.cjs')), 'base64');
  const browserWasm = readFileSync(join(PKG, 'trillet_flows_bg.wasm'));
  assert.equal(sha256(browserWasm), builds.size.sha256, 'trillet_flows_bg.wasm is the size build');
  assert.equal(sha256(nodeWasm), builds[WASM_BUILD].sha256, `trillet_flows_wasm.cjs holds the ${WASM_BUILD} build`);
  assert.notEqual(builds.speed.sha256, builds.size.sha256);
  assert.ok(builds.speed.bytes > builds.size.bytes * 1.2,
    `the speed build (opt-level 3, wasm-opt -O3) is the larger: ${builds.speed.bytes} vs ${builds.size.bytes} bytes`);
  // The glue (pkg/trillet_flows.cjs and the one in index.js) was generated once:
  // both modules must export exactly the same (in any order), and the size
  // build import nothing the speed build does not (the glue provides those;
  // wasm-opt may drop an import the size build never calls: wasm-bindgen's
  // throw went with the function table's closure shims).
  const speed = new WebAssembly.Module(readFileSync(join(ROOT, 'target', 'bindgen', 'speed.wasm')));
  const size = new WebAssembly.Module(browserWasm);
  const names = (list) => list.map((e) => `${e.module ?? ''} ${e.name} ${e.kind}`).sort();
  const speedImports = names(WebAssembly.Module.imports(speed));
  const extra = names(WebAssembly.Module.imports(size)).filter((n) => !speedImports.includes(n));
  assert.deepStrictEqual(extra, [], 'the size build imports only what the speed build imports');
  assert.deepStrictEqual(names(WebAssembly.Module.exports(speed)), names(WebAssembly.Module.exports(size)));
  assert.ok(names(WebAssembly.Module.exports(size)).includes(' call function'));
  assert.ok(names(WebAssembly.Module.imports(size)).length > 10);
});
