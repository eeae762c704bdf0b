//! Web stories: the matching index each instance keeps in memory follows every change, whichever
//! instance on the same database made it.

use super::*;
use brygga_store::participant::ParticipantRecord;

both!(
    app:
    a_change_through_one_instance_is_ranked_by_another,
    a_ranking_follows_edits_and_deletions_on_the_same_instance,
);

/// A visitor of another instance of the app, logged in as the demo user with `role`.
async fn visitor_at(app: &TestApp, address: std::net::SocketAddr, role: Role) -> Visitor {
    let v = Visitor {
        base: format!("http://{address}"),
        ..app.visitor()
    };
    let res = v.login(&app.email(role), DEMO_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    v
}

/// The ranked list of a candidates or suggestions page (empty when it has none).
fn ranked_titles(page: &str) -> String {
    let Some(start) = page.find("<ol class=\"ranked\">") else {
        return String::new();
    };
    let list = &page[start..];
    list[..list.find("</ol>").unwrap_or(list.len())].to_string()
}

async fn a_change_through_one_instance_is_ranked_by_another(app: &TestApp) {
    let (other, _) = app.another_instance().await;
    let k = visitor_at(app, other, Role::Coordinator).await;
    // The other instance ranks first, so its index is built before the changes below.
    let before = k.page("/participants").await;
    assert!(before.contains("Deltagare"), "{before}");
    let demo = app.participant_ids_for(Role::Coordinator).await[0];
    k.page(&format!("/participants/{demo}/suggestions")).await;

    // Through this instance: a steel erector and three placements in her trade.
    let (amina, b1, _, passes) = near_miss::erector_and_placements(app).await;
    let suggestions = format!("/participants/{amina}/suggestions");
    let page = k.page(&suggestions).await;
    let ranking = ranked_titles(&page);
    assert!(ranking.contains("Montör med tolk"), "{page}");
    assert!(page.contains(&format!("id=\"near-{b1}\"")), "{page}");
    let candidates = k.page(&format!("/placements/{passes}/candidates")).await;
    assert!(candidates.contains("Amina"), "{candidates}");

    // Her Swedish reaches B1 (saved through this instance): the B1 placement is ranked now,
    // no longer a near miss.
    let coordinator = app.actor(Role::Coordinator).await;
    let record: ParticipantRecord = app
        .store
        .participant_get(&coordinator, amina)
        .await
        .unwrap();
    let mut draft = record.to_draft();
    draft.swedish_level = "B1".into();
    let input = draft.validate(brygga_testkit::refdata(), today()).unwrap();
    app.store
        .participant_update(&coordinator, amina, record.version, &input)
        .await
        .unwrap();
    let page = k.page(&suggestions).await;
    assert!(!page.contains(&format!("id=\"near-{b1}\"")), "{page}");
    assert!(
        ranked_titles(&page).contains("Montör, svenska B1"),
        "{page}"
    );

    // The placement she passed is closed: gone from her suggestions on the other instance, and
    // its candidates are ranked over a pool of its own (a closed placement is not indexed).
    let x = app.store.placement_get(&coordinator, passes).await.unwrap();
    let mut d = x.to_draft();
    d.status = "closed".into();
    app.store
        .placement_update(
            &coordinator,
            passes,
            x.version,
            &d.validate(brygga_testkit::refdata()).unwrap(),
        )
        .await
        .unwrap();
    let page = k.page(&suggestions).await;
    assert!(!ranked_titles(&page).contains("Montör med tolk"), "{page}");

    // The API on the other instance answers from the same index.
    let token = app.token(Role::Coordinator).await;
    let res = reqwest::Client::new()
        .get(format!(
            "http://{other}/api/v1/placements/{b1}/candidates?k=50"
        ))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let rows: Value = res.json().await.unwrap();
    let ids: Vec<i64> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["id"].as_i64())
        .collect();
    assert!(ids.contains(&i64::from(amina)), "{ids:?}");
}

/// On one instance: an edit shows in the next ranking, and a deleted participant is gone from
/// it, without a restart.
async fn a_ranking_follows_edits_and_deletions_on_the_same_instance(app: &TestApp) {
    let (amina, _, _, passes) = near_miss::erector_and_placements(app).await;
    let k = app.logged_in(Role::Coordinator).await;
    let candidates = format!("/placements/{passes}/candidates");
    let page = k.page(&candidates).await;
    assert!(ranked_titles(&page).contains("Amina"), "{page}");

    // Renamed: the ranking shows the new name at once.
    let coordinator = app.actor(Role::Coordinator).await;
    let record = app
        .store
        .participant_get(&coordinator, amina)
        .await
        .unwrap();
    let mut draft = record.to_draft();
    draft.first_name = "Aminata".into();
    let input = draft.validate(brygga_testkit::refdata(), today()).unwrap();
    app.store
        .participant_update(&coordinator, amina, record.version, &input)
        .await
        .unwrap();
    let page = k.page(&candidates).await;
    assert!(ranked_titles(&page).contains("Aminata"), "{page}");

    // Deleted: no longer ranked, and her suggestions page is not found.
    app.store
        .participant_delete(&coordinator, amina)
        .await
        .unwrap();
    let page = k.page(&candidates).await;
    assert!(!ranked_titles(&page).contains("Aminata"), "{page}");
    let res = k.get(&format!("/participants/{amina}/suggestions")).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
