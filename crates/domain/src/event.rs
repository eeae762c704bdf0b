//! Events: matching fairs, supervisor trainings, follow-ups, network meetings, introductions,
//! study visits, experience exchanges — what a valid event, session, registration, staff person
//! and fair timetable change is, and what a supervisor's training status follows from. No I/O:
//! the store checks capacity, duplicates and clashes with the saved timetable under its lock.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::calendar::stockholm_to_utc;
use crate::ids::Email;
use crate::model::{TrainingStatus, str_enum};
use crate::text::{LINK_MAX, NAME_MAX, TEXT_MAX};
use crate::values::{Gender, parse_date, parse_int_range};
use crate::{FieldError, FieldErrors};

/// The kinds every installation has; an admin may add more (stored with a name of their own).
/// Two carry behaviour: a matching fair has employers at tables and a timetable, and attending
/// every session of a supervisor training makes a supervisor trained.
pub const MATCHING_FAIR: &str = "matching_fair";
pub const SUPERVISOR_TRAINING: &str = "supervisor_training";
pub const BUILTIN_KINDS: &[&str] = &[
    MATCHING_FAIR,
    SUPERVISOR_TRAINING,
    "supervisor_follow_up",
    "network",
    "introduction",
    "study_visit",
    "experience_exchange",
    "provider_follow_up",
];

str_enum!(
    /// Who an event is for.
    Audience, "event-audience" {
        Participants = "participants",
        Supervisors = "supervisors",
        Contacts = "contacts",
        Managers = "managers",
        Officers = "officers",
        Teachers = "teachers",
    }
);

str_enum!(
    /// A trained person's level, as an ESF project counts its participants.
    RoleLevel, "event-level" {
        Management = "management",
        Manager = "manager",
        Supervisor = "supervisor",
        Officer = "officer",
        Teacher = "teacher",
        Business = "business",
    }
);

str_enum!(
    /// A registration holds a place, waits for one, or was cancelled (kept, not deleted).
    RegistrationStatus, "event-status" {
        Registered = "registered",
        Waitlisted = "waitlisted",
        Cancelled = "cancelled",
    }
);

str_enum!(
    /// Who made a registration.
    RegistrationSource, "event-source" {
        Coordinator = "coordinator",
        SelfService = "self",
        Portal = "portal",
    }
);

/// The most places one event may offer.
pub const CAPACITY_MAX: i64 = 5000;
/// The longest one session may be.
const SESSION_HOURS_MAX: i64 = 12;

/// An event as typed into the form (or sent to the API).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct EventDraft {
    /// The programme (organisation id) the event belongs to.
    pub programme_id: String,
    /// A kind's key: one of the built-in kinds or one an admin added.
    pub kind: String,
    pub title: String,
    pub description: String,
    /// Places; registrations beyond it wait.
    pub capacity: String,
    /// participants, supervisors, contacts, managers, officers, teachers.
    pub audience: Vec<String>,
    /// Shown on the public portal, where anyone may register with consent.
    pub public: bool,
    /// A matching fair's minutes per meeting.
    pub slot_minutes: String,
    /// A matching fair's most meetings per candidate.
    pub meetings_per_candidate: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventInput {
    pub programme_id: i32,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub capacity: i32,
    pub audience: Vec<Audience>,
    pub public: bool,
    pub slot_minutes: i32,
    pub meetings_per_candidate: i32,
}

impl EventDraft {
    /// `kinds` are the keys the installation knows.
    pub fn validate(&self, kinds: &[String]) -> Result<EventInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let programme_id = e.check(
            "programme_id",
            self.programme_id
                .trim()
                .parse::<i32>()
                .map_err(|_| FieldError::new("programme_id", "error-required")),
        );
        let kind = self.kind.trim().to_string();
        if !kinds.contains(&kind) {
            e.push(FieldError::new("kind", "error-invalid-choice"));
        }
        let title = e.check(
            "title",
            crate::text::required("title", &self.title, NAME_MAX),
        );
        let description = crate::text::collect(
            &mut e,
            crate::text::multi_line("description", &self.description, TEXT_MAX),
            &self.description,
        );
        let capacity = e.check(
            "capacity",
            parse_int_range("capacity", &self.capacity, 1, CAPACITY_MAX),
        );
        let mut audience = vec![];
        for a in &self.audience {
            match Audience::parse(a) {
                Ok(a) if !audience.contains(&a) => audience.push(a),
                Ok(_) => {}
                Err(_) => e.push(FieldError::new("audience", "error-invalid-choice")),
            }
        }
        if audience.is_empty() {
            e.push(FieldError::new("audience", "event-error-audience"));
        }
        audience.sort();
        let fair = kind == MATCHING_FAIR;
        let number = |e: &mut FieldErrors, field: &str, s: &str, min, max, default| {
            if !fair && s.trim().is_empty() {
                return Some(default);
            }
            e.check(field, parse_int_range(field, s, min, max))
        };
        let slot_minutes = number(&mut e, "slot_minutes", &self.slot_minutes, 5, 120, 15);
        let meetings = number(
            &mut e,
            "meetings_per_candidate",
            &self.meetings_per_candidate,
            1,
            12,
            3,
        );
        match (programme_id, title, capacity, slot_minutes, meetings) {
            (Some(programme_id), Some(title), Some(capacity), Some(slot), Some(k))
                if e.is_empty() =>
            {
                Ok(EventInput {
                    programme_id,
                    kind,
                    title,
                    description,
                    capacity: capacity as i32,
                    audience,
                    public: self.public,
                    slot_minutes: slot as i32,
                    meetings_per_candidate: k as i32,
                })
            }
            _ => Err(e),
        }
    }
}

impl EventInput {
    pub fn is_fair(&self) -> bool {
        self.kind == MATCHING_FAIR
    }
}

/// The audience as stored: comma-separated keys.
pub fn audience_to_string(a: &[Audience]) -> String {
    a.iter().map(|x| x.as_str()).collect::<Vec<_>>().join(",")
}

pub fn audience_from_str(s: &str) -> Vec<Audience> {
    s.split(',')
        .filter_map(|x| Audience::parse(x).ok())
        .collect()
}

/// A kind an admin adds: its name (shown as typed in every language).
pub fn kind_name(s: &str) -> Result<String, FieldErrors> {
    crate::text::required("name", s, NAME_MAX).map_err(|e| FieldErrors(vec![e]))
}

/// A session as typed: a date, start and end in Swedish local time, a place or a link.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct EventSessionDraft {
    /// YYYY-MM-DD.
    pub session_date: String,
    /// HH:MM, Swedish local time.
    pub session_start: String,
    /// HH:MM, Swedish local time.
    pub session_end: String,
    pub place: String,
    /// A web address for a session held online.
    pub link: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventSessionInput {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub link: String,
}

fn parse_time(field: &str, s: &str) -> Result<NaiveTime, FieldError> {
    crate::values::parse_clock(field, s, "event-error-time")
}

impl EventSessionDraft {
    pub fn validate(&self) -> Result<EventSessionInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let date: Option<NaiveDate> = e.check(
            "session_date",
            parse_date("session_date", &self.session_date),
        );
        let start = e.check(
            "session_start",
            parse_time("session_start", &self.session_start),
        );
        let end = e.check("session_end", parse_time("session_end", &self.session_end));
        if let (Some(s), Some(en)) = (start, end) {
            if en <= s {
                e.push(FieldError::new(
                    "session_end",
                    "event-error-end-before-start",
                ));
            } else if en - s > Duration::hours(SESSION_HOURS_MAX) {
                e.push(FieldError::new("session_end", "event-error-too-long"));
            }
        }
        let place = crate::text::collect(
            &mut e,
            crate::text::line("place", &self.place, NAME_MAX),
            &self.place,
        );
        let link = crate::text::collect(
            &mut e,
            crate::text::line("link", &self.link, LINK_MAX),
            &self.link,
        );
        if place.is_empty() && link.is_empty() {
            e.push(FieldError::new("place", "event-error-place-or-link"));
        }
        let web_address = (link.starts_with("https://") || link.starts_with("http://"))
            && !link.chars().any(char::is_whitespace);
        if !link.is_empty() && !web_address {
            e.push(FieldError::new("link", "event-error-link"));
        }
        let at = |d: NaiveDate, t: NaiveTime| stockholm_to_utc(d.and_time(t));
        let (starts_at, ends_at) = match (date, start, end) {
            (Some(d), Some(s), Some(en)) => (at(d, s), at(d, en)),
            _ => (None, None),
        };
        if date.is_some() && start.is_some() && starts_at.is_none() {
            // A time that does not exist in Sweden (the hour skipped in spring).
            e.push(FieldError::new("session_start", "event-error-time"));
        }
        match (starts_at, ends_at) {
            (Some(starts_at), Some(ends_at)) if e.is_empty() => Ok(EventSessionInput {
                starts_at,
                ends_at,
                place,
                link,
            }),
            _ => Err(e),
        }
    }
}

/// A person in the staff register as typed: trained staff inside or outside Brygga's logins.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct PersonDraft {
    pub name: String,
    pub email: String,
    /// The organisation the person works for (municipality, employer, the employment service …).
    pub organisation: String,
    /// management, manager, supervisor, officer, teacher or business.
    pub role_level: String,
    /// female, male, other or unspecified.
    pub gender: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonInput {
    pub name: String,
    pub email: Option<Email>,
    pub organisation: String,
    pub role_level: RoleLevel,
    pub gender: Gender,
}

impl PersonDraft {
    pub fn validate(&self) -> Result<PersonInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let name = e.check("name", crate::text::required("name", &self.name, NAME_MAX));
        let email = if self.email.trim().is_empty() {
            None
        } else {
            e.check("email", Email::parse(&self.email))
        };
        let organisation = e.check(
            "organisation",
            crate::text::required("organisation", &self.organisation, NAME_MAX),
        );
        let role_level = e.check(
            "role_level",
            RoleLevel::parse(&self.role_level).map_err(|x| x.at("role_level")),
        );
        let gender = e.check(
            "gender",
            Gender::parse(&self.gender).map_err(|x| x.at("gender")),
        );
        match (name, organisation, role_level, gender) {
            (Some(name), Some(organisation), Some(role_level), Some(gender)) if e.is_empty() => {
                Ok(PersonInput {
                    name,
                    email,
                    organisation,
                    role_level,
                    gender,
                })
            }
            _ => Err(e),
        }
    }
}

/// A registration from the public portal: who, how to reach her, and her consent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct PublicRegistrationDraft {
    pub name: String,
    pub email: String,
    pub phone: String,
    /// The consent to store the registration for the event (the box must be ticked).
    pub consent: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicRegistrationInput {
    pub name: String,
    pub email: Email,
    pub phone: String,
}

impl PublicRegistrationDraft {
    pub fn validate(&self) -> Result<PublicRegistrationInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let name = e.check("name", crate::text::required("name", &self.name, NAME_MAX));
        let email = e.check("email", Email::parse(&self.email));
        let phone = crate::text::collect(
            &mut e,
            crate::text::line("phone", &self.phone, 40),
            &self.phone,
        );
        if !self.consent {
            e.push(FieldError::new("consent", "event-error-consent"));
        }
        match (name, email) {
            (Some(name), Some(email)) if e.is_empty() => {
                Ok(PublicRegistrationInput { name, email, phone })
            }
            _ => Err(e),
        }
    }
}

/// Where a new registration goes: a place while one is free, else the waiting list.
pub fn place_for(capacity: i32, holding_places: usize) -> RegistrationStatus {
    if (holding_places as i64) < i64::from(capacity) {
        RegistrationStatus::Registered
    } else {
        RegistrationStatus::Waitlisted
    }
}

/// A supervisor's training status from the supervisor trainings she is registered for: for
/// each, (how many sessions it has, how many she attended). Every session attended of a training
/// with at least two (the two half-days) makes her trained; one attended, halfway; a place
/// without attendance yet, booked.
pub fn training_status(trainings: &[(usize, usize)]) -> TrainingStatus {
    let mut best = TrainingStatus::NotStarted;
    for &(sessions, attended) in trainings {
        let s = if sessions >= 2 && attended >= sessions {
            TrainingStatus::Trained
        } else if attended >= 1 {
            TrainingStatus::FirstHalfDone
        } else {
            TrainingStatus::Booked
        };
        if rank(s) > rank(best) {
            best = s;
        }
    }
    best
}

fn rank(s: TrainingStatus) -> u8 {
    match s {
        TrainingStatus::NotStarted => 0,
        TrainingStatus::Booked => 1,
        TrainingStatus::FirstHalfDone => 2,
        TrainingStatus::Trained => 3,
    }
}

/// One slot of a fair's timetable: when it starts and ends.
pub fn slot_times(
    session_start: DateTime<Utc>,
    slot_minutes: i32,
    slot: i32,
) -> (DateTime<Utc>, DateTime<Utc>) {
    let len = Duration::minutes(i64::from(slot_minutes.max(1)));
    let start = session_start + len * slot.max(0);
    (start, start + len)
}

/// How many slots of `slot_minutes` fit in a session.
pub fn slot_count(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>, slot_minutes: i32) -> u32 {
    let minutes = (ends_at - starts_at).num_minutes().max(0);
    u32::try_from(minutes / i64::from(slot_minutes.max(1))).unwrap_or(0)
}

/// A booked meeting of a fair's timetable, as the clash check sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FairSlot {
    pub id: i32,
    pub candidate: i32,
    pub employer: i32,
    pub slot: i32,
    pub table: i32,
}

/// Moving meeting `id` to `slot` at `table`: refused if the candidate already meets someone
/// then, if the table is taken then, or if the candidate would meet the same employer twice.
/// `tables` are the table numbers the meeting's employer has.
pub fn check_move(
    timetable: &[FairSlot],
    id: i32,
    slot: i32,
    table: i32,
    slots: i32,
    tables: &[i32],
) -> Result<(), FieldErrors> {
    let err = |f: &str, k: &'static str| Err(FieldErrors(vec![FieldError::new(f, k)]));
    let Some(m) = timetable.iter().find(|m| m.id == id) else {
        return err("meeting", "error-invalid-choice");
    };
    if slot < 0 || slot >= slots {
        return err("slot", "error-invalid-choice");
    }
    if !tables.contains(&table) {
        return err("table", "event-error-not-their-table");
    }
    let others = timetable.iter().filter(|o| o.id != id);
    if others
        .clone()
        .any(|o| o.candidate == m.candidate && o.slot == slot)
    {
        return err("slot", "event-error-candidate-busy");
    }
    if others.clone().any(|o| o.table == table && o.slot == slot) {
        return err("table", "event-error-table-busy");
    }
    if others
        .clone()
        .any(|o| o.candidate == m.candidate && o.employer == m.employer)
    {
        return err("meeting", "event-error-met-twice");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn kinds() -> Vec<String> {
        BUILTIN_KINDS.iter().map(|s| s.to_string()).collect()
    }

    fn fair() -> EventDraft {
        EventDraft {
            programme_id: "3".into(),
            kind: MATCHING_FAIR.into(),
            title: "Matchningsträff vård".into(),
            description: String::new(),
            capacity: "40".into(),
            audience: vec!["participants".into(), "contacts".into()],
            public: true,
            slot_minutes: "15".into(),
            meetings_per_candidate: "3".into(),
        }
    }

    #[test]
    fn a_fair_needs_its_slot_length_and_other_events_do_not() {
        let ok = fair().validate(&kinds()).unwrap();
        assert!(ok.is_fair());
        assert_eq!(
            ok.audience,
            vec![Audience::Participants, Audience::Contacts]
        );
        let e = EventDraft {
            slot_minutes: String::new(),
            ..fair()
        }
        .validate(&kinds())
        .unwrap_err();
        assert_eq!(e.0[0].field, "slot_minutes");
        let training = EventDraft {
            kind: SUPERVISOR_TRAINING.into(),
            slot_minutes: String::new(),
            meetings_per_candidate: String::new(),
            ..fair()
        }
        .validate(&kinds())
        .unwrap();
        assert_eq!(training.slot_minutes, 15);
    }

    #[test]
    fn an_unknown_kind_no_audience_and_no_title_are_each_named() {
        let e = EventDraft {
            kind: "party".into(),
            audience: vec!["everyone".into()],
            title: " ".into(),
            capacity: "0".into(),
            ..fair()
        }
        .validate(&kinds())
        .unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|x| x.field.as_str()).collect();
        for f in ["kind", "audience", "title", "capacity"] {
            assert!(fields.contains(&f), "{f} in {fields:?}");
        }
    }

    fn session(start: &str, end: &str) -> EventSessionDraft {
        EventSessionDraft {
            session_date: "2027-02-10".into(),
            session_start: start.into(),
            session_end: end.into(),
            place: "Stadshuset, sal 2".into(),
            link: String::new(),
        }
    }

    #[test]
    fn a_session_that_ends_before_it_starts_is_refused_beside_the_end() {
        let e = session("13:00", "09:00").validate().unwrap_err();
        assert_eq!(e.0[0].field, "session_end");
        assert_eq!(e.0[0].key, "event-error-end-before-start");
        let ok = session("09:00", "12:00").validate().unwrap();
        // 09:00 in Stockholm in February is 08:00 UTC.
        assert_eq!(ok.starts_at.to_rfc3339(), "2027-02-10T08:00:00+00:00");
    }

    #[test]
    fn a_session_needs_a_place_or_a_web_link() {
        let e = EventSessionDraft {
            place: String::new(),
            ..session("09:00", "10:00")
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.0[0].key, "event-error-place-or-link");
        let e = EventSessionDraft {
            link: "javascript:alert(1)".into(),
            ..session("09:00", "10:00")
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.0[0].field, "link");
    }

    #[test]
    fn public_registration_without_consent_is_refused_and_names_the_box() {
        let d = PublicRegistrationDraft {
            name: "Samira".into(),
            email: "samira@example.se".into(),
            phone: String::new(),
            consent: false,
        };
        assert_eq!(d.validate().unwrap_err().0[0].field, "consent");
        assert!(
            PublicRegistrationDraft { consent: true, ..d }
                .validate()
                .is_ok()
        );
    }

    #[test]
    fn places_fill_then_the_waiting_list() {
        assert_eq!(place_for(2, 0), RegistrationStatus::Registered);
        assert_eq!(place_for(2, 1), RegistrationStatus::Registered);
        assert_eq!(place_for(2, 2), RegistrationStatus::Waitlisted);
    }

    #[test]
    fn both_half_days_make_a_supervisor_trained() {
        assert_eq!(training_status(&[]), TrainingStatus::NotStarted);
        assert_eq!(training_status(&[(2, 0)]), TrainingStatus::Booked);
        assert_eq!(training_status(&[(2, 1)]), TrainingStatus::FirstHalfDone);
        assert_eq!(training_status(&[(2, 2)]), TrainingStatus::Trained);
        // One session alone is not the two half-days.
        assert_eq!(training_status(&[(1, 1)]), TrainingStatus::FirstHalfDone);
        assert_eq!(
            training_status(&[(2, 1), (2, 2), (2, 0)]),
            TrainingStatus::Trained
        );
    }

    #[test]
    fn slots_follow_each_other_from_the_session_start() {
        let s: DateTime<Utc> = "2027-03-01T12:00:00Z".parse().unwrap();
        let e: DateTime<Utc> = "2027-03-01T14:00:00Z".parse().unwrap();
        assert_eq!(slot_count(s, e, 15), 8);
        let (a, b) = slot_times(s, 15, 2);
        assert_eq!(a.to_rfc3339(), "2027-03-01T12:30:00+00:00");
        assert_eq!(b.to_rfc3339(), "2027-03-01T12:45:00+00:00");
    }

    #[test]
    fn a_move_that_double_books_a_candidate_or_a_table_is_refused() {
        let t = [
            FairSlot {
                id: 1,
                candidate: 10,
                employer: 100,
                slot: 0,
                table: 1,
            },
            FairSlot {
                id: 2,
                candidate: 10,
                employer: 200,
                slot: 1,
                table: 2,
            },
            FairSlot {
                id: 3,
                candidate: 11,
                employer: 100,
                slot: 1,
                table: 1,
            },
        ];
        let key = |r: Result<(), FieldErrors>| r.unwrap_err().0[0].key;
        assert_eq!(
            key(check_move(&t, 1, 1, 1, 4, &[1])),
            "event-error-candidate-busy"
        );
        assert_eq!(
            key(check_move(&t, 3, 0, 1, 4, &[1])),
            "event-error-table-busy"
        );
        assert_eq!(
            key(check_move(&t, 3, 2, 2, 4, &[1])),
            "event-error-not-their-table"
        );
        assert_eq!(
            key(check_move(&t, 3, 9, 1, 4, &[1])),
            "error-invalid-choice"
        );
        assert!(check_move(&t, 1, 2, 1, 4, &[1]).is_ok());
    }
}
