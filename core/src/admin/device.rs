//! Remembered browsers: the token that lets an admin skip the second-factor step (A2).
//!
//! A token is `id.secret`: the id finds the record, the secret is verified against the
//! record's hash, so a login costs one hash check however many browsers are remembered,
//! and a stolen database yields no usable token.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::deadline::valid_until;
use crate::generate::draw;
use crate::{Error, Hasher, OneTimeCode, Rules};

const ID_ALPHABET: &[u8] = b"0123456789abcdef";
const SECRET_ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/// 16 hex digits tell records apart; 32 of 62 symbols give 190 bits of secret.
const ID_LEN: usize = 16;
const SECRET_LEN: usize = 32;

/// A remembered browser, as the admin account stores it. Its `Debug` shows no hash (F9).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RememberedDevice {
    id: String,
    hash: String,
    expires_at: DateTime<Utc>,
}

/// A new token for the browser (a cookie), handed out once, and its record to store.
#[derive(Debug, serde::Serialize)]
#[non_exhaustive]
pub struct DeviceToken {
    /// The token for the browser; prints as `***`.
    pub token: OneTimeCode,
    /// The record for the admin account.
    pub record: RememberedDevice,
}

impl DeviceToken {
    /// Issues a token valid for the policy's lifetime from `now`.
    pub(crate) fn issue(now: DateTime<Utc>, rules: &Rules) -> Result<Self, Error> {
        let (policy, hasher) = (rules.policy(), rules.hasher());
        let id = draw(ID_ALPHABET, ID_LEN)?;
        let secret = draw(SECRET_ALPHABET, SECRET_LEN)?;
        let lifetime =
            chrono::TimeDelta::days(i64::from(policy.session.device_token_lifetime_days));
        let record = RememberedDevice {
            id: id.to_string(),
            hash: hasher.hash(secret.as_bytes())?,
            // F6: a lifetime past the end of time remembers nothing.
            expires_at: valid_until(now, lifetime).unwrap_or(now),
        };
        let token = OneTimeCode::from_checked(format!("{}.{}", id.as_str(), secret.as_str()));
        Ok(Self { token, record })
    }
}

/// F9: the id (half of the cookie) and the hash never print.
impl std::fmt::Debug for RememberedDevice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RememberedDevice")
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

impl RememberedDevice {
    /// Whether `token` names this record, is unexpired at `now` and verifies.
    pub(crate) fn accepts(&self, token: &str, now: DateTime<Utc>, hasher: &Hasher) -> bool {
        let Some((id, secret)) = token.split_once('.') else {
            return false;
        };
        // F10: a secret of another length is not this token's and is not hashed.
        id == self.id
            && secret.len() == SECRET_LEN
            && now < self.expires_at
            && hasher
                .verify(secret.as_bytes(), &self.hash)
                .unwrap_or(false)
    }

    /// When the browser must pass the second factor again.
    #[must_use]
    pub fn expires_at(&self) -> DateTime<Utc> {
        self.expires_at
    }
}
