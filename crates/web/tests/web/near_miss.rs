//! Web stories: near misses beside a participant's suggestions, and proposing a pair that
//! fails a hard rule anyway, with a recorded reason that only those who read special needs see.

use super::*;
use brygga_domain::registry::Experience;

both!(
    app:
    a_coordinator_sees_near_misses_and_proposes_one_anyway_with_a_reason,
    the_suggestions_say_when_the_participant_is_already_placed,
);

/// The demo's running intern: her suggestions page says first that she is placed, and where;
/// a participant still looking gets no such notice.
async fn the_suggestions_say_when_the_participant_is_already_placed(app: &TestApp) {
    let k = app.logged_in(Role::Coordinator).await;
    let intern = app.actor(Role::Participant).await.participant_id().unwrap();
    let page = k.page(&format!("/participants/{intern}/suggestions")).await;
    let notice = html::element_by_id(&page, "placed").expect("the placed notice");
    assert!(html::shows(&notice, "Har redan en praktik"), "{notice}");
    assert!(
        html::shows(&notice, "Praktik som vårdbiträde i hemtjänsten"),
        "{notice}"
    );
    let interns = app.participant_ids_for(Role::Supervisor).await;
    let looking = app
        .participant_ids_for(Role::Coordinator)
        .await
        .into_iter()
        .find(|p| !interns.contains(p))
        .unwrap();
    let page = k
        .page(&format!("/participants/{looking}/suggestions"))
        .await;
    assert!(html::element_by_id(&page, "placed").is_none());
}

/// A steel erector (SSYK 7215, six years) with Swedish A2 who needs an interpreter, and three
/// published placements in her trade at the demo contact's employer: one needing Swedish B1,
/// one without an interpreter, one she passes. Returns (participant, b1, no interpreter, passes).
pub(super) async fn erector_and_placements(app: &TestApp) -> (i32, i32, i32, i32) {
    let coordinator = app.actor(Role::Coordinator).await;
    let employer = app
        .actor(Role::EmployerContact)
        .await
        .employer_id()
        .unwrap();
    let programme = app.programme_of(Role::Coordinator).await;
    let refdata = brygga_testkit::refdata();
    let mut d = participant_draft(programme, "Amina", "");
    d.experience = vec![Experience {
        occupation: "7215".into(),
        years: "6".into(),
        country: "Eritrea".into(),
    }];
    d.wished_occupations = vec!["7215".into()];
    d.available_days = ["mon", "tue", "wed", "thu", "fri"]
        .map(String::from)
        .to_vec();
    d.max_commute_km = "30".into();
    d.needed_accommodations = vec!["interpreter".into()];
    d.consents = vec!["registry".into(), "share_with_employers".into()];
    let participant = app
        .store
        .participant_create(&coordinator, &d.validate(refdata, today()).unwrap())
        .await
        .unwrap();
    let place = |title: &str, swedish: &str, interpreter: bool| {
        let mut x = placement_draft(employer, "7215");
        x.title = title.into();
        x.min_swedish = swedish.into();
        x.status = "published".into();
        if interpreter {
            x.accommodations = vec!["interpreter".into()];
        }
        x.validate(refdata).unwrap()
    };
    let b1 = place("Montör, svenska B1", "B1", true);
    let no_interpreter = place("Montör utan tolk", "A2", false);
    let passes = place("Montör med tolk", "A2", true);
    let mut ids = vec![];
    for x in [b1, no_interpreter, passes] {
        ids.push(app.store.placement_create(&coordinator, &x).await.unwrap());
    }
    (participant, ids[0], ids[1], ids[2])
}

/// The near-miss card of a placement on the suggestions page.
fn near_card(page: &str, placement: i32) -> String {
    let start = page
        .find(&format!("<li id=\"near-{placement}\">"))
        .unwrap_or_else(|| panic!("a near miss for {placement}: {page}"));
    let card = &page[start..];
    card[..card.find("</li>").unwrap()].to_string()
}

async fn a_coordinator_sees_near_misses_and_proposes_one_anyway_with_a_reason(app: &TestApp) {
    let (amina, b1, no_interpreter, passes) = erector_and_placements(app).await;
    let coordinator = app.logged_in(Role::Coordinator).await;
    let suggestions = format!("/participants/{amina}/suggestions");

    // Beside the ranking: her trade's placements that fail one rule, with what is missing,
    // how close the trade is and the score without the rule.
    let page = coordinator.page(&suggestions).await;
    assert!(html::shows(&page, "Nära träffar"), "{page}");
    let card = near_card(&page, b1);
    assert!(card.contains("Kräver svenska B1 – har A2"), "{card}");
    assert!(card.contains("Samma yrke (yrkesgrupp)"), "{card}");
    assert!(card.contains("matchning utan kravet <strong>"), "{card}");
    let percent: u32 = card
        .split("matchning utan kravet <strong>")
        .nth(1)
        .and_then(|t| t.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("a percentage");
    assert!(percent > 0, "{card}");
    assert!(card.contains("Föreslå ändå"), "{card}");
    // The coordinator reads her special needs: the missing accommodation is named.
    let card = near_card(&page, no_interpreter);
    assert!(
        card.contains("Kräver anpassning som inte erbjuds: tolk"),
        "{card}"
    );
    // A placement she passes is ranked, not a near miss.
    assert!(!page.contains(&format!("id=\"near-{passes}\"")));

    // Proposing anyway without a reason is refused beside the reason; nothing is proposed.
    let action = format!("/placements/{b1}/candidates/{amina}");
    let key = format!("near-{b1}");
    let fields = |reason: &'static str| {
        vec![
            ("from", "suggestions".to_string()),
            ("key", key.clone()),
            ("override_reason", reason.to_string()),
        ]
    };
    let res = coordinator
        .submit(&suggestions, &action, &pairs(&fields("")))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let error = html::element_by_id(&page, &format!("error-reason-{key}")).expect("the error");
    assert!(error.contains("Skriv varför"), "{error}");
    let pool_page = format!("/placements/{b1}/pool");
    assert!(!coordinator.page(&pool_page).await.contains("Amina"));
    // Too long a reason is refused too, and what was typed comes back in its field.
    let long = "Kurs i yrkessvenska. ".repeat(60);
    let mut too_long = fields("");
    too_long[2].1 = long.clone();
    let res = coordinator
        .submit(&suggestions, &action, &pairs(&too_long))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(page.contains(long.trim_end()), "the typed reason is kept");
    assert!(html::element_by_id(&page, &format!("error-reason-{key}")).is_some());

    // With a reason: proposed, and the reason and rule are on the placement's candidate list.
    let reason = "Går yrkessvenska, B1 väntas i mars";
    let res = coordinator
        .submit(&suggestions, &action, &pairs(&fields(reason)))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("{suggestions}?proposed={b1}"));
    let pool = coordinator.page(&pool_page).await;
    assert!(pool.contains(reason), "{pool}");
    assert!(html::shows(&pool, "svenskanivå"), "{pool}");

    // The API: the same near misses, with the rule and the gap's figures.
    let api = Api::new(app);
    let token = app.token(Role::Coordinator).await;
    let (status, body) = api
        .get(
            &format!("/participants/{amina}/near-misses?limit=100"),
            &token,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let rows = body.as_array().unwrap();
    let row = |id: i32| {
        rows.iter()
            .find(|r| r["id"].as_i64() == Some(i64::from(id)))
            .unwrap_or_else(|| panic!("{id} in {body}"))
    };
    assert_eq!(row(b1)["rule"], "swedish");
    assert_eq!(row(b1)["gap"]["required"], "B1");
    assert_eq!(row(b1)["missing"]["sv"], "Kräver svenska B1 – har A2");
    assert_eq!(row(b1)["relation"], 4);
    assert!(row(b1)["score_without_rule"].as_f64().unwrap() > 0.0);
    assert_eq!(row(no_interpreter)["rule"], "accommodations");
    assert_eq!(
        row(no_interpreter)["gap"]["missing"],
        json!(["interpreter"])
    );
    assert!(
        rows.iter()
            .all(|r| r["id"].as_i64() != Some(i64::from(passes)))
    );

    // Proposing the accommodation gap anyway: refused without a reason (422, the field named),
    // created with one; a passing pair needs none.
    let path = format!("/placements/{no_interpreter}/candidates/{amina}");
    let (status, body) = api.post(&path, &token, &json!({})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["field"] == "override_reason"),
        "{body}"
    );
    let special = "Tolk ordnas via kommunens tolkcentral";
    let (status, body) = api
        .post(&path, &token, &json!({ "override_reason": special }))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["overridden"], json!(["accommodations"]));
    let (status, body) = api
        .post(
            &format!("/placements/{passes}/candidates/{amina}"),
            &token,
            &json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["overridden"], json!([]));

    // The coordinator sees the reason in the API; the employer contact sees the proposal but
    // neither the reason nor the rule, in the API or on the page.
    let (_, view) = api
        .get(&format!("/placements/{no_interpreter}/proposals"), &token)
        .await;
    assert_eq!(view["proposals"][0]["override_reason"], special, "{view}");
    assert_eq!(view["proposals"][0]["override_rule"], "accommodations");
    let contact_token = app.token(Role::EmployerContact).await;
    let (status, view) = api
        .get(
            &format!("/placements/{no_interpreter}/proposals"),
            &contact_token,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    let proposals = view["proposals"].as_array().unwrap();
    assert_eq!(proposals.len(), 1, "{view}");
    assert!(proposals[0]["override_reason"].is_null(), "{view}");
    assert!(proposals[0]["override_rule"].is_null(), "{view}");
    let contact = app.logged_in(Role::EmployerContact).await;
    let page = contact
        .page(&format!("/placements/{no_interpreter}/pool"))
        .await;
    assert!(page.contains("Amina"), "{page}");
    assert!(
        !page.contains(special) && !page.contains("anpassning"),
        "{page}"
    );
    // A supervisor does not reach the pool at all.
    let supervisor = app.logged_in(Role::Supervisor).await;
    let res = supervisor
        .get(&format!("/placements/{no_interpreter}/pool"))
        .await;
    let status = res.status();
    let text = res.text().await.unwrap();
    assert!(
        status == StatusCode::FORBIDDEN || !text.contains(special),
        "{status}"
    );
}
