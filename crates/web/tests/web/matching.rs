//! Web stories: planning the cohort and ranking candidates for a placement.

use super::*;

both!(
    app:
    a_coordinator_plans_the_cohort_locks_and_rules_out_pairs_and_accepts_the_plan,
    a_coordinator_ranks_candidates_and_proposes_one_to_the_employer,
);

/// The (participant id, placement id) pairs of the plan table, read from its lock buttons.
fn plan_pairs(page: &str) -> Vec<(String, String)> {
    let mut out = vec![];
    for form in page.split("<form method=\"post\" action=\"/plan/").skip(1) {
        let form = &form[..form.find("</form>").unwrap_or(form.len())];
        if !form.contains("value=\"lock\"") {
            continue;
        }
        let p = html::input_value(form, "participant_id").unwrap();
        let x = html::input_value(form, "placement_id").unwrap();
        out.push((p, x));
    }
    out
}

async fn a_coordinator_plans_the_cohort_locks_and_rules_out_pairs_and_accepts_the_plan(
    app: &TestApp,
) {
    let coordinator = app.logged_in(Role::Coordinator).await;
    let res = coordinator.get("/plan").await;
    assert!(
        res.status().is_redirection(),
        "one programme: straight to its plan"
    );
    let plan_path = location(&res);
    let programme = plan_path.trim_start_matches("/plan/").to_string();
    let page = coordinator.page(&plan_path).await;
    assert!(page.contains("total matchning (optimum)"), "{page}");
    // Figures as Swedish writes them, and every term explained on the page.
    let before = page
        .split("</strong> total matchning (optimum)")
        .next()
        .expect("the total");
    let total = before.rsplit("<strong>").next().expect("the total");
    assert!(
        total.contains(',') && !total.contains('.'),
        "a decimal comma: {total}"
    );
    assert!(
        page.contains("0 betyder att fördelningen är stabil"),
        "{page}"
    );
    assert!(
        page.contains("0 blockerande par"),
        "deferred acceptance is stable"
    );
    let pairs = plan_pairs(&page);
    assert!(pairs.len() >= 5, "{page}");

    // Rule out the first pair: it leaves the plan and is listed as ruled out.
    let (p, x) = pairs[0].clone();
    let res = coordinator
        .submit(
            &plan_path,
            &format!("/plan/{programme}/rules"),
            &[
                ("participant_id", &p),
                ("placement_id", &x),
                ("kind", "exclude"),
                ("min_score", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = coordinator.page(&plan_path).await;
    assert!(!plan_pairs(&page).contains(&(p.clone(), x.clone())));
    assert!(page.contains("utesluten"));

    // Lock the second pair: it stays, marked locked, whatever else changes.
    let (p2, x2) = plan_pairs(&page)[1].clone();
    let res = coordinator
        .submit(
            &plan_path,
            &format!("/plan/{programme}/rules"),
            &[
                ("participant_id", &p2),
                ("placement_id", &x2),
                ("kind", "lock"),
                ("min_score", "0.9"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = coordinator
        .page(&format!("{plan_path}?min_score=0.9"))
        .await;
    assert!(page.contains("låst"), "{page}");
    assert!(
        page.contains(&format!("/participants/{p2}\"")),
        "the locked participant is in the plan even at a high minimum"
    );

    // The page previews what accepting creates: one ticked box per row with a placement.
    let page = coordinator.page(&plan_path).await;
    let ticked = html::input_values(&page, "pair");
    assert!(ticked.len() >= 4, "{page}");
    assert!(html::shows(&page, "Markerade rader blir kandidatförslag"));
    // Ticking none previews none; accepting goes through the preview (see `plan.rs`).
    let accept = format!("/plan/{programme}/accept");
    let res = coordinator
        .submit(
            &plan_path,
            &accept,
            &[("min_score", ""), ("rows", "selected")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let preview = res.text().await.unwrap();
    assert!(html::input_values(&preview, "pair").is_empty(), "{preview}");
    assert!(html::shows(&preview, "inget förslag skapas"), "{preview}");

    // Locking the same participant to a second placement contradicts the first lock: accepting
    // is refused as invalid (422, the plan page saying why), not forbidden.
    let other = plan_pairs(&coordinator.page(&plan_path).await)
        .into_iter()
        .map(|(_, x)| x)
        .find(|x| *x != x2)
        .expect("a second placement in the plan");
    let rules_path = format!("/plan/{programme}/rules");
    let lock = |x: String| {
        let (coordinator, plan_path, p2, rules_path) =
            (&coordinator, &plan_path, p2.clone(), &rules_path);
        async move {
            coordinator
                .submit(
                    plan_path,
                    rules_path,
                    &[
                        ("participant_id", p2.as_str()),
                        ("placement_id", x.as_str()),
                        ("kind", "lock"),
                        ("min_score", ""),
                    ],
                )
                .await
        }
    };
    assert_eq!(lock(other.clone()).await.status(), StatusCode::SEE_OTHER);
    let res = coordinator
        .submit(
            &plan_path,
            &format!("/plan/{programme}/accept"),
            &[("min_score", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(html::shows(&page, "Planen kan inte beräknas"), "{page}");
    // Cleared again (an empty kind removes the rule), so what follows plans as before.
    let res = coordinator
        .submit(
            &plan_path,
            &format!("/plan/{programme}/rules"),
            &[
                ("participant_id", p2.as_str()),
                ("placement_id", other.as_str()),
                ("kind", ""),
                ("min_score", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // Weights per programme: a wrong number is refused beside its field with what was typed
    // kept; valid weights are saved and used.
    let settings = format!("/plan/{programme}/settings");
    let fields = |occupation: &'static str| {
        vec![
            ("occupation", occupation),
            ("skills", "0,3"),
            ("language", "0.15"),
            ("wishes", "0"),
            ("commute", "0.15"),
            ("eligibility", "exclude"),
        ]
    };
    // The employment service's confirmation before an interview: on by default.
    let page = coordinator.page(&settings).await;
    assert_eq!(html::checked(&page, "confirm_before_interview"), ["true"]);
    assert!(html::shows(
        &page,
        "Behörigheten bekräftas av Arbetsförmedlingen innan en intervju bokas"
    ));
    let res = coordinator
        .submit(&settings, &settings, &fields("mycket"))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(html::element_by_id(&page, "error-occupation").is_some());
    assert_eq!(
        html::input_value(&page, "occupation").as_deref(),
        Some("mycket")
    );
    let res = coordinator
        .submit(&settings, &settings, &fields("0.9"))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = coordinator.page(&settings).await;
    assert_eq!(
        html::input_value(&page, "occupation").as_deref(),
        Some("0.9")
    );
    assert_eq!(
        html::selected(&page, "eligibility").as_deref(),
        Some("exclude")
    );
    // Saved without the box ticked: off; ticked again: on.
    assert!(html::checked(&page, "confirm_before_interview").is_empty());
    let mut on = fields("0.9");
    on.push(("confirm_before_interview", "true"));
    let res = coordinator.submit(&settings, &settings, &on).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = coordinator.page(&settings).await;
    assert_eq!(html::checked(&page, "confirm_before_interview"), ["true"]);
    assert!(
        coordinator
            .page(&plan_path)
            .await
            .contains("total matchning")
    );

    // Only coordinators and admins plan.
    let supervisor = app.logged_in(Role::Supervisor).await;
    assert_eq!(
        supervisor.get(&plan_path).await.status(),
        StatusCode::FORBIDDEN
    );
}

async fn a_coordinator_ranks_candidates_and_proposes_one_to_the_employer(app: &TestApp) {
    // A published placement of the employer the demo contact works for.
    let contact = app.actor(Role::EmployerContact).await;
    let employer = contact.employer_id().unwrap();
    let placements = app
        .store
        .placement_list(
            &contact,
            &brygga_store::placement::PlacementFilter {
                page: 1,
                status: Some(brygga_domain::model::PlacementStatus::Published),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let placement = placements
        .items
        .iter()
        .find(|p| p.employer_id == employer)
        .unwrap()
        .id;

    let coordinator = app.logged_in(Role::Coordinator).await;
    let page = coordinator
        .page(&format!("/placements/{placement}/candidates"))
        .await;
    assert!(page.contains("<ol class=\"ranked\">"), "{page}");
    // Every row explains itself: a score and the components behind it.
    assert!(
        page.contains(" %</strong>") && page.contains("Pendling"),
        "{page}"
    );
    // An unconfirmed eligibility is said once per card, with the status, not twice.
    let mut flagged = 0;
    for card in page.split("<div class=\"fit\">").skip(1) {
        let card = card.split("</div>").next().unwrap_or_default();
        let said = card.matches("inte bekräftad").count();
        assert!(said <= 1, "{card}");
        flagged += said;
    }
    assert!(
        flagged > 0,
        "the demo ranks someone not yet confirmed: {page}"
    );

    // Through the API: ranked by score, best first, each with its explanation in both languages.
    let api = Api::new(app);
    let token = app.token(Role::Coordinator).await;
    let (status, body) = api
        .get(
            &format!("/placements/{placement}/candidates?k=5&include_failing=true"),
            &token,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let rows = body.as_array().unwrap();
    assert!(!rows.is_empty() && rows.len() <= 5);
    let scores: Vec<f64> = rows.iter().map(|r| r["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    let component = &rows[0]["fit"]["components"][0];
    assert!(
        component["explanation"]["sv"]
            .as_str()
            .is_some_and(|t| !t.is_empty())
    );
    assert!(
        component["explanation"]["en"]
            .as_str()
            .is_some_and(|t| !t.is_empty())
    );
    assert!(
        rows[0]["fit"]["hard"]
            .as_array()
            .is_some_and(|h| h.len() >= 5)
    );

    // Propose the best candidate that passes every hard constraint who is not yet visible to
    // the employer contact and has consented to sharing; afterwards the contact sees them.
    let (_, passing) = api
        .get(&format!("/placements/{placement}/candidates?k=50"), &token)
        .await;
    let visible_before = app.participant_ids_for(Role::EmployerContact).await;
    let (mut sharing, mut not_sharing) = (vec![], vec![]);
    for id in passing
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap() as i32)
        .filter(|id| !visible_before.contains(id))
    {
        let consents = app
            .store
            .participant_get(&Actor::system_for("test"), id)
            .await
            .unwrap()
            .active_consents();
        if consents.contains(&brygga_domain::model::ConsentPurpose::ShareWithEmployers) {
            sharing.push(id);
        } else {
            not_sharing.push(id);
        }
    }
    let candidate = *sharing
        .first()
        .expect("a candidate the employer has not seen");
    // One who has not consented is refused, and the pool page says why.
    if let Some(refused) = not_sharing.first() {
        let res = coordinator
            .submit(
                &format!("/placements/{placement}/candidates"),
                &format!("/placements/{placement}/candidates/{refused}"),
                &[],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let page = coordinator.page(&location(&res)).await;
        assert!(html::shows(&page, "har inte samtyckt"), "{page}");
        assert!(
            !app.participant_ids_for(Role::EmployerContact)
                .await
                .contains(refused)
        );
    }
    let res = coordinator
        .submit(
            &format!("/placements/{placement}/candidates"),
            &format!("/placements/{placement}/candidates/{candidate}"),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(location(&res).ends_with(&format!("proposed={candidate}")));
    assert!(
        app.participant_ids_for(Role::EmployerContact)
            .await
            .contains(&candidate)
    );

    // Suggestions the other way round.
    let (status, body) = api
        .get(&format!("/participants/{candidate}/suggestions"), &token)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(
        body.as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"].as_i64() == Some(i64::from(placement)))
    );
    assert!(
        coordinator
            .page(&format!("/participants/{candidate}/suggestions"))
            .await
            .contains("class=\"ranked\"")
    );

    // Only those who match whole programmes may rank; unknown ids are 404.
    let supervisor = app.logged_in(Role::Supervisor).await;
    assert_eq!(
        supervisor
            .get(&format!("/placements/{placement}/candidates"))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let evaluator = app.token(Role::Evaluator).await;
    let (status, _) = api
        .get(&format!("/placements/{placement}/candidates"), &evaluator)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = api.get("/placements/999999/candidates", &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
