//! Courses in the JSON API: courses, sessions, enrolments, attendance and progress notes, under
//! the same policy as the pages (the education provider sees its own courses and the enrolled
//! names only).

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use brygga_domain::course::{CourseDraft, ProgressNoteDraft, SessionDraft};
use brygga_domain::policy::{Action, Resource};
use brygga_store::course::{
    CourseRecord, CourseSession, CourseSummary, Enrolment, ProgressNote, SessionSheet,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::http::api::{Created, ListOf, Versioned, require};
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id, IdPair};

#[derive(Debug, Deserialize, Default, utoipa::IntoParams)]
#[serde(default)]
pub struct PageQuery {
    /// 1-based page number.
    pub page: Option<u64>,
}

#[utoipa::path(get, path = "/courses", params(PageQuery), responses((status = 200, body = ListOf<CourseSummary>), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody)))]
pub(crate) async fn course_list(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Query(q): Query<PageQuery>,
) -> Result<Json<ListOf<CourseSummary>>, ApiError> {
    require(&a, Action::List, Resource::Course)?;
    Ok(Json(
        s.store.course_list(&a, q.page.unwrap_or(1)).await?.into(),
    ))
}

#[utoipa::path(post, path = "/courses", request_body = CourseDraft, params(("Idempotency-Key" = Option<String>, Header, description = "Any unique value: a create sent again with the same key makes nothing new and answers 200 with the first one's id")), responses((status = 201, body = Created), (status = 200, description = "Made earlier with the same Idempotency-Key", body = Created), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn course_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    headers: axum::http::HeaderMap,
    body: Result<Json<CourseDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::Course)?;
    let Json(d) = body?;
    let key = crate::http::form::idempotency_key(&headers);
    let once = brygga_app::course::create(&s, &a, &key, &d).await?;
    Ok(crate::http::api::created(once))
}

#[utoipa::path(get, path = "/courses/{id}", params(("id" = i32, Path)), responses((status = 200, body = CourseRecord), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn course_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<CourseRecord>, ApiError> {
    require(&a, Action::Read, Resource::Course)?;
    Ok(Json(s.store.course_get(&a, id).await?))
}

#[utoipa::path(put, path = "/courses/{id}", params(("id" = i32, Path)), request_body = Versioned<CourseDraft>, responses((status = 204), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn course_update(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<Versioned<CourseDraft>>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Course)?;
    let Json(v) = body?;
    brygga_app::course::update(&s, &a, id, v.version, &v.data).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/courses/{id}/sessions", params(("id" = i32, Path)), responses((status = 200, body = Vec<CourseSession>), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn session_list(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<Vec<CourseSession>>, ApiError> {
    require(&a, Action::Read, Resource::Course)?;
    Ok(Json(s.store.course_get(&a, id).await?.sessions))
}

#[utoipa::path(post, path = "/courses/{id}/sessions", params(("id" = i32, Path)), request_body = SessionDraft, responses((status = 201, body = Created), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn session_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<SessionDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Update, Resource::Course)?;
    let Json(d) = body?;
    let sid = brygga_app::course::add_session(&s, &a, id, &d).await?;
    Ok((StatusCode::CREATED, Json(Created { id: sid })))
}

#[utoipa::path(get, path = "/courses/{id}/enrolments", params(("id" = i32, Path)), responses((status = 200, body = Vec<Enrolment>), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn enrolment_list(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<Vec<Enrolment>>, ApiError> {
    require(&a, Action::Read, Resource::Course)?;
    Ok(Json(s.store.course_get(&a, id).await?.enrolments))
}

/// Who to enrol.
#[derive(Debug, Deserialize, ToSchema)]
pub struct EnrolmentBody {
    pub participant_id: i32,
}

#[utoipa::path(post, path = "/courses/{id}/enrolments", params(("id" = i32, Path)), request_body = EnrolmentBody, responses((status = 201, body = Created), (status = 422, description = "Over capacity, enrolled already, or not a participant of the programme", body = ApiErrorBody)))]
pub(crate) async fn enrolment_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<EnrolmentBody>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Update, Resource::Course)?;
    let Json(b) = body?;
    let eid = s.store.course_enrol(&a, id, b.participant_id).await?;
    Ok((StatusCode::CREATED, Json(Created { id: eid })))
}

/// An enrolment's new status.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
pub struct EnrolmentStatusBody {
    /// enrolled, completed or withdrawn.
    pub status: String,
}

#[utoipa::path(put, path = "/courses/{id}/enrolments/{record}", params(("id" = i32, Path), ("record" = i32, Path)), request_body = Versioned<EnrolmentStatusBody>, responses((status = 204), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn enrolment_update(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    IdPair(id, record): IdPair,
    body: Result<Json<Versioned<EnrolmentStatusBody>>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Course)?;
    let Json(v) = body?;
    brygga_app::course::set_status(&s, &a, id, record, v.version, &v.data.status).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/courses/{id}/sessions/{record}/attendance", params(("id" = i32, Path), ("record" = i32, Path)), responses((status = 200, body = SessionSheet), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn attendance_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    IdPair(id, record): IdPair,
) -> Result<Json<SessionSheet>, ApiError> {
    require(&a, Action::Read, Resource::CourseProgress)?;
    Ok(Json(s.store.course_session_sheet(&a, id, record).await?))
}

/// One participant's attendance at the session.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AttendanceMarkBody {
    pub enrolment_id: i32,
    /// present, absent or excused.
    pub mark: String,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct AttendanceBody {
    pub marks: Vec<AttendanceMarkBody>,
}

#[utoipa::path(put, path = "/courses/{id}/sessions/{record}/attendance", params(("id" = i32, Path), ("record" = i32, Path)), request_body = AttendanceBody, responses((status = 204), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn attendance_put(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    IdPair(id, record): IdPair,
    body: Result<Json<AttendanceBody>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Create, Resource::CourseProgress)?;
    let Json(b) = body?;
    let rows: Vec<(String, String)> = b
        .marks
        .into_iter()
        .map(|m| (m.enrolment_id.to_string(), m.mark))
        .collect();
    brygga_app::course::record_attendance(&s, &a, id, record, &rows).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/courses/{id}/enrolments/{record}/notes", params(("id" = i32, Path), ("record" = i32, Path)), responses((status = 200, body = Vec<ProgressNote>), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn note_list(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    IdPair(id, record): IdPair,
) -> Result<Json<Vec<ProgressNote>>, ApiError> {
    require(&a, Action::Read, Resource::CourseProgress)?;
    let c = s.store.course_get(&a, id).await?;
    if !c.may_read_progress {
        return Err(ApiError::Forbidden);
    }
    let e = c
        .enrolments
        .into_iter()
        .find(|e| e.id == record)
        .ok_or(ApiError::NotFound)?;
    Ok(Json(e.notes))
}

#[utoipa::path(post, path = "/courses/{id}/enrolments/{record}/notes", params(("id" = i32, Path), ("record" = i32, Path)), request_body = ProgressNoteDraft, responses((status = 201, body = Created), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn note_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    IdPair(id, record): IdPair,
    body: Result<Json<ProgressNoteDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::CourseProgress)?;
    let Json(d) = body?;
    let nid = brygga_app::course::add_note(&s, &a, id, record, &d).await?;
    Ok((StatusCode::CREATED, Json(Created { id: nid })))
}
