//! Placements (internship ads) with their requirement profile.

use brygga_domain::model::{Accommodation, DrivingLicence, EducationLevel, PlacementStatus};
use brygga_domain::policy::{Action, Relation, Resource, list_scope, placement_status_after};
use brygga_domain::registry::{LanguageLevel, LanguageSkill, PlacementDraft, PlacementInput};
use brygga_domain::values::Cefr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    Set,
};
use serde::Serialize;

use crate::actor::{decide_any, enforce};
use crate::audit::AuditAction;
use crate::entities::{employer, placement};
use crate::{Actor, Page, Result, Store, StoreError, from_json, to_json};

#[derive(Debug, Clone, Default)]
pub struct PlacementFilter {
    pub q: String,
    pub status: Option<PlacementStatus>,
    pub municipality_code: String,
    pub employer_id: Option<i32>,
    pub page: u64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PlacementSummary {
    pub id: i32,
    pub title: String,
    pub employer_id: i32,
    pub ssyk_code: String,
    pub municipality_code: String,
    pub status: String,
    pub places: i32,
    pub period_start: chrono::NaiveDate,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlacementRecord {
    pub id: i32,
    pub version: i32,
    pub employer_id: i32,
    pub employer_name: String,
    pub title: String,
    pub ssyk_code: String,
    pub tasks: String,
    pub required_skills: Vec<String>,
    pub desired_skills: Vec<String>,
    pub min_swedish: Cefr,
    pub other_languages: Vec<LanguageLevel>,
    pub education_level: EducationLevel,
    pub driving_licence: DrivingLicence,
    pub days_per_week: i32,
    pub hours_per_week: i32,
    pub municipality_code: String,
    pub address: String,
    pub period_start: chrono::NaiveDate,
    pub period_end: chrono::NaiveDate,
    pub places: i32,
    pub accommodations: Vec<Accommodation>,
    pub status: PlacementStatus,
    /// What the actor may do, as the policy decides.
    pub may_edit: bool,
    pub may_delete: bool,
    pub may_open_pool: bool,
    /// Whether the actor may open the employer's page (the link is shown only then).
    pub may_read_employer: bool,
    /// The statuses the actor may save the placement with (an employer contact never gets
    /// "published": it submits for a coordinator's review).
    pub status_choices: Vec<PlacementStatus>,
}

impl PlacementRecord {
    pub(crate) fn from_model(m: placement::Model, employer_name: String) -> Self {
        PlacementRecord {
            id: m.id,
            version: m.version,
            employer_id: m.employer_id,
            employer_name,
            title: m.title,
            ssyk_code: m.ssyk_code,
            tasks: m.tasks,
            required_skills: from_json(&m.required_skills),
            desired_skills: from_json(&m.desired_skills),
            min_swedish: m.min_swedish.get(),
            other_languages: from_json(&m.other_languages),
            education_level: m.education_level.get(),
            driving_licence: m.driving_licence.get(),
            days_per_week: m.days_per_week,
            hours_per_week: m.hours_per_week,
            municipality_code: m.municipality_code,
            address: m.address,
            period_start: m.period_start,
            period_end: m.period_end,
            places: m.places,
            accommodations: from_json(&m.accommodations),
            status: m.status.get(),
            may_edit: false,
            may_delete: false,
            may_open_pool: false,
            may_read_employer: false,
            status_choices: vec![],
        }
    }

    /// The record with what `actor` may do with it.
    fn for_actor(mut self, actor: &Actor) -> Self {
        let rels = relations(actor, self.employer_id, self.status.as_str());
        let may = |a| decide_any(actor, a, Resource::Placement, &rels).allowed();
        self.may_edit = may(Action::Update);
        self.may_delete = may(Action::Delete);
        self.may_open_pool = crate::pool::may_open_pool(actor, self.employer_id);
        self.may_read_employer = crate::employer::may_read(actor, self.employer_id);
        self.status_choices = status_choices(actor, Some(self.status));
        self
    }

    pub fn to_draft(&self) -> PlacementDraft {
        PlacementDraft {
            employer_id: self.employer_id.to_string(),
            title: self.title.clone(),
            ssyk_code: self.ssyk_code.clone(),
            tasks: self.tasks.clone(),
            required_skills: vec![self.required_skills.join(", ")],
            desired_skills: vec![self.desired_skills.join(", ")],
            min_swedish: self.min_swedish.as_str().into(),
            other_languages: self
                .other_languages
                .iter()
                .map(|l| LanguageSkill {
                    language: l.language.clone(),
                    level: l.level.as_str().into(),
                })
                .collect(),
            education_level: self.education_level.as_str().into(),
            driving_licence: self.driving_licence.as_str().into(),
            days_per_week: self.days_per_week.to_string(),
            hours_per_week: self.hours_per_week.to_string(),
            municipality_code: self.municipality_code.clone(),
            address: self.address.clone(),
            period_start: self.period_start.to_string(),
            period_end: self.period_end.to_string(),
            places: self.places.to_string(),
            accommodations: self
                .accommodations
                .iter()
                .map(|a| a.as_str().to_string())
                .collect(),
            status: self.status.as_str().into(),
        }
    }
}

/// The statuses `actor` may save a placement with, coming from `from` (`None`: a new one).
pub fn status_choices(actor: &Actor, from: Option<PlacementStatus>) -> Vec<PlacementStatus> {
    PlacementStatus::ALL
        .iter()
        .copied()
        .filter(|to| placement_status_after(actor.role, from, *to) == Some(*to))
        .collect()
}

/// The status a save by `actor` gives the placement, or a field error on `status`.
fn status_after(
    actor: &Actor,
    from: Option<PlacementStatus>,
    wanted: PlacementStatus,
) -> Result<PlacementStatus> {
    placement_status_after(actor.role, from, wanted).ok_or_else(|| {
        StoreError::Invalid(brygga_domain::FieldErrors(vec![
            brygga_domain::FieldError::new("status", "error-status-transition"),
        ]))
    })
}

fn relations(actor: &Actor, employer_id: i32, status: &str) -> Vec<Relation> {
    let mut r = vec![];
    if actor.employer_id == Some(employer_id) {
        r.push(Relation::OwnEmployer);
    }
    if status == PlacementStatus::Published.as_str() {
        r.push(Relation::Public);
    }
    if r.is_empty() {
        r.push(Relation::Unrelated);
    }
    r
}

/// The placements the actor may list, as a condition (forbidden if none).
fn scope(actor: &Actor) -> Result<Condition> {
    let rels = list_scope(actor.role, Resource::Placement);
    if rels.is_empty() {
        return Err(StoreError::Forbidden);
    }
    if rels.contains(&Relation::Unrelated) {
        return Ok(Condition::all());
    }
    let mut any = Condition::any();
    if rels.contains(&Relation::OwnEmployer) {
        any = any.add(placement::Column::EmployerId.eq(actor.employer_id.unwrap_or(-1)));
    }
    if rels.contains(&Relation::Public) {
        any = any.add(placement::Column::Status.eq(PlacementStatus::Published.as_str()));
    }
    Ok(any)
}

fn apply(m: &mut placement::ActiveModel, i: &PlacementInput, employer_name: &str) {
    m.employer_id = Set(i.employer_id);
    m.title = Set(i.title.clone());
    m.ssyk_code = Set(i.ssyk_code.clone());
    m.tasks = Set(i.tasks.clone());
    m.required_skills = Set(to_json(&i.required_skills));
    m.desired_skills = Set(to_json(&i.desired_skills));
    m.min_swedish = Set(i.min_swedish.into());
    m.other_languages = Set(to_json(&i.other_languages));
    m.education_level = Set(i.education_level.into());
    m.driving_licence = Set(i.driving_licence.into());
    m.days_per_week = Set(i.days_per_week);
    m.hours_per_week = Set(i.hours_per_week);
    m.municipality_code = Set(i.municipality_code.clone());
    m.address = Set(i.address.clone());
    m.period_start = Set(i.period_start);
    m.period_end = Set(i.period_end);
    m.places = Set(i.places);
    m.accommodations = Set(to_json(&i.accommodations));
    m.status = Set(i.status.into());
    m.search_text = Set(crate::search_text(&[&i.title, employer_name, &i.ssyk_code]));
}

impl Store {
    pub async fn placement_list(
        &self,
        actor: &Actor,
        f: &PlacementFilter,
    ) -> Result<Page<PlacementSummary>> {
        self.placement_list_paged(actor, f, crate::PER_PAGE).await
    }

    /// A page of `EXPORT_PER_PAGE` rows of the list, for its export (the same rows and
    /// columns the actor sees on the list, page by page).
    pub async fn placement_list_export(
        &self,
        actor: &Actor,
        f: &PlacementFilter,
    ) -> Result<Page<PlacementSummary>> {
        self.placement_list_paged(actor, f, crate::EXPORT_PER_PAGE)
            .await
    }

    async fn placement_list_paged(
        &self,
        actor: &Actor,
        f: &PlacementFilter,
        per_page: u64,
    ) -> Result<Page<PlacementSummary>> {
        let mut q = placement::Entity::find().filter(scope(actor)?);
        if let Some(found) = crate::search(&f.q, placement::Column::SearchText)? {
            q = q.filter(found);
        }
        if let Some(s) = f.status {
            q = q.filter(placement::Column::Status.eq(s.as_str()));
        }
        if !f.municipality_code.trim().is_empty() {
            q = q.filter(placement::Column::MunicipalityCode.eq(f.municipality_code.trim()));
        }
        if let Some(e) = f.employer_id {
            q = q.filter(placement::Column::EmployerId.eq(e));
        }
        let q = q
            .order_by_desc(placement::Column::PeriodStart)
            .order_by_asc(placement::Column::Id);
        let page = crate::paged(&self.db, q, f.page, per_page).await?;
        Ok(page.map(|m| PlacementSummary {
            id: m.id,
            title: m.title,
            employer_id: m.employer_id,
            ssyk_code: m.ssyk_code,
            municipality_code: m.municipality_code,
            status: m.status.get().as_str().to_string(),
            places: m.places,
            period_start: m.period_start,
        }))
    }

    pub async fn placement_get(&self, actor: &Actor, id: i32) -> Result<PlacementRecord> {
        let m = placement::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        enforce(decide_any(
            actor,
            Action::Read,
            Resource::Placement,
            &relations(actor, m.employer_id, m.status.get().as_str()),
        ))?;
        let employer_name = employer::Entity::find_by_id(m.employer_id)
            .one(&self.db)
            .await?
            .map(|e| e.name)
            .unwrap_or_default();
        Ok(PlacementRecord::from_model(m, employer_name).for_actor(actor))
    }

    async fn employer_name_for(&self, employer_id: i32) -> Result<String> {
        let e = employer::Entity::find_by_id(employer_id)
            .one(&self.db)
            .await?;
        e.map(|e| e.name).ok_or_else(|| {
            StoreError::Invalid(brygga_domain::FieldErrors(vec![
                brygga_domain::FieldError::new("employer_id", "error-invalid-choice"),
            ]))
        })
    }

    pub async fn placement_create(&self, actor: &Actor, i: &PlacementInput) -> Result<i32> {
        enforce(decide_any(
            actor,
            Action::Create,
            Resource::Placement,
            &relations(actor, i.employer_id, ""),
        ))?;
        let mut i = i.clone();
        i.status = status_after(actor, None, i.status)?;
        let i = &i;
        let name = self.employer_name_for(i.employer_id).await?;
        let now = crate::now();
        let mut am = placement::ActiveModel {
            unit_id: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        };
        apply(&mut am, i, &name);
        let tx = crate::begin_write(&self.db).await?;
        let m = am.insert(&tx).await?;
        let fields = crate::changed_fields(
            &serde_json::json!({}),
            &serde_json::to_value(&m).unwrap_or_default(),
        );
        let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "placement",
            Some(m.id),
            &fields,
        )
        .await?;
        Ok(m.id)
    }

    pub async fn placement_update(
        &self,
        actor: &Actor,
        id: i32,
        version: i32,
        i: &PlacementInput,
    ) -> Result<()> {
        let old = placement::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        enforce(decide_any(
            actor,
            Action::Update,
            Resource::Placement,
            &relations(actor, old.employer_id, old.status.get().as_str()),
        ))?;
        // Moving the placement to another employer needs the right to that employer too.
        enforce(decide_any(
            actor,
            Action::Update,
            Resource::Placement,
            &relations(actor, i.employer_id, ""),
        ))?;
        let mut i = i.clone();
        i.status = status_after(actor, Some(old.status.get()), i.status)?;
        let i = &i;
        let name = self.employer_name_for(i.employer_id).await?;
        let mut am: placement::ActiveModel = old.clone().into();
        apply(&mut am, i, &name);
        am.updated_at = Set(crate::now());
        let tx = crate::begin_write(&self.db).await?;
        crate::update_versioned(
            &tx,
            placement::Entity::update_many().set(am),
            id,
            version,
            StoreError::Db,
        )
        .await?;
        let new = placement::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        let fields = crate::changed_fields(&old, &new);
        let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "placement",
            Some(id),
            &fields,
        )
        .await?;
        Ok(())
    }

    pub async fn placement_delete(&self, actor: &Actor, id: i32) -> Result<()> {
        let old = placement::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        enforce(decide_any(
            actor,
            Action::Delete,
            Resource::Placement,
            &relations(actor, old.employer_id, old.status.get().as_str()),
        ))?;
        let tx = crate::begin_write(&self.db).await?;
        placement::Entity::delete_by_id(id).exec(&tx).await?;
        self.commit_audited(tx, actor, AuditAction::Delete, "placement", Some(id), &[])
            .await?;
        Ok(())
    }

    /// Count the placements with `status` that the actor may list (for the overview).
    pub async fn placement_count(&self, actor: &Actor, status: PlacementStatus) -> Result<u64> {
        Ok(placement::Entity::find()
            .filter(scope(actor)?)
            .filter(placement::Column::Status.eq(status.as_str()))
            .count(&self.db)
            .await?)
    }
}
