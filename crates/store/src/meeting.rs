//! Follow-up meetings about a participant: who is invited (users and guests), the invitations
//! queued as e-mail in the same transaction as the booking, the move or cancellation, notes,
//! actions with an owner and a due date, and the reminders the day before and on the due date.
//!
//! A meeting relates to the actor through its participant (`InOrgScope`) and through the
//! invitation (`OwnRecord`: the actor is invited); an action also through its owner
//! (`OwnRecord`). The e-mails are written by the app layer through the `Compose*` callbacks, so
//! the store knows neither wording nor calendar files.

use std::collections::{BTreeMap, BTreeSet};

use brygga_domain::meeting::{
    ActionDraft, InviteeRole, MeetingInput, MeetingKind, MeetingStatus, NoteInput, overdue,
    reads_note,
};
use brygga_domain::model::Role;
use brygga_domain::policy::{Action, Relation, Resource, list_scope};
use brygga_domain::{FieldError, FieldErrors};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;

use crate::actor::{decide_any, enforce};
use crate::audit::{AuditAction, record};
use crate::entities::{
    case_share, internship, meeting, meeting_action, meeting_invitee, meeting_note, participant,
    placement, supervisor, user,
};
use crate::jobs::{OutgoingEmail, enqueue_email};
use crate::stored::StoredEnum;
use crate::{Actor, Result, Store, StoreError};

crate::stored::stored_enums!(MeetingKind, MeetingStatus, InviteeRole);

/// Someone invited: a user (with `user_id`) or a guest known by e-mail only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Invitee {
    pub user_id: Option<i32>,
    #[schema(value_type = String)]
    pub role: InviteeRole,
    pub name: String,
    /// Empty where the reader may not see it (only the staff who book see every address).
    pub email: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct NoteRecord {
    pub id: i32,
    pub text: String,
    pub shared: bool,
    pub author_name: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ActionRecord {
    pub id: i32,
    pub version: i32,
    pub meeting_id: i32,
    pub participant_id: i32,
    pub participant_name: String,
    pub text: String,
    pub owner_user_id: i32,
    pub owner_name: String,
    pub due_on: NaiveDate,
    pub done_at: Option<DateTime<Utc>>,
    /// Not done and its due date has passed (in Stockholm).
    pub overdue: bool,
    /// Whether the reader may mark it done (its owner, or the staff in scope).
    pub may_mark_done: bool,
}

/// A meeting in a list.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MeetingSummary {
    pub id: i32,
    pub version: i32,
    pub participant_id: i32,
    pub participant_name: String,
    pub internship_id: Option<i32>,
    #[schema(value_type = String)]
    pub kind: MeetingKind,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub location: String,
    pub meeting_link: String,
    #[schema(value_type = String)]
    pub status: MeetingStatus,
    pub organizer_name: String,
}

/// One meeting with everything its reader may see, and what the reader may do with it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MeetingRecord {
    #[serde(flatten)]
    pub meeting: MeetingSummary,
    pub invitees: Vec<Invitee>,
    /// The notes the reader may read (the participant: those marked shared).
    pub notes: Vec<NoteRecord>,
    pub actions: Vec<ActionRecord>,
    /// Move or cancel it, write notes, agree actions.
    pub may_update: bool,
}

/// A user the booking form offers to invite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct SuggestedInvitee {
    pub user_id: i32,
    pub name: String,
    pub email: String,
    #[schema(value_type = String)]
    pub role: InviteeRole,
}

/// What an invitation, a moved meeting's update or a cancellation is about.
#[derive(Debug, Clone)]
pub struct MeetingInvitation {
    pub meeting: MeetingSummary,
    pub invitees: Vec<Invitee>,
    /// The calendar file's SEQUENCE: 0 when booked, one more with each move or the cancellation.
    pub sequence: u32,
    pub cancelled: bool,
    pub organizer_email: String,
}

/// Writes one invitation e-mail for one invitee (the app layer: wording and calendar file), or
/// none where nobody is to be mailed (the demo's fictitious people).
pub type ComposeInvitation<'a> =
    &'a (dyn Fn(&MeetingInvitation, &Invitee) -> Option<OutgoingEmail> + Sync);

/// A reminder to be written: the day before a meeting, or on an action's due date.
#[derive(Debug, Clone)]
pub enum Reminder {
    Meeting {
        meeting: MeetingSummary,
        to: Invitee,
    },
    Action {
        action: ActionRecord,
        to: Invitee,
    },
}

pub type ComposeReminder<'a> = &'a (dyn Fn(&Reminder) -> OutgoingEmail + Sync);

/// How many reminders one run queued.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RemindersQueued {
    pub meetings: usize,
    pub actions: usize,
}

fn invalid(field: &str, key: &'static str) -> StoreError {
    StoreError::Invalid(FieldErrors(vec![FieldError::new(field, key)]))
}

fn full_name(p: &participant::Model) -> String {
    format!("{} {}", p.first_name, p.last_name)
}

fn summary_of(m: &meeting::Model, p: &participant::Model) -> MeetingSummary {
    MeetingSummary {
        id: m.id,
        version: m.version,
        participant_id: m.participant_id,
        participant_name: full_name(p),
        internship_id: m.internship_id,
        kind: m.kind.get(),
        starts_at: m.starts_at,
        ends_at: m.ends_at,
        location: m.location.clone(),
        meeting_link: m.meeting_link.clone(),
        status: m.status.get(),
        organizer_name: m.organizer_name.clone(),
    }
}

fn invitee_of(i: &meeting_invitee::Model) -> Invitee {
    Invitee {
        user_id: i.user_id,
        role: i.role.get(),
        name: i.name.clone(),
        email: i.email.clone(),
    }
}

/// Whether the participant of a meeting is in the actor's organisations.
fn in_scope(actor: &Actor, p: &participant::Model) -> bool {
    actor.org_scope.contains(&p.programme_id)
        || p.cohort_id.is_some_and(|c| actor.org_scope.contains(&c))
}

/// The SQL form of "the participant is in the actor's organisations".
fn participants_in_scope(actor: &Actor) -> sea_orm::sea_query::SelectStatement {
    let scope: Vec<i32> = actor.org_scope.iter().copied().collect();
    Query::select()
        .column(participant::Column::Id)
        .from(participant::Entity)
        .cond_where(
            Condition::any()
                .add(participant::Column::ProgrammeId.is_in(scope.clone()))
                .add(participant::Column::CohortId.is_in(scope)),
        )
        .to_owned()
}

/// The list filter for `resource` (meetings or actions) as the policy's list scope says, given
/// how a row reaches the participant and the actor's own part in it. `None`: no list at all.
fn list_filter(
    actor: &Actor,
    resource: Resource,
    participant_col: impl ColumnTrait,
    own: Condition,
) -> Option<Condition> {
    let rels = list_scope(actor.role, resource);
    if rels.contains(&Relation::Unrelated) {
        return Some(Condition::all());
    }
    let mut any = Condition::any();
    let mut some = false;
    if rels.contains(&Relation::InOrgScope) {
        any = any.add(participant_col.in_subquery(participants_in_scope(actor)));
        some = true;
    }
    if rels.contains(&Relation::OwnRecord) && actor.user_id.is_some() {
        any = any.add(own);
        some = true;
    }
    some.then_some(any)
}

impl Store {
    async fn participants_by_id(
        &self,
        ids: impl IntoIterator<Item = i32>,
    ) -> Result<BTreeMap<i32, participant::Model>> {
        let ids: BTreeSet<i32> = ids.into_iter().collect();
        Ok(participant::Entity::find()
            .filter(participant::Column::Id.is_in(ids))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect())
    }

    async fn meeting_invitees(
        &self,
        db: &impl ConnectionTrait,
        meeting_id: i32,
    ) -> Result<Vec<Invitee>> {
        Ok(meeting_invitee::Entity::find()
            .filter(meeting_invitee::Column::MeetingId.eq(meeting_id))
            .order_by_asc(meeting_invitee::Column::Id)
            .all(db)
            .await?
            .iter()
            .map(invitee_of)
            .collect())
    }

    /// A meeting the actor may do `action` on, with its participant and invitees.
    async fn meeting_load(
        &self,
        actor: &Actor,
        id: i32,
        action: Action,
    ) -> Result<(meeting::Model, participant::Model, Vec<Invitee>)> {
        let m = meeting::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let p = participant::Entity::find_by_id(m.participant_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let invitees = self.meeting_invitees(&self.db, id).await?;
        let mut rels = vec![];
        if in_scope(actor, &p) {
            rels.push(Relation::InOrgScope);
        }
        if actor.user_id.is_some() && invitees.iter().any(|i| i.user_id == actor.user_id) {
            rels.push(Relation::OwnRecord);
        }
        enforce(decide_any(actor, action, Resource::Meeting, &rels))?;
        Ok((m, p, invitees))
    }

    /// A participant the actor may book meetings for (404 when out of scope).
    async fn meeting_participant(
        &self,
        actor: &Actor,
        participant_id: i32,
        action: Action,
    ) -> Result<participant::Model> {
        let p = participant::Entity::find_by_id(participant_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let rels: Vec<Relation> = in_scope(actor, &p)
            .then_some(Relation::InOrgScope)
            .into_iter()
            .collect();
        enforce(decide_any(actor, action, Resource::Meeting, &rels))?;
        Ok(p)
    }

    /// Who the booking form offers: the booker, the participant's login, the logins of her
    /// supervisors and of her internship employers' contacts, and the officers her case is
    /// shared with. Only these users may be invited.
    pub async fn meeting_invitee_suggestions(
        &self,
        actor: &Actor,
        participant_id: i32,
    ) -> Result<Vec<SuggestedInvitee>> {
        let p = self
            .meeting_participant(actor, participant_id, Action::Create)
            .await?;
        self.suggestions_for(actor, &p).await
    }

    async fn suggestions_for(
        &self,
        actor: &Actor,
        p: &participant::Model,
    ) -> Result<Vec<SuggestedInvitee>> {
        let mut wanted: Vec<(i32, InviteeRole)> = vec![];
        if let Some(me) = actor.user_id {
            wanted.push((me, InviteeRole::Coordinator));
        }
        if let Some(u) = p.user_id {
            wanted.push((u, InviteeRole::Participant));
        }
        let internships = internship::Entity::find()
            .filter(internship::Column::ParticipantId.eq(p.id))
            .all(&self.db)
            .await?;
        let supervisor_ids: Vec<i32> = internships.iter().filter_map(|i| i.supervisor_id).collect();
        for s in supervisor::Entity::find()
            .filter(supervisor::Column::Id.is_in(supervisor_ids))
            .order_by_asc(supervisor::Column::Id)
            .all(&self.db)
            .await?
        {
            if let Some(u) = s.user_id {
                wanted.push((u, InviteeRole::Supervisor));
            }
        }
        let employer_ids: Vec<i32> = placement::Entity::find()
            .filter(
                placement::Column::Id.is_in(
                    internships
                        .iter()
                        .map(|i| i.placement_id)
                        .collect::<Vec<_>>(),
                ),
            )
            .all(&self.db)
            .await?
            .into_iter()
            .map(|pl| pl.employer_id)
            .collect();
        for u in user::Entity::find()
            .filter(user::Column::EmployerId.is_in(employer_ids))
            .filter(user::Column::Role.eq(Role::EmployerContact.as_str()))
            .order_by_asc(user::Column::Id)
            .all(&self.db)
            .await?
        {
            wanted.push((u.id, InviteeRole::Employer));
        }
        for s in case_share::Entity::find()
            .filter(case_share::Column::ParticipantId.eq(p.id))
            .order_by_asc(case_share::Column::Id)
            .all(&self.db)
            .await?
        {
            wanted.push((s.user_id, InviteeRole::EsOfficer));
        }
        let users: BTreeMap<i32, user::Model> = user::Entity::find()
            .filter(user::Column::Id.is_in(wanted.iter().map(|(u, _)| *u).collect::<Vec<_>>()))
            .filter(user::Column::Active.eq(true))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
        let mut seen = BTreeSet::new();
        Ok(wanted
            .into_iter()
            .filter(|(id, _)| seen.insert(*id))
            .filter_map(|(id, role)| {
                users.get(&id).map(|u| SuggestedInvitee {
                    user_id: id,
                    name: u.name.clone(),
                    email: u.email.clone(),
                    role,
                })
            })
            .collect())
    }

    /// The internships of a participant, for the booking form: (id, start, end).
    pub async fn meeting_internships(
        &self,
        actor: &Actor,
        participant_id: i32,
    ) -> Result<Vec<(i32, NaiveDate, NaiveDate)>> {
        self.meeting_participant(actor, participant_id, Action::Create)
            .await?;
        Ok(internship::Entity::find()
            .filter(internship::Column::ParticipantId.eq(participant_id))
            .order_by_asc(internship::Column::StartDate)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|i| (i.id, i.start_date, i.end_date))
            .collect())
    }

    /// Book a meeting about a participant. The invited users must be among the suggestions; an
    /// internship must be hers. Every invitee with an address gets an invitation with a calendar
    /// file, queued in the same transaction.
    pub async fn meeting_book(
        &self,
        actor: &Actor,
        participant_id: i32,
        input: &MeetingInput,
        compose: ComposeInvitation<'_>,
    ) -> Result<i32> {
        let p = self
            .meeting_participant(actor, participant_id, Action::Create)
            .await?;
        let suggested = self.suggestions_for(actor, &p).await?;
        let mut invitees: Vec<Invitee> = vec![];
        for id in &input.user_ids {
            let Some(s) = suggested.iter().find(|s| s.user_id == *id) else {
                return Err(invalid("invitees", "error-invalid-choice"));
            };
            invitees.push(Invitee {
                user_id: Some(s.user_id),
                role: s.role,
                name: s.name.clone(),
                email: s.email.clone(),
            });
        }
        for g in &input.guests {
            if invitees
                .iter()
                .any(|i| i.email.eq_ignore_ascii_case(g.email.as_str()))
            {
                return Err(invalid("guests", "meeting-error-guest-twice"));
            }
            invitees.push(Invitee {
                user_id: None,
                role: InviteeRole::Guest,
                name: g.name.clone(),
                email: g.email.as_str().to_string(),
            });
        }
        if let Some(i) = input.internship_id {
            let ok = internship::Entity::find_by_id(i)
                .one(&self.db)
                .await?
                .is_some_and(|x| x.participant_id == participant_id);
            if !ok {
                return Err(invalid("internship_id", "error-invalid-choice"));
            }
        }
        let tx = crate::begin_write(&self.db).await?;
        let now = crate::now();
        let m = meeting::ActiveModel {
            participant_id: Set(participant_id),
            internship_id: Set(input.internship_id),
            kind: Set(input.kind.into()),
            starts_at: Set(input.starts_at),
            ends_at: Set(input.ends_at),
            location: Set(input.location.clone()),
            meeting_link: Set(input.meeting_link.clone()),
            status: Set(MeetingStatus::Booked.into()),
            created_by: Set(actor.user_id),
            organizer_name: Set(actor.name.clone()),
            organizer_email: Set(actor.email.clone()),
            reminded_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        for i in &invitees {
            meeting_invitee::ActiveModel {
                meeting_id: Set(m.id),
                user_id: Set(i.user_id),
                role: Set(i.role.into()),
                name: Set(i.name.clone()),
                email: Set(i.email.clone()),
                ..Default::default()
            }
            .insert(&tx)
            .await?;
        }
        record(
            &tx,
            &self.secret,
            actor,
            AuditAction::Create,
            "meeting",
            Some(m.id),
            &[
                "participant_id",
                "internship_id",
                "kind",
                "starts_at",
                "ends_at",
                "location",
                "meeting_link",
                "invitees",
            ],
        )
        .await?;
        let invitation = MeetingInvitation {
            meeting: summary_of(&m, &p),
            invitees,
            sequence: 0,
            cancelled: false,
            organizer_email: m.organizer_email.clone(),
        };
        queue_invitations(&tx, &invitation, compose).await?;
        tx.commit().await?;
        Ok(m.id)
    }

    /// Move a booked meeting (kind, times, place, link) as read at `version`: everyone invited
    /// gets the update for their calendar (same UID, higher SEQUENCE), and the day-before
    /// reminder is due again.
    pub async fn meeting_update(
        &self,
        actor: &Actor,
        id: i32,
        version: i32,
        input: &MeetingInput,
        compose: ComposeInvitation<'_>,
    ) -> Result<()> {
        let (m, p, invitees) = self.meeting_load(actor, id, Action::Update).await?;
        if m.status.get() != MeetingStatus::Booked {
            return Err(invalid("starts_at", "meeting-error-cancelled"));
        }
        let tx = crate::begin_write(&self.db).await?;
        let now = crate::now();
        let update = meeting::Entity::update_many()
            .col_expr(meeting::Column::Kind, Expr::value(input.kind.as_str()))
            .col_expr(meeting::Column::StartsAt, Expr::value(input.starts_at))
            .col_expr(meeting::Column::EndsAt, Expr::value(input.ends_at))
            .col_expr(
                meeting::Column::Location,
                Expr::value(input.location.clone()),
            )
            .col_expr(
                meeting::Column::MeetingLink,
                Expr::value(input.meeting_link.clone()),
            )
            .col_expr(
                meeting::Column::RemindedAt,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .col_expr(meeting::Column::UpdatedAt, Expr::value(now));
        crate::update_versioned(&tx, update, id, version, StoreError::Db).await?;
        record(
            &tx,
            &self.secret,
            actor,
            AuditAction::Update,
            "meeting",
            Some(id),
            &["kind", "starts_at", "ends_at", "location", "meeting_link"],
        )
        .await?;
        let moved = meeting::Model {
            kind: input.kind.into(),
            starts_at: input.starts_at,
            ends_at: input.ends_at,
            location: input.location.clone(),
            meeting_link: input.meeting_link.clone(),
            version: version.saturating_add(1),
            ..m
        };
        let invitation = MeetingInvitation {
            meeting: summary_of(&moved, &p),
            invitees,
            sequence: u32::try_from(version).unwrap_or(0),
            cancelled: false,
            organizer_email: moved.organizer_email.clone(),
        };
        queue_invitations(&tx, &invitation, compose).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Cancel a booked meeting as read at `version`: everyone invited gets a calendar CANCEL.
    /// The meeting is kept, marked cancelled.
    pub async fn meeting_cancel(
        &self,
        actor: &Actor,
        id: i32,
        version: i32,
        compose: ComposeInvitation<'_>,
    ) -> Result<()> {
        let (m, p, invitees) = self.meeting_load(actor, id, Action::Update).await?;
        if m.status.get() != MeetingStatus::Booked {
            return Err(invalid("form", "meeting-error-cancelled"));
        }
        let tx = crate::begin_write(&self.db).await?;
        let update = meeting::Entity::update_many()
            .col_expr(
                meeting::Column::Status,
                Expr::value(MeetingStatus::Cancelled.as_str()),
            )
            .col_expr(meeting::Column::UpdatedAt, Expr::value(crate::now()));
        crate::update_versioned(&tx, update, id, version, StoreError::Db).await?;
        record(
            &tx,
            &self.secret,
            actor,
            AuditAction::Update,
            "meeting",
            Some(id),
            &["status"],
        )
        .await?;
        let cancelled = meeting::Model {
            status: MeetingStatus::Cancelled.into(),
            version: version.saturating_add(1),
            ..m
        };
        let invitation = MeetingInvitation {
            meeting: summary_of(&cancelled, &p),
            invitees,
            sequence: u32::try_from(version).unwrap_or(0),
            cancelled: true,
            organizer_email: cancelled.organizer_email.clone(),
        };
        queue_invitations(&tx, &invitation, compose).await?;
        tx.commit().await?;
        Ok(())
    }

    /// One meeting as the actor may see it (audited as a read).
    pub async fn meeting_get(&self, actor: &Actor, id: i32) -> Result<MeetingRecord> {
        let (m, p, mut invitees) = self.meeting_load(actor, id, Action::Read).await?;
        let staff_rels: Vec<Relation> = in_scope(actor, &p)
            .then_some(Relation::InOrgScope)
            .into_iter()
            .collect();
        let may_update =
            decide_any(actor, Action::Update, Resource::Meeting, &staff_rels).allowed();
        if !may_update {
            // Addresses are the coordinator's to mediate; each invitee sees only their own.
            for i in invitees
                .iter_mut()
                .filter(|i| i.user_id != actor.user_id || i.user_id.is_none())
            {
                i.email.clear();
            }
        }
        let notes = meeting_note::Entity::find()
            .filter(meeting_note::Column::MeetingId.eq(id))
            .order_by_asc(meeting_note::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .filter(|n| reads_note(actor.role, n.shared))
            .map(|n| NoteRecord {
                id: n.id,
                text: n.text,
                shared: n.shared,
                author_name: n.author_name,
                created_at: n.created_at,
            })
            .collect();
        let rows = meeting_action::Entity::find()
            .filter(meeting_action::Column::MeetingId.eq(id))
            .order_by_asc(meeting_action::Column::DueOn)
            .order_by_asc(meeting_action::Column::Id)
            .all(&self.db)
            .await?;
        let people = BTreeMap::from([(p.id, p.clone())]);
        let meetings = BTreeMap::from([(m.id, m.clone())]);
        let actions = self.action_records(actor, rows, &meetings, &people).await?;
        let tx = crate::begin_write(&self.db).await?;
        self.commit_audited(tx, actor, AuditAction::Read, "meeting", Some(id), &[])
            .await?;
        Ok(MeetingRecord {
            meeting: summary_of(&m, &p),
            invitees,
            notes,
            actions,
            may_update,
        })
    }

    async fn action_records(
        &self,
        actor: &Actor,
        rows: Vec<meeting_action::Model>,
        meetings: &BTreeMap<i32, meeting::Model>,
        people: &BTreeMap<i32, participant::Model>,
    ) -> Result<Vec<ActionRecord>> {
        let owners: BTreeMap<i32, String> = user::Entity::find()
            .filter(
                user::Column::Id.is_in(rows.iter().map(|a| a.owner_user_id).collect::<Vec<_>>()),
            )
            .all(&self.db)
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect();
        let today = brygga_domain::calendar::today();
        Ok(rows
            .into_iter()
            .filter_map(|a| {
                let m = meetings.get(&a.meeting_id)?;
                let p = people.get(&m.participant_id)?;
                let rels = action_relations(actor, p, &a);
                Some(ActionRecord {
                    id: a.id,
                    version: a.version,
                    meeting_id: a.meeting_id,
                    participant_id: p.id,
                    participant_name: full_name(p),
                    owner_name: owners.get(&a.owner_user_id).cloned().unwrap_or_default(),
                    overdue: overdue(a.due_on, a.done_at.is_some(), today),
                    may_mark_done: a.done_at.is_none()
                        && decide_any(actor, Action::Update, Resource::MeetingAction, &rels)
                            .allowed(),
                    text: a.text,
                    owner_user_id: a.owner_user_id,
                    due_on: a.due_on,
                    done_at: a.done_at,
                })
            })
            .collect())
    }

    /// A participant's meetings the actor may see, latest first. 404 when the actor has no
    /// part in any meeting of hers and may not book them.
    pub async fn meetings_for_participant(
        &self,
        actor: &Actor,
        participant_id: i32,
    ) -> Result<(String, Vec<MeetingSummary>, bool)> {
        if !actor.may(Action::List, Resource::Meeting) {
            return Err(StoreError::Forbidden);
        }
        let p = participant::Entity::find_by_id(participant_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let mut q =
            meeting::Entity::find().filter(meeting::Column::ParticipantId.eq(participant_id));
        let staff =
            in_scope(actor, &p) && actor.can(Action::List, Resource::Meeting, Relation::InOrgScope);
        if !staff && !actor.can(Action::List, Resource::Meeting, Relation::Unrelated) {
            let uid = actor.user_id.unwrap_or(-1);
            q = q.filter(
                meeting::Column::Id.in_subquery(
                    Query::select()
                        .column(meeting_invitee::Column::MeetingId)
                        .from(meeting_invitee::Entity)
                        .and_where(meeting_invitee::Column::UserId.eq(uid))
                        .to_owned(),
                ),
            );
        }
        let rows = q
            .order_by_desc(meeting::Column::StartsAt)
            .all(&self.db)
            .await?;
        let may_book = decide_any(
            actor,
            Action::Create,
            Resource::Meeting,
            &if in_scope(actor, &p) {
                vec![Relation::InOrgScope]
            } else {
                vec![]
            },
        )
        .allowed();
        // Whoever may read the participant learns nothing new from her (possibly empty) list;
        // anyone else sees it only when invited to one of her meetings.
        if rows.is_empty() && !may_book {
            let rels = self.participant_relations(actor, &p).await?;
            enforce(decide_any(
                actor,
                Action::Read,
                Resource::Participant,
                &rels,
            ))?;
        }
        Ok((
            full_name(&p),
            rows.iter().map(|m| summary_of(m, &p)).collect(),
            may_book,
        ))
    }

    /// Booked meetings starting in `[from, to)` that the actor may see: for the staff those of
    /// the participants in their organisations, for everyone the meetings they are invited to.
    /// Roles with no part in meetings get an empty list. For the home page's to-do list.
    pub async fn meetings_upcoming(
        &self,
        actor: &Actor,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<MeetingSummary>> {
        let own = Condition::all().add(
            meeting::Column::Id.in_subquery(
                Query::select()
                    .column(meeting_invitee::Column::MeetingId)
                    .from(meeting_invitee::Entity)
                    .and_where(meeting_invitee::Column::UserId.eq(actor.user_id.unwrap_or(-1)))
                    .to_owned(),
            ),
        );
        let Some(filter) = list_filter(
            actor,
            Resource::Meeting,
            meeting::Column::ParticipantId,
            own,
        ) else {
            return Ok(vec![]);
        };
        let rows = meeting::Entity::find()
            .filter(filter)
            .filter(meeting::Column::Status.eq(MeetingStatus::Booked.as_str()))
            .filter(meeting::Column::StartsAt.gte(from))
            .filter(meeting::Column::StartsAt.lt(to))
            .order_by_asc(meeting::Column::StartsAt)
            .all(&self.db)
            .await?;
        let people = self
            .participants_by_id(rows.iter().map(|m| m.participant_id))
            .await?;
        Ok(rows
            .iter()
            .filter_map(|m| people.get(&m.participant_id).map(|p| summary_of(m, p)))
            .collect())
    }

    /// Open actions due on or before `due_by`: the actor's own and, for the staff, those about
    /// the participants in their organisations; earliest due first. Roles with no part in
    /// actions get an empty list.
    pub async fn actions_open(
        &self,
        actor: &Actor,
        due_by: NaiveDate,
    ) -> Result<Vec<ActionRecord>> {
        let own = Condition::all()
            .add(meeting_action::Column::OwnerUserId.eq(actor.user_id.unwrap_or(-1)));
        let in_scope_meetings = Query::select()
            .column(meeting::Column::Id)
            .from(meeting::Entity)
            .and_where(meeting::Column::ParticipantId.in_subquery(participants_in_scope(actor)))
            .to_owned();
        let rels = list_scope(actor.role, Resource::MeetingAction);
        let filter = if rels.contains(&Relation::Unrelated) {
            Condition::all()
        } else {
            let mut any = Condition::any();
            let mut some = false;
            if rels.contains(&Relation::InOrgScope) {
                any = any.add(meeting_action::Column::MeetingId.in_subquery(in_scope_meetings));
                some = true;
            }
            if rels.contains(&Relation::OwnRecord) && actor.user_id.is_some() {
                any = any.add(own);
                some = true;
            }
            if !some {
                return Ok(vec![]);
            }
            any
        };
        let rows = meeting_action::Entity::find()
            .filter(filter)
            .filter(meeting_action::Column::DoneAt.is_null())
            .filter(meeting_action::Column::DueOn.lte(due_by))
            .order_by_asc(meeting_action::Column::DueOn)
            .order_by_asc(meeting_action::Column::Id)
            .all(&self.db)
            .await?;
        self.actions_of(actor, rows).await
    }

    /// Action rows as records, with their meetings and participants loaded.
    async fn actions_of(
        &self,
        actor: &Actor,
        rows: Vec<meeting_action::Model>,
    ) -> Result<Vec<ActionRecord>> {
        let meetings: BTreeMap<i32, meeting::Model> = meeting::Entity::find()
            .filter(
                meeting::Column::Id.is_in(rows.iter().map(|a| a.meeting_id).collect::<Vec<_>>()),
            )
            .all(&self.db)
            .await?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
        let people = self
            .participants_by_id(meetings.values().map(|m| m.participant_id))
            .await?;
        self.action_records(actor, rows, &meetings, &people).await
    }

    /// A note after the meeting; `shared` notes are read by the participant too.
    pub async fn meeting_note_add(
        &self,
        actor: &Actor,
        meeting_id: i32,
        input: &NoteInput,
    ) -> Result<i32> {
        self.meeting_load(actor, meeting_id, Action::Update).await?;
        let tx = crate::begin_write(&self.db).await?;
        let n = meeting_note::ActiveModel {
            meeting_id: Set(meeting_id),
            text: Set(input.text.clone()),
            shared: Set(input.shared),
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
            "meeting_note",
            Some(n.id),
            &["meeting_id", "text", "shared"],
        )
        .await?;
        tx.commit().await?;
        Ok(n.id)
    }

    /// An action agreed at the meeting: its owner must be an invited user and its due date on
    /// or after the meeting's day.
    pub async fn meeting_action_add(
        &self,
        actor: &Actor,
        meeting_id: i32,
        draft: &ActionDraft,
    ) -> Result<i32> {
        let (m, p, invitees) = self.meeting_load(actor, meeting_id, Action::Read).await?;
        let rels: Vec<Relation> = in_scope(actor, &p)
            .then_some(Relation::InOrgScope)
            .into_iter()
            .collect();
        enforce(decide_any(
            actor,
            Action::Create,
            Resource::MeetingAction,
            &rels,
        ))?;
        let invited: Vec<i32> = invitees.iter().filter_map(|i| i.user_id).collect();
        let day = brygga_domain::calendar::date_at(m.starts_at);
        let input = draft.validate(day, &invited).map_err(StoreError::Invalid)?;
        let tx = crate::begin_write(&self.db).await?;
        let a = meeting_action::ActiveModel {
            meeting_id: Set(meeting_id),
            text: Set(input.text),
            owner_user_id: Set(input.owner_user_id),
            due_on: Set(input.due_on),
            done_at: Set(None),
            done_by: Set(None),
            reminded_at: Set(None),
            created_by: Set(actor.user_id),
            created_at: Set(crate::now()),
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
            "meeting_action",
            Some(a.id),
            &["meeting_id", "text", "owner_user_id", "due_on"],
        )
        .await?;
        tx.commit().await?;
        Ok(a.id)
    }

    /// Mark an action done, as read at `version`: its owner or the staff in scope. Marking a
    /// done action done again changes nothing (a double submit).
    pub async fn meeting_action_done(&self, actor: &Actor, id: i32, version: i32) -> Result<i32> {
        let a = meeting_action::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let m = meeting::Entity::find_by_id(a.meeting_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let p = participant::Entity::find_by_id(m.participant_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let rels = action_relations(actor, &p, &a);
        enforce(decide_any(
            actor,
            Action::Update,
            Resource::MeetingAction,
            &rels,
        ))?;
        if a.done_at.is_some() {
            return Ok(a.meeting_id);
        }
        let tx = crate::begin_write(&self.db).await?;
        let update = meeting_action::Entity::update_many()
            .col_expr(meeting_action::Column::DoneAt, Expr::value(crate::now()))
            .col_expr(meeting_action::Column::DoneBy, Expr::value(actor.user_id));
        crate::update_versioned(&tx, update, id, version, StoreError::Db).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "meeting_action",
            Some(id),
            &["done_at"],
        )
        .await?;
        Ok(a.meeting_id)
    }

    /// Queue the reminders due on `today` (Stockholm): for each booked meeting tomorrow one
    /// e-mail per invitee, and for each open action due today one to its owner. Each meeting and
    /// action is reminded once: the claim (`reminded_at`) is set by a conditional update in the
    /// same transaction as the e-mails, so a second run, or two at once, queue nothing more.
    pub async fn reminders_queue(
        &self,
        today: NaiveDate,
        compose: ComposeReminder<'_>,
    ) -> Result<RemindersQueued> {
        let system = Actor::system();
        let mut done = RemindersQueued::default();
        let day_start = |d: NaiveDate| {
            d.and_hms_opt(0, 0, 0)
                .and_then(brygga_domain::calendar::stockholm_to_utc)
        };
        let (Some(from), Some(to)) = (
            today.succ_opt().and_then(day_start),
            today
                .succ_opt()
                .and_then(|d| d.succ_opt())
                .and_then(day_start),
        ) else {
            return Ok(done);
        };
        let meetings = meeting::Entity::find()
            .filter(meeting::Column::Status.eq(MeetingStatus::Booked.as_str()))
            .filter(meeting::Column::RemindedAt.is_null())
            .filter(meeting::Column::StartsAt.gte(from))
            .filter(meeting::Column::StartsAt.lt(to))
            .all(&self.db)
            .await?;
        let people = self
            .participants_by_id(meetings.iter().map(|m| m.participant_id))
            .await?;
        for m in &meetings {
            let Some(p) = people.get(&m.participant_id) else {
                continue;
            };
            let tx = crate::begin_write(&self.db).await?;
            let claimed = meeting::Entity::update_many()
                .col_expr(meeting::Column::RemindedAt, Expr::value(crate::now()))
                .filter(meeting::Column::Id.eq(m.id))
                .filter(meeting::Column::RemindedAt.is_null())
                .exec(&tx)
                .await?;
            if claimed.rows_affected == 0 {
                continue;
            }
            let summary = summary_of(m, p);
            for to in self.meeting_invitees(&tx, m.id).await? {
                if to.email.trim().is_empty() {
                    continue;
                }
                let r = Reminder::Meeting {
                    meeting: summary.clone(),
                    to,
                };
                enqueue_email(&tx, &compose(&r)).await?;
            }
            self.commit_audited(
                tx,
                &system,
                AuditAction::Update,
                "meeting",
                Some(m.id),
                &["reminded_at"],
            )
            .await?;
            done.meetings += 1;
        }

        let actions = meeting_action::Entity::find()
            .filter(meeting_action::Column::DoneAt.is_null())
            .filter(meeting_action::Column::RemindedAt.is_null())
            .filter(meeting_action::Column::DueOn.eq(today))
            .all(&self.db)
            .await?;
        let records = self.actions_of(&system, actions).await?;
        for a in records {
            let Some(owner) = user::Entity::find_by_id(a.owner_user_id)
                .one(&self.db)
                .await?
            else {
                continue;
            };
            let tx = crate::begin_write(&self.db).await?;
            let claimed = meeting_action::Entity::update_many()
                .col_expr(
                    meeting_action::Column::RemindedAt,
                    Expr::value(crate::now()),
                )
                .filter(meeting_action::Column::Id.eq(a.id))
                .filter(meeting_action::Column::RemindedAt.is_null())
                .exec(&tx)
                .await?;
            if claimed.rows_affected == 0 {
                continue;
            }
            let id = a.id;
            if owner.active && !owner.email.trim().is_empty() {
                let to = Invitee {
                    user_id: Some(owner.id),
                    role: InviteeRole::Guest,
                    name: owner.name,
                    email: owner.email,
                };
                enqueue_email(&tx, &compose(&Reminder::Action { action: a, to })).await?;
            }
            self.commit_audited(
                tx,
                &system,
                AuditAction::Update,
                "meeting_action",
                Some(id),
                &["reminded_at"],
            )
            .await?;
            done.actions += 1;
        }
        Ok(done)
    }
}

/// How an action relates to the actor: through its meeting's participant, and its owner.
fn action_relations(
    actor: &Actor,
    p: &participant::Model,
    a: &meeting_action::Model,
) -> Vec<Relation> {
    let mut rels = vec![];
    if in_scope(actor, p) {
        rels.push(Relation::InOrgScope);
    }
    if actor.user_id == Some(a.owner_user_id) {
        rels.push(Relation::OwnRecord);
    }
    rels
}

/// Queue one e-mail per invitee with an address, inside `tx`.
async fn queue_invitations(
    tx: &impl ConnectionTrait,
    invitation: &MeetingInvitation,
    compose: ComposeInvitation<'_>,
) -> Result<()> {
    for i in invitation
        .invitees
        .iter()
        .filter(|i| !i.email.trim().is_empty())
    {
        if let Some(mail) = compose(invitation, i) {
            enqueue_email(tx, &mail).await?;
        }
    }
    Ok(())
}
