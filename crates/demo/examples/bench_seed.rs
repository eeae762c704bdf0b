//! Seed a database for the web load benchmark (`bench/web-load/run.sh`): the demo, then
//! `participants` more participants in the demo programme and `placements` more published
//! placements at the demo's employers, all through the same public store functions a
//! coordinator's save calls. Deterministic for a seed.
//!
//! Usage: bench_seed <database-url> <participants> <placements> <ids-file> [seed]
//! The new placements' ids are written to `ids-file`, one per line.
//! The installation secret comes from `BRYGGA_SECRET` (64 hexadecimal digits), as for `brygga`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout
)]

use brygga_domain::model::OrgKind;
use brygga_domain::refdata::RefData;
use brygga_domain::registry::{Experience, LanguageSkill, ParticipantDraft, PlacementDraft};
use brygga_store::Actor;
use brygga_store::employer::EmployerFilter;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

/// Municipalities of Västra Götaland around Göteborg, where the demo's placements are.
const MUNICIPALITIES: [&str; 12] = [
    "1480", "1481", "1401", "1402", "1441", "1482", "1440", "1489", "1490", "1488", "1485", "1487",
];
const LANGUAGES: [&str; 8] = [
    "arabiska",
    "tigrinja",
    "somaliska",
    "dari",
    "persiska",
    "ukrainska",
    "engelska",
    "kurdiska",
];
const LEVELS: [&str; 6] = ["A1", "A2", "B1", "B2", "C1", "C2"];
const SKILLS: [&str; 10] = [
    "truckkort",
    "hygienpass",
    "kassavana",
    "svets",
    "lyftkort",
    "barnomsorg",
    "städning",
    "lager",
    "matlagning",
    "kundservice",
];
const DAYS: [&str; 5] = ["mon", "tue", "wed", "thu", "fri"];

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, url, participants, placements, ids_file, rest @ ..] = args.as_slice() else {
        panic!("usage: bench_seed <database-url> <participants> <placements> <ids-file> [seed]");
    };
    let participants: usize = participants.parse().expect("a number of participants");
    let placements: usize = placements.parse().expect("a number of placements");
    let seed: u64 = rest.first().map_or(7, |s| s.parse().expect("a seed"));
    let hex = std::env::var("BRYGGA_SECRET").expect("BRYGGA_SECRET");
    let secret = brygga_store::secret::Secret::from_hex(&hex, "BRYGGA_SECRET").unwrap();
    let store = brygga_store::Store::connect(url, secret).await.unwrap();
    store.migrate().await.unwrap();
    let today = chrono::Utc::now().date_naive();
    brygga_demo::load(&store, today, "http://127.0.0.1:8080")
        .await
        .unwrap();
    let sys = Actor::system_for("bench seed");
    let programme = store
        .org_find(&sys, OrgKind::Programme, brygga_demo::PROGRAMME_NAME)
        .await
        .unwrap()
        .expect("the demo programme")
        .id;
    let employers: Vec<i32> = store
        .employer_list(
            &sys,
            &EmployerFilter {
                page: 1,
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .items
        .iter()
        .map(|e| e.id)
        .collect();
    let refdata = RefData::load().unwrap();
    let occupations: Vec<String> = refdata.ssyk_unit_groups().map(|g| g.code.clone()).collect();
    let mut rng = StdRng::seed_from_u64(seed);
    // Trades cluster: most people and placements come from a few hundred common occupations.
    let common: Vec<String> = occupations
        .choose_multiple(&mut rng, 120)
        .cloned()
        .collect();
    let some_skills = |rng: &mut StdRng, most: usize| -> Vec<String> {
        let n = rng.random_range(0..=most);
        SKILLS
            .choose_multiple(rng, n)
            .map(|s| s.to_string())
            .collect()
    };
    let trade = |rng: &mut StdRng| -> String {
        if rng.random_bool(0.85) {
            common.choose(rng).unwrap().clone()
        } else {
            occupations.choose(rng).unwrap().clone()
        }
    };

    let started = std::time::Instant::now();
    let mut ids = String::new();
    for i in 0..placements {
        let d = PlacementDraft {
            employer_id: employers.choose(&mut rng).unwrap().to_string(),
            title: format!("Praktikplats {i}"),
            ssyk_code: trade(&mut rng),
            tasks: "Arbetsuppgifter enligt handledarens plan".into(),
            required_skills: some_skills(&mut rng, 1),
            desired_skills: some_skills(&mut rng, 2),
            min_swedish: LEVELS[rng.random_range(0..3)].into(),
            days_per_week: rng.random_range(3..=5).to_string(),
            hours_per_week: "30".into(),
            municipality_code: MUNICIPALITIES.choose(&mut rng).unwrap().to_string(),
            period_start: (today + chrono::Duration::days(30)).to_string(),
            period_end: (today + chrono::Duration::days(120)).to_string(),
            places: rng.random_range(1..=3).to_string(),
            status: "published".into(),
            ..Default::default()
        };
        let input = d.validate(&refdata).expect("a valid placement");
        let id = store.placement_create(&sys, &input).await.unwrap();
        ids.push_str(&format!("{id}\n"));
    }
    println!(
        "{placements} placements in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let started = std::time::Instant::now();
    for i in 0..participants {
        let experience = (0..rng.random_range(0..3))
            .map(|_| Experience {
                occupation: trade(&mut rng),
                years: rng.random_range(1..12).to_string(),
                country: "Syrien".into(),
            })
            .collect();
        let days = rng.random_range(2..=5);
        let d = ParticipantDraft {
            programme_id: programme.to_string(),
            first_name: format!("Bänk{i}"),
            last_name: "Lastsson".into(),
            birth_year: rng.random_range(1965..2005).to_string(),
            municipality_code: MUNICIPALITIES.choose(&mut rng).unwrap().to_string(),
            gender: if rng.random_bool(0.5) {
                "female"
            } else {
                "male"
            }
            .into(),
            swedish_level: LEVELS[rng.random_range(0..5)].into(),
            languages: vec![LanguageSkill {
                language: LANGUAGES.choose(&mut rng).unwrap().to_string(),
                level: "C2".into(),
            }],
            experience,
            skills: some_skills(&mut rng, 3),
            wished_occupations: vec![trade(&mut rng)],
            available_days: DAYS[..days].iter().map(|s| s.to_string()).collect(),
            max_commute_km: [10, 20, 30, 50][rng.random_range(0..4)].to_string(),
            driving_licence: if rng.random_bool(0.3) { "B" } else { "" }.into(),
            eligibility: ["eligible", "eligible", "pending", "unknown"][rng.random_range(0..4)]
                .into(),
            consents: vec!["registry".into(), "share_with_employers".into()],
            ..Default::default()
        };
        let input = d.validate(&refdata, today).expect("a valid participant");
        store.participant_create(&sys, &input).await.unwrap();
        if (i + 1) % 10_000 == 0 {
            println!(
                "{} participants, {:.0} per second",
                i + 1,
                (i + 1) as f64 / started.elapsed().as_secs_f64()
            );
        }
    }
    println!(
        "{participants} participants in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // Last, so that an interrupted seed is not taken for a finished one.
    std::fs::write(ids_file, ids).expect("the ids file");
}
