//! Employers: the list, an employer's page with units, contacts and supervisors, and the forms.

pub mod api;
pub mod form;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use brygga_domain::model::Sector;
use brygga_store::employer::{EmployerFilter, EmployerRecord, EmployerSummary};
use brygga_store::placement::{PlacementFilter, PlacementSummary};
use brygga_store::{Page, StoreError};
use serde::Deserialize;

use crate::AppState;
use crate::employer::form::EmployerForm;
use crate::http::{Chrome, Errors, Id, Lists, Staff, WebError, form_status, save};
use brygga_domain::policy::{Action, Relation, Resource};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/employers", get(employer_list).post(employer_create))
        .route("/employers/new", get(employer_new))
        .route("/employers/{id}", get(employer_show).post(employer_update))
        .route("/employers/{id}/edit", get(employer_edit))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct EmployerQuery {
    q: String,
    sector: String,
    page: Option<u64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "employer/list.html")]
struct EmployerListPage {
    chrome: Chrome,
    lists: Lists,
    q: String,
    sector: String,
    page: Page<EmployerSummary>,
    pages: u64,
    can_create: bool,
}

crate::http::page_chrome!(EmployerListPage);

impl EmployerListPage {
    fn base_link(&self) -> String {
        format!(
            "/employers?q={}&sector={}",
            crate::http::urlencode(&self.q),
            crate::http::urlencode(&self.sector)
        )
    }
}

fn can(
    st: &Staff,
    action: brygga_domain::policy::Action,
    r: brygga_domain::policy::Resource,
) -> bool {
    st.actor.can(action, r, Relation::Unrelated)
}

async fn employer_list(
    State(s): State<AppState>,
    st: Staff,
    Query(q): Query<EmployerQuery>,
) -> Result<EmployerListPage, WebError> {
    let filter = EmployerFilter {
        q: q.q.clone(),
        sector: Sector::parse(&q.sector).ok(),
        page: q.page.unwrap_or(1),
    };
    let page = s.store.employer_list(&st.actor, &filter).await?;
    let can_create = can(&st, Action::Create, Resource::Employer);
    Ok(EmployerListPage {
        pages: page.pages(),
        chrome: st.chrome,
        lists: Lists::of(&s),
        q: q.q,
        sector: q.sector,
        page,
        can_create,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "employer/show.html")]
struct EmployerPage {
    chrome: Chrome,
    lists: Lists,
    e: EmployerRecord,
    placements: Vec<PlacementSummary>,
    /// Whether the agreements page would open (the policy's list scope over agreements).
    can_agreements: bool,
    /// The logins of the supervisors and contacts, for those who manage logins.
    supervisor_logins: crate::user::invitation::Logins,
    contact_logins: crate::user::invitation::Logins,
}

crate::http::page_chrome!(EmployerPage);

async fn employer_show(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<EmployerPage, WebError> {
    let e = s.store.employer_get(&st.actor, id).await?;
    let placements = match s
        .store
        .placement_list(
            &st.actor,
            &PlacementFilter {
                employer_id: Some(id),
                page: 1,
                ..Default::default()
            },
        )
        .await
    {
        Ok(p) => p.items,
        Err(StoreError::Forbidden) => vec![],
        Err(e) => return Err(e.into()),
    };
    let can_agreements = st.actor.may(Action::List, Resource::Agreement);
    use crate::user::invitation::Logins;
    use brygga_domain::account::InviteKind;
    let ids: Vec<i32> = e.supervisors.iter().map(|x| x.id).collect();
    let supervisor_logins = Logins::of(&s, &st.actor, InviteKind::Supervisor, &ids).await?;
    let ids: Vec<i32> = e.contacts.iter().map(|x| x.id).collect();
    let contact_logins = Logins::of(&s, &st.actor, InviteKind::EmployerContact, &ids).await?;
    Ok(EmployerPage {
        chrome: st.chrome,
        lists: Lists::of(&s),
        e,
        placements,
        can_agreements,
        supervisor_logins,
        contact_logins,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "employer/form.html")]
struct EmployerFormPage {
    chrome: Chrome,
    lists: Lists,
    id: Option<i32>,
    form: EmployerForm,
    errors: Errors,
    /// Whether the actor may record the agreement status and supervisors' training.
    may_approve: bool,
}

crate::http::page_chrome!(EmployerFormPage);

impl EmployerFormPage {
    fn action(&self) -> String {
        match self.id {
            Some(id) => format!("/employers/{id}"),
            None => "/employers".into(),
        }
    }
}

fn employer_form_page(
    s: &AppState,
    st: Staff,
    id: Option<i32>,
    form: EmployerForm,
    errors: Errors,
) -> Response {
    let status = form_status(&errors);
    let may_approve = can(&st, Action::Approve, Resource::Employer);
    (
        status,
        EmployerFormPage {
            chrome: st.chrome,
            lists: Lists::of(s),
            id,
            form,
            errors,
            may_approve,
        },
    )
        .into_response()
}

async fn employer_new(State(s): State<AppState>, st: Staff) -> Result<Response, WebError> {
    if !can(&st, Action::Create, Resource::Employer) {
        return Err(WebError::Forbidden);
    }
    Ok(employer_form_page(
        &s,
        st,
        None,
        EmployerForm::default(),
        Errors::default(),
    ))
}

async fn employer_create(
    State(s): State<AppState>,
    st: Staff,
    Form(form): Form<EmployerForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Employer)?;
    let draft = form.to_draft().validate(&s.refdata, brygga_app::today());
    let result = save(draft, async |input| {
        s.store.employer_create(&st.actor, &input).await
    })
    .await;
    match crate::http::form::saved_or_errors(result, "/employers")? {
        Ok(done) => Ok(done),
        Err(errors) => Ok(employer_form_page(&s, st, None, form, errors)),
    }
}

async fn employer_edit(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    let e = s.store.employer_get(&st.actor, id).await?;
    if !e.may_edit {
        return Err(WebError::Forbidden);
    }
    Ok(employer_form_page(
        &s,
        st,
        Some(id),
        EmployerForm::from_draft(&e.to_draft(), e.version),
        Errors::default(),
    ))
}

async fn employer_update(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(form): Form<EmployerForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Employer)?;
    let version = form.version.trim().parse::<i32>().unwrap_or(0);
    let draft = form.to_draft().validate(&s.refdata, brygga_app::today());
    let result = save(draft, async |input| {
        s.store
            .employer_update(&st.actor, id, version, &input)
            .await
            .map(|()| id)
    })
    .await;
    match crate::http::form::saved_or_errors(result, "/employers")? {
        Ok(done) => Ok(done),
        Err(errors) => Ok(employer_form_page(&s, st, Some(id), form, errors)),
    }
}
