//! from_form on any fields: the input is lines of `name=value`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use trillet_flows::Kind;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let fields: Vec<(String, String)> = text
        .split('\n')
        .map(|line| match line.split_once('=') {
            Some((k, v)) => (k.to_owned(), v.to_owned()),
            None => (line.to_owned(), String::new()),
        })
        .collect();
    let kind = if first & 0x80 != 0 {
        Kind::MessageFlow
    } else {
        Kind::CallFlow
    };
    let opts = trillet_flows_fuzz::options(first);
    let out = trillet_flows::from_form(kind, &fields, &opts);
    trillet_flows_fuzz::check_output(kind, &out, &opts);
});
