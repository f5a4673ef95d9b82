#!/usr/bin/env node
// Bundles the demo's two libraries into www-demo/dist/ (gitignored), with esbuild
// (a devDependency of the repository root):
//   dist/editor.js  the JSON editor (CodeMirror 6: JSON highlighting, issue marks, gutter)
//   dist/layout.js  the flow graph's layout (dagre), run in a Web Worker by graph.js
// Their sources are src/*.js; their dependencies come from www-demo/package-lock.json
// (installed by scripts/setup.sh). The page loads only these files and ../pkg/:
// no network. Run by scripts/demo.sh and by the test command before the browser tests.
//   node www-demo/build.mjs
import { build } from 'esbuild';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
if (!existsSync(`${here}node_modules/@codemirror/view`)) {
  console.error('www-demo/node_modules is missing: run `bash scripts/setup.sh` (npm ci in www-demo) first.');
  process.exit(1);
}
const t = performance.now();
await build({
  absWorkingDir: here,
  entryPoints: { editor: 'src/editor.js', layout: 'src/layout.js' },
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  legalComments: 'linked',
  logLevel: 'warning',
});
const size = (f) => statSync(`${here}dist/${f}`).size.toLocaleString('en');
console.log(`www-demo/dist: editor.js ${size('editor.js')} bytes, layout.js ${size('layout.js')} bytes (${Math.round(performance.now() - t)} ms)`);
