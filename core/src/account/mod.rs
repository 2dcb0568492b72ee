//! The user account of one extension: its PIN's life from the default PIN to the lock
//! (P2, P4–P6, P8, P9, G5).
//!
//! The account is state the host stores ([`ExtensionAccount`], serde with a schema
//! version). Every operation takes it with the input and `now`, and returns a
//! [`crate::Decision`]: the new state, the effects (sync the voicemail PIN, restart the
//! phone, notify the owner) and the outcome.

mod admin_set;
mod change;
mod create;
mod login;
mod mobile;
mod state;
mod view;

pub use change::PinChanged;
pub use create::Created;
pub use login::UserLogin;
pub(crate) use state::known_version;
pub use state::{ExtensionAccount, PinOrigin, STATE_VERSION};
pub use view::ExtensionAccountView;
