//! The core is layered (docs/ARCHITECTURE.md): each module of `src/` may use
//! only modules of its own layer or of the layers below, and the modules of
//! one layer use each other without a cycle. This test reads `src/**/*.rs`,
//! collects every `crate::module` a module names (in `use` lines and in
//! paths), and fails on a reference upwards, on a cycle, and on a module
//! that is not in the table below (a new module must be given a layer).
//!
//! What counts: code only. Comments, strings and `#[cfg(test)]` items are
//! left out (a unit test may drive its module through the public API), and
//! so are the crate root's `mod` declarations and `pub use` re-exports (its
//! facade); a name the root re-exports (`crate::Issue`) counts as a use of
//! the module it comes from (`issues`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layers, bottom first. `lib` is the crate root's own items (`Kind`,
/// `validate`, `normalize`, `Report`, `Normalized`): the entry points over
/// the rules, which forms, requests and clones call.
const LAYERS: &[(usize, &str, &[&str])] = &[
    (
        0,
        "values and paths",
        &["arena", "number", "path", "strset", "text", "value"],
    ),
    (1, "JSON text in and out", &["json", "locate", "write"]),
    (2, "issues", &["issues"]),
    (3, "the schema", &["model", "schema"]),
    (4, "the rules", &["rules"]),
    (5, "the entry points", &["lib"]),
    (
        6,
        "forms, requests, clones, the catalogue and JSON Schemas",
        &["catalogue", "clone", "form", "json_schema", "request"],
    ),
    (7, "the wasm layer", &["wasm"]),
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .find(|(_, _, mods)| mods.contains(&module))
        .map(|(n, _, _)| *n)
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The source with comments, string and char literals blanked (kept as
/// spaces and the quotes, so that nothing inside them reads as a path and
/// braces stay balanced).
fn code_only(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let prev_ident = |out: &String| out.chars().last().is_some_and(is_ident);
    while i < c.len() {
        let get = |j: usize| c.get(j).copied().unwrap_or('\0');
        if get(i) == '/' && get(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if get(i) == '/' && get(i + 1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if (get(i) == 'r' || (get(i) == 'b' && get(i + 1) == 'r')) && !prev_ident(&out) && {
            let k = if get(i) == 'r' { 1 } else { 2 };
            let mut h = k;
            while get(i + h) == '#' {
                h += 1;
            }
            get(i + h) == '"'
        } {
            // A raw string: r"…", r#"…"#, br"…".
            i += if get(i) == 'r' { 1 } else { 2 };
            let mut hashes = 0;
            while get(i) == '#' {
                hashes += 1;
                i += 1;
            }
            i += 1;
            loop {
                if i >= c.len() {
                    break;
                }
                if c[i] == '"' && (1..=hashes).all(|h| c.get(i + h) == Some(&'#')) {
                    i += 1 + hashes;
                    break;
                }
                i += 1;
            }
            out.push_str("\"\"");
        } else if get(i) == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if get(i) == '\'' && (get(i + 1) == '\\' || get(i + 2) == '\'') {
            // A char literal ('x', '\n', '\u{1f}'); a lifetime has no closing quote.
            i += 1;
            while i < c.len() && c[i] != '\'' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// The code without `#[cfg(test)]` items: after the attribute, everything
/// up to the item's `;` or through its balanced `{…}`.
fn without_tests(code: &str) -> String {
    const ATTR: &str = "#[cfg(test)]";
    let mut out = String::new();
    let mut rest = code;
    while let Some(n) = rest.find(ATTR) {
        out.push_str(&rest[..n]);
        let item = &rest[n + ATTR.len()..];
        let mut depth = 0usize;
        let mut end = item.len();
        for (k, ch) in item.char_indices() {
            match ch {
                ';' if depth == 0 => {
                    end = k + 1;
                    break;
                }
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = k + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

/// Removes each statement that starts with `start` (through its `;`).
fn without_statements(code: &str, start: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(n) = rest.find(start) {
        let boundary = n == 0 || !rest[..n].ends_with(is_ident);
        let end = rest[n..].find(';').map_or(rest.len(), |k| n + k + 1);
        out.push_str(&rest[..n]);
        if !boundary {
            out.push_str(&rest[n..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The leading identifier of `s` (after white space).
fn ident(s: &str) -> &str {
    let s = s.trim_start();
    &s[..s.find(|c: char| !is_ident(c)).unwrap_or(s.len())]
}

/// The first names of the paths after a `crate::`, each with whether more
/// of the path follows: `json` for `crate::json::parse`, `json` and `rules`
/// for `crate::{json, rules::x}`.
fn first_names(after: &str) -> Vec<(String, bool)> {
    let after = after.trim_start();
    if let Some(group) = after.strip_prefix('{') {
        let mut names = Vec::new();
        let mut depth = 0usize;
        let mut start = true;
        for (k, ch) in group.char_indices() {
            match ch {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => start = true,
                _ if start && !ch.is_whitespace() => {
                    names.push(named(&group[k..]));
                    start = false;
                }
                _ => {}
            }
        }
        names
    } else {
        vec![named(after)]
    }
}

fn named(s: &str) -> (String, bool) {
    let name = ident(s);
    let more = s.trim_start()[name.len()..].trim_start().starts_with("::");
    (name.to_owned(), more)
}

/// The modules each module refers to. `files`: (module, source) pairs; the
/// module of `src/rules/x.rs` is `rules`, of `src/lib.rs` is `lib`.
fn references(files: &[(String, String)]) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<&str> = files.iter().map(|(m, _)| m.as_str()).collect();
    // Names the root re-exports, by the module they come from.
    let mut reexports: BTreeMap<String, String> = BTreeMap::new();
    let root = files
        .iter()
        .find(|(m, _)| m == "lib")
        .map(|(_, s)| code_only(s));
    if let Some(root) = &root {
        let mut rest = root.as_str();
        while let Some(n) = rest.find("pub use ") {
            let stmt = &rest[n + 8..rest[n..].find(';').map_or(rest.len(), |k| n + k)];
            if let Some((module, names)) = stmt.split_once("::") {
                let module = module.trim().trim_start_matches("crate::").to_owned();
                for (name, _) in first_names(names) {
                    reexports.insert(name, module.clone());
                }
            }
            rest = &rest[n + 8..];
        }
    }
    // A module, a name the root re-exports, a module that does not exist
    // (`crate::nothing::x`), or an item of the root (`crate::validate`,
    // `crate::Kind::CallFlow`).
    let resolve = |name: &str, more: bool| -> String {
        if modules.contains(name) {
            name.to_owned()
        } else if let Some(m) = reexports.get(name) {
            m.clone()
        } else if more && name.starts_with(|c: char| c.is_ascii_lowercase()) {
            name.to_owned()
        } else {
            "lib".to_owned()
        }
    };
    let mut refs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, src) in files {
        let mut code = without_tests(&code_only(src));
        if module == "lib" {
            code = without_statements(&code, "pub use ");
            code = without_statements(&code, "mod ");
        }
        let set = refs.entry(module.clone()).or_default();
        let mut rest = code.as_str();
        while let Some(n) = rest.find("crate::") {
            let before = rest[..n].chars().last();
            if !before.is_some_and(|c| is_ident(c) || c == '$') {
                for (name, more) in first_names(&rest[n + 7..]) {
                    if !name.is_empty() && name != "self" {
                        set.insert(resolve(&name, more));
                    }
                }
            }
            rest = &rest[n + 7..];
        }
        // The root names its modules without `crate::` (`json::parse`).
        if module == "lib" {
            for m in &modules {
                let pat = format!("{m}::");
                let mut rest = code.as_str();
                while let Some(n) = rest.find(&pat) {
                    let before = rest[..n].chars().last();
                    if !before.is_some_and(|c| is_ident(c) || c == ':') {
                        set.insert(m.to_string());
                    }
                    rest = &rest[n + pat.len()..];
                }
            }
        }
        set.remove(module);
    }
    refs
}

/// Every breach of the layering, as sentences; empty when it holds.
fn check(files: &[(String, String)]) -> Vec<String> {
    let refs = references(files);
    let mut errors = Vec::new();
    for module in refs.keys() {
        if layer_of(module).is_none() {
            errors.push(format!(
                "module `{module}` has no layer: add it to LAYERS in tests/layers.rs (and to docs/ARCHITECTURE.md)"
            ));
        }
    }
    for (module, used) in &refs {
        let Some(mine) = layer_of(module) else {
            continue;
        };
        for other in used {
            match layer_of(other) {
                Some(theirs) if theirs > mine => errors.push(format!(
                    "`{module}` (layer {mine}) uses `{other}` (layer {theirs}), a layer above it"
                )),
                None if !refs.contains_key(other) => errors.push(format!(
                    "`{module}` uses `crate::{other}`, which is no module of src/"
                )),
                _ => {}
            }
        }
    }
    // Cycles: within a layer, the only kind left when no use goes upwards.
    fn visit(
        m: &str,
        refs: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        errors: &mut Vec<String>,
    ) {
        if done.contains(m) {
            return;
        }
        if let Some(k) = stack.iter().position(|s| s == m) {
            let mut cycle = stack[k..].to_vec();
            cycle.push(m.to_owned());
            errors.push(format!("a cycle: {}", cycle.join(" -> ")));
            return;
        }
        stack.push(m.to_owned());
        for next in refs.get(m).into_iter().flatten() {
            visit(next, refs, stack, done, errors);
        }
        stack.pop();
        done.insert(m.to_owned());
    }
    let mut done = BTreeSet::new();
    for m in refs.keys() {
        visit(m, &refs, &mut Vec::new(), &mut done, &mut errors);
    }
    errors
}

fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, top: Option<&str>, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).expect("src/").flatten().collect();
        entries.sort_by_key(|e| e.path());
        for e in entries {
            let p = e.path();
            let name = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            if p.is_dir() {
                walk(&p, Some(top.unwrap_or(name)), out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let module = top.unwrap_or(name).to_owned();
                out.push((module, std::fs::read_to_string(&p).expect("source")));
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        None,
        &mut out,
    );
    out
}

#[test]
fn each_module_uses_only_its_layer_and_those_below() {
    let files = sources();
    let refs = references(&files);
    assert!(
        refs.len() >= 15,
        "found only {} modules in src/: {:?}",
        refs.len(),
        refs.keys()
    );
    let errors = check(&files);
    let graph: Vec<String> = refs
        .iter()
        .map(|(m, used)| {
            let used: Vec<&str> = used.iter().map(String::as_str).collect();
            format!("  {m} -> {}", used.join(", "))
        })
        .collect();
    assert!(
        errors.is_empty(),
        "the layering is broken:\n- {}\n\nthe module graph:\n{}",
        errors.join("\n- "),
        graph.join("\n")
    );
}

/// The checker itself: it sees what it must, and only that.
#[test]
fn the_check_finds_upward_uses_cycles_and_unplaced_modules() {
    let f = |m: &str, s: &str| (m.to_owned(), s.to_owned());
    let files = vec![
        f(
            "lib",
            "pub mod json;\npub mod rules;\npub use issues::{Issue, IssueCode};\npub use rules::Options;\npub struct Kind;\nfn run() { json::parse(); }",
        ),
        // Upward: through a group, a re-exported root name and a full path.
        f(
            "json",
            "use crate::{value::Value, rules::quote};\nfn f() -> crate::Issue { crate::text::find(); }",
        ),
        f("value", "use crate::path::PathSegment;"),
        f("path", ""),
        f("text", ""),
        // Within a layer: a cycle.
        f("write", "use crate::locate::places;"),
        f("locate", "fn g() { crate::write::string(); }"),
        f("issues", "use crate::write::{key, string};"),
        // Not code: comments, strings, raw strings, test items.
        f(
            "rules",
            "use crate::issues::Issue;\nfn h() -> crate::Kind {}\n// crate::wasm::x\n/* crate::form */\nconst S: &str = \"crate::clone\";\nconst R: &str = r#\"crate::request \"#;\nlet c = '\"'; let d = '\\'';\n#[cfg(test)]\nmod tests { use crate::form; }\n#[cfg(test)]\nuse crate::wasm;",
        ),
        f("newthing", "use crate::value::Value;"),
        f("form", "use crate::nothing::Here;"),
    ];
    let refs = references(&files);
    let set = |m: &str| -> Vec<&str> { refs[m].iter().map(String::as_str).collect() };
    assert_eq!(set("lib"), ["json"]);
    assert_eq!(set("json"), ["issues", "rules", "text", "value"]);
    assert_eq!(set("rules"), ["issues", "lib"]);
    assert_eq!(set("form"), ["nothing"]);
    let mut errors = check(&files);
    errors.sort();
    assert_eq!(
        errors,
        [
            "`form` uses `crate::nothing`, which is no module of src/",
            "`json` (layer 1) uses `issues` (layer 2), a layer above it",
            "`json` (layer 1) uses `rules` (layer 4), a layer above it",
            "`rules` (layer 4) uses `lib` (layer 5), a layer above it",
            "a cycle: json -> rules -> lib -> json",
            "a cycle: write -> locate -> write",
            "module `newthing` has no layer: add it to LAYERS in tests/layers.rs (and to docs/ARCHITECTURE.md)",
        ]
    );
}
