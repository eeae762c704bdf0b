//! The socio-economic gain: the list of the actor's programmes (`/gain`), the value table an
//! admin edits (`/gain/values`), and a programme's calculation with its parameters and every
//! figure's trace (`/programmes/{id}/gain`).

pub mod api;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use brygga_domain::gain::{
    CostDraft, Effect, FlowKind, GainError, GainStatus, ParamsDraft, Party, Scenario, ValueDraft,
};
use brygga_domain::model::OrgKind;
use brygga_domain::policy::{Action, Resource};
use brygga_store::gain::ValueRow;
use brygga_store::org::Organisation;
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Id, Staff, WebError, form_errors, form_status};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/gain", get(index))
        .route("/gain/values", get(values_page).post(value_add))
        .route("/gain/values/{id}", post(value_edit))
        .route("/gain/values/{id}/delete", post(value_delete))
        .route(
            "/programmes/{id}/gain",
            get(programme_page).post(settings_save),
        )
}

// ------------------------------------------------------------------ the index

#[derive(Template, WebTemplate)]
#[template(path = "gain/index.html")]
struct IndexPage {
    chrome: Chrome,
    programmes: Vec<Organisation>,
}

crate::http::page_chrome!(IndexPage);

/// The programmes (not their cohorts) in the actor's scope.
pub(crate) async fn programmes(
    s: &AppState,
    actor: &brygga_store::Actor,
) -> Result<Vec<Organisation>, WebError> {
    Ok(s.store
        .programmes_for(actor)
        .await?
        .into_iter()
        .filter(|o| o.kind == OrgKind::Programme)
        .collect())
}

async fn index(State(s): State<AppState>, st: Staff) -> Result<Response, WebError> {
    st.require(Action::List, Resource::Gain)?;
    let programmes = programmes(&s, &st.actor).await?;
    Ok(IndexPage {
        chrome: st.chrome,
        programmes,
    }
    .into_response())
}

// ------------------------------------------------------------------ the value table

#[derive(Template, WebTemplate)]
#[template(path = "gain/values.html")]
struct ValuesPage {
    chrome: Chrome,
    rows: Vec<ValueRow>,
    /// An admin edits the table.
    edits: bool,
    statuses: Vec<GainStatus>,
    kinds: &'static [FlowKind],
    parties: &'static [Party],
    /// The new row's form (as typed after a failed save).
    form: ValueDraft,
    /// The row whose change failed, with what was typed.
    editing: Option<(i32, ValueDraft)>,
    errors: Errors,
}

crate::http::page_chrome!(ValuesPage);

impl ValuesPage {
    fn row_errors(&self, r: &ValueRow) -> Errors {
        match &self.editing {
            Some((id, _)) if *id == r.id => self.errors.clone(),
            _ => Errors::default(),
        }
    }

    fn new_errors(&self) -> Errors {
        if self.editing.is_none() {
            self.errors.clone()
        } else {
            Errors::default()
        }
    }

    /// What a row's form shows: what was typed after a failed change, else the row.
    fn draft_of(&self, r: &ValueRow) -> ValueDraft {
        match &self.editing {
            Some((id, d)) if *id == r.id => d.clone(),
            _ => ValueDraft::from(&r.value),
        }
    }

    fn kronor(&self, n: &i64) -> String {
        self.chrome.i18n.decimal(*n as f64, 0)
    }
}

async fn render_values(
    s: &AppState,
    st: Staff,
    form: Option<ValueDraft>,
    editing: Option<(i32, ValueDraft)>,
    errors: Errors,
) -> Result<Response, WebError> {
    let rows = brygga_app::gain::values(s, &st.actor).await?;
    let status = form_status(&errors);
    let page = ValuesPage {
        edits: st.actor.may(Action::Update, Resource::GainTable),
        chrome: st.chrome,
        rows,
        statuses: GainStatus::all(),
        kinds: FlowKind::ALL,
        parties: Party::ALL,
        form: form.unwrap_or_else(|| ValueDraft {
            dated_on: brygga_app::today().to_string(),
            ..ValueDraft::default()
        }),
        editing,
        errors,
    };
    Ok((status, page).into_response())
}

async fn values_page(State(s): State<AppState>, st: Staff) -> Result<Response, WebError> {
    render_values(&s, st, None, None, Errors::default()).await
}

async fn value_add(
    State(s): State<AppState>,
    st: Staff,
    Form(d): Form<ValueDraft>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::GainTable)?;
    match brygga_app::gain::value_create(&s, &st.actor, &d).await {
        Ok(id) => Ok(Redirect::to(&format!("/gain/values#value-{id}")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            render_values(&s, st, Some(d), None, errors).await
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ValueForm {
    #[serde(flatten)]
    value: ValueDraft,
    version: String,
}

async fn value_edit(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<ValueForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::GainTable)?;
    let version = f.version.trim().parse().unwrap_or(-1);
    match brygga_app::gain::value_update(&s, &st.actor, id, version, &f.value).await {
        Ok(()) => Ok(Redirect::to(&format!("/gain/values#value-{id}")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            render_values(&s, st, None, Some((id, f.value)), errors).await
        }
    }
}

async fn value_delete(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    st.require(Action::Delete, Resource::GainTable)?;
    brygga_app::gain::value_delete(&s, &st.actor, id).await?;
    Ok(Redirect::to("/gain/values").into_response())
}

// ------------------------------------------------------------------ a programme's calculation

#[derive(Template, WebTemplate)]
#[template(path = "gain/programme.html")]
struct ProgrammePage {
    chrome: Chrome,
    programme_id: i32,
    programme: String,
    calc: brygga_app::gain::Calculation,
    /// The programme manager sets the parameters.
    edits: bool,
    params: ParamsDraft,
    costs: CostDraft,
    version: i32,
    errors: Errors,
}

crate::http::page_chrome!(ProgrammePage);

/// The columns every figure is shown in.
const COLUMNS: [&str; 5] = [
    "gain-society",
    "gain-party-state",
    "gain-party-municipality",
    "gain-party-region",
    "gain-party-individual",
];

impl ProgrammePage {
    fn columns(&self) -> &'static [&'static str] {
        &COLUMNS
    }

    fn figures(&self, e: &Effect) -> Vec<String> {
        [e.society, e.state, e.municipality, e.region, e.individual]
            .into_iter()
            .map(|n| self.chrome.i18n.decimal(n as f64, 0))
            .collect()
    }

    fn kronor(&self, n: &i64) -> String {
        self.chrome.i18n.decimal(*n as f64, 0)
    }

    fn decimal(&self, v: &f64, places: usize) -> String {
        self.chrome.i18n.decimal(*v, places)
    }

    /// "3 years, 100 % of the effect, 3.5 %".
    fn scenario_params(&self, sc: &brygga_domain::gain::ScenarioResult) -> String {
        let i18n = &self.chrome.i18n;
        let p = &sc.params;
        format!(
            "{}, {} %",
            i18n.t2(
                "gain-scenario-params",
                ("years", &i18n.decimal(p.persistence_years, 1)),
                ("share", &i18n.decimal(p.effect_share_percent, 0)),
            ),
            i18n.decimal(p.discount_rate_percent, 1)
        )
    }

    fn status_key(&self, s: &GainStatus) -> String {
        s.label_key()
    }

    fn party_key(&self, p: &Option<Party>) -> String {
        p.map(|p| p.label_key()).unwrap_or_default()
    }

    /// Why there is no report, said with the statuses that lack values.
    fn problem(&self, e: &GainError) -> String {
        let i18n = &self.chrome.i18n;
        match e {
            GainError::MissingValues(statuses) => {
                let names: Vec<String> = statuses.iter().map(|s| i18n.t(&s.label_key())).collect();
                i18n.t1(e.key(), "statuses", names.join(", "))
            }
            other => i18n.t(other.key()),
        }
    }

    fn base_years(&self) -> Vec<brygga_domain::gain::YearRow> {
        self.calc
            .report
            .as_ref()
            .ok()
            .and_then(|r| r.scenario(Scenario::Base))
            .map(|s| s.years.clone())
            .unwrap_or_default()
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SettingsForm {
    #[serde(flatten)]
    params: ParamsDraft,
    #[serde(flatten)]
    costs: CostDraft,
    version: String,
}

async fn render_programme(
    s: &AppState,
    st: Staff,
    programme_id: i32,
    typed: Option<(SettingsForm, Errors)>,
) -> Result<Response, WebError> {
    let calc = brygga_app::gain::calculation(s, &st.actor, programme_id).await?;
    let programme = s
        .store
        .programmes_for(&st.actor)
        .await?
        .into_iter()
        .find(|o| o.id == programme_id)
        .map(|o| o.name)
        .unwrap_or_default();
    let (params, costs, version, errors) = match typed {
        Some((f, e)) => (
            f.params,
            f.costs,
            f.version.trim().parse().unwrap_or(calc.settings.version),
            e,
        ),
        None => (
            ParamsDraft::from(&calc.settings.params),
            CostDraft::of(&calc.settings.costs),
            calc.settings.version,
            Errors::default(),
        ),
    };
    let status = form_status(&errors);
    let page = ProgrammePage {
        edits: st.actor.may(Action::Update, Resource::Gain),
        chrome: st.chrome,
        programme_id,
        programme,
        calc,
        params,
        costs,
        version,
        errors,
    };
    Ok((status, page).into_response())
}

async fn programme_page(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    render_programme(&s, st, id, None).await
}

async fn settings_save(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<SettingsForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Gain)?;
    let version = f.version.trim().parse().unwrap_or(-1);
    match brygga_app::gain::settings_set(&s, &st.actor, id, version, &f.params, &f.costs).await {
        Ok(()) => Ok(Redirect::to(&format!("/programmes/{id}/gain")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            render_programme(&s, st, id, Some((f, errors))).await
        }
    }
}
