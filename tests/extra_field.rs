//! Adding a field is one edit to the schema: with `--features example-field`
//! the call flow's settings have one more optional boolean, `exampleFlag`
//! (see src/schema.rs and docs/ARCHITECTURE.md), and validate, normalize,
//! forms and the field list all see it, with no other change.
//!
//! Run: `cargo test --features example-field --test extra_field`.
#![cfg(feature = "example-field")]

use trillet_flows::schema::{self, Need, Ty};
use trillet_flows::{from_form, normalize_json, validate_json, IssueCode, Kind, Options};

const BASE: &str = r#"{"name":"S","direction":"outbound","settings":{"customerLocation":"US","exampleFlag":X,"callSettings":{}}}"#;

fn with(v: &str) -> String {
    BASE.replace('X', v)
}

#[test]
fn validate_knows_the_field() {
    let r = validate_json(Kind::CallFlow, &with("true"), &Options::default());
    assert!(r.issues.is_empty(), "{:?}", r.issues);
    let r = validate_json(Kind::CallFlow, &with("\"yes\""), &Options::default());
    assert_eq!(r.issues.len(), 1, "{:?}", r.issues);
    let i = &r.issues[0];
    assert_eq!(i.code, IssueCode::InvalidType);
    assert_eq!(i.pointer, "/settings/exampleFlag");
    assert_eq!(
        i.message,
        "`settings.exampleFlag` must be a boolean, not a string; give a boolean."
    );
}

#[test]
fn normalize_writes_it_in_schema_order() {
    let n = normalize_json(Kind::CallFlow, &with("false"), &Options::default());
    let out = n.value.expect("valid");
    let text = out.to_json_string();
    assert!(
        text.contains(r#""customerLocation":"US","exampleFlag":false,"callSettings":{}"#),
        "{text}"
    );
}

#[test]
fn forms_coerce_it_as_a_boolean() {
    let fields: Vec<(String, String)> = [
        ("name", "S"),
        ("direction", "outbound"),
        ("settings.exampleFlag", "on"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    let n = from_form(Kind::CallFlow, &fields, &Options::default());
    let out = n.value.expect("valid");
    let text = out.to_json_string();
    assert!(text.contains(r#""exampleFlag":true"#), "{text}");
    let bad: Vec<(String, String)> = [
        ("name", "S"),
        ("direction", "outbound"),
        ("settings.exampleFlag", "maybe"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    let n = from_form(Kind::CallFlow, &bad, &Options::default());
    assert_eq!(n.issues[0].code, IssueCode::InvalidType, "{:?}", n.issues);
    assert_eq!(n.issues[0].pointer, "/settings/exampleFlag");
}

#[test]
fn the_field_list_has_it() {
    let d = schema::lookup(&schema::CALL_FLOW, &[Some("settings"), Some("exampleFlag")])
        .expect("in the schema");
    assert!(matches!(d.ty, Ty::Bool));
    assert_eq!(d.need, Need::Optional);
    assert_eq!(d.text.label, "Example flag");
}

#[test]
fn the_catalogue_and_the_json_schema_have_it() {
    let fields = trillet_flows::catalogue::fields(Kind::CallFlow);
    let f = fields
        .iter()
        .find(|f| f.name() == "settings.exampleFlag")
        .expect("in the catalogue");
    assert!(matches!(f.def.ty, Ty::Bool));
    assert_eq!(f.def.text.label, "Example flag");
    let schema =
        trillet_flows::json_schema::json(Kind::CallFlow, trillet_flows::UnknownKeys::Reject);
    assert!(
        schema.contains("\"exampleFlag\": {\n          \"title\": \"Example flag\""),
        "the JSON Schema's CallFlowSettingsInput lists it"
    );
}
