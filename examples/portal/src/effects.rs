//! Carrying out the core's effects: mail into the `outbox` table (sent over SMTP outside the
//! demo, see `mail.rs`), phone and voicemail work into the `events` table. Called inside
//! the write's transaction, so an effect exists exactly when its state change was stored.
//! Mail is written in German and English: the portal does not know a recipient's language.

use chrono::{DateTime, Utc};
use pbx_rules::{
    AccountRef, ChangeKind, Effect, ExtensionMasterData, Json, PbxMasterData, SecretPurpose,
};
use sqlx::{Any, Row, Transaction};

/// Whether the effect is a mail (the sender is woken after the commit).
pub(crate) fn is_mail(effect: &Effect) -> bool {
    matches!(
        effect,
        Effect::SendSecret { .. }
            | Effect::NotifyAdminNoUserEmail { .. }
            | Effect::NotifyCredentialChanged { .. }
    )
}

/// Records one effect.
pub(crate) async fn record(
    tx: &mut Transaction<'static, Any>,
    effect: &Effect,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let at = now.to_rfc3339();
    match effect {
        Effect::SendSecret {
            to,
            purpose,
            secret,
        } => {
            let (subject, de, en) = secret_texts(*purpose);
            // The secret goes into the mail only; the sender blanks it once handed over.
            let body = format!("{de}: {s}\n\n{en}: {s}\n", s = secret.expose());
            mail(tx, &at, to, subject, &body).await
        }
        Effect::NotifyAdminNoUserEmail { extension } => {
            let body = format!(
                "Die Nebenstelle {extension} hat eine neue PIN angefordert, hat aber keine E-Mail-Adresse.\n\n\
                 Extension {extension} asked for a new PIN but has no e-mail address.\n"
            );
            match admin_email(tx).await? {
                Some(to) => {
                    mail(
                        tx,
                        &at,
                        &to,
                        "Keine E-Mail-Adresse / No e-mail address",
                        &body,
                    )
                    .await
                }
                None => event(tx, &at, "no_admin_email", extension.as_str()).await,
            }
        }
        Effect::NotifyCredentialChanged { account, how } => {
            let (to, who) = match account {
                AccountRef::Admin => (admin_email(tx).await?, "admin".to_owned()),
                AccountRef::Extension(d) => (extension_email(tx, d.as_str()).await?, d.to_string()),
            };
            let (de, en) = change_texts(*how);
            match to {
                Some(to) => {
                    let body = format!("{de}\n\n{en}\n");
                    mail(
                        tx,
                        &at,
                        &to,
                        "Zugangsdaten geändert / Credentials changed",
                        &body,
                    )
                    .await
                }
                None => event(tx, &at, "credential_changed", &who).await,
            }
        }
        // The PIN itself never leaves the effect: the event says only that it was synced.
        Effect::SyncPin { extension, .. } => event(tx, &at, "sync_pin", extension.as_str()).await,
        Effect::RestartPhone { extension } => {
            event(tx, &at, "restart_phone", extension.as_str()).await
        }
        // Debug of an effect never shows a secret (F9).
        other => event(tx, &at, "other", &format!("{other:?}")).await,
    }
}

/// A mail row, to be sent.
pub(crate) async fn mail(
    tx: &mut Transaction<'static, Any>,
    at: &str,
    to: &str,
    subject: &str,
    body: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO outbox (at, recipient, subject, body) VALUES ($1, $2, $3, $4)")
        .bind(at)
        .bind(to)
        .bind(subject)
        .bind(body)
        .execute(&mut **tx)
        .await
        .map(drop)
}

async fn event(
    tx: &mut Transaction<'static, Any>,
    at: &str,
    kind: &str,
    subject: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO events (at, kind, subject) VALUES ($1, $2, $3)")
        .bind(at)
        .bind(kind)
        .bind(subject)
        .execute(&mut **tx)
        .await
        .map(drop)
}

async fn state(
    tx: &mut Transaction<'static, Any>,
    table: &'static str,
    key: &str,
) -> Result<Option<String>, sqlx::Error> {
    let sql = if table == "pbx" {
        "SELECT state FROM pbx WHERE key = $1"
    } else {
        "SELECT state FROM extensions WHERE key = $1"
    };
    let row = sqlx::query(sql).bind(key).fetch_optional(&mut **tx).await?;
    row.map(|r| r.try_get(0)).transpose()
}

async fn admin_email(tx: &mut Transaction<'static, Any>) -> Result<Option<String>, sqlx::Error> {
    let json = state(tx, "pbx", "pbx").await?;
    Ok(json
        .and_then(|j| PbxMasterData::from_json(&j).ok())
        .and_then(|p| p.admin_email))
}

async fn extension_email(
    tx: &mut Transaction<'static, Any>,
    digits: &str,
) -> Result<Option<String>, sqlx::Error> {
    let json = state(tx, "extensions", digits).await?;
    Ok(json
        .and_then(|j| ExtensionMasterData::from_json(&j).ok())
        .and_then(|m| m.email))
}

/// Subject, and the label of the secret in German and English.
fn secret_texts(purpose: SecretPurpose) -> (&'static str, &'static str, &'static str) {
    match purpose {
        SecretPurpose::PasswordReset => (
            "Neues Kennwort / New password",
            "Ihr neues Kennwort",
            "Your new password",
        ),
        SecretPurpose::PinReset => ("Neue PIN / New PIN", "Ihre neue PIN", "Your new PIN"),
        SecretPurpose::ExtendedRightsCode => (
            "Bestätigungscode / Confirmation code",
            "Ihr Bestätigungscode",
            "Your confirmation code",
        ),
    }
}

fn change_texts(how: ChangeKind) -> (&'static str, &'static str) {
    match how {
        ChangeKind::ChangedByOwner => (
            "Ihre Zugangsdaten wurden von Ihnen geändert.",
            "You changed your credentials.",
        ),
        ChangeKind::SetByAdmin => (
            "Ihre Zugangsdaten wurden vom Administrator neu gesetzt.",
            "The administrator set new credentials for you.",
        ),
        ChangeKind::Reset => (
            "Ihre Zugangsdaten wurden über „vergessen“ ersetzt.",
            "Your credentials were replaced through a forgot request.",
        ),
    }
}
