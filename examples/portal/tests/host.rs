//! The portal as a host under concurrent use (issue 15): every counted failure stored (G5),
//! no lost update (I5's compare-and-swap), stale writes retried or refused, bad input typed
//! at the HTTP edge, cookie flags. Runs against the router in-process on a private database.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::TimeDelta;
use http_body_util::BodyExt;
use pbx_rules::{Actor, ExtensionAccount, Policy, Rules};
use pbx_rules_portal::admin::{SetPinForm, set_pin_as};
use pbx_rules_portal::{App, Config, Db, MAX_TRIES, Plan, PortalError, Table, Write, router, seed};
use serde_json::Value;
use tower::ServiceExt;

/// Centrexx rules with cheap hashing (debug builds) and no throttle delays, so parallel
/// tries are all checked and counted up to the allowance.
fn policy() -> Policy {
    let mut p = Policy::centrexx();
    p.hashing.m_cost_kib = 64;
    p.hashing.t_cost = 1;
    p.throttle.first_delay_secs = 0;
    p.throttle.max_delay_secs = 0;
    p
}

fn app_on(policy: Policy, config: Config) -> App {
    let db = Db::open(Path::new(":memory:")).unwrap();
    let app = App::new(db, Rules::new(policy).unwrap(), config);
    assert!(seed::seed(&app).unwrap());
    app
}

fn app_with(config: Config) -> App {
    app_on(policy(), config)
}

fn app() -> App {
    app_with(Config::default())
}

async fn send(router: &Router, req: Request<Body>) -> (StatusCode, header::HeaderMap, String) {
    let res = router.clone().oneshot(req).await.unwrap();
    let (parts, body) = res.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    (
        parts.status,
        parts.headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

async fn post(
    router: &Router,
    path: &str,
    kind: &str,
    body: impl Into<Body>,
) -> (StatusCode, header::HeaderMap, String) {
    let req = Request::post(path)
        .header(header::CONTENT_TYPE, kind)
        .body(body.into())
        .unwrap();
    send(router, req).await
}

async fn api_login(router: &Router, number: &str, pin: &str) -> (StatusCode, Value) {
    let body = serde_json::json!({"number": number, "pin": pin}).to_string();
    let (status, _, text) = post(router, "/api/login", "application/json", body).await;
    (status, serde_json::from_str(&text).unwrap())
}

fn account(app: &App, key: &str) -> ExtensionAccount {
    app.db
        .get::<ExtensionAccount>(Table::Account, key)
        .unwrap()
        .value
}

fn count(app: &App, sql: &str) -> i64 {
    app.db.with(|c| c.query_row(sql, [], |r| r.get(0))).unwrap()
}

/// The error shape of the core: family, code, German and English message.
fn assert_typed(body: &Value, code: &str) {
    assert_eq!(body["code"], code, "{body}");
    for field in ["family", "message_de", "message_en"] {
        assert!(
            body[field].as_str().is_some_and(|s| !s.is_empty()),
            "{field} in {body}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn g5_parallel_wrong_pins_are_all_counted_and_lock_exactly_at_the_allowance() {
    let app = app();
    let router = router(app.clone());
    let allowance = app.rules.pin_allowance(4);
    let extra = 6;
    let tries = (0..allowance + extra).map(|_| {
        let router = router.clone();
        tokio::spawn(async move { api_login(&router, "06131-62468-10", "9137").await })
    });
    let mut codes = Vec::new();
    for t in tries.collect::<Vec<_>>() {
        codes.push(t.await.unwrap().1["code"].as_str().unwrap().to_owned());
    }
    let wrong = codes
        .iter()
        .filter(|c| *c == "LOGIN_WRONG_CREDENTIALS")
        .count();
    let locked = codes
        .iter()
        .filter(|c| *c == "LOGIN_THROTTLE_LOCKED")
        .count();
    // Every try up to the allowance was checked and stored; the last of them reports the lock,
    // every later one is refused unchecked.
    assert_eq!(wrong, usize::try_from(allowance - 1).unwrap(), "{codes:?}");
    assert_eq!(locked, usize::try_from(extra + 1).unwrap(), "{codes:?}");
    let stored = account(&app, "10");
    assert_eq!(stored.failed_logins(), allowance);
    assert_eq!(stored.revision(), u64::from(allowance));
    // G5: locked means the right PIN is refused too.
    let (status, body) = api_login(&router, "06131-62468-10", "0000").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_typed(&body, "LOGIN_THROTTLE_LOCKED");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn i5_parallel_changes_on_one_account_lose_no_update() {
    let app = app();
    let router = router(app.clone());
    let start = account(&app, "11").revision();
    let (sets, wrongs) = (6, 6);
    let admin = Actor::Admin {
        extended_rights: false,
    };
    let mut tasks = Vec::new();
    for i in 0..sets {
        let (app, admin) = (app.clone(), admin.clone());
        tasks.push(tokio::spawn(async move {
            let pin = format!("{}", 2580 + i * 111);
            let form: SetPinForm = serde_json::from_value(
                serde_json::json!({"extension": "11", "new": pin, "confirmation": pin}),
            )
            .unwrap();
            set_pin_as(&app, admin, form)
                .await
                .map(|()| "SET".to_owned())
                .map_err(|e| e.code())
        }));
    }
    for _ in 0..wrongs {
        let router = router.clone();
        tasks.push(tokio::spawn(async move {
            let (_, body) = api_login(&router, "06131-62468-11", "9137").await;
            Ok(body["code"].as_str().unwrap_or("").to_owned())
        }));
    }
    let mut results = Vec::new();
    for t in tasks {
        results.push(t.await.unwrap());
    }
    assert_eq!(
        results.iter().filter(|r| r.as_deref() == Ok("SET")).count(),
        sets,
        "{results:?}"
    );
    assert_eq!(
        results
            .iter()
            .filter(|r| r.as_deref() == Ok("LOGIN_WRONG_CREDENTIALS"))
            .count(),
        wrongs,
        "{results:?}"
    );
    // Each stored change is one revision on from the state it read: none overwritten.
    assert_eq!(
        account(&app, "11").revision(),
        start + (sets + wrongs) as u64
    );
    // P9: each stored set carried its effects out once, in its own transaction.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM events WHERE kind = 'sync_pin' AND subject = '11'"
        ),
        sets as i64
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM events WHERE kind = 'restart_phone' AND subject = '11'"
        ),
        sets as i64
    );
}

/// An admin set-PIN on extension 12 written behind the back of a running operation.
fn competing_write(app: &App) {
    let before = account(app, "12");
    let admin = Actor::Admin {
        extended_rights: false,
    };
    let d = before.set_pin_by_admin(&admin, "1357", "1357", app.now(), &app.rules);
    let w = Write::of(Table::Account, "12", &before, &d.state);
    assert!(app.db.commit(&[w], &[], "test").unwrap());
}

/// An admin set-PIN on extension 12 whose read goes stale `stale_times` times.
async fn set_pin_racing(app: &App, stale_times: usize) -> (Result<(), PortalError>, usize) {
    let tries = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&tries);
    let done = app
        .transact(move |app| {
            let before = account(app, "12");
            if seen.fetch_add(1, Ordering::SeqCst) < stale_times {
                competing_write(app);
            }
            let admin = Actor::Admin {
                extended_rights: false,
            };
            let d = before.set_pin_by_admin(&admin, "2580", "2580", app.now(), &app.rules);
            let w = Write::of(Table::Account, "12", &before, &d.state);
            Ok(Plan {
                writes: vec![w],
                effects: d.effects,
                result: (),
            })
        })
        .await;
    (done, tries.load(Ordering::SeqCst))
}

#[tokio::test]
async fn i5_a_stale_write_is_retried_from_a_fresh_read() {
    let app = app();
    let (done, tries) = set_pin_racing(&app, 1).await;
    assert!(done.is_ok());
    assert_eq!(tries, 2);
    let stored = account(&app, "12");
    // The competing set was stored, then the retried one on top of it: both kept, and
    // only the retried plan's effects went out (the competitor passed none).
    assert_eq!(stored.revision(), 2);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM events WHERE kind = 'sync_pin'"),
        1
    );
    let login = stored.login("2580", app.now(), &app.rules);
    assert!(
        login.outcome.is_ok(),
        "the retried set's PIN is the one stored"
    );
}

#[tokio::test]
async fn i5_a_write_stale_on_every_try_is_refused_and_carries_out_nothing() {
    let app = app();
    let (done, tries) = set_pin_racing(&app, usize::MAX).await;
    let e = done.unwrap_err();
    assert_eq!(e.code(), "REQUEST_CONFLICT");
    assert_eq!(e.status(), StatusCode::CONFLICT);
    assert_eq!(tries, MAX_TRIES);
    // Every competing write stayed; the refused set left no state and no effect.
    let stored = account(&app, "12");
    assert_eq!(stored.revision(), MAX_TRIES as u64);
    assert!(stored.login("1357", app.now(), &app.rules).outcome.is_ok());
    assert_eq!(count(&app, "SELECT COUNT(*) FROM events"), 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM outbox"), 0);
}

#[tokio::test]
async fn edge_bad_input_gets_a_typed_error_never_a_500() {
    let router = router(app());
    let json = "application/json";
    let form = "application/x-www-form-urlencoded";
    let huge = vec![b'a'; pbx_rules_portal::edge::BODY_LIMIT + 1];
    let cases: Vec<(&str, &str, Body, StatusCode, &str)> = vec![
        (
            "/api/login",
            json,
            Body::from("{\"number\":"),
            StatusCode::BAD_REQUEST,
            "STATE_MALFORMED",
        ),
        (
            "/api/login",
            json,
            Body::from("{\"number\":1,\"pin\":2}"),
            StatusCode::BAD_REQUEST,
            "STATE_MALFORMED",
        ),
        (
            "/api/login",
            json,
            Body::from(huge.clone()),
            StatusCode::PAYLOAD_TOO_LARGE,
            "REQUEST_TOO_LARGE",
        ),
        (
            "/login",
            form,
            Body::from(huge),
            StatusCode::PAYLOAD_TOO_LARGE,
            "REQUEST_TOO_LARGE",
        ),
        (
            "/login",
            form,
            Body::from("numbr=1"),
            StatusCode::BAD_REQUEST,
            "REQUEST_MALFORMED",
        ),
        (
            "/login",
            "text/plain",
            Body::from("x"),
            StatusCode::BAD_REQUEST,
            "REQUEST_MALFORMED",
        ),
        (
            "/forgot-pin",
            form,
            Body::from("%ff=%zz"),
            StatusCode::BAD_REQUEST,
            "REQUEST_MALFORMED",
        ),
        (
            "/nowhere",
            form,
            Body::from(""),
            StatusCode::NOT_FOUND,
            "REQUEST_NOT_FOUND",
        ),
    ];
    for (path, kind, body, status, code) in cases {
        let (got, headers, text) = post(&router, path, kind, body).await;
        assert_eq!(got, status, "{path} {text}");
        assert!(
            headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("application/json")
        );
        assert_typed(&serde_json::from_str(&text).unwrap(), code);
    }
    // N4: an unknown extension hears what a wrong PIN hears; a malformed number is named.
    let (status, body) = api_login(&router, "06131-62468-77", "0000").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_typed(&body, "LOGIN_WRONG_CREDENTIALS");
    let (status, body) = api_login(&router, "0613162468 10", "0000").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["family"], "login_id");
}

fn set_cookie(headers: &header::HeaderMap) -> String {
    headers
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn session_cookie_is_http_only_strict_and_secure_unless_turned_off() {
    for secure in [true, false] {
        let router = router(app_with(Config {
            secure_cookies: secure,
        }));
        let form = "application/x-www-form-urlencoded";
        let (status, headers, _) =
            post(&router, "/login", form, "number=06131-62468-10&pin=0000").await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let cookie = set_cookie(&headers);
        assert!(cookie.starts_with("portal_session=u."), "{cookie}");
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
            "{cookie}"
        );
        assert_eq!(cookie.contains("Secure"), secure, "{cookie}");
        assert_eq!(headers["cache-control"], "no-store");
        assert!(
            headers["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("frame-ancestors 'none'")
        );
    }
}

async fn get(router: &Router, path: &str, cookie: &str) -> (StatusCode, header::HeaderMap, String) {
    let req = Request::get(path)
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .unwrap();
    send(router, req).await
}

#[tokio::test]
async fn p6_default_pin_leads_only_to_the_change_and_p5_locks_after_the_window() {
    let app = app();
    let router = router(app.clone());
    let form = "application/x-www-form-urlencoded";
    let (_, headers, _) = post(&router, "/login", form, "number=06131-62468-10&pin=0000").await;
    assert_eq!(headers[header::LOCATION], "/pin");
    let cookie = set_cookie(&headers).split(';').next().unwrap().to_owned();
    // P6: the portal stays closed until the PIN is changed.
    let (_, headers, _) = get(&router, "/me", &cookie).await;
    assert_eq!(headers[header::LOCATION], "/pin");
    let req = Request::post("/pin")
        .header(header::CONTENT_TYPE, form)
        .header(header::COOKIE, &cookie)
        .body(Body::from("old=0000&new=4739&confirmation=4739"))
        .unwrap();
    let (status, headers, _) = send(&router, req).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers[header::LOCATION], "/me?changed=1");
    let (status, _, page) = get(&router, "/me", &cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Ada Lovelace"));
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM events WHERE kind = 'sync_pin' AND subject = '10'"
        ),
        1
    );
    // P5: extension 11 never changed 0000; after six weeks its login is refused.
    app.advance(TimeDelta::days(43));
    let (status, body) = api_login(&router, "06131-62468-11", "0000").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_typed(&body, "LOGIN_PIN_EXPIRED");
}

/// While logins hash, the runtime's only thread keeps serving: the host runs every
/// hashing call on the blocking pool.
#[tokio::test(flavor = "current_thread")]
async fn hashing_runs_on_the_blocking_pool_not_on_the_runtime() {
    let mut p = policy();
    p.hashing.m_cost_kib = 8 * 1024; // slow enough in a debug build to be seen blocking
    p.hashing.t_cost = 2;
    let router = router(app_on(p, Config::default()));
    let ticks = Arc::new(AtomicUsize::new(0));
    let running = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let ticker = tokio::spawn({
        let (ticks, running) = (Arc::clone(&ticks), Arc::clone(&running));
        async move {
            while running.load(Ordering::Relaxed) {
                ticks.fetch_add(1, Ordering::Relaxed);
                tokio::task::yield_now().await;
            }
        }
    });
    let logins: Vec<_> = (0..4)
        .map(|i| {
            let router = router.clone();
            tokio::spawn(async move {
                api_login(&router, &format!("06131-62468-1{}", i % 3), "0000").await
            })
        })
        .collect();
    for login in logins {
        let (status, body) = login.await.unwrap();
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["ok"]["kind"], "must_change_pin");
    }
    running.store(false, Ordering::Relaxed);
    ticker.await.unwrap();
    let ticks = ticks.load(Ordering::Relaxed);
    assert!(ticks >= 20, "the runtime was blocked: {ticks} ticks");
}
