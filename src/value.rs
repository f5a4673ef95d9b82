//! The document model the rules work on.
//!
//! [`Value`] is JSON with two differences that matter for validating what
//! arrives from JavaScript:
//! - objects keep their keys in document order (issues are reported in that
//!   order, and unknown keys are kept in it), and a key is only ever data;
//! - a value that JSON cannot carry (a `BigInt`, a function, a `Date`, a
//!   cyclic reference, `NaN`...) is kept as [`Value::Alien`] or a non-finite
//!   number, so that the rules can report it at its path instead of failing
//!   the whole input.
//!
//! Numbers are [`Number`]s: the text they were written in, kept verbatim,
//! so that pass-through data comes out exactly as it went in.

pub use crate::number::Number;
use crate::strset::StrSet;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// A JSON value in document order, or a non-JSON value from JavaScript.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    /// A number as written; may be non-finite only when it came from
    /// JavaScript (or a Rust `f64`).
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Object),
    /// Valid JSON that the parser checked but did not build, because
    /// validate never reads it (the contents of flow nodes, say). Never
    /// produced by normalize.
    Skipped,
    /// A JavaScript value with no JSON form; the string names what it was
    /// (`bigint`, `symbol`, `function`, `undefined`, `cyclic reference`,
    /// `Date`, `Map`, `throwing getter`...).
    Alien(String),
}

/// An object: keys in document order, each key at most once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Object {
    entries: Vec<(String, Value)>,
}

impl Object {
    pub fn new() -> Self {
        Object {
            entries: Vec::new(),
        }
    }
    pub fn with_capacity(n: usize) -> Self {
        Object {
            entries: Vec::with_capacity(n),
        }
    }
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&Value> {
        // Plain loops: the iterator adaptors' generic code is larger in wasm.
        for (k, v) in &self.entries {
            if crate::text::same(k, key) {
                return Some(v);
            }
        }
        None
    }
    /// The position of `key` in document order.
    pub fn position(&self, key: &str) -> Option<usize> {
        for (i, (k, _)) in self.entries.iter().enumerate() {
            if crate::text::same(k, key) {
                return Some(i);
            }
        }
        None
    }
    /// Appends `key` (the caller knows it is not present yet).
    pub fn push(&mut self, key: impl Into<String>, value: Value) {
        self.entries.push((key.into(), value));
    }
    /// Sets `key`: replaced in place if present, appended otherwise.
    pub fn insert(&mut self, key: impl Into<String>, value: Value) {
        let key = key.into();
        for (k, slot) in &mut self.entries {
            if *k == key {
                *slot = value;
                return;
            }
        }
        self.entries.push((key, value));
    }
    /// Replaces the value of the entry at `i` (in document order).
    pub(crate) fn set_at(&mut self, i: usize, value: Value) {
        self.entries[i].1 = value;
    }
    /// Removes `key` and returns its value.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let i = self.position(key)?;
        Some(self.entries.remove(i).1)
    }
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }
    pub fn into_entries(self) -> Vec<(String, Value)> {
        self.entries
    }
    pub fn entries(&self) -> &[(String, Value)] {
        &self.entries
    }
}

impl FromIterator<(String, Value)> for Object {
    /// Builds an object; a repeated key keeps its first place and its last value
    /// (as `JSON.parse` does).
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        let mut b = ObjectBuilder::default();
        for (k, v) in iter {
            b.insert(k, v);
        }
        b.finish()
    }
}

/// Builds an object from a stream of entries that may repeat keys, in
/// linear time: entries are kept as they come, and repeats looked for once
/// at the end (a hash set over the keys, borrowed, past a few of them);
/// only an object that has some is built again.
#[derive(Default)]
pub(crate) struct ObjectBuilder {
    obj: Object,
}

impl ObjectBuilder {
    const LINEAR: usize = 32;

    /// Room for `n` entries.
    pub(crate) fn reserve(&mut self, n: usize) {
        self.obj.entries.reserve_exact(n);
    }

    pub(crate) fn insert(&mut self, key: String, value: Value) {
        self.obj.entries.push((key, value));
    }

    pub(crate) fn finish(self) -> Object {
        self.finish_noting(&mut false)
    }

    /// [`finish`](Self::finish), setting `repeated` if a key was repeated.
    pub(crate) fn finish_noting(self, repeated: &mut bool) -> Object {
        let e = &self.obj.entries;
        let repeats = if e.len() <= Self::LINEAR {
            // Only keys of one length can be the same: a key is compared
            // with those before it only when one had its length (mod 64).
            let mut lengths = 0u64;
            (0..e.len()).any(|i| {
                let bit = 1u64 << (e[i].0.len() % 64);
                let maybe = lengths & bit != 0;
                lengths |= bit;
                maybe && e[..i].iter().any(|(k, _)| crate::text::same(k, &e[i].0))
            })
        } else {
            let mut seen = StrSet::with_capacity(e.len());
            e.iter().any(|(k, _)| seen.insert(k.as_str()).is_err())
        };
        if !repeats {
            return self.obj;
        }
        *repeated = true;
        let entries = self.obj.entries;
        let mut out: Vec<(String, Value)> = Vec::with_capacity(entries.len());
        let mut index: StrSet<'static> = StrSet::with_capacity(entries.len());
        for (k, v) in entries {
            match index.insert(k.clone()) {
                Err(i) => out[i].1 = v,
                Ok(_) => out.push((k, v)),
            }
        }
        Object { entries: out }
    }
}

impl Value {
    /// JSON's name for this value's type (`object`, `array`, `string`,
    /// `number`, `boolean`, `null`); for a JavaScript value with no JSON
    /// form, what it was.
    pub fn type_name(&self) -> &str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_nan() => "NaN",
            Value::Number(n) if !n.is_finite() => "Infinity",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
            Value::Alien(what) => what,
            Value::Skipped => "value",
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    /// Looks up a key of an object (None for other values).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|o| o.get(key))
    }
    /// The value at `path`, for changing it in place.
    pub fn pointer_mut(&mut self, path: &[crate::path::PathSegment]) -> Option<&mut Value> {
        use crate::path::PathSegment;
        let mut cur = self;
        for seg in path {
            cur = match (cur, seg) {
                (Value::Object(o), PathSegment::Key(k)) => {
                    let mut found = None;
                    for (ek, v) in &mut o.entries {
                        if ek == k {
                            found = Some(v);
                            break;
                        }
                    }
                    found?
                }
                (Value::Array(a), PathSegment::Index(i)) => a.get_mut(*i)?,
                _ => return None,
            };
        }
        Some(cur)
    }
    /// True when the value is plain JSON all the way down: no alien value
    /// and no non-finite number.
    pub fn is_json(&self) -> bool {
        match self {
            Value::Number(n) => n.is_finite(),
            Value::Alien(_) => false,
            Value::Skipped => true,
            Value::Array(a) => a.iter().all(Value::is_json),
            Value::Object(o) => o.entries.iter().all(|(_, v)| v.is_json()),
            _ => true,
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_owned())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}
impl From<f64> for Value {
    fn from(n: f64) -> Self {
        Value::Number(Number::from(n))
    }
}
impl From<Number> for Value {
    fn from(n: Number) -> Self {
        Value::Number(n)
    }
}
impl From<Object> for Value {
    fn from(o: Object) -> Self {
        Value::Object(o)
    }
}
impl From<Vec<Value>> for Value {
    fn from(a: Vec<Value>) -> Self {
        Value::Array(a)
    }
}

impl From<serde_json::Value> for Value {
    fn from(v: serde_json::Value) -> Self {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(b),
            serde_json::Value::Number(n) => Value::Number(match (n.as_i64(), n.as_f64()) {
                (Some(i), _) => Number::from_i64(i),
                (None, Some(f)) => Number::from(f),
                (None, None) => Number::non_finite(f64::NAN),
            }),
            serde_json::Value::String(s) => Value::String(s),
            serde_json::Value::Array(a) => Value::Array(a.into_iter().map(Value::from).collect()),
            serde_json::Value::Object(o) => {
                Value::Object(o.into_iter().map(|(k, v)| (k, Value::from(v))).collect())
            }
        }
    }
}

impl From<&Value> for serde_json::Value {
    fn from(v: &Value) -> Self {
        match v {
            Value::Null | Value::Alien(_) | Value::Skipped => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => json_number(n)
                .map(serde_json::Value::Number)
                .unwrap_or(serde_json::Value::Null),
            Value::String(s) => serde_json::Value::String(s.clone()),
            Value::Array(a) => serde_json::Value::Array(a.iter().map(Into::into).collect()),
            Value::Object(o) => serde_json::Value::Object(
                o.entries
                    .iter()
                    .map(|(k, v)| (k.clone(), v.into()))
                    .collect(),
            ),
        }
    }
}

/// A number as serde_json's: integers exactly, others as the double they
/// read as (None for NaN and the infinities).
pub(crate) fn json_number(n: &Number) -> Option<serde_json::Number> {
    let text = n.json_text()?;
    if !text.starts_with("-0") {
        if let Ok(i) = text.parse::<i64>() {
            return Some(serde_json::Number::from(i));
        }
        if let Ok(u) = text.parse::<u64>() {
            return Some(serde_json::Number::from(u));
        }
    }
    serde_json::Number::from_f64(n.as_f64())
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null | Value::Alien(_) | Value::Skipped => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(n) => match json_number(n) {
                Some(num) => num.serialize(s),
                None => s.serialize_unit(),
            },
            Value::String(v) => s.serialize_str(v),
            Value::Array(a) => {
                let mut seq = s.serialize_seq(Some(a.len()))?;
                for v in a {
                    seq.serialize_element(v)?;
                }
                seq.end()
            }
            Value::Object(o) => {
                let mut map = s.serialize_map(Some(o.len()))?;
                for (k, v) in &o.entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

/// Drops a value that is no longer needed. In the wasm build, inside a
/// call's arena, a tree (a parsed payload, a normalized one, the values a
/// validate walk made and throws away) is forgotten
/// instead of freed piece by piece: the arena takes its block back whole.
#[inline]
pub(crate) fn discard<T>(v: T) {
    #[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
    if crate::arena::ALLOC.may_forget() {
        core::mem::forget(v);
        return;
    }
    drop(v);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_keep_first_place_and_last_value() {
        // Small objects (linear search) and large ones (hash index).
        for n in [3usize, 40] {
            let mut entries: Vec<(String, Value)> = (0..n)
                .map(|i| (format!("k{i}"), Value::from(i as f64)))
                .collect();
            entries.push(("k1".into(), Value::Bool(true)));
            entries.push((format!("k{}", n - 1), Value::Null));
            let o: Object = entries.into_iter().collect();
            assert_eq!(o.len(), n);
            assert_eq!(o.position("k1"), Some(1));
            assert_eq!(o.get("k1"), Some(&Value::Bool(true)));
            assert_eq!(o.get(&format!("k{}", n - 1)), Some(&Value::Null));
            assert_eq!(o.get("k0"), Some(&Value::from(0.0)));
        }
    }
}
