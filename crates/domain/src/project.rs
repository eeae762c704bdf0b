//! A programme as the project it is run as (ESF, Care Vårda): its project number, period,
//! budget and co-financing, the participants it plans for by gender, its overall goal, and the
//! sub-goals, each an indicator with a target, that its dashboard measures planned against
//! actual.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::indicator::Indicator;
use crate::text::{self, NAME_MAX, NOTE_MAX};
use crate::values::parse_date;
use crate::{FieldError, FieldErrors};

/// The largest budget or target entered.
pub const AMOUNT_MAX: i64 = 10_000_000_000;

/// The project's data as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ProjectDraft {
    pub project_number: String,
    /// `YYYY-MM-DD`, or empty.
    pub period_start: String,
    pub period_end: String,
    /// Whole kronor, or empty.
    pub budget: String,
    pub co_financing: String,
    /// Whole people, or empty.
    pub planned_women: String,
    pub planned_men: String,
    pub overall_goal: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
pub struct ProjectInput {
    pub project_number: String,
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    pub budget: Option<i64>,
    pub co_financing: Option<i64>,
    pub planned_women: Option<i64>,
    pub planned_men: Option<i64>,
    pub overall_goal: String,
}

/// A whole number from 0 to `AMOUNT_MAX`, spaces allowed between thousands; empty is none.
fn whole(errs: &mut FieldErrors, field: &'static str, s: &str) -> Option<i64> {
    let digits: String = s
        .trim()
        .trim_end_matches("kr")
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if digits.is_empty() {
        return None;
    }
    match digits.parse::<i64>() {
        Ok(n) if (0..=AMOUNT_MAX).contains(&n) => Some(n),
        _ => {
            errs.push(FieldError::new(field, "project-error-number"));
            None
        }
    }
}

fn date(errs: &mut FieldErrors, field: &'static str, s: &str) -> Option<NaiveDate> {
    if s.trim().is_empty() {
        None
    } else {
        errs.check(field, parse_date(field, s))
    }
}

impl ProjectDraft {
    pub fn validate(&self) -> Result<ProjectInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let project_number = text::collect(
            &mut errs,
            text::line("project_number", &self.project_number, NAME_MAX),
            &self.project_number,
        );
        let period_start = date(&mut errs, "period_start", &self.period_start);
        let period_end = date(&mut errs, "period_end", &self.period_end);
        if let (Some(a), Some(b)) = (period_start, period_end)
            && b < a
        {
            errs.push(FieldError::new("period_end", "project-error-period"));
        }
        let budget = whole(&mut errs, "budget", &self.budget);
        let co_financing = whole(&mut errs, "co_financing", &self.co_financing);
        if let (Some(b), Some(c)) = (budget, co_financing)
            && c > b
        {
            errs.push(FieldError::new(
                "co_financing",
                "project-error-co-financing",
            ));
        }
        let planned_women = whole(&mut errs, "planned_women", &self.planned_women);
        let planned_men = whole(&mut errs, "planned_men", &self.planned_men);
        let overall_goal = text::collect(
            &mut errs,
            text::multi_line("overall_goal", &self.overall_goal, NOTE_MAX),
            &self.overall_goal,
        );
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(ProjectInput {
            project_number,
            period_start,
            period_end,
            budget,
            co_financing,
            planned_women,
            planned_men,
            overall_goal,
        })
    }

    /// The form filled with the saved data.
    pub fn of(p: &ProjectInput) -> ProjectDraft {
        let n = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
        let d = |v: Option<NaiveDate>| v.map(|d| d.to_string()).unwrap_or_default();
        ProjectDraft {
            project_number: p.project_number.clone(),
            period_start: d(p.period_start),
            period_end: d(p.period_end),
            budget: n(p.budget),
            co_financing: n(p.co_financing),
            planned_women: n(p.planned_women),
            planned_men: n(p.planned_men),
            overall_goal: p.overall_goal.clone(),
        }
    }
}

/// A sub-goal as typed: what it says, the indicator that measures it, its target.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct GoalDraft {
    pub text: String,
    /// participants, internship_started, …, work_or_studies_month6.
    pub indicator: String,
    /// How many people, at least 1.
    pub target: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoalInput {
    pub text: String,
    pub indicator: Indicator,
    pub target: i64,
}

impl GoalDraft {
    pub fn validate(&self) -> Result<GoalInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let text = text::collect(
            &mut errs,
            text::required("text", &self.text, NOTE_MAX),
            &self.text,
        );
        let indicator = errs.check("indicator", Indicator::parse(&self.indicator));
        let target = match whole(&mut errs, "target", &self.target) {
            Some(n) if n >= 1 => Some(n),
            Some(_) => {
                errs.push(FieldError::new("target", "project-error-target"));
                None
            }
            None if errs.get("target").is_none() => {
                errs.push(FieldError::new("target", "error-required"));
                None
            }
            None => None,
        };
        match (indicator, target) {
            (Some(indicator), Some(target)) if errs.is_empty() => Ok(GoalInput {
                text,
                indicator,
                target,
            }),
            _ => Err(errs),
        }
    }
}

/// How far `actual` has come towards `target`, as a share (may pass 1).
pub fn reached(actual: u32, target: i64) -> f64 {
    if target <= 0 {
        0.0
    } else {
        f64::from(actual) / target as f64
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_project_takes_whole_numbers_and_a_period_in_order() {
        let d = ProjectDraft {
            project_number: " 2024/00123 ".into(),
            period_start: "2025-01-01".into(),
            period_end: "2027-12-31".into(),
            budget: "12 400 000 kr".into(),
            co_financing: "3 100 000".into(),
            planned_women: "60".into(),
            planned_men: "40".into(),
            overall_goal: "Fler nyanlända i arbete inom vård och omsorg.".into(),
        };
        let p = d.validate().unwrap();
        assert_eq!(p.project_number, "2024/00123");
        assert_eq!(
            (p.budget, p.co_financing),
            (Some(12_400_000), Some(3_100_000))
        );
        assert_eq!(ProjectDraft::of(&p).budget, "12400000");
        let bad = ProjectDraft {
            period_end: "2024-12-31".into(),
            co_financing: "99 000 000".into(),
            planned_men: "-4".into(),
            ..d
        };
        let e = bad.validate().unwrap_err();
        assert_eq!(
            e.get("period_end").map(|e| e.key),
            Some("project-error-period")
        );
        assert_eq!(
            e.get("co_financing").map(|e| e.key),
            Some("project-error-co-financing")
        );
        assert_eq!(
            e.get("planned_men").map(|e| e.key),
            Some("project-error-number")
        );
        assert_eq!(
            ProjectDraft::default().validate().unwrap(),
            ProjectInput::default()
        );
    }

    #[test]
    fn a_goal_needs_its_words_an_indicator_and_a_target() {
        let g = GoalDraft {
            text: "Minst 40 får arbete eller studier efter sex månader".into(),
            indicator: "work_or_studies_month6".into(),
            target: "40".into(),
        }
        .validate()
        .unwrap();
        assert_eq!(
            (g.indicator, g.target),
            (Indicator::WorkOrStudiesMonth6, 40)
        );
        let e = GoalDraft {
            text: " ".into(),
            indicator: "happiness".into(),
            target: "0".into(),
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.get("text").map(|e| e.key), Some("error-required"));
        assert_eq!(
            e.get("indicator").map(|e| e.key),
            Some("error-invalid-choice")
        );
        assert_eq!(e.get("target").map(|e| e.key), Some("project-error-target"));
        assert!((reached(30, 40) - 0.75).abs() < 1e-9);
    }
}
