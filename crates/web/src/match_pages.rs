//! Matching pages for coordinators: ranked candidates for a placement, suggested placements for
//! a participant, each with its explanation, and proposing a candidate from its row.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use brygga_matching::{Fit, Ranked};
use brygga_store::participant::ParticipantRecord;
use brygga_store::placement::PlacementRecord;
use serde::Deserialize;

use crate::AppState;
use crate::auth::{Staff, UserInfo};
use crate::error::{Id, WebError};
use crate::i18n::I18n;
use crate::matching::{Pool, may_match};
use crate::pages::Lists;

/// The matching pages read and propose for whole programmes (see `may_match`).
fn require_matching(st: &Staff) -> Result<(), WebError> {
    if may_match(&st.actor) {
        Ok(())
    } else {
        Err(WebError::Forbidden)
    }
}

/// How many results a page shows.
const TOP_K: usize = 20;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/placements/{id}/candidates", get(candidates))
        .route("/placements/{id}/candidates/{participant}", post(propose))
        .route("/participants/{id}/suggestions", get(suggestions))
        .route("/plan", get(plan_index))
        .route("/plan/{id}", get(plan))
        .route("/plan/{id}/rules", post(plan_rule))
        .route("/plan/{id}/accept", post(plan_accept))
        .route("/plan/{id}/meeting", get(meeting))
        .route(
            "/plan/{id}/settings",
            get(settings_page).post(settings_save),
        )
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RankQuery {
    /// Also show those who fail a hard constraint (with the reason).
    failing: Option<String>,
    /// The participant just proposed, for the confirmation.
    proposed: Option<i32>,
}

/// One result row: who or what, and why.
pub struct Row<T> {
    pub record: T,
    pub fit: Fit,
}

impl<T> Row<T> {
    pub fn percent(&self) -> u32 {
        (self.fit.score * 100.0).round() as u32
    }
    pub fn component_percent(&self, value: &f64) -> u32 {
        (value * 100.0).round() as u32
    }
}

fn rows<T: Clone>(ranked: Vec<Ranked>, find: impl Fn(i32) -> Option<T>) -> Vec<Row<T>> {
    ranked
        .into_iter()
        .filter_map(|r| find(r.id).map(|record| Row { record, fit: r.fit }))
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "candidates.html")]
struct CandidatesPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    lists: Lists,
    placement: PlacementRecord,
    rows: Vec<Row<ParticipantRecord>>,
    failing: bool,
    proposed: Option<i32>,
}

async fn candidates(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Query(q): Query<RankQuery>,
) -> Result<Response, WebError> {
    require_matching(&st)?;
    let placement = s.store.placement_get(&st.actor, id).await?;
    let pool = Pool::load(&s, &st.actor, Some(placement.clone())).await?;
    let failing = q.failing.is_some();
    let ranked = pool.candidates(id, TOP_K, failing)?;
    let rows = rows(ranked, |pid| pool.participants.get(&pid).cloned());
    let lists = Lists {
        refdata: s.refdata.clone(),
    };
    let page = CandidatesPage {
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        lists,
        placement,
        rows,
        failing,
        proposed: q.proposed,
    };
    Ok(page.into_response())
}

async fn propose(
    State(s): State<AppState>,
    st: Staff,
    Path((id, participant)): Path<(i32, i32)>,
) -> Result<Response, WebError> {
    require_matching(&st)?;
    s.store.placement_get(&st.actor, id).await?;
    if let Err(e) = s.store.propose_candidate(&st.actor, participant, id).await {
        // No consent to share, or already proposed: the pool page says which.
        return match crate::pool::refused_link(id, participant, &e) {
            Some(link) => Ok(Redirect::to(&link).into_response()),
            None => Err(e.into()),
        };
    }
    Ok(Redirect::to(&format!(
        "/placements/{id}/candidates?proposed={participant}"
    ))
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "suggestions.html")]
struct SuggestionsPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    lists: Lists,
    participant: ParticipantRecord,
    rows: Vec<Row<PlacementRecord>>,
    failing: bool,
}

async fn suggestions(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Query(q): Query<RankQuery>,
) -> Result<Response, WebError> {
    require_matching(&st)?;
    let participant = s.store.participant_get(&st.actor, id).await?;
    let pool = Pool::load(&s, &st.actor, None).await?;
    let failing = q.failing.is_some();
    let ranked = pool.suggestions(id, TOP_K, failing)?;
    let rows = rows(ranked, |xid| pool.placements.get(&xid).cloned());
    let lists = Lists {
        refdata: s.refdata.clone(),
    };
    Ok(SuggestionsPage {
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        lists,
        participant,
        rows,
        failing,
    }
    .into_response())
}

// ------------------------------------------------------------------ cohort plan

#[derive(Template, WebTemplate)]
#[template(path = "plan_index.html")]
struct PlanIndexPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    programmes: Vec<brygga_store::org::Organisation>,
}

async fn plan_index(State(s): State<AppState>, st: Staff) -> Result<Response, WebError> {
    require_matching(&st)?;
    let programmes = crate::matching::programmes(&s, &st.actor).await?;
    if let [only] = programmes.as_slice() {
        return Ok(Redirect::to(&format!("/plan/{}", only.id)).into_response());
    }
    Ok(PlanIndexPage {
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        programmes,
    }
    .into_response())
}

/// One participant's line in the plan.
pub struct PlanRow {
    pub participant: ParticipantRecord,
    pub placement: Option<PlacementRecord>,
    pub fit: Option<Fit>,
    pub score: f64,
    pub locked: bool,
}

impl PlanRow {
    pub fn percent(&self) -> u32 {
        (self.score * 100.0).round() as u32
    }
}

/// A locked or ruled-out pair, named.
pub struct RuleRow {
    pub participant_id: i32,
    pub placement_id: i32,
    pub participant: String,
    pub placement: String,
    pub kind: &'static str,
}

#[derive(Template, WebTemplate)]
#[template(path = "plan.html")]
struct PlanPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    programme: brygga_store::org::Organisation,
    rows: Vec<PlanRow>,
    rules: Vec<RuleRow>,
    total: f64,
    stable_total: f64,
    blocking: usize,
    assigned: usize,
    min_score: String,
    accepted: Option<usize>,
    error: Option<String>,
}

impl PlanPage {
    fn total_text(&self) -> String {
        format!("{:.2}", self.total)
    }
    fn stable_text(&self) -> String {
        format!("{:.2}", self.stable_total)
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PlanQuery {
    min_score: String,
    accepted: Option<usize>,
}

fn min_score(q: &str) -> f64 {
    q.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(|v| v.clamp(0.0, 1.0))
        .unwrap_or(0.0)
}

async fn load_plan(
    s: &AppState,
    actor: &brygga_store::Actor,
    programme_id: i32,
    min: f64,
) -> Result<
    (
        brygga_store::org::Organisation,
        Pool,
        Vec<brygga_store::matching::MatchRule>,
        Result<crate::matching::Plan, String>,
    ),
    WebError,
> {
    let programme = crate::matching::programmes(s, actor)
        .await?
        .into_iter()
        .find(|o| o.id == programme_id)
        .ok_or(WebError::NotFound)?;
    let pool = Pool::load_programmes(s, actor, vec![programme_id], None).await?;
    let rules = s.store.match_rules(actor, programme_id).await?;
    let plan = crate::matching::Plan::build(&pool, &rules, min).map_err(|e| e.to_string());
    Ok((programme, pool, rules, plan))
}

async fn plan(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Query(q): Query<PlanQuery>,
) -> Result<Response, WebError> {
    require_matching(&st)?;
    let (programme, pool, rules, plan) =
        load_plan(&s, &st.actor, id, min_score(&q.min_score)).await?;
    let name_of = |pid: i32| {
        pool.participants
            .get(&pid)
            .map(|p| format!("{} {}", p.first_name, p.last_name))
            .unwrap_or_default()
    };
    let title_of = |xid: i32| {
        pool.placements
            .get(&xid)
            .map(|x| format!("{} ({})", x.title, x.employer_name))
            .unwrap_or_default()
    };
    let rules = rules
        .iter()
        .map(|r| RuleRow {
            participant_id: r.participant_id,
            placement_id: r.placement_id,
            participant: name_of(r.participant_id),
            placement: title_of(r.placement_id),
            kind: r.kind.as_str(),
        })
        .collect();
    let page = match plan {
        Ok(plan) => {
            let mut rows: Vec<PlanRow> = plan
                .pairs()
                .into_iter()
                .filter_map(|(pid, xid, score)| {
                    Some(PlanRow {
                        participant: pool.participants.get(&pid)?.clone(),
                        placement: pool.placements.get(&xid).cloned(),
                        fit: plan.fits.get(&(pid, xid)).cloned(),
                        score,
                        locked: plan.locked.contains(&(pid, xid)),
                    })
                })
                .collect();
            let assigned = rows.len();
            rows.extend(plan.unassigned().into_iter().filter_map(|pid| {
                Some(PlanRow {
                    participant: pool.participants.get(&pid)?.clone(),
                    placement: None,
                    fit: None,
                    score: 0.0,
                    locked: false,
                })
            }));
            PlanPage {
                i18n: st.i18n,
                user: Some(st.info),
                csrf: st.csrf,
                programme,
                rows,
                rules,
                total: plan.optimum.total,
                stable_total: plan.stable.assignment.total,
                blocking: plan.stable.blocking_pairs.len(),
                assigned,
                min_score: q.min_score,
                accepted: q.accepted,
                error: None,
            }
        }
        // Contradictory locks: say which, keep the rules visible so they can be cleared.
        Err(e) => PlanPage {
            i18n: st.i18n,
            user: Some(st.info),
            csrf: st.csrf,
            programme,
            rows: vec![],
            rules,
            total: 0.0,
            stable_total: 0.0,
            blocking: 0,
            assigned: 0,
            min_score: q.min_score,
            accepted: None,
            error: Some(e),
        },
    };
    Ok(page.into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RuleForm {
    participant_id: i32,
    placement_id: i32,
    /// lock, exclude or clear.
    kind: String,
    min_score: String,
}

async fn plan_rule(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    axum::Form(f): axum::Form<RuleForm>,
) -> Result<Response, WebError> {
    require_matching(&st)?;
    let kind = brygga_store::matching::RuleKind::parse(&f.kind);
    s.store
        .match_rule_set(&st.actor, id, f.participant_id, f.placement_id, kind)
        .await?;
    Ok(Redirect::to(&format!(
        "/plan/{id}?min_score={}",
        crate::auth::urlencode(&f.min_score)
    ))
    .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AcceptForm {
    min_score: String,
}

/// Accept the plan as it stands (solved again from the same data, so what is accepted is what
/// was shown unless someone changed the data in between): each pair becomes a proposal.
async fn plan_accept(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    axum::Form(f): axum::Form<AcceptForm>,
) -> Result<Response, WebError> {
    require_matching(&st)?;
    let (_, _, _, plan) = load_plan(&s, &st.actor, id, min_score(&f.min_score)).await?;
    let plan = plan.map_err(|_| WebError::Forbidden)?;
    let pairs: Vec<(i32, i32)> = plan.pairs().into_iter().map(|(p, x, _)| (p, x)).collect();
    let created = s.store.accept_plan(&st.actor, id, &pairs).await?;
    Ok(Redirect::to(&format!(
        "/plan/{id}?accepted={created}&min_score={}",
        crate::auth::urlencode(&f.min_score)
    ))
    .into_response())
}

// ------------------------------------------------------------------ matching meeting

#[derive(Deserialize)]
#[serde(default)]
struct MeetingQuery {
    slots: String,
    meetings: String,
    tables: String,
}

impl Default for MeetingQuery {
    fn default() -> Self {
        MeetingQuery {
            slots: "6".into(),
            meetings: "3".into(),
            tables: "1".into(),
        }
    }
}

/// A matching meeting's schedule as tables: a row per participant and a row per employer, a
/// column per time slot.
#[derive(Template, WebTemplate)]
#[template(path = "meeting.html")]
struct MeetingPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    programme: brygga_store::org::Organisation,
    query: MeetingQuery,
    errors: crate::forms::Errors,
    slots: Vec<u32>,
    by_participant: Vec<(String, Vec<String>)>,
    by_employer: Vec<(String, Vec<String>)>,
    total: String,
    meetings: usize,
}

fn small_number(field: &str, s: &str, max: i64, errors: &mut brygga_domain::FieldErrors) -> u32 {
    errors
        .check(
            field,
            brygga_domain::values::parse_int_range(field, s, 1, max),
        )
        .and_then(|v| u32::try_from(v).ok())
        .unwrap_or(1)
}

async fn meeting(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Query(q): Query<MeetingQuery>,
) -> Result<Response, WebError> {
    require_matching(&st)?;
    let programme = crate::matching::programmes(&s, &st.actor)
        .await?
        .into_iter()
        .find(|o| o.id == id)
        .ok_or(WebError::NotFound)?;
    let mut errors = brygga_domain::FieldErrors::default();
    let slots = small_number("slots", &q.slots, 24, &mut errors);
    let k = small_number("meetings", &q.meetings, 12, &mut errors);
    let tables = small_number("tables", &q.tables, 20, &mut errors);
    let pool = Pool::load_programmes(&s, &st.actor, vec![id], None).await?;
    let plan = crate::matching::MeetingPlan::build(&pool, slots, k, tables);
    let (by_participant, by_employer, total, meetings) = match (&plan, errors.is_empty()) {
        (Ok(m), true) => (
            m.by_participant(slots),
            m.by_employer(slots),
            format!("{:.2}", m.schedule.total_fit),
            m.schedule.meetings.len(),
        ),
        (Err(e), true) => {
            errors.push(brygga_domain::FieldError::new(
                "slots",
                "error-invalid-choice",
            ));
            tracing::warn!("meeting schedule: {e}");
            (vec![], vec![], String::new(), 0)
        }
        _ => (vec![], vec![], String::new(), 0),
    };
    let page = MeetingPage {
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        programme,
        query: q,
        errors: crate::forms::Errors::from(errors),
        slots: (1..=slots).collect(),
        by_participant,
        by_employer,
        total,
        meetings,
    };
    Ok(page.into_response())
}

// ------------------------------------------------------------------ weights per programme

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct SettingsForm {
    pub occupation: String,
    pub skills: String,
    pub language: String,
    pub wishes: String,
    pub commute: String,
    /// "flag" or "exclude".
    pub eligibility: String,
}

impl SettingsForm {
    fn of(s: &brygga_matching::Settings) -> Self {
        let w = &s.weights;
        SettingsForm {
            occupation: w.occupation.to_string(),
            skills: w.skills.to_string(),
            language: w.language.to_string(),
            wishes: w.wishes.to_string(),
            commute: w.commute.to_string(),
            eligibility: match s.eligibility {
                brygga_matching::EligibilityRule::Exclude => "exclude".into(),
                brygga_matching::EligibilityRule::Flag => "flag".into(),
            },
        }
    }

    /// Every weight a number ≥ 0, at least one above 0; each wrong field reported.
    fn parse(&self) -> Result<brygga_matching::Settings, brygga_domain::FieldErrors> {
        let mut e = brygga_domain::FieldErrors::default();
        let mut num = |field: &str, v: &str| {
            let parsed = v
                .trim()
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite() && *x >= 0.0);
            if parsed.is_none() {
                e.push(brygga_domain::FieldError::new(field, "error-weight"));
            }
            parsed.unwrap_or(0.0)
        };
        let weights = brygga_matching::Weights {
            occupation: num("occupation", &self.occupation),
            skills: num("skills", &self.skills),
            language: num("language", &self.language),
            wishes: num("wishes", &self.wishes),
            commute: num("commute", &self.commute),
        };
        let eligibility = match self.eligibility.as_str() {
            "exclude" => brygga_matching::EligibilityRule::Exclude,
            "flag" => brygga_matching::EligibilityRule::Flag,
            _ => {
                e.push(brygga_domain::FieldError::new(
                    "eligibility",
                    "error-invalid-choice",
                ));
                brygga_matching::EligibilityRule::Flag
            }
        };
        if e.is_empty() && weights.validate().is_err() {
            e.push(brygga_domain::FieldError::new(
                "occupation",
                "error-weights-all-zero",
            ));
        }
        if e.is_empty() {
            Ok(brygga_matching::Settings {
                weights,
                eligibility,
            })
        } else {
            Err(e)
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "plan_settings.html")]
struct SettingsPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    programme: brygga_store::org::Organisation,
    form: SettingsForm,
    errors: crate::forms::Errors,
}

async fn programme_of(
    s: &AppState,
    actor: &brygga_store::Actor,
    id: i32,
) -> Result<brygga_store::org::Organisation, WebError> {
    crate::matching::programmes(s, actor)
        .await?
        .into_iter()
        .find(|o| o.id == id)
        .ok_or(WebError::NotFound)
}

async fn settings_page(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    require_matching(&st)?;
    let programme = programme_of(&s, &st.actor, id).await?;
    let form = SettingsForm::of(&crate::matching::settings_of(&s, &st.actor, id).await?);
    Ok(SettingsPage {
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        programme,
        form,
        errors: Default::default(),
    }
    .into_response())
}

async fn settings_save(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    axum::Form(form): axum::Form<SettingsForm>,
) -> Result<Response, WebError> {
    require_matching(&st)?;
    let programme = programme_of(&s, &st.actor, id).await?;
    match form.parse() {
        Ok(settings) => {
            let json =
                serde_json::to_string(&settings).map_err(|e| WebError::Internal(e.to_string()))?;
            s.store.set_matching_settings(&st.actor, id, &json).await?;
            Ok(Redirect::to(&format!("/plan/{id}")).into_response())
        }
        Err(e) => {
            let page = SettingsPage {
                i18n: st.i18n,
                user: Some(st.info),
                csrf: st.csrf,
                programme,
                form,
                errors: crate::forms::Errors::from(e),
            };
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
