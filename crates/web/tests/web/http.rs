//! Web stories: security headers, health and readiness, and every page answering.

use super::*;

both!(
    app:
    every_response_carries_the_security_headers,
    health_and_readiness_answer,
    every_page_answers_a_coordinator_and_an_admin,
);

// ====================================================================== headers, health, pages

async fn every_response_carries_the_security_headers(app: &TestApp) {
    let v = app.visitor();
    let coordinator = app.logged_in(Role::Coordinator).await;
    let responses = vec![
        ("/login", v.get("/login").await),
        ("/healthz", v.get("/healthz").await),
        ("/participants (redirect)", v.get("/participants").await),
        ("/no-such-page", v.get("/no-such-page").await),
        ("/static/htmx.min.js", v.get("/static/htmx.min.js").await),
        ("POST /login without csrf", v.post("/login", &[]).await),
        ("/participants", coordinator.get("/participants").await),
        ("/audit (403)", coordinator.get("/audit").await),
        (
            "/api/v1/participants (401)",
            v.get("/api/v1/participants").await,
        ),
        ("/api/v1/openapi.json", v.get("/api/v1/openapi.json").await),
    ];
    for (what, res) in responses {
        let h = res.headers();
        let header = |name: &str| {
            h.get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_else(|| panic!("{what}: no {name}"))
                .to_string()
        };
        let csp = header("content-security-policy");
        let directive = |name: &str| {
            csp.split(';')
                .map(str::trim)
                .find(|d| d.starts_with(&format!("{name} ")))
                .map(str::to_string)
        };
        let scripts = directive("script-src")
            .or_else(|| directive("default-src"))
            .unwrap_or_else(|| panic!("{what}: CSP without script-src: {csp}"));
        assert!(
            !scripts.contains("'unsafe-inline'") && !scripts.contains("'unsafe-eval'"),
            "{what}: {csp}"
        );
        assert!(
            !scripts.contains('*') && !scripts.contains("http:") && !scripts.contains("https:"),
            "{what}: scripts only from the binary: {csp}"
        );
        assert_eq!(
            directive("frame-ancestors").as_deref(),
            Some("frame-ancestors 'none'"),
            "{what}: {csp}"
        );
        assert_eq!(header("x-content-type-options"), "nosniff", "{what}");
        let referrer = header("referrer-policy");
        assert!(
            [
                "no-referrer",
                "same-origin",
                "strict-origin",
                "strict-origin-when-cross-origin"
            ]
            .contains(&referrer.as_str()),
            "{what}: {referrer}"
        );
    }
    // htmx comes from the binary itself, not a CDN.
    let login = v.page("/login").await;
    assert!(login.contains("src=\"/static/htmx.min.js\""));
    assert!(!login.contains("<script>"), "no inline scripts");
    let js = v.get("/static/htmx.min.js").await;
    assert!(
        js.headers()
            .get(CONTENT_TYPE)
            .unwrap()
            .to_str()
            .unwrap()
            .contains("javascript")
    );
}

async fn health_and_readiness_answer(app: &TestApp) {
    let v = app.visitor();
    let res = v.get("/healthz").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.text().await.unwrap().trim(), "ok");
    let res = v.get("/readyz").await;
    assert_eq!(res.status(), StatusCode::OK);
}

async fn every_page_answers_a_coordinator_and_an_admin(app: &TestApp) {
    let participant = app.participant_ids_for(Role::Coordinator).await[0];
    let admin = app.actor(Role::Admin).await;
    let employers = app
        .store
        .employer_list(&admin, &Default::default())
        .await
        .unwrap();
    let employer = employers.items[0].id;
    let placements = app
        .store
        .placement_list(&admin, &Default::default())
        .await
        .unwrap();
    let placement = placements.items[0].id;
    let pages = [
        "/".to_string(),
        "/participants".into(),
        "/participants?q=a&page=2".into(),
        "/participants/new".into(),
        format!("/participants/{participant}"),
        format!("/participants/{participant}/edit"),
        "/employers".into(),
        "/employers?q=a&sector=public".into(),
        "/employers/new".into(),
        format!("/employers/{employer}"),
        format!("/employers/{employer}/edit"),
        "/placements".into(),
        "/placements?status=published".into(),
        "/placements/new".into(),
        format!("/placements/{placement}"),
        format!("/placements/{placement}/edit"),
        "/password".into(),
    ];
    for role in [Role::Coordinator, Role::Admin] {
        let v = app.logged_in(role).await;
        for path in &pages {
            let page = v.page(path).await;
            assert!(
                page.contains("<main") || page.contains("<h1>"),
                "{role} {path} is a page"
            );
            // Every page is labelled: each visible form control has a label (or, in a table of
            // rows, an aria-label naming its column and row).
            for tag in html::tags(&page, "input") {
                let kind = html::attr(&tag, "type").unwrap_or_default();
                if ["hidden", "submit", "checkbox"].contains(&kind.as_str()) {
                    continue;
                }
                if html::attr(&tag, "aria-label").is_some_and(|l| !l.trim().is_empty()) {
                    continue;
                }
                let id = html::attr(&tag, "id")
                    .unwrap_or_else(|| panic!("{path}: input without id: {tag}"));
                assert!(
                    page.contains(&format!("for=\"{id}\"")),
                    "{path}: no label for {tag}"
                );
            }
        }
    }
    let admin_v = app.logged_in(Role::Admin).await;
    let audit = admin_v.page("/audit").await;
    assert!(audit.contains("<table"));
    let audit = admin_v
        .page(&format!(
            "/audit?resource=participant&record_id={participant}&action=read"
        ))
        .await;
    assert!(
        audit.contains(">read<"),
        "reading a participant is audited: {audit}"
    );

    // Unknown ids are 404 pages.
    for path in [
        "/participants/999999",
        "/employers/999999",
        "/placements/999999",
        "/participants/999999/edit",
    ] {
        assert_eq!(
            admin_v.get(path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
}
