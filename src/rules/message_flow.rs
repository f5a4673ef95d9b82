//! The *Create Message Flow* request body: its cross-field rules (the
//! schema, `crate::schema::MESSAGE_FLOW`, has its fields).

use super::{working_hours, Ctx, Field, Walk};
use crate::issues::IssueCode;
use crate::schema::{Key, CHANNELS, EMAIL_SETTINGS, MESSAGE_FLOW, MESSAGE_SETTINGS};
use crate::value::Value;

const SETTINGS: Key = MESSAGE_FLOW.key("settings");
const CHANNEL: Key = MESSAGE_FLOW.key("messageChannel");
/// Top-level fields the seed document lists under settings (moved to the top).
const MOVED_UP: [(Key, Key); 5] = [
    (
        MESSAGE_FLOW.key("initiationMessage"),
        MESSAGE_SETTINGS.key("initiationMessage"),
    ),
    (MESSAGE_FLOW.key("prompt"), MESSAGE_SETTINGS.key("prompt")),
    (
        MESSAGE_FLOW.key("isActive"),
        MESSAGE_SETTINGS.key("isActive"),
    ),
    (
        MESSAGE_FLOW.key("autopilot"),
        MESSAGE_SETTINGS.key("autopilot"),
    ),
    (CHANNEL, MESSAGE_SETTINGS.key("messageChannel")),
];
const S_RESPONSE: Key = MESSAGE_SETTINGS.key("responseSettings");
const S_EMAIL: Key = MESSAGE_SETTINGS.key("emailSettings");
const SUBJECT: Key = EMAIL_SETTINGS.key("subjectLine");

/// Checks a message flow; returns its canonical form.
pub(crate) fn message_flow<'a>(ctx: &mut Ctx<'a>, v: &'a Value) -> Option<Value> {
    let obj = ctx.object(v)?;
    let mut w = ctx.walk(obj, &MESSAGE_FLOW);

    let settings_f = w.get(SETTINGS);
    let settings_obj = ctx.object_at(settings_f);
    let mut sw: Walk<'a> = match (settings_f, settings_obj) {
        (Some(f), Some(o)) => ctx.in_field(f, |c, _| c.walk(o, &MESSAGE_SETTINGS)),
        _ => Walk::none(&MESSAGE_SETTINGS, ctx.build),
    };
    // Each of them: the top-level field, or its copy under settings (moved).
    for (top, alias) in MOVED_UP {
        let alt = settings_f.and_then(|p| sw.get(alias).map(|f| f.under(p)));
        let f = ctx.moved(w.raw(top), alt, &[top.key()]);
        let d = top.def();
        let v = ctx.need(d, f, |c, v| c.check(d.ty, v));
        w.set(top, v);
    }
    let channel = match w.value(CHANNEL) {
        Some(Value::String(c)) => {
            let mut known = None;
            for &k in CHANNELS.values {
                if k == c {
                    known = Some(k);
                    break;
                }
            }
            known
        }
        _ => None,
    };

    if let (Some(sf), Some(_)) = (settings_f, settings_obj) {
        ctx.in_field(sf, |c, _| {
            let response = c.optional(sw.get(S_RESPONSE), working_hours::response_settings);
            sw.set(S_RESPONSE, response);
            let email = email_settings(c, sw.get(S_EMAIL), channel);
            sw.set(S_EMAIL, email);
        });
    } else if channel == Some("Email") {
        // No settings at all: the subject line is still worth a word.
        ctx.in_missing(SETTINGS.key(), |c| {
            c.in_missing(S_EMAIL.key(), |c| {
                c.in_missing(SUBJECT.key(), |c| subject_recommended(c))
            })
        });
    }
    if settings_f.is_some() {
        w.set(SETTINGS, Some(sw.done()));
    }
    Some(w.done())
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
                ctx.in_missing(S_EMAIL.key(), |c| {
                    c.in_missing(SUBJECT.key(), |c| subject_recommended(c))
                });
            }
            return None;
        }
    };
    ctx.in_field(f, |c, v| {
        let obj = c.object(v)?;
        let w = c.walk(obj, &EMAIL_SETTINGS);
        let subject = w.value(SUBJECT).and_then(Value::as_str);
        match channel {
            Some("SMS") => {
                c.say(IssueCode::IgnoredForChannel, &[" is not used by SMS flows; remove it, or set `messageChannel` to \"Email\"."]);
            }
            Some("Email") if subject.map_or(true, super::formats::is_blank) => match w.get(SUBJECT)
            {
                Some(sf) if subject.is_some() => c.in_field(sf, |c, _| subject_recommended(c)),
                Some(_) => {}
                None => c.in_missing(SUBJECT.key(), |c| subject_recommended(c)),
            },
            _ => {}
        }
        Some(w.done())
    })
}

fn subject_recommended(ctx: &mut Ctx<'_>) {
    ctx.say(
        IssueCode::Recommended,
        &[" is empty; Email flows should have a subject line, or the emails go out without one."],
    );
}
