//! User accounts for administrators: create, list, edit, deactivate, send a password reset;
//! API tokens (`token`); invitations and the links between logins and records
//! (`invitation`); users and invitations in the JSON API (`api`).

pub mod api;
pub mod invitation;
pub mod token;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use brygga_domain::model::Role;
use brygga_domain::policy::{Action, Resource};
use brygga_domain::{FieldError, FieldErrors};
use brygga_store::StoreError;
use brygga_store::org::Organisation;
use brygga_store::users::{NewUser, User, UserEdit};
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Id, Staff, WebError, form_errors, form_status};
use crate::organisation::{OrgRow, org_name, tree};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/users", get(user_list).post(user_create))
        .route("/admin/users/new", get(user_new))
        .route("/admin/users/{id}/active", post(user_active))
        .route("/admin/users/{id}/edit", get(user_edit).post(user_save))
        .route("/admin/users/{id}/reset", post(user_reset))
        .merge(token::router())
        .merge(invitation::router())
}

#[derive(Template, WebTemplate)]
#[template(path = "user/list.html")]
struct UserListPage {
    chrome: Chrome,
    users: Vec<(User, Vec<i32>)>,
    orgs: Vec<Organisation>,
    me: Option<i32>,
    errors: Errors,
}

crate::http::page_chrome!(UserListPage);

impl UserListPage {
    fn is_me(&self, id: &i32) -> bool {
        self.me == Some(*id)
    }

    fn org_names(&self, ids: &[i32]) -> String {
        ids.iter()
            .map(|i| org_name(&self.orgs, i))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

async fn user_list_page(s: &AppState, st: Staff, errors: Errors) -> Result<Response, WebError> {
    let users = s.store.user_list(&st.actor).await?;
    let orgs = s.store.orgs(&st.actor).await?;
    let status = form_status(&errors);
    let page = UserListPage {
        me: st.actor.user_id(),
        chrome: st.chrome,
        users,
        orgs,
        errors,
    };
    Ok((status, page).into_response())
}

async fn user_list(State(s): State<AppState>, st: Staff) -> Result<Response, WebError> {
    user_list_page(&s, st, Errors::default()).await
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct UserForm {
    pub email: String,
    pub name: String,
    pub role: String,
    pub org_ids: Vec<String>,
    pub employer_id: String,
    pub password: String,
    pub repeat: String,
}

impl UserForm {
    pub fn has_org(&self, id: &i32) -> bool {
        self.org_ids.iter().any(|o| o.trim() == id.to_string())
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "user/form.html")]
struct UserFormPage {
    chrome: Chrome,
    form: UserForm,
    errors: Errors,
    roles: &'static [Role],
    orgs: Vec<OrgRow>,
    employers: Vec<(i32, String)>,
}

crate::http::page_chrome!(UserFormPage);

async fn user_form_page(
    s: &AppState,
    st: Staff,
    form: UserForm,
    errors: Errors,
) -> Result<Response, WebError> {
    let orgs = tree(s.store.orgs(&st.actor).await?);
    let employers = s.store.employer_names(&st.actor).await?;
    let status = form_status(&errors);
    let page = UserFormPage {
        chrome: st.chrome,
        form,
        errors,
        roles: Role::ALL,
        orgs,
        employers,
    };
    Ok((status, page).into_response())
}

async fn user_new(State(s): State<AppState>, st: Staff) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::User)?;
    // The least powerful role unless the admin chooses another: a slip gives too little.
    let form = UserForm {
        role: brygga_domain::policy::least_powerful_role().as_str().into(),
        ..Default::default()
    };
    user_form_page(&s, st, form, Errors::default()).await
}

async fn user_create(
    State(s): State<AppState>,
    st: Staff,
    Form(form): Form<UserForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::User)?;
    let mut errs = FieldErrors::default();
    let role = errs.check("role", Role::parse(&form.role));
    let org_ids: Vec<i32> = form
        .org_ids
        .iter()
        .filter_map(|o| {
            errs.check(
                "org_ids",
                o.trim()
                    .parse::<i32>()
                    .map_err(|_| FieldError::new("org_ids", "error-invalid-choice")),
            )
        })
        .collect();
    let employer_id = if form.employer_id.trim().is_empty() {
        None
    } else {
        errs.check(
            "employer_id",
            form.employer_id
                .trim()
                .parse::<i32>()
                .map_err(|_| FieldError::new("employer_id", "error-invalid-choice")),
        )
    };
    if form.password != form.repeat {
        errs.push(FieldError::new("repeat", "error-password-mismatch"));
    }
    let new = NewUser {
        email: &form.email,
        name: &form.name,
        role: role.unwrap_or(Role::Participant),
        org_ids: &org_ids,
        employer_id,
        password: &form.password,
    };
    // Every wrong field at once: the form's own checks and the store's.
    if let Err(more) = s.store.user_check(&new).await? {
        errs.0.extend(more.0);
    }
    let result = if errs.is_empty() {
        s.store.user_create(&st.actor, new).await.map(|_| ())
    } else {
        Err(StoreError::Invalid(errs))
    };
    match result {
        Ok(()) => Ok(Redirect::to("/admin/users").into_response()),
        Err(StoreError::Invalid(e)) => {
            // Never send a password back to the browser.
            let form = UserForm {
                password: String::new(),
                repeat: String::new(),
                ..form
            };
            user_form_page(&s, st, form, Errors::from(e)).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ActiveForm {
    active: String,
}

async fn user_active(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<ActiveForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::User)?;
    match s
        .store
        .user_set_active(&st.actor, id, f.active == "true")
        .await
    {
        Ok(()) => Ok(Redirect::to("/admin/users").into_response()),
        Err(StoreError::Invalid(e)) => user_list_page(&s, st, Errors::from(e)).await,
        Err(e) => Err(e.into()),
    }
}

// ------------------------------------------------------------------ editing a user

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct UserEditForm {
    pub name: String,
    pub role: String,
    pub org_ids: Vec<String>,
    pub employer_id: String,
    pub version: String,
}

impl UserEditForm {
    pub fn has_org(&self, id: &i32) -> bool {
        self.org_ids.iter().any(|o| o.trim() == id.to_string())
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "user/edit.html")]
struct UserEditPage {
    chrome: Chrome,
    account: User,
    form: UserEditForm,
    errors: Errors,
    roles: &'static [Role],
    orgs: Vec<OrgRow>,
    employers: Vec<(i32, String)>,
}

crate::http::page_chrome!(UserEditPage);

async fn user_edit_page(
    s: &AppState,
    st: Staff,
    user: User,
    form: UserEditForm,
    errors: Errors,
) -> Result<Response, WebError> {
    let orgs = tree(s.store.orgs(&st.actor).await?);
    let employers = s.store.employer_names(&st.actor).await?;
    let status = form_status(&errors);
    let page = UserEditPage {
        chrome: st.chrome,
        account: user,
        form,
        errors,
        roles: Role::ALL,
        orgs,
        employers,
    };
    Ok((status, page).into_response())
}

async fn user_edit(State(s): State<AppState>, st: Staff, Id(id): Id) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::User)?;
    let (user, orgs) = s.store.user_with_orgs(&st.actor, id).await?;
    let form = UserEditForm {
        name: user.name.clone(),
        role: user.role.as_str().into(),
        org_ids: orgs.iter().map(|o| o.to_string()).collect(),
        employer_id: user.employer_id.map(|e| e.to_string()).unwrap_or_default(),
        version: user.version.to_string(),
    };
    user_edit_page(&s, st, user, form, Errors::default()).await
}

async fn user_save(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(form): Form<UserEditForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::User)?;
    let mut errs = FieldErrors::default();
    let role = errs.check("role", Role::parse(&form.role));
    // An organisation or employer that is not a number is none: the store says so.
    let org_ids: Vec<i32> = form
        .org_ids
        .iter()
        .map(|o| o.trim().parse().unwrap_or(-1))
        .collect();
    let employer_id = match form.employer_id.trim() {
        "" => None,
        e => Some(e.parse().unwrap_or(-1)),
    };
    let version = form.version.trim().parse::<i32>().unwrap_or(0);
    let result = match role {
        Some(role) if errs.is_empty() => {
            let edit = UserEdit {
                name: &form.name,
                role,
                org_ids: &org_ids,
                employer_id,
            };
            s.store.user_update(&st.actor, id, version, &edit).await
        }
        _ => Err(StoreError::Invalid(errs)),
    };
    match result {
        Ok(()) => Ok(Redirect::to("/admin/users").into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let user = s.store.user(&st.actor, id).await?;
            user_edit_page(&s, st, user, form, errors).await
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ResetForm {
    lang: String,
}

async fn user_reset(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<ResetForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::User)?;
    let lang = crate::http::Lang::parse(&f.lang).unwrap_or_default();
    match brygga_app::account::send_reset(&s.app, &st.actor, id, lang).await {
        Ok(sent) => {
            Ok(
                invitation::SentPage::of(st.chrome, sent, true, format!("/admin/users/{id}/edit"))
                    .into_response(),
            )
        }
        Err(brygga_app::Error::Invalid(e)) => {
            let (user, orgs) = s.store.user_with_orgs(&st.actor, id).await?;
            let form = UserEditForm {
                name: user.name.clone(),
                role: user.role.as_str().into(),
                org_ids: orgs.iter().map(|o| o.to_string()).collect(),
                employer_id: user.employer_id.map(|e| e.to_string()).unwrap_or_default(),
                version: user.version.to_string(),
            };
            user_edit_page(&s, st, user, form, Errors::from(e)).await
        }
        Err(e) => Err(e.into()),
    }
}
