//! Web stories: a cohort plan that knows who is still looking, and accepting chosen rows of it
//! through a preview.

use std::collections::{HashMap, HashSet};

use brygga_domain::model::{PlacementStatus, ProposalStatus};

use super::*;

both!(
    app:
    the_plan_leaves_out_interns_and_keeps_live_proposals_within_free_places,
    a_coordinator_accepts_chosen_rows_after_a_preview_once_and_not_when_stale,
    a_coordinator_frees_a_kept_proposal_and_the_participant_is_planned_again,
    a_place_taken_meanwhile_refuses_the_confirmation,
);

/// The pairs `participant:placement` of the plan's tick boxes.
fn ticked(page: &str) -> Vec<(i32, i32)> {
    html::input_values(page, "pair")
        .iter()
        .filter_map(|v| {
            let (p, x) = v.split_once(':')?;
            Some((p.parse().ok()?, x.parse().ok()?))
        })
        .collect()
}

fn pair_value((p, x): (i32, i32)) -> String {
    format!("{p}:{x}")
}

/// The live proposals of every published placement, read through the candidate pools:
/// (proposal id, participant, placement, status).
async fn live_proposals(app: &TestApp) -> Vec<(i32, i32, i32, ProposalStatus)> {
    let coordinator = app.actor(Role::Coordinator).await;
    let mut out = vec![];
    let mut page = 1;
    loop {
        let list = app
            .store
            .placement_list(
                &coordinator,
                &brygga_store::placement::PlacementFilter {
                    page,
                    status: Some(PlacementStatus::Published),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        for x in &list.items {
            let pool = app
                .store
                .pool_for_placement(&coordinator, x.id)
                .await
                .unwrap();
            out.extend(
                pool.proposals
                    .iter()
                    .filter(|p| {
                        !matches!(
                            p.status,
                            ProposalStatus::Rejected | ProposalStatus::Withdrawn
                        )
                    })
                    .map(|p| (p.id, p.participant_id, p.placement_id, p.status)),
            );
        }
        if list.items.is_empty() || page >= 20 {
            break;
        }
        page += 1;
    }
    out.sort();
    out.dedup();
    out
}

/// The participants with an internship in the demo (running, upcoming or ended).
async fn interns(app: &TestApp) -> HashSet<i32> {
    supervised_internships(app)
        .await
        .into_iter()
        .map(|i| i.1)
        .collect()
}

async fn plan_path(coordinator: &Visitor) -> String {
    location(&coordinator.get("/plan").await)
}

async fn the_plan_leaves_out_interns_and_keeps_live_proposals_within_free_places(app: &TestApp) {
    let coordinator = app.logged_in(Role::Coordinator).await;
    let plan = plan_path(&coordinator).await;
    let page = coordinator.page(&plan).await;
    let interns = interns(app).await;
    assert_eq!(
        interns.len(),
        5,
        "the demo's running, upcoming and finished interns"
    );
    // No intern is in the plan in any way: no row, not even as unplaced.
    for p in &interns {
        assert!(
            !page.contains(&format!("/participants/{p}\"")),
            "intern {p} is planned: {page}"
        );
    }
    assert!(html::shows(&page, "5 deltagare är inte med"), "{page}");

    // The demo's proposed candidates keep their proposals: listed apart, not planned.
    let live = live_proposals(app).await;
    let kept: Vec<&(i32, i32, i32, ProposalStatus)> =
        live.iter().filter(|l| !interns.contains(&l.1)).collect();
    assert_eq!(
        kept.len(),
        3,
        "participants 1, 2 and 3 of the demo: {live:?}"
    );
    let rows = ticked(&page);
    assert!(rows.len() >= 4, "{page}");
    let section = page
        .split("<ul class=\"kept\">")
        .nth(1)
        .expect("the kept proposals")
        .split("</ul>")
        .next()
        .unwrap();
    for (_, p, _, _) in &kept {
        assert!(
            section.contains(&format!("/participants/{p}\"")),
            "{section}"
        );
        assert!(rows.iter().all(|(rp, _)| rp != p), "{p} planned again");
    }
    assert_eq!(section.matches("Redan föreslagen till").count(), 3);

    // No placement gets more rows than its places less live internships and proposals.
    let coordinator_actor = app.actor(Role::Coordinator).await;
    let supervisor = app.actor(Role::Supervisor).await;
    let running: Vec<i32> = app
        .store
        .internships_supervised(&supervisor)
        .await
        .unwrap()
        .iter()
        .filter(|i| i.ended_on.is_none())
        .map(|i| i.placement_id)
        .collect();
    let mut planned: HashMap<i32, i64> = HashMap::new();
    for (_, x) in &rows {
        *planned.entry(*x).or_default() += 1;
    }
    for (x, n) in planned {
        let places = app
            .store
            .placement_get(&coordinator_actor, x)
            .await
            .unwrap()
            .places;
        let interned = running.iter().filter(|r| **r == x).count() as i64;
        let proposed = kept.iter().filter(|k| k.2 == x).count() as i64;
        assert!(
            n + interned + proposed <= i64::from(places),
            "placement {x}: {n} planned, {interned} interns, {proposed} proposed, {places} places"
        );
    }
    // Figures in Swedish: the fit as "74 %", the total with a decimal comma; terms explained.
    assert!(page.contains(" %</strong>"), "{page}");
    for term in [
        "Matchning per rad",
        "Lediga platser",
        "Blockerande par",
        "Redan föreslagna",
    ] {
        assert!(html::shows(&page, term), "{term}");
    }
    // The matching meeting: no intern and no one already proposed has a slot.
    let meeting = coordinator.page(&format!("{plan}/meeting")).await;
    let names: Vec<String> = {
        let mut names = vec![];
        for p in interns.iter().chain(kept.iter().map(|k| &k.1)) {
            let r = app
                .store
                .participant_get(&coordinator_actor, *p)
                .await
                .unwrap();
            names.push(format!("{} {}", r.first_name, r.last_name));
        }
        names
    };
    for name in &names {
        assert!(!html::shows(&meeting, name), "{name} at the meeting");
    }
}

async fn a_coordinator_accepts_chosen_rows_after_a_preview_once_and_not_when_stale(app: &TestApp) {
    let coordinator = app.logged_in(Role::Coordinator).await;
    let plan = plan_path(&coordinator).await;
    let accept = format!("{plan}/accept");
    let confirm = format!("{plan}/accept/confirm");
    let page = coordinator.page(&plan).await;
    let rows = ticked(&page);
    assert!(rows.len() >= 4, "{page}");
    let before = live_proposals(app).await;

    // Two rows chosen: the preview lists them, and nothing is created yet.
    let mut fields = vec![("min_score", String::new()), ("rows", "selected".into())];
    fields.extend(rows[..2].iter().map(|r| ("pair", pair_value(*r))));
    let fields_ref: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = coordinator.submit(&plan, &accept, &fields_ref).await;
    assert_eq!(res.status(), StatusCode::OK);
    let preview = res.text().await.unwrap();
    assert!(html::shows(&preview, "Förhandsgranska kandidatförslag"));
    let to_create: Vec<String> = html::input_values(&preview, "pair");
    let shown = preview.matches("class=\"preview-row\"").count();
    assert_eq!(shown, to_create.len(), "{preview}");
    assert!(!to_create.is_empty(), "{preview}");
    for v in &to_create {
        assert!(
            rows[..2].iter().any(|r| pair_value(*r) == *v),
            "{v} was not chosen"
        );
    }
    assert_eq!(
        live_proposals(app).await,
        before,
        "a preview writes nothing"
    );

    // Confirmed: exactly those proposals, and no other row.
    let mut fields = vec![("min_score", String::new())];
    fields.extend(to_create.iter().map(|v| ("pair", v.clone())));
    let fields_ref: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = coordinator.submit(&plan, &confirm, &fields_ref).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        location(&res).contains(&format!("accepted={}", to_create.len())),
        "{}",
        location(&res)
    );
    let after = live_proposals(app).await;
    let new: Vec<String> = after
        .iter()
        .filter(|a| !before.contains(a))
        .map(|a| format!("{}:{}", a.1, a.2))
        .collect();
    let mut want = to_create.clone();
    want.sort();
    let mut got = new.clone();
    got.sort();
    assert_eq!(got, want);

    // Sent twice: nothing is created twice.
    let res = coordinator.submit(&plan, &confirm, &fields_ref).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(location(&res).contains("accepted=0"), "{}", location(&res));
    assert_eq!(live_proposals(app).await, after);

    // Stale: a row shown, but its participant proposed elsewhere meanwhile; confirming it is
    // refused with the reason, and nothing is created. (A row whose participant shares with
    // employers: the preview of every row lists those.)
    let res = coordinator
        .submit(&plan, &accept, &[("min_score", "")])
        .await;
    let all = html::input_values(&res.text().await.unwrap(), "pair");
    let rows: Vec<(i32, i32)> = ticked(&coordinator.page(&plan).await)
        .into_iter()
        .filter(|r| all.contains(&pair_value(*r)))
        .collect();
    let (p, x) = rows[0];
    let elsewhere = rows
        .iter()
        .map(|r| r.1)
        .find(|o| *o != x)
        .expect("a second placement in the plan");
    let actor = app.actor(Role::Coordinator).await;
    // The preview of the row, taken before the change.
    let row = pair_value((p, x));
    let res = coordinator
        .submit(
            &plan,
            &accept,
            &[("min_score", ""), ("rows", "selected"), ("pair", &row)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    app.store.propose(&actor, p, elsewhere, "").await.unwrap();
    let with_other = rows
        .iter()
        .find(|r| r.0 != p && r.1 != x)
        .map(|r| pair_value(*r))
        .unwrap_or_default();
    let before = live_proposals(app).await;
    let res = coordinator
        .submit(
            &plan,
            &confirm,
            &[("min_score", ""), ("pair", &with_other), ("pair", &row)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body = res.text().await.unwrap();
    assert!(
        html::shows(
            &body,
            "har föreslagits eller fått praktik sedan planen visades"
        ),
        "{body}"
    );
    assert!(html::shows(&body, "Inga förslag skapades"), "{body}");
    assert_eq!(live_proposals(app).await, before, "nothing created");
    // The same row chosen from the old page is no longer in the plan: refused at the preview.
    let res = coordinator
        .submit(
            &plan,
            &accept,
            &[("min_score", ""), ("rows", "selected"), ("pair", &row)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body = res.text().await.unwrap();
    assert!(html::shows(&body, "finns inte längre i den"), "{body}");
}

/// A row previewed, then its placement's last places taken by hand proposals of others: the
/// confirmation is refused with the reason, and nothing is created.
async fn a_place_taken_meanwhile_refuses_the_confirmation(app: &TestApp) {
    let coordinator = app.logged_in(Role::Coordinator).await;
    let plan = plan_path(&coordinator).await;
    let accept = format!("{plan}/accept");
    let confirm = format!("{plan}/accept/confirm");
    let res = coordinator
        .submit(&plan, &accept, &[("min_score", "")])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let previewed = html::input_values(&res.text().await.unwrap(), "pair");
    let (p, x) = ticked(&coordinator.page(&plan).await)
        .into_iter()
        .find(|r| previewed.contains(&pair_value(*r)))
        .expect("a row that can be proposed");

    // Others, proposed by hand, take every place left at x.
    let actor = app.actor(Role::Coordinator).await;
    let free = |open: Vec<brygga_store::matching::OpenPlacement>| {
        let o = open.into_iter().find(|o| o.placement.id == x).unwrap();
        i64::from(o.placement.places) - i64::from(o.internships) - i64::from(o.proposals)
    };
    for q in app.participant_ids_for(Role::Coordinator).await {
        if free(app.store.matching_placements(&actor).await.unwrap()) <= 0 {
            break;
        }
        if q != p {
            let _ = app.store.propose(&actor, q, x, "").await;
        }
    }
    assert!(free(app.store.matching_placements(&actor).await.unwrap()) <= 0);

    let before = live_proposals(app).await;
    let res = coordinator
        .submit(
            &plan,
            &confirm,
            &[("min_score", ""), ("pair", &pair_value((p, x)))],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body = res.text().await.unwrap();
    assert!(
        html::shows(&body, "har inte längre någon ledig plats"),
        "{body}"
    );
    assert_eq!(live_proposals(app).await, before, "nothing created");
}

async fn a_coordinator_frees_a_kept_proposal_and_the_participant_is_planned_again(app: &TestApp) {
    let coordinator = app.logged_in(Role::Coordinator).await;
    let plan = plan_path(&coordinator).await;
    let page = coordinator.page(&plan).await;
    let section = page
        .split("<ul class=\"kept\">")
        .nth(1)
        .expect("the kept proposals")
        .split("</ul>")
        .next()
        .unwrap()
        .to_string();
    let proposal: i32 = html::input_value(&section, "proposal_id")
        .expect("a free button")
        .parse()
        .unwrap();
    let actor = app.actor(Role::Coordinator).await;
    let kept = app.store.proposal_get(&actor, proposal).await.unwrap();
    let who = kept.participant_id;
    assert!(ticked(&page).iter().all(|(p, _)| *p != who));

    let version = html::input_value(&section, "version").unwrap();
    let res = coordinator
        .submit(
            &plan,
            &format!("{plan}/free"),
            &[
                ("proposal_id", &proposal.to_string()),
                ("version", &version),
                ("min_score", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = coordinator.page(&location(&res)).await;
    assert!(html::shows(&page, "Förslaget drogs tillbaka"), "{page}");
    assert_eq!(
        app.store
            .proposal_get(&actor, proposal)
            .await
            .unwrap()
            .status,
        ProposalStatus::Withdrawn
    );
    // No longer kept; in the plan's table again (placed, or said to have no place), and never
    // at the placement she was withdrawn from.
    let kept_now = page
        .split("<ul class=\"kept\">")
        .nth(1)
        .map(|s| s.split("</ul>").next().unwrap_or_default().to_string())
        .unwrap_or_default();
    assert!(!kept_now.contains(&format!("/participants/{who}\"")));
    let table = page.split("<tbody>").nth(1).unwrap();
    assert!(
        table.contains(&format!("/participants/{who}\"")),
        "{who} is planned again: {page}"
    );
    assert!(!ticked(&page).contains(&(who, kept.placement_id)));
    // Freeing the same proposal twice (a stale version) is refused.
    let res = coordinator
        .submit(
            &plan,
            &format!("{plan}/free"),
            &[
                ("proposal_id", &proposal.to_string()),
                ("version", &version),
                ("min_score", ""),
            ],
        )
        .await;
    assert!(res.status().is_client_error(), "{}", res.status());
}
