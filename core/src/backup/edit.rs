//! Changing backup numbers: who may (B4), what is checked (B6), what else changes (B5).

use super::{BackupError, ExtensionMasterData, PbxMasterData};
use crate::{Action, Actor, E164, Error, NumberPlan, Rules, authorize};

impl ExtensionMasterData {
    /// Sets, overwrites or clears (empty input) this extension's backup number, returning the
    /// new master data. The number is normalised to E.164 first (B6) and is written as the
    /// mobile number too (B5). Clearing leaves the mobile number as it is: the app and SMS
    /// services may still use it, and the seed only ties setting to the mirror.
    ///
    /// # Errors
    /// [`Error::Permission`] unless the actor is this extension's user or the admin
    /// (B4); [`Error::Number`] for a number that is not valid (N2);
    /// [`BackupError::KindRefused`] for a kind of line the plan does not allow as a backup
    /// number, such as premium rate `0900` (I2). Either way nothing changes.
    ///
    /// # Examples
    /// ```
    /// use pbx_rules::{Actor, ExtensionDigits, ExtensionMasterData, Rules};
    /// let ten = ExtensionDigits::parse("10")?;
    /// let ext = ExtensionMasterData::new(ten.clone(), "Ada");
    /// let user = Actor::User { extension: ten };
    /// let ext = ext.set_backup_number(&user, "0171 12345678", &Rules::centrexx())?;
    /// assert_eq!(ext.backup_number().map(|n| n.as_str()), Some("+4917112345678"));
    /// assert_eq!(ext.mobile_number, ext.backup_number().cloned());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_backup_number(
        &self,
        actor: &Actor,
        typed: &str,
        rules: &Rules,
    ) -> Result<Self, Error> {
        authorize(
            actor,
            &Action::SetBackupNumber {
                extension: self.digits.clone(),
            },
        )?;
        let mut next = self.clone();
        if typed.trim().is_empty() {
            next.backup_number = None;
        } else {
            let number = backup_number(rules.number_plan(), typed)?;
            next.mobile_number = Some(number.clone());
            next.backup_number = Some(number);
        }
        Ok(next)
    }
}

impl PbxMasterData {
    /// Saves a new central backup number, returning the new master data (B2, B4, B6).
    ///
    /// # Errors
    /// [`Error::Permission`] unless the actor is the admin (B4);
    /// [`BackupError::CentralRequired`] for empty input (B2); [`Error::Number`] for an
    /// invalid number; [`BackupError::KindRefused`] for a kind the plan does not allow (I2).
    /// The previous value stays in every case.
    pub fn set_central_backup_number(
        &self,
        actor: &Actor,
        typed: &str,
        rules: &Rules,
    ) -> Result<Self, Error> {
        authorize(actor, &Action::SetCentralBackupNumber)?;
        if typed.trim().is_empty() {
            return Err(BackupError::CentralRequired.into());
        }
        let mut next = self.clone();
        next.central_backup_number = backup_number(rules.number_plan(), typed)?;
        Ok(next)
    }
}

/// A typed backup number in E.164 form, if it is valid (B6) and of a kind the plan allows
/// as a backup number (I2).
fn backup_number(plan: &NumberPlan, typed: &str) -> Result<E164, Error> {
    let number = plan.normalize(typed)?;
    if !plan.allows_backup(number.kind()) {
        return Err(BackupError::KindRefused {
            kind: number.kind(),
        }
        .into());
    }
    Ok(number.e164().clone())
}
