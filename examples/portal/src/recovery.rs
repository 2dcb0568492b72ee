//! Forgot PIN and forgot password (R1–R5). The pages say what the preset does (finding
//! W4): under centrexx the answer names an unknown number, a missing e-mail address or a
//! locked access; under strict (uniform answers) every request hears the same.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pbx_rules::{
    AdminAccount, ExtensionAccount, ExtensionMasterData, Json, PbxMasterData, Revised,
    forgot_password, forgot_pin,
};
use serde::Deserialize;

use crate::edge::{Form, PortalError};
use crate::pages::{Frame, render_with};
use crate::{App, Plan, Table, Write};

/// The forgot form's field: the extension's number or the head number.
#[derive(Deserialize)]
pub struct ForgotForm {
    number: String,
}

/// Which of the two requests.
#[derive(Clone, Copy)]
enum Which {
    Pin,
    Password,
}

#[derive(Template)]
#[template(path = "forgot.html")]
struct ForgotPage {
    f: Frame,
    explain: String,
    action: &'static str,
    label: &'static str,
    hint: &'static str,
    button: &'static str,
}

fn form(app: &App, which: Which, f: Frame, status: StatusCode) -> Response {
    let t = f.t;
    let recovery = &app.rules.policy().recovery;
    let per_hour = recovery.requests_per_hour.to_string();
    let (title, named, uniform, action, label, hint, button) = match which {
        Which::Pin => (
            t.forgot_pin_title,
            t.forgot_pin_named,
            t.forgot_pin_uniform,
            "/forgot-pin",
            t.number_label,
            t.number_hint,
            t.forgot_pin_button,
        ),
        Which::Password => (
            t.forgot_password_title,
            t.forgot_password_named,
            t.forgot_password_uniform,
            "/forgot-password",
            t.head_label,
            t.head_hint,
            t.forgot_password_button,
        ),
    };
    let explain = if recovery.uniform_answers {
        uniform
    } else {
        named
    };
    render_with(
        status,
        &ForgotPage {
            f: f.titled(title),
            explain: explain.replace("{n}", &per_hour),
            action,
            label,
            hint,
            button,
        },
    )
}

/// The forgot-PIN page.
pub async fn pin_page(State(app): State<App>, f: Frame) -> Response {
    form(&app, Which::Pin, f, StatusCode::OK)
}

/// The forgot-password page.
pub async fn password_page(State(app): State<App>, f: Frame) -> Response {
    form(&app, Which::Password, f, StatusCode::OK)
}

/// A stored account that a recovery may change, as a compare-and-swap.
fn optional_write<T: Revised + Json>(
    table: Table,
    key: &str,
    before: Option<&T>,
    after: Option<&T>,
) -> Vec<Write> {
    before
        .zip(after)
        .map(|(b, a)| Write::of(table, key, b, a))
        .into_iter()
        .collect()
}

/// Forgot PIN (R2, R3): a new random PIN mailed to the user, kept beside the old one.
pub async fn pin(State(app): State<App>, f: Frame, Form(body): Form<ForgotForm>) -> Response {
    let number = &body.number;
    let done = app
        .transact(
            |app| async move {
                let pbx: PbxMasterData = app.db.get(Table::Pbx, "pbx").await?.value;
                let key = pbx
                    .base_number
                    .user_login(number)
                    .map(|d| d.as_str().to_owned())
                    .unwrap_or_default();
                let master = app
                    .db
                    .load::<ExtensionMasterData>(Table::Extension, &key)
                    .await?;
                let account = app
                    .db
                    .load::<ExtensionAccount>(Table::Account, &key)
                    .await?;
                Ok((pbx, key, master.map(|m| m.value), account.map(|a| a.value)))
            },
            move |app, (pbx, key, master, account), now| {
                let pair = master.as_ref().zip(account.as_ref());
                let d = forgot_pin(&pbx, pair, now, &app.rules);
                let writes =
                    optional_write(Table::Account, &key, account.as_ref(), d.state.as_ref());
                Ok(Plan {
                    writes,
                    effects: d.effects,
                    result: d.outcome,
                })
            },
        )
        .await;
    answer(&app, Which::Pin, f, done)
}

/// Forgot password (R1, R4): a new password mailed to the admin contact.
pub async fn password(State(app): State<App>, f: Frame, Form(body): Form<ForgotForm>) -> Response {
    let done = app
        .transact(
            |app| async move {
                let pbx: PbxMasterData = app.db.get(Table::Pbx, "pbx").await?.value;
                let admin: AdminAccount = app.db.get(Table::Admin, "admin").await?.value;
                Ok((pbx, admin))
            },
            move |app, (pbx, admin), now| {
                let d = forgot_password(&body.number, Some((&pbx, &admin)), now, &app.rules);
                let writes = optional_write(Table::Admin, "admin", Some(&admin), d.state.as_ref());
                Ok(Plan {
                    writes,
                    effects: d.effects,
                    result: d.outcome,
                })
            },
        )
        .await;
    answer(&app, Which::Password, f, done)
}

fn answer(
    app: &App,
    which: Which,
    f: Frame,
    done: Result<Result<(), pbx_rules::Error>, PortalError>,
) -> Response {
    let per_hour = app.rules.policy().recovery.requests_per_hour.to_string();
    let t = f.t;
    match done.and_then(|r| r.map_err(PortalError::Core)) {
        Ok(()) => {
            let sent = match (app.rules.policy().recovery.uniform_answers, which) {
                (true, _) => t.forgot_sent_uniform,
                (false, Which::Pin) => t.forgot_pin_sent,
                (false, Which::Password) => t.forgot_password_sent,
            };
            form(
                app,
                which,
                f.ok(sent.replace("{n}", &per_hour)),
                StatusCode::OK,
            )
        }
        Err(e) => {
            let status = e.status();
            form(app, which, f.error(&e), status)
        }
    }
}
