//! The admin's pages: login with the head number (A1, N5), the second factor by mailed
//! code or without extended rights (A2), the privacy notice (A4), the default-PIN list
//! (P7), then the extension list with "set PIN" (P4, P9) and backup numbers (B2, B4–B7).

use axum::extract::State;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use pbx_rules::{
    Actor, AdminAccount, AdminSession, AdminStep, ExtensionAccount, ExtensionMasterData,
    LoginError, PbxMasterData,
};
use serde::Deserialize;

use crate::edge::{Form, PortalError};
use crate::pages::{error_box, esc, input, ok_box, page};
use crate::session::{self, DEVICE_COOKIE, SESSION_COOKIE, cookie};
use crate::user::{BackupForm, set_backup as save_backup};
use crate::{App, Plan, Table, Write};

/// The admin login form's fields.
#[derive(Deserialize)]
pub struct LoginForm {
    head_number: String,
    password: String,
}

fn login_form(message: &str) -> Html<String> {
    page(
        "Admin-Login",
        &format!(
            "{message}<form method=post action=/admin/login>{}{}<button>Anmelden / log in</button></form>",
            input(
                "head_number",
                "Kopfnummer mit Zentrale / head number (06131-62468-0)",
                "text"
            ),
            input("password", "Kennwort / password", "password")
        ),
        None,
    )
}

/// The admin login page.
pub async fn login_page() -> Html<String> {
    login_form("")
}

/// The admin login: the head number with the central digits (A1, N5), the password on
/// the blocking pool, a remembered browser skipping the code (A2).
pub async fn login(
    State(app): State<App>,
    jar: CookieJar,
    Form(form): Form<LoginForm>,
) -> Response {
    let device = jar.get(DEVICE_COOKIE).map(|c| c.value().to_owned());
    let started = app
        .transact(move |app| {
            let pbx: PbxMasterData = app.db.get(Table::Pbx, "pbx")?.value;
            if let Err(e) = pbx
                .base_number
                .admin_login(&form.head_number, &pbx.central_digits)
            {
                return Ok(Plan::answer(Err(e.into())));
            }
            let before: AdminAccount = app.db.get(Table::Admin, "admin")?.value;
            let defaults = app
                .db
                .all::<ExtensionAccount>(Table::Account)?
                .into_iter()
                .filter(|(_, a)| a.value.has_default_pin())
                .map(|(_, a)| a.value.extension().clone())
                .collect();
            let d = before.login(
                &form.password,
                device.as_deref(),
                defaults,
                app.now(),
                &app.rules,
            );
            let write = Write::of(Table::Admin, "admin", &before, &d.state);
            Ok(Plan {
                writes: vec![write],
                effects: d.effects,
                result: d.outcome,
            })
        })
        .await
        .and_then(|r| r.map_err(PortalError::Core));
    let token = match started {
        Ok(session) => {
            app.read(move |app| {
                let token = session::token()?;
                app.db
                    .insert(Table::AdminSession, &token, &session, session.revision())?;
                Ok(token)
            })
            .await
        }
        Err(e) => Err(e),
    };
    match token {
        Ok(token) => {
            let jar = jar.add(cookie(&app, SESSION_COOKIE, format!("a.{token}"), 1));
            (jar, Redirect::to("/admin")).into_response()
        }
        Err(e) => (e.status(), login_form(&error_box(&e))).into_response(),
    }
}

/// The page for the session's step.
pub async fn home(State(app): State<App>, jar: CookieJar) -> Response {
    render(&app, &jar, String::new(), axum::http::StatusCode::OK).await
}

async fn render(
    app: &App,
    jar: &CookieJar,
    message: String,
    status: axum::http::StatusCode,
) -> Response {
    let Ok(token) = session::admin_token(jar) else {
        return Redirect::to("/admin/login").into_response();
    };
    match app.read(move |app| step_page(app, &token, &message)).await {
        Ok(html) => (status, html).into_response(),
        Err(PortalError::NotLoggedIn) => Redirect::to("/admin/login").into_response(),
        Err(e) => e.into_response(),
    }
}

fn step_page(app: &App, token: &str, message: &str) -> Result<Html<String>, PortalError> {
    let s = session::admin(app, token)?.value;
    Ok(match s.step() {
        AdminStep::SecondFactor => page(
            "Erweiterte Rechte / extended rights (A2)",
            &format!(
                "{message}<form method=post action=/admin/code><p>Code per E-Mail an den Admin-Kontakt. \
                 A code is mailed to the admin contact (see the <a href=/outbox>outbox</a>).</p>\
                 <button id=request-code>Code anfordern / request code</button></form>\
                 <form method=post action=/admin/confirm>{}<button id=confirm-code>Bestätigen / confirm</button></form>\
                 <form method=post action=/admin/continue><button id=continue>Ohne erweiterte Rechte fortfahren / \
                 continue without extended rights</button></form>",
                input("code", "Code", "text")
            ),
            None,
        ),
        AdminStep::PrivacyNotice => page(
            "Datenschutzhinweis / privacy notice (A4)",
            &format!(
                "{message}<p>Sie verarbeiten personenbezogene Daten Ihrer Nutzer. \
                 You process your users' personal data.</p><form method=post action=/admin/privacy>\
                 <button id=privacy>Gelesen / confirm</button></form>"
            ),
            None,
        ),
        AdminStep::DefaultPins => {
            let list: String = s
                .default_pin_extensions()
                .iter()
                .map(|d| format!("<li>{}</li>", esc(d.as_str())))
                .collect();
            page(
                "Standard-PINs / default PINs (P7)",
                &format!(
                    "{message}<p>Diese Nebenstellen haben noch die Standard-PIN. \
                     These extensions still have the default PIN:</p><ul id=default-pins>{list}</ul>\
                     <form method=post action=/admin/default-pins><button id=acknowledge>Zur Kenntnis genommen / acknowledge</button></form>"
                ),
                None,
            )
        }
        AdminStep::MainMenu => menu(app, &s, message)?,
    })
}

fn menu(app: &App, s: &AdminSession, message: &str) -> Result<Html<String>, PortalError> {
    let pbx = app.db.get::<PbxMasterData>(Table::Pbx, "pbx")?.value;
    let now = app.now();
    let accounts = app.db.all::<ExtensionAccount>(Table::Account)?;
    let mut rows = String::new();
    for (key, account) in accounts {
        let master = app
            .db
            .get::<ExtensionMasterData>(Table::Extension, &key)?
            .value;
        let a = &account.value;
        let status = if a.is_locked(now, &app.rules) {
            "gesperrt / locked"
        } else if a.has_default_pin() {
            "Standard-PIN / default PIN"
        } else {
            "ok"
        };
        rows.push_str(&format!(
            "<tr id=\"ext-{k}\"><td>{number}<br>{name}</td><td class=status>{status}</td><td class=backup>{backup}</td>\
             <td><form method=post action=/admin/pin><input type=hidden name=extension value=\"{k}\">{new}{conf}\
             <button>PIN setzen / set PIN</button></form></td>\
             <td><form method=post action=/admin/backup><input type=hidden name=extension value=\"{k}\">{num}\
             <button>Speichern / save</button></form></td></tr>",
            k = esc(&key),
            number = esc(&pbx.base_number.display_extension(&master.digits)),
            name = esc(&master.name),
            backup = esc(master.backup_number().map_or("—", |n| n.as_str())),
            new = input("new", "Neue PIN", "password"),
            conf = input("confirmation", "Wiederholung", "password"),
            num = input("number", "Rufumleitung", "text"),
        ));
    }
    let rights = if s.has_extended_rights() {
        "mit erweiterten Rechten / with extended rights"
    } else {
        "ohne erweiterte Rechte / without extended rights"
    };
    Ok(page(
        "Nebenstellen / extensions",
        &format!(
            "{message}<p id=rights>{rights}</p><table><tr><th>Nebenstelle</th><th>Status</th><th>Rufumleitung</th>\
             <th>PIN (P4)</th><th>Rufumleitung (B4–B7)</th></tr>{rows}</table>\
             <form method=post action=/admin/central><p>Zentrale Rufumleitung / central backup (B2): {}</p>{}\
             <button>Speichern / save</button></form>\
             <form method=post action=/logout><button>Abmelden / log out</button></form>",
            esc(pbx.central_backup_number().as_str()),
            input("number", "Nummer / number", "text")
        ),
        None,
    ))
}

/// Runs a session change (or a refusal) and shows the session's page again.
async fn session_step<F>(app: App, jar: CookieJar, op: F) -> Response
where
    F: Fn(
            &App,
            &AdminSession,
            chrono::DateTime<chrono::Utc>,
        ) -> Result<Plan<Result<String, PortalError>>, PortalError>
        + Send
        + 'static,
{
    let Ok(token) = session::admin_token(&jar) else {
        return Redirect::to("/admin/login").into_response();
    };
    let key = token.clone();
    let done = app
        .transact(move |app| {
            let s = session::admin(app, &key)?.value;
            op(app, &s, app.now())
        })
        .await
        .and_then(|r| r);
    match done {
        Ok(ok) => render(&app, &jar, ok_box(&ok), axum::http::StatusCode::OK).await,
        Err(e) => render(&app, &jar, error_box(&e), e.status()).await,
    }
}

/// A session that moved on, as a compare-and-swap write.
fn session_write(key: &str, before: &AdminSession, after: &AdminSession) -> Write {
    Write::of(Table::AdminSession, key, before, after)
}

fn token_of(jar: &CookieJar) -> String {
    session::admin_token(jar).unwrap_or_default()
}

/// Mails a code to the admin contact (A2).
pub async fn request_code(State(app): State<App>, jar: CookieJar) -> Response {
    let key = token_of(&jar);
    session_step(app, jar, move |app, s, now| {
        let pbx: PbxMasterData = app.db.get(Table::Pbx, "pbx")?.value;
        let d = s.request_code(pbx.admin_email.as_deref(), now, &app.rules);
        Ok(Plan {
            writes: vec![session_write(&key, s, &d.state)],
            effects: d.effects,
            result: d
                .outcome
                .map(|()| "Code gesendet / code sent".to_owned())
                .map_err(PortalError::Core),
        })
    })
    .await
}

/// The code's form field.
#[derive(Deserialize)]
pub struct CodeForm {
    code: String,
}

/// Confirms the mailed code (A2): extended rights, and the browser is remembered by a
/// cookie whose record the admin account stores.
pub async fn confirm_code(
    State(app): State<App>,
    jar: CookieJar,
    Form(form): Form<CodeForm>,
) -> Response {
    let Ok(key) = session::admin_token(&jar) else {
        return Redirect::to("/admin/login").into_response();
    };
    let confirmed = app
        .transact(move |app| {
            let s = session::admin(app, &key)?.value;
            let account: AdminAccount = app.db.get(Table::Admin, "admin")?.value;
            let d = s.confirm_code(&account, &form.code, app.now(), &app.rules);
            let (next, mut stored) = d.state;
            let mut device = None;
            if let Ok(Some(token)) = &d.outcome {
                stored = stored.remember(token.record.clone());
                device = Some(token.token.expose().to_owned());
            }
            Ok(Plan {
                writes: vec![
                    session_write(&key, &s, &next),
                    Write::of(Table::Admin, "admin", &account, &stored),
                ],
                effects: d.effects,
                result: d.outcome.map(|_| device).map_err(PortalError::Core),
            })
        })
        .await
        .and_then(|r| r);
    match confirmed {
        Ok(device) => {
            let lifetime = i64::from(app.rules.policy().session.device_token_lifetime_days);
            let jar = match device {
                Some(value) => jar.add(cookie(&app, DEVICE_COOKIE, value, lifetime)),
                None => jar,
            };
            let page = render(
                &app,
                &jar,
                ok_box("Code bestätigt / code confirmed"),
                axum::http::StatusCode::OK,
            )
            .await;
            (jar, page).into_response()
        }
        Err(e) => render(&app, &jar, error_box(&e), e.status()).await,
    }
}

/// A step without effects: the session's own transition.
async fn advance(
    app: App,
    jar: CookieJar,
    next: fn(&AdminSession) -> Result<AdminSession, LoginError>,
) -> Response {
    let key = token_of(&jar);
    session_step(app, jar, move |_, s, _| {
        Ok(match next(s) {
            Ok(after) => Plan {
                writes: vec![session_write(&key, s, &after)],
                effects: Vec::new(),
                result: Ok("Weiter / next".to_owned()),
            },
            Err(e) => Plan::answer(Err(e.into())),
        })
    })
    .await
}

/// Continues without extended rights (A2).
pub async fn continue_without(State(app): State<App>, jar: CookieJar) -> Response {
    advance(app, jar, AdminSession::continue_without_extended_rights).await
}

/// Confirms the privacy notice (A4).
pub async fn privacy(State(app): State<App>, jar: CookieJar) -> Response {
    advance(app, jar, AdminSession::confirm_privacy_notice).await
}

/// Acknowledges the default-PIN list (P7).
pub async fn default_pins(State(app): State<App>, jar: CookieJar) -> Response {
    advance(app, jar, AdminSession::acknowledge_default_pins).await
}

/// The admin as an actor, once the login reached the main menu.
async fn actor(app: &App, jar: &CookieJar) -> Result<Actor, PortalError> {
    let key = session::admin_token(jar)?;
    app.read(move |app| {
        session::admin(app, &key)?
            .value
            .actor()
            .ok_or(PortalError::NotLoggedIn)
    })
    .await
}

/// The set-PIN form's fields.
#[derive(Deserialize)]
pub struct SetPinForm {
    extension: String,
    new: String,
    confirmation: String,
}

/// Sets a user's PIN (P4); its effects sync the PIN and restart the phone (P9).
pub async fn set_pin(
    State(app): State<App>,
    jar: CookieJar,
    Form(form): Form<SetPinForm>,
) -> Response {
    let done = match actor(&app, &jar).await {
        Ok(actor) => set_pin_as(&app, actor, form).await,
        Err(e) => Err(e),
    };
    reply(
        &app,
        &jar,
        done.map(|()| "PIN gesetzt / PIN set".to_owned()),
    )
    .await
}

/// The admin's set-PIN as one compare-and-swap with its effects.
///
/// # Errors
/// The core's refusal or a database error.
pub async fn set_pin_as(app: &App, actor: Actor, form: SetPinForm) -> Result<(), PortalError> {
    app.transact(move |app| {
        let before: ExtensionAccount = app
            .db
            .load(Table::Account, &form.extension)?
            .ok_or(PortalError::NotFound)?
            .value;
        let d =
            before.set_pin_by_admin(&actor, &form.new, &form.confirmation, app.now(), &app.rules);
        let write = Write::of(Table::Account, &form.extension, &before, &d.state);
        Ok(Plan {
            writes: vec![write],
            effects: d.effects,
            result: d.outcome,
        })
    })
    .await?
    .map_err(PortalError::Core)
}

async fn reply(app: &App, jar: &CookieJar, done: Result<String, PortalError>) -> Response {
    match done {
        Ok(ok) => render(app, jar, ok_box(&ok), axum::http::StatusCode::OK).await,
        Err(e) => render(app, jar, error_box(&e), e.status()).await,
    }
}

/// Sets an extension's backup number as the admin (B4–B7).
pub async fn set_backup(
    State(app): State<App>,
    jar: CookieJar,
    Form(form): Form<BackupForm>,
) -> Response {
    let done = match actor(&app, &jar).await {
        Ok(actor) => save_backup(&app, form.extension, actor, form.number)
            .await
            .map(|_| "Gespeichert / saved".to_owned()),
        Err(e) => Err(e),
    };
    reply(&app, &jar, done).await
}

/// The central backup number's field.
#[derive(Deserialize)]
pub struct CentralForm {
    number: String,
}

/// Sets the central backup number (B2: never empty).
pub async fn set_central(
    State(app): State<App>,
    jar: CookieJar,
    Form(form): Form<CentralForm>,
) -> Response {
    let done = match actor(&app, &jar).await {
        Ok(actor) => app
            .transact(move |app| {
                let stored = app.db.get::<PbxMasterData>(Table::Pbx, "pbx")?;
                Ok(
                    match stored
                        .value
                        .set_central_backup_number(&actor, &form.number, &app.rules)
                    {
                        Ok(next) => Plan {
                            writes: vec![Write::master(Table::Pbx, "pbx", stored.revision, &next)],
                            effects: Vec::new(),
                            result: Ok("Gespeichert / saved".to_owned()),
                        },
                        Err(e) => Plan::answer(Err(PortalError::Core(e))),
                    },
                )
            })
            .await
            .and_then(|r| r),
        Err(e) => Err(e),
    };
    reply(&app, &jar, done).await
}
