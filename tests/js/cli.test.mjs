// The npm bin (pkg/cli.mjs, the wasm build) against the Rust binary
// (cli/, the native build) on the CLI's sample files: `--format json` output
// and exit status must be identical (human and github output too).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, PKG } from './helpers.mjs';

const SAMPLES = join(ROOT, 'cli/tests');
const RUST = join(ROOT, 'target/debug/trillet-flows');
const NODE_BIN = join(PKG, 'cli.mjs');

function ensureRust() {
  if (!existsSync(RUST)) {
    const b = spawnSync('cargo', ['build', '-q', '--bin', 'trillet-flows'], { cwd: ROOT, stdio: 'inherit' });
    assert.equal(b.status, 0, 'cargo build of the CLI failed');
  }
}

function run(cmd, args, input) {
  const r = spawnSync(cmd, args, { cwd: SAMPLES, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const rust = (args, input) => run(RUST, args, input);
const node = (args, input) => run(process.execPath, [NODE_BIN, ...args], input);

const CASES = [
  ['check', '--format', 'json', 'samples/*.json'],
  ['check', '--format', 'json', '--unknown-keys', 'reject', 'samples/warnings.json'],
  ['check', '--format', 'json', '--kind', 'call', 'samples/message.json'],
  ['check', '--format', 'json', '--deny-warnings', 'samples/warnings.json'],
  ['check', '--format', 'json', 'samples/valid.json', 'samples/no-such-file.json'],
  ['check', '--format', 'human', 'samples/*.json'],
  ['check', '--format', 'github', 'samples/*.json'],
  ['normalize', 'samples/warnings.json'],
  ['clone', 'responses/call-flow.json'],
  ['clone', '--set', 'direction=bidirectional', '--set', 'name=Copy of Customer Support Flow', '--set', 'settings.customerLocation=null', 'responses/call-flow.json'],
  ['clone', '--set', 'nokey', 'responses/call-flow.json'],
];

test('the package bin is listed in package.json', () => {
  const meta = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
  assert.equal(meta.bin['trillet-flows'], './cli.mjs');
  assert.ok(meta.files.includes('cli.mjs'));
});

for (const args of CASES) {
  test(`npm bin = Rust binary: ${args.join(' ')}`, () => {
    ensureRust();
    const r = rust(args);
    const n = node(args);
    assert.equal(n.status, r.status, `exit status (stderr: ${n.stderr})`);
    assert.equal(n.stdout, r.stdout);
    assert.equal(n.stderr, r.stderr);
    assert.ok(r.stdout.length > 0 || r.status !== 0);
  });
}

test('npm bin = Rust binary on standard input', () => {
  ensureRust();
  const text = readFileSync(join(SAMPLES, 'samples/invalid.json'), 'utf8');
  const r = rust(['check', '--format', 'json', '-'], text);
  const n = node(['check', '--format', 'json', '-'], text);
  assert.equal(r.status, 1);
  assert.equal(n.status, 1);
  assert.equal(n.stdout, r.stdout);
  assert.match(r.stdout, /^\{"path":"<stdin>","kind":"callFlow","valid":false,"issues":\[\{"path":\["name"\]/);
});
