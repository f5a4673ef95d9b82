//! Compact JSON text for values, issues and results, written by hand: the
//! serde serializer instantiated for each of these types costs several KB of
//! wasm. (The `Serialize` impls stay, for Rust callers; the fixture and
//! property tests check that both write the same text.)

use crate::issues::{Issue, PathSegment, Severity};
use crate::value::{Number, Value};
use std::fmt::Write as _;

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
        out.push_str(&s[run..i]);
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
    out.push_str(&s[run..]);
    out.push('"');
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
            for (i, (k, item)) in o.iter().enumerate() {
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

/// An issue, with the same fields and order as its `Serialize` impl.
pub(crate) fn issue(out: &mut String, i: &Issue) {
    out.push('{');
    key(out, "path", true);
    out.push('[');
    for (n, seg) in i.path.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        match seg {
            PathSegment::Key(k) => string(out, k),
            PathSegment::Index(x) => {
                let _ = write!(out, "{x}");
            }
        }
    }
    out.push(']');
    key(out, "pointer", false);
    string(out, &i.pointer);
    key(out, "code", false);
    string(out, i.code.as_str());
    key(out, "message", false);
    string(out, &i.message);
    key(out, "severity", false);
    string(
        out,
        match i.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
    );
    for (name, field) in [("expected", &i.expected), ("received", &i.received)] {
        if let Some(text) = field {
            key(out, name, false);
            string(out, text);
        }
    }
    for (name, field) in [("line", i.line), ("column", i.column)] {
        if let Some(n) = field {
            key(out, name, false);
            let _ = write!(out, "{n}");
        }
    }
    out.push('}');
}

/// A list of issues (used by the wasm layer).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn issues<'a>(out: &mut String, list: impl IntoIterator<Item = &'a Issue>) {
    out.push('[');
    for (n, i) in list.into_iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        issue(out, i);
    }
    out.push(']');
}
