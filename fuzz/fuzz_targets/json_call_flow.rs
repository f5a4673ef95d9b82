//! validate_json / normalize_json of a call flow, on any UTF-8 text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    if let Ok(text) = std::str::from_utf8(rest) {
        trillet_flows_fuzz::check_json(
            trillet_flows::Kind::CallFlow,
            text,
            &trillet_flows_fuzz::options(first),
        );
    }
});
