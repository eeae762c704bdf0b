//! Web stories: a participant leaves the programme; from then on she is neither ranked nor
//! planned, and a leaving recorded by mistake is taken back.

use super::*;

both!(
    app:
    a_participant_who_left_is_no_longer_ranked_or_planned,
    only_those_who_may_update_her_see_or_record_a_leaving,
);

async fn a_participant_who_left_is_no_longer_ranked_or_planned(app: &TestApp) {
    let (amina, _, _, passes) = near_miss::erector_and_placements(app).await;
    let k = app.logged_in(Role::Coordinator).await;
    let candidates = format!("/placements/{passes}/candidates");
    assert!(k.page(&candidates).await.contains("Amina"));
    let coordinator = app.actor(Role::Coordinator).await;
    let programme = app.programme_of(Role::Coordinator).await;
    let planned = brygga_app::matching::plan(&app.app, &coordinator, programme, 0.0)
        .await
        .unwrap();
    assert!(planned.pool.looking().contains(&amina));

    // Her page offers the leaving; a wrong form is refused beside each field, all kept.
    let page = k.page(&format!("/participants/{amina}")).await;
    assert!(
        page.contains(&format!("href=\"/participants/{amina}/exit\"")),
        "{page}"
    );
    let exit = format!("/participants/{amina}/exit");
    let far = (today() + chrono::Duration::days(90)).to_string();
    let note = "<script>alert(1)</script> \u{7} Fick jobb via kusin";
    let res = k
        .submit(
            &exit,
            &exit,
            &[("left_on", &far), ("exit_reason", ""), ("exit_note", note)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        html::element_by_id(&page, "error-left_on").is_some(),
        "{page}"
    );
    assert!(
        html::element_by_id(&page, "error-exit_reason").is_some(),
        "{page}"
    );
    assert_eq!(
        html::input_value(&page, "left_on").as_deref(),
        Some(far.as_str())
    );
    assert!(!page.contains("<script>alert(1)"), "markup is escaped");
    // A control character is refused rather than stored.
    assert!(
        html::element_by_id(&page, "error-exit_note").is_some(),
        "{page}"
    );

    // Recorded: she is gone from the ranking, her suggestions say why, the plan leaves her out.
    let today = today().to_string();
    let fields = [
        ("left_on", today.as_str()),
        ("exit_reason", "work"),
        ("exit_note", "Anställd som montör"),
    ];
    let res = k.submit(&exit, &exit, &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Sent twice (a double submit): still one leaving, the same.
    let res = k.submit(&exit, &exit, &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = k.page(&format!("/participants/{amina}")).await;
    let notice = html::element_by_id(&page, "left").expect("the leaving on her page");
    assert!(html::shows(&notice, "Har fått arbete"), "{notice}");
    assert!(!k.page(&candidates).await.contains("Amina"));
    let page = k.page(&format!("/participants/{amina}/suggestions")).await;
    assert!(html::element_by_id(&page, "left").is_some(), "{page}");
    assert!(!page.contains("id=\"near-"), "{page}");
    let planned = brygga_app::matching::plan(&app.app, &coordinator, programme, 0.0)
        .await
        .unwrap();
    assert!(!planned.pool.looking().contains(&amina));

    // The API says the same, and takes it back.
    let api = Api::new(app);
    let token = app.token(Role::Coordinator).await;
    let (status, body) = api
        .get(&format!("/participants/{amina}/exit"), &token)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["reason"], "work");
    assert_eq!(body["note"], "Anställd som montör");
    let (status, _) = api
        .get(&format!("/participants/{amina}/suggestions"), &token)
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = api
        .put(
            &format!("/participants/{amina}/exit"),
            &token,
            &json!({"left_on": "someday", "exit_reason": "other"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert!(
        fields.contains(&"left_on") && fields.contains(&"exit_note"),
        "{body}"
    );
    let (status, _) = api
        .delete(&format!("/participants/{amina}/exit"), &token)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = api
        .delete(&format!("/participants/{amina}/exit"), &token)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(k.page(&candidates).await.contains("Amina"), "ranked again");
}

async fn only_those_who_may_update_her_see_or_record_a_leaving(app: &TestApp) {
    let intern = app.actor(Role::Participant).await.participant_id().unwrap();
    let exit = format!("/participants/{intern}/exit");
    // Her supervisor reads her record but may not end her participation.
    let supervisor = app.logged_in(Role::Supervisor).await;
    let page = supervisor.page(&format!("/participants/{intern}")).await;
    assert!(!page.contains(&exit), "{page}");
    assert_eq!(supervisor.get(&exit).await.status(), StatusCode::FORBIDDEN);
    let token = app.token(Role::Supervisor).await;
    let api = Api::new(app);
    let (status, _) = api
        .put(
            &format!("/participants/{intern}/exit"),
            &token,
            &json!({"left_on": today().to_string(), "exit_reason": "moved"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // An employer contact with no business with a participant does not learn she exists.
    let contact = app.token(Role::EmployerContact).await;
    let stranger = app
        .participant_ids_for(Role::Coordinator)
        .await
        .into_iter()
        .max()
        .unwrap();
    let (status, _) = api
        .get(&format!("/participants/{stranger}/exit"), &contact)
        .await;
    assert!(
        status == StatusCode::NOT_FOUND || status == StatusCode::FORBIDDEN,
        "{status}"
    );
}
