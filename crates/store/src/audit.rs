//! The append-only, hash-chained audit log: who did what to which record, and which fields
//! (never their values). Each entry's hash covers the previous entry's hash, so changing or
//! removing an entry breaks the chain at that point, which `verify` finds.

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use sha2::{Digest, Sha256};

use crate::entities::{audit_entry, audit_head};
use crate::{Actor, Page, Result, Store, StoreError};
use brygga_domain::policy::{Action, Relation, Resource, decide};

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One entry of the log as the audit page shows it.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct AuditEntry {
    pub id: i32,
    pub at: chrono::DateTime<chrono::Utc>,
    pub actor_id: Option<i32>,
    /// The actor's label at the time.
    pub actor: String,
    pub action: String,
    pub resource: String,
    pub record_id: Option<i32>,
    /// The names of the fields touched (JSON list), never their values.
    pub fields: String,
    pub prev_hash: String,
    pub hash: String,
}

impl From<audit_entry::Model> for AuditEntry {
    fn from(m: audit_entry::Model) -> Self {
        AuditEntry {
            id: m.id,
            at: m.at,
            actor_id: m.actor_id,
            actor: m.actor,
            action: m.action,
            resource: m.resource,
            record_id: m.record_id,
            fields: m.fields,
            prev_hash: m.prev_hash,
            hash: m.hash,
        }
    }
}

/// What was done, as written to the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    Create,
    Read,
    ReadSpecialNeeds,
    Update,
    Delete,
    Login,
    LoginFailed,
    Logout,
    PasswordChanged,
    TokenCreated,
    TokenRevoked,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::Create => "create",
            AuditAction::Read => "read",
            AuditAction::ReadSpecialNeeds => "read_special_needs",
            AuditAction::Update => "update",
            AuditAction::Delete => "delete",
            AuditAction::Login => "login",
            AuditAction::LoginFailed => "login_failed",
            AuditAction::Logout => "logout",
            AuditAction::PasswordChanged => "password_changed",
            AuditAction::TokenCreated => "token_created",
            AuditAction::TokenRevoked => "token_revoked",
        }
    }
}

pub(crate) async fn lock_head(db: &impl ConnectionTrait) -> Result<()> {
    audit_head::Entity::update_many()
        .col_expr(
            audit_head::Column::Seq,
            Expr::col(audit_head::Column::Seq).add(1),
        )
        .filter(audit_head::Column::Id.eq(1))
        .exec(db)
        .await?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn entry_hash(
    prev: &str,
    at: &chrono::DateTime<chrono::Utc>,
    actor_id: Option<i32>,
    actor: &str,
    action: &str,
    resource: &str,
    record_id: Option<i32>,
    fields: &str,
) -> String {
    let mut h = Sha256::new();
    for part in [
        prev,
        &at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        &actor_id.map(|i| i.to_string()).unwrap_or_default(),
        actor,
        action,
        resource,
        &record_id.map(|i| i.to_string()).unwrap_or_default(),
        fields,
    ] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    hex::encode(h.finalize())
}

/// Append an entry. Must run inside a transaction opened with `begin_write`, which holds the
/// chain's lock.
pub async fn record(
    db: &impl ConnectionTrait,
    actor: &Actor,
    action: AuditAction,
    resource: &str,
    record_id: Option<i32>,
    fields: &[&str],
) -> Result<()> {
    let head = audit_head::Entity::find_by_id(1)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    let at = crate::now();
    let fields = crate::to_json(&fields);
    let actor_label = actor.label();
    let hash = entry_hash(
        &head.hash,
        &at,
        actor.user_id,
        &actor_label,
        action.as_str(),
        resource,
        record_id,
        &fields,
    );
    audit_entry::ActiveModel {
        at: Set(at),
        actor_id: Set(actor.user_id),
        actor: Set(actor_label),
        action: Set(action.as_str().to_string()),
        resource: Set(resource.to_string()),
        record_id: Set(record_id),
        fields: Set(fields),
        prev_hash: Set(head.hash.clone()),
        hash: Set(hash.clone()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    audit_head::Entity::update_many()
        .col_expr(audit_head::Column::Hash, Expr::value(hash))
        .filter(audit_head::Column::Id.eq(1))
        .exec(db)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actor_id: Option<i32>,
    pub action: Option<String>,
    pub resource: Option<String>,
    pub record_id: Option<i32>,
    pub page: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Verification {
    Intact { entries: u64 },
    Broken { entry_id: i32, reason: &'static str },
}

impl Store {
    /// Append an entry in a transaction of its own (for events with no record change: logins).
    pub async fn audit(
        &self,
        actor: &Actor,
        action: AuditAction,
        resource: &str,
        record_id: Option<i32>,
        fields: &[&str],
    ) -> Result<()> {
        let tx = crate::begin_write(&self.db).await?;
        crate::commit_audited(tx, actor, action, resource, record_id, fields).await?;
        Ok(())
    }

    pub async fn audit_list(&self, actor: &Actor, f: &AuditFilter) -> Result<Page<AuditEntry>> {
        if !decide(
            actor.role,
            Action::List,
            Resource::AuditLog,
            Relation::Unrelated,
        )
        .allowed()
        {
            return Err(StoreError::Forbidden);
        }
        let mut q = audit_entry::Entity::find().order_by_desc(audit_entry::Column::Id);
        if let Some(a) = f.actor_id {
            q = q.filter(audit_entry::Column::ActorId.eq(a));
        }
        if let Some(a) = f.action.as_deref().filter(|a| !a.is_empty()) {
            q = q.filter(audit_entry::Column::Action.eq(a));
        }
        if let Some(r) = f.resource.as_deref().filter(|r| !r.is_empty()) {
            q = q.filter(audit_entry::Column::Resource.eq(r));
        }
        if let Some(r) = f.record_id {
            q = q.filter(audit_entry::Column::RecordId.eq(r));
        }
        Ok(crate::paged(&self.db, q, f.page, 50)
            .await?
            .map(AuditEntry::from))
    }

    /// Recompute the whole chain. Reads in batches so a long log does not fill memory.
    pub async fn audit_verify(&self) -> Result<Verification> {
        let mut prev = GENESIS.to_string();
        let mut count = 0u64;
        let mut last_id = 0;
        loop {
            let batch = audit_entry::Entity::find()
                .filter(audit_entry::Column::Id.gt(last_id))
                .order_by_asc(audit_entry::Column::Id)
                .paginate(&self.db, 1000)
                .fetch_page(0)
                .await?;
            if batch.is_empty() {
                break;
            }
            for e in &batch {
                if e.prev_hash != prev {
                    return Ok(Verification::Broken {
                        entry_id: e.id,
                        reason: "previous hash does not match: an entry before it was removed or changed",
                    });
                }
                let h = entry_hash(
                    &prev,
                    &e.at,
                    e.actor_id,
                    &e.actor,
                    &e.action,
                    &e.resource,
                    e.record_id,
                    &e.fields,
                );
                if h != e.hash {
                    return Ok(Verification::Broken {
                        entry_id: e.id,
                        reason: "entry content does not match its hash",
                    });
                }
                prev = e.hash.clone();
                last_id = e.id;
                count += 1;
            }
        }
        let head = audit_head::Entity::find_by_id(1).one(&self.db).await?;
        if head.map(|h| h.hash) != Some(prev) {
            return Ok(Verification::Broken {
                entry_id: last_id,
                reason: "the newest entries were removed",
            });
        }
        Ok(Verification::Intact { entries: count })
    }
}
