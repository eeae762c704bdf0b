//! Staff accounts, password login with throttling, and API tokens.

use argon2::Argon2;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use brygga_domain::model::Role;
use brygga_domain::policy::{Action, Relation, Resource};
use brygga_domain::{FieldError, FieldErrors};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use sha2::{Digest, Sha256};

use crate::audit::AuditAction;
use crate::entities::{api_token, employer, login_attempt, membership, organisation, user};
use crate::{Actor, Result, Store, StoreError};

/// A staff account as the store hands it out. The password hash stays inside the store's
/// authentication path.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct User {
    pub id: i32,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub employer_id: Option<i32>,
    pub active: bool,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl From<user::Model> for User {
    fn from(m: user::Model) -> Self {
        User {
            id: m.id,
            email: m.email,
            name: m.name,
            role: m.role.get(),
            employer_id: m.employer_id,
            active: m.active,
            created_at: m.created_at,
        }
    }
}

pub const PASSWORD_MIN: usize = 12;
/// Failed logins for one address within the window before further tries are refused.
pub const MAX_FAILED_PER_EMAIL: u64 = 5;
pub const MAX_FAILED_PER_IP: u64 = 30;
pub const THROTTLE_WINDOW_MINUTES: i64 = 15;

#[derive(Debug, Clone, PartialEq)]
pub enum LoginOutcome {
    Ok(i32),
    Failed,
    Throttled,
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub org_ids: &'a [i32],
    pub employer_id: Option<i32>,
    pub password: &'a str,
}

async fn hash_password(password: &str) -> Result<String> {
    let password = password.to_string();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
    })
    .await
    .map_err(|e| StoreError::Db(sea_orm::DbErr::Custom(e.to_string())))?
    .map_err(|e| StoreError::Db(sea_orm::DbErr::Custom(e.to_string())))
}

async fn verify_password(password: &str, hash: &str) -> bool {
    let (password, hash) = (password.to_string(), hash.to_string());
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|h| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &h)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// A hash that matches no password, verified against when the email is unknown so that the
/// answer takes as long as for a known one.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2ZcTwWl9O3O6ECOpmF6IE1NRy1BVDRbAKiqj7s1fbQ0";

pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

impl Store {
    /// Check a new user's fields, all at once: the valid email and name, or every field error.
    pub async fn user_check(
        &self,
        u: &NewUser<'_>,
    ) -> Result<std::result::Result<(brygga_domain::ids::Email, String), FieldErrors>> {
        let mut errs = FieldErrors::default();
        let email = errs.check("email", brygga_domain::ids::Email::parse(u.email));
        let name = errs.check(
            "name",
            brygga_domain::values::parse_required("name", u.name, 200),
        );
        if u.password.chars().count() < PASSWORD_MIN {
            errs.push(FieldError::new("password", "error-password-too-short"));
        }
        let orgs_found = organisation::Entity::find()
            .filter(organisation::Column::Id.is_in(u.org_ids.to_vec()))
            .count(&self.db)
            .await?;
        if orgs_found != u.org_ids.len() as u64 {
            errs.push(FieldError::new("org_ids", "error-invalid-choice"));
        }
        if let Some(e) = u.employer_id
            && employer::Entity::find_by_id(e)
                .one(&self.db)
                .await?
                .is_none()
        {
            errs.push(FieldError::new("employer_id", "error-invalid-choice"));
        }
        Ok(match (email, name) {
            (Some(email), Some(name)) if errs.is_empty() => Ok((email, name)),
            _ => Err(errs),
        })
    }

    pub async fn user_create(&self, actor: &Actor, u: NewUser<'_>) -> Result<i32> {
        if !actor.can(Action::Create, Resource::User, Relation::Unrelated) {
            return Err(StoreError::Forbidden);
        }
        let (email, name) = match self.user_check(&u).await? {
            Ok(ok) => ok,
            Err(errs) => return Err(StoreError::Invalid(errs)),
        };
        let hash = hash_password(u.password).await?;
        let tx = crate::begin_write(&self.db).await?;
        let m = user::ActiveModel {
            email: Set(email.as_str().to_lowercase()),
            name: Set(name),
            role: Set(u.role.into()),
            password_hash: Set(hash),
            employer_id: Set(u.employer_id),
            active: Set(true),
            created_at: Set(crate::now()),
            ..Default::default()
        }
        .insert(&tx)
        .await
        .map_err(|e| StoreError::unique(e, "email", "error-duplicate-email"))?;
        for org in u.org_ids {
            membership::ActiveModel {
                user_id: Set(m.id),
                org_id: Set(*org),
                ..Default::default()
            }
            .insert(&tx)
            .await?;
        }
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "user",
            Some(m.id),
            &["email", "name", "role", "memberships"],
        )
        .await?;
        Ok(m.id)
    }

    /// A user by address, for whoever may read users (administrators, the CLI).
    pub async fn user_by_email(&self, actor: &Actor, email: &str) -> Result<Option<User>> {
        if !actor.can(Action::Read, Resource::User, Relation::Unrelated) {
            return Err(StoreError::Forbidden);
        }
        Ok(self.user_row_by_email(email).await?.map(User::from))
    }

    /// The row with its password hash: the login path only.
    async fn user_row_by_email(&self, email: &str) -> Result<Option<user::Model>> {
        Ok(user::Entity::find()
            .filter(user::Column::Email.eq(email.trim().to_lowercase()))
            .one(&self.db)
            .await?)
    }

    pub async fn users(&self, actor: &Actor) -> Result<Vec<User>> {
        if !actor.can(Action::List, Resource::User, Relation::Unrelated) {
            return Err(StoreError::Forbidden);
        }
        Ok(user::Entity::find()
            .order_by_asc(user::Column::Email)
            .all(&self.db)
            .await?
            .into_iter()
            .map(User::from)
            .collect())
    }

    /// Users with the organisations they are members of, for the admin's user list.
    pub async fn user_list(&self, actor: &Actor) -> Result<Vec<(User, Vec<i32>)>> {
        let users = self.users(actor).await?;
        let memberships = membership::Entity::find().all(&self.db).await?;
        Ok(users
            .into_iter()
            .map(|u| {
                let orgs = memberships
                    .iter()
                    .filter(|m| m.user_id == u.id)
                    .map(|m| m.org_id)
                    .collect();
                (u, orgs)
            })
            .collect())
    }

    /// Deactivate (or reactivate) an account. A deactivated user cannot log in, and their
    /// sessions and tokens stop working at once (the actor is looked up on every request).
    pub async fn user_set_active(&self, actor: &Actor, user_id: i32, active: bool) -> Result<()> {
        if !actor.can(Action::Update, Resource::User, Relation::Unrelated) {
            return Err(StoreError::Forbidden);
        }
        if actor.user_id == Some(user_id) && !active {
            return Err(StoreError::Invalid(FieldErrors(vec![FieldError::new(
                "active",
                "error-deactivate-self",
            )])));
        }
        let tx = crate::begin_write(&self.db).await?;
        let r = user::Entity::update_many()
            .col_expr(user::Column::Active, Expr::value(active))
            .filter(user::Column::Id.eq(user_id))
            .exec(&tx)
            .await?;
        if r.rows_affected == 0 {
            return Err(StoreError::NotFound);
        }
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "user",
            Some(user_id),
            &["active"],
        )
        .await?;
        Ok(())
    }

    async fn failed_logins_since(&self, col: login_attempt::Column, value: &str) -> Result<u64> {
        let since = crate::now() - chrono::Duration::minutes(THROTTLE_WINDOW_MINUTES);
        Ok(login_attempt::Entity::find()
            .filter(col.eq(value))
            .filter(login_attempt::Column::Success.eq(false))
            .filter(login_attempt::Column::At.gt(since))
            .count(&self.db)
            .await?)
    }

    /// Check a password. Failed attempts are counted per email and per client address in the
    /// database, so the limit holds across app instances.
    pub async fn login(&self, email: &str, password: &str, ip: &str) -> Result<LoginOutcome> {
        let email = email.trim().to_lowercase();
        if self
            .failed_logins_since(login_attempt::Column::Email, &email)
            .await?
            >= MAX_FAILED_PER_EMAIL
            || self
                .failed_logins_since(login_attempt::Column::Ip, ip)
                .await?
                >= MAX_FAILED_PER_IP
        {
            return Ok(LoginOutcome::Throttled);
        }
        let user = self.user_row_by_email(&email).await?;
        let ok = match &user {
            Some(u) if u.active => verify_password(password, &u.password_hash).await,
            _ => {
                verify_password(password, DUMMY_HASH).await;
                false
            }
        };
        login_attempt::ActiveModel {
            email: Set(email.clone()),
            ip: Set(ip.to_string()),
            at: Set(crate::now()),
            success: Set(ok),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        match (ok, user) {
            (true, Some(u)) => {
                if let Some(actor) = self.actor(u.id).await? {
                    self.audit(&actor, AuditAction::Login, "user", Some(u.id), &[])
                        .await?;
                }
                Ok(LoginOutcome::Ok(u.id))
            }
            (_, u) => {
                let mut who = Actor::system();
                who.name = format!("login attempt <{email}>");
                self.audit(&who, AuditAction::LoginFailed, "user", u.map(|u| u.id), &[])
                    .await?;
                Ok(LoginOutcome::Failed)
            }
        }
    }

    pub async fn change_password(
        &self,
        actor: &Actor,
        current: &str,
        new: &str,
        repeat: &str,
    ) -> Result<()> {
        let user_id = actor.user_id.ok_or(StoreError::Forbidden)?;
        let u = user::Entity::find_by_id(user_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let mut errs = FieldErrors::default();
        if !verify_password(current, &u.password_hash).await {
            errs.push(FieldError::new("current", "error-password-wrong"));
        }
        if new.chars().count() < PASSWORD_MIN {
            errs.push(FieldError::new("new", "error-password-too-short"));
        } else if new != repeat {
            errs.push(FieldError::new("repeat", "error-password-mismatch"));
        }
        if !errs.is_empty() {
            return Err(StoreError::Invalid(errs));
        }
        let hash = hash_password(new).await?;
        let tx = crate::begin_write(&self.db).await?;
        user::Entity::update_many()
            .col_expr(user::Column::PasswordHash, Expr::value(hash))
            .filter(user::Column::Id.eq(user_id))
            .exec(&tx)
            .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::PasswordChanged,
            "user",
            Some(user_id),
            &["password_hash"],
        )
        .await?;
        Ok(())
    }

    /// Create an API token for a user; the token is shown once and only its hash is kept.
    pub async fn token_create(&self, actor: &Actor, user_id: i32, name: &str) -> Result<String> {
        if actor.user_id != Some(user_id)
            && !actor.can(Action::Update, Resource::User, Relation::Unrelated)
        {
            return Err(StoreError::Forbidden);
        }
        user::Entity::find_by_id(user_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let token = format!("brygga_{}", hex::encode(rand::random::<[u8; 32]>()));
        let tx = crate::begin_write(&self.db).await?;
        let m = api_token::ActiveModel {
            user_id: Set(user_id),
            name: Set(name.to_string()),
            token_hash: Set(token_hash(&token)),
            created_at: Set(crate::now()),
            last_used_at: Set(None),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::TokenCreated,
            "api_token",
            Some(m.id),
            &["user_id", "name"],
        )
        .await?;
        Ok(token)
    }

    /// The actor behind a bearer token, if the token is known and its user active.
    pub async fn actor_by_token(&self, token: &str) -> Result<Option<Actor>> {
        let Some(t) = api_token::Entity::find()
            .filter(api_token::Column::TokenHash.eq(token_hash(token)))
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        api_token::Entity::update_many()
            .col_expr(api_token::Column::LastUsedAt, Expr::value(crate::now()))
            .filter(api_token::Column::Id.eq(t.id))
            .exec(&self.db)
            .await?;
        self.actor(t.user_id).await
    }
}
