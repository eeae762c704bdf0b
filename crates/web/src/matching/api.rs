//! Rankings in the JSON API: candidates for a placement, placements for a participant.

use axum::Json;
use axum::extract::{Query, State};
use brygga_store::Actor;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id};

#[derive(Debug, Deserialize, Default, utoipa::IntoParams)]
#[serde(default)]
pub struct RankParams {
    /// How many results (1–100, default 20).
    pub k: Option<usize>,
    /// Also return those failing a hard constraint, with the reason.
    pub include_failing: bool,
}

/// One ranked result: the other side's id and name, the score in [0, 1], and the fit with every
/// hard constraint and soft component and its explanation in Swedish and English.
#[derive(Debug, Serialize, ToSchema)]
pub struct RankedOut {
    pub id: i32,
    pub name: String,
    pub score: f64,
    #[schema(value_type = Object)]
    pub fit: brygga_matching::Fit,
}

fn k_of(p: &RankParams) -> usize {
    p.k.unwrap_or(20).clamp(1, 100)
}

fn require_matching(a: &Actor) -> Result<(), ApiError> {
    if brygga_app::matching::may_match(a) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

#[utoipa::path(get, path = "/placements/{id}/candidates", params(("id" = i32, Path), RankParams), responses((status = 200, body = Vec<RankedOut>), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn placement_candidates(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    Query(q): Query<RankParams>,
) -> Result<Json<Vec<RankedOut>>, ApiError> {
    require_matching(&a)?;
    let placement = s.store.placement_get(&a, id).await?;
    let pool = brygga_app::matching::Pool::load(&s, &a, Some(placement)).await?;
    let ranked = pool.candidates(id, k_of(&q), q.include_failing)?;
    Ok(Json(
        ranked
            .into_iter()
            .map(|r| RankedOut {
                name: pool
                    .participants
                    .get(&r.id)
                    .map(|p| format!("{} {}", p.first_name, p.last_name))
                    .unwrap_or_default(),
                id: r.id,
                score: r.fit.score,
                fit: r.fit,
            })
            .collect(),
    ))
}

#[utoipa::path(get, path = "/participants/{id}/suggestions", params(("id" = i32, Path), RankParams), responses((status = 200, body = Vec<RankedOut>), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn participant_suggestions(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    Query(q): Query<RankParams>,
) -> Result<Json<Vec<RankedOut>>, ApiError> {
    require_matching(&a)?;
    s.store.participant_get(&a, id).await?;
    let pool = brygga_app::matching::Pool::load(&s, &a, None).await?;
    let ranked = pool.suggestions(id, k_of(&q), q.include_failing)?;
    Ok(Json(
        ranked
            .into_iter()
            .map(|r| RankedOut {
                name: pool
                    .placements
                    .get(&r.id)
                    .map(|p| p.title.clone())
                    .unwrap_or_default(),
                id: r.id,
                score: r.fit.score,
                fit: r.fit,
            })
            .collect(),
    ))
}
