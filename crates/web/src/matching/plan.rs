//! A programme's cohort plan (the optimum beside deferred acceptance, locks and exclusions,
//! accepting it as proposals), the matching-meeting schedule and the programme's weights.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use brygga_matching::Fit;
use brygga_store::participant::ParticipantRecord;
use brygga_store::placement::PlacementRecord;
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Id, Staff, WebError, form_errors, form_status};
use crate::matching::require_matching;
use brygga_app::matching::{MeetingDraft, SettingsDraft};

pub fn router() -> Router<AppState> {
    Router::new()
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

#[derive(Template, WebTemplate)]
#[template(path = "matching/plan_index.html")]
struct PlanIndexPage {
    chrome: Chrome,
    programmes: Vec<brygga_store::org::Organisation>,
}

crate::http::page_chrome!(PlanIndexPage);

async fn plan_index(State(s): State<AppState>, st: Staff) -> Result<Response, WebError> {
    let programmes = brygga_app::matching::programmes(&s, &st.actor).await?;
    if let [only] = programmes.as_slice() {
        return Ok(Redirect::to(&format!("/plan/{}", only.id)).into_response());
    }
    Ok(PlanIndexPage {
        chrome: st.chrome,
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
#[template(path = "matching/plan.html")]
struct PlanPage {
    chrome: Chrome,
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

crate::http::page_chrome!(PlanPage);

impl PlanPage {
    fn total_text(&self) -> String {
        self.chrome.i18n.decimal(self.total, 2)
    }
    /// How many proposals accepting every row would create (the rows with a placement).
    fn proposals(&self) -> usize {
        self.rows.iter().filter(|r| r.placement.is_some()).count()
    }
    fn stable_text(&self) -> String {
        self.chrome.i18n.decimal(self.stable_total, 2)
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PlanQuery {
    min_score: String,
    accepted: Option<usize>,
}

async fn plan(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Query(q): Query<PlanQuery>,
) -> Result<Response, WebError> {
    let brygga_app::matching::PlanView {
        programme,
        pool,
        rules,
        plan,
    } = brygga_app::matching::plan(
        &s,
        &st.actor,
        id,
        brygga_app::matching::min_score(&q.min_score),
    )
    .await?;
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
                chrome: st.chrome,
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
            chrome: st.chrome,
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
        crate::http::urlencode(&f.min_score)
    ))
    .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AcceptForm {
    min_score: String,
    /// The rows ticked on the page, as `participant:placement`; the page always sends
    /// `rows=selected`, so ticking none accepts none.
    pair: Vec<String>,
    rows: String,
}

impl AcceptForm {
    fn selected(&self) -> Option<Vec<(i32, i32)>> {
        (self.rows == "selected").then(|| {
            self.pair
                .iter()
                .filter_map(|v| {
                    let (p, x) = v.split_once(':')?;
                    Some((p.trim().parse().ok()?, x.trim().parse().ok()?))
                })
                .collect()
        })
    }
}

/// Accept the plan as it stands (solved again from the same data, so what is accepted is what
/// was shown unless someone changed the data in between): each pair becomes a proposal.
async fn plan_accept(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    axum_extra::extract::Form(f): axum_extra::extract::Form<AcceptForm>,
) -> Result<Response, WebError> {
    let selected = f.selected();
    let created = match brygga_app::matching::accept_plan(
        &s,
        &st.actor,
        id,
        brygga_app::matching::min_score(&f.min_score),
        selected.as_deref(),
    )
    .await
    {
        Ok(n) => n,
        // The rules contradict each other: the plan page again, with why, at 422.
        Err(brygga_app::Error::Invalid(_)) => {
            let page = plan(
                State(s),
                st,
                Id(id),
                Query(PlanQuery {
                    min_score: f.min_score,
                    accepted: None,
                }),
            )
            .await?;
            let mut res = page;
            *res.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(res);
        }
        Err(e) => return Err(e.into()),
    };
    Ok(Redirect::to(&format!(
        "/plan/{id}?accepted={created}&min_score={}",
        crate::http::urlencode(&f.min_score)
    ))
    .into_response())
}

// ------------------------------------------------------------------ matching meeting

/// A matching meeting's schedule as tables: a row per participant and a row per employer, a
/// column per time slot.
#[derive(Template, WebTemplate)]
#[template(path = "matching/meeting.html")]
struct MeetingPage {
    chrome: Chrome,
    programme: brygga_store::org::Organisation,
    query: MeetingDraft,
    errors: crate::http::Errors,
    slots: Vec<u32>,
    by_participant: Vec<(String, Vec<String>)>,
    by_employer: Vec<(String, Vec<String>)>,
    total: String,
    meetings: usize,
}

crate::http::page_chrome!(MeetingPage);

async fn meeting(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Query(q): Query<MeetingDraft>,
) -> Result<Response, WebError> {
    let programme = brygga_app::matching::programme_of(&s, &st.actor, id).await?;
    let result = match q.validate() {
        Ok(size) => brygga_app::matching::meeting(&s, &st.actor, id, size)
            .await
            .map(|m| (size, m)),
        Err(e) => Err(e.into()),
    };
    let (errors, slots, by_participant, by_employer, total, meetings) = match result {
        Ok((size, m)) => (
            Errors::default(),
            size.slots,
            m.by_participant(size.slots),
            m.by_employer(size.slots),
            st.chrome.i18n.decimal(m.schedule.total_fit, 2),
            m.schedule.meetings.len(),
        ),
        Err(e) => (form_errors(e)?, 0, vec![], vec![], String::new(), 0),
    };
    let page = MeetingPage {
        chrome: st.chrome,
        programme,
        query: q,
        errors,
        slots: (1..=slots).collect(),
        by_participant,
        by_employer,
        total,
        meetings,
    };
    Ok(page.into_response())
}

// ------------------------------------------------------------------ weights per programme

#[derive(Template, WebTemplate)]
#[template(path = "matching/settings.html")]
struct SettingsPage {
    chrome: Chrome,
    programme: brygga_store::org::Organisation,
    form: SettingsDraft,
    errors: crate::http::Errors,
}

crate::http::page_chrome!(SettingsPage);

async fn settings_page(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    let programme = brygga_app::matching::programme_of(&s, &st.actor, id).await?;
    let form = SettingsDraft::of(&brygga_app::matching::settings_of(&s, &st.actor, id).await?);
    Ok(SettingsPage {
        chrome: st.chrome,
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
    axum::Form(form): axum::Form<SettingsDraft>,
) -> Result<Response, WebError> {
    let programme = brygga_app::matching::programme_of(&s, &st.actor, id).await?;
    match brygga_app::matching::save_settings(&s, &st.actor, id, &form).await {
        Ok(()) => Ok(Redirect::to(&format!("/plan/{id}")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let page = SettingsPage {
                chrome: st.chrome,
                programme,
                form,
                errors,
            };
            Ok((form_status(&page.errors), page).into_response())
        }
    }
}
