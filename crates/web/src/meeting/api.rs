//! Follow-up meetings, their notes and actions in the JSON API, with the pages' policy.

use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use brygga_domain::meeting::{ActionDraft, MeetingDraft, NoteDraft};
use brygga_domain::policy::{Action, Resource};
use brygga_store::meeting::{MeetingRecord, MeetingSummary};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::http::api::{Created, Versioned, created, require};
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id};

/// The version a change was read at.
#[derive(Debug, Deserialize, ToSchema)]
pub struct VersionBody {
    pub version: i32,
}

/// A participant's meetings the caller may see.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingList {
    pub participant_name: String,
    pub items: Vec<MeetingSummary>,
    /// Whether the caller may book meetings for her.
    pub may_book: bool,
}

const KEY: &str = "Any unique value: a create sent again with the same key makes nothing new and answers 200 with the first one's id";

#[utoipa::path(get, path = "/participants/{id}/meetings", params(("id" = i32, Path)), responses((status = 200, body = MeetingList), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn meeting_list(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<MeetingList>, ApiError> {
    require(&a, Action::List, Resource::Meeting)?;
    let (participant_name, items, may_book) = s.store.meetings_for_participant(&a, id).await?;
    Ok(Json(MeetingList {
        participant_name,
        items,
        may_book,
    }))
}

#[utoipa::path(post, path = "/participants/{id}/meetings", params(("id" = i32, Path), ("Idempotency-Key" = Option<String>, Header, description = KEY)), request_body = MeetingDraft, responses((status = 201, description = "Booked; the invitations are queued", body = Created), (status = 200, description = "Booked earlier with the same Idempotency-Key", body = Created), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn meeting_book(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    headers: axum::http::HeaderMap,
    body: Result<Json<MeetingDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::Meeting)?;
    let Json(d) = body?;
    let key = crate::http::form::idempotency_key(&headers);
    let once = s
        .store
        .create_once(&a, "meeting", &key, async || {
            brygga_app::meeting::book(&s, &a, id, &d)
                .await
                .map_err(crate::meeting::to_store)
        })
        .await?;
    Ok(created(once))
}

#[utoipa::path(get, path = "/meetings/{id}", params(("id" = i32, Path)), responses((status = 200, body = MeetingRecord), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn meeting_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<MeetingRecord>, ApiError> {
    require(&a, Action::Read, Resource::Meeting)?;
    Ok(Json(s.store.meeting_get(&a, id).await?))
}

#[utoipa::path(put, path = "/meetings/{id}", params(("id" = i32, Path)), request_body = Versioned<MeetingDraft>, responses((status = 204, description = "Moved; the invitees get the update"), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn meeting_move(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<Versioned<MeetingDraft>>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Meeting)?;
    let Json(v) = body?;
    brygga_app::meeting::reschedule(&s, &a, id, v.version, &v.data).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/meetings/{id}/cancel", params(("id" = i32, Path)), request_body = VersionBody, responses((status = 204, description = "Cancelled; the invitees get a calendar CANCEL"), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn meeting_cancel(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<VersionBody>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Meeting)?;
    let Json(v) = body?;
    brygga_app::meeting::cancel(&s, &a, id, v.version).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/meetings/{id}/notes", params(("id" = i32, Path), ("Idempotency-Key" = Option<String>, Header, description = KEY)), request_body = NoteDraft, responses((status = 201, body = Created), (status = 200, body = Created), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn note_add(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    headers: axum::http::HeaderMap,
    body: Result<Json<NoteDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Update, Resource::Meeting)?;
    let Json(d) = body?;
    let key = crate::http::form::idempotency_key(&headers);
    let once = s
        .store
        .create_once(&a, "meeting_note", &key, async || {
            brygga_app::meeting::add_note(&s, &a, id, &d)
                .await
                .map_err(crate::meeting::to_store)
        })
        .await?;
    Ok(created(once))
}

#[utoipa::path(post, path = "/meetings/{id}/actions", params(("id" = i32, Path), ("Idempotency-Key" = Option<String>, Header, description = KEY)), request_body = ActionDraft, responses((status = 201, body = Created), (status = 200, body = Created), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn action_add(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    headers: axum::http::HeaderMap,
    body: Result<Json<ActionDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::MeetingAction)?;
    let Json(d) = body?;
    let key = crate::http::form::idempotency_key(&headers);
    let once = s
        .store
        .create_once(&a, "meeting_action", &key, async || {
            brygga_app::meeting::add_action(&s, &a, id, &d)
                .await
                .map_err(crate::meeting::to_store)
        })
        .await?;
    Ok(created(once))
}

#[utoipa::path(post, path = "/meeting-actions/{id}/done", params(("id" = i32, Path)), request_body = VersionBody, responses((status = 204, description = "Done (marking a done action done again changes nothing)"), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody)))]
pub(crate) async fn action_done(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<VersionBody>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::MeetingAction)?;
    let Json(v) = body?;
    brygga_app::meeting::mark_done(&s, &a, id, v.version).await?;
    Ok(StatusCode::NO_CONTENT)
}
