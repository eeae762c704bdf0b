//! The admin's editor of a programme's process map: stages and their checkpoints.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use brygga_domain::journey::{Checkpoint, CheckpointKind, ProcessMap, Stage};
use brygga_domain::policy::{Action, Resource};
use brygga_store::StoreError;
use brygga_store::org::Organisation;
use brygga_store::process::ProcessEdit;
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Staff, WebError, form_errors, form_status};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/process", get(process_index))
        .route(
            "/admin/process/{programme_id}",
            get(process_show).post(process_post),
        )
}

#[derive(Template, WebTemplate)]
#[template(path = "process/index.html")]
struct ProcessIndexPage {
    chrome: Chrome,
    programmes: Vec<Organisation>,
}

crate::http::page_chrome!(ProcessIndexPage);

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
        chrome: st.chrome,
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
#[template(path = "process/show.html")]
struct ProcessPage {
    chrome: Chrome,
    programme: Organisation,
    map: ProcessMap,
    /// The form that failed (kept as typed) and its errors.
    form: ProcessForm,
    errors: Errors,
}

crate::http::page_chrome!(ProcessPage);

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
        chrome: st.chrome,
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
            let status = form_status(&errors);
            let page = process_page(&s, st, id, form, errors).await?;
            Ok((status, page).into_response())
        }
    }
}
