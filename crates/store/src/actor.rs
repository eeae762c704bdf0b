//! Who is asking: a user with a role and the scope that role covers, loaded once per request.

use std::collections::BTreeSet;

use brygga_domain::model::Role;
use brygga_domain::policy::{Action, Decision, Relation, Resource, decide};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::entities::{membership, organisation, participant, supervisor, user};
use crate::{Result, Store, StoreError};

/// Who is asking. Made only by authentication (`Store::actor`, a session or an API token, which
/// load the user's role and scope from the database) or, explicitly, as the system itself
/// (`Actor::system_for`); no other crate can put together an actor with chosen fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// `None` for the system itself (CLI, demo loader, background jobs).
    pub(crate) user_id: Option<i32>,
    pub(crate) name: String,
    pub(crate) email: String,
    pub(crate) role: Role,
    /// The organisations the user is a member of, and every organisation below them.
    pub(crate) org_scope: BTreeSet<i32>,
    pub(crate) employer_id: Option<i32>,
    pub(crate) supervisor_ids: Vec<i32>,
    pub(crate) participant_id: Option<i32>,
}

impl Actor {
    /// The system acting on its own, with every right: the CLI's administration commands, the
    /// demo loader and background jobs. `purpose` says which (it is not recorded; the audit log
    /// names the actor "system", as it always has). Never use it for a request a user made.
    pub fn system_for(purpose: &'static str) -> Actor {
        let _ = purpose;
        Actor::system()
    }

    pub(crate) fn system() -> Actor {
        Actor {
            user_id: None,
            name: "system".into(),
            email: String::new(),
            role: Role::Admin,
            org_scope: BTreeSet::new(),
            employer_id: None,
            supervisor_ids: vec![],
            participant_id: None,
        }
    }

    /// The user behind the actor; `None` for the system.
    pub fn user_id(&self) -> Option<i32> {
        self.user_id
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn email(&self) -> &str {
        &self.email
    }

    pub fn role(&self) -> Role {
        self.role
    }

    /// The employer an employer contact works for.
    pub fn employer_id(&self) -> Option<i32> {
        self.employer_id
    }

    /// The participant record of a participant's own account.
    pub fn participant_id(&self) -> Option<i32> {
        self.participant_id
    }

    /// The supervisor records linked to the user.
    pub fn supervisor_ids(&self) -> &[i32] {
        &self.supervisor_ids
    }

    /// The organisations the user is a member of, and every organisation below them.
    pub fn org_scope(&self) -> &BTreeSet<i32> {
        &self.org_scope
    }

    /// Whether `org_id` is one of the actor's organisations or below one of them.
    pub fn in_org_scope(&self, org_id: i32) -> bool {
        self.org_scope.contains(&org_id)
    }

    pub fn label(&self) -> String {
        match self.user_id {
            Some(id) => format!("{} <{}> #{id}", self.name, self.email),
            None => self.name.clone(),
        }
    }

    /// Whether the actor's role may do `action` on some `resource` at all.
    pub fn may(&self, action: Action, resource: Resource) -> bool {
        brygga_domain::policy::may_ever(self.role, action, resource)
    }

    pub fn can(&self, action: Action, resource: Resource, relation: Relation) -> bool {
        decide(self.role, action, resource, relation).allowed()
    }
}

/// The decision over every relation a record has to the actor: allowed if any allows.
pub(crate) fn decide_any(
    actor: &Actor,
    action: Action,
    resource: Resource,
    rels: &[Relation],
) -> Decision {
    let mut worst = decide(actor.role, action, resource, Relation::Unrelated);
    for r in rels {
        match decide(actor.role, action, resource, *r) {
            Decision::Allow => return Decision::Allow,
            Decision::Forbidden => worst = Decision::Forbidden,
            Decision::Hidden => {}
        }
    }
    worst
}

pub(crate) fn enforce(d: Decision) -> Result<()> {
    match d {
        Decision::Allow => Ok(()),
        Decision::Forbidden => Err(StoreError::Forbidden),
        Decision::Hidden => Err(StoreError::NotFound),
    }
}

impl Store {
    /// Load a user as an actor; `None` if the user does not exist or is deactivated.
    pub async fn actor(&self, user_id: i32) -> Result<Option<Actor>> {
        let Some(u) = user::Entity::find_by_id(user_id).one(&self.db).await? else {
            return Ok(None);
        };
        if !u.active {
            return Ok(None);
        }
        let role = u.role.get();
        let direct: Vec<i32> = membership::Entity::find()
            .filter(membership::Column::UserId.eq(user_id))
            .select_only()
            .column(membership::Column::OrgId)
            .into_tuple()
            .all(&self.db)
            .await?;
        let org_scope = self.org_subtree(&direct).await?;
        let supervisors: Vec<(i32, i32)> = supervisor::Entity::find()
            .filter(supervisor::Column::UserId.eq(user_id))
            .select_only()
            .column(supervisor::Column::Id)
            .column(supervisor::Column::EmployerId)
            .into_tuple()
            .all(&self.db)
            .await?;
        let supervisor_ids: Vec<i32> = supervisors.iter().map(|s| s.0).collect();
        // A supervisor's employer is the one her supervisor record belongs to.
        let employer_id = u.employer_id.or_else(|| {
            (role == Role::Supervisor)
                .then(|| supervisors.first().map(|s| s.1))
                .flatten()
        });
        let participant_id: Option<i32> = participant::Entity::find()
            .filter(participant::Column::UserId.eq(user_id))
            .select_only()
            .column(participant::Column::Id)
            .into_tuple()
            .one(&self.db)
            .await?;
        Ok(Some(Actor {
            user_id: Some(u.id),
            name: u.name,
            email: u.email,
            role,
            org_scope,
            employer_id,
            supervisor_ids,
            participant_id,
        }))
    }

    /// The given organisations and all their descendants.
    pub(crate) async fn org_subtree(&self, roots: &[i32]) -> Result<BTreeSet<i32>> {
        let mut all: BTreeSet<i32> = roots.iter().copied().collect();
        let mut frontier: Vec<i32> = roots.to_vec();
        // The tree is four levels deep; the bound guards against a cycle in bad data.
        for _ in 0..8 {
            if frontier.is_empty() {
                break;
            }
            let children: Vec<i32> = organisation::Entity::find()
                .filter(organisation::Column::ParentId.is_in(frontier.clone()))
                .select_only()
                .column(organisation::Column::Id)
                .into_tuple()
                .all(&self.db)
                .await?;
            frontier = children.into_iter().filter(|c| all.insert(*c)).collect();
        }
        Ok(all)
    }
}
