//! Who may do what (B4, P4, A3, R3, V1): `Actor`, `Action`, `authorize`.

use pbx_rules as rules;
use pyo3::prelude::*;
use pyo3_stub_gen::derive::{gen_stub_pyclass, gen_stub_pyfunction};

use crate::error::Result;
use crate::numbers::digits_of;

/// Who is acting. Build one with `Actor.user("10")`, `Actor.admin()`, …
#[gen_stub_pyclass]
#[pyclass(name = "Actor", module = "pbx_rules", frozen, eq)]
#[derive(PartialEq)]
pub struct Actor(pub rules::Actor);

impl crate::convert::ShowFields for Actor {
    const SHOWN: crate::convert::Shown = crate::convert::Shown::Dict(&[]);
}

crate::convert::handle!(dict repr Actor {
    /// The user of an extension.
    #[staticmethod]
    fn user(extension: &str) -> Result<Self> {
        Ok(Self(rules::Actor::User {
            extension: digits_of(extension)?,
        }))
    }
    /// The admin of the PBX, with or without extended rights (A2, A3).
    #[staticmethod]
    #[pyo3(signature = (extended_rights = false))]
    fn admin(extended_rights: bool) -> Self {
        Self(rules::Actor::Admin { extended_rights })
    }
    /// The provider's staff.
    #[staticmethod]
    fn staff() -> Self {
        Self(rules::Actor::Staff)
    }
    /// A partner, with or without the advanced training (V1).
    #[staticmethod]
    #[pyo3(signature = (advanced_training = false))]
    fn partner(advanced_training: bool) -> Self {
        Self(rules::Actor::Partner { advanced_training })
    }
    /// The role, as the core names it: `user`, `admin`, `staff` or `partner`.
    #[getter]
    fn role(&self) -> &'static str {
        match self.0 {
            rules::Actor::User { .. } => "user",
            rules::Actor::Admin { .. } => "admin",
            rules::Actor::Staff => "staff",
            rules::Actor::Partner { .. } => "partner",
        }
    }
});

/// What an actor asks to do. Build one with `Action.set_backup_number("10")`, …
#[gen_stub_pyclass]
#[pyclass(name = "Action", module = "pbx_rules", frozen, eq)]
#[derive(PartialEq)]
pub struct Action(pub rules::Action);

impl crate::convert::ShowFields for Action {
    const SHOWN: crate::convert::Shown = crate::convert::Shown::Dict(&[]);
}

crate::convert::handle!(dict repr Action {
    /// Set the backup number of an extension (B4).
    #[staticmethod]
    fn set_backup_number(extension: &str) -> Result<Self> {
        Ok(Self(rules::Action::SetBackupNumber {
            extension: digits_of(extension)?,
        }))
    }
    /// Set the central backup number (B4).
    #[staticmethod]
    fn set_central_backup_number() -> Self {
        Self(rules::Action::SetCentralBackupNumber)
    }
    /// Change the PIN of an extension with the old one (P3, F1).
    #[staticmethod]
    fn change_pin(extension: &str) -> Result<Self> {
        Ok(Self(rules::Action::ChangePin {
            extension: digits_of(extension)?,
        }))
    }
    /// Set the PIN of an extension without the old one (P4).
    #[staticmethod]
    fn set_pin(extension: &str) -> Result<Self> {
        Ok(Self(rules::Action::SetPin {
            extension: digits_of(extension)?,
        }))
    }
    /// Manage extensions (A3).
    #[staticmethod]
    fn manage_extensions() -> Self {
        Self(rules::Action::ManageExtensions)
    }
    /// View SIP account data (A3).
    #[staticmethod]
    fn view_sip_account() -> Self {
        Self(rules::Action::ViewSipAccount)
    }
    /// View statistics (A3).
    #[staticmethod]
    fn view_statistics() -> Self {
        Self(rules::Action::ViewStatistics)
    }
    /// Manage TAPI licences (A3).
    #[staticmethod]
    fn manage_tapi_licences() -> Self {
        Self(rules::Action::ManageTapiLicences)
    }
    /// Change the contract (A3).
    #[staticmethod]
    fn contract_changes() -> Self {
        Self(rules::Action::ContractChanges)
    }
    /// Switch self-service PIN reset (R3).
    #[staticmethod]
    fn set_self_service_pin_reset() -> Self {
        Self(rules::Action::SetSelfServicePinReset)
    }
    /// Switch preview mode (V1).
    #[staticmethod]
    fn switch_preview_mode() -> Self {
        Self(rules::Action::SwitchPreviewMode)
    }
    /// Whether an admin needs extended rights for it (A3).
    #[getter]
    fn needs_extended_rights(&self) -> bool {
        self.0.needs_extended_rights()
    }
});

/// Whether `actor` may perform `action`; raises `PermissionDenied` naming what is missing.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
pub fn authorize(actor: &Actor, action: &Action) -> Result<()> {
    Ok(rules::authorize(&actor.0, &action.0)?)
}
