//! Web stories: a coordinator records an internship from the participant's page and ends it;
//! the people it concerns read it (the intern on her phone), others do not; the JSON API.

use super::*;

both!(
    app:
    a_coordinator_records_an_internship_and_ends_it_with_a_reason,
    the_internship_page_is_for_those_it_concerns,
    internships_in_the_api,
);

async fn query_ints(app: &TestApp, sql: &str) -> Vec<i32> {
    use sea_orm::ConnectionTrait;
    let db = app.store.connection();
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            sql,
        ))
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no row for {sql}"));
    (0..)
        .map_while(|i| row.try_get_by_index::<i32>(i).ok())
        .collect()
}

/// A demo participant proposed for a placement (in the coordinator's scope) with no live
/// internship, the placement, its days a week and a supervisor of its employer.
async fn candidate(app: &TestApp) -> (i32, i32, i32, i32) {
    let programme = app.programme_of(Role::Coordinator).await;
    let v = query_ints(
        app,
        &format!(
            "SELECT cp.participant_id, cp.placement_id, p.days_per_week, s.id \
             FROM candidate_proposals cp \
             JOIN placements p ON p.id = cp.placement_id \
             JOIN supervisors s ON s.employer_id = p.employer_id \
             JOIN participants pa ON pa.id = cp.participant_id \
             WHERE cp.status NOT IN ('rejected', 'withdrawn') \
             AND pa.programme_id = {programme} \
             AND cp.participant_id NOT IN \
               (SELECT participant_id FROM internships WHERE ended_on IS NULL) \
             ORDER BY cp.id, s.id"
        ),
    )
    .await;
    (v[0], v[1], v[2], v[3])
}

async fn a_coordinator_records_an_internship_and_ends_it_with_a_reason(app: &TestApp) {
    let (participant, placement, days, supervisor) = candidate(app).await;
    let coordinator = app.logged_in(Role::Coordinator).await;
    let path = format!("/participants/{participant}/internships");
    let page = coordinator
        .page(&format!("/participants/{participant}"))
        .await;
    assert!(page.contains(&format!("href=\"{path}\"")), "a tab to it");
    let page = coordinator.page(&path).await;
    assert!(
        html::tags(&page, "option")
            .iter()
            .any(|o| html::attr(o, "value") == Some(placement.to_string())),
        "the proposed placement is offered"
    );
    let key = html::input_value(&page, "create_key").expect("a create key");
    let (placement, supervisor) = (placement.to_string(), supervisor.to_string());
    let fields = |start: &'static str, end: &'static str, days: String| {
        vec![
            ("create_key", key.clone()),
            ("placement_id", placement.clone()),
            ("supervisor_id", supervisor.clone()),
            ("start_date", start.to_string()),
            ("end_date", end.to_string()),
            ("days_per_week", days),
            ("hours_per_week", "".to_string()),
        ]
    };
    let send = async |f: Vec<(&'static str, String)>| {
        let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        coordinator.submit(&path, &path, &pairs).await
    };

    // An end before the start: refused beside the field, what was typed kept.
    let res = send(fields("2031-03-02", "2031-03-01", "3".into())).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let error = html::element_by_id(&page, "error-end_date").expect("an error at the end");
    assert!(html::shows(
        &error,
        "Slutdatumet kan inte vara före startdatumet."
    ));
    assert_eq!(
        html::input_value(&page, "start_date").as_deref(),
        Some("2031-03-02")
    );
    // More days than the placement has.
    if days < 7 {
        let res = send(fields("2031-03-02", "2031-05-29", (days + 1).to_string())).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = res.text().await.unwrap();
        let error = html::element_by_id(&page, "error-days_per_week").expect("days");
        assert!(html::shows(
            &error,
            "Fler dagar per vecka än praktikplatsen har."
        ));
    }

    let res = send(fields("2031-03-02", "2031-05-29", days.min(3).to_string())).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}", location(&res));
    let id = id_from_location(&res);
    assert_eq!(location(&res), format!("/internships/{id}"));
    // The same form sent twice makes one internship.
    let again = send(fields("2031-03-02", "2031-05-29", days.min(3).to_string())).await;
    assert_eq!(location(&again), format!("/internships/{id}"));
    let page = coordinator.page(&format!("/internships/{id}")).await;
    let status = html::element_by_id(&page, "internship-status").unwrap();
    assert!(html::shows(&status, "Planerad"), "{status}");
    assert!(html::shows(&page, "2031-03-02 – 2031-05-29"));

    // Ending it early needs the reason why; the end cannot come before the start.
    let show = format!("/internships/{id}");
    let end = format!("/internships/{id}/end");
    let res = coordinator
        .submit(
            &show,
            &end,
            &[
                ("version", "1"),
                ("reason", "ended_early"),
                ("ended_on", "2031-04-01"),
                ("note", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(html::element_by_id(&page, "error-note").is_some());
    assert_eq!(html::checked(&page, "reason"), ["ended_early"]);
    let res = coordinator
        .submit(
            &show,
            &end,
            &[
                ("version", "1"),
                ("reason", "completed"),
                ("ended_on", "2031-03-01"),
                ("note", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html::element_by_id(&res.text().await.unwrap(), "error-ended_on").is_some(),
        "an end before the start"
    );
    let res = coordinator
        .submit(
            &show,
            &end,
            &[
                ("version", "1"),
                ("reason", "ended_early"),
                ("ended_on", "2031-04-01"),
                ("note", "Flyttade till Göteborg"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = coordinator.page(&show).await;
    assert!(html::shows(
        &html::element_by_id(&page, "internship-reason").unwrap(),
        "Avbruten i förtid"
    ));
    assert!(
        html::element_by_id(&page, "internship-status")
            .is_some_and(|s| html::shows(&s, "Avslutad"))
    );
    assert!(!page.contains(&format!("action=\"{end}\"")), "ended once");
    // A stale form (the version read before the end) is a conflict, not a second end.
    let csrf = csrf_of(&page);
    let res = coordinator
        .post(
            &end,
            &[
                ("csrf".into(), csrf),
                ("version".into(), "1".into()),
                ("reason".into(), "hired".into()),
                ("ended_on".into(), "2031-04-02".into()),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
}

async fn the_internship_page_is_for_those_it_concerns(app: &TestApp) {
    // The demo's supervisor has interns; one of them.
    let supervisor = app.actor(Role::Supervisor).await;
    let ids = supervisor
        .supervisor_ids()
        .iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let v = query_ints(
        app,
        &format!(
            "SELECT id, participant_id FROM internships WHERE supervisor_id IN ({ids}) \
             AND ended_on IS NULL ORDER BY id"
        ),
    )
    .await;
    let (id, participant) = (v[0], v[1]);
    let show = format!("/internships/{id}");
    let visitor = app.logged_in(Role::Supervisor).await;
    let page = visitor.page(&show).await;
    assert!(html::element_by_id(&page, "internship-period").is_some());
    assert!(!page.contains("/end\""), "a supervisor does not end it");
    let listed = app.store.internships_supervised(&supervisor).await.unwrap();
    assert!(listed.iter().any(|i| i.id == id));

    // The coordinator sees and may end it; the evaluator may not see internships at all.
    let coordinator = app.logged_in(Role::Coordinator).await;
    let page = coordinator.page(&show).await;
    assert!(page.contains(&format!("action=\"{show}/end\"")));
    let evaluator = app.logged_in(Role::Evaluator).await;
    assert_eq!(evaluator.get(&show).await.status(), StatusCode::FORBIDDEN);
    // The demo's participant login reads only her own.
    let me = app.actor(Role::Participant).await;
    let own = me.participant_id().expect("a linked participant");
    let participant_login = app.logged_in(Role::Participant).await;
    let status = participant_login.get(&show).await.status();
    if own == participant {
        assert_eq!(status, StatusCode::OK);
    } else {
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    // Nobody ends it through a forged form but the coordinator.
    let csrf = csrf_of(&visitor.page(&show).await);
    let res = visitor
        .post(
            &format!("{show}/end"),
            &[
                ("csrf".into(), csrf),
                ("version".into(), "1".into()),
                ("reason".into(), "completed".into()),
                ("ended_on".into(), brygga_app::today().to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

async fn internships_in_the_api(app: &TestApp) {
    let (participant, placement, _, supervisor) = candidate(app).await;
    let token = app.token(Role::Coordinator).await;
    let client = reqwest::Client::new();
    let url = app.url(&format!("/api/v1/participants/{participant}/internships"));
    let body = |end: &str| {
        json!({
            "placement_id": placement.to_string(),
            "supervisor_id": supervisor.to_string(),
            "start_date": "2031-03-02",
            "end_date": end,
            "days_per_week": "1",
        })
    };
    let res = client
        .post(&url)
        .bearer_auth(&token)
        .json(&body("2031-01-01"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let err: Value = res.json().await.unwrap();
    assert_eq!(err["errors"][0]["field"], "end_date", "{err}");
    let res = client
        .post(&url)
        .bearer_auth(&token)
        .header("Idempotency-Key", "intern-1")
        .json(&body("2031-05-29"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let id = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let got: Value = client
        .get(app.url(&format!("/api/v1/internships/{id}")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(got["status"], "planned");
    assert_eq!(got["days_per_week"], 1);
    let list: Value = client
        .get(&url)
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(list.as_array().unwrap().iter().any(|i| i["id"] == id));
    let end = app.url(&format!("/api/v1/internships/{id}/end"));
    let res = client
        .post(&end)
        .bearer_auth(&token)
        .json(&json!({"version": 1, "reason": "hired", "ended_on": "2031-05-01"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = client
        .post(&end)
        .bearer_auth(&token)
        .json(&json!({"version": 1, "reason": "hired", "ended_on": "2031-05-01"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    // An evaluator's token is refused before anything is read.
    let res = client
        .get(app.url(&format!("/api/v1/internships/{id}")))
        .bearer_auth(app.token(Role::Evaluator).await)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}
