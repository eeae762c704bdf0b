//! Store cases: schedules (entries and their checks, templates), absences and calendar feeds,
//! and who reaches them.

use super::*;
use brygga_domain::calendar::HolidayKind;
use brygga_domain::schedule::{AbsenceDraft, EntryDraft, EntryInput, EntryKind, TemplateDraft};

both!(
    store:
    schedule_entries_are_checked_against_the_internship_and_each_other,
    schedule_access_by_role,
    a_template_fills_the_internship_and_skips_the_holidays,
    absences_are_reported_on_scheduled_days_once_and_counted,
    calendar_feeds_are_found_by_token_until_revoked,
);

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn entry(date: &str, starts: &str, ends: &str, kind: &str) -> EntryInput {
    EntryDraft {
        entry_date: date.into(),
        entry_starts: starts.into(),
        entry_ends: ends.into(),
        entry_kind: kind.into(),
        ..Default::default()
    }
    .validate()
    .unwrap()
}

fn absence(date: &str, reason: &str) -> brygga_domain::schedule::AbsenceInput {
    AbsenceDraft {
        absence_date: date.into(),
        absence_reason: reason.into(),
        absence_note: String::new(),
    }
    .validate(day("2026-12-31"))
    .unwrap()
}

/// A programme with a coordinator, an employer with a supervisor, and a participant (sharing
/// with employers) in a three-day-a-week internship from 2026-03-02 to 2026-05-29.
struct World {
    t: Tree,
    k: Actor,
    employer: i32,
    supervisor_id: i32,
    a: i32,
    internship: i32,
}

async fn world(store: &Store) -> World {
    let t = tree(store).await;
    let s = sys();
    let mut d = employer_draft("Vårdboendet Linden AB", &orgnr(11), "private");
    d.supervisors = vec![SupervisorDraft {
        id: Default::default(),
        name: "Sara Handledare".into(),
        ..Default::default()
    }];
    let employer = store
        .employer_create(&s, &valid_employer(&d))
        .await
        .unwrap();
    let supervisor_id = store.supervisors_of(&s, employer).await.unwrap()[0].id;
    let mut pd = placement_draft(employer, "Vårdbiträde", PlacementStatus::Published);
    pd.days_per_week = "3".into();
    let placement = store
        .placement_create(&s, &valid_placement(&pd))
        .await
        .unwrap();
    let k = actor(
        store,
        user(
            store,
            "k@example.se",
            Role::Coordinator,
            &[t.programme],
            None,
        )
        .await,
    )
    .await;
    let a = add(store, &s, &sharing(draft(t.programme, "Amina", "Warsame"))).await;
    let internship = place(
        store,
        &k,
        a,
        placement,
        Some(supervisor_id),
        day("2026-03-02"),
        day("2026-05-29"),
    )
    .await;
    World {
        t,
        k,
        employer,
        supervisor_id,
        a,
        internship,
    }
}

async fn schedule_entries_are_checked_against_the_internship_and_each_other(store: Store) {
    let w = world(&store).await;
    let k = &w.k;
    let mon = store
        .schedule_entry_create(k, w.a, &entry("2026-03-02", "08:00", "16:00", "workplace"))
        .await
        .unwrap();
    for d in ["2026-03-03", "2026-03-05"] {
        store
            .schedule_entry_create(k, w.a, &entry(d, "08:00", "16:00", "workplace"))
            .await
            .unwrap();
    }
    let sfi = store
        .schedule_entry_create(k, w.a, &entry("2026-03-06", "09:00", "15:00", "sfi"))
        .await
        .unwrap();

    // A clash, a fourth workplace day, a holiday, a day outside the internship.
    assert_invalid(
        store
            .schedule_entry_create(k, w.a, &entry("2026-03-06", "14:00", "16:00", "meeting"))
            .await,
        "entry_starts",
    );
    assert_invalid(
        store
            .schedule_entry_create(k, w.a, &entry("2026-03-04", "08:00", "16:00", "workplace"))
            .await,
        "entry_kind",
    );
    assert_invalid(
        store
            .schedule_entry_create(k, w.a, &entry("2026-04-06", "08:00", "12:00", "sfi"))
            .await,
        "entry_date",
    );
    assert_invalid(
        store
            .schedule_entry_create(k, w.a, &entry("2026-06-01", "08:00", "16:00", "workplace"))
            .await,
        "entry_date",
    );

    let v = store
        .schedule_of(k, w.a, day("2026-03-02"), day("2026-03-08"))
        .await
        .unwrap();
    assert_eq!(v.entries.len(), 4);
    assert!(v.may_write && !v.workplace_only);
    assert_eq!(v.entries[0].internship_id, Some(w.internship));
    let i = v.internship.unwrap();
    assert_eq!(
        (i.days_per_week, i.placement_title.as_str()),
        (3, "Vårdbiträde")
    );

    // Moving the SFI day is checked without itself; a stale version is a conflict.
    let rec = store.schedule_entry_get(k, w.a, sfi).await.unwrap();
    store
        .schedule_entry_update(
            k,
            w.a,
            sfi,
            rec.version,
            &entry("2026-03-06", "08:00", "14:00", "sfi"),
        )
        .await
        .unwrap();
    assert!(matches!(
        store
            .schedule_entry_update(
                k,
                w.a,
                sfi,
                rec.version,
                &entry("2026-03-06", "10:00", "14:00", "sfi")
            )
            .await,
        Err(StoreError::Conflict)
    ));
    assert!(matches!(
        store.schedule_entry_delete(k, w.a, mon, 7).await,
        Err(StoreError::Conflict)
    ));
    store.schedule_entry_delete(k, w.a, mon, 1).await.unwrap();
    assert!(matches!(
        store.schedule_entry_delete(k, w.a, mon, 1).await,
        Err(StoreError::NotFound)
    ));
    // Now a Wednesday fits: three days again.
    store
        .schedule_entry_create(k, w.a, &entry("2026-03-04", "08:00", "16:00", "workplace"))
        .await
        .unwrap();

    // Another participant's entry is not reached through this one.
    let b = add(&store, &sys(), &draft(w.t.programme, "Bo", "Berg")).await;
    assert!(matches!(
        store.schedule_entry_get(k, b, sfi).await,
        Err(StoreError::NotFound)
    ));

    // Every write and the read are in the audit log.
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
    assert!(has("create", "schedule_entry"));
    assert!(has("update", "schedule_entry"));
    assert!(has("delete", "schedule_entry"));
    assert!(has("read", "schedule"));
}

async fn schedule_access_by_role(store: Store) {
    let w = world(&store).await;
    let s = sys();
    for (d, kind) in [
        ("2026-03-02", "workplace"),
        ("2026-03-04", "vocational_swedish"),
    ] {
        store
            .schedule_entry_create(&w.k, w.a, &entry(d, "08:00", "12:00", kind))
            .await
            .unwrap();
    }
    let week = (day("2026-03-02"), day("2026-03-08"));
    let kinds = |v: &brygga_store::schedule::ScheduleView| -> Vec<EntryKind> {
        v.entries.iter().map(|e| e.kind).collect()
    };

    // The participant herself: everything, read only.
    let pu = user(&store, "amina@example.se", Role::Participant, &[], None).await;
    store.participant_link_user(&s, w.a, pu).await.unwrap();
    let me = actor(&store, pu).await;
    let v = store.schedule_of(&me, w.a, week.0, week.1).await.unwrap();
    assert_eq!(
        kinds(&v),
        vec![EntryKind::Workplace, EntryKind::VocationalSwedish]
    );
    assert!(!v.may_write && v.may_report_absence);
    assert!(matches!(
        store
            .schedule_entry_create(&me, w.a, &entry("2026-03-03", "08:00", "12:00", "other"))
            .await,
        Err(StoreError::Forbidden)
    ));
    assert_eq!(
        store.my_schedule(&me, week.0, week.1).await.unwrap().len(),
        2
    );

    // Her supervisor and her employer: the workplace day only.
    let su = user(
        &store,
        "sara@example.se",
        Role::Supervisor,
        &[],
        Some(w.employer),
    )
    .await;
    store
        .supervisor_link_user(&s, w.supervisor_id, su)
        .await
        .unwrap();
    let sup = actor(&store, su).await;
    let v = store.schedule_of(&sup, w.a, week.0, week.1).await.unwrap();
    assert_eq!(kinds(&v), vec![EntryKind::Workplace]);
    assert!(v.workplace_only && !v.may_write && v.may_report_absence);
    let mine = store.my_schedule(&sup, week.0, week.1).await.unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].participant_name, "Amina Warsame");
    let ec = actor(
        &store,
        user(
            &store,
            "hr@linden.se",
            Role::EmployerContact,
            &[],
            Some(w.employer),
        )
        .await,
    )
    .await;
    let v = store.schedule_of(&ec, w.a, week.0, week.1).await.unwrap();
    assert_eq!(kinds(&v), vec![EntryKind::Workplace]);
    assert!(!v.may_report_absence);
    assert_eq!(
        store.my_schedule(&ec, week.0, week.1).await.unwrap().len(),
        1
    );

    // Everyone else learns nothing of her: another programme's coordinator, another
    // employer, another participant, the officer, the evaluator, the education provider.
    let other_emp = store
        .employer_create(
            &s,
            &valid_employer(&employer_draft("Annat AB", &orgnr(12), "private")),
        )
        .await
        .unwrap();
    let outsiders = [
        user(
            &store,
            "k2@example.se",
            Role::Coordinator,
            &[w.t.programme2],
            None,
        )
        .await,
        user(
            &store,
            "hr@annat.se",
            Role::EmployerContact,
            &[],
            Some(other_emp),
        )
        .await,
        user(
            &store,
            "sup2@annat.se",
            Role::Supervisor,
            &[],
            Some(other_emp),
        )
        .await,
        user(&store, "bo@example.se", Role::Participant, &[], None).await,
        user(&store, "af@example.se", Role::EsOfficer, &[], None).await,
        user(&store, "eval@example.se", Role::Evaluator, &[], None).await,
        user(
            &store,
            "sfi@example.se",
            Role::EducationProvider,
            &[w.t.programme],
            None,
        )
        .await,
    ];
    for id in outsiders {
        let who = actor(&store, id).await;
        assert!(
            matches!(
                store.schedule_of(&who, w.a, week.0, week.1).await,
                Err(StoreError::NotFound)
            ),
            "{:?}",
            who.role()
        );
        assert!(
            store
                .my_schedule(&who, week.0, week.1)
                .await
                .unwrap()
                .is_empty()
        );
        assert!(
            store
                .schedule_summary(&who, w.a, week.0)
                .await
                .unwrap()
                .is_none()
        );
    }

    // Without consent to share with employers, the employer sees nothing.
    let b = add(&store, &s, &draft(w.t.programme, "Bo", "Berg")).await;
    let pl = store
        .placement_create(
            &s,
            &valid_placement(&placement_draft(
                w.employer,
                "Kock",
                PlacementStatus::Published,
            )),
        )
        .await
        .unwrap();
    place(
        &store,
        &w.k,
        b,
        pl,
        None,
        day("2026-03-02"),
        day("2026-05-29"),
    )
    .await;
    assert!(matches!(
        store.schedule_of(&ec, b, week.0, week.1).await,
        Err(StoreError::NotFound)
    ));
}

async fn a_template_fills_the_internship_and_skips_the_holidays(store: Store) {
    let w = world(&store).await;
    // Over the placement's three days a week: refused on the field.
    let mut four = TemplateDraft::suggested();
    four.workplace_days.push("wed".into());
    assert_invalid(
        store.schedule_apply_template(&w.k, w.a, &four).await,
        "workplace_days",
    );
    // Without an internship: refused.
    let b = add(&store, &sys(), &draft(w.t.programme, "Bo", "Berg")).await;
    assert_invalid(
        store
            .schedule_apply_template(&w.k, b, &TemplateDraft::suggested())
            .await,
        "schedule_template",
    );

    let applied = store
        .schedule_apply_template(&w.k, w.a, &TemplateDraft::suggested())
        .await
        .unwrap();
    // 2026-03-02 – 2026-05-29: Easter (3–6 April), 1 May and Ascension (14 May) fall on
    // scheduled weekdays.
    let skipped: Vec<HolidayKind> = applied.skipped.iter().map(|h| h.kind).collect();
    assert_eq!(
        skipped,
        vec![
            HolidayKind::Langfredagen,
            HolidayKind::AnnandagPask,
            HolidayKind::ForstaMaj,
            HolidayKind::KristiHimmelsfard
        ]
    );
    let all = store
        .schedule_of(&w.k, w.a, day("2026-02-01"), day("2026-06-30"))
        .await
        .unwrap()
        .entries;
    assert_eq!(all.len(), applied.created);
    // Two weeks of vocational Swedish first.
    assert_eq!(all[0].date, day("2026-02-16"));
    assert!(
        all.iter()
            .filter(|e| e.date < day("2026-03-02"))
            .all(|e| e.kind == EntryKind::VocationalSwedish)
    );
    assert!(
        all.iter()
            .all(|e| brygga_domain::calendar::holiday_on(e.date).is_none())
    );
    // Easter week: Tuesday and Thursday at work, Wednesday Swedish; no Friday, no Monday.
    let easter: Vec<(NaiveDate, EntryKind)> = all
        .iter()
        .filter(|e| e.date >= day("2026-04-03") && e.date <= day("2026-04-10"))
        .map(|e| (e.date, e.kind))
        .collect();
    assert_eq!(
        easter,
        vec![
            (day("2026-04-07"), EntryKind::Workplace),
            (day("2026-04-08"), EntryKind::VocationalSwedish),
            (day("2026-04-09"), EntryKind::Workplace),
            (day("2026-04-10"), EntryKind::Sfi),
        ]
    );

    // Applying again would double every day: refused, nothing written.
    assert_invalid(
        store
            .schedule_apply_template(&w.k, w.a, &TemplateDraft::suggested())
            .await,
        "schedule_template",
    );
    let again = store
        .schedule_of(&w.k, w.a, day("2026-02-01"), day("2026-06-30"))
        .await
        .unwrap()
        .entries;
    assert_eq!(again.len(), all.len());
}

async fn absences_are_reported_on_scheduled_days_once_and_counted(store: Store) {
    let w = world(&store).await;
    let s = sys();
    for d in ["2026-03-02", "2026-03-03", "2026-03-09"] {
        store
            .schedule_entry_create(&w.k, w.a, &entry(d, "08:00", "16:00", "workplace"))
            .await
            .unwrap();
    }
    let pu = user(&store, "amina@example.se", Role::Participant, &[], None).await;
    store.participant_link_user(&s, w.a, pu).await.unwrap();
    let me = actor(&store, pu).await;
    let su = user(
        &store,
        "sara@example.se",
        Role::Supervisor,
        &[],
        Some(w.employer),
    )
    .await;
    store
        .supervisor_link_user(&s, w.supervisor_id, su)
        .await
        .unwrap();
    let sup = actor(&store, su).await;

    store
        .absence_report(&me, w.a, &absence("2026-03-02", "sick"))
        .await
        .unwrap();
    assert_invalid(
        store
            .absence_report(&me, w.a, &absence("2026-03-02", "child_sick"))
            .await,
        "absence_date",
    );
    assert_invalid(
        store
            .absence_report(&me, w.a, &absence("2026-03-04", "sick"))
            .await,
        "absence_date",
    );
    store
        .absence_report(&sup, w.a, &absence("2026-03-09", "appointment"))
        .await
        .unwrap();

    // Not hers to report: another supervisor, an employer contact.
    let other = actor(
        &store,
        user(
            &store,
            "sup2@example.se",
            Role::Supervisor,
            &[],
            Some(w.employer),
        )
        .await,
    )
    .await;
    assert!(matches!(
        store
            .absence_report(&other, w.a, &absence("2026-03-03", "sick"))
            .await,
        Err(StoreError::NotFound)
    ));
    let ec = actor(
        &store,
        user(
            &store,
            "hr@linden.se",
            Role::EmployerContact,
            &[],
            Some(w.employer),
        )
        .await,
    )
    .await;
    assert!(matches!(
        store
            .absence_report(&ec, w.a, &absence("2026-03-03", "sick"))
            .await,
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        store.absences_recent(&ec, day("2026-01-01")).await,
        Err(StoreError::Forbidden)
    ));

    let recent = store
        .absences_recent(&w.k, day("2026-03-01"))
        .await
        .unwrap();
    assert_eq!(recent.len(), 2);
    assert_eq!(recent[0].date, day("2026-03-09"));
    assert_eq!(recent[0].reported_by, "sara@example.se");
    assert_eq!(
        store
            .absences_recent(&sup, day("2026-03-01"))
            .await
            .unwrap()
            .len(),
        2
    );
    assert!(
        store
            .absences_recent(&other, day("2026-03-01"))
            .await
            .unwrap()
            .is_empty()
    );
    let k2 = actor(
        &store,
        user(
            &store,
            "k2@example.se",
            Role::Coordinator,
            &[w.t.programme2],
            None,
        )
        .await,
    )
    .await;
    assert!(
        store
            .absences_recent(&k2, day("2026-03-01"))
            .await
            .unwrap()
            .is_empty()
    );

    let patterns = store
        .absence_patterns(&w.k, day("2026-03-20"))
        .await
        .unwrap();
    assert_eq!(patterns.len(), 1);
    assert_eq!((patterns[0].last_30, patterns[0].last_90), (2, 2));
    assert_eq!(
        patterns[0].most_frequent_weekday,
        Some(chrono::Weekday::Mon)
    );
    let later = store
        .absence_patterns(&w.k, day("2026-04-05"))
        .await
        .unwrap();
    assert_eq!((later[0].last_30, later[0].last_90), (1, 2));
    assert_eq!(
        store
            .schedule_summary(&w.k, w.a, day("2026-01-01"))
            .await
            .unwrap(),
        Some(2)
    );
    assert_eq!(
        store
            .schedule_summary(&ec, w.a, day("2026-01-01"))
            .await
            .unwrap(),
        Some(0),
        "the employer reads the schedule but not the absences"
    );
    assert_eq!(store.absence_reportable(&sup).await.unwrap().len(), 1);
    assert_eq!(
        store.absence_reportable(&me).await.unwrap(),
        vec![(w.a, "Amina Warsame".to_string())]
    );
    assert!(store.absence_reportable(&w.k).await.unwrap().is_empty());
}

async fn calendar_feeds_are_found_by_token_until_revoked(store: Store) {
    let w = world(&store).await;
    let token = store.calendar_feed_create(&w.k).await.unwrap();
    let found = store
        .actor_by_calendar_token(&token)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.user_id(), w.k.user_id());
    assert!(store.actor_by_calendar_token("00").await.unwrap().is_none());
    let feeds = store.calendar_feeds(&w.k).await.unwrap();
    assert_eq!(feeds.len(), 1);
    assert!(feeds[0].last_used_at.is_some());

    // Only its owner revokes it.
    let other = actor(
        &store,
        user(
            &store,
            "k2@example.se",
            Role::Coordinator,
            &[w.t.programme],
            None,
        )
        .await,
    )
    .await;
    assert!(matches!(
        store.calendar_feed_revoke(&other, feeds[0].id).await,
        Err(StoreError::NotFound)
    ));
    store.calendar_feed_revoke(&w.k, feeds[0].id).await.unwrap();
    assert!(
        store
            .actor_by_calendar_token(&token)
            .await
            .unwrap()
            .is_none()
    );
    assert!(matches!(
        store.calendar_feed_revoke(&w.k, feeds[0].id).await,
        Err(StoreError::NotFound)
    ));
    // The token itself is not stored.
    let hashes = query_strings(&store, "SELECT token_hash FROM calendar_feeds").await;
    assert!(!hashes.contains(&token));
}
