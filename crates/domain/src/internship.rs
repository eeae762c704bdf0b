//! The internship: a participant placed at a placement with a supervisor for a period, a number
//! of days a week; it ends with a reason and is never deleted. No I/O: the store checks what
//! needs the records (the placement's days, the supervisor's employer, one live internship).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::str_enum;
use crate::values::{parse_date, parse_int_range};
use crate::{FieldError, FieldErrors};

str_enum!(
    /// Why an internship ended.
    EndReason, "internship-end-reason" {
        Completed = "completed",
        EndedEarly = "ended_early",
        Hired = "hired",
    }
);

/// Where an internship stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InternshipStatus {
    /// Agreed, not yet started.
    Planned,
    Ongoing,
    Ended,
}

impl InternshipStatus {
    pub fn of(start: NaiveDate, ended_on: Option<NaiveDate>, today: NaiveDate) -> Self {
        match ended_on {
            Some(_) => InternshipStatus::Ended,
            None if start > today => InternshipStatus::Planned,
            None => InternshipStatus::Ongoing,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            InternshipStatus::Planned => "planned",
            InternshipStatus::Ongoing => "ongoing",
            InternshipStatus::Ended => "ended",
        }
    }

    pub fn label_key(self) -> String {
        format!("internship-status-{}", self.as_str())
    }
}

/// At most this many hours a week (a full-time week with some margin).
pub const HOURS_MAX: i64 = 60;

/// An internship as typed into the coordinator's form (or the API's body).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct InternshipDraft {
    pub placement_id: String,
    pub supervisor_id: String,
    pub start_date: String,
    pub end_date: String,
    pub days_per_week: String,
    pub hours_per_week: String,
}

/// A checked internship: the store still checks it against the placement and the supervisor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InternshipInput {
    pub placement_id: i32,
    pub supervisor_id: Option<i32>,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub days_per_week: i32,
    pub hours_per_week: Option<i32>,
}

fn id_of(field: &str, s: &str, required: bool) -> Result<Option<i32>, FieldError> {
    let s = s.trim();
    if s.is_empty() {
        return if required {
            Err(FieldError::new(field, "error-required"))
        } else {
            Ok(None)
        };
    }
    s.parse::<i32>()
        .ok()
        .filter(|id| *id > 0)
        .map(Some)
        .ok_or_else(|| FieldError::new(field, "error-invalid-choice"))
}

/// An end that comes before the start is refused beside `field`.
pub fn check_period(field: &str, start: NaiveDate, end: NaiveDate) -> Result<(), FieldError> {
    if end < start {
        Err(FieldError::new(field, "internship-error-end-before-start"))
    } else {
        Ok(())
    }
}

impl InternshipDraft {
    pub fn validate(&self) -> Result<InternshipInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let placement = e.check(
            "placement_id",
            id_of("placement_id", &self.placement_id, true),
        );
        let supervisor = e.check(
            "supervisor_id",
            id_of("supervisor_id", &self.supervisor_id, true),
        );
        let start = e.check("start_date", parse_date("start_date", &self.start_date));
        let end = e.check("end_date", parse_date("end_date", &self.end_date));
        let days = e.check(
            "days_per_week",
            parse_int_range("days_per_week", &self.days_per_week, 1, 7),
        );
        let hours = if self.hours_per_week.trim().is_empty() {
            Some(None)
        } else {
            e.check(
                "hours_per_week",
                parse_int_range("hours_per_week", &self.hours_per_week, 1, HOURS_MAX),
            )
            .map(Some)
        };
        if let (Some(s), Some(en)) = (start, end) {
            e.check("end_date", check_period("end_date", s, en));
        }
        match (placement, supervisor, start, end, days, hours) {
            (Some(Some(p)), Some(sup), Some(s), Some(en), Some(d), Some(h)) if e.is_empty() => {
                Ok(InternshipInput {
                    placement_id: p,
                    supervisor_id: sup,
                    start_date: s,
                    end_date: en,
                    // 1..=7 and 1..=HOURS_MAX fit an i32.
                    days_per_week: i32::try_from(d).unwrap_or(7),
                    hours_per_week: h.map(|h| i32::try_from(h).unwrap_or(0)),
                })
            }
            _ => Err(e),
        }
    }
}

/// The end of an internship as typed: `reason` is completed, ended_early (with a note) or hired.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct EndDraft {
    pub reason: String,
    pub ended_on: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndInput {
    pub reason: EndReason,
    pub ended_on: NaiveDate,
    pub note: String,
}

impl EndDraft {
    /// An internship ended early needs the reason why; the store checks the date against the
    /// start.
    pub fn validate(&self) -> Result<EndInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let reason = e.check("reason", EndReason::parse(&self.reason));
        let ended_on = e.check("ended_on", parse_date("ended_on", &self.ended_on));
        let note = e.check(
            "note",
            crate::text::multi_line("note", &self.note, crate::text::NOTE_MAX),
        );
        if reason == Some(EndReason::EndedEarly) && note.as_deref().is_some_and(str::is_empty) {
            e.push(FieldError::new("note", "internship-error-note-required"));
        }
        match (reason, ended_on, note) {
            (Some(reason), Some(ended_on), Some(note)) if e.is_empty() => Ok(EndInput {
                reason,
                ended_on,
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

    fn draft() -> InternshipDraft {
        InternshipDraft {
            placement_id: "3".into(),
            supervisor_id: "4".into(),
            start_date: "2031-03-03".into(),
            end_date: "2031-05-30".into(),
            days_per_week: "3".into(),
            hours_per_week: "".into(),
        }
    }

    fn keys(e: FieldErrors) -> Vec<(String, &'static str)> {
        e.0.into_iter().map(|e| (e.field, e.key)).collect()
    }

    #[test]
    fn a_good_draft_is_accepted() {
        let i = draft().validate().unwrap();
        assert_eq!(i.placement_id, 3);
        assert_eq!(i.supervisor_id, Some(4));
        assert_eq!(i.days_per_week, 3);
        assert_eq!(i.hours_per_week, None);
    }

    #[test]
    fn bad_input_is_refused_beside_each_field() {
        type Change = fn(&mut InternshipDraft);
        let cases: &[(Change, &str, &str)] = &[
            (
                |d| d.end_date = "2031-03-02".into(),
                "end_date",
                "internship-error-end-before-start",
            ),
            (
                |d| d.days_per_week = "8".into(),
                "days_per_week",
                "error-out-of-range",
            ),
            (
                |d| d.days_per_week = "0".into(),
                "days_per_week",
                "error-out-of-range",
            ),
            (
                |d| d.hours_per_week = "x".into(),
                "hours_per_week",
                "error-number",
            ),
            (
                |d| d.placement_id = "".into(),
                "placement_id",
                "error-required",
            ),
            (
                |d| d.supervisor_id = "abc".into(),
                "supervisor_id",
                "error-invalid-choice",
            ),
            (
                |d| d.start_date = "3.3.2031".into(),
                "start_date",
                "error-date",
            ),
        ];
        for (change, field, key) in cases {
            let mut d = draft();
            change(&mut d);
            assert_eq!(
                keys(d.validate().unwrap_err()),
                vec![(field.to_string(), *key)],
                "{field}"
            );
        }
    }

    #[test]
    fn ending_early_needs_the_reason_why() {
        let d = EndDraft {
            reason: "ended_early".into(),
            ended_on: "2031-04-01".into(),
            note: "  ".into(),
        };
        assert_eq!(
            keys(d.validate().unwrap_err()),
            vec![("note".to_string(), "internship-error-note-required")]
        );
        let d = EndDraft {
            note: "Flyttade".into(),
            ..d
        };
        assert_eq!(d.validate().unwrap().reason, EndReason::EndedEarly);
        let d = EndDraft {
            reason: "completed".into(),
            ended_on: "2031-04-01".into(),
            note: "".into(),
        };
        assert_eq!(d.validate().unwrap().reason, EndReason::Completed);
        let d = EndDraft {
            reason: "deleted".into(),
            ..d
        };
        assert_eq!(
            keys(d.validate().unwrap_err()),
            vec![("reason".to_string(), "error-invalid-choice")]
        );
    }

    #[test]
    fn the_status_follows_the_dates() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let start = d("2031-03-03");
        assert_eq!(
            InternshipStatus::of(start, None, d("2031-03-02")),
            InternshipStatus::Planned
        );
        assert_eq!(
            InternshipStatus::of(start, None, start),
            InternshipStatus::Ongoing
        );
        assert_eq!(
            InternshipStatus::of(start, Some(start), d("2031-03-02")),
            InternshipStatus::Ended
        );
    }
}
