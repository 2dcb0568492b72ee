//! The Power Menü portal as a runnable example host of pbx-rules: axum on tokio, SQLite or
//! PostgreSQL through sqlx, the core's JSON states with compare-and-swap on their
//! revisions, the core's effects carried out into an outbox (mailed over SMTP outside the
//! demo) and an event log, hashing on the blocking pool, server-side sessions.
//!
//! Run: `cargo run --release -p pbx-rules-portal` (see README.md beside this crate).

pub mod admin;
pub mod db;
pub mod edge;
mod effects;
pub mod guard;
pub mod i18n;
pub mod limits;
pub mod mail;
pub mod pages;
pub mod recovery;
pub mod seed;
pub mod session;
pub mod staff;
pub mod user;

use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue};
use axum::routing::{get, post};
use chrono::{DateTime, TimeDelta, Utc};
use pbx_rules::{Effect, Rules};
use tokio::sync::Semaphore;
use tower_http::set_header::SetResponseHeaderLayer;

pub use db::{Db, Stored, Table, Write};
pub use edge::PortalError;
pub use limits::LoginLimits;

/// How often a write that lost the compare-and-swap is retried from a fresh read before the
/// request is refused with `REQUEST_CONFLICT` (nothing written, nothing lost).
pub const MAX_TRIES: usize = 32;

/// Demo or production: what the portal shows besides the portal itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Mail stays in the outbox table and is shown at `/outbox`; `/events` and the JSON read
    /// routes exist; every page carries the demo banner; the home page shows the sample
    /// credentials.
    Demo,
    /// Mail goes out over SMTP; none of the demo routes exist.
    Production,
}

/// What the host decides, not the rules.
#[derive(Clone, Debug)]
pub struct Config {
    /// Demo or production.
    pub mode: Mode,
    /// Session and browser cookies carry `Secure` (on by default; off only for plain-http
    /// clients that are not on localhost).
    pub secure_cookies: bool,
    /// The origins pages are served from (`http://127.0.0.1:8080`): a request whose `Host`
    /// is none of theirs is refused, and so is a post whose `Origin` is none of them.
    pub origins: Vec<String>,
    /// The host's limits on failed logins per identifier and per client network;
    /// `None`: [`LoginLimits::for_policy`].
    pub login_limits: Option<LoginLimits>,
    /// The header whose last address is the client's (`X-Forwarded-For` behind a proxy
    /// that appends it); `None`: the socket's peer.
    pub client_ip_header: Option<String>,
    /// How many of the core's calls (each may hash) run at once; more wait. Bounds the
    /// memory of hashing (each argon2 evaluation holds the policy's `m_cost`).
    pub hashing_at_once: usize,
    /// The preset the rules are (`centrexx`, `strict`), which the browser modules can run
    /// too; `None` under a policy file, where only the server checks.
    pub preset: Option<&'static str>,
    /// The folder of the bundled browser modules (`assets/dist`), if they are built.
    pub assets: Option<PathBuf>,
}

impl Config {
    /// The demo on `port` of loopback, without browser modules.
    #[must_use]
    pub fn demo(port: u16) -> Self {
        Self {
            mode: Mode::Demo,
            secure_cookies: true,
            origins: vec![
                format!("http://127.0.0.1:{port}"),
                format!("http://localhost:{port}"),
            ],
            login_limits: None,
            client_ip_header: None,
            hashing_at_once: std::thread::available_parallelism().map_or(2, usize::from),
            preset: Some("centrexx"),
            assets: None,
        }
    }

    /// The hosts of [`Config::origins`] (`127.0.0.1:8080`), lower case.
    #[must_use]
    pub fn hosts(&self) -> Vec<String> {
        self.origins
            .iter()
            .map(|o| {
                let host = o.split_once("://").map_or(o.as_str(), |(_, rest)| rest);
                host.trim_end_matches('/').to_ascii_lowercase()
            })
            .collect()
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
    /// Wakes the mail sender when a transaction stored mail.
    pub mail_ready: Arc<tokio::sync::Notify>,
    /// Permits to call the core ([`Config::hashing_at_once`]).
    pub hashing: Arc<Semaphore>,
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
            hashing: Arc::new(Semaphore::new(config.hashing_at_once.max(1))),
            config: Arc::new(config),
            mail_ready: Arc::new(tokio::sync::Notify::new()),
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

    /// The host's limits on failed logins.
    #[must_use]
    pub fn login_limits(&self) -> LoginLimits {
        self.config
            .login_limits
            .unwrap_or_else(|| LoginLimits::for_policy(self.rules.policy()))
    }

    /// Moves the portal's time forward (tests).
    pub fn advance(&self, by: TimeDelta) {
        self.offset.fetch_add(by.num_seconds(), Ordering::Relaxed);
    }

    /// Reads with `read`, decides with `decide` on the blocking pool (the core may hash
    /// there), then stores the plan as one compare-and-swap transaction. A stale plan is
    /// dropped and both run again on a fresh read, at most [`MAX_TRIES`] times: no update
    /// is lost, no effect of a dropped plan goes out. No connection is held while `decide`
    /// runs, so parallel logins hash in parallel.
    ///
    /// `decide` gets the time taken after the read: a time taken before it can be older than
    /// a failure that a parallel request stored meanwhile, and the throttle would then see a
    /// try from the past (G5 counts it as throttled, not wrong).
    ///
    /// # Errors
    /// What `read` or `decide` returns, [`PortalError::Conflict`] when every try lost, or a
    /// database error.
    pub async fn transact<S, R, Rd, Fut, D>(&self, read: Rd, decide: D) -> Result<R, PortalError>
    where
        Rd: Fn(App) -> Fut + Send + Sync,
        Fut: Future<Output = Result<S, PortalError>> + Send,
        S: Send + 'static,
        D: Fn(&App, S, DateTime<Utc>) -> Result<Plan<R>, PortalError> + Send + Sync + 'static,
        R: Send + 'static,
    {
        let decide = Arc::new(decide);
        for _ in 0..MAX_TRIES {
            let states = read(self.clone()).await?;
            let plan = self
                .blocking({
                    let decide = Arc::clone(&decide);
                    move |app| decide(app, states, app.now())
                })
                .await?;
            let mails = plan.effects.iter().any(effects::is_mail);
            if self
                .db
                .commit(&plan.writes, &plan.effects, self.now())
                .await?
            {
                if mails {
                    self.mail_ready.notify_one();
                }
                return Ok(plan.result);
            }
        }
        Err(PortalError::Conflict)
    }

    /// Runs `op` on the blocking pool once a permit is free: every call of the core that
    /// may hash goes here, at most [`Config::hashing_at_once`] at a time.
    ///
    /// # Errors
    /// What `op` returns.
    pub async fn blocking<R, F>(&self, op: F) -> Result<R, PortalError>
    where
        R: Send + 'static,
        F: FnOnce(&App) -> Result<R, PortalError> + Send + 'static,
    {
        let permit = Arc::clone(&self.hashing)
            .acquire_owned()
            .await
            .map_err(|_| PortalError::Internal)?;
        let app = self.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            op(&app)
        })
        .await
        .map_err(|_| PortalError::Internal)?
    }
}

/// The portal's routes: the pages, the demo's routes in demo mode only, and the guards in
/// front of them (allowed hosts, origin and form token, language).
pub fn router(app: App) -> Router {
    let mut routes = Router::new()
        .route("/", get(pages::home))
        .route("/style.css", get(pages::style))
        .route("/health", get(pages::health))
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
        .route(
            "/admin/password",
            get(admin::password_page).post(admin::change_password),
        )
        .route("/staff/login", get(staff::login_page).post(staff::login))
        .route("/staff", get(staff::home))
        .route("/staff/preview", post(staff::toggle_preview))
        .route("/forgot-pin", get(recovery::pin_page).post(recovery::pin))
        .route(
            "/forgot-password",
            get(recovery::password_page).post(recovery::password),
        )
        .route("/api/login", post(user::api_login));
    if app.config.mode == Mode::Demo {
        routes = routes
            .route("/outbox", get(pages::outbox))
            .route("/events", get(pages::events))
            .route("/api/extensions/{digits}", get(user::api_state));
    }
    if let Some(dir) = &app.config.assets {
        routes = routes.nest_service("/assets", tower_http::services::ServeDir::new(dir));
    }
    routes
        .fallback(edge::not_found)
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            guard::forms,
        ))
        .layer(axum::middleware::from_fn(i18n::remember))
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            guard::hosts,
        ))
        .layer(DefaultBodyLimit::max(edge::BODY_LIMIT))
        .layer(header(
            "content-security-policy",
            // wasm-unsafe-eval: the browser modules compile WebAssembly, nothing else.
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ))
        .layer(header("x-content-type-options", "nosniff"))
        .layer(header("referrer-policy", "same-origin"))
        // Pages show codes and PINs (outbox) and account state: never cached.
        .layer(header("cache-control", "no-store"))
        .layer(
            tower_http::trace::TraceLayer::new_for_http()
                .make_span_with(edge::span)
                .on_request(())
                .on_response(edge::on_response),
        )
        .with_state(app)
}

/// A response header set on every answer that has none of that name.
fn header(name: &'static str, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(
        HeaderName::from_static(name),
        HeaderValue::from_static(value),
    )
}
