//! The build script: embeds the numbering metadata when the numbering engine is built
//! (feature `numbers`, see `build/metadata.rs`). Without it there is nothing to generate, and
//! neither the XML nor the `phonenumber` crate is read.

#[cfg(feature = "numbers")]
#[path = "build/metadata.rs"]
mod metadata;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=build.rs");
    #[cfg(feature = "numbers")]
    metadata::main()?;
    Ok(())
}
