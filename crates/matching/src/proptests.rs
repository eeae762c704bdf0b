//! Property tests of the scoring and the ranking over random profiles.

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::sample::select;

use brygga_domain::model::{
    Accommodation, DrivingLicence, EducationLevel, EligibilityStatus, PlacementStatus,
};
use brygga_domain::refdata::RefData;
use brygga_domain::values::Cefr;

use crate::geo::Geo;
use crate::near::{NearMiss, near_misses};
use crate::profile::{ParticipantProfile, PlacementProfile};
use crate::rank::{CandidateFilter, Index, Ranked};
use crate::score::{
    self, ComponentKind, EligibilityRule, Fit, HardKind, Settings, Weights, cefr_rank,
    commute_value, experience_value, language_value, skills_value, wish_value, wishes_value,
};

/// Göteborg and neighbours, Stockholm, and one code the reference data does not know.
const MUNIS: &[&str] = &["1480", "1481", "1482", "1401", "1484", "0180", "9999"];
/// Related and unrelated unit groups, and one malformed code.
const CODES: &[&str] = &[
    "5321", "5322", "5330", "5311", "5120", "9111", "4322", "8331", "12x",
];
/// Skills, some the same after normalising.
const SKILLS: &[&str] = &[
    "truckkort",
    "Truckkort",
    " truck  kort",
    "städ",
    "STÄD ",
    "kassa",
    "hygien",
    "excel",
    "lager",
];
const LANGS: &[&str] = &["engelska", "Engelska ", "arabiska", "somaliska"];

fn geo() -> &'static Geo {
    static GEO: OnceLock<Geo> = OnceLock::new();
    GEO.get_or_init(|| match RefData::load() {
        Ok(r) => Geo::new(&r),
        // The shipped data is checked by the domain's tests; an empty table still runs.
        Err(_) => Geo::from_parts([], []),
    })
}

fn cefr() -> impl Strategy<Value = Cefr> {
    select(Cefr::ALL)
}

fn strings(
    pool: &'static [&'static str],
    n: std::ops::Range<usize>,
) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(select(pool).prop_map(str::to_string), n)
}

fn languages(n: std::ops::Range<usize>) -> impl Strategy<Value = Vec<(String, Cefr)>> {
    prop::collection::vec((select(LANGS).prop_map(str::to_string), cefr()), n)
}

fn participant() -> impl Strategy<Value = ParticipantProfile> {
    (
        prop::option::weighted(0.9, cefr()),
        languages(0..3),
        prop::collection::vec((select(CODES).prop_map(str::to_string), 0u8..12), 0..3),
        strings(CODES, 0..3),
        strings(SKILLS, 0..5),
        0u8..=7,
        select(&[0u32, 5, 10, 20, 30, 60, 500][..]),
        select(MUNIS).prop_map(str::to_string),
        prop::collection::vec(select(DrivingLicence::ALL), 0..3),
        prop_oneof![3 => Just(vec![]), 1 => prop::collection::vec(select(Accommodation::ALL), 1..3)],
        select(EligibilityStatus::ALL),
        select(EducationLevel::ALL),
    )
        .prop_map(
            |(
                swedish,
                languages,
                experience,
                wished,
                skills,
                available_days,
                max_commute_km,
                municipality,
                licences,
                needs,
                eligibility,
                education,
            )| ParticipantProfile {
                id: 0,
                swedish,
                languages,
                experience,
                wished,
                skills,
                available_days,
                max_commute_km,
                municipality,
                licences,
                needs,
                eligibility,
                education,
            },
        )
}

fn placement() -> impl Strategy<Value = PlacementProfile> {
    (
        select(CODES).prop_map(str::to_string),
        strings(SKILLS, 0..4),
        strings(SKILLS, 0..3),
        select(&[Cefr::A1, Cefr::A1, Cefr::A2, Cefr::A2, Cefr::B1, Cefr::B2][..]),
        prop_oneof![3 => Just(vec![]), 1 => languages(1..3)],
        prop_oneof![3 => Just(DrivingLicence::None), 1 => select(DrivingLicence::ALL)],
        1u8..=5,
        select(MUNIS).prop_map(str::to_string),
        prop::collection::vec(select(Accommodation::ALL), 0..4),
        0u32..3,
        prop_oneof![5 => Just(PlacementStatus::Published), 1 => select(PlacementStatus::ALL)],
        select(EducationLevel::ALL),
    )
        .prop_map(
            |(
                ssyk,
                required_skills,
                desired_skills,
                min_swedish,
                other_languages,
                driving_licence,
                days_per_week,
                municipality,
                accommodations,
                free_places,
                status,
                education,
            )| PlacementProfile {
                id: 0,
                ssyk,
                required_skills,
                desired_skills,
                min_swedish,
                other_languages,
                driving_licence,
                days_per_week,
                municipality,
                accommodations,
                free_places,
                status,
                education,
            },
        )
}

fn settings() -> impl Strategy<Value = Settings> {
    (
        select(&[EligibilityRule::Exclude, EligibilityRule::Flag][..]),
        prop_oneof![
            3 => Just(Weights::default()),
            1 => (0.0f64..3.0, 0.0f64..3.0, 0.01f64..3.0, 0.0f64..3.0, 0.0f64..3.0).prop_map(
                |(occupation, skills, language, wishes, commute)| Weights {
                    occupation,
                    skills,
                    language,
                    wishes,
                    commute,
                }
            ),
        ],
    )
        .prop_map(|(eligibility, weights)| Settings {
            weights,
            eligibility,
            ..Settings::default()
        })
}

fn filter() -> impl Strategy<Value = CandidateFilter> {
    (
        prop_oneof![2 => Just(vec![]), 1 => strings(&["1480", "1481", "0180", "9999", "0000"], 1..3)],
        select(&[0.0, 0.0, 0.3, 0.6][..]),
        any::<bool>(),
    )
        .prop_map(|(municipalities, min_score, include_failing)| CandidateFilter {
            municipalities,
            min_score,
            include_failing,
        })
}

/// Distinct ids in an order unlike the slots'.
fn with_ids<T>(items: Vec<T>, set: impl Fn(&mut T, i32)) -> Vec<T> {
    let n = items.len() as i32;
    items
        .into_iter()
        .enumerate()
        .map(|(i, mut t)| {
            set(&mut t, (n - i as i32) * 3 - 40);
            t
        })
        .collect()
}

// ---------------------------------------------------------------- reading explanations back

/// Every "N av M" in a Swedish sentence.
fn av_pairs(s: &str) -> Vec<(u32, u32)> {
    let t: Vec<&str> = s.split_whitespace().collect();
    t.windows(3)
        .filter(|w| w[1] == "av")
        .filter_map(|w| {
            Some((
                w[0].parse().ok()?,
                w[2].trim_end_matches([';', ',']).parse().ok()?,
            ))
        })
        .collect()
}

fn cefr_in(s: &str) -> Option<Cefr> {
    Cefr::parse(s.split_whitespace().next()?.trim_end_matches([';', ','])).ok()
}

/// The value a component's Swedish sentence states, recomputed from the sentence alone.
fn value_from_text(kind: ComponentKind, sv: &str) -> Result<f64, String> {
    let fail = || format!("cannot read {kind:?}: {sv:?}");
    let relation = |rel: &str| -> Result<u8, String> {
        Ok(if rel.starts_with("samma yrkesgrupp (samma yrke)") {
            4
        } else if rel.starts_with("samma undergrupp:") {
            3
        } else if rel.starts_with("samma huvudgrupp:") {
            2
        } else if rel.starts_with("samma yrkesområde:") {
            1
        } else {
            return Err(fail());
        })
    };
    // "…; yrkesmatch 56 % (…)": the stated per cent must be the value's.
    let stated = |v: f64| -> Result<f64, String> {
        let (_, rest) = sv.rsplit_once("; yrkesmatch ").ok_or_else(fail)?;
        let pct: f64 = rest
            .split_whitespace()
            .next()
            .and_then(|t| t.parse().ok())
            .ok_or_else(fail)?;
        if (pct - (v * 100.0).round()).abs() > 0.0 {
            return Err(format!("states {pct} % for {v}: {sv:?}"));
        }
        Ok(v)
    };
    match kind {
        ComponentKind::Occupation => {
            if let Some(rest) = sv.strip_prefix("Erfarenhet som ") {
                let at = rest.rfind(" år) – ").ok_or_else(fail)?;
                let before = &rest[..at];
                let years: u8 = before[before.rfind('(').ok_or_else(fail)? + 1..]
                    .parse()
                    .map_err(|_| fail())?;
                let level = relation(&rest[at + " år) – ".len()..])?;
                stated(experience_value(level, years))
            } else if let Some(rest) = sv.strip_prefix("Vill arbeta som ") {
                let (_, rel) = rest.split_once(" – ").ok_or_else(fail)?;
                stated(wish_value(relation(rel)?))
            } else if sv.starts_with("Ingen erfarenhet") {
                stated(0.0)
            } else {
                Err(fail())
            }
        }
        ComponentKind::Skills => {
            let pairs = av_pairs(sv);
            let (req, des) = if sv.starts_with("Inga krav") {
                ((0, 0), (0, 0))
            } else if sv.contains(" krav och ") {
                (
                    *pairs.first().ok_or_else(fail)?,
                    *pairs.get(1).ok_or_else(fail)?,
                )
            } else if sv.contains(" krav uppfyllda") {
                (*pairs.first().ok_or_else(fail)?, (0, 0))
            } else {
                ((0, 0), *pairs.first().ok_or_else(fail)?)
            };
            Ok(skills_value(req.0, req.1, des.0, des.1))
        }
        ComponentKind::Language => {
            let rest = sv.strip_prefix("Svenska ").ok_or_else(fail)?;
            let have = if rest.starts_with("ej bedömd") {
                None
            } else {
                Some(cefr_in(rest).ok_or_else(fail)?)
            };
            let (_, req) = rest.split_once("kravet är ").ok_or_else(fail)?;
            let min = cefr_in(req).ok_or_else(fail)?;
            let (met, total) = if sv.contains("andra språk:") {
                *av_pairs(sv).first().ok_or_else(fail)?
            } else {
                (0, 0)
            };
            Ok(language_value(
                cefr_rank(have),
                cefr_rank(Some(min)),
                met,
                total,
            ))
        }
        ComponentKind::Wishes => {
            if sv.starts_with("Önskat yrke:") {
                Ok(wishes_value(Some(4)))
            } else if let Some(rest) = sv.strip_prefix("Närliggande önskat yrke: ") {
                let (_, rel) = rest.split_once(" – ").ok_or_else(fail)?;
                Ok(wishes_value(Some(relation(rel)?)))
            } else if sv.starts_with("Inget önskat yrke ligger nära; närmast ") {
                let (_, rel) = sv.split_once(" – ").ok_or_else(fail)?;
                Ok(wishes_value(Some(relation(rel)?)))
            } else if sv.starts_with("Inga önskade") {
                Ok(wishes_value(None))
            } else if sv.starts_with("Inget av") {
                Ok(wishes_value(Some(0)))
            } else {
                Err(fail())
            }
        }
        ComponentKind::Commute => {
            let max: u32 = sv
                .rsplit_once("(max ")
                .and_then(|(_, m)| m.split_whitespace().next()?.parse().ok())
                .ok_or_else(fail)?;
            if sv.contains("okänt") {
                Ok(commute_value(None, max))
            } else {
                let km: u32 = sv
                    .strip_prefix("Pendling ")
                    .and_then(|r| r.split_whitespace().next()?.parse().ok())
                    .ok_or_else(fail)?;
                Ok(commute_value(Some(km), max))
            }
        }
    }
}

/// Whether a hard check's Swedish sentence says it passes (`None`: it cannot tell alone).
fn pass_from_text(kind: HardKind, sv: &str, rule: EligibilityRule) -> Option<bool> {
    let nums: Vec<u32> = sv
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|t| t.parse().ok())
        .collect();
    match kind {
        HardKind::Open => Some(sv.starts_with("Publicerad med")),
        HardKind::Eligible => Some(rule == EligibilityRule::Flag || !sv.contains("inte bekräftad")),
        HardKind::Days => Some(nums.first()? >= nums.get(1)?),
        HardKind::Swedish => {
            let rest = sv.strip_prefix("Svenska ")?;
            let have = if rest.starts_with("ej bedömd") {
                None
            } else {
                Some(cefr_in(rest)?)
            };
            let min = cefr_in(rest.split_once("kravet är ")?.1)?;
            Some(cefr_rank(have) >= cefr_rank(Some(min)))
        }
        HardKind::DrivingLicence => Some(!sv.starts_with("Saknar")),
        HardKind::Accommodations => Some(!sv.contains("erbjuds inte")),
        HardKind::Commute => {
            if sv.contains("okänt") {
                Some(false)
            } else {
                Some(nums.first()? <= nums.last()?)
            }
        }
    }
}

fn brute_candidates(
    people: &[ParticipantProfile],
    x: &PlacementProfile,
    s: &Settings,
    k: usize,
    f: &CandidateFilter,
) -> Vec<Ranked> {
    let mut all: Vec<Ranked> = people
        .iter()
        .filter(|p| f.municipalities.is_empty() || f.municipalities.contains(&p.municipality))
        .map(|p| Ranked {
            id: p.id,
            fit: score::fit(p, x, geo(), s),
        })
        .filter(|r| (r.fit.passes() || f.include_failing) && r.fit.score >= f.min_score)
        .collect();
    all.sort_by(Ranked::rank_cmp);
    all.truncate(k);
    all
}

fn brute_placements(
    p: &ParticipantProfile,
    places: &[PlacementProfile],
    s: &Settings,
    k: usize,
    f: &CandidateFilter,
) -> Vec<Ranked> {
    let mut all: Vec<Ranked> = places
        .iter()
        .filter(|x| f.municipalities.is_empty() || f.municipalities.contains(&x.municipality))
        .map(|x| Ranked {
            id: x.id,
            fit: score::fit(p, x, geo(), s),
        })
        .filter(|r| (r.fit.passes() || f.include_failing) && r.fit.score >= f.min_score)
        .collect();
    all.sort_by(Ranked::rank_cmp);
    all.truncate(k);
    all
}

fn ids(r: &[Ranked]) -> Vec<i32> {
    r.iter().map(|r| r.id).collect()
}

fn in_unit(v: f64) -> bool {
    (0.0..=1.0).contains(&v)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn scores_are_in_unit_range_and_zero_exactly_when_a_check_fails(
        p in participant(),
        x in placement(),
        s in settings(),
    ) {
        let f = score::fit(&p, &x, geo(), &s);
        prop_assert!(in_unit(f.score) && in_unit(f.soft_score));
        prop_assert!(f.components.iter().all(|c| in_unit(c.value) && c.weight >= 0.0));
        prop_assert_eq!(f.hard.len(), HardKind::ALL.len());
        prop_assert_eq!(f.components.len(), ComponentKind::ALL.len());
        if f.passes() {
            prop_assert_eq!(f.score, f.soft_score);
        } else {
            prop_assert_eq!(f.score, 0.0);
        }
        // Language weighs > 0 in every generated setting and is ≥ 1/3 whenever Swedish passes,
        // so a pair that passes every check scores above 0.
        if s.eligibility == EligibilityRule::Exclude {
            prop_assert_eq!(f.score == 0.0, !f.passes());
            prop_assert!(!f.eligible_flag);
        }
        prop_assert_eq!(
            f.eligible_flag,
            s.eligibility == EligibilityRule::Flag && p.eligibility != EligibilityStatus::Eligible
        );
        // The score is the weighted mean of the components it reports.
        let num: f64 = f.components.iter().map(|c| c.weight * c.value).sum();
        let den: f64 = f.components.iter().map(|c| c.weight).sum();
        prop_assert!((f.soft_score - num / den).abs() < 1e-12);
    }

    #[test]
    fn explanations_agree_with_the_values(p in participant(), x in placement(), s in settings()) {
        let f = score::fit(&p, &x, geo(), &s);
        for c in &f.components {
            let v = value_from_text(c.kind, &c.explanation.sv).map_err(TestCaseError::fail)?;
            prop_assert_eq!(v.to_bits(), c.value.to_bits(), "{:?}: {}", c.kind, c.explanation.sv);
            // The English sentence states the same numbers.
            let digits = |s: &str| -> Vec<String> {
                s.split(|ch: char| !ch.is_ascii_digit()).filter(|t| !t.is_empty()).map(str::to_string).collect()
            };
            if c.kind != ComponentKind::Occupation && c.kind != ComponentKind::Wishes {
                prop_assert_eq!(digits(&c.explanation.sv), digits(&c.explanation.en));
            }
        }
        for h in &f.hard {
            if let Some(pass) = pass_from_text(h.kind, &h.explanation.sv, s.eligibility) {
                prop_assert_eq!(pass, h.pass, "{:?}: {}", h.kind, h.explanation.sv);
            }
        }
    }

    #[test]
    fn normalising_a_profile_does_not_change_its_fit(p in participant(), x in placement()) {
        let s = Settings::default();
        let a = score::fit(&p, &x, geo(), &s);
        let b = score::fit(&p.clone().normalised(), &x.clone().normalised(), geo(), &s);
        // Normalising a placement merges repeated skills and languages (a desired skill that
        // is also required counts once, as required; a language keeps its strictest level),
        // which changes the counts; with nothing repeated the fit is the same.
        let skills: Vec<&String> = x.required_skills.iter().chain(&x.desired_skills).collect();
        let languages: Vec<&String> = x.other_languages.iter().map(|(l, _)| l).collect();
        let repeated = |v: &[&String]| {
            v.iter().enumerate().any(|(i, a)| v[..i].iter().any(|b| crate::profile::same_term(a, b)))
        };
        if !repeated(&skills) && !repeated(&languages) {
            prop_assert_eq!(a.score.to_bits(), b.score.to_bits());
            // (The sentences may differ: they name skills and languages as written.)
            let values = |f: &Fit| f.components.iter().map(|c| c.value.to_bits()).collect::<Vec<_>>();
            prop_assert_eq!(values(&a), values(&b));
        }
        prop_assert_eq!(a.passes(), b.passes());
    }
}

/// A unit group sharing exactly `level` leading digits with `code` (4 digits): the digit at
/// `level` is moved by `shift` (1–9), the rest taken from `tail`.
fn code_at_level(code: &str, level: u8, shift: u8, tail: &str) -> String {
    let mut out: Vec<u8> = code.bytes().take(usize::from(level)).collect();
    if let (Some(&d), true) = (code.as_bytes().get(out.len()), level < 4) {
        out.push(b'0' + (d - b'0' + shift) % 10);
    }
    out.extend(tail.bytes().skip(out.len()));
    String::from_utf8(out).unwrap_or_default()
}

fn unit_group() -> impl Strategy<Value = String> {
    (0u16..10_000).prop_map(|n| format!("{n:04}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_closer_trade_scores_higher_by_experience_or_wish(
        p in participant(),
        mut x in placement(),
        s in settings(),
        target in unit_group(),
        tail in unit_group(),
        shift in 1u8..10,
        years in 0u8..12,
    ) {
        x.ssyk = target.clone();
        let occupation = |f: &Fit| f.component(ComponentKind::Occupation).map_or(-1.0, |c| c.value);
        let wishes = |f: &Fit| f.component(ComponentKind::Wishes).map_or(-1.0, |c| c.value);
        let positive = s.weights.effective()[0] > 0.0;
        // By experience: unit > minor > sub-major > major > none, with nothing wished.
        let by_experience: Vec<Fit> = (0..=4u8)
            .rev()
            .map(|level| {
                let mut p = p.clone();
                p.experience = vec![(code_at_level(&target, level, shift, &tail), years)];
                p.wished = vec![];
                score::fit(&p, &x, geo(), &s)
            })
            .collect();
        // By wish: the same order, in the occupation and the wishes component.
        let by_wish: Vec<Fit> = (0..=4u8)
            .rev()
            .map(|level| {
                let mut p = p.clone();
                p.experience = vec![];
                p.wished = vec![code_at_level(&target, level, shift, &tail)];
                score::fit(&p, &x, geo(), &s)
            })
            .collect();
        for w in by_experience.windows(2).chain(by_wish.windows(2)) {
            prop_assert!(occupation(&w[0]) > occupation(&w[1]));
            prop_assert!(w[0].soft_score >= w[1].soft_score);
            if positive {
                prop_assert!(w[0].soft_score > w[1].soft_score);
            }
        }
        for w in by_wish.windows(2) {
            prop_assert!(wishes(&w[0]) > wishes(&w[1]));
        }
        // A wish counts below experience of the same trade, however short.
        for (e, w) in by_experience.iter().zip(&by_wish).take(4) {
            prop_assert!(occupation(e) > occupation(w));
        }
    }

    #[test]
    fn more_years_in_a_trade_never_score_lower(
        p in participant(),
        x in placement(),
        s in settings(),
        code in select(CODES),
        a in 0u8..40,
        b in 0u8..40,
    ) {
        let (fewer, more) = (a.min(b), a.max(b));
        let with = |years: u8| {
            let mut p = p.clone();
            p.experience = vec![(code.to_string(), years)];
            score::fit(&p, &x, geo(), &s)
        };
        let (lo, hi) = (with(fewer), with(more));
        let occupation = |f: &Fit| f.component(ComponentKind::Occupation).map_or(-1.0, |c| c.value);
        prop_assert!(occupation(&hi) >= occupation(&lo));
        prop_assert!(hi.soft_score >= lo.soft_score);
        prop_assert!(hi.score >= lo.score);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn the_index_ranks_like_a_brute_force_sort_of_fit(
        people in prop::collection::vec(participant(), 400..600),
        places in prop::collection::vec(placement(), 1..8),
        s in settings(),
        k in 1usize..40,
        f in filter(),
    ) {
        let people = with_ids(people, |p, id| p.id = id);
        let places = with_ids(places, |x, id| x.id = id);
        let mut index = Index::build(people.clone(), places.clone(), geo().clone(), s)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut threaded = index.clone();
        threaded.set_threads(2);
        threaded.set_parallel_min(0);
        index.set_threads(1);
        for x in &places {
            let expected = brute_candidates(&people, x, &s, k, &f);
            let got = index.top_candidates(x.id, k, &f).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(ids(&got), ids(&expected));
            prop_assert!(got == expected);
            let again = index.top_candidates(x.id, k, &f).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(again == got);
            let par = threaded.top_candidates(x.id, k, &f).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(par == got);
        }
        for p in people.iter().step_by(37) {
            let expected = brute_placements(p, &places, &s, k, &f);
            let got = index.top_placements(p.id, k, &f).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(ids(&got), ids(&expected));
            prop_assert!(got == expected);
        }
    }

    #[test]
    fn updates_give_the_same_ranking_as_a_fresh_build(
        people in prop::collection::vec(participant(), 100..300),
        places in prop::collection::vec(placement(), 2..6),
        changed in prop::collection::vec(participant(), 0..60),
        removed in prop::collection::vec(0usize..300, 0..60),
    ) {
        let people = with_ids(people, |p, id| p.id = id);
        let places = with_ids(places, |x, id| x.id = id);
        let s = Settings::default();
        let (first, rest) = places.split_at(1);
        let mut index = Index::build(people.clone(), first.to_vec(), geo().clone(), s)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        for x in rest {
            index.upsert_placement(x.clone());
        }
        let mut current = people.clone();
        for (i, mut p) in changed.into_iter().enumerate() {
            // Replace an existing participant, or add a new one.
            p.id = if i % 2 == 0 { people[i % people.len()].id } else { 100_000 + i as i32 };
            current.retain(|q| q.id != p.id);
            current.push(p.clone());
            index.upsert_participant(p);
        }
        for r in removed {
            if let Some(p) = people.get(r) {
                let was_there = current.iter().any(|q| q.id == p.id);
                prop_assert_eq!(index.remove_participant(p.id), was_there);
                current.retain(|q| q.id != p.id);
            }
        }
        prop_assert_eq!(index.participant_count(), current.len());
        let fresh = Index::build(current, places.clone(), geo().clone(), s)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let f = CandidateFilter { include_failing: true, ..CandidateFilter::default() };
        for x in &places {
            let a = index.top_candidates(x.id, 50, &f).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let b = fresh.top_candidates(x.id, 50, &f).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(a == b);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_index_finds_the_near_misses_a_brute_force_scan_finds(
        people in prop::collection::vec(participant(), 1..30),
        places in prop::collection::vec(placement(), 1..40),
        removed in prop::collection::vec(0usize..40, 0..5),
        s in settings(),
        limit in 0usize..12,
    ) {
        let people = with_ids(people, |p, id| p.id = id);
        let places = with_ids(places, |x, id| x.id = id);
        let mut index = Index::build(people.clone(), places.clone(), geo().clone(), s)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut left = places.clone();
        for r in removed {
            if let Some(x) = places.get(r) {
                index.remove_placement(x.id);
                left.retain(|y| y.id != x.id);
            }
        }
        for p in &people {
            let expected = near_misses(p, &left, geo(), &s, limit);
            let got = index.near_misses(p.id, limit).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(got == expected, "{:?} != {:?}", near_ids(&got), near_ids(&expected));
            for n in &got {
                prop_assert!(n.relation >= crate::score::RELATED_LEVEL);
                prop_assert_eq!(n.fit.failed().count(), 1);
                prop_assert_eq!(n.fit.failed().next().map(|h| h.kind), Some(n.gap.kind()));
                prop_assert!(n.fit.check(HardKind::Open).is_some_and(|h| h.pass));
                prop_assert!(!n.missing.sv.is_empty() && !n.missing.en.is_empty());
            }
        }
    }
}

fn near_ids(v: &[NearMiss]) -> Vec<(i32, u8)> {
    v.iter().map(|n| (n.id, n.relation)).collect()
}

#[test]
fn ranking_examples_read_as_expected() -> Result<(), Box<dyn std::error::Error>> {
    // Two equal candidates are ordered by id; near misses come after every passing candidate.
    let f = |score: f64, soft: f64| Fit {
        score,
        soft_score: soft,
        hard: vec![],
        components: vec![],
        eligible_flag: false,
    };
    let mut r = vec![
        Ranked {
            id: 9,
            fit: f(0.0, 0.9),
        },
        Ranked {
            id: 5,
            fit: f(0.5, 0.5),
        },
        Ranked {
            id: 2,
            fit: f(0.5, 0.5),
        },
        Ranked {
            id: 1,
            fit: f(0.0, 0.2),
        },
        Ranked {
            id: 7,
            fit: f(0.8, 0.8),
        },
    ];
    r.sort_by(Ranked::rank_cmp);
    assert_eq!(ids(&r), vec![7, 2, 5, 9, 1]);
    Ok(())
}
