//! The internship: a participant's internships with the coordinator's form to start one, and an
//! internship's page (participant, placement, employer, supervisor, period, days, status) with
//! the form that ends it. Readable on a phone: the participant and the supervisor read it there.

pub mod api;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use brygga_domain::internship::{EndDraft, EndReason, InternshipDraft};
use brygga_domain::policy::{Action, Resource};
use brygga_store::StoreError;
use brygga_store::agreement::InternshipChoices;
use brygga_store::internship::InternshipRecord;
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Id, Staff, WebError, form_errors, form_status};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/participants/{id}/internships",
            get(participant_internships).post(internship_create),
        )
        .route("/internships/{id}", get(internship_show))
        .route("/internships/{id}/end", post(internship_end))
}

// ------------------------------------------------------------------ a participant's internships

#[derive(Template, WebTemplate)]
#[template(path = "internship/list.html")]
struct ListPage {
    chrome: Chrome,
    participant_id: i32,
    participant_name: String,
    internships: Vec<InternshipRecord>,
    /// The coordinator's form: the placements the participant is a candidate for and their
    /// employers' supervisors.
    choices: Option<InternshipChoices>,
    form: CreateForm,
    errors: Errors,
}

crate::http::page_chrome!(ListPage);

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct CreateForm {
    create_key: String,
    placement_id: String,
    supervisor_id: String,
    start_date: String,
    end_date: String,
    days_per_week: String,
    hours_per_week: String,
}

impl CreateForm {
    fn draft(&self) -> InternshipDraft {
        InternshipDraft {
            placement_id: self.placement_id.clone(),
            supervisor_id: self.supervisor_id.clone(),
            start_date: self.start_date.clone(),
            end_date: self.end_date.clone(),
            days_per_week: self.days_per_week.clone(),
            hours_per_week: self.hours_per_week.clone(),
        }
    }
}

async fn list_page(
    s: &AppState,
    st: Staff,
    id: i32,
    mut form: CreateForm,
    errors: Errors,
) -> Result<ListPage, WebError> {
    let p = s.store.participant_get(&st.actor, id).await?;
    let internships = s.store.internships_for_participant(&st.actor, id).await?;
    let may_create = s.store.internship_may_create(&st.actor, id).await?;
    let choices = if may_create && !internships.iter().any(InternshipRecord::is_live) {
        match s.store.internship_choices(&st.actor, id).await {
            Ok(c) => Some(c),
            Err(StoreError::Forbidden | StoreError::NotFound) => None,
            Err(e) => return Err(e.into()),
        }
    } else {
        None
    };
    if form.create_key.is_empty() {
        form.create_key = crate::http::form::new_create_key();
    }
    Ok(ListPage {
        chrome: st.chrome,
        participant_id: id,
        participant_name: format!("{} {}", p.first_name, p.last_name),
        internships,
        choices,
        form,
        errors,
    })
}

async fn participant_internships(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<ListPage, WebError> {
    st.require(Action::List, Resource::Internship)?;
    list_page(&s, st, id, CreateForm::default(), Errors::default()).await
}

async fn internship_create(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(form): Form<CreateForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Internship)?;
    let result =
        brygga_app::internship::create(&s, &st.actor, id, &form.draft(), &form.create_key).await;
    match result {
        Ok(once) => Ok(Redirect::to(&format!("/internships/{}", once.id())).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let status = form_status(&errors);
            Ok((status, list_page(&s, st, id, form, errors).await?).into_response())
        }
    }
}

// ------------------------------------------------------------------ one internship

#[derive(Template, WebTemplate)]
#[template(path = "internship/show.html")]
struct ShowPage {
    chrome: Chrome,
    i: InternshipRecord,
    reasons: &'static [EndReason],
    end: EndForm,
    errors: Errors,
}

crate::http::page_chrome!(ShowPage);

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct EndForm {
    version: String,
    reason: String,
    ended_on: String,
    note: String,
}

impl EndForm {
    fn draft(&self) -> EndDraft {
        EndDraft {
            reason: self.reason.clone(),
            ended_on: self.ended_on.clone(),
            note: self.note.clone(),
        }
    }
}

async fn show_page(
    s: &AppState,
    st: Staff,
    id: i32,
    end: EndForm,
    errors: Errors,
) -> Result<ShowPage, WebError> {
    let i = s.store.internship(&st.actor, id).await?;
    Ok(ShowPage {
        chrome: st.chrome,
        i,
        reasons: EndReason::ALL,
        end,
        errors,
    })
}

async fn internship_show(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<ShowPage, WebError> {
    st.require(Action::Read, Resource::Internship)?;
    let end = EndForm {
        ended_on: brygga_app::today().to_string(),
        ..Default::default()
    };
    show_page(&s, st, id, end, Errors::default()).await
}

async fn internship_end(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(form): Form<EndForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Internship)?;
    let version = form.version.trim().parse().unwrap_or(0);
    match brygga_app::internship::end(&s, &st.actor, id, version, &form.draft()).await {
        Ok(()) => Ok(Redirect::to(&format!("/internships/{id}")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let status = form_status(&errors);
            Ok((status, show_page(&s, st, id, form, errors).await?).into_response())
        }
    }
}
