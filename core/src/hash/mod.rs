//! Hashing of PINs, passwords and codes (G4, R4): argon2id in `hasher.rs` and its PHC
//! strings in `phc.rs` (feature `hashing`). [`HashError`] is always built: the PIN and
//! password errors carry it as the reason a stored hash could not be checked.

mod error;
#[cfg(feature = "hashing")]
mod hasher;
#[cfg(feature = "hashing")]
mod phc;

pub use error::HashError;
#[cfg(feature = "hashing")]
pub use hasher::Hasher;
#[cfg(all(feature = "hashing", feature = "instrument"))]
pub use hasher::hash_evaluations;
#[cfg(feature = "hashing")]
pub use phc::PhcHash;

/// The outcome of [`Hasher::hash_many`]: one PHC string or error per secret, in input order.
#[cfg(feature = "hashing")]
pub type HashBatch = crate::Batch<String, HashError>;
