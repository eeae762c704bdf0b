//! Learning at the workplace, phone first: the intern's checklist (the supervisor ticks it), the
//! participant's progress log (entries with a photo, comments), the assessments side by side
//! with the form to make one, the development plan, the programme's checklist template, and
//! `/learning`, where a participant or a supervisor finds her internships.

pub mod api;

use std::collections::BTreeMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::multipart::{Multipart, MultipartError, MultipartRejection};
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use brygga_domain::learning::{
    AssessmentDraft, AssessmentKind, Assessor, CriterionDraft, CriterionStatus, LEVELS,
    LogEntryDraft, Rated, Standing, StepDraft, StepOwner, TickDraft,
};
use brygga_domain::policy::{Action, Resource};
use brygga_store::files::Upload;
use brygga_store::internship::InternshipRecord;
use brygga_store::learning::{
    AssessmentView, Assessments, Checklist, DevelopmentPlan, ProgressLog, RatedItem,
};
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Id, IdPair, Staff, WebError, form_errors, form_status};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/learning", get(hub))
        .route("/internships/{id}/checklist", get(checklist_show))
        .route("/internships/{id}/checklist/draw", post(checklist_draw))
        .route("/internships/{id}/checklist/criteria", post(criterion_add))
        .route(
            "/internships/{id}/checklist/criteria/{criterion}",
            post(criterion_edit),
        )
        .route(
            "/internships/{id}/checklist/criteria/{criterion}/remove",
            post(criterion_remove),
        )
        .route(
            "/internships/{id}/checklist/criteria/{criterion}/tick",
            post(criterion_tick),
        )
        .route("/internships/{id}/log", get(log_show))
        .route("/internships/{id}/log/{entry}/comments", post(comment_add))
        .route("/internships/{id}/assessments", get(assessments_show))
        .route(
            "/internships/{id}/assessments/{kind}",
            get(assess_form).post(assess_save),
        )
        .route(
            "/internships/{id}/assessments/{kind}/revise",
            post(assess_revise),
        )
        .route("/participants/{id}/plan", get(plan_show))
        .route("/participants/{id}/plan/steps", post(step_add))
        .route("/participants/{id}/plan/steps/{step}", post(step_mark))
        .route("/participants/{id}/plan/steps/{step}/edit", post(step_edit))
        .route(
            "/participants/{id}/plan/steps/{step}/remove",
            post(step_remove),
        )
        .route(
            "/admin/programmes/{id}/checklist-template",
            get(template_show).post(template_save),
        )
}

/// What the log's form may carry: three times the largest photo, so that a photo somewhat too
/// large still reaches the form and is refused by name with the text kept (larger bodies are
/// refused at the door; the browser keeps the text, see `static/draft.js`).
pub const UPLOAD_LIMIT: usize = 3 * brygga_store::files::MAX_PHOTO_BYTES + 512 * 1024;

/// The route that takes a photo, with its own body limit (merged outside the default limit).
pub fn upload_router() -> Router<AppState> {
    Router::new()
        .route("/internships/{id}/log", post(entry_add))
        .layer(DefaultBodyLimit::max(UPLOAD_LIMIT))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(UPLOAD_LIMIT))
}

/// The pages of an internship's learning and its certificates, as tabs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Checklist,
    Log,
    Assessments,
    Plan,
    Certificates,
}

impl Tab {
    pub fn is(&self, other: Tab) -> bool {
        *self == other
    }
}

// ------------------------------------------------------------------ the hub

#[derive(Template, WebTemplate)]
#[template(path = "learning/hub.html")]
struct HubPage {
    chrome: Chrome,
    internships: Vec<InternshipRecord>,
    own_participant: Option<i32>,
}

crate::http::page_chrome!(HubPage);

/// The participant's internships, or the supervisor's interns, each with its learning pages.
async fn hub(State(s): State<AppState>, st: Staff) -> Result<HubPage, WebError> {
    st.require(Action::List, Resource::Checklist)?;
    let internships = match st.actor.participant_id() {
        Some(pid) => s.store.internships_for_participant(&st.actor, pid).await?,
        None => s.store.internships_supervised(&st.actor).await?,
    };
    Ok(HubPage {
        own_participant: st.actor.participant_id(),
        chrome: st.chrome,
        internships,
    })
}

// ------------------------------------------------------------------ checklist

#[derive(Template, WebTemplate)]
#[template(path = "learning/checklist.html")]
struct ChecklistPage {
    chrome: Chrome,
    c: Checklist,
    tab: Tab,
    statuses: &'static [CriterionStatus],
    today: String,
    /// The criterion whose form failed (its tick or edit form shows the errors and the input).
    failed: Option<i32>,
    tick: TickForm,
    edit: CriterionForm,
    add: CriterionForm,
    drawn: Option<usize>,
    errors: Errors,
}

crate::http::page_chrome!(ChecklistPage);

impl ChecklistPage {
    fn tick_for(&self, id: &i32) -> TickForm {
        if self.is_failed(id) {
            self.tick.clone()
        } else {
            TickForm {
                on: self.today.clone(),
                ..Default::default()
            }
        }
    }

    fn is_failed(&self, id: &i32) -> bool {
        self.failed == Some(*id)
    }

    fn errors_for(&self, id: &i32) -> Errors {
        if self.is_failed(id) {
            self.errors.clone()
        } else {
            Errors::default()
        }
    }

    fn add_errors(&self) -> Errors {
        if self.failed.is_none() {
            self.errors.clone()
        } else {
            Errors::default()
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct TickForm {
    status: String,
    on: String,
    comment: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct CriterionForm {
    create_key: String,
    version: String,
    goal: String,
    criterion: String,
}

impl CriterionForm {
    fn draft(&self) -> CriterionDraft {
        CriterionDraft {
            goal: self.goal.clone(),
            criterion: self.criterion.clone(),
        }
    }

    fn version(&self) -> i32 {
        self.version.trim().parse().unwrap_or(0)
    }
}

#[derive(Default)]
struct ChecklistState {
    failed: Option<i32>,
    tick: TickForm,
    edit: CriterionForm,
    add: CriterionForm,
    drawn: Option<usize>,
    errors: Errors,
}

async fn checklist_page(
    s: &AppState,
    st: Staff,
    id: i32,
    state: ChecklistState,
) -> Result<ChecklistPage, WebError> {
    let c = s.store.checklist(&st.actor, id).await?;
    let mut add = state.add;
    if add.create_key.is_empty() {
        add.create_key = crate::http::form::new_create_key();
    }
    Ok(ChecklistPage {
        chrome: st.chrome,
        c,
        tab: Tab::Checklist,
        statuses: CriterionStatus::ALL,
        today: brygga_app::today().to_string(),
        failed: state.failed,
        tick: state.tick,
        edit: state.edit,
        add,
        drawn: state.drawn,
        errors: state.errors,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DrawnQuery {
    drawn: Option<usize>,
}

async fn checklist_show(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    axum::extract::Query(q): axum::extract::Query<DrawnQuery>,
) -> Result<ChecklistPage, WebError> {
    st.require(Action::Read, Resource::Checklist)?;
    let state = ChecklistState {
        drawn: q.drawn,
        ..Default::default()
    };
    checklist_page(&s, st, id, state).await
}

/// Back to the checklist (at `anchor`) when `result` went through; else the page again with
/// the failed form's errors and input (a conflict included, through `form_errors`).
async fn checklist_after<T>(
    s: &AppState,
    st: Staff,
    id: i32,
    anchor: &str,
    result: brygga_app::Result<T>,
    mut state: ChecklistState,
) -> Result<Response, WebError> {
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/internships/{id}/checklist{anchor}")).into_response()),
        Err(e) => {
            state.errors = form_errors(e)?;
            let status = form_status(&state.errors);
            Ok((status, checklist_page(s, st, id, state).await?).into_response())
        }
    }
}

async fn checklist_draw(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Checklist)?;
    let n = brygga_app::learning::draw(&s, &st.actor, id).await?;
    Ok(Redirect::to(&format!("/internships/{id}/checklist?drawn={n}")).into_response())
}

async fn criterion_add(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<CriterionForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Checklist)?;
    let result =
        brygga_app::learning::criterion_add(&s, &st.actor, id, &f.draft(), &f.create_key).await;
    let state = ChecklistState {
        add: f,
        ..Default::default()
    };
    checklist_after(&s, st, id, "", result, state).await
}

async fn criterion_edit(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, cid): IdPair,
    Form(f): Form<CriterionForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Checklist)?;
    let draft = f.draft();
    let result =
        brygga_app::learning::criterion_update(&s, &st.actor, id, cid, f.version(), Some(&draft))
            .await;
    let state = ChecklistState {
        failed: Some(cid),
        edit: f,
        ..Default::default()
    };
    checklist_after(&s, st, id, "", result, state).await
}

async fn criterion_remove(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, cid): IdPair,
    Form(f): Form<CriterionForm>,
) -> Result<Response, WebError> {
    st.require(Action::Delete, Resource::Checklist)?;
    let result =
        brygga_app::learning::criterion_update(&s, &st.actor, id, cid, f.version(), None).await;
    let state = ChecklistState {
        failed: Some(cid),
        ..Default::default()
    };
    checklist_after(&s, st, id, "", result, state).await
}

async fn criterion_tick(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, cid): IdPair,
    Form(f): Form<TickForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Checklist)?;
    let draft = TickDraft {
        status: f.status.clone(),
        on: f.on.clone(),
        comment: f.comment.clone(),
    };
    let result = brygga_app::learning::tick(&s, &st.actor, id, cid, &draft).await;
    let state = ChecklistState {
        failed: Some(cid),
        tick: f,
        ..Default::default()
    };
    checklist_after(&s, st, id, &format!("#c{cid}"), result, state).await
}

// ------------------------------------------------------------------ progress log

#[derive(Template, WebTemplate)]
#[template(path = "learning/log.html")]
struct LogPage {
    chrome: Chrome,
    log: ProgressLog,
    tab: Tab,
    entry: EntryForm,
    /// The entry whose comment form failed, with what was typed.
    failed: Option<i32>,
    comment: String,
    errors: Errors,
}

crate::http::page_chrome!(LogPage);

impl LogPage {
    fn comment_errors(&self, id: &i32) -> Errors {
        if self.failed == Some(*id) {
            self.errors.clone()
        } else {
            Errors::default()
        }
    }

    fn entry_errors(&self) -> Errors {
        if self.failed.is_none() {
            self.errors.clone()
        } else {
            Errors::default()
        }
    }

    fn comment_for(&self, id: &i32) -> &str {
        if self.failed == Some(*id) {
            &self.comment
        } else {
            ""
        }
    }

    fn role_key(&self, role: &str) -> String {
        format!("role-{role}")
    }
}

/// The entry form as it arrived (multipart: the texts and the photo).
#[derive(Debug, Clone, Default)]
struct EntryForm {
    did: String,
    learned: String,
    words: String,
    share: String,
    create_key: String,
}

impl EntryForm {
    fn draft(&self) -> LogEntryDraft {
        LogEntryDraft {
            did: self.did.clone(),
            learned: self.learned.clone(),
            words: self.words.clone(),
            share: self.share.clone(),
        }
    }

    /// Read the form into `f` and `photo` as far as it goes: a body cut short (too large) keeps
    /// the texts that came before the photo.
    async fn read(
        mut m: Multipart,
        f: &mut EntryForm,
        photo: &mut Option<Upload>,
    ) -> Result<(), MultipartError> {
        while let Some(field) = m.next_field().await? {
            match field.name().unwrap_or_default() {
                "did" => f.did = field.text().await?,
                "learned" => f.learned = field.text().await?,
                "words" => f.words = field.text().await?,
                "share" => f.share = field.text().await?,
                "create_key" => f.create_key = field.text().await?,
                "photo" => {
                    let filename = field.file_name().unwrap_or_default().to_string();
                    let bytes = field.bytes().await?;
                    // A file input left empty arrives as a part with no name and no bytes.
                    if !(filename.is_empty() && bytes.is_empty()) {
                        *photo = Some(Upload { filename, bytes });
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }
}

async fn log_page(
    s: &AppState,
    st: Staff,
    id: i32,
    mut entry: EntryForm,
    failed: Option<i32>,
    comment: String,
    errors: Errors,
) -> Result<LogPage, WebError> {
    let log = s.store.progress_log(&st.actor, id).await?;
    if entry.create_key.is_empty() {
        entry.create_key = crate::http::form::new_create_key();
    }
    Ok(LogPage {
        chrome: st.chrome,
        log,
        tab: Tab::Log,
        entry,
        failed,
        comment,
        errors,
    })
}

async fn log_show(State(s): State<AppState>, st: Staff, Id(id): Id) -> Result<LogPage, WebError> {
    st.require(Action::Read, Resource::ProgressLog)?;
    log_page(
        &s,
        st,
        id,
        EntryForm::default(),
        None,
        String::new(),
        Errors::default(),
    )
    .await
}

async fn entry_add(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::ProgressLog)?;
    // A body that is not a multipart form reads as an empty one (refused as such).
    let (mut form, mut photo) = (EntryForm::default(), None);
    if let Ok(m) = multipart
        && let Err(e) = EntryForm::read(m, &mut form, &mut photo).await
    {
        // Cut short (over the limit) or garbled: refused by name, with what she typed before
        // the photo.
        let key = if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            "learning-error-photo-size"
        } else {
            "learning-error-photo-type"
        };
        let errors = Errors::from(brygga_domain::FieldErrors(vec![
            brygga_domain::FieldError::new("photo", key),
        ]));
        let page = log_page(&s, st, id, form, None, String::new(), errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let result =
        brygga_app::learning::entry_add(&s, &st.actor, id, &form.draft(), photo, &form.create_key)
            .await;
    match result {
        Ok(once) => Ok(
            Redirect::to(&format!("/internships/{id}/log?saved=1#e{}", once.id())).into_response(),
        ),
        Err(e) => {
            let errors = form_errors(e)?;
            let status = form_status(&errors);
            let page = log_page(&s, st, id, form, None, String::new(), errors).await?;
            Ok((status, page).into_response())
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct CommentForm {
    comment: String,
}

async fn comment_add(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, eid): IdPair,
    Form(f): Form<CommentForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::ProgressLog)?;
    match brygga_app::learning::comment_add(&s, &st.actor, id, eid, &f.comment).await {
        Ok(_) => Ok(Redirect::to(&format!("/internships/{id}/log#e{eid}")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let status = form_status(&errors);
            let page = log_page(
                &s,
                st,
                id,
                EntryForm::default(),
                Some(eid),
                f.comment,
                errors,
            )
            .await?;
            Ok((status, page).into_response())
        }
    }
}

// ------------------------------------------------------------------ assessments

#[derive(Template, WebTemplate)]
#[template(path = "learning/assessments.html")]
struct AssessmentsPage {
    chrome: Chrome,
    a: Assessments,
    tab: Tab,
    kinds: &'static [AssessmentKind],
    assessors: &'static [Assessor],
    levels: [i32; 4],
}

crate::http::page_chrome!(AssessmentsPage);

impl AssessmentsPage {
    fn view(&self, kind: &str, assessor: &str) -> Option<&AssessmentView> {
        self.a
            .items
            .iter()
            .find(|v| v.kind.as_str() == kind && v.assessor.as_str() == assessor)
    }

    fn cell(&self, kind: &str, assessor: &str, r: &Rated) -> String {
        self.view(kind, assessor)
            .and_then(|v| v.rating(r))
            .and_then(|x| x.level)
            .map(|l| l.to_string())
            .unwrap_or_default()
    }

    fn evidence(&self, kind: &str, assessor: &str, r: &Rated) -> String {
        self.view(kind, assessor)
            .and_then(|v| v.rating(r))
            .map(|x| x.evidence.clone())
            .unwrap_or_default()
    }
}

/// The label of a rated thing: the criterion's text, or a generic criterion's name.
pub(crate) fn rated_label(i18n: &crate::http::I18n, item: &RatedItem) -> String {
    match item.rated {
        Rated::Criterion(_) => item.text.clone(),
        Rated::Generic(g) => i18n.t(&g.label_key()),
    }
}

async fn assessments_show(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<AssessmentsPage, WebError> {
    st.require(Action::Read, Resource::Assessment)?;
    let a = s
        .store
        .assessments(&st.actor, id, brygga_app::today())
        .await?;
    Ok(AssessmentsPage {
        chrome: st.chrome,
        a,
        tab: Tab::Assessments,
        kinds: AssessmentKind::ALL,
        assessors: Assessor::ALL,
        levels: LEVELS,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "learning/assess.html")]
struct AssessPage {
    chrome: Chrome,
    a: Assessments,
    tab: Tab,
    kind: AssessmentKind,
    assessor: Assessor,
    /// The current revision, if one was saved.
    current: Option<AssessmentView>,
    levels: [i32; 4],
    /// What was typed (after a failed save), else the saved ratings.
    typed: BTreeMap<String, String>,
    errors: Errors,
}

crate::http::page_chrome!(AssessPage);

impl AssessPage {
    fn level(&self, r: &Rated) -> String {
        self.typed
            .get(&format!("level-{}", r.key()))
            .cloned()
            .unwrap_or_default()
    }

    fn evidence(&self, r: &Rated) -> String {
        self.typed
            .get(&format!("evidence-{}", r.key()))
            .cloned()
            .unwrap_or_default()
    }

    fn locked(&self) -> bool {
        self.current.as_ref().is_some_and(|c| c.signed_at.is_some())
    }

    fn version(&self) -> i32 {
        self.current.as_ref().map_or(0, |c| c.version)
    }

    fn field(&self, prefix: &str, r: &Rated) -> String {
        format!("{prefix}-{}", r.key())
    }
}

fn kind_of(s: &str) -> Result<AssessmentKind, WebError> {
    AssessmentKind::parse(s).map_err(|_| WebError::NotFound)
}

/// `/internships/{id}/assessments/{kind}`: the id and the kind.
#[derive(Deserialize)]
struct KindPath {
    id: String,
    kind: String,
}

impl KindPath {
    fn parts(&self) -> Result<(i32, AssessmentKind), WebError> {
        let id = self
            .id
            .parse::<i32>()
            .ok()
            .filter(|i| *i > 0)
            .ok_or(WebError::NotFound)?;
        Ok((id, kind_of(&self.kind)?))
    }
}

async fn assess_page(
    s: &AppState,
    st: Staff,
    id: i32,
    kind: AssessmentKind,
    typed: Option<BTreeMap<String, String>>,
    errors: Errors,
) -> Result<AssessPage, WebError> {
    let a = s
        .store
        .assessments(&st.actor, id, brygga_app::today())
        .await?;
    let assessor = a.assesses_as.ok_or(WebError::Forbidden)?;
    let current = a.get(kind, assessor).cloned();
    let typed = typed.unwrap_or_else(|| {
        let mut t = BTreeMap::new();
        for r in current.iter().flat_map(|c| c.ratings.iter()) {
            if let Some(l) = r.level {
                t.insert(format!("level-{}", r.rated.key()), l.to_string());
            }
            t.insert(format!("evidence-{}", r.rated.key()), r.evidence.clone());
        }
        t
    });
    Ok(AssessPage {
        chrome: st.chrome,
        a,
        tab: Tab::Assessments,
        kind,
        assessor,
        current,
        levels: LEVELS,
        typed,
        errors,
    })
}

async fn assess_form(
    State(s): State<AppState>,
    st: Staff,
    axum::extract::Path(p): axum::extract::Path<KindPath>,
) -> Result<AssessPage, WebError> {
    st.require(Action::Create, Resource::Assessment)?;
    let (id, kind) = p.parts()?;
    assess_page(&s, st, id, kind, None, Errors::default()).await
}

async fn assess_save(
    State(s): State<AppState>,
    st: Staff,
    axum::extract::Path(p): axum::extract::Path<KindPath>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Assessment)?;
    let (id, kind) = p.parts()?;
    let typed: BTreeMap<String, String> = fields
        .into_iter()
        .filter(|(k, _)| {
            k.starts_with("level-") || k.starts_with("evidence-") || k == "version" || k == "sign"
        })
        .collect();
    let mut draft = AssessmentDraft::default();
    for (k, v) in &typed {
        if let Some(key) = k.strip_prefix("level-") {
            draft.levels.insert(key.to_string(), v.clone());
        } else if let Some(key) = k.strip_prefix("evidence-") {
            draft.evidence.insert(key.to_string(), v.clone());
        }
    }
    let version = typed
        .get("version")
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    let sign = typed.contains_key("sign");
    let result =
        brygga_app::learning::assessment_submit(&s, &st.actor, id, kind, version, &draft, sign)
            .await;
    match result {
        Ok(()) => Ok(
            Redirect::to(&format!("/internships/{id}/assessments?saved={kind}")).into_response(),
        ),
        Err(e) => {
            let errors = form_errors(e)?;
            let status = form_status(&errors);
            let page = assess_page(&s, st, id, kind, Some(typed), errors).await?;
            Ok((status, page).into_response())
        }
    }
}

async fn assess_revise(
    State(s): State<AppState>,
    st: Staff,
    axum::extract::Path(p): axum::extract::Path<KindPath>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Assessment)?;
    let (id, kind) = p.parts()?;
    match brygga_app::learning::assessment_revise(&s, &st.actor, id, kind).await {
        Ok(_) => Ok(Redirect::to(&format!("/internships/{id}/assessments/{kind}")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let status = form_status(&errors);
            let page = assess_page(&s, st, id, kind, None, errors).await?;
            Ok((status, page).into_response())
        }
    }
}

// ------------------------------------------------------------------ development plan

#[derive(Template, WebTemplate)]
#[template(path = "learning/plan.html")]
struct PlanPage {
    chrome: Chrome,
    plan: DevelopmentPlan,
    tab: Tab,
    owners: &'static [StepOwner],
    standings: [Standing; 3],
    step: StepForm,
    /// The step whose edit form failed, with what was typed.
    failed: Option<i32>,
    edit: StepForm,
    errors: Errors,
}

crate::http::page_chrome!(PlanPage);

impl PlanPage {
    fn count(&self, s: &Standing) -> usize {
        self.plan.count(*s)
    }

    fn is_failed(&self, id: &i32) -> bool {
        self.failed == Some(*id)
    }

    /// The errors of the add form (the edit forms show theirs beside themselves).
    fn add_errors(&self) -> Errors {
        if self.failed.is_none() {
            self.errors.clone()
        } else {
            Errors::default()
        }
    }

    /// Who takes a step, as the reader says it: the participant reads her own steps as hers.
    fn owner_key(&self, owner: &StepOwner) -> String {
        let reader_is_her = self
            .chrome
            .user
            .as_ref()
            .is_some_and(|u| u.own_participant == Some(self.plan.participant_id));
        if reader_is_her && *owner == StepOwner::Participant {
            "learning-owner-you".to_string()
        } else {
            owner.label_key()
        }
    }

    /// The owner the edit form of `step` shows: what was typed if it failed, else the step's.
    fn owner_for(&self, step: &brygga_store::learning::StepView) -> String {
        if self.is_failed(&step.id) {
            self.edit.owner.clone()
        } else {
            step.owner.as_str().to_string()
        }
    }

    fn edit_errors(&self, id: &i32) -> Errors {
        if self.is_failed(id) {
            self.errors.clone()
        } else {
            Errors::default()
        }
    }

    fn internship_id(&self) -> Option<i32> {
        self.plan.internship.as_ref().map(|i| i.id)
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct StepForm {
    create_key: String,
    version: String,
    step: String,
    owner: String,
    due_on: String,
}

impl StepForm {
    fn draft(&self) -> StepDraft {
        StepDraft {
            step: self.step.clone(),
            owner: self.owner.clone(),
            due_on: self.due_on.clone(),
        }
    }
}

async fn plan_page(
    s: &AppState,
    st: Staff,
    id: i32,
    mut step: StepForm,
    (failed, edit): (Option<i32>, StepForm),
    errors: Errors,
) -> Result<PlanPage, WebError> {
    let plan = s.store.development_plan(&st.actor, id).await?;
    if step.create_key.is_empty() {
        step.create_key = crate::http::form::new_create_key();
    }
    Ok(PlanPage {
        chrome: st.chrome,
        plan,
        tab: Tab::Plan,
        owners: StepOwner::ALL,
        standings: [Standing::Gap, Standing::Progressing, Standing::Met],
        step,
        failed,
        edit,
        errors,
    })
}

async fn plan_show(State(s): State<AppState>, st: Staff, Id(id): Id) -> Result<PlanPage, WebError> {
    st.require(Action::Read, Resource::DevelopmentPlan)?;
    plan_page(
        &s,
        st,
        id,
        StepForm::default(),
        Default::default(),
        Errors::default(),
    )
    .await
}

async fn step_add(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<StepForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::DevelopmentPlan)?;
    match brygga_app::learning::step_add(&s, &st.actor, id, &f.draft(), &f.create_key).await {
        Ok(_) => Ok(Redirect::to(&format!("/participants/{id}/plan")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let status = form_status(&errors);
            let page = plan_page(&s, st, id, f, Default::default(), errors).await?;
            Ok((status, page).into_response())
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct MarkForm {
    version: String,
    done: String,
}

async fn step_mark(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, sid): IdPair,
    Form(f): Form<MarkForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::DevelopmentPlan)?;
    let version = f.version.trim().parse().unwrap_or(0);
    let done = f.done == "yes";
    match brygga_app::learning::step_mark(&s, &st.actor, id, sid, version, done).await {
        Ok(()) => Ok(Redirect::to(&format!("/participants/{id}/plan")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let status = form_status(&errors);
            let page =
                plan_page(&s, st, id, StepForm::default(), Default::default(), errors).await?;
            Ok((status, page).into_response())
        }
    }
}

async fn step_edit(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, sid): IdPair,
    Form(f): Form<StepForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::DevelopmentPlan)?;
    let version = f.version.trim().parse().unwrap_or(0);
    match brygga_app::learning::step_update(&s, &st.actor, id, sid, version, &f.draft()).await {
        Ok(()) => Ok(Redirect::to(&format!("/participants/{id}/plan#s{sid}")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let status = form_status(&errors);
            let page = plan_page(&s, st, id, StepForm::default(), (Some(sid), f), errors).await?;
            Ok((status, page).into_response())
        }
    }
}

async fn step_remove(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, sid): IdPair,
) -> Result<Response, WebError> {
    st.require(Action::Delete, Resource::DevelopmentPlan)?;
    s.store.step_remove(&st.actor, id, sid).await?;
    Ok(Redirect::to(&format!("/participants/{id}/plan")).into_response())
}

// ------------------------------------------------------------------ the programme's template

#[derive(Template, WebTemplate)]
#[template(path = "learning/template.html")]
struct TemplatePage {
    chrome: Chrome,
    programme_id: i32,
    text: String,
    saved: bool,
    errors: Errors,
}

crate::http::page_chrome!(TemplatePage);

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct TemplateForm {
    checklist_template: String,
    saved: String,
}

async fn template_show(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    axum::extract::Query(q): axum::extract::Query<TemplateForm>,
) -> Result<TemplatePage, WebError> {
    st.require(Action::Update, Resource::ProcessMap)?;
    let text = s.store.checklist_template(&st.actor, id).await?;
    Ok(TemplatePage {
        chrome: st.chrome,
        programme_id: id,
        text,
        saved: !q.saved.is_empty(),
        errors: Errors::default(),
    })
}

async fn template_save(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<TemplateForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::ProcessMap)?;
    match brygga_app::learning::template_set(&s, &st.actor, id, &f.checklist_template).await {
        Ok(()) => Ok(Redirect::to(&format!(
            "/admin/programmes/{id}/checklist-template?saved=1"
        ))
        .into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let status = form_status(&errors);
            let page = TemplatePage {
                chrome: st.chrome,
                programme_id: id,
                text: f.checklist_template,
                saved: false,
                errors,
            };
            Ok((status, page).into_response())
        }
    }
}
