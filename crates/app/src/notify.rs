//! E-mail notifications: the to-do digest. What each user must act on (the home page's list) is
//! mailed when something new appears in it, once, through the job queue; a user can turn it off
//! on their account page. Run periodically by `brygga serve` (any number of instances).

use brygga_i18n::{I18n, Lang};
use brygga_store::jobs::OutgoingEmail;
use brygga_store::todo::Todo;
use chrono::{DateTime, Utc};

use crate::{App, Result};

/// Queue a digest for every user whose to-do list names something their last digest did not.
/// Returns how many were queued.
pub async fn queue_digests(app: &App, now: DateTime<Utc>) -> Result<usize> {
    let mut queued = 0;
    for r in app.store.digest_recipients().await? {
        let Some(actor) = app.store.actor(r.user_id).await? else {
            continue;
        };
        let mut todo = app.store.todo(&actor, now).await?;
        todo.retain(|t| t.mail);
        let entries: Vec<String> = todo
            .iter()
            .flat_map(|t| t.entries.iter().map(|e| e.id.clone()))
            .collect();
        let previous = app.store.digest_sent(r.user_id).await?;
        if entries == previous {
            continue;
        }
        let fresh: Vec<&Todo> = todo
            .iter()
            .filter(|t| t.entries.iter().any(|e| !previous.contains(&e.id)))
            .collect();
        let lang = Lang::parse(&r.lang).unwrap_or_default();
        let email = (!fresh.is_empty()).then(|| digest(app, &r.email, lang, &fresh, &previous));
        if app
            .store
            .digest_record(r.user_id, &previous, &entries, email.as_ref())
            .await?
            && email.is_some()
        {
            queued += 1;
        }
    }
    Ok(queued)
}

/// The digest's text: each kind with something new, its new entries as links.
fn digest(app: &App, to: &str, lang: Lang, fresh: &[&Todo], previous: &[String]) -> OutgoingEmail {
    let i18n = I18n::new(lang);
    let base = app.mail.public_url.trim_end_matches('/');
    let mut text = format!("{}\n\n", i18n.t("todo-mail-intro"));
    for t in fresh {
        text.push_str(&i18n.t1(&t.key, "count", t.count));
        text.push('\n');
        for e in t.entries.iter().filter(|e| !previous.contains(&e.id)) {
            text.push_str(&format!("  – {}: {base}{}\n", e.label, e.link));
        }
        text.push('\n');
    }
    text.push_str(&i18n.t("todo-mail-opt-out"));
    text.push_str(&format!(" {base}/account/notifications\n"));
    OutgoingEmail {
        to: vec![to.to_string()],
        subject: i18n.t("todo-mail-subject"),
        text,
        attachments: vec![],
    }
}

/// How often the digest looks for something new.
pub const DIGEST_EVERY: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Queue digests and reminders every `DIGEST_EVERY`, the first a period after start (a restart
/// sends nothing at once), until the runtime stops (or the handle is aborted).
pub fn spawn(app: App) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(DIGEST_EVERY).await;
            if let Err(e) = queue_digests(&app, Utc::now()).await {
                tracing::warn!("to-do digest: {e}");
            }
            if let Err(e) = crate::meeting::queue_reminders(&app, crate::today()).await {
                tracing::warn!("meeting reminders: {e}");
            }
            if let Err(e) = crate::event::queue_reminders(&app, crate::today()).await {
                tracing::warn!("event reminders: {e}");
            }
            if let Err(e) = crate::survey::queue(&app, crate::today()).await {
                tracing::warn!("follow-up surveys: {e}");
            }
        }
    })
}
