//! The job queue: background work stored in the database, so that several app instances share
//! it and each job runs once (a worker claims a job with one conditional UPDATE). Today the only
//! kind is outgoing email; a failed send is retried with back-off and, after the last attempt,
//! stays visible to an admin as failed — never silently dropped.

use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use serde::{Deserialize, Serialize};

use crate::Result;
use crate::entities::job;

/// The kind of an email job.
pub const KIND_EMAIL: &str = "email";
/// How often a job is tried before it is marked failed.
pub const MAX_ATTEMPTS: i32 = 5;

/// An email to send, as queued. Built by the caller (the web layer writes the text in the
/// recipient's language); the worker only sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutgoingEmail {
    pub to: Vec<String>,
    pub subject: String,
    pub text: String,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub filename: String,
    /// e.g. `text/calendar; method=REQUEST; charset=utf-8` or `application/pdf`.
    pub content_type: String,
    /// The bytes, base64 (standard alphabet), so the payload stays JSON text.
    pub data_base64: String,
}

/// Queue one email inside the caller's transaction, so that it is sent exactly when the change
/// that caused it is committed.
pub(crate) async fn enqueue_email(db: &impl ConnectionTrait, email: &OutgoingEmail) -> Result<i32> {
    let now = crate::now();
    let m = job::ActiveModel {
        kind: Set(KIND_EMAIL.to_string()),
        payload: Set(crate::to_json(email)),
        status: Set("queued".to_string()),
        attempts: Set(0),
        max_attempts: Set(MAX_ATTEMPTS),
        run_at: Set(now),
        locked_until: Set(None),
        locked_by: Set(None),
        last_error: Set(String::new()),
        created_at: Set(now),
        updated_at: Set(now),
        done_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(m.id)
}
