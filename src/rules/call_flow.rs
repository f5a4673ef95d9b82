//! The *Create Call Flow* request body.

use super::{collections, flow_data, put, s, webhooks, working_hours, Ctx, Field, Keys};
use crate::issues::{IssueCode, Severity};
use crate::value::{Object, Value};

pub(crate) const DIRECTIONS: [&str; 2] = ["outbound", "bidirectional"];
pub(crate) const PROMPT_TYPES: [&str; 1] = ["simple"];
pub(crate) const WELCOME: [&str; 3] = ["user_initiated", "ai_dynamic", "ai_custom"];

const TOP: [&str; 19] = [
    "name",
    "direction",
    "description",
    "agent",
    "promptType",
    "folderId",
    "isGlobal",
    "isPreConfigured",
    "preConfiguredWorkspaceId",
    "welcomeMessage",
    "customWelcomeMessage",
    "flowData",
    "prompt",
    "isActive",
    "agentWebhookUrl",
    "inboundWebhookUrl",
    "dynamicVariableCollections",
    "webhooks",
    "settings",
];

const SETTINGS: [&str; 13] = [
    "welcomeMessage",
    "customWelcomeMessage",
    "webhooks",
    "enableHumanLikeVoiceAndTone",
    "welcomeMessageDelay",
    "customerLocation",
    "transfers",
    "knowledgeBases",
    "utilizePriorCallsContext",
    "callSettings",
    "security",
    "responseSettings",
    "callSetting",
];

/// A value given at the top level and mirrored under `settings`.
#[derive(Clone, Copy, Default)]
struct Mirror<'a> {
    field: Option<Field<'a>>,
    /// The value, when present and valid.
    value: Option<&'a str>,
}

impl Mirror<'_> {
    /// Given, but not valid (an issue was reported).
    fn bad(&self) -> bool {
        self.field.is_some() && self.value.is_none()
    }
}

/// Checks a call flow; returns its canonical form.
pub(crate) fn call_flow<'a>(ctx: &mut Ctx<'a>, v: &'a Value) -> Option<Value> {
    let obj = ctx.object(v)?;
    let keys = ctx.keys(obj, &TOP);
    let mut out = Object::with_capacity(TOP.len());

    let name = ctx.required(
        keys.raw(0),
        "name",
        "give the call flow a name, such as \"Customer Support Flow\"",
        |c, v| c.text(v),
    );
    put(&mut out, "name", name.map(s));

    let direction = ctx.required(
        keys.raw(1),
        "direction",
        "use `outbound` or `bidirectional`",
        direction,
    );
    put(&mut out, "direction", direction.map(s));

    let description = ctx.optional(keys.get(2), |c, v| c.string(v));
    put(&mut out, "description", description.map(s));

    let agent = ctx.optional(keys.get(3), |c, v| c.id(v));
    put(&mut out, "agent", agent.map(s));

    let prompt_type = match keys.get(4) {
        Some(f) => ctx.in_field(f, |c, v| c.one_of(v, &PROMPT_TYPES)),
        None => Some("simple"),
    };
    put(&mut out, "promptType", prompt_type.map(s));

    let folder = ctx.optional(keys.get(5), |c, v| c.id(v));
    put(&mut out, "folderId", folder.map(s));

    let global = ctx.optional(keys.get(6), |c, v| c.boolean(v));
    put(&mut out, "isGlobal", global.map(Value::Bool));

    let pre = match keys.get(7) {
        Some(f) => ctx.in_field(f, |c, v| c.boolean(v)),
        None => Some(false),
    };
    put(&mut out, "isPreConfigured", pre.map(Value::Bool));

    if let Some(f) = keys.get(8) {
        let id = ctx.in_field(f, |c, v| c.id(v));
        if pre == Some(true) {
            put(&mut out, "preConfiguredWorkspaceId", id.map(s));
        } else if id.is_some() {
            ctx.in_field(f, |c, _| {
                let msg = format!(
                    "{} only applies when `isPreConfigured` is true; set `isPreConfigured: true` or remove it (normalize drops it).",
                    c.here()
                );
                c.report(IssueCode::OnlyWith, msg).severity = Severity::Warning;
            });
        }
    }

    // `settings` is read first: it mirrors several top-level fields.
    let settings_f = keys.get(18);
    let settings_obj = settings_f.and_then(|f| ctx.in_field(f, |c, v| c.object(v)));
    let skeys: Option<Keys<'a>> = match (settings_f, settings_obj) {
        (Some(f), Some(o)) => Some(ctx.in_field(f, |c, _| c.keys(o, &SETTINGS))),
        _ => None,
    };
    let sfield = |i: usize| match (&skeys, settings_f) {
        (Some(k), Some(p)) => k.get(i).map(|f| f.under(p)),
        _ => None,
    };

    let wm_top = mirror_value(ctx, keys.get(9), |c, v| c.one_of(v, &WELCOME));
    let wm_set = mirror_value(ctx, sfield(0), |c, v| c.one_of(v, &WELCOME));
    conflict(ctx, &wm_top, &wm_set, "welcomeMessage");
    let welcome = if wm_top.bad() || wm_set.bad() {
        None
    } else {
        Some(wm_top.value.or(wm_set.value).unwrap_or("user_initiated"))
    };
    put(&mut out, "welcomeMessage", welcome.map(s));

    let cwm_top = mirror_value(ctx, keys.get(10), |c, v| c.string(v));
    let cwm_set = mirror_value(ctx, sfield(1), |c, v| c.string(v));
    conflict(ctx, &cwm_top, &cwm_set, "customWelcomeMessage");
    let cwm = if cwm_top.field.is_some() {
        cwm_top
    } else {
        cwm_set
    };
    let custom = custom_welcome(ctx, welcome, cwm);
    put(&mut out, "customWelcomeMessage", custom.map(s));

    let flow = ctx.optional(keys.get(11), flow_data::flow_data);
    put(&mut out, "flowData", flow);

    let prompt = ctx.optional(keys.get(12), |c, v| c.string(v));
    put(&mut out, "prompt", prompt.map(s));

    let active = match keys.get(13) {
        Some(f) => ctx.in_field(f, |c, v| c.boolean(v)),
        None => Some(true),
    };
    put(&mut out, "isActive", active.map(Value::Bool));

    let agent_url = mirror_value(ctx, keys.get(14), |c, v| c.url(v, true));
    let inbound_url = mirror_value(ctx, keys.get(15), |c, v| c.url(v, true));

    let dvc = ctx.optional(keys.get(16), collections::collections);
    let hooks = ctx.optional(keys.get(17), webhooks::webhooks);

    let (mut agent_url_final, mut inbound_url_final) = (agent_url.value, inbound_url.value);
    let mut mirror_obj: Option<Object> = None;
    let mut rest = Object::new();
    if let (Some(sf), Some(sk)) = (settings_f, &skeys) {
        ctx.in_field(sf, |c, _| {
            let found = c.optional(sk.get(2), |c, v| {
                settings_webhooks(c, v, agent_url, inbound_url)
            });
            if let Some((a, i, extras)) = found {
                agent_url_final = agent_url_final.or(a);
                inbound_url_final = inbound_url_final.or(i);
                mirror_obj = Some(extras);
            }
            settings_rest(c, sk, &mut rest);
        });
    }
    let mut settings_out = Object::with_capacity(rest.len() + 3);
    put(&mut settings_out, "welcomeMessage", welcome.map(s));
    put(&mut settings_out, "customWelcomeMessage", custom.map(s));
    if mirror_obj.is_some() || agent_url_final.is_some() || inbound_url_final.is_some() {
        let mut w = Object::new();
        put(&mut w, "agent", agent_url_final.map(s));
        put(&mut w, "inbound", inbound_url_final.map(s));
        for (k, v) in mirror_obj.unwrap_or_default().into_entries() {
            w.insert(k, v);
        }
        settings_out.push("webhooks", Value::Object(w));
    }
    for (k, v) in rest.into_entries() {
        settings_out.push(k, v);
    }

    put(&mut out, "agentWebhookUrl", agent_url_final.map(s));
    put(&mut out, "inboundWebhookUrl", inbound_url_final.map(s));
    put(&mut out, "dynamicVariableCollections", dvc);
    put(&mut out, "webhooks", hooks);
    out.push("settings", Value::Object(settings_out));
    Ctx::append_extras(&mut out, &keys);
    Some(Value::Object(out))
}

fn direction<'a>(ctx: &mut Ctx<'a>, v: &'a Value) -> Option<&'static str> {
    if v.as_str() == Some("inbound") {
        let msg = format!(
            "{} is \"inbound\", but call flows cannot be created inbound; use `outbound` or `bidirectional` (a bidirectional flow also answers incoming calls).",
            ctx.here()
        );
        let i = ctx.report(IssueCode::InvalidEnum, msg);
        i.expected = Some(super::joined(&DIRECTIONS, "", " | ", ""));
        i.received = Some("inbound".into());
        return None;
    }
    ctx.one_of(v, &DIRECTIONS)
}

/// Reads one side of a mirrored pair with `check`.
fn mirror_value<'a>(
    ctx: &mut Ctx<'a>,
    field: Option<Field<'a>>,
    check: impl FnOnce(&mut Ctx<'a>, &'a Value) -> Option<&'a str>,
) -> Mirror<'a> {
    let value = field.and_then(|f| ctx.in_field(f, check));
    Mirror { field, value }
}

/// `conflict` at the mirror when both sides are valid and differ.
fn conflict<'a>(ctx: &mut Ctx<'a>, top: &Mirror<'a>, mirror: &Mirror<'a>, top_name: &str) {
    if let (Some(a), Some(b), Some(f)) = (top.value, mirror.value, mirror.field) {
        if a != b {
            ctx.in_field(f, |c, _| {
                let msg = format!(
                    "{} is {} but `{top_name}` is {}; they mirror each other, so give one value (or only `{top_name}`).",
                    c.here(),
                    super::quote(b),
                    super::quote(a)
                );
                c.report(IssueCode::Conflict, msg);
            });
        }
    }
}

/// `customWelcomeMessage`: required with `ai_custom`, and only with it.
fn custom_welcome<'a>(
    ctx: &mut Ctx<'a>,
    welcome: Option<&str>,
    cwm: Mirror<'a>,
) -> Option<&'a str> {
    let welcome = welcome?;
    if welcome == "ai_custom" {
        match (cwm.field, cwm.value) {
            (None, _) => ctx.in_missing("customWelcomeMessage", |c| {
                let msg = format!(
                    "{} is required when `welcomeMessage` is \"ai_custom\"; write the message the agent opens with.",
                    c.here()
                );
                c.report(IssueCode::Required, msg);
            }),
            (Some(f), Some(text)) if super::formats::is_blank(text) => ctx.in_field(f, |c, _| {
                let msg = format!(
                    "{} is empty, but `welcomeMessage` is \"ai_custom\"; write the message the agent opens with.",
                    c.here()
                );
                c.report(IssueCode::Empty, msg);
            }),
            (Some(_), Some(text)) => return Some(text),
            (Some(_), None) => {}
        }
        return None;
    }
    if let (Some(f), Some(text)) = (cwm.field, cwm.value) {
        if !super::formats::is_blank(text) {
            ctx.in_field(f, |c, _| {
                let msg = format!(
                    "{} is only used when `welcomeMessage` is \"ai_custom\" (it is \"{welcome}\"); set `welcomeMessage` to \"ai_custom\" or remove it.",
                    c.here()
                );
                c.report(IssueCode::OnlyWith, msg);
            });
        }
    }
    None
}

/// `settings.webhooks`: mirrors of the two webhook URLs. Returns the
/// mirror values and, with `unknownKeys: "keep"`, the kept extras.
#[allow(clippy::type_complexity)]
fn settings_webhooks<'a>(
    ctx: &mut Ctx<'a>,
    v: &'a Value,
    agent: Mirror<'a>,
    inbound: Mirror<'a>,
) -> Option<(Option<&'a str>, Option<&'a str>, Object)> {
    let obj = ctx.object(v)?;
    let keys = ctx.keys(obj, &["agent", "inbound"]);
    let a = mirror_value(ctx, keys.get(0), |c, v| c.url(v, true));
    let i = mirror_value(ctx, keys.get(1), |c, v| c.url(v, true));
    conflict(ctx, &agent, &a, "agentWebhookUrl");
    conflict(ctx, &inbound, &i, "inboundWebhookUrl");
    let mut extras = Object::new();
    Ctx::append_extras(&mut extras, &keys);
    Some((a.value, i.value, extras))
}

/// The settings that are not mirrors (the walk stands at `settings`).
fn settings_rest<'a>(ctx: &mut Ctx<'a>, keys: &Keys<'a>, out: &mut Object) {
    let flag = |ctx: &mut Ctx<'a>, i: usize| {
        keys.get(i)
            .and_then(|f| ctx.in_field(f, |c, v| c.boolean(v)))
    };
    let human = flag(ctx, 3);
    put(out, "enableHumanLikeVoiceAndTone", human.map(Value::Bool));
    let delay = ctx.optional(keys.get(4), |c, v| c.number(v, false));
    put(out, "welcomeMessageDelay", delay.map(Value::Number));
    let location = ctx.optional(keys.get(5), |c, v| c.string(v));
    put(out, "customerLocation", location.map(s));
    for (i, key) in [(6, "transfers"), (7, "knowledgeBases")] {
        let list = keys.get(i).and_then(|f| {
            ctx.in_field(f, |c, v| {
                c.array(v)?;
                Some(c.passthrough(v))
            })
        });
        put(out, key, list);
    }
    let prior = flag(ctx, 8);
    put(out, "utilizePriorCallsContext", prior.map(Value::Bool));
    let call = ctx.moved(keys.get(9), keys.get(12), &["callSettings"]);
    let call = call.and_then(|f| ctx.in_field(f, call_settings));
    put(out, "callSettings", call);
    let security = ctx.optional(keys.get(10), |c, v| {
        security(c, v, &["hipaaCompliance", "publicAccess"])
    });
    put(out, "security", security);
    let response = ctx.optional(keys.get(11), working_hours::response_settings);
    put(out, "responseSettings", response);
    Ctx::append_extras(out, keys);
}

fn call_settings<'a>(ctx: &mut Ctx<'a>, v: &'a Value) -> Option<Value> {
    let obj = ctx.object(v)?;
    let keys = ctx.keys(
        obj,
        &[
            "trilletVoiceGuard",
            "reminderMessages",
            "maxCallDuration",
            "endCallOnSilence",
        ],
    );
    let mut out = Object::with_capacity(4);
    let guard = ctx.optional(keys.get(0), |c, v| c.boolean(v));
    put(&mut out, "trilletVoiceGuard", guard.map(Value::Bool));
    let reminders = ctx.optional(keys.get(1), |c, v| {
        c.array(v)?;
        Some(c.passthrough(v))
    });
    put(&mut out, "reminderMessages", reminders);
    let max = ctx.optional(keys.get(2), |c, v| c.number(v, true));
    put(&mut out, "maxCallDuration", max.map(Value::Number));
    let silence = ctx.optional(keys.get(3), |c, v| c.number(v, false));
    put(&mut out, "endCallOnSilence", silence.map(Value::Number));
    Ctx::append_extras(&mut out, &keys);
    Some(Value::Object(out))
}

/// `settings.security`: boolean flags.
pub(crate) fn security<'a>(
    ctx: &mut Ctx<'a>,
    v: &'a Value,
    flags: &[&'static str],
) -> Option<Value> {
    let obj = ctx.object(v)?;
    let keys = ctx.keys(obj, flags);
    let mut out = Object::with_capacity(flags.len());
    for (i, key) in flags.iter().enumerate() {
        let b = keys
            .get(i)
            .and_then(|f| ctx.in_field(f, |c, v| c.boolean(v)));
        put(&mut out, key, b.map(Value::Bool));
    }
    Ctx::append_extras(&mut out, &keys);
    Some(Value::Object(out))
}
