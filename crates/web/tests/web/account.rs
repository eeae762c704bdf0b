//! Web stories: a coordinator invites a supervisor from the employer page, the link on screen
//! sets her password and she sees her intern; used, expired and unknown links are refused with
//! a clear page; unlinking takes the intern away; an admin edits a user (a stale version is a
//! conflict) and sends a password reset; the API invites and edits.

use super::*;

both!(
    app:
    a_coordinator_invites_a_supervisor_who_then_sees_her_intern,
    an_admin_edits_a_user_and_sends_a_password_reset,
    invitations_and_users_in_the_api,
);

/// An employer with a supervisor who has an intern in the coordinator's programme: (employer,
/// supervisor, participant).
async fn supervisor_with_intern(app: &TestApp) -> (i32, i32, i32) {
    let coordinator = app.actor(Role::Coordinator).await;
    let programme = app.programme_of(Role::Coordinator).await;
    let mut d = employer_draft("Inbjudan AB", &org_number("556677889"));
    d.supervisors = vec![brygga_domain::registry::SupervisorDraft {
        name: "Sara Handledare".into(),
        email: "sara.handledare@inbjudan.se".into(),
        training_status: "not_started".into(),
        ..Default::default()
    }];
    d.contacts = vec![brygga_domain::registry::ContactDraft {
        name: "Karin Kontakt".into(),
        email: "karin@inbjudan.se".into(),
        ..Default::default()
    }];
    let refdata = brygga_testkit::refdata();
    let employer = app
        .store
        .employer_create(&coordinator, &d.validate(refdata, today()).unwrap())
        .await
        .unwrap();
    let rec = app
        .store
        .employer_get(&coordinator, employer)
        .await
        .unwrap();
    let placement = app
        .store
        .placement_create(
            &coordinator,
            &placement_draft(employer, "9629").validate(refdata).unwrap(),
        )
        .await
        .unwrap();
    let participant = app
        .store
        .participant_create(
            &coordinator,
            &participant_draft(programme, "Hanna", "")
                .validate(refdata, today())
                .unwrap(),
        )
        .await
        .unwrap();
    // The coordinator starts the internship from a draft internship agreement.
    {
        use sea_orm::ConnectionTrait;
        let db = app.store.connection();
        db.execute_unprepared(&format!(
            "INSERT INTO agreements (kind, employer_id, participant_id, placement_id, status, \
             created_at, updated_at, version) VALUES ('internship', {employer}, {participant}, \
             {placement}, 'draft', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)"
        ))
        .await
        .unwrap();
    }
    let days = app
        .store
        .placement_get(&coordinator, placement)
        .await
        .unwrap()
        .days_per_week;
    app.store
        .internship_create(
            &coordinator,
            participant,
            &brygga_domain::internship::InternshipInput {
                placement_id: placement,
                supervisor_id: Some(rec.supervisors[0].id),
                start_date: today(),
                end_date: today() + chrono::Duration::days(30),
                days_per_week: days,
                hours_per_week: None,
            },
        )
        .await
        .unwrap();
    (employer, rec.supervisors[0].id, participant)
}

/// The path of the one-time link the page shows (the app's public URL stripped).
fn link_path(html: &str) -> String {
    let link = html::element_by_id(html, "one-time-link")
        .and_then(|t| html::attr(&t, "value"))
        .expect("the link is shown when no SMTP server is configured");
    let i = link.find("/invitation/").expect("an invitation link");
    link[i..].to_string()
}

async fn a_coordinator_invites_a_supervisor_who_then_sees_her_intern(app: &TestApp) {
    let (employer, supervisor, _) = supervisor_with_intern(app).await;
    let coordinator = app.logged_in(Role::Coordinator).await;
    let page = coordinator.page(&format!("/employers/{employer}")).await;
    assert!(html::shows(&page, "Ingen inloggning"), "{page}");
    let invite = format!("/invitations/new?kind=supervisor&record={supervisor}");
    assert!(
        html::shows(&page, &invite),
        "the employer page links to the invitation"
    );
    let form = coordinator.page(&invite).await;
    assert_eq!(
        html::input_value(&form, "email").as_deref(),
        Some("sara.handledare@inbjudan.se"),
        "the record's address is filled in"
    );

    // Control characters in the name: refused beside the field, nothing typed lost.
    let res = coordinator
        .submit(
            &invite,
            "/invitations",
            &[
                ("kind", "supervisor"),
                ("record", &supervisor.to_string()),
                ("name", "Sara\u{1b}[31m"),
                ("email", "sara.handledare@inbjudan.se"),
                ("lang", "sv"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(html::element_by_id(&body, "error-name").is_some(), "{body}");
    assert_eq!(
        html::input_value(&body, "email").as_deref(),
        Some("sara.handledare@inbjudan.se")
    );

    let res = coordinator
        .submit(
            &invite,
            "/invitations",
            &[
                ("kind", "supervisor"),
                ("record", &supervisor.to_string()),
                ("name", "Sara <Handledare>"),
                ("email", "sara.handledare@inbjudan.se"),
                ("lang", "sv"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let sent = res.text().await.unwrap();
    let link = link_path(&sent);
    // The email is queued too, for when a server is configured.
    let jobs = app
        .store
        .job_list(
            &Actor::system_for("test"),
            &brygga_store::jobs::JobFilter {
                page: 1,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(
        jobs.items.iter().any(|j| j.email.as_ref().is_some_and(|e| e
            .to
            .contains(&"sara.handledare@inbjudan.se".to_string())
            && e.text.contains(&link))),
        "the invitation email is queued"
    );
    let page = coordinator.page(&format!("/employers/{employer}")).await;
    assert!(html::shows(&page, "Inbjuden"), "{page}");

    // Sara opens the link: her name escaped, a password too short or mistyped is refused.
    let sara = app.visitor();
    let form = sara.page(&link).await;
    assert!(form.contains("Sara &lt;Handledare&gt;") || form.contains("Sara &#60;Handledare&#62;"));
    assert!(!form.contains("<Handledare>"));
    let res = sara
        .submit(&link, &link, &[("password", "kort"), ("repeat", "kort")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::element_by_id(&res.text().await.unwrap(), "error-password").is_some());
    let password = "ett långt lösenord för sara";
    let res = sara
        .submit(
            &link,
            &link,
            &[("password", password), ("repeat", password)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/");
    // Logged in, she sees her intern.
    let list = sara.page("/participants").await;
    assert!(html::shows(&list, "Hanna"), "{list}");
    // And logs in again later with the password she chose.
    let again = app.visitor();
    assert_eq!(
        again
            .login("sara.handledare@inbjudan.se", password)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );

    // The link works once.
    let other = app.visitor();
    let res = other.get(&link).await;
    assert_eq!(res.status(), StatusCode::GONE);
    assert!(html::shows(&res.text().await.unwrap(), "redan använd"));
    let res = other
        .post(
            &link,
            &[
                ("csrf".into(), csrf_of(&other.page("/login").await)),
                ("password".into(), password.into()),
                ("repeat".into(), password.into()),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::GONE);
    // An unknown link is a clear 404, never a 500.
    let res = other.get("/invitation/inte-en-riktig-länk").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(html::shows(
        &res.text().await.unwrap(),
        "Länken gäller inte"
    ));

    // An expired link says so.
    let contact = app
        .store
        .employer_get(&Actor::system_for("test"), employer)
        .await
        .unwrap()
        .contacts[0]
        .id;
    let res = coordinator
        .submit(
            &format!("/invitations/new?kind=employer_contact&record={contact}"),
            "/invitations",
            &[
                ("kind", "employer_contact"),
                ("record", &contact.to_string()),
                ("name", "Karin Kontakt"),
                ("email", "karin@inbjudan.se"),
                ("lang", "en"),
            ],
        )
        .await;
    let karin_link = link_path(&res.text().await.unwrap());
    use sea_orm::ConnectionTrait;
    app.store
        .connection()
        .execute_unprepared(
            "UPDATE invitations SET expires_at = created_at WHERE email = 'karin@inbjudan.se'",
        )
        .await
        .unwrap();
    let res = app.visitor().get(&karin_link).await;
    assert_eq!(res.status(), StatusCode::GONE);
    let body = res.text().await.unwrap();
    assert!(html::shows(&body, "gått ut"), "{body}");

    // The employer page shows Sara's login; unlinking it takes her intern away.
    let page = coordinator.page(&format!("/employers/{employer}")).await;
    assert!(html::shows(&page, "sara.handledare@inbjudan.se"));
    let res = coordinator
        .submit(
            &format!("/employers/{employer}"),
            "/accounts/unlink",
            &[("kind", "supervisor"), ("record", &supervisor.to_string())],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("/employers/{employer}"));
    let list = sara.page("/participants").await;
    assert!(!html::shows(&list, "Hanna"), "{list}");
    // Relinked by her address.
    let res = coordinator
        .submit(
            &invite,
            "/accounts/link",
            &[
                ("kind", "supervisor"),
                ("record", &supervisor.to_string()),
                ("email", "ingen.sadan@inbjudan.se"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::shows(
        &res.text().await.unwrap(),
        "ingen.sadan@inbjudan.se"
    ));
    let res = coordinator
        .submit(
            &invite,
            "/accounts/link",
            &[
                ("kind", "supervisor"),
                ("record", &supervisor.to_string()),
                ("email", "sara.handledare@inbjudan.se"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(html::shows(&sara.page("/participants").await, "Hanna"));

    // Who may not: a supervisor invites nobody; a coordinator never invites an administrator.
    assert_eq!(sara.get(&invite).await.status(), StatusCode::FORBIDDEN);
    let staff = coordinator.page("/invitations/new?kind=staff").await;
    assert!(!staff.contains("value=\"admin\""));
    let res = coordinator
        .submit(
            "/invitations/new?kind=staff",
            "/invitations",
            &[
                ("kind", "staff"),
                ("name", "Ny Admin"),
                ("email", "ny.admin@inbjudan.se"),
                ("role", "admin"),
                (
                    "org_ids",
                    &app.programme_of(Role::Coordinator).await.to_string(),
                ),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

async fn an_admin_edits_a_user_and_sends_a_password_reset(app: &TestApp) {
    let admin = app.logged_in(Role::Admin).await;
    let evaluator = app.actor(Role::Evaluator).await;
    let id = evaluator.user_id().unwrap();
    // The new-user form starts at the least powerful role.
    let new = admin.page("/admin/users/new").await;
    assert_eq!(html::selected(&new, "role").as_deref(), Some("evaluator"));

    let edit = format!("/admin/users/{id}/edit");
    let form = admin.page(&edit).await;
    let fields = html::form_fields(&form, &edit);
    let version = html::input_value(&form, "version").unwrap();
    // Someone else saves first.
    let renamed = replace(&fields, "name", "Eva Först");
    let res = admin.post(&edit, &renamed).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // The same form sent again is stale: a conflict, the typed name kept.
    let stale = replace(&fields, "name", "Eva <b>Sist</b>");
    let res = admin.post(&edit, &stale).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body = res.text().await.unwrap();
    assert!(html::shows(&body, "Eva <b>Sist</b>"), "{body}");
    assert!(!body.contains("<b>Sist</b>"), "escaped");
    assert_eq!(html::input_value(&body, "version").unwrap(), version);
    // A fresh form saves; markup stays text.
    let form = admin.page(&edit).await;
    let fields = replace(&html::form_fields(&form, &edit), "name", "Eva <b>Sist</b>");
    let res = admin.post(&edit, &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let list = admin.page("/admin/users").await;
    assert!(html::shows(&list, "Eva <b>Sist</b>"));
    assert!(!list.contains("<b>Sist</b>"));
    // A control character in the name is a field error.
    let form = admin.page(&edit).await;
    let fields = replace(&html::form_fields(&form, &edit), "name", "Eva\u{0}");
    let res = admin.post(&edit, &fields).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::element_by_id(&res.text().await.unwrap(), "error-name").is_some());

    // A password reset: the link on screen sets a new password once.
    let res = admin
        .submit(
            &edit,
            &format!("/admin/users/{id}/reset"),
            &[("lang", "sv")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let link = link_path(&res.text().await.unwrap());
    let eva = app.visitor();
    assert!(html::shows(
        &eva.page(&link).await,
        "Välj ett nytt lösenord"
    ));
    let password = "evas nya långa lösenord";
    let res = eva
        .submit(
            &link,
            &link,
            &[("password", password), ("repeat", password)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.visitor()
            .login(&app.email(Role::Evaluator), DEMO_PASSWORD)
            .await
            .status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the old password no longer works"
    );
    assert_eq!(eva.get(&link).await.status(), StatusCode::GONE);

    // Only administrators edit users.
    let coordinator = app.logged_in(Role::Coordinator).await;
    assert_eq!(coordinator.get(&edit).await.status(), StatusCode::FORBIDDEN);
}

async fn invitations_and_users_in_the_api(app: &TestApp) {
    let (_, supervisor, participant) = supervisor_with_intern(app).await;
    let api = Api::new(app);
    let coordinator = app.token(Role::Coordinator).await;
    let admin = app.token(Role::Admin).await;
    let supervisor_token = app.token(Role::Supervisor).await;

    let (status, body) = api
        .post(
            "/invitations",
            &coordinator,
            &json!({"kind": "supervisor", "record_id": supervisor, "email": "sara.api@inbjudan.se", "name": "Sara Api"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let link = body["link"].as_str().unwrap();
    assert!(link.contains("/invitation/"), "{body}");
    // Bad input: field errors.
    let (status, body) = api
        .post(
            "/invitations",
            &coordinator,
            &json!({"kind": "participant", "record_id": participant, "email": "inte en adress", "name": ""}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert!(
        fields.contains(&"email") && fields.contains(&"name"),
        "{body}"
    );
    let (status, _) = api
        .post(
            "/invitations",
            &supervisor_token,
            &json!({"kind": "supervisor", "record_id": supervisor, "email": "x@inbjudan.se", "name": "X"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // An administrator reads and edits a user by version.
    let id = app.actor(Role::Evaluator).await.user_id().unwrap();
    let (status, user) = api.get(&format!("/users/{id}"), &admin).await;
    assert_eq!(status, StatusCode::OK, "{user}");
    let mut changed = user.clone();
    changed["name"] = json!("Eva Api");
    let (status, body) = api.put(&format!("/users/{id}"), &admin, &changed).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (status, _) = api.put(&format!("/users/{id}"), &admin, &changed).await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "the same version again is stale"
    );
    let (status, _) = api.get(&format!("/users/{id}"), &coordinator).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
