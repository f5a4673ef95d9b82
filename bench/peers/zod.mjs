// The call flow and message flow rule sets (../../shared/spec/RULES.md, ../docs/DECISIONS.md)
// written in Zod 4, as faithfully as Zod allows. See ../README.md for what it cannot express.
import * as z from 'zod';
import {
  NON_BLANK, TIME, TOKEN, HEADER_VALUE, HTTP_SCHEME, TIMEZONES,
  CALL_DIRECTIONS, MESSAGE_DIRECTIONS, WELCOME_TYPES, METHODS, CHANNELS,
  duplicates, isBlank,
} from './formats.mjs';

// Null in an optional field means absent (DECISIONS), hence .nullish() throughout.
const str = z.string();
const bool = z.boolean();
const nonBlank = z.string().regex(NON_BLANK, 'must not be empty');
const withDefault = (schema, value) => schema.nullish().transform((v) => v ?? value);
const httpUrl = z.url({ protocol: /^https?$/ }).regex(HTTP_SCHEME, 'must be an absolute http(s) URL');
const urlOrEmpty = z.union([z.literal(''), httpUrl]);
const time = z.string().regex(TIME, 'must be a 24-hour HH:MM time');
const timezone = z.string().refine((s) => TIMEZONES.has(s), 'must be an IANA time zone name');
const nonNegative = z.number().min(0);
const anyArray = z.array(z.unknown());

const issue = (ctx, code, message, path) => ctx.addIssue({ code: 'custom', message, path, params: { code } });
const uniqueBy = (key, what) => (items, ctx) => {
  for (const [i, k] of duplicates(items, (x) => x[key])) issue(ctx, 'duplicate', `repeats the ${what} ${k}`, [i, key]);
};
const movedConflict = (ctx, a, b, path) => {
  if (a != null && b != null && JSON.stringify(a) !== JSON.stringify(b)) issue(ctx, 'conflict', 'differs from the canonical field', path);
};

// ---- call flow ----
const node = z.looseObject({ id: nonBlank });
const edge = z.looseObject({ id: nonBlank.nullish(), source: nonBlank, target: nonBlank });
const flowData = z
  .object({ nodes: withDefault(z.array(node), []), edges: withDefault(z.array(edge), []) })
  .superRefine((fd, ctx) => {
    const ids = new Set();
    fd.nodes.forEach((n, i) => {
      if (ids.has(n.id)) issue(ctx, 'duplicate', `repeats the node id ${n.id}`, ['nodes', i, 'id']);
      else ids.add(n.id);
    });
    for (const [i, k] of duplicates(fd.edges, (e) => e.id)) issue(ctx, 'duplicate', `repeats the edge id ${k}`, ['edges', i, 'id']);
    fd.edges.forEach((e, i) => {
      if (!ids.has(e.source)) issue(ctx, 'dangling_reference', `names no node: ${e.source}`, ['edges', i, 'source']);
      if (!ids.has(e.target)) issue(ctx, 'dangling_reference', `names no node: ${e.target}`, ['edges', i, 'target']);
    });
  });

const variable = z.object({ key: nonBlank, value: str.nullish() });
const collection = z.object({
  id: nonBlank.nullish(),
  name: nonBlank,
  variables: withDefault(z.array(variable).superRefine(uniqueBy('key', 'variable key')), []),
  isDefault: withDefault(bool, false),
});
const collections = z.array(collection).superRefine((cs, ctx) => {
  uniqueBy('id', 'collection id')(cs, ctx);
  let seen = false;
  cs.forEach((c, i) => {
    if (c.isDefault && seen) issue(ctx, 'multiple_defaults', 'is a second default collection', [i, 'isDefault']);
    seen ||= c.isDefault;
  });
});

const headerPair = z.object({ name: z.string().regex(TOKEN), value: z.string().regex(HEADER_VALUE) });
const headers = z
  .union([z.record(z.string().regex(TOKEN), z.string().regex(HEADER_VALUE)), z.array(headerPair)])
  .superRefine((h, ctx) => {
    const names = Array.isArray(h) ? h.map((p) => p.name) : Object.keys(h);
    for (const [i, k] of duplicates(names, (n) => n.toLowerCase()))
      issue(ctx, 'duplicate', `repeats the header ${k}`, Array.isArray(h) ? [i, 'name'] : [names[i]]);
  });
const namedList = (fields, what) =>
  z.array(z.object({ name: nonBlank, ...fields })).superRefine(uniqueBy('name', what));
const webhookVariables = namedList({ description: str.nullish() }, 'variable');
const webhook = z
  .object({
    name: nonBlank,
    url: httpUrl,
    method: z.enum(METHODS).nullish(),
    headers: headers.nullish(),
    body: z.union([str, anyArray, z.looseObject({})]).nullish(),
    description: str.nullish(),
    variablesforcallflow: webhookVariables.nullish(),
    responseVariables: namedList({ path: str.nullish(), description: str.nullish() }, 'response variable').nullish(),
    isTesting: bool.nullish(),
    textToSpeak: str.nullish(),
    testResponse: z.unknown().optional(),
    variables: webhookVariables.nullish(), // the update page's name: moved to variablesforcallflow
  })
  .superRefine((w, ctx) => movedConflict(ctx, w.variablesforcallflow, w.variables, ['variables']));
const webhooks = z.array(webhook).superRefine(uniqueBy('name', 'webhook name'));

// ---- message flow parts (also used by call flow settings.responseSettings) ----
const WH = ['enabled', 'start', 'end', 'timezone', 'outOfHoursMessage'];
const workingHoursShape = {
  enabled: bool.nullish(),
  start: time.nullish(),
  end: time.nullish(),
  timezone: timezone.nullish(),
  outOfHoursMessage: str.nullish(),
};
const responseSettings = z
  .object({ delay: nonNegative.nullish(), workingHours: z.object(workingHoursShape).nullish(), ...workingHoursShape })
  .superRefine((rs, ctx) => {
    const wh = rs.workingHours ?? {};
    const eff = {};
    for (const f of WH) {
      movedConflict(ctx, wh[f], rs[f], [f]);
      eff[f] = wh[f] ?? rs[f];
    }
    if (eff.enabled === true) {
      if (eff.start == null) issue(ctx, 'required', 'is required when working hours are enabled', ['workingHours', 'start']);
      if (eff.end == null) issue(ctx, 'required', 'is required when working hours are enabled', ['workingHours', 'end']);
      else if (eff.start === eff.end) issue(ctx, 'empty_window', 'equals the start time', [wh.end != null ? 'workingHours' : null, 'end'].filter(Boolean));
    }
  })
  .transform((rs) => {
    // Defaults are filled whenever working hours (nested or flat) are given; flat fields move in.
    if (rs.workingHours == null && WH.every((f) => rs[f] == null)) return rs;
    const out = { delay: rs.delay, workingHours: { ...rs.workingHours } };
    for (const f of WH) out.workingHours[f] ??= rs[f];
    out.workingHours.enabled ??= false;
    out.workingHours.timezone ??= 'UTC';
    return out;
  });

const callSettings = z.object({
  trilletVoiceGuard: bool.nullish(),
  reminderMessages: anyArray.nullish(),
  maxCallDuration: z.number().gt(0).nullish(),
  endCallOnSilence: nonNegative.nullish(),
});
const callFlowSettings = z
  .object({
    welcomeMessage: z.enum(WELCOME_TYPES).nullish(),
    customWelcomeMessage: str.nullish(),
    webhooks: z.object({ agent: urlOrEmpty.nullish(), inbound: urlOrEmpty.nullish() }).nullish(),
    enableHumanLikeVoiceAndTone: bool.nullish(),
    welcomeMessageDelay: nonNegative.nullish(),
    customerLocation: str.nullish(),
    transfers: anyArray.nullish(),
    knowledgeBases: anyArray.nullish(),
    utilizePriorCallsContext: bool.nullish(),
    callSettings: callSettings.nullish(),
    callSetting: callSettings.nullish(), // another page's spelling: moved to callSettings
    security: z.object({ hipaaCompliance: bool.nullish(), publicAccess: bool.nullish() }).nullish(),
    responseSettings: responseSettings.nullish(),
  })
  .superRefine((s, ctx) => movedConflict(ctx, s.callSettings, s.callSetting, ['callSetting']));

export const callFlowSchema = z
  .object({
    name: nonBlank,
    direction: z.enum(CALL_DIRECTIONS, 'must be outbound or bidirectional (call flows cannot be created inbound)'),
    description: str.nullish(),
    agent: nonBlank.nullish(),
    promptType: withDefault(z.enum(['simple']), 'simple'),
    folderId: nonBlank.nullish(),
    isGlobal: bool.nullish(),
    isPreConfigured: withDefault(bool, false),
    preConfiguredWorkspaceId: nonBlank.nullish(),
    welcomeMessage: z.enum(WELCOME_TYPES).nullish(),
    customWelcomeMessage: str.nullish(),
    flowData: flowData.nullish(),
    prompt: str.nullish(),
    isActive: withDefault(bool, true),
    agentWebhookUrl: urlOrEmpty.nullish(),
    inboundWebhookUrl: urlOrEmpty.nullish(),
    dynamicVariableCollections: collections.nullish(),
    webhooks: webhooks.nullish(),
    settings: callFlowSettings.nullish(),
  })
  .superRefine((f, ctx) => {
    const s = f.settings ?? {};
    // Mirrors: a different value in settings is a conflict.
    for (const [top, mirror, path] of [
      [f.welcomeMessage, s.welcomeMessage, ['settings', 'welcomeMessage']],
      [f.customWelcomeMessage, s.customWelcomeMessage, ['settings', 'customWelcomeMessage']],
      [f.agentWebhookUrl, s.webhooks?.agent, ['settings', 'webhooks', 'agent']],
      [f.inboundWebhookUrl, s.webhooks?.inbound, ['settings', 'webhooks', 'inbound']],
    ])
      if (top != null && mirror != null && top !== mirror) issue(ctx, 'conflict', 'differs from the top-level field', path);
    const type = f.welcomeMessage ?? s.welcomeMessage ?? 'user_initiated';
    const custom = f.customWelcomeMessage ?? s.customWelcomeMessage;
    if (type === 'ai_custom' && isBlank(custom))
      issue(ctx, custom == null ? 'required' : 'empty', 'is required with welcomeMessage ai_custom', ['customWelcomeMessage']);
    if (type !== 'ai_custom' && !isBlank(custom))
      issue(ctx, 'only_with', 'is allowed only with welcomeMessage ai_custom', ['customWelcomeMessage']);
  });

// ---- message flow ----
const MOVED_TO_TOP = ['initiationMessage', 'prompt', 'isActive', 'autopilot', 'messageChannel'];
const moveable = {
  initiationMessage: nonBlank.nullish(),
  prompt: nonBlank.nullish(),
  isActive: bool.nullish(),
  autopilot: bool.nullish(),
  messageChannel: z.enum(CHANNELS).nullish(),
};
const messageFlowSettings = z.object({
  responseSettings: responseSettings.nullish(),
  security: z.object({ hipaaCompliance: bool.nullish() }).nullish(),
  emailSettings: z.object({ subjectLine: str.nullish(), signature: str.nullish() }).nullish(),
  ...moveable, // the seed lists these under settings: moved to the top level
});

export const messageFlowSchema = z
  .object({
    name: nonBlank,
    direction: z.enum(MESSAGE_DIRECTIONS),
    description: str.nullish(),
    agent: nonBlank,
    ...moveable,
    settings: messageFlowSettings.nullish(),
  })
  .superRefine((f, ctx) => {
    const s = f.settings ?? {};
    for (const k of MOVED_TO_TOP) movedConflict(ctx, f[k], s[k], ['settings', k]);
    for (const k of ['initiationMessage', 'prompt', 'messageChannel'])
      if (f[k] == null && s[k] == null) issue(ctx, 'required', 'is required', [k]);
  })
  .transform((f) => {
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
  });

const result = (r) => (r.success ? { valid: true, issues: [], value: r.data } : { valid: false, issues: r.error.issues });
export const validateCallFlow = (input) => result(callFlowSchema.safeParse(input));
export const validateMessageFlow = (input) => result(messageFlowSchema.safeParse(input));
