//! The lists a coordinator sees, as files: CSV (streamed a page of rows at a time, never whole
//! in memory, of any length) and XLSX (up to `XLSX_MAX_ROWS` rows; a longer list is refused
//! with a message that says so and offers the CSV). The rows and columns are those the list
//! shows the reader: the same store function, the same filter, the same columns her role may
//! see.

use std::future::Future;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use brygga_domain::model::{EligibilityStatus, PlacementStatus, Sector};
use brygga_domain::policy::{Action, Resource};
use brygga_domain::report::{Cell, Table, Value};
use brygga_i18n::I18n;
use brygga_store::course::CourseSummary;
use brygga_store::employer::{EmployerFilter, EmployerSummary};
use brygga_store::event::{EventSummary, StaffRow};
use brygga_store::lesson::LessonView;
use brygga_store::participant::{ParticipantFilter, ParticipantSummary};
use brygga_store::placement::{PlacementFilter, PlacementSummary};
use brygga_store::{Page, StoreError};
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Lists, Staff, WebError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/participants/export", get(participants))
        .route("/employers/export", get(employers))
        .route("/placements/export", get(placements))
        .route("/courses/export", get(courses))
        .route("/events/export", get(events))
        .route("/events/people/export", get(staff_register))
        .route("/lessons/export", get(lessons))
}

/// The longest list written as XLSX unless configured otherwise (`AppState::xlsx_max_rows`).
pub const XLSX_MAX_ROWS: u64 = 10_000;

/// The file asked for: `csv` or `xlsx`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct FormatQuery {
    format: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Xlsx,
}

impl FormatQuery {
    fn format(&self) -> Result<Format, WebError> {
        match self.format.as_str() {
            "csv" | "" => Ok(Format::Csv),
            "xlsx" => Ok(Format::Xlsx),
            _ => Err(WebError::NotFound),
        }
    }
}

/// How one of a list's items reads as a row of cells.
type RowOf<T> = Arc<dyn Fn(&T) -> Vec<Cell> + Send + Sync>;

/// A list's export: its file name, sheet title, column heads and how a row reads.
struct ListExport<T> {
    name: &'static str,
    title: String,
    columns: Vec<String>,
    row: RowOf<T>,
}

#[derive(Template, WebTemplate)]
#[template(path = "export/too_large.html")]
struct TooLargePage {
    chrome: Chrome,
    rows: u64,
    max: u64,
    /// The same list as CSV.
    csv_link: String,
    back_link: String,
}

crate::http::page_chrome!(TooLargePage);

impl TooLargePage {
    fn message(&self) -> String {
        let i18n = &self.chrome.i18n;
        i18n.t2(
            "export-too-large",
            ("rows", &i18n.decimal(self.rows as f64, 0)),
            ("max", &i18n.decimal(self.max as f64, 0)),
        )
    }
}

/// A cell as CSV writes it: text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`
/// first) is kept as text with a leading apostrophe; a whole number as digits; a decimal or a
/// share as the reader writes it (a decimal comma in Swedish).
fn csv_field(c: &Cell) -> String {
    match &c.value {
        Value::Text(s) if s.starts_with(['=', '+', '-', '@', '\t', '\r']) => format!("'{s}"),
        Value::Text(s) => s.clone(),
        Value::Int(n) => n.to_string(),
        Value::Number(_) | Value::Percent(_) => c.shown.clone(),
        Value::Empty => String::new(),
    }
}

/// Rows as CSV the way a spreadsheet set to Swedish opens it: fields separated by `;`, and the
/// file (its first chunk, with the heads) starting with a byte-order mark that says UTF-8.
fn csv_chunk(head: Option<&[String]>, rows: &[Vec<Cell>]) -> Result<Bytes, std::io::Error> {
    let start = if head.is_some() { "\u{feff}" } else { "" };
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(start.as_bytes().to_vec());
    if let Some(head) = head {
        w.write_record(head)?;
    }
    for r in rows {
        w.write_record(r.iter().map(csv_field))?;
    }
    w.into_inner()
        .map(Bytes::from)
        .map_err(|e| std::io::Error::other(e.to_string()))
}

fn file_name(stem: &str, ext: &str) -> String {
    format!("{stem}-{}.{ext}", brygga_app::today())
}

/// The list as a file. The first page is read before anything is sent, so that a list the
/// reader may not see is refused as a page, not as a broken download.
async fn export<T, F, Fut>(
    s: &AppState,
    chrome: Chrome,
    format: Format,
    back_link: String,
    e: ListExport<T>,
    fetch: F,
) -> Result<Response, WebError>
where
    T: Send + Sync + 'static,
    F: Fn(u64) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<Page<T>, StoreError>> + Send + 'static,
{
    let first = fetch(1).await?;
    let pages = first.pages().max(1);
    match format {
        Format::Xlsx => {
            if first.total > s.xlsx_max_rows {
                let csv_link = back_link.replacen('?', "/export?format=csv&", 1);
                let page = TooLargePage {
                    chrome,
                    rows: first.total,
                    max: s.xlsx_max_rows,
                    csv_link,
                    back_link,
                };
                return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
            }
            let mut rows: Vec<Vec<Cell>> = first.items.iter().map(|t| (e.row)(t)).collect();
            for n in 2..=pages {
                rows.extend(fetch(n).await?.items.iter().map(|t| (e.row)(t)));
            }
            let table = Table {
                title: e.title,
                columns: e.columns,
                rows,
                note: String::new(),
            };
            let bytes = brygga_app::report::table_xlsx(s, table).await?;
            Ok(crate::file::download(
                brygga_app::report::Format::Xlsx.content_type(),
                &file_name(e.name, "xlsx"),
                bytes,
            ))
        }
        Format::Csv => {
            let head = csv_chunk(
                Some(&e.columns),
                &first.items.iter().map(|t| (e.row)(t)).collect::<Vec<_>>(),
            )
            .map_err(|err| WebError::Internal(err.to_string()))?;
            let row = e.row.clone();
            let rest = futures_util::stream::unfold(2u64, move |n| {
                let (fetch, row) = (fetch.clone(), row.clone());
                async move {
                    if n > pages {
                        return None;
                    }
                    let chunk = match fetch(n).await {
                        Ok(p) => {
                            csv_chunk(None, &p.items.iter().map(|t| row(t)).collect::<Vec<_>>())
                        }
                        Err(err) => Err(std::io::Error::other(err.to_string())),
                    };
                    Some((chunk, n + 1))
                }
            });
            let body = futures_util::StreamExt::chain(
                futures_util::stream::once(async move { Ok(head) }),
                rest,
            );
            Ok(crate::file::download(
                "text/csv; charset=utf-8",
                &file_name(e.name, "csv"),
                Body::from_stream(body),
            ))
        }
    }
}

/// A list the store reads whole (it is short: a programme's lessons, its staff register) as one
/// page.
fn whole<T>(items: Vec<T>) -> Page<T> {
    let n = items.len() as u64;
    Page {
        items,
        page: 1,
        per_page: n.max(1),
        total: n,
    }
}

fn int(n: impl Into<i64>) -> Cell {
    let n = n.into();
    Cell {
        shown: n.to_string(),
        value: Value::Int(n),
    }
}

/// A label from the translation files, by its key.
fn label(i18n: &I18n, key: &str) -> Cell {
    Cell::text(i18n.t(key))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ParticipantQuery {
    q: String,
    municipality_code: String,
    eligibility: String,
}

async fn participants(
    State(s): State<AppState>,
    st: Staff,
    Query(f): Query<FormatQuery>,
    Query(q): Query<ParticipantQuery>,
) -> Result<Response, WebError> {
    let format = f.format()?;
    let i18n = st.chrome.i18n;
    let eligibility = brygga_store::Store::may_filter_by_eligibility(&st.actor);
    let mut columns = vec![
        i18n.t("field-last_name"),
        i18n.t("field-first_name"),
        i18n.t("field-birth_year"),
        i18n.t("field-municipality_code"),
        i18n.t("field-swedish_level"),
    ];
    if eligibility {
        columns.push(i18n.t("field-eligibility"));
    }
    let lists = Lists::of(&s);
    let row = move |p: &ParticipantSummary| {
        let mut r = vec![
            Cell::text(p.last_name.clone()),
            Cell::text(p.first_name.clone()),
            Cell {
                shown: p.birth_year.to_string(),
                value: Value::Int(p.birth_year.into()),
            },
            Cell::text(lists.municipality_name(&p.municipality_code)),
            p.swedish_level.clone().map_or_else(Cell::empty, Cell::text),
        ];
        if eligibility {
            r.push(
                p.eligibility
                    .as_ref()
                    .map_or_else(Cell::empty, |e| label(&i18n, &format!("eligibility-{e}"))),
            );
        }
        r
    };
    let filter = ParticipantFilter {
        q: q.q.clone(),
        municipality_code: q.municipality_code.clone(),
        programme_id: None,
        eligibility: EligibilityStatus::parse(&q.eligibility).ok(),
        page: 1,
    };
    let back_link = format!(
        "/participants?q={}&municipality_code={}&eligibility={}",
        crate::http::urlencode(&q.q),
        crate::http::urlencode(&q.municipality_code),
        crate::http::urlencode(&q.eligibility)
    );
    let (store, actor) = (s.store.clone(), st.actor.clone());
    let fetch = move |page: u64| {
        let (store, actor, f) = (store.clone(), actor.clone(), filter.clone());
        async move {
            store
                .participant_list_export(&actor, &ParticipantFilter { page, ..f })
                .await
        }
    };
    let e = ListExport {
        name: "deltagare",
        title: i18n.t("nav-participants"),
        columns,
        row: Arc::new(row),
    };
    export(&s, st.chrome, format, back_link, e, fetch).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct EmployerQuery {
    q: String,
    sector: String,
}

async fn employers(
    State(s): State<AppState>,
    st: Staff,
    Query(f): Query<FormatQuery>,
    Query(q): Query<EmployerQuery>,
) -> Result<Response, WebError> {
    let format = f.format()?;
    let i18n = st.chrome.i18n;
    let columns = vec![
        i18n.t("field-name"),
        i18n.t("field-org_number"),
        i18n.t("field-sector"),
        i18n.t("field-agreement_status"),
    ];
    let row = move |e: &EmployerSummary| {
        vec![
            Cell::text(e.name.clone()),
            Cell::text(e.org_number.clone()),
            label(&i18n, &format!("sector-{}", e.sector)),
            label(&i18n, &format!("agreement-{}", e.agreement_status)),
        ]
    };
    let filter = EmployerFilter {
        q: q.q.clone(),
        sector: Sector::parse(&q.sector).ok(),
        page: 1,
    };
    let back_link = format!(
        "/employers?q={}&sector={}",
        crate::http::urlencode(&q.q),
        crate::http::urlencode(&q.sector)
    );
    let (store, actor) = (s.store.clone(), st.actor.clone());
    let fetch = move |page: u64| {
        let (store, actor, f) = (store.clone(), actor.clone(), filter.clone());
        async move {
            store
                .employer_list_export(&actor, &EmployerFilter { page, ..f })
                .await
        }
    };
    let e = ListExport {
        name: "arbetsgivare",
        title: i18n.t("nav-employers"),
        columns,
        row: Arc::new(row),
    };
    export(&s, st.chrome, format, back_link, e, fetch).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PlacementQuery {
    q: String,
    status: String,
    municipality_code: String,
}

async fn placements(
    State(s): State<AppState>,
    st: Staff,
    Query(f): Query<FormatQuery>,
    Query(q): Query<PlacementQuery>,
) -> Result<Response, WebError> {
    let format = f.format()?;
    let i18n = st.chrome.i18n;
    let columns = vec![
        i18n.t("field-title"),
        i18n.t("field-ssyk_code"),
        i18n.t("field-municipality_code"),
        i18n.t("field-period_start"),
        i18n.t("field-status"),
    ];
    let lists = Lists::of(&s);
    let row = move |p: &PlacementSummary| {
        vec![
            Cell::text(p.title.clone()),
            Cell::text(lists.occupation_name(&p.ssyk_code, &i18n)),
            Cell::text(lists.municipality_name(&p.municipality_code)),
            Cell::text(p.period_start.to_string()),
            label(&i18n, &format!("placement-status-{}", p.status)),
        ]
    };
    let filter = PlacementFilter {
        q: q.q.clone(),
        status: PlacementStatus::parse(&q.status).ok(),
        municipality_code: q.municipality_code.clone(),
        employer_id: None,
        page: 1,
    };
    let back_link = format!(
        "/placements?q={}&status={}&municipality_code={}",
        crate::http::urlencode(&q.q),
        crate::http::urlencode(&q.status),
        crate::http::urlencode(&q.municipality_code)
    );
    let (store, actor) = (s.store.clone(), st.actor.clone());
    let fetch = move |page: u64| {
        let (store, actor, f) = (store.clone(), actor.clone(), filter.clone());
        async move {
            store
                .placement_list_export(&actor, &PlacementFilter { page, ..f })
                .await
        }
    };
    let e = ListExport {
        name: "platsannonser",
        title: i18n.t("nav-placements"),
        columns,
        row: Arc::new(row),
    };
    export(&s, st.chrome, format, back_link, e, fetch).await
}

async fn courses(
    State(s): State<AppState>,
    st: Staff,
    Query(f): Query<FormatQuery>,
) -> Result<Response, WebError> {
    st.require(Action::List, Resource::Course)?;
    let format = f.format()?;
    let i18n = st.chrome.i18n;
    let columns = vec![
        i18n.t("field-name"),
        i18n.t("field-course_kind"),
        i18n.t("field-course_start"),
        i18n.t("field-course_end"),
        i18n.t("field-location"),
        i18n.t("field-course_capacity"),
        i18n.t("export-places-taken"),
    ];
    let row = move |c: &CourseSummary| {
        vec![
            Cell::text(c.name.clone()),
            label(&i18n, &c.kind.label_key()),
            Cell::text(c.start_date.to_string()),
            Cell::text(c.end_date.to_string()),
            Cell::text(c.location.clone()),
            int(c.capacity),
            int(c.taken),
        ]
    };
    let (store, actor) = (s.store.clone(), st.actor.clone());
    let fetch = move |page: u64| {
        let (store, actor) = (store.clone(), actor.clone());
        async move { store.course_list(&actor, page).await }
    };
    let e = ListExport {
        name: "kurser",
        title: i18n.t("course-list-title"),
        columns,
        row: Arc::new(row),
    };
    export(&s, st.chrome, format, "/courses?".into(), e, fetch).await
}

async fn events(
    State(s): State<AppState>,
    st: Staff,
    Query(f): Query<FormatQuery>,
) -> Result<Response, WebError> {
    st.require(Action::List, Resource::Event)?;
    let format = f.format()?;
    let i18n = st.chrome.i18n;
    let columns = vec![
        i18n.t("field-title"),
        i18n.t("field-kind"),
        i18n.t("event-first-session"),
        i18n.t("field-capacity"),
        i18n.t("export-registered"),
        i18n.t("export-waitlisted"),
    ];
    let row = move |e: &EventSummary| {
        vec![
            Cell::text(e.title.clone()),
            Cell::text(crate::event::kind_label(&i18n, &e.kind, &e.kind_name)),
            Cell::text(
                e.first_session
                    .as_ref()
                    .map(crate::event::when)
                    .unwrap_or_default(),
            ),
            int(e.capacity),
            int(e.registered as i64),
            int(e.waitlisted as i64),
        ]
    };
    let (store, actor) = (s.store.clone(), st.actor.clone());
    let fetch = move |page: u64| {
        let (store, actor) = (store.clone(), actor.clone());
        async move { store.event_list(&actor, page).await }
    };
    let e = ListExport {
        name: "evenemang",
        title: i18n.t("event-list-title"),
        columns,
        row: Arc::new(row),
    };
    export(&s, st.chrome, format, "/events?".into(), e, fetch).await
}

async fn staff_register(
    State(s): State<AppState>,
    st: Staff,
    Query(f): Query<FormatQuery>,
) -> Result<Response, WebError> {
    st.require(Action::List, Resource::StaffRegister)?;
    let format = f.format()?;
    let i18n = st.chrome.i18n;
    let columns = vec![
        i18n.t("field-name"),
        i18n.t("field-organisation"),
        i18n.t("field-role_level"),
        i18n.t("field-gender"),
        i18n.t("event-trainings"),
        i18n.t("event-hours"),
    ];
    let row = move |p: &StaffRow| {
        vec![
            Cell::text(p.name.clone()),
            Cell::text(p.organisation.clone()),
            label(&i18n, &p.role_level.label_key()),
            label(&i18n, &p.gender.label_key()),
            int(p.trainings as i64),
            Cell {
                shown: i18n.decimal(p.hours, 1),
                value: Value::Number(p.hours),
            },
        ]
    };
    let (store, actor) = (s.store.clone(), st.actor.clone());
    let fetch = move |_page: u64| {
        let (store, actor) = (store.clone(), actor.clone());
        async move { Ok(whole(store.staff_register(&actor).await?.people)) }
    };
    let e = ListExport {
        name: "personalregister",
        title: i18n.t("event-staff-title"),
        columns,
        row: Arc::new(row),
    };
    export(&s, st.chrome, format, "/events/people?".into(), e, fetch).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LessonQuery {
    programme: Option<i32>,
}

async fn lessons(
    State(s): State<AppState>,
    st: Staff,
    Query(f): Query<FormatQuery>,
    Query(q): Query<LessonQuery>,
) -> Result<Response, WebError> {
    st.require(Action::List, Resource::Lesson)?;
    let format = f.format()?;
    let i18n = st.chrome.i18n;
    let columns = vec![
        i18n.t("lesson-field-noted-on"),
        i18n.t("lesson-field-programme"),
        i18n.t("lesson-field-kind"),
        i18n.t("lesson-field-text"),
        i18n.t("lesson-field-action"),
        i18n.t("export-changed-by"),
    ];
    let row = move |l: &LessonView| {
        vec![
            Cell::text(l.noted_on.to_string()),
            Cell::text(l.programme.clone()),
            label(&i18n, &l.kind.label_key()),
            Cell::text(l.text.clone()),
            Cell::text(l.action.clone()),
            Cell::text(l.updated_by_name.clone()),
        ]
    };
    let back_link = match q.programme {
        Some(p) => format!("/lessons?programme={p}"),
        None => "/lessons?".into(),
    };
    let (store, actor, programme) = (s.store.clone(), st.actor.clone(), q.programme);
    let fetch = move |_page: u64| {
        let (store, actor) = (store.clone(), actor.clone());
        async move { Ok(whole(store.lessons(&actor, programme).await?)) }
    };
    let e = ListExport {
        name: "lardomar",
        title: i18n.t("lesson-title"),
        columns,
        row: Arc::new(row),
    };
    export(&s, st.chrome, format, back_link, e, fetch).await
}
