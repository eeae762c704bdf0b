//! A participant leaving the programme, and taking it back when it was recorded by mistake.
//! Once she has left, rankings leave her out (the matching index follows the change feed) and
//! plans do not place her.

use brygga_domain::exit::ExitDraft;
use brygga_store::Actor;
use brygga_store::exit::ExitRecord;

use crate::{App, Error, Result};

/// Record (or correct) the participant's leaving, as typed.
pub async fn record(app: &App, actor: &Actor, participant_id: i32, d: &ExitDraft) -> Result<()> {
    let input = d.validate(crate::today())?;
    Ok(app
        .store
        .participant_exit_set(actor, participant_id, &input)
        .await?)
}

/// Take back a leaving recorded by mistake (not found when none is recorded).
pub async fn undo(app: &App, actor: &Actor, participant_id: i32) -> Result<()> {
    if app
        .store
        .participant_exit_clear(actor, participant_id)
        .await?
    {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// The participant's leaving, for those who may update her; `None` when not recorded or the
/// reader may not see it.
pub async fn of(app: &App, actor: &Actor, participant_id: i32) -> Result<Option<ExitRecord>> {
    match app.store.participant_exit(actor, participant_id).await {
        Ok(e) => Ok(e),
        Err(brygga_store::StoreError::Forbidden | brygga_store::StoreError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}
