//! Certificates: what an internship's certificate is made from, issuing one (one live
//! certificate of a kind per internship), reading them, revoking one, and the public side a
//! verifier sees without a login (a credential by its id, the signing keys, the revocations).

use brygga_domain::FieldError;
use brygga_domain::certificate::{CertificateContent, CertificateKind, CertifiedRating};
use brygga_domain::learning::{AssessmentKind, Assessor, GenericCriterion, Rated, Rating};
use brygga_domain::policy::{Action, Resource};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::Serialize;

use crate::actor::{decide_any, enforce};
use crate::audit::AuditAction;
use crate::entities::{
    assessment, certificate, credential_key, employer, employer_unit, internship,
    learning_criterion, participant, placement, supervisor, user,
};
use crate::{Actor, Result, Store, StoreError};

fn invalid(field: &str, key: &'static str) -> StoreError {
    StoreError::Invalid(brygga_domain::FieldErrors(vec![FieldError::new(
        field, key,
    )]))
}

/// The supervisor's signed end assessment, as a certificate states it.
#[derive(Debug, Clone, Serialize)]
pub struct SignedEnd {
    pub by: String,
    pub on: NaiveDate,
    /// The checklist's criteria, then the generic ones (their `text` empty: the caller names
    /// them in Swedish).
    pub ratings: Vec<CertifiedRating>,
}

/// What an internship's certificates are made from.
#[derive(Debug, Clone, Serialize)]
pub struct CertificateSource {
    pub internship_id: i32,
    pub participant_id: i32,
    pub participant_name: String,
    pub programme: String,
    pub organisation: String,
    pub employer_name: String,
    pub workplace: String,
    pub placement_title: String,
    pub ssyk_code: String,
    pub tasks: String,
    pub supervisor: String,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub days_per_week: i32,
    pub hours_per_week: i32,
    /// The language the participant chose for her pages, when not Swedish ("" otherwise).
    pub language: String,
    /// `None` until the supervisor has signed the end assessment.
    pub signed_end: Option<SignedEnd>,
}

/// A certificate to store: its content, the signed credential and the key that signed it.
#[derive(Debug, Clone)]
pub struct NewCertificate {
    pub content: CertificateContent,
    pub credential: String,
    pub key_id: String,
    /// The signing key's public half (base64url), published with the other keys.
    pub public_key: String,
    pub language: String,
}

/// An issued certificate.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CertificateView {
    pub id: i32,
    pub internship_id: i32,
    pub participant_id: i32,
    pub content: CertificateContent,
    /// The second language of the PDF ("" when Swedish only).
    pub language: String,
    pub issued_at: DateTime<Utc>,
    pub issued_by_name: String,
    pub revoked_at: Option<DateTime<Utc>>,
    pub revoked_by_name: Option<String>,
    pub revoked_reason: Option<String>,
    pub version: i32,
}

impl CertificateView {
    pub fn kind(&self) -> CertificateKind {
        self.content.kind
    }

    pub fn is_live(&self) -> bool {
        self.revoked_at.is_none()
    }
}

/// An internship's certificates and what the actor may do with them.
#[derive(Debug, Clone, Serialize)]
pub struct Certificates {
    pub internship_id: i32,
    pub participant_id: i32,
    pub participant_name: String,
    pub placement_title: String,
    /// Newest first.
    pub items: Vec<CertificateView>,
    /// Whether the actor issues and revokes them.
    pub may_issue: bool,
    /// Whether the supervisor has signed the end assessment (a certificate needs it).
    pub signed_end: bool,
}

impl Certificates {
    /// The live certificate of a kind, if one is issued.
    pub fn live(&self, kind: CertificateKind) -> Option<&CertificateView> {
        self.items.iter().find(|c| c.is_live() && c.kind() == kind)
    }
}

/// A credential as the public verification page finds it by its id.
#[derive(Debug, Clone, Serialize)]
pub struct PublicCredential {
    pub credential_id: String,
    pub credential: String,
    pub key_id: String,
    pub revoked_at: Option<DateTime<Utc>>,
    pub revoked_reason: Option<String>,
}

/// A public key that has signed credentials (an Ed25519 JWK's `kid` and `x`).
#[derive(Debug, Clone, Serialize)]
pub struct CredentialKey {
    pub key_id: String,
    pub public_key: String,
}

/// A revoked credential on the public revocation list.
#[derive(Debug, Clone, Serialize)]
pub struct Revocation {
    pub credential_id: String,
    pub revoked_at: DateTime<Utc>,
    pub reason: String,
}

fn view(m: certificate::Model) -> Result<CertificateView> {
    let content: CertificateContent = serde_json::from_str(&m.content).map_err(|e| {
        StoreError::Db(sea_orm::DbErr::Custom(format!("certificate {}: {e}", m.id)))
    })?;
    Ok(CertificateView {
        id: m.id,
        internship_id: m.internship_id,
        participant_id: m.participant_id,
        content,
        language: m.language,
        issued_at: m.issued_at,
        issued_by_name: m.issued_by_name,
        revoked_at: m.revoked_at,
        revoked_by_name: m.revoked_by_name,
        revoked_reason: m.revoked_reason,
        version: m.version,
    })
}

fn live_key(internship_id: i32, kind: CertificateKind) -> String {
    format!("{internship_id}:{}", kind.as_str())
}

impl Store {
    /// The internship with the participant and placement, after checking the actor may do
    /// `action` on its certificates.
    async fn certificate_checked(
        &self,
        actor: &Actor,
        internship_id: i32,
        action: Action,
    ) -> Result<(
        internship::Model,
        participant::Model,
        placement::Model,
        bool,
    )> {
        let m = internship::Entity::find_by_id(internship_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let (p, pl) = self.internship_parts(&m).await?;
        let rels = self.internship_relations(actor, &m, &p, &pl).await?;
        enforce(decide_any(actor, action, Resource::Certificate, &rels))?;
        let may_issue = decide_any(actor, Action::Create, Resource::Certificate, &rels).allowed();
        Ok((m, p, pl, may_issue))
    }

    /// The supervisor's newest signed end assessment, with each rating's criterion in words.
    async fn signed_end_of(&self, internship_id: i32) -> Result<Option<SignedEnd>> {
        let signed = assessment::Entity::find()
            .filter(assessment::Column::InternshipId.eq(internship_id))
            .filter(assessment::Column::Kind.eq(AssessmentKind::End.as_str()))
            .filter(assessment::Column::Assessor.eq(Assessor::Supervisor.as_str()))
            .filter(assessment::Column::SignedAt.is_not_null())
            .order_by_desc(assessment::Column::Revision)
            .one(&self.db)
            .await?;
        let Some(a) = signed else {
            return Ok(None);
        };
        let criteria = learning_criterion::Entity::find()
            .filter(learning_criterion::Column::InternshipId.eq(internship_id))
            .order_by_asc(learning_criterion::Column::Position)
            .order_by_asc(learning_criterion::Column::Id)
            .all(&self.db)
            .await?;
        let ratings: Vec<Rating> = crate::from_json(&a.ratings);
        let mut out = vec![];
        // The checklist's criteria in their order, then the generic ones.
        for c in &criteria {
            if let Some(r) = ratings.iter().find(|r| r.rated == Rated::Criterion(c.id)) {
                out.push(certified(r, c.goal.clone(), c.text.clone(), None));
            }
        }
        for r in &ratings {
            if let Rated::Generic(g) = r.rated {
                out.push(certified(r, String::new(), String::new(), Some(g)));
            }
        }
        Ok(Some(SignedEnd {
            by: a.signed_by_name.unwrap_or_default(),
            on: brygga_domain::calendar::date_at(a.signed_at.unwrap_or(a.updated_at)),
            ratings: out,
        }))
    }

    /// What the internship's certificates are made from, for those who issue them.
    pub async fn certificate_source(
        &self,
        actor: &Actor,
        internship_id: i32,
    ) -> Result<CertificateSource> {
        let (m, p, pl, _) = self
            .certificate_checked(actor, internship_id, Action::Create)
            .await?;
        let (programme, organisation) = self.org_names(p.programme_id).await?;
        let employer_name = employer::Entity::find_by_id(pl.employer_id)
            .one(&self.db)
            .await?
            .map(|e| e.name)
            .unwrap_or_default();
        let unit = match pl.unit_id {
            Some(id) => employer_unit::Entity::find_by_id(id).one(&self.db).await?,
            None => None,
        };
        let workplace = match unit {
            Some(u) if !u.address.is_empty() => format!("{}, {}", u.name, u.address),
            Some(u) => u.name,
            None => pl.address.clone(),
        };
        let supervisor = match m.supervisor_id {
            Some(id) => supervisor::Entity::find_by_id(id)
                .one(&self.db)
                .await?
                .map(|s| s.name)
                .unwrap_or_default(),
            None => String::new(),
        };
        let language = match p.user_id {
            Some(uid) => user::Entity::find_by_id(uid)
                .one(&self.db)
                .await?
                .map(|u| u.lang)
                .filter(|l| l != "sv")
                .unwrap_or_default(),
            None => String::new(),
        };
        Ok(CertificateSource {
            internship_id: m.id,
            participant_id: p.id,
            participant_name: format!("{} {}", p.first_name, p.last_name),
            programme,
            organisation,
            employer_name,
            workplace,
            placement_title: pl.title.clone(),
            ssyk_code: pl.ssyk_code.clone(),
            tasks: pl.tasks.clone(),
            supervisor,
            period_start: m.start_date,
            period_end: m.ended_on.unwrap_or(m.end_date),
            days_per_week: m.days_per_week,
            hours_per_week: m.hours_per_week.unwrap_or(pl.hours_per_week),
            language,
            signed_end: self.signed_end_of(m.id).await?,
        })
    }

    /// Issue a certificate. Refused by name while a live one of the kind exists (a double
    /// submit, or a second coordinator at the same time).
    pub async fn certificate_issue(
        &self,
        actor: &Actor,
        internship_id: i32,
        n: &NewCertificate,
    ) -> Result<i32> {
        let (m, p, _, _) = self
            .certificate_checked(actor, internship_id, Action::Create)
            .await?;
        if self.signed_end_of(m.id).await?.is_none() {
            return Err(invalid("kind", "certificate-error-unsigned"));
        }
        let kind = n.content.kind;
        let tx = crate::begin_write(&self.db).await?;
        if credential_key::Entity::find_by_id(n.key_id.clone())
            .one(&tx)
            .await?
            .is_none()
        {
            credential_key::ActiveModel {
                key_id: Set(n.key_id.clone()),
                public_key: Set(n.public_key.clone()),
                created_at: Set(crate::now()),
            }
            .insert(&tx)
            .await?;
        }
        let row = certificate::ActiveModel {
            internship_id: Set(m.id),
            participant_id: Set(p.id),
            kind: Set(kind.as_str().to_string()),
            credential_id: Set(n.content.credential_id.clone()),
            live_key: Set(Some(live_key(m.id, kind))),
            content: Set(crate::to_json(&n.content)),
            credential: Set(n.credential.clone()),
            key_id: Set(n.key_id.clone()),
            language: Set(n.language.clone()),
            issued_at: Set(crate::now()),
            issued_by: Set(actor.user_id),
            issued_by_name: Set(actor.name.clone()),
            revoked_at: Set(None),
            revoked_by_name: Set(None),
            revoked_reason: Set(None),
            version: Set(1),
            ..Default::default()
        }
        .insert(&tx)
        .await
        .map_err(|e| StoreError::unique(e, "kind", "certificate-error-already"))?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "certificate",
            Some(row.id),
            &["kind", "content"],
        )
        .await?;
        Ok(row.id)
    }

    /// An internship's certificates (newest first).
    pub async fn certificates(&self, actor: &Actor, internship_id: i32) -> Result<Certificates> {
        let (m, p, pl, may_issue) = self
            .certificate_checked(actor, internship_id, Action::Read)
            .await?;
        let items = certificate::Entity::find()
            .filter(certificate::Column::InternshipId.eq(internship_id))
            .order_by_desc(certificate::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(view)
            .collect::<Result<Vec<_>>>()?;
        let signed_end = assessment::Entity::find()
            .filter(assessment::Column::InternshipId.eq(internship_id))
            .filter(assessment::Column::Kind.eq(AssessmentKind::End.as_str()))
            .filter(assessment::Column::Assessor.eq(Assessor::Supervisor.as_str()))
            .filter(assessment::Column::SignedAt.is_not_null())
            .one(&self.db)
            .await?
            .is_some();
        Ok(Certificates {
            internship_id: m.id,
            participant_id: p.id,
            participant_name: format!("{} {}", p.first_name, p.last_name),
            placement_title: pl.title,
            items,
            may_issue,
            signed_end,
        })
    }

    /// One certificate with its signed credential.
    pub async fn certificate(&self, actor: &Actor, id: i32) -> Result<(CertificateView, String)> {
        let m = certificate::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        self.certificate_checked(actor, m.internship_id, Action::Read)
            .await?;
        let credential = m.credential.clone();
        Ok((view(m)?, credential))
    }

    /// The certificates of a participant's internships, for her own page (newest first; the
    /// revoked ones too, marked).
    pub async fn certificates_of_participant(
        &self,
        actor: &Actor,
        participant_id: i32,
    ) -> Result<Vec<CertificateView>> {
        let ids: Vec<i32> = internship::Entity::find()
            .filter(internship::Column::ParticipantId.eq(participant_id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|m| m.id)
            .collect();
        let mut out = vec![];
        for id in ids {
            match self.certificates(actor, id).await {
                Ok(c) => out.extend(c.items),
                Err(StoreError::NotFound | StoreError::Forbidden) => {}
                Err(e) => return Err(e),
            }
        }
        out.sort_by(|a, b| b.issued_at.cmp(&a.issued_at).then(b.id.cmp(&a.id)));
        Ok(out)
    }

    /// Revoke a certificate with a reason (shown on the public verification page). A revoked
    /// certificate stays revoked; the coordinator may issue a new one.
    pub async fn certificate_revoke(
        &self,
        actor: &Actor,
        id: i32,
        reason: &str,
        version: i32,
    ) -> Result<()> {
        let m = certificate::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        self.certificate_checked(actor, m.internship_id, Action::Update)
            .await?;
        if m.revoked_at.is_some() {
            return Err(invalid("reason", "certificate-error-revoked"));
        }
        let tx = crate::begin_write(&self.db).await?;
        let q = certificate::Entity::update_many()
            .col_expr(certificate::Column::RevokedAt, Expr::value(crate::now()))
            .col_expr(
                certificate::Column::RevokedByName,
                Expr::value(Some(actor.name.clone())),
            )
            .col_expr(
                certificate::Column::RevokedReason,
                Expr::value(Some(reason.to_string())),
            )
            .col_expr(
                certificate::Column::LiveKey,
                Expr::value(Option::<String>::None),
            );
        crate::update_versioned(&tx, q, id, version, StoreError::Db).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "certificate",
            Some(id),
            &["revoked_at", "revoked_reason"],
        )
        .await
    }

    // ------------------------------------------------------------------ public

    /// A credential by its public id, for the verification page (no login).
    pub async fn credential_public(&self, credential_id: &str) -> Result<Option<PublicCredential>> {
        Ok(certificate::Entity::find()
            .filter(certificate::Column::CredentialId.eq(credential_id))
            .one(&self.db)
            .await?
            .map(|m| PublicCredential {
                credential_id: m.credential_id,
                credential: m.credential,
                key_id: m.key_id,
                revoked_at: m.revoked_at,
                revoked_reason: m.revoked_reason,
            }))
    }

    /// Every key that has signed a credential, oldest first.
    pub async fn credential_keys(&self) -> Result<Vec<CredentialKey>> {
        Ok(credential_key::Entity::find()
            .order_by_asc(credential_key::Column::CreatedAt)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|k| CredentialKey {
                key_id: k.key_id,
                public_key: k.public_key,
            })
            .collect())
    }

    /// The revoked credentials, newest first.
    pub async fn credential_revocations(&self) -> Result<Vec<Revocation>> {
        Ok(certificate::Entity::find()
            .filter(certificate::Column::RevokedAt.is_not_null())
            .order_by_desc(certificate::Column::RevokedAt)
            .all(&self.db)
            .await?
            .into_iter()
            .filter_map(|m| {
                Some(Revocation {
                    credential_id: m.credential_id,
                    revoked_at: m.revoked_at?,
                    reason: m.revoked_reason.unwrap_or_default(),
                })
            })
            .collect())
    }
}

fn certified(
    r: &Rating,
    goal: String,
    text: String,
    generic: Option<GenericCriterion>,
) -> CertifiedRating {
    CertifiedRating {
        goal,
        text,
        generic,
        level: r.level.unwrap_or(0),
        evidence: r.evidence.clone(),
    }
}
