//! Registry records as they come in (drafts: everything a user typed, as text) and as they are
//! stored once validated (inputs). A draft is validated in one go so that every wrong field is
//! reported at once and nothing the user typed is lost.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::ids::{Email, OrgNumber, Personnummer, Phone};
use crate::model::{
    Accommodation, AgreementStatus, ConsentPurpose, DrivingLicence, EducationLevel,
    EligibilityStatus, PlacementStatus, Sector, TrainingStatus, Weekday,
};
use crate::refdata::RefData;
use crate::values::{Cefr, Gender, SfiCourse, parse_date, parse_int_range, parse_required};
use crate::{FieldError, FieldErrors};

use crate::text::{NAME_MAX, TEXT_MAX, WORD_MAX};

pub(crate) fn optional<T>(
    errs: &mut FieldErrors,
    field: &str,
    s: &str,
    parse: impl FnOnce(&str) -> Result<T, FieldError>,
) -> Option<T> {
    if s.trim().is_empty() {
        None
    } else {
        errs.check(field, parse(s))
    }
}

/// Trimmed optional text that may hold line breaks; the limit applies to what is kept, as in
/// `parse_required`. On an error the text is kept (for the form) and the error remembered.
pub(crate) fn free_text(errs: &mut FieldErrors, field: &str, s: &str, max: usize) -> String {
    crate::text::collect(errs, crate::text::multi_line(field, s, max), s)
}

/// Trimmed optional text on one line (an address, a title, a country).
pub(crate) fn one_line(errs: &mut FieldErrors, field: &str, s: &str, max: usize) -> String {
    crate::text::collect(errs, crate::text::line(field, s, max), s)
}

/// Free words (skills) as `split_list` gives them, each one line of at most `WORD_MAX`.
fn words(errs: &mut FieldErrors, field: &str, items: &[String]) -> Vec<String> {
    let words: Vec<String> = items.iter().flat_map(|s| split_list(s)).collect();
    for w in &words {
        if let Err(e) = crate::text::line(field, w, WORD_MAX) {
            errs.push(e);
            break;
        }
    }
    words
}

/// Comma-separated free words (skills), trimmed, empty items dropped, duplicates removed.
pub fn split_list(s: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    for item in s
        .split([',', '\n'])
        .map(str::trim)
        .filter(|i| !i.is_empty())
    {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(item)) {
            out.push(item.to_string());
        }
    }
    out
}

fn each<T, P: Fn(&str) -> Result<T, FieldError>>(
    errs: &mut FieldErrors,
    field: &str,
    items: &[String],
    parse: P,
) -> Vec<T> {
    items
        .iter()
        .filter(|s| !s.trim().is_empty())
        .filter_map(|s| errs.check(field, parse(s)))
        .collect()
}

// ---------------------------------------------------------------- participants

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LanguageSkill {
    pub language: String,
    pub level: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Experience {
    /// SSYK 2012 unit group.
    pub occupation: String,
    pub years: String,
    pub country: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Consent {
    pub purpose: ConsentPurpose,
    pub given_at: chrono::DateTime<chrono::Utc>,
    pub withdrawn_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// A participant as typed in a form or sent to the API.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ParticipantDraft {
    pub programme_id: String,
    pub cohort_id: String,
    pub first_name: String,
    pub last_name: String,
    /// Personnummer or samordningsnummer; optional.
    pub personnummer: String,
    pub email: String,
    pub phone: String,
    /// Municipality code (4 digits).
    pub municipality_code: String,
    pub gender: String,
    pub birth_year: String,
    /// CEFR level in Swedish, empty if not assessed.
    pub swedish_level: String,
    pub languages: Vec<LanguageSkill>,
    /// SFI course A–D, empty if none.
    pub sfi_level: String,
    pub education_level: String,
    pub education_field: String,
    pub education_country: String,
    pub experience: Vec<Experience>,
    pub skills: Vec<String>,
    /// SSYK 2012 unit groups.
    pub wished_occupations: Vec<String>,
    pub available_days: Vec<String>,
    pub max_commute_km: String,
    pub driving_licence: String,
    pub special_needs: String,
    /// Accommodations the participant needs at a workplace (special-category data, like
    /// special needs: coordinators and admins only).
    pub needed_accommodations: Vec<String>,
    pub eligibility: String,
    /// Purposes the participant has consented to (and not withdrawn).
    pub consents: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LanguageLevel {
    pub language: String,
    pub level: Cefr,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct WorkExperience {
    pub occupation: String,
    pub years: u8,
    pub country: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParticipantInput {
    pub programme_id: i32,
    pub cohort_id: Option<i32>,
    pub first_name: String,
    pub last_name: String,
    pub personnummer: Option<Personnummer>,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    pub municipality_code: String,
    pub gender: Gender,
    pub birth_year: i32,
    pub swedish_level: Option<Cefr>,
    pub languages: Vec<LanguageLevel>,
    pub sfi_level: Option<SfiCourse>,
    pub education_level: EducationLevel,
    pub education_field: String,
    pub education_country: String,
    pub experience: Vec<WorkExperience>,
    pub skills: Vec<String>,
    pub wished_occupations: Vec<String>,
    pub available_days: Vec<Weekday>,
    pub max_commute_km: i32,
    pub driving_licence: DrivingLicence,
    pub special_needs: String,
    pub needed_accommodations: Vec<Accommodation>,
    pub eligibility: EligibilityStatus,
    pub consents: Vec<ConsentPurpose>,
}

fn parse_id(field: &str, s: &str) -> Result<i32, FieldError> {
    s.trim()
        .parse::<i32>()
        .ok()
        .filter(|v| *v > 0)
        .ok_or_else(|| FieldError::new(field, "error-invalid-choice"))
}

impl ParticipantDraft {
    pub fn validate(
        &self,
        refdata: &RefData,
        today: NaiveDate,
    ) -> Result<ParticipantInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let programme_id = e.check("programme_id", parse_id("programme_id", &self.programme_id));
        let cohort_id = optional(&mut e, "cohort_id", &self.cohort_id, |s| {
            parse_id("cohort_id", s)
        });
        let first_name = e.check(
            "first_name",
            parse_required("first_name", &self.first_name, NAME_MAX),
        );
        let last_name = e.check(
            "last_name",
            parse_required("last_name", &self.last_name, NAME_MAX),
        );
        let personnummer = optional(&mut e, "personnummer", &self.personnummer, |s| {
            Personnummer::parse_at(s, today)
        });
        let email = optional(&mut e, "email", &self.email, Email::parse);
        let phone = optional(&mut e, "phone", &self.phone, Phone::parse);
        let municipality_code = e.check(
            "municipality_code",
            refdata.parse_municipality("municipality_code", &self.municipality_code),
        );
        let gender = if self.gender.trim().is_empty() {
            Some(Gender::Unspecified)
        } else {
            e.check("gender", Gender::parse(&self.gender))
        };
        // The birth year follows from a personnummer; otherwise it must be given.
        let birth_year = match (&personnummer, self.birth_year.trim()) {
            (Some(p), "") => Some(p.birth_year()),
            // A wrong personnummer is reported on its own field; it would give the year.
            (None, "") if !self.personnummer.trim().is_empty() => None,
            (None, "") => {
                e.push(FieldError::new("birth_year", "error-required"));
                None
            }
            (_, s) => e.check(
                "birth_year",
                parse_int_range("birth_year", s, 1900, i64::from(today.year())).map(|y| y as i32),
            ),
        };
        if let (Some(p), Some(y)) = (&personnummer, birth_year)
            && p.birth_year() != y
        {
            e.push(FieldError::new("birth_year", "error-birth-year-mismatch"));
        }
        let swedish_level = optional(&mut e, "swedish_level", &self.swedish_level, Cefr::parse);
        let mut languages = vec![];
        for l in self
            .languages
            .iter()
            .filter(|l| !(l.language.trim().is_empty() && l.level.trim().is_empty()))
        {
            let language = e.check(
                "languages",
                parse_required("languages", &l.language, WORD_MAX),
            );
            let level = e.check(
                "languages",
                Cefr::parse(&l.level)
                    .map_err(|_| FieldError::new("languages", "error-language-level")),
            );
            if let (Some(language), Some(level)) = (language, level) {
                languages.push(LanguageLevel { language, level });
            }
        }
        let sfi_level = optional(&mut e, "sfi_level", &self.sfi_level, SfiCourse::parse);
        let education_level = if self.education_level.trim().is_empty() {
            Some(EducationLevel::None)
        } else {
            e.check(
                "education_level",
                EducationLevel::parse(&self.education_level),
            )
        };
        let education_field = one_line(&mut e, "education_field", &self.education_field, NAME_MAX);
        let education_country = one_line(
            &mut e,
            "education_country",
            &self.education_country,
            NAME_MAX,
        );
        let mut experience = vec![];
        // A row with anything typed in it is checked, so that nothing typed is dropped unseen.
        for x in self.experience.iter().filter(|x| {
            !(x.occupation.trim().is_empty()
                && x.years.trim().is_empty()
                && x.country.trim().is_empty())
        }) {
            let occupation = e.check(
                "experience",
                refdata.parse_occupation("experience", &x.occupation),
            );
            let years = e.check("experience", parse_int_range("experience", &x.years, 0, 60));
            let country = one_line(&mut e, "experience", &x.country, NAME_MAX);
            if let (Some(occupation), Some(years)) = (occupation, years) {
                experience.push(WorkExperience {
                    occupation,
                    years: years as u8,
                    country,
                });
            }
        }
        let skills = words(&mut e, "skills", &self.skills);
        let wished_occupations = each(
            &mut e,
            "wished_occupations",
            &self.wished_occupations,
            |s| refdata.parse_occupation("wished_occupations", s),
        );
        let available_days = each(
            &mut e,
            "available_days",
            &self.available_days,
            Weekday::parse,
        );
        let max_commute_km = if self.max_commute_km.trim().is_empty() {
            Some(30)
        } else {
            e.check(
                "max_commute_km",
                parse_int_range("max_commute_km", &self.max_commute_km, 0, 500).map(|v| v as i32),
            )
        };
        let driving_licence = if self.driving_licence.trim().is_empty() {
            Some(DrivingLicence::None)
        } else {
            e.check(
                "driving_licence",
                DrivingLicence::parse(&self.driving_licence),
            )
        };
        let special_needs = free_text(&mut e, "special_needs", &self.special_needs, TEXT_MAX);
        let needed_accommodations = each(
            &mut e,
            "needed_accommodations",
            &self.needed_accommodations,
            Accommodation::parse,
        );
        let eligibility = if self.eligibility.trim().is_empty() {
            Some(EligibilityStatus::Unknown)
        } else {
            e.check("eligibility", EligibilityStatus::parse(&self.eligibility))
        };
        let consents = each(&mut e, "consents", &self.consents, ConsentPurpose::parse);

        match (
            programme_id,
            first_name,
            last_name,
            municipality_code,
            gender,
            birth_year,
            education_level,
            max_commute_km,
            driving_licence,
            eligibility,
        ) {
            (
                Some(programme_id),
                Some(first_name),
                Some(last_name),
                Some(municipality_code),
                Some(gender),
                Some(birth_year),
                Some(education_level),
                Some(max_commute_km),
                Some(driving_licence),
                Some(eligibility),
            ) if e.is_empty() => Ok(ParticipantInput {
                programme_id,
                cohort_id,
                first_name,
                last_name,
                personnummer,
                email,
                phone,
                municipality_code,
                gender,
                birth_year,
                swedish_level,
                languages,
                sfi_level,
                education_level,
                education_field,
                education_country,
                experience,
                skills,
                wished_occupations,
                available_days,
                max_commute_km,
                driving_licence,
                special_needs,
                needed_accommodations,
                eligibility,
                consents,
            }),
            _ => Err(e),
        }
    }
}

// ---------------------------------------------------------------- employers

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct UnitDraft {
    /// The row's id when it exists already (a hidden field): an edit keeps the row, so a
    /// renamed supervisor stays linked to interns, agreements and their login. Empty for a new
    /// row.
    pub id: String,
    pub name: String,
    pub address: String,
    pub municipality_code: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ContactDraft {
    /// The row's id when it exists already (a hidden field): an edit keeps the row, so a
    /// renamed supervisor stays linked to interns, agreements and their login. Empty for a new
    /// row.
    pub id: String,
    pub name: String,
    pub title: String,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct SupervisorDraft {
    /// The row's id when it exists already (a hidden field): an edit keeps the row, so a
    /// renamed supervisor stays linked to interns, agreements and their login. Empty for a new
    /// row.
    pub id: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub training_status: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct EmployerDraft {
    pub name: String,
    pub org_number: String,
    pub sector: String,
    pub agreement_status: String,
    /// ISO date (YYYY-MM-DD) the collaboration agreement was signed.
    pub agreement_date: String,
    pub notes: String,
    pub units: Vec<UnitDraft>,
    pub contacts: Vec<ContactDraft>,
    pub supervisors: Vec<SupervisorDraft>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    /// The existing row this is (see the draft's `id`); `None` for a new row.
    pub id: Option<i32>,
    pub name: String,
    pub address: String,
    pub municipality_code: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    /// The existing row this is (see the draft's `id`); `None` for a new row.
    pub id: Option<i32>,
    pub name: String,
    pub title: String,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupervisorInput {
    /// The existing row this is (see the draft's `id`); `None` for a new row.
    pub id: Option<i32>,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub training_status: TrainingStatus,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EmployerInput {
    pub name: String,
    pub org_number: OrgNumber,
    pub sector: Sector,
    pub agreement_status: AgreementStatus,
    pub agreement_date: Option<NaiveDate>,
    pub notes: String,
    pub units: Vec<Unit>,
    pub contacts: Vec<Contact>,
    pub supervisors: Vec<SupervisorInput>,
}

/// A row's hidden id as typed: a positive number, or a new row (an id that is not one of the
/// employer's rows is a new row too; the store decides).
fn row_id(typed: &str) -> Option<i32> {
    typed.trim().parse::<i32>().ok().filter(|id| *id > 0)
}

fn opt_string<T: AsRef<str>>(
    e: &mut FieldErrors,
    field: &str,
    s: &str,
    p: impl FnOnce(&str) -> Result<T, FieldError>,
) -> String {
    optional(e, field, s, p)
        .map(|v| v.as_ref().to_string())
        .unwrap_or_default()
}

impl EmployerDraft {
    pub fn validate(
        &self,
        refdata: &RefData,
        today: NaiveDate,
    ) -> Result<EmployerInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let name = e.check("name", parse_required("name", &self.name, NAME_MAX));
        let org_number = e.check("org_number", OrgNumber::parse_at(&self.org_number, today));
        let sector = e.check("sector", Sector::parse(&self.sector));
        let agreement_status = if self.agreement_status.trim().is_empty() {
            Some(AgreementStatus::None)
        } else {
            e.check(
                "agreement_status",
                AgreementStatus::parse(&self.agreement_status),
            )
        };
        let agreement_date = optional(&mut e, "agreement_date", &self.agreement_date, |s| {
            parse_date("agreement_date", s)
        });
        if agreement_status == Some(AgreementStatus::Signed)
            && agreement_date.is_none()
            && e.get("agreement_date").is_none()
        {
            e.push(FieldError::new("agreement_date", "error-required"));
        }
        let notes = free_text(&mut e, "notes", &self.notes, TEXT_MAX);
        let mut units = vec![];
        for u in self.units.iter().filter(|u| {
            !(u.name.trim().is_empty()
                && u.address.trim().is_empty()
                && u.municipality_code.trim().is_empty())
        }) {
            let name = e.check("units", parse_required("units", &u.name, NAME_MAX));
            let address = one_line(&mut e, "units", &u.address, NAME_MAX);
            let municipality_code = e.check(
                "units",
                refdata.parse_municipality("units", &u.municipality_code),
            );
            if let (Some(name), Some(municipality_code)) = (name, municipality_code) {
                units.push(Unit {
                    id: row_id(&u.id),
                    name,
                    address,
                    municipality_code,
                });
            }
        }
        let mut contacts = vec![];
        for c in self.contacts.iter().filter(|c| {
            !(c.name.trim().is_empty()
                && c.title.trim().is_empty()
                && c.email.trim().is_empty()
                && c.phone.trim().is_empty())
        }) {
            let name = e.check("contacts", parse_required("contacts", &c.name, NAME_MAX));
            let title = one_line(&mut e, "contacts", &c.title, NAME_MAX);
            let email = opt_string(&mut e, "contacts", &c.email, Email::parse);
            let phone = opt_string(&mut e, "contacts", &c.phone, Phone::parse);
            if let Some(name) = name {
                contacts.push(Contact {
                    id: row_id(&c.id),
                    name,
                    title,
                    email,
                    phone,
                });
            }
        }
        let mut supervisors = vec![];
        // The training status alone does not count: the form's select always sends one.
        for s in self.supervisors.iter().filter(|s| {
            !(s.name.trim().is_empty() && s.email.trim().is_empty() && s.phone.trim().is_empty())
        }) {
            let name = e.check(
                "supervisors",
                parse_required("supervisors", &s.name, NAME_MAX),
            );
            let email = opt_string(&mut e, "supervisors", &s.email, Email::parse);
            let phone = opt_string(&mut e, "supervisors", &s.phone, Phone::parse);
            let training_status = if s.training_status.trim().is_empty() {
                Some(TrainingStatus::NotStarted)
            } else {
                e.check("supervisors", TrainingStatus::parse(&s.training_status))
            };
            if let (Some(name), Some(training_status)) = (name, training_status) {
                supervisors.push(SupervisorInput {
                    id: row_id(&s.id),
                    name,
                    email,
                    phone,
                    training_status,
                });
            }
        }
        match (name, org_number, sector, agreement_status) {
            (Some(name), Some(org_number), Some(sector), Some(agreement_status))
                if e.is_empty() =>
            {
                Ok(EmployerInput {
                    name,
                    org_number,
                    sector,
                    agreement_status,
                    agreement_date,
                    notes,
                    units,
                    contacts,
                    supervisors,
                })
            }
            _ => Err(e),
        }
    }
}

// ---------------------------------------------------------------- placements

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct PlacementDraft {
    pub employer_id: String,
    pub title: String,
    /// SSYK 2012 unit group (4 digits).
    pub ssyk_code: String,
    pub tasks: String,
    pub required_skills: Vec<String>,
    pub desired_skills: Vec<String>,
    /// Minimum CEFR level in Swedish (A1–C2).
    pub min_swedish: String,
    pub other_languages: Vec<LanguageSkill>,
    pub education_level: String,
    pub driving_licence: String,
    pub days_per_week: String,
    pub hours_per_week: String,
    pub municipality_code: String,
    pub address: String,
    /// ISO date.
    pub period_start: String,
    /// ISO date.
    pub period_end: String,
    pub places: String,
    pub accommodations: Vec<String>,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlacementInput {
    pub employer_id: i32,
    pub title: String,
    pub ssyk_code: String,
    pub tasks: String,
    pub required_skills: Vec<String>,
    pub desired_skills: Vec<String>,
    pub min_swedish: Cefr,
    pub other_languages: Vec<LanguageLevel>,
    pub education_level: EducationLevel,
    pub driving_licence: DrivingLicence,
    pub days_per_week: i32,
    pub hours_per_week: i32,
    pub municipality_code: String,
    pub address: String,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub places: i32,
    pub accommodations: Vec<Accommodation>,
    pub status: PlacementStatus,
}

impl PlacementDraft {
    pub fn validate(&self, refdata: &RefData) -> Result<PlacementInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let employer_id = e.check("employer_id", parse_id("employer_id", &self.employer_id));
        let title = e.check("title", parse_required("title", &self.title, NAME_MAX));
        let ssyk_code = e.check(
            "ssyk_code",
            refdata.parse_occupation("ssyk_code", &self.ssyk_code),
        );
        let tasks = free_text(&mut e, "tasks", &self.tasks, TEXT_MAX);
        let required_skills = words(&mut e, "required_skills", &self.required_skills);
        let desired_skills = words(&mut e, "desired_skills", &self.desired_skills);
        let min_swedish = e.check("min_swedish", Cefr::parse(&self.min_swedish));
        let mut other_languages = vec![];
        for l in self
            .other_languages
            .iter()
            .filter(|l| !(l.language.trim().is_empty() && l.level.trim().is_empty()))
        {
            let language = e.check(
                "other_languages",
                parse_required("other_languages", &l.language, WORD_MAX),
            );
            let level = e.check(
                "other_languages",
                Cefr::parse(&l.level)
                    .map_err(|_| FieldError::new("other_languages", "error-language-level")),
            );
            if let (Some(language), Some(level)) = (language, level) {
                other_languages.push(LanguageLevel { language, level });
            }
        }
        let education_level = if self.education_level.trim().is_empty() {
            Some(EducationLevel::None)
        } else {
            e.check(
                "education_level",
                EducationLevel::parse(&self.education_level),
            )
        };
        let driving_licence = if self.driving_licence.trim().is_empty() {
            Some(DrivingLicence::None)
        } else {
            e.check(
                "driving_licence",
                DrivingLicence::parse(&self.driving_licence),
            )
        };
        let days_per_week = e.check(
            "days_per_week",
            parse_int_range("days_per_week", &self.days_per_week, 1, 7).map(|v| v as i32),
        );
        let hours_per_week = e.check(
            "hours_per_week",
            parse_int_range("hours_per_week", &self.hours_per_week, 1, 60).map(|v| v as i32),
        );
        let municipality_code = e.check(
            "municipality_code",
            refdata.parse_municipality("municipality_code", &self.municipality_code),
        );
        let address = one_line(&mut e, "address", &self.address, NAME_MAX);
        let period_start = e.check(
            "period_start",
            parse_date("period_start", &self.period_start),
        );
        let period_end = e.check("period_end", parse_date("period_end", &self.period_end));
        if let (Some(s), Some(en)) = (period_start, period_end)
            && en < s
        {
            e.push(FieldError::new("period_end", "error-period-order"));
        }
        let places = e.check(
            "places",
            parse_int_range("places", &self.places, 1, 100).map(|v| v as i32),
        );
        let accommodations = each(
            &mut e,
            "accommodations",
            &self.accommodations,
            Accommodation::parse,
        );
        let status = if self.status.trim().is_empty() {
            Some(PlacementStatus::Draft)
        } else {
            e.check("status", PlacementStatus::parse(&self.status))
        };
        match (
            employer_id,
            title,
            ssyk_code,
            min_swedish,
            education_level,
            driving_licence,
            days_per_week,
            hours_per_week,
            municipality_code,
            period_start,
            period_end,
            places,
            status,
        ) {
            (
                Some(employer_id),
                Some(title),
                Some(ssyk_code),
                Some(min_swedish),
                Some(education_level),
                Some(driving_licence),
                Some(days_per_week),
                Some(hours_per_week),
                Some(municipality_code),
                Some(period_start),
                Some(period_end),
                Some(places),
                Some(status),
            ) if e.is_empty() => Ok(PlacementInput {
                employer_id,
                title,
                ssyk_code,
                tasks,
                required_skills,
                desired_skills,
                min_swedish,
                other_languages,
                education_level,
                driving_licence,
                days_per_week,
                hours_per_week,
                municipality_code,
                address,
                period_start,
                period_end,
                places,
                accommodations,
                status,
            }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests;
