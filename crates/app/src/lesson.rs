//! A programme's log of lessons and challenges: adding an entry and changing one.

use brygga_domain::lesson::LessonDraft;
use brygga_store::Actor;

use crate::{App, Result};

/// Add an entry as typed (dated today or earlier).
pub async fn add(app: &App, actor: &Actor, d: &LessonDraft) -> Result<i32> {
    let input = d.validate(crate::today())?;
    Ok(app.store.lesson_add(actor, &input).await?)
}

/// Change an entry at the version read (its programme stays what it was).
pub async fn update(
    app: &App,
    actor: &Actor,
    id: i32,
    d: &LessonDraft,
    version: i32,
) -> Result<()> {
    let input = d.validate(crate::today())?;
    Ok(app.store.lesson_update(actor, id, &input, version).await?)
}
