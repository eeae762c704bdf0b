//! Field-level validation errors shared by every parser in the domain.

use serde::Serialize;

/// A value at the edge of the system failed to parse.
///
/// `field` names the input (as the form or JSON names it) and `key` is a message id in the
/// translation files (`crates/i18n/locales/*/errors.ftl`), so the web layer can show it in the
/// user's language beside the field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{field}: {key}")]
pub struct FieldError {
    pub field: String,
    pub key: &'static str,
}

impl FieldError {
    /// The field name of an error about the whole form (or request) rather than one field.
    pub const FORM: &'static str = "form";
}

impl FieldError {
    pub fn new(field: impl Into<String>, key: &'static str) -> Self {
        Self {
            field: field.into(),
            key,
        }
    }

    /// The same error reported under another field name (a parser does not know which form
    /// field it was called for).
    pub fn at(mut self, field: impl Into<String>) -> Self {
        self.field = field.into();
        self
    }
}

/// All field errors of one submitted form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn push(&mut self, e: FieldError) {
        self.0.push(e);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Parse one field, remembering its error and returning `None` on failure, so a form can
    /// collect every wrong field at once instead of stopping at the first.
    pub fn check<T>(&mut self, field: &str, r: Result<T, FieldError>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.push(e.at(field));
                None
            }
        }
    }

    pub fn get(&self, field: &str) -> Option<&FieldError> {
        self.0.iter().find(|e| e.field == field)
    }

    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.0.is_empty() { Ok(()) } else { Err(self) }
    }
}

impl std::fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self.0.iter().map(|e| e.to_string()).collect();
        f.write_str(&parts.join(", "))
    }
}

impl std::error::Error for FieldErrors {}
