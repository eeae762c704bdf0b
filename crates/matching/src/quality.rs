//! Ranking quality against graded judgements: the format of `bench/ranking-quality/pairs.json`,
//! the metrics (NDCG@k, precision@1) and the rankings compared (the scorer with given settings,
//! and two baselines: occupation code only, distance only). Pure: the caller reads the file.

use serde::{Deserialize, Serialize};

use brygga_domain::model::{
    Accommodation, DrivingLicence, EducationLevel, EligibilityStatus, PlacementStatus,
};
use brygga_domain::values::Cefr;

use crate::geo::Geo;
use crate::profile::{ParticipantProfile, PlacementProfile};
use crate::rank::Ranked;
use crate::score::{self, Settings, ssyk_number, ssyk_relation};

/// The judged pairs: participants, each with their judged placements, and the placements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Benchmark {
    /// Where the rubric is, relative to the file.
    pub rubric: String,
    pub participants: Vec<JudgedParticipant>,
    pub placements: Vec<BenchPlacement>,
}

/// One judgement: how good `placement` is for the participant, 0–3, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Judgement {
    pub placement: i32,
    pub grade: u8,
    pub reason: String,
}

/// A participant as written in the file (defaults: no other languages, licences or needs,
/// eligibility confirmed, no formal education stated).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JudgedParticipant {
    pub id: i32,
    pub summary: String,
    pub swedish: Option<Cefr>,
    pub municipality: String,
    pub max_commute_km: u32,
    pub available_days: u8,
    pub experience: Vec<(String, u8)>,
    pub wished: Vec<String>,
    pub skills: Vec<String>,
    #[serde(default)]
    pub languages: Vec<(String, Cefr)>,
    #[serde(default)]
    pub licences: Vec<DrivingLicence>,
    #[serde(default)]
    pub needs: Vec<Accommodation>,
    #[serde(default = "eligible")]
    pub eligibility: EligibilityStatus,
    #[serde(default = "no_education")]
    pub education: EducationLevel,
    pub judgements: Vec<Judgement>,
}

/// A placement as written in the file (defaults: nothing desired, no other languages or
/// accommodations, no education required, published with one free place).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BenchPlacement {
    pub id: i32,
    pub title: String,
    pub ssyk: String,
    pub municipality: String,
    pub min_swedish: Cefr,
    pub driving_licence: DrivingLicence,
    pub days_per_week: u8,
    pub required_skills: Vec<String>,
    #[serde(default)]
    pub desired_skills: Vec<String>,
    #[serde(default)]
    pub other_languages: Vec<(String, Cefr)>,
    #[serde(default)]
    pub accommodations: Vec<Accommodation>,
    #[serde(default = "no_education")]
    pub education: EducationLevel,
}

fn eligible() -> EligibilityStatus {
    EligibilityStatus::Eligible
}

fn no_education() -> EducationLevel {
    EducationLevel::None
}

impl Benchmark {
    pub fn parse(json: &str) -> Result<Benchmark, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// How many pairs are judged.
    pub fn pair_count(&self) -> usize {
        self.participants.iter().map(|p| p.judgements.len()).sum()
    }

    pub fn placement(&self, id: i32) -> Option<&BenchPlacement> {
        self.placements.iter().find(|x| x.id == id)
    }
}

impl JudgedParticipant {
    pub fn profile(&self) -> ParticipantProfile {
        ParticipantProfile {
            id: self.id,
            swedish: self.swedish,
            languages: self.languages.clone(),
            experience: self.experience.clone(),
            wished: self.wished.clone(),
            skills: self.skills.clone(),
            available_days: self.available_days,
            max_commute_km: self.max_commute_km,
            municipality: self.municipality.clone(),
            licences: self.licences.clone(),
            needs: self.needs.clone(),
            eligibility: self.eligibility,
            education: self.education,
        }
        .normalised()
    }
}

impl BenchPlacement {
    pub fn profile(&self) -> PlacementProfile {
        PlacementProfile {
            id: self.id,
            ssyk: self.ssyk.clone(),
            required_skills: self.required_skills.clone(),
            desired_skills: self.desired_skills.clone(),
            min_swedish: self.min_swedish,
            other_languages: self.other_languages.clone(),
            driving_licence: self.driving_licence,
            days_per_week: self.days_per_week,
            municipality: self.municipality.clone(),
            accommodations: self.accommodations.clone(),
            free_places: 1,
            status: PlacementStatus::Published,
            education: self.education,
        }
        .normalised()
    }
}

// ---------------------------------------------------------------- metrics

/// Discounted cumulative gain of the first `k` grades in ranked order: gain 2^grade − 1,
/// discount log2(position + 1) with positions from 1.
pub fn dcg_at(grades: &[u8], k: usize) -> f64 {
    grades
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, &g)| (f64::from(2u32.pow(u32::from(g.min(31)))) - 1.0) / (i as f64 + 2.0).log2())
        .sum()
}

/// DCG@k over the DCG@k of the best possible order; `None` when every grade is 0.
pub fn ndcg_at(grades: &[u8], k: usize) -> Option<f64> {
    let mut ideal = grades.to_vec();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let best = dcg_at(&ideal, k);
    (best > 0.0).then(|| dcg_at(grades, k) / best)
}

/// Whether the first result is relevant: graded at least `threshold`. `None` when empty.
pub fn precision_at_1(grades: &[u8], threshold: u8) -> Option<f64> {
    grades
        .first()
        .map(|&g| if g >= threshold { 1.0 } else { 0.0 })
}

/// A grade from which a placement counts as relevant for precision@1: "a good proposal".
pub const RELEVANT: u8 = 2;

// ---------------------------------------------------------------- rankings

/// How a participant's judged placements are put in order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Ranker {
    /// The scorer: [`score::fit`] with these settings, in the index's order.
    Scorer(Settings),
    /// Baseline: the most leading SSYK digits shared with any experienced or wished
    /// occupation, ignoring everything else.
    OccupationOnly,
    /// Baseline: the shortest commute first (unknown last), ignoring everything else.
    DistanceOnly,
}

/// The placement ids in the order `ranker` puts them; ties by id.
pub fn rank(
    ranker: Ranker,
    p: &ParticipantProfile,
    placements: &[PlacementProfile],
    geo: &Geo,
) -> Vec<i32> {
    match ranker {
        Ranker::Scorer(s) => {
            let mut r: Vec<Ranked> = placements
                .iter()
                .map(|x| Ranked {
                    id: x.id,
                    fit: score::fit(p, x, geo, &s),
                })
                .collect();
            r.sort_by(Ranked::rank_cmp);
            r.into_iter().map(|r| r.id).collect()
        }
        Ranker::OccupationOnly => {
            let mut r: Vec<(u8, i32)> = placements
                .iter()
                .map(|x| {
                    let target = ssyk_number(&x.ssyk);
                    let level = p
                        .experience
                        .iter()
                        .map(|(c, _)| c)
                        .chain(&p.wished)
                        .map(|c| ssyk_relation(ssyk_number(c), target))
                        .max()
                        .unwrap_or(0);
                    (level, x.id)
                })
                .collect();
            r.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            r.into_iter().map(|(_, id)| id).collect()
        }
        Ranker::DistanceOnly => {
            let mut r: Vec<(u32, i32)> = placements
                .iter()
                .map(|x| {
                    let km = geo
                        .distance_km(&p.municipality, &x.municipality)
                        .unwrap_or(u32::MAX);
                    (km, x.id)
                })
                .collect();
            r.sort_unstable();
            r.into_iter().map(|(_, id)| id).collect()
        }
    }
}

/// Mean NDCG@k and precision@1 over the participants (those whose grades are all 0 are left
/// out of NDCG, which is undefined for them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quality {
    pub ndcg: f64,
    pub precision_at_1: f64,
    pub participants: usize,
}

pub fn evaluate(bench: &Benchmark, geo: &Geo, ranker: Ranker, k: usize) -> Quality {
    let (mut ndcg, mut n_ndcg, mut p1, mut n_p1) = (0.0, 0usize, 0.0, 0usize);
    for jp in &bench.participants {
        let p = jp.profile();
        let places: Vec<PlacementProfile> = jp
            .judgements
            .iter()
            .filter_map(|j| bench.placement(j.placement).map(BenchPlacement::profile))
            .collect();
        let grades: Vec<u8> = rank(ranker, &p, &places, geo)
            .iter()
            .map(|id| {
                jp.judgements
                    .iter()
                    .find(|j| j.placement == *id)
                    .map_or(0, |j| j.grade)
            })
            .collect();
        if let Some(v) = ndcg_at(&grades, k) {
            ndcg += v;
            n_ndcg += 1;
        }
        if let Some(v) = precision_at_1(&grades, RELEVANT) {
            p1 += v;
            n_p1 += 1;
        }
    }
    Quality {
        ndcg: if n_ndcg > 0 {
            ndcg / n_ndcg as f64
        } else {
            0.0
        },
        precision_at_1: if n_p1 > 0 { p1 / n_p1 as f64 } else { 0.0 },
        participants: bench.participants.len(),
    }
}
