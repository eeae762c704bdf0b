#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! The `brygga` command as an administrator uses it: a real binary on a real database.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use brygga_testkit::both;

const BRYGGA: &str = env!("CARGO_BIN_EXE_brygga");

fn brygga(db: &str, args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(BRYGGA)
        .arg("--database")
        .arg(db)
        .args(args)
        .env("RUST_LOG", "warn")
        .env("BRYGGA_SECRET", brygga_testkit::SECRET_HEX)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start brygga");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("brygga ran");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

// On a blank database of each backend (PostgreSQL when `BRYGGA_TEST_POSTGRES` names a server).
both!(blank: an_administrator_sets_up_users_tokens_and_checks_the_audit_chain);

async fn an_administrator_sets_up_users_tokens_and_checks_the_audit_chain(db: &str) {
    // Verifying reads only: on a database never migrated it says so and leaves it so.
    for _ in 0..2 {
        let (code, _, err) = brygga(db, &["audit", "verify"], "");
        assert_ne!(code, 0);
        assert!(err.contains("brygga migrate"), "{err}");
    }
    if !db.starts_with("postgres") {
        assert!(
            !std::path::Path::new(db).exists(),
            "no database file was created"
        );
    }

    // The printed address never carries the database password.
    let with_password = db.replacen(
        "postgres://postgres@",
        "postgres://postgres:hemligt-ord@",
        1,
    );
    let (code, out, err) = brygga(&with_password, &["migrate"], "");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("migrated"), "{out}");
    assert!(
        !out.contains("hemligt-ord") && !err.contains("hemligt-ord"),
        "{out}{err}"
    );
    if with_password != db {
        assert!(out.contains("postgres://postgres:***@"), "{out}");
    }

    // The password comes from standard input and must be long enough.
    let add = [
        "user",
        "add",
        "--email",
        "Rut.Admin@Example.se",
        "--name",
        "Rut Admin",
        "--role",
        "admin",
    ];
    let (code, _, err) = brygga(db, &add, "kort\n");
    assert_ne!(code, 0);
    assert!(err.contains("invalid input"), "{err}");
    let (code, out, err) = brygga(db, &add, "ett-tillräckligt-långt-lösenord\n");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("created"), "{out}");
    let (code, _, err) = brygga(db, &add, "ett-tillräckligt-långt-lösenord\n");
    assert_ne!(code, 0, "the same email twice is refused");
    assert!(err.contains("invalid input"), "{err}");
    let (code, _, err) = brygga(
        db,
        &[
            "user",
            "add",
            "--email",
            "x@example.se",
            "--name",
            "X",
            "--role",
            "boss",
        ],
        "ett-tillräckligt-långt-lösenord\n",
    );
    assert_ne!(code, 0);
    assert!(err.contains("unknown role"), "{err}");

    // A token for the user (email matched case-insensitively), named, with an expiry, shown
    // once.
    let (code, token, err) = brygga(
        db,
        &[
            "token",
            "create",
            "rut.admin@example.se",
            "--name",
            "rapporter",
            "--expires-days",
            "30",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let token = token.trim().to_string();
    assert!(token.starts_with("brygga_") && token.len() > 40, "{token}");
    let (code, _, err) = brygga(db, &["token", "create", "nobody@example.se"], "");
    assert_ne!(code, 0);
    assert!(err.contains("no user"), "{err}");
    let (code, _, err) = brygga(
        db,
        &[
            "token",
            "create",
            "rut.admin@example.se",
            "--expires-days",
            "0",
        ],
        "",
    );
    assert_ne!(code, 0, "an expiry of 0 days is refused");
    assert!(err.contains("invalid input"), "{err}");
    let (code, second, err) = brygga(
        db,
        &[
            "token",
            "create",
            "Rut.Admin@example.se",
            "--name",
            "backup",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let second = second.trim().to_string();

    // The list: id, status, name, dates; never the token itself.
    let (code, list, err) = brygga(db, &["token", "list", "rut.admin@example.se"], "");
    assert_eq!(code, 0, "{err}");
    let rows: Vec<Vec<&str>> = list.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 2, "{list}");
    assert_eq!((rows[0][1], rows[0][2]), ("live", "backup"), "{list}");
    assert_eq!((rows[1][1], rows[1][2]), ("live", "rapporter"), "{list}");
    let in_30_days = (chrono::Utc::now() + chrono::Duration::days(30)).format("%Y-%m-%d");
    assert_eq!(rows[1][4], format!("expires {in_30_days}"), "{list}");
    assert!(!list.contains(&token) && !list.contains(&second));
    let store = brygga_store::Store::connect(db, brygga_testkit::secret())
        .await
        .unwrap();
    assert!(store.actor_by_token(&token).await.unwrap().is_some());

    // Revoked: refused at once.
    let id = rows[1][0];
    let (code, out, err) = brygga(db, &["token", "revoke", id], "");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("revoked"), "{out}");
    assert!(store.actor_by_token(&token).await.unwrap().is_none());
    assert!(store.actor_by_token(&second).await.unwrap().is_some());
    let (code, _, err) = brygga(db, &["token", "revoke", "999999"], "");
    assert_ne!(code, 0);
    assert!(err.contains("no token"), "{err}");

    // A password reset ends every token of the user.
    let (code, _, _) = brygga(db, &["user", "password", "rut.admin@example.se"], "kort\n");
    assert_ne!(code, 0, "too short");
    let (code, out, err) = brygga(
        db,
        &["user", "password", "rut.admin@example.se"],
        "ett-annat-tillräckligt-långt\n",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("ended"), "{out}");
    assert!(store.actor_by_token(&second).await.unwrap().is_none());
    let (_, list, _) = brygga(db, &["token", "list", "rut.admin@example.se"], "");
    assert!(list.lines().all(|l| l.contains("\trevoked\t")), "{list}");
    let _ = store.close().await;

    let (code, out, err) = brygga(db, &["audit", "verify"], "");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("intact"), "{out}");

    // A checkpoint to keep elsewhere; verifying from it changes nothing (the head stays).
    let (code, checkpoint, err) = brygga(db, &["audit", "checkpoint"], "");
    assert_eq!(code, 0, "{err}");
    let checkpoint = checkpoint.trim().to_string();
    let (id, hash) = checkpoint.split_once(':').expect("<entry id>:<hash>");
    assert!(
        id.parse::<i32>().unwrap() > 0 && hash.len() == 64,
        "{checkpoint}"
    );
    let (code, out, err) = brygga(db, &["audit", "verify", "--since", &checkpoint], "");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("intact since entry"), "{out}");
    let (_, again, _) = brygga(db, &["audit", "checkpoint"], "");
    assert_eq!(again.trim(), checkpoint, "verification wrote nothing");

    // A checkpoint the log does not match is a broken log; a malformed one a usage error.
    let forged = format!("{id}:{}", "0".repeat(64));
    let (code, _, err) = brygga(db, &["audit", "verify", "--since", &forged], "");
    assert_eq!(code, 1);
    assert!(err.contains("BROKEN"), "{err}");
    let (code, _, err) = brygga(db, &["audit", "verify", "--since", "latest"], "");
    assert_eq!(code, 2);
    assert!(err.contains("<entry id>:"), "{err}");

    // Without this installation's secret the keyed chain does not verify.
    let out = Command::new(BRYGGA)
        .args(["--database", db, "audit", "verify"])
        .env("RUST_LOG", "warn")
        .env("BRYGGA_SECRET", "ab".repeat(32))
        .output()
        .expect("brygga ran");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("BROKEN"));
}

#[test]
fn the_demo_prints_its_address_and_logins_and_serves() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("demo.sqlite");
    let mut child = Command::new(BRYGGA)
        .args([
            "--database",
            db.to_str().expect("utf-8"),
            "demo",
            "--bind",
            "127.0.0.1:0",
        ])
        .env("RUST_LOG", "warn")
        .env("BRYGGA_SECRET", brygga_testkit::SECRET_HEX)
        .env("BRYGGA_SECRET", brygga_testkit::SECRET_HEX)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the demo");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let mut printed = vec![];
    let mut url = None;
    for line in lines.by_ref() {
        let line = line.expect("a line");
        if let Some(rest) = line.split("http://").nth(1) {
            url = Some(format!("http://{}", rest.trim()));
        }
        let done = line.contains("evaluator") || line.contains("utvarderare");
        printed.push(line);
        if done {
            break;
        }
    }
    let text = printed.join("\n");
    assert!(text.contains("koordinator@demo.brygga.se"), "{text}");
    assert!(text.contains("brygga-demo-2026"), "{text}");
    let url = url.expect("the demo prints its address");
    let rt = tokio_runtime();
    let status = rt.block_on(async {
        reqwest::get(format!("{url}/readyz"))
            .await
            .map(|r| r.status().as_u16())
    });
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(status.expect("the demo answers"), 200);
}

fn tokio_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

#[test]
fn match_assign_solves_a_plain_file_and_refuses_bad_ones_with_exit_code_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("instance.json");
    let output = dir.path().join("result.json");
    let run = |text: &str| {
        std::fs::write(&input, text).expect("write instance");
        let out = Command::new(BRYGGA)
            .args(["match", "assign", "--input"])
            .arg(&input)
            .arg("--output")
            .arg(&output)
            .output()
            .expect("run brygga");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, err) = run(
        r#"{"participants":[{"id":"p1"},{"id":"p2"}], "placements":[{"id":"x1","capacity":1}],
            "edges":[{"participant":"p1","placement":"x1","score":0.83},
                     {"participant":"p2","placement":"x1","score":0.5}], "min_score":0.0}"#,
    );
    assert_eq!(code, 0, "{err}");
    let result: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&output).expect("result")).expect("json");
    assert_eq!(
        result,
        serde_json::json!({"assignments":[{"participant":"p1","placement":"x1","score":0.83}],
                           "total_score":0.83, "unassigned":["p2"]})
    );
    for (bad, says) in [
        ("{not json", "malformed JSON"),
        (
            r#"{"participants":[{"id":"a"},{"id":"a"}],"placements":[],"edges":[]}"#,
            "more than once",
        ),
        (
            r#"{"participants":[{"id":"a"}],"placements":[{"id":"x","capacity":1}],"edges":[{"participant":"a","placement":"z","score":1}]}"#,
            "unknown placement",
        ),
        (
            r#"{"participants":[{"id":"a"}],"placements":[{"id":"x","capacity":1}],"edges":[{"participant":"a","placement":"x","score":-1}]}"#,
            "not negative",
        ),
        (
            r#"{"participants":[],"placements":[{"id":"x","capacity":-2}],"edges":[]}"#,
            "negative capacity",
        ),
    ] {
        let (code, err) = run(bad);
        assert_eq!(code, 2, "{bad}: {err}");
        assert!(err.contains(says), "{bad}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}
