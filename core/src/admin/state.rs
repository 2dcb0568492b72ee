//! What the host stores about the PBX's admin account.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::RememberedDevice;
use crate::account::STATE_VERSION;
use crate::{Error, Hasher, Password, throttle::Throttle};

/// The stored admin account of a PBX: password hash, when it takes effect (K5), failed
/// logins (G5) and the remembered browsers (A2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminAccount {
    #[serde(deserialize_with = "crate::account::known_version")]
    pub(crate) version: u32,
    pub(crate) password_hash: String,
    pub(crate) effective_at: DateTime<Utc>,
    pub(crate) throttle: Throttle,
    pub(crate) devices: Vec<RememberedDevice>,
}

impl AdminAccount {
    /// An admin account with a password chosen at provisioning, effective at once.
    ///
    /// # Errors
    /// [`Error::Hash`] when hashing fails.
    pub fn create(password: &Password, now: DateTime<Utc>, hasher: &Hasher) -> Result<Self, Error> {
        Ok(Self {
            version: STATE_VERSION,
            password_hash: hasher.hash(password.expose().as_bytes())?,
            effective_at: now,
            throttle: Throttle::default(),
            devices: Vec::new(),
        })
    }

    /// The argon2id PHC string of the password (G4).
    #[must_use]
    pub fn password_hash(&self) -> &str {
        &self.password_hash
    }

    /// When the current password takes effect (K5).
    #[must_use]
    pub fn effective_at(&self) -> DateTime<Utc> {
        self.effective_at
    }

    /// Consecutive failed logins (G5).
    #[must_use]
    pub fn failed_logins(&self) -> u32 {
        self.throttle.failures
    }

    /// The remembered browsers (A2).
    #[must_use]
    pub fn devices(&self) -> &[RememberedDevice] {
        &self.devices
    }

    /// This account with a new password hash taking effect after the policy's delay (K5),
    /// the throttle reset and, after a reset, no remembered browsers.
    pub(crate) fn with_password(
        &self,
        hash: String,
        effective_at: DateTime<Utc>,
        forget_devices: bool,
    ) -> Self {
        Self {
            password_hash: hash,
            effective_at,
            throttle: Throttle::default(),
            devices: if forget_devices {
                Vec::new()
            } else {
                self.devices.clone()
            },
            ..self.clone()
        }
    }
}
