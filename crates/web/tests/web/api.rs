//! Web stories: the JSON API and its OpenAPI document.

use super::*;

both!(
    app:
    the_api_answers_every_status_a_client_must_handle,
    the_api_manages_employers_and_placements,
    the_openapi_document_lists_the_registry,
);

fn versioned<T: serde::Serialize>(draft: &T, version: i64) -> Value {
    let mut v = serde_json::to_value(draft).unwrap();
    v["version"] = json!(version);
    v
}

async fn the_api_answers_every_status_a_client_must_handle(app: &TestApp) {
    let api = Api::new(app);
    let token = app.token(Role::Coordinator).await;
    let programme = app.programme_of(Role::Coordinator).await;

    // 401: no token, or a made-up one.
    let (status, _) = api
        .call(reqwest::Method::GET, "/participants", None, None)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = api.get("/participants", "brygga_not-a-real-token").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // 200: the coordinator's participants.
    let (status, list) = api.get("/participants", &token).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert!(list["total"].as_u64().unwrap() > 0);
    assert!(
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["id"].is_number())
    );

    // 422 with field errors naming the field and the message key.
    let wrong = personnummer("19900704", "239", true);
    let (status, body) = api
        .post(
            "/participants",
            &token,
            &serde_json::to_value(participant_draft(programme, "Yonas", &wrong)).unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let errors = body["errors"].as_array().expect("errors");
    let e = errors
        .iter()
        .find(|e| e["field"] == "personnummer")
        .unwrap_or_else(|| panic!("{body}"));
    assert_eq!(e["key"], "error-personnummer-checksum");
    assert!(!e["message"].as_str().unwrap().is_empty());

    // 201, then read, update, conflict, delete.
    let right = personnummer("19900704", "239", false);
    let (status, body) = api
        .post(
            "/participants",
            &token,
            &serde_json::to_value(participant_draft(programme, "Yonas", &right)).unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["id"].as_i64().unwrap();
    let path = format!("/participants/{id}");
    let (status, got) = api.get(&path, &token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(got["first_name"], "Yonas");
    assert_eq!(got["languages"][0]["language"], "tigrinja");
    let version = got["version"].as_i64().unwrap();
    let (status, body) = api
        .put(
            &path,
            &token,
            &versioned(&participant_draft(programme, "Yonatan", &right), version),
        )
        .await;
    assert!(status.is_success(), "{status} {body}");
    let (_, got) = api.get(&path, &token).await;
    assert_eq!(got["first_name"], "Yonatan");
    let (status, _) = api
        .put(
            &path,
            &token,
            &versioned(&participant_draft(programme, "Stale", &right), version),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (_, got) = api.get(&path, &token).await;
    assert_eq!(
        got["first_name"], "Yonatan",
        "the stale write changed nothing"
    );
    let (status, _) = api
        .put(
            &path,
            &token,
            &versioned(
                &participant_draft(programme, "Yonatan", &wrong),
                got["version"].as_i64().unwrap(),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // 400: malformed JSON.
    let res = reqwest::Client::new()
        .post(app.url("/api/v1/participants"))
        .bearer_auth(&token)
        .header(CONTENT_TYPE, "application/json")
        .body("{\"first_name\": \"Ada\",")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);

    // 413: a body over the limit.
    let mut huge = participant_draft(programme, "Stor", "");
    huge.special_needs = "x".repeat(brygga_web::BODY_LIMIT + 1024);
    let (status, _) = api
        .post(
            "/participants",
            &token,
            &serde_json::to_value(&huge).unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);

    // 403: roles with no business with participants.
    let evaluator = app.token(Role::Evaluator).await;
    let (status, _) = api.get("/participants", &evaluator).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = api.get(&path, &evaluator).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = api
        .post(
            "/participants",
            &evaluator,
            &serde_json::to_value(participant_draft(programme, "Eva", "")).unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Refused before anything is looked at: invalid input from a role that may not create
    // participants is still 403, not a list of field errors.
    let (status, _) = api
        .post("/participants", &evaluator, &json!({"first_name": "Eva"}))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let manager = app.token(Role::ProgrammeManager).await;
    let (status, _) = api.delete(&path, &manager).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // 404: a participant out of scope does not exist for the supervisor, nor an unknown id.
    let supervisor = app.token(Role::Supervisor).await;
    let (status, _) = api.get(&path, &supervisor).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, list) = api.get("/participants", &supervisor).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["total"], 2, "{list}");
    let (status, _) = api.get("/participants/999999", &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = api
        .put(
            "/participants/999999",
            &token,
            &versioned(&participant_draft(programme, "Ingen", ""), 1),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // 204 and gone.
    let (status, _) = api.delete(&path, &token).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = api.get(&path, &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = api.delete(&path, &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn the_api_manages_employers_and_placements(app: &TestApp) {
    let api = Api::new(app);
    let token = app.token(Role::Coordinator).await;

    let (status, _) = api
        .call(reqwest::Method::GET, "/employers", None, None)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, list) = api.get("/employers", &token).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        list["total"].as_u64().unwrap() >= 10,
        "the demo's employers: {list}"
    );

    let good = org_number("559900456");
    let bad = with_wrong_check_digit(&good);
    let (status, body) = api
        .post(
            "/employers",
            &token,
            &serde_json::to_value(employer_draft("API AB", &bad)).unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["field"] == "org_number"),
        "{body}"
    );
    let (status, body) = api
        .post(
            "/employers",
            &token,
            &serde_json::to_value(employer_draft("API AB", &good)).unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let employer = body["id"].as_i64().unwrap() as i32;
    let epath = format!("/employers/{employer}");
    let (status, got) = api.get(&epath, &token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(got["units"][0]["name"], "Lager");
    let version = got["version"].as_i64().unwrap();
    let (status, _) = api
        .put(
            &epath,
            &token,
            &versioned(&employer_draft("API AB (nytt namn)", &good), version),
        )
        .await;
    assert!(status.is_success());
    let (status, _) = api
        .put(
            &epath,
            &token,
            &versioned(&employer_draft("API AB (gammalt)", &good), version),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _) = api.get("/employers/999999", &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let evaluator = app.token(Role::Evaluator).await;
    let (status, _) = api.get("/employers", &evaluator).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, body) = api
        .post(
            "/placements",
            &token,
            &serde_json::to_value(placement_draft(employer, "0000")).unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["field"] == "ssyk_code"),
        "{body}"
    );
    let (status, body) = api
        .post(
            "/placements",
            &token,
            &serde_json::to_value(placement_draft(employer, "9320")).unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let placement = body["id"].as_i64().unwrap();
    let ppath = format!("/placements/{placement}");
    let (status, got) = api.get(&ppath, &token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(got["ssyk_code"], "9320");
    let version = got["version"].as_i64().unwrap();
    let mut published = placement_draft(employer, "9320");
    published.status = "published".into();
    let (status, _) = api
        .put(&ppath, &token, &versioned(&published, version))
        .await;
    assert!(status.is_success());
    let (status, _) = api
        .put(
            &ppath,
            &token,
            &versioned(&placement_draft(employer, "9320"), version),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    // Published placements are public: the evaluator may read them.
    let (status, _) = api.get(&ppath, &evaluator).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = api.delete(&ppath, &evaluator).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = api.delete(&ppath, &token).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = api.get(&ppath, &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn the_openapi_document_lists_the_registry(app: &TestApp) {
    let res = reqwest::get(app.url("/api/v1/openapi.json")).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let doc: Value = res.json().await.unwrap();
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3."),
        "OpenAPI 3"
    );
    // Paths are relative to the server URL, if the document names one.
    let base = doc["servers"][0]["url"]
        .as_str()
        .unwrap_or("")
        .trim_end_matches('/')
        .to_string();
    let paths: std::collections::BTreeMap<String, Value> = doc["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .map(|(k, v)| (format!("{base}{k}"), v.clone()))
        .collect();
    for p in [
        "/api/v1/participants",
        "/api/v1/participants/{id}",
        "/api/v1/employers",
        "/api/v1/employers/{id}",
        "/api/v1/placements",
        "/api/v1/placements/{id}",
    ] {
        assert!(
            paths.contains_key(p),
            "{p} in {:?}",
            paths.keys().collect::<Vec<_>>()
        );
    }
    assert!(paths["/api/v1/participants"]["post"].is_object());
    assert!(paths["/api/v1/participants/{id}"]["put"].is_object());
    assert!(
        doc["components"]["securitySchemes"]["bearer"].is_object(),
        "bearer auth is documented"
    );
}
