//! What the matching engine needs from storage: the profiles of a programme's participants and
//! the open placements, the coordinator's locked-in and ruled-out pairs, and accepting a plan as
//! candidate proposals. The engine itself (crate `matching`) does no I/O.

use brygga_domain::model::PlacementStatus;
use brygga_domain::policy::{Action, Relation, Resource};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::actor::{decide_any, enforce};
use crate::audit::AuditAction;
use std::collections::HashMap;

use crate::entities::{employer, match_rule, organisation, participant, placement};
use crate::participant::ParticipantRecord;
use crate::placement::PlacementRecord;
use crate::{Actor, Result, Store, StoreError};

/// A coordinator's lock or exclusion of one pair.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchRule {
    pub id: i32,
    pub programme_id: i32,
    pub participant_id: i32,
    pub placement_id: i32,
    pub kind: RuleKind,
    pub created_by: Option<i32>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl From<match_rule::Model> for MatchRule {
    fn from(m: match_rule::Model) -> Self {
        MatchRule {
            id: m.id,
            programme_id: m.programme_id,
            participant_id: m.participant_id,
            placement_id: m.placement_id,
            kind: m.kind.get(),
            created_by: m.created_by,
            created_at: m.created_at,
        }
    }
}

/// A coordinator's rule about one pair in a programme's plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    /// The pair must be in the plan.
    Lock,
    /// The pair must not be in the plan.
    Exclude,
}

impl RuleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::Lock => "lock",
            RuleKind::Exclude => "exclude",
        }
    }

    pub fn parse(s: &str) -> Option<RuleKind> {
        match s {
            "lock" => Some(RuleKind::Lock),
            "exclude" => Some(RuleKind::Exclude),
            _ => None,
        }
    }
}

/// A placement as matching sees it: the record and how many places are still free.
#[derive(Debug, Clone)]
pub struct OpenPlacement {
    pub placement: PlacementRecord,
    pub free_places: u32,
}

impl Store {
    /// Matching works on a programme's participants as a whole: coordinators of the programme
    /// (and admins) only.
    fn check_programme_scope(actor: &Actor, programme_id: i32) -> Result<()> {
        let rel = if actor.org_scope.contains(&programme_id) {
            Relation::InOrgScope
        } else {
            Relation::Unrelated
        };
        enforce(decide_any(
            actor,
            Action::Update,
            Resource::Participant,
            &[rel],
        ))
    }

    /// Every participant of the programme, as records the matching profiles are built from.
    /// One audit entry records that the programme's profiles were read for matching.
    pub async fn matching_participants(
        &self,
        actor: &Actor,
        programme_id: i32,
    ) -> Result<Vec<ParticipantRecord>> {
        Self::check_programme_scope(actor, programme_id)?;
        let models = participant::Entity::find()
            .filter(participant::Column::ProgrammeId.eq(programme_id))
            .order_by_asc(participant::Column::Id)
            .all(&self.db)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Read,
            "participant_profiles",
            Some(programme_id),
            &["matching_profile"],
        )
        .await?;
        // Needs (accommodations) are read for the hard constraint; they are shown to no one here.
        Ok(models
            .into_iter()
            .map(ParticipantRecord::for_matching)
            .collect())
    }

    /// Published placements with the number of places not yet taken by an internship.
    pub async fn matching_placements(&self, actor: &Actor) -> Result<Vec<OpenPlacement>> {
        enforce(decide_any(
            actor,
            Action::List,
            Resource::Placement,
            &[Relation::Public],
        ))?;
        let published = placement::Entity::find()
            .filter(placement::Column::Status.eq(PlacementStatus::Published.as_str()))
            .order_by_asc(placement::Column::Id)
            .all(&self.db)
            .await?;
        // A place is taken by a live internship; an ended one gives it back.
        let ids: Vec<i32> = published.iter().map(|p| p.id).collect();
        let mut taken: HashMap<i32, i64> = HashMap::new();
        for chunk in ids.chunks(500) {
            taken.extend(crate::internship::taken_places(&self.db, chunk).await?);
        }
        let employers: HashMap<i32, String> = employer::Entity::find()
            .all(&self.db)
            .await?
            .into_iter()
            .map(|e| (e.id, e.name))
            .collect();
        Ok(published
            .into_iter()
            .map(|p| {
                let used = taken.get(&p.id).copied().unwrap_or(0);
                let free_places = u32::try_from(i64::from(p.places) - used).unwrap_or(0);
                let name = employers.get(&p.employer_id).cloned().unwrap_or_default();
                OpenPlacement {
                    placement: PlacementRecord::from_model(p, name),
                    free_places,
                }
            })
            .collect())
    }

    /// The programme's matching settings as stored (JSON), `None` for the defaults.
    pub async fn matching_settings(
        &self,
        actor: &Actor,
        programme_id: i32,
    ) -> Result<Option<String>> {
        Self::check_programme_scope(actor, programme_id)?;
        let org = organisation::Entity::find_by_id(programme_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(org.matching_settings)
    }

    pub async fn set_matching_settings(
        &self,
        actor: &Actor,
        programme_id: i32,
        json: &str,
    ) -> Result<()> {
        Self::check_programme_scope(actor, programme_id)?;
        let tx = crate::begin_write(&self.db).await?;
        let r = organisation::Entity::update_many()
            .col_expr(
                organisation::Column::MatchingSettings,
                sea_orm::sea_query::Expr::value(json.to_string()),
            )
            .filter(organisation::Column::Id.eq(programme_id))
            .exec(&tx)
            .await?;
        if r.rows_affected == 0 {
            return Err(StoreError::NotFound);
        }
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "organisation",
            Some(programme_id),
            &["matching_settings"],
        )
        .await?;
        Ok(())
    }

    pub async fn match_rules(&self, actor: &Actor, programme_id: i32) -> Result<Vec<MatchRule>> {
        Self::check_programme_scope(actor, programme_id)?;
        Ok(match_rule::Entity::find()
            .filter(match_rule::Column::ProgrammeId.eq(programme_id))
            .order_by_asc(match_rule::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(MatchRule::from)
            .collect())
    }

    /// Lock in, rule out, or (with `None`) clear the rule for one pair.
    pub async fn match_rule_set(
        &self,
        actor: &Actor,
        programme_id: i32,
        participant_id: i32,
        placement_id: i32,
        kind: Option<RuleKind>,
    ) -> Result<()> {
        Self::check_programme_scope(actor, programme_id)?;
        let p = participant::Entity::find_by_id(participant_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        if p.programme_id != programme_id {
            return Err(StoreError::NotFound);
        }
        placement::Entity::find_by_id(placement_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let tx = crate::begin_write(&self.db).await?;
        match_rule::Entity::delete_many()
            .filter(match_rule::Column::ParticipantId.eq(participant_id))
            .filter(match_rule::Column::PlacementId.eq(placement_id))
            .exec(&tx)
            .await?;
        let id = match kind {
            Some(kind) => Some(
                match_rule::ActiveModel {
                    programme_id: Set(programme_id),
                    participant_id: Set(participant_id),
                    placement_id: Set(placement_id),
                    kind: Set(kind.into()),
                    created_by: Set(actor.user_id),
                    created_at: Set(crate::now()),
                    ..Default::default()
                }
                .insert(&tx)
                .await?
                .id,
            ),
            None => None,
        };
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "match_rule",
            id,
            &["participant_id", "placement_id", "kind"],
        )
        .await?;
        Ok(())
    }

    /// Accept a plan: each pair becomes a candidate proposal (pairs already proposed are left as
    /// they are, and participants without consent to share with employers are left out).
    /// Nothing else changes. Returns how many proposals were created.
    pub async fn accept_plan(
        &self,
        actor: &Actor,
        programme_id: i32,
        pairs: &[(i32, i32)],
    ) -> Result<usize> {
        Self::check_programme_scope(actor, programme_id)?;
        let ids: Vec<i32> = pairs.iter().map(|(p, _)| *p).collect();
        let in_programme: Vec<i32> = participant::Entity::find()
            .filter(participant::Column::Id.is_in(ids))
            .filter(participant::Column::ProgrammeId.eq(programme_id))
            .select_only()
            .column(participant::Column::Id)
            .into_tuple()
            .all(&self.db)
            .await?;
        if pairs.iter().any(|(p, _)| !in_programme.contains(p)) {
            return Err(StoreError::NotFound);
        }
        let tx = crate::begin_write(&self.db).await?;
        // The same consent gate as proposing by hand, read inside the transaction that writes
        // the proposals: without consent to share with employers a pair is left out.
        let consenting: Vec<i32> = participant::Entity::find()
            .filter(participant::Column::Id.is_in(in_programme))
            .filter(participant::Column::SharesWithEmployers.eq(true))
            .select_only()
            .column(participant::Column::Id)
            .into_tuple()
            .all(&tx)
            .await?;
        let mut created = 0;
        for (participant_id, placement_id) in pairs {
            if !consenting.contains(participant_id) {
                continue;
            }
            if crate::pool::insert_proposal(
                &tx,
                &self.secret,
                actor,
                *participant_id,
                *placement_id,
                "",
            )
            .await?
            .is_some()
            {
                created += 1;
            }
        }
        tx.commit().await?;
        Ok(created)
    }
}
