//! Employers in the JSON API.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use brygga_domain::registry::EmployerDraft;
use brygga_store::employer::{EmployerFilter, EmployerSummary};

use crate::AppState;
use crate::http::api::{Created, ListOf, ListQuery, Versioned, require};
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id};
use brygga_domain::policy::{Action, Resource};

#[utoipa::path(get, path = "/employers", params(ListQuery), responses((status = 200, body = ListOf<EmployerSummary>), (status = 401, body = ApiErrorBody)))]
pub(crate) async fn employer_list(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Query(q): Query<ListQuery>,
) -> Result<Json<ListOf<EmployerSummary>>, ApiError> {
    let f = EmployerFilter {
        q: q.q,
        sector: None,
        page: q.page.unwrap_or(1),
    };
    Ok(Json(s.store.employer_list(&a, &f).await?.into()))
}

#[utoipa::path(post, path = "/employers", request_body = EmployerDraft, params(("Idempotency-Key" = Option<String>, Header, description = "Any unique value: a create sent again with the same key makes nothing new and answers 200 with the first one's id")), responses((status = 201, body = Created), (status = 200, description = "Made earlier with the same Idempotency-Key", body = Created), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn employer_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    headers: axum::http::HeaderMap,
    body: Result<Json<EmployerDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::Employer)?;
    let Json(d) = body?;
    let input = d
        .validate(&s.refdata, brygga_app::today())
        .map_err(ApiError::Invalid)?;
    let key = crate::http::form::idempotency_key(&headers);
    let once = s
        .store
        .create_once(&a, "employer", &key, async || {
            s.store.employer_create(&a, &input).await
        })
        .await?;
    Ok(crate::http::api::created(once))
}

#[utoipa::path(get, path = "/employers/{id}", params(("id" = i32, Path)), responses((status = 200, body = Versioned<EmployerDraft>), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn employer_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<Versioned<EmployerDraft>>, ApiError> {
    let e = s.store.employer_get(&a, id).await?;
    Ok(Json(Versioned {
        id: Some(e.id),
        version: e.version,
        data: e.to_draft(),
    }))
}

#[utoipa::path(put, path = "/employers/{id}", params(("id" = i32, Path)), request_body = Versioned<EmployerDraft>, responses((status = 204), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn employer_update(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<Versioned<EmployerDraft>>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Employer)?;
    let Json(v) = body?;
    let input = v
        .data
        .validate(&s.refdata, brygga_app::today())
        .map_err(ApiError::Invalid)?;
    s.store.employer_update(&a, id, v.version, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}
