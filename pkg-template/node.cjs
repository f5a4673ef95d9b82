'use strict';
// Node entry (CommonJS; node.mjs re-exports it, so `import` and `require`
// share one module instance). Nothing happens at require time: the
// WebAssembly module is compiled and instantiated synchronously on the first
// call. Its bytes are inlined as base64 in trillet_flows_wasm.cjs, a plain
// require(), so that bundlers for Node (esbuild, webpack, Rollup, Next.js)
// carry it into the bundle like any other module, with no asset settings.
const glue = require('./trillet_flows.cjs');
const { formFields, guard, makeSchema } = require('./api.cjs');

let loaded = false;
function load() {
  if (loaded) return;
  const base64 = require('./trillet_flows_wasm.cjs');
  const bytes = typeof Buffer === 'function'
    ? Buffer.from(base64, 'base64')
    : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  glue.initSync({ module: new WebAssembly.Module(bytes) });
  loaded = true;
}
const wrap = guard(glue, load);

// Every function, the Standard Schemas, and the field catalogue and JSON
// Schemas (catalogue.cjs). Written here by scripts/build-pkg.mjs from its one
// list of the API:
// @exports
/** Loads the module now (it also loads on the first call); resolves at once. */
exports.init = function init() {
  try {
    load();
    return Promise.resolve();
  } catch (e) {
    return Promise.reject(e);
  }
};
/** Loads the module now (it also loads on the first call). */
exports.initSync = function initSync() {
  load();
};
exports.default = exports.init;
