//! Web stories: the follow-up survey. The coordinator sees the demo's finished participant's
//! exit questionnaire and sends the three-month survey again in Arabic; the participant opens
//! the link without logging in, in her language, a mistake keeps what she typed, her answer
//! records the outcome, and the link takes no second answer; an old link is replaced; odd links
//! are simply unknown. The API does the same under the same rules.

use super::*;

both!(
    app:
    the_participant_answers_her_survey_without_logging_in,
    the_api_sends_and_answers_surveys_under_the_same_rules,
);

/// A new link for `point` in `lang`, made through the API as the demo coordinator: its path.
async fn send(app: &TestApp, participant: i32, point: &str, lang: &str) -> String {
    let api = Api::new(app);
    let coordinator = app.token(Role::Coordinator).await;
    let (status, body) = api
        .post(
            &format!("/participants/{participant}/surveys"),
            &coordinator,
            &json!({ "point": point, "lang": lang }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let link = body["link"].as_str().unwrap().to_string();
    let at = link.find("/survey/").unwrap();
    link[at..].to_string()
}

async fn the_participant_answers_her_survey_without_logging_in(app: &TestApp) {
    let (_, fatuma) = supervised_intern(app, "Fatuma").await;
    let coordinator = app.logged_in(Role::Coordinator).await;
    let exit_page = format!("/participants/{fatuma}/exit");
    let page = coordinator.page(&exit_page).await;
    // Her exit questionnaire, answered (the link handed over: she did not consent to e-mail).
    assert!(html::shows(&page, "Besvarad"), "{page}");
    assert!(html::shows(&page, "Nytta 5/5"), "{page}");
    assert!(
        html::shows(&page, "ingen e-post, länken lämnad av koordinatorn"),
        "{page}"
    );
    // The coordinator's to-do list names her for the three-month follow-up.
    let home = coordinator.page("/").await;
    assert!(
        html::shows(&home, "Uppföljning efter tre månader"),
        "{home}"
    );

    // Sent from the page in Arabic: not mailed, so the link is shown once, to hand over.
    let res = coordinator
        .submit(
            &exit_page,
            &format!("/participants/{fatuma}/surveys"),
            &[("point", "month3"), ("lang", "ar")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let body = res.text().await.unwrap();
    let shown = html::element_by_id(&body, "survey-link").unwrap_or_default();
    assert!(shown.contains("/survey/"), "{body}");
    let page = coordinator.page(&exit_page).await;
    assert!(html::shows(&page, "Skickad, inte besvarad"), "{page}");
    assert!(html::shows(&page, "العربية"), "{page}");
    // A language that is not one of Brygga's is refused beside its field.
    let res = coordinator
        .submit(
            &exit_page,
            &format!("/participants/{fatuma}/surveys"),
            &[("point", "month3"), ("lang", "xx")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(html::element_by_id(&body, "error-lang").is_some(), "{body}");

    // The participant opens the newest link, no login, in Arabic.
    let old = send(app, fatuma, "month3", "ar").await;
    let link = send(app, fatuma, "month3", "ar").await;
    let her = app.visitor();
    let res = her.get(&old).await;
    assert_eq!(res.status(), StatusCode::GONE);
    assert!(
        res.text().await.unwrap().contains(r#"lang="ar""#),
        "the old link speaks Arabic too"
    );
    let page = her.page(&link).await;
    assert!(
        page.contains(r#"lang="ar""#) && page.contains(r#"dir="rtl""#),
        "{page}"
    );
    assert!(html::shows(&page, "Fatuma"), "{page}");
    // No status chosen: refused beside the question, her comment kept as typed.
    let comment = "Jag <b>jobbar</b> nu \u{202e}";
    let res = her
        .submit(&link, &link, &[("status", ""), ("comment", comment)])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(
        html::element_by_id(&body, "error-status").is_some(),
        "{body}"
    );
    assert!(!body.contains("<b>jobbar</b>"), "markup is shown as text");
    let res = her
        .submit(
            &link,
            &link,
            &[("status", "job_regular"), ("comment", "Jag jobbar nu")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    // The same link again (a double submit, a second visit): already answered.
    let res = her
        .post(
            &link,
            &[
                ("csrf".into(), csrf_of(&page)),
                ("status".into(), "seeking".into()),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::GONE);
    assert_eq!(her.get(&link).await.status(), StatusCode::GONE);

    // The coordinator sees her answer as the outcome at three months, from the survey.
    let page = coordinator.page(&exit_page).await;
    assert!(html::shows(&page, "Hennes svar på enkäten"), "{page}");
    assert!(html::shows(&page, "Arbete – vanlig anställning"), "{page}");

    // Odd links are unknown, never an error; her supervisor may not send surveys.
    for bad in ["/survey/nope", "/survey/%00", "/survey/%3Cscript%3E"] {
        assert_eq!(her.get(bad).await.status(), StatusCode::NOT_FOUND, "{bad}");
    }
    let supervisor = app.logged_in(Role::Supervisor).await;
    let csrf = csrf_of(&supervisor.page("/").await);
    let res = supervisor
        .post(
            &format!("/participants/{fatuma}/surveys"),
            &[
                ("csrf".into(), csrf),
                ("point".into(), "month3".into()),
                ("lang".into(), "sv".into()),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

async fn the_api_sends_and_answers_surveys_under_the_same_rules(app: &TestApp) {
    let api = Api::new(app);
    let (_, rania) = supervised_intern(app, "Rania").await;
    let path = send(app, rania, "month6", "so").await;
    let token = path.trim_start_matches("/survey/");
    let public = format!("/surveys/{token}");
    let (status, body) = api.call(reqwest::Method::GET, &public, None, None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        (
            body["state"].as_str(),
            body["point"].as_str(),
            body["lang"].as_str()
        ),
        (Some("open"), Some("month6"), Some("so"))
    );
    let (status, body) = api
        .call(
            reqwest::Method::POST,
            &public,
            None,
            Some(&json!({ "status": "rich" })),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["errors"][0]["field"], "status");
    let answer = json!({ "status": "studies_vocational", "comment": "Undersköterska" });
    let (status, _) = api
        .call(reqwest::Method::POST, &public, None, Some(&answer))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = api
        .call(reqwest::Method::POST, &public, None, Some(&answer))
        .await;
    assert_eq!(status, StatusCode::GONE);
    let (status, body) = api.call(reqwest::Method::GET, &public, None, None).await;
    assert_eq!(
        (status, body["state"].as_str()),
        (StatusCode::OK, Some("answered"))
    );
    let (status, _) = api
        .call(reqwest::Method::GET, "/surveys/nope", None, None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let coordinator = app.token(Role::Coordinator).await;
    let (_, body) = api
        .get(&format!("/participants/{rania}/outcomes"), &coordinator)
        .await;
    assert_eq!(body["points"][3]["records"][0]["source"], "survey");
    assert_eq!(body["points"][3]["surveys"][0]["state"], "answered");

    // Only the coordinating function sends surveys; a bad point or language is named.
    for role in [Role::Supervisor, Role::Participant, Role::ProgrammeManager] {
        let t = app.token(role).await;
        let (status, _) = api
            .post(
                &format!("/participants/{rania}/surveys"),
                &t,
                &json!({ "point": "month6", "lang": "sv" }),
            )
            .await;
        assert!(
            status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND,
            "{role}: {status}"
        );
    }
    let (status, body) = api
        .post(
            &format!("/participants/{rania}/surveys"),
            &coordinator,
            &json!({ "point": "year1", "lang": "xx" }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<_> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(fields, ["point", "lang"]);
}
