//! Agreement life cycle: which step may follow which status.
//!
//! draft → (generate, any number of times) → sent → signed → ended; a draft or sent agreement
//! may also be signed directly (the signed copy came back another way) or cancelled (ended).

use crate::FieldError;
use crate::model::AgreementStatus;

/// What a user does to an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgreementStep {
    /// Produce (or reproduce) the PDF from the parties' current data.
    Generate,
    /// Mark the generated document as sent for signature.
    Send,
    /// Upload the signed copy.
    Sign,
    /// End a signed agreement, or cancel one that was never signed.
    End,
}

/// The status after `step`, or a field error on `status` saying why the step is not possible.
pub fn next_status(
    status: AgreementStatus,
    step: AgreementStep,
    has_document: bool,
) -> Result<AgreementStatus, FieldError> {
    use AgreementStatus::*;
    use AgreementStep::*;
    match (status, step) {
        (Draft, Generate) => Ok(Draft),
        (Draft, Send) if has_document => Ok(Sent),
        (Draft, Send) => Err(FieldError::new("status", "agreement-error-not-generated")),
        (Draft | Sent, Sign) => Ok(Signed),
        (Draft | Sent | Signed, End) => Ok(Ended),
        _ => Err(FieldError::new("status", "agreement-error-transition")),
    }
}

// ---- what an agreement document shows (filled by the store, rendered by `reports`)

/// The parties and terms of a collaboration agreement (employer level).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CollaborationAgreement {
    /// The programme the agreement is made within, and the organisation that runs it.
    pub programme: String,
    pub organisation: String,
    pub employer_name: String,
    pub org_number: String,
    /// The employer's contact person as one line (name, email, phone).
    pub contact: String,
    /// The coordinator signing for the programme.
    pub coordinator: String,
    /// The agreement's date, as it should be printed (YYYY-MM-DD).
    pub date: String,
}

/// An employment-service decision as an internship agreement cites it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DecisionRef {
    pub reference: String,
    pub period_start: String,
    pub period_end: String,
}

/// The parties, placement and terms of one intern's internship agreement. The participant is
/// named with their birth year; the personnummer is not needed on the agreement.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct InternshipAgreement {
    pub programme: String,
    pub organisation: String,
    pub participant_name: String,
    pub birth_year: i32,
    pub employer_name: String,
    pub org_number: String,
    pub placement_title: String,
    pub address: String,
    pub period_start: String,
    pub period_end: String,
    pub days_per_week: i32,
    pub hours_per_week: i32,
    pub supervisor: String,
    pub coordinator: String,
    /// The employment service is a party: the officer who confirmed the participant's
    /// eligibility, empty when none is recorded.
    pub es_officer: String,
    pub decision: Option<DecisionRef>,
}

/// One agreement's document, whichever kind it is.
#[derive(Debug, Clone, PartialEq)]
// One document per request, built and rendered once: boxing the larger variant buys nothing.
#[allow(clippy::large_enum_variant)]
pub enum AgreementDocument {
    Collaboration(CollaborationAgreement),
    Internship(InternshipAgreement),
}

#[cfg(test)]
mod tests {
    use super::*;
    use AgreementStatus::*;
    use AgreementStep::*;

    #[test]
    fn the_life_cycle() {
        assert_eq!(next_status(Draft, Generate, false), Ok(Draft));
        assert_eq!(next_status(Draft, Send, true), Ok(Sent));
        assert_eq!(
            next_status(Draft, Send, false).map_err(|e| e.key),
            Err("agreement-error-not-generated")
        );
        assert_eq!(next_status(Sent, Sign, true), Ok(Signed));
        assert_eq!(next_status(Draft, Sign, false), Ok(Signed));
        assert_eq!(next_status(Signed, End, true), Ok(Ended));
        assert_eq!(next_status(Sent, End, true), Ok(Ended));
    }

    #[test]
    fn no_way_back() {
        for (status, step) in [
            (Sent, Generate),
            (Sent, Send),
            (Signed, Generate),
            (Signed, Send),
            (Signed, Sign),
            (Ended, Generate),
            (Ended, Send),
            (Ended, Sign),
            (Ended, End),
            (None, Send),
        ] {
            assert_eq!(
                next_status(status, step, true).map_err(|e| e.key),
                Err("agreement-error-transition"),
                "{status:?} {step:?}"
            );
        }
    }
}
