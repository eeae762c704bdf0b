//! Clearance with the employment service: the eligibility confirmation (who confirmed it, when)
//! and the decision (reference, date, period, insured, compensation), as typed and as checked.

use chrono::NaiveDate;

use crate::model::Compensation;
use crate::registry::free_text;
use crate::values::{parse_date, parse_required};
use crate::{FieldError, FieldErrors};

use crate::text::{NAME_MAX as TEXT_MAX, NOTE_MAX};

/// The confirmation form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ConfirmationDraft {
    pub es_officer_name: String,
    pub es_confirmed_on: String,
    pub es_confirm_note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmationInput {
    /// The officer at the employment service who confirmed eligibility.
    pub officer_name: String,
    pub confirmed_on: NaiveDate,
    pub note: String,
}

impl ConfirmationDraft {
    /// `today` bounds the date: a confirmation cannot have been given in the future.
    pub fn validate(&self, today: NaiveDate) -> Result<ConfirmationInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let officer_name = e.check(
            "es_officer_name",
            parse_required("es_officer_name", &self.es_officer_name, TEXT_MAX),
        );
        let confirmed_on = e.check(
            "es_confirmed_on",
            parse_date("es_confirmed_on", &self.es_confirmed_on),
        );
        if confirmed_on.is_some_and(|d| d > today) {
            e.push(FieldError::new("es_confirmed_on", "error-clearance-future"));
        }
        let note = free_text(&mut e, "es_confirm_note", &self.es_confirm_note, NOTE_MAX);
        match (officer_name, confirmed_on, e.is_empty()) {
            (Some(officer_name), Some(confirmed_on), true) => Ok(ConfirmationInput {
                officer_name,
                confirmed_on,
                note,
            }),
            _ => Err(e),
        }
    }
}

/// The decision form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DecisionDraft {
    pub es_reference: String,
    pub es_decision_date: String,
    pub es_period_start: String,
    pub es_period_end: String,
    /// `yes` or `no`.
    pub es_insured: String,
    pub es_compensation: String,
    pub es_decision_note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionInput {
    /// The employment service's reference (diarienummer) for the decision.
    pub reference: String,
    pub decision_date: NaiveDate,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    /// Whether the participant is insured (arbetsskadeförsäkring) during the internship.
    pub insured: bool,
    pub compensation: Compensation,
    pub note: String,
}

impl DecisionDraft {
    pub fn validate(&self, today: NaiveDate) -> Result<DecisionInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let reference = e.check(
            "es_reference",
            parse_required("es_reference", &self.es_reference, TEXT_MAX),
        );
        let decision_date = e.check(
            "es_decision_date",
            parse_date("es_decision_date", &self.es_decision_date),
        );
        if decision_date.is_some_and(|d| d > today) {
            e.push(FieldError::new(
                "es_decision_date",
                "error-clearance-future",
            ));
        }
        let period_start = e.check(
            "es_period_start",
            parse_date("es_period_start", &self.es_period_start),
        );
        let period_end = e.check(
            "es_period_end",
            parse_date("es_period_end", &self.es_period_end),
        );
        if let (Some(s), Some(end)) = (period_start, period_end)
            && end < s
        {
            e.push(FieldError::new("es_period_end", "error-period-order"));
        }
        let insured = match self.es_insured.trim() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => {
                e.push(FieldError::new("es_insured", "error-invalid-choice"));
                None
            }
        };
        let compensation = e.check(
            "es_compensation",
            Compensation::parse(&self.es_compensation),
        );
        let note = free_text(&mut e, "es_decision_note", &self.es_decision_note, NOTE_MAX);
        match (
            reference,
            decision_date,
            period_start,
            period_end,
            insured,
            compensation,
            e.is_empty(),
        ) {
            (
                Some(reference),
                Some(decision_date),
                Some(ps),
                Some(pe),
                Some(ins),
                Some(c),
                true,
            ) => Ok(DecisionInput {
                reference,
                decision_date,
                period_start: ps,
                period_end: pe,
                insured: ins,
                compensation: c,
                note,
            }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
    }

    fn decision() -> DecisionDraft {
        DecisionDraft {
            es_reference: "Af-2026/1234".into(),
            es_decision_date: "2026-03-01".into(),
            es_period_start: "2026-03-16".into(),
            es_period_end: "2026-06-12".into(),
            es_insured: "yes".into(),
            es_compensation: "aktivitetsstod".into(),
            es_decision_note: String::new(),
        }
    }

    fn fields<T>(r: Result<T, FieldErrors>) -> Vec<(String, &'static str)> {
        r.err()
            .map(|e| e.0.into_iter().map(|e| (e.field, e.key)).collect())
            .unwrap_or_default()
    }

    #[test]
    fn a_complete_decision_is_accepted() {
        let d = decision().validate(today()).unwrap();
        assert!(d.insured);
        assert_eq!(d.compensation, Compensation::Aktivitetsstod);
        assert_eq!(d.period_end, NaiveDate::from_ymd_opt(2026, 6, 12).unwrap());
    }

    #[test]
    fn an_end_before_the_start_is_refused_at_the_end() {
        let d = DecisionDraft {
            es_period_end: "2026-03-15".into(),
            ..decision()
        };
        assert_eq!(
            fields(d.validate(today())),
            vec![("es_period_end".into(), "error-period-order")]
        );
        // The same day is a one-day period, allowed.
        let d = DecisionDraft {
            es_period_end: "2026-03-16".into(),
            ..decision()
        };
        assert!(d.validate(today()).is_ok());
    }

    #[test]
    fn every_wrong_decision_field_is_reported() {
        let d = DecisionDraft {
            es_reference: String::new(),
            es_decision_date: "2026-04-01".into(),
            es_period_start: "i morgon".into(),
            es_insured: String::new(),
            es_compensation: "pengar".into(),
            ..decision()
        };
        assert_eq!(
            fields(d.validate(today())),
            vec![
                ("es_reference".into(), "error-required"),
                ("es_decision_date".into(), "error-clearance-future"),
                ("es_period_start".into(), "error-date"),
                ("es_insured".into(), "error-invalid-choice"),
                ("es_compensation".into(), "error-invalid-choice"),
            ]
        );
    }

    #[test]
    fn a_confirmation_needs_the_officer_and_a_past_date() {
        let ok = ConfirmationDraft {
            es_officer_name: "Hedda Handläggarsdotter".into(),
            es_confirmed_on: "2026-03-10".into(),
            es_confirm_note: "Per telefon".into(),
        };
        assert_eq!(
            ok.validate(today()).unwrap().officer_name,
            "Hedda Handläggarsdotter"
        );
        let bad = ConfirmationDraft {
            es_officer_name: "  ".into(),
            es_confirmed_on: "2026-03-11".into(),
            ..ok
        };
        assert_eq!(
            fields(bad.validate(today())),
            vec![
                ("es_officer_name".into(), "error-required"),
                ("es_confirmed_on".into(), "error-clearance-future"),
            ]
        );
    }
}
