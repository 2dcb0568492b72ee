//! Backup routing: where a call goes when an extension cannot be reached (B1–B6).
//!
//! Each extension may have one backup number of its own; the PBX always has one central
//! backup number (B1). Edits return new master data and never change what they were given,
//! so a refused edit leaves the stored value as it was (B2).

mod edit;
mod error;
mod master_data;
mod routing;
mod view;

pub use error::BackupError;
pub use master_data::{ExtensionMasterData, PbxMasterData};
pub use routing::{Reachability, Route, RouteRule, routing_table};
pub use view::{ExtensionMasterDataView, PbxMasterDataView};
