//! `uniffi-bindgen` built from the workspace, so the generator always matches the pinned
//! uniffi version of the scaffolding (a globally installed one may not).

fn main() {
    uniffi::uniffi_bindgen_main();
}
