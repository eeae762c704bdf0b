//! Outcomes in the JSON API, under the same rules as the leaving page.

use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use brygga_domain::outcome::OutcomeDraft;
use brygga_domain::policy::{Action, Resource};
use brygga_store::outcome::Outcomes;

use crate::AppState;
use crate::http::api::{Created, require};
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id};

#[utoipa::path(get, path = "/participants/{id}/outcomes", params(("id" = i32, Path)), responses((status = 200, description = "The follow-up points counted from the day she left, each with its due date and what was recorded at it", body = Outcomes), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn outcomes_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<Outcomes>, ApiError> {
    require(&a, Action::Update, Resource::Participant)?;
    Ok(Json(brygga_app::outcome::of(&s, &a, id).await?))
}

#[utoipa::path(post, path = "/participants/{id}/outcomes", params(("id" = i32, Path)), request_body = OutcomeDraft, responses((status = 201, description = "Recorded; the same point and source again replaces it", body = Created), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn outcome_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<OutcomeDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Update, Resource::Participant)?;
    let Json(d) = body?;
    let oid = brygga_app::outcome::record(&s, &a, id, &d).await?;
    Ok((StatusCode::CREATED, Json(Created { id: oid })))
}
