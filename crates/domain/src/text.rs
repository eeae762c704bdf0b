//! Free text: how long each kind may be and which characters it may hold, in one place.
//!
//! Every text a user types is one of these kinds. The form shows the limit (`maxlength` and a
//! hint), the domain checks it, and a text over the limit gets a field error that names the
//! limit (`error-too-long-<max>`). Control characters (NUL and the like, which PostgreSQL
//! refuses and no one types) are refused with `error-control-char`; a multi-line text keeps
//! its line breaks and tabs.

use crate::{FieldError, FieldErrors};

/// A short word or code: a language's name, a skill.
pub const WORD_MAX: usize = 60;
/// One line: a person's, employer's or unit's name, a title, an address, a country, a
/// reference, an interview's place.
pub const NAME_MAX: usize = 200;
/// A list typed as one line (the languages a candidate speaks).
pub const LIST_MAX: usize = 300;
/// A web address (an interview's meeting link).
pub const LINK_MAX: usize = 500;
/// A note: on a proposal, an interview, its outcome, a clearance; a candidate's message.
pub const NOTE_MAX: usize = 1000;
/// A long text: an employer's notes, a placement's tasks, special needs.
pub const TEXT_MAX: usize = 5000;
/// A search in a list (longer searches find nothing a shorter one would not).
pub const SEARCH_MAX: usize = 200;

/// The limit of a form field by its name, for the form's `maxlength` (the domain checks the
/// same limit on save). A name used by two forms takes the larger limit.
pub fn max_len(field: &str) -> Option<usize> {
    Some(match field {
        "language" | "other_language" | "skills" | "required_skills" | "desired_skills" => WORD_MAX,
        "first_name" | "last_name" | "name" | "title" | "address" | "education_field"
        | "education_country" | "experience_country" | "unit_name" | "unit_address"
        | "contact_name" | "contact_title" | "supervisor_name" | "es_officer_name"
        | "es_reference" | "location" | "attendee_name" | "place" | "organisation" => NAME_MAX,
        "spoken_languages" => LIST_MAX,
        "meeting_link" | "link" => LINK_MAX,
        "note" | "proposal_note" | "override_reason" | "outcome_note" | "es_confirm_note"
        | "es_decision_note" | "interest_message" | "exit_note" => NOTE_MAX,
        "notes" | "tasks" | "special_needs" | "description" => TEXT_MAX,
        "q" => SEARCH_MAX,
        _ => return None,
    })
}

/// The message key for a text over `max` characters (one per limit above, so the message can
/// say how long the text may be).
pub fn too_long(max: usize) -> &'static str {
    match max {
        WORD_MAX => "error-too-long-60",
        NAME_MAX => "error-too-long-200",
        LIST_MAX => "error-too-long-300",
        LINK_MAX => "error-too-long-500",
        NOTE_MAX => "error-too-long-1000",
        TEXT_MAX => "error-too-long-5000",
        _ => "error-too-long",
    }
}

/// Whether `s` holds a control character; `multi_line` allows line breaks and tabs.
pub fn has_control(s: &str, multi_line: bool) -> bool {
    s.chars()
        .any(|c| c.is_control() && !(multi_line && matches!(c, '\n' | '\r' | '\t')))
}

fn check(field: &str, s: &str, max: usize, multi_line: bool) -> Result<String, FieldError> {
    let s = s.trim();
    if has_control(s, multi_line) {
        return Err(FieldError::new(field, "error-control-char"));
    }
    if s.chars().count() > max {
        return Err(FieldError::new(field, too_long(max)));
    }
    Ok(s.to_string())
}

/// One line of text, trimmed, possibly empty, at most `max` characters.
pub fn line(field: &str, s: &str, max: usize) -> Result<String, FieldError> {
    check(field, s, max, false)
}

/// Text that may hold line breaks, trimmed, possibly empty, at most `max` characters.
pub fn multi_line(field: &str, s: &str, max: usize) -> Result<String, FieldError> {
    check(field, s, max, true)
}

/// One line of text that must not be empty.
pub fn required(field: &str, s: &str, max: usize) -> Result<String, FieldError> {
    if s.trim().is_empty() {
        return Err(FieldError::new(field, "error-required"));
    }
    line(field, s, max)
}

/// Collect the error of an optional text into `errs` (the text is kept, for the form).
pub fn collect(errs: &mut FieldErrors, r: Result<String, FieldError>, s: &str) -> String {
    match r {
        Ok(v) => v,
        Err(e) => {
            errs.push(e);
            s.trim().to_string()
        }
    }
}

/// A search as typed into a list's search box: one line of at most `SEARCH_MAX` characters.
pub fn search(s: &str) -> Result<String, FieldError> {
    line("q", s, SEARCH_MAX).map_err(|e| {
        if e.key == "error-control-char" {
            e
        } else {
            FieldError::new("q", "error-search-too-long")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn control_characters_are_refused_but_line_breaks_kept_where_allowed() {
        assert_eq!(
            line("name", "Ann\0", NAME_MAX).map_err(|e| e.key),
            Err("error-control-char")
        );
        assert_eq!(
            line("name", "Ann\nAttendee", NAME_MAX).map_err(|e| e.key),
            Err("error-control-char")
        );
        assert_eq!(
            multi_line("notes", "a\r\n\tb", NOTE_MAX).as_deref(),
            Ok("a\r\n\tb")
        );
        assert_eq!(
            multi_line("notes", "a\u{1b}[31m", NOTE_MAX).map_err(|e| e.key),
            Err("error-control-char")
        );
        assert_eq!(
            required("name", " ", NAME_MAX).map_err(|e| e.key),
            Err("error-required")
        );
    }

    #[test]
    fn each_limit_has_its_own_message() {
        for max in [WORD_MAX, NAME_MAX, LIST_MAX, LINK_MAX, NOTE_MAX, TEXT_MAX] {
            assert_eq!(too_long(max), format!("error-too-long-{max}"));
            assert!(line("f", &"å".repeat(max), max).is_ok());
            assert_eq!(
                line("f", &"å".repeat(max + 1), max).map_err(|e| e.key),
                Err(too_long(max))
            );
        }
        assert_eq!(
            search(&"a".repeat(50_000)).map_err(|e| e.key),
            Err("error-search-too-long")
        );
        assert_eq!(search(" 50%_off ").as_deref(), Ok("50%_off"));
    }

    proptest! {
        #[test]
        fn what_is_accepted_has_no_control_character(s in "\\PC*|[\\x00-\\x1f]{0,3}") {
            if let Ok(v) = line("f", &s, TEXT_MAX) {
                prop_assert!(!v.chars().any(char::is_control));
            }
        }
    }
}
