//! Server-side sessions in the database (tower-sessions store), so several app instances
//! behind a load balancer share them. Each row names its user, so that a password change can end
//! the user's other sessions; a session ended that way is never written back by a request still
//! under way on it (saving updates, it never re-inserts).

use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};

use crate::Store;
use crate::entities::session;

#[derive(Debug, Clone)]
pub struct DbSessionStore {
    store: Store,
}

impl DbSessionStore {
    pub fn new(store: Store) -> Self {
        Self { store }
    }

    pub async fn delete_expired(&self) -> Result<u64, sea_orm::DbErr> {
        let r = session::Entity::delete_many()
            .filter(session::Column::ExpiresAt.lt(crate::now()))
            .exec(&self.store.db)
            .await?;
        Ok(r.rows_affected)
    }
}

fn backend(e: impl std::fmt::Display) -> session_store::Error {
    session_store::Error::Backend(e.to_string())
}

/// The session key that holds the logged-in user's id.
pub const USER_KEY: &str = "user_id";

fn user_of(r: &Record) -> Option<i32> {
    r.data
        .get(USER_KEY)
        .and_then(|v| v.as_i64())
        .and_then(|v| i32::try_from(v).ok())
}

fn expiry(r: &Record) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(r.expiry_date.unix_timestamp(), 0).unwrap_or_default()
}

#[async_trait::async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        // A fresh random id until it does not collide (a collision is astronomically unlikely).
        loop {
            let exists = session::Entity::find_by_id(record.id.to_string())
                .one(&self.store.db)
                .await
                .map_err(backend)?;
            if exists.is_none() {
                break;
            }
            record.id = Id::default();
        }
        let data = serde_json::to_string(&record.data).map_err(backend)?;
        session::ActiveModel {
            id: Set(record.id.to_string()),
            data: Set(data),
            expires_at: Set(expiry(record)),
            user_id: Set(user_of(record)),
        }
        .insert(&self.store.db)
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        // An update only: a session ended meanwhile (logout, password change) stays ended.
        let data = serde_json::to_string(&record.data).map_err(backend)?;
        session::Entity::update_many()
            .col_expr(session::Column::Data, Expr::value(data))
            .col_expr(session::Column::ExpiresAt, Expr::value(expiry(record)))
            .col_expr(session::Column::UserId, Expr::value(user_of(record)))
            .filter(session::Column::Id.eq(record.id.to_string()))
            .exec(&self.store.db)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let Some(m) = session::Entity::find_by_id(id.to_string())
            .filter(session::Column::ExpiresAt.gt(crate::now()))
            .one(&self.store.db)
            .await
            .map_err(backend)?
        else {
            return Ok(None);
        };
        let data = serde_json::from_str(&m.data).map_err(backend)?;
        let expiry_date =
            time::OffsetDateTime::from_unix_timestamp(m.expires_at.timestamp()).map_err(backend)?;
        Ok(Some(Record {
            id: *id,
            data,
            expiry_date,
        }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        session::Entity::delete_by_id(id.to_string())
            .exec(&self.store.db)
            .await
            .map_err(backend)?;
        Ok(())
    }
}
