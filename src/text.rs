//! Plain text helpers that know nothing of JSON or payloads, for every
//! layer above (the JSON reader's messages, the formats, the request's
//! redaction).

/// The first place of `needle` in `hay`. A plain loop: core's substring
/// searcher costs several KB of wasm, and our strings are short.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return Some(0);
    }
    (0..=h.len().checked_sub(n.len())?).find(|&i| &h[i..i + n.len()] == n)
}

/// Whether `a` and `b` are the same text: lengths first (most names differ
/// in length), then a plain loop (wasm's `memcmp` is a call, and a slow one,
/// for the short names compared here).
#[inline]
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// `hay` with every `needle` replaced by `with`.
pub fn replace_all(hay: &str, needle: &str, with: &str) -> String {
    let mut out = String::with_capacity(hay.len());
    let mut rest = hay;
    while let Some(i) = find(rest, needle).filter(|_| !needle.is_empty()) {
        out.push_str(&rest[..i]);
        out.push_str(with);
        rest = &rest[i + needle.len()..];
    }
    out.push_str(rest);
    out
}

/// `parts` written one after another, in one allocation: message text
/// without `format!` (each `format!` call site costs its own argument
/// table and `core::fmt` call in wasm; this is one function for all).
#[inline(never)]
pub fn cat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}
