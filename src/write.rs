//! Compact JSON text for values (and, from the layers above, issues and
//! results), written by hand: the serde serializer instantiated for each of
//! these types costs several KB of wasm. (The `Serialize` impls stay, for
//! Rust callers; the fixture and property tests check that both write the
//! same text.) Issues are written by [`crate::issues`], with these pieces.

use crate::value::{Number, Value};

/// A JSON string literal.
pub(crate) fn string(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut run = 0;
    // Every byte that needs an escape is ASCII, so the runs between them
    // start and end at character boundaries.
    for (i, &b) in bytes.iter().enumerate() {
        let esc = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(crate::text::part(s, run, i));
        if esc.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        } else {
            out.push_str(esc);
        }
        run = i + 1;
    }
    out.push_str(crate::text::part(s, run, crate::text::END));
    out.push('"');
}

/// A string quoted for a message, shortened if long.
pub(crate) fn quote(s: &str) -> String {
    const MAX: usize = 60;
    let mut out = String::new();
    // Where the character after the first MAX starts (a character starts
    // at each byte that is not a continuation byte): a plain loop, smaller
    // in wasm than counting and collecting `chars`.
    let (mut chars, mut end) = (0, s.len());
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b & 0xC0 != 0x80 {
            if chars == MAX {
                end = i;
                break;
            }
            chars += 1;
        }
    }
    string(&mut out, crate::text::part(s, 0, end));
    if end < s.len() {
        out.push('…');
    }
    out
}

/// A JSON number as it was written (non-finite values as null).
pub(crate) fn number(out: &mut String, n: &Number) {
    match n.json_text() {
        Some(t) => out.push_str(&t),
        None => out.push_str("null"),
    }
}

/// A value as compact JSON (alien and skipped values as null).
pub(crate) fn value(out: &mut String, v: &Value) {
    match v {
        Value::Null | Value::Alien(_) | Value::Skipped => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => number(out, n),
        Value::String(s) => string(out, s),
        Value::Array(a) => {
            out.push('[');
            for (i, item) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                value(out, item);
            }
            out.push(']');
        }
        Value::Object(o) => {
            out.push('{');
            for (i, (k, item)) in o.entries().iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(out, k);
                out.push(':');
                value(out, item);
            }
            out.push('}');
        }
    }
}

/// `"key":` (after a comma unless `first`).
pub(crate) fn key(out: &mut String, k: &str, first: bool) {
    if !first {
        out.push(',');
    }
    string(out, k);
    out.push(':');
}

impl Value {
    /// The value as compact JSON text (alien and non-finite values become
    /// `null`; the rules never let them reach an output).
    pub fn to_json_string(&self) -> String {
        let mut out = String::new();
        value(&mut out, self);
        out
    }
}
