//! Embeds the numbering metadata: reads `metadata/PhoneNumberMetadata.xml` (generated from
//! the reference implementation by `metadata/generate.py`) with the `phonenumber` crate's
//! loader and writes it as a postcard blob that `src/number/engine/metadata.rs` includes.
//! Reading XML at build time keeps both the parser and the text out of the library.

use std::{env, fs::File, io::BufReader, path::Path};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let xml = "metadata/PhoneNumberMetadata.xml";
    println!("cargo:rerun-if-changed={xml}");
    let metadata = phonenumber::metadata::loader::load(BufReader::new(File::open(xml)?))?;
    let out = Path::new(&env::var("OUT_DIR")?).join("metadata.bin");
    std::fs::write(out, postcard::to_stdvec(&metadata)?)?;
    Ok(())
}
