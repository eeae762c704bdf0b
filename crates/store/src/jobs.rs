//! The job queue: background work stored in the database, so that several app instances share
//! it and each job runs once (a worker claims a job with one conditional UPDATE). Today the only
//! kind is outgoing email; a failed send is retried with back-off and, after the last attempt,
//! stays visible to an admin as failed — never silently dropped.

use std::time::Duration;

use brygga_domain::ids::Email;
use brygga_domain::model::JobStatus;
use brygga_domain::policy::{Action, Relation, Resource};
use brygga_domain::{FieldError, FieldErrors};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::{Deserialize, Serialize};

use crate::actor::{decide_any, enforce};
use crate::audit::AuditAction;
use crate::entities::job;
use crate::{Actor, Page, Result, Store, StoreError};

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
        status: Set(JobStatus::Queued.into()),
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

/// How long to wait before the next try after the 1st, 2nd, 3rd … failure (the last value
/// repeats).
pub const BACKOFF: [Duration; 4] = [
    Duration::from_secs(60),
    Duration::from_secs(5 * 60),
    Duration::from_secs(30 * 60),
    Duration::from_secs(2 * 60 * 60),
];

/// A job as the worker and the admin's queue page see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub id: i32,
    pub kind: String,
    pub status: JobStatus,
    /// Tries started so far (a claim counts as a try, so a worker that dies mid-send counts).
    pub attempts: i32,
    pub max_attempts: i32,
    /// When the job is next due (queued) or was last due.
    pub run_at: DateTime<Utc>,
    pub locked_by: Option<String>,
    pub last_error: String,
    pub created_at: DateTime<Utc>,
    pub done_at: Option<DateTime<Utc>>,
    /// The email to send; `None` when the payload cannot be read (the worker fails such a job).
    pub email: Option<OutgoingEmail>,
}

impl From<job::Model> for Job {
    fn from(m: job::Model) -> Job {
        let email = (m.kind == KIND_EMAIL)
            .then(|| serde_json::from_str(&m.payload).ok())
            .flatten();
        Job {
            id: m.id,
            // An unknown status reads as failed: visible to the admin, never run.
            status: m.status.get(),
            kind: m.kind,
            attempts: m.attempts,
            max_attempts: m.max_attempts,
            run_at: m.run_at,
            locked_by: m.locked_by,
            last_error: m.last_error,
            created_at: m.created_at,
            done_at: m.done_at,
            email,
        }
    }
}

/// The admin's filter on the queue.
#[derive(Debug, Clone, Default)]
pub struct JobFilter {
    pub status: Option<JobStatus>,
    /// 1-based.
    pub page: u64,
}

/// Whether a job may be claimed at `now`: queued and due, or running with an expired lock (its
/// worker died or hung).
fn claimable(now: DateTime<Utc>) -> Condition {
    Condition::any()
        .add(
            Condition::all()
                .add(job::Column::Status.eq(JobStatus::Queued.as_str()))
                .add(job::Column::RunAt.lte(now)),
        )
        .add(
            Condition::all()
                .add(job::Column::Status.eq(JobStatus::Running.as_str()))
                .add(job::Column::LockedUntil.lt(now)),
        )
}

fn deny_unless_allowed(actor: &Actor, action: Action) -> Result<()> {
    enforce(decide_any(
        actor,
        action,
        Resource::Job,
        &[Relation::Unrelated],
    ))
}

impl Store {
    /// Claim the oldest due job for `worker` for `lease` (after which another worker may take
    /// it over). Each candidate is claimed with one conditional UPDATE that only succeeds while
    /// the job is still claimable, so two workers (in one process or on two instances) never
    /// both get it: the one whose UPDATE changes no row moves on to the next candidate.
    pub async fn job_claim_next(&self, worker: &str, lease: Duration) -> Result<Option<Job>> {
        // A few candidates, so that a worker that loses one race does not go back to sleep.
        const CANDIDATES: u64 = 8;
        let lease = chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::MAX);
        loop {
            let now = crate::now();
            let ids: Vec<i32> = job::Entity::find()
                .select_only()
                .column(job::Column::Id)
                .filter(claimable(now))
                .order_by_asc(job::Column::RunAt)
                .order_by_asc(job::Column::Id)
                .limit(CANDIDATES)
                .into_tuple()
                .all(&self.db)
                .await?;
            if ids.is_empty() {
                return Ok(None);
            }
            for id in &ids {
                let res = job::Entity::update_many()
                    .col_expr(
                        job::Column::Status,
                        Expr::value(JobStatus::Running.as_str()),
                    )
                    .col_expr(job::Column::LockedBy, Expr::value(worker))
                    .col_expr(
                        job::Column::LockedUntil,
                        Expr::value(now.checked_add_signed(lease).unwrap_or(now)),
                    )
                    .col_expr(
                        job::Column::Attempts,
                        Expr::col(job::Column::Attempts).add(1),
                    )
                    .col_expr(job::Column::UpdatedAt, Expr::value(now))
                    .filter(job::Column::Id.eq(*id))
                    .filter(claimable(now))
                    .exec(&self.db)
                    .await?;
                if res.rows_affected == 1 {
                    let claimed = job::Entity::find_by_id(*id)
                        .one(&self.db)
                        .await?
                        .ok_or(StoreError::NotFound)?;
                    return Ok(Some(claimed.into()));
                }
            }
            // Every candidate went to other workers; look again (there may be more).
        }
    }

    /// Mark a job `worker` holds as done. `false` when the worker no longer holds it (its
    /// lease ran out and another worker took it over).
    pub async fn job_complete(&self, id: i32, worker: &str) -> Result<bool> {
        let now = crate::now();
        let res = job::Entity::update_many()
            .col_expr(job::Column::Status, Expr::value(JobStatus::Done.as_str()))
            .col_expr(job::Column::DoneAt, Expr::value(Some(now)))
            .col_expr(job::Column::LockedUntil, Expr::value(None::<DateTime<Utc>>))
            .col_expr(job::Column::UpdatedAt, Expr::value(now))
            .filter(held_by(id, worker))
            .exec(&self.db)
            .await?;
        Ok(res.rows_affected == 1)
    }

    /// Record a failed try of a job `worker` holds: queued again after the back-off for its
    /// number of attempts (`backoff[attempts - 1]`, the last value repeating, none if empty),
    /// or `failed` with the error after its last attempt. `false` when the worker no longer
    /// holds it.
    pub async fn job_fail(
        &self,
        id: i32,
        worker: &str,
        error: &str,
        backoff: &[Duration],
    ) -> Result<bool> {
        let Some(current) = job::Entity::find()
            .filter(held_by(id, worker))
            .one(&self.db)
            .await?
        else {
            return Ok(false);
        };
        let now = crate::now();
        let gave_up = current.attempts >= current.max_attempts;
        let delay = usize::try_from(std::cmp::max(current.attempts, 1) - 1)
            .ok()
            .and_then(|i| backoff.get(i).or(backoff.last()))
            .copied()
            .unwrap_or(Duration::ZERO);
        let run_at = now
            .checked_add_signed(chrono::Duration::from_std(delay).unwrap_or(chrono::Duration::MAX))
            .unwrap_or(now);
        let status = if gave_up {
            JobStatus::Failed
        } else {
            JobStatus::Queued
        };
        let res = job::Entity::update_many()
            .col_expr(job::Column::Status, Expr::value(status.as_str()))
            .col_expr(job::Column::LastError, Expr::value(error))
            .col_expr(
                job::Column::RunAt,
                Expr::value(if gave_up { now } else { run_at }),
            )
            .col_expr(job::Column::LockedUntil, Expr::value(None::<DateTime<Utc>>))
            .col_expr(job::Column::UpdatedAt, Expr::value(now))
            .filter(held_by(id, worker))
            .exec(&self.db)
            .await?;
        Ok(res.rows_affected == 1)
    }

    /// The queue, newest first, for administrators.
    pub async fn job_list(&self, actor: &Actor, f: &JobFilter) -> Result<Page<Job>> {
        deny_unless_allowed(actor, Action::List)?;
        let mut q = job::Entity::find().order_by_desc(job::Column::Id);
        if let Some(s) = f.status {
            q = q.filter(job::Column::Status.eq(s.as_str()));
        }
        Ok(crate::paged(&self.db, q, f.page, crate::PER_PAGE)
            .await?
            .map(Job::from))
    }

    /// One job with its message (addresses and text: the read is audited).
    pub async fn job_get(&self, actor: &Actor, id: i32) -> Result<Job> {
        deny_unless_allowed(actor, Action::Read)?;
        let tx = crate::begin_write(&self.db).await?;
        let m = job::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        self.commit_audited(tx, actor, AuditAction::Read, "job", Some(id), &[])
            .await?;
        Ok(m.into())
    }

    /// Queue a failed job again, due now and with its attempts counted from zero. Only a
    /// failed job can be retried (a queued or running one is still on its way): `Conflict`.
    pub async fn job_retry(&self, actor: &Actor, id: i32) -> Result<()> {
        deny_unless_allowed(actor, Action::Update)?;
        let tx = crate::begin_write(&self.db).await?;
        let now = crate::now();
        let res = job::Entity::update_many()
            .col_expr(job::Column::Status, Expr::value(JobStatus::Queued.as_str()))
            .col_expr(job::Column::Attempts, Expr::value(0))
            .col_expr(job::Column::RunAt, Expr::value(now))
            .col_expr(job::Column::LockedBy, Expr::value(None::<String>))
            .col_expr(job::Column::UpdatedAt, Expr::value(now))
            .filter(job::Column::Id.eq(id))
            .filter(job::Column::Status.eq(JobStatus::Failed.as_str()))
            .exec(&tx)
            .await?;
        if res.rows_affected != 1 {
            let exists = job::Entity::find_by_id(id).one(&tx).await?.is_some();
            return Err(if exists {
                StoreError::Conflict
            } else {
                StoreError::NotFound
            });
        }
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "job",
            Some(id),
            &["status", "attempts", "run_at"],
        )
        .await?;
        Ok(())
    }

    /// Queue an email on behalf of an administrator (or the system): the admin page's test
    /// email, and tests. Every recipient must be an email address (`to`: `error-email`).
    pub async fn email_enqueue(&self, actor: &Actor, email: &OutgoingEmail) -> Result<i32> {
        deny_unless_allowed(actor, Action::Create)?;
        let mut errs = FieldErrors::default();
        if email.to.is_empty() {
            errs.push(FieldError::new("to", "error-required"));
        }
        for to in &email.to {
            errs.check("to", Email::parse(to));
        }
        if !errs.is_empty() {
            return Err(StoreError::Invalid(errs));
        }
        let tx = crate::begin_write(&self.db).await?;
        let id = enqueue_email(&tx, email).await?;
        self.commit_audited(tx, actor, AuditAction::Create, "job", Some(id), &[])
            .await?;
        Ok(id)
    }
}

/// The job `id` while `worker` holds it.
fn held_by(id: i32, worker: &str) -> Condition {
    Condition::all()
        .add(job::Column::Id.eq(id))
        .add(job::Column::Status.eq(JobStatus::Running.as_str()))
        .add(job::Column::LockedBy.eq(worker))
}
