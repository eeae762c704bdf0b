//! Web stories: clearance with the employment service, and sharing a case with an officer.
#![allow(unused_imports)]

use super::*;

both!(
    app:
    an_officer_registers_a_decision_on_a_shared_case_and_cannot_reach_another,
    a_coordinator_confirms_eligibility_withdraws_it_and_shares_the_case,
);

fn decision_fields(start: &str, end: &str) -> Vec<(&'static str, String)> {
    vec![
        ("es_reference", "Af-2026/4711".to_string()),
        ("es_decision_date", "2026-01-15".to_string()),
        ("es_period_start", start.to_string()),
        ("es_period_end", end.to_string()),
        ("es_insured", "yes".to_string()),
        ("es_compensation", "aktivitetsstod".to_string()),
        ("es_decision_note", "Beslut per brev".to_string()),
    ]
}

async fn an_officer_registers_a_decision_on_a_shared_case_and_cannot_reach_another(app: &TestApp) {
    let shared = app.participant_ids_for(Role::EsOfficer).await;
    let unshared = app
        .participant_ids_for(Role::Coordinator)
        .await
        .into_iter()
        .find(|p| !shared.contains(p))
        .expect("a participant not shared with the officer");
    // A shared case without a decision yet (the interns have theirs).
    let interns = app.participant_ids_for(Role::Supervisor).await;
    let case = *shared
        .iter()
        .find(|p| !interns.contains(p))
        .expect("a shared case that is no intern");
    let path = format!("/participants/{case}/clearance");
    let officer = app.logged_in(Role::EsOfficer).await;
    let page = officer.page(&path).await;
    assert!(
        html::shows(&page, "Saknar beslut från Arbetsförmedlingen"),
        "{page}"
    );
    assert!(page.contains(&format!("action=\"{path}/decision\"")));
    assert!(
        !page.contains(&format!("action=\"{path}/share\"")),
        "an officer does not share cases"
    );

    // An end before the start: refused beside the end date, everything typed kept.
    let wrong = decision_fields("2026-02-02", "2026-02-01");
    let res = officer
        .submit(&path, &format!("{path}/decision"), &pairs(&wrong))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let error = html::element_by_id(&page, "error-es_period_end").expect("error at the end");
    assert!(html::shows(&error, "Slutdatumet"), "{error}");
    for (name, value) in &wrong {
        let kept = match *name {
            "es_decision_note" => html::textarea(&page, name),
            "es_compensation" => html::selected(&page, name),
            "es_insured" => html::checked(&page, name).first().cloned(),
            _ => html::input_value(&page, name),
        };
        assert_eq!(kept.as_deref(), Some(value.as_str()), "{name} kept");
    }

    let res = officer
        .submit(
            &path,
            &format!("{path}/decision"),
            &pairs(&decision_fields("2026-02-02", "2026-05-29")),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), path);
    let page = officer.page(&path).await;
    assert!(html::shows(&page, "Af-2026/4711"), "{page}");
    assert!(html::shows(&page, "2026-02-02 – 2026-05-29"));
    assert!(html::shows(&page, "Aktivitetsstöd"));
    assert!(
        html::shows(&page, "Hedda Handläggarsdotter"),
        "who recorded it"
    );
    assert!(html::shows(
        &page,
        "Arbetsförmedlingens beslut är registrerat."
    ));

    // The unshared case does not exist for the officer, to read or to write.
    let other = format!("/participants/{unshared}/clearance");
    assert_eq!(officer.get(&other).await.status(), StatusCode::NOT_FOUND);
    let res = officer
        .submit(
            &path,
            &format!("{other}/decision"),
            &pairs(&decision_fields("2026-02-02", "2026-05-29")),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // A supervisor: their intern's clearance is none of their business; anyone else's is hidden.
    let supervisor = app.logged_in(Role::Supervisor).await;
    let interns = app.participant_ids_for(Role::Supervisor).await;
    assert_eq!(
        supervisor
            .get(&format!("/participants/{}/clearance", interns[0]))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let stranger = app
        .participant_ids_for(Role::Coordinator)
        .await
        .into_iter()
        .find(|p| !interns.contains(p))
        .unwrap();
    assert_eq!(
        supervisor
            .get(&format!("/participants/{stranger}/clearance"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let res = supervisor
        .submit(
            "/",
            &format!("/participants/{}/clearance/decision", interns[0]),
            &pairs(&decision_fields("2026-02-02", "2026-05-29")),
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

async fn a_coordinator_confirms_eligibility_withdraws_it_and_shares_the_case(app: &TestApp) {
    let shared = app.participant_ids_for(Role::EsOfficer).await;
    let case = app
        .participant_ids_for(Role::Coordinator)
        .await
        .into_iter()
        .find(|p| !shared.contains(p))
        .unwrap();
    let path = format!("/participants/{case}/clearance");
    let coordinator = app.logged_in(Role::Coordinator).await;
    let page = coordinator.page(&path).await;
    assert!(html::shows(&page, "Saknar bekräftelse"), "{page}");

    // A missing officer and a date in the future: both said beside their fields.
    let res = coordinator
        .submit(
            &path,
            &format!("{path}/confirmation"),
            &[
                ("es_officer_name", ""),
                ("es_confirmed_on", "2999-01-01"),
                ("es_confirm_note", "Per telefon"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(html::element_by_id(&page, "error-es_officer_name").is_some());
    assert!(html::element_by_id(&page, "error-es_confirmed_on").is_some());
    assert_eq!(
        html::input_value(&page, "es_confirmed_on").as_deref(),
        Some("2999-01-01")
    );
    assert_eq!(
        html::textarea(&page, "es_confirm_note").as_deref(),
        Some("Per telefon")
    );

    let today = today().to_string();
    let res = coordinator
        .submit(
            &path,
            &format!("{path}/confirmation"),
            &[
                ("es_officer_name", "Sara Svensson, Arbetsförmedlingen"),
                ("es_confirmed_on", &today),
                ("es_confirm_note", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = coordinator.page(&path).await;
    assert!(
        html::shows(&page, "Sara Svensson, Arbetsförmedlingen"),
        "{page}"
    );
    assert!(
        html::shows(&page, "Status hos Arbetsförmedlingen: Bekräftad"),
        "eligibility is now confirmed"
    );
    let participant = coordinator.page(&format!("/participants/{case}")).await;
    assert!(
        html::shows(
            &participant,
            "Status hos Arbetsförmedlingen</dt><dd>Bekräftad"
        ),
        "{participant}"
    );

    // Withdrawn: still listed, marked, with who and when.
    let withdraw = html::tags(&page, "form")
        .into_iter()
        .filter_map(|f| html::attr(&f, "action"))
        .find(|a| a.contains("/confirmation/") && a.ends_with("/withdraw"))
        .expect("a withdraw button");
    let res = coordinator.submit(&path, &withdraw, &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = coordinator.page(&path).await;
    assert!(html::shows(&page, "Sara Svensson, Arbetsförmedlingen"));
    assert!(html::shows(&page, "Återkallat"), "{page}");
    assert!(html::shows(&page, "Saknar bekräftelse"));
    assert!(html::shows(
        &page,
        "Status hos Arbetsförmedlingen: Under utredning"
    ));
    // Twice: there is nothing left to withdraw.
    let res = coordinator.submit(&path, &withdraw, &[]).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // Share the case with the demo officer, who then sees it; stop sharing, and they do not.
    let officer_id = app
        .actor(Role::EsOfficer)
        .await
        .user_id()
        .unwrap()
        .to_string();
    let options = html::tag_with_name(&page, "select", "officer_id").expect("officers to pick");
    assert!(!options.is_empty());
    let officer = app.logged_in(Role::EsOfficer).await;
    assert_eq!(officer.get(&path).await.status(), StatusCode::NOT_FOUND);
    let res = coordinator
        .submit(
            &path,
            &format!("{path}/share"),
            &[("officer_id", &officer_id)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    officer.page(&path).await;
    let page = coordinator.page(&path).await;
    assert!(
        page.contains(&format!("action=\"{path}/unshare\"")),
        "{page}"
    );
    // Someone who is not an officer: refused beside the field.
    let coordinator_id = app
        .actor(Role::Coordinator)
        .await
        .user_id()
        .unwrap()
        .to_string();
    let res = coordinator
        .submit(
            &path,
            &format!("{path}/share"),
            &[("officer_id", &coordinator_id)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let error = html::element_by_id(&page, "error-officer_id").expect("an error at the officer");
    assert!(html::shows(&error, "Välj en handläggare"), "{error}");
    let res = coordinator
        .submit(
            &path,
            &format!("{path}/unshare"),
            &[("officer_id", &officer_id)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(officer.get(&path).await.status(), StatusCode::NOT_FOUND);
}
