//! String formats: ids, URLs, times, time zones, HTTP header names and values.

use super::tz_names::{TZ_MAX_LEN, TZ_NAMES, TZ_RESTARTS};
use crate::text::{
    all_bytes, find_any, part, rfind_byte, split_at_byte, strip_byte, strip_last_byte, END,
};
pub use crate::text::{find, is_space, replace_all};

/// A MongoDB object id: exactly 24 hexadecimal digits.
pub fn is_object_id(s: &str) -> bool {
    s.len() == 24 && all_bytes(s.as_bytes(), |b| b.is_ascii_hexdigit())
}

/// `HH:MM`, 24-hour, `00:00` to `23:59`, two digits each.
pub fn is_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 5
        && b[2] == b':'
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
        && b[3].is_ascii_digit()
        && b[4].is_ascii_digit()
        && (b[0] - b'0') * 10 + (b[1] - b'0') < 24
        && b[3] < b'6'
}

/// Minutes after midnight of a valid `HH:MM` time.
pub fn minutes(s: &str) -> u32 {
    let b = s.as_bytes();
    let d = |i: usize| u32::from(b[i] - b'0');
    (d(0) * 10 + d(1)) * 60 + d(3) * 10 + d(4)
}

/// Calls `f` with each time zone name, in byte order, until it returns
/// true (then true). Decodes the front-coded list in a buffer on the stack.
fn tz_any(mut f: impl FnMut(&[u8]) -> bool) -> bool {
    let mut name = [0u8; TZ_MAX_LEN];
    let mut len = 0;
    for &b in TZ_NAMES {
        if b < b' ' {
            if len > 0 && f(&name[..len]) {
                return true;
            }
            len = usize::from(b);
        } else {
            name[len] = b;
            len += 1;
        }
    }
    f(&name[..len])
}

/// An IANA tz database name (zones and links), spelled exactly. Searches
/// the front-coded list without decoding it: `m` is how many bytes the name
/// last read shares with `s` (it sorts below `s`); a name sharing more than
/// `m` with it sorts below `s` too, one sharing fewer sorts above, and so
/// does every name after it.
pub fn is_timezone(s: &str) -> bool {
    let s = s.as_bytes();
    // The restart names are whole: binary-search them for the last one at
    // or below `s`, then read on from there (at most 32 names).
    let whole = |at: u16| {
        let start = usize::from(at) + 1;
        let mut end = start;
        while end < TZ_NAMES.len() && TZ_NAMES[end] >= b' ' {
            end += 1;
        }
        TZ_NAMES.get(start..end).unwrap_or_default()
    };
    // (A plain binary search: `partition_point`'s generic code is larger in wasm.)
    let (mut below, mut above) = (0, TZ_RESTARTS.len());
    while below < above {
        let mid = below + (above - below) / 2;
        if whole(TZ_RESTARTS[mid]) <= s {
            below = mid + 1;
        } else {
            above = mid;
        }
    }
    let Some(at) = below.checked_sub(1).and_then(|i| TZ_RESTARTS.get(i)) else {
        return false;
    };
    scan_timezones(s, TZ_NAMES.get(usize::from(*at)..).unwrap_or_default())
}

/// [`is_timezone`]'s walk of the front-coded list from a restart.
fn scan_timezones(s: &[u8], list: &[u8]) -> bool {
    let (mut m, mut i) = (0, 0);
    while i < list.len() {
        let k = usize::from(list[i]);
        i += 1;
        let start = i;
        while i < list.len() && list[i] >= b' ' {
            i += 1;
        }
        if k < m {
            return false;
        }
        if k > m {
            continue;
        }
        let rest = &list[start..i];
        let mut j = 0;
        while j < rest.len() && m < s.len() && rest[j] == s[m] {
            j += 1;
            m += 1;
        }
        if j == rest.len() {
            if m == s.len() {
                return true;
            }
        } else if m == s.len() || rest[j] > s[m] {
            return false;
        }
    }
    false
}

/// Every time zone name, in byte order (for the JSON Schemas; native only).
#[cfg(not(target_arch = "wasm32"))]
pub fn timezone_names() -> Vec<String> {
    let mut out = Vec::new();
    tz_any(|t| {
        out.push(String::from_utf8_lossy(t).into_owned());
        false
    });
    out
}

/// A time zone name that differs from `s` only in case, if any.
pub fn timezone_suggestion(s: &str) -> Option<String> {
    let mut found = None;
    tz_any(|t| {
        let hit = t.eq_ignore_ascii_case(s.as_bytes());
        if hit {
            // The names are ASCII (checked by a test): each byte a character.
            let mut name = String::with_capacity(t.len());
            for &b in t {
                name.push(char::from(b));
            }
            found = Some(name);
        }
        hit
    });
    found
}

/// RFC 9110 `token` (header field names).
pub fn is_token(s: &str) -> bool {
    !s.is_empty()
        && all_bytes(s.as_bytes(), |b| {
            b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    b'!' | b'#'
                        | b'$'
                        | b'%'
                        | b'&'
                        | b'\''
                        | b'*'
                        | b'+'
                        | b'-'
                        | b'.'
                        | b'^'
                        | b'_'
                        | b'`'
                        | b'|'
                        | b'~'
                )
        })
}

/// RFC 9110 field value: no control characters (tab allowed), no DEL.
/// Non-ASCII text is allowed (it travels as UTF-8 `obs-text`).
pub fn is_header_value(s: &str) -> bool {
    !s.chars()
        .any(|c| (is_control(c) && c != '\t') || c == '\u{7f}')
}

/// A value fit for an HTTP header we send ourselves (api key, workspace id):
/// visible ASCII and inner spaces only, not empty.
pub fn is_visible_ascii(s: &str) -> bool {
    !is_blank(s) && all_bytes(s.as_bytes(), |b| (0x20..0x7f).contains(&b) || b == b'\t')
}

/// An absolute http(s) URL that passed [`check_url`].
#[derive(Debug, PartialEq, Eq)]
pub struct Url<'a> {
    /// `https:` (else `http:`, the `insecure_url` warning).
    pub secure: bool,
    /// The host as written (`[::1]` with its brackets).
    pub host: &'a str,
    /// Why Trillet's servers cannot reach the host, if they cannot
    /// (`unreachable_url`): one of the `NOT_*` phrases.
    pub unreachable: Option<&'static str>,
}

pub const NOT_LOOPBACK: &str = "a loopback host";
pub const NOT_PRIVATE: &str = "a private address";
pub const NOT_LINK_LOCAL: &str = "a link-local address";
pub const NOT_UNSPECIFIED: &str = "the unspecified address";
pub const NOT_LOCAL_NAME: &str = "a local-only name";

/// Checks an absolute `http:`/`https:` URL with a host, and judges whether
/// Trillet's servers can reach the host (IPv4 read in every form a WHATWG
/// URL parser reads; see docs/DECISIONS.md). `Err` gives the reason it is
/// not such a URL.
pub fn check_url(s: &str) -> Result<Url<'_>, &'static str> {
    if s.chars()
        .any(|c| is_space(c) || is_control(c) || matches!(c, '\\' | '<' | '>' | '"'))
    {
        return Err("it contains spaces or characters a URL cannot hold");
    }
    let (scheme, rest) = match find(s, "://").map(|i| (part(s, 0, i), part(s, i + 3, END))) {
        Some(p) => p,
        None => return Err("it is not an absolute URL (it needs https:// and a host)"),
    };
    let secure = if scheme.eq_ignore_ascii_case("https") {
        true
    } else if scheme.eq_ignore_ascii_case("http") {
        false
    } else {
        return Err("only http: and https: URLs are allowed");
    };
    let authority_end = find_any(rest, b"/?#").unwrap_or(rest.len());
    let authority = part(rest, 0, authority_end);
    let host_port =
        rfind_byte(authority, b'@').map_or(authority, |i| split_at_byte(authority, i).1);
    const BAD_IP6: &str = "its IPv6 host is malformed";
    let (host, port, unreachable) = if let Some(stripped) = strip_byte(host_port, b'[') {
        let (ip6, after) = find_any(stripped, b"]")
            .map(|i| split_at_byte(stripped, i))
            .ok_or(BAD_IP6)?;
        let a = ipv6(ip6.as_bytes()).ok_or(BAD_IP6)?;
        let port = match strip_byte(after, b':') {
            _ if after.is_empty() => None,
            Some(p) => Some(p),
            None => return Err("its host is malformed"),
        };
        (part(host_port, 0, ip6.len() + 2), port, ipv6_kind(a))
    } else {
        let (host, port) = match rfind_byte(host_port, b':').map(|i| split_at_byte(host_port, i)) {
            Some((h, p)) => (h, Some(p)),
            None => (host_port, None),
        };
        if host.is_empty() {
            return Err("it has no host");
        }
        (host, port, name_kind(host)?)
    };
    if let Some(p) = port {
        if !p.is_empty()
            && (p.len() > 5
                || !all_bytes(p.as_bytes(), |b| b.is_ascii_digit())
                || p.bytes().fold(0u32, |n, b| n * 10 + u32::from(b - b'0')) > 65535)
        {
            return Err("its port is not a number from 0 to 65535");
        }
    }
    Ok(Url {
        secure,
        host,
        unreachable,
    })
}

/// A host that is not an IPv6 literal: a name, or (when its last label
/// is a number) an IPv4 address in any form a WHATWG URL parser reads.
/// Names compare ignoring ASCII case; a trailing dot is ignored.
fn name_kind(host: &str) -> Result<Option<&'static str>, &'static str> {
    const BAD: &str = "its host is malformed";
    let ok_chars = all_bytes(host.as_bytes(), |c| {
        c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b'~' | b'%') || !c.is_ascii()
    });
    if !ok_chars || host.as_bytes().first() == Some(&b'.') || find(host, "..").is_some() {
        return Err(BAD);
    }
    let name = strip_last_byte(host, b'.').unwrap_or(host).as_bytes();
    let last = &name[name.iter().rposition(|&b| b == b'.').map_or(0, |d| d + 1)..];
    if all_bytes(last, |b| b.is_ascii_digit()) || number(last).is_some() {
        return ipv4(name).map(ipv4_kind).ok_or(BAD);
    }
    let label = |w: &[u8]| ends_with_label(name, w);
    Ok(if label(b"localhost") {
        Some(NOT_LOOPBACK)
    } else if last.len() == name.len()
        || label(b"local")
        || label(b"internal")
        || label(b"lan")
        || label(b"home.arpa")
    {
        Some(NOT_LOCAL_NAME)
    } else {
        None
    })
}

/// `name` is `w` or ends with `.w`, ignoring ASCII case.
fn ends_with_label(name: &[u8], w: &[u8]) -> bool {
    let Some(cut) = name.len().checked_sub(w.len()) else {
        return false;
    };
    name[cut..].eq_ignore_ascii_case(w) && (cut == 0 || name[cut - 1] == b'.')
}

/// A hex digit's value (either case); 99 for anything else.
fn digit(b: u8) -> u8 {
    match b {
        b'0'..=b'9' => b - b'0',
        b'a'..=b'f' => b - b'a' + 10,
        b'A'..=b'F' => b - b'A' + 10,
        _ => 99,
    }
}

/// One WHATWG IPv4 number: decimal, octal (leading `0`) or hex (`0x`,
/// digits optional), at most `u32::MAX`.
fn number(p: &[u8]) -> Option<u64> {
    let (digits, radix) = match p {
        [] => return None,
        [b'0', b'x' | b'X', x @ ..] => (x, 16),
        [b'0', x @ ..] if !x.is_empty() => (x, 8),
        _ => (p, 10),
    };
    let mut n = 0;
    for &b in digits {
        let d = digit(b);
        if d >= radix {
            return None;
        }
        n = n * u64::from(radix) + u64::from(d);
        if n >> 32 != 0 {
            return None;
        }
    }
    Some(n)
}

/// The WHATWG IPv4 parser: 1 to 4 dot-separated numbers; all but the last
/// below 256, the last filling the remaining bytes.
fn ipv4(s: &[u8]) -> Option<u32> {
    let (mut addr, mut count, mut start) = (0u64, 0, 0);
    for i in 0..=s.len() {
        if i < s.len() && s[i] != b'.' {
            continue;
        }
        let n = number(&s[start..i])?;
        count += 1;
        if count > 4 {
            return None;
        }
        if i == s.len() {
            let bits = 8 * (5 - count);
            return (count <= 4 && n >> bits == 0).then_some((addr << bits | n) as u32);
        }
        if n > 255 {
            return None;
        }
        (addr, start) = (addr << 8 | n, i + 1);
    }
    None
}

fn ipv4_kind(a: u32) -> Option<&'static str> {
    Some(match a >> 16 {
        0x7f00..=0x7fff => NOT_LOOPBACK,
        0x0a00..=0x0aff | 0xac10..=0xac1f | 0xc0a8 => NOT_PRIVATE,
        0xa9fe => NOT_LINK_LOCAL,
        0 if a == 0 => NOT_UNSPECIFIED,
        _ => return None,
    })
}

fn ipv6_kind(a: [u16; 8]) -> Option<&'static str> {
    let v = a.iter().fold(0u128, |v, &x| v << 16 | u128::from(x));
    Some(match v {
        0 => NOT_UNSPECIFIED,
        1 => NOT_LOOPBACK,
        _ if v >> 32 == 0xffff => return ipv4_kind(v as u32),
        _ => match a[0] {
            0xfc00..=0xfdff => NOT_PRIVATE,
            0xfe80..=0xfebf => NOT_LINK_LOCAL,
            _ => return None,
        },
    })
}

/// The WHATWG IPv6 parser (the text between the brackets): eight groups of
/// 1 to 4 hex digits, one `::` at most, a dotted IPv4 tail allowed (4
/// decimal parts below 256, no leading zeros); no zone id.
fn ipv6(s: &[u8]) -> Option<[u16; 8]> {
    let (mut a, mut n, mut gap, mut i) = ([0u16; 8], 0, 9, 0);
    if s.starts_with(b"::") {
        (gap, i) = (0, 2);
    }
    while i < s.len() {
        if n == 8 {
            return None;
        }
        let (start, mut v) = (i, 0);
        while i < s.len() && i - start < 4 && digit(s[i]) < 16 {
            v = v * 16 + u16::from(digit(s[i]));
            i += 1;
        }
        if s.get(i) == Some(&b'.') {
            // The IPv4 tail, read again from the group's start.
            if n > 6 {
                return None;
            }
            let (mut v4, mut parts) = (0u32, 0);
            i = start;
            while parts < 4 {
                if parts > 0 {
                    if s.get(i) != Some(&b'.') {
                        return None;
                    }
                    i += 1;
                }
                let (from, mut x) = (i, 0u32);
                while i < s.len() && s[i].is_ascii_digit() && x < 256 {
                    x = x * 10 + u32::from(s[i] - b'0');
                    i += 1;
                }
                if i == from || x > 255 || s[from] == b'0' && i - from > 1 {
                    return None;
                }
                (v4, parts) = (v4 << 8 | x, parts + 1);
            }
            if i != s.len() {
                return None;
            }
            (a[n], a[n + 1], n) = ((v4 >> 16) as u16, v4 as u16, n + 2);
            break;
        }
        if i == start {
            return None;
        }
        a[n] = v;
        n += 1;
        if i < s.len() {
            if s[i] != b':' || i + 1 == s.len() {
                return None;
            }
            i += 1;
            if s[i] == b':' {
                if gap != 9 {
                    return None;
                }
                (gap, i) = (n, i + 1);
            }
        }
    }
    if gap == 9 {
        return (n == 8).then_some(a);
    }
    if n == 8 {
        return None;
    }
    for k in (gap..n).rev() {
        a[k + 8 - n] = a[k];
        a[k] = 0;
    }
    Some(a)
}

/// Empty or only white space. Stops at the first other character, so it
/// costs nothing on ordinary text.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(is_space)
}

/// C0 and C1 control characters and DEL (no Unicode tables needed).
fn is_control(c: char) -> bool {
    matches!(c, '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        for ok in ["00:00", "09:00", "23:59", "12:30"] {
            assert!(is_time(ok), "{ok}");
        }
        for bad in [
            "9:00",
            "24:00",
            "09:60",
            "17:00:00",
            "",
            "ab:cd",
            "0900",
            "09-00",
            "٠٩:٠٠",
        ] {
            assert!(!is_time(bad), "{bad}");
        }
        assert_eq!(minutes("23:59"), 23 * 60 + 59);
    }

    #[test]
    fn timezones() {
        for ok in [
            "UTC",
            "Asia/Kolkata",
            "Asia/Calcutta",
            "America/New_York",
            "Etc/GMT+5",
            "Europe/Kyiv",
        ] {
            assert!(is_timezone(ok), "{ok}");
        }
        for bad in ["america/new_york", "+05:00", "Mars/Phobos", "", "utc"] {
            assert!(!is_timezone(bad), "{bad}");
        }
        assert_eq!(
            timezone_suggestion("america/new_york"),
            Some("America/New_York".to_owned())
        );
        let mut names: Vec<String> = Vec::new();
        tz_any(|t| {
            names.push(String::from_utf8(t.to_vec()).unwrap());
            false
        });
        assert_eq!(names[0], "Africa/Abidjan");
        assert_eq!(names[names.len() - 1], "Zulu");
        assert!(names
            .iter()
            .any(|n| n == "America/Argentina/ComodRivadavia"));
        assert!(names.iter().all(|n| n.len() <= TZ_MAX_LEN));
        // timezone_suggestion reads each byte as a character.
        assert!(names.iter().all(|n| n.is_ascii()));
        assert!(names.windows(2).all(|w| w[0] < w[1]), "sorted");
        assert_eq!(names.len(), 598);
        assert!(
            names.iter().all(|n| is_timezone(n)),
            "every listed name is found"
        );
        assert!(!is_timezone("Africa/Abidja") && !is_timezone("Zulu2") && !is_timezone("A"));
        assert!(!is_timezone("") && !is_timezone("~") && !is_timezone("\u{1}"));
        // Every name is found, and nothing one byte off from a name is (the
        // search against the plain decoding).
        for n in &names {
            let found = |t: &str| tz_any(|x| x == t.as_bytes());
            for probe in [
                format!("{n}x"),
                n[..n.len() - 1].to_owned(),
                format!("{}~", &n[..n.len() - 1]),
                format!("{}!", &n[..n.len() - 1]),
                n.to_ascii_lowercase(),
            ] {
                assert_eq!(is_timezone(&probe), found(&probe), "{probe}");
            }
        }
    }

    #[test]
    fn urls() {
        fn ok(u: &str) -> Url<'_> {
            check_url(u).unwrap_or_else(|e| panic!("{u}: {e}"))
        }
        assert!(ok("https://example.com/hook?a=1#x").secure);
        assert!(ok("HTTPS://EXAMPLE.com").secure);
        assert_eq!(ok("https://user:pw@example.com:8443/p").host, "example.com");
        assert_eq!(ok("https://[2001:db8::1]:443/").host, "[2001:db8::1]");
        assert!(!ok("http://example.com").secure);
        // http: is insecure on every host, loopback included.
        assert!(!ok("http://localhost:3000/x").secure);
        assert!(!ok("http://127.0.0.1/x").secure);
        for bad in [
            "example.com",
            "ftp://example.com",
            "https://",
            "https:///path",
            "https://exa mple.com",
            " https://example.com",
            "https://example.com:99999",
            "https://example.com:8a",
            "javascript://alert(1)",
            "https://[zz]/",
            "https://a..b/",
            "https://.a/",
            "https://[]/",
            "https://[::1/",
            "https://[::1]x/",
            "https://[fe80::1%25eth0]/",
        ] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
    }

    fn kind(u: &str) -> Option<&'static str> {
        check_url(u)
            .unwrap_or_else(|e| panic!("{u}: {e}"))
            .unreachable
    }

    #[test]
    fn hosts_parsed_as_whatwg_does() {
        // Each pair: a host and the address or name `new URL()` makes of it.
        for (host, same_as) in [
            ("2130706433", "127.0.0.1"),
            ("0x7f.1", "127.0.0.1"),
            ("0X7F000001", "127.0.0.1"),
            ("0177.0.0.1", "127.0.0.1"),
            ("127.1", "127.0.0.1"),
            ("127.0.1", "127.0.0.1"),
            ("127.0.0.1.", "127.0.0.1"),
            ("0xa.0.0.1", "10.0.0.1"),
            ("167772161", "10.0.0.1"),
            ("012.0.0.1", "10.0.0.1"),
            ("0", "0.0.0.0"),
            ("0x", "0.0.0.0"),
            ("LocalHost.", "localhost"),
            ("[0:0:0:0:0:0:0:1]", "[::1]"),
            ("[0000:0000::1]", "[::1]"),
            ("[::ffff:a00:1]", "[::ffff:10.0.0.1]"),
            ("[::FFFF:192.168.0.1]", "[::ffff:c0a8:1]"),
            ("[0::0]", "[::]"),
        ] {
            let (a, b) = (format!("https://{host}/"), format!("https://{same_as}/"));
            assert_eq!(kind(&a), kind(&b), "{host}");
            assert!(kind(&a).is_some(), "{host}");
        }
        // What `new URL()` rejects.
        for bad in [
            "0x7g.1",
            "1.2.3.4.5",
            "256.0.0.1",
            "1.256.0.1",
            "127.0.65536",
            "4294967296",
            "09.0.0.1",
            "example.123",
            "example.0x1",
            "[1:2]",
            "[00000::1]",
            "[::1::]",
            "[1:2:3:4:5:6:7:8:9]",
            "[1::2:3:4:5:6:7:8]",
            "[::ffff:1.2.3]",
            "[::01.2.3.4]",
            "[::1.2.3.256]",
            "[1:2:3:4:5:6:7:1.2.3.4]",
            "[:1]",
            "[1:]",
            "[1.2.3.4]",
            "[::1.2.3.4.5]",
            "[::203:1.2.3]",
            "[::1.2.3.]",
            "[::.1.2.3]",
            "[1:2:3:4:5:6:7:8::]",
            "[::1:2:3:4:5:6:7:8]",
        ] {
            assert!(check_url(&format!("https://{bad}/")).is_err(), "{bad}");
        }
        // What it accepts.
        for good in [
            "[1:2:3:4:5:6:7::]",
            "[::1:2:3:4:5:6:7]",
            "[::1.2.3.4]",
            "[1:2:3:4:5:6:1.2.3.4]",
            "1.0x",
            "1.2.3.0x",
            "4294967295",
            "a.1e",
        ] {
            assert!(check_url(&format!("https://{good}/")).is_ok(), "{good}");
        }
    }

    #[test]
    fn hosts_not_decoded() {
        // Percent-escapes and full-width forms are not decoded (see
        // docs/DECISIONS.md): with no ASCII dot, such a host is a local-only name.
        for host in [
            "%6C%6Fcalhost",
            "\u{ff4c}\u{ff4f}\u{ff43}\u{ff41}\u{ff4c}\u{ff48}\u{ff4f}\u{ff53}\u{ff54}",
            "\u{ff11}\u{ff12}\u{ff17}\u{ff0e}\u{ff10}\u{ff0e}\u{ff10}\u{ff0e}\u{ff11}",
        ] {
            assert_eq!(
                kind(&format!("https://{host}/")),
                Some(NOT_LOCAL_NAME),
                "{host}"
            );
        }
        assert_eq!(kind("https://ex%41mple.com/"), None);
        assert!(check_url("https://%31%30.0.0.1/").is_err());
    }

    #[test]
    fn unreachable_hosts() {
        for (host, why) in [
            ("localhost", NOT_LOOPBACK),
            ("app.localhost", NOT_LOOPBACK),
            ("127.0.0.1", NOT_LOOPBACK),
            ("127.255.255.254", NOT_LOOPBACK),
            ("[::1]", NOT_LOOPBACK),
            ("[::ffff:127.0.0.1]", NOT_LOOPBACK),
            ("10.0.0.1", NOT_PRIVATE),
            ("10.255.255.255", NOT_PRIVATE),
            ("172.16.0.1", NOT_PRIVATE),
            ("172.31.255.255", NOT_PRIVATE),
            ("192.168.1.10", NOT_PRIVATE),
            ("[fc00::1]", NOT_PRIVATE),
            ("[fdff:ffff::1]", NOT_PRIVATE),
            ("[::ffff:10.0.0.1]", NOT_PRIVATE),
            ("169.254.169.254", NOT_LINK_LOCAL),
            ("[fe80::1]", NOT_LINK_LOCAL),
            ("[febf::1]", NOT_LINK_LOCAL),
            ("0.0.0.0", NOT_UNSPECIFIED),
            ("[::]", NOT_UNSPECIFIED),
            ("[::ffff:0.0.0.0]", NOT_UNSPECIFIED),
            ("myserver", NOT_LOCAL_NAME),
            ("printer.local", NOT_LOCAL_NAME),
            ("api.internal", NOT_LOCAL_NAME),
            ("nas.lan", NOT_LOCAL_NAME),
            ("router.home.arpa", NOT_LOCAL_NAME),
            ("home.arpa", NOT_LOCAL_NAME),
            ("NAS.LAN.", NOT_LOCAL_NAME),
        ] {
            assert_eq!(kind(&format!("https://{host}:8443/x")), Some(why), "{host}");
        }
        for host in [
            "example.com",
            "example.com.",
            "8.8.8.8",
            "172.15.255.255",
            "172.32.0.1",
            "100.64.0.1",
            "11.0.0.1",
            "192.169.0.1",
            "169.255.0.1",
            "126.255.255.255",
            "128.0.0.1",
            "1.0.0.0",
            "[2606:4700:4700::1111]",
            "[::2]",
            "[fe00::1]",
            "[fec0::1]",
            "[::ffff:8.8.8.8]",
            "localhost.example.com",
            "example.local.com",
            "my-lan.com",
            "127.0.0.1.nip.io",
        ] {
            assert_eq!(kind(&format!("https://{host}/")), None, "{host}");
        }
    }

    #[test]
    fn headers() {
        assert!(is_token("X-Api-Key"));
        assert!(is_token("x_custom.1~"));
        assert!(!is_token("Bad Header"));
        assert!(!is_token("a:b"));
        assert!(!is_token(""));
        assert!(is_header_value("Bearer abc\tdef ü"));
        assert!(!is_header_value("a\r\nInjected: 1"));
        assert!(!is_header_value("a\u{7f}"));
    }

    #[test]
    fn ids() {
        assert!(is_object_id("676b8e123456789012345679"));
        assert!(is_object_id("676B8E123456789012345679"));
        assert!(!is_object_id("agentUniqueId"));
        assert!(!is_object_id("676b8e12345678901234567"));
    }
}
