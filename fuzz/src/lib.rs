//! The properties every fuzz target checks (see `fuzz_targets/`).

use trillet_flows::{
    normalize, normalize_json, validate, validate_json, Issue, Kind, Normalized, Options, Value,
};

/// Options to fuzz with, picked by one byte of the input.
pub fn options(byte: u8) -> Options {
    let mut o = Options {
        unknown_keys: match byte % 3 {
            0 => trillet_flows::UnknownKeys::Strip,
            1 => trillet_flows::UnknownKeys::Keep,
            _ => trillet_flows::UnknownKeys::Reject,
        },
        ..Options::default()
    };
    if byte & 0x10 != 0 {
        o.limits.max_depth = 8;
        o.limits.max_items = 16;
    }
    o
}

fn has_error(issues: &[Issue]) -> bool {
    issues.iter().any(Issue::is_error)
}

/// A normalized output validates with no error and is a fixed point of
/// normalize (same value, same text, key order included).
pub fn check_output(kind: Kind, out: &Normalized, opts: &Options) {
    assert_eq!(
        out.value.is_some(),
        !has_error(&out.issues),
        "ok exactly when no error"
    );
    let Some(v) = &out.value else { return };
    assert!(v.is_json(), "the output is JSON");
    let again = validate(kind, v, opts);
    assert!(again.valid, "the output validates: {:?}", again.issues);
    let twice = normalize(kind, v, opts);
    assert_eq!(twice.value.as_ref(), Some(v), "normalize is a fixed point");
    assert_eq!(
        twice.value.as_ref().map(Value::to_json_string),
        Some(v.to_json_string()),
        "the fixed point has the same text"
    );
    // The output as text reads back as the same value.
    let text = v.to_json_string();
    let back = normalize_json(kind, &text, opts);
    assert_eq!(
        back.value.as_ref(),
        Some(v),
        "the output's text reads back the same"
    );
}

/// The flow nodes and edges of a call flow (pass-through data), as text.
fn flow_text(v: &Value) -> Option<(String, String)> {
    let fd = v.get("flowData")?;
    Some((
        fd.get("nodes")?.to_json_string(),
        fd.get("edges")?.to_json_string(),
    ))
}

/// validate and normalize of JSON text agree, the output keeps the
/// properties, and pass-through data (numbers included) comes out as it
/// went in.
pub fn check_json(kind: Kind, text: &str, opts: &Options) {
    let report = validate_json(kind, text, opts);
    let out = normalize_json(kind, text, opts);
    assert_eq!(report.valid, !has_error(&report.issues));
    assert_eq!(
        out.value.is_some(),
        report.valid,
        "normalize ok exactly when validate has no error"
    );
    if report.valid {
        assert_eq!(report.issues, out.issues, "the same issues");
    }
    check_output(kind, &out, opts);
    if let (Some(v), Ok(input)) = (&out.value, trillet_flows::json::parse(text, &opts.limits)) {
        if kind == Kind::CallFlow {
            if let (Some(a), Some(b)) = (flow_text(&input), flow_text(v)) {
                assert_eq!(a, b, "flow nodes and edges pass through unchanged");
            }
        }
    }
}
