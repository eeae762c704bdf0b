//! The placement form (the ad and its requirement profile): exactly what was typed, and its
//! conversion to the domain's draft.

use brygga_domain::registry::{PlacementDraft, split_list};
use serde::Deserialize;

use crate::http::form::{code_of, languages, rows, unzip2, with_blanks};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PlacementForm {
    pub version: String,
    /// The new-placement form's nonce: sending it twice makes one placement.
    pub create_key: String,
    pub employer_id: String,
    pub title: String,
    pub ssyk_code: String,
    pub tasks: String,
    pub required_skills: String,
    pub desired_skills: String,
    pub min_swedish: String,
    /// Other languages needed: rows of language and CEFR level.
    pub other_language: Vec<String>,
    pub other_language_level: Vec<String>,
    pub education_level: String,
    pub driving_licence: String,
    pub days_per_week: String,
    pub hours_per_week: String,
    pub municipality_code: String,
    pub address: String,
    pub period_start: String,
    pub period_end: String,
    pub places: String,
    pub accommodations: Vec<String>,
    pub status: String,
}

impl PlacementForm {
    pub fn to_draft(&self) -> PlacementDraft {
        PlacementDraft {
            employer_id: self.employer_id.clone(),
            title: self.title.clone(),
            ssyk_code: code_of(&self.ssyk_code),
            tasks: self.tasks.clone(),
            required_skills: split_list(&self.required_skills),
            desired_skills: split_list(&self.desired_skills),
            min_swedish: self.min_swedish.clone(),
            other_languages: languages(&self.other_language, &self.other_language_level),
            education_level: self.education_level.clone(),
            driving_licence: self.driving_licence.clone(),
            days_per_week: self.days_per_week.clone(),
            hours_per_week: self.hours_per_week.clone(),
            municipality_code: self.municipality_code.clone(),
            address: self.address.clone(),
            period_start: self.period_start.clone(),
            period_end: self.period_end.clone(),
            places: self.places.clone(),
            accommodations: self.accommodations.clone(),
            status: self.status.clone(),
        }
    }

    pub fn from_draft(d: &PlacementDraft, version: i32) -> Self {
        let (other_language, other_language_level) = unzip2(
            d.other_languages
                .iter()
                .map(|l| [l.language.clone(), l.level.clone()]),
        );
        PlacementForm {
            version: version.to_string(),
            create_key: String::new(),
            employer_id: d.employer_id.clone(),
            title: d.title.clone(),
            ssyk_code: d.ssyk_code.clone(),
            tasks: d.tasks.clone(),
            required_skills: d.required_skills.join(", "),
            desired_skills: d.desired_skills.join(", "),
            min_swedish: d.min_swedish.clone(),
            other_language,
            other_language_level,
            education_level: d.education_level.clone(),
            driving_licence: d.driving_licence.clone(),
            days_per_week: d.days_per_week.clone(),
            hours_per_week: d.hours_per_week.clone(),
            municipality_code: d.municipality_code.clone(),
            address: d.address.clone(),
            period_start: d.period_start.clone(),
            period_end: d.period_end.clone(),
            places: d.places.clone(),
            accommodations: d.accommodations.clone(),
            status: d.status.clone(),
        }
    }

    pub fn language_rows(&self) -> Vec<[String; 2]> {
        with_blanks(rows([&self.other_language, &self.other_language_level]))
    }

    pub fn has_accommodation(&self, a: &str) -> bool {
        self.accommodations.iter().any(|x| x == a)
    }
}
