//! Courses: the use cases that read a course's facts before they write (a session must fall in
//! the course's period), or parse what a form sends beside the domain's drafts.

use brygga_domain::course::{
    CourseDraft, EnrolmentStatus, ProgressNoteDraft, SessionDraft, parse_attendance,
};
use brygga_domain::{FieldError, FieldErrors};
use brygga_store::Actor;

use crate::{App, Error, Result};

fn field(field: &str, key: &'static str) -> Error {
    Error::Invalid(FieldErrors(vec![FieldError::new(field, key)]))
}

/// Create a course once per `create_key` (the form's nonce or the API's `Idempotency-Key`):
/// sent twice, the second answer is the first course.
pub async fn create(
    app: &App,
    actor: &Actor,
    create_key: &str,
    draft: &CourseDraft,
) -> Result<brygga_store::idempotency::Once> {
    let input = draft.validate()?;
    Ok(app
        .store
        .create_once(actor, "course", create_key, async || {
            app.store.course_create(actor, &input).await
        })
        .await?)
}

pub async fn update(
    app: &App,
    actor: &Actor,
    id: i32,
    version: i32,
    draft: &CourseDraft,
) -> Result<()> {
    let input = draft.validate()?;
    Ok(app.store.course_update(actor, id, version, &input).await?)
}

/// Add a session, checked against the course's period as it stands.
pub async fn add_session(
    app: &App,
    actor: &Actor,
    course_id: i32,
    draft: &SessionDraft,
) -> Result<i32> {
    let c = app.store.course_summary(actor, course_id).await?;
    let input = draft.validate((c.start_date, c.end_date))?;
    Ok(app
        .store
        .course_session_add(actor, course_id, &input)
        .await?)
}

/// Enrol the participant chosen in the form (`participant_id` as sent).
pub async fn enrol(app: &App, actor: &Actor, course_id: i32, participant_id: &str) -> Result<i32> {
    let id = participant_id
        .trim()
        .parse::<i32>()
        .map_err(|_| field("participant_id", "error-invalid-choice"))?;
    Ok(app.store.course_enrol(actor, course_id, id).await?)
}

/// Move an enrolment to the status sent (`status`), as read at `version`.
pub async fn set_status(
    app: &App,
    actor: &Actor,
    course_id: i32,
    enrolment_id: i32,
    version: i32,
    status: &str,
) -> Result<()> {
    let status = EnrolmentStatus::parse(status)
        .map_err(|e| Error::Invalid(FieldErrors(vec![e.at("status")])))?;
    Ok(app
        .store
        .course_enrolment_status(actor, course_id, enrolment_id, version, status)
        .await?)
}

/// Record attendance from (enrolment id, mark) pairs as a form or the API sends them.
pub async fn record_attendance(
    app: &App,
    actor: &Actor,
    course_id: i32,
    session_id: i32,
    rows: &[(String, String)],
) -> Result<()> {
    let marks = parse_attendance(rows)?;
    Ok(app
        .store
        .course_attendance_record(actor, course_id, session_id, &marks)
        .await?)
}

pub async fn add_note(
    app: &App,
    actor: &Actor,
    course_id: i32,
    enrolment_id: i32,
    draft: &ProgressNoteDraft,
) -> Result<i32> {
    let input = draft.validate(crate::today())?;
    Ok(app
        .store
        .course_note_add(actor, course_id, enrolment_id, &input)
        .await?)
}
