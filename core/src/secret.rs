//! Secrets that never print and are wiped from memory when dropped (G3).
//!
//! [`Pin`], [`Password`], [`OneTimeCode`] and [`Pepper`] hold their text in
//! [`zeroize::Zeroizing`] buffers, print as `***` in `Debug` and `Display`, serialise as
//! `"***"` (so a decision printed or stored as JSON in any language shows no secret), cannot
//! be deserialised, and compare in constant time. The only way to the plaintext is an
//! explicit `expose()` call, which makes every use easy to find in review. Errors of this
//! crate never carry a secret or any part of it.

use std::fmt;

use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

macro_rules! secret_text {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[cfg_attr(feature = "python", pyo3_stub_gen::derive::gen_stub_pyclass, pyo3::pyclass(module = "pbx_rules", frozen, eq, from_py_object))]
        #[derive(Clone)]
        pub struct $name(Zeroizing<String>);

        impl $name {
            /// Wraps text that has already passed this type's rules.
            pub(crate) fn from_checked(text: String) -> Self {
                Self(Zeroizing::new(text))
            }

            /// The plaintext, for hashing or handing out once (R1, R2). Keep the borrow short.
            #[must_use]
            pub fn expose(&self) -> &str {
                &self.0
            }

            /// Constant-time comparison with typed text.
            #[must_use]
            pub fn matches(&self, typed: &str) -> bool {
                self.0.as_bytes().ct_eq(typed.as_bytes()).into()
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}(***)", stringify!($name))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("***")
            }
        }

        /// Masked: JSON carries `"***"`, never the plaintext.
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str("***")
            }
        }

        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                self.0.as_bytes().ct_eq(other.0.as_bytes()).into()
            }
        }

        impl Eq for $name {}
    };
}

secret_text!(
    /// A user PIN that passed P1: 4 to 10 ASCII digits under the seed's policy. Build one with
    /// [`Pin::parse`](crate::Pin::parse) or [`generate_pin`](crate::generate_pin).
    Pin
);
secret_text!(
    /// An admin password that passed K1 (and NFKC when the policy asks for it). Build one
    /// with [`Password::parse`](crate::Password::parse) or
    /// [`generate_password`](crate::generate_password).
    Password
);
secret_text!(
    /// A second-factor code mailed to the admin (A2), made by
    /// [`generate_code`](crate::generate_code).
    OneTimeCode
);

/// A server-side secret mixed into every hash (argon2's secret parameter, the "pepper" of
/// G4). It lives outside the database, so a stolen table alone cannot be attacked offline.
#[derive(Clone)]
pub struct Pepper(Zeroizing<Vec<u8>>);

impl Pepper {
    /// Wraps the pepper bytes (at most 2^32 − 1 bytes; 32 random bytes are plenty).
    #[must_use]
    pub fn new(bytes: Vec<u8>) -> Self {
        Self(Zeroizing::new(bytes))
    }

    /// The pepper bytes.
    #[must_use]
    pub fn expose(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for Pepper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pepper(***)")
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    // G3
    #[test]
    fn g3_secrets_print_as_stars() {
        let pin = Pin::from_checked("4711".to_owned());
        let pw = Password::from_checked("Geheimnis".to_owned());
        let code = OneTimeCode::from_checked("123456".to_owned());
        let pepper = Pepper::new(b"pepper".to_vec());
        for shown in [
            format!("{pin:?} {pin} {pw:?} {pw} {code:?} {code} {pepper:?}"),
            format!("{:#?}", (&pin, &pw)),
        ] {
            assert!(!shown.contains("4711"));
            assert!(!shown.contains("Geheimnis"));
            assert!(!shown.contains("123456"));
            assert!(!shown.contains("pepper"));
            assert!(shown.contains("***"));
        }
    }

    // G3
    #[test]
    fn g3_constant_time_comparison_is_still_a_comparison() {
        let pin = Pin::from_checked("4711".to_owned());
        assert!(pin.matches("4711"));
        assert!(!pin.matches("4712"));
        assert!(!pin.matches("47110"));
        assert_eq!(pin, Pin::from_checked("4711".to_owned()));
        assert_ne!(pin, Pin::from_checked("0815".to_owned()));
    }
}
