//! HTML form data: exactly what the user typed (so a form shown again loses nothing), and its
//! conversion to the domain's drafts. Multi-valued fields that are lists in the API are text
//! areas here (one language or experience per line), so the forms work without JavaScript.

use brygga_domain::FieldErrors;
use brygga_domain::registry::{
    ContactDraft, EmployerDraft, Experience, LanguageSkill, ParticipantDraft, PlacementDraft,
    SupervisorDraft, UnitDraft, split_list,
};
use serde::Deserialize;

/// Field errors as message keys, for templates.
#[derive(Debug, Clone, Default)]
pub struct Errors {
    fields: Vec<(String, &'static str)>,
    /// A message for the whole form (conflict, failed login).
    pub form: Option<&'static str>,
}

impl Errors {
    pub fn form(key: &'static str) -> Self {
        Errors {
            fields: vec![],
            form: Some(key),
        }
    }

    pub fn get(&self, field: &str) -> Option<&'static str> {
        self.fields
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, k)| *k)
    }

    pub fn has(&self, field: &str) -> bool {
        self.get(field).is_some()
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.form.is_none()
    }

    pub fn count(&self) -> usize {
        self.fields.len()
    }
}

impl From<FieldErrors> for Errors {
    fn from(e: FieldErrors) -> Self {
        let mut fields: Vec<(String, &'static str)> = vec![];
        for fe in e.0 {
            if !fields.iter().any(|(f, _)| *f == fe.field) {
                fields.push((fe.field, fe.key));
            }
        }
        Errors { fields, form: None }
    }
}

/// The first word of a pick-list value such as "5321 – Undersköterskor", i.e. the code.
fn code_of(s: &str) -> String {
    s.split_whitespace().next().unwrap_or("").to_string()
}

/// The `i`-th value of a repeated field (rows of a table), empty if the row has none.
fn cell(v: &[String], i: usize) -> String {
    v.get(i).map(|s| s.trim().to_string()).unwrap_or_default()
}

/// Rows of a table of inputs submitted as parallel repeated fields, without the blank rows.
fn rows<const N: usize>(columns: [&[String]; N]) -> Vec<[String; N]> {
    let n = columns.iter().map(|c| c.len()).max().unwrap_or(0);
    (0..n)
        .map(|i| columns.map(|c| cell(c, i)))
        .filter(|r| r.iter().any(|c| !c.is_empty()))
        .collect()
}

/// Blank rows shown below the filled ones, for adding more without JavaScript.
pub const BLANK_ROWS: usize = 2;

fn with_blanks<const N: usize>(mut r: Vec<[String; N]>) -> Vec<[String; N]> {
    r.extend((0..BLANK_ROWS).map(|_| std::array::from_fn(|_| String::new())));
    r
}

fn languages(names: &[String], levels: &[String]) -> Vec<LanguageSkill> {
    rows([names, levels])
        .into_iter()
        .map(|[language, level]| LanguageSkill { language, level })
        .collect()
}

fn unzip2(v: impl Iterator<Item = [String; 2]>) -> (Vec<String>, Vec<String>) {
    v.map(|[a, b]| (a, b)).unzip()
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ParticipantForm {
    pub version: String,
    /// The inbox interest a new participant is registered from (marked registered on save).
    pub interest_id: String,
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
    /// SSYK codes separated by commas.
    pub wished_occupations: String,
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
            wished_occupations: self
                .wished_occupations
                .split(',')
                .map(code_of)
                .filter(|c| !c.is_empty())
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
            interest_id: String::new(),
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
            wished_occupations: d.wished_occupations.join(", "),
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

    pub fn experience_rows(&self) -> Vec<[String; 3]> {
        with_blanks(rows([
            &self.experience_occupation,
            &self.experience_years,
            &self.experience_country,
        ]))
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct EmployerForm {
    pub version: String,
    pub name: String,
    pub org_number: String,
    pub sector: String,
    pub agreement_status: String,
    pub agreement_date: String,
    pub notes: String,
    /// Units (workplaces): rows of name, address, municipality.
    pub unit_name: Vec<String>,
    pub unit_address: Vec<String>,
    pub unit_municipality: Vec<String>,
    /// Contact persons: rows of name, title, email, phone.
    pub contact_name: Vec<String>,
    pub contact_title: Vec<String>,
    pub contact_email: Vec<String>,
    pub contact_phone: Vec<String>,
    /// Supervisors: rows of name, email, phone, training status.
    pub supervisor_name: Vec<String>,
    pub supervisor_email: Vec<String>,
    pub supervisor_phone: Vec<String>,
    pub supervisor_training: Vec<String>,
}

impl EmployerForm {
    fn units(&self) -> Vec<[String; 3]> {
        rows([&self.unit_name, &self.unit_address, &self.unit_municipality])
    }

    fn contacts(&self) -> Vec<[String; 4]> {
        rows([
            &self.contact_name,
            &self.contact_title,
            &self.contact_email,
            &self.contact_phone,
        ])
    }

    fn supervisors(&self) -> Vec<[String; 4]> {
        rows([
            &self.supervisor_name,
            &self.supervisor_email,
            &self.supervisor_phone,
            &self.supervisor_training,
        ])
    }

    pub fn unit_rows(&self) -> Vec<[String; 3]> {
        with_blanks(self.units())
    }

    pub fn contact_rows(&self) -> Vec<[String; 4]> {
        with_blanks(self.contacts())
    }

    pub fn supervisor_rows(&self) -> Vec<[String; 4]> {
        with_blanks(self.supervisors())
    }

    pub fn to_draft(&self) -> EmployerDraft {
        EmployerDraft {
            name: self.name.clone(),
            org_number: self.org_number.clone(),
            sector: self.sector.clone(),
            agreement_status: self.agreement_status.clone(),
            agreement_date: self.agreement_date.clone(),
            notes: self.notes.clone(),
            units: self
                .units()
                .into_iter()
                .map(|[name, address, municipality]| UnitDraft {
                    name,
                    address,
                    municipality_code: code_of(&municipality),
                })
                .collect(),
            contacts: self
                .contacts()
                .into_iter()
                .map(|[name, title, email, phone]| ContactDraft {
                    name,
                    title,
                    email,
                    phone,
                })
                .collect(),
            supervisors: self
                .supervisors()
                .into_iter()
                .map(|[name, email, phone, training_status]| SupervisorDraft {
                    name,
                    email,
                    phone,
                    training_status,
                })
                .collect(),
        }
    }

    pub fn from_draft(d: &EmployerDraft, version: i32) -> Self {
        let mut f = EmployerForm {
            version: version.to_string(),
            name: d.name.clone(),
            org_number: d.org_number.clone(),
            sector: d.sector.clone(),
            agreement_status: d.agreement_status.clone(),
            agreement_date: d.agreement_date.clone(),
            notes: d.notes.clone(),
            ..Default::default()
        };
        for u in &d.units {
            f.unit_name.push(u.name.clone());
            f.unit_address.push(u.address.clone());
            f.unit_municipality.push(u.municipality_code.clone());
        }
        for c in &d.contacts {
            f.contact_name.push(c.name.clone());
            f.contact_title.push(c.title.clone());
            f.contact_email.push(c.email.clone());
            f.contact_phone.push(c.phone.clone());
        }
        for x in &d.supervisors {
            f.supervisor_name.push(x.name.clone());
            f.supervisor_email.push(x.email.clone());
            f.supervisor_phone.push(x.phone.clone());
            f.supervisor_training.push(x.training_status.clone());
        }
        f
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PlacementForm {
    pub version: String,
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

#[cfg(test)]
mod tests {
    use super::*;

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
            wished_occupations: "5120 – Kockar och kallskänkor, 9111".into(),
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
        assert_eq!(d.wished_occupations, vec!["5120", "9111"]);
        let back = ParticipantForm::from_draft(&d, 3);
        assert_eq!(back.to_draft().languages, d.languages);
        assert_eq!(back.version, "3");
        assert_eq!(back.language_rows().len(), 2 + BLANK_ROWS);
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

    #[test]
    fn employer_rows_take_the_municipality_code_from_the_pick_list() {
        let f = EmployerForm {
            unit_name: v(&["Kök", ""]),
            unit_address: v(&["Storgatan 1", ""]),
            unit_municipality: v(&["1480 – Göteborg", ""]),
            supervisor_name: v(&["Sam"]),
            supervisor_training: v(&["booked"]),
            ..Default::default()
        };
        let d = f.to_draft();
        assert_eq!(d.units.len(), 1);
        assert_eq!(d.units[0].municipality_code, "1480");
        assert_eq!(d.supervisors[0].training_status, "booked");
        assert_eq!(EmployerForm::from_draft(&d, 1).to_draft(), d);
    }
}
