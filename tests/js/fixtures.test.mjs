// Every shared fixture (tests/fixtures/**/*.json) through the built npm package,
// with the checks of tests/fixtures.rs. One test per fixture, named by its path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FIXTURES, jsonFiles, rel, defaultSeverity, pointerOf, displayPath, nodeEntry } from './helpers.mjs';

const api = await nodeEntry(); // pkg/node.mjs (TRILLET_WASM=size: with the size build)

const files = jsonFiles(FIXTURES);

test('there are shared fixtures to run', () => {
  assert.ok(files.length > 10, `too few fixtures: ${files.length}`);
});

function fns(kind) {
  if (kind === 'callFlow') {
    return {
      validate: api.validateCallFlow, normalize: api.normalizeCallFlow,
      validateJson: api.validateCallFlowJson, normalizeJson: api.normalizeCallFlowJson,
      fromForm: api.callFlowFromForm, build: api.buildCallFlowRequest,
      fromResponse: api.callFlowFromResponse, fromResponseJson: api.callFlowFromResponseJson,
    };
  }
  if (kind === 'messageFlow') {
    return {
      validate: api.validateMessageFlow, normalize: api.normalizeMessageFlow,
      validateJson: api.validateMessageFlowJson, normalizeJson: api.normalizeMessageFlowJson,
      fromForm: api.messageFlowFromForm, build: api.buildMessageFlowRequest,
      fromResponse: api.messageFlowFromResponse, fromResponseJson: api.messageFlowFromResponseJson,
    };
  }
  throw new Error(`unknown kind ${JSON.stringify(kind)}`);
}

/** [code, pointer, severity, message] of each expected issue (message undefined if not pinned). */
function expectedIssues(f) {
  assert.ok(Array.isArray(f.issues), 'fixture needs an `issues` array');
  return f.issues.map((i) => [i.code, i.pointer, i.severity ?? defaultSeverity(i.code), i.message]);
}

/** [code, pointer, severity, message] of each reported issue. */
const pinned = (issues) => issues.map((i) => [i.code, i.pointer, i.severity, i.message]);
const hasError = (want) => want.some((w) => w[2] === 'error');

/**
 * The reported issues are the expected ones, in order, messages included.
 * A fixture must pin every message: a missing one fails with the message to pin.
 */
function assertIssues(issues, want, what) {
  const got = pinned(issues);
  assert.deepStrictEqual(got.map((g) => g.slice(0, 3)), want.map((w) => w.slice(0, 3)),
    `${what} issues differ (code, pointer, severity)`);
  want.forEach((w, n) => {
    if (typeof w[3] !== 'string') {
      assert.fail(`issue ${n} (${w[0]} at ${w[1]}) pins no "message"; the library says ${JSON.stringify(got[n][3])}` +
        ' (every expected issue pins its exact message: node scripts/bless-fixtures.mjs FILE writes them)');
    }
  });
  assert.deepStrictEqual(got, want, `${what} issues differ (messages)`);
}

/** Every message is a sentence that names its field; pointer matches path; full issue shape. */
function checkMessages(issues) {
  assert.ok(Array.isArray(issues), 'issues is an array');
  for (const i of issues) {
    assert.equal(Object.getPrototypeOf(i), Object.prototype, 'an issue is a plain object');
    assert.ok(Array.isArray(i.path), `path is an array: ${JSON.stringify(i)}`);
    for (const s of i.path) assert.ok(typeof s === 'string' || (Number.isInteger(s) && s >= 0), `path segment ${String(s)}`);
    assert.equal(typeof i.code, 'string');
    assert.ok(i.severity === 'error' || i.severity === 'warning', `severity ${i.severity}`);
    assert.equal(typeof i.message, 'string');
    assert.ok(/[.?]$/.test(i.message), `message is not a sentence: ${i.message}`);
    assert.equal(i.pointer, pointerOf(i.path), `pointer and path disagree: ${JSON.stringify(i)}`);
    if (i.path.length > 0 && i.code !== 'too_large') {
      const shown = displayPath(i.path);
      const last = i.path.at(-1);
      const lastShown = typeof last === 'string' ? last : shown;
      assert.ok(i.message.includes(shown) || i.message.includes(lastShown),
        `message of ${i.code} at ${i.pointer} does not name the field: ${i.message}`);
    }
    for (const k of ['expected', 'received']) if (k in i) assert.equal(typeof i[k], 'string', k);
    for (const k of ['line', 'column']) if (k in i) assert.ok(Number.isInteger(i[k]) && i[k] >= 1, k);
  }
}

/** A plain JSON tree: objects with Object.prototype (never Map), arrays, primitives. */
function assertPlainJson(v, where = 'value') {
  if (v === null || ['string', 'boolean'].includes(typeof v)) return;
  if (typeof v === 'number') return assert.ok(Number.isFinite(v), `${where} is finite`);
  if (Array.isArray(v)) return v.forEach((x, k) => assertPlainJson(x, `${where}[${k}]`));
  assert.equal(typeof v, 'object', `${where} is JSON`);
  assert.equal(Object.getPrototypeOf(v), Object.prototype, `${where} is a plain object`);
  for (const k of Object.keys(v)) assertPlainJson(v[k], `${where}.${k}`);
}

/** Output, idempotence (same key order) and validity of a normalize-shaped result. */
function checkOutput(f, out, { normalize, validate }, options) {
  assert.equal(typeof out.ok, 'boolean', 'normalize result has ok');
  if (out.ok) assert.ok('value' in out, 'ok result has value');
  else assert.ok(!('value' in out) || out.value === undefined, 'failed result has no value');
  if ('output' in f) {
    assert.deepStrictEqual(out.ok ? out.value : null, f.output, 'normalized output differs');
    if (f.output !== null) assert.equal(JSON.stringify(out.value), JSON.stringify(f.output), 'output key order differs');
  }
  if (out.ok) {
    assertPlainJson(out.value);
    const again = normalize(out.value, options);
    assert.equal(again.ok, true, `normalize(output) failed: ${JSON.stringify(again.issues)}`);
    assert.deepStrictEqual(again.value, out.value, 'normalize is not idempotent');
    assert.equal(JSON.stringify(again.value), JSON.stringify(out.value), 'key order not stable');
    assert.deepStrictEqual(again.issues.filter((i) => i.severity === 'error'), [], 'output has errors');
    const v = validate(out.value, options);
    assert.equal(v.valid, true, `output does not validate: ${JSON.stringify(v.issues)}`);
  }
}

function runBuild(f, k, want) {
  const buildOptions = { ...f.build, ...(f.options ?? {}) };
  let input;
  if ('input' in f) input = f.input;
  else if ('inputJson' in f) input = JSON.parse(f.inputJson);
  else assert.fail('build fixture needs input or inputJson');
  const before = structuredClone(input);
  const optsBefore = structuredClone(buildOptions);
  const res = k.build(input, buildOptions);
  assert.deepStrictEqual(input, before, 'input changed');
  assert.deepStrictEqual(buildOptions, optsBefore, 'options changed');
  assert.equal(typeof res.ok, 'boolean');
  assertIssues(res.issues, want, 'build');
  checkMessages(res.issues);
  assert.equal(res.ok, !hasError(want), 'ok flag vs errors');
  const key = f.build.apiKey;
  if (typeof key === 'string' && key !== '') {
    assert.ok(!JSON.stringify(res.issues).includes(key), 'the api key leaks into the issues');
    // Also not with its CR/LF escaped away, nor in the url.
    for (const part of key.split(/[\r\n]+/).filter((p) => p.length >= 8)) {
      assert.ok(!JSON.stringify(res.issues).includes(part), 'a part of the api key leaks into the issues');
    }
    if (res.ok) assert.ok(!res.request.url.includes(key), 'the api key leaks into the url');
  }
  if ('request' in f) {
    let got = null;
    if (res.ok) {
      assert.equal(typeof res.request.body, 'string', 'body is JSON text');
      got = { ...res.request, body: JSON.parse(res.request.body) };
    } else {
      assert.ok(!('request' in res) || res.request === undefined, 'failed build has no request');
    }
    assert.deepStrictEqual(got, f.request, 'request differs');
    if (res.ok) {
      assert.equal(JSON.stringify(got.body), JSON.stringify(f.request.body), 'body key order differs');
      // The body is exactly what normalize gives (build sends the normalized payload).
      const n = k.normalize(input, f.options);
      assert.equal(res.request.body, JSON.stringify(n.value), 'body is not the normalized payload');
    }
  }
}

function runForm(f, k, want) {
  assert.ok(Array.isArray(f.form), 'form is a list of [name, value]');
  const params = new URLSearchParams(f.form);
  const out = k.fromForm(params, f.options);
  assertIssues(out.issues, want, 'form');
  checkMessages(out.issues);
  assert.equal(out.ok, !hasError(want), 'ok flag vs errors');
  checkOutput(f, out, k, f.options);
  assert.deepStrictEqual([...params], f.form, 'the URLSearchParams changed');
  // FormData gives the same result.
  const fd = new FormData();
  for (const [n, v] of f.form) fd.append(n, v);
  const viaFd = k.fromForm(fd, f.options);
  assert.deepStrictEqual(viaFd, out, 'FormData and URLSearchParams disagree');
  // A record gives the same result when no name repeats.
  const names = f.form.map((p) => p[0]);
  if (new Set(names).size === names.length) {
    const record = Object.fromEntries(f.form);
    const viaRecord = k.fromForm(record, f.options);
    assert.deepStrictEqual(viaRecord, out, 'a record and URLSearchParams disagree');
  }
}

/** A clone fixture: `response` (or `responseJson`) and optional `overrides`. */
function runClone(f, k, want) {
  let out;
  if ('response' in f) {
    const before = structuredClone(f.response);
    const overBefore = structuredClone(f.overrides);
    out = k.fromResponse(f.response, f.overrides, f.options);
    assertIssues(out.issues, want, 'clone');
    assert.deepStrictEqual(f.response, before, 'response changed');
    assert.deepStrictEqual(f.overrides, overBefore, 'overrides changed');
    const viaText = k.fromResponseJson(JSON.stringify(f.response), f.overrides, f.options);
    assertIssues(viaText.issues, want, 'clone (JSON text path)');
    assert.deepStrictEqual(viaText.value, out.value, 'JSON text path output differs');
    assert.ok(viaText.issues.every((i) => i.line >= 1 && i.column >= 1), 'issues from the response text have a line and column');
  } else {
    out = k.fromResponseJson(f.responseJson, f.overrides, f.options);
  }
  assertIssues(out.issues, want, 'clone');
  assert.ok(!out.issues.some((i) => i.code === 'read_only'), 'a clone reports no read_only issue');
  assert.equal(out.ok, !hasError(want), 'ok flag vs errors');
  checkMessages(out.issues);
  checkOutput(f, out, k, f.options);
}

function runValue(f, k, want) {
  let report, out, asText;
  if ('input' in f) {
    assert.ok(!('inputJson' in f), 'fixture has both input and inputJson');
    const input = f.input;
    const before = structuredClone(input);
    report = k.validate(input, f.options);
    out = k.normalize(input, f.options);
    assert.deepStrictEqual(input, before, 'input changed');
    asText = k.validateJson(JSON.stringify(input), f.options);
    const nText = k.normalizeJson(JSON.stringify(input), f.options);
    assert.deepStrictEqual(nText.ok ? nText.value : null, out.ok ? out.value : null, 'JSON text path output differs');
  } else if ('inputJson' in f) {
    assert.equal(typeof f.inputJson, 'string', 'inputJson is a string');
    report = k.validateJson(f.inputJson, f.options);
    out = k.normalizeJson(f.inputJson, f.options);
    // Expected `line` and `column` (where given) match.
    f.issues.forEach((w, n) => {
      const g = report.issues[n];
      for (const key of ['line', 'column']) {
        if (key in w) assert.equal(g?.[key], w[key], `issue ${n} ${key} differs`);
      }
    });
  } else {
    assert.fail('fixture needs exactly one of input, inputJson, form');
  }
  assertIssues(report.issues, want, 'validate');
  // The JSON text path agrees with the fixture too (messages included).
  if (asText) assertIssues(asText.issues, want, 'JSON text path');
  assert.deepStrictEqual(out.issues, report.issues, 'validate and normalize disagree');
  assert.equal(report.valid, !hasError(want), 'valid flag wrong');
  assert.equal(out.ok, report.valid, 'normalize ok vs valid');
  checkMessages(report.issues);
  checkOutput(f, out, k, f.options);
}

for (const file of files) {
  const name = rel(file);
  test(name, () => {
    const f = JSON.parse(readFileSync(file, 'utf8'));
    const k = fns(f.kind);
    const want = expectedIssues(f);
    if ('build' in f) runBuild(f, k, want);
    else if ('form' in f) runForm(f, k, want);
    else if ('response' in f || 'responseJson' in f) runClone(f, k, want);
    else runValue(f, k, want);
  });
}
