//! Placements: the list, a placement's page (the ad and its requirement profile), and the forms.

pub mod api;
pub mod form;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use brygga_domain::model::PlacementStatus;
use brygga_store::Page;
use brygga_store::placement::{PlacementFilter, PlacementRecord, PlacementSummary};
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Id, Lists, Staff, WebError, form_status, save};
use crate::placement::form::PlacementForm;
use brygga_domain::policy::{Action, Relation, Resource};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/placements", get(placement_list).post(placement_create))
        .route("/placements/new", get(placement_new))
        .route(
            "/placements/{id}",
            get(placement_show).post(placement_update),
        )
        .route("/placements/{id}/edit", get(placement_edit))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PlacementQuery {
    q: String,
    status: String,
    municipality_code: String,
    page: Option<u64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "placement/list.html")]
struct PlacementListPage {
    chrome: Chrome,
    lists: Lists,
    q: String,
    status: String,
    municipality_code: String,
    page: Page<PlacementSummary>,
    pages: u64,
    can_create: bool,
}

crate::http::page_chrome!(PlacementListPage);

impl PlacementListPage {
    fn base_link(&self) -> String {
        format!(
            "/placements?q={}&status={}&municipality_code={}",
            crate::http::urlencode(&self.q),
            crate::http::urlencode(&self.status),
            crate::http::urlencode(&self.municipality_code)
        )
    }
}

async fn placement_list(
    State(s): State<AppState>,
    st: Staff,
    Query(q): Query<PlacementQuery>,
) -> Result<PlacementListPage, WebError> {
    let filter = PlacementFilter {
        q: q.q.clone(),
        status: PlacementStatus::parse(&q.status).ok(),
        municipality_code: q.municipality_code.clone(),
        employer_id: None,
        page: q.page.unwrap_or(1),
    };
    let page = s.store.placement_list(&st.actor, &filter).await?;
    let rel = if st.actor.employer_id().is_some() {
        Relation::OwnEmployer
    } else {
        Relation::Unrelated
    };
    let can_create = st.actor.can(Action::Create, Resource::Placement, rel);
    Ok(PlacementListPage {
        pages: page.pages(),
        chrome: st.chrome,
        lists: Lists::of(&s),
        q: q.q,
        status: q.status,
        municipality_code: q.municipality_code,
        page,
        can_create,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "placement/show.html")]
struct PlacementPage {
    chrome: Chrome,
    lists: Lists,
    p: PlacementRecord,
    can_match: bool,
}

crate::http::page_chrome!(PlacementPage);

async fn placement_show(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<PlacementPage, WebError> {
    let p = s.store.placement_get(&st.actor, id).await?;
    let can_match = brygga_app::matching::may_match(&st.actor);
    Ok(PlacementPage {
        chrome: st.chrome,
        lists: Lists::of(&s),
        p,
        can_match,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "placement/form.html")]
struct PlacementFormPage {
    chrome: Chrome,
    lists: Lists,
    id: Option<i32>,
    form: PlacementForm,
    errors: Errors,
    employers: Vec<(i32, String)>,
    /// The statuses the actor may save with (the policy's `placement_status_after`).
    statuses: Vec<PlacementStatus>,
}

crate::http::page_chrome!(PlacementFormPage);

impl PlacementFormPage {
    fn action(&self) -> String {
        match self.id {
            Some(id) => format!("/placements/{id}"),
            None => "/placements".into(),
        }
    }
}

async fn placement_form_page(
    s: &AppState,
    st: Staff,
    id: Option<i32>,
    mut form: PlacementForm,
    errors: Errors,
) -> Result<Response, WebError> {
    let statuses = match id {
        Some(id) => s.store.placement_get(&st.actor, id).await?.status_choices,
        None => brygga_store::placement::status_choices(&st.actor, None),
    };
    // A status the actor may not keep (an employer's published placement) preselects the one a
    // save would give it: back to review.
    if !statuses.iter().any(|x| x.as_str() == form.status) {
        let wanted = PlacementStatus::parse(&form.status).unwrap_or(PlacementStatus::Draft);
        let from = PlacementStatus::parse(&form.status)
            .ok()
            .filter(|_| id.is_some());
        if let Some(next) =
            brygga_domain::policy::placement_status_after(st.actor.role(), from, wanted)
        {
            form.status = next.as_str().into();
        }
    }
    let employers = s.store.employer_names(&st.actor).await?;
    let status = form_status(&errors);
    Ok((
        status,
        PlacementFormPage {
            chrome: st.chrome,
            lists: Lists::of(s),
            id,
            form,
            errors,
            employers,
            statuses,
        },
    )
        .into_response())
}

async fn placement_new(State(s): State<AppState>, st: Staff) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Placement)?;
    let form = PlacementForm {
        employer_id: st
            .actor
            .employer_id()
            .map(|e| e.to_string())
            .unwrap_or_default(),
        min_swedish: "A2".into(),
        days_per_week: "5".into(),
        hours_per_week: "40".into(),
        places: "1".into(),
        create_key: crate::http::form::new_create_key(),
        ..Default::default()
    };
    placement_form_page(&s, st, None, form, Errors::default()).await
}

async fn placement_create(
    State(s): State<AppState>,
    st: Staff,
    Form(form): Form<PlacementForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Placement)?;
    let draft = form.to_draft().validate(&s.refdata);
    let result = save(draft, async |input| {
        s.store
            .create_once(&st.actor, "placement", &form.create_key, async || {
                s.store.placement_create(&st.actor, &input).await
            })
            .await
            .map(brygga_store::idempotency::Once::id)
    })
    .await;
    match crate::http::form::saved_or_errors(result, "/placements")? {
        Ok(done) => Ok(done),
        Err(errors) => placement_form_page(&s, st, None, form, errors).await,
    }
}

async fn placement_edit(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    let p = s.store.placement_get(&st.actor, id).await?;
    if !p.may_edit {
        return Err(WebError::Forbidden);
    }
    let form = PlacementForm::from_draft(&p.to_draft(), p.version);
    placement_form_page(&s, st, Some(id), form, Errors::default()).await
}

async fn placement_update(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(form): Form<PlacementForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Placement)?;
    let version = form.version.trim().parse::<i32>().unwrap_or(0);
    let draft = form.to_draft().validate(&s.refdata);
    let result = save(draft, async |input| {
        s.store
            .placement_update(&st.actor, id, version, &input)
            .await
            .map(|()| id)
    })
    .await;
    match crate::http::form::saved_or_errors(result, "/placements")? {
        Ok(done) => Ok(done),
        Err(errors) => placement_form_page(&s, st, Some(id), form, errors).await,
    }
}
