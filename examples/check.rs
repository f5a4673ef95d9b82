//! `cargo run --example check -- call|message < payload.json`: prints the
//! issues and the normalized payload.
use std::io::Read;
use trillet_flows::{normalize_json, Kind, Options};

fn main() {
    let kind = match std::env::args().nth(1).as_deref() {
        Some("message") => Kind::MessageFlow,
        _ => Kind::CallFlow,
    };
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .expect("read stdin");
    let out = normalize_json(kind, &text, &Options::default());
    for i in &out.issues {
        println!("{:?} {} {}: {}", i.severity, i.code, i.pointer, i.message);
    }
    if let Some(v) = out.value {
        println!("{}", serde_json::to_string_pretty(&v).unwrap());
    }
}
