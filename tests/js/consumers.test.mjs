// The package as users get it: `npm pack` of pkg/, installed (extracted) into
// fresh consumer projects, checked with @arethetypeswrong/cli and publint,
// and bundled by esbuild (Node ESM and CJS, browser) and webpack (target
// node). Node bundles run from a directory with no node_modules (the wasm
// must be inside the bundle); the browser bundle runs in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { PKG, ROOT } from './helpers.mjs';

const require = createRequire(import.meta.url);
const BIN = join(ROOT, 'node_modules', '.bin');
const SRC = join(ROOT, 'tests', 'js', 'consumers');
let work;
let tarball;
let project;

const EXPECTED = {
  valid: { valid: true, issues: [] },
  invalid: [['empty', '/name'], ['invalid_enum', '/direction']],
  normalized: {
    name: 'Support Line', direction: 'outbound', promptType: 'simple', isPreConfigured: false,
    welcomeMessage: 'user_initiated', isActive: true, settings: { welcomeMessage: 'user_initiated', welcomeMessageDelay: 2 },
  },
  url: 'https://api.trillet.ai/v1/api/call-flows',
  form: false,
};

before(() => {
  work = mkdtempSync(join(tmpdir(), 'trillet-consumers-'));
  execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: PKG, stdio: 'pipe' });
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz')));
  project = join(work, 'project');
  const dest = join(project, 'node_modules', 'trillet-flows');
  mkdirSync(dest, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', dest, '--strip-components=1']);
  cpSync(SRC, project, { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
});
after(() => work && rmSync(work, { recursive: true, force: true }));

// The Node entry's wasm (the speed build), as base64: a Node bundle must carry it whole.
const NODE_WASM_BASE64 = require(join(PKG, 'trillet_flows_wasm.cjs'));

/** Runs a built bundle alone in an empty directory; returns its JSON output. */
function runAlone(file) {
  assert.ok(readFileSync(file, 'utf8').includes(NODE_WASM_BASE64), `${file} carries the Node entry's (speed) build`);
  const dir = mkdtempSync(join(work, 'run-'));
  const target = join(dir, file.split(sep).pop());
  cpSync(file, target);
  const r = spawnSync(process.execPath, [target], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, `${file} failed:\n${r.stdout}${r.stderr}`);
  assert.deepStrictEqual(readdirSync(dir), [target.split(sep).pop()], 'the bundle needs no other file');
  return JSON.parse(r.stdout);
}

test('the tarball holds the entries, types, wasm, LICENSE and README', () => {
  const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
  for (const f of ['index.js', 'index.d.ts', 'index.d.cts', 'node.mjs', 'node.cjs', 'api.cjs', 'trillet_flows.cjs',
    'trillet_flows_wasm.cjs', 'trillet_flows_bg.wasm', 'LICENSE', 'README.md', 'package.json']) {
    assert.ok(files.includes(`package/${f}`), `package/${f} missing: ${files}`);
  }
  const meta = JSON.parse(readFileSync(join(project, 'node_modules', 'trillet-flows', 'package.json'), 'utf8'));
  assert.equal(meta.license, 'MIT');
  assert.equal(meta.repository.url, 'git+https://github.com/trillet-flows/trillet-flows.git');
  assert.ok(meta.homepage && meta.bugs.url);
  assert.equal(meta.sideEffects, false);
  const readme = readFileSync(join(project, 'node_modules', 'trillet-flows', 'README.md'), 'utf8');
  assert.match(readme, /https:\/\/github\.com\/trillet-flows\/trillet-flows#readme/);
  assert.match(readFileSync(join(project, 'node_modules', 'trillet-flows', 'LICENSE'), 'utf8'), /^MIT License/);
});

test('@arethetypeswrong/cli: no problems for node10, node16 (CJS and ESM) and bundler', () => {
  const r = spawnSync(join(BIN, 'attw'), [tarball, '--format', 'json', '--exclude-entrypoints', './trillet_flows_bg.wasm'],
    { encoding: 'utf8', timeout: 300_000 });
  const out = JSON.parse(r.stdout);
  const problems = out.problems ?? {};
  assert.equal(Array.isArray(problems) ? problems.length : Object.keys(problems).length, 0, JSON.stringify(problems));
  const res = out.analysis.entrypoints['.'].resolutions;
  for (const kind of ['node10', 'node16-cjs', 'node16-esm', 'bundler']) {
    assert.ok(res[kind]?.resolution?.fileName, `${kind} resolves: ${JSON.stringify(res[kind])}`);
  }
  assert.match(res['node16-cjs'].resolution.fileName, /index\.d\.cts$/);
  assert.match(res['node16-esm'].resolution.fileName, /index\.d\.ts$/);
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('publint --strict: no errors, warnings or suggestions', () => {
  const r = spawnSync(join(BIN, 'publint'), ['run', tarball, '--strict'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.doesNotMatch(r.stdout, /Errors:|Warnings:|Suggestions:/, r.stdout);
  assert.match(r.stdout, /All good/);
});

test('Node: import and require in one process share one module and instance', () => {
  const script = `import * as esm from 'trillet-flows'; import { createRequire } from 'node:module';
    const cjs = createRequire(import.meta.url)('trillet-flows');
    const n = cjs.normalizeCallFlow({ name: 'S', direction: 'outbound' });
    console.log(JSON.stringify({ same: esm.validateCallFlow === cjs.validateCallFlow && esm.callFlowSchema === cjs.callFlowSchema, ok: n.ok,
      esmOk: esm.validateCallFlow({ name: 'S', direction: 'outbound' }).valid }));`;
  writeFileSync(join(project, 'dual.mjs'), script);
  const r = spawnSync(process.execPath, [join(project, 'dual.mjs')], { cwd: project, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepStrictEqual(JSON.parse(r.stdout), { same: true, ok: true, esmOk: true });
});

test('Node, unbundled: ESM and CommonJS entries (no init call, as the README shows)', () => {
  for (const f of ['node-esm.mjs', 'node-cjs.cjs']) {
    const r = spawnSync(process.execPath, [join(project, f)], { cwd: project, encoding: 'utf8' });
    assert.equal(r.status, 0, `${f}: ${r.stderr}`);
    assert.deepStrictEqual(JSON.parse(r.stdout), EXPECTED, f);
  }
});

test('esbuild --platform=node, ESM and CJS bundles run with no node_modules', async () => {
  const esbuild = require('esbuild');
  for (const [entry, format, out] of [['node-esm.mjs', 'esm', 'esm.mjs'], ['node-cjs.cjs', 'cjs', 'cjs.cjs'], ['node-esm.mjs', 'cjs', 'esm-as-cjs.cjs']]) {
    const outfile = join(project, 'dist-esbuild', out);
    await esbuild.build({ entryPoints: [join(project, entry)], bundle: true, platform: 'node', format, outfile, logLevel: 'silent', absWorkingDir: project });
    assert.deepStrictEqual(runAlone(outfile), EXPECTED, `${entry} as ${format}`);
  }
  // Minified with tree shaking, only what is used stays, and it still runs.
  const outfile = join(project, 'dist-esbuild', 'min.mjs');
  await esbuild.build({ entryPoints: [join(project, 'node-esm.mjs')], bundle: true, minify: true, platform: 'node', format: 'esm', outfile, logLevel: 'silent', absWorkingDir: project });
  assert.deepStrictEqual(runAlone(outfile), EXPECTED, 'minified');
});

test('webpack target node (ESM and CJS entries) bundles run with no node_modules', async () => {
  const webpack = require('webpack');
  for (const entry of ['node-esm.mjs', 'node-cjs.cjs']) {
    const path = join(project, 'dist-webpack', entry.replace(/\W/g, '-'));
    const stats = await new Promise((resolve, reject) => webpack({
      mode: 'production', target: 'node', context: project, entry: `./${entry}`,
      output: { path, filename: 'main.cjs' }, performance: { hints: false },
    }, (err, s) => (err ? reject(err) : resolve(s))));
    assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
    assert.deepStrictEqual(runAlone(join(path, 'main.cjs')), EXPECTED, entry);
  }
});

test('esbuild browser bundle (--loader:.wasm=file, as the README says) runs in headless Chromium', { timeout: 120_000 }, async () => {
  const esbuild = require('esbuild');
  const outdir = join(project, 'dist-web');
  await esbuild.build({
    entryPoints: [join(project, 'web.js')], bundle: true, platform: 'browser', format: 'esm', outdir,
    loader: { '.wasm': 'file' }, logLevel: 'silent', absWorkingDir: project,
  });
  cpSync(join(project, 'index.html'), join(outdir, 'index.html'));
  const copied = readdirSync(outdir).filter((f) => f.endsWith('.wasm'));
  assert.equal(copied.length, 1, `esbuild copied the wasm: ${readdirSync(outdir)}`);
  assert.ok(readFileSync(join(outdir, copied[0])).equals(readFileSync(join(PKG, 'trillet_flows_bg.wasm'))), 'the browser bundle gets the size build');
  for (const f of readdirSync(outdir).filter((x) => x.endsWith('.js'))) {
    assert.ok(!readFileSync(join(outdir, f), 'utf8').includes(NODE_WASM_BASE64.slice(0, 4096)), `${f} does not carry the speed build`);
  }
  const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm' };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/favicon.ico') return res.writeHead(204).end();
    const file = normalize(join(outdir, path));
    if (!file.startsWith(outdir + sep) || !existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { chromium } = require('playwright-core');
  let browser;
  try {
    // Launched inside the try: without Chromium the test fails, and the
    // server is still closed (the run does not hang).
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    const page = await browser.newPage();
    const problems = [];
    page.on('console', (msg) => { if (msg.type() === 'error' || msg.type() === 'warning') problems.push(msg.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForFunction(() => document.getElementById('status').textContent !== 'loading', null, { timeout: 60_000 });
    assert.equal(await page.textContent('#status'), 'done', problems.join('\n'));
    assert.deepStrictEqual(JSON.parse(await page.textContent('#result')), EXPECTED);
    assert.deepStrictEqual(problems, []);
  } finally {
    await browser?.close();
    server.close();
  }
});
