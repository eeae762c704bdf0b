//! Courses beside the internship: the course and its teachers (users of the education
//! provider), sessions, enrolments, attendance and progress notes.
//!
//! A course relates to the actor as `InOrgScope` (its programme is in the actor's scope),
//! `Teaches` (the actor is one of its teachers), `OwnRecord` (the actor, a participant, is
//! enrolled) or `Supervised` (one of the actor's interns is enrolled). The education provider
//! never reads a participant record: the names it sees come from the enrolment rows.

use std::collections::{BTreeMap, HashMap};

use brygga_domain::course::{
    AttendanceMark, CourseInput, CourseKind, EnrolmentStatus, ProgressNoteInput, SessionInput,
    SessionTime, clashes_with,
};
use brygga_domain::model::{OrgKind, Role};
use brygga_domain::policy::{Action, Decision, Relation, Resource, list_scope};
use brygga_domain::{FieldError, FieldErrors};
use chrono::{NaiveDate, NaiveTime};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde::Serialize;

use crate::actor::{decide_any, enforce};
use crate::audit::{AuditAction, record};
use crate::entities::{
    course, course_attendance, course_enrolment, course_progress_note, course_session,
    course_teacher, internship, membership, organisation, participant, user,
};
use crate::stored::StoredEnum;
use crate::{Actor, Page, Result, Store, StoreError};

impl StoredEnum for CourseKind {
    fn from_stored(s: &str) -> Option<Self> {
        CourseKind::parse(s).ok()
    }
    fn to_stored(self) -> &'static str {
        self.as_str()
    }
}

impl StoredEnum for EnrolmentStatus {
    fn from_stored(s: &str) -> Option<Self> {
        EnrolmentStatus::parse(s).ok()
    }
    fn to_stored(self) -> &'static str {
        self.as_str()
    }
}

impl StoredEnum for AttendanceMark {
    fn from_stored(s: &str) -> Option<Self> {
        AttendanceMark::parse(s).ok()
    }
    fn to_stored(self) -> &'static str {
        self.as_str()
    }
}

/// A course in a list.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CourseSummary {
    pub id: i32,
    pub programme_id: i32,
    /// vocational_swedish, sfi, care_swedish, preparatory or other.
    #[schema(value_type = String)]
    pub kind: CourseKind,
    pub name: String,
    pub location: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub capacity: i32,
    /// Places taken (enrolments that are not withdrawn).
    pub taken: i32,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Teacher {
    pub user_id: i32,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CourseSession {
    pub id: i32,
    pub course_id: i32,
    pub date: NaiveDate,
    /// Swedish local time.
    pub start_time: NaiveTime,
    /// Swedish local time.
    pub end_time: NaiveTime,
    pub topic: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ProgressNote {
    pub id: i32,
    pub enrolment_id: i32,
    pub note_date: NaiveDate,
    pub text: String,
    pub author: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// An enrolment as the course shows it: the participant's name and nothing else about them.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Enrolment {
    pub id: i32,
    pub version: i32,
    pub course_id: i32,
    pub participant_id: i32,
    pub participant_name: String,
    /// enrolled, completed or withdrawn.
    #[schema(value_type = String)]
    pub status: EnrolmentStatus,
    /// Only for those who may read the course's progress.
    pub notes: Vec<ProgressNote>,
}

/// A course with its teachers, sessions and the enrolments the actor may see, and what the
/// actor may do on it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CourseRecord {
    pub id: i32,
    pub version: i32,
    pub programme_id: i32,
    pub programme_name: String,
    #[schema(value_type = String)]
    pub kind: CourseKind,
    pub name: String,
    pub location: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub capacity: i32,
    pub taken: i32,
    pub teachers: Vec<Teacher>,
    pub sessions: Vec<CourseSession>,
    pub enrolments: Vec<Enrolment>,
    /// Edit the course, its sessions and its enrolments.
    pub may_manage: bool,
    /// Record attendance and progress notes.
    pub may_record: bool,
    /// Read attendance and progress notes.
    pub may_read_progress: bool,
}

impl CourseRecord {
    /// The course as its form shows it.
    pub fn to_draft(&self) -> brygga_domain::course::CourseDraft {
        brygga_domain::course::CourseDraft {
            programme_id: self.programme_id.to_string(),
            course_kind: self.kind.as_str().to_string(),
            name: self.name.clone(),
            location: self.location.clone(),
            course_start: self.start_date.to_string(),
            course_end: self.end_date.to_string(),
            course_capacity: self.capacity.to_string(),
            teacher_ids: self
                .teachers
                .iter()
                .map(|t| t.user_id.to_string())
                .collect(),
        }
    }
}

/// One row of a session's attendance grid.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AttendanceRow {
    pub enrolment_id: i32,
    pub participant_name: String,
    #[schema(value_type = Option<String>)]
    pub mark: Option<AttendanceMark>,
}

/// A session with its attendance grid.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SessionSheet {
    pub course_id: i32,
    pub course_name: String,
    pub session: CourseSession,
    pub rows: Vec<AttendanceRow>,
    pub may_record: bool,
}

/// A course session in a participant's schedule (for week views and calendar feeds).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ScheduledSession {
    pub session_id: i32,
    pub course_id: i32,
    pub date: NaiveDate,
    /// Swedish local time.
    pub start_time: NaiveTime,
    pub end_time: NaiveTime,
    pub course_name: String,
    #[schema(value_type = String)]
    pub kind: CourseKind,
    pub location: String,
    pub topic: String,
}

/// One of a participant's enrolments, for the participant's page.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ParticipantEnrolment {
    pub enrolment_id: i32,
    pub course_id: i32,
    pub course_name: String,
    #[schema(value_type = String)]
    pub kind: CourseKind,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    #[schema(value_type = String)]
    pub status: EnrolmentStatus,
}

/// Someone a course may be given to (a teacher) or a participant who may be enrolled.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Choice {
    pub id: i32,
    pub name: String,
}

fn invalid(field: &str, key: &'static str) -> StoreError {
    StoreError::Invalid(FieldErrors(vec![FieldError::new(field, key)]))
}

fn summary(c: &course::Model, taken: i32) -> CourseSummary {
    CourseSummary {
        id: c.id,
        programme_id: c.programme_id,
        kind: c.kind.get(),
        name: c.name.clone(),
        location: c.location.clone(),
        start_date: c.start_date,
        end_date: c.end_date,
        capacity: c.capacity,
        taken,
    }
}

fn session_of(s: course_session::Model) -> CourseSession {
    CourseSession {
        id: s.id,
        course_id: s.course_id,
        date: s.date,
        start_time: s.start_time,
        end_time: s.end_time,
        topic: s.topic,
    }
}

fn full_name(p: &participant::Model) -> String {
    format!("{} {}", p.first_name, p.last_name)
}

/// Enforce a decision on a course: a record the actor has no business with at all is hidden
/// (404, as another provider's course), one it may see but not change is forbidden (403).
fn enforce_course(
    actor: &Actor,
    action: Action,
    resource: Resource,
    rels: &[Relation],
) -> Result<()> {
    match decide_any(actor, action, resource, rels) {
        Decision::Allow => Ok(()),
        _ if decide_any(actor, Action::Read, Resource::Course, rels).allowed() => {
            Err(StoreError::Forbidden)
        }
        _ if actor.may(action, resource) => Err(StoreError::NotFound),
        d => enforce(d),
    }
}

/// Places taken per course (enrolments that are not withdrawn).
async fn taken_by_course(db: &impl ConnectionTrait, ids: &[i32]) -> Result<HashMap<i32, i32>> {
    let rows: Vec<(i32, i64)> = course_enrolment::Entity::find()
        .filter(course_enrolment::Column::CourseId.is_in(ids.to_vec()))
        .filter(course_enrolment::Column::Status.ne(EnrolmentStatus::Withdrawn.as_str()))
        .select_only()
        .column(course_enrolment::Column::CourseId)
        .column_as(course_enrolment::Column::Id.count(), "n")
        .group_by(course_enrolment::Column::CourseId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, n)| (id, i32::try_from(n).unwrap_or(i32::MAX)))
        .collect())
}

/// The participants who completed a preparatory course, of `ids` (the journey's checkpoint).
pub(crate) async fn completed_preparatory(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<i32>> {
    Ok(course_enrolment::Entity::find()
        .filter(course_enrolment::Column::ParticipantId.is_in(ids.to_vec()))
        .filter(course_enrolment::Column::Status.eq(EnrolmentStatus::Completed.as_str()))
        .filter(
            course_enrolment::Column::CourseId.in_subquery(
                Query::select()
                    .column(course::Column::Id)
                    .from(course::Entity)
                    .and_where(course::Column::Kind.eq(CourseKind::Preparatory.as_str()))
                    .to_owned(),
            ),
        )
        .select_only()
        .column(course_enrolment::Column::ParticipantId)
        .into_tuple()
        .all(db)
        .await?)
}

impl Store {
    /// How a course relates to the actor.
    async fn course_relations(&self, actor: &Actor, c: &course::Model) -> Result<Vec<Relation>> {
        let mut rels = vec![];
        if actor.in_org_scope(c.programme_id) {
            rels.push(Relation::InOrgScope);
        }
        if let Some(uid) = actor.user_id {
            let teaches = course_teacher::Entity::find()
                .filter(course_teacher::Column::CourseId.eq(c.id))
                .filter(course_teacher::Column::UserId.eq(uid))
                .count(&self.db)
                .await?;
            if teaches > 0 {
                rels.push(Relation::Teaches);
            }
        }
        if let Some(pid) = actor.participant_id {
            let own = course_enrolment::Entity::find()
                .filter(course_enrolment::Column::CourseId.eq(c.id))
                .filter(course_enrolment::Column::ParticipantId.eq(pid))
                .count(&self.db)
                .await?;
            if own > 0 {
                rels.push(Relation::OwnRecord);
            }
        }
        if !actor.supervisor_ids.is_empty() {
            let interns = course_enrolment::Entity::find()
                .filter(course_enrolment::Column::CourseId.eq(c.id))
                .filter(course_enrolment::Column::ParticipantId.in_subquery(interns_of(actor)))
                .count(&self.db)
                .await?;
            if interns > 0 {
                rels.push(Relation::Supervised);
            }
        }
        Ok(rels)
    }

    /// A course the actor may do `action` on (of `resource`: the course or its progress).
    async fn course_checked(
        &self,
        actor: &Actor,
        id: i32,
        action: Action,
        resource: Resource,
    ) -> Result<(course::Model, Vec<Relation>)> {
        let c = course::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let rels = self.course_relations(actor, &c).await?;
        enforce_course(actor, action, resource, &rels)?;
        Ok((c, rels))
    }

    /// The SQL form of the policy's list scope for courses.
    fn course_scope(actor: &Actor) -> Result<Condition> {
        let rels = list_scope(actor.role, Resource::Course);
        if rels.is_empty() {
            return Err(StoreError::Forbidden);
        }
        if rels.contains(&Relation::Unrelated) {
            return Ok(Condition::all());
        }
        let mut any = Condition::any().add(Expr::cust("1 = 0"));
        for rel in rels {
            any = match rel {
                Relation::InOrgScope => {
                    any.add(course::Column::ProgrammeId.is_in(actor.org_scope.iter().copied()))
                }
                Relation::Teaches => any.add(
                    course::Column::Id.in_subquery(
                        Query::select()
                            .column(course_teacher::Column::CourseId)
                            .from(course_teacher::Entity)
                            .and_where(
                                course_teacher::Column::UserId.eq(actor.user_id.unwrap_or(-1)),
                            )
                            .to_owned(),
                    ),
                ),
                Relation::OwnRecord => any.add(
                    course::Column::Id.in_subquery(
                        Query::select()
                            .column(course_enrolment::Column::CourseId)
                            .from(course_enrolment::Entity)
                            .and_where(
                                course_enrolment::Column::ParticipantId
                                    .eq(actor.participant_id.unwrap_or(-1)),
                            )
                            .to_owned(),
                    ),
                ),
                Relation::Supervised => any.add(
                    course::Column::Id.in_subquery(
                        Query::select()
                            .column(course_enrolment::Column::CourseId)
                            .from(course_enrolment::Entity)
                            .and_where(
                                course_enrolment::Column::ParticipantId
                                    .in_subquery(interns_of(actor)),
                            )
                            .to_owned(),
                    ),
                ),
                _ => any,
            };
        }
        Ok(any)
    }

    /// The courses the actor may see, the latest start first.
    pub async fn course_list(&self, actor: &Actor, page: u64) -> Result<Page<CourseSummary>> {
        let scope = Self::course_scope(actor)?;
        let q = course::Entity::find()
            .filter(scope)
            .order_by_desc(course::Column::StartDate)
            .order_by_asc(course::Column::Id);
        let p = crate::paged(&self.db, q, page, crate::PER_PAGE).await?;
        let ids: Vec<i32> = p.items.iter().map(|c| c.id).collect();
        let taken = taken_by_course(&self.db, &ids).await?;
        Ok(p.map(|c| summary(&c, taken.get(&c.id).copied().unwrap_or(0))))
    }

    /// The courses the actor teaches (an education provider's home page and week view).
    pub async fn courses_taught(&self, actor: &Actor) -> Result<Vec<CourseSummary>> {
        let Some(uid) = actor.user_id else {
            return Ok(vec![]);
        };
        let rows = course::Entity::find()
            .filter(
                course::Column::Id.in_subquery(
                    Query::select()
                        .column(course_teacher::Column::CourseId)
                        .from(course_teacher::Entity)
                        .and_where(course_teacher::Column::UserId.eq(uid))
                        .to_owned(),
                ),
            )
            .order_by_asc(course::Column::StartDate)
            .all(&self.db)
            .await?;
        let ids: Vec<i32> = rows.iter().map(|c| c.id).collect();
        let taken = taken_by_course(&self.db, &ids).await?;
        Ok(rows
            .iter()
            .map(|c| summary(c, taken.get(&c.id).copied().unwrap_or(0)))
            .collect())
    }

    /// A course's own facts (no one's name: not audited), for checks before a write.
    pub async fn course_summary(&self, actor: &Actor, id: i32) -> Result<CourseSummary> {
        let (c, _) = self
            .course_checked(actor, id, Action::Read, Resource::Course)
            .await?;
        let taken = enrolments_taking_place(&self.db, id).await?;
        Ok(summary(&c, taken))
    }

    /// A course with what the actor may see of it. Reading the enrolled names is audited.
    pub async fn course_get(&self, actor: &Actor, id: i32) -> Result<CourseRecord> {
        let (c, rels) = self
            .course_checked(actor, id, Action::Read, Resource::Course)
            .await?;
        let allowed = |action, resource| decide_any(actor, action, resource, &rels).allowed();
        let may_manage = allowed(Action::Update, Resource::Course);
        let may_record = allowed(Action::Create, Resource::CourseProgress);
        let may_read_progress = allowed(Action::Read, Resource::CourseProgress);
        let programme_name = organisation::Entity::find_by_id(c.programme_id)
            .one(&self.db)
            .await?
            .map(|o| o.name)
            .unwrap_or_default();
        let teachers = self.course_teachers(&self.db, c.id).await?;
        let sessions = course_session::Entity::find()
            .filter(course_session::Column::CourseId.eq(c.id))
            .order_by_asc(course_session::Column::Date)
            .order_by_asc(course_session::Column::StartTime)
            .all(&self.db)
            .await?
            .into_iter()
            .map(session_of)
            .collect();
        let mut enrolments = self.enrolments_of(c.id).await?;
        // Staff and teachers see every enrolment; a participant her own; a supervisor none.
        if !(may_manage || may_read_progress) {
            enrolments.retain(|e| Some(e.participant_id) == actor.participant_id);
        }
        if may_read_progress {
            let ids: Vec<i32> = enrolments.iter().map(|e| e.id).collect();
            let mut notes: BTreeMap<i32, Vec<ProgressNote>> = BTreeMap::new();
            for n in course_progress_note::Entity::find()
                .filter(course_progress_note::Column::EnrolmentId.is_in(ids))
                .order_by_asc(course_progress_note::Column::NoteDate)
                .order_by_asc(course_progress_note::Column::Id)
                .all(&self.db)
                .await?
            {
                notes.entry(n.enrolment_id).or_default().push(ProgressNote {
                    id: n.id,
                    enrolment_id: n.enrolment_id,
                    note_date: n.note_date,
                    text: n.text,
                    author: n.author,
                    created_at: n.created_at,
                });
            }
            for e in &mut enrolments {
                e.notes = notes.remove(&e.id).unwrap_or_default();
            }
        }
        let taken = enrolments_taking_place(&self.db, c.id).await?;
        let tx = crate::begin_write(&self.db).await?;
        self.commit_audited(tx, actor, AuditAction::Read, "course", Some(id), &[])
            .await?;
        Ok(CourseRecord {
            id: c.id,
            version: c.version,
            programme_id: c.programme_id,
            programme_name,
            kind: c.kind.get(),
            name: c.name,
            location: c.location,
            start_date: c.start_date,
            end_date: c.end_date,
            capacity: c.capacity,
            taken,
            teachers,
            sessions,
            enrolments,
            may_manage,
            may_record,
            may_read_progress,
        })
    }

    async fn course_teachers(&self, db: &impl ConnectionTrait, id: i32) -> Result<Vec<Teacher>> {
        let ids: Vec<i32> = course_teacher::Entity::find()
            .filter(course_teacher::Column::CourseId.eq(id))
            .select_only()
            .column(course_teacher::Column::UserId)
            .into_tuple()
            .all(db)
            .await?;
        Ok(user::Entity::find()
            .filter(user::Column::Id.is_in(ids))
            .order_by_asc(user::Column::Name)
            .all(db)
            .await?
            .into_iter()
            .map(|u| Teacher {
                user_id: u.id,
                name: u.name,
            })
            .collect())
    }

    /// Every enrolment of a course with the participant's name (from the enrolment's
    /// participant row: the name only).
    async fn enrolments_of(&self, course_id: i32) -> Result<Vec<Enrolment>> {
        let rows = course_enrolment::Entity::find()
            .filter(course_enrolment::Column::CourseId.eq(course_id))
            .order_by_asc(course_enrolment::Column::Id)
            .all(&self.db)
            .await?;
        let ids: Vec<i32> = rows.iter().map(|r| r.participant_id).collect();
        let names: HashMap<i32, String> = participant::Entity::find()
            .filter(participant::Column::Id.is_in(ids))
            .all(&self.db)
            .await?
            .iter()
            .map(|p| (p.id, full_name(p)))
            .collect();
        let mut out: Vec<Enrolment> = rows
            .into_iter()
            .map(|r| Enrolment {
                id: r.id,
                version: r.version,
                course_id: r.course_id,
                participant_id: r.participant_id,
                participant_name: names.get(&r.participant_id).cloned().unwrap_or_default(),
                status: r.status.get(),
                notes: vec![],
            })
            .collect();
        out.sort_by(|a, b| a.participant_name.cmp(&b.participant_name));
        Ok(out)
    }

    /// Whether `programme_id` is a programme the actor may hold courses in (a field error on
    /// `programme_id` if not).
    async fn course_programme_ok(&self, actor: &Actor, programme_id: i32) -> Result<Relation> {
        let org = organisation::Entity::find_by_id(programme_id)
            .one(&self.db)
            .await?;
        let is_programme = org.is_some_and(|o| o.kind.get() == OrgKind::Programme);
        let rel = if actor.in_org_scope(programme_id) {
            Relation::InOrgScope
        } else {
            Relation::Unrelated
        };
        if !is_programme || !decide_any(actor, Action::Create, Resource::Course, &[rel]).allowed() {
            return Err(invalid("programme_id", "error-invalid-choice"));
        }
        Ok(rel)
    }

    /// The education provider's users who may teach in `programme_id`: active, of that role,
    /// and members of the programme or an organisation above it.
    async fn teachers_for(&self, programme_id: i32) -> Result<Vec<Choice>> {
        let providers = user::Entity::find()
            .filter(user::Column::Role.eq(Role::EducationProvider.as_str()))
            .filter(user::Column::Active.eq(true))
            .order_by_asc(user::Column::Name)
            .all(&self.db)
            .await?;
        let mut out = vec![];
        for u in providers {
            let roots: Vec<i32> = membership::Entity::find()
                .filter(membership::Column::UserId.eq(u.id))
                .select_only()
                .column(membership::Column::OrgId)
                .into_tuple()
                .all(&self.db)
                .await?;
            if self.org_subtree(&roots).await?.contains(&programme_id) {
                out.push(Choice {
                    id: u.id,
                    name: u.name,
                });
            }
        }
        Ok(out)
    }

    /// The teachers the course form offers: the education provider's users in any of the
    /// actor's programmes.
    pub async fn course_teacher_choices(&self, actor: &Actor) -> Result<Vec<Choice>> {
        if !actor.may(Action::Create, Resource::Course) {
            return Err(StoreError::Forbidden);
        }
        let mut out: Vec<Choice> = vec![];
        for p in self.programmes_for(actor).await? {
            if p.kind != OrgKind::Programme {
                continue;
            }
            for t in self.teachers_for(p.id).await? {
                if !out.contains(&t) {
                    out.push(t);
                }
            }
        }
        Ok(out)
    }

    async fn check_teachers(&self, programme_id: i32, ids: &[i32]) -> Result<()> {
        let ok = self.teachers_for(programme_id).await?;
        if ids.iter().all(|id| ok.iter().any(|t| t.id == *id)) {
            Ok(())
        } else {
            Err(invalid("teacher_ids", "course-error-teacher"))
        }
    }

    async fn write_teachers(
        &self,
        tx: &impl ConnectionTrait,
        course_id: i32,
        ids: &[i32],
    ) -> Result<()> {
        course_teacher::Entity::delete_many()
            .filter(course_teacher::Column::CourseId.eq(course_id))
            .exec(tx)
            .await?;
        for id in ids {
            course_teacher::ActiveModel {
                course_id: Set(course_id),
                user_id: Set(*id),
                ..Default::default()
            }
            .insert(tx)
            .await?;
        }
        Ok(())
    }

    pub async fn course_create(&self, actor: &Actor, input: &CourseInput) -> Result<i32> {
        if !actor.may(Action::Create, Resource::Course) {
            return Err(StoreError::Forbidden);
        }
        self.course_programme_ok(actor, input.programme_id).await?;
        self.check_teachers(input.programme_id, &input.teacher_ids)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        let now = crate::now();
        let c = course::ActiveModel {
            programme_id: Set(input.programme_id),
            kind: Set(input.kind.into()),
            name: Set(input.name.clone()),
            location: Set(input.location.clone()),
            start_date: Set(input.start_date),
            end_date: Set(input.end_date),
            capacity: Set(input.capacity),
            created_by: Set(actor.user_id),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        self.write_teachers(&tx, c.id, &input.teacher_ids).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "course",
            Some(c.id),
            &[
                "programme_id",
                "kind",
                "name",
                "location",
                "start_date",
                "end_date",
                "capacity",
                "teachers",
            ],
        )
        .await?;
        Ok(c.id)
    }

    /// Save a course as read at `version`. The capacity cannot drop below the places taken,
    /// nor the period leave a session outside it.
    pub async fn course_update(
        &self,
        actor: &Actor,
        id: i32,
        version: i32,
        input: &CourseInput,
    ) -> Result<()> {
        let (old, _) = self
            .course_checked(actor, id, Action::Update, Resource::Course)
            .await?;
        if input.programme_id != old.programme_id {
            self.course_programme_ok(actor, input.programme_id).await?;
        }
        self.check_teachers(input.programme_id, &input.teacher_ids)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        let mut errors = FieldErrors::default();
        if enrolments_taking_place(&tx, id).await? > input.capacity {
            errors.push(FieldError::new(
                "course_capacity",
                "course-error-capacity-below-taken",
            ));
        }
        let outside = course_session::Entity::find()
            .filter(course_session::Column::CourseId.eq(id))
            .filter(
                Condition::any()
                    .add(course_session::Column::Date.lt(input.start_date))
                    .add(course_session::Column::Date.gt(input.end_date)),
            )
            .count(&tx)
            .await?;
        if outside > 0 {
            errors.push(FieldError::new(
                "course_start",
                "course-error-sessions-outside",
            ));
        }
        errors.into_result().map_err(StoreError::Invalid)?;
        let old_teachers: Vec<i32> = self
            .course_teachers(&tx, id)
            .await?
            .iter()
            .map(|t| t.user_id)
            .collect();
        let update = course::Entity::update_many()
            .col_expr(course::Column::ProgrammeId, Expr::value(input.programme_id))
            .col_expr(course::Column::Kind, Expr::value(input.kind.as_str()))
            .col_expr(course::Column::Name, Expr::value(input.name.clone()))
            .col_expr(
                course::Column::Location,
                Expr::value(input.location.clone()),
            )
            .col_expr(course::Column::StartDate, Expr::value(input.start_date))
            .col_expr(course::Column::EndDate, Expr::value(input.end_date))
            .col_expr(course::Column::Capacity, Expr::value(input.capacity))
            .col_expr(course::Column::UpdatedAt, Expr::value(crate::now()));
        crate::update_versioned(&tx, update, id, version, StoreError::Db).await?;
        self.write_teachers(&tx, id, &input.teacher_ids).await?;
        let mut fields: Vec<&str> = vec![];
        let changes = [
            ("programme_id", old.programme_id != input.programme_id),
            ("kind", old.kind.get() != input.kind),
            ("name", old.name != input.name),
            ("location", old.location != input.location),
            ("start_date", old.start_date != input.start_date),
            ("end_date", old.end_date != input.end_date),
            ("capacity", old.capacity != input.capacity),
            ("teachers", {
                let mut a = old_teachers;
                let mut b = input.teacher_ids.clone();
                a.sort_unstable();
                b.sort_unstable();
                a != b
            }),
        ];
        fields.extend(changes.iter().filter(|(_, c)| *c).map(|(f, _)| *f));
        self.commit_audited(tx, actor, AuditAction::Update, "course", Some(id), &fields)
            .await
    }

    /// Add a session to a course. Refused outside the course's period and when it overlaps
    /// another session of the same course.
    pub async fn course_session_add(
        &self,
        actor: &Actor,
        course_id: i32,
        input: &SessionInput,
    ) -> Result<i32> {
        let (c, _) = self
            .course_checked(actor, course_id, Action::Update, Resource::Course)
            .await?;
        let t = input.time;
        if t.date < c.start_date || t.date > c.end_date {
            return Err(invalid("session_date", "course-error-outside-period"));
        }
        let tx = crate::begin_write(&self.db).await?;
        // Under the write lock, so two sessions added at once cannot both pass.
        let same_day: Vec<SessionTime> = course_session::Entity::find()
            .filter(course_session::Column::CourseId.eq(course_id))
            .filter(course_session::Column::Date.eq(t.date))
            .all(&tx)
            .await?
            .into_iter()
            .map(|s| SessionTime {
                date: s.date,
                start: s.start_time,
                end: s.end_time,
            })
            .collect();
        if clashes_with(&same_day, &t) {
            return Err(invalid("session_start", "course-error-overlap"));
        }
        let s = course_session::ActiveModel {
            course_id: Set(course_id),
            date: Set(t.date),
            start_time: Set(t.start),
            end_time: Set(t.end),
            topic: Set(input.topic.clone()),
            created_at: Set(crate::now()),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "course_session",
            Some(s.id),
            &["course_id", "date", "start_time", "end_time", "topic"],
        )
        .await?;
        Ok(s.id)
    }

    /// Remove a session (and the attendance recorded at it).
    pub async fn course_session_delete(
        &self,
        actor: &Actor,
        course_id: i32,
        session_id: i32,
    ) -> Result<()> {
        self.course_checked(actor, course_id, Action::Update, Resource::Course)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        course_attendance::Entity::delete_many()
            .filter(course_attendance::Column::SessionId.eq(session_id))
            .exec(&tx)
            .await?;
        let res = course_session::Entity::delete_many()
            .filter(course_session::Column::Id.eq(session_id))
            .filter(course_session::Column::CourseId.eq(course_id))
            .exec(&tx)
            .await?;
        if res.rows_affected == 0 {
            return Err(StoreError::NotFound);
        }
        self.commit_audited(
            tx,
            actor,
            AuditAction::Delete,
            "course_session",
            Some(session_id),
            &[],
        )
        .await
    }

    /// The participants of the course's programme the actor may enrol (not yet enrolled).
    pub async fn course_enrol_choices(&self, actor: &Actor, course_id: i32) -> Result<Vec<Choice>> {
        let (c, _) = self
            .course_checked(actor, course_id, Action::Update, Resource::Course)
            .await?;
        let scope = Self::participant_scope(actor)?;
        let enrolled = Query::select()
            .column(course_enrolment::Column::ParticipantId)
            .from(course_enrolment::Entity)
            .and_where(course_enrolment::Column::CourseId.eq(course_id))
            .to_owned();
        Ok(participant::Entity::find()
            .filter(scope)
            .filter(participant::Column::ProgrammeId.eq(c.programme_id))
            .filter(participant::Column::Id.not_in_subquery(enrolled))
            .order_by_asc(participant::Column::LastName)
            .order_by_asc(participant::Column::FirstName)
            .limit(1000)
            .all(&self.db)
            .await?
            .iter()
            .map(|p| Choice {
                id: p.id,
                name: full_name(p),
            })
            .collect())
    }

    /// Enrol a participant of the course's programme. Refused over capacity and when the
    /// participant is already enrolled (whatever the enrolment's status).
    pub async fn course_enrol(
        &self,
        actor: &Actor,
        course_id: i32,
        participant_id: i32,
    ) -> Result<i32> {
        let (c, _) = self
            .course_checked(actor, course_id, Action::Update, Resource::Course)
            .await?;
        let p = match self
            .participant_checked(actor, participant_id, Action::Read)
            .await
        {
            Ok((p, _)) => p,
            Err(StoreError::NotFound | StoreError::Forbidden) => {
                return Err(invalid("participant_id", "error-invalid-choice"));
            }
            Err(e) => return Err(e),
        };
        if p.programme_id != c.programme_id {
            return Err(invalid("participant_id", "course-error-other-programme"));
        }
        let tx = crate::begin_write(&self.db).await?;
        // Under the write lock: two enrolments at once cannot both take the last place.
        let twice = course_enrolment::Entity::find()
            .filter(course_enrolment::Column::CourseId.eq(course_id))
            .filter(course_enrolment::Column::ParticipantId.eq(participant_id))
            .count(&tx)
            .await?;
        if twice > 0 {
            return Err(invalid("participant_id", "course-error-enrolled-twice"));
        }
        if enrolments_taking_place(&tx, course_id).await? >= c.capacity {
            return Err(invalid("participant_id", "course-error-full"));
        }
        let now = crate::now();
        let e = course_enrolment::ActiveModel {
            course_id: Set(course_id),
            participant_id: Set(participant_id),
            status: Set(EnrolmentStatus::Enrolled.into()),
            created_by: Set(actor.user_id),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        }
        .insert(&tx)
        .await
        .map_err(|e| StoreError::unique(e, "participant_id", "course-error-enrolled-twice"))?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "course_enrolment",
            Some(e.id),
            &["course_id", "participant_id", "status"],
        )
        .await?;
        Ok(e.id)
    }

    /// An enrolment with its course, the actor allowed `action` on `resource`.
    async fn enrolment_checked(
        &self,
        actor: &Actor,
        course_id: i32,
        enrolment_id: i32,
        action: Action,
        resource: Resource,
    ) -> Result<(course::Model, course_enrolment::Model)> {
        let (c, _) = self
            .course_checked(actor, course_id, action, resource)
            .await?;
        let e = course_enrolment::Entity::find_by_id(enrolment_id)
            .one(&self.db)
            .await?
            .filter(|e| e.course_id == course_id)
            .ok_or(StoreError::NotFound)?;
        Ok((c, e))
    }

    /// Move an enrolment (as read at `version`) to `status`; taking a place back after a
    /// withdrawal needs a free place.
    pub async fn course_enrolment_status(
        &self,
        actor: &Actor,
        course_id: i32,
        enrolment_id: i32,
        version: i32,
        status: EnrolmentStatus,
    ) -> Result<()> {
        let (c, e) = self
            .enrolment_checked(
                actor,
                course_id,
                enrolment_id,
                Action::Update,
                Resource::Course,
            )
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        if !e.status.get().takes_place()
            && status.takes_place()
            && enrolments_taking_place(&tx, course_id).await? >= c.capacity
        {
            return Err(invalid("status", "course-error-full"));
        }
        let update = course_enrolment::Entity::update_many()
            .col_expr(
                course_enrolment::Column::Status,
                Expr::value(status.as_str()),
            )
            .col_expr(
                course_enrolment::Column::UpdatedAt,
                Expr::value(crate::now()),
            );
        crate::update_versioned(&tx, update, enrolment_id, version, StoreError::Db).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "course_enrolment",
            Some(enrolment_id),
            &["status"],
        )
        .await
    }

    /// A session with its attendance grid (the enrolments that are not withdrawn).
    pub async fn course_session_sheet(
        &self,
        actor: &Actor,
        course_id: i32,
        session_id: i32,
    ) -> Result<SessionSheet> {
        let (c, rels) = self
            .course_checked(actor, course_id, Action::Read, Resource::CourseProgress)
            .await?;
        let s = course_session::Entity::find_by_id(session_id)
            .one(&self.db)
            .await?
            .filter(|s| s.course_id == course_id)
            .ok_or(StoreError::NotFound)?;
        let marks: HashMap<i32, AttendanceMark> = course_attendance::Entity::find()
            .filter(course_attendance::Column::SessionId.eq(session_id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|a| (a.enrolment_id, a.mark.get()))
            .collect();
        let rows = self
            .enrolments_of(course_id)
            .await?
            .into_iter()
            .filter(|e| e.status.takes_place() || marks.contains_key(&e.id))
            .map(|e| AttendanceRow {
                enrolment_id: e.id,
                participant_name: e.participant_name,
                mark: marks.get(&e.id).copied(),
            })
            .collect();
        Ok(SessionSheet {
            course_id,
            course_name: c.name,
            session: session_of(s),
            rows,
            may_record: decide_any(actor, Action::Create, Resource::CourseProgress, &rels)
                .allowed(),
        })
    }

    /// Record attendance at a session: one mark per enrolment (a mark sent again replaces the
    /// earlier one). Only the course's teachers and the programme's coordinators.
    pub async fn course_attendance_record(
        &self,
        actor: &Actor,
        course_id: i32,
        session_id: i32,
        marks: &[(i32, AttendanceMark)],
    ) -> Result<()> {
        self.course_checked(actor, course_id, Action::Create, Resource::CourseProgress)
            .await?;
        course_session::Entity::find_by_id(session_id)
            .one(&self.db)
            .await?
            .filter(|s| s.course_id == course_id)
            .ok_or(StoreError::NotFound)?;
        let enrolled: Vec<i32> = course_enrolment::Entity::find()
            .filter(course_enrolment::Column::CourseId.eq(course_id))
            .filter(course_enrolment::Column::Status.ne(EnrolmentStatus::Withdrawn.as_str()))
            .select_only()
            .column(course_enrolment::Column::Id)
            .into_tuple()
            .all(&self.db)
            .await?;
        if marks.iter().any(|(e, _)| !enrolled.contains(e)) {
            return Err(invalid("attendance", "course-error-not-enrolled"));
        }
        let tx = crate::begin_write(&self.db).await?;
        let now = crate::now();
        for (enrolment_id, mark) in marks {
            let existing = course_attendance::Entity::find()
                .filter(course_attendance::Column::SessionId.eq(session_id))
                .filter(course_attendance::Column::EnrolmentId.eq(*enrolment_id))
                .one(&tx)
                .await?;
            match existing {
                Some(a) => {
                    course_attendance::Entity::update_many()
                        .col_expr(course_attendance::Column::Mark, Expr::value(mark.as_str()))
                        .col_expr(
                            course_attendance::Column::RecordedBy,
                            Expr::value(actor.user_id),
                        )
                        .col_expr(course_attendance::Column::RecordedAt, Expr::value(now))
                        .filter(course_attendance::Column::Id.eq(a.id))
                        .exec(&tx)
                        .await?;
                }
                None => {
                    course_attendance::ActiveModel {
                        session_id: Set(session_id),
                        enrolment_id: Set(*enrolment_id),
                        mark: Set((*mark).into()),
                        recorded_by: Set(actor.user_id),
                        recorded_at: Set(now),
                        ..Default::default()
                    }
                    .insert(&tx)
                    .await?;
                }
            }
        }
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "course_attendance",
            Some(session_id),
            &["mark"],
        )
        .await
    }

    /// Add a progress note to an enrolment (the course's teacher, or a coordinator).
    pub async fn course_note_add(
        &self,
        actor: &Actor,
        course_id: i32,
        enrolment_id: i32,
        input: &ProgressNoteInput,
    ) -> Result<i32> {
        self.enrolment_checked(
            actor,
            course_id,
            enrolment_id,
            Action::Create,
            Resource::CourseProgress,
        )
        .await?;
        let tx = crate::begin_write(&self.db).await?;
        let n = course_progress_note::ActiveModel {
            enrolment_id: Set(enrolment_id),
            note_date: Set(input.date),
            text: Set(input.text.clone()),
            author_id: Set(actor.user_id),
            author: Set(actor.name.clone()),
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
            "course_progress_note",
            Some(n.id),
            &["enrolment_id", "note_date", "text"],
        )
        .await?;
        tx.commit().await?;
        Ok(n.id)
    }

    /// A participant's course sessions from `from` to `to` (inclusive), earliest first, for
    /// the week views: the participant herself, her supervisor, her coordinator. Withdrawn
    /// enrolments are not on the schedule.
    pub async fn course_sessions_for_participant(
        &self,
        actor: &Actor,
        participant_id: i32,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<ScheduledSession>> {
        let courses = self
            .participant_courses(actor, participant_id, Action::Read)
            .await?;
        let ids: Vec<i32> = courses
            .iter()
            .filter(|(_, e)| e.status.get().takes_place())
            .map(|(c, _)| c.id)
            .collect();
        let by_id: HashMap<i32, &course::Model> = courses.iter().map(|(c, _)| (c.id, c)).collect();
        Ok(course_session::Entity::find()
            .filter(course_session::Column::CourseId.is_in(ids))
            .filter(course_session::Column::Date.gte(from))
            .filter(course_session::Column::Date.lte(to))
            .order_by_asc(course_session::Column::Date)
            .order_by_asc(course_session::Column::StartTime)
            .all(&self.db)
            .await?
            .into_iter()
            .filter_map(|s| {
                let c = by_id.get(&s.course_id)?;
                Some(ScheduledSession {
                    session_id: s.id,
                    course_id: c.id,
                    date: s.date,
                    start_time: s.start_time,
                    end_time: s.end_time,
                    course_name: c.name.clone(),
                    kind: c.kind.get(),
                    location: c.location.clone(),
                    topic: s.topic,
                })
            })
            .collect())
    }

    /// A participant's enrolments, for the participant's page.
    pub async fn enrolments_for_participant(
        &self,
        actor: &Actor,
        participant_id: i32,
    ) -> Result<Vec<ParticipantEnrolment>> {
        Ok(self
            .participant_courses(actor, participant_id, Action::List)
            .await?
            .into_iter()
            .map(|(c, e)| ParticipantEnrolment {
                enrolment_id: e.id,
                course_id: c.id,
                course_name: c.name,
                kind: c.kind.get(),
                start_date: c.start_date,
                end_date: c.end_date,
                status: e.status.get(),
            })
            .collect())
    }

    /// A participant's courses with her enrolment in each, if the actor may see the courses
    /// through the participant (her own, her supervisor's interns', a coordinator's).
    async fn participant_courses(
        &self,
        actor: &Actor,
        participant_id: i32,
        action: Action,
    ) -> Result<Vec<(course::Model, course_enrolment::Model)>> {
        if !actor.may(action, Resource::Course) {
            return Err(StoreError::Forbidden);
        }
        let p = participant::Entity::find_by_id(participant_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let rels = self.participant_relations(actor, &p).await?;
        if !decide_any(actor, action, Resource::Course, &rels).allowed() {
            return Err(StoreError::NotFound);
        }
        let enrolments = course_enrolment::Entity::find()
            .filter(course_enrolment::Column::ParticipantId.eq(participant_id))
            .all(&self.db)
            .await?;
        let ids: Vec<i32> = enrolments.iter().map(|e| e.course_id).collect();
        let mut courses: HashMap<i32, course::Model> = course::Entity::find()
            .filter(course::Column::Id.is_in(ids))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        let mut out: Vec<(course::Model, course_enrolment::Model)> = enrolments
            .into_iter()
            .filter_map(|e| Some((courses.remove(&e.course_id)?, e)))
            .collect();
        out.sort_by_key(|(c, _)| (c.start_date, c.id));
        Ok(out)
    }
}

/// The participants in an internship with one of the actor's supervisor records.
fn interns_of(actor: &Actor) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(internship::Column::ParticipantId)
        .from(internship::Entity)
        .and_where(internship::Column::SupervisorId.is_in(actor.supervisor_ids.clone()))
        .to_owned()
}

/// Places taken in a course.
async fn enrolments_taking_place(db: &impl ConnectionTrait, course_id: i32) -> Result<i32> {
    let n = course_enrolment::Entity::find()
        .filter(course_enrolment::Column::CourseId.eq(course_id))
        .filter(course_enrolment::Column::Status.ne(EnrolmentStatus::Withdrawn.as_str()))
        .count(db)
        .await?;
    Ok(i32::try_from(n).unwrap_or(i32::MAX))
}
