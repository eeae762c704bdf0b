//! A create made once per key. A create form carries a nonce and an API client may send an
//! `Idempotency-Key` header; the key is claimed by inserting it (a unique index on user and
//! key), so of two identical submits at once only one claims it and runs the create. The other
//! is answered with the record the first made or, while that create still runs, a conflict.
//! A create that fails gives its key back, so the corrected form can be sent again.

use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set, SqlErr};

use crate::entities::create_key;
use crate::{Actor, Result, Store, StoreError};

/// The longest key kept (a form's nonce is 32 hex digits; API clients send UUIDs).
pub const KEY_MAX: usize = 100;

/// How a create made once went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Once {
    /// This request made the record.
    Created(i32),
    /// An earlier request with the same key made it.
    Existing(i32),
}

impl Once {
    pub fn id(self) -> i32 {
        match self {
            Once::Created(id) | Once::Existing(id) => id,
        }
    }
}

impl Store {
    /// Run `create` (which makes one `resource` record and returns its id) once per `key` and
    /// user. An empty key runs it as it is.
    pub async fn create_once(
        &self,
        actor: &Actor,
        resource: &'static str,
        key: &str,
        create: impl AsyncFnOnce() -> Result<i32>,
    ) -> Result<Once> {
        let key = key.trim();
        if key.is_empty() {
            return create().await.map(Once::Created);
        }
        if key.chars().count() > KEY_MAX || key.chars().any(char::is_control) {
            return Err(StoreError::Invalid(brygga_domain::FieldErrors(vec![
                brygga_domain::FieldError::new("idempotency_key", "error-bad-value"),
            ])));
        }
        let user_id = actor.user_id().unwrap_or(0);
        let claim = create_key::ActiveModel {
            user_id: Set(user_id),
            key: Set(key.to_string()),
            resource: Set(resource.to_string()),
            record_id: Set(None),
            created_at: Set(crate::now()),
            ..Default::default()
        }
        .insert(&self.db)
        .await;
        let claim = match claim {
            Ok(c) => c,
            Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                let earlier = create_key::Entity::find()
                    .filter(create_key::Column::UserId.eq(user_id))
                    .filter(create_key::Column::Key.eq(key))
                    .one(&self.db)
                    .await?;
                return match earlier {
                    Some(k) if k.resource == resource => {
                        k.record_id.map(Once::Existing).ok_or(StoreError::Conflict)
                    }
                    _ => Err(StoreError::Conflict),
                };
            }
            Err(e) => return Err(e.into()),
        };
        match create().await {
            Ok(id) => {
                let mut done: create_key::ActiveModel = claim.into();
                done.record_id = Set(Some(id));
                done.update(&self.db).await?;
                Ok(Once::Created(id))
            }
            Err(e) => {
                create_key::Entity::delete_by_id(claim.id)
                    .exec(&self.db)
                    .await?;
                Err(e)
            }
        }
    }
}
