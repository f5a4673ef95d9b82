//! From a response to a create payload (RULES.md, "From a response (clone)").
//!
//! A flow as the API returns it holds server-generated fields and may use
//! shapes the create endpoint does not take. [`from_response`] drops the
//! server fields without an issue (a response is expected to hold them),
//! applies `overrides` key by key at the top level and inside `settings`
//! (an override of `null` removes the key), then normalizes the result: every
//! other rule applies as it does to a create payload.

use crate::issues::{Issue, PathSegment};
use crate::value::{Object, ObjectBuilder, Value};
use crate::{json, rules};
use crate::{Kind, Normalized, Options};

/// Turns a response (`GET` of one flow, or a create response) into the
/// create payload for a copy, with `overrides` applied. Paths of issues are
/// those of the merged payload: the response's own for what came from it.
pub fn from_response(
    kind: Kind,
    response: &Value,
    overrides: Option<&Value>,
    opts: &Options,
) -> Normalized {
    if let Some(issue) = json::check_limits(response, &opts.limits) {
        return failed(issue.into());
    }
    from_checked(kind, response, overrides, opts)
}

/// [`from_response`] for a response given as JSON text.
pub fn from_response_json(
    kind: Kind,
    text: &str,
    overrides: Option<&Value>,
    opts: &Options,
) -> Normalized {
    match json::parse(text, &opts.limits) {
        Ok(v) => {
            let mut n = from_checked(kind, &v, overrides, opts);
            // Issues at the response's own paths get their line and column
            // (an override's issue has no place in the text, and gets none).
            crate::issues::locate(text, &mut n.issues);
            n
        }
        Err(issue) => failed(issue.into()),
    }
}

fn failed(issue: Issue) -> Normalized {
    Normalized {
        value: None,
        issues: vec![issue],
    }
}

/// `response` is already held to the limits.
pub(crate) fn from_checked(
    kind: Kind,
    response: &Value,
    overrides: Option<&Value>,
    opts: &Options,
) -> Normalized {
    let over = match overrides {
        None | Some(Value::Null) => None,
        Some(Value::Object(o)) => {
            if let Some(issue) = json::check_limits(&Value::Object(o.clone()), &opts.limits) {
                return failed(prefixed(issue.into()));
            }
            Some(o)
        }
        Some(other) => {
            let mut ctx = rules::Ctx::new(*opts, kind.title(), true);
            ctx.at(rules::Seg::Key("overrides"), 0, |c| {
                c.wrong_type("object", other)
            });
            return Normalized {
                value: None,
                issues: ctx.finish(),
            };
        }
    };
    let merged;
    let input = match (response, over) {
        (Value::Object(resp), Some(over)) => {
            merged = Value::Object(merge(resp, over, true));
            &merged
        }
        // A response that is not an object is reported by the rules as it
        // is; overrides have nothing to apply to.
        _ => response,
    };
    crate::run_clone(kind, input, opts)
}

/// An issue about the overrides' own limits, at `/overrides/...`.
fn prefixed(mut issue: Issue) -> Issue {
    issue.path.insert(0, PathSegment::Key("overrides".into()));
    issue.pointer = crate::issues::pointer(&issue.path);
    issue
}

/// The response's keys in their order, each overridden value in its place,
/// new keys after them; at the top level, `settings` is merged the same way
/// one level down when both sides are objects. `null` overrides remove the key.
fn merge(resp: &Object, over: &Object, top: bool) -> Object {
    let mut b = ObjectBuilder::default();
    for (k, v) in resp.entries() {
        b.insert(k.clone(), v.clone());
    }
    for (k, v) in over.entries() {
        let value = match (v, resp.get(k)) {
            (Value::Null, _) => Value::Skipped, // removed below
            (Value::Object(os), Some(Value::Object(rs))) if top && k == "settings" => {
                Value::Object(merge(rs, os, false))
            }
            _ => v.clone(),
        };
        b.insert(k.clone(), value);
    }
    without_removed(b.finish())
}

/// `Value::Skipped` marks a key an override of `null` removed (a fully
/// parsed or JavaScript value never holds it).
fn without_removed(obj: Object) -> Object {
    // A plain loop: the iterator adaptors' generic code is larger in wasm.
    // (The keys are unique already: each is pushed.)
    let mut out = Object::with_capacity(obj.len());
    for (k, v) in obj.into_entries() {
        if !matches!(v, Value::Skipped) {
            out.push(k, v);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(text: &str) -> Value {
        json::parse(text, &Default::default()).unwrap()
    }

    #[test]
    fn merge_replaces_in_place_appends_and_removes() {
        let resp =
            obj(r#"{"name":"A","prompt":"p","settings":{"a":1,"b":2},"direction":"inbound"}"#);
        let over = obj(
            r#"{"direction":"outbound","prompt":null,"settings":{"b":3,"c":4,"a":null},"x":true}"#,
        );
        let m = merge(resp.as_object().unwrap(), over.as_object().unwrap(), true);
        assert_eq!(
            Value::Object(m).to_json_string(),
            r#"{"name":"A","settings":{"b":3,"c":4},"direction":"outbound","x":true}"#
        );
    }

    #[test]
    fn settings_override_that_is_not_an_object_replaces_it() {
        let resp = obj(r#"{"settings":{"a":1}}"#);
        let over = obj(r#"{"settings":"none"}"#);
        let m = merge(resp.as_object().unwrap(), over.as_object().unwrap(), true);
        assert_eq!(Value::Object(m).to_json_string(), r#"{"settings":"none"}"#);
    }
}
