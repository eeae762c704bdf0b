//! The audit log for administrators, filterable.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use brygga_store::Page;
use brygga_store::audit::AuditFilter;
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Staff, WebError};

pub fn router() -> Router<AppState> {
    Router::new().route("/audit", get(audit_list))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AuditQuery {
    action: String,
    resource: String,
    record_id: String,
    actor_id: String,
    page: Option<u64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "audit/list.html")]
struct AuditPage {
    chrome: Chrome,
    action: String,
    resource: String,
    record_id: String,
    actor_id: String,
    page: Page<brygga_store::audit::AuditEntry>,
    pages: u64,
}

crate::http::page_chrome!(AuditPage);

impl AuditPage {
    fn base_link(&self) -> String {
        format!(
            "/audit?action={}&resource={}&record_id={}&actor_id={}",
            crate::http::urlencode(&self.action),
            crate::http::urlencode(&self.resource),
            crate::http::urlencode(&self.record_id),
            crate::http::urlencode(&self.actor_id)
        )
    }
}

async fn audit_list(
    State(s): State<AppState>,
    st: Staff,
    Query(q): Query<AuditQuery>,
) -> Result<AuditPage, WebError> {
    let filter = AuditFilter {
        actor_id: q.actor_id.trim().parse().ok(),
        action: Some(q.action.clone()),
        resource: Some(q.resource.clone()),
        record_id: q.record_id.trim().parse().ok(),
        page: q.page.unwrap_or(1),
    };
    let page = s.store.audit_list(&st.actor, &filter).await?;
    Ok(AuditPage {
        pages: page.pages(),
        chrome: st.chrome,
        action: q.action,
        resource: q.resource,
        record_id: q.record_id,
        actor_id: q.actor_id,
        page,
    })
}
