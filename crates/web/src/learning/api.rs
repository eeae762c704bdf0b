//! Learning in the JSON API, under the same policy as the pages: an internship's checklist (drawn
//! from the kravprofil and the programme's template, adapted, ticked), its progress log (a text
//! entry, photos come through the page; comments), its assessments and saving one, the
//! participant's development plan and a new step, and a programme's checklist template.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use brygga_domain::learning::{
    AssessmentDraft, CriterionDraft, LogEntryDraft, StepDraft, TickDraft,
};
use brygga_domain::policy::{Action, Resource};
use brygga_store::learning::{Assessments, Checklist, DevelopmentPlan, ProgressLog};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::http::api::{Created, require};
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id, IdPair};

/// An internship's checklist: criteria by goal, each with its status and ticks (newest first).
#[derive(Debug, Serialize, ToSchema)]
pub struct ChecklistBody {
    #[schema(value_type = Object)]
    pub checklist: Checklist,
}

/// An internship's progress log, newest first, with comments.
#[derive(Debug, Serialize, ToSchema)]
pub struct LogBody {
    #[schema(value_type = Object)]
    pub log: ProgressLog,
}

/// An internship's assessments: the current revision of each kind and assessor.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentsBody {
    #[schema(value_type = Object)]
    pub assessments: Assessments,
}

/// A participant's development plan: the standings on her criteria and the steps.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanBody {
    #[schema(value_type = Object)]
    pub plan: DevelopmentPlan,
}

/// How many criteria drawing the checklist added.
#[derive(Debug, Serialize, ToSchema)]
pub struct Drawn {
    pub added: usize,
}

/// A comment on a progress-log entry.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct CommentBody {
    pub comment: String,
}

/// A programme's checklist template: "goal: criterion" a line.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct TemplateBody {
    pub checklist_template: String,
}

/// An assessment as saved through the API: levels (1–4) and evidence by rated key (`c12` for a
/// criterion, `g-initiative` for a generic one), read at `version` (0 when none exists); with
/// `sign`, the supervisor signs it as saved.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct AssessmentBody {
    pub version: i32,
    pub levels: BTreeMap<String, String>,
    pub evidence: BTreeMap<String, String>,
    pub sign: bool,
}

#[utoipa::path(get, path = "/internships/{id}/checklist", params(("id" = i32, Path)), responses((status = 200, body = ChecklistBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn checklist_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<ChecklistBody>, ApiError> {
    require(&a, Action::Read, Resource::Checklist)?;
    Ok(Json(ChecklistBody {
        checklist: s.store.checklist(&a, id).await?,
    }))
}

#[utoipa::path(post, path = "/internships/{id}/checklist/draw", params(("id" = i32, Path)), responses((status = 200, body = Drawn), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn checklist_draw(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<Drawn>, ApiError> {
    require(&a, Action::Create, Resource::Checklist)?;
    Ok(Json(Drawn {
        added: brygga_app::learning::draw(&s, &a, id).await?,
    }))
}

#[utoipa::path(post, path = "/internships/{id}/checklist/criteria", params(("id" = i32, Path), ("Idempotency-Key" = Option<String>, Header, description = "Any unique value: a criterion sent again with the same key makes nothing new")), request_body = CriterionDraft, responses((status = 201, body = Created), (status = 200, description = "Made earlier with the same Idempotency-Key", body = Created), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn criterion_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    headers: axum::http::HeaderMap,
    body: Result<Json<CriterionDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::Checklist)?;
    let Json(d) = body?;
    let key = crate::http::form::idempotency_key(&headers);
    let once = brygga_app::learning::criterion_add(&s, &a, id, &d, &key).await?;
    Ok(crate::http::api::created(once))
}

#[utoipa::path(post, path = "/internships/{id}/checklist/criteria/{criterion}/ticks", params(("id" = i32, Path), ("criterion" = i32, Path)), request_body = TickDraft, responses((status = 201, body = Created), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn tick_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    IdPair(id, criterion): IdPair,
    body: Result<Json<TickDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Update, Resource::Checklist)?;
    let Json(d) = body?;
    let tick = brygga_app::learning::tick(&s, &a, id, criterion, &d).await?;
    Ok(crate::http::api::created(
        brygga_store::idempotency::Once::Created(tick),
    ))
}

#[utoipa::path(get, path = "/internships/{id}/log", params(("id" = i32, Path)), responses((status = 200, body = LogBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn log_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<LogBody>, ApiError> {
    require(&a, Action::Read, Resource::ProgressLog)?;
    Ok(Json(LogBody {
        log: s.store.progress_log(&a, id).await?,
    }))
}

#[utoipa::path(post, path = "/internships/{id}/log", params(("id" = i32, Path), ("Idempotency-Key" = Option<String>, Header, description = "Any unique value: an entry sent again with the same key makes nothing new and answers 200 with the first one's id")), request_body = LogEntryDraft, responses((status = 201, body = Created), (status = 200, description = "Made earlier with the same Idempotency-Key", body = Created), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn entry_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    headers: axum::http::HeaderMap,
    body: Result<Json<LogEntryDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::ProgressLog)?;
    let Json(d) = body?;
    let key = crate::http::form::idempotency_key(&headers);
    let once = brygga_app::learning::entry_add(&s, &a, id, &d, None, &key).await?;
    Ok(crate::http::api::created(once))
}

#[utoipa::path(post, path = "/internships/{id}/log/{entry}/comments", params(("id" = i32, Path), ("entry" = i32, Path)), request_body = CommentBody, responses((status = 201, body = Created), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn comment_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    IdPair(id, entry): IdPair,
    body: Result<Json<CommentBody>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::ProgressLog)?;
    let Json(b) = body?;
    let comment = brygga_app::learning::comment_add(&s, &a, id, entry, &b.comment).await?;
    Ok(crate::http::api::created(
        brygga_store::idempotency::Once::Created(comment),
    ))
}

#[utoipa::path(put, path = "/programmes/{id}/checklist-template", params(("id" = i32, Path)), request_body = TemplateBody, responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn template_put(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<TemplateBody>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::ProcessMap)?;
    let Json(b) = body?;
    brygga_app::learning::template_set(&s, &a, id, &b.checklist_template).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/internships/{id}/assessments", params(("id" = i32, Path)), responses((status = 200, body = AssessmentsBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn assessments_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<AssessmentsBody>, ApiError> {
    require(&a, Action::Read, Resource::Assessment)?;
    Ok(Json(AssessmentsBody {
        assessments: s.store.assessments(&a, id, brygga_app::today()).await?,
    }))
}

#[utoipa::path(put, path = "/internships/{id}/assessments/{kind}", params(("id" = i32, Path), ("kind" = String, Path, description = "mid or end")), request_body = AssessmentBody, responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn assessment_put(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    axum::extract::Path((id, kind)): axum::extract::Path<(String, String)>,
    body: Result<Json<AssessmentBody>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Create, Resource::Assessment)?;
    let id = id
        .parse::<i32>()
        .ok()
        .filter(|i| *i > 0)
        .ok_or(ApiError::NotFound)?;
    let kind =
        brygga_domain::learning::AssessmentKind::parse(&kind).map_err(|_| ApiError::NotFound)?;
    let Json(b) = body?;
    let draft = AssessmentDraft {
        levels: b.levels,
        evidence: b.evidence,
    };
    brygga_app::learning::assessment_submit(&s, &a, id, kind, b.version, &draft, b.sign).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/participants/{id}/plan", params(("id" = i32, Path)), responses((status = 200, body = PlanBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn plan_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<PlanBody>, ApiError> {
    require(&a, Action::Read, Resource::DevelopmentPlan)?;
    Ok(Json(PlanBody {
        plan: s.store.development_plan(&a, id).await?,
    }))
}

#[utoipa::path(post, path = "/participants/{id}/plan/steps", params(("id" = i32, Path), ("Idempotency-Key" = Option<String>, Header, description = "Any unique value: a step sent again with the same key makes nothing new")), request_body = StepDraft, responses((status = 201, body = Created), (status = 200, description = "Made earlier with the same Idempotency-Key", body = Created), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn step_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    headers: axum::http::HeaderMap,
    body: Result<Json<StepDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::DevelopmentPlan)?;
    let Json(d) = body?;
    let key = crate::http::form::idempotency_key(&headers);
    let once = brygga_app::learning::step_add(&s, &a, id, &d, &key).await?;
    Ok(crate::http::api::created(once))
}
