//! Events in the JSON API, under the same policy as the pages: list, create and read events,
//! add sessions, register someone (or oneself), cancel, invite, take attendance, the staff
//! register, and a matching fair's employers, timetable (generate, send, move a meeting) and
//! the employer's wishes.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use brygga_domain::event::{EventDraft, EventSessionDraft, PersonDraft};
use brygga_domain::policy::{Action, Resource};
use brygga_store::event::{EventRecord, EventSummary, StaffRegister};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::http::api::{Created, require};
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id, IdPair};
use crate::meeting::api::VersionBody;

/// A page of events.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventsBody {
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<EventSummary>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}

/// An event with its sessions; the registrations for the staff in scope, otherwise the
/// caller's own; a fair's employers and timetable.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventBody {
    #[schema(value_type = Object)]
    pub event: EventRecord,
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct PageQuery {
    pub page: Option<u64>,
}

/// Whom to register: `p-<participant id>`, `x-<staff register id>` or `s-<supervisor id>`.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct WhoBody {
    pub who: String,
}

/// Where a registration stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegisteredBody {
    pub id: i32,
    /// registered or waitlisted.
    pub status: String,
}

/// The people to invite, as `event_choices` names them (`p-`, `x-`, `s-` keys).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct InviteBody {
    pub invitees: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CountBody {
    pub count: usize,
}

/// One mark at a session's door.
#[derive(Debug, Deserialize, ToSchema)]
pub struct EventMarkBody {
    pub registration_id: i32,
    /// present, absent or excused.
    pub mark: String,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct EventAttendanceBody {
    pub marks: Vec<EventMarkBody>,
}

/// A person for the staff register and the programme whose register it is.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct PersonBody {
    pub programme_id: String,
    #[serde(flatten)]
    pub person: PersonDraft,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StaffRegisterBody {
    #[schema(value_type = Object)]
    pub register: StaffRegister,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct FairEmployerBody {
    pub employer_id: String,
    pub tables: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GeneratedBody {
    pub meetings: usize,
    /// Registered candidates left out: placed, finished, or proposed elsewhere already.
    pub left_out: usize,
}

/// Move a meeting of the saved timetable: slot (from 1) and table number.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct MoveBody {
    pub slot: String,
    pub table: String,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct WishBody {
    pub participant_id: i32,
    pub employer_id: i32,
    pub wish: bool,
}

#[utoipa::path(get, path = "/events", params(PageQuery), responses((status = 200, body = EventsBody), (status = 403, body = ApiErrorBody)))]
pub(crate) async fn event_list(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Query(q): Query<PageQuery>,
) -> Result<Json<EventsBody>, ApiError> {
    require(&a, Action::List, Resource::Event)?;
    let p = s.store.event_list(&a, q.page.unwrap_or(1)).await?;
    Ok(Json(EventsBody {
        items: p.items,
        page: p.page,
        per_page: p.per_page,
        total: p.total,
    }))
}

#[utoipa::path(post, path = "/events", request_body = EventDraft, params(("Idempotency-Key" = Option<String>, Header, description = "Any unique value: a create sent again with the same key makes nothing new and answers 200 with the first one's id")), responses((status = 201, body = Created), (status = 200, description = "Made earlier with the same Idempotency-Key", body = Created), (status = 403, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn event_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    headers: axum::http::HeaderMap,
    body: Result<Json<EventDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::Event)?;
    let Json(d) = body?;
    let key = crate::http::form::idempotency_key(&headers);
    let once = brygga_app::event::create(&s, &a, &key, &d).await?;
    Ok(crate::http::api::created(once))
}

#[utoipa::path(get, path = "/events/{id}", params(("id" = i32, Path)), responses((status = 200, body = EventBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn event_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<EventBody>, ApiError> {
    require(&a, Action::Read, Resource::Event)?;
    Ok(Json(EventBody {
        event: s.store.event_get(&a, id).await?,
    }))
}

#[utoipa::path(post, path = "/events/{id}/sessions", params(("id" = i32, Path)), request_body = EventSessionDraft, responses((status = 201, body = Created), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn session_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<EventSessionDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Update, Resource::Event)?;
    let Json(d) = body?;
    let sid = brygga_app::event::add_session(&s, &a, id, &d).await?;
    Ok(crate::http::api::created(
        brygga_store::idempotency::Once::Created(sid),
    ))
}

fn registered(r: brygga_store::event::Registered) -> (StatusCode, Json<RegisteredBody>) {
    (
        StatusCode::CREATED,
        Json(RegisteredBody {
            id: r.id,
            status: r.status.as_str().into(),
        }),
    )
}

#[utoipa::path(post, path = "/events/{id}/registrations", params(("id" = i32, Path)), request_body = WhoBody, responses((status = 201, description = "A place, or the waiting list when the event is full", body = RegisteredBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn registration_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<WhoBody>, JsonRejection>,
) -> Result<(StatusCode, Json<RegisteredBody>), ApiError> {
    require(&a, Action::Update, Resource::Event)?;
    let Json(b) = body?;
    Ok(registered(
        brygga_app::event::register(&s, &a, id, &b.who).await?,
    ))
}

#[utoipa::path(post, path = "/events/{id}/register", params(("id" = i32, Path)), responses((status = 201, description = "The caller's own place, or the waiting list", body = RegisteredBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn register_self(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<(StatusCode, Json<RegisteredBody>), ApiError> {
    require(&a, Action::Update, Resource::Event)?;
    Ok(registered(
        brygga_app::event::register_self(&s, &a, id).await?,
    ))
}

#[utoipa::path(post, path = "/events/{id}/registrations/{registration}/cancel", params(("id" = i32, Path), ("registration" = i32, Path)), request_body = VersionBody, responses((status = 204), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn registration_cancel(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    IdPair(id, registration): IdPair,
    body: Result<Json<VersionBody>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Event)?;
    let Json(b) = body?;
    brygga_app::event::cancel(&s, &a, id, registration, b.version).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/events/{id}/invitations", params(("id" = i32, Path)), request_body = InviteBody, responses((status = 200, description = "How many were invited (someone invited before is not again)", body = CountBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn invitations_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<InviteBody>, JsonRejection>,
) -> Result<Json<CountBody>, ApiError> {
    require(&a, Action::Update, Resource::Event)?;
    let Json(b) = body?;
    Ok(Json(CountBody {
        count: brygga_app::event::invite(&s, &a, id, &b.invitees).await?,
    }))
}

#[utoipa::path(put, path = "/events/{id}/sessions/{session}/attendance", params(("id" = i32, Path), ("session" = i32, Path)), request_body = EventAttendanceBody, responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn attendance_put(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    IdPair(id, session): IdPair,
    body: Result<Json<EventAttendanceBody>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Event)?;
    let Json(b) = body?;
    let rows: Vec<(String, String)> = b
        .marks
        .into_iter()
        .map(|m| (m.registration_id.to_string(), m.mark))
        .collect();
    brygga_app::event::record_attendance(&s, &a, id, session, &rows).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/staff-register", responses((status = 200, body = StaffRegisterBody), (status = 403, body = ApiErrorBody)))]
pub(crate) async fn staff_register(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
) -> Result<Json<StaffRegisterBody>, ApiError> {
    require(&a, Action::List, Resource::StaffRegister)?;
    Ok(Json(StaffRegisterBody {
        register: s.store.staff_register(&a).await?,
    }))
}

#[utoipa::path(post, path = "/staff-register", request_body = PersonBody, responses((status = 201, body = Created), (status = 403, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn person_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    body: Result<Json<PersonBody>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::StaffRegister)?;
    let Json(b) = body?;
    let id = brygga_app::event::add_person(&s, &a, &b.programme_id, &b.person).await?;
    Ok(crate::http::api::created(
        brygga_store::idempotency::Once::Created(id),
    ))
}

#[utoipa::path(post, path = "/events/{id}/employers", params(("id" = i32, Path)), request_body = FairEmployerBody, responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn fair_employer_add(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<FairEmployerBody>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Event)?;
    let Json(b) = body?;
    brygga_app::event::add_fair_employer(&s, &a, id, &b.employer_id, &b.tables).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/events/{id}/timetable", params(("id" = i32, Path)), responses((status = 200, description = "The timetable was generated and saved", body = GeneratedBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn timetable_generate(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<GeneratedBody>, ApiError> {
    require(&a, Action::Update, Resource::Event)?;
    let g = brygga_app::event::generate_timetable(&s, &a, id).await?;
    Ok(Json(GeneratedBody {
        meetings: g.meetings,
        left_out: g.left_out,
    }))
}

#[utoipa::path(post, path = "/events/{id}/timetable/send", params(("id" = i32, Path)), responses((status = 200, description = "How many personal timetables were queued", body = CountBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn timetable_send(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<CountBody>, ApiError> {
    require(&a, Action::Update, Resource::Event)?;
    Ok(Json(CountBody {
        count: brygga_app::event::send_timetable(&s, &a, id).await?,
    }))
}

#[utoipa::path(put, path = "/events/{id}/timetable/{meeting}", params(("id" = i32, Path), ("meeting" = i32, Path)), request_body = MoveBody, responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, description = "The move double-books the candidate or the table", body = ApiErrorBody)))]
pub(crate) async fn meeting_move(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    IdPair(id, meeting): IdPair,
    body: Result<Json<MoveBody>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Event)?;
    let Json(b) = body?;
    brygga_app::event::move_meeting(&s, &a, id, meeting, &b.slot, &b.table).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(put, path = "/events/{id}/wishes", params(("id" = i32, Path)), request_body = WishBody, responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn wish_put(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<WishBody>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Event)?;
    let Json(b) = body?;
    s.store
        .fair_wish_set(&a, id, b.participant_id, b.employer_id, b.wish)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
