//! Strict JSON text (RFC 8259) into a [`Value`], within limits.
//!
//! A parser of its own (no BOM, comments, trailing commas, single quotes or
//! NaN; serde_json's messages and places for syntax errors, as before it):
//! one pass, limits on nesting depth and array length enforced while
//! parsing, so a hostile text costs at most its own size; what the caller's
//! [`Place`] skips is checked but never built. A repeated object key keeps
//! its first place and its last value, as `JSON.parse` does.

use crate::path::PathSegment;
use crate::text::{cat, part, uint};
use crate::value::{Number, ObjectBuilder, Value};
use serde::de::{Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

#[cfg(test)]
mod reference;
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
        cat(&[
            "This value nests deeper than ",
            &uint(max),
            " levels; flatten it (or raise the maxDepth option).",
        ])
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
    cat(&[
        "This ",
        what,
        " has more than ",
        &uint(max),
        " ",
        unit,
        "; send fewer (or raise the maxItems option).",
    ])
}

/// The message of a form past `maxItems` fields.
pub(crate) fn fields_message(n: usize, max: usize) -> String {
    cat(&[
        "The form has ",
        &uint(n),
        " fields, more than the limit of ",
        &uint(max),
        "; send fewer (or raise the maxItems option).",
    ])
}

/// The message of a form field name past the depth limit.
pub(crate) fn name_depth_message(name: &str, max: usize) -> String {
    cat(&[
        "The form field name ",
        &crate::write::quote(name),
        " nests deeper than ",
        &uint(max),
        " levels; use a shorter name (or raise the maxDepth option).",
    ])
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
    parse_noting(text, limits, at).map(|(v, _)| v)
}

/// [`parse_at`], and whether an object it built repeats a key (if none
/// does, the locator may stop once it has found every place it looks for).
pub(crate) fn parse_noting(text: &str, limits: &Limits, at: Place) -> Result<(Value, bool), Error> {
    if text.len() > limits.max_bytes {
        return Err(Error::new(
            ErrorKind::TooLarge,
            vec![],
            cat(&[
                "The JSON text is ",
                &uint(text.len()),
                " bytes, more than the limit of ",
                &uint(limits.max_bytes),
                " bytes; send a smaller payload or raise the maxBytes option.",
            ]),
        ));
    }
    let mut p = Parser {
        text,
        b: text.as_bytes(),
        i: 0,
        max_depth: limits.depth(),
        max_items: limits.max_items,
        stop: None,
        repeated: false,
    };
    let value = p.value(0, Some(at)).and_then(|v| match p.ws() {
        Some(_) => p.peek_fail(TRAILING_CHARACTERS),
        None => Ok(v),
    });
    if let Ok(v) = value {
        return Ok((v, p.repeated));
    }
    Err(match p.stop.take() {
        Some(Stop::Syntax(what, at)) => {
            let (line, column) = position(text, at);
            let mut e = Error::new(
                ErrorKind::InvalidJson,
                vec![],
                cat(&[
                    "The JSON text is not valid at line ",
                    &uint(line),
                    ", column ",
                    &uint(column),
                    ": ",
                    what,
                    "; fix the text there (strict JSON: no comments, trailing commas or single quotes).",
                ]),
            );
            (e.line, e.column) = (Some(line), Some(column));
            e
        }
        Some(Stop::TooLarge {
            message,
            mut path,
            at,
        }) => {
            path.reverse();
            let (line, column) = position(text, at + 1);
            let mut e = Error::new(ErrorKind::TooLarge, path, message);
            (e.line, e.column) = (Some(line), Some(column));
            e
        }
        None => unreachable_error(),
    })
}

/// Never made: every `Fail` leaves its `Stop` (kept total, without a panic).
#[cold]
fn unreachable_error() -> Error {
    Error::new(ErrorKind::InvalidJson, vec![], String::new())
}

// serde_json's words for each syntax error (the parser before this one was
// serde_json; messages and places are kept, `reference::parse_at` checks).
const EOF_LIST: &str = "EOF while parsing a list";
const EOF_OBJECT: &str = "EOF while parsing an object";
const EOF_STRING: &str = "EOF while parsing a string";
const EOF_VALUE: &str = "EOF while parsing a value";
const EXPECTED_COLON: &str = "expected `:`";
const EXPECTED_LIST: &str = "expected `,` or `]`";
const EXPECTED_OBJECT: &str = "expected `,` or `}`";
const EXPECTED_IDENT: &str = "expected ident";
const EXPECTED_VALUE: &str = "expected value";
const INVALID_ESCAPE: &str = "invalid escape";
const INVALID_NUMBER: &str = "invalid number";
const OUT_OF_RANGE: &str = "number out of range";
const CONTROL: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const KEY_STRING: &str = "key must be a string";
const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING_CHARACTERS: &str = "trailing characters";
const END_OF_HEX: &str = "unexpected end of hex escape";

/// The 1-based line and column (UTF-16 units, at least 1) of a place given
/// as serde_json gave it: `at` bytes from the start, the column counting
/// the bytes of its line before `at`.
fn position(text: &str, at: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let at = at.min(b.len());
    // One plain loop for the line and its start, not `rposition` and a
    // filtered count: smaller in wasm.
    let (mut line, mut start) = (1, 0);
    let mut i = 0;
    while i < at {
        if b[i] == b'\n' {
            line += 1;
            start = i + 1;
        }
        i += 1;
    }
    let row = text.get(start..).unwrap_or("");
    let mut end = (at - start).min(row.len());
    while !row.is_char_boundary(end) {
        end -= 1;
    }
    let column = crate::text::utf16_units(part(row, 0, end).as_bytes());
    (line, column.max(1))
}

/// Why parsing stopped: kept by the parser, which returns only [`Fail`].
enum Stop {
    /// serde_json's words, and where (as [`position`] takes it).
    Syntax(&'static str, usize),
    /// Past a limit: the message, the path innermost first, and the byte
    /// offset of the value the path names.
    TooLarge {
        message: String,
        path: Vec<PathSegment>,
        at: usize,
    },
}

/// The parser has stopped; its `stop` says why.
struct Fail;

/// Strict JSON into a [`Value`]: one pass over the bytes, strings borrowed
/// from the text until they are built, what `Place` skips checked but never
/// built, numbers kept as written (never parsed to a double, except to
/// tell one past the double range).
struct Parser<'t> {
    text: &'t str,
    b: &'t [u8],
    i: usize,
    max_depth: usize,
    max_items: usize,
    stop: Option<Stop>,
    /// Whether a built object repeated a key.
    repeated: bool,
}

/// Bytes a string's plain run ends at: `"`, `\` and control characters.
#[inline]
fn ends_run(c: u8) -> bool {
    c == b'"' || c == b'\\' || c < 0x20
}

impl<'t> Parser<'t> {
    /// Skips whitespace; the next byte, if any.
    #[inline]
    fn ws(&mut self) -> Option<u8> {
        while let Some(&c) = self.b.get(self.i) {
            match c {
                b' ' | b'\n' | b'\t' | b'\r' => self.i += 1,
                _ => return Some(c),
            }
        }
        None
    }

    /// A syntax error at the byte before `i` (serde_json's `error`).
    #[cold]
    fn fail<T>(&mut self, what: &'static str) -> Result<T, Fail> {
        self.stop = Some(Stop::Syntax(what, self.i));
        Err(Fail)
    }

    /// A syntax error at the byte at `i` (serde_json's `peek_error`).
    #[cold]
    fn peek_fail<T>(&mut self, what: &'static str) -> Result<T, Fail> {
        self.stop = Some(Stop::Syntax(what, (self.i + 1).min(self.b.len())));
        Err(Fail)
    }

    #[cold]
    fn too_large<T>(&mut self, message: String, at: usize) -> Result<T, Fail> {
        self.stop = Some(Stop::TooLarge {
            message,
            path: Vec::new(),
            at,
        });
        Err(Fail)
    }

    /// On the way up from a limit's breach, the segment of the value it was in.
    #[cold]
    fn segment(&mut self, seg: impl FnOnce() -> PathSegment) {
        if let Some(Stop::TooLarge { path, .. }) = &mut self.stop {
            path.push(seg());
        }
    }

    /// A value: built at `at`, or checked and skipped (`None`).
    fn value(&mut self, depth: usize, at: Option<Place>) -> Result<Value, Fail> {
        let Some(c) = self.ws() else {
            return self.peek_fail(EOF_VALUE);
        };
        match c {
            b'{' => self.object(depth, at),
            b'[' => self.array(depth, at),
            b'"' => {
                self.i += 1;
                let (start, escaped) = self.string()?;
                Ok(match at {
                    Some(_) => Value::String(self.built(start, escaped)),
                    None => Value::Skipped,
                })
            }
            b'-' | b'0'..=b'9' => {
                let (start, integer) = self.number()?;
                Ok(match at {
                    Some(_) => Value::Number(self.number_value(start, integer)),
                    None => Value::Skipped,
                })
            }
            b'n' => self.ident(b"null", Value::Null, at),
            b't' => self.ident(b"true", Value::Bool(true), at),
            b'f' => self.ident(b"false", Value::Bool(false), at),
            _ => self.peek_fail(EXPECTED_VALUE),
        }
    }

    fn ident(&mut self, word: &[u8], v: Value, at: Option<Place>) -> Result<Value, Fail> {
        self.i += 1;
        for &want in &word[1..] {
            let Some(&c) = self.b.get(self.i) else {
                return self.fail(EOF_VALUE);
            };
            self.i += 1;
            if c != want {
                return self.fail(EXPECTED_IDENT);
            }
        }
        Ok(if at.is_some() { v } else { Value::Skipped })
    }

    /// The depth of a container's items, or `too_large` at its bracket.
    fn enter(&mut self, depth: usize) -> Result<usize, Fail> {
        if depth + 1 > self.max_depth {
            return self.too_large(depth_message(self.max_depth), self.i - 1);
        }
        Ok(depth + 1)
    }

    fn array(&mut self, depth: usize, at: Option<Place>) -> Result<Value, Fail> {
        let open = self.i;
        self.i += 1;
        let depth = self.enter(depth)?;
        let item = at.and_then(|p| p.child(None));
        let mut out = Vec::new();
        let mut n = 0;
        loop {
            match self.ws() {
                None => return self.peek_fail(EOF_LIST),
                Some(b']') => {
                    self.i += 1;
                    break;
                }
                Some(_) if n == 0 => {}
                Some(b',') => {
                    self.i += 1;
                    match self.ws() {
                        Some(b']') => return self.peek_fail(TRAILING_COMMA),
                        Some(_) => {}
                        None => return self.peek_fail(EOF_VALUE),
                    }
                }
                Some(_) => return self.peek_fail(EXPECTED_LIST),
            }
            let v = match self.value(depth, item) {
                Ok(v) => v,
                Err(f) => {
                    self.segment(|| PathSegment::Index(n));
                    return Err(f);
                }
            };
            if n == self.max_items {
                return self.too_large(items_message(self.max_items), open);
            }
            n += 1;
            if at.is_some() {
                out.push(v);
            }
        }
        Ok(match at {
            Some(_) => Value::Array(out),
            None => Value::Skipped,
        })
    }

    fn object(&mut self, depth: usize, at: Option<Place>) -> Result<Value, Fail> {
        let open = self.i;
        self.i += 1;
        let depth = self.enter(depth)?;
        let mut b = ObjectBuilder::default();
        if let Some(p) = at.filter(|p| p.state != 0) {
            b.reserve(p.fields());
        }
        let mut n = 0;
        loop {
            match self.ws() {
                None => return self.peek_fail(EOF_OBJECT),
                Some(b'}') => {
                    self.i += 1;
                    break;
                }
                Some(b'"') if n == 0 => {}
                Some(_) if n == 0 => return self.peek_fail(KEY_STRING),
                Some(b',') => {
                    self.i += 1;
                    match self.ws() {
                        Some(b'"') => {}
                        Some(b'}') => return self.peek_fail(TRAILING_COMMA),
                        Some(_) => return self.peek_fail(KEY_STRING),
                        None => return self.peek_fail(EOF_VALUE),
                    }
                }
                Some(_) => return self.peek_fail(EXPECTED_OBJECT),
            }
            self.i += 1;
            let (start, escaped) = self.string()?;
            let key = self.key(start, escaped);
            if n == self.max_items {
                return self.too_large(keys_message(self.max_items), open);
            }
            n += 1;
            match self.ws() {
                Some(b':') => self.i += 1,
                Some(_) => return self.peek_fail(EXPECTED_COLON),
                None => return self.peek_fail(EOF_OBJECT),
            }
            let child = at.and_then(|p| p.child(Some(&key)));
            match self.value(depth, child) {
                Ok(v) if at.is_some() => b.insert(key.into_owned(), v),
                Ok(_) => {}
                Err(f) => {
                    self.segment(|| PathSegment::Key(key.into_owned()));
                    return Err(f);
                }
            }
        }
        Ok(match at {
            Some(_) => Value::Object(b.finish_noting(&mut self.repeated)),
            None => Value::Skipped,
        })
    }

    /// Checks a string whose opening quote is just passed; leaves `i` past
    /// its closing quote. Returns where its contents start and whether they
    /// have escapes (they end before the quote).
    #[inline(always)]
    fn string(&mut self) -> Result<(usize, bool), Fail> {
        let start = self.i;
        let mut escaped = false;
        loop {
            self.i = run_end(self.b, self.i);
            match self.b.get(self.i) {
                None => return self.fail(EOF_STRING),
                Some(b'"') => {
                    self.i += 1;
                    return Ok((start, escaped));
                }
                Some(b'\\') => {
                    escaped = true;
                    self.i += 1;
                    self.escape()?;
                }
                Some(_) => {
                    self.i += 1;
                    return self.fail(CONTROL);
                }
            }
        }
    }

    /// Checks an escape whose backslash is just passed.
    fn escape(&mut self) -> Result<(), Fail> {
        let Some(&c) = self.b.get(self.i) else {
            return self.fail(EOF_STRING);
        };
        self.i += 1;
        match c {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => Ok(()),
            b'u' => {
                let n = self.hex()?;
                if (0xDC00..=0xDFFF).contains(&n) {
                    return self.fail(LONE_SURROGATE);
                }
                if !(0xD800..=0xDBFF).contains(&n) {
                    return Ok(());
                }
                for &want in b"\\u" {
                    match self.b.get(self.i) {
                        None => return self.fail(EOF_STRING),
                        Some(&c) => {
                            self.i += 1;
                            if c != want {
                                return self.fail(END_OF_HEX);
                            }
                        }
                    }
                }
                if !(0xDC00..=0xDFFF).contains(&self.hex()?) {
                    return self.fail(LONE_SURROGATE);
                }
                Ok(())
            }
            _ => self.fail(INVALID_ESCAPE),
        }
    }

    /// Four hex digits.
    fn hex(&mut self) -> Result<u32, Fail> {
        let Some(digits) = self.b.get(self.i..self.i + 4) else {
            self.i = self.b.len();
            return self.fail(EOF_STRING);
        };
        self.i += 4;
        match hex4(digits) {
            Some(n) => Ok(n),
            None => self.fail(INVALID_ESCAPE),
        }
    }

    /// A checked string's contents (from `start` to before the quote at `i - 1`).
    fn raw(&self, start: usize) -> &'t str {
        self.text.get(start..self.i - 1).unwrap_or("")
    }

    /// A checked key, borrowed unless it has escapes.
    fn key(&self, start: usize, escaped: bool) -> std::borrow::Cow<'t, str> {
        match escaped {
            false => std::borrow::Cow::Borrowed(self.raw(start)),
            true => std::borrow::Cow::Owned(unescape(self.raw(start))),
        }
    }

    /// A checked string, owned.
    fn built(&self, start: usize, escaped: bool) -> String {
        match escaped {
            false => self.raw(start).to_owned(),
            true => unescape(self.raw(start)),
        }
    }

    /// Checks a number (RFC 8259's grammar; one within the double range);
    /// returns where it starts and whether it is an integer (no fraction,
    /// no exponent).
    fn number(&mut self) -> Result<(usize, bool), Fail> {
        let start = self.i;
        if self.b[self.i] == b'-' {
            self.i += 1;
        }
        match self.b.get(self.i) {
            None => return self.fail(EOF_VALUE),
            Some(b'0') => {
                self.i += 1;
                if self.digit() {
                    return self.peek_fail(INVALID_NUMBER);
                }
            }
            Some(b'1'..=b'9') => {
                self.i += 1;
                while self.digit() {
                    self.i += 1;
                }
            }
            Some(_) => {
                self.i += 1;
                return self.fail(INVALID_NUMBER);
            }
        }
        let mut integer = true;
        if self.b.get(self.i) == Some(&b'.') {
            integer = false;
            self.i += 1;
            if !self.digit() {
                return match self.b.get(self.i) {
                    Some(_) => self.peek_fail(INVALID_NUMBER),
                    None => self.peek_fail(EOF_VALUE),
                };
            }
            while self.digit() {
                self.i += 1;
            }
        }
        let exponent = matches!(self.b.get(self.i), Some(b'e' | b'E'));
        if exponent {
            integer = false;
            self.i += 1;
            let positive = match self.b.get(self.i) {
                Some(b'+') => {
                    self.i += 1;
                    true
                }
                Some(b'-') => {
                    self.i += 1;
                    false
                }
                _ => true,
            };
            match self.b.get(self.i) {
                None => return self.fail(EOF_VALUE),
                Some(b'0'..=b'9') => {}
                Some(_) => {
                    self.i += 1;
                    return self.fail(INVALID_NUMBER);
                }
            }
            // serde_json stops at an exponent past i32::MAX: out of range
            // unless it is negative or the digits before it are all zeros.
            let mut exp: i32 = 0;
            while let Some(&c @ b'0'..=b'9') = self.b.get(self.i) {
                self.i += 1;
                match exp
                    .checked_mul(10)
                    .and_then(|e| e.checked_add(i32::from(c - b'0')))
                {
                    Some(e) => exp = e,
                    None => {
                        let zero = part(self.text, start, self.i)
                            .bytes()
                            .take_while(|c| !matches!(c, b'e' | b'E'))
                            .all(|c| matches!(c, b'0' | b'-' | b'.'));
                        if !zero && positive {
                            return self.fail(OUT_OF_RANGE);
                        }
                        while self.digit() {
                            self.i += 1;
                        }
                        return Ok((start, false));
                    }
                }
            }
        }
        // Past the double range (only an exponent or 310 digits get there).
        if (exponent || self.i - start > 309)
            && crate::number::text_magnitude(part(self.text, start, self.i))
                == crate::number::Magnitude::NotFinite
        {
            return self.fail(OUT_OF_RANGE);
        }
        Ok((start, integer))
    }

    #[inline]
    fn digit(&self) -> bool {
        self.b.get(self.i).is_some_and(u8::is_ascii_digit)
    }

    /// A checked number's value: an integer within i64 as one (not `-0`),
    /// any other as its text.
    fn number_value(&self, start: usize, integer: bool) -> Number {
        let t = self.text.get(start..self.i).unwrap_or("0");
        if integer && t != "-0" && t.len() <= 20 {
            if let Some(n) = small_integer(t) {
                return Number::from_i64(n);
            }
        }
        Number::from_json_text(t)
    }
}

/// An integer's text as an i64, if it fits.
fn small_integer(t: &str) -> Option<i64> {
    let (neg, digits) = match crate::text::strip_byte(t, b'-') {
        Some(d) => (true, d),
        None => (false, t),
    };
    let mut n: i64 = 0;
    for c in digits.bytes() {
        let d = i64::from(c - b'0');
        n = n.checked_mul(10)?;
        n = if neg {
            n.checked_sub(d)?
        } else {
            n.checked_add(d)?
        };
    }
    Some(n)
}

/// Four hex digits' value.
fn hex4(d: &[u8]) -> Option<u32> {
    d.iter().try_fold(0u32, |n, &c| {
        let v = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            _ => return None,
        };
        Some(n << 4 | u32::from(v))
    })
}

/// The next byte from `i` that ends a plain run of a string, eight bytes at
/// a time (as serde_json does: a word has such a byte when one of its bytes
/// is below 0x20 or equals `"` or `\`); the end of `b` if none does.
#[inline]
fn run_end(b: &[u8], mut i: usize) -> usize {
    use crate::text::ONES;
    while let Some(chunk) = b.get(i..i + 8) {
        let w = crate::text::word(chunk);
        let ctrl = w.wrapping_sub(ONES * 0x20) & !w;
        let q = w ^ (ONES * u64::from(b'"'));
        let q = q.wrapping_sub(ONES) & !q;
        let s = w ^ (ONES * u64::from(b'\\'));
        let s = s.wrapping_sub(ONES) & !s;
        let m = (ctrl | q | s) & (ONES << 7);
        if m != 0 {
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while b.get(i).is_some_and(|&c| !ends_run(c)) {
        i += 1;
    }
    i
}

/// Where a string of text this parser accepted ends: `i` just past its
/// opening quote; returns the place of its closing quote (for the locator,
/// which reads checked text again).
pub(crate) fn string_end(b: &[u8], mut i: usize) -> usize {
    loop {
        i = run_end(b, i);
        match b.get(i) {
            Some(b'"') | None => return i.min(b.len()),
            Some(b'\\') => i += 2,
            Some(_) => i += 1,
        }
    }
}

/// The contents of a checked string with escapes, decoded.
pub(crate) fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(k) = crate::text::find_any(rest, b"\\") {
        out.push_str(part(rest, 0, k));
        let b = rest.as_bytes();
        let (c, used) = match b.get(k + 1) {
            Some(b'b') => ('\u{8}', 2),
            Some(b'f') => ('\u{c}', 2),
            Some(b'n') => ('\n', 2),
            Some(b'r') => ('\r', 2),
            Some(b't') => ('\t', 2),
            Some(b'u') => {
                let hi = b.get(k + 2..k + 6).and_then(hex4).unwrap_or(0xFFFD);
                if (0xD800..=0xDBFF).contains(&hi) {
                    let lo = b.get(k + 8..k + 12).and_then(hex4).unwrap_or(0xDC00);
                    let c = 0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF);
                    (char::from_u32(c).unwrap_or('\u{FFFD}'), 12)
                } else {
                    (char::from_u32(hi).unwrap_or('\u{FFFD}'), 6)
                }
            }
            Some(&c) => (char::from(c), 2),
            None => break,
        };
        out.push(c);
        rest = rest.get(k + used..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Deserializes a [`Value`] from any serde format, within the ceiling on
/// depth (no other limit): `Value`'s `Deserialize` impl.
pub(crate) fn deserialize_value<'de, D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
    Seed { depth: 0 }.deserialize(d)
}

impl<'de> Deserialize<'de> for Value {
    /// Any serde format into a value (repeated keys: first place, last
    /// value; nesting up to the depth ceiling).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_value(d)
    }
}

/// Where the parser stands in the payload, for skipping what validate never
/// reads (the contents of flow nodes and edges, transfers, knowledge bases,
/// reminder messages, a webhook's testResponse): checked for syntax and
/// limits, but not built. The parser does not know the payloads: a place is
/// a state of its caller's [`SkipTable`] (the schema's), which says the
/// place under each key (`None`: an array item), or to skip the value.
/// (Data, not a function the parser calls: a function pointer was the
/// module's only indirect call, and the function table it needs kept about
/// 900 bytes of wasm-bindgen's closure shims in the browser's wasm.)
#[derive(Clone, Copy)]
pub struct Place {
    pub state: u32,
    pub table: &'static SkipTable,
}

/// The states of a [`Place`] (state 0, build everything, is not in it).
pub struct SkipTable {
    /// By state; a state past the end builds everything below.
    pub states: &'static [SkipState],
    /// The keys of all states: each with the state under it ([`SKIP`]:
    /// skip the value).
    pub keys: &'static [(&'static str, u32)],
}

/// One state: the state of an array item, and the keys (`keys[first..first
/// + len]`) that lead elsewhere than state 0; any other key leads to state
/// 0, or, in an `open` object, skips its value.
#[derive(Clone, Copy)]
pub struct SkipState {
    pub items: u32,
    pub open: bool,
    /// An object's first capacity: its shape's fields, at least 4 (a byte
    /// in the padding; the objects of a state all get their entries in one
    /// allocation, not 4, 8, 16 and 32).
    pub fields: u8,
    /// Bit `n % 16` for each listed key's length `n` (in the padding): a
    /// key of another length is not looked for.
    pub lengths: u16,
    pub first: u16,
    pub len: u16,
}

/// A state that skips the value.
pub const SKIP: u32 = u32::MAX;

/// No states: only [`Place::FULL`] uses it.
static NO_SKIPS: SkipTable = SkipTable {
    states: &[],
    keys: &[],
};

impl Place {
    /// Build everything below (state 0 is always this).
    pub const FULL: Place = Place {
        state: 0,
        table: &NO_SKIPS,
    };

    /// How many keys an object here is likely to have ([`SkipState`]'s
    /// `fields`; 0 if unknown).
    fn fields(self) -> usize {
        self.table
            .states
            .get(self.state as usize)
            .map_or(0, |s| usize::from(s.fields))
    }

    /// The place of the value under `key` (None for an array item).
    fn child(self, key: Option<&str>) -> Option<Place> {
        if self.state == 0 {
            return Some(self);
        }
        let Some(s) = self.table.states.get(self.state as usize) else {
            return Some(Place { state: 0, ..self });
        };
        let state = match key {
            None => s.items,
            Some(k) if s.lengths & 1 << (k.len() % 16) == 0 => {
                if s.open {
                    SKIP
                } else {
                    0
                }
            }
            Some(k) => {
                let first = usize::from(s.first);
                let keys = self
                    .table
                    .keys
                    .get(first..first + usize::from(s.len))
                    .unwrap_or_default();
                let mut state = if s.open { SKIP } else { 0 };
                for &(name, under) in keys {
                    if crate::text::same(name, k) {
                        state = under;
                        break;
                    }
                }
                state
            }
        };
        (state != SKIP).then_some(Place { state, ..self })
    }
}

/// A value from a serde format other than this crate's own JSON text.
#[derive(Clone, Copy)]
struct Seed {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for Seed {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl Seed {
    fn enter<E: serde::de::Error>(self) -> Result<Self, E> {
        if self.depth + 1 > DEPTH_CEILING {
            return Err(E::custom(depth_message(DEPTH_CEILING)));
        }
        Ok(Seed {
            depth: self.depth + 1,
        })
    }
}

impl<'de> Visitor<'de> for Seed {
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
        Ok(Value::Number(Number::from_i64(n)))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(match i64::try_from(n) {
            Ok(i) => Number::from_i64(i),
            // The digits of a JSON integer are its text.
            Err(_) => Number::from_json_text(&n.to_string()),
        }))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(Value::Number(Number::from(n)))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let child = self.enter()?;
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(child)? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let child = self.enter()?;
        let mut b = ObjectBuilder::default();
        while let Some(k) = map.next_key::<String>()? {
            b.insert(k, map.next_value_seed(child)?);
        }
        Ok(Value::Object(b.finish()))
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
                for (k, item) in o.entries() {
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

/// The hand-written parser against the serde_json one it replaced
/// ([`reference`]): on every text, the same value (numbers in the same
/// form), or the same syntax error (words, line, column); a limit's breach
/// in the same kind, path and message.
#[cfg(test)]
mod agreement {
    use super::*;
    use crate::Kind;

    fn places() -> [Place; 3] {
        [
            Place::FULL,
            Kind::CallFlow.skip_place(),
            Kind::MessageFlow.skip_place(),
        ]
    }

    fn limits() -> [Limits; 2] {
        [
            Limits::default(),
            Limits {
                max_bytes: 1 << 20,
                max_depth: 3,
                max_items: 2,
            },
        ]
    }

    fn agree(text: &str) {
        for limits in limits() {
            for at in places() {
                let new = parse_at(text, &limits, at);
                let old = reference::parse_at(text, &limits, at);
                match (&new, &old) {
                    (Ok(a), Ok(b)) => assert_eq!(format!("{a:?}"), format!("{b:?}"), "{text:?}"),
                    (Err(a), Err(b)) if b.kind == ErrorKind::InvalidJson => {
                        assert_eq!(a, b, "{text:?}")
                    }
                    (Err(a), Err(b)) => assert_eq!(
                        (a.kind, &a.path, &a.message),
                        (b.kind, &b.path, &b.message),
                        "{text:?}"
                    ),
                    _ => panic!("{text:?}: {new:?} but before {old:?}"),
                }
            }
        }
    }

    /// Every text of the fixtures and of the fuzz corpus.
    fn corpus() -> Vec<String> {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else {
                    out.push(p);
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        walk(&root.join("tests/fixtures"), &mut files);
        walk(&root.join("fuzz/corpus"), &mut files);
        files.sort();
        let mut texts = Vec::new();
        for f in files {
            let Ok(text) = std::fs::read_to_string(&f) else {
                continue;
            };
            if f.extension().is_some_and(|x| x == "json") {
                if let Ok(fixture) = serde_json::from_str::<serde_json::Value>(&text) {
                    if let Some(t) = fixture.get("inputJson").and_then(|t| t.as_str()) {
                        texts.push(t.to_owned());
                    }
                }
            }
            texts.push(text);
        }
        assert!(texts.len() > 400, "{} texts", texts.len());
        texts
    }

    #[test]
    fn agrees_on_the_fixtures_and_the_fuzz_corpus() {
        for t in corpus() {
            agree(&t);
        }
    }

    /// Small texts that reach every branch, and each of them cut short at
    /// every byte, with each interesting byte put in, put over and taken out
    /// at every place.
    #[test]
    fn agrees_on_broken_texts() {
        let seeds = [
            r#"{"a": [1, -2.5e+3, 0, -0, 1E-2, 12345678901234567890, -9223372036854775808, 1e400, 1e-400], "b": {"c": null, "d": true, "e": false}}"#,
            r#"["\"\\\/\b\f\n\r\t", "\u00e9\uD83D\uDE00x", "\uDE00", "\uD83Dx", "\uD83D\u0041", "é😀", "a\u0000b"]"#,
            r#"{"flowData": {"nodes": [{"id": "a", "data": {"x": [1, 2, 3], "y": "\u0041"}}], "edges": []}, "name": "n"}"#,
            r#"{"settings": {"transfers": [[1], {"a": 1.5}], "knowledgeBases": ["k"]}, "k": 1, "k": 2}"#,
            "  {\n\t\"a\" :\r\n [ ] , \"b\":{}}  ",
            r#"[0.5e-0, 1e2147483648, 0e99999999999, 1e-99999999999, 123.456e7890123456]"#,
            "[nul, tru, fals, nulll]",
        ];
        let bytes = b"\"\\,]}[{:0-e.+ \nxu\x01/";
        for seed in seeds {
            agree(seed);
            for cut in 0..seed.len() {
                if !seed.is_char_boundary(cut) {
                    continue;
                }
                agree(&seed[..cut]);
                let (head, tail) = seed.split_at(cut);
                let next = tail.chars().next().map_or(0, char::len_utf8);
                agree(&format!("{head}{}", &tail[next..]));
                for &b in bytes {
                    let c = char::from(b);
                    agree(&format!("{head}{c}{tail}"));
                    agree(&format!("{head}{c}{}", &tail[next..]));
                }
            }
        }
    }

    #[test]
    fn agrees_on_deep_and_long_texts() {
        for n in [2, 3, 4, 63, 64, 65, 126, 127, 200] {
            agree(&format!("{}{}", "[".repeat(n), "]".repeat(n)));
            agree(&format!("{}1{}", "{\"a\":[".repeat(n), "]}".repeat(n)));
            agree(&"[".repeat(n));
        }
        agree(&format!("[{}1]", "1,".repeat(20_000)));
        agree(&format!(
            "{{{}\"z\":1}}",
            (0..20_000)
                .map(|i| format!("\"k{i}\":1,"))
                .collect::<String>()
        ));
        agree(&format!("\"{}\"", "x".repeat(100_000)));
        agree(&format!("[{}]", "9".repeat(400)));
        agree(&format!("[{}.5]", "9".repeat(400)));
    }
}
