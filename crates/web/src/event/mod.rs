//! Events: the list, the event form, an event's page (sessions, invitations, registrations and
//! the waiting list, the invitee's own registration), the door list for attendance (phone
//! first), a matching fair's timetable (generate, send, print, change by hand, the employer's
//! wishes), the staff register, and the kinds an admin adds.

pub mod api;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use brygga_domain::course::AttendanceMark;
use brygga_domain::event::{
    Audience, EventDraft, EventSessionDraft, MATCHING_FAIR, PersonDraft, RoleLevel,
};
use brygga_domain::model::OrgKind;
use brygga_domain::policy::{Action, Resource};
use brygga_domain::values::Gender;
use brygga_store::Page;
use brygga_store::event::{
    EventRecord, EventSummary, FairMeetingView, KindChoice, RegistrationView, SessionView,
    StaffRegister, StaffRow, Tally, WhoChoice,
};
use brygga_store::org::Organisation;
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Id, IdPair, Staff, WebError, form_errors, form_status};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/events", get(event_list).post(event_create))
        .route("/events/new", get(event_new))
        .route("/events/people", get(staff_list).post(person_create))
        .route("/events/people/{id}", get(person_edit).post(person_update))
        .route("/events/{id}", get(event_show).post(event_update))
        .route("/events/{id}/edit", get(event_edit))
        .route("/events/{id}/sessions", post(session_add))
        .route(
            "/events/{id}/sessions/{record}",
            get(door_list).post(attendance_save),
        )
        .route(
            "/events/{id}/sessions/{record}/delete",
            post(session_delete),
        )
        .route("/events/{id}/registrations", post(register))
        .route("/events/{id}/register", post(register_self))
        .route("/events/{id}/registrations/{record}/cancel", post(cancel))
        .route("/events/{id}/invitations", post(invite))
        .route("/events/{id}/employers", post(employer_add))
        .route("/events/{id}/timetable", get(timetable).post(generate))
        .route("/events/{id}/timetable/send", post(send))
        .route("/events/{id}/timetable/{record}", post(move_meeting))
        .route("/events/{id}/wishes", post(wish))
        .route("/admin/event-kinds", get(kinds_page).post(kind_add))
}

fn to_event(id: i32) -> Response {
    Redirect::to(&format!("/events/{id}")).into_response()
}

/// A kind's name in the page's language.
pub(crate) fn kind_label(i18n: &brygga_i18n::I18n, key: &str, name: &Option<String>) -> String {
    match name {
        Some(n) => n.clone(),
        None => i18n.t(&format!("event-kind-{key}")),
    }
}

/// A session's day and times, Swedish time.
pub(crate) fn when(s: &SessionView) -> String {
    format!(
        "{}–{}",
        brygga_app::event::local(s.starts_at),
        brygga_domain::calendar::utc_to_stockholm(s.ends_at).format("%H:%M")
    )
}

// ------------------------------------------------------------------ list

#[derive(Deserialize, Default)]
#[serde(default)]
struct ListQuery {
    page: Option<u64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "event/list.html")]
struct EventListPage {
    chrome: Chrome,
    page: Page<EventSummary>,
    pages: u64,
    can_create: bool,
    sees_register: bool,
    adds_kinds: bool,
}

crate::http::page_chrome!(EventListPage);

impl EventListPage {
    fn kind(&self, e: &EventSummary) -> String {
        kind_label(&self.chrome.i18n, &e.kind, &e.kind_name)
    }
    fn when(&self, e: &EventSummary) -> String {
        e.first_session.as_ref().map(when).unwrap_or_default()
    }
}

async fn event_list(
    State(s): State<AppState>,
    st: Staff,
    Query(q): Query<ListQuery>,
) -> Result<EventListPage, WebError> {
    st.require(Action::List, Resource::Event)?;
    let page = s.store.event_list(&st.actor, q.page.unwrap_or(1)).await?;
    Ok(EventListPage {
        pages: page.pages(),
        can_create: st.actor.may(Action::Create, Resource::Event),
        sees_register: st.actor.may(Action::List, Resource::StaffRegister),
        adds_kinds: st.actor.role() == brygga_domain::model::Role::Admin,
        chrome: st.chrome,
        page,
    })
}

// ------------------------------------------------------------------ the event form

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct EventForm {
    version: String,
    create_key: String,
    programme_id: String,
    kind: String,
    title: String,
    description: String,
    capacity: String,
    audience: Vec<String>,
    /// The checkbox: present ("yes") when ticked.
    public: String,
    slot_minutes: String,
    meetings_per_candidate: String,
}

impl EventForm {
    fn draft(&self) -> EventDraft {
        EventDraft {
            programme_id: self.programme_id.clone(),
            kind: self.kind.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            capacity: self.capacity.clone(),
            audience: self.audience.clone(),
            public: !self.public.trim().is_empty(),
            slot_minutes: self.slot_minutes.clone(),
            meetings_per_candidate: self.meetings_per_candidate.clone(),
        }
    }

    fn of(e: &EventRecord) -> EventForm {
        EventForm {
            version: e.version.to_string(),
            create_key: String::new(),
            programme_id: e.programme_id.to_string(),
            kind: e.kind.clone(),
            title: e.title.clone(),
            description: e.description.clone(),
            capacity: e.capacity.to_string(),
            audience: e.audience.iter().map(|a| a.as_str().to_string()).collect(),
            public: if e.public {
                "yes".into()
            } else {
                String::new()
            },
            slot_minutes: e.slot_minutes.to_string(),
            meetings_per_candidate: e.meetings_per_candidate.to_string(),
        }
    }

    fn version(&self) -> i32 {
        self.version.trim().parse().unwrap_or(0)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "event/form.html")]
struct EventFormPage {
    chrome: Chrome,
    id: Option<i32>,
    form: EventForm,
    errors: Errors,
    programmes: Vec<Organisation>,
    kinds: Vec<KindChoice>,
}

crate::http::page_chrome!(EventFormPage);

impl EventFormPage {
    fn action(&self) -> String {
        match self.id {
            Some(id) => format!("/events/{id}"),
            None => "/events".into(),
        }
    }
    fn audiences(&self) -> &'static [Audience] {
        Audience::ALL
    }
    fn chosen(&self, a: &Audience) -> bool {
        self.form.audience.iter().any(|x| x == a.as_str())
    }
    fn kind(&self, k: &KindChoice) -> String {
        kind_label(&self.chrome.i18n, &k.key, &k.name)
    }
}

async fn form_page(
    s: &AppState,
    st: Staff,
    id: Option<i32>,
    form: EventForm,
    errors: Errors,
) -> Result<Response, WebError> {
    let programmes = s
        .store
        .programmes_for(&st.actor)
        .await?
        .into_iter()
        .filter(|o| o.kind == OrgKind::Programme)
        .collect();
    let kinds = s.store.event_kinds().await?;
    let status = form_status(&errors);
    let page = EventFormPage {
        chrome: st.chrome,
        id,
        form,
        errors,
        programmes,
        kinds,
    };
    Ok((status, page).into_response())
}

async fn event_new(State(s): State<AppState>, st: Staff) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Event)?;
    let form = EventForm {
        create_key: crate::http::form::new_create_key(),
        kind: MATCHING_FAIR.into(),
        capacity: "30".into(),
        slot_minutes: "15".into(),
        meetings_per_candidate: "3".into(),
        ..Default::default()
    };
    form_page(&s, st, None, form, Errors::default()).await
}

async fn event_create(
    State(s): State<AppState>,
    st: Staff,
    Form(f): Form<EventForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Event)?;
    match brygga_app::event::create(&s, &st.actor, &f.create_key, &f.draft()).await {
        Ok(once) => Ok(to_event(once.id())),
        Err(e) => {
            let errors = form_errors(e)?;
            form_page(&s, st, None, f, errors).await
        }
    }
}

async fn event_edit(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Event)?;
    let e = s.store.event_get(&st.actor, id).await?;
    if !e.may_manage {
        return Err(WebError::Forbidden);
    }
    form_page(&s, st, Some(id), EventForm::of(&e), Errors::default()).await
}

async fn event_update(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<EventForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Event)?;
    match brygga_app::event::update(&s, &st.actor, id, f.version(), &f.draft()).await {
        Ok(()) => Ok(to_event(id)),
        Err(e) => {
            let errors = form_errors(e)?;
            form_page(&s, st, Some(id), f, errors).await
        }
    }
}

// ------------------------------------------------------------------ the event page

#[derive(Template, WebTemplate)]
#[template(path = "event/show.html")]
struct EventPage {
    chrome: Chrome,
    e: EventRecord,
    choices: Vec<WhoChoice>,
    session: EventSessionDraft,
    /// The registration form's choice as sent.
    who: String,
    /// The invitation form's ticks as sent.
    invitees: Vec<String>,
    errors: Errors,
    /// What the last action did (a registration's place or waiting place, invitations sent).
    notice: Option<String>,
}

crate::http::page_chrome!(EventPage);

impl EventPage {
    fn kind(&self) -> String {
        kind_label(&self.chrome.i18n, &self.e.kind, &self.e.kind_name)
    }
    fn when(&self, s: &SessionView) -> String {
        when(s)
    }
    fn groups(&self) -> Vec<Audience> {
        let mut g: Vec<Audience> = vec![];
        for c in &self.choices {
            if !g.contains(&c.group) {
                g.push(c.group);
            }
        }
        g
    }
    fn in_group(&self, g: &Audience) -> Vec<&WhoChoice> {
        self.choices.iter().filter(|c| c.group == *g).collect()
    }
    fn ticked(&self, key: &str) -> bool {
        self.invitees.iter().any(|k| k == key)
    }
    fn mark(&self, r: &RegistrationView, s: &SessionView) -> String {
        match r.mark(s.id) {
            Some(m) => self.chrome.i18n.t(&m.label_key()),
            None => "–".into(),
        }
    }
    fn active(&self) -> Vec<&RegistrationView> {
        self.e
            .registrations
            .iter()
            .filter(|r| r.status != brygga_domain::event::RegistrationStatus::Cancelled)
            .collect()
    }
    /// Attendance was taken at the session (it can no longer be removed).
    fn attended(&self, s: &SessionView) -> bool {
        self.e.registrations.iter().any(|r| r.mark(s.id).is_some())
    }
    fn places(&self) -> String {
        self.chrome.i18n.t2(
            "event-places-taken",
            ("taken", &self.e.registered.to_string()),
            ("capacity", &self.e.capacity.to_string()),
        )
    }
    fn cancelled(&self) -> usize {
        self.e.registrations.len() - self.active().len()
    }
}

#[derive(Default)]
struct Typed {
    session: EventSessionDraft,
    who: String,
    invitees: Vec<String>,
    errors: Errors,
    notice: Option<String>,
}

async fn event_page(s: &AppState, st: Staff, id: i32, typed: Typed) -> Result<Response, WebError> {
    let e = s.store.event_get(&st.actor, id).await?;
    let choices = if e.may_manage {
        s.store.event_choices(&st.actor, id).await?
    } else {
        vec![]
    };
    let status = form_status(&typed.errors);
    let page = EventPage {
        chrome: st.chrome,
        e,
        choices,
        session: typed.session,
        who: typed.who,
        invitees: typed.invitees,
        errors: typed.errors,
        notice: typed.notice,
    };
    Ok((status, page).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ShowQuery {
    /// A notice key after a redirect (`registered`, `waitlisted`, `invited`, `sent`).
    done: String,
    n: Option<usize>,
}

async fn event_show(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Query(q): Query<ShowQuery>,
) -> Result<Response, WebError> {
    st.require(Action::Read, Resource::Event)?;
    let notice = match q.done.as_str() {
        "registered" | "waitlisted" | "invited" | "cancelled" => Some(st.chrome.i18n.t1(
            &format!("event-done-{}", q.done),
            "count",
            q.n.unwrap_or(0),
        )),
        _ => None,
    };
    event_page(
        &s,
        st,
        id,
        Typed {
            notice,
            ..Default::default()
        },
    )
    .await
}

/// After a write on the event page: back to it (with a notice), or the page again with the
/// errors and the typed input.
async fn after<T>(
    s: &AppState,
    st: Staff,
    id: i32,
    result: brygga_app::Result<T>,
    done: impl FnOnce(&T) -> String,
    typed: impl FnOnce(Errors) -> Typed,
) -> Result<Response, WebError> {
    match result {
        Ok(v) => {
            let q = done(&v);
            if q.is_empty() {
                Ok(to_event(id))
            } else {
                Ok(Redirect::to(&format!("/events/{id}?{q}")).into_response())
            }
        }
        Err(e) => {
            let errors = form_errors(e)?;
            event_page(s, st, id, typed(errors)).await
        }
    }
}

async fn session_add(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<EventSessionDraft>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Event)?;
    let result = brygga_app::event::add_session(&s, &st.actor, id, &f).await;
    after(
        &s,
        st,
        id,
        result,
        |_| String::new(),
        |errors| Typed {
            session: f,
            errors,
            ..Default::default()
        },
    )
    .await
}

async fn session_delete(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, session): IdPair,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Event)?;
    let result = s
        .store
        .event_session_delete(&st.actor, id, session)
        .await
        .map_err(brygga_app::Error::from);
    after(
        &s,
        st,
        id,
        result,
        |_| String::new(),
        |errors| Typed {
            errors,
            ..Default::default()
        },
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct WhoForm {
    who: String,
}

fn registered_query(r: &brygga_store::event::Registered) -> String {
    format!("done={}", r.status.as_str())
}

async fn register(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<WhoForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Event)?;
    let result = brygga_app::event::register(&s, &st.actor, id, &f.who).await;
    after(&s, st, id, result, registered_query, |errors| Typed {
        who: f.who,
        errors,
        ..Default::default()
    })
    .await
}

async fn register_self(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Event)?;
    let result = brygga_app::event::register_self(&s, &st.actor, id).await;
    after(&s, st, id, result, registered_query, |errors| Typed {
        errors,
        ..Default::default()
    })
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct VersionForm {
    version: String,
}

async fn cancel(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, registration): IdPair,
    Form(f): Form<VersionForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Event)?;
    let version = f.version.trim().parse().unwrap_or(0);
    let result = brygga_app::event::cancel(&s, &st.actor, id, registration, version).await;
    after(
        &s,
        st,
        id,
        result,
        |_| "done=cancelled".into(),
        |errors| Typed {
            errors,
            ..Default::default()
        },
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct InviteForm {
    invitees: Vec<String>,
}

async fn invite(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<InviteForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Event)?;
    let result = brygga_app::event::invite(&s, &st.actor, id, &f.invitees).await;
    after(
        &s,
        st,
        id,
        result,
        |n| format!("done=invited&n={n}"),
        |errors| Typed {
            invitees: f.invitees,
            errors,
            ..Default::default()
        },
    )
    .await
}

// ------------------------------------------------------------------ attendance at the door

#[derive(Template, WebTemplate)]
#[template(path = "event/door.html")]
struct DoorPage {
    chrome: Chrome,
    e: EventRecord,
    session: SessionView,
    typed: Vec<(String, String)>,
    errors: Errors,
    saved: bool,
}

crate::http::page_chrome!(DoorPage);

impl DoorPage {
    fn marks(&self) -> &'static [AttendanceMark] {
        AttendanceMark::ALL
    }
    fn when(&self) -> String {
        when(&self.session)
    }
    fn rows(&self) -> Vec<&RegistrationView> {
        self.e
            .registrations
            .iter()
            .filter(|r| r.status == brygga_domain::event::RegistrationStatus::Registered)
            .collect()
    }
    fn ticked(&self, r: &RegistrationView, mark: &AttendanceMark) -> bool {
        if self.typed.is_empty() {
            return r.mark(self.session.id) == Some(*mark);
        }
        self.typed
            .iter()
            .any(|(id, m)| *id == r.id.to_string() && m == mark.as_str())
    }
}

async fn door_page(
    s: &AppState,
    st: Staff,
    id: i32,
    session: i32,
    typed: Vec<(String, String)>,
    errors: Errors,
    saved: bool,
) -> Result<Response, WebError> {
    let e = s.store.event_get(&st.actor, id).await?;
    if !e.may_manage {
        return Err(WebError::Forbidden);
    }
    let session = e
        .sessions
        .iter()
        .find(|x| x.id == session)
        .cloned()
        .ok_or(WebError::NotFound)?;
    let status = form_status(&errors);
    let page = DoorPage {
        chrome: st.chrome,
        e,
        session,
        typed,
        errors,
        saved,
    };
    Ok((status, page).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SavedQuery {
    saved: String,
}

async fn door_list(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, session): IdPair,
    Query(q): Query<SavedQuery>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Event)?;
    door_page(
        &s,
        st,
        id,
        session,
        vec![],
        Errors::default(),
        !q.saved.is_empty(),
    )
    .await
}

/// The door list sends one `mark-<registration id>` per row marked.
async fn attendance_save(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, session): IdPair,
    Form(f): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Event)?;
    let rows: Vec<(String, String)> = f
        .into_iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("mark-")?.to_string(), v)))
        .collect();
    match brygga_app::event::record_attendance(&s, &st.actor, id, session, &rows).await {
        Ok(()) => {
            Ok(Redirect::to(&format!("/events/{id}/sessions/{session}?saved=1")).into_response())
        }
        Err(e) => {
            let errors = form_errors(e)?;
            door_page(&s, st, id, session, rows, errors, false).await
        }
    }
}

// ------------------------------------------------------------------ the matching fair

#[derive(Template, WebTemplate)]
#[template(path = "event/timetable.html")]
struct TimetablePage {
    chrome: Chrome,
    e: EventRecord,
    employers: Vec<(i32, String)>,
    errors: Errors,
    /// The meeting whose move was refused, and what was typed.
    failed: Option<(i32, String, String)>,
    /// The employer form as typed.
    employer_id: String,
    tables: String,
    notice: Option<String>,
}

crate::http::page_chrome!(TimetablePage);

impl TimetablePage {
    fn meetings(&self) -> &[FairMeetingView] {
        self.e.fair.as_ref().map_or(&[], |f| &f.meetings)
    }
    fn slots(&self) -> Vec<i32> {
        (0..self.e.fair.as_ref().map_or(0, |f| f.slots)).collect()
    }
    fn slot_label(&self, slot: &i32) -> String {
        match self.e.sessions.first() {
            Some(s) => brygga_app::event::slot_label(s.starts_at, self.e.slot_minutes, *slot),
            None => String::new(),
        }
    }
    fn fair_employers(&self) -> &[brygga_store::event::FairEmployer] {
        self.e.fair.as_ref().map_or(&[], |f| &f.employers)
    }
    fn at(&self, employer: &i32, slot: &i32) -> Vec<&FairMeetingView> {
        self.meetings()
            .iter()
            .filter(|m| m.employer_id == *employer && m.slot == *slot)
            .collect()
    }
    fn candidates(&self) -> Vec<(i32, String)> {
        let mut v: Vec<(i32, String)> = self
            .meetings()
            .iter()
            .map(|m| (m.registration_id, m.candidate.clone()))
            .collect();
        v.sort_by(|a, b| a.1.cmp(&b.1));
        v.dedup();
        v
    }
    fn of_candidate(&self, reg: &i32) -> Vec<&FairMeetingView> {
        self.meetings()
            .iter()
            .filter(|m| m.registration_id == *reg)
            .collect()
    }
    fn failed_here(&self, m: &FairMeetingView) -> bool {
        self.failed.as_ref().is_some_and(|f| f.0 == m.id)
    }
    fn typed_slot(&self, m: &FairMeetingView) -> String {
        match &self.failed {
            Some((id, slot, _)) if *id == m.id => slot.clone(),
            _ => (m.slot + 1).to_string(),
        }
    }
    fn typed_table(&self, m: &FairMeetingView) -> String {
        match &self.failed {
            Some((id, _, table)) if *id == m.id => table.clone(),
            _ => m.table.to_string(),
        }
    }
    fn tables_of(&self, f: &brygga_store::event::FairEmployer) -> String {
        if f.tables == 1 {
            return format!("{} {}", self.chrome.i18n.t("event-table"), f.first_table);
        }
        self.chrome.i18n.t2(
            "event-tables-of",
            ("first", &f.first_table.to_string()),
            ("last", &(f.first_table + f.tables - 1).to_string()),
        )
    }
    fn start(&self) -> String {
        self.e
            .sessions
            .first()
            .map(|s| brygga_app::event::local(s.starts_at))
            .unwrap_or_default()
    }
    fn sent(&self) -> String {
        self.e
            .fair
            .as_ref()
            .and_then(|f| f.sent_at)
            .map(brygga_app::event::local)
            .unwrap_or_default()
    }
}

#[derive(Default)]
struct FairTyped {
    errors: Errors,
    failed: Option<(i32, String, String)>,
    employer_id: String,
    tables: String,
    notice: Option<String>,
}

async fn timetable_page(
    s: &AppState,
    st: Staff,
    id: i32,
    typed: FairTyped,
) -> Result<Response, WebError> {
    let e = s.store.event_get(&st.actor, id).await?;
    if !e.may_see_timetable {
        return Err(WebError::NotFound);
    }
    let employers = if e.may_manage {
        s.store.fair_employer_choices(&st.actor, id).await?
    } else {
        vec![]
    };
    let status = form_status(&typed.errors);
    let page = TimetablePage {
        chrome: st.chrome,
        e,
        employers,
        errors: typed.errors,
        failed: typed.failed,
        employer_id: typed.employer_id,
        tables: if typed.tables.is_empty() {
            "1".into()
        } else {
            typed.tables
        },
        notice: typed.notice,
    };
    Ok((status, page).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FairQuery {
    done: String,
    n: Option<usize>,
    left: Option<usize>,
}

async fn timetable(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Query(q): Query<FairQuery>,
) -> Result<Response, WebError> {
    st.require(Action::Read, Resource::Event)?;
    let i18n = st.chrome.i18n;
    let notice = match q.done.as_str() {
        "generated" => Some(i18n.t2(
            "event-done-generated",
            ("count", &q.n.unwrap_or(0).to_string()),
            ("left", &q.left.unwrap_or(0).to_string()),
        )),
        "sent" => Some(i18n.t1("event-done-sent", "count", q.n.unwrap_or(0))),
        _ => None,
    };
    timetable_page(
        &s,
        st,
        id,
        FairTyped {
            notice,
            ..Default::default()
        },
    )
    .await
}

async fn fair_after<T>(
    s: &AppState,
    st: Staff,
    id: i32,
    result: brygga_app::Result<T>,
    done: impl FnOnce(&T) -> String,
    typed: impl FnOnce(Errors) -> FairTyped,
) -> Result<Response, WebError> {
    match result {
        Ok(v) => Ok(Redirect::to(&format!("/events/{id}/timetable?{}", done(&v))).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            timetable_page(s, st, id, typed(errors)).await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct EmployerForm {
    employer_id: String,
    tables: String,
}

async fn employer_add(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<EmployerForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Event)?;
    let result =
        brygga_app::event::add_fair_employer(&s, &st.actor, id, &f.employer_id, &f.tables).await;
    // An employer's contact adds her own employer from the event's page, and returns there.
    if st.actor.role() == brygga_domain::model::Role::EmployerContact {
        return match result {
            Ok(()) => Ok(to_event(id)),
            Err(e) => {
                let errors = form_errors(e)?;
                event_page(
                    &s,
                    st,
                    id,
                    Typed {
                        errors,
                        ..Default::default()
                    },
                )
                .await
            }
        };
    }
    fair_after(
        &s,
        st,
        id,
        result,
        |_| String::new(),
        |errors| FairTyped {
            errors,
            employer_id: f.employer_id,
            tables: f.tables,
            ..Default::default()
        },
    )
    .await
}

async fn generate(State(s): State<AppState>, st: Staff, Id(id): Id) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Event)?;
    let result = brygga_app::event::generate_timetable(&s, &st.actor, id).await;
    fair_after(
        &s,
        st,
        id,
        result,
        |g| format!("done=generated&n={}&left={}", g.meetings, g.left_out),
        |errors| FairTyped {
            errors,
            ..Default::default()
        },
    )
    .await
}

async fn send(State(s): State<AppState>, st: Staff, Id(id): Id) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Event)?;
    let result = brygga_app::event::send_timetable(&s, &st.actor, id).await;
    fair_after(
        &s,
        st,
        id,
        result,
        |n| format!("done=sent&n={n}"),
        |errors| FairTyped {
            errors,
            ..Default::default()
        },
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MoveForm {
    slot: String,
    table: String,
}

async fn move_meeting(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, meeting): IdPair,
    Form(f): Form<MoveForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Event)?;
    let result =
        brygga_app::event::move_meeting(&s, &st.actor, id, meeting, &f.slot, &f.table).await;
    fair_after(
        &s,
        st,
        id,
        result,
        |_| String::new(),
        |errors| FairTyped {
            errors,
            failed: Some((meeting, f.slot, f.table)),
            ..Default::default()
        },
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct WishForm {
    participant_id: String,
    employer_id: String,
    /// "yes" to wish, anything else to take the wish back.
    wish: String,
}

async fn wish(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<WishForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Event)?;
    let (Ok(participant), Ok(employer)) = (
        f.participant_id.trim().parse::<i32>(),
        f.employer_id.trim().parse::<i32>(),
    ) else {
        return Err(WebError::NotFound);
    };
    let result = s
        .store
        .fair_wish_set(&st.actor, id, participant, employer, f.wish == "yes")
        .await
        .map_err(brygga_app::Error::from);
    fair_after(
        &s,
        st,
        id,
        result,
        |_| String::new(),
        |errors| FairTyped {
            errors,
            ..Default::default()
        },
    )
    .await
}

// ------------------------------------------------------------------ the staff register

#[derive(Template, WebTemplate)]
#[template(path = "event/staff.html")]
struct StaffPage {
    chrome: Chrome,
    register: StaffRegister,
    programmes: Vec<Organisation>,
    form: PersonForm,
    errors: Errors,
}

crate::http::page_chrome!(StaffPage);

impl StaffPage {
    fn levels(&self) -> &'static [RoleLevel] {
        RoleLevel::ALL
    }
    fn genders(&self) -> &'static [Gender] {
        Gender::ALL
    }
    fn hours(&self, h: &f64) -> String {
        format!("{h:.1}")
    }
    /// The counts by training, by organisation and by role level, each row with its label.
    fn sections(&self) -> Vec<(String, Vec<(String, Tally)>)> {
        let i18n = &self.chrome.i18n;
        let plain = |v: &[Tally]| v.iter().map(|t| (t.key.clone(), t.clone())).collect();
        vec![
            (
                i18n.t("event-by-training"),
                plain(&self.register.by_training),
            ),
            (
                i18n.t("event-by-organisation"),
                plain(&self.register.by_organisation),
            ),
            (
                i18n.t("event-by-level"),
                self.register
                    .by_level
                    .iter()
                    .map(|t| (i18n.t(&format!("event-level-{}", t.key)), t.clone()))
                    .collect(),
            ),
        ]
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct PersonForm {
    version: String,
    programme_id: String,
    name: String,
    email: String,
    organisation: String,
    role_level: String,
    gender: String,
}

impl PersonForm {
    fn draft(&self) -> PersonDraft {
        PersonDraft {
            name: self.name.clone(),
            email: self.email.clone(),
            organisation: self.organisation.clone(),
            role_level: self.role_level.clone(),
            gender: self.gender.clone(),
        }
    }
}

async fn staff_page(
    s: &AppState,
    st: Staff,
    form: PersonForm,
    errors: Errors,
) -> Result<Response, WebError> {
    let register = s.store.staff_register(&st.actor).await?;
    let programmes = s
        .store
        .programmes_for(&st.actor)
        .await?
        .into_iter()
        .filter(|o| o.kind == OrgKind::Programme)
        .collect();
    let status = form_status(&errors);
    let page = StaffPage {
        chrome: st.chrome,
        register,
        programmes,
        form,
        errors,
    };
    Ok((status, page).into_response())
}

async fn staff_list(State(s): State<AppState>, st: Staff) -> Result<Response, WebError> {
    st.require(Action::List, Resource::StaffRegister)?;
    staff_page(&s, st, PersonForm::default(), Errors::default()).await
}

async fn person_create(
    State(s): State<AppState>,
    st: Staff,
    Form(f): Form<PersonForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::StaffRegister)?;
    match brygga_app::event::add_person(&s, &st.actor, &f.programme_id, &f.draft()).await {
        Ok(_) => Ok(Redirect::to("/events/people").into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            staff_page(&s, st, f, errors).await
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "event/person.html")]
struct PersonPage {
    chrome: Chrome,
    id: i32,
    form: PersonForm,
    errors: Errors,
}

crate::http::page_chrome!(PersonPage);

impl PersonPage {
    fn levels(&self) -> &'static [RoleLevel] {
        RoleLevel::ALL
    }
    fn genders(&self) -> &'static [Gender] {
        Gender::ALL
    }
}

fn person_form(p: &StaffRow) -> PersonForm {
    PersonForm {
        version: p.version.to_string(),
        programme_id: String::new(),
        name: p.name.clone(),
        email: p.email.clone(),
        organisation: p.organisation.clone(),
        role_level: p.role_level.as_str().into(),
        gender: p.gender.as_str().into(),
    }
}

async fn person_edit(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<PersonPage, WebError> {
    st.require(Action::Update, Resource::StaffRegister)?;
    let p = s.store.event_person_get(&st.actor, id).await?;
    Ok(PersonPage {
        chrome: st.chrome,
        id,
        form: person_form(&p),
        errors: Errors::default(),
    })
}

async fn person_update(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<PersonForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::StaffRegister)?;
    let version = f.version.trim().parse().unwrap_or(0);
    match brygga_app::event::update_person(&s, &st.actor, id, version, &f.draft()).await {
        Ok(()) => Ok(Redirect::to("/events/people").into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let status = form_status(&errors);
            Ok((
                status,
                PersonPage {
                    chrome: st.chrome,
                    id,
                    form: f,
                    errors,
                },
            )
                .into_response())
        }
    }
}

// ------------------------------------------------------------------ kinds

#[derive(Template, WebTemplate)]
#[template(path = "event/kinds.html")]
struct KindsPage {
    chrome: Chrome,
    kinds: Vec<KindChoice>,
    /// The name as typed.
    typed: String,
    errors: Errors,
}

crate::http::page_chrome!(KindsPage);

impl KindsPage {
    fn kind(&self, k: &KindChoice) -> String {
        kind_label(&self.chrome.i18n, &k.key, &k.name)
    }
}

fn require_admin(st: &Staff) -> Result<(), WebError> {
    if st.actor.role() == brygga_domain::model::Role::Admin {
        Ok(())
    } else {
        Err(WebError::Forbidden)
    }
}

async fn kinds_page(State(s): State<AppState>, st: Staff) -> Result<KindsPage, WebError> {
    require_admin(&st)?;
    Ok(KindsPage {
        kinds: s.store.event_kinds().await?,
        chrome: st.chrome,
        typed: String::new(),
        errors: Errors::default(),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct KindForm {
    name: String,
}

async fn kind_add(
    State(s): State<AppState>,
    st: Staff,
    Form(f): Form<KindForm>,
) -> Result<Response, WebError> {
    require_admin(&st)?;
    match brygga_app::event::add_kind(&s, &st.actor, &f.name).await {
        Ok(_) => Ok(Redirect::to("/admin/event-kinds").into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let status = form_status(&errors);
            Ok((
                status,
                KindsPage {
                    kinds: s.store.event_kinds().await?,
                    chrome: st.chrome,
                    typed: f.name,
                    errors,
                },
            )
                .into_response())
        }
    }
}
