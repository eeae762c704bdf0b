//! The coordinators' inbox of interest from the portal; registering a candidate opens the
//! participant form prefilled.

pub mod api;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use brygga_domain::interest::InterestUpdateDraft;
use brygga_domain::model::InterestStatus;
use brygga_domain::policy::{Action, Resource};
use brygga_store::Page;
use brygga_store::interest::{InterestFilter, InterestRecord, InterestSummary};
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Id, Staff, WebError, form_status, save, urlencode};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/inbox", get(inbox_list))
        .route("/inbox/{id}", get(inbox_show).post(inbox_update))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct InboxQuery {
    status: String,
    page: Option<u64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "inbox/list.html")]
struct InboxListPage {
    chrome: Chrome,
    status: String,
    statuses: &'static [InterestStatus],
    page: Page<InterestSummary>,
    pages: u64,
}

crate::http::page_chrome!(InboxListPage);

impl InboxListPage {
    fn base_link(&self) -> String {
        format!("/inbox?status={}", urlencode(&self.status))
    }
}

async fn inbox_list(
    State(s): State<AppState>,
    st: Staff,
    Query(q): Query<InboxQuery>,
) -> Result<InboxListPage, WebError> {
    let filter = InterestFilter {
        status: InterestStatus::parse(&q.status).ok(),
        page: q.page.unwrap_or(1),
    };
    let page = s.store.interest_list(&st.actor, &filter).await?;
    Ok(InboxListPage {
        pages: page.pages(),
        chrome: st.chrome,
        status: q.status,
        statuses: InterestStatus::ALL,
        page,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "inbox/show.html")]
struct InboxShowPage {
    chrome: Chrome,
    i: InterestRecord,
    can_update: bool,
    can_register: bool,
    form: InterestUpdateDraft,
    errors: Errors,
}

crate::http::page_chrome!(InboxShowPage);

impl InboxShowPage {
    /// The new-participant form with what the candidate typed.
    fn register_link(&self) -> String {
        let (first, last) = match self.i.name.trim().rsplit_once(' ') {
            Some((f, l)) => (f.trim(), l.trim()),
            None => (self.i.name.trim(), ""),
        };
        format!(
            "/participants/new?first_name={}&last_name={}&email={}&phone={}&interest={}",
            urlencode(first),
            urlencode(last),
            urlencode(&self.i.email),
            urlencode(&self.i.phone),
            self.i.id
        )
    }

    fn choices(&self) -> Vec<InterestStatus> {
        InterestStatus::ALL
            .iter()
            .copied()
            .filter(|s| *s != InterestStatus::New)
            .collect()
    }
}

async fn inbox_page(
    s: &AppState,
    st: Staff,
    id: i32,
    form: Option<InterestUpdateDraft>,
    errors: Errors,
) -> Result<Response, WebError> {
    let i = s.store.interest_get(&st.actor, id).await?;
    let form = form.unwrap_or_else(|| InterestUpdateDraft {
        status: match i.status {
            InterestStatus::New => InterestStatus::Handled.as_str().into(),
            other => other.as_str().into(),
        },
        participant_id: i.participant_id.map(|p| p.to_string()).unwrap_or_default(),
    });
    let status = form_status(&errors);
    let page = InboxShowPage {
        can_update: st.actor.may(Action::Update, Resource::Interest),
        can_register: st.actor.may(Action::Create, Resource::Participant),
        chrome: st.chrome,
        i,
        form,
        errors,
    };
    Ok((status, page).into_response())
}

async fn inbox_show(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    inbox_page(&s, st, id, None, Errors::default()).await
}

async fn inbox_update(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<InterestUpdateDraft>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Interest)?;
    let result = save(f.validate(), async |u| {
        s.store.interest_update(&st.actor, id, &u).await
    })
    .await;
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/inbox/{id}")).into_response()),
        Err(brygga_app::Error::Invalid(e)) => {
            inbox_page(&s, st, id, Some(f), Errors::from(e)).await
        }
        Err(e) => Err(e.into()),
    }
}
