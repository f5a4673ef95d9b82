//! `settings.responseSettings`: response delay and working hours, including
//! the flat working-hours fields of the docs' request sample (moved into
//! `workingHours`).

use super::formats;
use super::{put, s, Ctx, Field, Keys};
use crate::issues::IssueCode;
use crate::value::{Object, Value};

const WH_FIELDS: [&str; 5] = ["enabled", "start", "end", "timezone", "outOfHoursMessage"];
const KNOWN: [&str; 7] = [
    "delay",
    "workingHours",
    "enabled",
    "start",
    "end",
    "timezone",
    "outOfHoursMessage",
];

/// Checks a `responseSettings` object (the walk stands at it) and returns
/// its canonical form.
pub(crate) fn response_settings<'a>(ctx: &mut Ctx<'a>, v: &'a Value) -> Option<Value> {
    let obj = ctx.object(v)?;
    let keys = ctx.keys(obj, &KNOWN);
    let mut out = Object::new();
    if let Some(f) = keys.get(0) {
        let delay = ctx.in_field(f, |c, v| c.number(v, false));
        put(&mut out, "delay", delay.map(Value::Number));
    }
    if let Some(wh) = working_hours(ctx, &keys) {
        out.push("workingHours", wh);
    }
    Ctx::append_extras(&mut out, &keys);
    Some(Value::Object(out))
}

fn working_hours<'a>(ctx: &mut Ctx<'a>, keys: &Keys<'a>) -> Option<Value> {
    let wh_field = keys.get(1);
    let wh_obj = wh_field.and_then(|f| ctx.in_field(f, |c, v| c.object(v)));
    let inner: Option<Keys<'a>> = match (wh_field, wh_obj) {
        (Some(f), Some(o)) => Some(ctx.in_field(f, |c, _| c.keys(o, &WH_FIELDS))),
        _ => None,
    };
    // Each of the five: the nested field, else the flat one (moved).
    let mut fields: [Option<Field<'a>>; 5] = [None; 5];
    for (i, name) in WH_FIELDS.iter().enumerate() {
        let nested = match (&inner, wh_field) {
            (Some(k), Some(parent)) => k.get(i).map(|f| f.under(parent)),
            _ => None,
        };
        fields[i] = ctx.moved(nested, keys.get(2 + i), &["workingHours", name]);
    }
    if wh_obj.is_none() && fields.iter().all(Option::is_none) {
        return None;
    }
    let [enabled_f, start_f, end_f, tz_f, ooh_f] = fields;
    let enabled = enabled_f.and_then(|f| ctx.in_field(f, |c, v| c.boolean(v)));
    let time = |ctx: &mut Ctx<'a>, f: Option<Field<'a>>| {
        f.and_then(|f| {
            ctx.in_field(f, |c, v| {
                let t = c.string(v)?;
                if formats::is_time(t) {
                    return Some(t);
                }
                let msg = format!(
                    "{} is {}; write a 24-hour time as HH:MM, from 00:00 to 23:59 (for example 09:00).",
                    c.here(),
                    super::quote(t)
                );
                let i = c.report(IssueCode::InvalidTime, msg);
                i.expected = Some("HH:MM".into());
                i.received = Some(t.to_owned());
                None
            })
        })
    };
    let start = time(ctx, start_f);
    let end = time(ctx, end_f);
    let timezone = tz_f.and_then(|f| {
        ctx.in_field(f, |c, v| {
            let t = c.string(v)?;
            if formats::is_timezone(t) {
                return Some(t);
            }
            let hint = match formats::timezone_suggestion(t) {
                Some(s) => format!(" Did you mean `{s}`?"),
                None => String::new(),
            };
            let msg = format!(
                "{} is {}, which is not an IANA time zone name; use a name such as `America/New_York` or `UTC`.{hint}",
                c.here(),
                super::quote(t)
            );
            let i = c.report(IssueCode::InvalidTimezone, msg);
            i.expected = Some("IANA time zone name".into());
            i.received = Some(t.to_owned());
            None
        })
    });
    let ooh = ooh_f.and_then(|f| ctx.in_field(f, |c, v| c.string(v)));

    if enabled == Some(true) {
        for (f, name, t) in [(start_f, "start", start), (end_f, "end", end)] {
            if f.is_none() {
                missing_in_wh(ctx, wh_field, name, |c| {
                    let msg = format!(
                        "{} is required when working hours are enabled; give a time as HH:MM.",
                        c.here()
                    );
                    c.report(IssueCode::Required, msg);
                });
            }
            let _ = t;
        }
        if let (Some(a), Some(b), Some(f)) = (start, end, end_f) {
            if formats::minutes(a) == formats::minutes(b) {
                ctx.in_field(f, |c, _| {
                    let msg = format!(
                        "{} equals the start time {a}, so the working hours are empty; choose a different end time (an end before the start is an overnight window).",
                        c.here()
                    );
                    c.report(IssueCode::EmptyWindow, msg);
                });
            }
        }
        let ooh_blank = ooh.map_or(true, formats::is_blank);
        if ooh_blank && (ooh_f.is_none() || ooh.is_some()) {
            let report = |c: &mut Ctx<'a>| {
                let msg = format!(
                    "{} is empty; with working hours enabled, write the reply people get outside those hours.",
                    c.here()
                );
                c.report(IssueCode::Recommended, msg);
            };
            match ooh_f {
                Some(f) => ctx.in_field(f, |c, _| report(c)),
                None => missing_in_wh(ctx, wh_field, "outOfHoursMessage", report),
            }
        }
    }

    let mut out = Object::with_capacity(5);
    out.push("enabled", Value::Bool(enabled.unwrap_or(false)));
    put(&mut out, "start", start.map(s));
    put(&mut out, "end", end.map(s));
    out.push("timezone", s(timezone.unwrap_or("UTC")));
    put(&mut out, "outOfHoursMessage", ooh.map(s));
    if let Some(k) = &inner {
        Ctx::append_extras(&mut out, k);
    }
    Some(Value::Object(out))
}

/// Runs `f` at `workingHours.<name>` where that field is missing (and
/// perhaps `workingHours` itself).
fn missing_in_wh<'a>(
    ctx: &mut Ctx<'a>,
    wh: Option<Field<'a>>,
    name: &'static str,
    f: impl FnOnce(&mut Ctx<'a>),
) {
    match wh {
        Some(wh) => ctx.in_field(wh, |c, _| c.in_missing(name, f)),
        None => ctx.in_missing("workingHours", |c| c.in_missing(name, f)),
    }
}
