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
use crate::http::{Chrome, Errors, Id, Lang, Staff, WebError, form_errors, form_status};
use crate::survey::SendForm;

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
    /// The form that sends a survey again, a link just made that was not mailed.
    survey: SendForm,
    survey_errors: Errors,
    survey_link: Option<String>,
    langs: &'static [Lang],
}

crate::http::page_chrome!(ExitPage);

impl ExitPage {
    fn lang_name(&self, code: &str) -> &'static str {
        Lang::parse(code).map_or("", Lang::native_name)
    }
}

/// The survey form as sent, with its errors or the link it made.
pub(crate) struct SurveyTyped {
    pub form: SendForm,
    pub errors: Errors,
    pub link: Option<String>,
}

/// What was typed into the page's forms, when a save sends it back.
#[derive(Default)]
pub(crate) struct Typed {
    pub exit: Option<(ExitDraft, Errors)>,
    pub outcome: Option<(OutcomeDraft, Errors)>,
    pub survey: Option<SurveyTyped>,
}

pub(crate) async fn render(
    s: &AppState,
    st: Staff,
    id: i32,
    typed: Typed,
) -> Result<Response, WebError> {
    let Typed {
        exit: exit_typed,
        outcome,
        survey,
    } = typed;
    let (form, errors) = match exit_typed {
        Some((f, e)) => (Some(f), e),
        None => (None, Errors::default()),
    };
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
    let survey = survey.unwrap_or_else(|| SurveyTyped {
        form: SendForm {
            point: outcome.point.clone(),
            // Her language as the last link had it.
            lang: outcomes
                .points
                .iter()
                .flat_map(|p| p.surveys.iter())
                .max_by_key(|s| s.id)
                .map(|s| s.lang.clone())
                .unwrap_or_default(),
        },
        errors: Errors::default(),
        link: None,
    });
    let status = [&errors, &outcome_errors, &survey.errors]
        .into_iter()
        .map(form_status)
        .max_by_key(|s| s.as_u16())
        .unwrap_or_default();
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
        survey: survey.form,
        survey_errors: survey.errors,
        survey_link: survey.link,
        langs: Lang::ALL,
    };
    Ok((status, page).into_response())
}

async fn exit_page(State(s): State<AppState>, st: Staff, Id(id): Id) -> Result<Response, WebError> {
    render(&s, st, id, Typed::default()).await
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
            let typed = Typed {
                exit: Some((f, errors)),
                ..Typed::default()
            };
            render(&s, st, id, typed).await
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
