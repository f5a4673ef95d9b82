//! JSON Schemas (draft 2020-12) of the two payloads, generated from the
//! schema (native only; committed as `schema/*.schema.json`, copied into
//! the npm package).
//!
//! Each payload has two variants, one per kind of `unknownKeys` mode: the
//! default one allows keys the endpoint does not define (validate warns
//! about them, normalize drops or keeps them), the `reject` one sets
//! `additionalProperties: false` on every object that is not open (flow
//! nodes and edges keep their other properties). What JSON Schema cannot
//! say is listed in the schema's top-level `description` ([`CANNOT`]).

use crate::catalogue::{default_of, pretty, s, strings};
use crate::rules::formats::timezone_names;
use crate::rules::UnknownKeys;
use crate::schema::{
    Def, Need, Role, Shape, Ty, CALL_FLOW, CHANNELS, HEADER_PAIR, MESSAGE_FLOW, RESPONSE_SETTINGS,
};
use crate::value::{Number, Object, Value};
use crate::Kind;

/// Where the published schemas live (their `$id`s).
pub const BASE: &str = "https://raw.githubusercontent.com/trillet-flows/trillet-flows/main/schema/";

/// White space as `formats::is_blank` reads it (Unicode White_Space).
const SPACE: &str = r"\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";

/// `HH:MM`, `00:00` to `23:59`.
pub const TIME: &str = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
/// An RFC 9110 token (a header name).
pub const TOKEN: &str = "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$";
/// A header value: no control characters but tab, no DEL.
pub const HEADER_VALUE: &str = r"^[^\u0000-\u0008\u000a-\u001f\u007f-\u009f]*$";

/// Something other than white space (`empty` otherwise).
fn non_blank() -> String {
    format!("[^{SPACE}]")
}

/// Only white space, or nothing.
fn blank() -> String {
    format!("^[{SPACE}]*$")
}

/// An absolute http(s) URL with a host, as `formats::check_url` reads it:
/// no spaces, controls or `\ < > "`; an optional user part; a name (no
/// leading dot, no empty label) or a bracketed IPv6 host; a port up to
/// 65535. (The IPv4 forms of a numeric host and the IPv6 grammar are
/// checked by the library only.)
fn url() -> String {
    let any = format!(r#"[^\u0000-\u0020\u007f-\u00a0{SPACE}\\<>"]"#);
    let label = format!(r"(?:[-A-Za-z0-9_~%]|[^\u0000-\u00a0{SPACE}])+");
    let port =
        "(?:[0-9]{0,4}|[0-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])";
    format!(
        r"^[Hh][Tt][Tt][Pp][Ss]?://(?:(?:(?![/?#]){any})*@)?(?:\[[0-9A-Fa-f:.]+\]|{label}(?:\.{label})*\.?)(?::{port})?(?:[/?#]{any}*)?$"
    )
}

/// What JSON Schema cannot say, and validate checks (the description).
pub const CANNOT: &str = "What this JSON Schema cannot say, and trillet-flows' validate checks: \
ids and names that must be unique (flow node and edge ids, collection ids, the variable keys of a collection, \
the variable names of a webhook, header names ignoring case: `duplicate`); \
flow edges that name nodes which do not exist (`dangling_reference`); \
at most one default dynamic variable collection (`multiple_defaults`); \
mirrored fields that must agree (`settings.welcomeMessage` and `welcomeMessage`, `settings.customWelcomeMessage`, \
`settings.webhooks.agent` and `agentWebhookUrl`, `settings.webhooks.inbound` and `inboundWebhookUrl`: `conflict`); \
fields at documented other places (accepted here and marked `deprecated`; normalize moves them, and a field given \
at both places with different values is a `conflict`); \
working hours that start and end at the same minute (`empty_window`); \
URL hosts beyond their shape (the IPv4 forms of a numeric host, the IPv6 grammar; the `uri` format is also \
stricter than the library about non-ASCII characters); \
and every warning (`unusual_id`, `insecure_url`, `unreachable_url`, `moved`, `unknown_key`, `read_only`, \
`ignored_for_channel`, `recommended`, `only_with` for `preConfiguredWorkspaceId`, a repeated webhook name), \
since a warning never makes a payload invalid: some are annotations here (`deprecated`, descriptions in `if`/`then`). \
`null` is accepted wherever a field is optional, and means absent.";

/// The file name of a payload's schema (`call-flow.schema.json`).
pub fn file_name(kind: Kind, unknown_keys: UnknownKeys) -> String {
    let stem = match kind {
        Kind::CallFlow => "call-flow",
        Kind::MessageFlow => "message-flow",
    };
    match unknown_keys {
        UnknownKeys::Reject => format!("{stem}.reject.schema.json"),
        _ => format!("{stem}.schema.json"),
    }
}

/// A payload's JSON Schema as pretty JSON text.
pub fn json(kind: Kind, unknown_keys: UnknownKeys) -> String {
    pretty(&json_schema(kind, unknown_keys))
}

/// A payload's JSON Schema. `Strip` and `Keep` give the same schema
/// (unknown keys allowed); `Reject` the closed one.
pub fn json_schema(kind: Kind, unknown_keys: UnknownKeys) -> Value {
    let reject = unknown_keys == UnknownKeys::Reject;
    let (root, title, endpoint) = match kind {
        Kind::CallFlow => (
            &CALL_FLOW,
            "Create Call Flow request body",
            "POST /v1/api/call-flows",
        ),
        Kind::MessageFlow => (
            &MESSAGE_FLOW,
            "Create Message Flow request body",
            "POST /v1/api/message-flows",
        ),
    };
    let mode = if reject {
        "This variant rejects keys the endpoint does not define (`additionalProperties: false`), \
as validate does with `unknownKeys: \"reject\"`."
    } else {
        "Keys the endpoint does not define are allowed, as validate allows them by default (with an \
`unknown_key` or `read_only` warning; normalize drops them, or keeps them with `unknownKeys: \"keep\"`); \
the `.reject` variant rejects them."
    };
    let mut defs: Vec<&'static Shape> = Vec::new();
    reachable(root, &mut defs);
    let mut o = Object::new();
    o.push("$schema", s("https://json-schema.org/draft/2020-12/schema"));
    o.push(
        "$id",
        s(&format!("{BASE}{}", file_name(kind, unknown_keys))),
    );
    o.push("title", s(title));
    o.push(
        "description",
        s(&format!(
            "The body of Trillet AI's {title_short} request ({endpoint}), generated from trillet-flows' schema. {mode} {CANNOT}",
            title_short = &title[..title.len() - " request body".len()],
        )),
    );
    for (k, v) in shape_schema(root, reject).into_entries() {
        if k != "title" {
            o.push(k, v);
        }
    }
    let mut d = Object::new();
    for shape in defs {
        d.push(shape.name, Value::Object(shape_schema(shape, reject)));
    }
    let mut tz = Object::new();
    tz.push("title", s("IANA time zone name"));
    tz.push(
        "description",
        s("A name of the IANA tz database (zones and links), spelled exactly."),
    );
    tz.push("type", s("string"));
    tz.push(
        "enum",
        Value::Array(timezone_names().iter().map(|n| s(n)).collect()),
    );
    d.push("timezone", Value::Object(tz));
    o.push("$defs", Value::Object(d));
    Value::Object(o)
}

/// Every shape below `root`, once, in the order first met.
fn reachable(root: &'static Shape, out: &mut Vec<&'static Shape>) {
    for d in root.fields {
        let child = match d.ty {
            Ty::Object(sh) | Ty::List(sh) => Some(sh),
            Ty::Headers => Some(&HEADER_PAIR),
            _ => None,
        };
        if let Some(sh) = child {
            if !out.iter().any(|x| std::ptr::eq(*x, sh)) {
                out.push(sh);
                reachable(sh, out);
            }
        }
    }
}

fn num(n: i64) -> Value {
    Value::Number(Number::from(n))
}

fn obj(pairs: Vec<(&str, Value)>) -> Value {
    let mut o = Object::new();
    for (k, v) in pairs {
        o.push(k, v);
    }
    Value::Object(o)
}

/// `{ "$ref": "#/$defs/<name>" }`.
fn reference(name: &str) -> Value {
    obj(vec![("$ref", s(&format!("#/$defs/{name}")))])
}

/// The keys that a required field may also be given at, relative to its
/// object: a sibling moved to it, or a field of a child object moved up.
fn alternatives(shape: &Shape, key: &str) -> Vec<Vec<&'static str>> {
    let mut out = Vec::new();
    for d in shape.fields {
        if let Role::Moved(to) = d.role {
            if to == [key] {
                out.push(vec![d.key]);
            }
        }
        if let Ty::Object(child) = d.ty {
            for c in child.fields {
                if let Role::Moved(to) = c.role {
                    if to == ["..", key] {
                        out.push(vec![d.key, c.key]);
                    }
                }
            }
        }
    }
    out
}

/// The schema of an object shape (a `$defs` entry, or the root's body).
fn shape_schema(shape: &'static Shape, reject: bool) -> Object {
    let mut o = Object::new();
    o.push("title", s(shape.name));
    o.push("type", s("object"));
    let mut props = Object::new();
    if std::ptr::eq(shape, &CALL_FLOW) || std::ptr::eq(shape, &MESSAGE_FLOW) {
        // The editor's pointer to this schema, accepted and dropped at the top.
        props.push(
            "$schema",
            obj(vec![(
                "description",
                s("The JSON Schema of this file, for editors; any value is accepted and dropped."),
            )]),
        );
    }
    let mut required = Vec::new();
    let mut rules = Vec::new();
    for d in shape.fields {
        let alts = alternatives(shape, d.key);
        let hard = matches!(d.need, Need::Required(_));
        let mut p = property(d, hard && alts.is_empty());
        // The older array form of webhook headers: its name and value are
        // checked as header names and values are (webhooks::header).
        if std::ptr::eq(shape, &HEADER_PAIR) {
            if let Value::Object(o) = &mut p {
                o.push(
                    "pattern",
                    s(if d.key == "name" { TOKEN } else { HEADER_VALUE }),
                );
            }
        }
        props.push(d.key, p);
        if hard {
            if alts.is_empty() {
                required.push(d.key);
            } else {
                // Required, but may be given at another place instead.
                let mut any = vec![present(&[d.key])];
                any.extend(alts.iter().map(|p| present(p)));
                rules.push(obj(vec![("anyOf", Value::Array(any))]));
            }
        }
    }
    o.push("properties", Value::Object(props));
    if !required.is_empty() {
        o.push("required", strings(&required));
    }
    if reject && !shape.open {
        o.push("additionalProperties", Value::Bool(false));
    }
    if std::ptr::eq(shape, &CALL_FLOW) {
        rules.extend(call_flow_rules());
    } else if std::ptr::eq(shape, &MESSAGE_FLOW) {
        rules.extend(message_flow_rules());
    } else if std::ptr::eq(shape, &RESPONSE_SETTINGS) {
        rules.push(working_hours_rule());
    }
    if !rules.is_empty() {
        o.push("allOf", Value::Array(rules));
    }
    o
}

/// The schema of one field. `null` is allowed unless `strict` (a required
/// field with no other place).
fn property(d: &Def, strict: bool) -> Value {
    let nullable = !strict;
    let mut o = Object::new();
    o.push("title", s(d.text.label));
    let mut doc = d.text.doc.to_owned();
    if let Ty::Enum(e) = d.ty {
        for (v, m) in e.values.iter().zip(e.meanings) {
            doc.push_str(&format!("\n`{v}`: {m}"));
        }
    }
    o.push("description", s(&doc));
    if let Some(v) = default_of(d) {
        o.push("default", v);
    }
    if matches!(d.role, Role::Moved(_)) {
        o.push("deprecated", Value::Bool(true));
    }
    let typed = |t: &str| -> Value {
        if nullable {
            strings(&[t, "null"])
        } else {
            s(t)
        }
    };
    // A reference to a definition, or null when nullable.
    let ref_or_null = |name: &str| -> Vec<(&'static str, Value)> {
        if nullable {
            vec![(
                "anyOf",
                Value::Array(vec![reference(name), obj(vec![("type", s("null"))])]),
            )]
        } else {
            vec![("$ref", s(&format!("#/$defs/{name}")))]
        }
    };
    let rest: Vec<(&'static str, Value)> = match d.ty {
        Ty::Str => vec![("type", typed("string"))],
        Ty::Text | Ty::Id => vec![("type", typed("string")), ("pattern", s(&non_blank()))],
        Ty::Bool => vec![("type", typed("boolean"))],
        Ty::Num { exclusive } => vec![
            ("type", typed("number")),
            (
                if exclusive {
                    "exclusiveMinimum"
                } else {
                    "minimum"
                },
                num(0),
            ),
        ],
        Ty::Enum(e) => {
            let mut values: Vec<Value> = e.values.iter().map(|v| s(v)).collect();
            if nullable {
                values.push(Value::Null);
            }
            vec![("type", typed("string")), ("enum", Value::Array(values))]
        }
        Ty::Url { empty } => {
            let mut v = vec![("type", typed("string"))];
            let uri = obj(vec![("format", s("uri")), ("pattern", s(&url()))]);
            if empty {
                v.push((
                    "anyOf",
                    Value::Array(vec![obj(vec![("const", s(""))]), uri]),
                ));
            } else {
                v.push(("format", s("uri")));
                v.push(("pattern", s(&url())));
            }
            v
        }
        Ty::Time => vec![("type", typed("string")), ("pattern", s(TIME))],
        Ty::Timezone => ref_or_null("timezone"),
        Ty::Headers => {
            let map = obj(vec![
                ("type", s("object")),
                (
                    "propertyNames",
                    obj(vec![("type", s("string")), ("pattern", s(TOKEN))]),
                ),
                (
                    "additionalProperties",
                    obj(vec![("type", s("string")), ("pattern", s(HEADER_VALUE))]),
                ),
            ]);
            let pairs = obj(vec![
                ("type", s("array")),
                ("items", reference(HEADER_PAIR.name)),
            ]);
            let mut any = vec![map, pairs];
            if nullable {
                any.push(obj(vec![("type", s("null"))]));
            }
            vec![("anyOf", Value::Array(any))]
        }
        Ty::Body => {
            let mut any: Vec<Value> = ["string", "object", "array"]
                .iter()
                .map(|t| obj(vec![("type", s(t))]))
                .collect();
            if nullable {
                any.push(obj(vec![("type", s("null"))]));
            }
            vec![("anyOf", Value::Array(any))]
        }
        Ty::Any => Vec::new(),
        Ty::PassList => vec![("type", typed("array"))],
        Ty::Object(sh) => ref_or_null(sh.name),
        Ty::List(sh) => vec![("type", typed("array")), ("items", reference(sh.name))],
    };
    for (k, v) in rest {
        o.push(k, v);
    }
    Value::Object(o)
}

/// A schema for "the value at `path` is present and not null" (each step
/// an object).
fn present(path: &[&str]) -> Value {
    match path {
        [] => obj(vec![("not", obj(vec![("type", s("null"))]))]),
        [k, rest @ ..] => obj(vec![
            ("type", s("object")),
            ("required", strings(&[k])),
            ("properties", obj(vec![(k, present(rest))])),
        ]),
    }
}

/// A schema for "the value at `path` is present and satisfies `leaf`".
fn at(path: &[&str], leaf: Value) -> Value {
    match path {
        [] => leaf,
        [k, rest @ ..] => obj(vec![
            ("type", s("object")),
            ("required", strings(&[k])),
            ("properties", obj(vec![(k, at(rest, leaf))])),
        ]),
    }
}

/// A schema for "if the value at `path` is present, it satisfies `leaf`"
/// (it stands where the value is an object already; a null or missing
/// object on the way passes).
fn if_there(path: &[&str], leaf: Value) -> Value {
    fn below(path: &[&str], leaf: Value) -> Value {
        match path {
            [] => leaf,
            [k, rest @ ..] => obj(vec![
                ("type", strings(&["object", "null"])),
                ("properties", obj(vec![(k, below(rest, leaf))])),
            ]),
        }
    }
    match path {
        [] => leaf,
        [k, rest @ ..] => obj(vec![("properties", obj(vec![(k, below(rest, leaf))]))]),
    }
}

fn not(v: Value) -> Value {
    obj(vec![("not", v)])
}

fn any_of(items: Vec<Value>) -> Value {
    obj(vec![("anyOf", Value::Array(items))])
}

fn all_of(items: Vec<Value>) -> Value {
    obj(vec![("allOf", Value::Array(items))])
}

fn constant(v: Value) -> Value {
    obj(vec![("const", v)])
}

fn string_pattern(p: &str) -> Value {
    obj(vec![("type", s("string")), ("pattern", s(p))])
}

/// The value a mirrored pair stands for: the top-level field when given
/// (not null), else its mirror under `settings`. "It is `leaf`" in schema
/// form.
fn mirrored_is(key: &str, leaf: Value) -> Value {
    any_of(vec![
        at(&[key], leaf.clone()),
        all_of(vec![not(present(&[key])), at(&["settings", key], leaf)]),
    ])
}

/// `customWelcomeMessage` with `welcomeMessage: "ai_custom"` (required, not
/// empty) and without it (empty or absent: `only_with`); and the
/// `preConfiguredWorkspaceId` warning as an annotation.
fn call_flow_rules() -> Vec<Value> {
    let custom = mirrored_is("welcomeMessage", constant(s("ai_custom")));
    let said = mirrored_is("customWelcomeMessage", string_pattern(&non_blank()));
    // Without ai_custom: the value read (top level, else the mirror) is
    // blank if given.
    let quiet = any_of(vec![
        at(&["customWelcomeMessage"], string_pattern(&blank())),
        all_of(vec![
            not(present(&["customWelcomeMessage"])),
            if_there(
                &["settings", "customWelcomeMessage"],
                obj(vec![
                    ("type", strings(&["string", "null"])),
                    ("pattern", s(&blank())),
                ]),
            ),
        ]),
    ]);
    let mut rule = Object::new();
    rule.push(
        "$comment",
        s("customWelcomeMessage is required (and not empty) with welcomeMessage ai_custom, and only used then: a non-empty one with another welcome message type is an only_with error."),
    );
    rule.push("if", custom);
    rule.push("then", said);
    rule.push("else", quiet);
    let mut pre = Object::new();
    pre.push(
        "$comment",
        s("A warning, so an annotation only: preConfiguredWorkspaceId applies only with isPreConfigured true (normalize drops it otherwise)."),
    );
    pre.push(
        "if",
        not(at(&["isPreConfigured"], constant(Value::Bool(true)))),
    );
    pre.push(
        "then",
        if_there(
            &["preConfiguredWorkspaceId"],
            obj(vec![
                ("deprecated", Value::Bool(true)),
                (
                    "description",
                    s("Only applies when isPreConfigured is true (an only_with warning; normalize drops it)."),
                ),
            ]),
        ),
    );
    vec![Value::Object(rule), Value::Object(pre)]
}

/// The channel rules: warnings, so annotations only (`ignored_for_channel`
/// for email settings of an SMS flow, `recommended` for an Email flow's
/// subject line).
fn message_flow_rules() -> Vec<Value> {
    let channel = |c: &str| {
        any_of(vec![
            at(&["messageChannel"], constant(s(c))),
            all_of(vec![
                not(present(&["messageChannel"])),
                at(&["settings", "messageChannel"], constant(s(c))),
            ]),
        ])
    };
    debug_assert_eq!(CHANNELS.values, ["SMS", "Email"]);
    let mut sms = Object::new();
    sms.push(
        "$comment",
        s("A warning, so an annotation only: SMS flows do not use emailSettings (ignored_for_channel)."),
    );
    sms.push("if", channel("SMS"));
    sms.push(
        "then",
        if_there(
            &["settings", "emailSettings"],
            obj(vec![
                ("deprecated", Value::Bool(true)),
                (
                    "description",
                    s("Not used by SMS flows (an ignored_for_channel warning)."),
                ),
            ]),
        ),
    );
    let mut email = Object::new();
    email.push(
        "$comment",
        s("A warning, so an annotation only: Email flows should have a subject line (recommended)."),
    );
    email.push("if", channel("Email"));
    email.push(
        "then",
        if_there(
            &["settings", "emailSettings", "subjectLine"],
            obj(vec![(
                "description",
                s("Recommended for Email flows: without it the emails go out with no subject (a recommended warning)."),
            )]),
        ),
    );
    vec![Value::Object(sms), Value::Object(email)]
}

/// Working hours that are enabled need a start and an end; each of the
/// three may also be given flat in `responseSettings` (moved).
fn working_hours_rule() -> Value {
    // The value read: `workingHours.<key>` when given (not null), else the
    // flat `<key>`.
    let read_is = |key: &str, leaf: Value| {
        any_of(vec![
            at(&["workingHours", key], leaf.clone()),
            all_of(vec![not(present(&["workingHours", key])), at(&[key], leaf)]),
        ])
    };
    let given = |key: &str| any_of(vec![present(&["workingHours", key]), present(&[key])]);
    let mut rule = Object::new();
    rule.push(
        "$comment",
        s("With working hours enabled, start and end are required (in workingHours, or flat beside it: moved)."),
    );
    rule.push("if", read_is("enabled", constant(Value::Bool(true))));
    rule.push("then", all_of(vec![given("start"), given("end")]));
    Value::Object(rule)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_pattern_is_ascii_text() {
        assert!(url().starts_with("^[Hh][Tt][Tt][Pp][Ss]?://"));
        assert!(non_blank().starts_with("[^\\t-\\r "));
    }
}
