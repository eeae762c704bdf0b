//! Store cases: outcomes are recorded once she has left, at points counted from that day, by
//! those who may update her; the same point and source again replaces the first.

use super::internship::{People, days, now_date, people, world};
use super::*;
use brygga_domain::exit::ExitDraft;
use brygga_domain::outcome::{FollowUpPoint, HireDecision, OutcomeDraft, OutcomeStatus};

both!(store: outcomes_follow_the_leaving_and_stay_with_the_coordinating_function);

fn draft(
    point: &str,
    status: &str,
    source: &str,
    on: chrono::NaiveDate,
    hire: &str,
) -> OutcomeDraft {
    OutcomeDraft {
        point: point.into(),
        status: status.into(),
        source: source.into(),
        recorded_on: on.to_string(),
        hire: hire.into(),
        note: String::new(),
    }
}

async fn outcomes_follow_the_leaving_and_stay_with_the_coordinating_function(store: Store) {
    let w = world(&store).await;
    let c = &w.coordinator;
    let People {
        supervisor,
        contact,
        me,
        manager,
        other_coordinator,
        ..
    } = people(&store, &w).await;
    let today = now_date();
    let left = today - days(40);

    // Before she has left there are no points, and nothing can be recorded.
    let o = store.outcomes(c, w.participant).await.unwrap();
    assert!(o.left_on.is_none() && o.points.is_empty());
    let at_exit = draft("exit", "job_lonebidrag", "coordinator", left, "hired")
        .validate(today, left)
        .unwrap();
    match store.outcome_set(c, w.participant, &at_exit).await {
        Err(StoreError::Invalid(e)) if e.get("point").is_some() => {}
        r => panic!("recorded before the leaving: {r:?}"),
    }
    let exit = ExitDraft {
        left_on: left.to_string(),
        exit_reason: "work".into(),
        exit_note: String::new(),
    }
    .validate(today)
    .unwrap();
    store
        .participant_exit_set(c, w.participant, &exit)
        .await
        .unwrap();

    store.outcome_set(c, w.participant, &at_exit).await.unwrap();
    let call = draft("week4", "seeking", "call", left + days(27), "")
        .validate(today, left)
        .unwrap();
    store.outcome_set(c, w.participant, &call).await.unwrap();
    // The same call recorded again (corrected) replaces the first.
    let corrected = draft("week4", "job_regular", "call", left + days(28), "")
        .validate(today, left)
        .unwrap();
    store
        .outcome_set(c, w.participant, &corrected)
        .await
        .unwrap();
    let o = store.outcomes(c, w.participant).await.unwrap();
    assert_eq!(o.left_on, Some(left));
    let points: Vec<_> = o.points.iter().map(|p| (p.point, p.due)).collect();
    assert_eq!(
        points,
        vec![
            (FollowUpPoint::Exit, left),
            (FollowUpPoint::Week4, left + days(28)),
            (FollowUpPoint::Month3, FollowUpPoint::Month3.due(left)),
            (FollowUpPoint::Month6, FollowUpPoint::Month6.due(left)),
        ]
    );
    assert_eq!(o.points[0].records[0].hire, Some(HireDecision::Hired));
    assert_eq!(o.points[1].records.len(), 1);
    assert_eq!(o.points[1].records[0].status, OutcomeStatus::JobRegular);
    assert!(o.points[2].records.is_empty());

    // Only those who may update her: not her supervisor, her employer, herself, the
    // programme manager; another programme's coordinator does not learn she exists.
    for (who, what) in [
        (&supervisor, "supervisor"),
        (&contact, "employer contact"),
        (&me, "the participant"),
        (&manager, "programme manager"),
    ] {
        assert!(
            matches!(
                store.outcomes(who, w.participant).await,
                Err(StoreError::Forbidden)
            ),
            "{what}"
        );
        assert!(
            store.outcome_set(who, w.participant, &call).await.is_err(),
            "{what}"
        );
    }
    assert!(matches!(
        store.outcomes(&other_coordinator, w.participant).await,
        Err(StoreError::NotFound)
    ));
}
