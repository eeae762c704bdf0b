//! Interest submitted through the public placement portal: rate-limited per client, with
//! consent recorded, landing in the coordinators' inbox. Also the portal's read-only view of
//! published placements (no login, no internal fields).

use brygga_domain::interest::{CONSENT_VERSION, InterestInput, InterestUpdate};
use brygga_domain::model::{InterestStatus, PlacementStatus, Role};
use brygga_domain::policy::{Action, Relation, Resource};
use brygga_domain::registry::LanguageLevel;
use brygga_domain::{FieldError, FieldErrors};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use serde::Serialize;

use crate::actor::{decide_any, enforce};
use crate::audit::{AuditAction, record};
use crate::entities::{employer, interest, participant, placement};
use crate::{Actor, Page, Result, Store, StoreError, from_json};

/// At most this many interests per client address and window.
pub const RATE_LIMIT: u64 = 5;
pub const RATE_WINDOW: chrono::Duration = chrono::Duration::hours(1);

impl Store {
    /// The client address keyed with the installation secret: what rate limits count by (the
    /// address itself is never stored, and without the secret the hash cannot be reversed by
    /// hashing every IPv4 address).
    pub fn client_hash(&self, client: &str) -> String {
        self.secret.mac_hex("client", client.as_bytes())
    }
}

/// Who the audit log names for a submission from the portal.
pub(crate) fn portal_actor() -> Actor {
    Actor {
        name: "portal".into(),
        role: Role::Participant,
        ..Actor::system()
    }
}

fn only_digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).take(4).collect()
}

#[derive(Debug, Clone, Default)]
pub struct PortalFilter {
    /// Free text: title, employer, occupation code.
    pub q: String,
    pub municipality_code: String,
    /// An SSYK code or the first digits of one (a whole occupational field).
    pub occupation: String,
    pub page: u64,
}

/// A published placement as anyone may see it: the ad, not the internal record.
#[derive(Debug, Clone, Serialize)]
pub struct PortalPlacement {
    pub id: i32,
    pub title: String,
    pub employer_name: String,
    pub ssyk_code: String,
    pub tasks: String,
    pub required_skills: Vec<String>,
    /// What counts in a candidate's favour; never a hard requirement (a driving licence the
    /// placement requires is in `driving_licence`, not here).
    pub desired_skills: Vec<String>,
    pub min_swedish: String,
    pub other_languages: Vec<LanguageLevel>,
    /// The licence class matching requires (`None` when none is).
    pub driving_licence: Option<String>,
    pub municipality_code: String,
    pub address: String,
    pub period_start: chrono::NaiveDate,
    pub period_end: chrono::NaiveDate,
    pub days_per_week: i32,
    pub hours_per_week: i32,
    /// The places no live internship has taken; none left means the ad is no longer open.
    pub places_left: i64,
}

impl PortalPlacement {
    /// Whether a place is still free to show interest in.
    pub fn is_open(&self) -> bool {
        self.places_left > 0
    }

    fn from_model(m: placement::Model, employer_name: String, taken: i64) -> Self {
        let licence = m.driving_licence.get();
        let driving_licence =
            (licence != brygga_domain::model::DrivingLicence::None).then(|| licence.to_string());
        // An ad must not call "meriterande" what excludes a candidate who lacks it.
        let mut desired_skills: Vec<String> = from_json(&m.desired_skills);
        if driving_licence.is_some() {
            desired_skills.retain(|s| {
                let s = s.to_lowercase();
                !s.contains("körkort") && !s.contains("driving licen")
            });
        }
        PortalPlacement {
            id: m.id,
            title: m.title,
            employer_name,
            ssyk_code: m.ssyk_code,
            tasks: m.tasks,
            required_skills: from_json(&m.required_skills),
            desired_skills,
            min_swedish: m.min_swedish.get().as_str().to_string(),
            other_languages: from_json(&m.other_languages),
            driving_licence,
            municipality_code: m.municipality_code,
            address: m.address,
            period_start: m.period_start,
            period_end: m.period_end,
            days_per_week: m.days_per_week,
            hours_per_week: m.hours_per_week,
            places_left: (i64::from(m.places) - taken).max(0),
        }
    }
}

/// What became of a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Submission {
    Stored(i32),
    /// The client has sent `RATE_LIMIT` interests within the window; nothing was stored.
    RateLimited,
}

#[derive(Debug, Clone, Default)]
pub struct InterestFilter {
    pub status: Option<InterestStatus>,
    pub page: u64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct InterestSummary {
    pub id: i32,
    pub name: String,
    pub placement_id: Option<i32>,
    pub placement_title: String,
    pub status: InterestStatus,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct InterestRecord {
    pub id: i32,
    pub placement_id: Option<i32>,
    pub placement_title: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub languages: String,
    pub message: String,
    /// The language the candidate used the portal in.
    pub lang: String,
    pub consent_at: chrono::DateTime<chrono::Utc>,
    pub consent_version: String,
    pub status: InterestStatus,
    pub participant_id: Option<i32>,
    pub handled_by: Option<i32>,
    pub handled_at: Option<chrono::DateTime<chrono::Utc>>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl Store {
    /// Published placements, searchable, one page counted in the database.
    pub async fn portal_placements(&self, f: &PortalFilter) -> Result<Page<PortalPlacement>> {
        let mut q = placement::Entity::find()
            .filter(placement::Column::Status.eq(PlacementStatus::Published.as_str()));
        if let Some(found) = crate::search(&f.q, placement::Column::SearchText)? {
            q = q.filter(found);
        }
        if !f.municipality_code.trim().is_empty() {
            q = q.filter(placement::Column::MunicipalityCode.eq(f.municipality_code.trim()));
        }
        let occupation = only_digits(&f.occupation);
        if !occupation.is_empty() {
            q = q.filter(placement::Column::SsykCode.starts_with(&occupation));
        }
        let q = q
            .order_by_asc(placement::Column::PeriodStart)
            .order_by_asc(placement::Column::Id);
        let page = crate::paged(&self.db, q, f.page, crate::PER_PAGE).await?;
        let employer_ids: Vec<i32> = page.items.iter().map(|m| m.employer_id).collect();
        let names: std::collections::HashMap<i32, String> = employer::Entity::find()
            .filter(employer::Column::Id.is_in(employer_ids))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|e| (e.id, e.name))
            .collect();
        let ids: Vec<i32> = page.items.iter().map(|m| m.id).collect();
        let taken = crate::internship::taken_places(&self.db, &ids).await?;
        Ok(page.map(|m| {
            let name = names.get(&m.employer_id).cloned().unwrap_or_default();
            let used = taken.get(&m.id).copied().unwrap_or(0);
            PortalPlacement::from_model(m, name, used)
        }))
    }

    /// One published placement; anything else is not found.
    pub async fn portal_placement(&self, id: i32) -> Result<PortalPlacement> {
        let m = placement::Entity::find_by_id(id)
            .filter(placement::Column::Status.eq(PlacementStatus::Published.as_str()))
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let name = employer::Entity::find_by_id(m.employer_id)
            .one(&self.db)
            .await?
            .map(|e| e.name)
            .unwrap_or_default();
        let used = crate::internship::taken_places(&self.db, &[m.id])
            .await?
            .get(&m.id)
            .copied()
            .unwrap_or(0);
        Ok(PortalPlacement::from_model(m, name, used))
    }

    async fn interests_from(&self, db: &impl sea_orm::ConnectionTrait, hash: &str) -> Result<u64> {
        let since = crate::now() - RATE_WINDOW;
        Ok(interest::Entity::find()
            .filter(interest::Column::ClientHash.eq(hash))
            .filter(interest::Column::CreatedAt.gt(since))
            .count(db)
            .await?)
    }

    /// Whether the client at `client` has used up its submissions for now.
    pub async fn interest_rate_limited(&self, client: &str) -> Result<bool> {
        Ok(self
            .interests_from(&self.db, &self.client_hash(client))
            .await?
            >= RATE_LIMIT)
    }

    /// Store an interest in a published placement, sent from the portal by the client at
    /// `client` in language `lang`; consent is recorded with the time and the consent text's
    /// version. The count for the rate limit is taken inside the write, so it holds across
    /// instances.
    pub async fn interest_submit(
        &self,
        placement_id: i32,
        input: &InterestInput,
        lang: &str,
        client: &str,
    ) -> Result<Submission> {
        // A placement whose places are all taken is no longer open.
        if !self.portal_placement(placement_id).await?.is_open() {
            return Err(StoreError::Invalid(FieldErrors(vec![FieldError::new(
                FieldError::FORM,
                "portal-error-filled",
            )])));
        }
        let hash = self.client_hash(client);
        let tx = crate::begin_write(&self.db).await?;
        if self.interests_from(&tx, &hash).await? >= RATE_LIMIT {
            return Ok(Submission::RateLimited);
        }
        let now = crate::now();
        let m = interest::ActiveModel {
            placement_id: Set(Some(placement_id)),
            name: Set(input.name.clone()),
            email: Set(input
                .email
                .as_ref()
                .map(|e| e.as_str().to_string())
                .unwrap_or_default()),
            phone: Set(input
                .phone
                .as_ref()
                .map(|p| p.as_str().to_string())
                .unwrap_or_default()),
            languages: Set(input.languages.clone()),
            message: Set(input.message.clone()),
            lang: Set(lang.to_string()),
            consent_at: Set(now),
            consent_version: Set(CONSENT_VERSION.to_string()),
            client_hash: Set(hash),
            status: Set(InterestStatus::New.into()),
            participant_id: Set(None),
            handled_by: Set(None),
            handled_at: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        self.commit_audited(
            tx,
            &portal_actor(),
            AuditAction::Create,
            "interest",
            Some(m.id),
            &[
                "placement_id",
                "name",
                "email",
                "phone",
                "languages",
                "message",
                "consent_at",
                "consent_version",
            ],
        )
        .await?;
        Ok(Submission::Stored(m.id))
    }

    /// Interests are not scoped to an organisation (a candidate is nobody's yet): the policy
    /// grants them by role alone.
    /// Inside the transaction that created `participant_id` from an interest: mark the interest
    /// registered, if it is still open (new or handled). Returns whether it was marked; an
    /// interest dismissed or registered meanwhile stays as it is.
    pub(crate) async fn interest_mark_registered(
        tx: &sea_orm::DatabaseTransaction,
        secret: &crate::secret::Secret,
        actor: &Actor,
        interest_id: i32,
        participant_id: i32,
    ) -> Result<bool> {
        Self::interest_allowed(actor, Action::Update)?;
        let open = [
            InterestStatus::New.as_str(),
            InterestStatus::Handled.as_str(),
        ];
        let r = interest::Entity::update_many()
            .col_expr(
                interest::Column::Status,
                Expr::value(InterestStatus::Registered.as_str()),
            )
            .col_expr(interest::Column::ParticipantId, Expr::value(participant_id))
            .col_expr(interest::Column::HandledBy, Expr::value(actor.user_id))
            .col_expr(interest::Column::HandledAt, Expr::value(crate::now()))
            .filter(interest::Column::Id.eq(interest_id))
            .filter(interest::Column::Status.is_in(open))
            .exec(tx)
            .await?;
        if r.rows_affected == 0 {
            return Ok(false);
        }
        record(
            tx,
            secret,
            actor,
            AuditAction::Update,
            "interest",
            Some(interest_id),
            &["status", "participant_id", "handled_by", "handled_at"],
        )
        .await?;
        Ok(true)
    }

    fn interest_allowed(actor: &Actor, action: Action) -> Result<()> {
        enforce(decide_any(
            actor,
            action,
            Resource::Interest,
            &[Relation::Unrelated],
        ))
    }

    /// The titles of these placements, by id.
    pub(crate) async fn placement_titles(
        &self,
        ids: Vec<i32>,
    ) -> Result<std::collections::HashMap<i32, String>> {
        Ok(placement::Entity::find()
            .filter(placement::Column::Id.is_in(ids))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|p| (p.id, p.title))
            .collect())
    }

    /// The inbox: newest first, optionally one status, one page.
    pub async fn interest_list(
        &self,
        actor: &Actor,
        f: &InterestFilter,
    ) -> Result<Page<InterestSummary>> {
        Self::interest_allowed(actor, Action::List)?;
        let mut q = interest::Entity::find();
        if let Some(s) = f.status {
            q = q.filter(interest::Column::Status.eq(s.as_str()));
        }
        let q = q
            .order_by_desc(interest::Column::CreatedAt)
            .order_by_desc(interest::Column::Id);
        let page = crate::paged(&self.db, q, f.page, crate::PER_PAGE).await?;
        let titles = self
            .placement_titles(page.items.iter().filter_map(|m| m.placement_id).collect())
            .await?;
        Ok(page.map(|m| InterestSummary {
            id: m.id,
            placement_title: m
                .placement_id
                .and_then(|p| titles.get(&p).cloned())
                .unwrap_or_default(),
            name: m.name,
            placement_id: m.placement_id,
            status: m.status.get(),
            created_at: m.created_at,
        }))
    }

    /// One interest, with the candidate's contact details: the read is audited.
    pub async fn interest_get(&self, actor: &Actor, id: i32) -> Result<InterestRecord> {
        Self::interest_allowed(actor, Action::Read)?;
        let m = interest::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let tx = crate::begin_write(&self.db).await?;
        self.commit_audited(tx, actor, AuditAction::Read, "interest", Some(id), &[])
            .await?;
        let placement_title = match m.placement_id {
            Some(p) => self
                .placement_titles(vec![p])
                .await?
                .remove(&p)
                .unwrap_or_default(),
            None => String::new(),
        };
        Ok(InterestRecord {
            id: m.id,
            placement_id: m.placement_id,
            placement_title,
            name: m.name,
            email: m.email,
            phone: m.phone,
            languages: m.languages,
            message: m.message,
            lang: m.lang,
            consent_at: m.consent_at,
            consent_version: m.consent_version,
            status: m.status.get(),
            participant_id: m.participant_id,
            handled_by: m.handled_by,
            handled_at: m.handled_at,
            created_at: m.created_at,
        })
    }

    /// Mark an interest handled or dismissed, or registered as the participant it became (one
    /// the actor may see).
    pub async fn interest_update(&self, actor: &Actor, id: i32, u: &InterestUpdate) -> Result<()> {
        Self::interest_allowed(actor, Action::Update)?;
        interest::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        if let Some(pid) = u.participant_id {
            let visible = match participant::Entity::find_by_id(pid).one(&self.db).await? {
                Some(p) => {
                    let rels = self.participant_relations(actor, &p).await?;
                    decide_any(actor, Action::Read, Resource::Participant, &rels).allowed()
                }
                None => false,
            };
            if !visible {
                return Err(StoreError::Invalid(FieldErrors(vec![FieldError::new(
                    "participant_id",
                    "error-portal-participant-unknown",
                )])));
            }
        }
        let tx = crate::begin_write(&self.db).await?;
        interest::ActiveModel {
            id: Set(id),
            status: Set(u.status.into()),
            participant_id: Set(u.participant_id),
            handled_by: Set(actor.user_id),
            handled_at: Set(Some(crate::now())),
            ..Default::default()
        }
        .update(&tx)
        .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "interest",
            Some(id),
            &["status", "participant_id", "handled_by", "handled_at"],
        )
        .await?;
        Ok(())
    }
}
