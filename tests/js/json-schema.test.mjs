// The JSON Schemas of the built package (pkg/schema/*.schema.json) against
// the library, through Ajv (draft 2020-12, strict mode, ajv-formats):
// - every shared fixture (tests/fixtures/**): where all of the expected
//   errors are of kinds JSON Schema can express, Ajv's verdict (valid or
//   not) agrees with ours; every normalized output (and built request body)
//   is valid for Ajv. The counts and each disagreement are printed (TAP
//   diagnostics); the test fails on any disagreement.
// - a payload file whose `$schema` points into node_modules validates with
//   Ajv as the library says, through the path an editor resolves.
// - callFlowJsonSchema() / messageFlowJsonSchema() give the files' schemas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import * as api from '../../pkg/node.mjs';
import { FIXTURES, PKG, defaultSeverity, jsonFiles, rel } from './helpers.mjs';

const require = createRequire(import.meta.url);
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));
const STEM = { callFlow: 'call-flow', messageFlow: 'message-flow' };

/** A validator of one schema file, in a fresh Ajv (strict mode). */
function compile(schema) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}
const validators = {};
for (const [kind, stem] of Object.entries(STEM)) {
  validators[kind] = {
    strip: compile(readJson(join(PKG, 'schema', `${stem}.schema.json`))),
    reject: compile(readJson(join(PKG, 'schema', `${stem}.reject.schema.json`))),
  };
}

/**
 * The issue codes JSON Schema can express, by unknownKeys mode: types,
 * required fields, enums, minimums, patterns and formats (times, time
 * zones, URLs, header names and values, text that must not be blank), the
 * `ai_custom` rule; with `reject`, unknown and server-generated keys too.
 */
const EXPRESSIBLE = ['required', 'invalid_type', 'invalid_enum', 'too_small', 'invalid_time', 'invalid_timezone',
  'empty', 'invalid_url', 'invalid_header', 'only_with'];
const expressible = (mode) => new Set(mode === 'reject' ? [...EXPRESSIBLE, 'unknown_key', 'read_only'] : EXPRESSIBLE);

const ajvErrors = (validate) => (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.keyword}: ${e.message}`);

test('Ajv agrees with validate on every fixture it can judge; every normalized output is valid for Ajv', (t) => {
  let compared = 0;
  let invalid = 0;
  let outputs = 0;
  const notJudged = new Map();
  const disagreements = [];
  for (const file of jsonFiles(FIXTURES)) {
    const f = readJson(file);
    if (!(f.kind in STEM)) continue;
    const mode = f.options?.unknownKeys === 'reject' ? 'reject' : 'strip';
    const v = validators[f.kind][mode];
    let input;
    let hasInput = false;
    if ('input' in f) [input, hasInput] = [f.input, true];
    else if ('inputJson' in f) {
      try {
        [input, hasInput] = [JSON.parse(f.inputJson), true];
      } catch {
        notJudged.set('text that JSON.parse rejects', (notJudged.get('text that JSON.parse rejects') ?? 0) + 1);
      }
    }
    if (hasInput) {
      // A build case's option issues (at /apiKey, /workspaceId, /baseUrl) are not the payload's.
      const options = new Set('build' in f ? ['/apiKey', '/workspaceId', '/baseUrl'] : []);
      const errors = (f.issues ?? []).filter((i) => (i.severity ?? defaultSeverity(i.code)) === 'error' && !options.has(i.pointer));
      const beyond = errors.filter((i) => !expressible(mode).has(i.code)).map((i) => i.code);
      if (beyond.length) {
        const why = `errors JSON Schema cannot express: ${[...new Set(beyond)].sort().join(', ')}`;
        notJudged.set(why, (notJudged.get(why) ?? 0) + 1);
      } else {
        compared += 1;
        const ours = errors.length === 0;
        if (!ours) invalid += 1;
        const theirs = v(input);
        if (ours !== theirs) {
          disagreements.push(`${rel(file)}: validate says ${ours ? 'valid' : `invalid (${errors.map((i) => `${i.code} at ${i.pointer}`).join('; ')})`}, ` +
            `Ajv says ${theirs ? 'valid' : `invalid (${ajvErrors(v).join('; ')})`}`);
        }
      }
    }
    const bodies = [];
    if (f.output !== undefined && f.output !== null) bodies.push(['output', f.output]);
    if (f.request?.body !== undefined) bodies.push(["request body", typeof f.request.body === "string" ? JSON.parse(f.request.body) : f.request.body]);
    for (const [what, body] of bodies) {
      outputs += 1;
      if (!v(body)) disagreements.push(`${rel(file)}: its ${what} is invalid for Ajv (${ajvErrors(v).join('; ')})`);
    }
  }
  t.diagnostic(`Ajv compared with validate on ${compared} fixtures (${invalid} of them invalid), and checked ${outputs} normalized outputs`);
  for (const [why, n] of [...notJudged].sort()) t.diagnostic(`not judged: ${n} fixtures (${why})`);
  t.diagnostic(`disagreements: ${disagreements.length}`);
  for (const d of disagreements) t.diagnostic(d);
  assert.deepStrictEqual(disagreements, []);
  // The comparison covers most of the fixtures (a schema that fails to load
  // or a fixture folder that moved would show here).
  assert.ok(compared >= 150 && invalid >= 50, `only ${compared} fixtures compared, ${invalid} invalid`);
  assert.ok(outputs >= 100, `only ${outputs} outputs checked`);
});

test('the schemas can fail: a missing name, an inbound call flow, an unknown key with reject', () => {
  const call = validators.callFlow;
  assert.equal(call.strip({ name: 'Support', direction: 'outbound' }), true);
  assert.equal(call.strip({ direction: 'outbound' }), false);
  assert.deepEqual(call.strip.errors.map((e) => [e.instancePath, e.keyword, e.params.missingProperty]), [['', 'required', 'name']]);
  assert.equal(call.strip({ name: 'Support', direction: 'inbound' }), false);
  assert.equal(call.strip({ name: 'Support', direction: 'outbound', colour: 'red' }), true);
  assert.equal(call.reject({ name: 'Support', direction: 'outbound', colour: 'red' }), false);
  assert.equal(call.reject({ name: 'Support', direction: 'outbound', $schema: 'anything' }), true);
  // ai_custom: customWelcomeMessage required, and from settings too.
  const base = { name: 'S', direction: 'outbound' };
  assert.equal(call.strip({ ...base, welcomeMessage: 'ai_custom' }), false);
  assert.equal(call.strip({ ...base, welcomeMessage: 'ai_custom', customWelcomeMessage: 'Hi' }), true);
  assert.equal(call.strip({ ...base, settings: { welcomeMessage: 'ai_custom', customWelcomeMessage: 'Hi' } }), true);
  assert.equal(call.strip({ ...base, customWelcomeMessage: 'Hi' }), false);
  assert.equal(call.strip({ ...base, customWelcomeMessage: ' ' }), true);
  // Working hours: enabled needs start and end, nested or flat.
  const wh = (rs) => call.strip({ ...base, settings: { responseSettings: rs } });
  assert.equal(wh({ workingHours: { enabled: true, start: '09:00' } }), false);
  assert.equal(wh({ workingHours: { enabled: true, start: '09:00', end: '17:00' } }), true);
  assert.equal(wh({ enabled: true, start: '09:00', end: '17:00' }), true);
  assert.equal(wh({ enabled: true, start: '9:00', end: '17:00' }), false);
  assert.equal(wh({ workingHours: { timezone: 'Mars/Phobos' } }), false);
  // A message flow's prompt may stand under settings (moved), not nowhere.
  const msg = { name: 'M', direction: 'inbound', agent: 'a', initiationMessage: 'Hi', messageChannel: 'SMS' };
  assert.equal(validators.messageFlow.strip(msg), false);
  assert.equal(validators.messageFlow.strip({ ...msg, settings: { prompt: 'Be brief.' } }), true);
  assert.equal(validators.messageFlow.strip({ ...msg, prompt: null, settings: { prompt: 'Be brief.' } }), true);
});

test('a payload file pointing its $schema into node_modules validates with Ajv as the library says', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'trillet-schema-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(PKG, join(dir, 'node_modules', 'trillet-flows'), 'dir');
  const file = join(dir, 'support-line.json');
  const cases = [
    [{ name: 'Support Line', direction: 'outbound', settings: { callSettings: { maxCallDuration: 600 } } }, true],
    [{ name: 'Support Line', direction: 'outbound', settings: { callSettings: { maxCallDuration: 0 } } }, false],
  ];
  for (const [payload, valid] of cases) {
    const text = JSON.stringify({ $schema: './node_modules/trillet-flows/schema/call-flow.schema.json', ...payload }, null, 2);
    writeFileSync(file, text);
    // As an editor does: the schema named by the file, relative to the file.
    const doc = readJson(file);
    const schema = readJson(resolve(dirname(file), doc.$schema));
    const validate = compile(schema);
    assert.equal(validate(doc), valid, JSON.stringify(validate.errors));
    const ours = api.validateCallFlowJson(readFileSync(file, 'utf8'));
    assert.equal(ours.valid, valid);
    if (valid) assert.deepStrictEqual(ours.issues, []);
    else assert.deepStrictEqual(ours.issues.map((i) => [i.code, i.pointer]), [['too_small', '/settings/callSettings/maxCallDuration']]);
  }
  // The package exports the files, so `require.resolve` finds them too.
  const viaExports = createRequire(join(dir, 'x.js')).resolve('trillet-flows/schema/call-flow.schema.json');
  assert.deepStrictEqual(readJson(viaExports), readJson(join(PKG, 'schema', 'call-flow.schema.json')));
});

test('callFlowJsonSchema() and messageFlowJsonSchema() are the files, fresh on every call', () => {
  const cjs = require('../../pkg/node.cjs');
  for (const [name, stem] of [['callFlowJsonSchema', 'call-flow'], ['messageFlowJsonSchema', 'message-flow']]) {
    const strip = readFileSync(join(PKG, 'schema', `${stem}.schema.json`), 'utf8');
    const reject = readFileSync(join(PKG, 'schema', `${stem}.reject.schema.json`), 'utf8');
    for (const fn of [api[name], cjs[name]]) {
      // Same keys in the same order as the files.
      const text = (v) => JSON.stringify(v);
      assert.equal(text(fn()), text(JSON.parse(strip)));
      assert.equal(text(fn({})), text(JSON.parse(strip)));
      assert.equal(text(fn({ unknownKeys: 'strip' })), text(JSON.parse(strip)));
      assert.equal(text(fn({ unknownKeys: 'keep' })), text(JSON.parse(strip)));
      assert.equal(text(fn({ unknownKeys: 'reject' })), text(JSON.parse(reject)));
      const a = fn();
      a.title = 'changed';
      assert.notEqual(fn().title, 'changed', 'each call returns a fresh object');
      const r = fn({ unknownKeys: 'reject' });
      r.$defs.timezone.enum.push('Mars/Phobos');
      assert.ok(!fn({ unknownKeys: 'reject' }).$defs.timezone.enum.includes('Mars/Phobos'), 'each call returns a fresh object');
      assert.throws(() => fn({ unknownKeys: 'rejct' }), { name: 'TypeError', message: `trillet-flows: ${name}(options): unknownKeys must be "strip", "keep" or "reject", not "rejct"` });
      assert.throws(() => fn({ unknownKey: 'reject' }), { name: 'TypeError', message: `trillet-flows: ${name}(options): "unknownKey" is not an option (the option is unknownKeys)` });
      assert.throws(() => fn('reject'), { name: 'TypeError', message: `trillet-flows: ${name}(options): options must be an object, not string` });
      assert.throws(() => fn({ unknownKeys: 1 }), { name: 'TypeError', message: `trillet-flows: ${name}(options): unknownKeys must be "strip", "keep" or "reject", not number` });
      assert.equal(text(fn(null)), text(JSON.parse(strip)));
    }
  }
});
