//! Fuzzes reading stored state back (G1): any bytes give a value or an error, never a
//! panic, and whatever is accepted writes and reads back to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pbx_rules::{AdminAccount, AdminSession, ExtensionAccount, ExtensionMasterData, PbxMasterData};
use serde::{Serialize, de::DeserializeOwned};

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(data: &[u8]) {
    if let Ok(value) = serde_json::from_slice::<T>(data) {
        let again: T = serde_json::from_str(&serde_json::to_string(&value).unwrap()).unwrap();
        assert_eq!(again, value);
    }
}

fuzz_target!(|data: &[u8]| {
    round_trip::<ExtensionAccount>(data);
    round_trip::<AdminAccount>(data);
    round_trip::<AdminSession>(data);
    round_trip::<PbxMasterData>(data);
    round_trip::<ExtensionMasterData>(data);
});
