//! Issues: one flat, ordered list of everything wrong (or worth a look) in a
//! payload, each at its field.

pub use crate::path::{pointer, PathSegment};
use crate::write::{key, string};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::fmt::Write as _;

/// Whether an issue makes the payload invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Severity {
    /// The payload is invalid; normalize returns no value.
    Error,
    /// The payload is valid, but this deserves a look.
    Warning,
}

/// Declares [`IssueCode`] from one table: each row gives a code's doc, its
/// variant, its snake_case string (the `as_str`, `Display`, serde and
/// TypeScript spelling) and its default severity; the rows' order is
/// [`IssueCode::ALL`]'s.
macro_rules! issue_codes {
    ($($(#[doc = $doc:literal])* $code:ident = $name:literal, $severity:ident;)*) => {
        /// The stable code of an issue. New codes may be added; existing ones never
        /// change meaning.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
        pub enum IssueCode {
            $($(#[doc = $doc])* #[serde(rename = $name)] $code,)*
        }

        impl IssueCode {
            /// Every code: the 25 of the contract's table, in its order, then
            /// `internal_error` (the JavaScript layer's, for a module that failed).
            pub const ALL: [IssueCode; [$(IssueCode::$code),*].len()] = [$(IssueCode::$code),*];

            /// The snake_case code string.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(IssueCode::$code => $name,)*
                }
            }

            /// The severity this code has unless an option raises it.
            pub fn default_severity(self) -> Severity {
                match self {
                    $(IssueCode::$code => Severity::$severity,)*
                }
            }
        }
    };
}

issue_codes! {
    /// A required field is missing or null.
    Required = "required", Error;
    /// A string that must say something is empty or only whitespace.
    Empty = "empty", Error;
    /// Wrong JSON type (`expected` and `received` name the types).
    InvalidType = "invalid_type", Error;
    /// Not one of the allowed values (`expected` lists them).
    InvalidEnum = "invalid_enum", Error;
    /// A field allowed only together with another field's value.
    OnlyWith = "only_with", Error;
    /// The same fact is given twice with different values.
    Conflict = "conflict", Error;
    /// Not an absolute `http:` or `https:` URL.
    InvalidUrl = "invalid_url", Error;
    /// Warning: `http:` where `https:` would do (any host, loopback included).
    InsecureUrl = "insecure_url", Warning;
    /// Warning: a webhook URL whose host Trillet's servers cannot reach
    /// (loopback, private, link-local, unspecified, or a local-only name).
    UnreachableUrl = "unreachable_url", Warning;
    /// Warning: an id that is not a 24-hex-digit object id.
    UnusualId = "unusual_id", Warning;
    /// A number below its minimum, or not finite.
    TooSmall = "too_small", Error;
    /// Not a 24-hour `HH:MM` time.
    InvalidTime = "invalid_time", Error;
    /// Not an IANA time zone name.
    InvalidTimezone = "invalid_timezone", Error;
    /// Working hours that start and end at the same minute.
    EmptyWindow = "empty_window", Error;
    /// An id, key or name that must be unique appears again (reported at the
    /// later one); a warning for a repeated webhook name, which the API accepts.
    Duplicate = "duplicate", Error;
    /// A flow edge that names a node that does not exist.
    DanglingReference = "dangling_reference", Error;
    /// More than one dynamic variable collection is marked default.
    MultipleDefaults = "multiple_defaults", Error;
    /// A webhook header name or value that HTTP does not allow.
    InvalidHeader = "invalid_header", Error;
    /// Warning: a field found at a documented alternative place or name, moved to the canonical one.
    Moved = "moved", Warning;
    /// Warning: a key the endpoint does not define; dropped by normalize (an error with `unknownKeys: "reject"`).
    UnknownKey = "unknown_key", Warning;
    /// Warning: a server-generated field; dropped by normalize.
    ReadOnly = "read_only", Warning;
    /// Warning: settings that the chosen message channel does not use.
    IgnoredForChannel = "ignored_for_channel", Warning;
    /// Warning: a field that is optional but nearly always wanted.
    Recommended = "recommended", Warning;
    /// A JSON text that does not parse; the message gives line and column.
    InvalidJson = "invalid_json", Error;
    /// Input past a limit (bytes of JSON text, nesting depth, items in one array).
    TooLarge = "too_large", Error;
    /// The input could not be checked: the WebAssembly module failed (a bug
    /// in this library). Reported by the JavaScript layer, which restarts the
    /// module so that later calls work; the Rust core never reports it.
    InternalError = "internal_error", Error;
}

impl fmt::Display for IssueCode {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem, at one field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Issue {
    /// Keys and indexes from the root to the field, e.g. `["webhooks", 0, "url"]`.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "(string | number)[]"))]
    pub path: Vec<PathSegment>,
    /// The same place as an RFC 6901 JSON pointer, e.g. `/webhooks/0/url`.
    pub pointer: String,
    /// Stable snake_case code.
    pub code: IssueCode,
    /// One English sentence that names the field and says how to fix it.
    pub message: String,
    /// `error`: the payload is invalid; `warning`: valid, but look at it.
    pub severity: Severity,
    /// What was expected (JSON type names, or the allowed values).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub expected: Option<String>,
    /// What was found (a JSON type name, or the value).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub received: Option<String>,
    /// For an issue from JSON text: the 1-based line of its value (of the
    /// closest existing parent when the value is missing).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub line: Option<usize>,
    /// For an issue from JSON text: the 1-based column, in UTF-16 units.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub column: Option<usize>,
}

impl Issue {
    /// A new issue with the code's default severity.
    pub fn new(path: Vec<PathSegment>, code: IssueCode, message: impl Into<String>) -> Self {
        Issue::with_message(path, code, message.into())
    }
    /// [`Issue::new`]'s body: one copy, whatever the message's type (size).
    fn with_message(path: Vec<PathSegment>, code: IssueCode, message: String) -> Self {
        let pointer = pointer(&path);
        Issue {
            path,
            pointer,
            code,
            message,
            severity: code.default_severity(),
            expected: None,
            received: None,
            line: None,
            column: None,
        }
    }
    /// Sets `expected` to a copy of `text` (out of line: one copy of the
    /// allocation and of the old value's drop, not one per caller; size).
    #[inline(never)]
    pub(crate) fn set_expected(&mut self, text: &str) {
        self.expected = Some(text.to_owned());
    }
    /// Sets `received` to a copy of `text` (as [`Issue::set_expected`]).
    #[inline(never)]
    pub(crate) fn set_received(&mut self, text: &str) {
        self.received = Some(text.to_owned());
    }
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
    /// The issue as compact JSON (the same text as its `Serialize` impl).
    pub fn to_json_string(&self) -> String {
        let mut out = String::new();
        write_issue(&mut out, self);
        out
    }
}

impl From<crate::json::Error> for Issue {
    /// The one issue of refused input: `invalid_json` or `too_large`, at
    /// the error's path, with its message, line and column.
    fn from(e: crate::json::Error) -> Self {
        let code = match e.kind {
            crate::json::ErrorKind::InvalidJson => IssueCode::InvalidJson,
            crate::json::ErrorKind::TooLarge => IssueCode::TooLarge,
        };
        let mut issue = Issue::new(e.path, code, e.message);
        issue.line = e.line;
        issue.column = e.column;
        issue
    }
}

/// Sets `line` and `column` on every issue that has none, from `text` (the
/// JSON text the issues' input was parsed from).
pub(crate) fn locate(text: &str, issues: &mut [Issue]) {
    locate_in(text, issues, false)
}

/// [`locate`] in a text known to repeat no key (`unique`): the scan stops
/// once every place is found.
pub(crate) fn locate_in(text: &str, issues: &mut [Issue], unique: bool) {
    // Plain loops: the iterator adaptors' generic code is larger in wasm.
    let mut pointers = Vec::new();
    let mut all_placed = true;
    for i in issues.iter() {
        all_placed &= i.line.is_some();
        pointers.push(i.pointer.as_str());
    }
    if all_placed {
        return;
    }
    let places = crate::locate::places(text, &pointers, unique);
    for (n, i) in issues.iter_mut().enumerate() {
        if let (None, Some(Some((line, column)))) = (i.line, places.get(n)) {
            i.line = Some(*line);
            i.column = Some(*column);
        }
    }
}

/// Whether one of `issues` is an error (a plain loop: smaller in wasm
/// than `iter().any`, one copy for every caller).
pub(crate) fn any_error(issues: &[Issue]) -> bool {
    for i in issues {
        if i.is_error() {
            return true;
        }
    }
    false
}

/// The path written as a person reads it: `webhooks[0].url`, `settings["a.b"]`.
pub fn display_path(path: &[PathSegment]) -> String {
    if path.is_empty() {
        return "the payload".to_owned();
    }
    let mut out = String::with_capacity(crate::path::room(path));
    push_display_path(&mut out, path);
    out
}

/// [`display_path`] of a path that is not empty, appended to `out`.
pub(crate) fn push_display_path(out: &mut String, path: &[PathSegment]) {
    let start = out.len();
    for seg in path {
        match seg {
            PathSegment::Index(i) => {
                out.push('[');
                crate::text::push_uint(out, *i);
                out.push(']');
            }
            PathSegment::Key(k) => {
                // (Bytes: a character past ASCII is none of these either.)
                let plain = !k.is_empty()
                    && crate::text::all_bytes(k.as_bytes(), |c| {
                        c.is_ascii_alphanumeric() || c == b'_' || c == b'$'
                    })
                    && !k.as_bytes()[0].is_ascii_digit();
                if plain {
                    if out.len() > start {
                        out.push('.');
                    }
                    out.push_str(k);
                } else {
                    out.push('[');
                    string(out, k);
                    out.push(']');
                }
            }
        }
    }
}

/// An issue, with the same fields and order as its `Serialize` impl.
pub(crate) fn write_issue(out: &mut String, i: &Issue) {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The table's order and spellings, pinned: every spelling of a code
    /// (`as_str`, `Display`, serde both ways) is the same string.
    #[test]
    fn each_code_is_spelled_one_way_in_the_contract_order() {
        let names: Vec<&str> = IssueCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(
            names,
            [
                "required",
                "empty",
                "invalid_type",
                "invalid_enum",
                "only_with",
                "conflict",
                "invalid_url",
                "insecure_url",
                "unreachable_url",
                "unusual_id",
                "too_small",
                "invalid_time",
                "invalid_timezone",
                "empty_window",
                "duplicate",
                "dangling_reference",
                "multiple_defaults",
                "invalid_header",
                "moved",
                "unknown_key",
                "read_only",
                "ignored_for_channel",
                "recommended",
                "invalid_json",
                "too_large",
                "internal_error",
            ]
        );
        for code in IssueCode::ALL {
            let quoted = format!("\"{}\"", code.as_str());
            assert_eq!(code.to_string(), code.as_str());
            assert_eq!(serde_json::to_string(&code).unwrap(), quoted);
            assert_eq!(serde_json::from_str::<IssueCode>(&quoted).unwrap(), code);
        }
        let warnings: Vec<&str> = IssueCode::ALL
            .iter()
            .filter(|c| c.default_severity() == Severity::Warning)
            .map(|c| c.as_str())
            .collect();
        assert_eq!(
            warnings,
            [
                "insecure_url",
                "unreachable_url",
                "unusual_id",
                "moved",
                "unknown_key",
                "read_only",
                "ignored_for_channel",
                "recommended",
            ]
        );
    }
}
