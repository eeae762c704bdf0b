//! Schedules: a participant's entries, checked against the internship and the rest of the
//! schedule inside the write transaction; programme templates applied to a period; "my week"
//! for the participant, her supervisor and her employer; absences and their patterns; and
//! personal calendar feeds (a secret token per user, only its hash kept, revocable).
//!
//! Who relates how: the coordinating function through the organisation tree, the participant
//! as her own record, the supervisor through an internship she supervises, the employer contact
//! through an internship at her employer (while the participant shares with employers).
//! Supervisors and employers see the workplace days only.

use std::collections::{BTreeMap, HashMap};

use brygga_domain::calendar::Holiday;
use brygga_domain::policy::{Action, Relation, Resource};
use brygga_domain::schedule::{
    AbsenceInput, AbsenceReason, Context, EntryInput, EntryKind, Minute, Slot, TemplateDraft,
    check, generate, most_frequent_weekday,
};
use brygga_domain::{FieldError, FieldErrors};
use chrono::NaiveDate;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};
use serde::Serialize;

use crate::actor::{decide_any, enforce};
use crate::audit::AuditAction;
use crate::entities::{
    absence, calendar_feed, course_enrolment, course_teacher, employer, internship, participant,
    placement, schedule_entry,
};
use crate::{Actor, Result, Store, StoreError};

/// One block of a schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct EntryRecord {
    pub id: i32,
    pub version: i32,
    pub participant_id: i32,
    pub participant_name: String,
    pub internship_id: Option<i32>,
    pub date: NaiveDate,
    /// Minutes after midnight, Swedish local time.
    pub start_minute: Minute,
    pub end_minute: Minute,
    /// workplace, vocational_swedish, sfi, meeting or other.
    #[schema(value_type = String)]
    pub kind: EntryKind,
    pub title: String,
    pub location: String,
    pub course_id: Option<i32>,
}

impl EntryRecord {
    pub fn starts(&self) -> String {
        brygga_domain::schedule::hhmm(self.start_minute)
    }

    pub fn ends(&self) -> String {
        brygga_domain::schedule::hhmm(self.end_minute)
    }

    /// The entry as the edit form shows it.
    pub fn to_input(&self) -> EntryInput {
        EntryInput {
            date: self.date,
            starts: self.start_minute,
            ends: self.end_minute,
            kind: self.kind,
            title: self.title.clone(),
            location: self.location.clone(),
            course_id: self.course_id,
        }
    }
}

/// The internship a schedule is built around.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct InternshipSummary {
    pub id: i32,
    pub placement_id: i32,
    pub placement_title: String,
    pub employer_name: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub days_per_week: i32,
}

/// A participant's schedule for a period, as the actor may see it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ScheduleView {
    pub participant_id: i32,
    pub participant_name: String,
    pub internship: Option<InternshipSummary>,
    pub entries: Vec<EntryRecord>,
    /// Only the workplace days are shown (supervisor, employer).
    pub workplace_only: bool,
    /// Whether the actor may open her record (a teacher may not).
    pub may_read_record: bool,
    pub may_write: bool,
    pub may_report_absence: bool,
}

/// What applying a template made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Applied {
    pub created: usize,
    /// The public holidays and day-off eves left out.
    pub skipped: Vec<Holiday>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct AbsenceRecord {
    pub id: i32,
    pub participant_id: i32,
    pub participant_name: String,
    pub date: NaiveDate,
    /// sick, child_sick, appointment or other.
    #[schema(value_type = String)]
    pub reason: AbsenceReason,
    pub note: String,
    pub reported_by: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// A participant's absences over the last 30 and 90 days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AbsencePattern {
    pub participant_id: i32,
    pub participant_name: String,
    pub last_30: usize,
    pub last_90: usize,
    /// The weekday most absences (of the last 90 days) fell on.
    pub most_frequent_weekday: Option<chrono::Weekday>,
}

/// A personal calendar feed, without its token (shown once, at creation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeedRecord {
    pub id: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub last_used_at: Option<chrono::DateTime<chrono::Utc>>,
    pub revoked_at: Option<chrono::DateTime<chrono::Utc>>,
}

fn invalid(field: &str, key: &'static str) -> StoreError {
    StoreError::Invalid(FieldErrors(vec![FieldError::new(field, key)]))
}

fn name_of(p: &participant::Model) -> String {
    format!("{} {}", p.first_name, p.last_name)
}

fn kind_of(s: &str) -> Result<EntryKind> {
    EntryKind::parse(s)
        .map_err(|_| StoreError::Db(sea_orm::DbErr::Type(format!("corrupt value {s:?}"))))
}

fn record_of(m: schedule_entry::Model, name: &str) -> Result<EntryRecord> {
    Ok(EntryRecord {
        kind: kind_of(&m.kind)?,
        id: m.id,
        version: m.version,
        participant_id: m.participant_id,
        participant_name: name.to_string(),
        internship_id: m.internship_id,
        date: m.date,
        start_minute: m.start_minute,
        end_minute: m.end_minute,
        title: m.title,
        location: m.location,
        course_id: m.course_id,
    })
}

fn absence_of(m: absence::Model, name: &str) -> Result<AbsenceRecord> {
    let reason = AbsenceReason::parse(&m.reason).map_err(|_| {
        StoreError::Db(sea_orm::DbErr::Type(format!(
            "corrupt value {:?}",
            m.reason
        )))
    })?;
    Ok(AbsenceRecord {
        id: m.id,
        participant_id: m.participant_id,
        participant_name: name.to_string(),
        date: m.date,
        reason,
        note: m.note,
        reported_by: m.reported_by_name,
        created_at: m.created_at,
    })
}

fn slot_of(m: &schedule_entry::Model) -> Option<Slot> {
    Some(Slot {
        id: m.id,
        date: m.date,
        starts: m.start_minute,
        ends: m.end_minute,
        kind: EntryKind::parse(&m.kind).ok()?,
    })
}

/// Whether the relations give the whole schedule, not only the workplace days.
fn sees_all_kinds(actor: &Actor, rels: &[Relation]) -> bool {
    let full: Vec<Relation> = rels
        .iter()
        .copied()
        .filter(|r| !matches!(r, Relation::Supervised | Relation::OwnEmployer))
        .collect();
    decide_any(actor, Action::Read, Resource::Schedule, &full).allowed()
}

/// The placements of an employer, as a subquery.
fn placements_of(employer_id: i32) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(placement::Column::Id)
        .from(placement::Entity)
        .and_where(placement::Column::EmployerId.eq(employer_id))
        .to_owned()
}

/// The participants in an internship the actor supervises, as a subquery.
fn interns_of(actor: &Actor) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(internship::Column::ParticipantId)
        .from(internship::Entity)
        .and_where(internship::Column::SupervisorId.is_in(actor.supervisor_ids.clone()))
        .to_owned()
}

/// The participants enrolled in a course the actor teaches, as a subquery.
fn students_of(actor: &Actor) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(course_enrolment::Column::ParticipantId)
        .from(course_enrolment::Entity)
        .and_where(
            course_enrolment::Column::CourseId.in_subquery(
                Query::select()
                    .column(course_teacher::Column::CourseId)
                    .from(course_teacher::Entity)
                    .and_where(course_teacher::Column::UserId.eq(actor.user_id.unwrap_or(-1)))
                    .to_owned(),
            ),
        )
        .to_owned()
}

/// A new row for an entry of `participant_id`'s schedule.
fn new_entry(
    participant_id: i32,
    internship_id: Option<i32>,
    e: &EntryInput,
    actor: &Actor,
    now: chrono::DateTime<chrono::Utc>,
) -> schedule_entry::ActiveModel {
    schedule_entry::ActiveModel {
        participant_id: Set(participant_id),
        internship_id: Set(internship_id),
        date: Set(e.date),
        start_minute: Set(e.starts),
        end_minute: Set(e.ends),
        kind: Set(e.kind.as_str().into()),
        title: Set(e.title.clone()),
        location: Set(e.location.clone()),
        course_id: Set(e.course_id),
        created_by: Set(actor.user_id),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    }
}

impl Store {
    /// How a participant relates to the actor for her schedule and absences: the participant
    /// relations, and the employer of one of her internships.
    async fn schedule_relations(
        &self,
        actor: &Actor,
        p: &participant::Model,
    ) -> Result<Vec<Relation>> {
        let mut rels = self.participant_relations(actor, p).await?;
        if actor.user_id.is_some() {
            let taught = participant::Entity::find_by_id(p.id)
                .filter(participant::Column::Id.in_subquery(students_of(actor)))
                .count(&self.db)
                .await?;
            if taught > 0 {
                rels.push(Relation::Teaches);
            }
        }
        if let Some(emp) = actor.employer_id.filter(|_| p.shares_with_employers) {
            let at_employer = internship::Entity::find()
                .filter(internship::Column::ParticipantId.eq(p.id))
                .filter(internship::Column::PlacementId.in_subquery(placements_of(emp)))
                .one(&self.db)
                .await?;
            if at_employer.is_some() {
                rels.push(Relation::OwnEmployer);
            }
        }
        Ok(rels)
    }

    /// A participant whose schedule (or absences) the actor may do `action` on.
    async fn schedule_checked(
        &self,
        actor: &Actor,
        participant_id: i32,
        resource: Resource,
        action: Action,
    ) -> Result<(participant::Model, Vec<Relation>)> {
        let p = participant::Entity::find_by_id(participant_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let rels = self.schedule_relations(actor, &p).await?;
        // Someone who may not even read her schedule learns nothing of her (404).
        let d = decide_any(actor, action, resource, &rels);
        let reads = |r| decide_any(actor, Action::Read, r, &rels).allowed();
        if !d.allowed() && !reads(Resource::Schedule) && !reads(resource) {
            return Err(StoreError::NotFound);
        }
        enforce(d)?;
        Ok((p, rels))
    }

    /// The participant's current internship (the latest that has started, else the next),
    /// with its placement.
    async fn internship_of(
        &self,
        db: &impl ConnectionTrait,
        participant_id: i32,
    ) -> Result<Option<(internship::Model, placement::Model)>> {
        let all = internship::Entity::find()
            .filter(internship::Column::ParticipantId.eq(participant_id))
            .order_by_desc(internship::Column::StartDate)
            .order_by_desc(internship::Column::Id)
            .all(db)
            .await?;
        let today = brygga_domain::calendar::today();
        let chosen = all
            .iter()
            .find(|i| i.start_date <= today)
            .or_else(|| all.last())
            .cloned();
        let Some(i) = chosen else { return Ok(None) };
        let pl = placement::Entity::find_by_id(i.placement_id)
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(Some((i, pl)))
    }

    async fn internship_summary(&self, participant_id: i32) -> Result<Option<InternshipSummary>> {
        let Some((i, pl)) = self.internship_of(&self.db, participant_id).await? else {
            return Ok(None);
        };
        let employer_name = employer::Entity::find_by_id(pl.employer_id)
            .one(&self.db)
            .await?
            .map(|e| e.name)
            .unwrap_or_default();
        Ok(Some(InternshipSummary {
            id: i.id,
            placement_id: pl.id,
            placement_title: pl.title,
            employer_name,
            start_date: i.start_date,
            end_date: i.end_date,
            days_per_week: pl.days_per_week,
        }))
    }

    /// The checks' view of a participant's schedule, read inside the write transaction.
    async fn schedule_context(
        &self,
        tx: &impl ConnectionTrait,
        participant_id: i32,
        around: Option<(NaiveDate, NaiveDate)>,
    ) -> Result<(Context, Option<i32>)> {
        let intern = self.internship_of(tx, participant_id).await?;
        let mut q = schedule_entry::Entity::find()
            .filter(schedule_entry::Column::ParticipantId.eq(participant_id));
        if let Some((from, to)) = around {
            // Whole weeks, for the count of workplace days.
            let from = brygga_domain::calendar::week_start(from);
            let to = brygga_domain::calendar::week_start(to) + chrono::Days::new(6);
            q = q
                .filter(schedule_entry::Column::Date.gte(from))
                .filter(schedule_entry::Column::Date.lte(to));
        }
        let existing = q.all(tx).await?.iter().filter_map(slot_of).collect();
        let internship_id = intern.as_ref().map(|(i, _)| i.id);
        Ok((
            Context {
                period: intern.as_ref().map(|(i, _)| (i.start_date, i.end_date)),
                days_per_week: intern
                    .as_ref()
                    .map(|(_, pl)| u32::try_from(pl.days_per_week).unwrap_or(0))
                    .unwrap_or(0),
                existing,
            },
            internship_id,
        ))
    }

    /// A participant's schedule from `from` to `to` (inclusive), as the actor may see it. The
    /// read is audited.
    pub async fn schedule_of(
        &self,
        actor: &Actor,
        participant_id: i32,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<ScheduleView> {
        let (p, rels) = self
            .schedule_checked(actor, participant_id, Resource::Schedule, Action::Read)
            .await?;
        let all_kinds = sees_all_kinds(actor, &rels);
        let mut q = schedule_entry::Entity::find()
            .filter(schedule_entry::Column::ParticipantId.eq(participant_id))
            .filter(schedule_entry::Column::Date.gte(from))
            .filter(schedule_entry::Column::Date.lte(to));
        if !all_kinds {
            q = q.filter(schedule_entry::Column::Kind.eq(EntryKind::Workplace.as_str()));
        }
        let name = name_of(&p);
        let entries = q
            .order_by_asc(schedule_entry::Column::Date)
            .order_by_asc(schedule_entry::Column::StartMinute)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|m| record_of(m, &name))
            .collect::<Result<Vec<_>>>()?;
        let internship = self.internship_summary(participant_id).await?;
        let tx = crate::begin_write(&self.db).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Read,
            "schedule",
            Some(participant_id),
            &[],
        )
        .await?;
        Ok(ScheduleView {
            participant_id,
            participant_name: name,
            internship,
            entries,
            workplace_only: !all_kinds,
            may_read_record: decide_any(actor, Action::Read, Resource::Participant, &rels)
                .allowed(),
            may_write: decide_any(actor, Action::Create, Resource::Schedule, &rels).allowed(),
            may_report_absence: decide_any(actor, Action::Create, Resource::Absence, &rels)
                .allowed(),
        })
    }

    /// One entry of a participant's schedule (for the edit form).
    pub async fn schedule_entry_get(
        &self,
        actor: &Actor,
        participant_id: i32,
        entry_id: i32,
    ) -> Result<EntryRecord> {
        let (p, _) = self
            .schedule_checked(actor, participant_id, Resource::Schedule, Action::Update)
            .await?;
        let m = schedule_entry::Entity::find_by_id(entry_id)
            .filter(schedule_entry::Column::ParticipantId.eq(participant_id))
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        record_of(m, &name_of(&p))
    }

    /// Add an entry to a participant's schedule, checked against her internship and the rest
    /// of her schedule under the write lock.
    pub async fn schedule_entry_create(
        &self,
        actor: &Actor,
        participant_id: i32,
        input: &EntryInput,
    ) -> Result<i32> {
        self.schedule_checked(actor, participant_id, Resource::Schedule, Action::Create)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        let (ctx, internship_id) = self
            .schedule_context(&tx, participant_id, Some((input.date, input.date)))
            .await?;
        check(input, &ctx, None).map_err(StoreError::Invalid)?;
        let m = new_entry(participant_id, internship_id, input, actor, crate::now())
            .insert(&tx)
            .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "schedule_entry",
            Some(m.id),
            &[
                "participant_id",
                "date",
                "start_minute",
                "end_minute",
                "kind",
                "title",
                "location",
                "course_id",
            ],
        )
        .await?;
        Ok(m.id)
    }

    /// Change an entry read at `version`.
    pub async fn schedule_entry_update(
        &self,
        actor: &Actor,
        participant_id: i32,
        entry_id: i32,
        version: i32,
        input: &EntryInput,
    ) -> Result<()> {
        let before = self
            .schedule_entry_get(actor, participant_id, entry_id)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        let (ctx, _) = self
            .schedule_context(&tx, participant_id, Some((input.date, input.date)))
            .await?;
        check(input, &ctx, Some(entry_id)).map_err(StoreError::Invalid)?;
        let update = schedule_entry::Entity::update_many()
            .col_expr(schedule_entry::Column::Date, Expr::value(input.date))
            .col_expr(
                schedule_entry::Column::StartMinute,
                Expr::value(input.starts),
            )
            .col_expr(schedule_entry::Column::EndMinute, Expr::value(input.ends))
            .col_expr(
                schedule_entry::Column::Kind,
                Expr::value(input.kind.as_str()),
            )
            .col_expr(
                schedule_entry::Column::Title,
                Expr::value(input.title.clone()),
            )
            .col_expr(
                schedule_entry::Column::Location,
                Expr::value(input.location.clone()),
            )
            .col_expr(
                schedule_entry::Column::CourseId,
                Expr::value(input.course_id),
            )
            .col_expr(schedule_entry::Column::UpdatedAt, Expr::value(crate::now()))
            .filter(schedule_entry::Column::ParticipantId.eq(participant_id));
        crate::update_versioned(&tx, update, entry_id, version, StoreError::Db).await?;
        let changed = crate::changed_fields(&before.to_input(), input);
        let fields: Vec<&str> = changed.iter().map(String::as_str).collect();
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "schedule_entry",
            Some(entry_id),
            &fields,
        )
        .await?;
        Ok(())
    }

    /// Remove an entry read at `version`.
    pub async fn schedule_entry_delete(
        &self,
        actor: &Actor,
        participant_id: i32,
        entry_id: i32,
        version: i32,
    ) -> Result<()> {
        self.schedule_checked(actor, participant_id, Resource::Schedule, Action::Delete)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        let res = schedule_entry::Entity::delete_many()
            .filter(schedule_entry::Column::Id.eq(entry_id))
            .filter(schedule_entry::Column::ParticipantId.eq(participant_id))
            .filter(schedule_entry::Column::Version.eq(version))
            .exec(&tx)
            .await?;
        if res.rows_affected == 0 {
            let exists = schedule_entry::Entity::find_by_id(entry_id)
                .filter(schedule_entry::Column::ParticipantId.eq(participant_id))
                .one(&tx)
                .await?
                .is_some();
            return Err(if exists {
                StoreError::Conflict
            } else {
                StoreError::NotFound
            });
        }
        self.commit_audited(
            tx,
            actor,
            AuditAction::Delete,
            "schedule_entry",
            Some(entry_id),
            &[],
        )
        .await?;
        Ok(())
    }

    /// Fill the participant's internship period with a programme template's entries. Refused
    /// without an internship, with choices the placement does not allow, or when a generated
    /// entry would clash with one already in the schedule; nothing is written then.
    pub async fn schedule_apply_template(
        &self,
        actor: &Actor,
        participant_id: i32,
        draft: &TemplateDraft,
    ) -> Result<Applied> {
        self.schedule_checked(actor, participant_id, Resource::Schedule, Action::Create)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        let Some((intern, _)) = self.internship_of(&tx, participant_id).await? else {
            return Err(invalid("schedule_template", "schedule-error-no-internship"));
        };
        let (mut ctx, internship_id) = self.schedule_context(&tx, participant_id, None).await?;
        let input = draft
            .validate(ctx.days_per_week)
            .map_err(StoreError::Invalid)?;
        let generated = generate(&input, intern.start_date, intern.end_date);
        let now = crate::now();
        let mut next_id = -1;
        for e in &generated.entries {
            check(e, &ctx, None)
                .map_err(|_| invalid("schedule_template", "schedule-error-template-clash"))?;
            ctx.existing.push(Slot {
                id: next_id,
                date: e.date,
                starts: e.starts,
                ends: e.ends,
                kind: e.kind,
            });
            next_id -= 1;
        }
        let rows: Vec<schedule_entry::ActiveModel> = generated
            .entries
            .iter()
            .map(|e| new_entry(participant_id, internship_id, e, actor, now))
            .collect();
        if !rows.is_empty() {
            schedule_entry::Entity::insert_many(rows).exec(&tx).await?;
        }
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "schedule_template",
            Some(participant_id),
            &[
                "template",
                "workplace_days",
                "swedish_day",
                "sfi_day",
                "first_week",
            ],
        )
        .await?;
        Ok(Applied {
            created: generated.entries.len(),
            skipped: generated.skipped,
        })
    }

    /// The actor's own week: a participant's whole schedule, a supervisor's interns' and an
    /// employer contact's interns' workplace days, a teacher's enrolled participants' whole
    /// schedules; nothing for anyone else.
    pub async fn my_schedule(
        &self,
        actor: &Actor,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<EntryRecord>> {
        let in_period = Condition::all()
            .add(schedule_entry::Column::Date.gte(from))
            .add(schedule_entry::Column::Date.lte(to));
        let workplace = schedule_entry::Column::Kind.eq(EntryKind::Workplace.as_str());
        let mut whose = Condition::any();
        let mut any = false;
        if let Some(pid) = actor.participant_id
            && actor.can(Action::Read, Resource::Schedule, Relation::OwnRecord)
        {
            whose = whose.add(schedule_entry::Column::ParticipantId.eq(pid));
            any = true;
        }
        if !actor.supervisor_ids.is_empty()
            && actor.can(Action::Read, Resource::Schedule, Relation::Supervised)
        {
            whose = whose.add(
                Condition::all()
                    .add(workplace.clone())
                    .add(schedule_entry::Column::ParticipantId.in_subquery(interns_of(actor))),
            );
            any = true;
        }
        if let Some(emp) = actor.employer_id
            && actor.can(Action::Read, Resource::Schedule, Relation::OwnEmployer)
        {
            whose = whose.add(
                Condition::all()
                    .add(workplace.clone())
                    .add(
                        schedule_entry::Column::ParticipantId.in_subquery(
                            Query::select()
                                .column(internship::Column::ParticipantId)
                                .from(internship::Entity)
                                .and_where(
                                    internship::Column::PlacementId.in_subquery(placements_of(emp)),
                                )
                                .to_owned(),
                        ),
                    )
                    .add(
                        schedule_entry::Column::ParticipantId.in_subquery(
                            Query::select()
                                .column(participant::Column::Id)
                                .from(participant::Entity)
                                .and_where(participant::Column::SharesWithEmployers.eq(true))
                                .to_owned(),
                        ),
                    ),
            );
            any = true;
        }
        if actor.user_id.is_some() && actor.can(Action::Read, Resource::Schedule, Relation::Teaches)
        {
            whose =
                whose.add(schedule_entry::Column::ParticipantId.in_subquery(students_of(actor)));
            any = true;
        }
        if !any {
            return Ok(vec![]);
        }
        let rows = schedule_entry::Entity::find()
            .filter(in_period)
            .filter(whose)
            .order_by_asc(schedule_entry::Column::Date)
            .order_by_asc(schedule_entry::Column::StartMinute)
            .all(&self.db)
            .await?;
        let names = self
            .participant_names(rows.iter().map(|r| r.participant_id).collect())
            .await?;
        let out = rows
            .into_iter()
            .map(|m| {
                let name = names.get(&m.participant_id).cloned().unwrap_or_default();
                record_of(m, &name)
            })
            .collect::<Result<Vec<_>>>()?;
        let tx = crate::begin_write(&self.db).await?;
        self.commit_audited(tx, actor, AuditAction::Read, "schedule", None, &[])
            .await?;
        Ok(out)
    }

    async fn participant_names(&self, ids: Vec<i32>) -> Result<HashMap<i32, String>> {
        Ok(participant::Entity::find()
            .filter(participant::Column::Id.is_in(ids))
            .all(&self.db)
            .await?
            .iter()
            .map(|p| (p.id, name_of(p)))
            .collect())
    }

    // -------------------------------------------------------------- absences

    /// Report a participant absent on a day of her schedule. Refused for a day with nothing
    /// scheduled and for a day already reported.
    pub async fn absence_report(
        &self,
        actor: &Actor,
        participant_id: i32,
        input: &AbsenceInput,
    ) -> Result<i32> {
        self.schedule_checked(actor, participant_id, Resource::Absence, Action::Create)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        let scheduled = schedule_entry::Entity::find()
            .filter(schedule_entry::Column::ParticipantId.eq(participant_id))
            .filter(schedule_entry::Column::Date.eq(input.date))
            .one(&tx)
            .await?;
        if scheduled.is_none() {
            return Err(invalid("absence_date", "absence-error-not-scheduled"));
        }
        let m = absence::ActiveModel {
            participant_id: Set(participant_id),
            date: Set(input.date),
            reason: Set(input.reason.as_str().into()),
            note: Set(input.note.clone()),
            reported_by: Set(actor.user_id),
            reported_by_name: Set(actor.name.clone()),
            created_at: Set(crate::now()),
            ..Default::default()
        }
        .insert(&tx)
        .await
        .map_err(|e| StoreError::unique(e, "absence_date", "absence-error-duplicate"))?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "absence",
            Some(m.id),
            &["participant_id", "date", "reason", "note"],
        )
        .await?;
        Ok(m.id)
    }

    /// A participant's absences since `since`, newest first.
    pub async fn absences_of(
        &self,
        actor: &Actor,
        participant_id: i32,
        since: NaiveDate,
    ) -> Result<Vec<AbsenceRecord>> {
        let (p, _) = self
            .schedule_checked(actor, participant_id, Resource::Absence, Action::List)
            .await?;
        let name = name_of(&p);
        absence::Entity::find()
            .filter(absence::Column::ParticipantId.eq(participant_id))
            .filter(absence::Column::Date.gte(since))
            .order_by_desc(absence::Column::Date)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|m| absence_of(m, &name))
            .collect()
    }

    /// Every absence since `since` of the participants the actor may see absences of, newest
    /// first (the home page's to-do list and the patterns page).
    pub async fn absences_recent(
        &self,
        actor: &Actor,
        since: NaiveDate,
    ) -> Result<Vec<AbsenceRecord>> {
        if !actor.may(Action::List, Resource::Absence) {
            return Err(StoreError::Forbidden);
        }
        let rows = absence::Entity::find()
            .filter(absence::Column::Date.gte(since))
            .order_by_desc(absence::Column::Date)
            .order_by_desc(absence::Column::Id)
            .all(&self.db)
            .await?;
        let ids: Vec<i32> = rows.iter().map(|r| r.participant_id).collect();
        let people: Vec<participant::Model> = participant::Entity::find()
            .filter(participant::Column::Id.is_in(ids))
            .all(&self.db)
            .await?;
        let mut allowed: HashMap<i32, String> = HashMap::new();
        for p in &people {
            let rels = self.schedule_relations(actor, p).await?;
            if decide_any(actor, Action::List, Resource::Absence, &rels).allowed() {
                allowed.insert(p.id, name_of(p));
            }
        }
        rows.into_iter()
            .filter_map(|m| {
                let name = allowed.get(&m.participant_id)?.clone();
                Some(absence_of(m, &name))
            })
            .collect()
    }

    /// Per participant with absences in the last 90 days (up to `today`): how many in the last
    /// 30 and 90 days, and the weekday most fell on. Most absences first.
    pub async fn absence_patterns(
        &self,
        actor: &Actor,
        today: NaiveDate,
    ) -> Result<Vec<AbsencePattern>> {
        let since90 = today - chrono::Days::new(90);
        let since30 = today - chrono::Days::new(30);
        let all = self.absences_recent(actor, since90).await?;
        let mut by: BTreeMap<i32, (String, Vec<NaiveDate>)> = BTreeMap::new();
        for a in all.into_iter().filter(|a| a.date <= today) {
            by.entry(a.participant_id)
                .or_insert_with(|| (a.participant_name.clone(), vec![]))
                .1
                .push(a.date);
        }
        let mut out: Vec<AbsencePattern> = by
            .into_iter()
            .map(|(id, (name, dates))| AbsencePattern {
                participant_id: id,
                participant_name: name,
                last_30: dates.iter().filter(|d| **d > since30).count(),
                last_90: dates.len(),
                most_frequent_weekday: most_frequent_weekday(&dates),
            })
            .collect();
        out.sort_by(|a, b| {
            b.last_90
                .cmp(&a.last_90)
                .then_with(|| a.participant_name.cmp(&b.participant_name))
        });
        Ok(out)
    }

    /// For the participant page: `None` when the actor may not read the participant's schedule;
    /// else the number of absences since `since` (0 for a reader who may not see absences).
    pub async fn schedule_summary(
        &self,
        actor: &Actor,
        participant_id: i32,
        since: NaiveDate,
    ) -> Result<Option<usize>> {
        let Some(p) = participant::Entity::find_by_id(participant_id)
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        let rels = self.schedule_relations(actor, &p).await?;
        if !decide_any(actor, Action::Read, Resource::Schedule, &rels).allowed() {
            return Ok(None);
        }
        if !decide_any(actor, Action::List, Resource::Absence, &rels).allowed() {
            return Ok(Some(0));
        }
        let n = absence::Entity::find()
            .filter(absence::Column::ParticipantId.eq(participant_id))
            .filter(absence::Column::Date.gte(since))
            .all(&self.db)
            .await?
            .len();
        Ok(Some(n))
    }

    /// Whom the actor may report absent from the week view: herself (a participant) or her
    /// interns (a supervisor), by name.
    pub async fn absence_reportable(&self, actor: &Actor) -> Result<Vec<(i32, String)>> {
        let mut cond = Condition::any();
        let mut any = false;
        if let Some(pid) = actor.participant_id
            && actor.can(Action::Create, Resource::Absence, Relation::OwnRecord)
        {
            cond = cond.add(participant::Column::Id.eq(pid));
            any = true;
        }
        if !actor.supervisor_ids.is_empty()
            && actor.can(Action::Create, Resource::Absence, Relation::Supervised)
        {
            cond = cond.add(participant::Column::Id.in_subquery(interns_of(actor)));
            any = true;
        }
        if !any {
            return Ok(vec![]);
        }
        Ok(participant::Entity::find()
            .filter(cond)
            .order_by_asc(participant::Column::FirstName)
            .order_by_asc(participant::Column::LastName)
            .all(&self.db)
            .await?
            .iter()
            .map(|p| (p.id, name_of(p)))
            .collect())
    }

    // -------------------------------------------------------------- calendar feeds

    /// Make a personal calendar feed for the actor; the token is returned once, only its hash
    /// is kept.
    pub async fn calendar_feed_create(&self, actor: &Actor) -> Result<String> {
        let Some(user_id) = actor.user_id else {
            return Err(StoreError::Forbidden);
        };
        let token = hex::encode(rand::random::<[u8; 32]>());
        let tx = crate::begin_write(&self.db).await?;
        let m = calendar_feed::ActiveModel {
            user_id: Set(user_id),
            token_hash: Set(crate::users::token_hash(&token)),
            created_at: Set(crate::now()),
            revoked_at: Set(None),
            last_used_at: Set(None),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::TokenCreated,
            "calendar_feed",
            Some(m.id),
            &["user_id"],
        )
        .await?;
        Ok(token)
    }

    /// The actor's own calendar feeds, newest first.
    pub async fn calendar_feeds(&self, actor: &Actor) -> Result<Vec<FeedRecord>> {
        let Some(user_id) = actor.user_id else {
            return Ok(vec![]);
        };
        Ok(calendar_feed::Entity::find()
            .filter(calendar_feed::Column::UserId.eq(user_id))
            .order_by_desc(calendar_feed::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|m| FeedRecord {
                id: m.id,
                created_at: m.created_at,
                last_used_at: m.last_used_at,
                revoked_at: m.revoked_at,
            })
            .collect())
    }

    /// Revoke one of the actor's own feeds: its URL answers 404 from now on.
    pub async fn calendar_feed_revoke(&self, actor: &Actor, feed_id: i32) -> Result<()> {
        let user_id = actor.user_id.ok_or(StoreError::NotFound)?;
        let tx = crate::begin_write(&self.db).await?;
        let res = calendar_feed::Entity::update_many()
            .col_expr(calendar_feed::Column::RevokedAt, Expr::value(crate::now()))
            .filter(calendar_feed::Column::Id.eq(feed_id))
            .filter(calendar_feed::Column::UserId.eq(user_id))
            .filter(calendar_feed::Column::RevokedAt.is_null())
            .exec(&tx)
            .await?;
        if res.rows_affected == 0 {
            return Err(StoreError::NotFound);
        }
        self.commit_audited(
            tx,
            actor,
            AuditAction::TokenRevoked,
            "calendar_feed",
            Some(feed_id),
            &["revoked_at"],
        )
        .await?;
        Ok(())
    }

    /// The feed owner behind a calendar token, if the token is known, not revoked and its user
    /// active.
    pub async fn actor_by_calendar_token(&self, token: &str) -> Result<Option<Actor>> {
        let Some(f) = calendar_feed::Entity::find()
            .filter(calendar_feed::Column::TokenHash.eq(crate::users::token_hash(token)))
            .filter(calendar_feed::Column::RevokedAt.is_null())
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        calendar_feed::Entity::update_many()
            .col_expr(calendar_feed::Column::LastUsedAt, Expr::value(crate::now()))
            .filter(calendar_feed::Column::Id.eq(f.id))
            .exec(&self.db)
            .await?;
        self.actor(f.user_id).await
    }
}
