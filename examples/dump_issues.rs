// Temporary: prints every issue (code, path, severity, message) and output for
// many inputs, to compare two builds of the library.
use trillet_flows::*;
fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out)
        } else {
            out.push(p)
        }
    }
}
fn main() {
    let mut files = Vec::new();
    walk(std::path::Path::new("tests/fixtures"), &mut files);
    walk(
        std::path::Path::new("fuzz/corpus/json_call_flow"),
        &mut files,
    );
    walk(
        std::path::Path::new("fuzz/corpus/json_message_flow"),
        &mut files,
    );
    files.sort();
    for f in files {
        let raw = std::fs::read(&f).unwrap();
        let text = String::from_utf8_lossy(&raw).to_string();
        let mut texts = vec![text.clone()];
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
            for k in ["input", "response"] {
                if let Some(i) = v.get(k) {
                    texts.push(i.to_string());
                }
            }
            if let Some(i) = v.get("inputJson").and_then(|x| x.as_str()) {
                texts.push(i.to_string());
            }
        }
        for t in &texts {
            for kind in [Kind::CallFlow, Kind::MessageFlow] {
                for uk in [UnknownKeys::Strip, UnknownKeys::Keep, UnknownKeys::Reject] {
                    let opts = Options {
                        unknown_keys: uk,
                        ..Options::default()
                    };
                    let n = normalize_json(kind, t, &opts);
                    println!("== {} {:?} {:?}", f.display(), kind, uk);
                    for i in &n.issues {
                        println!("{:?} {:?} {:?} {}", i.code, i.path, i.severity, i.message);
                    }
                    println!("{:?}", n.value);
                    let r = validate_json(kind, t, &opts);
                    println!("valid {} {}", r.valid, r.issues.len());
                }
            }
        }
    }
}
