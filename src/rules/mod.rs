//! The rule engine: a walk over the input that reports issues at their
//! paths and, in the same pass, builds the canonical payload.
//!
//! One file per rule family: `formats` (strings with a grammar), `flow_data`,
//! `webhooks`, `collections` (dynamic variables), `working_hours`, and the two
//! payloads (`call_flow`, `message_flow`).

pub(crate) mod call_flow;
pub(crate) mod collections;
pub(crate) mod flow_data;
pub mod formats;
pub(crate) mod message_flow;
mod tz_names;
pub(crate) mod webhooks;
pub(crate) mod working_hours;

use crate::issues::{display_path, Issue, IssueCode, PathSegment, Severity};
use crate::json::Limits;
use crate::number::Magnitude;
use crate::schema::{Def, Key, Lit, Need, Shape, Ty};
use crate::strset::StrSet;
use crate::text::cat;
use crate::value::{Number, Object, Value};
pub(crate) use crate::write::quote;

/// What to do with keys the endpoint does not define (and server-generated ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UnknownKeys {
    /// Warn, and drop them from the normalized payload (the default).
    #[default]
    Strip,
    /// Warn, and keep them in the normalized payload, after the known keys.
    Keep,
    /// Report them as errors.
    Reject,
}

/// Options of validate and normalize.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    pub unknown_keys: UnknownKeys,
    pub limits: Limits,
}

pub(crate) use crate::schema::READ_ONLY;

#[derive(Clone, Copy)]
pub(crate) enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// A field of an object as found in the input: its key, its place in
/// document order, and its value.
#[derive(Clone, Copy)]
pub(crate) struct Field<'a> {
    pub key: &'a str,
    pub pos: u32,
    pub value: &'a Value,
    /// The object holding it, when that is one level below the walk's
    /// current place (a field read from a nested object).
    pub parent: Option<(&'a str, u32)>,
}

impl<'a> Field<'a> {
    /// The same field, seen from one level up (inside `parent`).
    pub fn under(self, parent: Field<'a>) -> Field<'a> {
        Field {
            parent: Some((parent.key, parent.pos)),
            ..self
        }
    }
}

/// Position used for a field that is missing: after every present one.
const MISSING: u32 = u32::MAX;

/// At most this many `unknown_key` and `read_only` issues are listed in one
/// call; the rest are counted in one summary issue at the root. (58,000
/// unknown keys in 1 MiB of JSON made an 11.8 MB result.)
pub const MAX_LISTED_KEYS: usize = 1000;

/// The walk's state: where we are, and what we found.
pub(crate) struct Ctx<'a> {
    /// Where the walk stands: each step's segment and its document
    /// position (one vector: one push and one pop a step).
    path: Vec<(Seg<'a>, u32)>,
    issues: Vec<(Vec<u32>, Issue)>,
    pub opts: Options,
    /// Which payload this is, for messages ("the Create Call Flow request").
    pub what: &'static str,
    /// False for validate: pass-through data (nodes, edges...) is checked
    /// but not copied into an output nobody reads.
    pub build: bool,
    /// From a response (clone): server-generated fields are dropped
    /// without an issue, whatever the unknownKeys mode.
    pub clone: bool,
    /// The input is plain JSON (parsed from text): pass-through values
    /// need no look for values JSON cannot carry.
    pub plain: bool,
    /// `unknown_key` and `read_only` issues listed so far, and those past
    /// [`MAX_LISTED_KEYS`].
    listed_keys: usize,
    unlisted_keys: usize,
}

impl<'a> Ctx<'a> {
    pub fn new(opts: Options, what: &'static str, build: bool) -> Self {
        Ctx {
            path: Vec::with_capacity(8),
            issues: Vec::new(),
            opts,
            what,
            build,
            clone: false,
            plain: false,
            listed_keys: 0,
            unlisted_keys: 0,
        }
    }

    /// Runs `f` one step deeper, at `seg` (document position `pos`).
    pub fn at<R>(&mut self, seg: Seg<'a>, pos: u32, f: impl FnOnce(&mut Self) -> R) -> R {
        self.enter(seg, pos);
        let r = f(self);
        self.leave();
        r
    }

    /// `at`'s steps, out of line: one copy, not one per closure (size).
    #[inline(never)]
    fn enter(&mut self, seg: Seg<'a>, pos: u32) {
        self.path.push((seg, pos));
    }
    #[inline(never)]
    fn leave(&mut self) {
        self.path.pop();
    }

    /// Runs `f` at a field that is present.
    pub fn in_field<R>(
        &mut self,
        field: Field<'a>,
        f: impl FnOnce(&mut Self, &'a Value) -> R,
    ) -> R {
        let nested = self.enter_field(&field);
        let r = f(self, field.value);
        self.leave();
        if nested {
            self.leave();
        }
        r
    }

    /// `in_field`'s steps in: its parent (if any), then its key; whether
    /// there was a parent.
    #[inline(never)]
    fn enter_field(&mut self, field: &Field<'a>) -> bool {
        if let Some((pk, pp)) = field.parent {
            self.enter(Seg::Key(pk), pp);
        }
        self.enter(Seg::Key(field.key), field.pos);
        field.parent.is_some()
    }

    /// The display name of a place below the current one (`settings.prompt`).
    pub fn name_of(&self, rel: &[&str]) -> String {
        let mut p = self.path();
        for k in rel {
            p.push(PathSegment::Key((*k).to_owned()));
        }
        display_path(&p)
    }

    /// Runs `f` at a field that is missing (sorted after present fields).
    pub fn in_missing<R>(&mut self, key: &'static str, f: impl FnOnce(&mut Self) -> R) -> R {
        self.at(Seg::Key(key), MISSING, f)
    }

    /// Runs `f` at array item `i`.
    pub fn in_index<R>(&mut self, i: usize, f: impl FnOnce(&mut Self) -> R) -> R {
        self.at(Seg::Index(i), i.min(MISSING as usize - 1) as u32, f)
    }

    pub fn path(&self) -> Vec<PathSegment> {
        // A plain loop: the iterator chain's generic code is larger in wasm.
        let mut out = Vec::with_capacity(self.path.len());
        for (s, _) in &self.path {
            out.push(match *s {
                Seg::Key(k) => PathSegment::Key(k.to_owned()),
                Seg::Index(i) => PathSegment::Index(i),
            });
        }
        out
    }

    /// Reports an issue at the current path whose message is the current
    /// field as a person reads it (`` `webhooks[0].url` ``) followed by `parts` (most messages read so).
    #[inline(never)]
    pub fn say(&mut self, code: IssueCode, parts: &[&str]) -> &mut Issue {
        let path = self.path();
        // One string of the right size: the field's name, then the parts.
        let mut room = crate::path::room(&path) + 16;
        for p in parts {
            room += p.len();
        }
        let mut msg = String::with_capacity(room);
        push_here(&mut msg, &path);
        for p in parts {
            msg.push_str(p);
        }
        self.report_at(path, code, msg)
    }

    /// Reports an issue at `path` (the current one).
    fn report_at(
        &mut self,
        path: Vec<PathSegment>,
        code: IssueCode,
        message: String,
    ) -> &mut Issue {
        let issue = Issue::new(path, code, message);
        let mut order = Vec::with_capacity(self.path.len());
        for &(_, pos) in &self.path {
            order.push(pos);
        }
        self.issues.push((order, issue));
        &mut self.issues.last_mut().expect("just pushed").1
    }

    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|(_, i)| i.is_error())
    }

    /// Every issue, in document order (missing fields after present ones,
    /// otherwise in the order found).
    pub fn finish(mut self) -> Vec<Issue> {
        if self.unlisted_keys > 0 {
            let (verb, severity) = match self.opts.unknown_keys {
                UnknownKeys::Strip => ("normalize drops them too", Severity::Warning),
                UnknownKeys::Keep => ("normalize keeps them too", Severity::Warning),
                UnknownKeys::Reject => ("the unknownKeys option rejects them too", Severity::Error),
            };
            let mut issue = Issue::new(
                Vec::new(),
                IssueCode::UnknownKey,
                cat(&[
                    &crate::text::uint(self.unlisted_keys),
                    " more unknown or server-generated keys are not listed (only the first ",
                    &crate::text::uint(MAX_LISTED_KEYS),
                    " are); ",
                    verb,
                    ".",
                ]),
            );
            issue.severity = severity;
            self.issues.push((vec![MISSING, MISSING], issue));
        }
        let sorted = merge_sort(self.issues);
        let mut out = Vec::with_capacity(sorted.len());
        for (_, i) in sorted {
            out.push(i);
        }
        out
    }

    // ----- type checks -----

    /// `invalid_type` at the current path.
    pub fn wrong_type(&mut self, expected: &str, v: &Value) {
        let article = |t: &str| {
            if t == "null" {
                "" // "not null", never "not a null"
            } else if matches!(
                t.as_bytes().first(),
                Some(b'a' | b'e' | b'i' | b'o' | b'u' | b'A' | b'E' | b'I' | b'O' | b'U')
            ) {
                "an"
            } else {
                "a"
            }
        };
        let received = v.type_name().to_owned();
        let a = article(expected);
        let issue =
            if matches!(v, Value::Alien(_)) || matches!(v, Value::Number(n) if !n.is_finite()) {
                self.say(
                    IssueCode::InvalidType,
                    &[
                        " must be ",
                        a,
                        " ",
                        expected,
                        ", but it is ",
                        article(&received),
                        " ",
                        &received,
                        " value, which JSON cannot carry; give ",
                        a,
                        " ",
                        expected,
                        ".",
                    ],
                )
            } else {
                let b = article(&received);
                let space = if b.is_empty() { "" } else { " " };
                self.say(
                    IssueCode::InvalidType,
                    &[
                        " must be ",
                        a,
                        " ",
                        expected,
                        ", not ",
                        b,
                        space,
                        &received,
                        "; give ",
                        a,
                        " ",
                        expected,
                        ".",
                    ],
                )
            };
        issue.set_expected(expected);
        issue.received = Some(received);
    }

    /// A string, or `invalid_type`.
    pub fn string(&mut self, v: &'a Value) -> Option<&'a str> {
        match v {
            Value::String(s) => Some(s),
            _ => {
                self.wrong_type("string", v);
                None
            }
        }
    }

    /// A string that says something: `empty` if blank.
    pub fn text(&mut self, v: &'a Value) -> Option<&'a str> {
        let s = self.string(v)?;
        if formats::is_blank(s) {
            self.say(IssueCode::Empty, &[" is empty; write something in it."]);
            return None;
        }
        Some(s)
    }

    pub fn boolean(&mut self, v: &Value) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(*b),
            _ => {
                self.wrong_type("boolean", v);
                None
            }
        }
    }

    pub fn object(&mut self, v: &'a Value) -> Option<&'a Object> {
        match v {
            Value::Object(o) => Some(o),
            _ => {
                self.wrong_type("object", v);
                None
            }
        }
    }

    pub fn array(&mut self, v: &'a Value) -> Option<&'a [Value]> {
        match v {
            Value::Array(a) => Some(a),
            _ => {
                self.wrong_type("array", v);
                None
            }
        }
    }

    /// A number at or above zero (strictly above if `exclusive`), as the
    /// double it reads as (`1e-400` is zero, `-0` is not below zero);
    /// `too_small` otherwise, and for NaN, an infinity or a number past the
    /// largest double. Decided from the number's text, exactly.
    pub fn number(&mut self, v: &Value, exclusive: bool) -> Option<Number> {
        let n = match v {
            Value::Number(n) => n,
            _ => {
                self.wrong_type("number", v);
                return None;
            }
        };
        let bound = if exclusive {
            "greater than"
        } else {
            "at least"
        };
        let magnitude = n.magnitude();
        if magnitude == Magnitude::NotFinite {
            let what = if n.json_text().is_some() {
                "a number too large for a double"
            } else {
                v.type_name()
            };
            let parts = [" must be a finite number ", bound, " 0, not ", what, "."];
            let i = self.say(IssueCode::TooSmall, &parts);
            i.received = Some(if n.json_text().is_some() {
                n.display()
            } else {
                v.type_name().to_owned()
            });
            return None;
        }
        let below = n.is_negative() && magnitude == Magnitude::Finite;
        if below || (exclusive && magnitude == Magnitude::Zero) {
            let n_text = n.display();
            let i = self.say(
                IssueCode::TooSmall,
                &[" is ", &n_text, "; it must be ", bound, " 0."],
            );
            i.expected = Some(if exclusive { "> 0" } else { ">= 0" }.to_owned());
            i.received = Some(n_text);
            return None;
        }
        Some(n.clone())
    }

    /// One of `allowed`, matched exactly; `invalid_enum` otherwise.
    pub fn one_of(&mut self, v: &'a Value, allowed: &[&'static str]) -> Option<&'static str> {
        let s = self.string(v)?;
        // Plain loops: the iterator adaptors' generic code is larger in wasm.
        for &a in allowed {
            if a == s {
                return Some(a);
            }
        }
        let mut near = None;
        for &a in allowed {
            if a.eq_ignore_ascii_case(crate::text::trim(s)) {
                near = Some(a);
                break;
            }
        }
        let list = joined(allowed, "`", "`, `", "`");
        let (hint, a, hint_end) = match near {
            Some(a) => (
                "; did you mean `",
                a,
                "`? (values match exactly, case included)",
            ),
            None => ("", "", ""),
        };
        let parts = [
            " is ",
            &quote(s),
            "; use one of ",
            &list,
            hint,
            a,
            hint_end,
            ".",
        ];
        let i = self.say(IssueCode::InvalidEnum, &parts);
        i.expected = Some(joined(allowed, "", " | ", ""));
        i.set_received(s);
        None
    }

    /// An id string: `empty` if blank, `unusual_id` warning if it is not an object id.
    pub fn id(&mut self, v: &'a Value) -> Option<&'a str> {
        let s = self.text(v)?;
        if !formats::is_object_id(s) {
            let parts = [
                " is ",
                &quote(s),
                ", which is not a 24-hex-digit object id; check that you copied the id, not a name.",
            ];
            self.say(IssueCode::UnusualId, &parts).set_received(s);
        }
        Some(s)
    }

    /// A webhook URL: absolute http(s) (`""` allowed if `allow_empty`);
    /// `insecure_url` for `http:`, then `unreachable_url` for a host
    /// Trillet's servers cannot reach.
    pub fn url(&mut self, v: &'a Value, allow_empty: bool) -> Option<&'a str> {
        let s = self.string(v)?;
        if s.is_empty() && allow_empty {
            return Some(s);
        }
        match formats::check_url(s) {
            Ok(url) => {
                if !url.secure {
                    self.say(
                        IssueCode::InsecureUrl,
                        &[" uses http:, which sends data unencrypted; use https: if the server supports it."],
                    );
                }
                if let Some(why) = url.unreachable {
                    let parts = [
                        " has the host ",
                        &quote(url.host),
                        ", ",
                        why,
                        ", which Trillet's servers cannot reach; use a public https URL (for local testing, a tunnel to your machine).",
                    ];
                    self.say(IssueCode::UnreachableUrl, &parts).set_received(s);
                }
            }
            Err(why) => {
                let empty = if allow_empty {
                    " (or leave it empty)"
                } else {
                    ""
                };
                let parts = [
                    " is ",
                    &quote(s),
                    ", and ",
                    why,
                    "; give an absolute URL such as `https://example.com/webhook`",
                    empty,
                    ".",
                ];
                let i = self.say(IssueCode::InvalidUrl, &parts);
                i.set_expected("absolute http(s) URL");
                i.set_received(s);
                return None;
            }
        }
        Some(s)
    }

    /// A value passed through untouched; it must still be JSON.
    pub fn passthrough(&mut self, v: &'a Value) -> Value {
        if self.plain || v.is_json() {
            return if self.build { v.clone() } else { Value::Null };
        }
        self.report_non_json(v);
        Value::Null
    }

    /// An object passed through untouched, except for the keys in `checked`,
    /// which the caller has checked (and reported) already.
    pub fn passthrough_except(&mut self, obj: &'a Object, checked: &[&str]) -> Value {
        let mut clean = true;
        // Plain JSON has nothing to report.
        let look = if self.plain { &[][..] } else { obj.entries() };
        for (pos, (k, item)) in look.iter().enumerate() {
            if !item.is_json() && !checked.contains(&k.as_str()) {
                clean = false;
                self.at(Seg::Key(k), pos as u32, |c| c.report_non_json(item));
            }
        }
        if clean && self.build {
            Value::Object(obj.clone())
        } else {
            Value::Null
        }
    }

    fn report_non_json(&mut self, v: &'a Value) {
        match v {
            Value::Alien(_) => self.wrong_type("JSON value", v),
            Value::Number(n) if !n.is_finite() => self.wrong_type("finite number", v),
            Value::Array(a) => {
                for (i, item) in a.iter().enumerate() {
                    if !item.is_json() {
                        self.in_index(i, |c| c.report_non_json(item));
                    }
                }
            }
            Value::Object(o) => {
                for (pos, (k, item)) in o.entries().iter().enumerate() {
                    if !item.is_json() {
                        self.at(Seg::Key(k), pos as u32, |c| c.report_non_json(item));
                    }
                }
            }
            _ => {}
        }
    }

    // ----- objects -----

    /// Reads an object's keys once: the known ones are returned by name;
    /// the others are reported (`read_only` or `unknown_key`) and, with
    /// `unknownKeys: "keep"`, returned as extras to append to the output.
    pub fn keys(&mut self, obj: &'a Object, shape: &'static Shape) -> Keys<'a> {
        let mut fields = none_each(shape.fields.len());
        let mut extras = Vec::new();
        let severity = match self.opts.unknown_keys {
            UnknownKeys::Reject => Severity::Error,
            _ => Severity::Warning,
        };
        let after = match self.opts.unknown_keys {
            UnknownKeys::Strip => " (normalize drops it)",
            UnknownKeys::Keep => " (normalize keeps it, as the unknownKeys option asks)",
            UnknownKeys::Reject => " (the unknownKeys option rejects it)",
        };
        for (pos, (k, v)) in obj.entries().iter().enumerate() {
            // Lengths first: most names differ in length, and comparing
            // them is cheaper than a call to memcmp.
            if let Some(i) = shape.position(k) {
                fields[i] = Some(Field {
                    key: k,
                    pos: pos as u32,
                    value: v,
                    parent: None,
                });
                continue;
            }
            if shape.open
                || (self.path.is_empty() && crate::schema::IGNORED_AT_ROOT.contains(&k.as_str()))
            {
                continue;
            }
            let read_only = if self.path.is_empty() {
                READ_ONLY.contains(&k.as_str())
            } else {
                READ_ONLY[..4].contains(&k.as_str())
            };
            if read_only && self.clone {
                continue;
            }
            let listed = self.listed_keys < MAX_LISTED_KEYS;
            if listed {
                self.listed_keys += 1;
            } else {
                self.unlisted_keys += 1;
            }
            self.at(Seg::Key(k), pos as u32, |c| {
                if !listed {
                    return;
                }
                let issue = if read_only {
                    c.say(
                        IssueCode::ReadOnly,
                        &[
                            " is generated by the server, not sent on create; remove it",
                            after,
                            ".",
                        ],
                    )
                } else {
                    let mut names: Vec<&'static str> = Vec::with_capacity(shape.fields.len());
                    for d in shape.fields {
                        names.push(d.key);
                    }
                    let (hint, s, hint_end) = match suggest(k, &names) {
                        Some(s) => (" Did you mean `", s, "`?"),
                        None => ("", "", ""),
                    };
                    let what = c.what;
                    let parts = [
                        " is not a field of ",
                        what,
                        "; remove it",
                        after,
                        ".",
                        hint,
                        s,
                        hint_end,
                    ];
                    c.say(IssueCode::UnknownKey, &parts)
                };
                issue.severity = severity;
            });
            if self.opts.unknown_keys == UnknownKeys::Keep {
                if self.plain || v.is_json() {
                    extras.push((k.as_str(), v));
                } else {
                    self.at(Seg::Key(k), pos as u32, |c| c.report_non_json(v));
                }
            }
        }
        Keys {
            shape,
            fields,
            extras,
        }
    }

    /// Appends the kept unknown keys (if any) to an output object.
    pub fn append_extras(out: &mut Object, keys: &Keys<'a>) {
        if keys.extras.is_empty() {
            return;
        }
        // An extra replaces an output key of the same name in place, or is
        // appended: found through a set, since there may be thousands.
        let mut names = StrSet::with_capacity(out.len() + keys.extras.len());
        for (k, _) in out.entries() {
            let _ = names.insert(k.clone());
        }
        for (k, v) in &keys.extras {
            match names.insert(*k) {
                Err(i) if i < out.len() => out.set_at(i, (*v).clone()),
                Err(_) => {} // a key repeated among the extras cannot happen (keys are unique)
                Ok(_) => out.push(*k, (*v).clone()),
            }
        }
    }

    /// A field given in two places: the canonical one and a documented
    /// alternative. Reports `moved` (only the alternative, or both equal)
    /// or `conflict` (both, different), and returns the field to use.
    pub fn moved(
        &mut self,
        canonical: Option<Field<'a>>,
        alt: Option<Field<'a>>,
        canonical_at: &[&str],
    ) -> Option<Field<'a>> {
        let alt = match alt {
            Some(a) if !a.value.is_null() => a,
            _ => return canonical,
        };
        // The canonical place's name, relative to here (only when reporting).
        let canonical_name = &self.name_of(canonical_at);
        match canonical {
            Some(c) if !c.value.is_null() => {
                self.in_field(alt, |ctx, v| {
                    if *v == *c.value {
                        let parts = [
                            " repeats `",
                            canonical_name,
                            "`; give it once, as `",
                            canonical_name,
                            "` (normalize drops this copy).",
                        ];
                        ctx.say(IssueCode::Moved, &parts);
                    } else {
                        let parts = [
                            " and `",
                            canonical_name,
                            "` say different things; keep one, as `",
                            canonical_name,
                            "`.",
                        ];
                        ctx.say(IssueCode::Conflict, &parts);
                    }
                });
                Some(c)
            }
            _ => {
                self.in_field(alt, |ctx, _| {
                    let parts = [
                        " belongs at `",
                        canonical_name,
                        "`; normalize moves it there.",
                    ];
                    ctx.say(IssueCode::Moved, &parts);
                });
                Some(alt)
            }
        }
    }

    /// A required field: `required` if missing or null.
    pub fn require(
        &mut self,
        field: Option<Field<'a>>,
        key: &'static str,
        hint: &str,
    ) -> Option<Field<'a>> {
        match field {
            Some(f) if !f.value.is_null() => Some(f),
            Some(f) => {
                self.in_field(f, |c, _| {
                    c.say(
                        IssueCode::Required,
                        &[" is required and cannot be null; ", hint, "."],
                    );
                });
                None
            }
            None => {
                self.in_missing(key, |c| {
                    c.say(IssueCode::Required, &[" is required; ", hint, "."]);
                });
                None
            }
        }
    }

    /// A present field's value as an object, read at its place (one
    /// out-of-line copy for the places that open one; smaller in wasm).
    #[inline(never)]
    pub fn object_at(&mut self, field: Option<Field<'a>>) -> Option<&'a Object> {
        self.in_field(field?, |c, v| c.object(v))
    }

    /// An optional field (null counts as absent), checked by `check` at its place.
    pub fn optional<R>(
        &mut self,
        field: Option<Field<'a>>,
        check: impl FnOnce(&mut Self, &'a Value) -> Option<R>,
    ) -> Option<R> {
        self.in_field(field?, check)
    }

    // ----- the schema walk -----

    /// Reads `obj` as a `shape`: its keys once (unknown ones reported),
    /// then every `auto` field checked and its default filled.
    pub fn walk(&mut self, obj: &'a Object, shape: &'static Shape) -> Walk<'a> {
        let keys = self.keys(obj, shape);
        let mut w = Walk {
            keys,
            out: none_each(shape.fields.len()),
            build: self.build,
        };
        for (i, d) in shape.fields.iter().enumerate() {
            if d.auto {
                let key = Key {
                    shape,
                    index: i as u16,
                };
                let f = self.chosen(&w.keys, key);
                w.out[i] = self.need(d, f, |c, v| c.check(d.ty, v));
            }
        }
        w
    }

    /// The field to read for `key`: the field itself, or its documented
    /// other key in the same object (`moved`, or `conflict` with both).
    pub fn chosen(&mut self, keys: &Keys<'a>, key: Key) -> Option<Field<'a>> {
        let d = key.def();
        let own = match d.need {
            Need::Required(_) => keys.raw(key),
            _ => keys.get(key),
        };
        match key.shape.alias_of(key.index as usize) {
            Some(j) => {
                let alias = Key {
                    shape: key.shape,
                    index: j as u16,
                };
                self.moved(own, keys.get(alias), &[d.key])
            }
            None => own,
        }
    }

    /// A field read as its definition says: `required` if missing, its
    /// default if absent, `check`ed at its place if present.
    pub fn need(
        &mut self,
        d: &'static Def,
        field: Option<Field<'a>>,
        check: impl FnOnce(&mut Self, &'a Value) -> Option<Value>,
    ) -> Option<Value> {
        match self.needed(d, field) {
            Ok(f) => self.in_field(f, check),
            Err(v) => v,
        }
    }

    /// `need`'s part that does not depend on `check` (out of line, one
    /// copy): the field to check, or the value without checking (`None`
    /// when required and missing, or optional and absent).
    #[inline(never)]
    fn needed(
        &mut self,
        d: &'static Def,
        field: Option<Field<'a>>,
    ) -> Result<Field<'a>, Option<Value>> {
        let present = field.filter(|f| !f.value.is_null());
        let found = match d.need {
            Need::Required(hint) => self.require(field, d.key, hint),
            Need::Optional => present,
            Need::Default(lit) => {
                return present.ok_or_else(|| {
                    Some(match lit {
                        Lit::Bool(b) => Value::Bool(b),
                        Lit::Str(t) => s(t),
                        Lit::EmptyList => Value::Array(Vec::new()),
                        Lit::Object => Value::Object(Object::new()),
                    })
                })
            }
        };
        match found {
            Some(f) => Ok(f),
            None => Err(None),
        }
    }

    /// A value checked against a type (the walk stands at it).
    pub fn check(&mut self, ty: Ty, v: &'a Value) -> Option<Value> {
        match ty {
            Ty::Str => self.string(v).map(s),
            Ty::Text => self.text(v).map(s),
            Ty::Bool => self.boolean(v).map(Value::Bool),
            Ty::Num { exclusive } => self.number(v, exclusive).map(Value::Number),
            Ty::Enum(e) => self.one_of(v, e.values).map(s),
            Ty::Id => self.id(v).map(s),
            Ty::Url { empty } => self.url(v, empty).map(s),
            Ty::Time => self.time(v).map(s),
            Ty::Timezone => self.timezone(v).map(s),
            Ty::Headers => webhooks::headers(self, v),
            Ty::Body => match v {
                Value::String(_) | Value::Object(_) | Value::Array(_) => Some(self.passthrough(v)),
                _ => {
                    self.wrong_type("string or object", v);
                    None
                }
            },
            Ty::Any => Some(self.passthrough(v)),
            Ty::PassList => {
                self.array(v)?;
                Some(self.passthrough(v))
            }
            Ty::Object(shape) => {
                let obj = self.object(v)?;
                let w = self.walk(obj, shape);
                Some(w.done())
            }
            Ty::List(shape) => {
                let items = self.array(v)?;
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    let one = self.in_index(i, |c| {
                        let obj = c.object(item)?;
                        let w = c.walk(obj, shape);
                        Some(w.done())
                    });
                    if let Some(one) = one {
                        out.push(one);
                    }
                }
                Some(Value::Array(out))
            }
        }
    }

    /// A 24-hour `HH:MM` time; `invalid_time` otherwise.
    pub fn time(&mut self, v: &'a Value) -> Option<&'a str> {
        let t = self.string(v)?;
        if formats::is_time(t) {
            return Some(t);
        }
        let parts = [
            " is ",
            &quote(t),
            "; write a 24-hour time as HH:MM, from 00:00 to 23:59 (for example 09:00).",
        ];
        let i = self.say(IssueCode::InvalidTime, &parts);
        i.set_expected("HH:MM");
        i.set_received(t);
        None
    }

    /// An IANA time zone name; `invalid_timezone` otherwise.
    pub fn timezone(&mut self, v: &'a Value) -> Option<&'a str> {
        let t = self.string(v)?;
        if formats::is_timezone(t) {
            return Some(t);
        }
        let suggestion = formats::timezone_suggestion(t);
        let (hint, s, hint_end) = match &suggestion {
            Some(s) => (" Did you mean `", s.as_str(), "`?"),
            None => ("", "", ""),
        };
        let parts = [
            " is ",
            &quote(t),
            ", which is not an IANA time zone name; use a name such as `America/New_York` or `UTC`.",
            hint,
            s,
            hint_end,
        ];
        let i = self.say(IssueCode::InvalidTimezone, &parts);
        i.set_expected("IANA time zone name");
        i.set_received(t);
        None
    }

    /// Reports `duplicate` at the current path when `key` was seen before.
    pub fn unique<'s>(&mut self, seen: &mut StrSet<'s>, key: &'s str, what: &str) {
        if seen.insert(key).is_err() {
            let parts = [
                " repeats the ",
                what,
                " ",
                &quote(key),
                ", which must be unique; change or remove one of them.",
            ];
            self.say(IssueCode::Duplicate, &parts).set_received(key);
        }
    }
}

/// An object's fields as found, by their place in its shape.
pub(crate) struct Keys<'a> {
    shape: &'static Shape,
    fields: Vec<Option<Field<'a>>>,
    extras: Vec<(&'a str, &'a Value)>,
}

impl<'a> Keys<'a> {
    /// No object: every field absent.
    pub fn none(shape: &'static Shape) -> Self {
        Keys {
            shape,
            fields: none_each(shape.fields.len()),
            extras: Vec::new(),
        }
    }
    /// The field, if present (null included).
    pub fn raw(&self, key: Key) -> Option<Field<'a>> {
        debug_assert!(
            std::ptr::eq(key.shape, self.shape),
            "{} is not a field of this shape",
            key.key()
        );
        self.fields.get(key.index as usize).copied().flatten()
    }
    /// The field, treating null as absent (optional fields).
    pub fn get(&self, key: Key) -> Option<Field<'a>> {
        self.raw(key).filter(|f| !f.value.is_null())
    }
}

/// An object being checked against its shape: its fields as found, and
/// the value normalize writes for each (in the shape's order).
pub(crate) struct Walk<'a> {
    pub keys: Keys<'a>,
    out: Vec<Option<Value>>,
    /// Whether the output is wanted (normalize) or thrown away (validate).
    build: bool,
}

impl<'a> Walk<'a> {
    /// No object: every field absent (defaults and mirrors still written).
    pub fn none(shape: &'static Shape, build: bool) -> Self {
        Walk {
            keys: Keys::none(shape),
            out: none_each(shape.fields.len()),
            build,
        }
    }
    /// The fields as read, no value written yet.
    pub fn from_keys(keys: Keys<'a>, build: bool) -> Self {
        let n = keys.fields.len();
        Walk {
            keys,
            out: none_each(n),
            build,
        }
    }
    pub fn get(&self, key: Key) -> Option<Field<'a>> {
        self.keys.get(key)
    }
    pub fn raw(&self, key: Key) -> Option<Field<'a>> {
        self.keys.raw(key)
    }
    /// The value a field's `auto` check produced.
    pub fn value(&self, key: Key) -> Option<&Value> {
        self.out[key.index as usize].as_ref()
    }
    /// Sets (or with None, removes) the value written for a field.
    pub fn set(&mut self, key: Key, v: Option<Value>) {
        self.out[key.index as usize] = v;
    }
    /// The normalized object: its fields in the shape's order, then the
    /// kept unknown keys.
    /// Validate throws it away: Null, and no object built (rules read only
    /// the scalar values of `value`, never an object `done` made).
    pub fn done(self) -> Value {
        if !self.build {
            // Nothing of it is read again: forgotten in the arena, not
            // freed value by value.
            crate::value::discard(self);
            return Value::Null;
        }
        let mut out = Object::with_capacity(self.out.len());
        // (Taken by index: `zip` and `Vec`'s `IntoIter` cost more wasm.)
        let (fields, mut values) = (self.keys.shape.fields, self.out);
        let mut i = 0;
        while i < fields.len() && i < values.len() {
            put(&mut out, fields[i].key, values[i].take());
            i += 1;
        }
        Ctx::append_extras(&mut out, &self.keys);
        Value::Object(out)
    }
}

/// A path as a field name in a message: `` `webhooks[0].url` ``, or "The
/// payload" for the root, appended to `out`.
fn push_here(out: &mut String, path: &[PathSegment]) {
    if path.is_empty() {
        // Not a field name: no code quotes ("The payload must be an object").
        out.push_str("The payload");
        return;
    }
    out.push('`');
    crate::issues::push_display_path(out, path);
    out.push('`');
}

/// The default text of a field (`Need::Default(Lit::Str)`).
pub(crate) fn default_str(key: Key) -> Option<&'static str> {
    match key.def().need {
        Need::Default(Lit::Str(t)) => Some(t),
        _ => None,
    }
}

/// The default boolean of a field (`Need::Default(Lit::Bool)`).
pub(crate) fn default_bool(key: Key) -> Option<bool> {
    match key.def().need {
        Need::Default(Lit::Bool(b)) => Some(b),
        _ => None,
    }
}

/// The hint of a required field's message.
pub(crate) fn hint(key: Key) -> &'static str {
    match key.def().need {
        Need::Required(h) => h,
        _ => "",
    }
}

/// `items` written one after another: `open`, then the items separated by
/// `sep`, then `close` (a plain loop: `join` costs a KB of wasm a type).
pub(crate) fn joined(items: &[&str], open: &str, sep: &str, close: &str) -> String {
    let mut out = String::from(open);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item);
    }
    out.push_str(close);
    out
}

/// `n` times `None` (`vec![None; n]` clones an element into each place:
/// a loop of its own per element type).
fn none_each<T>(n: usize) -> Vec<Option<T>> {
    // (A plain loop: `resize_with`'s generic code is larger in wasm. Each
    // place written through the pointer, with no capacity check each time
    // as `push` makes: every walk of a shape makes two of these.)
    let mut v: Vec<Option<T>> = Vec::with_capacity(n);
    let p = v.as_mut_ptr();
    let mut i = 0;
    while i < n {
        // SAFETY: `i < n <= capacity`; the places are uninitialised, and
        // written once each.
        unsafe { p.add(i).write(None) };
        i += 1;
    }
    // SAFETY: the first `n` places were just initialised.
    unsafe { v.set_len(n) };
    v
}

/// Stable sort of issues by document position: a plain merge sort (std's
/// stable sort costs several KB of wasm), and a single pass when the issues
/// are already in order, as they mostly are. Plain loops throughout: the
/// iterator adaptors' generic code is larger in wasm.
fn merge_sort(mut v: Vec<(Vec<u32>, Issue)>) -> Vec<(Vec<u32>, Issue)> {
    let mut i = 1;
    while i < v.len() && v[i - 1].0 <= v[i].0 {
        i += 1;
    }
    if i >= v.len() {
        return v;
    }
    let right = merge_sort(v.split_off(v.len() / 2));
    let left = merge_sort(v);
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut l, mut r) = (left.into_iter(), right.into_iter());
    let (mut a, mut b) = (l.next(), r.next());
    loop {
        match (a, b) {
            (Some(x), Some(y)) => {
                // Ties go left: the order in which the rules found them stays.
                if y.0 < x.0 {
                    out.push(y);
                    (a, b) = (Some(x), r.next());
                } else {
                    out.push(x);
                    (a, b) = (l.next(), Some(y));
                }
            }
            (Some(x), None) => {
                out.push(x);
                (a, b) = (l.next(), None);
            }
            (None, Some(y)) => {
                out.push(y);
                (a, b) = (None, r.next());
            }
            (None, None) => return out,
        }
    }
}

/// A known key that `k` probably meant: same letters in another case, or
/// one or two edits away (the first of the nearest).
pub(crate) fn suggest(k: &str, known: &[&'static str]) -> Option<&'static str> {
    for n in known {
        if n.eq_ignore_ascii_case(k) {
            return Some(n);
        }
    }
    if k.len() < 4 || k.len() > 40 {
        return None;
    }
    let mut best: Option<(usize, &'static str)> = None;
    for &n in known {
        if n.len().abs_diff(k.len()) > 2 {
            continue;
        }
        let d = edit_distance(k, n);
        if d <= 2 && best.map_or(true, |(bd, _)| d < bd) {
            best = Some((d, n));
        }
    }
    best.map(|(_, n)| n)
}

/// Levenshtein distance of `a` and the known name `b` (ASCII, at most 42
/// bytes: `suggest` holds it within 2 of a key of at most 40), ignoring
/// ASCII case; `a` is counted in characters. Two rows on the stack.
fn edit_distance(a: &str, b: &str) -> usize {
    let b = b.as_bytes();
    let n = b.len().min(42);
    let mut prev = [0usize; 43];
    let mut cur = [0usize; 43];
    let mut j = 0;
    while j <= n {
        prev[j] = j;
        j += 1;
    }
    let mut i = 0;
    for ca in a.chars() {
        let ca = ca.to_ascii_lowercase();
        i += 1;
        cur[0] = i;
        for j in 0..n {
            let cost = usize::from(ca != char::from(b[j].to_ascii_lowercase()));
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[n]
}

/// Puts `value` under `key` of `out` when present.
pub(crate) fn put(out: &mut Object, key: &str, value: Option<Value>) {
    if let Some(v) = value {
        out.push(key, v);
    }
}

/// Strings and booleans to values.
pub(crate) fn s(v: &str) -> Value {
    Value::String(v.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        let s = suggest;
        assert_eq!(s("isactive", &["isActive", "name"]), Some("isActive"));
        assert_eq!(s("direction", &["direction"]), Some("direction"));
        assert_eq!(s("derection", &["direction", "name"]), Some("direction"));
        assert_eq!(s("zzzzzz", &["direction", "name"]), None);
        assert_eq!(quote(&"x".repeat(100)).chars().count(), 63);
        // The first of the nearest wins; case is ignored; too short or too far: none.
        assert_eq!(s("nmae", &["name", "game"]), Some("name"));
        assert_eq!(s("webhooke", &["webhook", "webhooks"]), Some("webhook"));
        assert_eq!(s("NAMEX", &["name"]), Some("name"));
        assert_eq!(s("nam", &["name"]), None);
        assert_eq!(s(&"a".repeat(41), &["a"]), None);
    }

    /// The edit distance on two stack rows agrees with the textbook one
    /// (over characters, ASCII case ignored), non-ASCII keys included.
    #[test]
    fn edit_distance_agrees() {
        fn textbook(a: &str, b: &str) -> usize {
            let a: Vec<char> = a.to_ascii_lowercase().chars().collect();
            let b: Vec<char> = b.to_ascii_lowercase().chars().collect();
            let mut prev: Vec<usize> = (0..=b.len()).collect();
            for (i, ca) in a.iter().enumerate() {
                let mut cur = vec![i + 1; b.len() + 1];
                for (j, cb) in b.iter().enumerate() {
                    let cost = usize::from(ca != cb);
                    cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
                }
                prev = cur;
            }
            prev[b.len()]
        }
        let keys = [
            "",
            "a",
            "name",
            "nAme",
            "nämé",
            "nodes",
            "edgesX",
            "flowData",
            "ü€😀x",
        ];
        let known = [
            "",
            "a",
            "name",
            "nodes",
            "flowData",
            "isActive",
            &"z".repeat(42),
        ];
        for k in keys {
            for n in known {
                assert_eq!(edit_distance(k, n), textbook(k, n), "{k:?} vs {n:?}");
            }
        }
    }

    /// Messages no shared fixture reaches (values JSON cannot carry come
    /// from JS objects; NaN and 1e400 from the Rust API), pinned here.
    #[test]
    fn messages_of_values_json_cannot_carry() {
        let mut c = Ctx::new(Options::default(), "the request", true);
        c.in_missing("a", |c| {
            c.wrong_type("object", &Value::Alien("function".into()));
            c.wrong_type("integer", &Value::Alien("undefined".into()));
            c.wrong_type("null", &Value::Number(f64::NAN.into()));
            c.wrong_type("array", &Value::Null);
            c.wrong_type("object", &Value::Array(Vec::new()));
            c.wrong_type("null", &Value::Bool(true));
            let _ = c.number(&Value::Number(f64::INFINITY.into()), false);
            let _ = c.number(&Value::Number(Number::from_json_text("1e400")), true);
            let _ = c.number(&Value::Number(Number::from_json_text("-1.5")), false);
            let _ = c.number(&Value::Number(Number::from_json_text("0")), true);
        });
        let got: Vec<String> = c.finish().into_iter().map(|i| i.message).collect();
        assert_eq!(
            got,
            [
                "`a` must be an object, but it is a function value, which JSON cannot carry; give an object.",
                "`a` must be an integer, but it is an undefined value, which JSON cannot carry; give an integer.",
                "`a` must be  null, but it is a NaN value, which JSON cannot carry; give  null.",
                "`a` must be an array, not null; give an array.",
                "`a` must be an object, not an array; give an object.",
                "`a` must be  null, not a boolean; give  null.",
                "`a` must be a finite number at least 0, not Infinity.",
                "`a` must be a finite number greater than 0, not a number too large for a double.",
                "`a` is -1.5; it must be at least 0.",
                "`a` is 0; it must be greater than 0.",
            ]
        );
    }
}
