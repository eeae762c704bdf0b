//! Input never causes a 5xx: hostile or mistyped input gets a clear 4xx in the user's language
//! (a page in the UI, JSON with field errors in the API), searches take `%` and `_` as they are,
//! and a create sent twice makes one record.

use super::*;

both!(
    app:
    hostile_input_gets_a_clear_4xx_never_a_5xx,
    a_search_for_percent_or_underscore_finds_only_literal_matches,
    a_create_sent_twice_makes_one_record,
);

async fn hostile_input_gets_a_clear_4xx_never_a_5xx(app: &TestApp) {
    let coordinator = app.logged_in(Role::Coordinator).await;
    let long = "a".repeat(50_000);
    for path in [
        format!("/participants?q={long}"),
        format!("/placements?q={long}"),
        format!("/employers?q={long}"),
        format!("/portal?q={long}"),
        "/portal?q=kock%00".to_string(),
        "/participants?q=%00".to_string(),
    ] {
        let res = coordinator.get(&path).await;
        let status = res.status();
        let body = res.text().await.unwrap();
        assert!(
            status.is_client_error(),
            "{}: {status}",
            &path[..40.min(path.len())]
        );
        assert!(body.contains("<html"), "a page, not plain text: {body}");
    }
    // `page=-1` is a page in Swedish (the default language), not axum's English text.
    let res = coordinator.get("/participants?page=-1").await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let body = res.text().await.unwrap();
    assert!(body.contains("kunde inte läsas"), "{body}");
    // The API: JSON naming the field.
    let token = app.token(Role::Coordinator).await;
    let api = Api::new(app);
    let (status, body) = api.get("/participants?page=-1", &token).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["errors"][0]["field"], "page", "{body}");
    let (status, body) = api.get(&format!("/participants?q={long}"), &token).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["errors"][0]["key"], "error-search-too-long", "{body}");
    // A NUL in a participant's name is a field error, not a database error.
    let programme = app.programme_of(Role::Coordinator).await;
    let mut d = participant_draft(programme, "Nul\u{0}", "");
    d.special_needs = "x".repeat(5001);
    let (status, body) = api
        .post("/participants", &token, &serde_json::to_value(&d).unwrap())
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let keys: Vec<(&str, &str)> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap(), e["key"].as_str().unwrap()))
        .collect();
    assert_eq!(
        keys,
        vec![
            ("first_name", "error-control-char"),
            ("special_needs", "error-too-long-5000")
        ]
    );
    // The API's 413 is JSON.
    let res = reqwest::Client::new()
        .post(app.url("/api/v1/participants"))
        .bearer_auth(&token)
        .header(CONTENT_TYPE, "application/json")
        .body(vec![b' '; 11 * 1024 * 1024])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let body: Value = res.json().await.unwrap();
    assert!(body["error"].is_string(), "{body}");
    // A NUL at login is a failed login, not a 500.
    let v = app.visitor();
    let res = v.login("koordinator@demo.brygga.se\u{0}", "x\u{0}").await;
    assert!(res.status().is_client_error(), "{}", res.status());
}

async fn a_search_for_percent_or_underscore_finds_only_literal_matches(app: &TestApp) {
    let token = app.token(Role::Coordinator).await;
    let api = Api::new(app);
    let programme = app.programme_of(Role::Coordinator).await;
    let d = participant_draft(programme, "Procent%Under_streck", "");
    let (status, body) = api
        .post("/participants", &token, &serde_json::to_value(&d).unwrap())
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    for q in ["%25", "_", "t%25u", "t_s", "%5C"] {
        let (status, body) = api.get(&format!("/participants?q={q}"), &token).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let names: Vec<String> = body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["first_name"].as_str().unwrap_or_default().to_string())
            .collect();
        let expected: Vec<String> = if q == "t_s" || q == "%5C" {
            vec![]
        } else {
            vec!["Procent%Under_streck".into()]
        };
        assert_eq!(names, expected, "q={q}");
    }
}

/// Two creates sent at once with the same `Idempotency-Key`: each answer's status and id,
/// sorted by status.
async fn parallel_creates(
    app: &TestApp,
    path: &str,
    body: &Value,
    token: &str,
    key: &str,
) -> Vec<(StatusCode, Option<i64>)> {
    let client = reqwest::Client::new();
    let send = || {
        client
            .post(app.url(path))
            .bearer_auth(token)
            .header("Idempotency-Key", key)
            .json(body)
            .send()
    };
    let (a, b) = tokio::join!(send(), send());
    let mut answers = vec![];
    for r in [a, b] {
        let r = r.unwrap();
        let status = r.status();
        let body: Value = r.json().await.unwrap();
        answers.push((status, body["id"].as_i64()));
    }
    answers.sort();
    answers
}

async fn a_create_sent_twice_makes_one_record(app: &TestApp) {
    let token = app.token(Role::Coordinator).await;
    let programme = app.programme_of(Role::Coordinator).await;
    // The API: two parallel creates with one Idempotency-Key make one record, for each resource.
    let employer =
        serde_json::to_value(employer_draft("Dubbelklick AB", &org_number("559923571"))).unwrap();
    let placement = serde_json::to_value(placement_draft(1, "9629")).unwrap();
    let participant =
        serde_json::to_value(participant_draft(programme, "Dubbelklick", "")).unwrap();
    for (n, (path, body)) in [
        ("/api/v1/participants", &participant),
        ("/api/v1/employers", &employer),
        ("/api/v1/placements", &placement),
    ]
    .into_iter()
    .enumerate()
    {
        let key = format!("5b1c7a0e-0000-4000-8000-00000000000{n}");
        let answers = parallel_creates(app, path, body, &token, &key).await;
        let ids: Vec<i64> = answers.iter().filter_map(|(_, id)| *id).collect();
        assert!(
            answers[0].0 == StatusCode::OK
                && answers[1].0 == StatusCode::CREATED
                && ids[0] == ids[1]
                || answers.iter().any(|(s, _)| *s == StatusCode::CONFLICT),
            "{path}: {answers:?}"
        );
    }
    let api = Api::new(app);
    let (_, list) = api.get("/participants?q=dubbelklick", &token).await;
    assert_eq!(list["total"], 1, "{list}");

    // The form: the same form (its nonce) sent twice, one after the other, makes one record.
    let coordinator = app.logged_in(Role::Coordinator).await;
    let html = coordinator.page("/participants/new").await;
    // The form shows the domain's limits.
    assert!(html.contains(r#"name="first_name" type="text" value="" maxlength="200""#));
    assert!(html.contains(r#"name="special_needs" rows="3" maxlength="5000""#));
    let key = html
        .split("name=\"create_key\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("a create form carries its nonce")
        .to_string();
    let mut fields = vec![
        ("csrf".to_string(), csrf_of(&html)),
        ("create_key".to_string(), key),
    ];
    let programme = programme.to_string();
    for (k, v) in participant_fields(&programme, "1990-not-sent") {
        let v = if k == "first_name" {
            "Tvåklick".to_string()
        } else {
            v
        };
        if k == "personnummer" || k == "birth_year" {
            continue;
        }
        fields.push((k.to_string(), v));
    }
    fields.push(("birth_year".into(), "1990".into()));
    let (a, b) = tokio::join!(
        coordinator.post("/participants", &fields),
        coordinator.post("/participants", &fields)
    );
    let mut ids = vec![];
    for r in [a, b] {
        if r.status() == StatusCode::SEE_OTHER {
            ids.push(location(&r));
        } else {
            assert_eq!(r.status(), StatusCode::CONFLICT);
        }
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "{ids:?}");
    let (_, list) = api.get("/participants?q=tvåklick", &token).await;
    assert_eq!(list["total"], 1, "{list}");
}
