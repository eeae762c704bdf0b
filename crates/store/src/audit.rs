//! The append-only, hash-chained audit log: who did what to which record, and which fields
//! (never their values). Each entry's hash covers the previous entry's hash, so changing or
//! removing an entry breaks the chain at that point, which `verify` finds.
//!
//! The chain is keyed: each hash is an HMAC under the installation secret (purpose "audit"),
//! which lives outside the database, so someone who can write the database but not read the
//! secret cannot recompute a valid chain after changing an entry. Entries written before the
//! chain was keyed are plain SHA-256 (`scheme` = `sha256`); they may only precede keyed ones.
//! Removing the newest entries (and moving the head back) is found by `verify_since` against
//! a checkpoint kept outside the database.

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};
use sha2::{Digest, Sha256};

use crate::secret::Secret;

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
    /// Whether the entry is keyed (`hmac`) or from before the chain was (`sha256`).
    pub scheme: String,
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
            scheme: m.scheme,
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

/// How an entry's hash was made.
pub const KEYED: &str = "hmac";
/// Entries from before the chain was keyed.
pub const LEGACY: &str = "sha256";

/// The bytes an entry's hash covers: the previous hash and every field, each ended by a NUL.
fn entry_bytes(e: &audit_entry::Model) -> Vec<u8> {
    let mut out = Vec::new();
    for part in [
        e.prev_hash.as_str(),
        &e.at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        &e.actor_id.map(|i| i.to_string()).unwrap_or_default(),
        &e.actor,
        &e.action,
        &e.resource,
        &e.record_id.map(|i| i.to_string()).unwrap_or_default(),
        &e.fields,
    ] {
        out.extend_from_slice(part.as_bytes());
        out.push(0);
    }
    out
}

/// The keyed hash of an entry (what every new entry gets).
fn keyed_hash(secret: &Secret, e: &audit_entry::Model) -> String {
    secret.mac_hex("audit", &entry_bytes(e))
}

/// Whether `e.hash` is right for its content and scheme.
fn hash_matches(secret: &Secret, e: &audit_entry::Model) -> bool {
    match e.scheme.as_str() {
        KEYED => secret.verify_hex("audit", &entry_bytes(e), &e.hash),
        LEGACY => hex::encode(Sha256::digest(entry_bytes(e))) == e.hash,
        _ => false,
    }
}

/// Append an entry. Must run inside a transaction opened with `begin_write`, which holds the
/// chain's lock.
pub(crate) async fn record(
    db: &impl ConnectionTrait,
    secret: &Secret,
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
    let mut entry = audit_entry::Model {
        id: 0,
        at: crate::now(),
        actor_id: actor.user_id,
        actor: actor.label(),
        action: action.as_str().to_string(),
        resource: resource.to_string(),
        record_id,
        fields: crate::to_json(&fields),
        prev_hash: head.hash,
        hash: String::new(),
        scheme: KEYED.to_string(),
    };
    entry.hash = keyed_hash(secret, &entry);
    let hash = entry.hash.clone();
    let mut active: audit_entry::ActiveModel = entry.into();
    active.id = sea_orm::NotSet;
    active.insert(db).await?;
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

/// What `verify` found.
#[derive(Debug, Clone, PartialEq)]
pub enum Verification {
    /// `entries` checked, of which `legacy` were chained before the chain was keyed.
    Intact {
        entries: u64,
        legacy: u64,
    },
    Broken {
        entry_id: i32,
        reason: &'static str,
    },
}

/// The head of the chain at one moment, kept outside the database: `<entry id>:<hash>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub entry_id: i32,
    pub hash: String,
}

impl std::fmt::Display for Checkpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.entry_id, self.hash)
    }
}

impl std::str::FromStr for Checkpoint {
    type Err = &'static str;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        const FORM: &str = "a checkpoint is <entry id>:<64 hexadecimal characters>";
        let (id, hash) = s.trim().split_once(':').ok_or(FORM)?;
        let entry_id = id.parse::<i32>().map_err(|_| FORM)?;
        if entry_id < 0 || hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(FORM);
        }
        Ok(Checkpoint {
            entry_id,
            hash: hash.to_ascii_lowercase(),
        })
    }
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
        self.commit_audited(tx, actor, action, resource, record_id, fields)
            .await?;
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

    /// Recompute the whole chain. Reads in batches so a long log does not fill memory; writes
    /// nothing.
    pub async fn audit_verify(&self) -> Result<Verification> {
        self.verify_from(None).await
    }

    /// The chain's head now, to keep outside the database. Writes nothing.
    pub async fn audit_checkpoint(&self) -> Result<Checkpoint> {
        let last = audit_entry::Entity::find()
            .order_by_desc(audit_entry::Column::Id)
            .one(&self.db)
            .await?;
        Ok(match last {
            Some(e) => Checkpoint {
                entry_id: e.id,
                hash: e.hash,
            },
            None => Checkpoint {
                entry_id: 0,
                hash: GENESIS.to_string(),
            },
        })
    }

    /// Check that the checkpoint's entry still has the hash it had and that the chain from it
    /// to the head is intact and keyed (everything written after a checkpoint is). Writes
    /// nothing.
    pub async fn audit_verify_since(&self, checkpoint: &Checkpoint) -> Result<Verification> {
        self.verify_from(Some(checkpoint)).await
    }

    async fn verify_from(&self, since: Option<&Checkpoint>) -> Result<Verification> {
        let mut prev = GENESIS.to_string();
        let mut last_id = 0;
        if let Some(c) = since.filter(|c| c.entry_id > 0) {
            let at = audit_entry::Entity::find_by_id(c.entry_id)
                .one(&self.db)
                .await?;
            match at {
                Some(e) if e.hash == c.hash && hash_matches(&self.secret, &e) => {}
                Some(_) => {
                    return Ok(Verification::Broken {
                        entry_id: c.entry_id,
                        reason: "the checkpoint's entry no longer has the checkpoint's hash",
                    });
                }
                None => {
                    return Ok(Verification::Broken {
                        entry_id: c.entry_id,
                        reason: "the checkpoint's entry was removed",
                    });
                }
            }
            prev = c.hash.clone();
            last_id = c.entry_id;
        } else if let Some(c) = since.filter(|c| c.hash != GENESIS) {
            return Ok(Verification::Broken {
                entry_id: c.entry_id,
                reason: "the checkpoint's entry no longer has the checkpoint's hash",
            });
        }
        // After a checkpoint every entry is keyed; before, legacy entries may only come first.
        let mut keyed_seen = since.is_some();
        let mut count = 0u64;
        let mut legacy = 0u64;
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
                if e.scheme == KEYED {
                    keyed_seen = true;
                } else if keyed_seen {
                    return Ok(Verification::Broken {
                        entry_id: e.id,
                        reason: "an unkeyed entry follows keyed ones",
                    });
                } else {
                    legacy += 1;
                }
                if !hash_matches(&self.secret, e) {
                    return Ok(Verification::Broken {
                        entry_id: e.id,
                        reason: "entry content does not match its hash (or the secret is not this installation's)",
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
        Ok(Verification::Intact {
            entries: count,
            legacy,
        })
    }
}
