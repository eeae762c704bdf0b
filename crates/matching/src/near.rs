//! Near misses: the open placements in a participant's own or a neighbouring trade that fail
//! exactly one hard rule, each with what is missing, so that a coordinator can plan the gap
//! (a Swedish course, a driving licence) or propose the placement anyway with a reason.
//!
//! - *Own or neighbouring trade*: the placement's unit group shares at least
//!   [`RELATED_LEVEL`] leading SSYK digits (the same sub-major group) with one of the
//!   participant's experienced or wished occupations. The same major group alone is too broad
//!   (group 5 holds care, shop sales and services alike).
//! - *Exactly one hard rule*: of eligibility, days, Swedish, driving licence, accommodations and
//!   commute. A placement that is not published or has no free places is never a near miss:
//!   there is nothing to plan for.
//! - *Order*: the closest trade first (same unit group, then minor, then sub-major group), then
//!   the score the pair would have without the failing rule ([`Fit::soft_score`]), then the
//!   placement id.
//!
//! [`near_misses`] computes them from profiles; [`crate::Index::near_misses`] answers the same
//! from the index, for one participant at a time.
//!
//! A missing accommodation names the participant's needs: special-category data, to be shown
//! only to the roles that may read them.

use serde::{Deserialize, Serialize};

use brygga_domain::model::{Accommodation, DrivingLicence, EligibilityStatus};
use brygga_domain::values::Cefr;

use crate::explain::{self, Explanation};
use crate::geo::Geo;
use crate::profile::{ParticipantProfile, PlacementProfile};
use crate::score::{self, Fit, HardKind, RELATED_LEVEL, Settings, ssyk_number, ssyk_relation};

/// What stands between the participant and the placement: the one hard rule that fails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Gap {
    /// The programme only matches participants whose eligibility is confirmed.
    Eligibility {
        status: EligibilityStatus,
    },
    Days {
        available: u8,
        needed: u8,
    },
    /// `have`: `None` when not assessed.
    Swedish {
        have: Option<Cefr>,
        required: Cefr,
    },
    DrivingLicence {
        required: DrivingLicence,
    },
    /// The needs the workplace does not offer.
    Accommodations {
        missing: Vec<Accommodation>,
    },
    /// `km`: `None` when the distance is unknown.
    Commute {
        km: Option<u32>,
        max_km: u32,
    },
}

impl Gap {
    /// The hard rule that fails.
    pub fn kind(&self) -> HardKind {
        match self {
            Gap::Eligibility { .. } => HardKind::Eligible,
            Gap::Days { .. } => HardKind::Days,
            Gap::Swedish { .. } => HardKind::Swedish,
            Gap::DrivingLicence { .. } => HardKind::DrivingLicence,
            Gap::Accommodations { .. } => HardKind::Accommodations,
            Gap::Commute { .. } => HardKind::Commute,
        }
    }

    /// "Kräver svenska B1 – har A2", "Kräver B-körkort" …
    pub fn explanation(&self) -> Explanation {
        explain::gap(self)
    }

    /// The gap behind a failed check of `kind`; `None` for [`HardKind::Open`].
    fn of(kind: HardKind, p: &ParticipantProfile, x: &PlacementProfile, geo: &Geo) -> Option<Gap> {
        Some(match kind {
            HardKind::Open => return None,
            HardKind::Eligible => Gap::Eligibility {
                status: p.eligibility,
            },
            HardKind::Days => Gap::Days {
                available: p.available_days,
                needed: x.days_per_week,
            },
            HardKind::Swedish => Gap::Swedish {
                have: p.swedish,
                required: x.min_swedish,
            },
            HardKind::DrivingLicence => Gap::DrivingLicence {
                required: x.driving_licence,
            },
            HardKind::Accommodations => {
                let mut missing: Vec<Accommodation> = vec![];
                for a in &p.needs {
                    if !x.accommodations.contains(a) && !missing.contains(a) {
                        missing.push(*a);
                    }
                }
                Gap::Accommodations { missing }
            }
            HardKind::Commute => Gap::Commute {
                km: geo.distance_km(&p.municipality, &x.municipality),
                max_km: p.max_commute_km,
            },
        })
    }
}

/// A placement in the participant's trade that fails one hard rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NearMiss {
    /// The placement's id.
    pub id: i32,
    /// Leading SSYK digits the placement shares with the participant's closest occupation:
    /// 4 same unit group, 3 same minor group, 2 same sub-major group.
    pub relation: u8,
    /// That occupation (experienced before wished when both are as close).
    pub trade: String,
    pub gap: Gap,
    /// What is missing, in Swedish and English.
    pub missing: Explanation,
    /// The full fit: `score` is 0, `soft_score` the score without the failing rule.
    pub fit: Fit,
}

/// The participant's occupation closest to the placement's, and how close (0–4).
pub(crate) fn closest_trade<'a>(p: &'a ParticipantProfile, x: &PlacementProfile) -> (u8, &'a str) {
    let target = ssyk_number(&x.ssyk);
    let mut best: (u8, &str) = (0, "");
    for code in p.experience.iter().map(|(c, _)| c).chain(&p.wished) {
        let level = ssyk_relation(ssyk_number(code), target);
        if level > best.0 {
            best = (level, code);
        }
    }
    best
}

/// The near miss of a pair whose fit is `fit`, if it is one.
pub(crate) fn near_miss(
    p: &ParticipantProfile,
    x: &PlacementProfile,
    fit: Fit,
    geo: &Geo,
) -> Option<NearMiss> {
    let (relation, trade) = closest_trade(p, x);
    if relation < RELATED_LEVEL {
        return None;
    }
    let kind = {
        let mut failed = fit.failed();
        let kind = failed.next()?.kind;
        if failed.next().is_some() {
            return None;
        }
        kind
    };
    let gap = Gap::of(kind, p, x, geo)?;
    Some(NearMiss {
        id: x.id,
        relation,
        trade: trade.to_string(),
        missing: gap.explanation(),
        gap,
        fit,
    })
}

/// The near-miss order: closest trade, then soft score, then id.
pub fn near_miss_cmp(a: &NearMiss, b: &NearMiss) -> std::cmp::Ordering {
    b.relation
        .cmp(&a.relation)
        .then(b.fit.soft_score.total_cmp(&a.fit.soft_score))
        .then(a.id.cmp(&b.id))
}

/// The first `limit` near misses of participant `p` among `placements`, in the order above.
pub fn near_misses(
    p: &ParticipantProfile,
    placements: &[PlacementProfile],
    geo: &Geo,
    s: &Settings,
    limit: usize,
) -> Vec<NearMiss> {
    let mut out: Vec<NearMiss> = placements
        .iter()
        .filter(|x| closest_trade(p, x).0 >= RELATED_LEVEL)
        .filter_map(|x| near_miss(p, x, score::fit(p, x, geo, s), geo))
        .collect();
    out.sort_by(near_miss_cmp);
    out.truncate(limit);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use brygga_domain::model::{EducationLevel, PlacementStatus};
    use brygga_domain::refdata::RefData;

    use crate::score::EligibilityRule;

    type R = Result<(), Box<dyn std::error::Error>>;

    fn geo() -> Result<Geo, Box<dyn std::error::Error>> {
        Ok(Geo::new(&RefData::load()?))
    }

    /// An assistant nurse (5321, six years) in Göteborg with Swedish A2 and no licence.
    fn nurse() -> ParticipantProfile {
        ParticipantProfile {
            id: 1,
            swedish: Some(Cefr::A2),
            languages: vec![],
            experience: vec![("5321".into(), 6)],
            wished: vec!["5321".into()],
            skills: vec!["förflyttningsteknik".into()],
            available_days: 4,
            max_commute_km: 30,
            municipality: "1480".into(),
            licences: vec![],
            needs: vec![],
            eligibility: EligibilityStatus::Eligible,
            education: EducationLevel::UpperSecondary,
        }
    }

    /// A placement she passes in every respect.
    fn place(id: i32, ssyk: &str) -> PlacementProfile {
        PlacementProfile {
            id,
            ssyk: ssyk.into(),
            required_skills: vec!["förflyttningsteknik".into()],
            desired_skills: vec![],
            min_swedish: Cefr::A2,
            other_languages: vec![],
            driving_licence: DrivingLicence::None,
            days_per_week: 4,
            municipality: "1480".into(),
            accommodations: vec![],
            free_places: 1,
            status: PlacementStatus::Published,
            education: EducationLevel::None,
        }
    }

    fn ids(v: &[NearMiss]) -> Vec<i32> {
        v.iter().map(|n| n.id).collect()
    }

    #[test]
    fn placements_in_her_trade_failing_one_rule_say_what_is_missing() -> R {
        let g = geo()?;
        let s = Settings::default();
        let mut swedish = place(1, "5321");
        swedish.min_swedish = Cefr::B1;
        let mut licence = place(2, "5321");
        licence.driving_licence = DrivingLicence::B;
        let passes = place(3, "5321");
        let mut two_rules = place(4, "5321");
        two_rules.min_swedish = Cefr::B1;
        two_rules.driving_licence = DrivingLicence::B;
        let mut other_trade = place(5, "9111");
        other_trade.min_swedish = Cefr::B1;
        let found = near_misses(
            &nurse(),
            &[swedish, licence, passes, two_rules, other_trade],
            &g,
            &s,
            10,
        );
        // Both in her own trade; the Swedish gap also empties the language component, so the
        // licence one comes first.
        assert_eq!(ids(&found), vec![2, 1]);
        let by_id = |id: i32| found.iter().find(|n| n.id == id).ok_or("missing");
        let n = by_id(1)?;
        assert_eq!(
            n.gap,
            Gap::Swedish {
                have: Some(Cefr::A2),
                required: Cefr::B1
            }
        );
        assert_eq!(n.gap.kind(), HardKind::Swedish);
        assert_eq!(n.missing.sv, "Kräver svenska B1 – har A2");
        assert_eq!(n.missing.en, "Requires Swedish B1 – has A2");
        assert_eq!((n.relation, n.trade.as_str()), (4, "5321"));
        assert_eq!(n.fit.score, 0.0);
        assert!(n.fit.soft_score > 0.0);
        let n = by_id(2)?;
        assert_eq!(
            n.gap,
            Gap::DrivingLicence {
                required: DrivingLicence::B
            }
        );
        assert_eq!(n.missing.sv, "Kräver B-körkort");
        assert_eq!(n.missing.en, "Requires a B driving licence");
        Ok(())
    }

    #[test]
    fn the_closest_trade_comes_first_then_the_score_without_the_rule() -> R {
        let g = geo()?;
        let s = Settings::default();
        // Each needs four days; she can come three.
        let mut p = nurse();
        p.available_days = 3;
        let mut unit_far = place(10, "5321");
        unit_far.municipality = "1481".into(); // Mölndal: lower commute value
        let unit_near = place(11, "5321");
        let minor = place(12, "5323");
        let sub_major = place(13, "5330");
        let major = place(14, "5230"); // shop sales: same major group only
        let mut closed = place(15, "5321");
        closed.status = PlacementStatus::Closed;
        let all = [
            major,
            sub_major.clone(),
            minor,
            unit_far,
            unit_near,
            closed.clone(),
        ];
        let found = near_misses(&p, &all, &g, &s, 10);
        assert_eq!(ids(&found), vec![11, 10, 12, 13]);
        assert!(found[0].fit.soft_score > found[1].fit.soft_score);
        assert_eq!(
            found.iter().map(|n| n.relation).collect::<Vec<_>>(),
            vec![4, 4, 3, 2]
        );
        assert_eq!(
            found[2].missing.sv,
            "Kräver 4 dagar i veckan – tillgänglig 3"
        );
        assert_eq!(found[2].missing.en, "Requires 4 days a week – available 3");
        // The limit keeps the first ones.
        assert_eq!(ids(&near_misses(&p, &all, &g, &s, 2)), vec![11, 10]);
        // A wish alone puts a trade within reach, below experience of the same closeness.
        let mut p = p.clone();
        p.experience = vec![];
        p.wished = vec!["5339".into()];
        let found = near_misses(&p, &[sub_major, closed], &g, &s, 10);
        assert_eq!(ids(&found), vec![13]);
        assert_eq!((found[0].relation, found[0].trade.as_str()), (3, "5339"));
        Ok(())
    }

    #[test]
    fn every_rule_has_its_own_missing_sentence() -> R {
        let g = geo()?;
        let exclude = Settings {
            eligibility: EligibilityRule::Exclude,
            ..Settings::default()
        };
        let one = |p: &ParticipantProfile, x: PlacementProfile, s: &Settings| {
            near_misses(p, &[x], &g, s, 1).into_iter().next()
        };
        let mut p = nurse();
        p.eligibility = EligibilityStatus::Pending;
        let n = one(&p, place(1, "5321"), &exclude).ok_or("eligibility")?;
        assert_eq!(
            n.gap,
            Gap::Eligibility {
                status: EligibilityStatus::Pending
            }
        );
        assert_eq!(
            n.missing.sv,
            "Kräver bekräftad behörighet – behörigheten är under utredning"
        );
        assert_eq!(
            n.missing.en,
            "Requires confirmed eligibility – eligibility is being assessed"
        );
        // The flag rule lets her through: nothing is missing.
        assert!(one(&p, place(1, "5321"), &Settings::default()).is_none());

        let s = Settings::default();
        let mut p = nurse();
        p.swedish = None;
        let n = one(&p, place(1, "5321"), &s).ok_or("swedish")?;
        assert_eq!(n.missing.sv, "Kräver svenska A2 – ej bedömd");
        assert_eq!(n.missing.en, "Requires Swedish A2 – not assessed");

        let mut p = nurse();
        p.needs = vec![Accommodation::Interpreter, Accommodation::QuietRoom];
        let mut x = place(1, "5321");
        x.accommodations = vec![Accommodation::QuietRoom];
        let n = one(&p, x, &s).ok_or("accommodation")?;
        assert_eq!(
            n.gap,
            Gap::Accommodations {
                missing: vec![Accommodation::Interpreter]
            }
        );
        assert_eq!(n.missing.sv, "Kräver anpassning som inte erbjuds: tolk");
        assert_eq!(
            n.missing.en,
            "Requires an accommodation not offered: interpreter"
        );

        let d = g.distance_km("1480", "1401").ok_or("distance")?;
        let mut p = nurse();
        p.max_commute_km = d - 1;
        let mut x = place(1, "5321");
        x.municipality = "1401".into();
        let n = one(&p, x.clone(), &s).ok_or("commute")?;
        assert_eq!(
            n.gap,
            Gap::Commute {
                km: Some(d),
                max_km: d - 1
            }
        );
        assert_eq!(
            n.missing.sv,
            format!("Kräver pendling {d} km – max {} km", d - 1)
        );
        assert_eq!(
            n.missing.en,
            format!("Requires a commute of {d} km – the limit is {} km", d - 1)
        );
        x.municipality = "9999".into();
        let n = one(&p, x, &s).ok_or("unknown distance")?;
        assert_eq!(n.missing.sv, "Pendlingsavståndet är okänt");
        Ok(())
    }
}
