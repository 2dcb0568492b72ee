//! The user's pages: login (N4) with the forced PIN change (P6) and the lock (P5, G5), the
//! own backup number (B4–B7), and the JSON login the load test drives.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use pbx_rules::{
    Actor, ChangeForm, ExtensionAccount, ExtensionDigits, ExtensionMasterData, LoginError,
    LoginIdError, PbxMasterData, PinContext, UserLogin,
};
use serde::Deserialize;

use crate::edge::{Form, JsonBody, PortalError, json};
use crate::limits::{self, Client};
use crate::pages::{Ended, Frame, Login, logged_in, login_form, render_with, to_login};
use crate::session::{self, Kind, Opened};
use crate::{App, Plan, Table, Write};

/// The login form's fields.
#[derive(Deserialize)]
pub struct LoginForm {
    number: String,
    pin: String,
}

/// The login page.
pub async fn login_page(State(app): State<App>, f: Frame, Query(q): Query<Ended>) -> Response {
    login_form(&app, Login::User, f.after(&q), StatusCode::OK)
}

/// A successful user login: the extension and the outcome (with the core's session stamp).
pub struct LoggedIn {
    /// The extension.
    pub extension: ExtensionDigits,
    /// Into the portal or only into the change step (P6), with the session it opened (G11).
    pub outcome: UserLogin,
}

/// A user login under the host's limits (`limits.rs`): reads the account, checks the PIN on
/// the blocking pool, stores the counted state and its effects with compare-and-swap. An
/// extension that does not exist costs one hash and hears "wrong", and so, under uniform
/// answers, does a number of another PBX (G10).
///
/// # Errors
/// The core's refusal (wrong PIN, throttled, locked, P5 expired, malformed number), the
/// host's limit, or a database error.
pub async fn check(
    app: &App,
    client: &Client,
    number: String,
    pin: String,
) -> Result<LoggedIn, PortalError> {
    let pbx: PbxMasterData = app.db.get(Table::Pbx, "pbx").await?.value;
    let digits = match pbx.base_number.user_login(&number) {
        Ok(digits) => digits,
        Err(LoginIdError::OtherPbx) if app.rules.policy().recovery.uniform_answers => {
            let login = async { Err(limits::unknown_identifier(app, pin).await) };
            return limits::guarded(app, client, "user", &limits::digits_of(&number), login).await;
        }
        Err(e) => return Err(e.into()),
    };
    let identifier = digits.as_str().to_owned();
    limits::guarded(
        app,
        client,
        "user",
        &identifier,
        login_extension(app, digits, pin),
    )
    .await
}

/// The core's part of a user login of `digits`, this PBX's extension.
async fn login_extension(
    app: &App,
    digits: ExtensionDigits,
    pin: String,
) -> Result<LoggedIn, PortalError> {
    let key = &digits.as_str().to_owned();
    let result = app
        .transact(
            |app| async move { app.db.load::<ExtensionAccount>(Table::Account, key).await },
            move |app, stored, now| {
                let Some(stored) = stored else {
                    // An unknown extension costs one hash like a known one and hears the same.
                    app.rules.dummy_verify(&pin);
                    return Ok(Plan::answer(Err(LoginError::WrongCredentials.into())));
                };
                let before = stored.value;
                let d = before.login(&pin, now, &app.rules);
                let write = Write::of(Table::Account, digits.as_str(), &before, &d.state);
                Ok(Plan {
                    writes: vec![write],
                    effects: d.effects,
                    result: d.outcome.map(|outcome| LoggedIn {
                        extension: digits.clone(),
                        outcome,
                    }),
                })
            },
        )
        .await?;
    result.map_err(PortalError::Core)
}

/// The login form's post: a session cookie and the next page, or the form with the reason.
pub async fn login(
    State(app): State<App>,
    client: Client,
    jar: CookieJar,
    f: Frame,
    Form(form): Form<LoginForm>,
) -> Response {
    let mut next = "/me";
    let started = match check(&app, &client, form.number, form.pin).await {
        Ok(done) => {
            if matches!(done.outcome, UserLogin::MustChangePin { .. }) {
                next = "/pin";
            }
            let subject = done.extension.as_str().to_owned();
            let opened = Opened::User(done.outcome.session().clone());
            session::replace(&app, jar, &subject, opened).await
        }
        Err(e) => Err(e),
    };
    logged_in(
        started,
        next,
        |f, status| login_form(&app, Login::User, f, status),
        f,
    )
}

/// The change-PIN form's fields.
#[derive(Deserialize)]
pub struct ChangePinForm {
    old: String,
    new: String,
    confirmation: String,
}

#[derive(Template)]
#[template(path = "pin.html")]
struct PinPage {
    f: Frame,
    forced: bool,
    context: String,
    rules: String,
}

/// The core's PIN context of an extension as the browser module takes it (P1: its digits,
/// the user's name and number are trivial PINs).
async fn pin_context(app: &App, digits: &str) -> Result<String, PortalError> {
    let pbx: PbxMasterData = app.db.get(Table::Pbx, "pbx").await?.value;
    let master: ExtensionMasterData = app.db.get(Table::Extension, digits).await?.value;
    Ok(serde_json::to_string(&PinContext::for_extension(&pbx, &master)).unwrap_or_default())
}

/// The PIN rules line of a form.
#[must_use]
pub fn pin_rules(app: &App, f: &Frame) -> String {
    let p = &app.rules.policy().pin;
    f.t.pin_rules
        .replace("{min}", &p.min_len.to_string())
        .replace("{max}", &p.max_len.to_string())
}

async fn change_form(app: &App, f: Frame, user: &session::Session, status: StatusCode) -> Response {
    let context = match pin_context(app, &user.subject).await {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let rules = pin_rules(app, &f);
    let t = f.t;
    render_with(
        status,
        &PinPage {
            f: f.titled(t.pin_title),
            forced: user.must_change,
            context,
            rules,
        },
    )
}

/// The change-PIN page.
pub async fn change_page(State(app): State<App>, jar: CookieJar, f: Frame) -> Response {
    match session::check(&app, &jar, Kind::User).await {
        Ok(user) => change_form(&app, f, &user, StatusCode::OK).await,
        Err(e) => to_login(e, "/login"),
    }
}

/// The change-PIN post (P3, P6, P9): the owner changes the PIN with the context of the
/// extension. The change ends every other session of the account (G11); this browser goes
/// on with the stamp the core gives the change, under a new token.
pub async fn change(
    State(app): State<App>,
    jar: CookieJar,
    f: Frame,
    Form(form): Form<ChangePinForm>,
) -> Response {
    let user = match session::check(&app, &jar, Kind::User).await {
        Ok(user) => user,
        Err(e) => return to_login(e, "/login"),
    };
    let key = &user.subject;
    let changed = app
        .transact(
            |app| async move {
                let pbx: PbxMasterData = app.db.get(Table::Pbx, "pbx").await?.value;
                let master: ExtensionMasterData = app.db.get(Table::Extension, key).await?.value;
                let before: ExtensionAccount = app.db.get(Table::Account, key).await?.value;
                Ok((pbx, master, before))
            },
            move |app, (pbx, master, before), now| {
                let ctx = PinContext::for_extension(&pbx, &master);
                let actor = Actor::User {
                    extension: before.extension().clone(),
                };
                let form = ChangeForm {
                    old: &form.old,
                    new: &form.new,
                    confirmation: &form.confirmation,
                };
                let d = before.change_pin(&actor, form, &ctx, now, &app.rules);
                let key = before.extension().as_str();
                let write = Write::of(Table::Account, key, &before, &d.state);
                Ok(Plan {
                    writes: vec![write],
                    effects: d.effects,
                    // G11: the changing session goes on under the new PIN, every other ends.
                    result: d.outcome.map(|changed| changed.session),
                })
            },
        )
        .await
        .and_then(|r| r.map_err(PortalError::Core));
    let rotated = match changed {
        Ok(stamp) => session::replace(&app, jar, &user.subject, Opened::User(stamp)).await,
        Err(e) => Err(e),
    };
    match rotated {
        Ok(jar) => (jar, Redirect::to("/me?changed=1")).into_response(),
        Err(e) => {
            let status = e.status();
            change_form(&app, f.error(&e), &user, status).await
        }
    }
}

/// The backup-number form's field (and the extension, for the admin's list).
#[derive(Deserialize)]
pub struct BackupForm {
    #[serde(default)]
    pub(crate) extension: String,
    pub(crate) number: String,
}

/// Sets an extension's backup number as `actor` (B4–B7): master data, whose revision the
/// host counts, written with compare-and-swap like every state.
///
/// # Errors
/// The core's refusal (B4 permission, B6 invalid number, I2 kind) or a database error.
pub async fn set_backup(
    app: &App,
    extension: String,
    actor: Actor,
    typed: String,
) -> Result<ExtensionMasterData, PortalError> {
    let extension = &extension;
    let result = app
        .transact(
            |app| async move {
                app.db
                    .load::<ExtensionMasterData>(Table::Extension, extension)
                    .await?
                    .ok_or(PortalError::NotFound)
            },
            move |app, stored, _| {
                let key = stored.value.digits.as_str().to_owned();
                Ok(
                    match stored.value.set_backup_number(&actor, &typed, &app.rules) {
                        Ok(next) => Plan {
                            writes: vec![Write::counted(
                                Table::Extension,
                                &key,
                                stored.revision,
                                &next,
                            )],
                            effects: Vec::new(),
                            result: Ok(next),
                        },
                        Err(e) => Plan::answer(Err(e)),
                    },
                )
            },
        )
        .await?;
    result.map_err(PortalError::Core)
}

#[derive(Template)]
#[template(path = "me.html")]
struct MePage {
    f: Frame,
    number: String,
    name: String,
    backup: String,
}

async fn me_page(app: &App, f: Frame, digits: &str, status: StatusCode) -> Response {
    let read = async {
        let pbx: PbxMasterData = app.db.get(Table::Pbx, "pbx").await?.value;
        let master: ExtensionMasterData = app.db.get(Table::Extension, digits).await?.value;
        Ok::<_, PortalError>((pbx, master))
    };
    let (pbx, master) = match read.await {
        Ok(read) => read,
        Err(e) => return e.into_response(),
    };
    let t = f.t;
    render_with(
        status,
        &MePage {
            f: f.titled(t.me_title),
            number: pbx.base_number.display_extension(&master.digits),
            name: master.name.clone(),
            backup: master
                .backup_number()
                .map_or_else(|| t.none.to_owned(), |n| n.as_str().to_owned()),
        },
    )
}

/// Whether the PIN was just changed (`/me?changed=1`).
#[derive(Deserialize)]
pub struct Changed {
    #[serde(default)]
    changed: Option<u8>,
}

/// The user's home page.
pub async fn me(
    State(app): State<App>,
    jar: CookieJar,
    f: Frame,
    Query(q): Query<Changed>,
) -> Response {
    match session::check(&app, &jar, Kind::User).await {
        Ok(user) if user.must_change => Redirect::to("/pin").into_response(),
        Ok(user) => {
            let f = if q.changed.is_some() {
                let text = f.t.pin_changed;
                f.ok(text)
            } else {
                f
            };
            me_page(&app, f, &user.subject, StatusCode::OK).await
        }
        Err(e) => to_login(e, "/login"),
    }
}

/// The user sets the own backup number (B4: only the own extension).
pub async fn backup(
    State(app): State<App>,
    jar: CookieJar,
    f: Frame,
    Form(form): Form<BackupForm>,
) -> Response {
    let user = match session::check(&app, &jar, Kind::User).await {
        Ok(user) if !user.must_change => user,
        Ok(_) => return Redirect::to("/pin").into_response(),
        Err(e) => return to_login(e, "/login"),
    };
    let actor = match ExtensionDigits::parse(&user.subject) {
        Ok(extension) => Actor::User { extension },
        Err(e) => return PortalError::from(e).into_response(),
    };
    let saved = set_backup(&app, user.subject.clone(), actor, form.number)
        .await
        .map(|_| f.t.saved.to_owned());
    let status = saved
        .as_ref()
        .err()
        .map_or(StatusCode::OK, PortalError::status);
    me_page(&app, f.result(&saved), &user.subject, status).await
}

/// The JSON login's body.
#[derive(Deserialize)]
pub struct ApiLogin {
    number: String,
    pin: String,
}

/// `POST /api/login {"number", "pin"}`: `{"extension", "ok": {...}}` or the core's error.
/// It checks only; it starts no session.
pub async fn api_login(
    State(app): State<App>,
    client: Client,
    JsonBody(body): JsonBody<ApiLogin>,
) -> Response {
    match check(&app, &client, body.number, body.pin).await {
        Ok(done) => {
            json(serde_json::json!({"extension": done.extension.as_str(), "ok": done.outcome}))
        }
        Err(e) => e.into_response(),
    }
}

/// `GET /api/extensions/{digits}` (demo mode): what a test checks (no hash).
pub async fn api_state(State(app): State<App>, Path(digits): Path<String>) -> Response {
    let stored = match app
        .db
        .load::<ExtensionAccount>(Table::Account, &digits)
        .await
    {
        Ok(Some(stored)) => stored,
        Ok(None) => return PortalError::NotFound.into_response(),
        Err(e) => return e.into_response(),
    };
    let now = app.now();
    let a = stored.value;
    json(serde_json::json!({
        "extension": a.extension().as_str(),
        "revision": a.revision(),
        "failed_logins": a.failed_logins(),
        "default_pin": a.has_default_pin(),
        "must_change_pin": a.must_change_pin(),
        "locked": a.is_locked(now, &app.rules),
    }))
}
