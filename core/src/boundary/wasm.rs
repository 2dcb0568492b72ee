//! The WebAssembly binding's part of the boundary (feature `wasm`): the TypeScript
//! declarations come from `tsify` derives on the core's own types; this module re-exports
//! what `bindings-wasm` needs to hand them across (serde-wasm-bindgen through tsify).

pub use tsify::Tsify;
