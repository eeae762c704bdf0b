//! A programme's project data and sub-goals, as typed.

use brygga_domain::project::{GoalDraft, ProjectDraft};
use brygga_store::Actor;

use crate::{App, Result};

pub async fn save(
    app: &App,
    actor: &Actor,
    programme_id: i32,
    version: i32,
    d: &ProjectDraft,
) -> Result<()> {
    let p = d.validate()?;
    Ok(app
        .store
        .project_set(actor, programme_id, version, &p)
        .await?)
}

pub async fn goal_add(app: &App, actor: &Actor, programme_id: i32, d: &GoalDraft) -> Result<i32> {
    let g = d.validate()?;
    Ok(app.store.goal_add(actor, programme_id, &g).await?)
}
