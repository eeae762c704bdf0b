//! The internship: a coordinator starts one from the participant's page (or the signing of the
//! internship agreement does, in the store), and ends it with a reason.

use brygga_domain::internship::{EndDraft, InternshipDraft};
use brygga_store::Actor;
use brygga_store::idempotency::Once;

use crate::{App, Result};

/// Start an internship for a participant from what the coordinator typed; sending the same form
/// twice (the same `create_key`) makes one.
pub async fn create(
    app: &App,
    actor: &Actor,
    participant_id: i32,
    draft: &InternshipDraft,
    create_key: &str,
) -> Result<Once> {
    let input = draft.validate()?;
    let once = app
        .store
        .create_once(actor, "internship", create_key, async || {
            app.store
                .internship_create(actor, participant_id, &input)
                .await
        })
        .await?;
    Ok(once)
}

/// End an internship read at `version`: completed, ended early (with why) or hired.
pub async fn end(
    app: &App,
    actor: &Actor,
    internship_id: i32,
    version: i32,
    draft: &EndDraft,
) -> Result<()> {
    let input = draft.validate()?;
    Ok(app
        .store
        .internship_end(actor, internship_id, version, &input)
        .await?)
}
