//! The overview a logged-in user lands on: what they must act on, and counts of what their role
//! may see.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use brygga_domain::model::PlacementStatus;
use brygga_domain::policy::{Action, Resource};
use brygga_store::StoreError;
use brygga_store::employer::EmployerFilter;
use brygga_store::participant::ParticipantFilter;
use brygga_store::todo::{Todo, TodoEntry};

use crate::AppState;
use crate::http::{Chrome, Staff, WebError};

pub fn router() -> Router<AppState> {
    Router::new().route("/", get(home))
}

#[derive(Template, WebTemplate)]
#[template(path = "home/index.html")]
struct HomePage {
    chrome: Chrome,
    participants: Option<u64>,
    employers: Option<u64>,
    /// `None` for roles that may list no placements (the link would be refused).
    placements_published: Option<u64>,
    /// Placements an employer submitted, for those who review and publish them.
    placements_to_review: Option<u64>,
    /// What the reader must act on, kind by kind.
    todo: Vec<Todo>,
}

impl HomePage {
    fn when(&self, e: &TodoEntry) -> String {
        e.at.map(brygga_app::interview::local_time)
            .unwrap_or_default()
    }
}

crate::http::page_chrome!(HomePage);

async fn home(State(s): State<AppState>, st: Staff) -> Result<HomePage, WebError> {
    let participants = match s
        .store
        .participant_list(&st.actor, &ParticipantFilter::default())
        .await
    {
        Ok(p) => Some(p.total),
        Err(StoreError::Forbidden) => None,
        Err(e) => return Err(e.into()),
    };
    let employers = match s
        .store
        .employer_list(&st.actor, &EmployerFilter::default())
        .await
    {
        Ok(p) => Some(p.total),
        Err(StoreError::Forbidden) => None,
        Err(e) => return Err(e.into()),
    };
    let placements_published = match s
        .store
        .placement_count(&st.actor, PlacementStatus::Published)
        .await
    {
        Ok(n) => Some(n),
        Err(StoreError::Forbidden) => None,
        Err(e) => return Err(e.into()),
    };
    let placements_to_review = if st.actor.may(Action::Approve, Resource::Placement) {
        Some(
            s.store
                .placement_count(&st.actor, PlacementStatus::Submitted)
                .await?,
        )
    } else {
        None
    };
    let todo = s.store.todo(&st.actor, chrono::Utc::now()).await?;
    Ok(HomePage {
        todo,
        chrome: st.chrome,
        participants,
        employers,
        placements_published,
        placements_to_review,
    })
}
