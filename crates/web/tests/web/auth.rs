//! Web stories: logging in and out, throttling, CSRF, the login redirect, the interface
//! language, changing one's password and API tokens.

use super::*;
use brygga_store::audit::AuditFilter;
use brygga_store::users::MAX_FAILED_PER_PAIR;
use brygga_testkit::web::spawn_app_with_secure_cookies;
use sea_orm::ConnectionTrait;

both!(
    app:
    staff_log_in_and_out_with_email_and_password,
    a_wrong_password_is_refused_and_repeated_failures_are_throttled,
    parallel_wrong_passwords_reach_the_check_at_most_the_limit,
    forms_without_the_csrf_token_are_refused,
    anonymous_pages_write_no_session_and_their_forms_carry_a_signed_token,
    staff_pages_send_strangers_to_the_login_page_and_back,
    redirect_targets_never_leave_the_site,
    the_interface_switches_to_english_and_back,
    a_user_changes_their_password,
    api_tokens_are_named_expire_and_are_revoked_by_their_owner_or_an_admin,
);
both!(backend: hsts_is_sent_when_cookies_are_secure);

/// A visitor whose requests come from another address (127.0.0.2: another client, as far as
/// the server can tell).
fn visitor_from(app: &TestApp, ip: [u8; 4]) -> Visitor {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .local_address(std::net::IpAddr::from(ip))
        .timeout(Duration::from_secs(60))
        .build()
        .expect("http client");
    Visitor {
        base: app.url(""),
        client,
    }
}

/// How many wrong passwords for `email` reached the password check (each is audited).
async fn checked_failures(app: &TestApp, email: &str) -> u64 {
    let admin = app.actor(Role::Admin).await;
    let user = app
        .store
        .user_by_email(&admin, email)
        .await
        .unwrap()
        .unwrap();
    let f = AuditFilter {
        action: Some("login_failed".into()),
        record_id: Some(user.id),
        ..Default::default()
    };
    app.store.audit_list(&admin, &f).await.unwrap().total
}

async fn session_rows(app: &TestApp) -> i64 {
    let row = app
        .store
        .connection()
        .query_one_raw(sea_orm::Statement::from_string(
            app.store.connection().get_database_backend(),
            "SELECT COUNT(*) AS n FROM sessions",
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

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
    // The same user on another device, and a script with a token.
    let laptop = app.logged_in(Role::Coordinator).await;
    assert_eq!(laptop.get("/participants").await.status(), StatusCode::OK);
    let token = app.token(Role::Coordinator).await;
    let api = Api::new(app);
    assert_eq!(api.get("/participants", &token).await.0, StatusCode::OK);
    let form = v.page("/password").await;
    for field in ["current", "new", "repeat"] {
        assert!(
            html::tag_with_name(&form, "input", field).is_some(),
            "the form has {field}"
        );
    }
    let new = "ett-nytt-langt-losenord";
    // Each mistake is named beside its own field.
    for (current, typed, repeat, error) in [
        ("wrong-password-1", new, new, "error-current"),
        (DEMO_PASSWORD, "kort", "kort", "error-new"),
        (
            DEMO_PASSWORD,
            new,
            "something-else-entirely",
            "error-repeat",
        ),
    ] {
        let res = v
            .submit(
                "/password",
                "/password",
                &[("current", current), ("new", typed), ("repeat", repeat)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{error}");
        assert!(
            html::element_by_id(&res.text().await.unwrap(), error).is_some(),
            "{error}"
        );
    }
    let res = v
        .submit(
            "/password",
            "/password",
            &[("current", DEMO_PASSWORD), ("new", new), ("repeat", new)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains("role=\"status\""));

    // This session goes on; the other one and the token have ended.
    assert_eq!(v.get("/participants").await.status(), StatusCode::OK);
    let res = laptop.get("/participants").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(location(&res).starts_with("/login"));
    let (status, body) = api.get("/participants", &token).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(body.is_object(), "JSON: {body}");

    assert_eq!(
        app.visitor().login(&email, DEMO_PASSWORD).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        app.visitor().login(&email, new).await.status(),
        StatusCode::SEE_OTHER
    );
}

// ====================================================================== throttling under load

async fn parallel_wrong_passwords_reach_the_check_at_most_the_limit(app: &TestApp) {
    let email = app.email(Role::Coordinator);
    // 48 browsers with a login form each, posting a wrong password at the same moment.
    let mut posts = tokio::task::JoinSet::new();
    for _ in 0..48 {
        let v = app.visitor();
        let csrf = csrf_of(&v.page("/login").await);
        let fields = [
            ("csrf".to_string(), csrf),
            ("email".to_string(), email.clone()),
            ("password".to_string(), "gissning-gissning".to_string()),
        ];
        posts.spawn(async move { v.post("/login", &fields).await.status() });
    }
    let statuses = posts.join_all().await;
    let refused = |s| statuses.iter().filter(|x| **x == s).count();
    let limit = MAX_FAILED_PER_PAIR as usize;
    assert_eq!(
        (
            refused(StatusCode::UNPROCESSABLE_ENTITY),
            refused(StatusCode::TOO_MANY_REQUESTS)
        ),
        (limit, 48 - limit),
        "{statuses:?}"
    );
    assert_eq!(checked_failures(app, &email).await, limit as u64);

    // A stranger's fifty failures (these included) bar only the stranger's client: the owner,
    // from her own, logs in.
    let stranger = app.visitor();
    for _ in 0..2 {
        let res = stranger.login(&email, "gissning-gissning").await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    }
    let res = stranger.login(&email, DEMO_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let owner = visitor_from(app, [127, 0, 0, 2]);
    let res = owner.login(&email, DEMO_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let coordinator = app.actor(Role::Coordinator).await;
    assert!(owner.page("/").await.contains(coordinator.name()));
}

// ====================================================================== anonymous pages, CSRF

async fn anonymous_pages_write_no_session_and_their_forms_carry_a_signed_token(app: &TestApp) {
    let before = session_rows(app).await;
    let portal = reqwest::Client::new()
        .get(app.url("/open-placements"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let ad = portal
        .split("href=\"/open-placements/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a published placement")
        .to_string();
    let paths = [
        "/open-placements".to_string(),
        format!("/open-placements/{ad}"),
        "/login".to_string(),
        "/login?next=/participants".to_string(),
        "/open-placements?q=lager".to_string(),
    ];
    for i in 0..50 {
        // No cookie jar: every request is a first visit.
        let path = &paths[i % paths.len()];
        let res = reqwest::Client::new()
            .get(app.url(path))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert!(
            !res.headers()
                .get_all(reqwest::header::SET_COOKIE)
                .iter()
                .any(|c| c
                    .to_str()
                    .unwrap_or_default()
                    .starts_with("brygga_session=")),
            "{path}: no session cookie"
        );
    }
    assert_eq!(session_rows(app).await, before, "no session rows written");

    // The login form's token is tied to this browser's nonce cookie: without a token, with a
    // made-up one, or with another browser's, the login is refused; with its own it works.
    let email = app.email(Role::Coordinator);
    let v = app.visitor();
    let own = csrf_of(&v.page("/login").await);
    let other = csrf_of(&app.visitor().page("/login").await);
    assert_ne!(own, other);
    let login = |csrf: Option<String>| {
        let mut fields = vec![
            ("email".to_string(), email.clone()),
            ("password".to_string(), DEMO_PASSWORD.to_string()),
        ];
        fields.extend(csrf.map(|c| ("csrf".to_string(), c)));
        fields
    };
    for (what, csrf) in [
        ("none", None),
        ("forged", Some("ab".repeat(32))),
        ("another browser's", Some(other)),
    ] {
        let res = v.post("/login", &login(csrf)).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{what}");
    }
    // Without the nonce cookie the page's token is worthless.
    let res = reqwest::Client::new()
        .post(app.url("/login"))
        .form(&login(Some(own.clone())))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(session_rows(app).await, before);
    let res = v.post("/login", &login(Some(own.clone()))).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        session_rows(app).await,
        before + 1,
        "a session starts at login"
    );
    // Logged in, the old anonymous token no longer fits: it is tied to the login too.
    let res = v.post("/logout", &[("csrf".into(), own)]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = v.submit("/", "/logout", &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // The nonce cookie is HttpOnly and SameSite; over plain HTTP no HSTS is sent.
    let res = app.visitor().get("/login").await;
    let cookie = res
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|c| c.to_str().ok())
        .find(|c| c.starts_with("brygga_csrf="))
        .expect("a nonce cookie")
        .to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "{cookie}");
    assert!(res.headers().get("strict-transport-security").is_none());
}

async fn hsts_is_sent_when_cookies_are_secure(backend: Backend) {
    let app = spawn_app_with_secure_cookies(backend).await;
    for path in [
        "/login",
        "/open-placements",
        "/no-such-page",
        "/api/v1/openapi.json",
    ] {
        let res = app.visitor().get(path).await;
        assert_eq!(
            res.headers()
                .get("strict-transport-security")
                .and_then(|v| v.to_str().ok()),
            Some("max-age=31536000"),
            "{path}"
        );
    }
    let res = app.visitor().get("/login").await;
    assert!(
        res.headers()
            .get_all(reqwest::header::SET_COOKIE)
            .iter()
            .filter_map(|c| c.to_str().ok())
            .any(|c| c.starts_with("brygga_csrf=") && c.contains("Secure")),
        "the nonce cookie is Secure too"
    );
    app.finish().await;
}

// ====================================================================== redirects

async fn redirect_targets_never_leave_the_site(app: &TestApp) {
    // Each as the query string carries it; each must land on "/" (never a 500, never off-site).
    let vectors = [
        "/%09/evil.example",
        "/%09%09evil.example",
        "%09//evil.example",
        "/%0d%0a/evil.example",
        "/%0aLocation:%20http://evil.example",
        "/x%0d%0aSet-Cookie:%20a=b",
        "/%5Cevil.example",
        "%5C%5Cevil.example",
        "/%5C/evil.example",
        "/ok%5C..%5Cevil",
        "//evil.example",
        "///evil.example",
        "https://evil.example/",
        "evil.example",
        "/%00/evil.example",
        "/%7f/evil.example",
        "/%C3%A9vil",
        "/%20/evil.example",
    ];
    let v = app.visitor();
    for back in vectors {
        let res = v.get(&format!("/lang/en?back={back}")).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "back={back}");
        assert_eq!(location(&res), "/", "back={back}");
    }
    // The same targets as the login's `next`, typed into the form.
    let email = app.email(Role::Admin);
    for next in vectors {
        let decoded: String =
            serde_urlencoded::from_str::<Vec<(String, String)>>(&format!("n={next}"))
                .unwrap()
                .remove(0)
                .1;
        let v = app.visitor();
        let res = v
            .submit(
                "/login",
                "/login",
                &[
                    ("email", &email),
                    ("password", DEMO_PASSWORD),
                    ("next", &decoded),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "next={next}");
        assert_eq!(location(&res), "/", "next={next}");
    }
    // A path on this site still goes where it says.
    let res = v.get("/lang/sv?back=/participants%3Fq%3Da%2520b").await;
    assert_eq!(location(&res), "/participants?q=a%20b");
}

// ====================================================================== API tokens

async fn api_tokens_are_named_expire_and_are_revoked_by_their_owner_or_an_admin(app: &TestApp) {
    let api = Api::new(app);
    let v = app.logged_in(Role::Coordinator).await;
    let page = v.page("/").await;
    assert!(
        page.contains("href=\"/account/tokens\""),
        "linked from every page"
    );
    let form = v.page("/account/tokens").await;
    for field in ["name", "expires_days"] {
        assert!(
            html::tag_with_name(&form, "input", field).is_some(),
            "{field}"
        );
    }

    // A wrong number of days: said beside the field, the name kept.
    let res = v
        .submit(
            "/account/tokens",
            "/account/tokens",
            &[("name", "Rapportskript"), ("expires_days", "9999")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        html::element_by_id(&page, "error-expires_days").is_some(),
        "{page}"
    );
    assert_eq!(
        html::input_value(&page, "name").as_deref(),
        Some("Rapportskript")
    );

    let make = async |name: &str| {
        let res = v
            .submit(
                "/account/tokens",
                "/account/tokens",
                &[("name", name), ("expires_days", "30")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let page = res.text().await.unwrap();
        page.split("<code id=\"new-token\">")
            .nth(1)
            .and_then(|r| r.split('<').next())
            .expect("the new token, shown once")
            .to_string()
    };
    let report = make("Rapportskript").await;
    let backup = make("Säkerhetskopia").await;
    let expiring = make("Kortlivad").await;
    for t in [&report, &backup, &expiring] {
        assert_eq!(api.get("/participants", t).await.0, StatusCode::OK);
    }
    let list = v.page("/account/tokens").await;
    assert!(html::shows(&list, "Rapportskript") && html::shows(&list, "Säkerhetskopia"));
    assert!(!list.contains(&report), "never shown again");

    // Its owner revokes one: refused from then on, with JSON.
    let coordinator = app.actor(Role::Coordinator).await;
    let owner_id = coordinator.user_id().unwrap();
    let tokens = app.store.tokens(&coordinator, owner_id).await.unwrap();
    let id_of = |name: &str| tokens.iter().find(|t| t.name == name).unwrap().id;
    let res = v
        .submit(
            "/account/tokens",
            &format!("/account/tokens/{}/revoke", id_of("Rapportskript")),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (status, body) = api.get("/participants", &report).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(body.is_object(), "JSON: {body}");
    assert!(html::shows(&v.page("/account/tokens").await, "Återkallad"));

    // Expired: the same.
    app.store
        .connection()
        .execute_unprepared(&format!(
            "UPDATE api_tokens SET expires_at = created_at WHERE id = {}",
            id_of("Kortlivad")
        ))
        .await
        .unwrap();
    let (status, body) = api.get("/participants", &expiring).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(body.is_object(), "JSON: {body}");

    // Someone else cannot revoke it through their own page, nor see the admin's page.
    let supervisor = app.logged_in(Role::Supervisor).await;
    let res = supervisor
        .submit(
            "/account/tokens",
            &format!("/account/tokens/{}/revoke", id_of("Säkerhetskopia")),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let admin_page = format!("/admin/users/{owner_id}/tokens");
    assert_eq!(
        supervisor.get(&admin_page).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(api.get("/participants", &backup).await.0, StatusCode::OK);

    // An administrator sees the user's tokens and revokes one.
    let admin = app.logged_in(Role::Admin).await;
    assert!(admin.page("/admin/users").await.contains(&admin_page));
    let page = admin.page(&admin_page).await;
    assert!(html::shows(&page, "Säkerhetskopia"), "{page}");
    assert!(page.contains(coordinator.email()), "whose tokens");
    let res = admin
        .submit(
            &admin_page,
            &format!("{admin_page}/{}/revoke", id_of("Säkerhetskopia")),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), admin_page);
    assert_eq!(
        api.get("/participants", &backup).await.0,
        StatusCode::UNAUTHORIZED
    );
}
