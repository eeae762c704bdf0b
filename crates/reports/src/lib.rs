//! Brygga's documents and reports: statistics, exports and PDFs (agreements, guides). No HTTP
//! and no database here: callers hand in the data, this crate hands back bytes.

pub mod pdf;

pub use pdf::TypstRenderer;
