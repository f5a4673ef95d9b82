//! Property tests over random and mutated inputs (a seeded generator, so
//! every run checks the same cases; set PROPTEST_SEED to explore others):
//! - nothing panics, on any value, JSON text or form;
//! - validate and normalize agree;
//! - normalize's output is idempotent and validates with no error;
//! - the input is never changed.

use std::path::Path;
use trillet_flows::{
    from_form, normalize, normalize_json, validate, validate_json, Issue, Kind, Limits, Object,
    Options, UnknownKeys, Value,
};

/// xorshift64*: small, fast, good enough to pick cases.
struct Rng(u64);

impl Rng {
    fn new() -> Self {
        let seed = std::env::var("PROPTEST_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0x5eed_f10e_u64);
        Rng(seed | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Keys worth trying: every key of the schema (both payloads, documented
/// other places included), the server's keys, and junk.
fn schema_keys() -> &'static [&'static str] {
    static KEYS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let mut keys: Vec<&'static str> = Vec::new();
        for shape in trillet_flows::schema::SHAPES {
            for d in shape.fields {
                if !keys.contains(&d.key) {
                    keys.push(d.key);
                }
            }
        }
        keys.extend(trillet_flows::schema::READ_ONLY);
        keys.extend([
            "$schema",
            "__proto__",
            "constructor",
            "",
            "a/b",
            "~0",
            "x y",
        ]);
        keys
    })
}

const STRINGS: &[&str] = &[
    "",
    " ",
    "outbound",
    "inbound",
    "bidirectional",
    "Outbound",
    "simple",
    "user_initiated",
    "ai_custom",
    "ai_dynamic",
    "SMS",
    "Email",
    "EMAIL",
    "GET",
    "post",
    "09:00",
    "17:00",
    "24:00",
    "9:00",
    "UTC",
    "Asia/Calcutta",
    "america/new_york",
    "https://example.com/hook",
    "http://example.com",
    "ftp://x",
    "not a url",
    "676b8e123456789012345679",
    "agentUniqueId",
    "X-Token",
    "bad header",
    "a\r\nb",
    "n1",
    "n2",
    "é∑😀",
    "\u{0}",
];

fn random_value(rng: &mut Rng, depth: usize) -> Value {
    let leaf = depth >= 5 || rng.chance(45);
    if leaf {
        return match rng.below(7) {
            0 => Value::Null,
            1 => Value::Bool(rng.chance(50)),
            2 => Value::from(*rng.pick(&[0.0, -1.0, 1.5, 600.0, 1e300, -0.0])),
            3 if rng.chance(10) => Value::from(*rng.pick(&[f64::NAN, f64::INFINITY])),
            3 => Value::Alien(
                rng.pick(&["bigint", "Date", "cyclic reference", "undefined"])
                    .to_string(),
            ),
            _ => Value::String(rng.pick(STRINGS).to_string()),
        };
    }
    if rng.chance(40) {
        let n = rng.below(4);
        Value::Array((0..n).map(|_| random_value(rng, depth + 1)).collect())
    } else {
        let n = rng.below(6);
        Value::Object(
            (0..n)
                .map(|_| {
                    (
                        rng.pick(schema_keys()).to_string(),
                        random_value(rng, depth + 1),
                    )
                })
                .collect::<Object>(),
        )
    }
}

/// Changes one random place of `v`.
fn mutate(rng: &mut Rng, v: &mut Value, depth: usize) {
    let here = depth > 0 && rng.chance(30);
    match v {
        Value::Object(o) if !here && !o.is_empty() => {
            let keys: Vec<String> = o.keys().cloned().collect();
            let k = rng.pick(&keys).clone();
            match rng.below(10) {
                0 => {
                    o.remove(&k);
                }
                1 => o.insert(
                    rng.pick(schema_keys()).to_string(),
                    random_value(rng, depth + 1),
                ),
                _ => {
                    let mut child = o.get(&k).cloned().unwrap_or_default();
                    mutate(rng, &mut child, depth + 1);
                    o.insert(k, child);
                }
            }
        }
        Value::Array(a) if !here && !a.is_empty() => {
            let i = rng.below(a.len());
            match rng.below(8) {
                0 => {
                    a.remove(i);
                }
                1 => {
                    let dup = a[i].clone();
                    a.push(dup);
                }
                _ => mutate(rng, &mut a[i], depth + 1),
            }
        }
        _ => *v = random_value(rng, depth + 3),
    }
}

fn options(rng: &mut Rng) -> Options {
    Options {
        unknown_keys: *rng.pick(&[UnknownKeys::Strip, UnknownKeys::Keep, UnknownKeys::Reject]),
        limits: Limits::default(),
    }
}

/// The properties every input must have.
fn check(kind: Kind, input: &Value, opts: &Options, what: &str) {
    let before = input.clone();
    let report = validate(kind, input, opts);
    let out = normalize(kind, input, opts);
    // (Debug, not ==: NaN is not equal to itself.)
    assert_eq!(
        format!("{input:?}"),
        format!("{before:?}"),
        "{what}: input changed"
    );
    assert_eq!(
        report.issues, out.issues,
        "{what}: validate and normalize disagree"
    );
    assert_eq!(report.valid, out.value.is_some(), "{what}: valid vs value");
    assert_eq!(
        report.valid,
        !report.issues.iter().any(Issue::is_error),
        "{what}: valid flag"
    );
    for i in &report.issues {
        assert!(!i.message.is_empty(), "{what}: empty message");
        assert_eq!(
            i.pointer,
            trillet_flows::issues::pointer(&i.path),
            "{what}: pointer"
        );
    }
    for i in &report.issues {
        assert_eq!(
            i.to_json_string(),
            serde_json::to_string(i).unwrap(),
            "{what}: issue JSON"
        );
    }
    // Numbers are written as given, serde writes the double's shortest
    // form: compare the texts read back.
    let reread = |t: &str| {
        serde_json::from_str::<serde_json::Value>(t)
            .unwrap()
            .to_string()
    };
    assert_eq!(
        reread(&input.to_json_string()),
        reread(&serde_json::to_string(input).unwrap()),
        "{what}: value JSON"
    );
    if let Some(v) = &out.value {
        assert!(v.is_json(), "{what}: output is not JSON");
        let again = normalize(kind, v, opts);
        assert_eq!(
            again.value.as_ref(),
            Some(v),
            "{what}: not idempotent\n{}",
            v.to_json_string()
        );
        assert_eq!(
            again.value.as_ref().map(Value::to_json_string),
            Some(v.to_json_string()),
            "{what}: key order"
        );
        assert!(
            !again.issues.iter().any(Issue::is_error),
            "{what}: output has errors: {:?}",
            again.issues
        );
        // And through JSON text, the same.
        let text = normalize_json(kind, &v.to_json_string(), opts);
        assert_eq!(
            text.value.as_ref(),
            Some(v),
            "{what}: JSON text path differs"
        );
    }
}

fn fixture_inputs() -> Vec<(Kind, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for sub in ["call-flow", "message-flow"] {
        let mut files: Vec<_> = std::fs::read_dir(dir.join(sub))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for p in files {
            let f: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let kind = if f["kind"] == "callFlow" {
                Kind::CallFlow
            } else {
                Kind::MessageFlow
            };
            if let Some(i) = f.get("input") {
                out.push((kind, Value::from(i.clone())));
            }
        }
    }
    assert!(out.len() > 50, "fixtures not found");
    out
}

#[test]
fn random_values_keep_the_properties() {
    let mut rng = Rng::new();
    for case in 0..4000 {
        let kind = if rng.chance(50) {
            Kind::CallFlow
        } else {
            Kind::MessageFlow
        };
        let v = random_value(&mut rng, 0);
        let opts = options(&mut rng);
        check(
            kind,
            &v,
            &opts,
            &format!("random case {case}: {}", v.to_json_string()),
        );
    }
}

#[test]
fn mutated_fixtures_keep_the_properties() {
    let mut rng = Rng::new();
    let inputs = fixture_inputs();
    let mut valid_outputs = 0;
    for round in 0..40 {
        for (n, (kind, input)) in inputs.iter().enumerate() {
            let mut v = input.clone();
            for _ in 0..=rng.below(2) {
                mutate(&mut rng, &mut v, 0);
            }
            let opts = options(&mut rng);
            check(
                *kind,
                &v,
                &opts,
                &format!("round {round}, fixture {n}: {}", v.to_json_string()),
            );
            valid_outputs += usize::from(normalize(*kind, &v, &opts).value.is_some());
        }
    }
    // The mutations must leave many payloads valid, or the idempotence
    // checks above would test little.
    assert!(
        valid_outputs > 300,
        "only {valid_outputs} mutated payloads were valid"
    );
}

/// JSON text with one random break: cut short, a byte replaced or inserted,
/// or a trailing comma (None if that is no longer UTF-8).
fn broken(rng: &mut Rng, text: &str) -> Option<String> {
    let mut bytes = text.as_bytes().to_vec();
    match rng.below(4) {
        0 => bytes.truncate(rng.below(bytes.len())),
        1 => {
            let i = rng.below(bytes.len());
            bytes[i] = *rng.pick(b"{}[],:\"\\ x0-e.5u");
        }
        2 => {
            let i = rng.below(bytes.len());
            bytes.insert(i, *rng.pick(b",]}\"\\0.e-"));
        }
        _ => bytes.extend_from_slice(b" ,"),
    }
    String::from_utf8(bytes).ok()
}

#[test]
fn broken_json_text_never_panics() {
    let mut rng = Rng::new();
    let inputs = fixture_inputs();
    for (n, (kind, input)) in inputs.iter().enumerate() {
        let text = input.to_json_string();
        for _ in 0..20 {
            let Some(t) = broken(&mut rng, &text) else {
                continue;
            };
            let opts = Options::default();
            let r = validate_json(*kind, &t, &opts);
            let o = normalize_json(*kind, &t, &opts);
            assert_eq!(r.issues, o.issues, "fixture {n}: {t}");
            if let Some(first) = r.issues.first() {
                if matches!(first.code.as_str(), "invalid_json" | "too_large") {
                    assert_eq!(r.issues.len(), 1, "a text error stands alone: {t}");
                    assert!(
                        first.line.is_some() || first.code.as_str() == "too_large",
                        "{t}"
                    );
                }
            }
        }
    }
}

#[test]
fn hostile_sizes_are_too_large_not_a_crash() {
    let opts = Options::default();
    for text in [
        "[".repeat(1_000_000),
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        format!("{}1{}", "{\"a\":".repeat(50_000), "}".repeat(50_000)),
        format!("[{}0]", "0,".repeat(20_000)),
        "\"".to_owned() + &"\\u0000".repeat(200_000) + "\"",
    ] {
        let r = validate_json(Kind::CallFlow, &text, &opts);
        assert!(!r.valid);
        assert!(
            matches!(
                r.issues[0].code.as_str(),
                "too_large" | "invalid_json" | "invalid_type"
            ),
            "{:?}",
            r.issues[0]
        );
    }
    // A deep value built in Rust: checked without recursing past the limit.
    let mut v = Value::Null;
    for _ in 0..5_000 {
        let mut o = Object::new();
        o.push("a", v);
        v = Value::Object(o);
    }
    let r = validate(Kind::MessageFlow, &v, &opts);
    assert_eq!(r.issues[0].code.as_str(), "too_large");
    // Take it apart iteratively (a recursive drop of 5,000 levels is the
    // test's problem, not the library's).
    while let Value::Object(mut o) = v {
        v = o.remove("a").unwrap_or_default();
    }
}

#[test]
fn random_forms_never_panic() {
    let mut rng = Rng::new();
    let names = [
        "name",
        "direction",
        "isActive",
        "webhooks[0].url",
        "webhooks[3].name",
        "webhooks[0].headers[X-A]",
        "settings.welcomeMessageDelay",
        "settings.callSettings.maxCallDuration",
        "dynamicVariableCollections[1].isDefault",
        "flowData.nodes[0].id",
        "a..b",
        "[0]",
        "webhooks[x]",
        "webhooks[999999999]",
        "settings",
        "settings.security",
        "messageChannel",
        "agent",
        "prompt",
        "initiationMessage",
        "settings.responseSettings.workingHours.enabled",
    ];
    let values = [
        "",
        "true",
        "on",
        "0",
        "yes",
        "1.5",
        "-2",
        "abc",
        "outbound",
        "https://x.io",
        "SMS",
    ];
    for case in 0..3000 {
        let n = rng.below(8);
        let fields: Vec<(String, String)> = (0..n)
            .map(|_| (rng.pick(&names).to_string(), rng.pick(&values).to_string()))
            .collect();
        let kind = if rng.chance(50) {
            Kind::CallFlow
        } else {
            Kind::MessageFlow
        };
        let out = from_form(kind, &fields, &Options::default());
        assert_eq!(
            out.value.is_some(),
            !out.issues.iter().any(Issue::is_error),
            "form case {case}: {fields:?}"
        );
        if let Some(v) = &out.value {
            let again = normalize(kind, v, &Options::default());
            assert_eq!(
                again.value.as_ref(),
                Some(v),
                "form case {case}: not idempotent"
            );
        }
    }
}

/// The JSON parser agrees with serde_json: same texts accepted, same values
/// (numbers included), on the fixtures, mutations of them, and hand-picked
/// edge cases of the grammar.
#[test]
fn json_parser_agrees_with_serde_json() {
    let limits = Limits {
        max_bytes: usize::MAX,
        max_depth: 127,
        max_items: usize::MAX,
    };
    let check = |t: &str| {
        let ours = trillet_flows::json::parse(t, &limits).map_err(trillet_flows::Issue::from);
        let theirs = serde_json::from_str::<serde_json::Value>(t);
        match (&ours, theirs) {
            // Numbers compared as the doubles they read as (ours keep
            // their text; serde_json's Value keeps a double).
            (Ok(v), Ok(w)) => assert_eq!(serde_json::Value::from(v), w, "same value for {t:?}"),
            (Err(i), Err(_)) => {
                assert_eq!(i.code.as_str(), "invalid_json", "{t:?}");
                assert!(i.line.is_some() && i.column.is_some(), "{t:?}");
            }
            (o, w) => panic!("{t:?}: ours {o:?}, serde_json {w:?}"),
        }
    };
    for t in [
        "0",
        "-0",
        "-0.0",
        "1",
        "-1",
        "1.5",
        "1e3",
        "1E+3",
        "1e-3",
        "0.1",
        "123.456e-7",
        "9007199254740993",
        "18446744073709551615",
        "18446744073709551616",
        "123456789012345678901234567890",
        "1e308",
        "1e309",
        "-1e309",
        "1e-400",
        "2.5e-324",
        "0.30000000000000004",
        "1.7976931348623157e308",
        "4.9406564584124654e-324",
        "12345678901234567890.123",
        "1e22",
        "1e23",
        "9007199254740992e-22",
        "01",
        "-",
        "1.",
        ".5",
        "1e",
        "1e+",
        "+1",
        "- 1",
        "0x10",
        "1_000",
        "NaN",
        "Infinity",
        "true",
        "tru",
        "false",
        "null",
        "nul",
        "\"a\"",
        "\"\\u00e9\\uD83D\\uDE00\"",
        "\"\\uD83D\"",
        "\"\\uDE00\"",
        "\"\\uD83Dx\"",
        "\"\\x\"",
        "\"\\u12\"",
        "\"a\nb\"",
        "\"\\/\\b\\f\\n\\r\\t\"",
        "\"\u{7f}\u{e9}😀\"",
        "[]",
        "[1,]",
        "[,1]",
        "[1 2]",
        "{}",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{a:1}",
        "{\"a\":1,\"a\":2,\"b\":3}",
        "{\"a\":{\"b\":[1,{\"c\":null}]}}",
        " [ 1 , 2 ] ",
        "\u{feff}{}",
        "{} {}",
        "",
        " ",
        "[1]x",
        "\t\r\n[\t\r\n]\t\r\n",
    ] {
        check(t);
    }
    let mut rng = Rng::new();
    for (_, input) in fixture_inputs() {
        let text = input.to_json_string();
        check(&text);
        for _ in 0..20 {
            if let Some(t) = broken(&mut rng, &text) {
                check(&t);
            }
        }
    }
    // Random numbers, written the many ways JSON allows.
    for _ in 0..20_000 {
        let digits: String = (0..1 + rng.below(22))
            .map(|_| char::from(b'0' + rng.below(10) as u8))
            .collect();
        let digits = digits.trim_start_matches('0');
        let digits = if digits.is_empty() { "0" } else { digits };
        let mut t = String::new();
        if rng.chance(30) {
            t.push('-');
        }
        let cut = rng.below(digits.len() + 1);
        if cut == 0 || cut == digits.len() {
            t.push_str(digits);
        } else {
            t.push_str(&digits[..cut]);
            t.push('.');
            t.push_str(&digits[cut..]);
        }
        if rng.chance(40) {
            t.push(*rng.pick(&['e', 'E']));
            t.push_str(["", "+", "-"][rng.below(3)]);
            t.push_str(&rng.below(330).to_string());
        }
        check(&t);
    }
}

/// 100,000 random finite doubles (random bit patterns, `Math.random()`-like
/// fractions, large and tiny magnitudes) in flow node data come out of
/// normalize unchanged: from JSON text (the text written back verbatim, the
/// same double when read again) and from Rust values (the same double).
#[test]
fn random_doubles_pass_through_normalize_unchanged() {
    let mut rng = Rng::new();
    let mut doubles = Vec::with_capacity(100_000);
    while doubles.len() < 100_000 {
        let f = match doubles.len() % 4 {
            0 => f64::from_bits(rng.next()),
            1 => (rng.next() >> 11) as f64 / (1u64 << 53) as f64,
            2 => (rng.next() >> 11) as f64 * 10f64.powi(rng.below(40) as i32),
            _ => f64::from_bits(rng.next() >> rng.below(64)),
        };
        if f.is_finite() {
            doubles.push(f);
        }
    }
    // The issue's examples too.
    doubles.extend([
        0.20046571798452242,
        227277.28495374322,
        6.7e25,
        123456789012345680000.0,
        -0.0,
        5e-324,
        f64::MAX,
    ]);
    let opts = Options {
        limits: Limits {
            max_bytes: 64 << 20,
            ..Limits::default()
        },
        ..Options::default()
    };
    for chunk in doubles.chunks(10_000) {
        // JSON text, each number in the shortest round-trip form (as
        // JavaScript's JSON.stringify writes it, up to exponent spelling).
        let texts: Vec<String> = chunk
            .iter()
            .map(|f| Value::from(*f).to_json_string())
            .collect();
        let mut text = String::from(r#"{"name":"S","direction":"outbound","flowData":{"nodes":["#);
        for (i, group) in texts.chunks(100).enumerate() {
            if i > 0 {
                text.push(',');
            }
            text.push_str(&format!(
                r#"{{"id":"n{i}","position":{{"x":{},"y":{}}},"data":[{}]}}"#,
                group[0],
                group[1],
                group.join(",")
            ));
        }
        text.push_str(r#"],"edges":[]}}"#);
        let out = normalize_json(Kind::CallFlow, &text, &opts);
        let v = out.value.unwrap_or_else(|| panic!("{:?}", out.issues));
        let nodes = v
            .get("flowData")
            .and_then(|f| f.get("nodes"))
            .and_then(Value::as_array)
            .unwrap();
        let mut k = 0;
        for (i, node) in nodes.iter().enumerate() {
            let data = node.get("data").and_then(Value::as_array).unwrap();
            let pos = node.get("position").unwrap();
            assert_eq!(pos.get("x").unwrap().to_json_string(), texts[i * 100]);
            assert_eq!(pos.get("y").unwrap().to_json_string(), texts[i * 100 + 1]);
            for item in data {
                let Value::Number(n) = item else {
                    panic!("not a number")
                };
                assert_eq!(item.to_json_string(), texts[k], "text of {}", chunk[k]);
                assert_eq!(
                    n.as_f64().to_bits(),
                    chunk[k].to_bits(),
                    "double of {}",
                    texts[k]
                );
                k += 1;
            }
        }
        assert_eq!(k, chunk.len());
        // From a Rust value: the same doubles come out.
        let parsed = trillet_flows::json::parse(&text, &opts.limits).unwrap();
        let out = normalize(Kind::CallFlow, &parsed, &opts).value.unwrap();
        assert_eq!(out, v);
        let mut node = Object::new();
        node.push("id", Value::from("a"));
        node.push(
            "data",
            Value::Array(chunk.iter().map(|f| Value::from(*f)).collect()),
        );
        let mut root =
            trillet_flows::json::parse(r#"{"name":"S","direction":"outbound"}"#, &opts.limits)
                .unwrap();
        let mut fd = Object::new();
        fd.push("nodes", Value::Array(vec![Value::Object(node)]));
        fd.push("edges", Value::Array(vec![]));
        if let Value::Object(o) = &mut root {
            o.push("flowData", Value::Object(fd));
        }
        let out = normalize(Kind::CallFlow, &root, &opts).value.unwrap();
        let data = out
            .get("flowData")
            .and_then(|f| f.get("nodes"))
            .and_then(Value::as_array)
            .unwrap()[0]
            .get("data")
            .and_then(Value::as_array)
            .unwrap();
        for (item, f) in data.iter().zip(chunk) {
            let Value::Number(n) = item else {
                panic!("not a number")
            };
            assert_eq!(n.as_f64().to_bits(), f.to_bits(), "{f}");
        }
    }
}

/// Number texts that are not in shortest form (`1.50`, `1E5`, `-0`, long
/// digit strings) are written back exactly as given.
#[test]
fn number_texts_are_kept_verbatim() {
    for t in [
        "1.50",
        "1E5",
        "1e+05",
        "-0",
        "-0.0",
        "0.20046571798452242",
        "6.7e25",
        "123456789012345680000",
        "18446744073709551616",
        "3.141592653589793238462643383279502884197",
        "1e-400",
        "0.1e1",
    ] {
        let text = format!(
            r#"{{"name":"S","direction":"outbound","flowData":{{"nodes":[{{"id":"a","x":{t}}}],"edges":[]}}}}"#
        );
        let out = normalize_json(Kind::CallFlow, &text, &Options::default());
        let v = out.value.unwrap();
        let x = v
            .get("flowData")
            .and_then(|f| f.get("nodes"))
            .and_then(Value::as_array)
            .unwrap()[0]
            .get("x")
            .unwrap();
        assert_eq!(x.to_json_string(), t);
    }
}
