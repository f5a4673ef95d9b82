//! Cost check (issue #10): an adversarial input within the limits costs at
//! most 20 times an ordinary input of the same size. A ratio measured in
//! one run, not a timed limit: each pair runs in turn, several rounds, and
//! the fastest time of each counts (noise on a shared machine only ever
//! adds time).

use std::time::{Duration, Instant};
use trillet_flows::{from_form, normalize_json, validate_json, Kind, Options};

const ROUNDS: usize = 7;
const MAX_RATIO: f64 = 20.0;
/// About this many bytes per input.
const SIZE: usize = 400_000;

fn fastest(f: &mut dyn FnMut()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

/// Runs both in turn; fails if `hostile` costs more than 20 times `ordinary`.
fn compare(what: &str, hostile: &mut dyn FnMut(), ordinary: &mut dyn FnMut()) {
    let (mut h, mut o) = (Duration::MAX, Duration::MAX);
    for round in 0..ROUNDS {
        // Alternate which goes first, so drift hits both alike.
        if round % 2 == 0 {
            h = h.min(fastest(hostile));
            o = o.min(fastest(ordinary));
        } else {
            o = o.min(fastest(ordinary));
            h = h.min(fastest(hostile));
        }
    }
    let ratio = h.as_secs_f64() / o.as_secs_f64().max(1e-9);
    eprintln!("{what}: {h:?} vs {o:?} ordinary ({ratio:.1}x)");
    assert!(
        ratio <= MAX_RATIO,
        "{what}: {ratio:.1}x an ordinary input of the same size ({h:?} vs {o:?})"
    );
}

/// An ordinary call flow of about `size` bytes: nodes with a few properties.
fn ordinary_json(size: usize) -> String {
    let mut t = String::from(r#"{"name":"Support","direction":"outbound","flowData":{"nodes":["#);
    let mut i = 0;
    while t.len() < size {
        if i > 0 {
            t.push(',');
        }
        t.push_str(&format!(
            r#"{{"id":"n{i}","type":"say","position":{{"x":{}.5,"y":{}}},"data":{{"text":"Hello, how can I help?","voice":"alloy"}}}}"#,
            i * 3,
            i * 7
        ));
        i += 1;
    }
    t.push_str(r#"],"edges":[]}}"#);
    t
}

/// Objects of 10,000 keys (the limit) that are all as costly as keys can be
/// for the key set: the same length and a long common prefix, so every
/// comparison reads most of both keys.
fn costly_keys_json(size: usize) -> String {
    let prefix = "k".repeat(40);
    let mut t = String::from(r#"{"name":"Support","direction":"outbound","flowData":{"nodes":["#);
    let mut node = 0;
    while t.len() < size {
        if node > 0 {
            t.push(',');
        }
        t.push_str(&format!(r#"{{"id":"n{node}","data":{{"#));
        for k in 0..10_000 {
            if t.len() >= size {
                break;
            }
            if k > 0 {
                t.push(',');
            }
            t.push_str(&format!(r#""{prefix}{k:08}":1"#));
        }
        t.push_str("}}");
        node += 1;
    }
    t.push_str(r#"],"edges":[]}}"#);
    t
}

/// Unknown keys at the root, up to the limit, then in webhooks (each an
/// unknown_key issue until the cap of 1,000).
fn many_unknown_keys_json(size: usize) -> String {
    let mut t = String::from(r#"{"name":"Support","direction":"outbound""#);
    let mut k = 0;
    while t.len() < size / 2 && k < 9_990 {
        t.push_str(&format!(r#","extraField{k}":1"#));
        k += 1;
    }
    t.push_str(r#","webhooks":["#);
    let mut w = 0;
    while t.len() < size {
        if w > 0 {
            t.push(',');
        }
        t.push_str(&format!(
            r#"{{"name":"w{w}","url":"https://h.example.com/x""#
        ));
        for j in 0..50 {
            t.push_str(&format!(r#","unknownThing{j}":true"#));
        }
        t.push('}');
        w += 1;
    }
    t.push_str("]}");
    t
}

fn form_size(fields: &[(String, String)]) -> usize {
    fields.iter().map(|(k, v)| k.len() + v.len()).sum()
}

/// An ordinary form of about `size` bytes: webhooks with a name, a URL
/// and a header (fields of about 100 bytes, so 400 KB stays within the
/// 10,000 fields of the limit).
fn ordinary_form(size: usize) -> Vec<(String, String)> {
    let mut f = vec![
        ("name".into(), "S".into()),
        ("direction".into(), "outbound".into()),
    ];
    let mut i = 0;
    while form_size(&f) < size {
        f.push((format!("webhooks[{i}].name"), format!("hook {i}")));
        f.push((
            format!("webhooks[{i}].url"),
            format!(
                "https://hooks.example.com/trillet/events/{i}/{}",
                "p".repeat(60)
            ),
        ));
        f.push((format!("webhooks[{i}].headers[X-Token]"), "t".repeat(90)));
        i += 1;
    }
    f
}

/// Names as deep as the limit allows (64 segments), then past it.
fn deep_form(size: usize) -> Vec<(String, String)> {
    let mut f = vec![
        ("name".into(), "S".into()),
        ("direction".into(), "outbound".into()),
    ];
    let mut i = 0;
    while form_size(&f) < size / 2 {
        f.push((format!("settings.x{i}{}", ".a".repeat(62)), "v".into()));
        i += 1;
    }
    while form_size(&f) < size {
        f.push((format!("settings{}", ".b".repeat(5_000)), "v".into()));
    }
    f
}

/// Few fields with long names: long keys, long bracket keys.
fn long_names_form(size: usize) -> Vec<(String, String)> {
    let mut f = vec![
        ("name".into(), "S".into()),
        ("direction".into(), "outbound".into()),
    ];
    let mut i = 0;
    while form_size(&f) < size {
        f.push((format!("settings.{}{i}", "n".repeat(10_000)), "v".into()));
        f.push((
            format!("webhooks[0].headers[{}{i}]", "h".repeat(10_000)),
            "v".into(),
        ));
        i += 1;
    }
    f
}

#[test]
fn adversarial_json_costs_at_most_20x_ordinary() {
    let opts = Options::default();
    let ordinary = ordinary_json(SIZE);
    assert!(normalize_json(Kind::CallFlow, &ordinary, &opts)
        .value
        .is_some());
    for (what, text) in [
        ("costly keys", costly_keys_json(SIZE)),
        ("many unknown keys", many_unknown_keys_json(SIZE)),
    ] {
        assert!(text.len() <= SIZE + 2_000, "{what}: {} bytes", text.len());
        let out = normalize_json(Kind::CallFlow, &text, &opts);
        assert!(out.value.is_some(), "{what}: {:?}", &out.issues[..1]);
        let n = ordinary.len().min(text.len());
        let ordinary = &ordinary_json(n);
        compare(
            &format!("validate_json, {what}"),
            &mut || {
                validate_json(Kind::CallFlow, &text, &opts);
            },
            &mut || {
                validate_json(Kind::CallFlow, ordinary, &opts);
            },
        );
        compare(
            &format!("normalize_json, {what}"),
            &mut || {
                normalize_json(Kind::CallFlow, &text, &opts);
            },
            &mut || {
                normalize_json(Kind::CallFlow, ordinary, &opts);
            },
        );
    }
}

#[test]
fn adversarial_forms_cost_at_most_20x_ordinary() {
    let opts = Options::default();
    for (what, fields) in [
        ("deep form names", deep_form(SIZE)),
        ("long form names", long_names_form(SIZE)),
    ] {
        let ordinary = ordinary_form(form_size(&fields));
        assert!(from_form(Kind::CallFlow, &ordinary, &opts).value.is_some());
        compare(
            &format!("from_form, {what}"),
            &mut || {
                from_form(Kind::CallFlow, &fields, &opts);
            },
            &mut || {
                from_form(Kind::CallFlow, &ordinary, &opts);
            },
        );
    }
}
