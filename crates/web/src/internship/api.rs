//! Internships in the JSON API: a participant's internships, one internship, starting one and
//! ending one, under the same policy as the pages.

use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use brygga_domain::internship::{EndDraft, InternshipDraft};
use brygga_domain::policy::{Action, Resource};
use brygga_store::internship::InternshipRecord;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::http::api::{Created, require};
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id};

/// An internship as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Internship {
    pub id: i32,
    pub version: i32,
    pub participant_id: i32,
    pub participant_name: String,
    pub placement_id: i32,
    pub placement_title: String,
    pub employer_id: i32,
    pub employer_name: String,
    pub supervisor_id: Option<i32>,
    pub supervisor_name: Option<String>,
    /// `YYYY-MM-DD`.
    pub start_date: String,
    /// The planned end, `YYYY-MM-DD`.
    pub end_date: String,
    pub days_per_week: i32,
    pub hours_per_week: Option<i32>,
    pub agreement_id: Option<i32>,
    pub ended_on: Option<String>,
    /// completed, ended_early or hired.
    pub end_reason: Option<String>,
    /// Shown only to those who see the staff's notes.
    pub end_note: String,
    /// planned, ongoing or ended.
    pub status: String,
}

impl From<InternshipRecord> for Internship {
    fn from(r: InternshipRecord) -> Self {
        Internship {
            id: r.id,
            version: r.version,
            participant_id: r.participant_id,
            participant_name: r.participant_name,
            placement_id: r.placement_id,
            placement_title: r.placement_title,
            employer_id: r.employer_id,
            employer_name: r.employer_name,
            supervisor_id: r.supervisor_id,
            supervisor_name: r.supervisor_name,
            start_date: r.start_date.to_string(),
            end_date: r.end_date.to_string(),
            days_per_week: r.days_per_week,
            hours_per_week: r.hours_per_week,
            agreement_id: r.agreement_id,
            ended_on: r.ended_on.map(|d| d.to_string()),
            end_reason: r.end_reason.map(|e| e.as_str().to_string()),
            end_note: r.end_note,
            status: r.status.as_str().to_string(),
        }
    }
}

/// The end of an internship read at `version`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct EndBody {
    pub version: i32,
    #[serde(flatten)]
    pub end: EndDraft,
}

#[utoipa::path(get, path = "/participants/{id}/internships", params(("id" = i32, Path)), responses((status = 200, body = Vec<Internship>), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn participant_internships(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<Vec<Internship>>, ApiError> {
    require(&a, Action::List, Resource::Internship)?;
    let list = s.store.internships_for_participant(&a, id).await?;
    Ok(Json(list.into_iter().map(Internship::from).collect()))
}

#[utoipa::path(post, path = "/participants/{id}/internships", params(("id" = i32, Path), ("Idempotency-Key" = Option<String>, Header, description = "Any unique value: a create sent again with the same key makes nothing new and answers 200 with the first one's id")), request_body = InternshipDraft, responses((status = 201, body = Created), (status = 200, description = "Made earlier with the same Idempotency-Key", body = Created), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn internship_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    headers: axum::http::HeaderMap,
    body: Result<Json<InternshipDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::Internship)?;
    let Json(d) = body?;
    let key = crate::http::form::idempotency_key(&headers);
    let once = brygga_app::internship::create(&s, &a, id, &d, &key).await?;
    Ok(crate::http::api::created(once))
}

#[utoipa::path(get, path = "/internships/{id}", params(("id" = i32, Path)), responses((status = 200, body = Internship), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn internship_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<Internship>, ApiError> {
    require(&a, Action::Read, Resource::Internship)?;
    Ok(Json(s.store.internship(&a, id).await?.into()))
}

#[utoipa::path(post, path = "/internships/{id}/end", params(("id" = i32, Path)), request_body = EndBody, responses((status = 204), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn internship_end(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<EndBody>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Internship)?;
    let Json(b) = body?;
    brygga_app::internship::end(&s, &a, id, b.version, &b.end).await?;
    Ok(StatusCode::NO_CONTENT)
}
