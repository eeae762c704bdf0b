//! A programme's cohort plan (the optimum beside deferred acceptance, locks and exclusions,
//! accepting it as proposals), the matching-meeting schedule and the programme's weights.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
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
        .route("/plan/{id}/accept/confirm", post(plan_confirm))
        .route("/plan/{id}/free", post(plan_free))
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

/// A participant's kept (live) proposal, listed apart with a way to free her.
pub struct KeptRow {
    pub participant_id: i32,
    pub participant: String,
    pub placement_id: i32,
    pub placement: String,
    pub proposal_id: i32,
    pub version: i32,
    /// Whether the coordinator may withdraw it (not once the employer selected her).
    pub may_free: bool,
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
    freed: bool,
    error: Option<String>,
    /// Why accepting was refused (a row no longer holds), in words.
    refused: Option<String>,
    kept: Vec<KeptRow>,
    not_looking: usize,
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
    freed: bool,
}

async fn plan(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Query(q): Query<PlanQuery>,
) -> Result<Response, WebError> {
    Ok(plan_page(&s, st, id, q, None).await?.into_response())
}

/// The message of a refused row (`pair:P:X` in the field), with the names filled in.
fn refusal(
    i18n: &brygga_i18n::I18n,
    pool: &brygga_app::matching::Pool,
    errors: &brygga_domain::FieldErrors,
) -> Option<String> {
    let e = errors.0.first()?;
    let Some((p, x)) = e
        .field
        .strip_prefix("pair:")
        .and_then(|r| r.split_once(':'))
        .and_then(|(p, x)| Some((p.parse::<i32>().ok()?, x.parse::<i32>().ok()?)))
    else {
        return Some(i18n.t(e.key));
    };
    let participant = Some(name_of_in(pool, p))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| format!("#{p}"));
    let placement = Some(placement_of_in(pool, x))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| format!("#{x}"));
    Some(i18n.t2(
        e.key,
        ("participant", &participant),
        ("placement", &placement),
    ))
}

/// The plan page, with why accepting was refused when it was.
async fn plan_page(
    s: &AppState,
    st: Staff,
    id: i32,
    q: PlanQuery,
    refused: Option<brygga_domain::FieldErrors>,
) -> Result<PlanPage, WebError> {
    let brygga_app::matching::PlanView {
        programme,
        pool,
        rules,
        plan,
    } = brygga_app::matching::plan(
        s,
        &st.actor,
        id,
        brygga_app::matching::min_score(&q.min_score),
    )
    .await?;
    let refused = refused.and_then(|e| refusal(&st.chrome.i18n, &pool, &e));
    let kept: Vec<KeptRow> = pool
        .kept
        .iter()
        .map(|k| KeptRow {
            participant_id: k.participant_id,
            participant: name_of_in(&pool, k.participant_id),
            placement_id: k.placement_id,
            placement: labelled(&k.placement_title, &k.employer_name),
            proposal_id: k.id,
            version: k.version,
            may_free: brygga_domain::interview::may_move(
                st.actor.role(),
                k.status,
                brygga_domain::model::ProposalStatus::Withdrawn,
            ),
        })
        .collect();
    let not_looking = pool.placed_or_finished();
    let name_of = |pid: i32| name_of_in(&pool, pid);
    let title_of = |xid: i32| placement_of_in(&pool, xid);
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
                freed: q.freed,
                error: None,
                refused,
                kept,
                not_looking,
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
            freed: q.freed,
            error: Some(e),
            refused,
            kept,
            not_looking,
        },
    };
    Ok(page)
}

/// A placement as the plan names it, "title (employer)"; a kept proposal's placement is named
/// from the proposal; empty when unknown.
fn placement_of_in(pool: &brygga_app::matching::Pool, xid: i32) -> String {
    pool.placements
        .get(&xid)
        .map(|x| labelled(&x.title, &x.employer_name))
        .or_else(|| {
            pool.kept
                .iter()
                .find(|k| k.placement_id == xid)
                .map(|k| labelled(&k.placement_title, &k.employer_name))
        })
        .unwrap_or_default()
}

fn labelled(title: &str, employer: &str) -> String {
    format!("{title} ({employer})")
}

fn name_of_in(pool: &brygga_app::matching::Pool, pid: i32) -> String {
    pool.participants
        .get(&pid)
        .map(|p| format!("{} {}", p.first_name, p.last_name))
        .unwrap_or_default()
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
    /// The ticked rows, `None` (every row) unless the page said `rows=selected`.
    fn selected(&self) -> Option<Vec<(i32, i32)>> {
        (self.rows == "selected").then(|| self.pairs())
    }

    fn pairs(&self) -> Vec<(i32, i32)> {
        self.pair
            .iter()
            .filter_map(|v| {
                let (p, x) = v.split_once(':')?;
                Some((p.trim().parse().ok()?, x.trim().parse().ok()?))
            })
            .collect()
    }
}

/// One row of the preview.
pub struct PreviewLine {
    pub participant_id: i32,
    pub participant: String,
    pub placement_id: i32,
    pub placement: String,
    pub score: f64,
}

#[derive(Template, WebTemplate)]
#[template(path = "matching/plan_preview.html")]
struct PreviewPage {
    chrome: Chrome,
    programme: brygga_store::org::Organisation,
    min_score: String,
    create: Vec<PreviewLine>,
    no_consent: Vec<PreviewLine>,
}

crate::http::page_chrome!(PreviewPage);

/// The plan page again at `status`, saying why accepting was refused.
async fn refused_page(
    s: &AppState,
    st: Staff,
    id: i32,
    min_score: String,
    errors: brygga_domain::FieldErrors,
    status: axum::http::StatusCode,
) -> Result<Response, WebError> {
    let q = PlanQuery {
        min_score,
        ..PlanQuery::default()
    };
    let page = plan_page(s, st, id, q, Some(errors)).await?;
    Ok((status, page).into_response())
}

/// The selected rows, solved again and shown as the proposals confirming would create.
/// Nothing is written here.
async fn plan_accept(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    axum_extra::extract::Form(f): axum_extra::extract::Form<AcceptForm>,
) -> Result<Response, WebError> {
    let selected = f.selected();
    let preview = match brygga_app::matching::preview_plan(
        &s,
        &st.actor,
        id,
        brygga_app::matching::min_score(&f.min_score),
        selected.as_deref(),
    )
    .await
    {
        Ok(p) => p,
        // The rules contradict each other: the plan page again, with why, at 422.
        Err(brygga_app::Error::Invalid(e)) if e.0.iter().any(|e| e.field == "rules") => {
            return refused_page(&s, st, id, f.min_score, e, StatusCode::UNPROCESSABLE_ENTITY)
                .await;
        }
        // A selected row no longer in the plan: refused, nothing created.
        Err(brygga_app::Error::Invalid(e)) => {
            return refused_page(&s, st, id, f.min_score, e, StatusCode::CONFLICT).await;
        }
        Err(e) => return Err(e.into()),
    };
    let pool = &preview.view.pool;
    let line = |r: &brygga_app::matching::PreviewRow| PreviewLine {
        participant_id: r.participant_id,
        participant: name_of_in(pool, r.participant_id),
        placement_id: r.placement_id,
        placement: placement_of_in(pool, r.placement_id),
        score: r.score,
    };
    let create = preview.create.iter().map(line).collect();
    let no_consent = preview.no_consent.iter().map(line).collect();
    Ok(PreviewPage {
        chrome: st.chrome,
        programme: preview.view.programme,
        min_score: f.min_score,
        create,
        no_consent,
    }
    .into_response())
}

/// Create exactly the previewed proposals, all or none; sent twice, nothing is created twice;
/// a row that no longer holds is refused at 409 with the plan page saying which.
async fn plan_confirm(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    axum_extra::extract::Form(f): axum_extra::extract::Form<AcceptForm>,
) -> Result<Response, WebError> {
    let pairs = f.pairs();
    match brygga_app::matching::accept_plan(&s, &st.actor, id, &pairs).await {
        Ok(created) => Ok(Redirect::to(&format!(
            "/plan/{id}?accepted={created}&min_score={}",
            crate::http::urlencode(&f.min_score)
        ))
        .into_response()),
        Err(brygga_app::Error::Invalid(e)) => {
            refused_page(&s, st, id, f.min_score, e, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FreeForm {
    proposal_id: i32,
    version: i32,
    min_score: String,
}

/// Free a participant from her kept proposal (withdraw it), so the plan places her again.
async fn plan_free(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    axum::Form(f): axum::Form<FreeForm>,
) -> Result<Response, WebError> {
    brygga_app::matching::free_proposal(&s, &st.actor, id, f.proposal_id, f.version).await?;
    Ok(Redirect::to(&format!(
        "/plan/{id}?freed=true&min_score={}",
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
