//! Carrying out the core's effects on this machine: mail into the `outbox` table, phone
//! and voicemail work into the `events` table. Called inside the write's transaction, so
//! an effect exists exactly when its state change was stored.

use pbx_rules::{AccountRef, Effect, SecretPurpose};
use rusqlite::{Transaction, params};

/// Records one effect.
pub(crate) fn record(tx: &Transaction<'_>, effect: &Effect, at: &str) -> rusqlite::Result<()> {
    match effect {
        Effect::SendSecret {
            to,
            purpose,
            secret,
        } => {
            // The demo's point: the mailed secret is readable on the outbox page.
            let body = format!("{}: {}", secret_label(*purpose), secret.expose());
            mail(tx, at, to, subject(*purpose), &body)
        }
        Effect::NotifyAdminNoUserEmail { extension } => mail(
            tx,
            at,
            "admin contact",
            "Keine E-Mail-Adresse / no e-mail address",
            &format!("Extension {extension} asked for a new PIN but has no e-mail address."),
        ),
        Effect::NotifyCredentialChanged { account, how } => {
            let who = match account {
                AccountRef::Admin => "admin".to_owned(),
                AccountRef::Extension(d) => format!("extension {d}"),
            };
            mail(
                tx,
                at,
                &who,
                "Zugangsdaten geändert / credentials changed",
                &format!("{how:?}"),
            )
        }
        // The PIN itself never leaves the effect: the event says only that it was synced.
        Effect::SyncPin { extension, .. } => event(tx, at, "sync_pin", extension.as_str()),
        Effect::RestartPhone { extension } => event(tx, at, "restart_phone", extension.as_str()),
        // Debug of an effect never shows a secret (F9).
        other => event(tx, at, "other", &format!("{other:?}")),
    }
}

fn mail(
    tx: &Transaction<'_>,
    at: &str,
    to: &str,
    subject: &str,
    body: &str,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO outbox (at, recipient, subject, body) VALUES (?1, ?2, ?3, ?4)",
        params![at, to, subject, body],
    )
    .map(drop)
}

fn event(tx: &Transaction<'_>, at: &str, kind: &str, subject: &str) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO events (at, kind, subject) VALUES (?1, ?2, ?3)",
        params![at, kind, subject],
    )
    .map(drop)
}

fn subject(purpose: SecretPurpose) -> &'static str {
    match purpose {
        SecretPurpose::PasswordReset => "Neues Kennwort / new password",
        SecretPurpose::PinReset => "Neue PIN / new PIN",
        SecretPurpose::ExtendedRightsCode => "Bestätigungscode / confirmation code",
        SecretPurpose::InitialPin => "Ihre PIN / your PIN",
    }
}

fn secret_label(purpose: SecretPurpose) -> &'static str {
    match purpose {
        SecretPurpose::PasswordReset => "Kennwort / password",
        SecretPurpose::ExtendedRightsCode => "Code",
        _ => "PIN",
    }
}
