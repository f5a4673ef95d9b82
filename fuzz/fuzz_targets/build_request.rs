//! build_request_json on any input: the first line is the api key, the
//! second the base URL (empty: the default), the rest the JSON text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use trillet_flows::request::build_request_json;
use trillet_flows::{BuildOptions, Issue, Kind};

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let mut parts = text.splitn(3, '\n');
    let key = parts.next().unwrap_or_default();
    let base = parts.next().unwrap_or_default();
    let body = parts.next().unwrap_or_default();
    let kind = if first & 0x80 != 0 {
        Kind::MessageFlow
    } else {
        Kind::CallFlow
    };
    let opts = BuildOptions {
        api_key: key.to_owned(),
        workspace_id: "6764d172953253138a3a70f4".to_owned(),
        base_url: (!base.is_empty()).then(|| base.to_owned()),
        options: trillet_flows_fuzz::options(first),
    };
    let out = build_request_json(kind, body, &opts);
    assert_eq!(
        out.request.is_some(),
        !out.issues.iter().any(Issue::is_error)
    );
    // No 8-character part of a key that long survives in any issue.
    // (A key that shares a part with the replacement text itself cannot
    // be checked this way.)
    let trimmed = key.trim();
    let overlaps = "[redacted]"
        .as_bytes()
        .windows(8)
        .any(|w| trimmed.as_bytes().windows(8).any(|k| k == w));
    if trimmed.len() >= 8 && !overlaps {
        let dump: String = out
            .issues
            .iter()
            // The texts as they are, one a line (the key has no newline: it
            // is the input's first line); `{:?}` would add quotes and
            // backslashes that make parts the issue does not hold.
            .map(|i| {
                format!(
                    "{}\n{}\n{}\n",
                    i.message,
                    i.expected.as_deref().unwrap_or_default(),
                    i.received.as_deref().unwrap_or_default()
                )
            })
            .collect();
        for part in trimmed.as_bytes().windows(8) {
            if let Ok(part) = std::str::from_utf8(part) {
                assert!(!dump.contains(part), "{part:?} of the key survives: {dump}");
            }
        }
    }
});
