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

#[utoipa::path(post, path = "/placements", request_body = PlacementDraft, responses((status = 201, body = Created), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn placement_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    body: Result<Json<PlacementDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::Placement)?;
    let Json(d) = body?;
    let input = d.validate(&s.refdata).map_err(ApiError::Invalid)?;
    let id = s.store.placement_create(&a, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
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
