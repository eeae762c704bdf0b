//! The follow-up survey: a personal link, sent to the participant at each follow-up point in her
//! language, that she answers without logging in, once, before it expires. At leaving it is the
//! exit questionnaire (her own view of what the programme gave her, on three scales, besides
//! where she stands); at four weeks, three and six months it asks where she stands now. Her
//! answer records the outcome at that point with the source "survey".

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::outcome::{FollowUpPoint, OutcomeStatus};
use crate::text::{self, NOTE_MAX};
use crate::{FieldError, FieldErrors};

/// How long a survey link works after it was made.
pub const SURVEY_VALID_DAYS: i64 = 30;

/// Whether the survey of `point` is to be sent on `today` to someone who left on `left_on`:
/// from the day the point falls due for as long as a link would work (a participant who left
/// long before Brygga sent surveys is not sent a stale one).
pub fn survey_due(point: FollowUpPoint, left_on: NaiveDate, today: NaiveDate) -> bool {
    let due = point.due(left_on);
    due <= today && today < due + Duration::days(SURVEY_VALID_DAYS)
}

/// Whether a survey at `point` is sent even when the coordinator has already recorded the
/// outcome there: at leaving it carries her own assessment, which only she can give; at the later
/// points it only asks what a call has already told.
pub fn survey_needed(point: FollowUpPoint, outcome_recorded: bool) -> bool {
    point == FollowUpPoint::Exit || !outcome_recorded
}

/// The exit questionnaire's three questions, each answered from 1 (not at all) to 5 (very much).
pub const EXIT_QUESTIONS: [&str; 3] = ["benefit", "swedish", "closer"];

/// The ratings of the exit questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ExitRatings {
    /// How much the internship helped her.
    pub benefit: u8,
    /// How much her Swedish improved.
    pub swedish: u8,
    /// How much closer to work or studies she is.
    pub closer: u8,
}

/// A survey answer as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct SurveyAnswerDraft {
    /// Where she stands: job_regular, …, seeking or other.
    pub status: String,
    /// At leaving: 1–5 (empty at the other points).
    pub benefit: String,
    pub swedish: String,
    pub closer: String,
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SurveyAnswer {
    pub status: OutcomeStatus,
    /// At leaving only.
    pub ratings: Option<ExitRatings>,
    pub comment: String,
}

fn rating(errs: &mut FieldErrors, field: &'static str, s: &str) -> Option<u8> {
    match s.trim() {
        "" => {
            errs.push(FieldError::new(field, "survey-error-rating"));
            None
        }
        t => match t.parse::<u8>() {
            Ok(n) if (1..=5).contains(&n) => Some(n),
            _ => {
                errs.push(FieldError::new(field, "error-invalid-choice"));
                None
            }
        },
    }
}

impl SurveyAnswerDraft {
    /// Where she stands, and at leaving the three ratings; a comment of at most a note's length.
    pub fn validate(&self, point: FollowUpPoint) -> Result<SurveyAnswer, FieldErrors> {
        let mut errs = FieldErrors::default();
        let status = if self.status.trim().is_empty() {
            errs.push(FieldError::new("status", "survey-error-status"));
            None
        } else {
            errs.check("status", OutcomeStatus::parse(&self.status))
        };
        let ratings = if point == FollowUpPoint::Exit {
            let benefit = rating(&mut errs, "benefit", &self.benefit);
            let swedish = rating(&mut errs, "swedish", &self.swedish);
            let closer = rating(&mut errs, "closer", &self.closer);
            match (benefit, swedish, closer) {
                (Some(benefit), Some(swedish), Some(closer)) => Some(ExitRatings {
                    benefit,
                    swedish,
                    closer,
                }),
                _ => None,
            }
        } else {
            None
        };
        let comment = text::collect(
            &mut errs,
            text::multi_line("comment", &self.comment, NOTE_MAX),
            &self.comment,
        );
        match status {
            Some(status) if errs.is_empty() => Ok(SurveyAnswer {
                status,
                ratings,
                comment,
            }),
            _ => Err(errs),
        }
    }
}

/// Where a survey link stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SurveyState {
    Open,
    Answered,
    Expired,
    /// A newer link was sent for the same point.
    Replaced,
}

impl SurveyState {
    pub fn label_key(self) -> &'static str {
        match self {
            SurveyState::Open => "survey-state-open",
            SurveyState::Answered => "survey-state-answered",
            SurveyState::Expired => "survey-state-expired",
            SurveyState::Replaced => "survey-state-replaced",
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
    fn a_survey_is_sent_from_its_point_for_as_long_as_a_link_works() {
        let left = day("2026-08-31");
        let m3 = FollowUpPoint::Month3;
        assert!(!survey_due(m3, left, day("2026-11-29")));
        assert!(survey_due(m3, left, day("2026-11-30")));
        assert!(survey_due(m3, left, day("2026-12-29")));
        assert!(!survey_due(m3, left, day("2026-12-30")));
        assert!(survey_due(FollowUpPoint::Exit, left, left));
        // The exit questionnaire goes out even after the coordinator recorded the outcome.
        assert!(survey_needed(FollowUpPoint::Exit, true));
        assert!(!survey_needed(FollowUpPoint::Month6, true));
        assert!(survey_needed(FollowUpPoint::Month6, false));
    }

    #[test]
    fn an_answer_needs_where_she_stands_and_at_leaving_the_three_ratings() {
        let d = SurveyAnswerDraft {
            status: "studies_komvux".into(),
            comment: " Tack! ".into(),
            ..Default::default()
        };
        let a = d.validate(FollowUpPoint::Month3).unwrap();
        assert_eq!(a.status, OutcomeStatus::StudiesKomvux);
        assert_eq!(a.ratings, None);
        assert_eq!(a.comment, "Tack!");
        let e = d.validate(FollowUpPoint::Exit).unwrap_err();
        for f in EXIT_QUESTIONS {
            assert_eq!(e.get(f).map(|e| e.key), Some("survey-error-rating"), "{f}");
        }
        let full = SurveyAnswerDraft {
            benefit: "5".into(),
            swedish: "3".into(),
            closer: "4".into(),
            ..d.clone()
        };
        assert_eq!(
            full.validate(FollowUpPoint::Exit).unwrap().ratings,
            Some(ExitRatings {
                benefit: 5,
                swedish: 3,
                closer: 4
            })
        );
        let bad = SurveyAnswerDraft {
            status: String::new(),
            benefit: "6".into(),
            swedish: "-1".into(),
            closer: "x".into(),
            comment: "a\u{0}b".into(),
        };
        let e = bad.validate(FollowUpPoint::Exit).unwrap_err();
        assert_eq!(e.get("status").map(|e| e.key), Some("survey-error-status"));
        for f in EXIT_QUESTIONS {
            assert_eq!(e.get(f).map(|e| e.key), Some("error-invalid-choice"), "{f}");
        }
        assert!(e.get("comment").is_some());
        let e = SurveyAnswerDraft {
            status: "rich".into(),
            ..Default::default()
        }
        .validate(FollowUpPoint::Week4)
        .unwrap_err();
        assert_eq!(e.get("status").map(|e| e.key), Some("error-invalid-choice"));
    }
}
