//! The field catalogue: every field of a payload as data, for building
//! forms and editors (native only; `schema/*.fields.json` is generated from
//! it, and the npm package's `callFlowFields` / `messageFlowFields` from
//! those files).
//!
//! A payload's catalogue is a flat list of [`Field`]s in the schema's order:
//! an object's fields follow the object's own entry (`settings`, then
//! `settings.welcomeMessage`...); a list of objects carries its items'
//! fields in [`Field::items`], with paths that step through the list as
//! [`ITEM`] (`webhooks[].url`). A documented other place of a field (the
//! schema's `Role::Moved`) is not an entry of its own: it is listed in the
//! [`Field::alternatives`] of the field it moves to, and of that field's
//! own fields (`settings.callSetting.maxCallDuration` for
//! `settings.callSettings.maxCallDuration`).

use crate::schema::{Control, Def, Lit, Need, Role, Shape, Ty, CALL_FLOW, MESSAGE_FLOW};
use crate::value::{Number, Object, Value};
use crate::Kind;

/// The path segment of a list's items (`webhooks[].url`).
pub const ITEM: &str = "[]";

/// One field of a payload.
#[derive(Debug, Clone)]
pub struct Field {
    /// Keys from the payload's top; [`ITEM`] steps into a list's items.
    pub path: Vec<&'static str>,
    /// Its definition in the schema.
    pub def: &'static Def,
    /// The object that holds it.
    pub holder: &'static Shape,
    /// Documented other places of the field (`moved` reports them).
    pub alternatives: Vec<Vec<&'static str>>,
    /// The other place of the same value (a mirror: `conflict` when the
    /// two differ), seen from either side.
    pub mirrors: Option<Vec<&'static str>>,
    /// For a list of objects: the fields of its items.
    pub items: Vec<Field>,
}

impl Field {
    /// The path as a person reads it: `settings.callSettings.maxCallDuration`,
    /// `webhooks[].url`.
    pub fn name(&self) -> String {
        dotted(&self.path)
    }
}

/// A path in dotted form, list items as `[]`.
pub fn dotted(path: &[&str]) -> String {
    let mut out = String::new();
    for seg in path {
        if *seg == ITEM {
            out.push_str(ITEM);
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(seg);
        }
    }
    out
}

/// The root shape of a payload.
pub fn root(kind: Kind) -> &'static Shape {
    match kind {
        Kind::CallFlow => &CALL_FLOW,
        Kind::MessageFlow => &MESSAGE_FLOW,
    }
}

/// Every field of a payload, in the schema's order.
pub fn fields(kind: Kind) -> Vec<Field> {
    let mut links = Links::default();
    let mut out = Vec::new();
    collect(root(kind), &[], &mut out, &mut links);
    for f in out.iter_mut() {
        link(f, &links);
    }
    out
}

/// Moved places and mirrors found on the walk, as absolute paths.
#[derive(Default)]
struct Links {
    /// (the other place, the canonical place)
    moved: Vec<(Vec<&'static str>, Vec<&'static str>)>,
    /// (one place, the other)
    mirrors: Vec<(Vec<&'static str>, Vec<&'static str>)>,
}

fn collect(shape: &'static Shape, base: &[&'static str], out: &mut Vec<Field>, links: &mut Links) {
    for def in shape.fields {
        let mut path = base.to_vec();
        path.push(def.key);
        match def.role {
            Role::Moved(to) => {
                links.moved.push((path, resolve(base, to)));
                continue;
            }
            Role::Mirror(of) => links.mirrors.push((path.clone(), resolve(base, of))),
            Role::Field => {}
        }
        let mut field = Field {
            path: path.clone(),
            def,
            holder: shape,
            alternatives: Vec::new(),
            mirrors: None,
            items: Vec::new(),
        };
        match def.ty {
            Ty::Object(s) => {
                out.push(field);
                collect(s, &path, out, links);
            }
            Ty::List(s) => {
                path.push(ITEM);
                collect(s, &path, &mut field.items, links);
                out.push(field);
            }
            _ => out.push(field),
        }
    }
}

/// A place relative to the object at `base` (`..` goes up one object).
fn resolve(base: &[&'static str], to: &[&'static str]) -> Vec<&'static str> {
    let mut path = base.to_vec();
    for step in to {
        if *step == ".." {
            path.pop();
        } else {
            path.push(step);
        }
    }
    path
}

fn link(f: &mut Field, links: &Links) {
    for (alt, canonical) in &links.moved {
        if f.path.starts_with(canonical) {
            let mut p = alt.clone();
            p.extend_from_slice(&f.path[canonical.len()..]);
            f.alternatives.push(p);
        }
    }
    for (a, b) in &links.mirrors {
        if f.path == *a {
            f.mirrors = Some(b.clone());
        } else if f.path == *b {
            f.mirrors = Some(a.clone());
        }
    }
    for item in f.items.iter_mut() {
        link(item, links);
    }
}

// ----- as JSON -----

/// The JSON type name(s) of a field.
pub(crate) fn type_of(ty: Ty) -> Value {
    let name = match ty {
        Ty::Str | Ty::Text | Ty::Enum(_) | Ty::Id | Ty::Url { .. } | Ty::Time | Ty::Timezone => {
            "string"
        }
        Ty::Bool => "boolean",
        Ty::Num { .. } => "number",
        Ty::Headers | Ty::Object(_) => "object",
        Ty::PassList | Ty::List(_) => "array",
        Ty::Any => "any",
        Ty::Body => return strings(&["string", "object", "array"]),
    };
    s(name)
}

/// The format of a string (or header map) field.
pub(crate) fn format_of(ty: Ty) -> Option<&'static str> {
    Some(match ty {
        Ty::Id => "id",
        Ty::Url { .. } => "url",
        Ty::Time => "time",
        Ty::Timezone => "timezone",
        Ty::Headers => "headers",
        _ => return None,
    })
}

/// A string that must say something (blank is an error).
pub(crate) fn non_empty(ty: Ty) -> bool {
    matches!(ty, Ty::Text | Ty::Id | Ty::Url { empty: false })
}

/// A field's default as a JSON value.
pub(crate) fn default_of(def: &Def) -> Option<Value> {
    match def.need {
        Need::Default(Lit::Bool(b)) => Some(Value::Bool(b)),
        Need::Default(Lit::Str(t)) => Some(s(t)),
        Need::Default(Lit::EmptyList) => Some(Value::Array(Vec::new())),
        Need::Default(Lit::Object) => Some(Value::Object(Object::new())),
        _ => None,
    }
}

fn control_name(c: Control) -> &'static str {
    match c {
        Control::Auto => "text",
        Control::Textarea => "textarea",
        Control::Code => "code",
        Control::Message => "message",
    }
}

/// A payload's catalogue as JSON: an array of entries.
pub fn to_value(fields: &[Field]) -> Value {
    Value::Array(fields.iter().map(entry).collect())
}

/// A payload's catalogue as pretty JSON text (`schema/*.fields.json`).
pub fn json(kind: Kind) -> String {
    pretty(&to_value(&fields(kind)))
}

fn entry(f: &Field) -> Value {
    let d = f.def;
    let ty = d.ty;
    let mut o = Object::new();
    o.push("name", s(&f.name()));
    o.push("path", strings(&f.path));
    o.push("key", s(d.key));
    o.push("type", type_of(ty));
    o.push("required", Value::Bool(matches!(d.need, Need::Required(_))));
    o.push("nullable", Value::Bool(d.nullable));
    o.push("default", default_of(d).unwrap_or(Value::Null));
    o.push(
        "enum",
        match ty {
            Ty::Enum(e) => Value::Array(
                e.values
                    .iter()
                    .zip(e.meanings)
                    .map(|(v, m)| value_meaning(v, m))
                    .collect(),
            ),
            _ => Value::Null,
        },
    );
    let (min, exclusive) = match ty {
        Ty::Num { exclusive } => (Value::Number(Number::from(0i64)), exclusive),
        _ => (Value::Null, false),
    };
    o.push("min", min);
    o.push("exclusiveMin", Value::Bool(exclusive));
    o.push("format", format_of(ty).map_or(Value::Null, s));
    o.push("nonEmpty", Value::Bool(non_empty(ty)));
    o.push("label", s(d.text.label));
    o.push("help", s(d.text.help));
    o.push("doc", s(d.text.doc));
    o.push(
        "alternatives",
        Value::Array(f.alternatives.iter().map(|p| s(&dotted(p))).collect()),
    );
    o.push(
        "mirrors",
        f.mirrors.as_ref().map_or(Value::Null, |p| s(&dotted(p))),
    );
    let shape = match ty {
        Ty::Object(sh) | Ty::List(sh) => Some(sh),
        _ => None,
    };
    o.push("shape", shape.map_or(Value::Null, |sh| s(sh.name)));
    o.push("open", Value::Bool(shape.is_some_and(|sh| sh.open)));
    o.push(
        "passThrough",
        Value::Bool(matches!(ty, Ty::Any | Ty::Body | Ty::PassList)),
    );
    o.push(
        "items",
        match ty {
            Ty::List(_) => to_value(&f.items),
            _ => Value::Null,
        },
    );
    o.push("ui", ui(d));
    Value::Object(o)
}

fn ui(d: &Def) -> Value {
    let u = d.text.ui;
    let stringy = matches!(
        d.ty,
        Ty::Str | Ty::Text | Ty::Id | Ty::Url { .. } | Ty::Time | Ty::Timezone | Ty::Body | Ty::Any
    );
    let mut o = Object::new();
    o.push(
        "control",
        if stringy {
            s(control_name(u.control))
        } else {
            Value::Null
        },
    );
    o.push(
        "section",
        match u.section {
            Some(sec) => {
                let mut so = Object::new();
                so.push("title", s(sec.title));
                so.push("help", s(sec.help));
                so.push("last", Value::Bool(sec.last));
                Value::Object(so)
            }
            None => Value::Null,
        },
    );
    o.push(
        "item",
        if u.item.is_empty() {
            Value::Null
        } else {
            s(u.item)
        },
    );
    o.push("inline", Value::Bool(u.inline));
    o.push(
        "extras",
        Value::Array(
            u.extras
                .iter()
                .map(|x| {
                    let mut xo = Object::new();
                    xo.push("path", strings(x.path));
                    xo.push("label", s(x.label));
                    xo.push("control", s(control_name(x.control)));
                    Value::Object(xo)
                })
                .collect(),
        ),
    );
    o.push(
        "refused",
        Value::Array(u.refused.iter().map(|(v, m)| value_meaning(v, m)).collect()),
    );
    Value::Object(o)
}

fn value_meaning(v: &str, m: &str) -> Value {
    let mut o = Object::new();
    o.push("value", s(v));
    o.push("meaning", s(m));
    Value::Object(o)
}

pub(crate) fn s(t: &str) -> Value {
    Value::String(t.to_owned())
}

pub(crate) fn strings(items: &[&str]) -> Value {
    Value::Array(items.iter().map(|t| s(t)).collect())
}

// ----- pretty JSON -----

/// JSON text indented by two spaces, a newline at the end; an array of
/// scalars stays on one line when it is short.
pub fn pretty(v: &Value) -> String {
    let mut out = String::new();
    write_pretty(&mut out, v, 0);
    out.push('\n');
    out
}

fn write_pretty(out: &mut String, v: &Value, depth: usize) {
    let pad = |out: &mut String, d: usize| {
        out.push('\n');
        for _ in 0..d {
            out.push_str("  ");
        }
    };
    match v {
        Value::Array(a) if a.is_empty() => out.push_str("[]"),
        Value::Object(o) if o.is_empty() => out.push_str("{}"),
        Value::Array(a) => {
            let scalars = a
                .iter()
                .all(|x| !matches!(x, Value::Array(_) | Value::Object(_)));
            if scalars {
                let mut line = String::new();
                crate::write::value(&mut line, v);
                if line.len() <= 80 {
                    // The compact form, with a space after each comma.
                    out.push('[');
                    for (i, item) in a.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        crate::write::value(out, item);
                    }
                    out.push(']');
                    return;
                }
            }
            out.push('[');
            for (i, item) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                pad(out, depth + 1);
                write_pretty(out, item, depth + 1);
            }
            pad(out, depth);
            out.push(']');
        }
        Value::Object(o) => {
            out.push('{');
            for (i, (k, item)) in o.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                pad(out, depth + 1);
                crate::write::string(out, k);
                out.push_str(": ");
                write_pretty(out, item, depth + 1);
            }
            pad(out, depth);
            out.push('}');
        }
        _ => crate::write::value(out, v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_alternatives_and_mirrors() {
        let call = fields(Kind::CallFlow);
        let find = |list: &[Field], name: &str| -> Field {
            list.iter()
                .find(|f| f.name() == name)
                .unwrap_or_else(|| panic!("no {name}"))
                .clone()
        };
        let max = find(&call, "settings.callSettings.maxCallDuration");
        assert_eq!(max.path, ["settings", "callSettings", "maxCallDuration"]);
        assert_eq!(
            max.alternatives,
            [vec!["settings", "callSetting", "maxCallDuration"]]
        );
        let agent = find(&call, "settings.webhooks.agent");
        assert_eq!(agent.mirrors, Some(vec!["agentWebhookUrl"]));
        assert_eq!(
            find(&call, "agentWebhookUrl").mirrors,
            Some(vec!["settings", "webhooks", "agent"])
        );
        let hooks = find(&call, "webhooks");
        let var_name = find(
            &find(&hooks.items, "webhooks[].variablesforcallflow").items,
            "webhooks[].variablesforcallflow[].name",
        );
        assert_eq!(
            var_name.alternatives,
            [vec!["webhooks", ITEM, "variables", ITEM, "name"]]
        );
        assert!(call.iter().all(|f| f.name() != "settings.callSetting"));
        let start = find(&call, "settings.responseSettings.workingHours.start");
        assert_eq!(
            start.alternatives,
            [vec!["settings", "responseSettings", "start"]]
        );
        let msg = fields(Kind::MessageFlow);
        assert_eq!(
            find(&msg, "prompt").alternatives,
            [vec!["settings", "prompt"]]
        );
        assert_eq!(dotted(&["a", ITEM, "b", ITEM]), "a[].b[]");
    }

    #[test]
    fn pretty_json() {
        let mut o = Object::new();
        o.push("a", strings(&["x", "y"]));
        o.push("b", Value::Object(Object::new()));
        o.push("c", Value::Array(vec![Value::Object(Object::new())]));
        assert_eq!(
            pretty(&Value::Object(o)),
            "{\n  \"a\": [\"x\", \"y\"],\n  \"b\": {},\n  \"c\": [\n    {}\n  ]\n}\n"
        );
    }
}
