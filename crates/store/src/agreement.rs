//! Collaboration agreements (employer level) and internship agreements (per intern):
//! generated, sent, signed, with their files.
//!
//! Who does what (policy resource `Agreement`): drafting an agreement and issuing its document
//! (create, generate, mark sent) needs `Create`; uploading the signed copy needs `Update`, which
//! the employer's own contact also has; ending or cancelling needs `Delete`. An agreement the
//! actor's role may see but this one is not theirs is 404: an internship agreement names a
//! participant, whose existence is itself personal data.

use brygga_domain::agreement::{
    AgreementDocument, AgreementStep, CollaborationAgreement, DecisionRef, InternshipAgreement,
    next_status,
};
use brygga_domain::model::{AgreementKind, AgreementStatus, OrgKind, ProposalStatus};
use brygga_domain::policy::{Action, Decision, Relation, Resource, list_scope};
use brygga_domain::{FieldError, FieldErrors};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    Set,
};
use serde::Serialize;

use crate::actor::{decide_any, enforce};
use crate::audit::{AuditAction, record};
use crate::entities::{
    agreement, candidate_proposal, case_share, employer, employer_contact, es_confirmation,
    es_decision, organisation, participant, placement, stored_file, supervisor,
};
use crate::files::{FileStore, OWNER_AGREEMENT, StoredFile, Upload};
use crate::{Actor, Result, Store, StoreError};

/// An agreement as its page shows it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AgreementRecord {
    pub id: i32,
    pub version: i32,
    pub kind: AgreementKind,
    pub status: AgreementStatus,
    pub employer_id: i32,
    pub employer_name: String,
    pub participant_id: Option<i32>,
    pub participant_name: Option<String>,
    pub placement_id: Option<i32>,
    pub placement_title: Option<String>,
    pub supervisor_name: Option<String>,
    /// An internship agreement's schedule, from its placement: period, days and hours a week.
    pub schedule: Option<Schedule>,
    pub signed_on: Option<chrono::NaiveDate>,
    pub generated: Option<StoredFile>,
    pub signed: Option<StoredFile>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// What the actor may do with it (the page shows only those actions).
    pub may_prepare: bool,
    pub may_sign: bool,
    pub may_end: bool,
}

/// The schedule an internship agreement carries.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[schema(as = AgreementSchedule)]
pub struct Schedule {
    pub period_start: chrono::NaiveDate,
    pub period_end: chrono::NaiveDate,
    pub days_per_week: i32,
    pub hours_per_week: i32,
}

/// The placements and supervisors an internship agreement for a participant can name.
#[derive(Debug, Clone, Serialize)]
pub struct InternshipChoices {
    /// (placement id, "title – employer") for each placement the participant is a live
    /// candidate for.
    pub placements: Vec<(i32, String)>,
    /// (supervisor id, "name – employer").
    pub supervisors: Vec<(i32, String)>,
}

/// The file a step keeps, if any.
#[derive(Clone, Copy)]
enum FileChange<'a> {
    None,
    Generated(&'a FileStore, &'a Upload),
    Signed(&'a FileStore, &'a Upload, chrono::NaiveDate),
}

/// Out of scope for a role that may see some agreements: 404, never a confirmation that the
/// agreement exists.
fn agreement_decision(actor: &Actor, action: Action, rels: &[Relation]) -> Decision {
    match decide_any(actor, action, Resource::Agreement, rels) {
        Decision::Forbidden if actor.may(action, Resource::Agreement) => Decision::Hidden,
        d => d,
    }
}

/// A proposal that still counts: the participant is a candidate for the placement.
fn live_proposal() -> Condition {
    Condition::all().add(candidate_proposal::Column::Status.is_not_in([
        ProposalStatus::Rejected.as_str(),
        ProposalStatus::Withdrawn.as_str(),
    ]))
}

/// Record a collaboration agreement's status (and signing date) on the employer, audited.
async fn set_employer_agreement(
    tx: &impl sea_orm::ConnectionTrait,
    secret: &crate::secret::Secret,
    actor: &Actor,
    employer_id: i32,
    status: AgreementStatus,
    date: Option<chrono::NaiveDate>,
) -> Result<()> {
    let mut update = employer::Entity::update_many()
        .col_expr(
            employer::Column::AgreementStatus,
            Expr::value(status.as_str()),
        )
        .col_expr(employer::Column::UpdatedAt, Expr::value(crate::now()))
        .col_expr(
            employer::Column::Version,
            Expr::col(employer::Column::Version).add(1),
        );
    let mut fields = vec!["agreement_status"];
    if let Some(d) = date {
        update = update.col_expr(employer::Column::AgreementDate, Expr::value(d));
        fields.push("agreement_date");
    }
    update
        .filter(employer::Column::Id.eq(employer_id))
        .exec(tx)
        .await?;
    record(
        tx,
        secret,
        actor,
        AuditAction::Update,
        "employer",
        Some(employer_id),
        &fields,
    )
    .await
}

impl Store {
    /// How an agreement relates to the actor: the employer's own contact; a collaboration
    /// agreement is in every coordinator's scope (employers are shared across the programme
    /// tree); an internship agreement relates as its participant does.
    pub(crate) async fn agreement_relations(
        &self,
        actor: &Actor,
        a: &agreement::Model,
    ) -> Result<Vec<Relation>> {
        let mut rels = vec![];
        let own = actor.employer_id == Some(a.employer_id);
        match a.participant_id {
            None => {
                rels.push(Relation::InOrgScope);
                if own {
                    rels.push(Relation::OwnEmployer);
                }
            }
            Some(pid) => {
                if let Some(p) = participant::Entity::find_by_id(pid).one(&self.db).await? {
                    // An intern's agreement reaches the employer only while she shares with
                    // employers.
                    if own && p.shares_with_employers {
                        rels.push(Relation::OwnEmployer);
                    }
                    rels.extend(self.participant_relations(actor, &p).await?);
                }
            }
        }
        Ok(rels)
    }

    /// Load an agreement the actor may act on.
    pub(crate) async fn agreement_checked(
        &self,
        actor: &Actor,
        id: i32,
        action: Action,
    ) -> Result<(agreement::Model, Vec<Relation>)> {
        let a = agreement::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let rels = self.agreement_relations(actor, &a).await?;
        enforce(agreement_decision(actor, action, &rels))?;
        Ok((a, rels))
    }

    /// The SQL form of the actor's list scope over agreements.
    fn agreement_scope(actor: &Actor) -> Result<Condition> {
        let rels = list_scope(actor.role, Resource::Agreement);
        if rels.is_empty() {
            return Err(StoreError::Forbidden);
        }
        if rels.contains(&Relation::Unrelated) {
            return Ok(Condition::all());
        }
        let mut any = Condition::any().add(Expr::cust("1 = 0"));
        if rels.contains(&Relation::OwnEmployer)
            && let Some(e) = actor.employer_id
        {
            any = any.add(
                Condition::all()
                    .add(agreement::Column::EmployerId.eq(e))
                    .add(
                        Condition::any()
                            .add(agreement::Column::ParticipantId.is_null())
                            .add(
                                agreement::Column::ParticipantId.in_subquery(
                                    Query::select()
                                        .column(participant::Column::Id)
                                        .from(participant::Entity)
                                        .and_where(
                                            participant::Column::SharesWithEmployers.eq(true),
                                        )
                                        .to_owned(),
                                ),
                            ),
                    ),
            );
        }
        // The employment service reads the internship agreements of the cases shared with it.
        if rels.contains(&Relation::SharedCase)
            && let Some(uid) = actor.user_id
        {
            any = any.add(
                agreement::Column::ParticipantId.in_subquery(
                    Query::select()
                        .column(case_share::Column::ParticipantId)
                        .from(case_share::Entity)
                        .and_where(case_share::Column::UserId.eq(uid))
                        .to_owned(),
                ),
            );
        }
        if rels.contains(&Relation::InOrgScope) {
            let scope: Vec<i32> = actor.org_scope.iter().copied().collect();
            any = any.add(agreement::Column::ParticipantId.is_null()).add(
                agreement::Column::ParticipantId.in_subquery(
                    Query::select()
                        .column(participant::Column::Id)
                        .from(participant::Entity)
                        .cond_where(
                            Condition::any()
                                .add(participant::Column::ProgrammeId.is_in(scope.clone()))
                                .add(participant::Column::CohortId.is_in(scope)),
                        )
                        .to_owned(),
                ),
            );
        }
        Ok(any)
    }

    async fn agreement_record(
        &self,
        actor: &Actor,
        a: agreement::Model,
        rels: &[Relation],
    ) -> Result<AgreementRecord> {
        let employer_name = employer::Entity::find_by_id(a.employer_id)
            .one(&self.db)
            .await?
            .map(|e| e.name)
            .unwrap_or_default();
        let participant_name = match a.participant_id {
            Some(pid) => participant::Entity::find_by_id(pid)
                .one(&self.db)
                .await?
                .map(|p| format!("{} {}", p.first_name, p.last_name)),
            None => None,
        };
        let pl = match a.placement_id {
            Some(id) => placement::Entity::find_by_id(id).one(&self.db).await?,
            None => None,
        };
        let schedule = pl.as_ref().map(|p| Schedule {
            period_start: p.period_start,
            period_end: p.period_end,
            days_per_week: p.days_per_week,
            hours_per_week: p.hours_per_week,
        });
        let placement_title = pl.map(|p| p.title);
        let supervisor_name = match a.supervisor_id {
            Some(id) => supervisor::Entity::find_by_id(id)
                .one(&self.db)
                .await?
                .map(|s| s.name),
            None => None,
        };
        let file = |id: Option<i32>| async move {
            match id {
                Some(id) => stored_file::Entity::find_by_id(id)
                    .one(&self.db)
                    .await
                    .map(|f| f.map(StoredFile::from)),
                None => Ok(None),
            }
        };
        let allowed = |action| agreement_decision(actor, action, rels).allowed();
        Ok(AgreementRecord {
            id: a.id,
            version: a.version,
            kind: a.kind.get(),
            status: a.status.get(),
            employer_id: a.employer_id,
            employer_name,
            participant_id: a.participant_id,
            participant_name,
            placement_id: a.placement_id,
            placement_title,
            supervisor_name,
            schedule,
            signed_on: a.signed_on,
            generated: file(a.generated_file_id).await?,
            signed: file(a.signed_file_id).await?,
            created_at: a.created_at,
            may_prepare: allowed(Action::Create),
            may_sign: allowed(Action::Update),
            may_end: allowed(Action::Delete),
        })
    }

    /// One agreement. Reading an internship agreement reads about its participant: audited.
    pub async fn agreement_get(&self, actor: &Actor, id: i32) -> Result<AgreementRecord> {
        let (a, rels) = self.agreement_checked(actor, id, Action::Read).await?;
        let tx = crate::begin_write(&self.db).await?;
        self.commit_audited(tx, actor, AuditAction::Read, "agreement", Some(id), &[])
            .await?;
        self.agreement_record(actor, a, &rels).await
    }

    async fn agreement_list(
        &self,
        actor: &Actor,
        filter: Condition,
    ) -> Result<Vec<AgreementRecord>> {
        let models = agreement::Entity::find()
            .filter(Self::agreement_scope(actor)?)
            .filter(filter)
            .order_by_desc(agreement::Column::CreatedAt)
            .order_by_desc(agreement::Column::Id)
            .all(&self.db)
            .await?;
        let mut out = Vec::with_capacity(models.len());
        for a in models {
            let rels = self.agreement_relations(actor, &a).await?;
            out.push(self.agreement_record(actor, a, &rels).await?);
        }
        Ok(out)
    }

    /// An employer's agreements (collaboration and internship) that the actor may see. The
    /// employer itself must be readable by the actor.
    pub async fn agreements_of_employer(
        &self,
        actor: &Actor,
        employer_id: i32,
    ) -> Result<Vec<AgreementRecord>> {
        self.employer_get(actor, employer_id).await?;
        self.agreement_list(
            actor,
            Condition::all().add(agreement::Column::EmployerId.eq(employer_id)),
        )
        .await
    }

    /// A participant's internship agreements that the actor may see (audited as a read of the
    /// participant's agreements).
    pub async fn agreements_of_participant(
        &self,
        actor: &Actor,
        participant_id: i32,
    ) -> Result<Vec<AgreementRecord>> {
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
        if list_scope(actor.role, Resource::Agreement).is_empty() {
            return Err(StoreError::Forbidden);
        }
        let list = self
            .agreement_list(
                actor,
                Condition::all().add(agreement::Column::ParticipantId.eq(participant_id)),
            )
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Read,
            "participant",
            Some(participant_id),
            &["agreements"],
        )
        .await?;
        Ok(list)
    }

    /// The placements (with a live proposal) and supervisors an internship agreement for this
    /// participant can name.
    pub async fn internship_choices(
        &self,
        actor: &Actor,
        participant_id: i32,
    ) -> Result<InternshipChoices> {
        let p = participant::Entity::find_by_id(participant_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let rels = self.participant_relations(actor, &p).await?;
        enforce(agreement_decision(actor, Action::Create, &rels))?;
        let placement_ids: Vec<i32> = candidate_proposal::Entity::find()
            .filter(candidate_proposal::Column::ParticipantId.eq(participant_id))
            .filter(live_proposal())
            .all(&self.db)
            .await?
            .into_iter()
            .map(|c| c.placement_id)
            .collect();
        let placements = placement::Entity::find()
            .filter(placement::Column::Id.is_in(placement_ids))
            .order_by_asc(placement::Column::Title)
            .all(&self.db)
            .await?;
        let employer_ids: Vec<i32> = placements.iter().map(|p| p.employer_id).collect();
        let employers = employer::Entity::find()
            .filter(employer::Column::Id.is_in(employer_ids.clone()))
            .all(&self.db)
            .await?;
        let name_of = |id: i32| {
            employers
                .iter()
                .find(|e| e.id == id)
                .map(|e| e.name.clone())
                .unwrap_or_default()
        };
        let supervisors = supervisor::Entity::find()
            .filter(supervisor::Column::EmployerId.is_in(employer_ids))
            .order_by_asc(supervisor::Column::Name)
            .all(&self.db)
            .await?;
        Ok(InternshipChoices {
            placements: placements
                .iter()
                .map(|p| (p.id, format!("{} – {}", p.title, name_of(p.employer_id))))
                .collect(),
            supervisors: supervisors
                .iter()
                .map(|s| (s.id, format!("{} – {}", s.name, name_of(s.employer_id))))
                .collect(),
        })
    }

    /// Insert a new agreement. A second open agreement for the same pair (or employer) is
    /// refused by a unique index and reported on `field` as `agreement-error-exists`.
    async fn agreement_insert(
        &self,
        actor: &Actor,
        am: agreement::ActiveModel,
        field: &str,
    ) -> Result<i32> {
        let tx = crate::begin_write(&self.db).await?;
        let a = am
            .insert(&tx)
            .await
            .map_err(|e| StoreError::unique(e, field, "agreement-error-exists"))?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "agreement",
            Some(a.id),
            &[
                "kind",
                "employer_id",
                "participant_id",
                "placement_id",
                "supervisor_id",
            ],
        )
        .await?;
        Ok(a.id)
    }

    fn new_agreement(
        actor: &Actor,
        kind: AgreementKind,
        employer_id: i32,
    ) -> agreement::ActiveModel {
        let now = crate::now();
        agreement::ActiveModel {
            kind: Set(kind.into()),
            employer_id: Set(employer_id),
            status: Set(AgreementStatus::Draft.into()),
            created_by: Set(actor.user_id),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        }
    }

    /// A new collaboration agreement (draft) with an employer; one open at a time.
    pub async fn agreement_create_collaboration(
        &self,
        actor: &Actor,
        employer_id: i32,
    ) -> Result<i32> {
        employer::Entity::find_by_id(employer_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let mut rels = vec![Relation::InOrgScope];
        if actor.employer_id == Some(employer_id) {
            rels.push(Relation::OwnEmployer);
        }
        enforce(agreement_decision(actor, Action::Create, &rels))?;
        self.agreement_insert(
            actor,
            Self::new_agreement(actor, AgreementKind::Collaboration, employer_id),
            "kind",
        )
        .await
    }

    /// A new internship agreement (draft) for a participant at a placement, with the
    /// placement's supervisor. The participant must be a live candidate for the placement (a
    /// proposal that was not rejected or withdrawn); one open agreement per pair.
    pub async fn agreement_create_internship(
        &self,
        actor: &Actor,
        participant_id: i32,
        placement_id: Option<i32>,
        supervisor_id: Option<i32>,
    ) -> Result<i32> {
        let p = participant::Entity::find_by_id(participant_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let rels = self.participant_relations(actor, &p).await?;
        enforce(agreement_decision(actor, Action::Create, &rels))?;
        let mut errors = FieldErrors(vec![]);
        let placement = match placement_id {
            Some(id) => placement::Entity::find_by_id(id).one(&self.db).await?,
            None => None,
        };
        let proposed = match &placement {
            Some(pl) => {
                candidate_proposal::Entity::find()
                    .filter(candidate_proposal::Column::ParticipantId.eq(participant_id))
                    .filter(candidate_proposal::Column::PlacementId.eq(pl.id))
                    .filter(live_proposal())
                    .count(&self.db)
                    .await?
                    > 0
            }
            None => false,
        };
        match &placement {
            None => errors.push(FieldError::new("placement_id", "error-invalid-choice")),
            Some(_) if !proposed => errors.push(FieldError::new(
                "placement_id",
                "agreement-error-not-proposed",
            )),
            Some(_) => {}
        }
        if let Some(sid) = supervisor_id {
            let s = supervisor::Entity::find_by_id(sid).one(&self.db).await?;
            if s.is_none_or(|s| Some(s.employer_id) != placement.as_ref().map(|p| p.employer_id)) {
                errors.push(FieldError::new(
                    "supervisor_id",
                    "agreement-error-supervisor",
                ));
            }
        }
        let Some(placement) = placement.filter(|_| errors.0.is_empty()) else {
            return Err(StoreError::Invalid(errors));
        };
        let mut am = Self::new_agreement(actor, AgreementKind::Internship, placement.employer_id);
        am.participant_id = Set(Some(participant_id));
        am.placement_id = Set(Some(placement.id));
        am.supervisor_id = Set(supervisor_id);
        self.agreement_insert(actor, am, "placement_id").await
    }

    /// The data the agreement's document shows, if the actor may issue it and the agreement is
    /// still a draft. Reading the participant's data for it is audited.
    pub async fn agreement_document(&self, actor: &Actor, id: i32) -> Result<AgreementDocument> {
        let (a, _) = self.agreement_checked(actor, id, Action::Create).await?;
        let status = a.status.get();
        next_status(
            status,
            AgreementStep::Generate,
            a.generated_file_id.is_some(),
        )
        .map_err(|e| StoreError::Invalid(FieldErrors(vec![e])))?;
        let e = employer::Entity::find_by_id(a.employer_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let coordinator = actor.name.clone();
        let today = brygga_domain::calendar::today().to_string();
        let Some(pid) = a.participant_id else {
            let contact = employer_contact::Entity::find()
                .filter(employer_contact::Column::EmployerId.eq(e.id))
                .order_by_asc(employer_contact::Column::Id)
                .one(&self.db)
                .await?
                .map(|c| {
                    [c.name, c.email, c.phone]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            let (programme, organisation) = self.programme_names_for(actor).await?;
            return Ok(AgreementDocument::Collaboration(CollaborationAgreement {
                programme,
                organisation,
                employer_name: e.name,
                org_number: e.org_number,
                contact,
                coordinator,
                date: today,
            }));
        };
        let p = participant::Entity::find_by_id(pid)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let pl = match a.placement_id {
            Some(id) => placement::Entity::find_by_id(id).one(&self.db).await?,
            None => None,
        }
        .ok_or(StoreError::NotFound)?;
        let supervisor = match a.supervisor_id {
            Some(id) => supervisor::Entity::find_by_id(id).one(&self.db).await?,
            None => None,
        }
        .map(|s| s.name)
        .unwrap_or_default();
        let decision = es_decision::Entity::find()
            .filter(es_decision::Column::ParticipantId.eq(pid))
            .filter(es_decision::Column::WithdrawnAt.is_null())
            .order_by_desc(es_decision::Column::RecordedAt)
            .one(&self.db)
            .await?
            .map(|d| DecisionRef {
                reference: d.reference,
                period_start: d.period_start.to_string(),
                period_end: d.period_end.to_string(),
            });
        let es_officer = es_confirmation::Entity::find()
            .filter(es_confirmation::Column::ParticipantId.eq(pid))
            .filter(es_confirmation::Column::WithdrawnAt.is_null())
            .order_by_desc(es_confirmation::Column::RecordedAt)
            .one(&self.db)
            .await?
            .map(|c| c.officer_name)
            .unwrap_or_default();
        let (programme, organisation) = self.org_names(p.programme_id).await?;
        let tx = crate::begin_write(&self.db).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Read,
            "participant",
            Some(pid),
            &["agreement_document"],
        )
        .await?;
        Ok(AgreementDocument::Internship(InternshipAgreement {
            programme,
            organisation,
            participant_name: format!("{} {}", p.first_name, p.last_name),
            birth_year: p.birth_year,
            employer_name: e.name,
            org_number: e.org_number,
            placement_title: pl.title,
            address: pl.address,
            period_start: pl.period_start.to_string(),
            period_end: pl.period_end.to_string(),
            days_per_week: pl.days_per_week,
            hours_per_week: pl.hours_per_week,
            supervisor,
            coordinator,
            es_officer,
            decision,
        }))
    }

    /// A programme's name and the name of the organisation above it.
    pub(crate) async fn org_names(&self, programme_id: i32) -> Result<(String, String)> {
        let prog = organisation::Entity::find_by_id(programme_id)
            .one(&self.db)
            .await?;
        let parent = match prog.as_ref().and_then(|p| p.parent_id) {
            Some(id) => organisation::Entity::find_by_id(id).one(&self.db).await?,
            None => None,
        };
        Ok((
            prog.map(|p| p.name).unwrap_or_default(),
            parent.map(|p| p.name).unwrap_or_default(),
        ))
    }

    /// The first programme in the actor's scope (a collaboration agreement is signed for the
    /// programme the coordinator works in).
    async fn programme_names_for(&self, actor: &Actor) -> Result<(String, String)> {
        let scope: Vec<i32> = actor.org_scope.iter().copied().collect();
        let prog = organisation::Entity::find()
            .filter(organisation::Column::Id.is_in(scope))
            .filter(organisation::Column::Kind.eq(OrgKind::Programme.as_str()))
            .order_by_asc(organisation::Column::Id)
            .one(&self.db)
            .await?;
        match prog {
            Some(p) => self.org_names(p.id).await,
            None => Ok((String::new(), String::new())),
        }
    }

    /// Apply a step to an agreement the actor may take it on (optimistic: the row's version
    /// must still be `version`), inside one write transaction with its audit entry.
    async fn agreement_step(
        &self,
        actor: &Actor,
        id: i32,
        version: i32,
        step: AgreementStep,
        file: FileChange<'_>,
    ) -> Result<()> {
        let action = match step {
            AgreementStep::Generate | AgreementStep::Send => Action::Create,
            AgreementStep::Sign => Action::Update,
            AgreementStep::End => Action::Delete,
        };
        let (a, _) = self.agreement_checked(actor, id, action).await?;
        let status = a.status.get();
        let new_status = next_status(status, step, a.generated_file_id.is_some())
            .map_err(|e| StoreError::Invalid(FieldErrors(vec![e])))?;
        if a.version != version {
            return Err(StoreError::Conflict);
        }
        let tx = crate::begin_write(&self.db).await?;
        let mut saved = None;
        let mut am: agreement::ActiveModel = a.clone().into();
        let mut fields = vec!["status"];
        if let FileChange::Generated(files, doc) = file {
            let f = crate::files::save(
                &tx,
                &self.secret,
                files,
                actor,
                OWNER_AGREEMENT,
                id,
                "file",
                doc,
            )
            .await?;
            am.generated_file_id = Set(Some(f.id));
            fields.push("generated_file_id");
            saved = Some((files, f.object_key));
        }
        if let FileChange::Signed(files, upload, signed_on) = file {
            let f = crate::files::save(
                &tx,
                &self.secret,
                files,
                actor,
                OWNER_AGREEMENT,
                id,
                "file",
                upload,
            )
            .await?;
            am.signed_file_id = Set(Some(f.id));
            am.signed_on = Set(Some(signed_on));
            fields.extend(["signed_file_id", "signed_on"]);
            saved = Some((files, f.object_key));
            if a.kind.get() == AgreementKind::Collaboration {
                set_employer_agreement(
                    &tx,
                    &self.secret,
                    actor,
                    a.employer_id,
                    AgreementStatus::Signed,
                    Some(signed_on),
                )
                .await?;
            }
        }
        // The employer's record follows its collaboration agreement.
        let collaboration = a.kind.get() == AgreementKind::Collaboration;
        if collaboration && step == AgreementStep::End && status == AgreementStatus::Signed {
            set_employer_agreement(
                &tx,
                &self.secret,
                actor,
                a.employer_id,
                AgreementStatus::Ended,
                None,
            )
            .await?;
        }
        am.status = Set(new_status.into());
        am.updated_at = Set(crate::now());
        let update = agreement::Entity::update_many().set(am);
        let outcome = async {
            crate::update_versioned(&tx, update, id, version, StoreError::Db).await?;
            // A signed internship agreement starts the internship, and the participant's stage
            // follows the facts, in this transaction.
            if let FileChange::Signed(_, _, signed_on) = file
                && a.kind.get() == AgreementKind::Internship
            {
                crate::internship::create_from_agreement(&tx, &self.secret, actor, &a, signed_on)
                    .await?;
                if let Some(pid) = a.participant_id {
                    self.advance_in_tx(&tx, actor, pid).await?;
                }
            }
            Ok::<(), StoreError>(())
        }
        .await;
        let outcome = match outcome {
            Ok(()) => {
                self.commit_audited(
                    tx,
                    actor,
                    AuditAction::Update,
                    "agreement",
                    Some(id),
                    &fields,
                )
                .await
            }
            Err(e) => Err(e),
        };
        if outcome.is_err()
            && let Some((files, key)) = saved
        {
            files.discard(&key).await;
        }
        outcome
    }

    /// Keep a freshly generated document (a PDF the caller rendered from
    /// `agreement_document`) as the agreement's current document.
    pub async fn agreement_attach_generated(
        &self,
        files: &FileStore,
        actor: &Actor,
        id: i32,
        version: i32,
        pdf: &Upload,
    ) -> Result<()> {
        self.agreement_step(
            actor,
            id,
            version,
            AgreementStep::Generate,
            FileChange::Generated(files, pdf),
        )
        .await
    }

    /// The generated document went out for signature.
    pub async fn agreement_mark_sent(&self, actor: &Actor, id: i32, version: i32) -> Result<()> {
        self.agreement_step(actor, id, version, AgreementStep::Send, FileChange::None)
            .await
    }

    /// The signed copy came back: keep it (PDF, PNG or JPEG, at most 10 MiB, judged by its
    /// content) and mark the agreement signed on `signed_on`. A signed collaboration agreement
    /// also records the employer's agreement status and date.
    pub async fn agreement_sign(
        &self,
        files: &FileStore,
        actor: &Actor,
        id: i32,
        version: i32,
        signed: &Upload,
        signed_on: chrono::NaiveDate,
    ) -> Result<()> {
        self.agreement_step(
            actor,
            id,
            version,
            AgreementStep::Sign,
            FileChange::Signed(files, signed, signed_on),
        )
        .await
    }

    /// End a signed agreement or cancel one that was never signed.
    pub async fn agreement_end(&self, actor: &Actor, id: i32, version: i32) -> Result<()> {
        self.agreement_step(actor, id, version, AgreementStep::End, FileChange::None)
            .await
    }
}
