//! The guards in front of every route.
//!
//! - **Allowed hosts** (finding W2): a request whose `Host` is not one of the configured
//!   origins' is refused (421), so a page on another name that resolves to this machine
//!   (DNS rebinding) reads nothing. `/health` is exempt: probes ask by address.
//! - **Origin and form token** (finding W3): a state-changing request from a browser must
//!   come from one of the portal's origins (`Origin`, else `Sec-Fetch-Site`), and a form
//!   must carry the form token of this browser's session (or, before a login, of its
//!   visitor cookie). `SameSite=Strict` alone let other ports and sibling subdomains of
//!   the same site post with the admin's cookie. The JSON login takes `application/json`
//!   only, which no other origin can send without a preflight.

use axum::body::Body;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use subtle::ConstantTimeEq;

use crate::App;
use crate::edge::{BODY_LIMIT, PortalError};
use crate::session::{self, VISITOR_COOKIE, cookie, form_token_of};

/// The name of the form token's field in every form.
pub const FORM_TOKEN_FIELD: &str = "form_token";

/// Refuses a request for a host the portal does not serve.
pub async fn hosts(State(app): State<App>, req: Request, next: Next) -> Response {
    if req.uri().path() == "/health" || host_allowed(&app, req.headers()) {
        next.run(req).await
    } else {
        tracing::warn!("refused a request for a host that is not served");
        PortalError::HostNotAllowed.into_response()
    }
}

fn host_allowed(app: &App, headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    let host = host.to_ascii_lowercase();
    app.config.hosts().contains(&host)
}

/// The form token of this request's browser, for the forms a page renders.
#[derive(Clone, Debug)]
pub struct FormToken(pub String);

impl<S: Send + Sync> FromRequestParts<S> for FormToken {
    type Rejection = PortalError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<FormToken>()
            .cloned()
            .ok_or(PortalError::Internal)
    }
}

/// Checks origin and form token of state-changing requests, and gives every request the
/// form token its pages render (setting the visitor cookie where a browser has none).
pub async fn forms(State(app): State<App>, req: Request, next: Next) -> Response {
    let jar = CookieJar::from_headers(req.headers());
    let (secret, new_visitor) = match (session::token_of(&jar), jar.get(VISITOR_COOKIE)) {
        (Some(token), _) => (token, None),
        (None, Some(visitor)) => (visitor.value().to_owned(), None),
        (None, None) => match session::token() {
            Ok(fresh) => (fresh.clone(), Some(fresh)),
            Err(e) => return e.into_response(),
        },
    };
    let expected = form_token_of(&secret);
    let mut req = req;
    if !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        if let Err(e) = same_origin(&app, req.headers()) {
            tracing::warn!(code = e.code(), "refused a post");
            return e.into_response();
        }
        if !req.uri().path().starts_with("/api/") {
            req = match with_form_token(req, &expected).await {
                Ok(req) => req,
                Err(e) => {
                    tracing::warn!(code = e.code(), "refused a post");
                    return e.into_response();
                }
            };
        }
    }
    req.extensions_mut().insert(FormToken(expected));
    let response = next.run(req).await;
    match new_visitor {
        Some(visitor) => {
            let jar = CookieJar::new().add(cookie(&app, VISITOR_COOKIE, visitor, None));
            (jar, response).into_response()
        }
        None => response,
    }
}

/// A browser's post comes from one of the portal's origins. `Origin` decides where sent;
/// else `Sec-Fetch-Site` (same-origin, or none: typed by the user); a client that sends
/// neither is not a browser and carries no ambient cookie of another site.
fn same_origin(app: &App, headers: &HeaderMap) -> Result<(), PortalError> {
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or_default().to_ascii_lowercase();
        let allowed = app
            .config
            .origins
            .iter()
            .any(|o| o.trim_end_matches('/').eq_ignore_ascii_case(&origin));
        return if allowed {
            Ok(())
        } else {
            Err(PortalError::CrossOrigin)
        };
    }
    match headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        None | Some("same-origin" | "none") => Ok(()),
        Some(_) => Err(PortalError::CrossOrigin),
    }
}

/// Reads the form (bounded), checks its token in constant time, and puts the body back for
/// the handler.
async fn with_form_token(req: Request, expected: &str) -> Result<Request, PortalError> {
    let (parts, body) = req.into_parts();
    let bytes = axum::body::to_bytes(body, BODY_LIMIT)
        .await
        .map_err(|_| PortalError::TooLarge)?;
    let fields: Vec<(String, String)> =
        serde_urlencoded::from_bytes(&bytes).map_err(|_| PortalError::MalformedForm)?;
    let sent = fields
        .iter()
        .find(|(k, _)| k == FORM_TOKEN_FIELD)
        .map(|(_, v)| v.as_bytes())
        .ok_or(PortalError::FormToken)?;
    if !bool::from(sent.ct_eq(expected.as_bytes())) {
        return Err(PortalError::FormToken);
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}
