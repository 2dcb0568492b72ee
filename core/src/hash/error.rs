//! Why hashing or verifying a credential failed (G4).

use crate::lang::localized;

/// Why a credential could not be hashed or a stored hash could not be used (G4). A stored
/// hash that cannot be read is a typed error, never a panic; no variant carries a secret.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, thiserror::Error)]
/// In JSON this is the `details` of [`crate::Error`]: the variant's fields, nothing for a
/// variant without any (its code says which one it is).
#[serde(untagged)]
#[non_exhaustive]
pub enum HashError {
    /// The stored text is not an argon2id PHC string of the form
    /// `$argon2id$v=19$m=…,t=…,p=…$salt$hash`.
    #[error("The stored hash is malformed ({part}).")]
    Malformed {
        /// Which part could not be read (`algorithm`, `version`, `params`, `salt`, `hash`).
        part: &'static str,
    },
    /// A PHC string of another algorithm (`argon2i`, `bcrypt`, …) or another Argon2 version.
    #[error("The stored hash uses an unsupported algorithm or version.")]
    Unsupported,
    /// The stored parameters exceed the limits of the policy (a tampered or foreign record).
    #[error("The stored hash asks for more resources than the policy allows.")]
    ParamsOutOfRange,
    /// The policy's own costs are not valid Argon2 parameters.
    #[error("The hashing policy is not valid for Argon2id.")]
    InvalidPolicy,
    /// The pepper, password or salt exceeds what Argon2 accepts.
    #[error("The input is too long for Argon2.")]
    InputTooLong,
    /// The memory for hashing could not be reserved.
    #[error("Not enough memory to hash the credential.")]
    OutOfMemory,
    /// The operating system's random source failed (R4).
    #[error("The operating system's random source is unavailable.")]
    RandomUnavailable,
}

localized!(HashError {
    Self::Malformed { part } => "HASH_MALFORMED",
        format!("Der gespeicherte Hash ist fehlerhaft ({part}).");
    Self::Unsupported => "HASH_UNSUPPORTED",
        "Der gespeicherte Hash verwendet ein nicht unterstütztes Verfahren oder eine nicht unterstützte Version.";
    Self::ParamsOutOfRange => "HASH_PARAMS_OUT_OF_RANGE",
        "Der gespeicherte Hash verlangt mehr Ressourcen, als die Richtlinie erlaubt.";
    Self::InvalidPolicy => "HASH_INVALID_POLICY",
        "Die Hash-Richtlinie ist für Argon2id nicht gültig.";
    Self::InputTooLong => "HASH_INPUT_TOO_LONG", "Die Eingabe ist für Argon2 zu lang.";
    Self::OutOfMemory => "HASH_OUT_OF_MEMORY",
        "Nicht genug Speicher, um die Zugangsdaten zu hashen.";
    Self::RandomUnavailable => "HASH_RANDOM_UNAVAILABLE",
        "Die Zufallsquelle des Betriebssystems ist nicht verfügbar.";
});
