//! Rankings in the JSON API: candidates for a placement, placements for a participant.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id, IdPair};

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

#[derive(Debug, Deserialize, Default, utoipa::IntoParams)]
#[serde(default)]
pub struct NearMissParams {
    /// How many near misses (1–100, default 10).
    pub limit: Option<usize>,
}

/// A near miss: an open placement in the participant's own or a neighbouring trade that fails
/// exactly one hard rule. A missing accommodation names the participant's needs, so for a
/// reader who may not read her special needs `gap.missing` is empty and the sentences do not
/// name them.
#[derive(Debug, Serialize, ToSchema)]
pub struct NearMissOut {
    /// The placement's id and title, and its employer.
    pub id: i32,
    pub title: String,
    pub employer_name: String,
    /// Leading SSYK digits the placement shares with the participant's closest occupation:
    /// 4 the same unit group, 3 the same minor group, 2 the same sub-major group.
    pub relation: u8,
    /// That occupation's SSYK code.
    pub trade: String,
    /// The failing rule: `eligible`, `days`, `swedish`, `driving_licence`, `accommodations`
    /// or `commute`.
    pub rule: String,
    /// What stands in the way, with the figures (tagged by `rule`).
    #[schema(value_type = Object)]
    pub gap: brygga_matching::Gap,
    /// What is missing, in Swedish and English ("Kräver svenska B1 – har A2").
    #[schema(value_type = Object)]
    pub missing: brygga_matching::Explanation,
    /// The score the pair would have without the failing rule, in [0, 1].
    pub score_without_rule: f64,
    #[schema(value_type = Object)]
    pub fit: brygga_matching::Fit,
}

/// The participant's near misses, closest trade first, then the score without the rule.
#[utoipa::path(get, path = "/participants/{id}/near-misses", params(("id" = i32, Path), NearMissParams), responses((status = 200, body = Vec<NearMissOut>), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn participant_near_misses(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    Query(q): Query<NearMissParams>,
) -> Result<Json<Vec<NearMissOut>>, ApiError> {
    let limit = q.limit.unwrap_or(10).clamp(1, 100);
    let found = brygga_app::matching::near_misses(&s, &a, id, limit).await?;
    Ok(Json(
        found
            .into_iter()
            .map(|(x, n)| NearMissOut {
                id: x.id,
                title: x.title,
                employer_name: x.employer_name,
                relation: n.relation,
                trade: n.trade,
                rule: n.gap.kind().as_str().to_string(),
                score_without_rule: n.fit.soft_score,
                gap: n.gap,
                missing: n.missing,
                fit: n.fit,
            })
            .collect(),
    ))
}

/// Propose the participant to the placement from the matching. A pair that fails a hard rule
/// is proposed only with a reason (else 422 with `override_reason` in the field errors).
#[derive(Debug, Deserialize, Default, ToSchema)]
#[serde(default)]
pub struct CandidatePropose {
    /// Why the candidate is proposed although a hard rule fails; not needed (and not kept)
    /// for a pair that passes every rule. Seen only by those who may read the participant's
    /// special needs.
    pub override_reason: String,
}

/// The proposal made, and the hard rules it overrode (empty when the pair passes).
#[derive(Debug, Serialize, ToSchema)]
pub struct CandidateProposed {
    pub id: i32,
    pub overridden: Vec<String>,
}

#[utoipa::path(post, path = "/placements/{id}/candidates/{participant}", params(("id" = i32, Path), ("participant" = i32, Path)), request_body = CandidatePropose, responses((status = 201, body = CandidateProposed), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn candidate_propose(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    IdPair(id, participant): IdPair,
    body: Result<Json<CandidatePropose>, JsonRejection>,
) -> Result<(StatusCode, Json<CandidateProposed>), ApiError> {
    let Json(b) = body?;
    let done =
        brygga_app::matching::propose(&s, &a, id, participant, "", &b.override_reason).await?;
    Ok((
        StatusCode::CREATED,
        Json(CandidateProposed {
            id: done.id,
            overridden: done
                .overridden
                .iter()
                .map(|k| k.as_str().to_string())
                .collect(),
        }),
    ))
}
