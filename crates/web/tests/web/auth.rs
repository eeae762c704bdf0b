//! Web stories: logging in and out, throttling, CSRF, the login redirect, the interface
//! language and changing one's password.

use super::*;

both!(
    app:
    staff_log_in_and_out_with_email_and_password,
    a_wrong_password_is_refused_and_repeated_failures_are_throttled,
    forms_without_the_csrf_token_are_refused,
    staff_pages_send_strangers_to_the_login_page_and_back,
    the_interface_switches_to_english_and_back,
    a_user_changes_their_password,
);

// ====================================================================== login, sessions, CSRF

async fn staff_log_in_and_out_with_email_and_password(app: &TestApp) {
    let v = app.visitor();
    let login = v.page("/login").await;
    for field in ["email", "password", "csrf", "next"] {
        assert!(
            html::tag_with_name(&login, "input", field).is_some(),
            "the login form has {field}"
        );
    }
    assert!(login.contains("type=\"submit\""));

    let res = v
        .login(&app.email(Role::Coordinator).to_uppercase(), DEMO_PASSWORD)
        .await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "emails are case-insensitive"
    );
    assert_eq!(location(&res), "/");
    let cookie = res
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|c| c.to_str().ok())
        .find(|c| c.starts_with("brygga_session="))
        .expect("a session cookie")
        .to_string();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    let home = v.page("/").await;
    let coordinator = app.actor(Role::Coordinator).await;
    assert!(
        home.contains(coordinator.name()),
        "the overview greets the user by name"
    );
    assert!(home.contains("href=\"/participants\""));

    // Logging out needs the token too, and ends the session.
    let res = v.post("/logout", &[]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = v.submit("/", "/logout", &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/login");
    let res = v.get("/participants").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(location(&res).starts_with("/login"));
}

async fn a_wrong_password_is_refused_and_repeated_failures_are_throttled(app: &TestApp) {
    let email = app.email(Role::Coordinator);
    let v = app.visitor();
    for attempt in 1..=5 {
        let res = v.login(&email, "not-the-password").await;
        assert_eq!(
            res.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "attempt {attempt}"
        );
        let page = res.text().await.unwrap();
        assert!(page.contains("Fel e-postadress eller lösenord."), "{page}");
        assert_eq!(
            html::input_value(&page, "email").as_deref(),
            Some(email.as_str()),
            "the email is kept"
        );
        assert_eq!(
            html::input_value(&page, "password").unwrap_or_default(),
            "",
            "the password is not sent back"
        );
    }
    // An unknown address gets the same answer as a wrong password.
    let res = app
        .visitor()
        .login("ingen@demo.brygga.se", "whatever-it-is")
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Fel e-postadress eller lösenord.")
    );

    // After five failures even the right password waits.
    let res = app.visitor().login(&email, DEMO_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("För många misslyckade inloggningsförsök")
    );

    // Other users are not locked out by it.
    let res = app
        .visitor()
        .login(&app.email(Role::Admin), DEMO_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

async fn forms_without_the_csrf_token_are_refused(app: &TestApp) {
    // Before login: the login form itself.
    let v = app.visitor();
    v.page("/login").await;
    let email = app.email(Role::Coordinator);
    let res = v
        .post(
            "/login",
            &[
                ("email".into(), email.clone()),
                ("password".into(), DEMO_PASSWORD.into()),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = v
        .post(
            "/login",
            &[
                ("csrf".into(), "0".repeat(64)),
                ("email".into(), email),
                ("password".into(), DEMO_PASSWORD.into()),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // Logged in: a form post with no token or another session's token changes nothing.
    let coordinator = app.logged_in(Role::Coordinator).await;
    let stranger = app.visitor();
    let foreign = csrf_of(&stranger.page("/login").await);
    let programme = app.programme_of(Role::Coordinator).await.to_string();
    let pnr = personnummer("19900701", "238", false);
    let typed = participant_fields(&programme, &pnr);
    let fields: Vec<(String, String)> = typed
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    let res = coordinator.post("/participants", &fields).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let mut with_foreign = fields.clone();
    with_foreign.push(("csrf".into(), foreign));
    let res = coordinator.post("/participants", &with_foreign).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let list = coordinator.page("/participants?q=testd%C3%B3ttir").await;
    assert!(!list.contains("Testdóttir"), "nothing was saved");

    // The same form with the page's token goes through.
    let res = coordinator
        .submit("/participants/new", "/participants", &pairs(&typed))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

async fn staff_pages_send_strangers_to_the_login_page_and_back(app: &TestApp) {
    let v = app.visitor();
    for path in [
        "/",
        "/participants",
        "/participants/new",
        "/participants/1",
        "/employers",
        "/placements",
        "/audit",
        "/password",
    ] {
        let res = v.get(path).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "GET {path}");
        let loc = location(&res);
        assert!(loc.starts_with("/login?next="), "GET {path} → {loc}");
    }
    let res = v.get("/participants?q=a%20b").await;
    let loc = location(&res);
    let login = v.page(&loc).await;
    assert_eq!(
        html::input_value(&login, "next").as_deref(),
        Some("/participants?q=a%20b")
    );

    let email = app.email(Role::Coordinator);
    let res = v
        .submit(
            &loc,
            "/login",
            &[
                ("email", &email),
                ("password", DEMO_PASSWORD),
                ("next", "/participants?q=a%20b"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&res),
        "/participants?q=a%20b",
        "back where they were going"
    );

    // …but never to another site.
    let v = app.visitor();
    let res = v
        .submit(
            "/login",
            "/login",
            &[
                ("email", &email),
                ("password", DEMO_PASSWORD),
                ("next", "//evil.example/"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/");
}

async fn the_interface_switches_to_english_and_back(app: &TestApp) {
    let v = app.visitor();
    let login = v.page("/login").await;
    assert!(login.contains("<html lang=\"sv\""));
    assert!(login.contains("Logga in"));

    let res = v.get("/lang/en?back=/login").await;
    assert!(res.status().is_redirection());
    assert_eq!(location(&res), "/login");
    let cookie = res
        .headers()
        .get(reqwest::header::SET_COOKIE)
        .and_then(|c| c.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(cookie.starts_with("lang=en"), "{cookie}");
    let login = v.page("/login").await;
    assert!(login.contains("<html lang=\"en\""));
    assert!(login.contains("Log in"));

    // English messages too.
    let res = v
        .login(&app.email(Role::Coordinator), "not-the-password")
        .await;
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Wrong email address or password.")
    );
    let res = v.login(&app.email(Role::Coordinator), DEMO_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let list = v.page("/participants").await;
    assert!(list.contains("Participants"));

    // Error pages speak the user's language too: a record that does not exist, and a stale
    // version of a record, in English.
    let res = v.get("/participants/999999").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let page = res.text().await.unwrap();
    assert!(page.contains("<html lang=\"en\""), "{page}");
    assert!(page.contains("Page not found"), "{page}");
    let res = v.get("/no-such-page").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(res.text().await.unwrap().contains("Page not found"));

    let res = v.get("/lang/sv?back=/participants").await;
    assert_eq!(location(&res), "/participants");
    assert!(v.page("/participants").await.contains("Deltagare"));
    let res = v.get("/participants/999999").await;
    assert!(res.text().await.unwrap().contains("Sidan finns inte"));

    // The way back is always on this site.
    let res = v.get("/lang/en?back=//evil.example/").await;
    assert_eq!(location(&res), "/");

    // Without `back`, the link returns to the page it was on (same-origin referrer only).
    let from = |referer: String| {
        v.client
            .get(format!("{}/lang/sv", v.base))
            .header(reqwest::header::REFERER, referer)
            .send()
    };
    let res = from(format!("{}/employers?q=bo", v.base)).await.unwrap();
    assert_eq!(location(&res), "/employers?q=bo");
    let res = from("http://evil.example/participants".into())
        .await
        .unwrap();
    assert_eq!(location(&res), "/");
}

async fn a_user_changes_their_password(app: &TestApp) {
    let email = app.email(Role::Coordinator);
    let v = app.logged_in(Role::Coordinator).await;
    let form = v.page("/password").await;
    for field in ["current", "new", "repeat"] {
        assert!(
            html::tag_with_name(&form, "input", field).is_some(),
            "the form has {field}"
        );
    }
    let new = "ett-nytt-langt-losenord";
    let res = v
        .submit(
            "/password",
            "/password",
            &[
                ("current", "wrong-password-1"),
                ("new", new),
                ("repeat", new),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::element_by_id(&res.text().await.unwrap(), "error-current").is_some());
    let res = v
        .submit(
            "/password",
            "/password",
            &[
                ("current", DEMO_PASSWORD),
                ("new", "kort"),
                ("repeat", "kort"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::element_by_id(&res.text().await.unwrap(), "error-new").is_some());
    let res = v
        .submit(
            "/password",
            "/password",
            &[
                ("current", DEMO_PASSWORD),
                ("new", new),
                ("repeat", "something-else-entirely"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::element_by_id(&res.text().await.unwrap(), "error-repeat").is_some());
    let res = v
        .submit(
            "/password",
            "/password",
            &[("current", DEMO_PASSWORD), ("new", new), ("repeat", new)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains("role=\"status\""));

    assert_eq!(
        app.visitor().login(&email, DEMO_PASSWORD).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        app.visitor().login(&email, new).await.status(),
        StatusCode::SEE_OTHER
    );
}
