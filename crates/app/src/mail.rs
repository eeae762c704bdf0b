//! Email: how it leaves Brygga (SMTP through lettre, configurable), the worker that sends queued
//! email jobs once across any number of instances, and the test email an admin sends.

use std::time::Duration;

use base64::Engine as _;
use brygga_i18n::I18n;
use brygga_store::jobs::{Job, OutgoingEmail};
use brygga_store::{Actor, Store};
use lettre::message::header::{ContentDisposition, ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::{App, Error, Result};

/// How email leaves Brygga.
#[derive(Clone)]
pub struct MailSettings {
    /// `smtp://host:port` (plain; `?tls=opportunistic` for STARTTLS when the server offers it,
    /// `?tls=required` to insist), `smtps://…` (TLS); user and password in the URL. `None`:
    /// email stays queued and the admin's queue page says that no SMTP server is configured.
    pub smtp_url: Option<String>,
    /// The sender, e.g. `Brygga <noreply@example.org>`.
    pub from: String,
    /// The address people reach Brygga at, for links in email.
    pub public_url: String,
    /// How long the worker sleeps when the queue has nothing due.
    pub poll_interval: Duration,
    /// How long a claimed job is the worker's before another instance may take it over; longer
    /// than any one send (see `timeout`).
    pub lease: Duration,
    /// The wait before the next try after each failed one (the last value repeats).
    pub backoff: Vec<Duration>,
    /// The limit on each SMTP connection and command.
    pub timeout: Duration,
}

impl Default for MailSettings {
    fn default() -> Self {
        MailSettings {
            smtp_url: None,
            from: "Brygga <noreply@brygga.invalid>".into(),
            public_url: "http://127.0.0.1:8080".into(),
            poll_interval: Duration::from_secs(5),
            lease: Duration::from_secs(5 * 60),
            backoff: brygga_store::jobs::BACKOFF.to_vec(),
            timeout: Duration::from_secs(30),
        }
    }
}

/// The SMTP URL holds a password: never printed.
impl std::fmt::Debug for MailSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailSettings")
            .field("smtp_url", &self.smtp_url.as_ref().map(|_| "<set>"))
            .field("from", &self.from)
            .field("public_url", &self.public_url)
            .field("poll_interval", &self.poll_interval)
            .field("lease", &self.lease)
            .field("backoff", &self.backoff)
            .field("timeout", &self.timeout)
            .finish()
    }
}

// ------------------------------------------------------------------ the worker

/// Start the worker that sends queued email until the runtime stops (or the handle is aborted).
/// Without an SMTP URL it returns at once and claims nothing, so email stays queued. Any number
/// of workers, in one process or many, may run against one database: each job is sent once.
pub fn spawn(store: Store, settings: MailSettings) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let Some(url) = settings.smtp_url.clone() else {
            tracing::info!("no SMTP server configured: email stays queued");
            return;
        };
        // A bad URL is not fatal to the app: every job fails with the reason, for the admin.
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&url)
            .map(|b| b.timeout(Some(settings.timeout)).build())
            .map_err(|e| format!("the SMTP URL is not usable: {}", chain(&e)));
        let worker = format!(
            "mailer-{}-{}",
            std::process::id(),
            uuid::Uuid::new_v4().simple()
        );
        loop {
            match store.job_claim_next(&worker, settings.lease).await {
                Ok(Some(job)) => run(&store, &settings, &transport, &worker, job).await,
                Ok(None) => tokio::time::sleep(settings.poll_interval).await,
                Err(e) => {
                    tracing::warn!("email queue: cannot claim a job: {e}");
                    tokio::time::sleep(settings.poll_interval).await;
                }
            }
        }
    })
}

/// Send one claimed job and record how it went.
async fn run(
    store: &Store,
    settings: &MailSettings,
    transport: &Result<AsyncSmtpTransport<Tokio1Executor>, String>,
    worker: &str,
    job: Job,
) {
    let sent = match (&job.email, transport) {
        (_, Err(e)) => Err(e.clone()),
        (None, _) => Err(format!("job kind {:?}: no email to send", job.kind)),
        (Some(email), Ok(t)) => match message(&settings.from, email) {
            Ok(m) => t.send(m).await.map(|_| ()).map_err(|e| chain(&e)),
            Err(e) => Err(e),
        },
    };
    let recorded = match &sent {
        Ok(()) => store.job_complete(job.id, worker).await,
        Err(e) => {
            tracing::warn!(
                "email job {} failed (attempt {}): {e}",
                job.id,
                job.attempts
            );
            store.job_fail(job.id, worker, e, &settings.backoff).await
        }
    };
    match recorded {
        Ok(true) => {}
        Ok(false) => tracing::warn!(
            "email job {}: the lease ran out before the result was recorded",
            job.id
        ),
        Err(e) => tracing::error!("email job {}: cannot record the result: {e}", job.id),
    }
}

/// An error with its causes, as the admin reads it on the queue page.
fn chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = s.source();
    }
    out
}

/// The MIME message: UTF-8 text, each attachment with its own content type, all base64 so that
/// any server takes it (no 8BITMIME needed).
pub fn message(from: &str, email: &OutgoingEmail) -> Result<Message, String> {
    let from: Mailbox = from
        .parse()
        .map_err(|e| format!("the sender {from:?} is not an address: {e}"))?;
    let mut builder = Message::builder().from(from).subject(email.subject.clone());
    for to in &email.to {
        let to: Mailbox = to
            .parse()
            .map_err(|e| format!("the recipient {to:?} is not an address: {e}"))?;
        builder = builder.to(to);
    }
    let text = SinglePart::builder()
        .header(ContentType::TEXT_PLAIN)
        .header(ContentTransferEncoding::Base64)
        .body(email.text.clone());
    let built = if email.attachments.is_empty() {
        builder.singlepart(text)
    } else {
        let mut parts = MultiPart::mixed().singlepart(text);
        for a in &email.attachments {
            let content_type = ContentType::parse(&a.content_type)
                .map_err(|e| format!("{}: content type {:?}: {e}", a.filename, a.content_type))?;
            let data = base64::engine::general_purpose::STANDARD
                .decode(a.data_base64.as_bytes())
                .map_err(|e| format!("{}: the attachment is not base64: {e}", a.filename))?;
            parts = parts.singlepart(
                SinglePart::builder()
                    .header(content_type)
                    .header(ContentDisposition::attachment(&a.filename))
                    .header(ContentTransferEncoding::Base64)
                    .body(data),
            );
        }
        builder.multipart(parts)
    };
    built.map_err(|e| format!("the message cannot be built: {e}"))
}

/// Queue a test email to the admin's own address, in the admin's language; an account without
/// an address is a form error (`jobs-test-no-address`).
pub async fn send_test(app: &App, actor: &Actor, i18n: I18n) -> Result<i32> {
    let email = OutgoingEmail {
        to: vec![actor.email().to_string()],
        subject: i18n.t("mail-test-subject"),
        text: i18n.t1("mail-test-body", "url", &app.mail.public_url),
        attachments: vec![],
    };
    match app.store.email_enqueue(actor, &email).await {
        Ok(id) => Ok(id),
        Err(brygga_store::StoreError::Invalid(_)) => {
            Err(Error::Invalid(brygga_domain::FieldErrors(vec![
                brygga_domain::FieldError::new(
                    brygga_domain::FieldError::FORM,
                    "jobs-test-no-address",
                ),
            ])))
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use brygga_store::jobs::Attachment;

    fn invitation() -> OutgoingEmail {
        OutgoingEmail {
            to: vec!["amina@example.org".into()],
            subject: "Inbjudan till intervju – Kök".into(),
            text: "Välkommen!".into(),
            attachments: vec![Attachment {
                filename: "intervju.ics".into(),
                content_type: "text/calendar; method=REQUEST; charset=utf-8".into(),
                data_base64: "QkVHSU46VkNBTEVOREFS".into(),
            }],
        }
    }

    #[test]
    fn the_settings_never_print_the_smtp_password() {
        let s = MailSettings {
            smtp_url: Some("smtps://brygga:hemligt-losen@smtp.example.org".into()),
            ..MailSettings::default()
        };
        let printed = format!("{s:?}");
        assert!(!printed.contains("hemligt"), "{printed}");
        assert!(printed.contains("<set>"));
    }

    #[test]
    fn an_invitation_becomes_text_plus_a_calendar_request() {
        let raw = String::from_utf8(
            message("Brygga <noreply@example.org>", &invitation())
                .unwrap()
                .formatted(),
        )
        .unwrap();
        assert!(raw.contains("multipart/mixed"), "{raw}");
        assert!(
            raw.contains("Content-Type: text/calendar; method=REQUEST; charset=utf-8"),
            "{raw}"
        );
        assert!(raw.contains("filename=\"intervju.ics\""), "{raw}");
    }

    #[test]
    fn a_bad_address_or_attachment_is_a_reason_for_the_admin_not_a_panic() {
        let bad_to = OutgoingEmail {
            to: vec!["inte en adress".into()],
            ..invitation()
        };
        let e = message("noreply@example.org", &bad_to).unwrap_err();
        assert!(e.contains("inte en adress"), "{e}");
        let e = message("ingen avsändare", &invitation()).unwrap_err();
        assert!(e.contains("ingen avsändare"), "{e}");
        let mut bad_file = invitation();
        bad_file.attachments[0].data_base64 = "!!!".into();
        let e = message("noreply@example.org", &bad_file).unwrap_err();
        assert!(e.contains("intervju.ics"), "{e}");
        let mut bad_type = invitation();
        bad_type.attachments[0].content_type = "inte/en typ/alls".into();
        assert!(message("noreply@example.org", &bad_type).is_err());
    }
}
