//! Accounts for the people in the records: invitations to a login (a one-time link to set a
//! password, sent by email through the job queue in the same transaction), password-reset
//! links made the same way, and linking or unlinking a login and its record (a supervisor, an
//! employer contact, a participant). Only a link's hash is kept; a link works once, until it
//! expires or a newer one for the same record (or user) replaces it.

use brygga_domain::account::{InviteKind, TokenPurpose};
use brygga_domain::model::Role;
use brygga_domain::policy::{Action, Relation, Resource, decide, may_invite};
use brygga_domain::{FieldError, FieldErrors};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::actor::{decide_any, enforce};
use crate::audit::{AuditAction, record};
use crate::entities::{
    employer_contact, invitation, membership, organisation, participant, supervisor, user,
};
use crate::jobs::{OutgoingEmail, enqueue_email};
use crate::users::{PASSWORD_MIN, hash_password, password_set_in, token_hash};
use crate::{Actor, Result, Store, StoreError};

/// An invitation as the inviter fills it in.
#[derive(Debug, Clone)]
pub struct InviteInput<'a> {
    pub kind: InviteKind,
    /// The record the login is for; `None` for staff.
    pub record_id: Option<i32>,
    pub email: &'a str,
    pub name: &'a str,
    /// The role of a staff login (a record's kind decides the role of the others).
    pub role: Option<Role>,
    /// The organisations of a staff login.
    pub org_ids: &'a [i32],
    /// The language of the email and of the page the link opens: `sv` or `en`.
    pub lang: &'a str,
}

/// What the email that carries a link is written from.
#[derive(Debug, Clone)]
pub struct Mailing {
    pub purpose: TokenPurpose,
    /// The one-time token (the link is `/invitation/{token}`).
    pub token: String,
    pub email: String,
    pub name: String,
    pub lang: String,
    pub expires_at: DateTime<Utc>,
}

/// A link just made: the token is handed out once (for the screen when no email can be sent).
#[derive(Debug, Clone)]
pub struct Issued {
    pub id: i32,
    pub token: String,
    pub email: String,
    pub expires_at: DateTime<Utc>,
}

/// Where a link stands, as the page it opens says.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkState {
    Open {
        purpose: TokenPurpose,
        name: String,
        email: String,
        lang: String,
    },
    Expired,
    Used,
    /// Never made, or replaced by a newer link.
    Unknown,
}

/// A record's login, as its page shows it to those who manage logins.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountLink {
    pub record_id: i32,
    /// The linked login's email.
    pub login: Option<String>,
    /// An invitation not yet used, and when it expires.
    pub invited_until: Option<DateTime<Utc>>,
}

/// The record a login is for, as the invitation form shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountRecord {
    pub kind: InviteKind,
    pub record_id: Option<i32>,
    pub name: String,
    pub email: String,
    /// The employer of a supervisor or a contact (for the way back to its page).
    pub employer_id: Option<i32>,
    /// Whether the record has a login already.
    pub linked: bool,
}

/// The record an invitation or a link is about, as the store finds it.
struct Target {
    record_id: Option<i32>,
    employer_id: Option<i32>,
    user_id: Option<i32>,
    relation: Relation,
}

fn invalid(field: &str, key: &'static str) -> StoreError {
    StoreError::Invalid(FieldErrors(vec![FieldError::new(field, key)]))
}

/// The employer a supervisor or a contact works at is theirs to manage when the actor may edit
/// the employer (coordinators: every employer, as employers are shared across the programme
/// tree).
fn employer_relation(actor: &Actor, employer_id: i32) -> Relation {
    let rel = if actor.employer_id == Some(employer_id) {
        Relation::OwnEmployer
    } else {
        Relation::Unrelated
    };
    if decide(actor.role, Action::Update, Resource::Employer, rel).allowed() {
        Relation::InOrgScope
    } else {
        Relation::Unrelated
    }
}

fn participant_relation(actor: &Actor, p: &participant::Model) -> Relation {
    if actor.org_scope.contains(&p.programme_id)
        || p.cohort_id.is_some_and(|c| actor.org_scope.contains(&c))
    {
        Relation::InOrgScope
    } else {
        Relation::Unrelated
    }
}

/// Who accepts a link: the new (or resetting) user, as the audit log names them.
fn acceptor(id: i32, name: &str, email: &str, role: Role) -> Actor {
    let mut a = Actor::system();
    a.user_id = Some(id);
    a.name = name.to_string();
    a.email = email.to_string();
    a.role = role;
    a
}

fn lang_of(s: &str) -> String {
    if s.trim() == "en" { "en" } else { "sv" }.to_string()
}

impl Store {
    /// Find the record behind `kind` and `record_id` and check that `actor` may do `action` on
    /// its login. A participant outside the actor's scope is not confirmed to exist (404).
    async fn account_target(
        &self,
        actor: &Actor,
        action: Action,
        kind: InviteKind,
        record_id: Option<i32>,
    ) -> Result<Target> {
        if !actor.may(action, Resource::Invitation) {
            return Err(StoreError::Forbidden);
        }
        let target = match (kind, record_id) {
            (InviteKind::Staff, _) => Target {
                record_id: None,
                employer_id: None,
                user_id: None,
                relation: Relation::InOrgScope,
            },
            (_, None) => return Err(StoreError::NotFound),
            (InviteKind::Supervisor, Some(id)) => {
                let s = supervisor::Entity::find_by_id(id)
                    .one(&self.db)
                    .await?
                    .ok_or(StoreError::NotFound)?;
                Target {
                    record_id: Some(id),
                    employer_id: Some(s.employer_id),
                    user_id: s.user_id,
                    relation: employer_relation(actor, s.employer_id),
                }
            }
            (InviteKind::EmployerContact, Some(id)) => {
                let c = employer_contact::Entity::find_by_id(id)
                    .one(&self.db)
                    .await?
                    .ok_or(StoreError::NotFound)?;
                Target {
                    record_id: Some(id),
                    employer_id: Some(c.employer_id),
                    user_id: c.user_id,
                    relation: employer_relation(actor, c.employer_id),
                }
            }
            (InviteKind::Participant, Some(id)) => {
                let p = participant::Entity::find_by_id(id)
                    .one(&self.db)
                    .await?
                    .ok_or(StoreError::NotFound)?;
                let relation = participant_relation(actor, &p);
                if !decide(actor.role, action, Resource::Invitation, relation).allowed() {
                    return Err(StoreError::NotFound);
                }
                Target {
                    record_id: Some(id),
                    employer_id: None,
                    user_id: p.user_id,
                    relation,
                }
            }
        };
        enforce(decide_any(
            actor,
            action,
            Resource::Invitation,
            &[target.relation],
        ))?;
        Ok(target)
    }

    /// The record a login would be made for, with the name and address to invite, for those
    /// who may invite for it. Reading a participant's name and address is audited.
    pub async fn account_record(
        &self,
        actor: &Actor,
        kind: InviteKind,
        record_id: Option<i32>,
    ) -> Result<AccountRecord> {
        let target = self
            .account_target(actor, Action::Create, kind, record_id)
            .await?;
        let (name, email) = match (kind, record_id) {
            (InviteKind::Supervisor, Some(id)) => supervisor::Entity::find_by_id(id)
                .one(&self.db)
                .await?
                .map(|m| (m.name, m.email)),
            (InviteKind::EmployerContact, Some(id)) => employer_contact::Entity::find_by_id(id)
                .one(&self.db)
                .await?
                .map(|m| (m.name, m.email)),
            (InviteKind::Participant, Some(id)) => {
                self.audit(
                    actor,
                    AuditAction::Read,
                    "participant",
                    Some(id),
                    &["first_name", "last_name", "email"],
                )
                .await?;
                participant::Entity::find_by_id(id)
                    .one(&self.db)
                    .await?
                    .map(|m| (format!("{} {}", m.first_name, m.last_name), m.email))
            }
            _ => Some((String::new(), String::new())),
        }
        .ok_or(StoreError::NotFound)?;
        Ok(AccountRecord {
            kind,
            record_id: target.record_id,
            name,
            email,
            employer_id: target.employer_id,
            linked: target.user_id.is_some(),
        })
    }

    /// Invite a person to a login from their record (or, for staff, with a role and
    /// organisations): a one-time link, valid for seven days, emailed in the same transaction
    /// (`compose` writes the email in the recipient's language). An earlier invitation for the
    /// same record (or, for staff, the same address) stops working.
    pub async fn invitation_create(
        &self,
        actor: &Actor,
        i: &InviteInput<'_>,
        compose: &(dyn Fn(&Mailing) -> OutgoingEmail + Sync),
    ) -> Result<Issued> {
        let target = self
            .account_target(actor, Action::Create, i.kind, i.record_id)
            .await?;
        let mut errs = FieldErrors::default();
        let email = errs.check("email", brygga_domain::ids::Email::parse(i.email));
        let name = errs.check(
            "name",
            brygga_domain::text::required("name", i.name, brygga_domain::text::NAME_MAX),
        );
        let role = match (i.kind.role(), i.role) {
            (Some(r), _) => Some(r),
            (None, Some(r)) if i.kind.fits(r) => Some(r),
            (None, _) => {
                errs.push(FieldError::new("role", "error-invalid-choice"));
                None
            }
        };
        if let Some(r) = role
            && !may_invite(actor.role, r)
        {
            return Err(StoreError::Forbidden);
        }
        let mut org_ids: Vec<i32> = vec![];
        if i.kind == InviteKind::Staff {
            org_ids = i.org_ids.to_vec();
            org_ids.sort_unstable();
            org_ids.dedup();
            let found = organisation::Entity::find()
                .filter(organisation::Column::Id.is_in(org_ids.clone()))
                .count(&self.db)
                .await?;
            if found != org_ids.len() as u64 {
                errs.push(FieldError::new("org_ids", "error-invalid-choice"));
            } else if org_ids.is_empty() && role != Some(Role::Admin) {
                errs.push(FieldError::new("org_ids", "error-required"));
            } else if !org_ids.iter().all(|o| actor.in_org_scope(*o))
                && !actor.can(Action::Create, Resource::Invitation, Relation::Unrelated)
            {
                // A coordinator brings people into her own organisations only.
                return Err(StoreError::Forbidden);
            }
        }
        if target.user_id.is_some() {
            errs.push(FieldError::new(FieldError::FORM, "error-invite-linked"));
        }
        if let Some(e) = &email
            && user::Entity::find()
                .filter(user::Column::Email.eq(e.as_str().to_lowercase()))
                .count(&self.db)
                .await?
                > 0
        {
            errs.push(FieldError::new("email", "error-invite-email-taken"));
        }
        let (Some(email), Some(name), Some(role)) = (email, name, role) else {
            return Err(StoreError::Invalid(errs));
        };
        if !errs.is_empty() {
            return Err(StoreError::Invalid(errs));
        }
        let email = email.as_str().to_lowercase();
        let token = new_token();
        let now = crate::now();
        let purpose = TokenPurpose::Invite;
        let expires_at = now + purpose.lifetime();
        let lang = lang_of(i.lang);
        let tx = crate::begin_write(&self.db).await?;
        // Re-inviting replaces the earlier link.
        let mut earlier = invitation::Entity::update_many()
            .col_expr(invitation::Column::RevokedAt, Expr::value(now))
            .filter(invitation::Column::Purpose.eq(purpose.as_str()))
            .filter(invitation::Column::UsedAt.is_null())
            .filter(invitation::Column::RevokedAt.is_null())
            .filter(invitation::Column::Kind.eq(i.kind.as_str()));
        earlier = match target.record_id {
            Some(id) => earlier.filter(invitation::Column::RecordId.eq(id)),
            None => earlier.filter(invitation::Column::Email.eq(email.clone())),
        };
        earlier.exec(&tx).await?;
        let m = invitation::ActiveModel {
            token_hash: Set(token_hash(&token)),
            purpose: Set(purpose.as_str().into()),
            kind: Set(i.kind.as_str().into()),
            record_id: Set(target.record_id),
            email: Set(email.clone()),
            name: Set(name.clone()),
            role: Set(role.as_str().into()),
            org_ids: Set(crate::to_json(&org_ids)),
            employer_id: Set(target.employer_id),
            lang: Set(lang.clone()),
            user_id: Set(None),
            created_by: Set(actor.user_id),
            created_at: Set(now),
            expires_at: Set(expires_at),
            used_at: Set(None),
            revoked_at: Set(None),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        let mailing = Mailing {
            purpose,
            token: token.clone(),
            email: email.clone(),
            name,
            lang,
            expires_at,
        };
        enqueue_email(&tx, &compose(&mailing)).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "invitation",
            Some(m.id),
            &["kind", "record_id", "email", "name", "role", "org_ids"],
        )
        .await?;
        Ok(Issued {
            id: m.id,
            token,
            email,
            expires_at,
        })
    }

    /// A password-reset link for a user (administrators): valid for 24 hours, emailed in the
    /// same transaction; an earlier reset link for the user stops working. The password stays
    /// as it is until the link is used.
    pub async fn password_reset_issue(
        &self,
        actor: &Actor,
        user_id: i32,
        lang: &str,
        compose: &(dyn Fn(&Mailing) -> OutgoingEmail + Sync),
    ) -> Result<Issued> {
        if !actor.can(Action::Update, Resource::User, Relation::Unrelated) {
            return Err(StoreError::Forbidden);
        }
        let u = user::Entity::find_by_id(user_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        if !u.active {
            return Err(invalid(FieldError::FORM, "error-reset-inactive"));
        }
        let token = new_token();
        let now = crate::now();
        let purpose = TokenPurpose::Reset;
        let expires_at = now + purpose.lifetime();
        let lang = lang_of(lang);
        let tx = crate::begin_write(&self.db).await?;
        invitation::Entity::update_many()
            .col_expr(invitation::Column::RevokedAt, Expr::value(now))
            .filter(invitation::Column::Purpose.eq(purpose.as_str()))
            .filter(invitation::Column::UserId.eq(user_id))
            .filter(invitation::Column::UsedAt.is_null())
            .filter(invitation::Column::RevokedAt.is_null())
            .exec(&tx)
            .await?;
        let m = invitation::ActiveModel {
            token_hash: Set(token_hash(&token)),
            purpose: Set(purpose.as_str().into()),
            kind: Set(InviteKind::Staff.as_str().into()),
            record_id: Set(None),
            email: Set(u.email.clone()),
            name: Set(u.name.clone()),
            role: Set(u.role.get().as_str().into()),
            org_ids: Set("[]".into()),
            employer_id: Set(None),
            lang: Set(lang.clone()),
            user_id: Set(Some(user_id)),
            created_by: Set(actor.user_id),
            created_at: Set(now),
            expires_at: Set(expires_at),
            used_at: Set(None),
            revoked_at: Set(None),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        let mailing = Mailing {
            purpose,
            token: token.clone(),
            email: u.email.clone(),
            name: u.name,
            lang,
            expires_at,
        };
        enqueue_email(&tx, &compose(&mailing)).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "invitation",
            Some(m.id),
            &["purpose", "user_id"],
        )
        .await?;
        Ok(Issued {
            id: m.id,
            token,
            email: u.email,
            expires_at,
        })
    }

    async fn link_row(&self, token: &str) -> Result<Option<invitation::Model>> {
        // No token holds a control character; such a one is simply unknown (PostgreSQL would
        // refuse a NUL in the query).
        if token.is_empty() || token.len() > 200 || token.chars().any(|c| c.is_control()) {
            return Ok(None);
        }
        Ok(invitation::Entity::find()
            .filter(invitation::Column::TokenHash.eq(token_hash(token)))
            .one(&self.db)
            .await?)
    }

    /// Where a link stands (for the public page it opens; no login needed).
    pub async fn link_state(&self, token: &str) -> Result<LinkState> {
        Ok(match self.link_row(token).await? {
            None => LinkState::Unknown,
            Some(m) => state_of(&m, crate::now()),
        })
    }

    /// Use a link: set the password (at least [`PASSWORD_MIN`] characters, typed twice) and, for
    /// an invitation, make the login and link it to its record. Returns the user's id (to log
    /// them in), or where the link stands when it no longer works. The link is spent by one
    /// conditional update, so of two submits at once only one makes a login.
    pub async fn link_accept(
        &self,
        token: &str,
        password: &str,
        repeat: &str,
    ) -> Result<std::result::Result<i32, LinkState>> {
        let Some(m) = self.link_row(token).await? else {
            return Ok(Err(LinkState::Unknown));
        };
        let now = crate::now();
        let state = state_of(&m, now);
        if !matches!(state, LinkState::Open { .. }) {
            return Ok(Err(state));
        }
        if password.chars().count() < PASSWORD_MIN {
            return Err(invalid("password", "error-password-too-short"));
        }
        if password != repeat {
            return Err(invalid("repeat", "error-password-mismatch"));
        }
        let hash = hash_password(password).await?;
        let tx = crate::begin_write(&self.db).await?;
        let spent = invitation::Entity::update_many()
            .col_expr(invitation::Column::UsedAt, Expr::value(now))
            .filter(invitation::Column::Id.eq(m.id))
            .filter(invitation::Column::UsedAt.is_null())
            .filter(invitation::Column::RevokedAt.is_null())
            .filter(invitation::Column::ExpiresAt.gt(now))
            .exec(&tx)
            .await?;
        if spent.rows_affected == 0 {
            drop(tx);
            return Ok(Err(self.link_state(token).await?));
        }
        let purpose = TokenPurpose::parse(&m.purpose).map_err(|_| StoreError::NotFound)?;
        let role = Role::parse(&m.role).map_err(|_| StoreError::NotFound)?;
        let user_id = match purpose {
            TokenPurpose::Reset => {
                let user_id = m.user_id.ok_or(StoreError::NotFound)?;
                password_set_in(&tx, user_id, hash, None).await?;
                let who = acceptor(user_id, &m.name, &m.email, role);
                self.commit_audited(
                    tx,
                    &who,
                    AuditAction::PasswordChanged,
                    "user",
                    Some(user_id),
                    &["password_hash", "sessions", "api_tokens"],
                )
                .await?;
                user_id
            }
            TokenPurpose::Invite => {
                let kind = InviteKind::parse(&m.kind).map_err(|_| StoreError::NotFound)?;
                let u = user::ActiveModel {
                    email: Set(m.email.clone()),
                    name: Set(m.name.clone()),
                    role: Set(role.into()),
                    password_hash: Set(hash),
                    employer_id: Set(m.employer_id),
                    active: Set(true),
                    created_at: Set(now),
                    version: Set(1),
                    ..Default::default()
                }
                .insert(&tx)
                .await
                .map_err(|e| StoreError::unique(e, FieldError::FORM, "error-invite-email-taken"))?;
                for org in crate::from_json::<Vec<i32>>(&m.org_ids) {
                    membership::ActiveModel {
                        user_id: Set(u.id),
                        org_id: Set(org),
                        ..Default::default()
                    }
                    .insert(&tx)
                    .await?;
                }
                let who = acceptor(u.id, &m.name, &m.email, role);
                if let Some(record_id) = m.record_id {
                    link_record(&tx, kind, record_id, u.id).await?;
                    record(
                        &tx,
                        &self.secret,
                        &who,
                        AuditAction::Update,
                        kind.as_str(),
                        Some(record_id),
                        &["user_id"],
                    )
                    .await?;
                }
                invitation::Entity::update_many()
                    .col_expr(invitation::Column::UserId, Expr::value(u.id))
                    .filter(invitation::Column::Id.eq(m.id))
                    .exec(&tx)
                    .await?;
                self.commit_audited(
                    tx,
                    &who,
                    AuditAction::Create,
                    "user",
                    Some(u.id),
                    &["email", "name", "role", "memberships", "invitation"],
                )
                .await?;
                u.id
            }
        };
        Ok(Ok(user_id))
    }

    /// Link an existing login to a record, found by its email: the login must have the
    /// record's role (and, for an employer's people, no other employer), and the record no
    /// login yet. An employer contact's login gets the contact's employer.
    pub async fn account_link(
        &self,
        actor: &Actor,
        kind: InviteKind,
        record_id: i32,
        email: &str,
    ) -> Result<()> {
        let target = self
            .account_target(actor, Action::Update, kind, Some(record_id))
            .await?;
        if kind == InviteKind::Staff {
            return Err(StoreError::NotFound);
        }
        if target.user_id.is_some() {
            return Err(invalid(FieldError::FORM, "error-invite-linked"));
        }
        let typed = email.trim().to_lowercase();
        if typed.chars().any(|c| c.is_control()) {
            return Err(invalid("email", "error-control-char"));
        }
        let Some(u) = user::Entity::find()
            .filter(user::Column::Email.eq(typed))
            .one(&self.db)
            .await?
        else {
            return Err(invalid("email", "error-link-no-user"));
        };
        let role = u.role.get();
        if !kind.fits(role) || !may_invite(actor.role, role) {
            return Err(invalid("email", "error-link-role"));
        }
        if let (Some(emp), Some(theirs)) = (target.employer_id, u.employer_id)
            && emp != theirs
        {
            return Err(invalid("email", "error-link-other-employer"));
        }
        let tx = crate::begin_write(&self.db).await?;
        link_record(&tx, kind, record_id, u.id)
            .await
            .map_err(|e| match e {
                StoreError::Invalid(_) => invalid("email", "error-link-taken"),
                other => other,
            })?;
        if let Some(emp) = target.employer_id
            && u.employer_id.is_none()
        {
            user::Entity::update_many()
                .col_expr(user::Column::EmployerId, Expr::value(emp))
                .filter(user::Column::Id.eq(u.id))
                .exec(&tx)
                .await?;
        }
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            kind.as_str(),
            Some(record_id),
            &["user_id"],
        )
        .await?;
        Ok(())
    }

    /// Take the login off a record: the user keeps the login but loses what it gave (a
    /// supervisor her interns, a participant her own pages, an employer contact her employer).
    /// Open invitations for the record stop working.
    pub async fn account_unlink(
        &self,
        actor: &Actor,
        kind: InviteKind,
        record_id: i32,
    ) -> Result<()> {
        let target = self
            .account_target(actor, Action::Update, kind, Some(record_id))
            .await?;
        let now = crate::now();
        let tx = crate::begin_write(&self.db).await?;
        match kind {
            InviteKind::Supervisor => {
                supervisor::Entity::update_many()
                    .col_expr(supervisor::Column::UserId, Expr::value(Option::<i32>::None))
                    .filter(supervisor::Column::Id.eq(record_id))
                    .exec(&tx)
                    .await?;
            }
            InviteKind::EmployerContact => {
                employer_contact::Entity::update_many()
                    .col_expr(
                        employer_contact::Column::UserId,
                        Expr::value(Option::<i32>::None),
                    )
                    .filter(employer_contact::Column::Id.eq(record_id))
                    .exec(&tx)
                    .await?;
                // The login works for the employer through the contact record only.
                if let Some(uid) = target.user_id {
                    user::Entity::update_many()
                        .col_expr(user::Column::EmployerId, Expr::value(Option::<i32>::None))
                        .filter(user::Column::Id.eq(uid))
                        .filter(user::Column::Role.eq(Role::EmployerContact.as_str()))
                        .exec(&tx)
                        .await?;
                }
            }
            InviteKind::Participant => {
                participant::Entity::update_many()
                    .col_expr(
                        participant::Column::UserId,
                        Expr::value(Option::<i32>::None),
                    )
                    .filter(participant::Column::Id.eq(record_id))
                    .exec(&tx)
                    .await?;
            }
            InviteKind::Staff => return Err(StoreError::NotFound),
        }
        invitation::Entity::update_many()
            .col_expr(invitation::Column::RevokedAt, Expr::value(now))
            .filter(invitation::Column::Kind.eq(kind.as_str()))
            .filter(invitation::Column::RecordId.eq(record_id))
            .filter(invitation::Column::UsedAt.is_null())
            .filter(invitation::Column::RevokedAt.is_null())
            .exec(&tx)
            .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            kind.as_str(),
            Some(record_id),
            &["user_id"],
        )
        .await?;
        Ok(())
    }

    /// The login (its email) and any open invitation of each record, for the record pages of
    /// those who manage logins; nothing for anyone else.
    pub async fn account_links(
        &self,
        actor: &Actor,
        kind: InviteKind,
        record_ids: &[i32],
    ) -> Result<Vec<AccountLink>> {
        if !actor.may(Action::Read, Resource::Invitation) || record_ids.is_empty() {
            return Ok(vec![]);
        }
        let linked: Vec<(i32, Option<i32>)> = match kind {
            InviteKind::Supervisor => supervisor::Entity::find()
                .filter(supervisor::Column::Id.is_in(record_ids.to_vec()))
                .all(&self.db)
                .await?
                .into_iter()
                .map(|m| (m.id, m.user_id))
                .collect(),
            InviteKind::EmployerContact => employer_contact::Entity::find()
                .filter(employer_contact::Column::Id.is_in(record_ids.to_vec()))
                .all(&self.db)
                .await?
                .into_iter()
                .map(|m| (m.id, m.user_id))
                .collect(),
            InviteKind::Participant => participant::Entity::find()
                .filter(participant::Column::Id.is_in(record_ids.to_vec()))
                .all(&self.db)
                .await?
                .into_iter()
                .map(|m| (m.id, m.user_id))
                .collect(),
            InviteKind::Staff => vec![],
        };
        let user_ids: Vec<i32> = linked.iter().filter_map(|(_, u)| *u).collect();
        let emails: Vec<(i32, String)> = user::Entity::find()
            .filter(user::Column::Id.is_in(user_ids))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|u| (u.id, u.email))
            .collect();
        let now = crate::now();
        let open = invitation::Entity::find()
            .filter(invitation::Column::Kind.eq(kind.as_str()))
            .filter(invitation::Column::RecordId.is_in(record_ids.to_vec()))
            .filter(invitation::Column::Purpose.eq(TokenPurpose::Invite.as_str()))
            .filter(invitation::Column::UsedAt.is_null())
            .filter(invitation::Column::RevokedAt.is_null())
            .filter(invitation::Column::ExpiresAt.gt(now))
            .order_by_asc(invitation::Column::Id)
            .all(&self.db)
            .await?;
        Ok(linked
            .into_iter()
            .map(|(record_id, uid)| AccountLink {
                record_id,
                login: uid.and_then(|u| {
                    emails
                        .iter()
                        .find(|(id, _)| *id == u)
                        .map(|(_, e)| e.clone())
                }),
                invited_until: open
                    .iter()
                    .rfind(|i| i.record_id == Some(record_id))
                    .map(|i| i.expires_at),
            })
            .collect())
    }
}

/// Point a record at a login, if it has none: a record that got one in the meantime, or (for a
/// participant or a contact) a login already linked to another such record, is a form error.
async fn link_record(
    db: &impl ConnectionTrait,
    kind: InviteKind,
    record_id: i32,
    user_id: i32,
) -> Result<()> {
    let taken = |e| StoreError::unique(e, FieldError::FORM, "error-link-taken");
    let r = match kind {
        InviteKind::Supervisor => {
            supervisor::Entity::update_many()
                .col_expr(supervisor::Column::UserId, Expr::value(user_id))
                .filter(supervisor::Column::Id.eq(record_id))
                .filter(supervisor::Column::UserId.is_null())
                .exec(db)
                .await
        }
        InviteKind::EmployerContact => {
            employer_contact::Entity::update_many()
                .col_expr(employer_contact::Column::UserId, Expr::value(user_id))
                .filter(employer_contact::Column::Id.eq(record_id))
                .filter(employer_contact::Column::UserId.is_null())
                .exec(db)
                .await
        }
        InviteKind::Participant => {
            participant::Entity::update_many()
                .col_expr(participant::Column::UserId, Expr::value(user_id))
                .filter(participant::Column::Id.eq(record_id))
                .filter(participant::Column::UserId.is_null())
                .exec(db)
                .await
        }
        InviteKind::Staff => return Ok(()),
    }
    .map_err(taken)?;
    if r.rows_affected == 0 {
        return Err(invalid(FieldError::FORM, "error-invite-linked"));
    }
    Ok(())
}

fn state_of(m: &invitation::Model, now: DateTime<Utc>) -> LinkState {
    if m.used_at.is_some() {
        LinkState::Used
    } else if m.revoked_at.is_some() {
        LinkState::Unknown
    } else if m.expires_at <= now {
        LinkState::Expired
    } else {
        match TokenPurpose::parse(&m.purpose) {
            Ok(purpose) => LinkState::Open {
                purpose,
                name: m.name.clone(),
                email: m.email.clone(),
                lang: m.lang.clone(),
            },
            Err(_) => LinkState::Unknown,
        }
    }
}

/// 32 random bytes as hexadecimal: the link's secret part.
fn new_token() -> String {
    hex::encode(rand::random::<[u8; 32]>())
}
