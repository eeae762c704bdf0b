//! Store cases: the job queue that outgoing email waits in.

use std::time::Duration;

use brygga_domain::model::JobStatus;
use brygga_store::jobs::{Attachment, Job, JobFilter, MAX_ATTEMPTS, OutgoingEmail};

use super::*;

both!(
    store:
    two_workers_claiming_at_once_never_get_the_same_job,
    a_job_whose_worker_stopped_is_taken_over_when_its_lease_runs_out,
    a_failing_send_backs_off_and_after_the_last_attempt_stays_failed_until_retried,
    only_admins_see_and_queue_email_and_their_actions_are_audited,
);

fn email(n: usize) -> OutgoingEmail {
    OutgoingEmail {
        to: vec![format!("kandidat{n}@example.org")],
        subject: format!("Inbjudan till intervju nr {n} – Café Åkersberga"),
        text: "Välkommen på intervju!".into(),
        attachments: vec![Attachment {
            filename: "intervju.ics".into(),
            content_type: "text/calendar; method=REQUEST; charset=utf-8".into(),
            data_base64: "QkVHSU46VkNBTEVOREFS".into(),
        }],
    }
}

async fn queue(store: &Store, n: usize) -> Vec<i32> {
    let mut ids = vec![];
    for i in 0..n {
        ids.push(
            store
                .email_enqueue(&Actor::system_for("test"), &email(i))
                .await
                .unwrap(),
        );
    }
    ids
}

const LEASE: Duration = Duration::from_secs(300);

async fn job(store: &Store, id: i32) -> Job {
    store.job_get(&Actor::system_for("test"), id).await.unwrap()
}

async fn two_workers_claiming_at_once_never_get_the_same_job(store: Store) {
    let queued: BTreeSet<i32> = queue(&store, 20).await.into_iter().collect();
    let drain = |name: &'static str| {
        let store = store.clone();
        async move {
            let mut got = vec![];
            while let Some(job) = store.job_claim_next(name, LEASE).await.unwrap() {
                assert_eq!(job.status, JobStatus::Running);
                assert_eq!(job.locked_by.as_deref(), Some(name));
                got.push(job.id);
            }
            got
        }
    };
    let (a, b) = tokio::join!(
        tokio::spawn(drain("worker-a")),
        tokio::spawn(drain("worker-b"))
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    let (sa, sb): (BTreeSet<i32>, BTreeSet<i32>) =
        (a.iter().copied().collect(), b.iter().copied().collect());
    assert_eq!(sa.len(), a.len(), "worker a got a job twice");
    assert!(
        sa.is_disjoint(&sb),
        "both workers got {:?}",
        sa.intersection(&sb)
    );
    assert_eq!(&sa | &sb, queued, "every job was claimed");
    for id in &queued {
        assert_eq!(job(&store, *id).await.attempts, 1, "job {id} claimed once");
    }
    // Oldest first: a fresh job waits behind none of the claimed ones.
    let newest = queue(&store, 1).await[0];
    let next = store.job_claim_next("worker-a", LEASE).await.unwrap();
    assert_eq!(next.map(|j| j.id), Some(newest));
}

async fn a_job_whose_worker_stopped_is_taken_over_when_its_lease_runs_out(store: Store) {
    let id = queue(&store, 1).await[0];
    let first = store
        .job_claim_next("worker-a", LEASE)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(first.id, id);
    assert_eq!(
        store.job_claim_next("worker-b", LEASE).await.unwrap(),
        None,
        "a job under a live lease is not claimed again"
    );

    // Worker c claims with a lease that runs out at once, then "dies".
    let other = queue(&store, 1).await[0];
    let c = store
        .job_claim_next("worker-c", Duration::ZERO)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(c.id, other);
    tokio::time::sleep(Duration::from_millis(20)).await;
    let taken = store
        .job_claim_next("worker-b", LEASE)
        .await
        .unwrap()
        .expect("the expired job is claimable");
    assert_eq!(taken.id, other);
    assert_eq!(taken.attempts, 2, "the lost try counts");
    assert_eq!(taken.locked_by.as_deref(), Some("worker-b"));

    // The stopped worker cannot record anything for a job it no longer holds.
    assert!(!store.job_complete(other, "worker-c").await.unwrap());
    assert!(
        !store
            .job_fail(other, "worker-c", "late", &[])
            .await
            .unwrap()
    );
    assert!(store.job_complete(other, "worker-b").await.unwrap());
    let done = job(&store, other).await;
    assert_eq!(done.status, JobStatus::Done);
    assert!(done.done_at.is_some());
    assert_eq!(store.job_claim_next("worker-b", LEASE).await.unwrap(), None);
}

async fn a_failing_send_backs_off_and_after_the_last_attempt_stays_failed_until_retried(
    store: Store,
) {
    // Back-off: the first failure is tried again at once here, the second an hour later.
    let id = queue(&store, 1).await[0];
    let backoff = [Duration::ZERO, Duration::from_secs(3600)];
    let j = store.job_claim_next("w", LEASE).await.unwrap().unwrap();
    assert!(
        store
            .job_fail(j.id, "w", "421 busy", &backoff)
            .await
            .unwrap()
    );
    let j = store.job_claim_next("w", LEASE).await.unwrap().unwrap();
    assert_eq!((j.id, j.attempts), (id, 2));
    let before = chrono::Utc::now();
    assert!(
        store
            .job_fail(j.id, "w", "421 busy again", &backoff)
            .await
            .unwrap()
    );
    let after = chrono::Utc::now();
    let waiting = job(&store, id).await;
    assert_eq!(waiting.status, JobStatus::Queued);
    assert_eq!(waiting.last_error, "421 busy again");
    let hour = chrono::Duration::hours(1);
    assert!(
        waiting.run_at >= before + hour - chrono::Duration::milliseconds(1)
            && waiting.run_at <= after + hour,
        "next try at {}, failed between {before} and {after}",
        waiting.run_at
    );
    assert_eq!(
        store.job_claim_next("w", LEASE).await.unwrap(),
        None,
        "not due yet"
    );

    // Without back-off: tried until the last attempt, then failed with the last error.
    let id = queue(&store, 1).await[0];
    for attempt in 1..=MAX_ATTEMPTS {
        let j = store
            .job_claim_next("w", LEASE)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("attempt {attempt} is due"));
        assert_eq!((j.id, j.attempts), (id, attempt));
        let error = format!("connection refused ({attempt})");
        assert!(store.job_fail(id, "w", &error, &[]).await.unwrap());
    }
    let failed = job(&store, id).await;
    assert_eq!(failed.status, JobStatus::Failed);
    assert_eq!(
        failed.last_error,
        format!("connection refused ({MAX_ATTEMPTS})")
    );
    assert_eq!(store.job_claim_next("w", LEASE).await.unwrap(), None);
    let listed = store
        .job_list(
            &Actor::system_for("test"),
            &JobFilter {
                status: Some(JobStatus::Failed),
                page: 1,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        listed.items.iter().map(|j| j.id).collect::<Vec<_>>(),
        vec![id]
    );

    // Retry: queued now with a fresh count, sent, and not retried twice.
    store
        .job_retry(&Actor::system_for("test"), id)
        .await
        .unwrap();
    assert!(matches!(
        store.job_retry(&Actor::system_for("test"), id).await,
        Err(StoreError::Conflict)
    ));
    let j = store.job_claim_next("w", LEASE).await.unwrap().unwrap();
    assert_eq!((j.id, j.attempts), (id, 1));
    assert_eq!(j.email, Some(email(0)), "the message is kept whole");
    assert!(store.job_complete(id, "w").await.unwrap());
    assert!(matches!(
        store.job_retry(&Actor::system_for("test"), id).await,
        Err(StoreError::Conflict)
    ));
    assert!(matches!(
        store.job_retry(&Actor::system_for("test"), 99_999).await,
        Err(StoreError::NotFound)
    ));
}

async fn only_admins_see_and_queue_email_and_their_actions_are_audited(store: Store) {
    let admin = Actor::system_for("test");
    let id = queue(&store, 1).await[0];
    for role in Role::ALL.iter().copied().filter(|r| *r != Role::Admin) {
        // An account with the role, with no organisation or employer: the role alone decides.
        let id_of_user = user(&store, &format!("{role}@example.org"), role, &[], None).await;
        let actor = actor(&store, id_of_user).await;
        let forbidden = |r: Result<_, StoreError>| matches!(r, Err(StoreError::Forbidden));
        assert!(
            forbidden(
                store
                    .job_list(&actor, &JobFilter::default())
                    .await
                    .map(|_| ())
            ),
            "{role}"
        );
        assert!(
            forbidden(store.job_get(&actor, id).await.map(|_| ())),
            "{role}"
        );
        assert!(forbidden(store.job_retry(&actor, id).await), "{role}");
        assert!(
            forbidden(store.email_enqueue(&actor, &email(1)).await.map(|_| ())),
            "{role}"
        );
    }

    // Recipients must be addresses.
    for to in [vec![], vec!["kandidat@".to_string()]] {
        let bad = OutgoingEmail { to, ..email(2) };
        match store.email_enqueue(&admin, &bad).await {
            Err(StoreError::Invalid(e)) => assert!(e.get("to").is_some(), "{e:?}"),
            other => panic!("{other:?}"),
        }
    }

    let all = store.job_list(&admin, &JobFilter::default()).await.unwrap();
    assert_eq!(all.total, 1);
    assert!(matches!(
        store.job_get(&admin, 99_999).await,
        Err(StoreError::NotFound)
    ));
    let j = store.job_claim_next("w", LEASE).await.unwrap().unwrap();
    for _ in 0..MAX_ATTEMPTS {
        store.job_fail(j.id, "w", "down", &[]).await.unwrap();
        let _ = store.job_claim_next("w", LEASE).await.unwrap();
    }
    store.job_retry(&admin, id).await.unwrap();
    let audited: Vec<String> = store
        .audit_list(
            &admin,
            &AuditFilter {
                resource: Some("job".into()),
                record_id: Some(id),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|e| e.action)
        .collect();
    // Newest first: the retry, then (last) the creation.
    assert_eq!(audited.first().map(String::as_str), Some("update"));
    assert_eq!(audited.last().map(String::as_str), Some("create"));
}
