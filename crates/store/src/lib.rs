//! Brygga's storage: one set of entities, migrations and repositories for SQLite and
//! PostgreSQL. Every read and write goes through an `Actor` and the domain's access policy.

pub mod actor;
pub mod agreement;
pub mod audit;
pub mod caselog;
pub mod certificate;
pub mod clearance;
pub mod course;
pub mod employer;
pub(crate) mod entities;
pub mod evaluation;
pub mod event;
pub mod exit;
pub mod files;
pub mod gain;
pub mod idempotency;
pub mod indicator;
pub mod interest;
pub mod internship;
pub mod interview;
pub mod invitation;
pub mod jobs;
pub mod learning;
pub mod lesson;
pub mod match_feed;
pub mod matching;
pub mod meeting;
mod migrations;
pub mod org;
pub mod outcome;
pub mod participant;
pub mod placement;
pub mod pool;
pub mod process;
pub mod project;
pub mod schedule;
pub mod secret;
pub mod sessions;
mod stored;
pub mod survey;
pub mod todo;
pub mod users;

use std::time::Duration;

use brygga_domain::FieldErrors;
use sea_orm::{ColumnTrait, ConnectOptions, Database, DatabaseConnection, SqlErr};
use sea_orm_migration::MigratorTrait;

pub use actor::Actor;
pub use migrations::Migrator;
pub use sea_orm::DbErr;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    /// Someone else saved the record after the caller read it.
    #[error("the record was changed by someone else")]
    Conflict,
    #[error("invalid input: {0}")]
    Invalid(FieldErrors),
    #[error("database error: {0}")]
    Db(#[from] DbErr),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    /// A unique-constraint violation on `column` becomes a field error with `key`; anything else
    /// stays a database error.
    pub(crate) fn unique(e: DbErr, field: &str, key: &'static str) -> StoreError {
        match e.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => {
                StoreError::Invalid(FieldErrors(vec![brygga_domain::FieldError::new(
                    field, key,
                )]))
            }
            _ => StoreError::Db(e),
        }
    }
}

/// One page of a list, counted in the database.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// 1-based.
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}

impl<T> Page<T> {
    /// One page of rows already in memory.
    pub(crate) fn of_all(rows: Vec<T>, requested: u64, per_page: u64) -> Page<T> {
        let page = page_number(requested);
        let total = rows.len() as u64;
        let skip = usize::try_from((page - 1).saturating_mul(per_page)).unwrap_or(usize::MAX);
        let take = usize::try_from(per_page).unwrap_or(usize::MAX);
        Page {
            items: rows.into_iter().skip(skip).take(take).collect(),
            page,
            per_page,
            total,
        }
    }

    pub fn pages(&self) -> u64 {
        self.total.div_ceil(self.per_page.max(1)).max(1)
    }

    /// The same page with each item turned into something else.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            page: self.page,
            per_page: self.per_page,
            total: self.total,
        }
    }
}

/// One page of a query's rows: the total counted in the database, then the requested page
/// (bounded by `page_number`) fetched.
pub(crate) async fn paged<E>(
    db: &DatabaseConnection,
    q: sea_orm::Select<E>,
    requested: u64,
    per_page: u64,
) -> Result<Page<E::Model>>
where
    E: sea_orm::EntityTrait,
    E::Model: Sync,
{
    use sea_orm::PaginatorTrait;
    let pager = q.paginate(db, per_page);
    let total = pager.num_items().await?;
    let page = page_number(requested);
    let items = pager.fetch_page(page - 1).await?;
    Ok(Page {
        items,
        page,
        per_page,
        total,
    })
}

/// A table whose rows carry a version that every update raises (optimistic locking).
pub(crate) trait Versioned: sea_orm::EntityTrait {
    fn id_column() -> Self::Column;
    fn version_column() -> Self::Column;
}

/// Apply `update` to row `id` only if the row is still at `version` (the one the caller read),
/// raising the version; someone else's save in between is a `Conflict`. A database error goes
/// through `on_err` (a unique violation may be a field error).
pub(crate) async fn update_versioned<E: Versioned>(
    tx: &impl sea_orm::ConnectionTrait,
    update: sea_orm::UpdateMany<E>,
    id: i32,
    version: i32,
    on_err: impl FnOnce(DbErr) -> StoreError,
) -> Result<()> {
    use sea_orm::{ColumnTrait, QueryFilter, sea_query::Expr};
    let res = update
        .col_expr(E::version_column(), Expr::value(version.saturating_add(1)))
        .filter(E::id_column().eq(id))
        .filter(E::version_column().eq(version))
        .exec(tx)
        .await
        .map_err(on_err)?;
    if res.rows_affected == 0 {
        return Err(StoreError::Conflict);
    }
    Ok(())
}

/// Bring a record's child rows (`existing`) in line with what the input wants. A row and an
/// input item that are `same` are one child, updated in place so that it keeps the id other
/// records point at; rows no longer wanted are deleted; new items become rows made by `new`.
/// `fill` writes an item's values.
pub(crate) async fn sync_rows<A, W>(
    db: &impl sea_orm::ConnectionTrait,
    existing: Vec<<A::Entity as sea_orm::EntityTrait>::Model>,
    wanted: &[W],
    same: impl Fn(&<A::Entity as sea_orm::EntityTrait>::Model, &W) -> bool,
    new: impl Fn() -> A,
    fill: impl Fn(&mut A, &W),
) -> Result<()>
where
    A: sea_orm::ActiveModelTrait + sea_orm::ActiveModelBehavior + Send,
    <A::Entity as sea_orm::EntityTrait>::Model: sea_orm::IntoActiveModel<A> + Clone,
{
    use sea_orm::IntoActiveModel;
    for row in &existing {
        if !wanted.iter().any(|w| same(row, w)) {
            row.clone().into_active_model().delete(db).await?;
        }
    }
    for w in wanted {
        let mut am = match existing.iter().find(|row| same(row, w)) {
            Some(row) => row.clone().into_active_model(),
            None => new(),
        };
        fill(&mut am, w);
        am.save(db).await?;
    }
    Ok(())
}

pub const PER_PAGE: u64 = 25;

/// Rows per page when a list is exported (fetched and written a page at a time).
pub const EXPORT_PER_PAGE: u64 = 500;

/// The highest page number a list answers (a page beyond the last is simply empty); bounds
/// whatever a URL asks for, so the offset computed from it cannot overflow.
pub const MAX_PAGE: u64 = 1_000_000;

/// A requested page number as a list uses it: at least 1, at most `MAX_PAGE`.
pub(crate) fn page_number(requested: u64) -> u64 {
    requested.clamp(1, MAX_PAGE)
}

#[derive(Clone, Debug)]
pub struct Store {
    pub(crate) db: DatabaseConnection,
    /// The installation secret (see `secret`): keys CSRF tokens, client hashes and the audit chain.
    pub(crate) secret: std::sync::Arc<secret::Secret>,
}

/// Turn what a user may type (`brygga.sqlite`, `sqlite:x.db`, `postgres://…`) into a URL.
pub fn database_url(s: &str) -> String {
    if s.starts_with("postgres://") || s.starts_with("postgresql://") {
        s.to_string()
    } else {
        let path = s
            .strip_prefix("sqlite://")
            .or_else(|| s.strip_prefix("sqlite:"))
            .unwrap_or(s);
        let path = path.split('?').next().unwrap_or(path);
        format!("sqlite://{path}?mode=rwc")
    }
}

/// `database_url(s)` fit to print: the password in a `postgres://user:password@host/db` URL
/// becomes `***`.
pub fn redacted_url(s: &str) -> String {
    let url = database_url(s);
    let Some((scheme, rest)) = url.split_once("://") else {
        return url;
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _password)) => format!("{scheme}://{user}:***@{host}{path}"),
            None => url.clone(),
        },
        None => url.clone(),
    }
}

impl Store {
    /// Connect to the database at `url`; `secret` is the installation's (the same for every
    /// instance on one database, or the audit chain will not verify).
    pub async fn connect(url: &str, secret: secret::Secret) -> Result<Store> {
        let url = database_url(url);
        let mut opts = ConnectOptions::new(url);
        opts.sqlx_logging(false)
            .max_connections(10)
            .acquire_timeout(Duration::from_secs(10))
            .map_sqlx_sqlite_opts(|o| {
                o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(10))
                    .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
            });
        let db = Database::connect(opts).await?;
        Ok(Store {
            db,
            secret: std::sync::Arc::new(secret),
        })
    }

    /// Connect to an existing database for reading only (audit verification): an SQLite file is
    /// opened read-only and never created, a PostgreSQL session is read-only, so nothing this
    /// store does can write. Nothing is migrated; see `pending_migrations`.
    pub async fn connect_read_only(url: &str, secret: secret::Secret) -> Result<Store> {
        let url = database_url(url);
        let mut opts = ConnectOptions::new(url);
        opts.sqlx_logging(false)
            .max_connections(2)
            .acquire_timeout(Duration::from_secs(10))
            .map_sqlx_sqlite_opts(|o| {
                o.read_only(true)
                    .create_if_missing(false)
                    .busy_timeout(Duration::from_secs(10))
            })
            .map_sqlx_postgres_opts(|o| o.options([("default_transaction_read_only", "on")]));
        let db = Database::connect(opts).await?;
        Ok(Store {
            db,
            secret: std::sync::Arc::new(secret),
        })
    }

    /// The migrations this build knows that the database has not had (all of them when it has
    /// none), found without writing.
    pub async fn pending_migrations(&self) -> Result<Vec<String>> {
        use sea_orm::ConnectionTrait;
        use sea_orm::sea_query::Query;
        let applied: std::collections::HashSet<String> = match self
            .db
            .query_all(Query::select().column("version").from("seaql_migrations"))
            .await
        {
            Ok(rows) => rows
                .iter()
                .filter_map(|r| r.try_get::<String>("", "version").ok())
                .collect(),
            // No migration table: nothing has been applied.
            Err(_) => Default::default(),
        };
        Ok(Migrator::migrations()
            .iter()
            .map(|m| m.name().to_string())
            .filter(|n| !applied.contains(n))
            .collect())
    }

    /// The installation secret, for what the web layer keys (CSRF tokens).
    pub fn secret(&self) -> &secret::Secret {
        &self.secret
    }

    /// Append the audit entry for a write and commit its transaction: the last step of every
    /// write (`begin_write` is the first).
    pub(crate) async fn commit_audited(
        &self,
        tx: sea_orm::DatabaseTransaction,
        actor: &Actor,
        action: audit::AuditAction,
        resource: &str,
        record_id: Option<i32>,
        fields: &[&str],
    ) -> Result<()> {
        audit::record(
            &tx,
            &self.secret,
            actor,
            action,
            resource,
            record_id,
            fields,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn migrate(&self) -> Result<()> {
        Migrator::up(&self.db, None).await?;
        Ok(())
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<()> {
        self.db.ping().await?;
        Ok(())
    }

    pub fn backend(&self) -> &'static str {
        match self.db.get_database_backend() {
            sea_orm::DatabaseBackend::Postgres => "postgres",
            sea_orm::DatabaseBackend::Sqlite => "sqlite",
            _ => "other",
        }
    }

    pub fn connection(&self) -> &DatabaseConnection {
        &self.db
    }

    pub async fn close(self) -> Result<()> {
        self.db.close().await?;
        Ok(())
    }
}

/// Lower-cased text that list searches match against (SQLite's LOWER() only folds ASCII, so
/// the folding happens here, once, for both backends).
pub(crate) fn search_text(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| p.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A list's search filter: `column` (a `search_text`) holds what was typed, as plain text (`%`
/// and `_` are matched as themselves on both backends: escaped, with an explicit ESCAPE, since
/// SQLite's LIKE has no default escape character). `None` for an empty search; a search the
/// domain refuses (too long for SQLite's LIKE, control characters) is a field error on `q`.
pub(crate) fn search(
    q: &str,
    column: impl ColumnTrait,
) -> Result<Option<sea_orm::sea_query::Expr>> {
    let q = brygga_domain::text::search(q)
        .map_err(|e| StoreError::Invalid(brygga_domain::FieldErrors(vec![e])))?;
    if q.is_empty() {
        return Ok(None);
    }
    let escaped = q
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    let pattern = sea_orm::sea_query::LikeExpr::new(format!("%{escaped}%")).escape('\\');
    Ok(Some(column.like(pattern)))
}

/// A note typed beside an action (a journey move, a proposal, an interview's outcome): checked
/// by the domain's rule for notes (multi-line, `text::NOTE_MAX` characters, no control
/// characters), so every note is held to the same limit.
pub(crate) fn note_text(field: &str, note: &str) -> Result<String> {
    brygga_domain::text::multi_line(field, note, brygga_domain::text::NOTE_MAX)
        .map_err(|e| StoreError::Invalid(brygga_domain::FieldErrors(vec![e])))
}

pub(crate) fn now() -> chrono::DateTime<chrono::Utc> {
    // Microseconds: what PostgreSQL keeps, so a value reads back exactly as written.
    use chrono::SubsecRound;
    chrono::Utc::now().trunc_subsecs(6)
}

pub(crate) fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".to_string())
}

pub(crate) fn from_json<T: serde::de::DeserializeOwned + Default>(s: &str) -> T {
    serde_json::from_str(s).unwrap_or_default()
}

/// Take the audit chain's write lock as the first statement of a write transaction. On SQLite
/// this makes the transaction a writer from its start (as BEGIN IMMEDIATE would); on PostgreSQL
/// it locks the chain's head row, so audit entries are appended one at a time.
pub(crate) async fn begin_write(db: &DatabaseConnection) -> Result<sea_orm::DatabaseTransaction> {
    use sea_orm::TransactionTrait;
    let tx = db.begin().await?;
    audit::lock_head(&tx).await?;
    Ok(tx)
}

/// The names of the fields that differ between two versions of a record (for the audit log,
/// which records which fields changed, never their values).
pub(crate) fn changed_fields<T: serde::Serialize>(old: &T, new: &T) -> Vec<String> {
    const BOOKKEEPING: &[&str] = &["id", "created_at", "updated_at", "version", "search_text"];
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) =
        (serde_json::to_value(old), serde_json::to_value(new))
    else {
        return vec![];
    };
    b.iter()
        .filter(|(k, v)| !BOOKKEEPING.contains(&k.as_str()) && a.get(*k) != Some(*v))
        .map(|(k, _)| k.clone())
        .collect()
}

#[cfg(test)]
mod redaction_tests {
    use super::redacted_url;

    #[test]
    fn a_printed_database_url_never_shows_its_password() {
        assert_eq!(
            redacted_url("postgres://brygga:s3cr%40t@db.example:5432/brygga?sslmode=require"),
            "postgres://brygga:***@db.example:5432/brygga?sslmode=require"
        );
        assert_eq!(
            redacted_url("postgresql://u:p:q@h/d"),
            "postgresql://u:***@h/d"
        );
        assert_eq!(redacted_url("postgres://u@h/d"), "postgres://u@h/d");
        assert_eq!(redacted_url("data.sqlite"), "sqlite://data.sqlite?mode=rwc");
    }
}
