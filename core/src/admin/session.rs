//! One admin login in progress, as the host stores it between requests (A2–A4, P7).

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{Actor, ExtensionDigits, LoginError, SessionStamp};

/// The step an admin login stands at. The steps run in this order; each call checks it.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass_enum(module = "pbx_rules", skip_stub_type)
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdminStep {
    /// Request extended rights by mailed code, or continue without (A2).
    SecondFactor,
    /// Confirm the privacy notice (A4), at every login.
    PrivacyNotice,
    /// Acknowledge the extensions still on the default PIN (P7).
    DefaultPins,
    /// Logged in.
    MainMenu,
}

/// A mailed code waiting to be entered: only its hash is kept (A2).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PendingCode {
    pub(crate) hash: String,
    pub(crate) issued_at: DateTime<Utc>,
}

/// F9: the code's hash never prints.
impl fmt::Debug for PendingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingCode")
            .field("issued_at", &self.issued_at)
            .finish_non_exhaustive()
    }
}

/// One admin login in progress, and then the admin's session (G11). Its `Debug` shows no
/// hash (F9).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminSession {
    #[serde(deserialize_with = "crate::account::known_version")]
    pub(crate) version: u32,
    /// One more on every change (I5).
    pub(crate) revision: u64,
    pub(crate) step: AdminStep,
    pub(crate) extended_rights: bool,
    pub(crate) default_pin_extensions: Vec<ExtensionDigits>,
    #[serde(deserialize_with = "crate::json::required")]
    pub(crate) pending_code: Option<PendingCode>,
    /// Wrong codes in this session; a resend does not reset them (A2).
    pub(crate) code_failures: u32,
    /// Whose session under which password, since when (G11).
    pub(crate) stamp: SessionStamp,
}

impl AdminSession {
    pub(crate) fn start(
        step: AdminStep,
        default_pin_extensions: Vec<ExtensionDigits>,
        stamp: SessionStamp,
    ) -> Self {
        Self {
            version: crate::account::STATE_VERSION,
            revision: 0,
            step,
            extended_rights: false,
            default_pin_extensions,
            pending_code: None,
            code_failures: 0,
            stamp,
        }
    }

    /// The revision, one more on every change (I5): store with compare-and-swap on it.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The step the login stands at.
    #[must_use]
    pub fn step(&self) -> AdminStep {
        self.step
    }

    /// The session's stamp (G11); [`crate::AdminAccount::check_session`] checks it.
    #[must_use]
    pub fn stamp(&self) -> &SessionStamp {
        &self.stamp
    }

    /// Whether the session holds extended rights (A3).
    #[must_use]
    pub fn has_extended_rights(&self) -> bool {
        self.extended_rights
    }

    /// The extensions still on the default PIN, shown at [`AdminStep::DefaultPins`] (P7).
    #[must_use]
    pub fn default_pin_extensions(&self) -> &[ExtensionDigits] {
        &self.default_pin_extensions
    }

    /// The actor for [`crate::authorize`], once the login has reached the main menu.
    #[must_use]
    pub fn actor(&self) -> Option<Actor> {
        (self.step == AdminStep::MainMenu).then_some(Actor::Admin {
            extended_rights: self.extended_rights,
        })
    }

    /// Continues without extended rights (A2).
    ///
    /// # Errors
    /// [`LoginError::StepOutOfOrder`] unless at [`AdminStep::SecondFactor`].
    pub fn continue_without_extended_rights(&self) -> Result<Self, LoginError> {
        self.advance_from(AdminStep::SecondFactor)
    }

    /// Confirms the privacy notice (A4); then the default-PIN list if there is one (P7).
    ///
    /// # Errors
    /// [`LoginError::StepOutOfOrder`] unless at [`AdminStep::PrivacyNotice`].
    pub fn confirm_privacy_notice(&self) -> Result<Self, LoginError> {
        self.advance_from(AdminStep::PrivacyNotice)
    }

    /// Acknowledges the default-PIN list (P7).
    ///
    /// # Errors
    /// [`LoginError::StepOutOfOrder`] unless at [`AdminStep::DefaultPins`].
    pub fn acknowledge_default_pins(&self) -> Result<Self, LoginError> {
        self.advance_from(AdminStep::DefaultPins)
    }

    /// The session moved from `step` to the next one due.
    pub(crate) fn advance_from(&self, step: AdminStep) -> Result<Self, LoginError> {
        if self.step != step {
            return Err(LoginError::StepOutOfOrder);
        }
        let next = match step {
            AdminStep::SecondFactor => AdminStep::PrivacyNotice,
            AdminStep::PrivacyNotice if !self.default_pin_extensions.is_empty() => {
                AdminStep::DefaultPins
            }
            _ => AdminStep::MainMenu,
        };
        Ok(Self {
            step: next,
            revision: self.revision.wrapping_add(1),
            ..self.clone()
        })
    }
}
