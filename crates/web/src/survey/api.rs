//! The follow-up survey in the JSON API: a coordinator sends it again; the link itself is read
//! and answered without a login, as the public page does.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use brygga_domain::policy::{Action, Resource};
use brygga_domain::survey::{SurveyAnswerDraft, SurveyState};
use brygga_store::survey::SurveyLink;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::http::api::require;
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id};

/// Which point's survey to send, in which language (sv, en, ar, uk, so, ti).
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub(crate) struct SurveySendBody {
    /// exit, week4, month3 or month6.
    pub point: String,
    pub lang: String,
}

/// A survey link just made. The link is handed out here once; it was mailed to `sent_to` when
/// she has an address.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct SurveySentBody {
    pub id: i32,
    pub sent_to: String,
    pub link: String,
    pub expires_at: DateTime<Utc>,
}

/// Where a survey link stands; the point, language and end while it is open.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct SurveyLinkBody {
    pub state: SurveyState,
    pub point: Option<String>,
    pub lang: String,
    pub expires_at: Option<DateTime<Utc>>,
}

#[utoipa::path(post, path = "/participants/{id}/surveys", params(("id" = i32, Path)), request_body = SurveySendBody, responses((status = 201, description = "A new link, mailed when she has an address; any open link for the point stops working", body = SurveySentBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn survey_send(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<SurveySendBody>, JsonRejection>,
) -> Result<(StatusCode, Json<SurveySentBody>), ApiError> {
    require(&a, Action::Update, Resource::Participant)?;
    let Json(b) = body?;
    let sent = brygga_app::survey::send(&s, &a, id, &b.point, &b.lang).await?;
    Ok((
        StatusCode::CREATED,
        Json(SurveySentBody {
            id: sent.id,
            link: brygga_app::survey::link_url(&s.mail.public_url, &sent.token),
            sent_to: sent.sent_to,
            expires_at: sent.expires_at,
        }),
    ))
}

fn gone(state: SurveyState) -> ApiError {
    ApiError::Gone(match state {
        SurveyState::Answered => "survey-answered",
        SurveyState::Expired => "survey-expired",
        _ => "survey-replaced",
    })
}

#[utoipa::path(get, path = "/surveys/{token}", security(()), params(("token" = String, Path)), responses((status = 200, description = "Where the link stands", body = SurveyLinkBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn survey_get(
    State(s): State<AppState>,
    Path(token): Path<String>,
) -> Result<Json<SurveyLinkBody>, ApiError> {
    Ok(Json(
        match brygga_app::survey::link(&s.store, &token).await? {
            SurveyLink::Open {
                point,
                lang,
                expires_at,
                ..
            } => SurveyLinkBody {
                state: SurveyState::Open,
                point: Some(point.as_str().into()),
                lang,
                expires_at: Some(expires_at),
            },
            SurveyLink::Closed { state, lang } => SurveyLinkBody {
                state,
                point: None,
                lang,
                expires_at: None,
            },
            SurveyLink::Unknown => return Err(ApiError::NotFound),
        },
    ))
}

#[utoipa::path(post, path = "/surveys/{token}", security(()), params(("token" = String, Path)), request_body = SurveyAnswerDraft, responses((status = 204, description = "Her answer, recorded as the outcome at the point from the source survey"), (status = 404, body = ApiErrorBody), (status = 410, description = "Answered already, expired or replaced by a newer link", body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn survey_answer(
    State(s): State<AppState>,
    Path(token): Path<String>,
    body: Result<Json<SurveyAnswerDraft>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    let Json(d) = body?;
    match brygga_app::survey::answer(&s.store, &token, &d).await? {
        Ok(()) => Ok(StatusCode::NO_CONTENT),
        Err(SurveyLink::Closed { state, .. }) => Err(gone(state)),
        Err(_) => Err(ApiError::NotFound),
    }
}
