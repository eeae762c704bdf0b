//! The evaluator's pseudonymised export: the page that says what is in it (`/evaluation`) and
//! the CSV file of a programme, streamed a chunk of people at a time (never whole in memory),
//! on the page and in the API.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use brygga_domain::evaluation::SMALL_CELL;
use brygga_domain::policy::{Action, Resource};
use brygga_store::Actor;
use brygga_store::evaluation::{EVALUATION_COLUMNS, EvaluationRow, ExportPlan};
use brygga_store::org::Organisation;
use chrono::Datelike;

use crate::AppState;
use crate::http::api::require;
use crate::http::{ApiActor, ApiError, ApiErrorBody, Chrome, Id, Staff, WebError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/evaluation", get(page))
        .route("/programmes/{id}/evaluation.csv", get(export))
}

/// How many people each chunk of the file holds.
const CHUNK: usize = 200;

#[derive(Template, WebTemplate)]
#[template(path = "evaluation/index.html")]
struct IndexPage {
    chrome: Chrome,
    programmes: Vec<Organisation>,
    columns: &'static [&'static str],
    small_cell: usize,
}

crate::http::page_chrome!(IndexPage);

async fn page(State(s): State<AppState>, st: Staff) -> Result<Response, WebError> {
    st.require(Action::Read, Resource::EvaluationExport)?;
    let programmes = crate::gain::programmes(&s, &st.actor).await?;
    Ok(IndexPage {
        chrome: st.chrome,
        programmes,
        columns: &EVALUATION_COLUMNS,
        small_cell: SMALL_CELL,
    }
    .into_response())
}

fn csv_bytes(header: bool, rows: &[EvaluationRow]) -> Result<Bytes, std::io::Error> {
    let mut w = csv::Writer::from_writer(vec![]);
    if header {
        w.write_record(EVALUATION_COLUMNS)?;
    }
    for r in rows {
        w.write_record(r.fields())?;
    }
    w.into_inner()
        .map(Bytes::from)
        .map_err(|e| std::io::Error::other(e.to_string()))
}

/// The file: its header, then each chunk of people's rows as the database gives them.
async fn stream(
    s: &AppState,
    actor: &Actor,
    programme_id: i32,
) -> Result<Response, brygga_store::StoreError> {
    let year = brygga_app::today().year();
    let plan = Arc::new(s.store.evaluation_plan(actor, programme_id, year).await?);
    let state = s.clone();
    let chunks = plan.ids.len().div_ceil(CHUNK);
    // An export of nobody is still a file with its header.
    let parts = chunks.max(1);
    let body = futures_util::stream::unfold(0usize, move |i| {
        let (state, plan) = (state.clone(), plan.clone());
        async move {
            if i >= parts {
                return None;
            }
            let rows = if chunks == 0 {
                Ok(vec![])
            } else {
                rows_of(&state.store, &plan, i)
                    .await
                    .map_err(|e| std::io::Error::other(e.to_string()))
            };
            Some((rows.and_then(|r| csv_bytes(i == 0, &r)), i + 1))
        }
    });
    let name = format!("utvardering-{programme_id}-{}.csv", brygga_app::today());
    Ok(crate::file::download(
        "text/csv; charset=utf-8",
        &name,
        Body::from_stream(body),
    ))
}

async fn rows_of(
    store: &brygga_store::Store,
    plan: &ExportPlan,
    chunk: usize,
) -> Result<Vec<EvaluationRow>, brygga_store::StoreError> {
    let from = chunk * CHUNK;
    let to = (from + CHUNK).min(plan.ids.len());
    store.evaluation_rows(plan, &plan.ids[from..to]).await
}

async fn export(State(s): State<AppState>, st: Staff, Id(id): Id) -> Result<Response, WebError> {
    st.require(Action::Read, Resource::EvaluationExport)?;
    Ok(stream(&s, &st.actor, id).await?)
}

#[utoipa::path(get, path = "/programmes/{id}/evaluation-export", params(("id" = i32, Path)), responses((status = 200, description = "The programme's pseudonymised export as CSV: one row per person and follow-up point, a pseudonym made for this export, no direct identifiers, gender and age group suppressed in cells of fewer than five", content_type = "text/csv", body = String), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn evaluation_export(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Response, ApiError> {
    require(&a, Action::Read, Resource::EvaluationExport)?;
    Ok(stream(&s, &a, id).await?)
}
