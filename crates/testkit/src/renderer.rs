//! A document renderer for the web tests: a real, well-formed one-page PDF that names the
//! document and its parties, made without the typesetting engine (which the `reports` crate
//! tests on its own), so the web tests do not link typst.

use brygga_domain::agreement::AgreementDocument;
use brygga_domain::certificate::CertificateDocument;
use brygga_domain::document::{RenderError, Renderer};
use brygga_domain::report::{Report, Table};

#[derive(Debug, Clone, Copy, Default)]
pub struct PlainPdfRenderer;

impl Renderer for PlainPdfRenderer {
    fn agreement_pdf(&self, doc: &AgreementDocument) -> Result<Vec<u8>, RenderError> {
        let lines = match doc {
            AgreementDocument::Collaboration(a) => vec![
                "Samverkansavtal".to_string(),
                a.employer_name.clone(),
                a.org_number.clone(),
                a.programme.clone(),
            ],
            AgreementDocument::Internship(a) => vec![
                "Praktikavtal".to_string(),
                a.participant_name.clone(),
                a.employer_name.clone(),
                a.placement_title.clone(),
            ],
        };
        Ok(pdf(&lines))
    }

    fn certificate_pdf(&self, doc: &CertificateDocument) -> Result<Vec<u8>, RenderError> {
        let title = doc
            .words
            .iter()
            .map(|w| w.labels.get("title").cloned().unwrap_or_default())
            .collect::<Vec<_>>()
            .join(" / ");
        let mut lines = vec![
            title,
            doc.content.participant_name.clone(),
            doc.content.employer_name.clone(),
            doc.verify_url.clone(),
        ];
        for r in &doc.content.ratings {
            lines.push(format!("{} {}: {}", r.text, r.level, r.evidence));
        }
        Ok(pdf(&lines))
    }

    fn report_pdf(&self, r: &Report) -> Result<Vec<u8>, RenderError> {
        let mut lines = vec![r.title.clone(), r.subtitle.clone()];
        lines.extend(r.facts.iter().map(|(k, v)| format!("{k}: {v}")));
        lines.extend(r.tables.iter().map(|t| t.title.clone()));
        Ok(pdf(&lines))
    }

    // The workbooks are the real ones: writing them needs no typesetting engine.
    fn report_xlsx(&self, r: &Report) -> Result<Vec<u8>, RenderError> {
        brygga_reports::xlsx::report_xlsx(r).map_err(|e| RenderError(e.to_string()))
    }

    fn table_xlsx(&self, t: &Table) -> Result<Vec<u8>, RenderError> {
        brygga_reports::xlsx::table_xlsx(t).map_err(|e| RenderError(e.to_string()))
    }
}

/// A one-page PDF with the lines in Helvetica (ASCII only; anything else becomes `?`).
pub fn pdf(lines: &[String]) -> Vec<u8> {
    let mut content = String::from("BT /F1 14 Tf 72 770 Td 18 TL\n");
    for line in lines {
        let text: String = line
            .chars()
            .map(|c| match c {
                '(' | ')' | '\\' => ' ',
                c if c.is_ascii() && !c.is_ascii_control() => c,
                _ => '?',
            })
            .collect();
        content.push_str(&format!("({text}) Tj T*\n"));
    }
    content.push_str("ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = vec![];
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}
