//! The internship: a participant at a placement with a supervisor, for a period and a number of
//! days a week. Made when the internship agreement is signed (in the same transaction) or by a
//! coordinator; ended with a reason, never deleted. One live (not ended) internship per
//! participant, held by a partial unique index. A live internship takes one of the placement's
//! places.
//!
//! Who sees it (policy resource `Internship`): the coordinating organisation in scope, the
//! employer's contact (while the participant shares with employers), the supervisor named on
//! it, the participant herself, and the employment-service officer of a shared case. Anyone
//! else whose role may see some internships gets 404: an internship names a participant.

use brygga_domain::internship::{
    EndInput, EndReason, InternshipInput, InternshipStatus, check_period,
};
use brygga_domain::model::{AgreementStatus, ProposalStatus};
use brygga_domain::policy::{Action, Decision, FieldClass, Relation, Resource, sees};
use brygga_domain::{FieldError, FieldErrors};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;

use crate::actor::{decide_any, enforce};
use crate::audit::{AuditAction, record};
use crate::entities::{
    agreement, candidate_proposal, employer, internship, participant, placement, supervisor,
};
use crate::{Actor, Result, Store, StoreError};

/// An internship as its page and the API show it.
#[derive(Debug, Clone, Serialize)]
pub struct InternshipRecord {
    pub id: i32,
    pub version: i32,
    pub participant_id: i32,
    pub participant_name: String,
    pub placement_id: i32,
    pub placement_title: String,
    pub employer_id: i32,
    pub employer_name: String,
    pub supervisor_id: Option<i32>,
    pub supervisor_name: Option<String>,
    pub start_date: chrono::NaiveDate,
    /// The planned end.
    pub end_date: chrono::NaiveDate,
    pub days_per_week: i32,
    pub hours_per_week: Option<i32>,
    pub agreement_id: Option<i32>,
    pub ended_on: Option<chrono::NaiveDate>,
    pub end_reason: Option<EndReason>,
    /// Why it ended early: the staff's words, shown where staff notes are.
    pub end_note: String,
    pub status: InternshipStatus,
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// What the actor may do or follow from it (the page shows only those).
    pub may_end: bool,
    pub may_see_participant: bool,
    pub may_see_agreement: bool,
}

impl InternshipRecord {
    pub fn is_live(&self) -> bool {
        self.ended_on.is_none()
    }
}

fn invalid(field: &str, key: &'static str) -> StoreError {
    StoreError::Invalid(FieldErrors(vec![FieldError::new(field, key)]))
}

/// The error for a second live internship (the form as a whole: it is about the participant).
fn second_live() -> StoreError {
    invalid(FieldError::FORM, "internship-error-live")
}

/// Out of scope for a role that may see some internships: 404, never a confirmation.
fn internship_decision(actor: &Actor, action: Action, rels: &[Relation]) -> Decision {
    match decide_any(actor, action, Resource::Internship, rels) {
        Decision::Forbidden if actor.may(action, Resource::Internship) => Decision::Hidden,
        d => d,
    }
}

/// What a new internship row holds.
struct NewInternship {
    participant_id: i32,
    placement_id: i32,
    supervisor_id: Option<i32>,
    start_date: chrono::NaiveDate,
    end_date: chrono::NaiveDate,
    days_per_week: i32,
    hours_per_week: Option<i32>,
    agreement_id: Option<i32>,
}

/// Insert an internship inside `tx`, with its audit entry. A live internship of the participant
/// is refused (also by the unique index, for two at once).
async fn insert(
    tx: &impl ConnectionTrait,
    secret: &crate::secret::Secret,
    actor: &Actor,
    n: NewInternship,
) -> Result<i32> {
    if live_of(tx, n.participant_id).await?.is_some() {
        return Err(second_live());
    }
    let now = crate::now();
    let m = internship::ActiveModel {
        participant_id: Set(n.participant_id),
        placement_id: Set(n.placement_id),
        supervisor_id: Set(n.supervisor_id),
        start_date: Set(n.start_date),
        end_date: Set(n.end_date),
        days_per_week: Set(n.days_per_week),
        hours_per_week: Set(n.hours_per_week),
        agreement_id: Set(n.agreement_id),
        ended_on: Set(None),
        end_reason: Set(None),
        end_note: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    }
    .insert(tx)
    .await
    .map_err(
        |e| match StoreError::unique(e, FieldError::FORM, "internship-error-live") {
            StoreError::Invalid(_) => second_live(),
            other => other,
        },
    )?;
    record(
        tx,
        secret,
        actor,
        AuditAction::Create,
        "internship",
        Some(m.id),
        &[
            "participant_id",
            "placement_id",
            "supervisor_id",
            "start_date",
            "end_date",
            "days_per_week",
            "hours_per_week",
            "agreement_id",
        ],
    )
    .await?;
    Ok(m.id)
}

/// The participant's live internship, if any.
async fn live_of(
    db: &impl ConnectionTrait,
    participant_id: i32,
) -> Result<Option<internship::Model>> {
    Ok(internship::Entity::find()
        .filter(internship::Column::ParticipantId.eq(participant_id))
        .filter(internship::Column::EndedOn.is_null())
        .one(db)
        .await?)
}

/// The internship a signed internship agreement starts, inside the signing's transaction: the
/// agreement's placement and supervisor, the placement's period (from the signing day at the
/// earliest), days and hours. Nothing when the participant already has a live internship (the
/// coordinator made it by hand).
pub(crate) async fn create_from_agreement(
    tx: &impl ConnectionTrait,
    secret: &crate::secret::Secret,
    actor: &Actor,
    a: &agreement::Model,
    signed_on: chrono::NaiveDate,
) -> Result<Option<i32>> {
    let (Some(participant_id), Some(placement_id)) = (a.participant_id, a.placement_id) else {
        return Ok(None);
    };
    if live_of(tx, participant_id).await?.is_some() {
        return Ok(None);
    }
    let Some(pl) = placement::Entity::find_by_id(placement_id).one(tx).await? else {
        return Ok(None);
    };
    let start = pl.period_start.max(signed_on);
    let end = pl.period_end.max(start);
    insert(
        tx,
        secret,
        actor,
        NewInternship {
            participant_id,
            placement_id,
            supervisor_id: a.supervisor_id,
            start_date: start,
            end_date: end,
            days_per_week: pl.days_per_week,
            hours_per_week: Some(pl.hours_per_week),
            agreement_id: Some(a.id),
        },
    )
    .await
    .map(Some)
}

/// Live internships per placement: the places they take.
pub(crate) async fn taken_places(
    db: &impl ConnectionTrait,
    placement_ids: &[i32],
) -> Result<std::collections::HashMap<i32, i64>> {
    use sea_orm::QuerySelect;
    let rows: Vec<(i32, i64)> = internship::Entity::find()
        .filter(internship::Column::PlacementId.is_in(placement_ids.to_vec()))
        .filter(internship::Column::EndedOn.is_null())
        .select_only()
        .column(internship::Column::PlacementId)
        .column_as(internship::Column::Id.count(), "taken")
        .group_by(internship::Column::PlacementId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

impl Store {
    /// How an internship relates to the actor: as its participant does for the coordinating
    /// organisation, the participant herself and a shared case; the supervisor named on it; the
    /// employer's contact while the participant shares with employers.
    pub(crate) async fn internship_relations(
        &self,
        actor: &Actor,
        m: &internship::Model,
        p: &participant::Model,
        pl: &placement::Model,
    ) -> Result<Vec<Relation>> {
        let mut rels: Vec<Relation> = self
            .participant_relations(actor, p)
            .await?
            .into_iter()
            .filter(|r| {
                matches!(
                    r,
                    Relation::InOrgScope | Relation::OwnRecord | Relation::SharedCase
                )
            })
            .collect();
        if m.supervisor_id
            .is_some_and(|s| actor.supervisor_ids.contains(&s))
        {
            rels.push(Relation::Supervised);
        }
        if actor.employer_id == Some(pl.employer_id) && p.shares_with_employers {
            rels.push(Relation::OwnEmployer);
        }
        Ok(rels)
    }

    /// Load an internship the actor may do `action` on, with what it names.
    async fn internship_checked(
        &self,
        actor: &Actor,
        id: i32,
        action: Action,
    ) -> Result<(
        internship::Model,
        participant::Model,
        placement::Model,
        Vec<Relation>,
    )> {
        let m = internship::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let (p, pl) = self.internship_parts(&m).await?;
        let rels = self.internship_relations(actor, &m, &p, &pl).await?;
        enforce(internship_decision(actor, action, &rels))?;
        Ok((m, p, pl, rels))
    }

    pub(crate) async fn internship_parts(
        &self,
        m: &internship::Model,
    ) -> Result<(participant::Model, placement::Model)> {
        let p = participant::Entity::find_by_id(m.participant_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let pl = placement::Entity::find_by_id(m.placement_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok((p, pl))
    }

    async fn internship_record(
        &self,
        actor: &Actor,
        m: internship::Model,
        p: &participant::Model,
        pl: &placement::Model,
        rels: &[Relation],
    ) -> Result<InternshipRecord> {
        let employer_name = employer::Entity::find_by_id(pl.employer_id)
            .one(&self.db)
            .await?
            .map(|e| e.name)
            .unwrap_or_default();
        let supervisor_name = match m.supervisor_id {
            Some(id) => supervisor::Entity::find_by_id(id)
                .one(&self.db)
                .await?
                .map(|s| s.name),
            None => None,
        };
        let participant_rels = self.participant_relations(actor, p).await?;
        let may_see_participant = decide_any(
            actor,
            Action::Read,
            Resource::Participant,
            &participant_rels,
        )
        .allowed();
        let may_see_agreement = match m.agreement_id {
            Some(aid) => match agreement::Entity::find_by_id(aid).one(&self.db).await? {
                Some(a) => {
                    let arels = self.agreement_relations(actor, &a).await?;
                    decide_any(actor, Action::Read, Resource::Agreement, &arels).allowed()
                }
                None => false,
            },
            None => false,
        };
        let staff_notes = sees(actor.role, FieldClass::StaffNotes, rels);
        Ok(InternshipRecord {
            id: m.id,
            version: m.version,
            participant_id: p.id,
            participant_name: format!("{} {}", p.first_name, p.last_name),
            placement_id: pl.id,
            placement_title: pl.title.clone(),
            employer_id: pl.employer_id,
            employer_name,
            supervisor_id: m.supervisor_id,
            supervisor_name,
            start_date: m.start_date,
            end_date: m.end_date,
            days_per_week: m.days_per_week,
            hours_per_week: m.hours_per_week,
            agreement_id: m.agreement_id,
            ended_on: m.ended_on,
            end_reason: m
                .end_reason
                .as_deref()
                .and_then(|r| EndReason::parse(r).ok()),
            end_note: if staff_notes {
                m.end_note.unwrap_or_default()
            } else {
                String::new()
            },
            status: InternshipStatus::of(
                m.start_date,
                m.ended_on,
                brygga_domain::calendar::today(),
            ),
            created_at: m.created_at,
            may_end: m.ended_on.is_none()
                && internship_decision(actor, Action::Update, rels).allowed(),
            may_see_participant,
            may_see_agreement,
        })
    }

    /// The records of `models` the actor may read, in their order.
    async fn internships_readable(
        &self,
        actor: &Actor,
        models: Vec<internship::Model>,
    ) -> Result<Vec<InternshipRecord>> {
        let mut out = vec![];
        for m in models {
            let (p, pl) = self.internship_parts(&m).await?;
            let rels = self.internship_relations(actor, &m, &p, &pl).await?;
            if internship_decision(actor, Action::Read, &rels).allowed() {
                out.push(self.internship_record(actor, m, &p, &pl, &rels).await?);
            }
        }
        Ok(out)
    }

    fn may_list_internships(actor: &Actor) -> Result<()> {
        if actor.may(Action::List, Resource::Internship) {
            Ok(())
        } else {
            Err(StoreError::Forbidden)
        }
    }

    /// One internship. Reading it reads about its participant: audited.
    pub async fn internship(&self, actor: &Actor, id: i32) -> Result<InternshipRecord> {
        let (m, p, pl, rels) = self.internship_checked(actor, id, Action::Read).await?;
        let tx = crate::begin_write(&self.db).await?;
        self.commit_audited(tx, actor, AuditAction::Read, "internship", Some(id), &[])
            .await?;
        self.internship_record(actor, m, &p, &pl, &rels).await
    }

    /// A participant's internships (newest first) that the actor may see; the participant must
    /// be readable. Audited as a read of the participant's internships.
    pub async fn internships_for_participant(
        &self,
        actor: &Actor,
        participant_id: i32,
    ) -> Result<Vec<InternshipRecord>> {
        Self::may_list_internships(actor)?;
        self.participant_checked(actor, participant_id, Action::Read)
            .await?;
        let models = internship::Entity::find()
            .filter(internship::Column::ParticipantId.eq(participant_id))
            .order_by_desc(internship::Column::StartDate)
            .order_by_desc(internship::Column::Id)
            .all(&self.db)
            .await?;
        let list = self.internships_readable(actor, models).await?;
        let tx = crate::begin_write(&self.db).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Read,
            "participant",
            Some(participant_id),
            &["internships"],
        )
        .await?;
        Ok(list)
    }

    /// The supervisor's current interns: the live internships naming one of the actor's
    /// supervisor records, by start date.
    pub async fn internships_supervised(&self, actor: &Actor) -> Result<Vec<InternshipRecord>> {
        Self::may_list_internships(actor)?;
        if actor.supervisor_ids.is_empty() {
            return Ok(vec![]);
        }
        let models = internship::Entity::find()
            .filter(internship::Column::SupervisorId.is_in(actor.supervisor_ids.clone()))
            .filter(internship::Column::EndedOn.is_null())
            .order_by_asc(internship::Column::StartDate)
            .order_by_asc(internship::Column::Id)
            .all(&self.db)
            .await?;
        self.internships_readable(actor, models).await
    }

    /// An employer's internships (live first, then by start date) that the actor may see; the
    /// employer must be readable.
    pub async fn internships_of_employer(
        &self,
        actor: &Actor,
        employer_id: i32,
    ) -> Result<Vec<InternshipRecord>> {
        Self::may_list_internships(actor)?;
        self.employer_get(actor, employer_id).await?;
        let models = internship::Entity::find()
            .filter(
                internship::Column::PlacementId.in_subquery(
                    sea_orm::sea_query::Query::select()
                        .column(placement::Column::Id)
                        .from(placement::Entity)
                        .and_where(placement::Column::EmployerId.eq(employer_id))
                        .to_owned(),
                ),
            )
            .order_by_desc(internship::Column::StartDate)
            .order_by_desc(internship::Column::Id)
            .all(&self.db)
            .await?;
        let mut list = self.internships_readable(actor, models).await?;
        list.sort_by_key(|r| !r.is_live());
        Ok(list)
    }

    /// Whether the actor may start an internship for this participant (the form is shown).
    pub async fn internship_may_create(&self, actor: &Actor, participant_id: i32) -> Result<bool> {
        let p = participant::Entity::find_by_id(participant_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let rels = self.participant_relations(actor, &p).await?;
        Ok(decide_any(actor, Action::Create, Resource::Internship, &rels).allowed())
    }

    /// A coordinator starts an internship: the placement must be one the participant is a live
    /// candidate for (or has an open internship agreement with), the supervisor one of that
    /// employer's, the days at most the placement's; one live internship per participant. The
    /// participant's stage follows in the same transaction when the start is reached.
    pub async fn internship_create(
        &self,
        actor: &Actor,
        participant_id: i32,
        input: &InternshipInput,
    ) -> Result<i32> {
        let p = participant::Entity::find_by_id(participant_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let rels: Vec<Relation> = self
            .participant_relations(actor, &p)
            .await?
            .into_iter()
            .filter(|r| *r == Relation::InOrgScope)
            .collect();
        enforce(internship_decision(actor, Action::Create, &rels))?;
        check_period("end_date", input.start_date, input.end_date)
            .map_err(|e| StoreError::Invalid(FieldErrors(vec![e])))?;
        let mut errors = FieldErrors::default();
        let pl = placement::Entity::find_by_id(input.placement_id)
            .one(&self.db)
            .await?;
        let proposed = candidate_proposal::Entity::find()
            .filter(candidate_proposal::Column::ParticipantId.eq(participant_id))
            .filter(candidate_proposal::Column::PlacementId.eq(input.placement_id))
            .filter(candidate_proposal::Column::Status.is_not_in([
                ProposalStatus::Rejected.as_str(),
                ProposalStatus::Withdrawn.as_str(),
            ]))
            .count(&self.db)
            .await?
            > 0;
        let agreed = agreement::Entity::find()
            .filter(agreement::Column::ParticipantId.eq(participant_id))
            .filter(agreement::Column::PlacementId.eq(input.placement_id))
            .filter(agreement::Column::Status.ne(AgreementStatus::Ended.as_str()))
            .count(&self.db)
            .await?
            > 0;
        let Some(pl) = pl.filter(|_| proposed || agreed) else {
            errors.push(FieldError::new(
                "placement_id",
                "internship-error-placement",
            ));
            return Err(StoreError::Invalid(errors));
        };
        if let Some(sid) = input.supervisor_id {
            let s = supervisor::Entity::find_by_id(sid).one(&self.db).await?;
            if s.is_none_or(|s| s.employer_id != pl.employer_id) {
                errors.push(FieldError::new(
                    "supervisor_id",
                    "internship-error-supervisor",
                ));
            }
        }
        if input.days_per_week > pl.days_per_week {
            errors.push(FieldError::new("days_per_week", "internship-error-days"));
        }
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        let tx = crate::begin_write(&self.db).await?;
        let id = insert(
            &tx,
            &self.secret,
            actor,
            NewInternship {
                participant_id,
                placement_id: pl.id,
                supervisor_id: input.supervisor_id,
                start_date: input.start_date,
                end_date: input.end_date,
                days_per_week: input.days_per_week,
                hours_per_week: input.hours_per_week,
                agreement_id: None,
            },
        )
        .await?;
        self.advance_in_tx(&tx, actor, participant_id).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// End an internship read at `version`: the day, the reason (a note why when it ended
    /// early). Never before its start; an ended internship stays ended. The participant's stage
    /// follows in the same transaction.
    pub async fn internship_end(
        &self,
        actor: &Actor,
        id: i32,
        version: i32,
        end: &EndInput,
    ) -> Result<()> {
        let (m, p, _, _) = self.internship_checked(actor, id, Action::Update).await?;
        if m.ended_on.is_some() {
            return Err(StoreError::Conflict);
        }
        check_period("ended_on", m.start_date, end.ended_on)
            .map_err(|_| invalid("ended_on", "internship-error-ended-before-start"))?;
        let tx = crate::begin_write(&self.db).await?;
        let update = internship::Entity::update_many()
            .col_expr(internship::Column::EndedOn, Expr::value(end.ended_on))
            .col_expr(
                internship::Column::EndReason,
                Expr::value(end.reason.as_str()),
            )
            .col_expr(internship::Column::EndNote, Expr::value(end.note.clone()))
            .col_expr(internship::Column::UpdatedAt, Expr::value(crate::now()));
        crate::update_versioned(&tx, update, id, version, StoreError::Db).await?;
        record(
            &tx,
            &self.secret,
            actor,
            AuditAction::Update,
            "internship",
            Some(id),
            &["ended_on", "end_reason", "end_note"],
        )
        .await?;
        self.advance_in_tx(&tx, actor, p.id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Move forward every participant whose live internship has started by `today` and whose
    /// stage the facts now carry further (the start of an internship agreed ahead of time).
    /// Run by `brygga serve`'s hourly housekeeping; each move is a stage event by "system".
    /// Returns how many participants moved.
    pub async fn advance_due_stages(&self, today: chrono::NaiveDate) -> Result<usize> {
        use sea_orm::QuerySelect;
        let due: Vec<i32> = internship::Entity::find()
            .filter(internship::Column::EndedOn.is_null())
            .filter(internship::Column::StartDate.lte(today))
            .select_only()
            .column(internship::Column::ParticipantId)
            .distinct()
            .into_tuple()
            .all(&self.db)
            .await?;
        let system = Actor::system();
        let mut moved = 0;
        for pid in due {
            let tx = crate::begin_write(&self.db).await?;
            if self.advance_in_tx(&tx, &system, pid).await?.is_some() {
                moved += 1;
            }
            tx.commit().await?;
        }
        Ok(moved)
    }
}
