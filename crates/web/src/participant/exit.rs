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
use brygga_domain::policy::{Action, Resource};
use brygga_store::exit::ExitRecord;

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
}

crate::http::page_chrome!(ExitPage);

async fn render(
    s: &AppState,
    st: Staff,
    id: i32,
    form: Option<ExitDraft>,
    errors: Errors,
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
    let status = form_status(&errors);
    let page = ExitPage {
        chrome: st.chrome,
        participant_id: id,
        name: format!("{} {}", p.first_name, p.last_name),
        exit,
        form,
        errors,
        reasons: ExitReason::ALL,
    };
    Ok((status, page).into_response())
}

async fn exit_page(State(s): State<AppState>, st: Staff, Id(id): Id) -> Result<Response, WebError> {
    render(&s, st, id, None, Errors::default()).await
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
            render(&s, st, id, Some(f), errors).await
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
