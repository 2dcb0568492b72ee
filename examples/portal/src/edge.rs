//! The HTTP edge: every refusal is a typed response in the core's error shape
//! (`family`, `code`, `message_de`, `message_en`, `details`), never a 500 for bad input.

use axum::Json as AxumJson;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pbx_rules::{Error, Localized, LoginError, StateError};
use serde::de::DeserializeOwned;

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
    /// No such page or account row.
    NotFound,
    /// The page needs a login (or this step of it).
    NotLoggedIn,
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
    /// From a database error: logged without data, answered as unavailable.
    #[must_use]
    pub fn db(e: &rusqlite::Error) -> Self {
        eprintln!("database error: {e}");
        Self::Internal
    }

    /// The HTTP status: client faults are 4xx; only the database is a 503.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        match self {
            Self::Core(e) => core_status(e),
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::MalformedForm => StatusCode::BAD_REQUEST,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::NotLoggedIn => StatusCode::UNAUTHORIZED,
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

    /// German and English text for a page.
    #[must_use]
    pub fn messages(&self) -> (String, String) {
        match self {
            Self::Core(e) => (
                e.message(pbx_rules::Lang::De),
                e.message(pbx_rules::Lang::En),
            ),
            other => {
                let (_, de, en) = other.texts();
                (de.to_owned(), en.to_owned())
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
            Self::NotFound => ("REQUEST_NOT_FOUND", "Nicht gefunden.", "Not found."),
            Self::NotLoggedIn => (
                "REQUEST_NOT_LOGGED_IN",
                "Bitte melden Sie sich an.",
                "Please log in.",
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

impl From<rusqlite::Error> for PortalError {
    fn from(e: rusqlite::Error) -> Self {
        Self::db(&e)
    }
}

impl IntoResponse for PortalError {
    fn into_response(self) -> Response {
        let mut response = (self.status(), self.to_json()).into_response();
        response.headers_mut().insert(
            axum::http::header::CONTENT_TYPE,
            axum::http::HeaderValue::from_static("application/json; charset=utf-8"),
        );
        response
    }
}

/// A JSON body: bad JSON is the core's `STATE_MALFORMED` with line and column.
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = PortalError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
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

fn body_fault(rejection: axum::extract::rejection::BytesRejection) -> PortalError {
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
