//! The `trillet-flows` binary over the sample files in `tests/samples/`:
//! each output format compared exactly with a file in `tests/expected/`
//! (`TRILLET_BLESS=1 cargo test -p trillet-flows-cli` rewrites them), exit
//! statuses, and the SARIF output validated against the SARIF 2.1.0 schema.
#![cfg(not(target_arch = "wasm32"))]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// Runs the binary in `tests/` (so paths print as `samples/…`).
fn run(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut cmd = Command::cargo_bin("trillet-flows").unwrap();
    cmd.current_dir(dir()).args(args).env_remove("NO_COLOR");
    if let Some(s) = stdin {
        cmd.write_stdin(s);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn expect(name: &str, got: &str) {
    let path = dir().join("expected").join(name);
    if std::env::var_os("TRILLET_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (TRILLET_BLESS=1 writes it)", path.display()));
    assert_eq!(got, want, "output differs from {}", path.display());
}

const ALL: [&str; 5] = [
    "samples/broken.json",
    "samples/invalid.json",
    "samples/message.json",
    "samples/valid.json",
    "samples/warnings.json",
];

#[test]
fn human_output_of_every_sample() {
    let (code, out, err) = run(&["check", "samples/*.json"], None);
    assert_eq!(code, 1);
    assert_eq!(err, "");
    // Not a terminal: no colour.
    assert!(!out.contains('\u{1b}'));
    expect("all.human.txt", &out);
}

#[test]
fn json_output() {
    let mut args = vec!["check", "--format", "json"];
    args.extend(ALL);
    let (code, out, _) = run(&args, None);
    assert_eq!(code, 1);
    for line in out.lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("one JSON object a line");
    }
    expect("all.json.txt", &out);
}

#[test]
fn github_output() {
    let mut args = vec!["check", "--format", "github"];
    args.extend(ALL);
    let (code, out, _) = run(&args, None);
    assert_eq!(code, 1);
    expect("all.github.txt", &out);
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let mut args = vec!["check", "--format", "sarif"];
    args.extend(ALL);
    let (code, out, _) = run(&args, None);
    assert_eq!(code, 1);
    expect("all.sarif.json", &out);
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("schema/sarif-2.1.0.json")).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let v = jsonschema::draft7::new(&schema).expect("schema compiles");
    let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "SARIF output invalid: {errors:#?}");
    // And a broken document is caught (the check can fail).
    let mut bad = doc.clone();
    bad["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!v.is_valid(&bad));
}

#[test]
fn valid_file_exits_0() {
    let (code, out, _) = run(&["check", "samples/valid.json"], None);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "samples/valid.json: call flow (detected): ok\n1 file, 0 errors, 0 warnings\n"
    );
}

#[test]
fn warnings_alone_pass_unless_denied() {
    let (code, out, _) = run(&["check", "samples/warnings.json"], None);
    assert_eq!(code, 0);
    expect("warnings.human.txt", &out);
    let (code, _, _) = run(&["check", "--deny-warnings", "samples/warnings.json"], None);
    assert_eq!(code, 1);
}

#[test]
fn unknown_keys_reject_makes_an_error() {
    let (code, out, _) = run(
        &[
            "check",
            "--unknown-keys",
            "reject",
            "--format",
            "github",
            "samples/warnings.json",
        ],
        None,
    );
    assert_eq!(code, 1);
    assert!(
        out.contains(
            "::error file=samples/warnings.json,line=5,col=19,title=unknown_key::/descripton: "
        ),
        "{out}"
    );
}

#[test]
fn broken_json_is_reported_at_its_place() {
    let (code, out, _) = run(&["check", "samples/broken.json"], None);
    assert_eq!(code, 1);
    expect("broken.human.txt", &out);
}

#[test]
fn message_flow_is_detected_and_kind_can_be_forced() {
    let (code, out, _) = run(&["check", "samples/message.json"], None);
    assert_eq!(code, 1);
    assert!(
        out.contains("samples/message.json: message flow (detected): 4 errors, 0 warnings\n"),
        "{out}"
    );
    let (_, out, _) = run(
        &[
            "check",
            "--kind",
            "call",
            "--format",
            "json",
            "samples/message.json",
        ],
        None,
    );
    assert!(
        out.starts_with("{\"path\":\"samples/message.json\",\"kind\":\"callFlow\","),
        "{out}"
    );
}

#[test]
fn unreadable_path_exits_2_with_its_path() {
    let (code, out, err) = run(
        &["check", "samples/valid.json", "samples/no-such-file.json"],
        None,
    );
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "trillet-flows: samples/no-such-file.json: cannot read: no such file\n"
    );
    assert_eq!(
        out,
        "samples/valid.json: call flow (detected): ok\n1 file, 0 errors, 0 warnings\n"
    );
    let (code, _, err) = run(&["check", "samples/*.nothing"], None);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "trillet-flows: samples/*.nothing: no file matches this pattern\n"
    );
}

#[test]
fn usage_error_exits_2() {
    let (code, _, err) = run(&["check", "--format", "xml", "samples/valid.json"], None);
    assert_eq!(code, 2);
    assert!(err.contains("invalid value 'xml'"), "{err}");
    let (code, _, _) = run(&["check"], None);
    assert_eq!(code, 2);
}

#[test]
fn stdin() {
    let text = std::fs::read_to_string(dir().join("samples/invalid.json")).unwrap();
    let (code, out, _) = run(&["check", "-"], Some(&text));
    assert_eq!(code, 1);
    expect("stdin.human.txt", &out);
}

#[test]
fn normalize_prints_and_writes_with_the_files_indentation() {
    let (code, out, err) = run(&["normalize", "samples/warnings.json"], None);
    assert_eq!(code, 0);
    expect("warnings.normalized.json", &out);
    assert!(err.contains("warning[unknown_key] /descripton"), "{err}");
    let (code, out, err) = run(&["normalize", "samples/invalid.json"], None);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(
        err.starts_with("samples/invalid.json:2:11: error[empty] /name: "),
        "{err}"
    );
    // --write keeps a tab indentation.
    let tmp = std::env::temp_dir().join(format!("trillet-flows-cli-{}.json", std::process::id()));
    std::fs::write(&tmp, "{\n\t\"name\": \"A\",\n\t\"direction\": \"outbound\",\n\t\"flowData\": {\"nodes\": [{\"id\": \"n\", \"data\": {\"x\": 1.50}}], \"edges\": []}\n}\n").unwrap();
    let (code, out, _) = run(&["normalize", "--write", tmp.to_str().unwrap()], None);
    assert_eq!((code, out.as_str()), (0, ""));
    let written = std::fs::read_to_string(&tmp).unwrap();
    std::fs::remove_file(&tmp).ok();
    expect("tabs.normalized.json", &written);
    assert!(written.contains("\n\t\"name\": \"A\",\n"), "{written}");
}

#[test]
fn clone_turns_a_response_into_a_create_payload() {
    // The create response example of the source document: direction "inbound"
    // is the create endpoint's error, with its place in the response.
    let (code, out, err) = run(&["clone", "responses/call-flow.json"], None);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        "responses/call-flow.json:9:16: error[invalid_enum] /direction: `direction` is \"inbound\", but call flows cannot be created inbound; use `outbound` or `bidirectional` (a bidirectional flow also answers incoming calls).\n"
    );
    // Overrides fix it; server fields are gone without an issue; null removes a key.
    let (code, out, err) = run(
        &[
            "clone",
            "--set",
            "direction=bidirectional",
            "--set",
            "name=Copy of Customer Support Flow",
            "--set",
            "settings.customerLocation=null",
            "--set",
            "isActive=false",
            "responses/call-flow.json",
        ],
        None,
    );
    assert_eq!((code, err.as_str()), (0, ""));
    expect("clone.call-flow.json", &out);
    assert!(
        !out.contains("_id")
            && !out.contains("promptVersions")
            && !out.contains("customerLocation")
    );
    // -o writes the file; a malformed --set is a usage error.
    let tmp = std::env::temp_dir().join(format!("trillet-flows-clone-{}.json", std::process::id()));
    let (code, out, _) = run(
        &[
            "clone",
            "--set",
            "direction=outbound",
            "-o",
            tmp.to_str().unwrap(),
            "responses/call-flow.json",
        ],
        None,
    );
    assert_eq!((code, out.as_str()), (0, ""));
    let written = std::fs::read_to_string(&tmp).unwrap();
    std::fs::remove_file(&tmp).ok();
    assert!(written.contains("\"direction\": \"outbound\""), "{written}");
    let (code, _, err) = run(
        &["clone", "--set", "nokey", "responses/call-flow.json"],
        None,
    );
    assert_eq!(code, 2);
    assert!(err.contains("--set nokey: give key=value"), "{err}");
}
