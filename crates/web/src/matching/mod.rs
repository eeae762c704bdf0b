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
use axum_extra::extract::Form;
use brygga_matching::{Fit, NearMiss};
use brygga_store::participant::ParticipantRecord;
use brygga_store::placement::PlacementRecord;
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Id, IdPair, Lists, Staff, WebError, form_errors};

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
    /// The participant (candidates) or placement (suggestions) just proposed, for the
    /// confirmation.
    proposed: Option<i32>,
}

/// A "Föreslå ändå" form that was refused: which one (its key), the reason as typed, and the
/// errors to show beside it.
#[derive(Default)]
pub struct Refused {
    pub key: String,
    pub reason: String,
    pub errors: Errors,
}

impl Refused {
    /// The typed reason, for the form with `key` (empty for every other form).
    pub fn reason_for(&self, key: &str) -> &str {
        if self.key == key { &self.reason } else { "" }
    }

    /// The reason's error, for the form with `key`.
    pub fn error_for(&self, key: &str) -> Option<&'static str> {
        if self.key == key {
            self.errors.get("override_reason")
        } else {
            None
        }
    }
}

/// The proposal form of a ranking row or a near miss.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ProposeForm {
    /// Why a pair that fails a hard rule is proposed anyway.
    override_reason: String,
    /// The page the form is on (`suggestions` or the candidates page), to go back to.
    from: String,
    /// The form's key on that page, to show an error beside the right reason.
    key: String,
    /// The page showed failing rows too.
    failing: Option<String>,
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
    refused: Refused,
}

crate::http::page_chrome!(CandidatesPage);

async fn candidates(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Query(q): Query<RankQuery>,
) -> Result<Response, WebError> {
    candidates_page(
        &s,
        st,
        id,
        q.failing.is_some(),
        q.proposed,
        Refused::default(),
    )
    .await
}

async fn candidates_page(
    s: &AppState,
    st: Staff,
    id: i32,
    failing: bool,
    proposed: Option<i32>,
    refused: Refused,
) -> Result<Response, WebError> {
    let (placement, ranking) =
        brygga_app::matching::candidates(s, &st.actor, id, TOP_K, failing).await?;
    let status = crate::http::form_status(&refused.errors);
    let page = CandidatesPage {
        chrome: st.chrome,
        lists: Lists::of(s),
        placement,
        rows: rows(ranking),
        failing,
        proposed,
        refused,
    };
    Ok((status, page).into_response())
}

/// Propose from a ranking row or a near miss. A pair that fails a hard rule needs a reason:
/// without one the page comes back (422) with the error beside the reason and the text kept.
async fn propose(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, participant): IdPair,
    Form(f): Form<ProposeForm>,
) -> Result<Response, WebError> {
    let from_suggestions = f.from == "suggestions";
    match brygga_app::matching::propose(&s, &st.actor, id, participant, "", &f.override_reason)
        .await
    {
        Ok(_) if from_suggestions => Ok(Redirect::to(&format!(
            "/participants/{participant}/suggestions?proposed={id}"
        ))
        .into_response()),
        Ok(_) => Ok(Redirect::to(&format!(
            "/placements/{id}/candidates?proposed={participant}"
        ))
        .into_response()),
        Err(brygga_app::Error::Invalid(fe)) => {
            // No consent to share, or already proposed: the pool page says which.
            let e = brygga_store::StoreError::Invalid(fe);
            if let Some(link) = crate::pool::refused_link(id, participant, &e) {
                return Ok(Redirect::to(&link).into_response());
            }
            let refused = Refused {
                key: f.key,
                reason: f.override_reason,
                errors: form_errors(e)?,
            };
            let failing = f.failing.is_some();
            if from_suggestions {
                suggestions_page(&s, st, participant, failing, None, refused).await
            } else {
                candidates_page(&s, st, id, failing, None, refused).await
            }
        }
        Err(e) => Err(e.into()),
    }
}

/// A near miss as shown: the placement and what stands in the way.
pub struct NearRow {
    pub placement: PlacementRecord,
    pub near: NearMiss,
}

impl NearRow {
    /// The score the pair would have without the failing rule, in percent.
    pub fn soft_percent(&self) -> u32 {
        (self.near.fit.soft_score * 100.0).round() as u32
    }

    /// How close the trade is, as a translation key.
    pub fn relation_key(&self) -> &'static str {
        match self.near.relation {
            4 => "match-near-same-unit",
            3 => "match-near-same-minor",
            _ => "match-near-same-sub-major",
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "matching/suggestions.html")]
struct SuggestionsPage {
    chrome: Chrome,
    lists: Lists,
    participant: ParticipantRecord,
    rows: Vec<Row<PlacementRecord>>,
    near: Vec<NearRow>,
    placed: Option<brygga_store::internship::InternshipRecord>,
    left: Option<brygga_store::exit::ExitRecord>,
    failing: bool,
    proposed: Option<i32>,
    refused: Refused,
}

crate::http::page_chrome!(SuggestionsPage);

async fn suggestions(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Query(q): Query<RankQuery>,
) -> Result<Response, WebError> {
    suggestions_page(
        &s,
        st,
        id,
        q.failing.is_some(),
        q.proposed,
        Refused::default(),
    )
    .await
}

async fn suggestions_page(
    s: &AppState,
    st: Staff,
    id: i32,
    failing: bool,
    proposed: Option<i32>,
    refused: Refused,
) -> Result<Response, WebError> {
    let found = brygga_app::matching::suggestions_with_near(
        s,
        &st.actor,
        id,
        TOP_K,
        failing,
        brygga_app::matching::NEAR_MISSES,
    )
    .await?;
    let status = crate::http::form_status(&refused.errors);
    let page = SuggestionsPage {
        chrome: st.chrome,
        lists: Lists::of(s),
        participant: found.participant,
        rows: rows(found.ranking),
        near: found
            .near
            .into_iter()
            .map(|(placement, near)| NearRow { placement, near })
            .collect(),
        placed: found.placed,
        left: found.left,
        failing,
        proposed,
        refused,
    };
    Ok((status, page).into_response())
}
