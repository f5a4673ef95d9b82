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

exports.validateCallFlow = wrap(glue.validateCallFlow, 'valid');
exports.validateCallFlowJson = wrap(glue.validateCallFlowJson, 'valid');
exports.validateMessageFlow = wrap(glue.validateMessageFlow, 'valid');
exports.validateMessageFlowJson = wrap(glue.validateMessageFlowJson, 'valid');
exports.normalizeCallFlow = wrap(glue.normalizeCallFlow, 'ok');
exports.normalizeCallFlowJson = wrap(glue.normalizeCallFlowJson, 'ok');
exports.normalizeMessageFlow = wrap(glue.normalizeMessageFlow, 'ok');
exports.normalizeMessageFlowJson = wrap(glue.normalizeMessageFlowJson, 'ok');
exports.buildCallFlowRequest = wrap(glue.buildCallFlowRequest, 'ok');
exports.buildMessageFlowRequest = wrap(glue.buildMessageFlowRequest, 'ok');
exports.callFlowFromForm = wrap(glue.callFlowFromForm, 'ok');
exports.messageFlowFromForm = wrap(glue.messageFlowFromForm, 'ok');
exports.callFlowFromResponse = wrap(glue.callFlowFromResponse, 'ok');
exports.callFlowFromResponseJson = wrap(glue.callFlowFromResponseJson, 'ok');
exports.messageFlowFromResponse = wrap(glue.messageFlowFromResponse, 'ok');
exports.messageFlowFromResponseJson = wrap(glue.messageFlowFromResponseJson, 'ok');
exports.callFlowSchema = makeSchema(exports.normalizeCallFlow);
exports.messageFlowSchema = makeSchema(exports.normalizeMessageFlow);
exports.callFlowFormSchema = makeSchema(exports.callFlowFromForm, formFields);
exports.messageFlowFormSchema = makeSchema(exports.messageFlowFromForm, formFields);
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
