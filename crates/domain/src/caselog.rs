//! The case log: the coordinating function's entries about one participant (contacts, needs and
//! obstacles raised, support given, referrals, wage-subsidy guidance). Needs and obstacles are
//! special-category data, so the whole log is: only coordinators in scope (and admins) read it.
//! Entries are append-only; a mistake is put right by a correction entry. No I/O.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::model::str_enum;
use crate::{FieldError, FieldErrors};

str_enum!(
    CaseLogKind, "caselog-kind" {
        Contact = "contact",
        NeedOrObstacle = "need_or_obstacle",
        SupportGiven = "support_given",
        Referral = "referral",
        WageSubsidyGuidance = "wage_subsidy_guidance",
        Other = "other",
    }
);

str_enum!(
    /// What a need or obstacle is about.
    NeedTopic, "caselog-topic" {
        Childcare = "childcare",
        Travel = "travel",
        Income = "income",
        Health = "health",
        Housing = "housing",
        Other = "other",
    }
);

str_enum!(
    /// Where a participant is referred.
    ReferralTarget, "caselog-referral" {
        StudyCareerGuidance = "study_career_guidance",
        SupportedEmployment = "supported_employment",
        Other = "other",
    }
);

/// An entry as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CaseLogDraft {
    /// `YYYY-MM-DD`, not in the future.
    pub entry_date: String,
    pub kind: String,
    /// Required for a need or obstacle.
    pub topic: String,
    /// Required for a referral.
    pub referral: String,
    pub text: String,
    /// The id of the entry this one corrects, if any.
    pub corrects_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseLogInput {
    pub entry_date: NaiveDate,
    pub kind: CaseLogKind,
    pub topic: Option<NeedTopic>,
    pub referral: Option<ReferralTarget>,
    pub text: String,
    pub corrects_id: Option<i32>,
}

impl CaseLogDraft {
    pub fn validate(&self, today: NaiveDate) -> Result<CaseLogInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let date = errors.check(
            "entry_date",
            crate::values::parse_date("entry_date", &self.entry_date),
        );
        if date.is_some_and(|d| d > today) {
            errors.push(FieldError::new("entry_date", "caselog-error-future"));
        }
        let kind = errors.check(
            "kind",
            CaseLogKind::parse(&self.kind).map_err(|e| e.at("kind")),
        );
        let topic = match (kind, self.topic.trim()) {
            (Some(CaseLogKind::NeedOrObstacle), "") => {
                errors.push(FieldError::new("topic", "caselog-error-topic"));
                None
            }
            (Some(CaseLogKind::NeedOrObstacle), s) => {
                errors.check("topic", NeedTopic::parse(s).map_err(|e| e.at("topic")))
            }
            _ => None,
        };
        let referral = match (kind, self.referral.trim()) {
            (Some(CaseLogKind::Referral), "") => {
                errors.push(FieldError::new("referral", "caselog-error-referral"));
                None
            }
            (Some(CaseLogKind::Referral), s) => errors.check(
                "referral",
                ReferralTarget::parse(s).map_err(|e| e.at("referral")),
            ),
            _ => None,
        };
        let text = match crate::meeting::required_text("text", &self.text) {
            Ok(t) => Some(t),
            Err(e) => {
                errors.0.extend(e.0);
                None
            }
        };
        let corrects_id = match self.corrects_id.trim() {
            "" => None,
            s => errors.check(
                "corrects_id",
                s.parse::<i32>()
                    .map_err(|_| FieldError::new("corrects_id", "error-invalid-choice")),
            ),
        };
        match (date, kind, text) {
            (Some(entry_date), Some(kind), Some(text)) if errors.is_empty() => Ok(CaseLogInput {
                entry_date,
                kind,
                topic,
                referral,
                text,
                corrects_id,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2031, 3, 10).unwrap()
    }

    fn draft() -> CaseLogDraft {
        CaseLogDraft {
            entry_date: "2031-03-10".into(),
            kind: "need_or_obstacle".into(),
            topic: "childcare".into(),
            text: "Förskoleplats saknas.".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_need_has_a_topic_and_a_referral_a_target() {
        let e = draft().validate(today()).unwrap();
        assert_eq!(e.topic, Some(NeedTopic::Childcare));
        assert_eq!(e.referral, None);
        let cases = [
            (
                CaseLogDraft {
                    topic: String::new(),
                    ..draft()
                },
                "topic",
                "caselog-error-topic",
            ),
            (
                CaseLogDraft {
                    kind: "referral".into(),
                    ..draft()
                },
                "referral",
                "caselog-error-referral",
            ),
            (
                CaseLogDraft {
                    entry_date: "2031-03-11".into(),
                    ..draft()
                },
                "entry_date",
                "caselog-error-future",
            ),
            (
                CaseLogDraft {
                    text: "  ".into(),
                    ..draft()
                },
                "text",
                "error-required",
            ),
            (
                CaseLogDraft {
                    kind: "gossip".into(),
                    ..draft()
                },
                "kind",
                "error-invalid-choice",
            ),
            (
                CaseLogDraft {
                    corrects_id: "x".into(),
                    ..draft()
                },
                "corrects_id",
                "error-invalid-choice",
            ),
        ];
        for (d, field, key) in cases {
            let e = d.validate(today()).unwrap_err();
            assert!(
                e.0.iter().any(|x| x.field == field && x.key == key),
                "{field} {key}: {e:?}"
            );
        }
        let r = CaseLogDraft {
            kind: "referral".into(),
            referral: "supported_employment".into(),
            topic: "travel".into(),
            ..draft()
        }
        .validate(today())
        .unwrap();
        assert_eq!(r.referral, Some(ReferralTarget::SupportedEmployment));
        assert_eq!(r.topic, None, "a topic belongs to needs only");
    }
}
