//! API tokens: a user's own (`/account/tokens`) and, for administrators, anyone's
//! (`/admin/users/{id}/tokens`). A token is named, expires, and is shown once when made; the list
//! shows when each was used and lets it be revoked.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use brygga_domain::policy::{Action, Resource};
use brygga_domain::{FieldError, FieldErrors};
use brygga_store::StoreError;
use brygga_store::users::{ApiToken, TOKEN_DEFAULT_DAYS};
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Id, IdPair, Staff, WebError, form_status};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/account/tokens", get(own_list).post(own_create))
        .route("/account/tokens/{id}/revoke", post(own_revoke))
        .route("/admin/users/{id}/tokens", get(user_list).post(user_create))
        .route("/admin/users/{id}/tokens/{token}/revoke", post(user_revoke))
}

#[derive(Template, WebTemplate)]
#[template(path = "user/tokens.html")]
struct TokensPage {
    chrome: Chrome,
    /// Whose tokens: `None` for one's own.
    owner: Option<String>,
    /// Where the page lives (`/account/tokens` or `/admin/users/{id}/tokens`).
    base: String,
    tokens: Vec<ApiToken>,
    /// The token just made, shown this once.
    created: Option<String>,
    form: TokenForm,
    errors: Errors,
}

crate::http::page_chrome!(TokensPage);

impl TokensPage {
    fn day(d: &Option<chrono::DateTime<chrono::Utc>>) -> String {
        d.map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    }

    fn status_key(&self, t: &ApiToken) -> &'static str {
        if t.revoked_at.is_some() {
            "token-revoked"
        } else if t.is_live() {
            "token-live"
        } else {
            "token-expired"
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct TokenForm {
    pub name: String,
    pub expires_days: String,
}

impl Default for TokenForm {
    fn default() -> Self {
        TokenForm {
            name: String::new(),
            expires_days: TOKEN_DEFAULT_DAYS.to_string(),
        }
    }
}

/// Whose tokens a request is about.
struct Owner {
    user_id: i32,
    /// The user's name, on an administrator's page.
    name: Option<String>,
    base: String,
}

fn own(st: &Staff) -> Result<Owner, WebError> {
    Ok(Owner {
        user_id: st.actor.user_id().ok_or(WebError::Forbidden)?,
        name: None,
        base: "/account/tokens".into(),
    })
}

async fn other(s: &AppState, st: &Staff, id: i32) -> Result<Owner, WebError> {
    st.require(Action::Update, Resource::User)?;
    let u = s.store.user(&st.actor, id).await?;
    Ok(Owner {
        user_id: u.id,
        name: Some(format!("{} <{}>", u.name, u.email)),
        base: format!("/admin/users/{id}/tokens"),
    })
}

async fn page(
    s: &AppState,
    st: Staff,
    owner: Owner,
    created: Option<String>,
    form: TokenForm,
    errors: Errors,
) -> Result<Response, WebError> {
    let tokens = s.store.tokens(&st.actor, owner.user_id).await?;
    let status = form_status(&errors);
    let page = TokensPage {
        chrome: st.chrome,
        owner: owner.name,
        base: owner.base,
        tokens,
        created,
        form,
        errors,
    };
    Ok((status, page).into_response())
}

async fn create(
    s: &AppState,
    st: Staff,
    owner: Owner,
    form: TokenForm,
) -> Result<Response, WebError> {
    let days = form
        .expires_days
        .trim()
        .parse::<i64>()
        .map_err(|_| FieldErrors(vec![FieldError::new("expires_days", "error-token-days")]));
    let made = match days {
        Ok(days) => {
            s.store
                .token_create(&st.actor, owner.user_id, &form.name, days)
                .await
        }
        Err(e) => Err(StoreError::Invalid(e)),
    };
    match made {
        Ok(token) => {
            page(
                s,
                st,
                owner,
                Some(token),
                TokenForm::default(),
                Errors::default(),
            )
            .await
        }
        Err(StoreError::Invalid(e)) => page(s, st, owner, None, form, Errors::from(e)).await,
        Err(e) => Err(e.into()),
    }
}

async fn revoke(s: &AppState, st: &Staff, owner: &Owner, token: i32) -> Result<Response, WebError> {
    // Only a token of the user the page is about: another user's id answers 404.
    let t = s.store.token(&st.actor, token).await?;
    if t.user_id != owner.user_id {
        return Err(WebError::NotFound);
    }
    s.store.token_revoke(&st.actor, token).await?;
    Ok(Redirect::to(&owner.base).into_response())
}

async fn own_list(State(s): State<AppState>, st: Staff) -> Result<Response, WebError> {
    let owner = own(&st)?;
    page(&s, st, owner, None, TokenForm::default(), Errors::default()).await
}

async fn own_create(
    State(s): State<AppState>,
    st: Staff,
    Form(form): Form<TokenForm>,
) -> Result<Response, WebError> {
    let owner = own(&st)?;
    create(&s, st, owner, form).await
}

async fn own_revoke(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    let owner = own(&st)?;
    revoke(&s, &st, &owner, id).await
}

async fn user_list(State(s): State<AppState>, st: Staff, Id(id): Id) -> Result<Response, WebError> {
    let owner = other(&s, &st, id).await?;
    page(&s, st, owner, None, TokenForm::default(), Errors::default()).await
}

async fn user_create(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(form): Form<TokenForm>,
) -> Result<Response, WebError> {
    let owner = other(&s, &st, id).await?;
    create(&s, st, owner, form).await
}

async fn user_revoke(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, token): IdPair,
) -> Result<Response, WebError> {
    let owner = other(&s, &st, id).await?;
    revoke(&s, &st, &owner, token).await
}
