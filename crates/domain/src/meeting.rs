//! Follow-up meetings about a participant: what a valid booking, note and action is. No I/O.
//!
//! A meeting invites users (the coordinator, the intern's login, the supervisor's, the employer's
//! contact, the employment-service officer on a shared case) and guests known only by e-mail.
//! Notes are read by the staff and the invited; the participant reads the notes marked shared.
//! An action belongs to one invited user and is due on or after the meeting's day.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::Email;
use crate::interview::parse_local;
use crate::model::{Role, str_enum};
use crate::{FieldError, FieldErrors};

str_enum!(
    /// What a follow-up meeting is for.
    MeetingKind, "meeting-kind" {
        FollowUp = "follow_up",
        ThreeWay = "three_way",
        EmploymentService = "employment_service",
        Other = "other",
    }
);

str_enum!(
    /// Why someone is invited: the part they play in the internship.
    InviteeRole, "meeting-role" {
        Coordinator = "coordinator",
        Participant = "participant",
        Supervisor = "supervisor",
        Employer = "employer",
        EsOfficer = "es_officer",
        Guest = "guest",
    }
);

str_enum!(
    /// A meeting is booked until it is cancelled (a cancelled meeting is kept, not deleted).
    MeetingStatus, "meeting-status" {
        Booked = "booked",
        Cancelled = "cancelled",
    }
);

/// The longest meeting one booking may hold.
const MAX_HOURS: i64 = 10;

/// A booking as typed into the form: times in Swedish local time (`datetime-local`), the
/// invited users by id (ticked from the suggestions) and guests as rows of name and e-mail.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct MeetingDraft {
    pub kind: String,
    pub starts_at: String,
    pub ends_at: String,
    pub location: String,
    pub meeting_link: String,
    /// The internship the meeting follows up, if any (its id).
    pub internship_id: String,
    /// Ids of the invited users.
    pub invitee_user_ids: Vec<String>,
    pub guest_names: Vec<String>,
    pub guest_emails: Vec<String>,
}

/// Someone invited who has no login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guest {
    pub name: String,
    pub email: Email,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingInput {
    pub kind: MeetingKind,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub location: String,
    pub meeting_link: String,
    pub internship_id: Option<i32>,
    pub user_ids: Vec<i32>,
    pub guests: Vec<Guest>,
}

impl MeetingDraft {
    /// Check everything at once. `new` is a booking (its start must lie ahead and someone must
    /// be invited); a moved meeting keeps its invitees and may be recorded afterwards.
    pub fn validate(&self, now: DateTime<Utc>, new: bool) -> Result<MeetingInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let kind = errors.check(
            "kind",
            MeetingKind::parse(&self.kind).map_err(|e| e.at("kind")),
        );
        let starts = parse_local(&self.starts_at);
        let ends = parse_local(&self.ends_at);
        if starts.is_none() {
            errors.push(FieldError::new("starts_at", "meeting-error-datetime"));
        }
        if ends.is_none() {
            errors.push(FieldError::new("ends_at", "meeting-error-datetime"));
        }
        if let (Some(s), Some(e)) = (starts, ends) {
            if new && s <= now {
                errors.push(FieldError::new("starts_at", "meeting-error-in-past"));
            } else if !(crate::values::YEAR_MIN..=crate::values::YEAR_MAX)
                .contains(&chrono::Datelike::year(&s))
            {
                errors.push(FieldError::new("starts_at", "error-date-range"));
            }
            if e <= s {
                errors.push(FieldError::new("ends_at", "meeting-error-end-before-start"));
            } else if e - s > chrono::Duration::hours(MAX_HOURS) {
                errors.push(FieldError::new("ends_at", "meeting-error-too-long"));
            }
        }
        let location = crate::text::collect(
            &mut errors,
            crate::text::line("location", &self.location, crate::text::NAME_MAX),
            &self.location,
        );
        let meeting_link = crate::text::collect(
            &mut errors,
            crate::text::line("meeting_link", &self.meeting_link, crate::text::LINK_MAX),
            &self.meeting_link,
        );
        if location.is_empty() && meeting_link.is_empty() {
            errors.push(FieldError::new("location", "meeting-error-place-or-link"));
        }
        let web_address = (meeting_link.starts_with("https://")
            || meeting_link.starts_with("http://"))
            && !meeting_link.chars().any(char::is_whitespace);
        if !meeting_link.is_empty() && !web_address {
            errors.push(FieldError::new("meeting_link", "meeting-error-link"));
        }
        let internship_id = match self.internship_id.trim() {
            "" => None,
            s => match s.parse::<i32>() {
                Ok(id) => Some(id),
                Err(_) => {
                    errors.push(FieldError::new("internship_id", "error-invalid-choice"));
                    None
                }
            },
        };
        let mut user_ids: Vec<i32> = vec![];
        for s in self
            .invitee_user_ids
            .iter()
            .filter(|s| !s.trim().is_empty())
        {
            match s.trim().parse::<i32>() {
                Ok(id) if !user_ids.contains(&id) => user_ids.push(id),
                Ok(_) => {}
                Err(_) => errors.push(FieldError::new("invitees", "error-invalid-choice")),
            }
        }
        let mut guests: Vec<Guest> = vec![];
        let n = self.guest_names.len().max(self.guest_emails.len());
        fn cell(v: &[String], i: usize) -> &str {
            v.get(i).map(|s| s.trim()).unwrap_or_default()
        }
        for i in 0..n {
            let (name, email) = (cell(&self.guest_names, i), cell(&self.guest_emails, i));
            if name.is_empty() && email.is_empty() {
                continue;
            }
            match (
                crate::text::required("guests", name, crate::text::NAME_MAX),
                Email::parse(email),
            ) {
                (Ok(name), Ok(email)) => {
                    if guests.iter().any(|g| g.email == email) {
                        errors.push(FieldError::new("guests", "meeting-error-guest-twice"));
                    } else {
                        guests.push(Guest { name, email });
                    }
                }
                (Err(e), _) if e.key != "error-required" => errors.push(e.at("guests")),
                _ => errors.push(FieldError::new("guests", "meeting-error-guest")),
            }
        }
        if new
            && user_ids.is_empty()
            && guests.is_empty()
            && !errors.0.iter().any(|e| e.field == "guests")
        {
            errors.push(FieldError::new("invitees", "meeting-error-no-invitees"));
        }
        match (kind, starts, ends) {
            (Some(kind), Some(starts_at), Some(ends_at)) if errors.is_empty() => Ok(MeetingInput {
                kind,
                starts_at,
                ends_at,
                location,
                meeting_link,
                internship_id,
                user_ids,
                guests,
            }),
            _ => Err(errors),
        }
    }
}

/// A note written after the meeting, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct NoteDraft {
    pub text: String,
    /// Shown to the participant too ("on"/"true" when ticked).
    pub shared: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteInput {
    pub text: String,
    pub shared: bool,
}

impl NoteDraft {
    pub fn validate(&self) -> Result<NoteInput, FieldErrors> {
        let text = required_text("text", &self.text)?;
        Ok(NoteInput {
            text,
            shared: is_ticked(&self.shared),
        })
    }
}

/// An action agreed at the meeting, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ActionDraft {
    pub text: String,
    /// The id of the invited user who owns the action.
    pub owner_user_id: String,
    /// `YYYY-MM-DD`.
    pub due_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionInput {
    pub text: String,
    pub owner_user_id: i32,
    pub due_on: NaiveDate,
}

impl ActionDraft {
    /// `meeting_day` is the meeting's date in Stockholm; `invited` the ids of the invited users.
    pub fn validate(
        &self,
        meeting_day: NaiveDate,
        invited: &[i32],
    ) -> Result<ActionInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let text = match required_text("text", &self.text) {
            Ok(t) => Some(t),
            Err(e) => {
                errors.0.extend(e.0);
                None
            }
        };
        let owner = match self.owner_user_id.trim().parse::<i32>() {
            Ok(id) if invited.contains(&id) => Some(id),
            Ok(_) => {
                errors.push(FieldError::new(
                    "owner_user_id",
                    "meeting-error-owner-not-invited",
                ));
                None
            }
            Err(_) => {
                errors.push(FieldError::new("owner_user_id", "error-required"));
                None
            }
        };
        let due = errors.check("due_on", crate::values::parse_date("due_on", &self.due_on));
        if due.is_some_and(|d| d < meeting_day) {
            errors.push(FieldError::new(
                "due_on",
                "meeting-error-due-before-meeting",
            ));
        }
        match (text, owner, due) {
            (Some(text), Some(owner_user_id), Some(due_on)) if errors.is_empty() => {
                Ok(ActionInput {
                    text,
                    owner_user_id,
                    due_on,
                })
            }
            _ => Err(errors),
        }
    }
}

/// Text that may hold line breaks and must not be empty, at most `NOTE_MAX` characters.
pub(crate) fn required_text(field: &str, s: &str) -> Result<String, FieldErrors> {
    if s.trim().is_empty() {
        return Err(FieldErrors(vec![FieldError::new(field, "error-required")]));
    }
    crate::text::multi_line(field, s, crate::text::NOTE_MAX).map_err(|e| FieldErrors(vec![e]))
}

/// A ticked checkbox as a form or JSON client sends it.
pub(crate) fn is_ticked(s: &str) -> bool {
    matches!(s.trim(), "on" | "true" | "1" | "yes")
}

/// Whether `role`, allowed to read a meeting, reads a note: the participant reads only the
/// notes marked shared; everyone else who reads the meeting reads them all.
pub fn reads_note(role: Role, shared: bool) -> bool {
    shared || role != Role::Participant
}

/// An action not done whose due date has passed.
pub fn overdue(due_on: NaiveDate, done: bool, today: NaiveDate) -> bool {
    !done && due_on < today
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2031-03-01T08:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn draft() -> MeetingDraft {
        MeetingDraft {
            kind: "follow_up".into(),
            starts_at: "2031-03-10T10:00".into(),
            ends_at: "2031-03-10T11:00".into(),
            location: "Stadshuset".into(),
            invitee_user_ids: vec!["3".into()],
            ..Default::default()
        }
    }

    fn fields(r: Result<MeetingInput, FieldErrors>) -> Vec<(String, &'static str)> {
        r.unwrap_err()
            .0
            .into_iter()
            .map(|e| (e.field, e.key))
            .collect()
    }

    #[test]
    fn a_valid_booking_is_in_swedish_time() {
        let m = draft().validate(now(), true).unwrap();
        assert_eq!(m.starts_at.to_rfc3339(), "2031-03-10T09:00:00+00:00");
        assert_eq!(m.user_ids, vec![3]);
        assert_eq!(m.kind, MeetingKind::FollowUp);
    }

    #[test]
    fn bad_bookings_name_the_field() {
        let cases: Vec<(MeetingDraft, bool, &str, &str)> = vec![
            (
                MeetingDraft {
                    ends_at: "2031-03-10T09:00".into(),
                    ..draft()
                },
                true,
                "ends_at",
                "meeting-error-end-before-start",
            ),
            (
                MeetingDraft {
                    starts_at: "2031-02-10T10:00".into(),
                    ends_at: "2031-02-10T11:00".into(),
                    ..draft()
                },
                true,
                "starts_at",
                "meeting-error-in-past",
            ),
            (
                MeetingDraft {
                    location: String::new(),
                    ..draft()
                },
                true,
                "location",
                "meeting-error-place-or-link",
            ),
            (
                MeetingDraft {
                    meeting_link: "javascript:alert(1)".into(),
                    ..draft()
                },
                true,
                "meeting_link",
                "meeting-error-link",
            ),
            (
                MeetingDraft {
                    invitee_user_ids: vec![],
                    ..draft()
                },
                true,
                "invitees",
                "meeting-error-no-invitees",
            ),
            (
                MeetingDraft {
                    guest_names: vec!["Ann".into()],
                    guest_emails: vec!["inte-en-adress".into()],
                    ..draft()
                },
                true,
                "guests",
                "meeting-error-guest",
            ),
            (
                MeetingDraft {
                    kind: "party".into(),
                    ..draft()
                },
                true,
                "kind",
                "error-invalid-choice",
            ),
            (
                MeetingDraft {
                    starts_at: "i morgon".into(),
                    ..draft()
                },
                true,
                "starts_at",
                "meeting-error-datetime",
            ),
            (
                MeetingDraft {
                    location: "Rum\u{7}1".into(),
                    ..draft()
                },
                true,
                "location",
                "error-control-char",
            ),
        ];
        for (d, new, field, key) in cases {
            let got = fields(d.validate(now(), new));
            assert!(
                got.contains(&(field.to_string(), key)),
                "{field} {key}: {got:?}"
            );
        }
    }

    #[test]
    fn a_moved_meeting_may_lie_in_the_past_and_keeps_its_invitees() {
        let d = MeetingDraft {
            starts_at: "2031-02-10T10:00".into(),
            ends_at: "2031-02-10T11:00".into(),
            invitee_user_ids: vec![],
            ..draft()
        };
        assert!(d.validate(now(), false).is_ok());
    }

    #[test]
    fn guests_are_rows_of_name_and_address() {
        let d = MeetingDraft {
            invitee_user_ids: vec![],
            guest_names: vec!["Ann Ek".into(), String::new()],
            guest_emails: vec!["ann@example.se".into(), String::new()],
            ..draft()
        };
        let m = d.validate(now(), true).unwrap();
        assert_eq!(m.guests.len(), 1);
        assert_eq!(m.guests[0].email.as_str(), "ann@example.se");
    }

    #[test]
    fn actions_belong_to_the_invited_and_fall_due_after_the_meeting() {
        let day = NaiveDate::from_ymd_opt(2031, 3, 10).unwrap();
        let ok = ActionDraft {
            text: "Boka SFI".into(),
            owner_user_id: "3".into(),
            due_on: "2031-03-10".into(),
        };
        assert_eq!(ok.validate(day, &[3]).unwrap().owner_user_id, 3);
        let e = ActionDraft {
            owner_user_id: "4".into(),
            ..ok.clone()
        }
        .validate(day, &[3])
        .unwrap_err();
        assert_eq!(e.0[0].key, "meeting-error-owner-not-invited");
        let e = ActionDraft {
            due_on: "2031-03-09".into(),
            ..ok.clone()
        }
        .validate(day, &[3])
        .unwrap_err();
        assert_eq!(
            (e.0[0].field.as_str(), e.0[0].key),
            ("due_on", "meeting-error-due-before-meeting")
        );
        let e = ActionDraft {
            text: " ".into(),
            ..ok
        }
        .validate(day, &[3])
        .unwrap_err();
        assert_eq!(e.0[0].field, "text");
    }

    #[test]
    fn the_participant_reads_only_shared_notes() {
        for role in Role::ALL {
            assert!(reads_note(*role, true));
            assert_eq!(
                reads_note(*role, false),
                *role != Role::Participant,
                "{role:?}"
            );
        }
    }

    #[test]
    fn an_open_action_past_its_day_is_overdue() {
        let d = |n| NaiveDate::from_ymd_opt(2031, 3, n).unwrap();
        assert!(overdue(d(1), false, d(2)));
        assert!(!overdue(d(2), false, d(2)));
        assert!(!overdue(d(1), true, d(2)));
    }
}
