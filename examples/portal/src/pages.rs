//! Server-rendered pages: askama templates in `templates/` (escaped by the engine), one
//! language at a time, the demo banner on every page in demo mode; the home page, the
//! stylesheet, the health route and the demo's outbox and event pages.

use askama::Template;
use axum::extract::{FromRequestParts, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{Html, IntoResponse, Redirect, Response};
use pbx_rules::Lang;

use crate::edge::PortalError;
use crate::guard::FormToken;
use crate::i18n::{Texts, Ui, code};
use crate::seed::{ADMIN_PASSWORD, STAFF};
use crate::{App, Mode};

/// What every page shows around its content.
pub struct Frame {
    /// The language.
    pub lang: Lang,
    /// Its texts.
    pub t: &'static Texts,
    /// The page's title.
    pub title: String,
    /// Demo mode: the banner and the outbox and event links.
    pub demo: bool,
    /// The form token every form of the page carries.
    pub form_token: String,
    /// The bundled browser modules are served and match the rules (a preset).
    pub scripts: bool,
    /// The preset the browser modules run.
    pub preset: &'static str,
    /// This page in the other language.
    pub switch_href: String,
    /// A result to show above the content.
    pub message: Option<Msg>,
}

/// A result line: an error with its code, or a success.
pub struct Msg {
    /// `ok` or `error` (the CSS class).
    pub class: &'static str,
    /// The error's stable code, empty for a success.
    pub code: &'static str,
    /// The text in the page's language.
    pub text: String,
}

impl Frame {
    /// The same frame with a title.
    #[must_use]
    pub fn titled(mut self, title: &str) -> Self {
        self.title = title.to_owned();
        self
    }

    /// The same frame with an error shown.
    #[must_use]
    pub fn error(mut self, e: &PortalError) -> Self {
        self.message = Some(Msg {
            class: "error",
            code: e.code(),
            text: e.message(self.lang),
        });
        self
    }

    /// The same frame with a success shown.
    #[must_use]
    pub fn ok(mut self, text: impl Into<String>) -> Self {
        self.message = Some(Msg {
            class: "ok",
            code: "",
            text: text.into(),
        });
        self
    }

    /// The same frame with the result of an operation shown.
    #[must_use]
    pub fn result(self, done: &Result<String, PortalError>) -> Self {
        match done {
            Ok(text) => self.ok(text.clone()),
            Err(e) => self.error(e),
        }
    }

    /// The language's code (`de`, `en`).
    #[must_use]
    pub fn code(&self) -> &'static str {
        code(self.lang)
    }
}

impl FromRequestParts<App> for Frame {
    type Rejection = PortalError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let Ui(lang) = Ui::from_request_parts(parts, app)
            .await
            .unwrap_or(Ui(Lang::De));
        let FormToken(form_token) = FormToken::from_request_parts(parts, app).await?;
        let other = if lang == Lang::En { "de" } else { "en" };
        let config = &app.config;
        Ok(Frame {
            lang,
            t: Texts::of(lang),
            title: String::new(),
            demo: config.mode == Mode::Demo,
            form_token,
            scripts: config.assets.is_some() && config.preset.is_some(),
            preset: config.preset.unwrap_or_default(),
            switch_href: format!("{}?lang={other}", parts.uri.path()),
            message: None,
        })
    }
}

/// A rendered page; a template that fails to render (it does not: every value is text) is
/// an unavailable service, not a panic.
pub fn render(page: &impl Template) -> Response {
    match page.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            PortalError::Internal.into_response()
        }
    }
}

/// Why a login page is shown: `?ended=1` after a session ended (the page says so).
#[derive(serde::Deserialize)]
pub struct Ended {
    #[serde(default)]
    ended: Option<u8>,
}

impl Frame {
    /// The frame of a login page, with the notice of an ended session where there was one.
    #[must_use]
    pub fn after(self, q: &Ended) -> Self {
        if q.ended.is_some() {
            self.error(&PortalError::SessionEnded)
        } else {
            self
        }
    }
}

/// One field of a login form.
pub struct Field {
    /// The form field's name.
    pub name: &'static str,
    /// Its label.
    pub label: &'static str,
    /// A password or PIN.
    pub secret: bool,
    /// The browser's autocomplete hint.
    pub autocomplete: &'static str,
    /// An example, shown in the empty field.
    pub hint: &'static str,
}

impl Field {
    /// The login name (number, head number, staff name).
    #[must_use]
    pub fn name(name: &'static str, label: &'static str, hint: &'static str) -> Self {
        Self {
            name,
            label,
            secret: false,
            autocomplete: "username",
            hint,
        }
    }

    /// The PIN or password.
    #[must_use]
    pub fn secret(name: &'static str, label: &'static str) -> Self {
        Self {
            name,
            label,
            secret: true,
            autocomplete: "current-password",
            hint: "",
        }
    }
}

/// A login page (user, admin, staff): its fields, the lock rule of the preset, a link.
#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    /// The frame, titled.
    pub f: Frame,
    /// Where the form posts.
    pub action: &'static str,
    /// The login name and the secret.
    pub fields: [Field; 2],
    /// What happens after wrong tries (G5).
    pub note: String,
    /// A link below the form.
    pub link: Option<(&'static str, &'static str)>,
}

/// Which login.
#[derive(Clone, Copy)]
pub enum Login {
    /// An extension's user: number and PIN.
    User,
    /// The admin: head number and password.
    Admin,
    /// Staff and partners: name and password.
    Staff,
}

/// A login page with what happens after wrong tries under the rules (G5).
#[must_use]
pub fn login_form(app: &App, which: Login, f: Frame, status: axum::http::StatusCode) -> Response {
    let t = f.t;
    let rules = &app.rules;
    let allowance = match which {
        Login::User => rules.pin_allowance(rules.policy().pin.min_len),
        Login::Admin | Login::Staff => rules.password_allowance(),
    };
    let (title, action, name, note, link) = match which {
        Login::User => (
            t.login_title,
            "/login",
            Field::name("number", t.number_label, t.number_hint),
            t.login_lock_note,
            Some(("/forgot-pin", t.forgot_pin_link)),
        ),
        Login::Admin => (
            t.admin_login_title,
            "/admin/login",
            Field::name("head_number", t.head_label, t.head_hint),
            t.admin_lock_note,
            Some(("/forgot-password", t.forgot_password_link)),
        ),
        Login::Staff => (
            t.staff_login_title,
            "/staff/login",
            Field::name("name", t.staff_name, ""),
            t.admin_lock_note,
            None,
        ),
    };
    let secret = match which {
        Login::User => Field::secret("pin", t.pin_label),
        Login::Admin | Login::Staff => Field::secret("password", t.password_label),
    };
    let page = LoginPage {
        action,
        fields: [name, secret],
        note: note.replace("{n}", &allowance.to_string()),
        link,
        f: f.titled(title),
    };
    render_with(status, &page)
}

/// The answer to a login post: the new session's cookie and the next page, or the form
/// again with the reason.
pub fn logged_in(
    started: Result<axum_extra::extract::cookie::CookieJar, PortalError>,
    next: &str,
    form: impl FnOnce(Frame, axum::http::StatusCode) -> Response,
    f: Frame,
) -> Response {
    match started {
        Ok(jar) => (jar, Redirect::to(next)).into_response(),
        Err(e) => {
            let status = e.status();
            form(f.error(&e), status)
        }
    }
}

/// Where a page sends a browser whose session is missing or ended.
#[must_use]
pub fn to_login(e: PortalError, login: &str) -> Response {
    match e {
        PortalError::SessionEnded => Redirect::to(&format!("{login}?ended=1")).into_response(),
        PortalError::NotLoggedIn => Redirect::to(login).into_response(),
        other => other.into_response(),
    }
}

/// A page with a status.
pub fn render_with(status: axum::http::StatusCode, page: &impl Template) -> Response {
    let mut response = render(page);
    if response.status().is_success() {
        *response.status_mut() = status;
    }
    response
}

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    f: Frame,
    users: &'static str,
    admin_password: &'static str,
    staff: Vec<(&'static str, &'static str, &'static str)>,
}

/// The start page; in demo mode with the sample logins.
pub async fn home(State(app): State<App>, f: Frame) -> Response {
    let staff = if f.demo {
        STAFF
            .iter()
            .map(|s| (s.name, s.password, role_name(f.t, s.role, s.trained)))
            .collect()
    } else {
        Vec::new()
    };
    // Under a policy without a default PIN the first PINs were mailed (P2).
    let users = if app.rules.policy().pin.default_pin.is_some() {
        f.t.sample_users
    } else {
        f.t.sample_users_mailed
    };
    render(&Home {
        f: f.titled("Power Menü"),
        users,
        admin_password: ADMIN_PASSWORD,
        staff,
    })
}

/// The name of a staff role in the page's language.
#[must_use]
pub fn role_name(t: &Texts, role: crate::staff::Role, trained: bool) -> &'static str {
    match (role, trained) {
        (crate::staff::Role::Staff, _) => t.role_staff,
        (crate::staff::Role::Partner, false) => t.role_partner,
        (crate::staff::Role::Partner, true) => t.role_trained,
    }
}

/// examples/web's stylesheet, plus the portal's rules.
pub async fn style() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css")],
        concat!(
            include_str!("../../web/style.css"),
            include_str!("../templates/portal.css")
        ),
    )
        .into_response()
}

/// `GET /health`: 200 while the database answers, else 503.
pub async fn health(State(app): State<App>) -> Response {
    match app.db.ping().await {
        Ok(()) => crate::edge::json(serde_json::json!({"status": "ok"})),
        Err(e) => e.into_response(),
    }
}

#[derive(Template)]
#[template(path = "table.html")]
struct Table {
    f: Frame,
    head: Vec<&'static str>,
    rows: Vec<[String; 5]>,
}

/// The outbox (demo mode): every mail, newest first.
pub async fn outbox(State(app): State<App>, f: Frame) -> Response {
    let rows = match app
        .db
        .rows("SELECT id, at, recipient, subject, body FROM outbox ORDER BY id DESC")
        .await
    {
        Ok(rows) => rows,
        Err(e) => return e.into_response(),
    };
    let t = f.t;
    render(&Table {
        f: f.titled(t.outbox),
        head: vec!["#", t.col_time, t.col_to, t.col_subject, t.col_text],
        rows,
    })
}

/// The event log (demo mode): PIN syncs and phone restarts (P9).
pub async fn events(State(app): State<App>, f: Frame) -> Response {
    let rows = match app
        .db
        .rows("SELECT id, at, kind, subject, '' FROM events ORDER BY id DESC")
        .await
    {
        Ok(rows) => rows,
        Err(e) => return e.into_response(),
    };
    let t = f.t;
    render(&Table {
        f: f.titled(t.events),
        head: vec!["#", t.col_time, t.col_kind, t.col_extension, ""],
        rows,
    })
}

/// A page that only shows its result (a password changed, a session ended).
#[derive(Template)]
#[template(path = "notice.html")]
pub struct Notice {
    /// The frame, with the result set.
    pub f: Frame,
}
