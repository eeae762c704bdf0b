//! The fit of one participant to one placement: every hard constraint with pass or fail, every
//! soft component with its value in [0, 1], and the score, the weighted mean of the components
//! (0 when a hard constraint fails).
//!
//! The numbers are computed by the small functions at the end of this file from integers
//! (levels, counts, km). The ranking index ([`crate::rank`]) computes the same integers from its
//! precomputed columns and calls the same functions, so its scores are bit-identical to
//! [`fit`]'s.

use serde::{Deserialize, Serialize};

use brygga_domain::model::{
    Accommodation, DrivingLicence, EducationLevel, EligibilityStatus, PlacementStatus,
};
use brygga_domain::values::Cefr;

use crate::explain::{self, Explanation, OccupationBasis};
use crate::geo::Geo;
use crate::profile::{ParticipantProfile, PlacementProfile, same_term};

/// Weights of the soft components, set per programme. Only their ratios matter.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Weights {
    pub occupation: f64,
    pub skills: f64,
    pub language: f64,
    pub wishes: f64,
    pub commute: f64,
}

impl Default for Weights {
    /// Occupation and skills say most about whether the internship can lead to a job; language
    /// and commute decide whether it works day to day; wishes break ties between the able.
    fn default() -> Weights {
        Weights {
            occupation: 0.30,
            skills: 0.30,
            language: 0.15,
            wishes: 0.10,
            commute: 0.15,
        }
    }
}

/// A weight that is negative or not finite.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("weight {component} must be a finite number ≥ 0, and at least one must be > 0")]
pub struct WeightsError {
    pub component: &'static str,
}

impl Weights {
    fn as_array(&self) -> [f64; 5] {
        [
            self.occupation,
            self.skills,
            self.language,
            self.wishes,
            self.commute,
        ]
    }

    /// For the settings form: every weight finite and ≥ 0, their sum finite and > 0.
    pub fn validate(&self) -> Result<(), WeightsError> {
        for (w, kind) in self.as_array().iter().zip(ComponentKind::ALL) {
            if !w.is_finite() || *w < 0.0 {
                return Err(WeightsError {
                    component: kind.as_str(),
                });
            }
        }
        let sum: f64 = self.as_array().iter().sum();
        if !(sum.is_finite() && sum > 0.0) {
            return Err(WeightsError { component: "sum" });
        }
        Ok(())
    }

    /// The weights used: a bad weight counts as 0; if nothing usable is left, the defaults.
    pub(crate) fn effective(&self) -> [f64; 5] {
        let w = self
            .as_array()
            .map(|w| if w.is_finite() && w > 0.0 { w } else { 0.0 });
        let sum: f64 = w.iter().sum();
        if sum.is_finite() && sum > 0.0 {
            w
        } else {
            Weights::default().as_array()
        }
    }
}

/// What an unconfirmed eligibility does to a match (per programme).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EligibilityRule {
    /// Only participants confirmed eligible can match.
    Exclude,
    /// Everyone can match; those not confirmed eligible are flagged.
    #[default]
    Flag,
}

/// Matching settings of a programme.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub weights: Weights,
    pub eligibility: EligibilityRule,
    /// The employment service confirms the participant's eligibility before an interview is
    /// booked (GR's order); on unless the programme turns it off. The store reads this key
    /// (`confirm_before_interview`) when booking.
    pub confirm_before_interview: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            weights: Weights::default(),
            eligibility: EligibilityRule::default(),
            confirm_before_interview: true,
        }
    }
}

/// The hard constraints, in the order they are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HardKind {
    /// The placement is published and has free places.
    Open,
    Eligible,
    Days,
    Swedish,
    DrivingLicence,
    Accommodations,
    Commute,
}

impl HardKind {
    pub const ALL: [HardKind; 7] = [
        HardKind::Open,
        HardKind::Eligible,
        HardKind::Days,
        HardKind::Swedish,
        HardKind::DrivingLicence,
        HardKind::Accommodations,
        HardKind::Commute,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            HardKind::Open => "open",
            HardKind::Eligible => "eligible",
            HardKind::Days => "days",
            HardKind::Swedish => "swedish",
            HardKind::DrivingLicence => "driving_licence",
            HardKind::Accommodations => "accommodations",
            HardKind::Commute => "commute",
        }
    }
}

/// The soft components, in the order they are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComponentKind {
    Occupation,
    Skills,
    Language,
    Wishes,
    Commute,
}

impl ComponentKind {
    pub const ALL: [ComponentKind; 5] = [
        ComponentKind::Occupation,
        ComponentKind::Skills,
        ComponentKind::Language,
        ComponentKind::Wishes,
        ComponentKind::Commute,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ComponentKind::Occupation => "occupation",
            ComponentKind::Skills => "skills",
            ComponentKind::Language => "language",
            ComponentKind::Wishes => "wishes",
            ComponentKind::Commute => "commute",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HardCheck {
    pub kind: HardKind,
    pub pass: bool,
    /// Passed, but the coordinator should look (eligibility not confirmed, `Flag` rule).
    pub flagged: bool,
    pub explanation: Explanation,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Component {
    pub kind: ComponentKind,
    /// In [0, 1].
    pub value: f64,
    /// The weight used (a bad configured weight counts as 0).
    pub weight: f64,
    pub explanation: Explanation,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fit {
    /// 0 if any hard constraint fails, else `soft_score`.
    pub score: f64,
    /// The weighted mean of the components whatever the hard constraints say: what the score
    /// would be without them (ranks near misses among those that fail).
    pub soft_score: f64,
    /// Every hard constraint, in [`HardKind::ALL`] order.
    pub hard: Vec<HardCheck>,
    /// Every component, in [`ComponentKind::ALL`] order.
    pub components: Vec<Component>,
    /// The participant is not confirmed eligible and the programme only flags that.
    pub eligible_flag: bool,
}

impl Fit {
    /// Every hard constraint holds.
    pub fn passes(&self) -> bool {
        self.hard.iter().all(|h| h.pass)
    }

    pub fn failed(&self) -> impl Iterator<Item = &HardCheck> {
        self.hard.iter().filter(|h| !h.pass)
    }

    pub fn component(&self, kind: ComponentKind) -> Option<&Component> {
        self.components.iter().find(|c| c.kind == kind)
    }

    pub fn check(&self, kind: HardKind) -> Option<&HardCheck> {
        self.hard.iter().find(|h| h.kind == kind)
    }
}

/// The fit of participant `p` to placement `x`.
pub fn fit(p: &ParticipantProfile, x: &PlacementProfile, geo: &Geo, s: &Settings) -> Fit {
    let weights = s.weights.effective();
    let mut hard = Vec::with_capacity(HardKind::ALL.len());
    let mut check = |kind, pass, flagged, explanation| {
        hard.push(HardCheck {
            kind,
            pass,
            flagged,
            explanation,
        })
    };

    check(
        HardKind::Open,
        is_open(x.status, x.free_places),
        false,
        explain::open(x.status, x.free_places),
    );

    let eligible = p.eligibility == EligibilityStatus::Eligible;
    let (pass, flagged) = eligibility_outcome(eligible, s.eligibility);
    check(
        HardKind::Eligible,
        pass,
        flagged,
        explain::eligible(p.eligibility, s.eligibility),
    );

    check(
        HardKind::Days,
        p.available_days >= x.days_per_week,
        false,
        explain::days(p.available_days, x.days_per_week),
    );

    let (sw, min_sw) = (cefr_rank(p.swedish), cefr_rank(Some(x.min_swedish)));
    check(
        HardKind::Swedish,
        sw >= min_sw,
        false,
        explain::swedish_check(p.swedish, x.min_swedish),
    );

    let held = licence_mask(&p.licences);
    let licence_ok = licence_satisfied(held, x.driving_licence);
    check(
        HardKind::DrivingLicence,
        licence_ok,
        false,
        explain::licence(x.driving_licence, licence_ok),
    );

    let missing: Vec<Accommodation> = p
        .needs
        .iter()
        .copied()
        .filter(|a| !x.accommodations.contains(a))
        .fold(vec![], |mut v, a| {
            if !v.contains(&a) {
                v.push(a);
            }
            v
        });
    check(
        HardKind::Accommodations,
        missing.is_empty(),
        false,
        explain::accommodations(&p.needs, &missing),
    );

    let km = geo.distance_km(&p.municipality, &x.municipality);
    let commute_text =
        explain::commute(km, p.max_commute_km, geo, &p.municipality, &x.municipality);
    check(
        HardKind::Commute,
        commute_ok(km, p.max_commute_km),
        false,
        commute_text.clone(),
    );

    // Occupation: the best of experience (weighted by years) and wishes.
    let target = ssyk_number(&x.ssyk);
    let mut best = 0.0;
    let mut basis = OccupationBasis::None;
    for (code, years) in &p.experience {
        let level = ssyk_relation(ssyk_number(code), target);
        let v = experience_value(level, *years);
        if v > best {
            best = v;
            basis = OccupationBasis::Experience {
                code,
                years: *years,
                level,
            };
        }
    }
    for code in &p.wished {
        let level = ssyk_relation(ssyk_number(code), target);
        let v = wish_value(level);
        if v > best {
            best = v;
            basis = OccupationBasis::Wish { code, level };
        }
    }
    let occupation = (best, explain::occupation(&basis, geo));

    // Skills, with the education level as one more requirement when the placement sets one.
    let mut req = Coverage::default();
    let mut missing_skills: Vec<&str> = vec![];
    for r in &x.required_skills {
        let met = p.skills.iter().any(|s| same_term(s, r));
        req.add(met);
        if !met {
            missing_skills.push(r);
        }
    }
    let education_required = x.education != EducationLevel::None;
    let education_met = education_ok(p.education, x.education);
    if education_required {
        req.add(education_met);
    }
    let mut des = Coverage::default();
    for d in &x.desired_skills {
        des.add(p.skills.iter().any(|s| same_term(s, d)));
    }
    let skills = (
        skills_value(req.met, req.total, des.met, des.total),
        explain::skills(
            req,
            des,
            &missing_skills,
            (education_required && !education_met).then_some(x.education),
        ),
    );

    // Language: the margin in Swedish and the other required languages met.
    let mut other = Coverage::default();
    let mut missing_languages: Vec<(&str, Cefr)> = vec![];
    for (lang, level) in &x.other_languages {
        let met = p
            .languages
            .iter()
            .any(|(l, pl)| pl >= level && same_term(l, lang));
        other.add(met);
        if !met {
            missing_languages.push((lang, *level));
        }
    }
    let language = (
        language_value(sw, min_sw, other.met, other.total),
        explain::language(p.swedish, x.min_swedish, other, &missing_languages),
    );

    // Wishes: the placement's occupation or one close to it.
    let mut best_wish: Option<(&str, u8)> = None;
    for code in &p.wished {
        let level = ssyk_relation(ssyk_number(code), target);
        if best_wish.is_none_or(|(_, l)| level > l) {
            best_wish = Some((code, level));
        }
    }
    let wishes = (
        wishes_value(best_wish.map(|(_, l)| l)),
        explain::wishes(best_wish, geo),
    );

    let commute = (commute_value(km, p.max_commute_km), commute_text);

    let parts = [occupation, skills, language, wishes, commute];
    let values = [parts[0].0, parts[1].0, parts[2].0, parts[3].0, parts[4].0];
    let soft = combine(&values, &weights);
    let passes = hard.iter().all(|h| h.pass);
    let components = parts
        .into_iter()
        .zip(ComponentKind::ALL)
        .zip(weights)
        .map(|(((value, explanation), kind), weight)| Component {
            kind,
            value,
            weight,
            explanation,
        })
        .collect();
    Fit {
        score: if passes { soft } else { 0.0 },
        soft_score: soft,
        hard,
        components,
        eligible_flag: flagged,
    }
}

/// A count of requirements met out of those stated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Coverage {
    pub met: u32,
    pub total: u32,
}

impl Coverage {
    fn add(&mut self, met: bool) {
        self.total += 1;
        self.met += u32::from(met);
    }
}

// ---------------------------------------------------------------- shared arithmetic
// Everything below is used by both `fit` and the ranking index.

pub(crate) fn is_open(status: PlacementStatus, free_places: u32) -> bool {
    status == PlacementStatus::Published && free_places > 0
}

/// (pass, flagged) of the eligibility check.
pub(crate) fn eligibility_outcome(eligible: bool, rule: EligibilityRule) -> (bool, bool) {
    match rule {
        EligibilityRule::Exclude => (eligible, false),
        EligibilityRule::Flag => (true, !eligible),
    }
}

/// 0 for no assessed level, then A1 = 1 … C2 = 6.
pub(crate) fn cefr_rank(level: Option<Cefr>) -> u8 {
    match level {
        None => 0,
        Some(Cefr::A1) => 1,
        Some(Cefr::A2) => 2,
        Some(Cefr::B1) => 3,
        Some(Cefr::B2) => 4,
        Some(Cefr::C1) => 5,
        Some(Cefr::C2) => 6,
    }
}

fn licence_bit(l: DrivingLicence) -> u16 {
    let i = DrivingLicence::ALL
        .iter()
        .position(|x| *x == l)
        .unwrap_or_default();
    1 << i
}

/// The classes a licence lets its holder drive: its own, the lighter classes of its category
/// (A covers A2, A1 and AM; C covers C1 …) and, for an E class, the class without trailer.
fn licence_cover(l: DrivingLicence) -> u16 {
    use DrivingLicence as L;
    let covered: &[L] = match l {
        L::None => &[],
        L::Am => &[L::Am],
        L::A1 => &[L::A1, L::Am],
        L::A2 => &[L::A2, L::A1, L::Am],
        L::A => &[L::A, L::A2, L::A1, L::Am],
        L::B => &[L::B, L::Am],
        L::Be => &[L::Be, L::B, L::Am],
        L::C1 => &[L::C1],
        L::C1e => &[L::C1e, L::C1],
        L::C => &[L::C, L::C1],
        L::Ce => &[L::Ce, L::C, L::C1e, L::C1],
        L::D1 => &[L::D1],
        L::D1e => &[L::D1e, L::D1],
        L::D => &[L::D, L::D1],
        L::De => &[L::De, L::D, L::D1e, L::D1],
    };
    covered.iter().fold(0, |m, c| m | licence_bit(*c))
}

/// Every class the participant's licences cover.
pub(crate) fn licence_mask(held: &[DrivingLicence]) -> u16 {
    held.iter().fold(0, |m, l| m | licence_cover(*l))
}

/// The bit to test for a required licence; 0 when none is required.
pub(crate) fn licence_required_bit(required: DrivingLicence) -> u16 {
    if required == DrivingLicence::None {
        0
    } else {
        licence_bit(required)
    }
}

pub(crate) fn licence_satisfied(mask: u16, required: DrivingLicence) -> bool {
    let bit = licence_required_bit(required);
    bit == 0 || mask & bit != 0
}

pub(crate) fn accommodation_mask(items: &[Accommodation]) -> u8 {
    items.iter().fold(0, |m, a| {
        let i = Accommodation::ALL
            .iter()
            .position(|x| x == a)
            .unwrap_or_default();
        m | (1 << i)
    })
}

pub(crate) fn commute_ok(km: Option<u32>, max_km: u32) -> bool {
    km.is_some_and(|d| d <= max_km)
}

pub(crate) fn education_rank(e: EducationLevel) -> u8 {
    EducationLevel::ALL
        .iter()
        .position(|x| *x == e)
        .and_then(|i| u8::try_from(i).ok())
        .unwrap_or_default()
}

pub(crate) fn education_ok(have: EducationLevel, required: EducationLevel) -> bool {
    education_rank(have) >= education_rank(required)
}

/// An SSYK code that is not four ASCII digits.
pub(crate) const NO_SSYK: u16 = u16::MAX;

/// A four-digit SSYK code as a number (`"0110"` → 110); anything else → [`NO_SSYK`].
pub(crate) fn ssyk_number(code: &str) -> u16 {
    let b = code.trim().as_bytes();
    if b.len() != 4 || !b.iter().all(u8::is_ascii_digit) {
        return NO_SSYK;
    }
    b.iter().fold(0u16, |n, d| n * 10 + u16::from(d - b'0'))
}

/// How many leading digits two unit groups share: 4 same group … 0 different major groups.
pub(crate) fn ssyk_relation(a: u16, b: u16) -> u8 {
    if a == NO_SSYK || b == NO_SSYK {
        0
    } else if a == b {
        4
    } else if a / 10 == b / 10 {
        3
    } else if a / 100 == b / 100 {
        2
    } else if a / 1000 == b / 1000 {
        1
    } else {
        0
    }
}

/// Value of sharing 0–4 leading SSYK digits with the placement's unit group, as a placement
/// officer weighs a trade: the same unit group (yrkesgrupp, 4 digits) is the trade itself; the
/// same minor group (undergrupp, 3 digits: e.g. the assistant nurses of 532) is a close
/// neighbour whose work carries over with a short introduction; the same sub-major group
/// (huvudgrupp, 2 digits: e.g. the care workers of 53) shares the field but not the daily
/// tasks; the same major group (yrkesområde, 1 digit) says little (group 5 lumps care, shop
/// sales and services together) and counts only as a faint tie-breaker.
pub(crate) const RELATION_VALUE: [f64; 5] = [0.0, 0.1, 0.45, 0.7, 1.0];

/// The least relation at which a trade counts as the participant's own or a neighbouring one
/// (the same sub-major group): what "related" means in the wishes sentence and for near misses.
pub const RELATED_LEVEL: u8 = 2;

/// Experience counts from half (no full year) to full (five years or more), rising by a tenth
/// a year. The profile records years per occupation but not when the work ended, so recency
/// cannot be weighed: years alone decide.
pub(crate) const YEARS_FACTOR: [f64; 6] = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

/// A wished occupation counts below any experience of the same trade (which starts at 0.5).
pub(crate) const WISH_FACTOR: f64 = 0.4;

pub(crate) fn relation_value(level: u8) -> f64 {
    RELATION_VALUE[usize::from(level.min(4))]
}

pub(crate) fn years_factor(years: u8) -> f64 {
    YEARS_FACTOR[usize::from(years.min(5))]
}

pub(crate) fn experience_value(level: u8, years: u8) -> f64 {
    relation_value(level) * years_factor(years)
}

pub(crate) fn wish_value(level: u8) -> f64 {
    relation_value(level) * WISH_FACTOR
}

/// Required items count twice; nothing stated → 1.
pub(crate) fn skills_value(req_met: u32, req_total: u32, des_met: u32, des_total: u32) -> f64 {
    let den = 2 * u64::from(req_total) + u64::from(des_total);
    if den == 0 {
        1.0
    } else {
        (2 * u64::from(req_met) + u64::from(des_met)) as f64 / den as f64
    }
}

/// Swedish: below the minimum 0, at it 1/3, one level above 2/3, two or more 1. Other
/// required languages, if any, weigh as much as Swedish.
pub(crate) fn language_value(swedish: u8, min: u8, other_met: u32, other_total: u32) -> f64 {
    let sw = if swedish < min {
        0.0
    } else {
        f64::from(1 + (swedish - min).min(2)) / 3.0
    };
    if other_total == 0 {
        sw
    } else {
        0.5 * sw + 0.5 * (f64::from(other_met) / f64::from(other_total))
    }
}

/// The closest wish's relation; no wishes stated is neutral (1/2).
pub(crate) fn wishes_value(best_level: Option<u8>) -> f64 {
    match best_level {
        None => 0.5,
        Some(l) => relation_value(l),
    }
}

/// 1 at 0 km, falling linearly to 0 at the participant's limit; unknown distance 0.
pub(crate) fn commute_value(km: Option<u32>, max_km: u32) -> f64 {
    match km {
        None => 0.0,
        Some(d) if d > max_km => 0.0,
        Some(_) if max_km == 0 => 1.0,
        Some(d) => 1.0 - f64::from(d) / f64::from(max_km),
    }
}

/// The weighted mean, in [0, 1]; `weights` come from [`Weights::effective`] (sum > 0).
pub(crate) fn combine(values: &[f64; 5], weights: &[f64; 5]) -> f64 {
    let mut num = 0.0;
    let mut den = 0.0;
    for (v, w) in values.iter().zip(weights) {
        num += w * v;
        den += w;
    }
    if den > 0.0 {
        (num / den).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use brygga_domain::refdata::RefData;

    type R = Result<(), Box<dyn std::error::Error>>;

    fn geo() -> Result<Geo, Box<dyn std::error::Error>> {
        Ok(Geo::new(&RefData::load()?))
    }

    /// An assistant nurse in Göteborg who meets every requirement of `placement()`.
    fn participant() -> ParticipantProfile {
        ParticipantProfile {
            id: 7,
            swedish: Some(Cefr::B1),
            languages: vec![("arabiska".into(), Cefr::C2), ("engelska".into(), Cefr::B1)],
            experience: vec![("5321".into(), 3)],
            wished: vec!["5321".into()],
            skills: vec!["förflyttningsteknik".into(), "hygienrutiner".into()],
            available_days: 4,
            max_commute_km: 30,
            municipality: "1480".into(),
            licences: vec![DrivingLicence::B],
            needs: vec![],
            eligibility: EligibilityStatus::Eligible,
            education: EducationLevel::UpperSecondary,
        }
    }

    /// An assistant-nurse placement in Göteborg.
    fn placement() -> PlacementProfile {
        PlacementProfile {
            id: 3,
            ssyk: "5321".into(),
            required_skills: vec!["Förflyttningsteknik".into(), "hygienrutiner".into()],
            desired_skills: vec!["demensvård".into()],
            min_swedish: Cefr::A2,
            other_languages: vec![],
            driving_licence: DrivingLicence::None,
            days_per_week: 4,
            municipality: "1480".into(),
            accommodations: vec![Accommodation::QuietRoom],
            free_places: 2,
            status: PlacementStatus::Published,
            education: EducationLevel::None,
        }
    }

    fn run(
        p: &ParticipantProfile,
        x: &PlacementProfile,
    ) -> Result<Fit, Box<dyn std::error::Error>> {
        Ok(fit(p, x, &geo()?, &Settings::default()))
    }

    fn hard(f: &Fit, kind: HardKind) -> Result<&HardCheck, String> {
        f.check(kind).ok_or_else(|| format!("no {kind:?} check"))
    }

    fn value(f: &Fit, kind: ComponentKind) -> Result<f64, String> {
        f.component(kind)
            .map(|c| c.value)
            .ok_or_else(|| format!("no {kind:?} component"))
    }

    fn sv(f: &Fit, kind: ComponentKind) -> Result<String, String> {
        f.component(kind)
            .map(|c| c.explanation.sv.clone())
            .ok_or_else(|| format!("no {kind:?} component"))
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn a_good_pair_passes_every_check_and_scores_the_weighted_mean() -> R {
        let f = run(&participant(), &placement())?;
        let kinds: Vec<HardKind> = f.hard.iter().map(|h| h.kind).collect();
        assert_eq!(kinds, HardKind::ALL);
        let kinds: Vec<ComponentKind> = f.components.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, ComponentKind::ALL);
        assert!(f.passes(), "{:?}", f.failed().collect::<Vec<_>>());
        assert!(!f.eligible_flag);
        let w = Weights::default();
        let expected = (w.occupation * 0.8
            + w.skills * (4.0 / 5.0)
            + w.language * (2.0 / 3.0)
            + w.wishes * 1.0
            + w.commute * 1.0)
            / (w.occupation + w.skills + w.language + w.wishes + w.commute);
        assert!(close(f.score, expected), "{} vs {expected}", f.score);
        assert_eq!(f.score, f.soft_score);
        Ok(())
    }

    #[test]
    fn a_placement_must_be_published_with_free_places() -> R {
        let mut x = placement();
        let f = run(&participant(), &x)?;
        assert_eq!(
            hard(&f, HardKind::Open)?.explanation.sv,
            "Publicerad med 2 lediga platser"
        );
        x.status = PlacementStatus::Draft;
        let f = run(&participant(), &x)?;
        let h = hard(&f, HardKind::Open)?;
        assert!(!h.pass);
        assert_eq!(
            h.explanation.sv,
            "Praktikplatsen är inte publicerad (utkast)"
        );
        assert_eq!(h.explanation.en, "The placement is not published (draft)");
        assert_eq!(f.score, 0.0);
        assert!(f.soft_score > 0.0);
        x.status = PlacementStatus::Published;
        x.free_places = 0;
        let f = run(&participant(), &x)?;
        assert!(!hard(&f, HardKind::Open)?.pass);
        assert_eq!(f.score, 0.0);
        Ok(())
    }

    #[test]
    fn eligibility_excludes_or_flags_by_programme() -> R {
        let g = geo()?;
        let mut p = participant();
        p.eligibility = EligibilityStatus::Pending;
        let exclude = Settings {
            eligibility: EligibilityRule::Exclude,
            ..Settings::default()
        };
        let f = fit(&p, &placement(), &g, &exclude);
        let h = hard(&f, HardKind::Eligible)?;
        assert!(!h.pass && !h.flagged && !f.eligible_flag);
        assert_eq!(
            h.explanation.sv,
            "Behörigheten är inte bekräftad (under utredning)"
        );
        assert_eq!(f.score, 0.0);

        let flag = Settings {
            eligibility: EligibilityRule::Flag,
            ..Settings::default()
        };
        let f = fit(&p, &placement(), &g, &flag);
        let h = hard(&f, HardKind::Eligible)?;
        assert!(h.pass && h.flagged && f.eligible_flag);
        assert!(f.score > 0.0);

        p.eligibility = EligibilityStatus::Eligible;
        for s in [exclude, flag] {
            let f = fit(&p, &placement(), &g, &s);
            assert!(hard(&f, HardKind::Eligible)?.pass && !f.eligible_flag);
        }
        Ok(())
    }

    #[test]
    fn available_days_must_cover_the_placement() -> R {
        let mut p = participant();
        p.available_days = 3;
        let f = run(&p, &placement())?;
        let h = hard(&f, HardKind::Days)?;
        assert!(!h.pass);
        assert_eq!(
            h.explanation.sv,
            "Tillgänglig 3 dagar i veckan – praktiken kräver 4"
        );
        assert_eq!(
            h.explanation.en,
            "Available 3 days a week – the placement needs 4"
        );
        p.available_days = 4;
        assert!(hard(&run(&p, &placement())?, HardKind::Days)?.pass);
        Ok(())
    }

    #[test]
    fn swedish_must_reach_the_minimum_and_unassessed_is_below_a1() -> R {
        let mut x = placement();
        let f = run(&participant(), &x)?;
        let h = hard(&f, HardKind::Swedish)?;
        assert!(h.pass);
        assert_eq!(h.explanation.sv, "Svenska B1 – kravet är A2");
        assert_eq!(h.explanation.en, "Swedish B1 – the requirement is A2");
        x.min_swedish = Cefr::B2;
        assert!(!hard(&run(&participant(), &x)?, HardKind::Swedish)?.pass);
        x.min_swedish = Cefr::A1;
        let mut p = participant();
        p.swedish = None;
        let f = run(&p, &x)?;
        let h = hard(&f, HardKind::Swedish)?;
        assert!(!h.pass);
        assert_eq!(h.explanation.sv, "Svenska ej bedömd – kravet är A1");
        Ok(())
    }

    #[test]
    fn a_required_licence_is_met_by_the_class_or_one_that_includes_it() -> R {
        use DrivingLicence as L;
        let cases = [
            (vec![], L::None, true),
            (vec![], L::B, false),
            (vec![L::B], L::B, true),
            (vec![L::Be], L::B, true),
            (vec![L::B], L::Be, false),
            (vec![L::Ce], L::C, true),
            (vec![L::C], L::Ce, false),
            (vec![L::C], L::B, false),
            (vec![L::B, L::C], L::C1, true),
            (vec![L::D], L::D1, true),
            (vec![L::De], L::D, true),
            (vec![L::A], L::Am, true),
            (vec![L::Am], L::A, false),
        ];
        for (held, required, ok) in cases {
            let mut p = participant();
            p.licences = held.clone();
            let mut x = placement();
            x.driving_licence = required;
            let f = run(&p, &x)?;
            assert_eq!(
                hard(&f, HardKind::DrivingLicence)?.pass,
                ok,
                "{held:?} for {required:?}"
            );
        }
        let mut p = participant();
        p.licences = vec![];
        let mut x = placement();
        x.driving_licence = L::B;
        let f = run(&p, &x)?;
        let h = hard(&f, HardKind::DrivingLicence)?;
        assert_eq!(h.explanation.sv, "Saknar B-körkort");
        assert_eq!(h.explanation.en, "No B driving licence");
        assert_eq!(f.score, 0.0);
        Ok(())
    }

    #[test]
    fn every_needed_accommodation_must_be_offered() -> R {
        let mut p = participant();
        let f = run(&p, &placement())?;
        assert_eq!(
            hard(&f, HardKind::Accommodations)?.explanation.sv,
            "Inga anpassningar behövs"
        );
        p.needs = vec![Accommodation::QuietRoom];
        let f = run(&p, &placement())?;
        let h = hard(&f, HardKind::Accommodations)?;
        assert!(h.pass);
        assert_eq!(h.explanation.sv, "Behövda anpassningar erbjuds: tyst rum");
        p.needs = vec![Accommodation::QuietRoom, Accommodation::Interpreter];
        let f = run(&p, &placement())?;
        let h = hard(&f, HardKind::Accommodations)?;
        assert!(!h.pass);
        assert_eq!(h.explanation.sv, "Anpassning erbjuds inte: tolk");
        assert_eq!(h.explanation.en, "Accommodation not offered: interpreter");
        Ok(())
    }

    #[test]
    fn the_commute_must_be_within_the_participants_limit() -> R {
        let g = geo()?;
        let d = g.distance_km("1480", "1481").ok_or("no distance")?;
        let mut p = participant();
        let mut x = placement();
        x.municipality = "1481".into();
        p.max_commute_km = d;
        let f = fit(&p, &x, &g, &Settings::default());
        let h = hard(&f, HardKind::Commute)?;
        assert!(h.pass);
        assert_eq!(
            h.explanation.sv,
            format!("Pendling {d} km, Göteborg–Mölndal (max {d} km)")
        );
        assert_eq!(value(&f, ComponentKind::Commute)?, 0.0);
        p.max_commute_km = d - 1;
        let f = fit(&p, &x, &g, &Settings::default());
        assert!(!hard(&f, HardKind::Commute)?.pass);
        assert_eq!(f.score, 0.0);
        // A municipality the reference data does not know: the distance is unknown.
        x.municipality = "9999".into();
        p.max_commute_km = 500;
        let f = fit(&p, &x, &g, &Settings::default());
        let h = hard(&f, HardKind::Commute)?;
        assert!(!h.pass);
        assert_eq!(h.explanation.sv, "Pendlingsavståndet är okänt (max 500 km)");
        // Within one municipality the commute is 0 km, even with a limit of 0.
        x.municipality = "1480".into();
        p.max_commute_km = 0;
        let f = fit(&p, &x, &g, &Settings::default());
        assert!(hard(&f, HardKind::Commute)?.pass);
        assert_eq!(value(&f, ComponentKind::Commute)?, 1.0);
        assert_eq!(
            sv(&f, ComponentKind::Commute)?,
            "Pendling 0 km inom Göteborg (max 0 km)"
        );
        Ok(())
    }

    #[test]
    fn commute_value_falls_linearly_to_the_limit() {
        assert_eq!(commute_value(Some(0), 30), 1.0);
        assert!(close(commute_value(Some(15), 30), 0.5));
        assert!(close(commute_value(Some(23), 30), 7.0 / 30.0));
        assert_eq!(commute_value(Some(30), 30), 0.0);
        assert_eq!(commute_value(Some(31), 30), 0.0);
        assert_eq!(commute_value(None, 30), 0.0);
    }

    #[test]
    fn occupation_follows_the_ssyk_hierarchy_and_years() -> R {
        let x = placement(); // 5321
        let cases = [
            ("5321", 3u8, 1.0 * 0.8),
            ("5322", 3, 0.7 * 0.8),
            ("5330", 3, 0.45 * 0.8),
            ("5120", 3, 0.1 * 0.8),
            ("9111", 3, 0.0),
            ("5321", 0, 0.5),
            ("5321", 5, 1.0),
            ("5321", 40, 1.0),
            ("12", 9, 0.0),
        ];
        for (code, years, expected) in cases {
            let mut p = participant();
            p.experience = vec![(code.into(), years)];
            p.wished = vec![];
            let f = run(&p, &x)?;
            assert!(
                close(value(&f, ComponentKind::Occupation)?, expected),
                "{code} {years}"
            );
        }
        let mut p = participant();
        p.experience = vec![("9111".into(), 9), ("5321".into(), 3)];
        p.wished = vec![];
        let f = run(&p, &x)?;
        assert_eq!(
            sv(&f, ComponentKind::Occupation)?,
            "Erfarenhet som Undersköterskor, hemtjänst, hemsjukvård och äldreboende (3 år) – \
             samma yrkesgrupp (samma yrke); yrkesmatch 80 % (100 % för yrkesgrupp × 80 % för 3 år)"
        );
        let en = f
            .component(ComponentKind::Occupation)
            .map(|c| c.explanation.en.clone());
        assert_eq!(
            en.as_deref(),
            Some(
                "Experience as Assistant nurses, home care and homes for the elderly (3 years) – \
                 same unit group (same occupation); occupation match 80% (100% for unit group × \
                 80% for 3 years)"
            )
        );
        // A neighbouring trade: the minor group's name and both factors are stated.
        p.experience = vec![("5323".into(), 1)];
        let f = run(&p, &x)?;
        assert_eq!(
            sv(&f, ComponentKind::Occupation)?,
            "Erfarenhet som Undersköterskor, vård- och specialavdelning (1 år) – samma \
             undergrupp: Undersköterskor; yrkesmatch 42 % (70 % för undergrupp × 60 % för 1 år)"
        );
        // A wish counts below experience of under a year in the same trade.
        p.experience = vec![];
        p.wished = vec!["5322".into()];
        let f = run(&p, &x)?;
        assert!(close(value(&f, ComponentKind::Occupation)?, 0.7 * 0.4));
        assert_eq!(
            sv(&f, ComponentKind::Occupation)?,
            "Vill arbeta som Undersköterskor, habilitering – samma undergrupp: Undersköterskor; \
             yrkesmatch 28 % (70 % för undergrupp × 40 % för önskemål)"
        );
        p.wished = vec!["5321".into()];
        let wish = value(&run(&p, &x)?, ComponentKind::Occupation)?;
        p.wished = vec![];
        p.experience = vec![("5321".into(), 0)];
        let experience = value(&run(&p, &x)?, ComponentKind::Occupation)?;
        assert!(wish < experience, "{wish} < {experience}");
        p.experience = vec![];
        let f = run(&p, &x)?;
        assert_eq!(value(&f, ComponentKind::Occupation)?, 0.0);
        assert_eq!(
            sv(&f, ComponentKind::Occupation)?,
            "Ingen erfarenhet av eller önskan om ett närliggande yrke; yrkesmatch 0 %"
        );
        Ok(())
    }

    #[test]
    fn skills_count_required_twice_and_ignore_case_and_spaces() -> R {
        let mut p = participant();
        p.skills = vec!["  Förflyttningsteknik ".into(), "Demens  VÅRD".into()];
        let mut x = placement();
        x.required_skills = vec!["förflyttningsteknik".into(), "hygienrutiner".into()];
        x.desired_skills = vec!["demens vård".into(), "excel".into()];
        let f = run(&p, &x)?;
        assert!(close(
            value(&f, ComponentKind::Skills)?,
            (2.0 + 1.0) / (4.0 + 2.0)
        ));
        assert_eq!(
            sv(&f, ComponentKind::Skills)?,
            "1 av 2 krav och 1 av 2 meriterande uppfyllda; saknar hygienrutiner"
        );
        // Nothing asked for: full marks.
        x.required_skills = vec![];
        x.desired_skills = vec![];
        let f = run(&p, &x)?;
        assert_eq!(value(&f, ComponentKind::Skills)?, 1.0);
        // The education level counts as one more requirement.
        x.required_skills = vec!["a".into(), "b".into(), "c".into(), "d".into()];
        p.skills = vec!["a".into(), "b".into(), "c".into(), "d".into()];
        x.education = EducationLevel::Bachelor;
        let f = run(&p, &x)?;
        assert!(close(value(&f, ComponentKind::Skills)?, 8.0 / 10.0));
        assert_eq!(
            sv(&f, ComponentKind::Skills)?,
            "4 av 5 krav uppfyllda; saknar utbildning: eftergymnasial utbildning 3 år eller mer"
        );
        let en = f
            .component(ComponentKind::Skills)
            .map(|c| c.explanation.en.clone());
        assert_eq!(
            en.as_deref(),
            Some("4 of 5 requirements met; missing education: post-secondary, 3 years or more")
        );
        Ok(())
    }

    #[test]
    fn language_rewards_swedish_above_the_minimum_and_other_languages() -> R {
        let mut p = participant();
        let mut x = placement(); // A2
        for (level, expected) in [
            (Cefr::A2, 1.0 / 3.0),
            (Cefr::B1, 2.0 / 3.0),
            (Cefr::B2, 1.0),
            (Cefr::C2, 1.0),
        ] {
            p.swedish = Some(level);
            let f = run(&p, &x)?;
            assert!(
                close(value(&f, ComponentKind::Language)?, expected),
                "{level}"
            );
        }
        p.swedish = Some(Cefr::B1);
        x.other_languages = vec![
            ("Engelska".into(), Cefr::B1),
            ("somaliska".into(), Cefr::B1),
        ];
        let f = run(&p, &x)?;
        assert!(close(
            value(&f, ComponentKind::Language)?,
            0.5 * (2.0 / 3.0) + 0.5 * 0.5
        ));
        assert_eq!(
            sv(&f, ComponentKind::Language)?,
            "Svenska B1 – kravet är A2; andra språk: 1 av 2 krav uppfyllda (saknar somaliska B1)"
        );
        // Below the minimum (the hard check fails too).
        p.swedish = Some(Cefr::A1);
        x.other_languages = vec![];
        let f = run(&p, &x)?;
        assert_eq!(value(&f, ComponentKind::Language)?, 0.0);
        Ok(())
    }

    #[test]
    fn wishes_count_the_placements_occupation_or_a_related_one() -> R {
        let x = placement();
        let cases: [(&[&str], f64, &str); 7] = [
            (
                &["9111", "5321"],
                1.0,
                "Önskat yrke: Undersköterskor, hemtjänst, hemsjukvård och äldreboende",
            ),
            (
                &["5322"],
                0.7,
                "Närliggande önskat yrke: Undersköterskor, habilitering – samma undergrupp: Undersköterskor",
            ),
            (
                &["5311"],
                0.45,
                "Närliggande önskat yrke: Barnskötare – samma huvudgrupp: Omsorgsyrken",
            ),
            // Shop sales shares only the major group with care: not called related.
            (
                &["5230"],
                0.1,
                "Inget önskat yrke ligger nära; närmast Kassapersonal m.fl. – samma yrkesområde: \
                 Service-, omsorgs- och försäljningsyrken",
            ),
            (&["9111"], 0.0, "Inget av de önskade yrkena ligger nära"),
            (&[], 0.5, "Inga önskade yrken angivna"),
            (&["12"], 0.0, "Inget av de önskade yrkena ligger nära"),
        ];
        for (wished, expected, text) in cases {
            let mut p = participant();
            p.wished = wished.iter().map(|s| s.to_string()).collect();
            let f = run(&p, &x)?;
            assert!(
                close(value(&f, ComponentKind::Wishes)?, expected),
                "{wished:?}"
            );
            assert_eq!(sv(&f, ComponentKind::Wishes)?, text);
        }
        Ok(())
    }

    #[test]
    fn weights_set_the_mean_and_bad_weights_are_caught() -> R {
        let g = geo()?;
        let only_commute = Settings {
            weights: Weights {
                occupation: 0.0,
                skills: 0.0,
                language: 0.0,
                wishes: 0.0,
                commute: 2.0,
            },
            ..Settings::default()
        };
        let f = fit(&participant(), &placement(), &g, &only_commute);
        assert_eq!(f.score, 1.0);
        assert!(only_commute.weights.validate().is_ok());
        let bad = Weights {
            skills: f64::NAN,
            ..Weights::default()
        };
        assert_eq!(
            bad.validate(),
            Err(WeightsError {
                component: "skills"
            })
        );
        let zero = Weights {
            occupation: 0.0,
            skills: 0.0,
            language: 0.0,
            wishes: 0.0,
            commute: 0.0,
        };
        assert_eq!(zero.validate(), Err(WeightsError { component: "sum" }));
        // Unusable weights fall back to the defaults rather than dividing by zero.
        let f = fit(
            &participant(),
            &placement(),
            &g,
            &Settings {
                weights: zero,
                ..Settings::default()
            },
        );
        let d = fit(&participant(), &placement(), &g, &Settings::default());
        assert_eq!(f.score, d.score);
        let f = fit(
            &participant(),
            &placement(),
            &g,
            &Settings {
                weights: bad,
                ..Settings::default()
            },
        );
        assert_eq!(
            f.component(ComponentKind::Skills).map(|c| c.weight),
            Some(0.0)
        );
        assert!((0.0..=1.0).contains(&f.score));
        Ok(())
    }

    #[test]
    fn a_failed_check_zeroes_the_score_but_keeps_the_soft_score() -> R {
        let mut p = participant();
        p.available_days = 1;
        let f = run(&p, &placement())?;
        let good = run(&participant(), &placement())?;
        assert_eq!(f.score, 0.0);
        assert_eq!(f.soft_score, good.soft_score);
        assert_eq!(
            f.failed().map(|h| h.kind).collect::<Vec<_>>(),
            vec![HardKind::Days]
        );
        Ok(())
    }
}
