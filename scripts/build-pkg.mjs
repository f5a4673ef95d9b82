#!/usr/bin/env node
// Builds the npm package into pkg/:
//   cargo build (wasm32, release) -> wasm-bindgen (web + nodejs glue, one shared wasm)
//   -> wasm-opt -Oz (npm binaryen) -> pkg-template/ files -> size report.
// Usage: node scripts/build-pkg.mjs [--dev] (--dev skips wasm-opt)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'pkg');
const tmp = join(root, 'target', 'bindgen');
const dev = process.argv.includes('--dev');
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });

run('cargo', ['build', '--release', '--lib', '--target', 'wasm32-unknown-unknown']);
const wasmIn = join(root, 'target', 'wasm32-unknown-unknown', 'release', 'trillet_flows.wasm');
rmSync(tmp, { recursive: true, force: true });
for (const target of ['web', 'nodejs']) {
  run('wasm-bindgen', ['--target', target, '--out-dir', join(tmp, target), '--out-name', 'trillet_flows', wasmIn]);
}

rmSync(pkg, { recursive: true, force: true });
mkdirSync(pkg, { recursive: true });

// One wasm for every entry (both targets emit the same bytes).
const web = join(tmp, 'web');
const node = join(tmp, 'nodejs');
if (!readFileSync(join(web, 'trillet_flows_bg.wasm')).equals(readFileSync(join(node, 'trillet_flows_bg.wasm')))) {
  throw new Error('web and nodejs targets emitted different wasm; the package assumes one shared file');
}
const wasmOut = join(pkg, 'trillet_flows_bg.wasm');
if (dev) {
  cpSync(join(web, 'trillet_flows_bg.wasm'), wasmOut);
} else {
  const wasmOpt = join(root, 'node_modules', '.bin', 'wasm-opt');
  if (!existsSync(wasmOpt)) throw new Error('wasm-opt missing: run `npm ci` first (devDependency binaryen)');
  // --low-memory-unused: Rust's wasm32 layout puts the stack first, so the
  // lowest 1 KiB is never data; --strip-target-features: read by nothing
  // after wasm-bindgen. Together about 370 bytes gzipped.
  run(wasmOpt, ['-Oz', '--strip-debug', '--strip-producers', '--strip-target-features', '--low-memory-unused', join(web, 'trillet_flows_bg.wasm'), '-o', wasmOut]);
}

// ESM -> CJS for the few files written with `export function` / `export const` only.
function esmToCjs(src, file) {
  const names = [];
  const out = src.replace(/^export (function|const|class) ([A-Za-z0-9_$]+)/gm, (_, kw, name) => {
    names.push(name);
    return `${kw} ${name}`;
  });
  if (/^\s*(export|import)\s/m.test(out)) throw new Error(`${file}: cannot convert to CommonJS (other import/export forms)`);
  return `'use strict';\n${out}\nmodule.exports = { ${names.join(', ')} };\n`;
}

// Web glue (browsers, bundlers, Node ESM via initSync) and its snippet.
cpSync(join(web, 'trillet_flows.js'), join(pkg, 'trillet_flows.js'));
// wasm-bindgen writes every parameter as required; `options` may be left out.
const dts = readFileSync(join(web, 'trillet_flows.d.ts'), 'utf8');
const dtsOptional = dts.replace(/, options: Options\)/g, ', options?: Options)');
if (dtsOptional === dts) throw new Error('trillet_flows.d.ts: no `options: Options` parameter to make optional');
writeFileSync(join(pkg, 'trillet_flows.d.ts'), dtsOptional);
cpSync(join(web, 'snippets'), join(pkg, 'snippets'), { recursive: true });

// Node CommonJS glue: loads the shared wasm synchronously; its snippet as .cjs.
let cjs = readFileSync(join(node, 'trillet_flows.js'), 'utf8');
const snippetFiles = [];
(function walk(d) {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else snippetFiles.push(p);
  }
})(join(node, 'snippets'));
for (const file of snippetFiles) {
  const rel = relative(node, file).split('\\').join('/');
  const cjsRel = rel.replace(/\.js$/, '.cjs');
  writeFileSync(join(pkg, cjsRel), esmToCjs(readFileSync(file, 'utf8'), rel));
  // Only the require() calls change; the wasm import module name stays.
  const before = cjs;
  cjs = cjs.replace(/require\((String\.raw`|")\.\/([^`"]+)(`|")\)/g, (m, open, path, close) =>
    path === rel ? `require(${open}./${cjsRel}${close})` : m);
  if (cjs === before) throw new Error(`nodejs glue: no require() of ./${rel}`);
}
writeFileSync(join(pkg, 'trillet_flows_node.cjs'), cjs);

// The package's own files.
const template = join(root, 'pkg-template');
for (const f of readdirSync(template)) cpSync(join(template, f), join(pkg, f), { recursive: true });
writeFileSync(join(pkg, 'schema.cjs'), esmToCjs(readFileSync(join(template, 'schema.js'), 'utf8'), 'schema.js'));
const meta = JSON.parse(readFileSync(join(template, 'package.json'), 'utf8'));
const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
meta.version = /^version = "([^"]+)"/m.exec(cargo)[1];
writeFileSync(join(pkg, 'package.json'), JSON.stringify(meta, null, 2) + '\n');
for (const f of meta.files) {
  if (!existsSync(join(pkg, f))) throw new Error(`package.json lists ${f}, which the build did not produce`);
}

// The files a browser loads are minified (esbuild transform, file by file:
// same exports, same `new URL(..., import.meta.url)` for the wasm).
const { transformSync } = await import('esbuild');
const browserJs = ['trillet_flows.js', 'index.js', 'schema.js',
  ...snippetFiles.map((f) => relative(node, f).split('\\').join('/'))];
for (const f of browserJs) {
  const src = readFileSync(join(pkg, f), 'utf8');
  const { code } = transformSync(src, { minify: true, format: 'esm', target: 'es2020', legalComments: 'none' });
  writeFileSync(join(pkg, f), code);
}

// Size report: what a browser loads (wasm + glue + entry + snippet + schema).
const gz = (f) => gzipSync(readFileSync(join(pkg, f)), { level: 9 }).length;
const browserFiles = ['trillet_flows_bg.wasm', 'trillet_flows.js', 'index.js', 'schema.js',
  ...snippetFiles.map((f) => relative(node, f).split('\\').join('/'))];
const raw = browserFiles.reduce((n, f) => n + statSync(join(pkg, f)).size, 0);
const gzip = browserFiles.reduce((n, f) => n + gz(f), 0);
const report = {
  wasmBytes: statSync(wasmOut).size,
  wasmGzipBytes: gz('trillet_flows_bg.wasm'),
  browserBytes: raw,
  browserGzipBytes: gzip,
  files: browserFiles,
};
writeFileSync(join(root, 'target', 'size.json'), JSON.stringify(report, null, 2) + '\n');
// bytes, gzipped: what a browser loads. TRILLET_SIZE_BUDGET overrides it for a
// local experiment only; the test command and CI use the default.
const BUDGET = Number(process.env.TRILLET_SIZE_BUDGET) || 80_000;
console.log(`pkg/ built${dev ? ' (dev: no wasm-opt)' : ''}: wasm ${(report.wasmBytes / 1024).toFixed(1)} KiB ` +
  `(${(report.wasmGzipBytes / 1024).toFixed(1)} KiB gzipped); browser load wasm + JS ` +
  `${gzip.toLocaleString('en')} bytes gzipped (${(gzip / 1024).toFixed(1)} KiB; budget ${BUDGET.toLocaleString('en')} bytes)`);
if (!dev && gzip > BUDGET) {
  console.error(`size budget exceeded: ${gzip} > ${BUDGET} bytes gzipped`);
  process.exit(1);
}
