//! Remembered browsers: the token that lets an admin skip the second-factor step (A2).
//!
//! A token is `id.secret`: the id finds the record, the secret is compared with the record's
//! hash, so a stolen database yields no usable token. The secret is 190 random bits, so a
//! plain BLAKE2b hash protects it as well as argon2 would (no one guesses 190 bits), and a
//! login with a remembered browser costs no second argon2 evaluation: every login path does
//! the same hashing work (G10). Records written with argon2 never match and the browser
//! passes the second factor once more.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use base64ct::{Base64Unpadded, Encoding};
use blake2::{Blake2b256, Digest};
use subtle::ConstantTimeEq;

use crate::deadline::valid_until;
use crate::generate::draw;
use crate::{Error, OneTimeCode, Rules};

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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, serde::Serialize)]
#[non_exhaustive]
pub struct DeviceToken {
    /// The token for the browser; prints as `***`.
    #[cfg_attr(feature = "wasm", tsify(type = "Secret"))]
    pub token: OneTimeCode,
    /// The record for the admin account.
    pub record: RememberedDevice,
}

impl DeviceToken {
    /// Issues a token valid for the policy's lifetime from `now`.
    pub(crate) fn issue(now: DateTime<Utc>, rules: &Rules) -> Result<Self, Error> {
        let policy = rules.policy();
        let id = draw(ID_ALPHABET, ID_LEN)?;
        let secret = draw(SECRET_ALPHABET, SECRET_LEN)?;
        let lifetime =
            chrono::TimeDelta::days(i64::from(policy.session.device_token_lifetime_days));
        let record = RememberedDevice {
            id: id.to_string(),
            hash: digest(secret.as_bytes()),
            // F6: a lifetime past the end of time remembers nothing.
            expires_at: valid_until(now, lifetime).unwrap_or(now),
        };
        let token = OneTimeCode::from_checked(format!("{}.{}", id.as_str(), secret.as_str()));
        Ok(Self { token, record })
    }
}

/// The stored form of a token's secret: `$blake2b-256$` and the digest in unpadded base64.
fn digest(secret: &[u8]) -> String {
    format!(
        "$blake2b-256${}",
        Base64Unpadded::encode_string(&Blake2b256::digest(secret))
    )
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
    /// Whether `token` names this record, is unexpired at `now` and matches its hash, compared
    /// in constant time.
    pub(crate) fn accepts(&self, token: &str, now: DateTime<Utc>) -> bool {
        let Some((id, secret)) = token.split_once('.') else {
            return false;
        };
        // F10: a secret of another length is not this token's and is not hashed.
        id == self.id
            && secret.len() == SECRET_LEN
            && now < self.expires_at
            && bool::from(
                digest(secret.as_bytes())
                    .as_bytes()
                    .ct_eq(self.hash.as_bytes()),
            )
    }

    /// When the browser must pass the second factor again.
    #[must_use]
    pub fn expires_at(&self) -> DateTime<Utc> {
        self.expires_at
    }
}
