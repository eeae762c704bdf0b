//! Web stories: employers and placements registered through their forms.

use super::*;

both!(app: employers_and_placements_are_registered_through_their_forms);

async fn employers_and_placements_are_registered_through_their_forms(app: &TestApp) {
    let v = app.logged_in(Role::Coordinator).await;

    // An employer with a wrong organisation number check digit.
    let good = org_number("559900123");
    let bad = with_wrong_check_digit(&good);
    let mut fields = vec![
        ("name", "Testbolaget Bro AB"),
        ("org_number", bad.as_str()),
        ("sector", "private"),
        ("agreement_status", "draft"),
        ("agreement_date", ""),
        ("notes", "Kontakt via mässan"),
        ("unit_name", "Lager"),
        ("unit_address", "Testgatan 1"),
        ("unit_municipality", "1480 – Göteborg"),
        ("contact_name", "Kim Kontakt"),
        ("contact_title", "VD"),
        ("contact_email", "kim@example.org"),
        ("contact_phone", "031-12 34 56"),
        ("supervisor_name", "Sam Handledare"),
        ("supervisor_email", "sam@example.org"),
        ("supervisor_phone", "031-65 43 21"),
        ("supervisor_training", "booked"),
    ];
    let res = v.submit("/employers/new", "/employers", &fields).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        html::element_by_id(&page, "error-org_number")
            .unwrap()
            .contains("Kontrollsiffran stämmer inte")
    );
    assert_eq!(
        html::input_value(&page, "name").as_deref(),
        Some("Testbolaget Bro AB")
    );
    assert_eq!(
        html::input_value(&page, "supervisor_email").as_deref(),
        Some("sam@example.org")
    );
    fields[1].1 = good.as_str();
    let res = v.submit("/employers/new", "/employers", &fields).await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "{}",
        res.text().await.unwrap()
    );
    let employer = id_from_location(&res);
    let record = v.page(&format!("/employers/{employer}")).await;
    assert!(record.contains("Testbolaget Bro AB") && record.contains("Sam Handledare"));
    let list = v.page("/employers?q=testbolaget").await;
    assert!(list.contains(&format!("href=\"/employers/{employer}\"")));

    // A placement with an occupation code that is not in SSYK 2012.
    let employer_s = employer.to_string();
    let mut fields = vec![
        ("employer_id", employer_s.as_str()),
        ("title", "Lagermedarbetare"),
        ("ssyk_code", "9999"),
        ("tasks", "Plock, pack och inventering"),
        ("required_skills", "noggrannhet"),
        ("desired_skills", "truckkort"),
        ("min_swedish", "A2"),
        ("other_language", "engelska"),
        ("other_language_level", "B1"),
        ("education_level", "none"),
        ("driving_licence", "none"),
        ("days_per_week", "4"),
        ("hours_per_week", "32"),
        ("municipality_code", "1480"),
        ("address", "Testgatan 1"),
        ("period_start", "2026-09-01"),
        ("period_end", "2026-12-18"),
        ("places", "2"),
        ("accommodations", "written_instructions"),
        ("status", "draft"),
    ];
    let res = v.submit("/placements/new", "/placements", &fields).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        html::element_by_id(&page, "error-ssyk_code").is_some(),
        "{page}"
    );
    assert_eq!(
        html::input_value(&page, "title").as_deref(),
        Some("Lagermedarbetare")
    );
    fields[2].1 = "9320";
    fields[16].1 = "2026-08-01"; // ends before it starts
    let res = v.submit("/placements/new", "/placements", &fields).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::element_by_id(&res.text().await.unwrap(), "error-period_end").is_some());
    fields[16].1 = "2026-12-18";
    let res = v.submit("/placements/new", "/placements", &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let placement = id_from_location(&res);
    let record = v.page(&format!("/placements/{placement}")).await;
    assert!(record.contains("Lagermedarbetare"));
    let list = v.page("/placements?q=lagermedarbetare").await;
    assert!(list.contains(&format!("href=\"/placements/{placement}\"")));

    // Edited with the form's version; a stale version is a conflict.
    let action = format!("/placements/{placement}");
    let form = html::form_fields(
        &v.page(&format!("/placements/{placement}/edit")).await,
        &action,
    );
    let res = v
        .post(&action, &replace(&form, "status", "published"))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = v
        .post(&action, &replace(&form, "title", "Gammal titel"))
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let action = format!("/employers/{employer}");
    let form = html::form_fields(
        &v.page(&format!("/employers/{employer}/edit")).await,
        &action,
    );
    let res = v
        .post(&action, &replace(&form, "notes", "Avtal på gång"))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = v
        .post(&action, &replace(&form, "notes", "Gammal anteckning"))
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
}

both!(app: an_employers_placement_reaches_the_portal_only_after_a_coordinators_review);

async fn an_employers_placement_reaches_the_portal_only_after_a_coordinators_review(app: &TestApp) {
    let api = Api::new(app);
    let contact = app.token(Role::EmployerContact).await;
    let coordinator = app.token(Role::Coordinator).await;
    let employer_id = app
        .actor(Role::EmployerContact)
        .await
        .employer_id()
        .unwrap();

    // The employer contact may not publish her ad herself (a field error says why); she submits
    // it for review.
    let mut draft = placement_draft(employer_id, "9629");
    draft.title = "Granskas först".into();
    draft.status = "published".into();
    let body = serde_json::to_value(&draft).unwrap();
    let (status, refused) = api.post("/placements", &contact, &body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["errors"][0]["field"], "status", "{refused}");
    draft.status = "submitted".into();
    let (status, created) = api
        .post(
            "/placements",
            &contact,
            &serde_json::to_value(&draft).unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().unwrap();
    let (_, item) = api.get(&format!("/placements/{id}"), &contact).await;
    assert_eq!(item["status"], "submitted", "{item}");
    let portal = app.visitor().get(&format!("/open-placements/{id}")).await;
    assert_eq!(
        portal.status(),
        StatusCode::NOT_FOUND,
        "not public before review"
    );

    // The coordinator finds it from the home page and publishes it.
    let v = app.logged_in(Role::Coordinator).await;
    let home = v.page("/").await;
    assert!(
        home.contains(r#"href="/placements?status=submitted""#),
        "a card for placements to review"
    );
    let list = v.page("/placements?status=submitted").await;
    assert!(html::shows(&list, "Granskas först"));
    let (_, item) = api.get(&format!("/placements/{id}"), &coordinator).await;
    let mut record = item.clone();
    record["status"] = "published".into();
    let (status, body) = api
        .put(&format!("/placements/{id}"), &coordinator, &record)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let portal = app.visitor().get(&format!("/open-placements/{id}")).await;
    assert_eq!(portal.status(), StatusCode::OK);

    // The contact's home page has no review card: she cannot publish.
    let her = app.logged_in(Role::EmployerContact).await;
    assert!(!her.page("/").await.contains("status=submitted"));
}
