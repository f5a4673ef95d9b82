//! `settings.responseSettings`: response delay and working hours, including
//! the flat working-hours fields of the docs' request sample (moved into
//! `workingHours`).

use super::{default_bool, default_str, formats, Ctx, Field, Keys, Walk};
use crate::issues::IssueCode;
use crate::schema::{Key, Role, RESPONSE_SETTINGS, WORKING_HOURS};
use crate::value::Value;

const WH: Key = RESPONSE_SETTINGS.key("workingHours");
const ENABLED: Key = WORKING_HOURS.key("enabled");
const START: Key = WORKING_HOURS.key("start");
const END: Key = WORKING_HOURS.key("end");
const TIMEZONE: Key = WORKING_HOURS.key("timezone");
const OUT_OF_HOURS: Key = WORKING_HOURS.key("outOfHoursMessage");
/// Each working-hours field, and its flat place in `responseSettings`.
const FLAT: [(Key, Key); 5] = [
    (ENABLED, RESPONSE_SETTINGS.key("enabled")),
    (START, RESPONSE_SETTINGS.key("start")),
    (END, RESPONSE_SETTINGS.key("end")),
    (TIMEZONE, RESPONSE_SETTINGS.key("timezone")),
    (OUT_OF_HOURS, RESPONSE_SETTINGS.key("outOfHoursMessage")),
];

/// Checks a `responseSettings` object (the walk stands at it) and returns
/// its canonical form.
pub(crate) fn response_settings<'a>(ctx: &mut Ctx<'a>, v: &'a Value) -> Option<Value> {
    let obj = ctx.object(v)?;
    let mut w = ctx.walk(obj, &RESPONSE_SETTINGS);
    let wh = working_hours(ctx, &w.keys);
    w.set(WH, wh);
    Some(w.done())
}

fn working_hours<'a>(ctx: &mut Ctx<'a>, keys: &Keys<'a>) -> Option<Value> {
    let wh_field = keys.get(WH);
    let wh_obj = ctx.object_at(wh_field);
    let inner: Option<Keys<'a>> = match (wh_field, wh_obj) {
        (Some(f), Some(o)) => Some(ctx.in_field(f, |c, _| c.keys(o, &WORKING_HOURS))),
        _ => None,
    };
    // Each of the five: the nested field, else the flat one (moved).
    let mut fields: [Option<Field<'a>>; 5] = [None; 5];
    for (i, (nested_key, flat_key)) in FLAT.iter().enumerate() {
        let nested = match (&inner, wh_field) {
            (Some(k), Some(parent)) => k.get(*nested_key).map(|f| f.under(parent)),
            _ => None,
        };
        let to = match flat_key.def().role {
            Role::Moved(to) => to,
            _ => &[],
        };
        fields[i] = ctx.moved(nested, keys.get(*flat_key), to);
    }
    let mut none_given = true;
    for f in &fields {
        none_given &= f.is_none();
    }
    if wh_obj.is_none() && none_given {
        return None;
    }
    let [enabled_f, start_f, end_f, tz_f, ooh_f] = fields;
    let enabled = enabled_f.and_then(|f| ctx.in_field(f, |c, v| c.boolean(v)));
    let start = start_f.and_then(|f| ctx.in_field(f, |c, v| c.time(v)));
    let end = end_f.and_then(|f| ctx.in_field(f, |c, v| c.time(v)));
    let timezone = tz_f.and_then(|f| ctx.in_field(f, |c, v| c.timezone(v)));
    let ooh = ooh_f.and_then(|f| ctx.in_field(f, |c, v| c.string(v)));

    if enabled == Some(true) {
        for (f, name, t) in [(start_f, START.key(), start), (end_f, END.key(), end)] {
            if f.is_none() {
                missing_in_wh(ctx, wh_field, name, |c| {
                    c.say(
                        IssueCode::Required,
                        &[" is required when working hours are enabled; give a time as HH:MM."],
                    );
                });
            }
            let _ = t;
        }
        if let (Some(a), Some(b), Some(f)) = (start, end, end_f) {
            if formats::minutes(a) == formats::minutes(b) {
                ctx.in_field(f, |c, _| {
                    let parts = [
                        " equals the start time ",
                        a,
                        ", so the working hours are empty; choose a different end time (an end before the start is an overnight window).",
                    ];
                    c.say(IssueCode::EmptyWindow, &parts);
                });
            }
        }
        let ooh_blank = ooh.map_or(true, formats::is_blank);
        if ooh_blank && (ooh_f.is_none() || ooh.is_some()) {
            let report = |c: &mut Ctx<'a>| {
                c.say(IssueCode::Recommended, &[" is empty; with working hours enabled, write the reply people get outside those hours."]);
            };
            match ooh_f {
                Some(f) => ctx.in_field(f, |c, _| report(c)),
                None => missing_in_wh(ctx, wh_field, OUT_OF_HOURS.key(), report),
            }
        }
    }

    let mut out = match inner {
        Some(k) => Walk::from_keys(k, ctx.build),
        None => Walk::none(&WORKING_HOURS, ctx.build),
    };
    let text = |t: Option<&str>| t.map(super::s);
    out.set(
        ENABLED,
        Some(Value::Bool(
            enabled.or(default_bool(ENABLED)).unwrap_or(false),
        )),
    );
    out.set(START, text(start));
    out.set(END, text(end));
    out.set(TIMEZONE, text(timezone.or(default_str(TIMEZONE))));
    out.set(OUT_OF_HOURS, text(ooh));
    Some(out.done())
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
        None => ctx.in_missing(WH.key(), |c| c.in_missing(name, f)),
    }
}
