//! What a host reads about the master data: one record each, with the facts the core
//! derives (the head number, N5) already worked out.

use super::{ExtensionMasterData, PbxMasterData};
use crate::E164;
use crate::boundary::output_record;

output_record! {
    /// The PBX's master data. Master data is the host's to store; the core keeps no
    /// revision for it (the host's store versions its own rows).
    pub struct PbxMasterDataView {
        /// The PBX number without extension digits, in E.164 form.
        pub base_number: E164,
        /// Its area code as dialled nationally (`06131`).
        pub area_code: String,
        /// Its subscriber part (`62468`).
        pub subscriber: String,
        /// The extension digits of the central answering point (N5).
        pub central_digits: crate::ExtensionDigits,
        /// The head number, base number plus central digits (N5); none when the whole passes
        /// E.164's 15 digits.
        pub head_number: Option<E164>,
        /// The company name (K4).
        pub company_name: String,
        /// The admin contact address (R1).
        pub admin_email: Option<String>,
        /// The central backup number (B1).
        pub central_backup_number: E164,
        /// Whether users may reset their PIN themselves (R3).
        pub self_service_pin_reset: bool,
    }
}

output_record! {
    /// One extension's master data.
    pub struct ExtensionMasterDataView {
        /// The extension digits.
        pub digits: crate::ExtensionDigits,
        /// The user's name.
        pub name: String,
        /// The user's address for forgot-PIN (R2).
        pub email: Option<String>,
        /// The mobile number (B5, P8).
        pub mobile_number: Option<E164>,
        /// The extension's own backup number (B1).
        pub backup_number: Option<E164>,
        /// Whether this user may reset the PIN (R3).
        pub self_service_pin_reset: bool,
    }
}

impl PbxMasterData {
    /// Every field and the head number, for a host's form or API.
    #[must_use]
    pub fn view(&self) -> PbxMasterDataView {
        PbxMasterDataView {
            base_number: self.base_number.e164().clone(),
            area_code: self.base_number.area_code().to_owned(),
            subscriber: self.base_number.subscriber().to_owned(),
            central_digits: self.central_digits.clone(),
            head_number: self.head_number().ok(),
            company_name: self.company_name.clone(),
            admin_email: self.admin_email.clone(),
            central_backup_number: self.central_backup_number.clone(),
            self_service_pin_reset: self.self_service_pin_reset,
        }
    }
}

impl ExtensionMasterData {
    /// Every field, for a host's form or API.
    #[must_use]
    pub fn view(&self) -> ExtensionMasterDataView {
        ExtensionMasterDataView {
            digits: self.digits.clone(),
            name: self.name.clone(),
            email: self.email.clone(),
            mobile_number: self.mobile_number.clone(),
            backup_number: self.backup_number.clone(),
            self_service_pin_reset: self.self_service_pin_reset,
        }
    }
}
