//! Store cases: the socio-economic value table ships with example values that an admin alone
//! edits (a stale version is a conflict); a programme's parameters are its manager's; the
//! months after leaving are gathered from the outcome records of those who left and consented to
//! count in statistics.

use super::internship::{People, days, now_date, people, world};
use super::*;
use brygga_domain::exit::ExitDraft;
use brygga_domain::gain::{CostDraft, GainStatus, Params, ParamsDraft, Party, ValueDraft};
use brygga_domain::outcome::{OutcomeDraft, OutcomeStatus};

both!(store:
    the_value_table_ships_with_examples_and_only_an_admin_edits_it,
    a_programme_counts_those_who_left_with_outcomes_and_consent,
);

async fn the_value_table_ships_with_examples_and_only_an_admin_edits_it(store: Store) {
    let w = world(&store).await;
    let c = &w.coordinator;
    let People {
        evaluator,
        contact,
        me,
        ..
    } = people(&store, &w).await;
    let admin = sys();

    // Every status has its example values, marked as examples; the staff read them.
    let rows = store.gain_values(c).await.unwrap();
    assert!(rows.len() >= 12);
    assert!(rows.iter().all(|r| r.value.example));
    for s in GainStatus::all() {
        assert!(rows.iter().any(|r| r.value.status == s), "{s:?}");
    }
    assert_eq!(
        store.gain_values(&evaluator).await.unwrap().len(),
        rows.len()
    );
    for who in [&contact, &me] {
        assert!(matches!(
            store.gain_values(who).await,
            Err(StoreError::Forbidden)
        ));
    }

    // An admin adds the municipality's own figure; the coordinator may not.
    let own = ValueDraft {
        status: "before".into(),
        item: "Försörjningsstöd, kommunens snitt".into(),
        kind: "transfer".into(),
        party: "municipality".into(),
        amount: "52 000".into(),
        source: "Socialförvaltningens årsredovisning 2025".into(),
        dated_on: "2026-03-01".into(),
        example: String::new(),
    }
    .validate(now_date())
    .unwrap();
    assert!(matches!(
        store.gain_value_create(c, &own).await,
        Err(StoreError::Forbidden)
    ));
    let id = store.gain_value_create(&admin, &own).await.unwrap();
    let row = store
        .gain_values(c)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.id == id)
        .unwrap();
    assert_eq!((row.value.amount, row.value.example), (52_000, false));
    assert_eq!(row.value.party, Some(Party::Municipality));

    // Changed as read; the same old version again is a conflict, as is a row that is gone.
    let mut changed = own.clone();
    changed.amount = 54_000;
    store
        .gain_value_update(&admin, id, row.version, &changed)
        .await
        .unwrap();
    assert!(matches!(
        store
            .gain_value_update(&admin, id, row.version, &changed)
            .await,
        Err(StoreError::Conflict)
    ));
    assert!(matches!(
        store
            .gain_value_update(c, id, row.version + 1, &changed)
            .await,
        Err(StoreError::Forbidden)
    ));
    store.gain_value_delete(&admin, id).await.unwrap();
    assert!(matches!(
        store.gain_value_delete(&admin, id).await,
        Err(StoreError::NotFound)
    ));
}

async fn leave_with(store: &Store, c: &Actor, p: i32, outcomes: &[(&str, &str)]) {
    let left = now_date() - days(120);
    let exit = ExitDraft {
        left_on: left.to_string(),
        exit_reason: "completed".into(),
        exit_note: String::new(),
    }
    .validate(now_date())
    .unwrap();
    store.participant_exit_set(c, p, &exit).await.unwrap();
    for (point, status) in outcomes {
        let o = OutcomeDraft {
            point: point.to_string(),
            status: status.to_string(),
            source: "call".into(),
            recorded_on: left.to_string(),
            hire: if *point == "exit" { "not_asked" } else { "" }.into(),
            note: String::new(),
        }
        .validate(now_date(), left)
        .unwrap();
        store.outcome_set(c, p, &o).await.unwrap();
    }
}

async fn a_programme_counts_those_who_left_with_outcomes_and_consent(store: Store) {
    let w = world(&store).await;
    let c = &w.coordinator;
    let People {
        manager,
        other_coordinator,
        evaluator,
        ..
    } = people(&store, &w).await;
    let programme = w.t.programme;
    let with = |first: &str, statistics: bool| {
        let mut d = draft(programme, first, "Testsson");
        d.consents = vec!["registry".into()];
        if statistics {
            d.consents.push("statistics".into());
        }
        d
    };
    // Amina: seeking at leaving, komvux from four weeks. Bilan: left with nothing recorded.
    // Cecilia: a job, but no consent to count in statistics. Dana: has not left.
    let amina = add(&store, &sys(), &with("Amina", true)).await;
    let bilan = add(&store, &sys(), &with("Bilan", true)).await;
    let cecilia = add(&store, &sys(), &with("Cecilia", false)).await;
    let _dana = add(&store, &sys(), &with("Dana", true)).await;
    leave_with(
        &store,
        c,
        amina,
        &[("exit", "seeking"), ("week4", "studies_komvux")],
    )
    .await;
    leave_with(&store, c, bilan, &[]).await;
    leave_with(&store, c, cecilia, &[("exit", "job_regular")]).await;

    let f = store.gain_facts(c, programme).await.unwrap();
    assert_eq!(f.input.participants, 1);
    assert_eq!((f.without_outcomes, f.without_consent), (1, 1));
    assert_eq!(
        f.input.months_after,
        std::collections::BTreeMap::from([
            (GainStatus::After(OutcomeStatus::Seeking), 1.0),
            (GainStatus::After(OutcomeStatus::StudiesKomvux), 11.0),
        ])
    );
    assert_eq!(
        f.input.months_before,
        std::collections::BTreeMap::from([(GainStatus::Before, 12.0)])
    );

    // The parameters are the defaults until the programme manager saves her own, with the
    // programme's cost; the coordinator reads them, another programme's staff do not.
    let s = store.gain_settings(c, programme).await.unwrap();
    assert_eq!((s.version, s.params), (0, Params::example()));
    let params = ParamsDraft {
        persistence_years: "2,5".into(),
        ..ParamsDraft::from(&Params::example())
    }
    .validate()
    .unwrap();
    let costs = CostDraft {
        cost_municipality: "450 000".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    assert!(matches!(
        store
            .gain_settings_set(c, programme, 0, &params, &costs)
            .await,
        Err(StoreError::Forbidden)
    ));
    store
        .gain_settings_set(&manager, programme, 0, &params, &costs)
        .await
        .unwrap();
    assert!(matches!(
        store
            .gain_settings_set(&manager, programme, 0, &params, &costs)
            .await,
        Err(StoreError::Conflict)
    ));
    // (The evaluator here has no programme of her own: she is refused; in scope she reads it,
    // as the coordinator does.)
    assert!(matches!(
        store.gain_settings(&evaluator, programme).await,
        Err(StoreError::Forbidden)
    ));
    let s = store.gain_settings(c, programme).await.unwrap();
    assert_eq!((s.version, s.params.base.persistence_years), (1, 2.5));
    assert_eq!(s.costs, vec![(Party::Municipality, 450_000)]);
    assert_eq!(
        store
            .gain_facts(c, programme)
            .await
            .unwrap()
            .input
            .programme_cost,
        vec![(Party::Municipality, 450_000)]
    );
    assert!(matches!(
        store.gain_facts(&other_coordinator, programme).await,
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        store.gain_settings(c, 999_999).await,
        Err(StoreError::NotFound)
    ));
}
