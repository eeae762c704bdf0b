//! Agreements in the JSON API: collaboration agreements with employers and internship agreements
//! per intern, as the actor may see them.

use axum::Json;
use axum::extract::State;
use brygga_store::agreement::AgreementRecord;

use crate::AppState;
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id};

#[utoipa::path(get, path = "/agreements/{id}", params(("id" = i32, Path)), responses((status = 200, body = AgreementRecord), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn agreement_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<AgreementRecord>, ApiError> {
    Ok(Json(s.store.agreement_get(&a, id).await?))
}

#[utoipa::path(get, path = "/employers/{id}/agreements", params(("id" = i32, Path)), responses((status = 200, body = Vec<AgreementRecord>), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn employer_agreements(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<Vec<AgreementRecord>>, ApiError> {
    Ok(Json(s.store.agreements_of_employer(&a, id).await?))
}

#[utoipa::path(get, path = "/participants/{id}/agreements", params(("id" = i32, Path)), responses((status = 200, body = Vec<AgreementRecord>), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn participant_agreements(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<Vec<AgreementRecord>>, ApiError> {
    Ok(Json(s.store.agreements_of_participant(&a, id).await?))
}
