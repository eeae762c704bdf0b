//! Outcomes after leaving, recorded on the participant's leaving page (`/participants/{id}/exit`)
//! at the follow-up points counted from the day she left.

pub mod api;

use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum_extra::extract::Form;
use brygga_domain::outcome::OutcomeDraft;
use brygga_domain::policy::{Action, Resource};

use crate::AppState;
use crate::http::{Id, Staff, WebError, form_errors};

pub fn router() -> Router<AppState> {
    Router::new().route("/participants/{id}/outcomes", post(record))
}

async fn record(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(d): Form<OutcomeDraft>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Participant)?;
    match brygga_app::outcome::record(&s, &st.actor, id, &d).await {
        Ok(_) => Ok(Redirect::to(&format!("/participants/{id}/exit#outcomes")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let typed = crate::participant::exit::Typed {
                outcome: Some((d, errors)),
                ..Default::default()
            };
            crate::participant::exit::render(&s, st, id, typed).await
        }
    }
}
