//! Store cases: learning at the workplace follows the internship. The coordinator in scope
//! draws and adapts the checklist, the supervisor named on the internship ticks it and assesses,
//! the intern writes her log and assesses herself, her employer reads what she shares; another
//! employer's people, another participant and another programme's coordinator learn nothing.

use super::internship::{People, days, input, now_date, people, world};
use super::*;
use brygga_domain::learning::{
    AssessmentKind, CriterionDraft, LogEntryDraft, Rated, Rating, StepDraft, TickDraft,
};

both!(store: learning_records_are_read_and_written_by_the_internships_people_only);

fn denied<T: std::fmt::Debug>(r: Result<T, StoreError>, hidden: bool, what: &str) {
    match (&r, hidden) {
        (Err(StoreError::NotFound), true) | (Err(StoreError::Forbidden), false) => {}
        _ => panic!(
            "{what}: expected {}, got {r:?}",
            if hidden { "404" } else { "403" }
        ),
    }
}

async fn learning_records_are_read_and_written_by_the_internships_people_only(store: Store) {
    let w = world(&store).await;
    let c = &w.coordinator;
    let start = now_date() - days(14);
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
        me,
        someone,
        manager,
        other_coordinator,
        ..
    } = people(&store, &w).await;

    // The checklist: drawn from the kravprofil by the coordinator, adapted, ticked.
    let drawn = store
        .checklist_draw(c, id, "Arbetsuppgifter", "Kunskaper")
        .await
        .unwrap();
    assert!(drawn >= 1, "the placement's tasks give criteria");
    assert_eq!(
        store
            .checklist_draw(c, id, "Arbetsuppgifter", "Kunskaper")
            .await
            .unwrap(),
        0,
        "nothing twice"
    );
    let own = CriterionDraft {
        goal: "Språk".into(),
        criterion: "Frågar när något är oklart".into(),
    }
    .validate()
    .unwrap();
    let criterion = store.criterion_add(c, id, &own).await.unwrap();
    denied(
        store.criterion_add(&supervisor, id, &own).await,
        false,
        "supervisor adds",
    );
    denied(
        store.criterion_add(&other_coordinator, id, &own).await,
        true,
        "other programme adds",
    );
    for (who, name) in [
        (c, "coordinator"),
        (&manager, "programme manager"),
        (&supervisor, "supervisor"),
        (&contact, "employer contact"),
        (&me, "the intern"),
    ] {
        let list = store
            .checklist(who, id)
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(list.criteria.iter().any(|x| x.id == criterion), "{name}");
        assert_eq!(
            list.may_tick,
            std::ptr::eq(who, &supervisor) || std::ptr::eq(who, c),
            "{name}"
        );
    }
    for (who, name) in [
        (&other_supervisor, "another employer's supervisor"),
        (&other_contact, "another employer's contact"),
        (&someone, "another participant"),
        (&other_coordinator, "another programme's coordinator"),
    ] {
        denied(store.checklist(who, id).await, true, name);
    }
    denied(store.checklist(&officer, id).await, false, "the officer");
    let today = now_date();
    let tick = TickDraft {
        status: "achieved".into(),
        on: today.to_string(),
        comment: "Bra".into(),
    }
    .validate(today)
    .unwrap();
    store
        .criterion_tick(&supervisor, id, criterion, &tick, today)
        .await
        .unwrap();
    denied(
        store.criterion_tick(&me, id, criterion, &tick, today).await,
        false,
        "the intern ticks",
    );
    denied(
        store
            .criterion_tick(&other_supervisor, id, criterion, &tick, today)
            .await,
        true,
        "another supervisor ticks",
    );

    // The log: hers to write; her employer reads what she shares.
    let entry = |did: &str, share: &str| {
        LogEntryDraft {
            did: did.into(),
            share: share.into(),
            ..Default::default()
        }
        .validate(false)
        .unwrap()
    };
    store
        .progress_entry_add(&me, id, &entry("Delat", "on"), None)
        .await
        .unwrap();
    let private = store
        .progress_entry_add(&me, id, &entry("Bara för handledaren", ""), None)
        .await
        .unwrap();
    denied(
        store
            .progress_entry_add(&supervisor, id, &entry("x", ""), None)
            .await,
        false,
        "the supervisor writes her log",
    );
    denied(
        store
            .progress_entry_add(&someone, id, &entry("x", ""), None)
            .await,
        true,
        "another participant writes",
    );
    let seen = store.progress_log(&contact, id).await.unwrap();
    assert_eq!(
        seen.entries
            .iter()
            .map(|e| e.did.as_str())
            .collect::<Vec<_>>(),
        ["Delat"]
    );
    assert!(!seen.may_comment && !seen.may_write);
    assert_eq!(
        store
            .progress_log(&supervisor, id)
            .await
            .unwrap()
            .entries
            .len(),
        2
    );
    store
        .progress_comment_add(&supervisor, id, private, "Bra skrivet")
        .await
        .unwrap();
    denied(
        store.progress_comment_add(&contact, id, private, "x").await,
        false,
        "the employer comments",
    );
    denied(
        store.progress_log(&officer, id).await,
        false,
        "the officer reads the log",
    );

    // Assessments: each her own kind; the coordinator reads them.
    let rating = |l: i32| {
        vec![Rating {
            rated: Rated::Criterion(criterion),
            level: Some(l),
            evidence: "Sett".into(),
        }]
    };
    store
        .assessment_save(&supervisor, id, AssessmentKind::Mid, 0, &rating(3), today)
        .await
        .unwrap();
    store
        .assessment_save(&me, id, AssessmentKind::Mid, 0, &rating(4), today)
        .await
        .unwrap();
    denied(
        store
            .assessment_save(c, id, AssessmentKind::Mid, 0, &rating(1), today)
            .await,
        false,
        "the coordinator assesses",
    );
    denied(
        store
            .assessment_save(
                &other_supervisor,
                id,
                AssessmentKind::Mid,
                0,
                &rating(1),
                today,
            )
            .await,
        true,
        "another supervisor assesses",
    );
    let both = store.assessments(c, id, today).await.unwrap();
    assert_eq!(both.items.len(), 2);
    assert_eq!(both.assesses_as, None);
    // The intern cannot sign; the supervisor's saved one can be signed, then not saved again.
    denied(
        store
            .assessment_sign(&me, id, AssessmentKind::Mid, 1, today, |_| Ok(()))
            .await,
        false,
        "the intern signs",
    );
    store
        .assessment_sign(&supervisor, id, AssessmentKind::Mid, 1, today, |_| Ok(()))
        .await
        .unwrap();
    assert!(matches!(
        store
            .assessment_save(&supervisor, id, AssessmentKind::Mid, 2, &rating(2), today)
            .await,
        Err(StoreError::Invalid(e)) if e.0[0].key == "learning-error-signed"
    ));

    // The plan: the coordinator writes it, the intern reads it and marks her own steps.
    let step = StepDraft {
        step: "Öva på yrkesorden".into(),
        owner: "participant".into(),
        due_on: (today + days(14)).to_string(),
    }
    .validate()
    .unwrap();
    let sid = store.step_add(c, w.participant, &step).await.unwrap();
    denied(
        store.step_add(&me, w.participant, &step).await,
        false,
        "the intern adds a step",
    );
    store
        .step_mark(&me, w.participant, sid, 1, Some(today))
        .await
        .unwrap();
    let plan = store.development_plan(&me, w.participant).await.unwrap();
    assert_eq!(plan.steps[0].done_on, Some(today));
    assert!(
        plan.criteria
            .iter()
            .any(|c| c.text == "Frågar när något är oklart")
    );
    store
        .development_plan(&supervisor, w.participant)
        .await
        .unwrap();
    store
        .development_plan(&manager, w.participant)
        .await
        .unwrap();
    denied(
        store.development_plan(&contact, w.participant).await,
        false,
        "the employer",
    );
    denied(
        store.development_plan(&someone, w.participant).await,
        true,
        "another participant",
    );
    denied(
        store.step_mark(&someone, w.participant, sid, 2, None).await,
        true,
        "another participant marks",
    );
}
