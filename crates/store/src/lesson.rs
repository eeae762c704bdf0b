//! A programme's log of lessons and challenges: kept by the programme's staff in scope, newest
//! first, each entry changed with the version it was read at.

use brygga_domain::lesson::{LessonInput, LessonKind};
use brygga_domain::model::OrgKind;
use brygga_domain::policy::{Action, Resource};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::Serialize;

use crate::audit::AuditAction;
use crate::entities::lesson;
use crate::{Actor, Result, Store, StoreError};

/// An entry of the log.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct LessonView {
    pub id: i32,
    pub programme_id: i32,
    pub programme: String,
    #[schema(value_type = String)]
    pub kind: LessonKind,
    pub noted_on: NaiveDate,
    pub text: String,
    pub action: String,
    pub created_by_name: String,
    pub updated_by_name: String,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

impl Store {
    /// The log of the actor's programmes (or of one), newest first.
    pub async fn lessons(
        &self,
        actor: &Actor,
        programme_id: Option<i32>,
    ) -> Result<Vec<LessonView>> {
        if !actor.may(Action::List, Resource::Lesson) {
            return Err(StoreError::Forbidden);
        }
        let programmes = self.programmes_for(actor).await?;
        let mut ids: Vec<i32> = programmes
            .iter()
            .filter(|p| p.kind == OrgKind::Programme)
            .map(|p| p.id)
            .collect();
        if let Some(one) = programme_id {
            ids.retain(|id| *id == one);
        }
        let rows = lesson::Entity::find()
            .filter(lesson::Column::ProgrammeId.is_in(ids))
            .order_by_desc(lesson::Column::NotedOn)
            .order_by_desc(lesson::Column::Id)
            .all(&self.db)
            .await?;
        let name = |id: i32| {
            programmes
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.name.clone())
                .unwrap_or_default()
        };
        Ok(rows
            .into_iter()
            .map(|m| LessonView {
                id: m.id,
                programme: name(m.programme_id),
                programme_id: m.programme_id,
                kind: LessonKind::parse(&m.kind).unwrap_or(LessonKind::Lesson),
                noted_on: m.noted_on,
                text: m.text,
                action: m.action,
                created_by_name: m.created_by_name,
                updated_by_name: m.updated_by_name,
                updated_at: m.updated_at,
                version: m.version,
            })
            .collect())
    }

    /// Add an entry to a programme's log.
    pub async fn lesson_add(&self, actor: &Actor, i: &LessonInput) -> Result<i32> {
        if !actor.may(Action::Create, Resource::Lesson) {
            return Err(StoreError::Forbidden);
        }
        self.programme_ok(actor, i.programme_id, Action::Create, Resource::Lesson)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        let now = crate::now();
        let m = lesson::ActiveModel {
            programme_id: Set(i.programme_id),
            kind: Set(i.kind.as_str().to_string()),
            noted_on: Set(i.noted_on),
            text: Set(i.text.clone()),
            action: Set(i.action.clone()),
            created_by: Set(actor.user_id),
            created_by_name: Set(actor.name.clone()),
            created_at: Set(now),
            updated_by_name: Set(actor.name.clone()),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "lesson",
            Some(m.id),
            &["kind", "noted_on", "text", "action"],
        )
        .await?;
        Ok(m.id)
    }

    /// Change an entry (its programme stays), at the version read.
    pub async fn lesson_update(
        &self,
        actor: &Actor,
        id: i32,
        i: &LessonInput,
        version: i32,
    ) -> Result<()> {
        if !actor.may(Action::Update, Resource::Lesson) {
            return Err(StoreError::Forbidden);
        }
        let m = lesson::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        if self
            .programme_ok(actor, m.programme_id, Action::Update, Resource::Lesson)
            .await
            .is_err()
        {
            return Err(StoreError::NotFound);
        }
        let tx = crate::begin_write(&self.db).await?;
        let q = lesson::Entity::update_many()
            .col_expr(lesson::Column::Kind, Expr::value(i.kind.as_str()))
            .col_expr(lesson::Column::NotedOn, Expr::value(i.noted_on))
            .col_expr(lesson::Column::Text, Expr::value(i.text.clone()))
            .col_expr(lesson::Column::Action, Expr::value(i.action.clone()))
            .col_expr(
                lesson::Column::UpdatedByName,
                Expr::value(actor.name.clone()),
            )
            .col_expr(lesson::Column::UpdatedAt, Expr::value(crate::now()));
        crate::update_versioned(&tx, q, id, version, StoreError::Db).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "lesson",
            Some(id),
            &["kind", "noted_on", "text", "action"],
        )
        .await
    }
}
