//! Outcomes after leaving: recording one at a follow-up point, and reading the points.

use brygga_domain::outcome::OutcomeDraft;
use brygga_domain::{FieldError, FieldErrors};
use brygga_store::Actor;
use brygga_store::outcome::Outcomes;

use crate::{App, Error, Result};

/// Record an outcome as typed; refused by name while she has not left.
pub async fn record(
    app: &App,
    actor: &Actor,
    participant_id: i32,
    d: &OutcomeDraft,
) -> Result<i32> {
    let Some(left_on) = app.store.outcome_left_on(actor, participant_id).await? else {
        return Err(Error::Invalid(FieldErrors(vec![FieldError::new(
            "point",
            "outcome-error-not-left",
        )])));
    };
    let input = d.validate(crate::today(), left_on)?;
    Ok(app.store.outcome_set(actor, participant_id, &input).await?)
}

/// The participant's follow-up points with what was recorded at each.
pub async fn of(app: &App, actor: &Actor, participant_id: i32) -> Result<Outcomes> {
    Ok(app.store.outcomes(actor, participant_id).await?)
}
