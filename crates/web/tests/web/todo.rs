//! Web stories: each role's to-do list on the home page, the e-mail digest of it and its
//! settings.

use super::*;

both!(
    app:
    each_role_sees_on_its_home_page_what_it_must_act_on,
    the_digest_mails_each_new_thing_once_to_those_who_want_it,
    notification_settings_keep_what_was_typed_when_refused,
);

/// The first value of a one-row query.
async fn scalar(app: &TestApp, sql: &str) -> i64 {
    use sea_orm::ConnectionTrait;
    let db = app.store.connection();
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            sql.to_string(),
        ))
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no row: {sql}"));
    row.try_get_by_index::<i64>(0)
        .or_else(|_| row.try_get_by_index::<i32>(0).map(i64::from))
        .unwrap_or_else(|e| panic!("{sql}: {e:?}"))
}

/// A participant of the coordinator's programme who shares with employers and is not yet a
/// candidate for `placement`.
async fn unproposed_candidate(app: &TestApp, placement: i64) -> i64 {
    let programme = app.programme_of(Role::Coordinator).await;
    scalar(
        app,
        &format!(
            "SELECT min(id) FROM participants WHERE programme_id = {programme} \
             AND shares_with_employers AND id NOT IN \
             (SELECT participant_id FROM candidate_proposals WHERE placement_id = {placement})"
        ),
    )
    .await
}

/// The published placement of the demo contact's employer.
async fn employer_placement(app: &TestApp) -> i64 {
    let employer = app
        .actor(Role::EmployerContact)
        .await
        .employer_id()
        .expect("the demo contact's employer");
    scalar(
        app,
        &format!(
            "SELECT min(id) FROM placements WHERE employer_id = {employer} AND status = 'published'"
        ),
    )
    .await
}

async fn propose(app: &TestApp, participant: i64, placement: i64) {
    let api = Api::new(app);
    let token = app.token(Role::Coordinator).await;
    let (status, body) = api
        .post(
            &format!("/placements/{placement}/proposals"),
            &token,
            &json!({"participant_id": participant, "override_reason": "Samordnaren har talat med arbetsgivaren"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

async fn each_role_sees_on_its_home_page_what_it_must_act_on(app: &TestApp) {
    // The coordinator: the inbox's new interests, counted as the inbox counts them.
    let coordinator = app.logged_in(Role::Coordinator).await;
    let home = coordinator.page("/").await;
    assert!(html::shows(&home, "Att göra"), "{home}");
    let new = scalar(app, "SELECT count(*) FROM interests WHERE status = 'new'").await;
    assert!(new > 0, "the demo has new interests");
    assert!(
        html::shows(&home, &format!("Nya intresseanmälningar ({new})")),
        "{home}"
    );
    let newest = scalar(app, "SELECT max(id) FROM interests WHERE status = 'new'").await;
    assert!(
        home.contains(&format!("href=\"/inbox/{newest}\"")),
        "{home}"
    );

    // The employer contact: a candidate the coordinator has just proposed.
    let placement = employer_placement(app).await;
    let employer = app.logged_in(Role::EmployerContact).await;
    let before = employer.page("/").await;
    let candidate = unproposed_candidate(app, placement).await;
    propose(app, candidate, placement).await;
    let after = employer.page("/").await;
    let proposed = scalar(
        app,
        &format!(
            "SELECT count(*) FROM candidate_proposals cp JOIN participants p ON p.id = cp.participant_id \
             JOIN placements pl ON pl.id = cp.placement_id \
             WHERE cp.status = 'proposed' AND p.shares_with_employers AND pl.employer_id = \
             (SELECT employer_id FROM placements WHERE id = {placement})"
        ),
    )
    .await;
    assert!(
        html::shows(&after, &format!("Nya föreslagna kandidater ({proposed})")),
        "{after}"
    );
    assert!(
        after.contains(&format!("href=\"/placements/{placement}/pool\"")),
        "{after}"
    );
    assert_ne!(before, after);
    // Nothing of the coordinator's reaches the employer.
    assert!(!html::shows(&after, "Nya intresseanmälningar"), "{after}");

    // The officer: the cases shared with her.
    let officer = app.actor(Role::EsOfficer).await;
    let shared = scalar(
        app,
        &format!(
            "SELECT count(*) FROM case_shares WHERE user_id = {}",
            officer.user_id().unwrap()
        ),
    )
    .await;
    let home = app.logged_in(Role::EsOfficer).await.page("/").await;
    assert!(
        html::shows(&home, &format!("Ärenden som delats med dig ({shared})")),
        "{home}"
    );

    // An evaluator has nothing to act on, and is told so.
    let home = app.logged_in(Role::Evaluator).await.page("/").await;
    assert!(html::shows(&home, "Inget väntar på dig just nu."), "{home}");
}

/// The e-mail jobs queued to `to`.
pub(crate) async fn mails_to(app: &TestApp, to: &str) -> Vec<Value> {
    use sea_orm::ConnectionTrait;
    let db = app.store.connection();
    db.query_all_raw(sea_orm::Statement::from_string(
        db.get_database_backend(),
        "SELECT payload FROM jobs WHERE kind = 'email' ORDER BY id".to_string(),
    ))
    .await
    .unwrap()
    .iter()
    .map(|r| serde_json::from_str::<Value>(&r.try_get_by_index::<String>(0).unwrap()).unwrap())
    .filter(|p| p["to"].as_array().unwrap().iter().any(|t| t == to))
    .collect()
}

async fn the_digest_mails_each_new_thing_once_to_those_who_want_it(app: &TestApp) {
    let now = chrono::Utc::now();
    let queued = brygga_app::notify::queue_digests(&app.app, now)
        .await
        .unwrap();
    assert!(queued > 0, "the demo's to-do lists are mailed once");
    let coordinator = app.email(Role::Coordinator);
    let mails = mails_to(app, &coordinator).await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert_eq!(mails[0]["subject"], "Brygga: nytt att göra");
    let text = mails[0]["text"].as_str().unwrap();
    assert!(text.contains("Nya intresseanmälningar"), "{text}");
    assert!(text.contains("/inbox/"), "{text}");
    assert!(text.contains("/account/notifications"), "{text}");

    // Nothing new: nothing more, however often it runs.
    assert_eq!(
        brygga_app::notify::queue_digests(&app.app, now)
            .await
            .unwrap(),
        0
    );
    assert_eq!(mails_to(app, &coordinator).await.len(), 1);

    // The employer contact turns e-mail off (in English) and then on again; a new candidate is
    // mailed once, in English, naming only the new thing.
    let employer = app.logged_in(Role::EmployerContact).await;
    let res = employer
        .submit(
            "/account/notifications",
            "/account/notifications",
            &[("lang", "en")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let placement = employer_placement(app).await;
    let candidate = unproposed_candidate(app, placement).await;
    propose(app, candidate, placement).await;
    let to = app.email(Role::EmployerContact);
    let before = mails_to(app, &to).await.len();
    brygga_app::notify::queue_digests(&app.app, now)
        .await
        .unwrap();
    assert_eq!(mails_to(app, &to).await.len(), before, "opted out");

    let res = employer
        .submit(
            "/account/notifications",
            "/account/notifications",
            &[("notify_email", "on"), ("lang", "en")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    brygga_app::notify::queue_digests(&app.app, now)
        .await
        .unwrap();
    let mails = mails_to(app, &to).await;
    assert_eq!(mails.len(), before + 1, "{mails:?}");
    let last = mails.last().unwrap();
    assert_eq!(last["subject"], "Brygga: new things to do");
    let text = last["text"].as_str().unwrap();
    assert!(text.contains("New proposed candidates"), "{text}");
    assert!(
        text.contains(&format!("/placements/{placement}/pool")),
        "{text}"
    );
    brygga_app::notify::queue_digests(&app.app, now)
        .await
        .unwrap();
    assert_eq!(mails_to(app, &to).await.len(), before + 1);

    // Two instances reading the same previous digest: only one records it.
    let officer = app.actor(Role::EsOfficer).await.user_id().unwrap();
    let sent = app.store.digest_sent(officer).await.unwrap();
    let next = vec!["case-share-1".to_string()];
    assert!(
        app.store
            .digest_record(officer, &sent, &next, None)
            .await
            .unwrap()
    );
    assert!(
        !app.store
            .digest_record(officer, &sent, &next, None)
            .await
            .unwrap()
    );
}

async fn notification_settings_keep_what_was_typed_when_refused(app: &TestApp) {
    let v = app.logged_in(Role::Supervisor).await;
    let page = v.page("/account/notifications").await;
    assert_eq!(html::checked(&page, "notify_email"), vec!["on".to_string()]);
    assert_eq!(html::selected(&page, "lang").as_deref(), Some("sv"));
    let res = v
        .submit(
            "/account/notifications",
            "/account/notifications",
            &[("lang", "fr<script>")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(html::element_by_id(&page, "error-lang").is_some(), "{page}");
    assert!(html::checked(&page, "notify_email").is_empty(), "{page}");
    assert!(!page.contains("<script>"), "{page}");
    let res = v
        .submit(
            "/account/notifications",
            "/account/notifications",
            &[("notify_email", "on"), ("lang", "en")],
        )
        .await;
    assert_eq!(location(&res), "/account/notifications?saved=1");
    let page = v.page("/account/notifications?saved=1").await;
    assert_eq!(html::selected(&page, "lang").as_deref(), Some("en"));
    assert!(html::shows(&page, "Inställningarna är sparade."), "{page}");
}
