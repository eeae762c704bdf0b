//! Interests from the public portal in the JSON API: the coordinator's inbox.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use brygga_domain::interest::InterestUpdateDraft;
use brygga_domain::model::InterestStatus;
use brygga_store::interest::{InterestFilter, InterestRecord, InterestSummary};
use serde::Deserialize;

use crate::AppState;
use crate::http::api::{ListOf, require};
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id};
use brygga_domain::policy::{Action, Resource};

#[derive(Debug, Deserialize, Default, utoipa::IntoParams)]
#[serde(default)]
pub struct InterestQuery {
    /// Only interests with this status (new, contacted, registered, declined …).
    pub status: String,
    /// 1-based page number.
    pub page: Option<u64>,
}

#[utoipa::path(get, path = "/interests", params(InterestQuery), responses((status = 200, body = ListOf<InterestSummary>), (status = 403, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn interest_list(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Query(q): Query<InterestQuery>,
) -> Result<Json<ListOf<InterestSummary>>, ApiError> {
    let status = match q.status.trim() {
        "" => None,
        typed => Some(InterestStatus::parse(typed).map_err(|_| {
            ApiError::Invalid(brygga_domain::FieldErrors(vec![
                brygga_domain::FieldError::new("status", "error-invalid-choice"),
            ]))
        })?),
    };
    let f = InterestFilter {
        status,
        page: q.page.unwrap_or(1),
    };
    Ok(Json(s.store.interest_list(&a, &f).await?.into()))
}

#[utoipa::path(get, path = "/interests/{id}", params(("id" = i32, Path)), responses((status = 200, body = InterestRecord), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn interest_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<InterestRecord>, ApiError> {
    Ok(Json(s.store.interest_get(&a, id).await?))
}

#[utoipa::path(put, path = "/interests/{id}", params(("id" = i32, Path)), request_body = InterestUpdateDraft, responses((status = 204), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn interest_update(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<InterestUpdateDraft>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Interest)?;
    let Json(d) = body?;
    let u = d.validate().map_err(ApiError::Invalid)?;
    s.store.interest_update(&a, id, &u).await?;
    Ok(StatusCode::NO_CONTENT)
}
