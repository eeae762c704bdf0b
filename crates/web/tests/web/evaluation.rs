//! Web stories: the evaluator's pseudonymised export. The demo evaluator downloads the demo
//! programme's file: no names or other identifiers, one pseudonym per person within the file and
//! new ones in the next, gender and age group hidden in small cells, only those who consented to
//! count in statistics; a programme of hundreds streams in chunks that add up; others are
//! refused. The API gives the same file.

use std::collections::{BTreeMap, BTreeSet};

use super::*;

both!(
    app:
    the_evaluator_downloads_a_pseudonymised_export,
    a_large_programme_streams_whole,
);

/// A participant of the programme as the database holds her.
struct Person {
    first_name: String,
    email: String,
    statistics: bool,
}

async fn people_of(app: &TestApp, programme: i32) -> Vec<Person> {
    use sea_orm::{ConnectionTrait, Statement};
    let db = app.store.connection();
    let sql = format!(
        "SELECT first_name, email, consents FROM participants WHERE programme_id = {programme}"
    );
    db.query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .iter()
        .map(|r| Person {
            first_name: r.try_get("", "first_name").unwrap(),
            email: r.try_get("", "email").unwrap(),
            statistics: r
                .try_get::<String>("", "consents")
                .unwrap()
                .contains("\"purpose\":\"statistics\""),
        })
        .collect()
}

/// The file's rows as column → value maps.
fn rows(csv: &str) -> Vec<BTreeMap<String, String>> {
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|rec| {
            header
                .iter()
                .cloned()
                .zip(rec.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

async fn download(v: &Visitor, path: &str) -> String {
    let res = v.get(path).await;
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    assert!(
        res.headers()[reqwest::header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    res.text().await.unwrap()
}

async fn the_evaluator_downloads_a_pseudonymised_export(app: &TestApp) {
    let programme = demo_programme(app).await;
    let evaluator = app.logged_in(Role::Evaluator).await;
    let page = evaluator.page("/evaluation").await;
    let path = format!("/programmes/{programme}/evaluation.csv");
    assert!(page.contains(&path), "{page}");

    let first = download(&evaluator, &path).await;
    // Nobody's name, e-mail or phone is in it.
    let people = people_of(app, programme).await;
    for p in &people {
        assert!(!first.contains(&p.first_name), "{}", p.first_name);
        assert!(p.email.is_empty() || !first.contains(&p.email));
    }
    let a = rows(&first);
    assert!(!a.is_empty());
    // Those who did not consent to statistics are left out; each person one pseudonym.
    let persons: BTreeSet<&String> = a.iter().map(|r| &r["pseudonym"]).collect();
    let consenting = people.iter().filter(|p| p.statistics).count();
    assert_eq!(persons.len(), consenting);
    // The finished cohort's outcomes are there, at their points, dated by month.
    let surveyed: Vec<_> = a
        .iter()
        .filter(|r| r["point"] == "exit" && r["source"] == "survey")
        .collect();
    assert_eq!(surveyed.len(), 1);
    assert_eq!(surveyed[0]["benefit"], "5");
    assert_eq!(surveyed[0]["recorded_in"].len(), 7);
    // Small cells are hidden; shown cells have at least five people.
    let mut cells: BTreeMap<(String, String), BTreeSet<&String>> = BTreeMap::new();
    for r in &a {
        cells
            .entry((r["gender"].clone(), r["age_group"].clone()))
            .or_default()
            .insert(&r["pseudonym"]);
    }
    for ((g, age), who) in &cells {
        if g != "*" {
            assert!(who.len() >= 5, "{g} {age}: {}", who.len());
        } else {
            assert_eq!(age, "*");
        }
    }
    // The next export gives everyone new pseudonyms.
    let second = rows(&download(&evaluator, &path).await);
    let again: BTreeSet<&String> = second.iter().map(|r| &r["pseudonym"]).collect();
    assert!(persons.is_disjoint(&again));
    assert_eq!(again.len(), persons.len());

    // The API gives the same file; the coordinator and the participant are refused.
    let api = Api::new(app);
    let token = app.token(Role::Evaluator).await;
    let res = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/programmes/{programme}/evaluation-export")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(rows(&res.text().await.unwrap()).len(), a.len());
    let participant = app.token(Role::Participant).await;
    let (status, _) = api
        .get(
            &format!("/programmes/{programme}/evaluation-export"),
            &participant,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let coordinator = app.logged_in(Role::Coordinator).await;
    assert_eq!(coordinator.get(&path).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        evaluator
            .get("/programmes/999999/evaluation.csv")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

async fn a_large_programme_streams_whole(app: &TestApp) {
    let programme = demo_programme(app).await;
    let sys = brygga_store::Actor::system_for("test");
    let before = people_of(app, programme)
        .await
        .iter()
        .filter(|p| p.statistics)
        .count();
    let extra = 450;
    for n in 0..extra {
        let d = brygga_domain::registry::ParticipantDraft {
            programme_id: programme.to_string(),
            first_name: format!("Extra{n}"),
            last_name: "Testsson".into(),
            municipality_code: "1480".into(),
            birth_year: (1960 + (n % 40)).to_string(),
            gender: if n % 2 == 0 { "female" } else { "male" }.into(),
            consents: vec!["registry".into(), "statistics".into()],
            ..Default::default()
        };
        let input = d.validate(&app.app.refdata, brygga_app::today()).unwrap();
        app.store.participant_create(&sys, &input).await.unwrap();
    }
    let evaluator = app.logged_in(Role::Evaluator).await;
    let file = download(
        &evaluator,
        &format!("/programmes/{programme}/evaluation.csv"),
    )
    .await;
    assert_eq!(file.matches("pseudonym").count(), 1, "one header");
    let people: BTreeSet<String> = rows(&file)
        .into_iter()
        .map(|r| r["pseudonym"].clone())
        .collect();
    assert_eq!(people.len(), before + extra);
}
