// The package through a bundler into a browser: tests/js/bundler/ (a tiny app that
// imports 'trillet-flows') is installed from its lock file (npm ci), built with Vite,
// served on 127.0.0.1 and opened in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { createRequire } from 'node:module';
import { BUILT, ROOT } from './helpers.mjs';

const APP = join(ROOT, 'tests', 'js', 'bundler');
const DIST = join(APP, 'dist');
const CHROMIUM = '/usr/bin/chromium';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

let server;
let origin;
const requests = [];

before(() => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: APP, stdio: 'pipe', timeout: 300_000 });
  execFileSync(process.execPath, [join(APP, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: APP, stdio: 'pipe', timeout: 300_000 });
}, { timeout: 600_000 });

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    const file = normalize(join(DIST, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    if (!file.startsWith(DIST + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});

after(() => new Promise((resolve) => (server ? server.close(resolve) : resolve())));

test('the app resolves trillet-flows to the built package (lock file, npm ci)', () => {
  const lock = JSON.parse(readFileSync(join(APP, 'package-lock.json'), 'utf8'));
  assert.equal(lock.packages['node_modules/trillet-flows']?.link, true, 'trillet-flows is a link to pkg/');
  assert.equal(realpathSync(join(APP, 'node_modules', 'trillet-flows')), realpathSync(BUILT));
});

test('the Vite build emits the wasm as an asset', () => {
  const assets = readdirSync(join(DIST, 'assets'));
  const wasm = assets.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one wasm in dist/assets: ${assets}`);
  assert.ok(readFileSync(join(DIST, 'assets', wasm[0])).equals(readFileSync(join(BUILT, 'trillet_flows_bg.wasm'))), 'the app gets the size build');
  assert.ok(assets.some((f) => f.endsWith('.js')), `no js in dist/assets: ${assets}`);
});

test('in headless Chromium the page validates, normalizes and coerces a form, with no console errors', { timeout: 120_000 }, async () => {
  const { chromium } = createRequire(join(ROOT, 'package.json'))('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console.${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });

    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.getElementById('status')?.textContent !== 'loading', null, { timeout: 60_000 });
    const status = await page.textContent('#status');
    assert.equal(status, 'done', `the page failed: ${status}\n${problems.join('\n')}`);
    const out = JSON.parse(await page.textContent('#result'));

    assert.deepStrictEqual(out.valid, { valid: true, issues: [] });
    assert.equal(out.invalid.valid, false);
    assert.deepStrictEqual(out.invalid.issues.map((i) => [i.code, i.pointer]), [['empty', '/name'], ['invalid_enum', '/direction']]);
    assert.equal(out.normalized.ok, true);
    assert.deepStrictEqual(out.normalized.value, {
      name: 'Support Line', direction: 'outbound', promptType: 'simple', isPreConfigured: false,
      welcomeMessage: 'user_initiated', isActive: true, settings: { welcomeMessage: 'user_initiated', welcomeMessageDelay: 2 },
    });
    assert.equal(out.form.ok, false);
    assert.ok(out.form.issues.some((i) => i.code === 'invalid_type' && i.pointer === '/prompt'), JSON.stringify(out.form.issues));
    assert.deepStrictEqual(out.schema.value, out.normalized.value);
    assert.ok(out.messageSchema.issues.length > 0);
    assert.equal(out.plain, true);

    assert.ok(requests.some((p) => p.endsWith('.wasm')), `the wasm was not fetched: ${requests}`);
    assert.deepStrictEqual(problems, [], 'console errors or failed requests');
  } finally {
    await browser.close();
  }
});
