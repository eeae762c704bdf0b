//! Interview bookings for proposed candidates: time, place or link, attendees; overlap checks;
//! outcomes; invitations queued as email.
//!
//! The store decides who gets an invitation (the participant, if they have an address, every
//! attendee, and a confirmation to the booker) and queues them in the same transaction as the
//! booking; the web layer writes each message (language, calendar file, guide) through the
//! `Compose` callback, so the store never knows about ICS or wording.

use brygga_domain::interview::{Attendee, AttendeeRole, InterviewInput, bookable, is_result};
use brygga_domain::model::Role;
use brygga_domain::model::{InterviewOutcome, ProposalStatus};
use brygga_domain::policy::{Action, FieldClass, Resource, sees};
use brygga_domain::{FieldError, FieldErrors};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::Serialize;

use crate::actor::{decide_any, enforce};
use crate::audit::{AuditAction, record};
use crate::entities::{
    candidate_proposal, employer, employer_contact, es_confirmation, interview, membership,
    organisation, participant, placement, supervisor, user,
};
use crate::jobs::{OutgoingEmail, enqueue_email};
use crate::pool::{proposal_relations, shares_with_employers};
use crate::{Actor, Result, Store, StoreError, from_json, to_json};

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct InterviewRecord {
    pub id: i32,
    pub version: i32,
    pub proposal_id: i32,
    pub participant_id: i32,
    pub participant_name: String,
    pub placement_id: i32,
    pub placement_title: String,
    pub employer_name: String,
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub ends_at: chrono::DateTime<chrono::Utc>,
    pub location: String,
    pub meeting_link: String,
    pub attendees: Vec<Attendee>,
    pub notes: String,
    pub outcome: InterviewOutcome,
    pub outcome_note: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl InterviewRecord {
    /// The record as `actor` may see it: the staff's notes and outcome comment only where the
    /// policy opens staff notes (never to the participant).
    fn for_actor(mut self, actor: &Actor, p: &participant::Model, pl: &placement::Model) -> Self {
        if !sees(
            actor.role,
            FieldClass::StaffNotes,
            &proposal_relations(actor, p, pl),
        ) {
            self.notes.clear();
            self.outcome_note.clear();
        }
        self
    }
}

/// Who an email about an interview goes to, and in which part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecipientKind {
    Participant,
    Attendee(AttendeeRole),
    /// The person who booked (or cancelled): a confirmation of who was invited.
    Booker,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub name: String,
    pub email: String,
    pub kind: RecipientKind,
}

/// What an invitation (or its cancellation) is about.
#[derive(Debug, Clone)]
pub struct Invitation {
    pub interview: InterviewRecord,
    /// Everyone invited, for the booker's summary and the calendar file's attendees.
    pub recipients: Vec<Recipient>,
    pub organizer_name: String,
    pub organizer_email: String,
    pub cancelled: bool,
}

/// Writes one email for one recipient (the web layer: language, text, calendar file), or none
/// where nobody is to be mailed (the demo's fictitious people).
pub type Compose<'a> = &'a (dyn Fn(&Invitation, &Recipient) -> Option<OutgoingEmail> + Sync);

/// A suggested attendee for the booking form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestedAttendee {
    pub name: String,
    pub email: String,
    pub role: AttendeeRole,
}

fn invalid(field: &str, key: &'static str) -> StoreError {
    StoreError::Invalid(FieldErrors(vec![FieldError::new(field, key)]))
}

fn record_of(
    m: interview::Model,
    p: &participant::Model,
    pl: &placement::Model,
    employer_name: String,
) -> InterviewRecord {
    InterviewRecord {
        id: m.id,
        version: m.version,
        proposal_id: m.proposal_id,
        participant_id: m.participant_id,
        participant_name: format!("{} {}", p.first_name, p.last_name),
        placement_id: m.placement_id,
        placement_title: pl.title.clone(),
        employer_name,
        starts_at: m.starts_at,
        ends_at: m.ends_at,
        location: m.location,
        meeting_link: m.meeting_link,
        attendees: from_json(&m.attendees),
        notes: m.notes,
        outcome: m.outcome.get(),
        outcome_note: m.outcome_note,
        created_at: m.created_at,
    }
}

/// The participant (if they have an address) and every attendee, once each.
fn recipients_of(p: &participant::Model, attendees: &[Attendee]) -> Vec<Recipient> {
    let mut out: Vec<Recipient> = vec![];
    if !p.email.trim().is_empty() {
        out.push(Recipient {
            name: format!("{} {}", p.first_name, p.last_name),
            email: p.email.trim().to_string(),
            kind: RecipientKind::Participant,
        });
    }
    for a in attendees {
        if !out
            .iter()
            .any(|r| r.email.eq_ignore_ascii_case(a.email.as_str()))
        {
            out.push(Recipient {
                name: a.name.clone(),
                email: a.email.as_str().to_string(),
                kind: RecipientKind::Attendee(a.role),
            });
        }
    }
    out
}

/// Queue one email per recipient and a confirmation to the actor, inside `tx`.
async fn queue_invitations(
    tx: &impl ConnectionTrait,
    actor: &Actor,
    invitation: &Invitation,
    compose: Compose<'_>,
) -> Result<()> {
    for r in &invitation.recipients {
        if let Some(mail) = compose(invitation, r) {
            enqueue_email(tx, &mail).await?;
        }
    }
    if !actor.email.trim().is_empty() {
        let booker = Recipient {
            name: actor.name.clone(),
            email: actor.email.clone(),
            kind: RecipientKind::Booker,
        };
        if let Some(mail) = compose(invitation, &booker) {
            enqueue_email(tx, &mail).await?;
        }
    }
    Ok(())
}

impl Store {
    async fn employer_name(&self, db: &impl ConnectionTrait, id: i32) -> Result<String> {
        Ok(employer::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|e| e.name)
            .unwrap_or_default())
    }

    /// An interview the actor may do `action` on, with its participant and placement.
    async fn interview_load(
        &self,
        actor: &Actor,
        id: i32,
        action: Action,
    ) -> Result<(interview::Model, participant::Model, placement::Model)> {
        let m = interview::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let p = participant::Entity::find_by_id(m.participant_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let pl = placement::Entity::find_by_id(m.placement_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let rels = proposal_relations(actor, &p, &pl);
        enforce(decide_any(actor, action, Resource::Interview, &rels))?;
        Ok((m, p, pl))
    }

    /// Who the booking form suggests: the placement's employer contacts and supervisors, and
    /// the booker as coordinator.
    pub async fn interview_attendee_suggestions(
        &self,
        actor: &Actor,
        proposal_id: i32,
    ) -> Result<Vec<SuggestedAttendee>> {
        let l = self
            .proposal_load(
                &self.db,
                actor,
                proposal_id,
                Resource::Interview,
                Action::Create,
            )
            .await
            .map_err(|e| not_found_for_employers(actor, e))?;
        let emp = l.placement.employer_id;
        let mut out: Vec<SuggestedAttendee> = employer_contact::Entity::find()
            .filter(employer_contact::Column::EmployerId.eq(emp))
            .order_by_asc(employer_contact::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|c| SuggestedAttendee {
                name: c.name,
                email: c.email,
                role: AttendeeRole::Employer,
            })
            .collect();
        out.extend(
            supervisor::Entity::find()
                .filter(supervisor::Column::EmployerId.eq(emp))
                .order_by_asc(supervisor::Column::Id)
                .all(&self.db)
                .await?
                .into_iter()
                .map(|s| SuggestedAttendee {
                    name: s.name,
                    email: s.email,
                    role: AttendeeRole::Supervisor,
                }),
        );
        if !actor.email.is_empty() {
            out.push(SuggestedAttendee {
                name: actor.name.clone(),
                email: actor.email.clone(),
                role: if actor.role == Role::EmployerContact {
                    AttendeeRole::Employer
                } else {
                    AttendeeRole::Coordinator
                },
            });
        }
        out.retain(|a| !a.email.trim().is_empty());
        let mut seen = std::collections::BTreeSet::new();
        out.retain(|a| seen.insert(a.email.to_lowercase()));
        Ok(out)
    }

    /// Book an interview for a proposal. Refused when it overlaps another interview of the same
    /// participant or of any attendee (by email). Sets the proposal to interviewing and queues
    /// the invitations in the same transaction.
    pub async fn interview_book(
        &self,
        actor: &Actor,
        proposal_id: i32,
        input: &InterviewInput,
        compose: Compose<'_>,
    ) -> Result<i32> {
        let l = self
            .proposal_load(
                &self.db,
                actor,
                proposal_id,
                Resource::Interview,
                Action::Create,
            )
            .await
            .map_err(|e| not_found_for_employers(actor, e))?;
        let status = l.proposal.status.get();
        if !bookable(status) {
            return Err(invalid("starts_at", "pool-error-not-bookable"));
        }
        if !shares_with_employers(&l.participant) {
            return Err(invalid("starts_at", "pool-error-no-consent"));
        }
        let employer_name = self
            .employer_name(&self.db, l.placement.employer_id)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        crate::pool::consent_in_tx(&tx, l.participant.id)
            .await
            .map_err(|_| invalid("starts_at", "pool-error-no-consent"))?;
        if !eligibility_ready_in_tx(&tx, &l.participant).await? {
            return Err(invalid("starts_at", "pool-error-not-confirmed"));
        }
        // Under the write lock, so two bookings at once cannot both pass.
        let clashing = interview::Entity::find()
            .filter(interview::Column::Outcome.ne(InterviewOutcome::Cancelled.as_str()))
            .filter(interview::Column::StartsAt.lt(input.ends_at))
            .filter(interview::Column::EndsAt.gt(input.starts_at))
            .all(&tx)
            .await?;
        if clashing
            .iter()
            .any(|c| c.participant_id == l.participant.id)
        {
            return Err(invalid("starts_at", "pool-error-overlap-participant"));
        }
        let busy = clashing.iter().any(|c| {
            from_json::<Vec<Attendee>>(&c.attendees).iter().any(|a| {
                input
                    .attendees
                    .iter()
                    .any(|b| a.email.as_str().eq_ignore_ascii_case(b.email.as_str()))
            })
        });
        if busy {
            return Err(invalid("starts_at", "pool-error-overlap-attendee"));
        }
        // An employer books itself: the programme's coordinators are told and can attend.
        let mut attendees = input.attendees.clone();
        if actor.role == Role::EmployerContact {
            for c in coordinators_of_in_tx(&tx, l.participant.programme_id).await? {
                if !attendees
                    .iter()
                    .any(|a| a.email.as_str().eq_ignore_ascii_case(c.email.as_str()))
                {
                    attendees.push(c);
                }
            }
        }
        let now = crate::now();
        let m = interview::ActiveModel {
            proposal_id: Set(proposal_id),
            participant_id: Set(l.participant.id),
            placement_id: Set(l.placement.id),
            starts_at: Set(input.starts_at),
            ends_at: Set(input.ends_at),
            location: Set(input.location.clone()),
            meeting_link: Set(input.meeting_link.clone()),
            attendees: Set(to_json(&attendees)),
            notes: Set(input.notes.clone()),
            outcome: Set(InterviewOutcome::Pending.into()),
            outcome_note: Set(String::new()),
            outcome_at: Set(None),
            created_by: Set(actor.user_id),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        record(
            &tx,
            &self.secret,
            actor,
            AuditAction::Create,
            "interview",
            Some(m.id),
            &[
                "proposal_id",
                "starts_at",
                "ends_at",
                "location",
                "meeting_link",
                "attendees",
                "notes",
            ],
        )
        .await?;
        set_proposal_status(
            &tx,
            &self.secret,
            actor,
            proposal_id,
            ProposalStatus::Interviewing,
        )
        .await?;
        let invitation = Invitation {
            recipients: recipients_of(&l.participant, &attendees),
            interview: record_of(m.clone(), &l.participant, &l.placement, employer_name),
            organizer_name: actor.name.clone(),
            organizer_email: actor.email.clone(),
            cancelled: false,
        };
        queue_invitations(&tx, actor, &invitation, compose).await?;
        // An interview booked is a fact: the participant's stage follows.
        self.advance_in_tx(&tx, actor, l.participant.id).await?;
        tx.commit().await?;
        Ok(m.id)
    }

    pub async fn interview_get(&self, actor: &Actor, id: i32) -> Result<InterviewRecord> {
        let (m, p, pl) = self.interview_load(actor, id, Action::Read).await?;
        let name = self.employer_name(&self.db, pl.employer_id).await?;
        let tx = crate::begin_write(&self.db).await?;
        self.commit_audited(tx, actor, AuditAction::Read, "interview", Some(id), &[])
            .await?;
        Ok(record_of(m, &p, &pl, name).for_actor(actor, &p, &pl))
    }

    /// A placement's interviews the actor may see, earliest first.
    pub async fn interviews_for_placement(
        &self,
        actor: &Actor,
        placement_id: i32,
    ) -> Result<Vec<InterviewRecord>> {
        if !actor.may(Action::List, Resource::Interview) {
            return Err(StoreError::Forbidden);
        }
        let pl = placement::Entity::find_by_id(placement_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let name = self.employer_name(&self.db, pl.employer_id).await?;
        let rows = interview::Entity::find()
            .filter(interview::Column::PlacementId.eq(placement_id))
            .order_by_asc(interview::Column::StartsAt)
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
        Ok(rows
            .into_iter()
            .filter_map(|m| {
                let p = people.get(&m.participant_id)?;
                let rels = proposal_relations(actor, p, &pl);
                decide_any(actor, Action::List, Resource::Interview, &rels)
                    .allowed()
                    .then(|| record_of(m, p, &pl, name.clone()).for_actor(actor, p, &pl))
            })
            .collect())
    }

    /// Cancel a booked interview: everyone invited gets a cancellation for their calendar, and
    /// the proposal goes back to waiting for an interview.
    pub async fn interview_cancel(
        &self,
        actor: &Actor,
        id: i32,
        version: i32,
        compose: Compose<'_>,
    ) -> Result<()> {
        let (m, p, pl) = self.interview_load(actor, id, Action::Update).await?;
        let outcome = m.outcome.get();
        if outcome != InterviewOutcome::Pending {
            return Err(invalid("outcome", "pool-error-not-pending"));
        }
        let name = self.employer_name(&self.db, pl.employer_id).await?;
        let tx = crate::begin_write(&self.db).await?;
        let now = crate::now();
        let update = interview::Entity::update_many()
            .col_expr(
                interview::Column::Outcome,
                Expr::value(InterviewOutcome::Cancelled.as_str()),
            )
            .col_expr(interview::Column::OutcomeAt, Expr::value(now))
            .col_expr(interview::Column::UpdatedAt, Expr::value(now));
        crate::update_versioned(&tx, update, id, version, StoreError::Db).await?;
        record(
            &tx,
            &self.secret,
            actor,
            AuditAction::Update,
            "interview",
            Some(id),
            &["outcome"],
        )
        .await?;
        let proposal = candidate_proposal::Entity::find_by_id(m.proposal_id)
            .one(&tx)
            .await?;
        if proposal.is_some_and(|pr| pr.status.get() == ProposalStatus::Interviewing) {
            set_proposal_status(
                &tx,
                &self.secret,
                actor,
                m.proposal_id,
                ProposalStatus::InterviewRequested,
            )
            .await?;
        }
        let attendees: Vec<Attendee> = from_json(&m.attendees);
        let mut rec = record_of(m, &p, &pl, name);
        rec.version = version.saturating_add(1);
        rec.outcome = InterviewOutcome::Cancelled;
        let invitation = Invitation {
            recipients: recipients_of(&p, &attendees),
            interview: rec,
            organizer_name: actor.name.clone(),
            organizer_email: actor.email.clone(),
            cancelled: true,
        };
        queue_invitations(&tx, actor, &invitation, compose).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Record how an interview went (passed, failed, no-show), as read at `version`. A passed
    /// interview lets a coordinator select the candidate.
    pub async fn interview_outcome(
        &self,
        actor: &Actor,
        id: i32,
        version: i32,
        outcome: InterviewOutcome,
        note: &str,
    ) -> Result<()> {
        let (m, _, _) = self.interview_load(actor, id, Action::Update).await?;
        if !is_result(outcome) {
            return Err(invalid("outcome", "pool-error-outcome"));
        }
        if m.outcome.get() == InterviewOutcome::Cancelled {
            return Err(invalid("outcome", "pool-error-cancelled"));
        }
        let note = crate::note_text("outcome_note", note)?;
        let tx = crate::begin_write(&self.db).await?;
        let now = crate::now();
        let update = interview::Entity::update_many()
            .col_expr(interview::Column::Outcome, Expr::value(outcome.as_str()))
            .col_expr(interview::Column::OutcomeNote, Expr::value(note))
            .col_expr(interview::Column::OutcomeAt, Expr::value(now))
            .col_expr(interview::Column::UpdatedAt, Expr::value(now));
        crate::update_versioned(&tx, update, id, version, StoreError::Db).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "interview",
            Some(id),
            &["outcome", "outcome_note"],
        )
        .await?;
        Ok(())
    }
}

/// Move a proposal as a consequence of a booking or cancellation (not a move by hand).
async fn set_proposal_status(
    tx: &impl ConnectionTrait,
    secret: &crate::secret::Secret,
    actor: &Actor,
    proposal_id: i32,
    status: ProposalStatus,
) -> Result<()> {
    candidate_proposal::Entity::update_many()
        .col_expr(
            candidate_proposal::Column::Status,
            Expr::value(status.as_str()),
        )
        .col_expr(
            candidate_proposal::Column::Version,
            Expr::col(candidate_proposal::Column::Version).add(1),
        )
        .col_expr(
            candidate_proposal::Column::UpdatedAt,
            Expr::value(crate::now()),
        )
        .filter(candidate_proposal::Column::Id.eq(proposal_id))
        .exec(tx)
        .await?;
    record(
        tx,
        secret,
        actor,
        AuditAction::Update,
        "candidate_proposal",
        Some(proposal_id),
        &["status"],
    )
    .await?;
    Ok(())
}

/// Whether an interview may be booked as far as the employment service goes: the programme's
/// setting `confirm_before_interview` (the matching settings' key, on unless stored `false`)
/// is off, or the participant has an eligibility confirmation that is not withdrawn.
async fn eligibility_ready_in_tx(
    tx: &impl ConnectionTrait,
    participant: &participant::Model,
) -> Result<bool> {
    let required = organisation::Entity::find_by_id(participant.programme_id)
        .one(tx)
        .await?
        .and_then(|o| o.matching_settings)
        .and_then(|json| serde_json::from_str::<serde_json::Value>(&json).ok())
        .and_then(|v| v.get("confirm_before_interview")?.as_bool())
        .unwrap_or(true);
    if !required {
        return Ok(true);
    }
    let confirmed = es_confirmation::Entity::find()
        .filter(es_confirmation::Column::ParticipantId.eq(participant.id))
        .filter(es_confirmation::Column::WithdrawnAt.is_null())
        .one(tx)
        .await?;
    Ok(confirmed.is_some())
}

/// The active coordinators whose scope takes in the programme: members of it or of an
/// organisation above it, as invitees of an interview.
async fn coordinators_of_in_tx(
    tx: &impl ConnectionTrait,
    programme_id: i32,
) -> Result<Vec<Attendee>> {
    let mut orgs = vec![];
    let mut next = Some(programme_id);
    while let Some(id) = next {
        if orgs.contains(&id) {
            break;
        }
        orgs.push(id);
        next = organisation::Entity::find_by_id(id)
            .one(tx)
            .await?
            .and_then(|o| o.parent_id);
    }
    let members: Vec<i32> = membership::Entity::find()
        .filter(membership::Column::OrgId.is_in(orgs))
        .all(tx)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(members))
        .filter(user::Column::Active.eq(true))
        .order_by_asc(user::Column::Id)
        .all(tx)
        .await?
        .into_iter()
        .filter(|u| u.role.get() == Role::Coordinator)
        .filter_map(|u| {
            Some(Attendee {
                email: brygga_domain::ids::Email::parse(&u.email).ok()?,
                name: u.name,
                role: AttendeeRole::Coordinator,
            })
        })
        .collect())
}

/// Another employer's proposal does not exist for an employer contact (404, not 403).
fn not_found_for_employers(actor: &Actor, e: StoreError) -> StoreError {
    match e {
        StoreError::Forbidden if actor.role == Role::EmployerContact => StoreError::NotFound,
        e => e,
    }
}
