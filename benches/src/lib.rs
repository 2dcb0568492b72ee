//! Shared helpers of the pbx-rules benches and comparison runners.

use std::path::Path;

/// Reads a `input<TAB>region` corpus (see `benches/corpus/make_numbers.py`). Inputs keep
/// their white space exactly, since some corpus lines test it.
///
/// # Errors
/// The I/O error when the file cannot be read.
pub fn read_number_corpus(path: &Path) -> std::io::Result<Vec<(String, String)>> {
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .filter_map(|line| line.rsplit_once('\t'))
        .map(|(input, region)| (input.to_owned(), region.to_owned()))
        .collect())
}
