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

// ---- The field catalogue and the JSON Schemas (generated from the Rust schema) ----

/** A field's JSON type; `any`: any JSON value. A webhook's `body` lists its three. */
export type CatalogueType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'any';
/** The format of a string field, or `headers` for a header map. */
export type CatalogueFormat = 'id' | 'url' | 'time' | 'timezone' | 'headers';
/** How a form shows a string field. */
export type CatalogueControl = 'text' | 'textarea' | 'code' | 'message';
/** An allowed (or refused) value, with what it means. */
export interface CatalogueOption {
  readonly value: string;
  readonly meaning: string;
}
/** Presentational hints for forms (nothing that validation reads). */
export interface CatalogueUi {
  /** The control of a string field (`text`: one line; `message`: text sent to people as written); null for the others. */
  readonly control: CatalogueControl | null;
  /** A titled group of neighbouring fields in the same object. */
  readonly section: { readonly title: string; readonly help: string; /** Shown after the other fields of its object. */ readonly last: boolean } | null;
  /** What one item of a list is called ("Webhook"). */
  readonly item: string | null;
  /** An object whose fields a form shows in place, without a section of its own. */
  readonly inline: boolean;
  /** Pass-through properties of an open item that a form may offer (a flow node's `type`), at paths inside the item. */
  readonly extras: ReadonlyArray<{ readonly path: readonly string[]; readonly label: string; readonly control: CatalogueControl }>;
  /** Values a form may offer though the field refuses them, each with why (`inbound` for a call flow's direction). */
  readonly refused: readonly CatalogueOption[];
}
/**
 * One field of a payload, in `callFlowFields` / `messageFlowFields`: every
 * key is always present (`null` when it does not apply).
 */
export interface CatalogueField {
  /** The path in dotted form, list items as `[]`: `settings.callSettings.maxCallDuration`, `webhooks[].url`. */
  readonly name: string;
  /** The path as keys, list items as `"[]"`: `["webhooks", "[]", "url"]`. */
  readonly path: readonly string[];
  /** The last key. */
  readonly key: string;
  readonly type: CatalogueType | readonly CatalogueType[];
  /** Must be given, and not null. */
  readonly required: boolean;
  /** `null` is documented as meaning "none" (any optional field accepts null as absent). */
  readonly nullable: boolean;
  /** The value normalize fills in when the field is left out; null: none. */
  readonly default: string | boolean | readonly [] | { readonly [key: string]: never } | null;
  /** The allowed values, each with its meaning; null for a field that is not an enum. */
  readonly enum: readonly CatalogueOption[] | null;
  /** The smallest number allowed (`exclusiveMin`: the number must be greater). */
  readonly min: number | null;
  readonly exclusiveMin: boolean;
  readonly format: CatalogueFormat | null;
  /** A string that must say something (blank is an error). */
  readonly nonEmpty: boolean;
  /** A short label for a form. */
  readonly label: string;
  /** One line of help under a form field; may be empty. */
  readonly help: string;
  /** What the field means, from the API docs. */
  readonly doc: string;
  /** Documented other places of the field (dotted paths), which normalize moves here (`moved`). */
  readonly alternatives: readonly string[];
  /** The other place of the same value (dotted path): normalize writes both, and they must agree. */
  readonly mirrors: string | null;
  /** The input type of an object, or of a list's items (`CallSettings`). */
  readonly shape: string | null;
  /** An object (or list items) whose keys beyond the listed ones pass through (flow nodes and edges). */
  readonly open: boolean;
  /** The value (or a list's items) passes through untouched. */
  readonly passThrough: boolean;
  /** For a list of objects: the fields of its items (paths through `[]`). */
  readonly items: readonly CatalogueField[] | null;
  readonly ui: CatalogueUi;
}
/** Every field of a call flow, in the schema's order: objects' fields follow their object; lists carry their items' fields. Deeply frozen. */
export declare const callFlowFields: readonly CatalogueField[];
/** Every field of a message flow. Deeply frozen. */
export declare const messageFlowFields: readonly CatalogueField[];

/** Options of the JSON Schema functions. */
export interface JsonSchemaOptions {
  /** `"reject"`: the variant with `additionalProperties: false`; `"strip"` and `"keep"` (the default): unknown keys allowed. */
  unknownKeys?: 'strip' | 'keep' | 'reject';
}
/** A JSON Schema, draft 2020-12 (a fresh object on every call). */
export interface JsonSchema {
  $schema: 'https://json-schema.org/draft/2020-12/schema';
  $id: string;
  title: string;
  description: string;
  [keyword: string]: unknown;
}
/** The JSON Schema of a call flow (also `trillet-flows/schema/call-flow.schema.json`). Throws a TypeError for an unknown option or value. */
export declare function callFlowJsonSchema(options?: JsonSchemaOptions): JsonSchema;
/** The JSON Schema of a message flow (also `trillet-flows/schema/message-flow.schema.json`). Throws a TypeError for an unknown option or value. */
export declare function messageFlowJsonSchema(options?: JsonSchemaOptions): JsonSchema;
