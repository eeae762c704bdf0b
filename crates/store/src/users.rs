//! Staff accounts, password login with throttling, and API tokens.

use argon2::Argon2;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use brygga_domain::model::Role;
use brygga_domain::policy::{Action, Relation, Resource};
use brygga_domain::{FieldError, FieldErrors};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    Set,
};
use sha2::{Digest, Sha256};

use crate::audit::AuditAction;
use crate::entities::{
    api_token, employer, login_attempt, login_throttle, membership, organisation, session, user,
};
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
    /// Raised by every edit; an edit made on an older version is a conflict.
    pub version: i32,
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
            version: m.version,
        }
    }
}

pub const PASSWORD_MIN: usize = 12;
/// Password checks for one account from one client within the window; more are refused.
pub const MAX_FAILED_PER_PAIR: i32 = 5;
/// Password checks from one client (any accounts) within the window; more are refused.
pub const MAX_FAILED_PER_CLIENT: i32 = 30;
/// Failed checks for one account (from any clients) within the window after which every further
/// check on it waits [`ACCOUNT_SLOWDOWN`] first: slowed, never barred, so that strangers failing
/// on purpose cannot lock the owner out of her account.
pub const ACCOUNT_SLOW_AFTER: i32 = 20;
pub const ACCOUNT_SLOWDOWN: std::time::Duration = std::time::Duration::from_secs(2);
pub const THROTTLE_WINDOW_MINUTES: i64 = 15;

/// The longest an API token may live, and what the CLI gives one when not told.
pub const TOKEN_MAX_DAYS: i64 = 730;
pub const TOKEN_DEFAULT_DAYS: i64 = 90;
pub const TOKEN_NAME_MAX: usize = 100;

/// An API token as its owner and administrators see it (never the token itself).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ApiToken {
    pub id: i32,
    pub user_id: i32,
    pub name: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub last_used_at: Option<chrono::DateTime<chrono::Utc>>,
    pub expires_at: Option<chrono::DateTime<chrono::Utc>>,
    pub revoked_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl ApiToken {
    /// Neither revoked nor expired.
    pub fn is_live(&self) -> bool {
        self.revoked_at.is_none() && self.expires_at.is_none_or(|e| e > crate::now())
    }
}

impl From<api_token::Model> for ApiToken {
    fn from(m: api_token::Model) -> Self {
        ApiToken {
            id: m.id,
            user_id: m.user_id,
            name: m.name,
            created_at: m.created_at,
            last_used_at: m.last_used_at,
            expires_at: m.expires_at,
            revoked_at: m.revoked_at,
        }
    }
}

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

pub(crate) async fn hash_password(password: &str) -> Result<String> {
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

/// Store a new password hash for `user_id` inside the caller's transaction, ending every
/// session of the user but `keep_session` and revoking every API token of theirs.
pub(crate) async fn password_set_in(
    tx: &impl sea_orm::ConnectionTrait,
    user_id: i32,
    hash: String,
    keep_session: Option<&str>,
) -> Result<()> {
    let r = user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(hash))
        .filter(user::Column::Id.eq(user_id))
        .exec(tx)
        .await?;
    if r.rows_affected == 0 {
        return Err(StoreError::NotFound);
    }
    let mut sessions = session::Entity::delete_many().filter(session::Column::UserId.eq(user_id));
    if let Some(keep) = keep_session {
        sessions = sessions.filter(session::Column::Id.ne(keep));
    }
    sessions.exec(tx).await?;
    api_token::Entity::update_many()
        .col_expr(api_token::Column::RevokedAt, Expr::value(crate::now()))
        .filter(api_token::Column::UserId.eq(user_id))
        .filter(api_token::Column::RevokedAt.is_null())
        .exec(tx)
        .await?;
    Ok(())
}

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
            version: Set(1),
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

    /// A user by id, for whoever may read users.
    pub async fn user(&self, actor: &Actor, id: i32) -> Result<User> {
        if !actor.can(Action::Read, Resource::User, Relation::Unrelated) {
            return Err(StoreError::Forbidden);
        }
        user::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .map(User::from)
            .ok_or(StoreError::NotFound)
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

    /// Count one more attempt under `key` in its window (a fresh window once the old one has
    /// passed) and return the count: one atomic upsert, so parallel requests each get their own
    /// number and no two can both be the last one under a limit.
    async fn throttle_bump(&self, key: &str) -> Result<i32> {
        use login_throttle::{Column, Entity};
        let now = crate::now();
        let stale = Expr::col((Entity, Column::WindowStart))
            .lt(now - chrono::Duration::minutes(THROTTLE_WINDOW_MINUTES));
        let m = Entity::insert(login_throttle::ActiveModel {
            key: Set(key.to_string()),
            window_start: Set(now),
            failures: Set(1),
        })
        .on_conflict(
            OnConflict::column(Column::Key)
                .value(
                    Column::Failures,
                    Expr::case(stale.clone(), 1)
                        .finally(Expr::col((Entity, Column::Failures)).add(1)),
                )
                .value(
                    Column::WindowStart,
                    Expr::case(stale, now).finally(Expr::col((Entity, Column::WindowStart))),
                )
                .to_owned(),
        )
        .exec_with_returning(&self.db)
        .await?;
        Ok(m.failures)
    }

    /// Forget throttling counts whose window has passed (they count for nothing); run with the
    /// session sweep.
    pub async fn throttle_sweep(&self) -> Result<u64> {
        let cutoff = crate::now() - chrono::Duration::minutes(THROTTLE_WINDOW_MINUTES);
        Ok(login_throttle::Entity::delete_many()
            .filter(login_throttle::Column::WindowStart.lt(cutoff))
            .exec(&self.db)
            .await?
            .rows_affected)
    }

    /// Take back one count under `key`: the attempt it reserved was not a failure.
    async fn throttle_release(&self, key: &str) -> Result<()> {
        use login_throttle::{Column, Entity};
        Entity::update_many()
            .col_expr(
                Column::Failures,
                Expr::case(
                    Expr::col(Column::Failures).gt(0),
                    Expr::col(Column::Failures).sub(1),
                )
                .finally(0)
                .into(),
            )
            .filter(Column::Key.eq(key))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    /// Check a password. Each attempt is counted before the password is checked — per account
    /// and client, per client, and per account — in the database, so the limits hold across
    /// app instances and under parallel requests. An account and client pair, or a client, over
    /// its limit is refused for the rest of the window; an account over its (higher) ceiling is
    /// only slowed, so the owner can still log in from her own client.
    pub async fn login(&self, email: &str, password: &str, client: &str) -> Result<LoginOutcome> {
        let typed = email.trim().to_lowercase();
        // No address holds a control character (and PostgreSQL refuses a NUL): such a login
        // fails, counted against the address without it.
        let email: String = typed.chars().filter(|c| !c.is_control()).collect();
        let mangled = email != typed;
        let client = self.client_hash(client);
        let pair = format!(
            "pair:{}",
            self.secret
                .mac_hex("throttle", format!("{email}\n{client}").as_bytes())
        );
        let by_client = format!("client:{client}");
        let account = format!(
            "account:{}",
            self.secret.mac_hex("throttle", email.as_bytes())
        );
        if self.throttle_bump(&pair).await? > MAX_FAILED_PER_PAIR
            || self.throttle_bump(&by_client).await? > MAX_FAILED_PER_CLIENT
        {
            return Ok(LoginOutcome::Throttled);
        }
        if self.throttle_bump(&account).await? > ACCOUNT_SLOW_AFTER {
            tokio::time::sleep(ACCOUNT_SLOWDOWN).await;
        }
        let user = self.user_row_by_email(&email).await?;
        let ok = match &user {
            Some(u) if u.active && !mangled => verify_password(password, &u.password_hash).await,
            _ => {
                verify_password(password, DUMMY_HASH).await;
                false
            }
        };
        login_attempt::ActiveModel {
            email: Set(email.clone()),
            ip: Set(client),
            at: Set(crate::now()),
            success: Set(ok),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        match (ok, user) {
            (true, Some(u)) => {
                // Failures only count: this attempt's reservation is handed back, and the pair
                // starts afresh.
                login_throttle::Entity::delete_by_id(pair)
                    .exec(&self.db)
                    .await?;
                self.throttle_release(&by_client).await?;
                self.throttle_release(&account).await?;
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

    /// Change one's own password. Every other session of the user ends and every API token of
    /// theirs is revoked, in the same transaction; `keep_session` (the session the change was
    /// made in) stays.
    pub async fn change_password(
        &self,
        actor: &Actor,
        current: &str,
        new: &str,
        repeat: &str,
        keep_session: Option<&str>,
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
        self.set_password(actor, user_id, new, keep_session).await
    }

    /// Set a user's password without knowing the old one (administrators, the CLI): every
    /// session and every API token of the user ends.
    pub async fn password_reset(&self, actor: &Actor, user_id: i32, new: &str) -> Result<()> {
        if !actor.can(Action::Update, Resource::User, Relation::Unrelated) {
            return Err(StoreError::Forbidden);
        }
        if new.chars().count() < PASSWORD_MIN {
            return Err(StoreError::Invalid(FieldErrors(vec![FieldError::new(
                "new",
                "error-password-too-short",
            )])));
        }
        self.set_password(actor, user_id, new, None).await
    }

    async fn set_password(
        &self,
        actor: &Actor,
        user_id: i32,
        new: &str,
        keep_session: Option<&str>,
    ) -> Result<()> {
        let hash = hash_password(new).await?;
        let tx = crate::begin_write(&self.db).await?;
        password_set_in(&tx, user_id, hash, keep_session).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::PasswordChanged,
            "user",
            Some(user_id),
            &["password_hash", "sessions", "api_tokens"],
        )
        .await?;
        Ok(())
    }

    /// Whether `actor` may manage `user_id`'s tokens: their own, or anyone's for those who may
    /// update users.
    fn may_manage_tokens(actor: &Actor, user_id: i32) -> bool {
        actor.user_id == Some(user_id)
            || actor.can(Action::Update, Resource::User, Relation::Unrelated)
    }

    /// Create an API token for a user, named and living `days` days; the token is shown once
    /// and only its hash is kept.
    pub async fn token_create(
        &self,
        actor: &Actor,
        user_id: i32,
        name: &str,
        days: i64,
    ) -> Result<String> {
        if !Self::may_manage_tokens(actor, user_id) {
            return Err(StoreError::Forbidden);
        }
        let mut errs = FieldErrors::default();
        let name = errs.check(
            "name",
            brygga_domain::values::parse_required("name", name, TOKEN_NAME_MAX),
        );
        if !(1..=TOKEN_MAX_DAYS).contains(&days) {
            errs.push(FieldError::new("expires_days", "error-token-days"));
        }
        let Some(name) = name.filter(|_| errs.is_empty()) else {
            return Err(StoreError::Invalid(errs));
        };
        user::Entity::find_by_id(user_id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let token = format!("brygga_{}", hex::encode(rand::random::<[u8; 32]>()));
        let now = crate::now();
        let tx = crate::begin_write(&self.db).await?;
        let m = api_token::ActiveModel {
            user_id: Set(user_id),
            name: Set(name),
            token_hash: Set(token_hash(&token)),
            created_at: Set(now),
            last_used_at: Set(None),
            expires_at: Set(Some(now + chrono::Duration::days(days))),
            revoked_at: Set(None),
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
            &["user_id", "name", "expires_at"],
        )
        .await?;
        Ok(token)
    }

    /// A user's tokens, newest first, revoked and expired ones included.
    pub async fn tokens(&self, actor: &Actor, user_id: i32) -> Result<Vec<ApiToken>> {
        if !Self::may_manage_tokens(actor, user_id) {
            return Err(StoreError::Forbidden);
        }
        Ok(api_token::Entity::find()
            .filter(api_token::Column::UserId.eq(user_id))
            .order_by_desc(api_token::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(ApiToken::from)
            .collect())
    }

    /// One token by id, for whoever may manage its user's tokens.
    pub async fn token(&self, actor: &Actor, token_id: i32) -> Result<ApiToken> {
        let t = api_token::Entity::find_by_id(token_id)
            .one(&self.db)
            .await?
            .map(ApiToken::from)
            .ok_or(StoreError::NotFound)?;
        if !Self::may_manage_tokens(actor, t.user_id) {
            return Err(StoreError::Forbidden);
        }
        Ok(t)
    }

    /// Revoke a token at once (revoking one already revoked changes nothing).
    pub async fn token_revoke(&self, actor: &Actor, token_id: i32) -> Result<ApiToken> {
        let t = self.token(actor, token_id).await?;
        if t.revoked_at.is_some() {
            return Ok(t);
        }
        let tx = crate::begin_write(&self.db).await?;
        api_token::Entity::update_many()
            .col_expr(api_token::Column::RevokedAt, Expr::value(crate::now()))
            .filter(api_token::Column::Id.eq(token_id))
            .filter(api_token::Column::RevokedAt.is_null())
            .exec(&tx)
            .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::TokenRevoked,
            "api_token",
            Some(token_id),
            &["revoked_at"],
        )
        .await?;
        self.token(actor, token_id).await
    }

    /// The actor behind a bearer token, if the token is known, neither revoked nor expired,
    /// and its user active.
    pub async fn actor_by_token(&self, token: &str) -> Result<Option<Actor>> {
        let now = crate::now();
        let Some(t) = api_token::Entity::find()
            .filter(api_token::Column::TokenHash.eq(token_hash(token)))
            .filter(api_token::Column::RevokedAt.is_null())
            .filter(
                Condition::any()
                    .add(api_token::Column::ExpiresAt.is_null())
                    .add(api_token::Column::ExpiresAt.gt(now)),
            )
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        api_token::Entity::update_many()
            .col_expr(api_token::Column::LastUsedAt, Expr::value(now))
            .filter(api_token::Column::Id.eq(t.id))
            .exec(&self.db)
            .await?;
        self.actor(t.user_id).await
    }
}

/// What an administrator changes on a user: name, role, organisations and employer. The email
/// is the login's name and stays; the password is the user's own (or a reset link's).
#[derive(Debug, Clone)]
pub struct UserEdit<'a> {
    pub name: &'a str,
    pub role: Role,
    pub org_ids: &'a [i32],
    pub employer_id: Option<i32>,
}

impl Store {
    /// A user with the organisations they are members of, for the admin's edit form.
    pub async fn user_with_orgs(&self, actor: &Actor, id: i32) -> Result<(User, Vec<i32>)> {
        let u = self.user(actor, id).await?;
        let orgs = membership::Entity::find()
            .filter(membership::Column::UserId.eq(id))
            .order_by_asc(membership::Column::OrgId)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|m| m.org_id)
            .collect();
        Ok((u, orgs))
    }

    /// Change a user's name, role, organisations and employer, if the user is still at
    /// `version`. An administrator cannot take away her own administrator role (someone must be
    /// left to manage users).
    pub async fn user_update(
        &self,
        actor: &Actor,
        id: i32,
        version: i32,
        e: &UserEdit<'_>,
    ) -> Result<()> {
        if !actor.can(Action::Update, Resource::User, Relation::Unrelated) {
            return Err(StoreError::Forbidden);
        }
        let (before, before_orgs) = self.user_with_orgs(actor, id).await?;
        let mut errs = FieldErrors::default();
        let name = errs.check(
            "name",
            brygga_domain::text::required("name", e.name, brygga_domain::text::NAME_MAX),
        );
        if actor.user_id == Some(id) && before.role == Role::Admin && e.role != Role::Admin {
            errs.push(FieldError::new("role", "error-role-self"));
        }
        let orgs_found = organisation::Entity::find()
            .filter(organisation::Column::Id.is_in(e.org_ids.to_vec()))
            .count(&self.db)
            .await?;
        let mut wanted: Vec<i32> = e.org_ids.to_vec();
        wanted.sort_unstable();
        wanted.dedup();
        if orgs_found != wanted.len() as u64 {
            errs.push(FieldError::new("org_ids", "error-invalid-choice"));
        }
        if let Some(emp) = e.employer_id
            && employer::Entity::find_by_id(emp)
                .one(&self.db)
                .await?
                .is_none()
        {
            errs.push(FieldError::new("employer_id", "error-invalid-choice"));
        }
        let Some(name) = name.filter(|_| errs.is_empty()) else {
            return Err(StoreError::Invalid(errs));
        };
        let tx = crate::begin_write(&self.db).await?;
        crate::update_versioned(
            &tx,
            user::Entity::update_many()
                .col_expr(user::Column::Name, Expr::value(name.clone()))
                .col_expr(user::Column::Role, Expr::value(e.role.as_str()))
                .col_expr(user::Column::EmployerId, Expr::value(e.employer_id)),
            id,
            version,
            StoreError::Db,
        )
        .await?;
        let mut fields = vec![];
        if name != before.name {
            fields.push("name");
        }
        if e.role != before.role {
            fields.push("role");
        }
        if e.employer_id != before.employer_id {
            fields.push("employer_id");
        }
        if wanted != before_orgs {
            fields.push("memberships");
            membership::Entity::delete_many()
                .filter(membership::Column::UserId.eq(id))
                .exec(&tx)
                .await?;
            for org in &wanted {
                membership::ActiveModel {
                    user_id: Set(id),
                    org_id: Set(*org),
                    ..Default::default()
                }
                .insert(&tx)
                .await?;
            }
        }
        self.commit_audited(tx, actor, AuditAction::Update, "user", Some(id), &fields)
            .await?;
        Ok(())
    }
}
