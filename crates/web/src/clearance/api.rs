//! The employment service's part in the JSON API: a participant's eligibility confirmations and
//! decisions.

use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use brygga_domain::clearance::{ConfirmationDraft, DecisionDraft};
use brygga_domain::policy::{Action, Resource};
use brygga_store::clearance::Clearance;

use crate::AppState;
use crate::http::api::{Created, require};
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id};

#[utoipa::path(get, path = "/participants/{id}/clearance", params(("id" = i32, Path)), responses((status = 200, body = Clearance), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn clearance_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<Clearance>, ApiError> {
    Ok(Json(s.store.clearance_get(&a, id).await?))
}

#[utoipa::path(post, path = "/participants/{id}/eligibility-confirmations", params(("id" = i32, Path)), request_body = ConfirmationDraft, responses((status = 201, body = Created), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn confirmation_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<ConfirmationDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::Clearance)?;
    let Json(d) = body?;
    let input = d.validate(brygga_app::today()).map_err(ApiError::Invalid)?;
    let new = s.store.eligibility_confirm(&a, id, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id: new })))
}

#[utoipa::path(post, path = "/participants/{id}/decisions", params(("id" = i32, Path)), request_body = DecisionDraft, responses((status = 201, body = Created), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn decision_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<DecisionDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::Clearance)?;
    let Json(d) = body?;
    let input = d.validate(brygga_app::today()).map_err(ApiError::Invalid)?;
    let new = s.store.es_decision_register(&a, id, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id: new })))
}
