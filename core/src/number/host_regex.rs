//! The host's regular-expression engine for the numbering rules (feature `host-regex`).
//!
//! A browser already ships a regex engine. With this feature the core carries none: the
//! binding registers one [`HostRegex`] before the first number is read, and the numbering
//! metadata's patterns are compiled and matched by it (the browser module of
//! `bindings-wasm` passes them to JS `RegExp`). The core stays free of FFI code; the binding
//! owns the glue.
//!
//! Patterns arrive anchored (`^(?:…)$` or `^(?:…)`), in the syntax libphonenumber writes for
//! Java and JavaScript alike; inputs are ASCII digits. An implementation must treat `\d` as
//! `[0-9]`, `$` as the end of input (no multi-line mode), and report groups as JS `exec` does:
//! the leftmost-first match, a group that took no part as `None`.

use std::sync::OnceLock;

/// A regex engine the host provides (feature `host-regex`). Patterns are referred to by the
/// handle `compile` returned, so an implementation can keep its compiled objects where its
/// platform wants them (JS objects cannot cross threads, a `u32` can).
pub trait HostRegex: Send + Sync {
    /// Compiles `pattern` and returns its handle.
    ///
    /// # Errors
    /// The engine's message for a pattern it cannot compile.
    fn compile(&self, pattern: &str) -> Result<u32, String>;

    /// Whether the pattern `handle` matches `haystack`.
    fn is_match(&self, handle: u32, haystack: &str) -> bool;

    /// The texts of the groups of the first match of `handle` in `haystack` (index 0: the
    /// whole match; `None` for a group that took no part), or `None` without a match.
    fn captures(&self, handle: u32, haystack: &str) -> Option<Vec<Option<String>>>;
}

static ENGINE: OnceLock<&'static dyn HostRegex> = OnceLock::new();

/// Registers the host's regex engine; call it once, before the first number is read. Until
/// one is registered, every region is unknown (`NUMBER_UNKNOWN_REGION`).
///
/// Returns `false` when an engine was already registered (the first one stays).
pub fn use_host_regex(engine: &'static dyn HostRegex) -> bool {
    ENGINE.set(engine).is_ok()
}

/// The registered engine.
pub(crate) fn engine() -> Option<&'static dyn HostRegex> {
    ENGINE.get().copied()
}
