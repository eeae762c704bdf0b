//! PDFs from typst templates shipped in the binary, with the fonts typst embeds (nothing is
//! fetched at run time).
//!
//! The data goes in as one JSON document (`sys.inputs.data`) that the template decodes and shows
//! as text, so nothing a user typed is ever spliced into typst markup.

use std::sync::LazyLock;

use serde::Serialize;

pub use brygga_domain::agreement::{
    AgreementDocument, CollaborationAgreement, DecisionRef, InternshipAgreement,
};
use typst::foundations::{Dict, IntoValue};
use typst_as_lib::typst_kit_options::TypstKitFontOptions;
use typst_as_lib::{TypstEngine, TypstTemplateMainFile};
use typst_layout::PagedDocument;

const COMMON: &str = include_str!("../templates/common.typ");
const COLLABORATION: &str = include_str!("../templates/collaboration.typ");
const INTERNSHIP: &str = include_str!("../templates/internship.typ");

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the template did not compile: {0}")]
    Compile(String),
    #[error("the PDF could not be written: {0}")]
    Export(String),
}

fn engine(main: (&'static str, &'static str)) -> TypstEngine<TypstTemplateMainFile> {
    TypstEngine::builder()
        .main_file(main)
        .with_static_source_file_resolver([("common.typ", COMMON)])
        .search_fonts_with(
            TypstKitFontOptions::default()
                .include_system_fonts(false)
                .include_embedded_fonts(true),
        )
        .build()
}

// Building an engine loads the embedded fonts; do it once per template.
static COLLABORATION_ENGINE: LazyLock<TypstEngine<TypstTemplateMainFile>> =
    LazyLock::new(|| engine(("collaboration.typ", COLLABORATION)));
static INTERNSHIP_ENGINE: LazyLock<TypstEngine<TypstTemplateMainFile>> =
    LazyLock::new(|| engine(("internship.typ", INTERNSHIP)));

fn document(
    engine: &TypstEngine<TypstTemplateMainFile>,
    data: &impl Serialize,
) -> Result<PagedDocument, PdfError> {
    let json = serde_json::to_string(data).map_err(|e| PdfError::Compile(e.to_string()))?;
    let mut inputs = Dict::new();
    inputs.insert("data".into(), json.into_value());
    engine
        .compile_with_input(inputs)
        .output
        .map_err(|e| PdfError::Compile(e.to_string()))
}

fn export(doc: &PagedDocument) -> Result<Vec<u8>, PdfError> {
    typst_pdf::pdf(doc, &typst_pdf::PdfOptions::default())
        .map_err(|e| PdfError::Export(format!("{e:?}")))
}

/// The collaboration agreement as a PDF. CPU-bound: call it off the async runtime.
pub fn collaboration_agreement(a: &CollaborationAgreement) -> Result<Vec<u8>, PdfError> {
    export(&document(&COLLABORATION_ENGINE, a)?)
}

/// The internship agreement as a PDF. CPU-bound: call it off the async runtime.
pub fn internship_agreement(a: &InternshipAgreement) -> Result<Vec<u8>, PdfError> {
    export(&document(&INTERNSHIP_ENGINE, a)?)
}

/// Either agreement as a PDF. CPU-bound: call it off the async runtime.
pub fn agreement_pdf(doc: &AgreementDocument) -> Result<Vec<u8>, PdfError> {
    match doc {
        AgreementDocument::Collaboration(a) => collaboration_agreement(a),
        AgreementDocument::Internship(a) => internship_agreement(a),
    }
}

/// The typst renderer behind the domain's `Renderer` trait (what the binary wires in).
#[derive(Debug, Clone, Copy, Default)]
pub struct TypstRenderer;

impl brygga_domain::document::Renderer for TypstRenderer {
    fn agreement_pdf(
        &self,
        doc: &AgreementDocument,
    ) -> Result<Vec<u8>, brygga_domain::document::RenderError> {
        agreement_pdf(doc).map_err(|e| brygga_domain::document::RenderError(e.to_string()))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use typst::layout::{Frame, FrameItem};

    /// The text laid out on the pages, in order (what a reader of the PDF sees).
    fn text_of(doc: &PagedDocument) -> String {
        fn walk(frame: &Frame, out: &mut String) {
            for (_, item) in frame.items() {
                match item {
                    FrameItem::Group(g) => walk(&g.frame, out),
                    FrameItem::Text(t) => {
                        out.push_str(&t.text);
                        out.push(' ');
                    }
                    _ => {}
                }
            }
        }
        let mut out = String::new();
        for page in doc.pages() {
            walk(&page.frame, &mut out);
        }
        out
    }

    fn collaboration() -> CollaborationAgreement {
        CollaborationAgreement {
            programme: "Praktik Göteborg".into(),
            organisation: "Göteborgs Stad".into(),
            // Typst markup in user data must come out as text, not be evaluated.
            employer_name: "Bygg & Co #strong[AB] $x$".into(),
            org_number: "556677-8899".into(),
            contact: "Åsa Öberg, asa@example.se, 070-123 45 67".into(),
            coordinator: "Karin Koordinator".into(),
            date: "2026-12-01".into(),
        }
    }

    fn internship(decision: Option<DecisionRef>) -> InternshipAgreement {
        InternshipAgreement {
            programme: "Praktik Göteborg".into(),
            organisation: "Göteborgs Stad".into(),
            participant_name: "Amina Yusuf".into(),
            birth_year: 1991,
            employer_name: "Vårdhemmet Solgläntan".into(),
            org_number: "212000-1355".into(),
            placement_title: "Undersköterska".into(),
            address: "Storgatan 1, Göteborg".into(),
            period_start: "2027-01-10".into(),
            period_end: "2027-04-10".into(),
            days_per_week: 4,
            hours_per_week: 32,
            supervisor: "Per Handledare".into(),
            coordinator: "Karin Koordinator".into(),
            es_officer: "Hanna Handläggare".into(),
            decision,
        }
    }

    #[test]
    fn collaboration_agreement_is_a_pdf_with_the_parties() {
        let a = collaboration();
        let pdf = collaboration_agreement(&a).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(pdf.len() > 1000);
        let doc = document(&COLLABORATION_ENGINE, &a).unwrap();
        assert_eq!(doc.pages().len(), 1);
        let text = text_of(&doc);
        assert!(text.contains("Samverkansavtal"), "{text}");
        assert!(text.contains("#strong[AB]"), "markup kept as text: {text}");
        assert!(text.contains("$x$"), "{text}");
        assert!(text.contains("556677-8899"), "{text}");
        assert!(text.contains("Öberg"), "{text}");
        assert!(text.contains("Karin"), "{text}");
    }

    #[test]
    fn internship_agreement_names_the_parties_and_the_decision() {
        let a = internship(Some(DecisionRef {
            reference: "AF-2026-4711".into(),
            period_start: "2027-01-10".into(),
            period_end: "2027-04-10".into(),
        }));
        let pdf = internship_agreement(&a).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let doc = document(&INTERNSHIP_ENGINE, &a).unwrap();
        assert!(!doc.pages().is_empty());
        let text = text_of(&doc);
        for expected in [
            "Praktikavtal",
            "Amina",
            "Yusuf",
            "1991",
            "Solgläntan",
            "Undersköterska",
            "Handledare",
            "AF-2026-4711",
            "Koordinator",
            "Arbetsförmedlingen",
            "Hanna",
            "Schema",
        ] {
            assert!(text.contains(expected), "{expected} missing from: {text}");
        }
    }

    #[test]
    fn internship_agreement_without_a_decision_says_so() {
        let doc = document(&INTERNSHIP_ENGINE, &internship(None)).unwrap();
        let text = text_of(&doc);
        assert!(text.contains("Inget beslut registrerat"), "{text}");
    }
}
