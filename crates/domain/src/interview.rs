//! The candidate pool's rules and interview bookings: who may move a proposal where, what a
//! valid booking is, and when two bookings overlap. No I/O.

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::Email;
use crate::model::{InterviewOutcome, ProposalStatus, Role};
use crate::{FieldError, FieldErrors};

/// Whether `role` may move a proposal from `from` to `to` by hand. `Interviewing` is never set
/// by hand: booking an interview sets it. Selecting also needs a passed interview (the store
/// checks that).
pub fn may_move(role: Role, from: ProposalStatus, to: ProposalStatus) -> bool {
    use ProposalStatus::*;
    // The employer decides who becomes its intern (GR: "Arbetsgivaren … utser").
    let employer = matches!(
        (from, to),
        (Proposed, Shortlisted)
            | (Interviewing, Selected)
            | (Proposed | Shortlisted, InterviewRequested)
            | (
                Proposed | Shortlisted | InterviewRequested | Interviewing,
                Rejected
            )
    );
    let coordinator = employer
        || matches!(
            (from, to),
            (Shortlisted | InterviewRequested, Proposed)
                | (
                    Proposed | Shortlisted | InterviewRequested | Interviewing,
                    Withdrawn
                )
                | (Rejected | Withdrawn, Proposed)
        );
    match role {
        Role::EmployerContact => employer,
        Role::Coordinator | Role::Admin => coordinator,
        _ => false,
    }
}

/// The moves `role` may offer from `from` (buttons on a candidate's row).
pub fn moves_from(role: Role, from: ProposalStatus) -> Vec<ProposalStatus> {
    ProposalStatus::ALL
        .iter()
        .copied()
        .filter(|to| may_move(role, from, *to))
        .collect()
}

/// A proposal an interview can be booked for.
pub fn bookable(status: ProposalStatus) -> bool {
    use ProposalStatus::*;
    matches!(
        status,
        Proposed | Shortlisted | InterviewRequested | Interviewing
    )
}

/// An outcome that may be recorded after an interview (pending and cancelled are not results).
pub fn is_result(outcome: InterviewOutcome) -> bool {
    matches!(
        outcome,
        InterviewOutcome::Passed | InterviewOutcome::Failed | InterviewOutcome::NoShow
    )
}

/// Two half-open intervals `[start, end)` share some time (back-to-back bookings do not).
pub fn overlaps<T: PartialOrd>(a: (T, T), b: (T, T)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The attendee's part in an interview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AttendeeRole {
    Employer,
    Supervisor,
    Coordinator,
    Interpreter,
    Other,
}

impl AttendeeRole {
    pub const ALL: &'static [AttendeeRole] = &[
        AttendeeRole::Employer,
        AttendeeRole::Supervisor,
        AttendeeRole::Coordinator,
        AttendeeRole::Interpreter,
        AttendeeRole::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AttendeeRole::Employer => "employer",
            AttendeeRole::Supervisor => "supervisor",
            AttendeeRole::Coordinator => "coordinator",
            AttendeeRole::Interpreter => "interpreter",
            AttendeeRole::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<AttendeeRole> {
        Self::ALL.iter().copied().find(|r| r.as_str() == s.trim())
    }

    pub fn label_key(self) -> String {
        format!("attendee-role-{}", self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Attendee {
    pub name: String,
    #[schema(value_type = String)]
    pub email: Email,
    pub role: AttendeeRole,
}

/// A booking as typed into the form. Times are Swedish local time, `YYYY-MM-DDTHH:MM` (what a
/// `datetime-local` input sends).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InterviewDraft {
    pub starts_at: String,
    pub ends_at: String,
    pub location: String,
    pub meeting_link: String,
    pub notes: String,
    /// Attendee rows: (name, email, role).
    pub attendees: Vec<[String; 3]>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterviewInput {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub location: String,
    pub meeting_link: String,
    pub notes: String,
    pub attendees: Vec<Attendee>,
}

/// The longest interview one booking may hold.
const MAX_HOURS: i64 = 8;

impl InterviewDraft {
    /// Check everything at once, so the form shows every problem in one go.
    pub fn validate(&self, now: DateTime<Utc>) -> Result<InterviewInput, FieldErrors> {
        let mut errors = vec![];
        let starts = parse_local(&self.starts_at);
        let ends = parse_local(&self.ends_at);
        if starts.is_none() {
            errors.push(FieldError::new("starts_at", "pool-error-datetime"));
        }
        if ends.is_none() {
            errors.push(FieldError::new("ends_at", "pool-error-datetime"));
        }
        if let (Some(s), Some(e)) = (starts, ends) {
            if s <= now {
                errors.push(FieldError::new("starts_at", "pool-error-in-past"));
            } else if s.year() > crate::values::YEAR_MAX {
                errors.push(FieldError::new("starts_at", "error-date-range"));
            }
            if e <= s {
                errors.push(FieldError::new("ends_at", "pool-error-end-before-start"));
            } else if e - s > chrono::Duration::hours(MAX_HOURS) {
                errors.push(FieldError::new("ends_at", "pool-error-too-long"));
            }
        }
        let mut text = |field: &str, r: Result<String, FieldError>, typed: &str| match r {
            Ok(v) => v,
            Err(e) => {
                errors.push(e.at(field));
                typed.trim().to_string()
            }
        };
        let location = text(
            "location",
            crate::text::line("location", &self.location, crate::text::NAME_MAX),
            &self.location,
        );
        let meeting_link = text(
            "meeting_link",
            crate::text::line("meeting_link", &self.meeting_link, crate::text::LINK_MAX),
            &self.meeting_link,
        );
        let notes = text(
            "notes",
            crate::text::multi_line("notes", &self.notes, crate::text::NOTE_MAX),
            &self.notes,
        );
        if location.is_empty() && meeting_link.is_empty() {
            errors.push(FieldError::new("location", "pool-error-place-or-link"));
        }
        let web_address = (meeting_link.starts_with("https://")
            || meeting_link.starts_with("http://"))
            && !meeting_link.chars().any(char::is_whitespace);
        if !meeting_link.is_empty() && !web_address {
            errors.push(FieldError::new("meeting_link", "pool-error-link"));
        }
        let mut attendees: Vec<Attendee> = vec![];
        for [name, email, role] in &self.attendees {
            if name.trim().is_empty() && email.trim().is_empty() {
                continue;
            }
            let email = Email::parse(email);
            let role = AttendeeRole::parse(role);
            let name = crate::text::required("attendees", name, crate::text::NAME_MAX);
            match (name, email, role) {
                (Err(e), _, _) if e.key != "error-required" => errors.push(e),
                (Ok(name), Ok(email), Some(role)) => {
                    if attendees.iter().any(|a| a.email == email) {
                        errors.push(FieldError::new("attendees", "pool-error-attendee-twice"));
                    } else {
                        attendees.push(Attendee { name, email, role });
                    }
                }
                _ => errors.push(FieldError::new("attendees", "pool-error-attendee")),
            }
        }
        if attendees.is_empty() && errors.iter().all(|e| e.field != "attendees") {
            errors.push(FieldError::new("attendees", "pool-error-no-attendees"));
        }
        match (starts, ends) {
            (Some(starts_at), Some(ends_at)) if errors.is_empty() => Ok(InterviewInput {
                starts_at,
                ends_at,
                location,
                meeting_link,
                notes,
                attendees,
            }),
            _ => Err(FieldErrors(errors)),
        }
    }
}

/// A `datetime-local` value (Swedish time) as UTC.
pub fn parse_local(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    let t = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M"))
        .ok()?;
    stockholm_to_utc(t)
}

pub use crate::calendar::{stockholm_to_utc, utc_to_stockholm};

/// A UTC time as a `datetime-local` value in Swedish time.
pub fn local_input_value(utc: DateTime<Utc>) -> String {
    utc_to_stockholm(utc).format("%Y-%m-%dT%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use ProposalStatus::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn draft() -> InterviewDraft {
        InterviewDraft {
            starts_at: "2030-03-05T10:00".into(),
            ends_at: "2030-03-05T11:00".into(),
            location: "Storgatan 1".into(),
            attendees: vec![["Eva Ek".into(), "eva@example.se".into(), "employer".into()]],
            ..Default::default()
        }
    }

    #[test]
    fn every_text_of_a_booking_has_its_limit_and_no_control_characters() {
        let now = at("2030-01-01T00:00:00Z");
        let keys = |d: &InterviewDraft| -> Vec<(String, &'static str)> {
            d.validate(now)
                .err()
                .map(|e| e.0.into_iter().map(|e| (e.field, e.key)).collect())
                .unwrap_or_default()
        };
        let mut d = draft();
        d.location = "x".repeat(201);
        d.meeting_link = format!("https://{}", "x".repeat(500));
        d.notes = "n".repeat(1001);
        d.attendees[0][0] = "Eva\r\nATTENDEE:mailto:evil@example".into();
        assert_eq!(
            keys(&d),
            vec![
                ("location".into(), "error-too-long-200"),
                ("meeting_link".into(), "error-too-long-500"),
                ("notes".into(), "error-too-long-1000"),
                ("attendees".into(), "error-control-char"),
            ]
        );
        let mut d = draft();
        d.notes = "rad ett\r\nrad två".into();
        assert!(d.validate(now).is_ok());
        d.starts_at = "9999-03-05T10:00".into();
        d.ends_at = "9999-03-05T11:00".into();
        assert_eq!(keys(&d), vec![("starts_at".into(), "error-date-range")]);
    }

    #[test]
    fn employer_contacts_shortlist_ask_reject_and_select_their_intern() {
        let e = Role::EmployerContact;
        assert!(may_move(e, Proposed, Shortlisted));
        assert!(may_move(e, Shortlisted, InterviewRequested));
        assert!(may_move(e, Interviewing, Rejected));
        assert!(may_move(e, Interviewing, Selected), "the employer decides");
        assert!(!may_move(e, Proposed, Selected), "after an interview");
        assert!(!may_move(e, Proposed, Withdrawn));
        assert!(!may_move(e, Proposed, Interviewing), "booking sets it");
        assert!(may_move(Role::Coordinator, Interviewing, Selected));
        assert!(may_move(Role::Coordinator, Rejected, Proposed));
        assert!(!may_move(Role::Coordinator, Selected, Proposed));
        assert!(!may_move(Role::Coordinator, Proposed, Proposed));
        assert!(!may_move(Role::Supervisor, Proposed, Shortlisted));
        assert_eq!(
            moves_from(e, Proposed),
            vec![Shortlisted, InterviewRequested, Rejected]
        );
    }

    #[test]
    fn a_valid_booking_is_read_in_swedish_time() {
        let i = draft().validate(at("2030-01-01T00:00:00Z")).unwrap();
        assert_eq!(i.starts_at, at("2030-03-05T09:00:00Z"), "winter: UTC+1");
        let mut d = draft();
        d.starts_at = "2030-06-05T10:00".into();
        d.ends_at = "2030-06-05T11:00".into();
        let i = d.validate(at("2030-01-01T00:00:00Z")).unwrap();
        assert_eq!(i.starts_at, at("2030-06-05T08:00:00Z"), "summer: UTC+2");
        assert_eq!(local_input_value(i.starts_at), "2030-06-05T10:00");
        // 2030-03-31 is the last Sunday of March: 02:30 does not exist.
        assert_eq!(
            stockholm_to_utc(
                NaiveDateTime::parse_from_str("2030-03-31T02:30", "%Y-%m-%dT%H:%M").unwrap()
            ),
            None
        );
    }

    #[test]
    fn bad_bookings_are_refused_field_by_field() {
        let now = at("2030-01-01T00:00:00Z");
        let key = |d: &InterviewDraft, f: &str| {
            d.validate(now).err().and_then(|e| e.get(f).map(|e| e.key))
        };
        let mut d = draft();
        d.ends_at = "2030-03-05T09:00".into();
        assert_eq!(key(&d, "ends_at"), Some("pool-error-end-before-start"));
        let mut d = draft();
        d.starts_at = "2029-03-05T10:00".into();
        assert_eq!(key(&d, "starts_at"), Some("pool-error-in-past"));
        let mut d = draft();
        d.starts_at = "i morgon".into();
        assert_eq!(key(&d, "starts_at"), Some("pool-error-datetime"));
        let mut d = draft();
        d.location.clear();
        assert_eq!(key(&d, "location"), Some("pool-error-place-or-link"));
        d.meeting_link = "teams".into();
        assert_eq!(key(&d, "meeting_link"), Some("pool-error-link"));
        let mut d = draft();
        d.attendees[0][1] = "inte-en-adress".into();
        assert_eq!(key(&d, "attendees"), Some("pool-error-attendee"));
        let mut d = draft();
        d.attendees.clear();
        assert_eq!(key(&d, "attendees"), Some("pool-error-no-attendees"));
    }

    #[test]
    fn back_to_back_is_no_overlap() {
        assert!(overlaps((1, 3), (2, 4)));
        assert!(overlaps((1, 5), (2, 3)));
        assert!(!overlaps((1, 2), (2, 3)));
        assert!(!overlaps((3, 4), (1, 3)));
    }
}
