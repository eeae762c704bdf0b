//! The organisation tree: region → municipality → programme → cohort.

use brygga_domain::model::OrgKind;
use brygga_domain::policy::{Action, Relation, Resource};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::audit::AuditAction;
use crate::entities::organisation;
use crate::{Actor, Result, Store, StoreError};
use brygga_domain::{FieldError, FieldErrors};

/// One organisation in the tree.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Organisation {
    pub id: i32,
    pub kind: OrgKind,
    pub name: String,
    pub parent_id: Option<i32>,
    pub municipality_code: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl From<organisation::Model> for Organisation {
    fn from(m: organisation::Model) -> Self {
        Organisation {
            id: m.id,
            kind: m.kind.get(),
            name: m.name,
            parent_id: m.parent_id,
            municipality_code: m.municipality_code,
            created_at: m.created_at,
        }
    }
}

fn records(ms: Vec<organisation::Model>) -> Vec<Organisation> {
    ms.into_iter().map(Organisation::from).collect()
}

impl Store {
    pub async fn org_create(
        &self,
        actor: &Actor,
        kind: OrgKind,
        name: &str,
        parent_id: Option<i32>,
        municipality_code: Option<&str>,
    ) -> Result<i32> {
        if !actor.can(Action::Create, Resource::Organisation, Relation::Unrelated) {
            return Err(StoreError::Forbidden);
        }
        let invalid = |field: &str, key: &'static str| {
            StoreError::Invalid(FieldErrors(vec![FieldError::new(field, key)]))
        };
        let name = brygga_domain::values::parse_required("name", name, 200)
            .map_err(|e| StoreError::Invalid(FieldErrors(vec![e])))?;
        // The parent must be the level above: a region has none, a cohort sits in a programme.
        let parent_kind = match parent_id {
            Some(p) => organisation::Entity::find_by_id(p)
                .one(&self.db)
                .await?
                .map(|o| o.kind.get()),
            None => None,
        };
        if parent_kind != kind.parent_kind() {
            return Err(invalid("parent_id", "error-org-parent"));
        }
        // A municipality is known by its four-digit code (statistics and reports group by it).
        let municipality_code = municipality_code.map(str::trim).filter(|c| !c.is_empty());
        match municipality_code {
            None if kind.has_municipality_code() => {
                return Err(invalid("municipality_code", "error-required"));
            }
            Some(c)
                if kind.has_municipality_code()
                    && !(c.len() == 4 && c.bytes().all(|b| b.is_ascii_digit())) =>
            {
                return Err(invalid("municipality_code", "error-municipality-unknown"));
            }
            _ => {}
        }
        let tx = crate::begin_write(&self.db).await?;
        let m = organisation::ActiveModel {
            kind: Set(kind.into()),
            name: Set(name),
            parent_id: Set(parent_id),
            municipality_code: Set(municipality_code.map(str::to_string)),
            created_at: Set(crate::now()),
            matching_settings: Set(None),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "organisation",
            Some(m.id),
            &["kind", "name", "parent_id"],
        )
        .await?;
        Ok(m.id)
    }

    /// The whole tree, for everyone who may list organisations.
    pub async fn orgs(&self, actor: &Actor) -> Result<Vec<Organisation>> {
        if !actor.can(Action::List, Resource::Organisation, Relation::Unrelated) {
            return Err(StoreError::Forbidden);
        }
        Ok(records(
            organisation::Entity::find()
                .order_by_asc(organisation::Column::Id)
                .all(&self.db)
                .await?,
        ))
    }

    pub async fn org_find(
        &self,
        actor: &Actor,
        kind: OrgKind,
        name: &str,
    ) -> Result<Option<Organisation>> {
        if !actor.can(Action::Read, Resource::Organisation, Relation::Unrelated) {
            return Err(StoreError::Forbidden);
        }
        Ok(organisation::Entity::find()
            .filter(organisation::Column::Kind.eq(kind.as_str()))
            .filter(organisation::Column::Name.eq(name))
            .one(&self.db)
            .await?
            .map(Organisation::from))
    }

    /// Programmes the actor may register participants in (all for admins).
    pub async fn programmes_for(&self, actor: &Actor) -> Result<Vec<Organisation>> {
        let all = organisation::Entity::find()
            .filter(
                organisation::Column::Kind
                    .is_in([OrgKind::Programme.as_str(), OrgKind::Cohort.as_str()]),
            )
            .order_by_asc(organisation::Column::Name)
            .all(&self.db)
            .await?;
        Ok(records(all)
            .into_iter()
            .filter(|o| {
                actor.user_id.is_none()
                    || actor.role == brygga_domain::model::Role::Admin
                    || actor.org_scope.contains(&o.id)
            })
            .collect())
    }

    /// Whether `programme_id` is a programme the actor may do `action` on `resource` in; a
    /// field error on `programme_id` otherwise (a form's choice).
    pub(crate) async fn programme_ok(
        &self,
        actor: &Actor,
        programme_id: i32,
        action: Action,
        resource: Resource,
    ) -> Result<()> {
        let org = organisation::Entity::find_by_id(programme_id)
            .one(&self.db)
            .await?;
        let rel = if actor.in_org_scope(programme_id) {
            Relation::InOrgScope
        } else {
            Relation::Unrelated
        };
        if org.is_none_or(|o| o.kind.get() != OrgKind::Programme)
            || !crate::actor::decide_any(actor, action, resource, &[rel]).allowed()
        {
            return Err(crate::StoreError::Invalid(brygga_domain::FieldErrors(
                vec![brygga_domain::FieldError::new(
                    "programme_id",
                    "error-invalid-choice",
                )],
            )));
        }
        Ok(())
    }
}
