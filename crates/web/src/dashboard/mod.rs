//! A programme's dashboard (`/programmes/{id}/dashboard`): its indicators as a chart drawn in
//! SVG (readable without JavaScript) with the figures as a table beside it, every figure split
//! by gender and by age group; the list of the actor's programmes (`/dashboard`); the same
//! figures in the API; the project report (ESF) as PDF or XLSX.

use askama::Template;
use askama_web::WebTemplate;
use axum::Json;
use axum::Router;
use axum::extract::Query;
use axum::extract::State;
use axum::response::Redirect;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use brygga_app::report::Format;
use brygga_domain::evaluation::AgeGroup;
use brygga_domain::indicator::{Indicator, Split};
use brygga_domain::policy::{Action, Resource};
use brygga_domain::project::{GoalDraft, ProjectDraft, reached};
use brygga_domain::{FieldError, FieldErrors};
use brygga_i18n::Lang;
use brygga_store::org::Organisation;
use brygga_store::project::{Goal, Project};
use serde::Deserialize;
use serde::Serialize;

use crate::AppState;
use crate::http::api::require;
use crate::http::{
    ApiActor, ApiError, ApiErrorBody, Chrome, Errors, Id, Staff, WebError, form_errors, form_status,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/dashboard", get(index))
        .route("/programmes/{id}/dashboard", get(page))
        .route("/programmes/{id}/project", post(project_save))
        .route("/programmes/{id}/goals", post(goal_add))
        .route("/goals/{id}/delete", post(goal_remove))
        .route("/programmes/{id}/esf-report", get(esf_report))
}

#[derive(Template, WebTemplate)]
#[template(path = "dashboard/index.html")]
struct IndexPage {
    chrome: Chrome,
    programmes: Vec<Organisation>,
}

crate::http::page_chrome!(IndexPage);

async fn index(State(s): State<AppState>, st: Staff) -> Result<Response, WebError> {
    st.require(Action::List, Resource::Indicators)?;
    let programmes = crate::gain::programmes(&s, &st.actor).await?;
    Ok(IndexPage {
        chrome: st.chrome,
        programmes,
    }
    .into_response())
}

/// The chart's geometry: the label column, the bars' room, a row's height.
const LABEL_W: u32 = 260;
const BAR_W: u32 = 380;
const ROW_H: u32 = 30;

/// A bar's segment: where it starts, how wide, its class (the gender), its count.
pub struct Segment {
    pub x: u32,
    pub w: u32,
    pub class: &'static str,
    pub count: u32,
}

#[derive(Template, WebTemplate)]
#[template(path = "dashboard/programme.html")]
struct DashboardPage {
    chrome: Chrome,
    programme_id: i32,
    programme: String,
    rows: Vec<(Indicator, Split)>,
    ages: &'static [AgeGroup],
    indicators: &'static [Indicator],
    project: Project,
    /// The programme manager keeps the project data and goals.
    edits: bool,
    project_form: ProjectDraft,
    project_errors: Errors,
    goal_form: GoalDraft,
    goal_errors: Errors,
}

crate::http::page_chrome!(DashboardPage);

impl DashboardPage {
    fn height(&self) -> u32 {
        ROW_H * self.rows.len() as u32 + 10
    }

    fn width(&self) -> u32 {
        LABEL_W + BAR_W + 50
    }

    fn y(&self, i: &usize) -> u32 {
        ROW_H * *i as u32 + 5
    }

    fn text_y(&self, i: &usize) -> u32 {
        self.y(i) + ROW_H / 2 + 4
    }

    /// The segments of an indicator's bar: women, men, others, in proportion to the largest
    /// indicator.
    fn segments(&self, s: &Split) -> Vec<Segment> {
        let max = self
            .rows
            .iter()
            .map(|r| r.1.total)
            .max()
            .unwrap_or(0)
            .max(1);
        let mut x = LABEL_W;
        [(s.women, "women"), (s.men, "men"), (s.other, "other")]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(count, class)| {
                let w = (u64::from(count) * u64::from(BAR_W) / u64::from(max)) as u32;
                let seg = Segment {
                    x,
                    w: w.max(1),
                    class,
                    count,
                };
                x += w.max(1);
                seg
            })
            .collect()
    }

    fn end_x(&self, s: &Split) -> u32 {
        self.segments(s).last().map_or(LABEL_W, |g| g.x + g.w) + 6
    }

    fn gender_key(&self, class: &str) -> String {
        format!("dashboard-{class}")
    }

    fn age(&self, s: &Split, a: &AgeGroup) -> u32 {
        s.age(*a)
    }

    fn split(&self, i: Indicator) -> Split {
        self.rows
            .iter()
            .find(|r| r.0 == i)
            .map(|r| r.1.clone())
            .unwrap_or_default()
    }

    /// A goal's actual figure (the indicator's total now).
    fn actual(&self, g: &Goal) -> u32 {
        self.split(g.indicator).total
    }

    /// How far a goal has come, as the reader writes a percentage.
    fn reached(&self, g: &Goal) -> String {
        self.chrome.i18n.percent(reached(self.actual(g), g.target))
    }

    /// The width (of 100) of a goal's progress bar.
    fn progress(&self, g: &Goal) -> u32 {
        (reached(self.actual(g), g.target).min(1.0) * 100.0).round() as u32
    }

    /// The project form's one-line fields: name, value as typed, input type.
    fn project_fields(&self) -> Vec<(&'static str, String, &'static str)> {
        let f = &self.project_form;
        vec![
            ("project_number", f.project_number.clone(), "text"),
            ("period_start", f.period_start.clone(), "date"),
            ("period_end", f.period_end.clone(), "date"),
            ("budget", f.budget.clone(), "text"),
            ("co_financing", f.co_financing.clone(), "text"),
            ("planned_women", f.planned_women.clone(), "text"),
            ("planned_men", f.planned_men.clone(), "text"),
        ]
    }

    fn participants(&self) -> Split {
        self.split(Indicator::Participants)
    }

    fn kronor(&self, n: &i64) -> String {
        self.chrome.i18n.decimal(*n as f64, 0)
    }
}

/// What was typed into one of the page's forms, sent back with its errors.
enum Typed {
    Project(ProjectDraft, Errors),
    Goal(GoalDraft, Errors),
}

async fn render(
    s: &AppState,
    st: Staff,
    id: i32,
    typed: Option<Typed>,
) -> Result<Response, WebError> {
    let rows = s
        .store
        .indicators(&st.actor, id, brygga_app::today())
        .await?;
    let project = s.store.project(&st.actor, id).await?;
    let programme = crate::gain::programmes(s, &st.actor)
        .await?
        .into_iter()
        .find(|o| o.id == id)
        .map(|o| o.name)
        .unwrap_or_default();
    let (mut project_form, mut project_errors) =
        (ProjectDraft::of(&project.data), Errors::default());
    let (mut goal_form, mut goal_errors) = (GoalDraft::default(), Errors::default());
    match typed {
        Some(Typed::Project(f, e)) => (project_form, project_errors) = (f, e),
        Some(Typed::Goal(f, e)) => (goal_form, goal_errors) = (f, e),
        None => {}
    }
    let status = form_status(&project_errors).max(form_status(&goal_errors));
    let page = DashboardPage {
        edits: st.actor.may(Action::Update, Resource::Indicators),
        chrome: st.chrome,
        programme_id: id,
        programme,
        rows,
        ages: AgeGroup::ALL,
        indicators: Indicator::ALL,
        project,
        project_form,
        project_errors,
        goal_form,
        goal_errors,
    };
    Ok((status, page).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ProjectForm {
    #[serde(flatten)]
    draft: ProjectDraft,
    version: String,
}

async fn project_save(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<ProjectForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Indicators)?;
    let version = f.version.trim().parse().unwrap_or(-1);
    match brygga_app::project::save(&s, &st.actor, id, version, &f.draft).await {
        Ok(()) => Ok(Redirect::to(&format!("/programmes/{id}/dashboard#project")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            render(&s, st, id, Some(Typed::Project(f.draft, errors))).await
        }
    }
}

async fn goal_add(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<GoalDraft>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Indicators)?;
    match brygga_app::project::goal_add(&s, &st.actor, id, &f).await {
        Ok(_) => Ok(Redirect::to(&format!("/programmes/{id}/dashboard#goals")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            render(&s, st, id, Some(Typed::Goal(f, errors))).await
        }
    }
}

async fn goal_remove(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Indicators)?;
    let programme = s.store.goal_remove(&st.actor, id).await?;
    Ok(Redirect::to(&format!("/programmes/{programme}/dashboard#goals")).into_response())
}

async fn page(State(s): State<AppState>, st: Staff, Id(id): Id) -> Result<Response, WebError> {
    st.require(Action::Read, Resource::Indicators)?;
    render(&s, st, id, None).await
}

/// An indicator and its split.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct IndicatorBody {
    /// participants, internship_started, internship_completed, certified, left,
    /// work_or_studies_week4 or work_or_studies_month6.
    pub indicator: String,
    #[serde(flatten)]
    pub split: Split,
}

#[utoipa::path(get, path = "/programmes/{id}/indicators", params(("id" = i32, Path)), responses((status = 200, description = "Each indicator, counted once per participant who consented to statistics, split by gender and age group", body = Vec<IndicatorBody>), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn indicators(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<Vec<IndicatorBody>>, ApiError> {
    require(&a, Action::Read, Resource::Indicators)?;
    let rows = s.store.indicators(&a, id, brygga_app::today()).await?;
    Ok(Json(
        rows.into_iter()
            .map(|(i, split)| IndicatorBody {
                indicator: i.as_str().to_string(),
                split,
            })
            .collect(),
    ))
}

/// The project data as changed, with the version read (0 before it was ever saved).
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ProjectChange {
    #[serde(flatten)]
    pub draft: ProjectDraft,
    pub version: i32,
}

#[utoipa::path(get, path = "/programmes/{id}/project", params(("id" = i32, Path)), responses((status = 200, description = "The project data and its goals", body = Project), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn project_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<Project>, ApiError> {
    require(&a, Action::Read, Resource::Indicators)?;
    Ok(Json(s.store.project(&a, id).await?))
}

#[utoipa::path(put, path = "/programmes/{id}/project", params(("id" = i32, Path)), request_body = ProjectChange, responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn project_put(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<ProjectChange>, axum::extract::rejection::JsonRejection>,
) -> Result<axum::http::StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Indicators)?;
    let Json(b) = body?;
    brygga_app::project::save(&s, &a, id, b.version, &b.draft).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/programmes/{id}/goals", params(("id" = i32, Path)), request_body = GoalDraft, responses((status = 201, body = crate::http::api::Created), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn goal_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<GoalDraft>, axum::extract::rejection::JsonRejection>,
) -> Result<(axum::http::StatusCode, Json<crate::http::api::Created>), ApiError> {
    require(&a, Action::Update, Resource::Indicators)?;
    let Json(d) = body?;
    let gid = brygga_app::project::goal_add(&s, &a, id, &d).await?;
    Ok((
        axum::http::StatusCode::CREATED,
        Json(crate::http::api::Created { id: gid }),
    ))
}

#[utoipa::path(delete, path = "/goals/{id}", params(("id" = i32, Path)), responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn goal_delete(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<axum::http::StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Indicators)?;
    s.store.goal_remove(&a, id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// The report asked for: `pdf` or `xlsx`, and for the API its language (`sv`, the default, or
/// `en`).
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct ReportQuery {
    /// pdf (the default) or xlsx.
    pub format: String,
    /// sv (the default) or en.
    pub lang: String,
}

impl ReportQuery {
    fn format(&self) -> Option<Format> {
        if self.format.is_empty() {
            Some(Format::Pdf)
        } else {
            Format::parse(&self.format)
        }
    }
}

fn report_file(name: String, format: Format, bytes: Vec<u8>) -> Response {
    crate::file::download(format.content_type(), &name, bytes)
}

/// The ESF project report as PDF or XLSX, in the reader's language.
async fn esf_report(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Query(q): Query<ReportQuery>,
) -> Result<Response, WebError> {
    st.require(Action::Read, Resource::Indicators)?;
    let format = q.format().ok_or(WebError::NotFound)?;
    let (name, bytes) =
        brygga_app::report::esf_file(&s, &st.actor, id, st.chrome.i18n.lang, format).await?;
    Ok(report_file(name, format, bytes))
}

#[utoipa::path(get, path = "/programmes/{id}/esf-report", params(("id" = i32, Path), ReportQuery), responses((status = 200, description = "The project report as an ESF project delivers it (participants and trained staff apart, by gender and age group, planned against actual, results within four weeks and after six months, sub-goals, costs against budget), as PDF or XLSX", content_type = "application/pdf"), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn esf_report_api(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    Query(q): Query<ReportQuery>,
) -> Result<Response, ApiError> {
    require(&a, Action::Read, Resource::Indicators)?;
    let mut errors = vec![];
    let format = q.format();
    if format.is_none() {
        errors.push(FieldError::new("format", "report-error-format"));
    }
    let lang = match q.lang.as_str() {
        "" | "sv" => Some(Lang::Sv),
        "en" => Some(Lang::En),
        _ => {
            errors.push(FieldError::new("lang", "report-error-lang"));
            None
        }
    };
    let (Some(format), Some(lang)) = (format, lang) else {
        return Err(brygga_app::Error::Invalid(FieldErrors(errors)).into());
    };
    let (name, bytes) = brygga_app::report::esf_file(&s, &a, id, lang, format).await?;
    Ok(report_file(name, format, bytes))
}
