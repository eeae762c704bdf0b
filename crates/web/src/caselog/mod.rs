//! The case log: a participant's entries by the coordinating function, append-only with
//! corrections, readable only by the coordinators in scope (every read audited).

pub mod api;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use brygga_domain::caselog::{CaseLogDraft, CaseLogKind, NeedTopic, ReferralTarget};
use brygga_domain::policy::{Action, Resource};
use brygga_store::caselog::CaseLog;
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Id, Staff, WebError, form_errors, form_status};

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/participants/{id}/caselog",
        get(caselog_page).post(caselog_add),
    )
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct EntryForm {
    entry_date: String,
    kind: String,
    topic: String,
    referral: String,
    text: String,
    corrects_id: String,
    create_key: String,
}

impl EntryForm {
    fn fresh() -> Self {
        EntryForm {
            entry_date: brygga_app::today().to_string(),
            create_key: crate::http::form::new_create_key(),
            ..Default::default()
        }
    }

    fn draft(&self) -> CaseLogDraft {
        CaseLogDraft {
            entry_date: self.entry_date.clone(),
            kind: self.kind.clone(),
            topic: self.topic.clone(),
            referral: self.referral.clone(),
            text: self.text.clone(),
            corrects_id: self.corrects_id.clone(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "caselog/show.html")]
struct CaseLogPage {
    chrome: Chrome,
    log: CaseLog,
    form: EntryForm,
    errors: Errors,
}

crate::http::page_chrome!(CaseLogPage);

impl CaseLogPage {
    fn kinds(&self) -> &'static [CaseLogKind] {
        CaseLogKind::ALL
    }
    fn topics(&self) -> &'static [NeedTopic] {
        NeedTopic::ALL
    }
    fn referrals(&self) -> &'static [ReferralTarget] {
        ReferralTarget::ALL
    }
    fn corrects_selected(&self, id: impl std::fmt::Display) -> bool {
        self.form.corrects_id.trim() == id.to_string()
    }
}

async fn render(
    s: &AppState,
    st: Staff,
    id: i32,
    form: EntryForm,
    errors: Errors,
) -> Result<Response, WebError> {
    let log = s.store.caselog_get(&st.actor, id).await?;
    let status = form_status(&errors);
    let page = CaseLogPage {
        chrome: st.chrome,
        log,
        form,
        errors,
    };
    Ok((status, page).into_response())
}

async fn caselog_page(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    st.require(Action::Read, Resource::CaseLog)?;
    render(&s, st, id, EntryForm::fresh(), Errors::default()).await
}

async fn caselog_add(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<EntryForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::CaseLog)?;
    let draft = f.draft();
    let result = s
        .store
        .create_once(&st.actor, "case_log", &f.create_key, async || {
            brygga_app::caselog::add(&s, &st.actor, id, &draft)
                .await
                .map_err(crate::meeting::to_store)
        })
        .await;
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/participants/{id}/caselog")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            render(&s, st, id, f, errors).await
        }
    }
}
