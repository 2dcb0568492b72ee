//! Replays the shared number and login-identifier vectors (N1–N6) from `core/vectors/`.
//! The Python, Kotlin and JS bindings replay the same files.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use pbx_rules::{BaseNumber, ExtensionDigits, Localized, NumberPlan};
use serde_json::Value;

fn load(name: &str) -> Value {
    let path = format!("{}/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn text<'a>(case: &'a Value, key: &str) -> Option<&'a str> {
    case.get(key).and_then(Value::as_str)
}

#[test]
fn n1_n2_n3_number_vectors() {
    let doc = load("numbers.json");
    let cases = doc["cases"].as_array().unwrap();
    assert!(
        cases.len() >= 150,
        "the vectors keep at least 150 number cases"
    );
    let mut failures = Vec::new();
    for case in cases {
        let id = text(case, "id").unwrap();
        let plan = NumberPlan::new(text(case, "region").unwrap()).unwrap();
        let got = plan.normalize(text(case, "input").unwrap());
        let ok = match (text(case, "error"), &got) {
            (Some(code), Err(e)) => e.code() == code,
            (None, Ok(n)) => {
                Some(n.e164().as_str()) == text(case, "e164")
                    && Some(n.kind().as_str()) == text(case, "kind")
                    && Some(n.region()) == text(case, "number_region")
                    && Some(n.international().as_str()) == text(case, "international")
                    && Some(n.national().as_str()) == text(case, "national")
            }
            _ => false,
        };
        if !ok {
            failures.push(format!("{id}: got {got:?}, want {case}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn n4_n5_n6_login_id_vectors() {
    let doc = load("login_ids.json");
    let plan = NumberPlan::new(text(&doc, "region").unwrap()).unwrap();
    let base = BaseNumber::parse(&plan, text(&doc, "base_number").unwrap()).unwrap();
    let central = ExtensionDigits::parse(text(&doc, "central_digits").unwrap()).unwrap();
    let mut failures = Vec::new();
    for case in doc["cases"].as_array().unwrap() {
        let input = text(case, "input").unwrap();
        let got = match text(case, "role").unwrap() {
            "user" => base.user_login(input).map(|d| d.as_str().to_owned()),
            _ => base.admin_login(input, &central).map(|()| "ok".to_owned()),
        };
        let want = text(case, "extension")
            .map(str::to_owned)
            .or_else(|| case.get("ok").map(|_| "ok".to_owned()));
        let ok = match (&got, text(case, "error")) {
            (Err(e), Some(code)) => e.code() == code,
            (Ok(v), None) => Some(v) == want.as_ref(),
            _ => false,
        };
        if !ok {
            failures.push(format!(
                "{}: got {got:?}, want {case}",
                text(case, "id").unwrap()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
