//! The command line tool (native only).

use anstream::{eprintln, println};
use anstyle::{AnsiColor, Style};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Read;
use std::process::ExitCode;
use trillet_flows::{Issue, Kind, Options, Severity, UnknownKeys};

#[derive(Parser)]
#[command(
    name = "trillet-flows",
    version,
    about = "Check and normalize Trillet AI call flow and message flow JSON files."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check flow files (paths or globs; `-` reads standard input).
    Check {
        /// The flow kind; detected per file when not given.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// What to do with keys the endpoint does not define.
        #[arg(long, value_enum, default_value = "strip")]
        unknown_keys: UnknownArg,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        #[arg(required = true, value_name = "FILES_OR_GLOBS")]
        files: Vec<String>,
    },
    /// Print the canonical payload of a flow file (or write it back with --write).
    Normalize {
        /// The flow kind; detected when not given.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// What to do with keys the endpoint does not define.
        #[arg(long, value_enum, default_value = "strip")]
        unknown_keys: UnknownArg,
        /// Write the canonical payload back into the file, keeping its indentation.
        #[arg(long)]
        write: bool,
        #[arg(value_name = "FILE")]
        file: String,
    },
    /// Turn a flow as the API returns it (a GET of one flow) into a create payload.
    Clone {
        /// The flow kind; detected when not given.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// What to do with keys the endpoint does not define.
        #[arg(long, value_enum, default_value = "strip")]
        unknown_keys: UnknownArg,
        /// An override, `key=value` or `settings.key=value`; the value is JSON
        /// (`null` removes the key) or else a string.
        #[arg(long = "set", value_name = "KEY=VALUE")]
        set: Vec<String>,
        /// Write the payload to this file instead of standard output.
        #[arg(short = 'o', long = "out", value_name = "OUT")]
        out: Option<String>,
        #[arg(value_name = "RESPONSE")]
        file: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    Call,
    Message,
}

#[derive(Clone, Copy, ValueEnum)]
enum UnknownArg {
    Strip,
    Keep,
    Reject,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum Format {
    Human,
    Json,
    Github,
    Sarif,
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Command::Check {
            kind,
            unknown_keys,
            format,
            deny_warnings,
            files,
        } => check(kind, options(unknown_keys), format, deny_warnings, &files),
        Command::Normalize {
            kind,
            unknown_keys,
            write,
            file,
        } => normalize(kind, options(unknown_keys), write, &file),
        Command::Clone {
            kind,
            unknown_keys,
            set,
            out,
            file,
        } => clone(kind, options(unknown_keys), &set, out.as_deref(), &file),
    }
}

fn options(u: UnknownArg) -> Options {
    Options {
        unknown_keys: match u {
            UnknownArg::Strip => UnknownKeys::Strip,
            UnknownArg::Keep => UnknownKeys::Keep,
            UnknownArg::Reject => UnknownKeys::Reject,
        },
        ..Options::default()
    }
}

/// A file's kind: given, or detected (a top-level `messageChannel` or
/// `initiationMessage` makes a message flow).
fn kind_of(arg: Option<KindArg>, text: &str) -> (Kind, bool) {
    match arg {
        Some(KindArg::Call) => (Kind::CallFlow, false),
        Some(KindArg::Message) => (Kind::MessageFlow, false),
        None => {
            let v: Option<serde_json::Value> = serde_json::from_str(text).ok();
            let message = v.as_ref().and_then(|v| v.as_object()).is_some_and(|o| {
                o.contains_key("messageChannel") || o.contains_key("initiationMessage")
            });
            (
                if message {
                    Kind::MessageFlow
                } else {
                    Kind::CallFlow
                },
                true,
            )
        }
    }
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::CallFlow => "callFlow",
        Kind::MessageFlow => "messageFlow",
    }
}

fn kind_words(k: Kind) -> &'static str {
    match k {
        Kind::CallFlow => "call flow",
        Kind::MessageFlow => "message flow",
    }
}

/// Paths from the arguments: globs expanded (sorted), `-` kept.
fn expand(args: &[String]) -> (Vec<String>, Vec<String>) {
    let mut paths = Vec::new();
    let mut bad = Vec::new();
    for a in args {
        if a == "-" || !a.contains(['*', '?', '[']) {
            paths.push(a.clone());
            continue;
        }
        match glob::glob(a) {
            Ok(found) => {
                let mut list: Vec<String> = found
                    .flatten()
                    .filter(|p| p.is_file())
                    .map(|p| p.display().to_string())
                    .collect();
                if list.is_empty() {
                    bad.push(format!("{a}: no file matches this pattern"));
                }
                list.sort();
                paths.extend(list);
            }
            Err(e) => bad.push(format!("{a}: not a valid pattern: {e}")),
        }
    }
    (paths, bad)
}

fn read(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        return std::io::stdin()
            .read_to_string(&mut s)
            .map(|_| s)
            .map_err(|e| format!("<stdin>: cannot read: {e}"));
    }
    std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {}", io_reason(&e)))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::InvalidData => "not UTF-8 text".into(),
        _ => e.to_string(),
    }
}

struct Checked {
    path: String,
    text: String,
    kind: Kind,
    detected: bool,
    valid: bool,
    issues: Vec<Issue>,
}

fn check(
    kind: Option<KindArg>,
    opts: Options,
    format: Format,
    deny_warnings: bool,
    args: &[String],
) -> ExitCode {
    let (paths, mut unreadable) = expand(args);
    let mut files = Vec::new();
    for p in &paths {
        match read(p) {
            Ok(text) => {
                let (k, detected) = kind_of(kind, &text);
                let r = trillet_flows::validate_json(k, &text, &opts);
                files.push(Checked {
                    path: if p == "-" {
                        "<stdin>".into()
                    } else {
                        p.clone()
                    },
                    text,
                    kind: k,
                    detected,
                    valid: r.valid,
                    issues: r.issues,
                });
            }
            Err(e) => unreadable.push(e),
        }
    }
    for e in &unreadable {
        eprintln!("trillet-flows: {e}");
    }
    match format {
        Format::Human => human(&files),
        Format::Json => {
            for f in &files {
                let issues: Vec<serde_json::Value> = f
                    .issues
                    .iter()
                    .map(|i| serde_json::from_str(&i.to_json_string()).unwrap_or_default())
                    .collect();
                let o = serde_json::json!({
                    "path": f.path,
                    "kind": kind_name(f.kind),
                    "valid": f.valid,
                    "issues": issues,
                });
                println!("{o}");
            }
        }
        Format::Github => {
            for f in &files {
                for i in &f.issues {
                    let mut props = format!("file={}", prop(&f.path));
                    if let (Some(l), Some(c)) = (i.line, i.column) {
                        props.push_str(&format!(",line={l},col={c}"));
                    }
                    props.push_str(&format!(",title={}", prop(i.code.as_str())));
                    println!(
                        "::{} {props}::{}",
                        level(i),
                        data(&format!("{}: {}", shown_pointer(i), i.message))
                    );
                }
            }
        }
        Format::Sarif => println!("{}", sarif(&files)),
    }
    let errors = files.iter().flat_map(|f| &f.issues).any(|i| {
        i.severity == Severity::Error || (deny_warnings && i.severity == Severity::Warning)
    });
    if !unreadable.is_empty() {
        ExitCode::from(2)
    } else if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn level(i: &Issue) -> &'static str {
    match i.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn shown_pointer(i: &Issue) -> &str {
    if i.pointer.is_empty() {
        "/"
    } else {
        &i.pointer
    }
}

/// GitHub workflow command escaping of a message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}
/// ... and of a property value.
fn prop(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

fn plural(n: usize, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

fn human(files: &[Checked]) {
    let red = Style::new().fg_color(Some(AnsiColor::Red.into())).bold();
    let yellow = Style::new().fg_color(Some(AnsiColor::Yellow.into())).bold();
    let blue = Style::new().fg_color(Some(AnsiColor::Blue.into())).bold();
    let bold = Style::new().bold();
    let (mut errors, mut warnings) = (0, 0);
    for f in files {
        let lines: Vec<&str> = f.text.split('\n').collect();
        for i in &f.issues {
            let style = if i.is_error() { red } else { yellow };
            let place = match (i.line, i.column) {
                (Some(l), Some(c)) => format!("{}:{l}:{c}", f.path),
                _ => f.path.clone(),
            };
            println!(
                "{bold}{place}:{bold:#} {style}{}[{}]{style:#} {}: {}",
                level(i),
                i.code,
                shown_pointer(i),
                i.message
            );
            if let (Some(l), Some(c)) = (i.line, i.column) {
                if let Some(line) = lines.get(l - 1) {
                    let line = line.strip_suffix('\r').unwrap_or(line);
                    let n = l.to_string();
                    // The caret sits under the column (UTF-16 units, as the
                    // library counts; tabs kept so it lines up).
                    let mut pad = String::new();
                    let mut units = 0;
                    for ch in line.chars() {
                        if units + 1 >= c {
                            break;
                        }
                        units += ch.len_utf16();
                        pad.push(if ch == '\t' { '\t' } else { ' ' });
                    }
                    let gutter = " ".repeat(n.len());
                    println!("{blue}{n} |{blue:#} {line}");
                    println!("{blue}{gutter} |{blue:#} {pad}{style}^{style:#}");
                }
            }
            if i.is_error() {
                errors += 1;
            } else {
                warnings += 1;
            }
        }
        let (e, w) = (
            f.issues.iter().filter(|i| i.is_error()).count(),
            f.issues.iter().filter(|i| !i.is_error()).count(),
        );
        let verdict = if e + w == 0 {
            "ok".to_owned()
        } else {
            format!("{}, {}", plural(e, "error"), plural(w, "warning"))
        };
        println!(
            "{}: {}{}: {verdict}",
            f.path,
            kind_words(f.kind),
            if f.detected { " (detected)" } else { "" }
        );
    }
    println!(
        "{}, {}, {}",
        plural(files.len(), "file"),
        plural(errors, "error"),
        plural(warnings, "warning")
    );
}

fn sarif(files: &[Checked]) -> String {
    use serde_json::json;
    let mut codes: Vec<&str> = files
        .iter()
        .flat_map(|f| f.issues.iter().map(|i| i.code.as_str()))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    let rules: Vec<_> = codes
        .iter()
        .map(|c| json!({ "id": c, "name": c, "shortDescription": { "text": format!("trillet-flows {c}") } }))
        .collect();
    let mut results = Vec::new();
    for f in files {
        for i in &f.issues {
            let mut location = json!({
                "physicalLocation": {
                    "artifactLocation": { "uri": uri(&f.path) }
                }
            });
            if let (Some(l), Some(c)) = (i.line, i.column) {
                location["physicalLocation"]["region"] =
                    json!({ "startLine": l, "startColumn": c });
            }
            results.push(json!({
                "ruleId": i.code.as_str(),
                "ruleIndex": codes.iter().position(|c| *c == i.code.as_str()),
                "level": level(i),
                "message": { "text": format!("{}: {}", shown_pointer(i), i.message) },
                "locations": [location],
                "properties": { "pointer": i.pointer },
            }));
        }
    }
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "trillet-flows",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "utf16CodeUnits",
            "results": results,
        }]
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// A relative URI reference of a path (forward slashes, spaces and `%` escaped).
fn uri(path: &str) -> String {
    let mut out = String::new();
    for ch in path.replace('\\', "/").chars() {
        match ch {
            ' ' => out.push_str("%20"),
            '%' => out.push_str("%25"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            c => out.push(c),
        }
    }
    out
}

fn normalize(kind: Option<KindArg>, opts: Options, write: bool, path: &str) -> ExitCode {
    let text = match read(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("trillet-flows: {e}");
            return ExitCode::from(2);
        }
    };
    let (k, _) = kind_of(kind, &text);
    let n = trillet_flows::normalize_json(k, &text, &opts);
    let target = if write && path != "-" {
        Some(path)
    } else {
        None
    };
    emit(path, &text, &n, target)
}

/// Issues on standard error; the payload (indented as `text` is) on standard
/// output, or written to `target`.
fn emit(path: &str, text: &str, n: &trillet_flows::Normalized, target: Option<&str>) -> ExitCode {
    let shown = if path == "-" { "<stdin>" } else { path };
    for i in &n.issues {
        let place = match (i.line, i.column) {
            (Some(l), Some(c)) => format!("{shown}:{l}:{c}"),
            _ => shown.to_owned(),
        };
        eprintln!(
            "{place}: {}[{}] {}: {}",
            level(i),
            i.code,
            shown_pointer(i),
            i.message
        );
    }
    let Some(v) = &n.value else {
        return ExitCode::from(1);
    };
    let mut out = indent(&v.to_json_string(), &indent_of(text));
    out.push('\n');
    match target {
        Some(t) => {
            if let Err(e) = std::fs::write(t, out) {
                eprintln!("trillet-flows: {t}: cannot write: {}", io_reason(&e));
                return ExitCode::from(2);
            }
        }
        None => print!("{out}"),
    }
    ExitCode::SUCCESS
}

/// `--set key=value` as overrides: `settings.key` one level down; the value
/// is JSON when it parses (`null` removes the key), else the text itself.
fn overrides(set: &[String]) -> Result<serde_json::Value, String> {
    let mut top = serde_json::Map::new();
    for s in set {
        let Some((key, raw)) = s.split_once('=') else {
            return Err(format!(
                "--set {s}: give key=value, such as --set name=\"Copy of Support\""
            ));
        };
        let value =
            serde_json::from_str(raw).unwrap_or_else(|_| serde_json::Value::String(raw.to_owned()));
        match key.split_once('.') {
            Some(("settings", inner)) if !inner.is_empty() && !inner.contains('.') => {
                let settings = top
                    .entry("settings")
                    .or_insert_with(|| serde_json::Value::Object(Default::default()));
                match settings {
                    serde_json::Value::Object(m) => {
                        m.insert(inner.to_owned(), value);
                    }
                    _ => return Err(format!("--set {s}: `settings` is already set to a value that is not an object")),
                }
            }
            None if !key.is_empty() => {
                top.insert(key.to_owned(), value);
            }
            _ => {
                return Err(format!(
                    "--set {s}: overrides replace top-level keys and keys inside `settings` (settings.key=value)"
                ))
            }
        }
    }
    Ok(serde_json::Value::Object(top))
}

fn clone(
    kind: Option<KindArg>,
    opts: Options,
    set: &[String],
    out: Option<&str>,
    path: &str,
) -> ExitCode {
    let over = match overrides(set) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("trillet-flows: {e}");
            return ExitCode::from(2);
        }
    };
    let text = match read(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("trillet-flows: {e}");
            return ExitCode::from(2);
        }
    };
    let (k, _) = kind_of(kind, &text);
    let over = trillet_flows::Value::from(over);
    let given = if set.is_empty() { None } else { Some(&over) };
    let n = trillet_flows::from_response_json(k, &text, given, &opts);
    emit(path, &text, &n, out)
}

/// The indentation of the first indented line (two spaces when none is).
fn indent_of(text: &str) -> String {
    text.lines()
        .skip(1)
        .map(|l| {
            l.chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect::<String>()
        })
        .find(|w| !w.is_empty())
        .unwrap_or_else(|| "  ".into())
}

/// Compact JSON text, indented (numbers and strings kept as they are).
fn indent(compact: &str, unit: &str) -> String {
    let b = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut i = 0;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str(unit);
        }
    };
    while i < b.len() {
        let c = b[i];
        match c {
            b'"' => {
                let start = i;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                out.push_str(&compact[start..=i.min(b.len() - 1)]);
            }
            b'{' | b'[' => {
                let close = if c == b'{' { b'}' } else { b']' };
                if b.get(i + 1) == Some(&close) {
                    out.push(c as char);
                    out.push(close as char);
                    i += 1;
                } else {
                    out.push(c as char);
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c as char);
            }
            b',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            b':' => out.push_str(": "),
            _ => {
                let start = i;
                while i + 1 < b.len() && !matches!(b[i + 1], b',' | b'}' | b']' | b':') {
                    i += 1;
                }
                out.push_str(&compact[start..=i]);
            }
        }
        i += 1;
    }
    out
}
