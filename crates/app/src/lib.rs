//! Brygga's use cases: one function per thing a user does that combines records, rules,
//! matching, documents or email. The web layer and the CLI call these; they hold no business
//! rules of their own. No HTTP here.

pub mod account;
pub mod agreement;
pub mod calendar_invite;
pub mod caselog;
pub mod certificate;
pub mod course;
pub mod event;
pub mod exit;
pub mod gain;
pub mod ics;
pub mod internship;
pub mod interview;
pub mod learning;
pub mod lesson;
pub mod mail;
pub mod match_index;
pub mod matching;
pub mod meeting;
pub mod notify;
pub mod org;
pub mod outcome;
pub mod project;
pub mod report;
pub mod schedule;
pub mod survey;

use std::sync::Arc;

use brygga_domain::FieldErrors;
use brygga_domain::document::Renderer;
use brygga_domain::refdata::RefData;
use brygga_store::files::FileStore;
use brygga_store::{Store, StoreError};

pub use mail::MailSettings;

/// What the use cases work with: the store, the reference data, the file store, how email
/// leaves, and the document renderer (wired in by the binary).
#[derive(Clone)]
pub struct App {
    pub store: Store,
    pub refdata: Arc<RefData>,
    /// Where uploaded and generated files are kept.
    pub files: FileStore,
    pub mail: MailSettings,
    pub renderer: Arc<dyn Renderer>,
    /// The matching indexes this instance keeps in memory (see `match_index`).
    pub match_index: Arc<match_index::MatchIndex>,
}

/// Why a use case did not happen. The web layer maps each kind once (422 with field errors,
/// 409, 404, 403, else 500).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    /// Someone else saved the record after the caller read it.
    #[error("the record was changed by someone else")]
    Conflict,
    #[error("invalid input: {0}")]
    Invalid(FieldErrors),
    /// Not the user's doing: the database, a document that would not render, a lost task.
    #[error("{0}")]
    Internal(String),
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Error::NotFound,
            StoreError::Forbidden => Error::Forbidden,
            StoreError::Conflict => Error::Conflict,
            StoreError::Invalid(fe) => Error::Invalid(fe),
            other => Error::Internal(other.to_string()),
        }
    }
}

impl From<FieldErrors> for Error {
    fn from(e: FieldErrors) -> Self {
        Error::Invalid(e)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Today's date in Stockholm (whatever the server's time zone).
pub fn today() -> chrono::NaiveDate {
    brygga_domain::calendar::today()
}
