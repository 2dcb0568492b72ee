//! Where a call to an extension goes (B3).

use serde::{Deserialize, Serialize};

use super::{ExtensionMasterData, PbxMasterData};
use crate::{E164, ExtensionDigits};

/// Whether the extension can take calls right now, as the switch reports it.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass_enum(module = "pbx_rules", skip_stub_type)
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reachability {
    /// The extension is registered and reachable.
    Reachable,
    /// The extension cannot be reached for technical reasons (network failure, no registration).
    Unreachable,
}

/// Which rule of B3 decided a route.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass_enum(module = "pbx_rules", skip_stub_type)
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RouteRule {
    /// The extension is reachable: no rerouting.
    Reachable,
    /// Unreachable, and it has its own backup number.
    IndividualBackup,
    /// Unreachable, no own backup number: the PBX's central one.
    CentralBackup,
}

/// Where a call to one extension goes, and why (B3).
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass,
    pyo3::pyclass(module = "pbx_rules", frozen, get_all, eq)
)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Route {
    /// The extension called.
    pub extension: ExtensionDigits,
    /// The number the call is rerouted to; `None` when it rings at the extension.
    pub reroute_to: Option<E164>,
    /// The rule that decided.
    pub rule: RouteRule,
}

impl Route {
    /// Decides where a call to `extension` goes (B3): a reachable extension is not rerouted;
    /// an unreachable one goes to its own backup number, else to the central one.
    #[must_use]
    pub fn decide(
        pbx: &PbxMasterData,
        extension: &ExtensionMasterData,
        reachability: Reachability,
    ) -> Self {
        let (reroute_to, rule) = match (reachability, extension.backup_number()) {
            (Reachability::Reachable, _) => (None, RouteRule::Reachable),
            (Reachability::Unreachable, Some(own)) => {
                (Some(own.clone()), RouteRule::IndividualBackup)
            }
            (Reachability::Unreachable, None) => (
                Some(pbx.central_backup_number().clone()),
                RouteRule::CentralBackup,
            ),
        };
        Self {
            extension: extension.digits.clone(),
            reroute_to,
            rule,
        }
    }
}

/// The backup route of every extension of a PBX should it become unreachable, in the
/// order given: the table a switch loads before an outage rather than during one.
#[must_use]
pub fn routing_table(pbx: &PbxMasterData, extensions: &[ExtensionMasterData]) -> Vec<Route> {
    extensions
        .iter()
        .map(|e| Route::decide(pbx, e, Reachability::Unreachable))
        .collect()
}
