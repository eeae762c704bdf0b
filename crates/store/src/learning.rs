//! Learning at the workplace, per internship: the checklist (criteria drawn from the placement's
//! kravprofil and the programme's template, adapted by the coordinator, ticked by the
//! supervisor with the history kept), the participant's progress log (entries with an optional
//! photo, comments), the assessments (the supervisor's, signed and then locked: a change is a new
//! revision; the participant's own) and the development plan's steps.
//!
//! Who sees what follows the internship's relations to the actor (policy resources
//! `Checklist`, `ProgressLog`, `Assessment`, `DevelopmentPlan`): the coordinating organisation in
//! scope, the supervisor named on it, the participant herself, and the employer's contact while
//! the participant shares with employers (and, in the progress log, only the entries she shared).
//! Out of scope it is 404: each of these says something about one participant.

use std::collections::HashMap;

use brygga_domain::learning::{
    AssessmentKind, Assessor, CriterionInput, CriterionSource, CriterionStatus, GenericCriterion,
    LogEntryInput, Rated, Rating, Standing, StepInput, StepOwner, TickInput, assessment_open,
    criteria_from_requirements,
};
use brygga_domain::model::Role;
use brygga_domain::policy::{Action, Relation, Resource};
use brygga_domain::{FieldError, FieldErrors};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::Serialize;

use crate::actor::{decide_any, enforce};
use crate::audit::{AuditAction, record};
use crate::entities::{
    assessment, criterion_tick, development_step, internship, learning_criterion, organisation,
    participant, placement, progress_comment, progress_entry,
};
use crate::files::{FileStore, Upload};
use crate::{Actor, Result, Store, StoreError};

/// Within this many minutes, a tick or comment that repeats the actor's last one is a resend.
const RESEND_MINUTES: i64 = 10;

/// The owner kind of a progress-log entry's photo.
pub const OWNER_PROGRESS_ENTRY: &str = "progress_entry";

fn invalid(field: &str, key: &'static str) -> StoreError {
    StoreError::Invalid(FieldErrors(vec![FieldError::new(field, key)]))
}

/// What every learning page shows of its internship.
#[derive(Debug, Clone, Serialize)]
pub struct InternshipHead {
    pub id: i32,
    pub participant_id: i32,
    pub participant_name: String,
    pub placement_title: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub ended_on: Option<NaiveDate>,
}

/// An internship loaded for a learning action, with its relations to the actor.
struct Loaded {
    m: internship::Model,
    p: participant::Model,
    pl: placement::Model,
    rels: Vec<Relation>,
}

impl Loaded {
    fn head(&self) -> InternshipHead {
        InternshipHead {
            id: self.m.id,
            participant_id: self.p.id,
            participant_name: format!("{} {}", self.p.first_name, self.p.last_name),
            placement_title: self.pl.title.clone(),
            start_date: self.m.start_date,
            end_date: self.m.end_date,
            ended_on: self.m.ended_on,
        }
    }

    fn may(&self, actor: &Actor, action: Action, resource: Resource) -> bool {
        decide_any(actor, action, resource, &self.rels).allowed()
    }

    /// The employer's contact sees only what the participant shared.
    fn employer_only(&self, actor: &Actor) -> bool {
        actor.role == Role::EmployerContact
    }

    fn last_day(&self) -> NaiveDate {
        self.m.ended_on.unwrap_or(self.m.end_date)
    }
}

/// A criterion on the checklist with where the intern stands and its history (newest first).
#[derive(Debug, Clone, Serialize)]
pub struct CriterionView {
    pub id: i32,
    pub goal: String,
    pub text: String,
    pub source: CriterionSource,
    pub version: i32,
    pub status: Option<CriterionStatus>,
    pub ticks: Vec<TickView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TickView {
    pub status: CriterionStatus,
    pub on: NaiveDate,
    pub comment: String,
    pub by_name: String,
    pub at: DateTime<Utc>,
}

/// An intern's checklist and what the actor may do with it.
#[derive(Debug, Clone, Serialize)]
pub struct Checklist {
    pub internship: InternshipHead,
    pub criteria: Vec<CriterionView>,
    pub may_edit: bool,
    pub may_tick: bool,
}

impl Checklist {
    /// The criteria grouped by goal, in order of the goal's first criterion.
    pub fn goals(&self) -> Vec<(String, Vec<&CriterionView>)> {
        let mut out: Vec<(String, Vec<&CriterionView>)> = vec![];
        for c in &self.criteria {
            match out.iter_mut().find(|(g, _)| *g == c.goal) {
                Some((_, list)) => list.push(c),
                None => out.push((c.goal.clone(), vec![c])),
            }
        }
        out
    }
}

/// A progress-log entry with its comments (oldest first).
#[derive(Debug, Clone, Serialize)]
pub struct EntryView {
    pub id: i32,
    pub did: String,
    pub learned: String,
    pub words: String,
    pub shared: bool,
    pub photo_file_id: Option<i32>,
    pub by_name: String,
    pub at: DateTime<Utc>,
    pub comments: Vec<CommentView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CommentView {
    pub id: i32,
    pub text: String,
    pub by_name: String,
    pub by_role: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProgressLog {
    pub internship: InternshipHead,
    /// Newest first.
    pub entries: Vec<EntryView>,
    pub may_write: bool,
    pub may_comment: bool,
}

/// One assessment (its current revision) with the earlier revisions' who and when.
#[derive(Debug, Clone, Serialize)]
pub struct AssessmentView {
    pub id: i32,
    pub kind: AssessmentKind,
    pub assessor: Assessor,
    pub revision: i32,
    pub version: i32,
    pub ratings: Vec<Rating>,
    pub signed_at: Option<DateTime<Utc>>,
    pub signed_by_name: Option<String>,
    pub updated_by_name: String,
    pub updated_at: DateTime<Utc>,
    pub earlier: Vec<RevisionView>,
}

impl AssessmentView {
    pub fn rating(&self, r: &Rated) -> Option<&Rating> {
        self.ratings.iter().find(|x| x.rated == *r)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RevisionView {
    pub revision: i32,
    pub signed_at: Option<DateTime<Utc>>,
    pub signed_by_name: Option<String>,
    pub updated_by_name: String,
    pub updated_at: DateTime<Utc>,
}

/// What an assessment rates, with its label: the criteria (their goal and text) and the four
/// generic ones (whose label is a translation key).
#[derive(Debug, Clone, Serialize)]
pub struct RatedItem {
    pub rated: Rated,
    pub goal: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Assessments {
    pub internship: InternshipHead,
    pub rated: Vec<RatedItem>,
    pub items: Vec<AssessmentView>,
    /// As whom the actor assesses here, if at all.
    pub assesses_as: Option<Assessor>,
    /// Whether assessments may be made or changed today (the internship's period and grace).
    pub open: bool,
}

impl Assessments {
    pub fn get(&self, kind: AssessmentKind, assessor: Assessor) -> Option<&AssessmentView> {
        self.items
            .iter()
            .find(|a| a.kind == kind && a.assessor == assessor)
    }
}

/// A step of the development plan.
#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    pub id: i32,
    pub text: String,
    pub owner: StepOwner,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
    pub done_by_name: Option<String>,
    pub version: i32,
    /// Whether the actor may mark it done (or not done).
    pub may_mark: bool,
}

/// Where the participant stands on one criterion of her (latest) internship.
#[derive(Debug, Clone, Serialize)]
pub struct PlanCriterion {
    pub goal: String,
    pub text: String,
    pub standing: Standing,
}

#[derive(Debug, Clone, Serialize)]
pub struct DevelopmentPlan {
    pub participant_id: i32,
    pub participant_name: String,
    /// The internship the standings are read from (the live one, else the latest).
    pub internship: Option<InternshipHead>,
    pub criteria: Vec<PlanCriterion>,
    /// Open steps by due date, then done ones.
    pub steps: Vec<StepView>,
    pub may_edit: bool,
}

impl DevelopmentPlan {
    /// The first open step: "what do I need to do to reach the next step".
    pub fn next_step(&self) -> Option<&StepView> {
        self.steps.iter().find(|s| s.done_on.is_none())
    }

    pub fn count(&self, s: Standing) -> usize {
        self.criteria.iter().filter(|c| c.standing == s).count()
    }
}

/// A live internship whose checklist nobody has touched for a while.
#[derive(Debug, Clone)]
pub struct StaleChecklist {
    pub internship_id: i32,
    pub participant_name: String,
    pub touched_at: DateTime<Utc>,
}

fn generic_rated() -> impl Iterator<Item = Rated> {
    GenericCriterion::ALL.iter().map(|g| Rated::Generic(*g))
}

impl Store {
    /// Load an internship the actor may do `action` on in `resource`.
    async fn learning_checked(
        &self,
        actor: &Actor,
        internship_id: i32,
        resource: Resource,
        action: Action,
    ) -> Result<Loaded> {
        let m = internship::Entity::find_by_id(internship_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let (p, pl) = self.internship_parts(&m).await?;
        let rels = self.internship_relations(actor, &m, &p, &pl).await?;
        enforce(decide_any(actor, action, resource, &rels))?;
        Ok(Loaded { m, p, pl, rels })
    }

    async fn audited_read(&self, actor: &Actor, resource: &str, id: i32) -> Result<()> {
        let tx = crate::begin_write(&self.db).await?;
        self.commit_audited(tx, actor, AuditAction::Read, resource, Some(id), &[])
            .await
    }

    // -------------------------------------------------------------- checklist

    /// The internship's checklist (criteria not removed, in order) with each one's ticks.
    pub async fn checklist(&self, actor: &Actor, internship_id: i32) -> Result<Checklist> {
        let l = self
            .learning_checked(actor, internship_id, Resource::Checklist, Action::Read)
            .await?;
        let criteria = self.criterion_views(internship_id).await?;
        self.audited_read(actor, "checklist", internship_id).await?;
        Ok(Checklist {
            internship: l.head(),
            criteria,
            may_edit: l.may(actor, Action::Create, Resource::Checklist),
            // Ticks are taken from the start to the grace period after the end.
            may_tick: l.may(actor, Action::Update, Resource::Checklist)
                && assessment_open(
                    l.m.start_date,
                    l.last_day(),
                    brygga_domain::calendar::today(),
                )
                .is_ok(),
        })
    }

    /// The internship's criteria (not removed, in order), each with its ticks, newest first.
    async fn criterion_views(&self, internship_id: i32) -> Result<Vec<CriterionView>> {
        let criteria = self.criteria_of(&self.db, internship_id).await?;
        let ids: Vec<i32> = criteria.iter().map(|c| c.id).collect();
        let mut by_criterion: HashMap<i32, Vec<TickView>> = HashMap::new();
        for t in criterion_tick::Entity::find()
            .filter(criterion_tick::Column::CriterionId.is_in(ids))
            .order_by_desc(criterion_tick::Column::CreatedAt)
            .order_by_desc(criterion_tick::Column::Id)
            .all(&self.db)
            .await?
        {
            let Ok(status) = CriterionStatus::parse(&t.status) else {
                continue;
            };
            by_criterion
                .entry(t.criterion_id)
                .or_default()
                .push(TickView {
                    status,
                    on: t.on_date,
                    comment: t.comment,
                    by_name: t.by_name,
                    at: t.created_at,
                });
        }
        Ok(criteria
            .into_iter()
            .map(|c| {
                let ticks = by_criterion.remove(&c.id).unwrap_or_default();
                CriterionView {
                    id: c.id,
                    goal: c.goal,
                    text: c.text,
                    source: CriterionSource::parse(&c.source).unwrap_or(CriterionSource::Own),
                    version: c.version,
                    status: ticks.first().map(|t| t.status),
                    ticks,
                }
            })
            .collect())
    }

    async fn criteria_of(
        &self,
        db: &impl ConnectionTrait,
        internship_id: i32,
    ) -> Result<Vec<learning_criterion::Model>> {
        Ok(learning_criterion::Entity::find()
            .filter(learning_criterion::Column::InternshipId.eq(internship_id))
            .filter(learning_criterion::Column::RemovedAt.is_null())
            .order_by_asc(learning_criterion::Column::Position)
            .order_by_asc(learning_criterion::Column::Id)
            .all(db)
            .await?)
    }

    /// Add criteria from the placement's kravprofil (its tasks, a criterion a line, and its
    /// required skills) and the programme's template, leaving out any the checklist already has.
    /// Returns how many were added.
    pub async fn checklist_draw(
        &self,
        actor: &Actor,
        internship_id: i32,
        task_goal: &str,
        skill_goal: &str,
    ) -> Result<usize> {
        let l = self
            .learning_checked(actor, internship_id, Resource::Checklist, Action::Create)
            .await?;
        let skills: Vec<String> = crate::from_json(&l.pl.required_skills);
        let mut wanted: Vec<(CriterionSource, String, String)> =
            criteria_from_requirements(&l.pl.tasks, &skills)
                .into_iter()
                .map(|(src, text)| {
                    let goal = if src == CriterionSource::Task {
                        task_goal
                    } else {
                        skill_goal
                    };
                    (src, goal.to_string(), text)
                })
                .collect();
        if let Some(t) = self.checklist_template_of(l.p.programme_id).await? {
            for (goal, text) in t {
                wanted.push((CriterionSource::Template, goal, text));
            }
        }
        let tx = crate::begin_write(&self.db).await?;
        let existing = self.criteria_of(&tx, internship_id).await?;
        let mut position = existing.iter().map(|c| c.position).max().unwrap_or(0);
        let mut added = 0;
        for (source, goal, text) in wanted {
            if existing
                .iter()
                .any(|c| c.text.to_lowercase() == text.to_lowercase())
            {
                continue;
            }
            position += 1;
            insert_criterion(&tx, actor, internship_id, &goal, &text, source, position).await?;
            added += 1;
        }
        if added == 0 {
            return Ok(0);
        }
        record(
            &tx,
            self.secret(),
            actor,
            AuditAction::Create,
            "checklist",
            Some(internship_id),
            &["criteria"],
        )
        .await?;
        tx.commit().await?;
        Ok(added)
    }

    /// The coordinator adds a criterion of her own (adapting the checklist to the person).
    pub async fn criterion_add(
        &self,
        actor: &Actor,
        internship_id: i32,
        i: &CriterionInput,
    ) -> Result<i32> {
        self.learning_checked(actor, internship_id, Resource::Checklist, Action::Create)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        let position = self
            .criteria_of(&tx, internship_id)
            .await?
            .iter()
            .map(|c| c.position)
            .max()
            .unwrap_or(0)
            + 1;
        let id = insert_criterion(
            &tx,
            actor,
            internship_id,
            &i.goal,
            &i.text,
            CriterionSource::Own,
            position,
        )
        .await?;
        record(
            &tx,
            self.secret(),
            actor,
            AuditAction::Create,
            "learning_criterion",
            Some(id),
            &["goal", "text"],
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A criterion of this internship that the actor may do `action` on (a criterion of another
    /// intern is refused by name, not confused with this one).
    async fn criterion_checked(
        &self,
        actor: &Actor,
        internship_id: i32,
        criterion_id: i32,
        action: Action,
    ) -> Result<(Loaded, learning_criterion::Model)> {
        let l = self
            .learning_checked(actor, internship_id, Resource::Checklist, action)
            .await?;
        let c = learning_criterion::Entity::find_by_id(criterion_id)
            .one(&self.db)
            .await?
            .filter(|c| c.removed_at.is_none())
            .ok_or_else(|| invalid(FieldError::FORM, "learning-error-criterion-gone"))?;
        if c.internship_id != internship_id {
            return Err(invalid(FieldError::FORM, "learning-error-other-intern"));
        }
        Ok((l, c))
    }

    /// Change a criterion's goal and text (as read at `version`), or remove it (`None`): a
    /// removed criterion keeps its history but leaves the checklist.
    pub async fn criterion_update(
        &self,
        actor: &Actor,
        internship_id: i32,
        criterion_id: i32,
        version: i32,
        change: Option<&CriterionInput>,
    ) -> Result<()> {
        let action = if change.is_some() {
            Action::Create
        } else {
            Action::Delete
        };
        self.criterion_checked(actor, internship_id, criterion_id, action)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        let now = crate::now();
        let mut q = learning_criterion::Entity::update_many()
            .col_expr(learning_criterion::Column::UpdatedAt, Expr::value(now));
        let fields: &[&str] = match change {
            Some(i) => {
                q = q
                    .col_expr(
                        learning_criterion::Column::Goal,
                        Expr::value(i.goal.clone()),
                    )
                    .col_expr(
                        learning_criterion::Column::Text,
                        Expr::value(i.text.clone()),
                    );
                &["goal", "text"]
            }
            None => {
                q = q.col_expr(learning_criterion::Column::RemovedAt, Expr::value(now));
                &["removed_at"]
            }
        };
        crate::update_versioned(&tx, q, criterion_id, version, StoreError::Db).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "learning_criterion",
            Some(criterion_id),
            fields,
        )
        .await
    }

    /// The supervisor ticks a criterion: a new row in its history, never a change of an old one.
    /// Ticks are taken from the internship's start to a grace period after its end.
    pub async fn criterion_tick(
        &self,
        actor: &Actor,
        internship_id: i32,
        criterion_id: i32,
        i: &TickInput,
        today: NaiveDate,
    ) -> Result<i32> {
        let (l, c) = self
            .criterion_checked(actor, internship_id, criterion_id, Action::Update)
            .await?;
        assessment_open(l.m.start_date, l.last_day(), today)
            .map_err(|e| StoreError::Invalid(FieldErrors(vec![e])))?;
        if i.on < l.m.start_date {
            return Err(invalid("on", "learning-error-before-start"));
        }
        let tx = crate::begin_write(&self.db).await?;
        // The same tick sent twice (a double tap, a resend) is kept once.
        let last = criterion_tick::Entity::find()
            .filter(criterion_tick::Column::CriterionId.eq(c.id))
            .order_by_desc(criterion_tick::Column::Id)
            .one(&tx)
            .await?;
        if let Some(last) = last.filter(|t| {
            t.by_user == actor.user_id
                && t.status == i.status.as_str()
                && t.on_date == i.on
                && t.comment == i.comment
                && crate::now() - t.created_at < chrono::Duration::minutes(RESEND_MINUTES)
        }) {
            return Ok(last.id);
        }
        let t = criterion_tick::ActiveModel {
            criterion_id: Set(c.id),
            internship_id: Set(internship_id),
            status: Set(i.status.as_str().to_string()),
            on_date: Set(i.on),
            comment: Set(i.comment.clone()),
            by_user: Set(actor.user_id),
            by_name: Set(actor.name.clone()),
            created_at: Set(crate::now()),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        record(
            &tx,
            self.secret(),
            actor,
            AuditAction::Create,
            "criterion_tick",
            Some(t.id),
            &["criterion_id", "status", "on_date", "comment"],
        )
        .await?;
        tx.commit().await?;
        Ok(t.id)
    }

    /// The checklists of running internships that the actor follows (as coordinator in scope,
    /// or as their supervisor) and nobody has touched for `STALE_DAYS` at `now`. Internships
    /// with no checklist yet, not started or past their grace period are left out.
    pub async fn checklists_stale(
        &self,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Vec<StaleChecklist>> {
        let before = now - chrono::Duration::days(brygga_domain::learning::STALE_DAYS);
        if !actor.may(Action::List, Resource::Checklist)
            || !matches!(
                actor.role,
                Role::Coordinator | Role::Supervisor | Role::Admin | Role::ProgrammeManager
            )
        {
            return Ok(vec![]);
        }
        let mut q = internship::Entity::find().filter(internship::Column::EndedOn.is_null());
        if actor.role == Role::Supervisor {
            if actor.supervisor_ids.is_empty() {
                return Ok(vec![]);
            }
            q = q.filter(internship::Column::SupervisorId.is_in(actor.supervisor_ids.clone()));
        } else if actor.role != Role::Admin {
            let scope = Self::participant_scope(actor)?;
            q = q.filter(
                internship::Column::ParticipantId.in_subquery(
                    sea_orm::sea_query::Query::select()
                        .column(participant::Column::Id)
                        .from(participant::Entity)
                        .cond_where(scope)
                        .to_owned(),
                ),
            );
        }
        let today = brygga_domain::calendar::date_at(now);
        // Not started, or past the grace period: nothing to tick, no reminder.
        let running: Vec<internship::Model> = q
            .order_by_asc(internship::Column::StartDate)
            .all(&self.db)
            .await?
            .into_iter()
            .filter(|m| assessment_open(m.start_date, m.end_date, today).is_ok())
            .collect();
        if running.is_empty() {
            return Ok(vec![]);
        }
        // When each checklist was last changed or ticked: a few queries for all of them (this
        // runs on every to-do list).
        let ids: Vec<i32> = running.iter().map(|m| m.id).collect();
        let mut touched: HashMap<i32, DateTime<Utc>> = HashMap::new();
        let mut touch = |id: i32, at: DateTime<Utc>| {
            let t = touched.entry(id).or_insert(at);
            *t = Ord::max(*t, at);
        };
        for c in learning_criterion::Entity::find()
            .filter(learning_criterion::Column::InternshipId.is_in(ids.clone()))
            .all(&self.db)
            .await?
        {
            touch(c.internship_id, c.updated_at);
        }
        let last_ticks: Vec<Option<i32>> = criterion_tick::Entity::find()
            .filter(criterion_tick::Column::InternshipId.is_in(ids.clone()))
            .select_only()
            .column_as(criterion_tick::Column::Id.max(), "id")
            .group_by(criterion_tick::Column::InternshipId)
            .into_tuple()
            .all(&self.db)
            .await?;
        for t in criterion_tick::Entity::find()
            .filter(criterion_tick::Column::Id.is_in(last_ticks.into_iter().flatten()))
            .all(&self.db)
            .await?
        {
            touch(t.internship_id, t.created_at);
        }
        let names: HashMap<i32, String> = participant::Entity::find()
            .filter(participant::Column::Id.is_in(running.iter().map(|m| m.participant_id)))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|p| (p.id, format!("{} {}", p.first_name, p.last_name)))
            .collect();
        // No checklist yet: nothing to tick (the coordinator's page offers to draw one).
        let out = running
            .into_iter()
            .filter_map(|m| {
                let at = *touched.get(&m.id)?;
                (at < before).then(|| StaleChecklist {
                    internship_id: m.id,
                    participant_name: names.get(&m.participant_id).cloned().unwrap_or_default(),
                    touched_at: at,
                })
            })
            .collect();
        Ok(out)
    }

    /// A programme's checklist template, "goal: criterion" pairs.
    async fn checklist_template_of(
        &self,
        programme_id: i32,
    ) -> Result<Option<Vec<(String, String)>>> {
        let o = organisation::Entity::find_by_id(programme_id)
            .one(&self.db)
            .await?;
        Ok(o.and_then(|o| o.checklist_template).map(|t| {
            brygga_domain::learning::parse_template("checklist_template", &t).unwrap_or_default()
        }))
    }

    /// A programme's checklist template as typed (admins keep it, beside the process map).
    pub async fn checklist_template(&self, actor: &Actor, programme_id: i32) -> Result<String> {
        if !actor.may(Action::Update, Resource::ProcessMap) {
            return Err(StoreError::Forbidden);
        }
        Ok(organisation::Entity::find_by_id(programme_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?
            .checklist_template
            .unwrap_or_default())
    }

    /// Keep a programme's checklist template (already checked by `parse_template`).
    pub async fn checklist_template_set(
        &self,
        actor: &Actor,
        programme_id: i32,
        text: &str,
    ) -> Result<()> {
        self.checklist_template(actor, programme_id).await?;
        let tx = crate::begin_write(&self.db).await?;
        organisation::Entity::update_many()
            .col_expr(
                organisation::Column::ChecklistTemplate,
                Expr::value(Some(text.to_string()).filter(|t| !t.trim().is_empty())),
            )
            .filter(organisation::Column::Id.eq(programme_id))
            .exec(&tx)
            .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "organisation",
            Some(programme_id),
            &["checklist_template"],
        )
        .await
    }

    // -------------------------------------------------------------- progress log

    /// The internship's progress log, newest first; the employer's contact sees only what the
    /// participant shared.
    pub async fn progress_log(&self, actor: &Actor, internship_id: i32) -> Result<ProgressLog> {
        let l = self
            .learning_checked(actor, internship_id, Resource::ProgressLog, Action::Read)
            .await?;
        let mut q = progress_entry::Entity::find()
            .filter(progress_entry::Column::InternshipId.eq(internship_id));
        if l.employer_only(actor) {
            q = q.filter(progress_entry::Column::Shared.eq(true));
        }
        let entries = q
            .order_by_desc(progress_entry::Column::CreatedAt)
            .order_by_desc(progress_entry::Column::Id)
            .all(&self.db)
            .await?;
        let ids: Vec<i32> = entries.iter().map(|e| e.id).collect();
        let mut comments: HashMap<i32, Vec<CommentView>> = HashMap::new();
        for c in progress_comment::Entity::find()
            .filter(progress_comment::Column::EntryId.is_in(ids))
            .order_by_asc(progress_comment::Column::CreatedAt)
            .order_by_asc(progress_comment::Column::Id)
            .all(&self.db)
            .await?
        {
            comments.entry(c.entry_id).or_default().push(CommentView {
                id: c.id,
                text: c.text,
                by_name: c.author_name,
                by_role: c.author_role,
                at: c.created_at,
            });
        }
        let entries = entries
            .into_iter()
            .map(|e| EntryView {
                comments: comments.remove(&e.id).unwrap_or_default(),
                id: e.id,
                did: e.did,
                learned: e.learned,
                words: e.words,
                shared: e.shared,
                photo_file_id: e.photo_file_id,
                by_name: e.created_by_name,
                at: e.created_at,
            })
            .collect();
        self.audited_read(actor, "progress_log", internship_id)
            .await?;
        Ok(ProgressLog {
            internship: l.head(),
            entries,
            may_write: l.rels.contains(&Relation::OwnRecord)
                && l.may(actor, Action::Create, Resource::ProgressLog),
            may_comment: l.may(actor, Action::Create, Resource::ProgressLog)
                && !l.employer_only(actor),
        })
    }

    /// The participant writes an entry (with an optional photo, already cleaned of its metadata
    /// by the caller). Only her own internship's log.
    pub async fn progress_entry_add(
        &self,
        actor: &Actor,
        internship_id: i32,
        i: &LogEntryInput,
        photo: Option<(&FileStore, &Upload)>,
    ) -> Result<i32> {
        let l = self
            .learning_checked(actor, internship_id, Resource::ProgressLog, Action::Create)
            .await?;
        if !l.rels.contains(&Relation::OwnRecord) {
            return Err(StoreError::Forbidden);
        }
        let tx = crate::begin_write(&self.db).await?;
        let e = progress_entry::ActiveModel {
            internship_id: Set(internship_id),
            did: Set(i.did.clone()),
            learned: Set(i.learned.clone()),
            words: Set(i.words.clone()),
            shared: Set(i.share),
            photo_file_id: Set(None),
            created_by: Set(actor.user_id),
            created_by_name: Set(actor.name.clone()),
            created_at: Set(crate::now()),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        if let Some((files, photo)) = photo {
            let f = crate::files::save(
                &tx,
                self.secret(),
                files,
                actor,
                OWNER_PROGRESS_ENTRY,
                e.id,
                "photo",
                photo,
            )
            .await?;
            progress_entry::Entity::update_many()
                .col_expr(progress_entry::Column::PhotoFileId, Expr::value(f.id))
                .filter(progress_entry::Column::Id.eq(e.id))
                .exec(&tx)
                .await?;
        }
        record(
            &tx,
            self.secret(),
            actor,
            AuditAction::Create,
            "progress_entry",
            Some(e.id),
            &["did", "learned", "words", "shared", "photo"],
        )
        .await?;
        tx.commit().await?;
        Ok(e.id)
    }

    /// The entry's internship, if the actor may `action` its log (and, for the employer's
    /// contact, only a shared entry).
    async fn entry_checked(
        &self,
        actor: &Actor,
        entry_id: i32,
        action: Action,
    ) -> Result<(Loaded, progress_entry::Model)> {
        let e = progress_entry::Entity::find_by_id(entry_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let l = self
            .learning_checked(actor, e.internship_id, Resource::ProgressLog, action)
            .await?;
        if l.employer_only(actor) && !e.shared {
            return Err(StoreError::NotFound);
        }
        Ok((l, e))
    }

    /// Whether the actor may read the entry a photo belongs to.
    pub(crate) async fn progress_entry_readable(&self, actor: &Actor, entry_id: i32) -> Result<()> {
        self.entry_checked(actor, entry_id, Action::Read)
            .await
            .map(|_| ())
    }

    /// A comment on an entry (the supervisor's, the coordinator's, or the participant's reply).
    pub async fn progress_comment_add(
        &self,
        actor: &Actor,
        internship_id: i32,
        entry_id: i32,
        text: &str,
    ) -> Result<i32> {
        let (l, e) = self.entry_checked(actor, entry_id, Action::Create).await?;
        // An entry of another internship is not this log's.
        if e.internship_id != internship_id {
            return Err(StoreError::NotFound);
        }
        if l.employer_only(actor) {
            return Err(StoreError::Forbidden);
        }
        let tx = crate::begin_write(&self.db).await?;
        // The same comment sent twice is kept once.
        let last = progress_comment::Entity::find()
            .filter(progress_comment::Column::EntryId.eq(e.id))
            .order_by_desc(progress_comment::Column::Id)
            .one(&tx)
            .await?;
        if let Some(last) = last.filter(|c| {
            c.author_user == actor.user_id
                && c.text == text
                && crate::now() - c.created_at < chrono::Duration::minutes(RESEND_MINUTES)
        }) {
            return Ok(last.id);
        }
        let c = progress_comment::ActiveModel {
            entry_id: Set(e.id),
            text: Set(text.to_string()),
            author_user: Set(actor.user_id),
            author_name: Set(actor.name.clone()),
            author_role: Set(actor.role.as_str().to_string()),
            created_at: Set(crate::now()),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        record(
            &tx,
            self.secret(),
            actor,
            AuditAction::Create,
            "progress_comment",
            Some(c.id),
            &["entry_id", "text"],
        )
        .await?;
        tx.commit().await?;
        Ok(c.id)
    }

    // -------------------------------------------------------------- assessments

    /// What the internship's assessments rate: its criteria, then the four generic ones.
    async fn rated_of(&self, internship_id: i32) -> Result<Vec<RatedItem>> {
        let mut out: Vec<RatedItem> = self
            .criteria_of(&self.db, internship_id)
            .await?
            .into_iter()
            .map(|c| RatedItem {
                rated: Rated::Criterion(c.id),
                goal: c.goal,
                text: c.text,
            })
            .collect();
        out.extend(generic_rated().map(|r| RatedItem {
            rated: r,
            goal: String::new(),
            text: String::new(),
        }));
        Ok(out)
    }

    /// As whom the actor assesses on this internship: the supervisor named on it, or the
    /// participant herself.
    fn assesses_as(actor: &Actor, l: &Loaded) -> Option<Assessor> {
        if !l.may(actor, Action::Create, Resource::Assessment) {
            return None;
        }
        match actor.role {
            Role::Supervisor if l.rels.contains(&Relation::Supervised) => {
                Some(Assessor::Supervisor)
            }
            Role::Participant if l.rels.contains(&Relation::OwnRecord) => {
                Some(Assessor::Participant)
            }
            _ => None,
        }
    }

    /// The internship's assessments, side by side: the current revision of each kind and
    /// assessor, with the earlier revisions' who and when.
    pub async fn assessments(
        &self,
        actor: &Actor,
        internship_id: i32,
        today: NaiveDate,
    ) -> Result<Assessments> {
        let l = self
            .learning_checked(actor, internship_id, Resource::Assessment, Action::Read)
            .await?;
        let rows = assessment::Entity::find()
            .filter(assessment::Column::InternshipId.eq(internship_id))
            .order_by_desc(assessment::Column::Revision)
            .all(&self.db)
            .await?;
        let items = assessment_views(rows);
        self.audited_read(actor, "assessment", internship_id)
            .await?;
        Ok(Assessments {
            rated: self.rated_of(internship_id).await?,
            assesses_as: Self::assesses_as(actor, &l),
            open: assessment_open(l.m.start_date, l.last_day(), today).is_ok(),
            internship: l.head(),
            items,
        })
    }

    /// The current revision of one assessment, inside `db`.
    async fn assessment_current(
        db: &impl ConnectionTrait,
        internship_id: i32,
        kind: AssessmentKind,
        assessor: Assessor,
    ) -> Result<Option<assessment::Model>> {
        Ok(assessment::Entity::find()
            .filter(assessment::Column::InternshipId.eq(internship_id))
            .filter(assessment::Column::Kind.eq(kind.as_str()))
            .filter(assessment::Column::Assessor.eq(assessor.as_str()))
            .order_by_desc(assessment::Column::Revision)
            .one(db)
            .await?)
    }

    /// The loaded internship and as whom the actor assesses, if the window is open.
    async fn assessment_checked(
        &self,
        actor: &Actor,
        internship_id: i32,
        today: NaiveDate,
    ) -> Result<(Loaded, Assessor)> {
        let l = self
            .learning_checked(actor, internship_id, Resource::Assessment, Action::Create)
            .await?;
        let assessor = Self::assesses_as(actor, &l).ok_or(StoreError::Forbidden)?;
        assessment_open(l.m.start_date, l.last_day(), today)
            .map_err(|e| StoreError::Invalid(FieldErrors(vec![e])))?;
        Ok((l, assessor))
    }

    /// What the assessment rates now, for the domain's check of a draft.
    pub async fn assessment_rated(&self, actor: &Actor, internship_id: i32) -> Result<Vec<Rated>> {
        self.learning_checked(actor, internship_id, Resource::Assessment, Action::Read)
            .await?;
        Ok(self
            .rated_of(internship_id)
            .await?
            .into_iter()
            .map(|r| r.rated)
            .collect())
    }

    /// Save the actor's assessment of `kind` (checked ratings) as read at `version` (`0`: none
    /// existed). A signed one is not changed: its change is a new revision (`assessment_revise`).
    pub async fn assessment_save(
        &self,
        actor: &Actor,
        internship_id: i32,
        kind: AssessmentKind,
        version: i32,
        ratings: &[Rating],
        today: NaiveDate,
    ) -> Result<i32> {
        let (_, assessor) = self.assessment_checked(actor, internship_id, today).await?;
        let tx = crate::begin_write(&self.db).await?;
        let now = crate::now();
        let current = Self::assessment_current(&tx, internship_id, kind, assessor).await?;
        let id = match current {
            None if version == 0 => {
                insert_revision(
                    &tx,
                    actor,
                    internship_id,
                    (kind.as_str(), assessor.as_str()),
                    1,
                    crate::to_json(&ratings),
                )
                .await?
            }
            None => return Err(StoreError::Conflict),
            Some(a) if a.signed_at.is_some() => {
                return Err(invalid(FieldError::FORM, "learning-error-signed"));
            }
            Some(a) => {
                let q = assessment::Entity::update_many()
                    .col_expr(
                        assessment::Column::Ratings,
                        Expr::value(crate::to_json(&ratings)),
                    )
                    .col_expr(assessment::Column::UpdatedBy, Expr::value(actor.user_id))
                    .col_expr(
                        assessment::Column::UpdatedByName,
                        Expr::value(actor.name.clone()),
                    )
                    .col_expr(assessment::Column::UpdatedAt, Expr::value(now))
                    .filter(assessment::Column::SignedAt.is_null());
                crate::update_versioned(&tx, q, a.id, version, StoreError::Db).await?;
                a.id
            }
        };
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "assessment",
            Some(id),
            &["ratings"],
        )
        .await?;
        Ok(id)
    }

    /// The supervisor signs her assessment as read at `version`; from then on it is locked.
    /// `complete` checks that every rating is there (the domain's rule, given the stored
    /// ratings).
    pub async fn assessment_sign(
        &self,
        actor: &Actor,
        internship_id: i32,
        kind: AssessmentKind,
        version: i32,
        today: NaiveDate,
        complete: impl FnOnce(&[Rating]) -> std::result::Result<(), FieldErrors>,
    ) -> Result<()> {
        let (_, assessor) = self.assessment_checked(actor, internship_id, today).await?;
        if assessor != Assessor::Supervisor {
            return Err(StoreError::Forbidden);
        }
        let tx = crate::begin_write(&self.db).await?;
        let a = Self::assessment_current(&tx, internship_id, kind, assessor)
            .await?
            .ok_or_else(|| invalid(FieldError::FORM, "learning-error-nothing-to-sign"))?;
        if a.signed_at.is_some() {
            return Err(invalid(FieldError::FORM, "learning-error-signed"));
        }
        // A stale read is a conflict before anything is said about what is missing.
        if a.version != version {
            return Err(StoreError::Conflict);
        }
        let ratings: Vec<Rating> = crate::from_json(&a.ratings);
        complete(&ratings).map_err(StoreError::Invalid)?;
        let q = assessment::Entity::update_many()
            .col_expr(assessment::Column::SignedAt, Expr::value(crate::now()))
            .col_expr(assessment::Column::SignedBy, Expr::value(actor.user_id))
            .col_expr(
                assessment::Column::SignedByName,
                Expr::value(Some(actor.name.clone())),
            );
        crate::update_versioned(&tx, q, a.id, version, StoreError::Db).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "assessment",
            Some(a.id),
            &["signed_at"],
        )
        .await
    }

    /// A change to a signed assessment: a new revision with the same ratings, unsigned, which
    /// the supervisor edits and signs again. The signed one stays as it was.
    pub async fn assessment_revise(
        &self,
        actor: &Actor,
        internship_id: i32,
        kind: AssessmentKind,
        today: NaiveDate,
    ) -> Result<i32> {
        let (_, assessor) = self.assessment_checked(actor, internship_id, today).await?;
        let tx = crate::begin_write(&self.db).await?;
        let a = Self::assessment_current(&tx, internship_id, kind, assessor)
            .await?
            .ok_or_else(|| invalid(FieldError::FORM, "learning-error-nothing-to-sign"))?;
        if a.signed_at.is_none() {
            // Already a revision in progress: nothing to make (a second click lands here too).
            return Ok(a.id);
        }
        let n = insert_revision(
            &tx,
            actor,
            internship_id,
            (&a.kind, &a.assessor),
            a.revision + 1,
            a.ratings.clone(),
        )
        .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "assessment",
            Some(n),
            &["revision"],
        )
        .await?;
        Ok(n)
    }

    /// The newest signed end assessment of the supervisor, if any, with the revisions before it
    /// (the certificate's source).
    pub async fn assessment_signed_end(
        &self,
        actor: &Actor,
        internship_id: i32,
    ) -> Result<Option<AssessmentView>> {
        self.learning_checked(actor, internship_id, Resource::Assessment, Action::Read)
            .await?;
        let rows: Vec<assessment::Model> = assessment::Entity::find()
            .filter(assessment::Column::InternshipId.eq(internship_id))
            .filter(assessment::Column::Kind.eq(AssessmentKind::End.as_str()))
            .filter(assessment::Column::Assessor.eq(Assessor::Supervisor.as_str()))
            .order_by_desc(assessment::Column::Revision)
            .all(&self.db)
            .await?
            .into_iter()
            .skip_while(|a| a.signed_at.is_none())
            .collect();
        self.audited_read(actor, "assessment", internship_id)
            .await?;
        Ok(assessment_views(rows).pop())
    }

    // -------------------------------------------------------------- development plan

    async fn plan_checked(
        &self,
        actor: &Actor,
        participant_id: i32,
        action: Action,
    ) -> Result<(participant::Model, Vec<Relation>)> {
        let p = participant::Entity::find_by_id(participant_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let rels: Vec<Relation> = self
            .participant_relations(actor, &p)
            .await?
            .into_iter()
            .filter(|r| {
                matches!(
                    r,
                    Relation::InOrgScope | Relation::OwnRecord | Relation::Supervised
                )
            })
            .collect();
        enforce(decide_any(actor, action, Resource::DevelopmentPlan, &rels))?;
        Ok((p, rels))
    }

    /// The participant's development plan: her (live, else latest) internship's criteria with
    /// where she stands on each, and the steps.
    pub async fn development_plan(
        &self,
        actor: &Actor,
        participant_id: i32,
    ) -> Result<DevelopmentPlan> {
        let (p, rels) = self
            .plan_checked(actor, participant_id, Action::Read)
            .await?;
        let latest = internship::Entity::find()
            .filter(internship::Column::ParticipantId.eq(participant_id))
            .order_by_desc(internship::Column::StartDate)
            .order_by_desc(internship::Column::Id)
            .all(&self.db)
            .await?;
        let latest = latest
            .iter()
            .find(|m| m.ended_on.is_none())
            .or(latest.first())
            .cloned();
        let mut criteria = vec![];
        let mut head = None;
        if let Some(m) = latest {
            let pl = placement::Entity::find_by_id(m.placement_id)
                .one(&self.db)
                .await?
                .ok_or(StoreError::NotFound)?;
            let levels = self.assessed_levels(m.id).await?;
            for c in self.criterion_views(m.id).await? {
                criteria.push(PlanCriterion {
                    standing: Standing::of(c.status, levels.get(&Rated::Criterion(c.id)).copied()),
                    goal: c.goal,
                    text: c.text,
                });
            }
            head = Some(InternshipHead {
                id: m.id,
                participant_id: p.id,
                participant_name: format!("{} {}", p.first_name, p.last_name),
                placement_title: pl.title,
                start_date: m.start_date,
                end_date: m.end_date,
                ended_on: m.ended_on,
            });
        }
        let may_edit = decide_any(actor, Action::Update, Resource::DevelopmentPlan, &rels)
            .allowed()
            && actor.role != Role::Participant;
        let own = rels.contains(&Relation::OwnRecord)
            && decide_any(actor, Action::Update, Resource::DevelopmentPlan, &rels).allowed();
        let mut steps: Vec<StepView> = development_step::Entity::find()
            .filter(development_step::Column::ParticipantId.eq(participant_id))
            .order_by_asc(development_step::Column::DueOn)
            .order_by_asc(development_step::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .filter_map(|s| {
                let owner = StepOwner::parse(&s.owner).ok()?;
                Some(StepView {
                    may_mark: may_edit || (own && owner == StepOwner::Participant),
                    id: s.id,
                    text: s.text,
                    owner,
                    due_on: s.due_on,
                    done_on: s.done_on,
                    done_by_name: s.done_by_name,
                    version: s.version,
                })
            })
            .collect();
        steps.sort_by_key(|s| s.done_on.is_some());
        self.audited_read(actor, "development_plan", participant_id)
            .await?;
        Ok(DevelopmentPlan {
            participant_id,
            participant_name: format!("{} {}", p.first_name, p.last_name),
            internship: head,
            criteria,
            steps,
            may_edit,
        })
    }

    /// The levels of the supervisor's newest assessment (signed or not, end before mid).
    async fn assessed_levels(&self, internship_id: i32) -> Result<HashMap<Rated, i32>> {
        let rows = assessment::Entity::find()
            .filter(assessment::Column::InternshipId.eq(internship_id))
            .filter(assessment::Column::Assessor.eq(Assessor::Supervisor.as_str()))
            .order_by_desc(assessment::Column::UpdatedAt)
            .all(&self.db)
            .await?;
        let best = rows
            .iter()
            .find(|a| a.kind == AssessmentKind::End.as_str())
            .or(rows.first());
        Ok(best
            .map(|a| {
                crate::from_json::<Vec<Rating>>(&a.ratings)
                    .into_iter()
                    .filter_map(|r| r.level.map(|l| (r.rated, l)))
                    .collect()
            })
            .unwrap_or_default())
    }

    /// The coordinator adds a step to the participant's plan.
    pub async fn step_add(&self, actor: &Actor, participant_id: i32, i: &StepInput) -> Result<i32> {
        self.plan_checked(actor, participant_id, Action::Create)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        let now = crate::now();
        let s = development_step::ActiveModel {
            participant_id: Set(participant_id),
            text: Set(i.text.clone()),
            owner: Set(i.owner.as_str().to_string()),
            due_on: Set(i.due_on),
            done_on: Set(None),
            done_by_name: Set(None),
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
            self.secret(),
            actor,
            AuditAction::Create,
            "development_step",
            Some(s.id),
            &["text", "owner", "due_on"],
        )
        .await?;
        tx.commit().await?;
        Ok(s.id)
    }

    /// Mark a step done on `on` (or not done, `None`) as read at `version`: the coordinator any
    /// step, the participant her own.
    pub async fn step_mark(
        &self,
        actor: &Actor,
        participant_id: i32,
        step_id: i32,
        version: i32,
        on: Option<NaiveDate>,
    ) -> Result<()> {
        let (_, rels) = self
            .plan_checked(actor, participant_id, Action::Update)
            .await?;
        let s = self.step_of(participant_id, step_id).await?;
        if actor.role == Role::Participant
            && (!rels.contains(&Relation::OwnRecord) || s.owner != StepOwner::Participant.as_str())
        {
            return Err(invalid(FieldError::FORM, "learning-error-not-your-step"));
        }
        let tx = crate::begin_write(&self.db).await?;
        let q = development_step::Entity::update_many()
            .col_expr(development_step::Column::DoneOn, Expr::value(on))
            .col_expr(
                development_step::Column::DoneByName,
                Expr::value(on.map(|_| actor.name.clone())),
            )
            .col_expr(
                development_step::Column::UpdatedAt,
                Expr::value(crate::now()),
            );
        crate::update_versioned(&tx, q, step_id, version, StoreError::Db).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "development_step",
            Some(step_id),
            &["done_on"],
        )
        .await
    }

    /// A step of this participant's plan (another's is not found).
    async fn step_of(&self, participant_id: i32, step_id: i32) -> Result<development_step::Model> {
        development_step::Entity::find_by_id(step_id)
            .one(&self.db)
            .await?
            .filter(|s| s.participant_id == participant_id)
            .ok_or(StoreError::NotFound)
    }

    /// The coordinator changes a step (as read at `version`): its words, owner or date.
    pub async fn step_update(
        &self,
        actor: &Actor,
        participant_id: i32,
        step_id: i32,
        version: i32,
        i: &StepInput,
    ) -> Result<()> {
        self.plan_checked(actor, participant_id, Action::Create)
            .await?;
        self.step_of(participant_id, step_id).await?;
        let tx = crate::begin_write(&self.db).await?;
        let q = development_step::Entity::update_many()
            .col_expr(development_step::Column::Text, Expr::value(i.text.clone()))
            .col_expr(
                development_step::Column::Owner,
                Expr::value(i.owner.as_str()),
            )
            .col_expr(development_step::Column::DueOn, Expr::value(i.due_on))
            .col_expr(
                development_step::Column::UpdatedAt,
                Expr::value(crate::now()),
            );
        crate::update_versioned(&tx, q, step_id, version, StoreError::Db).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "development_step",
            Some(step_id),
            &["text", "owner", "due_on"],
        )
        .await
    }

    /// The coordinator removes a step written by mistake.
    pub async fn step_remove(
        &self,
        actor: &Actor,
        participant_id: i32,
        step_id: i32,
    ) -> Result<()> {
        self.plan_checked(actor, participant_id, Action::Delete)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        let gone = development_step::Entity::delete_many()
            .filter(development_step::Column::Id.eq(step_id))
            .filter(development_step::Column::ParticipantId.eq(participant_id))
            .exec(&tx)
            .await?
            .rows_affected;
        if gone == 0 {
            return Err(StoreError::NotFound);
        }
        self.commit_audited(
            tx,
            actor,
            AuditAction::Delete,
            "development_step",
            Some(step_id),
            &[],
        )
        .await
    }
}

async fn insert_criterion(
    tx: &impl ConnectionTrait,
    actor: &Actor,
    internship_id: i32,
    goal: &str,
    text: &str,
    source: CriterionSource,
    position: i32,
) -> Result<i32> {
    let now = crate::now();
    let c = learning_criterion::ActiveModel {
        internship_id: Set(internship_id),
        goal: Set(goal.chars().take(brygga_domain::text::NAME_MAX).collect()),
        text: Set(text.to_string()),
        source: Set(source.as_str().to_string()),
        position: Set(position),
        removed_at: Set(None),
        created_by: Set(actor.user_id),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    Ok(c.id)
}

/// A new revision of an assessment, unsigned, by the actor. Two saves racing for the same
/// revision meet the unique index: the later one is a conflict.
async fn insert_revision(
    tx: &impl ConnectionTrait,
    actor: &Actor,
    internship_id: i32,
    (kind, assessor): (&str, &str),
    revision: i32,
    ratings: String,
) -> Result<i32> {
    let now = crate::now();
    let a = assessment::ActiveModel {
        internship_id: Set(internship_id),
        kind: Set(kind.to_string()),
        assessor: Set(assessor.to_string()),
        revision: Set(revision),
        ratings: Set(ratings),
        signed_at: Set(None),
        signed_by: Set(None),
        signed_by_name: Set(None),
        updated_by: Set(actor.user_id),
        updated_by_name: Set(actor.name.clone()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    }
    .insert(tx)
    .await
    .map_err(
        |e| match StoreError::unique(e, FieldError::FORM, "error-conflict") {
            StoreError::Invalid(_) => StoreError::Conflict,
            other => other,
        },
    )?;
    Ok(a.id)
}

/// Assessment rows, newest revision first, as one view per kind and assessor: its newest
/// revision, with the earlier ones' who and when.
fn assessment_views(rows: Vec<assessment::Model>) -> Vec<AssessmentView> {
    let mut items: Vec<AssessmentView> = vec![];
    for a in rows {
        let (Ok(kind), Ok(assessor)) =
            (AssessmentKind::parse(&a.kind), Assessor::parse(&a.assessor))
        else {
            continue;
        };
        match items
            .iter_mut()
            .find(|x| x.kind == kind && x.assessor == assessor)
        {
            Some(current) => current.earlier.push(RevisionView {
                revision: a.revision,
                signed_at: a.signed_at,
                signed_by_name: a.signed_by_name,
                updated_by_name: a.updated_by_name,
                updated_at: a.updated_at,
            }),
            None => items.push(AssessmentView {
                id: a.id,
                kind,
                assessor,
                revision: a.revision,
                version: a.version,
                ratings: crate::from_json(&a.ratings),
                signed_at: a.signed_at,
                signed_by_name: a.signed_by_name,
                updated_by_name: a.updated_by_name,
                updated_at: a.updated_at,
                earlier: vec![],
            }),
        }
    }
    items
}
