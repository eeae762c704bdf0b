//! The process map pages: the coordinator's board (participants by stage, with what blocks
//! each), a participant's staircase (done, now, next) with stage moves, and the admin's editor of
//! stages and checkpoints.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use brygga_domain::journey::{Blocker, Checkpoint, CheckpointKind, ProcessMap, Stage};
use brygga_domain::policy::{Action, Resource};
use brygga_store::StoreError;
use brygga_store::org::Organisation;
use brygga_store::process::{Board, Journey, JourneyEvent, ProcessEdit};
use serde::Deserialize;

use crate::AppState;
use crate::auth::{Staff, UserInfo};
use crate::error::{Id, WebError};
use crate::forms::Errors;
use crate::i18n::{I18n, Lang};
use crate::pages::form_errors;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/board", get(board))
        .route(
            "/participants/{id}/journey",
            get(journey_show).post(journey_post),
        )
        .route("/admin/process", get(process_index))
        .route(
            "/admin/process/{programme_id}",
            get(process_show).post(process_post),
        )
}

/// What a blocker says, in the reader's language ("Saknar beslut från Arbetsförmedlingen").
/// A manual checkpoint names itself.
fn blocker_text(i18n: &I18n, b: &Blocker, map: &ProcessMap) -> String {
    match b.kind {
        CheckpointKind::Manual => {
            let label = map
                .checkpoint(b.checkpoint_id)
                .map(|(_, c)| label(i18n, &c.label_sv, &c.label_en))
                .unwrap_or_default();
            i18n.t1("journey-blocked-manual", "label", label)
        }
        k => i18n.t(k.blocked_key()),
    }
}

/// The Swedish or English one of a pair of names.
fn label(i18n: &I18n, sv: &str, en: &str) -> String {
    if i18n.lang == Lang::En { en } else { sv }.to_string()
}

// ------------------------------------------------------------------ the board

#[derive(Deserialize, Default)]
#[serde(default)]
struct BoardQuery {
    programme: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "journey_board.html")]
struct BoardPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    programmes: Vec<Organisation>,
    board: Option<Board>,
}

impl BoardPage {
    fn stage_name(&self, s: &Stage) -> String {
        label(&self.i18n, &s.name_sv, &s.name_en)
    }
    fn blocker(&self, b: &Blocker) -> String {
        match &self.board {
            Some(board) => blocker_text(&self.i18n, b, &board.map),
            None => String::new(),
        }
    }
    fn selected(&self, id: &i32) -> bool {
        self.board.as_ref().is_some_and(|b| b.programme_id == *id)
    }
}

async fn board(
    State(s): State<AppState>,
    st: Staff,
    Query(q): Query<BoardQuery>,
) -> Result<BoardPage, WebError> {
    let programmes = s.store.board_programmes(&st.actor).await?;
    let chosen = q
        .programme
        .trim()
        .parse::<i32>()
        .ok()
        .or_else(|| programmes.first().map(|p| p.id));
    let board = match chosen {
        Some(id) => Some(s.store.board(&st.actor, id).await?),
        None => None,
    };
    Ok(BoardPage {
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        programmes,
        board,
    })
}

// ------------------------------------------------------------------ a participant's journey

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct JourneyForm {
    /// "move" or "confirm".
    op: String,
    stage: String,
    checkpoint_id: String,
    note: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "journey_show.html")]
struct JourneyPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    j: Journey,
    can_move: bool,
    form: JourneyForm,
    errors: Errors,
    /// What blocks the refused move, each said in words.
    blockers: Vec<String>,
}

impl JourneyPage {
    fn event_text(&self, e: &JourneyEvent) -> String {
        let en = self.i18n.lang == Lang::En;
        if e.is_stage() {
            let stage = self.j.stage_name(e.stage_id, en);
            self.i18n.t1("journey-event-stage", "stage", stage)
        } else {
            let checkpoint = self.j.checkpoint_label(e.checkpoint_id, en);
            self.i18n
                .t1("journey-event-checkpoint", "checkpoint", checkpoint)
        }
    }
    fn stage_name(&self, s: &Stage) -> String {
        label(&self.i18n, &s.name_sv, &s.name_en)
    }
    fn checkpoint_label(&self, c: &Checkpoint) -> String {
        label(&self.i18n, &c.label_sv, &c.label_en)
    }
    /// The stage the move form starts at: what was typed, else the next stage.
    fn target_selected(&self, id: &i32) -> bool {
        match self.form.stage.parse::<i32>() {
            Ok(typed) => typed == *id,
            Err(_) => self.j.next_stage().is_some_and(|s| s.id == *id),
        }
    }
    fn is_confirm(&self, checkpoint_id: &i32) -> bool {
        self.form.op == "confirm" && self.form.checkpoint_id == checkpoint_id.to_string()
    }
    fn stage_error(&self) -> Option<&'static str> {
        self.errors
            .get("stage")
            .filter(|_| self.form.op != "confirm")
    }
}

async fn journey_page(
    s: &AppState,
    st: Staff,
    id: i32,
    form: JourneyForm,
    errors: Errors,
) -> Result<JourneyPage, WebError> {
    let j = s.store.journey(&st.actor, id).await?;
    let blockers = match form.stage.parse::<i32>() {
        Ok(target) if errors.has("stage") => j
            .blockers_for(target)
            .iter()
            .map(|b| blocker_text(&st.i18n, b, &j.map))
            .collect(),
        _ => vec![],
    };
    Ok(JourneyPage {
        can_move: st.actor.may(Action::Update, Resource::Participant),
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        j,
        form,
        errors,
        blockers,
    })
}

async fn journey_show(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<JourneyPage, WebError> {
    journey_page(&s, st, id, JourneyForm::default(), Errors::default()).await
}

async fn journey_post(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(form): Form<JourneyForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Participant)?;
    let number = |v: &str| v.trim().parse::<i32>().unwrap_or(0);
    let result = if form.op == "confirm" {
        s.store
            .checkpoint_confirm(&st.actor, id, number(&form.checkpoint_id), &form.note)
            .await
    } else {
        s.store
            .journey_move(&st.actor, id, number(&form.stage), &form.note)
            .await
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/participants/{id}/journey")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let page = journey_page(&s, st, id, form, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

// ------------------------------------------------------------------ the admin's editor

#[derive(Template, WebTemplate)]
#[template(path = "journey_process_index.html")]
struct ProcessIndexPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    programmes: Vec<Organisation>,
}

async fn process_index(State(s): State<AppState>, st: Staff) -> Result<ProcessIndexPage, WebError> {
    st.require(Action::Update, Resource::ProcessMap)?;
    let programmes = s
        .store
        .orgs(&st.actor)
        .await?
        .into_iter()
        .filter(|o| o.kind == brygga_domain::model::OrgKind::Programme)
        .collect();
    Ok(ProcessIndexPage {
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        programmes,
    })
}

/// One of the editor's forms, as typed. `op` says which edit; the ids say where.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct ProcessForm {
    op: String,
    stage_id: String,
    checkpoint_id: String,
    name_sv: String,
    name_en: String,
    kind: String,
    label_sv: String,
    label_en: String,
}

impl ProcessForm {
    fn edit(&self) -> Option<ProcessEdit> {
        let n = |v: &str| v.trim().parse::<i32>().unwrap_or(0);
        let (stage_id, checkpoint_id) = (n(&self.stage_id), n(&self.checkpoint_id));
        Some(match self.op.as_str() {
            "add_stage" => ProcessEdit::AddStage {
                after: stage_id,
                name_sv: self.name_sv.clone(),
                name_en: self.name_en.clone(),
            },
            "rename_stage" => ProcessEdit::RenameStage {
                stage_id,
                name_sv: self.name_sv.clone(),
                name_en: self.name_en.clone(),
            },
            "stage_up" | "stage_down" => ProcessEdit::MoveStage {
                stage_id,
                up: self.op == "stage_up",
            },
            "add_checkpoint" => ProcessEdit::AddCheckpoint {
                stage_id,
                kind: self.kind.clone(),
                label_sv: self.label_sv.clone(),
                label_en: self.label_en.clone(),
            },
            "rename_checkpoint" => ProcessEdit::RenameCheckpoint {
                checkpoint_id,
                label_sv: self.label_sv.clone(),
                label_en: self.label_en.clone(),
            },
            "checkpoint_up" | "checkpoint_down" => ProcessEdit::MoveCheckpoint {
                checkpoint_id,
                up: self.op == "checkpoint_up",
            },
            "remove_checkpoint" => ProcessEdit::RemoveCheckpoint { checkpoint_id },
            _ => return None,
        })
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "journey_process.html")]
struct ProcessPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    programme: Organisation,
    map: ProcessMap,
    /// The form that failed (kept as typed) and its errors.
    form: ProcessForm,
    errors: Errors,
}

impl ProcessPage {
    /// Whether the failed form is this one (`op` on the stage or checkpoint `id`).
    fn failed(&self, op: &str, id: &i32) -> bool {
        !self.errors.is_empty()
            && self.form.op == op
            && (self.form.stage_id == id.to_string() || self.form.checkpoint_id == id.to_string())
    }
    /// A moving button that failed reports beside its stage or checkpoint.
    fn move_failed(&self, prefix: &str, id: &i32) -> bool {
        self.failed(&format!("{prefix}_up"), id) || self.failed(&format!("{prefix}_down"), id)
    }
    /// The rename form's fields of a stage, with their current values.
    fn stage_fields(&self, s: &Stage) -> [(&'static str, String); 2] {
        [
            ("name_sv", s.name_sv.clone()),
            ("name_en", s.name_en.clone()),
        ]
    }
    fn checkpoint_fields(&self, c: &Checkpoint) -> [(&'static str, String); 2] {
        [
            ("label_sv", c.label_sv.clone()),
            ("label_en", c.label_en.clone()),
        ]
    }
    fn kinds(&self) -> &'static [CheckpointKind] {
        CheckpointKind::ALL
    }
    fn kind_key(&self, k: &CheckpointKind) -> String {
        k.label_key()
    }
    /// A field's typed value when `op`/`id` failed, else `current`.
    fn value(&self, op: &str, id: &i32, field: &str, current: &str) -> String {
        if !self.failed(op, id) {
            return current.to_string();
        }
        match field {
            "name_sv" => self.form.name_sv.clone(),
            "name_en" => self.form.name_en.clone(),
            "label_sv" => self.form.label_sv.clone(),
            "label_en" => self.form.label_en.clone(),
            "kind" => self.form.kind.clone(),
            _ => current.to_string(),
        }
    }
    fn error(&self, op: &str, id: &i32, field: &str) -> Option<&'static str> {
        if self.failed(op, id) {
            self.errors.get(field)
        } else {
            None
        }
    }
}

async fn process_page(
    s: &AppState,
    st: Staff,
    programme_id: i32,
    form: ProcessForm,
    errors: Errors,
) -> Result<ProcessPage, WebError> {
    st.require(Action::Update, Resource::ProcessMap)?;
    let map = s.store.process_map(&st.actor, programme_id).await?;
    let programme = s
        .store
        .orgs(&st.actor)
        .await?
        .into_iter()
        .find(|o| o.id == programme_id)
        .ok_or(WebError::NotFound)?;
    Ok(ProcessPage {
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        programme,
        map,
        form,
        errors,
    })
}

fn programme_id(p: &str) -> Result<i32, WebError> {
    p.parse::<i32>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(WebError::NotFound)
}

async fn process_show(
    State(s): State<AppState>,
    st: Staff,
    Path(p): Path<String>,
) -> Result<ProcessPage, WebError> {
    let id = programme_id(&p)?;
    process_page(&s, st, id, ProcessForm::default(), Errors::default()).await
}

async fn process_post(
    State(s): State<AppState>,
    st: Staff,
    Path(p): Path<String>,
    Form(form): Form<ProcessForm>,
) -> Result<Response, WebError> {
    let id = programme_id(&p)?;
    st.require(Action::Update, Resource::ProcessMap)?;
    let result = match form.edit() {
        Some(edit) => s.store.process_edit(&st.actor, id, &edit).await,
        None => Err(StoreError::Invalid(brygga_domain::FieldErrors(vec![
            brygga_domain::FieldError::new("op", "error-invalid-choice"),
        ]))),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/admin/process/{id}")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let page = process_page(&s, st, id, form, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
