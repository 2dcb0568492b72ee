//! The user's pages: login (N4) with the forced PIN change (P6) and the lock (P5), the
//! own backup number (B4–B7), and the JSON login the load test drives.

use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use pbx_rules::{
    Actor, ChangeForm, ExtensionAccount, ExtensionDigits, ExtensionMasterData, LoginError,
    PbxMasterData, PinContext, UserLogin,
};
use serde::Deserialize;

use crate::edge::{Form, JsonBody, PortalError, json};
use crate::pages::{error_box, esc, input, ok_box, page};
use crate::session::{self, SESSION_COOKIE, cookie};
use crate::{App, Plan, Table, Write};

/// The login form's fields.
#[derive(Deserialize)]
pub struct LoginForm {
    number: String,
    pin: String,
}

fn login_form(message: &str) -> Html<String> {
    page(
        "Benutzer-Login",
        &format!(
            "{message}<form method=post action=/login>{}{}<button>Anmelden / log in</button></form>",
            input("number", "Rufnummer / number (06131-62468-10)", "text"),
            input("pin", "PIN", "password")
        ),
        None,
    )
}

/// The login page.
pub async fn login_page() -> Html<String> {
    login_form("")
}

/// A user login: reads the account, checks the PIN on the blocking pool, stores the
/// counted state and its effects with compare-and-swap.
///
/// # Errors
/// The core's refusal (wrong PIN, throttled, locked, P5 expired, malformed number), or a
/// database error.
pub async fn check(
    app: &App,
    number: String,
    pin: String,
) -> Result<(ExtensionDigits, UserLogin), PortalError> {
    let result = app
        .transact(move |app| {
            let pbx: PbxMasterData = app.db.get(Table::Pbx, "pbx")?.value;
            let digits = pbx.base_number.user_login(&number)?;
            let Some(stored) = app
                .db
                .load::<ExtensionAccount>(Table::Account, digits.as_str())?
            else {
                // An unknown extension costs one hash like a known one and hears the same.
                app.rules.dummy_verify(&pin);
                return Ok(Plan::answer(Err(LoginError::WrongCredentials.into())));
            };
            let before = stored.value;
            let decision = before.login(&pin, app.now(), &app.rules);
            let write = Write::of(Table::Account, digits.as_str(), &before, &decision.state);
            Ok(Plan {
                writes: vec![write],
                effects: decision.effects,
                result: decision.outcome.map(|outcome| (digits.clone(), outcome)),
            })
        })
        .await?;
    result.map_err(PortalError::Core)
}

/// The login form's post: a session cookie and the next page, or the form with the reason.
pub async fn login(
    State(app): State<App>,
    jar: CookieJar,
    Form(form): Form<LoginForm>,
) -> Response {
    let started = match check(&app, form.number, form.pin).await {
        Ok((digits, outcome)) => {
            let must_change = matches!(outcome, UserLogin::MustChangePin { .. });
            let app2 = app.clone();
            app.read(move |_| session::start_user(&app2, &digits, must_change))
                .await
                .map(|token| (token, must_change))
        }
        Err(e) => Err(e),
    };
    match started {
        Ok((token, must_change)) => {
            let jar = jar.add(cookie(&app, SESSION_COOKIE, token, 1));
            (jar, Redirect::to(if must_change { "/pin" } else { "/me" })).into_response()
        }
        Err(e) => (e.status(), login_form(&error_box(&e))).into_response(),
    }
}

/// The change-PIN form's fields.
#[derive(Deserialize)]
pub struct ChangePinForm {
    old: String,
    new: String,
    confirmation: String,
}

fn change_form(message: &str, forced: bool) -> Html<String> {
    let why = if forced {
        "<p>Sie müssen Ihre PIN jetzt ändern (P6). You must change your PIN now.</p>"
    } else {
        ""
    };
    page(
        "PIN ändern / change PIN",
        &format!(
            "{why}{message}<form method=post action=/pin>{}{}{}<button>Ändern / change</button></form>",
            input("old", "Alte PIN / old PIN", "password"),
            input("new", "Neue PIN / new PIN", "password"),
            input("confirmation", "Wiederholung / repeat", "password")
        ),
        None,
    )
}

/// The change-PIN page.
pub async fn change_page(State(app): State<App>, jar: CookieJar) -> Response {
    match app.read(move |app| session::user(app, &jar)).await {
        Ok(user) => change_form("", user.must_change).into_response(),
        Err(_) => Redirect::to("/login").into_response(),
    }
}

/// The change-PIN post (P3, P6, P9): the owner changes the PIN with the context of the
/// extension (its digits, the user's name and number are trivial PINs, P1).
pub async fn change(
    State(app): State<App>,
    jar: CookieJar,
    Form(form): Form<ChangePinForm>,
) -> Response {
    let user = match app.read(move |app| session::user(app, &jar)).await {
        Ok(user) => user,
        Err(_) => return Redirect::to("/login").into_response(),
    };
    let extension = user.extension.clone();
    let changed = app
        .transact(move |app| {
            let key = extension.as_str();
            let pbx: PbxMasterData = app.db.get(Table::Pbx, "pbx")?.value;
            let master: ExtensionMasterData = app.db.get(Table::Extension, key)?.value;
            let before: ExtensionAccount = app.db.get(Table::Account, key)?.value;
            let ctx = PinContext::for_extension(&pbx, &master);
            let actor = Actor::User {
                extension: extension.clone(),
            };
            let form = ChangeForm {
                old: &form.old,
                new: &form.new,
                confirmation: &form.confirmation,
            };
            let d = before.change_pin(&actor, form, &ctx, app.now(), &app.rules);
            let write = Write::of(Table::Account, key, &before, &d.state);
            Ok(Plan {
                writes: vec![write],
                effects: d.effects,
                result: d.outcome.map(drop),
            })
        })
        .await
        .and_then(|r| r.map_err(PortalError::Core));
    match changed {
        Ok(()) => {
            let token = user.token.clone();
            match app.read(move |app| session::pin_changed(app, &token)).await {
                Ok(()) => Redirect::to("/me?changed=1").into_response(),
                Err(e) => {
                    (e.status(), change_form(&error_box(&e), user.must_change)).into_response()
                }
            }
        }
        Err(e) => (e.status(), change_form(&error_box(&e), user.must_change)).into_response(),
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
    let result = app
        .transact(move |app| {
            let stored = app
                .db
                .load::<ExtensionMasterData>(Table::Extension, &extension)?
                .ok_or(PortalError::NotFound)?;
            Ok(
                match stored.value.set_backup_number(&actor, &typed, &app.rules) {
                    Ok(next) => Plan {
                        writes: vec![Write::master(
                            Table::Extension,
                            &extension,
                            stored.revision,
                            &next,
                        )],
                        effects: Vec::new(),
                        result: Ok(next),
                    },
                    Err(e) => Plan::answer(Err(e)),
                },
            )
        })
        .await?;
    result.map_err(PortalError::Core)
}

fn me_page(master: &ExtensionMasterData, pbx: &PbxMasterData, message: &str) -> Html<String> {
    let backup = master
        .backup_number()
        .map(|n| n.as_str().to_owned())
        .unwrap_or_else(|| "—".into());
    page(
        "Meine Nebenstelle / my extension",
        &format!(
            "{message}<p>{} · {} · Rufumleitung / backup: <span id=backup>{}</span></p>\
             <form method=post action=/me/backup>{}<button>Speichern / save</button></form>\
             <p><a href=/pin>PIN ändern / change PIN</a></p>\
             <form method=post action=/logout><button>Abmelden / log out</button></form>",
            esc(&pbx.base_number.display_extension(&master.digits)),
            esc(&master.name),
            esc(&backup),
            input("number", "Rufumleitungsnummer / backup number (B5)", "text"),
        ),
        None,
    )
}

/// The user's home page.
pub async fn me(State(app): State<App>, jar: CookieJar) -> Response {
    let shown = app
        .read(move |app| {
            let user = session::user(app, &jar)?;
            if user.must_change {
                return Ok(None);
            }
            let pbx: PbxMasterData = app.db.get(Table::Pbx, "pbx")?.value;
            let master: ExtensionMasterData =
                app.db.get(Table::Extension, user.extension.as_str())?.value;
            Ok(Some(me_page(&master, &pbx, "")))
        })
        .await;
    match shown {
        Ok(Some(html)) => html.into_response(),
        Ok(None) => Redirect::to("/pin").into_response(),
        Err(_) => Redirect::to("/login").into_response(),
    }
}

/// The user sets the own backup number (B4: only the own extension).
pub async fn backup(
    State(app): State<App>,
    jar: CookieJar,
    Form(form): Form<BackupForm>,
) -> Response {
    let user = match app.read(move |app| session::user(app, &jar)).await {
        Ok(user) if !user.must_change => user,
        _ => return Redirect::to("/login").into_response(),
    };
    let actor = Actor::User {
        extension: user.extension.clone(),
    };
    let saved = set_backup(&app, user.extension.as_str().to_owned(), actor, form.number).await;
    let message = match &saved {
        Ok(_) => ok_box("Gespeichert / saved"),
        Err(e) => error_box(e),
    };
    let key = user.extension.as_str().to_owned();
    let status = saved
        .as_ref()
        .err()
        .map_or(axum::http::StatusCode::OK, PortalError::status);
    match app
        .read(move |app| {
            let pbx: PbxMasterData = app.db.get(Table::Pbx, "pbx")?.value;
            let master: ExtensionMasterData = app.db.get(Table::Extension, &key)?.value;
            Ok(me_page(&master, &pbx, &message))
        })
        .await
    {
        Ok(html) => (status, html).into_response(),
        Err(e) => e.into_response(),
    }
}

/// The JSON login's body.
#[derive(Deserialize)]
pub struct ApiLogin {
    number: String,
    pin: String,
}

/// `POST /api/login {"number", "pin"}`: `{"extension", "ok": {...}}` or the core's error.
pub async fn api_login(State(app): State<App>, JsonBody(body): JsonBody<ApiLogin>) -> Response {
    match check(&app, body.number, body.pin).await {
        Ok((digits, outcome)) => {
            json(serde_json::json!({"extension": digits.as_str(), "ok": outcome}))
        }
        Err(e) => e.into_response(),
    }
}

/// `GET /api/extensions/{digits}`: what a test checks (no hash).
pub async fn api_state(State(app): State<App>, Path(digits): Path<String>) -> Response {
    let read = app
        .read(move |app| {
            let stored = app
                .db
                .load::<ExtensionAccount>(Table::Account, &digits)?
                .ok_or(PortalError::NotFound)?;
            let now = app.now();
            let a = stored.value;
            Ok(serde_json::json!({
                "extension": a.extension().as_str(),
                "revision": a.revision(),
                "failed_logins": a.failed_logins(),
                "default_pin": a.has_default_pin(),
                "must_change_pin": a.must_change_pin(),
                "locked": a.is_locked(now, &app.rules),
            }))
        })
        .await;
    match read {
        Ok(v) => json(v),
        Err(e) => e.into_response(),
    }
}
