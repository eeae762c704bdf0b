//! Brygga's domain: the nouns, their validation, and the access policy. No I/O here.

pub mod account;
pub mod agreement;
pub mod calendar;
pub mod caselog;
pub mod certificate;
pub mod clearance;
pub mod course;
pub mod document;
pub mod esf;
pub mod evaluation;
pub mod event;
pub mod exit;
pub mod field;
pub mod gain;
pub mod ids;
pub mod indicator;
pub mod interest;
pub mod internship;
pub mod interview;
pub mod journey;
pub mod learning;
pub mod lesson;
pub mod meeting;
pub mod model;
pub mod outcome;
pub mod policy;
pub mod project;
pub mod refdata;
pub mod registry;
pub mod report;
pub mod schedule;
pub mod survey;
pub mod text;
pub mod values;

pub use field::{FieldError, FieldErrors};
