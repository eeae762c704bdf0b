//! The case log: the coordinating function's entries about one participant. It holds
//! special-category data (needs and obstacles: health, income, childcare), so it has the special
//! needs' protection: only the coordinators in scope (and admins) read it, and every read is
//! audited as a read of special-category data. Entries are append-only: a mistake is put right
//! by a new entry that names the one it corrects; nothing is edited or deleted.

use brygga_domain::caselog::{CaseLogInput, CaseLogKind, NeedTopic, ReferralTarget};
use brygga_domain::policy::{Action, Resource};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::Serialize;

use crate::actor::{decide_any, enforce};
use crate::audit::{AuditAction, record};
use crate::entities::{case_log_entry, participant};
use crate::stored::StoredEnum;
use crate::{Actor, Result, Store, StoreError};

crate::stored::stored_enums!(CaseLogKind, NeedTopic, ReferralTarget);

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CaseLogEntry {
    pub id: i32,
    pub participant_id: i32,
    pub entry_date: NaiveDate,
    #[schema(value_type = String)]
    pub kind: CaseLogKind,
    #[schema(value_type = Option<String>)]
    pub topic: Option<NeedTopic>,
    #[schema(value_type = Option<String>)]
    pub referral: Option<ReferralTarget>,
    pub text: String,
    /// The entry this one corrects.
    pub corrects_id: Option<i32>,
    /// The entries that correct this one.
    pub corrected_by: Vec<i32>,
    pub author_name: String,
    pub created_at: DateTime<Utc>,
}

/// A participant's case log as its reader sees it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CaseLog {
    pub participant_id: i32,
    pub participant_name: String,
    /// Latest first.
    pub entries: Vec<CaseLogEntry>,
}

impl Store {
    async fn caselog_participant(
        &self,
        actor: &Actor,
        participant_id: i32,
        action: Action,
    ) -> Result<participant::Model> {
        if !actor.may(action, Resource::CaseLog) {
            return Err(StoreError::Forbidden);
        }
        let p = participant::Entity::find_by_id(participant_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let rels = self.participant_relations(actor, &p).await?;
        enforce(decide_any(actor, action, Resource::CaseLog, &rels))?;
        Ok(p)
    }

    /// A participant's case log, latest first. Audited as a read of special-category data.
    pub async fn caselog_get(&self, actor: &Actor, participant_id: i32) -> Result<CaseLog> {
        let p = self
            .caselog_participant(actor, participant_id, Action::Read)
            .await?;
        let rows = case_log_entry::Entity::find()
            .filter(case_log_entry::Column::ParticipantId.eq(participant_id))
            .order_by_desc(case_log_entry::Column::EntryDate)
            .order_by_desc(case_log_entry::Column::Id)
            .all(&self.db)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::ReadSpecialNeeds,
            "case_log",
            Some(participant_id),
            &["case_log"],
        )
        .await?;
        let corrected_by = |id: i32| -> Vec<i32> {
            rows.iter()
                .filter(|r| r.corrects_id == Some(id))
                .map(|r| r.id)
                .collect()
        };
        let entries = rows
            .iter()
            .map(|r| CaseLogEntry {
                id: r.id,
                participant_id: r.participant_id,
                entry_date: r.entry_date,
                kind: r.kind.get(),
                topic: r.topic.map(|t| t.get()),
                referral: r.referral.map(|t| t.get()),
                text: r.text.clone(),
                corrects_id: r.corrects_id,
                corrected_by: corrected_by(r.id),
                author_name: r.author_name.clone(),
                created_at: r.created_at,
            })
            .collect();
        Ok(CaseLog {
            participant_id,
            participant_name: format!("{} {}", p.first_name, p.last_name),
            entries,
        })
    }

    /// Append an entry (a correction names an entry of the same participant's log).
    pub async fn caselog_add(
        &self,
        actor: &Actor,
        participant_id: i32,
        input: &CaseLogInput,
    ) -> Result<i32> {
        self.caselog_participant(actor, participant_id, Action::Create)
            .await?;
        if let Some(c) = input.corrects_id {
            let ok = case_log_entry::Entity::find_by_id(c)
                .one(&self.db)
                .await?
                .is_some_and(|e| e.participant_id == participant_id);
            if !ok {
                return Err(StoreError::Invalid(brygga_domain::FieldErrors(vec![
                    brygga_domain::FieldError::new("corrects_id", "error-invalid-choice"),
                ])));
            }
        }
        let tx = crate::begin_write(&self.db).await?;
        let e = case_log_entry::ActiveModel {
            participant_id: Set(participant_id),
            entry_date: Set(input.entry_date),
            kind: Set(input.kind.into()),
            topic: Set(input.topic.map(Into::into)),
            referral: Set(input.referral.map(Into::into)),
            text: Set(input.text.clone()),
            corrects_id: Set(input.corrects_id),
            author_id: Set(actor.user_id),
            author_name: Set(actor.name.clone()),
            created_at: Set(crate::now()),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        record(
            &tx,
            &self.secret,
            actor,
            AuditAction::Create,
            "case_log",
            Some(e.id),
            &[
                "participant_id",
                "entry_date",
                "kind",
                "topic",
                "referral",
                "text",
                "corrects_id",
            ],
        )
        .await?;
        tx.commit().await?;
        Ok(e.id)
    }
}
