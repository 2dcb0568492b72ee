#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

mod backup;
mod lang;
mod number;
mod permission;
mod policy;

pub use backup::{
    BackupError, ExtensionMasterData, PbxMasterData, Reachability, Route, RouteRule, routing_table,
};
pub use lang::{Lang, Localized};
pub use number::{
    BaseNumber, BaseNumberError, E164, ExtensionDigits, LoginIdError, NumberBatch, NumberError,
    NumberKind, NumberPlan, PhoneNumber,
};
pub use permission::{Action, Actor, PermissionError, authorize};
pub use policy::{NumberPolicy, Policy};
