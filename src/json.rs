//! Strict JSON text (RFC 8259) into a [`Value`], within limits.
//!
//! serde_json does the parsing (no BOM, comments, trailing commas, single
//! quotes or NaN); a seed around it enforces nesting depth and array length
//! while parsing, so a hostile text costs at most its own size. A repeated
//! object key keeps its first place and its last value, as `JSON.parse` does.

use crate::path::PathSegment;
use crate::value::{Number, ObjectBuilder, Value};
use serde::de::{Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::{Cell, RefCell};
use std::fmt;

/// Size limits on input. Each may be raised (or lowered) by an option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest JSON text in bytes (UTF-8). Default 1 MiB.
    pub max_bytes: usize,
    /// Deepest nesting of objects and arrays. Default 64; at most 128
    /// (serde_json's own recursion bound, which keeps the stack safe).
    pub max_depth: usize,
    /// Most items in one array, keys in one object (repeated keys
    /// included) and fields in one form. Default 10,000.
    pub max_items: usize,
}

/// The hard ceiling on nesting depth, whatever the options say (messages
/// spell it out as 127).
pub const DEPTH_CEILING: usize = 127;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 1 << 20,
            max_depth: 64,
            max_items: 10_000,
        }
    }
}

impl Limits {
    pub(crate) fn depth(&self) -> usize {
        self.max_depth.min(DEPTH_CEILING)
    }
}

/// The message of a depth breach.
pub(crate) fn depth_message(max: usize) -> String {
    if max >= DEPTH_CEILING {
        "This value nests deeper than 127 levels, the hard limit; flatten it.".to_owned()
    } else {
        format!(
            "This value nests deeper than {max} levels; flatten it (or raise the maxDepth option)."
        )
    }
}

/// The message of an array past `maxItems` items (with its length, if known).
pub(crate) fn items_message(max: usize) -> String {
    count_message("array", "items", max)
}

/// The message of an object past `maxItems` keys.
pub(crate) fn keys_message(max: usize) -> String {
    count_message("object", "keys", max)
}

/// The same words for JSON text (whose reader stops counting at the limit)
/// and for a value (which knows its length).
fn count_message(what: &str, unit: &str, max: usize) -> String {
    format!("This {what} has more than {max} {unit}; send fewer (or raise the maxItems option).")
}

/// The message of a form past `maxItems` fields.
pub(crate) fn fields_message(n: usize, max: usize) -> String {
    format!("The form has {n} fields, more than the limit of {max}; send fewer (or raise the maxItems option).")
}

/// The message of a form field name past the depth limit.
pub(crate) fn name_depth_message(name: &str, max: usize) -> String {
    format!(
        "The form field name {} nests deeper than {max} levels; use a shorter name (or raise the maxDepth option).",
        crate::write::quote(name)
    )
}

/// Why a JSON text (or a value held to the limits) was refused. This layer
/// knows no issues: [`crate::issues`] turns an error into the one issue that
/// reports it (`impl From<json::Error> for Issue`), with the same path,
/// message, line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    /// Where the breach is (empty for a syntax error, which has a line).
    pub path: Vec<PathSegment>,
    /// The issue's message.
    pub message: String,
    /// For an error in JSON text: the 1-based line.
    pub line: Option<usize>,
    /// For an error in JSON text: the 1-based column, in UTF-16 units.
    pub column: Option<usize>,
}

/// The two ways input is refused before any rule runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text is not JSON (issue code `invalid_json`).
    InvalidJson,
    /// The input is past a limit (issue code `too_large`).
    TooLarge,
}

impl Error {
    fn new(kind: ErrorKind, path: Vec<PathSegment>, message: String) -> Self {
        Error {
            kind,
            path,
            message,
            line: None,
            column: None,
        }
    }
}

/// Parses JSON text; on failure, the error that says why (invalid JSON
/// with line and column, or too large), which converts into its issue.
pub fn parse(text: &str, limits: &Limits) -> Result<Value, Error> {
    parse_at(text, limits, Place::FULL)
}

/// [`parse`], skipping what validate never reads when `at` is not `Full`.
pub(crate) fn parse_at(text: &str, limits: &Limits, at: Place) -> Result<Value, Error> {
    if text.len() > limits.max_bytes {
        return Err(Error::new(
            ErrorKind::TooLarge,
            vec![],
            format!(
                "The JSON text is {} bytes, more than the limit of {} bytes; send a smaller payload or raise the maxBytes option.",
                text.len(),
                limits.max_bytes
            ),
        ));
    }
    let state = State {
        limits: *limits,
        fail: RefCell::new(None),
        text,
        numbers: Cell::new(0),
        scan: Cell::new((0, 0)),
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let result = Seed {
        depth: 0,
        st: &state,
        at,
    }
    .deserialize(&mut de)
    .and_then(|v| de.end().map(|_| v));
    match result {
        Ok(v) => Ok(v),
        Err(e) => {
            let line = e.line();
            let column = utf16_column(text, line, e.column());
            let mut err = match state.fail.into_inner() {
                Some(fail) => {
                    let mut path = fail.path;
                    path.reverse();
                    Error::new(ErrorKind::TooLarge, path, fail.message)
                }
                None => {
                    let text = e.to_string();
                    let what = text
                        .get(..crate::text::find(&text, " at line ").unwrap_or(text.len()))
                        .unwrap_or(&text)
                        .to_owned();
                    if what == "recursion limit exceeded" {
                        Error::new(
                            ErrorKind::TooLarge,
                            vec![],
                            format!(
                                "The JSON text nests deeper than {DEPTH_CEILING} levels at line {line}, column {column}; flatten it."
                            ),
                        )
                    } else {
                        Error::new(
                            ErrorKind::InvalidJson,
                            vec![],
                            format!(
                                "The JSON text is not valid at line {line}, column {column}: {what}; fix the text there (strict JSON: no comments, trailing commas or single quotes)."
                            ),
                        )
                    }
                }
            };
            if line > 0 {
                err.line = Some(line);
                err.column = Some(column);
            }
            Err(err)
        }
    }
}

/// serde_json counts columns in bytes; editors (and JavaScript) count
/// UTF-16 units. Columns start at 1.
fn utf16_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(row) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column.max(1);
    };
    let mut end = byte_column.min(row.len());
    while !row.is_char_boundary(end) {
        end -= 1;
    }
    row[..end]
        .chars()
        .map(char::len_utf16)
        .sum::<usize>()
        .max(1)
}

struct Fail {
    /// Innermost first; reversed at the end.
    path: Vec<PathSegment>,
    message: String,
}

struct State<'t> {
    limits: Limits,
    fail: RefCell<Option<Fail>>,
    /// The JSON text being parsed ("" when not known), for the text of
    /// numbers: serde_json hands a visitor only an `f64`, which may be off
    /// by one unit in the last place and has lost how it was written.
    text: &'t str,
    /// Numbers visited so far, in document order.
    numbers: Cell<usize>,
    /// Where the number scanner stands: byte offset, numbers passed.
    scan: Cell<(usize, usize)>,
}

impl<'t> State<'t> {
    /// Counts a number visited; returns its ordinal in the document.
    fn count_number(&self) -> usize {
        let k = self.numbers.get();
        self.numbers.set(k + 1);
        k
    }

    /// The text of number `k` (in document order). The scanner only moves
    /// forward, over text serde_json has already checked, so all calls of
    /// one parse cost one pass over the text at most.
    fn number_text(&self, k: usize) -> Option<&'t str> {
        let b = self.text.as_bytes();
        let (mut pos, mut passed) = self.scan.get();
        while pos < b.len() {
            match b[pos] {
                b'"' => {
                    pos += 1;
                    while let Some(i) = b[pos.min(b.len())..]
                        .iter()
                        .position(|&c| c == b'"' || c == b'\\')
                    {
                        pos += i;
                        if b[pos] == b'"' {
                            break;
                        }
                        pos += 2;
                    }
                    pos += 1;
                }
                b'-' | b'0'..=b'9' => {
                    let start = pos;
                    while pos < b.len()
                        && matches!(b[pos], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
                    {
                        pos += 1;
                    }
                    passed += 1;
                    if passed > k {
                        self.scan.set((pos, passed));
                        return (passed == k + 1)
                            .then(|| self.text.get(start..pos))
                            .flatten();
                    }
                }
                _ => pos += 1,
            }
        }
        self.scan.set((pos, passed));
        None
    }

    fn too_large<E: serde::de::Error>(&self, message: String) -> E {
        *self.fail.borrow_mut() = Some(Fail {
            path: Vec::new(),
            message,
        });
        E::custom("too large")
    }
    fn add_segment(&self, seg: PathSegment) {
        if let Some(f) = self.fail.borrow_mut().as_mut() {
            f.path.push(seg);
        }
    }
    /// The depth of a container's items, or `too_large`.
    fn enter<E: serde::de::Error>(&self, depth: usize) -> Result<usize, E> {
        let max = self.limits.depth();
        if depth + 1 > max {
            return Err(self.too_large(depth_message(max)));
        }
        Ok(depth + 1)
    }
    /// `too_large` for the item past `maxItems`.
    fn too_many<E: serde::de::Error>(&self) -> E {
        self.too_large(items_message(self.limits.max_items))
    }
    /// `too_large` for the key past `maxItems`.
    fn too_many_keys<E: serde::de::Error>(&self) -> E {
        self.too_large(keys_message(self.limits.max_items))
    }
}

/// Deserializes a [`Value`] from any serde format, within the ceiling on
/// depth (no other limit): `Value`'s `Deserialize` impl.
pub(crate) fn deserialize_value<'de, D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
    let state = State {
        limits: Limits {
            max_bytes: usize::MAX,
            max_depth: DEPTH_CEILING,
            max_items: usize::MAX,
        },
        fail: RefCell::new(None),
        text: "",
        numbers: Cell::new(0),
        scan: Cell::new((0, 0)),
    };
    Seed {
        depth: 0,
        st: &state,
        at: Place::FULL,
    }
    .deserialize(d)
}

impl<'de> Deserialize<'de> for Value {
    /// Any serde format into a value (repeated keys: first place, last
    /// value; nesting up to the depth ceiling).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_value(d)
    }
}

#[derive(Clone, Copy)]
struct Seed<'s> {
    depth: usize,
    st: &'s State<'s>,
    at: Place,
}

/// Where the parser stands in the payload, for skipping what validate never
/// reads (the contents of flow nodes and edges, transfers, knowledge bases,
/// reminder messages, a webhook's testResponse): checked for syntax and
/// limits, but not built. The parser does not know the payloads: a place is
/// a state of its caller's `rule` (the schema's), which says the place
/// under each key (`None`: an array item), or `None` to skip the value.
#[derive(Clone, Copy)]
pub struct Place {
    pub state: u32,
    pub rule: fn(u32, Option<&str>) -> Option<u32>,
}

fn build_all(_: u32, _: Option<&str>) -> Option<u32> {
    Some(0)
}

impl Place {
    /// Build everything below (state 0 is always this).
    pub const FULL: Place = Place {
        state: 0,
        rule: build_all,
    };

    /// The place of the value under `key` (None for an array item).
    fn child(self, key: Option<&str>) -> Option<Place> {
        if self.state == 0 {
            return Some(self);
        }
        (self.rule)(self.state, key).map(|state| Place { state, ..self })
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl Seed<'_> {
    fn enter<E: serde::de::Error>(self) -> Result<Self, E> {
        Ok(Seed {
            depth: self.st.enter(self.depth)?,
            ..self
        })
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        self.st.count_number();
        Ok(Value::Number(Number::from_i64(n)))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        self.st.count_number();
        Ok(Value::Number(match i64::try_from(n) {
            Ok(i) => Number::from_i64(i),
            // The digits of a JSON integer are its text.
            Err(_) => Number::from_json_text(&n.to_string()),
        }))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        // A fraction, an exponent, -0, or an integer past 64 bits: its text.
        let k = self.st.count_number();
        Ok(Value::Number(match self.st.number_text(k) {
            Some(t) => Number::from_json_text(t),
            None => Number::from(n),
        }))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let child = self.enter()?;
        let max = self.st.limits.max_items;
        let mut out = Vec::new();
        let item_place = self.at.child(None);
        loop {
            let next = match item_place {
                Some(at) => seq.next_element_seed(Seed { at, ..child }),
                None => seq
                    .next_element_seed(Skip {
                        depth: child.depth,
                        st: self.st,
                    })
                    .map(|o| o.map(|()| Value::Skipped)),
            };
            match next {
                Ok(Some(v)) => {
                    if out.len() == max {
                        return Err(self.st.too_many());
                    }
                    out.push(v)
                }
                Ok(None) => return Ok(Value::Array(out)),
                Err(e) => {
                    self.st.add_segment(PathSegment::Index(out.len()));
                    return Err(e);
                }
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let child = self.enter()?;
        let max = self.st.limits.max_items;
        let mut n = 0;
        let mut b = ObjectBuilder::default();
        while let Some(k) = map.next_key::<String>()? {
            if n == max {
                return Err(self.st.too_many_keys());
            }
            n += 1;
            let next = match self.at.child(Some(&k)) {
                Some(at) => map.next_value_seed(Seed { at, ..child }),
                None => map
                    .next_value_seed(Skip {
                        depth: child.depth,
                        st: self.st,
                    })
                    .map(|()| Value::Skipped),
            };
            match next {
                Ok(v) => b.insert(k, v),
                Err(e) => {
                    self.st.add_segment(PathSegment::Key(k));
                    return Err(e);
                }
            }
        }
        Ok(Value::Object(b.finish()))
    }
}

/// Consumes a value without building it, within the same limits.
#[derive(Clone, Copy)]
struct Skip<'s> {
    depth: usize,
    st: &'s State<'s>,
}

impl<'de> DeserializeSeed<'de> for Skip<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

/// An object key, borrowed from the text when it has no escapes.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = std::borrow::Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = std::borrow::Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
        Ok(std::borrow::Cow::Borrowed(s))
    }
    fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
        Ok(std::borrow::Cow::Owned(s.to_owned()))
    }
}

impl<'de> Visitor<'de> for Skip<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        self.st.count_number();
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        self.st.count_number();
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        self.st.count_number();
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let child = Skip {
            depth: self.st.enter(self.depth)?,
            st: self.st,
        };
        let max = self.st.limits.max_items;
        let mut n = 0;
        loop {
            match seq.next_element_seed(child) {
                Ok(Some(())) if n == max => return Err(self.st.too_many()),
                Ok(Some(())) => n += 1,
                Ok(None) => return Ok(()),
                Err(e) => {
                    self.st.add_segment(PathSegment::Index(n));
                    return Err(e);
                }
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let child = Skip {
            depth: self.st.enter(self.depth)?,
            st: self.st,
        };
        let max = self.st.limits.max_items;
        let mut n = 0;
        while let Some(k) = map.next_key_seed(Key)? {
            if n == max {
                return Err(self.st.too_many_keys());
            }
            n += 1;
            if let Err(e) = map.next_value_seed(child) {
                self.st.add_segment(PathSegment::Key(k.into_owned()));
                return Err(e);
            }
        }
        Ok(())
    }
}

/// Checks nesting depth and array lengths of a value that did not come from
/// JSON text (JavaScript objects, Rust values). Returns the first breach
/// (always [`ErrorKind::TooLarge`]). Recursion stops at the depth limit, so
/// any value is safe to check.
pub fn check_limits(value: &Value, limits: &Limits) -> Option<Error> {
    /// On a breach: the message, and the path innermost first (built only
    /// then, on the way back up).
    fn walk(v: &Value, depth: usize, limits: &Limits) -> Option<(String, Vec<PathSegment>)> {
        let max = limits.depth();
        match v {
            Value::Array(_) | Value::Object(_) if depth + 1 > max => {
                Some((depth_message(max), Vec::new()))
            }
            Value::Array(a) if a.len() > limits.max_items => Some((
                count_message("array", "items", limits.max_items),
                Vec::new(),
            )),
            Value::Array(a) => {
                for (i, item) in a.iter().enumerate() {
                    if let Some((m, mut p)) = walk(item, depth + 1, limits) {
                        p.push(PathSegment::Index(i));
                        return Some((m, p));
                    }
                }
                None
            }
            Value::Object(o) if o.len() > limits.max_items => Some((
                count_message("object", "keys", limits.max_items),
                Vec::new(),
            )),
            Value::Object(o) => {
                for (k, item) in o.iter() {
                    if let Some((m, mut p)) = walk(item, depth + 1, limits) {
                        p.push(PathSegment::Key(k.clone()));
                        return Some((m, p));
                    }
                }
                None
            }
            _ => None,
        }
    }
    walk(value, 0, limits).map(|(message, mut path)| {
        path.reverse();
        Error::new(ErrorKind::TooLarge, path, message)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path::pointer;

    #[test]
    fn columns_count_utf16_units_from_one() {
        // "é" is 2 bytes in UTF-8 and 1 unit in UTF-16; "😀" is 4 and 2.
        let e = parse("{\"é😀\": 1,}", &Limits::default()).unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidJson);
        assert_eq!((e.line, e.column), (Some(1), Some(11)));
        let e = parse("", &Limits::default()).unwrap_err();
        assert_eq!((e.line, e.column), (Some(1), Some(1)));
        let e = parse("[1,\n 2,\n ]", &Limits::default()).unwrap_err();
        assert_eq!((e.line, e.column), (Some(3), Some(2)));
    }

    #[test]
    fn limits_are_reported_at_their_path() {
        let limits = Limits {
            max_items: 2,
            ..Limits::default()
        };
        let e = parse(r#"{"a": {"b": [1, 2, 3]}}"#, &limits).unwrap_err();
        assert_eq!(
            (e.kind, pointer(&e.path).as_str()),
            (ErrorKind::TooLarge, "/a/b")
        );
        let limits = Limits {
            max_depth: 2,
            ..Limits::default()
        };
        let e = parse(r#"{"a": [{"b": 1}]}"#, &limits).unwrap_err();
        assert_eq!(
            (e.kind, pointer(&e.path).as_str()),
            (ErrorKind::TooLarge, "/a/0")
        );
        // The same inside skipped parts.
        let limits = Limits {
            max_items: 2,
            ..Limits::default()
        };
        let text = r#"{"flowData": {"nodes": [{"id": "a", "data": [1, 2, 3]}]}}"#;
        let e = parse_at(text, &limits, crate::Kind::CallFlow.skip_place()).unwrap_err();
        assert_eq!(pointer(&e.path), "/flowData/nodes/0/data");
    }
}
