//! Runs every shared fixture of `tests/fixtures/` through the Rust core,
//! one test per file (`cargo test --test fixtures call_flow::direction_inbound`),
//! each checking the exact issues, messages included.
//! The JS and wasm suites run the same files (see tests/fixtures/README.md).

use serde_json::Value as Json;
use std::path::Path;
use trillet_flows::issues::display_path;
use trillet_flows::request::{build_request, build_request_json, BuildOptions};
use trillet_flows::{
    from_form, from_response, from_response_json, normalize, normalize_json, validate,
    validate_json, Issue, Kind, Limits, Normalized, Options, UnknownKeys, Value,
};

fn options(f: &Json) -> Options {
    let mut o = Options::default();
    let Some(opts) = f.get("options") else {
        return o;
    };
    o.unknown_keys = match opts.get("unknownKeys").and_then(Json::as_str) {
        Some("keep") => UnknownKeys::Keep,
        Some("reject") => UnknownKeys::Reject,
        _ => UnknownKeys::Strip,
    };
    let n = |k: &str, d: usize| opts.get(k).and_then(Json::as_u64).map_or(d, |v| v as usize);
    let def = Limits::default();
    o.limits = Limits {
        max_bytes: n("maxBytes", def.max_bytes),
        max_depth: n("maxDepth", def.max_depth),
        max_items: n("maxItems", def.max_items),
    };
    o
}

/// (code, pointer, severity, message) of each issue, for comparing lists.
type Brief = (String, String, String, String);

fn brief(issues: &[Issue]) -> Vec<Brief> {
    issues
        .iter()
        .map(|i| {
            (
                i.code.to_string(),
                i.pointer.clone(),
                format!("{:?}", i.severity).to_lowercase(),
                i.message.clone(),
            )
        })
        .collect()
}

/// An issue a fixture expects. `message` is `None` when the fixture does not
/// pin it, which fails the case: every expected issue pins its message.
struct Want {
    code: String,
    pointer: String,
    severity: String,
    message: Option<String>,
}

fn expected_issues(f: &Json) -> Vec<Want> {
    f["issues"]
        .as_array()
        .expect("fixture needs an `issues` array")
        .iter()
        .map(|i| {
            let code = i["code"].as_str().expect("issue code").to_owned();
            let severity = i
                .get("severity")
                .and_then(Json::as_str)
                .map(str::to_owned)
                .unwrap_or_else(|| {
                    let c: trillet_flows::IssueCode =
                        serde_json::from_value(Json::String(code.clone())).expect("known code");
                    format!("{:?}", c.default_severity()).to_lowercase()
                });
            Want {
                code,
                pointer: i["pointer"].as_str().expect("issue pointer").to_owned(),
                severity,
                message: i.get("message").map(|m| {
                    m.as_str()
                        .expect("an issue's message is a string")
                        .to_owned()
                }),
            }
        })
        .collect()
}

fn has_error(want: &[Want]) -> bool {
    want.iter().any(|w| w.severity == "error")
}

/// The reported issues are the expected ones, in order, messages included
/// (the same through a Rust `Value` and JSON text); otherwise a
/// failure that lists both, marks each difference, and says when a fixture
/// lacks a `message`.
fn check_issues(name: &str, what: &str, got: &[Issue], want: &[Want]) {
    let got = brief(got);
    let same = got.len() == want.len()
        && got.iter().zip(want).all(|(g, w)| {
            g.0 == w.code
                && g.1 == w.pointer
                && g.2 == w.severity
                && w.message.is_some()
                && w.message.as_ref() == Some(&g.3)
        });
    if same {
        return;
    }
    let mut text = format!("{name}: {what} issues differ\n");
    for n in 0..got.len().max(want.len()) {
        let g = got.get(n);
        let w = want.get(n);
        let mark = match (g, w) {
            (Some(g), Some(w)) if (&g.0, &g.1, &g.2) != (&w.code, &w.pointer, &w.severity) => {
                "  <- code, pointer or severity"
            }
            (Some(_), Some(w)) if w.message.is_none() => "  <- the fixture pins no message",
            (Some(g), Some(w)) if w.message.as_ref() != Some(&g.3) => "  <- message",
            (Some(_), Some(_)) => "",
            (Some(_), None) => "  <- not expected",
            (None, _) => "  <- not reported",
        };
        text.push_str(&format!("  issue {n}{mark}\n"));
        if let Some(g) = g {
            text.push_str(&format!(
                "     got: {} at {:?} ({}): {:?}\n",
                g.0, g.1, g.2, g.3
            ));
        }
        if let Some(w) = w {
            let m = w
                .message
                .as_ref()
                .map_or_else(|| "(no \"message\")".to_owned(), |m| format!("{m:?}"));
            text.push_str(&format!(
                "    want: {} at {:?} ({}): {m}\n",
                w.code, w.pointer, w.severity
            ));
        }
    }
    if want.iter().any(|w| w.message.is_none()) {
        text.push_str(
            "every expected issue pins its exact \"message\"; once codes, pointers and severities \
             agree, `node scripts/bless-fixtures.mjs FILE` writes the messages the library reports\n",
        );
    }
    panic!("{text}");
}

/// Where an expected issue gives `line` and `column`, the issue has them.
/// `issues` came from JSON text: every issue carries a place.
fn check_places(name: &str, f: &Json, issues: &[Issue]) {
    for (n, (want, got)) in f["issues"]
        .as_array()
        .unwrap()
        .iter()
        .zip(issues)
        .enumerate()
    {
        assert!(
            got.line.is_some() && got.column.is_some() || got.code.as_str() == "too_large",
            "{name}: issue {n} ({}) from JSON text has no line and column",
            got.code
        );
        for (key, value) in [("line", got.line), ("column", got.column)] {
            if let Some(w) = want.get(key) {
                assert_eq!(
                    value.map(|v| v as u64),
                    w.as_u64(),
                    "{name}: issue {n} ({} at {}) {key} differs",
                    got.code,
                    got.pointer
                );
            }
        }
    }
}

/// Every message is a sentence that names its field.
fn check_messages(name: &str, issues: &[Issue]) {
    for i in issues {
        assert!(
            i.message.ends_with('.') || i.message.ends_with('?'),
            "{name}: message is not a sentence: {}",
            i.message
        );
        if !i.path.is_empty() && !matches!(i.code.as_str(), "too_large") {
            let shown = display_path(&i.path);
            let last = match i.path.last() {
                Some(trillet_flows::PathSegment::Key(k)) => k.clone(),
                _ => shown.clone(),
            };
            assert!(
                i.message.contains(&shown) || i.message.contains(&last),
                "{name}: message of {} at {} does not name the field: {}",
                i.code,
                i.pointer,
                i.message
            );
        }
        assert_eq!(
            i.pointer,
            trillet_flows::issues::pointer(&i.path),
            "{name}: pointer and path disagree"
        );
        // The hand-written JSON (used by the wasm layer) is the serde text.
        assert_eq!(
            i.to_json_string(),
            serde_json::to_string(i).unwrap(),
            "{name}: issue JSON differs"
        );
    }
}

fn kind_of(f: &Json) -> Kind {
    match f["kind"].as_str() {
        Some("callFlow") => Kind::CallFlow,
        Some("messageFlow") => Kind::MessageFlow,
        other => panic!("unknown kind {other:?}"),
    }
}

fn check_output(name: &str, kind: Kind, opts: &Options, out: &Normalized, f: &Json) {
    if let Some(expected) = f.get("output") {
        let got = out.value.as_ref().map(Json::from).unwrap_or(Json::Null);
        // Key order is part of the contract: compare the text as well.
        assert_eq!(
            got.to_string(),
            expected.to_string(),
            "{name}: normalized output differs (key order included)"
        );
        assert_eq!(
            got,
            *expected,
            "{name}: normalized output differs\n got: {}\nwant: {}",
            serde_json::to_string_pretty(&got).unwrap(),
            serde_json::to_string_pretty(expected).unwrap()
        );
    }
    if let Some(v) = &out.value {
        // Idempotent, and its output validates with no error.
        let again = normalize(kind, v, opts);
        assert_eq!(
            again.value.as_ref(),
            Some(v),
            "{name}: normalize is not idempotent"
        );
        assert!(
            !again.issues.iter().any(Issue::is_error),
            "{name}: normalized output has errors: {:?}",
            again.issues
        );
        // Key order is part of the output: compare the text too.
        // (Numbers are written as given, serde writes the double's
        // shortest form: compare the texts read back.)
        let text = v.to_json_string();
        let reread = |t: &str| serde_json::from_str::<Json>(t).unwrap().to_string();
        assert_eq!(
            reread(&text),
            reread(&serde_json::to_string(v).unwrap()),
            "{name}: value JSON differs from serde's"
        );
        assert_eq!(
            again.value.unwrap().to_json_string(),
            text,
            "{name}: key order not stable"
        );
        // The typed model reads it and writes it back unchanged.
        if opts.unknown_keys != UnknownKeys::Keep {
            let typed = serde_json::Value::from(v);
            let back = match kind {
                Kind::CallFlow => serde_json::to_value(
                    serde_json::from_value::<trillet_flows::model::CallFlow>(typed.clone())
                        .unwrap_or_else(|e| {
                            panic!("{name}: model::CallFlow cannot read the output: {e}")
                        }),
                ),
                Kind::MessageFlow => serde_json::to_value(
                    serde_json::from_value::<trillet_flows::model::MessageFlow>(typed.clone())
                        .unwrap_or_else(|e| {
                            panic!("{name}: model::MessageFlow cannot read the output: {e}")
                        }),
                ),
            }
            .unwrap();
            // Compared as the core sees JSON (numbers as doubles: 0 == 0.0).
            // and as maps (the typed model keeps pass-through keys sorted).
            let canon = |j: Json| Json::from(&Value::from(j));
            assert_eq!(
                canon(back),
                canon(typed),
                "{name}: typed model round trip differs"
            );
        }
    }
}

/// A clone fixture: `response` (or `responseJson`) and optional `overrides`.
fn run_clone(name: &str, kind: Kind, opts: &Options, want: &[Want], f: &Json) {
    let overrides = f.get("overrides").map(|o| Value::from(o.clone()));
    let out = match (f.get("response"), f.get("responseJson")) {
        (Some(r), None) => {
            let v = Value::from(r.clone());
            let out = from_response(kind, &v, overrides.as_ref(), opts);
            check_issues(name, "clone", &out.issues, want);
            let as_text = from_response_json(
                kind,
                &serde_json::to_string(r).unwrap(),
                overrides.as_ref(),
                opts,
            );
            // The JSON text path agrees with the fixture (messages of
            // JSON text: `message`).
            check_issues(name, "clone (JSON text path)", &as_text.issues, want);
            assert_eq!(
                as_text.value, out.value,
                "{name}: JSON text path output differs"
            );
            assert!(
                as_text.issues.iter().all(|i| i.line.is_some()),
                "{name}: an issue from the response text has no line"
            );
            assert_eq!(v, Value::from(r.clone()), "{name}: response changed");
            out
        }
        (None, Some(t)) => from_response_json(kind, t.as_str().unwrap(), overrides.as_ref(), opts),
        _ => panic!("clone fixture needs exactly one of response, responseJson"),
    };
    // The lenient response models read every response a fixture holds.
    if let Some(r) = f.get("response") {
        let read = match kind {
            Kind::CallFlow => {
                serde_json::from_value::<trillet_flows::model::CallFlowResponse>(r.clone()).err()
            }
            Kind::MessageFlow => {
                serde_json::from_value::<trillet_flows::model::MessageFlowResponse>(r.clone()).err()
            }
        };
        assert!(
            read.is_none(),
            "{name}: the response model cannot read it: {read:?}"
        );
    }
    check_issues(name, "clone", &out.issues, want);
    assert!(
        !out.issues.iter().any(|i| i.code.as_str() == "read_only"),
        "{name}: a clone reports no read_only issue"
    );
    assert_eq!(
        out.value.is_some(),
        !has_error(want),
        "{name}: clone value vs errors"
    );
    check_messages(name, &out.issues);
    // check_output: the cloned value is a fixed point of normalize and
    // validates with no error.
    check_output(name, kind, opts, &out, f);
}

/// Runs one fixture (a path under tests/fixtures/). A failure prints
/// `FIXTURE FAILED tests/fixtures/...` under the assertion's message.
fn run_case(file: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(file);
    let name = format!("tests/fixtures/{file}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let f: Json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: not JSON: {e}"));
    let result = std::panic::catch_unwind(|| {
        let kind = kind_of(&f);
        let opts = options(&f);
        let want = expected_issues(&f);

        if let Some(build) = f.get("build") {
            let s = |k: &str| build.get(k).and_then(Json::as_str).map(str::to_owned);
            let b = BuildOptions {
                api_key: s("apiKey").unwrap_or_default(),
                workspace_id: s("workspaceId").unwrap_or_default(),
                base_url: s("baseUrl"),
                options: opts,
            };
            let res = match (f.get("input"), f.get("inputJson")) {
                (Some(i), _) => build_request(kind, &Value::from(i.clone()), &b),
                (None, Some(t)) => {
                    let res = build_request_json(kind, t.as_str().unwrap(), &b);
                    let payload: Vec<Issue> = res
                        .issues
                        .iter()
                        .filter(|i| {
                            !matches!(i.pointer.as_str(), "/apiKey" | "/workspaceId" | "/baseUrl")
                        })
                        .cloned()
                        .collect();
                    if payload.len() == res.issues.len() {
                        check_places(&name, &f, &payload);
                    }
                    res
                }
                _ => panic!("build fixture needs input or inputJson"),
            };
            check_issues(&name, "build", &res.issues, &want);
            check_messages(&name, &res.issues);
            if let Some(key) = s("apiKey").filter(|k| !k.is_empty()) {
                // Neither the issues' texts nor the request's debug output show it.
                // Each text as it is (`{:?}` of an issue would add quotes and
                // backslashes, making parts of a key that holds them where the
                // issue holds 7 characters of it), one after the other with a
                // separator that no fixture's key holds.
                let mut dump = format!("{:?}", res.request);
                for i in &res.issues {
                    for seg in &i.path {
                        if let trillet_flows::PathSegment::Key(k) = seg {
                            dump.push('\u{1}');
                            dump.push_str(k);
                        }
                    }
                    for t in [
                        Some(&i.pointer),
                        Some(&i.message),
                        i.expected.as_ref(),
                        i.received.as_ref(),
                    ]
                    .into_iter()
                    .flatten()
                    {
                        dump.push('\u{1}');
                        dump.push_str(t);
                    }
                }
                assert!(!dump.contains(&key), "{name}: the api key leaks");
                // Nor any 8-character part of it (a value cut short in a message).
                for part in key.as_bytes().windows(8) {
                    let part = String::from_utf8_lossy(part);
                    assert!(
                        !dump.contains(&*part),
                        "{name}: a part of the api key ({part}) leaks"
                    );
                }
            }
            if let Some(req) = f.get("request") {
                let got = match &res.request {
                    None => Json::Null,
                    Some(r) => serde_json::json!({
                        "method": r.method,
                        "url": r.url,
                        "headers": r.headers.iter().map(|(k, v)| (k.clone(), Json::String(v.clone()))).collect::<serde_json::Map<_, _>>(),
                        "body": serde_json::from_str::<Json>(&r.body).unwrap(),
                    }),
                };
                assert_eq!(got, *req, "{name}: request differs");
            }
            return;
        }

        if f.get("response").is_some() || f.get("responseJson").is_some() {
            run_clone(&name, kind, &opts, &want, &f);
            return;
        }

        if let Some(form) = f.get("form") {
            let fields: Vec<(String, String)> = form
                .as_array()
                .expect("form is a list of [name, value]")
                .iter()
                .map(|p| {
                    (
                        p[0].as_str().unwrap().to_owned(),
                        p[1].as_str().unwrap().to_owned(),
                    )
                })
                .collect();
            let out = from_form(kind, &fields, &opts);
            check_issues(&name, "form", &out.issues, &want);
            check_messages(&name, &out.issues);
            check_output(&name, kind, &opts, &out, &f);
            return;
        }

        let (report, out) = match (f.get("input"), f.get("inputJson")) {
            (Some(input), None) => {
                let v = Value::from(input.clone());
                let report = validate(kind, &v, &opts);
                let out = normalize(kind, &v, &opts);
                check_issues(&name, "validate", &report.issues, &want);
                // The JSON text path agrees with the fixture too (its
                // messages: `message`).
                let as_text = validate_json(kind, &serde_json::to_string(input).unwrap(), &opts);
                check_issues(&name, "JSON text path", &as_text.issues, &want);
                assert_eq!(v, Value::from(input.clone()), "{name}: input changed");
                (report, out)
            }
            (None, Some(t)) => {
                let t = t.as_str().expect("inputJson is a string");
                let report = validate_json(kind, t, &opts);
                check_places(&name, &f, &report.issues);
                (report, normalize_json(kind, t, &opts))
            }
            _ => panic!("fixture needs exactly one of input, inputJson, form"),
        };
        check_issues(&name, "validate", &report.issues, &want);
        assert_eq!(
            report.issues, out.issues,
            "{name}: validate and normalize disagree"
        );
        assert_eq!(report.valid, !has_error(&want), "{name}: valid flag wrong");
        assert_eq!(
            out.value.is_some(),
            report.valid,
            "{name}: normalize value vs valid"
        );
        check_messages(&name, &report.issues);
        check_output(&name, kind, &opts, &out, &f);
    });
    if let Err(e) = result {
        eprintln!("FIXTURE FAILED {name}");
        std::panic::resume_unwind(e);
    }
}

/// One `#[test]` per fixture file, in a module per folder:
/// `call_flow::direction_inbound` runs `call-flow/direction-inbound.json`.
/// The invocation is written by build.rs ($OUT_DIR/fixture_tests.rs).
macro_rules! fixture_tests {
    ($($folder:ident { $($case:ident => $file:literal,)* })*) => {
        $(mod $folder {
            $(#[test]
            fn $case() {
                super::run_case($file);
            })*
        })*
        /// Every fixture file build.rs saw.
        const ALL_FIXTURES: &[&str] = &[$($($file,)*)*];
    };
}
include!(concat!(env!("OUT_DIR"), "/fixture_tests.rs"));

/// The generated tests cover every fixture file on disk (build.rs reruns
/// when tests/fixtures/ changes; this catches a stale list all the same).
#[test]
fn every_fixture_file_has_a_test() {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).expect("fixtures dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, root, out);
            } else if p.extension().is_some_and(|x| x == "json") {
                let rel = p.strip_prefix(root).unwrap();
                let parts: Vec<_> = rel.iter().map(|c| c.to_string_lossy()).collect();
                out.push(parts.join("/"));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut on_disk = Vec::new();
    walk(&root, &root, &mut on_disk);
    on_disk.sort();
    let mut listed: Vec<String> = ALL_FIXTURES.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(listed, on_disk, "the generated fixture tests are stale");
    assert!(listed.len() > 10, "too few fixtures: {}", listed.len());
}
