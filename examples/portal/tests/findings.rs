//! The security review's findings, each as behaviour of the router (W1–W4): sessions end on
//! the server, only the portal's hosts are served and the demo's routes exist only in demo
//! mode, posts need the portal's origin and the session's form token, and the pages say
//! what the preset does.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::TimeDelta;
use pbx_rules::AdminAccount;
use pbx_rules_portal::session::{SESSION_COOKIE, key_of};
use pbx_rules_portal::staff::StaffAccount;
use pbx_rules_portal::{Config, LoginLimits, Mode, Table};
use support::{
    Browser, CLIENT_HEADER, Portal, account, api_login, api_login_from, counted, counting_runtime,
    latest_mail, policy, portal, portal_with, seen, send, strict_policy,
};

const ADMIN_PASSWORD: &str = "Kaffeetasse Nordwind 7!";
const STAFF_PASSWORD: &str = "Leuchtturm Abendrot 58";

/// A user of extension 10 past the forced change, on PIN 4739.
async fn user(router: &axum::Router) -> Browser {
    let mut b = Browser::new(router);
    b.user_login("06131-62468-10", "0000").await;
    let changed = b
        .post(
            "/pin",
            &[("old", "0000"), ("new", "4739"), ("confirmation", "4739")],
        )
        .await;
    assert_eq!(changed.location(), "/me?changed=1", "{}", changed.body);
    assert_eq!(b.get("/me").await.status, StatusCode::OK);
    b
}

/// The browser's session ended: its page sends it to the login, saying so.
async fn assert_ended(b: &mut Browser, page: &str, login: &str) {
    let answer = b.get(page).await;
    assert_eq!(
        answer.location(),
        format!("{login}?ended=1"),
        "{}",
        answer.body
    );
    let shown = b.get(&format!("{login}?ended=1")).await;
    assert_eq!(shown.code(), "REQUEST_SESSION_ENDED");
    // Ended for good: the row is gone, the next request is simply logged out.
    assert_eq!(b.get(page).await.location(), login);
}

#[tokio::test]
async fn w1_the_session_token_is_stored_only_as_a_hash() {
    let p = portal().await;
    let b = user(&p.router).await;
    let token = b.cookies[SESSION_COOKIE].clone();
    let sql = |key: &str| format!("SELECT COUNT(*) FROM sessions WHERE key = '{key}'");
    assert_eq!(support::count(&p.app, &sql(&token)).await, 0);
    assert_eq!(support::count(&p.app, &sql(&key_of(&token))).await, 1);
}

#[tokio::test]
async fn w1_a_user_session_ends_when_the_admin_sets_a_new_pin() {
    let p = portal().await;
    let mut u = user(&p.router).await;
    let mut admin = Browser::new(&p.router);
    admin.admin_menu(ADMIN_PASSWORD).await;
    let set = admin
        .post(
            "/admin/pin",
            &[
                ("extension", "10"),
                ("new", "2580"),
                ("confirmation", "2580"),
            ],
        )
        .await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.body);
    assert_ended(&mut u, "/me", "/login").await;
}

#[tokio::test]
async fn w1_a_user_session_ends_when_the_account_locks() {
    let p = portal().await;
    let mut u = user(&p.router).await;
    for _ in 0..p.app.rules.pin_allowance(4) {
        api_login(&p.router, "06131-62468-10", "9137").await;
    }
    assert!(
        account(&p.app, "10")
            .await
            .is_locked(p.app.now(), &p.app.rules)
    );
    assert_ended(&mut u, "/me", "/login").await;
}

#[tokio::test]
async fn w1_a_user_session_ends_when_the_change_window_lapses() {
    let p = portal().await;
    // P5: 0000 must be changed within the window; the session on the change page ends.
    let mut b = Browser::new(&p.router);
    assert_eq!(
        b.user_login("06131-62468-11", "0000").await.location(),
        "/pin"
    );
    p.app.advance(TimeDelta::days(43));
    assert_ended(&mut b, "/pin", "/login").await;
}

/// Browsers, each with a page its session opens and the login it is sent to once ended.
type Sessions = Vec<(Browser, &'static str, &'static str)>;

async fn all_open(sessions: &mut Sessions) {
    for (b, page, _) in sessions {
        assert_eq!(b.get(page).await.status, StatusCode::OK, "{page}");
    }
}

async fn all_ended(sessions: &mut Sessions) {
    for (b, page, login) in sessions {
        assert_ended(b, page, login).await;
    }
}

/// A staff member logged in.
async fn staff(router: &axum::Router) -> Browser {
    let mut b = Browser::new(router);
    let login = b
        .post(
            "/staff/login",
            &[("name", "mira"), ("password", STAFF_PASSWORD)],
        )
        .await;
    assert_eq!(login.location(), "/staff", "{}", login.body);
    b
}

#[tokio::test]
async fn w1_sessions_end_at_the_policys_idle_and_absolute_limits() {
    // centrexx: an hour without a request, a day in all (G11), not the host's own limits.
    let p = portal().await;
    let limits = p.app.rules.policy().session.clone();
    let mut idle = vec![
        (user(&p.router).await, "/me", "/login"),
        (staff(&p.router).await, "/staff", "/staff/login"),
    ];
    // Each request moves the idle limit on.
    for _ in 0..2 {
        p.app.advance(limits.idle_timeout() - TimeDelta::minutes(2));
        all_open(&mut idle).await;
    }
    p.app.advance(limits.idle_timeout());
    all_ended(&mut idle).await;

    // Used every half idle limit, a session still ends at the absolute limit.
    let mut busy = Browser::new(&p.router);
    assert_eq!(
        busy.user_login("06131-62468-10", "4739").await.location(),
        "/me"
    );
    let mut busy = vec![
        (busy, "/me", "/login"),
        (staff(&p.router).await, "/staff", "/staff/login"),
    ];
    let (step, absolute) = (limits.idle_timeout() / 2, limits.absolute_timeout());
    let mut used = TimeDelta::zero();
    while used + step < absolute {
        p.app.advance(step);
        used += step;
        all_open(&mut busy).await;
    }
    p.app.advance(absolute - used);
    all_ended(&mut busy).await;
    // 400 days on, nothing of them is left.
    p.app.advance(TimeDelta::days(400));
    pbx_rules_portal::session::sweep(&p.app).await.unwrap();
    assert_eq!(
        support::count(&p.app, "SELECT COUNT(*) FROM sessions").await,
        0
    );

    // strict: 15 minutes without a request end the admin's and a staff session.
    let s = portal_with(strict_policy(), Config::demo(8080)).await;
    let idle = s.app.rules.policy().session.idle_timeout();
    let mut admin = Browser::new(&s.router);
    admin.admin_menu(ADMIN_PASSWORD).await;
    let mut sessions = vec![
        (admin, "/admin", "/admin/login"),
        (staff(&s.router).await, "/staff", "/staff/login"),
    ];
    s.app.advance(idle - TimeDelta::minutes(1));
    all_open(&mut sessions).await;
    s.app.advance(idle);
    all_ended(&mut sessions).await;
}

#[tokio::test]
async fn w1_an_admin_session_ends_when_wrong_codes_lock_the_account() {
    // F7: wrong codes over all sessions lock the admin account; its sessions end (G11).
    let mut locking = policy();
    locking.second_factor.account_allowance = 3;
    locking.session.max_code_failures = 3;
    let p = portal_with(locking, Config::demo(8080)).await;
    let mut admin = Browser::new(&p.router);
    admin.admin_menu(ADMIN_PASSWORD).await;
    let mut other = Browser::new(&p.router);
    let login = other.admin_login(ADMIN_PASSWORD).await;
    assert_eq!(login.location(), "/admin", "{}", login.body);
    let sent = other.post("/admin/code", &[]).await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    // The mailed code with its first digit changed.
    let mail = latest_mail(&p.app, "admin@beispiel.de").await;
    let code = mail.lines().next().unwrap().rsplit(": ").next().unwrap();
    let first = code.chars().next().unwrap().to_digit(10).unwrap();
    let wrong = format!("{}{}", (first + 1) % 10, &code[1..]);
    for _ in 0..3 {
        other.post("/admin/confirm", &[("code", &wrong)]).await;
    }
    assert_ended(&mut admin, "/admin", "/admin/login").await;
}

/// The session rows and states a portal stored before the core had session stamps.
async fn as_stored_before_stamps(app: &pbx_rules_portal::App) {
    let pool = app.db.pool();
    for table in ["accounts", "admin"] {
        let rows: Vec<(String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT key, state FROM {table}"
        )))
        .fetch_all(pool)
        .await
        .unwrap();
        for (key, state) in rows {
            let mut v: serde_json::Value = serde_json::from_str(&state).unwrap();
            assert_eq!(v["version"], 3);
            v["version"] = 2.into();
            v.as_object_mut()
                .unwrap()
                .remove("credential_epoch")
                .unwrap();
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE {table} SET state = $1 WHERE key = $2"
            )))
            .bind(v.to_string())
            .bind(key)
            .execute(pool)
            .await
            .unwrap();
        }
    }
    // User rows held `{}` and a digest; the admin's, its session of version 2.
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT key, kind, state FROM sessions")
            .fetch_all(pool)
            .await
            .unwrap();
    for (key, kind, state) in rows {
        let before = if kind == "admin" {
            let mut v: serde_json::Value = serde_json::from_str(&state).unwrap();
            v["version"] = 2.into();
            v.as_object_mut().unwrap().remove("stamp").unwrap();
            v.to_string()
        } else {
            "{}".to_owned()
        };
        sqlx::query("UPDATE sessions SET state = $1, stamp = 'digest' WHERE key = $2")
            .bind(before)
            .bind(key)
            .execute(pool)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn s3_states_stored_before_stamps_log_in_and_their_sessions_end() {
    let p = portal().await;
    let mut u = user(&p.router).await;
    let mut admin = Browser::new(&p.router);
    admin.admin_menu(ADMIN_PASSWORD).await;
    as_stored_before_stamps(&p.app).await;
    // The sessions have ended (G11: no stamp to check), answered as ended, not as an error.
    assert_ended(&mut u, "/me", "/login").await;
    assert_ended(&mut admin, "/admin", "/admin/login").await;
    // The states read (upgraded by the core): the same PIN and password log in.
    p.app.advance(p.app.rules.policy().pin.propagation_delay());
    assert_eq!(
        u.user_login("06131-62468-10", "4739").await.location(),
        "/me"
    );
    admin.admin_menu(ADMIN_PASSWORD).await;
    // A change writes today's version.
    api_login(&p.router, "06131-62468-11", "9137").await;
    let stored = support::count(
        &p.app,
        "SELECT COUNT(*) FROM accounts WHERE key = '11' AND state LIKE '{\"version\":3,%'",
    )
    .await;
    assert_eq!(stored, 1);
}

#[tokio::test]
async fn w1_the_own_pin_change_ends_the_other_sessions_and_keeps_this_browser() {
    let p = portal().await;
    let mut phone = user(&p.router).await;
    // P10: the new PIN logs in once it reached voicemail and phonebook.
    p.app.advance(p.app.rules.policy().pin.propagation_delay());
    let mut laptop = Browser::new(&p.router);
    laptop.user_login("06131-62468-10", "4739").await;
    let changed = laptop
        .post(
            "/pin",
            &[("old", "4739"), ("new", "8026"), ("confirmation", "8026")],
        )
        .await;
    assert_eq!(changed.location(), "/me?changed=1", "{}", changed.body);
    assert_eq!(laptop.get("/me").await.status, StatusCode::OK);
    assert_ended(&mut phone, "/me", "/login").await;
}

#[tokio::test]
async fn w1_an_admin_session_ends_at_a_password_reset_and_at_a_password_change() {
    let p = portal().await;
    let mut first = Browser::new(&p.router);
    first.admin_menu(ADMIN_PASSWORD).await;
    // R1: a mailed password; its first use (after the K5 delay) replaces the old one.
    let mut other = Browser::new(&p.router);
    other
        .post("/forgot-password", &[("number", "06131-62468-0")])
        .await;
    let mail = latest_mail(&p.app, "admin@beispiel.de").await;
    let mailed = mail
        .lines()
        .next()
        .unwrap()
        .rsplit(": ")
        .next()
        .unwrap()
        .to_owned();
    let delay = p.app.rules.policy().password.propagation_delay();
    p.app.advance(delay);
    assert_eq!(first.get("/admin").await.status, StatusCode::OK);
    other.admin_menu(&mailed).await;
    assert_ended(&mut first, "/admin", "/admin/login").await;

    // K3: a password change ends every admin session, the changing one too.
    let mut third = Browser::new(&p.router);
    third.admin_menu(&mailed).await;
    let changed = other
        .post(
            "/admin/password",
            &[
                ("old", &mailed),
                ("new", "Wellenbrecher Sternschnuppe 93"),
                ("confirmation", "Wellenbrecher Sternschnuppe 93"),
            ],
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.body);
    assert!(!other.cookies.contains_key(SESSION_COOKIE));
    assert_ended(&mut third, "/admin", "/admin/login").await;
}

#[tokio::test]
async fn w2_a_request_for_another_host_is_refused() {
    let p = portal().await;
    for host in ["rebind.example:8080", "127.0.0.1:9999", "localhost"] {
        let req = Request::get("/outbox")
            .header(header::HOST, host)
            .body(Body::empty())
            .unwrap();
        let answer = send(&p.router, req).await;
        assert_eq!(answer.status, StatusCode::MISDIRECTED_REQUEST, "{host}");
        assert_eq!(answer.json()["code"], "REQUEST_HOST_NOT_ALLOWED");
    }
    let req = Request::get("/outbox").body(Body::empty()).unwrap();
    assert_eq!(
        send(&p.router, req).await.status,
        StatusCode::MISDIRECTED_REQUEST,
        "no Host at all"
    );
    for host in ["127.0.0.1:8080", "LOCALHOST:8080"] {
        let mut b = Browser::new(&p.router);
        b.host = host.to_owned();
        assert_eq!(b.get("/outbox").await.status, StatusCode::OK, "{host}");
    }
}

#[tokio::test]
async fn w2_outbox_events_and_json_reads_exist_only_in_demo_mode_with_a_banner() {
    let demo = portal().await;
    let mut config = Config::demo(8080);
    config.mode = Mode::Production;
    let production = portal_with(policy(), config).await;
    for path in ["/outbox", "/events", "/api/extensions/10"] {
        let mut d = Browser::new(&demo.router);
        assert_eq!(d.get(path).await.status, StatusCode::OK, "{path}");
        let mut p = Browser::new(&production.router);
        let answer = p.get(path).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(answer.json()["code"], "REQUEST_NOT_FOUND");
    }
    for path in support::PUBLIC_PAGES {
        let mut d = Browser::new(&demo.router);
        assert!(
            d.get(path).await.body.contains("id=\"demo-banner\""),
            "{path}"
        );
    }
    for path in ["/", "/login", "/admin/login", "/forgot-pin"] {
        let mut p = Browser::new(&production.router);
        let page = p.get(path).await.body;
        assert!(!page.contains("demo-banner"), "{path}");
        assert!(!page.contains(ADMIN_PASSWORD), "{path}");
    }
}

/// The admin in the main menu, and a post of "set Bob's PIN" from `origin`.
async fn set_pin_from(origin: Option<&str>, fetch_site: Option<&str>) -> (StatusCode, String, u64) {
    let p = portal().await;
    let mut admin = Browser::new(&p.router);
    admin.admin_menu(ADMIN_PASSWORD).await;
    let before = account(&p.app, "11").await.revision();
    let body = serde_urlencoded::to_string([
        ("form_token", admin.form_token().as_str()),
        ("extension", "11"),
        ("new", "2580"),
        ("confirmation", "2580"),
    ])
    .unwrap();
    let mut req = Request::post("/admin/pin")
        .header(header::HOST, support::HOST)
        .header(header::CONTENT_TYPE, support::FORM)
        .header(
            header::COOKIE,
            format!("{SESSION_COOKIE}={}", admin.cookies[SESSION_COOKIE]),
        );
    if let Some(origin) = origin {
        req = req.header(header::ORIGIN, origin);
    }
    if let Some(site) = fetch_site {
        req = req.header("sec-fetch-site", site);
    }
    let answer = send(&p.router, req.body(Body::from(body)).unwrap()).await;
    let after = account(&p.app, "11").await.revision();
    let code = if answer.status == StatusCode::OK {
        answer.code().to_owned()
    } else {
        answer.json()["code"].as_str().unwrap().to_owned()
    };
    (answer.status, code, after - before)
}

#[tokio::test]
async fn w3_a_post_from_another_origin_of_the_same_site_is_refused() {
    // Another port on localhost is the same site: SameSite=Strict sends the cookie.
    for origin in [
        "http://127.0.0.1:3000",
        "http://evil.localhost:8080",
        "null",
    ] {
        let (status, code, changed) = set_pin_from(Some(origin), None).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{origin}");
        assert_eq!(code, "REQUEST_CROSS_ORIGIN");
        assert_eq!(changed, 0, "{origin}: nothing was set");
    }
    let (status, code, changed) = set_pin_from(None, Some("same-site")).await;
    assert_eq!(
        (status, code.as_str(), changed),
        (StatusCode::FORBIDDEN, "REQUEST_CROSS_ORIGIN", 0)
    );
    // The portal's own origin sets the PIN.
    let (status, _, changed) = set_pin_from(Some(support::ORIGIN), Some("same-origin")).await;
    assert_eq!((status, changed), (StatusCode::OK, 1));
}

#[tokio::test]
async fn w3_a_form_needs_the_token_of_this_session() {
    let p = portal().await;
    let mut admin = Browser::new(&p.router);
    let menu = admin.admin_menu(ADMIN_PASSWORD).await;
    // The page carries the session's token, and only that one is taken.
    assert!(menu.body.contains(&format!(
        "name=\"form_token\" value=\"{}\"",
        admin.form_token()
    )));
    let mut other = Browser::new(&p.router);
    other.get("/").await;
    for token in ["", "x", other.form_token().as_str()] {
        let body = serde_urlencoded::to_string([
            ("form_token", token),
            ("extension", "11"),
            ("new", "2580"),
            ("confirmation", "2580"),
        ])
        .unwrap();
        let answer = admin.post_raw("/admin/pin", support::FORM, body).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{token}");
        assert_eq!(answer.json()["code"], "REQUEST_FORM_TOKEN");
    }
    let no_token = admin
        .post_raw(
            "/admin/pin",
            support::FORM,
            "extension=11&new=2580&confirmation=2580",
        )
        .await;
    assert_eq!(no_token.json()["code"], "REQUEST_FORM_TOKEN");
    assert_eq!(account(&p.app, "11").await.revision(), 0);
    // Logins before any session carry the visitor's token.
    let mut visitor = Browser::new(&p.router);
    visitor.get("/login").await;
    let bare = visitor
        .post_raw("/login", support::FORM, "number=06131-62468-10&pin=0000")
        .await;
    assert_eq!(bare.json()["code"], "REQUEST_FORM_TOKEN");
    assert_eq!(
        visitor
            .user_login("06131-62468-10", "0000")
            .await
            .location(),
        "/pin"
    );
}

#[tokio::test]
async fn w3_the_json_login_takes_json_only() {
    let p = portal().await;
    let mut b = Browser::new(&p.router);
    b.origin = None;
    for kind in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ] {
        let answer = b
            .post_raw(
                "/api/login",
                kind,
                r#"{"number":"06131-62468-10","pin":"9137"}"#,
            )
            .await;
        assert_eq!(answer.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{kind}");
        assert_eq!(answer.json()["code"], "REQUEST_NOT_JSON");
    }
    assert_eq!(
        account(&p.app, "10").await.failed_logins(),
        0,
        "no try was counted"
    );
}

/// The forgot-PIN answer for a number, in German.
async fn forgot(router: &axum::Router, number: &str) -> (StatusCode, String) {
    let mut b = Browser::new(router);
    let answer = b.post("/forgot-pin", &[("number", number)]).await;
    let result = answer
        .body
        .split("class=\"result")
        .nth(1)
        .and_then(|r| r.split("</p>").next())
        .unwrap_or_default()
        .to_owned();
    (answer.status, result)
}

#[tokio::test]
async fn w4_the_forgot_pages_say_what_the_preset_does() {
    // centrexx names what went wrong, and the page says it will.
    let p = portal().await;
    let page = Browser::new(&p.router).get("/forgot-pin").await.body;
    assert!(page.contains("sagt Ihnen diese Seite das"), "{page}");
    assert!(!page.contains("immer gleich"));
    let known = forgot(&p.router, "06131-62468-11").await;
    let unknown = forgot(&p.router, "06131-62468-77").await;
    let no_mail = forgot(&p.router, "06131-62468-12").await;
    assert_eq!(known.0, StatusCode::OK);
    assert!(
        unknown.1.contains("RECOVERY_UNKNOWN_EXTENSION"),
        "{unknown:?}"
    );
    assert!(no_mail.1.contains("RECOVERY_NO_USER_EMAIL"), "{no_mail:?}");

    // strict answers every request the same, and the page says so.
    let s = portal_with(strict_policy(), Config::demo(8080)).await;
    let page = Browser::new(&s.router).get("/forgot-pin").await.body;
    assert!(page.contains("immer gleich"), "{page}");
    let answers = [
        forgot(&s.router, "06131-62468-11").await,
        forgot(&s.router, "06131-62468-77").await,
        forgot(&s.router, "06131-62468-12").await,
        forgot(&s.router, "not a number").await,
    ];
    assert_eq!(answers[0].0, StatusCode::OK);
    for a in &answers {
        assert_eq!(a, &answers[0]);
    }
}

/// Wrong PINs for `number` through the JSON login, up to two past the host's limit: what a
/// client sees of each answer, and the argon2 evaluations each cost.
async fn wrong_pins(p: &Portal, number: &str) -> Vec<(String, u64)> {
    let tries = p.app.login_limits().per_identifier + 2;
    let mut answers = Vec::new();
    for _ in 0..tries {
        let (answer, hashes) = counted(api_login_from(&p.router, None, number, "913704")).await;
        answers.push((seen(&answer), hashes));
    }
    answers
}

/// W4 end to end: under strict a known extension, an unknown one and a number of another
/// PBX hear the same, status, headers and body, at the same cost: one hash each while the
/// core answers (the known account locks on the way, unseen), none once the host's limit
/// answers, at the same try for all three (G10).
#[test]
fn w4_strict_logins_answer_a_known_and_an_unknown_extension_the_same() {
    counting_runtime().block_on(async {
        let s = portal_with(strict_policy(), Config::demo(8080)).await;
        let known = wrong_pins(&s, "06131-62468-10").await;
        let unknown = wrong_pins(&s, "06131-62468-77").await;
        let other_pbx = wrong_pins(&s, "0421-689711-10").await;
        for (i, k) in known.iter().enumerate() {
            assert_eq!(k, &unknown[i], "try {i}");
            assert_eq!(k, &other_pbx[i], "try {i}");
        }
        assert!(known[0].0.starts_with("401 Unauthorized"), "{}", known[0].0);
        assert!(known[0].0.contains("\"LOGIN_WRONG_CREDENTIALS\""));
        let limit = s.app.login_limits().per_identifier as usize;
        let hashes: Vec<u64> = known.iter().map(|(_, h)| *h).collect();
        assert_eq!(hashes, [vec![1; limit], vec![0; 2]].concat());
        assert!(
            account(&s.app, "10")
                .await
                .is_locked(s.app.now(), &s.app.rules)
        );
    });
}

/// The host's limits of a test: `per_identifier` and `per_client` failed logins in 15
/// minutes, the client named in [`CLIENT_HEADER`].
fn limited(per_identifier: u32, per_client: u32) -> Config {
    let mut config = Config::demo(8080);
    config.login_limits = Some(LoginLimits {
        window: TimeDelta::minutes(15),
        per_identifier,
        per_client,
    });
    config.client_ip_header = Some(CLIENT_HEADER.to_owned());
    config
}

/// A login form's post, what a client sees of the answer and the argon2 evaluations.
async fn form_login(b: &mut Browser, path: &str, fields: &[(&str, &str)]) -> (String, u64) {
    let (answer, hashes) = counted(b.post(path, fields)).await;
    (seen(&answer), hashes)
}

/// W4 on the three login forms under strict: a known and an unknown identifier get the same
/// page, headers and status at the same cost, while the known account locks (the core, one
/// hash each) and past the host's limit (no hash). The head number of another PBX is an
/// unknown identifier too; so is a staff name that does not exist.
#[test]
fn w4_strict_login_forms_answer_a_known_and_an_unknown_identifier_alike() {
    counting_runtime().block_on(async {
        let allowance = u32::try_from(strict_policy().throttle.password_allowance).unwrap();
        let limit = allowance + 2;
        let s = portal_with(strict_policy(), limited(limit, 1000)).await;
        let forms = [
            (
                "/login",
                "number",
                "06131-62468-10",
                "06131-62468-77",
                "pin",
                "913704",
            ),
            (
                "/admin/login",
                "head_number",
                "06131-62468-0",
                "0421-689711-0",
                "password",
                "Falsches Kennwort 12",
            ),
            (
                "/staff/login",
                "name",
                "mira",
                "nobody",
                "password",
                "Falsches Kennwort 12",
            ),
        ];
        for (path, name, known, unknown, secret, wrong) in forms {
            // One browser, so the form token on both pages is the same.
            let mut b = Browser::new(&s.router);
            b.get(path).await;
            for i in 0..limit + 2 {
                let k = form_login(&mut b, path, &[(name, known), (secret, wrong)]).await;
                let u = form_login(&mut b, path, &[(name, unknown), (secret, wrong)]).await;
                assert_eq!(k, u, "{path}, try {i}");
                assert!(k.0.starts_with("401"), "{path}, try {i}: {}", k.0);
                assert!(
                    k.0.contains("data-code=\"LOGIN_WRONG_CREDENTIALS\""),
                    "{path}"
                );
                assert_eq!(k.1, u64::from(i < limit), "{path}, try {i}");
            }
        }
        // The core counted every try up to the host's limit, and none after it.
        assert_eq!(account(&s.app, "10").await.failed_logins(), limit);
        let admin: AdminAccount = s.app.db.get(Table::Admin, "admin").await.unwrap().value;
        assert!(admin.is_locked(&s.app.rules));
        let mira: StaffAccount = s.app.db.get(Table::Staff, "mira").await.unwrap().value;
        assert!(mira.is_locked(&s.app.rules));
    });
}

/// One JSON login from `client`: the code or `OK`, and the argon2 evaluations.
async fn try_from(router: &axum::Router, client: &str, number: &str, pin: &str) -> (String, u64) {
    let (answer, hashes) = counted(api_login_from(router, Some(client), number, pin)).await;
    let code = answer.json()["code"].as_str().unwrap_or("OK").to_owned();
    (code, hashes)
}

const WRONG: &str = "LOGIN_WRONG_CREDENTIALS";
const THROTTLED: &str = "LOGIN_THROTTLED";

#[test]
fn w4_past_the_limit_per_identifier_no_try_reaches_the_core() {
    counting_runtime().block_on(async {
        let p = portal_with(policy(), limited(3, 100)).await;
        let second = pbx_rules_portal::router(p.another_instance().await);
        let client = "198.51.100.7";
        // Three wrong PINs counted by the core, through both instances; then the host
        // answers, without a hash, for the right PIN too (it cannot know it is right).
        let mut answers = Vec::new();
        for (i, pin) in ["9137", "9137", "9137", "9137", "0000"].iter().enumerate() {
            let router = if i % 2 == 0 { &p.router } else { &second };
            answers.push(try_from(router, client, "06131-62468-10", pin).await);
        }
        let expected = [
            (WRONG, 1),
            (WRONG, 1),
            (WRONG, 1),
            (THROTTLED, 0),
            (THROTTLED, 0),
        ];
        let expected: Vec<(String, u64)> = expected
            .iter()
            .map(|(c, h)| ((*c).to_owned(), *h))
            .collect();
        assert_eq!(answers, expected);
        assert_eq!(account(&p.app, "10").await.failed_logins(), 3);
        // Centrexx names the throttle, with the end of the window.
        let answer = api_login_from(&p.router, Some(client), "06131-62468-10", "0000").await;
        let retry_at: chrono::DateTime<chrono::Utc> = answer.json()["details"]["retry_at"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!(retry_at > p.app.now() && retry_at <= p.app.now() + TimeDelta::minutes(15));
        // The database holds digests, not the number or the address.
        let clear =
            "SELECT COUNT(*) FROM login_limits WHERE key LIKE '%06131%' OR key LIKE '%198.51%'";
        assert_eq!(support::count(&p.app, clear).await, 0);
        // Once the window has passed, the core answers again, and the counts are swept.
        p.app.advance(TimeDelta::minutes(15));
        let login = try_from(&p.router, client, "06131-62468-10", "0000").await;
        assert_eq!(login, ("OK".to_owned(), 1));
        pbx_rules_portal::session::sweep(&p.app).await.unwrap();
        assert_eq!(
            support::count(&p.app, "SELECT COUNT(*) FROM login_limits").await,
            2
        );
        p.app.advance(TimeDelta::minutes(15));
        pbx_rules_portal::session::sweep(&p.app).await.unwrap();
        assert_eq!(
            support::count(&p.app, "SELECT COUNT(*) FROM login_limits").await,
            0
        );
    });
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn w4_parallel_tries_reach_the_core_no_more_often_than_the_limit() {
    let p = portal_with(policy(), limited(3, 100)).await;
    let tries: Vec<_> = (0..12)
        .map(|_| {
            let router = p.router.clone();
            tokio::spawn(async move {
                let answer =
                    api_login_from(&router, Some("198.51.100.7"), "06131-62468-10", "9137").await;
                answer.json()["code"].as_str().unwrap().to_owned()
            })
        })
        .collect();
    let mut codes = Vec::new();
    for t in tries {
        codes.push(t.await.unwrap());
    }
    assert_eq!(codes.iter().filter(|c| *c == WRONG).count(), 3, "{codes:?}");
    assert_eq!(
        codes.iter().filter(|c| *c == THROTTLED).count(),
        9,
        "{codes:?}"
    );
    assert_eq!(account(&p.app, "10").await.failed_logins(), 3);
}

#[test]
fn w4_the_limit_per_client_spans_identifiers_and_spares_other_networks() {
    counting_runtime().block_on(async {
        let p = portal_with(policy(), limited(100, 4)).await;
        // Two addresses of one IPv6 /64 are one network.
        let (a, a2) = ("2001:db8:1:2::5", "2001:db8:1:2::6");
        for (client, number) in [(a, "10"), (a2, "11"), (a, "77"), (a2, "12")] {
            let number = format!("06131-62468-{number}");
            assert_eq!(
                try_from(&p.router, client, &number, "9137").await,
                (WRONG.to_owned(), 1)
            );
        }
        let refused = try_from(&p.router, a2, "06131-62468-11", "0000").await;
        assert_eq!(refused, (THROTTLED.to_owned(), 0));
        // Another network logs in.
        let other = try_from(&p.router, "2001:db8:1:3::5", "06131-62468-11", "0000").await;
        assert_eq!(other, ("OK".to_owned(), 1));
    });
}

#[tokio::test]
async fn g9_a_head_number_used_up_from_one_network_stays_open_to_the_admins() {
    let p = portal_with(policy(), limited(3, 100)).await;
    let mut attacker = Browser::new(&p.router);
    attacker.client = Some("203.0.113.9".to_owned());
    for _ in 0..5 {
        attacker.admin_login("Rate mal 12345").await;
    }
    let refused = attacker.admin_login(ADMIN_PASSWORD).await;
    assert_eq!(refused.code(), THROTTLED);
    let mut admin = Browser::new(&p.router);
    admin.client = Some("198.51.100.7".to_owned());
    admin.admin_menu(ADMIN_PASSWORD).await;
}

#[tokio::test]
async fn w4_a_login_that_succeeds_gives_its_count_back() {
    let p = portal_with(policy(), limited(2, 2)).await;
    let client = Some("198.51.100.7");
    for _ in 0..5 {
        let answer = api_login_from(&p.router, client, "06131-62468-10", "0000").await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    }
    for expected in [WRONG, WRONG, THROTTLED] {
        let answer = api_login_from(&p.router, client, "06131-62468-10", "9137").await;
        assert_eq!(answer.json()["code"], expected);
    }
}

#[tokio::test]
async fn w4_the_login_page_states_the_allowance_of_the_preset() {
    let p = portal().await;
    let page = Browser::new(&p.router).get("/login").await.body;
    let n = p.app.rules.pin_allowance(p.app.rules.policy().pin.min_len);
    assert!(page.contains(&format!("Nach {n} falschen PINs")), "{page}");
}
