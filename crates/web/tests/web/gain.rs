//! Web stories: the socio-economic gain. The admin keeps the value table (examples marked, bad
//! input refused beside its field with what was typed kept, a stale change a conflict); the
//! programme manager reads the demo programme's calculation from the finished cohort's outcomes
//! (every figure traced, the example values said) and sets its parameters; the coordinator
//! reads it without a form; the participant does not see it. The API does the same.

use super::*;

both!(
    app:
    the_admin_keeps_the_value_table,
    the_programme_manager_reads_and_tunes_the_calculation,
    the_api_reads_and_sets_the_calculation_under_the_same_rules,
);

async fn the_admin_keeps_the_value_table(app: &TestApp) {
    let admin = app.logged_in(Role::Admin).await;
    let page = admin.page("/gain/values").await;
    assert!(html::shows(&page, "Exempelvärde"), "{page}");
    assert!(html::shows(&page, "Etableringsersättning"), "{page}");

    let typed = "Försörjningsstöd <b>snitt</b>";
    let res = admin
        .submit(
            "/gain/values",
            "/gain/values",
            &[
                ("status", "before"),
                ("item", typed),
                ("kind", "transfer"),
                ("party", "individual"),
                ("amount", "-5"),
                ("source", ""),
                ("dated_on", "2026-03-01"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    for id in ["error-amount", "error-source", "error-party"] {
        assert!(html::element_by_id(&body, id).is_some(), "{id}: {body}");
    }
    let kept = html::element_by_id(&body, "f-item").and_then(|t| html::attr(&t, "value"));
    assert_eq!(kept.as_deref(), Some(typed));

    let res = admin
        .submit(
            "/gain/values",
            "/gain/values",
            &[
                ("status", "before"),
                ("item", typed),
                ("kind", "transfer"),
                ("party", "municipality"),
                ("amount", "52 000"),
                ("source", "Socialförvaltningens årsredovisning 2025"),
                ("dated_on", "2026-03-01"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let rows = app
        .store
        .gain_values(&app.actor(Role::Admin).await)
        .await
        .unwrap();
    let mine = rows.iter().find(|r| r.value.item == typed).unwrap();
    assert!(!mine.value.example);
    let page = admin.page("/gain/values").await;
    assert!(
        page.contains("Försörjningsstöd &lt;b&gt;snitt&lt;/b&gt;")
            || page.contains("Försörjningsstöd &#60;b&#62;snitt&#60;/b&#62;"),
        "markup shown as text"
    );

    // A change from a page read before someone else's: a conflict, what was typed kept.
    let stale = (mine.version - 1).to_string();
    let res = admin
        .submit(
            "/gain/values",
            &format!("/gain/values/{}", mine.id),
            &[
                ("version", stale.as_str()),
                ("status", "before"),
                ("item", "Ändrad post"),
                ("kind", "transfer"),
                ("party", "municipality"),
                ("amount", "53 000"),
                ("source", "Ny källa"),
                ("dated_on", "2026-03-01"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(res.text().await.unwrap().contains("Ändrad post"));

    // The coordinator reads the table and may not change it.
    let coordinator = app.logged_in(Role::Coordinator).await;
    let page = coordinator.page("/gain/values").await;
    assert!(!page.contains("action=\"/gain/values\""), "no form for her");
    let csrf = csrf_of(&page);
    let res = coordinator
        .post(
            "/gain/values",
            &[("csrf".into(), csrf), ("status".into(), "before".into())],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

async fn the_programme_manager_reads_and_tunes_the_calculation(app: &TestApp) {
    let programme = demo_programme(app).await;
    let path = format!("/programmes/{programme}/gain");
    let manager = app.logged_in(Role::ProgrammeManager).await;
    let page = manager.page(&path).await;
    // The finished cohort counts; the example values are said beside the result.
    let counted = html::element_by_id(&page, "counted").unwrap_or_default();
    assert!(html::shows(&counted, "2 deltagare"), "{counted}");
    assert!(
        html::element_by_id(&page, "example-warning").is_some(),
        "{page}"
    );
    assert!(html::element_by_id(&page, "scenarios").is_some(), "{page}");
    assert!(html::element_by_id(&page, "trace").is_some(), "{page}");
    for s in [
        "Låg",
        "Bas",
        "Hög",
        "Samhället",
        "Staten",
        "Individen",
        "Etableringsersättning",
        "Utan programmet",
        "Per deltagare (bas)",
    ] {
        assert!(html::shows(&page, s), "{s}: {page}");
    }

    // Bad parameters: refused beside each field, what she typed kept.
    let res = manager
        .submit(
            &path,
            &path,
            &[
                ("version", "1"),
                ("persistence_years", "-1"),
                ("persistence_years_low", "4"),
                ("persistence_years_high", "5"),
                ("effect_share_percent", "100"),
                ("effect_share_percent_low", "50"),
                ("effect_share_percent_high", "120"),
                ("discount_rate_percent", "3,5"),
                ("write_off_years", "0"),
                ("cost_state", "mycket"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    for id in [
        "error-persistence_years",
        "error-write_off_years",
        "error-cost_state",
    ] {
        assert!(html::element_by_id(&body, id).is_some(), "{id}: {body}");
    }
    assert_eq!(
        html::input_value(&body, "cost_state").as_deref(),
        Some("mycket")
    );
    let res = manager
        .submit(
            &path,
            &path,
            &[
                ("version", "1"),
                ("persistence_years", "2,5"),
                ("persistence_years_low", "1"),
                ("persistence_years_high", "5"),
                ("effect_share_percent", "100"),
                ("effect_share_percent_low", "50"),
                ("effect_share_percent_high", "120"),
                ("discount_rate_percent", "3,5"),
                ("write_off_years", "2"),
                ("cost_municipality", "100 000"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = manager.page(&path).await;
    assert_eq!(
        html::input_value(&page, "persistence_years").as_deref(),
        Some("2,5")
    );

    // The coordinator reads it without a form; the participant does not see it.
    let coordinator = app.logged_in(Role::Coordinator).await;
    let page = coordinator.page(&path).await;
    assert!(
        html::element_by_id(&page, "params-read").is_some(),
        "{page}"
    );
    assert!(!page.contains(&format!("action=\"{path}\"")));
    let participant = app.logged_in(Role::Participant).await;
    assert_eq!(participant.get(&path).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        manager.get("/programmes/999999/gain").await.status(),
        StatusCode::NOT_FOUND
    );
}

async fn the_api_reads_and_sets_the_calculation_under_the_same_rules(app: &TestApp) {
    let api = Api::new(app);
    let programme = demo_programme(app).await;
    let path = format!("/programmes/{programme}/gain");
    let manager = app.token(Role::ProgrammeManager).await;
    let (status, body) = api.get(&path, &manager).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["participants"], 2);
    assert_eq!(body["report"]["scenarios"].as_array().unwrap().len(), 3);
    assert_eq!(body["report"]["uses_example_values"], true);
    assert!(body["problem"].is_null());
    let version = body["settings"]["version"].as_i64().unwrap();

    let change = |v: i64, years: &str| {
        json!({
            "version": v,
            "params": {
                "persistence_years": years, "persistence_years_low": "1", "persistence_years_high": "5",
                "effect_share_percent": "100", "effect_share_percent_low": "50", "effect_share_percent_high": "120",
                "discount_rate_percent": "3.5", "write_off_years": "1"
            },
            "costs": { "cost_state": "60000" }
        })
    };
    let (status, body) = api.put(&path, &manager, &change(version, "0")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["errors"][0]["field"], "persistence_years");
    let (status, _) = api.put(&path, &manager, &change(version, "4")).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = api.put(&path, &manager, &change(version, "4")).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let coordinator = app.token(Role::Coordinator).await;
    let (status, _) = api
        .put(&path, &coordinator, &change(version + 1, "4"))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = api.get(&path, &coordinator).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["settings"]["params"]["base"]["persistence_years"], 4.0);

    // The value table: read by the staff, changed by an admin only.
    let (status, body) = api.get("/gain/values", &coordinator).await;
    assert_eq!(status, StatusCode::OK);
    let first = &body["items"][0];
    let id = first["id"].as_i64().unwrap();
    let admin = app.token(Role::Admin).await;
    let mut changed = first["value"].clone();
    changed["amount"] = json!("81 000");
    changed["party"] = json!(first["value"]["party"].as_str().unwrap_or(""));
    changed["example"] = json!("false");
    changed["version"] = first["version"].clone();
    let (status, body) = api
        .put(&format!("/gain/values/{id}"), &admin, &changed)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (status, _) = api
        .put(&format!("/gain/values/{id}"), &admin, &changed)
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _) = api
        .delete(&format!("/gain/values/{id}"), &coordinator)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let participant = app.token(Role::Participant).await;
    let (status, _) = api.get("/gain/values", &participant).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
