//! Sessions that end with the credential (G11).
//!
//! The host keeps its sessions (a cookie names a row), but only the core knows when one must
//! end: a successful login opens a [`SessionStamp`], and on every request the host asks the
//! account whether the stamp still holds ([`crate::ExtensionAccount::check_session`],
//! [`crate::AdminAccount::check_session`]). It no longer does after the account's credential
//! changed, was set by the admin or replaced by a mailed one (each moves the account's
//! credential epoch on), once the account is locked or its change window lapsed, or past the
//! policy's idle and absolute limits (OWASP ASVS 5.0 V7).

mod error;
mod stamp;

pub use error::SessionError;
pub use stamp::SessionStamp;
