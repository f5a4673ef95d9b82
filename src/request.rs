//! Building the HTTP request for a payload.
//!
//! The api key goes into a header and nowhere else: it is scrubbed from
//! every issue (message, path, expected, received), even if it was pasted
//! into a payload field. Api keys belong on a server; in a browser,
//! validate and normalize, and build the request server-side.

use crate::issues::{pointer, Issue, IssueCode, PathSegment};
use crate::rules::formats;
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
        Ok(v) => build_from_parsed(kind, Ok(&v), opts),
        Err(issue) => build_from_parsed(kind, Err(issue), opts),
    }
}

#[allow(clippy::result_large_err)]
pub(crate) fn build_from_parsed(
    kind: Kind,
    input: Result<&Value, Issue>,
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
    for (key, value) in [
        ("apiKey", &opts.api_key),
        ("workspaceId", &opts.workspace_id),
    ] {
        if formats::is_blank(value) {
            option_issue(
                key,
                IssueCode::Required,
                format!("`{key}` is required to build the request; pass it in the options."),
            );
        } else if !formats::is_visible_ascii(value) {
            option_issue(
                key,
                IssueCode::InvalidHeader,
                format!("`{key}` holds characters an HTTP header cannot carry (line breaks, control or non-ASCII characters); copy it again without them."),
            );
        }
    }
    let base = opts.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL);
    let base_ok = match formats::check_url(base) {
        Err(why) => {
            option_issue("baseUrl", IssueCode::InvalidUrl, format!("`baseUrl` is not usable: {why}; give an absolute URL such as {DEFAULT_BASE_URL}."));
            false
        }
        _ if base.contains(['?', '#']) => {
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
    issues.extend(normalized.issues);
    let failed = issues.iter().any(Issue::is_error);
    scrub(&mut issues, &opts.api_key);
    let request = match (normalized.value, failed, base_ok) {
        (Some(body), false, true) => Some(Request {
            method: "POST",
            url: format!("{}{}", base.trim_end_matches('/'), kind.path()),
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

/// Replaces every occurrence of `secret` in the issues with `[redacted]`.
pub fn scrub(issues: &mut [Issue], secret: &str) {
    if secret.is_empty() {
        return;
    }
    // The secret as it may stand in a message: raw, JSON-escaped, or cut
    // short by `quote` (first 60 characters). Longest first.
    let inner = |t: &str| {
        let mut q = String::new();
        crate::write::string(&mut q, t);
        q[1..q.len() - 1].to_owned()
    };
    // A key pasted with a stray space or line break is still the key.
    let trimmed = secret.trim();
    let short: String = trimmed.chars().take(60).collect();
    let mut forms = vec![
        secret.to_owned(),
        inner(secret),
        trimmed.to_owned(),
        inner(trimmed),
        inner(&short),
    ];
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms.dedup();
    let clean = |s: &mut String| {
        for f in &forms {
            if !f.is_empty() && formats::find(s, f).is_some() {
                *s = formats::replace_all(s, f, "[redacted]");
            }
        }
    };
    for issue in issues {
        clean(&mut issue.message);
        if let Some(e) = issue.expected.as_mut() {
            clean(e);
        }
        if let Some(r) = issue.received.as_mut() {
            clean(r);
        }
        let mut touched = false;
        for seg in &mut issue.path {
            if let PathSegment::Key(k) = seg {
                let before = k.clone();
                clean(k);
                touched |= *k != before;
            }
        }
        if touched {
            issue.pointer = pointer(&issue.path);
        }
    }
}
