//! The case log in the JSON API: coordinators in scope only, every read audited.

use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use brygga_domain::caselog::CaseLogDraft;
use brygga_domain::policy::{Action, Resource};
use brygga_store::caselog::CaseLog;

use crate::AppState;
use crate::http::api::{Created, created, require};
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id};

#[utoipa::path(get, path = "/participants/{id}/caselog", params(("id" = i32, Path)), responses((status = 200, description = "Latest first; the read is audited as one of special-category data", body = CaseLog), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn caselog_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<CaseLog>, ApiError> {
    require(&a, Action::Read, Resource::CaseLog)?;
    Ok(Json(s.store.caselog_get(&a, id).await?))
}

#[utoipa::path(post, path = "/participants/{id}/caselog", params(("id" = i32, Path), ("Idempotency-Key" = Option<String>, Header, description = "Any unique value: a create sent again with the same key makes nothing new and answers 200 with the first one's id")), request_body = CaseLogDraft, responses((status = 201, description = "Appended (entries are never edited; a correction names the entry it corrects)", body = Created), (status = 200, body = Created), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn caselog_add(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    headers: axum::http::HeaderMap,
    body: Result<Json<CaseLogDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::CaseLog)?;
    let Json(d) = body?;
    let key = crate::http::form::idempotency_key(&headers);
    let once = s
        .store
        .create_once(&a, "case_log", &key, async || {
            brygga_app::caselog::add(&s, &a, id, &d)
                .await
                .map_err(crate::meeting::to_store)
        })
        .await?;
    Ok(created(once))
}
