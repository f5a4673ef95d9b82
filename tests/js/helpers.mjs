// Shared helpers of the JS package tests (tests/js/*.test.mjs).
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The package as scripts/build-pkg.mjs built it. */
export const BUILT = join(ROOT, 'pkg');

/**
 * Which wasm build the Node entry runs: `speed` (the package as built: its
 * Node entry inlines the speed build) or, with TRILLET_WASM=size, `size`:
 * the package's browser wasm (trillet_flows_bg.wasm) inlined in the Node
 * entry of a copy of pkg/ (one per test process, removed at exit), so that
 * the same suites run against the build browsers get.
 */
export const WASM_BUILD = process.env.TRILLET_WASM || 'speed';
if (WASM_BUILD !== 'speed' && WASM_BUILD !== 'size') {
  throw new Error(`TRILLET_WASM=${WASM_BUILD}: expected "size" or "speed" (the default)`);
}

/** The package under test: pkg/, or its copy whose Node entry loads the size build. */
export const PKG = WASM_BUILD === 'speed' ? BUILT : sizeCopy();

function sizeCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'trillet-size-build-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  cpSync(BUILT, dir, { recursive: true });
  const wasm = readFileSync(join(BUILT, 'trillet_flows_bg.wasm'));
  writeFileSync(join(dir, 'trillet_flows_wasm.cjs'),
    `'use strict';\n// TRILLET_WASM=size: the size build (trillet_flows_bg.wasm) for the Node entry.\nmodule.exports = '${wasm.toString('base64')}';\n`);
  return dir;
}

/** The Node ESM entry of the package under test (node.mjs): `const api = await nodeEntry();`. */
export const nodeEntry = () => import(pathToFileURL(join(PKG, 'node.mjs')).href);
export const FIXTURES = join(ROOT, 'tests', 'fixtures');

/** Codes whose default severity is `warning` (everything else is `error`). */
export const WARNING_CODES = new Set([
  'insecure_url', 'unreachable_url', 'unusual_id', 'moved', 'unknown_key', 'read_only', 'ignored_for_channel', 'recommended',
]);
export const defaultSeverity = (code) => (WARNING_CODES.has(code) ? 'warning' : 'error');

/** Every `*.json` under `dir`, sorted, as absolute paths. */
export function jsonFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...jsonFiles(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}
export const rel = (p) => relative(ROOT, p);

/** (code, pointer, severity) triples, for comparing issue lists. */
export const brief = (issues) => issues.map((i) => [i.code, i.pointer, i.severity]);

/** RFC 6901 pointer of a path. */
export const pointerOf = (path) =>
  path.map((s) => '/' + String(s).replaceAll('~', '~0').replaceAll('/', '~1')).join('');

/** The way messages name a field (mirror of the core's display_path). */
export function displayPath(path) {
  if (path.length === 0) return 'the payload';
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (seg !== '' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(seg)) out += (out ? '.' : '') + seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
