//! WebAssembly bindings (wasm32 only): a thin layer over the pure-Rust core.
//!
//! Every export takes `JsValue`s, never throws for bad input, and returns a
//! fresh plain object that `result` in `js/bridge.js` builds from a compact
//! form ([`Out`]): a flag, the value as JSON text (made an object by
//! `JSON.parse`, so `__proto__` is only ever an own data key), and the
//! issues as numbers and one text, with nothing to read when there are none.
//! JavaScript values are turned into JSON text by `js/bridge.js`, which also
//! lists, by path, each value JSON cannot carry; the core reports those at
//! their place.

#![allow(non_snake_case)]

use crate::issues::{any_error, Issue, IssueCode, PathSegment};
use crate::request::{build_from_parsed, BuildOptions};
use crate::text::{cat, uint};
use crate::value::{Number, Value};
use crate::{json, write, Kind, Limits, Normalized, Options, Report, UnknownKeys};
use wasm_bindgen::prelude::*;

use crate::arena::ALLOC;

/// Bytes of the per-call arena in use: 0 between calls (tests/wasm.rs).
#[doc(hidden)]
pub fn arena_in_use() -> usize {
    ALLOC.in_use()
}

/// Runs the pure part of a call (no JS calls inside) in the arena: it
/// writes the result's compact form, which becomes the returned object.
/// Once that is made and `out` is gone, nothing of the scope is alive but
/// what [`crate::value::discard`] forgot, which the rewind takes back.
fn pure(f: impl FnOnce(&mut Out)) -> JsValue {
    let out = ALLOC.scope(|| {
        let mut out = Out::default();
        f(&mut out);
        out
    });
    let js = out.to_js();
    drop(out);
    ALLOC.rewind();
    js
}

#[wasm_bindgen(module = "/js/bridge.js")]
extern "C" {
    /// The JSON text of plain data, else `[text, aliens, too large]` (see js/bridge.js).
    #[wasm_bindgen(js_name = encodeInput)]
    fn encode_input(input: &JsValue, max_depth: u32, max_items: u32) -> JsValue;
    #[wasm_bindgen(js_name = encodeForm)]
    fn encode_form(form: &JsValue, max_items: u32) -> js_sys::Array;
    /// What a value is (`null`, `array`, `Date`...), a string; never throws.
    fn describe(value: &JsValue) -> JsValue;
    /// The options as JSON text for [`read_options`] (see js/bridge.js); never throws.
    #[wasm_bindgen(js_name = encodeOptions)]
    fn encode_options(options: &JsValue, names: &str) -> JsValue;
    /// Writes a string as UTF-8 at `ptr` (room for `cap` bytes); returns the length.
    #[wasm_bindgen(js_name = writeUtf8)]
    fn write_utf8(text: &JsValue, memory: &JsValue, ptr: *mut u8, cap: usize) -> usize;
    /// The result object with nothing to read: no value, no issues (see js/bridge.js).
    fn empty(shape: u32, ok: bool) -> JsValue;
    /// The result object of [`Out`]'s parts (see js/bridge.js); never throws.
    fn result(shape: u32, ok: bool, nums: &[f64], text: &str, value: &str) -> JsValue;
}

#[wasm_bindgen(typescript_custom_section)]
const TS: &'static str = r#"
/** Options of validate and normalize. */
export interface Options {
  /** What to do with keys the endpoint does not define: warn and drop (default), warn and keep, or reject. */
  unknownKeys?: "strip" | "keep" | "reject";
  /** Largest JSON text in bytes (default 1 MiB). */
  maxBytes?: number;
  /** Deepest nesting of objects and arrays (default 64, at most 127). */
  maxDepth?: number;
  /** Most items in one array (default 10,000). */
  maxItems?: number;
}
/** Options of build: credentials, target, and the validation options. */
export interface BuildOptions extends Options {
  /** Sent as `x-api-key`. Keep it on a server. */
  apiKey: string;
  /** Sent as `x-workspace-id`. */
  workspaceId: string;
  /** Default `https://api.trillet.ai`; a path prefix is kept. */
  baseUrl?: string;
}
/** The outcome of validate. */
export interface ValidateResult {
  /** True when no issue is an error. */
  valid: boolean;
  issues: Issue[];
}
/** The outcome of normalize: the canonical payload when valid. */
export type NormalizeResult<T> =
  | { ok: true; value: T; issues: Issue[] }
  | { ok: false; issues: Issue[] };
/** A request ready for `fetch(request.url, request)`. */
export interface FlowRequest {
  method: "POST";
  url: string;
  headers: Record<string, string>;
  /** The normalized payload as JSON text. */
  body: string;
}
/** The outcome of build. */
export type BuildResult =
  | { ok: true; request: FlowRequest; issues: Issue[] }
  | { ok: false; issues: Issue[] };
/** Form input: flat names with dots and brackets (`webhooks[0].url`). */
export type FormInput = FormData | URLSearchParams | Record<string, string>;
"#;

// ----- options -----
//
// `encodeOptions` (js/bridge.js) copies the options as JSON text (getters
// and Proxy traps run there, in try/catch); the core parses it and reads
// each option from that value. Each option is read on its own (a
// [`Given`]), so each mistake is reported, not only the first.

/// The option keys: build's credentials and target (the first
/// [`CREDENTIALS`]), then the options of every function.
const KEYS: [&str; 7] = [
    "apiKey",
    "workspaceId",
    "baseUrl",
    "unknownKeys",
    "maxBytes",
    "maxDepth",
    "maxItems",
];
const CREDENTIALS: usize = 3;

/// One option as given: left out, a value of its type, or another value.
enum Given<T> {
    Absent,
    Valid(T),
    Wrong,
}

/// The option `key` of the bridge's options value (an object of options;
/// strings, and counts: whole numbers from 0 to 1e15, the only numbers the
/// bridge writes), as `read` takes it.
fn option<'a, T>(
    values: &'a Value,
    key: &str,
    read: impl FnOnce(&'a Value) -> Option<T>,
) -> Given<T> {
    match values.get(key) {
        None => Given::Absent,
        Some(v) => read(v).map_or(Given::Wrong, Given::Valid),
    }
}

/// Reads `options` (undefined, null, or an object); problems become issues:
/// a key that is no option (with the option it probably meant), a value of
/// the wrong type, a limit past its hard ceiling. With `build`, also the
/// credentials (their problems are issues at `/apiKey`...); without, they
/// are left empty. Left out (`None`: undefined or null), the defaults, with
/// no JS call.
fn read_options(options: Option<&JsValue>, build: bool, issues: &mut Vec<Issue>) -> BuildOptions {
    let Some(options) = options else {
        return BuildOptions::default();
    };
    let names = if build {
        &KEYS[..]
    } else {
        &KEYS[CREDENTIALS..]
    };
    let mut list = String::new();
    for name in names {
        if !list.is_empty() {
            list.push(',');
        }
        list.push_str(name);
    }
    let mut values = Value::Null;
    match text_of(&encode_options(options, &list)).map(|t| bridge_json(&t)) {
        None => {}
        Some(Value::Array(mut parts)) if parts.len() == 2 => {
            // A misspelled option must not pass unnoticed (`unknownkeys:
            // "reject"` would leave strict mode off): an error, with the
            // likely key.
            if let Some(Value::Array(keys)) = parts.pop() {
                for k in &keys {
                    issues.push(unknown_option(bridge_str(k), names));
                }
            }
            values = parts.pop().unwrap_or_default();
        }
        Some(_) => issues.push(option_issue(
            None,
            IssueCode::InvalidType,
            "`options` must be an object such as { unknownKeys: \"strip\" }; leave it out for the defaults.".into(),
            "object",
        )),
    }
    let unknown_keys = option(&values, "unknownKeys", |v| match v.as_str()? {
        "strip" => Some(UnknownKeys::Strip),
        "keep" => Some(UnknownKeys::Keep),
        "reject" => Some(UnknownKeys::Reject),
        _ => None,
    });
    let unknown_keys = match unknown_keys {
        Given::Absent => UnknownKeys::default(),
        Given::Valid(u) => u,
        Given::Wrong => {
            issues.push(option_issue(
                Some("unknownKeys"),
                IssueCode::InvalidEnum,
                "`options.unknownKeys` must be \"strip\", \"keep\" or \"reject\".".into(),
                "strip | keep | reject",
            ));
            UnknownKeys::default()
        }
    };
    let defaults = Limits::default();
    let mut limit = |key: &'static str, default: usize| -> usize {
        // Past usize (2^32 on wasm32), the largest, as `f64 as usize` made it.
        let count = |v: &Value| match v {
            Value::Number(n) => Some(n.as_index().unwrap_or(usize::MAX)),
            _ => None,
        };
        match option(&values, key, count) {
            Given::Absent => default,
            Given::Valid(n) if n >= 1 => n,
            _ => {
                issues.push(option_issue(
                    Some(key),
                    IssueCode::InvalidType,
                    cat(&[
                        "`options.",
                        key,
                        "` must be a whole number of at least 1; leave it out for the default (",
                        &uint(default),
                        ").",
                    ]),
                    "number",
                ));
                default
            }
        }
    };
    let limits = Limits {
        max_bytes: limit("maxBytes", defaults.max_bytes),
        max_depth: limit("maxDepth", defaults.max_depth),
        max_items: limit("maxItems", defaults.max_items),
    };
    // The depth has a hard ceiling (the parser's recursion bound): past it,
    // the call would run with less than asked, so it says so and fails.
    if limits.max_depth > json::DEPTH_CEILING {
        issues.push(option_issue(
            Some("maxDepth"),
            IssueCode::TooLarge,
            "`options.maxDepth` is past its hard limit of 127, which no option can raise; give at most 127.".into(),
            "at most 127",
        ));
    }
    let options = Options {
        unknown_keys,
        limits,
    };
    if !build {
        return BuildOptions {
            options,
            ..BuildOptions::default()
        };
    }
    let mut text = |key: &str| match values.get(key) {
        Some(Value::String(s)) => s.clone(),
        // null is left out, as undefined is.
        None | Some(Value::Null) => String::new(),
        Some(given) => {
            // What it was: the bridge's `{"$": what}`, or the JSON type.
            let what = given.get("$").and_then(Value::as_str);
            let mut i = Issue::new(
                vec![key.into()],
                IssueCode::InvalidType,
                cat(&["`", key, "` must be a string."]),
            );
            i.set_expected("string");
            i.received = Some(what.unwrap_or(given.type_name()).into());
            issues.push(i);
            String::new()
        }
    };
    BuildOptions {
        api_key: text("apiKey"),
        workspace_id: text("workspaceId"),
        base_url: Some(text("baseUrl")).filter(|s| !s.is_empty()),
        options,
    }
}

/// An error at `/options` or `/options/<key>`.
fn option_issue(key: Option<&'static str>, code: IssueCode, msg: String, expected: &str) -> Issue {
    let mut path = vec![PathSegment::from("options")];
    if let Some(key) = key {
        path.push(key.into());
    }
    let mut i = Issue::new(path, code, msg);
    i.set_expected(expected);
    i
}

/// `unknown_key` for an option key: with the option it probably meant, or
/// the list of options.
fn unknown_option(k: String, names: &[&'static str]) -> Issue {
    let mut msg = String::with_capacity(128);
    msg.push_str("`options.");
    msg.push_str(&k);
    msg.push_str("` is not an option, so it would be ignored; ");
    match crate::rules::suggest(&k, names) {
        Some(s) => {
            msg.push_str("did you mean `");
            msg.push_str(s);
            msg.push_str("`?");
        }
        None => {
            msg.push_str("the options are ");
            for (n, name) in names.iter().enumerate() {
                if n > 0 {
                    msg.push_str(if n + 1 == names.len() { " and " } else { ", " });
                }
                msg.push_str(name);
            }
            msg.push('.');
        }
    }
    let mut i = Issue::new(
        vec!["options".into(), PathSegment::Key(k)],
        IssueCode::UnknownKey,
        msg,
    );
    i.severity = crate::issues::Severity::Error;
    i
}

/// A JavaScript value as the bridge wrote it: JSON text and the list of
/// values JSON cannot carry, or the `too_large` issue.
struct Encoded {
    text: Result<String, Issue>,
    aliens: Option<String>,
}

fn encode(input: &JsValue, opts: &Options) -> Encoded {
    let limits = opts.limits;
    let depth = limits.depth().min(u32::MAX as usize) as u32;
    let items = limits.max_items.min(u32::MAX as usize) as u32;
    let parts = encode_input(input, depth, items);
    if let Some(text) = text_of(&parts) {
        return Encoded {
            text: Ok(text),
            aliens: None,
        };
    }
    let parts: js_sys::Array = parts.unchecked_into();
    if let Some(t) = text_of(&parts.get(2)) {
        let (path, what) = match bridge_json(&t) {
            Value::Array(a) if a.len() == 2 => (bridge_path(&a[0]), bridge_str(&a[1])),
            _ => (Vec::new(), String::new()),
        };
        let msg = if what == "depth" {
            json::depth_message(limits.depth())
        } else if what == "values" {
            // Shared objects count each time they appear (see js/bridge.js).
            "Reading the payload passed 1,000,000 values here (an object referred to from several places counts each time it appears); pass plain JSON data, with no shared objects repeated that often.".to_owned()
        } else {
            json::items_message(limits.max_items)
        };
        return Encoded {
            text: Err(Issue::new(path, IssueCode::TooLarge, msg)),
            aliens: None,
        };
    }
    Encoded {
        text: Ok(text_of(&parts.get(0)).unwrap_or_else(|| "null".into())),
        aliens: text_of(&parts.get(1)),
    }
}

/// The encoded value as a core value (no JS calls: runs in the arena).
#[allow(clippy::result_large_err)]
fn read_input(enc: &Encoded, opts: &Options, skip: json::Place) -> Result<Value, Issue> {
    let text = enc.text.as_ref().map_err(Clone::clone)?;
    // maxBytes limits JSON text; an object is held to depth and item limits
    // (enforced while the bridge read it), as in the Rust core.
    // With values to put back at their paths, build everything.
    let at = if enc.aliens.is_some() {
        json::Place::FULL
    } else {
        skip
    };
    let mut value = json::parse_at(
        text,
        &Limits {
            max_bytes: usize::MAX,
            ..opts.limits
        },
        at,
    )?;
    if let Some(aliens) = &enc.aliens {
        for (path, kind) in bridge_pairs(aliens) {
            let path = bridge_path(&path);
            if let Some(slot) = value.pointer_mut(&path) {
                *slot = match kind.as_str() {
                    "NaN" => Value::Number(Number::non_finite(f64::NAN)),
                    "Infinity" => Value::Number(Number::non_finite(f64::INFINITY)),
                    "-Infinity" => Value::Number(Number::non_finite(f64::NEG_INFINITY)),
                    _ => Value::Alien(kind),
                };
            }
        }
    }
    Ok(value)
}

/// The module's memory as a JavaScript value, asked for once (each ask is
/// a call out to JavaScript and a slot of the externref table).
struct Memory(core::cell::UnsafeCell<Option<JsValue>>);
// wasm32 without atomics: one thread.
unsafe impl Sync for Memory {}
static MEMORY: Memory = Memory(core::cell::UnsafeCell::new(None));

fn memory() -> &'static JsValue {
    // SAFETY: one thread, and nothing else takes this reference while it
    // is set (the module is instantiated afresh with a fresh static).
    unsafe { (*MEMORY.0.get()).get_or_insert_with(wasm_bindgen::memory) }
}

/// A JavaScript string as a Rust one, copied once, straight into the
/// module's memory; None if it is not a string.
fn text_of(text: &JsValue) -> Option<String> {
    let units = text.dyn_ref::<js_sys::JsString>()?.length() as usize;
    let cap = units.saturating_mul(3);
    let mut buf: Vec<u8> = Vec::with_capacity(cap);
    let len = write_utf8(text, memory(), buf.as_mut_ptr(), cap).min(cap);
    // SAFETY: the bridge wrote `len` bytes (at most `cap`) into the buffer.
    unsafe { buf.set_len(len) };
    // SAFETY: encodeInto writes well-formed UTF-8 only (a lone surrogate
    // becomes U+FFFD), whole characters only, and `cap` (3 bytes a UTF-16
    // unit) holds all of them: no check of a megabyte it cannot fail.
    Some(unsafe { String::from_utf8_unchecked(buf) })
}

/// Parses JSON text written by the bridge (never fails: bad text reads as null).
fn bridge_json(text: &str) -> Value {
    let limits = Limits {
        max_bytes: usize::MAX,
        max_depth: json::DEPTH_CEILING,
        max_items: usize::MAX,
    };
    json::parse(text, &limits).unwrap_or_default()
}

fn bridge_str(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

/// A path written by the bridge: keys and indexes.
fn bridge_path(v: &Value) -> Vec<PathSegment> {
    let mut path = Vec::new();
    for seg in v.as_array().map_or(&[][..], Vec::as_slice) {
        path.push(match seg {
            Value::Number(n) => PathSegment::Index(n.as_index().unwrap_or(usize::MAX)),
            other => PathSegment::Key(bridge_str(other)),
        });
    }
    path
}

/// `[[a, "b"], ...]` pairs written by the bridge: a value and a string.
fn bridge_pairs(text: &str) -> Vec<(Value, String)> {
    let mut pairs = Vec::new();
    if let Value::Array(items) = bridge_json(text) {
        for p in items {
            pairs.push(match p {
                Value::Array(mut two) if two.len() == 2 => {
                    let b = bridge_str(&two[1]);
                    (two.swap_remove(0), b)
                }
                _ => (Value::Null, String::new()),
            });
        }
    }
    pairs
}

/// What a result is: `{ valid, issues }`, `{ ok, value, issues }` or
/// `{ ok, request, issues }` (`{ ok: false, issues }` when not ok).
#[derive(Clone, Copy, Default)]
enum Shape {
    #[default]
    Valid = 0,
    Value = 1,
    Request = 2,
}

/// A result in the compact form that `result` in js/bridge.js reads: the
/// value's JSON text, and the issues as numbers (see `readIssues` there)
/// with their strings one after the other in `text`.
#[derive(Default)]
struct Out {
    shape: Shape,
    ok: bool,
    value: String,
    nums: Vec<f64>,
    text: String,
}

impl Out {
    /// `{"<flag>": ok, [value,] issues: [...pre, ...issues]}`.
    fn result(&mut self, shape: Shape, ok: bool, pre: &[Issue], issues: &[Issue]) {
        self.shape = shape;
        self.ok = ok;
        for i in pre {
            self.issue(i);
        }
        for i in issues {
            self.issue(i);
        }
    }

    /// A string into `text`; its length in UTF-16 units.
    fn str(&mut self, s: &str) -> f64 {
        self.text.push_str(s);
        if s.is_ascii() {
            return s.len() as f64;
        }
        // One unit per character, two past U+FFFF (4 bytes in UTF-8).
        let mut n = 0usize;
        for &b in s.as_bytes() {
            n += usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0);
        }
        n as f64
    }

    fn issue(&mut self, i: &Issue) {
        let has = u8::from(i.expected.is_some())
            | u8::from(i.received.is_some()) << 1
            | u8::from(i.line.is_some()) << 2
            | u8::from(i.column.is_some()) << 3;
        let severity = match i.severity {
            crate::issues::Severity::Error => 0.0,
            crate::issues::Severity::Warning => 1.0,
        };
        let n = self.str(i.code.as_str());
        self.nums.push(n);
        self.nums.push(severity);
        self.nums.push(f64::from(has));
        self.nums.push(i.path.len() as f64);
        for seg in &i.path {
            let n = match seg {
                PathSegment::Key(k) => -1.0 - self.str(k),
                PathSegment::Index(x) => *x as f64,
            };
            self.nums.push(n);
        }
        let n = self.str(&i.pointer);
        self.nums.push(n);
        let n = self.str(&i.message);
        self.nums.push(n);
        if let Some(s) = &i.expected {
            let n = self.str(s);
            self.nums.push(n);
        }
        if let Some(s) = &i.received {
            let n = self.str(s);
            self.nums.push(n);
        }
        if let Some(n) = i.line {
            self.nums.push(n as f64);
        }
        if let Some(n) = i.column {
            self.nums.push(n as f64);
        }
    }

    /// The result object (a JS call: outside the arena scope).
    fn to_js(&self) -> JsValue {
        let shape = self.shape as u32;
        if self.nums.is_empty() && self.value.is_empty() {
            return empty(shape, self.ok);
        }
        result(shape, self.ok, &self.nums, &self.text, &self.value)
    }
}

fn validate_out(out: &mut Out, pre: &[Issue], report: &Report) {
    let valid = !(any_error(pre) || any_error(&report.issues));
    out.result(Shape::Valid, valid, pre, &report.issues)
}

fn normalize_out(out: &mut Out, pre: &[Issue], n: &Normalized) {
    let failed = any_error(pre);
    let value = n.value.as_ref().filter(|_| !failed);
    if let Some(v) = value {
        write::value(&mut out.value, v);
    }
    out.result(Shape::Value, value.is_some(), pre, &n.issues)
}

/// The text of a `...Json` call, or the issue for a non-string argument.
fn read_text(text: &JsValue) -> Result<String, Issue> {
    if let Some(t) = text_of(text) {
        return Ok(t);
    }
    Err({
        let mut i = Issue::new(vec![], IssueCode::InvalidType, "The JSON text must be a string; pass the text itself (use validateCallFlow / normalizeCallFlow for objects).");
        i.set_expected("string");
        i.received = text_of(&describe(text));
        i
    })
}

/// The bridge's text of a form's fields ([`form_entries`] reads it); a value that is not text, or a
/// form that is none, becomes an issue in `pre`.
fn read_form(form: &JsValue, opts: &Options, pre: &mut Vec<Issue>) -> String {
    let parts = encode_form(
        form,
        opts.limits.max_items.min(u32::MAX as usize - 1) as u32,
    );
    let entries = text_of(&parts.get(0)).unwrap_or_default();
    if let Some(bad) = text_of(&parts.get(1)) {
        for (name, what) in bridge_pairs(&bad) {
            let name = bridge_str(&name);
            let path = if name.is_empty() {
                Vec::new()
            } else {
                crate::form::name_path(&name)
            };
            let mut i = Issue::new(
                path,
                IssueCode::InvalidType,
                if name.is_empty() {
                    cat(&[
                        "The form must be a FormData, a URLSearchParams or an object of strings, not ",
                        &what,
                        ".",
                    ])
                } else {
                    cat(&[
                        "The form field `",
                        &name,
                        "` must be text, not ",
                        &what,
                        ".",
                    ])
                },
            );
            i.set_expected("string");
            i.received = Some(what);
            pre.push(i);
        }
    }
    entries
}

/// The form's fields from the bridge's text of them (read in the arena,
/// [`pure`]: a field is a few allocations, freed together).
fn form_entries(text: &str) -> Vec<(String, String)> {
    let mut entries = Vec::new();
    for (name, value) in bridge_pairs(text) {
        entries.push((bridge_str(&name), value));
    }
    entries
}

/// The request of build as the JSON text of `{ method, url, headers, body }`.
fn write_request(v: &mut String, r: &crate::request::Request) {
    v.push('{');
    write::key(v, "method", true);
    write::string(v, r.method);
    write::key(v, "url", false);
    write::string(v, &r.url);
    write::key(v, "headers", false);
    v.push('{');
    for (n, (k, val)) in r.headers.iter().enumerate() {
        write::key(v, k, n == 0);
        write::string(v, val);
    }
    v.push('}');
    write::key(v, "body", false);
    write::string(v, &r.body);
    v.push('}');
}

/// A function's call once what it reads from JavaScript has been read
/// (the options, the input, the overrides): its pure part is left.
enum Job {
    Validate(Encoded),
    ValidateText(Result<String, Issue>),
    Normalize(Encoded),
    NormalizeText(Result<String, Issue>),
    Build(Encoded),
    /// The bridge's text of the form's fields; `None` when the form is
    /// none (its issue, at the root, is among the option issues).
    Form(Option<String>),
    Clone(Encoded, Result<Option<Value>, Issue>),
    CloneText(Result<String, Issue>, Result<Option<Value>, Issue>),
}

impl Job {
    /// The pure part (no JS calls: runs in the arena): writes the result,
    /// with `pre` (the issues of the options and the form) first.
    fn run(self, kind: Kind, pre: &[Issue], b: &BuildOptions, out: &mut Out) {
        let opts = &b.options;
        let failed = |issue| Normalized {
            value: None,
            issues: vec![issue],
        };
        let n = match self {
            Job::Validate(enc) => {
                let report = match read_input(&enc, opts, kind.skip_place()) {
                    Ok(v) => {
                        let r = crate::validate_checked(kind, &v, opts, crate::Known::Limited);
                        crate::value::discard(v);
                        r
                    }
                    Err(issue) => Report {
                        valid: false,
                        issues: vec![issue],
                    },
                };
                return validate_out(out, pre, &report);
            }
            Job::ValidateText(text) => {
                let report = match text {
                    Ok(t) => crate::validate_json(kind, &t, opts),
                    Err(issue) => Report {
                        valid: false,
                        issues: vec![issue],
                    },
                };
                return validate_out(out, pre, &report);
            }
            Job::Build(enc) => return build_out(out, kind, &enc, pre, b),
            Job::Normalize(enc) => match read_input(&enc, opts, json::Place::FULL) {
                Ok(v) => {
                    let n = crate::normalize_checked(kind, &v, opts, crate::Known::Limited);
                    crate::value::discard(v);
                    n
                }
                Err(issue) => failed(issue),
            },
            Job::NormalizeText(text) => match text {
                Ok(t) => crate::normalize_json(kind, &t, opts),
                Err(issue) => failed(issue),
            },
            Job::Form(Some(text)) => crate::from_form(kind, &form_entries(&text), opts),
            Job::Form(None) => Normalized {
                value: None,
                issues: Vec::new(),
            },
            Job::Clone(enc, over) => match (read_input(&enc, opts, json::Place::FULL), over) {
                (Ok(v), Ok(o)) => crate::clone::from_checked(kind, &v, o.as_ref(), opts),
                (Err(issue), _) | (_, Err(issue)) => failed(issue),
            },
            Job::CloneText(text, over) => match (text, over) {
                (Ok(t), Ok(o)) => crate::clone::from_response_json(kind, &t, o.as_ref(), opts),
                (Err(issue), _) | (_, Err(issue)) => failed(issue),
            },
        };
        normalize_out(out, pre, &n);
        if let Some(v) = n.value {
            crate::value::discard(v);
        }
    }
}

/// Build's result: the request, unless an option is wrong.
fn build_out(out: &mut Out, kind: Kind, enc: &Encoded, pre: &[Issue], b: &BuildOptions) {
    let parsed = read_input(enc, &b.options, json::Place::FULL);
    let mut res = build_from_parsed(kind, parsed.as_ref().map_err(Clone::clone), b);
    // `apiKey: 123` is one mistake: its `invalid_type`, not also `required`.
    // (A plain loop, not `retain`: its generic code is larger in wasm.)
    let mut kept = 0;
    for n in 0..res.issues.len() {
        let mut repeated = false;
        for p in pre {
            repeated |= p.path.len() == 1 && p.pointer == res.issues[n].pointer;
        }
        if !repeated {
            res.issues.swap(kept, n);
            kept += 1;
        }
    }
    res.issues.truncate(kept);
    let failed = any_error(pre);
    let request = if failed { None } else { res.request.as_ref() };
    if let Some(r) = request {
        write_request(&mut out.value, r);
    }
    out.result(Shape::Request, request.is_some(), pre, &res.issues)
}

/// An optional argument of an export: `None` when left out (`undefined`)
/// or `null`, as an `Option<JsValue>` parameter reads it. A plain `JsValue`
/// parameter, whose glue hands the value over as it is: an `Option<JsValue>`
/// one costs each export a conversion that can throw (about 3 KB of wasm
/// for the 16 exports).
fn given(v: &JsValue) -> Option<&JsValue> {
    (!v.is_undefined() && !v.is_null()).then_some(v)
}

// ----- from a response (clone) -----

#[wasm_bindgen(typescript_custom_section)]
const TS_CLONE: &'static str = r#"
/** Create fields that replace a response's values key by key (top level, and inside `settings`); `null` removes a key. */
export type Overrides<T> = {
  [K in keyof T]?: (K extends "settings" ? { [S in keyof NonNullable<T[K]>]?: NonNullable<T[K]>[S] | null } : T[K]) | null;
};
/** Overrides of callFlowFromResponse. */
export type CallFlowOverrides = Overrides<CallFlowInput>;
/** Overrides of messageFlowFromResponse. */
export type MessageFlowOverrides = Overrides<MessageFlowInput>;
"#;

/// The overrides argument as a core value (`None` when left out). Problems
/// reading it (depth, items) come back as issues at `/overrides/...`.
fn read_overrides(overrides: &JsValue, opts: &Options) -> Result<Option<Value>, Issue> {
    if overrides.is_undefined() || overrides.is_null() {
        return Ok(None);
    }
    read_input(&encode(overrides, opts), opts, json::Place::FULL)
        .map(Some)
        .map_err(|mut issue| {
            issue.path.insert(0, PathSegment::Key("overrides".into()));
            issue.pointer = crate::issues::pointer(&issue.path);
            issue
        })
}

// ----- the export -----

/// The package's functions of two arguments (`a`, `b`), in one export
/// (one wrapper in the glue and in the module, not 12): `op` is the
/// function's number times 2, plus 1 for a message flow (the named
/// functions below give each number, which scripts/build-pkg.mjs's
/// `WRAPPED` repeats). Never throws.
#[wasm_bindgen(skip_typescript)]
pub fn call(op: u32, a: JsValue, b: JsValue) -> JsValue {
    run(op, a, b, JsValue::UNDEFINED)
}

/// [`call`] for the functions of three arguments (the clone functions, 12
/// to 15): an export of their own, so that the other calls pass no third
/// value (each JavaScript value an export takes costs a call about 30 ns).
#[wasm_bindgen(js_name = callClone, skip_typescript)]
pub fn call_clone(op: u32, a: JsValue, b: JsValue, c: JsValue) -> JsValue {
    run(op, a, b, c)
}

/// What [`call`] and [`call_clone`] run.
fn run(op: u32, a: JsValue, b: JsValue, c: JsValue) -> JsValue {
    let kind = if op & 1 == 0 {
        Kind::CallFlow
    } else {
        Kind::MessageFlow
    };
    let f = op >> 1;
    if f > 7 {
        return JsValue::UNDEFINED;
    }
    // What calls JavaScript comes first, in this order: the options, the
    // input, the overrides (clone).
    let mut pre = Vec::new();
    let clone = f >= 6;
    let options = read_options(given(if clone { &c } else { &b }), f == 4, &mut pre);
    let opts = &options.options;
    let job = match f {
        0 => Job::Validate(encode(&a, opts)),
        1 => Job::ValidateText(read_text(&a)),
        2 => Job::Normalize(encode(&a, opts)),
        3 => Job::NormalizeText(read_text(&a)),
        4 => Job::Build(encode(&a, opts)),
        5 => {
            let entries = read_form(&a, opts, &mut pre);
            let mut form_is_none = false;
            for i in &pre {
                form_is_none |= i.path.is_empty();
            }
            Job::Form(if form_is_none { None } else { Some(entries) })
        }
        6 => Job::Clone(encode(&a, opts), read_overrides(&b, opts)),
        _ => Job::CloneText(read_text(&a), read_overrides(&b, opts)),
    };
    pure(|out| job.run(kind, &pre, &options, out))
}

/// The package's functions by name, for Rust callers (tests/wasm.rs): each
/// runs [`run`] with its number.
macro_rules! functions {
    ($($(#[$doc:meta])* $op:literal => $name:ident($($arg:ident),*);)*) => {$(
        $(#[$doc])*
        pub fn $name($($arg: JsValue),*) -> JsValue {
            let mut args = [$($arg),*].into_iter();
            let mut next = || args.next().unwrap_or(JsValue::UNDEFINED);
            run($op, next(), next(), next())
        }
    )*};
}

functions! {
    /// Validates a payload: every issue, in document order.
    0 => validateCallFlow(input, options);
    1 => validateMessageFlow(input, options);
    /// Validates JSON text (strict RFC 8259); `invalid_json` carries line and column.
    2 => validateCallFlowJson(text, options);
    3 => validateMessageFlowJson(text, options);
    /// Validates, then returns the canonical payload (defaults filled, moved fields in place).
    4 => normalizeCallFlow(input, options);
    5 => normalizeMessageFlow(input, options);
    /// Normalizes JSON text.
    6 => normalizeCallFlowJson(text, options);
    7 => normalizeMessageFlowJson(text, options);
    /// Normalizes and builds the HTTP request. The api key is never echoed in an issue.
    8 => buildCallFlowRequest(input, options);
    9 => buildMessageFlowRequest(input, options);
    /// Coerces form fields (`webhooks[0].url`, booleans, numbers), then normalizes.
    10 => callFlowFromForm(form, options);
    11 => messageFlowFromForm(form, options);
    /// A create payload from a flow as the API returns it: server fields
    /// dropped, `overrides` applied (top level and `settings`; `null`
    /// removes a key), then normalized.
    12 => callFlowFromResponse(response, overrides, options);
    13 => messageFlowFromResponse(response, overrides, options);
    /// The same, for a response given as JSON text.
    14 => callFlowFromResponseJson(text, overrides, options);
    15 => messageFlowFromResponseJson(text, overrides, options);
}
