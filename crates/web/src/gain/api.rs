//! The socio-economic calculation in the JSON API, under the same policy as the pages.

use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use brygga_domain::gain::{CostDraft, GainReport, ParamsDraft, ValueDraft};
use brygga_domain::policy::{Action, Resource};
use brygga_store::gain::{GainSettings, ValueRow};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::http::api::{Created, require};
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id};

/// The value table, by status.
#[derive(Debug, Serialize, ToSchema)]
pub struct GainValuesBody {
    pub items: Vec<ValueRow>,
}

/// A value as changed: its fields and the version read.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct GainValueChange {
    #[serde(flatten)]
    pub draft: ValueDraft,
    pub version: i32,
}

/// A programme's calculation: whom it counts, its settings, and the report or why there is
/// none (`problem`, a message key).
#[derive(Debug, Serialize, ToSchema)]
pub struct GainBody {
    pub participants: u32,
    pub without_outcomes: u32,
    pub without_consent: u32,
    pub settings: GainSettings,
    pub report: Option<GainReport>,
    pub problem: Option<String>,
}

/// A programme's parameters and costs as changed, with the version read (0: the defaults).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct GainSettingsChange {
    pub params: ParamsDraft,
    pub costs: CostDraft,
    pub version: i32,
}

#[utoipa::path(get, path = "/gain/values", responses((status = 200, body = GainValuesBody), (status = 403, body = ApiErrorBody)))]
pub(crate) async fn gain_values(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
) -> Result<Json<GainValuesBody>, ApiError> {
    require(&a, Action::List, Resource::GainTable)?;
    Ok(Json(GainValuesBody {
        items: brygga_app::gain::values(&s, &a).await?,
    }))
}

#[utoipa::path(post, path = "/gain/values", request_body = ValueDraft, responses((status = 201, body = Created), (status = 403, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn gain_value_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    body: Result<Json<ValueDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::GainTable)?;
    let Json(d) = body?;
    let id = brygga_app::gain::value_create(&s, &a, &d).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

#[utoipa::path(put, path = "/gain/values/{id}", params(("id" = i32, Path)), request_body = GainValueChange, responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn gain_value_update(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<GainValueChange>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::GainTable)?;
    let Json(b) = body?;
    brygga_app::gain::value_update(&s, &a, id, b.version, &b.draft).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/gain/values/{id}", params(("id" = i32, Path)), responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn gain_value_delete(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Delete, Resource::GainTable)?;
    brygga_app::gain::value_delete(&s, &a, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/programmes/{id}/gain", params(("id" = i32, Path)), responses((status = 200, body = GainBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn gain_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<GainBody>, ApiError> {
    require(&a, Action::Read, Resource::Gain)?;
    let c = brygga_app::gain::calculation(&s, &a, id).await?;
    let (report, problem) = match c.report {
        Ok(r) => (Some(r), None),
        Err(e) => (None, Some(e.key().to_string())),
    };
    Ok(Json(GainBody {
        participants: c.facts.input.participants,
        without_outcomes: c.facts.without_outcomes,
        without_consent: c.facts.without_consent,
        settings: c.settings,
        report,
        problem,
    }))
}

#[utoipa::path(put, path = "/programmes/{id}/gain", params(("id" = i32, Path)), request_body = GainSettingsChange, responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn gain_settings_put(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<GainSettingsChange>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Gain)?;
    let Json(b) = body?;
    brygga_app::gain::settings_set(&s, &a, id, b.version, &b.params, &b.costs).await?;
    Ok(StatusCode::NO_CONTENT)
}
