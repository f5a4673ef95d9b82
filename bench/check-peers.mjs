// Rule-by-rule check of the peers (and ours, when ../pkg/node.mjs exists): each case says whether
// RULES.md makes it valid; the table shows which library agrees. Usage: node check-peers.mjs
import { existsSync } from 'node:fs';
import { seedCallFlow, seedMessageFlow } from './payloads.mjs';
import * as zod from './peers/zod.mjs';
import * as valibot from './peers/valibot.mjs';
import * as ajv from './peers/ajv.mjs';

const call = (f) => () => { const x = seedCallFlow(); f(x); return x; };
const msg = (f) => () => { const x = seedMessageFlow(); f(x); return x; };
const wh = (extra = {}) => ({ name: 'hook', url: 'https://example.com/h', ...extra });
const hours = (x, o) => Object.assign(x.settings.responseSettings.workingHours, o);

export const CASES = [
  ['call', 'direction Outbound (case)', false, call((x) => { x.direction = 'Outbound'; })],
  ['call', 'promptType advanced', false, call((x) => { x.promptType = 'advanced'; })],
  ['call', 'folderId null, unknown key, _id', true, call((x) => { x.folderId = null; x.foo = 1; x._id = 'x'; })],
  ['call', 'ai_custom without customWelcomeMessage', false, call((x) => { x.welcomeMessage = 'ai_custom'; x.settings.welcomeMessage = 'ai_custom'; delete x.customWelcomeMessage; delete x.settings.customWelcomeMessage; })],
  ['call', 'ai_custom, message only in settings mirror', true, call((x) => { delete x.welcomeMessage; delete x.customWelcomeMessage; x.settings.welcomeMessage = 'ai_custom'; x.settings.customWelcomeMessage = 'Hi!'; })],
  ['call', 'customWelcomeMessage with user_initiated', false, call((x) => { x.customWelcomeMessage = 'Hi'; x.settings.customWelcomeMessage = 'Hi'; })],
  ['call', 'settings.welcomeMessage conflict', false, call((x) => { x.settings.welcomeMessage = 'ai_dynamic'; })],
  ['call', 'agentWebhookUrl without scheme', false, call((x) => { x.agentWebhookUrl = 'example.com/hook'; x.settings.webhooks.agent = 'example.com/hook'; })],
  ['call', 'agentWebhookUrl http://localhost', true, call((x) => { x.agentWebhookUrl = 'http://localhost:3000/x'; x.settings.webhooks.agent = 'http://localhost:3000/x'; })],
  ['call', 'webhook method post (case)', false, call((x) => { x.webhooks = [wh({ method: 'post' })]; })],
  ['call', 'webhook header name with space', false, call((x) => { x.webhooks = [wh({ headers: { 'Bad Header': 'x' } })]; })],
  ['call', 'webhook header value with newline', false, call((x) => { x.webhooks = [wh({ headers: { 'X-A': 'a\r\nb' } })]; })],
  ['call', 'webhook headers as [{name, value}]', true, call((x) => { x.webhooks = [wh({ headers: [{ name: 'X-A', value: '1' }] })]; })],
  ['call', 'webhook header names equal ignoring case', false, call((x) => { x.webhooks = [wh({ headers: { 'X-A': '1', 'x-a': '2' } })]; })],
  ['call', 'webhook names duplicate (a warning)', true, call((x) => { x.webhooks = [wh(), wh()]; })],
  ['call', 'webhook variable names duplicate', false, call((x) => { x.webhooks = [wh({ variablesforcallflow: [{ name: 'a' }, { name: 'a' }] })]; })],
  ['call', 'webhook without url', false, call((x) => { x.webhooks = [{ name: 'hook' }]; })],
  ['call', 'two default collections', false, call((x) => { x.dynamicVariableCollections = [{ name: 'a', isDefault: true }, { name: 'b', isDefault: true }]; })],
  ['call', 'collection ids duplicate', false, call((x) => { x.dynamicVariableCollections = [{ id: 'c', name: 'a' }, { id: 'c', name: 'b' }]; })],
  ['call', 'variable keys duplicate', false, call((x) => { x.dynamicVariableCollections = [{ name: 'a', variables: [{ key: 'k' }, { key: 'k' }] }]; })],
  ['call', 'node ids duplicate', false, call((x) => { x.flowData.nodes.push({ id: 'node1' }); })],
  ['call', 'edge to a missing node', false, call((x) => { x.flowData.edges.push({ source: 'node1', target: 'nope' }); })],
  ['call', 'welcomeMessageDelay -1', false, call((x) => { x.settings.welcomeMessageDelay = -1; })],
  ['call', 'maxCallDuration 0', false, call((x) => { x.settings.callSettings.maxCallDuration = 0; })],
  ['call', 'callSetting (moved) conflicting', false, call((x) => { x.settings.callSetting = { trilletVoiceGuard: false }; })],
  ['message', 'messageChannel EMAIL (case)', false, msg((x) => { x.messageChannel = 'EMAIL'; })],
  ['message', 'direction inbound', true, msg((x) => { x.direction = 'inbound'; })],
  ['message', 'delay -5', false, msg((x) => { x.settings.responseSettings.delay = -5; })],
  ['message', 'start 9:00', false, msg((x) => { hours(x, { start: '9:00' }); })],
  ['message', 'end 24:00', false, msg((x) => { hours(x, { end: '24:00' }); })],
  ['message', 'timezone Asia/Calcutta (link)', true, msg((x) => { hours(x, { timezone: 'Asia/Calcutta' }); })],
  ['message', 'timezone america/new_york', false, msg((x) => { hours(x, { timezone: 'america/new_york' }); })],
  ['message', 'timezone +05:00', false, msg((x) => { hours(x, { timezone: '+05:00' }); })],
  ['message', 'enabled without start', false, msg((x) => { hours(x, { enabled: true, outOfHoursMessage: 'Closed' }); delete x.settings.responseSettings.workingHours.start; })],
  ['message', 'enabled, start equals end', false, msg((x) => { hours(x, { enabled: true, start: '09:00', end: '09:00', outOfHoursMessage: 'Closed' }); })],
  ['message', 'enabled, overnight 22:00-06:00', true, msg((x) => { hours(x, { enabled: true, start: '22:00', end: '06:00', outOfHoursMessage: 'Closed' }); })],
  ['message', 'flat working-hours fields (moved)', true, msg((x) => { x.settings.responseSettings = { delay: 1, enabled: true, start: '08:00', end: '18:00', timezone: 'Europe/Paris', outOfHoursMessage: 'Closed' }; })],
  ['message', 'prompt only under settings (moved)', true, msg((x) => { x.settings.prompt = x.prompt; delete x.prompt; })],
  ['message', 'settings.prompt conflicting', false, msg((x) => { x.settings.prompt = 'Something else'; })],
  ['message', 'no initiationMessage anywhere', false, msg((x) => { delete x.initiationMessage; })],
  ['message', 'agent missing', false, msg((x) => { delete x.agent; })],
];

export async function libraries() {
  const libs = { zod, valibot, ajv };
  if (existsSync(new URL('../pkg/node.mjs', import.meta.url))) {
    const tf = await import('../pkg/node.mjs');
    libs.ours = { validateCallFlow: (x) => tf.validateCallFlow(x), validateMessageFlow: (x) => tf.validateMessageFlow(x) };
  }
  return libs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const libs = await libraries();
  const names = Object.keys(libs);
  const misses = Object.fromEntries(names.map((n) => [n, []]));
  console.log(['case', 'rules', ...names].join(' | '));
  for (const [kind, label, expected, make] of CASES) {
    const cells = names.map((n) => {
      const lib = libs[n];
      const r = kind === 'call' ? lib.validateCallFlow(make()) : lib.validateMessageFlow(make());
      if (r.valid !== expected) misses[n].push(label);
      return r.valid === expected ? 'ok' : r.valid ? 'MISSED (accepts)' : 'WRONG (rejects)';
    });
    console.log([`${kind}: ${label}`, expected ? 'valid' : 'invalid', ...cells].join(' | '));
  }
  for (const n of names) console.log(`${n}: ${CASES.length - misses[n].length}/${CASES.length} agree with the rules${misses[n].length ? `; differs on: ${misses[n].join('; ')}` : ''}`);
}
