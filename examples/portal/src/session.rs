//! Sessions and the remembered-browser token as cookies: `HttpOnly`, `SameSite=Strict`,
//! `Secure` unless the host turned it off (see `Config::secure_cookies`).

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use pbx_rules::{AdminSession, ExtensionDigits};
use rusqlite::{OptionalExtension, params};

use crate::{App, PortalError, Stored, Table};

/// The session cookie: `u.<token>` for a user, `a.<token>` for the admin.
pub const SESSION_COOKIE: &str = "portal_session";
/// The remembered browser of the admin (A2): the core's device token.
pub const DEVICE_COOKIE: &str = "portal_device";

/// A fresh random token (256 bits, hex).
///
/// # Errors
/// The system's randomness is unavailable.
pub fn token() -> Result<String, PortalError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|_| PortalError::Internal)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// A cookie with the portal's flags.
#[must_use]
pub fn cookie(app: &App, name: &'static str, value: String, days: i64) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .secure(app.config.secure_cookies)
        .same_site(SameSite::Strict)
        .max_age(::cookie::time::Duration::days(days))
        .build()
}

/// A logged-in user: the extension and whether the PIN must still be changed (P6).
#[derive(Clone, Debug)]
pub struct UserSession {
    /// The token (the cookie's value after `u.`).
    pub token: String,
    /// The extension.
    pub extension: ExtensionDigits,
    /// Only the change-PIN page is open (P6).
    pub must_change: bool,
}

/// Starts a user session.
///
/// # Errors
/// The database fails.
pub fn start_user(
    app: &App,
    extension: &ExtensionDigits,
    must_change: bool,
) -> Result<String, PortalError> {
    let token = token()?;
    app.db.with(|c| {
        c.execute(
            "INSERT INTO user_sessions (token, extension, must_change) VALUES (?1, ?2, ?3)",
            params![token, extension.as_str(), must_change],
        )
    })?;
    Ok(format!("u.{token}"))
}

/// Marks the PIN changed (P6 done).
///
/// # Errors
/// The database fails.
pub fn pin_changed(app: &App, token: &str) -> Result<(), PortalError> {
    app.db.with(|c| {
        c.execute(
            "UPDATE user_sessions SET must_change = 0 WHERE token = ?1",
            [token],
        )
    })?;
    Ok(())
}

/// The user session of this browser.
///
/// # Errors
/// [`PortalError::NotLoggedIn`] without one.
pub fn user(app: &App, jar: &CookieJar) -> Result<UserSession, PortalError> {
    let token = jar
        .get(SESSION_COOKIE)
        .and_then(|c| c.value().strip_prefix("u.").map(str::to_owned))
        .ok_or(PortalError::NotLoggedIn)?;
    let row: Option<(String, bool)> = app.db.with(|c| {
        c.query_row(
            "SELECT extension, must_change FROM user_sessions WHERE token = ?1",
            [&token],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
    })?;
    let (extension, must_change) = row.ok_or(PortalError::NotLoggedIn)?;
    Ok(UserSession {
        token,
        extension: ExtensionDigits::parse(&extension)?,
        must_change,
    })
}

/// The admin session token of this browser.
///
/// # Errors
/// [`PortalError::NotLoggedIn`] without one.
pub fn admin_token(jar: &CookieJar) -> Result<String, PortalError> {
    jar.get(SESSION_COOKIE)
        .and_then(|c| c.value().strip_prefix("a.").map(str::to_owned))
        .ok_or(PortalError::NotLoggedIn)
}

/// The admin session of this browser, as stored.
///
/// # Errors
/// [`PortalError::NotLoggedIn`] without one.
pub fn admin(app: &App, token: &str) -> Result<Stored<AdminSession>, PortalError> {
    app.db
        .load(Table::AdminSession, token)?
        .ok_or(PortalError::NotLoggedIn)
}

/// Logs out: the session row goes, the cookie is removed.
pub async fn logout(State(app): State<App>, jar: CookieJar) -> Response {
    if let Some(value) = jar.get(SESSION_COOKIE).map(|c| c.value().to_owned()) {
        let _ = app
            .read(move |app| {
                app.db.with(|c| {
                    if let Some(t) = value.strip_prefix("u.") {
                        c.execute("DELETE FROM user_sessions WHERE token = ?1", [t])?;
                    }
                    if let Some(t) = value.strip_prefix("a.") {
                        c.execute("DELETE FROM admin_sessions WHERE key = ?1", [t])?;
                    }
                    Ok(())
                })
            })
            .await;
    }
    let jar = jar.remove(Cookie::build(SESSION_COOKIE).path("/"));
    (jar, Redirect::to("/")).into_response()
}
