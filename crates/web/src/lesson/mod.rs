//! A programme's log of lessons and challenges: the list (all the actor's programmes, or one),
//! a new entry, and changing one.

pub mod api;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use brygga_domain::lesson::{LessonDraft, LessonKind};
use brygga_domain::policy::{Action, Resource};
use brygga_store::lesson::LessonView;
use brygga_store::org::Organisation;
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Id, Staff, WebError, form_errors};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/lessons", get(list).post(add))
        .route("/lessons/{id}", post(edit))
}

#[derive(Template, WebTemplate)]
#[template(path = "lesson/list.html")]
struct ListPage {
    chrome: Chrome,
    lessons: Vec<LessonView>,
    programmes: Vec<Organisation>,
    /// The programme shown, when one is chosen.
    shown: Option<i32>,
    kinds: &'static [LessonKind],
    /// The new entry's form (as typed after a failed save).
    form: LessonDraft,
    /// The entry whose change failed, with what was typed.
    editing: Option<(i32, LessonDraft)>,
    errors: Errors,
}

crate::http::page_chrome!(ListPage);

impl ListPage {
    fn errors_for(&self, id: Option<i32>) -> Errors {
        if self.editing.as_ref().map(|e| e.0) == id {
            self.errors.clone()
        } else {
            Errors::default()
        }
    }

    fn entry_errors(&self, l: &LessonView) -> Errors {
        self.errors_for(Some(l.id))
    }

    fn is_shown(&self, p: &Organisation) -> bool {
        self.shown == Some(p.id)
    }

    /// The log as shown (one programme's or all), for its export.
    fn list_link(&self) -> String {
        match self.shown {
            Some(p) => format!("/lessons?programme={p}"),
            None => "/lessons?".into(),
        }
    }

    fn by_line(&self, l: &LessonView) -> String {
        let date = l.updated_at.format("%Y-%m-%d").to_string();
        self.chrome.i18n.t2(
            "lesson-by",
            ("name", l.updated_by_name.as_str()),
            ("date", date.as_str()),
        )
    }

    /// What an entry's change form shows: what was typed after a failed change, else the entry.
    fn draft_of(&self, l: &LessonView) -> LessonDraft {
        match &self.editing {
            Some((id, d)) if *id == l.id => d.clone(),
            _ => LessonDraft {
                programme_id: l.programme_id.to_string(),
                kind: l.kind.as_str().into(),
                noted_on: l.noted_on.to_string(),
                text: l.text.clone(),
                action: l.action.clone(),
            },
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    programme: Option<i32>,
}

async fn page(
    s: &AppState,
    st: Staff,
    shown: Option<i32>,
    form: LessonDraft,
    editing: Option<(i32, LessonDraft)>,
    errors: Errors,
) -> Result<Response, WebError> {
    let lessons = s.store.lessons(&st.actor, shown).await?;
    let programmes: Vec<Organisation> = s
        .store
        .programmes_for(&st.actor)
        .await?
        .into_iter()
        .filter(|p| p.kind == brygga_domain::model::OrgKind::Programme)
        .collect();
    let status = crate::http::form_status(&errors);
    Ok((
        status,
        ListPage {
            chrome: st.chrome,
            lessons,
            programmes,
            shown,
            kinds: LessonKind::ALL,
            form,
            editing,
            errors,
        },
    )
        .into_response())
}

fn fresh(programme: Option<i32>) -> LessonDraft {
    LessonDraft {
        programme_id: programme.map(|p| p.to_string()).unwrap_or_default(),
        kind: LessonKind::Lesson.as_str().into(),
        noted_on: brygga_app::today().to_string(),
        ..Default::default()
    }
}

async fn list(
    State(s): State<AppState>,
    st: Staff,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    st.require(Action::List, Resource::Lesson)?;
    page(
        &s,
        st,
        q.programme,
        fresh(q.programme),
        None,
        Errors::default(),
    )
    .await
}

async fn add(
    State(s): State<AppState>,
    st: Staff,
    Form(d): Form<LessonDraft>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Lesson)?;
    match brygga_app::lesson::add(&s, &st.actor, &d).await {
        Ok(id) => Ok(Redirect::to(&format!("/lessons#l{id}")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            page(&s, st, None, d, None, errors).await
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct EditForm {
    #[serde(flatten)]
    draft: LessonDraft,
    version: i32,
}

async fn edit(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<EditForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Lesson)?;
    match brygga_app::lesson::update(&s, &st.actor, id, &f.draft, f.version).await {
        Ok(()) => Ok(Redirect::to(&format!("/lessons#l{id}")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            page(&s, st, None, fresh(None), Some((id, f.draft)), errors).await
        }
    }
}
