#!/usr/bin/env node
// Prints one real example per issue code (markdown table rows for the README),
// from the built package: `node scripts/issue-examples.mjs`.
import * as tf from '../pkg/node.mjs';

const call = { name: 'Support', direction: 'outbound' };
const msg = { name: 'Sale', direction: 'outbound', agent: '676b8e123456789012345679', initiationMessage: 'Hi!', prompt: 'Be brief.', messageChannel: 'SMS' };
const cases = [
  ['required', 'call', { direction: 'outbound' }],
  ['empty', 'call', { ...call, name: '  ' }],
  ['invalid_type', 'call', { ...call, isActive: 'yes' }],
  ['invalid_enum', 'call', { ...call, direction: 'inbound' }],
  ['only_with', 'call', { ...call, customWelcomeMessage: 'Hello!' }],
  ['conflict', 'call', { ...call, welcomeMessage: 'ai_dynamic', settings: { welcomeMessage: 'user_initiated' } }],
  ['invalid_url', 'call', { ...call, agentWebhookUrl: 'example.com/hook' }],
  ['insecure_url', 'call', { ...call, agentWebhookUrl: 'http://example.com/hook' }],
  ['unreachable_url', 'call', { ...call, agentWebhookUrl: 'https://localhost:3000/hook' }],
  ['unusual_id', 'call', { ...call, agent: 'my-agent' }],
  ['too_small', 'call', { ...call, settings: { welcomeMessageDelay: -1 } }],
  ['invalid_time', 'message', { ...msg, settings: { responseSettings: { workingHours: { start: '9:00' } } } }],
  ['invalid_timezone', 'message', { ...msg, settings: { responseSettings: { workingHours: { timezone: 'america/new_york' } } } }],
  ['empty_window', 'message', { ...msg, settings: { responseSettings: { workingHours: { enabled: true, start: '09:00', end: '09:00', outOfHoursMessage: 'Closed.' } } } }],
  ['duplicate', 'call', { ...call, flowData: { nodes: [{ id: 'a' }, { id: 'a' }] } }],
  ['dangling_reference', 'call', { ...call, flowData: { nodes: [{ id: 'a' }], edges: [{ source: 'a', target: 'b' }] } }],
  ['multiple_defaults', 'call', { ...call, dynamicVariableCollections: [{ name: 'A', isDefault: true }, { name: 'B', isDefault: true }] }],
  ['invalid_header', 'call', { ...call, webhooks: [{ name: 'w', url: 'https://x.io', headers: { 'X Token': 'a' } }] }],
  ['moved', 'message', { ...msg, prompt: undefined, settings: { prompt: 'Be brief.' } }],
  ['unknown_key', 'call', { ...call, isactive: true }],
  ['read_only', 'call', { ...call, _id: '676b8e123456789012345678' }],
  ['ignored_for_channel', 'message', { ...msg, settings: { emailSettings: { subjectLine: 'Hi' } } }],
  ['recommended', 'message', { ...msg, messageChannel: 'Email' }],
  ['invalid_json', 'text', '{"name": "Support",}'],
  ['too_large', 'call', { ...call, settings: { transfers: new Array(10001).fill(1) } }],
];
const FRAGMENTS = {
  "required": "no `name`",
  "empty": "`\"name\": \"  \"`",
  "invalid_type": "`\"isActive\": \"yes\"`",
  "invalid_enum": "`\"direction\": \"inbound\"`",
  "only_with": "`\"customWelcomeMessage\": \"Hello!\"` (type `user_initiated`)",
  "conflict": "`\"welcomeMessage\": \"ai_dynamic\"`, `settings.welcomeMessage: \"user_initiated\"`",
  "invalid_url": "`\"agentWebhookUrl\": \"example.com/hook\"`",
  "insecure_url": "`\"agentWebhookUrl\": \"http://example.com/hook\"`",
  "unreachable_url": "`\"agentWebhookUrl\": \"https://localhost:3000/hook\"`",
  "unusual_id": "`\"agent\": \"my-agent\"`",
  "too_small": "`settings.welcomeMessageDelay: -1`",
  "invalid_time": "`workingHours.start: \"9:00\"`",
  "invalid_timezone": "`workingHours.timezone: \"america/new_york\"`",
  "empty_window": "`start` and `end` both `\"09:00\"`, enabled",
  "duplicate": "two nodes with `id: \"a\"`",
  "dangling_reference": "edge to node `\"b\"`, which does not exist",
  "multiple_defaults": "two collections with `isDefault: true`",
  "invalid_header": "header name `\"X Token\"`",
  "moved": "message flow `settings.prompt`",
  "unknown_key": "`\"isactive\": true`",
  "read_only": "`\"_id\": \"676b\u2026\"`",
  "ignored_for_channel": "`emailSettings` on an SMS flow",
  "recommended": "Email flow without a subject line",
  "invalid_json": "`{\"name\": \"Support\",}`",
  "too_large": "`settings.transfers` with 10,001 items"
};
console.log('| code | severity | example | pointer | message |');
console.log('| --- | --- | --- | --- | --- |');
for (const [code, kind, input] of cases) {
  const r = kind === 'call' ? tf.validateCallFlow(input) : kind === 'message' ? tf.validateMessageFlow(input) : tf.validateCallFlowJson(input);
  const issue = r.issues.find((i) => i.code === code);
  if (!issue) throw new Error(`no ${code} for ${short(input)}: ${JSON.stringify(r.issues)}`);
  const shown = FRAGMENTS[code];
  console.log(`| \`${code}\` | ${issue.severity} | ${shown} | \`${issue.pointer || '""'}\` | ${issue.message.replaceAll('|', '\\|')} |`);
}
