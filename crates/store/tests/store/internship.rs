//! Store cases: the internship — made when its agreement is signed or by a coordinator, ended
//! with a reason, the places it takes, the stages it moves, and who may see it.

use super::*;
use brygga_domain::internship::{EndInput, EndReason, InternshipInput, InternshipStatus};
use brygga_store::files::{FileStore, Upload};

both!(
    store:
    signing_the_internship_agreement_starts_the_internship_and_moves_the_stage,
    a_coordinator_starts_an_internship_and_bad_input_is_refused,
    an_internship_ends_with_a_reason_and_gives_its_place_back,
    an_intern_cannot_be_followed_up_before_her_start_and_the_start_moves_her,
    everyone_the_internship_concerns_reads_it_and_no_one_else,
);

pub(crate) struct World {
    pub(crate) t: Tree,
    pub(crate) e1: i32,
    pub(crate) e2: i32,
    pub(crate) placement: i32,
    pub(crate) supervisor: i32,
    pub(crate) other_supervisor: i32,
    pub(crate) participant: i32,
    pub(crate) coordinator: Actor,
}

/// A programme with a coordinator, two employers with a supervisor each, a published placement
/// (5 days a week, 2 places) at the first, and a participant who shares with employers,
/// proposed for it.
pub(crate) async fn world(store: &Store) -> World {
    let t = tree(store).await;
    let s = sys();
    let with_supervisor = |name: &str, org: u32, sup: &str| {
        let mut d = employer_draft(name, &orgnr(org), "private");
        d.supervisors = vec![SupervisorDraft {
            id: Default::default(),
            name: sup.into(),
            training_status: "trained".into(),
            ..Default::default()
        }];
        d
    };
    let e1 = store
        .employer_create(
            &s,
            &valid_employer(&with_supervisor(
                "Vårdhemmet Solgläntan AB",
                41,
                "Per Persson",
            )),
        )
        .await
        .unwrap();
    let e2 = store
        .employer_create(
            &s,
            &valid_employer(&with_supervisor("Bygg & Co AB", 42, "Bo Byggare")),
        )
        .await
        .unwrap();
    let pd = placement_draft(e1, "Undersköterska", PlacementStatus::Published);
    let placement = store
        .placement_create(&s, &valid_placement(&pd))
        .await
        .unwrap();
    let supervisor = store.supervisors_of(&s, e1).await.unwrap()[0].id;
    let other_supervisor = store.supervisors_of(&s, e2).await.unwrap()[0].id;
    let participant = add(store, &s, &sharing(draft(t.programme, "Amina", "Yusuf"))).await;
    store
        .propose_candidate(&s, participant, placement)
        .await
        .unwrap();
    let coordinator = user(
        store,
        "koordinator@jobbsteget.example",
        Role::Coordinator,
        &[t.programme],
        None,
    )
    .await;
    let coordinator = actor(store, coordinator).await;
    World {
        t,
        e1,
        e2,
        placement,
        supervisor,
        other_supervisor,
        participant,
        coordinator,
    }
}

/// Everyone an internship concerns, and others with the same roles that it does not: the
/// supervisor named on it and another employer's, the employer contacts of both, the officer the
/// case is shared with and another, the intern herself and another participant, the programme's
/// manager, another programme's coordinator, an evaluator and a teacher.
pub(crate) struct People {
    pub(crate) supervisor: Actor,
    pub(crate) other_supervisor: Actor,
    pub(crate) contact: Actor,
    pub(crate) other_contact: Actor,
    pub(crate) officer: Actor,
    pub(crate) other_officer: Actor,
    pub(crate) me: Actor,
    pub(crate) someone: Actor,
    pub(crate) manager: Actor,
    pub(crate) other_coordinator: Actor,
    pub(crate) evaluator: Actor,
    pub(crate) teacher: Actor,
}

pub(crate) async fn people(store: &Store, w: &World) -> People {
    let s = sys();
    let c = &w.coordinator;
    let mk = async |email: &str, role: Role, orgs: &[i32], employer: Option<i32>| {
        let id = user(store, email, role, orgs, employer).await;
        (id, actor(store, id).await)
    };
    let (sup_user, _) = mk("per@solglantan.example", Role::Supervisor, &[], Some(w.e1)).await;
    store
        .supervisor_link_user(&s, w.supervisor, sup_user)
        .await
        .unwrap();
    let supervisor = actor(store, sup_user).await;
    let (other_sup_user, _) = mk("bo@bygg.example", Role::Supervisor, &[], Some(w.e2)).await;
    store
        .supervisor_link_user(&s, w.other_supervisor, other_sup_user)
        .await
        .unwrap();
    let other_supervisor = actor(store, other_sup_user).await;
    let (_, contact) = mk(
        "chef@solglantan.example",
        Role::EmployerContact,
        &[],
        Some(w.e1),
    )
    .await;
    let (_, other_contact) = mk("chef@bygg.example", Role::EmployerContact, &[], Some(w.e2)).await;
    let (officer_user, officer) = mk("af@example.se", Role::EsOfficer, &[], None).await;
    let (_, other_officer) = mk("af2@example.se", Role::EsOfficer, &[], None).await;
    store
        .case_share(c, w.participant, officer_user)
        .await
        .unwrap();
    let (me_user, _) = mk("amina@example.se", Role::Participant, &[], None).await;
    store
        .participant_link_user(&s, w.participant, me_user)
        .await
        .unwrap();
    let me = actor(store, me_user).await;
    let someone = add(store, &s, &draft(w.t.programme, "Sara", "Annan")).await;
    let (someone_user, _) = mk("sara@example.se", Role::Participant, &[], None).await;
    store
        .participant_link_user(&s, someone, someone_user)
        .await
        .unwrap();
    let someone = actor(store, someone_user).await;
    let (_, manager) = mk(
        "pl@example.se",
        Role::ProgrammeManager,
        &[w.t.programme],
        None,
    )
    .await;
    let (_, other_coordinator) =
        mk("k2@example.se", Role::Coordinator, &[w.t.programme2], None).await;
    let (_, evaluator) = mk("eval@example.se", Role::Evaluator, &[], None).await;
    let (_, teacher) = mk("sfi@example.se", Role::EducationProvider, &[], None).await;
    People {
        supervisor,
        other_supervisor,
        contact,
        other_contact,
        officer,
        other_officer,
        me,
        someone,
        manager,
        other_coordinator,
        evaluator,
        teacher,
    }
}

pub(crate) fn input(w: &World, start: NaiveDate, end: NaiveDate, days: i32) -> InternshipInput {
    InternshipInput {
        placement_id: w.placement,
        supervisor_id: Some(w.supervisor),
        start_date: start,
        end_date: end,
        days_per_week: days,
        hours_per_week: Some(24),
    }
}

/// The real today in Stockholm (the facts are worked out against it).
pub(crate) fn now_date() -> NaiveDate {
    brygga_domain::calendar::today()
}

pub(crate) fn days(n: i64) -> chrono::Duration {
    chrono::Duration::days(n)
}

/// Put the participant at stage `key` of her programme's map, as if moved there.
async fn place_at(store: &Store, w: &World, key: &str) {
    let map = store.process_map(&sys(), w.t.programme).await.unwrap();
    let stage = map.stages.iter().find(|s| s.key == key).unwrap().id;
    insert_row(
        store,
        "participant_events",
        &[
            ("participant_id", w.participant.into()),
            ("kind", "stage".into()),
            ("stage_id", stage.into()),
            ("note", "".into()),
            ("actor", "test".into()),
            ("at", chrono::Utc::now().into()),
        ],
    )
    .await;
}

async fn stage_of(store: &Store, w: &World) -> String {
    let j = store.journey(&sys(), w.participant).await.unwrap();
    j.current_stage().unwrap().key.clone()
}

#[track_caller]
fn assert_field<T: std::fmt::Debug>(r: Result<T, StoreError>, field: &str, key: &str) {
    match r {
        Err(StoreError::Invalid(e)) => assert!(
            e.0.iter().any(|f| f.field == field && f.key == key),
            "expected {field}: {key}, got {e:?}"
        ),
        other => panic!("expected {field}: {key}, got {other:?}"),
    }
}

fn pdf() -> Upload {
    let mut v = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    v.resize(2000, b' ');
    Upload {
        filename: "avtal.pdf".into(),
        bytes: v.into(),
    }
}

async fn signing_the_internship_agreement_starts_the_internship_and_moves_the_stage(store: Store) {
    let w = world(&store).await;
    let c = &w.coordinator;
    let dir = tempfile::tempdir().unwrap();
    let files = FileStore::local(dir.path().join("files"));
    // Everything up to the agreement holds: she waits at "cleared".
    place_at(&store, &w, "cleared").await;
    let a = store
        .agreement_create_internship(c, w.participant, Some(w.placement), Some(w.supervisor))
        .await
        .unwrap();
    // The agreement names the employment service as a party and carries the schedule.
    insert_row(
        &store,
        "es_confirmations",
        &[
            ("participant_id", w.participant.into()),
            ("officer_name", "Handläggare Hanna".into()),
            ("confirmed_on", now_date().into()),
            ("note", "".into()),
            ("recorded_at", chrono::Utc::now().into()),
        ],
    )
    .await;
    let brygga_domain::agreement::AgreementDocument::Internship(doc) =
        store.agreement_document(c, a).await.unwrap()
    else {
        panic!("an internship agreement's document");
    };
    assert_eq!(doc.es_officer, "Handläggare Hanna");
    assert_eq!((doc.days_per_week, doc.hours_per_week), (5, 40));
    let schedule = store.agreement_get(c, a).await.unwrap().schedule.unwrap();
    assert_eq!((schedule.days_per_week, schedule.hours_per_week), (5, 40));
    store
        .agreement_attach_generated(&files, c, a, 1, &pdf())
        .await
        .unwrap();
    assert!(
        store
            .internships_for_participant(c, w.participant)
            .await
            .unwrap()
            .is_empty(),
        "no internship before the signature"
    );
    let signed_on = now_date();
    store
        .agreement_sign(&files, c, a, 2, &pdf(), signed_on)
        .await
        .unwrap();
    let list = store
        .internships_for_participant(c, w.participant)
        .await
        .unwrap();
    assert_eq!(list.len(), 1);
    let i = &list[0];
    assert_eq!(i.agreement_id, Some(a));
    assert_eq!(i.placement_id, w.placement);
    assert_eq!(i.supervisor_id, Some(w.supervisor));
    assert_eq!(i.supervisor_name.as_deref(), Some("Per Persson"));
    // The placement's period has passed: the internship starts on the signing day.
    assert_eq!(i.start_date, signed_on);
    assert_eq!((i.days_per_week, i.hours_per_week), (5, Some(40)));
    assert_eq!(i.status, InternshipStatus::Ongoing);
    // The signature and the start are facts: agreement signed, then in internship, no further.
    assert_eq!(stage_of(&store, &w).await, "in_internship");
    let j = store.journey(&sys(), w.participant).await.unwrap();
    let auto = &j.events[0];
    assert!(auto.is_stage());
    assert_eq!(auto.actor, c.name());
    // The internship, the event and the agreement were written in one transaction, audited.
    let audited = query_strings(
        &store,
        "SELECT resource FROM audit_log WHERE action = 'create' AND resource IN \
         ('internship', 'participant_event') ORDER BY id",
    )
    .await;
    assert_eq!(audited, ["internship", "participant_event"]);
}

async fn a_coordinator_starts_an_internship_and_bad_input_is_refused(store: Store) {
    let w = world(&store).await;
    let c = &w.coordinator;
    let start = now_date() + days(14);
    let end = start + days(60);
    // Each mistake refused beside its field.
    assert_field(
        store
            .internship_create(c, w.participant, &input(&w, start, start - days(1), 3))
            .await,
        "end_date",
        "internship-error-end-before-start",
    );
    assert_field(
        store
            .internship_create(c, w.participant, &input(&w, start, end, 6))
            .await,
        "days_per_week",
        "internship-error-days",
    );
    assert_field(
        store
            .internship_create(
                c,
                w.participant,
                &InternshipInput {
                    supervisor_id: Some(w.other_supervisor),
                    ..input(&w, start, end, 3)
                },
            )
            .await,
        "supervisor_id",
        "internship-error-supervisor",
    );
    let elsewhere = store
        .placement_create(
            &sys(),
            &valid_placement(&placement_draft(
                w.e2,
                "Snickare",
                PlacementStatus::Published,
            )),
        )
        .await
        .unwrap();
    assert_field(
        store
            .internship_create(
                c,
                w.participant,
                &InternshipInput {
                    placement_id: elsewhere,
                    supervisor_id: Some(w.other_supervisor),
                    ..input(&w, start, end, 3)
                },
            )
            .await,
        "placement_id",
        "internship-error-placement",
    );
    // Out of scope: another programme's coordinator, an employer contact.
    let other = user(
        &store,
        "annan@vagenin.example",
        Role::Coordinator,
        &[w.t.programme2],
        None,
    )
    .await;
    let other = actor(&store, other).await;
    assert!(matches!(
        store
            .internship_create(&other, w.participant, &input(&w, start, end, 3))
            .await,
        Err(StoreError::NotFound)
    ));
    let contact = user(
        &store,
        "chef@solglantan.example",
        Role::EmployerContact,
        &[],
        Some(w.e1),
    )
    .await;
    let contact = actor(&store, contact).await;
    assert!(matches!(
        store
            .internship_create(&contact, w.participant, &input(&w, start, end, 3))
            .await,
        Err(StoreError::Forbidden)
    ));
    assert!(
        store
            .internships_for_participant(c, w.participant)
            .await
            .unwrap()
            .is_empty(),
        "nothing was written"
    );

    let id = store
        .internship_create(c, w.participant, &input(&w, start, end, 3))
        .await
        .unwrap();
    let i = store.internship(c, id).await.unwrap();
    assert_eq!(
        (i.start_date, i.end_date, i.days_per_week, i.hours_per_week),
        (start, end, 3, Some(24))
    );
    assert_eq!(i.status, InternshipStatus::Planned);
    assert!(i.may_end && i.may_see_participant);
    // One live internship per participant.
    assert_field(
        store
            .internship_create(c, w.participant, &input(&w, start, end, 3))
            .await,
        "form",
        "internship-error-live",
    );
}

async fn an_internship_ends_with_a_reason_and_gives_its_place_back(store: Store) {
    let w = world(&store).await;
    let c = &w.coordinator;
    let start = now_date() - days(30);
    let id = store
        .internship_create(c, w.participant, &input(&w, start, start + days(60), 3))
        .await
        .unwrap();
    let free = async || {
        store
            .matching_placements(c)
            .await
            .unwrap()
            .into_iter()
            .find(|o| o.placement.id == w.placement)
            .map(|o| o.free_places)
    };
    assert_eq!(free().await, Some(1), "one of two places taken");
    let portal = store.portal_placement(w.placement).await.unwrap();
    assert_eq!(portal.places_left, 1);

    let end = |reason, ended_on, note: &str| EndInput {
        reason,
        ended_on,
        note: note.into(),
    };
    assert_field(
        store
            .internship_end(
                c,
                id,
                1,
                &end(EndReason::EndedEarly, start - days(1), "Flyttade"),
            )
            .await,
        "ended_on",
        "internship-error-ended-before-start",
    );
    assert!(matches!(
        store
            .internship_end(c, id, 7, &end(EndReason::Hired, now_date(), ""))
            .await,
        Err(StoreError::Conflict)
    ));
    store
        .internship_end(
            c,
            id,
            1,
            &end(EndReason::EndedEarly, now_date(), "Flyttade till Göteborg"),
        )
        .await
        .unwrap();
    let i = store.internship(c, id).await.unwrap();
    assert_eq!(i.status, InternshipStatus::Ended);
    assert_eq!(i.end_reason, Some(EndReason::EndedEarly));
    assert_eq!(i.end_note, "Flyttade till Göteborg");
    assert!(!i.may_end);
    assert_eq!(free().await, Some(2), "the place is given back");
    // Ended once: a second end is a conflict, and the record is still there.
    assert!(matches!(
        store
            .internship_end(c, id, 2, &end(EndReason::Completed, now_date(), ""))
            .await,
        Err(StoreError::Conflict)
    ));
    assert_eq!(
        store
            .internships_for_participant(c, w.participant)
            .await
            .unwrap()
            .len(),
        1
    );
}

async fn an_intern_cannot_be_followed_up_before_her_start_and_the_start_moves_her(store: Store) {
    let w = world(&store).await;
    let c = &w.coordinator;
    place_at(&store, &w, "agreement_signed").await;
    let start = now_date() + days(90);
    let id = store
        .internship_create(c, w.participant, &input(&w, start, start + days(42), 3))
        .await
        .unwrap();
    // Three months before her start she cannot be moved to "followed up after 6 months".
    let map = store.process_map(c, w.t.programme).await.unwrap();
    let stage = |key: &str| map.stages.iter().find(|s| s.key == key).unwrap().id;
    match store
        .journey_move(c, w.participant, stage("followed_up_6"), "")
        .await
    {
        Err(StoreError::Invalid(e)) => {
            let keys: Vec<&str> = e.0.iter().map(|f| f.key).collect();
            assert_eq!(
                keys,
                [
                    "journey-blocked-internship_started",
                    "journey-blocked-internship_ended",
                    "journey-blocked-follow_up_month3",
                    "journey-blocked-follow_up_month6"
                ]
            );
        }
        other => panic!("expected blockers, got {other:?}"),
    }
    assert_eq!(stage_of(&store, &w).await, "agreement_signed");
    assert_eq!(store.advance_due_stages(now_date()).await.unwrap(), 0);

    // Her start comes: the housekeeping moves her into the internship, as "system".
    execute(
        &store,
        &format!(
            "UPDATE internships SET start_date = '{}' WHERE id = {id}",
            now_date()
        ),
    )
    .await;
    assert_eq!(store.advance_due_stages(now_date()).await.unwrap(), 1);
    assert_eq!(store.advance_due_stages(now_date()).await.unwrap(), 0);
    assert_eq!(stage_of(&store, &w).await, "in_internship");
    let j = store.journey(&sys(), w.participant).await.unwrap();
    assert_eq!(j.events[0].actor, "system");

    // Its end is recorded: completed; the follow-ups stay for the coordinator.
    store
        .internship_end(
            c,
            id,
            1,
            &EndInput {
                reason: EndReason::Completed,
                ended_on: now_date(),
                note: String::new(),
            },
        )
        .await
        .unwrap();
    assert_eq!(stage_of(&store, &w).await, "completed");
    // The follow-up stages are facts too: no hand moves her there, an outcome recorded at three
    // months does.
    match store
        .journey_move(c, w.participant, stage("followed_up_3"), "")
        .await
    {
        Err(StoreError::Invalid(e)) => assert_eq!(e.0[0].key, "journey-blocked-follow_up_month3"),
        other => panic!("moved by hand: {other:?}"),
    }
    let exit = brygga_domain::exit::ExitDraft {
        left_on: now_date().to_string(),
        exit_reason: "completed".into(),
        exit_note: String::new(),
    }
    .validate(now_date())
    .unwrap();
    store
        .participant_exit_set(c, w.participant, &exit)
        .await
        .unwrap();
    let at_month3 = brygga_domain::outcome::OutcomeDraft {
        point: "month3".into(),
        status: "job_regular".into(),
        source: "call".into(),
        recorded_on: now_date().to_string(),
        ..Default::default()
    }
    .validate(now_date(), now_date())
    .unwrap();
    store
        .outcome_set(c, w.participant, &at_month3)
        .await
        .unwrap();
    assert_eq!(stage_of(&store, &w).await, "followed_up_3");
}

async fn everyone_the_internship_concerns_reads_it_and_no_one_else(store: Store) {
    let w = world(&store).await;
    let c = &w.coordinator;
    let start = now_date() - days(7);
    let id = store
        .internship_create(c, w.participant, &input(&w, start, start + days(60), 3))
        .await
        .unwrap();
    let People {
        supervisor,
        other_supervisor,
        contact,
        other_contact,
        officer,
        other_officer,
        me,
        someone,
        manager,
        other_coordinator,
        evaluator,
        teacher,
    } = people(&store, &w).await;

    for (who, name) in [
        (c, "coordinator"),
        (&manager, "programme manager"),
        (&supervisor, "supervisor"),
        (&contact, "employer contact"),
        (&officer, "officer on a shared case"),
        (&me, "the intern herself"),
    ] {
        let i = store
            .internship(who, id)
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(i.may_end, std::ptr::eq(who, c), "{name}");
        // The staff's words on its end are not the intern's to read.
        assert_eq!(
            store
                .internships_for_participant(who, w.participant)
                .await
                .map(|l| l.len())
                .unwrap_or(1),
            1,
            "{name}"
        );
    }
    for (who, name) in [
        (&other_supervisor, "another employer's supervisor"),
        (&other_contact, "another employer's contact"),
        (&other_officer, "an officer the case is not shared with"),
        (&someone, "another participant"),
        (&other_coordinator, "another programme's coordinator"),
    ] {
        assert!(
            matches!(store.internship(who, id).await, Err(StoreError::NotFound)),
            "{name}"
        );
    }
    for (who, name) in [(&evaluator, "evaluator"), (&teacher, "education provider")] {
        assert!(
            matches!(store.internship(who, id).await, Err(StoreError::Forbidden)),
            "{name}"
        );
    }
    // The lists others build on.
    let supervised = store.internships_supervised(&supervisor).await.unwrap();
    assert_eq!(supervised.iter().map(|i| i.id).collect::<Vec<_>>(), [id]);
    assert!(
        store
            .internships_supervised(&other_supervisor)
            .await
            .unwrap()
            .is_empty()
    );
    let of_employer = store.internships_of_employer(&contact, w.e1).await.unwrap();
    assert_eq!(of_employer.iter().map(|i| i.id).collect::<Vec<_>>(), [id]);
    assert!(
        store
            .internships_of_employer(&other_contact, w.e1)
            .await
            .is_err(),
        "another employer's list"
    );
    assert_eq!(
        store.internships_of_employer(c, w.e1).await.unwrap().len(),
        1
    );
    // The officer reads the internship agreement of a shared case (a party to it), never edits.
    let dir = tempfile::tempdir().unwrap();
    let files = FileStore::local(dir.path().join("files"));
    let a = store
        .agreement_create_internship(c, w.participant, Some(w.placement), Some(w.supervisor))
        .await
        .unwrap();
    store
        .agreement_attach_generated(&files, c, a, 1, &pdf())
        .await
        .unwrap();
    let seen = store.agreement_get(&officer, a).await.unwrap();
    assert!(!seen.may_sign && !seen.may_prepare && !seen.may_end);
    assert_eq!(
        store
            .agreements_of_participant(&officer, w.participant)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(matches!(
        store.agreement_get(&other_officer, a).await,
        Err(StoreError::NotFound)
    ));
}
