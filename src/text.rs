//! Plain text helpers that know nothing of JSON or payloads, for every
//! layer above (the JSON reader's messages, the formats, the request's
//! redaction).

/// Unicode white space (the White_Space property, listed).
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | ' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// `s.trim()`: white space ([`is_space`], the same set as
/// `char::is_whitespace`) cut from both ends, in one forward walk (core's
/// trim brings its own table and a backward character walk into the wasm).
pub fn trim(s: &str) -> &str {
    let (mut start, mut end) = (None, 0);
    for (i, c) in s.char_indices() {
        if !is_space(c) {
            if start.is_none() {
                start = Some(i);
            }
            end = i + c.len_utf8();
        }
    }
    match start {
        Some(start) => part(s, start, end),
        None => "",
    }
}

/// `s.strip_prefix(b)` for an ASCII byte (no char pattern).
pub fn strip_byte(s: &str, b: u8) -> Option<&str> {
    (s.as_bytes().first() == Some(&b)).then(|| part(s, 1, END))
}

/// `s.strip_suffix(b)` for an ASCII byte (no char pattern).
pub fn strip_last_byte(s: &str, b: u8) -> Option<&str> {
    (s.as_bytes().last() == Some(&b)).then(|| part(s, 0, s.len() - 1))
}

/// `s.trim_start_matches(b)` for an ASCII byte (no char searcher).
pub fn trim_start_byte(s: &str, b: u8) -> &str {
    let mut i = 0;
    while s.as_bytes().get(i) == Some(&b) {
        i += 1;
    }
    part(s, i, END)
}

/// `s.trim_end_matches(b)` for an ASCII byte (no char searcher).
pub fn trim_end_byte(s: &str, b: u8) -> &str {
    let mut end = s.len();
    while end > 0 && s.as_bytes()[end - 1] == b {
        end -= 1;
    }
    part(s, 0, end)
}

/// Whether every byte of `s` passes `ok`: a plain loop (`Iterator::all`'s
/// generic code is larger in wasm).
#[inline(always)]
pub fn all_bytes(s: &[u8], ok: impl Fn(u8) -> bool) -> bool {
    for &b in s {
        if !ok(b) {
            return false;
        }
    }
    true
}

/// The first place of `needle` in `hay`. A plain loop: core's substring
/// searcher costs several KB of wasm, and our strings are short.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return Some(0);
    }
    // Plain loops: the iterator adaptors' generic code is larger in wasm.
    let last = h.len().checked_sub(n.len())?;
    let mut i = 0;
    while i <= last {
        if h.get(i..i + n.len()) == Some(n) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Whether `a` and `b` are the same text: lengths first (most names differ
/// in length), then eight bytes at a time, no `memcmp` (a call in wasm,
/// and a slow one, for the short names compared here).
#[inline]
pub fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    for (p, q) in x.by_ref().zip(y.by_ref()) {
        if word(p) != word(q) {
            return false;
        }
    }
    // (An index loop, not `zip`: its generic code is larger in wasm.)
    let (p, q) = (x.remainder(), y.remainder());
    let mut i = 0;
    while i < p.len() && i < q.len() {
        if p[i] != q[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Eight bytes as one number (`chunks_exact(8)` gives exactly eight).
#[inline]
pub fn word(b: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(b);
    u64::from_le_bytes(w)
}

/// The UTF-16 units of UTF-8 `bytes` that hold whole characters: one for
/// every byte that starts a character, one more for each four-byte one.
pub fn utf16_units(bytes: &[u8]) -> usize {
    let mut words = bytes.chunks_exact(8);
    let mut n = 0;
    for w in words.by_ref() {
        n += if word(w) & HIGH == 0 { 8 } else { units(w) }; // 8: ASCII
    }
    n + units(words.remainder())
}

fn units(bytes: &[u8]) -> usize {
    // A plain loop: the iterator adaptors' generic code is larger in wasm.
    let mut n = 0;
    for &c in bytes {
        n += usize::from(c & 0xC0 != 0x80) + usize::from(c >= 0xF0);
    }
    n
}

/// One in every byte of a word.
pub const ONES: u64 = u64::MAX / 255;
const HIGH: u64 = ONES << 7;

/// The high bit of each byte of `w` that is `c`, and of no other.
#[inline]
pub fn bytes_equal(w: u64, c: u8) -> u64 {
    let x = w ^ (ONES * u64::from(c));
    !(((x & !HIGH) + !HIGH) | x | !HIGH)
}

/// How many of `bytes` are `c`, and the place of the last one.
pub fn count_and_last(bytes: &[u8], c: u8) -> (usize, Option<usize>) {
    let (mut count, mut last) = (0, None);
    let mut words = bytes.chunks_exact(8);
    for (k, w) in words.by_ref().enumerate() {
        let m = bytes_equal(word(w), c);
        if m != 0 {
            count += m.count_ones() as usize;
            last = Some(k * 8 + 7 - (m.leading_zeros() / 8) as usize);
        }
    }
    let base = bytes.len() - words.remainder().len();
    for (k, &b) in words.remainder().iter().enumerate() {
        if b == c {
            count += 1;
            last = Some(base + k);
        }
    }
    (count, last)
}

/// `hay` with every `needle` replaced by `with`.
pub fn replace_all(hay: &str, needle: &str, with: &str) -> String {
    let mut out = String::with_capacity(hay.len());
    let mut rest = hay;
    while let Some(i) = find(rest, needle).filter(|_| !needle.is_empty()) {
        out.push_str(part(rest, 0, i));
        out.push_str(with);
        rest = part(rest, i + needle.len(), END);
    }
    out.push_str(rest);
    out
}

/// `parts` written one after another, in one allocation: message text
/// without `format!` (each `format!` call site costs its own argument
/// table and `core::fmt` call in wasm; this is one function for all).
#[inline(never)]
pub fn cat(parts: &[&str]) -> String {
    let mut len = 0;
    for p in parts {
        len += p.len();
    }
    let mut out = String::with_capacity(len);
    for p in parts {
        out.push_str(p);
    }
    out
}

/// The first place in `s` of one of the ASCII bytes `set`: for ASCII
/// characters, what `s.find([...])` gives (an ASCII byte in UTF-8 is always
/// that character), without core's char searchers and memchr (about 1.7 KB
/// of wasm with their users).
// (`set.contains` is memchr for bytes: 200 bytes gzipped more here.)
#[allow(clippy::manual_contains)]
pub fn find_any(s: &str, set: &[u8]) -> Option<usize> {
    // Plain loops: the iterator adaptors' generic code is larger in wasm.
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        for &b in set {
            if b == bytes[i] {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

/// The last place in `s` of the ASCII byte `b` (`s.rfind(char)`).
pub fn rfind_byte(s: &str, b: u8) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = bytes.len();
    while i > 0 {
        i -= 1;
        if bytes[i] == b {
            return Some(i);
        }
    }
    None
}

/// `s` split around the byte at `i` (one ASCII character), as
/// `split_once` splits it.
pub fn split_at_byte(s: &str, i: usize) -> (&str, &str) {
    (part(s, 0, i), part(s, i + 1, END))
}

/// For [`part`]: to the end of the text.
pub const END: usize = usize::MAX;

/// `&s[start..end]` (`end` [`END`] or past the text: to its end), or ""
/// where `start` or `end` is not a char boundary of `s`: never, where it is
/// used (the bounds come from scans of `s` itself), but slicing's panic
/// would bring core's panic message machinery into a stable build's wasm
/// (`str::slice_error_fail`, `char::escape_debug`, the printable tables).
pub fn part(s: &str, start: usize, end: usize) -> &str {
    s.get(start..end.min(s.len())).unwrap_or("")
}

/// A whole number in decimal, as `to_string` writes it (a minus sign when
/// `minus`, then the digits of `m`), without `core::fmt`: its integer
/// formatting and padding cost about 1.5 KB of wasm, for the few counts,
/// limits and indexes that messages and pointers hold.
#[inline(never)]
pub fn decimal(minus: bool, m: u64) -> String {
    let mut out = String::new();
    push_decimal(&mut out, minus, m);
    out
}

/// [`decimal`] appended to `out` (no string of its own).
pub fn push_decimal(out: &mut String, minus: bool, mut m: u64) {
    // The digits from the end of a buffer (a u64 has at most 20), then the sign.
    let mut buf = [0u8; 21];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if minus {
        at -= 1;
        buf[at] = b'-';
    }
    out.reserve(buf.len() - at);
    for &b in &buf[at..] {
        out.push(char::from(b));
    }
}

/// `n.to_string()` for a count or an index.
pub fn uint(n: usize) -> String {
    decimal(false, n as u64)
}

/// [`uint`] appended to `out`.
pub fn push_uint(out: &mut String, n: usize) {
    push_decimal(out, false, n as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_what_str_trims() {
        for c in '\0'..=char::MAX {
            assert_eq!(is_space(c), c.is_whitespace(), "{c:?}");
        }
        for t in [
            "",
            " ",
            "a",
            " a ",
            "\u{3000}x y\u{85}",
            "\t\n\u{a0}",
            "é ",
            " 😀\u{2028}",
            "a\u{200b}",
        ] {
            assert_eq!(trim(t), t.trim(), "{t:?}");
        }
        for t in ["", "0", "007", "70", "//a//", "/"] {
            assert_eq!(trim_start_byte(t, b'0'), t.trim_start_matches('0'), "{t:?}");
            assert_eq!(trim_end_byte(t, b'/'), t.trim_end_matches('/'), "{t:?}");
        }
    }

    #[test]
    fn same_agrees_with_eq() {
        let texts: Vec<String> = (0..=20)
            .map(|n| "abcdefghijklmnopqrstu"[..n].to_owned())
            .collect();
        for a in &texts {
            for b in &texts {
                assert_eq!(same(a, b), a == b, "{a:?} {b:?}");
            }
            // One byte changed anywhere: in a word or in the tail.
            for i in 0..a.len() {
                let mut c = a.clone().into_bytes();
                c[i] = b'#';
                assert!(!same(a, std::str::from_utf8(&c).unwrap()), "{a:?} at {i}");
            }
        }
    }

    #[test]
    fn counts_and_last_places_of_a_byte() {
        let texts = [
            "",
            "\n",
            "a\nb",
            "\n\u{b}\n\n",
            "0123456\n89abcdef\n\n",
            "x".repeat(40).as_str(),
            "é\n😀\n\u{b}\u{b}\n\u{b}0123456789",
        ]
        .map(str::to_owned);
        for t in &texts {
            let b = t.as_bytes();
            let want = (
                b.iter().filter(|&&c| c == b'\n').count(),
                b.iter().rposition(|&c| c == b'\n'),
            );
            assert_eq!(count_and_last(b, b'\n'), want, "{t:?}");
        }
        for c in 0..=255u8 {
            for other in [
                0u8,
                1,
                c ^ 1,
                c.wrapping_add(1),
                c.wrapping_sub(1),
                0x80,
                0xFF,
            ] {
                let w = [c, other, other, c, other, c, c, other];
                let m = bytes_equal(u64::from_le_bytes(w), c);
                let want: u64 = w
                    .iter()
                    .enumerate()
                    .filter(|(_, &b)| b == c)
                    .map(|(k, _)| 0x80 << (8 * k))
                    .sum();
                assert_eq!(m, want, "{c} {other}");
            }
        }
    }

    #[test]
    fn utf16_units_agree_with_chars() {
        for t in [
            "",
            "abc",
            "é",
            "😀",
            "a€b😀c\u{10FFFF}",
            "\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}",
        ] {
            let want: usize = t.chars().map(char::len_utf16).sum();
            assert_eq!(utf16_units(t.as_bytes()), want, "{t:?}");
        }
    }

    #[test]
    fn byte_searches_find_what_str_finds() {
        for s in [
            "",
            "a",
            "héllo:wörld@x",
            "a.b[c]",
            "::",
            "日本:語@",
            "@",
            "x]y]z",
        ] {
            for c in [':', '@', '.', '[', ']', 'x'] {
                let b = c as u8;
                assert_eq!(find_any(s, &[b]), s.find(c), "{s:?} {c:?}");
                assert_eq!(rfind_byte(s, b), s.rfind(c), "{s:?} {c:?}");
                assert_eq!(
                    find_any(s, &[b]).map(|i| split_at_byte(s, i)),
                    s.split_once(c)
                );
                assert_eq!(
                    rfind_byte(s, b).map(|i| split_at_byte(s, i)),
                    s.rsplit_once(c)
                );
            }
            assert_eq!(find_any(s, b".["), s.find(['.', '[']));
        }
        assert_eq!(part("héllo", 1, 3), "é");
        assert_eq!(part("héllo", 1, 2), "", "not a char boundary");
        assert_eq!(part("héllo", 3, END), "llo");
    }

    #[test]
    fn decimal_writes_what_to_string_writes() {
        for n in [
            0i64,
            1,
            -1,
            9,
            10,
            -10,
            99,
            100,
            12_345,
            -987_654_321,
            i64::MAX,
            i64::MIN,
        ] {
            assert_eq!(decimal(n < 0, n.unsigned_abs()), n.to_string());
        }
        for n in [0usize, 7, 10, 1_000_000, usize::MAX] {
            assert_eq!(uint(n), n.to_string());
        }
        assert_eq!(decimal(false, u64::MAX), u64::MAX.to_string());
        let mut n = 1u64;
        while let Some(m) = n.checked_mul(3) {
            assert_eq!(decimal(false, m - 1), (m - 1).to_string());
            n = m;
        }
    }
}
