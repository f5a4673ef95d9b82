// A strict TypeScript consumer of the built package's types (pkg/index.d.ts).
// `npx tsc -p tests/js/types --noEmit` must pass. Every `@ts-expect-error`
// pins a place where the types must be strict: if they were too loose, the
// directive would be unused and the compile would fail.
import init, {
  buildCallFlowRequest,
  buildMessageFlowRequest,
  callFlowFromForm,
  callFlowSchema,
  messageFlowFromForm,
  messageFlowSchema,
  normalizeCallFlow,
  normalizeCallFlowJson,
  normalizeMessageFlow,
  normalizeMessageFlowJson,
  validateCallFlow,
  validateCallFlowJson,
  validateMessageFlow,
  validateMessageFlowJson,
  init as namedInit,
  initSync,
} from 'trillet-flows';
import {
  callFlowFormSchema,
  messageFlowFormSchema,
} from 'trillet-flows';
import type {
  CallFlowDraft,
  CallFlowFormValues,
  InferInput,
  InferOutput,
  MessageFlowDraft,
  MessageFlowFormValues,
} from 'trillet-flows';
import type {
  BuildOptions,
  BuildResult,
  CallFlow,
  CallFlowDirection,
  CallFlowInput,
  FlowRequest,
  FormInput,
  Issue,
  IssueCode,
  MessageChannel,
  MessageFlow,
  MessageFlowInput,
  NormalizeResult,
  Options,
  Severity,
  StandardSchemaV1 as PkgStandardSchemaV1,
  ValidateResult,
  WelcomeMessage,
} from 'trillet-flows';

// ---- type-level helpers ------------------------------------------------------
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): void {}
type IsOptional<T, K extends keyof T> = {} extends Pick<T, K> ? true : false;

// ---- init ----------------------------------------------------------------------
async function start(): Promise<void> {
  await init();
  await namedInit();
  const p: Promise<void> = init();
  await p;
  initSync({ module: new Uint8Array() });
}
void start;

// ---- input types: required fields required, defaults optional -----------------
const minimal: CallFlowInput = { name: 'Support Line', direction: 'outbound' };
// @ts-expect-error name and direction are required
const empty: CallFlowInput = {};
// @ts-expect-error name is required
const noName: CallFlowInput = { direction: 'outbound' };
const minimalMessage: MessageFlowInput = {
  name: 'SMS', direction: 'inbound', agent: '0123456789abcdef01234567', initiationMessage: 'Hi', prompt: 'Help', messageChannel: 'SMS',
};
// @ts-expect-error a message flow needs its agent, initiationMessage, prompt and messageChannel
const halfMessage: MessageFlowInput = { name: 'SMS', direction: 'inbound' };
// @ts-expect-error a webhook needs its url
const noUrl: CallFlowInput = { ...minimal, webhooks: [{ name: 'w' }] };
// Drafts (a form being filled in): everything optional, at any depth, still checked.
const emptyDraft: CallFlowDraft = {};
const halfDraft: CallFlowDraft = { direction: 'outbound', webhooks: [{ name: 'w' }], settings: { callSettings: {} } };
const messageDraft: MessageFlowDraft = { messageChannel: 'Email', settings: { emailSettings: {} } };
// @ts-expect-error a draft still has the payload's keys only
const draftTypo: CallFlowDraft = { nmae: 'x' };
// @ts-expect-error a draft still has the payload's enums
const draftEnum: CallFlowDraft = { direction: 'inbound' };
void [noName, halfMessage, noUrl, emptyDraft, halfDraft, messageDraft, draftTypo, draftEnum];
// @ts-expect-error call flows cannot be created inbound
const inbound: CallFlowInput = { name: 'x', direction: 'inbound' };
// @ts-expect-error enums are exact: `Outbound` is not a direction
const wrongCase: CallFlowInput = { name: 'x', direction: 'Outbound' };
// @ts-expect-error messageChannel is exactly SMS or Email
const lowerChannel: MessageFlowInput = { ...minimalMessage, messageChannel: 'sms' };
// @ts-expect-error isActive is a boolean, not a string
const activeString: CallFlowInput = { ...minimal, isActive: 'true' };
// null means absent for folderId (the seed response has it)
const nullFolder: CallFlowInput = { ...minimal, folderId: null };
assertType<IsOptional<CallFlowInput, 'promptType'>>();
assertType<IsOptional<CallFlowInput, 'isActive'>>();
assertType<IsOptional<CallFlowInput, 'settings'>>();
assertType<Equal<CallFlowDirection, 'outbound' | 'bidirectional'>>();
assertType<Equal<MessageChannel, 'SMS' | 'Email'>>();
void [empty, minimalMessage, inbound, wrongCase, lowerChannel, activeString, nullFolder];

// ---- issues --------------------------------------------------------------------
const c: IssueCode = 'required';
const unreachable: IssueCode = 'unreachable_url';
// @ts-expect-error IssueCode is a union of literals, not string
const bad: IssueCode = 'not_a_code';
assertType<Equal<string extends IssueCode ? true : false, false>>();
assertType<Equal<Severity, 'error' | 'warning'>>();
assertType<Equal<Issue['path'], (string | number)[]>>();
function describeIssue(i: Issue): string {
  const where: string = i.pointer;
  const line: number | undefined = i.line;
  switch (i.code) {
    case 'required':
    case 'invalid_json':
    case 'too_large':
      return `${where}:${line ?? 0} ${i.message}`;
    default:
      return i.severity === 'error' ? i.message : `(warning) ${i.message}`;
  }
}
void [c, unreachable, bad];

// ---- validate ------------------------------------------------------------------
const v: ValidateResult = validateCallFlow(minimal);
const vb: boolean = v.valid;
const messages: string[] = v.issues.map(describeIssue);
validateMessageFlow(JSON.parse('{"any":"thing"}'), { unknownKeys: 'reject' });
validateCallFlowJson('{}');
validateMessageFlowJson('{}', { maxBytes: 1024 });
// @ts-expect-error the JSON functions take text
validateCallFlowJson({}, {});
// @ts-expect-error unknownKeys is strip, keep or reject
validateCallFlow(minimal, { unknownKeys: 'drop' });
void [vb, messages];

// ---- normalize: narrow on ok, output fields are filled ---------------------------
const n: NormalizeResult<CallFlow> = normalizeCallFlow(minimal);
if (n.ok) {
  const value = n.value;
  const promptType: 'simple' = value.promptType;
  const isActive: boolean = value.isActive;
  const isPreConfigured: boolean = value.isPreConfigured;
  const welcome: WelcomeMessage = value.settings.welcomeMessage;
  const top: WelcomeMessage = value.welcomeMessage;
  const name: string = value.name;
  // Optional fields stay optional in the output.
  // @ts-expect-error description may be absent
  const description: string = value.description;
  // Required fields are not `| undefined`: they cannot be set to undefined.
  // @ts-expect-error isActive is always present in the output
  value.isActive = undefined;
  // @ts-expect-error settings is always present in the output
  value.settings = undefined;
  // @ts-expect-error promptType is always present in the output
  value.promptType = undefined;
  // Webhook headers are a plain object of strings (the runtime value is JSON).
  const auth: string | undefined = value.webhooks?.[0]?.headers?.['Authorization'];
  const headers: Record<string, string> | undefined = value.webhooks?.[0]?.headers;
  void [promptType, isActive, isPreConfigured, welcome, top, name, description, auth, headers];
} else {
  const issues: Issue[] = n.issues;
  // @ts-expect-error no value on failure
  const nothing = n.value;
  void [issues, nothing];
}
// @ts-expect-error value exists only after narrowing on ok
const unnarrowed = n.value;
void unnarrowed;
assertType<Equal<CallFlow['isActive'], boolean>>();
assertType<Equal<CallFlow['promptType'], 'simple'>>();
assertType<Equal<CallFlow['settings']['welcomeMessage'], WelcomeMessage>>();
assertType<Equal<IsOptional<CallFlow, 'isActive'>, false>>();
assertType<Equal<IsOptional<CallFlow, 'settings'>, false>>();
assertType<Equal<IsOptional<CallFlow, 'description'>, true>>();

const m = normalizeMessageFlow(minimalMessage);
if (m.ok) {
  const mv: MessageFlow = m.value;
  const autopilot: boolean = mv.autopilot;
  const channel: MessageChannel = mv.messageChannel;
  const agent: string = mv.agent;
  // @ts-expect-error settings appear only when given
  const settings: object = mv.settings;
  void [autopilot, channel, agent, settings];
}
assertType<Equal<IsOptional<MessageFlow, 'isActive'>, false>>();
const nj: NormalizeResult<CallFlow> = normalizeCallFlowJson('{}', { maxDepth: 10 });
const mj: NormalizeResult<MessageFlow> = normalizeMessageFlowJson('{}');
void [nj, mj];

// ---- forms ---------------------------------------------------------------------
const fd = new FormData();
fd.append('name', 'Support Line');
const fromFd: NormalizeResult<CallFlow> = callFlowFromForm(fd);
const fromParams = callFlowFromForm(new URLSearchParams('name=x&direction=outbound'), { maxItems: 5 });
const fromRecord = messageFlowFromForm({ name: 'x', direction: 'inbound' });
const form: FormInput = { a: 'b' };
// @ts-expect-error a record of form fields holds strings
callFlowFromForm({ isActive: true }, {});
if (fromRecord.ok) {
  const mf: MessageFlow = fromRecord.value;
  void mf;
}
void [fromFd, fromParams, form];

// ---- build ---------------------------------------------------------------------
const buildOptions: BuildOptions = { apiKey: 'k', workspaceId: 'w', baseUrl: 'https://api.trillet.ai', unknownKeys: 'strip' };
const built: BuildResult = buildCallFlowRequest(minimal, buildOptions);
if (built.ok) {
  const req: FlowRequest = built.request;
  const method: 'POST' = req.method;
  const body: string = req.body;
  const h: Record<string, string> = req.headers;
  void fetch(req.url, req);
  void [method, body, h];
} else {
  // @ts-expect-error no request on failure
  const nothing = built.request;
  void nothing;
}
// @ts-expect-error apiKey and workspaceId are required to build
buildMessageFlowRequest(minimalMessage, {});
// @ts-expect-error workspaceId is required to build
buildMessageFlowRequest(minimalMessage, { apiKey: 'k' });
const opts: Options = { unknownKeys: 'keep', maxBytes: 1, maxDepth: 2, maxItems: 3 };
void opts;

// ---- Standard Schema -----------------------------------------------------------
// The interface of https://standardschema.dev (v1), as a consumer library declares it.
interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}
declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input'];
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}

// The package's schemas fit the official interface...
const asStandard: StandardSchemaV1<CallFlowInput, CallFlow> = callFlowSchema;
const asStandardMsg: StandardSchemaV1<MessageFlowInput, MessageFlow> = messageFlowSchema;
const pkgSchema: PkgStandardSchemaV1<CallFlowInput, CallFlow> = callFlowSchema;
void [asStandard, asStandardMsg, pkgSchema];
// ...and InferInput / InferOutput extract the input and output types.
assertType<Equal<StandardSchemaV1.InferInput<typeof callFlowSchema>, CallFlowInput>>();
assertType<Equal<StandardSchemaV1.InferOutput<typeof callFlowSchema>, CallFlow>>();
assertType<Equal<StandardSchemaV1.InferInput<typeof messageFlowSchema>, MessageFlowInput>>();
assertType<Equal<StandardSchemaV1.InferOutput<typeof messageFlowSchema>, MessageFlow>>();
type Out = NonNullable<(typeof callFlowSchema)['~standard']['types']>['output'];
assertType<Equal<Out, CallFlow>>();

// A generic consumer: parse with any Standard Schema, synchronously.
function parse<S extends StandardSchemaV1>(schema: S, value: unknown): StandardSchemaV1.InferOutput<S> {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) throw new TypeError('async');
  if (result.issues) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.value as StandardSchemaV1.InferOutput<S>;
}
const parsed = parse(callFlowSchema, { name: 'x', direction: 'outbound' });
const parsedActive: boolean = parsed.isActive;
// @ts-expect-error the output of a call flow schema is not a message flow
const parsedChannel: MessageChannel = parsed.messageChannel;
void [parsedActive, parsedChannel];

// The package's own validate is synchronous: no Promise in its result type.
const direct = callFlowSchema['~standard'].validate({});
if (direct.issues) {
  const first = direct.issues[0];
  const code: IssueCode | undefined = first?.code;
  const path: ReadonlyArray<PropertyKey> | undefined = first?.path;
  void [code, path];
} else {
  const ok: CallFlow = direct.value;
  void ok;
}
assertType<Equal<(typeof callFlowSchema)['~standard']['version'], 1>>();

// ---- arguments: literals checked (completion, typos), unknown data accepted -------
declare const fromRequest: unknown;
declare const anyBody: any;
declare const record: Record<string, unknown>;
declare const draft: CallFlowDraft;
validateCallFlow(fromRequest);
normalizeCallFlow(anyBody);
buildCallFlowRequest(record, buildOptions);
validateCallFlow(draft);
normalizeMessageFlow(fromRequest);
// @ts-expect-error a literal needs `name`
normalizeCallFlow({ direction: 'outbound' });
// @ts-expect-error a misspelled key in a literal
validateCallFlow({ nmae: 'Support', name: 'Support', direction: 'outbound' });
// @ts-expect-error a misspelled nested key in a literal
buildCallFlowRequest({ ...minimal, settings: { welcomeMesageDelay: 2 } }, buildOptions);
// @ts-expect-error a literal's enum is checked
validateMessageFlow({ ...minimalMessage, direction: 'sideways' });
const typedValue = { name: 'x', direction: 'bidirectional' as const };
normalizeCallFlow(typedValue);
const partialValue = { direction: 'outbound' as const };
// @ts-expect-error a typed value that is neither a payload nor unknown data
normalizeCallFlow(partialValue);

// ---- InferInput / InferOutput, form schemas --------------------------------------
assertType<Equal<InferInput<typeof callFlowSchema>, CallFlowInput>>();
assertType<Equal<InferOutput<typeof callFlowSchema>, CallFlow>>();
assertType<Equal<InferOutput<typeof messageFlowSchema>, MessageFlow>>();
assertType<Equal<InferInput<typeof callFlowFormSchema>, CallFlowFormValues>>();
assertType<Equal<InferOutput<typeof callFlowFormSchema>, CallFlow>>();
assertType<Equal<InferInput<typeof messageFlowFormSchema>, MessageFlowFormValues>>();
const formValues: CallFlowFormValues = { name: 'x', isActive: 'true', settings: { welcomeMessageDelay: '2', callSettings: { trilletVoiceGuard: true } } };
const fromFormSchema = callFlowFormSchema['~standard'].validate(formValues);
if (!fromFormSchema.issues) {
  const active: boolean = fromFormSchema.value.isActive;
  void active;
}
const formAsStandard: StandardSchemaV1<CallFlowFormValues, CallFlow> = callFlowFormSchema;
void formAsStandard;
const internal: IssueCode = 'internal_error';
void internal;

// ---- from a response (clone) ------------------------------------------------------
import {
  callFlowFromResponse,
  callFlowFromResponseJson,
  messageFlowFromResponse,
  messageFlowFromResponseJson,
} from 'trillet-flows';
import type { CallFlowOverrides, CallFlowResponse, MessageFlowOverrides } from 'trillet-flows';
declare const fetched: CallFlowResponse;
const cloned: NormalizeResult<CallFlow> = callFlowFromResponse(fetched, { name: 'Copy', direction: 'bidirectional' });
if (cloned.ok) {
  const n: string = cloned.value.name;
  void n;
}
callFlowFromResponse(await Promise.resolve<unknown>({}), null, { unknownKeys: 'reject' });
callFlowFromResponseJson('{}', { settings: { customerLocation: null } });
messageFlowFromResponse({}, { initiationMessage: 'Hi' });
messageFlowFromResponseJson('{}');
// An override of null removes a key, at the top level and inside settings.
const removing: CallFlowOverrides = { description: null, settings: { transfers: null } };
// @ts-expect-error overrides use the create payload's keys
const typoOverride: CallFlowOverrides = { nmae: 'Copy' };
// @ts-expect-error overrides keep the create payload's enums: a call flow cannot be created inbound
const inboundOverride: CallFlowOverrides = { direction: 'inbound' };
// @ts-expect-error a message flow's channel is SMS or Email
const channelOverride: MessageFlowOverrides = { messageChannel: 'sms' };
const version: number | undefined = fetched.__v;
void [removing, typoOverride, inboundOverride, channelOverride, version];
