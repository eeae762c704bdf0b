//! Documents Brygga issues (agreements, certificates, reports and lists), as a trait the
//! use cases call and the `reports` crate implements. Keeping the trait here lets the web layer
//! and its tests stay free of the typesetting engine: only the binary wires the real renderer in.

use crate::agreement::AgreementDocument;
use crate::certificate::CertificateDocument;
use crate::report::{Report, Table};

/// Why a document could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the document could not be rendered: {0}")]
pub struct RenderError(pub String);

/// Turns a document's data into a file. Rendering is CPU-bound: callers run it off the async
/// runtime.
pub trait Renderer: Send + Sync + 'static {
    /// Either agreement as a PDF.
    fn agreement_pdf(&self, doc: &AgreementDocument) -> Result<Vec<u8>, RenderError>;

    /// An internship or competence certificate as a PDF, with a QR code to its verification.
    fn certificate_pdf(&self, doc: &CertificateDocument) -> Result<Vec<u8>, RenderError>;

    /// A report (the ESF project report) as a PDF.
    fn report_pdf(&self, report: &Report) -> Result<Vec<u8>, RenderError>;

    /// A report as an XLSX workbook: its facts, then each table on a sheet of its own.
    fn report_xlsx(&self, report: &Report) -> Result<Vec<u8>, RenderError>;

    /// A list as an XLSX workbook of one sheet.
    fn table_xlsx(&self, table: &Table) -> Result<Vec<u8>, RenderError>;
}
