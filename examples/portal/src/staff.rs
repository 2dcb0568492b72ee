//! Staff and partner logins (V1): the operator's staff and its partners log in with a name
//! and a password under the core's password rules (chosen under K1–K4, hashed with the
//! rules' argon2id, G4; wrong passwords throttled and locked like the admin's, G5). The
//! role comes from the account, never from the request, and decides who may switch the
//! preview footer.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use chrono::{DateTime, Utc};
use pbx_rules::{
    Actor, Error, Json, LoginError, Password, PasswordContext, PreviewMode, Rules, Throttle,
    validate_new_password,
};
use serde::{Deserialize, Serialize};

use crate::edge::{Form, PortalError};
use crate::limits::{self, Client};
use crate::pages::{Ended, Frame, Login, logged_in, login_form, render_with, role_name, to_login};
use crate::session::{self, Kind, Opened, cookie};
use crate::{App, Plan, Stored, Table, Write};

const LOGIN: &str = "/staff/login";
/// The preview mode a staff member chose (a preference, not a permission).
const PREVIEW_COOKIE: &str = "portal_preview";

/// Staff or partner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The operator's staff.
    Staff,
    /// A sales partner.
    Partner,
}

/// A staff or partner account, stored as JSON like the core's states (the host counts its
/// revision).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StaffAccount {
    /// Staff or partner.
    pub role: Role,
    /// A partner with the advanced technical training (V1: may switch the preview).
    pub advanced_training: bool,
    /// The argon2id PHC string of the password.
    pub password_hash: String,
    /// Consecutive failed logins (G5).
    pub throttle: Throttle,
}

impl Json for StaffAccount {}

impl StaffAccount {
    /// An account whose password passed the core's rules for a new password (K1–K4).
    ///
    /// # Errors
    /// The password's refusal, or a hashing failure.
    pub fn create(
        role: Role,
        advanced_training: bool,
        password: &str,
        rules: &Rules,
    ) -> Result<Self, Error> {
        let accepted =
            validate_new_password(password, password, &PasswordContext::default(), rules)?;
        Ok(Self {
            role,
            advanced_training,
            password_hash: rules.hasher().hash(accepted.password.expose().as_bytes())?,
            throttle: Throttle::default(),
        })
    }

    /// The actor the core's permissions know.
    #[must_use]
    pub fn actor(&self) -> Actor {
        match self.role {
            Role::Staff => Actor::Staff,
            Role::Partner => Actor::Partner {
                advanced_training: self.advanced_training,
            },
        }
    }

    /// Whether the failures used up the allowance (G5); the operator unlocks.
    #[must_use]
    pub fn is_locked(&self, rules: &Rules) -> bool {
        self.throttle.failures >= rules.password_allowance()
    }

    /// One login try (G5, G10), as the core's logins go: one hash on every path, a
    /// throttled or locked one too, whose result is then not used and which is not counted;
    /// a wrong password is counted, a right one resets the count. Text that cannot be a
    /// password (K1) is hashed all the same and counted as wrong. Under uniform answers a
    /// throttled or locked account hears "wrong", as an unknown name does. Returns the
    /// account to store and the outcome.
    pub fn login(
        &self,
        typed: &str,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> (Self, Result<(), Error>) {
        let allowance = rules.password_allowance();
        let gate = self
            .throttle
            .check(now, allowance, &rules.policy().throttle);
        // The stored password passed K1, in the form K1 made of it (NFKC under strict).
        let verified = match Password::parse(typed, false, rules) {
            Ok(p) => rules
                .hasher()
                .verify(p.expose().as_bytes(), &self.password_hash),
            Err(_) => {
                rules.dummy_verify(typed);
                Ok(false)
            }
        };
        if let Err(refused) = gate {
            return (self.clone(), Err(limits::shown(refused, rules)));
        }
        match verified {
            Err(e) => (self.clone(), Err(e.into())),
            Ok(true) => (
                Self {
                    throttle: Throttle::default(),
                    ..self.clone()
                },
                Ok(()),
            ),
            Ok(false) => {
                let throttle = self.throttle.failed(now);
                let refusal = if throttle.failures >= allowance {
                    LoginError::ThrottleLocked
                } else {
                    LoginError::WrongCredentials
                };
                (
                    Self {
                        throttle,
                        ..self.clone()
                    },
                    Err(limits::shown(refusal, rules)),
                )
            }
        }
    }
}

/// The login form's fields.
#[derive(Deserialize)]
pub struct LoginForm {
    name: String,
    password: String,
}

/// The staff login page.
pub async fn login_page(State(app): State<App>, f: Frame, Query(q): Query<Ended>) -> Response {
    login_form(&app, Login::Staff, f.after(&q), StatusCode::OK)
}

/// A staff or partner login under the host's limits (`limits.rs`): the account's password
/// on the blocking pool, the counted state with compare-and-swap; an unknown name costs one
/// hash and hears "wrong".
pub async fn login(
    State(app): State<App>,
    client: Client,
    jar: CookieJar,
    f: Frame,
    Form(form): Form<LoginForm>,
) -> Response {
    let name = &form.name;
    let (key, password) = (form.name.clone(), form.password.clone());
    let checked = app.transact(
        |app| async move { app.db.load::<StaffAccount>(Table::Staff, name).await },
        move |app, stored: Option<Stored<StaffAccount>>, now| {
            let Some(stored) = stored else {
                app.rules.dummy_verify(&password);
                return Ok(Plan::answer(Err(LoginError::WrongCredentials.into())));
            };
            let (next, outcome) = stored.value.login(&password, now, &app.rules);
            let changed = next.throttle != stored.value.throttle;
            Ok(Plan {
                writes: if changed {
                    vec![Write::counted(Table::Staff, &key, stored.revision, &next)]
                } else {
                    Vec::new()
                },
                effects: Vec::new(),
                result: outcome.map(|()| session::stamp(&next.password_hash)),
            })
        },
    );
    let checked = async { checked.await?.map_err(PortalError::Core) };
    let jar = match limits::guarded(&app, &client, "staff", name, checked).await {
        Ok(digest) => session::replace(&app, jar, name, Opened::Staff(digest)).await,
        Err(e) => Err(e),
    };
    logged_in(
        jar,
        "/staff",
        |f, status| login_form(&app, Login::Staff, f, status),
        f,
    )
}

#[derive(Template)]
#[template(path = "staff.html")]
struct StaffPage {
    f: Frame,
    name: String,
    role: &'static str,
    footer: Option<&'static str>,
}

fn mode(jar: &CookieJar) -> PreviewMode {
    match jar.get(PREVIEW_COOKIE).map(|c| c.value()) {
        Some("preview") => PreviewMode::Preview,
        _ => PreviewMode::Standard,
    }
}

/// The signed-in staff member or partner.
async fn member(app: &App, jar: &CookieJar) -> Result<(String, StaffAccount), PortalError> {
    let s = session::check(app, jar, Kind::Staff).await?;
    let account = app.db.get::<StaffAccount>(Table::Staff, &s.subject).await?;
    Ok((s.subject, account.value))
}

/// The staff view with the preview footer for those who may switch it (V1).
pub async fn home(State(app): State<App>, jar: CookieJar, f: Frame) -> Response {
    let (name, account) = match member(&app, &jar).await {
        Ok(m) => m,
        Err(e) => return to_login(e, LOGIN),
    };
    let t = f.t;
    // The core decides who sees the footer; the label is the page's language.
    let footer = mode(&jar).footer(&account.actor()).map(|_| {
        if mode(&jar) == PreviewMode::Preview {
            t.preview_on
        } else {
            t.preview_off
        }
    });
    render_with(
        StatusCode::OK,
        &StaffPage {
            role: role_name(t, account.role, account.advanced_training),
            f: f.titled(t.staff_title),
            name,
            footer,
        },
    )
}

/// A click on the footer: the other mode, for those who may switch (V1).
pub async fn toggle_preview(State(app): State<App>, jar: CookieJar) -> Response {
    let account = match member(&app, &jar).await {
        Ok((_, account)) => account,
        Err(e) => return to_login(e, LOGIN),
    };
    match mode(&jar).toggled(&account.actor()) {
        Ok(next) => {
            let value = if next == PreviewMode::Preview {
                "preview"
            } else {
                "standard"
            };
            let jar = jar.add(cookie(&app, PREVIEW_COOKIE, value.to_owned(), Some(30)));
            (jar, Redirect::to("/staff")).into_response()
        }
        Err(e) => PortalError::from(e).into_response(),
    }
}
