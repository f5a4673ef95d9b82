//! The *Create Message Flow* request body.

use super::call_flow::security;
use super::{put, s, working_hours, Ctx, Field, Keys};
use crate::issues::IssueCode;
use crate::value::{Object, Value};

pub(crate) const DIRECTIONS: [&str; 3] = ["inbound", "outbound", "bidirectional"];
pub(crate) const CHANNELS: [&str; 2] = ["SMS", "Email"];

const TOP: [&str; 10] = [
    "name",
    "direction",
    "description",
    "agent",
    "initiationMessage",
    "prompt",
    "isActive",
    "autopilot",
    "messageChannel",
    "settings",
];

/// Settings keys; the last five are top-level fields the seed document
/// lists under settings (moved to the top).
const SETTINGS: [&str; 8] = [
    "responseSettings",
    "security",
    "emailSettings",
    "initiationMessage",
    "prompt",
    "isActive",
    "autopilot",
    "messageChannel",
];

/// Checks a message flow; returns its canonical form.
pub(crate) fn message_flow<'a>(ctx: &mut Ctx<'a>, v: &'a Value) -> Option<Value> {
    let obj = ctx.object(v)?;
    let keys = ctx.keys(obj, &TOP);
    let mut out = Object::with_capacity(TOP.len());

    let settings_f = keys.get(9);
    let settings_obj = settings_f.and_then(|f| ctx.in_field(f, |c, v| c.object(v)));
    let skeys: Option<Keys<'a>> = match (settings_f, settings_obj) {
        (Some(f), Some(o)) => Some(ctx.in_field(f, |c, _| c.keys(o, &SETTINGS))),
        _ => None,
    };
    // The top-level field, or its copy under settings (moved).
    let field = |ctx: &mut Ctx<'a>, i: usize| -> Option<Field<'a>> {
        let alt = match (&skeys, settings_f) {
            (Some(k), Some(p)) => k.get(i - 1).map(|f| f.under(p)),
            _ => None,
        };
        let top = keys.raw(i);
        ctx.moved(top, alt, &[TOP[i]])
    };

    let name = ctx.required(
        keys.raw(0),
        "name",
        "give the message flow a name, such as \"New Years Sale\"",
        |c, v| c.text(v),
    );
    put(&mut out, "name", name.map(s));

    let direction = ctx.required(
        keys.raw(1),
        "direction",
        "use `inbound`, `outbound` or `bidirectional`",
        |c, v| c.one_of(v, &DIRECTIONS),
    );
    put(&mut out, "direction", direction.map(s));

    let description = ctx.optional(keys.get(2), |c, v| c.string(v));
    put(&mut out, "description", description.map(s));

    let agent = ctx.required(
        keys.raw(3),
        "agent",
        "give the id of the messaging agent that runs this flow",
        |c, v| c.id(v),
    );
    put(&mut out, "agent", agent.map(s));

    let f = field(ctx, 4);
    let initiation = ctx.required(
        f,
        "initiationMessage",
        "write the first message that starts the conversation",
        |c, v| c.text(v),
    );
    put(&mut out, "initiationMessage", initiation.map(s));

    let f = field(ctx, 5);
    let prompt = ctx.required(
        f,
        "prompt",
        "write the instructions for the AI agent",
        |c, v| c.text(v),
    );
    put(&mut out, "prompt", prompt.map(s));

    for (i, key) in [(6, "isActive"), (7, "autopilot")] {
        let b = match field(ctx, i).filter(|f| !f.value.is_null()) {
            Some(f) => ctx.in_field(f, |c, v| c.boolean(v)),
            None => Some(false),
        };
        put(&mut out, key, b.map(Value::Bool));
    }

    let f = field(ctx, 8);
    let channel = ctx.required(f, "messageChannel", "use `SMS` or `Email`", |c, v| {
        c.one_of(v, &CHANNELS)
    });
    put(&mut out, "messageChannel", channel.map(s));

    let mut settings_out = Object::new();
    if let (Some(sf), Some(sk)) = (settings_f, &skeys) {
        ctx.in_field(sf, |c, _| {
            let response = c.optional(sk.get(0), working_hours::response_settings);
            put(&mut settings_out, "responseSettings", response);
            let sec = c.optional(sk.get(1), |c, v| security(c, v, &["hipaaCompliance"]));
            put(&mut settings_out, "security", sec);
            let email = email_settings(c, sk.get(2), channel);
            put(&mut settings_out, "emailSettings", email);
            Ctx::append_extras(&mut settings_out, sk);
        });
    } else if channel == Some("Email") {
        // No settings at all: the subject line is still worth a word.
        ctx.in_missing("settings", |c| {
            c.in_missing("emailSettings", |c| {
                c.in_missing("subjectLine", |c| subject_recommended(c))
            })
        });
    }
    if settings_f.is_some() {
        out.push("settings", Value::Object(settings_out));
    }
    Ctx::append_extras(&mut out, &keys);
    Some(Value::Object(out))
}

/// `settings.emailSettings` (the walk stands at `settings`).
fn email_settings<'a>(
    ctx: &mut Ctx<'a>,
    field: Option<Field<'a>>,
    channel: Option<&str>,
) -> Option<Value> {
    let f = match field {
        Some(f) => f,
        None => {
            if channel == Some("Email") {
                ctx.in_missing("emailSettings", |c| {
                    c.in_missing("subjectLine", |c| subject_recommended(c))
                });
            }
            return None;
        }
    };
    ctx.in_field(f, |c, v| {
        let obj = c.object(v)?;
        let keys = c.keys(obj, &["subjectLine", "signature"]);
        let mut out = Object::with_capacity(2);
        let subject = c.optional(keys.get(0), |c, v| c.string(v));
        let signature = c.optional(keys.get(1), |c, v| c.string(v));
        match channel {
            Some("SMS") => {
                let msg = format!(
                    "{} is not used by SMS flows; remove it, or set `messageChannel` to \"Email\".",
                    c.here()
                );
                c.report(IssueCode::IgnoredForChannel, msg);
            }
            Some("Email") if subject.map_or(true, super::formats::is_blank) => match keys.get(0) {
                Some(sf) if subject.is_some() => c.in_field(sf, |c, _| subject_recommended(c)),
                Some(_) => {}
                None => c.in_missing("subjectLine", |c| subject_recommended(c)),
            },
            _ => {}
        }
        put(&mut out, "subjectLine", subject.map(s));
        put(&mut out, "signature", signature.map(s));
        Ctx::append_extras(&mut out, &keys);
        Some(Value::Object(out))
    })
}

fn subject_recommended(ctx: &mut Ctx<'_>) {
    let msg = format!(
        "{} is empty; Email flows should have a subject line, or the emails go out without one.",
        ctx.here()
    );
    ctx.report(IssueCode::Recommended, msg);
}
