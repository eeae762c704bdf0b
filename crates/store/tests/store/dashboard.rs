//! Store cases: a programme's indicators count each participant who consented to statistics
//! once, by gender and age group; its project data and goals are the programme manager's to
//! keep (a stale version is a conflict) and its staff's to read. A list's export reads the same
//! rows as the list, in pages of `EXPORT_PER_PAGE`, and is recorded in the audit log once.

use super::internship::{People, days, now_date, people, world};
use super::*;
use brygga_domain::evaluation::AgeGroup;
use brygga_domain::exit::ExitDraft;
use brygga_domain::indicator::Indicator;
use brygga_domain::project::{GoalDraft, ProjectDraft};

both!(store:
    the_indicators_count_each_consenting_participant_once_by_gender_and_age,
    the_project_and_its_goals_are_the_programme_managers,
    a_list_export_reads_the_list_in_pages_and_is_audited_once,
);

async fn the_indicators_count_each_consenting_participant_once_by_gender_and_age(store: Store) {
    let w = world(&store).await;
    let c = &w.coordinator;
    let People {
        manager,
        other_coordinator,
        contact,
        ..
    } = people(&store, &w).await;
    let programme = w.t.programme;
    let year = chrono::Datelike::year(&now_date());
    let mk = |first: &str, gender: &str, born: i32, statistics: bool| {
        let mut d = draft(programme, first, "Testsson");
        d.gender = gender.into();
        d.birth_year = born.to_string();
        d.consents = vec!["registry".into()];
        if statistics {
            d.consents.push("statistics".into());
        }
        d
    };
    let before = store.indicators(c, programme, now_date()).await.unwrap();
    let count = |rows: &[(Indicator, brygga_domain::indicator::Split)], i: Indicator| {
        rows.iter().find(|r| r.0 == i).unwrap().1.clone()
    };
    let base = count(&before, Indicator::Participants);
    let young = add(&store, &sys(), &mk("Ayan", "female", year - 22, true)).await;
    add(&store, &sys(), &mk("Bashir", "male", year - 40, true)).await;
    add(&store, &sys(), &mk("Cyrus", "male", year - 30, false)).await;
    let exit = ExitDraft {
        left_on: (now_date() - days(3)).to_string(),
        exit_reason: "work".into(),
        exit_note: String::new(),
    }
    .validate(now_date())
    .unwrap();
    store.participant_exit_set(c, young, &exit).await.unwrap();

    let rows = store.indicators(c, programme, now_date()).await.unwrap();
    let all = count(&rows, Indicator::Participants);
    assert_eq!(all.total, base.total + 2, "Cyrus did not consent");
    assert_eq!((all.women, all.men), (base.women + 1, base.men + 1));
    assert_eq!(all.age(AgeGroup::Under25), base.age(AgeGroup::Under25) + 1);
    let left = count(&rows, Indicator::Left);
    assert_eq!(left.total, count(&before, Indicator::Left).total + 1);
    for (_, s) in &rows {
        assert_eq!(s.women + s.men + s.other, s.total);
        assert_eq!(s.by_age.values().sum::<u32>(), s.total);
    }

    // The programme's staff read them; another programme's and the employer's do not.
    assert!(
        store
            .indicators(&manager, programme, now_date())
            .await
            .is_ok()
    );
    for who in [&other_coordinator, &contact] {
        assert!(matches!(
            store.indicators(who, programme, now_date()).await,
            Err(StoreError::Forbidden)
        ));
    }
    assert!(matches!(
        store.indicators(c, 999_999, now_date()).await,
        Err(StoreError::NotFound)
    ));
}

async fn the_project_and_its_goals_are_the_programme_managers(store: Store) {
    let w = world(&store).await;
    let c = &w.coordinator;
    let People { manager, .. } = people(&store, &w).await;
    let programme = w.t.programme;
    let p = store.project(c, programme).await.unwrap();
    assert_eq!((p.version, p.goals.len()), (0, 0));

    let data = ProjectDraft {
        project_number: "2025/00417".into(),
        budget: "9 800 000".into(),
        planned_women: "45".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    assert!(matches!(
        store.project_set(c, programme, 0, &data).await,
        Err(StoreError::Forbidden)
    ));
    store
        .project_set(&manager, programme, 0, &data)
        .await
        .unwrap();
    assert!(matches!(
        store.project_set(&manager, programme, 0, &data).await,
        Err(StoreError::Conflict)
    ));
    store
        .project_set(&manager, programme, 1, &data)
        .await
        .unwrap();

    let goal = GoalDraft {
        text: "50 får intyg".into(),
        indicator: "certified".into(),
        target: "50".into(),
    }
    .validate()
    .unwrap();
    assert!(matches!(
        store.goal_add(c, programme, &goal).await,
        Err(StoreError::Forbidden)
    ));
    let id = store.goal_add(&manager, programme, &goal).await.unwrap();
    let p = store.project(c, programme).await.unwrap();
    assert_eq!((p.version, p.data.budget), (2, Some(9_800_000)));
    assert_eq!(p.goals.len(), 1);
    assert_eq!(p.goals[0].indicator, Indicator::Certified);
    assert!(matches!(
        store.goal_remove(c, id).await,
        Err(StoreError::Forbidden)
    ));
    assert_eq!(store.goal_remove(&manager, id).await.unwrap(), programme);
    assert!(matches!(
        store.goal_remove(&manager, id).await,
        Err(StoreError::NotFound)
    ));
}

async fn a_list_export_reads_the_list_in_pages_and_is_audited_once(store: Store) {
    let w = world(&store).await;
    let c = &w.coordinator;
    let People {
        me,
        other_coordinator,
        ..
    } = people(&store, &w).await;
    let admin = actor(
        &store,
        user(&store, "admin@x.example", Role::Admin, &[], None).await,
    )
    .await;
    let exports = async || {
        store
            .audit_list(
                &admin,
                &AuditFilter {
                    resource: Some("participant_list_export".into()),
                    page: 1,
                    ..Default::default()
                },
            )
            .await
            .unwrap()
    };
    let f = ParticipantFilter {
        page: 1,
        ..Default::default()
    };
    let list = store.participant_list(c, &f).await.unwrap();
    let first = store.participant_list_export(c, &f).await.unwrap();
    assert_eq!(first.per_page, brygga_store::EXPORT_PER_PAGE);
    assert_eq!(first.total, list.total);
    let ids = |p: &brygga_store::Page<brygga_store::participant::ParticipantSummary>| {
        p.items.iter().map(|s| s.id).collect::<Vec<_>>()
    };
    assert_eq!(ids(&first)[..list.items.len()], ids(&list)[..]);
    let log = exports().await;
    assert_eq!(log.total, 1);
    assert_eq!(log.items[0].actor_id, c.user_id());
    assert!(
        log.items[0].fields.contains("eligibility"),
        "{:?}",
        log.items[0]
    );
    // The next page of the same export is not another export.
    let second = store
        .participant_list_export(
            c,
            &ParticipantFilter {
                page: 2,
                ..f.clone()
            },
        )
        .await
        .unwrap();
    assert!(second.items.is_empty());
    assert_eq!(exports().await.total, 1);
    // Another programme's coordinator exports nothing of this one; the participant has no list.
    let theirs = store
        .participant_list_export(&other_coordinator, &f)
        .await
        .unwrap();
    assert!(!ids(&theirs).contains(&w.participant));
    assert!(matches!(
        store.participant_list_export(&me, &f).await,
        Err(StoreError::Forbidden)
    ));
    assert_eq!(exports().await.total, 2, "only the exports that were made");
}
