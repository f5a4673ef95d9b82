//! `dynamicVariableCollections[]`: named sets of variables, at most one of
//! them the default.

use super::{put, s, Ctx};
use crate::issues::IssueCode;
use crate::strset::StrSet;
use crate::value::{Object, Value};

const KNOWN: [&str; 4] = ["id", "name", "variables", "isDefault"];

/// Checks the `dynamicVariableCollections` array (the walk stands at it).
pub(crate) fn collections<'a>(ctx: &mut Ctx<'a>, v: &'a Value) -> Option<Value> {
    let items = ctx.array(v)?;
    let mut ids = StrSet::default();
    let mut default_seen = false;
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let one = ctx.in_index(i, |c| {
            let obj = c.object(item)?;
            let keys = c.keys(obj, &KNOWN);
            let mut o = Object::with_capacity(4);
            let id = c.optional(keys.get(0), |c, v| {
                    let id = c.text(v)?;
                    c.unique(&mut ids, id, "collection id");
                    Some(id)
                });
            put(&mut o, "id", id.map(s));
            let name = c
                .required(keys.raw(1), "name", "give the collection a name", |c, v| c.text(v));
            put(&mut o, "name", name.map(s));
            let vars = c.optional(keys.get(2), variables);
            put(&mut o, "variables", vars);
            let is_default = c.optional(keys.get(3), |c, v| {
                    let b = c.boolean(v)?;
                    if b && default_seen {
                        let msg = format!(
                            "{} marks a second collection as the default; only one collection can be the default, so set the others to false.",
                            c.here()
                        );
                        c.report(IssueCode::MultipleDefaults, msg);
                    }
                    default_seen |= b;
                    Some(b)
                });
            o.push("isDefault", Value::Bool(is_default.unwrap_or(false)));
            Ctx::append_extras(&mut o, &keys);
            Some(Value::Object(o))
        });
        if let Some(o) = one {
            out.push(o);
        }
    }
    Some(Value::Array(out))
}

/// `variables`: `{ key, value }` items, keys unique within the collection.
fn variables<'a>(ctx: &mut Ctx<'a>, v: &'a Value) -> Option<Value> {
    let items = ctx.array(v)?;
    let mut seen = StrSet::default();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let one = ctx.in_index(i, |c| {
            let obj = c.object(item)?;
            let keys = c.keys(obj, &["key", "value"]);
            let mut o = Object::with_capacity(2);
            let key = c.required(keys.raw(0), "key", "give the variable a key", |c, v| {
                let k = c.text(v)?;
                c.unique(&mut seen, k, "variable key");
                Some(k)
            });
            put(&mut o, "key", key.map(s));
            let value = c.optional(keys.get(1), |c, v| c.string(v));
            put(&mut o, "value", value.map(s));
            Ctx::append_extras(&mut o, &keys);
            Some(Value::Object(o))
        });
        if let Some(o) = one {
            out.push(o);
        }
    }
    Some(Value::Array(out))
}
