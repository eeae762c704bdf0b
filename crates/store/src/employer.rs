//! Employers with their units (workplaces), contact persons and supervisors.

use brygga_domain::model::{AgreementStatus, Sector};
use brygga_domain::policy::{Action, Relation, Resource, list_scope};
use brygga_domain::registry::{
    ContactDraft, EmployerDraft, EmployerInput, SupervisorDraft, UnitDraft,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};
use serde::Serialize;

use crate::actor::{decide_any, enforce};
use crate::audit::{AuditAction, record};
use crate::entities::{employer, employer_contact, employer_unit, supervisor};
use crate::{Actor, Page, Result, Store, StoreError};

pub use employer_contact::Model as Contact;
pub use employer_unit::Model as Unit;
pub use supervisor::Model as Supervisor;

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
                    name: u.name.clone(),
                    address: u.address.clone(),
                    municipality_code: u.municipality_code.clone(),
                })
                .collect(),
            contacts: self
                .contacts
                .iter()
                .map(|c| ContactDraft {
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
                    name: s.name.clone(),
                    email: s.email.clone(),
                    phone: s.phone.clone(),
                    training_status: s.training_status.clone(),
                })
                .collect(),
        }
    }
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

/// Bring an employer's units, contacts and supervisors in line with the input. Rows are matched
/// by name so that an edit keeps the ids other records point at (a supervisor's internships, a
/// placement's unit).
async fn sync_children(
    db: &impl ConnectionTrait,
    employer_id: i32,
    i: &EmployerInput,
) -> Result<()> {
    let key = |s: &str| s.trim().to_lowercase();
    let units = employer_unit::Entity::find()
        .filter(employer_unit::Column::EmployerId.eq(employer_id))
        .all(db)
        .await?;
    for u in &units {
        if !i.units.iter().any(|n| key(&n.name) == key(&u.name)) {
            employer_unit::Entity::delete_by_id(u.id).exec(db).await?;
        }
    }
    for n in &i.units {
        let mut am: employer_unit::ActiveModel =
            match units.iter().find(|u| key(&u.name) == key(&n.name)) {
                Some(u) => u.clone().into(),
                None => employer_unit::ActiveModel {
                    employer_id: Set(employer_id),
                    ..Default::default()
                },
            };
        am.name = Set(n.name.clone());
        am.address = Set(n.address.clone());
        am.municipality_code = Set(n.municipality_code.clone());
        am.save(db).await?;
    }
    let contacts = employer_contact::Entity::find()
        .filter(employer_contact::Column::EmployerId.eq(employer_id))
        .all(db)
        .await?;
    for c in &contacts {
        if !i.contacts.iter().any(|n| key(&n.name) == key(&c.name)) {
            employer_contact::Entity::delete_by_id(c.id)
                .exec(db)
                .await?;
        }
    }
    for n in &i.contacts {
        let mut am: employer_contact::ActiveModel =
            match contacts.iter().find(|c| key(&c.name) == key(&n.name)) {
                Some(c) => c.clone().into(),
                None => employer_contact::ActiveModel {
                    employer_id: Set(employer_id),
                    ..Default::default()
                },
            };
        am.name = Set(n.name.clone());
        am.title = Set(n.title.clone());
        am.email = Set(n.email.clone());
        am.phone = Set(n.phone.clone());
        am.save(db).await?;
    }
    let sups = supervisor::Entity::find()
        .filter(supervisor::Column::EmployerId.eq(employer_id))
        .all(db)
        .await?;
    for s in &sups {
        if !i.supervisors.iter().any(|n| key(&n.name) == key(&s.name)) {
            supervisor::Entity::delete_by_id(s.id).exec(db).await?;
        }
    }
    for n in &i.supervisors {
        let mut am: supervisor::ActiveModel =
            match sups.iter().find(|s| key(&s.name) == key(&n.name)) {
                Some(s) => s.clone().into(),
                None => supervisor::ActiveModel {
                    employer_id: Set(employer_id),
                    unit_id: Set(None),
                    user_id: Set(None),
                    ..Default::default()
                },
            };
        am.name = Set(n.name.clone());
        am.email = Set(n.email.clone());
        am.phone = Set(n.phone.clone());
        am.training_status = Set(n.training_status.as_str().to_string());
        am.save(db).await?;
    }
    Ok(())
}

fn apply(m: &mut employer::ActiveModel, i: &EmployerInput) {
    m.name = Set(i.name.clone());
    m.org_number = Set(i.org_number.as_str().to_string());
    m.sector = Set(i.sector.as_str().to_string());
    m.agreement_status = Set(i.agreement_status.as_str().to_string());
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
        if !f.q.trim().is_empty() {
            q = q.filter(employer::Column::SearchText.like(crate::like_pattern(&f.q)));
        }
        if let Some(s) = f.sector {
            q = q.filter(employer::Column::Sector.eq(s.as_str()));
        }
        let pager = q
            .order_by_asc(employer::Column::Name)
            .order_by_asc(employer::Column::Id)
            .paginate(&self.db, crate::PER_PAGE);
        let total = pager.num_items().await?;
        let page = crate::page_number(f.page);
        let items = pager
            .fetch_page(page - 1)
            .await?
            .into_iter()
            .map(|m| EmployerSummary {
                id: m.id,
                name: m.name,
                org_number: m.org_number,
                sector: m.sector,
                agreement_status: m.agreement_status,
            })
            .collect();
        Ok(Page {
            items,
            page,
            per_page: crate::PER_PAGE,
            total,
        })
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
            sector: Sector::parse(&m.sector).unwrap_or(Sector::Private),
            agreement_status: AgreementStatus::parse(&m.agreement_status)
                .unwrap_or(AgreementStatus::None),
            agreement_date: m.agreement_date,
            notes: m.notes,
            units,
            contacts,
            supervisors,
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
        record(
            &tx,
            actor,
            AuditAction::Create,
            "employer",
            Some(m.id),
            &fields,
        )
        .await?;
        tx.commit().await?;
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
        let mut am: employer::ActiveModel = old.clone().into();
        apply(&mut am, i);
        am.updated_at = Set(crate::now());
        am.version = Set(version.saturating_add(1));
        let tx = crate::begin_write(&self.db).await?;
        let res = employer::Entity::update_many()
            .set(am)
            .filter(employer::Column::Id.eq(id))
            .filter(employer::Column::Version.eq(version))
            .exec(&tx)
            .await
            .map_err(dup_org)?;
        if res.rows_affected == 0 {
            return Err(StoreError::Conflict);
        }
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
                    name: u.name.clone(),
                    address: u.address.clone(),
                    municipality_code: u.municipality_code.clone(),
                })
                .collect(),
            contacts: i
                .contacts
                .iter()
                .map(|c| ContactDraft {
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
        record(
            &tx,
            actor,
            AuditAction::Update,
            "employer",
            Some(id),
            &fields,
        )
        .await?;
        tx.commit().await?;
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
        record(
            &tx,
            actor,
            AuditAction::Update,
            "supervisor",
            Some(supervisor_id),
            &["user_id"],
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn supervisors_of(&self, employer_id: i32) -> Result<Vec<Supervisor>> {
        Ok(supervisor::Entity::find()
            .filter(supervisor::Column::EmployerId.eq(employer_id))
            .all(&self.db)
            .await?)
    }
}
