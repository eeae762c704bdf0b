//! Participants: the list with search and filters, a participant's page, and the forms to
//! register and edit one.

pub mod api;
pub mod exit;
pub mod form;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use brygga_domain::model::{ConsentPurpose, EligibilityStatus};
use brygga_store::Page;
use brygga_store::org::Organisation;
use brygga_store::participant::{ParticipantFilter, ParticipantRecord, ParticipantSummary};
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Id, Lists, Staff, WebError, form_status, save};
use crate::participant::form::ParticipantForm;
use brygga_domain::policy::{Action, Relation, Resource};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/participants",
            get(participant_list).post(participant_create),
        )
        .route("/participants/new", get(participant_new))
        .route(
            "/participants/{id}",
            get(participant_show).post(participant_update),
        )
        .route("/participants/{id}/edit", get(participant_edit))
        .merge(exit::router())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ParticipantQuery {
    q: String,
    municipality_code: String,
    eligibility: String,
    page: Option<u64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "participant/list.html")]
struct ParticipantListPage {
    chrome: Chrome,
    lists: Lists,
    q: String,
    municipality_code: String,
    eligibility: String,
    page: Page<ParticipantSummary>,
    pages: u64,
    can_create: bool,
    /// Eligibility is the employment service's business: its column and filter only for those
    /// who may see it.
    show_eligibility: bool,
}

crate::http::page_chrome!(ParticipantListPage);

impl ParticipantListPage {
    fn base_link(&self) -> String {
        format!(
            "/participants?q={}&municipality_code={}&eligibility={}",
            crate::http::urlencode(&self.q),
            crate::http::urlencode(&self.municipality_code),
            crate::http::urlencode(&self.eligibility)
        )
    }
}

async fn participant_list(
    State(s): State<AppState>,
    st: Staff,
    Query(q): Query<ParticipantQuery>,
) -> Result<ParticipantListPage, WebError> {
    let filter = ParticipantFilter {
        q: q.q.clone(),
        municipality_code: q.municipality_code.clone(),
        programme_id: None,
        eligibility: EligibilityStatus::parse(&q.eligibility).ok(),
        page: q.page.unwrap_or(1),
    };
    let page = s.store.participant_list(&st.actor, &filter).await?;
    let can_create = st
        .actor
        .can(Action::Create, Resource::Participant, Relation::InOrgScope);
    Ok(ParticipantListPage {
        pages: page.pages(),
        chrome: st.chrome,
        lists: Lists::of(&s),
        q: q.q,
        municipality_code: q.municipality_code,
        eligibility: q.eligibility,
        page,
        can_create,
        show_eligibility: brygga_store::Store::may_filter_by_eligibility(&st.actor),
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "participant/show.html")]
struct ParticipantPage {
    chrome: Chrome,
    lists: Lists,
    p: ParticipantRecord,
    programme: String,
    can_match: bool,
    /// The staircase (done, now, next), for those who may see the journey.
    journey: Option<brygga_store::process::Journey>,
    /// The participant's login, for those who manage logins.
    logins: crate::user::invitation::Logins,
    /// For those who may read the schedule: the absences of the last 90 days.
    schedule: Option<usize>,
    /// The participant's courses, for those who may see them through the participant.
    enrolments: Option<Vec<brygga_store::course::ParticipantEnrolment>>,
    /// Her leaving of the programme, for those who may see it.
    exit: Option<brygga_store::exit::ExitRecord>,
}

crate::http::page_chrome!(ParticipantPage);

async fn participant_show(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<ParticipantPage, WebError> {
    // One audited read for the whole page, journey included.
    let (p, journey) = s.store.participant_view(&st.actor, id).await?;
    let programme = s
        .store
        .orgs(&st.actor)
        .await?
        .into_iter()
        .find(|o| o.id == p.programme_id)
        .map(|o| o.name)
        .unwrap_or_default();
    let can_match = brygga_app::matching::may_match(&st.actor);
    let logins = crate::user::invitation::Logins::of(
        &s,
        &st.actor,
        brygga_domain::account::InviteKind::Participant,
        &[p.id],
    )
    .await?;
    let since = brygga_app::today() - chrono::Days::new(90);
    let schedule = s.store.schedule_summary(&st.actor, id, since).await?;
    let enrolments = match s.store.enrolments_for_participant(&st.actor, id).await {
        Ok(e) => Some(e),
        Err(brygga_store::StoreError::Forbidden | brygga_store::StoreError::NotFound) => None,
        Err(e) => return Err(e.into()),
    };
    let exit = brygga_app::exit::of(&s, &st.actor, id).await?;
    Ok(ParticipantPage {
        chrome: st.chrome,
        lists: Lists::of(&s),
        p,
        programme,
        can_match,
        journey,
        logins,
        schedule,
        enrolments,
        exit,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "participant/form.html")]
struct ParticipantFormPage {
    chrome: Chrome,
    lists: Lists,
    /// `None` for a new participant.
    id: Option<i32>,
    form: ParticipantForm,
    errors: Errors,
    programmes: Vec<Organisation>,
    cohorts: Vec<Organisation>,
    show_special_needs: bool,
    /// Likely duplicates of the participant being registered, shown before it is created.
    duplicates: Vec<ParticipantSummary>,
}

crate::http::page_chrome!(ParticipantFormPage);

impl ParticipantFormPage {
    fn action(&self) -> String {
        match self.id {
            Some(id) => format!("/participants/{id}"),
            None => "/participants".into(),
        }
    }
}

async fn participant_form_page(
    s: &AppState,
    st: Staff,
    id: Option<i32>,
    form: ParticipantForm,
    errors: Errors,
    duplicates: Vec<ParticipantSummary>,
) -> Result<Response, WebError> {
    let (programmes, cohorts) = s
        .store
        .programmes_for(&st.actor)
        .await?
        .into_iter()
        .partition(|o| o.kind == brygga_domain::model::OrgKind::Programme);
    let show_special_needs = st.actor.can(
        Action::ReadSpecialNeeds,
        Resource::Participant,
        Relation::InOrgScope,
    );
    // Likely duplicates: nothing was created, as with an edit conflict.
    let status = if duplicates.is_empty() {
        form_status(&errors)
    } else {
        axum::http::StatusCode::CONFLICT
    };
    let page = ParticipantFormPage {
        chrome: st.chrome,
        lists: Lists::of(s),
        id,
        form,
        errors,
        programmes,
        cohorts,
        show_special_needs,
        duplicates,
    };
    Ok((status, page).into_response())
}

/// Optional starting values for a new participant (from an interest in the inbox).
#[derive(Deserialize, Default)]
#[serde(default)]
struct ParticipantPrefill {
    first_name: String,
    last_name: String,
    email: String,
    phone: String,
    interest: String,
}

async fn participant_new(
    State(s): State<AppState>,
    st: Staff,
    Query(pre): Query<ParticipantPrefill>,
) -> Result<Response, WebError> {
    if !st
        .actor
        .can(Action::Create, Resource::Participant, Relation::InOrgScope)
    {
        return Err(WebError::Forbidden);
    }
    let form = ParticipantForm {
        consents: vec![ConsentPurpose::Registry.as_str().into()],
        first_name: pre.first_name,
        last_name: pre.last_name,
        email: pre.email,
        phone: pre.phone,
        interest_id: pre.interest,
        create_key: crate::http::form::new_create_key(),
        ..Default::default()
    };
    participant_form_page(&s, st, None, form, Errors::default(), vec![]).await
}

async fn participant_create(
    State(s): State<AppState>,
    st: Staff,
    Form(form): Form<ParticipantForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Participant)?;
    let draft = form.to_draft().validate(&s.refdata, brygga_app::today());
    let interest = form.interest_id.trim().parse::<i32>().ok();
    let confirmed = !form.confirm_duplicate.trim().is_empty();
    let mut duplicates = vec![];
    let result = save(draft, async |input| {
        s.store
            .create_once(&st.actor, "participant", &form.create_key, async || {
                // Checked inside the once-only create, so that a form sent twice after it was
                // saved finds the one it made rather than warning about it.
                if !confirmed {
                    duplicates = s.store.participant_duplicates(&st.actor, &input).await?;
                    if !duplicates.is_empty() {
                        return Err(brygga_store::StoreError::Conflict);
                    }
                }
                s.store
                    .participant_create_from(&st.actor, &input, interest)
                    .await
            })
            .await
            .map(brygga_store::idempotency::Once::id)
    })
    .await;
    if !duplicates.is_empty() {
        return participant_form_page(&s, st, None, form, Errors::default(), duplicates).await;
    }
    match crate::http::form::saved_or_errors(result, "/participants")? {
        Ok(done) => Ok(done),
        Err(errors) => participant_form_page(&s, st, None, form, errors, vec![]).await,
    }
}

async fn participant_edit(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    let p = s.store.participant_get(&st.actor, id).await?;
    // A form the actor could not save is not opened (what was typed would be lost).
    if !p.may_edit {
        return Err(WebError::Forbidden);
    }
    let form = ParticipantForm::from_draft(&p.to_draft(), p.version);
    participant_form_page(&s, st, Some(id), form, Errors::default(), vec![]).await
}

async fn participant_update(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(form): Form<ParticipantForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Participant)?;
    let version = form.version.trim().parse::<i32>().unwrap_or(0);
    let draft = form.to_draft().validate(&s.refdata, brygga_app::today());
    let result = save(draft, async |input| {
        s.store
            .participant_update(&st.actor, id, version, &input)
            .await
            .map(|()| id)
    })
    .await;
    match crate::http::form::saved_or_errors(result, "/participants")? {
        Ok(done) => Ok(done),
        Err(errors) => participant_form_page(&s, st, Some(id), form, errors, vec![]).await,
    }
}
