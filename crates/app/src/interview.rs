//! Interviews: booking one (validated, overlaps refused by the store) with invitations by email
//! that carry a calendar file and the interview guide, cancelling one, and the guide itself.

use base64::Engine as _;
use brygga_domain::interview::{InterviewDraft, utc_to_stockholm};
use brygga_i18n::{I18n, Lang};
use brygga_store::Actor;
use brygga_store::interview::{Invitation, Recipient, RecipientKind};
use brygga_store::jobs::{Attachment, OutgoingEmail};

use crate::ics;
use crate::mail::MailSettings;
use crate::{App, Result};

/// Book an interview for a proposal; the invitations are queued in the same transaction.
/// `booker_lang` is the language of the booker's own confirmation.
pub async fn book(
    app: &App,
    actor: &Actor,
    proposal_id: i32,
    draft: &InterviewDraft,
    booker_lang: Lang,
) -> Result<i32> {
    let input = draft.validate(chrono::Utc::now())?;
    let compose = Composer::new(&app.mail, booker_lang);
    Ok(app
        .store
        .interview_book(actor, proposal_id, &input, &|i, r| {
            Some(compose.email(i, r))
        })
        .await?)
}

/// Cancel an interview read at `version`; everyone invited is told, with a calendar CANCEL.
pub async fn cancel(
    app: &App,
    actor: &Actor,
    interview_id: i32,
    version: i32,
    booker_lang: Lang,
) -> Result<()> {
    let compose = Composer::new(&app.mail, booker_lang);
    Ok(app
        .store
        .interview_cancel(actor, interview_id, version, &|i, r| {
            Some(compose.email(i, r))
        })
        .await?)
}

/// A UTC time as Swedish local time for display.
pub fn local_time(t: chrono::DateTime<chrono::Utc>) -> String {
    utc_to_stockholm(t).format("%Y-%m-%d %H:%M").to_string()
}

/// The guide's steps: (heading, text), in the translator's language.
pub fn guide_steps(i18n: &I18n) -> Vec<(String, String)> {
    (1..=GUIDE_STEPS)
        .map(|n| {
            (
                i18n.t(&format!("guide-step-{n}-title")),
                i18n.t(&format!("guide-step-{n}-text")),
            )
        })
        .collect()
}

const GUIDE_STEPS: usize = 6;

/// The guide as a plain-text file (attached to every invitation).
pub fn guide_text(i18n: &I18n) -> String {
    let mut out = format!("{}\n\n{}\n", i18n.t("guide-title"), i18n.t("guide-intro"));
    for (n, (title, text)) in guide_steps(i18n).into_iter().enumerate() {
        out.push_str(&format!("\n{}. {title}\n{text}\n", n + 1));
    }
    out
}

// ------------------------------------------------------------------ email and calendar

/// Writes invitations: text in the recipient's language, the calendar file and the guide.
/// The booker reads their own UI language; everyone else gets Swedish (Brygga's default), with
/// the message repeated in English below.
struct Composer {
    host: String,
    from_email: String,
    booker_lang: Lang,
}

impl Composer {
    pub(crate) fn new(mail: &MailSettings, booker_lang: Lang) -> Self {
        let host = mail
            .public_url
            .split("://")
            .nth(1)
            .unwrap_or(&mail.public_url)
            .split(['/', ':'])
            .next()
            .unwrap_or("brygga")
            .to_string();
        let from_email = mail
            .from
            .rsplit_once('<')
            .map(|(_, r)| r.trim_end_matches('>').to_string())
            .unwrap_or_else(|| mail.from.clone());
        Composer {
            host,
            from_email,
            booker_lang,
        }
    }

    pub(crate) fn email(&self, inv: &Invitation, r: &Recipient) -> OutgoingEmail {
        let lang = match r.kind {
            RecipientKind::Booker => self.booker_lang,
            _ => Lang::Sv,
        };
        let i18n = I18n::new(lang);
        let mut text = self.body(&i18n, inv, r);
        if r.kind != RecipientKind::Booker {
            text.push_str("\n\n-- English --\n\n");
            text.push_str(&self.body(&I18n::new(Lang::En), inv, r));
        }
        let subject_key = if inv.cancelled {
            "pool-mail-cancelled-subject"
        } else if r.kind == RecipientKind::Booker {
            "pool-mail-booked-subject"
        } else {
            "pool-mail-subject"
        };
        let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s.as_bytes());
        let method = if inv.cancelled { "CANCEL" } else { "REQUEST" };
        let mut attachments = vec![Attachment {
            filename: "intervju.ics".into(),
            content_type: format!("text/calendar; method={method}; charset=utf-8"),
            data_base64: b64(&self.ics(inv, r)),
        }];
        if !inv.cancelled {
            attachments.push(Attachment {
                filename: i18n.t("guide-filename"),
                content_type: "text/plain; charset=utf-8".into(),
                data_base64: b64(&guide_text(&i18n)),
            });
        }
        OutgoingEmail {
            to: vec![r.email.clone()],
            subject: i18n.t1(subject_key, "title", &inv.interview.placement_title),
            text,
            attachments,
        }
    }

    fn body(&self, i18n: &I18n, inv: &Invitation, r: &Recipient) -> String {
        let iv = &inv.interview;
        let intro = match (inv.cancelled, r.kind) {
            (true, _) => "pool-mail-cancelled-intro",
            (false, RecipientKind::Booker) => "pool-mail-booked-intro",
            (false, RecipientKind::Participant) => "pool-mail-intro-participant",
            (false, RecipientKind::Attendee(_)) => "pool-mail-intro",
        };
        let mut out = format!(
            "{}\n\n{}\n\n{}: {} – {} ({})\n",
            i18n.t1("pool-mail-greeting", "name", &r.name),
            i18n.t1(
                intro,
                "title",
                format!("{} ({})", iv.placement_title, iv.employer_name)
            ),
            i18n.t("pool-when"),
            local_time(iv.starts_at),
            utc_to_stockholm(iv.ends_at).format("%H:%M"),
            i18n.t("pool-swedish-time"),
        );
        if !iv.location.is_empty() {
            out.push_str(&format!("{}: {}\n", i18n.t("field-location"), iv.location));
        }
        if !iv.meeting_link.is_empty() {
            out.push_str(&format!(
                "{}: {}\n",
                i18n.t("field-meeting_link"),
                iv.meeting_link
            ));
        }
        out.push_str(&format!(
            "{}: {}\n",
            i18n.t("pool-candidate"),
            iv.participant_name
        ));
        out.push_str(&format!("{}:\n", i18n.t("pool-invited")));
        for x in &inv.recipients {
            let role = match x.kind {
                RecipientKind::Attendee(role) => i18n.t(&role.label_key()),
                _ => i18n.t("pool-role-candidate"),
            };
            if address_visible(r, x) {
                out.push_str(&format!("- {} <{}> ({role})\n", x.name, x.email));
            } else {
                out.push_str(&format!("- {} ({role})\n", x.name));
            }
        }
        if !iv.notes.is_empty() && r.kind != RecipientKind::Participant {
            out.push_str(&format!("\n{}: {}\n", i18n.t("field-notes"), iv.notes));
        }
        if !inv.cancelled {
            out.push_str(&format!("\n{}\n", i18n.t("pool-mail-guide-attached")));
        }
        out
    }

    /// The calendar file for recipient `to`: METHOD:REQUEST (or CANCEL, with a higher
    /// SEQUENCE), times in UTC.
    fn ics(&self, inv: &Invitation, to: &Recipient) -> String {
        use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};
        let iv = &inv.interview;
        let mut ev = Event::new();
        ev.uid(&format!("interview-{}@{}", iv.id, self.host))
            .sequence(u32::try_from(iv.version - 1).unwrap_or(0))
            .timestamp(chrono::Utc::now())
            .starts(iv.starts_at)
            .ends(iv.ends_at)
            .summary(&ics::text(&format!(
                "{} – {}",
                iv.placement_title, iv.employer_name
            )));
        if !iv.location.is_empty() {
            ev.location(&ics::text(&iv.location));
        }
        if !iv.meeting_link.is_empty() {
            ev.url(&ics::text(&iv.meeting_link));
        }
        let organizer = if inv.organizer_email.is_empty() {
            &self.from_email
        } else {
            &inv.organizer_email
        };
        ev.append_property(
            Property::new("ORGANIZER", format!("mailto:{}", ics::text(organizer)))
                .add_parameter("CN", &ics::param(&inv.organizer_name))
                .done(),
        );
        for r in inv.recipients.iter().filter(|x| address_visible(to, x)) {
            ev.append_multi_property(
                Property::new("ATTENDEE", format!("mailto:{}", ics::text(&r.email)))
                    .add_parameter("CN", &ics::param(&r.name))
                    .add_parameter("ROLE", "REQ-PARTICIPANT")
                    .add_parameter("RSVP", "TRUE")
                    .done(),
            );
        }
        if inv.cancelled {
            ev.status(EventStatus::Cancelled);
        }
        let mut cal = Calendar::new();
        cal.append_property(Property::new(
            "METHOD",
            if inv.cancelled { "CANCEL" } else { "REQUEST" },
        ));
        cal.push(ev.done());
        cal.done().to_string()
    }
}

/// Whether `to` may see `x`'s email address: a participant's contact details reach only the
/// participant and the booker, never the employer's side (candidates reach employers without
/// contact details; the coordinator mediates).
fn address_visible(to: &Recipient, x: &Recipient) -> bool {
    x.kind != RecipientKind::Participant
        || matches!(to.kind, RecipientKind::Participant | RecipientKind::Booker)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use brygga_domain::interview::local_input_value;

    #[test]
    fn the_guide_exists_in_both_languages() {
        let sv = guide_text(&I18n::new(Lang::Sv));
        let en = guide_text(&I18n::new(Lang::En));
        assert!(sv.contains("6. ") && en.contains("6. "));
        assert_ne!(sv, en);
        assert!(!sv.contains("guide-step"), "{sv}");
    }

    #[test]
    fn input_values_round_trip_through_swedish_time() {
        let t = chrono::DateTime::parse_from_rfc3339("2031-07-01T08:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(local_input_value(t), "2031-07-01T10:00");
    }

    /// The unfolded content lines of a calendar file (RFC 5545 3.1: a line that begins with a
    /// space or tab continues the previous one).
    fn content_lines(ics: &str) -> Vec<String> {
        let mut out: Vec<String> = vec![];
        for l in ics.split("\r\n") {
            match (l.strip_prefix([' ', '\t']), out.last_mut()) {
                (Some(rest), Some(prev)) => prev.push_str(rest),
                _ => out.push(l.to_string()),
            }
        }
        out
    }

    #[test]
    fn a_name_cannot_add_attendees_or_properties_to_the_invitation() {
        use brygga_domain::interview::AttendeeRole;
        use brygga_domain::model::InterviewOutcome;
        use brygga_store::interview::InterviewRecord;
        let evil = "Eve\r\nATTENDEE:mailto:evil@example\r\nX-EVIL:1";
        let t = chrono::Utc::now();
        let inv = Invitation {
            interview: InterviewRecord {
                id: 7,
                version: 1,
                proposal_id: 1,
                participant_id: 1,
                participant_name: evil.into(),
                placement_id: 1,
                placement_title: "Kock;\nDESCRIPTION:x".into(),
                employer_name: "Krog, \"AB\"\rSTATUS:CANCELLED".into(),
                starts_at: t,
                ends_at: t,
                location: "Rum 1\r\nATTENDEE:mailto:evil@example".into(),
                meeting_link: String::new(),
                attendees: vec![],
                notes: String::new(),
                outcome: InterviewOutcome::Pending,
                outcome_note: String::new(),
                created_at: t,
            },
            recipients: vec![
                Recipient {
                    name: evil.into(),
                    email: "p@example.org".into(),
                    kind: RecipientKind::Participant,
                },
                Recipient {
                    name: "Ann \"Boss\", VD; \"x\":y\nZ".into(),
                    email: "a@example.org".into(),
                    kind: RecipientKind::Attendee(AttendeeRole::Employer),
                },
            ],
            organizer_name: evil.into(),
            organizer_email: "k@example.org".into(),
            cancelled: false,
        };
        let c = Composer::new(&MailSettings::default(), Lang::Sv);
        let ics = c.ics(&inv, &inv.recipients[0]);
        let lines = content_lines(&ics);
        let names: Vec<&str> = lines
            .iter()
            .filter_map(|l| l.split([':', ';']).next())
            .collect();
        let mut expected = vec![
            "BEGIN",
            "VERSION",
            "PRODID",
            "CALSCALE",
            "METHOD",
            "BEGIN",
            "UID",
            "SEQUENCE",
            "DTSTAMP",
            "DTSTART",
            "DTEND",
            "SUMMARY",
            "LOCATION",
            "ORGANIZER",
            "ATTENDEE",
            "ATTENDEE",
            "END",
            "END",
            "",
        ];
        let mut got = names.clone();
        expected.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, expected, "{ics}");
        assert!(!lines.iter().any(|l| l.starts_with("X-EVIL")), "{ics}");
        let attendees: Vec<&String> = lines.iter().filter(|l| l.starts_with("ATTENDEE")).collect();
        assert!(attendees[0].ends_with(":mailto:p@example.org"), "{ics}");
        assert!(
            attendees[0].contains(";CN=\"Eve  ATTENDEE:mailto:evil@example  X-EVIL:1\""),
            "{ics}"
        );
        assert!(
            attendees[1].contains(";CN=\"Ann Boss, VD; x:y Z\""),
            "{ics}"
        );
        assert!(
            ics.lines().all(|l| !l.contains('\r')),
            "a lone CR in {ics:?}"
        );
        let summary = lines.iter().find(|l| l.starts_with("SUMMARY")).unwrap();
        assert!(
            summary.contains("Kock\\;\\nDESCRIPTION:x – Krog\\, \"AB\"\\nSTATUS:CANCELLED"),
            "{summary}"
        );
    }
}
