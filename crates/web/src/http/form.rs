//! Forms: the errors a re-rendered form shows beside its fields, the one mapping from a save's
//! outcome to "go on" or "show the form again", and the helpers the registry forms share for
//! tables of rows (multi-valued fields that work without JavaScript).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use brygga_domain::FieldErrors;
use brygga_domain::registry::LanguageSkill;

use super::WebError;

/// The field name of an error about the whole form rather than one field.
pub const FORM: &str = brygga_domain::FieldError::FORM;

/// Field errors as message keys, for templates.
#[derive(Debug, Clone, Default)]
pub struct Errors {
    fields: Vec<(String, &'static str)>,
    /// A message for the whole form (conflict, failed login).
    pub form: Option<&'static str>,
}

impl Errors {
    pub fn form(key: &'static str) -> Self {
        Errors {
            fields: vec![],
            form: Some(key),
        }
    }

    pub fn get(&self, field: &str) -> Option<&'static str> {
        self.fields
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, k)| *k)
    }

    pub fn has(&self, field: &str) -> bool {
        self.get(field).is_some()
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.form.is_none()
    }

    pub fn count(&self) -> usize {
        self.fields.len()
    }
}

impl From<FieldErrors> for Errors {
    fn from(e: FieldErrors) -> Self {
        let mut fields: Vec<(String, &'static str)> = vec![];
        let mut form = None;
        for fe in e.0 {
            if fe.field == FORM {
                form = form.or(Some(fe.key));
            } else if !fields.iter().any(|(f, _)| *f == fe.field) {
                fields.push((fe.field, fe.key));
            }
        }
        Errors { fields, form }
    }
}

/// A fresh nonce for a create form (`create_key`): sending the same form twice makes one
/// record (`Store::create_once`).
pub fn new_create_key() -> String {
    hex::encode(rand::random::<[u8; 16]>())
}

/// The `Idempotency-Key` an API client sent with a create, empty if none: two requests with the
/// same key make one record, and the second is answered with it.
pub fn idempotency_key(headers: &axum::http::HeaderMap) -> String {
    headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

/// The status a re-rendered form answers with.
pub fn form_status(errors: &Errors) -> StatusCode {
    match errors.form {
        Some("error-conflict") => StatusCode::CONFLICT,
        _ if errors.is_empty() => StatusCode::OK,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// Validation and conflicts go back to the form; everything else is an error page.
pub fn form_errors(e: impl Into<brygga_app::Error>) -> Result<Errors, WebError> {
    match e.into() {
        brygga_app::Error::Invalid(fe) => Ok(Errors::from(fe)),
        brygga_app::Error::Conflict => Ok(Errors::form("error-conflict")),
        other => Err(other.into()),
    }
}

/// Run a write on validated input; invalid input becomes the same error the write would give.
pub async fn save<I, T, E: Into<brygga_app::Error>>(
    draft: Result<I, FieldErrors>,
    write: impl AsyncFnOnce(I) -> Result<T, E>,
) -> Result<T, brygga_app::Error> {
    match draft {
        Ok(input) => write(input).await.map_err(Into::into),
        Err(e) => Err(brygga_app::Error::Invalid(e)),
    }
}

/// After a save: to the saved record's page (`{collection}/{id}`), or back to the form with its
/// errors.
pub fn saved_or_errors(
    result: Result<i32, impl Into<brygga_app::Error>>,
    collection: &str,
) -> Result<Result<Response, Errors>, WebError> {
    match result {
        Ok(id) => Ok(Ok(
            Redirect::to(&format!("{collection}/{id}")).into_response()
        )),
        Err(e) => form_errors(e).map(Err),
    }
}

// ------------------------------------------------------------------ tables of rows

/// The first word of a pick-list value such as "5321 – Undersköterskor", i.e. the code.
pub fn code_of(s: &str) -> String {
    s.split_whitespace().next().unwrap_or("").to_string()
}

/// The `i`-th value of a repeated field (rows of a table), empty if the row has none.
pub fn cell(v: &[String], i: usize) -> String {
    v.get(i).map(|s| s.trim().to_string()).unwrap_or_default()
}

/// Rows of a table of inputs submitted as parallel repeated fields, without the blank rows.
pub fn rows<const N: usize>(columns: [&[String]; N]) -> Vec<[String; N]> {
    let n = columns.iter().map(|c| c.len()).max().unwrap_or(0);
    (0..n)
        .map(|i| columns.map(|c| cell(c, i)))
        .filter(|r| r.iter().any(|c| !c.is_empty()))
        .collect()
}

/// Blank rows shown below the filled ones, for adding more without JavaScript.
pub const BLANK_ROWS: usize = 2;

pub fn with_blanks<const N: usize>(mut r: Vec<[String; N]>) -> Vec<[String; N]> {
    r.extend((0..BLANK_ROWS).map(|_| std::array::from_fn(|_| String::new())));
    r
}

pub fn languages(names: &[String], levels: &[String]) -> Vec<LanguageSkill> {
    rows([names, levels])
        .into_iter()
        .map(|[language, level]| LanguageSkill { language, level })
        .collect()
}

pub fn unzip2(v: impl Iterator<Item = [String; 2]>) -> (Vec<String>, Vec<String>) {
    v.map(|[a, b]| (a, b)).unzip()
}
