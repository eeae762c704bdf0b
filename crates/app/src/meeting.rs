//! Follow-up meetings: booking one (invitations with a calendar file to everyone invited, queued
//! with the booking), moving and cancelling it (the same calendar UID, so calendars update),
//! notes and actions, and the reminders the day before a meeting and on an action's due date.

use base64::Engine as _;
use brygga_domain::calendar::utc_to_stockholm;
use brygga_domain::meeting::{ActionDraft, MeetingDraft, NoteDraft};
use brygga_i18n::{I18n, Lang};
use brygga_store::Actor;
use brygga_store::jobs::{Attachment, OutgoingEmail};
use brygga_store::meeting::{
    Invitee, MeetingInvitation, MeetingSummary, Reminder, RemindersQueued,
};

use crate::calendar_invite::{Invite, Person, from_address, host};
use crate::mail::MailSettings;
use crate::{App, Result};

/// Book a meeting about a participant; the invitations are queued in the same transaction.
pub async fn book(
    app: &App,
    actor: &Actor,
    participant_id: i32,
    draft: &MeetingDraft,
) -> Result<i32> {
    let input = draft.validate(chrono::Utc::now(), true)?;
    let c = Composer::new(&app.mail);
    Ok(app
        .store
        .meeting_book(actor, participant_id, &input, &|m, to| {
            Some(c.invitation(m, to))
        })
        .await?)
}

/// Move a meeting read at `version` (kind, times, place, link); everyone invited gets the
/// update. The invitees stay as booked.
pub async fn reschedule(
    app: &App,
    actor: &Actor,
    meeting_id: i32,
    version: i32,
    draft: &MeetingDraft,
) -> Result<()> {
    let input = draft.validate(chrono::Utc::now(), false)?;
    let c = Composer::new(&app.mail);
    Ok(app
        .store
        .meeting_update(actor, meeting_id, version, &input, &|m, to| {
            Some(c.invitation(m, to))
        })
        .await?)
}

/// Cancel a meeting read at `version`; everyone invited gets a calendar CANCEL.
pub async fn cancel(app: &App, actor: &Actor, meeting_id: i32, version: i32) -> Result<()> {
    let c = Composer::new(&app.mail);
    Ok(app
        .store
        .meeting_cancel(actor, meeting_id, version, &|m, to| {
            Some(c.invitation(m, to))
        })
        .await?)
}

/// Write a note after the meeting.
pub async fn add_note(app: &App, actor: &Actor, meeting_id: i32, draft: &NoteDraft) -> Result<i32> {
    let input = draft.validate()?;
    Ok(app
        .store
        .meeting_note_add(actor, meeting_id, &input)
        .await?)
}

/// Agree an action (checked against the meeting's day and its invitees by the store).
pub async fn add_action(
    app: &App,
    actor: &Actor,
    meeting_id: i32,
    draft: &ActionDraft,
) -> Result<i32> {
    Ok(app
        .store
        .meeting_action_add(actor, meeting_id, draft)
        .await?)
}

/// Mark an action done; returns its meeting's id.
pub async fn mark_done(app: &App, actor: &Actor, action_id: i32, version: i32) -> Result<i32> {
    Ok(app
        .store
        .meeting_action_done(actor, action_id, version)
        .await?)
}

/// Queue the reminders due on `today` (Stockholm): the day before each meeting, to everyone
/// invited, and on each open action's due date, to its owner. Each goes out once, however often
/// this runs (the worker may call it every few minutes).
pub async fn queue_reminders(app: &App, today: chrono::NaiveDate) -> Result<RemindersQueued> {
    let c = Composer::new(&app.mail);
    Ok(app.store.reminders_queue(today, &|r| c.reminder(r)).await?)
}

/// A time as Swedish local time for display.
pub fn local_time(t: chrono::DateTime<chrono::Utc>) -> String {
    utc_to_stockholm(t).format("%Y-%m-%d %H:%M").to_string()
}

/// Writes meeting e-mail in Swedish (Brygga's default) with the English below, as the
/// interview invitations do.
struct Composer {
    host: String,
    from_email: String,
    public_url: String,
}

impl Composer {
    fn new(mail: &MailSettings) -> Self {
        Composer {
            host: host(mail),
            from_email: from_address(mail),
            public_url: mail.public_url.trim_end_matches('/').to_string(),
        }
    }

    fn both(&self, body: impl Fn(&I18n) -> String) -> String {
        format!(
            "{}\n\n-- English --\n\n{}",
            body(&I18n::new(Lang::Sv)),
            body(&I18n::new(Lang::En))
        )
    }

    fn when(i18n: &I18n, m: &MeetingSummary) -> String {
        let mut out = format!(
            "{}: {} – {} ({})\n",
            i18n.t("meeting-when"),
            local_time(m.starts_at),
            utc_to_stockholm(m.ends_at).format("%H:%M"),
            i18n.t("meeting-swedish-time"),
        );
        if !m.location.is_empty() {
            out.push_str(&format!("{}: {}\n", i18n.t("field-location"), m.location));
        }
        if !m.meeting_link.is_empty() {
            out.push_str(&format!(
                "{}: {}\n",
                i18n.t("field-meeting_link"),
                m.meeting_link
            ));
        }
        out
    }

    fn invitation(&self, inv: &MeetingInvitation, to: &Invitee) -> OutgoingEmail {
        let m = &inv.meeting;
        let sv = I18n::new(Lang::Sv);
        let kind = |i18n: &I18n| i18n.t(&m.kind.label_key());
        let intro = if inv.cancelled {
            "meeting-mail-cancelled-intro"
        } else if inv.sequence > 0 {
            "meeting-mail-moved-intro"
        } else {
            "meeting-mail-intro"
        };
        let text = self.both(|i18n| {
            let mut out = format!(
                "{}\n\n{}\n\n{}",
                i18n.t1("meeting-mail-greeting", "name", &to.name),
                i18n.t1(intro, "kind", kind(i18n)),
                Self::when(i18n, m),
            );
            out.push_str(&format!("{}:\n", i18n.t("meeting-invitees")));
            for x in &inv.invitees {
                out.push_str(&format!("- {} ({})\n", x.name, i18n.t(&x.role.label_key())));
            }
            if to.user_id.is_some() && !inv.cancelled {
                out.push_str(&format!(
                    "\n{}: {}/meetings/{}\n",
                    i18n.t("meeting-mail-link"),
                    self.public_url,
                    m.id
                ));
            }
            out
        });
        let subject_key = if inv.cancelled {
            "meeting-mail-cancelled-subject"
        } else {
            "meeting-mail-subject"
        };
        let invite = Invite {
            uid: format!("meeting-{}@{}", m.id, self.host),
            sequence: inv.sequence,
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            summary: kind(&sv),
            location: m.location.clone(),
            url: m.meeting_link.clone(),
            organizer: Person {
                name: m.organizer_name.clone(),
                email: if inv.organizer_email.is_empty() {
                    self.from_email.clone()
                } else {
                    inv.organizer_email.clone()
                },
            },
            // Each invitee's file names only them: addresses stay with the coordinator.
            attendees: vec![Person {
                name: to.name.clone(),
                email: to.email.clone(),
            }],
            cancelled: inv.cancelled,
        };
        OutgoingEmail {
            to: vec![to.email.clone()],
            subject: sv.t1(subject_key, "kind", kind(&sv)),
            text,
            attachments: vec![Attachment {
                filename: "mote.ics".into(),
                content_type: invite.content_type(),
                data_base64: base64::engine::general_purpose::STANDARD
                    .encode(invite.to_ics().as_bytes()),
            }],
        }
    }

    fn reminder(&self, r: &Reminder) -> OutgoingEmail {
        let sv = I18n::new(Lang::Sv);
        match r {
            Reminder::Meeting { meeting, to } => OutgoingEmail {
                to: vec![to.email.clone()],
                subject: sv.t1(
                    "meeting-mail-reminder-subject",
                    "kind",
                    sv.t(&meeting.kind.label_key()),
                ),
                text: self.both(|i18n| {
                    format!(
                        "{}\n\n{}\n\n{}",
                        i18n.t1("meeting-mail-greeting", "name", &to.name),
                        i18n.t1(
                            "meeting-mail-reminder-intro",
                            "kind",
                            i18n.t(&meeting.kind.label_key())
                        ),
                        Self::when(i18n, meeting),
                    )
                }),
                attachments: vec![],
            },
            Reminder::Action { action, to } => OutgoingEmail {
                to: vec![to.email.clone()],
                subject: sv.t("meeting-mail-action-subject"),
                text: self.both(|i18n| {
                    format!(
                        "{}\n\n{}\n\n{}\n\n{}: {}/meetings/{}\n",
                        i18n.t1("meeting-mail-greeting", "name", &to.name),
                        i18n.t1("meeting-mail-action-intro", "due", action.due_on),
                        action.text,
                        i18n.t("meeting-mail-link"),
                        self.public_url,
                        action.meeting_id,
                    )
                }),
                attachments: vec![],
            },
        }
    }
}
