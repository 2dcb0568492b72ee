//! The host tests' harness: a portal on a private database (an SQLite file, or a fresh
//! PostgreSQL database when `PORTAL_TEST_DATABASE_URL` names a server), and a client that
//! keeps cookies and sends each form with the form token its page carries, as a browser.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    dead_code
)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use pbx_rules::{ExtensionAccount, Policy, Rules};
use pbx_rules_portal::session::{SESSION_COOKIE, VISITOR_COOKIE, form_token_of};
use pbx_rules_portal::{App, Config, Db, Table, router, seed};
use serde_json::Value;
use tower::ServiceExt;

/// The origin the client's requests come from (the demo's default on port 8080).
pub const ORIGIN: &str = "http://127.0.0.1:8080";
pub const HOST: &str = "127.0.0.1:8080";
pub const FORM: &str = "application/x-www-form-urlencoded";
/// The header a test's client address comes in (`Config::client_ip_header`).
pub const CLIENT_HEADER: &str = "x-test-client";
/// The pages anyone may open, demo pages last.
pub const PUBLIC_PAGES: [&str; 8] = [
    "/",
    "/login",
    "/admin/login",
    "/staff/login",
    "/forgot-pin",
    "/forgot-password",
    "/outbox",
    "/events",
];

/// Centrexx rules with cheap hashing (debug builds) and no throttle delays, so parallel
/// tries are all checked and counted up to the allowance.
pub fn policy() -> Policy {
    let mut p = Policy::centrexx();
    p.hashing.m_cost_kib = 64;
    p.hashing.t_cost = 1;
    p.throttle.first_delay_secs = 0;
    p.throttle.max_delay_secs = 0;
    p
}

/// Strict rules (uniform answers) with the cheap hashing and no delays of [`policy`].
pub fn strict_policy() -> Policy {
    let mut p = Policy::strict();
    let cheap = policy();
    p.hashing = cheap.hashing;
    p.throttle.first_delay_secs = 0;
    p.throttle.max_delay_secs = 0;
    p
}

/// A portal on its own database; the SQLite file goes when the test ends.
pub struct Portal {
    pub app: App,
    pub router: Router,
    url: String,
    file: Option<PathBuf>,
}

impl Portal {
    /// Another instance on this portal's database, with its rules and settings (its own
    /// pool, as another process has; its own clock).
    pub async fn another_instance(&self) -> App {
        let db = Db::open(&self.url).await.unwrap();
        let rules = Rules::new(self.app.rules.policy().clone()).unwrap();
        App::new(db, rules, (*self.app.config).clone())
    }
}

impl Drop for Portal {
    fn drop(&mut self) {
        if let Some(file) = &self.file {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
            }
        }
    }
}

fn random_name() -> String {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).unwrap();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A database of its own: a new PostgreSQL database on the server of
/// `PORTAL_TEST_DATABASE_URL`, else a new SQLite file.
pub async fn database() -> (String, Option<PathBuf>) {
    let name = format!("portal_test_{}", random_name());
    match std::env::var("PORTAL_TEST_DATABASE_URL") {
        Ok(server) => {
            sqlx::any::install_default_drivers();
            let admin = sqlx::AnyPool::connect(&server).await.unwrap();
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&admin)
                .await
                .unwrap();
            admin.close().await;
            let (base, _) = server.rsplit_once('/').unwrap();
            (format!("{base}/{name}"), None)
        }
        Err(_) => {
            let file = std::env::temp_dir().join(format!("{name}.sqlite"));
            (file.display().to_string(), Some(file))
        }
    }
}

pub async fn portal_with(policy: Policy, config: Config) -> Portal {
    let (url, file) = database().await;
    let db = Db::open(&url).await.unwrap();
    let app = App::new(db, Rules::new(policy).unwrap(), config);
    assert!(seed::seed(&app).await.unwrap());
    Portal {
        router: router(app.clone()),
        app,
        url,
        file,
    }
}

pub async fn portal() -> Portal {
    portal_with(policy(), Config::demo(8080)).await
}

/// A second instance on the same database (PostgreSQL: its own pool; SQLite: the file).
pub async fn second_instance(url: &str, policy: Policy) -> App {
    let db = Db::open(url).await.unwrap();
    App::new(db, Rules::new(policy).unwrap(), Config::demo(8080))
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("not JSON: {}", self.body))
    }

    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .map_or("", |v| v.to_str().unwrap())
    }

    /// The `data-code` of the page's result line.
    pub fn code(&self) -> &str {
        self.body
            .split("data-code=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or("")
    }
}

pub async fn send(router: &Router, req: Request<Body>) -> Answer {
    let res = router.clone().oneshot(req).await.unwrap();
    let (parts, body) = res.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    Answer {
        status: parts.status,
        headers: parts.headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// A browser: keeps cookies, sends `Origin` with posts, puts the form token into forms.
#[derive(Clone)]
pub struct Browser {
    pub router: Router,
    pub cookies: BTreeMap<String, String>,
    pub origin: Option<String>,
    pub host: String,
    pub accept_language: Option<String>,
    /// The client address sent in [`CLIENT_HEADER`].
    pub client: Option<String>,
}

impl Browser {
    pub fn new(router: &Router) -> Self {
        Self {
            router: router.clone(),
            cookies: BTreeMap::new(),
            origin: Some(ORIGIN.to_owned()),
            host: HOST.to_owned(),
            accept_language: None,
            client: None,
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep(&mut self, headers: &HeaderMap) {
        for value in headers.get_all(header::SET_COOKIE) {
            let text = value.to_str().unwrap();
            let first = text.split(';').next().unwrap();
            let (name, value) = first.split_once('=').unwrap();
            let gone = value.is_empty() || text.contains("Max-Age=0");
            if gone {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
    }

    fn request(&self, method: &str, path: &str) -> axum::http::request::Builder {
        let mut req = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, &self.host)
            .header(header::COOKIE, self.cookie_header());
        if let Some(lang) = &self.accept_language {
            req = req.header(header::ACCEPT_LANGUAGE, lang);
        }
        if let Some(client) = &self.client {
            req = req.header(CLIENT_HEADER, client);
        }
        req
    }

    pub async fn get(&mut self, path: &str) -> Answer {
        let req = self.request("GET", path).body(Body::empty()).unwrap();
        let answer = send(&self.router, req).await;
        self.keep(&answer.headers);
        answer
    }

    /// The form token this browser's pages carry (the session's, else the visitor's).
    pub fn form_token(&self) -> String {
        let secret = self
            .cookies
            .get(SESSION_COOKIE)
            .or_else(|| self.cookies.get(VISITOR_COOKIE))
            .expect("a page was loaded first");
        form_token_of(secret)
    }

    /// Posts a form as the page would, with its form token.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Answer {
        if !self.cookies.contains_key(SESSION_COOKIE) && !self.cookies.contains_key(VISITOR_COOKIE)
        {
            self.get("/").await;
        }
        let token = self.form_token();
        let mut all = vec![("form_token", token.as_str())];
        all.extend_from_slice(fields);
        let body = serde_urlencoded::to_string(&all).unwrap();
        self.post_raw(path, FORM, body).await
    }

    pub async fn post_raw(&mut self, path: &str, kind: &str, body: impl Into<Body>) -> Answer {
        let mut req = self
            .request("POST", path)
            .header(header::CONTENT_TYPE, kind);
        if let Some(origin) = &self.origin {
            req = req.header(header::ORIGIN, origin);
        }
        let answer = send(&self.router, req.body(body.into()).unwrap()).await;
        self.keep(&answer.headers);
        answer
    }

    /// A user logged in with number and PIN.
    pub async fn user_login(&mut self, number: &str, pin: &str) -> Answer {
        self.post("/login", &[("number", number), ("pin", pin)])
            .await
    }

    /// The admin's login with the head number.
    pub async fn admin_login(&mut self, password: &str) -> Answer {
        self.post(
            "/admin/login",
            &[("head_number", "06131-62468-0"), ("password", password)],
        )
        .await
    }

    /// The admin logged in and through the steps to the main menu, without the code.
    pub async fn admin_menu(&mut self, password: &str) -> Answer {
        let login = self.admin_login(password).await;
        assert_eq!(login.location(), "/admin", "{}", login.body);
        self.post("/admin/continue", &[]).await;
        self.post("/admin/privacy", &[]).await;
        let menu = self.post("/admin/default-pins", &[]).await;
        assert!(menu.body.contains("id=\"rights\""), "{}", menu.body);
        menu
    }
}

/// `POST /api/login` from a client that is not a browser.
pub async fn api_login(router: &Router, number: &str, pin: &str) -> (StatusCode, Value) {
    let answer = api_login_from(router, None, number, pin).await;
    (answer.status, answer.json())
}

/// `POST /api/login` from the client address `client` (sent in [`CLIENT_HEADER`]).
pub async fn api_login_from(
    router: &Router,
    client: Option<&str>,
    number: &str,
    pin: &str,
) -> Answer {
    let body = serde_json::json!({"number": number, "pin": pin}).to_string();
    let mut req = Request::post("/api/login")
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(client) = client {
        req = req.header(CLIENT_HEADER, client);
    }
    send(router, req.body(Body::from(body)).unwrap()).await
}

/// A runtime whose blocking pool is one thread that lives as long as the test, so the
/// argon2 evaluations of every request (all on that pool) are counted in one place.
pub fn counting_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(1)
        .thread_keep_alive(std::time::Duration::from_secs(3600))
        .enable_all()
        .build()
        .unwrap()
}

/// The argon2 evaluations so far on the blocking pool of a [`counting_runtime`].
pub async fn hashes() -> u64 {
    tokio::task::spawn_blocking(pbx_rules::hash_evaluations)
        .await
        .unwrap()
}

/// `request`'s answer and the argon2 evaluations it cost, under a [`counting_runtime`].
pub async fn counted<F: std::future::Future<Output = Answer>>(request: F) -> (Answer, u64) {
    let before = hashes().await;
    let answer = request.await;
    (answer, hashes().await - before)
}

/// What a client can tell apart in an answer: status, every header, body. A new visitor
/// cookie's random value is left out (every answer to a browser without one carries a new
/// one).
pub fn seen(answer: &Answer) -> String {
    let mut headers: Vec<String> = answer
        .headers
        .iter()
        .map(|(k, v)| {
            let v = v.to_str().unwrap_or("?");
            match v.strip_prefix(&format!("{VISITOR_COOKIE}=")) {
                Some(rest) => format!(
                    "{k}: {VISITOR_COOKIE}=…{}",
                    &rest[rest.find(';').unwrap_or(rest.len())..]
                ),
                None => format!("{k}: {v}"),
            }
        })
        .collect();
    headers.sort();
    format!(
        "{}\n{}\n\n{}",
        answer.status,
        headers.join("\n"),
        answer.body
    )
}

pub async fn account(app: &App, key: &str) -> ExtensionAccount {
    app.db
        .get::<ExtensionAccount>(Table::Account, key)
        .await
        .unwrap()
        .value
}

pub async fn count(app: &App, sql: &str) -> i64 {
    app.db.count(sql).await.unwrap()
}

/// The error shape of the core: family, code, German and English message.
pub fn assert_typed(body: &Value, code: &str) {
    assert_eq!(body["code"], code, "{body}");
    for field in ["family", "message_de", "message_en"] {
        assert!(
            body[field].as_str().is_some_and(|s| !s.is_empty()),
            "{field} in {body}"
        );
    }
}

/// The latest mail to `to` in the outbox: its text.
pub async fn latest_mail(app: &App, to: &str) -> String {
    let rows = app
        .db
        .rows("SELECT id, at, recipient, subject, body FROM outbox ORDER BY id DESC")
        .await
        .unwrap();
    rows.into_iter()
        .find(|r| r[2] == to)
        .map(|r| r[4].clone())
        .unwrap_or_default()
}
