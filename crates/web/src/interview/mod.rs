//! Interviews: booking one from the candidate's row (invitations go out by email with a calendar
//! file and the guide), an interview's page with its outcome and cancelling, and the guide.

pub mod api;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use brygga_domain::interview::{AttendeeRole, InterviewDraft};
use brygga_domain::model::InterviewOutcome;
use brygga_domain::policy::{Action, Resource};
use brygga_store::StoreError;
use brygga_store::interview::InterviewRecord;
use brygga_store::pool::ProposalRecord;
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Id, Staff, WebError, form_errors, form_status};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/proposals/{id}/interview",
            get(interview_form).post(interview_book),
        )
        .route("/interviews/{id}", get(interview_page))
        .route("/interviews/{id}/outcome", post(interview_outcome))
        .route("/interviews/{id}/cancel", post(interview_cancel))
        .route("/interview-guide", get(guide_page))
}

/// The booking form as typed: attendees as parallel repeated fields (rows of a table).
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct BookingForm {
    starts_at: String,
    ends_at: String,
    location: String,
    meeting_link: String,
    notes: String,
    attendee_name: Vec<String>,
    attendee_email: Vec<String>,
    attendee_role: Vec<String>,
}

impl BookingForm {
    fn rows(&self) -> Vec<[String; 3]> {
        let n = self
            .attendee_name
            .len()
            .max(self.attendee_email.len())
            .max(self.attendee_role.len());
        let cell =
            |v: &[String], i: usize| v.get(i).map(|s| s.trim().to_string()).unwrap_or_default();
        (0..n)
            .map(|i| {
                [
                    cell(&self.attendee_name, i),
                    cell(&self.attendee_email, i),
                    cell(&self.attendee_role, i),
                ]
            })
            .collect()
    }

    fn draft(&self) -> InterviewDraft {
        InterviewDraft {
            starts_at: self.starts_at.clone(),
            ends_at: self.ends_at.clone(),
            location: self.location.clone(),
            meeting_link: self.meeting_link.clone(),
            notes: self.notes.clone(),
            attendees: self
                .rows()
                .into_iter()
                .filter(|r| r.iter().take(2).any(|c| !c.is_empty()))
                .collect(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "interview/form.html")]
struct InterviewFormPage {
    chrome: Chrome,
    proposal: ProposalRecord,
    form: BookingForm,
    errors: Errors,
    /// The viewer's role records the employment service's confirmation (the clearance page).
    may_clear: bool,
}

crate::http::page_chrome!(InterviewFormPage);

impl InterviewFormPage {
    /// The booking was refused for want of the employment service's confirmation.
    fn not_confirmed(&self) -> bool {
        self.errors.get("starts_at") == Some("pool-error-not-confirmed")
    }

    /// The typed rows and two blank ones for more attendees.
    fn rows(&self) -> Vec<[String; 3]> {
        let mut r: Vec<[String; 3]> = self
            .form
            .rows()
            .into_iter()
            .filter(|r| r.iter().take(2).any(|c| !c.is_empty()))
            .collect();
        r.extend((0..crate::http::form::BLANK_ROWS).map(|_| Default::default()));
        r
    }

    fn roles(&self) -> &'static [AttendeeRole] {
        AttendeeRole::ALL
    }

    fn role_key(&self, r: &AttendeeRole) -> String {
        r.label_key()
    }
}

fn render_booking(
    st: Staff,
    proposal: ProposalRecord,
    form: BookingForm,
    errors: Errors,
) -> Response {
    let status = form_status(&errors);
    let page = InterviewFormPage {
        may_clear: st.actor.may(Action::Create, Resource::Clearance),
        chrome: st.chrome,
        proposal,
        form,
        errors,
    };
    (status, page).into_response()
}

async fn interview_form(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Interview)?;
    let suggested = s
        .store
        .interview_attendee_suggestions(&st.actor, id)
        .await?;
    let proposal = s.store.proposal_get(&st.actor, id).await?;
    let form = BookingForm {
        attendee_name: suggested.iter().map(|a| a.name.clone()).collect(),
        attendee_email: suggested.iter().map(|a| a.email.clone()).collect(),
        attendee_role: suggested
            .iter()
            .map(|a| a.role.as_str().to_string())
            .collect(),
        ..Default::default()
    };
    Ok(render_booking(st, proposal, form, Errors::default()))
}

async fn interview_book(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<BookingForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Interview)?;
    let result =
        brygga_app::interview::book(&s, &st.actor, id, &f.draft(), st.chrome.i18n.lang).await;
    match result {
        Ok(interview) => {
            Ok(Redirect::to(&format!("/interviews/{interview}?booked=1")).into_response())
        }
        Err(e) => {
            let errors = form_errors(e)?;
            let proposal = s.store.proposal_get(&st.actor, id).await?;
            Ok(render_booking(st, proposal, f, errors))
        }
    }
}

// ------------------------------------------------------------------ one interview

#[derive(Deserialize, Default)]
#[serde(default)]
struct InterviewQuery {
    booked: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct OutcomeForm {
    version: String,
    outcome: String,
    outcome_note: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "interview/show.html")]
struct InterviewPage {
    chrome: Chrome,
    interview: InterviewRecord,
    booked: bool,
    can_update: bool,
    form: OutcomeForm,
    errors: Errors,
}

crate::http::page_chrome!(InterviewPage);

impl InterviewPage {
    fn starts(&self) -> String {
        brygga_app::interview::local_time(self.interview.starts_at)
    }
    fn ends(&self) -> String {
        brygga_app::interview::local_time(self.interview.ends_at)
    }
    fn pending(&self) -> bool {
        self.interview.outcome == InterviewOutcome::Pending
    }
    fn results(&self) -> Vec<InterviewOutcome> {
        InterviewOutcome::ALL
            .iter()
            .copied()
            .filter(|o| brygga_domain::interview::is_result(*o))
            .collect()
    }
    fn outcome_key(&self, o: &InterviewOutcome) -> String {
        o.label_key()
    }
    fn role_key(&self, r: &AttendeeRole) -> String {
        r.label_key()
    }
}

async fn render_interview(
    s: &AppState,
    st: Staff,
    id: i32,
    booked: bool,
    form: Option<OutcomeForm>,
    errors: Errors,
) -> Result<Response, WebError> {
    let interview = s.store.interview_get(&st.actor, id).await?;
    let form = form.unwrap_or_else(|| OutcomeForm {
        version: interview.version.to_string(),
        outcome: String::new(),
        outcome_note: interview.outcome_note.clone(),
    });
    let status = form_status(&errors);
    let page = InterviewPage {
        chrome: st.chrome,
        can_update: st.actor.may(Action::Update, Resource::Interview),
        interview,
        booked,
        form,
        errors,
    };
    Ok((status, page).into_response())
}

async fn interview_page(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Query(q): Query<InterviewQuery>,
) -> Result<Response, WebError> {
    render_interview(&s, st, id, q.booked.is_some(), None, Errors::default()).await
}

async fn interview_outcome(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<OutcomeForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Interview)?;
    let result = match (
        f.version.trim().parse::<i32>(),
        InterviewOutcome::parse(&f.outcome),
    ) {
        (Ok(version), Ok(outcome)) => {
            s.store
                .interview_outcome(&st.actor, id, version, outcome, &f.outcome_note)
                .await
        }
        _ => Err(StoreError::Invalid(brygga_domain::FieldErrors(vec![
            brygga_domain::FieldError::new("outcome", "pool-error-outcome"),
        ]))),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/interviews/{id}")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            render_interview(&s, st, id, false, Some(f), errors).await
        }
    }
}

async fn interview_cancel(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<OutcomeForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Interview)?;
    let result = match f.version.trim().parse::<i32>() {
        Ok(version) => {
            brygga_app::interview::cancel(&s, &st.actor, id, version, st.chrome.i18n.lang).await
        }
        Err(_) => Err(brygga_app::Error::Conflict),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/interviews/{id}")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            render_interview(&s, st, id, false, None, errors).await
        }
    }
}

// ------------------------------------------------------------------ the guide

#[derive(Template, WebTemplate)]
#[template(path = "interview/guide.html")]
struct GuidePage {
    chrome: Chrome,
}

crate::http::page_chrome!(GuidePage);

impl GuidePage {
    fn steps(&self) -> Vec<(String, String)> {
        brygga_app::interview::guide_steps(&self.i18n)
    }
}

async fn guide_page(st: Staff) -> GuidePage {
    GuidePage { chrome: st.chrome }
}
