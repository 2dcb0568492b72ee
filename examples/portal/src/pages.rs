//! Server-rendered pages: plain HTML in examples/web's look, every text escaped.

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use pbx_rules::{Actor, PreviewMode};
use serde::Deserialize;

use crate::App;
use crate::edge::{Form, PortalError};
use crate::seed::ADMIN_PASSWORD;
use crate::session::cookie;

/// Escapes text for HTML.
#[must_use]
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A whole page; `footer` is the V1 preview footer where the viewer may switch.
pub fn page(title: &str, body: &str, footer: Option<&str>) -> Html<String> {
    let footer = footer
        .map(|f| {
            format!(
                "<footer id=\"preview\"><form id=preview-form method=post action=/preview><button>{}</button></form></footer>",
                esc(f)
            )
        })
        .unwrap_or_default();
    Html(format!(
        "<!doctype html><html lang=de><meta charset=utf-8><title>{t} · Power Menü</title>\
         <link rel=stylesheet href=/style.css><body><nav><a href=/>Power Menü</a> · \
         <a href=/outbox>Outbox</a> · <a href=/events>Events</a></nav><h1>{t}</h1>{body}{footer}</body></html>",
        t = esc(title)
    ))
}

/// A refusal shown on a page, in German and English, with its code.
#[must_use]
pub fn error_box(e: &PortalError) -> String {
    let (de, en) = e.messages();
    format!(
        "<p class=\"result error\" data-code=\"{}\">{}<br><small>{}</small></p>",
        esc(e.code()),
        esc(&de),
        esc(&en)
    )
}

/// A success line.
#[must_use]
pub fn ok_box(text: &str) -> String {
    format!("<p class=\"result ok\">{}</p>", esc(text))
}

/// A labelled input.
#[must_use]
pub fn input(name: &str, label: &str, kind: &str) -> String {
    format!(
        "<label>{} <input name={name} type={kind} autocomplete=off></label>",
        esc(label)
    )
}

/// The demo notice on pages that show secrets.
pub const DEMO: &str = "<p><strong>Lokale Demo / local demo:</strong> Mails gehen nicht hinaus; \
    sie stehen in der Outbox, damit Sie Codes und PINs dort lesen können. \
    Mail does not leave this machine: read codes and PINs in the outbox.</p>";

/// The start page.
pub async fn home() -> Html<String> {
    page(
        "Power Menü",
        &format!(
            "{DEMO}<ul><li><a href=/login>Benutzer-Login / user login</a> (Nebenstellen 10, 11, 12 \
             als 06131-62468-10 …, PIN 0000)</li>\
             <li><a href=/admin/login>Admin-Login</a> (Kopfnummer 06131-62468-0, Kennwort \
             <code>{pw}</code>)</li>\
             <li><a href=/forgot-pin>PIN vergessen / forgot PIN</a></li>\
             <li><a href=/forgot-password>Kennwort vergessen / forgot password</a></li>\
             <li><a href=/staff>Ansicht für Mitarbeiter und Partner / staff and partner view</a></li></ul>",
            pw = esc(ADMIN_PASSWORD)
        ),
        None,
    )
}

/// examples/web's stylesheet, plus a table rule.
pub async fn style() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css")],
        concat!(
            include_str!("../../web/style.css"),
            "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.25rem;vertical-align:top}\
             body{max-width:60rem}footer{margin-top:2rem;border-top:1px solid #ccc}"
        ),
    )
        .into_response()
}

/// The outbox: every mail the portal "sent", newest first.
///
/// # Errors
/// The database fails.
pub async fn outbox(State(app): State<App>) -> Result<Html<String>, PortalError> {
    let rows = list(
        &app,
        "SELECT id, at, recipient, subject, body FROM outbox ORDER BY id DESC",
    )
    .await?;
    Ok(page(
        "Outbox",
        &format!(
            "{DEMO}{}",
            table(&["#", "Zeit", "An", "Betreff", "Text"], &rows)
        ),
        None,
    ))
}

/// The event log: PIN syncs and phone restarts (P9).
///
/// # Errors
/// The database fails.
pub async fn events(State(app): State<App>) -> Result<Html<String>, PortalError> {
    let rows = list(
        &app,
        "SELECT id, at, kind, subject, '' FROM events ORDER BY id DESC",
    )
    .await?;
    Ok(page(
        "Events",
        &table(&["#", "Zeit", "Art", "Nebenstelle", ""], &rows),
        None,
    ))
}

async fn list(app: &App, sql: &'static str) -> Result<Vec<[String; 5]>, PortalError> {
    app.read(move |app| {
        app.db.with(|c| {
            let mut stmt = c.prepare(sql)?;
            stmt.query_map([], |r| {
                Ok([
                    r.get::<_, i64>(0)?.to_string(),
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                ])
            })?
            .collect()
        })
    })
    .await
}

fn table(head: &[&str], rows: &[[String; 5]]) -> String {
    let head: String = head
        .iter()
        .map(|h| format!("<th>{}</th>", esc(h)))
        .collect();
    let body: String = rows
        .iter()
        .map(|r| {
            format!(
                "<tr>{}</tr>",
                r.iter()
                    .map(|c| format!("<td>{}</td>", esc(c)))
                    .collect::<String>()
            )
        })
        .collect();
    format!("<table><tr>{head}</tr>{body}</table>")
}

/// Who views the staff page (the demo has no staff login: the role is chosen here).
#[derive(Deserialize)]
pub struct Viewer {
    #[serde(default)]
    r#as: String,
}

fn actor(role: &str) -> Actor {
    match known(role) {
        "partner" => Actor::Partner {
            advanced_training: false,
        },
        "partner-trained" => Actor::Partner {
            advanced_training: true,
        },
        _ => Actor::Staff,
    }
}

/// The role as one of the three the page offers.
fn known(role: &str) -> &'static str {
    match role {
        "partner" => "partner",
        "partner-trained" => "partner-trained",
        _ => "staff",
    }
}

const PREVIEW_COOKIE: &str = "portal_preview";

fn mode(jar: &CookieJar) -> PreviewMode {
    match jar.get(PREVIEW_COOKIE).map(|c| c.value()) {
        Some("preview") => PreviewMode::Preview,
        _ => PreviewMode::Standard,
    }
}

/// The staff and partner view with the preview footer (V1): shown to staff and trained
/// partners only.
pub async fn staff(jar: CookieJar, Query(viewer): Query<Viewer>) -> Html<String> {
    let actor = actor(&viewer.r#as);
    let footer = mode(&jar).footer(&actor);
    let body = format!(
        "<p>Rolle / role: <code>{}</code> · <a href=\"/staff?as=staff\">staff</a> · \
         <a href=\"/staff?as=partner\">partner</a> · <a href=\"/staff?as=partner-trained\">trained partner</a></p>\
         <p>{}</p><input type=hidden form=preview-form name=as value=\"{}\">",
        known(&viewer.r#as),
        if footer.is_some() {
            "Fußzeile mit Preview-Schalter (V1)."
        } else {
            "Kein Preview-Schalter für diese Rolle (V1)."
        },
        known(&viewer.r#as)
    );
    page("Mitarbeiteransicht / staff view", &body, footer)
}

/// A click on the footer: the other mode, for those who may switch (V1).
///
/// # Errors
/// `PERMISSION_PREVIEW_NOT_ALLOWED` for anyone but staff and trained partners.
pub async fn toggle_preview(
    State(app): State<App>,
    jar: CookieJar,
    Form(viewer): Form<Viewer>,
) -> Result<Response, PortalError> {
    let next = mode(&jar).toggled(&actor(&viewer.r#as))?;
    let value = if next == PreviewMode::Preview {
        "preview"
    } else {
        "standard"
    };
    let jar = jar.add(cookie(&app, PREVIEW_COOKIE, value.to_owned(), 30));
    Ok((
        jar,
        axum::response::Redirect::to(&format!("/staff?as={}", known(&viewer.r#as))),
    )
        .into_response())
}
