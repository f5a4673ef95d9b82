//! Line and column of each pointer in the JSON text it points into (the
//! issues layer puts them on its issues: [`crate::issues`]'s `locate`).
//!
//! Runs only when there are issues: one scan of the (already parsed, so
//! valid) text records where each value that a pointer, or one of its
//! parents, names begins; what no pointer names is passed over eight bytes
//! at a time, and lines and columns are counted only up to each place
//! recorded. A pointer gets the place of its value, or, when the value is
//! missing, of its closest existing parent (for a missing field: the `{`
//! of the object that lacks it). Lines are 1-based and count `\n`;
//! columns are 1-based UTF-16 units, as for `invalid_json`. A
//! repeated key counts at its last value, as it does for the rules.

use crate::strset::StrSet;
use crate::text::bytes_equal;

/// The (line, column) of each of `pointers` in `text`, in their order.
///
/// `unique`: no object of the text repeats a key, so a place once found is
/// final and the scan stops when every wanted place is found.
pub(crate) fn places<'a>(
    text: &'a str,
    pointers: &[&'a str],
    unique: bool,
) -> Vec<Option<(usize, usize)>> {
    // Every pointer needed: each one and each parent.
    let mut wanted = StrSet::with_capacity(pointers.len() * 4);
    let mut count = 0;
    let mut lengths = 0u64;
    for &p in pointers {
        let mut p = p;
        loop {
            if wanted.insert(p).is_ok() {
                count += 1;
                lengths |= length_bit(p.len());
            }
            match crate::text::rfind_byte(p, b'/') {
                Some(n) => p = p.get(..n).unwrap_or(""),
                None => break,
            }
        }
    }
    let mut s = Scan {
        b: text.as_bytes(),
        text,
        i: 0,
        at: (0, 1, 1),
        wanted,
        found: none_each(count),
        left: if unique { count } else { usize::MAX },
        lengths,
        ptr: String::with_capacity(64),
    };
    s.value();
    let (wanted, found) = (s.wanted, s.found);
    // Plain loops: the iterator adaptors' generic code is larger in wasm.
    let mut out = Vec::with_capacity(pointers.len());
    for &p in pointers {
        out.push(found_at(&wanted, &found, p));
    }
    out
}

/// `n` times `None`, pushed (`vec![None; n]`'s generic code is larger in wasm).
fn none_each(n: usize) -> Vec<Option<(usize, usize)>> {
    let mut v = Vec::with_capacity(n);
    for _ in 0..n {
        v.push(None);
    }
    v
}

/// The place of `p`, else of its closest parent that was found.
fn found_at(
    wanted: &StrSet,
    found: &[Option<(usize, usize)>],
    mut p: &str,
) -> Option<(usize, usize)> {
    loop {
        if let Some(n) = wanted.get(p) {
            if let Some(Some(place)) = found.get(n) {
                return Some(*place);
            }
        }
        p = p.get(..crate::text::rfind_byte(p, b'/')?).unwrap_or("");
    }
}

struct Scan<'a> {
    b: &'a [u8],
    text: &'a str,
    i: usize,
    /// The last place recorded: its offset, line and column (places are
    /// recorded in text order: the text up to the last one is counted once).
    at: (usize, usize, usize),
    wanted: StrSet<'a>,
    /// The (line, column) of each pointer of `wanted`, by its index there.
    found: Vec<Option<(usize, usize)>>,
    /// Wanted places not found yet (`usize::MAX`: the scan reads on to the
    /// end, as a repeated key's last value counts); at 0 it stops.
    left: usize,
    /// [`length_bit`] of every wanted pointer: most pointers the scan
    /// makes are of other lengths, and need no look in `wanted`.
    lengths: u64,
    ptr: String,
}

/// Bit `n` for length `n` (63 for 63 and more).
fn length_bit(n: usize) -> u64 {
    1 << n.min(63)
}

impl<'a> Scan<'a> {
    #[inline]
    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    fn record(&mut self) {
        let Some(n) = self.wanted.get(&self.ptr) else {
            return;
        };
        let (at, mut line, mut col) = self.at;
        let mut from = at;
        let to = self.i.min(self.b.len());
        let rest = self.b.get(at..to).unwrap_or_default();
        if let (lines, Some(k)) = crate::text::count_and_last(rest, b'\n') {
            line += lines;
            (from, col) = (at + k + 1, 1);
        }
        // A token's start: whole characters before it.
        col += crate::text::utf16_units(self.b.get(from..to).unwrap_or_default());
        self.at = (to, line, col);
        if let Some(slot) = self.found.get_mut(n) {
            if slot.is_none() && self.left != usize::MAX {
                self.left -= 1;
            }
            *slot = Some((line, col));
        }
    }

    /// Skips a string; returns its raw contents (between the quotes).
    fn string(&mut self) -> &'a str {
        let start = self.i + 1;
        let end = crate::json::string_end(self.b, start);
        self.i = end + 1;
        self.text.get(start..end).unwrap_or("")
    }

    /// A value whose pointer is wanted: recorded, and its members looked at.
    fn value(&mut self) {
        self.ws();
        self.record();
        match self.b.get(self.i) {
            Some(b'{') => {
                self.i += 1;
                self.container(b'}', true);
            }
            Some(b'[') => {
                self.i += 1;
                self.container(b']', false);
            }
            _ => self.skip(),
        }
    }

    /// A value no pointer names, nor any below it (every parent of a wanted
    /// pointer is wanted): passed over.
    fn skip(&mut self) {
        self.ws();
        match self.b.get(self.i) {
            Some(b'"') => {
                self.string();
            }
            Some(b'{' | b'[') => {
                self.i += 1;
                self.close();
            }
            _ => {
                // A number or a literal: up to what follows it.
                while let Some(c) = self.b.get(self.i) {
                    if matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.i += 1;
                }
            }
        }
    }

    /// Passes the rest of a container whose bracket is behind `i`: eight
    /// bytes at a time to the next quote or bracket (`{` and `[` are `{`
    /// once `| 0x20`, `}` and `]` are `}`).
    fn close(&mut self) {
        let mut depth = 1usize;
        loop {
            while let Some(chunk) = self.b.get(self.i..self.i + 8) {
                let w = crate::text::word(chunk);
                let v = w | (crate::text::ONES * 0x20);
                let m = bytes_equal(w, b'"') | bytes_equal(v, b'{') | bytes_equal(v, b'}');
                if m != 0 {
                    self.i += (m.trailing_zeros() / 8) as usize;
                    break;
                }
                self.i += 8;
            }
            match self.b.get(self.i) {
                None => return,
                Some(b'"') => {
                    self.string();
                }
                Some(b'{' | b'[') => {
                    depth += 1;
                    self.i += 1;
                }
                Some(b'}' | b']') => {
                    self.i += 1;
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                Some(_) => self.i += 1,
            }
        }
    }

    fn container(&mut self, close: u8, object: bool) {
        let mut n = 0usize;
        loop {
            if self.left == 0 {
                return;
            }
            self.ws();
            match self.b.get(self.i) {
                None => break,
                Some(&c) if c == close => {
                    self.i += 1;
                    break;
                }
                Some(b',') => {
                    self.i += 1;
                    continue;
                }
                _ => {}
            }
            let len = self.ptr.len();
            self.ptr.push('/');
            if object {
                let raw = self.string();
                push_key(&mut self.ptr, raw);
                self.ws();
                self.i += 1; // the colon
            } else {
                crate::text::push_uint(&mut self.ptr, n);
                n += 1;
            }
            if self.lengths & length_bit(self.ptr.len()) != 0 && self.wanted.contains(&self.ptr) {
                self.value();
            } else {
                self.skip();
            }
            self.ptr.truncate(len);
        }
    }
}

/// A key as it stands in a pointer (`~0`, `~1`), from its raw JSON text.
fn push_key(out: &mut String, raw: &str) {
    // Most keys have no escape, `~` or `/`: one look for all three.
    if crate::text::find_any(raw, b"\\~/").is_none() {
        out.push_str(raw);
        return;
    }
    let decoded;
    let key = if crate::text::find_any(raw, b"\\").is_some() {
        decoded = crate::json::unescape(raw);
        decoded.as_str()
    } else {
        raw
    };
    if crate::text::find_any(key, b"~/").is_none() {
        out.push_str(key);
        return;
    }
    for c in key.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::path::{pointer, PathSegment};

    fn at(text: &str, path: Vec<PathSegment>) -> (Option<usize>, Option<usize>) {
        let p = pointer(&path);
        let places = super::places(text, &[p.as_str()], false);
        let unique = super::places(text, &[p.as_str()], true);
        if !text.contains("\"a\":1,\"a\"") {
            assert_eq!(places, unique, "{text}");
        }
        let place = places[0];
        (place.map(|p| p.0), place.map(|p| p.1))
    }

    #[test]
    fn values_parents_and_utf16_columns() {
        let t = "{\n  \"a\": {\"b\": [1, \"é😀\", 3]},\n  \"c/~\\u0064\": true\n}";
        assert_eq!(at(t, vec![]), (Some(1), Some(1)));
        assert_eq!(at(t, vec!["a".into()]), (Some(2), Some(8)));
        assert_eq!(
            at(t, vec!["a".into(), "b".into(), 2.into()]),
            (Some(2), Some(25))
        );
        // Missing: the object that lacks it.
        assert_eq!(at(t, vec!["a".into(), "zz".into()]), (Some(2), Some(8)));
        assert_eq!(at(t, vec!["c/~d".into()]), (Some(3), Some(16)));
        // Values passed over (not on any pointer's way) still count lines.
        let t = "{\"x\": {\"deep\": [1, {\"q\": \"a\\\"]b\"}],\n \"m\": [[],{}]},\n \"y\": [true,\n null], \"z\": -1.5e3,\n\"w\":{}}";
        assert_eq!(at(t, vec!["z".into()]), (Some(4), Some(14)));
        assert_eq!(at(t, vec!["w".into(), "v".into()]), (Some(5), Some(5)));
        assert_eq!(at(t, vec!["y".into(), 1.into()]), (Some(4), Some(2)));
        // A repeated key: its last value.
        assert_eq!(
            at("{\"a\":1,\"a\":  2}", vec!["a".into()]),
            (Some(1), Some(14))
        );
    }
}
