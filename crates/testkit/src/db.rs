//! A database of its own for every test, on SQLite or PostgreSQL.
//!
//! Migrating, and even more loading the demo, takes long next to a test, so each is done once per
//! test binary into a template, and every test gets a copy: on SQLite a copy of the template's
//! file, on PostgreSQL `CREATE DATABASE … TEMPLATE …`. The templates are built on a thread and
//! runtime of their own, so that no connection pool belongs to the runtime of the test that
//! happened to ask first (a test's runtime ends with the test).

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::sync::OnceLock;
use std::task::Poll;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use brygga_store::Store;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

use crate::ci::skip_or_fail;
use crate::fixtures::today;

/// The environment variable naming the PostgreSQL server the tests may create databases on.
const POSTGRES_VAR: &str = "BRYGGA_TEST_POSTGRES";

/// Per-test databases and templates on PostgreSQL are named `<prefix>_<unix seconds>_<random>`:
/// concurrent runs (other worktrees, other test binaries) never collide, and what a killed run
/// left behind can be told by its age and dropped by a later run.
const TEST_PREFIX: &str = "brygga_tk";
const TEMPLATE_PREFIX: &str = "brygga_tpl";
/// No test binary runs this long; anything of ours older than this was left by a dead run.
const STALE_AFTER: Duration = Duration::from_secs(60 * 60);

/// Where a test's database lives.
#[derive(Clone, Debug)]
pub enum Backend {
    /// A file in a temporary directory.
    Sqlite,
    /// A new database on this PostgreSQL server (a URL; its own database name is not used).
    Postgres(String),
}

impl Backend {
    /// The server from `BRYGGA_TEST_POSTGRES`. When it is not set: `None` after a warning on
    /// stderr (once per test binary), or, under `CI=true`, the calling test fails.
    pub fn postgres() -> Option<Backend> {
        match std::env::var(POSTGRES_VAR) {
            Ok(url) if !url.trim().is_empty() => Some(Backend::Postgres(url)),
            _ => {
                skip_or_fail(
                    "PostgreSQL",
                    &format!(
                        "{POSTGRES_VAR} is not set. Set it (e.g. \
                         postgres://postgres@127.0.0.1:5432/test, as .ci/run does) to run the \
                         PostgreSQL variants"
                    ),
                );
                None
            }
        }
    }

    /// `"sqlite"` or `"postgres"`, as `Store::backend` says it.
    pub fn name(&self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }
}

/// What a test database holds when the test gets it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Content {
    /// The migrations, no rows.
    Empty,
    /// The migrations and the demo data.
    Demo,
}

/// A template, built once per test binary.
struct Template {
    /// SQLite: the database file's bytes. PostgreSQL: the template database's name.
    source: Source,
    /// The demo's logins as (role, email); empty for `Content::Empty`.
    logins: Vec<(String, String)>,
}

enum Source {
    SqliteFile(Vec<u8>),
    PostgresDatabase(String),
}

/// A test's own database; [`TestDb::finish`] removes it.
pub struct TestDb {
    url: String,
    /// Holds the SQLite file, and whatever else the test keeps on disk; removed on drop.
    dir: tempfile::TempDir,
    /// PostgreSQL only: the server URL and the database made for this test.
    postgres: Option<(String, String)>,
}

impl TestDb {
    /// A database with nothing in it, not even the migrations.
    pub async fn blank(backend: &Backend) -> TestDb {
        let dir = tempfile::tempdir().expect("a temporary directory");
        match backend {
            Backend::Sqlite => TestDb {
                url: sqlite_path(&dir),
                dir,
                postgres: None,
            },
            Backend::Postgres(server) => {
                let name = unique_name(TEST_PREFIX);
                let admin = connect_server(server).await;
                execute(&admin, &format!("CREATE DATABASE {name}")).await;
                let _ = admin.close().await;
                TestDb {
                    url: with_database(server, &name),
                    dir,
                    postgres: Some((server.clone(), name)),
                }
            }
        }
    }

    /// A migrated database without rows.
    pub async fn empty(backend: &Backend) -> TestDb {
        TestDb::copy(backend, Content::Empty).await.0
    }

    /// A migrated database holding the demo data, and the demo's logins as (role, email).
    pub async fn demo(backend: &Backend) -> (TestDb, Vec<(String, String)>) {
        TestDb::copy(backend, Content::Demo).await
    }

    async fn copy(backend: &Backend, content: Content) -> (TestDb, Vec<(String, String)>) {
        let template = template(backend, content);
        let dir = tempfile::tempdir().expect("a temporary directory");
        let db = match (&template.source, backend) {
            (Source::SqliteFile(bytes), Backend::Sqlite) => {
                let url = sqlite_path(&dir);
                std::fs::write(&url, bytes).expect("copy the template database file");
                TestDb {
                    url,
                    dir,
                    postgres: None,
                }
            }
            (Source::PostgresDatabase(template), Backend::Postgres(server)) => {
                let name = unique_name(TEST_PREFIX);
                let admin = connect_server(server).await;
                execute(
                    &admin,
                    &format!("CREATE DATABASE {name} TEMPLATE {template}"),
                )
                .await;
                let _ = admin.close().await;
                TestDb {
                    url: with_database(server, &name),
                    dir,
                    postgres: Some((server.clone(), name)),
                }
            }
            _ => unreachable!("templates are kept per backend"),
        };
        (db, template.logins.clone())
    }

    /// The database's URL (for SQLite a file path), as `Store::connect` and the CLI take it.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// A temporary directory that lives as long as the database (for uploaded files, say).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// A store on this database.
    pub async fn connect(&self) -> Store {
        Store::connect(&self.url, crate::secret())
            .await
            .unwrap_or_else(|e| panic!("connect to the test database {}: {e}", self.url))
    }

    /// Remove the database (whoever is still connected to it is disconnected).
    pub async fn finish(self) {
        if let Some((server, name)) = &self.postgres {
            let admin = connect_server(server).await;
            execute(
                &admin,
                &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
            )
            .await;
            let _ = admin.close().await;
        }
    }
}

// ---------------------------------------------------------------------- running a case

/// Run `case` with a store on an empty, migrated database of its own; the database is removed
/// afterwards, whether the case passed or not.
pub async fn run_store<F>(backend: Backend, case: F)
where
    F: AsyncFnOnce(brygga_store::Store),
{
    let db = TestDb::empty(&backend).await;
    let store = db.connect().await;
    assert_eq!(store.backend(), backend.name());
    let outcome = catch_unwind(case(store.clone())).await;
    let closed = store.close().await;
    db.finish().await;
    rethrow(outcome);
    closed.expect("close the store");
}

/// Run `case` with the URL of a blank database (nothing in it, not even the migrations); the
/// database is removed afterwards, whether the case passed or not.
pub async fn run_blank<F>(backend: Backend, case: F)
where
    F: AsyncFnOnce(&str),
{
    let db = TestDb::blank(&backend).await;
    let outcome = catch_unwind(case(db.url())).await;
    db.finish().await;
    rethrow(outcome);
}

/// Run `case` with just the backend; it makes (and removes) its own database.
pub async fn run_backend<F>(backend: Backend, case: F)
where
    F: AsyncFnOnce(Backend),
{
    case(backend).await;
}

/// Poll `fut` to its end, catching a panic (a failed assertion) so that the caller can clean up
/// before passing the panic on.
pub(crate) async fn catch_unwind<T>(fut: impl Future<Output = T>) -> std::thread::Result<T> {
    let mut fut = std::pin::pin!(fut);
    std::future::poll_fn(|cx| {
        match std::panic::catch_unwind(AssertUnwindSafe(|| fut.as_mut().poll(cx))) {
            Ok(Poll::Ready(v)) => Poll::Ready(Ok(v)),
            Ok(Poll::Pending) => Poll::Pending,
            Err(panic) => Poll::Ready(Err(panic)),
        }
    })
    .await
}

pub(crate) fn rethrow<T>(outcome: std::thread::Result<T>) -> T {
    outcome.unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

// ---------------------------------------------------------------------- templates

/// The template for `content` on `backend`, built by the first test that asks; the others wait.
fn template(backend: &Backend, content: Content) -> &'static Template {
    static SQLITE_EMPTY: OnceLock<Result<Template, String>> = OnceLock::new();
    static SQLITE_DEMO: OnceLock<Result<Template, String>> = OnceLock::new();
    static POSTGRES_EMPTY: OnceLock<Result<Template, String>> = OnceLock::new();
    static POSTGRES_DEMO: OnceLock<Result<Template, String>> = OnceLock::new();
    let cell = match (backend, content) {
        (Backend::Sqlite, Content::Empty) => &SQLITE_EMPTY,
        (Backend::Sqlite, Content::Demo) => &SQLITE_DEMO,
        (Backend::Postgres(_), Content::Empty) => &POSTGRES_EMPTY,
        (Backend::Postgres(_), Content::Demo) => &POSTGRES_DEMO,
    };
    let built = cell.get_or_init(|| {
        let backend = backend.clone();
        // A thread and runtime of its own: the pools made here must not belong to the runtime
        // of the asking test, which ends with that test.
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| e.to_string())?;
            rt.block_on(build_template(&backend, content))
        })
        .join()
        .unwrap_or_else(|_| Err("building the template panicked".into()))
    });
    match built {
        Ok(t) => t,
        Err(e) => panic!("the {content:?} template on {}: {e}", backend.name()),
    }
}

async fn build_template(backend: &Backend, content: Content) -> Result<Template, String> {
    match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
            let path = sqlite_path(&dir);
            let logins = fill(&path, content).await?;
            // Closing the last connection checkpointed the write-ahead log into the file and
            // removed it; a log left over would hold rows the copy lacks.
            let wal = format!("{path}-wal");
            if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
                return Err(format!("{wal} is still there after closing the template"));
            }
            let bytes = std::fs::read(&path).map_err(|e| format!("read {path}: {e}"))?;
            Ok(Template {
                source: Source::SqliteFile(bytes),
                logins,
            })
        }
        Backend::Postgres(server) => {
            let admin = sea_orm::Database::connect(server.as_str())
                .await
                .map_err(|e| format!("connect to {POSTGRES_VAR}: {e}"))?;
            drop_stale(&admin).await?;
            let name = unique_name(TEMPLATE_PREFIX);
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .map_err(|e| e.to_string())?;
            let _ = admin.close().await;
            // Copying needs the template without connections: `fill` closes its pool.
            let logins = fill(&with_database(server, &name), content).await?;
            Ok(Template {
                source: Source::PostgresDatabase(name),
                logins,
            })
        }
    }
}

/// Migrate the database at `url` and load what `content` says; return the demo's logins.
async fn fill(url: &str, content: Content) -> Result<Vec<(String, String)>, String> {
    let store = Store::connect(url, crate::secret())
        .await
        .map_err(|e| format!("connect to {url}: {e}"))?;
    store.migrate().await.map_err(|e| format!("migrate: {e}"))?;
    let logins = match content {
        Content::Empty => vec![],
        Content::Demo => {
            crate::demo::load(
                &store,
                today(),
                &brygga_app::MailSettings::default().public_url,
            )
            .await
            .map_err(|e| format!("load the demo data: {e}"))?
            .logins
        }
    };
    store.close().await.map_err(|e| e.to_string())?;
    Ok(logins)
}

/// Drop the databases and templates that runs killed before their end left behind.
async fn drop_stale(admin: &DatabaseConnection) -> Result<(), String> {
    let rows = admin
        .query_all_raw(Statement::from_string(
            admin.get_database_backend(),
            format!(
                "SELECT datname FROM pg_database \
                 WHERE datname LIKE '{TEST_PREFIX}\\_%' OR datname LIKE '{TEMPLATE_PREFIX}\\_%'"
            ),
        ))
        .await
        .map_err(|e| e.to_string())?;
    let now = unix_seconds();
    for row in rows {
        let name: String = row.try_get("", "datname").map_err(|e| e.to_string())?;
        let born = name.split('_').nth(2).and_then(|s| s.parse::<u64>().ok());
        if born.is_some_and(|born| now.saturating_sub(born) > STALE_AFTER.as_secs()) {
            let _ = admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------- PostgreSQL helpers

fn unix_seconds() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// `<prefix>_<unix seconds>_<random>`: lower case, so it needs no quoting.
fn unique_name(prefix: &str) -> String {
    let random = uuid::Uuid::new_v4().simple().to_string();
    format!("{prefix}_{}_{}", unix_seconds(), &random[..16])
}

/// The server URL with its database name replaced: `postgres://u@h:p/db?x` → `…/name?x`.
fn with_database(server: &str, name: &str) -> String {
    let (base, query) = match server.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (server, String::new()),
    };
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[after_scheme..]
        .find('/')
        .map_or(base.len(), |i| after_scheme + i);
    format!("{}/{name}{query}", &base[..host_end])
}

async fn connect_server(server: &str) -> DatabaseConnection {
    sea_orm::Database::connect(server)
        .await
        .unwrap_or_else(|e| panic!("connect to {POSTGRES_VAR} ({server}): {e}"))
}

async fn execute(db: &DatabaseConnection, sql: &str) {
    db.execute_unprepared(sql)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

fn sqlite_path(dir: &tempfile::TempDir) -> String {
    dir.path().join("brygga.sqlite").display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_name_is_replaced_and_the_rest_kept() {
        assert_eq!(
            with_database("postgres://u@h:5432/test", "x"),
            "postgres://u@h:5432/x"
        );
        assert_eq!(
            with_database("postgres://u@h:5432/test?sslmode=disable", "x"),
            "postgres://u@h:5432/x?sslmode=disable"
        );
        assert_eq!(with_database("postgres://u@h", "x"), "postgres://u@h/x");
    }

    #[test]
    fn names_carry_their_birth_time() {
        let name = unique_name(TEST_PREFIX);
        let born: u64 = name.split('_').nth(2).unwrap().parse().unwrap();
        assert!(unix_seconds() >= born);
        assert!(name.len() < 63, "PostgreSQL's limit on names");
    }
}
