//! Brygga's web layer: server-rendered pages (Swedish/English, usable without JavaScript) and
//! the JSON API with its OpenAPI document, one folder per feature beside the HTTP foundation
//! (`http`). Handlers are thin: extract, call one use case (`brygga_app`) or a store read, render.

pub mod agreement;
pub mod api;
pub mod audit;
pub mod auth;
pub mod caselog;
pub mod certificate;
pub mod clearance;
pub mod course;
pub mod dashboard;
pub mod employer;
pub mod evaluation;
pub mod event;
pub mod export;
pub mod file;
pub mod gain;
pub mod home;
pub mod http;
pub mod inbox;
pub mod internship;
pub mod interview;
pub mod jobs;
pub mod journey;
pub mod learning;
pub mod lesson;
pub mod matching;
pub mod meeting;
pub mod organisation;
pub mod outcome;
pub mod participant;
pub mod placement;
pub mod pool;
pub mod portal;
pub mod process;
pub mod schedule;
pub mod survey;
pub mod todo;
pub mod user;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use brygga_app::App;
use brygga_store::sessions::DbSessionStore;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

/// The largest request body accepted (forms and JSON); larger ones get 413.
pub const BODY_LIMIT: usize = 256 * 1024;

/// What every handler gets: the use cases' context (store, reference data, files, email,
/// renderer) and the web layer's own settings.
#[derive(Clone)]
pub struct AppState {
    pub app: App,
    /// Send cookies with `Secure` (off only for plain-HTTP local runs and tests).
    pub secure_cookies: bool,
    /// The longest list written as XLSX (a workbook is made whole before it is sent); a longer
    /// one is refused with a message that offers the CSV, which streams. See
    /// `export::XLSX_MAX_ROWS`.
    pub xlsx_max_rows: u64,
}

/// Handlers read the store and reference data as `s.store`, `s.refdata`, and pass `&s` where a
/// use case takes the `App`.
impl std::ops::Deref for AppState {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

pub fn router(state: AppState) -> Router {
    let sessions = SessionManagerLayer::new(DbSessionStore::new(state.store.clone()))
        .with_name("brygga_session")
        .with_secure(state.secure_cookies)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_expiry(Expiry::OnInactivity(time::Duration::hours(8)));
    let (api_router, openapi) = api::router().split_for_parts();
    let openapi = Arc::new(openapi);
    Router::new()
        .merge(home::router())
        .merge(participant::router())
        .merge(employer::router())
        .merge(placement::router())
        .merge(audit::router())
        .merge(user::router())
        .merge(organisation::router())
        .merge(matching::router())
        .merge(matching::plan::router())
        .merge(journey::router())
        .merge(process::router())
        .merge(portal::router())
        .merge(inbox::router())
        .merge(todo::router())
        .merge(pool::router())
        .merge(interview::router())
        .merge(clearance::router())
        .merge(course::router())
        .merge(meeting::router())
        .merge(caselog::router())
        .merge(agreement::router())
        .merge(schedule::router())
        .merge(internship::router())
        .merge(learning::router())
        .merge(event::router())
        .merge(certificate::router())
        .merge(lesson::router())
        .merge(outcome::router())
        .merge(survey::router())
        .merge(gain::router())
        .merge(evaluation::router())
        .merge(export::router())
        .merge(dashboard::router())
        .merge(file::router())
        .merge(jobs::router())
        .merge(auth::router())
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .route("/static/{*path}", get(http::security::static_file))
        .nest(
            "/api/v1",
            api_router.route(
                "/openapi.json",
                get(move || {
                    let doc = openapi.clone();
                    async move { axum::Json((*doc).clone()) }
                }),
            ),
        )
        // The default limit covers every route above; the upload route, merged after it,
        // brings its own.
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(BODY_LIMIT))
        .merge(agreement::upload_router())
        .merge(learning::upload_router())
        .fallback(http::error::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            http::security::csrf,
        ))
        .layer(sessions)
        // Outermost, so that every response gets the headers, 413s included.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            http::security::headers,
        ))
        .with_state(state)
}

async fn readyz(
    axum::extract::State(s): axum::extract::State<AppState>,
) -> (axum::http::StatusCode, &'static str) {
    match s.store.ping().await {
        Ok(()) => (axum::http::StatusCode::OK, "ready"),
        Err(_) => (
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            "database unreachable",
        ),
    }
}

/// Serve until ctrl-c, with the email worker and the to-do digest when an SMTP server is
/// configured (without one, nothing would leave and the queue would only grow).
pub async fn serve(state: AppState, listener: tokio::net::TcpListener) -> std::io::Result<()> {
    let mailer = state.mail.smtp_url.is_some().then(|| {
        [
            brygga_app::mail::spawn(state.store.clone(), state.mail.clone()),
            brygga_app::notify::spawn(state.app.clone()),
        ]
    });
    let app = router(state);
    let served = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await;
    for task in mailer.iter().flatten() {
        task.abort();
    }
    served
}
