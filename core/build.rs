//! Embeds the numbering metadata: reads `metadata/PhoneNumberMetadata.xml` (generated from
//! the reference implementation by `metadata/generate.py`) with the `phonenumber` crate's
//! loader and writes it as a postcard blob that `src/number/engine/metadata.rs` includes.
//! Reading XML at build time keeps both the parser and the text out of the library.
//!
//! `PBX_RULES_REGIONS` (comma-separated ISO 3166 codes, `DE,AT,CH`) keeps only the territories
//! named, for builds that must be small, such as the browser module of `bindings-wasm`.
//! Numbers of other countries are then refused as `NUMBER_UNKNOWN_COUNTRY_CODE`. Unset or
//! empty (the default) keeps every region.

use std::{env, fs::File, io::BufReader, path::Path};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let xml = "metadata/PhoneNumberMetadata.xml";
    println!("cargo:rerun-if-changed={xml}");
    println!("cargo:rerun-if-env-changed=PBX_RULES_REGIONS");
    let mut metadata = phonenumber::metadata::loader::load(BufReader::new(File::open(xml)?))?;
    let regions = env::var("PBX_RULES_REGIONS").unwrap_or_default();
    let keep: Vec<&str> = regions
        .split(',')
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .collect();
    if !keep.is_empty() {
        metadata.retain(|m| m.id.as_deref().is_some_and(|id| keep.contains(&id)));
        if metadata.len() != keep.len() {
            return Err(format!("PBX_RULES_REGIONS={regions}: unknown region among them").into());
        }
    }
    let out = Path::new(&env::var("OUT_DIR")?).join("metadata.bin");
    std::fs::write(out, postcard::to_stdvec(&metadata)?)?;
    Ok(())
}
