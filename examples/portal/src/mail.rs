//! Sending the outbox over SMTP (production mode): lettre's async transport, configured
//! by one URL (`smtp://host:port` plain, `smtp://host:587?tls=required` with STARTTLS,
//! `smtps://user:password@host:465`). Each instance's sender claims unsent mail row by
//! row (one instance gets each row), hands it to the server, then marks it sent and
//! blanks its text, so the secret it carried does not stay in the database. A failure
//! leaves the row to be claimed again later: mail is retried from the table until sent.
//! Nothing about a mail's content reaches the log, only its row number.

use std::time::Duration;

use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::watch;

use crate::App;
use crate::db::Mail;
use crate::edge::PortalError;

/// How long a claim holds a row while its mail is being handed over (Unix seconds).
const CLAIM_SECS: i64 = 60;
/// The longest wait before a failed mail is tried again.
const MAX_RETRY_SECS: i64 = 300;

/// Where and as whom the portal mails.
#[derive(Clone, Debug)]
pub struct SmtpConfig {
    /// The server, as lettre's URL.
    pub url: String,
    /// The sender address.
    pub from: String,
}

/// The transport of a configuration.
///
/// # Errors
/// A URL or sender lettre cannot read.
pub fn transport(
    config: &SmtpConfig,
) -> Result<(AsyncSmtpTransport<Tokio1Executor>, Mailbox), String> {
    let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&config.url)
        .map_err(|e| format!("the SMTP URL is not usable: {e}"))?
        .timeout(Some(Duration::from_secs(10)))
        .build();
    let from = config
        .from
        .parse::<Mailbox>()
        .map_err(|e| format!("the sender address is not usable: {e}"))?;
    Ok((transport, from))
}

/// Sends the outbox until `stop` turns true: whenever a transaction stored mail, and
/// every second for retries and for mail stored by other instances.
pub async fn run(
    app: App,
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        if let Err(e) = send_pending(&app, &transport, &from).await {
            tracing::warn!(code = e.code(), "the outbox could not be read");
        }
        tokio::select! {
            () = app.mail_ready.notified() => {}
            () = tokio::time::sleep(Duration::from_secs(1)) => {}
            _ = stop.changed() => return,
        }
    }
}

/// Sends every mail that can be claimed now.
async fn send_pending(
    app: &App,
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
) -> Result<(), PortalError> {
    loop {
        let now = app.now().timestamp();
        let Some(mail) = app.db.claim_mail(now, now + CLAIM_SECS).await? else {
            return Ok(());
        };
        match send(transport, from, &mail).await {
            Ok(()) => {
                app.db.mail_sent(mail.id, app.now().timestamp()).await?;
                tracing::info!(mail = mail.id, "mail sent");
            }
            Err(reason) => {
                let wait = (5 * mail.attempts).clamp(5, MAX_RETRY_SECS);
                app.db.mail_failed(mail.id, now + wait).await?;
                tracing::warn!(
                    mail = mail.id,
                    attempt = mail.attempts,
                    retry_in_secs = wait,
                    reason,
                    "mail not sent"
                );
            }
        }
    }
}

/// Hands one mail to the server; the reason of a failure names no content.
async fn send(
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
    mail: &Mail,
) -> Result<(), &'static str> {
    let to = mail
        .recipient
        .parse::<Mailbox>()
        .map_err(|_| "recipient address not usable")?;
    // One Message-ID per outbox row: a retry after a lost answer repeats it, so the
    // receiving side can tell the mail is the same.
    let id = format!("<outbox-{}@{}>", mail.id, from.email.domain());
    let message = Message::builder()
        .message_id(Some(id))
        .from(from.clone())
        .to(to)
        .subject(mail.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(mail.body.clone())
        .map_err(|_| "message not buildable")?;
    transport.send(message).await.map(drop).map_err(|e| {
        if e.is_permanent() {
            "refused by the server"
        } else if e.is_transient() {
            "deferred by the server"
        } else {
            "server unreachable"
        }
    })
}
