//! The candidate pool per placement: proposals and their statuses (proposed, shortlisted,
//! interview requested, …), and the employer contact's view of a candidate, which never holds
//! special-needs data.
//!
//! Nothing about a participant reaches an employer before the participant's consent to share
//! with employers is recorded: proposing needs it, and a card whose consent was withdrawn is no
//! longer shown to the employer.

use brygga_domain::interview::{may_move, moves_from};
use brygga_domain::model::{
    DrivingLicence, EducationLevel, EligibilityStatus, ProposalStatus, Role, Weekday,
};
use brygga_domain::policy::{Action, FieldClass, Relation, Resource, sees};
use brygga_domain::registry::{LanguageLevel, WorkExperience};
use brygga_domain::values::Cefr;
use brygga_domain::{FieldError, FieldErrors};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;

use crate::actor::{decide_any, enforce};
use crate::audit::{AuditAction, record};
use crate::entities::{candidate_proposal, employer, interview, participant, placement};
use crate::stored::Stored;
use crate::{Actor, Result, Store, StoreError, from_json};

/// What an employer contact sees of a proposed candidate: what the work needs, nothing more
/// (no special needs, accommodations, personnummer, eligibility or contact details).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CandidateCard {
    pub participant_id: i32,
    pub first_name: String,
    pub last_name: String,
    pub swedish_level: Option<Cefr>,
    pub languages: Vec<LanguageLevel>,
    pub education_level: EducationLevel,
    pub education_field: String,
    pub experience: Vec<WorkExperience>,
    pub skills: Vec<String>,
    pub wished_occupations: Vec<String>,
    pub available_days: Vec<Weekday>,
    pub driving_licence: DrivingLicence,
}

impl CandidateCard {
    fn of(m: &participant::Model) -> Self {
        CandidateCard {
            participant_id: m.id,
            first_name: m.first_name.clone(),
            last_name: m.last_name.clone(),
            swedish_level: m.swedish_level.map(Stored::get),
            languages: from_json(&m.languages),
            education_level: m.education_level.get(),
            education_field: m.education_field.clone(),
            experience: from_json(&m.experience),
            skills: from_json(&m.skills),
            wished_occupations: from_json(&m.wished_occupations),
            available_days: from_json(&m.available_days),
            driving_licence: m.driving_licence.get(),
        }
    }
}

/// One proposal as the actor may see it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ProposalRecord {
    pub id: i32,
    pub version: i32,
    pub status: ProposalStatus,
    pub note: String,
    pub participant_id: i32,
    pub placement_id: i32,
    pub placement_title: String,
    pub employer_id: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub card: CandidateCard,
    /// Coordinators only: the participant's eligibility and whether sharing is consented to.
    pub eligibility: Option<EligibilityStatus>,
    pub shares_with_employers: bool,
    /// The statuses the actor may move this proposal to by hand.
    pub moves: Vec<ProposalStatus>,
    /// Proposed although the pair fails a hard rule: the rule overridden
    /// (`swedish`, `driving_licence`, …; comma-separated when several) and the coordinator's
    /// reason. Both may name special-category data (an accommodation the workplace lacks), so
    /// only those who may read the participant's special needs see them (coordinators in
    /// scope, admins); `None` for everyone else and for a proposal that overrode nothing.
    pub override_rule: Option<String>,
    pub override_reason: Option<String>,
}

/// A proposal made although the pair fails a hard rule of the matching.
#[derive(Debug, Clone, Copy)]
pub struct Override<'a> {
    /// Why the coordinator proposes anyway (required).
    pub reason: &'a str,
    /// The failing rule or rules (`brygga_matching::HardKind::as_str`, comma-separated).
    pub rule: &'a str,
}

/// A placement's candidate pool as the actor may see it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PoolView {
    pub placement_id: i32,
    pub placement_title: String,
    pub employer_id: i32,
    pub employer_name: String,
    /// True when the actor sees the employer's view (cards only).
    pub employer_view: bool,
    pub proposals: Vec<ProposalRecord>,
}

/// Consent to share with employers, given and not withdrawn.
pub(crate) fn shares_with_employers(p: &participant::Model) -> bool {
    p.shares_with_employers
}

/// The consent gate, read again inside the write transaction it guards: every write begins by
/// taking the same lock (`begin_write`), so a withdrawal committed before this write is seen
/// here, and one that comes after waits for it. `Err` when the participant does not consent.
pub(crate) async fn consent_in_tx(tx: &impl ConnectionTrait, participant_id: i32) -> Result<()> {
    let consenting = participant::Entity::find_by_id(participant_id)
        .filter(participant::Column::SharesWithEmployers.eq(true))
        .count(tx)
        .await?;
    if consenting == 0 {
        return Err(no_consent());
    }
    Ok(())
}

fn no_consent() -> StoreError {
    StoreError::Invalid(FieldErrors(vec![FieldError::new(
        "participant_id",
        "pool-error-no-consent",
    )]))
}

fn invalid(field: &str, key: &'static str) -> StoreError {
    StoreError::Invalid(FieldErrors(vec![FieldError::new(field, key)]))
}

/// How a proposal (or an interview, which belongs to one) relates to the actor: through the
/// participant (coordinators, the participant) or through the placement's employer.
pub(crate) fn proposal_relations(
    actor: &Actor,
    p: &participant::Model,
    pl: &placement::Model,
) -> Vec<Relation> {
    let mut rels = vec![];
    if actor.org_scope.contains(&p.programme_id)
        || p.cohort_id.is_some_and(|c| actor.org_scope.contains(&c))
    {
        rels.push(Relation::InOrgScope);
    }
    // Through the employer only while the participant shares with employers.
    if actor.employer_id == Some(pl.employer_id) && shares_with_employers(p) {
        rels.push(Relation::OwnEmployer);
    }
    if actor.user_id.is_some() && p.user_id == actor.user_id {
        rels.push(Relation::OwnRecord);
    }
    rels
}

/// Employer contacts see the employer's view; everyone else who may see the pool, the whole.
fn employer_view(actor: &Actor) -> bool {
    actor.role == Role::EmployerContact
}

/// Whether the actor may open the candidate pool of a placement of `employer_id` (the page's
/// link is shown by the same rule).
pub(crate) fn may_open_pool(actor: &Actor, employer_id: i32) -> bool {
    actor.may(Action::List, Resource::Proposal)
        && (!employer_view(actor) || actor.employer_id == Some(employer_id))
}

/// A participant who is not proposed must not be confirmed to exist to an employer contact.
fn hidden_from(actor: &Actor, p: &participant::Model, status: ProposalStatus) -> bool {
    employer_view(actor) && (status == ProposalStatus::Withdrawn || !shares_with_employers(p))
}

fn record_of(
    actor: &Actor,
    m: candidate_proposal::Model,
    p: &participant::Model,
    pl: &placement::Model,
) -> ProposalRecord {
    let status = m.status.get();
    let full = !employer_view(actor);
    let special = sees(
        actor.role,
        FieldClass::SpecialCategory,
        &proposal_relations(actor, p, pl),
    );
    ProposalRecord {
        id: m.id,
        version: m.version,
        status,
        note: m.note,
        participant_id: m.participant_id,
        placement_id: m.placement_id,
        placement_title: pl.title.clone(),
        employer_id: pl.employer_id,
        created_at: m.created_at,
        card: CandidateCard::of(p),
        eligibility: full.then(|| p.eligibility.get()),
        shares_with_employers: shares_with_employers(p),
        moves: moves_from(actor.role, status),
        override_rule: m.override_rule.filter(|_| special),
        override_reason: m.override_reason.filter(|_| special),
    }
}

/// A proposal with the participant and placement it joins.
pub(crate) struct Loaded {
    pub proposal: candidate_proposal::Model,
    pub participant: participant::Model,
    pub placement: placement::Model,
}

impl Store {
    pub(crate) async fn proposal_load(
        &self,
        db: &impl ConnectionTrait,
        actor: &Actor,
        id: i32,
        resource: Resource,
        action: Action,
    ) -> Result<Loaded> {
        let proposal = candidate_proposal::Entity::find_by_id(id)
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let participant = participant::Entity::find_by_id(proposal.participant_id)
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let placement = placement::Entity::find_by_id(proposal.placement_id)
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        // A candidate no longer shared with the employer is not confirmed to exist there.
        if hidden_from(actor, &participant, proposal.status.get()) {
            return Err(StoreError::NotFound);
        }
        let rels = proposal_relations(actor, &participant, &placement);
        enforce(decide_any(actor, action, resource, &rels))?;
        Ok(Loaded {
            proposal,
            participant,
            placement,
        })
    }

    /// A placement's candidate pool. Coordinators see the proposals of participants in their
    /// scope with a summary; an employer contact sees cards of the candidates proposed to their
    /// own employer's placement, and each card read is audited.
    pub async fn pool_for_placement(&self, actor: &Actor, placement_id: i32) -> Result<PoolView> {
        if !actor.may(Action::List, Resource::Proposal) {
            return Err(StoreError::Forbidden);
        }
        let pl = placement::Entity::find_by_id(placement_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        if !may_open_pool(actor, pl.employer_id) {
            return Err(StoreError::Forbidden);
        }
        let employer_name = employer::Entity::find_by_id(pl.employer_id)
            .one(&self.db)
            .await?
            .map(|e| e.name)
            .unwrap_or_default();
        let rows = candidate_proposal::Entity::find()
            .filter(candidate_proposal::Column::PlacementId.eq(placement_id))
            .order_by_asc(candidate_proposal::Column::CreatedAt)
            .order_by_asc(candidate_proposal::Column::Id)
            .all(&self.db)
            .await?;
        let ids: Vec<i32> = rows.iter().map(|r| r.participant_id).collect();
        let people: std::collections::HashMap<i32, participant::Model> =
            participant::Entity::find()
                .filter(participant::Column::Id.is_in(ids))
                .all(&self.db)
                .await?
                .into_iter()
                .map(|p| (p.id, p))
                .collect();
        let mut proposals = vec![];
        for m in rows {
            let Some(p) = people.get(&m.participant_id) else {
                continue;
            };
            let rels = proposal_relations(actor, p, &pl);
            let status = m.status.get();
            if decide_any(actor, Action::List, Resource::Proposal, &rels).allowed()
                && !hidden_from(actor, p, status)
            {
                proposals.push(record_of(actor, m, p, &pl));
            }
        }
        if employer_view(actor) && !proposals.is_empty() {
            let tx = crate::begin_write(&self.db).await?;
            for r in &proposals {
                record(
                    &tx,
                    &self.secret,
                    actor,
                    AuditAction::Read,
                    "participant",
                    Some(r.participant_id),
                    &["candidate_card"],
                )
                .await?;
            }
            tx.commit().await?;
        }
        Ok(PoolView {
            placement_id,
            placement_title: pl.title,
            employer_id: pl.employer_id,
            employer_name,
            employer_view: employer_view(actor),
            proposals,
        })
    }

    /// One proposal (the interview booking page starts from it).
    pub async fn proposal_get(&self, actor: &Actor, id: i32) -> Result<ProposalRecord> {
        let l = self
            .proposal_load(&self.db, actor, id, Resource::Proposal, Action::Read)
            .await?;
        Ok(record_of(actor, l.proposal, &l.participant, &l.placement))
    }

    /// Propose a participant to a placement. Refused without the participant's consent to
    /// share with employers, and for a participant already in the placement's pool.
    pub async fn propose(
        &self,
        actor: &Actor,
        participant_id: i32,
        placement_id: i32,
        note: &str,
    ) -> Result<i32> {
        self.propose_with(actor, participant_id, placement_id, note, None)
            .await
    }

    /// Propose a pair that fails a hard rule of the matching, with the coordinator's reason
    /// (required: `override_reason` beside the field when blank) and the rule overridden.
    /// Whether the pair fails is the matching's answer, asked by the caller.
    pub async fn propose_override(
        &self,
        actor: &Actor,
        participant_id: i32,
        placement_id: i32,
        note: &str,
        over: Override<'_>,
    ) -> Result<i32> {
        self.propose_with(actor, participant_id, placement_id, note, Some(over))
            .await
    }

    async fn propose_with(
        &self,
        actor: &Actor,
        participant_id: i32,
        placement_id: i32,
        note: &str,
        over: Option<Override<'_>>,
    ) -> Result<i32> {
        let p = participant::Entity::find_by_id(participant_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let pl = placement::Entity::find_by_id(placement_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let rels = proposal_relations(actor, &p, &pl);
        // Out of scope, the participant's existence is itself personal data.
        enforce(decide_any(
            actor,
            Action::Read,
            Resource::Participant,
            &rels,
        ))?;
        enforce(decide_any(actor, Action::Create, Resource::Proposal, &rels))?;
        if !shares_with_employers(&p) {
            return Err(no_consent());
        }
        let note = crate::note_text("proposal_note", note)?;
        let over = match over {
            None => None,
            Some(o) => {
                let reason = crate::note_text("override_reason", o.reason)?;
                if reason.is_empty() {
                    return Err(invalid("override_reason", "match-error-reason-required"));
                }
                let rule = o.rule.trim();
                if rule.is_empty() {
                    return Err(invalid("override_rule", "error-required"));
                }
                Some((reason, rule.to_string()))
            }
        };
        let tx = crate::begin_write(&self.db).await?;
        consent_in_tx(&tx, participant_id).await?;
        let id = insert_proposal_with(
            &tx,
            &self.secret,
            actor,
            (participant_id, placement_id),
            &note,
            over,
        )
        .await?;
        let Some(id) = id else {
            return Err(invalid("participant_id", "pool-error-duplicate"));
        };
        tx.commit().await?;
        Ok(id)
    }

    /// Propose without a note (the matching pages and the demo).
    pub async fn propose_candidate(
        &self,
        actor: &Actor,
        participant_id: i32,
        placement_id: i32,
    ) -> Result<()> {
        self.propose(actor, participant_id, placement_id, "")
            .await
            .map(|_| ())
    }

    /// Move a proposal by hand (shortlist, ask for an interview, reject, select, withdraw),
    /// as read at `version`.
    pub async fn proposal_set_status(
        &self,
        actor: &Actor,
        proposal_id: i32,
        version: i32,
        status: ProposalStatus,
        note: &str,
    ) -> Result<()> {
        let l = self
            .proposal_load(
                &self.db,
                actor,
                proposal_id,
                Resource::Proposal,
                Action::Update,
            )
            .await?;
        let from = l.proposal.status.get();
        if !may_move(actor.role, from, status) {
            return Err(invalid("status", "pool-error-transition"));
        }
        if status == ProposalStatus::Selected {
            let passed = interview::Entity::find()
                .filter(interview::Column::ProposalId.eq(proposal_id))
                .filter(interview::Column::Outcome.eq("passed"))
                .count(&self.db)
                .await?;
            if passed == 0 {
                return Err(invalid("status", "pool-error-select-needs-pass"));
            }
        }
        if status == ProposalStatus::Proposed && !shares_with_employers(&l.participant) {
            return Err(no_consent());
        }
        let note = crate::note_text("note", note)?;
        let note = note.as_str();
        let tx = crate::begin_write(&self.db).await?;
        if status == ProposalStatus::Proposed {
            consent_in_tx(&tx, l.participant.id).await?;
        }
        let mut fields = vec!["status"];
        let mut q = candidate_proposal::Entity::update_many()
            .col_expr(
                candidate_proposal::Column::Status,
                sea_orm::sea_query::Expr::value(status.as_str()),
            )
            .col_expr(
                candidate_proposal::Column::UpdatedAt,
                sea_orm::sea_query::Expr::value(crate::now()),
            );
        if !note.is_empty() {
            q = q.col_expr(
                candidate_proposal::Column::Note,
                sea_orm::sea_query::Expr::value(note),
            );
            fields.push("note");
        }
        if status == ProposalStatus::Selected {
            q = q
                .col_expr(
                    candidate_proposal::Column::SelectedAt,
                    sea_orm::sea_query::Expr::value(crate::now()),
                )
                .col_expr(
                    candidate_proposal::Column::SelectedBy,
                    sea_orm::sea_query::Expr::value(actor.user_id),
                );
            fields.extend(["selected_at", "selected_by"]);
        }
        crate::update_versioned(&tx, q, proposal_id, version, StoreError::Db).await?;
        if status == ProposalStatus::Selected {
            // Selected after a passed interview: the participant's stage follows.
            self.advance_in_tx(&tx, actor, l.participant.id).await?;
        }
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "candidate_proposal",
            Some(proposal_id),
            &fields,
        )
        .await?;
        Ok(())
    }
}

/// Insert a proposal inside the caller's write transaction; `None` when the participant is
/// already in the placement's pool (checked under the write lock, so two clicks make one).
pub(crate) async fn insert_proposal(
    tx: &impl ConnectionTrait,
    secret: &crate::secret::Secret,
    actor: &Actor,
    participant_id: i32,
    placement_id: i32,
    note: &str,
) -> Result<Option<i32>> {
    insert_proposal_with(
        tx,
        secret,
        actor,
        (participant_id, placement_id),
        note,
        None,
    )
    .await
}

/// As [`insert_proposal`], with the reason and rule of a proposal that overrides a failing
/// hard rule.
async fn insert_proposal_with(
    tx: &impl ConnectionTrait,
    secret: &crate::secret::Secret,
    actor: &Actor,
    (participant_id, placement_id): (i32, i32),
    note: &str,
    over: Option<(String, String)>,
) -> Result<Option<i32>> {
    let exists = candidate_proposal::Entity::find()
        .filter(candidate_proposal::Column::ParticipantId.eq(participant_id))
        .filter(candidate_proposal::Column::PlacementId.eq(placement_id))
        .count(tx)
        .await?;
    if exists > 0 {
        return Ok(None);
    }
    let now = crate::now();
    let m = candidate_proposal::ActiveModel {
        participant_id: Set(participant_id),
        placement_id: Set(placement_id),
        created_at: Set(now),
        status: Set(ProposalStatus::Proposed.into()),
        note: Set(note.to_string()),
        proposed_by: Set(actor.user_id),
        updated_at: Set(Some(now)),
        version: Set(1),
        override_reason: Set(over.as_ref().map(|(reason, _)| reason.clone())),
        override_rule: Set(over.as_ref().map(|(_, rule)| rule.clone())),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    let fields: &[&str] = if over.is_some() {
        &[
            "participant_id",
            "placement_id",
            "status",
            "note",
            "override_reason",
            "override_rule",
        ]
    } else {
        &["participant_id", "placement_id", "status", "note"]
    };
    record(
        tx,
        secret,
        actor,
        AuditAction::Create,
        "candidate_proposal",
        Some(m.id),
        fields,
    )
    .await?;
    Ok(Some(m.id))
}
