// Browser and bundler entry. Call `await init()` once before anything else
// (safe to call again), or `initSync({ module: bytes })`.
import wasmInit, { initSync, normalizeCallFlow, normalizeMessageFlow } from './trillet_flows.js';
import { makeSchema } from './schema.js';

export * from './trillet_flows.js';
export { initSync };

let ready;
/** Loads the WebAssembly module; resolves when the API is ready. Safe to call twice. */
export function init(input) {
  ready ??= wasmInit(input === undefined ? undefined : { module_or_path: input }).then(() => undefined, (e) => {
    ready = undefined;
    throw e;
  });
  return ready;
}
export default init;

/** Standard Schema v1 of a call flow: validate() gives the normalized payload or the errors. */
export const callFlowSchema = makeSchema(normalizeCallFlow);
/** Standard Schema v1 of a message flow. */
export const messageFlowSchema = makeSchema(normalizeMessageFlow);
