//! What the JSON API's handlers share: the policy gate before input is read, and the shapes of
//! lists, created records and versioned records.

use brygga_domain::policy::{Action, Resource};
use brygga_store::Actor;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ApiError;

/// Refuse a role that may never do this before looking at the input (403, not 422).
pub fn require(a: &Actor, action: Action, resource: Resource) -> Result<(), ApiError> {
    if a.may(action, resource) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

/// A record with its id and version: what GET returns and, less the id, what PUT takes.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Versioned<T> {
    #[serde(default)]
    pub id: Option<i32>,
    pub version: i32,
    #[serde(flatten)]
    pub data: T,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Created {
    pub id: i32,
}

/// The answer to a create made once per `Idempotency-Key`: 201 with the new record, or 200
/// with the record an earlier request with the same key made.
pub fn created(
    once: brygga_store::idempotency::Once,
) -> (axum::http::StatusCode, axum::Json<Created>) {
    use brygga_store::idempotency::Once;
    let status = match once {
        Once::Created(_) => axum::http::StatusCode::CREATED,
        Once::Existing(_) => axum::http::StatusCode::OK,
    };
    (status, axum::Json(Created { id: once.id() }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ListOf<T> {
    pub items: Vec<T>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}

impl<T> From<brygga_store::Page<T>> for ListOf<T> {
    fn from(p: brygga_store::Page<T>) -> Self {
        ListOf {
            items: p.items,
            page: p.page,
            per_page: p.per_page,
            total: p.total,
        }
    }
}

#[derive(Debug, Deserialize, Default, utoipa::IntoParams)]
#[serde(default)]
pub struct ListQuery {
    /// Free-text search.
    pub q: String,
    /// Municipality code.
    pub municipality_code: String,
    /// 1-based page number.
    pub page: Option<u64>,
}
