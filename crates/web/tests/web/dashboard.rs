//! Web stories: a programme's dashboard. The coordinator finds the demo programme's indicators
//! as a chart readable without JavaScript and as a table beside it, each split by gender and age
//! group and adding up; the finished cohort shows as certified and left; the evaluator reads the
//! same figures in the API; the participant and the supervisor do not see it.

use super::*;

both!(
    app:
    the_programme_dashboard_counts_by_gender_and_age,
    the_programme_manager_keeps_the_project_and_its_goals,
);

async fn the_programme_dashboard_counts_by_gender_and_age(app: &TestApp) {
    let programme = demo_programme(app).await;
    let coordinator = app.logged_in(Role::Coordinator).await;
    let index = coordinator.page("/dashboard").await;
    let path = format!("/programmes/{programme}/dashboard");
    assert!(index.contains(&path), "{index}");
    let page = coordinator.page(&path).await;
    let chart = html::element_by_id(&page, "chart").unwrap_or_default();
    assert!(chart.starts_with("<svg"), "{chart}");
    assert!(page.contains("<title>Kvinnor: "), "{page}");
    assert!(html::element_by_id(&page, "figures").is_some());
    for label in [
        "Deltagare",
        "Har fått intyg",
        "Arbete eller studier inom fyra veckor",
        "25–54 år",
    ] {
        assert!(html::shows(&page, label), "{label}: {page}");
    }

    let api = Api::new(app);
    let evaluator = app.token(Role::Evaluator).await;
    let (status, body) = api
        .get(&format!("/programmes/{programme}/indicators"), &evaluator)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let rows = body.as_array().unwrap();
    assert_eq!(rows.len(), 7);
    let get = |key: &str| rows.iter().find(|r| r["indicator"] == key).unwrap().clone();
    for r in rows {
        let n = |k: &str| r[k].as_u64().unwrap();
        assert_eq!(n("women") + n("men") + n("other"), n("total"), "{r}");
        let ages: u64 = r["by_age"]
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_u64().unwrap())
            .sum();
        assert_eq!(ages, n("total"), "{r}");
    }
    assert!(get("participants")["total"].as_u64().unwrap() > 10);
    // The finished cohort: both certified, left, and one in studies at four weeks, one at work.
    assert_eq!(get("certified")["total"], 2);
    assert_eq!(get("work_or_studies_week4")["total"], 2);

    for role in [Role::Participant, Role::Supervisor] {
        let v = app.logged_in(role).await;
        assert_eq!(v.get(&path).await.status(), StatusCode::FORBIDDEN, "{role}");
    }
    assert_eq!(
        coordinator
            .get("/programmes/999999/dashboard")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

async fn the_programme_manager_keeps_the_project_and_its_goals(app: &TestApp) {
    let programme = demo_programme(app).await;
    let path = format!("/programmes/{programme}/dashboard");
    let project = format!("/programmes/{programme}/project");
    let goals = format!("/programmes/{programme}/goals");

    // The coordinator reads the project and its goals, planned against actual, without forms.
    let coordinator = app.logged_in(Role::Coordinator).await;
    let page = coordinator.page(&path).await;
    for text in [
        "2025/00417 (fiktivt)",
        "9\u{a0}800\u{a0}000 kr",
        "50 deltagare får validerat kompetensbevis",
        "4 %",
    ] {
        assert!(html::shows(&page, text), "{text}: {page}");
    }
    assert!(!page.contains(&format!("action=\"{project}\"")));

    // The programme manager: bad data refused beside its fields, what she typed kept.
    let manager = app.logged_in(Role::ProgrammeManager).await;
    let page = manager.page(&path).await;
    let version = html::input_value(&page, "version").unwrap();
    let res = manager
        .submit(
            &path,
            &project,
            &[
                ("version", version.as_str()),
                ("project_number", "2025/00417"),
                ("period_start", "2026-01-01"),
                ("period_end", "2025-12-31"),
                ("budget", "1 000"),
                ("co_financing", "5 000"),
                ("planned_women", "många"),
                ("overall_goal", "Mål <script>x</script>"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    for id in [
        "error-period_end",
        "error-co_financing",
        "error-planned_women",
    ] {
        assert!(html::element_by_id(&body, id).is_some(), "{id}: {body}");
    }
    assert_eq!(
        html::textarea(&body, "overall_goal").as_deref(),
        Some("Mål <script>x</script>")
    );
    let good = |v: &str| {
        vec![
            ("version".to_string(), v.to_string()),
            ("project_number".into(), "2025/00417".into()),
            ("budget".into(), "9 900 000".into()),
            ("planned_women".into(), "50".into()),
        ]
    };
    let csrf = csrf_of(&page);
    let with_csrf = |mut f: Vec<(String, String)>| {
        f.push(("csrf".into(), csrf.clone()));
        f
    };
    assert_eq!(
        manager
            .post(&project, &with_csrf(good(&version)))
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    // The same page sent again (a stale version): a conflict.
    assert_eq!(
        manager
            .post(&project, &with_csrf(good(&version)))
            .await
            .status(),
        StatusCode::CONFLICT
    );

    // A goal: a bad target refused; a good one added, then removed.
    let res = manager
        .submit(
            &path,
            &goals,
            &[
                ("text", "Tio i lönebidrag"),
                ("indicator", "left"),
                ("target", "0"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(
        html::element_by_id(&body, "error-target").is_some(),
        "{body}"
    );
    let res = manager
        .submit(
            &path,
            &goals,
            &[
                ("text", "Tio lämnar med intyg"),
                ("indicator", "left"),
                ("target", "10"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let api = Api::new(app);
    let evaluator = app.token(Role::Evaluator).await;
    let (status, body) = api
        .get(&format!("/programmes/{programme}/project"), &evaluator)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["data"]["budget"], 9_900_000);
    let added = body["goals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["text"] == "Tio lämnar med intyg")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    assert_eq!(body["goals"].as_array().unwrap().len(), 5);
    let res = manager
        .submit(&path, &format!("/goals/{added}/delete"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, body) = api
        .get(&format!("/programmes/{programme}/project"), &evaluator)
        .await;
    assert_eq!(body["goals"].as_array().unwrap().len(), 4);

    // Nobody else changes them.
    let (status, _) = api
        .put(
            &format!("/programmes/{programme}/project"),
            &app.token(Role::Coordinator).await,
            &json!({ "version": 2, "project_number": "x" }),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = api
        .post(
            &format!("/programmes/{programme}/goals"),
            &evaluator,
            &json!({ "text": "x", "indicator": "left", "target": "1" }),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
