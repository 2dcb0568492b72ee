//! Sessions that end with the credential (G11): the stamp a login opens is the core's own
//! record (`SessionStamp`, read-only attributes); the accounts check it
//! (`ExtensionAccount.check_session`, `AdminAccount.check_session`). The host keeps it with
//! its session between requests as the core's JSON, through these two functions (the
//! record's methods would have to live in the core, which declares the class).

use pbx_rules as rules;
use pyo3::prelude::*;
use pyo3_stub_gen::derive::gen_stub_pyfunction;
use rules::Json;

use crate::error::Result;

/// The stamp as the core's JSON, to keep with the host's session; the same text in every
/// language.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
pub fn session_stamp_to_json(stamp: &rules::SessionStamp) -> String {
    stamp.to_json()
}

/// A kept stamp read back; `StateError` for damaged or foreign JSON, never a half-read stamp.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
pub fn session_stamp_from_json(text: &str) -> Result<rules::SessionStamp> {
    Ok(rules::SessionStamp::from_json(text)?)
}
