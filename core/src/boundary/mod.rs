//! What each binding technology needs on the core's own types, behind its feature: one
//! module per technology, conversions and presentation only, never rule logic.

#[cfg(feature = "python")]
pub mod python;
#[cfg(feature = "uniffi")]
pub mod uniffi;

/// Declares a record the core hands out and never takes back (a view of a state), with
/// what each binding needs to carry it: a uniffi record (Kotlin data class, Swift struct),
/// a frozen Python class with a getter per field, a TypeScript interface (the wasm binding
/// sends it as a plain object through serde), and Python's `repr()` with every field in
/// declaration order. One place, so a view added later crosses into every language the same
/// way.
#[cfg(feature = "lifecycle")]
macro_rules! output_record {
    ($(#[$meta:meta])* pub struct $name:ident {
        $($(#[$field_meta:meta])* pub $field:ident: $type:ty),* $(,)?
    }) => {
        #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
        #[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
        #[cfg_attr(
            feature = "python",
            pyo3_stub_gen::derive::gen_stub_pyclass,
            pyo3::pyclass(module = "pbx_rules", frozen, get_all, eq)
        )]
        #[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
        #[non_exhaustive]
        $(#[$meta])*
        pub struct $name { $($(#[$field_meta])* pub $field: $type),* }

        #[cfg(feature = "python")]
        #[pyo3_stub_gen::derive::gen_stub_pymethods]
        #[pyo3::pymethods]
        impl $name {
            fn __repr__(slf: &pyo3::Bound<'_, Self>) -> pyo3::PyResult<String> {
                $crate::boundary::python::fields_repr(
                    pyo3::Bound::as_any(slf),
                    &[$(stringify!($field)),*],
                )
            }
        }
    };
}
#[cfg(feature = "lifecycle")]
pub(crate) use output_record;

/// A revision as the views show it: signed, so Kotlin and Java read a plain `long` (an
/// unsigned Kotlin type's accessor is name-mangled for Java). One per stored change, it does
/// not reach `i64::MAX`.
#[cfg(feature = "lifecycle")]
pub(crate) fn signed_revision(revision: u64) -> i64 {
    i64::try_from(revision).unwrap_or(i64::MAX)
}

/// A count of failures as the views show it: a signed `int` (the policy's hard limit keeps
/// it at most 100).
#[cfg(feature = "lifecycle")]
pub(crate) fn signed_count(count: u32) -> i32 {
    i32::try_from(count).unwrap_or(i32::MAX)
}
