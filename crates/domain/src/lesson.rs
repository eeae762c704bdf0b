//! The project's running log of lessons and challenges (Care Vårda's "lärdomar och
//! utmaningar"): what the staff learned or ran into, when, and what they do about it. It feeds
//! the evaluation and the project report, so it names situations, not participants.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::str_enum;
use crate::text::{self, NOTE_MAX, TEXT_MAX};
use crate::values::parse_date;
use crate::{FieldError, FieldErrors};

str_enum!(
    /// A lesson learned, or a challenge met.
    LessonKind, "lesson-kind" {
        Lesson = "lesson",
        Challenge = "challenge",
    }
);

/// A log entry as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct LessonDraft {
    /// The programme (project) the entry belongs to.
    pub programme_id: String,
    /// lesson or challenge.
    pub kind: String,
    /// `YYYY-MM-DD`: when it was noted (today or earlier).
    pub noted_on: String,
    pub text: String,
    /// What the project does about it (optional).
    pub action: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LessonInput {
    pub programme_id: i32,
    pub kind: LessonKind,
    pub noted_on: NaiveDate,
    pub text: String,
    pub action: String,
}

impl LessonDraft {
    /// A programme, a kind, a date no later than today, the text (required) and the action.
    pub fn validate(&self, today: NaiveDate) -> Result<LessonInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let programme_id = match self.programme_id.trim().parse::<i32>() {
            Ok(id) if id > 0 => Some(id),
            _ => {
                errs.push(FieldError::new("programme_id", "error-required"));
                None
            }
        };
        let kind = errs.check("kind", LessonKind::parse(&self.kind));
        let noted_on = errs.check("noted_on", parse_date("noted_on", &self.noted_on));
        if noted_on.is_some_and(|d| d > today) {
            errs.push(FieldError::new("noted_on", "lesson-error-future"));
        }
        let text = if self.text.trim().is_empty() {
            errs.push(FieldError::new("text", "error-required"));
            String::new()
        } else {
            text::collect(
                &mut errs,
                text::multi_line("text", &self.text, TEXT_MAX),
                &self.text,
            )
        };
        let action = text::collect(
            &mut errs,
            text::multi_line("action", &self.action, NOTE_MAX),
            &self.action,
        );
        match (programme_id, kind, noted_on) {
            (Some(programme_id), Some(kind), Some(noted_on)) if errs.is_empty() => {
                Ok(LessonInput {
                    programme_id,
                    kind,
                    noted_on,
                    text,
                    action,
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

    fn draft(kind: &str, on: &str, text: &str) -> LessonDraft {
        LessonDraft {
            programme_id: "3".into(),
            kind: kind.into(),
            noted_on: on.into(),
            text: text.into(),
            action: " Fler handledarträffar ".into(),
        }
    }

    #[test]
    fn an_entry_needs_a_kind_a_past_date_and_words() {
        let today: NaiveDate = "2026-12-03".parse().unwrap();
        let ok = draft(
            "challenge",
            "2026-12-03",
            "Svårt att nå arbetsgivare i december",
        )
        .validate(today)
        .unwrap();
        assert_eq!(ok.kind, LessonKind::Challenge);
        assert_eq!(ok.action, "Fler handledarträffar");
        let e = draft("idea", "2026-12-04", " ")
            .validate(today)
            .unwrap_err();
        assert!(e.get("kind").is_some());
        assert_eq!(
            e.get("noted_on").map(|e| e.key),
            Some("lesson-error-future")
        );
        assert_eq!(e.get("text").map(|e| e.key), Some("error-required"));
        let mut d = draft("lesson", "2026-12-01", "x\u{0}y");
        d.programme_id = "abc".into();
        let e = d.validate(today).unwrap_err();
        assert!(e.get("text").is_some() && e.get("programme_id").is_some());
    }
}
