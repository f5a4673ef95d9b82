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
use crate::schema::{self, Need, Ty};
use crate::strset::StrSet;
use crate::text::{cat, find_any, part, split_at_byte, strip_byte, uint, END};
use crate::value::{Number, Object, Value};
use crate::{normalize, Kind, Normalized, Options};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum FieldType {
    Text,
    /// A text field that is required: an empty string is kept (and reported as `empty`).
    RequiredText,
    Bool,
    Number,
}

/// The type of a field by its path, from the schema (a documented other
/// place has its canonical field's type; a path the schema does not know
/// is text).
fn field_type(kind: Kind, path: &[PathSegment]) -> FieldType {
    // Plain loops: the iterator adaptors' generic code is larger in wasm.
    let mut segs: Vec<Option<&str>> = Vec::with_capacity(path.len());
    for s in path {
        segs.push(match s {
            PathSegment::Key(k) => Some(k.as_str()),
            PathSegment::Index(_) => None,
        });
    }
    let Some(d) = schema::lookup(kind.shape(), &segs) else {
        return FieldType::Text;
    };
    match (d.ty, d.need) {
        (Ty::Bool, _) => FieldType::Bool,
        (Ty::Num { .. }, _) => FieldType::Number,
        (Ty::Str | Ty::Text | Ty::Id | Ty::Url { .. }, Need::Required(_)) => {
            FieldType::RequiredText
        }
        _ => FieldType::Text,
    }
}

enum Node {
    Leaf(String),
    /// Keys in the order the form first used them; the set finds them.
    Obj(Vec<(String, Node)>, StrSet<'static>),
    /// Items by the index the form used (the set holds the indexes as
    /// decimal text, which its order sorts by number); sorted by index once
    /// every field is in.
    Arr(Vec<(usize, Node)>, StrSet<'static>),
}

impl Node {
    fn obj() -> Node {
        Node::Obj(Vec::new(), StrSet::default())
    }
}

/// How a form field name reads.
enum Name {
    Path(Vec<PathSegment>),
    Malformed,
    /// More segments than the depth limit allows: the first ones.
    TooDeep(Vec<PathSegment>),
}

/// The path of a form field name (the name itself as one key if malformed).
pub fn name_path(name: &str) -> Vec<PathSegment> {
    match read_name(name, crate::json::DEPTH_CEILING) {
        Name::Path(p) => p,
        _ => vec![PathSegment::Key(name.to_owned())],
    }
}

/// Drops what a form leaves blank: empty fields (except required text, which
/// is kept to be reported as `empty`), then groups and list items left with
/// nothing in them. True if `node` keeps something.
fn prune(kind: Kind, node: &mut Node, path: &mut Vec<PathSegment>) -> bool {
    match node {
        Node::Leaf(text) => {
            !crate::rules::formats::is_blank(text)
                || field_type(kind, path) == FieldType::RequiredText
        }
        Node::Obj(entries, index) => {
            let before = entries.len();
            // (Plain loops, not `retain_mut`: its generic code is larger in
            // wasm. Kept entries move forward in order; the rest are cut.)
            let mut kept = 0;
            for n in 0..before {
                let (k, child) = &mut entries[n];
                if prune_at(kind, child, path, PathSegment::Key(k.clone())) {
                    entries.swap(kept, n);
                    kept += 1;
                }
            }
            entries.truncate(kept);
            if kept != before {
                *index = StrSet::with_capacity(entries.len());
                for (k, _) in entries.iter() {
                    let _ = index.insert(k.clone());
                }
            }
            !entries.is_empty()
        }
        Node::Arr(items, _) => {
            let mut kept = 0;
            for n in 0..items.len() {
                let (i, child) = &mut items[n];
                if prune_at(kind, child, path, PathSegment::Index(*i)) {
                    items.swap(kept, n);
                    kept += 1;
                }
            }
            items.truncate(kept);
            !items.is_empty()
        }
    }
}

/// [`prune`] one level down, at `seg`: one copy for objects and arrays (size).
#[inline(never)]
fn prune_at(kind: Kind, node: &mut Node, path: &mut Vec<PathSegment>, seg: PathSegment) -> bool {
    path.push(seg);
    let keep = prune(kind, node, path);
    path.pop();
    keep
}

/// Splits `a.b[0].c` / `a[b]` into segments; None if malformed.
#[cfg(test)]
fn parse_name(name: &str) -> Option<Vec<PathSegment>> {
    match read_name(name, usize::MAX) {
        Name::Path(p) => Some(p),
        _ => None,
    }
}

/// Splits a name into at most `max` segments (more is `TooDeep`).
fn read_name(name: &str, max: usize) -> Name {
    match split_name(name, max) {
        Some((p, false)) if !p.is_empty() => Name::Path(p),
        Some((p, true)) => Name::TooDeep(p),
        _ => Name::Malformed,
    }
}

/// The segments of a name, stopping after `max` (true if more followed);
/// None if malformed.
fn split_name(name: &str, max: usize) -> Option<(Vec<PathSegment>, bool)> {
    let mut out = Vec::new();
    let mut rest = name;
    let mut first = true;
    while !rest.is_empty() {
        if out.len() == max {
            return Some((out, true));
        }
        if let Some(r) = strip_byte(rest, b'[') {
            let end = find_any(r, b"]")?;
            let inner = part(r, 0, end);
            if !inner.is_empty()
                && inner.len() <= 6
                && crate::text::all_bytes(inner.as_bytes(), |b| b.is_ascii_digit())
            {
                out.push(PathSegment::Index(
                    inner.bytes().fold(0, |n, b| n * 10 + usize::from(b - b'0')),
                ));
            } else {
                out.push(PathSegment::Key(inner.to_owned()));
            }
            rest = part(r, end + 1, END);
        } else {
            let r = if first { rest } else { strip_byte(rest, b'.')? };
            let end = find_any(r, b".[").unwrap_or(r.len());
            if end == 0 {
                return None;
            }
            out.push(PathSegment::Key(part(r, 0, end).to_owned()));
            rest = part(r, end, END);
        }
        first = false;
    }
    Some((out, false))
}

/// Puts a leaf into the tree; false if the name clashes with another
/// (`a` given both as text and as `a.b`). A loop, not recursion: the depth
/// of a name is bounded by the depth limit before this, but nothing here
/// depends on it.
fn insert(root: &mut Node, path: &[PathSegment], leaf: String) -> bool {
    let mut node = root;
    for (n, seg) in path.iter().enumerate() {
        let fresh = || match path.get(n + 1) {
            None => Node::Leaf(String::new()),
            Some(PathSegment::Index(_)) => Node::Arr(Vec::new(), StrSet::default()),
            Some(PathSegment::Key(_)) => Node::obj(),
        };
        node = match (node, seg) {
            (Node::Obj(entries, index), PathSegment::Key(k)) => {
                let i = match index.insert(k.clone()) {
                    Err(i) => i,
                    Ok(_) => {
                        entries.push((k.clone(), fresh()));
                        entries.len() - 1
                    }
                };
                &mut entries[i].1
            }
            (Node::Arr(items, index), PathSegment::Index(i)) => {
                let at = match index.insert(uint(*i)) {
                    Err(at) => at,
                    Ok(_) => {
                        items.push((*i, fresh()));
                        items.len() - 1
                    }
                };
                &mut items[at].1
            }
            _ => return false,
        };
    }
    *node = Node::Leaf(leaf);
    true
}

/// Sorts every list's items by the index the form used (depth-bounded
/// recursion: names were held to the depth limit).
fn sort_lists(node: &mut Node) {
    match node {
        Node::Leaf(_) => {}
        Node::Obj(entries, _) => {
            for (_, c) in entries.iter_mut() {
                sort_lists(c);
            }
        }
        Node::Arr(items, index) => {
            // Plain loops: the iterator adaptors' generic code is larger in wasm.
            // (`pop`, not `drain`: taken holds the items last first.)
            let n = items.len();
            let mut taken: Vec<Option<(usize, Node)>> = Vec::with_capacity(n);
            while let Some(item) = items.pop() {
                taken.push(Some(item));
            }
            for i in index.in_order() {
                if let Some(item) = taken[n - 1 - i].take() {
                    items.push(item);
                }
            }
            for (_, c) in items.iter_mut() {
                sort_lists(c);
            }
        }
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
        Node::Obj(entries, _) => {
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
        Node::Arr(items, _) => {
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
            let ty = field_type(kind, path);
            // Blank optional fields were pruned before.
            let t = crate::text::trim(text);
            match ty {
                FieldType::Text | FieldType::RequiredText => Some(Value::String(text.clone())),
                FieldType::Bool => match t {
                    "true" | "on" | "1" => Some(Value::Bool(true)),
                    "false" | "off" | "0" => Some(Value::Bool(false)),
                    _ => {
                        issues.push(not_coerced(
                            path,
                            "` must be true or false (true, on, 1 / false, off, 0), not ",
                            "boolean",
                            text,
                        ));
                        None
                    }
                },
                FieldType::Number => match decimal(t) {
                    Some(n) => Some(Value::Number(n)),
                    None => {
                        issues.push(not_coerced(
                            path,
                            "` must be a number written in decimal digits (such as 2 or 1.5), not ",
                            "number",
                            text,
                        ));
                        None
                    }
                },
            }
        }
    }
}

/// `invalid_type` for a form value that its field's type cannot read:
/// the field, `must` (what it must be), the value.
fn not_coerced(path: &[PathSegment], must: &str, expected: &str, text: &str) -> Issue {
    let message = cat(&[
        "`",
        &crate::issues::display_path(path),
        must,
        &crate::rules::quote(text),
        ".",
    ]);
    let mut i = Issue::new(path.to_vec(), IssueCode::InvalidType, message);
    i.set_expected(expected);
    i.set_received("string");
    i
}

/// A decimal number: optional minus, digits, optional fraction; written
/// as a JSON number (leading zeros dropped: `007.50` is `7.50`), the digits
/// kept as given.
fn decimal(t: &str) -> Option<Number> {
    let body = strip_byte(t, b'-').unwrap_or(t);
    let (int, frac) = match find_any(body, b".").map(|i| split_at_byte(body, i)) {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits =
        |s: &str| !s.is_empty() && crate::text::all_bytes(s.as_bytes(), |b| b.is_ascii_digit());
    if !(digits(int) && frac.map_or(true, digits)) {
        return None;
    }
    let int = crate::text::trim_start_byte(int, b'0');
    let mut text = String::with_capacity(t.len() + 1);
    if t.as_bytes().first() == Some(&b'-') {
        text.push('-');
    }
    text.push_str(if int.is_empty() { "0" } else { int });
    if let Some(f) = frac {
        text.push('.');
        text.push_str(f);
    }
    Some(Number::from_json_text(&text))
}

/// Maps a path in the compacted value back to the indexes the form used.
fn form_path(root: &Node, path: &[PathSegment]) -> Vec<PathSegment> {
    let mut node = Some(root);
    let mut out = Vec::with_capacity(path.len());
    for seg in path {
        let (mapped, next) = match (node, seg) {
            (Some(Node::Arr(items, _)), PathSegment::Index(i)) => match items.get(*i) {
                Some((orig, child)) => (PathSegment::Index(*orig), Some(child)),
                None => (seg.clone(), None),
            },
            (Some(Node::Obj(entries, index)), PathSegment::Key(k)) => {
                (seg.clone(), index.get(k).map(|i| &entries[i].1))
            }
            _ => (seg.clone(), None),
        };
        node = next;
        out.push(mapped);
    }
    out
}

/// Coerces form fields into a payload (see the module docs) and normalizes it.
pub fn from_form(kind: Kind, fields: &[(String, String)], opts: &Options) -> Normalized {
    let max = opts.limits.max_items;
    if fields.len() > max {
        return Normalized {
            value: None,
            issues: vec![Issue::new(
                vec![],
                IssueCode::TooLarge,
                crate::json::fields_message(fields.len(), max),
            )],
        };
    }
    let depth = opts.limits.depth();
    let mut root = Node::obj();
    let mut issues = Vec::new();
    for (name, value) in fields {
        let path = match read_name(name, depth) {
            Name::Path(p) => p,
            Name::Malformed => {
                issues.push(Issue::new(
                    vec![PathSegment::Key(name.clone())],
                    IssueCode::UnknownKey,
                    cat(&[
                        "The form field name ",
                        &crate::rules::quote(name),
                        " is malformed; use dots and brackets, such as `webhooks[0].url`.",
                    ]),
                ));
                continue;
            }
            Name::TooDeep(p) => {
                issues.push(Issue::new(
                    p,
                    IssueCode::TooLarge,
                    crate::json::name_depth_message(name, depth),
                ));
                continue;
            }
        };
        if path
            .iter()
            .any(|s| matches!(s, PathSegment::Index(i) if *i >= max))
        {
            issues.push(Issue::new(
                path,
                IssueCode::TooLarge,
                cat(&[
                    "The form field ",
                    &crate::rules::quote(name),
                    " uses an index past the limit of ",
                    &uint(max),
                    " items.",
                ]),
            ));
            continue;
        }
        if !insert(&mut root, &path, value.clone()) {
            let mut i = Issue::new(
                path,
                IssueCode::InvalidType,
                cat(&[
                    "The form field ",
                    &crate::rules::quote(name),
                    " clashes with another field of the same name used as a group; rename one of them.",
                ]),
            );
            i.set_received("string");
            issues.push(i);
        }
    }
    sort_lists(&mut root);
    let mut path = Vec::new();
    prune(kind, &mut root, &mut path);
    let value = to_value(kind, &root, &mut path, &mut issues).unwrap_or_default();
    let mut out = normalize(kind, &value, opts);
    for issue in &mut out.issues {
        issue.path = form_path(&root, &issue.path);
        issue.pointer = pointer(&issue.path);
    }
    // Coercion issues come first in the list's order at their own place.
    let coercion_failed = crate::issues::any_error(&issues);
    issues.append(&mut out.issues);
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
        assert_eq!(field_type(Kind::CallFlow, &p), FieldType::Text);
    }

    /// The form types the schema gives, against the table this module
    /// kept by hand before the schema.
    #[test]
    fn field_types_from_the_schema() {
        use FieldType::*;
        let ty = |kind, name: &str| field_type(kind, &parse_name(name).expect(name));
        let call = [
            ("name", RequiredText),
            ("direction", Text),
            ("agent", Text),
            ("isActive", Bool),
            ("isGlobal", Bool),
            ("isPreConfigured", Bool),
            ("settings.enableHumanLikeVoiceAndTone", Bool),
            ("settings.utilizePriorCallsContext", Bool),
            ("settings.callSettings.trilletVoiceGuard", Bool),
            ("settings.callSetting.trilletVoiceGuard", Bool),
            ("settings.security.publicAccess", Bool),
            ("settings.security.hipaaCompliance", Bool),
            ("webhooks[0].isTesting", Bool),
            ("dynamicVariableCollections[2].isDefault", Bool),
            ("settings.welcomeMessageDelay", Number),
            ("settings.callSettings.maxCallDuration", Number),
            ("settings.callSetting.endCallOnSilence", Number),
            ("settings.responseSettings.delay", Number),
            ("settings.responseSettings.enabled", Bool),
            ("settings.responseSettings.workingHours.enabled", Bool),
            ("settings.responseSettings.start", Text),
            ("webhooks[0].name", RequiredText),
            ("webhooks[0].url", RequiredText),
            ("webhooks[0].variablesforcallflow[1].name", RequiredText),
            ("webhooks[0].variables[1].name", RequiredText),
            ("webhooks[0].responseVariables[0].name", RequiredText),
            ("webhooks[0].headers[X-Token]", Text),
            ("dynamicVariableCollections[0].name", RequiredText),
            (
                "dynamicVariableCollections[0].variables[0].key",
                RequiredText,
            ),
            ("flowData.nodes[0].id", RequiredText),
            ("flowData.nodes[0].data.prompt", Text),
            ("flowData.edges[0].id", Text),
            ("flowData.edges[0].source", RequiredText),
            ("flowData.edges[0].target", RequiredText),
            ("settings.transfers[0]", Text),
            ("nope", Text),
        ];
        for (name, want) in call {
            assert_eq!(ty(Kind::CallFlow, name), want, "{name}");
        }
        let message = [
            ("name", RequiredText),
            ("agent", RequiredText),
            ("initiationMessage", RequiredText),
            ("settings.initiationMessage", RequiredText),
            ("prompt", RequiredText),
            ("settings.prompt", RequiredText),
            ("messageChannel", Text),
            ("isActive", Bool),
            ("autopilot", Bool),
            ("settings.isActive", Bool),
            ("settings.autopilot", Bool),
            ("settings.security.hipaaCompliance", Bool),
            ("settings.responseSettings.delay", Number),
            ("settings.responseSettings.workingHours.enabled", Bool),
            ("settings.emailSettings.subjectLine", Text),
        ];
        for (name, want) in message {
            assert_eq!(ty(Kind::MessageFlow, name), want, "{name}");
        }
    }

    fn form(fields: &[(&str, &str)]) -> Vec<(String, String)> {
        fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn deep_names_are_too_large_at_the_field() {
        let opts = Options::default();
        for n in [65usize, 5000, 100_000] {
            let name = format!("settings{}", ".a".repeat(n - 1));
            let out = from_form(
                Kind::CallFlow,
                &form(&[("name", "S"), ("direction", "outbound"), (&name, "v")]),
                &opts,
            );
            assert!(out.value.is_none());
            assert_eq!(out.issues.len(), 1, "{:?}", out.issues);
            let i = &out.issues[0];
            assert_eq!(i.code, IssueCode::TooLarge);
            assert_eq!(i.path.len(), 64);
            assert_eq!(i.pointer, format!("/settings{}", "/a".repeat(63)));
            assert!(
                i.message.contains("nests deeper than 64 levels"),
                "{}",
                i.message
            );
        }
        // 64 segments is within the limit: an unknown key, no error.
        let name = format!("settings{}", ".a".repeat(63));
        let out = from_form(
            Kind::CallFlow,
            &form(&[("name", "S"), ("direction", "outbound"), (&name, "v")]),
            &opts,
        );
        assert!(out.value.is_some(), "{:?}", out.issues);
    }

    #[test]
    fn fields_count_against_max_items() {
        let opts = Options {
            limits: crate::Limits {
                max_items: 3,
                ..Default::default()
            },
            ..Default::default()
        };
        let fields = form(&[
            ("name", "S"),
            ("direction", "outbound"),
            ("a", "1"),
            ("b", "2"),
        ]);
        let out = from_form(Kind::CallFlow, &fields, &opts);
        assert!(out.value.is_none());
        assert_eq!(out.issues.len(), 1);
        assert_eq!(out.issues[0].code, IssueCode::TooLarge);
        assert_eq!(out.issues[0].pointer, "");
        assert_eq!(
            out.issues[0].message,
            "The form has 4 fields, more than the limit of 3; send fewer (or raise the maxItems option)."
        );
        assert!(from_form(Kind::CallFlow, &fields[..3], &opts)
            .value
            .is_some());
    }

    #[test]
    fn list_items_sort_by_index_in_any_order() {
        let mut fields = form(&[("name", "S"), ("direction", "outbound")]);
        for i in (0..300).rev() {
            fields.push((format!("webhooks[{i}].name"), format!("w{i}")));
            fields.push((format!("webhooks[{i}].url"), "https://example.com/h".into()));
        }
        let out = from_form(Kind::CallFlow, &fields, &Options::default());
        let v = out.value.expect("valid");
        let hooks = v.get("webhooks").and_then(Value::as_array).unwrap();
        assert_eq!(hooks.len(), 300);
        for (i, h) in hooks.iter().enumerate() {
            assert_eq!(h.get("name"), Some(&Value::from(format!("w{i}"))));
        }
    }

    #[test]
    fn decimals() {
        let text = |t: &str| decimal(t).and_then(|n| n.json_text().map(|t| t.into_owned()));
        assert_eq!(text("1.5").as_deref(), Some("1.5"));
        assert_eq!(text("-2").as_deref(), Some("-2"));
        assert_eq!(text("007.50").as_deref(), Some("7.50"));
        assert_eq!(text("-00.0").as_deref(), Some("-0.0"));
        assert_eq!(
            text("0.20046571798452242").as_deref(),
            Some("0.20046571798452242")
        );
        let long = "9".repeat(400);
        assert_eq!(text(&long).as_deref(), Some(long.as_str()));
        for bad in [
            "1e3", "abc", "1.", ".5", "0x10", "", "-", "--1", "1.2.3", "+1",
        ] {
            assert!(decimal(bad).is_none(), "{bad}");
        }
    }
}
