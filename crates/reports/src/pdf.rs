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
pub use brygga_domain::certificate::CertificateDocument;
pub use brygga_domain::report::{Report, Table};
use typst::foundations::{Dict, IntoValue};
use typst_as_lib::typst_kit_options::TypstKitFontOptions;
use typst_as_lib::{TypstEngine, TypstTemplateMainFile};
use typst_layout::PagedDocument;

const COMMON: &str = include_str!("../templates/common.typ");
const COLLABORATION: &str = include_str!("../templates/collaboration.typ");
const INTERNSHIP: &str = include_str!("../templates/internship.typ");
const CERTIFICATE: &str = include_str!("../templates/certificate.typ");
const REPORT: &str = include_str!("../templates/report.typ");

// Arabic and Ethiopic (Tigrinya) script for the participant's half of a certificate; the fonts
// typst embeds cover Latin and Cyrillic (see fonts/README.md).
const AMIRI: &[u8] = include_bytes!("../fonts/Amiri-Regular.ttf");
const AMIRI_BOLD: &[u8] = include_bytes!("../fonts/Amiri-Bold.ttf");
const ABYSSINICA: &[u8] = include_bytes!("../fonts/AbyssinicaSIL-Regular.ttf");

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
        .fonts([AMIRI, AMIRI_BOLD, ABYSSINICA])
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
static CERTIFICATE_ENGINE: LazyLock<TypstEngine<TypstTemplateMainFile>> =
    LazyLock::new(|| engine(("certificate.typ", CERTIFICATE)));
static REPORT_ENGINE: LazyLock<TypstEngine<TypstTemplateMainFile>> =
    LazyLock::new(|| engine(("report.typ", REPORT)));

fn document(
    engine: &TypstEngine<TypstTemplateMainFile>,
    data: &impl Serialize,
) -> Result<PagedDocument, PdfError> {
    document_with(engine, data, Dict::new())
}

/// `document` with more inputs beside the data (a QR code's SVG).
fn document_with(
    engine: &TypstEngine<TypstTemplateMainFile>,
    data: &impl Serialize,
    mut inputs: Dict,
) -> Result<PagedDocument, PdfError> {
    let json = serde_json::to_string(data).map_err(|e| PdfError::Compile(e.to_string()))?;
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

/// A QR code leading to `url`, as SVG.
pub fn qr_svg(url: &str) -> Result<String, PdfError> {
    let code = qrcode::QrCode::with_error_correction_level(url, qrcode::EcLevel::M)
        .map_err(|e| PdfError::Compile(format!("QR code: {e}")))?;
    Ok(code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build())
}

fn certificate_document(doc: &CertificateDocument) -> Result<PagedDocument, PdfError> {
    let mut inputs = Dict::new();
    inputs.insert("qr".into(), qr_svg(&doc.verify_url)?.into_value());
    document_with(&CERTIFICATE_ENGINE, doc, inputs)
}

/// An internship or competence certificate as a PDF, with the QR code to its verification
/// page. CPU-bound: call it off the async runtime.
pub fn certificate_pdf(doc: &CertificateDocument) -> Result<Vec<u8>, PdfError> {
    export(&certificate_document(doc)?)
}

/// A report (the ESF project report) as a PDF. CPU-bound: call it off the async runtime.
pub fn report_pdf(r: &Report) -> Result<Vec<u8>, PdfError> {
    export(&document(&REPORT_ENGINE, r)?)
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

    fn certificate_pdf(
        &self,
        doc: &CertificateDocument,
    ) -> Result<Vec<u8>, brygga_domain::document::RenderError> {
        certificate_pdf(doc).map_err(|e| brygga_domain::document::RenderError(e.to_string()))
    }

    fn report_pdf(&self, r: &Report) -> Result<Vec<u8>, brygga_domain::document::RenderError> {
        report_pdf(r).map_err(|e| brygga_domain::document::RenderError(e.to_string()))
    }

    fn report_xlsx(&self, r: &Report) -> Result<Vec<u8>, brygga_domain::document::RenderError> {
        crate::xlsx::report_xlsx(r).map_err(|e| brygga_domain::document::RenderError(e.to_string()))
    }

    fn table_xlsx(&self, t: &Table) -> Result<Vec<u8>, brygga_domain::document::RenderError> {
        crate::xlsx::table_xlsx(t).map_err(|e| brygga_domain::document::RenderError(e.to_string()))
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

    /// The pages of the file as a PDF reader that shares nothing with typst opens it.
    fn opened_pages(pdf: &[u8]) -> usize {
        lopdf::Document::load_mem(pdf).unwrap().get_pages().len()
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
        assert_eq!(opened_pages(&pdf), 1);
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

    fn certificate(lang: Option<(&str, bool, &str, &str)>) -> CertificateDocument {
        use brygga_domain::certificate::{
            CertificateContent, CertificateKind, CertifiedRating, DocumentWords,
        };
        use brygga_domain::learning::GenericCriterion;
        let sv = |title: &str, level3: &str, generic: &str| {
            let mut labels = std::collections::BTreeMap::new();
            for k in brygga_domain::certificate::DOCUMENT_LABELS {
                labels.insert(k.to_string(), format!("sv-{k}"));
            }
            labels.insert("title".into(), title.into());
            for n in 1..=4 {
                labels.insert(format!("level-{n}"), format!("nivå {n}"));
            }
            labels.insert("level-3".into(), level3.into());
            for g in GenericCriterion::ALL {
                labels.insert(format!("generic-{}", g.as_str()), g.as_str().into());
            }
            labels.insert("generic-punctuality".into(), generic.into());
            labels
        };
        let mut words = vec![DocumentWords {
            lang: "sv".into(),
            rtl: false,
            labels: sv("Validerat kompetensbevis", "Självständigt", "Punktlighet"),
        }];
        if let Some((code, rtl, title, level3)) = lang {
            words.push(DocumentWords {
                lang: code.into(),
                rtl,
                labels: sv(title, level3, title),
            });
        }
        CertificateDocument {
            content: CertificateContent {
                kind: CertificateKind::Competence,
                credential_id: "0b7c6c4e-6f0e-4a57-9d65-3f2b7f6d1a11".into(),
                participant_name: "Amina #strong[Yusuf]".into(),
                programme: "Praktik Göteborg".into(),
                organisation: "Göteborgs Stad".into(),
                employer_name: "Vårdhemmet Solgläntan".into(),
                workplace: "Solgläntan, Storgatan 1".into(),
                placement_title: "Undersköterska".into(),
                occupation: "Undersköterskor, vård- och specialavdelning".into(),
                ssyk_code: "5321".into(),
                tasks: "Morgonrutiner och måltider".into(),
                supervisor: "Per Handledare".into(),
                period_start: "2026-09-01".parse().unwrap(),
                period_end: "2026-11-27".parse().unwrap(),
                days_per_week: 4,
                hours_per_week: 32,
                issued_on: "2026-12-01".parse().unwrap(),
                issued_by: "Karin Koordinator".into(),
                assessed_by: "Per Handledare".into(),
                assessed_on: "2026-11-27".parse().unwrap(),
                ratings: vec![
                    CertifiedRating {
                        goal: "Hygien".into(),
                        text: "Följer basala hygienrutiner".into(),
                        generic: None,
                        level: 3,
                        evidence: "Observerat varje pass".into(),
                    },
                    CertifiedRating {
                        goal: String::new(),
                        text: String::new(),
                        generic: Some(GenericCriterion::Punctuality),
                        level: 4,
                        evidence: "Alltid i tid".into(),
                    },
                ],
            },
            verify_url: "https://brygga.example.org/verify/0b7c6c4e-6f0e-4a57-9d65-3f2b7f6d1a11"
                .into(),
            words,
        }
    }

    /// The font family of each run of text that contains `needle`.
    fn fonts_of(doc: &PagedDocument, needle: &str) -> Vec<String> {
        fn walk(frame: &Frame, needle: &str, out: &mut Vec<String>) {
            for (_, item) in frame.items() {
                match item {
                    FrameItem::Group(g) => walk(&g.frame, needle, out),
                    FrameItem::Text(t) if t.text.contains(needle) => {
                        out.push(t.font.info().family.clone());
                    }
                    _ => {}
                }
            }
        }
        let mut out = vec![];
        for page in doc.pages() {
            walk(&page.frame, needle, &mut out);
        }
        out
    }

    fn has_image(doc: &PagedDocument) -> bool {
        fn walk(frame: &Frame) -> bool {
            frame.items().any(|(_, item)| match item {
                FrameItem::Group(g) => walk(&g.frame),
                FrameItem::Image(..) => true,
                _ => false,
            })
        }
        doc.pages().iter().any(|p| walk(&p.frame))
    }

    #[test]
    fn a_competence_certificate_shows_each_rating_and_a_qr_code_in_swedish_and_arabic() {
        let doc = certificate(Some(("ar", true, "شهادة الكفاءات", "مستقل")));
        let pdf = certificate_pdf(&doc).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert_eq!(opened_pages(&pdf), 1);
        let laid = certificate_document(&doc).unwrap();
        assert_eq!(laid.pages().len(), 1);
        let text = text_of(&laid);
        for expected in [
            "Validerat kompetensbevis",
            "#strong[Yusuf]",
            "Solgläntan",
            "5321",
            "Följer basala hygienrutiner",
            "Observerat varje pass",
            "Alltid i tid",
            "Självständigt",
            "Punktlighet",
            "2026-09-01",
            "brygga.example.org/verify/0b7c6c4e",
        ] {
            assert!(text.contains(expected), "{expected} missing from: {text}");
        }
        assert!(has_image(&laid), "the QR code is on the page");
        // The Arabic words are set in a font that has Arabic letters, not as empty boxes.
        let fonts = fonts_of(&laid, "مستقل");
        assert!(!fonts.is_empty(), "{text}");
        assert!(fonts.iter().all(|f| f == "Amiri"), "{fonts:?}");
    }

    #[test]
    fn a_certificate_in_tigrinya_uses_an_ethiopic_font_and_swedish_alone_has_one_language() {
        let doc = certificate(Some(("ti", false, "ምስክር ወረቐት", "ባዕለይ")));
        let laid = certificate_document(&doc).unwrap();
        let fonts = fonts_of(&laid, "ባዕለይ");
        assert!(!fonts.is_empty());
        assert!(fonts.iter().all(|f| f == "Abyssinica SIL"), "{fonts:?}");
        assert!(text_of(&laid).contains("ወረቐት"));
        let sv_only = certificate_document(&certificate(None)).unwrap();
        let text = text_of(&sv_only);
        assert!(text.contains("Självständigt"), "{text}");
        assert!(!text.contains("ወረቐት") && !text.contains("ባዕለይ"), "{text}");
    }

    #[test]
    fn a_report_lays_out_its_facts_and_every_table_with_user_text_as_text() {
        use brygga_domain::report::{Cell, Value};
        let table = |title: &str| Table {
            title: title.into(),
            columns: vec!["Indikator".into(), "Totalt".into(), "Kvinnor".into()],
            rows: vec![vec![
                Cell::text("Deltagare #strong[x]"),
                Cell {
                    shown: "12".into(),
                    value: Value::Int(12),
                },
                Cell {
                    shown: "7".into(),
                    value: Value::Int(7),
                },
            ]],
            note: "Räknar de som samtyckt".into(),
        };
        let r = Report {
            lang: "sv".into(),
            title: "Projektrapport (ESF)".into(),
            subtitle: "Praktik Göteborg".into(),
            facts: vec![("Projektnummer".into(), "2026/00123 $x$".into())],
            tables: (1..=8).map(|n| table(&format!("Tabell {n}"))).collect(),
            footer: "Skapad 2026-12-04 av Petra".into(),
        };
        let pdf = report_pdf(&r).unwrap();
        let laid = document(&REPORT_ENGINE, &r).unwrap();
        let text = text_of(&laid);
        for expected in [
            "Projektrapport",
            "2026/00123 $x$",
            "Tabell 1",
            "Tabell 8",
            "#strong[x]",
            "Kvinnor",
            "12",
            "samtyckt",
            "Petra",
        ] {
            assert!(text.contains(expected), "{expected} missing from: {text}");
        }
        assert!(laid.pages().len() >= 2, "eight tables run over a page");
        // The file opens as a PDF, its pages those laid out.
        assert_eq!(opened_pages(&pdf), laid.pages().len());
    }

    #[test]
    fn the_qr_code_is_an_svg_of_the_address() {
        let svg = qr_svg("https://brygga.example.org/verify/x").unwrap();
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
        assert_ne!(svg, qr_svg("https://brygga.example.org/verify/y").unwrap());
    }
}
