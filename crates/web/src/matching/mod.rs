//! Matching pages for coordinators: ranked candidates for a placement, suggested placements for
//! a participant, each with its explanation, and proposing a candidate from its row.

pub mod api;
pub mod plan;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use brygga_matching::Fit;
use brygga_store::participant::ParticipantRecord;
use brygga_store::placement::PlacementRecord;
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Id, IdPair, Lists, Staff, WebError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/placements/{id}/candidates", get(candidates))
        .route("/placements/{id}/candidates/{participant}", post(propose))
        .route("/participants/{id}/suggestions", get(suggestions))
}

/// The matching pages read and propose for whole programmes (see `brygga_app::matching::may_match`).
/// Gate for the handlers that go to the store directly (locking a pair, proposing from a row);
/// the rule is the app's.
pub(crate) fn require_matching(st: &Staff) -> Result<(), WebError> {
    Ok(brygga_app::matching::require_matching(&st.actor)?)
}

/// How many results a page shows.
const TOP_K: usize = 20;

#[derive(Deserialize, Default)]
#[serde(default)]
struct RankQuery {
    /// Also show those who fail a hard constraint (with the reason).
    failing: Option<String>,
    /// The participant just proposed, for the confirmation.
    proposed: Option<i32>,
}

/// One result row: who or what, and why.
pub struct Row<T> {
    pub record: T,
    pub fit: Fit,
}

impl<T> Row<T> {
    pub fn percent(&self) -> u32 {
        (self.fit.score * 100.0).round() as u32
    }
    pub fn component_percent(&self, value: &f64) -> u32 {
        (value * 100.0).round() as u32
    }
}

fn rows<T>(ranking: brygga_app::matching::Ranking<T>) -> Vec<Row<T>> {
    ranking
        .into_iter()
        .map(|(record, fit)| Row { record, fit })
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "matching/candidates.html")]
struct CandidatesPage {
    chrome: Chrome,
    lists: Lists,
    placement: PlacementRecord,
    rows: Vec<Row<ParticipantRecord>>,
    failing: bool,
    proposed: Option<i32>,
}

crate::http::page_chrome!(CandidatesPage);

async fn candidates(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Query(q): Query<RankQuery>,
) -> Result<Response, WebError> {
    let failing = q.failing.is_some();
    let (placement, ranking) =
        brygga_app::matching::candidates(&s, &st.actor, id, TOP_K, failing).await?;
    let page = CandidatesPage {
        chrome: st.chrome,
        lists: Lists::of(&s),
        placement,
        rows: rows(ranking),
        failing,
        proposed: q.proposed,
    };
    Ok(page.into_response())
}

async fn propose(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, participant): IdPair,
) -> Result<Response, WebError> {
    require_matching(&st)?;
    s.store.placement_get(&st.actor, id).await?;
    if let Err(e) = s.store.propose_candidate(&st.actor, participant, id).await {
        // No consent to share, or already proposed: the pool page says which.
        return match crate::pool::refused_link(id, participant, &e) {
            Some(link) => Ok(Redirect::to(&link).into_response()),
            None => Err(e.into()),
        };
    }
    Ok(Redirect::to(&format!(
        "/placements/{id}/candidates?proposed={participant}"
    ))
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "matching/suggestions.html")]
struct SuggestionsPage {
    chrome: Chrome,
    lists: Lists,
    participant: ParticipantRecord,
    rows: Vec<Row<PlacementRecord>>,
    failing: bool,
}

crate::http::page_chrome!(SuggestionsPage);

async fn suggestions(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Query(q): Query<RankQuery>,
) -> Result<Response, WebError> {
    let failing = q.failing.is_some();
    let (participant, ranking) =
        brygga_app::matching::suggestions(&s, &st.actor, id, TOP_K, failing).await?;
    Ok(SuggestionsPage {
        chrome: st.chrome,
        lists: Lists::of(&s),
        participant,
        rows: rows(ranking),
        failing,
    }
    .into_response())
}
