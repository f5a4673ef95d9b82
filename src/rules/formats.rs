//! String formats: ids, URLs, times, time zones, HTTP header names and values.

use super::tz_names::TZ_NAMES;

/// A MongoDB object id: exactly 24 hexadecimal digits.
pub fn is_object_id(s: &str) -> bool {
    s.len() == 24 && s.bytes().all(|b| b.is_ascii_hexdigit())
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

/// An IANA tz database name (zones and links), spelled exactly.
pub fn is_timezone(s: &str) -> bool {
    if s.is_empty() || s.contains('\n') {
        return false;
    }
    // Binary search over the sorted, newline-separated list.
    let list = TZ_NAMES.as_bytes();
    let (mut lo, mut hi) = (0, list.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        let start = list[..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let end = start
            + list[start..]
                .iter()
                .position(|&b| b == b'\n')
                .unwrap_or(list.len() - start);
        match list[start..end].cmp(s.as_bytes()) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// A time zone name that differs from `s` only in case, if any.
pub fn timezone_suggestion(s: &str) -> Option<&'static str> {
    TZ_NAMES.lines().find(|t| t.eq_ignore_ascii_case(s))
}

/// RFC 9110 `token` (header field names).
pub fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| {
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
    !is_blank(s) && s.bytes().all(|b| (0x20..0x7f).contains(&b) || b == b'\t')
}

/// What an absolute URL check found.
#[derive(Debug, PartialEq, Eq)]
pub enum UrlCheck {
    /// `https:` (or `http:` to a loopback host).
    Ok,
    /// `http:` to a host that could take `https:`.
    Insecure,
    /// Not an absolute http(s) URL; the reason.
    Invalid(&'static str),
}

/// Checks an absolute `http:`/`https:` URL with a host.
pub fn check_url(s: &str) -> UrlCheck {
    if s.chars()
        .any(|c| is_space(c) || is_control(c) || matches!(c, '\\' | '<' | '>' | '"'))
    {
        return UrlCheck::Invalid("it contains spaces or characters a URL cannot hold");
    }
    let (scheme, rest) = match find(s, "://").map(|i| (&s[..i], &s[i + 3..])) {
        Some(p) => p,
        None => {
            return UrlCheck::Invalid("it is not an absolute URL (it needs https:// and a host)")
        }
    };
    let secure = if scheme.eq_ignore_ascii_case("https") {
        true
    } else if scheme.eq_ignore_ascii_case("http") {
        false
    } else {
        return UrlCheck::Invalid("only http: and https: URLs are allowed");
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port) = if let Some(stripped) = host_port.strip_prefix('[') {
        match stripped.split_once(']') {
            Some((ip6, after)) => {
                if ip6.is_empty()
                    || !ip6
                        .bytes()
                        .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
                {
                    return UrlCheck::Invalid("its IPv6 host is malformed");
                }
                match after {
                    "" => (host_port, None),
                    p if p.starts_with(':') => {
                        (&host_port[..host_port.len() - p.len()], Some(&p[1..]))
                    }
                    _ => return UrlCheck::Invalid("its host is malformed"),
                }
            }
            None => return UrlCheck::Invalid("its IPv6 host is malformed"),
        }
    } else {
        match host_port.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (host_port, None),
        }
    };
    if host.is_empty() {
        return UrlCheck::Invalid("it has no host");
    }
    if !host.starts_with('[') {
        let ok_chars = host.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~' | '%') || !c.is_ascii()
        });
        if !ok_chars || host.starts_with('.') || find(host, "..").is_some() {
            return UrlCheck::Invalid("its host is malformed");
        }
    }
    if let Some(p) = port {
        if !p.is_empty()
            && (p.len() > 5
                || !p.bytes().all(|b| b.is_ascii_digit())
                || p.bytes().fold(0u32, |n, b| n * 10 + u32::from(b - b'0')) > 65535)
        {
            return UrlCheck::Invalid("its port is not a number from 0 to 65535");
        }
    }
    if secure || is_loopback(host) {
        UrlCheck::Ok
    } else {
        UrlCheck::Insecure
    }
}

/// The first place of `needle` in `hay`. A plain loop: core's substring
/// searcher costs several KB of wasm, and our strings are short.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return Some(0);
    }
    (0..=h.len().checked_sub(n.len())?).find(|&i| &h[i..i + n.len()] == n)
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

/// Empty or only white space. Stops at the first other character, so it
/// costs nothing on ordinary text.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(is_space)
}

/// C0 and C1 control characters and DEL (no Unicode tables needed).
fn is_control(c: char) -> bool {
    matches!(c, '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

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

fn is_loopback(host: &str) -> bool {
    let h = host.trim_end_matches('.').to_ascii_lowercase();
    h == "localhost" || h.ends_with(".localhost") || h == "[::1]" || h.starts_with("127.")
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
            Some("America/New_York")
        );
        let names: Vec<&str> = TZ_NAMES.lines().collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "sorted");
        assert_eq!(names.len(), 598);
        assert!(
            names.iter().all(|n| is_timezone(n)),
            "every listed name is found"
        );
        assert!(!is_timezone("Africa/Abidja") && !is_timezone("Zulu2") && !is_timezone("A"));
    }

    #[test]
    fn urls() {
        use UrlCheck::*;
        assert_eq!(check_url("https://example.com/hook?a=1#x"), Ok);
        assert_eq!(check_url("HTTPS://EXAMPLE.com"), Ok);
        assert_eq!(check_url("https://user:pw@example.com:8443/p"), Ok);
        assert_eq!(check_url("https://[2001:db8::1]:443/"), Ok);
        assert_eq!(check_url("http://localhost:3000/x"), Ok);
        assert_eq!(check_url("http://127.0.0.1/x"), Ok);
        assert_eq!(check_url("http://example.com"), Insecure);
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
        ] {
            assert!(matches!(check_url(bad), Invalid(_)), "{bad}");
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
