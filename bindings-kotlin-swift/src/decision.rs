//! What a lifecycle operation decided (G1): the state to save, the effects to carry out and
//! the outcome, as one handle per operation kind (uniffi has no generics) around the core's
//! own `Decision`.
//!
//! A decision is an object rather than a `Result` because the state must reach the host
//! also after a refusal (a failed login is counted, G5): `state()` and `effects()` always
//! answer, `outcome()` returns the result or throws the refusal, and `toJson()` is the core's
//! JSON of the whole decision (secrets as `"***"`), the same in every language.

/// One decision handle: `$name` wraps `Decision<$core_state, $core_ok>`; `$state` converts
/// the state for the boundary, `$ok` the success value (both from references).
macro_rules! decision {
    ($(#[$doc:meta])* $name:ident: $core_state:ty => $state:ty = $state_fn:expr;
     $core_ok:ty => $ok:ty = $ok_fn:expr) => {
        $(#[$doc])*
        #[derive(Debug, uniffi::Object)]
        pub struct $name(pbx_rules::Decision<$core_state, $core_ok>);

        impl $name {
            pub(crate) fn wrap(d: pbx_rules::Decision<$core_state, $core_ok>) -> std::sync::Arc<Self> {
                std::sync::Arc::new(Self(d))
            }
        }

        #[uniffi::export]
        impl $name {
            /// The state to save, also after a refusal.
            pub fn state(&self) -> $state {
                ($state_fn)(&self.0.state)
            }

            /// What the host must carry out, in order, together with saving the state.
            pub fn effects(&self) -> Vec<pbx_rules::Effect> {
                self.0.effects.clone()
            }

            /// What happened.
            /// Throws The refusal, as the core decided it.
            pub fn outcome(&self) -> Result<$ok, $crate::RuleError> {
                match &self.0.outcome {
                    Ok(value) => Ok(($ok_fn)(value)),
                    Err(e) => Err($crate::RuleError::from(e.clone())),
                }
            }

            /// The core's JSON of the decision: `{"state":…,"effects":[…],"outcome":{"ok":…}}`
            /// or `{…,"outcome":{"error":{…}}}`.
            pub fn to_json(&self) -> String {
                self.0.to_json()
            }
        }
    };
}
pub(crate) use decision;

/// A value that crosses as it is.
pub(crate) fn same<T: Clone>(value: &T) -> T {
    value.clone()
}

/// A unit outcome.
pub(crate) fn unit(_: &()) {}
