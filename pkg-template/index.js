// Browser and bundler entry (scripts/build-pkg.mjs bundles it with the glue,
// the bridge and api.js into the package's index.js). Call `await init()`
// once before anything else (safe to call again), or `initSync({ module })`
// with the wasm's bytes or a compiled WebAssembly.Module.
import wasmInit, * as glue from './trillet_flows.js';
import { formFields, guard, makeSchema } from './api.js';

let loaded = false;

/** Loads the WebAssembly module; resolves when the API is ready. Safe to call twice (the glue loads once). */
export function init(input) {
  return wasmInit(input === undefined ? undefined : { module_or_path: input }).then(() => {
    loaded = true;
  });
}
export default init;

/** Loads the WebAssembly module synchronously from its bytes or a compiled module. */
export function initSync(input) {
  glue.initSync(input !== null && typeof input === 'object' && 'module' in input ? input : { module: input });
  loaded = true;
}

const wrap = guard(glue, () => {
  if (!loaded) throw new Error('trillet-flows: `await init()` once before the first call (see the package README).');
});

// The exports: every function, the Standard Schemas, and the field catalogue
// and JSON Schemas (a module of their own, ./catalogue.js, out of the bundle).
// Written here by scripts/build-pkg.mjs from its one list of the API:
// @exports
