//! The field catalogue and the JSON Schemas: the files committed under
//! `schema/` are what the code generates (`TRILLET_BLESS=1 cargo test
//! --test catalogue` rewrites them), and the catalogue lists exactly the
//! fields that validate accepts.
// Not with `--features example-field`: its extra field is in no committed
// file (tests/extra_field.rs checks that the catalogue has it).
#![cfg(all(not(target_arch = "wasm32"), not(feature = "example-field")))]

use std::path::{Path, PathBuf};
use trillet_flows::catalogue::{self, dotted, Field, ITEM};
use trillet_flows::json_schema;
use trillet_flows::schema::{Role, Shape, Ty, HEADER_PAIR, READ_ONLY, SHAPES};
use trillet_flows::{validate, IssueCode, Kind, Object, Options, UnknownKeys, Value};

const KINDS: [(Kind, &str); 2] = [
    (Kind::CallFlow, "call-flow"),
    (Kind::MessageFlow, "message-flow"),
];

fn schema_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("schema")
}

/// Compares `got` with the committed file (or writes it when blessing).
fn expect_file(name: &str, got: &str) {
    let path = schema_dir().join(name);
    if std::env::var_os("TRILLET_BLESS").is_some() {
        std::fs::create_dir_all(schema_dir()).unwrap();
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (TRILLET_BLESS=1 cargo test --test catalogue writes it)",
            path.display()
        )
    });
    assert!(
        got == want,
        "{} is not current: run `TRILLET_BLESS=1 cargo test --test catalogue` and commit it",
        path.display()
    );
}

#[test]
fn schema_files_are_current() {
    let mut names = Vec::new();
    for (kind, stem) in KINDS {
        let name = format!("{stem}.fields.json");
        expect_file(&name, &catalogue::json(kind));
        names.push(name);
        for mode in [UnknownKeys::Strip, UnknownKeys::Reject] {
            let name = json_schema::file_name(kind, mode);
            expect_file(&name, &json_schema::json(kind, mode));
            names.push(name);
        }
    }
    // Nothing else lies in schema/ (a renamed file would stay behind).
    if std::env::var_os("TRILLET_BLESS").is_none() {
        let mut found: Vec<String> = std::fs::read_dir(schema_dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        found.sort();
        names.sort();
        assert_eq!(found, names);
    }
}

#[test]
fn keep_mode_has_the_strip_schema() {
    for (kind, _) in KINDS {
        assert_eq!(
            json_schema::json(kind, UnknownKeys::Keep),
            json_schema::json(kind, UnknownKeys::Strip)
        );
        assert_ne!(
            json_schema::json(kind, UnknownKeys::Reject),
            json_schema::json(kind, UnknownKeys::Strip)
        );
    }
}

/// Every entry, list items included, depth first.
fn all(fields: &[Field]) -> Vec<&Field> {
    let mut out = Vec::new();
    for f in fields {
        out.push(f);
        out.extend(all(&f.items));
    }
    out
}

/// A value of a field's type (the walk then reads inside it).
fn sample(ty: Ty) -> Value {
    match ty {
        Ty::Bool => Value::Bool(true),
        Ty::Num { .. } => Value::Number(1i64.into()),
        Ty::Time => Value::String("09:00".into()),
        Ty::Timezone => Value::String("UTC".into()),
        Ty::Url { .. } => Value::String("https://example.com/x".into()),
        Ty::Object(_) | Ty::Headers => Value::Object(Object::new()),
        Ty::List(_) | Ty::PassList => Value::Array(Vec::new()),
        _ => Value::String("x".into()),
    }
}

/// An input with `leaf` at `path` (list items as one-item arrays).
fn input_at(path: &[&str], leaf: Value) -> Value {
    match path {
        [] => leaf,
        [ITEM, rest @ ..] => Value::Array(vec![input_at(rest, leaf)]),
        [k, rest @ ..] => {
            let mut o = Object::new();
            o.push(*k, input_at(rest, leaf));
            Value::Object(o)
        }
    }
}

fn unknown(kind: Kind, input: &Value) -> Vec<String> {
    validate(kind, input, &Options::default())
        .issues
        .into_iter()
        .filter(|i| matches!(i.code, IssueCode::UnknownKey | IssueCode::ReadOnly))
        .map(|i| i.pointer)
        .collect()
}

/// A pointer of a path, list items at index 0.
fn pointer(path: &[&str]) -> String {
    path.iter()
        .map(|s| format!("/{}", if *s == ITEM { "0" } else { s }))
        .collect()
}

#[test]
fn every_catalogue_place_is_accepted_by_validate() {
    let mut checked = 0;
    for (kind, _) in KINDS {
        let fields = catalogue::fields(kind);
        for f in all(&fields) {
            let mut places = vec![f.path.clone()];
            places.extend(f.alternatives.iter().cloned());
            for p in places {
                let got = unknown(kind, &input_at(&p, sample(f.def.ty)));
                assert!(got.is_empty(), "{}: {got:?}", dotted(&p));
                checked += 1;
            }
        }
    }
    // 74 + 23 fields and 13 + 10 alternatives, counted in src/schema.rs: a
    // field that stops being listed changes the count.
    assert_eq!(checked, 120);
}

#[test]
fn a_key_beside_the_catalogue_fields_is_unknown_unless_the_object_is_open() {
    let mut objects = 0;
    for (kind, _) in KINDS {
        let fields = catalogue::fields(kind);
        // The root, then every object and list item of the catalogue.
        let mut holders: Vec<(Vec<&str>, &Shape)> = vec![(Vec::new(), catalogue::root(kind))];
        for f in all(&fields) {
            match f.def.ty {
                Ty::Object(s) => holders.push((f.path.clone(), s)),
                Ty::List(s) => {
                    let mut p = f.path.clone();
                    p.push(ITEM);
                    holders.push((p, s));
                }
                _ => {}
            }
        }
        for (path, shape) in holders {
            let mut p = path.clone();
            p.push("notAField");
            let got = unknown(kind, &input_at(&p, Value::String("x".into())));
            if shape.open {
                assert!(got.is_empty(), "{}: {got:?}", dotted(&p));
            } else {
                assert_eq!(got, [pointer(&p)], "{}", dotted(&p));
            }
            objects += 1;
        }
    }
    // 15 objects of a call flow (the root, flowData, 7 kinds of list
    // items, settings and 5 objects in it), 6 of a message flow.
    assert_eq!(objects, 21);
}

#[test]
fn every_schema_field_is_in_the_catalogue() {
    // Each object's keys in the schema are the catalogue's fields in it
    // and the last keys of the alternatives that stand in it.
    let mut seen: Vec<&str> = Vec::new();
    for (kind, _) in KINDS {
        let fields = catalogue::fields(kind);
        let entries = all(&fields);
        let mut holders: Vec<(Vec<&str>, &Shape)> = vec![(Vec::new(), catalogue::root(kind))];
        for f in &entries {
            if let Ty::Object(s) | Ty::List(s) = f.def.ty {
                let mut p = f.path.clone();
                if matches!(f.def.ty, Ty::List(_)) {
                    p.push(ITEM);
                }
                holders.push((p, s));
            }
        }
        for (path, shape) in holders {
            let mut keys: Vec<&str> = entries
                .iter()
                .filter(|f| f.path.len() == path.len() + 1 && f.path.starts_with(&path))
                .map(|f| f.def.key)
                .collect();
            for f in &entries {
                for alt in &f.alternatives {
                    if alt.len() == path.len() + 1 && alt.starts_with(&path) {
                        keys.push(alt[path.len()]);
                    }
                }
            }
            keys.sort_unstable();
            keys.dedup();
            let mut want: Vec<&str> = shape.fields.iter().map(|d| d.key).collect();
            want.sort_unstable();
            assert_eq!(keys, want, "{} ({})", dotted(&path), shape.name);
            for d in shape.fields {
                assert!(
                    !READ_ONLY.contains(&d.key) || shape.open,
                    "{}.{}",
                    shape.name,
                    d.key
                );
            }
            seen.push(shape.name);
        }
    }
    // Every shape is reached, but the older array form of webhook headers
    // (`HeaderPair`), which the catalogue's `headers` entry describes.
    for s in SHAPES {
        if std::ptr::eq(s, &HEADER_PAIR) {
            assert!(!seen.contains(&s.name));
            continue;
        }
        assert!(seen.contains(&s.name), "{} is not in the catalogue", s.name);
    }
    // Moved keys are alternatives, never entries.
    for (kind, _) in KINDS {
        for f in all(&catalogue::fields(kind)) {
            assert!(!matches!(f.def.role, Role::Moved(_)), "{}", f.name());
        }
    }
}
