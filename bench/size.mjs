// Gzipped size of each library's validator for the same job: validate a call flow and a
// message flow. Each peer module (schemas + helpers + the IANA name list) is bundled with
// esbuild (minified, ESM, browser); ours is the browser entry of ../pkg bundled the same way,
// plus its .wasm file. gzip level 9 (zlib). Usage: node size.mjs [--json] [--pkg=<dir>]
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

async function bundle(contents) {
  const r = await build({
    stdin: { contents, resolveDir: here('.'), sourcefile: 'entry.mjs', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return Buffer.from(r.outputFiles[0].contents);
}

const jsRow = async (lib, what, entry) => {
  const js = await bundle(entry);
  return { lib, what, minBytes: js.length, gzipBytes: gz(js) };
};

/** Ajv's standalone mode: the schemas compiled ahead of time to plain JS (no compiler shipped). */
async function ajvStandaloneEntry() {
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const { default: standalone } = await import('ajv/dist/standalone/index.js');
  const { callFlowJsonSchema, messageFlowJsonSchema } = await import('./peers/ajv.mjs');
  const ajv = new Ajv2020({ allErrors: true, useDefaults: true, $data: true, strictTypes: false, code: { source: true, esm: true } });
  ajv.addSchema(callFlowJsonSchema, 'callFlow');
  ajv.addSchema(messageFlowJsonSchema, 'messageFlow');
  const code = standalone(ajv, { validateCallFlow: 'callFlow', validateMessageFlow: 'messageFlow' });
  const dir = here('./results/tmp');
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/ajv-standalone.mjs`, code);
  return `export { validateCallFlow, validateMessageFlow } from './results/tmp/ajv-standalone.mjs';`;
}

export async function measureSizes(pkgDir = here('../pkg')) {
  const rows = [];
  for (const lib of ['zod', 'valibot', 'ajv'])
    rows.push(await jsRow(lib, `peers/${lib}.mjs bundled`, `export { validateCallFlow, validateMessageFlow } from './peers/${lib}.mjs';`));
  try {
    rows.push(await jsRow('ajv (standalone)', 'schemas precompiled by ajv/dist/standalone, bundled', await ajvStandaloneEntry()));
  } catch (e) {
    rows.push({ lib: 'ajv (standalone)', what: `failed: ${e.message.split('\n')[0]}`, minBytes: null, gzipBytes: null });
  }
  const wasmPath = `${pkgDir}/trillet_flows_bg.wasm`;
  if (existsSync(wasmPath)) {
    const js = await bundle(`export { init, validateCallFlow, validateMessageFlow } from ${JSON.stringify(`${pkgDir}/index.js`)};`);
    const wasm = readFileSync(wasmPath);
    rows.push({
      lib: 'ours',
      what: 'pkg/index.js bundled + trillet_flows_bg.wasm',
      minBytes: js.length + wasm.length,
      gzipBytes: gz(js) + gz(wasm),
      jsGzipBytes: gz(js),
      wasmGzipBytes: gz(wasm),
    });
  }
  return rows;
}

export const kB = (n) => (n == null ? '-' : `${(n / 1024).toFixed(1)} kB`);

if (import.meta.url === `file://${process.argv[1]}`) {
  const pkgArg = process.argv.find((a) => a.startsWith('--pkg='))?.slice(6);
  const rows = await measureSizes(pkgArg ? path.resolve(pkgArg) : undefined);
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
  else for (const r of rows) console.log(`${r.lib.padEnd(18)} ${kB(r.minBytes).padStart(10)} min ${kB(r.gzipBytes).padStart(10)} gzip   ${r.what}`);
}
