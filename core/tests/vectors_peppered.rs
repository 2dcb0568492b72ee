//! `core/vectors/peppered.json` (G4): PHC strings made with a pepper, one per language that
//! made one, verified here; every binding verifies the same file, so a secret peppered and
//! hashed in one language verifies in every other. `PBX_RULES_BLESS=1` replaces the hash
//! made in Rust with a fresh one (the others are kept).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use pbx_rules::{HashPolicy, Hasher, Pepper};
use serde_json::{Value, json};

fn path() -> String {
    format!("{}/vectors/peppered.json", env!("CARGO_MANIFEST_DIR"))
}

/// The pepper's bytes from its hex spelling in the file.
fn pepper(doc: &Value) -> Pepper {
    let hex = doc["pepper_hex"].as_str().unwrap();
    assert!(hex.len() % 2 == 0 && !hex.is_empty(), "pepper_hex");
    let bytes = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect();
    Pepper::new(bytes)
}

fn hasher(doc: &Value) -> Hasher {
    Hasher::new(HashPolicy::centrexx()).with_pepper(pepper(doc))
}

// G4: the peppered hash of every language verifies with the pepper, and neither without
// it, nor with another pepper, nor for another secret.
#[test]
fn g4_peppered_hashes_of_every_language_verify() {
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(path()).unwrap()).unwrap();
    assert_eq!(doc["schema"], 1);
    assert_eq!(doc["rule"], "G4");
    if std::env::var_os("PBX_RULES_BLESS").is_some() {
        let secret = doc["secret"].as_str().unwrap().to_owned();
        let hash = hasher(&doc).hash(secret.as_bytes()).unwrap();
        let hashes = doc["hashes"].as_array_mut().unwrap();
        hashes.retain(|h| h["made_by"] != "rust");
        hashes.insert(0, json!({ "made_by": "rust", "phc": hash }));
        let text = serde_json::to_string_pretty(&doc).unwrap() + "\n";
        std::fs::write(path(), text).unwrap();
    }
    let secret = doc["secret"].as_str().unwrap().as_bytes();
    let wrong = doc["wrong_secret"].as_str().unwrap().as_bytes();
    let peppered = hasher(&doc);
    let plain = Hasher::new(HashPolicy::centrexx());
    let other = Hasher::new(HashPolicy::centrexx()).with_pepper(Pepper::new(b"other".to_vec()));
    let hashes = doc["hashes"].as_array().unwrap();
    let makers: Vec<&str> = hashes
        .iter()
        .map(|h| h["made_by"].as_str().unwrap())
        .collect();
    assert!(makers.contains(&"rust"), "no hash made in Rust: {makers:?}");
    for h in hashes {
        let (by, phc) = (&h["made_by"], h["phc"].as_str().unwrap());
        assert!(phc.starts_with("$argon2id$v=19$"), "{by}: {phc}");
        assert!(
            peppered.verify(secret, phc).unwrap(),
            "{by}: with the pepper"
        );
        assert!(
            !peppered.verify(wrong, phc).unwrap(),
            "{by}: another secret"
        );
        assert!(
            !plain.verify(secret, phc).unwrap(),
            "{by}: without the pepper"
        );
        assert!(!other.verify(secret, phc).unwrap(), "{by}: another pepper");
        assert!(
            !peppered.needs_rehash(phc).unwrap(),
            "{by}: the centrexx costs"
        );
    }
}
