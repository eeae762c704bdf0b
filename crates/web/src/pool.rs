//! The candidate pool of a placement (coordinator and employer contact), interview booking
//! with invitations by email and calendar file, the interview guide, and outcomes.

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
}
