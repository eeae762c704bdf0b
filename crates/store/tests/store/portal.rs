//! Store cases: the public portal (published placements, interest with its rate limit) and the
//! coordinators' inbox.
#![allow(unused_imports)]

use super::*;
use brygga_domain::interest::{CONSENT_VERSION, InterestDraft, InterestUpdateDraft};
use brygga_domain::model::InterestStatus;
use brygga_store::interest::{InterestFilter, PortalFilter, RATE_LIMIT, Submission};

both!(
    store:
    the_portal_shows_only_published_placements_and_searches_them,
    interest_is_stored_with_consent_and_rate_limited_per_client,
    the_inbox_is_for_coordinators_and_records_what_became_of_an_interest,
    registering_a_participant_from_an_interest_marks_it_in_the_same_transaction,
);

fn interest(name: &str) -> brygga_domain::interest::InterestInput {
    InterestDraft {
        name: name.into(),
        email: "kandidat@example.se".into(),
        spoken_languages: "arabiska, engelska".into(),
        interest_message: "Jag har arbetat i kök.".into(),
        interest_consent: "yes".into(),
        ..Default::default()
    }
    .validate()
    .unwrap()
}

struct Ads {
    cook: i32,
    cleaner: i32,
    draft: i32,
}

async fn ads(store: &Store) -> Ads {
    let s = sys();
    let e = store
        .employer_create(
            &s,
            &valid_employer(&employer_draft("Restaurang Ängen AB", &orgnr(1), "private")),
        )
        .await
        .unwrap();
    let cook = store
        .placement_create(
            &s,
            &valid_placement(&placement_draft(e, "Kock", PlacementStatus::Published)),
        )
        .await
        .unwrap();
    let mut d = placement_draft(e, "Städare", PlacementStatus::Published);
    d.ssyk_code = "9111".into();
    d.municipality_code = "1480".into();
    let cleaner = store
        .placement_create(&s, &valid_placement(&d))
        .await
        .unwrap();
    let draft = store
        .placement_create(
            &s,
            &valid_placement(&placement_draft(e, "Kallskänka", PlacementStatus::Draft)),
        )
        .await
        .unwrap();
    Ads {
        cook,
        cleaner,
        draft,
    }
}

async fn portal_ids(store: &Store, f: PortalFilter) -> BTreeSet<i32> {
    let page = store.portal_placements(&f).await.unwrap();
    assert_eq!(page.total as usize, page.items.len());
    ids(&page.items, |p| p.id)
}

async fn the_portal_shows_only_published_placements_and_searches_them(store: Store) {
    let a = ads(&store).await;
    assert_eq!(
        portal_ids(&store, PortalFilter::default()).await,
        set(&[a.cook, a.cleaner])
    );
    let q = |q: &str| PortalFilter {
        q: q.into(),
        ..Default::default()
    };
    assert_eq!(portal_ids(&store, q("kock")).await, set(&[a.cook]));
    assert_eq!(
        portal_ids(&store, q("ÄNGEN")).await,
        set(&[a.cook, a.cleaner])
    );
    assert_eq!(portal_ids(&store, q("kallskänka")).await, set(&[]));
    let by_place = PortalFilter {
        municipality_code: "1480".into(),
        ..Default::default()
    };
    assert_eq!(portal_ids(&store, by_place).await, set(&[a.cleaner]));
    // An occupational field by its first digits, or the exact code.
    for code in ["5", "512", "5120"] {
        let by_job = PortalFilter {
            occupation: code.into(),
            ..Default::default()
        };
        assert_eq!(portal_ids(&store, by_job).await, set(&[a.cook]), "{code}");
    }

    let ad = store.portal_placement(a.cook).await.unwrap();
    assert_eq!(ad.title, "Kock");
    assert_eq!(ad.employer_name, "Restaurang Ängen AB");
    assert_eq!(ad.days_per_week, 5);
    assert!(matches!(
        store.portal_placement(a.draft).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.portal_placement(9999).await,
        Err(StoreError::NotFound)
    ));
}

async fn interest_is_stored_with_consent_and_rate_limited_per_client(store: Store) {
    let a = ads(&store).await;
    let before = chrono::Utc::now() - chrono::Duration::seconds(5);
    for n in 0..RATE_LIMIT {
        assert!(!store.interest_rate_limited("192.0.2.7").await.unwrap());
        let r = store
            .interest_submit(
                a.cook,
                &interest(&format!("Kandidat {n}")),
                "sv",
                "192.0.2.7",
            )
            .await
            .unwrap();
        assert!(matches!(r, Submission::Stored(_)), "{n}: {r:?}");
    }
    assert!(store.interest_rate_limited("192.0.2.7").await.unwrap());
    assert_eq!(
        store
            .interest_submit(a.cook, &interest("En till"), "sv", "192.0.2.7")
            .await
            .unwrap(),
        Submission::RateLimited
    );
    // Another client is not affected.
    let Submission::Stored(id) = store
        .interest_submit(a.cleaner, &interest("Lina Berg"), "en", "198.51.100.1")
        .await
        .unwrap()
    else {
        panic!("another client is not limited");
    };
    // Not into a placement that is not published.
    assert!(matches!(
        store
            .interest_submit(a.draft, &interest("X"), "sv", "198.51.100.2")
            .await,
        Err(StoreError::NotFound)
    ));

    let k = actor(
        &store,
        user(&store, "k@example.se", Role::Coordinator, &[], None).await,
    )
    .await;
    let page = store
        .interest_list(&k, &InterestFilter::default())
        .await
        .unwrap();
    assert_eq!(page.total, RATE_LIMIT + 1, "the refused one was not stored");
    let got = store.interest_get(&k, id).await.unwrap();
    assert_eq!(got.name, "Lina Berg");
    assert_eq!(got.email, "kandidat@example.se");
    assert_eq!(got.lang, "en");
    assert_eq!(got.placement_title, "Städare");
    assert_eq!(got.consent_version, CONSENT_VERSION);
    assert!(got.consent_at >= before);
    assert_eq!(got.status, InterestStatus::New);

    // The address itself is not stored, only its keyed hash.
    let client_hash = query_strings(
        &store,
        &format!("SELECT client_hash FROM interests WHERE id = {id}"),
    )
    .await
    .remove(0);
    assert!(!client_hash.contains("198.51.100.1"));
    assert_eq!(client_hash.len(), 64);

    // Created by "portal" in the audit log.
    let log = store
        .audit_list(
            &sys(),
            &AuditFilter {
                resource: Some("interest".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(
        log.items
            .iter()
            .any(|e| e.action == "create" && e.actor == "portal" && e.record_id == Some(id)),
        "{:?}",
        log.items
    );
}

async fn the_inbox_is_for_coordinators_and_records_what_became_of_an_interest(store: Store) {
    let t = tree(&store).await;
    let a = ads(&store).await;
    let Submission::Stored(first) = store
        .interest_submit(a.cook, &interest("Först Inskickad"), "sv", "192.0.2.1")
        .await
        .unwrap()
    else {
        panic!()
    };
    let Submission::Stored(second) = store
        .interest_submit(a.cook, &interest("Sist Inskickad"), "sv", "192.0.2.2")
        .await
        .unwrap()
    else {
        panic!()
    };
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
            &[t.region],
            None,
        )
        .await,
    )
    .await;
    let sup = actor(
        &store,
        user(&store, "sup@example.se", Role::Supervisor, &[], None).await,
    )
    .await;
    let es = actor(
        &store,
        user(&store, "af@example.se", Role::EsOfficer, &[], None).await,
    )
    .await;

    // Newest first.
    let page = store
        .interest_list(&k, &InterestFilter::default())
        .await
        .unwrap();
    assert_eq!(
        page.items.iter().map(|i| i.id).collect::<Vec<_>>(),
        vec![second, first]
    );
    // A programme manager may look, not act; other roles have no inbox at all.
    assert_eq!(
        store
            .interest_list(&pm, &InterestFilter::default())
            .await
            .unwrap()
            .total,
        2
    );
    let handled = InterestUpdateDraft {
        status: "handled".into(),
        participant_id: String::new(),
    }
    .validate()
    .unwrap();
    assert!(matches!(
        store.interest_update(&pm, first, &handled).await,
        Err(StoreError::Forbidden)
    ));
    for who in [&sup, &es] {
        assert!(matches!(
            store.interest_list(who, &InterestFilter::default()).await,
            Err(StoreError::Forbidden)
        ));
        assert!(matches!(
            store.interest_get(who, first).await,
            Err(StoreError::Forbidden)
        ));
    }
    assert!(matches!(
        store.interest_get(&k, 9999).await,
        Err(StoreError::NotFound)
    ));

    store.interest_update(&k, first, &handled).await.unwrap();
    let got = store.interest_get(&k, first).await.unwrap();
    assert_eq!(got.status, InterestStatus::Handled);
    assert_eq!(got.handled_by, k.user_id());
    assert!(got.handled_at.is_some());
    let only_new = InterestFilter {
        status: Some(InterestStatus::New),
        ..Default::default()
    };
    assert_eq!(
        ids(
            &store.interest_list(&k, &only_new).await.unwrap().items,
            |i| i.id
        ),
        set(&[second])
    );

    // Registered as a participant the coordinator can see; not as one out of their scope.
    let mine = add(&store, &sys(), &draft(t.programme, "Sist", "Inskickad")).await;
    let registered = |pid: i32| {
        InterestUpdateDraft {
            status: "registered".into(),
            participant_id: pid.to_string(),
        }
        .validate()
        .unwrap()
    };
    assert_invalid(
        store.interest_update(&k2, second, &registered(mine)).await,
        "participant_id",
    );
    assert_invalid(
        store.interest_update(&k, second, &registered(9999)).await,
        "participant_id",
    );
    store
        .interest_update(&k, second, &registered(mine))
        .await
        .unwrap();
    let got = store.interest_get(&k, second).await.unwrap();
    assert_eq!(got.status, InterestStatus::Registered);
    assert_eq!(got.participant_id, Some(mine));

    // Reading an interest (contact details) is audited.
    let log = store
        .audit_list(
            &sys(),
            &AuditFilter {
                resource: Some("interest".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(
        log.items.iter().any(|e| e.action == "read"
            && e.actor_id == k.user_id()
            && e.record_id == Some(second))
    );
    assert!(
        log.items.iter().any(|e| e.action == "update"
            && e.actor_id == k.user_id()
            && e.record_id == Some(second))
    );
}

async fn registering_a_participant_from_an_interest_marks_it_in_the_same_transaction(store: Store) {
    let t = tree(&store).await;
    let a = ads(&store).await;
    let submit = async |name: &str, client: &str| match store
        .interest_submit(a.cook, &interest(name), "sv", client)
        .await
        .unwrap()
    {
        Submission::Stored(id) => id,
        other => panic!("{other:?}"),
    };
    let open = submit("Öppen Anmälan", "192.0.2.1").await;
    let dismissed = submit("Avfärdad Anmälan", "192.0.2.2").await;
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
    let dismiss = InterestUpdateDraft {
        status: "dismissed".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    store
        .interest_update(&k, dismissed, &dismiss)
        .await
        .unwrap();

    // From the open interest: the participant exists and the interest says which one.
    let p = store
        .participant_create_from(
            &k,
            &valid(&draft(t.programme, "Öppen", "Anmälan")),
            Some(open),
        )
        .await
        .unwrap();
    let i = store.interest_get(&k, open).await.unwrap();
    assert_eq!(i.status, InterestStatus::Registered);
    assert_eq!(i.participant_id, Some(p));

    // A dismissed interest stays dismissed; the participant is registered all the same.
    let q = store
        .participant_create_from(
            &k,
            &valid(&draft(t.programme, "Avfärdad", "Anmälan")),
            Some(dismissed),
        )
        .await
        .unwrap();
    let i = store.interest_get(&k, dismissed).await.unwrap();
    assert_eq!(i.status, InterestStatus::Dismissed);
    assert_eq!(i.participant_id, None);
    assert!(store.participant_get(&k, q).await.is_ok());

    // A role that may not handle the inbox cannot mark one through registration either, and
    // then nothing is saved.
    let before = store
        .participant_list(&sys(), &ParticipantFilter::default())
        .await
        .unwrap()
        .total;
    let third = submit("Tredje Anmälan", "192.0.2.3").await;
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
    assert!(
        store
            .participant_create_from(
                &pm,
                &valid(&draft(t.programme, "Ingen", "Alls")),
                Some(third)
            )
            .await
            .is_err()
    );
    let after = store
        .participant_list(&sys(), &ParticipantFilter::default())
        .await
        .unwrap()
        .total;
    assert_eq!(after, before);
}
