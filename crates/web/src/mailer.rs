//! The email worker (SMTP through lettre, configurable) that sends queued email jobs, and the
//! admin's page of the queue with failed sends and retries.

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
}

/// How email leaves Brygga.
#[derive(Clone, Debug)]
pub struct MailSettings {
    /// `smtp://host:port` (plain, or STARTTLS when the server offers it), `smtps://…` (TLS);
    /// user and password in the URL. `None`: email stays queued and the admin's queue page says
    /// that no SMTP server is configured.
    pub smtp_url: Option<String>,
    /// The sender, e.g. `Brygga <noreply@example.org>`.
    pub from: String,
    /// The address people reach Brygga at, for links in email.
    pub public_url: String,
}

impl Default for MailSettings {
    fn default() -> Self {
        MailSettings {
            smtp_url: None,
            from: "Brygga <noreply@brygga.invalid>".into(),
            public_url: "http://127.0.0.1:8080".into(),
        }
    }
}
