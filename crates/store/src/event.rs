//! Events: a programme's matching fairs, supervisor trainings, network meetings and the rest,
//! with their sessions, invitations, registrations (a place or the waiting list), attendance
//! taken at the door, the register of trained staff, and a matching fair's employers, saved
//! timetable and the employers' wishes to meet a candidate again.
//!
//! Who sees an event (policy resource `Event`): the programme's staff in scope; whoever is
//! invited or registered (`OwnRecord`); an employer taking part in a fair (`OwnEmployer`); and,
//! for an event on the portal, anyone (`Public`). The registration list, e-mail addresses and
//! attendance are for the staff in scope; others see their own registration only.

use std::collections::{BTreeMap, HashMap, HashSet};

use brygga_domain::course::AttendanceMark;
use brygga_domain::event::{
    Audience, EventInput, EventSessionInput, FairSlot, MATCHING_FAIR, PersonInput,
    PublicRegistrationInput, RegistrationSource, RegistrationStatus, RoleLevel,
    SUPERVISOR_TRAINING, audience_from_str, audience_to_string, place_for, training_status,
};
use brygga_domain::model::Role;
use brygga_domain::policy::{Action, Relation, Resource};
use brygga_domain::values::Gender;
use brygga_domain::{FieldError, FieldErrors};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;

use crate::actor::{decide_any, enforce};
use crate::audit::AuditAction;
use crate::entities::{
    employer, employer_contact, event, event_attendance, event_invitation, event_kind,
    event_person, event_registration, event_session, fair_employer, fair_meeting, fair_wish,
    organisation, participant, supervisor,
};
use crate::jobs::{OutgoingEmail, enqueue_email};
use crate::{Actor, Page, Result, Store, StoreError};

const PER_PAGE: u64 = 25;

fn invalid(field: &str, key: &'static str) -> StoreError {
    StoreError::Invalid(FieldErrors(vec![FieldError::new(field, key)]))
}

/// A kind to choose: its key and, for one an admin added, its name.
#[derive(Debug, Clone, Serialize)]
pub struct KindChoice {
    pub key: String,
    /// `None` for a built-in kind (its name is in the translation files).
    pub name: Option<String>,
}

/// The key of a kind an admin added.
fn custom_key(id: i32) -> String {
    format!("custom-{id}")
}

#[derive(Debug, Clone, Serialize)]
pub struct SessionView {
    pub id: i32,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub link: String,
}

impl SessionView {
    fn of(s: &event_session::Model) -> Self {
        SessionView {
            id: s.id,
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            place: s.place.clone(),
            link: s.link.clone(),
        }
    }

    pub fn hours(&self) -> f64 {
        (self.ends_at - self.starts_at).num_minutes() as f64 / 60.0
    }
}

/// An event in a list.
#[derive(Debug, Clone, Serialize)]
pub struct EventSummary {
    pub id: i32,
    pub programme_id: i32,
    pub kind: String,
    /// The name of a kind an admin added; `None` for a built-in kind.
    pub kind_name: Option<String>,
    pub title: String,
    pub public: bool,
    pub capacity: i32,
    pub registered: usize,
    pub waitlisted: usize,
    pub first_session: Option<SessionView>,
}

/// A registration as the staff see it.
#[derive(Debug, Clone, Serialize)]
pub struct RegistrationView {
    pub id: i32,
    pub name: String,
    pub email: String,
    pub participant_id: Option<i32>,
    pub person_id: Option<i32>,
    pub status: RegistrationStatus,
    pub source: RegistrationSource,
    pub version: i32,
    /// (session id, mark) for each session marked.
    pub marks: Vec<(i32, AttendanceMark)>,
}

impl RegistrationView {
    pub fn mark(&self, session_id: i32) -> Option<AttendanceMark> {
        self.marks
            .iter()
            .find(|(s, _)| *s == session_id)
            .map(|(_, m)| *m)
    }
}

/// An employer at a fair, with its tables.
#[derive(Debug, Clone, Serialize)]
pub struct FairEmployer {
    pub employer_id: i32,
    pub name: String,
    pub tables: i32,
    pub first_table: i32,
}

impl FairEmployer {
    pub fn table_numbers(&self) -> Vec<i32> {
        (self.first_table..self.first_table + self.tables).collect()
    }
}

/// A meeting in a fair's saved timetable.
#[derive(Debug, Clone, Serialize)]
pub struct FairMeetingView {
    pub id: i32,
    pub registration_id: i32,
    pub participant_id: Option<i32>,
    pub candidate: String,
    pub candidate_email: String,
    pub employer_id: i32,
    pub employer: String,
    pub slot: i32,
    pub table: i32,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The employer wants to meet the candidate again.
    pub wished: bool,
}

/// A fair's employers and timetable.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Fair {
    pub employers: Vec<FairEmployer>,
    pub meetings: Vec<FairMeetingView>,
    /// How many slots the fair's first session holds.
    pub slots: i32,
    pub sent_at: Option<DateTime<Utc>>,
}

/// An event with what the actor may see and do.
#[derive(Debug, Clone, Serialize)]
pub struct EventRecord {
    pub id: i32,
    pub programme_id: i32,
    pub programme_name: String,
    pub kind: String,
    pub kind_name: Option<String>,
    pub title: String,
    pub description: String,
    pub capacity: i32,
    pub audience: Vec<Audience>,
    pub public: bool,
    pub slot_minutes: i32,
    pub meetings_per_candidate: i32,
    pub version: i32,
    pub sessions: Vec<SessionView>,
    pub registered: usize,
    pub waitlisted: usize,
    /// Every registration: for the staff in scope only (empty for others).
    pub registrations: Vec<RegistrationView>,
    pub invited: usize,
    /// The actor's own registration.
    pub own: Option<RegistrationView>,
    pub may_manage: bool,
    /// The actor may register herself (invited, or the event is public).
    pub may_register_self: bool,
    /// The actor's employer is at the fair (an employer contact).
    pub own_employer: Option<i32>,
    /// The actor (an employer's contact) may bring her employer to this fair.
    pub may_join_fair: bool,
    /// The actor may open the fair's timetable: she arranges it, or her employer is at it.
    pub may_see_timetable: bool,
    pub fair: Option<Fair>,
}

impl EventRecord {
    pub fn is_fair(&self) -> bool {
        self.kind == MATCHING_FAIR
    }
    pub fn is_training(&self) -> bool {
        self.kind == SUPERVISOR_TRAINING
    }
}

/// Someone the coordinator registers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Participant(i32),
    /// A person in the staff register.
    Person(i32),
    /// A supervisor in the records (her person in the register is made if needed).
    Supervisor(i32),
}

impl Who {
    /// `p-<id>`, `x-<id>` or `s-<id>` as the registration form sends it.
    pub fn parse(s: &str) -> Result<Who> {
        let bad = || invalid("who", "error-invalid-choice");
        let (kind, id) = s.trim().split_once('-').ok_or_else(bad)?;
        let id: i32 = id.parse().map_err(|_| bad())?;
        match kind {
            "p" => Ok(Who::Participant(id)),
            "x" => Ok(Who::Person(id)),
            "s" => Ok(Who::Supervisor(id)),
            _ => Err(bad()),
        }
    }
}

/// A choice on the registration or invitation form.
#[derive(Debug, Clone, Serialize)]
pub struct WhoChoice {
    /// `p-<id>`, `x-<id>` or `s-<id>`.
    pub key: String,
    pub name: String,
    pub email: String,
    pub group: Audience,
}

/// What a registration came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Registered {
    pub id: i32,
    pub status: RegistrationStatus,
}

/// An invitation or confirmation to be written: the event, its sessions and the person.
#[derive(Debug, Clone)]
pub struct EventLetter {
    pub event_id: i32,
    pub title: String,
    pub description: String,
    pub sessions: Vec<SessionView>,
    pub name: String,
    pub email: String,
    pub organizer_email: String,
    pub organizer_name: String,
    /// Set for a letter about a registration: where it stands.
    pub status: Option<RegistrationStatus>,
    /// A fair timetable's meetings for this person (candidate or employer).
    pub meetings: Vec<FairMeetingView>,
    /// The day-before reminder of a session.
    pub reminder: bool,
}

/// Writes the e-mail for a letter; `None` sends nothing (the demo mails nobody).
impl EventLetter {
    /// A letter about event `e` to `name` at `email`, from `actor`.
    fn to(
        e: &event::Model,
        sessions: &[SessionView],
        actor: &Actor,
        name: &str,
        email: &str,
        status: Option<RegistrationStatus>,
    ) -> EventLetter {
        EventLetter {
            event_id: e.id,
            title: e.title.clone(),
            description: e.description.clone(),
            sessions: sessions.to_vec(),
            name: name.to_string(),
            email: email.to_string(),
            organizer_email: actor.email.clone(),
            organizer_name: actor.name.clone(),
            status,
            meetings: vec![],
            reminder: false,
        }
    }
}

pub type ComposeLetter<'a> = &'a (dyn Fn(&EventLetter) -> Option<OutgoingEmail> + Sync);

/// A person in the staff register, with what she has taken part in.
#[derive(Debug, Clone, Serialize)]
pub struct StaffRow {
    pub id: i32,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub role_level: RoleLevel,
    pub gender: Gender,
    pub supervisor_id: Option<i32>,
    /// The version read, for a correction.
    pub version: i32,
    /// Events with at least one session attended.
    pub trainings: usize,
    pub hours: f64,
}

/// Counts of trained people (at least one session attended) and their hours, by a key.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Tally {
    pub key: String,
    pub women: usize,
    pub men: usize,
    pub other: usize,
    pub hours: f64,
}

impl Tally {
    pub fn total(&self) -> usize {
        self.women + self.men + self.other
    }
    fn add(&mut self, g: Gender, hours: f64) {
        match g {
            Gender::Female => self.women += 1,
            Gender::Male => self.men += 1,
            _ => self.other += 1,
        }
        self.hours += hours;
    }
}

/// The staff register: every person, and the counts per training, organisation and level.
#[derive(Debug, Clone, Serialize, Default)]
pub struct StaffRegister {
    pub people: Vec<StaffRow>,
    pub by_training: Vec<Tally>,
    pub by_organisation: Vec<Tally>,
    pub by_level: Vec<Tally>,
}

/// What the fair's timetable generator needs: candidates registered (with their participant),
/// the employers at their tables, the slots.
#[derive(Debug, Clone)]
pub struct FairInput {
    pub programme_id: i32,
    /// (registration id, participant id) of each candidate holding a place.
    pub candidates: Vec<(i32, i32)>,
    /// The registrations holding a place of people not in the records (from the portal).
    pub walk_ins: Vec<i32>,
    pub employers: Vec<FairEmployer>,
    pub slots: u32,
    pub meetings_per_candidate: u32,
}

/// A meeting the generator booked: (registration id, employer id, slot, table, fit).
pub type Booked = (i32, i32, i32, i32, f64);

impl Store {
    // ------------------------------------------------------------------ kinds

    /// Every kind: the built-in ones, then those an admin added.
    pub async fn event_kinds(&self) -> Result<Vec<KindChoice>> {
        let mut out: Vec<KindChoice> = brygga_domain::event::BUILTIN_KINDS
            .iter()
            .map(|k| KindChoice {
                key: (*k).to_string(),
                name: None,
            })
            .collect();
        for k in event_kind::Entity::find()
            .order_by_asc(event_kind::Column::Name)
            .all(&self.db)
            .await?
        {
            out.push(KindChoice {
                key: custom_key(k.id),
                name: Some(k.name),
            });
        }
        Ok(out)
    }

    /// An admin adds a kind.
    pub async fn event_kind_add(&self, actor: &Actor, name: &str) -> Result<i32> {
        if actor.role != Role::Admin {
            return Err(StoreError::Forbidden);
        }
        let exists = event_kind::Entity::find()
            .all(&self.db)
            .await?
            .iter()
            .any(|k| k.name.to_lowercase() == name.to_lowercase());
        if exists {
            return Err(invalid("name", "event-error-kind-exists"));
        }
        let tx = crate::begin_write(&self.db).await?;
        let k = event_kind::ActiveModel {
            name: Set(name.to_string()),
            created_at: Set(crate::now()),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "event_kind",
            Some(k.id),
            &["name"],
        )
        .await?;
        Ok(k.id)
    }

    /// The names of the kinds an admin added, by key (one read for a whole list).
    async fn custom_kinds(&self) -> Result<HashMap<String, String>> {
        Ok(event_kind::Entity::find()
            .all(&self.db)
            .await?
            .into_iter()
            .map(|k| (custom_key(k.id), k.name))
            .collect())
    }

    // ------------------------------------------------------------------ relations

    /// How an event relates to the actor.
    async fn event_relations(&self, actor: &Actor, e: &event::Model) -> Result<Vec<Relation>> {
        let mut rels = vec![];
        if actor.in_org_scope(e.programme_id) {
            rels.push(Relation::InOrgScope);
        }
        if e.public {
            rels.push(Relation::Public);
        }
        // An employer's contact (not its supervisors) answers for the employer at a fair.
        if let Some(emp) = actor
            .employer_id
            .filter(|_| actor.can(Action::Read, Resource::Event, Relation::OwnEmployer))
        {
            let at_fair = fair_employer::Entity::find()
                .filter(fair_employer::Column::EventId.eq(e.id))
                .filter(fair_employer::Column::EmployerId.eq(emp))
                .count(&self.db)
                .await?;
            if at_fair > 0 {
                rels.push(Relation::OwnEmployer);
            }
        }
        if self.own_registration(actor, e.id).await?.is_some() || self.invited(actor, e.id).await? {
            rels.push(Relation::OwnRecord);
        }
        Ok(rels)
    }

    async fn invited(&self, actor: &Actor, event_id: i32) -> Result<bool> {
        let Some(uid) = actor.user_id else {
            return Ok(false);
        };
        Ok(event_invitation::Entity::find()
            .filter(event_invitation::Column::EventId.eq(event_id))
            .filter(event_invitation::Column::UserId.eq(uid))
            .count(&self.db)
            .await?
            > 0)
    }

    /// The registration key of the actor herself, when she can have one.
    async fn own_key(&self, actor: &Actor) -> Result<Option<String>> {
        if let Some(p) = actor.participant_id {
            return Ok(Some(format!("participant:{p}")));
        }
        let Some(uid) = actor.user_id else {
            return Ok(None);
        };
        let person = event_person::Entity::find()
            .filter(event_person::Column::UserId.eq(uid))
            .one(&self.db)
            .await?;
        Ok(person.map(|p| format!("person:{}", p.id)))
    }

    async fn own_registration(
        &self,
        actor: &Actor,
        event_id: i32,
    ) -> Result<Option<event_registration::Model>> {
        let Some(key) = self.own_key(actor).await? else {
            return Ok(None);
        };
        Ok(event_registration::Entity::find()
            .filter(event_registration::Column::EventId.eq(event_id))
            .filter(event_registration::Column::WhoKey.eq(key))
            .one(&self.db)
            .await?)
    }

    /// An event the actor may do `action` on.
    async fn event_checked(
        &self,
        actor: &Actor,
        id: i32,
        action: Action,
    ) -> Result<(event::Model, Vec<Relation>)> {
        let e = event::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let rels = self.event_relations(actor, &e).await?;
        // Out of scope an event is not confirmed to exist (its title may name a workplace); one
        // the actor sees but may not change this way is refused.
        match decide_any(actor, action, Resource::Event, &rels) {
            brygga_domain::policy::Decision::Allow => Ok((e, rels)),
            _ if !actor.may(action, Resource::Event) => Err(StoreError::Forbidden),
            _ if decide_any(actor, Action::Read, Resource::Event, &rels).allowed() => {
                Err(StoreError::Forbidden)
            }
            _ => Err(StoreError::NotFound),
        }
    }

    /// The event, the actor one of the programme's staff in scope (may manage it).
    async fn event_managed(&self, actor: &Actor, id: i32) -> Result<event::Model> {
        let (e, rels) = self.event_checked(actor, id, Action::Read).await?;
        enforce(decide_any(actor, Action::Update, Resource::Event, &rels))?;
        if !manages(actor, &rels) {
            return Err(StoreError::Forbidden);
        }
        Ok(e)
    }

    // ------------------------------------------------------------------ lists and reads

    /// The events the actor may see, the latest first.
    pub async fn event_list(&self, actor: &Actor, page: u64) -> Result<Page<EventSummary>> {
        if !actor.may(Action::List, Resource::Event) {
            return Err(StoreError::Forbidden);
        }
        let mut q = event::Entity::find();
        if actor.role != Role::Admin {
            let mut any = sea_orm::Condition::any();
            let scope: Vec<i32> = actor.org_scope.iter().copied().collect();
            if actor.can(Action::List, Resource::Event, Relation::InOrgScope) && !scope.is_empty() {
                any = any.add(event::Column::ProgrammeId.is_in(scope));
            }
            let own = self.own_event_ids(actor).await?;
            if !own.is_empty() {
                any = any.add(event::Column::Id.is_in(own));
            }
            if actor.can(Action::List, Resource::Event, Relation::Public) {
                any = any.add(event::Column::Public.eq(true));
            }
            any = any.add(Expr::cust("1 = 0"));
            q = q.filter(any);
        }
        let page =
            crate::paged(&self.db, q.order_by_desc(event::Column::Id), page, PER_PAGE).await?;
        let ids: Vec<i32> = page.items.iter().map(|e| e.id).collect();
        let sessions = self.sessions_of(&ids).await?;
        let counts = self.counts_of(&ids).await?;
        let kinds = self.custom_kinds().await?;
        let mut out = vec![];
        for e in page.items.iter() {
            out.push(EventSummary {
                id: e.id,
                programme_id: e.programme_id,
                kind: e.kind.clone(),
                kind_name: kinds.get(&e.kind).cloned(),
                title: e.title.clone(),
                public: e.public,
                capacity: e.capacity,
                registered: counts.get(&e.id).map_or(0, |c| c.0),
                waitlisted: counts.get(&e.id).map_or(0, |c| c.1),
                first_session: sessions
                    .get(&e.id)
                    .and_then(|s| s.first())
                    .map(SessionView::of),
            });
        }
        let items = out;
        Ok(Page {
            items,
            page: page.page,
            per_page: page.per_page,
            total: page.total,
        })
    }

    /// Events the actor is invited to, registered for, or (an employer) takes part in as a fair.
    async fn own_event_ids(&self, actor: &Actor) -> Result<Vec<i32>> {
        let mut ids: HashSet<i32> = HashSet::new();
        if let Some(uid) = actor.user_id {
            for i in event_invitation::Entity::find()
                .filter(event_invitation::Column::UserId.eq(uid))
                .all(&self.db)
                .await?
            {
                ids.insert(i.event_id);
            }
        }
        if let Some(key) = self.own_key(actor).await? {
            for r in event_registration::Entity::find()
                .filter(event_registration::Column::WhoKey.eq(key))
                .all(&self.db)
                .await?
            {
                ids.insert(r.event_id);
            }
        }
        if let Some(emp) = actor.employer_id
            && actor.can(Action::List, Resource::Event, Relation::OwnEmployer)
        {
            for f in fair_employer::Entity::find()
                .filter(fair_employer::Column::EmployerId.eq(emp))
                .all(&self.db)
                .await?
            {
                ids.insert(f.event_id);
            }
        }
        let mut v: Vec<i32> = ids.into_iter().collect();
        v.sort_unstable();
        Ok(v)
    }

    async fn sessions_of(&self, ids: &[i32]) -> Result<HashMap<i32, Vec<event_session::Model>>> {
        let mut out: HashMap<i32, Vec<event_session::Model>> = HashMap::new();
        if ids.is_empty() {
            return Ok(out);
        }
        for s in event_session::Entity::find()
            .filter(event_session::Column::EventId.is_in(ids.to_vec()))
            .order_by_asc(event_session::Column::StartsAt)
            .all(&self.db)
            .await?
        {
            out.entry(s.event_id).or_default().push(s);
        }
        Ok(out)
    }

    /// (registered, waitlisted) per event.
    async fn counts_of(&self, ids: &[i32]) -> Result<HashMap<i32, (usize, usize)>> {
        let mut out: HashMap<i32, (usize, usize)> = HashMap::new();
        if ids.is_empty() {
            return Ok(out);
        }
        for r in event_registration::Entity::find()
            .filter(event_registration::Column::EventId.is_in(ids.to_vec()))
            .all(&self.db)
            .await?
        {
            let c = out.entry(r.event_id).or_default();
            match RegistrationStatus::parse(&r.status) {
                Ok(RegistrationStatus::Registered) => c.0 += 1,
                Ok(RegistrationStatus::Waitlisted) => c.1 += 1,
                _ => {}
            }
        }
        Ok(out)
    }

    /// One event as the actor may see it.
    pub async fn event_get(&self, actor: &Actor, id: i32) -> Result<EventRecord> {
        let (e, rels) = self.event_checked(actor, id, Action::Read).await?;
        let may_manage = manages(actor, &rels);
        let kinds = self.custom_kinds().await?;
        let sessions: Vec<SessionView> = self
            .sessions_of(&[id])
            .await?
            .remove(&id)
            .unwrap_or_default()
            .iter()
            .map(SessionView::of)
            .collect();
        let regs = event_registration::Entity::find()
            .filter(event_registration::Column::EventId.eq(id))
            .order_by_asc(event_registration::Column::Id)
            .all(&self.db)
            .await?;
        let marks = self.marks_of(&sessions).await?;
        let views: Vec<RegistrationView> = regs.iter().map(|r| view_of(r, &marks)).collect();
        let registered = views
            .iter()
            .filter(|r| r.status == RegistrationStatus::Registered)
            .count();
        let waitlisted = views
            .iter()
            .filter(|r| r.status == RegistrationStatus::Waitlisted)
            .count();
        let own_key = self.own_key(actor).await?;
        let own = own_key.and_then(|k| {
            regs.iter()
                .find(|r| r.who_key == k)
                .map(|r| view_of(r, &marks))
        });
        let invited = event_invitation::Entity::find()
            .filter(event_invitation::Column::EventId.eq(id))
            .count(&self.db)
            .await? as usize;
        let may_register_self = self_registers(actor)
            && (rels.contains(&Relation::OwnRecord) || rels.contains(&Relation::Public));
        let programme_name = organisation::Entity::find_by_id(e.programme_id)
            .one(&self.db)
            .await?
            .map(|o| o.name)
            .unwrap_or_default();
        let own_employer = actor
            .employer_id
            .filter(|_| rels.contains(&Relation::OwnEmployer));
        let may_join_fair = e.kind == MATCHING_FAIR
            && own_employer.is_none()
            && actor.role == Role::EmployerContact
            && actor.employer_id.is_some()
            && decide_any(actor, Action::Update, Resource::Event, &rels).allowed();
        let fair = if e.kind == MATCHING_FAIR {
            Some(
                self.fair_of(&e, &sessions, may_manage, own_employer)
                    .await?,
            )
        } else {
            None
        };
        Ok(EventRecord {
            id: e.id,
            programme_id: e.programme_id,
            programme_name,
            kind_name: kinds.get(&e.kind).cloned(),
            kind: e.kind.clone(),
            title: e.title.clone(),
            description: e.description.clone(),
            capacity: e.capacity,
            audience: audience_from_str(&e.audience),
            public: e.public,
            slot_minutes: e.slot_minutes,
            meetings_per_candidate: e.meetings_per_candidate,
            version: e.version,
            sessions,
            registered,
            waitlisted,
            registrations: if may_manage { views } else { vec![] },
            invited,
            own,
            may_manage,
            may_register_self,
            own_employer,
            may_join_fair,
            may_see_timetable: e.kind == MATCHING_FAIR && (may_manage || own_employer.is_some()),
            fair,
        })
    }

    async fn marks_of(&self, sessions: &[SessionView]) -> Result<Vec<event_attendance::Model>> {
        if sessions.is_empty() {
            return Ok(vec![]);
        }
        Ok(event_attendance::Entity::find()
            .filter(event_attendance::Column::SessionId.is_in(sessions.iter().map(|s| s.id)))
            .all(&self.db)
            .await?)
    }

    // ------------------------------------------------------------------ writes

    pub async fn event_create(&self, actor: &Actor, input: &EventInput) -> Result<i32> {
        if !actor.may(Action::Create, Resource::Event) {
            return Err(StoreError::Forbidden);
        }
        self.programme_ok(actor, input.programme_id, Action::Create, Resource::Event)
            .await?;
        self.kind_ok(&input.kind).await?;
        let tx = crate::begin_write(&self.db).await?;
        let now = crate::now();
        let e = event::ActiveModel {
            programme_id: Set(input.programme_id),
            kind: Set(input.kind.clone()),
            title: Set(input.title.clone()),
            description: Set(input.description.clone()),
            capacity: Set(input.capacity),
            audience: Set(audience_to_string(&input.audience)),
            public: Set(input.public),
            slot_minutes: Set(input.slot_minutes),
            meetings_per_candidate: Set(input.meetings_per_candidate),
            timetable_sent_at: Set(None),
            created_by: Set(actor.user_id),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "event",
            Some(e.id),
            &[
                "programme_id",
                "kind",
                "title",
                "capacity",
                "audience",
                "public",
            ],
        )
        .await?;
        Ok(e.id)
    }

    async fn kind_ok(&self, key: &str) -> Result<()> {
        if self.event_kinds().await?.iter().any(|k| k.key == key) {
            Ok(())
        } else {
            Err(invalid("kind", "error-invalid-choice"))
        }
    }

    /// Save an event as read at `version`. Its kind stays (a fair's timetable and a training's
    /// attendance depend on it); a capacity raised gives waiting places to the first in line.
    pub async fn event_update(
        &self,
        actor: &Actor,
        id: i32,
        version: i32,
        input: &EventInput,
        letter: ComposeLetter<'_>,
    ) -> Result<()> {
        let e = self.event_managed(actor, id).await?;
        if input.programme_id != e.programme_id {
            self.programme_ok(actor, input.programme_id, Action::Create, Resource::Event)
                .await?;
        }
        if input.kind != e.kind {
            return Err(invalid("kind", "event-error-kind-fixed"));
        }
        let tx = crate::begin_write(&self.db).await?;
        let update = event::Entity::update_many()
            .col_expr(event::Column::ProgrammeId, Expr::value(input.programme_id))
            .col_expr(event::Column::Title, Expr::value(input.title.clone()))
            .col_expr(
                event::Column::Description,
                Expr::value(input.description.clone()),
            )
            .col_expr(event::Column::Capacity, Expr::value(input.capacity))
            .col_expr(
                event::Column::Audience,
                Expr::value(audience_to_string(&input.audience)),
            )
            .col_expr(event::Column::Public, Expr::value(input.public))
            .col_expr(event::Column::SlotMinutes, Expr::value(input.slot_minutes))
            .col_expr(
                event::Column::MeetingsPerCandidate,
                Expr::value(input.meetings_per_candidate),
            )
            .col_expr(event::Column::UpdatedAt, Expr::value(crate::now()));
        crate::update_versioned(&tx, update, id, version, StoreError::Db).await?;
        let promoted = promote_waiting(&tx, id, input.capacity).await?;
        tell_promoted(&tx, actor, &e, &promoted, letter).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "event",
            Some(id),
            &["title", "description", "capacity", "audience", "public"],
        )
        .await
    }

    pub async fn event_session_add(
        &self,
        actor: &Actor,
        id: i32,
        input: &EventSessionInput,
    ) -> Result<i32> {
        self.event_managed(actor, id).await?;
        let tx = crate::begin_write(&self.db).await?;
        let s = event_session::ActiveModel {
            event_id: Set(id),
            starts_at: Set(input.starts_at),
            ends_at: Set(input.ends_at),
            place: Set(input.place.clone()),
            link: Set(input.link.clone()),
            reminded_at: Set(None),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "event_session",
            Some(s.id),
            &["event_id", "starts_at", "ends_at", "place", "link"],
        )
        .await?;
        Ok(s.id)
    }

    /// Remove a session no attendance was taken at.
    pub async fn event_session_delete(
        &self,
        actor: &Actor,
        id: i32,
        session_id: i32,
    ) -> Result<()> {
        self.event_managed(actor, id).await?;
        let s = event_session::Entity::find_by_id(session_id)
            .one(&self.db)
            .await?
            .filter(|s| s.event_id == id)
            .ok_or(StoreError::NotFound)?;
        let taken = event_attendance::Entity::find()
            .filter(event_attendance::Column::SessionId.eq(s.id))
            .count(&self.db)
            .await?;
        if taken > 0 {
            return Err(invalid("session", "event-error-session-attended"));
        }
        let tx = crate::begin_write(&self.db).await?;
        event_session::Entity::delete_by_id(s.id).exec(&tx).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Delete,
            "event_session",
            Some(s.id),
            &[],
        )
        .await
    }

    // ------------------------------------------------------------------ people and choices

    /// Whom the coordinator may register or invite for an event: the programme's participants,
    /// supervisors, employers' contacts and the staff register, as the audience asks.
    pub async fn event_choices(&self, actor: &Actor, id: i32) -> Result<Vec<WhoChoice>> {
        let e = self.event_managed(actor, id).await?;
        let audience = audience_from_str(&e.audience);
        let mut out = vec![];
        if audience.contains(&Audience::Participants) {
            for p in participant::Entity::find()
                .filter(participant::Column::ProgrammeId.eq(e.programme_id))
                .order_by_asc(participant::Column::FirstName)
                .all(&self.db)
                .await?
            {
                out.push(WhoChoice {
                    key: format!("p-{}", p.id),
                    name: format!("{} {}", p.first_name, p.last_name),
                    email: p.email.clone(),
                    group: Audience::Participants,
                });
            }
        }
        if audience.contains(&Audience::Supervisors) {
            let employers = employer_names(&self.db).await?;
            for s in supervisor::Entity::find()
                .order_by_asc(supervisor::Column::Name)
                .all(&self.db)
                .await?
            {
                let at = employers.get(&s.employer_id).cloned().unwrap_or_default();
                out.push(WhoChoice {
                    key: format!("s-{}", s.id),
                    name: format!("{} ({at})", s.name),
                    email: s.email.clone(),
                    group: Audience::Supervisors,
                });
            }
        }
        let level_groups = [
            (Audience::Contacts, &[RoleLevel::Business][..]),
            (
                Audience::Managers,
                &[RoleLevel::Management, RoleLevel::Manager][..],
            ),
            (Audience::Officers, &[RoleLevel::Officer][..]),
            (Audience::Teachers, &[RoleLevel::Teacher][..]),
            (Audience::Supervisors, &[RoleLevel::Supervisor][..]),
        ];
        let people = event_person::Entity::find()
            .filter(event_person::Column::ProgrammeId.eq(e.programme_id))
            .order_by_asc(event_person::Column::Name)
            .all(&self.db)
            .await?;
        for p in &people {
            let level = RoleLevel::parse(&p.role_level).unwrap_or(RoleLevel::Business);
            // A supervisor's person is offered as the supervisor above.
            if p.supervisor_id.is_some() {
                continue;
            }
            if let Some((group, _)) = level_groups
                .iter()
                .find(|(g, levels)| audience.contains(g) && levels.contains(&level))
            {
                out.push(WhoChoice {
                    key: format!("x-{}", p.id),
                    name: format!("{} ({})", p.name, p.organisation),
                    email: p.email.clone(),
                    group: *group,
                });
            }
        }
        Ok(out)
    }

    /// The person in the register for a supervisor, made (in `tx`) if she has none.
    async fn person_for_supervisor(
        &self,
        tx: &impl ConnectionTrait,
        programme_id: i32,
        supervisor_id: i32,
    ) -> Result<event_person::Model> {
        if let Some(p) = event_person::Entity::find()
            .filter(event_person::Column::SupervisorId.eq(supervisor_id))
            .filter(event_person::Column::ProgrammeId.eq(programme_id))
            .one(tx)
            .await?
        {
            return Ok(p);
        }
        let s = supervisor::Entity::find_by_id(supervisor_id)
            .one(tx)
            .await?
            .ok_or_else(|| invalid("who", "error-invalid-choice"))?;
        let org = employer::Entity::find_by_id(s.employer_id)
            .one(tx)
            .await?
            .map(|e| e.name)
            .unwrap_or_default();
        insert_person(
            tx,
            NewPerson {
                programme_id,
                name: &s.name,
                email: &s.email,
                organisation: &org,
                level: RoleLevel::Supervisor,
                gender: Gender::Unspecified,
                supervisor_id: Some(s.id),
                user_id: s.user_id,
            },
        )
        .await
    }

    /// Add a person to the staff register of a programme (once: the same e-mail twice is
    /// refused beside the field).
    pub async fn event_person_create(
        &self,
        actor: &Actor,
        programme_id: i32,
        input: &PersonInput,
    ) -> Result<i32> {
        if !actor.may(Action::Create, Resource::StaffRegister) {
            return Err(StoreError::Forbidden);
        }
        if !actor.in_org_scope(programme_id) && actor.role != Role::Admin {
            return Err(invalid("programme_id", "error-invalid-choice"));
        }
        let tx = crate::begin_write(&self.db).await?;
        if let Some(email) = &input.email {
            let twice = event_person::Entity::find()
                .filter(event_person::Column::ProgrammeId.eq(programme_id))
                .filter(event_person::Column::Email.eq(email.as_str()))
                .count(&tx)
                .await?;
            if twice > 0 {
                return Err(invalid("email", "event-error-person-twice"));
            }
        }
        let email = input
            .email
            .as_ref()
            .map(|e| e.as_str().to_string())
            .unwrap_or_default();
        let p = insert_person(
            &tx,
            NewPerson {
                programme_id,
                name: &input.name,
                email: &email,
                organisation: &input.organisation,
                level: input.role_level,
                gender: input.gender,
                supervisor_id: None,
                user_id: None,
            },
        )
        .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "event_person",
            Some(p.id),
            &["name", "email", "organisation", "role_level", "gender"],
        )
        .await?;
        Ok(p.id)
    }

    /// Correct a person in the register (read at `version`).
    pub async fn event_person_update(
        &self,
        actor: &Actor,
        id: i32,
        version: i32,
        input: &PersonInput,
    ) -> Result<()> {
        if !actor.may(Action::Update, Resource::StaffRegister) {
            return Err(StoreError::Forbidden);
        }
        let p = event_person::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        if !actor.in_org_scope(p.programme_id) && actor.role != Role::Admin {
            return Err(StoreError::NotFound);
        }
        let tx = crate::begin_write(&self.db).await?;
        let update = event_person::Entity::update_many()
            .col_expr(event_person::Column::Name, Expr::value(input.name.clone()))
            .col_expr(
                event_person::Column::Email,
                Expr::value(
                    input
                        .email
                        .as_ref()
                        .map(|e| e.as_str().to_string())
                        .unwrap_or_default(),
                ),
            )
            .col_expr(
                event_person::Column::Organisation,
                Expr::value(input.organisation.clone()),
            )
            .col_expr(
                event_person::Column::RoleLevel,
                Expr::value(input.role_level.as_str()),
            )
            .col_expr(
                event_person::Column::Gender,
                Expr::value(input.gender.as_str()),
            )
            .col_expr(event_person::Column::UpdatedAt, Expr::value(crate::now()));
        crate::update_versioned(&tx, update, id, version, StoreError::Db).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "event_person",
            Some(id),
            &["name", "email", "organisation", "role_level", "gender"],
        )
        .await
    }

    /// One person of the register, for its form.
    pub async fn event_person_get(&self, actor: &Actor, id: i32) -> Result<StaffRow> {
        if !actor.may(Action::Read, Resource::StaffRegister) {
            return Err(StoreError::Forbidden);
        }
        let p = event_person::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .filter(|p| actor.in_org_scope(p.programme_id) || actor.role == Role::Admin)
            .ok_or(StoreError::NotFound)?;
        Ok(staff_row(&p, 0, 0.0))
    }

    // ------------------------------------------------------------------ registrations

    /// The coordinator registers someone: a place while one is free, else the waiting list.
    pub async fn event_register(
        &self,
        actor: &Actor,
        id: i32,
        who: Who,
        letter: ComposeLetter<'_>,
    ) -> Result<Registered> {
        let e = self.event_managed(actor, id).await?;
        let tx = crate::begin_write(&self.db).await?;
        let (key, participant_id, person_id, user_id, name, email) = match who {
            Who::Participant(pid) => {
                let p = participant::Entity::find_by_id(pid)
                    .one(&tx)
                    .await?
                    .filter(|p| p.programme_id == e.programme_id)
                    .ok_or_else(|| invalid("who", "error-invalid-choice"))?;
                (
                    format!("participant:{pid}"),
                    Some(pid),
                    None,
                    p.user_id,
                    format!("{} {}", p.first_name, p.last_name),
                    p.email,
                )
            }
            Who::Person(x) => {
                let p = event_person::Entity::find_by_id(x)
                    .one(&tx)
                    .await?
                    .filter(|p| p.programme_id == e.programme_id)
                    .ok_or_else(|| invalid("who", "error-invalid-choice"))?;
                (
                    format!("person:{x}"),
                    None,
                    Some(x),
                    p.user_id,
                    p.name,
                    p.email,
                )
            }
            Who::Supervisor(s) => {
                let p = self.person_for_supervisor(&tx, e.programme_id, s).await?;
                (
                    format!("person:{}", p.id),
                    None,
                    Some(p.id),
                    p.user_id,
                    p.name,
                    p.email,
                )
            }
        };
        let r = self
            .register_in(
                &tx,
                actor,
                &e,
                Registration {
                    key,
                    participant_id,
                    person_id,
                    user_id,
                    name,
                    email,
                    phone: String::new(),
                    source: RegistrationSource::Coordinator,
                    consent: false,
                    client_hash: String::new(),
                },
                letter,
            )
            .await?;
        refresh_training(&tx, &e).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "event_registration",
            Some(r.id),
            &["event_id", "who", "status"],
        )
        .await?;
        Ok(r)
    }

    /// The actor registers herself (invited, or the event is on the portal).
    pub async fn event_register_self(
        &self,
        actor: &Actor,
        id: i32,
        letter: ComposeLetter<'_>,
    ) -> Result<Registered> {
        let (e, rels) = self.event_checked(actor, id, Action::Update).await?;
        if !self_registers(actor)
            || !(rels.contains(&Relation::OwnRecord) || rels.contains(&Relation::Public))
        {
            return Err(StoreError::Forbidden);
        }
        let tx = crate::begin_write(&self.db).await?;
        let (key, participant_id, person_id) = match actor.participant_id {
            Some(pid) => (format!("participant:{pid}"), Some(pid), None),
            None => {
                let p = self.person_for_user(&tx, actor, e.programme_id).await?;
                (format!("person:{}", p.id), None, Some(p.id))
            }
        };
        let r = self
            .register_in(
                &tx,
                actor,
                &e,
                Registration {
                    key,
                    participant_id,
                    person_id,
                    user_id: actor.user_id,
                    name: actor.name.clone(),
                    email: actor.email.clone(),
                    phone: String::new(),
                    source: RegistrationSource::SelfService,
                    consent: false,
                    client_hash: String::new(),
                },
                letter,
            )
            .await?;
        refresh_training(&tx, &e).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "event_registration",
            Some(r.id),
            &["event_id", "status"],
        )
        .await?;
        Ok(r)
    }

    /// The register's person for a logged-in user registering herself: her supervisor record's
    /// person, or one made from her login.
    async fn person_for_user(
        &self,
        tx: &impl ConnectionTrait,
        actor: &Actor,
        programme_id: i32,
    ) -> Result<event_person::Model> {
        let uid = actor.user_id.ok_or(StoreError::Forbidden)?;
        if let Some(p) = event_person::Entity::find()
            .filter(event_person::Column::UserId.eq(uid))
            .one(tx)
            .await?
        {
            return Ok(p);
        }
        if let Some(s) = actor.supervisor_ids.first() {
            let mut p = self.person_for_supervisor(tx, programme_id, *s).await?;
            if p.user_id.is_none() {
                event_person::Entity::update_many()
                    .col_expr(event_person::Column::UserId, Expr::value(uid))
                    .filter(event_person::Column::Id.eq(p.id))
                    .exec(tx)
                    .await?;
                p.user_id = Some(uid);
            }
            return Ok(p);
        }
        let organisation = match actor.employer_id {
            Some(emp) => employer::Entity::find_by_id(emp)
                .one(tx)
                .await?
                .map(|e| e.name)
                .unwrap_or_default(),
            None => organisation::Entity::find_by_id(programme_id)
                .one(tx)
                .await?
                .map(|o| o.name)
                .unwrap_or_default(),
        };
        let level = match actor.role {
            Role::EsOfficer => RoleLevel::Officer,
            Role::EducationProvider => RoleLevel::Teacher,
            Role::Supervisor => RoleLevel::Supervisor,
            _ => RoleLevel::Business,
        };
        insert_person(
            tx,
            NewPerson {
                programme_id,
                name: &actor.name,
                email: &actor.email,
                organisation: &organisation,
                level,
                gender: Gender::Unspecified,
                supervisor_id: None,
                user_id: Some(uid),
            },
        )
        .await
    }

    /// A registration from the public portal, for a public event with a session after `now`,
    /// sent by the client at `client`; `None` when that client has used up its submissions for now
    /// (counted inside the write, so the limit holds across instances).
    pub async fn event_register_public(
        &self,
        id: i32,
        input: &PublicRegistrationInput,
        client: &str,
        now: DateTime<Utc>,
        letter: ComposeLetter<'_>,
    ) -> Result<Option<Registered>> {
        let e = self.event_public(id, now).await?;
        let system = crate::interest::portal_actor();
        let hash = self.client_hash(client);
        let tx = crate::begin_write(&self.db).await?;
        let recent = event_registration::Entity::find()
            .filter(event_registration::Column::ClientHash.eq(hash.clone()))
            .filter(
                event_registration::Column::CreatedAt
                    .gt(crate::now() - crate::interest::RATE_WINDOW),
            )
            .count(&tx)
            .await?;
        if recent >= crate::interest::RATE_LIMIT {
            return Ok(None);
        }
        let email = input.email.as_str().to_lowercase();
        // Someone already in the programme's records registers as herself.
        let known = participant::Entity::find()
            .filter(participant::Column::ProgrammeId.eq(e.programme_id))
            .filter(participant::Column::Email.eq(input.email.as_str()))
            .one(&tx)
            .await?;
        let (key, participant_id) = match &known {
            Some(p) => (format!("participant:{}", p.id), Some(p.id)),
            None => (format!("email:{email}"), None),
        };
        let r = self
            .register_in(
                &tx,
                &system,
                &e,
                Registration {
                    key,
                    participant_id,
                    person_id: None,
                    user_id: known.as_ref().and_then(|p| p.user_id),
                    name: input.name.clone(),
                    email: input.email.as_str().to_string(),
                    phone: input.phone.clone(),
                    source: RegistrationSource::Portal,
                    consent: true,
                    client_hash: hash,
                },
                letter,
            )
            .await?;
        self.commit_audited(
            tx,
            &system,
            AuditAction::Create,
            "event_registration",
            Some(r.id),
            &["event_id", "name", "email", "phone", "consent"],
        )
        .await?;
        Ok(Some(r))
    }

    async fn register_in(
        &self,
        tx: &impl ConnectionTrait,
        actor: &Actor,
        e: &event::Model,
        r: Registration,
        letter: ComposeLetter<'_>,
    ) -> Result<Registered> {
        let existing = event_registration::Entity::find()
            .filter(event_registration::Column::EventId.eq(e.id))
            .filter(event_registration::Column::WhoKey.eq(r.key.clone()))
            .one(tx)
            .await?;
        if let Some(x) = &existing
            && x.status != RegistrationStatus::Cancelled.as_str()
        {
            return Err(invalid("who", "event-error-registered-twice"));
        }
        let holding = event_registration::Entity::find()
            .filter(event_registration::Column::EventId.eq(e.id))
            .filter(event_registration::Column::Status.eq(RegistrationStatus::Registered.as_str()))
            .count(tx)
            .await? as usize;
        let status = place_for(e.capacity, holding);
        let now = crate::now();
        let consent_at = r.consent.then_some(now);
        let id = match existing {
            // Registering again after a cancellation takes the same row back.
            Some(x) => {
                event_registration::Entity::update_many()
                    .col_expr(
                        event_registration::Column::Status,
                        Expr::value(status.as_str()),
                    )
                    .col_expr(
                        event_registration::Column::Source,
                        Expr::value(r.source.as_str()),
                    )
                    .col_expr(event_registration::Column::UpdatedAt, Expr::value(now))
                    .col_expr(
                        event_registration::Column::Version,
                        Expr::value(x.version + 1),
                    )
                    .filter(event_registration::Column::Id.eq(x.id))
                    .exec(tx)
                    .await?;
                x.id
            }
            None => {
                event_registration::ActiveModel {
                    event_id: Set(e.id),
                    who_key: Set(r.key.clone()),
                    participant_id: Set(r.participant_id),
                    person_id: Set(r.person_id),
                    user_id: Set(r.user_id),
                    name: Set(r.name.clone()),
                    email: Set(r.email.clone()),
                    phone: Set(r.phone.clone()),
                    status: Set(status.as_str().into()),
                    source: Set(r.source.as_str().into()),
                    consent_at: Set(consent_at),
                    client_hash: Set(r.client_hash.clone()),
                    created_by: Set(actor.user_id),
                    created_at: Set(now),
                    updated_at: Set(now),
                    version: Set(1),
                    ..Default::default()
                }
                .insert(tx)
                .await
                .map_err(|x| StoreError::unique(x, "who", "event-error-registered-twice"))?
                .id
            }
        };
        if !r.email.trim().is_empty() {
            let sessions = sessions_in(tx, e.id).await?;
            if let Some(mail) = letter(&EventLetter::to(
                e,
                &sessions,
                actor,
                &r.name,
                &r.email,
                Some(status),
            )) {
                enqueue_email(tx, &mail).await?;
            }
        }
        Ok(Registered { id, status })
    }

    /// Cancel a registration (the staff, or the person herself) read at `version`; a place
    /// freed goes to the first on the waiting list, who is told.
    pub async fn event_cancel(
        &self,
        actor: &Actor,
        id: i32,
        registration_id: i32,
        version: i32,
        letter: ComposeLetter<'_>,
    ) -> Result<()> {
        let (e, rels) = self.event_checked(actor, id, Action::Update).await?;
        let r = event_registration::Entity::find_by_id(registration_id)
            .one(&self.db)
            .await?
            .filter(|r| r.event_id == id)
            .ok_or(StoreError::NotFound)?;
        let manages = manages(actor, &rels);
        let own = self.own_key(actor).await?.is_some_and(|k| k == r.who_key);
        if !manages && !own {
            return Err(StoreError::NotFound);
        }
        if r.status == RegistrationStatus::Cancelled.as_str() {
            return Err(invalid("registration", "event-error-cancelled"));
        }
        let tx = crate::begin_write(&self.db).await?;
        let update = event_registration::Entity::update_many()
            .col_expr(
                event_registration::Column::Status,
                Expr::value(RegistrationStatus::Cancelled.as_str()),
            )
            .col_expr(
                event_registration::Column::UpdatedAt,
                Expr::value(crate::now()),
            );
        crate::update_versioned(&tx, update, r.id, version, StoreError::Db).await?;
        let promoted = promote_waiting(&tx, id, e.capacity).await?;
        tell_promoted(&tx, actor, &e, &promoted, letter).await?;
        refresh_training(&tx, &e).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "event_registration",
            Some(r.id),
            &["status"],
        )
        .await
    }

    // ------------------------------------------------------------------ invitations

    /// Invite people (keys as `event_choices` gives them) by e-mail with the calendar file;
    /// someone invited before is not invited again. Returns how many were invited.
    pub async fn event_invite(
        &self,
        actor: &Actor,
        id: i32,
        keys: &[String],
        letter: ComposeLetter<'_>,
    ) -> Result<usize> {
        let e = self.event_managed(actor, id).await?;
        let choices = self.event_choices(actor, id).await?;
        let mut chosen = vec![];
        for k in keys {
            let Some(c) = choices.iter().find(|c| c.key == *k) else {
                return Err(invalid("invitees", "error-invalid-choice"));
            };
            chosen.push(c.clone());
        }
        if chosen.is_empty() {
            return Err(invalid("invitees", "event-error-no-invitees"));
        }
        let tx = crate::begin_write(&self.db).await?;
        let sessions = sessions_in(&tx, e.id).await?;
        if sessions.is_empty() {
            return Err(invalid("invitees", "event-error-no-sessions"));
        }
        let already: HashSet<String> = event_invitation::Entity::find()
            .filter(event_invitation::Column::EventId.eq(id))
            .all(&tx)
            .await?
            .into_iter()
            .map(|i| i.who_key)
            .collect();
        let now = crate::now();
        let mut n = 0;
        for c in chosen.iter().filter(|c| !already.contains(&c.key)) {
            let user_id = self.user_of_choice(&tx, &c.key).await?;
            event_invitation::ActiveModel {
                event_id: Set(id),
                who_key: Set(c.key.clone()),
                user_id: Set(user_id),
                name: Set(c.name.clone()),
                email: Set(c.email.clone()),
                sent_at: Set(now),
                ..Default::default()
            }
            .insert(&tx)
            .await?;
            if !c.email.trim().is_empty()
                && let Some(mail) = letter(&EventLetter::to(
                    &e, &sessions, actor, &c.name, &c.email, None,
                ))
            {
                enqueue_email(&tx, &mail).await?;
            }
            n += 1;
        }
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "event_invitation",
            Some(id),
            &["invitees"],
        )
        .await?;
        Ok(n)
    }

    async fn user_of_choice(&self, tx: &impl ConnectionTrait, key: &str) -> Result<Option<i32>> {
        let Ok(who) = Who::parse(key) else {
            return Ok(None);
        };
        Ok(match who {
            Who::Participant(id) => participant::Entity::find_by_id(id)
                .one(tx)
                .await?
                .and_then(|p| p.user_id),
            Who::Person(id) => event_person::Entity::find_by_id(id)
                .one(tx)
                .await?
                .and_then(|p| p.user_id),
            Who::Supervisor(id) => supervisor::Entity::find_by_id(id)
                .one(tx)
                .await?
                .and_then(|s| s.user_id),
        })
    }

    // ------------------------------------------------------------------ attendance

    /// Record attendance at a session: (registration id, mark) for each row marked. Only
    /// registrations holding a place can be marked.
    pub async fn event_attendance_record(
        &self,
        actor: &Actor,
        id: i32,
        session_id: i32,
        rows: &[(i32, AttendanceMark)],
    ) -> Result<()> {
        let e = self.event_managed(actor, id).await?;
        let s = event_session::Entity::find_by_id(session_id)
            .one(&self.db)
            .await?
            .filter(|s| s.event_id == id)
            .ok_or(StoreError::NotFound)?;
        let registered: HashSet<i32> = event_registration::Entity::find()
            .filter(event_registration::Column::EventId.eq(id))
            .filter(event_registration::Column::Status.eq(RegistrationStatus::Registered.as_str()))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect();
        // A row no longer holding a place (cancelled since the list was read) is named.
        if rows.iter().any(|(r, _)| !registered.contains(r)) {
            return Err(invalid("attendance", "event-error-not-registered"));
        }
        let tx = crate::begin_write(&self.db).await?;
        let now = crate::now();
        for (r, mark) in rows {
            event_attendance::Entity::delete_many()
                .filter(event_attendance::Column::SessionId.eq(s.id))
                .filter(event_attendance::Column::RegistrationId.eq(*r))
                .exec(&tx)
                .await?;
            event_attendance::ActiveModel {
                session_id: Set(s.id),
                registration_id: Set(*r),
                mark: Set(mark.as_str().into()),
                recorded_by: Set(actor.user_id),
                recorded_at: Set(now),
                ..Default::default()
            }
            .insert(&tx)
            .await?;
        }
        refresh_training(&tx, &e).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "event_attendance",
            Some(s.id),
            &["marks"],
        )
        .await
    }

    // ------------------------------------------------------------------ the public portal

    async fn event_public(&self, id: i32, now: DateTime<Utc>) -> Result<event::Model> {
        let e = event::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .filter(|e| e.public)
            .ok_or(StoreError::NotFound)?;
        let ahead = event_session::Entity::find()
            .filter(event_session::Column::EventId.eq(id))
            .filter(event_session::Column::StartsAt.gt(now))
            .count(&self.db)
            .await?;
        if ahead == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(e)
    }

    /// The public events with a session ahead (for the portal: no registrations, no names).
    pub async fn events_public(&self) -> Result<Vec<EventSummary>> {
        let now = crate::now();
        let es = event::Entity::find()
            .filter(event::Column::Public.eq(true))
            .order_by_asc(event::Column::Id)
            .all(&self.db)
            .await?;
        let ids: Vec<i32> = es.iter().map(|e| e.id).collect();
        let sessions = self.sessions_of(&ids).await?;
        let counts = self.counts_of(&ids).await?;
        let kinds = self.custom_kinds().await?;
        let mut out = vec![];
        for e in es {
            let Some(ss) = sessions.get(&e.id) else {
                continue;
            };
            if !ss.iter().any(|s| s.starts_at > now) {
                continue;
            }
            out.push(EventSummary {
                id: e.id,
                programme_id: e.programme_id,
                kind_name: kinds.get(&e.kind).cloned(),
                kind: e.kind,
                title: e.title,
                public: true,
                capacity: e.capacity,
                registered: counts.get(&e.id).map_or(0, |c| c.0),
                waitlisted: counts.get(&e.id).map_or(0, |c| c.1),
                first_session: ss.first().map(SessionView::of),
            });
        }
        out.sort_by_key(|e| e.first_session.as_ref().map(|s| s.starts_at));
        Ok(out)
    }

    /// A public event for its portal page: title, description, sessions, places left.
    pub async fn event_public_get(
        &self,
        id: i32,
    ) -> Result<(EventSummary, String, Vec<SessionView>)> {
        let e = self.event_public(id, crate::now()).await?;
        let sessions: Vec<SessionView> = sessions_in(&self.db, id).await?;
        let kinds = self.custom_kinds().await?;
        let counts = self.counts_of(&[id]).await?;
        let summary = EventSummary {
            id: e.id,
            programme_id: e.programme_id,
            kind_name: kinds.get(&e.kind).cloned(),
            kind: e.kind.clone(),
            title: e.title.clone(),
            public: true,
            capacity: e.capacity,
            registered: counts.get(&id).map_or(0, |c| c.0),
            waitlisted: counts.get(&id).map_or(0, |c| c.1),
            first_session: sessions.first().cloned(),
        };
        Ok((summary, e.description, sessions))
    }

    // ------------------------------------------------------------------ the staff register

    /// Every person in the register of the actor's programmes, with the trainings attended and
    /// hours, and the counts by training, organisation and level (by gender).
    pub async fn staff_register(&self, actor: &Actor) -> Result<StaffRegister> {
        if !actor.may(Action::List, Resource::StaffRegister) {
            return Err(StoreError::Forbidden);
        }
        let mut q = event_person::Entity::find();
        if actor.role != Role::Admin {
            q = q.filter(event_person::Column::ProgrammeId.is_in(actor.org_scope.iter().copied()));
        }
        let people = q
            .order_by_asc(event_person::Column::Name)
            .all(&self.db)
            .await?;
        let ids: Vec<i32> = people.iter().map(|p| p.id).collect();
        let regs = if ids.is_empty() {
            vec![]
        } else {
            event_registration::Entity::find()
                .filter(event_registration::Column::PersonId.is_in(ids.clone()))
                .all(&self.db)
                .await?
        };
        let event_ids: Vec<i32> = regs.iter().map(|r| r.event_id).collect();
        let sessions = self.sessions_of(&event_ids).await?;
        let events: HashMap<i32, event::Model> = if event_ids.is_empty() {
            HashMap::new()
        } else {
            event::Entity::find()
                .filter(event::Column::Id.is_in(event_ids.clone()))
                .all(&self.db)
                .await?
                .into_iter()
                .map(|e| (e.id, e))
                .collect()
        };
        let reg_ids: Vec<i32> = regs.iter().map(|r| r.id).collect();
        let present: Vec<event_attendance::Model> = if reg_ids.is_empty() {
            vec![]
        } else {
            event_attendance::Entity::find()
                .filter(event_attendance::Column::RegistrationId.is_in(reg_ids))
                .filter(event_attendance::Column::Mark.eq(AttendanceMark::Present.as_str()))
                .all(&self.db)
                .await?
        };
        let hours_of_session: HashMap<i32, f64> = sessions
            .values()
            .flatten()
            .map(|s| (s.id, SessionView::of(s).hours()))
            .collect();
        let by_id: HashMap<i32, &event_registration::Model> =
            regs.iter().map(|r| (r.id, r)).collect();
        // person id → event id → hours attended
        let mut attended: HashMap<i32, BTreeMap<i32, f64>> = HashMap::new();
        for a in &present {
            let Some(r) = by_id.get(&a.registration_id) else {
                continue;
            };
            let Some(pid) = r.person_id else { continue };
            *attended
                .entry(pid)
                .or_default()
                .entry(r.event_id)
                .or_default() += hours_of_session.get(&a.session_id).copied().unwrap_or(0.0);
        }
        let mut out = StaffRegister::default();
        let mut by_training: BTreeMap<String, Tally> = BTreeMap::new();
        let mut by_org: BTreeMap<String, Tally> = BTreeMap::new();
        let mut by_level: BTreeMap<String, Tally> = BTreeMap::new();
        for p in &people {
            let taken = attended.get(&p.id).cloned().unwrap_or_default();
            // Folded from +0.0: an empty sum of floats is -0.0.
            let hours: f64 = taken.values().fold(0.0, |a, b| a + b);
            let row = staff_row(p, taken.len(), hours);
            if !taken.is_empty() {
                for (eid, h) in &taken {
                    let title = events.get(eid).map(|e| e.title.clone()).unwrap_or_default();
                    by_training
                        .entry(format!("{title} (#{eid})"))
                        .or_default()
                        .add(row.gender, *h);
                }
                by_org
                    .entry(row.organisation.clone())
                    .or_default()
                    .add(row.gender, hours);
                by_level
                    .entry(row.role_level.as_str().to_string())
                    .or_default()
                    .add(row.gender, hours);
            }
            out.people.push(row);
        }
        out.by_training = by_training
            .into_iter()
            .map(|(k, mut t)| {
                t.key = k;
                t
            })
            .collect();
        out.by_organisation = by_org
            .into_iter()
            .map(|(k, mut t)| {
                t.key = k;
                t
            })
            .collect();
        out.by_level = by_level
            .into_iter()
            .map(|(k, mut t)| {
                t.key = k;
                t
            })
            .collect();
        Ok(out)
    }
}

/// What a registration is made of, whoever makes it.
struct Registration {
    key: String,
    participant_id: Option<i32>,
    person_id: Option<i32>,
    user_id: Option<i32>,
    name: String,
    email: String,
    phone: String,
    source: RegistrationSource,
    consent: bool,
    client_hash: String,
}

/// Someone moved from the waiting list to a place.
#[derive(Debug, Clone)]
pub struct EventLetterTarget {
    pub registration_id: i32,
    pub name: String,
    pub email: String,
}

/// Tell those given a place from the waiting list.
async fn tell_promoted(
    tx: &impl ConnectionTrait,
    actor: &Actor,
    e: &event::Model,
    promoted: &[EventLetterTarget],
    letter: ComposeLetter<'_>,
) -> Result<()> {
    let sessions = sessions_in(tx, e.id).await?;
    for p in promoted.iter().filter(|p| !p.email.trim().is_empty()) {
        if let Some(mail) = letter(&EventLetter::to(
            e,
            &sessions,
            actor,
            &p.name,
            &p.email,
            Some(RegistrationStatus::Registered),
        )) {
            enqueue_email(tx, &mail).await?;
        }
    }
    Ok(())
}

/// A new person in a programme's staff register; `supervisor_id` and `user_id` link her to the
/// records when she is a supervisor or has a login.
struct NewPerson<'a> {
    programme_id: i32,
    name: &'a str,
    email: &'a str,
    organisation: &'a str,
    level: RoleLevel,
    gender: Gender,
    supervisor_id: Option<i32>,
    user_id: Option<i32>,
}

async fn insert_person(tx: &impl ConnectionTrait, p: NewPerson<'_>) -> Result<event_person::Model> {
    let now = crate::now();
    Ok(event_person::ActiveModel {
        programme_id: Set(p.programme_id),
        name: Set(p.name.to_string()),
        email: Set(p.email.to_string()),
        organisation: Set(p.organisation.to_string()),
        role_level: Set(p.level.as_str().into()),
        gender: Set(p.gender.as_str().into()),
        supervisor_id: Set(p.supervisor_id),
        user_id: Set(p.user_id),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    }
    .insert(tx)
    .await?)
}

/// Whether the actor arranges the event: one of the programme's staff in scope (who may update
/// it as such), or an admin. Others may update an event only as invitees (themselves).
fn manages(actor: &Actor, rels: &[Relation]) -> bool {
    actor.role == Role::Admin
        || (rels.contains(&Relation::InOrgScope)
            && actor.can(Action::Update, Resource::Event, Relation::InOrgScope))
}

/// Roles that register themselves (the programme's staff register others).
fn self_registers(actor: &Actor) -> bool {
    matches!(
        actor.role,
        Role::Participant
            | Role::Supervisor
            | Role::EmployerContact
            | Role::EsOfficer
            | Role::EducationProvider
    )
}

fn view_of(r: &event_registration::Model, marks: &[event_attendance::Model]) -> RegistrationView {
    RegistrationView {
        id: r.id,
        name: r.name.clone(),
        email: r.email.clone(),
        participant_id: r.participant_id,
        person_id: r.person_id,
        status: RegistrationStatus::parse(&r.status).unwrap_or(RegistrationStatus::Cancelled),
        source: RegistrationSource::parse(&r.source).unwrap_or(RegistrationSource::Coordinator),
        version: r.version,
        marks: marks
            .iter()
            .filter(|m| m.registration_id == r.id)
            .filter_map(|m| Some((m.session_id, AttendanceMark::parse(&m.mark).ok()?)))
            .collect(),
    }
}

fn staff_row(p: &event_person::Model, trainings: usize, hours: f64) -> StaffRow {
    StaffRow {
        id: p.id,
        name: p.name.clone(),
        email: p.email.clone(),
        organisation: p.organisation.clone(),
        role_level: RoleLevel::parse(&p.role_level).unwrap_or(RoleLevel::Business),
        gender: Gender::parse(&p.gender).unwrap_or(Gender::Unspecified),
        supervisor_id: p.supervisor_id,
        version: p.version,
        trainings,
        hours,
    }
}

async fn sessions_in(db: &impl ConnectionTrait, event_id: i32) -> Result<Vec<SessionView>> {
    Ok(event_session::Entity::find()
        .filter(event_session::Column::EventId.eq(event_id))
        .order_by_asc(event_session::Column::StartsAt)
        .all(db)
        .await?
        .iter()
        .map(SessionView::of)
        .collect())
}

async fn employer_names(db: &impl ConnectionTrait) -> Result<HashMap<i32, String>> {
    Ok(employer::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e.name))
        .collect())
}

/// Give free places to the first on the waiting list, in the order they registered.
async fn promote_waiting(
    tx: &impl ConnectionTrait,
    event_id: i32,
    capacity: i32,
) -> Result<Vec<EventLetterTarget>> {
    let regs = event_registration::Entity::find()
        .filter(event_registration::Column::EventId.eq(event_id))
        .order_by_asc(event_registration::Column::Id)
        .all(tx)
        .await?;
    let holding = regs
        .iter()
        .filter(|r| r.status == RegistrationStatus::Registered.as_str())
        .count() as i64;
    let free = (i64::from(capacity) - holding).max(0) as usize;
    let mut out = vec![];
    for r in regs
        .iter()
        .filter(|r| r.status == RegistrationStatus::Waitlisted.as_str())
        .take(free)
    {
        event_registration::Entity::update_many()
            .col_expr(
                event_registration::Column::Status,
                Expr::value(RegistrationStatus::Registered.as_str()),
            )
            .col_expr(
                event_registration::Column::Version,
                Expr::value(r.version + 1),
            )
            .col_expr(
                event_registration::Column::UpdatedAt,
                Expr::value(crate::now()),
            )
            .filter(event_registration::Column::Id.eq(r.id))
            .exec(tx)
            .await?;
        out.push(EventLetterTarget {
            registration_id: r.id,
            name: r.name.clone(),
            email: r.email.clone(),
        });
    }
    Ok(out)
}

/// After a supervisor training's registrations or attendance change: every supervisor
/// registered for it gets the training status her trainings give (never typed by hand).
async fn refresh_training(tx: &impl ConnectionTrait, e: &event::Model) -> Result<()> {
    if e.kind != SUPERVISOR_TRAINING {
        return Ok(());
    }
    let people: Vec<event_person::Model> = {
        let regs = event_registration::Entity::find()
            .filter(event_registration::Column::EventId.eq(e.id))
            .all(tx)
            .await?;
        let ids: Vec<i32> = regs.iter().filter_map(|r| r.person_id).collect();
        if ids.is_empty() {
            return Ok(());
        }
        event_person::Entity::find()
            .filter(event_person::Column::Id.is_in(ids))
            .all(tx)
            .await?
    };
    for p in people {
        let Some(sup) = p.supervisor_id else { continue };
        let persons: Vec<i32> = event_person::Entity::find()
            .filter(event_person::Column::SupervisorId.eq(sup))
            .all(tx)
            .await?
            .into_iter()
            .map(|x| x.id)
            .collect();
        let regs = event_registration::Entity::find()
            .filter(event_registration::Column::PersonId.is_in(persons))
            .all(tx)
            .await?;
        let mut trainings = vec![];
        for r in regs {
            let is_training = event::Entity::find_by_id(r.event_id)
                .one(tx)
                .await?
                .is_some_and(|x| x.kind == SUPERVISOR_TRAINING);
            if !is_training {
                continue;
            }
            let sessions: Vec<i32> = event_session::Entity::find()
                .filter(event_session::Column::EventId.eq(r.event_id))
                .all(tx)
                .await?
                .into_iter()
                .map(|s| s.id)
                .collect();
            let attended = event_attendance::Entity::find()
                .filter(event_attendance::Column::RegistrationId.eq(r.id))
                .filter(event_attendance::Column::Mark.eq(AttendanceMark::Present.as_str()))
                .count(tx)
                .await? as usize;
            // A cancelled registration counts only for what was attended before it.
            if r.status == RegistrationStatus::Cancelled.as_str() && attended == 0 {
                continue;
            }
            trainings.push((sessions.len(), attended));
        }
        let status = training_status(&trainings);
        supervisor::Entity::update_many()
            .col_expr(
                supervisor::Column::TrainingStatus,
                Expr::value(status.as_str()),
            )
            .filter(supervisor::Column::Id.eq(sup))
            .exec(tx)
            .await?;
    }
    Ok(())
}

// ------------------------------------------------------------------ the matching fair

impl Store {
    async fn fair_of(
        &self,
        e: &event::Model,
        sessions: &[SessionView],
        may_manage: bool,
        own_employer: Option<i32>,
    ) -> Result<Fair> {
        let names = employer_names(&self.db).await?;
        let employers: Vec<FairEmployer> = fair_employer::Entity::find()
            .filter(fair_employer::Column::EventId.eq(e.id))
            .order_by_asc(fair_employer::Column::FirstTable)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|f| FairEmployer {
                name: names.get(&f.employer_id).cloned().unwrap_or_default(),
                employer_id: f.employer_id,
                tables: f.tables,
                first_table: f.first_table,
            })
            .collect();
        let first = sessions.first();
        let slots = first.map_or(0, |s| {
            brygga_domain::event::slot_count(s.starts_at, s.ends_at, e.slot_minutes) as i32
        });
        let mut meetings = if may_manage || own_employer.is_some() {
            self.fair_meetings(e, first, &names).await?
        } else {
            vec![]
        };
        if let Some(emp) = own_employer.filter(|_| !may_manage) {
            meetings.retain(|m| m.employer_id == emp);
        }
        Ok(Fair {
            employers,
            meetings,
            slots,
            sent_at: e.timetable_sent_at,
        })
    }

    async fn fair_meetings(
        &self,
        e: &event::Model,
        first: Option<&SessionView>,
        names: &HashMap<i32, String>,
    ) -> Result<Vec<FairMeetingView>> {
        let Some(first) = first else {
            return Ok(vec![]);
        };
        let regs: HashMap<i32, event_registration::Model> = event_registration::Entity::find()
            .filter(event_registration::Column::EventId.eq(e.id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|r| (r.id, r))
            .collect();
        let wishes: HashSet<(i32, i32)> = fair_wish::Entity::find()
            .filter(fair_wish::Column::EventId.eq(e.id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|w| (w.employer_id, w.participant_id))
            .collect();
        let mut out: Vec<FairMeetingView> = fair_meeting::Entity::find()
            .filter(fair_meeting::Column::EventId.eq(e.id))
            .all(&self.db)
            .await?
            .into_iter()
            .filter_map(|m| {
                let r = regs.get(&m.registration_id)?;
                let (starts_at, ends_at) =
                    brygga_domain::event::slot_times(first.starts_at, e.slot_minutes, m.slot);
                Some(FairMeetingView {
                    id: m.id,
                    registration_id: r.id,
                    participant_id: r.participant_id,
                    candidate: r.name.clone(),
                    candidate_email: r.email.clone(),
                    employer_id: m.employer_id,
                    employer: names.get(&m.employer_id).cloned().unwrap_or_default(),
                    slot: m.slot,
                    table: m.table_no,
                    starts_at,
                    ends_at,
                    wished: r
                        .participant_id
                        .is_some_and(|p| wishes.contains(&(m.employer_id, p))),
                })
            })
            .collect();
        out.sort_by_key(|m| (m.slot, m.table));
        Ok(out)
    }

    /// An employer takes part in a fair with `tables` tables (the coordinator adds any
    /// employer; an employer's contact adds her own). Tables are numbered on from the last.
    pub async fn fair_employer_add(
        &self,
        actor: &Actor,
        id: i32,
        employer_id: i32,
        tables: i32,
    ) -> Result<()> {
        let (e, rels) = self.event_checked(actor, id, Action::Update).await?;
        if e.kind != MATCHING_FAIR {
            return Err(StoreError::NotFound);
        }
        let manages = manages(actor, &rels);
        if !manages && actor.employer_id != Some(employer_id) {
            return Err(StoreError::Forbidden);
        }
        if !(1..=20).contains(&tables) {
            return Err(invalid("tables", "error-invalid-choice"));
        }
        employer::Entity::find_by_id(employer_id)
            .one(&self.db)
            .await?
            .ok_or_else(|| invalid("employer_id", "error-invalid-choice"))?;
        let tx = crate::begin_write(&self.db).await?;
        let taken = fair_employer::Entity::find()
            .filter(fair_employer::Column::EventId.eq(id))
            .all(&tx)
            .await?;
        if taken.iter().any(|f| f.employer_id == employer_id) {
            return Err(invalid("employer_id", "event-error-employer-twice"));
        }
        let first_table = taken
            .iter()
            .map(|f| f.first_table + f.tables)
            .max()
            .unwrap_or(1);
        fair_employer::ActiveModel {
            event_id: Set(id),
            employer_id: Set(employer_id),
            tables: Set(tables),
            first_table: Set(first_table),
            created_at: Set(crate::now()),
            ..Default::default()
        }
        .insert(&tx)
        .await
        .map_err(|x| StoreError::unique(x, "employer_id", "event-error-employer-twice"))?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "fair_employer",
            Some(id),
            &["employer_id", "tables"],
        )
        .await
    }

    /// The employers the coordinator may add to a fair: (id, name).
    pub async fn fair_employer_choices(
        &self,
        actor: &Actor,
        id: i32,
    ) -> Result<Vec<(i32, String)>> {
        self.event_managed(actor, id).await?;
        let mut v: Vec<(i32, String)> = employer_names(&self.db).await?.into_iter().collect();
        v.sort_by(|a, b| a.1.cmp(&b.1));
        Ok(v)
    }

    /// What the timetable generator needs (the staff in scope only).
    pub async fn fair_input(&self, actor: &Actor, id: i32) -> Result<FairInput> {
        let e = self.event_managed(actor, id).await?;
        if e.kind != MATCHING_FAIR {
            return Err(StoreError::NotFound);
        }
        let sessions = sessions_in(&self.db, id).await?;
        let Some(first) = sessions.first() else {
            return Err(invalid("timetable", "event-error-no-sessions"));
        };
        let rec = self.fair_of(&e, &sessions, true, None).await?;
        let holding = event_registration::Entity::find()
            .filter(event_registration::Column::EventId.eq(id))
            .filter(event_registration::Column::Status.eq(RegistrationStatus::Registered.as_str()))
            .order_by_asc(event_registration::Column::Id)
            .all(&self.db)
            .await?;
        let candidates: Vec<(i32, i32)> = holding
            .iter()
            .filter_map(|r| Some((r.id, r.participant_id?)))
            .collect();
        // Staff registered for a fair (a person in the register) are not candidates.
        let walk_ins: Vec<i32> = holding
            .iter()
            .filter(|r| r.participant_id.is_none() && r.person_id.is_none())
            .map(|r| r.id)
            .collect();
        Ok(FairInput {
            programme_id: e.programme_id,
            candidates,
            walk_ins,
            employers: rec.employers,
            slots: brygga_domain::event::slot_count(first.starts_at, first.ends_at, e.slot_minutes),
            meetings_per_candidate: e.meetings_per_candidate.max(1) as u32,
        })
    }

    /// Save a generated timetable in place of the one before (the employers' wishes stay).
    pub async fn fair_timetable_save(
        &self,
        actor: &Actor,
        id: i32,
        booked: &[Booked],
    ) -> Result<()> {
        self.event_managed(actor, id).await?;
        let tx = crate::begin_write(&self.db).await?;
        fair_meeting::Entity::delete_many()
            .filter(fair_meeting::Column::EventId.eq(id))
            .exec(&tx)
            .await?;
        for (reg, emp, slot, table, fit) in booked {
            fair_meeting::ActiveModel {
                event_id: Set(id),
                registration_id: Set(*reg),
                employer_id: Set(*emp),
                slot: Set(*slot),
                table_no: Set(*table),
                fit: Set(*fit),
                ..Default::default()
            }
            .insert(&tx)
            .await?;
        }
        event::Entity::update_many()
            .col_expr(
                event::Column::TimetableSentAt,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .filter(event::Column::Id.eq(id))
            .exec(&tx)
            .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "fair_timetable",
            Some(id),
            &["meetings"],
        )
        .await
    }

    /// Move one meeting of the saved timetable by hand, refused if it double-books the
    /// candidate or the table (`check_move`).
    pub async fn fair_meeting_move(
        &self,
        actor: &Actor,
        id: i32,
        meeting_id: i32,
        slot: i32,
        table: i32,
    ) -> Result<()> {
        let e = self.event_managed(actor, id).await?;
        let sessions = sessions_in(&self.db, id).await?;
        let rec = self.fair_of(&e, &sessions, true, None).await?;
        let timetable: Vec<FairSlot> = rec
            .meetings
            .iter()
            .map(|m| FairSlot {
                id: m.id,
                candidate: m.registration_id,
                employer: m.employer_id,
                slot: m.slot,
                table: m.table,
            })
            .collect();
        let Some(m) = timetable.iter().find(|m| m.id == meeting_id) else {
            return Err(StoreError::NotFound);
        };
        let tables = rec
            .employers
            .iter()
            .find(|f| f.employer_id == m.employer)
            .map(FairEmployer::table_numbers)
            .unwrap_or_default();
        brygga_domain::event::check_move(&timetable, meeting_id, slot, table, rec.slots, &tables)
            .map_err(StoreError::Invalid)?;
        let tx = crate::begin_write(&self.db).await?;
        fair_meeting::Entity::update_many()
            .col_expr(fair_meeting::Column::Slot, Expr::value(slot))
            .col_expr(fair_meeting::Column::TableNo, Expr::value(table))
            .filter(fair_meeting::Column::Id.eq(meeting_id))
            .exec(&tx)
            .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "fair_meeting",
            Some(meeting_id),
            &["slot", "table"],
        )
        .await
    }

    /// Send each candidate and employer contact her personal timetable (e-mail with the
    /// calendar file); returns how many letters were queued.
    pub async fn fair_send(
        &self,
        actor: &Actor,
        id: i32,
        letter: ComposeLetter<'_>,
    ) -> Result<usize> {
        let e = self.event_managed(actor, id).await?;
        let sessions = sessions_in(&self.db, id).await?;
        let rec = self.fair_of(&e, &sessions, true, None).await?;
        if rec.meetings.is_empty() {
            return Err(invalid("timetable", "event-error-no-timetable"));
        }
        let base = |name: &str, email: &str, meetings: Vec<FairMeetingView>| EventLetter {
            meetings,
            ..EventLetter::to(&e, &sessions, actor, name, email, None)
        };
        let mut letters = vec![];
        let mut by_candidate: BTreeMap<i32, Vec<FairMeetingView>> = BTreeMap::new();
        for m in &rec.meetings {
            by_candidate
                .entry(m.registration_id)
                .or_default()
                .push(m.clone());
        }
        for ms in by_candidate.into_values() {
            let Some(first) = ms.first() else { continue };
            if !first.candidate_email.trim().is_empty() {
                letters.push(base(
                    &first.candidate.clone(),
                    &first.candidate_email.clone(),
                    ms,
                ));
            }
        }
        for f in &rec.employers {
            let ms: Vec<FairMeetingView> = rec
                .meetings
                .iter()
                .filter(|m| m.employer_id == f.employer_id)
                .cloned()
                .collect();
            if ms.is_empty() {
                continue;
            }
            for c in employer_contact::Entity::find()
                .filter(employer_contact::Column::EmployerId.eq(f.employer_id))
                .all(&self.db)
                .await?
                .into_iter()
                .filter(|c| !c.email.trim().is_empty())
            {
                letters.push(base(&c.name, &c.email, ms.clone()));
            }
        }
        let tx = crate::begin_write(&self.db).await?;
        for l in &letters {
            if let Some(mail) = letter(l) {
                enqueue_email(&tx, &mail).await?;
            }
        }
        event::Entity::update_many()
            .col_expr(
                event::Column::TimetableSentAt,
                Expr::value(Some(crate::now())),
            )
            .filter(event::Column::Id.eq(id))
            .exec(&tx)
            .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "fair_timetable",
            Some(id),
            &["sent"],
        )
        .await?;
        Ok(letters.len())
    }

    /// The employer marks (or unmarks) a candidate it met at the fair as one to meet again.
    pub async fn fair_wish_set(
        &self,
        actor: &Actor,
        id: i32,
        participant_id: i32,
        employer_id: i32,
        wish: bool,
    ) -> Result<()> {
        let (e, rels) = self.event_checked(actor, id, Action::Update).await?;
        let manages = manages(actor, &rels);
        if !manages && actor.employer_id != Some(employer_id) {
            return Err(StoreError::Forbidden);
        }
        let sessions = sessions_in(&self.db, id).await?;
        let rec = self.fair_of(&e, &sessions, true, None).await?;
        let met = rec
            .meetings
            .iter()
            .any(|m| m.employer_id == employer_id && m.participant_id == Some(participant_id));
        if !met {
            return Err(invalid("participant_id", "event-error-not-met"));
        }
        let tx = crate::begin_write(&self.db).await?;
        fair_wish::Entity::delete_many()
            .filter(fair_wish::Column::EventId.eq(id))
            .filter(fair_wish::Column::EmployerId.eq(employer_id))
            .filter(fair_wish::Column::ParticipantId.eq(participant_id))
            .exec(&tx)
            .await?;
        if wish {
            fair_wish::ActiveModel {
                event_id: Set(id),
                employer_id: Set(employer_id),
                participant_id: Set(participant_id),
                created_by: Set(actor.user_id),
                created_at: Set(crate::now()),
                ..Default::default()
            }
            .insert(&tx)
            .await?;
        }
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "fair_wish",
            Some(id),
            &["wish"],
        )
        .await
    }

    /// The participants an employer wants to meet again after a fair, among those the actor may
    /// propose (the coordinator's programmes): what feeds the employer's candidate pools.
    pub async fn fair_wishes_of_employer(
        &self,
        actor: &Actor,
        employer_id: i32,
    ) -> Result<Vec<FairWish>> {
        if !actor.may(Action::Create, Resource::Proposal) {
            return Ok(vec![]);
        }
        let wishes = fair_wish::Entity::find()
            .filter(fair_wish::Column::EmployerId.eq(employer_id))
            .order_by_desc(fair_wish::Column::Id)
            .all(&self.db)
            .await?;
        let mut out: Vec<FairWish> = vec![];
        for w in wishes {
            if out.iter().any(|x| x.participant_id == w.participant_id) {
                continue;
            }
            let Some(p) = participant::Entity::find_by_id(w.participant_id)
                .one(&self.db)
                .await?
                .filter(|p| actor.role == Role::Admin || actor.in_org_scope(p.programme_id))
            else {
                continue;
            };
            let title = event::Entity::find_by_id(w.event_id)
                .one(&self.db)
                .await?
                .map(|e| e.title)
                .unwrap_or_default();
            out.push(FairWish {
                participant_id: p.id,
                name: format!("{} {}", p.first_name, p.last_name),
                event_title: title,
            });
        }
        Ok(out)
    }
}

/// A participant an employer wants to meet again, and the fair where they met.
#[derive(Debug, Clone, Serialize)]
pub struct FairWish {
    pub participant_id: i32,
    pub name: String,
    pub event_title: String,
}

/// The session reminders due: sessions starting tomorrow (Stockholm) not yet reminded, each
/// with the registrations holding a place.
impl Store {
    pub async fn event_reminders_queue(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        letter: ComposeLetter<'_>,
    ) -> Result<usize> {
        let due = event_session::Entity::find()
            .filter(event_session::Column::StartsAt.gte(from))
            .filter(event_session::Column::StartsAt.lt(to))
            .filter(event_session::Column::RemindedAt.is_null())
            .all(&self.db)
            .await?;
        let mut n = 0;
        for s in due {
            let tx = crate::begin_write(&self.db).await?;
            // Claimed under the write lock: two workers at once remind once.
            let claimed = event_session::Entity::update_many()
                .col_expr(
                    event_session::Column::RemindedAt,
                    Expr::value(Some(crate::now())),
                )
                .filter(event_session::Column::Id.eq(s.id))
                .filter(event_session::Column::RemindedAt.is_null())
                .exec(&tx)
                .await?;
            if claimed.rows_affected == 0 {
                continue;
            }
            let Some(e) = event::Entity::find_by_id(s.event_id).one(&tx).await? else {
                continue;
            };
            for r in event_registration::Entity::find()
                .filter(event_registration::Column::EventId.eq(e.id))
                .filter(
                    event_registration::Column::Status.eq(RegistrationStatus::Registered.as_str()),
                )
                .all(&tx)
                .await?
                .into_iter()
                .filter(|r| !r.email.trim().is_empty())
            {
                let system = Actor::system();
                if let Some(mail) = letter(&EventLetter {
                    reminder: true,
                    organizer_name: String::new(),
                    ..EventLetter::to(
                        &e,
                        &[SessionView::of(&s)],
                        &system,
                        &r.name,
                        &r.email,
                        Some(RegistrationStatus::Registered),
                    )
                }) {
                    enqueue_email(&tx, &mail).await?;
                }
                n += 1;
            }
            tx.commit().await?;
        }
        Ok(n)
    }
}
