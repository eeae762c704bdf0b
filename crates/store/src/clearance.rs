//! Clearance with the employment service: the eligibility confirmation (who, when) and the
//! decision (reference, date, period, insured, compensation), and sharing a case with an officer.
//! Records are never deleted: withdrawing one marks it (`withdrawn_at/by`), and a new record
//! can then be registered.

use brygga_domain::clearance::{ConfirmationInput, DecisionInput};
use brygga_domain::model::{Compensation, EligibilityStatus, Role};
use brygga_domain::policy::{Action, FieldClass, Resource, sees};
use brygga_domain::{FieldError, FieldErrors};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;

use crate::actor::{decide_any, enforce};
use crate::audit::{AuditAction, record};
use crate::entities::{case_share, es_confirmation, es_decision, membership, participant, user};
use crate::{Actor, Result, Store, StoreError};

/// The eligibility confirmation, with who recorded (and withdrew) it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Confirmation {
    pub id: i32,
    pub officer_name: String,
    pub confirmed_on: chrono::NaiveDate,
    pub note: String,
    pub recorded_by: String,
    pub recorded_at: chrono::DateTime<chrono::Utc>,
    pub withdrawn_by: String,
    pub withdrawn_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// The employment service's decision.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EsDecision {
    pub id: i32,
    pub reference: String,
    pub decision_date: chrono::NaiveDate,
    pub period_start: chrono::NaiveDate,
    pub period_end: chrono::NaiveDate,
    pub insured: bool,
    pub compensation: Compensation,
    pub note: String,
    pub recorded_by: String,
    pub recorded_at: chrono::DateTime<chrono::Utc>,
    pub withdrawn_by: String,
    pub withdrawn_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// A participant's clearance: every record, active and withdrawn, newest first.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Clearance {
    pub participant_id: i32,
    pub participant_name: String,
    pub eligibility: EligibilityStatus,
    pub confirmations: Vec<Confirmation>,
    pub decisions: Vec<EsDecision>,
}

impl Clearance {
    pub fn confirmation(&self) -> Option<&Confirmation> {
        self.confirmations.iter().find(|c| c.withdrawn_at.is_none())
    }

    pub fn decision(&self) -> Option<&EsDecision> {
        self.decisions.iter().find(|d| d.withdrawn_at.is_none())
    }
}

/// Whether a participant's clearance holds (for the process map's checkpoint): an active
/// eligibility confirmation, and an active decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClearanceState {
    pub eligibility_confirmed: bool,
    pub decision_registered: bool,
}

/// An employment-service officer a coordinator may share a case with.
#[derive(Debug, Clone, Serialize)]
pub struct Officer {
    pub user_id: i32,
    pub name: String,
    pub email: String,
    /// Whether this participant's case is shared with them now.
    pub shared: bool,
}

/// The two kinds of clearance record.
enum Kind {
    Confirmation,
    Decision,
}

impl Kind {
    fn resource(&self) -> &'static str {
        match self {
            Kind::Confirmation => "es_confirmation",
            Kind::Decision => "es_decision",
        }
    }
}

/// The officer asked for is not one the actor may share with (or not an officer at all).
fn unknown_officer() -> StoreError {
    StoreError::Invalid(FieldErrors(vec![FieldError::new(
        "officer_id",
        "error-clearance-officer",
    )]))
}

/// The state of a participant's clearance, without access checks (for other store modules).
pub(crate) async fn clearance_state(
    db: &impl ConnectionTrait,
    participant_id: i32,
) -> Result<ClearanceState> {
    let confirmed = es_confirmation::Entity::find()
        .filter(es_confirmation::Column::ParticipantId.eq(participant_id))
        .filter(es_confirmation::Column::WithdrawnAt.is_null())
        .count(db)
        .await?;
    let decided = es_decision::Entity::find()
        .filter(es_decision::Column::ParticipantId.eq(participant_id))
        .filter(es_decision::Column::WithdrawnAt.is_null())
        .count(db)
        .await?;
    Ok(ClearanceState {
        eligibility_confirmed: confirmed > 0,
        decision_registered: decided > 0,
    })
}

impl Store {
    /// The participant, if the actor may see it (404 otherwise: an officer's unshared case does
    /// not exist for them), and then may do `action` on its clearance (403 otherwise).
    async fn clearance_checked(
        &self,
        actor: &Actor,
        participant_id: i32,
        action: Action,
    ) -> Result<participant::Model> {
        let p = participant::Entity::find_by_id(participant_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let rels = self.participant_relations(actor, &p).await?;
        enforce(decide_any(
            actor,
            Action::Read,
            Resource::Participant,
            &rels,
        ))?;
        enforce(decide_any(actor, action, Resource::Clearance, &rels))?;
        Ok(p)
    }

    async fn user_names(&self, ids: Vec<i32>) -> Result<std::collections::HashMap<i32, String>> {
        Ok(user::Entity::find()
            .filter(user::Column::Id.is_in(ids))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect())
    }

    /// A participant's clearance records (active and withdrawn, newest first). Audited as a read.
    pub async fn clearance_get(&self, actor: &Actor, participant_id: i32) -> Result<Clearance> {
        let p = self
            .clearance_checked(actor, participant_id, Action::Read)
            .await?;
        let confirmations = es_confirmation::Entity::find()
            .filter(es_confirmation::Column::ParticipantId.eq(participant_id))
            .order_by_desc(es_confirmation::Column::RecordedAt)
            .order_by_desc(es_confirmation::Column::Id)
            .all(&self.db)
            .await?;
        let decisions = es_decision::Entity::find()
            .filter(es_decision::Column::ParticipantId.eq(participant_id))
            .order_by_desc(es_decision::Column::RecordedAt)
            .order_by_desc(es_decision::Column::Id)
            .all(&self.db)
            .await?;
        let people: Vec<i32> = confirmations
            .iter()
            .flat_map(|c| [c.recorded_by, c.withdrawn_by])
            .chain(
                decisions
                    .iter()
                    .flat_map(|d| [d.recorded_by, d.withdrawn_by]),
            )
            .flatten()
            .collect();
        let names = self.user_names(people).await?;
        // Case notes are the staff's: a participant reading her own case sees them cleared.
        let rels = self.participant_relations(actor, &p).await?;
        let notes = sees(actor.role, FieldClass::StaffNotes, &rels);
        let note = |n: String| if notes { n } else { String::new() };
        let name = |id: Option<i32>| -> String {
            id.and_then(|i| names.get(&i).cloned()).unwrap_or_default()
        };
        let tx = crate::begin_write(&self.db).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Read,
            "clearance",
            Some(participant_id),
            &[],
        )
        .await?;
        Ok(Clearance {
            participant_id,
            participant_name: format!("{} {}", p.first_name, p.last_name),
            eligibility: p.eligibility.get(),
            confirmations: confirmations
                .into_iter()
                .map(|c| Confirmation {
                    id: c.id,
                    recorded_by: name(c.recorded_by),
                    withdrawn_by: name(c.withdrawn_by),
                    officer_name: c.officer_name,
                    confirmed_on: c.confirmed_on,
                    note: note(c.note),
                    recorded_at: c.recorded_at,
                    withdrawn_at: c.withdrawn_at,
                })
                .collect(),
            decisions: decisions
                .into_iter()
                .map(|d| EsDecision {
                    id: d.id,
                    recorded_by: name(d.recorded_by),
                    withdrawn_by: name(d.withdrawn_by),
                    reference: d.reference,
                    decision_date: d.decision_date,
                    period_start: d.period_start,
                    period_end: d.period_end,
                    insured: d.insured,
                    compensation: d.compensation.get(),
                    note: note(d.note),
                    recorded_at: d.recorded_at,
                    withdrawn_at: d.withdrawn_at,
                })
                .collect(),
        })
    }

    /// Whether a participant's clearance holds, for an actor who may read it.
    pub async fn clearance_state(
        &self,
        actor: &Actor,
        participant_id: i32,
    ) -> Result<ClearanceState> {
        self.clearance_checked(actor, participant_id, Action::Read)
            .await?;
        clearance_state(&self.db, participant_id).await
    }

    async fn set_eligibility(
        tx: &impl ConnectionTrait,
        secret: &crate::secret::Secret,
        actor: &Actor,
        participant_id: i32,
        to: EligibilityStatus,
    ) -> Result<()> {
        participant::Entity::update_many()
            .col_expr(participant::Column::Eligibility, Expr::value(to.as_str()))
            .col_expr(participant::Column::UpdatedAt, Expr::value(crate::now()))
            .col_expr(
                participant::Column::Version,
                Expr::col(participant::Column::Version).add(1),
            )
            .filter(participant::Column::Id.eq(participant_id))
            .exec(tx)
            .await?;
        record(
            tx,
            secret,
            actor,
            AuditAction::Update,
            "participant",
            Some(participant_id),
            &["eligibility"],
        )
        .await
    }

    /// Record that the employment service confirmed the participant's eligibility; the
    /// participant's eligibility becomes `eligible`. An earlier active confirmation is
    /// withdrawn by this one (one active confirmation at a time).
    pub async fn eligibility_confirm(
        &self,
        actor: &Actor,
        participant_id: i32,
        i: &ConfirmationInput,
    ) -> Result<i32> {
        self.clearance_checked(actor, participant_id, Action::Create)
            .await?;
        let now = crate::now();
        let tx = crate::begin_write(&self.db).await?;
        es_confirmation::Entity::update_many()
            .col_expr(es_confirmation::Column::WithdrawnAt, Expr::value(now))
            .col_expr(
                es_confirmation::Column::WithdrawnBy,
                Expr::value(actor.user_id),
            )
            .filter(es_confirmation::Column::ParticipantId.eq(participant_id))
            .filter(es_confirmation::Column::WithdrawnAt.is_null())
            .exec(&tx)
            .await?;
        let m = es_confirmation::ActiveModel {
            participant_id: Set(participant_id),
            officer_name: Set(i.officer_name.clone()),
            confirmed_on: Set(i.confirmed_on),
            note: Set(i.note.clone()),
            recorded_by: Set(actor.user_id),
            recorded_at: Set(now),
            withdrawn_at: Set(None),
            withdrawn_by: Set(None),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        record(
            &tx,
            &self.secret,
            actor,
            AuditAction::Create,
            "es_confirmation",
            Some(m.id),
            &["participant_id", "officer_name", "confirmed_on", "note"],
        )
        .await?;
        Self::set_eligibility(
            &tx,
            &self.secret,
            actor,
            participant_id,
            EligibilityStatus::Eligible,
        )
        .await?;
        tx.commit().await?;
        Ok(m.id)
    }

    /// Register the employment service's decision. An earlier active decision is withdrawn by
    /// this one.
    pub async fn es_decision_register(
        &self,
        actor: &Actor,
        participant_id: i32,
        i: &DecisionInput,
    ) -> Result<i32> {
        self.clearance_checked(actor, participant_id, Action::Create)
            .await?;
        if i.period_end < i.period_start {
            return Err(StoreError::Invalid(FieldErrors(vec![FieldError::new(
                "es_period_end",
                "error-period-order",
            )])));
        }
        let now = crate::now();
        let tx = crate::begin_write(&self.db).await?;
        es_decision::Entity::update_many()
            .col_expr(es_decision::Column::WithdrawnAt, Expr::value(now))
            .col_expr(es_decision::Column::WithdrawnBy, Expr::value(actor.user_id))
            .filter(es_decision::Column::ParticipantId.eq(participant_id))
            .filter(es_decision::Column::WithdrawnAt.is_null())
            .exec(&tx)
            .await?;
        let m = es_decision::ActiveModel {
            participant_id: Set(participant_id),
            reference: Set(i.reference.clone()),
            decision_date: Set(i.decision_date),
            period_start: Set(i.period_start),
            period_end: Set(i.period_end),
            insured: Set(i.insured),
            compensation: Set(i.compensation.into()),
            note: Set(i.note.clone()),
            recorded_by: Set(actor.user_id),
            recorded_at: Set(now),
            withdrawn_at: Set(None),
            withdrawn_by: Set(None),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "es_decision",
            Some(m.id),
            &[
                "participant_id",
                "reference",
                "decision_date",
                "period_start",
                "period_end",
                "insured",
                "compensation",
                "note",
            ],
        )
        .await?;
        Ok(m.id)
    }

    async fn clearance_withdraw(
        &self,
        actor: &Actor,
        participant_id: i32,
        id: i32,
        kind: Kind,
    ) -> Result<()> {
        self.clearance_checked(actor, participant_id, Action::Update)
            .await?;
        let now = crate::now();
        let tx = crate::begin_write(&self.db).await?;
        let rows = match kind {
            Kind::Confirmation => {
                es_confirmation::Entity::update_many()
                    .col_expr(es_confirmation::Column::WithdrawnAt, Expr::value(now))
                    .col_expr(
                        es_confirmation::Column::WithdrawnBy,
                        Expr::value(actor.user_id),
                    )
                    .filter(es_confirmation::Column::Id.eq(id))
                    .filter(es_confirmation::Column::ParticipantId.eq(participant_id))
                    .filter(es_confirmation::Column::WithdrawnAt.is_null())
                    .exec(&tx)
                    .await?
                    .rows_affected
            }
            Kind::Decision => {
                es_decision::Entity::update_many()
                    .col_expr(es_decision::Column::WithdrawnAt, Expr::value(now))
                    .col_expr(es_decision::Column::WithdrawnBy, Expr::value(actor.user_id))
                    .filter(es_decision::Column::Id.eq(id))
                    .filter(es_decision::Column::ParticipantId.eq(participant_id))
                    .filter(es_decision::Column::WithdrawnAt.is_null())
                    .exec(&tx)
                    .await?
                    .rows_affected
            }
        };
        // Unknown, of another participant, or already withdrawn.
        if rows == 0 {
            return Err(StoreError::NotFound);
        }
        record(
            &tx,
            &self.secret,
            actor,
            AuditAction::Update,
            kind.resource(),
            Some(id),
            &["withdrawn_at", "withdrawn_by"],
        )
        .await?;
        if matches!(kind, Kind::Confirmation) {
            // Without a confirmation, eligibility is back to being looked into.
            Self::set_eligibility(
                &tx,
                &self.secret,
                actor,
                participant_id,
                EligibilityStatus::Pending,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Withdraw an eligibility confirmation (kept, marked withdrawn).
    pub async fn eligibility_withdraw(
        &self,
        actor: &Actor,
        participant_id: i32,
        confirmation_id: i32,
    ) -> Result<()> {
        self.clearance_withdraw(actor, participant_id, confirmation_id, Kind::Confirmation)
            .await
    }

    /// Withdraw a decision (kept, marked withdrawn).
    pub async fn es_decision_withdraw(
        &self,
        actor: &Actor,
        participant_id: i32,
        decision_id: i32,
    ) -> Result<()> {
        self.clearance_withdraw(actor, participant_id, decision_id, Kind::Decision)
            .await
    }

    /// The employment-service officers the actor may share this participant's case with:
    /// active officers who are members of an organisation in the actor's scope, or of none
    /// (an officer of the employment service outside the programme tree). Admins see all.
    pub async fn case_officers(&self, actor: &Actor, participant_id: i32) -> Result<Vec<Officer>> {
        self.participant_checked(actor, participant_id, Action::Update)
            .await?;
        self.officers_for(actor, participant_id, None).await
    }

    async fn officers_for(
        &self,
        actor: &Actor,
        participant_id: i32,
        only: Option<i32>,
    ) -> Result<Vec<Officer>> {
        let mut q = user::Entity::find()
            .filter(user::Column::Role.eq(Role::EsOfficer.as_str()))
            .filter(user::Column::Active.eq(true));
        if let Some(id) = only {
            q = q.filter(user::Column::Id.eq(id));
        }
        if actor.role != Role::Admin {
            let any_membership = Query::select()
                .column(membership::Column::UserId)
                .from(membership::Entity)
                .to_owned();
            let in_scope = Query::select()
                .column(membership::Column::UserId)
                .from(membership::Entity)
                .and_where(membership::Column::OrgId.is_in(actor.org_scope.iter().copied()))
                .to_owned();
            q = q.filter(
                sea_orm::Condition::any()
                    .add(user::Column::Id.in_subquery(in_scope))
                    .add(user::Column::Id.not_in_subquery(any_membership)),
            );
        }
        let users = q.order_by_asc(user::Column::Name).all(&self.db).await?;
        let shared: Vec<i32> = case_share::Entity::find()
            .filter(case_share::Column::ParticipantId.eq(participant_id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|s| s.user_id)
            .collect();
        Ok(users
            .into_iter()
            .map(|u| Officer {
                shared: shared.contains(&u.id),
                user_id: u.id,
                name: u.name,
                email: u.email,
            })
            .collect())
    }

    /// Share a participant's case with an employment-service officer (one the actor may share
    /// with). Sharing twice changes nothing.
    pub async fn case_share(
        &self,
        actor: &Actor,
        participant_id: i32,
        officer_user_id: i32,
    ) -> Result<()> {
        self.participant_checked(actor, participant_id, Action::Update)
            .await?;
        let officer = self
            .officers_for(actor, participant_id, Some(officer_user_id))
            .await?;
        if officer.is_empty() {
            return Err(unknown_officer());
        }
        let tx = crate::begin_write(&self.db).await?;
        // A unique index holds "shared once": a second share (even one racing this) is refused
        // by the database, and changes nothing.
        let m = case_share::ActiveModel {
            participant_id: Set(participant_id),
            user_id: Set(officer_user_id),
            created_at: Set(crate::now()),
            ..Default::default()
        }
        .insert(&tx)
        .await;
        let m = match m {
            Ok(m) => m,
            Err(e)
                if matches!(
                    e.sql_err(),
                    Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
                ) =>
            {
                return Ok(());
            }
            Err(e) => return Err(e.into()),
        };
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "case_share",
            Some(m.id),
            &["participant_id", "user_id"],
        )
        .await?;
        Ok(())
    }

    /// Stop sharing a participant's case with an officer.
    pub async fn case_unshare(
        &self,
        actor: &Actor,
        participant_id: i32,
        officer_user_id: i32,
    ) -> Result<()> {
        self.participant_checked(actor, participant_id, Action::Update)
            .await?;
        let shares = case_share::Entity::find()
            .filter(case_share::Column::ParticipantId.eq(participant_id))
            .filter(case_share::Column::UserId.eq(officer_user_id))
            .all(&self.db)
            .await?;
        if shares.is_empty() {
            return Err(StoreError::NotFound);
        }
        let tx = crate::begin_write(&self.db).await?;
        for s in shares {
            case_share::Entity::delete_by_id(s.id).exec(&tx).await?;
            record(
                &tx,
                &self.secret,
                actor,
                AuditAction::Delete,
                "case_share",
                Some(s.id),
                &["participant_id", "user_id"],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
