//! Follow-up meetings: a participant's meetings, booking one (invitations with a calendar file
//! go out by e-mail), a meeting's page with its notes and actions, moving and cancelling it, and
//! marking an action done.

pub mod api;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use brygga_domain::interview::local_input_value;
use brygga_domain::meeting::{ActionDraft, MeetingDraft, MeetingKind, MeetingStatus, NoteDraft};
use brygga_domain::policy::{Action, Resource};
use brygga_store::meeting::{MeetingRecord, MeetingSummary, SuggestedInvitee};
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Id, Staff, WebError, form_errors, form_status};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/participants/{id}/meetings",
            get(meeting_list).post(meeting_book),
        )
        .route("/participants/{id}/meetings/new", get(meeting_new))
        .route("/meetings/{id}", get(meeting_page))
        .route("/meetings/{id}/edit", get(meeting_edit).post(meeting_move))
        .route("/meetings/{id}/cancel", post(meeting_cancel))
        .route("/meetings/{id}/notes", post(note_add))
        .route("/meetings/{id}/actions", post(action_add))
        .route("/meeting-actions/{id}/done", post(action_done))
}

pub(crate) fn local(t: chrono::DateTime<chrono::Utc>) -> String {
    brygga_app::meeting::local_time(t)
}

// ------------------------------------------------------------------ a participant's meetings

#[derive(Template, WebTemplate)]
#[template(path = "meeting/list.html")]
struct ListPage {
    chrome: Chrome,
    participant_id: i32,
    participant_name: String,
    meetings: Vec<MeetingSummary>,
    may_book: bool,
}

crate::http::page_chrome!(ListPage);

impl ListPage {
    fn when(&self, m: &MeetingSummary) -> String {
        local(m.starts_at)
    }
}

async fn meeting_list(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    st.require(Action::List, Resource::Meeting)?;
    let (participant_name, meetings, may_book) =
        s.store.meetings_for_participant(&st.actor, id).await?;
    Ok(ListPage {
        chrome: st.chrome,
        participant_id: id,
        participant_name,
        meetings,
        may_book,
    }
    .into_response())
}

// ------------------------------------------------------------------ booking and moving

/// The booking form as typed: the invited users ticked by id, guests as rows.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct BookingForm {
    kind: String,
    starts_at: String,
    ends_at: String,
    location: String,
    meeting_link: String,
    internship_id: String,
    invitee_user_ids: Vec<String>,
    guest_names: Vec<String>,
    guest_emails: Vec<String>,
    version: String,
    create_key: String,
}

impl BookingForm {
    fn draft(&self) -> MeetingDraft {
        MeetingDraft {
            kind: self.kind.clone(),
            starts_at: self.starts_at.clone(),
            ends_at: self.ends_at.clone(),
            location: self.location.clone(),
            meeting_link: self.meeting_link.clone(),
            internship_id: self.internship_id.clone(),
            invitee_user_ids: self.invitee_user_ids.clone(),
            guest_names: self.guest_names.clone(),
            guest_emails: self.guest_emails.clone(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "meeting/form.html")]
struct FormPage {
    chrome: Chrome,
    /// Where the form goes (booking or moving).
    action: String,
    back: String,
    title_key: &'static str,
    /// Booking: who may be invited and the participant's internships. Moving keeps them.
    booking: bool,
    suggestions: Vec<SuggestedInvitee>,
    internships: Vec<(i32, chrono::NaiveDate, chrono::NaiveDate)>,
    form: BookingForm,
    errors: Errors,
}

crate::http::page_chrome!(FormPage);

impl FormPage {
    fn kinds(&self) -> &'static [MeetingKind] {
        MeetingKind::ALL
    }
    fn ticked(&self, id: impl std::fmt::Display) -> bool {
        let id = id.to_string();
        self.form.invitee_user_ids.iter().any(|x| x.trim() == id)
    }
    fn guests(&self) -> Vec<[String; 2]> {
        crate::http::form::with_blanks(crate::http::form::rows([
            &self.form.guest_names[..],
            &self.form.guest_emails[..],
        ]))
    }
    fn selected_internship(&self, id: impl std::fmt::Display) -> bool {
        self.form.internship_id.trim() == id.to_string()
    }
}

async fn booking_page(
    s: &AppState,
    st: Staff,
    participant_id: i32,
    form: BookingForm,
    errors: Errors,
) -> Result<Response, WebError> {
    let suggestions = s
        .store
        .meeting_invitee_suggestions(&st.actor, participant_id)
        .await?;
    let internships = s
        .store
        .meeting_internships(&st.actor, participant_id)
        .await?;
    let status = form_status(&errors);
    let page = FormPage {
        chrome: st.chrome,
        action: format!("/participants/{participant_id}/meetings"),
        back: format!("/participants/{participant_id}/meetings"),
        title_key: "meeting-book-title",
        booking: true,
        suggestions,
        internships,
        form,
        errors,
    };
    Ok((status, page).into_response())
}

async fn meeting_new(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Meeting)?;
    let me = st.actor.user_id().map(|u| u.to_string());
    let form = BookingForm {
        kind: MeetingKind::FollowUp.as_str().into(),
        invitee_user_ids: me.into_iter().collect(),
        create_key: crate::http::form::new_create_key(),
        ..Default::default()
    };
    booking_page(&s, st, id, form, Errors::default()).await
}

async fn meeting_book(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<BookingForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Meeting)?;
    let draft = f.draft();
    let result = s
        .store
        .create_once(&st.actor, "meeting", &f.create_key, async || {
            brygga_app::meeting::book(&s, &st.actor, id, &draft)
                .await
                .map_err(to_store)
        })
        .await;
    match result {
        Ok(once) => Ok(Redirect::to(&format!("/meetings/{}?booked=1", once.id())).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            booking_page(&s, st, id, f, errors).await
        }
    }
}

/// `create_once` runs a store write; a use case's error goes through it unchanged.
pub(crate) fn to_store(e: brygga_app::Error) -> brygga_store::StoreError {
    use brygga_app::Error as E;
    use brygga_store::StoreError as S;
    match e {
        E::NotFound => S::NotFound,
        E::Forbidden => S::Forbidden,
        E::Conflict => S::Conflict,
        E::Invalid(fe) => S::Invalid(fe),
        E::Internal(m) => S::Db(brygga_store::DbErr::Custom(m)),
    }
}

async fn move_page(
    st: Staff,
    m: &MeetingRecord,
    form: BookingForm,
    errors: Errors,
) -> Result<Response, WebError> {
    let status = form_status(&errors);
    let id = m.meeting.id;
    let page = FormPage {
        chrome: st.chrome,
        action: format!("/meetings/{id}/edit"),
        back: format!("/meetings/{id}"),
        title_key: "meeting-move-title",
        booking: false,
        suggestions: vec![],
        internships: vec![],
        form,
        errors,
    };
    Ok((status, page).into_response())
}

async fn meeting_edit(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Meeting)?;
    let m = s.store.meeting_get(&st.actor, id).await?;
    if !m.may_update {
        return Err(WebError::Forbidden);
    }
    let form = BookingForm {
        kind: m.meeting.kind.as_str().into(),
        starts_at: local_input_value(m.meeting.starts_at),
        ends_at: local_input_value(m.meeting.ends_at),
        location: m.meeting.location.clone(),
        meeting_link: m.meeting.meeting_link.clone(),
        version: m.meeting.version.to_string(),
        ..Default::default()
    };
    move_page(st, &m, form, Errors::default()).await
}

async fn meeting_move(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<BookingForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Meeting)?;
    let m = s.store.meeting_get(&st.actor, id).await?;
    let result = match f.version.trim().parse::<i32>() {
        Ok(version) => {
            brygga_app::meeting::reschedule(&s, &st.actor, id, version, &f.draft()).await
        }
        Err(_) => Err(brygga_app::Error::Conflict),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/meetings/{id}")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            move_page(st, &m, f, errors).await
        }
    }
}

// ------------------------------------------------------------------ one meeting

#[derive(Deserialize, Default)]
#[serde(default)]
struct MeetingQuery {
    booked: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct NoteForm {
    text: String,
    shared: String,
    create_key: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct ActionForm {
    text: String,
    owner_user_id: String,
    due_on: String,
    create_key: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct VersionForm {
    version: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "meeting/show.html")]
struct MeetingPage {
    chrome: Chrome,
    rec: MeetingRecord,
    booked: bool,
    note: NoteForm,
    action: ActionForm,
    /// Which form the errors belong to ("note", "action" or "meeting").
    errors_for: &'static str,
    errors: Errors,
}

crate::http::page_chrome!(MeetingPage);

impl MeetingPage {
    fn starts(&self) -> String {
        local(self.rec.meeting.starts_at)
    }
    fn ends(&self) -> String {
        brygga_domain::calendar::utc_to_stockholm(self.rec.meeting.ends_at)
            .format("%H:%M")
            .to_string()
    }
    fn booked_now(&self) -> bool {
        self.rec.meeting.status == MeetingStatus::Booked
    }
    fn note_errors(&self) -> Errors {
        self.errors_of("note")
    }
    fn action_errors(&self) -> Errors {
        self.errors_of("action")
    }
    fn errors_of(&self, form: &str) -> Errors {
        if self.errors_for == form {
            self.errors.clone()
        } else {
            Errors::default()
        }
    }
    /// The invited users, who may own an action.
    fn owners(&self) -> Vec<(i32, String)> {
        self.rec
            .invitees
            .iter()
            .filter_map(|i| i.user_id.map(|u| (u, i.name.clone())))
            .collect()
    }
    fn owner_selected(&self, id: impl std::fmt::Display) -> bool {
        self.action.owner_user_id.trim() == id.to_string()
    }
}

struct Typed {
    note: NoteForm,
    action: ActionForm,
    errors_for: &'static str,
    errors: Errors,
}

impl Default for Typed {
    fn default() -> Self {
        Typed {
            note: NoteForm {
                create_key: crate::http::form::new_create_key(),
                ..Default::default()
            },
            action: ActionForm {
                create_key: crate::http::form::new_create_key(),
                ..Default::default()
            },
            errors_for: "",
            errors: Errors::default(),
        }
    }
}

async fn render_meeting(
    s: &AppState,
    st: Staff,
    id: i32,
    booked: bool,
    typed: Typed,
) -> Result<Response, WebError> {
    let rec = s.store.meeting_get(&st.actor, id).await?;
    let status = form_status(&typed.errors);
    let page = MeetingPage {
        chrome: st.chrome,
        rec,
        booked,
        note: typed.note,
        action: typed.action,
        errors_for: typed.errors_for,
        errors: typed.errors,
    };
    Ok((status, page).into_response())
}

async fn meeting_page(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Query(q): Query<MeetingQuery>,
) -> Result<Response, WebError> {
    st.require(Action::Read, Resource::Meeting)?;
    render_meeting(&s, st, id, q.booked.is_some(), Typed::default()).await
}

async fn meeting_cancel(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<VersionForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Meeting)?;
    let result = match f.version.trim().parse::<i32>() {
        Ok(version) => brygga_app::meeting::cancel(&s, &st.actor, id, version).await,
        Err(_) => Err(brygga_app::Error::Conflict),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/meetings/{id}")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let typed = Typed {
                errors_for: "meeting",
                errors,
                ..Typed::default()
            };
            render_meeting(&s, st, id, false, typed).await
        }
    }
}

async fn note_add(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<NoteForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Meeting)?;
    let draft = NoteDraft {
        text: f.text.clone(),
        shared: f.shared.clone(),
    };
    let result = s
        .store
        .create_once(&st.actor, "meeting_note", &f.create_key, async || {
            brygga_app::meeting::add_note(&s, &st.actor, id, &draft)
                .await
                .map_err(to_store)
        })
        .await;
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/meetings/{id}#notes")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let typed = Typed {
                note: f,
                errors_for: "note",
                errors,
                ..Typed::default()
            };
            render_meeting(&s, st, id, false, typed).await
        }
    }
}

async fn action_add(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<ActionForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::MeetingAction)?;
    let draft = ActionDraft {
        text: f.text.clone(),
        owner_user_id: f.owner_user_id.clone(),
        due_on: f.due_on.clone(),
    };
    let result = s
        .store
        .create_once(&st.actor, "meeting_action", &f.create_key, async || {
            brygga_app::meeting::add_action(&s, &st.actor, id, &draft)
                .await
                .map_err(to_store)
        })
        .await;
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/meetings/{id}#actions")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let typed = Typed {
                action: f,
                errors_for: "action",
                errors,
                ..Typed::default()
            };
            render_meeting(&s, st, id, false, typed).await
        }
    }
}

async fn action_done(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<VersionForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::MeetingAction)?;
    let version = f
        .version
        .trim()
        .parse::<i32>()
        .map_err(|_| WebError::Conflict)?;
    let meeting = brygga_app::meeting::mark_done(&s, &st.actor, id, version).await?;
    Ok(Redirect::to(&format!("/meetings/{meeting}#actions")).into_response())
}
