//! Participants in the JSON API.

use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use brygga_domain::registry::ParticipantDraft;
use brygga_store::participant::{ParticipantFilter, ParticipantSummary};

use crate::AppState;
use crate::http::api::{Created, ListOf, ListQuery, Versioned, created, require};
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id};
use brygga_domain::policy::{Action, Resource};

#[utoipa::path(get, path = "/participants", params(ListQuery), responses((status = 200, body = ListOf<ParticipantSummary>), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody)))]
pub(crate) async fn participant_list(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Query(q): Query<ListQuery>,
) -> Result<Json<ListOf<ParticipantSummary>>, ApiError> {
    let f = ParticipantFilter {
        q: q.q,
        municipality_code: q.municipality_code,
        page: q.page.unwrap_or(1),
        ..Default::default()
    };
    Ok(Json(s.store.participant_list(&a, &f).await?.into()))
}

/// `?confirm_duplicate=true`: create even when likely duplicates exist.
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct CreateQuery {
    /// Create even though participants with the same name and birth year, e-mail or phone
    /// exist (without it such a create is answered 409 with their ids).
    confirm_duplicate: bool,
}

/// 409 to a create that likely registers someone again: the participants it may duplicate.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Duplicates {
    pub error: String,
    /// Ids of the participants (that the caller may see) with the same name and birth year,
    /// the same e-mail or the same phone number.
    pub duplicates: Vec<i32>,
}

#[utoipa::path(post, path = "/participants", request_body = ParticipantDraft, params(CreateQuery, ("Idempotency-Key" = Option<String>, Header, description = "Any unique value: a create sent again with the same key makes nothing new and answers 200 with the first one's id")), responses((status = 201, body = Created), (status = 200, description = "Made earlier with the same Idempotency-Key", body = Created), (status = 409, description = "Likely duplicates exist and confirm_duplicate was not set: nothing was created", body = Duplicates), (status = 422, body = ApiErrorBody), (status = 400, body = ApiErrorBody)))]
pub(crate) async fn participant_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    headers: axum::http::HeaderMap,
    query: Result<Query<CreateQuery>, QueryRejection>,
    body: Result<Json<ParticipantDraft>, JsonRejection>,
) -> Result<Response, ApiError> {
    require(&a, Action::Create, Resource::Participant)?;
    let Query(q) = query.map_err(|r| ApiError::BadRequest(r.body_text()))?;
    let Json(d) = body?;
    let input = d
        .validate(&s.refdata, brygga_app::today())
        .map_err(ApiError::Invalid)?;
    let key = crate::http::form::idempotency_key(&headers);
    let mut duplicates = vec![];
    let once = s
        .store
        .create_once(&a, "participant", &key, async || {
            if !q.confirm_duplicate {
                duplicates = s.store.participant_duplicates(&a, &input).await?;
                if !duplicates.is_empty() {
                    return Err(brygga_store::StoreError::Conflict);
                }
            }
            s.store.participant_create(&a, &input).await
        })
        .await;
    if !duplicates.is_empty() {
        let body = Duplicates {
            error: crate::http::I18n::default().t("participant-duplicates-api"),
            duplicates: duplicates.iter().map(|p| p.id).collect(),
        };
        return Ok((StatusCode::CONFLICT, Json(body)).into_response());
    }
    Ok(created(once?).into_response())
}

#[utoipa::path(get, path = "/participants/{id}", params(("id" = i32, Path)), responses((status = 200, body = Versioned<ParticipantDraft>), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn participant_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<Versioned<ParticipantDraft>>, ApiError> {
    let p = s.store.participant_get(&a, id).await?;
    Ok(Json(Versioned {
        id: Some(p.id),
        version: p.version,
        data: p.to_draft(),
    }))
}

#[utoipa::path(put, path = "/participants/{id}", params(("id" = i32, Path)), request_body = Versioned<ParticipantDraft>, responses((status = 204), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn participant_update(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<Versioned<ParticipantDraft>>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Participant)?;
    let Json(v) = body?;
    let input = v
        .data
        .validate(&s.refdata, brygga_app::today())
        .map_err(ApiError::Invalid)?;
    s.store
        .participant_update(&a, id, v.version, &input)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/participants/{id}", params(("id" = i32, Path)), responses((status = 204), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn participant_delete(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<StatusCode, ApiError> {
    s.store.participant_delete(&a, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The participant's leaving of the programme (404 when none is recorded).
#[utoipa::path(get, path = "/participants/{id}/exit", params(("id" = i32, Path)), responses((status = 200, body = brygga_store::exit::ExitRecord), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn exit_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<brygga_store::exit::ExitRecord>, ApiError> {
    require(&a, Action::Update, Resource::Participant)?;
    match s.store.participant_exit(&a, id).await? {
        Some(x) => Ok(Json(x)),
        None => Err(brygga_app::Error::NotFound.into()),
    }
}

/// Record (or correct) the participant's leaving: from then on she is not ranked or planned.
#[utoipa::path(put, path = "/participants/{id}/exit", params(("id" = i32, Path)), request_body = brygga_domain::exit::ExitDraft, responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn exit_put(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<brygga_domain::exit::ExitDraft>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Participant)?;
    let Json(d) = body?;
    brygga_app::exit::record(&s, &a, id, &d).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Take back a leaving recorded by mistake.
#[utoipa::path(delete, path = "/participants/{id}/exit", params(("id" = i32, Path)), responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn exit_delete(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Participant)?;
    brygga_app::exit::undo(&s, &a, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
