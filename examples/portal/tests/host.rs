//! The portal as a host under concurrent use: every counted failure stored (G5), no lost
//! update (I5's compare-and-swap), stale writes retried or refused, bad input typed at the
//! HTTP edge, cookie flags, hashing off the runtime. Runs against the router in-process on
//! a private database (SQLite, or PostgreSQL with `PORTAL_TEST_DATABASE_URL`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::TimeDelta;
use pbx_rules::{Actor, ExtensionAccount};
use pbx_rules_portal::admin::{SetPinForm, set_pin_as};
use pbx_rules_portal::{App, Config, MAX_TRIES, Plan, PortalError, Table, Write};
use support::{
    Browser, FORM, HOST, account, api_login, assert_typed, count, policy, portal, portal_with, send,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn g5_parallel_wrong_pins_are_all_counted_and_lock_exactly_at_the_allowance() {
    let p = portal().await;
    let allowance = p.app.rules.pin_allowance(4);
    let extra = 6;
    let tries = (0..allowance + extra).map(|_| {
        let router = p.router.clone();
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
    let stored = account(&p.app, "10").await;
    assert_eq!(stored.failed_logins(), allowance);
    assert_eq!(stored.revision(), u64::from(allowance));
    // G5: locked means the right PIN is refused too.
    let (status, body) = api_login(&p.router, "06131-62468-10", "0000").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_typed(&body, "LOGIN_THROTTLE_LOCKED");
}

/// Admin set-PINs and wrong PINs on extension 11 through `instances`, all at once.
async fn parallel_changes(
    instances: &[App],
    routers: &[axum::Router],
) -> Vec<Result<String, &'static str>> {
    let admin = Actor::Admin {
        extended_rights: false,
    };
    let mut tasks = Vec::new();
    for i in 0..6 {
        let (app, admin) = (instances[i % instances.len()].clone(), admin.clone());
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
    for i in 0..6 {
        let router = routers[i % routers.len()].clone();
        tasks.push(tokio::spawn(async move {
            let (_, body) = api_login(&router, "06131-62468-11", "9137").await;
            Ok(body["code"].as_str().unwrap_or("").to_owned())
        }));
    }
    let mut results = Vec::new();
    for t in tasks {
        results.push(t.await.unwrap());
    }
    results
}

/// Six sets and six wrong PINs: all stored, each one revision on, each set's effects once.
async fn assert_none_lost(app: &App, start: u64, results: &[Result<String, &'static str>]) {
    let n = |what: &str| results.iter().filter(|r| r.as_deref() == Ok(what)).count();
    assert_eq!(n("SET"), 6, "{results:?}");
    assert_eq!(n("LOGIN_WRONG_CREDENTIALS"), 6, "{results:?}");
    assert_eq!(account(app, "11").await.revision(), start + 12);
    // P9: each stored set carried its effects out once, in its own transaction.
    for kind in ["sync_pin", "restart_phone"] {
        let sql = format!("SELECT COUNT(*) FROM events WHERE kind = '{kind}' AND subject = '11'");
        assert_eq!(count(app, &sql).await, 6, "{kind}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn i5_parallel_changes_on_one_account_lose_no_update() {
    let p = portal().await;
    let start = account(&p.app, "11").await.revision();
    let results = parallel_changes(
        std::slice::from_ref(&p.app),
        std::slice::from_ref(&p.router),
    )
    .await;
    assert_none_lost(&p.app, start, &results).await;
}

/// An admin set-PIN on extension 12 written behind the back of a running operation.
async fn competing_write(app: &App) {
    let before = account(app, "12").await;
    let admin = Actor::Admin {
        extended_rights: false,
    };
    let d = before.set_pin_by_admin(&admin, "1357", "1357", app.now(), &app.rules);
    let w = Write::of(Table::Account, "12", &before, &d.state);
    assert!(app.db.commit(&[w], &[], app.now()).await.unwrap());
}

/// An admin set-PIN on extension 12 whose read goes stale `stale_times` times.
async fn set_pin_racing(app: &App, stale_times: usize) -> (Result<(), PortalError>, usize) {
    let tries = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&tries);
    let done = app
        .transact(
            |app| {
                let seen = Arc::clone(&seen);
                async move {
                    let before = account(&app, "12").await;
                    if seen.fetch_add(1, Ordering::SeqCst) < stale_times {
                        competing_write(&app).await;
                    }
                    Ok(before)
                }
            },
            |app, before: ExtensionAccount, now| {
                let admin = Actor::Admin {
                    extended_rights: false,
                };
                let d = before.set_pin_by_admin(&admin, "2580", "2580", now, &app.rules);
                let w = Write::of(Table::Account, "12", &before, &d.state);
                Ok(Plan {
                    writes: vec![w],
                    effects: d.effects,
                    result: (),
                })
            },
        )
        .await;
    (done, tries.load(Ordering::SeqCst))
}

#[tokio::test]
async fn i5_a_stale_write_is_retried_from_a_fresh_read() {
    let p = portal().await;
    let (done, tries) = set_pin_racing(&p.app, 1).await;
    assert!(done.is_ok());
    assert_eq!(tries, 2);
    let stored = account(&p.app, "12").await;
    // The competing set was stored, then the retried one on top of it: both kept, and
    // only the retried plan's effects went out (the competitor passed none).
    assert_eq!(stored.revision(), 2);
    assert_eq!(
        count(
            &p.app,
            "SELECT COUNT(*) FROM events WHERE kind = 'sync_pin'"
        )
        .await,
        1
    );
    let login = stored.login("2580", p.app.now(), &p.app.rules);
    assert!(
        login.outcome.is_ok(),
        "the retried set's PIN is the one stored"
    );
}

#[tokio::test]
async fn i5_a_write_stale_on_every_try_is_refused_and_carries_out_nothing() {
    let p = portal().await;
    let (done, tries) = set_pin_racing(&p.app, usize::MAX).await;
    let e = done.unwrap_err();
    assert_eq!(e.code(), "REQUEST_CONFLICT");
    assert_eq!(e.status(), StatusCode::CONFLICT);
    assert_eq!(tries, MAX_TRIES);
    // Every competing write stayed; the refused set left no state and no effect.
    let stored = account(&p.app, "12").await;
    assert_eq!(stored.revision(), MAX_TRIES as u64);
    assert!(
        stored
            .login("1357", p.app.now(), &p.app.rules)
            .outcome
            .is_ok()
    );
    assert_eq!(count(&p.app, "SELECT COUNT(*) FROM events").await, 0);
    assert_eq!(count(&p.app, "SELECT COUNT(*) FROM outbox").await, 0);
}

#[tokio::test]
async fn edge_bad_input_gets_a_typed_error_never_a_500() {
    let p = portal().await;
    let json = "application/json";
    let huge = vec![b'a'; pbx_rules_portal::edge::BODY_LIMIT + 1];
    let mut b = Browser::new(&p.router);
    b.get("/").await;
    let token = format!("form_token={}", b.form_token());
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
            "/api/login",
            "text/plain",
            Body::from("{}"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "REQUEST_NOT_JSON",
        ),
        (
            "/login",
            FORM,
            Body::from(huge),
            StatusCode::PAYLOAD_TOO_LARGE,
            "REQUEST_TOO_LARGE",
        ),
        (
            "/login",
            FORM,
            Body::from(format!("{token}&numbr=1")),
            StatusCode::BAD_REQUEST,
            "REQUEST_MALFORMED",
        ),
        (
            "/login",
            "text/plain",
            Body::from(token.clone()),
            StatusCode::BAD_REQUEST,
            "REQUEST_MALFORMED",
        ),
        (
            "/forgot-pin",
            FORM,
            Body::from("%ff=%zz"),
            StatusCode::FORBIDDEN,
            "REQUEST_FORM_TOKEN",
        ),
        (
            "/nowhere",
            FORM,
            Body::from(token.clone()),
            StatusCode::NOT_FOUND,
            "REQUEST_NOT_FOUND",
        ),
    ];
    for (path, kind, body, status, code) in cases {
        let got = b.post_raw(path, kind, body).await;
        assert_eq!(got.status, status, "{path} {}", got.body);
        assert!(
            got.headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("application/json")
        );
        assert_typed(&got.json(), code);
    }
    // N4: an unknown extension hears what a wrong PIN hears; a malformed number is named.
    let (status, body) = api_login(&p.router, "06131-62468-77", "0000").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_typed(&body, "LOGIN_WRONG_CREDENTIALS");
    let (status, body) = api_login(&p.router, "0613162468 10", "0000").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["family"], "login_id");
}

#[tokio::test]
async fn session_cookie_is_http_only_strict_and_secure_unless_turned_off() {
    for secure in [true, false] {
        let mut config = Config::demo(8080);
        config.secure_cookies = secure;
        let p = portal_with(policy(), config).await;
        let mut b = Browser::new(&p.router);
        let answer = b.user_login("06131-62468-10", "0000").await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER);
        let cookie = answer
            .headers
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .find(|c| c.starts_with("portal_session="))
            .unwrap();
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
            "{cookie}"
        );
        assert_eq!(cookie.contains("Secure"), secure, "{cookie}");
        assert_eq!(answer.headers["cache-control"], "no-store");
        assert!(
            answer.headers["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("frame-ancestors 'none'")
        );
    }
}

#[tokio::test]
async fn p6_default_pin_leads_only_to_the_change_and_p5_locks_after_the_window() {
    let p = portal().await;
    let mut b = Browser::new(&p.router);
    assert_eq!(
        b.user_login("06131-62468-10", "0000").await.location(),
        "/pin"
    );
    // P6: the portal stays closed until the PIN is changed.
    assert_eq!(b.get("/me").await.location(), "/pin");
    let changed = b
        .post(
            "/pin",
            &[("old", "0000"), ("new", "4739"), ("confirmation", "4739")],
        )
        .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.body);
    assert_eq!(changed.location(), "/me?changed=1");
    let me = b.get("/me").await;
    assert_eq!(me.status, StatusCode::OK);
    assert!(me.body.contains("Ada Lovelace"));
    assert_eq!(
        count(
            &p.app,
            "SELECT COUNT(*) FROM events WHERE kind = 'sync_pin' AND subject = '10'"
        )
        .await,
        1
    );
    // P5: extension 11 never changed 0000; after six weeks its login is refused.
    p.app.advance(TimeDelta::days(43));
    let (status, body) = api_login(&p.router, "06131-62468-11", "0000").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_typed(&body, "LOGIN_PIN_EXPIRED");
}

/// While logins hash, the runtime's only thread keeps serving: the host runs every
/// hashing call on the blocking pool.
#[tokio::test(flavor = "current_thread")]
async fn hashing_runs_on_the_blocking_pool_not_on_the_runtime() {
    let mut slow = policy();
    slow.hashing.m_cost_kib = 8 * 1024; // slow enough in a debug build to be seen blocking
    slow.hashing.t_cost = 2;
    let p = portal_with(slow, Config::demo(8080)).await;
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
            let router = p.router.clone();
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

/// The core's calls (each may hash) wait for a permit: with every permit held, a login does
/// not run; it runs once one is free. This bounds hashing's memory (the hosting duties).
#[tokio::test]
async fn hashing_waits_for_a_free_permit() {
    let mut config = Config::demo(8080);
    config.hashing_at_once = 1;
    let p = portal_with(policy(), config).await;
    let held = Arc::clone(&p.app.hashing).acquire_owned().await.unwrap();
    let router = p.router.clone();
    let login = tokio::spawn(async move { api_login(&router, "06131-62468-10", "0000").await });
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(!login.is_finished(), "a login ran without a permit");
    drop(held);
    let (status, body) = login.await.unwrap();
    assert_eq!(status, StatusCode::OK, "{body}");
}

/// Two instances on one database (two pools, as two processes have): wrong PINs and
/// changes on the same account through both at once lose nothing, and the lock comes
/// exactly at the allowance.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_on_one_database_lose_no_update_and_lock_at_the_allowance() {
    let (url, file) = support::database().await;
    let first = support::second_instance(&url, policy()).await;
    assert!(pbx_rules_portal::seed::seed(&first).await.unwrap());
    let second = support::second_instance(&url, policy()).await;
    // Seeding again from the other instance stores nothing.
    assert!(!pbx_rules_portal::seed::seed(&second).await.unwrap());
    let apps = [first.clone(), second.clone()];
    let routers = [
        pbx_rules_portal::router(first.clone()),
        pbx_rules_portal::router(second.clone()),
    ];
    let start = account(&first, "11").await.revision();
    let results = parallel_changes(&apps, &routers).await;
    assert_none_lost(&second, start, &results).await;
    // G5 across instances: the allowance and six more tries, alternating.
    let allowance = first.rules.pin_allowance(4);
    let tries: Vec<_> = (0..allowance + 6)
        .map(|i| {
            let router = routers[i as usize % 2].clone();
            tokio::spawn(async move { api_login(&router, "06131-62468-10", "9137").await })
        })
        .collect();
    let mut wrong = 0;
    for t in tries {
        if t.await.unwrap().1["code"] == "LOGIN_WRONG_CREDENTIALS" {
            wrong += 1;
        }
    }
    assert_eq!(wrong, allowance - 1);
    assert_eq!(account(&second, "10").await.failed_logins(), allowance);
    if let Some(file) = file {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
        }
    }
}

#[tokio::test]
async fn health_answers_while_the_database_does_and_for_any_host() {
    let p = portal().await;
    let req = Request::get("/health")
        .header(header::HOST, "10.0.0.7:8080")
        .body(Body::empty())
        .unwrap();
    let answer = send(&p.router, req).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json()["status"], "ok");
    let _ = HOST;
}
