// Node ESM entry: the WebAssembly module loads synchronously on import.
import { readFileSync } from 'node:fs';
import { initSync, normalizeCallFlow, normalizeMessageFlow } from './trillet_flows.js';
import { makeSchema } from './schema.js';

initSync({ module: readFileSync(new URL('./trillet_flows_bg.wasm', import.meta.url)) });

export * from './trillet_flows.js';
export { initSync };
/** Already loaded in Node; resolves at once (for code shared with browsers). */
export function init() {
  return Promise.resolve();
}
export default init;
export const callFlowSchema = makeSchema(normalizeCallFlow);
export const messageFlowSchema = makeSchema(normalizeMessageFlow);
