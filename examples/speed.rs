//! `cargo run --release --example speed`: native timing of the core on the
//! seed example and a generated 1,000-node flow (for profiling; the
//! benchmarks against other libraries are in bench/).
use std::time::Instant;
use trillet_flows::{json, validate, validate_json, Kind, Options, Value};

fn time(name: &str, n: u32, mut f: impl FnMut()) {
    for _ in 0..n / 10 {
        f();
    }
    let t = Instant::now();
    for _ in 0..n {
        f();
    }
    println!(
        "{name:<34} {:>9.2} µs",
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    );
}

fn big(nodes: usize) -> String {
    let mut s = String::from(r#"{"name":"Big","direction":"outbound","flowData":{"nodes":["#);
    for i in 0..nodes {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&format!(
            r#"{{"id":"n{i}","type":"say","position":{{"x":{i},"y":{}}},"data":{{"prompt":"Step {i}: say something helpful.","label":"Node {i}"}}}}"#,
            i * 2
        ));
    }
    s.push_str(r#"],"edges":["#);
    for i in 0..nodes * 3 / 2 {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&format!(
            r#"{{"id":"e{i}","source":"n{}","target":"n{}"}}"#,
            i % nodes,
            (i * 7 + 1) % nodes
        ));
    }
    s.push_str("]}}");
    s
}

fn main() {
    if std::env::args().nth(1).as_deref() == Some("profile-seed") {
        let fixture: serde_json::Value = serde_json::from_str(include_str!(
            "../tests/fixtures/call-flow/seed-example.json"
        ))
        .unwrap();
        let seed = fixture["input"].to_string();
        for _ in 0..20_000 {
            std::hint::black_box(validate_json(Kind::CallFlow, &seed, &Options::default()));
        }
        return;
    }
    if std::env::args().nth(1).as_deref() == Some("profile") {
        let text = big(1000);
        let v: Value = json::parse(&text, &Options::default().limits).unwrap();
        for _ in 0..50 {
            std::hint::black_box(validate(Kind::CallFlow, &v, &Options::default()));
        }
        return;
    }
    let fixture: serde_json::Value = serde_json::from_str(include_str!(
        "../tests/fixtures/call-flow/seed-example.json"
    ))
    .unwrap();
    let seed = fixture["input"].to_string();
    let opts = Options::default();
    time("parse seed", 20000, || {
        std::hint::black_box(json::parse(&seed, &opts.limits).unwrap());
    });
    let v = json::parse(&seed, &opts.limits).unwrap();
    time("validate seed (value)", 20000, || {
        std::hint::black_box(validate(Kind::CallFlow, &v, &opts));
    });
    time("validate_json seed", 20000, || {
        std::hint::black_box(validate_json(Kind::CallFlow, &seed, &opts));
    });
    let text = big(1000);
    println!("1,000-node flow: {} bytes", text.len());
    time("parse 1k", 200, || {
        std::hint::black_box(json::parse(&text, &opts.limits).unwrap());
    });
    let v: Value = json::parse(&text, &opts.limits).unwrap();
    time("validate 1k (value)", 200, || {
        std::hint::black_box(validate(Kind::CallFlow, &v, &opts));
    });
    time("validate_json 1k", 200, || {
        std::hint::black_box(validate_json(Kind::CallFlow, &text, &opts));
    });
}
