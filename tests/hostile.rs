//! Reproducers of issue #10 (hostile input), through the Rust API: each
//! failed before its fix.

use trillet_flows::request::build_request_json;
use trillet_flows::{
    build_request, from_form, normalize_json, validate_json, BuildOptions, Issue, IssueCode, Kind,
    Limits, Options, UnknownKeys, Value,
};

const KEY: &str = "tk_live_9f8e7d6c5b4a3210";
const WS: &str = "6764d172953253138a3a70f4";

fn form(fields: &[(&str, &str)]) -> Vec<(String, String)> {
    fields
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn input(text: &str) -> Value {
    trillet_flows::json::parse(text, &Limits::default()).expect("valid JSON")
}

fn build(text: &str, key: &str) -> Vec<Issue> {
    let opts = BuildOptions {
        api_key: key.into(),
        workspace_id: WS.into(),
        ..Default::default()
    };
    build_request(Kind::CallFlow, &input(text), &opts).issues
}

/// Every text of an issue that the key must not reach.
fn texts(issues: &[Issue]) -> String {
    issues
        .iter()
        .map(|i| {
            format!(
                "{} {} {}",
                i.message,
                i.expected.as_deref().unwrap_or(""),
                i.received.as_deref().unwrap_or("")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_no_part(issues: &[Issue], key: &str) {
    let all = texts(issues);
    for part in key.as_bytes().windows(8) {
        let part = std::str::from_utf8(part).unwrap();
        assert!(!all.contains(part), "{part:?} of the key survives in {all}");
    }
}

// ----- 1. deep form field names -----

#[test]
fn a_form_name_of_100000_segments_is_too_large_not_a_stack_overflow() {
    for name in [
        format!("settings{}", ".a".repeat(5000)),     // 10 KB
        format!("settings{}", ".a".repeat(100_000)),  // 100,000 segments
        format!("webhooks{}", "[0]".repeat(100_000)), // nested lists
        format!("settings{}", "[a]".repeat(100_000)), // bracket keys
    ] {
        let out = from_form(
            Kind::CallFlow,
            &form(&[("name", "S"), ("direction", "outbound"), (&name, "v")]),
            &Options::default(),
        );
        assert!(out.value.is_none());
        assert_eq!(out.issues.len(), 1, "{:?}", out.issues);
        assert_eq!(out.issues[0].code, IssueCode::TooLarge);
        assert_eq!(out.issues[0].path.len(), 64);
    }
    // The next call works (nothing is left broken).
    let ok = from_form(
        Kind::CallFlow,
        &form(&[("name", "S"), ("direction", "outbound")]),
        &Options::default(),
    );
    assert!(ok.value.is_some());
}

// ----- 2. keys count against maxItems; many unknown keys -----

#[test]
fn keys_in_one_object_count_against_max_items() {
    let mut text = String::from(
        r#"{"name":"S","direction":"outbound","flowData":{"nodes":[{"id":"a","data":{"#,
    );
    for i in 0..10_001 {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&format!("\"k{i}\":1"));
    }
    text.push_str("}}],\"edges\":[]}}");
    for report in [
        validate_json(Kind::CallFlow, &text, &Options::default()).issues,
        normalize_json(Kind::CallFlow, &text, &Options::default()).issues,
    ] {
        assert_eq!(report.len(), 1, "{report:?}");
        assert_eq!(report[0].code, IssueCode::TooLarge);
        assert_eq!(report[0].pointer, "/flowData/nodes/0/data");
        assert_eq!(
            report[0].message,
            "This object has more than 10000 keys; send fewer (or raise the maxItems option)."
        );
    }
    // A value built in Rust is held to the same limit.
    let mut o = trillet_flows::Object::new();
    for i in 0..10_001 {
        o.push(format!("k{i}"), Value::Null);
    }
    let mut root = input(r#"{"name":"S","direction":"outbound"}"#);
    if let Value::Object(r) = &mut root {
        r.push("x", Value::Object(o));
    }
    let out = trillet_flows::validate(Kind::CallFlow, &root, &Options::default());
    assert_eq!(out.issues.len(), 1);
    assert_eq!(out.issues[0].pointer, "/x");
    assert_eq!(
        out.issues[0].message,
        "This object has more than 10000 keys; send fewer (or raise the maxItems option)."
    );
}

#[test]
fn unknown_keys_past_1000_are_counted_in_one_summary_issue() {
    let mut text = String::from(r#"{"name":"S","direction":"outbound""#);
    for i in 0..5000 {
        text.push_str(&format!(",\"k{i:05}\":1"));
    }
    text.push('}');
    for (mode, severity, verb) in [
        (UnknownKeys::Strip, "warning", "normalize drops them too"),
        (UnknownKeys::Keep, "warning", "normalize keeps them too"),
        (
            UnknownKeys::Reject,
            "error",
            "the unknownKeys option rejects them too",
        ),
    ] {
        let opts = Options {
            unknown_keys: mode,
            ..Default::default()
        };
        let out = normalize_json(Kind::CallFlow, &text, &opts);
        assert_eq!(out.issues.len(), 1001);
        assert!(out.issues[..1000]
            .iter()
            .all(|i| i.code == IssueCode::UnknownKey && i.path.len() == 1));
        assert_eq!(out.issues[999].pointer, "/k00999");
        let last = out.issues.last().unwrap();
        assert_eq!(
            (last.code, last.pointer.as_str()),
            (IssueCode::UnknownKey, "")
        );
        assert!(last
            .to_json_string()
            .contains(&format!("\"severity\":\"{severity}\"")));
        assert_eq!(
            last.message,
            format!("4000 more unknown or server-generated keys are not listed (only the first 1000 are); {verb}.")
        );
        assert_eq!(out.value.is_some(), mode != UnknownKeys::Reject);
        if mode == UnknownKeys::Keep {
            let v = out.value.unwrap();
            assert_eq!(v.as_object().unwrap().len(), 5000 + 7);
            assert_eq!(v.get("k04999"), Some(&Value::from(1.0)));
        }
    }
}

// ----- 4. the api key in messages -----

#[test]
fn the_key_is_scrubbed_before_a_long_value_is_cut_short() {
    let long_key = format!("tk_live_{}", "0123456789abcdef".repeat(4)); // 72 characters
    for key in [KEY.to_owned(), long_key] {
        for prefix in ["", "x", &"x".repeat(40), &"y".repeat(59), &"z".repeat(200)] {
            let issues = build(
                &format!(r#"{{"name":"S","direction":"{prefix}{key}"}}"#),
                &key,
            );
            assert_eq!(issues.len(), 1);
            assert_eq!(issues[0].pointer, "/direction");
            assert_no_part(&issues, &key);
            let issues = build(
                &format!(
                    r#"{{"name":"S","direction":"outbound","agentWebhookUrl":"hooks.example.com/trillet/webhook?api_key={prefix}{key}"}}"#
                ),
                &key,
            );
            assert_eq!(issues[0].pointer, "/agentWebhookUrl");
            assert_no_part(&issues, &key);
        }
    }
}

#[test]
fn a_short_key_never_rewrites_paths_or_fixed_text() {
    let text = r#"{"name":"S","direction":"sideways","e":1}"#;
    let plain = build(text, "k-unrelated-key-00000");
    let with_e = build(text, "e");
    assert_eq!(plain.len(), with_e.len());
    // The unknown key "e" is the key itself: its path is redacted...
    let e = with_e
        .iter()
        .find(|i| i.code == IssueCode::UnknownKey)
        .unwrap();
    assert_eq!(e.pointer, "/[redacted]");
    assert!(
        e.message.starts_with("`[\"[redacted]\"]` is not a field"),
        "{}",
        e.message
    );
    // ...and nothing else changes: /direction stays /direction, and its
    // message is untouched.
    let d = with_e.iter().find(|i| i.pointer == "/direction").unwrap();
    let d0 = plain.iter().find(|i| i.pointer == "/direction").unwrap();
    assert_eq!(d, d0);
    // A short key given as a whole value is redacted where it is quoted.
    let issues = build(r#"{"name":"S","direction":"abc"}"#, "abc");
    assert_eq!(issues[0].pointer, "/direction");
    assert!(
        !issues[0].message.contains("\"abc\""),
        "{}",
        issues[0].message
    );
    assert!(issues[0].message.contains("\"[redacted]\""));
}

#[test]
fn the_key_is_scrubbed_from_json_text_builds_too() {
    let opts = BuildOptions {
        api_key: KEY.into(),
        workspace_id: WS.into(),
        ..Default::default()
    };
    let text = format!(r#"{{"name":"S","direction":"{}{KEY}"}}"#, "q".repeat(55));
    let out = build_request_json(Kind::CallFlow, &text, &opts);
    assert_no_part(&out.issues, KEY);
}

// ----- 8. baseUrl with credentials -----

#[test]
fn base_url_with_user_info_is_invalid_url() {
    for base in [
        "https://user:pass@api.example.com",
        "https://user@api.example.com/prefix",
        "https://:secret@api.example.com",
    ] {
        let opts = BuildOptions {
            api_key: KEY.into(),
            workspace_id: WS.into(),
            base_url: Some(base.into()),
            ..Default::default()
        };
        let out = build_request(
            Kind::CallFlow,
            &input(r#"{"name":"S","direction":"outbound"}"#),
            &opts,
        );
        assert!(out.request.is_none(), "{base}");
        assert_eq!(out.issues.len(), 1);
        assert_eq!(out.issues[0].code, IssueCode::InvalidUrl);
        assert_eq!(out.issues[0].pointer, "/baseUrl");
        assert!(!out.issues[0].message.contains("pass@"));
    }
}
