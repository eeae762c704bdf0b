//! Users and invitations in the JSON API: invite a person to a login (201, with the link when
//! no email can be sent), and an administrator's read and edit of a user.

use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use brygga_domain::account::InviteKind;
use brygga_domain::model::Role;
use brygga_domain::policy::{Action, Resource};
use brygga_domain::{FieldError, FieldErrors};
use brygga_store::invitation::InviteInput;
use brygga_store::users::UserEdit;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::http::api::{Versioned, require};
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id};

/// An invitation to a login.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct InvitationDraft {
    /// `supervisor`, `employer_contact`, `participant` or `staff`.
    pub kind: String,
    /// The record's id; none for `staff`.
    pub record_id: Option<i32>,
    pub email: String,
    pub name: String,
    /// A staff login's role (e.g. `education_provider`, `es_officer`).
    pub role: Option<String>,
    /// A staff login's organisations.
    pub org_ids: Vec<i32>,
    /// `sv` (default) or `en`: the language of the email and the page.
    pub lang: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationSent {
    pub id: i32,
    pub email: String,
    /// RFC 3339.
    pub expires_at: String,
    /// The one-time link, only when no SMTP server is configured (else it went by email only).
    pub link: Option<String>,
}

#[utoipa::path(post, path = "/invitations", request_body = InvitationDraft, responses((status = 201, body = InvitationSent), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn invitation_create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    body: Result<Json<InvitationDraft>, JsonRejection>,
) -> Result<(StatusCode, Json<InvitationSent>), ApiError> {
    require(&a, Action::Create, Resource::Invitation)?;
    let Json(d) = body?;
    let kind = InviteKind::parse(&d.kind).map_err(|_| {
        ApiError::Invalid(FieldErrors(vec![FieldError::new(
            "kind",
            "error-invalid-choice",
        )]))
    })?;
    let role = match d.role.as_deref() {
        None | Some("") => None,
        Some(r) => Some(Role::parse(r).map_err(|_| {
            ApiError::Invalid(FieldErrors(vec![FieldError::new(
                "role",
                "error-invalid-choice",
            )]))
        })?),
    };
    if kind != InviteKind::Staff && d.record_id.is_none() {
        return Err(ApiError::Invalid(FieldErrors(vec![FieldError::new(
            "record_id",
            "error-required",
        )])));
    }
    let input = InviteInput {
        kind,
        record_id: d.record_id,
        email: &d.email,
        name: &d.name,
        role,
        org_ids: &d.org_ids,
        lang: d.lang.as_deref().unwrap_or("sv"),
    };
    let sent = brygga_app::account::invite(&s.app, &a, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(InvitationSent {
            id: sent.id,
            email: sent.email,
            expires_at: sent.expires_at.to_rfc3339(),
            link: sent.link,
        }),
    ))
}

/// A user as an administrator reads and edits it (the email is the login's name and is not
/// edited here).
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct UserData {
    #[serde(skip_deserializing)]
    pub email: String,
    pub name: String,
    pub role: String,
    pub org_ids: Vec<i32>,
    pub employer_id: Option<i32>,
    #[serde(skip_deserializing)]
    pub active: bool,
}

#[utoipa::path(get, path = "/users/{id}", params(("id" = i32, Path)), responses((status = 200, body = Versioned<UserData>), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn user_get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<Versioned<UserData>>, ApiError> {
    require(&a, Action::Read, Resource::User)?;
    let (u, orgs) = s.store.user_with_orgs(&a, id).await?;
    Ok(Json(Versioned {
        id: Some(u.id),
        version: u.version,
        data: UserData {
            email: u.email,
            name: u.name,
            role: u.role.as_str().into(),
            org_ids: orgs,
            employer_id: u.employer_id,
            active: u.active,
        },
    }))
}

#[utoipa::path(put, path = "/users/{id}", params(("id" = i32, Path)), request_body = Versioned<UserData>, responses((status = 204), (status = 403, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn user_update(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<Versioned<UserData>>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::User)?;
    let Json(v) = body?;
    let role = Role::parse(&v.data.role).map_err(|_| {
        ApiError::Invalid(FieldErrors(vec![FieldError::new(
            "role",
            "error-invalid-choice",
        )]))
    })?;
    let edit = UserEdit {
        name: &v.data.name,
        role,
        org_ids: &v.data.org_ids,
        employer_id: v.data.employer_id,
    };
    s.store.user_update(&a, id, v.version, &edit).await?;
    Ok(StatusCode::NO_CONTENT)
}
