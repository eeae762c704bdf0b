//! Ranking quality against the judged pairs in `bench/ranking-quality/pairs.json` (rubric in
//! `RUBRIC.md` beside it): NDCG@5 and precision@1 (a first result graded 2 or 3), mean over
//! participants, for the default weights and two baselines. Run with
//! `cargo run --release --example ranking_quality [path/to/pairs.json]`.

use brygga_domain::refdata::RefData;
use brygga_matching::quality::{Benchmark, Quality, Ranker, evaluate};
use brygga_matching::{Geo, Settings};

const K: usize = 5;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../bench/ranking-quality/pairs.json"
        )
        .to_string()
    });
    let bench = Benchmark::parse(&std::fs::read_to_string(&path)?)?;
    let geo = Geo::new(&RefData::load()?);
    println!(
        "{} participants, {} judged pairs ({path})",
        bench.participants.len(),
        bench.pair_count()
    );
    let rows = [
        ("default weights", Ranker::Scorer(Settings::default())),
        ("occupation code only", Ranker::OccupationOnly),
        ("distance only", Ranker::DistanceOnly),
    ];
    let results: Vec<(&str, Quality)> = rows
        .iter()
        .map(|(name, r)| (*name, evaluate(&bench, &geo, *r, K)))
        .collect();
    println!("{:<22} {:>8} {:>6}", "ranking", "NDCG@5", "P@1");
    for (name, q) in &results {
        println!("{name:<22} {:>8.3} {:>6.3}", q.ndcg, q.precision_at_1);
    }
    if let [(_, ours), rest @ ..] = results.as_slice() {
        for (name, q) in rest {
            println!(
                "ours / {name}: NDCG@5 ×{:.2}, P@1 ×{:.2}",
                ours.ndcg / q.ndcg,
                ours.precision_at_1 / q.precision_at_1
            );
        }
    }
    Ok(())
}
