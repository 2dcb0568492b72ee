//! One language at a time: German by default, English when the browser asks for it first
//! (`Accept-Language`) or the person switches (`?lang=en`, remembered in a cookie). The
//! portal's own texts are here, once per language; the core's messages come in the same
//! language from `message(lang)`.

use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use pbx_rules::Lang;

/// The cookie that remembers a switch.
pub const LANG_COOKIE: &str = "portal_lang";

/// The code of a language (`de`, `en`).
#[must_use]
pub fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        _ => "de",
    }
}

fn parse(code: &str) -> Option<Lang> {
    match code.trim().to_ascii_lowercase().as_str() {
        "de" => Some(Lang::De),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The language of a request: a `lang` query parameter, else the cookie, else the first of
/// German and English in `Accept-Language` by weight, else German.
#[must_use]
pub fn negotiate(query: Option<&str>, headers: &HeaderMap) -> Lang {
    let asked = query.and_then(|q| {
        q.split('&')
            .filter_map(|pair| pair.strip_prefix("lang="))
            .find_map(parse)
    });
    let remembered = || {
        CookieJar::from_headers(headers)
            .get(LANG_COOKIE)
            .and_then(|c| parse(c.value()))
    };
    asked
        .or_else(remembered)
        .or_else(|| accepted(headers))
        .unwrap_or(Lang::De)
}

/// The best of German and English in `Accept-Language` (`en-GB;q=0.9, de;q=0.8` → English).
fn accepted(headers: &HeaderMap) -> Option<Lang> {
    let value = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    let mut best: Option<(Lang, f32)> = None;
    for item in value.split(',') {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let primary = tag.split('-').next().unwrap_or_default();
        let Some(lang) = parse(primary) else { continue };
        let weight = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.parse::<f32>().ok())
            .unwrap_or(1.0);
        if best.is_none_or(|(_, w)| weight > w) {
            best = Some((lang, weight));
        }
    }
    best.filter(|(_, w)| *w > 0.0).map(|(lang, _)| lang)
}

/// Gives every request its language and remembers a switch (`?lang=`) in a cookie.
pub async fn remember(mut req: Request, next: Next) -> Response {
    let query = req.uri().query().map(str::to_owned);
    let lang = negotiate(query.as_deref(), req.headers());
    let switched = query.is_some_and(|q| q.split('&').any(|p| p.starts_with("lang=")));
    req.extensions_mut().insert(lang);
    let response = next.run(req).await;
    if switched {
        let cookie = Cookie::build((LANG_COOKIE, code(lang)))
            .path("/")
            .same_site(SameSite::Strict)
            .max_age(::cookie::time::Duration::days(365))
            .build();
        (CookieJar::new().add(cookie), response).into_response()
    } else {
        response
    }
}

/// The language of this request (set by [`remember`]).
#[derive(Clone, Copy, Debug)]
pub struct Ui(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for Ui {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Ui(parts
            .extensions
            .get::<Lang>()
            .copied()
            .unwrap_or_default()))
    }
}

/// The portal's texts in one language.
#[allow(missing_docs)] // each field is its own documentation
pub struct Texts {
    pub other_language: &'static str,
    pub demo_banner: &'static str,
    pub outbox: &'static str,
    pub events: &'static str,
    pub logout: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub none: &'static str,
    pub home_user: &'static str,
    pub home_admin: &'static str,
    pub home_staff: &'static str,
    pub home_samples: &'static str,
    pub sample_users: &'static str,
    pub sample_users_mailed: &'static str,
    pub sample_admin: &'static str,
    pub sample_staff: &'static str,
    pub login_title: &'static str,
    pub number_label: &'static str,
    pub number_hint: &'static str,
    pub pin_label: &'static str,
    pub login_button: &'static str,
    pub login_lock_note: &'static str,
    pub forgot_pin_link: &'static str,
    pub forgot_password_link: &'static str,
    pub pin_title: &'static str,
    pub pin_forced: &'static str,
    pub old_pin: &'static str,
    pub new_pin: &'static str,
    pub repeat_pin: &'static str,
    pub pin_rules: &'static str,
    pub pin_button: &'static str,
    pub pin_ok: &'static str,
    pub pin_weak: &'static str,
    pub repeat_ok: &'static str,
    pub pin_changed: &'static str,
    pub me_title: &'static str,
    pub me_number: &'static str,
    pub me_name: &'static str,
    pub backup_label: &'static str,
    pub backup_hint: &'static str,
    pub number_ok: &'static str,
    pub change_pin_link: &'static str,
    pub admin_login_title: &'static str,
    pub head_label: &'static str,
    pub head_hint: &'static str,
    pub password_label: &'static str,
    pub admin_lock_note: &'static str,
    pub factor_title: &'static str,
    pub factor_text: &'static str,
    pub factor_demo: &'static str,
    pub request_code: &'static str,
    pub code_label: &'static str,
    pub confirm: &'static str,
    pub continue_without: &'static str,
    pub code_sent: &'static str,
    pub code_confirmed: &'static str,
    pub privacy_title: &'static str,
    pub privacy_text: &'static str,
    pub privacy_button: &'static str,
    pub defaults_title: &'static str,
    pub defaults_text: &'static str,
    pub defaults_button: &'static str,
    pub menu_title: &'static str,
    pub with_rights: &'static str,
    pub without_rights: &'static str,
    pub col_extension: &'static str,
    pub col_status: &'static str,
    pub col_new_pin: &'static str,
    pub status_locked: &'static str,
    pub status_default: &'static str,
    pub status_ok: &'static str,
    pub set_pin: &'static str,
    pub pin_set: &'static str,
    pub central_label: &'static str,
    pub central_hint: &'static str,
    pub change_password_link: &'static str,
    pub password_title: &'static str,
    pub old_password: &'static str,
    pub new_password: &'static str,
    pub repeat_password: &'static str,
    pub password_rules: &'static str,
    pub password_button: &'static str,
    pub password_ok: &'static str,
    pub password_changed: &'static str,
    pub strength: &'static str,
    pub forgot_pin_title: &'static str,
    pub forgot_pin_button: &'static str,
    pub forgot_pin_named: &'static str,
    pub forgot_pin_uniform: &'static str,
    pub forgot_pin_sent: &'static str,
    pub forgot_password_title: &'static str,
    pub forgot_password_button: &'static str,
    pub forgot_password_named: &'static str,
    pub forgot_password_uniform: &'static str,
    pub forgot_password_sent: &'static str,
    pub forgot_sent_uniform: &'static str,
    pub staff_login_title: &'static str,
    pub staff_name: &'static str,
    pub staff_title: &'static str,
    pub staff_logged_in: &'static str,
    pub role_staff: &'static str,
    pub role_partner: &'static str,
    pub role_trained: &'static str,
    pub preview_switch: &'static str,
    pub preview_none: &'static str,
    pub preview_on: &'static str,
    pub preview_off: &'static str,
    pub col_time: &'static str,
    pub col_to: &'static str,
    pub col_subject: &'static str,
    pub col_text: &'static str,
    pub col_kind: &'static str,
}

impl Texts {
    /// The texts of a language.
    #[must_use]
    pub fn of(lang: Lang) -> &'static Texts {
        match lang {
            Lang::En => &EN,
            _ => &DE,
        }
    }
}

/// German.
pub static DE: Texts = Texts {
    other_language: "English",
    demo_banner: "Lokale Demo: Mails verlassen diesen Rechner nicht. Codes, PINs und Kennwörter stehen in der Outbox.",
    outbox: "Outbox",
    events: "Ereignisse",
    logout: "Abmelden",
    save: "Speichern",
    saved: "Gespeichert.",
    none: "keine",
    home_user: "Anmeldung für Nutzer einer Nebenstelle",
    home_admin: "Anmeldung für den Administrator der Tk-Anlage",
    home_staff: "Anmeldung für Mitarbeiter und Partner",
    home_samples: "Die Zugänge der Demo",
    sample_users: "Nebenstellen 10, 11 und 12: Rufnummer 06131-62468-10 usw., PIN 0000",
    sample_users_mailed: "Nebenstellen 10, 11 und 12: Rufnummer 06131-62468-10 usw.; die erste PIN jeder Nebenstelle steht in der Outbox",
    sample_admin: "Administrator: Kopfnummer 06131-62468-0, Kennwort",
    sample_staff: "Mitarbeiter und Partner (Name, Kennwort)",
    login_title: "Anmeldung",
    number_label: "Rufnummer Ihrer Nebenstelle",
    number_hint: "z. B. 06131-62468-10",
    pin_label: "PIN",
    login_button: "Anmelden",
    login_lock_note: "Nach {n} falschen PINs in Folge wird die Anmeldung gesperrt; dann setzt Ihnen der Administrator eine neue PIN.",
    forgot_pin_link: "PIN vergessen?",
    forgot_password_link: "Kennwort vergessen?",
    pin_title: "PIN ändern",
    pin_forced: "Bitte wählen Sie jetzt Ihre eigene PIN. Vorher öffnet sich das Portal nicht.",
    old_pin: "Bisherige PIN",
    new_pin: "Neue PIN",
    repeat_pin: "Neue PIN wiederholen",
    pin_rules: "{min} bis {max} Ziffern, nicht leicht zu erraten.",
    pin_button: "PIN ändern",
    pin_ok: "Diese PIN ist gültig.",
    pin_weak: "Gültig, aber leicht zu erraten.",
    repeat_ok: "Stimmt überein.",
    pin_changed: "Ihre PIN ist geändert.",
    me_title: "Meine Nebenstelle",
    me_number: "Rufnummer",
    me_name: "Name",
    backup_label: "Backupnummer",
    backup_hint: "Hierhin gehen Anrufe, wenn Ihr Telefon nicht erreichbar ist.",
    number_ok: "Wird gespeichert als {e164}.",
    change_pin_link: "PIN ändern",
    admin_login_title: "Anmeldung Administrator",
    head_label: "Kopfnummer mit der Rufnummer der Zentrale",
    head_hint: "z. B. 06131-62468-0",
    password_label: "Kennwort",
    admin_lock_note: "Nach {n} falschen Kennwörtern in Folge wird die Anmeldung gesperrt.",
    factor_title: "Erweiterte Rechte",
    factor_text: "Für erweiterte Rechte senden wir einen Code an die E-Mail-Adresse des Administrators.",
    factor_demo: "In der Demo steht er in der Outbox.",
    request_code: "Code anfordern",
    code_label: "Code",
    confirm: "Bestätigen",
    continue_without: "Ohne erweiterte Rechte fortfahren",
    code_sent: "Der Code ist unterwegs.",
    code_confirmed: "Code bestätigt.",
    privacy_title: "Datenschutzhinweis",
    privacy_text: "Sie verarbeiten hier personenbezogene Daten Ihrer Nutzer. Gehen Sie sorgfältig damit um.",
    privacy_button: "Gelesen",
    defaults_title: "Standard-PINs",
    defaults_text: "Diese Nebenstellen haben noch die Standard-PIN:",
    defaults_button: "Zur Kenntnis genommen",
    menu_title: "Nebenstellen",
    with_rights: "Angemeldet mit erweiterten Rechten.",
    without_rights: "Angemeldet ohne erweiterte Rechte.",
    col_extension: "Nebenstelle",
    col_status: "Status",
    col_new_pin: "Neue PIN",
    status_locked: "gesperrt",
    status_default: "Standard-PIN",
    status_ok: "aktiv",
    set_pin: "PIN setzen",
    pin_set: "Die PIN ist gesetzt; das Telefon startet neu.",
    central_label: "Zentrale Backupnummer",
    central_hint: "Gilt für jede Nebenstelle ohne eigene Backupnummer.",
    change_password_link: "Kennwort ändern",
    password_title: "Kennwort ändern",
    old_password: "Bisheriges Kennwort",
    new_password: "Neues Kennwort",
    repeat_password: "Neues Kennwort wiederholen",
    password_rules: "Mindestens {min} Zeichen; die Stärkeanzeige muss mindestens „{level}“ zeigen.",
    password_button: "Kennwort ändern",
    password_ok: "Dieses Kennwort kann gespeichert werden.",
    password_changed: "Das neue Kennwort gilt ab {at} (UTC). Ihre Sitzung ist beendet; melden Sie sich dann neu an.",
    strength: "Stärke",
    forgot_pin_title: "PIN vergessen",
    forgot_pin_button: "Neue PIN anfordern",
    forgot_pin_named: "Eine neue PIN geht an die E-Mail-Adresse der Nebenstelle, höchstens {n} pro Stunde; Ihre bisherige PIN gilt weiter, bis Sie die neue benutzen. Gibt es die Rufnummer nicht, hat die Nebenstelle keine E-Mail-Adresse oder ist sie gesperrt, sagt Ihnen diese Seite das.",
    forgot_pin_uniform: "Eine neue PIN geht an die E-Mail-Adresse der Nebenstelle, höchstens {n} pro Stunde; Ihre bisherige PIN gilt weiter, bis Sie die neue benutzen. Diese Seite antwortet immer gleich, ob es die Rufnummer gibt oder nicht.",
    forgot_pin_sent: "Die Anfrage ist angenommen: Die neue PIN geht an die E-Mail-Adresse der Nebenstelle (höchstens {n} pro Stunde).",
    forgot_password_title: "Kennwort vergessen",
    forgot_password_button: "Neues Kennwort anfordern",
    forgot_password_named: "Ein neues Kennwort geht an die E-Mail-Adresse des Administrators, höchstens {n} pro Stunde; das bisherige gilt weiter, bis Sie das neue benutzen. Gibt es die Kopfnummer nicht, sagt Ihnen diese Seite das.",
    forgot_password_uniform: "Ein neues Kennwort geht an die E-Mail-Adresse des Administrators, höchstens {n} pro Stunde; das bisherige gilt weiter, bis Sie das neue benutzen. Diese Seite antwortet immer gleich, ob es die Kopfnummer gibt oder nicht.",
    forgot_password_sent: "Die Anfrage ist angenommen: Das neue Kennwort geht an die E-Mail-Adresse des Administrators (höchstens {n} pro Stunde).",
    forgot_sent_uniform: "Die Anfrage ist angenommen. Wenn es die Rufnummer gibt, ist eine E-Mail unterwegs.",
    staff_login_title: "Anmeldung für Mitarbeiter und Partner",
    staff_name: "Anmeldename",
    staff_title: "Mitarbeiteransicht",
    staff_logged_in: "Angemeldet als",
    role_staff: "Mitarbeiter",
    role_partner: "Partner",
    role_trained: "Partner mit technischer Schulung",
    preview_switch: "Den Preview-Modus schalten Sie unten um.",
    preview_none: "Für Ihre Rolle gibt es keinen Preview-Schalter.",
    preview_on: "Preview: ja",
    preview_off: "Preview: nein",
    col_time: "Zeit",
    col_to: "An",
    col_subject: "Betreff",
    col_text: "Text",
    col_kind: "Art",
};

/// English.
pub static EN: Texts = Texts {
    other_language: "Deutsch",
    demo_banner: "Local demo: mail does not leave this machine. Codes, PINs and passwords are in the outbox.",
    outbox: "Outbox",
    events: "Events",
    logout: "Log out",
    save: "Save",
    saved: "Saved.",
    none: "none",
    home_user: "Log in as the user of an extension",
    home_admin: "Log in as the phone system's administrator",
    home_staff: "Log in as staff or partner",
    home_samples: "The demo's logins",
    sample_users: "Extensions 10, 11 and 12: number 06131-62468-10 and so on, PIN 0000",
    sample_users_mailed: "Extensions 10, 11 and 12: number 06131-62468-10 and so on; each extension's first PIN is in the outbox",
    sample_admin: "Administrator: head number 06131-62468-0, password",
    sample_staff: "Staff and partners (name, password)",
    login_title: "Log in",
    number_label: "Your extension's number",
    number_hint: "e.g. 06131-62468-10",
    pin_label: "PIN",
    login_button: "Log in",
    login_lock_note: "After {n} wrong PINs in a row the login locks; your administrator then sets a new PIN.",
    forgot_pin_link: "Forgot your PIN?",
    forgot_password_link: "Forgot your password?",
    pin_title: "Change PIN",
    pin_forced: "Please choose your own PIN now. The portal opens once you have.",
    old_pin: "Current PIN",
    new_pin: "New PIN",
    repeat_pin: "Repeat the new PIN",
    pin_rules: "{min} to {max} digits, not easy to guess.",
    pin_button: "Change PIN",
    pin_ok: "This PIN is valid.",
    pin_weak: "Valid, but easy to guess.",
    repeat_ok: "Matches.",
    pin_changed: "Your PIN has been changed.",
    me_title: "My extension",
    me_number: "Number",
    me_name: "Name",
    backup_label: "Backup number",
    backup_hint: "Calls go here when your phone cannot be reached.",
    number_ok: "Will be saved as {e164}.",
    change_pin_link: "Change PIN",
    admin_login_title: "Administrator login",
    head_label: "Head number with the central extension",
    head_hint: "e.g. 06131-62468-0",
    password_label: "Password",
    admin_lock_note: "After {n} wrong passwords in a row the login locks.",
    factor_title: "Extended rights",
    factor_text: "For extended rights we mail a code to the administrator's e-mail address.",
    factor_demo: "In the demo it is in the outbox.",
    request_code: "Request code",
    code_label: "Code",
    confirm: "Confirm",
    continue_without: "Continue without extended rights",
    code_sent: "The code is on its way.",
    code_confirmed: "Code confirmed.",
    privacy_title: "Privacy notice",
    privacy_text: "You process your users' personal data here. Handle it with care.",
    privacy_button: "Read",
    defaults_title: "Default PINs",
    defaults_text: "These extensions still have the default PIN:",
    defaults_button: "Noted",
    menu_title: "Extensions",
    with_rights: "Logged in with extended rights.",
    without_rights: "Logged in without extended rights.",
    col_extension: "Extension",
    col_status: "Status",
    col_new_pin: "New PIN",
    status_locked: "locked",
    status_default: "default PIN",
    status_ok: "active",
    set_pin: "Set PIN",
    pin_set: "The PIN is set; the phone restarts.",
    central_label: "Central backup number",
    central_hint: "Applies to every extension without its own backup number.",
    change_password_link: "Change password",
    password_title: "Change password",
    old_password: "Current password",
    new_password: "New password",
    repeat_password: "Repeat the new password",
    password_rules: "At least {min} characters; the strength meter must show at least “{level}”.",
    password_button: "Change password",
    password_ok: "This password can be saved.",
    password_changed: "The new password takes effect at {at} (UTC). Your session has ended; log in again then.",
    strength: "Strength",
    forgot_pin_title: "Forgot PIN",
    forgot_pin_button: "Request a new PIN",
    forgot_pin_named: "A new PIN goes to the extension's e-mail address, at most {n} per hour; your current PIN keeps working until you use the new one. If the number does not exist, the extension has no e-mail address or is locked, this page tells you.",
    forgot_pin_uniform: "A new PIN goes to the extension's e-mail address, at most {n} per hour; your current PIN keeps working until you use the new one. This page answers the same whether or not the number exists.",
    forgot_pin_sent: "Request accepted: the new PIN goes to the extension's e-mail address (at most {n} per hour).",
    forgot_password_title: "Forgot password",
    forgot_password_button: "Request a new password",
    forgot_password_named: "A new password goes to the administrator's e-mail address, at most {n} per hour; the current one keeps working until you use the new one. If the head number does not exist, this page tells you.",
    forgot_password_uniform: "A new password goes to the administrator's e-mail address, at most {n} per hour; the current one keeps working until you use the new one. This page answers the same whether or not the head number exists.",
    forgot_password_sent: "Request accepted: the new password goes to the administrator's e-mail address (at most {n} per hour).",
    forgot_sent_uniform: "Request accepted. If the number exists, a mail is on its way.",
    staff_login_title: "Staff and partner login",
    staff_name: "Login name",
    staff_title: "Staff view",
    staff_logged_in: "Logged in as",
    role_staff: "staff",
    role_partner: "partner",
    role_trained: "partner with technical training",
    preview_switch: "Switch preview mode below.",
    preview_none: "Your role has no preview switch.",
    preview_on: "Preview: yes",
    preview_off: "Preview: no",
    col_time: "Time",
    col_to: "To",
    col_subject: "Subject",
    col_text: "Text",
    col_kind: "Kind",
};
