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

export const validateCallFlow = wrap(glue.validateCallFlow, 'valid');
export const validateCallFlowJson = wrap(glue.validateCallFlowJson, 'valid');
export const validateMessageFlow = wrap(glue.validateMessageFlow, 'valid');
export const validateMessageFlowJson = wrap(glue.validateMessageFlowJson, 'valid');
export const normalizeCallFlow = wrap(glue.normalizeCallFlow, 'ok');
export const normalizeCallFlowJson = wrap(glue.normalizeCallFlowJson, 'ok');
export const normalizeMessageFlow = wrap(glue.normalizeMessageFlow, 'ok');
export const normalizeMessageFlowJson = wrap(glue.normalizeMessageFlowJson, 'ok');
export const buildCallFlowRequest = wrap(glue.buildCallFlowRequest, 'ok');
export const buildMessageFlowRequest = wrap(glue.buildMessageFlowRequest, 'ok');
export const callFlowFromForm = wrap(glue.callFlowFromForm, 'ok');
export const messageFlowFromForm = wrap(glue.messageFlowFromForm, 'ok');
export const callFlowFromResponse = wrap(glue.callFlowFromResponse, 'ok');
export const callFlowFromResponseJson = wrap(glue.callFlowFromResponseJson, 'ok');
export const messageFlowFromResponse = wrap(glue.messageFlowFromResponse, 'ok');
export const messageFlowFromResponseJson = wrap(glue.messageFlowFromResponseJson, 'ok');
export const callFlowSchema = makeSchema(normalizeCallFlow);
export const messageFlowSchema = makeSchema(normalizeMessageFlow);
export const callFlowFormSchema = makeSchema(callFlowFromForm, formFields);
export const messageFlowFormSchema = makeSchema(messageFlowFromForm, formFields);
