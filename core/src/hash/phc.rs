//! Reading and writing argon2id PHC strings (G4).
//!
//! The grammar accepted is exactly what this crate writes, and what argon2-cffi, libsodium
//! and the reference implementation write for argon2id version 0x13:
//! `$argon2id$v=19$m=<m>,t=<t>,p=<p>$<salt>$<hash>` with salt and hash in unpadded standard
//! base64. Anything else is [`HashError::Malformed`] or [`HashError::Unsupported`]; the
//! parser never panics (fuzzed by `core/fuzz`, target `phc`).

use base64ct::{Base64Unpadded, Encoding};

use super::HashError;

/// Shortest salt Argon2 accepts (bytes).
const MIN_SALT: usize = 8;
/// Longest salt or hash this parser reads (bytes); longer values are not credentials.
const MAX_FIELD: usize = 1024;
/// Shortest hash output Argon2 produces (bytes).
const MIN_OUTPUT: usize = 4;

/// The parts of a stored argon2id hash.
#[derive(Clone, PartialEq, Eq)]
pub struct PhcHash {
    /// Memory cost in KiB.
    pub m_cost: u32,
    /// Time cost.
    pub t_cost: u32,
    /// Lanes.
    pub p_cost: u32,
    /// The salt bytes.
    pub salt: Vec<u8>,
    /// The hash output bytes.
    pub hash: Vec<u8>,
}

impl std::fmt::Debug for PhcHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PhcHash")
            .field("m_cost", &self.m_cost)
            .field("t_cost", &self.t_cost)
            .field("p_cost", &self.p_cost)
            .field("salt_len", &self.salt.len())
            .field("hash_len", &self.hash.len())
            .finish()
    }
}

impl PhcHash {
    /// Whether `other` has the same salt, costs and output length, so one evaluation
    /// computes both.
    #[cfg(feature = "lifecycle")]
    pub(crate) fn same_salt_and_costs(&self, other: &Self) -> bool {
        (self.m_cost, self.t_cost, self.p_cost, self.hash.len())
            == (other.m_cost, other.t_cost, other.p_cost, other.hash.len())
            && self.salt == other.salt
    }

    /// Reads a PHC string.
    ///
    /// # Errors
    /// [`HashError::Malformed`] naming the part that could not be read, or
    /// [`HashError::Unsupported`] for another algorithm or version.
    ///
    /// # Examples
    /// ```
    /// use pbx_rules::PhcHash;
    /// let phc = PhcHash::parse("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$\
    ///     qUq1I6zxmgW9yn6uQpUahE3PG7FgnBXiHdJLgJwb5bk")?;
    /// assert_eq!((phc.m_cost, phc.t_cost, phc.p_cost), (19456, 2, 1));
    /// # Ok::<(), pbx_rules::HashError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, HashError> {
        let mut parts = text.split('$');
        if parts.next() != Some("") {
            return Err(HashError::Malformed { part: "algorithm" });
        }
        match parts.next() {
            Some("argon2id") => {}
            Some("argon2i" | "argon2d") => return Err(HashError::Unsupported),
            Some(id)
                if !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') =>
            {
                return Err(HashError::Unsupported);
            }
            _ => return Err(HashError::Malformed { part: "algorithm" }),
        }
        match parts.next() {
            Some("v=19") => {}
            Some(v) if v.starts_with("v=") && decimal(&v[2..]).is_some() => {
                return Err(HashError::Unsupported);
            }
            _ => return Err(HashError::Malformed { part: "version" }),
        }
        let (m_cost, t_cost, p_cost) = params(parts.next().unwrap_or_default())
            .ok_or(HashError::Malformed { part: "params" })?;
        let salt = field(parts.next(), MIN_SALT).ok_or(HashError::Malformed { part: "salt" })?;
        let hash = field(parts.next(), MIN_OUTPUT).ok_or(HashError::Malformed { part: "hash" })?;
        if parts.next().is_some() {
            return Err(HashError::Malformed { part: "hash" });
        }
        Ok(Self {
            m_cost,
            t_cost,
            p_cost,
            salt,
            hash,
        })
    }

    /// Writes the PHC string.
    #[must_use]
    pub fn to_phc_string(&self) -> String {
        format!(
            "$argon2id$v=19$m={},t={},p={}${}${}",
            self.m_cost,
            self.t_cost,
            self.p_cost,
            Base64Unpadded::encode_string(&self.salt),
            Base64Unpadded::encode_string(&self.hash)
        )
    }
}

/// A decimal without sign or leading zeros that fits a `u32`.
fn decimal(text: &str) -> Option<u32> {
    let leading_zero = text.len() > 1 && text.starts_with('0');
    if text.is_empty()
        || text.len() > 10
        || leading_zero
        || !text.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    text.parse().ok()
}

/// `m=<m>,t=<t>,p=<p>` in this order, nothing else.
fn params(text: &str) -> Option<(u32, u32, u32)> {
    let mut items = text.split(',');
    let mut next = |key: &str| {
        items
            .next()
            .and_then(|item| item.strip_prefix(key))
            .and_then(|value| value.strip_prefix('='))
            .and_then(decimal)
    };
    let found = (next("m")?, next("t")?, next("p")?);
    items.next().is_none().then_some(found)
}

/// Unpadded standard base64 of `min..=MAX_FIELD` bytes.
fn field(text: Option<&str>, min: usize) -> Option<Vec<u8>> {
    let text = text?;
    if text.len() > MAX_FIELD * 4 / 3 + 4 {
        return None;
    }
    let bytes = Base64Unpadded::decode_vec(text).ok()?;
    (min..=MAX_FIELD).contains(&bytes.len()).then_some(bytes)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const GOOD: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$qUq1I6zxmgW9yn6uQpUahE3PG7FgnBXiHdJLgJwb5bk";

    // G4
    #[test]
    fn g4_round_trip() {
        let phc = PhcHash::parse(GOOD).unwrap();
        assert_eq!(phc.salt, b"saltsaltsalt");
        assert_eq!(phc.to_phc_string(), GOOD);
    }

    // G4
    #[test]
    fn g4_malformed_strings_are_typed_errors() {
        let cases = [
            ("", "algorithm"),
            ("argon2id$v=19", "algorithm"),
            ("$$v=19", "algorithm"),
            ("$argon2id", "version"),
            ("$argon2id$v=", "version"),
            ("$argon2id$v=19$m=1,t=1", "params"),
            (
                "$argon2id$v=19$t=2,m=19456,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
                "params",
            ),
            (
                "$argon2id$v=19$m=019456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
                "params",
            ),
            (
                "$argon2id$v=19$m=99999999999,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
                "params",
            ),
            (
                "$argon2id$v=19$m=19456,t=2,p=1,k=1$c2FsdHNhbHQ$aGFzaGhhc2g",
                "params",
            ),
            ("$argon2id$v=19$m=19456,t=2,p=1$c2Fs$aGFzaGhhc2g", "salt"),
            (
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ=$aGFzaGhhc2g",
                "salt",
            ),
            ("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ", "hash"),
            (
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g$",
                "hash",
            ),
        ];
        for (text, part) in cases {
            assert_eq!(
                PhcHash::parse(text),
                Err(HashError::Malformed { part }),
                "{text}"
            );
        }
    }

    // G4
    #[test]
    fn g4_other_algorithms_are_unsupported() {
        for text in [
            "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
            "$2b$12$abcdefghijklmnopqrstuv",
            "$argon2id$v=16$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
        ] {
            assert_eq!(PhcHash::parse(text), Err(HashError::Unsupported), "{text}");
        }
    }
}
