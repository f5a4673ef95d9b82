// The call flow and message flow rule sets (../../shared/spec/RULES.md, ../docs/DECISIONS.md)
// written in Valibot 1, as faithfully as Valibot allows. See ../README.md for what it cannot express.
import * as v from 'valibot';
import {
  NON_BLANK, TIME, TOKEN, HEADER_VALUE, HTTP_SCHEME, TIMEZONES,
  CALL_DIRECTIONS, MESSAGE_DIRECTIONS, WELCOME_TYPES, METHODS, CHANNELS,
  duplicates, isBlank,
} from './formats.mjs';

// Null in an optional field means absent (DECISIONS): v.nullish() throughout; its second
// argument fills a default for null and undefined alike.
const str = v.string();
const bool = v.boolean();
const nonBlank = v.pipe(v.string(), v.regex(NON_BLANK, 'must not be empty'));
const httpUrl = v.pipe(v.string(), v.url('must be an absolute URL'), v.regex(HTTP_SCHEME, 'must be an http(s) URL'));
const urlOrEmpty = v.union([v.literal(''), httpUrl]);
const time = v.pipe(v.string(), v.regex(TIME, 'must be a 24-hour HH:MM time'));
const timezone = v.pipe(v.string(), v.check((s) => TIMEZONES.has(s), 'must be an IANA time zone name'));
const nonNegative = v.pipe(v.number(), v.finite(), v.minValue(0));
const anyArray = v.array(v.unknown());

// rawCheck helpers: report issues with a path below the checked value.
const pathOf = (keys) => keys.map((key) => ({ type: typeof key === 'number' ? 'array' : 'object', origin: 'value', input: undefined, key, value: undefined }));
const checks = (fn) =>
  v.rawCheck(({ dataset, addIssue }) => {
    if (dataset.typed) fn(dataset.value, (code, message, path) => addIssue({ message, path: pathOf(path), received: code }));
  });
const uniqueBy = (key, what) =>
  checks((items, issue) => {
    for (const [i, k] of duplicates(items, (x) => x[key])) issue('duplicate', `repeats the ${what} ${k}`, [i, key]);
  });
const movedConflict = (issue, a, b, path) => {
  if (a != null && b != null && JSON.stringify(a) !== JSON.stringify(b)) issue('conflict', 'differs from the canonical field', path);
};

// ---- call flow ----
const node = v.looseObject({ id: nonBlank });
const edge = v.looseObject({ id: v.nullish(nonBlank), source: nonBlank, target: nonBlank });
const flowData = v.pipe(
  v.object({ nodes: v.nullish(v.array(node), []), edges: v.nullish(v.array(edge), []) }),
  checks((fd, issue) => {
    const ids = new Set();
    fd.nodes.forEach((n, i) => {
      if (ids.has(n.id)) issue('duplicate', `repeats the node id ${n.id}`, ['nodes', i, 'id']);
      else ids.add(n.id);
    });
    for (const [i, k] of duplicates(fd.edges, (e) => e.id)) issue('duplicate', `repeats the edge id ${k}`, ['edges', i, 'id']);
    fd.edges.forEach((e, i) => {
      if (!ids.has(e.source)) issue('dangling_reference', `names no node: ${e.source}`, ['edges', i, 'source']);
      if (!ids.has(e.target)) issue('dangling_reference', `names no node: ${e.target}`, ['edges', i, 'target']);
    });
  }),
);

const variable = v.object({ key: nonBlank, value: v.nullish(str) });
const collection = v.object({
  id: v.nullish(nonBlank),
  name: nonBlank,
  variables: v.nullish(v.pipe(v.array(variable), uniqueBy('key', 'variable key')), []),
  isDefault: v.nullish(bool, false),
});
const collections = v.pipe(
  v.array(collection),
  uniqueBy('id', 'collection id'),
  checks((cs, issue) => {
    let seen = false;
    cs.forEach((c, i) => {
      if (c.isDefault && seen) issue('multiple_defaults', 'is a second default collection', [i, 'isDefault']);
      seen ||= c.isDefault;
    });
  }),
);

const headerName = v.pipe(v.string(), v.regex(TOKEN, 'must be an HTTP token'));
const headerValue = v.pipe(v.string(), v.regex(HEADER_VALUE, 'must not hold control characters'));
const headers = v.pipe(
  v.union([v.record(headerName, headerValue), v.array(v.object({ name: headerName, value: headerValue }))]),
  checks((h, issue) => {
    const names = Array.isArray(h) ? h.map((p) => p.name) : Object.keys(h);
    for (const [i, k] of duplicates(names, (n) => n.toLowerCase()))
      issue('duplicate', `repeats the header ${k}`, Array.isArray(h) ? [i, 'name'] : [names[i]]);
  }),
);
const namedList = (fields, what) => v.pipe(v.array(v.object({ name: nonBlank, ...fields })), uniqueBy('name', what));
const webhookVariables = namedList({ description: v.nullish(str) }, 'variable');
const webhook = v.pipe(
  v.object({
    name: nonBlank,
    url: httpUrl,
    method: v.nullish(v.picklist(METHODS)),
    headers: v.nullish(headers),
    body: v.nullish(v.union([str, anyArray, v.looseObject({})])),
    description: v.nullish(str),
    variablesforcallflow: v.nullish(webhookVariables),
    responseVariables: v.nullish(namedList({ path: v.nullish(str), description: v.nullish(str) }, 'response variable')),
    isTesting: v.nullish(bool),
    textToSpeak: v.nullish(str),
    testResponse: v.optional(v.unknown()),
    variables: v.nullish(webhookVariables), // the update page's name: moved to variablesforcallflow
  }),
  checks((w, issue) => movedConflict(issue, w.variablesforcallflow, w.variables, ['variables'])),
);
const webhooks = v.pipe(v.array(webhook), uniqueBy('name', 'webhook name'));

// ---- message flow parts (also used by call flow settings.responseSettings) ----
const WH = ['enabled', 'start', 'end', 'timezone', 'outOfHoursMessage'];
const workingHoursEntries = {
  enabled: v.nullish(bool),
  start: v.nullish(time),
  end: v.nullish(time),
  timezone: v.nullish(timezone),
  outOfHoursMessage: v.nullish(str),
};
const responseSettings = v.pipe(
  v.object({ delay: v.nullish(nonNegative), workingHours: v.nullish(v.object(workingHoursEntries)), ...workingHoursEntries }),
  checks((rs, issue) => {
    const wh = rs.workingHours ?? {};
    const eff = {};
    for (const f of WH) {
      movedConflict(issue, wh[f], rs[f], [f]);
      eff[f] = wh[f] ?? rs[f];
    }
    if (eff.enabled === true) {
      if (eff.start == null) issue('required', 'is required when working hours are enabled', ['workingHours', 'start']);
      if (eff.end == null) issue('required', 'is required when working hours are enabled', ['workingHours', 'end']);
      else if (eff.start === eff.end) issue('empty_window', 'equals the start time', wh.end != null ? ['workingHours', 'end'] : ['end']);
    }
  }),
  v.transform((rs) => {
    // Defaults are filled whenever working hours (nested or flat) are given; flat fields move in.
    if (rs.workingHours == null && WH.every((f) => rs[f] == null)) return rs;
    const workingHours = { ...rs.workingHours };
    for (const f of WH) workingHours[f] ??= rs[f];
    workingHours.enabled ??= false;
    workingHours.timezone ??= 'UTC';
    return rs.delay == null ? { workingHours } : { delay: rs.delay, workingHours };
  }),
);

const callSettings = v.object({
  trilletVoiceGuard: v.nullish(bool),
  reminderMessages: v.nullish(anyArray),
  maxCallDuration: v.nullish(v.pipe(v.number(), v.finite(), v.gtValue(0))),
  endCallOnSilence: v.nullish(nonNegative),
});
const callFlowSettings = v.pipe(
  v.object({
    welcomeMessage: v.nullish(v.picklist(WELCOME_TYPES)),
    customWelcomeMessage: v.nullish(str),
    webhooks: v.nullish(v.object({ agent: v.nullish(urlOrEmpty), inbound: v.nullish(urlOrEmpty) })),
    enableHumanLikeVoiceAndTone: v.nullish(bool),
    welcomeMessageDelay: v.nullish(nonNegative),
    customerLocation: v.nullish(str),
    transfers: v.nullish(anyArray),
    knowledgeBases: v.nullish(anyArray),
    utilizePriorCallsContext: v.nullish(bool),
    callSettings: v.nullish(callSettings),
    callSetting: v.nullish(callSettings), // another page's spelling: moved to callSettings
    security: v.nullish(v.object({ hipaaCompliance: v.nullish(bool), publicAccess: v.nullish(bool) })),
    responseSettings: v.nullish(responseSettings),
  }),
  checks((s, issue) => movedConflict(issue, s.callSettings, s.callSetting, ['callSetting'])),
);

export const callFlowSchema = v.pipe(
  v.object({
    name: nonBlank,
    direction: v.picklist(CALL_DIRECTIONS, 'must be outbound or bidirectional (call flows cannot be created inbound)'),
    description: v.nullish(str),
    agent: v.nullish(nonBlank),
    promptType: v.nullish(v.picklist(['simple']), 'simple'),
    folderId: v.nullish(nonBlank),
    isGlobal: v.nullish(bool),
    isPreConfigured: v.nullish(bool, false),
    preConfiguredWorkspaceId: v.nullish(nonBlank),
    welcomeMessage: v.nullish(v.picklist(WELCOME_TYPES)),
    customWelcomeMessage: v.nullish(str),
    flowData: v.nullish(flowData),
    prompt: v.nullish(str),
    isActive: v.nullish(bool, true),
    agentWebhookUrl: v.nullish(urlOrEmpty),
    inboundWebhookUrl: v.nullish(urlOrEmpty),
    dynamicVariableCollections: v.nullish(collections),
    webhooks: v.nullish(webhooks),
    settings: v.nullish(callFlowSettings),
  }),
  checks((f, issue) => {
    const s = f.settings ?? {};
    // Mirrors: a different value in settings is a conflict.
    for (const [top, mirror, path] of [
      [f.welcomeMessage, s.welcomeMessage, ['settings', 'welcomeMessage']],
      [f.customWelcomeMessage, s.customWelcomeMessage, ['settings', 'customWelcomeMessage']],
      [f.agentWebhookUrl, s.webhooks?.agent, ['settings', 'webhooks', 'agent']],
      [f.inboundWebhookUrl, s.webhooks?.inbound, ['settings', 'webhooks', 'inbound']],
    ])
      if (top != null && mirror != null && top !== mirror) issue('conflict', 'differs from the top-level field', path);
    const type = f.welcomeMessage ?? s.welcomeMessage ?? 'user_initiated';
    const custom = f.customWelcomeMessage ?? s.customWelcomeMessage;
    if (type === 'ai_custom' && isBlank(custom))
      issue(custom == null ? 'required' : 'empty', 'is required with welcomeMessage ai_custom', ['customWelcomeMessage']);
    if (type !== 'ai_custom' && !isBlank(custom))
      issue('only_with', 'is allowed only with welcomeMessage ai_custom', ['customWelcomeMessage']);
  }),
);

// ---- message flow ----
const MOVED_TO_TOP = ['initiationMessage', 'prompt', 'isActive', 'autopilot', 'messageChannel'];
const moveable = {
  initiationMessage: v.nullish(nonBlank),
  prompt: v.nullish(nonBlank),
  isActive: v.nullish(bool),
  autopilot: v.nullish(bool),
  messageChannel: v.nullish(v.picklist(CHANNELS)),
};
const messageFlowSettings = v.object({
  responseSettings: v.nullish(responseSettings),
  security: v.nullish(v.object({ hipaaCompliance: v.nullish(bool) })),
  emailSettings: v.nullish(v.object({ subjectLine: v.nullish(str), signature: v.nullish(str) })),
  ...moveable, // the seed lists these under settings: moved to the top level
});

export const messageFlowSchema = v.pipe(
  v.object({
    name: nonBlank,
    direction: v.picklist(MESSAGE_DIRECTIONS),
    description: v.nullish(str),
    agent: nonBlank,
    ...moveable,
    settings: v.nullish(messageFlowSettings),
  }),
  checks((f, issue) => {
    const s = f.settings ?? {};
    for (const k of MOVED_TO_TOP) movedConflict(issue, f[k], s[k], ['settings', k]);
    for (const k of ['initiationMessage', 'prompt', 'messageChannel'])
      if (f[k] == null && s[k] == null) issue('required', 'is required', [k]);
  }),
  v.transform((f) => {
    const s = f.settings ?? {};
    const out = { ...f };
    for (const k of MOVED_TO_TOP) out[k] ??= s[k];
    out.isActive ??= false;
    out.autopilot ??= false;
    if (f.settings) {
      out.settings = { ...f.settings };
      for (const k of MOVED_TO_TOP) delete out.settings[k];
    }
    return out;
  }),
);

const result = (r) => (r.success ? { valid: true, issues: [], value: r.output } : { valid: false, issues: r.issues });
export const validateCallFlow = (input) => result(v.safeParse(callFlowSchema, input));
export const validateMessageFlow = (input) => result(v.safeParse(messageFlowSchema, input));
