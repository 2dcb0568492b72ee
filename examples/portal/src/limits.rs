//! The host's login throttle, before the core (the hosting duties of the core's security
//! model; G10 for the answers). The core throttles each account in its stored state, so it
//! throttles only identifiers that name an account, and it hashes on every try (G10), a
//! throttled one too. The host counts every login that did not log in, in the database (so
//! the counts hold across instances), under two keys:
//!
//! - **per typed identifier, from one client network**: an extension, a head number or a
//!   staff name, whether it names an account or not, so the limit tells nothing;
//! - **per client network**, over every identifier: what one network may spray.
//!
//! A try over either limit is answered without calling the core (no hash) with the core's
//! own throttle refusal as the policy shows it: "wrong" under uniform answers (strict), like
//! an unknown identifier's; `LOGIN_THROTTLED` with the end of the window otherwise.
//!
//! The identifier is counted per client network, not over all of them, because a limit that
//! anyone can use up would shut the owner out: a head number is public, and the admin's way
//! back (G9, a mailed password that passes the core's lock) must stay open to the admin's own
//! network however hard another one tries. Guessing one account from many networks stays
//! bounded by the core's own lock (G5).
//!
//! Counts are kept per fixed window that starts at a key's first counted try; a try reserves
//! its count before the core runs (so parallel tries cannot all slip under the limit), and a
//! login that succeeds gives it back. Keys are stored as digests: an identifier field often
//! holds a password typed into the wrong box, and client addresses are personal data.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use chrono::{DateTime, TimeDelta, Utc};
use pbx_rules::{Error, LoginError, Policy, Rules};

use crate::session::digest;
use crate::{App, PortalError};

/// The host's limits on failed logins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoginLimits {
    /// How long a window of counts lasts from its first try.
    pub window: TimeDelta,
    /// Failed logins per typed identifier from one client network in a window.
    pub per_identifier: u32,
    /// Failed logins from one client network in a window, over every identifier.
    pub per_client: u32,
}

impl LoginLimits {
    /// The defaults for a policy: 15-minute windows; per identifier the policy's hard limit
    /// (G5: no account survives that many failures, so past it the core would only answer
    /// "locked", and the host saves the hash); per client network ten times that.
    #[must_use]
    pub fn for_policy(policy: &Policy) -> Self {
        // The policy field is `i32` (Kotlin and Java `int`); its bounds keep it within 1..=100.
        let hard = u32::try_from(policy.throttle.hard_limit).unwrap_or(0);
        Self {
            window: TimeDelta::minutes(15),
            per_identifier: hard,
            per_client: hard.saturating_mul(10),
        }
    }
}

/// The network a request comes from: an IPv4 address, or an IPv6 /64 (one subscriber's
/// prefix); `unknown` where the server cannot tell (the router driven without a socket).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Client(pub String);

impl Client {
    /// The network of an address.
    #[must_use]
    pub fn of(ip: IpAddr) -> Self {
        let network = match ip {
            IpAddr::V4(v4) => v4.to_string(),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => v4.to_string(),
                None => {
                    let s = v6.segments();
                    format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
                }
            },
        };
        Self(network)
    }
}

impl FromRequestParts<App> for Client {
    type Rejection = PortalError;

    /// The last address of the configured header (what the trusted proxy in front appended),
    /// else the socket's peer. A configured header that is missing or unreadable falls back
    /// to the peer: behind a proxy that is the proxy, so such requests share one count
    /// rather than escaping it.
    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let from_header = app.config.client_ip_header.as_deref().and_then(|name| {
            let value = parts.headers.get(name)?.to_str().ok()?;
            value.rsplit(',').next()?.trim().parse::<IpAddr>().ok()
        });
        let peer = || {
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(addr)| addr.ip())
        };
        Ok(from_header
            .or_else(peer)
            .map_or_else(|| Self("unknown".to_owned()), Self::of))
    }
}

/// A login's counts, reserved before the core ran; given back if it logs in.
#[derive(Debug)]
pub struct Admitted {
    keys: [String; 2],
}

/// A throttle's refusal as the policy lets the person at the keyboard see it: under
/// uniform answers "wrong", as for an identifier that names no account (G10); else as it is.
/// The same rule the core applies to its own throttle.
#[must_use]
pub fn shown(refusal: LoginError, rules: &Rules) -> Error {
    match refusal {
        LoginError::Throttled { .. } | LoginError::ThrottleLocked
            if rules.policy().recovery.uniform_answers =>
        {
            LoginError::WrongCredentials.into()
        }
        other => other.into(),
    }
}

/// Counts a login of `identifier` (of `kind`: user, admin, staff) from `client`.
///
/// # Errors
/// The refusal of a try over a limit (nothing else is done for it), or a database error.
pub async fn admit(
    app: &App,
    client: &Client,
    kind: &str,
    identifier: &str,
) -> Result<Admitted, PortalError> {
    let limits = app.login_limits();
    let now = app.now();
    let keys = [
        digest(
            "portal limit",
            &format!("{kind}\0{identifier}\0{}", client.0),
        ),
        digest("portal limit", &format!("client\0{}", client.0)),
    ];
    let expired = now
        .checked_sub_signed(limits.window)
        .unwrap_or(DateTime::<Utc>::MIN_UTC);
    let counts = app
        .db
        .limit_count(&keys, now.timestamp(), expired.timestamp())
        .await?;
    let mut retry_at = None;
    for ((failures, started), limit) in counts
        .into_iter()
        .zip([limits.per_identifier, limits.per_client])
    {
        if failures > i64::from(limit) {
            let end = DateTime::from_timestamp(started, 0)
                .and_then(|s| s.checked_add_signed(limits.window))
                .unwrap_or(DateTime::<Utc>::MAX_UTC);
            retry_at = retry_at.max(Some(end));
        }
    }
    match retry_at {
        None => Ok(Admitted { keys }),
        Some(retry_at) => {
            tracing::info!(
                kind,
                "a login over the host's limit, refused without the core"
            );
            Err(shown(LoginError::Throttled { retry_at }, &app.rules).into())
        }
    }
}

/// Runs `login` (the core's part of a login) under the host's limits: counted before, over a
/// limit not run at all, its count given back if it logs in.
///
/// # Errors
/// The refusal of a try over a limit, what `login` returns, or a database error.
pub async fn guarded<R>(
    app: &App,
    client: &Client,
    kind: &str,
    identifier: &str,
    login: impl Future<Output = Result<R, PortalError>>,
) -> Result<R, PortalError> {
    let admitted = admit(app, client, kind, identifier).await?;
    let result = login.await;
    if result.is_ok() {
        app.db.limit_refund(&admitted.keys).await?;
    }
    result
}

/// The core's part of a login whose identifier names no account: one hash at the policy's
/// costs, as a known account's login costs (G10), and "wrong".
pub async fn unknown_identifier(app: &App, typed: String) -> PortalError {
    let hashed = app
        .blocking(move |app| {
            app.rules.dummy_verify(&typed);
            Ok(())
        })
        .await;
    match hashed {
        Ok(()) => LoginError::WrongCredentials.into(),
        Err(e) => e,
    }
}

/// Identifier text as counted: digits only for numbers typed with hyphens or spaces, so every
/// way of typing one number counts together.
#[must_use]
pub fn digits_of(typed: &str) -> String {
    typed.chars().filter(char::is_ascii_digit).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::Client;

    #[test]
    fn a_client_is_an_ipv4_address_or_an_ipv6_64() {
        let of = |ip: &str| Client::of(ip.parse().unwrap()).0;
        assert_eq!(of("198.51.100.7"), "198.51.100.7");
        assert_eq!(of("::ffff:198.51.100.7"), "198.51.100.7");
        assert_eq!(of("2001:db8:1:2::5"), of("2001:db8:1:2:ffff::6"));
        assert_eq!(of("2001:db8:1:2::5"), "2001:db8:1:2::/64");
        assert_ne!(of("2001:db8:1:2::5"), of("2001:db8:1:3::5"));
    }
}
