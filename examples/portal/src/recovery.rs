//! Forgot PIN and forgot password (R1–R5): the answer is the same whether or not the
//! account exists; a mailed PIN or password lands in the outbox.

use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use pbx_rules::{
    AdminAccount, ExtensionAccount, ExtensionMasterData, Json, PbxMasterData, Revised,
    forgot_password, forgot_pin,
};
use serde::Deserialize;

use crate::edge::{Form, PortalError};
use crate::pages::{DEMO, error_box, input, ok_box, page};
use crate::{App, Plan, Table, Write};

/// The forgot form's field: the extension's number or the head number.
#[derive(Deserialize)]
pub struct ForgotForm {
    number: String,
}

fn form(title: &str, action: &str, label: &str, message: &str) -> Html<String> {
    page(
        title,
        &format!(
            "{DEMO}{message}<form method=post action={action}>{}<button>Anfordern / request</button></form>",
            input("number", label, "text")
        ),
        None,
    )
}

fn pin_form(message: &str) -> Html<String> {
    form(
        "PIN vergessen / forgot PIN",
        "/forgot-pin",
        "Rufnummer / number (06131-62468-10)",
        message,
    )
}

fn password_form(message: &str) -> Html<String> {
    form(
        "Kennwort vergessen / forgot password",
        "/forgot-password",
        "Kopfnummer / head number (06131-62468-0)",
        message,
    )
}

/// The forgot-PIN page.
pub async fn pin_page() -> Html<String> {
    pin_form("")
}

/// The forgot-password page.
pub async fn password_page() -> Html<String> {
    password_form("")
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
pub async fn pin(State(app): State<App>, Form(body): Form<ForgotForm>) -> Response {
    let done = app
        .transact(move |app| {
            let pbx: PbxMasterData = app.db.get(Table::Pbx, "pbx")?.value;
            let digits = pbx.base_number.user_login(&body.number).ok();
            let key = digits
                .as_ref()
                .map(|d| d.as_str().to_owned())
                .unwrap_or_default();
            let master = app.db.load::<ExtensionMasterData>(Table::Extension, &key)?;
            let account = app.db.load::<ExtensionAccount>(Table::Account, &key)?;
            let pair = master
                .as_ref()
                .zip(account.as_ref())
                .map(|(m, a)| (&m.value, &a.value));
            let d = forgot_pin(&pbx, pair, app.now(), &app.rules);
            let before = account.as_ref().map(|a| &a.value);
            let writes = optional_write(Table::Account, &key, before, d.state.as_ref());
            Ok(Plan {
                writes,
                effects: d.effects,
                result: d.outcome,
            })
        })
        .await;
    answer(done, pin_form)
}

/// Forgot password (R1, R4): a new password mailed to the admin contact.
pub async fn password(State(app): State<App>, Form(body): Form<ForgotForm>) -> Response {
    let done = app
        .transact(move |app| {
            let pbx: PbxMasterData = app.db.get(Table::Pbx, "pbx")?.value;
            let admin: AdminAccount = app.db.get(Table::Admin, "admin")?.value;
            let d = forgot_password(&body.number, Some((&pbx, &admin)), app.now(), &app.rules);
            let writes = optional_write(Table::Admin, "admin", Some(&admin), d.state.as_ref());
            Ok(Plan {
                writes,
                effects: d.effects,
                result: d.outcome,
            })
        })
        .await;
    answer(done, password_form)
}

fn answer(
    done: Result<Result<(), pbx_rules::Error>, PortalError>,
    form: fn(&str) -> Html<String>,
) -> Response {
    match done.and_then(|r| r.map_err(PortalError::Core)) {
        Ok(()) => form(&ok_box(
            "Wenn die Angaben stimmen, ist eine E-Mail unterwegs. If the details match, a mail is on its way.",
        ))
        .into_response(),
        Err(e) => (e.status(), form(&error_box(&e))).into_response(),
    }
}
