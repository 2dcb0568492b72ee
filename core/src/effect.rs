//! What the host must do after a decision, and the decision itself (G1).
//!
//! The core stores nothing and sends nothing. Every lifecycle operation returns a
//! [`Decision`]: the state to save, the effects to carry out, and the outcome. A host
//! saves the state and carries out the effects together, or neither.

use serde::Serialize;

use crate::{Error, ExtensionDigits, OneTimeCode, Password, Pin};

/// A one-time secret handed to the host for mailing, exactly once. It prints and
/// serialises as `***`.
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass_complex_enum,
    pyo3::pyclass(module = "pbx_rules", frozen, eq, from_py_object)
)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Secret {
    /// A new user PIN (R2, or an initial PIN under the strict preset).
    Pin(Pin),
    /// A new admin password (R1).
    Password(Password),
    /// A second-factor code (A2).
    Code(OneTimeCode),
}

impl Secret {
    /// The plaintext, for the mail and nothing else.
    #[must_use]
    pub fn expose(&self) -> &str {
        match self {
            Self::Pin(s) => s.expose(),
            Self::Password(s) => s.expose(),
            Self::Code(s) => s.expose(),
        }
    }
}

/// Why a secret is mailed.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass_enum(module = "pbx_rules", skip_stub_type)
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SecretPurpose {
    /// Forgot password (R1).
    PasswordReset,
    /// Forgot PIN (R2).
    PinReset,
    /// The code for extended rights (A2).
    ExtendedRightsCode,
}

/// Whose credential changed: `"admin"` or `{"extension": "10"}` in JSON.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountRef {
    /// The admin account of the PBX.
    Admin,
    /// The user account of one extension.
    Extension(ExtensionDigits),
}

/// How a credential changed.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass_enum(module = "pbx_rules", skip_stub_type)
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// The owner changed it with the old one (P3, K3).
    ChangedByOwner,
    /// The admin set it (P4).
    SetByAdmin,
    /// A forgot-PIN or forgot-password request replaced it (R1, R2).
    Reset,
}

/// Something the host must carry out. In JSON, `"kind"` names it in snake case
/// (`send_secret`, `sync_pin`, …) and a secret shows as `"***"`.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass_complex_enum,
    pyo3::pyclass(module = "pbx_rules", frozen, eq, from_py_object)
)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Effect {
    /// Mail `secret` to `to` (R1, R2, A2). Mail it only; never log or store it.
    SendSecret {
        /// The address from the master data.
        to: String,
        /// Why.
        purpose: SecretPurpose,
        /// The plaintext, once.
        #[cfg_attr(feature = "wasm", tsify(type = "Secret"))]
        secret: Secret,
    },
    /// Tell the admin contact that a user could not reset their PIN (R2: no e-mail address).
    NotifyAdminNoUserEmail {
        /// The extension that asked.
        extension: ExtensionDigits,
    },
    /// Set the new PIN for voicemail remote access and the portal phonebook too (P9).
    SyncPin {
        /// The extension whose PIN changed.
        extension: ExtensionDigits,
        /// The new PIN.
        #[cfg_attr(feature = "wasm", tsify(type = "Secret"))]
        pin: Pin,
    },
    /// Restart the extension's phone once (P9: after an admin set a new PIN).
    RestartPhone {
        /// The extension concerned.
        extension: ExtensionDigits,
    },
    /// Tell the owner that their credential changed (every credential change).
    NotifyCredentialChanged {
        /// Whose credential.
        account: AccountRef,
        /// How it changed.
        how: ChangeKind,
    },
}

/// The result of a lifecycle operation: the state to save, the effects to carry out and
/// the outcome. On a refusal the state may still change (a failed login is counted).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Clone, Debug)]
#[must_use]
pub struct Decision<S, T> {
    /// The state to save (unchanged when nothing changed).
    pub state: S,
    /// What the host must do, in order.
    pub effects: Vec<Effect>,
    /// What happened.
    #[cfg_attr(feature = "wasm", tsify(type = "{ ok: T } | { error: PbxError }"))]
    pub outcome: Result<T, Error>,
}

/// `{"ok": value}` or `{"error": …}`: the outcome as JSON.
#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum OutcomeJson<'a, T> {
    Ok(&'a T),
    Error(&'a Error),
}

/// `{"state": …, "effects": […], "outcome": {"ok": …} | {"error": …}}`, secrets as `"***"`:
/// what every binding prints and what the parity file records.
impl<S: Serialize, T: Serialize> Serialize for Decision<S, T> {
    fn serialize<Z: serde::Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        use serde::ser::SerializeStruct;
        let outcome = match &self.outcome {
            Ok(value) => OutcomeJson::Ok(value),
            Err(error) => OutcomeJson::Error(error),
        };
        let mut out = serializer.serialize_struct("Decision", 3)?;
        out.serialize_field("state", &self.state)?;
        out.serialize_field("effects", &self.effects)?;
        out.serialize_field("outcome", &outcome)?;
        out.end()
    }
}

impl<S: Serialize, T: Serialize> Decision<S, T> {
    /// The decision as JSON (see the `Serialize` impl).
    #[must_use]
    pub fn to_json(&self) -> String {
        crate::json::to_json(self)
    }
}

impl<S, T> Decision<S, T> {
    /// A decision with no effects.
    pub(crate) fn new(state: S, outcome: Result<T, Error>) -> Self {
        Self {
            state,
            effects: Vec::new(),
            outcome,
        }
    }

    /// A refusal that leaves `state` as it was.
    pub(crate) fn refuse(state: S, error: impl Into<Error>) -> Self {
        Self::new(state, Err(error.into()))
    }

    /// Adds effects.
    pub(crate) fn with(mut self, effects: impl IntoIterator<Item = Effect>) -> Self {
        self.effects.extend(effects);
        self
    }
}
