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

#[utoipa::path(post, path = "/employers", request_body = EmployerDraft, responses((status = 201, body = Created), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn employer_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    body: Result<Json<EmployerDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::Employer)?;
    let Json(d) = body?;
    let input = d
        .validate(&s.refdata, brygga_app::today())
        .map_err(ApiError::Invalid)?;
    let id = s.store.employer_create(&a, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
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
