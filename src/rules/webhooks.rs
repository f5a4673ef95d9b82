//! `webhooks[]` of a call flow: tools the agent can call during a call.

use super::{formats, quote, s, Ctx, Field, Seg};
use crate::issues::{IssueCode, Severity};
use crate::schema::{Key, HEADER_PAIR, RESPONSE_VARIABLE, WEBHOOK, WEBHOOK_VARIABLE};
use crate::strset::StrSet;
use crate::value::{Object, Value};

const NAME: Key = WEBHOOK.key("name");
const VARIABLES: Key = WEBHOOK.key("variablesforcallflow");
const RESPONSE_VARIABLES: Key = WEBHOOK.key("responseVariables");
const PAIR_NAME: Key = HEADER_PAIR.key("name");
const PAIR_VALUE: Key = HEADER_PAIR.key("value");

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
    let mut w = ctx.walk(obj, &WEBHOOK);

    // The API creates one webhook per entry whatever its name, so a repeat
    // is accepted, though almost surely a mistake: a warning.
    if let (Some(f), Some(Value::String(_))) = (w.raw(NAME), w.value(NAME)) {
        if let Value::String(n) = f.value {
            if names.insert(n).is_err() {
                ctx.in_field(f, |c, _| {
                    let parts = [
                        " repeats the webhook name ",
                        &quote(n),
                        "; the API creates both webhooks, but the agent cannot tell them apart: rename one.",
                    ];
                    let i = c.say(IssueCode::Duplicate, &parts);
                    i.severity = Severity::Warning;
                    i.set_received(n);
                });
            }
        }
    }

    let vars = ctx.chosen(&w.keys, VARIABLES);
    let vars = ctx.optional(vars, |c, v| {
        named_list(c, v, WEBHOOK_VARIABLE.key("name"), "variable")
    });
    w.set(VARIABLES, vars);

    let resp = ctx.optional(w.get(RESPONSE_VARIABLES), |c, v| {
        named_list(c, v, RESPONSE_VARIABLE.key("name"), "response variable")
    });
    w.set(RESPONSE_VARIABLES, resp);
    Some(w.done())
}

/// `headers`: an object of string values, or (an older page's shape) an
/// array of `{ name, value }`, which is `moved` into an object.
pub(crate) fn headers<'a>(ctx: &mut Ctx<'a>, v: &'a Value) -> Option<Value> {
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
            ctx.say(IssueCode::Moved, &[" is a list of { name, value } pairs (an older shape); normalize turns it into an object of header names to values."]);
            for (i, item) in items.iter().enumerate() {
                ctx.in_index(i, |c| {
                    let obj = c.object(item)?;
                    let keys = c.keys(obj, &HEADER_PAIR);
                    let name_f =
                        c.require(keys.raw(PAIR_NAME), PAIR_NAME.key(), super::hint(PAIR_NAME));
                    let value_f = c.require(
                        keys.raw(PAIR_VALUE),
                        PAIR_VALUE.key(),
                        super::hint(PAIR_VALUE),
                    );
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
        match name_field {
            Some(f) => ctx.in_field(f, |c, _| bad_name(c, code, text, name)),
            None => bad_name(ctx, code, text, name),
        }
    }
    let check = |c: &mut Ctx<'a>| -> Option<&'a str> {
        let text = c.string(value.value)?;
        if !formats::is_header_value(text) {
            c.say(IssueCode::InvalidHeader, &[" holds a line break or control character, which a header value cannot; remove it."]);
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

/// `header`'s issue about a header name, at the current place: one copy
/// for both callers (size).
#[inline(never)]
fn bad_name(c: &mut Ctx<'_>, code: IssueCode, text: &str, name: &str) {
    let text = super::formats::replace_all(text, "{}", &quote(name));
    c.say(code, &[" ", &text]).set_received(name);
}

/// A list of objects with a required, unique `name` and other optional
/// string fields (`variablesforcallflow`, `responseVariables`).
fn named_list<'a>(ctx: &mut Ctx<'a>, v: &'a Value, name: Key, what: &str) -> Option<Value> {
    let items = ctx.array(v)?;
    let mut seen = StrSet::default();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let one = ctx.in_index(i, |c| {
            let obj = c.object(item)?;
            let mut w = c.walk(obj, name.shape);
            let n = c.need(name.def(), w.raw(name), |c, v| {
                let n = c.text(v)?;
                c.unique(&mut seen, n, &crate::text::cat(&[what, " name"]));
                Some(s(n))
            });
            w.set(name, n);
            Some(w.done())
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
