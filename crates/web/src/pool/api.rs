//! A placement's candidate pool in the JSON API: proposals and their status.

use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use brygga_domain::model::ProposalStatus;
use brygga_store::pool::{PoolView, ProposalRecord};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::http::api::{Created, require};
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id};
use brygga_domain::policy::{Action, Resource};

#[utoipa::path(get, path = "/placements/{id}/proposals", params(("id" = i32, Path)), responses((status = 200, body = PoolView), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn pool_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<PoolView>, ApiError> {
    Ok(Json(s.store.pool_for_placement(&a, id).await?))
}

/// Propose a participant for the placement.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ProposalCreate {
    pub participant_id: i32,
    /// Why this candidate (seen by staff only).
    #[serde(default)]
    pub note: String,
    /// Required when the pair fails a hard rule of the matching (Swedish level, driving
    /// licence, days, commute, accommodations, eligibility): why she is proposed anyway.
    #[serde(default)]
    pub override_reason: String,
}

/// Propose a participant for the placement by hand. A pair that fails a hard rule of the
/// matching is proposed only with `override_reason` (else 422 with that field).
#[utoipa::path(post, path = "/placements/{id}/proposals", params(("id" = i32, Path)), request_body = ProposalCreate, responses((status = 201, body = Created), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn proposal_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<ProposalCreate>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::Proposal)?;
    let Json(p) = body?;
    let new =
        brygga_app::matching::propose(&s, &a, id, p.participant_id, &p.note, &p.override_reason)
            .await?;
    Ok((StatusCode::CREATED, Json(Created { id: new.id })))
}

#[utoipa::path(get, path = "/proposals/{id}", params(("id" = i32, Path)), responses((status = 200, body = ProposalRecord), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn proposal_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<ProposalRecord>, ApiError> {
    Ok(Json(s.store.proposal_get(&a, id).await?))
}

/// Move a proposal read at `version` to another status (those in the record's `moves`).
#[derive(Debug, Deserialize, ToSchema)]
pub struct ProposalStatusChange {
    pub version: i32,
    pub status: ProposalStatus,
    #[serde(default)]
    pub note: String,
}

#[utoipa::path(put, path = "/proposals/{id}/status", params(("id" = i32, Path)), request_body = ProposalStatusChange, responses((status = 204), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn proposal_status(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<ProposalStatusChange>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Proposal)?;
    let Json(c) = body?;
    s.store
        .proposal_set_status(&a, id, c.version, c.status, &c.note)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
