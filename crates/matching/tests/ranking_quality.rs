//! The ranking-quality benchmark's data and metrics (the benchmark itself runs in `bench/`).

use std::collections::HashSet;

use brygga_matching::quality::{Benchmark, dcg_at, ndcg_at, precision_at_1};

const PAIRS: &str = include_str!("../../../bench/ranking-quality/pairs.json");
const RUBRIC: &str = include_str!("../../../bench/ranking-quality/RUBRIC.md");

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[test]
fn the_judged_pairs_parse_and_every_judgement_has_a_grade_and_a_reason()
-> Result<(), Box<dyn std::error::Error>> {
    let bench = Benchmark::parse(PAIRS)?;
    assert_eq!(bench.rubric, "RUBRIC.md");
    assert!(RUBRIC.contains("## Grades"));
    assert!(bench.pair_count() >= 150, "{} pairs", bench.pair_count());
    let placement_ids: HashSet<i32> = bench.placements.iter().map(|x| x.id).collect();
    assert_eq!(
        placement_ids.len(),
        bench.placements.len(),
        "placement ids unique"
    );
    let participant_ids: HashSet<i32> = bench.participants.iter().map(|p| p.id).collect();
    assert_eq!(
        participant_ids.len(),
        bench.participants.len(),
        "participant ids unique"
    );
    let mut majors = HashSet::new();
    for p in &bench.participants {
        assert!(!p.summary.trim().is_empty(), "participant {}", p.id);
        // Enough placements per participant for a ranking metric to mean something.
        assert!(p.judgements.len() >= 5, "participant {}", p.id);
        let mut seen = HashSet::new();
        for j in &p.judgements {
            assert!(
                j.grade <= 3,
                "participant {} placement {}",
                p.id,
                j.placement
            );
            assert!(
                j.reason.trim().len() > 10,
                "participant {} placement {}: a reason is a sentence",
                p.id,
                j.placement
            );
            assert!(
                placement_ids.contains(&j.placement),
                "placement {}",
                j.placement
            );
            assert!(
                seen.insert(j.placement),
                "placement {} judged twice",
                j.placement
            );
        }
        for code in p.experience.iter().map(|(c, _)| c).chain(&p.wished) {
            majors.extend(code.get(..1).map(str::to_string));
        }
    }
    // Several SSYK major groups are covered.
    assert!(majors.len() >= 5, "{majors:?}");
    Ok(())
}

#[test]
fn ndcg_and_precision_at_one_match_hand_computed_cases() {
    // Ranked [3, 2, 0, 1]: DCG = 7/log2(2) + 3/log2(3) + 0 + 1/log2(5); ideal [3, 2, 1, 0].
    let dcg = 7.0 + 3.0 / 3f64.log2() + 1.0 / 5f64.log2();
    let ideal = 7.0 + 3.0 / 3f64.log2() + 1.0 / 4f64.log2();
    assert!(close(dcg_at(&[3, 2, 0, 1], 5), dcg));
    assert!(close(dcg_at(&[3, 2, 0, 1], 5), 9.323465818787767));
    let n = ndcg_at(&[3, 2, 0, 1], 5).unwrap_or(f64::NAN);
    assert!(close(n, dcg / ideal));
    assert!((n - 0.992619504174702).abs() < 1e-12);
    // [1, 0, 2]: (1 + 3/2) / (3 + 1/log2 3).
    let n = ndcg_at(&[1, 0, 2], 5).unwrap_or(f64::NAN);
    assert!(close(n, 2.5 / (3.0 + 1.0 / 3f64.log2())));
    // The best order scores 1; a relevant placement past position k counts nothing.
    assert_eq!(ndcg_at(&[3, 2, 1, 0], 5), Some(1.0));
    assert_eq!(ndcg_at(&[0, 0, 0, 0, 0, 3], 5), Some(0.0));
    assert!(close(dcg_at(&[0, 0, 0, 0, 0, 3], 6), 7.0 / 7f64.log2()));
    // Nothing relevant at all: undefined.
    assert_eq!(ndcg_at(&[0, 0, 0], 5), None);
    assert_eq!(ndcg_at(&[], 5), None);

    assert_eq!(precision_at_1(&[2, 3, 0], 2), Some(1.0));
    assert_eq!(precision_at_1(&[1, 3, 3], 2), Some(0.0));
    assert_eq!(precision_at_1(&[3], 3), Some(1.0));
    assert_eq!(precision_at_1(&[], 2), None);
}
