//! Store cases: journey — process maps, stage moves and their checkpoints, the board.

use super::*;
use brygga_store::process::{Journey, ProcessEdit};

both!(
    store:
    a_programme_gets_the_default_map_on_first_use,
    moves_forward_need_their_checkpoints_and_back_needs_a_note,
    the_internship_cannot_start_without_confirmation_and_decision,
    manual_checkpoints_are_confirmed_by_a_coordinator,
    an_admin_edits_the_map_and_nonsense_is_refused,
    journeys_and_the_board_follow_the_access_rules,
    the_board_shows_a_capped_column_with_the_full_count,
);

fn profiled(programme: i32, first: &str) -> ParticipantDraft {
    ParticipantDraft {
        swedish_level: "B1".into(),
        languages: vec![LanguageSkill {
            language: "arabiska".into(),
            level: "C2".into(),
        }],
        education_level: "upper_secondary".into(),
        ..draft(programme, first, "Profilsson")
    }
}

fn stage_id(j: &Journey, key: &str) -> i32 {
    j.map.stages.iter().find(|s| s.key == key).unwrap().id
}

fn current_key(j: &Journey) -> &str {
    &j.current_stage().unwrap().key
}

#[track_caller]
fn assert_blocked<T: std::fmt::Debug>(r: Result<T, StoreError>, keys: &[&str]) {
    match r {
        Err(StoreError::Invalid(e)) => {
            let got: Vec<&str> =
                e.0.iter()
                    .filter(|f| f.field == "stage")
                    .map(|f| f.key)
                    .collect();
            assert_eq!(got, keys);
        }
        other => panic!("expected blockers {keys:?}, got {other:?}"),
    }
}

async fn coordinator(store: &Store, email: &str, org: i32) -> Actor {
    let id = user(store, email, Role::Coordinator, &[org], None).await;
    actor(store, id).await
}

async fn a_programme_gets_the_default_map_on_first_use(store: Store) {
    let t = tree(&store).await;
    let map = store.process_map(&sys(), t.programme).await.unwrap();
    let keys: Vec<&str> = map.stages.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys.first(), Some(&"registered"));
    assert_eq!(keys.last(), Some(&"followed_up_6"));
    assert_eq!(map.stages.len(), 12);
    let cleared = map.stages.iter().find(|s| s.key == "cleared").unwrap();
    let kinds: Vec<&str> = cleared
        .checkpoints
        .iter()
        .map(|c| c.kind.as_str())
        .collect();
    assert_eq!(kinds, ["eligibility_confirmed", "es_decision"]);
    assert_eq!(cleared.name_sv, "Klar hos Arbetsförmedlingen");
    // The second read finds the same map rather than making another.
    assert_eq!(store.process_map(&sys(), t.programme).await.unwrap(), map);
    let created = store
        .audit_list(
            &sys(),
            &AuditFilter {
                resource: Some("process_map".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(created.total, 1, "made once, audited");
    // A cohort or an unknown id has no map.
    assert!(matches!(
        store.process_map(&sys(), t.cohort).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.process_map(&sys(), 99_999).await,
        Err(StoreError::NotFound)
    ));
}

async fn moves_forward_need_their_checkpoints_and_back_needs_a_note(store: Store) {
    let t = tree(&store).await;
    let coord = coordinator(&store, "k@example.se", t.programme).await;
    let bare = add(&store, &coord, &draft(t.programme, "Ada", "Ahmadi")).await;
    let j = store.journey(&coord, bare).await.unwrap();
    assert_eq!(current_key(&j), "registered", "no events: the first stage");
    assert!(j.events.is_empty());
    assert_blocked(
        store
            .journey_move(&coord, bare, stage_id(&j, "profiled"), "")
            .await,
        &["journey-blocked-profile_recorded"],
    );

    let p = add(&store, &coord, &profiled(t.programme, "Bashir")).await;
    let j = store.journey(&coord, p).await.unwrap();
    store
        .journey_move(&coord, p, stage_id(&j, "preparing"), "Första mötet klart")
        .await
        .unwrap();
    let j = store.journey(&coord, p).await.unwrap();
    assert_eq!(current_key(&j), "preparing");
    // Matching needs consent to share with employers.
    assert_blocked(
        store
            .journey_move(&coord, p, stage_id(&j, "matching"), "")
            .await,
        &["journey-blocked-consent_share"],
    );
    // To the stage one is at: refused as a conflict (the page was stale, or the form was
    // sent twice), not as invalid input.
    assert!(matches!(
        store
            .journey_move(&coord, p, stage_id(&j, "preparing"), "")
            .await,
        Err(StoreError::Conflict)
    ));
    // A step back needs the reason, and is a new event.
    assert_invalid(
        store
            .journey_move(&coord, p, stage_id(&j, "registered"), " ")
            .await,
        "note",
    );
    store
        .journey_move(
            &coord,
            p,
            stage_id(&j, "registered"),
            "Fel deltagare flyttad",
        )
        .await
        .unwrap();
    let j = store.journey(&coord, p).await.unwrap();
    assert_eq!(current_key(&j), "registered");
    assert_eq!(j.events.len(), 2, "nothing deleted");
    assert_eq!(j.events[0].note, "Fel deltagare flyttad");
    assert_eq!(j.events[0].actor, "k@example.se");
    assert_eq!(j.events[1].stage_id, Some(stage_id(&j, "preparing")));
    // A stage of another programme's map is not a choice.
    let other = store.process_map(&sys(), t.programme2).await.unwrap();
    assert_invalid(
        store.journey_move(&coord, p, other.stages[1].id, "").await,
        "stage",
    );
    // The staircase: done, now, next.
    let steps = j.steps();
    assert!(steps[0].is_now());
    assert!(steps[1..].iter().all(|s| !s.is_done() && !s.is_now()));
}

async fn the_internship_cannot_start_without_confirmation_and_decision(store: Store) {
    let t = tree(&store).await;
    let s = sys();
    let coord = coordinator(&store, "k@example.se", t.programme).await;
    let mut d = profiled(t.programme, "Cyrus");
    d.consents = vec!["share_with_employers".into()];
    let p = add(&store, &coord, &d).await;
    let e = store
        .employer_create(
            &s,
            &valid_employer(&employer_draft("Köket AB", &orgnr(1), "private")),
        )
        .await
        .unwrap();
    let placement = store
        .placement_create(
            &s,
            &valid_placement(&placement_draft(e, "Kock", PlacementStatus::Published)),
        )
        .await
        .unwrap();
    let now = chrono::Utc::now();
    let proposal = insert_row(
        &store,
        "candidate_proposals",
        &[
            ("participant_id", p.into()),
            ("placement_id", placement.into()),
            ("created_at", now.into()),
            ("status", "interviewing".into()),
            ("note", "".into()),
            ("version", 1.into()),
        ],
    )
    .await;
    insert_row(
        &store,
        "interviews",
        &[
            ("proposal_id", proposal.into()),
            ("participant_id", p.into()),
            ("placement_id", placement.into()),
            ("starts_at", now.into()),
            ("ends_at", (now + chrono::Duration::hours(1)).into()),
            ("location", "Storgatan 1".into()),
            ("meeting_link", "".into()),
            ("attendees", "[]".into()),
            ("notes", "".into()),
            ("outcome", "passed".into()),
            ("outcome_note", "".into()),
            ("outcome_at", now.into()),
            ("created_at", now.into()),
            ("updated_at", now.into()),
            ("version", 1.into()),
        ],
    )
    .await;

    let j = store.journey(&coord, p).await.unwrap();
    let internship = stage_id(&j, "in_internship");
    // Everything up to "selected" holds; the clearance and the agreement do not.
    assert_blocked(
        store.journey_move(&coord, p, internship, "").await,
        &[
            "journey-blocked-eligibility_confirmed",
            "journey-blocked-es_decision",
            "journey-blocked-agreement_signed",
            "journey-blocked-internship_started",
        ],
    );
    insert_row(
        &store,
        "es_confirmations",
        &[
            ("participant_id", p.into()),
            ("officer_name", "Handläggare Hanna".into()),
            ("confirmed_on", today().into()),
            ("note", "".into()),
            ("recorded_at", now.into()),
        ],
    )
    .await;
    let decision = |withdrawn: Option<chrono::DateTime<chrono::Utc>>| {
        let store = store.clone();
        async move {
            insert_row(
                &store,
                "es_decisions",
                &[
                    ("participant_id", p.into()),
                    ("reference", "AF-2025-1".into()),
                    ("decision_date", today().into()),
                    ("period_start", today().into()),
                    ("period_end", (today() + chrono::Duration::days(90)).into()),
                    ("insured", true.into()),
                    ("compensation", "aktivitetsstod".into()),
                    ("note", "".into()),
                    ("recorded_at", now.into()),
                    ("withdrawn_at", withdrawn.into()),
                ],
            )
            .await
        }
    };
    // A withdrawn decision does not count.
    decision(Some(now)).await;
    assert_blocked(
        store.journey_move(&coord, p, internship, "").await,
        &[
            "journey-blocked-es_decision",
            "journey-blocked-agreement_signed",
            "journey-blocked-internship_started",
        ],
    );
    decision(None).await;
    // Cleared is now reachable, the internship still needs the signed agreement.
    assert_blocked(
        store.journey_move(&coord, p, internship, "").await,
        &[
            "journey-blocked-agreement_signed",
            "journey-blocked-internship_started",
        ],
    );
    insert_row(
        &store,
        "agreements",
        &[
            ("kind", "internship".into()),
            ("employer_id", e.into()),
            ("participant_id", p.into()),
            ("placement_id", placement.into()),
            ("status", "signed".into()),
            ("signed_on", today().into()),
            ("created_at", now.into()),
            ("updated_at", now.into()),
            ("version", 1.into()),
        ],
    )
    .await;
    // The agreement is signed but the internship has not started: still refused.
    assert_blocked(
        store.journey_move(&coord, p, internship, "").await,
        &["journey-blocked-internship_started"],
    );
    insert_row(
        &store,
        "internships",
        &[
            ("participant_id", p.into()),
            ("placement_id", placement.into()),
            ("start_date", today().into()),
            ("end_date", (today() + chrono::Duration::days(60)).into()),
            ("days_per_week", 3.into()),
            ("created_at", now.into()),
            ("updated_at", now.into()),
            ("version", 1.into()),
        ],
    )
    .await;
    store
        .journey_move(&coord, p, internship, "Start måndag")
        .await
        .unwrap();
    let j = store.journey(&coord, p).await.unwrap();
    assert_eq!(current_key(&j), "in_internship");
    assert!(j.steps().iter().filter(|s| s.is_done()).count() == 8);
    assert!(
        j.steps()
            .iter()
            .filter(|s| s.is_done())
            .all(|s| s.checkpoints.iter().all(|(_, holds)| *holds))
    );
}

async fn manual_checkpoints_are_confirmed_by_a_coordinator(store: Store) {
    let t = tree(&store).await;
    let coord = coordinator(&store, "k@example.se", t.programme).await;
    let p = add(&store, &coord, &profiled(t.programme, "Dana")).await;
    let j = store.journey(&coord, p).await.unwrap();
    let preparing = stage_id(&j, "preparing");
    store
        .process_edit(
            &sys(),
            t.programme,
            &ProcessEdit::AddCheckpoint {
                stage_id: preparing,
                kind: "manual".into(),
                label_sv: "CV granskat".into(),
                label_en: "CV reviewed".into(),
            },
        )
        .await
        .unwrap();
    let j = store.journey(&coord, p).await.unwrap();
    let (_, cv) = j.open_manual()[0];
    let cv = cv.id;
    assert_blocked(
        store.journey_move(&coord, p, preparing, "").await,
        &["journey-blocked-manual"],
    );
    // Only manual checkpoints are ticked by hand.
    let automatic = j.map.stages[1].checkpoints[0].id;
    assert_invalid(
        store.checkpoint_confirm(&coord, p, automatic, "").await,
        "checkpoint_id",
    );
    store
        .checkpoint_confirm(&coord, p, cv, "CV:t är bra")
        .await
        .unwrap();
    // Confirmed already (a second tab): a conflict with what was read, not invalid input.
    assert!(matches!(
        store.checkpoint_confirm(&coord, p, cv, "").await,
        Err(StoreError::Conflict)
    ));
    store.journey_move(&coord, p, preparing, "").await.unwrap();
    let j = store.journey(&coord, p).await.unwrap();
    assert_eq!(current_key(&j), "preparing");
    assert!(j.open_manual().is_empty());
    assert_eq!(j.events.len(), 2);
    assert_eq!(j.events[1].checkpoint_id, Some(cv));
    assert_eq!(j.events[1].note, "CV:t är bra");
}

async fn an_admin_edits_the_map_and_nonsense_is_refused(store: Store) {
    let t = tree(&store).await;
    let admin = sys();
    let coord = coordinator(&store, "k@example.se", t.programme).await;
    let map = store.process_map(&admin, t.programme).await.unwrap();
    let (first, second) = (map.stages[0].id, map.stages[1].id);
    let edit = |e: ProcessEdit| {
        let store = store.clone();
        let admin = admin.clone();
        async move { store.process_edit(&admin, t.programme, &e).await }
    };
    edit(ProcessEdit::RenameStage {
        stage_id: first,
        name_sv: "Anmäld".into(),
        name_en: "Signed up".into(),
    })
    .await
    .unwrap();
    edit(ProcessEdit::MoveStage {
        stage_id: second,
        up: true,
    })
    .await
    .unwrap();
    edit(ProcessEdit::AddStage {
        after: second,
        name_sv: "Studiebesök".into(),
        name_en: "Study visit".into(),
    })
    .await
    .unwrap();
    let map = store.process_map(&admin, t.programme).await.unwrap();
    let names: Vec<&str> = map.stages[..3].iter().map(|s| s.name_sv.as_str()).collect();
    assert_eq!(names, ["Profilerad", "Studiebesök", "Anmäld"]);
    assert_eq!(map.stages[1].key, "custom");
    assert_eq!(map.stages[2].name_en, "Signed up");

    // Nonsense, each with its field.
    assert_invalid(
        edit(ProcessEdit::MoveStage {
            stage_id: second,
            up: true,
        })
        .await,
        "stage_id",
    );
    let last = map.stages.last().unwrap().id;
    assert_invalid(
        edit(ProcessEdit::MoveStage {
            stage_id: last,
            up: false,
        })
        .await,
        "stage_id",
    );
    assert_invalid(
        edit(ProcessEdit::RenameStage {
            stage_id: first,
            name_sv: " ".into(),
            name_en: "x".into(),
        })
        .await,
        "name_sv",
    );
    let elsewhere = store.process_map(&admin, t.programme2).await.unwrap();
    assert_invalid(
        edit(ProcessEdit::RenameStage {
            stage_id: elsewhere.stages[0].id,
            name_sv: "x".into(),
            name_en: "x".into(),
        })
        .await,
        "stage_id",
    );
    assert_invalid(
        edit(ProcessEdit::AddCheckpoint {
            stage_id: first,
            kind: "telepathy".into(),
            label_sv: "x".into(),
            label_en: "x".into(),
        })
        .await,
        "kind",
    );
    assert_invalid(
        edit(ProcessEdit::AddCheckpoint {
            stage_id: first,
            kind: "manual".into(),
            label_sv: String::new(),
            label_en: String::new(),
        })
        .await,
        "label_sv",
    );
    let cleared = map.stages.iter().find(|s| s.key == "cleared").unwrap();
    assert_invalid(
        edit(ProcessEdit::AddCheckpoint {
            stage_id: cleared.id,
            kind: "es_decision".into(),
            label_sv: String::new(),
            label_en: String::new(),
        })
        .await,
        "kind",
    );

    // Checkpoints: add (automatic: default labels), reorder, rename, remove.
    edit(ProcessEdit::AddCheckpoint {
        stage_id: cleared.id,
        kind: "proposed".into(),
        label_sv: String::new(),
        label_en: String::new(),
    })
    .await
    .unwrap();
    let map = store.process_map(&admin, t.programme).await.unwrap();
    let cleared = map.stages.iter().find(|s| s.key == "cleared").unwrap();
    assert_eq!(
        cleared.checkpoints[2].label_sv,
        "Föreslagen till en praktikplats"
    );
    let added = cleared.checkpoints[2].id;
    edit(ProcessEdit::MoveCheckpoint {
        checkpoint_id: added,
        up: true,
    })
    .await
    .unwrap();
    assert_invalid(
        edit(ProcessEdit::MoveCheckpoint {
            checkpoint_id: cleared.checkpoints[0].id,
            up: true,
        })
        .await,
        "checkpoint_id",
    );
    edit(ProcessEdit::RenameCheckpoint {
        checkpoint_id: added,
        label_sv: "Föreslagen".into(),
        label_en: "Proposed".into(),
    })
    .await
    .unwrap();
    let map = store.process_map(&admin, t.programme).await.unwrap();
    let cleared = map.stages.iter().find(|s| s.key == "cleared").unwrap();
    let labels: Vec<&str> = cleared
        .checkpoints
        .iter()
        .map(|c| c.label_sv.as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "Behörighet bekräftad av Arbetsförmedlingen",
            "Föreslagen",
            "Beslut från Arbetsförmedlingen"
        ]
    );
    edit(ProcessEdit::RemoveCheckpoint {
        checkpoint_id: added,
    })
    .await
    .unwrap();
    assert_invalid(
        edit(ProcessEdit::RemoveCheckpoint {
            checkpoint_id: added,
        })
        .await,
        "checkpoint_id",
    );
    let map = store.process_map(&admin, t.programme).await.unwrap();
    let cleared = map.stages.iter().find(|s| s.key == "cleared").unwrap();
    assert_eq!(cleared.checkpoints.len(), 2);

    // Only admins change a map; everyone may read one.
    assert!(matches!(
        store
            .process_edit(
                &coord,
                t.programme,
                &ProcessEdit::RenameStage {
                    stage_id: first,
                    name_sv: "x".into(),
                    name_en: "x".into(),
                },
            )
            .await,
        Err(StoreError::Forbidden)
    ));
    assert_eq!(store.process_map(&coord, t.programme).await.unwrap(), map);
}

async fn journeys_and_the_board_follow_the_access_rules(store: Store) {
    let t = tree(&store).await;
    let s = sys();
    let coord = coordinator(&store, "k@example.se", t.programme).await;
    let cohort_coord = coordinator(&store, "kc@example.se", t.cohort).await;
    let other = coordinator(&store, "k2@example.se", t.programme2).await;
    let pm = user(
        &store,
        "pm@example.se",
        Role::ProgrammeManager,
        &[t.programme],
        None,
    )
    .await;
    let pm = actor(&store, pm).await;
    let sup = user(
        &store,
        "h@example.se",
        Role::Supervisor,
        &[t.programme],
        None,
    )
    .await;
    let sup = actor(&store, sup).await;
    let e = store
        .employer_create(
            &s,
            &valid_employer(&employer_draft("Köket AB", &orgnr(2), "private")),
        )
        .await
        .unwrap();
    let contact = user(&store, "ek@example.se", Role::EmployerContact, &[], Some(e)).await;
    let contact = actor(&store, contact).await;

    let bare = add(&store, &coord, &draft(t.programme, "Ebba", "Bergström")).await;
    let ready = add(&store, &coord, &profiled(t.programme, "Farid")).await;
    let mut in_cohort = profiled(t.programme, "Gul");
    in_cohort.cohort_id = t.cohort.to_string();
    let in_cohort = add(&store, &coord, &in_cohort).await;
    let j = store.journey(&coord, ready).await.unwrap();
    store
        .journey_move(&coord, ready, stage_id(&j, "profiled"), "")
        .await
        .unwrap();

    let board = store.board(&coord, t.programme).await.unwrap();
    assert_eq!(board.columns.len(), 12);
    let first = &board.columns[0];
    assert_eq!(first.total, 2);
    let ids: Vec<i32> = first.cards.iter().map(|c| c.participant_id).collect();
    assert_eq!(ids, [bare, in_cohort], "sorted by last name");
    let bare_card = &first.cards[0];
    let keys: Vec<&str> = bare_card.blockers.iter().map(|b| b.key()).collect();
    assert_eq!(keys, ["journey-blocked-profile_recorded"]);
    assert!(first.cards[1].blockers.is_empty(), "profile recorded");
    let profiled_col = &board.columns[1];
    assert_eq!(profiled_col.total, 1);
    assert_eq!(profiled_col.cards[0].participant_id, ready);
    assert!(
        profiled_col.cards[0].blockers.is_empty(),
        "preparing has no checkpoints"
    );

    // A cohort's coordinator sees only the cohort on its programme's board.
    assert_eq!(
        store
            .board_programmes(&cohort_coord)
            .await
            .unwrap()
            .iter()
            .map(|o| o.id)
            .collect::<Vec<_>>(),
        [t.programme]
    );
    let cb = store.board(&cohort_coord, t.programme).await.unwrap();
    let seen: Vec<i32> = cb
        .columns
        .iter()
        .flat_map(|c| c.cards.iter().map(|c| c.participant_id))
        .collect();
    assert_eq!(seen, [in_cohort]);

    // Another programme's coordinator: no board, no journey, no move (404).
    assert!(matches!(
        store.board(&other, t.programme).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.journey(&other, ready).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .journey_move(&other, ready, j.map.stages[0].id, "x")
            .await,
        Err(StoreError::NotFound)
    ));
    // The programme manager reads but does not move (403).
    assert_eq!(
        current_key(&store.journey(&pm, ready).await.unwrap()),
        "profiled"
    );
    assert!(store.board(&pm, t.programme).await.is_ok());
    assert!(matches!(
        store
            .journey_move(&pm, ready, j.map.stages[0].id, "x")
            .await,
        Err(StoreError::Forbidden)
    ));
    // Supervisors and employer contacts: no board; unrelated participants stay hidden, and
    // changing a journey is no business of theirs (403).
    assert!(matches!(
        store.board(&sup, t.programme).await,
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        store.board(&contact, t.programme).await,
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        store.journey(&sup, ready).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.journey(&contact, ready).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .checkpoint_confirm(&contact, ready, j.map.stages[1].checkpoints[0].id, "")
            .await,
        Err(StoreError::Forbidden)
    ));
}

async fn the_board_shows_a_capped_column_with_the_full_count(store: Store) {
    use brygga_store::process::BOARD_CAP;
    let t = tree(&store).await;
    let coord = coordinator(&store, "k@example.se", t.programme).await;
    let n = BOARD_CAP + 3;
    for i in 0..n {
        add(
            &store,
            &coord,
            &draft(t.programme, "Deltagare", &format!("Nr{i:03}")),
        )
        .await;
    }
    let board = store.board(&coord, t.programme).await.unwrap();
    let first = &board.columns[0];
    assert_eq!(first.total, n);
    assert_eq!(first.cards.len(), BOARD_CAP);
    assert_eq!(first.cards[0].last_name, "Nr000");
    assert!(board.columns[1..].iter().all(|c| c.total == 0));
}
