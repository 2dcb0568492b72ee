//! Sessions on the server (finding W1): the cookie holds a random token, the database only
//! its hash; a session ends at logout, and wherever the core says it has (G11): once the
//! account's PIN or password changed, was set or reset, once the account locks or its change
//! window lapses, and past the policy's idle and absolute limits (`SessionPolicy`). Every
//! request's session goes through [`check`], the one place that decides.
//!
//! A login stores the core's stamp with the session (a user's [`SessionStamp`]; the admin's
//! [`AdminSession`], which holds its stamp), and [`check`] asks the account's
//! `check_session` on every request and keeps the stamp it returns. Staff and partners have
//! no account type in the core: their sessions remember a digest of the password hash they
//! started under ([`stamp`]) and end at the same policy limits, checked here.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use base64ct::{Base64UrlUnpadded, Encoding};
use chrono::{DateTime, TimeDelta, Utc};
use pbx_rules::{
    AdminAccount, AdminSession, ExtensionAccount, Json, Localized, SessionError, SessionStamp,
};
use sha2::{Digest, Sha256};

use crate::db::{SessionRow, as_column};
use crate::staff::StaffAccount;
use crate::{App, PortalError, Stored, Table, Write};

/// The session cookie: the token of a user, admin or staff session.
pub const SESSION_COOKIE: &str = "portal_session";
/// A browser without a session: the form token of its login and recovery forms derives
/// from this cookie's random value (see `guard.rs`).
pub const VISITOR_COOKIE: &str = "portal_visitor";
/// The remembered browser of the admin (A2): the core's device token.
pub const DEVICE_COOKIE: &str = "portal_device";

/// How often a session's time of use is written at most: a session ends up to this much
/// before its idle limit, never after it.
const SEEN_PRECISION: TimeDelta = TimeDelta::minutes(1);

/// Whose session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An extension's user, logged in with number and PIN.
    User,
    /// The PBX admin.
    Admin,
    /// The operator's staff or a partner.
    Staff,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Self::User => "user",
            Self::Admin => "admin",
            Self::Staff => "staff",
        }
    }
}

/// A session that [`check`] found valid.
#[derive(Clone, Debug)]
pub struct Session {
    /// The row's key: the hash of the token.
    pub key: String,
    /// The extension digits, `admin`, or the staff login name.
    pub subject: String,
    /// A user who must change the PIN before anything else (P6).
    pub must_change: bool,
    /// The admin's session as stored now.
    pub admin: Option<Stored<AdminSession>>,
}

/// What a new session is checked against from then on.
#[derive(Clone, Debug)]
pub enum Opened {
    /// A user's: the core's stamp of the login or of the own PIN change.
    User(SessionStamp),
    /// The admin's: the core's session of the login, which holds its stamp.
    Admin(AdminSession),
    /// Staff and partners: the host's digest of the password hash ([`stamp`]).
    Staff(String),
}

/// A fresh random token (256 bits).
///
/// # Errors
/// The system's randomness is unavailable.
pub fn token() -> Result<String, PortalError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|_| PortalError::Internal)?;
    Ok(Base64UrlUnpadded::encode_string(&bytes))
}

/// SHA-256 of `text` under a purpose, so the digests of one token for different purposes
/// never coincide.
pub(crate) fn digest(purpose: &str, text: &str) -> String {
    let mut hash = Sha256::new();
    hash.update(purpose.as_bytes());
    hash.update([0]);
    hash.update(text.as_bytes());
    Base64UrlUnpadded::encode_string(&hash.finalize())
}

/// The stored key of a session token: a database that leaks gives no usable cookie.
#[must_use]
pub fn key_of(token: &str) -> String {
    digest("portal session", token)
}

/// The form token of a session or visitor token (finding W3): per session, derived, never
/// stored.
#[must_use]
pub fn form_token_of(token: &str) -> String {
    digest("portal form", token)
}

/// What a staff session is checked against: a digest of the password hash it started under.
#[must_use]
pub fn stamp(password_hash: &str) -> String {
    digest("portal stamp", password_hash)
}

/// A cookie with the portal's flags: `HttpOnly`, `SameSite=Strict`, `Secure` unless turned
/// off; a session cookie (`days` = `None`) ends with the browser.
#[must_use]
pub fn cookie(app: &App, name: &'static str, value: String, days: Option<i64>) -> Cookie<'static> {
    let mut cookie = Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .secure(app.config.secure_cookies)
        .same_site(SameSite::Strict);
    if let Some(days) = days {
        cookie = cookie.max_age(::cookie::time::Duration::days(days));
    }
    cookie.build()
}

/// Starts a session; returns the token for the cookie.
///
/// # Errors
/// The database fails.
pub async fn start(app: &App, subject: &str, opened: Opened) -> Result<String, PortalError> {
    let token = token()?;
    let now = app.now();
    let (kind, state, revision, stamp, times) = match opened {
        Opened::User(s) => {
            let times = (s.opened_at, s.last_seen_at);
            (Kind::User, s.to_json(), 0, String::new(), times)
        }
        Opened::Admin(s) => {
            let times = (s.stamp().opened_at, s.stamp().last_seen_at);
            let revision = as_column(s.revision());
            (Kind::Admin, s.to_json(), revision, String::new(), times)
        }
        Opened::Staff(digest) => (Kind::Staff, "{}".to_owned(), 0, digest, (now, now)),
    };
    let row = SessionRow {
        key: key_of(&token),
        kind: kind.as_str().to_owned(),
        subject: subject.to_owned(),
        state,
        revision,
        stamp,
        created_at: times.0.timestamp(),
        seen_at: times.1.timestamp(),
    };
    app.db.session_insert(&row).await?;
    Ok(token)
}

/// Starts a session for `subject` in place of this browser's current one.
///
/// # Errors
/// The database fails.
pub async fn replace(
    app: &App,
    jar: CookieJar,
    subject: &str,
    opened: Opened,
) -> Result<CookieJar, PortalError> {
    if let Some(old) = token_of(&jar) {
        app.db.session_delete(&key_of(&old)).await?;
    }
    let token = start(app, subject, opened).await?;
    Ok(jar.add(cookie(app, SESSION_COOKIE, token, None)))
}

/// The session cookie's token, if any.
#[must_use]
pub fn token_of(jar: &CookieJar) -> Option<String> {
    jar.get(SESSION_COOKIE).map(|c| c.value().to_owned())
}

/// The session of this browser, if it is one of `kind` and still valid: the core's
/// `check_session` for users and the admin, the host's check for staff. The stamp it
/// returns is stored (at most once a minute); a session found ended is deleted.
///
/// # Errors
/// [`PortalError::NotLoggedIn`] without a session of this kind,
/// [`PortalError::SessionEnded`] for one that ended, or a database error.
pub async fn check(app: &App, jar: &CookieJar, kind: Kind) -> Result<Session, PortalError> {
    let token = token_of(jar).ok_or(PortalError::NotLoggedIn)?;
    let key = key_of(&token);
    let row = app
        .db
        .session(&key)
        .await?
        .ok_or(PortalError::NotLoggedIn)?;
    if row.kind != kind.as_str() {
        return Err(PortalError::NotLoggedIn);
    }
    let now = app.now();
    let checked = match kind {
        Kind::User => user(app, row, now).await?,
        Kind::Admin => admin(app, row, now).await?,
        Kind::Staff => staff(app, row, now).await?,
    };
    match checked {
        Ok(session) => Ok(session),
        Err(reason) => {
            // The reason is a code (SESSION_IDLE, SESSION_CREDENTIAL_CHANGED, …), no data.
            tracing::info!(reason, "session ended");
            app.db.session_delete(&key).await?;
            Err(PortalError::SessionEnded)
        }
    }
}

/// The valid session, or why it ended (a code for the log).
type Checked = Result<Session, &'static str>;

/// Whether the time of use moved far enough to be written.
fn moved(stored: DateTime<Utc>, seen: DateTime<Utc>) -> bool {
    seen.signed_duration_since(stored) >= SEEN_PRECISION
}

/// The account a session names and the core's record its row holds (a stamp, an admin
/// session), asked with `check` (the account's `check_session`, G11): both and the record
/// seen now, or why the session ended.
async fn core_check<A: Json, S: Json>(
    app: &App,
    table: Table,
    row: &SessionRow,
    check: impl FnOnce(&A, &S) -> Result<S, SessionError>,
) -> Result<Result<(A, S, S), &'static str>, PortalError> {
    let Some(account) = app.db.load::<A>(table, &row.subject).await? else {
        return Ok(Err("ACCOUNT_GONE"));
    };
    // A row without the core's record (stored by the portal before stamps existed) has
    // ended; so has an admin session stored before, which reads with a stamp from 1970.
    let Ok(record) = S::from_json(&row.state) else {
        return Ok(Err("SESSION_UNREADABLE"));
    };
    Ok(match check(&account.value, &record) {
        Ok(seen) => Ok((account.value, record, seen)),
        Err(e) => Err(e.code()),
    })
}

/// A user's session: the core's stamp against the account.
async fn user(app: &App, row: SessionRow, now: DateTime<Utc>) -> Result<Checked, PortalError> {
    let check = |a: &ExtensionAccount, s: &SessionStamp| a.check_session(s, now, &app.rules);
    let (account, stamp, seen) = match core_check(app, Table::Account, &row, check).await? {
        Ok(checked) => checked,
        Err(reason) => return Ok(Err(reason)),
    };
    if moved(stamp.last_seen_at, seen.last_seen_at) {
        let at = seen.last_seen_at.timestamp();
        let state = seen.to_json();
        app.db.session_seen(&row.key, Some(&state), at).await?;
    }
    Ok(Ok(Session {
        key: row.key,
        subject: row.subject,
        must_change: account.must_change_pin(),
        admin: None,
    }))
}

/// The admin's session: the core's `AdminSession` against the admin account, stored back
/// with compare-and-swap (a step stored meanwhile wins, and this use goes unrecorded).
async fn admin(app: &App, row: SessionRow, now: DateTime<Utc>) -> Result<Checked, PortalError> {
    let check = |a: &AdminAccount, s: &AdminSession| a.check_session(s, now, &app.rules);
    let (_, session, seen) = match core_check(app, Table::Admin, &row, check).await? {
        Ok(checked) => checked,
        Err(reason) => return Ok(Err(reason)),
    };
    let mut stored = Stored {
        value: session,
        revision: row.revision,
    };
    if moved(stored.value.stamp().last_seen_at, seen.stamp().last_seen_at) {
        let write = Write::of(Table::Session, &row.key, &stored.value, &seen);
        stored = if app.db.commit(&[write], &[], now).await? {
            let at = seen.stamp().last_seen_at.timestamp();
            app.db.session_seen(&row.key, None, at).await?;
            Stored {
                revision: as_column(seen.revision()),
                value: seen,
            }
        } else {
            // Written meanwhile by a step, or gone with a logout.
            let now_stored = app.db.load(Table::Session, &row.key).await?;
            now_stored.ok_or(PortalError::NotLoggedIn)?
        };
    }
    Ok(Ok(Session {
        key: row.key,
        subject: row.subject,
        must_change: false,
        admin: Some(stored),
    }))
}

/// A staff session, checked by the host (the core has no staff account) at the policy's
/// session limits: within the idle and absolute limits, the password unchanged, the account
/// not locked.
async fn staff(app: &App, row: SessionRow, now: DateTime<Utc>) -> Result<Checked, PortalError> {
    let limits = &app.rules.policy().session;
    let secs = now.timestamp();
    if secs - row.seen_at >= limits.idle_timeout().num_seconds() {
        return Ok(Err("SESSION_IDLE"));
    }
    if secs - row.created_at >= limits.absolute_timeout().num_seconds() {
        return Ok(Err("SESSION_EXPIRED"));
    }
    let Some(account) = app
        .db
        .load::<StaffAccount>(Table::Staff, &row.subject)
        .await?
    else {
        return Ok(Err("ACCOUNT_GONE"));
    };
    if stamp(&account.value.password_hash) != row.stamp {
        return Ok(Err("SESSION_CREDENTIAL_CHANGED"));
    }
    if account.value.is_locked(&app.rules) {
        return Ok(Err("SESSION_ACCOUNT_LOCKED"));
    }
    if secs - row.seen_at >= SEEN_PRECISION.num_seconds() {
        app.db.session_seen(&row.key, None, secs).await?;
    }
    Ok(Ok(Session {
        key: row.key,
        subject: row.subject,
        must_change: false,
        admin: None,
    }))
}

/// Ends the sessions unused for the policy's idle limit or older than its absolute limit,
/// and forgets the login counts whose window has passed (the portal runs it every minute;
/// [`check`] and the login limits ignore them anyway). Returns how many sessions ended.
///
/// # Errors
/// The database fails.
pub async fn sweep(app: &App) -> Result<u64, PortalError> {
    let now = app.now().timestamp();
    let limits = &app.rules.policy().session;
    app.db
        .limit_sweep(now - app.login_limits().window.num_seconds())
        .await?;
    app.db
        .session_sweep(
            now - limits.idle_timeout().num_seconds(),
            now - limits.absolute_timeout().num_seconds(),
        )
        .await
}

/// Ends this browser's session: the row goes, the cookie is removed.
///
/// # Errors
/// The database fails.
pub async fn end(app: &App, jar: CookieJar) -> Result<CookieJar, PortalError> {
    if let Some(token) = token_of(&jar) {
        app.db.session_delete(&key_of(&token)).await?;
    }
    Ok(jar.remove(Cookie::build(SESSION_COOKIE).path("/")))
}

/// Logs out.
pub async fn logout(State(app): State<App>, jar: CookieJar) -> Response {
    match end(&app, jar).await {
        Ok(jar) => (jar, Redirect::to("/")).into_response(),
        Err(e) => e.into_response(),
    }
}
