//! Store cases: events. The programme's coordinator arranges them; a supervisor sees the events
//! she is invited to or registered for, an employer's contact the fairs her employer takes part
//! in (and only her employer's meetings), everyone the public ones; another programme's
//! coordinator and the evaluator see nothing. Registrations beyond the capacity wait and move up
//! when a place frees; attendance at both half-days of a supervisor training makes the
//! supervisor trained; the staff register counts by level and gender.

use super::internship::{People, people, world};
use super::*;
use brygga_domain::course::AttendanceMark;
use brygga_domain::event::{
    BUILTIN_KINDS, EventDraft, EventSessionDraft, PersonDraft, PublicRegistrationDraft,
    RegistrationStatus,
};
use brygga_domain::indicator::{Indicator, Split};
use brygga_store::event::{EventLetter, Who};

both!(store: events_are_seen_and_changed_by_their_people_only);

fn quiet(_: &EventLetter) -> Option<brygga_store::jobs::OutgoingEmail> {
    None
}

fn event(
    programme: i32,
    kind: &str,
    capacity: u32,
    public: bool,
) -> brygga_domain::event::EventInput {
    let kinds: Vec<String> = BUILTIN_KINDS.iter().map(|k| k.to_string()).collect();
    EventDraft {
        programme_id: programme.to_string(),
        kind: kind.into(),
        title: format!("{kind} test"),
        description: String::new(),
        capacity: capacity.to_string(),
        audience: vec!["supervisors".into(), "participants".into()],
        public,
        slot_minutes: "15".into(),
        meetings_per_candidate: "2".into(),
    }
    .validate(&kinds)
    .unwrap()
}

fn session(
    day: chrono::NaiveDate,
    from: &str,
    to: &str,
) -> brygga_domain::event::EventSessionInput {
    EventSessionDraft {
        session_date: day.to_string(),
        session_start: from.into(),
        session_end: to.into(),
        place: "Stadshuset".into(),
        link: String::new(),
    }
    .validate()
    .unwrap()
}

fn refused<T: std::fmt::Debug>(r: Result<T, StoreError>, what: &str) {
    assert!(
        matches!(r, Err(StoreError::NotFound | StoreError::Forbidden)),
        "{what}: expected a refusal, got {r:?}"
    );
}

async fn events_are_seen_and_changed_by_their_people_only(store: Store) {
    let w = world(&store).await;
    let c = &w.coordinator;
    let People {
        supervisor,
        other_supervisor,
        contact,
        other_contact,
        me,
        manager,
        other_coordinator,
        evaluator,
        ..
    } = people(&store, &w).await;
    let soon = chrono::Utc::now().date_naive() + chrono::Duration::days(10);

    // A supervisor training, not public, two half-days, one place.
    let training = store
        .event_create(c, &event(w.t.programme, "supervisor_training", 1, false))
        .await
        .unwrap();
    // Another programme's coordinator cannot choose this programme.
    assert!(matches!(
        store
            .event_create(
                &other_coordinator,
                &event(w.t.programme, "network", 1, false)
            )
            .await,
        Err(StoreError::Invalid(_))
    ));
    refused(
        store
            .event_create(&supervisor, &event(w.t.programme, "network", 1, false))
            .await,
        "a supervisor creates",
    );
    let halves = [
        store
            .event_session_add(c, training, &session(soon, "08:30", "12:00"))
            .await
            .unwrap(),
        store
            .event_session_add(
                c,
                training,
                &session(soon + chrono::Duration::days(7), "08:30", "12:00"),
            )
            .await
            .unwrap(),
    ];
    // Nobody but the programme's staff sees it before an invitation.
    for (who, a) in [
        ("supervisor", &supervisor),
        ("contact", &contact),
        ("participant", &me),
        ("other coordinator", &other_coordinator),
        ("evaluator", &evaluator),
    ] {
        refused(store.event_get(a, training).await, who);
    }
    assert!(
        store
            .event_get(&manager, training)
            .await
            .unwrap()
            .may_manage
    );
    assert!(
        store
            .event_list(&supervisor, 1)
            .await
            .unwrap()
            .items
            .is_empty()
    );
    refused(store.event_list(&evaluator, 1).await, "the evaluator lists");

    // Invited, the supervisor sees it and registers herself; the other supervisor does not.
    store
        .event_invite(c, training, &[format!("s-{}", w.supervisor)], &quiet)
        .await
        .unwrap();
    let seen = store.event_get(&supervisor, training).await.unwrap();
    assert!(seen.may_register_self && !seen.may_manage && seen.registrations.is_empty());
    refused(
        store.event_get(&other_supervisor, training).await,
        "not invited",
    );
    refused(
        store
            .event_register_self(&other_supervisor, training, &quiet)
            .await,
        "registers uninvited",
    );
    let mine = store
        .event_register_self(&supervisor, training, &quiet)
        .await
        .unwrap();
    assert_eq!(mine.status, RegistrationStatus::Registered);
    // The one place is taken: the next waits.
    let next = store
        .event_register(c, training, Who::Supervisor(w.other_supervisor), &quiet)
        .await
        .unwrap();
    assert_eq!(next.status, RegistrationStatus::Waitlisted);
    // Nobody marks attendance but the staff, and only for those holding a place.
    refused(
        store
            .event_attendance_record(
                &supervisor,
                training,
                halves[0],
                &[(mine.id, AttendanceMark::Present)],
            )
            .await,
        "the supervisor marks herself",
    );
    assert!(matches!(
        store
            .event_attendance_record(
                c,
                training,
                halves[0],
                &[(next.id, AttendanceMark::Present)]
            )
            .await,
        Err(StoreError::Invalid(_))
    ));
    for h in halves {
        store
            .event_attendance_record(c, training, h, &[(mine.id, AttendanceMark::Present)])
            .await
            .unwrap();
    }
    let trained = store.supervisors_of(&sys(), w.e1).await.unwrap()[0].training_status;
    assert_eq!(trained.as_str(), "trained");
    // Another's registration cannot be cancelled by the supervisor; her own can.
    let other_reg = store.event_get(c, training).await.unwrap().registrations[1].clone();
    refused(
        store
            .event_cancel(
                &supervisor,
                training,
                other_reg.id,
                other_reg.version,
                &quiet,
            )
            .await,
        "cancels another's",
    );
    let own = store
        .event_get(&supervisor, training)
        .await
        .unwrap()
        .own
        .unwrap();
    store
        .event_cancel(&supervisor, training, own.id, own.version, &quiet)
        .await
        .unwrap();
    // Her place goes to the waiting one; attendance once given stays, so she stays trained.
    let after = store.event_get(c, training).await.unwrap();
    assert_eq!(
        after.registrations[1].status,
        RegistrationStatus::Registered
    );
    let still = store.supervisors_of(&sys(), w.e1).await.unwrap()[0].training_status;
    assert_eq!(still.as_str(), "trained");

    // A public matching fair: everyone logged in may see it, the public may register.
    let fair = store
        .event_create(c, &event(w.t.programme, "matching_fair", 10, true))
        .await
        .unwrap();
    store
        .event_session_add(c, fair, &session(soon, "13:00", "15:00"))
        .await
        .unwrap();
    assert!(store.event_get(&other_supervisor, fair).await.is_ok());
    let public = store.events_public().await.unwrap();
    assert!(public.iter().any(|e| e.id == fair) && !public.iter().any(|e| e.id == training));
    refused(
        store.event_public_get(training).await,
        "a closed event on the portal",
    );
    let portal = PublicRegistrationDraft {
        name: "Samira".into(),
        email: "samira@example.org".into(),
        phone: String::new(),
        consent: true,
    }
    .validate()
    .unwrap();
    store
        .event_register_public(fair, &portal, "10.0.0.1", chrono::Utc::now(), &quiet)
        .await
        .unwrap()
        .unwrap();
    // The same address twice is one registration.
    assert!(matches!(
        store
            .event_register_public(fair, &portal, "10.0.0.1", chrono::Utc::now(), &quiet)
            .await,
        Err(StoreError::Invalid(_))
    ));
    // The employer at the fair: her contact reads it (and only her employer's meetings); the
    // other employer's contact adds nothing for this one.
    store.fair_employer_add(c, fair, w.e1, 2).await.unwrap();
    refused(
        store.fair_employer_add(&other_contact, fair, w.e1, 1).await,
        "adds another employer",
    );
    store
        .fair_employer_add(&other_contact, fair, w.e2, 1)
        .await
        .unwrap();
    let e = store.event_get(&contact, fair).await.unwrap();
    assert_eq!(e.own_employer, Some(w.e1));
    assert!(
        e.registrations.is_empty(),
        "no registration list for the employer"
    );
    refused(
        store.fair_input(&contact, fair).await,
        "the employer generates",
    );
    let fairs = store.fair_input(c, fair).await.unwrap();
    assert_eq!(fairs.employers.len(), 2);
    assert_eq!(fairs.employers[1].first_table, 3, "tables numbered on");
    assert_eq!(fairs.slots, 8);

    // The day-before reminder goes to those holding a place, once however often it runs.
    let mail = |l: &EventLetter| {
        Some(brygga_store::jobs::OutgoingEmail {
            to: vec![l.email.clone()],
            subject: format!("reminder {}", l.reminder),
            text: String::new(),
            attachments: vec![],
        })
    };
    let from = soon.and_hms_opt(0, 0, 0).unwrap().and_utc();
    let to = from + chrono::Duration::days(1);
    let first = store.event_reminders_queue(from, to, &mail).await.unwrap();
    assert!(first >= 1, "{first}");
    assert_eq!(
        store.event_reminders_queue(from, to, &mail).await.unwrap(),
        0
    );

    // The staff register: counted by level and gender, for the programme's staff only.
    let person = store
        .event_person_create(
            c,
            w.t.programme,
            &PersonDraft {
                name: "Lena Ledning".into(),
                email: "lena@kommun.example".into(),
                organisation: "Kommunen".into(),
                role_level: "management".into(),
                gender: "female".into(),
            }
            .validate()
            .unwrap(),
        )
        .await
        .unwrap();
    let network = store
        .event_create(c, &event(w.t.programme, "network", 5, false))
        .await
        .unwrap();
    let half = store
        .event_session_add(c, network, &session(soon, "08:30", "12:00"))
        .await
        .unwrap();
    let r = store
        .event_register(c, network, Who::Person(person), &quiet)
        .await
        .unwrap();
    let trained = |rows: Vec<(Indicator, Split)>| {
        rows.into_iter()
            .find(|r| r.0 == Indicator::StaffTrained)
            .unwrap()
            .1
    };
    let today = chrono::Utc::now().date_naive();
    let before = trained(store.indicators(c, w.t.programme, today).await.unwrap());
    store
        .event_attendance_record(c, network, half, &[(r.id, AttendanceMark::Present)])
        .await
        .unwrap();
    // Present at a session: she counts among the programme's trained staff, by gender alone.
    let after = trained(store.indicators(c, w.t.programme, today).await.unwrap());
    assert_eq!(
        (after.total, after.women, after.men),
        (before.total + 1, before.women + 1, before.men)
    );
    assert!(after.by_age.is_empty());
    let reg = store.staff_register(c).await.unwrap();
    let lena = reg.people.iter().find(|p| p.id == person).unwrap();
    assert_eq!((lena.trainings, lena.hours), (1, 3.5));
    let mgmt = reg.by_level.iter().find(|t| t.key == "management").unwrap();
    assert_eq!((mgmt.women, mgmt.men, mgmt.other), (1, 0, 0));
    assert!(
        store
            .staff_register(&other_coordinator)
            .await
            .unwrap()
            .people
            .is_empty()
    );
    refused(
        store.staff_register(&supervisor).await,
        "a supervisor reads the register",
    );
    refused(
        store.event_person_get(&other_coordinator, person).await,
        "another programme's person",
    );
}
