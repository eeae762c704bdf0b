//! Store cases: clearance (eligibility confirmation and the employment service's decision) and
//! sharing a case with an officer.
#![allow(unused_imports)]

use super::*;
use brygga_domain::clearance::{ConfirmationDraft, DecisionDraft};
use brygga_domain::model::Compensation;

both!(
    store:
    clearance_records_are_kept_and_withdrawn_never_deleted,
    an_officer_reaches_only_shared_cases_and_other_roles_none,
    coordinators_share_cases_with_officers_in_their_scope,
);

fn confirmation(officer: &str) -> brygga_domain::clearance::ConfirmationInput {
    ConfirmationDraft {
        es_officer_name: officer.into(),
        es_confirmed_on: "2025-05-20".into(),
        es_confirm_note: "Per telefon".into(),
    }
    .validate(today())
    .unwrap()
}

fn decision(reference: &str) -> brygga_domain::clearance::DecisionInput {
    DecisionDraft {
        es_reference: reference.into(),
        es_decision_date: "2025-05-28".into(),
        es_period_start: "2025-06-09".into(),
        es_period_end: "2025-09-05".into(),
        es_insured: "yes".into(),
        es_compensation: "aktivitetsstod".into(),
        es_decision_note: String::new(),
    }
    .validate(today())
    .unwrap()
}

async fn eligibility(store: &Store, id: i32) -> EligibilityStatus {
    store
        .participant_get(&sys(), id)
        .await
        .unwrap()
        .eligibility
        .expect("the system sees eligibility")
}

async fn clearance_records_are_kept_and_withdrawn_never_deleted(store: Store) {
    let t = tree(&store).await;
    let k = actor(
        &store,
        user(
            &store,
            "k@example.se",
            Role::Coordinator,
            &[t.programme],
            None,
        )
        .await,
    )
    .await;
    let p = add(&store, &sys(), &draft(t.programme, "Amir", "Ahmadi")).await;

    let empty = store.clearance_get(&k, p).await.unwrap();
    assert!(empty.confirmation().is_none() && empty.decision().is_none());
    assert_eq!(empty.participant_name, "Amir Ahmadi");
    let state = store.clearance_state(&k, p).await.unwrap();
    assert!(!state.eligibility_confirmed && !state.decision_registered);

    let c1 = store
        .eligibility_confirm(&k, p, &confirmation("Hedda Handläggarsdotter"))
        .await
        .unwrap();
    assert_eq!(eligibility(&store, p).await, EligibilityStatus::Eligible);
    let d1 = store
        .es_decision_register(&k, p, &decision("Af-2025/1"))
        .await
        .unwrap();
    let c = store.clearance_get(&k, p).await.unwrap();
    let conf = c.confirmation().unwrap();
    assert_eq!(conf.id, c1);
    assert_eq!(conf.officer_name, "Hedda Handläggarsdotter");
    assert_eq!(conf.recorded_by, "k@example.se");
    let dec = c.decision().unwrap();
    assert_eq!(dec.id, d1);
    assert!(dec.insured);
    assert_eq!(dec.compensation, Compensation::Aktivitetsstod);
    assert_eq!(dec.period_end, NaiveDate::from_ymd_opt(2025, 9, 5).unwrap());
    let state = store.clearance_state(&k, p).await.unwrap();
    assert!(state.eligibility_confirmed && state.decision_registered);

    // A new decision replaces the old one, which stays, withdrawn; newest first.
    let d2 = store
        .es_decision_register(&k, p, &decision("Af-2025/2"))
        .await
        .unwrap();
    let c = store.clearance_get(&k, p).await.unwrap();
    assert_eq!(c.decisions.len(), 2);
    assert_eq!(c.decisions[0].id, d2);
    assert_eq!(c.decision().unwrap().reference, "Af-2025/2");
    assert!(c.decisions[1].withdrawn_at.is_some());

    // Withdrawing: kept, marked, with who; once only; eligibility is back to pending.
    store.eligibility_withdraw(&k, p, c1).await.unwrap();
    assert!(matches!(
        store.eligibility_withdraw(&k, p, c1).await,
        Err(StoreError::NotFound)
    ));
    store.es_decision_withdraw(&k, p, d2).await.unwrap();
    let c = store.clearance_get(&k, p).await.unwrap();
    assert_eq!(c.confirmations.len(), 1);
    assert!(c.confirmation().is_none() && c.decision().is_none());
    assert_eq!(c.confirmations[0].withdrawn_by, "k@example.se");
    assert_eq!(eligibility(&store, p).await, EligibilityStatus::Pending);
    let state = store.clearance_state(&k, p).await.unwrap();
    assert!(!state.eligibility_confirmed && !state.decision_registered);

    // A record of another participant cannot be withdrawn through this one.
    let other = add(&store, &sys(), &draft(t.programme, "Berit", "Bengtsson")).await;
    let d3 = store
        .es_decision_register(&k, other, &decision("Af-2025/3"))
        .await
        .unwrap();
    assert!(matches!(
        store.es_decision_withdraw(&k, p, d3).await,
        Err(StoreError::NotFound)
    ));

    // The store refuses an end before the start even when handed one directly.
    let mut bad = decision("Af-2025/4");
    bad.period_end = bad.period_start - chrono::Duration::days(1);
    assert_invalid(
        store.es_decision_register(&k, p, &bad).await,
        "es_period_end",
    );

    // Every write and the reads are in the audit log.
    let log = store
        .audit_list(
            &sys(),
            &AuditFilter {
                actor_id: k.user_id(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let has = |action: &str, resource: &str| {
        log.items
            .iter()
            .any(|e| e.action == action && e.resource == resource)
    };
    assert!(has("create", "es_confirmation"));
    assert!(has("create", "es_decision"));
    assert!(has("update", "es_decision"));
    assert!(has("update", "participant"));
    assert!(has("read", "clearance"));
}

async fn an_officer_reaches_only_shared_cases_and_other_roles_none(store: Store) {
    let t = tree(&store).await;
    let s = sys();
    let k = actor(
        &store,
        user(
            &store,
            "k@example.se",
            Role::Coordinator,
            &[t.programme],
            None,
        )
        .await,
    )
    .await;
    let k2 = actor(
        &store,
        user(
            &store,
            "k2@example.se",
            Role::Coordinator,
            &[t.programme2],
            None,
        )
        .await,
    )
    .await;
    let pm = actor(
        &store,
        user(
            &store,
            "pm@example.se",
            Role::ProgrammeManager,
            &[t.programme],
            None,
        )
        .await,
    )
    .await;
    let officer = user(&store, "af@example.se", Role::EsOfficer, &[], None).await;
    let es = actor(&store, officer).await;
    let e = store
        .employer_create(
            &s,
            &valid_employer(&employer_draft("Ängen AB", &orgnr(1), "private")),
        )
        .await
        .unwrap();
    let contact = actor(
        &store,
        user(&store, "hr@angen.se", Role::EmployerContact, &[], Some(e)).await,
    )
    .await;
    let pl = store
        .placement_create(
            &s,
            &valid_placement(&placement_draft(e, "Kock", PlacementStatus::Published)),
        )
        .await
        .unwrap();
    let shared = add(&store, &s, &sharing(draft(t.programme, "Amir", "Ahmadi"))).await;
    let unshared = add(&store, &s, &draft(t.programme, "Berit", "Bengtsson")).await;
    store.propose_candidate(&k, shared, pl).await.unwrap();
    store.case_share(&k, shared, officer).await.unwrap();

    // The officer registers both records on the shared case...
    store
        .eligibility_confirm(&es, shared, &confirmation("af@example.se"))
        .await
        .unwrap();
    let d = store
        .es_decision_register(&es, shared, &decision("Af-2025/9"))
        .await
        .unwrap();
    let c = store.clearance_get(&es, shared).await.unwrap();
    assert_eq!(c.decision().unwrap().recorded_by, "af@example.se");
    store.es_decision_withdraw(&es, shared, d).await.unwrap();
    // ...and the unshared case does not exist for them.
    assert!(matches!(
        store.clearance_get(&es, unshared).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .es_decision_register(&es, unshared, &decision("Af-2025/10"))
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .eligibility_confirm(&es, unshared, &confirmation("x"))
            .await,
        Err(StoreError::NotFound)
    ));
    // An officer cannot share cases.
    assert!(store.case_share(&es, unshared, officer).await.is_err());

    // A coordinator of another programme: not found; the programme manager reads only.
    assert!(matches!(
        store.clearance_get(&k2, shared).await,
        Err(StoreError::NotFound)
    ));
    store.clearance_get(&pm, shared).await.unwrap();
    assert!(matches!(
        store
            .es_decision_register(&pm, shared, &decision("Af-2025/11"))
            .await,
        Err(StoreError::Forbidden)
    ));
    // The employer contact sees the proposed candidate, never the clearance.
    store.participant_get(&contact, shared).await.unwrap();
    assert!(matches!(
        store.clearance_get(&contact, shared).await,
        Err(StoreError::Forbidden)
    ));
}

async fn coordinators_share_cases_with_officers_in_their_scope(store: Store) {
    let t = tree(&store).await;
    let k = actor(
        &store,
        user(
            &store,
            "k@example.se",
            Role::Coordinator,
            &[t.programme],
            None,
        )
        .await,
    )
    .await;
    let k2 = actor(
        &store,
        user(
            &store,
            "k2@example.se",
            Role::Coordinator,
            &[t.programme2],
            None,
        )
        .await,
    )
    .await;
    let local = user(
        &store,
        "af-lokal@example.se",
        Role::EsOfficer,
        &[t.cohort],
        None,
    )
    .await;
    let elsewhere = user(
        &store,
        "af-annan@example.se",
        Role::EsOfficer,
        &[t.programme2],
        None,
    )
    .await;
    let unaffiliated = user(&store, "af@example.se", Role::EsOfficer, &[], None).await;
    let not_officer = user(
        &store,
        "k3@example.se",
        Role::Coordinator,
        &[t.programme],
        None,
    )
    .await;
    let p = add(&store, &sys(), &draft(t.programme, "Amir", "Ahmadi")).await;

    let officers = store.case_officers(&k, p).await.unwrap();
    assert_eq!(
        ids(&officers, |o| o.user_id),
        set(&[local, unaffiliated]),
        "officers in the coordinator's scope and those outside the programme tree"
    );
    assert!(officers.iter().all(|o| !o.shared));
    assert!(matches!(
        store.case_officers(&k2, p).await,
        Err(StoreError::NotFound)
    ));

    store.case_share(&k, p, local).await.unwrap();
    store.case_share(&k, p, local).await.unwrap(); // twice: still one share
    for other in [elsewhere, not_officer, 9999] {
        assert_invalid(store.case_share(&k, p, other).await, "officer_id");
    }
    let officers = store.case_officers(&k, p).await.unwrap();
    let shared: Vec<i32> = officers
        .iter()
        .filter(|o| o.shared)
        .map(|o| o.user_id)
        .collect();
    assert_eq!(shared, vec![local]);
    let es = actor(&store, local).await;
    store.clearance_get(&es, p).await.unwrap();
    assert_eq!(
        list_ids(&store, &es, ParticipantFilter::default()).await,
        set(&[p])
    );

    store.case_unshare(&k, p, local).await.unwrap();
    assert!(matches!(
        store.case_unshare(&k, p, local).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.clearance_get(&es, p).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        list_ids(&store, &es, ParticipantFilter::default()).await,
        set(&[])
    );
}
