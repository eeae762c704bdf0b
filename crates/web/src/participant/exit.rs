//! A participant's leaving of the programme: the page that records it (or corrects it) and
//! takes it back when it was a mistake. For those who may update the participant.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use brygga_domain::exit::{ExitDraft, ExitReason};
use brygga_domain::outcome::{
    FollowUpPoint, HireDecision, OutcomeDraft, OutcomeSource, OutcomeStatus,
};
use brygga_domain::policy::{Action, Resource};
use brygga_store::exit::ExitRecord;
use brygga_store::outcome::Outcomes;

use crate::AppState;
use crate::http::{Chrome, Errors, Id, Staff, WebError, form_errors, form_status};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/participants/{id}/exit", get(exit_page).post(exit_save))
        .route("/participants/{id}/exit/undo", post(exit_undo))
}

#[derive(Template, WebTemplate)]
#[template(path = "participant/exit.html")]
struct ExitPage {
    chrome: Chrome,
    participant_id: i32,
    name: String,
    /// The leaving as recorded, if it is.
    exit: Option<ExitRecord>,
    form: ExitDraft,
    errors: Errors,
    reasons: &'static [ExitReason],
    /// The follow-up points after leaving, and the form to record an outcome at one.
    outcomes: Outcomes,
    outcome: OutcomeDraft,
    outcome_errors: Errors,
    statuses: &'static [OutcomeStatus],
    points: &'static [FollowUpPoint],
    sources: &'static [OutcomeSource],
    hires: &'static [HireDecision],
}

crate::http::page_chrome!(ExitPage);

/// The outcome form as typed after a failed save, with its errors.
pub(crate) type OutcomeTyped = (OutcomeDraft, Errors);

pub(crate) async fn render(
    s: &AppState,
    st: Staff,
    id: i32,
    form: Option<ExitDraft>,
    errors: Errors,
    outcome: Option<OutcomeTyped>,
) -> Result<Response, WebError> {
    let p = s.store.participant_get(&st.actor, id).await?;
    // Refused (403) for those who may not update her.
    let exit = s.store.participant_exit(&st.actor, id).await?;
    let form = form.unwrap_or_else(|| match &exit {
        Some(x) => ExitDraft {
            left_on: x.left_on.to_string(),
            exit_reason: x.reason.as_str().into(),
            exit_note: x.note.clone(),
        },
        None => ExitDraft {
            left_on: brygga_app::today().to_string(),
            ..ExitDraft::default()
        },
    });
    let outcomes = brygga_app::outcome::of(s, &st.actor, id).await?;
    let (outcome, outcome_errors) = outcome.unwrap_or_else(|| {
        let next = outcomes
            .points
            .iter()
            .find(|p| p.records.is_empty())
            .map(|p| p.point)
            .unwrap_or(FollowUpPoint::Exit);
        let draft = OutcomeDraft {
            point: next.as_str().into(),
            source: if next == FollowUpPoint::Exit {
                OutcomeSource::Coordinator
            } else {
                OutcomeSource::Call
            }
            .as_str()
            .into(),
            recorded_on: brygga_app::today().to_string(),
            ..OutcomeDraft::default()
        };
        (draft, Errors::default())
    });
    let status = if errors.is_empty() {
        form_status(&outcome_errors)
    } else {
        form_status(&errors)
    };
    let page = ExitPage {
        chrome: st.chrome,
        participant_id: id,
        name: format!("{} {}", p.first_name, p.last_name),
        exit,
        form,
        errors,
        reasons: ExitReason::ALL,
        outcomes,
        outcome,
        outcome_errors,
        statuses: OutcomeStatus::ALL,
        points: FollowUpPoint::ALL,
        sources: OutcomeSource::ALL,
        hires: HireDecision::ALL,
    };
    Ok((status, page).into_response())
}

async fn exit_page(State(s): State<AppState>, st: Staff, Id(id): Id) -> Result<Response, WebError> {
    render(&s, st, id, None, Errors::default(), None).await
}

async fn exit_save(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<ExitDraft>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Participant)?;
    match brygga_app::exit::record(&s, &st.actor, id, &f).await {
        Ok(()) => Ok(Redirect::to(&format!("/participants/{id}")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            render(&s, st, id, Some(f), errors, None).await
        }
    }
}

async fn exit_undo(State(s): State<AppState>, st: Staff, Id(id): Id) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Participant)?;
    match brygga_app::exit::undo(&s, &st.actor, id).await {
        // Taken back twice (a double submit): the second finds nothing, and that is fine.
        Ok(()) | Err(brygga_app::Error::NotFound) => {
            Ok(Redirect::to(&format!("/participants/{id}")).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
