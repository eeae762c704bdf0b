//! Courses: the list, a course's page (sessions, enrolled participants, progress notes), the
//! attendance grid of a session (phone-first, for the teacher), and the course form.

pub mod api;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use brygga_domain::course::{
    AttendanceMark, CourseDraft, CourseKind, EnrolmentStatus, ProgressNoteDraft, SessionDraft,
};
use brygga_domain::model::OrgKind;
use brygga_domain::policy::{Action, Resource};
use brygga_store::Page;
use brygga_store::course::{Choice, CourseRecord, CourseSummary, SessionSheet};
use brygga_store::org::Organisation;
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Id, IdPair, Staff, WebError, form_errors, form_status};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/courses", get(course_list).post(course_create))
        .route("/courses/new", get(course_new))
        .route("/courses/{id}", get(course_show).post(course_update))
        .route("/courses/{id}/edit", get(course_edit))
        .route("/courses/{id}/sessions", post(session_add))
        .route(
            "/courses/{id}/sessions/{record}",
            get(session_show).post(attendance_save),
        )
        .route(
            "/courses/{id}/sessions/{record}/delete",
            post(session_delete),
        )
        .route("/courses/{id}/enrolments", post(enrol))
        .route("/courses/{id}/enrolments/{record}", post(enrolment_status))
        .route("/courses/{id}/enrolments/{record}/notes", post(note_add))
}

fn to_course(id: i32) -> Response {
    Redirect::to(&format!("/courses/{id}")).into_response()
}

// ------------------------------------------------------------------ list

#[derive(Deserialize, Default)]
#[serde(default)]
struct ListQuery {
    page: Option<u64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "course/list.html")]
struct CourseListPage {
    chrome: Chrome,
    page: Page<CourseSummary>,
    pages: u64,
    can_create: bool,
}

crate::http::page_chrome!(CourseListPage);

async fn course_list(
    State(s): State<AppState>,
    st: Staff,
    Query(q): Query<ListQuery>,
) -> Result<CourseListPage, WebError> {
    st.require(Action::List, Resource::Course)?;
    let page = s.store.course_list(&st.actor, q.page.unwrap_or(1)).await?;
    Ok(CourseListPage {
        pages: page.pages(),
        can_create: st.actor.may(Action::Create, Resource::Course),
        chrome: st.chrome,
        page,
    })
}

// ------------------------------------------------------------------ the course form

/// The course form as sent: the domain's draft, the version read and the create nonce.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct CourseForm {
    version: String,
    create_key: String,
    programme_id: String,
    course_kind: String,
    name: String,
    location: String,
    course_start: String,
    course_end: String,
    course_capacity: String,
    teacher_ids: Vec<String>,
}

impl CourseForm {
    fn draft(&self) -> CourseDraft {
        CourseDraft {
            programme_id: self.programme_id.clone(),
            course_kind: self.course_kind.clone(),
            name: self.name.clone(),
            location: self.location.clone(),
            course_start: self.course_start.clone(),
            course_end: self.course_end.clone(),
            course_capacity: self.course_capacity.clone(),
            teacher_ids: self.teacher_ids.clone(),
        }
    }

    fn of(c: &CourseRecord) -> CourseForm {
        let d = c.to_draft();
        CourseForm {
            version: c.version.to_string(),
            create_key: String::new(),
            programme_id: d.programme_id,
            course_kind: d.course_kind,
            name: d.name,
            location: d.location,
            course_start: d.course_start,
            course_end: d.course_end,
            course_capacity: d.course_capacity,
            teacher_ids: d.teacher_ids,
        }
    }

    fn version(&self) -> i32 {
        self.version.trim().parse().unwrap_or(0)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "course/form.html")]
struct CourseFormPage {
    chrome: Chrome,
    /// `None` for a new course.
    id: Option<i32>,
    form: CourseForm,
    errors: Errors,
    programmes: Vec<Organisation>,
    teachers: Vec<Choice>,
}

crate::http::page_chrome!(CourseFormPage);

impl CourseFormPage {
    fn action(&self) -> String {
        match self.id {
            Some(id) => format!("/courses/{id}"),
            None => "/courses".into(),
        }
    }
    fn kinds(&self) -> &'static [CourseKind] {
        CourseKind::ALL
    }
    fn teaches(&self, id: &i32) -> bool {
        self.form
            .teacher_ids
            .iter()
            .any(|t| t.trim() == id.to_string())
    }
}

async fn form_page(
    s: &AppState,
    st: Staff,
    id: Option<i32>,
    form: CourseForm,
    errors: Errors,
) -> Result<Response, WebError> {
    let programmes = s
        .store
        .programmes_for(&st.actor)
        .await?
        .into_iter()
        .filter(|o| o.kind == OrgKind::Programme)
        .collect();
    let teachers = s.store.course_teacher_choices(&st.actor).await?;
    let status = form_status(&errors);
    let page = CourseFormPage {
        chrome: st.chrome,
        id,
        form,
        errors,
        programmes,
        teachers,
    };
    Ok((status, page).into_response())
}

async fn course_new(State(s): State<AppState>, st: Staff) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Course)?;
    let form = CourseForm {
        create_key: crate::http::form::new_create_key(),
        course_kind: CourseKind::VocationalSwedish.as_str().into(),
        ..Default::default()
    };
    form_page(&s, st, None, form, Errors::default()).await
}

async fn course_create(
    State(s): State<AppState>,
    st: Staff,
    Form(f): Form<CourseForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Course)?;
    match brygga_app::course::create(&s, &st.actor, &f.create_key, &f.draft()).await {
        Ok(once) => Ok(to_course(once.id())),
        Err(e) => {
            let errors = form_errors(e)?;
            form_page(&s, st, None, f, errors).await
        }
    }
}

async fn course_edit(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Course)?;
    let c = s.store.course_get(&st.actor, id).await?;
    if !c.may_manage {
        return Err(WebError::Forbidden);
    }
    form_page(&s, st, Some(id), CourseForm::of(&c), Errors::default()).await
}

async fn course_update(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<CourseForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Course)?;
    match brygga_app::course::update(&s, &st.actor, id, f.version(), &f.draft()).await {
        Ok(()) => Ok(to_course(id)),
        Err(e) => {
            let errors = form_errors(e)?;
            form_page(&s, st, Some(id), f, errors).await
        }
    }
}

// ------------------------------------------------------------------ the course page

#[derive(Template, WebTemplate)]
#[template(path = "course/show.html")]
struct CoursePage {
    chrome: Chrome,
    c: CourseRecord,
    /// Participants who may be enrolled (empty unless the actor manages the course).
    choices: Vec<Choice>,
    session: SessionDraft,
    note: ProgressNoteDraft,
    /// The enrolment whose status or note form was refused, to show the errors beside it.
    failed_enrolment: Option<i32>,
    errors: Errors,
}

crate::http::page_chrome!(CoursePage);

impl CoursePage {
    fn statuses(&self) -> &'static [EnrolmentStatus] {
        EnrolmentStatus::ALL
    }
    fn failed(&self, enrolment: &i32) -> bool {
        self.failed_enrolment == Some(*enrolment)
    }
    fn today(&self) -> String {
        brygga_app::today().to_string()
    }
}

#[derive(Default)]
struct Typed {
    session: SessionDraft,
    note: ProgressNoteDraft,
    failed_enrolment: Option<i32>,
    errors: Errors,
}

async fn course_page(s: &AppState, st: Staff, id: i32, typed: Typed) -> Result<Response, WebError> {
    let c = s.store.course_get(&st.actor, id).await?;
    let choices = if c.may_manage {
        s.store.course_enrol_choices(&st.actor, id).await?
    } else {
        vec![]
    };
    let status = form_status(&typed.errors);
    let note = if typed.note == ProgressNoteDraft::default() {
        ProgressNoteDraft {
            note_date: brygga_app::today().to_string(),
            note: String::new(),
        }
    } else {
        typed.note
    };
    let page = CoursePage {
        chrome: st.chrome,
        c,
        choices,
        session: typed.session,
        note,
        failed_enrolment: typed.failed_enrolment,
        errors: typed.errors,
    };
    Ok((status, page).into_response())
}

async fn course_show(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    st.require(Action::Read, Resource::Course)?;
    course_page(&s, st, id, Typed::default()).await
}

/// After a write on the course page: back to it, or the page again with the errors and the
/// typed input.
async fn after<T>(
    s: &AppState,
    st: Staff,
    id: i32,
    result: brygga_app::Result<T>,
    typed: impl FnOnce(Errors) -> Typed,
) -> Result<Response, WebError> {
    match result {
        Ok(_) => Ok(to_course(id)),
        Err(e) => {
            let errors = form_errors(e)?;
            course_page(s, st, id, typed(errors)).await
        }
    }
}

async fn session_add(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<SessionDraft>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Course)?;
    let result = brygga_app::course::add_session(&s, &st.actor, id, &f).await;
    after(&s, st, id, result, |errors| Typed {
        session: f,
        errors,
        ..Default::default()
    })
    .await
}

async fn session_delete(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, session): IdPair,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Course)?;
    s.store
        .course_session_delete(&st.actor, id, session)
        .await?;
    Ok(to_course(id))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct EnrolForm {
    participant_id: String,
}

async fn enrol(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<EnrolForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Course)?;
    let result = brygga_app::course::enrol(&s, &st.actor, id, &f.participant_id).await;
    after(&s, st, id, result, |errors| Typed {
        errors,
        ..Default::default()
    })
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StatusForm {
    version: String,
    status: String,
}

async fn enrolment_status(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, enrolment): IdPair,
    Form(f): Form<StatusForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Course)?;
    let version = f.version.trim().parse().unwrap_or(0);
    let result =
        brygga_app::course::set_status(&s, &st.actor, id, enrolment, version, &f.status).await;
    after(&s, st, id, result, |errors| Typed {
        failed_enrolment: Some(enrolment),
        errors,
        ..Default::default()
    })
    .await
}

async fn note_add(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, enrolment): IdPair,
    Form(f): Form<ProgressNoteDraft>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::CourseProgress)?;
    let result = brygga_app::course::add_note(&s, &st.actor, id, enrolment, &f).await;
    after(&s, st, id, result, |errors| Typed {
        note: f,
        failed_enrolment: Some(enrolment),
        errors,
        ..Default::default()
    })
    .await
}

// ------------------------------------------------------------------ attendance

#[derive(Template, WebTemplate)]
#[template(path = "course/session.html")]
struct SessionPage {
    chrome: Chrome,
    sheet: SessionSheet,
    /// The marks as sent, when the form was refused: (enrolment id, mark).
    typed: Vec<(String, String)>,
    errors: Errors,
}

crate::http::page_chrome!(SessionPage);

impl SessionPage {
    fn marks(&self) -> &'static [AttendanceMark] {
        AttendanceMark::ALL
    }
    /// Whether the row's radio button for `mark` is ticked: as sent, else as recorded.
    fn ticked(&self, row: &brygga_store::course::AttendanceRow, mark: &AttendanceMark) -> bool {
        if self.typed.is_empty() {
            return row.mark == Some(*mark);
        }
        self.typed
            .iter()
            .any(|(id, m)| *id == row.enrolment_id.to_string() && m == mark.as_str())
    }
}

async fn session_show(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, session): IdPair,
) -> Result<SessionPage, WebError> {
    st.require(Action::Read, Resource::CourseProgress)?;
    let sheet = s.store.course_session_sheet(&st.actor, id, session).await?;
    Ok(SessionPage {
        chrome: st.chrome,
        sheet,
        typed: vec![],
        errors: Errors::default(),
    })
}

/// The grid sends one `mark-<enrolment id>` per row that was marked.
async fn attendance_save(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, session): IdPair,
    Form(f): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::CourseProgress)?;
    let rows: Vec<(String, String)> = f
        .into_iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("mark-")?.to_string(), v)))
        .collect();
    match brygga_app::course::record_attendance(&s, &st.actor, id, session, &rows).await {
        Ok(()) => Ok(Redirect::to(&format!("/courses/{id}/sessions/{session}")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let sheet = s.store.course_session_sheet(&st.actor, id, session).await?;
            let status = form_status(&errors);
            let page = SessionPage {
                chrome: st.chrome,
                sheet,
                typed: rows,
                errors,
            };
            Ok((status, page).into_response())
        }
    }
}
