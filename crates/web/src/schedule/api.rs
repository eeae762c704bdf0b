//! Schedules and absences in the JSON API: the same policy as the pages.

use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use brygga_domain::policy::{Action, Resource};
use brygga_domain::schedule::{AbsenceDraft, EntryDraft};
use brygga_store::schedule::{AbsenceRecord, ScheduleView};
use chrono::{Days, NaiveDate};

use crate::AppState;
use crate::http::api::{Created, Versioned, created, require};
use crate::http::form::idempotency_key;
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id, IdPair};

/// A period: `from` and `to` (inclusive, `YYYY-MM-DD`); this week when left out.
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct Period {
    /// First day, `YYYY-MM-DD` (default: this week's Monday).
    from: Option<NaiveDate>,
    /// Last day, `YYYY-MM-DD` (default: six days after `from`).
    to: Option<NaiveDate>,
}

/// The longest period one request reads.
const MAX_DAYS: i64 = 400;

impl Period {
    fn bounds(&self) -> Result<(NaiveDate, NaiveDate), ApiError> {
        let from = self
            .from
            .unwrap_or_else(|| brygga_domain::calendar::week_start(brygga_app::today()));
        let to = self.to.unwrap_or(from + Days::new(6));
        if to < from || (to - from).num_days() > MAX_DAYS {
            return Err(ApiError::Invalid(brygga_domain::FieldErrors(vec![
                brygga_domain::FieldError::new("to", "schedule-error-period"),
            ])));
        }
        Ok((from, to))
    }
}

#[utoipa::path(get, path = "/participants/{id}/schedule", params(("id" = i32, Path), Period), responses((status = 200, body = ScheduleView), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn schedule_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    query: Result<Query<Period>, QueryRejection>,
) -> Result<Json<ScheduleView>, ApiError> {
    require(&a, Action::Read, Resource::Schedule)?;
    let Query(q) = query.map_err(|r| ApiError::BadRequest(r.body_text()))?;
    let (from, to) = q.bounds()?;
    Ok(Json(s.store.schedule_of(&a, id, from, to).await?))
}

#[utoipa::path(post, path = "/participants/{id}/schedule", request_body = EntryDraft, params(("id" = i32, Path), ("Idempotency-Key" = Option<String>, Header, description = "Any unique value: the same create sent again adds nothing and answers 200 with the first one's id")), responses((status = 201, body = Created), (status = 200, body = Created), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn entry_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    headers: axum::http::HeaderMap,
    body: Result<Json<EntryDraft>, JsonRejection>,
) -> Result<Response, ApiError> {
    require(&a, Action::Create, Resource::Schedule)?;
    let Json(d) = body?;
    let once =
        brygga_app::schedule::entry_create(&s, &a, id, &d, &idempotency_key(&headers)).await?;
    Ok(created(once).into_response())
}

#[utoipa::path(put, path = "/participants/{id}/schedule/{entry}", request_body = Versioned<EntryDraft>, params(("id" = i32, Path), ("entry" = i32, Path)), responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn entry_update(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    IdPair(id, entry): IdPair,
    body: Result<Json<Versioned<EntryDraft>>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Schedule)?;
    let Json(v) = body?;
    brygga_app::schedule::entry_update(&s, &a, id, entry, v.version, &v.data).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The version of the record as read.
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct VersionQuery {
    /// The version read (a delete of a changed entry is a conflict).
    version: i32,
}

#[utoipa::path(delete, path = "/participants/{id}/schedule/{entry}", params(("id" = i32, Path), ("entry" = i32, Path), VersionQuery), responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody)))]
pub(crate) async fn entry_delete(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    IdPair(id, entry): IdPair,
    query: Result<Query<VersionQuery>, QueryRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Delete, Resource::Schedule)?;
    let Query(q) = query.map_err(|r| ApiError::BadRequest(r.body_text()))?;
    s.store
        .schedule_entry_delete(&a, id, entry, q.version)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/participants/{id}/absences", params(("id" = i32, Path)), responses((status = 200, body = Vec<AbsenceRecord>), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn absences_of(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<Vec<AbsenceRecord>>, ApiError> {
    require(&a, Action::List, Resource::Absence)?;
    let since = brygga_app::today() - Days::new(365);
    Ok(Json(s.store.absences_of(&a, id, since).await?))
}

#[utoipa::path(post, path = "/participants/{id}/absences", request_body = AbsenceDraft, params(("id" = i32, Path)), responses((status = 201, body = Created), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn absence_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<AbsenceDraft>, JsonRejection>,
) -> Result<Response, ApiError> {
    require(&a, Action::Create, Resource::Absence)?;
    let Json(d) = body?;
    let new = brygga_app::schedule::report_absence(&s, &a, id, &d).await?;
    Ok((StatusCode::CREATED, Json(Created { id: new })).into_response())
}

/// Absences since a day.
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct Since {
    /// First day, `YYYY-MM-DD` (default: 30 days ago).
    since: Option<NaiveDate>,
}

#[utoipa::path(get, path = "/absences", params(Since), responses((status = 200, body = Vec<AbsenceRecord>), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody)))]
pub(crate) async fn absences_recent(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    query: Result<Query<Since>, QueryRejection>,
) -> Result<Json<Vec<AbsenceRecord>>, ApiError> {
    require(&a, Action::List, Resource::Absence)?;
    let Query(q) = query.map_err(|r| ApiError::BadRequest(r.body_text()))?;
    let since = q
        .since
        .unwrap_or_else(|| brygga_app::today() - Days::new(30));
    Ok(Json(s.store.absences_recent(&a, since).await?))
}
