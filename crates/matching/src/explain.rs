//! The sentence behind every hard check and soft component, in Swedish and English, built from
//! the same numbers the score is computed from. Value labels follow the web layer's translation
//! files (`placement-status-*`, `eligibility-*`, `education-*`, `accommodation-*`).
//!
//! Some sentences name the participant's needed accommodations: special-category data, to be
//! shown only to the roles that may read them.

use serde::{Deserialize, Serialize};

use brygga_domain::model::{
    Accommodation, DrivingLicence, EducationLevel, EligibilityStatus, PlacementStatus,
};
use brygga_domain::values::Cefr;

use crate::geo::Geo;
use crate::near::Gap;
use crate::score::{self, Coverage, EligibilityRule};

/// One sentence in Swedish and English.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Explanation {
    pub sv: String,
    pub en: String,
}

impl Explanation {
    pub fn new(sv: impl Into<String>, en: impl Into<String>) -> Explanation {
        Explanation {
            sv: sv.into(),
            en: en.into(),
        }
    }

    /// The sentence in `lang` (`"en"`, else Swedish, the default).
    pub fn in_lang(&self, lang: &str) -> &str {
        if lang == "en" { &self.en } else { &self.sv }
    }
}

/// How many missing items a sentence names before it says "…".
const MAX_NAMED: usize = 3;

fn status_label(s: PlacementStatus) -> (&'static str, &'static str) {
    match s {
        PlacementStatus::Draft => ("utkast", "draft"),
        PlacementStatus::Submitted => ("inskickad för granskning", "submitted for review"),
        PlacementStatus::Published => ("publicerad", "published"),
        PlacementStatus::Filled => ("tillsatt", "filled"),
        PlacementStatus::Closed => ("stängd", "closed"),
    }
}

fn eligibility_label(s: EligibilityStatus) -> (&'static str, &'static str) {
    match s {
        EligibilityStatus::Unknown => ("okänd", "unknown"),
        EligibilityStatus::Pending => ("under utredning", "being assessed"),
        EligibilityStatus::Eligible => ("bekräftad", "confirmed"),
        EligibilityStatus::NotEligible => ("inte aktuell", "not eligible"),
    }
}

pub(crate) fn education_label(e: EducationLevel) -> (&'static str, &'static str) {
    match e {
        EducationLevel::None => ("ingen formell utbildning", "no formal education"),
        EducationLevel::Primary => (
            "grundskola kortare än 9 år",
            "primary school, under 9 years",
        ),
        EducationLevel::LowerSecondary => {
            ("grundskola 9 (10) år", "compulsory school, 9 (10) years")
        }
        EducationLevel::UpperSecondary => ("gymnasial utbildning", "upper secondary school"),
        EducationLevel::PostSecondaryShort => (
            "eftergymnasial utbildning kortare än 3 år",
            "post-secondary, under 3 years",
        ),
        EducationLevel::Bachelor => (
            "eftergymnasial utbildning 3 år eller mer",
            "post-secondary, 3 years or more",
        ),
        EducationLevel::Master => ("avancerad nivå (master)", "advanced level (master)"),
        EducationLevel::Doctoral => ("forskarutbildning", "doctoral studies"),
    }
}

fn accommodation_label(a: Accommodation) -> (&'static str, &'static str) {
    match a {
        Accommodation::StepFreeAccess => ("tillgänglig entré", "step-free access"),
        Accommodation::QuietRoom => ("tyst rum", "quiet room"),
        Accommodation::FlexibleHours => ("flexibla tider", "flexible hours"),
        Accommodation::Interpreter => ("tolk", "interpreter"),
        Accommodation::WrittenInstructions => ("skriftliga instruktioner", "written instructions"),
        Accommodation::PartTime => ("deltid", "part time"),
    }
}

/// "a, b, c …" with at most [`MAX_NAMED`] names.
fn list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let items: Vec<&str> = items.into_iter().collect();
    let mut s = items
        .iter()
        .take(MAX_NAMED)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > MAX_NAMED {
        s.push_str(" …");
    }
    s
}

fn years_en(n: u8) -> &'static str {
    if n == 1 { "year" } else { "years" }
}

fn places_en(n: u32) -> &'static str {
    if n == 1 { "place" } else { "places" }
}

fn places_sv(n: u32) -> &'static str {
    if n == 1 {
        "ledig plats"
    } else {
        "lediga platser"
    }
}

fn days_en(n: u8) -> &'static str {
    if n == 1 { "day" } else { "days" }
}

fn dagar(n: u8) -> &'static str {
    if n == 1 { "dag" } else { "dagar" }
}

// ---------------------------------------------------------------- hard checks

pub(crate) fn open(status: PlacementStatus, free: u32) -> Explanation {
    if status != PlacementStatus::Published {
        let (sv, en) = status_label(status);
        Explanation::new(
            format!("Praktikplatsen är inte publicerad ({sv})"),
            format!("The placement is not published ({en})"),
        )
    } else if free == 0 {
        Explanation::new(
            "Praktikplatsen har inga lediga platser",
            "The placement has no free places",
        )
    } else {
        Explanation::new(
            format!("Publicerad med {free} {}", places_sv(free)),
            format!("Published with {free} free {}", places_en(free)),
        )
    }
}

pub(crate) fn eligible(status: EligibilityStatus, rule: EligibilityRule) -> Explanation {
    let (sv, en) = eligibility_label(status);
    match (status, rule) {
        (EligibilityStatus::Eligible, _) => {
            Explanation::new("Behörigheten är bekräftad", "Eligibility is confirmed")
        }
        (_, EligibilityRule::Exclude) => Explanation::new(
            format!("Behörigheten är inte bekräftad ({sv})"),
            format!("Eligibility is not confirmed ({en})"),
        ),
        (_, EligibilityRule::Flag) => Explanation::new(
            format!("Behörigheten är inte bekräftad ({sv}) – kontrollera innan beslut"),
            format!("Eligibility is not confirmed ({en}) – check before deciding"),
        ),
    }
}

pub(crate) fn days(available: u8, needed: u8) -> Explanation {
    Explanation::new(
        format!(
            "Tillgänglig {available} {} i veckan – praktiken kräver {needed}",
            dagar(available)
        ),
        format!(
            "Available {available} {} a week – the placement needs {needed}",
            days_en(available)
        ),
    )
}

pub(crate) fn swedish_check(have: Option<Cefr>, min: Cefr) -> Explanation {
    match have {
        Some(l) => Explanation::new(
            format!("Svenska {l} – kravet är {min}"),
            format!("Swedish {l} – the requirement is {min}"),
        ),
        None => Explanation::new(
            format!("Svenska ej bedömd – kravet är {min}"),
            format!("Swedish not assessed – the requirement is {min}"),
        ),
    }
}

pub(crate) fn licence(required: DrivingLicence, ok: bool) -> Explanation {
    match (required, ok) {
        (DrivingLicence::None, _) => {
            Explanation::new("Inget körkort krävs", "No driving licence required")
        }
        (l, true) => Explanation::new(
            format!("Har {l}-körkort"),
            format!("Holds a {l} driving licence"),
        ),
        (l, false) => Explanation::new(
            format!("Saknar {l}-körkort"),
            format!("No {l} driving licence"),
        ),
    }
}

pub(crate) fn accommodations(needs: &[Accommodation], missing: &[Accommodation]) -> Explanation {
    if needs.is_empty() {
        return Explanation::new("Inga anpassningar behövs", "No accommodations needed");
    }
    if missing.is_empty() {
        let mut seen: Vec<Accommodation> = vec![];
        for a in needs {
            if !seen.contains(a) {
                seen.push(*a);
            }
        }
        return Explanation::new(
            format!(
                "Behövda anpassningar erbjuds: {}",
                list(seen.iter().map(|a| accommodation_label(*a).0))
            ),
            format!(
                "Needed accommodations are offered: {}",
                list(seen.iter().map(|a| accommodation_label(*a).1))
            ),
        );
    }
    Explanation::new(
        format!(
            "Anpassning erbjuds inte: {}",
            list(missing.iter().map(|a| accommodation_label(*a).0))
        ),
        format!(
            "Accommodation not offered: {}",
            list(missing.iter().map(|a| accommodation_label(*a).1))
        ),
    )
}

/// Used for both the commute check and the commute component.
pub(crate) fn commute(km: Option<u32>, max: u32, geo: &Geo, from: &str, to: &str) -> Explanation {
    let Some(d) = km else {
        return Explanation::new(
            format!("Pendlingsavståndet är okänt (max {max} km)"),
            format!("Commute distance unknown (max {max} km)"),
        );
    };
    let (place_sv, place_en) = match (geo.municipality_name(from), geo.municipality_name(to)) {
        (Some(a), _) if from == to => (format!(" inom {a}"), format!(" within {a}")),
        (Some(a), Some(b)) => (format!(", {a}–{b}"), format!(", {a}–{b}")),
        _ => (String::new(), String::new()),
    };
    Explanation::new(
        format!("Pendling {d} km{place_sv} (max {max} km)"),
        format!("Commute {d} km{place_en} (max {max} km)"),
    )
}

// ---------------------------------------------------------------- components

/// What the occupation component's value rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OccupationBasis<'a> {
    None,
    Experience { code: &'a str, years: u8, level: u8 },
    Wish { code: &'a str, level: u8 },
}

fn occupation_name<'a>(geo: &'a Geo, code: &'a str) -> (&'a str, &'a str) {
    geo.occupation_name(code).unwrap_or((code, code))
}

/// The SSYK level two codes share, by its Swedish and English name.
fn level_name(level: u8) -> (&'static str, &'static str) {
    match level {
        4 => ("yrkesgrupp", "unit group"),
        3 => ("undergrupp", "minor group"),
        2 => ("huvudgrupp", "sub-major group"),
        1 => ("yrkesområde", "major group"),
        _ => ("inget gemensamt", "nothing in common"),
    }
}

/// "samma yrkesgrupp (samma yrke)", "samma undergrupp: Undersköterskor" … "samma yrkesområde:
/// Service-, omsorgs- och försäljningsyrken" (SCB's names of the SSYK 2012 levels).
fn relation(geo: &Geo, code: &str, level: u8) -> (String, String) {
    let group = code.get(..usize::from(level)).unwrap_or(code);
    let (gsv, gname) = occupation_name(geo, group);
    let (lsv, len) = level_name(level);
    match level {
        4 => (
            "samma yrkesgrupp (samma yrke)".into(),
            "same unit group (same occupation)".into(),
        ),
        1..=3 => (
            format!("samma {lsv}: {gsv}"),
            format!("same {len}: {gname}"),
        ),
        _ => (lsv.into(), len.into()),
    }
}

/// A share in [0, 1] as whole per cent.
pub(crate) fn percent(v: f64) -> u32 {
    // In [0, 100] after the clamp, so the cast neither wraps nor saturates.
    (v.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// "; yrkesmatch 56 % (70 % för undergrupp × 80 % för 3 år)": the value of the occupation
/// component and the two factors it is the product of.
fn occupation_weight(level: u8, factor: f64, why_sv: &str, why_en: &str) -> (String, String) {
    let rel = score::relation_value(level);
    let (lsv, len) = level_name(level);
    let (v, r, f) = (percent(rel * factor), percent(rel), percent(factor));
    (
        format!("; yrkesmatch {v} % ({r} % för {lsv} × {f} % för {why_sv})"),
        format!("; occupation match {v}% ({r}% for {len} × {f}% for {why_en})"),
    )
}

pub(crate) fn occupation(basis: &OccupationBasis<'_>, geo: &Geo) -> Explanation {
    match *basis {
        OccupationBasis::None => Explanation::new(
            "Ingen erfarenhet av eller önskan om ett närliggande yrke; yrkesmatch 0 %",
            "No experience of or wish for a related occupation; occupation match 0%",
        ),
        OccupationBasis::Experience { code, years, level } => {
            let (sv, en) = occupation_name(geo, code);
            let (rsv, ren) = relation(geo, code, level);
            let (wsv, wen) = occupation_weight(
                level,
                score::years_factor(years),
                &format!("{years} år"),
                &format!("{years} {}", years_en(years)),
            );
            Explanation::new(
                format!("Erfarenhet som {sv} ({years} år) – {rsv}{wsv}"),
                format!(
                    "Experience as {en} ({years} {}) – {ren}{wen}",
                    years_en(years)
                ),
            )
        }
        OccupationBasis::Wish { code, level } => {
            let (sv, en) = occupation_name(geo, code);
            let (rsv, ren) = relation(geo, code, level);
            let (wsv, wen) = occupation_weight(level, score::WISH_FACTOR, "önskemål", "a wish");
            Explanation::new(
                format!("Vill arbeta som {sv} – {rsv}{wsv}"),
                format!("Wants to work as {en} – {ren}{wen}"),
            )
        }
    }
}

pub(crate) fn skills(
    req: Coverage,
    des: Coverage,
    missing: &[&str],
    missing_education: Option<EducationLevel>,
) -> Explanation {
    let (mut sv, mut en) = match (req.total, des.total) {
        (0, 0) => (
            "Inga krav på kompetens eller utbildning".to_string(),
            "No skill or education requirements".to_string(),
        ),
        (_, 0) => (
            format!("{} av {} krav uppfyllda", req.met, req.total),
            format!("{} of {} requirements met", req.met, req.total),
        ),
        (0, _) => (
            format!("{} av {} meriterande uppfyllda", des.met, des.total),
            format!("{} of {} desirable skills met", des.met, des.total),
        ),
        _ => (
            format!(
                "{} av {} krav och {} av {} meriterande uppfyllda",
                req.met, req.total, des.met, des.total
            ),
            format!(
                "{} of {} requirements and {} of {} desirable skills met",
                req.met, req.total, des.met, des.total
            ),
        ),
    };
    let edu = missing_education.map(education_label);
    let mut names_sv: Vec<&str> = missing.to_vec();
    let mut names_en: Vec<&str> = missing.to_vec();
    let (edu_sv, edu_en);
    if let Some((s, e)) = edu {
        edu_sv = format!("utbildning: {s}");
        edu_en = format!("education: {e}");
        names_sv.push(&edu_sv);
        names_en.push(&edu_en);
    }
    if !names_sv.is_empty() {
        sv.push_str(&format!("; saknar {}", list(names_sv)));
        en.push_str(&format!("; missing {}", list(names_en)));
    }
    Explanation::new(sv, en)
}

pub(crate) fn language(
    swedish: Option<Cefr>,
    min: Cefr,
    other: Coverage,
    missing: &[(&str, Cefr)],
) -> Explanation {
    let Explanation { mut sv, mut en } = swedish_check(swedish, min);
    if other.total > 0 {
        sv.push_str(&format!(
            "; andra språk: {} av {} krav uppfyllda",
            other.met, other.total
        ));
        en.push_str(&format!(
            "; other languages: {} of {} requirements met",
            other.met, other.total
        ));
        if !missing.is_empty() {
            let named: Vec<String> = missing.iter().map(|(l, c)| format!("{l} {c}")).collect();
            let named = list(named.iter().map(String::as_str));
            sv.push_str(&format!(" (saknar {named})"));
            en.push_str(&format!(" (missing {named})"));
        }
    }
    Explanation::new(sv, en)
}

pub(crate) fn wishes(best: Option<(&str, u8)>, geo: &Geo) -> Explanation {
    match best {
        None => Explanation::new("Inga önskade yrken angivna", "No wished occupations given"),
        Some((code, 4)) => {
            let (sv, en) = occupation_name(geo, code);
            Explanation::new(
                format!("Önskat yrke: {sv}"),
                format!("Wished occupation: {en}"),
            )
        }
        Some((code, level)) if level >= score::RELATED_LEVEL => {
            let (sv, en) = occupation_name(geo, code);
            let (rsv, ren) = relation(geo, code, level);
            Explanation::new(
                format!("Närliggande önskat yrke: {sv} – {rsv}"),
                format!("Related wished occupation: {en} – {ren}"),
            )
        }
        // Only the major group in common: too broad to call related (group 5 holds care, shop
        // sales and services alike), but say which wish is closest.
        Some((code, 1)) => {
            let (sv, en) = occupation_name(geo, code);
            let (rsv, ren) = relation(geo, code, 1);
            Explanation::new(
                format!("Inget önskat yrke ligger nära; närmast {sv} – {rsv}"),
                format!("No wished occupation is related; the closest is {en} – {ren}"),
            )
        }
        Some(_) => Explanation::new(
            "Inget av de önskade yrkena ligger nära",
            "None of the wished occupations is related",
        ),
    }
}

// ---------------------------------------------------------------- near misses

/// What a near miss lacks: "Kräver svenska B1 – har A2", "Kräver B-körkort" …
pub(crate) fn gap(g: &Gap) -> Explanation {
    match g {
        Gap::Eligibility { status } => {
            let (sv, en) = match status {
                EligibilityStatus::Unknown => ("behörigheten är okänd", "eligibility is unknown"),
                EligibilityStatus::Pending => (
                    "behörigheten är under utredning",
                    "eligibility is being assessed",
                ),
                EligibilityStatus::NotEligible => {
                    ("bedömd som inte aktuell", "assessed as not eligible")
                }
                EligibilityStatus::Eligible => {
                    ("behörigheten är bekräftad", "eligibility is confirmed")
                }
            };
            Explanation::new(
                format!("Kräver bekräftad behörighet – {sv}"),
                format!("Requires confirmed eligibility – {en}"),
            )
        }
        Gap::Days { available, needed } => Explanation::new(
            format!(
                "Kräver {needed} {} i veckan – tillgänglig {available}",
                dagar(*needed)
            ),
            format!(
                "Requires {needed} {} a week – available {available}",
                days_en(*needed)
            ),
        ),
        Gap::Swedish { have, required } => match have {
            Some(l) => Explanation::new(
                format!("Kräver svenska {required} – har {l}"),
                format!("Requires Swedish {required} – has {l}"),
            ),
            None => Explanation::new(
                format!("Kräver svenska {required} – ej bedömd"),
                format!("Requires Swedish {required} – not assessed"),
            ),
        },
        Gap::DrivingLicence { required } => Explanation::new(
            format!("Kräver {required}-körkort"),
            format!("Requires a {required} driving licence"),
        ),
        Gap::Accommodations { missing } => Explanation::new(
            format!(
                "Kräver anpassning som inte erbjuds: {}",
                list(missing.iter().map(|a| accommodation_label(*a).0))
            ),
            format!(
                "Requires an accommodation not offered: {}",
                list(missing.iter().map(|a| accommodation_label(*a).1))
            ),
        ),
        Gap::Commute {
            km: Some(km),
            max_km,
        } => Explanation::new(
            format!("Kräver pendling {km} km – max {max_km} km"),
            format!("Requires a commute of {km} km – the limit is {max_km} km"),
        ),
        Gap::Commute { km: None, .. } => Explanation::new(
            "Pendlingsavståndet är okänt",
            "The commute distance is unknown",
        ),
    }
}
