//! A participant leaving the programme: when and why. Once she has left she is no longer
//! looking for a placement: rankings leave her out and plans do not place her. The outcome at
//! leaving and the follow-ups build on this record.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::str_enum;
use crate::text::{self, NOTE_MAX};
use crate::values::parse_date;
use crate::{FieldError, FieldErrors};

str_enum!(
    /// Why a participant left the programme: she went through it to its end, got a job, began
    /// studies, moved away, broke off (avbrott), or another reason (said in the note).
    ExitReason, "exit-reason" {
        Completed = "completed",
        Work = "work",
        Studies = "studies",
        Moved = "moved",
        Discontinued = "discontinued",
        Other = "other",
    }
);

/// A leaving as typed into the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ExitDraft {
    /// `YYYY-MM-DD`.
    pub left_on: String,
    /// completed, work, studies, moved, discontinued or other.
    pub exit_reason: String,
    pub exit_note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExitInput {
    pub left_on: NaiveDate,
    pub reason: ExitReason,
    pub note: String,
}

/// How far ahead a leaving may be recorded (a known last day).
const AHEAD_DAYS: i64 = 62;

impl ExitDraft {
    /// A date no more than two months ahead, a reason, and a note (required when the reason is
    /// "other").
    pub fn validate(&self, today: NaiveDate) -> Result<ExitInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let left_on = errs.check("left_on", parse_date("left_on", &self.left_on));
        if let Some(d) = left_on
            && d > today + chrono::Duration::days(AHEAD_DAYS)
        {
            errs.push(FieldError::new("left_on", "exit-error-far-ahead"));
        }
        let reason = errs.check("exit_reason", ExitReason::parse(&self.exit_reason));
        let note = text::collect(
            &mut errs,
            text::multi_line("exit_note", &self.exit_note, NOTE_MAX),
            &self.exit_note,
        );
        if reason == Some(ExitReason::Other) && note.is_empty() && errs.get("exit_note").is_none() {
            errs.push(FieldError::new("exit_note", "exit-error-note"));
        }
        match (left_on, reason) {
            (Some(left_on), Some(reason)) if errs.is_empty() => Ok(ExitInput {
                left_on,
                reason,
                note,
            }),
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

    fn draft(left_on: &str, reason: &str, note: &str) -> ExitDraft {
        ExitDraft {
            left_on: left_on.into(),
            exit_reason: reason.into(),
            exit_note: note.into(),
        }
    }

    #[test]
    fn a_leaving_needs_a_date_within_two_months_and_a_reason() {
        let today = day("2026-12-02");
        let ok = draft("2026-12-01", "work", "  Anställd som lagerarbetare ")
            .validate(today)
            .unwrap();
        assert_eq!(ok.left_on, day("2026-12-01"));
        assert_eq!(ok.reason, ExitReason::Work);
        assert_eq!(ok.note, "Anställd som lagerarbetare");
        assert!(draft("2027-01-31", "moved", "").validate(today).is_ok());
        let e = draft("2027-02-15", "", "").validate(today).unwrap_err();
        assert_eq!(
            e.get("left_on").map(|e| e.key),
            Some("exit-error-far-ahead")
        );
        assert!(e.get("exit_reason").is_some());
        let e = draft("1 dec", "quit", "").validate(today).unwrap_err();
        assert!(e.get("left_on").is_some() && e.get("exit_reason").is_some());
    }

    #[test]
    fn other_needs_a_note_and_a_note_stays_within_its_length() {
        let today = day("2026-12-02");
        let e = draft("2026-12-02", "other", " ")
            .validate(today)
            .unwrap_err();
        assert_eq!(e.get("exit_note").map(|e| e.key), Some("exit-error-note"));
        let long = "x".repeat(NOTE_MAX + 1);
        let e = draft("2026-12-02", "discontinued", &long)
            .validate(today)
            .unwrap_err();
        assert!(e.get("exit_note").is_some());
    }
}
