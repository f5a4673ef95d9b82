// Node ESM entry: the CommonJS entry's API, so that `import` and `require`
// in one process share one WebAssembly instance (the module loads on the
// first call, never at import).
import api from './node.cjs';

export const {
  validateCallFlow, validateCallFlowJson, validateMessageFlow, validateMessageFlowJson,
  normalizeCallFlow, normalizeCallFlowJson, normalizeMessageFlow, normalizeMessageFlowJson,
  buildCallFlowRequest, buildMessageFlowRequest, callFlowFromForm, messageFlowFromForm,
  callFlowFromResponse, callFlowFromResponseJson, messageFlowFromResponse, messageFlowFromResponseJson,
  callFlowSchema, messageFlowSchema, callFlowFormSchema, messageFlowFormSchema,
  init, initSync,
} = api;
export default init;
