//! Web stories: events. A coordinator arranges a supervisor training whose attendance makes the
//! supervisors trained, with a waiting list when it is full; invitees register themselves and
//! nobody else sees the event; the public registers for a public event from the portal with
//! consent; a matching fair's timetable is generated for the candidates still looking, sent,
//! changed by hand with clash checks, and the employer marks whom it wants to meet again; the
//! staff register counts who was trained; and the API does the same under the same rules.

use super::*;

both!(
    app:
    a_training_fills_up_waits_and_its_attendance_makes_a_supervisor_trained,
    invitees_register_themselves_and_others_do_not_see_the_event,
    the_public_registers_from_the_portal_only_with_consent,
    a_fair_timetable_is_generated_sent_and_changed_without_clashes,
    the_api_arranges_and_takes_attendance_under_the_same_rules,
);

fn field_error(page: &str, field: &str) -> Option<String> {
    html::element_by_id(page, &format!("error-{field}"))
}

/// A demo supervisor by name, with her id.
async fn supervisor(app: &TestApp, name: &str) -> i32 {
    use sea_orm::ConnectionTrait;
    let db = app.store.connection();
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            format!("SELECT id FROM supervisors WHERE name = '{name}'"),
        ))
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no supervisor {name}"));
    row.try_get_by_index::<i32>(0).unwrap()
}

async fn training_status(app: &TestApp, supervisor_id: i32) -> String {
    use sea_orm::ConnectionTrait;
    let db = app.store.connection();
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            format!("SELECT training_status FROM supervisors WHERE id = {supervisor_id}"),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index::<String>(0).unwrap()
}

/// Create an event through the form; returns its id.
async fn create(
    v: &Visitor,
    programme: i32,
    kind: &str,
    title: &str,
    capacity: &str,
    public: bool,
) -> i32 {
    let p = programme.to_string();
    let mut fields = vec![
        ("programme_id", p.as_str()),
        ("kind", kind),
        ("title", title),
        ("description", "Två halvdagar."),
        ("capacity", capacity),
        ("audience", "supervisors"),
        ("audience", "participants"),
        ("slot_minutes", "15"),
        ("meetings_per_candidate", "3"),
    ];
    if public {
        fields.push(("public", "yes"));
    }
    let html = v.page("/events/new").await;
    let key = html::input_value(&html, "create_key").unwrap();
    fields.push(("create_key", key.as_str()));
    let mut all = vec![("csrf".to_string(), csrf_of(&html))];
    all.extend(fields.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    let res = v.post("/events", &all).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    id_from_location(&res)
}

async fn add_session(v: &Visitor, id: i32, day: &str, from: &str, to: &str) {
    let res = v
        .submit(
            &format!("/events/{id}"),
            &format!("/events/{id}/sessions"),
            &[
                ("session_date", day),
                ("session_start", from),
                ("session_end", to),
                ("place", "Stadshuset"),
                ("link", ""),
            ],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "{}",
        res.text().await.unwrap()
    );
}

async fn a_training_fills_up_waits_and_its_attendance_makes_a_supervisor_trained(app: &TestApp) {
    let k = app.logged_in(Role::Coordinator).await;
    let programme = app.programme_of(Role::Coordinator).await;

    // A form with no audience and no title is refused beside each field; nothing typed is lost.
    let html = k.page("/events/new").await;
    let key = html::input_value(&html, "create_key").unwrap();
    let res = k
        .post(
            "/events",
            &[
                ("csrf".into(), csrf_of(&html)),
                ("create_key".into(), key),
                ("programme_id".into(), programme.to_string()),
                ("kind".into(), "supervisor_training".into()),
                ("title".into(), " ".into()),
                (
                    "description".into(),
                    "<script>x</script> beskrivning".into(),
                ),
                ("capacity".into(), "2".into()),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(field_error(&page, "title").is_some(), "{page}");
    assert!(field_error(&page, "audience").is_some(), "{page}");
    assert_eq!(
        html::textarea(&page, "description").as_deref(),
        Some("<script>x</script> beskrivning")
    );
    assert!(!page.contains("<script>x</script>"), "escaped");

    let id = create(
        &k,
        programme,
        "supervisor_training",
        "Handledarutbildning test",
        "2",
        false,
    )
    .await;
    // A session that ends before it starts is refused beside the end, the input kept.
    let res = k
        .submit(
            &format!("/events/{id}"),
            &format!("/events/{id}/sessions"),
            &[
                ("session_date", "2027-03-01"),
                ("session_start", "13:00"),
                ("session_end", "09:00"),
                ("place", "Stadshuset"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        html::shows(
            &field_error(&page, "session_end").unwrap(),
            "efter starttiden"
        ),
        "{page}"
    );
    assert_eq!(
        html::input_value(&page, "session_start").as_deref(),
        Some("13:00")
    );
    add_session(&k, id, "2027-03-01", "08:30", "12:00").await;
    add_session(&k, id, "2027-03-08", "08:30", "12:00").await;

    // Two places; the third registration waits.
    let niklas = supervisor(app, "Niklas Nätverksson").await;
    assert_eq!(training_status(app, niklas).await, "not_started");
    let sten = supervisor(app, "Sten Snickarsson").await;
    let ture = supervisor(app, "Ture Trädgårdsson").await;
    let path = format!("/events/{id}");
    let reg = format!("/events/{id}/registrations");
    for (who, done) in [
        (niklas, "registered"),
        (sten, "registered"),
        (ture, "waitlisted"),
    ] {
        let res = k.submit(&path, &reg, &[("who", &format!("s-{who}"))]).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert!(
            location(&res).ends_with(&format!("done={done}")),
            "{}",
            location(&res)
        );
    }
    assert_eq!(training_status(app, niklas).await, "booked");
    // The same person twice is refused by name.
    let res = k
        .submit(&path, &reg, &[("who", &format!("s-{niklas}"))])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::shows(
        &field_error(&res.text().await.unwrap(), "who").unwrap(),
        "redan anmäld"
    ));
    let page = k.page(&format!("{path}?done=waitlisted")).await;
    assert!(html::shows(&page, "väntelistan"), "{page}");
    assert!(html::shows(
        &html::element_by_id(&page, "places").unwrap(),
        "2 av 2"
    ));

    // Sten cancels; Ture gets his place.
    let rec = app
        .store
        .event_get(&app.actor(Role::Coordinator).await, id)
        .await
        .unwrap();
    let sten_reg = rec
        .registrations
        .iter()
        .find(|r| r.name.starts_with("Sten"))
        .unwrap();
    let res = k
        .submit(
            &path,
            &format!("/events/{id}/registrations/{}/cancel", sten_reg.id),
            &[("version", &sten_reg.version.to_string())],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let rec = app
        .store
        .event_get(&app.actor(Role::Coordinator).await, id)
        .await
        .unwrap();
    let ture_reg = rec
        .registrations
        .iter()
        .find(|r| r.name.starts_with("Ture"))
        .unwrap();
    assert_eq!(ture_reg.status.as_str(), "registered");
    // A stale cancel (the version read before) is a conflict, not a second cancel.
    let res = k
        .submit(
            &path,
            &format!("/events/{id}/registrations/{}/cancel", ture_reg.id),
            &[("version", "1")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);

    // Attendance at the door, on a phone: Niklas at both half-days is trained, Ture at one
    // halfway.
    let niklas_reg = rec
        .registrations
        .iter()
        .find(|r| r.name.starts_with("Niklas"))
        .unwrap()
        .id;
    let sessions: Vec<i32> = rec.sessions.iter().map(|s| s.id).collect();
    // Someone not holding a place cannot be marked.
    let door = format!("/events/{id}/sessions/{}", sessions[0]);
    let res = k
        .submit(
            &door,
            &door,
            &[(&format!("mark-{}", sten_reg.id), "present")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(html::shows(&page, "Bara den som är anmäld"), "{page}");
    for (n, s) in sessions.iter().enumerate() {
        let door = format!("/events/{id}/sessions/{s}");
        let mut marks = vec![(format!("mark-{niklas_reg}"), "present")];
        if n == 0 {
            marks.push((format!("mark-{}", ture_reg.id), "present"));
        } else {
            marks.push((format!("mark-{}", ture_reg.id), "absent"));
        }
        let fields: Vec<(&str, &str)> = marks.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        let res = k.submit(&door, &door, &fields).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert!(html::element_by_id(&k.page(&location(&res)).await, "saved").is_some());
    }
    assert_eq!(training_status(app, niklas).await, "trained");
    assert_eq!(training_status(app, ture).await, "first_half_done");
    // The employer form no longer sets it.
    let page = k.page(&path).await;
    assert!(
        html::shows(&page, "Närvarande"),
        "the marks show on the event"
    );

    // The staff register counts Niklas: one training, seven hours.
    let page = k.page("/events/people").await;
    assert!(html::shows(&page, "Niklas Nätverksson"), "{page}");
    let reg = app
        .store
        .staff_register(&app.actor(Role::Coordinator).await)
        .await
        .unwrap();
    let row = reg
        .people
        .iter()
        .find(|p| p.name == "Niklas Nätverksson")
        .unwrap();
    assert_eq!((row.trainings, row.hours), (1, 7.0));
    assert_eq!(row.role_level.as_str(), "supervisor");
    // The demo training's staff are counted by level and gender.
    let management = reg.by_level.iter().find(|t| t.key == "management").unwrap();
    assert_eq!((management.women, management.men), (1, 0));

    // A person added to the register twice (same e-mail) is refused beside the field.
    for expect in [StatusCode::SEE_OTHER, StatusCode::UNPROCESSABLE_ENTITY] {
        let res = k
            .submit(
                "/events/people",
                "/events/people",
                &[
                    ("programme_id", &programme.to_string()),
                    ("name", "Pia Personalsdotter"),
                    ("email", "pia@kommun.example"),
                    ("organisation", "Exempelbygds kommun"),
                    ("role_level", "manager"),
                    ("gender", "female"),
                ],
            )
            .await;
        assert_eq!(res.status(), expect);
        if expect == StatusCode::UNPROCESSABLE_ENTITY {
            let page = res.text().await.unwrap();
            assert!(field_error(&page, "email").is_some(), "{page}");
            assert_eq!(
                html::input_value(&page, "name").as_deref(),
                Some("Pia Personalsdotter")
            );
        }
    }
}

async fn invitees_register_themselves_and_others_do_not_see_the_event(app: &TestApp) {
    let k = app.logged_in(Role::Coordinator).await;
    let programme = app.programme_of(Role::Coordinator).await;
    let id = create(
        &k,
        programme,
        "network",
        "Nätverksträff för handledare",
        "10",
        false,
    )
    .await;
    let path = format!("/events/{id}");
    // Inviting before there is a session is refused: the invitation needs a time.
    let sup_id = app.actor(Role::Supervisor).await.supervisor_ids()[0];
    let res = k
        .submit(
            &path,
            &format!("{path}/invitations"),
            &[("invitees", &format!("s-{sup_id}"))],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    add_session(
        &k,
        id,
        &(today() + chrono::Duration::days(14)).to_string(),
        "15:00",
        "17:00",
    )
    .await;
    let res = k
        .submit(
            &path,
            &format!("{path}/invitations"),
            &[("invitees", &format!("s-{sup_id}"))],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Invited again: nobody gets a second invitation.
    k.submit(
        &path,
        &format!("{path}/invitations"),
        &[("invitees", &format!("s-{sup_id}"))],
    )
    .await;
    let mails = super::todo::mails_to(app, &app.email(Role::Supervisor)).await;
    let invitations: Vec<&Value> = mails
        .iter()
        .filter(|m| {
            m["subject"]
                .as_str()
                .unwrap()
                .contains("Nätverksträff för handledare")
        })
        .collect();
    assert_eq!(invitations.len(), 1, "{mails:?}");
    let ics = &invitations[0]["attachments"][0];
    assert!(
        ics["content_type"]
            .as_str()
            .unwrap()
            .starts_with("text/calendar")
    );

    // The supervisor finds it among her events and registers herself.
    let sup = app.logged_in(Role::Supervisor).await;
    assert!(html::shows(
        &sup.page("/events").await,
        "Nätverksträff för handledare"
    ));
    let page = sup.page(&path).await;
    assert!(
        page.contains(&format!("action=\"{path}/register\"")),
        "{page}"
    );
    assert!(!page.contains("Anmälda"), "she sees no registration list");
    let res = sup.submit(&path, &format!("{path}/register"), &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = sup.page(&path).await;
    assert!(html::shows(
        &html::element_by_id(&page, "own-status").unwrap(),
        "har plats"
    ));
    // Registering again is refused; she cancels herself.
    let res = sup.submit(&path, &format!("{path}/register"), &[]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let own = app
        .store
        .event_get(&app.actor(Role::Supervisor).await, id)
        .await
        .unwrap()
        .own
        .unwrap();
    let res = sup
        .submit(
            &path,
            &format!("{path}/registrations/{}/cancel", own.id),
            &[("version", &own.version.to_string())],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // Nobody else sees it, nor cancels someone else's registration.
    for role in [Role::EmployerContact, Role::Participant, Role::EsOfficer] {
        let v = app.logged_in(role).await;
        let res = v.get(&path).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{role}");
        assert!(
            !html::shows(&v.page("/events").await, "Nätverksträff för handledare"),
            "{role}"
        );
    }
    let res = app.logged_in(Role::Evaluator).await.get(&path).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Someone else's registration, by id, from the participant's login: hidden.
    let participant = app.logged_in(Role::Participant).await;
    let res = participant
        .submit(
            "/events",
            &format!("{path}/registrations/{}/cancel", own.id),
            &[("version", "2")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

async fn the_public_registers_from_the_portal_only_with_consent(app: &TestApp) {
    let v = app.visitor();
    let list = v.page("/open-events").await;
    assert!(
        html::shows(&list, "Matchningsträff vård, omsorg och service"),
        "{list}"
    );
    let coordinator = app.actor(Role::Coordinator).await;
    let fair = app
        .store
        .event_list(&coordinator, 1)
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|e| e.kind == "matching_fair")
        .unwrap()
        .id;
    let path = format!("/open-events/{fair}");
    let page = v.page(&path).await;
    assert!(html::shows(&page, "13:00–15:00"), "{page}");

    // Without consent: refused beside the box, the name kept (escaped).
    let name = "<b>Samir</b>";
    let res = v
        .submit(
            &path,
            &format!("{path}/register"),
            &[
                ("name", name),
                ("email", "samir@example.org"),
                ("phone", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(field_error(&page, "consent").is_some(), "{page}");
    assert_eq!(html::input_value(&page, "name").as_deref(), Some(name));
    assert!(!page.contains("<b>Samir</b>"));
    let res = v
        .submit(
            &path,
            &format!("{path}/register"),
            &[
                ("name", "Samir Portalsson"),
                ("email", "samir@example.org"),
                ("consent", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let thanks = v.page(&location(&res)).await;
    assert!(html::shows(&thanks, "Du är anmäld"), "{thanks}");
    // The coordinator sees where the registration came from, with the time of consent.
    let rec = app.store.event_get(&coordinator, fair).await.unwrap();
    let r = rec
        .registrations
        .iter()
        .find(|r| r.name == "Samir Portalsson")
        .unwrap();
    assert_eq!(r.source.as_str(), "portal");
    let mails = super::todo::mails_to(app, "samir@example.org").await;
    assert_eq!(mails.len(), 1, "a confirmation: {mails:?}");

    // A robot filling the honeypot is thanked and nothing is stored.
    let res = v
        .submit(
            &path,
            &format!("{path}/register"),
            &[
                ("name", "Bot"),
                ("email", "bot@example.org"),
                ("consent", "yes"),
                ("website", "x"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let rec = app.store.event_get(&coordinator, fair).await.unwrap();
    assert!(!rec.registrations.iter().any(|r| r.name == "Bot"));

    // An event not on the portal is not found there.
    let k = app.logged_in(Role::Coordinator).await;
    let programme = app.programme_of(Role::Coordinator).await;
    let closed = create(&k, programme, "study_visit", "Studiebesök", "5", false).await;
    add_session(
        &k,
        closed,
        &(today() + chrono::Duration::days(5)).to_string(),
        "10:00",
        "11:00",
    )
    .await;
    assert_eq!(
        v.get(&format!("/open-events/{closed}")).await.status(),
        StatusCode::NOT_FOUND
    );
    // An employer's contact brings her employer to a public fair from its page.
    let open_fair = create(
        &k,
        programme,
        "matching_fair",
        "Matchningsträff bygg",
        "20",
        true,
    )
    .await;
    add_session(
        &k,
        open_fair,
        &(today() + chrono::Duration::days(9)).to_string(),
        "13:00",
        "15:00",
    )
    .await;
    let e = app.logged_in(Role::EmployerContact).await;
    let page_path = format!("/events/{open_fair}");
    let join = format!("/events/{open_fair}/employers");
    assert!(
        e.page(&page_path)
            .await
            .contains(&format!("action=\"{join}\""))
    );
    let res = e.submit(&page_path, &join, &[("tables", "många")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(field_error(&res.text().await.unwrap(), "tables").is_some());
    // Whatever employer the form names, it is hers.
    let res = e
        .submit(
            &page_path,
            &join,
            &[("tables", "2"), ("employer_id", "99999")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let contact = app.actor(Role::EmployerContact).await;
    let rec = app.store.event_get(&contact, open_fair).await.unwrap();
    assert_eq!(rec.own_employer, contact.employer_id());
    assert!(
        !e.page(&page_path)
            .await
            .contains(&format!("action=\"{join}\""))
    );
    // A full public event puts the next on the waiting list and says so.
    let small = create(&k, programme, "study_visit", "Studiebesök öppet", "1", true).await;
    add_session(
        &k,
        small,
        &(today() + chrono::Duration::days(5)).to_string(),
        "10:00",
        "11:00",
    )
    .await;
    let p = format!("/open-events/{small}");
    for (n, expect) in [(1, "Du är anmäld"), (2, "väntelistan")] {
        let res = v
            .submit(
                &p,
                &format!("{p}/register"),
                &[
                    ("name", &format!("Person {n}")),
                    ("email", &format!("p{n}@example.org")),
                    ("consent", "yes"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert!(html::shows(&v.page(&location(&res)).await, expect));
    }
}

async fn a_fair_timetable_is_generated_sent_and_changed_without_clashes(app: &TestApp) {
    let coordinator = app.actor(Role::Coordinator).await;
    let fair = app
        .store
        .event_list(&coordinator, 1)
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|e| e.kind == "matching_fair")
        .unwrap()
        .id;
    let k = app.logged_in(Role::Coordinator).await;
    let path = format!("/events/{fair}/timetable");
    let res = k.submit(&path, &path, &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = k.page(&location(&res)).await;
    assert!(html::shows(&page, "Schemat har"), "{page}");
    let rec = app.store.event_get(&coordinator, fair).await.unwrap();
    let t = rec.fair.clone().unwrap();
    assert!(!t.meetings.is_empty(), "meetings were booked");
    // Only candidates still looking and not proposed elsewhere: the demo's proposed candidate
    // (registered by the coordinator) is left out.
    let proposed = app.store.event_get(&coordinator, fair).await.unwrap();
    let proposed_reg = proposed.registrations.iter().find(|r| {
        r.participant_id.is_some() && !t.meetings.iter().any(|m| m.registration_id == r.id)
    });
    assert!(proposed_reg.is_some(), "someone registered is left out");
    // The newcomer who registered from the portal, not in the records yet, still meets
    // employers, at the tables the profiled candidates leave free.
    assert!(
        t.meetings
            .iter()
            .any(|m| m.participant_id.is_none() && m.candidate == "Samira Portalsdotter"),
        "{:?}",
        t.meetings
    );
    // No candidate twice at one time, no table twice at one time, times from 13:00 on.
    for a in &t.meetings {
        for b in &t.meetings {
            if a.id != b.id && a.slot == b.slot {
                assert_ne!(a.registration_id, b.registration_id);
                assert_ne!(a.table, b.table);
            }
        }
    }
    assert!(html::shows(&page, "13:00–13:15"), "{page}");

    // Sent: each candidate with an address gets her personal timetable with a calendar file.
    let res = k.submit(&path, &format!("{path}/send"), &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // A meeting of a profiled candidate that could move: its candidate and table both have a
    // free slot.
    let free_for = |m: &brygga_store::event::FairMeetingView| {
        (0..t.slots).find(|s| {
            !t.meetings.iter().any(|x| {
                x.slot == *s && (x.registration_id == m.registration_id || x.table == m.table)
            })
        })
    };
    let m = t
        .meetings
        .iter()
        .find(|m| m.participant_id.is_some() && free_for(m).is_some())
        .expect("a meeting that can move");
    let mails = super::todo::mails_to(app, &m.candidate_email).await;
    let letter = mails
        .iter()
        .find(|x| x["subject"].as_str().unwrap().starts_with("Ditt schema"))
        .unwrap_or_else(|| panic!("{mails:?}"));
    assert!(letter["text"].as_str().unwrap().contains(&m.employer));
    let ics = base64_decode(letter["attachments"][0]["data_base64"].as_str().unwrap());
    assert!(ics.contains("BEGIN:VEVENT"), "{ics}");

    // A change by hand that double-books the candidate is refused beside the meeting.
    let other = t
        .meetings
        .iter()
        .find(|x| x.registration_id == m.registration_id && x.id != m.id);
    if let Some(other) = other {
        let res = k
            .submit(
                &path,
                &format!("{path}/{}", m.id),
                &[
                    ("slot", &(other.slot + 1).to_string()),
                    ("table", &m.table.to_string()),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = res.text().await.unwrap();
        assert!(html::shows(&page, "redan ett möte den tiden"), "{page}");
        assert_eq!(
            html::input_value(
                &html::element_by_id(&page, &format!("meeting-{}", m.id)).unwrap(),
                "slot"
            )
            .as_deref(),
            Some((other.slot + 1).to_string().as_str())
        );
    }
    // A free slot is fine.
    let free = free_for(m).expect("a free slot");
    let res = k
        .submit(
            &path,
            &format!("{path}/{}", m.id),
            &[
                ("slot", &(free + 1).to_string()),
                ("table", &m.table.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // A table of another employer is refused.
    let foreign = t
        .employers
        .iter()
        .find(|f| f.employer_id != m.employer_id)
        .unwrap()
        .first_table;
    let res = k
        .submit(
            &path,
            &format!("{path}/{}", m.id),
            &[
                ("slot", &(free + 1).to_string()),
                ("table", &foreign.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The employer contact sees her own timetable and marks a candidate to meet again.
    let contact = app.actor(Role::EmployerContact).await;
    let own = app.store.event_get(&contact, fair).await.unwrap();
    let mine: Vec<_> = own.fair.unwrap().meetings;
    assert!(
        mine.iter()
            .all(|x| Some(x.employer_id) == contact.employer_id())
    );
    // The fair fills its tables, so her employer meets candidates even without a place open.
    let x = mine
        .iter()
        .find(|x| x.participant_id.is_some())
        .expect("a meeting at her employer");
    {
        let e = app.logged_in(Role::EmployerContact).await;
        let page = e.page(&path).await;
        assert!(html::shows(&page, &x.candidate), "{page}");
        let res = e
            .submit(
                &path,
                &format!("/events/{fair}/wishes"),
                &[
                    ("participant_id", &x.participant_id.unwrap().to_string()),
                    ("employer_id", &x.employer_id.to_string()),
                    ("wish", "yes"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        // The wish feeds the employer's candidate pools: the coordinator proposes from there.
        let placement = {
            use sea_orm::ConnectionTrait;
            let db = app.store.connection();
            db.query_one_raw(sea_orm::Statement::from_string(
                db.get_database_backend(),
                format!(
                    "SELECT min(id) FROM placements WHERE employer_id = {}",
                    x.employer_id
                ),
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get_by_index::<i32>(0)
            .unwrap()
        };
        let pool = k.page(&format!("/placements/{placement}/pool")).await;
        let wishes = &pool[pool.find("id=\"wishes\"").expect("the wishes")..];
        assert!(html::shows(wishes, &x.candidate), "{wishes}");
        // Not for a candidate she did not meet, and not for another employer.
        let res = e
            .submit(
                &path,
                &format!("/events/{fair}/wishes"),
                &[
                    ("participant_id", &x.participant_id.unwrap().to_string()),
                    (
                        "employer_id",
                        &foreign_employer(&t, x.employer_id).to_string(),
                    ),
                    ("wish", "yes"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
    }
    // A supervisor who is not at the fair has no timetable to see.
    let sup = app.logged_in(Role::Supervisor).await;
    assert_eq!(sup.get(&path).await.status(), StatusCode::NOT_FOUND);
}

fn foreign_employer(t: &brygga_store::event::Fair, own: i32) -> i32 {
    t.employers
        .iter()
        .find(|f| f.employer_id != own)
        .unwrap()
        .employer_id
}

fn base64_decode(s: &str) -> String {
    use base64::Engine as _;
    String::from_utf8(base64::engine::general_purpose::STANDARD.decode(s).unwrap()).unwrap()
}

async fn the_api_arranges_and_takes_attendance_under_the_same_rules(app: &TestApp) {
    let api = Api::new(app);
    let k = app.token(Role::Coordinator).await;
    let programme = app.programme_of(Role::Coordinator).await;
    let (status, body) = api
        .post(
            "/events",
            &k,
            &json!({"programme_id": programme.to_string(), "kind": "introduction", "title": "", "capacity": "5", "audience": ["participants"]}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["errors"][0]["field"], "title");
    let (status, body) = api
        .post(
            "/events",
            &k,
            &json!({"programme_id": programme.to_string(), "kind": "introduction", "title": "Introduktion", "capacity": "5", "audience": ["participants", "supervisors"]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["id"].as_i64().unwrap();
    let (status, body) = api
        .post(
            &format!("/events/{id}/sessions"),
            &k,
            &json!({"session_date": "2027-04-01", "session_start": "10:00", "session_end": "09:00", "place": "Hos arbetsgivaren"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "session_end");
    let (status, body) = api
        .post(
            &format!("/events/{id}/sessions"),
            &k,
            &json!({"session_date": "2027-04-01", "session_start": "09:00", "session_end": "10:00", "place": "Hos arbetsgivaren"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let session = body["id"].as_i64().unwrap();
    let pid = app.actor(Role::Participant).await.participant_id().unwrap();
    let (status, body) = api
        .post(
            &format!("/events/{id}/registrations"),
            &k,
            &json!({"who": format!("p-{pid}")}),
        )
        .await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::CREATED, Some("registered")),
        "{body}"
    );
    let reg = body["id"].as_i64().unwrap();
    let (status, _) = api
        .put(
            &format!("/events/{id}/sessions/{session}/attendance"),
            &k,
            &json!({"marks": [{"registration_id": reg, "mark": "present"}]}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, body) = api
        .put(
            &format!("/events/{id}/sessions/{session}/attendance"),
            &k,
            &json!({"marks": [{"registration_id": reg + 999, "mark": "present"}]}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    // The participant reads her own registration, not the list; the evaluator nothing.
    let me = app.token(Role::Participant).await;
    let (status, body) = api.get(&format!("/events/{id}"), &me).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["event"]["registrations"].as_array().unwrap().len(), 0);
    assert_eq!(body["event"]["own"]["marks"][0][1], "present");
    let (status, _) = api
        .get(&format!("/events/{id}"), &app.token(Role::Evaluator).await)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // The staff register, with a person made through the API.
    let (status, body) = api
        .post(
            "/staff-register",
            &k,
            &json!({"programme_id": programme.to_string(), "name": "Omar Officer", "email": "", "organisation": "Arbetsförmedlingen", "role_level": "officer", "gender": "x"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "gender");
    let (status, body) = api.get("/staff-register", &k).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body["register"]["people"].as_array().unwrap().len() >= 3);
}
