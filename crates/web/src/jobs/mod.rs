//! The admin's page of the email queue: failed sends with their errors, retries, a test email.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use brygga_domain::model::JobStatus;
use brygga_store::jobs::{Job, JobFilter};
use brygga_store::{Page, StoreError};
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Staff, WebError, form_errors, form_status};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/jobs", get(job_list))
        .route("/admin/jobs/{id}/retry", post(job_retry))
        .route("/admin/jobs/test", post(job_test))
}

// ------------------------------------------------------------------ the admin's queue page

#[derive(Deserialize, Default)]
#[serde(default)]
struct JobQuery {
    status: String,
    page: Option<u64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "jobs/list.html")]
struct JobsPage {
    chrome: Chrome,
    /// The status filter as given ("" for all).
    status: String,
    statuses: &'static [JobStatus],
    page: Page<Job>,
    pages: u64,
    smtp_configured: bool,
    /// Where "send a test email" sends to: the admin's own address.
    own_address: String,
    errors: Errors,
}

crate::http::page_chrome!(JobsPage);

impl JobsPage {
    fn base_link(&self) -> String {
        format!(
            "/admin/jobs?status={}",
            crate::http::urlencode(&self.status)
        )
    }

    fn recipients(&self, job: &Job) -> String {
        job.email
            .as_ref()
            .map(|e| e.to.join(", "))
            .unwrap_or_default()
    }

    fn subject(&self, job: &Job) -> String {
        job.email
            .as_ref()
            .map(|e| e.subject.clone())
            .unwrap_or_default()
    }

    fn is_failed(&self, job: &Job) -> bool {
        job.status == JobStatus::Failed
    }

    /// The next try's time, for a job still waiting to be sent.
    fn next_run(&self, job: &Job) -> String {
        match job.status {
            JobStatus::Queued => job.run_at.format("%Y-%m-%d %H:%M:%S").to_string(),
            _ => String::new(),
        }
    }
}

async fn jobs_page(
    s: &AppState,
    st: Staff,
    q: JobQuery,
    errors: Errors,
) -> Result<Response, WebError> {
    let filter = JobFilter {
        status: JobStatus::parse(&q.status).ok(),
        page: q.page.unwrap_or(1),
    };
    let page = s.store.job_list(&st.actor, &filter).await?;
    let status = form_status(&errors);
    let view = JobsPage {
        pages: page.pages(),
        own_address: st.actor.email().to_string(),
        chrome: st.chrome,
        status: filter
            .status
            .map(|s| s.as_str().to_string())
            .unwrap_or_default(),
        statuses: JobStatus::ALL,
        page,
        smtp_configured: s.mail.smtp_url.is_some(),
        errors,
    };
    Ok((status, view).into_response())
}

async fn job_list(
    State(s): State<AppState>,
    st: Staff,
    Query(q): Query<JobQuery>,
) -> Result<Response, WebError> {
    jobs_page(&s, st, q, Errors::default()).await
}

async fn job_retry(
    State(s): State<AppState>,
    st: Staff,
    crate::http::Id(id): crate::http::Id,
) -> Result<Response, WebError> {
    match s.store.job_retry(&st.actor, id).await {
        // Already queued again or sent (a second click): the list shows where it is.
        Ok(()) | Err(StoreError::Conflict) => Ok(Redirect::to("/admin/jobs").into_response()),
        Err(e) => Err(e.into()),
    }
}

async fn job_test(State(s): State<AppState>, st: Staff) -> Result<Response, WebError> {
    match brygga_app::mail::send_test(&s, &st.actor, st.chrome.i18n).await {
        Ok(_) => Ok(Redirect::to("/admin/jobs").into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            jobs_page(&s, st, JobQuery::default(), errors).await
        }
    }
}
