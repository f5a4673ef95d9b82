const t = require('trillet-flows');

// check.js is ESM; the same checks, written out for CommonJS.
const payload = { name: 'Support Line', direction: 'outbound', settings: { welcomeMessageDelay: 2 } };
const built = t.buildCallFlowRequest(payload, { apiKey: 'tk_test_0123456789', workspaceId: 'ws_1' });
console.log(JSON.stringify({
  valid: t.validateCallFlow(payload),
  invalid: t.validateCallFlow({ name: '', direction: 'inbound' }).issues.map((i) => [i.code, i.pointer]),
  normalized: t.normalizeCallFlow(payload).value,
  url: built.ok ? built.request.url : built.issues,
  form: t.callFlowFormSchema['~standard'].validate({ name: 'F', direction: 'outbound', isActive: 'off' }).value?.isActive,
}));
