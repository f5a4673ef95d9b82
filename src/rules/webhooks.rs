//! `webhooks[]` of a call flow: tools the agent can call during a call.

use super::formats;
use super::{put, quote, s, Ctx, Field, Seg};
use crate::issues::{IssueCode, Severity};
use crate::strset::StrSet;
use crate::value::{Object, Value};

pub(crate) const METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

const KNOWN: [&str; 12] = [
    "name",
    "url",
    "method",
    "headers",
    "body",
    "description",
    "variablesforcallflow",
    "responseVariables",
    "isTesting",
    "textToSpeak",
    "testResponse",
    "variables",
];

/// Checks the `webhooks` array (the walk stands at it).
pub(crate) fn webhooks<'a>(ctx: &mut Ctx<'a>, v: &'a Value) -> Option<Value> {
    let items = ctx.array(v)?;
    let mut names = StrSet::default();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if let Some(w) = ctx.in_index(i, |c| webhook(c, item, &mut names)) {
            out.push(w);
        }
    }
    Some(Value::Array(out))
}

fn webhook<'a>(ctx: &mut Ctx<'a>, v: &'a Value, names: &mut StrSet<'a>) -> Option<Value> {
    let obj = ctx.object(v)?;
    let keys = ctx.keys(obj, &KNOWN);
    let mut out = Object::with_capacity(KNOWN.len());

    let name = ctx.required(
        keys.raw(0),
        "name",
        "give the webhook a name the agent can call it by",
        |c, v| {
            let n = c.text(v)?;
            // The API creates one webhook per entry whatever its name, so a
            // repeat is accepted, though almost surely a mistake: a warning.
            if names.insert(n).is_err() {
                let msg = format!(
                    "{} repeats the webhook name {}; the API creates both webhooks, but the agent cannot tell them apart: rename one.",
                    c.here(),
                    quote(n)
                );
                let i = c.report(IssueCode::Duplicate, msg);
                i.severity = Severity::Warning;
                i.received = Some(n.to_owned());
            }
            Some(n)
        },
    );
    put(&mut out, "name", name.map(s));

    let url = ctx.required(
        keys.raw(1),
        "url",
        "give the absolute https:// URL to call",
        |c, v| c.url(v, false),
    );
    put(&mut out, "url", url.map(s));

    let method = ctx.optional(keys.get(2), |c, v| c.one_of(v, &METHODS));
    put(&mut out, "method", method.map(s));

    let headers = ctx.optional(keys.get(3), headers);
    put(&mut out, "headers", headers);

    let body = ctx.optional(keys.get(4), |c, v| match v {
        Value::String(_) | Value::Object(_) | Value::Array(_) => Some(c.passthrough(v)),
        _ => {
            c.wrong_type("string or object", v);
            None
        }
    });
    put(&mut out, "body", body);

    let description = ctx.optional(keys.get(5), |c, v| c.string(v));
    put(&mut out, "description", description.map(s));

    let vars = ctx.moved(keys.get(6), keys.get(11), &["variablesforcallflow"]);
    let vars = vars.and_then(|f| {
        ctx.in_field(f, |c, v| {
            named_list(c, v, &["name", "description"], "variable")
        })
    });
    put(&mut out, "variablesforcallflow", vars);

    let resp = ctx.optional(keys.get(7), |c, v| {
        named_list(c, v, &["name", "path", "description"], "response variable")
    });
    put(&mut out, "responseVariables", resp);

    let testing = ctx.optional(keys.get(8), |c, v| c.boolean(v));
    put(&mut out, "isTesting", testing.map(Value::Bool));

    let speak = ctx.optional(keys.get(9), |c, v| c.string(v));
    put(&mut out, "textToSpeak", speak.map(s));

    let test_response = keys
        .get(10)
        .map(|f| ctx.in_field(f, |c, v| c.passthrough(v)));
    put(&mut out, "testResponse", test_response);

    Ctx::append_extras(&mut out, &keys);
    Some(Value::Object(out))
}

/// `headers`: an object of string values, or (an older page's shape) an
/// array of `{ name, value }`, which is `moved` into an object.
fn headers<'a>(ctx: &mut Ctx<'a>, v: &'a Value) -> Option<Value> {
    let mut out = Object::new();
    let mut seen = StrSet::default();
    match v {
        Value::Object(o) => {
            for (pos, (name, value)) in o.iter().enumerate() {
                let field = Field {
                    key: name,
                    pos: pos as u32,
                    value,
                    parent: None,
                };
                ctx.at(Seg::Key(name), pos as u32, |c| {
                    let value = header(c, name, None, field, &mut seen)?;
                    out.push(name.as_str(), s(value));
                    Some(())
                });
            }
        }
        Value::Array(items) => {
            let msg = format!(
                "{} is a list of {{ name, value }} pairs (an older shape); normalize turns it into an object of header names to values.",
                ctx.here()
            );
            ctx.report(IssueCode::Moved, msg);
            for (i, item) in items.iter().enumerate() {
                ctx.in_index(i, |c| {
                    let obj = c.object(item)?;
                    let keys = c.keys(obj, &["name", "value"]);
                    let name_f = c.require(keys.raw(0), "name", "give the header's name");
                    let value_f = c.require(keys.raw(1), "value", "give the header's value");
                    let name = name_f.and_then(|f| c.in_field(f, |c, v| c.string(v)));
                    let (name, name_f, value_f) = (name?, name_f?, value_f?);
                    let value = header(c, name, Some(name_f), value_f, &mut seen)?;
                    out.insert(name, s(value));
                    Some(())
                });
            }
        }
        _ => {
            ctx.wrong_type("object", v);
            return None;
        }
    }
    Some(Value::Object(out))
}

/// One header. In the object shape the walk stands at the value and
/// `name_field` is None; in the array shape it stands at the item.
/// Returns the value if name and value are both fine.
fn header<'a>(
    ctx: &mut Ctx<'a>,
    name: &'a str,
    name_field: Option<Field<'a>>,
    value: Field<'a>,
    seen: &mut StrSet<'static>,
) -> Option<&'a str> {
    let name_issue = if !formats::is_token(name) {
        Some((
            IssueCode::InvalidHeader,
            "names the header {}, which HTTP does not allow; use letters, digits and - (no spaces or colons).",
        ))
    } else if seen.insert(name.to_ascii_lowercase()).is_err() {
        Some((
            IssueCode::Duplicate,
            "repeats the header {} (header names ignore case); give each header once.",
        ))
    } else {
        None
    };
    if let Some((code, text)) = name_issue {
        let report = |c: &mut Ctx<'a>| {
            let msg = format!(
                "{} {}",
                c.here(),
                super::formats::replace_all(text, "{}", &quote(name))
            );
            c.report(code, msg).received = Some(name.to_owned());
        };
        match name_field {
            Some(f) => ctx.in_field(f, |c, _| report(c)),
            None => report(ctx),
        }
    }
    let check = |c: &mut Ctx<'a>| -> Option<&'a str> {
        let text = c.string(value.value)?;
        if !formats::is_header_value(text) {
            let msg = format!(
                "{} holds a line break or control character, which a header value cannot; remove it.",
                c.here()
            );
            c.report(IssueCode::InvalidHeader, msg);
            return None;
        }
        Some(text)
    };
    let v = match name_field {
        Some(_) => ctx.in_field(value, |c, _| check(c)),
        None => check(ctx),
    }?;
    name_issue.is_none().then_some(v)
}

/// A list of objects with a required, unique `name` and other optional
/// string fields (`variablesforcallflow`, `responseVariables`).
fn named_list<'a>(
    ctx: &mut Ctx<'a>,
    v: &'a Value,
    fields: &[&'static str],
    what: &str,
) -> Option<Value> {
    let items = ctx.array(v)?;
    let mut seen = StrSet::default();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let one = ctx.in_index(i, |c| {
            let obj = c.object(item)?;
            let keys = c.keys(obj, fields);
            let mut o = Object::with_capacity(fields.len());
            let name = c.required(
                keys.raw(0),
                "name",
                &format!("give the {what} a name"),
                |c, v| {
                    let n = c.text(v)?;
                    c.unique(&mut seen, n, &format!("{what} name"));
                    Some(n)
                },
            );
            put(&mut o, "name", name.map(s));
            for (j, key) in fields.iter().enumerate().skip(1) {
                let val = keys.get(j).and_then(|f| c.in_field(f, |c, v| c.string(v)));
                put(&mut o, key, val.map(s));
            }
            Ctx::append_extras(&mut o, &keys);
            Some(Value::Object(o))
        });
        if let Some(o) = one {
            out.push(o);
        }
    }
    Some(Value::Array(out))
}

#[cfg(test)]
mod tests {
    use crate::{validate_json, Kind, Options};

    fn messages(text: &str) -> Vec<(String, String)> {
        validate_json(Kind::CallFlow, text, &Options::default())
            .issues
            .into_iter()
            .map(|i| (i.code.to_string(), i.message))
            .collect()
    }

    #[test]
    fn unreachable_and_insecure_messages() {
        let got = messages(
            r#"{"name":"S","direction":"outbound","webhooks":[{"name":"a","url":"http://2130706433:8080/x"}]}"#,
        );
        assert_eq!(
            got,
            [
                ("insecure_url".into(), "`webhooks[0].url` uses http:, which sends data unencrypted; use https: if the server supports it.".into()),
                ("unreachable_url".into(), "`webhooks[0].url` has the host \"2130706433\", a loopback host, which Trillet's servers cannot reach; use a public https URL (for local testing, a tunnel to your machine).".into()),
            ]
        );
        let got = messages(
            r#"{"name":"S","direction":"outbound","agentWebhookUrl":"https://nas.lan/x"}"#,
        );
        assert_eq!(got, [("unreachable_url".to_owned(), "`agentWebhookUrl` has the host \"nas.lan\", a local-only name, which Trillet's servers cannot reach; use a public https URL (for local testing, a tunnel to your machine).".to_owned())]);
    }

    #[test]
    fn repeated_webhook_name_message() {
        let got = messages(
            r#"{"name":"S","direction":"outbound","webhooks":[{"name":"a","url":"https://x.io"},{"name":"a","url":"https://y.io"}]}"#,
        );
        assert_eq!(got, [("duplicate".to_owned(), "`webhooks[1].name` repeats the webhook name \"a\"; the API creates both webhooks, but the agent cannot tell them apart: rename one.".to_owned())]);
    }
}
