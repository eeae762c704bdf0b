//! The HTML pages: overview, participants, employers, placements, audit log.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use brygga_domain::model::{
    Accommodation, AgreementStatus, ConsentPurpose, DrivingLicence, EducationLevel,
    EligibilityStatus, PlacementStatus, Sector, TrainingStatus, Weekday,
};
use brygga_domain::refdata::{Municipality, RefData, SsykGroup};
use brygga_domain::values::{Cefr, Gender, SfiCourse};
use brygga_store::audit::AuditFilter;
use brygga_store::employer::{EmployerFilter, EmployerRecord, EmployerSummary};
use brygga_store::org::Organisation;
use brygga_store::participant::{ParticipantFilter, ParticipantRecord, ParticipantSummary};
use brygga_store::placement::{PlacementFilter, PlacementRecord, PlacementSummary};
use brygga_store::{Page, StoreError};
use serde::Deserialize;

use crate::AppState;
use crate::auth::{Staff, UserInfo};
use crate::error::{Id, WebError};
use crate::forms::{EmployerForm, Errors, ParticipantForm, PlacementForm};
use crate::i18n::I18n;
use brygga_domain::FieldErrors;
use brygga_domain::policy::{Action, Relation, Resource};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
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
        .route("/employers", get(employer_list).post(employer_create))
        .route("/employers/new", get(employer_new))
        .route("/employers/{id}", get(employer_show).post(employer_update))
        .route("/employers/{id}/edit", get(employer_edit))
        .route("/placements", get(placement_list).post(placement_create))
        .route("/placements/new", get(placement_new))
        .route(
            "/placements/{id}",
            get(placement_show).post(placement_update),
        )
        .route("/placements/{id}/edit", get(placement_edit))
        .route("/audit", get(audit_list))
}

/// Pick lists shared by the forms (reference data from the repository).
#[derive(Clone)]
pub struct Lists {
    pub refdata: Arc<RefData>,
}

impl Lists {
    pub fn municipalities(&self) -> &[Municipality] {
        &self.refdata.municipalities
    }
    pub fn occupations(&self) -> Vec<&SsykGroup> {
        self.refdata.ssyk_unit_groups().collect()
    }
    pub fn municipality_name(&self, code: &str) -> String {
        self.refdata
            .municipality(code)
            .map(|m| m.name.clone())
            .unwrap_or_else(|| code.to_string())
    }
    pub fn occupation_name(&self, code: &str, i18n: &I18n) -> String {
        match self.refdata.ssyk_group(code) {
            Some(g) if i18n.lang == crate::i18n::Lang::En => format!("{} {}", g.code, g.name_en),
            Some(g) => format!("{} {}", g.code, g.name_sv),
            None => code.to_string(),
        }
    }
    pub fn cefr(&self) -> &'static [Cefr] {
        Cefr::ALL
    }
    pub fn sfi(&self) -> &'static [SfiCourse] {
        SfiCourse::ALL
    }
    pub fn genders(&self) -> &'static [Gender] {
        Gender::ALL
    }
    pub fn education_levels(&self) -> &'static [EducationLevel] {
        EducationLevel::ALL
    }
    pub fn licences(&self) -> &'static [DrivingLicence] {
        DrivingLicence::ALL
    }
    pub fn weekdays(&self) -> &'static [Weekday] {
        Weekday::ALL
    }
    pub fn eligibilities(&self) -> &'static [EligibilityStatus] {
        EligibilityStatus::ALL
    }
    pub fn consent_purposes(&self) -> &'static [ConsentPurpose] {
        ConsentPurpose::ALL
    }
    pub fn sectors(&self) -> &'static [Sector] {
        Sector::ALL
    }
    pub fn agreement_statuses(&self) -> &'static [AgreementStatus] {
        AgreementStatus::ALL
    }
    pub fn training_statuses(&self) -> &'static [TrainingStatus] {
        TrainingStatus::ALL
    }
    pub fn placement_statuses(&self) -> &'static [PlacementStatus] {
        PlacementStatus::ALL
    }
    pub fn accommodations(&self) -> &'static [Accommodation] {
        Accommodation::ALL
    }
}

fn lists(s: &AppState) -> Lists {
    Lists {
        refdata: s.refdata.clone(),
    }
}

/// The status a re-rendered form answers with.
pub(crate) fn form_status(errors: &Errors) -> StatusCode {
    match errors.form {
        Some("error-conflict") => StatusCode::CONFLICT,
        _ if errors.is_empty() => StatusCode::OK,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// Validation and conflicts go back to the form; everything else is an error page.
pub(crate) fn form_errors(e: StoreError) -> Result<Errors, WebError> {
    match e {
        StoreError::Invalid(fe) => Ok(Errors::from(fe)),
        StoreError::Conflict => Ok(Errors::form("error-conflict")),
        other => Err(other.into()),
    }
}

/// Run a store write on validated input; invalid input becomes the same error the store gives.
pub(crate) async fn save<I, T>(
    draft: Result<I, FieldErrors>,
    write: impl AsyncFnOnce(I) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    match draft {
        Ok(input) => write(input).await,
        Err(e) => Err(StoreError::Invalid(e)),
    }
}

/// After a save: to the record's page, or back to the form with its errors.
fn outcome(
    result: Result<i32, StoreError>,
    collection: &str,
) -> Result<Result<Response, Errors>, WebError> {
    match result {
        Ok(id) => Ok(Ok(
            Redirect::to(&format!("{collection}/{id}")).into_response()
        )),
        Err(e) => form_errors(e).map(Err),
    }
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn pages_of<T>(p: &Page<T>) -> u64 {
    p.pages()
}

// ------------------------------------------------------------------ overview

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
struct HomePage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    participants: Option<u64>,
    employers: Option<u64>,
    placements_published: u64,
}

async fn home(State(s): State<AppState>, st: Staff) -> Result<HomePage, WebError> {
    let participants = match s
        .store
        .participant_list(&st.actor, &ParticipantFilter::default())
        .await
    {
        Ok(p) => Some(p.total),
        Err(StoreError::Forbidden) => None,
        Err(e) => return Err(e.into()),
    };
    let employers = match s
        .store
        .employer_list(&st.actor, &EmployerFilter::default())
        .await
    {
        Ok(p) => Some(p.total),
        Err(StoreError::Forbidden) => None,
        Err(e) => return Err(e.into()),
    };
    let placements_published = match s
        .store
        .placement_count(&st.actor, PlacementStatus::Published)
        .await
    {
        Ok(n) => n,
        Err(StoreError::Forbidden) => 0,
        Err(e) => return Err(e.into()),
    };
    Ok(HomePage {
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        participants,
        employers,
        placements_published,
    })
}

// ------------------------------------------------------------------ participants

#[derive(Deserialize, Default)]
#[serde(default)]
struct ParticipantQuery {
    q: String,
    municipality_code: String,
    eligibility: String,
    page: Option<u64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "participants.html")]
struct ParticipantListPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    lists: Lists,
    q: String,
    municipality_code: String,
    eligibility: String,
    page: Page<ParticipantSummary>,
    pages: u64,
    can_create: bool,
}

impl ParticipantListPage {
    fn base_link(&self) -> String {
        format!(
            "/participants?q={}&municipality_code={}&eligibility={}",
            crate::auth::urlencode(&self.q),
            crate::auth::urlencode(&self.municipality_code),
            crate::auth::urlencode(&self.eligibility)
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
        pages: pages_of(&page),
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        lists: lists(&s),
        q: q.q,
        municipality_code: q.municipality_code,
        eligibility: q.eligibility,
        page,
        can_create,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "participant.html")]
struct ParticipantPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    lists: Lists,
    p: ParticipantRecord,
    programme: String,
    can_edit: bool,
    can_match: bool,
    /// The staircase (done, now, next), for those who may see the journey.
    journey: Option<brygga_store::process::Journey>,
}

async fn participant_show(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<ParticipantPage, WebError> {
    let p = s.store.participant_get(&st.actor, id).await?;
    let programme = s
        .store
        .orgs(&st.actor)
        .await?
        .into_iter()
        .find(|o| o.id == p.programme_id)
        .map(|o| o.name)
        .unwrap_or_default();
    let rel = if st.actor.in_org_scope(p.programme_id) {
        Relation::InOrgScope
    } else {
        Relation::Unrelated
    };
    let can_edit = st.actor.can(Action::Update, Resource::Participant, rel);
    let can_match = crate::matching::may_match(&st.actor);
    let journey = match s.store.journey(&st.actor, id).await {
        Ok(j) => Some(j),
        Err(StoreError::NotFound | StoreError::Forbidden) => None,
        Err(e) => return Err(e.into()),
    };
    Ok(ParticipantPage {
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        lists: lists(&s),
        p,
        programme,
        can_edit,
        can_match,
        journey,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "participant_form.html")]
struct ParticipantFormPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    lists: Lists,
    /// `None` for a new participant.
    id: Option<i32>,
    form: ParticipantForm,
    errors: Errors,
    programmes: Vec<Organisation>,
    cohorts: Vec<Organisation>,
    show_special_needs: bool,
}

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
    let status = form_status(&errors);
    let page = ParticipantFormPage {
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        lists: lists(s),
        id,
        form,
        errors,
        programmes,
        cohorts,
        show_special_needs,
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
        ..Default::default()
    };
    participant_form_page(&s, st, None, form, Errors::default()).await
}

async fn participant_create(
    State(s): State<AppState>,
    st: Staff,
    Form(form): Form<ParticipantForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Participant)?;
    let draft = form.to_draft().validate(&s.refdata, today());
    let interest = form.interest_id.trim().parse::<i32>().ok();
    let result = save(draft, async |input| {
        s.store
            .participant_create_from(&st.actor, &input, interest)
            .await
    })
    .await;
    match outcome(result, "/participants")? {
        Ok(done) => Ok(done),
        Err(errors) => participant_form_page(&s, st, None, form, errors).await,
    }
}

async fn participant_edit(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    let p = s.store.participant_get(&st.actor, id).await?;
    let form = ParticipantForm::from_draft(&p.to_draft(), p.version);
    participant_form_page(&s, st, Some(id), form, Errors::default()).await
}

async fn participant_update(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(form): Form<ParticipantForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Participant)?;
    let version = form.version.trim().parse::<i32>().unwrap_or(0);
    let draft = form.to_draft().validate(&s.refdata, today());
    let result = save(draft, async |input| {
        s.store
            .participant_update(&st.actor, id, version, &input)
            .await
            .map(|()| id)
    })
    .await;
    match outcome(result, "/participants")? {
        Ok(done) => Ok(done),
        Err(errors) => participant_form_page(&s, st, Some(id), form, errors).await,
    }
}

// ------------------------------------------------------------------ employers

#[derive(Deserialize, Default)]
#[serde(default)]
struct EmployerQuery {
    q: String,
    sector: String,
    page: Option<u64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "employers.html")]
struct EmployerListPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    lists: Lists,
    q: String,
    sector: String,
    page: Page<EmployerSummary>,
    pages: u64,
    can_create: bool,
}

impl EmployerListPage {
    fn base_link(&self) -> String {
        format!(
            "/employers?q={}&sector={}",
            crate::auth::urlencode(&self.q),
            crate::auth::urlencode(&self.sector)
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
        pages: pages_of(&page),
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        lists: lists(&s),
        q: q.q,
        sector: q.sector,
        page,
        can_create,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "employer.html")]
struct EmployerPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    lists: Lists,
    e: EmployerRecord,
    placements: Vec<PlacementSummary>,
    can_edit: bool,
}

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
    let rel = if st.actor.employer_id() == Some(id) {
        Relation::OwnEmployer
    } else {
        Relation::Unrelated
    };
    let can_edit = st.actor.can(Action::Update, Resource::Employer, rel);
    Ok(EmployerPage {
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        lists: lists(&s),
        e,
        placements,
        can_edit,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "employer_form.html")]
struct EmployerFormPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    lists: Lists,
    id: Option<i32>,
    form: EmployerForm,
    errors: Errors,
}

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
    (
        status,
        EmployerFormPage {
            i18n: st.i18n,
            user: Some(st.info),
            csrf: st.csrf,
            lists: lists(s),
            id,
            form,
            errors,
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
    let draft = form.to_draft().validate(&s.refdata, today());
    let result = save(draft, async |input| {
        s.store.employer_create(&st.actor, &input).await
    })
    .await;
    match outcome(result, "/employers")? {
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
    let draft = form.to_draft().validate(&s.refdata, today());
    let result = save(draft, async |input| {
        s.store
            .employer_update(&st.actor, id, version, &input)
            .await
            .map(|()| id)
    })
    .await;
    match outcome(result, "/employers")? {
        Ok(done) => Ok(done),
        Err(errors) => Ok(employer_form_page(&s, st, Some(id), form, errors)),
    }
}

// ------------------------------------------------------------------ placements

#[derive(Deserialize, Default)]
#[serde(default)]
struct PlacementQuery {
    q: String,
    status: String,
    municipality_code: String,
    page: Option<u64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "placements.html")]
struct PlacementListPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    lists: Lists,
    q: String,
    status: String,
    municipality_code: String,
    page: Page<PlacementSummary>,
    pages: u64,
    can_create: bool,
}

impl PlacementListPage {
    fn base_link(&self) -> String {
        format!(
            "/placements?q={}&status={}&municipality_code={}",
            crate::auth::urlencode(&self.q),
            crate::auth::urlencode(&self.status),
            crate::auth::urlencode(&self.municipality_code)
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
        pages: pages_of(&page),
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        lists: lists(&s),
        q: q.q,
        status: q.status,
        municipality_code: q.municipality_code,
        page,
        can_create,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "placement.html")]
struct PlacementPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    lists: Lists,
    p: PlacementRecord,
    can_edit: bool,
    can_match: bool,
}

async fn placement_show(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<PlacementPage, WebError> {
    let p = s.store.placement_get(&st.actor, id).await?;
    let rel = if st.actor.employer_id() == Some(p.employer_id) {
        Relation::OwnEmployer
    } else {
        Relation::Unrelated
    };
    let can_edit = st.actor.can(Action::Update, Resource::Placement, rel);
    let can_match = crate::matching::may_match(&st.actor);
    Ok(PlacementPage {
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        lists: lists(&s),
        p,
        can_edit,
        can_match,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "placement_form.html")]
struct PlacementFormPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    lists: Lists,
    id: Option<i32>,
    form: PlacementForm,
    errors: Errors,
    employers: Vec<(i32, String)>,
}

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
    form: PlacementForm,
    errors: Errors,
) -> Result<Response, WebError> {
    let employers = s.store.employer_names(&st.actor).await?;
    let status = form_status(&errors);
    Ok((
        status,
        PlacementFormPage {
            i18n: st.i18n,
            user: Some(st.info),
            csrf: st.csrf,
            lists: lists(s),
            id,
            form,
            errors,
            employers,
        },
    )
        .into_response())
}

async fn placement_new(State(s): State<AppState>, st: Staff) -> Result<Response, WebError> {
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
        s.store.placement_create(&st.actor, &input).await
    })
    .await;
    match outcome(result, "/placements")? {
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
    match outcome(result, "/placements")? {
        Ok(done) => Ok(done),
        Err(errors) => placement_form_page(&s, st, Some(id), form, errors).await,
    }
}

// ------------------------------------------------------------------ audit log

#[derive(Deserialize, Default)]
#[serde(default)]
struct AuditQuery {
    action: String,
    resource: String,
    record_id: String,
    actor_id: String,
    page: Option<u64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "audit.html")]
struct AuditPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    action: String,
    resource: String,
    record_id: String,
    actor_id: String,
    page: Page<brygga_store::audit::AuditEntry>,
    pages: u64,
}

impl AuditPage {
    fn base_link(&self) -> String {
        format!(
            "/audit?action={}&resource={}&record_id={}&actor_id={}",
            crate::auth::urlencode(&self.action),
            crate::auth::urlencode(&self.resource),
            crate::auth::urlencode(&self.record_id),
            crate::auth::urlencode(&self.actor_id)
        )
    }
}

async fn audit_list(
    State(s): State<AppState>,
    st: Staff,
    Query(q): Query<AuditQuery>,
) -> Result<AuditPage, WebError> {
    let filter = AuditFilter {
        actor_id: q.actor_id.trim().parse().ok(),
        action: Some(q.action.clone()),
        resource: Some(q.resource.clone()),
        record_id: q.record_id.trim().parse().ok(),
        page: q.page.unwrap_or(1),
    };
    let page = s.store.audit_list(&st.actor, &filter).await?;
    Ok(AuditPage {
        pages: pages_of(&page),
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        action: q.action,
        resource: q.resource,
        record_id: q.record_id,
        actor_id: q.actor_id,
        page,
    })
}
