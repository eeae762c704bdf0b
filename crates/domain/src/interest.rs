//! Interest expressed through the public placement portal: what a candidate typed, and the
//! checked values that may be stored.

use crate::ids::{Email, Phone};
use crate::model::InterestStatus;
use crate::registry::{free_text, optional};
use crate::values::parse_required;
use crate::{FieldError, FieldErrors};

/// The version of the consent text shown beside the checkbox; stored with every submission so
/// that it is known what the candidate agreed to. Change it whenever the text changes.
pub const CONSENT_VERSION: &str = "portal-interest-2026-1";

pub use crate::text::{LIST_MAX as LANGUAGES_MAX, NAME_MAX, NOTE_MAX as MESSAGE_MAX};

/// The interest form as typed (field names as the form names them).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct InterestDraft {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub spoken_languages: String,
    pub interest_message: String,
    /// The consent checkbox: any non-empty value means ticked.
    pub interest_consent: String,
}

/// A checked submission: a name, at least one way to reach the candidate, and consent given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterestInput {
    pub name: String,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    pub languages: String,
    pub message: String,
}

impl InterestDraft {
    pub fn validate(&self) -> Result<InterestInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let name = e.check("name", parse_required("name", &self.name, NAME_MAX));
        let email = optional(&mut e, "email", &self.email, Email::parse);
        let phone = optional(&mut e, "phone", &self.phone, Phone::parse);
        if self.email.trim().is_empty() && self.phone.trim().is_empty() {
            e.push(FieldError::new("email", "error-portal-contact-required"));
        }
        let languages = crate::registry::one_line(
            &mut e,
            "spoken_languages",
            &self.spoken_languages,
            LANGUAGES_MAX,
        );
        let message = free_text(
            &mut e,
            "interest_message",
            &self.interest_message,
            MESSAGE_MAX,
        );
        if self.interest_consent.trim().is_empty() {
            e.push(FieldError::new(
                "interest_consent",
                "error-portal-consent-required",
            ));
        }
        match (name, e.is_empty()) {
            (Some(name), true) => Ok(InterestInput {
                name,
                email,
                phone,
                languages,
                message,
            }),
            _ => Err(e),
        }
    }
}

/// A coordinator's decision on an interest in the inbox, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct InterestUpdateDraft {
    pub status: String,
    /// The participant the interest became (only with `registered`).
    pub participant_id: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InterestUpdate {
    pub status: InterestStatus,
    pub participant_id: Option<i32>,
}

impl InterestUpdateDraft {
    pub fn validate(&self) -> Result<InterestUpdate, FieldErrors> {
        let mut e = FieldErrors::default();
        let status = match e.check("status", InterestStatus::parse(&self.status)) {
            // An interest is new only until someone has looked at it.
            Some(InterestStatus::New) => {
                e.push(FieldError::new("status", "error-invalid-choice"));
                None
            }
            other => other,
        };
        let participant_id = if status == Some(InterestStatus::Registered) {
            match self.participant_id.trim() {
                "" => {
                    e.push(FieldError::new(
                        "participant_id",
                        "error-portal-participant-required",
                    ));
                    None
                }
                s => match s.parse::<i32>() {
                    Ok(n) if n > 0 => Some(n),
                    _ => {
                        e.push(FieldError::new("participant_id", "error-number"));
                        None
                    }
                },
            }
        } else {
            None
        };
        match status {
            Some(status) if e.is_empty() => Ok(InterestUpdate {
                status,
                participant_id,
            }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn ok() -> InterestDraft {
        InterestDraft {
            name: "Samira Haddad".into(),
            email: "samira@example.se".into(),
            spoken_languages: "arabiska, engelska".into(),
            interest_message: "Jag har arbetat i kök i fem år.".into(),
            interest_consent: "yes".into(),
            ..Default::default()
        }
    }

    fn keys(d: &InterestDraft) -> Vec<(String, &'static str)> {
        match d.validate() {
            Ok(_) => vec![],
            Err(e) => e.0.into_iter().map(|e| (e.field, e.key)).collect(),
        }
    }

    #[test]
    fn a_complete_form_is_accepted() {
        let i = ok().validate().unwrap();
        assert_eq!(i.name, "Samira Haddad");
        assert_eq!(i.email.unwrap().as_str(), "samira@example.se");
        assert!(i.phone.is_none());
    }

    #[test]
    fn a_phone_alone_is_enough_contact() {
        let d = InterestDraft {
            email: String::new(),
            phone: "070-123 45 67".into(),
            ..ok()
        };
        assert!(d.validate().is_ok());
    }

    #[test]
    fn each_mistake_is_reported_beside_its_field() {
        let d = InterestDraft {
            interest_consent: String::new(),
            ..ok()
        };
        assert_eq!(
            keys(&d),
            vec![("interest_consent".into(), "error-portal-consent-required")]
        );
        let d = InterestDraft {
            email: String::new(),
            ..ok()
        };
        assert_eq!(
            keys(&d),
            vec![("email".into(), "error-portal-contact-required")]
        );
        let d = InterestDraft {
            email: "inte-en-adress".into(),
            phone: "12".into(),
            interest_message: "x".repeat(MESSAGE_MAX + 1),
            name: " ".into(),
            ..ok()
        };
        assert_eq!(
            keys(&d),
            vec![
                ("name".into(), "error-required"),
                ("email".into(), "error-email"),
                ("phone".into(), "error-phone"),
                ("interest_message".into(), "error-too-long-1000"),
            ]
        );
    }

    #[test]
    fn registering_needs_the_participant_it_became() {
        let d = InterestUpdateDraft {
            status: "registered".into(),
            participant_id: String::new(),
        };
        assert_eq!(
            d.validate().unwrap_err().0[0].key,
            "error-portal-participant-required"
        );
        let d = InterestUpdateDraft {
            status: "registered".into(),
            participant_id: "12".into(),
        };
        assert_eq!(d.validate().unwrap().participant_id, Some(12));
        let d = InterestUpdateDraft {
            status: "handled".into(),
            participant_id: "12".into(),
        };
        assert_eq!(d.validate().unwrap().participant_id, None);
        let d = InterestUpdateDraft {
            status: "new".into(),
            participant_id: String::new(),
        };
        assert_eq!(d.validate().unwrap_err().0[0].field, "status");
    }
}
