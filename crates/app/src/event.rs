//! Events: arranging one (sessions, invitations with a calendar file), registrations with a
//! waiting list, attendance at the door (which makes supervisors trained), the staff register,
//! the public portal's registration, and a matching fair's timetable (generated from the
//! candidates' fit with the employers at the fair, saved, sent, changed by hand).

use base64::Engine as _;
use brygga_domain::calendar::utc_to_stockholm;
use brygga_domain::course::parse_attendance;
use brygga_domain::event::{
    EventDraft, EventSessionDraft, PersonDraft, PublicRegistrationDraft, RegistrationStatus,
    kind_name, slot_times,
};
use brygga_domain::{FieldError, FieldErrors};
use brygga_i18n::{I18n, Lang};
use brygga_store::Actor;
use brygga_store::event::{Booked, EventLetter, Registered, Who};
use brygga_store::idempotency::Once;
use brygga_store::jobs::{Attachment, OutgoingEmail};

use crate::calendar_invite::{Invite, Person, calendar_of, from_address, host};
use crate::mail::MailSettings;
use crate::matching::{MeetingPlan, Pool};
use crate::{App, Error, Result};

fn field(field: &str, key: &'static str) -> Error {
    Error::Invalid(FieldErrors(vec![FieldError::new(field, key)]))
}

async fn kinds(app: &App) -> Result<Vec<String>> {
    Ok(app
        .store
        .event_kinds()
        .await?
        .into_iter()
        .map(|k| k.key)
        .collect())
}

/// Create an event once per `create_key`.
pub async fn create(
    app: &App,
    actor: &Actor,
    create_key: &str,
    draft: &EventDraft,
) -> Result<Once> {
    let input = draft.validate(&kinds(app).await?)?;
    Ok(app
        .store
        .create_once(actor, "event", create_key, async || {
            app.store.event_create(actor, &input).await
        })
        .await?)
}

/// Save an event read at `version`; places a raised capacity frees go to the waiting list.
pub async fn update(
    app: &App,
    actor: &Actor,
    id: i32,
    version: i32,
    draft: &EventDraft,
) -> Result<()> {
    let input = draft.validate(&kinds(app).await?)?;
    let c = Letters::new(&app.mail);
    Ok(app
        .store
        .event_update(actor, id, version, &input, &|l| Some(c.letter(l)))
        .await?)
}

pub async fn add_session(
    app: &App,
    actor: &Actor,
    id: i32,
    draft: &EventSessionDraft,
) -> Result<i32> {
    let input = draft.validate()?;
    Ok(app.store.event_session_add(actor, id, &input).await?)
}

/// An admin adds a kind of event.
pub async fn add_kind(app: &App, actor: &Actor, name: &str) -> Result<i32> {
    let name = kind_name(name)?;
    Ok(app.store.event_kind_add(actor, &name).await?)
}

/// The coordinator registers someone chosen on the form (`p-<id>`, `x-<id>`, `s-<id>`).
pub async fn register(app: &App, actor: &Actor, id: i32, who: &str) -> Result<Registered> {
    let who = Who::parse(who)?;
    let c = Letters::new(&app.mail);
    Ok(app
        .store
        .event_register(actor, id, who, &|l| Some(c.letter(l)))
        .await?)
}

/// The actor registers herself.
pub async fn register_self(app: &App, actor: &Actor, id: i32) -> Result<Registered> {
    let c = Letters::new(&app.mail);
    Ok(app
        .store
        .event_register_self(actor, id, &|l| Some(c.letter(l)))
        .await?)
}

/// A registration from the public portal (consent required) by the client at `client`;
/// `None` when that client has sent too many for now.
pub async fn register_public(
    app: &App,
    id: i32,
    draft: &PublicRegistrationDraft,
    client: &str,
) -> Result<Option<Registered>> {
    let input = draft.validate()?;
    let c = Letters::new(&app.mail);
    Ok(app
        .store
        .event_register_public(id, &input, client, chrono::Utc::now(), &|l| {
            Some(c.letter(l))
        })
        .await?)
}

pub async fn cancel(
    app: &App,
    actor: &Actor,
    id: i32,
    registration_id: i32,
    version: i32,
) -> Result<()> {
    let c = Letters::new(&app.mail);
    Ok(app
        .store
        .event_cancel(actor, id, registration_id, version, &|l| Some(c.letter(l)))
        .await?)
}

/// Invite the people chosen (keys from `event_choices`).
pub async fn invite(app: &App, actor: &Actor, id: i32, keys: &[String]) -> Result<usize> {
    let c = Letters::new(&app.mail);
    Ok(app
        .store
        .event_invite(actor, id, keys, &|l| Some(c.letter(l)))
        .await?)
}

/// Attendance as the door list sends it: (registration id, mark) per row marked.
pub async fn record_attendance(
    app: &App,
    actor: &Actor,
    id: i32,
    session_id: i32,
    rows: &[(String, String)],
) -> Result<()> {
    let marks = parse_attendance(rows)?;
    Ok(app
        .store
        .event_attendance_record(actor, id, session_id, &marks)
        .await?)
}

/// Add a person to the staff register of a programme.
pub async fn add_person(
    app: &App,
    actor: &Actor,
    programme_id: &str,
    draft: &PersonDraft,
) -> Result<i32> {
    let input = draft.validate();
    let programme = programme_id.trim().parse::<i32>().ok();
    match (input, programme) {
        (Ok(input), Some(p)) => Ok(app.store.event_person_create(actor, p, &input).await?),
        (Err(mut e), p) => {
            if p.is_none() {
                e.push(FieldError::new("programme_id", "error-required"));
            }
            Err(Error::Invalid(e))
        }
        (Ok(_), None) => Err(field("programme_id", "error-required")),
    }
}

pub async fn update_person(
    app: &App,
    actor: &Actor,
    id: i32,
    version: i32,
    draft: &PersonDraft,
) -> Result<()> {
    let input = draft.validate()?;
    Ok(app
        .store
        .event_person_update(actor, id, version, &input)
        .await?)
}

/// Queue the reminders for sessions starting tomorrow (Stockholm); each once.
pub async fn queue_reminders(app: &App, today: chrono::NaiveDate) -> Result<usize> {
    let c = Letters::new(&app.mail);
    let day = |d: chrono::NaiveDate| {
        d.and_hms_opt(0, 0, 0)
            .and_then(brygga_domain::calendar::stockholm_to_utc)
    };
    let (Some(from), Some(to)) = (
        today.succ_opt().and_then(day),
        today.succ_opt().and_then(|d| d.succ_opt()).and_then(day),
    ) else {
        return Ok(0);
    };
    Ok(app
        .store
        .event_reminders_queue(from, to, &|l| Some(c.letter(l)))
        .await?)
}

// ------------------------------------------------------------------ the matching fair

/// Add an employer to a fair with its number of tables: the one chosen (the coordinator), or
/// her own (an employer's contact, whatever the form says).
pub async fn add_fair_employer(
    app: &App,
    actor: &Actor,
    id: i32,
    employer_id: &str,
    tables: &str,
) -> Result<()> {
    let mut e = FieldErrors::default();
    let own = actor
        .employer_id()
        .filter(|_| actor.role() == brygga_domain::model::Role::EmployerContact);
    let employer_id = match own {
        Some(own) => Some(own),
        None => e.check(
            "employer_id",
            employer_id
                .trim()
                .parse::<i32>()
                .map_err(|_| FieldError::new("employer_id", "error-required")),
        ),
    };
    let tables = e.check(
        "tables",
        brygga_domain::values::parse_int_range("tables", tables, 1, 20),
    );
    match (employer_id, tables) {
        (Some(emp), Some(t)) if e.is_empty() => Ok(app
            .store
            .fair_employer_add(actor, id, emp, t as i32)
            .await?),
        _ => Err(Error::Invalid(e)),
    }
}

/// How a generated timetable came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Generated {
    pub meetings: usize,
    /// Registered candidates left out: placed, finished, or proposed elsewhere already.
    pub left_out: usize,
}

/// Generate the fair's timetable with the exact scheduler and save it: candidates registered
/// who are still looking and not proposed elsewhere (and those from the portal who are not in
/// the records yet, at a low neutral fit), the fair's employers at their tables, slots of the
/// event's length through its first session; table numbers per employer.
pub async fn generate_timetable(app: &App, actor: &Actor, id: i32) -> Result<Generated> {
    let input = app.store.fair_input(actor, id).await?;
    if input.employers.is_empty() {
        return Err(field("timetable", "event-error-no-employers"));
    }
    if input.slots == 0 {
        return Err(field("timetable", "event-error-no-slots"));
    }
    let pool = Pool::load_plan(app, actor, input.programme_id).await?;
    let looking: std::collections::HashSet<i32> = pool.looking().into_iter().collect();
    let proposed: std::collections::HashSet<i32> =
        pool.kept.iter().map(|f| f.participant_id).collect();
    let candidates: Vec<(i32, i32)> = input
        .candidates
        .iter()
        .copied()
        .filter(|(_, p)| looking.contains(p) && !proposed.contains(p))
        .collect();
    let left_out = input.candidates.len() - candidates.len();
    let participants: Vec<(i32, String)> = candidates
        .iter()
        .map(|(_, p)| (*p, String::new()))
        .collect();
    let employers: Vec<(i32, String)> = input
        .employers
        .iter()
        .map(|f| (f.employer_id, f.name.clone()))
        .collect();
    let tables: Vec<u32> = input
        .employers
        .iter()
        .map(|f| f.tables.max(1) as u32)
        .collect();
    let plan = MeetingPlan::for_people(
        &pool,
        participants,
        employers,
        tables,
        input.slots,
        input.meetings_per_candidate,
        Some(input.walk_ins.len()),
    )
    .map_err(|e| {
        tracing::warn!("fair timetable: {e}");
        field("timetable", "event-error-no-slots")
    })?;
    // Candidates by the scheduler's index: the profiled ones, then those from the portal.
    let registrations: Vec<i32> = candidates
        .iter()
        .map(|(r, _)| *r)
        .chain(input.walk_ins.iter().copied())
        .collect();
    // Within a slot an employer's meetings take its tables in turn.
    let mut used: std::collections::HashMap<(usize, u32), i32> = Default::default();
    let mut booked: Vec<Booked> = vec![];
    let mut meetings = plan.schedule.meetings.clone();
    meetings.sort_by_key(|m| (m.slot, m.employer, m.participant));
    for m in meetings {
        let (Some(reg), Some(f)) = (
            registrations.get(m.participant),
            input.employers.get(m.employer),
        ) else {
            continue;
        };
        let n = used.entry((m.employer, m.slot)).or_insert(0);
        booked.push((
            *reg,
            f.employer_id,
            m.slot as i32,
            f.first_table + *n,
            m.fit,
        ));
        *n += 1;
    }
    app.store.fair_timetable_save(actor, id, &booked).await?;
    Ok(Generated {
        meetings: booked.len(),
        left_out,
    })
}

/// Move one meeting by hand (clash-checked).
pub async fn move_meeting(
    app: &App,
    actor: &Actor,
    id: i32,
    meeting_id: i32,
    slot: &str,
    table: &str,
) -> Result<()> {
    let mut e = FieldErrors::default();
    // Slots are shown from 1.
    let slot = e.check(
        "slot",
        brygga_domain::values::parse_int_range("slot", slot, 1, 1000),
    );
    let table = e.check(
        "table",
        brygga_domain::values::parse_int_range("table", table, 1, 1000),
    );
    match (slot, table) {
        (Some(s), Some(t)) if e.is_empty() => Ok(app
            .store
            .fair_meeting_move(actor, id, meeting_id, s as i32 - 1, t as i32)
            .await?),
        _ => Err(Error::Invalid(e)),
    }
}

/// Send every candidate and employer contact her personal timetable.
pub async fn send_timetable(app: &App, actor: &Actor, id: i32) -> Result<usize> {
    let c = Letters::new(&app.mail);
    Ok(app
        .store
        .fair_send(actor, id, &|l| Some(c.letter(l)))
        .await?)
}

/// A time as Swedish local time for display.
pub use crate::meeting::local_time as local;

/// Writes event e-mail in Swedish with the English below, each with its calendar file.
struct Letters {
    host: String,
    from_email: String,
    public_url: String,
}

impl Letters {
    fn new(mail: &MailSettings) -> Self {
        Letters {
            host: host(mail),
            from_email: from_address(mail),
            public_url: mail.public_url.trim_end_matches('/').to_string(),
        }
    }

    fn letter(&self, l: &EventLetter) -> OutgoingEmail {
        let sv = I18n::new(Lang::Sv);
        let (subject, intro) = if l.reminder {
            ("event-mail-reminder-subject", "event-mail-reminder-intro")
        } else if !l.meetings.is_empty() {
            ("event-mail-timetable-subject", "event-mail-timetable-intro")
        } else {
            match l.status {
                Some(RegistrationStatus::Registered) => (
                    "event-mail-registered-subject",
                    "event-mail-registered-intro",
                ),
                Some(RegistrationStatus::Waitlisted) => (
                    "event-mail-waitlisted-subject",
                    "event-mail-waitlisted-intro",
                ),
                _ => (
                    "event-mail-invitation-subject",
                    "event-mail-invitation-intro",
                ),
            }
        };
        let text = format!(
            "{}\n\n-- English --\n\n{}",
            self.body(&sv, l, intro),
            self.body(&I18n::new(Lang::En), l, intro)
        );
        let organizer = Person {
            name: if l.organizer_name.is_empty() {
                "Brygga".into()
            } else {
                l.organizer_name.clone()
            },
            email: if l.organizer_email.is_empty() {
                self.from_email.clone()
            } else {
                l.organizer_email.clone()
            },
        };
        let attendee = vec![Person {
            name: l.name.clone(),
            email: l.email.clone(),
        }];
        // A timetable's file holds its meetings; any other letter the event's sessions. A
        // waiting place gets no calendar file: it is not a place yet.
        let invites: Vec<Invite> = if !l.meetings.is_empty() {
            l.meetings
                .iter()
                .map(|m| Invite {
                    uid: format!("fair-{}-{}@{}", l.event_id, m.id, self.host),
                    sequence: 0,
                    starts_at: m.starts_at,
                    ends_at: m.ends_at,
                    summary: format!("{} – {} / {}", l.title, m.employer, m.candidate),
                    location: format!("{} {}", sv.t("event-table"), m.table),
                    url: String::new(),
                    organizer: organizer.clone(),
                    attendees: attendee.clone(),
                    cancelled: false,
                })
                .collect()
        } else if l.status == Some(RegistrationStatus::Waitlisted) {
            vec![]
        } else {
            l.sessions
                .iter()
                .map(|s| Invite {
                    uid: format!("event-{}-{}@{}", l.event_id, s.id, self.host),
                    sequence: 0,
                    starts_at: s.starts_at,
                    ends_at: s.ends_at,
                    summary: l.title.clone(),
                    location: s.place.clone(),
                    url: s.link.clone(),
                    organizer: organizer.clone(),
                    attendees: attendee.clone(),
                    cancelled: false,
                })
                .collect()
        };
        let attachments = if invites.is_empty() {
            vec![]
        } else {
            vec![Attachment {
                filename: "event.ics".into(),
                content_type: "text/calendar; method=REQUEST; charset=utf-8".into(),
                data_base64: base64::engine::general_purpose::STANDARD
                    .encode(calendar_of(&invites).as_bytes()),
            }]
        };
        OutgoingEmail {
            to: vec![l.email.clone()],
            subject: sv.t1(subject, "title", &l.title),
            text,
            attachments,
        }
    }

    fn body(&self, i18n: &I18n, l: &EventLetter, intro: &str) -> String {
        let mut out = format!(
            "{}\n\n{}\n\n",
            i18n.t1("event-mail-greeting", "name", &l.name),
            i18n.t1(intro, "title", &l.title),
        );
        if !l.description.is_empty() {
            out.push_str(&format!("{}\n\n", l.description));
        }
        if l.meetings.is_empty() {
            for s in &l.sessions {
                out.push_str(&format!(
                    "- {}–{}",
                    local(s.starts_at),
                    utc_to_stockholm(s.ends_at).format("%H:%M")
                ));
                if !s.place.is_empty() {
                    out.push_str(&format!(", {}", s.place));
                }
                if !s.link.is_empty() {
                    out.push_str(&format!(", {}", s.link));
                }
                out.push('\n');
            }
        } else {
            for m in &l.meetings {
                out.push_str(&format!(
                    "- {}–{}: {} / {}, {} {}\n",
                    local(m.starts_at),
                    utc_to_stockholm(m.ends_at).format("%H:%M"),
                    m.employer,
                    m.candidate,
                    i18n.t("event-table"),
                    m.table
                ));
            }
        }
        out.push_str(&format!(
            "\n{}: {}/events/{}\n",
            i18n.t("event-mail-link"),
            self.public_url,
            l.event_id
        ));
        out
    }
}

/// The start and end of slot `slot` (from 0) of a fair whose first session starts at `start`.
pub fn slot_label(start: chrono::DateTime<chrono::Utc>, slot_minutes: i32, slot: i32) -> String {
    let (a, b) = slot_times(start, slot_minutes, slot);
    format!(
        "{}–{}",
        utc_to_stockholm(a).format("%H:%M"),
        utc_to_stockholm(b).format("%H:%M")
    )
}
