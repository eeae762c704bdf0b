//! A participant's leaving of the programme: when and why, recorded by a coordinator and
//! removed again if it was a mistake. Read and written by those who may update the participant
//! (the reason for a break-off is nobody else's business).

use brygga_domain::exit::{ExitInput, ExitReason};
use brygga_domain::policy::Action;
use sea_orm::sea_query::Query;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

use crate::audit::AuditAction;
use crate::entities::participant_exit;
use crate::{Actor, Result, Store};

/// A recorded leaving.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct ExitRecord {
    pub participant_id: i32,
    pub left_on: chrono::NaiveDate,
    pub reason: ExitReason,
    pub note: String,
    pub recorded_by_name: String,
    pub recorded_at: chrono::DateTime<chrono::Utc>,
}

impl From<participant_exit::Model> for ExitRecord {
    fn from(m: participant_exit::Model) -> Self {
        ExitRecord {
            participant_id: m.participant_id,
            left_on: m.left_on,
            reason: ExitReason::parse(&m.reason).unwrap_or(ExitReason::Other),
            note: m.note,
            recorded_by_name: m.recorded_by_name,
            recorded_at: m.recorded_at,
        }
    }
}

/// The ids of participants who have left, as a subquery.
pub(crate) fn left_ids() -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(participant_exit::Column::ParticipantId)
        .from(participant_exit::Entity)
        .to_owned()
}

impl Store {
    /// The participant's leaving, if recorded.
    pub async fn participant_exit(
        &self,
        actor: &Actor,
        participant_id: i32,
    ) -> Result<Option<ExitRecord>> {
        self.participant_checked(actor, participant_id, Action::Update)
            .await?;
        Ok(participant_exit::Entity::find_by_id(participant_id)
            .one(&self.db)
            .await?
            .map(ExitRecord::from))
    }

    /// Record (or correct) the participant's leaving.
    pub async fn participant_exit_set(
        &self,
        actor: &Actor,
        participant_id: i32,
        i: &ExitInput,
    ) -> Result<()> {
        self.participant_checked(actor, participant_id, Action::Update)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        participant_exit::Entity::delete_by_id(participant_id)
            .exec(&tx)
            .await?;
        participant_exit::ActiveModel {
            participant_id: Set(participant_id),
            left_on: Set(i.left_on),
            reason: Set(i.reason.as_str().to_string()),
            note: Set(i.note.clone()),
            recorded_by: Set(actor.user_id),
            recorded_by_name: Set(actor.name.clone()),
            recorded_at: Set(chrono::Utc::now()),
        }
        .insert(&tx)
        .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "participant_exit",
            Some(participant_id),
            &["left_on", "reason", "note"],
        )
        .await
    }

    /// Remove a leaving recorded by mistake; `false` when none was recorded.
    pub async fn participant_exit_clear(&self, actor: &Actor, participant_id: i32) -> Result<bool> {
        self.participant_checked(actor, participant_id, Action::Update)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        let gone = participant_exit::Entity::delete_by_id(participant_id)
            .exec(&tx)
            .await?
            .rows_affected;
        if gone == 0 {
            return Ok(false);
        }
        self.commit_audited(
            tx,
            actor,
            AuditAction::Delete,
            "participant_exit",
            Some(participant_id),
            &[],
        )
        .await?;
        Ok(true)
    }
}
