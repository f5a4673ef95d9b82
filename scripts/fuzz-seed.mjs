#!/usr/bin/env node
// Writes the fuzz seed corpus (fuzz/corpus/<target>/) from tests/fixtures/:
// each fixture's input as JSON text (json_* targets, by kind), its form
// fields as `name=value` lines (form), its build options and input
// (build_request). The first byte of every seed picks the options (0:
// defaults), as the targets read it. Seeds past 4 KB are left out, to keep
// the committed corpus small. Run it again after adding fixtures.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'tests', 'fixtures');
const corpus = join(root, 'fuzz', 'corpus');
const MAX = 4096;

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.json')) files.push(p);
  }
};
walk(fixtures);

rmSync(corpus, { recursive: true, force: true });
const seeds = {};
const put = (target, optionsByte, text) => {
  const bytes = Buffer.concat([Buffer.from([optionsByte]), Buffer.from(text, 'utf8')]);
  if (bytes.length > MAX) return;
  const dir = join(corpus, target);
  mkdirSync(dir, { recursive: true });
  const name = createHash('sha1').update(bytes).digest('hex').slice(0, 16);
  writeFileSync(join(dir, name), bytes);
  seeds[target] = (seeds[target] ?? 0) + 1;
};

for (const file of files) {
  const f = JSON.parse(readFileSync(file, 'utf8'));
  const message = f.kind === 'messageFlow';
  const text = 'inputJson' in f ? f.inputJson : 'input' in f ? JSON.stringify(f.input) : null;
  if (f.build) {
    if (text !== null) {
      const kindBit = message ? 0x80 : 0;
      put('build_request', kindBit, `${f.build.apiKey ?? ''}\n${f.build.baseUrl ?? ''}\n${text}`);
    }
  } else if (f.form) {
    const kindBit = message ? 0x80 : 0;
    put('form', kindBit, f.form.map(([k, v]) => `${k}=${typeof v === 'string' ? v : ''}`).join('\n'));
  } else if (text !== null) {
    put(message ? 'json_message_flow' : 'json_call_flow', 0, text);
  }
}
console.log('seeds:', seeds);
