//! What Brygga's integration tests share (a dev-dependency only, never shipped):
//!
//! - one way to run a case on both databases: [`both!`] turns each named `async fn` into a
//!   `sqlite` and a `postgres` test, each on a database of its own that is dropped afterwards;
//! - fresh databases copied from templates built once per test binary: an empty migrated one and
//!   one holding the demo ([`TestDb`]);
//! - the rule for what a test needs from outside (PostgreSQL, chromedriver): skipped with one
//!   warning locally, a failure under `CI=true` ([`skip_or_fail`]);
//! - the real server on port 0 against the demo (`web::spawn_app`, with the `web` feature);
//! - test data both harnesses use (valid personnummer and organisation numbers, the reference
//!   data, today's date).
//!
//! PostgreSQL is reached through `BRYGGA_TEST_POSTGRES` (a server URL, e.g.
//! `postgres://postgres@127.0.0.1:5432/test`); each test gets a new database on that server.

// Test support: a failed set-up is a failed test, said as plainly as possible.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

/// The demo data set: the one line in the test kit that says where it lives.
use brygga_demo as demo;

mod ci;
mod db;
mod fixtures;
pub mod renderer;
#[cfg(feature = "web")]
pub mod web;

pub use ci::{in_ci, skip_or_fail};
pub use db::{Backend, TestDb, run_backend, run_blank, run_store};
/// The installation secret every test database is made and reopened with, as 64 hexadecimal
/// characters (what `BRYGGA_SECRET` takes, for tests that run the `brygga` binary).
pub const SECRET_HEX: &str = "7465737473656372657474657374736563726574746573747365637265747465";

/// `SECRET_HEX` as the store takes it.
pub fn secret() -> brygga_store::secret::Secret {
    brygga_store::secret::Secret::from_hex(SECRET_HEX, "the test kit").expect("a valid test secret")
}

pub use fixtures::{
    DEMO_PASSWORD, luhn, org_number, personnummer, refdata, today, with_wrong_check_digit,
};

/// Run each named `async fn` as two tests, `<name>::sqlite` and `<name>::postgres`, each on a
/// database of its own. The word before the colon says what the case receives:
///
/// - `store:` — `async fn(Store)` on an empty, migrated database;
/// - `app:` — `async fn(&web::TestApp)`: the real server on port 0 against the demo data
///   (`web` feature);
/// - `blank:` — `async fn(&str)`: the URL (a file path for SQLite) of a database with nothing
///   in it, not even the migrations;
/// - `backend:` — `async fn(Backend)`: the case makes its own database (say, an app whose
///   settings are known only once the test runs).
///
/// The PostgreSQL variant runs when `BRYGGA_TEST_POSTGRES` is set; otherwise it is skipped
/// with one warning on stderr, or, under `CI=true`, it fails. The tests are `#[tokio::test]`s, so
/// the calling crate needs `tokio`.
#[macro_export]
macro_rules! both {
    (store: $($case:ident),+ $(,)?) => { $crate::__both!($crate::run_store; $($case),+); };
    (app: $($case:ident),+ $(,)?) => { $crate::__both!($crate::web::run_app; $($case),+); };
    (blank: $($case:ident),+ $(,)?) => { $crate::__both!($crate::run_blank; $($case),+); };
    (backend: $($case:ident),+ $(,)?) => { $crate::__both!($crate::run_backend; $($case),+); };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __both {
    ($run:path; $($case:ident),+) => {$(
        mod $case {
            #[tokio::test]
            async fn sqlite() {
                $run($crate::Backend::Sqlite, super::$case).await;
            }
            #[tokio::test]
            async fn postgres() {
                if let Some(backend) = $crate::Backend::postgres() {
                    $run(backend, super::$case).await;
                }
            }
        }
    )+};
}
