//! The process map pages: the coordinator's board (participants by stage, with what blocks
//! each), a participant's staircase (done, now, next) with stage moves, and the admin's editor of
//! stages and checkpoints.

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
}
