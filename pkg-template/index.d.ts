export * from './trillet_flows.js';
import type { CallFlow, CallFlowInput, Issue, MessageFlow, MessageFlowInput } from './trillet_flows.js';

/** Loads the WebAssembly module (browsers, bundlers); resolves at once in Node. Safe to call twice. */
export declare function init(input?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;
export default init;

/** The Standard Schema v1 interface (https://standardschema.dev). */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardSchemaV1.Result<Output>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}
export declare namespace StandardSchemaV1 {
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<SchemaIssue>;
  }
  interface SchemaIssue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey> | undefined;
    readonly code: Issue['code'];
    readonly pointer: string;
    readonly severity: Issue['severity'];
  }
}

/** Standard Schema of a call flow: validate() gives the normalized payload or the errors. */
export declare const callFlowSchema: StandardSchemaV1<CallFlowInput, CallFlow>;
/** Standard Schema of a message flow. */
export declare const messageFlowSchema: StandardSchemaV1<MessageFlowInput, MessageFlow>;
