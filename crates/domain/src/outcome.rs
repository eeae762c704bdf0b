//! Outcomes: what a participant does after leaving the programme, recorded at the follow-up
//! points counted from the day she left — at leaving, within four weeks (ESF's immediate
//! result), after three and six months (the longer-term result) — each with its source (the
//! coordinator at leaving, a call, her own answer to the survey) and date. At leaving, the
//! employer's hiring decision is recorded with it. These records feed the impact measurement,
//! the socio-economic calculation and the project's reports.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::str_enum;
use crate::text::{self, NOTE_MAX};
use crate::values::parse_date;
use crate::{FieldError, FieldErrors};

str_enum!(
    /// Where she stands: a job and its kind, studies and their kind, seeking work, or other.
    OutcomeStatus, "outcome-status" {
        JobRegular = "job_regular",
        JobNystartsjobb = "job_nystartsjobb",
        JobIntroduktionsjobb = "job_introduktionsjobb",
        JobLonebidrag = "job_lonebidrag",
        JobSubsidisedOther = "job_subsidised_other",
        StudiesSfi = "studies_sfi",
        StudiesKomvux = "studies_komvux",
        StudiesVocational = "studies_vocational",
        StudiesHigher = "studies_higher",
        Seeking = "seeking",
        Other = "other",
    }
);

/// The groups the reports count by (ESF: in work, in studies, seeking work, other).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeGroup {
    Work,
    Studies,
    Seeking,
    Other,
}

impl OutcomeStatus {
    pub fn group(self) -> OutcomeGroup {
        use OutcomeStatus::*;
        match self {
            JobRegular | JobNystartsjobb | JobIntroduktionsjobb | JobLonebidrag
            | JobSubsidisedOther => OutcomeGroup::Work,
            StudiesSfi | StudiesKomvux | StudiesVocational | StudiesHigher => OutcomeGroup::Studies,
            Seeking => OutcomeGroup::Seeking,
            Other => OutcomeGroup::Other,
        }
    }
}

str_enum!(
    /// The follow-up points, counted from the day she left.
    FollowUpPoint, "outcome-point" {
        Exit = "exit",
        Week4 = "week4",
        Month3 = "month3",
        Month6 = "month6",
    }
);

impl FollowUpPoint {
    /// The day the point falls due for someone who left on `left_on`.
    pub fn due(self, left_on: NaiveDate) -> NaiveDate {
        match self {
            FollowUpPoint::Exit => left_on,
            FollowUpPoint::Week4 => left_on + chrono::Duration::days(28),
            FollowUpPoint::Month3 => left_on
                .checked_add_months(Months::new(3))
                .unwrap_or(left_on),
            FollowUpPoint::Month6 => left_on
                .checked_add_months(Months::new(6))
                .unwrap_or(left_on),
        }
    }
}

str_enum!(
    /// Where an outcome comes from: the coordinator at the leaving (she knows it first hand),
    /// the coordinator's call at a follow-up point, or her own answer to the follow-up survey.
    OutcomeSource, "outcome-source" {
        Coordinator = "coordinator",
        Call = "call",
        Survey = "survey",
    }
);

str_enum!(
    /// The employer's decision about hiring her after the internship.
    HireDecision, "outcome-hire" {
        Hired = "hired",
        Later = "later",
        NotHired = "not_hired",
        NotAsked = "not_asked",
    }
);

/// An outcome as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct OutcomeDraft {
    /// exit, week4, month3 or month6.
    pub point: String,
    /// job_regular, job_nystartsjobb, …, seeking or other.
    pub status: String,
    /// coordinator, call or survey.
    pub source: String,
    /// `YYYY-MM-DD`: when it was learned (today or earlier).
    pub recorded_on: String,
    /// At leaving: hired, later, not_hired or not_asked (empty at the other points).
    pub hire: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutcomeInput {
    pub point: FollowUpPoint,
    pub status: OutcomeStatus,
    pub source: OutcomeSource,
    pub recorded_on: NaiveDate,
    pub hire: Option<HireDecision>,
    pub note: String,
}

impl OutcomeDraft {
    /// A point, a status, a source, a date no later than today and not before she left, and at
    /// leaving the employer's hiring decision.
    pub fn validate(
        &self,
        today: NaiveDate,
        left_on: NaiveDate,
    ) -> Result<OutcomeInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let point = errs.check("point", FollowUpPoint::parse(&self.point));
        let status = errs.check("status", OutcomeStatus::parse(&self.status));
        let source = errs.check("source", OutcomeSource::parse(&self.source));
        let recorded_on = errs.check("recorded_on", parse_date("recorded_on", &self.recorded_on));
        match recorded_on {
            Some(d) if d > today => {
                errs.push(FieldError::new("recorded_on", "outcome-error-future"))
            }
            // An answer about the time after leaving cannot come before it (a week's leeway for
            // a leaving recorded late).
            Some(d) if d < left_on - chrono::Duration::days(7) => {
                errs.push(FieldError::new("recorded_on", "outcome-error-before-exit"))
            }
            _ => {}
        }
        let hire = match (point, self.hire.trim()) {
            (Some(FollowUpPoint::Exit), "") => {
                errs.push(FieldError::new("hire", "error-required"));
                None
            }
            (Some(FollowUpPoint::Exit), h) => errs.check("hire", HireDecision::parse(h)),
            _ => None,
        };
        let note = text::collect(
            &mut errs,
            text::multi_line("note", &self.note, NOTE_MAX),
            &self.note,
        );
        match (point, status, source, recorded_on) {
            (Some(point), Some(status), Some(source), Some(recorded_on)) if errs.is_empty() => {
                Ok(OutcomeInput {
                    point,
                    status,
                    source,
                    recorded_on,
                    hire,
                    note,
                })
            }
            _ => Err(errs),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_follow_up_points_fall_from_the_day_she_left() {
        let left = day("2026-08-31");
        assert_eq!(FollowUpPoint::Exit.due(left), left);
        assert_eq!(FollowUpPoint::Week4.due(left), day("2026-09-28"));
        // The end of a month stays the end of a shorter one.
        assert_eq!(FollowUpPoint::Month3.due(left), day("2026-11-30"));
        assert_eq!(FollowUpPoint::Month6.due(left), day("2027-02-28"));
    }

    #[test]
    fn statuses_group_as_the_reports_count_them() {
        assert_eq!(OutcomeStatus::JobLonebidrag.group(), OutcomeGroup::Work);
        assert_eq!(OutcomeStatus::StudiesKomvux.group(), OutcomeGroup::Studies);
        assert_eq!(OutcomeStatus::Seeking.group(), OutcomeGroup::Seeking);
        assert_eq!(OutcomeStatus::ALL.len(), 11);
    }

    #[test]
    fn an_outcome_needs_its_point_status_source_and_a_sensible_date() {
        let today = day("2026-12-03");
        let left = day("2026-10-30");
        let d = |point: &str, on: &str, hire: &str| OutcomeDraft {
            point: point.into(),
            status: "job_nystartsjobb".into(),
            source: "call".into(),
            recorded_on: on.into(),
            hire: hire.into(),
            note: " Anställd på hemtjänsten ".into(),
        };
        let ok = d("week4", "2026-11-27", "").validate(today, left).unwrap();
        assert_eq!(ok.point, FollowUpPoint::Week4);
        assert_eq!(ok.hire, None);
        assert_eq!(ok.note, "Anställd på hemtjänsten");
        let at_exit = d("exit", "2026-10-30", "hired")
            .validate(today, left)
            .unwrap();
        assert_eq!(at_exit.hire, Some(HireDecision::Hired));
        let e = d("exit", "2026-12-04", "")
            .validate(today, left)
            .unwrap_err();
        assert_eq!(
            e.get("recorded_on").map(|e| e.key),
            Some("outcome-error-future")
        );
        assert_eq!(e.get("hire").map(|e| e.key), Some("error-required"));
        let e = d("month3", "2026-09-01", "")
            .validate(today, left)
            .unwrap_err();
        assert_eq!(
            e.get("recorded_on").map(|e| e.key),
            Some("outcome-error-before-exit")
        );
        let mut bad = d("year1", "x", "");
        bad.status = "rich".into();
        bad.source = "rumour".into();
        let e = bad.validate(today, left).unwrap_err();
        for f in ["point", "status", "source", "recorded_on"] {
            assert!(e.get(f).is_some(), "{f}");
        }
    }
}
