// ---- The functions (hand-written; the types above are generated from the Rust models) ----

/** A payload while it is being filled in (a form's state): every field optional, at any depth. */
export type Draft<T> = T extends readonly (infer U)[]
  ? Draft<U>[]
  : T extends string | number | boolean | null | undefined
    ? T
    : T extends object
      ? { [K in keyof T]?: Draft<T[K]> }
      : T;
/** A call flow being filled in: every field optional, at any depth. */
export type CallFlowDraft = Draft<CallFlowInput>;
/** A message flow being filled in: every field optional, at any depth. */
export type MessageFlowDraft = Draft<MessageFlowInput>;

/**
 * Form values as form libraries hold them: the draft's shape, with strings
 * (and booleans and numbers) at the leaves; coerced as a form's fields are.
 */
export type FormValues<T> = T extends readonly (infer U)[]
  ? FormValues<U>[]
  : T extends string | number | boolean | null | undefined
    ? T | string | null
    : T extends object
      ? { [K in keyof T]?: FormValues<T[K]> }
      : T | string | null;
/** A call flow form's values (`{ isActive: 'true', settings: { welcomeMessageDelay: '2' } }`). */
export type CallFlowFormValues = FormValues<CallFlowInput>;
/** A message flow form's values. */
export type MessageFlowFormValues = FormValues<MessageFlowInput>;

/**
 * What the functions accept for a payload of type `T`: data of unknown shape
 * (`unknown`, `any`, `object`, a `Draft<T>` or wider) as it is, since
 * checking it is their job; any other typed value, an object literal
 * included, must be a `T`, so a literal gets completion, and a misspelled
 * key or a missing required field is a compile error.
 */
export type PayloadArg<A, T, D = Draft<T>> = D extends A ? A : T;

/** Validates a call flow: every issue, in document order. Never throws. */
export declare function validateCallFlow<A = CallFlowInput>(input: PayloadArg<A, CallFlowInput>, options?: Options): ValidateResult;
/** Validates a message flow: every issue, in document order. Never throws. */
export declare function validateMessageFlow<A = MessageFlowInput>(input: PayloadArg<A, MessageFlowInput>, options?: Options): ValidateResult;
/** Validates JSON text (strict RFC 8259); `invalid_json` carries line and column. */
export declare function validateCallFlowJson(text: string, options?: Options): ValidateResult;
/** Validates JSON text of a message flow. */
export declare function validateMessageFlowJson(text: string, options?: Options): ValidateResult;
/** Validates, then returns the canonical payload (defaults filled, moved fields in place). */
export declare function normalizeCallFlow<A = CallFlowInput>(input: PayloadArg<A, CallFlowInput>, options?: Options): NormalizeResult<CallFlow>;
/** Validates, then returns the canonical message flow. */
export declare function normalizeMessageFlow<A = MessageFlowInput>(input: PayloadArg<A, MessageFlowInput>, options?: Options): NormalizeResult<MessageFlow>;
/** Normalizes JSON text of a call flow. */
export declare function normalizeCallFlowJson(text: string, options?: Options): NormalizeResult<CallFlow>;
/** Normalizes JSON text of a message flow. */
export declare function normalizeMessageFlowJson(text: string, options?: Options): NormalizeResult<MessageFlow>;
/** Normalizes and builds the HTTP request. The api key is never echoed in an issue. */
export declare function buildCallFlowRequest<A = CallFlowInput>(input: PayloadArg<A, CallFlowInput>, options: BuildOptions): BuildResult;
/** Normalizes a message flow and builds the HTTP request. */
export declare function buildMessageFlowRequest<A = MessageFlowInput>(input: PayloadArg<A, MessageFlowInput>, options: BuildOptions): BuildResult;
/** Coerces form fields (`webhooks[0].url`, booleans, numbers), then normalizes. */
export declare function callFlowFromForm(form: FormInput, options?: Options): NormalizeResult<CallFlow>;
/** Coerces message flow form fields, then normalizes. */
export declare function messageFlowFromForm(form: FormInput, options?: Options): NormalizeResult<MessageFlow>;
/** A create payload from a call flow as the API returns it: server fields dropped, `overrides` applied (top level and inside `settings`; `null` removes a key), then normalized. */
export declare function callFlowFromResponse(response: CallFlowResponse | unknown, overrides?: CallFlowOverrides | null, options?: Options): NormalizeResult<CallFlow>;
/** callFlowFromResponse for the response's JSON text. */
export declare function callFlowFromResponseJson(text: string, overrides?: CallFlowOverrides | null, options?: Options): NormalizeResult<CallFlow>;
/** A create payload from a message flow as the API returns it. */
export declare function messageFlowFromResponse(response: MessageFlowResponse | unknown, overrides?: MessageFlowOverrides | null, options?: Options): NormalizeResult<MessageFlow>;
/** messageFlowFromResponse for the response's JSON text. */
export declare function messageFlowFromResponseJson(text: string, overrides?: MessageFlowOverrides | null, options?: Options): NormalizeResult<MessageFlow>;

/** What `init` takes: the wasm's URL, a `Response`, its bytes or a compiled module. */
export type InitInput = string | URL | Request | Response | BufferSource | WebAssembly.Module;
/**
 * Loads the WebAssembly module. Browsers and bundlers: `await init()` once
 * before the first call (safe to call twice). Node: optional (the module
 * loads on the first call); resolves at once.
 */
export declare function init(input?: InitInput | Promise<InitInput>): Promise<void>;
export default init;
/** Loads the WebAssembly module synchronously from its bytes or a compiled module (Node: no argument needed). */
export declare function initSync(input?: { module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module): void;

/** The Standard Schema v1 interface (https://standardschema.dev). */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}
export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    /** Synchronous: never a Promise. */
    readonly validate: (value: unknown) => Result<Output>;
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
  /** A Standard Schema issue, with this library's code, pointer and severity. */
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey> | undefined;
    readonly code: IssueCode;
    readonly pointer: string;
    readonly severity: Severity;
  }
  /** The former name of `Issue`. */
  type SchemaIssue = Issue;
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  /** The input type of a schema. */
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input'];
  /** The output type of a schema. */
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}
/** The input type of a Standard Schema (`InferInput<typeof callFlowSchema>` is `CallFlowInput`). */
export type InferInput<Schema extends StandardSchemaV1> = StandardSchemaV1.InferInput<Schema>;
/** The output type of a Standard Schema (`InferOutput<typeof callFlowSchema>` is `CallFlow`). */
export type InferOutput<Schema extends StandardSchemaV1> = StandardSchemaV1.InferOutput<Schema>;

/** Standard Schema of a call flow: validate() gives the normalized payload or the errors. */
export declare const callFlowSchema: StandardSchemaV1<CallFlowInput, CallFlow>;
/** Standard Schema of a message flow. */
export declare const messageFlowSchema: StandardSchemaV1<MessageFlowInput, MessageFlow>;
/**
 * Standard Schema of a call flow form: coerces form values first, as the
 * form functions do (`'true'`/`'on'`/`'1'` to true, decimal strings to
 * numbers, an empty optional field to absent), then normalizes. For forms
 * whose inputs give strings (React Hook Form without `valueAsNumber`...).
 */
export declare const callFlowFormSchema: StandardSchemaV1<CallFlowFormValues, CallFlow>;
/** Standard Schema of a message flow form (coerces form values, then normalizes). */
export declare const messageFlowFormSchema: StandardSchemaV1<MessageFlowFormValues, MessageFlow>;
