//! Web stories: a programme's dashboard. The coordinator finds the demo programme's indicators
//! as a chart readable without JavaScript and as a table beside it, each split by gender and age
//! group and adding up; the finished cohort shows as certified and left; the evaluator reads the
//! same figures in the API; the participant and the supervisor do not see it.

use super::*;

both!(
    app:
    the_programme_dashboard_counts_by_gender_and_age,
    the_programme_manager_keeps_the_project_and_its_goals,
    the_project_report_is_a_pdf_and_a_workbook,
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
    assert_eq!(rows.len(), 8);
    let get = |key: &str| rows.iter().find(|r| r["indicator"] == key).unwrap().clone();
    // The trained staff are counted by gender alone (their age is not recorded).
    let staff = get("staff_trained");
    assert!(staff["total"].as_u64().unwrap() > 0, "{staff}");
    assert!(staff["by_age"].as_object().unwrap().is_empty(), "{staff}");
    for r in rows.iter().filter(|r| r["indicator"] != "staff_trained") {
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
    assert_eq!(body["goals"].as_array().unwrap().len(), 6);
    let res = manager
        .submit(&path, &format!("/goals/{added}/delete"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, body) = api
        .get(&format!("/programmes/{programme}/project"), &evaluator)
        .await;
    assert_eq!(body["goals"].as_array().unwrap().len(), 5);

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

/// The workbook's sheets: name and rows.
fn workbook(bytes: Vec<u8>) -> Vec<(String, Vec<Vec<calamine::Data>>)> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let rows = book
                .worksheet_range(&name)
                .unwrap()
                .rows()
                .map(<[calamine::Data]>::to_vec)
                .collect();
            (name, rows)
        })
        .collect()
}

/// The row of a sheet whose first cell is `label`.
fn row_of<'a>(sheet: &'a [Vec<calamine::Data>], label: &str) -> &'a [calamine::Data] {
    sheet
        .iter()
        .find(|r| r.first() == Some(&calamine::Data::String(label.into())))
        .unwrap_or_else(|| panic!("no row {label}: {sheet:?}"))
}

async fn the_project_report_is_a_pdf_and_a_workbook(app: &TestApp) {
    use calamine::Data;
    let programme = demo_programme(app).await;
    let manager = app.logged_in(Role::ProgrammeManager).await;
    let page = manager
        .page(&format!("/programmes/{programme}/dashboard"))
        .await;
    let pdf_path = format!("/programmes/{programme}/esf-report?format=pdf");
    let xlsx_path = format!("/programmes/{programme}/esf-report?format=xlsx");
    assert!(
        page.contains(&pdf_path) && page.contains(&xlsx_path),
        "{page}"
    );

    let res = manager.get(&pdf_path).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[CONTENT_TYPE], "application/pdf");
    assert!(res.bytes().await.unwrap().starts_with(b"%PDF-"));

    let res = manager.get(&xlsx_path).await;
    assert_eq!(res.status(), StatusCode::OK);
    let sheets = workbook(res.bytes().await.unwrap().to_vec());
    let names: Vec<&str> = sheets.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(names.len(), 8, "{names:?}");
    assert_eq!(names[0], "Projektrapport (ESF)");
    let sheet = |start: &str| {
        &sheets
            .iter()
            .find(|s| s.0.starts_with(start))
            .unwrap_or_else(|| panic!("{start}: {names:?}"))
            .1
    };
    assert_eq!(
        row_of(sheet("Projektrapport"), "Projektnummer")[1],
        Data::String("2025/00417 (fiktivt)".into())
    );
    // Planned against actual: the demo plans 45 women; the actual is the dashboard's count.
    let (_, indicators) = Api::new(app)
        .get(
            &format!("/programmes/{programme}/indicators"),
            &app.token(Role::ProgrammeManager).await,
        )
        .await;
    let count = |key: &str, field: &str| {
        indicators
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["indicator"] == key)
            .unwrap()[field]
            .as_f64()
            .unwrap()
    };
    let women = row_of(sheet("Deltagare planerat"), "Kvinnor");
    assert_eq!(women[1], Data::Float(45.0));
    assert_eq!(women[2], Data::Float(count("participants", "women")));
    // Newcomers and trained staff apart.
    let newcomers = sheet("Deltagare (nyanlända)");
    assert!(
        !newcomers
            .iter()
            .any(|r| r[0] == Data::String("Kompetensutvecklad personal".into()))
    );
    let staff = row_of(sheet("Kompetensutvecklad"), "Kompetensutvecklad personal");
    assert_eq!(staff[1], Data::Float(count("staff_trained", "total")));
    // The finished cohort's results at four weeks: one at work, one studying.
    let week4 = sheet("Direkta resultat");
    assert_eq!(row_of(week4, "I arbete")[1], Data::Float(1.0));
    assert_eq!(row_of(week4, "I studier")[1], Data::Float(1.0));
    // Costs against the budget, the share a percentage.
    let costs = sheet("Kostnader");
    assert_eq!(
        row_of(costs, "Budget (kronor)")[1],
        Data::Float(9_800_000.0)
    );
    assert!(matches!(row_of(costs, "Andel av budgeten")[1], Data::Float(f) if f > 0.0 && f < 1.0));

    // The API: the evaluator reads it in English; a wrong format or language is a field error.
    let evaluator = app.token(Role::Evaluator).await;
    let res = reqwest::Client::new()
        .get(app.url(&format!(
            "/api/v1/programmes/{programme}/esf-report?format=xlsx&lang=en"
        )))
        .bearer_auth(&evaluator)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let sheets = workbook(res.bytes().await.unwrap().to_vec());
    assert_eq!(sheets[0].0, "Project report (ESF)");
    let api = Api::new(app);
    let (status, body) = api
        .get(
            &format!("/programmes/{programme}/esf-report?format=docx&lang=fi"),
            &evaluator,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["format", "lang"], "{body}");

    // Others: refused; a programme that is not there: not found.
    for role in [Role::Participant, Role::Supervisor, Role::EmployerContact] {
        let v = app.logged_in(role).await;
        assert_eq!(
            v.get(&pdf_path).await.status(),
            StatusCode::FORBIDDEN,
            "{role}"
        );
    }
    let (status, _) = api
        .get(
            &format!("/programmes/{programme}/esf-report"),
            &app.token(Role::Participant).await,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        manager
            .get("/programmes/999999/esf-report?format=pdf")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}
