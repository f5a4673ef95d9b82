//! The rules name fields through the schema (`Key` handles made from their
//! key), never by position: no `keys.get(4)`, no index arithmetic coupling
//! two key lists, no hand-kept key arrays. This reads `src/rules/*.rs` and
//! fails on any such line.

use std::path::Path;

/// A line that looks a field up by position or keeps a key list by hand:
/// `.get(4)`, `.get(i - 1)` / `.raw(2 + i)` (index arithmetic), `keys.get(i)`,
/// or an array of key strings.
fn positional(line: &str) -> Option<&'static str> {
    let l = line.trim_start();
    if l.starts_with("//") {
        return None;
    }
    let compact: String = l.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.contains("[&str;") || compact.contains("[&'staticstr;") {
        return Some("a hand-kept array of keys");
    }
    for pat in [".get(", ".raw("] {
        let mut from = 0;
        while let Some(i) = compact[from..].find(pat) {
            let start = from + i;
            let arg_at = start + pat.len();
            let arg: String = compact[arg_at..]
                .chars()
                .take_while(|c| *c != ')')
                .collect();
            let receiver: String = compact[..start]
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if arg.starts_with(|c: char| c.is_ascii_digit()) {
                return Some("a lookup by a literal position");
            }
            if arg.contains('+') || arg.contains('-') {
                return Some("a lookup by index arithmetic");
            }
            if matches!(receiver.as_str(), "keys" | "k" | "sk" | "skeys") && arg == "i" {
                return Some("a lookup in a key list by index");
            }
            from = arg_at;
        }
    }
    None
}

fn offenders(files: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (name, text) in files {
        let mut in_tests = false;
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("#[cfg(test)]") {
                in_tests = true;
            }
            if in_tests {
                continue;
            }
            if let Some(why) = positional(line) {
                out.push(format!("{name}:{}: {why}: {}", n + 1, line.trim()));
            }
        }
    }
    out
}

#[test]
fn rules_name_fields_by_key() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut files = Vec::new();
    for e in std::fs::read_dir(&dir).expect("src/rules").flatten() {
        let p = e.path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        // Grammars of strings (URLs, times, zone names), not fields.
        if name == "formats.rs" || name == "tz_names.rs" {
            continue;
        }
        if p.extension().is_some_and(|x| x == "rs") {
            let text = std::fs::read_to_string(&p).expect("read");
            files.push((p.file_name().unwrap().to_string_lossy().into_owned(), text));
        }
    }
    assert!(files.len() >= 6, "read {} files", files.len());
    let bad = offenders(&files);
    assert!(
        bad.is_empty(),
        "positional key lookups:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_check_finds_what_the_old_rules_did() {
    let old = r#"
const TOP: [&str; 19] = [
    let prompt_type = match keys.get(4) {
            (Some(k), Some(p)) => k.get(i - 1).map(|f| f.under(p)),
        fields[i] = ctx.moved(nested, keys.get(2 + i), &["workingHours", name]);
        let b = keys.get(i).and_then(|f| ctx.in_field(f, |c, v| c.boolean(v)));
    let x = w.get(PROMPT_TYPE);
    let y = keys.get(WH);
"#;
    let bad = offenders(&[("old.rs".into(), old.into())]);
    assert_eq!(bad.len(), 5, "{bad:#?}");
}
