//! `dynamicVariableCollections[]`: named sets of variables, at most one of
//! them the default.

use super::{s, Ctx};
use crate::issues::IssueCode;
use crate::schema::{Key, COLLECTION, VARIABLE};
use crate::strset::StrSet;
use crate::value::Value;

const ID: Key = COLLECTION.key("id");
const VARIABLES: Key = COLLECTION.key("variables");
const IS_DEFAULT: Key = COLLECTION.key("isDefault");
const KEY: Key = VARIABLE.key("key");

/// Checks the `dynamicVariableCollections` array (the walk stands at it).
pub(crate) fn collections<'a>(ctx: &mut Ctx<'a>, v: &'a Value) -> Option<Value> {
    let items = ctx.array(v)?;
    let mut ids = StrSet::default();
    let mut default_seen = false;
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let one = ctx.in_index(i, |c| {
            let obj = c.object(item)?;
            let mut w = c.walk(obj, &COLLECTION);
            let id = c.optional(w.get(ID), |c, v| {
                let id = c.text(v)?;
                c.unique(&mut ids, id, "collection id");
                Some(s(id))
            });
            w.set(ID, id);
            let vars = c.optional(w.get(VARIABLES), variables);
            w.set(VARIABLES, vars);
            let is_default = c.need(IS_DEFAULT.def(), w.get(IS_DEFAULT), |c, v| {
                let b = c.boolean(v)?;
                if b && default_seen {
                    c.say(IssueCode::MultipleDefaults, &[" marks a second collection as the default; only one collection can be the default, so set the others to false."]);
                }
                default_seen |= b;
                Some(Value::Bool(b))
            });
            // An invalid value is written as the default (it was reported).
            w.set(IS_DEFAULT, Some(is_default.unwrap_or(Value::Bool(false))));
            Some(w.done())
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
            let mut w = c.walk(obj, &VARIABLE);
            let key = c.need(KEY.def(), w.raw(KEY), |c, v| {
                let k = c.text(v)?;
                c.unique(&mut seen, k, "variable key");
                Some(s(k))
            });
            w.set(KEY, key);
            Some(w.done())
        });
        if let Some(o) = one {
            out.push(o);
        }
    }
    Some(Value::Array(out))
}
