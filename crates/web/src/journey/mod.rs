//! Journeys: the board of a programme's participants by stage with what blocks each, and a
//! participant's staircase with its moves and manual checkpoints.

pub mod api;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use brygga_domain::journey::{Blocker, Checkpoint, CheckpointKind, ProcessMap, Stage};
use brygga_domain::policy::{Action, Resource};
use brygga_store::org::Organisation;
use brygga_store::process::{Board, Journey, JourneyEvent};
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, I18n, Id, Lang, Staff, WebError, form_errors, form_status};

pub fn router() -> Router<AppState> {
    Router::new().route("/board", get(board)).route(
        "/participants/{id}/journey",
        get(journey_show).post(journey_post),
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
#[template(path = "journey/board.html")]
struct BoardPage {
    chrome: Chrome,
    programmes: Vec<Organisation>,
    board: Option<Board>,
}

crate::http::page_chrome!(BoardPage);

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
        chrome: st.chrome,
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
#[template(path = "journey/show.html")]
struct JourneyPage {
    chrome: Chrome,
    j: Journey,
    can_move: bool,
    form: JourneyForm,
    errors: Errors,
    /// What blocks the refused move, each said in words.
    blockers: Vec<String>,
}

crate::http::page_chrome!(JourneyPage);

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
            .map(|b| blocker_text(&st.chrome.i18n, b, &j.map))
            .collect(),
        _ => vec![],
    };
    Ok(JourneyPage {
        can_move: st.actor.may(Action::Update, Resource::Participant),
        chrome: st.chrome,
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
            let status = form_status(&errors);
            let page = journey_page(&s, st, id, form, errors).await?;
            Ok((status, page).into_response())
        }
    }
}
