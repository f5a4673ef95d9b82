// Browser tests of the demo page (www-demo/): playwright-core driving Debian's
// Chromium, headless, against scripts/serve.mjs on a free port.
//   node --test tests/browser/
// Screenshots of every tab, the flow graph and the JSON editor go to tests/artifacts/
// (gitignored). The page's bundles (www-demo/dist/) are built first if missing; the
// page may reach nothing but the test server (any other request is refused and fails the run).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const API_KEY = 'tk_live_9f8e7d6c5b4a3210SECRET';
const WORKSPACE_ID = '66a1f00dfeedbeef12345678';

let server;
let browser;
let page;
let lib; // the package's Node entry, to compare the page with the library
const problems = []; // console errors, page errors, failed requests

before(async () => {
  if (!existsSync(`${ROOT}pkg/index.js`) || !existsSync(`${ROOT}pkg/trillet_flows_bg.wasm`)) {
    execFileSync(process.execPath, ['scripts/build-pkg.mjs'], { cwd: ROOT, stdio: 'inherit' });
  }
  if (!existsSync(`${ROOT}www-demo/dist/editor.js`) || !existsSync(`${ROOT}www-demo/dist/layout.js`)) {
    execFileSync(process.execPath, ['www-demo/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  lib = await import(`${ROOT}pkg/node.mjs`);
  const { start } = await import(`${ROOT}scripts/serve.mjs`);
  server = await start(0);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // no network: only the test server answers
  await context.route(
    (url) => url.origin !== new URL(server.url).origin,
    (route) => {
      problems.push(`request outside the served folder: ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready=true]', { timeout: 15000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// ---------------------------------------------------------------- helpers

/** A screenshot of the page (or of one element, with `selector`) in tests/artifacts/. */
async function shot(name, selector) {
  if (selector) {
    await page.locator(selector).screenshot({ path: `${ARTIFACTS}${name}.png` });
    return;
  }
  await page.evaluate(() => window.scrollTo(0, 0)); // the results column is sticky
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
}
const field = (name) => page.locator(`#flow-form [name="${name}"]`);

/** What the page shows at a form field: aria state and its messages. */
function fieldState(name) {
  return page.evaluate((name) => {
    const el = document.querySelector(`#flow-form [name="${CSS.escape(name)}"]`);
    if (!el) return null;
    const describedBy = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const msgsId = el.dataset.msgs;
    const msgs = [...document.getElementById(msgsId).querySelectorAll('.msg')].map((m) => ({
      severity: m.classList.contains('msg-error') ? 'error' : m.classList.contains('msg-warning') ? 'warning' : '?',
      code: m.dataset.code,
      text: m.textContent,
      visible: m.checkVisibility(),
      color: getComputedStyle(m).color,
    }));
    return {
      id: el.id,
      invalid: el.getAttribute('aria-invalid'),
      describedBy,
      msgsId,
      msgs,
      classes: [...el.classList],
      focused: document.activeElement === el,
    };
  }, name);
}

/** The summary: its state, counts line and entries. */
function summary() {
  return page.evaluate(() => ({
    state: document.getElementById('summary').dataset.state,
    counts: document.getElementById('summary-counts').textContent,
    entries: [...document.querySelectorAll('#summary-list button')].map((b) => ({
      pointer: b.dataset.pointer,
      code: b.dataset.code,
      text: b.textContent,
    })),
  }));
}

const waitSummary = (state) =>
  page.waitForFunction((s) => document.getElementById('summary').dataset.state === s, state, { timeout: 5000 });

async function chooseFlow(flow) {
  await page.click(`label[for=flow-${flow}]`);
  await page.waitForFunction((f) => document.body.dataset.flow === f, flow);
}

async function view(v) {
  await page.click(`#tab-${v}`);
  await page.waitForFunction((v) => document.body.dataset.view === v, v);
}

async function openSection(title) {
  const details = page.locator('#flow-form details', { has: page.locator(':scope > summary .summary-title', { hasText: new RegExp(`^${title}$`) }) }).first();
  if (!(await details.evaluate((d) => d.open))) await details.locator(':scope > summary').click();
  return details;
}

const normalized = async () => JSON.parse(await page.locator('#out-normalized').textContent());

// ---------------------------------------------------------------- JSON editor helpers

/** The JSON editor's text. */
const jsonText = () => page.evaluate(() => document.getElementById('json-editor').jsonEditor.text);

/** Replaces the editor's text as a user would: select all, then type it in (one input). */
async function setJson(text) {
  const before = await page.evaluate(() => Number(document.body.dataset.checked));
  await page.locator('#json-editor .cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
  await page.waitForFunction((n) => Number(document.body.dataset.checked) > n, before);
}

/** The marks the editor shows: from its state, and what the page draws for each. */
function marks() {
  return page.evaluate(() => {
    const ed = document.getElementById('json-editor').jsonEditor;
    const dom = [...document.querySelectorAll('#json-editor .cm-lintRange')].map((el) => ({
      text: el.textContent,
      severity: el.classList.contains('cm-lintRange-error') ? 'error' : el.classList.contains('cm-lintRange-warning') ? 'warning' : '?',
      decoration: getComputedStyle(el).textDecorationLine + ' ' + getComputedStyle(el).textDecorationStyle,
      color: getComputedStyle(el).textDecorationColor,
    }));
    const gutter = [...document.querySelectorAll('#json-editor .cm-lint-marker')].map((el) => (el.classList.contains('cm-lint-marker-error') ? 'error' : 'warning'));
    return { state: ed.marks(), dom, gutter };
  });
}

const caret = () => page.evaluate(() => document.getElementById('json-editor').jsonEditor.selection.head);
const editorFocused = () => page.evaluate(() => document.activeElement?.classList.contains('cm-content') && document.getElementById('json-editor').contains(document.activeElement));

// ---------------------------------------------------------------- graph helpers

/** What the graph shows: its drawn boxes and arrows. */
function graphState() {
  return page.evaluate(() => {
    const card = document.getElementById('graph-card');
    const items = (sel) =>
      [...card.querySelectorAll(sel)].map((g) => ({
        key: g.dataset.key,
        kind: g.dataset.kind,
        index: g.dataset.index,
        id: g.dataset.id,
        text: [...g.querySelectorAll('text')].map((t) => t.textContent),
        classes: [...g.classList],
        label: g.getAttribute('aria-label'),
        stroke: g.querySelector('.box, .line') && getComputedStyle(g.querySelector('.box, .line')).stroke,
        tabindex: g.getAttribute('tabindex'),
      }));
    return {
      hidden: card.hidden,
      state: card.dataset.state,
      nodes: items('.gnode'),
      edges: items('.gedge'),
      status: document.getElementById('graph-status').textContent,
      notice: document.getElementById('graph-notice').hidden ? '' : document.getElementById('graph-notice').textContent,
      layoutMs: Number(card.dataset.layoutMs),
      layoutTotalMs: Number(card.dataset.layoutTotalMs),
    };
  });
}

/** Waits until the graph is laid out and drawn with `n` boxes (nodes and placeholders). */
const waitGraph = (n, timeout = 15000) =>
  page.waitForFunction(
    (n) => {
      const card = document.getElementById('graph-card');
      return card.dataset.state === 'ready' && card.querySelectorAll('.gnode').length === n;
    },
    n,
    { timeout },
  );


function rawGet(path) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

// ---------------------------------------------------------------- server

test('server: serves the demo and the package with the right types, nothing outside the root', async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/www-demo\/$/);
  const cases = [
    ['/www-demo/', 200, /^text\/html/],
    ['/www-demo/app.js', 200, /^text\/javascript/],
    ['/pkg/index.js', 200, /^text\/javascript/],
    ['/pkg/node.mjs', 200, /^text\/javascript/],
    ['/pkg/trillet_flows_bg.wasm', 200, /^application\/wasm$/],
    ['/www-demo/style.css', 200, /^text\/css/],
    ['/www-demo/dist/editor.js', 200, /^text\/javascript/],
    ['/www-demo/dist/layout.js', 200, /^text\/javascript/],
  ];
  for (const [path, status, type] of cases) {
    const r = await rawGet(path);
    assert.equal(r.status, status, path);
    assert.match(r.type, type, path);
  }
  for (const path of ['/..%5c..%5c..%5cetc%5cpasswd', '/www-demo/%2e%2e%5c%2e%2e%5c%2e%2e%5cetc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/.git/config', '/www-demo/nope.js']) {
    const r = await rawGet(path);
    assert.ok([403, 404, 400].includes(r.status), `${path} gave ${r.status}`);
  }
});

// ---------------------------------------------------------------- call flow

test('call flow: choosing inbound shows the direction error at the field', async () => {
  await chooseFlow('call');
  await page.click('#reset');
  await field('name').fill('Support line');
  await field('direction').selectOption('inbound');
  const s = await fieldState('direction');
  assert.equal(s.invalid, 'true');
  assert.ok(s.describedBy.includes(s.msgsId), 'aria-describedby names the error container');
  assert.equal(s.msgs.length, 1);
  assert.equal(s.msgs[0].severity, 'error');
  assert.equal(s.msgs[0].code, 'invalid_enum');
  assert.match(s.msgs[0].text, /cannot be created inbound/);
  assert.ok(s.msgs[0].visible);
  assert.equal(s.id, 'f-direction');
  const sum = await summary();
  assert.equal(sum.state, 'invalid');
  assert.match(sum.counts, /1 error/);
  assert.deepEqual(sum.entries.map((e) => e.pointer), ['/direction']);
  assert.equal((await fieldState('name')).invalid, null);
});

test('call flow: ai_custom with an empty custom message is reported at customWelcomeMessage', async () => {
  await field('welcomeMessage').selectOption('ai_custom');
  const s = await fieldState('customWelcomeMessage');
  assert.equal(s.invalid, 'true');
  assert.ok(s.describedBy.includes(s.msgsId));
  assert.equal(s.msgs.length, 1);
  assert.equal(s.msgs[0].severity, 'error');
  // The library's form coercion keeps the empty text, so the code is `empty`;
  // without the field it is `required`. Both say the message is needed.
  assert.ok(['required', 'empty'].includes(s.msgs[0].code), s.msgs[0].code);
  assert.match(s.msgs[0].text, /ai_custom/);
  const sum = await summary();
  assert.deepEqual(sum.entries.map((e) => e.pointer), ['/direction', '/customWelcomeMessage']);
  assert.match(sum.counts, /2 errors/);
});

test('call flow: fixing both makes the form valid; the normalized payload has the defaults', async () => {
  await field('direction').selectOption('outbound');
  await field('customWelcomeMessage').fill('Hi, this is Ava from Acme. How can I help?');
  await waitSummary('valid');
  assert.equal((await fieldState('direction')).invalid, null);
  assert.equal((await fieldState('customWelcomeMessage')).invalid, null);
  assert.equal((await fieldState('direction')).msgs.length, 0);
  const out = await normalized();
  assert.equal(out.promptType, 'simple');
  assert.equal(out.isActive, true);
  assert.equal(out.isPreConfigured, false);
  assert.equal(out.settings.customWelcomeMessage, 'Hi, this is Ava from Acme. How can I help?');
  const text = await page.locator('#out-normalized').textContent();
  assert.match(text, /"promptType": "simple"/);
  assert.match(text, /"isActive": true/);
  // the same as the library gives for the same form
  const expected = lib.callFlowFromForm({
    name: 'Support line',
    direction: 'outbound',
    welcomeMessage: 'ai_custom',
    customWelcomeMessage: 'Hi, this is Ava from Acme. How can I help?',
  });
  assert.deepEqual(out, expected.value);
  await shot('call-form');
});

test('call flow: the request preview as fetch and curl', async () => {
  await page.click('#tab-fetch');
  const fetchText = await page.locator('#out-fetch').textContent();
  assert.match(fetchText, /fetch\("https:\/\/api\.trillet\.ai\/v1\/api\/call-flows"/);
  assert.match(fetchText, /"x-api-key": "<your api key>"/);
  assert.match(fetchText, /"promptType": "simple"/);
  await shot('call-fetch');
  await page.click('#tab-curl');
  const curlText = await page.locator('#out-curl').textContent();
  assert.match(curlText, /^curl -X POST 'https:\/\/api\.trillet\.ai\/v1\/api\/call-flows'/);
  assert.match(curlText, /-H 'Content-Type: application\/json'/);
  await page.fill('#base-url', 'http://localhost:9/base/');
  await page.waitForFunction(() => document.getElementById('out-curl').textContent.includes('http://localhost:9/base/v1/api/call-flows'));
  await shot('call-curl');
  await page.fill('#base-url', '');
  await page.click('#tab-normalized');
});

test('call flow: summary entries move focus to the field, opening its section', async () => {
  await field('name').fill('');
  let sum = await summary();
  assert.deepEqual(sum.entries.map((e) => e.pointer), ['/name']);
  await page.locator('#summary-list button[data-pointer="/name"]').click();
  assert.ok((await fieldState('name')).focused);
  await field('name').fill('Support line');

  const settings = await openSection('Settings');
  await openSection('Call settings');
  await field('settings.callSettings.maxCallDuration').fill('0');
  await waitSummary('invalid');
  await settings.locator(':scope > summary').click(); // fold it again
  assert.equal(await settings.evaluate((d) => d.open), false);
  const badge = await settings.locator(':scope > summary .badge-error').textContent();
  assert.equal(badge, '1 error');
  await page.locator('#summary-list button[data-pointer="/settings/callSettings/maxCallDuration"]').click();
  const s = await fieldState('settings.callSettings.maxCallDuration');
  assert.ok(s.focused, 'focus moved to the field');
  assert.equal(s.invalid, 'true');
  assert.equal(s.msgs[0].code, 'too_small');
  assert.ok(s.msgs[0].visible, 'the section opened');
  await field('settings.callSettings.maxCallDuration').fill('');
  await waitSummary('valid');
});

test('call flow: lists of webhooks (with headers), collections, nodes and edges', async () => {
  await openSection('Webhooks');
  await page.click('#flow-form button.add[data-path=\'["webhooks"]\']');
  assert.ok((await fieldState('webhooks[0].name')).focused, 'focus goes to the new item');
  await field('webhooks[0].name').fill('lookup');
  await field('webhooks[0].url').fill('http://hooks.example.com/lookup');
  let s = await fieldState('webhooks[0].url');
  assert.equal(s.msgs[0].severity, 'warning');
  assert.equal(s.msgs[0].code, 'insecure_url');
  assert.equal(s.invalid, null, 'a warning does not make the field invalid');
  assert.ok(s.classes.includes('is-warning'));
  const errorColor = (await page.evaluate(() => getComputedStyle(document.querySelector('.summary')).getPropertyValue('--error'))).trim();
  assert.ok(errorColor);
  await waitSummary('warnings');

  await page.click('#flow-form button.add[data-path=\'["webhooks",0,"headers"]\']');
  const key = page.locator('#f-webhooks-0-headers-0-key');
  await key.fill('bad name');
  await page.fill('#f-webhooks-0-headers-0-value', 'abc');
  let keyState = await key.evaluate((el) => ({ invalid: el.getAttribute('aria-invalid'), msgs: document.getElementById(el.dataset.msgs).textContent }));
  assert.equal(keyState.invalid, 'true');
  assert.match(keyState.msgs, /bad name/);
  await key.fill('X-Token');
  await waitSummary('warnings');
  await field('webhooks[0].url').fill('https://hooks.example.com/lookup');
  await waitSummary('valid');
  assert.deepEqual((await normalized()).webhooks, [{ name: 'lookup', url: 'https://hooks.example.com/lookup', headers: { 'X-Token': 'abc' } }]);

  await page.click('#flow-form button.add[data-path=\'["webhooks"]\']');
  await field('webhooks[1].name').fill('lookup');
  await field('webhooks[1].url').fill('https://hooks.example.com/other');
  s = await fieldState('webhooks[1].name');
  assert.equal(s.msgs[0].code, 'duplicate');
  await page.click('button[aria-label="Remove webhook 2"]');
  await waitSummary('valid');
  assert.equal(await page.locator('#flow-form [name^="webhooks[1]"]').count(), 0);

  await openSection('Dynamic variable collections');
  for (let i = 0; i < 2; i++) {
    await page.click('#flow-form button.add[data-path=\'["dynamicVariableCollections"]\']');
    await field(`dynamicVariableCollections[${i}].name`).fill(`Collection ${i + 1}`);
    await field(`dynamicVariableCollections[${i}].isDefault`).selectOption('true');
  }
  assert.equal((await fieldState('dynamicVariableCollections[1].isDefault')).msgs[0].code, 'multiple_defaults');
  await field('dynamicVariableCollections[1].isDefault').selectOption('false');
  await page.click(`#flow-form button.add[data-path='["dynamicVariableCollections",0,"variables"]']`);
  await field('dynamicVariableCollections[0].variables[0].key').fill('city');
  await field('dynamicVariableCollections[0].variables[0].value').fill('Paris');
  await waitSummary('valid');
  assert.deepEqual((await normalized()).dynamicVariableCollections[0].variables, [{ key: 'city', value: 'Paris' }]);

  await openSection('Flow data \\(nodes and edges\\)');
  for (const id of ['start', 'end']) {
    await page.click('#flow-form button.add[data-path=\'["flowData","nodes"]\']');
  }
  await field('flowData.nodes[0].id').fill('start');
  await field('flowData.nodes[1].id').fill('end');
  await page.click('#flow-form button.add[data-path=\'["flowData","edges"]\']');
  await field('flowData.edges[0].source').fill('start');
  await field('flowData.edges[0].target').fill('ending');
  assert.equal((await fieldState('flowData.edges[0].target')).msgs[0].code, 'dangling_reference');
  await field('flowData.edges[0].target').fill('end');
  await waitSummary('valid');
  const out = await normalized();
  assert.deepEqual(out.flowData, { nodes: [{ id: 'start' }, { id: 'end' }], edges: [{ source: 'start', target: 'end' }] });
  await page.click('button[aria-label="Remove node 2"]');
  assert.equal((await fieldState('flowData.edges[0].target')).msgs[0].code, 'dangling_reference');
  await page.click('button[aria-label="Remove edge 1"]');
  await waitSummary('valid');
  await shot('call-form-lists');
});

// ---------------------------------------------------------------- JSON view

test('JSON view: the form payload carries over; invalid JSON shows line and column', async () => {
  await view('json');
  const carried = JSON.parse(await jsonText());
  assert.equal(carried.name, 'Support line');
  assert.equal(carried.webhooks[0].headers['X-Token'], 'abc');

  const bad = '{\n  "name": "Support line",\n  "direction": "outbound",\n}';
  await setJson(bad);
  const [issue] = lib.validateCallFlowJson(bad).issues;
  assert.equal(issue.code, 'invalid_json');
  await waitSummary('invalid');
  const status = await page.locator('#json-status').textContent();
  assert.match(status, new RegExp(`line ${issue.line}, column ${issue.column}`));
  const sum = await summary();
  assert.equal(sum.entries.length, 1);
  assert.match(sum.entries[0].text, new RegExp(`line ${issue.line}, column ${issue.column}`));
  await page.locator('#summary-list button').first().click();
  assert.ok(await editorFocused(), 'the editor has the focus');
  assert.equal(await caret(), bad.indexOf('}', bad.lastIndexOf(',')));
  await shot('call-json');

  const wrong = JSON.stringify(
    {
      name: 'Support line',
      direction: 'Outbound',
      webhooks: [{ name: 'a', url: 'ftp://x' }],
      flowData: { nodes: [{ id: 'a', position: { x: 1, y: 2 } }], edges: [] },
    },
    null,
    2,
  );
  await setJson(wrong);
  await waitSummary('invalid');
  const entries = (await summary()).entries;
  assert.deepEqual(entries.map((e) => e.pointer), ['/direction', '/webhooks/0/url']);
  assert.ok(entries.every((e) => e.text.includes(e.pointer)), 'entries show their pointers');
  assert.match(entries[1].text, new RegExp(`line ${wrong.slice(0, wrong.indexOf('"ftp://x"')).split('\n').length}, column`));
  await page.locator('#summary-list button[data-pointer="/webhooks/0/url"]').click();
  assert.ok(await editorFocused());
  assert.equal(await caret(), wrong.indexOf('"ftp://x"'), 'the cursor is at the marked value');
  const m = await marks();
  assert.deepEqual(m.state.map((x) => [x.text, x.severity, x.source]), [
    ['"Outbound"', 'error', 'invalid_enum'],
    ['"ftp://x"', 'error', 'invalid_url'],
  ]);

  // back to the form: the JSON's values fill it, and its issues are at the fields
  await view('form');
  assert.match(await page.locator('#form-notice').textContent(), /\/flowData\/nodes\/0\/position/);
  assert.equal(await field('direction').inputValue(), 'Outbound');
  assert.equal((await fieldState('direction')).invalid, 'true');
  assert.equal((await fieldState('webhooks[0].url')).msgs[0].code, 'invalid_url');
  await field('direction').selectOption('outbound');
  await field('webhooks[0].url').fill('https://x.example');
  await waitSummary('valid');
});

// ---------------------------------------------------------------- message flow

test('message flow: Email without a subject line shows the warning at the field', async () => {
  await chooseFlow('message');
  await view('form');
  await page.click('#reset');
  await field('name').fill('Spring sale');
  await field('direction').selectOption('outbound');
  await field('agent').fill('676b8e123456789012345679');
  await field('initiationMessage').fill('Hi! Our spring sale starts today. Want the details?');
  await field('prompt').fill('You help customers with questions about the spring sale.');
  await field('messageChannel').selectOption('Email');
  await waitSummary('warnings');
  const sum = await summary();
  assert.deepEqual(sum.entries.map((e) => [e.pointer, e.code]), [['/settings/emailSettings/subjectLine', 'recommended']]);
  assert.match(sum.counts, /1 warning/);
  await page.locator('#summary-list button[data-pointer="/settings/emailSettings/subjectLine"]').click();
  const s = await fieldState('settings.emailSettings.subjectLine');
  assert.ok(s.focused);
  assert.equal(s.msgs.length, 1);
  assert.equal(s.msgs[0].severity, 'warning');
  assert.ok(s.msgs[0].visible);
  assert.equal(s.invalid, null);
  assert.ok(s.classes.includes('is-warning'));
  assert.ok(s.describedBy.includes(s.msgsId));
  // errors and warnings look different
  const errColor = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--error').trim());
  assert.notEqual(s.msgs[0].color, errColor);
  const out = await normalized();
  assert.equal(out.isActive, false);
  assert.equal(out.autopilot, false);
  assert.equal(out.messageChannel, 'Email');
  await shot('message-form');
  await field('settings.emailSettings.subjectLine').fill('Spring sale');
  await waitSummary('valid');
});

test('message flow: SMS length and segments of the initiation message', async () => {
  await field('messageChannel').selectOption('SMS');
  const sms = async (text) => {
    await field('initiationMessage').fill(text);
    return page.evaluate(() => {
      const el = document.getElementById('sms-summary');
      return { text: el.textContent, segments: Number(el.dataset.segments), encoding: el.dataset.encoding, inline: document.querySelector('.sms-meter').textContent };
    });
  };
  let r = await sms('Hello there');
  assert.deepEqual([r.encoding, r.segments], ['GSM-7', 1]);
  assert.match(r.text, /^11 characters · GSM-7 · 1 SMS segment/);
  assert.equal(r.inline, r.text);
  r = await sms('a'.repeat(160));
  assert.deepEqual([r.encoding, r.segments], ['GSM-7', 1]);
  r = await sms('a'.repeat(161));
  assert.deepEqual([r.encoding, r.segments], ['GSM-7', 2]);
  r = await sms('€'.repeat(80)); // extension characters count twice: 160 septets
  assert.deepEqual([r.encoding, r.segments], ['GSM-7', 1]);
  r = await sms('€'.repeat(81));
  assert.deepEqual([r.encoding, r.segments], ['GSM-7', 2]);
  r = await sms('Olá! ' + 'x'.repeat(65)); // á is not GSM-7: UCS-2, 70 units
  assert.deepEqual([r.encoding, r.segments], ['UCS-2', 1]);
  assert.match(r.text, /because of “á”/);
  r = await sms('😀'.repeat(36)); // 72 UTF-16 units
  assert.deepEqual([r.encoding, r.segments], ['UCS-2', 2]);
  r = await sms('Hi! Our spring sale starts today. Want the details?');
  assert.equal(r.segments, 1);
  await shot('message-form-sms');
});

test('message flow: JSON view and invalid JSON', async () => {
  await view('json');
  const carried = JSON.parse(await jsonText());
  assert.equal(carried.messageChannel, 'SMS');
  const bad = '{\n  "name": "Spring sale",\n  "direction": \'outbound\'\n}';
  await setJson(bad);
  const [issue] = lib.validateMessageFlowJson(bad).issues;
  await waitSummary('invalid');
  assert.match(await page.locator('#json-status').textContent(), new RegExp(`line ${issue.line}, column ${issue.column}`));
  await shot('message-json');
  await setJson(JSON.stringify(carried, null, 2));
  await waitSummary('warnings'); // the subject line is ignored for SMS
  assert.deepEqual((await summary()).entries.map((e) => e.code), ['ignored_for_channel']);
  await view('form');
});

// ---------------------------------------------------------------- examples, reset

test('examples load with one click, reset empties the form', async () => {
  await page.click('#example-call');
  await page.waitForFunction(() => document.body.dataset.flow === 'call');
  assert.equal(await field('name').inputValue(), 'Customer Support Flow');
  await waitSummary('valid');
  // the form drops what it cannot hold (empty lists and strings); the rest is the same
  const fromExample = lib.normalizeCallFlow(JSON.parse(await jsonText())).value;
  const out = await normalized();
  for (const k of ['name', 'direction', 'agent', 'promptType', 'isActive', 'flowData', 'prompt']) assert.deepEqual(out[k], fromExample[k], k);
  assert.deepEqual(out.settings.security, fromExample.settings.security);

  await page.click('#example-message');
  await page.waitForFunction(() => document.body.dataset.flow === 'message');
  assert.equal(await field('name').inputValue(), 'Customer Engagement Campaign');
  await waitSummary('warnings');
  const sum = await summary();
  assert.deepEqual(sum.entries.map((e) => [e.pointer, e.code]), [['/settings/emailSettings', 'ignored_for_channel']]);

  await page.click('#reset');
  assert.equal(await field('name').inputValue(), '');
  await waitSummary('invalid');
  // the call flow kept its own state
  await chooseFlow('call');
  assert.equal(await field('name').inputValue(), 'Customer Support Flow');
});

// ---------------------------------------------------------------- secrets

test('the api key and workspace id never appear unmasked in the page', async () => {
  assert.equal(await page.locator('#api-key').getAttribute('type'), 'password');
  assert.equal(await page.locator('#workspace-id').getAttribute('type'), 'password');
  await page.fill('#api-key', API_KEY);
  await page.fill('#workspace-id', WORKSPACE_ID);
  // even pasted into a payload field, previews mask it
  await field('description').fill(`Key: ${API_KEY}`);
  await waitSummary('valid');
  const texts = {};
  for (const tab of ['normalized', 'fetch', 'curl']) {
    await page.click(`#tab-${tab}`);
    texts[tab] = await page.locator(`#out-${tab}`).textContent();
    await shot(`output-${tab}`);
  }
  assert.match(texts.fetch, /"x-api-key": "tk_l••••••••"/);
  assert.match(texts.curl, /-H 'x-api-key: tk_l••••••••'/);
  assert.match(texts.curl, /-H 'x-workspace-id: 66a1••••••••'/);
  assert.match(texts.normalized, /Key: tk_l••••••••/);
  await view('json');
  await view('form');
  // The JSON editor shows the payload as the user typed it, like the form's inputs
  // (whose values are not in the HTML): its text lines are left out of the check;
  // its marks and their messages are checked with the rest.
  assert.ok((await jsonText()).includes(`Key: ${API_KEY}`));
  const everything = await page.evaluate(() => {
    const doc = document.documentElement.cloneNode(true);
    for (const line of doc.querySelectorAll('#json-editor .cm-line')) line.replaceChildren();
    const body = document.body.cloneNode(true);
    for (const line of body.querySelectorAll('#json-editor .cm-line')) line.replaceChildren();
    return {
      html: doc.outerHTML,
      text: body.textContent,
      url: location.href,
      storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
      cookie: document.cookie,
      title: document.title,
      marks: JSON.stringify(document.getElementById('json-editor').jsonEditor.marks().map((m) => m.message)),
    };
  });
  for (const secret of [API_KEY, WORKSPACE_ID]) {
    for (const [where, text] of Object.entries({ ...everything, ...texts })) {
      assert.ok(!text.includes(secret), `the secret appears in ${where}`);
    }
  }
  // a key HTTP cannot carry: the problem shows at the key field, without the key
  const badKey = 'tk_live_é_9f8e7d6c5b4aSECRET';
  await page.fill('#api-key', badKey);
  await page.waitForFunction(() => document.getElementById('api-key').getAttribute('aria-invalid') === 'true');
  const keyMsg = await page.locator('#api-key-msg').textContent();
  assert.match(keyMsg, /apiKey/);
  assert.ok(!keyMsg.includes(badKey));
  assert.match(await page.locator('#out-curl').textContent(), /fix the request settings/);
  assert.ok(!(await page.evaluate(() => document.body.innerText)).includes(badKey));
  await page.fill('#api-key', API_KEY);
  await page.waitForFunction(() => !document.getElementById('api-key').hasAttribute('aria-invalid'));
  // the request the library builds does carry it (the preview is a mask of a real request)
  const built = lib.buildCallFlowRequest({ name: 'x', direction: 'outbound' }, { apiKey: API_KEY, workspaceId: WORKSPACE_ID });
  assert.equal(built.request.headers['x-api-key'], API_KEY);
  await field('description').fill('Handles inbound support calls');
  await page.click('#tab-normalized');
});


// ---------------------------------------------------------------- flow graph

test('graph: the call flow example draws its graph; a missing node gets a red placeholder; clicks and keys go to the rows', async () => {
  await page.click('#example-call');
  await view('form');
  await waitGraph(1);
  let g = await graphState();
  assert.equal(g.hidden, false);
  assert.deepEqual(g.nodes.map((n) => [n.kind, n.id, n.text]), [['node', 'node1', ['node1', 'type: start', 'start']]]);
  assert.ok(g.nodes[0].classes.includes('is-start'));
  assert.ok(!g.nodes[0].classes.includes('is-error') && !g.nodes[0].classes.includes('is-unreachable'));
  assert.equal(g.edges.length, 0);
  assert.equal(g.status, '1 node, 0 edges. Start: node1.');
  assert.equal(g.notice, '');

  // an edge to a node that does not exist
  await openSection('Flow data \\(nodes and edges\\)');
  await page.click('#flow-form button.add[data-path=\'["flowData","edges"]\']');
  await field('flowData.edges[0].source').fill('node1');
  await field('flowData.edges[0].target').fill('checkout');
  await waitGraph(2);
  g = await graphState();
  const missing = g.nodes.find((n) => n.kind === 'placeholder');
  assert.deepEqual(missing.text, ['checkout', 'missing node']);
  assert.ok(missing.classes.includes('is-missing') && missing.classes.includes('is-error'));
  const errorColor = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--error').trim());
  const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  assert.equal(missing.stroke, rgb(errorColor), 'the placeholder is outlined in the error colour');
  assert.equal(g.edges.length, 1);
  assert.ok(g.edges[0].classes.includes('is-error'));
  assert.equal(g.edges[0].stroke, rgb(errorColor));
  assert.match(g.status, /An edge names a missing node: checkout\./);
  // ... and the error at the edge's field
  const target = await fieldState('flowData.edges[0].target');
  assert.equal(target.invalid, 'true');
  assert.equal(target.msgs.length, 1);
  assert.equal(target.msgs[0].code, 'dangling_reference');
  assert.equal(target.msgs[0].severity, 'error');
  await shot('graph-missing-node', '#graph-card');

  // clicking the node moves focus to its row in the form
  await page.locator('#graph-card .gnode[data-key=n0]').click();
  assert.equal(await page.evaluate(() => document.activeElement.name), 'flowData.nodes[0].id');
  // clicking the placeholder or the edge: to the edge's target field (where its error is)
  await page.locator('#graph-card .gnode[data-kind=placeholder]').click();
  assert.equal(await page.evaluate(() => document.activeElement.name), 'flowData.edges[0].target');
  await page.locator('#graph-card .gedge[data-key=e0] .hit').click({ force: true });
  assert.equal(await page.evaluate(() => document.activeElement.name), 'flowData.edges[0].target');

  // a node no edge reaches is marked; a node with an issue is outlined
  await page.click('#flow-form button.add[data-path=\'["flowData","nodes"]\']');
  await field('flowData.nodes[1].id').fill('node1'); // a duplicate id: an error at the node
  await waitGraph(3);
  g = await graphState();
  const second = g.nodes.find((n) => n.key === 'n1');
  assert.ok(second.classes.includes('is-unreachable'));
  assert.ok(second.text.includes('unreachable'));
  assert.ok(second.classes.includes('is-error'));
  assert.match(second.label, /not reached from the start, 1 with errors/);
  assert.equal((await fieldState('flowData.nodes[1].id')).msgs[0].code, 'duplicate');
  await field('flowData.nodes[1].id').fill('checkout');
  await waitGraph(2); // the placeholder gives way to the real node
  g = await graphState();
  assert.deepEqual(g.nodes.map((n) => [n.id, n.classes.includes('is-unreachable'), n.classes.includes('is-error')]), [
    ['node1', false, false],
    ['checkout', false, false],
  ]);
  assert.equal(g.status, '2 nodes, 1 edge. Start: node1.');
  await waitSummary('valid');

  // keyboard: one tab stop, arrow keys between items, Enter goes to the row
  assert.equal(await page.locator('#graph-card .gitem[tabindex="0"]').count(), 1);
  await page.locator('#graph-card .gitem[tabindex="0"]').focus();
  await page.keyboard.press('Home');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'n0');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'n1');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'e0');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'flowData.nodes[1].id');
  await shot('graph', '#graph-card');
  await shot('graph-page');

  // in the JSON view, a click puts the cursor at the node
  await view('json');
  await waitGraph(2);
  await page.locator('#graph-card .gnode[data-key=n1]').click();
  const text = await jsonText();
  assert.ok(await editorFocused());
  assert.equal(await caret(), text.indexOf('"id": "checkout"'));
  // the message flow has no graph
  await chooseFlow('message');
  assert.equal((await graphState()).hidden, true);
  await chooseFlow('call');
  assert.equal((await graphState()).hidden, false);
  await view('form');
});

// ---------------------------------------------------------------- JSON editor

test('JSON editor: one error mark at the exact place, a warning mark on an unknown key, messages on hover', async () => {
  await chooseFlow('call');
  await view('json');
  await setJson('{"name": "x",}');
  await waitSummary('invalid');
  let m = await marks();
  assert.equal(m.state.length, 1);
  assert.deepEqual(
    m.state.map(({ line, column, severity, source, text }) => ({ line, column, severity, source, text })),
    [{ line: 1, column: 14, severity: 'error', source: 'invalid_json', text: '}' }],
  );
  assert.deepEqual(m.dom.map((d) => [d.text, d.severity]), [['}', 'error']]);
  assert.deepEqual(m.gutter, ['error']);
  assert.match((await summary()).entries[0].text, /line 1, column 14/);
  const [issue] = lib.validateCallFlowJson('{"name": "x",}').issues;
  // hovering the mark shows the message
  await page.hover('#json-editor .cm-lintRange-error');
  const tip = page.locator('.cm-tooltip-lint');
  await tip.waitFor({ state: 'visible', timeout: 5000 });
  assert.equal(await tip.textContent(), issue.message.replaceAll('`', '') + 'invalid_json');
  await shot('json-editor-error', '#editor');
  await page.mouse.move(5, 5);
  await tip.waitFor({ state: 'hidden', timeout: 5000 });

  const unknown = '{\n  "name": "Support line",\n  "direction": "outbound",\n  "colour": "blue"\n}';
  await setJson(unknown);
  await waitSummary('warnings');
  m = await marks();
  assert.deepEqual(
    m.state.map(({ line, column, severity, source, text }) => ({ line, column, severity, source, text })),
    [{ line: 4, column: 3, severity: 'warning', source: 'unknown_key', text: '"colour"' }],
  );
  assert.deepEqual(m.dom.map((d) => [d.text, d.severity]), [['"colour"', 'warning']]);
  assert.deepEqual(m.gutter, ['warning']);
  const warnIssue = lib.validateCallFlowJson(unknown).issues.find((i) => i.code === 'unknown_key');
  await page.hover('#json-editor .cm-lintRange-warning');
  await tip.waitFor({ state: 'visible', timeout: 5000 });
  // the message as the page shows it (`code` spans as <code>), with its code
  assert.equal(await tip.textContent(), warnIssue.message.replaceAll('`', '') + 'unknown_key');
  assert.equal(await tip.locator('code').first().textContent(), 'colour');
  await shot('json-editor-warning', '#editor');
  await page.mouse.move(5, 5);

  // errors and warnings are styled apart (colour and line style), on one screen
  const both = '{\n  "name": "",\n  "direction": "outbound",\n  "colour": "blue"\n}';
  await setJson(both);
  await waitSummary('invalid');
  m = await marks();
  assert.deepEqual(m.state.map((x) => [x.line, x.text, x.severity]), [
    [2, '""', 'error'],
    [4, '"colour"', 'warning'],
  ]);
  const [err, warn] = m.dom;
  assert.notEqual(err.color, warn.color);
  assert.notEqual(err.decoration, warn.decoration);
  assert.match(err.decoration, /underline wavy/);
  assert.match(warn.decoration, /underline dashed/);
  assert.deepEqual(m.gutter, ['error', 'warning']);
  // the summary's entries put the cursor on their mark
  await page.locator('#summary-list button[data-code=unknown_key]').click();
  assert.ok(await editorFocused());
  assert.equal(await caret(), both.indexOf('"colour"'));
  await page.locator('#summary-list button[data-code=empty]').click();
  assert.equal(await caret(), both.indexOf('""'));
  await shot('json-editor', '#editor');
  await view('form');
});

test('a 1,000-node payload of about 1 MB: pasted, it validates and lays out (times reported)', async (t) => {
  await chooseFlow('call');
  await view('json');
  const N = 1000;
  const filler = 'Ask the caller what they need and route them to the right team. '.repeat(12);
  const payload = {
    name: 'Big flow',
    direction: 'outbound',
    flowData: {
      nodes: Array.from({ length: N }, (_, i) => ({ id: `n${i}`, type: i === 0 ? 'start' : i % 10 === 9 ? 'end' : 'prompt', data: { prompt: `Step ${i}. ${filler}` } })),
      edges: Array.from({ length: N - 1 }, (_, i) => ({ id: `e${i}`, source: `n${Math.floor(i / 3)}`, target: `n${i + 1}` })),
    },
  };
  const text = JSON.stringify(payload, null, 2);
  assert.ok(text.length > 900_000 && text.length < 1_048_576, `${text.length} characters`);
  const before = await page.evaluate(() => Number(document.body.dataset.checked));
  await page.locator('#json-editor .cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  // a real paste event, as from the clipboard; then watch how long the page is busy
  const pasted = await page.evaluate(async (text) => {
    const gaps = [];
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }, 10);
    const t0 = performance.now();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.querySelector('#json-editor .cm-content').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    const pasteMs = performance.now() - t0;
    const card = document.getElementById('graph-card');
    const start = Number(document.body.dataset.checked);
    await new Promise((resolve) => {
      const poll = () => (Number(document.body.dataset.checked) > start ? resolve() : setTimeout(poll, 5));
      poll();
    });
    const checkedMs = performance.now() - t0;
    await new Promise((resolve) => {
      const poll = () => (card.dataset.state === 'ready' && card.querySelectorAll('.gnode').length === 1000 ? resolve() : setTimeout(poll, 20));
      poll();
    });
    const drawnMs = performance.now() - t0;
    clearInterval(tick);
    return { pasteMs, checkedMs, drawnMs, validateMs: Number(document.body.dataset.validateMs), longestGapMs: Math.max(...gaps) };
  }, text);
  assert.ok((await page.evaluate(() => Number(document.body.dataset.checked))) > before);
  assert.equal((await jsonText()).length, text.length);
  await waitSummary('valid');
  const g = await graphState();
  assert.equal(g.nodes.length, N);
  assert.equal(g.edges.length, N - 1);
  assert.ok(g.nodes.every((n) => !n.classes.includes('is-unreachable')));
  assert.match(g.notice, /This flow has 1,000 nodes: laying it out took \d+\.\d s/);
  assert.match(g.status, /^1,000 nodes, 999 edges\. Start: n0\./);
  const report = {
    characters: text.length,
    pasteMs: Math.round(pasted.pasteMs),
    validateMs: pasted.validateMs,
    pasteToCheckedMs: Math.round(pasted.checkedMs),
    layoutMs: g.layoutMs,
    layoutRoundTripMs: g.layoutTotalMs,
    pasteToDrawnMs: Math.round(pasted.drawnMs),
    longestMainThreadGapMs: Math.round(pasted.longestGapMs),
  };
  t.diagnostic(`1,000-node payload: ${JSON.stringify(report)}`);
  // an edit far down the text is checked, and the picture follows it
  const at = text.lastIndexOf('"id": "n999"') + '"id": "n99'.length;
  await page.evaluate((at) => document.getElementById('json-editor').jsonEditor.view.dispatch({ changes: { from: at, to: at + 1, insert: '8' }, userEvent: 'input.type' }), at);
  await waitSummary('invalid');
  assert.deepEqual((await summary()).entries.map((e) => [e.pointer, e.code]), [
    ['/flowData/nodes/999/id', 'duplicate'],
    ['/flowData/edges/998/target', 'dangling_reference'],
  ]);
  const m = await marks();
  assert.deepEqual(m.state.map((x) => [x.text, x.line]), [
    ['"n998"', text.slice(0, at).split('\n').length],
    ['"n999"', text.slice(0, text.lastIndexOf('"target": "n999"')).split('\n').length],
  ]);
  await waitGraph(N + 1); // the edge to n999 now points to a placeholder
  const g2 = await graphState();
  assert.ok(g2.nodes.find((n) => n.key === 'n999').classes.includes('is-error'));
  assert.deepEqual(g2.nodes.filter((n) => n.kind === 'placeholder').map((n) => n.id), ['n999']);
  await shot('graph-1000', '#graph-card');
  await page.click('#reset');
  await waitSummary('invalid');
  await view('form');
});

// ---------------------------------------------------------------- start from a response

test('start from a response: the inbound example shows the direction error with its fix; an override clones it into the editor', async () => {
  await chooseFlow('call');
  await view('form');
  await page.click('#clone-card > summary');
  await page.click('#response-example-call');
  const pasted = await page.inputValue('#response-text');
  assert.match(pasted, /"_id": "676b8e123456789012345678"/);
  assert.match(pasted, /"direction": "inbound"/);
  await page.click('#clone-run');
  const failed = await page.evaluate(() => ({
    kind: document.getElementById('clone-kind').textContent,
    issues: [...document.querySelectorAll('#clone-issues li')].map((li) => ({ code: li.dataset.code, pointer: li.dataset.pointer, text: li.textContent })),
  }));
  assert.equal(failed.kind, 'Not cloned: 1 error in the call flow response (fix the response or give an override).');
  assert.deepEqual(failed.issues.map((i) => [i.code, i.pointer]), [['invalid_enum', '/direction']]);
  assert.match(failed.issues[0].text, /cannot be created inbound; use `outbound` or `bidirectional`/);
  await shot('clone-inbound-error', '#clone-card');

  await page.fill('#overrides-text', '{"direction": "bidirectional", "name": "Copy of Customer Support Flow"}');
  await page.click('#clone-run');
  await waitSummary('valid');
  assert.equal(await page.textContent('#clone-kind'), 'Cloned as a call flow.');
  assert.equal(await page.locator('#clone-issues li').count(), 0);
  // The editor holds the clone: the library's own result, in both views.
  const want = lib.callFlowFromResponse(JSON.parse(pasted), { direction: 'bidirectional', name: 'Copy of Customer Support Flow' });
  assert.equal(want.ok, true);
  assert.equal(await field('name').inputValue(), 'Copy of Customer Support Flow');
  assert.equal(await field('direction').inputValue(), 'bidirectional');
  await view('json');
  assert.deepEqual(JSON.parse(await page.evaluate(() => document.getElementById('json-editor').jsonEditor.text)), want.value);
  assert.deepEqual(await normalized(), want.value);
  await view('form');
  await shot('clone-call-flow');

  // A message flow response is detected as one, and switches the editor to it.
  await page.click('#response-example-message');
  await page.fill('#overrides-text', '');
  await page.click('#clone-run');
  await page.waitForFunction(() => document.body.dataset.flow === 'message');
  assert.equal(await page.textContent('#clone-kind'), 'Cloned as a message flow, with 2 warnings.');
  assert.deepEqual(
    await page.$$eval('#clone-issues li', (lis) => lis.map((li) => [li.dataset.code, li.dataset.pointer])),
    [['unusual_id', '/agent'], ['ignored_for_channel', '/settings/emailSettings']],
  );
  assert.equal(await field('name').inputValue(), 'Customer Engagement Campaign');
  await page.click('#clone-card > summary');
  await chooseFlow('call');
  await page.click('#reset');
  await waitSummary('invalid');
});

// ---------------------------------------------------------------- layout

test('phone width: everything fits, nothing scrolls sideways', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const title of ['Webhooks', 'Settings', 'Call settings']) await openSection(title);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `page is ${width}px wide`);
  await shot('phone-call-form');
  await view('json');
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390);
  await shot('phone-call-json');
  await view('form');
  await chooseFlow('message');
  await openSection('Settings');
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390);
  await shot('phone-message-form');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('no console errors, page errors or failed requests', () => {
  assert.deepEqual(problems, []);
});
