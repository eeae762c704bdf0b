//! The socio-economic calculation: the value table (edited by an admin), a programme's
//! parameters and costs (its manager's), and the report worked out from its outcome records.

use brygga_domain::FieldErrors;
use brygga_domain::gain::{CostDraft, GainError, GainReport, ParamsDraft, ValueDraft, calculate};
use brygga_store::Actor;
use brygga_store::gain::{GainFacts, GainSettings, ValueRow};

use crate::{App, Error, Result};

pub async fn values(app: &App, actor: &Actor) -> Result<Vec<ValueRow>> {
    Ok(app.store.gain_values(actor).await?)
}

pub async fn value_create(app: &App, actor: &Actor, d: &ValueDraft) -> Result<i32> {
    let v = d.validate(crate::today())?;
    Ok(app.store.gain_value_create(actor, &v).await?)
}

pub async fn value_update(
    app: &App,
    actor: &Actor,
    id: i32,
    version: i32,
    d: &ValueDraft,
) -> Result<()> {
    let v = d.validate(crate::today())?;
    Ok(app.store.gain_value_update(actor, id, version, &v).await?)
}

pub async fn value_delete(app: &App, actor: &Actor, id: i32) -> Result<()> {
    Ok(app.store.gain_value_delete(actor, id).await?)
}

pub async fn settings(app: &App, actor: &Actor, programme_id: i32) -> Result<GainSettings> {
    Ok(app.store.gain_settings(actor, programme_id).await?)
}

/// Save a programme's parameters and costs as typed; every field's error at once.
pub async fn settings_set(
    app: &App,
    actor: &Actor,
    programme_id: i32,
    version: i32,
    params: &ParamsDraft,
    costs: &CostDraft,
) -> Result<()> {
    let (p, c) = (params.validate(), costs.validate());
    let (Ok(p), Ok(c)) = (&p, &c) else {
        let mut errs = FieldErrors::default();
        for e in [p.err(), c.err()].into_iter().flatten() {
            errs.0.extend(e.0);
        }
        return Err(Error::Invalid(errs));
    };
    Ok(app
        .store
        .gain_settings_set(actor, programme_id, version, p, c)
        .await?)
}

/// A programme's calculation: what it counts, its settings, and the report or why there is none.
#[derive(Debug, Clone)]
pub struct Calculation {
    pub facts: GainFacts,
    pub settings: GainSettings,
    pub report: std::result::Result<GainReport, GainError>,
}

pub async fn calculation(app: &App, actor: &Actor, programme_id: i32) -> Result<Calculation> {
    let facts = app.store.gain_facts(actor, programme_id).await?;
    let settings = app.store.gain_settings(actor, programme_id).await?;
    let values: Vec<_> = app
        .store
        .gain_values(actor)
        .await?
        .into_iter()
        .map(|r| r.value)
        .collect();
    let report = calculate(&values, &facts.input, &settings.params);
    Ok(Calculation {
        facts,
        settings,
        report,
    })
}
