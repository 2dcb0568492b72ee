//! The admin's pages: login with the head number (A1, N5), the second factor by mailed
//! code or without extended rights (A2), the privacy notice (A4), the default-PIN list
//! (P7), then the extension list with "set PIN" (P4, P9) and backup numbers (B2, B4–B7),
//! and the password change with the live meter (K1–K5).

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use chrono::{DateTime, Utc};
use pbx_rules::{
    Actor, AdminAccount, AdminSession, AdminStep, ChangeForm, ExtensionAccount,
    ExtensionMasterData, LoginError, LoginIdError, PasswordContext, PbxMasterData, PinContext,
};
use serde::Deserialize;

use crate::edge::{Form, PortalError};
use crate::limits::{self, Client};
use crate::pages::{
    Ended, Frame, Login, Notice, logged_in, login_form, render, render_with, to_login,
};
use crate::session::{self, DEVICE_COOKIE, Kind, Opened, cookie};
use crate::user::{BackupForm, set_backup as save_backup};
use crate::{App, Plan, Stored, Table, Write};

const LOGIN: &str = "/admin/login";

/// The admin login form's fields.
#[derive(Deserialize)]
pub struct LoginForm {
    head_number: String,
    password: String,
}

/// The admin login page.
pub async fn login_page(State(app): State<App>, f: Frame, Query(q): Query<Ended>) -> Response {
    login_form(&app, Login::Admin, f.after(&q), StatusCode::OK)
}

/// The admin login under the host's limits (`limits.rs`): the head number with the central
/// digits (A1, N5), the password on the blocking pool, a remembered browser skipping the
/// code (A2). Under uniform answers the head number of another PBX costs one hash and hears
/// "wrong", as this one's wrong password does (G10).
pub async fn login(
    State(app): State<App>,
    client: Client,
    jar: CookieJar,
    f: Frame,
    Form(form): Form<LoginForm>,
) -> Response {
    let device = jar.get(DEVICE_COOKIE).map(|c| c.value().to_owned());
    let jar = match check(&app, &client, form, device).await {
        Ok(s) => session::replace(&app, jar, "admin", Opened::Admin(s)).await,
        Err(e) => Err(e),
    };
    logged_in(
        jar,
        "/admin",
        |f, status| login_form(&app, Login::Admin, f, status),
        f,
    )
}

/// The admin's login: the session the core opens (with its stamp, G11), or the refusal.
async fn check(
    app: &App,
    client: &Client,
    form: LoginForm,
    device: Option<String>,
) -> Result<AdminSession, PortalError> {
    let pbx: PbxMasterData = app.db.get(Table::Pbx, "pbx").await?.value;
    let identifier = limits::digits_of(&form.head_number);
    match pbx
        .base_number
        .admin_login(&form.head_number, &pbx.central_digits)
    {
        Ok(()) => {}
        Err(LoginIdError::OtherPbx) if app.rules.policy().recovery.uniform_answers => {
            let login = async { Err(limits::unknown_identifier(app, form.password).await) };
            return limits::guarded(app, client, "admin", &identifier, login).await;
        }
        Err(e) => return Err(e.into()),
    }
    let password = form.password;
    let login = app.transact(
        |app| async move {
            let admin: AdminAccount = app.db.get(Table::Admin, "admin").await?.value;
            let defaults = app
                .db
                .all::<ExtensionAccount>(Table::Account)
                .await?
                .into_iter()
                .filter(|(_, a)| a.value.has_default_pin())
                .map(|(_, a)| a.value.extension().clone())
                .collect::<Vec<_>>();
            Ok((admin, defaults))
        },
        move |app, (before, defaults), now| {
            let d = before.login(&password, device.as_deref(), defaults, now, &app.rules);
            Ok(Plan {
                writes: vec![Write::of(Table::Admin, "admin", &before, &d.state)],
                effects: d.effects,
                result: d.outcome,
            })
        },
    );
    let login = async { login.await?.map_err(PortalError::Core) };
    limits::guarded(app, client, "admin", &identifier, login).await
}

/// The admin session of this browser, checked (G11), with its stored state.
async fn admin_session(
    app: &App,
    jar: &CookieJar,
) -> Result<(String, Stored<AdminSession>), PortalError> {
    let s = session::check(app, jar, Kind::Admin).await?;
    let stored = s.admin.ok_or(PortalError::NotLoggedIn)?;
    Ok((s.key, stored))
}

/// The page for the session's step.
pub async fn home(State(app): State<App>, jar: CookieJar, f: Frame) -> Response {
    render_step(&app, &jar, f, StatusCode::OK).await
}

/// One row of the extension list.
struct Row {
    key: String,
    number: String,
    name: String,
    status: &'static str,
    backup: String,
    context: String,
}

#[derive(Template)]
#[template(path = "admin.html")]
struct StepPage {
    f: Frame,
    step: &'static str,
    defaults: Vec<String>,
    rights: bool,
    rows: Vec<Row>,
    central: String,
}

async fn render_step(app: &App, jar: &CookieJar, f: Frame, status: StatusCode) -> Response {
    let s = match admin_session(app, jar).await {
        Ok((_, stored)) => stored.value,
        Err(e) => return to_login(e, LOGIN),
    };
    let t = f.t;
    let mut page = StepPage {
        f,
        step: "menu",
        defaults: Vec::new(),
        rights: s.has_extended_rights(),
        rows: Vec::new(),
        central: String::new(),
    };
    let title = match s.step() {
        AdminStep::SecondFactor => {
            page.step = "factor";
            t.factor_title
        }
        AdminStep::PrivacyNotice => {
            page.step = "privacy";
            t.privacy_title
        }
        AdminStep::DefaultPins => {
            page.step = "defaults";
            page.defaults = s
                .default_pin_extensions()
                .iter()
                .map(|d| d.as_str().to_owned())
                .collect();
            t.defaults_title
        }
        _ => {
            if let Err(e) = menu(app, &mut page).await {
                return e.into_response();
            }
            t.menu_title
        }
    };
    page.f = page.f.titled(title);
    render_with(status, &page)
}

async fn menu(app: &App, page: &mut StepPage) -> Result<(), PortalError> {
    let t = page.f.t;
    let pbx = app.db.get::<PbxMasterData>(Table::Pbx, "pbx").await?.value;
    let now = app.now();
    // P4: the admin's set PIN is checked without the extension's own context.
    let context = serde_json::to_string(&PinContext::default()).unwrap_or_default();
    for (key, account) in app.db.all::<ExtensionAccount>(Table::Account).await? {
        let master = app
            .db
            .get::<ExtensionMasterData>(Table::Extension, &key)
            .await?
            .value;
        let a = &account.value;
        let status = if a.is_locked(now, &app.rules) {
            t.status_locked
        } else if a.has_default_pin() {
            t.status_default
        } else {
            t.status_ok
        };
        page.rows.push(Row {
            number: pbx.base_number.display_extension(&master.digits),
            name: master.name.clone(),
            status,
            backup: master
                .backup_number()
                .map_or_else(|| t.none.to_owned(), |n| n.as_str().to_owned()),
            context: context.clone(),
            key,
        });
    }
    page.central = pbx.central_backup_number().as_str().to_owned();
    Ok(())
}

/// What an admin step's decision returns: the writes and effects, and the text to show.
type StepPlan = Plan<Result<String, PortalError>>;

/// What an admin step decides on: the session's row key and state, the PBX and the admin
/// account, read together.
struct Step {
    key: String,
    session: AdminSession,
    pbx: PbxMasterData,
    admin: AdminAccount,
}

/// Runs a change of the admin session (or a refusal) and shows the session's page again.
async fn session_step<F>(app: App, jar: CookieJar, f: Frame, op: F) -> Response
where
    F: Fn(&App, &Step, DateTime<Utc>) -> Result<StepPlan, PortalError> + Send + Sync + 'static,
{
    let key = match admin_session(&app, &jar).await {
        Ok((key, _)) => key,
        Err(e) => return to_login(e, LOGIN),
    };
    let key = &key;
    let done = app
        .transact(
            |app| async move {
                Ok(Step {
                    key: key.clone(),
                    session: app.db.get(Table::Session, key).await?.value,
                    pbx: app.db.get(Table::Pbx, "pbx").await?.value,
                    admin: app.db.get(Table::Admin, "admin").await?.value,
                })
            },
            move |app, step, now| op(app, &step, now),
        )
        .await
        .and_then(|r| r);
    let status = done
        .as_ref()
        .err()
        .map_or(StatusCode::OK, PortalError::status);
    render_step(&app, &jar, f.result(&done), status).await
}

/// Mails a code to the admin contact (A2).
pub async fn request_code(State(app): State<App>, jar: CookieJar, f: Frame) -> Response {
    let sent = f.t.code_sent;
    session_step(app, jar, f, move |app, step, now| {
        // S7: no code is mailed that the account's code lock or throttle would refuse.
        let d = step.session.request_code(
            &step.admin,
            step.pbx.admin_email.as_deref(),
            now,
            &app.rules,
        );
        Ok(Plan {
            writes: vec![
                Write::of(Table::Session, &step.key, &step.session, &d.state),
                // Read, not changed: a code lock stored meanwhile sends this decision back.
                Write::of(Table::Admin, "admin", &step.admin, &step.admin),
            ],
            effects: d.effects,
            result: d
                .outcome
                .map(|()| sent.to_owned())
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
    f: Frame,
    Form(form): Form<CodeForm>,
) -> Response {
    let key = match admin_session(&app, &jar).await {
        Ok((key, _)) => key,
        Err(e) => return to_login(e, LOGIN),
    };
    let key = &key;
    let confirmed = app
        .transact(
            |app| async move {
                let s = app.db.get::<AdminSession>(Table::Session, key).await?.value;
                let account: AdminAccount = app.db.get(Table::Admin, "admin").await?.value;
                Ok((key.clone(), s, account))
            },
            move |app, (key, s, account), now| {
                let d = s.confirm_code(&account, &form.code, now, &app.rules);
                let (next, mut stored) = d.state;
                let mut device = None;
                if let Ok(Some(token)) = &d.outcome {
                    stored = stored.remember(token.record.clone());
                    device = Some(token.token.expose().to_owned());
                }
                Ok(Plan {
                    writes: vec![
                        Write::of(Table::Session, &key, &s, &next),
                        Write::of(Table::Admin, "admin", &account, &stored),
                    ],
                    effects: d.effects,
                    result: d.outcome.map(|_| device).map_err(PortalError::Core),
                })
            },
        )
        .await
        .and_then(|r| r);
    match confirmed {
        Ok(device) => {
            let days = i64::from(app.rules.policy().session.device_token_lifetime_days);
            let jar = match device {
                Some(value) => jar.add(cookie(&app, DEVICE_COOKIE, value, Some(days))),
                None => jar,
            };
            let text = f.t.code_confirmed;
            let page = render_step(&app, &jar, f.ok(text), StatusCode::OK).await;
            (jar, page).into_response()
        }
        Err(e) => {
            let status = e.status();
            render_step(&app, &jar, f.error(&e), status).await
        }
    }
}

/// A step without effects: the session's own transition.
async fn advance(
    app: App,
    jar: CookieJar,
    f: Frame,
    next: fn(&AdminSession) -> Result<AdminSession, LoginError>,
) -> Response {
    session_step(app, jar, f, move |_, step, _| {
        Ok(match next(&step.session) {
            Ok(after) => Plan {
                writes: vec![Write::of(Table::Session, &step.key, &step.session, &after)],
                effects: Vec::new(),
                result: Ok(String::new()),
            },
            Err(e) => Plan::answer(Err(e.into())),
        })
    })
    .await
}

/// Continues without extended rights (A2).
pub async fn continue_without(State(app): State<App>, jar: CookieJar, f: Frame) -> Response {
    advance(app, jar, f, AdminSession::continue_without_extended_rights).await
}

/// Confirms the privacy notice (A4).
pub async fn privacy(State(app): State<App>, jar: CookieJar, f: Frame) -> Response {
    advance(app, jar, f, AdminSession::confirm_privacy_notice).await
}

/// Acknowledges the default-PIN list (P7).
pub async fn default_pins(State(app): State<App>, jar: CookieJar, f: Frame) -> Response {
    advance(app, jar, f, AdminSession::acknowledge_default_pins).await
}

/// The admin as an actor, once the login reached the main menu.
async fn actor(app: &App, jar: &CookieJar) -> Result<Actor, PortalError> {
    let (_, stored) = admin_session(app, jar).await?;
    stored.value.actor().ok_or(PortalError::NotLoggedIn)
}

/// The set-PIN form's fields.
#[derive(Deserialize)]
pub struct SetPinForm {
    extension: String,
    new: String,
    confirmation: String,
}

/// An admin action's page: the menu again with its result, or the login for a session
/// that is missing or ended.
async fn after_action(
    app: &App,
    jar: &CookieJar,
    f: Frame,
    done: Result<String, PortalError>,
) -> Response {
    match done {
        Err(e @ (PortalError::NotLoggedIn | PortalError::SessionEnded)) => to_login(e, LOGIN),
        done => {
            let status = done
                .as_ref()
                .err()
                .map_or(StatusCode::OK, PortalError::status);
            render_step(app, jar, f.result(&done), status).await
        }
    }
}

/// Sets a user's PIN (P4); its effects sync the PIN and restart the phone (P9), and the
/// user's sessions end (the PIN's stamp changed).
pub async fn set_pin(
    State(app): State<App>,
    jar: CookieJar,
    f: Frame,
    Form(form): Form<SetPinForm>,
) -> Response {
    let done = match actor(&app, &jar).await {
        Ok(actor) => set_pin_as(&app, actor, form).await,
        Err(e) => Err(e),
    };
    let text = f.t.pin_set;
    after_action(&app, &jar, f, done.map(|()| text.to_owned())).await
}

/// The admin's set-PIN as one compare-and-swap with its effects.
///
/// # Errors
/// The core's refusal or a database error.
pub async fn set_pin_as(app: &App, actor: Actor, form: SetPinForm) -> Result<(), PortalError> {
    let extension = &form.extension;
    let (new, confirmation) = (form.new.clone(), form.confirmation.clone());
    app.transact(
        |app| async move {
            app.db
                .load::<ExtensionAccount>(Table::Account, extension)
                .await?
                .ok_or(PortalError::NotFound)
        },
        move |app, stored, now| {
            let before = stored.value;
            let d = before.set_pin_by_admin(&actor, &new, &confirmation, now, &app.rules);
            let key = before.extension().as_str();
            Ok(Plan {
                writes: vec![Write::of(Table::Account, key, &before, &d.state)],
                effects: d.effects,
                result: d.outcome,
            })
        },
    )
    .await?
    .map_err(PortalError::Core)
}

/// Sets an extension's backup number as the admin (B4–B7).
pub async fn set_backup(
    State(app): State<App>,
    jar: CookieJar,
    f: Frame,
    Form(form): Form<BackupForm>,
) -> Response {
    let saved = f.t.saved;
    let done = match actor(&app, &jar).await {
        Ok(actor) => save_backup(&app, form.extension, actor, form.number)
            .await
            .map(|_| saved.to_owned()),
        Err(e) => Err(e),
    };
    after_action(&app, &jar, f, done).await
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
    f: Frame,
    Form(form): Form<CentralForm>,
) -> Response {
    let saved = f.t.saved;
    let done = match actor(&app, &jar).await {
        Ok(actor) => app
            .transact(
                |app| async move { app.db.get::<PbxMasterData>(Table::Pbx, "pbx").await },
                move |app, stored, _| {
                    Ok(
                        match stored.value.set_central_backup_number(
                            &actor,
                            &form.number,
                            &app.rules,
                        ) {
                            Ok(next) => Plan {
                                writes: vec![Write::counted(
                                    Table::Pbx,
                                    "pbx",
                                    stored.revision,
                                    &next,
                                )],
                                effects: Vec::new(),
                                result: Ok(saved.to_owned()),
                            },
                            Err(e) => Plan::answer(Err(PortalError::Core(e))),
                        },
                    )
                },
            )
            .await
            .and_then(|r| r),
        Err(e) => Err(e),
    };
    after_action(&app, &jar, f, done).await
}

#[derive(Template)]
#[template(path = "admin_password.html")]
struct PasswordPage {
    f: Frame,
    context: String,
    rules: String,
}

/// The PBX's password context (K4: what the password must not contain); the admin's
/// mailed code is optional, so the longer minimum applies.
fn password_context(pbx: &PbxMasterData) -> PasswordContext {
    PasswordContext::for_pbx(pbx, false)
}

async fn password_form(app: &App, f: Frame, status: StatusCode) -> Response {
    let pbx = match app.db.get::<PbxMasterData>(Table::Pbx, "pbx").await {
        Ok(stored) => stored.value,
        Err(e) => return e.into_response(),
    };
    let policy = &app.rules.policy().password;
    let t = f.t;
    let rules = t
        .password_rules
        .replace("{min}", &policy.min_len_for(false).to_string())
        .replace("{level}", policy.min_level.name(f.lang));
    render_with(
        status,
        &PasswordPage {
            f: f.titled(t.password_title),
            context: serde_json::to_string(&password_context(&pbx)).unwrap_or_default(),
            rules,
        },
    )
}

/// The change-password page (K3), with the live meter (K2).
pub async fn password_page(State(app): State<App>, jar: CookieJar, f: Frame) -> Response {
    match actor(&app, &jar).await {
        Ok(_) => password_form(&app, f, StatusCode::OK).await,
        Err(e) => to_login(e, LOGIN),
    }
}

/// The change-password form's fields.
#[derive(Deserialize)]
pub struct PasswordForm {
    old: String,
    new: String,
    confirmation: String,
}

/// Changes the admin password (K3–K5). The new password takes effect after the policy's
/// delay; every admin session ends now (the password's stamp changed), this one too.
pub async fn change_password(
    State(app): State<App>,
    jar: CookieJar,
    f: Frame,
    Form(form): Form<PasswordForm>,
) -> Response {
    if let Err(e) = actor(&app, &jar).await {
        return to_login(e, LOGIN);
    }
    let changed = app
        .transact(
            |app| async move {
                let pbx: PbxMasterData = app.db.get(Table::Pbx, "pbx").await?.value;
                let admin: AdminAccount = app.db.get(Table::Admin, "admin").await?.value;
                Ok((pbx, admin))
            },
            move |app, (pbx, before), now| {
                let form = ChangeForm {
                    old: &form.old,
                    new: &form.new,
                    confirmation: &form.confirmation,
                };
                let d = before.change_password(form, &password_context(&pbx), now, &app.rules);
                Ok(Plan {
                    writes: vec![Write::of(Table::Admin, "admin", &before, &d.state)],
                    effects: d.effects,
                    result: d.outcome,
                })
            },
        )
        .await
        .and_then(|r| r.map_err(PortalError::Core));
    match changed {
        Ok(done) => {
            let at = done.effective_at.format("%Y-%m-%d %H:%M").to_string();
            let text = f.t.password_changed.replace("{at}", &at);
            let jar = match session::end(&app, jar).await {
                Ok(jar) => jar,
                Err(e) => return e.into_response(),
            };
            let t = f.t;
            let page = render(&Notice {
                f: f.titled(t.password_title).ok(text),
            });
            (jar, page).into_response()
        }
        Err(e) => {
            let status = e.status();
            password_form(&app, f.error(&e), status).await
        }
    }
}
