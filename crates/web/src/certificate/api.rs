//! Certificates in the JSON API, under the same policy as the pages: an internship's
//! certificates, issuing one, revoking one, the signed credential file, and verifying a
//! credential (public, like the page).

use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use brygga_domain::certificate::RevokeDraft;
use brygga_domain::certificate::Verification;
use brygga_domain::policy::{Action, Resource};
use brygga_store::certificate::CertificateView;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::http::api::{Created, require};
use crate::http::{ApiActor, ApiError, ApiErrorBody, Id};

/// An internship's certificates, newest first (revoked ones too, with the reason).
#[derive(Debug, Serialize, ToSchema)]
pub struct CertificatesBody {
    pub items: Vec<CertificateView>,
    /// Whether the supervisor has signed the end assessment (a certificate needs it).
    pub signed_end: bool,
}

/// Which certificate to issue: `internship` or `competence`.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct IssueBody {
    pub kind: String,
}

/// A credential to verify: the VC-JWT as downloaded.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct VerifyBody {
    pub credential: String,
}

#[utoipa::path(get, path = "/internships/{id}/certificates", params(("id" = i32, Path)), responses((status = 200, body = CertificatesBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn certificate_list(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Json<CertificatesBody>, ApiError> {
    require(&a, Action::Read, Resource::Certificate)?;
    let c = brygga_app::certificate::of_internship(&s, &a, id).await?;
    Ok(Json(CertificatesBody {
        items: c.items,
        signed_end: c.signed_end,
    }))
}

#[utoipa::path(post, path = "/internships/{id}/certificates", params(("id" = i32, Path)), request_body = IssueBody, responses((status = 201, body = Created), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, description = "No signed end assessment, an unknown kind, or a live certificate of the kind already issued", body = ApiErrorBody)))]
pub(crate) async fn certificate_issue(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<IssueBody>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require(&a, Action::Create, Resource::Certificate)?;
    let Json(b) = body?;
    let cid = brygga_app::certificate::issue(&s, &a, id, &b.kind).await?;
    Ok((StatusCode::CREATED, Json(Created { id: cid })))
}

#[utoipa::path(post, path = "/certificates/{id}/revoke", params(("id" = i32, Path)), request_body = RevokeDraft, responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn certificate_revoke(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
    body: Result<Json<RevokeDraft>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    require(&a, Action::Update, Resource::Certificate)?;
    let Json(d) = body?;
    brygga_app::certificate::revoke(&s, &a, id, &d).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/certificates/{id}/credential", params(("id" = i32, Path)), responses((status = 200, description = "The Open Badges 3.0 credential as a VC-JWT (EdDSA)", content_type = "application/vc+jwt", body = String), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn certificate_credential(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Id(id): Id,
) -> Result<Response, ApiError> {
    require(&a, Action::Read, Resource::Certificate)?;
    let (_, jwt) = brygga_app::certificate::credential_file(&s, &a, id).await?;
    Ok((
        [(axum::http::header::CONTENT_TYPE, "application/vc+jwt")],
        jwt,
    )
        .into_response())
}

#[utoipa::path(post, path = "/credentials/verify", security(()), request_body = VerifyBody, responses((status = 200, description = "The verdict (valid, revoked, invalid, unknown) and, when the signature holds, what the credential says", body = Verification), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn credential_verify(
    State(s): State<AppState>,
    body: Result<Json<VerifyBody>, JsonRejection>,
) -> Result<Json<Verification>, ApiError> {
    let Json(b) = body?;
    if b.credential.trim().is_empty() {
        return Err(ApiError::from(brygga_app::Error::Invalid(
            brygga_domain::FieldErrors(vec![brygga_domain::FieldError::new(
                "credential",
                "error-required",
            )]),
        )));
    }
    Ok(Json(
        brygga_app::certificate::verify_token(&s, &b.credential).await?,
    ))
}
