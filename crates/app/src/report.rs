//! A programme's project report (ESF) as PDF or XLSX, in the reader's language, and any list
//! as an XLSX workbook.

use brygga_domain::esf::{EsfInput, esf_report};
use brygga_domain::model::OrgKind;
use brygga_domain::report::{Report, Table, Words};
use brygga_i18n::{I18n, Lang};
use brygga_store::Actor;

use crate::{App, Error, Result, today};

/// The two files a report is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Xlsx,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "pdf" => Some(Format::Pdf),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }

    pub fn ext(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Xlsx => "xlsx",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// The reader's words and figures, from the translation files.
pub struct ReaderWords(pub I18n);

impl Words for ReaderWords {
    fn t(&self, key: &str) -> String {
        self.0.t(key)
    }

    fn number(&self, n: i64) -> String {
        self.0.decimal(n as f64, 0)
    }

    fn percent(&self, share: f64) -> String {
        self.0.percent(share)
    }
}

/// The programme's project report, built from its records as the reader sees them.
pub async fn esf(app: &App, actor: &Actor, programme_id: i32, lang: Lang) -> Result<Report> {
    let today = today();
    let (people, staff) = app
        .store
        .indicator_facts(actor, programme_id, today)
        .await?;
    let project = app.store.project(actor, programme_id).await?;
    let costs = app.store.gain_settings(actor, programme_id).await?.costs;
    let programme = app
        .store
        .programmes_for(actor)
        .await?
        .into_iter()
        .find(|o| o.id == programme_id && o.kind == OrgKind::Programme)
        .map(|o| o.name)
        .unwrap_or_default();
    let goals: Vec<_> = project
        .goals
        .iter()
        .map(|g| (g.text.clone(), g.indicator, g.target))
        .collect();
    let words = ReaderWords(I18n::new(lang));
    let mut report = esf_report(
        &EsfInput {
            programme: &programme,
            made_on: today,
            made_by: actor.name(),
            project: &project.data,
            goals: &goals,
            people: &people,
            staff: &staff,
            costs: &costs,
        },
        &words,
    );
    report.lang = lang.code().to_string();
    Ok(report)
}

/// The report written as a file, with its name. Rendering is CPU-bound: it runs off the async
/// runtime.
pub async fn esf_file(
    app: &App,
    actor: &Actor,
    programme_id: i32,
    lang: Lang,
    format: Format,
) -> Result<(String, Vec<u8>)> {
    let report = esf(app, actor, programme_id, lang).await?;
    let renderer = app.renderer.clone();
    let bytes = tokio::task::spawn_blocking(move || match format {
        Format::Pdf => renderer.report_pdf(&report),
        Format::Xlsx => renderer.report_xlsx(&report),
    })
    .await
    .map_err(|e| Error::Internal(e.to_string()))?
    .map_err(|e| Error::Internal(e.to_string()))?;
    let name = format!(
        "esf-rapport-{programme_id}-{today}.{}",
        format.ext(),
        today = today()
    );
    Ok((name, bytes))
}

/// A list as an XLSX workbook of one sheet. Rendering is CPU-bound: it runs off the async
/// runtime.
pub async fn table_xlsx(app: &App, table: Table) -> Result<Vec<u8>> {
    let renderer = app.renderer.clone();
    tokio::task::spawn_blocking(move || renderer.table_xlsx(&table))
        .await
        .map_err(|e| Error::Internal(e.to_string()))?
        .map_err(|e| Error::Internal(e.to_string()))
}
