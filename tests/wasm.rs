//! The bindings under wasm-bindgen-test, in Node and in headless Chromium:
//! every shared fixture through the exported functions (one test per file,
//! messages pinned), plus hostile JavaScript values. Run by scripts/test.sh.
#![cfg(target_arch = "wasm32")]

use js_sys::{Function, Reflect, JSON};
use serde_json::Value as Json;

/// The exports, with `options` always passed (undefined = left out).
#[allow(non_snake_case)]
mod api {
    use trillet_flows::wasm as w;
    use wasm_bindgen::JsValue;
    macro_rules! wrap {
        ($($f:ident),*) => {$(
            pub fn $f(input: JsValue, options: JsValue) -> JsValue {
                w::$f(input, options)
            }
        )*};
    }
    wrap!(
        validateCallFlow,
        validateMessageFlow,
        validateCallFlowJson,
        validateMessageFlowJson,
        normalizeCallFlow,
        normalizeMessageFlow,
        normalizeCallFlowJson,
        normalizeMessageFlowJson,
        buildCallFlowRequest,
        buildMessageFlowRequest,
        callFlowFromForm,
        messageFlowFromForm
    );
}
use api::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

fn js(json: &Json) -> JsValue {
    JSON::parse(&json.to_string()).expect("JSON.parse")
}
fn back(v: &JsValue) -> Json {
    serde_json::from_str(&String::from(JSON::stringify(v).expect("stringify"))).expect("JSON")
}
/// Runs JavaScript source returning a value (`return ...`).
fn eval(src: &str) -> JsValue {
    Function::new_no_args(src)
        .call0(&JsValue::NULL)
        .expect("eval")
}

/// (code, pointer, severity) of each issue.
fn brief(issues: &Json) -> Vec<(String, String, String)> {
    pinned(issues)
        .into_iter()
        .map(|(c, p, s, _)| (c, p, s))
        .collect()
}

/// The severity a code has when a fixture leaves it out.
fn default_severity(code: &str) -> String {
    trillet_flows::IssueCode::ALL
        .iter()
        .find(|c| c.as_str() == code)
        .map_or_else(
            || "error".to_owned(),
            |c| format!("{:?}", c.default_severity()).to_lowercase(),
        )
}

/// (code, pointer, severity, message) of each issue; the message is `None`
/// where a fixture does not pin it (which fails the case).
type Pinned = Vec<(String, String, String, Option<String>)>;

fn pinned(issues: &Json) -> Pinned {
    issues
        .as_array()
        .expect("issues array")
        .iter()
        .map(|i| {
            (
                i["code"].as_str().unwrap_or_default().to_owned(),
                i["pointer"].as_str().unwrap_or_default().to_owned(),
                i["severity"].as_str().unwrap_or_default().to_owned(),
                i["message"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

/// The issues differ from the expected ones (messages included): a listing
/// of both, each difference marked.
fn issues_diff(name: &str, got: &Pinned, want: &Pinned) -> Option<String> {
    if got == want && want.iter().all(|w| w.3.is_some()) {
        return None;
    }
    let show = |i: &(String, String, String, Option<String>)| {
        let m =
            i.3.as_ref()
                .map_or_else(|| "(no \"message\")".to_owned(), |m| format!("{m:?}"));
        format!("{} at {:?} ({}): {m}", i.0, i.1, i.2)
    };
    let mut text = format!("{name}: issues differ\n");
    for n in 0..got.len().max(want.len()) {
        let (g, w) = (got.get(n), want.get(n));
        let mark = match (g, w) {
            (Some(g), Some(w)) if (&g.0, &g.1, &g.2) != (&w.0, &w.1, &w.2) => {
                "  <- code, pointer or severity"
            }
            (Some(_), Some(w)) if w.3.is_none() => "  <- the fixture pins no message",
            (Some(g), Some(w)) if g.3 != w.3 => "  <- message",
            (Some(_), Some(_)) => "",
            (Some(_), None) => "  <- not expected",
            (None, _) => "  <- not reported",
        };
        text.push_str(&format!("  issue {n}{mark}\n"));
        if let Some(g) = g {
            text.push_str(&format!("     got: {}\n", show(g)));
        }
        if let Some(w) = w {
            text.push_str(&format!("    want: {}\n", show(w)));
        }
    }
    Some(text)
}

fn run(name: &str, text: &str) -> Result<(), String> {
    let f: Json = serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))?;
    let call = f["kind"] == "callFlow";
    let want: Pinned = f["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let code = i["code"].as_str().unwrap().to_owned();
            let sev = i
                .get("severity")
                .and_then(Json::as_str)
                .map_or_else(|| default_severity(&code), str::to_owned);
            let message = i.get("message").and_then(Json::as_str).map(str::to_owned);
            (
                code,
                i["pointer"].as_str().unwrap().to_owned(),
                sev,
                message,
            )
        })
        .collect();
    let opts = f.get("options").map(js).unwrap_or(JsValue::UNDEFINED);

    let (issues, output) = if let Some(build) = f.get("build") {
        let mut b = build.clone();
        if let (Some(o), Some(extra)) = (
            b.as_object_mut(),
            f.get("options").and_then(Json::as_object),
        ) {
            for (k, v) in extra {
                o.insert(k.clone(), v.clone());
            }
        }
        let input = match (f.get("input"), f.get("inputJson")) {
            (Some(i), _) => js(i),
            (None, Some(t)) => JSON::parse(t.as_str().unwrap()).unwrap_or(JsValue::UNDEFINED),
            _ => return Err(format!("{name}: no input")),
        };
        if f.get("inputJson").is_some() && JSON::parse(f["inputJson"].as_str().unwrap()).is_err() {
            return Ok(()); // JSON text that JS cannot parse: nothing to pass as an object
        }
        let out = back(&if call {
            buildCallFlowRequest(input, js(&b))
        } else {
            buildMessageFlowRequest(input, js(&b))
        });
        if let Some(key) = build
            .get("apiKey")
            .and_then(Json::as_str)
            .filter(|k| !k.is_empty())
        {
            if out["issues"].to_string().contains(key) {
                return Err(format!("{name}: api key leaked"));
            }
        }
        if let Some(req) = f.get("request") {
            let got = match out.get("request") {
                None => Json::Null,
                Some(r) => {
                    let mut r = r.clone();
                    let body: Json = serde_json::from_str(r["body"].as_str().unwrap()).unwrap();
                    r["body"] = body;
                    r
                }
            };
            if got != *req {
                return Err(format!("{name}: request differs: {got}"));
            }
        }
        (out["issues"].clone(), None)
    } else if f.get("response").is_some() || f.get("responseJson").is_some() {
        let over = f.get("overrides").map_or(JsValue::UNDEFINED, js);
        let out = back(&match (f.get("response"), call) {
            (Some(r), true) => trillet_flows::wasm::callFlowFromResponse(js(r), over, opts),
            (Some(r), false) => trillet_flows::wasm::messageFlowFromResponse(js(r), over, opts),
            (None, true) => trillet_flows::wasm::callFlowFromResponseJson(
                f["responseJson"].as_str().unwrap().into(),
                over,
                opts,
            ),
            (None, false) => trillet_flows::wasm::messageFlowFromResponseJson(
                f["responseJson"].as_str().unwrap().into(),
                over,
                opts,
            ),
        });
        (out["issues"].clone(), Some(out))
    } else if let Some(form) = f.get("form") {
        let params = Reflect::construct(
            &Reflect::get(&js_sys::global(), &"URLSearchParams".into())
                .unwrap()
                .into(),
            &js_sys::Array::new(),
        )
        .unwrap();
        let append: Function = Reflect::get(&params, &"append".into()).unwrap().into();
        for pair in form.as_array().unwrap() {
            append
                .call2(
                    &params,
                    &pair[0].as_str().unwrap().into(),
                    &pair[1].as_str().unwrap().into(),
                )
                .unwrap();
        }
        let out = back(&if call {
            callFlowFromForm(params, opts)
        } else {
            messageFlowFromForm(params, opts)
        });
        (out["issues"].clone(), Some(out))
    } else if let Some(t) = f.get("inputJson") {
        let t: JsValue = t.as_str().unwrap().into();
        let v = back(&if call {
            validateCallFlowJson(t.clone(), opts.clone())
        } else {
            validateMessageFlowJson(t.clone(), opts.clone())
        });
        let n = back(&if call {
            normalizeCallFlowJson(t, opts)
        } else {
            normalizeMessageFlowJson(t, opts)
        });
        if v["issues"] != n["issues"] {
            return Err(format!("{name}: validate and normalize disagree"));
        }
        // Expected `line` and `column` (where given) match.
        if let (Some(got), Some(want)) = (v["issues"].as_array(), f["issues"].as_array()) {
            for (n, (g, w)) in got.iter().zip(want).enumerate() {
                for key in ["line", "column"] {
                    if w.get(key).is_some() && g.get(key) != w.get(key) {
                        return Err(format!(
                            "{name}: issue {n} {key}: got {:?}, want {:?}",
                            g.get(key),
                            w.get(key)
                        ));
                    }
                }
            }
        }
        (v["issues"].clone(), Some(n))
    } else {
        let input = js(&f["input"]);
        let before = back(&input);
        let v = back(&if call {
            validateCallFlow(input.clone(), opts.clone())
        } else {
            validateMessageFlow(input.clone(), opts.clone())
        });
        let n = back(&if call {
            normalizeCallFlow(input.clone(), opts)
        } else {
            normalizeMessageFlow(input.clone(), opts)
        });
        if back(&input) != before {
            return Err(format!("{name}: input mutated"));
        }
        if v["valid"].as_bool() != Some(!want.iter().any(|w| w.2 == "error")) {
            return Err(format!("{name}: valid flag wrong"));
        }
        (v["issues"].clone(), Some(n))
    };
    if let Some(diff) = issues_diff(name, &pinned(&issues), &want) {
        return Err(diff);
    }
    if let (Some(out), Some(expected)) = (output, f.get("output")) {
        let got = out.get("value").cloned().unwrap_or(Json::Null);
        if got != *expected {
            return Err(format!(
                "{name}: output differs\n got: {got}\nwant: {expected}"
            ));
        }
    }
    Ok(())
}

/// One `#[wasm_bindgen_test]` per fixture file, in a module per folder
/// (`call_flow::direction_inbound`), each with the file's text embedded
/// (no filesystem here). The invocation is written by build.rs.
macro_rules! fixture_tests {
    ($($folder:ident { $($case:ident => $file:literal,)* })*) => {
        $(mod $folder {
            use wasm_bindgen_test::*;
            $(#[wasm_bindgen_test]
            fn $case() {
                let text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/", $file));
                if let Err(e) = super::run(concat!("tests/fixtures/", $file), text) {
                    panic!("FIXTURE FAILED tests/fixtures/{}\n{e}", $file);
                }
            })*
        })*
        const ALL_FIXTURES: &[&str] = &[$($($file,)*)*];
    };
}
include!(concat!(env!("OUT_DIR"), "/fixture_tests.rs"));

#[wasm_bindgen_test]
fn fixtures_are_embedded() {
    assert!(ALL_FIXTURES.len() > 10, "fixtures not embedded");
}

/// (JavaScript expression, pointer, received) for values JSON cannot carry.
const HOSTILE: &[(&str, &str, &str)] = &[
    ("{ ...base, description: 10n }", "/description", "bigint"),
    ("{ ...base, description: Symbol('x') }", "/description", "symbol"),
    ("{ ...base, description: () => 1 }", "/description", "function"),
    ("{ ...base, description: new Date(0) }", "/description", "Date"),
    ("{ ...base, description: new Map() }", "/description", "Map"),
    ("{ ...base, description: new (class Foo {})() }", "/description", "Foo"),
    ("{ ...base, isActive: new Boolean(true) }", "/isActive", "Boolean"),
    ("{ ...base, settings: { welcomeMessageDelay: NaN } }", "/settings/welcomeMessageDelay", "NaN"),
    ("{ ...base, settings: { welcomeMessageDelay: Infinity } }", "/settings/welcomeMessageDelay", "Infinity"),
    ("{ ...base, flowData: { nodes: [{ id: 'a', data: 1n }] } }", "/flowData/nodes/0/data", "bigint"),
    ("{ ...base, flowData: { nodes: [{ id: 'a', data: NaN }] } }", "/flowData/nodes/0/data", "NaN"),
    ("{ ...base, settings: { transfers: [undefined] } }", "/settings/transfers/0", "undefined"),
    ("{ ...base, settings: { transfers: [1, , 2] } }", "/settings/transfers/1", "undefined"),
    ("{ ...base, get description() { throw new Error('boom') } }", "/description", "throwing getter"),
    ("(() => { const o = { ...base, flowData: { nodes: [] } }; o.flowData.nodes.push({ id: 'a', data: o }); return o })()", "/flowData/nodes/0/data", "cyclic reference"),
    ("undefined", "", "undefined"),
    ("10n", "", "bigint"),
];

#[wasm_bindgen_test]
fn hostile_values_are_issues_at_their_path() {
    for (expr, pointer, received) in HOSTILE {
        let input = eval(&format!(
            "const base = {{ name: 'n', direction: 'outbound' }}; return {expr};"
        ));
        let out = back(&validateCallFlow(input.clone(), JsValue::UNDEFINED));
        assert_eq!(out["valid"], false, "{expr}: {out}");
        let issues = out["issues"].as_array().unwrap();
        assert!(
            issues.iter().any(|i| i["pointer"] == *pointer
                && i["received"] == *received
                && (i["code"] == "invalid_type" || i["code"] == "too_small")),
            "{expr}: no issue at {pointer} received {received}: {out}"
        );
        let n = back(&normalizeCallFlow(input, JsValue::UNDEFINED));
        assert_eq!(n["ok"], false, "{expr}");
    }
    // The module still works after all of that.
    let ok = back(&validateCallFlow(
        eval("return { name: 'n', direction: 'outbound' }"),
        JsValue::UNDEFINED,
    ));
    assert_eq!(ok["valid"], true);
}

#[wasm_bindgen_test]
fn undefined_properties_are_missing() {
    let out = back(&normalizeCallFlow(
        eval("return { name: 'n', direction: 'outbound', description: undefined }"),
        JsValue::UNDEFINED,
    ));
    assert_eq!(out["ok"], true, "{out}");
    assert!(out["value"].get("description").is_none());
    let out = back(&validateCallFlow(
        eval("return { name: undefined, direction: 'outbound' }"),
        JsValue::UNDEFINED,
    ));
    assert_eq!(
        brief(&out["issues"]),
        vec![("required".into(), "/name".into(), "error".into())]
    );
}

#[wasm_bindgen_test]
fn proto_keys_are_data() {
    let input = eval("return JSON.parse('{\"name\":\"n\",\"direction\":\"outbound\",\"__proto__\":{\"isAdmin\":true}}')");
    let out = normalizeCallFlow(input, eval("return { unknownKeys: 'keep' }"));
    let value = Reflect::get(&out, &"value".into()).unwrap();
    let proto: JsValue = js_sys::Object::get_prototype_of(&value).into();
    assert!(
        proto == eval("return Object.prototype"),
        "prototype changed"
    );
    let own =
        Reflect::get_own_property_descriptor(&value.clone().into(), &"__proto__".into()).unwrap();
    assert!(!own.is_undefined(), "__proto__ kept as an own key");
    let polluted = eval("return ({}).isAdmin");
    assert!(polluted.is_undefined(), "Object.prototype polluted");
}

#[wasm_bindgen_test]
fn deep_and_huge_inputs_are_too_large() {
    let deep = eval("let v = {}; for (let i = 0; i < 100000; i++) v = { a: v }; return { name: 'n', direction: 'outbound', flowData: { nodes: [{ id: 'x', data: v }] } }");
    let out = back(&validateCallFlow(deep, JsValue::UNDEFINED));
    assert_eq!(out["issues"][0]["code"], "too_large", "{out}");
    let wide = eval("return { name: 'n', direction: 'outbound', settings: { transfers: new Array(20000).fill(1) } }");
    let out = back(&validateCallFlow(wide, JsValue::UNDEFINED));
    assert_eq!(
        brief(&out["issues"]),
        vec![(
            "too_large".into(),
            "/settings/transfers".into(),
            "error".into()
        )]
    );
    let deep_text: JsValue = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000)).into();
    let out = back(&validateCallFlowJson(deep_text, JsValue::UNDEFINED));
    assert_eq!(out["issues"][0]["code"], "too_large", "{out}");
    let bad: JsValue = "{\"name\": 1,,}".into();
    let out = back(&validateCallFlowJson(bad, JsValue::UNDEFINED));
    assert_eq!(out["issues"][0]["code"], "invalid_json");
    assert_eq!(out["issues"][0]["line"], 1);
    let out = back(&validateCallFlowJson(JsValue::from(5), JsValue::UNDEFINED));
    assert_eq!(out["issues"][0]["code"], "invalid_type");
}

#[wasm_bindgen_test]
fn bad_options_are_issues() {
    let base = eval("return { name: 'n', direction: 'outbound' }");
    let out = back(&validateCallFlow(
        base.clone(),
        eval("return { unknownKeys: 'nope', maxDepth: -1 }"),
    ));
    assert_eq!(
        brief(&out["issues"]),
        vec![
            (
                "invalid_enum".into(),
                "/options/unknownKeys".into(),
                "error".into()
            ),
            (
                "invalid_type".into(),
                "/options/maxDepth".into(),
                "error".into()
            )
        ]
    );
    let out = back(&buildCallFlowRequest(
        base,
        eval("return { apiKey: 'k\\r\\nx', workspaceId: 5 }"),
    ));
    assert_eq!(out["ok"], false);
    let codes: Vec<_> = out["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].clone())
        .collect();
    assert!(
        codes.contains(&"invalid_header".into()) && codes.contains(&"invalid_type".into()),
        "{out}"
    );
}

#[wasm_bindgen_test]
fn forms_accept_records_and_reject_files() {
    let out = back(&callFlowFromForm(
        eval("return { name: 'n', direction: 'outbound', isActive: 'off' }"),
        JsValue::UNDEFINED,
    ));
    assert_eq!(out["ok"], true, "{out}");
    assert_eq!(out["value"]["isActive"], false);
    let out = back(&callFlowFromForm(
        eval("return { name: 'n', direction: 'outbound', prompt: new Map() }"),
        JsValue::UNDEFINED,
    ));
    assert_eq!(
        brief(&out["issues"]),
        vec![("invalid_type".into(), "/prompt".into(), "error".into())]
    );
    let out = back(&callFlowFromForm(JsValue::from(3), JsValue::UNDEFINED));
    assert_eq!(out["ok"], false);
}

/// The per-call arena takes back the trees it forgot (`discard`): after
/// each call its block is empty again, and results do not change.
#[wasm_bindgen_test]
fn repeated_calls_reuse_the_arena() {
    let text = JsValue::from_str(
        r#"{"name":"n","direction":"outbound","flowData":{"nodes":[{"id":"a","type":"start","data":{"prompt":"p"}}],"edges":[]},"webhooks":[{"name":"w","url":"ftp://x"}]}"#,
    );
    let object = JSON::parse(&text.as_string().unwrap()).unwrap();
    let calls: [&dyn Fn() -> JsValue; 4] = [
        &|| validateCallFlowJson(text.clone(), JsValue::UNDEFINED),
        &|| normalizeCallFlowJson(text.clone(), JsValue::UNDEFINED),
        &|| validateCallFlow(object.clone(), JsValue::UNDEFINED),
        &|| normalizeCallFlow(object.clone(), JsValue::UNDEFINED),
    ];
    let first: Vec<Json> = calls.iter().map(|f| back(&f())).collect();
    assert_eq!(first[0]["valid"], false, "{}", first[0]);
    for _ in 0..100 {
        for (f, want) in calls.iter().zip(&first) {
            assert_eq!(back(&f()), *want);
            assert_eq!(
                trillet_flows::wasm::arena_in_use(),
                0,
                "the block was not taken back"
            );
        }
    }
}
