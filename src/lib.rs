//! # trillet-flows
//!
//! Validates, normalizes and builds the request payloads of the Trillet AI
//! API's *Create Call Flow* (`POST /v1/api/call-flows`) and *Create Message
//! Flow* (`POST /v1/api/message-flows`) endpoints.
//!
//! - [`validate`] reports every problem as an [`Issue`] at its field, in
//!   document order, with a stable [`IssueCode`].
//! - [`normalize`] validates, then returns the canonical payload: defaults
//!   filled, mirrored fields consistent, fields found at documented
//!   alternative places moved, server-generated and unknown keys dropped.
//! - [`build_request`] normalizes and wraps the payload in an HTTP request.
//! - [`from_form`] coerces flat form fields (`webhooks[0].url` = `"…"`)
//!   into a payload, then normalizes it.
//!
//! The core is pure Rust; the WebAssembly bindings (module `wasm`, built for
//! `wasm32` only) are a thin layer over it.
//!
//! ```
//! use trillet_flows::{normalize_json, Kind, Options};
//! let out = normalize_json(
//!     Kind::CallFlow,
//!     r#"{"name": "Support", "direction": "outbound"}"#,
//!     &Options::default(),
//! );
//! assert!(out.issues.is_empty());
//! let value = out.value.unwrap();
//! assert_eq!(value.get("isActive"), Some(&trillet_flows::Value::Bool(true)));
//! ```

#[cfg(not(target_arch = "wasm32"))]
pub mod catalogue;
pub mod clone;
pub mod form;
pub mod issues;
pub mod json;
#[cfg(not(target_arch = "wasm32"))]
pub mod json_schema;
mod locate;
pub mod model;
pub mod number;
mod path;
pub mod request;
pub mod rules;
pub mod schema;
mod strset;
mod text;
pub mod value;
pub(crate) mod write;

#[cfg(target_arch = "wasm32")]
mod arena;

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

pub use clone::{from_response, from_response_json};
pub use form::from_form;
pub use issues::{Issue, IssueCode, PathSegment, Severity};
pub use json::Limits;
pub use request::{build_request, BuildOptions, BuildResult, Request};
pub use rules::{Options, UnknownKeys};
pub use value::{Number, Object, Value};

/// Which endpoint a payload is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `POST /v1/api/call-flows`
    CallFlow,
    /// `POST /v1/api/message-flows`
    MessageFlow,
}

impl Kind {
    /// The request path of the endpoint.
    pub fn path(self) -> &'static str {
        match self {
            Kind::CallFlow => "/v1/api/call-flows",
            Kind::MessageFlow => "/v1/api/message-flows",
        }
    }
    /// The schema of the payload.
    pub fn shape(self) -> &'static schema::Shape {
        match self {
            Kind::CallFlow => &schema::CALL_FLOW,
            Kind::MessageFlow => &schema::MESSAGE_FLOW,
        }
    }
    /// Where validate's parser may skip what it never reads.
    pub(crate) fn skip_place(self) -> json::Place {
        schema::skip_place(self.shape())
    }
    fn title(self) -> &'static str {
        match self {
            Kind::CallFlow => "the Create Call Flow request",
            Kind::MessageFlow => "the Create Message Flow request",
        }
    }
}

/// The outcome of [`validate`].
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// True when no issue is an error (warnings allowed).
    pub valid: bool,
    /// Every issue, in document order.
    pub issues: Vec<Issue>,
}

/// The outcome of [`normalize`]: the canonical payload when valid.
#[derive(Debug, Clone, PartialEq)]
pub struct Normalized {
    /// The canonical payload; `None` when any issue is an error.
    pub value: Option<Value>,
    /// Every issue, in document order (warnings only when `value` is set).
    pub issues: Vec<Issue>,
}

impl Normalized {
    pub fn ok(&self) -> bool {
        self.value.is_some()
    }
    /// The payload as a typed model (`model::CallFlow` or `model::MessageFlow`).
    pub fn typed<T: serde::de::DeserializeOwned>(&self) -> Option<Result<T, serde_json::Error>> {
        self.value
            .as_ref()
            .map(|v| serde_json::from_value(serde_json::Value::from(v)))
    }
}

/// What is known of an input before the rules read it.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Known {
    /// Nothing: held to the limits here first (a `Value` from a Rust caller).
    Nothing,
    /// Its depth and array lengths are within the limits (read from JavaScript).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Limited,
    /// Within the limits, and plain JSON: parsed from JSON text, so no
    /// alien value or non-finite number is in it to look for.
    Json,
}

fn run(
    kind: Kind,
    input: &Value,
    opts: &Options,
    build: bool,
    known: Known,
) -> (Option<Value>, Vec<Issue>) {
    if known == Known::Nothing {
        if let Some(issue) = json::check_limits(input, &opts.limits) {
            return (None, vec![issue.into()]);
        }
    }
    let mut ctx = rules::Ctx::new(*opts, kind.title(), build);
    ctx.plain = known == Known::Json;
    rules_of(kind, input, ctx)
}

/// Normalizes a merged response (see [`clone`]): server fields dropped
/// without an issue. `input` is already held to the limits.
pub(crate) fn run_clone(kind: Kind, input: &Value, opts: &Options) -> Normalized {
    let mut ctx = rules::Ctx::new(*opts, kind.title(), true);
    ctx.clone = true;
    let (value, issues) = rules_of(kind, input, ctx);
    Normalized { value, issues }
}

fn rules_of<'a>(
    kind: Kind,
    input: &'a Value,
    mut ctx: rules::Ctx<'a>,
) -> (Option<Value>, Vec<Issue>) {
    let out = match kind {
        Kind::CallFlow => rules::call_flow::call_flow(&mut ctx, input),
        Kind::MessageFlow => rules::message_flow::message_flow(&mut ctx, input),
    };
    let failed = ctx.has_errors();
    let issues = ctx.finish();
    (if failed { None } else { out }, issues)
}

/// Checks a payload against every rule.
pub fn validate(kind: Kind, input: &Value, opts: &Options) -> Report {
    validate_checked(kind, input, opts, Known::Nothing)
}

pub(crate) fn validate_checked(kind: Kind, input: &Value, opts: &Options, known: Known) -> Report {
    let (_, issues) = run(kind, input, opts, false, known);
    Report {
        valid: !issues::any_error(&issues),
        issues,
    }
}

/// Validates, then (if there is no error) returns the canonical payload.
/// Never changes `input`.
pub fn normalize(kind: Kind, input: &Value, opts: &Options) -> Normalized {
    normalize_checked(kind, input, opts, Known::Nothing)
}

pub(crate) fn normalize_checked(
    kind: Kind,
    input: &Value,
    opts: &Options,
    known: Known,
) -> Normalized {
    let (value, issues) = run(kind, input, opts, true, known);
    Normalized { value, issues }
}

/// [`validate`] for JSON text (strict RFC 8259, within `opts.limits`).
pub fn validate_json(kind: Kind, text: &str, opts: &Options) -> Report {
    match json::parse_noting(text, &opts.limits, kind.skip_place()) {
        Ok((v, repeated)) => {
            let mut r = validate_checked(kind, &v, opts, Known::Json);
            value::discard(v);
            issues::locate_in(text, &mut r.issues, !repeated);
            r
        }
        Err(issue) => Report {
            valid: false,
            issues: vec![issue.into()],
        },
    }
}

/// [`normalize`] for JSON text (strict RFC 8259, within `opts.limits`).
pub fn normalize_json(kind: Kind, text: &str, opts: &Options) -> Normalized {
    match json::parse_noting(text, &opts.limits, json::Place::FULL) {
        Ok((v, repeated)) => {
            let mut n = normalize_checked(kind, &v, opts, Known::Json);
            value::discard(v);
            issues::locate_in(text, &mut n.issues, !repeated);
            n
        }
        Err(issue) => Normalized {
            value: None,
            issues: vec![issue.into()],
        },
    }
}

/// Shorthand for [`validate`] of a call flow.
pub fn validate_call_flow(input: &Value, opts: &Options) -> Report {
    validate(Kind::CallFlow, input, opts)
}
/// Shorthand for [`validate`] of a message flow.
pub fn validate_message_flow(input: &Value, opts: &Options) -> Report {
    validate(Kind::MessageFlow, input, opts)
}
/// Shorthand for [`normalize`] of a call flow.
pub fn normalize_call_flow(input: &Value, opts: &Options) -> Normalized {
    normalize(Kind::CallFlow, input, opts)
}
/// Shorthand for [`normalize`] of a message flow.
pub fn normalize_message_flow(input: &Value, opts: &Options) -> Normalized {
    normalize(Kind::MessageFlow, input, opts)
}
