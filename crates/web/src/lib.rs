//! Brygga's web layer: server-rendered pages (Swedish/English, usable without JavaScript) and
//! the JSON API with its OpenAPI document. Handlers are thin: extract, call store, render.

pub mod admin;
pub mod agreements;
pub mod api;
pub mod auth;
pub mod clearance;
pub mod error;
pub mod forms;
pub mod i18n;
pub mod journey;
pub mod mailer;
pub mod match_pages;
pub mod matching;
pub mod pages;
pub mod pool;
pub mod portal;
pub mod security;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use brygga_domain::refdata::RefData;
use brygga_store::Store;
use brygga_store::sessions::DbSessionStore;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

/// The largest request body accepted (forms and JSON); larger ones get 413.
pub const BODY_LIMIT: usize = 256 * 1024;

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub refdata: Arc<RefData>,
    /// Send cookies with `Secure` (off only for plain-HTTP local runs and tests).
    pub secure_cookies: bool,
    /// Where uploaded and generated files are kept.
    pub files: brygga_store::files::FileStore,
    pub mail: mailer::MailSettings,
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
        .merge(pages::router())
        .merge(admin::router())
        .merge(match_pages::router())
        .merge(journey::router())
        .merge(portal::router())
        .merge(pool::router())
        .merge(clearance::router())
        .merge(agreements::router())
        .merge(mailer::router())
        .merge(auth::router())
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .route("/static/{*path}", get(security::static_file))
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
        .merge(agreements::upload_router())
        .fallback(error::not_found)
        .layer(axum::middleware::from_fn(security::csrf))
        .layer(sessions)
        // Outermost, so that every response gets the headers, 413s included.
        .layer(axum::middleware::from_fn(security::headers))
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

/// Serve until ctrl-c, with the email worker when an SMTP server is configured.
pub async fn serve(state: AppState, listener: tokio::net::TcpListener) -> std::io::Result<()> {
    let mailer = state
        .mail
        .smtp_url
        .is_some()
        .then(|| mailer::spawn(state.store.clone(), state.mail.clone()));
    let app = router(state);
    let served = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await;
    if let Some(m) = mailer {
        m.abort();
    }
    served
}
