//! The *Create Call Flow* request body: its cross-field rules (the schema,
//! `crate::schema::CALL_FLOW`, has its fields).

use super::{collections, default_str, flow_data, webhooks, working_hours, Ctx, Field, Walk};
use crate::issues::{IssueCode, Severity};
use crate::schema::{Key, CALL_DIRECTIONS, CALL_FLOW, CALL_SETTINGS, WEBHOOK_URLS, WELCOME};
use crate::value::Value;

const DIRECTION: Key = CALL_FLOW.key("direction");
const PRE: Key = CALL_FLOW.key("isPreConfigured");
const PRE_WORKSPACE: Key = CALL_FLOW.key("preConfiguredWorkspaceId");
const WELCOME_MESSAGE: Key = CALL_FLOW.key("welcomeMessage");
const CUSTOM_WELCOME: Key = CALL_FLOW.key("customWelcomeMessage");
const FLOW_DATA: Key = CALL_FLOW.key("flowData");
const AGENT_URL: Key = CALL_FLOW.key("agentWebhookUrl");
const INBOUND_URL: Key = CALL_FLOW.key("inboundWebhookUrl");
const COLLECTIONS: Key = CALL_FLOW.key("dynamicVariableCollections");
const WEBHOOKS: Key = CALL_FLOW.key("webhooks");
const SETTINGS: Key = CALL_FLOW.key("settings");

const S_WELCOME: Key = CALL_SETTINGS.key("welcomeMessage");
const S_CUSTOM_WELCOME: Key = CALL_SETTINGS.key("customWelcomeMessage");
const S_WEBHOOKS: Key = CALL_SETTINGS.key("webhooks");
const S_RESPONSE: Key = CALL_SETTINGS.key("responseSettings");

const U_AGENT: Key = WEBHOOK_URLS.key("agent");
const U_INBOUND: Key = WEBHOOK_URLS.key("inbound");

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

fn text(v: Option<&str>) -> Option<Value> {
    v.map(super::s)
}

/// Checks a call flow; returns its canonical form.
pub(crate) fn call_flow<'a>(ctx: &mut Ctx<'a>, v: &'a Value) -> Option<Value> {
    let obj = ctx.object(v)?;
    let mut w = ctx.walk(obj, &CALL_FLOW);

    let direction = ctx.need(DIRECTION.def(), w.raw(DIRECTION), |c, v| {
        text(direction(c, v))
    });
    w.set(DIRECTION, direction);

    // The workspace of a pre-configured flow, only with `isPreConfigured: true`.
    let pre = match w.value(PRE) {
        Some(Value::Bool(b)) => Some(*b),
        _ => None,
    };
    if pre != Some(true) {
        if let (Some(f), Some(_)) = (w.get(PRE_WORKSPACE), w.value(PRE_WORKSPACE)) {
            ctx.in_field(f, |c, _| {
                c.say(IssueCode::OnlyWith, &[" only applies when `isPreConfigured` is true; set `isPreConfigured: true` or remove it (normalize drops it)."]).severity = Severity::Warning;
            });
        }
        w.set(PRE_WORKSPACE, None);
    }

    // `settings` is read first: it mirrors several top-level fields.
    let settings_f = w.get(SETTINGS);
    let settings_obj = ctx.object_at(settings_f);
    let mut sw: Walk<'a> = match (settings_f, settings_obj) {
        (Some(f), Some(o)) => ctx.in_field(f, |c, _| c.walk(o, &CALL_SETTINGS)),
        _ => Walk::none(&CALL_SETTINGS, ctx.build),
    };
    let sfield = |sw: &Walk<'a>, k: Key| match settings_f {
        Some(p) => sw.get(k).map(|f| f.under(p)),
        None => None,
    };

    let wm_top = mirror_value(ctx, w.get(WELCOME_MESSAGE), Read::OneOf(WELCOME.values));
    let wm_set = mirror_value(ctx, sfield(&sw, S_WELCOME), Read::OneOf(WELCOME.values));
    conflict(ctx, &wm_top, &wm_set, WELCOME_MESSAGE.key());
    let welcome = if wm_top.bad() || wm_set.bad() {
        None
    } else {
        wm_top
            .value
            .or(wm_set.value)
            .or(default_str(WELCOME_MESSAGE))
    };

    let cwm_top = mirror_value(ctx, w.get(CUSTOM_WELCOME), Read::Text);
    let cwm_set = mirror_value(ctx, sfield(&sw, S_CUSTOM_WELCOME), Read::Text);
    conflict(ctx, &cwm_top, &cwm_set, CUSTOM_WELCOME.key());
    let cwm = if cwm_top.field.is_some() {
        cwm_top
    } else {
        cwm_set
    };
    let custom = custom_welcome(ctx, welcome, cwm);
    w.set(WELCOME_MESSAGE, text(welcome));
    sw.set(S_WELCOME, text(welcome));
    w.set(CUSTOM_WELCOME, text(custom));
    sw.set(S_CUSTOM_WELCOME, text(custom));

    let flow = ctx.optional(w.get(FLOW_DATA), flow_data::flow_data);
    w.set(FLOW_DATA, flow);

    let agent_url = mirror_value(ctx, w.get(AGENT_URL), Read::Url);
    let inbound_url = mirror_value(ctx, w.get(INBOUND_URL), Read::Url);

    let dvc = ctx.optional(w.get(COLLECTIONS), collections::collections);
    w.set(COLLECTIONS, dvc);
    let hooks = ctx.optional(w.get(WEBHOOKS), webhooks::webhooks);
    w.set(WEBHOOKS, hooks);

    let (mut agent_final, mut inbound_final) = (agent_url.value, inbound_url.value);
    let mut urls: Option<Walk<'a>> = None;
    if let Some(sf) = settings_f {
        ctx.in_field(sf, |c, _| {
            let found = c.optional(sw.get(S_WEBHOOKS), |c, v| {
                settings_webhooks(c, v, agent_url, inbound_url)
            });
            if let Some((a, i, u)) = found {
                agent_final = agent_final.or(a);
                inbound_final = inbound_final.or(i);
                urls = Some(u);
            }
            let response = c.optional(sw.get(S_RESPONSE), working_hours::response_settings);
            sw.set(S_RESPONSE, response);
        });
    }
    if urls.is_some() || agent_final.is_some() || inbound_final.is_some() {
        let mut u = urls.unwrap_or_else(|| Walk::none(&WEBHOOK_URLS, ctx.build));
        u.set(U_AGENT, text(agent_final));
        u.set(U_INBOUND, text(inbound_final));
        sw.set(S_WEBHOOKS, Some(u.done()));
    }
    w.set(AGENT_URL, text(agent_final));
    w.set(INBOUND_URL, text(inbound_final));
    w.set(SETTINGS, Some(sw.done()));
    Some(w.done())
}

fn direction<'a>(ctx: &mut Ctx<'a>, v: &'a Value) -> Option<&'static str> {
    if v.as_str() == Some("inbound") {
        let i = ctx.say(
            IssueCode::InvalidEnum,
            &[" is \"inbound\", but call flows cannot be created inbound; use `outbound` or `bidirectional` (a bidirectional flow also answers incoming calls)."],
        );
        i.expected = Some(super::joined(CALL_DIRECTIONS.values, "", " | ", ""));
        i.set_received("inbound");
        return None;
    }
    ctx.one_of(v, CALL_DIRECTIONS.values)
}

/// How [`mirror_value`] reads a value.
#[derive(Clone, Copy)]
enum Read {
    OneOf(&'static [&'static str]),
    Text,
    /// A URL, empty allowed.
    Url,
}

/// Reads one side of a mirrored pair as `read` says. (A `Read`, not a
/// closure: one out-of-line copy for the eight places, not one each;
/// smaller in wasm.)
#[inline(never)]
fn mirror_value<'a>(ctx: &mut Ctx<'a>, field: Option<Field<'a>>, read: Read) -> Mirror<'a> {
    let value = field.and_then(|f| {
        ctx.in_field(f, |c, v| match read {
            Read::OneOf(values) => c.one_of(v, values),
            Read::Text => c.string(v),
            Read::Url => c.url(v, true),
        })
    });
    Mirror { field, value }
}

/// `conflict` at the mirror when both sides are valid and differ.
fn conflict<'a>(ctx: &mut Ctx<'a>, top: &Mirror<'a>, mirror: &Mirror<'a>, top_name: &str) {
    if let (Some(a), Some(b), Some(f)) = (top.value, mirror.value, mirror.field) {
        if a != b {
            ctx.in_field(f, |c, _| {
                let parts = [
                    " is ",
                    &super::quote(b),
                    " but `",
                    top_name,
                    "` is ",
                    &super::quote(a),
                    "; they mirror each other, so give one value (or only `",
                    top_name,
                    "`).",
                ];
                c.say(IssueCode::Conflict, &parts);
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
                c.say(IssueCode::Required, &[" is required when `welcomeMessage` is \"ai_custom\"; write the message the agent opens with."]);
            }),
            (Some(f), Some(text)) if super::formats::is_blank(text) => ctx.in_field(f, |c, _| {
                c.say(IssueCode::Empty, &[" is empty, but `welcomeMessage` is \"ai_custom\"; write the message the agent opens with."]);
            }),
            (Some(_), Some(text)) => return Some(text),
            (Some(_), None) => {}
        }
        return None;
    }
    if let (Some(f), Some(text)) = (cwm.field, cwm.value) {
        if !super::formats::is_blank(text) {
            ctx.in_field(f, |c, _| {
                let parts = [
                    " is only used when `welcomeMessage` is \"ai_custom\" (it is \"",
                    welcome,
                    "\"); set `welcomeMessage` to \"ai_custom\" or remove it.",
                ];
                c.say(IssueCode::OnlyWith, &parts);
            });
        }
    }
    None
}

/// `settings.webhooks`: mirrors of the two webhook URLs. Returns the
/// mirror values and the walk of the object (its kept extras).
#[allow(clippy::type_complexity)]
fn settings_webhooks<'a>(
    ctx: &mut Ctx<'a>,
    v: &'a Value,
    agent: Mirror<'a>,
    inbound: Mirror<'a>,
) -> Option<(Option<&'a str>, Option<&'a str>, Walk<'a>)> {
    let obj = ctx.object(v)?;
    let w = ctx.walk(obj, &WEBHOOK_URLS);
    let a = mirror_value(ctx, w.get(U_AGENT), Read::Url);
    let i = mirror_value(ctx, w.get(U_INBOUND), Read::Url);
    conflict(ctx, &agent, &a, AGENT_URL.key());
    conflict(ctx, &inbound, &i, INBOUND_URL.key());
    Some((a.value, i.value, w))
}
