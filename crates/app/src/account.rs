//! Accounts for the people in the records: invite a person to a login from their record, send
//! a password reset, and use the one-time link either sends. The email goes through the job
//! queue in the same transaction as the link, in the recipient's language; when no SMTP server
//! is configured the link is also handed back to be shown on screen, so the inviter can pass
//! it on another way.

use brygga_domain::account::TokenPurpose;
use brygga_i18n::{I18n, Lang};
use brygga_store::Actor;
use brygga_store::invitation::{InviteInput, Issued, Mailing};
use brygga_store::jobs::OutgoingEmail;

use crate::mail::MailSettings;
use crate::{App, Result};

/// A link just sent.
#[derive(Debug, Clone)]
pub struct Sent {
    pub id: i32,
    pub email: String,
    pub expires_at: chrono::DateTime<chrono::Utc>,
    /// The link itself, when no email can leave (no SMTP server configured): to copy from the
    /// screen. `None` when it went by email only.
    pub link: Option<String>,
}

/// The address of a one-time link.
pub fn link_url(mail: &MailSettings, token: &str) -> String {
    format!(
        "{}/invitation/{token}",
        mail.public_url.trim_end_matches('/')
    )
}

fn sent(app: &App, issued: Issued) -> Sent {
    Sent {
        id: issued.id,
        link: app
            .mail
            .smtp_url
            .is_none()
            .then(|| link_url(&app.mail, &issued.token)),
        email: issued.email,
        expires_at: issued.expires_at,
    }
}

/// The email that carries a link, in the recipient's language.
pub fn email(mail: &MailSettings, m: &Mailing) -> OutgoingEmail {
    let i18n = I18n::new(Lang::parse(&m.lang).unwrap_or_default());
    let (subject, body) = match m.purpose {
        TokenPurpose::Invite => ("account-mail-invite-subject", "account-mail-invite-body"),
        TokenPurpose::Reset => ("account-mail-reset-subject", "account-mail-reset-body"),
    };
    let text = [
        i18n.t1("account-mail-greeting", "name", &m.name),
        String::new(),
        i18n.t(body),
        String::new(),
        link_url(mail, &m.token),
        String::new(),
        i18n.t1(
            "account-mail-expires",
            "date",
            crate::interview::local_time(m.expires_at),
        ),
        i18n.t("account-mail-ignore"),
    ]
    .join("\n");
    OutgoingEmail {
        to: vec![m.email.clone()],
        subject: i18n.t(subject),
        text,
        attachments: vec![],
    }
}

/// Invite a person to a login (see `Store::invitation_create`).
pub async fn invite(app: &App, actor: &Actor, input: &InviteInput<'_>) -> Result<Sent> {
    let issued = app
        .store
        .invitation_create(actor, input, &|m| email(&app.mail, m))
        .await?;
    Ok(sent(app, issued))
}

/// Send a user a password-reset link (administrators; see `Store::password_reset_issue`).
pub async fn send_reset(app: &App, actor: &Actor, user_id: i32, lang: Lang) -> Result<Sent> {
    let issued = app
        .store
        .password_reset_issue(actor, user_id, lang.code(), &|m| email(&app.mail, m))
        .await?;
    Ok(sent(app, issued))
}

// ------------------------------------------------------------------ the language of a login

/// Whether the actor's language goes with her login, from device to device, and holds on all
/// her pages (a participant's does); staff pages are Swedish or English.
pub fn keeps_language(actor: &Actor) -> bool {
    actor.role() == brygga_domain::model::Role::Participant
}

/// The language of the actor's pages, given what this browser chose.
pub fn page_language(actor: &Actor, chosen: Lang) -> Lang {
    if keeps_language(actor) {
        chosen
    } else {
        chosen.staff()
    }
}

/// A language chosen in the browser while logged in: kept with a participant's login (her
/// e-mail and her next device follow it).
pub async fn language_chosen(app: &App, actor: &Actor, lang: Lang) -> Result<()> {
    if keeps_language(actor) {
        app.store.user_lang_set(actor, lang.code()).await?;
    }
    Ok(())
}

/// At login, the language this browser should switch to, if any: a participant's chosen on this
/// device's login page is kept with her login; otherwise her login's language follows her here.
pub async fn language_at_login(app: &App, actor: &Actor, chosen: Lang) -> Result<Option<Lang>> {
    if !keeps_language(actor) {
        return Ok(None);
    }
    let (_, stored) = app.store.notification_settings(actor).await?;
    if chosen != Lang::default() && chosen.code() != stored {
        app.store.user_lang_set(actor, chosen.code()).await?;
        return Ok(None);
    }
    Ok(Lang::parse(&stored))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn mailing(purpose: TokenPurpose, lang: &str) -> Mailing {
        Mailing {
            purpose,
            token: "abc123".into(),
            email: "sara@kocken.se".into(),
            name: "Sara".into(),
            lang: lang.into(),
            expires_at: chrono::DateTime::parse_from_rfc3339("2026-03-09T09:00:00Z")
                .unwrap()
                .into(),
        }
    }

    #[test]
    fn the_email_carries_the_link_and_its_expiry_in_the_recipients_language() {
        let mail = MailSettings {
            public_url: "https://brygga.example.org/".into(),
            ..MailSettings::default()
        };
        let sv = email(&mail, &mailing(TokenPurpose::Invite, "sv"));
        assert!(
            sv.text
                .contains("https://brygga.example.org/invitation/abc123"),
            "{}",
            sv.text
        );
        assert!(sv.text.contains("2026-03-09 10:00"), "{}", sv.text);
        assert!(sv.text.contains("Hej"), "{}", sv.text);
        let en = email(&mail, &mailing(TokenPurpose::Reset, "en"));
        assert!(en.text.contains("Hello"), "{}", en.text);
        assert_ne!(sv.subject, en.subject);
        assert_eq!(en.to, vec!["sara@kocken.se".to_string()]);
    }
}
