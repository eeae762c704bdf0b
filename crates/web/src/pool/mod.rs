//! The candidate pool of a placement: coordinators propose candidates, the employer contact
//! sees a card without identity or contact details and shortlists, asks for an interview or
//! declines.

pub mod api;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use brygga_domain::model::{InterviewOutcome, ProposalStatus};
use brygga_domain::policy::{Action, Resource};
use brygga_store::StoreError;
use brygga_store::interview::InterviewRecord;
use brygga_store::participant::{ParticipantFilter, ParticipantSummary};
use brygga_store::pool::{PoolView, ProposalRecord};
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Id, Lists, Staff, WebError, form_errors, form_status};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/placements/{id}/pool", get(pool_page).post(propose))
        .route("/proposals/{id}/status", post(set_status))
}

// ------------------------------------------------------------------ the pool

#[derive(Deserialize, Default)]
#[serde(default)]
struct PoolQuery {
    /// A search for a participant to propose by hand.
    q: String,
    /// From the ranking page: a participant who could not be proposed, and why.
    refused: Option<i32>,
    why: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ProposeForm {
    participant_id: String,
    proposal_note: String,
    /// Why, when the pair fails a hard rule of the matching.
    override_reason: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "pool/show.html")]
struct PoolPage {
    chrome: Chrome,
    lists: Lists,
    pool: PoolView,
    interviews: Vec<InterviewRecord>,
    /// Participants the employer wants to meet again after a matching fair.
    wishes: Vec<brygga_store::event::FairWish>,
    /// Coordinators may propose by hand and book interviews.
    can_propose: bool,
    /// The viewer's role books interviews (coordinators; an employer contact for its own
    /// employer's placements, the only pools it sees).
    can_book: bool,
    q: String,
    found: Vec<ParticipantSummary>,
    form: ProposeForm,
    errors: Errors,
    /// The proposal a status change failed on, for the message beside its row.
    failed_row: Option<i32>,
    notice: Option<&'static str>,
}

crate::http::page_chrome!(PoolPage);

impl PoolPage {
    fn interviews_of(&self, proposal: &i32) -> Vec<&InterviewRecord> {
        self.interviews
            .iter()
            .filter(|i| i.proposal_id == *proposal)
            .collect()
    }

    fn when(&self, i: &InterviewRecord) -> String {
        brygga_app::interview::local_time(i.starts_at)
    }

    fn status_key(&self, s: &ProposalStatus) -> String {
        s.label_key()
    }

    fn move_key(&self, s: &ProposalStatus) -> String {
        format!("pool-move-{}", s.as_str())
    }

    fn outcome_key(&self, o: &InterviewOutcome) -> String {
        o.label_key()
    }

    fn failed_on(&self, proposal: &i32) -> bool {
        self.failed_row == Some(*proposal)
    }

    fn bookable(&self, p: &ProposalRecord) -> bool {
        self.can_book && brygga_domain::interview::bookable(p.status)
    }
}

/// The state of the pool page's forms when it is shown again.
#[derive(Default)]
struct PoolState {
    q: String,
    form: ProposeForm,
    errors: Errors,
    failed_row: Option<i32>,
    notice: Option<&'static str>,
}

/// Everything the pool page shows, with its forms' state.
async fn render_pool(
    s: &AppState,
    st: Staff,
    id: i32,
    state: PoolState,
) -> Result<Response, WebError> {
    let PoolState {
        q,
        form,
        errors,
        failed_row,
        notice,
    } = state;
    let pool = s.store.pool_for_placement(&st.actor, id).await?;
    let interviews = s.store.interviews_for_placement(&st.actor, id).await?;
    let can_propose = st.actor.may(Action::Create, Resource::Proposal);
    // After a matching fair: whom the employer wants to meet again, not yet in this pool.
    let wishes = if can_propose {
        s.store
            .fair_wishes_of_employer(&st.actor, pool.employer_id)
            .await?
            .into_iter()
            .filter(|w| {
                !pool
                    .proposals
                    .iter()
                    .any(|p| p.participant_id == w.participant_id)
            })
            .collect()
    } else {
        vec![]
    };
    let found = if can_propose && !q.trim().is_empty() {
        s.store
            .participant_list(
                &st.actor,
                &ParticipantFilter {
                    q: q.clone(),
                    page: 1,
                    ..Default::default()
                },
            )
            .await?
            .items
    } else {
        vec![]
    };
    let status = form_status(&errors);
    let page = PoolPage {
        can_book: st.actor.may(Action::Create, Resource::Interview),
        chrome: st.chrome,
        lists: Lists::of(s),
        pool,
        interviews,
        wishes,
        can_propose,
        q,
        found,
        form,
        errors,
        failed_row,
        notice,
    };
    Ok((status, page).into_response())
}

async fn pool_page(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Query(q): Query<PoolQuery>,
) -> Result<Response, WebError> {
    let (errors, form) = match (q.refused, q.why.as_str()) {
        (Some(pid), why @ ("consent" | "duplicate")) => (
            Errors::from(brygga_domain::FieldErrors(vec![
                brygga_domain::FieldError::new(
                    "participant_id",
                    if why == "consent" {
                        "pool-error-no-consent"
                    } else {
                        "pool-error-duplicate"
                    },
                ),
            ])),
            ProposeForm {
                participant_id: pid.to_string(),
                ..ProposeForm::default()
            },
        ),
        _ => (Errors::default(), ProposeForm::default()),
    };
    // A refusal carried over from the ranking page is shown, but the page itself is fine.
    let notice = (!errors.is_empty()).then_some("pool-refused");
    let state = PoolState {
        q: q.q,
        form,
        errors,
        failed_row: None,
        notice,
    };
    let mut res = render_pool(&s, st, id, state).await?;
    if notice.is_some() {
        *res.status_mut() = StatusCode::OK;
    }
    Ok(res)
}

async fn propose(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<ProposeForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Proposal)?;
    // Through the matching, so that a pair failing one of its hard rules needs a reason.
    let result = match f.participant_id.trim().parse::<i32>() {
        Ok(pid) => {
            brygga_app::matching::propose(
                &s,
                &st.actor,
                id,
                pid,
                &f.proposal_note,
                &f.override_reason,
            )
            .await
        }
        Err(_) => Err(brygga_app::Error::Invalid(brygga_domain::FieldErrors(
            vec![brygga_domain::FieldError::new(
                "participant_id",
                "pool-error-pick",
            )],
        ))),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/placements/{id}/pool?done=1")).into_response()),
        Err(brygga_app::Error::NotFound) => {
            let errors = Errors::from(brygga_domain::FieldErrors(vec![
                brygga_domain::FieldError::new("participant_id", "pool-error-pick"),
            ]));
            let state = PoolState {
                form: f,
                errors,
                ..Default::default()
            };
            render_pool(&s, st, id, state).await
        }
        Err(e) => {
            let state = PoolState {
                errors: form_errors(e)?,
                form: f,
                ..Default::default()
            };
            render_pool(&s, st, id, state).await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StatusForm {
    version: String,
    status: String,
    note: String,
}

async fn set_status(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<StatusForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Proposal)?;
    let proposal = s.store.proposal_get(&st.actor, id).await?;
    let placement = proposal.placement_id;
    let result = match (
        f.version.trim().parse::<i32>(),
        ProposalStatus::parse(&f.status),
    ) {
        (Ok(version), Ok(status)) => {
            s.store
                .proposal_set_status(&st.actor, id, version, status, &f.note)
                .await
        }
        _ => Err(StoreError::Invalid(brygga_domain::FieldErrors(vec![
            brygga_domain::FieldError::new("status", "pool-error-transition"),
        ]))),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/placements/{placement}/pool")).into_response()),
        Err(e) => {
            let state = PoolState {
                errors: form_errors(e)?,
                failed_row: Some(id),
                ..Default::default()
            };
            render_pool(&s, st, placement, state).await
        }
    }
}

/// Where the ranking page sends a coordinator whose proposal was refused (no consent to share,
/// or already proposed): the pool page, which says why. `None` for any other error.
pub fn refused_link(placement: i32, participant: i32, e: &StoreError) -> Option<String> {
    let StoreError::Invalid(fe) = e else {
        return None;
    };
    let why = match fe.get("participant_id").map(|f| f.key) {
        Some("pool-error-no-consent") => "consent",
        Some("pool-error-duplicate") => "duplicate",
        _ => return None,
    };
    Some(format!(
        "/placements/{placement}/pool?refused={participant}&why={why}"
    ))
}
