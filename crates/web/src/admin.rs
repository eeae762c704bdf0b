//! Administration: user accounts and the organisation tree (administrators only).

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use brygga_domain::model::{OrgKind, Role};
use brygga_domain::policy::{Action, Resource};
use brygga_domain::{FieldError, FieldErrors};
use brygga_store::StoreError;
use brygga_store::org::Organisation;
use brygga_store::users::{NewUser, User};
use serde::Deserialize;

use crate::AppState;
use crate::auth::{Staff, UserInfo};
use crate::error::{Id, WebError};
use crate::forms::Errors;
use crate::i18n::I18n;
use crate::pages::Lists;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/users", get(user_list).post(user_create))
        .route("/admin/users/new", get(user_new))
        .route("/admin/users/{id}/active", post(user_active))
        .route("/admin/organisations", get(org_list).post(org_create))
}

/// An organisation with its depth in the tree, for an indented list.
pub struct OrgRow {
    pub org: Organisation,
    pub depth: usize,
}

/// The tree in display order: each organisation followed by its children.
fn tree(orgs: Vec<Organisation>) -> Vec<OrgRow> {
    fn walk(all: &[Organisation], parent: Option<i32>, depth: usize, out: &mut Vec<OrgRow>) {
        for o in all.iter().filter(|o| o.parent_id == parent) {
            out.push(OrgRow {
                org: o.clone(),
                depth,
            });
            // The tree is four levels deep; the bound guards against bad data.
            if depth < 8 {
                walk(all, Some(o.id), depth + 1, out);
            }
        }
    }
    let mut out = vec![];
    walk(&orgs, None, 0, &mut out);
    out
}

fn org_name(orgs: &[Organisation], id: &i32) -> String {
    orgs.iter()
        .find(|o| o.id == *id)
        .map(|o| o.name.clone())
        .unwrap_or_else(|| id.to_string())
}

// ------------------------------------------------------------------ users

#[derive(Template, WebTemplate)]
#[template(path = "admin_users.html")]
struct UserListPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    users: Vec<(User, Vec<i32>)>,
    orgs: Vec<Organisation>,
    me: Option<i32>,
    errors: Errors,
}

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
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = UserListPage {
        i18n: st.i18n,
        me: st.actor.user_id(),
        user: Some(st.info),
        csrf: st.csrf,
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
#[template(path = "admin_user_form.html")]
struct UserFormPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    form: UserForm,
    errors: Errors,
    roles: &'static [Role],
    orgs: Vec<OrgRow>,
    employers: Vec<(i32, String)>,
}

async fn user_form_page(
    s: &AppState,
    st: Staff,
    form: UserForm,
    errors: Errors,
) -> Result<Response, WebError> {
    let orgs = tree(s.store.orgs(&st.actor).await?);
    let employers = s.store.employer_names(&st.actor).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = UserFormPage {
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
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
    let form = UserForm {
        role: Role::Coordinator.as_str().into(),
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

// ------------------------------------------------------------------ organisations

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OrgForm {
    pub name: String,
    pub parent_id: String,
    pub municipality_code: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin_orgs.html")]
struct OrgPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    lists: Lists,
    orgs: Vec<OrgRow>,
    form: OrgForm,
    errors: Errors,
    can_create: bool,
}

async fn org_page(
    s: &AppState,
    st: Staff,
    form: OrgForm,
    errors: Errors,
) -> Result<Response, WebError> {
    let orgs = tree(s.store.orgs(&st.actor).await?);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let can_create = st.actor.may(Action::Create, Resource::Organisation);
    let lists = Lists {
        refdata: s.refdata.clone(),
    };
    Ok((
        status,
        OrgPage {
            i18n: st.i18n,
            user: Some(st.info),
            csrf: st.csrf,
            lists,
            orgs,
            form,
            errors,
            can_create,
        },
    )
        .into_response())
}

async fn org_list(State(s): State<AppState>, st: Staff) -> Result<Response, WebError> {
    org_page(&s, st, OrgForm::default(), Errors::default()).await
}

/// A new organisation: its kind follows from the parent (none: a region).
async fn org_create(
    State(s): State<AppState>,
    st: Staff,
    Form(form): Form<OrgForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Organisation)?;
    let orgs = s.store.orgs(&st.actor).await?;
    let parent = form
        .parent_id
        .trim()
        .parse::<i32>()
        .ok()
        .and_then(|p| orgs.into_iter().find(|o| o.id == p));
    let kind = match &parent {
        None => Some(OrgKind::Region),
        Some(p) => p.kind.child_kind(),
    };
    let result = match kind {
        None => Err(StoreError::Invalid(FieldErrors(vec![FieldError::new(
            "parent_id",
            "error-org-parent",
        )]))),
        Some(kind) => {
            let municipality = match kind {
                OrgKind::Municipality => match s
                    .refdata
                    .parse_municipality("municipality_code", &form.municipality_code)
                {
                    Ok(code) => Some(code),
                    Err(e) => {
                        return org_page(&s, st, form, Errors::from(FieldErrors(vec![e]))).await;
                    }
                },
                _ => None,
            };
            s.store
                .org_create(
                    &st.actor,
                    kind,
                    &form.name,
                    parent.map(|p| p.id),
                    municipality.as_deref(),
                )
                .await
        }
    };
    match result {
        Ok(_) => Ok(Redirect::to("/admin/organisations").into_response()),
        Err(StoreError::Invalid(e)) => org_page(&s, st, form, Errors::from(e)).await,
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(id: i32, parent: Option<i32>) -> Organisation {
        Organisation {
            id,
            kind: OrgKind::Region,
            name: format!("o{id}"),
            parent_id: parent,
            municipality_code: None,
            created_at: chrono::Utc::now(),
        }
    }

    #[test]
    fn the_tree_lists_children_under_their_parents() {
        let rows = tree(vec![
            org(1, None),
            org(3, Some(2)),
            org(2, Some(1)),
            org(4, Some(1)),
            org(5, None),
        ]);
        let order: Vec<(i32, usize)> = rows.iter().map(|r| (r.org.id, r.depth)).collect();
        assert_eq!(order, vec![(1, 0), (2, 1), (3, 2), (4, 1), (5, 0)]);
    }
}
