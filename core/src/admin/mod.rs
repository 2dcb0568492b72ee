//! The admin's account and login steps (A1–A4, K3, K5, P7).
//!
//! An admin login runs in order: head number and password (A1, K5, G5); a second factor
//! for a browser that is not remembered, where the admin either requests extended rights
//! by a mailed code or continues without them (A2); the privacy notice at every login
//! (A4); then the list of extensions still on the default PIN, when there are any (P7).
//! [`AdminSession`] is the host-stored state of one login; [`AdminAccount`] that of the
//! PBX's admin.

mod code;
mod device;
mod login;
mod password;
mod session;
mod state;
mod view;

pub use device::{DeviceToken, RememberedDevice};
pub use password::PasswordChanged;
pub use session::{AdminSession, AdminStep};
pub use state::AdminAccount;
pub use view::{AdminAccountView, AdminSessionView, RememberedDeviceView};
