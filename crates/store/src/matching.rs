//! What the matching engine needs from storage: the profiles of a programme's participants and
//! the open placements, the coordinator's locked-in and ruled-out pairs, and accepting a plan as
//! candidate proposals. The engine itself (crate `matching`) does no I/O.

use brygga_domain::journey::{JourneyPhase, phase_at};
use brygga_domain::model::{PlacementStatus, ProposalStatus};
use brygga_domain::policy::{Action, Relation, Resource};
use brygga_domain::{FieldError, FieldErrors};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::actor::{decide_any, enforce};
use crate::audit::AuditAction;
use std::collections::{HashMap, HashSet};

use crate::entities::{
    candidate_proposal, employer, internship, match_rule, organisation, participant,
    participant_exit, placement,
};
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
    /// Places not taken by a live (running or upcoming) internship.
    pub free_places: u32,
    /// Live internships there.
    pub internships: u32,
    /// Live proposals there of participants without an internship there: a plan counts them
    /// as taken places too.
    pub proposals: u32,
}

/// A proposal that is not rejected or withdrawn (the one an internship can start from).
pub fn proposal_is_live(status: ProposalStatus) -> bool {
    !matches!(status, ProposalStatus::Rejected | ProposalStatus::Withdrawn)
}

/// The statuses of a closed proposal, as stored.
fn closed() -> [&'static str; 2] {
    [
        ProposalStatus::Rejected.as_str(),
        ProposalStatus::Withdrawn.as_str(),
    ]
}

/// One proposal of a programme's participant, as a plan needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposalFact {
    pub id: i32,
    pub version: i32,
    pub participant_id: i32,
    pub placement_id: i32,
    pub status: ProposalStatus,
    pub placement_title: String,
    pub employer_name: String,
}

/// What decides whether a programme's participants are still looking: each one's journey
/// phase (looking where no stage was recorded), who has an internship of any kind, and every
/// proposal of theirs.
#[derive(Debug, Clone, Default)]
pub struct ProgrammeStanding {
    pub phases: HashMap<i32, JourneyPhase>,
    pub with_internship: HashSet<i32>,
    /// Who has left the programme.
    pub left: HashSet<i32>,
    pub proposals: Vec<ProposalFact>,
}

/// Live proposals per placement of participants who have no internship (of any kind) there:
/// once the internship exists it holds the place, and after it ended the place is free again.
pub(crate) async fn proposed_places(
    db: &impl sea_orm::ConnectionTrait,
    placement_ids: &[i32],
) -> Result<HashMap<i32, i64>> {
    let live: Vec<(i32, i32)> = candidate_proposal::Entity::find()
        .filter(candidate_proposal::Column::PlacementId.is_in(placement_ids.to_vec()))
        .filter(candidate_proposal::Column::Status.is_not_in(closed()))
        .select_only()
        .column(candidate_proposal::Column::ParticipantId)
        .column(candidate_proposal::Column::PlacementId)
        .into_tuple()
        .all(db)
        .await?;
    let interned: HashSet<(i32, i32)> = internship::Entity::find()
        .filter(internship::Column::PlacementId.is_in(placement_ids.to_vec()))
        .select_only()
        .column(internship::Column::ParticipantId)
        .column(internship::Column::PlacementId)
        .into_tuple::<(i32, i32)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut out: HashMap<i32, i64> = HashMap::new();
    for pair in live {
        if !interned.contains(&pair) {
            *out.entry(pair.1).or_default() += 1;
        }
    }
    Ok(out)
}

/// Published placements (all, or those of `only`) with their places and what takes them.
pub(crate) async fn open_placements(
    db: &impl sea_orm::ConnectionTrait,
    only: Option<&[i32]>,
) -> Result<Vec<OpenPlacement>> {
    let mut q = placement::Entity::find()
        .filter(placement::Column::Status.eq(PlacementStatus::Published.as_str()));
    if let Some(ids) = only {
        q = q.filter(placement::Column::Id.is_in(ids.iter().copied()));
    }
    let published = q.order_by_asc(placement::Column::Id).all(db).await?;
    // A place is taken by a live internship; an ended one gives it back.
    let ids: Vec<i32> = published.iter().map(|p| p.id).collect();
    let mut taken: HashMap<i32, i64> = HashMap::new();
    let mut proposed: HashMap<i32, i64> = HashMap::new();
    for chunk in ids.chunks(500) {
        taken.extend(crate::internship::taken_places(db, chunk).await?);
        proposed.extend(proposed_places(db, chunk).await?);
    }
    let mut employer_ids: Vec<i32> = published.iter().map(|p| p.employer_id).collect();
    employer_ids.sort_unstable();
    employer_ids.dedup();
    let mut employers: HashMap<i32, String> = HashMap::new();
    for chunk in employer_ids.chunks(500) {
        employers.extend(
            employer::Entity::find()
                .filter(employer::Column::Id.is_in(chunk.iter().copied()))
                .all(db)
                .await?
                .into_iter()
                .map(|e| (e.id, e.name)),
        );
    }
    Ok(published
        .into_iter()
        .map(|p| {
            let used = taken.get(&p.id).copied().unwrap_or(0);
            let free_places = u32::try_from(i64::from(p.places) - used).unwrap_or(0);
            let name = employers.get(&p.employer_id).cloned().unwrap_or_default();
            let proposals = proposed.get(&p.id).copied().unwrap_or(0);
            OpenPlacement {
                placement: PlacementRecord::from_model(p, name),
                free_places,
                internships: u32::try_from(used).unwrap_or(u32::MAX),
                proposals: u32::try_from(proposals).unwrap_or(u32::MAX),
            }
        })
        .collect())
}

/// The refusal of a plan row that no longer holds, naming the pair in the field.
fn stale(participant_id: i32, placement_id: i32, key: &'static str) -> StoreError {
    StoreError::Invalid(FieldErrors(vec![FieldError::new(
        format!("pair:{participant_id}:{placement_id}"),
        key,
    )]))
}

impl Store {
    /// Matching works on a programme's participants as a whole: coordinators of the programme
    /// (and admins) only.
    pub(crate) fn check_programme_scope(actor: &Actor, programme_id: i32) -> Result<()> {
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
        open_placements(&self.db, None).await
    }

    /// Where the programme's participants stand for a plan: their journey phases, who has an
    /// internship, and their proposals with the placements' names.
    pub async fn matching_standing(
        &self,
        actor: &Actor,
        programme_id: i32,
    ) -> Result<ProgrammeStanding> {
        Self::check_programme_scope(actor, programme_id)?;
        let map = self.process_map(actor, programme_id).await?;
        let phases = crate::process::latest_stages(&self.db, programme_id)
            .await?
            .into_iter()
            .filter_map(|(p, s)| Some((p, phase_at(&map, map.index_of(s?)?))))
            .collect();
        let in_programme = || {
            sea_orm::sea_query::Query::select()
                .column(participant::Column::Id)
                .from(participant::Entity)
                .and_where(participant::Column::ProgrammeId.eq(programme_id))
                .to_owned()
        };
        let with_internship = internship::Entity::find()
            .filter(internship::Column::ParticipantId.in_subquery(in_programme()))
            .select_only()
            .column(internship::Column::ParticipantId)
            .into_tuple::<i32>()
            .all(&self.db)
            .await?
            .into_iter()
            .collect();
        let left = participant_exit::Entity::find()
            .filter(participant_exit::Column::ParticipantId.in_subquery(in_programme()))
            .select_only()
            .column(participant_exit::Column::ParticipantId)
            .into_tuple::<i32>()
            .all(&self.db)
            .await?
            .into_iter()
            .collect();
        let rows = candidate_proposal::Entity::find()
            .filter(candidate_proposal::Column::ParticipantId.in_subquery(in_programme()))
            .order_by_asc(candidate_proposal::Column::Id)
            .all(&self.db)
            .await?;
        let placement_ids: Vec<i32> = rows.iter().map(|r| r.placement_id).collect();
        let mut placements: HashMap<i32, placement::Model> = HashMap::new();
        for chunk in placement_ids.chunks(500) {
            placements.extend(
                placement::Entity::find()
                    .filter(placement::Column::Id.is_in(chunk.to_vec()))
                    .all(&self.db)
                    .await?
                    .into_iter()
                    .map(|p| (p.id, p)),
            );
        }
        let employers: HashMap<i32, String> = employer::Entity::find()
            .all(&self.db)
            .await?
            .into_iter()
            .map(|e| (e.id, e.name))
            .collect();
        let proposals = rows
            .into_iter()
            .map(|r| {
                let pl = placements.get(&r.placement_id);
                ProposalFact {
                    id: r.id,
                    version: r.version,
                    participant_id: r.participant_id,
                    placement_id: r.placement_id,
                    status: r.status.get(),
                    placement_title: pl.map(|p| p.title.clone()).unwrap_or_default(),
                    employer_name: pl
                        .and_then(|p| employers.get(&p.employer_id).cloned())
                        .unwrap_or_default(),
                }
            })
            .collect();
        Ok(ProgrammeStanding {
            phases,
            with_internship,
            left,
            proposals,
        })
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

    /// Accept rows of a plan: each (participant, placement) pair becomes a candidate proposal,
    /// all or none. Checked again under the write lock, so a row that no longer holds is
    /// refused with nothing created (the error names the pair in its field, `pair:P:X`): the
    /// participant has meanwhile been proposed elsewhere or has an internship, no longer shares
    /// with employers, or the placement has no free place left for the rows (live internships
    /// and proposals take places). A pair already proposed and live is the same acceptance
    /// sent twice: left as it is and not counted. Returns how many proposals were created.
    pub async fn accept_plan(
        &self,
        actor: &Actor,
        programme_id: i32,
        pairs: &[(i32, i32)],
    ) -> Result<usize> {
        Self::check_programme_scope(actor, programme_id)?;
        let ids: Vec<i32> = pairs.iter().map(|(p, _)| *p).collect();
        let in_programme: Vec<i32> = participant::Entity::find()
            .filter(participant::Column::Id.is_in(ids.clone()))
            .filter(participant::Column::ProgrammeId.eq(programme_id))
            .select_only()
            .column(participant::Column::Id)
            .into_tuple()
            .all(&self.db)
            .await?;
        if pairs.iter().any(|(p, _)| !in_programme.contains(p)) {
            return Err(StoreError::NotFound);
        }
        let mut seen = HashSet::new();
        if pairs.iter().any(|(p, _)| !seen.insert(*p)) {
            return Err(StoreError::Invalid(FieldErrors(vec![FieldError::new(
                FieldError::FORM,
                "plan-error-twice",
            )])));
        }
        let tx = crate::begin_write(&self.db).await?;
        // Everything below is read inside the transaction that writes the proposals.
        let consenting: HashSet<i32> = participant::Entity::find()
            .filter(participant::Column::Id.is_in(ids.clone()))
            .filter(participant::Column::SharesWithEmployers.eq(true))
            .select_only()
            .column(participant::Column::Id)
            .into_tuple::<i32>()
            .all(&tx)
            .await?
            .into_iter()
            .collect();
        let live: Vec<(i32, i32)> = candidate_proposal::Entity::find()
            .filter(candidate_proposal::Column::ParticipantId.is_in(ids.clone()))
            .filter(candidate_proposal::Column::Status.is_not_in(closed()))
            .select_only()
            .column(candidate_proposal::Column::ParticipantId)
            .column(candidate_proposal::Column::PlacementId)
            .into_tuple()
            .all(&tx)
            .await?;
        let interned: HashSet<i32> = internship::Entity::find()
            .filter(internship::Column::ParticipantId.is_in(ids))
            .select_only()
            .column(internship::Column::ParticipantId)
            .into_tuple::<i32>()
            .all(&tx)
            .await?
            .into_iter()
            .collect();
        let mut new: Vec<(i32, i32)> = vec![];
        for (p, x) in pairs.iter().copied() {
            if live.contains(&(p, x)) {
                continue;
            }
            if interned.contains(&p) || live.iter().any(|(lp, _)| *lp == p) {
                return Err(stale(p, x, "plan-error-stale-proposed"));
            }
            if !consenting.contains(&p) {
                return Err(stale(p, x, "plan-error-stale-consent"));
            }
            new.push((p, x));
        }
        let mut wanted: HashMap<i32, i64> = HashMap::new();
        for (_, x) in &new {
            *wanted.entry(*x).or_default() += 1;
        }
        let placement_ids: Vec<i32> = wanted.keys().copied().collect();
        let places: HashMap<i32, (i32, PlacementStatus)> = placement::Entity::find()
            .filter(placement::Column::Id.is_in(placement_ids.clone()))
            .all(&tx)
            .await?
            .into_iter()
            .map(|p| (p.id, (p.places, p.status.get())))
            .collect();
        let interns = crate::internship::taken_places(&tx, &placement_ids).await?;
        let proposed = proposed_places(&tx, &placement_ids).await?;
        for (p, x) in &new {
            let Some((n, status)) = places.get(x) else {
                return Err(StoreError::NotFound);
            };
            let taken =
                interns.get(x).copied().unwrap_or(0) + proposed.get(x).copied().unwrap_or(0);
            let want = wanted.get(x).copied().unwrap_or(0);
            if *status != PlacementStatus::Published || i64::from(*n) - taken < want {
                return Err(stale(*p, *x, "plan-error-stale-full"));
            }
        }
        let mut created = 0;
        for (participant_id, placement_id) in new {
            if crate::pool::insert_proposal(
                &tx,
                &self.secret,
                actor,
                participant_id,
                placement_id,
                "",
            )
            .await?
            .is_some()
            {
                created += 1;
            } else {
                // A closed proposal of the pair: a plan does not bring it back.
                return Err(stale(
                    participant_id,
                    placement_id,
                    "plan-error-stale-closed",
                ));
            }
        }
        tx.commit().await?;
        Ok(created)
    }
}
