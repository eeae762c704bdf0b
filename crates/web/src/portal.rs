//! The public placement portal (no login): published placements, searchable, in Swedish and
//! English, with the interest form; and the coordinators' inbox of interest.

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
}
