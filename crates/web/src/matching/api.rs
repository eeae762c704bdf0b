//! Rankings in the JSON API: candidates for a placement, placements for a participant.

use axum::Json;
use axum::extract::{Query, State};
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

/// A ranking as the API returns it, naming each ranked record.
fn ranked_out<T>(
    ranking: brygga_app::matching::Ranking<T>,
    id: impl Fn(&T) -> (i32, String),
) -> Vec<RankedOut> {
    ranking
        .into_iter()
        .map(|(record, fit)| {
            let (id, name) = id(&record);
            RankedOut {
                id,
                name,
                score: fit.score,
                fit,
            }
        })
        .collect()
}

#[utoipa::path(get, path = "/placements/{id}/candidates", params(("id" = i32, Path), RankParams), responses((status = 200, body = Vec<RankedOut>), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn placement_candidates(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    Query(q): Query<RankParams>,
) -> Result<Json<Vec<RankedOut>>, ApiError> {
    let (_, ranking) =
        brygga_app::matching::candidates(&s, &a, id, k_of(&q), q.include_failing).await?;
    Ok(Json(ranked_out(ranking, |p| {
        (p.id, format!("{} {}", p.first_name, p.last_name))
    })))
}

#[utoipa::path(get, path = "/participants/{id}/suggestions", params(("id" = i32, Path), RankParams), responses((status = 200, body = Vec<RankedOut>), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn participant_suggestions(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    Query(q): Query<RankParams>,
) -> Result<Json<Vec<RankedOut>>, ApiError> {
    let (_, ranking) =
        brygga_app::matching::suggestions(&s, &a, id, k_of(&q), q.include_failing).await?;
    Ok(Json(ranked_out(ranking, |x| (x.id, x.title.clone()))))
}
