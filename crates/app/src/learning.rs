//! Learning at the workplace: what the coordinator, the supervisor and the participant do with
//! the checklist, the progress log, the assessments and the development plan. Each checks what
//! was typed in the domain and leaves the records to the store.

use brygga_domain::learning::{
    AssessmentDraft, AssessmentKind, Assessor, CriterionDraft, LogEntryDraft, Rating, StepDraft,
    TickDraft, missing, parse_template,
};
use brygga_domain::{FieldError, FieldErrors};
use brygga_i18n::{I18n, Lang};
use brygga_store::Actor;
use brygga_store::files::Upload;
use brygga_store::idempotency::Once;

use crate::{App, Error, Result, today};

/// Draw the checklist from the placement's kravprofil and the programme's template. The goals
/// the kravprofil's criteria go under are named in Swedish, the records' language.
pub async fn draw(app: &App, actor: &Actor, internship_id: i32) -> Result<usize> {
    let sv = I18n::new(Lang::Sv);
    Ok(app
        .store
        .checklist_draw(
            actor,
            internship_id,
            &sv.t("learning-goal-tasks"),
            &sv.t("learning-goal-skills"),
        )
        .await?)
}

/// The coordinator adds a criterion of her own; the same form sent twice adds one.
pub async fn criterion_add(
    app: &App,
    actor: &Actor,
    internship_id: i32,
    draft: &CriterionDraft,
    create_key: &str,
) -> Result<Once> {
    let input = draft.validate()?;
    Ok(app
        .store
        .create_once(actor, "learning_criterion", create_key, async || {
            app.store.criterion_add(actor, internship_id, &input).await
        })
        .await?)
}

/// Change a criterion (`Some`) or take it off the checklist (`None`).
pub async fn criterion_update(
    app: &App,
    actor: &Actor,
    internship_id: i32,
    criterion_id: i32,
    version: i32,
    draft: Option<&CriterionDraft>,
) -> Result<()> {
    let input = draft.map(CriterionDraft::validate).transpose()?;
    Ok(app
        .store
        .criterion_update(actor, internship_id, criterion_id, version, input.as_ref())
        .await?)
}

pub async fn tick(
    app: &App,
    actor: &Actor,
    internship_id: i32,
    criterion_id: i32,
    draft: &TickDraft,
) -> Result<i32> {
    let today = today();
    let input = draft.validate(today)?;
    Ok(app
        .store
        .criterion_tick(actor, internship_id, criterion_id, &input, today)
        .await?)
}

/// The participant writes an entry, with an optional photo (checked by its content, turned
/// upright, made smaller and encoded anew without its metadata). Sending the same form twice
/// (the same `create_key`) makes one entry.
pub async fn entry_add(
    app: &App,
    actor: &Actor,
    internship_id: i32,
    draft: &LogEntryDraft,
    photo: Option<Upload>,
    create_key: &str,
) -> Result<Once> {
    let mut errs = FieldErrors::default();
    let input = draft.validate(photo.is_some());
    let photo = match photo {
        Some(p) => {
            match tokio::task::spawn_blocking(move || {
                brygga_store::files::clean_photo("photo", &p.bytes)
            })
            .await
            .map_err(|e| Error::Internal(e.to_string()))?
            {
                Ok(u) => Some(u),
                Err(e) => {
                    errs.push(e);
                    None
                }
            }
        }
        None => None,
    };
    let input = match input {
        Ok(i) if errs.is_empty() => i,
        Ok(_) => return Err(errs.into()),
        Err(mut e) => {
            e.0.extend(errs.0);
            return Err(e.into());
        }
    };
    let once = app
        .store
        .create_once(actor, "progress_entry", create_key, async || {
            app.store
                .progress_entry_add(
                    actor,
                    internship_id,
                    &input,
                    photo.as_ref().map(|p| (&app.files, p)),
                )
                .await
        })
        .await?;
    Ok(once)
}

/// A comment on an entry of the internship's log.
pub async fn comment_add(
    app: &App,
    actor: &Actor,
    internship_id: i32,
    entry_id: i32,
    text: &str,
) -> Result<i32> {
    let text = brygga_domain::learning::comment("comment", text)?;
    Ok(app
        .store
        .progress_comment_add(actor, internship_id, entry_id, &text)
        .await?)
}

/// Save the actor's assessment as typed (levels on the scale; not all need be there yet) as
/// read at `version` (0: none yet) and, with `sign`, sign it as saved: the supervisor's, with a
/// level and evidence on every row. Signed, it is locked.
pub async fn assessment_submit(
    app: &App,
    actor: &Actor,
    internship_id: i32,
    kind: AssessmentKind,
    version: i32,
    draft: &AssessmentDraft,
    sign: bool,
) -> Result<()> {
    let rated = app.store.assessment_rated(actor, internship_id).await?;
    let ratings = draft.validate(&rated, None)?;
    let today = today();
    app.store
        .assessment_save(actor, internship_id, kind, version, &ratings, today)
        .await?;
    if !sign {
        return Ok(());
    }
    // The save raised the version by one (a first save makes version 1).
    let saved = version.max(0) + 1;
    let complete = |ratings: &[Rating]| {
        missing(&rated, ratings, Assessor::Supervisor)
            .into_result()
            .map_err(|e| {
                // Saved, but not complete: said once for the form, and beside each field.
                let mut all = FieldErrors(vec![FieldError::new(
                    FieldError::FORM,
                    "learning-error-incomplete",
                )]);
                all.0.extend(e.0);
                all
            })
    };
    Ok(app
        .store
        .assessment_sign(actor, internship_id, kind, saved, today, complete)
        .await?)
}

/// Open a signed assessment for a change: a new revision.
pub async fn assessment_revise(
    app: &App,
    actor: &Actor,
    internship_id: i32,
    kind: AssessmentKind,
) -> Result<i32> {
    Ok(app
        .store
        .assessment_revise(actor, internship_id, kind, today())
        .await?)
}

pub async fn step_add(
    app: &App,
    actor: &Actor,
    participant_id: i32,
    draft: &StepDraft,
    create_key: &str,
) -> Result<Once> {
    let input = draft.validate()?;
    Ok(app
        .store
        .create_once(actor, "development_step", create_key, async || {
            app.store.step_add(actor, participant_id, &input).await
        })
        .await?)
}

/// Change a step's words, owner or date.
pub async fn step_update(
    app: &App,
    actor: &Actor,
    participant_id: i32,
    step_id: i32,
    version: i32,
    draft: &StepDraft,
) -> Result<()> {
    let input = draft.validate()?;
    Ok(app
        .store
        .step_update(actor, participant_id, step_id, version, &input)
        .await?)
}

/// Mark a step done today, or not done.
pub async fn step_mark(
    app: &App,
    actor: &Actor,
    participant_id: i32,
    step_id: i32,
    version: i32,
    done: bool,
) -> Result<()> {
    Ok(app
        .store
        .step_mark(actor, participant_id, step_id, version, done.then(today))
        .await?)
}

/// Keep a programme's checklist template as typed ("goal: criterion" a line).
pub async fn template_set(app: &App, actor: &Actor, programme_id: i32, text: &str) -> Result<()> {
    parse_template("checklist_template", text).map_err(|e| FieldErrors(vec![e]))?;
    Ok(app
        .store
        .checklist_template_set(actor, programme_id, text.trim())
        .await?)
}
