//! Placements in the JSON API.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use brygga_domain::registry::PlacementDraft;
use brygga_store::placement::{PlacementFilter, PlacementSummary};

use crate::AppState;
use crate::http::api::{Created, ListOf, ListQuery, Versioned, require};
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id};
use brygga_domain::policy::{Action, Resource};

#[utoipa::path(get, path = "/placements", params(ListQuery), responses((status = 200, body = ListOf<PlacementSummary>), (status = 401, body = ApiErrorBody)))]
pub(crate) async fn placement_list(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Query(q): Query<ListQuery>,
) -> Result<Json<ListOf<PlacementSummary>>, ApiError> {
    let f = PlacementFilter {
        q: q.q,
        municipality_code: q.municipality_code,
        page: q.page.unwrap_or(1),
        ..Default::default()
    };
    Ok(Json(s.store.placement_list(&a, &f).await?.into()))
}

#[utoipa::path(post, path = "/placements", request_body = PlacementDraft, params(("Idempotency-Key" = Option<String>, Header, description = "Any unique value: a create sent again with the same key makes nothing new and answers 200 with the first one's id")), responses((status = 201, body = Created), (status = 200, description = "Made earlier with the same Idempotency-Key", body = Created), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn placement_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    headers: axum::http::HeaderMap,
    body: Result<Json<PlacementDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::Placement)?;
    let Json(d) = body?;
    let input = d.validate(&s.refdata).map_err(ApiError::Invalid)?;
    let key = crate::http::form::idempotency_key(&headers);
    let once = s
        .store
        .create_once(&a, "placement", &key, async || {
            s.store.placement_create(&a, &input).await
        })
        .await?;
    Ok(crate::http::api::created(once))
}

#[utoipa::path(get, path = "/placements/{id}", params(("id" = i32, Path)), responses((status = 200, body = Versioned<PlacementDraft>), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn placement_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<Versioned<PlacementDraft>>, ApiError> {
    let p = s.store.placement_get(&a, id).await?;
    Ok(Json(Versioned {
        id: Some(p.id),
        version: p.version,
        data: p.to_draft(),
    }))
}

#[utoipa::path(put, path = "/placements/{id}", params(("id" = i32, Path)), request_body = Versioned<PlacementDraft>, responses((status = 204), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn placement_update(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<Versioned<PlacementDraft>>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Placement)?;
    let Json(v) = body?;
    let input = v.data.validate(&s.refdata).map_err(ApiError::Invalid)?;
    s.store.placement_update(&a, id, v.version, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/placements/{id}", params(("id" = i32, Path)), responses((status = 204), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn placement_delete(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<StatusCode, ApiError> {
    s.store.placement_delete(&a, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
