//! Pick lists the forms share (reference data shipped with the product, and the domain's
//! closed value sets).

use std::sync::Arc;

use brygga_domain::model::{
    Accommodation, AgreementStatus, ConsentPurpose, DrivingLicence, EducationLevel,
    EligibilityStatus, PlacementStatus, Sector, TrainingStatus, Weekday,
};
use brygga_domain::refdata::{Municipality, RefData, SsykGroup};
use brygga_domain::values::{Cefr, Gender, SfiCourse};

use super::{I18n, Lang};
use crate::AppState;

#[derive(Clone)]
pub struct Lists {
    pub refdata: Arc<RefData>,
}

impl Lists {
    pub fn of(s: &AppState) -> Lists {
        Lists {
            refdata: s.refdata.clone(),
        }
    }
    pub fn municipalities(&self) -> &[Municipality] {
        &self.refdata.municipalities
    }
    pub fn occupations(&self) -> Vec<&SsykGroup> {
        self.refdata.ssyk_unit_groups().collect()
    }
    pub fn municipality_name(&self, code: &str) -> String {
        self.refdata
            .municipality(code)
            .map(|m| m.name.clone())
            .unwrap_or_else(|| code.to_string())
    }
    pub fn occupation_name(&self, code: &str, i18n: &I18n) -> String {
        match self.refdata.ssyk_group(code) {
            Some(g) if i18n.lang == Lang::En => format!("{} {}", g.code, g.name_en),
            Some(g) => format!("{} {}", g.code, g.name_sv),
            None => code.to_string(),
        }
    }
    pub fn cefr(&self) -> &'static [Cefr] {
        Cefr::ALL
    }
    pub fn sfi(&self) -> &'static [SfiCourse] {
        SfiCourse::ALL
    }
    pub fn genders(&self) -> &'static [Gender] {
        Gender::ALL
    }
    pub fn education_levels(&self) -> &'static [EducationLevel] {
        EducationLevel::ALL
    }
    pub fn licences(&self) -> &'static [DrivingLicence] {
        DrivingLicence::ALL
    }
    pub fn weekdays(&self) -> &'static [Weekday] {
        Weekday::ALL
    }
    pub fn eligibilities(&self) -> &'static [EligibilityStatus] {
        EligibilityStatus::ALL
    }
    pub fn consent_purposes(&self) -> &'static [ConsentPurpose] {
        ConsentPurpose::ALL
    }
    pub fn sectors(&self) -> &'static [Sector] {
        Sector::ALL
    }
    pub fn agreement_statuses(&self) -> &'static [AgreementStatus] {
        AgreementStatus::ALL
    }
    pub fn training_statuses(&self) -> &'static [TrainingStatus] {
        TrainingStatus::ALL
    }
    pub fn placement_statuses(&self) -> &'static [PlacementStatus] {
        PlacementStatus::ALL
    }
    pub fn accommodations(&self) -> &'static [Accommodation] {
        Accommodation::ALL
    }
}
