//! Brygga's documents and reports: PDFs (agreements, certificates, reports) and XLSX workbooks
//! (reports, lists). No HTTP
//! and no database here: callers hand in the data, this crate hands back bytes.

pub mod pdf;
pub mod xlsx;

pub use pdf::TypstRenderer;
