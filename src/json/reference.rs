//! The parser before the hand-written one: serde_json with a seed that
//! enforces the limits (test only). The hand-written parser must agree with
//! it on every text: the same value, or the same syntax error at the same
//! line and column (`tests::agrees_with_serde_json`). Limits breaches agree
//! in kind, path and message; their line and column are the hand-written
//! parser's own (docs/DECISIONS.md).

use super::{
    depth_message, items_message, keys_message, Error, ErrorKind, Limits, Place, DEPTH_CEILING,
};
use crate::path::PathSegment;
use crate::value::{Number, ObjectBuilder, Value};
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::{Cell, RefCell};
use std::fmt;

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

#[derive(Clone, Copy)]
struct Seed<'s> {
    depth: usize,
    st: &'s State<'s>,
    at: Place,
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
