'use strict';
// Node CommonJS entry: the WebAssembly module loads synchronously on require.
const glue = require('./trillet_flows_node.cjs');
const { makeSchema } = require('./schema.cjs');

module.exports = {
  ...glue,
  /** Already loaded in Node; resolves at once (for code shared with browsers). */
  init: () => Promise.resolve(),
  initSync: () => undefined,
  callFlowSchema: makeSchema(glue.normalizeCallFlow),
  messageFlowSchema: makeSchema(glue.normalizeMessageFlow),
};
module.exports.default = module.exports.init;
