//! G1: time comes from the caller. No rule may read a clock of its own, or a decision would
//! depend on something the host did not pass in (and tests of day 41/42 or 14:59/15:00 could
//! not pin it). This scans the library's source, unit tests aside, for every clock call.

#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn g1_the_library_reads_no_clock() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(
        files.len() > 50,
        "the scan must see the library: {}",
        files.len()
    );
    let clocks = [
        "Utc::now",
        "Local::now",
        "SystemTime::now",
        "Instant::now",
        "UNIX_EPOCH.elapsed",
    ];
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        // A file's unit tests follow its `#[cfg(test)]`; they may time themselves.
        let library = text.split("#[cfg(test)]").next().unwrap_or_default();
        for clock in clocks {
            assert!(
                !library.contains(clock),
                "{} reads a clock ({clock}): take `now` from the caller (G1)",
                file.display()
            );
        }
    }
}
