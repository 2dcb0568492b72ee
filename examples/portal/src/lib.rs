//! The Power Menü portal as a runnable example host of pbx-rules (issue 15): axum on tokio,
//! SQLite (bundled), the core's JSON states with compare-and-swap on their revisions, the
//! core's effects carried out into an outbox and an event log, hashing on the blocking pool.
//!
//! Run: `cargo run -p pbx-rules-portal` (see README.md beside this crate).

pub mod admin;
pub mod db;
pub mod edge;
mod effects;
pub mod pages;
pub mod recovery;
pub mod seed;
pub mod session;
pub mod user;

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue};
use axum::routing::{get, post};
use chrono::{DateTime, TimeDelta, Utc};
use pbx_rules::{Effect, Rules};
use tower_http::set_header::SetResponseHeaderLayer;

pub use db::{Db, Stored, Table, Write};
pub use edge::PortalError;

/// How often a write that lost the compare-and-swap is retried from a fresh read before the
/// request is refused with `REQUEST_CONFLICT` (nothing written, nothing lost).
pub const MAX_TRIES: usize = 32;

/// What the host decides, not the rules.
#[derive(Clone, Debug)]
pub struct Config {
    /// Session and browser cookies carry `Secure` (on by default; off only for plain-http
    /// clients that are not on localhost: `--insecure-cookies` or `PORTAL_INSECURE_COOKIES=1`).
    pub secure_cookies: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            secure_cookies: true,
        }
    }
}

/// The shared state of every request.
#[derive(Clone)]
pub struct App {
    /// The database.
    pub db: Db,
    /// The one rules context (policy, hasher, number plan).
    pub rules: Arc<Rules>,
    /// The host's settings.
    pub config: Arc<Config>,
    /// Seconds added to the wall clock: tests move time (P5's six weeks) without waiting.
    offset: Arc<AtomicI64>,
}

/// One attempt's outcome: the compare-and-swap writes, the effects to carry out with them,
/// and what the handler answers once they are stored.
pub struct Plan<R> {
    /// Writes, each checked against the revision that was read.
    pub writes: Vec<Write>,
    /// Effects, stored in the same transaction.
    pub effects: Vec<Effect>,
    /// The answer.
    pub result: R,
}

impl<R> Plan<R> {
    /// An answer that writes nothing.
    pub fn answer(result: R) -> Self {
        Self {
            writes: Vec::new(),
            effects: Vec::new(),
            result,
        }
    }
}

impl App {
    /// The app on an open database.
    #[must_use]
    pub fn new(db: Db, rules: Rules, config: Config) -> Self {
        Self {
            db,
            rules: Arc::new(rules),
            config: Arc::new(config),
            offset: Arc::new(AtomicI64::new(0)),
        }
    }

    /// The portal's time.
    #[must_use]
    pub fn now(&self) -> DateTime<Utc> {
        let offset = TimeDelta::seconds(self.offset.load(Ordering::Relaxed));
        Utc::now()
            .checked_add_signed(offset)
            .unwrap_or_else(Utc::now)
    }

    /// Moves the portal's time forward (tests).
    pub fn advance(&self, by: TimeDelta) {
        self.offset.fetch_add(by.num_seconds(), Ordering::Relaxed);
    }

    /// Runs `op` on the blocking pool (it reads, may hash, and plans writes), then stores
    /// the plan as one compare-and-swap transaction. A stale plan is dropped and `op` runs
    /// again on a fresh read, at most [`MAX_TRIES`] times: no update is lost, no effect of
    /// a dropped plan goes out.
    ///
    /// `op` takes the time (`app.now()`) only after its reads: a time taken before the read
    /// can be older than a failure that a parallel request stored meanwhile, and the
    /// throttle would then see a try from the past (G5 counts it as throttled, not wrong).
    ///
    /// # Errors
    /// What `op` returns, [`PortalError::Conflict`] when every try lost, or a database error.
    pub async fn transact<R, F>(&self, op: F) -> Result<R, PortalError>
    where
        R: Send + 'static,
        F: Fn(&App) -> Result<Plan<R>, PortalError> + Send + 'static,
    {
        let app = self.clone();
        tokio::task::spawn_blocking(move || {
            for _ in 0..MAX_TRIES {
                let plan = op(&app)?;
                if app
                    .db
                    .commit(&plan.writes, &plan.effects, &app.now().to_rfc3339())?
                {
                    return Ok(plan.result);
                }
            }
            Err(PortalError::Conflict)
        })
        .await
        .map_err(|_| PortalError::Internal)?
    }

    /// Runs a read-only `op` on the blocking pool.
    ///
    /// # Errors
    /// What `op` returns.
    pub async fn read<R, F>(&self, op: F) -> Result<R, PortalError>
    where
        R: Send + 'static,
        F: FnOnce(&App) -> Result<R, PortalError> + Send + 'static,
    {
        let app = self.clone();
        tokio::task::spawn_blocking(move || op(&app))
            .await
            .map_err(|_| PortalError::Internal)?
    }
}

/// The portal's routes.
pub fn router(app: App) -> Router {
    Router::new()
        .route("/", get(pages::home))
        .route("/style.css", get(pages::style))
        .route("/outbox", get(pages::outbox))
        .route("/events", get(pages::events))
        .route("/staff", get(pages::staff))
        .route("/preview", post(pages::toggle_preview))
        .route("/login", get(user::login_page).post(user::login))
        .route("/pin", get(user::change_page).post(user::change))
        .route("/me", get(user::me))
        .route("/me/backup", post(user::backup))
        .route("/logout", post(session::logout))
        .route("/admin/login", get(admin::login_page).post(admin::login))
        .route("/admin", get(admin::home))
        .route("/admin/code", post(admin::request_code))
        .route("/admin/confirm", post(admin::confirm_code))
        .route("/admin/continue", post(admin::continue_without))
        .route("/admin/privacy", post(admin::privacy))
        .route("/admin/default-pins", post(admin::default_pins))
        .route("/admin/pin", post(admin::set_pin))
        .route("/admin/backup", post(admin::set_backup))
        .route("/admin/central", post(admin::set_central))
        .route("/forgot-pin", get(recovery::pin_page).post(recovery::pin))
        .route(
            "/forgot-password",
            get(recovery::password_page).post(recovery::password),
        )
        .route("/api/login", post(user::api_login))
        .route("/api/extensions/{digits}", get(user::api_state))
        .fallback(edge::not_found)
        .layer(DefaultBodyLimit::max(edge::BODY_LIMIT))
        .layer(header(
            "content-security-policy",
            "default-src 'self'; form-action 'self'; frame-ancestors 'none'",
        ))
        .layer(header("x-content-type-options", "nosniff"))
        // Pages show codes and PINs (outbox) and account state: never cached.
        .layer(header("cache-control", "no-store"))
        .with_state(app)
}

/// A response header set on every answer that has none of that name.
fn header(name: &'static str, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(
        HeaderName::from_static(name),
        HeaderValue::from_static(value),
    )
}
