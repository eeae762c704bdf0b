//! Web stories: the JSON API and its OpenAPI document.

use super::*;

both!(
    app:
    the_api_answers_every_status_a_client_must_handle,
    the_api_manages_employers_and_placements,
    the_openapi_document_lists_the_registry,
    the_api_takes_a_candidate_from_proposal_to_interview,
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
    assert_eq!(
        list["total"], 5,
        "three interns and the finished cohort: {list}"
    );
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

/// One (participant, proposal, placement) of the demo: a live proposal to the demo employer
/// contact's employer whose participant shares with employers.
async fn live_proposal(app: &TestApp) -> (i64, i64, i64) {
    use sea_orm::ConnectionTrait;
    let employer = app
        .actor(Role::EmployerContact)
        .await
        .employer_id()
        .expect("the demo contact's employer");
    let db = app.store.connection();
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            format!(
                "SELECT cp.participant_id, cp.id, cp.placement_id FROM candidate_proposals cp \
                 JOIN placements p ON p.id = cp.placement_id \
                 JOIN participants pa ON pa.id = cp.participant_id \
                 WHERE p.employer_id = {employer} AND pa.shares_with_employers \
                 AND cp.status IN ('proposed', 'shortlisted', 'interview_requested') ORDER BY cp.id"
            ),
        ))
        .await
        .unwrap()
        .expect("a live demo proposal to the contact's employer");
    let get = |i| i64::from(row.try_get_by_index::<i32>(i).unwrap());
    (get(0), get(1), get(2))
}

/// The journey's records through the API, with the pages' rules: the inbox, a proposal, the
/// employment service's confirmation, an interview booked and its outcome, the agreements and
/// the participant's journey.
async fn the_api_takes_a_candidate_from_proposal_to_interview(app: &TestApp) {
    let api = Api::new(app);
    let coordinator = app.token(Role::Coordinator).await;
    let participant_token = app.token(Role::Participant).await;
    let employer = app.token(Role::EmployerContact).await;
    let (participant, proposal, placement) = live_proposal(app).await;

    // The inbox is the coordinator's; a participant is refused.
    let (status, inbox) = api.get("/interests", &coordinator).await;
    assert_eq!(status, StatusCode::OK, "{inbox}");
    let (status, _) = api.get("/interests", &participant_token).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = api.get("/interests?status=nonsense", &coordinator).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["errors"][0]["field"], "status");

    // The pool, as the coordinator and as the employer (cards without contact details).
    let (status, pool) = api
        .get(&format!("/placements/{placement}/proposals"), &coordinator)
        .await;
    assert_eq!(status, StatusCode::OK, "{pool}");
    assert!(
        pool["proposals"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["id"] == json!(proposal)),
        "{pool}"
    );
    let (status, seen) = api.get(&format!("/proposals/{proposal}"), &employer).await;
    assert_eq!(status, StatusCode::OK, "{seen}");
    assert!(seen["card"]["first_name"].is_string());
    assert!(
        !seen.to_string().contains("@"),
        "contact details reach the employer: {seen}"
    );
    let (status, _) = api
        .get(&format!("/proposals/{proposal}"), &participant_token)
        .await;
    assert!(
        status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND,
        "{status}"
    );

    // The employment service's confirmation: a date in the future is refused beside its field.
    let clearance = format!("/participants/{participant}/eligibility-confirmations");
    let tomorrow = (brygga_domain::calendar::today() + chrono::Days::new(1)).to_string();
    let (status, body) = api
        .post(
            &clearance,
            &coordinator,
            &json!({"es_officer_name": "Lena Ek", "es_confirmed_on": tomorrow}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["errors"][0]["field"], "es_confirmed_on");
    let today = brygga_domain::calendar::today().to_string();
    let (status, body) = api
        .post(
            &clearance,
            &coordinator,
            &json!({"es_officer_name": "Lena Ek", "es_confirmed_on": today}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, c) = api
        .get(
            &format!("/participants/{participant}/clearance"),
            &coordinator,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{c}");
    assert!(
        c["confirmations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["officer_name"] == "Lena Ek"),
        "{c}"
    );

    // An interview booked for the proposal; an end before the start is refused first.
    let day = brygga_domain::calendar::today() + chrono::Days::new(7);
    let booking = |start: &str, end: &str| {
        json!({
            "starts_at": format!("{day}T{start}"),
            "ends_at": format!("{day}T{end}"),
            "location": "Storgatan 1",
            "attendees": [{"name": "Tolk <Ali>", "email": "tolk@example.org", "role": "interpreter"}],
        })
    };
    let path = format!("/proposals/{proposal}/interviews");
    let (status, body) = api
        .post(&path, &coordinator, &booking("11:00", "10:00"))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["errors"][0]["field"], "ends_at");
    let (status, body) = api
        .post(&path, &coordinator, &booking("10:00", "11:00"))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let interview = body["id"].as_i64().unwrap();
    let (status, iv) = api
        .get(&format!("/interviews/{interview}"), &coordinator)
        .await;
    assert_eq!(status, StatusCode::OK, "{iv}");
    assert_eq!(iv["participant_id"], json!(participant));
    assert!(
        iv["attendees"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["name"] == "Tolk <Ali>" && a["role"] == "interpreter"),
        "{iv}"
    );
    let (status, listed) = api
        .get(&format!("/placements/{placement}/interviews"), &coordinator)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["id"] == json!(interview))
    );

    // The outcome: a stale version is a conflict, the current one is saved.
    let version = iv["version"].as_i64().unwrap();
    let outcome = format!("/interviews/{interview}/outcome");
    let (status, _) = api
        .put(
            &outcome,
            &coordinator,
            &json!({"version": version + 5, "outcome": "passed"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, body) = api
        .put(
            &outcome,
            &coordinator,
            &json!({"version": version, "outcome": "passed", "note": "Bra samtal"}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (_, iv) = api
        .get(&format!("/interviews/{interview}"), &coordinator)
        .await;
    assert_eq!(iv["outcome"], "passed");

    // The participant's journey, with the booked and passed interview as facts; a jump to the
    // last stage is refused with what is missing.
    let journey = format!("/participants/{participant}/journey");
    let (status, j) = api.get(&journey, &coordinator).await;
    assert_eq!(status, StatusCode::OK, "{j}");
    let stages = j["stages"].as_array().unwrap();
    assert_eq!(
        stages.iter().filter(|s| s["state"] == "now").count(),
        1,
        "{j}"
    );
    let holds = |kind: &str| {
        stages.iter().any(|s| {
            s["checkpoints"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["kind"] == kind && c["holds"] == true)
        })
    };
    assert!(
        holds("interview_booked") && holds("interview_passed"),
        "{j}"
    );
    let last = stages.last().unwrap()["id"].clone();
    let (status, body) = api
        .post(&journey, &coordinator, &json!({"stage_id": last}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["field"] == "stage"),
        "{body}"
    );
    let (status, _) = api.get(&journey, &employer).await;
    assert!(
        status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND,
        "{status}"
    );

    // The agreements the coordinator sees for the participant.
    let (status, list) = api
        .get(
            &format!("/participants/{participant}/agreements"),
            &coordinator,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert!(list.is_array());
}
