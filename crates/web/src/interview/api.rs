//! Interviews in the JSON API: booking one for a proposal (the invitations go out as from the
//! page), reading, the outcome and cancelling.

use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use brygga_domain::interview::InterviewDraft;
use brygga_domain::model::InterviewOutcome;
use brygga_store::interview::InterviewRecord;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::http::api::{Created, require};
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id};
use brygga_domain::policy::{Action, Resource};

/// An interview to book. Times are Swedish local time, `YYYY-MM-DDTHH:MM`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct InterviewBooking {
    pub starts_at: String,
    pub ends_at: String,
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub meeting_link: String,
    #[serde(default)]
    pub notes: String,
    /// Who else is invited (the candidate and the booker always are).
    #[serde(default)]
    pub attendees: Vec<AttendeeIn>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct AttendeeIn {
    pub name: String,
    pub email: String,
    /// employer, supervisor, coordinator, interpreter or other.
    pub role: String,
}

impl InterviewBooking {
    fn draft(self) -> InterviewDraft {
        InterviewDraft {
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            location: self.location,
            meeting_link: self.meeting_link,
            notes: self.notes,
            attendees: self
                .attendees
                .into_iter()
                .map(|a| [a.name, a.email, a.role])
                .collect(),
        }
    }
}

#[utoipa::path(post, path = "/proposals/{id}/interviews", params(("id" = i32, Path)), request_body = InterviewBooking, responses((status = 201, body = Created), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn interview_book(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<InterviewBooking>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::Interview)?;
    let Json(b) = body?;
    let new = brygga_app::interview::book(&s, &a, id, &b.draft(), Default::default()).await?;
    Ok((StatusCode::CREATED, Json(Created { id: new })))
}

#[utoipa::path(get, path = "/interviews/{id}", params(("id" = i32, Path)), responses((status = 200, body = InterviewRecord), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn interview_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<InterviewRecord>, ApiError> {
    Ok(Json(s.store.interview_get(&a, id).await?))
}

#[utoipa::path(get, path = "/placements/{id}/interviews", params(("id" = i32, Path)), responses((status = 200, body = Vec<InterviewRecord>), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn placement_interviews(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<Vec<InterviewRecord>>, ApiError> {
    Ok(Json(s.store.interviews_for_placement(&a, id).await?))
}

/// How the interview went, for the interview read at `version`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct OutcomeIn {
    pub version: i32,
    pub outcome: InterviewOutcome,
    #[serde(default)]
    pub note: String,
}

#[utoipa::path(put, path = "/interviews/{id}/outcome", params(("id" = i32, Path)), request_body = OutcomeIn, responses((status = 204), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn interview_outcome(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<OutcomeIn>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Interview)?;
    let Json(o) = body?;
    s.store
        .interview_outcome(&a, id, o.version, o.outcome, &o.note)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The version of the interview as read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct VersionIn {
    pub version: i32,
}

#[utoipa::path(post, path = "/interviews/{id}/cancel", params(("id" = i32, Path)), request_body = VersionIn, responses((status = 204), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody)))]
pub(crate) async fn interview_cancel(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<VersionIn>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Interview)?;
    let Json(v) = body?;
    brygga_app::interview::cancel(&s, &a, id, v.version, Default::default()).await?;
    Ok(StatusCode::NO_CONTENT)
}
