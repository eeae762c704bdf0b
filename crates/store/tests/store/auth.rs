//! Store cases: login throttling under parallel attempts and against strangers failing on
//! purpose; what a password change or reset ends; API tokens that are named, expire and can be
//! revoked.

use super::*;
use brygga_store::users::{ACCOUNT_SLOW_AFTER, ACCOUNT_SLOWDOWN, MAX_FAILED_PER_PAIR};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::SessionStore;

both!(
    store:
    parallel_wrong_passwords_reach_the_password_check_at_most_the_limit,
    strangers_failing_on_purpose_slow_the_account_but_never_bar_its_owner,
    a_password_change_or_reset_ends_other_sessions_and_every_token,
    api_tokens_are_named_expire_and_can_be_revoked,
);

async fn user(store: &Store, email: &'static str) -> i32 {
    store
        .user_create(
            &sys(),
            NewUser {
                email,
                name: "Ada Andersson",
                role: Role::Coordinator,
                org_ids: &[],
                employer_id: None,
                password: PASSWORD,
            },
        )
        .await
        .unwrap()
}

/// How many wrong passwords reached the password check for `user_id` (each one is audited).
async fn checked_failures(store: &Store, user_id: i32) -> u64 {
    let f = AuditFilter {
        action: Some("login_failed".into()),
        record_id: Some(user_id),
        ..Default::default()
    };
    store.audit_list(&sys(), &f).await.unwrap().total
}

/// `n` logins at once, all from `client(i)`, and their outcomes.
async fn parallel_logins(
    store: &Store,
    n: usize,
    email: &'static str,
    password: &'static str,
    client: impl Fn(usize) -> String,
) -> Vec<LoginOutcome> {
    let mut set = tokio::task::JoinSet::new();
    for i in 0..n {
        let (store, client) = (store.clone(), client(i));
        set.spawn(async move { store.login(email, password, &client).await.unwrap() });
    }
    set.join_all().await
}

async fn parallel_wrong_passwords_reach_the_password_check_at_most_the_limit(store: Store) {
    let ada = user(&store, "ada@example.se").await;
    let outcomes = parallel_logins(&store, 48, "ada@example.se", "gissning nummer x", |_| {
        "10.9.9.9".into()
    })
    .await;
    let failed = outcomes
        .iter()
        .filter(|o| **o == LoginOutcome::Failed)
        .count();
    let throttled = outcomes
        .iter()
        .filter(|o| **o == LoginOutcome::Throttled)
        .count();
    assert_eq!(
        (failed, throttled),
        (
            MAX_FAILED_PER_PAIR as usize,
            48 - MAX_FAILED_PER_PAIR as usize
        ),
        "{outcomes:?}"
    );
    assert_eq!(
        checked_failures(&store, ada).await,
        MAX_FAILED_PER_PAIR as u64,
        "only as many passwords as the limit were checked"
    );
    // Counts of a window still open are kept by the sweep.
    assert_eq!(store.throttle_sweep().await.unwrap(), 0);
}

async fn strangers_failing_on_purpose_slow_the_account_but_never_bar_its_owner(store: Store) {
    let ada = user(&store, "ada@example.se").await;
    // One stranger, fifty tries: the first few are checked, then that client is barred for
    // this account — even with the right password.
    for _ in 0..50 {
        store
            .login("ada@example.se", "gissning", "203.0.113.7")
            .await
            .unwrap();
    }
    assert_eq!(
        checked_failures(&store, ada).await,
        MAX_FAILED_PER_PAIR as u64
    );
    assert_eq!(
        store
            .login("ada@example.se", PASSWORD, "203.0.113.7")
            .await
            .unwrap(),
        LoginOutcome::Throttled
    );
    // Ada on her own client logs in.
    assert_eq!(
        store
            .login("ada@example.se", PASSWORD, "192.0.2.10")
            .await
            .unwrap(),
        LoginOutcome::Ok(ada)
    );

    // Many strangers, one try each: past the account's ceiling every check waits first, but
    // none is refused, and Ada still gets in.
    let strangers = ACCOUNT_SLOW_AFTER as usize + 5;
    let outcomes = parallel_logins(&store, strangers, "ada@example.se", "gissning", |i| {
        format!("198.51.100.{i}")
    })
    .await;
    assert!(
        outcomes.iter().all(|o| *o == LoginOutcome::Failed),
        "{outcomes:?}"
    );
    let started = std::time::Instant::now();
    assert_eq!(
        store
            .login("ada@example.se", PASSWORD, "192.0.2.10")
            .await
            .unwrap(),
        LoginOutcome::Ok(ada)
    );
    assert!(
        started.elapsed() >= ACCOUNT_SLOWDOWN,
        "slowed: {:?}",
        started.elapsed()
    );
}

/// A live session of `user_id` in the store, as the web layer makes one at login.
async fn session_of(sessions: &DbSessionStore, user_id: i32) -> Id {
    let mut rec = Record {
        id: Id::default(),
        data: [("user_id".to_string(), serde_json::json!(user_id))]
            .into_iter()
            .collect(),
        expiry_date: time::OffsetDateTime::now_utc() + time::Duration::hours(1),
    };
    sessions.create(&mut rec).await.unwrap();
    rec.id
}

async fn a_password_change_or_reset_ends_other_sessions_and_every_token(store: Store) {
    let ada = user(&store, "ada@example.se").await;
    let bo = user(&store, "bo@example.se").await;
    let sessions = DbSessionStore::new(store.clone());
    let (here, laptop, phone) = (
        session_of(&sessions, ada).await,
        session_of(&sessions, ada).await,
        session_of(&sessions, ada).await,
    );
    let bos = session_of(&sessions, bo).await;
    let a = actor(&store, ada).await;
    let t1 = store.token_create(&a, ada, "skript", 30).await.unwrap();
    let t2 = store.token_create(&a, ada, "rapport", 30).await.unwrap();
    let bo_token = store.token_create(&sys(), bo, "bo", 30).await.unwrap();

    let new = "ett helt nytt lösenord";
    store
        .change_password(&a, PASSWORD, new, new, Some(&here.to_string()))
        .await
        .unwrap();
    assert!(
        sessions.load(&here).await.unwrap().is_some(),
        "this one stays"
    );
    assert!(sessions.load(&laptop).await.unwrap().is_none());
    assert!(sessions.load(&phone).await.unwrap().is_none());
    assert!(store.actor_by_token(&t1).await.unwrap().is_none());
    assert!(store.actor_by_token(&t2).await.unwrap().is_none());
    assert!(
        store
            .tokens(&a, ada)
            .await
            .unwrap()
            .iter()
            .all(|t| t.revoked_at.is_some()),
        "listed as revoked"
    );
    // Nobody else's.
    assert!(sessions.load(&bos).await.unwrap().is_some());
    assert!(store.actor_by_token(&bo_token).await.unwrap().is_some());

    // A reset by an administrator ends every session, the current one included.
    let t3 = store.token_create(&a, ada, "ny", 30).await.unwrap();
    assert!(store.actor_by_token(&t3).await.unwrap().is_some());
    assert_invalid(store.password_reset(&sys(), ada, "kort").await, "new");
    assert!(matches!(
        store.password_reset(&a, bo, "ett annat långt lösen").await,
        Err(StoreError::Forbidden)
    ));
    store
        .password_reset(&sys(), ada, "ett annat långt lösen")
        .await
        .unwrap();
    assert!(sessions.load(&here).await.unwrap().is_none());
    assert!(store.actor_by_token(&t3).await.unwrap().is_none());
    assert_eq!(
        store
            .login("ada@example.se", "ett annat långt lösen", "192.0.2.1")
            .await
            .unwrap(),
        LoginOutcome::Ok(ada)
    );
}

async fn api_tokens_are_named_expire_and_can_be_revoked(store: Store) {
    let ada = user(&store, "ada@example.se").await;
    let bo = user(&store, "bo@example.se").await;
    let a = actor(&store, ada).await;
    assert_invalid(store.token_create(&a, ada, "  ", 30).await, "name");
    assert_invalid(store.token_create(&a, ada, "x", 0).await, "expires_days");
    assert_invalid(store.token_create(&a, ada, "x", 731).await, "expires_days");
    assert!(matches!(
        store.token_create(&a, bo, "x", 30).await,
        Err(StoreError::Forbidden)
    ));

    let short = store.token_create(&a, ada, "kort", 1).await.unwrap();
    let long = store.token_create(&a, ada, "lång", 365).await.unwrap();
    let list = store.tokens(&a, ada).await.unwrap();
    assert_eq!(
        list.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        ["lång", "kort"]
    );
    let days =
        |t: &brygga_store::users::ApiToken| (t.expires_at.unwrap() - t.created_at).num_days();
    assert_eq!((days(&list[0]), days(&list[1])), (365, 1));
    assert!(list.iter().all(|t| t.is_live()));
    assert!(matches!(
        store.tokens(&actor(&store, bo).await, ada).await,
        Err(StoreError::Forbidden)
    ));

    // Expired: refused.
    execute(
        &store,
        &format!(
            "UPDATE api_tokens SET expires_at = created_at WHERE id = {}",
            list[1].id
        ),
    )
    .await;
    assert!(store.actor_by_token(&short).await.unwrap().is_none());
    assert!(!store.token(&a, list[1].id).await.unwrap().is_live());

    // Revoked: refused from then on; only its owner or an administrator may revoke it.
    assert!(store.actor_by_token(&long).await.unwrap().is_some());
    assert!(matches!(
        store
            .token_revoke(&actor(&store, bo).await, list[0].id)
            .await,
        Err(StoreError::Forbidden)
    ));
    let revoked = store.token_revoke(&a, list[0].id).await.unwrap();
    assert!(revoked.revoked_at.is_some());
    assert!(store.actor_by_token(&long).await.unwrap().is_none());
    assert!(matches!(
        store.token_revoke(&a, 999_999).await,
        Err(StoreError::NotFound)
    ));
}
