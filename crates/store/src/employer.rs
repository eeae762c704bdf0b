//! Employers with their units (workplaces), contact persons and supervisors.

use brygga_domain::model::{AgreementStatus, Sector, TrainingStatus};
use brygga_domain::policy::{Action, Relation, Resource, list_scope};
use brygga_domain::registry::{
    ContactDraft, EmployerDraft, EmployerInput, SupervisorDraft, UnitDraft,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;

use crate::actor::{decide_any, enforce};
use crate::audit::AuditAction;
use crate::entities::{employer, employer_contact, employer_unit, supervisor};
use crate::{Actor, Page, Result, Store, StoreError};

/// A workplace of an employer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unit {
    pub id: i32,
    pub employer_id: i32,
    pub name: String,
    pub address: String,
    pub municipality_code: String,
}

/// A contact person at an employer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Contact {
    pub id: i32,
    pub employer_id: i32,
    pub name: String,
    pub title: String,
    pub email: String,
    pub phone: String,
}

/// A supervisor (handledare) at an employer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Supervisor {
    pub id: i32,
    pub employer_id: i32,
    pub unit_id: Option<i32>,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub training_status: TrainingStatus,
    /// The supervisor's own login, when they have one.
    pub user_id: Option<i32>,
}

impl From<employer_unit::Model> for Unit {
    fn from(m: employer_unit::Model) -> Self {
        Unit {
            id: m.id,
            employer_id: m.employer_id,
            name: m.name,
            address: m.address,
            municipality_code: m.municipality_code,
        }
    }
}

impl From<employer_contact::Model> for Contact {
    fn from(m: employer_contact::Model) -> Self {
        Contact {
            id: m.id,
            employer_id: m.employer_id,
            name: m.name,
            title: m.title,
            email: m.email,
            phone: m.phone,
        }
    }
}

impl From<supervisor::Model> for Supervisor {
    fn from(m: supervisor::Model) -> Self {
        Supervisor {
            id: m.id,
            employer_id: m.employer_id,
            unit_id: m.unit_id,
            name: m.name,
            email: m.email,
            phone: m.phone,
            training_status: m.training_status.get(),
            user_id: m.user_id,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct EmployerFilter {
    pub q: String,
    pub sector: Option<Sector>,
    pub page: u64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EmployerSummary {
    pub id: i32,
    pub name: String,
    pub org_number: String,
    pub sector: String,
    pub agreement_status: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct EmployerRecord {
    pub id: i32,
    pub version: i32,
    pub name: String,
    pub org_number: String,
    pub sector: Sector,
    pub agreement_status: AgreementStatus,
    pub agreement_date: Option<chrono::NaiveDate>,
    pub notes: String,
    pub units: Vec<Unit>,
    pub contacts: Vec<Contact>,
    pub supervisors: Vec<Supervisor>,
    /// What the actor may do, as the policy decides: edit the employer, and record what needs
    /// approval (the collaboration agreement's status, the supervisors' training).
    pub may_edit: bool,
    pub may_approve: bool,
}

impl EmployerRecord {
    pub fn to_draft(&self) -> EmployerDraft {
        EmployerDraft {
            name: self.name.clone(),
            org_number: self.org_number.clone(),
            sector: self.sector.as_str().into(),
            agreement_status: self.agreement_status.as_str().into(),
            agreement_date: self
                .agreement_date
                .map(|d| d.to_string())
                .unwrap_or_default(),
            notes: self.notes.clone(),
            units: self
                .units
                .iter()
                .map(|u| UnitDraft {
                    id: u.id.to_string(),
                    name: u.name.clone(),
                    address: u.address.clone(),
                    municipality_code: u.municipality_code.clone(),
                })
                .collect(),
            contacts: self
                .contacts
                .iter()
                .map(|c| ContactDraft {
                    id: c.id.to_string(),
                    name: c.name.clone(),
                    title: c.title.clone(),
                    email: c.email.clone(),
                    phone: c.phone.clone(),
                })
                .collect(),
            supervisors: self
                .supervisors
                .iter()
                .map(|s| SupervisorDraft {
                    id: s.id.to_string(),
                    name: s.name.clone(),
                    email: s.email.clone(),
                    phone: s.phone.clone(),
                    training_status: s.training_status.as_str().to_string(),
                })
                .collect(),
        }
    }
}

/// Whether `actor` may read the employer `employer_id` (its page, say).
pub(crate) fn may_read(actor: &Actor, employer_id: i32) -> bool {
    brygga_domain::policy::decide(
        actor.role,
        Action::Read,
        Resource::Employer,
        relation(actor, employer_id),
    )
    .allowed()
}

fn relation(actor: &Actor, employer_id: i32) -> Relation {
    if actor.employer_id == Some(employer_id) {
        Relation::OwnEmployer
    } else {
        Relation::Unrelated
    }
}

fn dup_org(e: sea_orm::DbErr) -> StoreError {
    StoreError::unique(e, "org_number", "error-duplicate-orgnumber")
}

/// Whether an existing row is the one the form (or API) sent: by its id when the row carries
/// one, so a renamed row keeps its identity and links; by name for a client that sends none.
fn same_row(row_id: i32, row_name: &str, id: Option<i32>, name: &str) -> bool {
    let key = |s: &str| s.trim().to_lowercase();
    match id {
        Some(id) => row_id == id,
        None => key(row_name) == key(name),
    }
}

/// Bring an employer's units, contacts and supervisors in line with the input. Rows are matched
/// by name so that an edit keeps the ids other records point at (a supervisor's internships, a
/// placement's unit).
async fn sync_children(
    db: &impl ConnectionTrait,
    employer_id: i32,
    i: &EmployerInput,
) -> Result<()> {
    let units = employer_unit::Entity::find()
        .filter(employer_unit::Column::EmployerId.eq(employer_id))
        .all(db)
        .await?;
    crate::sync_rows(
        db,
        units,
        &i.units,
        |u: &employer_unit::Model, n| same_row(u.id, &u.name, n.id, &n.name),
        || employer_unit::ActiveModel {
            employer_id: Set(employer_id),
            ..Default::default()
        },
        |am, n| {
            am.name = Set(n.name.clone());
            am.address = Set(n.address.clone());
            am.municipality_code = Set(n.municipality_code.clone());
        },
    )
    .await?;
    let contacts = employer_contact::Entity::find()
        .filter(employer_contact::Column::EmployerId.eq(employer_id))
        .all(db)
        .await?;
    crate::sync_rows(
        db,
        contacts,
        &i.contacts,
        |c: &employer_contact::Model, n| same_row(c.id, &c.name, n.id, &n.name),
        || employer_contact::ActiveModel {
            employer_id: Set(employer_id),
            ..Default::default()
        },
        |am, n| {
            am.name = Set(n.name.clone());
            am.title = Set(n.title.clone());
            am.email = Set(n.email.clone());
            am.phone = Set(n.phone.clone());
        },
    )
    .await?;
    let sups = supervisor::Entity::find()
        .filter(supervisor::Column::EmployerId.eq(employer_id))
        .all(db)
        .await?;
    crate::sync_rows(
        db,
        sups,
        &i.supervisors,
        |s: &supervisor::Model, n| same_row(s.id, &s.name, n.id, &n.name),
        || supervisor::ActiveModel {
            employer_id: Set(employer_id),
            unit_id: Set(None),
            user_id: Set(None),
            ..Default::default()
        },
        |am, n| {
            am.name = Set(n.name.clone());
            am.email = Set(n.email.clone());
            am.phone = Set(n.phone.clone());
            am.training_status = Set(n.training_status.into());
        },
    )
    .await
}

/// The input with what only an approver may record (the collaboration agreement's status and
/// date) taken from the record as it stands.
fn keep_approved(i: &EmployerInput, before: &EmployerRecord) -> EmployerInput {
    let mut i = i.clone();
    i.agreement_status = before.agreement_status;
    i.agreement_date = before.agreement_date;
    i
}

/// The input with each supervisor's training status as the record holds it: it follows from
/// attendance at the supervisor trainings (events), never from a form. A new supervisor starts
/// untrained.
fn keep_training(i: &EmployerInput, before: Option<&EmployerRecord>) -> EmployerInput {
    let mut i = i.clone();
    // The same row as the edit keeps it: by id, or by name for a client that sends no ids.
    let key = |s: &str| s.trim().to_lowercase();
    for s in &mut i.supervisors {
        s.training_status = before
            .and_then(|before| {
                before.supervisors.iter().find(|b| match s.id {
                    Some(id) => b.id == id,
                    None => key(&b.name) == key(&s.name),
                })
            })
            .map_or(TrainingStatus::NotStarted, |b| b.training_status);
    }
    i
}

fn apply(m: &mut employer::ActiveModel, i: &EmployerInput) {
    m.name = Set(i.name.clone());
    m.org_number = Set(i.org_number.as_str().to_string());
    m.sector = Set(i.sector.into());
    m.agreement_status = Set(i.agreement_status.into());
    m.agreement_date = Set(i.agreement_date);
    m.notes = Set(i.notes.clone());
    m.search_text = Set(crate::search_text(&[&i.name, i.org_number.as_str()]));
}

impl Store {
    pub async fn employer_list(
        &self,
        actor: &Actor,
        f: &EmployerFilter,
    ) -> Result<Page<EmployerSummary>> {
        self.employer_list_paged(actor, f, crate::PER_PAGE).await
    }

    /// A page of `EXPORT_PER_PAGE` rows of the list, for its export (the same rows and
    /// columns the actor sees on the list, page by page).
    pub async fn employer_list_export(
        &self,
        actor: &Actor,
        f: &EmployerFilter,
    ) -> Result<Page<EmployerSummary>> {
        self.employer_list_paged(actor, f, crate::EXPORT_PER_PAGE)
            .await
    }

    async fn employer_list_paged(
        &self,
        actor: &Actor,
        f: &EmployerFilter,
        per_page: u64,
    ) -> Result<Page<EmployerSummary>> {
        let rels = list_scope(actor.role, Resource::Employer);
        if rels.is_empty() {
            return Err(StoreError::Forbidden);
        }
        let mut q = employer::Entity::find();
        if !rels.contains(&Relation::Unrelated) {
            q = q.filter(
                Condition::all().add(employer::Column::Id.eq(actor.employer_id.unwrap_or(-1))),
            );
        }
        if let Some(found) = crate::search(&f.q, employer::Column::SearchText)? {
            q = q.filter(found);
        }
        if let Some(s) = f.sector {
            q = q.filter(employer::Column::Sector.eq(s.as_str()));
        }
        let q = q
            .order_by_asc(employer::Column::Name)
            .order_by_asc(employer::Column::Id);
        let page = crate::paged(&self.db, q, f.page, per_page).await?;
        Ok(page.map(|m| EmployerSummary {
            id: m.id,
            name: m.name,
            org_number: m.org_number,
            sector: m.sector.get().as_str().to_string(),
            agreement_status: m.agreement_status.get().as_str().to_string(),
        }))
    }

    pub async fn employer_get(&self, actor: &Actor, id: i32) -> Result<EmployerRecord> {
        let m = employer::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        enforce(decide_any(
            actor,
            Action::Read,
            Resource::Employer,
            &[relation(actor, id)],
        ))?;
        let units = employer_unit::Entity::find()
            .filter(employer_unit::Column::EmployerId.eq(id))
            .order_by_asc(employer_unit::Column::Id)
            .all(&self.db)
            .await?;
        let contacts = employer_contact::Entity::find()
            .filter(employer_contact::Column::EmployerId.eq(id))
            .order_by_asc(employer_contact::Column::Id)
            .all(&self.db)
            .await?;
        let supervisors = supervisor::Entity::find()
            .filter(supervisor::Column::EmployerId.eq(id))
            .order_by_asc(supervisor::Column::Id)
            .all(&self.db)
            .await?;
        Ok(EmployerRecord {
            id: m.id,
            version: m.version,
            name: m.name,
            org_number: m.org_number,
            sector: m.sector.get(),
            agreement_status: m.agreement_status.get(),
            agreement_date: m.agreement_date,
            notes: m.notes,
            units: units.into_iter().map(Unit::from).collect(),
            contacts: contacts.into_iter().map(Contact::from).collect(),
            supervisors: supervisors.into_iter().map(Supervisor::from).collect(),
            may_edit: actor.can(Action::Update, Resource::Employer, relation(actor, id)),
            may_approve: actor.can(Action::Approve, Resource::Employer, relation(actor, id)),
        })
    }

    /// Employers as (id, name), for pick lists.
    pub async fn employer_names(&self, actor: &Actor) -> Result<Vec<(i32, String)>> {
        let page = EmployerFilter {
            page: 1,
            ..Default::default()
        };
        let mut out = vec![];
        let mut p = 1;
        loop {
            let r = self
                .employer_list(
                    actor,
                    &EmployerFilter {
                        page: p,
                        ..page.clone()
                    },
                )
                .await?;
            let last = p >= r.pages();
            out.extend(r.items.into_iter().map(|e| (e.id, e.name)));
            if last {
                break;
            }
            p += 1;
        }
        Ok(out)
    }

    pub async fn employer_create(&self, actor: &Actor, i: &EmployerInput) -> Result<i32> {
        enforce(decide_any(
            actor,
            Action::Create,
            Resource::Employer,
            &[Relation::Unrelated],
        ))?;
        let now = crate::now();
        let mut am = employer::ActiveModel {
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        };
        let i = &keep_training(i, None);
        apply(&mut am, i);
        let tx = crate::begin_write(&self.db).await?;
        let m = am.insert(&tx).await.map_err(dup_org)?;
        sync_children(&tx, m.id, i).await?;
        let fields = crate::changed_fields(
            &serde_json::json!({}),
            &serde_json::to_value(&m).unwrap_or_default(),
        );
        let mut fields: Vec<&str> = fields.iter().map(String::as_str).collect();
        fields.extend(["units", "contacts", "supervisors"]);
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "employer",
            Some(m.id),
            &fields,
        )
        .await?;
        Ok(m.id)
    }

    pub async fn employer_update(
        &self,
        actor: &Actor,
        id: i32,
        version: i32,
        i: &EmployerInput,
    ) -> Result<()> {
        let before = self.employer_get(actor, id).await?;
        enforce(decide_any(
            actor,
            Action::Update,
            Resource::Employer,
            &[relation(actor, id)],
        ))?;
        let old = employer::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        // What needs approval stays as it was when the actor may not approve it.
        let trained = keep_training(i, Some(&before));
        let approved;
        let i = if before.may_approve {
            &trained
        } else {
            approved = keep_approved(&trained, &before);
            &approved
        };
        let mut am: employer::ActiveModel = old.clone().into();
        apply(&mut am, i);
        am.updated_at = Set(crate::now());
        let tx = crate::begin_write(&self.db).await?;
        crate::update_versioned(
            &tx,
            employer::Entity::update_many().set(am),
            id,
            version,
            dup_org,
        )
        .await?;
        sync_children(&tx, id, i).await?;
        let new = employer::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        let mut fields = crate::changed_fields(&old, &new);
        let draft = before.to_draft();
        let new_draft = EmployerDraft {
            units: i
                .units
                .iter()
                .map(|u| UnitDraft {
                    id: u.id.map(|i| i.to_string()).unwrap_or_default(),
                    name: u.name.clone(),
                    address: u.address.clone(),
                    municipality_code: u.municipality_code.clone(),
                })
                .collect(),
            contacts: i
                .contacts
                .iter()
                .map(|c| ContactDraft {
                    id: c.id.map(|i| i.to_string()).unwrap_or_default(),
                    name: c.name.clone(),
                    title: c.title.clone(),
                    email: c.email.clone(),
                    phone: c.phone.clone(),
                })
                .collect(),
            supervisors: i
                .supervisors
                .iter()
                .map(|s| SupervisorDraft {
                    id: s.id.map(|i| i.to_string()).unwrap_or_default(),
                    name: s.name.clone(),
                    email: s.email.clone(),
                    phone: s.phone.clone(),
                    training_status: s.training_status.as_str().to_string(),
                })
                .collect(),
            ..draft.clone()
        };
        if new_draft.units != draft.units {
            fields.push("units".into());
        }
        if new_draft.contacts != draft.contacts {
            fields.push("contacts".into());
        }
        if new_draft.supervisors != draft.supervisors {
            fields.push("supervisors".into());
        }
        let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "employer",
            Some(id),
            &fields,
        )
        .await?;
        Ok(())
    }

    /// Link a supervisor record to a user account, so the supervisor can log in.
    pub async fn supervisor_link_user(
        &self,
        actor: &Actor,
        supervisor_id: i32,
        user_id: i32,
    ) -> Result<()> {
        let s = supervisor::Entity::find_by_id(supervisor_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        enforce(decide_any(
            actor,
            Action::Update,
            Resource::Employer,
            &[relation(actor, s.employer_id)],
        ))?;
        let tx = crate::begin_write(&self.db).await?;
        let mut am: supervisor::ActiveModel = s.into();
        am.user_id = Set(Some(user_id));
        am.update(&tx).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "supervisor",
            Some(supervisor_id),
            &["user_id"],
        )
        .await?;
        Ok(())
    }

    /// An employer's supervisors, for whoever may read the employer.
    pub async fn supervisors_of(&self, actor: &Actor, employer_id: i32) -> Result<Vec<Supervisor>> {
        enforce(decide_any(
            actor,
            Action::Read,
            Resource::Employer,
            &[relation(actor, employer_id)],
        ))?;
        Ok(supervisor::Entity::find()
            .filter(supervisor::Column::EmployerId.eq(employer_id))
            .order_by_asc(supervisor::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(Supervisor::from)
            .collect())
    }
}
