//! Store cases: the audit chain against someone who can write the database but does not hold
//! the installation secret, and verification that writes nothing.

use brygga_store::audit::{AuditAction, AuditEntry, Checkpoint, GENESIS};
use brygga_store::secret::Secret;
use sha2::{Digest, Sha256};

use super::*;

both!(
    store:
    a_database_writer_without_the_secret_cannot_rewrite_the_audit_chain,
    a_log_chained_before_the_key_verifies_and_stays_before_the_keyed_entries,
);
both!(blank: verifying_the_audit_log_writes_nothing_and_migrates_nothing);

/// Every entry, oldest first.
async fn all_entries(store: &Store) -> Vec<AuditEntry> {
    let mut out = vec![];
    for page in 1.. {
        let f = AuditFilter {
            page,
            ..Default::default()
        };
        let items = store.audit_list(&sys(), &f).await.unwrap().items;
        if items.is_empty() {
            break;
        }
        out.extend(items);
    }
    out.sort_by_key(|e| e.id);
    out
}

/// The bytes an entry's hash covers, as anyone reading the source can compute them.
fn entry_bytes(e: &AuditEntry, prev: &str, action: &str) -> Vec<u8> {
    let mut out = vec![];
    for part in [
        prev,
        &e.at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        &e.actor_id.map(|i| i.to_string()).unwrap_or_default(),
        &e.actor,
        action,
        &e.resource,
        &e.record_id.map(|i| i.to_string()).unwrap_or_default(),
        &e.fields,
    ] {
        out.extend_from_slice(part.as_bytes());
        out.push(0);
    }
    out
}

fn sha256(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// What a writer with database access does: set entry `changed`'s action to `action` and
/// recompute the chain for entries `from..=to` with `hash`, marking them `scheme`, moving the
/// head when the rewrite reaches it.
#[allow(clippy::too_many_arguments)]
async fn rewrite(
    store: &Store,
    from: i32,
    to: i32,
    changed: Option<(i32, &str)>,
    scheme: &str,
    hash: &dyn Fn(&[u8]) -> String,
) {
    let entries = all_entries(store).await;
    let mut prev = entries
        .iter()
        .find(|e| e.id == from)
        .map(|e| e.prev_hash.clone())
        .unwrap_or_else(|| GENESIS.to_string());
    for e in entries.iter().filter(|e| (from..=to).contains(&e.id)) {
        let action = match changed {
            Some((id, a)) if id == e.id => a.to_string(),
            _ => e.action.clone(),
        };
        let h = hash(&entry_bytes(e, &prev, &action));
        execute(
            store,
            &format!(
                "UPDATE audit_log SET action = '{action}', prev_hash = '{prev}', hash = '{h}', \
                 scheme = '{scheme}' WHERE id = {}",
                e.id
            ),
        )
        .await;
        prev = h;
    }
    if entries.last().is_some_and(|e| e.id <= to) {
        execute(
            store,
            &format!("UPDATE audit_head SET hash = '{prev}' WHERE id = 1"),
        )
        .await;
    }
}

async fn log_in(store: &Store, n: i32) {
    for i in 0..n {
        store
            .audit(&sys(), AuditAction::Login, "user", Some(i), &[])
            .await
            .unwrap();
    }
}

async fn a_database_writer_without_the_secret_cannot_rewrite_the_audit_chain(store: Store) {
    log_in(&store, 5).await;
    assert_eq!(
        store.audit_verify().await.unwrap(),
        Verification::Intact {
            entries: 5,
            legacy: 0
        }
    );
    assert!(all_entries(&store).await.iter().all(|e| e.scheme == "hmac"));
    let checkpoint = store.audit_checkpoint().await.unwrap();
    assert_eq!(checkpoint.entry_id, 5);
    assert_eq!(
        checkpoint.to_string().parse::<Checkpoint>(),
        Ok(checkpoint.clone())
    );

    // Entry 2 says "logout" instead of "login", and every hash after it is recomputed: with
    // plain SHA-256, or with HMAC under a key that is not the installation's.
    rewrite(&store, 2, 5, Some((2, "logout")), "hmac", &sha256).await;
    assert!(matches!(
        store.audit_verify().await.unwrap(),
        Verification::Broken { entry_id: 2, .. }
    ));
    let wrong = Secret::from_bytes([7; 32]);
    rewrite(&store, 2, 5, Some((2, "logout")), "hmac", &|d| {
        wrong.mac_hex("audit", d)
    })
    .await;
    assert!(matches!(
        store.audit_verify().await.unwrap(),
        Verification::Broken { entry_id: 2, .. }
    ));

    // Passing the whole chain off as written before it was keyed: verify says so (every entry
    // is legacy), and against a checkpoint it is broken.
    rewrite(&store, 1, 5, Some((2, "logout")), "sha256", &sha256).await;
    assert_eq!(
        store.audit_verify().await.unwrap(),
        Verification::Intact {
            entries: 5,
            legacy: 5
        }
    );
    assert!(matches!(
        store.audit_verify_since(&checkpoint).await.unwrap(),
        Verification::Broken { entry_id: 5, .. }
    ));

    // Only the secret's holder can put it back (which also shows the rewrites above hashed
    // exactly what the store hashes).
    let key = brygga_testkit::secret();
    rewrite(&store, 1, 5, Some((2, "login")), "hmac", &|d| {
        key.mac_hex("audit", d)
    })
    .await;
    assert_eq!(
        store.audit_verify_since(&checkpoint).await.unwrap(),
        Verification::Intact {
            entries: 0,
            legacy: 0
        }
    );

    // Newer entries check from the checkpoint; removing the newest ones and moving the head
    // back cannot hide from it.
    log_in(&store, 2).await;
    assert_eq!(
        store.audit_verify_since(&checkpoint).await.unwrap(),
        Verification::Intact {
            entries: 2,
            legacy: 0
        }
    );
    let fourth = all_entries(&store).await[3].hash.clone();
    execute(&store, "DELETE FROM audit_log WHERE id >= 5").await;
    execute(
        &store,
        &format!("UPDATE audit_head SET hash = '{fourth}' WHERE id = 1"),
    )
    .await;
    assert!(matches!(
        store.audit_verify().await.unwrap(),
        Verification::Intact { entries: 4, .. }
    ));
    assert!(matches!(
        store.audit_verify_since(&checkpoint).await.unwrap(),
        Verification::Broken { entry_id: 5, .. }
    ));
}

async fn a_log_chained_before_the_key_verifies_and_stays_before_the_keyed_entries(store: Store) {
    // A database from before the chain was keyed: five plain SHA-256 entries.
    log_in(&store, 5).await;
    rewrite(&store, 1, 5, None, "sha256", &sha256).await;
    assert_eq!(
        store.audit_verify().await.unwrap(),
        Verification::Intact {
            entries: 5,
            legacy: 5
        }
    );
    // New entries are keyed and chain on from the old head.
    log_in(&store, 2).await;
    let entries = all_entries(&store).await;
    assert_eq!(entries[5].scheme, "hmac");
    assert_eq!(entries[5].prev_hash, entries[4].hash);
    assert_eq!(
        store.audit_verify().await.unwrap(),
        Verification::Intact {
            entries: 7,
            legacy: 5
        }
    );

    // Rewriting an old entry and its plain successors cannot reach past the first keyed one.
    rewrite(&store, 3, 5, Some((3, "logout")), "sha256", &sha256).await;
    assert!(matches!(
        store.audit_verify().await.unwrap(),
        Verification::Broken { entry_id: 6, .. }
    ));
    rewrite(&store, 3, 5, Some((3, "login")), "sha256", &sha256).await;
    assert!(matches!(
        store.audit_verify().await.unwrap(),
        Verification::Intact { entries: 7, .. }
    ));
    // A keyed entry is never followed by an unkeyed one.
    rewrite(&store, 7, 7, Some((7, "logout")), "sha256", &sha256).await;
    assert!(matches!(
        store.audit_verify().await.unwrap(),
        Verification::Broken { entry_id: 7, .. }
    ));
}

async fn count(store: &Store, table: &str) -> i64 {
    let db = store.connection();
    db.query_one_raw(sea_orm::Statement::from_string(
        db.get_database_backend(),
        format!("SELECT COUNT(*) FROM {table}"),
    ))
    .await
    .unwrap()
    .unwrap()
    .try_get_by_index::<i64>(0)
    .unwrap()
}

async fn verifying_the_audit_log_writes_nothing_and_migrates_nothing(url: &str) {
    // Nothing there yet: verification refuses to go on and creates nothing.
    if let Ok(ro) = Store::connect_read_only(url, brygga_testkit::secret()).await {
        assert!(!ro.pending_migrations().await.unwrap().is_empty());
        ro.close().await.unwrap();
    }
    let store = Store::connect(url, brygga_testkit::secret()).await.unwrap();
    assert!(
        store.audit_verify().await.is_err(),
        "the read-only look above did not migrate the database"
    );
    store.migrate().await.unwrap();
    log_in(&store, 3).await;

    // One migration missing: it is named, and not applied.
    let migrations = count(&store, "seaql_migrations").await;
    execute(
        &store,
        "DELETE FROM seaql_migrations WHERE version = 'm0007_audit'",
    )
    .await;
    let ro = Store::connect_read_only(url, brygga_testkit::secret())
        .await
        .unwrap();
    assert_eq!(ro.pending_migrations().await.unwrap(), vec!["m0007_audit"]);
    assert_eq!(count(&store, "seaql_migrations").await, migrations - 1);
    execute(
        &store,
        "INSERT INTO seaql_migrations (version, applied_at) VALUES ('m0007_audit', 0)",
    )
    .await;
    assert!(ro.pending_migrations().await.unwrap().is_empty());

    // Verifying, taking a checkpoint and verifying from it add no row anywhere.
    let before = (
        count(&store, "audit_log").await,
        count(&store, "seaql_migrations").await,
        query_strings(&store, "SELECT hash FROM audit_head").await,
    );
    assert!(matches!(
        ro.audit_verify().await.unwrap(),
        Verification::Intact { entries: 3, .. }
    ));
    let c = ro.audit_checkpoint().await.unwrap();
    assert!(matches!(
        ro.audit_verify_since(&c).await.unwrap(),
        Verification::Intact { entries: 0, .. }
    ));
    let after = (
        count(&store, "audit_log").await,
        count(&store, "seaql_migrations").await,
        query_strings(&store, "SELECT hash FROM audit_head").await,
    );
    assert_eq!(before, after);
    // And the connection it verifies over cannot write at all.
    assert!(
        ro.audit(&sys(), AuditAction::Login, "user", None, &[])
            .await
            .is_err()
    );
    assert_eq!(count(&store, "audit_log").await, 3);
    ro.close().await.unwrap();
    store.close().await.unwrap();
}

#[test]
fn a_checkpoint_is_one_token_and_anything_else_is_refused() {
    let c: Checkpoint = format!("42:{}", "AB".repeat(32)).parse().unwrap();
    assert_eq!(c.entry_id, 42);
    assert_eq!(c.to_string(), format!("42:{}", "ab".repeat(32)));
    for bad in [
        "",
        "42",
        "x:00",
        "42:abc",
        &format!("-1:{}", "0".repeat(64)),
    ] {
        assert!(bad.parse::<Checkpoint>().is_err(), "{bad}");
    }
}
