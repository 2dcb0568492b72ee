//! What people see: one language at a time (German by default, English by
//! `Accept-Language` or the switch) with the core's messages in it, no rule ids on any
//! page, staff and partner logins whose role comes from the account (V1), and the outbox
//! claimed once per mail by parallel senders.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod support;

use axum::http::StatusCode;
use pbx_rules_portal::i18n::{LANG_COOKIE, negotiate};
use support::{Browser, portal};

const ADMIN_PASSWORD: &str = "Kaffeetasse Nordwind 7!";

#[test]
fn g2_the_language_is_the_switch_then_the_cookie_then_accept_language_then_german() {
    use axum::http::{HeaderMap, HeaderValue, header};
    use pbx_rules::Lang;
    let mut h = HeaderMap::new();
    assert_eq!(negotiate(None, &h), Lang::De);
    h.insert(
        header::ACCEPT_LANGUAGE,
        HeaderValue::from_static("fr, en-GB;q=0.9, de;q=0.8"),
    );
    assert_eq!(negotiate(None, &h), Lang::En);
    h.insert(
        header::ACCEPT_LANGUAGE,
        HeaderValue::from_static("en;q=0.5, de-AT"),
    );
    assert_eq!(negotiate(None, &h), Lang::De);
    h.insert(header::COOKIE, HeaderValue::from_static("portal_lang=en"));
    assert_eq!(negotiate(None, &h), Lang::En);
    assert_eq!(negotiate(Some("x=1&lang=de"), &h), Lang::De);
}

/// Rule ids as the spec writes them: a capital letter and one or two digits (`P6`, `B4`).
fn rule_ids(page: &str) -> Vec<String> {
    let text: String = page
        .split('<')
        .map(|part| part.split_once('>').map_or(part, |(_, text)| text))
        .collect::<Vec<_>>()
        .join(" ");
    let words = text.split(|c: char| !c.is_ascii_alphanumeric());
    words
        .filter(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(|c| c.is_ascii_uppercase())
                && (2..=3).contains(&w.len())
                && chars.all(|c| c.is_ascii_digit())
        })
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn g2_every_page_speaks_one_language_without_rule_ids() {
    let p = portal().await;
    for (lang, marker, not) in [("de", "Abmelden", "Log out"), ("en", "Log out", "Abmelden")] {
        let mut user = Browser::new(&p.router);
        user.get(&format!("/?lang={lang}")).await;
        assert_eq!(user.cookies[LANG_COOKIE], lang);
        let mut pages = Vec::new();
        for path in support::PUBLIC_PAGES {
            pages.push(user.get(path).await.body);
        }
        // A refusal from the core, in the page's language.
        let wrong = user.user_login("06131-62468-10", "9137").await.body;
        let core = pbx_rules::Error::from(pbx_rules::LoginError::WrongCredentials);
        let l = if lang == "de" {
            pbx_rules::Lang::De
        } else {
            pbx_rules::Lang::En
        };
        assert!(
            wrong.contains(&pbx_rules::Localized::message(&core, l)),
            "{wrong}"
        );
        pages.push(wrong);
        user.user_login("06131-62468-10", "0000").await;
        pages.push(user.get("/pin").await.body);
        let mut admin = Browser::new(&p.router);
        admin.get(&format!("/?lang={lang}")).await;
        let login = admin.admin_login(ADMIN_PASSWORD).await;
        assert_eq!(login.location(), "/admin");
        pages.push(admin.get("/admin").await.body);
        pages.push(admin.post("/admin/continue", &[]).await.body);
        pages.push(admin.post("/admin/privacy", &[]).await.body);
        let menu = admin.post("/admin/default-pins", &[]).await.body;
        assert!(menu.contains(marker), "{menu}");
        assert!(!menu.contains(not), "{menu}");
        pages.push(menu);
        pages.push(admin.get("/admin/password").await.body);
        for page in &pages {
            assert!(page.contains(&format!("<html lang=\"{lang}\">")), "{page}");
            assert_eq!(rule_ids(page), Vec::<String>::new(), "{page}");
            // Mail in the outbox is written in both languages; pages are not.
            if !page.contains("<th>#</th>") {
                assert!(!page.contains(" / "), "two languages side by side: {page}");
            }
        }
    }
}

#[tokio::test]
async fn g2_accept_language_picks_english_with_the_cores_messages_in_english() {
    let p = portal().await;
    let mut b = Browser::new(&p.router);
    b.accept_language = Some("en-US,en;q=0.9,de;q=0.5".into());
    let page = b.get("/login").await.body;
    assert!(page.contains("<html lang=\"en\">"));
    let wrong = b.user_login("06131-62468-10", "9137").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let core = pbx_rules::Error::from(pbx_rules::LoginError::WrongCredentials);
    use pbx_rules::Localized;
    assert!(
        wrong.body.contains(&core.message(pbx_rules::Lang::En)),
        "{}",
        wrong.body
    );
    assert!(!wrong.body.contains(&core.message(pbx_rules::Lang::De)));
}

#[tokio::test]
async fn v1_staff_log_in_and_the_role_comes_from_the_account() {
    let p = portal().await;
    // The role in the URL means nothing any more: no session, no staff page.
    let mut anyone = Browser::new(&p.router);
    assert_eq!(
        anyone.get("/staff?as=staff").await.location(),
        "/staff/login"
    );
    for (name, password, footer) in [
        ("mira", "Leuchtturm Abendrot 58", true),
        ("paul", "Gartenzaun Morgentau 31", false),
        ("tina", "Wolkenkratzer Nachtzug 64", true),
    ] {
        let mut b = Browser::new(&p.router);
        let login = b
            .post("/staff/login", &[("name", name), ("password", password)])
            .await;
        assert_eq!(login.location(), "/staff", "{name}: {}", login.body);
        let page = b.get("/staff?as=partner").await.body;
        assert_eq!(page.contains("id=\"preview\""), footer, "{name}: {page}");
        let toggled = b.post("/staff/preview", &[]).await;
        if footer {
            assert_eq!(toggled.location(), "/staff");
            assert!(b.get("/staff").await.body.contains("Preview: ja"));
        } else {
            assert_eq!(toggled.status, StatusCode::FORBIDDEN, "{name}");
            assert_eq!(toggled.json()["code"], "PERMISSION_PREVIEW_NOT_ALLOWED");
        }
    }
}

#[tokio::test]
async fn v1_g5_staff_passwords_are_throttled_and_lock_at_the_allowance() {
    let p = portal().await;
    let allowance = p.app.rules.password_allowance();
    let mut b = Browser::new(&p.router);
    for i in 0..allowance {
        let answer = b
            .post(
                "/staff/login",
                &[("name", "mira"), ("password", "falsch falsch")],
            )
            .await;
        let expected = if i + 1 == allowance {
            "LOGIN_THROTTLE_LOCKED"
        } else {
            "LOGIN_WRONG_CREDENTIALS"
        };
        assert_eq!(answer.code(), expected, "try {i}");
    }
    let right = b
        .post(
            "/staff/login",
            &[("name", "mira"), ("password", "Leuchtturm Abendrot 58")],
        )
        .await;
    assert_eq!(right.code(), "LOGIN_THROTTLE_LOCKED");
    // An unknown name hears "wrong" and changes nothing.
    let unknown = b
        .post("/staff/login", &[("name", "nobody"), ("password", "x")])
        .await;
    assert_eq!(unknown.code(), "LOGIN_WRONG_CREDENTIALS");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn mail_each_outbox_row_is_claimed_by_one_of_several_senders() {
    let p = portal().await;
    for _ in 0..3 {
        let mut b = Browser::new(&p.router);
        b.post("/forgot-password", &[("number", "06131-62468-0")])
            .await;
        b.post("/forgot-pin", &[("number", "06131-62468-10")]).await;
    }
    let rows = support::count(&p.app, "SELECT COUNT(*) FROM outbox").await;
    assert!(rows >= 2, "{rows}");
    let now = p.app.now().timestamp();
    let senders: Vec<_> = (0..4)
        .map(|_| {
            let app = p.app.clone();
            tokio::spawn(async move {
                let mut got = Vec::new();
                while let Some(mail) = app.db.claim_mail(now, now + 60).await.unwrap() {
                    got.push(mail.id);
                }
                got
            })
        })
        .collect();
    let mut claimed = Vec::new();
    for s in senders {
        claimed.extend(s.await.unwrap());
    }
    claimed.sort_unstable();
    let before = claimed.len();
    claimed.dedup();
    assert_eq!(before, claimed.len(), "a row was claimed twice");
    assert_eq!(i64::try_from(claimed.len()).unwrap(), rows);
    // A failed send is claimed again once its wait ends; a sent one never, and its secret
    // is gone from the table.
    p.app.db.mail_failed(claimed[0], now + 5).await.unwrap();
    p.app.db.mail_sent(claimed[1], now).await.unwrap();
    assert!(
        p.app
            .db
            .claim_mail(now + 1, now + 61)
            .await
            .unwrap()
            .is_none()
    );
    let again = p
        .app
        .db
        .claim_mail(now + 6, now + 66)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(again.id, claimed[0]);
    assert_eq!(again.attempts, 2);
    let sql = format!(
        "SELECT COUNT(*) FROM outbox WHERE id = {} AND body = ''",
        claimed[1]
    );
    assert_eq!(support::count(&p.app, &sql).await, 1);
}
