//! Web stories: outcomes after leaving. On the leaving page the coordinator sees the demo's
//! finished participant's follow-up points (at leaving with the employer's decision, the
//! four-week call, three and six months ahead with their dates) and records the next one; bad
//! input keeps what she typed; nothing is recorded for someone who has not left; the API does
//! the same under the same rules.

use super::*;

both!(
    app:
    the_coordinator_follows_up_the_finished_participant,
    the_api_records_outcomes_under_the_same_rules,
);

/// The participant id of the demo supervisor's intern whose name starts with `name`.
async fn participant_of(app: &TestApp, name: &str) -> i32 {
    supervised_intern(app, name).await.1
}

async fn the_coordinator_follows_up_the_finished_participant(app: &TestApp) {
    let fatuma = participant_of(app, "Fatuma").await;
    let coordinator = app.logged_in(Role::Coordinator).await;
    let path = format!("/participants/{fatuma}/exit");
    let page = coordinator.page(&path).await;
    assert!(html::shows(&page, "Utfall och uppföljning"), "{page}");
    assert!(html::shows(&page, "Arbete – nystartsjobb"), "{page}");
    assert!(html::shows(&page, "Anställer henne"), "{page}");
    assert!(html::shows(&page, "Efter tre månader"), "{page}");
    // The form proposes the first point without a record: three months, by a call.
    assert_eq!(html::selected(&page, "point").as_deref(), Some("month3"));

    let action = format!("/participants/{fatuma}/outcomes");
    let ahead = (brygga_app::today() + chrono::Duration::days(1)).to_string();
    let res = coordinator
        .submit(
            &path,
            &action,
            &[
                ("point", "month3"),
                ("status", ""),
                ("source", "call"),
                ("recorded_on", &ahead),
                ("hire", ""),
                ("note", "Ringde <i>två</i> gånger"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(
        html::element_by_id(&body, "error-status").is_some(),
        "{body}"
    );
    assert!(
        html::element_by_id(&body, "error-recorded_on").is_some(),
        "{body}"
    );
    assert_eq!(
        html::textarea(&body, "note").as_deref(),
        Some("Ringde <i>två</i> gånger")
    );

    let today = brygga_app::today().to_string();
    for _ in 0..2 {
        // Sent twice (a double submit): one record.
        let res = coordinator
            .submit(
                &path,
                &action,
                &[
                    ("point", "month3"),
                    ("status", "job_nystartsjobb"),
                    ("source", "call"),
                    ("recorded_on", &today),
                    ("hire", ""),
                    ("note", "Kvar på hemtjänsten"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let o = app
        .store
        .outcomes(&app.actor(Role::Coordinator).await, fatuma)
        .await
        .unwrap();
    assert_eq!(o.points[2].records.len(), 1);
    assert_eq!(o.points[2].records[0].note, "Kvar på hemtjänsten");

    // Someone who has not left: no points, and a forced record is refused by name.
    let amina = participant_of(app, "Amina").await;
    let page = coordinator
        .page(&format!("/participants/{amina}/exit"))
        .await;
    assert!(html::shows(&page, "Uppföljningen börjar när"), "{page}");
    let csrf = csrf_of(&page);
    let res = coordinator
        .post(
            &format!("/participants/{amina}/outcomes"),
            &[
                ("csrf".into(), csrf),
                ("point".into(), "exit".into()),
                ("status".into(), "seeking".into()),
                ("source".into(), "coordinator".into()),
                ("recorded_on".into(), today.clone()),
                ("hire".into(), "not_asked".into()),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Her supervisor may not record outcomes.
    let supervisor = app.logged_in(Role::Supervisor).await;
    let csrf = csrf_of(&supervisor.page("/").await);
    let res = supervisor
        .post(
            &action,
            &[("csrf".into(), csrf), ("point".into(), "month6".into())],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

async fn the_api_records_outcomes_under_the_same_rules(app: &TestApp) {
    let api = Api::new(app);
    let rania = participant_of(app, "Rania").await;
    let coordinator = app.token(Role::Coordinator).await;
    let path = format!("/participants/{rania}/outcomes");
    let (status, body) = api.get(&path, &coordinator).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["points"][0]["point"], "exit");
    assert_eq!(body["points"][0]["records"][0]["hire"], "later");
    assert_eq!(body["points"][1]["records"][0]["status"], "studies_komvux");
    let today = brygga_app::today().to_string();
    let (status, body) = api
        .post(
            &path,
            &coordinator,
            &serde_json::json!({"point": "exit", "status": "seeking", "source": "coordinator", "recorded_on": today}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("hire"), "{body}");
    let (status, body) = api
        .post(
            &path,
            &coordinator,
            &serde_json::json!({"point": "month3", "status": "studies_komvux", "source": "survey", "recorded_on": today}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let supervisor = app.token(Role::Supervisor).await;
    let (status, _) = api.get(&path, &supervisor).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
