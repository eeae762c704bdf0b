//! The case log: appending an entry (checked against today's date in Stockholm).

use brygga_domain::caselog::CaseLogDraft;
use brygga_store::Actor;

use crate::{App, Result};

/// Append an entry to a participant's case log; a correction names the entry it corrects.
pub async fn add(
    app: &App,
    actor: &Actor,
    participant_id: i32,
    draft: &CaseLogDraft,
) -> Result<i32> {
    let input = draft.validate(crate::today())?;
    Ok(app.store.caselog_add(actor, participant_id, &input).await?)
}
