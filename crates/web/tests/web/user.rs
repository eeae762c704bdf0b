//! Web stories: the admin's user accounts and the organisation tree.

use super::*;

both!(app: an_admin_manages_user_accounts_and_the_organisation_tree);

async fn an_admin_manages_user_accounts_and_the_organisation_tree(app: &TestApp) {
    // Only administrators reach the user list.
    let coordinator = app.logged_in(Role::Coordinator).await;
    assert_eq!(
        coordinator.get("/admin/users").await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        coordinator.get("/admin/users/new").await.status(),
        StatusCode::FORBIDDEN
    );

    let admin = app.logged_in(Role::Admin).await;
    let tree = admin.page("/admin/organisations").await;
    assert!(
        tree.contains("Praktikbryggan"),
        "the demo programme is in the tree"
    );
    let programme = app
        .store
        .org_find(
            &Actor::system_for("test"),
            brygga_domain::model::OrgKind::Programme,
            "Praktikbryggan",
        )
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string();

    // A new cohort under the demo programme.
    let res = admin
        .submit(
            "/admin/organisations",
            "/admin/organisations",
            &[
                ("parent_id", programme.as_str()),
                ("name", "  "),
                ("municipality_code", ""),
            ],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a name is required"
    );
    assert!(html::element_by_id(&res.text().await.unwrap(), "error-name").is_some());
    let res = admin
        .submit(
            "/admin/organisations",
            "/admin/organisations",
            &[
                ("parent_id", programme.as_str()),
                ("name", "Omgång våren 2027"),
                ("municipality_code", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let tree = admin.page("/admin/organisations").await;
    assert!(tree.contains("Omgång våren 2027"));
    // A municipality needs its municipality code.
    let res = admin
        .submit(
            "/admin/organisations",
            "/admin/organisations",
            &[
                ("parent_id", ""),
                ("name", "Ny region"),
                ("municipality_code", ""),
            ],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "a region needs no parent"
    );

    // A new coordinator: every wrong field at once, input kept, passwords never echoed.
    let fields = |email: &'static str, password: &'static str, repeat: &'static str| {
        vec![
            ("name", "Nora Nyanställd"),
            ("email", email),
            ("role", "coordinator"),
            ("password", password),
            ("repeat", repeat),
        ]
    };
    let mut bad = fields("nora@", "kort", "annat");
    bad.push(("org_ids", programme.as_str()));
    let res = admin.submit("/admin/users/new", "/admin/users", &bad).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    for field in ["email", "repeat"] {
        assert!(
            html::element_by_id(&page, &format!("error-{field}")).is_some(),
            "{field}: {page}"
        );
    }
    assert_eq!(
        html::input_value(&page, "name").as_deref(),
        Some("Nora Nyanställd")
    );
    assert_eq!(html::input_value(&page, "email").as_deref(), Some("nora@"));
    assert_eq!(html::input_value(&page, "password").as_deref(), Some(""));
    assert!(html::checked(&page, "org_ids").contains(&programme));

    let mut good = fields(
        "nora.nyanstalld@example.org",
        "ett-langt-losenord",
        "ett-langt-losenord",
    );
    good.push(("org_ids", programme.as_str()));
    let res = admin
        .submit("/admin/users/new", "/admin/users", &good)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        admin
            .page("/admin/users")
            .await
            .contains("nora.nyanstalld@example.org")
    );

    // The new coordinator logs in and sees the programme's participants.
    let nora = app.visitor();
    let res = nora
        .login("nora.nyanstalld@example.org", "ett-langt-losenord")
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(nora.get("/participants").await.status(), StatusCode::OK);

    // Deactivated, the account stops working at once, session included.
    let id = app
        .store
        .user_by_email(&Actor::system_for("test"), "nora.nyanstalld@example.org")
        .await
        .unwrap()
        .unwrap()
        .id;
    let res = admin
        .submit(
            "/admin/users",
            &format!("/admin/users/{id}/active"),
            &[("active", "false")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        nora.get("/participants").await.status().is_redirection(),
        "back to the login page"
    );
    let res = nora
        .login("nora.nyanstalld@example.org", "ett-langt-losenord")
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
