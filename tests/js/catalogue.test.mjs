// The field catalogue of the built package: callFlowFields and
// messageFlowFields through every entry (import, require, the browser and
// bundler entry), deeply frozen plain data equal to pkg/schema/*.fields.json;
// the README's `node -e` example prints what the README says; a bundle that
// does not use the catalogue does not carry it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esm from '../../pkg/node.mjs';
import * as browser from '../../pkg/index.js';
import { PKG, ROOT } from './helpers.mjs';

const require = createRequire(import.meta.url);
const cjs = require('../../pkg/node.cjs');
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));

/** Every entry of a catalogue, list items included. */
const all = (fields) => fields.flatMap((f) => [f, ...(f.items ? all(f.items) : [])]);

/** Frozen plain arrays and objects at every depth, nothing else. */
function assertFrozenPlain(v, where) {
  if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) return;
  assert.equal(typeof v, 'object', where);
  assert.ok(Object.isFrozen(v), `${where} is frozen`);
  assert.equal(Object.getPrototypeOf(v), Array.isArray(v) ? Array.prototype : Object.prototype, `${where} is plain`);
  for (const k of Object.keys(v)) assertFrozenPlain(v[k], `${where}.${k}`);
}

test('every entry exports both catalogues: the same frozen data as the files', () => {
  for (const [name, stem] of [['callFlowFields', 'call-flow'], ['messageFlowFields', 'message-flow']]) {
    const file = readJson(join(PKG, 'schema', `${stem}.fields.json`));
    assert.equal(esm[name], cjs[name], 'import and require share one object');
    assert.deepStrictEqual(esm[name], file);
    assert.deepStrictEqual(browser[name], file);
    assertFrozenPlain(esm[name], name);
    assertFrozenPlain(browser[name], `index.js ${name}`);
    assert.throws(() => esm[name].push({}), TypeError);
    assert.throws(() => { esm[name][0].label = 'x'; }, TypeError);
    assert.equal(typeof browser[name === 'callFlowFields' ? 'callFlowJsonSchema' : 'messageFlowJsonSchema'], 'function');
  }
});

test('entries: names, paths, types and the keys every entry has', () => {
  const KEYS = ['name', 'path', 'key', 'type', 'required', 'nullable', 'default', 'enum', 'min', 'exclusiveMin', 'format',
    'nonEmpty', 'label', 'help', 'doc', 'alternatives', 'mirrors', 'shape', 'open', 'passThrough', 'items', 'ui'];
  for (const fields of [esm.callFlowFields, esm.messageFlowFields]) {
    for (const f of all(fields)) {
      assert.deepStrictEqual(Object.keys(f), KEYS, f.name);
      assert.deepStrictEqual(Object.keys(f.ui), ['control', 'section', 'item', 'inline', 'extras', 'refused'], f.name);
      if (f.ui.section) assert.deepStrictEqual(Object.keys(f.ui.section), ['title', 'help', 'last'], f.name);
      assert.equal(f.name, f.path.join('.').replaceAll('.[]', '[]'), f.name);
      assert.equal(f.key, f.path.at(-1));
      assert.ok(f.label.length > 0 && f.doc.length > 0, `${f.name} has a label and a doc`);
      assert.equal(f.items === null, f.shape === null || f.type === 'object', `${f.name}: items only for lists of objects`);
    }
  }
  const call = all(esm.callFlowFields);
  const by = (name) => call.find((f) => f.name === name);
  assert.deepStrictEqual(call.slice(0, 3).map((f) => f.name), ['name', 'direction', 'description']);
  assert.deepStrictEqual(by('direction').enum.map((e) => e.value), ['outbound', 'bidirectional']);
  assert.deepStrictEqual(by('direction').ui.refused.map((e) => e.value), ['inbound']);
  assert.equal(by('isActive').default, true);
  assert.equal(by('welcomeMessage').mirrors, 'settings.welcomeMessage');
  assert.equal(by('settings.welcomeMessage').mirrors, 'welcomeMessage');
  assert.deepStrictEqual(by('webhooks[].variablesforcallflow').alternatives, ['webhooks[].variables']);
  assert.deepStrictEqual(by('webhooks[].url').path, ['webhooks', '[]', 'url']);
  assert.equal(by('webhooks[].headers').format, 'headers');
  assert.deepStrictEqual(by('webhooks[].body').type, ['string', 'object', 'array']);
  assert.equal(by('flowData.nodes').open, true);
  assert.equal(by('settings.transfers').passThrough, true);
  assert.equal(by('settings.responseSettings.workingHours.timezone').default, 'UTC');
  assert.equal(call.some((f) => f.name === 'settings.callSetting'), false, 'moved places are alternatives, not entries');
  const msg = all(esm.messageFlowFields);
  assert.deepStrictEqual(msg.find((f) => f.name === 'prompt').alternatives, ['settings.prompt']);
  assert.deepStrictEqual(msg.filter((f) => f.required).map((f) => f.name),
    ['name', 'direction', 'agent', 'initiationMessage', 'prompt', 'messageChannel']);
});

/** The README's `node -e` example: its command and the output it shows. */
function readmeExample() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const m = /```sh\n(node -e "[^\n]*callFlowFields[^\n]*")\n```\n\nprints\n\n```json\n([\s\S]*?)```/.exec(readme);
  assert.ok(m, 'the README shows a `node -e` example of the catalogue and its output');
  return { command: m[1], output: m[2] };
}

test('the README\'s node -e example prints the entry of settings.callSettings.maxCallDuration', (t) => {
  const { command, output } = readmeExample();
  const dir = mkdtempSync(join(tmpdir(), 'trillet-catalogue-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(PKG, join(dir, 'node_modules', 'trillet-flows'), 'dir');
  const script = command.slice('node -e "'.length, -1);
  const got = execFileSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
  assert.equal(got, output);
  const entry = JSON.parse(got);
  assert.equal(entry.type, 'number');
  assert.equal(entry.min, 0);
  assert.equal(entry.exclusiveMin, true);
  assert.equal(entry.label, 'Maximum call duration');
  assert.equal(entry.help, 'A number above 0.');
});

test('a bundle that does not use the catalogue does not carry it (sideEffects: false)', async (t) => {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'trillet-treeshake-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(PKG, join(dir, 'node_modules', 'trillet-flows'), 'dir');
  const bundle = async (src) => {
    writeFileSync(join(dir, 'entry.js'), src);
    const r = await build({
      entryPoints: [join(dir, 'entry.js')], bundle: true, format: 'esm', platform: 'browser', write: false,
      absWorkingDir: dir, logLevel: 'silent', minify: true,
    });
    return r.outputFiles[0].text;
  };
  const without = await bundle("import init, { validateCallFlow } from 'trillet-flows';\nawait init();\nconsole.log(validateCallFlow({}));\n");
  const withIt = await bundle("import { callFlowFields } from 'trillet-flows';\nconsole.log(callFlowFields.length);\n");
  assert.ok(!without.includes('Maximum call duration'), 'the catalogue is dropped');
  assert.ok(withIt.includes('Maximum call duration'), 'the catalogue is kept when used');
});

test('the README\'s 20-line form renders from the catalogue in Chromium, and submits through callFlowFromForm', { timeout: 120_000 }, async (t) => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const m = /```js\n(import init, \{ callFlowFields, callFlowFromForm \} from 'trillet-flows';\n[\s\S]*?)```/.exec(readme);
  assert.ok(m, 'the README has the form example');
  const code = m[1];
  assert.ok(code.split('\n').length <= 22, `the example has ${code.split('\n').length} lines`);
  const { createServer } = await import('node:http');
  const page = `<!doctype html><meta charset="utf-8"><form></form><script type="module">${code.replace("from 'trillet-flows'", "from '/index.js'")}</script>`;
  const types = { '.js': 'text/javascript', '.wasm': 'application/wasm' };
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    if (!/^\/[\w.]+\.(js|wasm)$/.test(path)) return res.writeHead(404).end();
    try {
      res.writeHead(200, { 'content-type': types[path.slice(path.lastIndexOf('.'))] }).end(readFileSync(join(PKG, path)));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => new Promise((r) => server.close(r)));
  const { chromium } = createRequire(join(ROOT, 'package.json'))('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  t.after(() => browser.close());
  const tab = await browser.newPage();
  const problems = [];
  tab.on('pageerror', (e) => problems.push(e.message));
  const logged = new Promise((r) => tab.on('console', (msg) => msg.type() === 'log' && r(msg.text())));
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await tab.waitForFunction(() => document.querySelectorAll('form label').length > 0);
  const scalars = all(esm.callFlowFields).filter((f) => !f.path.includes('[]') && ['string', 'number', 'boolean'].includes(f.type));
  const names = await tab.$$eval('form [name]', (els) => els.map((e) => e.name));
  assert.deepStrictEqual(names, scalars.map((f) => f.name));
  const direction = await tab.$$eval('select[name=direction] option', (os) => os.map((o) => [o.value, o.textContent]));
  assert.deepStrictEqual(direction, [['', 'Not set'], ['outbound', 'outbound: Places calls.'], ['bidirectional', 'bidirectional: Places calls and answers incoming ones.']]);
  assert.equal(await tab.getAttribute('[name="settings.callSettings.maxCallDuration"]', 'placeholder'), 'above 0');
  await tab.fill('[name=name]', 'Support Line');
  await tab.selectOption('[name=direction]', 'outbound');
  await tab.fill('[name="settings.callSettings.maxCallDuration"]', '600');
  await tab.$eval('form', (f) => f.requestSubmit());
  const result = await logged;
  assert.deepStrictEqual(problems, []);
  assert.match(result, /ok: true/);
});
