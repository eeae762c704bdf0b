//! Clearance pages: the employment service's eligibility confirmation and decision for a
//! participant, and sharing a case with an officer.

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
}
