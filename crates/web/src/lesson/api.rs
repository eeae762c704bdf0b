//! The lessons log in the JSON API, under the same policy as the page.

use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use brygga_domain::lesson::LessonDraft;
use brygga_domain::policy::{Action, Resource};
use brygga_store::lesson::LessonView;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::http::api::{Created, require};
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id};

/// The log of the caller's programmes, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct LessonsBody {
    pub items: Vec<LessonView>,
}

/// An entry as changed: its fields (the programme stays) and the version read.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct LessonChange {
    #[serde(flatten)]
    pub draft: LessonDraft,
    pub version: i32,
}

#[utoipa::path(get, path = "/lessons", responses((status = 200, body = LessonsBody), (status = 403, body = ApiErrorBody)))]
pub(crate) async fn lesson_list(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
) -> Result<Json<LessonsBody>, ApiError> {
    require(&a, Action::List, Resource::Lesson)?;
    Ok(Json(LessonsBody {
        items: s.store.lessons(&a, None).await?,
    }))
}

#[utoipa::path(post, path = "/lessons", request_body = LessonDraft, responses((status = 201, body = Created), (status = 403, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn lesson_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    body: Result<Json<LessonDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::Lesson)?;
    let Json(d) = body?;
    let id = brygga_app::lesson::add(&s, &a, &d).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

#[utoipa::path(put, path = "/lessons/{id}", params(("id" = i32, Path)), request_body = LessonChange, responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn lesson_update(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<LessonChange>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Lesson)?;
    let Json(b) = body?;
    brygga_app::lesson::update(&s, &a, id, &b.draft, b.version).await?;
    Ok(StatusCode::NO_CONTENT)
}
