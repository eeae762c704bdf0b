//! A participant's journey in the JSON API: the staircase of the programme's process map with
//! what holds, the history of events, and moving on (or back, with a reason).

use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use brygga_domain::journey::{CheckpointKind, StepState};
use brygga_store::process::JourneyEvent;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::http::api::require;
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id};
use brygga_domain::policy::{Action, Resource};

#[derive(Debug, Serialize, ToSchema)]
pub struct JourneyOut {
    pub participant_id: i32,
    pub current_stage_id: Option<i32>,
    pub stages: Vec<StageOut>,
    /// Newest first.
    pub events: Vec<JourneyEvent>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StageOut {
    pub id: i32,
    /// The default map's key, or "custom".
    pub key: String,
    pub name_sv: String,
    pub name_en: String,
    /// done, now or next.
    pub state: String,
    pub checkpoints: Vec<CheckpointOut>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CheckpointOut {
    pub id: i32,
    pub kind: CheckpointKind,
    pub label_sv: String,
    pub label_en: String,
    pub holds: bool,
}

#[utoipa::path(get, path = "/participants/{id}/journey", params(("id" = i32, Path)), responses((status = 200, body = JourneyOut), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn journey_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<JourneyOut>, ApiError> {
    let j = s.store.journey(&a, id).await?;
    let stages = j
        .steps()
        .into_iter()
        .map(|step| StageOut {
            id: step.stage.id,
            key: step.stage.key,
            name_sv: step.stage.name_sv,
            name_en: step.stage.name_en,
            state: match step.state {
                StepState::Done => "done",
                StepState::Now => "now",
                StepState::Next => "next",
            }
            .into(),
            checkpoints: step
                .checkpoints
                .into_iter()
                .map(|(c, holds)| CheckpointOut {
                    id: c.id,
                    kind: c.kind,
                    label_sv: c.label_sv,
                    label_en: c.label_en,
                    holds,
                })
                .collect(),
        })
        .collect();
    Ok(Json(JourneyOut {
        participant_id: j.participant_id,
        current_stage_id: j.current_stage().map(|s| s.id),
        stages,
        events: j.events,
    }))
}

/// Move to a stage of the map: forward when every checkpoint on the way holds, back with a note
/// saying why.
#[derive(Debug, Deserialize, ToSchema)]
pub struct StageMove {
    pub stage_id: i32,
    #[serde(default)]
    pub note: String,
}

#[utoipa::path(post, path = "/participants/{id}/journey", params(("id" = i32, Path)), request_body = StageMove, responses((status = 204), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn journey_move(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<StageMove>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Participant)?;
    let Json(m) = body?;
    s.store.journey_move(&a, id, m.stage_id, &m.note).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Confirm a manual checkpoint.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CheckpointConfirm {
    pub checkpoint_id: i32,
    #[serde(default)]
    pub note: String,
}

#[utoipa::path(post, path = "/participants/{id}/checkpoints", params(("id" = i32, Path)), request_body = CheckpointConfirm, responses((status = 204), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn checkpoint_confirm(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<CheckpointConfirm>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Participant)?;
    let Json(c) = body?;
    s.store
        .checkpoint_confirm(&a, id, c.checkpoint_id, &c.note)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
