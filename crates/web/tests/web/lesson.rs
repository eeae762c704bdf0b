//! Web stories: the programme's log of lessons and challenges. The coordinator reads the demo's
//! entries, adds one (a bad one keeps what she typed, with the errors beside the fields),
//! changes one (a stale change is a conflict); the API does the same; other roles are refused.

use super::*;

both!(
    app:
    the_coordinator_keeps_the_log_of_lessons_and_challenges,
    the_api_keeps_the_log_under_the_same_rules,
);

async fn the_coordinator_keeps_the_log_of_lessons_and_challenges(app: &TestApp) {
    let coordinator = app.logged_in(Role::Coordinator).await;
    let page = coordinator.page("/lessons").await;
    assert!(html::shows(&page, "Lärdomar och utmaningar"), "{page}");
    assert!(html::shows(&page, "semesterperioden"), "{page}");
    assert!(page.contains("href=\"/lessons\""), "in the menu");
    let programme = app.programme_of(Role::Coordinator).await.to_string();

    // A bad entry: a date ahead, no text; what she typed stays.
    let ahead = (brygga_app::today() + chrono::Duration::days(2)).to_string();
    let res = coordinator
        .submit(
            "/lessons",
            "/lessons",
            &[
                ("programme_id", &programme),
                ("kind", "challenge"),
                ("noted_on", &ahead),
                ("text", " "),
                ("action", "Ring <b>arbetsgivarna</b>"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(
        html::element_by_id(&body, "error-new-noted_on").is_some(),
        "{body}"
    );
    assert!(
        html::element_by_id(&body, "error-new-text").is_some(),
        "{body}"
    );
    assert!(
        body.contains("Ring &#60;b&#62;arbetsgivarna&#60;/b&#62;")
            || body.contains("Ring &lt;b&gt;arbetsgivarna&lt;/b&gt;"),
        "kept, escaped: {body}"
    );

    let today = brygga_app::today().to_string();
    let res = coordinator
        .submit(
            "/lessons",
            "/lessons",
            &[
                ("programme_id", &programme),
                ("kind", "lesson"),
                ("noted_on", &today),
                (
                    "text",
                    "Studiebesök före praktiken <script>x</script> gav trygghet",
                ),
                ("action", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = coordinator.page("/lessons").await;
    assert!(html::shows(
        &page,
        "Studiebesök före praktiken <script>x</script> gav trygghet"
    ));
    assert!(!page.contains("<script>x"));
    let entry = app
        .store
        .lessons(&app.actor(Role::Coordinator).await, None)
        .await
        .unwrap()
        .into_iter()
        .find(|l| l.text.starts_with("Studiebesök"))
        .unwrap();

    // Changed at the version read; a stale change is a conflict, said on the page.
    let path = format!("/lessons/{}", entry.id);
    let fields = |version: &str, text: &str| {
        vec![
            ("programme_id".to_string(), programme.clone()),
            ("kind".to_string(), "lesson".to_string()),
            ("noted_on".to_string(), today.clone()),
            ("text".to_string(), text.to_string()),
            ("action".to_string(), "Fler studiebesök".to_string()),
            ("version".to_string(), version.to_string()),
        ]
    };
    let csrf = csrf_of(&coordinator.page("/lessons").await);
    let mut ok = fields("1", "Studiebesök före praktiken gav trygghet");
    ok.push(("csrf".into(), csrf.clone()));
    let res = coordinator.post(&path, &ok).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let mut stale = fields("1", "En äldre version");
    stale.push(("csrf".into(), csrf));
    let res = coordinator.post(&path, &stale).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(
        res.text().await.unwrap().contains("En äldre version"),
        "kept"
    );

    // Others: the programme manager reads it; a supervisor, a participant and the evaluator
    // are refused.
    let manager = app.logged_in(Role::ProgrammeManager).await;
    assert!(html::shows(
        &manager.page("/lessons").await,
        "Fler studiebesök"
    ));
    for role in [Role::Supervisor, Role::Participant, Role::Evaluator] {
        let v = app.logged_in(role).await;
        assert_eq!(
            v.get("/lessons").await.status(),
            StatusCode::FORBIDDEN,
            "{role}"
        );
    }
}

async fn the_api_keeps_the_log_under_the_same_rules(app: &TestApp) {
    let api = Api::new(app);
    let coordinator = app.token(Role::Coordinator).await;
    let programme = app.programme_of(Role::Coordinator).await;
    let today = brygga_app::today().to_string();
    let (status, body) = api.get("/lessons", &coordinator).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["items"].as_array().unwrap().len(), 2);
    let (status, body) = api
        .post(
            "/lessons",
            &coordinator,
            &serde_json::json!({"programme_id": programme.to_string(), "kind": "idea", "noted_on": today, "text": "x"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, body) = api
        .post(
            "/lessons",
            &coordinator,
            &serde_json::json!({"programme_id": programme.to_string(), "kind": "challenge", "noted_on": today, "text": "Långa väntetider på beslut"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["id"].as_i64().unwrap();
    let change = |version: i64| serde_json::json!({"programme_id": programme.to_string(), "kind": "challenge", "noted_on": today, "text": "Långa väntetider", "version": version});
    let (status, _) = api
        .put(&format!("/lessons/{id}"), &coordinator, &change(2))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _) = api
        .put(&format!("/lessons/{id}"), &coordinator, &change(1))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let supervisor = app.token(Role::Supervisor).await;
    let (status, _) = api.get("/lessons", &supervisor).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = api
        .put(&format!("/lessons/{id}"), &supervisor, &change(2))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
