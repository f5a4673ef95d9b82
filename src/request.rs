//! Building the HTTP request for a payload.
//!
//! The api key goes into a header and nowhere else: it is scrubbed from
//! every issue (message, path, expected, received), even if it was pasted
//! into a payload field. Api keys belong on a server; in a browser,
//! validate and normalize, and build the request server-side.

use crate::issues::{pointer, Issue, IssueCode, PathSegment};
use crate::rules::formats;
use crate::strset::StrSet;
use crate::text::{cat, find_any, part, END};
use crate::{normalize, Kind, Options, Value};
use serde::Serialize;

/// The default API host.
pub const DEFAULT_BASE_URL: &str = "https://api.trillet.ai";

/// Credentials and target of a request.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct BuildOptions {
    /// Sent as `x-api-key`. Required.
    pub api_key: String,
    /// Sent as `x-workspace-id`. Required.
    pub workspace_id: String,
    /// Defaults to `https://api.trillet.ai`; a path prefix is kept.
    pub base_url: Option<String>,
    /// Validation options for the payload.
    pub options: Options,
}

impl std::fmt::Debug for BuildOptions {
    /// Never prints the api key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BuildOptions")
            .field("api_key", &"[redacted]")
            .field("workspace_id", &self.workspace_id)
            .field("base_url", &self.base_url)
            .finish()
    }
}

/// A request ready to send: `fetch(request.url, request)` in JavaScript.
#[derive(Clone, PartialEq, Serialize)]
pub struct Request {
    /// Always `POST`.
    pub method: &'static str,
    pub url: String,
    /// `Content-Type`, `x-api-key`, `x-workspace-id`, in that order.
    pub headers: Vec<(String, String)>,
    /// The normalized payload as JSON text.
    pub body: String,
}

impl std::fmt::Debug for Request {
    /// Never prints the api key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str(),
                    if k == "x-api-key" {
                        "[redacted]"
                    } else {
                        v.as_str()
                    },
                )
            })
            .collect();
        let key = self
            .headers
            .iter()
            .find(|(k, _)| k == "x-api-key")
            .map(|(_, v)| v.as_str());
        let body = match key {
            Some(k) if !k.is_empty() => formats::replace_all(&self.body, k, "[redacted]"),
            _ => self.body.clone(),
        };
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &headers)
            .field("body", &body)
            .finish()
    }
}

/// The outcome of [`build_request`].
#[derive(Debug, Clone, PartialEq)]
pub struct BuildResult {
    /// The request; `None` when any issue is an error.
    pub request: Option<Request>,
    /// Issues of the options (paths `apiKey`, `workspaceId`, `baseUrl`) and
    /// of the payload.
    pub issues: Vec<Issue>,
}

/// Normalizes `input` and builds the request that creates it.
pub fn build_request(kind: Kind, input: &Value, opts: &BuildOptions) -> BuildResult {
    build_from_parsed(kind, Ok(input), opts)
}

/// [`build_request`] for JSON text.
pub fn build_request_json(kind: Kind, text: &str, opts: &BuildOptions) -> BuildResult {
    match crate::json::parse(text, &opts.options.limits) {
        Ok(v) => build_from_parsed_at(kind, Ok(&v), Some(text), opts),
        Err(issue) => build_from_parsed(kind, Err(issue.into()), opts),
    }
}

#[allow(clippy::result_large_err)]
pub(crate) fn build_from_parsed(
    kind: Kind,
    input: Result<&Value, Issue>,
    opts: &BuildOptions,
) -> BuildResult {
    build_from_parsed_at(kind, input, None, opts)
}

/// `text`: the JSON text `input` was parsed from, to locate its issues.
#[allow(clippy::result_large_err)]
fn build_from_parsed_at(
    kind: Kind,
    input: Result<&Value, Issue>,
    text: Option<&str>,
    opts: &BuildOptions,
) -> BuildResult {
    let mut issues = Vec::new();
    let mut option_issue = |key: &str, code: IssueCode, message: String| {
        issues.push(Issue::new(
            vec![PathSegment::Key(key.to_owned())],
            code,
            message,
        ));
    };
    for &(key, value) in &[
        ("apiKey", &opts.api_key),
        ("workspaceId", &opts.workspace_id),
    ] {
        if formats::is_blank(value) {
            option_issue(
                key,
                IssueCode::Required,
                cat(&[
                    "`",
                    key,
                    "` is required to build the request; pass it in the options.",
                ]),
            );
        } else if !formats::is_visible_ascii(value) {
            option_issue(
                key,
                IssueCode::InvalidHeader,
                cat(&[
                    "`",
                    key,
                    "` holds characters an HTTP header cannot carry (line breaks, control or non-ASCII characters); copy it again without them.",
                ]),
            );
        }
    }
    let base = opts.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL);
    let base_ok = match formats::check_url(base) {
        Err(why) => {
            option_issue(
                "baseUrl",
                IssueCode::InvalidUrl,
                cat(&[
                    "`baseUrl` is not usable: ",
                    why,
                    "; give an absolute URL such as ",
                    DEFAULT_BASE_URL,
                    ".",
                ]),
            );
            false
        }
        _ if has_userinfo(base) => {
            option_issue("baseUrl", IssueCode::InvalidUrl, "`baseUrl` holds credentials (a user name or password before the host); give only the scheme, host and an optional path prefix: the api key authenticates the request, and fetch refuses URLs with credentials.".into());
            false
        }
        _ if find_any(base, b"?#").is_some() => {
            option_issue("baseUrl", IssueCode::InvalidUrl, "`baseUrl` has a query or fragment; give only the scheme, host and an optional path prefix.".into());
            false
        }
        Ok(url) if !url.secure => {
            option_issue(
                "baseUrl",
                IssueCode::InsecureUrl,
                "`baseUrl` uses http:, which would send the api key unencrypted; use https:."
                    .into(),
            );
            true
        }
        Ok(_) => true,
    };
    let normalized = match input {
        Ok(v) => normalize(kind, v, &opts.options),
        Err(issue) => crate::Normalized {
            value: None,
            issues: vec![issue],
        },
    };
    let mut payload_issues = normalized.issues;
    if let Some(t) = text {
        crate::issues::locate(t, &mut payload_issues);
    }
    issues.append(&mut payload_issues);
    let failed = crate::issues::any_error(&issues);
    scrub(&mut issues, &opts.api_key);
    let request = match (normalized.value, failed, base_ok) {
        (Some(body), false, true) => Some(Request {
            method: "POST",
            url: cat(&[crate::text::trim_end_byte(base, b'/'), kind.path()]),
            headers: vec![
                ("Content-Type".into(), "application/json".into()),
                ("x-api-key".into(), opts.api_key.clone()),
                ("x-workspace-id".into(), opts.workspace_id.clone()),
            ],
            body: body.to_json_string(),
        }),
        _ => None,
    };
    BuildResult { request, issues }
}

/// True if the URL's authority (between `//` and the next `/`, `?`, `#`
/// or a backslash) holds an `@`: user info, which `new Request` rejects.
fn has_userinfo(url: &str) -> bool {
    let Some(i) = formats::find(url, "//") else {
        return false;
    };
    let rest = part(url, i + 2, END);
    let end = find_any(rest, b"/?#\\").unwrap_or(rest.len());
    find_any(part(rest, 0, end), b"@").is_some()
}

/// The api key as it may stand in an issue.
struct Secret {
    /// The key raw and JSON-escaped, as given and trimmed (a key pasted
    /// with a stray space or line break is still the key).
    forms: Vec<String>,
    /// True for a key of at least `WINDOW` characters.
    long: bool,
    /// Every `WINDOW`-byte part of the forms, when they are ASCII (as a
    /// valid key is): one set lookup per position of a text.
    parts: Option<StrSet<'static>>,
}

/// The length of a part of the key that may not survive in an issue.
const WINDOW: usize = 8;

const REDACTED: &str = "[redacted]";

impl Secret {
    fn new(secret: &str) -> Secret {
        let escaped = |t: &str| {
            let mut q = String::new();
            crate::write::string(&mut q, t);
            part(&q, 1, q.len() - 1).to_owned()
        };
        let trimmed = crate::text::trim(secret);
        // Plain code: the iterator adaptors' generic code is larger in wasm.
        fn add(forms: &mut Vec<String>, f: String) {
            if !f.is_empty() && !forms.contains(&f) {
                forms.push(f);
            }
        }
        let mut forms: Vec<String> = Vec::new();
        add(&mut forms, secret.to_owned());
        add(&mut forms, escaped(secret));
        add(&mut forms, trimmed.to_owned());
        add(&mut forms, escaped(trimmed));
        let long = trimmed.len() >= WINDOW;
        let mut ascii = true;
        for f in &forms {
            ascii &= f.is_ascii();
        }
        let parts = (long && ascii).then(|| {
            let mut set = StrSet::default();
            for f in &forms {
                for i in 0..f.len() - WINDOW + 1 {
                    let _ = set.insert(part(f, i, i + WINDOW).to_owned());
                }
            }
            set
        });
        Secret { forms, long, parts }
    }

    /// True if the `WINDOW` bytes of `text` at `i` are a part of the key.
    fn holds(&self, text: &str, i: usize) -> bool {
        match &self.parts {
            // Whole characters or none (the parts are ASCII): `get` checks
            // the character boundaries, what `from_utf8` would check (no
            // UTF-8 validator in the wasm).
            Some(set) => text.get(i..i + WINDOW).is_some_and(|p| set.contains(p)),
            None => {
                let part = &text.as_bytes()[i..i + WINDOW];
                for f in &self.forms {
                    let f = f.as_bytes();
                    for i in 0..(f.len() + 1).saturating_sub(WINDOW) {
                        if f.get(i..i + WINDOW) == Some(part) {
                            return true;
                        }
                    }
                }
                false
            }
        }
    }

    /// True if `text` is the key in one of its forms.
    fn is_form(&self, text: &str) -> bool {
        for f in &self.forms {
            if f == text {
                return true;
            }
        }
        false
    }

    /// `text` with every stretch covered by parts of a long key replaced by
    /// `[redacted]` (so a key cut short by a message's truncation, or
    /// behind any prefix, goes too); with a short key, only the key as a
    /// whole quoted value (`"key"`), or the whole text if it is the key.
    /// Text that merely shares characters with a short key is left alone.
    fn redact(&self, text: &str) -> Option<String> {
        if self.long {
            let b = text.as_bytes();
            let mut runs: Vec<(usize, usize)> = Vec::new();
            for i in 0..(b.len() + 1).saturating_sub(WINDOW) {
                if self.holds(text, i) {
                    match runs.last_mut() {
                        Some(run) if i <= run.1 => run.1 = i + WINDOW,
                        _ => runs.push((i, i + WINDOW)),
                    }
                }
            }
            if runs.is_empty() {
                return None;
            }
            let mut out = String::with_capacity(text.len());
            let mut at = 0;
            for &(mut start, mut end) in &runs {
                while !text.is_char_boundary(start) {
                    start -= 1;
                }
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                if start < at {
                    start = at;
                }
                out.push_str(part(text, at, start));
                out.push_str(REDACTED);
                at = end.max(at);
            }
            out.push_str(part(text, at, END));
            return Some(out);
        }
        if self.is_form(text) {
            return Some(REDACTED.to_owned());
        }
        let mut out: Option<String> = None;
        for f in &self.forms {
            let quoted = cat(&["\"", f, "\""]);
            let cur = out.as_deref().unwrap_or(text);
            if formats::find(cur, &quoted).is_some() {
                out = Some(formats::replace_all(cur, &quoted, "\"[redacted]\""));
            }
        }
        out
    }

    /// [`Secret::redact`] in place.
    fn redact_in(&self, field: &mut String) {
        if let Some(clean) = self.redact(field) {
            *field = clean;
        }
    }

    /// A path key that holds the key: the key as a whole (short key), or
    /// parts of it (long key).
    fn redact_key(&self, k: &str) -> Option<String> {
        if self.long {
            self.redact(k)
        } else if self.is_form(k) {
            Some(REDACTED.to_owned())
        } else {
            None
        }
    }
}

/// Removes the api key from every issue, in whole or in part: from
/// messages, `expected` and `received` (no [`WINDOW`]-character part of a
/// key that long survives, even where a long value was cut short), and
/// from path keys that hold it (the pointer follows). Fixed text, paths and
/// pointers that merely share characters with a short key are never
/// rewritten: with the key `e`, `/direction` stays `/direction`.
pub fn scrub(issues: &mut [Issue], secret: &str) {
    if crate::text::trim(secret).is_empty() {
        return;
    }
    let secret = Secret::new(secret);
    for issue in issues {
        let mut touched = false;
        let before = crate::issues::display_path(&issue.path);
        for seg in &mut issue.path {
            if let PathSegment::Key(k) = seg {
                if let Some(clean) = secret.redact_key(k) {
                    *k = clean;
                    touched = true;
                }
            }
        }
        if touched {
            issue.pointer = pointer(&issue.path);
            // Where the message names the field, it names the new path.
            let after = crate::issues::display_path(&issue.path);
            issue.message = formats::replace_all(
                &issue.message,
                &cat(&["`", &before, "`"]),
                &cat(&["`", &after, "`"]),
            );
        }
        secret.redact_in(&mut issue.message);
        if let Some(e) = &mut issue.expected {
            secret.redact_in(e);
        }
        if let Some(r) = &mut issue.received {
            secret.redact_in(r);
        }
    }
}
