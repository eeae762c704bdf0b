//! Web stories: a coordinator sets up a course with its teacher, sessions and enrolments; the
//! teacher marks attendance on its own course only and sees the enrolled names, nothing more;
//! the participant sees her own course.

use super::*;

both!(
    app:
    a_coordinator_sets_up_a_course_and_bad_input_is_refused_beside_the_field,
    the_teacher_records_attendance_and_sees_names_only,
);

fn course_fields(programme: i32, teacher: i32, start: &str, end: &str) -> Vec<(String, String)> {
    [
        ("create_key", "kurs-1".to_string()),
        ("programme_id", programme.to_string()),
        ("course_kind", "vocational_swedish".to_string()),
        ("name", "Yrkessvenska för vården".to_string()),
        ("location", "Folkuniversitetet, Kungsgatan 2".to_string()),
        ("course_start", start.to_string()),
        ("course_end", end.to_string()),
        ("course_capacity", "2".to_string()),
        ("teacher_ids", teacher.to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

async fn post_on(
    v: &Visitor,
    page: &str,
    action: &str,
    fields: &[(String, String)],
) -> reqwest::Response {
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    v.submit(page, action, &borrowed).await
}

/// A course made through the form by the demo coordinator, taught by the demo teacher.
async fn course_by_form(app: &TestApp, k: &Visitor) -> i32 {
    let programme = app.programme_of(Role::Coordinator).await;
    let teacher = app.actor(Role::EducationProvider).await.user_id().unwrap();
    let fields = course_fields(programme, teacher, "2030-03-04", "2030-03-15");
    let res = post_on(k, "/courses/new", "/courses", &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // The same form sent twice (a double click) makes one course.
    let again = post_on(k, "/courses/new", "/courses", &fields).await;
    assert_eq!(location(&again), location(&res));
    id_from_location(&res)
}

async fn a_coordinator_sets_up_a_course_and_bad_input_is_refused_beside_the_field(app: &TestApp) {
    let k = app.logged_in(Role::Coordinator).await;
    let programme = app.programme_of(Role::Coordinator).await;
    let teacher = app.actor(Role::EducationProvider).await.user_id().unwrap();

    // An end before the start: refused beside the end, everything typed kept.
    let mut wrong = course_fields(programme, teacher, "2030-03-15", "2030-03-04");
    wrong[0].1 = "kurs-fel".into();
    let res = post_on(&k, "/courses/new", "/courses", &wrong).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let error = html::element_by_id(&page, "error-course_end").expect("error at the end");
    assert!(html::shows(&error, "Slutdatumet"), "{error}");
    assert_eq!(
        html::input_value(&page, "name").as_deref(),
        Some("Yrkessvenska för vården")
    );
    assert_eq!(
        html::checked(&page, "teacher_ids"),
        vec![teacher.to_string()]
    );

    let c = course_by_form(app, &k).await;
    let path = format!("/courses/{c}");
    let page = k.page(&path).await;
    assert!(
        html::shows(&page, "Ulla Utbildarsdotter"),
        "the teacher: {page}"
    );
    assert!(html::shows(&page, "Yrkessvenska"));

    // Sessions: one, then one that overlaps it, refused beside the start.
    let session = |date: &str, start: &str, end: &str| {
        vec![
            ("session_date".to_string(), date.to_string()),
            ("session_start".to_string(), start.to_string()),
            ("session_end".to_string(), end.to_string()),
            ("session_topic".to_string(), "Ord i vården".to_string()),
        ]
    };
    let res = post_on(
        &k,
        &path,
        &format!("{path}/sessions"),
        &session("2030-03-05", "09:00", "12:00"),
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = post_on(
        &k,
        &path,
        &format!("{path}/sessions"),
        &session("2030-03-05", "11:30", "13:00"),
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let error = html::element_by_id(&page, "error-session_start").expect("error at the start");
    assert!(html::shows(&error, "krockar"), "{error}");
    assert_eq!(
        html::input_value(&page, "session_start").as_deref(),
        Some("11:30")
    );
    let res = post_on(
        &k,
        &path,
        &format!("{path}/sessions"),
        &session("2030-04-01", "09:00", "10:00"),
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::shows(
        &res.text().await.unwrap(),
        "utanför kursens period"
    ));

    // Enrolments: two places; the third is refused, and so is the same person twice.
    let people = app.participant_ids_for(Role::Coordinator).await;
    let enrol = |p: i32| vec![("participant_id".to_string(), p.to_string())];
    for p in &people[..2] {
        let res = post_on(&k, &path, &format!("{path}/enrolments"), &enrol(*p)).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let res = post_on(&k, &path, &format!("{path}/enrolments"), &enrol(people[0])).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::shows(&res.text().await.unwrap(), "redan inskriven"));
    let res = post_on(&k, &path, &format!("{path}/enrolments"), &enrol(people[2])).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(html::shows(&page, "Kursen är full"), "{page}");

    // The participant's page lists the course for the coordinator.
    let page = k.page(&format!("/participants/{}", people[0])).await;
    assert!(page.contains(&format!("href=\"{path}\"")), "{page}");

    // A stale edit is a conflict, not an overwrite.
    let edit = k.page(&format!("{path}/edit")).await;
    let mut fields = html::form_fields(&edit, &path);
    fields.retain(|(n, _)| n != "csrf");
    let fields = replace(&fields, "name", "Vårdsvenska");
    let res = post_on(&k, &format!("{path}/edit"), &path, &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = post_on(&k, &format!("{path}/edit"), &path, &fields).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
}

async fn the_teacher_records_attendance_and_sees_names_only(app: &TestApp) {
    let k = app.logged_in(Role::Coordinator).await;
    let c = course_by_form(app, &k).await;
    let path = format!("/courses/{c}");
    let coordinator = app.actor(Role::Coordinator).await;
    let amir = app.actor(Role::Participant).await.participant_id().unwrap();
    let other = app
        .participant_ids_for(Role::Coordinator)
        .await
        .into_iter()
        .find(|p| *p != amir)
        .unwrap();
    let e_amir = app.store.course_enrol(&coordinator, c, amir).await.unwrap();
    app.store
        .course_enrol(&coordinator, c, other)
        .await
        .unwrap();
    let programme = app.programme_of(Role::Coordinator).await;
    let period = (
        chrono::NaiveDate::from_ymd_opt(2030, 3, 4).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2030, 3, 15).unwrap(),
    );
    let s = brygga_domain::course::SessionDraft {
        session_date: "2030-03-05".into(),
        session_start: "09:00".into(),
        session_end: "12:00".into(),
        session_topic: "Ord i vården".into(),
    }
    .validate(period)
    .unwrap();
    let session = app
        .store
        .course_session_add(&coordinator, c, &s)
        .await
        .unwrap();
    // A course taught by no one the teacher knows.
    let theirs = app
        .store
        .course_create(
            &coordinator,
            &brygga_domain::course::CourseDraft {
                programme_id: programme.to_string(),
                course_kind: "sfi".into(),
                name: "SFI kurs D".into(),
                course_start: "2030-03-04".into(),
                course_end: "2030-03-15".into(),
                course_capacity: "10".into(),
                ..Default::default()
            }
            .validate()
            .unwrap(),
        )
        .await
        .unwrap();
    let their_session = app
        .store
        .course_session_add(&coordinator, theirs, &s)
        .await
        .unwrap();

    let secret = app
        .store
        .participant_get(&Actor::system_for("test"), amir)
        .await
        .unwrap();
    let mut hidden: Vec<String> = vec![secret.email.clone(), secret.phone.clone()];
    hidden.extend(secret.personnummer.clone());
    hidden.retain(|s| !s.is_empty());
    assert!(
        !hidden.is_empty(),
        "the demo participant has contact details"
    );

    let teacher = app.logged_in(Role::EducationProvider).await;
    let list = teacher.page("/courses").await;
    assert!(list.contains(&format!("href=\"{path}\"")));
    assert!(!list.contains(&format!("href=\"/courses/{theirs}\"")));
    let page = teacher.page(&path).await;
    assert!(html::shows(
        &page,
        &format!("{} {}", secret.first_name, secret.last_name)
    ));
    for s in &hidden {
        assert!(
            !page.contains(s.as_str()),
            "{s} on the teacher's course page"
        );
    }
    assert!(
        !page.contains(&format!("href=\"/participants/{amir}\"")),
        "no link to the record"
    );
    assert_eq!(
        teacher.get(&format!("/participants/{amir}")).await.status(),
        StatusCode::FORBIDDEN
    );
    // Her schedule, though: her name and her week, nothing else of her record.
    let schedule = format!("/participants/{amir}/schedule");
    assert!(page.contains(&format!("href=\"{schedule}\"")));
    let week = teacher.page(&schedule).await;
    assert!(html::shows(
        &week,
        &format!("{} {}", secret.first_name, secret.last_name)
    ));
    for s in &hidden {
        assert!(!week.contains(s.as_str()), "{s} on the teacher's view");
    }
    assert!(!week.contains(&format!("href=\"/participants/{amir}\"")));
    assert!(
        !week.contains(&format!("action=\"{schedule}/entries\"")),
        "the teacher writes no schedule"
    );
    assert!(
        !page.contains(&format!("action=\"{path}/enrolments\"")),
        "the teacher enrols no one"
    );

    // Attendance on the phone-sized grid; sent twice it is still one mark.
    let sheet = format!("{path}/sessions/{session}");
    let mark = vec![(format!("mark-{e_amir}"), "absent".to_string())];
    for _ in 0..2 {
        let res = post_on(&teacher, &sheet, &sheet, &mark).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let page = teacher.page(&sheet).await;
    assert_eq!(
        html::checked(&page, &format!("mark-{e_amir}")),
        vec!["absent".to_string()]
    );
    let bad = vec![(format!("mark-{e_amir}"), "sjuk".to_string())];
    let res = post_on(&teacher, &sheet, &sheet, &bad).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Another provider's course: not found, to read or to mark.
    assert_eq!(
        teacher.get(&format!("/courses/{theirs}")).await.status(),
        StatusCode::NOT_FOUND
    );
    let csrf = csrf_of(&teacher.page(&sheet).await);
    let res = teacher
        .post(
            &format!("/courses/{theirs}/sessions/{their_session}"),
            &[
                ("csrf".to_string(), csrf),
                (format!("mark-{e_amir}"), "present".to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // The API says the same, with names only.
    let token = app.token(Role::EducationProvider).await;
    let api = |p: String| {
        teacher
            .client
            .get(format!("{}/api/v1{p}", teacher.base))
            .bearer_auth(&token)
            .send()
    };
    let res = api(format!("/courses/{c}")).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body = res.text().await.unwrap();
    assert!(body.contains(&secret.first_name));
    for s in &hidden {
        assert!(!body.contains(s.as_str()), "{s} in the API's course");
    }
    let res = api(format!("/courses/{c}/sessions/{session}/attendance"))
        .await
        .unwrap();
    let sheet_json: Value = res.json().await.unwrap();
    assert_eq!(sheet_json["rows"].as_array().unwrap().len(), 2);
    assert_eq!(
        api(format!("/courses/{theirs}")).await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    let res = teacher
        .client
        .put(format!(
            "{}/api/v1/courses/{theirs}/sessions/{their_session}/attendance",
            teacher.base
        ))
        .bearer_auth(&token)
        .json(&json!({"marks": [{"enrolment_id": e_amir, "mark": "present"}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = teacher
        .client
        .post(format!(
            "{}/api/v1/courses/{c}/enrolments/{e_amir}/notes",
            teacher.base
        ))
        .bearer_auth(&token)
        .json(&json!({"note_date": "2026-01-02", "note": "Bra uttal."}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);

    // The participant sees her own course, and not who else is in it.
    let p = app.logged_in(Role::Participant).await;
    let list = p.page("/courses").await;
    assert!(list.contains(&format!("href=\"{path}\"")));
    assert!(!list.contains(&format!("href=\"/courses/{theirs}\"")));
    let page = p.page(&path).await;
    let them = app
        .store
        .participant_get(&Actor::system_for("test"), other)
        .await
        .unwrap();
    assert!(!html::shows(
        &page,
        &format!("{} {}", them.first_name, them.last_name)
    ));
    assert!(
        !page.contains("Bra uttal."),
        "no progress notes for the participant"
    );
    assert_eq!(p.get(&sheet).await.status(), StatusCode::FORBIDDEN);
}
