//! A programme's project data and sub-goals: read with its dashboard, kept by its programme
//! manager (a stale version of the project data is a conflict).

use brygga_domain::indicator::Indicator;
use brygga_domain::policy::{Action, Resource};
use brygga_domain::project::{GoalInput, ProjectInput};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::Serialize;

use crate::audit::AuditAction;
use crate::entities::{programme_goal, programme_project};
use crate::{Actor, Result, Store, StoreError};

/// The project data as saved (empty, version 0, until the manager saves it).
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct Project {
    pub data: ProjectInput,
    pub goals: Vec<Goal>,
    pub updated_by_name: String,
    pub updated_at: Option<DateTime<Utc>>,
    pub version: i32,
}

/// A sub-goal: what it says, the indicator that measures it, its target.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Goal {
    pub id: i32,
    pub text: String,
    #[schema(value_type = String)]
    pub indicator: Indicator,
    pub target: i64,
}

impl Store {
    /// The programme's project data and goals, for those who read its dashboard.
    pub async fn project(&self, actor: &Actor, programme_id: i32) -> Result<Project> {
        self.programme_checked(actor, programme_id, Action::Read, Resource::Indicators)
            .await?;
        let goals = programme_goal::Entity::find()
            .filter(programme_goal::Column::ProgrammeId.eq(programme_id))
            .order_by_asc(programme_goal::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .filter_map(|g| {
                Some(Goal {
                    id: g.id,
                    indicator: Indicator::parse(&g.indicator).ok()?,
                    text: g.text,
                    target: g.target,
                })
            })
            .collect();
        Ok(
            match programme_project::Entity::find_by_id(programme_id)
                .one(&self.db)
                .await?
            {
                Some(m) => Project {
                    data: ProjectInput {
                        project_number: m.project_number,
                        period_start: m.period_start,
                        period_end: m.period_end,
                        budget: m.budget,
                        co_financing: m.co_financing,
                        planned_women: m.planned_women,
                        planned_men: m.planned_men,
                        overall_goal: m.overall_goal,
                    },
                    goals,
                    updated_by_name: m.updated_by_name,
                    updated_at: Some(m.updated_at),
                    version: m.version,
                },
                None => Project {
                    goals,
                    ..Project::default()
                },
            },
        )
    }

    /// Save the project data as last read (`version`, 0 before it was ever saved).
    pub async fn project_set(
        &self,
        actor: &Actor,
        programme_id: i32,
        version: i32,
        p: &ProjectInput,
    ) -> Result<()> {
        self.programme_checked(actor, programme_id, Action::Update, Resource::Indicators)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        let now = crate::now();
        let existing = programme_project::Entity::find_by_id(programme_id)
            .one(&tx)
            .await?;
        match existing {
            None if version == 0 => {
                programme_project::ActiveModel {
                    programme_id: Set(programme_id),
                    project_number: Set(p.project_number.clone()),
                    period_start: Set(p.period_start),
                    period_end: Set(p.period_end),
                    budget: Set(p.budget),
                    co_financing: Set(p.co_financing),
                    planned_women: Set(p.planned_women),
                    planned_men: Set(p.planned_men),
                    overall_goal: Set(p.overall_goal.clone()),
                    updated_by_name: Set(actor.name.clone()),
                    updated_at: Set(now),
                    version: Set(1),
                }
                .insert(&tx)
                .await?;
            }
            Some(_) => {
                let update = programme_project::Entity::update_many()
                    .col_expr(
                        programme_project::Column::ProjectNumber,
                        Expr::value(p.project_number.clone()),
                    )
                    .col_expr(
                        programme_project::Column::PeriodStart,
                        Expr::value(p.period_start),
                    )
                    .col_expr(
                        programme_project::Column::PeriodEnd,
                        Expr::value(p.period_end),
                    )
                    .col_expr(programme_project::Column::Budget, Expr::value(p.budget))
                    .col_expr(
                        programme_project::Column::CoFinancing,
                        Expr::value(p.co_financing),
                    )
                    .col_expr(
                        programme_project::Column::PlannedWomen,
                        Expr::value(p.planned_women),
                    )
                    .col_expr(
                        programme_project::Column::PlannedMen,
                        Expr::value(p.planned_men),
                    )
                    .col_expr(
                        programme_project::Column::OverallGoal,
                        Expr::value(p.overall_goal.clone()),
                    )
                    .col_expr(
                        programme_project::Column::UpdatedByName,
                        Expr::value(actor.name.clone()),
                    )
                    .col_expr(programme_project::Column::UpdatedAt, Expr::value(now));
                crate::update_versioned(&tx, update, programme_id, version, StoreError::from)
                    .await?;
            }
            _ => return Err(StoreError::Conflict),
        }
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "programme_project",
            Some(programme_id),
            &[
                "project_number",
                "period_start",
                "period_end",
                "budget",
                "co_financing",
                "planned_women",
                "planned_men",
                "overall_goal",
            ],
        )
        .await
    }

    /// Add a sub-goal to the programme.
    pub async fn goal_add(&self, actor: &Actor, programme_id: i32, g: &GoalInput) -> Result<i32> {
        self.programme_checked(actor, programme_id, Action::Update, Resource::Indicators)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        let m = programme_goal::ActiveModel {
            programme_id: Set(programme_id),
            text: Set(g.text.clone()),
            indicator: Set(g.indicator.as_str().to_string()),
            target: Set(g.target),
            created_by_name: Set(actor.name.clone()),
            created_at: Set(crate::now()),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "programme_goal",
            Some(m.id),
            &["text", "indicator", "target"],
        )
        .await?;
        Ok(m.id)
    }

    /// Remove a sub-goal; returns its programme.
    pub async fn goal_remove(&self, actor: &Actor, goal_id: i32) -> Result<i32> {
        let g = programme_goal::Entity::find_by_id(goal_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        self.programme_checked(actor, g.programme_id, Action::Update, Resource::Indicators)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        programme_goal::Entity::delete_by_id(goal_id)
            .exec(&tx)
            .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Delete,
            "programme_goal",
            Some(goal_id),
            &[],
        )
        .await?;
        Ok(g.programme_id)
    }
}
