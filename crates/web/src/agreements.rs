//! Agreement pages: collaboration and internship agreements generated as PDF, signed copies
//! uploaded back, files served under the record's access rules.

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
}
