//! Web stories: a coordinator books a follow-up meeting with the intern's supervisor (the
//! invitations carry calendar files), the supervisor reads it, the meeting is cancelled; the case
//! log is the coordinator's alone.

use super::*;
use base64::Engine as _;
use std::collections::BTreeSet;

both!(
    app:
    a_coordinator_books_a_follow_up_and_everyone_invited_gets_a_calendar_invitation,
    the_case_log_is_read_by_coordinators_only_and_every_read_is_audited,
    the_api_books_meetings_and_keeps_the_case_log_to_coordinators,
);

/// Swedish local time `days` from now at 10:00, as a `datetime-local` input sends it.
fn local_at(days: i64, hour: u32) -> String {
    let d = brygga_domain::calendar::today() + chrono::Duration::days(days);
    format!("{d}T{hour:02}:00")
}

/// The calendar files queued for one meeting, as (recipient, method, ics text).
async fn invitations(app: &TestApp, meeting: i64) -> Vec<(String, String, String)> {
    use sea_orm::ConnectionTrait;
    let db = app.store.connection();
    let rows = db
        .query_all_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT payload FROM jobs ORDER BY id",
        ))
        .await
        .unwrap();
    let mut out = vec![];
    for r in rows {
        let payload: String = r.try_get_by_index(0).unwrap();
        let v: Value = serde_json::from_str(&payload).unwrap();
        for a in v["attachments"].as_array().cloned().unwrap_or_default() {
            let ct = a["content_type"].as_str().unwrap_or_default();
            if !ct.starts_with("text/calendar") {
                continue;
            }
            let ics = String::from_utf8(
                base64::engine::general_purpose::STANDARD
                    .decode(a["data_base64"].as_str().unwrap())
                    .unwrap(),
            )
            .unwrap();
            if !ics.contains(&format!("UID:meeting-{meeting}@")) {
                continue;
            }
            let method = if ct.contains("method=CANCEL") {
                "CANCEL"
            } else {
                "REQUEST"
            };
            out.push((
                v["to"][0].as_str().unwrap().to_string(),
                method.to_string(),
                ics,
            ));
        }
    }
    out
}

/// The supervisor's intern, who is also in the coordinator's programme.
async fn intern(app: &TestApp) -> i32 {
    let mine = app.participant_ids_for(Role::Coordinator).await;
    app.participant_ids_for(Role::Supervisor)
        .await
        .into_iter()
        .find(|p| mine.contains(p))
        .expect("an intern of the demo supervisor in the coordinator's programme")
}

async fn a_coordinator_books_a_follow_up_and_everyone_invited_gets_a_calendar_invitation(
    app: &TestApp,
) {
    let p = intern(app).await;
    let coordinator = app.logged_in(Role::Coordinator).await;
    let supervisor_id = app.actor(Role::Supervisor).await.user_id().unwrap();
    let participant_page = coordinator.page(&format!("/participants/{p}")).await;
    assert!(participant_page.contains(&format!("href=\"/participants/{p}/meetings\"")));
    let list = format!("/participants/{p}/meetings");
    let page = coordinator.page(&list).await;
    assert!(page.contains(&format!("href=\"/participants/{p}/meetings/new\"")));
    let new = format!("/participants/{p}/meetings/new");
    let form = coordinator.page(&new).await;
    assert!(
        form.contains(&format!(
            "name=\"invitee_user_ids\" value=\"{supervisor_id}\""
        )),
        "the intern's supervisor is offered: {form}"
    );

    // Every bad input is named beside its field and nothing typed is lost.
    let mut fields: Vec<(String, String)> = html::form_fields(&form, &list)
        .into_iter()
        .filter(|(k, _)| !k.starts_with("guest_"))
        .collect();
    let set = |fields: &mut Vec<(String, String)>, k: &str, v: &str| {
        fields.retain(|(x, _)| x != k);
        fields.push((k.into(), v.into()));
    };
    set(&mut fields, "starts_at", &local_at(-2, 10));
    set(&mut fields, "ends_at", &local_at(-2, 9));
    set(&mut fields, "location", "");
    fields.push(("invitee_user_ids".into(), supervisor_id.to_string()));
    fields.push(("guest_names".into(), "Tolk Tina".into()));
    fields.push(("guest_emails".into(), "inte en adress".into()));
    let res = coordinator.post(&list, &fields).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    for (field, words) in [
        ("starts_at", "förflutna"),
        ("ends_at", "sluta efter"),
        ("location", "plats eller en länk"),
        ("guests", "giltig e-postadress"),
    ] {
        let e = html::element_by_id(&page, &format!("error-{field}"))
            .unwrap_or_else(|| panic!("an error at {field}: {page}"));
        assert!(html::shows(&e, words), "{field}: {e}");
    }
    assert_eq!(
        html::input_value(&page, "starts_at").as_deref(),
        Some(local_at(-2, 10).as_str())
    );
    assert!(html::checked(&page, "invitee_user_ids").contains(&supervisor_id.to_string()));
    assert!(
        page.contains("inte en adress"),
        "the guest's address is kept"
    );

    // A good booking: the coordinator (ticked by default), the supervisor and a guest.
    set(&mut fields, "starts_at", &local_at(7, 10));
    set(&mut fields, "ends_at", &local_at(7, 11));
    set(&mut fields, "location", "Ängen, konferensrummet");
    set(&mut fields, "guest_emails", "tina@tolk.example");
    set(&mut fields, "kind", "three_way");
    let res = coordinator.post(&list, &fields).await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "{}",
        res.text().await.unwrap()
    );
    let to = location(&res);
    let id: i64 = to
        .trim_start_matches("/meetings/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    // The same form sent again books nothing more.
    let again = coordinator.post(&list, &fields).await;
    assert_eq!(location(&again), to);

    let sent = invitations(app, id).await;
    let recipients: BTreeSet<&str> = sent.iter().map(|(t, _, _)| t.as_str()).collect();
    assert_eq!(sent.len(), 3, "one per invitee: {recipients:?}");
    assert!(recipients.contains(app.email(Role::Supervisor).as_str()));
    assert!(recipients.contains(app.email(Role::Coordinator).as_str()));
    assert!(recipients.contains("tina@tolk.example"));
    let uid = format!("UID:meeting-{id}@");
    for (_, method, ics) in &sent {
        assert_eq!(method, "REQUEST");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
        assert!(ics.contains("METHOD:REQUEST\r\n"), "{ics}");
        assert!(ics.contains(&uid), "{ics}");
        assert!(ics.contains("SEQUENCE:0"), "{ics}");
        assert!(
            ics.contains("BEGIN:VEVENT") && ics.contains("END:VEVENT"),
            "{ics}"
        );
    }

    let page = coordinator.page(&to).await;
    assert!(html::shows(&page, "Trepartssamtal"), "{page}");
    assert!(html::shows(&page, "Tolk Tina"));

    // Notes: one shared with the participant, one not; an action for the supervisor.
    let meeting = format!("/meetings/{id}");
    let res = coordinator
        .submit(
            &meeting,
            &format!("{meeting}/notes"),
            &[("text", "Praktiken går bra."), ("shared", "on")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = coordinator
        .submit(
            &meeting,
            &format!("{meeting}/notes"),
            &[("text", "Handledaren vill ha tätare kontakt.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let day = local_at(7, 10)[..10].to_string();
    let before = (chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").unwrap()
        - chrono::Duration::days(1))
    .to_string();
    let res = coordinator
        .submit(
            &meeting,
            &format!("{meeting}/actions"),
            &[
                ("text", "Ta fram arbetsschema"),
                ("owner_user_id", &supervisor_id.to_string()),
                ("due_on", &before),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let e = html::element_by_id(&page, "error-due_on").expect("error beside the due date");
    assert!(html::shows(&e, "före mötet"), "{e}");
    assert_eq!(
        html::input_value(&page, "text").as_deref(),
        Some("Ta fram arbetsschema")
    );
    let res = coordinator
        .submit(
            &meeting,
            &format!("{meeting}/actions"),
            &[
                ("text", "Ta fram arbetsschema"),
                ("owner_user_id", &supervisor_id.to_string()),
                ("due_on", &day),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // The invited supervisor reads the meeting, every note, and marks her action done.
    let supervisor = app.logged_in(Role::Supervisor).await;
    let page = supervisor.page(&meeting).await;
    assert!(html::shows(&page, "Praktiken går bra."));
    assert!(html::shows(&page, "Handledaren vill ha tätare kontakt."));
    assert!(!page.contains(&format!("action=\"{meeting}/cancel\"")));
    let done = html::tags(&page, "form")
        .into_iter()
        .filter_map(|f| html::attr(&f, "action"))
        .find(|a| a.starts_with("/meeting-actions/"))
        .expect("a done button for her own action");
    let res = supervisor
        .submit(&meeting, &done, &[("version", "1")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = supervisor.page(&meeting).await;
    assert!(
        !page.contains(&format!("action=\"{done}\"")),
        "done, so no button any more"
    );

    // Not invited: the employer contact, the evaluator; the meeting does not exist for them.
    let contact = app.logged_in(Role::EmployerContact).await;
    assert_eq!(contact.get(&meeting).await.status(), StatusCode::NOT_FOUND);
    let evaluator = app.logged_in(Role::Evaluator).await;
    assert_eq!(
        evaluator.get(&meeting).await.status(),
        StatusCode::FORBIDDEN
    );

    // Cancel: a stale version is a conflict; then everyone gets a CANCEL for the same UID.
    let res = coordinator
        .submit(&meeting, &format!("{meeting}/cancel"), &[("version", "7")])
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let page = coordinator.page(&meeting).await;
    let version = html::form_fields(&page, &format!("{meeting}/cancel"))
        .into_iter()
        .find(|(k, _)| k == "version")
        .unwrap()
        .1;
    let res = coordinator
        .submit(
            &meeting,
            &format!("{meeting}/cancel"),
            &[("version", &version)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let sent = invitations(app, id).await;
    let cancels: Vec<&(String, String, String)> =
        sent.iter().filter(|(_, m, _)| m == "CANCEL").collect();
    assert_eq!(cancels.len(), 3);
    for (_, _, ics) in cancels {
        assert!(
            ics.contains("METHOD:CANCEL\r\n") && ics.contains(&uid),
            "{ics}"
        );
        assert!(ics.contains("STATUS:CANCELLED"), "{ics}");
    }
    assert!(html::shows(&coordinator.page(&meeting).await, "Inställt"));
}

async fn the_case_log_is_read_by_coordinators_only_and_every_read_is_audited(app: &TestApp) {
    let p = intern(app).await;
    let path = format!("/participants/{p}/caselog");
    let coordinator = app.logged_in(Role::Coordinator).await;
    let page = coordinator.page(&format!("/participants/{p}")).await;
    assert!(page.contains(&format!("href=\"{path}\"")));
    let page = coordinator.page(&path).await;
    assert!(
        html::shows(&page, "kan inte ändras eller tas bort"),
        "{page}"
    );

    // A need without its topic, dated tomorrow: both named, the text kept.
    let tomorrow = (brygga_domain::calendar::today() + chrono::Duration::days(1)).to_string();
    let res = coordinator
        .submit(
            &path,
            &path,
            &[
                ("entry_date", &tomorrow),
                ("kind", "need_or_obstacle"),
                ("text", "Saknar förskoleplats."),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        html::element_by_id(&page, "error-topic").is_some(),
        "{page}"
    );
    assert!(html::element_by_id(&page, "error-entry_date").is_some());
    assert_eq!(
        html::textarea(&page, "text").as_deref(),
        Some("Saknar förskoleplats.")
    );
    let today = brygga_domain::calendar::today().to_string();
    let res = coordinator
        .submit(
            &path,
            &path,
            &[
                ("entry_date", &today),
                ("kind", "need_or_obstacle"),
                ("topic", "childcare"),
                ("text", "Saknar förskoleplats."),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = coordinator.page(&path).await;
    assert!(html::shows(&page, "Saknar förskoleplats."));
    assert!(html::shows(&page, "Barnomsorg"));

    use sea_orm::ConnectionTrait;
    let db = app.store.connection();
    let reads = db
        .query_all_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            format!(
                "SELECT id FROM audit_log WHERE resource = 'case_log' \
                 AND action = 'read_special_needs' AND record_id = {p}"
            ),
        ))
        .await
        .unwrap();
    // Five views: the page, each form's page before sending, and the refused form shown again.
    assert_eq!(reads.len(), 5, "every view of the log is audited");

    for role in [
        Role::ProgrammeManager,
        Role::Supervisor,
        Role::EmployerContact,
        Role::EsOfficer,
        Role::Participant,
    ] {
        let v = app.logged_in(role).await;
        assert_eq!(v.get(&path).await.status(), StatusCode::FORBIDDEN, "{role}");
        if let Ok(own) = v.get(&format!("/participants/{p}")).await.text().await {
            assert!(
                !own.contains(&format!("href=\"{path}\"")),
                "{role} sees no link"
            );
        }
    }
}

async fn the_api_books_meetings_and_keeps_the_case_log_to_coordinators(app: &TestApp) {
    let p = intern(app).await;
    let api = Api::new(app);
    let token = app.token(Role::Coordinator).await;
    let supervisor = app.actor(Role::Supervisor).await.user_id().unwrap();
    let path = format!("/participants/{p}/meetings");
    let (status, body) = api
        .post(
            &path,
            &token,
            &json!({"kind": "follow_up", "starts_at": local_at(5, 13), "ends_at": local_at(5, 12),
                    "location": "", "invitee_user_ids": [supervisor.to_string()]}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let fields: BTreeSet<String> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_string())
        .collect();
    assert!(
        fields.contains("ends_at") && fields.contains("location"),
        "{body}"
    );

    let (status, body) = api
        .post(
            &path,
            &token,
            &json!({"kind": "follow_up", "starts_at": local_at(5, 12), "ends_at": local_at(5, 13),
                    "meeting_link": "https://meet.example/abc",
                    "invitee_user_ids": [supervisor.to_string()]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["id"].as_i64().unwrap();
    let (status, m) = api.get(&format!("/meetings/{id}"), &token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(m["kind"], "follow_up");
    assert_eq!(m["may_update"], true);
    let sup_token = app.token(Role::Supervisor).await;
    let (status, m) = api.get(&format!("/meetings/{id}"), &sup_token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(m["may_update"], false);
    let (status, _) = api
        .post(
            &format!("/meetings/{id}/cancel"),
            &sup_token,
            &json!({"version": 1}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let contact = app.token(Role::EmployerContact).await;
    let (status, _) = api.get(&format!("/meetings/{id}"), &contact).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let log = format!("/participants/{p}/caselog");
    let (status, body) = api
        .post(
            &log,
            &token,
            &json!({"entry_date": brygga_domain::calendar::today().to_string(),
                    "kind": "referral", "referral": "study_career_guidance",
                    "text": "Hänvisad till studie- och yrkesvägledning."}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, body) = api.get(&log, &token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["entries"][0]["referral"], "study_career_guidance");
    for role in [Role::ProgrammeManager, Role::Supervisor, Role::Participant] {
        let t = app.token(role).await;
        let (status, _) = api.get(&log, &t).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{role}");
    }
}
