//! The HTTP edge: every refusal is a typed response in the core's error shape
//! (`family`, `code`, `message_de`, `message_en`, `details`), never a 500 for bad input;
//! request logging that names method, path, status and time, never a header or a body.

use std::time::Duration;

use axum::Json as AxumJson;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use pbx_rules::{Error, Lang, Localized, LoginError, StateError};
use serde::de::DeserializeOwned;
use tracing::Span;

/// The largest request body read (forms and JSON here are a few hundred bytes).
pub const BODY_LIMIT: usize = 16 * 1024;

/// Why a request was not served.
#[derive(Debug)]
pub enum PortalError {
    /// The core refused (its code and messages go out as they are).
    Core(Error),
    /// The body is over [`BODY_LIMIT`].
    TooLarge,
    /// A form that is not the form this page sends.
    MalformedForm,
    /// A JSON route got another content type.
    NotJson,
    /// No such page or account row.
    NotFound,
    /// The page needs a login (or this step of it).
    NotLoggedIn,
    /// The session ended: idle, too old, or the account's credential changed or locked.
    SessionEnded,
    /// The `Host` is not one the portal serves (DNS rebinding).
    HostNotAllowed,
    /// A post from another origin.
    CrossOrigin,
    /// A post without this browser's form token.
    FormToken,
    /// Other requests kept changing this account; nothing was written.
    Conflict,
    /// The database failed (not the request's fault).
    Internal,
}

/// The core's error families the portal meets, each as a typed refusal.
macro_rules! core_errors {
    ($($ty:ty),+) => {$(
        impl From<$ty> for PortalError {
            fn from(e: $ty) -> Self {
                Self::Core(e.into())
            }
        }
    )+};
}
core_errors!(
    Error,
    pbx_rules::LoginIdError,
    LoginError,
    StateError,
    pbx_rules::PermissionError,
    pbx_rules::NumberError,
    pbx_rules::PasswordError
);

impl PortalError {
    /// The HTTP status: client faults are 4xx; only the database is a 503.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        match self {
            Self::Core(e) => core_status(e),
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::MalformedForm => StatusCode::BAD_REQUEST,
            Self::NotJson => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::NotLoggedIn | Self::SessionEnded => StatusCode::UNAUTHORIZED,
            Self::HostNotAllowed => StatusCode::MISDIRECTED_REQUEST,
            Self::CrossOrigin | Self::FormToken => StatusCode::FORBIDDEN,
            Self::Conflict => StatusCode::CONFLICT,
            Self::Internal => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// The error in the core's JSON shape.
    #[must_use]
    pub fn to_json(&self) -> String {
        match self {
            Self::Core(e) => e.to_json(),
            other => {
                let (code, de, en) = other.texts();
                serde_json::json!({"family": "request", "code": code, "message_de": de, "message_en": en})
                    .to_string()
            }
        }
    }

    /// The message in one language, for a page.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Core(e) => e.message(lang),
            other => {
                let (_, de, en) = other.texts();
                match lang {
                    Lang::En => en.to_owned(),
                    _ => de.to_owned(),
                }
            }
        }
    }

    /// The stable code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Core(e) => e.code(),
            other => other.texts().0,
        }
    }

    fn texts(&self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::Core(_) => ("", "", ""),
            Self::TooLarge => (
                "REQUEST_TOO_LARGE",
                "Die Anfrage ist zu groß.",
                "The request is too large.",
            ),
            Self::MalformedForm => (
                "REQUEST_MALFORMED",
                "Die Formulardaten sind unvollständig oder fehlerhaft.",
                "The form data is incomplete or malformed.",
            ),
            Self::NotJson => (
                "REQUEST_NOT_JSON",
                "Diese Adresse nimmt nur JSON an (Content-Type: application/json).",
                "This address takes JSON only (Content-Type: application/json).",
            ),
            Self::NotFound => ("REQUEST_NOT_FOUND", "Nicht gefunden.", "Not found."),
            Self::NotLoggedIn => (
                "REQUEST_NOT_LOGGED_IN",
                "Bitte melden Sie sich an.",
                "Please log in.",
            ),
            Self::SessionEnded => (
                "REQUEST_SESSION_ENDED",
                "Ihre Sitzung ist beendet. Bitte melden Sie sich erneut an.",
                "Your session has ended. Please log in again.",
            ),
            Self::HostNotAllowed => (
                "REQUEST_HOST_NOT_ALLOWED",
                "Dieser Server bedient diesen Hostnamen nicht.",
                "This server does not serve this host name.",
            ),
            Self::CrossOrigin => (
                "REQUEST_CROSS_ORIGIN",
                "Formulare anderer Websites werden nicht angenommen.",
                "Forms from other sites are not accepted.",
            ),
            Self::FormToken => (
                "REQUEST_FORM_TOKEN",
                "Das Formular ist abgelaufen. Bitte laden Sie die Seite neu.",
                "The form has expired. Please reload the page.",
            ),
            Self::Conflict => (
                "REQUEST_CONFLICT",
                "Das Konto wurde gleichzeitig geändert; bitte erneut versuchen.",
                "The account was changed at the same time; please try again.",
            ),
            Self::Internal => (
                "REQUEST_UNAVAILABLE",
                "Der Dienst ist gerade nicht verfügbar.",
                "The service is unavailable right now.",
            ),
        }
    }
}

fn core_status(e: &Error) -> StatusCode {
    match e {
        Error::Login(LoginError::Throttled { .. } | LoginError::ThrottleLocked) => {
            StatusCode::TOO_MANY_REQUESTS
        }
        Error::Login(_) => StatusCode::UNAUTHORIZED,
        Error::Permission(_) => StatusCode::FORBIDDEN,
        Error::State(_) => StatusCode::BAD_REQUEST,
        Error::Hash(_) | Error::Generate(_) | Error::Policy(_) => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

impl From<sqlx::Error> for PortalError {
    /// Logged without data (a query's parameters are never in sqlx's error text), answered
    /// as unavailable.
    fn from(e: sqlx::Error) -> Self {
        tracing::error!(error = %e, "database error");
        Self::Internal
    }
}

impl IntoResponse for PortalError {
    fn into_response(self) -> Response {
        let mut response = (self.status(), self.to_json()).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            header::HeaderValue::from_static("application/json; charset=utf-8"),
        );
        response
    }
}

/// A JSON body: another content type is `REQUEST_NOT_JSON` (415: a browser sends JSON to
/// another origin only after a preflight, which the portal never answers); bad JSON is
/// the core's `STATE_MALFORMED` with line and column.
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = PortalError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"));
        if !json {
            return Err(PortalError::NotJson);
        }
        let bytes = Bytes::from_request(req, state).await.map_err(body_fault)?;
        serde_json::from_slice(&bytes)
            .map(JsonBody)
            .map_err(|e| PortalError::Core(StateError::from(&e).into()))
    }
}

/// A URL-encoded form: a missing or mistyped field is `REQUEST_MALFORMED`.
pub struct Form<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Form<T> {
    type Rejection = PortalError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Form::<T>::from_request(req, state).await {
            Ok(axum::Form(value)) => Ok(Form(value)),
            Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(PortalError::TooLarge)
            }
            Err(_) => Err(PortalError::MalformedForm),
        }
    }
}

/// The body fault of a rejected read.
pub(crate) fn body_fault(rejection: axum::extract::rejection::BytesRejection) -> PortalError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        PortalError::TooLarge
    } else {
        PortalError::MalformedForm
    }
}

/// A JSON answer.
#[must_use]
pub fn json(value: serde_json::Value) -> Response {
    AxumJson(value).into_response()
}

/// The fallback for unknown paths.
pub async fn not_found() -> PortalError {
    PortalError::NotFound
}

/// The log span of a request: method and path only (no query, no header, no body: forms
/// carry PINs and passwords, cookies carry sessions).
pub fn span(req: &Request) -> Span {
    tracing::info_span!("request", method = %req.method(), path = %req.uri().path())
}

/// One log line per answer: status and time.
pub fn on_response(res: &Response, latency: Duration, _span: &Span) {
    tracing::info!(
        status = res.status().as_u16(),
        ms = latency.as_millis(),
        "answered"
    );
}
