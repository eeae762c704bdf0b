//! What the in-memory matching index (crate `app`) reads to stay current: the change feed that
//! triggers write on every change to what a ranking reads (ids only, see migration m0017), and,
//! for the system alone, the profiles and open placements it indexes. Keeping the index is not
//! a person reading anyone's data and is not audited; a person's ranking is, where its rows are
//! read for showing (`matching_shown`).

use std::collections::BTreeSet;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::audit::AuditAction;
use crate::entities::{matching_change, organisation, participant};
use crate::matching::{OpenPlacement, open_placements};
use crate::participant::ParticipantRecord;
use crate::{Actor, Result, Store, StoreError};

/// One row of the change feed: something the matching index reads changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchingChange {
    pub id: i64,
    pub entity: ChangedEntity,
    pub entity_id: i32,
}

/// What a feed row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangedEntity {
    Participant,
    /// The placement itself, or an internship that takes one of its places.
    Placement,
    /// An employer (its name shows on its placements).
    Employer,
    /// A programme (its matching settings).
    Programme,
    /// Written by a later version: the index rebuilds.
    Other,
}

impl ChangedEntity {
    fn parse(s: &str) -> ChangedEntity {
        match s {
            "participant" => ChangedEntity::Participant,
            "placement" => ChangedEntity::Placement,
            "employer" => ChangedEntity::Employer,
            "programme" => ChangedEntity::Programme,
            _ => ChangedEntity::Other,
        }
    }
}

/// The index is kept by the system alone.
fn require_system(actor: &Actor) -> Result<()> {
    if actor.user_id.is_none() {
        Ok(())
    } else {
        Err(StoreError::Forbidden)
    }
}

const CHUNK: usize = 500;

impl Store {
    /// The feed's rows after `after`, oldest first, at most `limit`. Ids only: no personal
    /// data, so no actor.
    pub async fn matching_changes(&self, after: i64, limit: u64) -> Result<Vec<MatchingChange>> {
        Ok(matching_change::Entity::find()
            .filter(matching_change::Column::Id.gt(after))
            .order_by_asc(matching_change::Column::Id)
            .limit(limit)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|m| MatchingChange {
                id: m.id,
                entity: ChangedEntity::parse(&m.entity),
                entity_id: m.entity_id,
            })
            .collect())
    }

    /// The feed's newest row id (0 while it is empty).
    pub async fn matching_change_head(&self) -> Result<i64> {
        let head: Option<Option<i64>> = matching_change::Entity::find()
            .select_only()
            .column_as(matching_change::Column::Id.max(), "head")
            .into_tuple()
            .one(&self.db)
            .await?;
        Ok(head.flatten().unwrap_or(0))
    }

    /// Forget the rows written more than `keep_seconds` before the newest one (by the
    /// database's clock, so the instances' clocks do not matter). The newest row is kept.
    pub async fn matching_changes_prune(&self, keep_seconds: i64) -> Result<u64> {
        let newest: Option<(Option<i64>, Option<i64>)> = matching_change::Entity::find()
            .select_only()
            .column_as(matching_change::Column::At.max(), "newest")
            .column_as(matching_change::Column::Id.max(), "head")
            .into_tuple()
            .one(&self.db)
            .await?;
        let Some((Some(newest), Some(head))) = newest else {
            return Ok(0);
        };
        let r = matching_change::Entity::delete_many()
            .filter(matching_change::Column::At.lt(newest.saturating_sub(keep_seconds)))
            .filter(matching_change::Column::Id.lt(head))
            .exec(&self.db)
            .await?;
        Ok(r.rows_affected)
    }

    /// Every participant of the given programmes who has not left, as the index builds
    /// profiles from them.
    pub async fn index_participants(
        &self,
        actor: &Actor,
        programmes: &[i32],
    ) -> Result<Vec<ParticipantRecord>> {
        require_system(actor)?;
        // One who has left the programme is not looking any more: not indexed.
        Ok(participant::Entity::find()
            .filter(participant::Column::ProgrammeId.is_in(programmes.iter().copied()))
            .filter(participant::Column::Id.not_in_subquery(crate::exit::left_ids()))
            .order_by_asc(participant::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(ParticipantRecord::for_matching)
            .collect())
    }

    /// The participants of `ids` that still exist and have not left (a missing one is taken
    /// out of the index).
    pub async fn index_participants_by_id(
        &self,
        actor: &Actor,
        ids: &[i32],
    ) -> Result<Vec<ParticipantRecord>> {
        require_system(actor)?;
        let mut out = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(CHUNK) {
            out.extend(
                participant::Entity::find()
                    .filter(participant::Column::Id.is_in(chunk.iter().copied()))
                    .filter(participant::Column::Id.not_in_subquery(crate::exit::left_ids()))
                    .all(&self.db)
                    .await?
                    .into_iter()
                    .map(ParticipantRecord::for_matching),
            );
        }
        Ok(out)
    }

    /// The published placements (all, or those of `only` that are published) with their
    /// places.
    pub async fn index_placements(
        &self,
        actor: &Actor,
        only: Option<&[i32]>,
    ) -> Result<Vec<OpenPlacement>> {
        require_system(actor)?;
        match only {
            None => open_placements(&self.db, None).await,
            Some(ids) => {
                let mut out = vec![];
                for chunk in ids.chunks(CHUNK) {
                    out.extend(open_placements(&self.db, Some(chunk)).await?);
                }
                Ok(out)
            }
        }
    }

    /// A programme's matching settings as stored (JSON), `None` for the defaults.
    pub async fn index_settings(&self, actor: &Actor, programme_id: i32) -> Result<Option<String>> {
        require_system(actor)?;
        Ok(organisation::Entity::find_by_id(programme_id)
            .one(&self.db)
            .await?
            .and_then(|o| o.matching_settings))
    }

    /// The records of the participants a ranking shows the actor, needs included for the
    /// explanation (shown only as the page allows), of those in a programme the actor matches
    /// for; one audit entry per programme records the read.
    pub async fn matching_shown(
        &self,
        actor: &Actor,
        ids: &[i32],
    ) -> Result<Vec<ParticipantRecord>> {
        let mut models = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(CHUNK) {
            models.extend(
                participant::Entity::find()
                    .filter(participant::Column::Id.is_in(chunk.iter().copied()))
                    .all(&self.db)
                    .await?,
            );
        }
        // One moved out of the actor's programmes since the ranking was made is left out.
        models.retain(|m| Self::check_programme_scope(actor, m.programme_id).is_ok());
        let programmes: BTreeSet<i32> = models.iter().map(|m| m.programme_id).collect();
        if !programmes.is_empty() {
            let tx = crate::begin_write(&self.db).await?;
            for p in &programmes {
                crate::audit::record(
                    &tx,
                    &self.secret,
                    actor,
                    AuditAction::Read,
                    "participant_profiles",
                    Some(*p),
                    &["matching_profile"],
                )
                .await?;
            }
            tx.commit().await?;
        }
        Ok(models
            .into_iter()
            .map(ParticipantRecord::for_matching)
            .collect())
    }
}
