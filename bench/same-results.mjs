#!/usr/bin/env node
// Two builds of the package give the same results, byte for byte: every
// entry of the API on every shared fixture (tests/fixtures/**) and on a set
// of hostile and odd inputs; results compared as JSON text (key order
// included) and by their plain-object shape.
//
//   node bench/same-results.mjs [--base=<pkg dir>] [--new=<pkg dir>]
//
// --base defaults to target/pkg-base (copy a build there first), --new to pkg/.
// Exits 1 on the first few differences, listing them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { jsonFiles, FIXTURES, rel } from '../tests/js/helpers.mjs';

const file = (p) => fileURLToPath(new URL(p, import.meta.url));
const args = process.argv.slice(2);
const arg = (name, def) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? def;
const load = async (dir) => import(pathToFileURL(path.join(path.resolve(dir), 'node.mjs')).href);
const base = await load(arg('base', file('../target/pkg-base')));
const next = await load(arg('new', file('../pkg')));

// A result as text that also shows prototypes, undefined and holes.
function show(v) {
  if (v === undefined) return 'undefined';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const proto = Object.getPrototypeOf(v) === (Array.isArray(v) ? Array.prototype : Object.prototype) ? '' : '!proto';
  if (Array.isArray(v)) {
    const items = [];
    for (let i = 0; i < v.length; i++) items.push(i in v ? show(v[i]) : 'hole');
    return `${proto}[${items.join(',')}]`;
  }
  return `${proto}{${Reflect.ownKeys(v).map((k) => `${JSON.stringify(String(k))}:${show(v[k])}`).join(',')}}`;
}

let cases = 0;
const diffs = [];
function same(what, call) {
  cases++;
  let a;
  let b;
  try {
    a = show(call(base));
  } catch (e) {
    a = `threw ${e}`;
  }
  try {
    b = show(call(next));
  } catch (e) {
    b = `threw ${e}`;
  }
  if (a !== b) diffs.push(`${what}\n  base: ${a.slice(0, 400)}\n  new:  ${b.slice(0, 400)}`);
}

const NAMES = {
  callFlow: ['CallFlow', 'callFlow'],
  messageFlow: ['MessageFlow', 'messageFlow'],
};
for (const f of jsonFiles(FIXTURES)) {
  const fx = JSON.parse(readFileSync(f, 'utf8'));
  const [K, k] = NAMES[fx.kind] ?? NAMES.callFlow;
  const o = fx.options;
  const where = rel(f);
  const input = 'input' in fx ? fx.input : 'inputJson' in fx ? (() => { try { return JSON.parse(fx.inputJson); } catch { return undefined; } })() : undefined;
  const text = 'inputJson' in fx ? fx.inputJson : 'input' in fx ? JSON.stringify(fx.input) : undefined;
  if (input !== undefined) {
    same(`${where} validate`, (m) => m[`validate${K}`](structuredClone(input), o));
    same(`${where} normalize`, (m) => m[`normalize${K}`](structuredClone(input), o));
    same(`${where} build`, (m) => m[`build${K}Request`](structuredClone(input), { apiKey: 'tk_test_0123456789', workspaceId: 'w', ...fx.build, ...o }));
  }
  if (text !== undefined) {
    same(`${where} validateJson`, (m) => m[`validate${K}Json`](text, o));
    same(`${where} normalizeJson`, (m) => m[`normalize${K}Json`](text, o));
  }
  if (fx.form) same(`${where} form`, (m) => m[`${k}FromForm`](new URLSearchParams(fx.form), o));
  if ('response' in fx) same(`${where} fromResponse`, (m) => m[`${k}FromResponse`](structuredClone(fx.response), fx.overrides, o));
  const rt = 'responseJson' in fx ? fx.responseJson : 'response' in fx ? JSON.stringify(fx.response) : undefined;
  if (rt !== undefined) same(`${where} fromResponseJson`, (m) => m[`${k}FromResponseJson`](rt, fx.overrides, o));
}

// Hostile and odd inputs, through validate and normalize, and as options.
const S = { name: 'Support', direction: 'outbound' };
const revocable = Proxy.revocable({}, {});
revocable.revoke();
const cyclic = { ...S, settings: {} };
cyclic.settings.self = cyclic;
const odd = [
  undefined, null, 1, 'x', [], {}, S, REVOKED(), 1n, Symbol('s'), () => 1, new Date(0), new Map(), new (class Thing {})(),
  { ...S, description: 'lone \uD83D surrogate' }, { ...S, ['key \uDC00']: 1 }, { ...S, description: 'C:\\udp\\ud800 text' },
  { ...S, description: 'astral 😀 é \u0000 "q" \\ \u2028' }, { ...S, ['😀 key é']: { ['\u0000']: 1 } }, { ...S, '': 1, __proto__x: 1 },
  JSON.parse('{"name":"S","direction":"outbound","__proto__":{"a":1},"settings":{"__proto__":2}}'),
  { ...S, webhooks: [, { name: 'w', url: 'ftp://x' }] }, { ...S, settings: { welcomeMessageDelay: NaN, x: Infinity, y: undefined } },
  cyclic, new Proxy({ ...S }, { get() { throw new Error('x'); } }), { ...S, get description() { throw REVOKED(); } },
  { ...S, settings: { transfers: new Proxy([], { get: (t, key) => (key === 'length' ? 2 ** 32 - 1 : t[key]) }) } },
];
function REVOKED() {
  return revocable.proxy;
}
const OPTIONS = [undefined, null, {}, { unknownKeys: 'keep' }, { unknownKeys: 'reject' }, { unknownkeys: 'x', maxDepth: 500 }, { maxItems: 0 }, REVOKED(), [], 5];
for (const [n, v] of odd.entries()) {
  for (const [j, o] of OPTIONS.entries()) {
    for (const K of ['CallFlow', 'MessageFlow']) {
      same(`odd ${n} options ${j} validate${K}`, (m) => m[`validate${K}`](v, o));
      same(`odd ${n} options ${j} normalize${K}`, (m) => m[`normalize${K}`](v, o));
      let t;
      try {
        t = JSON.stringify(v);
      } catch {
        t = undefined;
      }
      same(`odd ${n} options ${j} validate${K}Json`, (m) => m[`validate${K}Json`](t ?? v, o));
      same(`odd ${n} options ${j} normalize${K}Json`, (m) => m[`normalize${K}Json`](t ?? v, o));
    }
    same(`odd ${n} options ${j} build`, (m) => m.buildCallFlowRequest(v, o));
    same(`odd ${n} options ${j} form`, (m) => m.callFlowFromForm(v, o));
    same(`odd ${n} options ${j} fromResponse`, (m) => m.callFlowFromResponse(v, v, o));
  }
}
// Around the 1,000,000 values that reading an object stops at (js/bridge.js
// MAX_VALUES): the input, name, direction, x and its items.
for (const n of [1e6 - 4, 1e6 - 3]) {
  const big = { ...S, x: new Array(n).fill(0) };
  same(`${n + 4} values`, (m) => m.validateCallFlow(big, { maxItems: 2e6, unknownKeys: 'keep' }));
}
let dag = { leaf: 1 };
for (let i = 0; i < 25; i++) dag = { a: dag, b: dag };
same('a DAG', (m) => m.validateCallFlow({ ...S, settings: dag }));

// Bad JSON text: line and column.
for (const t of ['', '{', '{"name":1,}', '[1,2', '{"name":"a\u0001"}', '\uFEFF{}', '{"name":"😀","direction":"in"}\n  x']) {
  same(`text ${JSON.stringify(t)}`, (m) => m.validateCallFlowJson(t));
  same(`text ${JSON.stringify(t)} normalize`, (m) => m.normalizeMessageFlowJson(t));
}

console.log(`${cases} cases, ${diffs.length} differences`);
for (const d of diffs.slice(0, 10)) console.log(d);
if (diffs.length) process.exitCode = 1;
