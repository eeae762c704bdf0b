//! Participants in the JSON API.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use brygga_domain::registry::ParticipantDraft;
use brygga_store::participant::{ParticipantFilter, ParticipantSummary};

use crate::AppState;
use crate::http::api::{Created, ListOf, ListQuery, Versioned, created, require};
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id};
use brygga_domain::policy::{Action, Resource};

#[utoipa::path(get, path = "/participants", params(ListQuery), responses((status = 200, body = ListOf<ParticipantSummary>), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody)))]
pub(crate) async fn participant_list(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Query(q): Query<ListQuery>,
) -> Result<Json<ListOf<ParticipantSummary>>, ApiError> {
    let f = ParticipantFilter {
        q: q.q,
        municipality_code: q.municipality_code,
        page: q.page.unwrap_or(1),
        ..Default::default()
    };
    Ok(Json(s.store.participant_list(&a, &f).await?.into()))
}

#[utoipa::path(post, path = "/participants", request_body = ParticipantDraft, params(("Idempotency-Key" = Option<String>, Header, description = "Any unique value: a create sent again with the same key makes nothing new and answers 200 with the first one's id")), responses((status = 201, body = Created), (status = 200, description = "Made earlier with the same Idempotency-Key", body = Created), (status = 422, body = ApiErrorBody), (status = 400, body = ApiErrorBody)))]
pub(crate) async fn participant_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    headers: axum::http::HeaderMap,
    body: Result<Json<ParticipantDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::Participant)?;
    let Json(d) = body?;
    let input = d
        .validate(&s.refdata, brygga_app::today())
        .map_err(ApiError::Invalid)?;
    let key = crate::http::form::idempotency_key(&headers);
    let once = s
        .store
        .create_once(&a, "participant", &key, async || {
            s.store.participant_create(&a, &input).await
        })
        .await?;
    Ok(created(once))
}

#[utoipa::path(get, path = "/participants/{id}", params(("id" = i32, Path)), responses((status = 200, body = Versioned<ParticipantDraft>), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn participant_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<Versioned<ParticipantDraft>>, ApiError> {
    let p = s.store.participant_get(&a, id).await?;
    Ok(Json(Versioned {
        id: Some(p.id),
        version: p.version,
        data: p.to_draft(),
    }))
}

#[utoipa::path(put, path = "/participants/{id}", params(("id" = i32, Path)), request_body = Versioned<ParticipantDraft>, responses((status = 204), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn participant_update(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<Versioned<ParticipantDraft>>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Participant)?;
    let Json(v) = body?;
    let input = v
        .data
        .validate(&s.refdata, brygga_app::today())
        .map_err(ApiError::Invalid)?;
    s.store
        .participant_update(&a, id, v.version, &input)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/participants/{id}", params(("id" = i32, Path)), responses((status = 204), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn participant_delete(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<StatusCode, ApiError> {
    s.store.participant_delete(&a, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
