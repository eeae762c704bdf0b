//! What a test needs from outside the process (a PostgreSQL server, chromedriver): on a
//! developer's machine its absence skips the test with one warning; under CI it fails the test,
//! so that a green CI run means everything ran.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::sync::Mutex;

/// Whether this is a CI run (`CI=true` or `CI=1`, as CI services and `.ci/run` set it).
pub fn in_ci() -> bool {
    matches!(std::env::var("CI").as_deref(), Ok("true" | "1"))
}

/// `what` cannot run because `why`. Under CI the calling test fails; otherwise it goes on (the
/// caller returns, so the test is skipped), and the first skip of each `what` in this process
/// says so on stderr, past the test harness's output capture, so that nobody takes a green run
/// for a complete one.
pub fn skip_or_fail(what: &str, why: &str) {
    if in_ci() {
        panic!("{what} must run under CI=true, but {why}");
    }
    static SAID: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());
    let first = SAID
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(what.to_string());
    if first {
        let _ = writeln!(std::io::stderr(), "\n*** {what} NOT tested: {why} ***\n");
    }
}
