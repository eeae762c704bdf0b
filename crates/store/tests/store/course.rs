//! Store cases: courses — capacity, duplicate enrolments, sessions, attendance and notes, who
//! sees what (the education provider only its own courses and the enrolled names), and the
//! preparatory course as a journey checkpoint.

use super::*;
use brygga_domain::course::{
    AttendanceMark, CourseDraft, CourseInput, EnrolmentStatus, ProgressNoteDraft, SessionDraft,
    SessionInput,
};
use brygga_store::process::ProcessEdit;

both!(
    store:
    capacity_and_duplicate_enrolments_are_refused,
    sessions_stay_in_the_period_and_never_overlap,
    a_course_is_saved_at_the_version_it_was_read,
    the_provider_sees_only_its_courses_and_the_enrolled_names,
    participants_and_supervisors_see_their_own_schedule_only,
    a_required_preparatory_course_blocks_the_move_until_completed,
);

fn course_input(programme: i32, kind: &str, capacity: u32, teachers: &[i32]) -> CourseInput {
    CourseDraft {
        programme_id: programme.to_string(),
        course_kind: kind.into(),
        name: format!("Yrkessvenska {kind}"),
        location: "Folkuniversitetet, Kungsgatan 2".into(),
        course_start: "2030-03-04".into(),
        course_end: "2030-03-15".into(),
        course_capacity: capacity.to_string(),
        teacher_ids: teachers.iter().map(|t| t.to_string()).collect(),
    }
    .validate()
    .unwrap()
}

fn session(date: &str, start: &str, end: &str) -> SessionInput {
    let period = (
        NaiveDate::from_ymd_opt(2030, 3, 4).unwrap(),
        NaiveDate::from_ymd_opt(2030, 3, 15).unwrap(),
    );
    SessionDraft {
        session_date: date.into(),
        session_start: start.into(),
        session_end: end.into(),
        session_topic: "Ord på arbetsplatsen".into(),
    }
    .validate(period)
    .unwrap()
}

struct Setup {
    t: Tree,
    coord: Actor,
    teacher: i32,
}

async fn setup(store: &Store) -> Setup {
    let t = tree(store).await;
    let coord = actor(
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
    let teacher = user(
        store,
        "lärare@example.se",
        Role::EducationProvider,
        &[t.programme],
        None,
    )
    .await;
    Setup { t, coord, teacher }
}

async fn capacity_and_duplicate_enrolments_are_refused(store: Store) {
    let Setup { t, coord, teacher } = setup(&store).await;
    let c = store
        .course_create(&coord, &course_input(t.programme, "sfi", 2, &[teacher]))
        .await
        .unwrap();
    let a = add(&store, &coord, &draft(t.programme, "Amir", "Ahmadi")).await;
    let b = add(&store, &coord, &draft(t.programme, "Berit", "Bengtsson")).await;
    let x = add(&store, &coord, &draft(t.programme, "Xu", "Xiang")).await;
    let other = add(&store, &sys(), &draft(t.programme2, "Dana", "Dahl")).await;

    let ea = store.course_enrol(&coord, c, a).await.unwrap();
    assert_invalid(store.course_enrol(&coord, c, a).await, "participant_id");
    store.course_enrol(&coord, c, b).await.unwrap();
    match store.course_enrol(&coord, c, x).await {
        Err(StoreError::Invalid(e)) => {
            assert_eq!(e.get("participant_id").unwrap().key, "course-error-full")
        }
        other => panic!("over capacity: {other:?}"),
    }
    // A participant the coordinator cannot reach, or of another programme, is not a choice.
    assert_invalid(store.course_enrol(&coord, c, other).await, "participant_id");

    // A withdrawal frees the place; taking it back needs one free.
    let rec = store.course_get(&coord, c).await.unwrap();
    assert_eq!(rec.taken, 2);
    let ea_version = rec.enrolments.iter().find(|e| e.id == ea).unwrap().version;
    store
        .course_enrolment_status(&coord, c, ea, ea_version, EnrolmentStatus::Withdrawn)
        .await
        .unwrap();
    assert!(matches!(
        store
            .course_enrolment_status(&coord, c, ea, ea_version, EnrolmentStatus::Completed)
            .await,
        Err(StoreError::Conflict)
    ));
    store.course_enrol(&coord, c, x).await.unwrap();
    assert_invalid(
        store
            .course_enrolment_status(&coord, c, ea, ea_version + 1, EnrolmentStatus::Enrolled)
            .await,
        "status",
    );
    let choices = store.course_enrol_choices(&coord, c).await.unwrap();
    assert!(choices.is_empty(), "everyone is enrolled: {choices:?}");
    assert_eq!(store.course_get(&coord, c).await.unwrap().taken, 2);
}

async fn sessions_stay_in_the_period_and_never_overlap(store: Store) {
    let Setup { t, coord, teacher } = setup(&store).await;
    let c = store
        .course_create(&coord, &course_input(t.programme, "sfi", 10, &[teacher]))
        .await
        .unwrap();
    store
        .course_session_add(&coord, c, &session("2030-03-05", "09:00", "12:00"))
        .await
        .unwrap();
    match store
        .course_session_add(&coord, c, &session("2030-03-05", "11:00", "13:00"))
        .await
    {
        Err(StoreError::Invalid(e)) => {
            assert_eq!(e.get("session_start").unwrap().key, "course-error-overlap")
        }
        other => panic!("overlap: {other:?}"),
    }
    // Back to back, and the same hours another day, are fine.
    store
        .course_session_add(&coord, c, &session("2030-03-05", "12:00", "13:00"))
        .await
        .unwrap();
    let later = store
        .course_session_add(&coord, c, &session("2030-03-06", "09:00", "12:00"))
        .await
        .unwrap();
    // The store checks the period too (the form's check ran against the course as read).
    let mut outside = session("2030-03-06", "09:00", "12:00");
    outside.time.date = NaiveDate::from_ymd_opt(2030, 3, 20).unwrap();
    assert_invalid(
        store.course_session_add(&coord, c, &outside).await,
        "session_date",
    );
    let rec = store.course_get(&coord, c).await.unwrap();
    assert_eq!(rec.sessions.len(), 3);
    store.course_session_delete(&coord, c, later).await.unwrap();
    assert_eq!(store.course_get(&coord, c).await.unwrap().sessions.len(), 2);
    // The period cannot move away from the sessions.
    let mut moved = course_input(t.programme, "sfi", 10, &[teacher]);
    moved.start_date = NaiveDate::from_ymd_opt(2030, 3, 10).unwrap();
    assert_invalid(
        store.course_update(&coord, c, rec.version, &moved).await,
        "course_start",
    );
}

async fn a_course_is_saved_at_the_version_it_was_read(store: Store) {
    let Setup { t, coord, teacher } = setup(&store).await;
    let outsider = user(
        &store,
        "annan@example.se",
        Role::EducationProvider,
        &[t.programme2],
        None,
    )
    .await;
    // Only the education provider's users in the programme may teach it.
    assert_invalid(
        store
            .course_create(&coord, &course_input(t.programme, "sfi", 5, &[outsider]))
            .await,
        "teacher_ids",
    );
    assert_invalid(
        store
            .course_create(&coord, &course_input(t.programme2, "sfi", 5, &[]))
            .await,
        "programme_id",
    );
    let choices = store.course_teacher_choices(&coord).await.unwrap();
    assert_eq!(
        choices.iter().map(|c| c.id).collect::<Vec<_>>(),
        vec![teacher]
    );

    let c = store
        .course_create(&coord, &course_input(t.programme, "sfi", 5, &[teacher]))
        .await
        .unwrap();
    let v = store.course_get(&coord, c).await.unwrap().version;
    let mut renamed = course_input(t.programme, "care_swedish", 6, &[]);
    renamed.name = "Vårdsvenska".into();
    store.course_update(&coord, c, v, &renamed).await.unwrap();
    assert!(matches!(
        store.course_update(&coord, c, v, &renamed).await,
        Err(StoreError::Conflict)
    ));
    let rec = store.course_get(&coord, c).await.unwrap();
    assert_eq!(rec.name, "Vårdsvenska");
    assert_eq!(rec.capacity, 6);
    assert!(rec.teachers.is_empty());

    // The capacity cannot drop below the places taken.
    let a = add(&store, &coord, &draft(t.programme, "Amir", "Ahmadi")).await;
    let b = add(&store, &coord, &draft(t.programme, "Berit", "Bengtsson")).await;
    store.course_enrol(&coord, c, a).await.unwrap();
    store.course_enrol(&coord, c, b).await.unwrap();
    let mut small = renamed.clone();
    small.capacity = 1;
    assert_invalid(
        store.course_update(&coord, c, rec.version, &small).await,
        "course_capacity",
    );
    let fields = query_strings(
        &store,
        "SELECT fields FROM audit_log WHERE resource = 'course' AND action = 'update'",
    )
    .await;
    assert_eq!(fields.len(), 1);
    assert!(fields[0].contains("name") && fields[0].contains("teachers"));
}

async fn the_provider_sees_only_its_courses_and_the_enrolled_names(store: Store) {
    let Setup { t, coord, teacher } = setup(&store).await;
    let other_teacher = user(
        &store,
        "annan.larare@example.se",
        Role::EducationProvider,
        &[t.programme],
        None,
    )
    .await;
    let mine = store
        .course_create(&coord, &course_input(t.programme, "sfi", 5, &[teacher]))
        .await
        .unwrap();
    let theirs = store
        .course_create(
            &coord,
            &course_input(t.programme, "care_swedish", 5, &[other_teacher]),
        )
        .await
        .unwrap();
    let mut d = draft(t.programme, "Amir", "Ahmadi");
    d.email = "amir@example.se".into();
    d.phone = "070-123 45 67".into();
    d.personnummer = pnr("19900101", 238);
    d.special_needs = "Hörselnedsättning".into();
    let a = add(&store, &coord, &d).await;
    let ea = store.course_enrol(&coord, mine, a).await.unwrap();
    let eb = store.course_enrol(&coord, theirs, a).await.unwrap();
    let s1 = store
        .course_session_add(&coord, mine, &session("2030-03-05", "09:00", "12:00"))
        .await
        .unwrap();
    let s2 = store
        .course_session_add(&coord, theirs, &session("2030-03-05", "13:00", "15:00"))
        .await
        .unwrap();

    let lt = actor(&store, teacher).await;
    let list = store.course_list(&lt, 1).await.unwrap();
    assert_eq!(
        list.items.iter().map(|c| c.id).collect::<Vec<_>>(),
        vec![mine]
    );
    assert_eq!(
        store
            .courses_taught(&lt)
            .await
            .unwrap()
            .iter()
            .map(|c| c.id)
            .collect::<Vec<_>>(),
        vec![mine]
    );
    let rec = store.course_get(&lt, mine).await.unwrap();
    assert_eq!(rec.enrolments.len(), 1);
    assert_eq!(rec.enrolments[0].participant_name, "Amir Ahmadi");
    assert!(rec.may_record && !rec.may_manage);
    let seen = serde_json::to_string(&rec).unwrap();
    for secret in ["amir@example.se", "070", "19900101", "Hörsel"] {
        assert!(!seen.contains(secret), "{secret} in {seen}");
    }
    // Never the participant record itself.
    assert!(store.participant_get(&lt, a).await.is_err());
    assert!(matches!(
        store.enrolments_for_participant(&lt, a).await,
        Err(StoreError::Forbidden | StoreError::NotFound)
    ));

    // Another provider's course is hidden, to read and to record attendance in.
    assert!(matches!(
        store.course_get(&lt, theirs).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .course_attendance_record(&lt, theirs, s2, &[(eb, AttendanceMark::Present)])
            .await,
        Err(StoreError::NotFound)
    ));
    // A session or enrolment of another course through one's own is not found either.
    assert!(matches!(
        store
            .course_attendance_record(&lt, mine, s2, &[(ea, AttendanceMark::Present)])
            .await,
        Err(StoreError::NotFound)
    ));
    assert_invalid(
        store
            .course_attendance_record(&lt, mine, s1, &[(eb, AttendanceMark::Present)])
            .await,
        "attendance",
    );
    // The teacher manages nothing: no sessions, no enrolments.
    assert!(matches!(
        store
            .course_session_add(&lt, mine, &session("2030-03-06", "09:00", "10:00"))
            .await,
        Err(StoreError::Forbidden)
    ));

    // Attendance, recorded twice (a double submit), is one mark per enrolment.
    store
        .course_attendance_record(&lt, mine, s1, &[(ea, AttendanceMark::Absent)])
        .await
        .unwrap();
    store
        .course_attendance_record(&lt, mine, s1, &[(ea, AttendanceMark::Present)])
        .await
        .unwrap();
    let sheet = store.course_session_sheet(&lt, mine, s1).await.unwrap();
    assert_eq!(sheet.rows.len(), 1);
    assert_eq!(sheet.rows[0].mark, Some(AttendanceMark::Present));
    assert_eq!(
        query_strings(&store, "SELECT mark FROM course_attendance").await,
        vec!["present"]
    );
    let note = ProgressNoteDraft {
        note_date: "2025-06-02".into(),
        note: "Följer instruktioner muntligt.".into(),
    }
    .validate(today())
    .unwrap();
    store.course_note_add(&lt, mine, ea, &note).await.unwrap();
    assert!(matches!(
        store.course_note_add(&lt, theirs, eb, &note).await,
        Err(StoreError::NotFound)
    ));
    let rec = store.course_get(&lt, mine).await.unwrap();
    assert_eq!(rec.enrolments[0].notes.len(), 1);
    assert_eq!(rec.enrolments[0].notes[0].author, "lärare@example.se");
}

async fn participants_and_supervisors_see_their_own_schedule_only(store: Store) {
    let Setup { t, coord, teacher } = setup(&store).await;
    let s = sys();
    let c = store
        .course_create(&coord, &course_input(t.programme, "sfi", 5, &[teacher]))
        .await
        .unwrap();
    let other = store
        .course_create(&coord, &course_input(t.programme, "other", 5, &[teacher]))
        .await
        .unwrap();
    let a = add(&store, &coord, &draft(t.programme, "Amir", "Ahmadi")).await;
    let b = add(&store, &coord, &draft(t.programme, "Berit", "Bengtsson")).await;
    let ea = store.course_enrol(&coord, c, a).await.unwrap();
    store.course_enrol(&coord, c, b).await.unwrap();
    store.course_enrol(&coord, other, b).await.unwrap();
    store
        .course_session_add(&coord, c, &session("2030-03-05", "09:00", "12:00"))
        .await
        .unwrap();
    store
        .course_session_add(&coord, c, &session("2030-03-12", "09:00", "12:00"))
        .await
        .unwrap();

    let amir = user(&store, "amir@example.se", Role::Participant, &[], None).await;
    store.participant_link_user(&s, a, amir).await.unwrap();
    let amir = actor(&store, amir).await;
    let list = store.course_list(&amir, 1).await.unwrap();
    assert_eq!(list.items.iter().map(|c| c.id).collect::<Vec<_>>(), vec![c]);
    let rec = store.course_get(&amir, c).await.unwrap();
    assert_eq!(
        rec.enrolments.iter().map(|e| e.id).collect::<Vec<_>>(),
        vec![ea],
        "her own enrolment only"
    );
    assert!(!rec.may_manage && !rec.may_record && !rec.may_read_progress);
    assert!(matches!(
        store.course_get(&amir, other).await,
        Err(StoreError::NotFound)
    ));
    let week = store
        .course_sessions_for_participant(
            &amir,
            a,
            NaiveDate::from_ymd_opt(2030, 3, 4).unwrap(),
            NaiveDate::from_ymd_opt(2030, 3, 10).unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(week.len(), 1);
    assert_eq!(week[0].course_name, "Yrkessvenska sfi");
    assert_eq!(week[0].start_time.to_string(), "09:00:00");
    assert!(matches!(
        store
            .course_sessions_for_participant(
                &amir,
                b,
                NaiveDate::from_ymd_opt(2030, 3, 4).unwrap(),
                NaiveDate::from_ymd_opt(2030, 3, 10).unwrap(),
            )
            .await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        store
            .enrolments_for_participant(&amir, a)
            .await
            .unwrap()
            .len(),
        1
    );

    // A supervisor sees her intern's course schedule, and no one's enrolment.
    let e = store
        .employer_create(
            &s,
            &valid_employer(&{
                let mut d = employer_draft("Vårdhemmet AB", &orgnr(1), "private");
                d.supervisors = vec![SupervisorDraft {
                    id: Default::default(),
                    name: "Omar Said".into(),
                    ..Default::default()
                }];
                d
            }),
        )
        .await
        .unwrap();
    let pl = store
        .placement_create(
            &s,
            &valid_placement(&placement_draft(
                e,
                "Vårdbiträde",
                PlacementStatus::Published,
            )),
        )
        .await
        .unwrap();
    let sup_id = store.supervisors_of(&s, e).await.unwrap()[0].id;
    place(&store, &coord, a, pl, Some(sup_id), today(), today()).await;
    let sup = user(&store, "omar@example.se", Role::Supervisor, &[], Some(e)).await;
    store.supervisor_link_user(&s, sup_id, sup).await.unwrap();
    let sv = actor(&store, sup).await;
    let rec = store.course_get(&sv, c).await.unwrap();
    assert!(rec.enrolments.is_empty());
    assert_eq!(rec.sessions.len(), 2);
    assert!(matches!(
        store.course_get(&sv, other).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        store
            .course_sessions_for_participant(
                &sv,
                a,
                NaiveDate::from_ymd_opt(2030, 3, 1).unwrap(),
                NaiveDate::from_ymd_opt(2030, 3, 31).unwrap(),
            )
            .await
            .unwrap()
            .len(),
        2
    );
    assert!(
        store
            .course_sessions_for_participant(
                &sv,
                b,
                NaiveDate::from_ymd_opt(2030, 3, 1).unwrap(),
                NaiveDate::from_ymd_opt(2030, 3, 31).unwrap(),
            )
            .await
            .is_err()
    );
    assert!(matches!(
        store.course_session_sheet(&sv, c, rec.sessions[0].id).await,
        Err(StoreError::Forbidden)
    ));
}

async fn a_required_preparatory_course_blocks_the_move_until_completed(store: Store) {
    let Setup { t, coord, .. } = setup(&store).await;
    let mut d = draft(t.programme, "Dana", "Profilsson");
    d.swedish_level = "B1".into();
    d.languages = vec![LanguageSkill {
        language: "arabiska".into(),
        level: "C2".into(),
    }];
    d.education_level = "upper_secondary".into();
    let p = add(&store, &coord, &d).await;
    let j = store.journey(&coord, p).await.unwrap();
    let preparing = j
        .map
        .stages
        .iter()
        .find(|s| s.key == "preparing")
        .unwrap()
        .id;
    // Not in the default map: selectable when the map is edited.
    assert!(
        j.map
            .stages
            .iter()
            .flat_map(|s| &s.checkpoints)
            .all(|c| c.kind != brygga_domain::journey::CheckpointKind::PreparatoryCourseCompleted)
    );
    store
        .process_edit(
            &sys(),
            t.programme,
            &ProcessEdit::AddCheckpoint {
                stage_id: preparing,
                kind: "preparatory_course_completed".into(),
                label_sv: String::new(),
                label_en: String::new(),
            },
        )
        .await
        .unwrap();
    let blocked = store.journey_move(&coord, p, preparing, "").await;
    match blocked {
        Err(StoreError::Invalid(e)) => assert!(
            e.0.iter()
                .any(|e| e.key == "journey-blocked-preparatory_course_completed"),
            "{e}"
        ),
        other => panic!("expected the move to be blocked: {other:?}"),
    }
    // Enrolled in an SFI course and in the preparatory course: still blocked until the
    // preparatory one is completed.
    let sfi = store
        .course_create(&coord, &course_input(t.programme, "sfi", 5, &[]))
        .await
        .unwrap();
    let prep = store
        .course_create(&coord, &course_input(t.programme, "preparatory", 5, &[]))
        .await
        .unwrap();
    let es = store.course_enrol(&coord, sfi, p).await.unwrap();
    store
        .course_enrolment_status(&coord, sfi, es, 1, EnrolmentStatus::Completed)
        .await
        .unwrap();
    let ep = store.course_enrol(&coord, prep, p).await.unwrap();
    assert!(store.journey_move(&coord, p, preparing, "").await.is_err());
    store
        .course_enrolment_status(&coord, prep, ep, 1, EnrolmentStatus::Completed)
        .await
        .unwrap();
    store.journey_move(&coord, p, preparing, "").await.unwrap();
}
