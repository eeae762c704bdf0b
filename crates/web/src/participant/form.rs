//! The participant form: exactly what was typed, and its conversion to the domain's draft.

use brygga_domain::registry::{Experience, ParticipantDraft, split_list};
use serde::Deserialize;

use crate::http::form::{code_of, languages, rows, unzip2, with_blanks};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ParticipantForm {
    pub version: String,
    /// A new participant form's nonce: the same form sent twice creates one participant.
    pub create_key: String,
    /// The inbox interest a new participant is registered from (marked registered on save).
    pub interest_id: String,
    /// "Skapa ändå": register even though likely duplicates were shown.
    pub confirm_duplicate: String,
    pub programme_id: String,
    pub cohort_id: String,
    pub first_name: String,
    pub last_name: String,
    pub personnummer: String,
    pub email: String,
    pub phone: String,
    pub municipality_code: String,
    pub gender: String,
    pub birth_year: String,
    pub swedish_level: String,
    /// Other languages: a table of rows (language, CEFR level).
    pub language: Vec<String>,
    pub language_level: Vec<String>,
    pub sfi_level: String,
    pub education_level: String,
    pub education_field: String,
    pub education_country: String,
    /// Work experience: a table of rows (SSYK code, years, country).
    pub experience_occupation: Vec<String>,
    pub experience_years: Vec<String>,
    pub experience_country: Vec<String>,
    pub skills: String,
    /// Wished occupations, one per input: an SSYK code, or a pick from the list ("1211 –
    /// Ekonomi- och finanschefer, nivå 1", whose name may hold commas).
    pub wished_occupation: Vec<String>,
    pub available_days: Vec<String>,
    pub max_commute_km: String,
    pub driving_licence: String,
    pub special_needs: String,
    pub needed_accommodations: Vec<String>,
    pub eligibility: String,
    pub consents: Vec<String>,
}

impl ParticipantForm {
    pub fn to_draft(&self) -> ParticipantDraft {
        ParticipantDraft {
            programme_id: self.programme_id.clone(),
            cohort_id: self.cohort_id.clone(),
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            personnummer: self.personnummer.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            municipality_code: self.municipality_code.clone(),
            gender: self.gender.clone(),
            birth_year: self.birth_year.clone(),
            swedish_level: self.swedish_level.clone(),
            languages: languages(&self.language, &self.language_level),
            sfi_level: self.sfi_level.clone(),
            education_level: self.education_level.clone(),
            education_field: self.education_field.clone(),
            education_country: self.education_country.clone(),
            experience: rows([
                &self.experience_occupation,
                &self.experience_years,
                &self.experience_country,
            ])
            .into_iter()
            .map(|[occupation, years, country]| Experience {
                occupation: code_of(&occupation),
                years,
                country,
            })
            .collect(),
            skills: split_list(&self.skills),
            wished_occupations: rows([&self.wished_occupation])
                .into_iter()
                .map(|[o]| code_of(&o))
                .collect(),
            available_days: self.available_days.clone(),
            max_commute_km: self.max_commute_km.clone(),
            driving_licence: self.driving_licence.clone(),
            special_needs: self.special_needs.clone(),
            needed_accommodations: self.needed_accommodations.clone(),
            eligibility: self.eligibility.clone(),
            consents: self.consents.clone(),
        }
    }

    pub fn from_draft(d: &ParticipantDraft, version: i32) -> Self {
        let (language, language_level) = unzip2(
            d.languages
                .iter()
                .map(|l| [l.language.clone(), l.level.clone()]),
        );
        let mut experience_occupation = vec![];
        let mut experience_years = vec![];
        let mut experience_country = vec![];
        for x in &d.experience {
            experience_occupation.push(x.occupation.clone());
            experience_years.push(x.years.clone());
            experience_country.push(x.country.clone());
        }
        ParticipantForm {
            version: version.to_string(),
            create_key: String::new(),
            interest_id: String::new(),
            confirm_duplicate: String::new(),
            programme_id: d.programme_id.clone(),
            cohort_id: d.cohort_id.clone(),
            first_name: d.first_name.clone(),
            last_name: d.last_name.clone(),
            personnummer: d.personnummer.clone(),
            email: d.email.clone(),
            phone: d.phone.clone(),
            municipality_code: d.municipality_code.clone(),
            gender: d.gender.clone(),
            birth_year: d.birth_year.clone(),
            swedish_level: d.swedish_level.clone(),
            language,
            language_level,
            sfi_level: d.sfi_level.clone(),
            education_level: d.education_level.clone(),
            education_field: d.education_field.clone(),
            education_country: d.education_country.clone(),
            experience_occupation,
            experience_years,
            experience_country,
            skills: d.skills.join(", "),
            wished_occupation: d.wished_occupations.clone(),
            available_days: d.available_days.clone(),
            max_commute_km: d.max_commute_km.clone(),
            driving_licence: d.driving_licence.clone(),
            special_needs: d.special_needs.clone(),
            needed_accommodations: d.needed_accommodations.clone(),
            eligibility: d.eligibility.clone(),
            consents: d.consents.clone(),
        }
    }

    pub fn has_day(&self, d: &str) -> bool {
        self.available_days.iter().any(|x| x == d)
    }

    pub fn needs(&self, a: &str) -> bool {
        self.needed_accommodations.iter().any(|x| x == a)
    }

    pub fn has_consent(&self, c: &str) -> bool {
        self.consents.iter().any(|x| x == c)
    }

    /// The language table's rows: what was entered, then blank rows.
    pub fn language_rows(&self) -> Vec<[String; 2]> {
        with_blanks(rows([&self.language, &self.language_level]))
    }

    pub fn wished_rows(&self) -> Vec<[String; 1]> {
        with_blanks(rows([&self.wished_occupation]))
    }

    pub fn experience_rows(&self) -> Vec<[String; 3]> {
        with_blanks(rows([
            &self.experience_occupation,
            &self.experience_years,
            &self.experience_country,
        ]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::form::BLANK_ROWS;
    use brygga_domain::registry::LanguageSkill;

    fn v(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn table_rows_become_lists_and_back() {
        let f = ParticipantForm {
            language: v(&["arabiska", "", "dari", ""]),
            language_level: v(&["C2", "", "A2", ""]),
            experience_occupation: v(&["5120 – Kockar och kallskänkor", "9111", ""]),
            experience_years: v(&["3", "1", ""]),
            experience_country: v(&["Syrien", "", ""]),
            wished_occupation: v(&["1211 – Ekonomi- och finanschefer, nivå 1", "", "9111"]),
            ..Default::default()
        };
        let d = f.to_draft();
        assert_eq!(d.languages.len(), 2, "blank rows are dropped");
        assert_eq!(
            d.languages[1],
            LanguageSkill {
                language: "dari".into(),
                level: "A2".into()
            }
        );
        assert_eq!(d.experience[0].occupation, "5120");
        assert_eq!(d.experience[0].country, "Syrien");
        assert_eq!(d.experience[1].years, "1");
        assert_eq!(
            d.wished_occupations,
            vec!["1211", "9111"],
            "a name with a comma is one occupation"
        );
        let back = ParticipantForm::from_draft(&d, 3);
        assert_eq!(back.to_draft().languages, d.languages);
        assert_eq!(back.version, "3");
        assert_eq!(back.language_rows().len(), 2 + BLANK_ROWS);
        assert_eq!(back.wished_rows().len(), 2 + BLANK_ROWS);
    }

    #[test]
    fn a_row_with_only_a_level_is_kept_so_validation_can_report_it() {
        let f = ParticipantForm {
            language: v(&[""]),
            language_level: v(&["B1"]),
            ..Default::default()
        };
        assert_eq!(
            f.to_draft().languages,
            vec![LanguageSkill {
                language: String::new(),
                level: "B1".into()
            }]
        );
    }
}
