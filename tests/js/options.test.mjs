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
