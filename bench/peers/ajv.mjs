// The call flow and message flow rule sets (../../shared/spec/RULES.md, ../docs/DECISIONS.md)
// as JSON Schema (draft 2020-12) compiled by Ajv 8, as faithfully as JSON Schema allows.
// Ajv options: allErrors (report every issue), useDefaults (fill defaults, in place),
// $data (an Ajv extension, used only for the mirror/moved-field conflict checks).
// See ../README.md for what it cannot express.
import Ajv2020 from 'ajv/dist/2020.js';
import {
  TIME, TOKEN, HEADER_VALUE, HTTP_URL, TZ_NAMES,
  CALL_DIRECTIONS, MESSAGE_DIRECTIONS, WELCOME_TYPES, METHODS, CHANNELS,
} from './formats.mjs';

// Null in an optional field means absent (DECISIONS): optional fields also allow null.
const nonBlank = { type: 'string', pattern: '\\S' };
const optNonBlank = { type: ['string', 'null'], pattern: '\\S' };
const blankOrNull = { type: ['string', 'null'], pattern: '^\\s*$' };
const optStr = { type: ['string', 'null'] };
const optBool = { type: ['boolean', 'null'] };
const optEnum = (values) => ({ enum: [...values, null] });
const httpUrl = { type: 'string', pattern: HTTP_URL.source };
const optUrlOrEmpty = { type: ['string', 'null'], pattern: `^$|${HTTP_URL.source}` };
const optTime = { type: ['string', 'null'], pattern: TIME.source };
const optTimezone = optEnum(TZ_NAMES);
const optNonNegative = { type: ['number', 'null'], minimum: 0 };
const optArray = { type: ['array', 'null'] };
const sameAs = (pointer, schema) => ({ ...schema, const: { $data: pointer } }); // conflict check
const has = (key, schema) => ({ required: [key], properties: { [key]: schema } });
const hasIn = (outer, key, schema) => ({ required: [outer], properties: { [outer]: has(key, schema) } });

// ---- message flow parts (also used by call flow settings.responseSettings) ----
const workingHoursProps = {
  enabled: optBool,
  start: optTime,
  end: optTime,
  timezone: optTimezone,
  outOfHoursMessage: optStr,
};
const enabledTrue = { const: true };
const responseSettings = {
  type: ['object', 'null'],
  properties: {
    delay: optNonNegative,
    workingHours: {
      type: ['object', 'null'],
      properties: workingHoursProps,
      // start equal to end is an empty window (only when both are given here, not flat).
      if: { required: ['enabled', 'start', 'end'], properties: { enabled: enabledTrue } },
      then: { properties: { end: { not: { const: { $data: '1/start' } } } } },
    },
    // The docs' request sample puts the working-hours fields beside delay: moved into workingHours.
    ...Object.fromEntries(Object.entries(workingHoursProps).map(([k, s]) => [k, sameAs(`1/workingHours/${k}`, s)])),
  },
  // Enabled (in either place): start and end are required (in either place).
  if: { anyOf: [hasIn('workingHours', 'enabled', enabledTrue), has('enabled', enabledTrue)] },
  then: {
    allOf: ['start', 'end'].map((k) => ({ anyOf: [{ required: [k] }, { required: ['workingHours'], properties: { workingHours: { required: [k] } } }] })),
  },
};

// ---- call flow ----
const flowData = {
  type: ['object', 'null'],
  properties: {
    nodes: { type: 'array', default: [], items: { type: 'object', required: ['id'], properties: { id: nonBlank } } },
    edges: {
      type: 'array',
      default: [],
      items: { type: 'object', required: ['source', 'target'], properties: { id: optNonBlank, source: nonBlank, target: nonBlank } },
    },
  },
};

const collections = {
  type: ['array', 'null'],
  items: {
    type: 'object',
    required: ['name'],
    properties: {
      id: optNonBlank,
      name: nonBlank,
      variables: {
        type: 'array',
        default: [],
        items: { type: 'object', required: ['key'], properties: { key: nonBlank, value: optStr } },
      },
      isDefault: { type: 'boolean', default: false },
    },
  },
  // At most one default collection.
  contains: has('isDefault', { const: true }),
  minContains: 0,
  maxContains: 1,
};

const headerName = { type: 'string', pattern: TOKEN.source };
const headerValue = { type: 'string', pattern: HEADER_VALUE.source };
const headers = {
  // An object of header names to values, or (an older page's shape) a list of { name, value }.
  type: ['object', 'array', 'null'],
  propertyNames: headerName,
  additionalProperties: headerValue,
  items: { type: 'object', required: ['name', 'value'], properties: { name: headerName, value: headerValue } },
};
const namedList = (props) => ({
  type: ['array', 'null'],
  items: { type: 'object', required: ['name'], properties: { name: nonBlank, ...props } },
});
const webhookVariables = namedList({ description: optStr });
const webhook = {
  type: 'object',
  required: ['name', 'url'],
  properties: {
    name: nonBlank,
    url: httpUrl,
    method: optEnum(METHODS),
    headers,
    body: { type: ['string', 'object', 'array', 'null'] },
    description: optStr,
    variablesforcallflow: webhookVariables,
    responseVariables: namedList({ path: optStr, description: optStr }),
    isTesting: optBool,
    textToSpeak: optStr,
    testResponse: {},
    variables: sameAs('1/variablesforcallflow', webhookVariables), // the update page's name: moved
  },
};

const callSettings = {
  type: ['object', 'null'],
  properties: {
    trilletVoiceGuard: optBool,
    reminderMessages: optArray,
    maxCallDuration: { type: ['number', 'null'], exclusiveMinimum: 0 },
    endCallOnSilence: optNonNegative,
  },
};
const callFlowSettings = {
  type: ['object', 'null'],
  properties: {
    // Mirrors of top-level fields: a different value is a conflict.
    welcomeMessage: sameAs('2/welcomeMessage', optEnum(WELCOME_TYPES)),
    customWelcomeMessage: sameAs('2/customWelcomeMessage', optStr),
    webhooks: {
      type: ['object', 'null'],
      properties: {
        agent: sameAs('3/agentWebhookUrl', optUrlOrEmpty),
        inbound: sameAs('3/inboundWebhookUrl', optUrlOrEmpty),
      },
    },
    enableHumanLikeVoiceAndTone: optBool,
    welcomeMessageDelay: optNonNegative,
    customerLocation: optStr,
    transfers: optArray,
    knowledgeBases: optArray,
    utilizePriorCallsContext: optBool,
    callSettings,
    callSetting: sameAs('1/callSettings', callSettings), // another page's spelling: moved
    security: { type: ['object', 'null'], properties: { hipaaCompliance: optBool, publicAccess: optBool } },
    responseSettings,
  },
};

// welcomeMessage, from the top or (if only there) the settings mirror, is ai_custom.
const isAiCustom = {
  anyOf: [
    has('welcomeMessage', { const: 'ai_custom' }),
    { not: { required: ['welcomeMessage'] }, ...hasIn('settings', 'welcomeMessage', { const: 'ai_custom' }) },
  ],
};

export const callFlowJsonSchema = {
  $id: 'https://trillet-flows.invalid/call-flow.json',
  type: 'object',
  required: ['name', 'direction'],
  properties: {
    name: nonBlank,
    direction: { enum: CALL_DIRECTIONS },
    description: optStr,
    agent: optNonBlank,
    promptType: { enum: ['simple'], default: 'simple' },
    folderId: optNonBlank,
    isGlobal: optBool,
    isPreConfigured: { type: 'boolean', default: false },
    preConfiguredWorkspaceId: optNonBlank,
    welcomeMessage: optEnum(WELCOME_TYPES),
    customWelcomeMessage: optStr,
    flowData,
    prompt: optStr,
    isActive: { type: 'boolean', default: true },
    agentWebhookUrl: optUrlOrEmpty,
    inboundWebhookUrl: optUrlOrEmpty,
    dynamicVariableCollections: collections,
    webhooks: { type: ['array', 'null'], items: webhook },
    settings: callFlowSettings,
  },
  // customWelcomeMessage: required and not empty with ai_custom, blank otherwise (in either place).
  if: isAiCustom,
  then: {
    anyOf: [
      has('customWelcomeMessage', nonBlank),
      { not: { required: ['customWelcomeMessage'] }, ...hasIn('settings', 'customWelcomeMessage', nonBlank) },
    ],
  },
  else: {
    properties: {
      customWelcomeMessage: blankOrNull,
      settings: { properties: { customWelcomeMessage: blankOrNull } },
    },
  },
};

// ---- message flow ----
const moveable = {
  initiationMessage: optNonBlank,
  prompt: optNonBlank,
  isActive: optBool,
  autopilot: optBool,
  messageChannel: optEnum(CHANNELS),
};
export const messageFlowJsonSchema = {
  $id: 'https://trillet-flows.invalid/message-flow.json',
  type: 'object',
  required: ['name', 'direction', 'agent'],
  properties: {
    name: nonBlank,
    direction: { enum: MESSAGE_DIRECTIONS },
    description: optStr,
    agent: nonBlank,
    ...moveable,
    settings: {
      type: ['object', 'null'],
      properties: {
        responseSettings,
        security: { type: ['object', 'null'], properties: { hipaaCompliance: optBool } },
        emailSettings: { type: ['object', 'null'], properties: { subjectLine: optStr, signature: optStr } },
        // The seed lists these under settings: moved to the top level; a different value is a conflict.
        ...Object.fromEntries(Object.entries(moveable).map(([k, s]) => [k, sameAs(`2/${k}`, s)])),
      },
    },
  },
  // Required, at the top or under settings.
  allOf: ['initiationMessage', 'prompt', 'messageChannel'].map((k) => ({
    anyOf: [{ required: [k] }, { required: ['settings'], properties: { settings: { required: [k] } } }],
  })),
};

const ajv = new Ajv2020({ allErrors: true, useDefaults: true, $data: true, strictTypes: false });
const callFlow = ajv.compile(callFlowJsonSchema);
const messageFlow = ajv.compile(messageFlowJsonSchema);

// Ajv validates (and fills defaults) in place: the caller's object is modified.
export const validateCallFlow = (input) =>
  callFlow(input) ? { valid: true, issues: [], value: input } : { valid: false, issues: callFlow.errors };
export const validateMessageFlow = (input) =>
  messageFlow(input) ? { valid: true, issues: [], value: input } : { valid: false, issues: messageFlow.errors };
