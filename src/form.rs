//! Form input: flat string fields (`FormData`, `URLSearchParams`, a record
//! of strings) into a payload.
//!
//! Names use dots and brackets: `settings.callSettings.trilletVoiceGuard`,
//! `webhooks[0].url`, `webhooks[0].headers[X-Token]`. Boolean fields take
//! `true`/`on`/`1` and `false`/`off`/`0`; number fields take decimal
//! strings; an empty string in an optional field means absent (a required
//! text field keeps it, and gets `empty`). A value that cannot be coerced is
//! an `invalid_type` issue at its field, never a silent default. Array
//! items are taken in index order (gaps close up), and issues point at the
//! indexes the form used. A repeated name keeps its last value.

use crate::issues::{pointer, Issue, IssueCode, PathSegment};
use crate::value::{Object, Value};
use crate::{normalize, Kind, Normalized, Options};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum FieldType {
    Text,
    /// A text field that is required: an empty string is kept (and reported as `empty`).
    RequiredText,
    Bool,
    Number,
}

/// The type of a field by its path with indexes written `[]`.
fn field_type(kind: Kind, pattern: &str) -> FieldType {
    use FieldType::*;
    let common = match pattern {
        "name" => Some(RequiredText),
        "settings.security.hipaaCompliance" => Some(Bool),
        "isActive" => Some(Bool),
        _ => None,
    };
    if let Some(t) = common {
        return t;
    }
    let rs = |p: &str| {
        let rest = p.strip_prefix("settings.responseSettings.")?;
        Some(match rest {
            "delay" => Number,
            "enabled" | "workingHours.enabled" => Bool,
            _ => Text,
        })
    };
    if let Some(t) = rs(pattern) {
        return t;
    }
    match kind {
        Kind::CallFlow => match pattern {
            "isGlobal"
            | "isPreConfigured"
            | "settings.enableHumanLikeVoiceAndTone"
            | "settings.utilizePriorCallsContext"
            | "settings.callSettings.trilletVoiceGuard"
            | "settings.callSetting.trilletVoiceGuard"
            | "settings.security.publicAccess"
            | "webhooks[].isTesting"
            | "dynamicVariableCollections[].isDefault" => Bool,
            "settings.welcomeMessageDelay"
            | "settings.callSettings.maxCallDuration"
            | "settings.callSettings.endCallOnSilence"
            | "settings.callSetting.maxCallDuration"
            | "settings.callSetting.endCallOnSilence" => Number,
            "webhooks[].name"
            | "webhooks[].url"
            | "dynamicVariableCollections[].name"
            | "dynamicVariableCollections[].variables[].key"
            | "webhooks[].variablesforcallflow[].name"
            | "webhooks[].responseVariables[].name"
            | "flowData.nodes[].id"
            | "flowData.edges[].source"
            | "flowData.edges[].target" => RequiredText,
            _ => Text,
        },
        Kind::MessageFlow => match pattern {
            "autopilot" | "settings.isActive" | "settings.autopilot" => Bool,
            "agent"
            | "initiationMessage"
            | "prompt"
            | "settings.initiationMessage"
            | "settings.prompt" => RequiredText,
            _ => Text,
        },
    }
}

#[derive(Debug)]
enum Node {
    Leaf(String),
    Obj(Vec<(String, Node)>),
    /// Items by the index the form used, sorted by it.
    Arr(Vec<(usize, Node)>),
}

/// The path of a form field name (the name itself as one key if malformed).
pub fn name_path(name: &str) -> Vec<PathSegment> {
    parse_name(name).unwrap_or_else(|| vec![PathSegment::Key(name.to_owned())])
}

/// Drops what a form leaves blank: empty fields (except required text, which
/// is kept to be reported as `empty`), then groups and list items left with
/// nothing in them. True if `node` keeps something.
fn prune(kind: Kind, node: &mut Node, path: &mut Vec<PathSegment>) -> bool {
    match node {
        Node::Leaf(text) => {
            !crate::rules::formats::is_blank(text)
                || field_type(kind, &pattern_of(path)) == FieldType::RequiredText
        }
        Node::Obj(entries) => {
            entries.retain_mut(|(k, child)| {
                path.push(PathSegment::Key(k.clone()));
                let keep = prune(kind, child, path);
                path.pop();
                keep
            });
            !entries.is_empty()
        }
        Node::Arr(items) => {
            items.retain_mut(|(i, child)| {
                path.push(PathSegment::Index(*i));
                let keep = prune(kind, child, path);
                path.pop();
                keep
            });
            !items.is_empty()
        }
    }
}

/// Splits `a.b[0].c` / `a[b]` into segments; None if malformed.
fn parse_name(name: &str) -> Option<Vec<PathSegment>> {
    let mut out = Vec::new();
    let mut rest = name;
    let mut first = true;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']')?;
            let inner = &r[..end];
            if !inner.is_empty() && inner.len() <= 6 && inner.bytes().all(|b| b.is_ascii_digit()) {
                out.push(PathSegment::Index(
                    inner.bytes().fold(0, |n, b| n * 10 + usize::from(b - b'0')),
                ));
            } else {
                out.push(PathSegment::Key(inner.to_owned()));
            }
            rest = &r[end + 1..];
        } else {
            let r = if first { rest } else { rest.strip_prefix('.')? };
            let end = r.find(['.', '[']).unwrap_or(r.len());
            if end == 0 {
                return None;
            }
            out.push(PathSegment::Key(r[..end].to_owned()));
            rest = &r[end..];
        }
        first = false;
    }
    if out.is_empty() {
        None
    } else {
        Some(out)
    }
}

fn pattern_of(path: &[PathSegment]) -> String {
    let mut p = String::new();
    for seg in path {
        match seg {
            PathSegment::Index(_) => p.push_str("[]"),
            PathSegment::Key(k) => {
                if !p.is_empty() {
                    p.push('.');
                }
                p.push_str(k);
            }
        }
    }
    p
}

/// Puts a leaf into the tree; false if the name clashes with another
/// (`a` given both as text and as `a.b`).
fn insert(node: &mut Node, path: &[PathSegment], leaf: String) -> bool {
    let Some((head, rest)) = path.split_first() else {
        *node = Node::Leaf(leaf);
        return true;
    };
    let fresh = || match rest.first() {
        None => Node::Leaf(String::new()),
        Some(PathSegment::Index(_)) => Node::Arr(Vec::new()),
        Some(PathSegment::Key(_)) => Node::Obj(Vec::new()),
    };
    match (node, head) {
        (Node::Obj(entries), PathSegment::Key(k)) => {
            let i = match entries.iter().position(|(ek, _)| ek == k) {
                Some(i) => i,
                None => {
                    entries.push((k.clone(), fresh()));
                    entries.len() - 1
                }
            };
            insert(&mut entries[i].1, rest, leaf)
        }
        (Node::Arr(items), PathSegment::Index(i)) => {
            // Forms list items in order, so this is nearly always a push.
            let at = match items.binary_search_by_key(i, |(k, _)| *k) {
                Ok(at) => at,
                Err(at) => {
                    items.insert(at, (*i, fresh()));
                    at
                }
            };
            insert(&mut items[at].1, rest, leaf)
        }
        _ => false,
    }
}

/// Converts the tree to a value with coerced leaves.
fn to_value(
    kind: Kind,
    node: &Node,
    path: &mut Vec<PathSegment>,
    issues: &mut Vec<Issue>,
) -> Option<Value> {
    match node {
        Node::Obj(entries) => {
            let mut o = Object::with_capacity(entries.len());
            for (k, child) in entries {
                path.push(PathSegment::Key(k.clone()));
                if let Some(v) = to_value(kind, child, path, issues) {
                    o.push(k.clone(), v);
                }
                path.pop();
            }
            Some(Value::Object(o))
        }
        Node::Arr(items) => {
            let mut a = Vec::with_capacity(items.len());
            for (i, child) in items {
                path.push(PathSegment::Index(*i));
                // An item left wholly empty still takes its place.
                a.push(to_value(kind, child, path, issues).unwrap_or(Value::Object(Object::new())));
                path.pop();
            }
            Some(Value::Array(a))
        }
        Node::Leaf(text) => {
            let ty = field_type(kind, &pattern_of(path));
            // Blank optional fields were pruned before.
            let t = text.trim();
            match ty {
                FieldType::Text | FieldType::RequiredText => Some(Value::String(text.clone())),
                FieldType::Bool => match t {
                    "true" | "on" | "1" => Some(Value::Bool(true)),
                    "false" | "off" | "0" => Some(Value::Bool(false)),
                    _ => {
                        let mut i = Issue::new(
                            path.clone(),
                            IssueCode::InvalidType,
                            format!(
                                "`{}` must be true or false (true, on, 1 / false, off, 0), not {}.",
                                crate::issues::display_path(path),
                                crate::rules::quote(text)
                            ),
                        );
                        i.expected = Some("boolean".into());
                        i.received = Some("string".into());
                        issues.push(i);
                        None
                    }
                },
                FieldType::Number => match decimal(t) {
                    Some(n) => Some(Value::Number(n)),
                    None => {
                        let mut i = Issue::new(
                            path.clone(),
                            IssueCode::InvalidType,
                            format!(
                                "`{}` must be a number written in decimal digits (such as 2 or 1.5), not {}.",
                                crate::issues::display_path(path),
                                crate::rules::quote(text)
                            ),
                        );
                        i.expected = Some("number".into());
                        i.received = Some("string".into());
                        issues.push(i);
                        None
                    }
                },
            }
        }
    }
}

/// A decimal number: optional minus, digits, optional fraction.
fn decimal(t: &str) -> Option<f64> {
    let body = t.strip_prefix('-').unwrap_or(t);
    let (int, frac) = body.split_once('.').unwrap_or((body, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(int) && digits(frac)) {
        return None;
    }
    // JSON's number grammar wants no leading zeros; serde_json then parses
    // it (core's f64 parser would add its tables to the wasm).
    let int = int.trim_start_matches('0');
    let text = format!(
        "{}{}.{frac}",
        if t.starts_with('-') { "-" } else { "" },
        if int.is_empty() { "0" } else { int }
    );
    match crate::json::parse(&text, &crate::json::Limits::default()) {
        Ok(Value::Number(n)) => Some(n),
        _ => None,
    }
}

/// Maps a path in the compacted value back to the indexes the form used.
fn form_path(root: &Node, path: &[PathSegment]) -> Vec<PathSegment> {
    let mut node = Some(root);
    path.iter()
        .map(|seg| {
            let (mapped, next) = match (node, seg) {
                (Some(Node::Arr(items)), PathSegment::Index(i)) => match items.get(*i) {
                    Some((orig, child)) => (PathSegment::Index(*orig), Some(child)),
                    None => (seg.clone(), None),
                },
                (Some(Node::Obj(entries)), PathSegment::Key(k)) => (
                    seg.clone(),
                    entries.iter().find(|(ek, _)| ek == k).map(|(_, c)| c),
                ),
                _ => (seg.clone(), None),
            };
            node = next;
            mapped
        })
        .collect()
}

/// Coerces form fields into a payload (see the module docs) and normalizes it.
pub fn from_form(kind: Kind, fields: &[(String, String)], opts: &Options) -> Normalized {
    let mut root = Node::Obj(Vec::new());
    let mut issues = Vec::new();
    for (name, value) in fields {
        let path = match parse_name(name) {
            Some(p) => p,
            None => {
                issues.push(Issue::new(
                    vec![PathSegment::Key(name.clone())],
                    IssueCode::UnknownKey,
                    format!("The form field name {} is malformed; use dots and brackets, such as `webhooks[0].url`.", crate::rules::quote(name)),
                ));
                continue;
            }
        };
        if path
            .iter()
            .any(|s| matches!(s, PathSegment::Index(i) if *i >= opts.limits.max_items))
        {
            issues.push(Issue::new(
                path,
                IssueCode::TooLarge,
                format!(
                    "The form field {} uses an index past the limit of {} items.",
                    crate::rules::quote(name),
                    opts.limits.max_items
                ),
            ));
            continue;
        }
        if !insert(&mut root, &path, value.clone()) {
            let mut i = Issue::new(
                path,
                IssueCode::InvalidType,
                format!(
                    "The form field {} clashes with another field of the same name used as a group; rename one of them.",
                    crate::rules::quote(name)
                ),
            );
            i.received = Some("string".into());
            issues.push(i);
        }
    }
    let mut path = Vec::new();
    prune(kind, &mut root, &mut path);
    let value = to_value(kind, &root, &mut path, &mut issues).unwrap_or_default();
    let mut out = normalize(kind, &value, opts);
    for issue in &mut out.issues {
        issue.path = form_path(&root, &issue.path);
        issue.pointer = pointer(&issue.path);
    }
    // Coercion issues come first in the list's order at their own place.
    let coercion_failed = issues.iter().any(Issue::is_error);
    issues.extend(out.issues);
    Normalized {
        value: if coercion_failed { None } else { out.value },
        issues,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        let p = parse_name("webhooks[0].headers[X-Token]").unwrap();
        assert_eq!(
            p,
            vec![
                PathSegment::Key("webhooks".into()),
                PathSegment::Index(0),
                PathSegment::Key("headers".into()),
                PathSegment::Key("X-Token".into())
            ]
        );
        assert!(parse_name("a..b").is_none());
        assert!(parse_name("").is_none());
        assert!(parse_name("a[0").is_none());
        assert_eq!(pattern_of(&p), "webhooks[].headers.X-Token");
    }

    #[test]
    fn decimals() {
        assert_eq!(decimal("1.5"), Some(1.5));
        assert_eq!(decimal("-2"), Some(-2.0));
        for bad in ["1e3", "abc", "1.", ".5", "0x10", "", "-"] {
            assert_eq!(decimal(bad), None, "{bad}");
        }
    }
}
